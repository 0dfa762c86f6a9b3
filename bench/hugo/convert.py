#!/usr/bin/env python3
"""Turns an etalase catalogue folder into an equivalent Hugo site, for the
photo-pipeline baseline in bench/run-photos.sh.

Usage: python3 bench/hugo/convert.py CATALOGUE_DIR SITE_DIR [--webp]

SITE_DIR must be missing or empty. It receives:

- hugo.toml: bilingual (id, en) like etalase, both languages in a subfolder
  (/id/, /en/), JPEG quality 80;
- layouts/: a copy of bench/hugo/layouts;
- content/products/<slug>/index.md (+ index.en.md when the product has
  en.md): a page bundle per product, with title, price and the photo list
  (file and alt text, in the order of product.yaml) in YAML front matter,
  and the product's Markdown as the body;
- the photos, copied (hard-linked when possible) into the bundle as page
  resources. `_build: publishResources: false` keeps Hugo from copying the
  originals to the output: only the resized variants are published.

--webp sets params.webp = true, so the product template also emits a
<picture> with WebP variants at the same three widths (a closer match to a
WebP + JPEG pipeline, and twice the encoding work).

Python 3 standard library only. The catalogue's YAML is read with a small
parser that covers what etalase catalogues use (block mappings and
sequences, flow {…} and […], plain and quoted scalars, comments).
"""

import json
import os
import re
import shutil
import sys

LANGUAGES = ("id", "en")
HERE = os.path.dirname(os.path.abspath(__file__))


# --- a small YAML subset parser -------------------------------------------


class YamlError(Exception):
    pass


def _strip_comment(line):
    """Removes a ` #` comment that is not inside quotes."""
    quote = None
    escaped = False
    for i, ch in enumerate(line):
        if quote:
            if escaped:
                escaped = False
            elif ch == "\\" and quote == '"':
                escaped = True
            elif ch == quote:
                quote = None
        elif ch in "\"'":
            quote = ch
        elif ch == "#" and (i == 0 or line[i - 1] in " \t"):
            return line[:i].rstrip()
    return line.rstrip()


def _scalar(text):
    text = text.strip()
    if not text:
        return None
    if text[0] == '"':
        return json.loads(text)  # YAML double-quoted strings are close enough to JSON
    if text[0] == "'":
        return text[1:-1].replace("''", "'")
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    if re.fullmatch(r"-?\d+\.\d+", text):
        return float(text)
    if text in ("true", "false"):
        return text == "true"
    if text in ("null", "~"):
        return None
    return text


class _Flow:
    """Parses a flow collection: {a: b, c: [d, e]}."""

    def __init__(self, text):
        self.s = text
        self.i = 0

    def parse(self):
        value = self.value()
        self.ws()
        if self.i != len(self.s):
            raise YamlError("trailing text in flow value: " + self.s)
        return value

    def ws(self):
        while self.i < len(self.s) and self.s[self.i] in " \t":
            self.i += 1

    def value(self):
        self.ws()
        ch = self.s[self.i] if self.i < len(self.s) else ""
        if ch == "{":
            self.i += 1
            out = {}
            while True:
                self.ws()
                if self.s[self.i] == "}":
                    self.i += 1
                    return out
                key = self.atom(stop=":")
                self.ws()
                if self.s[self.i] != ":":
                    raise YamlError("expected ':' in " + self.s)
                self.i += 1
                out[str(key)] = self.value()
                self.ws()
                if self.s[self.i] == ",":
                    self.i += 1
        if ch == "[":
            self.i += 1
            out = []
            while True:
                self.ws()
                if self.s[self.i] == "]":
                    self.i += 1
                    return out
                out.append(self.value())
                self.ws()
                if self.s[self.i] == ",":
                    self.i += 1
        return self.atom(stop=",]}")

    def atom(self, stop):
        self.ws()
        start = self.i
        if self.i < len(self.s) and self.s[self.i] in "\"'":
            quote = self.s[self.i]
            self.i += 1
            while self.s[self.i] != quote:
                self.i += 2 if quote == '"' and self.s[self.i] == "\\" else 1
            self.i += 1
            return _scalar(self.s[start : self.i])
        while self.i < len(self.s) and self.s[self.i] not in stop:
            self.i += 1
        return _scalar(self.s[start : self.i])


def _value(text):
    text = text.strip()
    if text.startswith(("{", "[")):
        return _Flow(text).parse()
    return _scalar(text)


def _split_key(text):
    """'key: value' -> (key, value) or None when the line is not a mapping entry."""
    m = re.match(r"""^("[^"]*"|'[^']*'|[^:#{}\[\],"'][^:]*?)\s*:(?:\s+(.*)|)$""", text)
    if not m:
        return None
    return str(_scalar(m.group(1))), (m.group(2) or "")


def parse_yaml(source):
    lines = []
    for raw in source.splitlines():
        line = _strip_comment(raw)
        if line.strip() and line.strip() != "---":
            lines.append((len(line) - len(line.lstrip(" ")), line.strip()))
    value, pos = _block(lines, 0, 0 if not lines else lines[0][0])
    if pos != len(lines):
        raise YamlError("could not parse line: " + lines[pos][1])
    return value


def _block(lines, pos, indent):
    if pos >= len(lines):
        return None, pos
    if lines[pos][1].startswith("- ") or lines[pos][1] == "-":
        return _sequence(lines, pos, indent)
    return _mapping(lines, pos, indent)


