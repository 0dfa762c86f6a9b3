#!/usr/bin/env python3
"""Turns an etalase catalogue folder into an equivalent Hugo site, for bench/peers.sh and
bench/run-photos.sh.

Usage: python3 bench/hugo/convert.py CATALOGUE_DIR SITE_DIR [--webp]

SITE_DIR must be missing or empty. It receives:

- hugo.toml: bilingual (id, en) like etalase, both languages in a subfolder (/id/, /en/);
  taxonomies `categories`, `tags` and `producers`; lists paginated by 48 (etalase's
  CARDS_PER_PAGE); Hugo's defaults otherwise (a sitemap, and RSS feeds for the home page,
  sections and taxonomies); JPEG quality 80;
- layouts/: a copy of bench/hugo/layouts;
- content/products/<slug>/index.md and index.en.md: a page bundle per product, with title,
  price, unit, producer, category, tags and the photo list (file and alt text, in the order
  of product.yaml) in front matter, and the product's Markdown as the body. A product
  without en.md gets the Indonesian text on its English page, as etalase falls back;
- content/producers/<slug>/_index.md (and .en.md): the producer's page is the term page of
  the `producers` taxonomy, with the story as its content and the products listed under it;
- content/categories/<slug>/_index.md (and .en.md): each category's name per language;
- the photos, hard-linked (or copied) into the bundle as page resources.
  `_build: publishResources: false` keeps Hugo from copying the originals to the output:
  only the resized variants are published.

--webp sets params.webp = true, so the templates also emit a <picture> with WebP variants
(quality 70, as etalase) at the same three widths: etalase's output (WebP and a JPEG
fallback). bench/peers.sh always passes it; bench/run-photos.sh only with HUGO_WEBP=1.
"""

import json
import os
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

import peer_catalogue as pc  # noqa: E402  (bench/peer_catalogue.py, found through sys.path)

CARDS_PER_PAGE = 48  # etalase's CARDS_PER_PAGE (src/render/mod.rs)


def front_matter(fields):
    # JSON is valid YAML, and json.dumps quotes everything safely.
    lines = ["---"]
    for key, value in fields.items():
        if value is not None:
            lines.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
    lines.append("---")
    return "\n".join(lines) + "\n"


def body(entry, lang):
    # etalase's internal links `(@/kind/slug)` become Hugo's paths (every language in a subfolder).
    return pc.rewrite_links(entry.body[lang], lambda kind, slug: f"/{lang}/{kind}/{slug}/")


def write_config(cat, site, webp):
    languages = "\n".join(
        f"""[languages.{lang}]
languageName = {json.dumps(lang)}
weight = {weight}
title = {json.dumps(cat.title[lang], ensure_ascii=False)}
[languages.{lang}.params]
description = {json.dumps(cat.description[lang], ensure_ascii=False)}
"""
        for weight, lang in enumerate(pc.LANGUAGES, start=1)
    )
    config = f"""baseURL = {json.dumps(cat.base_url.rstrip("/") + "/")}
title = {json.dumps(cat.title[pc.LANGUAGES[0]], ensure_ascii=False)}
defaultContentLanguage = "{pc.LANGUAGES[0]}"
defaultContentLanguageInSubdir = true
paginate = {CARDS_PER_PAGE}

[taxonomies]
category = "categories"
tag = "tags"
producer = "producers"

[params]
webp = {"true" if webp else "false"}

[imaging]
quality = 80

{languages}"""
    pc.write(os.path.join(site, "hugo.toml"), config)


def write_product(product, site):
    target = os.path.join(site, "content", "products", product.slug)
    os.makedirs(target)
    for photo in product.photos:
        pc.link_or_copy(photo.path, os.path.join(target, photo.file))
    meta = product.meta
    low, high = pc.price_range(meta)
    for lang in pc.LANGUAGES:
        fields = {
            "title": product.name[lang],
            "slug": product.slug,
            "price_min": low,
            "price_max": high,
            "unit": pc.localized(meta.get("unit"), lang) or None,
            "min_order": meta.get("min_order"),
            "categories": [meta.get("category")],
            "tags": list(meta.get("tags") or []),
            "producers": [meta.get("producer")],
            "featured": bool(meta.get("featured")),
            "photos": [{"src": p.file, "alt": p.alt[lang]} for p in product.photos],
            "_build": {"publishResources": False},
        }
        pc.write(pc.content_file(target, lang), front_matter(fields) + "\n" + body(product, lang))


def write_producer(producer, site):
    meta = producer.meta
    for lang in pc.LANGUAGES:
        fields = {"title": producer.name[lang]}
        fields.update(
            (key, meta.get(key))
            for key in ("kind", "owner", "sentra", "address", "whatsapp", "instagram", "email", "founded")
        )
        folder = os.path.join(site, "content", "producers", producer.slug)
        pc.write(pc.content_file(folder, lang, section=True), front_matter(fields) + "\n" + body(producer, lang))


def write_lists(cat, site):
    titles = {
        "products": {"id": "Produk", "en": "Products"},
        "categories": {"id": "Kategori", "en": "Categories"},
        "tags": {"id": "Tag", "en": "Tags"},
        "producers": {"id": "Produsen", "en": "Producers"},
    }
    for section, title in titles.items():
        for lang in pc.LANGUAGES:
            folder = os.path.join(site, "content", section)
            pc.write(pc.content_file(folder, lang, section=True), front_matter({"title": title[lang]}))
    for slug, names in cat.categories:
        for lang in pc.LANGUAGES:
            folder = os.path.join(site, "content", "categories", slug)
            pc.write(pc.content_file(folder, lang, section=True), front_matter({"title": names[lang]}))


def write_page(page, site):
    for lang in pc.LANGUAGES:
        fields = {"title": page.name[lang] or page.slug, "layout": "free"}
        folder = os.path.join(site, "content", "pages", page.slug)
        pc.write(pc.content_file(folder, lang), front_matter(fields) + "\n" + body(page, lang))


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    flags = {a for a in argv if a.startswith("--")}
    if len(args) != 2 or flags - {"--webp"}:
        sys.exit("usage: convert.py CATALOGUE_DIR SITE_DIR [--webp]")
    catalogue_dir, site = args
    pc.prepare_site_dir(site, "hugo/convert.py")
    cat = pc.read(catalogue_dir)
    write_config(cat, site, "--webp" in flags)
    shutil.copytree(os.path.join(HERE, "layouts"), os.path.join(site, "layouts"))
    write_lists(cat, site)
    photos = 0
    for product in cat.products:
        write_product(product, site)
        photos += len(product.photos)
    for producer in cat.producers.values():
        write_producer(producer, site)
    for page in cat.pages:
        write_page(page, site)
    print(f"hugo/convert.py: {len(cat.products)} products, {len(cat.producers)} producers, {photos} photos -> {site}")


if __name__ == "__main__":
    main(sys.argv[1:])
