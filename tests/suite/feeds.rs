//! The shopping feeds: `/{lang}/feeds/google.xml` (Google Merchant Center, RSS 2.0 with the
//! `g:` namespace) parsed with `roxmltree`, and `/{lang}/feeds/meta.csv` (Meta catalogue)
//! parsed with `csv`. Only products with a price and a photo are listed.

use std::collections::BTreeMap;

use crate::common::*;
use etalase::fields::AvailabilityStatus;

const G: &str = "http://base.google.com/ns/1.0";
const META_HEADER: [&str; 14] = [
    "id",
    "title",
    "description",
    "availability",
    "condition",
    "price",
    "link",
    "image_link",
    "additional_image_link",
    "brand",
    "product_type",
    "gtin",
    "mpn",
    "identifier_exists",
];

/// One `<item>` of the Google feed: its child elements by name (`g:` ones as `g:name`), each
/// with every value it has (`g:additional_image_link` repeats).
pub type Item = BTreeMap<String, Vec<String>>;

/// The items of a Google feed, in order; panics unless it is RSS 2.0 with the `g:` namespace.
pub fn google_items(xml: &str) -> Vec<Item> {
    let document = roxmltree::Document::parse(xml)
        .unwrap_or_else(|e| panic!("google.xml is not well-formed: {e}"));
    let rss = document.root_element();
    assert!(rss.has_tag_name("rss"), "the root is <rss>");
    assert_eq!(rss.attribute("version"), Some("2.0"));
    let channel = rss
        .children()
        .find(|n| n.has_tag_name("channel"))
        .expect("a <channel>");
    channel
        .children()
        .filter(|n| n.has_tag_name("item"))
        .map(|item| {
            let mut fields = Item::new();
            for child in item.children().filter(|n| n.is_element()) {
                let tag = child.tag_name();
                let name = match tag.namespace() {
                    Some(G) => format!("g:{}", tag.name()),
                    None => tag.name().to_owned(),
                    Some(other) => panic!("an element in namespace {other}"),
                };
                let text = child.text().unwrap_or_default().to_owned();
                fields.entry(name).or_default().push(text);
            }
            fields
        })
        .collect()
}

/// The one value of `field`; panics when it is missing or repeated.
pub fn one<'a>(item: &'a Item, field: &str) -> &'a str {
    match item.get(field).map(Vec::as_slice) {
        Some([value]) => value,
        other => panic!("{field}: one value expected, found {other:?} in {item:#?}"),
    }
}

/// The rows of a Meta feed as maps from column name to value, after checking the header.
pub fn meta_rows(csv_text: &str) -> Vec<BTreeMap<String, String>> {
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("a header row")
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(header, META_HEADER, "Meta's column names, in order");
    reader
        .records()
        .map(|record| {
            let record = record.expect("a well-formed CSV row");
            assert_eq!(record.len(), META_HEADER.len(), "{record:?}");
            header
                .iter()
                .cloned()
                .zip(record.iter().map(str::to_owned))
                .collect()
        })
        .collect()
}

/// `N IDR` (Meta) or `N.00 IDR` (Google), with N a positive whole number of rupiah.
fn amount_of(price: &str, decimals: bool) -> u64 {
    let number = price
        .strip_suffix(" IDR")
        .unwrap_or_else(|| panic!("{price:?} does not end in \" IDR\""));
    let whole = if decimals {
        number
            .strip_suffix(".00")
            .unwrap_or_else(|| panic!("{price:?} has no .00"))
    } else {
        number
    };
    let amount: u64 = whole
        .parse()
        .unwrap_or_else(|e| panic!("{price:?} is not a number: {e}"));
    assert!(amount > 0, "{price:?}");
    amount
}

/// What every item of every Google feed carries, whatever the catalogue; `base` is the site's
/// address with its final slash.
fn assert_complete_google_item(site: &Site, base: &str, lang: &str, item: &Item) {
    let id = one(item, "g:id");
    assert_eq!(
        one(item, "link"),
        format!("{base}{lang}/products/{id}/"),
        "{id}: link"
    );
    assert!(site.exists(&format!("{lang}/products/{id}/index.html")));
    assert!(!one(item, "title").is_empty(), "{id}: title");
    assert!(one(item, "title").chars().count() <= 150, "{id}: title");
    assert!(!one(item, "description").is_empty(), "{id}: description");
    assert!(one(item, "description").chars().count() <= 5000);
    let mut images = vec![one(item, "g:image_link").to_owned()];
    images.extend(
        item.get("g:additional_image_link")
            .cloned()
            .unwrap_or_default(),
    );
    assert!(images.len() <= 11, "{id}: at most 10 additional images");
    for image in &images {
        let relative = image
            .strip_prefix(base)
            .unwrap_or_else(|| panic!("{id}: {image} is not an absolute URL of the site"));
        assert!(image.starts_with("https://"), "{image}");
        assert!(relative.ends_with(".jpg"), "{id}: {image} is not a JPEG");
        assert!(site.exists(relative), "{id}: {image} is not in the site");
    }
    amount_of(one(item, "g:price"), true);
    assert!(
        ["in_stock", "out_of_stock", "preorder", "backorder"]
            .contains(&one(item, "g:availability")),
        "{id}: availability"
    );
    assert!(!one(item, "g:brand").is_empty(), "{id}: brand");
    assert_eq!(one(item, "g:condition"), "new");
    let identified = item.contains_key("g:gtin") || item.contains_key("g:mpn");
    if identified {
        assert!(!item.contains_key("g:identifier_exists"), "{id}");
    } else {
        assert_eq!(one(item, "g:identifier_exists"), "no", "{id}");
    }
    assert!(
        !one(item, "g:product_type").is_empty(),
        "{id}: product type"
    );
}

