"""Reads an etalase catalogue folder into plain Python values, for the converters that
write equivalent Hugo and Zola sites (bench/hugo/convert.py, bench/zola/convert.py).

Python 3 standard library only. The catalogue's YAML is read with a small parser that
covers what etalase catalogues use (block mappings and sequences, flow {…} and […],
plain and quoted scalars, comments); it is not a general YAML parser.

    catalogue = read(CATALOGUE_DIR)
    catalogue.title["en"], catalogue.categories, catalogue.producers, catalogue.products

Every text a reader sees is already resolved per language (`"id"` and `"en"`), with
etalase's fallback: a missing translation is the default language's text.
"""

import json
import os
import re
import shutil
from dataclasses import dataclass, field

LANGUAGES = ("id", "en")  # the first is the default, as in the catalogues bench/ generates


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


# --- the catalogue ---------------------------------------------------------


def localized(value, lang):
    """A `{ id: …, en: … }` pair or a plain string, in `lang` (falling back to id)."""
    if isinstance(value, dict):
        return value.get(lang) or value.get(LANGUAGES[0]) or next(iter(value.values()), "")
    return "" if value is None else str(value)


def per_language(value):
    return {lang: localized(value, lang) for lang in LANGUAGES}


@dataclass
class Photo:
    file: str  # a file name in the entry's folder
    path: str  # its full path
    alt: dict  # lang -> text


@dataclass
class Entry:
    """A producer or a product: one folder, its YAML, and its Markdown per language."""

    slug: str
    folder: str
    meta: dict
    name: dict  # lang -> name
    body: dict  # lang -> Markdown (falls back to the default language's)
    own_languages: tuple  # the languages with their own Markdown file
    photos: list = field(default_factory=list)


@dataclass
class Catalogue:
    title: dict
    description: dict
    base_url: str
    categories: list  # [(slug, {lang: name})]
    producers: dict  # slug -> Entry
    products: list  # [Entry], sorted by slug
    pages: list  # [Entry] (free pages: content/pages/<slug>/)


def _read_text(path):
    with open(path, encoding="utf-8-sig") as f:
        return f.read().replace("\r\n", "\n")


def _split_front_matter(text):
    """`---\\nkey: value\\n---\\nbody` -> ({key: value}, body); ({}, text) without one."""
    if not text.startswith("---\n"):
        return {}, text
    end = text.find("\n---", 4)
    if end < 0:
        return {}, text
    after = text.find("\n", end + 4)
    body = "" if after < 0 else text[after + 1 :]
    return parse_yaml(text[4:end]) or {}, body


def _entry(folder, slug, plain_name=False):
    yaml_file = next(
        (os.path.join(folder, n) for n in ("product.yaml", "producer.yaml") if os.path.isfile(os.path.join(folder, n))),
        None,
    )
    meta = parse_yaml(_read_text(yaml_file)) if yaml_file else {}
    meta = meta or {}
    name = per_language(meta.get("name"))
    body, own = {}, []
    for lang in LANGUAGES:
        path = os.path.join(folder, f"{lang}.md")
        if not os.path.isfile(path):
            continue
        overrides, text = _split_front_matter(_read_text(path))
        if overrides.get("name") or overrides.get("title"):
            name[lang] = str(overrides.get("name") or overrides.get("title"))
        body[lang] = text
        own.append(lang)
    for lang in LANGUAGES:
        body.setdefault(lang, body.get(LANGUAGES[0], ""))
    photos = [
        Photo(file=p["file"], path=os.path.join(folder, p["file"]), alt=per_language(p.get("alt")))
        for p in (meta.get("photos") or [])
    ]
    return Entry(slug, folder, meta, name, body, tuple(own), photos)


def _entries(folder):
    if not os.path.isdir(folder):
        return []
    return [
        _entry(os.path.join(folder, slug), slug)
        for slug in sorted(os.listdir(folder))
        if not slug.startswith(".") and os.path.isdir(os.path.join(folder, slug))
    ]


def read(catalogue_dir):
    config = parse_yaml(_read_text(os.path.join(catalogue_dir, "catalogue.yaml"))) or {}
    content = os.path.join(catalogue_dir, "content")
    producers = {e.slug: e for e in _entries(os.path.join(content, "producers"))}
    for producer in producers.values():
        producer.name = {lang: str(producer.meta.get("name") or producer.slug) for lang in LANGUAGES}
    products = [e for e in _entries(os.path.join(content, "products")) if e.meta]
    return Catalogue(
        title=per_language(config.get("title")),
        description=per_language(config.get("description")),
        base_url=str(config.get("base_url") or "https://bench.example.id/"),
        categories=[(c["slug"], per_language(c.get("name"))) for c in (config.get("categories") or [])],
        producers=producers,
        products=products,
        pages=_entries(os.path.join(content, "pages")),
    )


_INTERNAL_LINK = re.compile(r"\]\(@/(products|producers|categories|tags|pages)/([a-z0-9-]+)/?\)")


def rewrite_links(markdown, url):
    """Rewrites etalase's internal links, `[text](@/products/slug)`, to `[text](URL)` with
    URL = url(kind, slug) (the peer's path for that page)."""
    return _INTERNAL_LINK.sub(lambda m: "](" + url(m.group(1), m.group(2)) + ")", markdown)


def price_range(meta):
    """(min, max) in whole rupiah, or (None, None) when the product has no price."""
    price = meta.get("price") or {}
    low = price.get("min", price.get("amount"))
    return low, price.get("max", low)


def rupiah(amount):
    """1500000 -> "1.500.000" (Indonesian thousands separators, as etalase and Hugo's
    lang.FormatNumber write them)."""
    return f"{amount:,}".replace(",", ".")


def price_text(meta, lang):
    """The price line a reader sees: "Rp 350.000 – 750.000 / lembar", or "" without a price."""
    low, high = price_range(meta)
    if low is None:
        return ""
    text = f"Rp {rupiah(low)}" + (f" – {rupiah(high)}" if high != low else "")
    unit = localized(meta.get("unit"), lang)
    return text + (f" / {unit}" if unit else "")


def link_or_copy(src, dst):
    """Hard-links a photo into the peer site (a copy when they are on different file systems)."""
    try:
        os.link(src, dst)
    except OSError:
        shutil.copyfile(src, dst)


def prepare_site_dir(site, tool):
    if os.path.exists(site) and os.listdir(site):
        raise SystemExit(f"{tool}: {site} is not empty")
    os.makedirs(site, exist_ok=True)


def content_file(folder, lang, section=False):
    """The content file of a page (`index.md`) or section (`_index.md`) in `lang`: the first
    language without a suffix, the others as `index.<lang>.md` (Hugo and Zola agree on this)."""
    base = "_index" if section else "index"
    name = f"{base}.md" if lang == LANGUAGES[0] else f"{base}.{lang}.md"
    return os.path.join(folder, name)


def write(path, text):
    """Writes a UTF-8 text file, making its folder first."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as out:
        out.write(text)