def _mapping(lines, pos, indent):
    out = {}
    while pos < len(lines) and lines[pos][0] == indent:
        entry = _split_key(lines[pos][1])
        if entry is None:
            raise YamlError("expected 'key: value': " + lines[pos][1])
        key, rest = entry
        pos += 1
        if rest:
            out[key] = _value(rest)
        elif pos < len(lines) and (
            lines[pos][0] > indent or (lines[pos][0] == indent and lines[pos][1].startswith("-"))
        ):
            out[key], pos = _block(lines, pos, lines[pos][0])
        else:
            out[key] = None
    return out, pos


def _sequence(lines, pos, indent):
    out = []
    while pos < len(lines) and lines[pos][0] == indent and (
        lines[pos][1].startswith("- ") or lines[pos][1] == "-"
    ):
        item = lines[pos][1][1:].strip()
        item_indent = indent + 2
        if not item:
            pos += 1
            value, pos = _block(lines, pos, lines[pos][0]) if pos < len(lines) else (None, pos)
            out.append(value)
            continue
        if _split_key(item) is not None and not item.startswith(("{", "[", '"', "'")):
            # "- key: value" opens a mapping whose later keys are indented further.
            nested = [(item_indent, item)]
            pos += 1
            while pos < len(lines) and lines[pos][0] > indent:
                nested.append(lines[pos])
                pos += 1
            value, used = _mapping(nested, 0, item_indent)
            if used != len(nested):
                raise YamlError("could not parse list item near: " + nested[used][1])
            out.append(value)
        else:
            out.append(_value(item))
            pos += 1
    return out, pos


# --- conversion ------------------------------------------------------------


def localized(value, lang):
    """A `{ id: …, en: … }` pair or a plain string, in `lang` (falling back to id)."""
    if isinstance(value, dict):
        return value.get(lang) or value.get("id") or next(iter(value.values()), "")
    return "" if value is None else str(value)


def front_matter(fields):
    # JSON is valid YAML, and json.dumps quotes everything safely.
    lines = ["---"]
    for key, value in fields.items():
        lines.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
    lines.append("---")
    return "\n".join(lines) + "\n"


def link_or_copy(src, dst):
    try:
        os.link(src, dst)
    except OSError:
        shutil.copyfile(src, dst)


def convert_product(product_dir, target, slug):
    meta = parse_yaml(open(os.path.join(product_dir, "product.yaml"), encoding="utf-8").read())
    os.makedirs(target)
    photos = meta.get("photos") or []
    for photo in photos:
        link_or_copy(os.path.join(product_dir, photo["file"]), os.path.join(target, photo["file"]))
    price = meta.get("price") or {}
    for lang in LANGUAGES:
        body_path = os.path.join(product_dir, f"{lang}.md")
        if not os.path.exists(body_path):
            continue
        fields = {
            "title": localized(meta.get("name"), lang),
            "slug": slug,
            "price_min": price.get("min", price.get("amount")),
            "price_max": price.get("max", price.get("amount")),
            "unit": localized(meta.get("unit"), lang),
            "category": meta.get("category"),
            "producer": meta.get("producer"),
            "featured": bool(meta.get("featured")),
            "photos": [{"src": p["file"], "alt": localized(p.get("alt"), lang)} for p in photos],
            "_build": {"publishResources": False},
        }
        name = "index.md" if lang == LANGUAGES[0] else f"index.{lang}.md"
        with open(os.path.join(target, name), "w", encoding="utf-8") as out:
            out.write(front_matter(fields))
            out.write("\n")
            out.write(open(body_path, encoding="utf-8").read())
    return len(photos)


def write_config(catalogue, site, webp):
    title = catalogue.get("title") or {}
    config = f"""baseURL = "https://bench.example.id/"
title = {json.dumps(localized(title, "id"))}
defaultContentLanguage = "id"
defaultContentLanguageInSubdir = true
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]

[params]
webp = {"true" if webp else "false"}

[imaging]
quality = 80

[languages.id]
languageName = "Bahasa Indonesia"
weight = 1
title = {json.dumps(localized(title, "id"))}

[languages.en]
languageName = "English"
weight = 2
title = {json.dumps(localized(title, "en"))}
"""
    with open(os.path.join(site, "hugo.toml"), "w", encoding="utf-8") as out:
        out.write(config)


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    flags = {a for a in argv if a.startswith("--")}
    if len(args) != 2 or flags - {"--webp"}:
        sys.exit("usage: convert.py CATALOGUE_DIR SITE_DIR [--webp]")
    catalogue_dir, site = args
    if os.path.exists(site) and os.listdir(site):
        sys.exit(f"convert.py: {site} is not empty")
    catalogue = parse_yaml(open(os.path.join(catalogue_dir, "catalogue.yaml"), encoding="utf-8").read())
    products_dir = os.path.join(catalogue_dir, "content", "products")
    os.makedirs(os.path.join(site, "content", "products"))
    write_config(catalogue, site, "--webp" in flags)
    shutil.copytree(os.path.join(HERE, "layouts"), os.path.join(site, "layouts"))
    for lang in LANGUAGES:
        section = "_index.md" if lang == LANGUAGES[0] else f"_index.{lang}.md"
        with open(os.path.join(site, "content", "products", section), "w", encoding="utf-8") as out:
            out.write(front_matter({"title": "Produk" if lang == "id" else "Products"}))
    products = photos = 0
    for slug in sorted(os.listdir(products_dir)):
        product_dir = os.path.join(products_dir, slug)
        if not os.path.isfile(os.path.join(product_dir, "product.yaml")):
            continue
        photos += convert_product(product_dir, os.path.join(site, "content", "products", slug), slug)
        products += 1
    print(f"convert.py: {products} products, {photos} photos -> {site}")


if __name__ == "__main__":
    main(sys.argv[1:])