fn ids(items: &[Item]) -> Vec<String> {
    items.iter().map(|i| one(i, "g:id").to_owned()).collect()
}

#[test]
fn the_basic_feeds_list_only_the_product_with_a_price_and_a_photo() {
    // batik-tulis-surya: a range of 350,000 to 750,000, made to order in 21 days;
    // onde-onde-isi-10 has no photo and sambal-tanpa-foto neither price nor photo.
    let site = basic();
    for (lang, product_type) in [("id", "Batik"), ("en", "Batik")] {
        let items = google_items(&site.text(&format!("{lang}/feeds/google.xml")));
        assert_eq!(ids(&items), ["batik-tulis-surya"], "{lang}");
        let item = &items[0];
        assert_complete_google_item(&site, BASE_URL, lang, item);
        let title = if lang == "id" {
            "Batik Tulis Surya Majapahit"
        } else {
            "Surya Majapahit Hand-drawn Batik"
        };
        assert_eq!(one(item, "title"), title);
        if lang == "en" {
            // en.md: a paragraph with bold text, then a list of two items.
            assert_eq!(
                one(item, "description"),
                "Hand-drawn batik cloth with the Surya Majapahit motif.\nSize: 200 × 115 cm\nCotton"
            );
        }
        assert_eq!(
            one(item, "g:price"),
            "350000.00 IDR",
            "the lowest of the range"
        );
        assert_eq!(one(item, "g:availability"), "in_stock");
        assert_eq!(one(item, "g:max_handling_time"), "21");
        assert_eq!(one(item, "g:brand"), "Batik Sekar Jagad");
        assert_eq!(one(item, "g:product_type"), product_type);

        let rows = meta_rows(&site.text(&format!("{lang}/feeds/meta.csv")));
        assert_eq!(rows.len(), 1, "{lang}: {rows:#?}");
        let row = &rows[0];
        assert_eq!(row["id"], "batik-tulis-surya");
        assert_eq!(row["title"], title);
        assert_eq!(row["description"], one(item, "description"));
        assert_eq!(row["price"], "350000 IDR");
        assert_eq!(row["availability"], "available for order");
        assert_eq!(row["condition"], "new");
        assert_eq!(row["brand"], "Batik Sekar Jagad");
        assert_eq!(row["link"], one(item, "link"));
        assert_eq!(row["image_link"], one(item, "g:image_link"));
        assert_eq!(row["additional_image_link"], "");
        assert_eq!(row["identifier_exists"], "no");
    }
}

/// The products a shopping feed lists (a price and a photo), by slug, sorted.
fn listable_slugs(loaded: &etalase::Loaded) -> Vec<String> {
    let mut listable: Vec<String> = loaded
        .catalogue
        .products
        .iter()
        .filter(|p| p.price.is_some() && !p.photos.is_empty())
        .map(|p| p.slug.clone())
        .collect();
    listable.sort();
    listable
}

