#!/usr/bin/env python3
"""Turns an etalase catalogue folder into an equivalent Zola site, for bench/peers.sh.

Usage: python3 bench/zola/convert.py CATALOGUE_DIR SITE_DIR

SITE_DIR must be missing or empty. It receives:

- zola.toml: bilingual (id, the default, at the root; en under /en/), taxonomies
  `categories` and `tags` (term pages paginated by 48, as etalase's lists) and
  `producers` (not rendered: the producer pages list their products through it),
  Zola's default sitemap, no feeds (Zola's default), no search index, no Sass;
- templates/: a copy of bench/zola/templates;
- content/_index.md, content/products/_index.md (paginated by 48, sorted by title),
  content/producers/_index.md (not rendered itself), each also as _index.en.md;
- content/products/<slug>/index.md and index.en.md: title, the product's Markdown,
  and in [extra] the price, unit, producer, category, featured flag and photo list;
  a product without en.md gets the Indonesian text on its English page, as etalase
  falls back;
- content/producers/<slug>/index.md and index.en.md: the producer's name, story and
  contact fields;
- photos/<slug>/<file>: the product photos, hard-linked (or copied). They live outside
  content/ so that Zola does not publish the originals (etalase publishes only the
  resized copies); the templates find them with resize_image(path="photos/…").

The templates resize every photo to 480, 960 and 1600 px wide, in WebP (quality 70) and
JPEG (quality 80), as etalase does, plus a 1200×630 JPEG link preview of each product's
first photo.
"""

import json
import os
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

import peer_catalogue as pc  # noqa: E402  (bench/peer_catalogue.py, found through sys.path)

CARDS_PER_PAGE = 48  # etalase's CARDS_PER_PAGE (src/render/mod.rs)


def toml_string(text):
    # A JSON string is a valid TOML basic string (same escapes; json.dumps escapes controls).
    return json.dumps(str(text), ensure_ascii=False)


def toml_value(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {toml_value(v)}" for k, v in value.items()) + " }"
    return toml_string(value)


def front_matter(fields, taxonomies=None, extra=None):
    lines = ["+++"]
    lines += [f"{key} = {toml_value(value)}" for key, value in fields.items() if value is not None]
    if taxonomies:
        lines.append("[taxonomies]")
        lines += [f"{key} = {toml_value(value)}" for key, value in taxonomies.items()]
    if extra:
        lines.append("[extra]")
        lines += [f"{key} = {toml_value(value)}" for key, value in extra.items() if value is not None]
    lines.append("+++")
    return "\n".join(lines) + "\n"


def write_config(cat, site):
    taxonomies = (
        f'taxonomies = [{{ name = "categories", paginate_by = {CARDS_PER_PAGE} }}, '
        f'{{ name = "tags", paginate_by = {CARDS_PER_PAGE} }}, {{ name = "producers", render = false }}]'
    )
    category_names = "\n".join(
        f"{slug} = {{ id = {toml_string(names['id'])}, en = {toml_string(names['en'])} }}"
        for slug, names in cat.categories
    )
    default, other = pc.LANGUAGES[0], pc.LANGUAGES[1:]
    languages = "\n".join(
        f"""
[languages.{lang}]
title = {toml_string(cat.title[lang])}
description = {toml_string(cat.description[lang])}
{taxonomies}
"""
        for lang in other
    )
    config = f"""base_url = {toml_string(cat.base_url)}
title = {toml_string(cat.title[default])}
description = {toml_string(cat.description[default])}
default_language = "{default}"
compile_sass = false
build_search_index = false
{taxonomies}
{languages}
[extra]
languages = {toml_value(list(pc.LANGUAGES))}

[extra.categories]
{category_names}
"""
    pc.write(os.path.join(site, "zola.toml"), config)


def write_sections(site):
    titles = {
        "": {"id": "Beranda", "en": "Home"},
        "products": {"id": "Produk", "en": "Products"},
        "producers": {"id": "Produsen", "en": "Producers"},
    }
    for section, title in titles.items():
        for lang in pc.LANGUAGES:
            fields = {"title": title[lang]}
            if section == "products":
                fields.update(sort_by="title", paginate_by=CARDS_PER_PAGE, template="products.html")
            if section == "producers":
                fields["render"] = False
            pc.write(pc.content_file(os.path.join(site, "content", section), lang, section=True), front_matter(fields))


def page_url(lang):
    """Zola's path for a page that etalase links to as `@/<kind>/<slug>` (default language at /)."""
    prefix = "" if lang == pc.LANGUAGES[0] else f"/{lang}"
    return lambda kind, slug: f"{prefix}/{kind}/{slug}/"


def body(entry, lang):
    return pc.rewrite_links(entry.body[lang], page_url(lang))


def write_product(product, cat, site):
    photo_dir = os.path.join(site, "photos", product.slug)
    if product.photos:
        os.makedirs(photo_dir)
    for photo in product.photos:
        pc.link_or_copy(photo.path, os.path.join(photo_dir, photo.file))
    meta = product.meta
    producer = cat.producers.get(meta.get("producer"))
    categories = dict(cat.categories)
    for lang in pc.LANGUAGES:
        extra = {
            # Tera has no thousands separator: the converter writes the line as etalase shows it.
            "price": pc.price_text(meta, lang) or None,
            "min_order": meta.get("min_order"),
            "producer_name": producer.name[lang] if producer else meta.get("producer"),
            "category_name": categories.get(meta.get("category"), {}).get(lang, meta.get("category")),
            "featured": bool(meta.get("featured")),
            "photos": [{"src": f"photos/{product.slug}/{p.file}", "alt": p.alt[lang]} for p in product.photos],
        }
        taxonomies = {
            "categories": [meta.get("category")],
            "tags": list(meta.get("tags") or []),
            "producers": [meta.get("producer")],
        }
        text = front_matter({"title": product.name[lang]}, taxonomies, extra) + "\n" + body(product, lang)
        pc.write(pc.content_file(os.path.join(site, "content", "products", product.slug), lang), text)


def write_producer(producer, site):
    meta = producer.meta
    for lang in pc.LANGUAGES:
        extra = {
            key: meta.get(key)
            for key in ("kind", "owner", "sentra", "address", "whatsapp", "instagram", "email", "founded")
        }
        text = front_matter({"title": producer.name[lang], "template": "producer.html"}, None, extra) + "\n" + body(producer, lang)
        pc.write(pc.content_file(os.path.join(site, "content", "producers", producer.slug), lang), text)


def write_page(page, site):
    for lang in pc.LANGUAGES:
        text = front_matter({"title": page.name[lang] or page.slug, "template": "free.html"}) + "\n" + body(page, lang)
        pc.write(pc.content_file(os.path.join(site, "content", "pages", page.slug), lang), text)


def main(argv):
    if len(argv) != 2:
        sys.exit("usage: convert.py CATALOGUE_DIR SITE_DIR")
    catalogue_dir, site = argv
    pc.prepare_site_dir(site, "zola/convert.py")
    cat = pc.read(catalogue_dir)
    write_config(cat, site)
    shutil.copytree(os.path.join(HERE, "templates"), os.path.join(site, "templates"))
    write_sections(site)
    if cat.pages:
        for lang in pc.LANGUAGES:
            fields = {"title": "Halaman" if lang == "id" else "Pages", "render": False}
            pc.write(pc.content_file(os.path.join(site, "content", "pages"), lang, section=True), front_matter(fields))
    photos = 0
    for product in cat.products:
        write_product(product, cat, site)
        photos += len(product.photos)
    for producer in cat.producers.values():
        write_producer(producer, site)
    for page in cat.pages:
        write_page(page, site)
    print(f"zola/convert.py: {len(cat.products)} products, {len(cat.producers)} producers, {photos} photos -> {site}")


if __name__ == "__main__":
    main(sys.argv[1:])