#[test]
fn the_sample_feeds_list_every_product_with_a_price_and_a_photo_in_slug_order() {
    let loaded = etalase::load(repo_root()).expect("the sample loads");
    let listable = listable_slugs(&loaded);
    assert!(
        listable.len() < loaded.catalogue.products.len(),
        "the sample shows a product left out"
    );
    let status: BTreeMap<&str, Option<AvailabilityStatus>> = loaded
        .catalogue
        .products
        .iter()
        .map(|p| (p.slug.as_str(), p.availability.as_ref().map(|a| a.status)))
        .collect();
    // Each product's (gtin, sku), which the feeds list as `gtin` and `mpn`.
    let identifiers: BTreeMap<&str, (Option<String>, Option<String>)> = loaded
        .catalogue
        .products
        .iter()
        .map(|p| {
            let gtin = p.gtin.as_ref().map(|g| g.to_string());
            (
                p.slug.as_str(),
                (gtin, p.sku.as_ref().map(|s| s.to_string())),
            )
        })
        .collect();
    assert!(
        identifiers.values().any(|(gtin, _)| gtin.is_some()),
        "the sample has a product with a barcode"
    );
    let base = format!("{}/", loaded.catalogue.config.base_url);
    let site = build_root(repo_root());
    for lang in LANGUAGES {
        let items = google_items(&site.text(&format!("{lang}/feeds/google.xml")));
        assert_eq!(ids(&items), listable, "{lang}");
        for item in &items {
            assert_complete_google_item(&site, &base, lang, item);
        }
        let made_to_order: Vec<&Item> = items
            .iter()
            .filter(|i| i.contains_key("g:max_handling_time"))
            .collect();
        assert!(
            !made_to_order.is_empty(),
            "the sample has products made to order"
        );

        let rows = meta_rows(&site.text(&format!("{lang}/feeds/meta.csv")));
        let row_ids: Vec<&str> = rows.iter().map(|r| r["id"].as_str()).collect();
        assert_eq!(row_ids, listable, "{lang}");
        for (row, item) in rows.iter().zip(&items) {
            assert_eq!(
                amount_of(&row["price"], false),
                amount_of(one(item, "g:price"), true)
            );
            let (google, meta) = match status[row["id"].as_str()] {
                Some(AvailabilityStatus::Habis) => ("out_of_stock", "out of stock"),
                Some(AvailabilityStatus::Pesan) => ("in_stock", "available for order"),
                Some(AvailabilityStatus::Siap) | None => ("in_stock", "in stock"),
            };
            assert_eq!(one(item, "g:availability"), google, "{}", row["id"]);
            assert_eq!(row["availability"], meta, "{}", row["id"]);
            let additional: Vec<String> = item
                .get("g:additional_image_link")
                .cloned()
                .unwrap_or_default();
            assert_eq!(row["additional_image_link"], additional.join(","));
            assert_eq!(row["brand"], one(item, "g:brand"));
            assert_eq!(row["product_type"], one(item, "g:product_type"));
            let (gtin, mpn) = &identifiers[row["id"].as_str()];
            let optional = |field: &str| item.get(field).map(|_| one(item, field).to_owned());
            assert_eq!(&optional("g:gtin"), gtin, "{}", row["id"]);
            assert_eq!(&optional("g:mpn"), mpn, "{}", row["id"]);
            assert_eq!(row["gtin"], gtin.clone().unwrap_or_default());
            assert_eq!(row["mpn"], mpn.clone().unwrap_or_default());
            let unidentified = gtin.is_none() && mpn.is_none();
            assert_eq!(
                row["identifier_exists"],
                if unidentified { "no" } else { "" }
            );
        }
    }
}

#[test]
fn two_builds_write_the_same_feeds() {
    let (first, second) = (basic(), basic());
    for lang in LANGUAGES {
        for feed in ["google.xml", "meta.csv"] {
            let file = format!("{lang}/feeds/{feed}");
            assert_eq!(first.bytes(&file), second.bytes(&file), "{file}");
        }
    }
}

#[test]
fn feeds_past_their_file_limit_are_written_in_numbered_parts_holding_every_product_once() {
    // 16 KB a file: 81 listable products (the fixture's one with a photo and 80 more) take
    // several parts of each feed.
    let catalogue = Catalogue::large(80, "{ max_feed_file_kb: 16 }");
    let site = catalogue.build();
    let loaded = etalase::load(catalogue.root()).unwrap();
    let listable = listable_slugs(&loaded);
    assert_eq!(listable.len(), 81);
    for lang in LANGUAGES {
        let parts = |name: &str, extension: &str| -> Vec<String> {
            let first = format!("{lang}/feeds/{name}.{extension}");
            let more = (2..).map(|n| format!("{lang}/feeds/{name}-{n}.{extension}"));
            std::iter::once(first)
                .chain(more)
                .take_while(|file| site.exists(file))
                .collect()
        };
        let google = parts("google", "xml");
        let meta = parts("meta", "csv");
        assert!(google.len() > 1 && meta.len() > 1, "{google:?} {meta:?}");
        let feed_files: Vec<String> = site
            .files()
            .into_iter()
            .filter(|f| f.starts_with(&format!("{lang}/feeds/")))
            .collect();
        assert_eq!(
            feed_files.len(),
            google.len() + meta.len(),
            "{feed_files:?}"
        );
        let mut google_ids = Vec::new();
        for file in &google {
            assert!(site.bytes(file).len() <= 16 * 1024, "{file}");
            let items = google_items(&site.text(file));
            assert!(!items.is_empty(), "{file} is empty");
            google_ids.extend(ids(&items));
        }
        let mut meta_ids = Vec::new();
        for file in &meta {
            assert!(site.bytes(file).len() <= 16 * 1024, "{file}");
            let rows = meta_rows(&site.text(file));
            assert!(!rows.is_empty(), "{file} is empty");
            meta_ids.extend(rows.iter().map(|row| row["id"].clone()));
        }
        // In slug order across the parts, each product once.
        assert_eq!(google_ids, listable, "{lang}: Google");
        assert_eq!(meta_ids, listable, "{lang}: Meta");
    }
}

#[test]
fn a_catalogue_within_the_limit_keeps_one_file_per_feed() {
    let site = basic();
    for lang in LANGUAGES {
        assert!(site.exists(&format!("{lang}/feeds/google.xml")));
        assert!(site.exists(&format!("{lang}/feeds/meta.csv")));
        assert!(!site.exists(&format!("{lang}/feeds/google-2.xml")));
        assert!(!site.exists(&format!("{lang}/feeds/meta-2.csv")));
    }
    assert!(site.text("sitemap.xml").contains("<urlset"));
    assert!(!site.exists("sitemap-1.xml"));
}
