//! Browsing without a server, as the build writes it: the all-products page and its filter
//! form, the per-language search index the filter script reads, and the tag pages. What the
//! script does with them in a browser is tested in `browser.rs`.

use std::collections::BTreeSet;

use crate::common::*;
use serde_json::Value;

/// The search index of `lang`, parsed.
fn index_of(site: &Site, lang: &str) -> Value {
    serde_json::from_str(&site.text(&format!("{lang}/products/search/index.json")))
        .expect("the search index is JSON")
}

/// Decodes a product's description words (`w`): sorted word numbers, written as the gaps
/// between them in base-64 digits of 5 bits, a digit of 32 or more meaning more follow.
fn decode_words(index: &Value, code: &str) -> BTreeSet<String> {
    const DIGITS: &str = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
    let dictionary = index["words"].as_array().unwrap();
    let mut words = BTreeSet::new();
    let (mut value, mut shift, mut next) = (0u64, 0, 0u64);
    for c in code.chars() {
        let digit = DIGITS.find(c).expect("a code digit") as u64;
        value |= (digit & 31) << shift;
        shift += 5;
        if digit < 32 {
            let number = next + value;
            words.insert(dictionary[number as usize].as_str().unwrap().to_owned());
            next = number + 1;
            (value, shift) = (0, 0);
        }
    }
    words
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .map(|items| {
            items
                .iter()
                .map(|item| item.as_str().unwrap().to_owned())
                .collect()
        })
        .unwrap_or_default()
}

/// The text of a page's `<h1>`.
fn heading(site: &Site, page: &str) -> String {
    text(one(&site.html(page), "h1"))
}

#[test]
fn the_products_page_lists_every_product_and_hides_its_filters_until_the_script_runs() {
    let site = basic();
    let loaded = etalase::load(&fixture_path("basic")).unwrap();
    for lang in LANGUAGES {
        let page = format!("{lang}/products/index.html");
        let doc = site.html(&page);
        let listed: Vec<String> = select(&doc, "#product-list .card a.card-link")
            .into_iter()
            .map(|link| resolve_link(&page, attr(link, "href")).unwrap())
            .collect();
        let expected: Vec<String> = loaded
            .catalogue
            .products
            .iter()
            .map(|p| format!("{lang}/products/{}/index.html", p.slug))
            .collect();
        assert_eq!(listed, expected, "{page}: every product, in slug order");

        let form = one(&doc, "form#product-filter");
        assert!(
            form.value().attr("hidden").is_some(),
            "without JS the form is not shown"
        );
        assert_eq!(
            resolve_link(&page, attr(form, "action")).unwrap(),
            page,
            "the form's state lives on this page's address"
        );
        // The entry of the search index, at an address no edit changes (the script
        // revalidates it), so an edited product re-renders no list page.
        assert_eq!(
            resolve_link(&page, attr(form, "data-index")).unwrap(),
            format!("{lang}/products/search/index.json")
        );
        let script = select(&doc, "script[src]")
            .into_iter()
            .map(|s| resolve_link(&page, attr(s, "src")).unwrap())
            .find(|src| src.starts_with("assets/search.") && src.ends_with(".js"))
            .unwrap_or_else(|| panic!("{page}: no versioned search script"));
        // The versioned copy is the theme's search.js, named after its content.
        let shipped = site.bytes("search.js");
        assert_eq!(site.bytes(&script), shipped, "{page}");
        assert_eq!(
            script,
            format!(
                "assets/search.{}.js",
                &blake3::hash(&shipped).to_hex()[..10]
            )
        );

        let options = |name: &str| -> Vec<String> {
            select(&doc, &format!("select[name={name}] option"))
                .into_iter()
                .map(|o| attr(o, "value").to_owned())
                .collect()
        };
        assert_eq!(options("category"), ["", "batik", "makanan-minuman"]);
        // The producer is typed, with suggestions the script takes from the search index: the
        // page lists no producer, so it does not grow with the catalogue.
        assert!(options("producer").is_empty());
        assert!(select(&doc, "#filter-producers option").is_empty());
        assert_eq!(
            select(&doc, "input#filter-producer[list=filter-producers]").len(),
            1
        );
        assert_eq!(select(&doc, "input[name=producer][hidden]").len(), 1);
        assert_eq!(options("curation"), ["", "lolos", "proses", "belum"]);
        let certifications: Vec<&str> = select(&doc, "input[name=cert]")
            .into_iter()
            .map(|c| attr(c, "value"))
            .collect();
        assert_eq!(
            certifications,
            ["halal", "hki", "pirt"],
            "only the certifications some product has"
        );
    }
}

#[test]
fn the_search_index_holds_what_cards_show_in_the_page_language() {
    let site = basic();
    let loaded = etalase::load(&fixture_path("basic")).unwrap();
    for lang in LANGUAGES {
        let index = index_of(&site, lang);
        let products = index["products"].as_array().unwrap();
        assert_eq!(products.len(), loaded.catalogue.products.len());
        for (entry, product) in products.iter().zip(&loaded.catalogue.products) {
            assert_eq!(entry["s"], product.slug.as_str());
            let page = format!("{lang}/products/{}/", product.slug);
            assert_eq!(
                entry["n"].as_str().unwrap(),
                heading(&site, &page),
                "{page}: the index names the product as its page does (raw text, not HTML)"
            );
            let category = &index["categories"][entry["c"].as_u64().unwrap() as usize];
            assert_eq!(
                category[0],
                loaded.catalogue.config.categories[product.category]
                    .slug
                    .as_str()
            );
            let producer = &index["producers"][entry["p"].as_u64().unwrap() as usize];
            assert_eq!(
                producer[1],
                loaded.catalogue.producers[product.producer].name.as_str()
            );
            assert_eq!(strings(&entry["t"]), product.tags);
        }
    }

    let id = index_of(&site, "id");
    let by_slug = |slug: &str| -> Value {
        id["products"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["s"] == slug)
            .unwrap()
            .clone()
    };
    let batik = by_slug("batik-tulis-surya");
    assert_eq!(batik["r"], serde_json::json!([350000, 750000]));
    assert_eq!(batik["cu"], "lolos");
    assert_eq!(batik["av"], "pesan");
    assert_eq!(strings(&batik["ce"]), ["hki"]);
    let onde = by_slug("onde-onde-isi-10");
    assert_eq!(strings(&onde["ce"]), ["halal", "pirt"]);
    assert_eq!(onde["cu"], "proses");
    assert_eq!(onde["av"], "siap");
    assert_eq!(onde["r"], serde_json::json!([35000, 35000]));
    let sambal = by_slug("sambal-tanpa-foto");
    assert_eq!(
        sambal["cu"], "belum",
        "no curation counts as not yet curated"
    );
    assert!(sambal.get("i").is_none(), "no photo, no image");
    assert!(sambal.get("av").is_none(), "no availability, no key");

    // The description's words, table text included; not stop words, not the words of the
    // name, not markup.
    let words = decode_words(&id, batik["w"].as_str().unwrap());
    for word in ["kain", "motif", "ukuran", "bahan", "katun", "primisima"] {
        assert!(words.contains(word), "{word} missing from {words:?}");
    }
    for word in [
        "dengan",
        "batik",
        "tulis",
        "surya",
        "script",
        "alert",
        "javascript",
    ] {
        assert!(
            !words.contains(word),
            "{word}: a stop word, a word of the name, or markup"
        );
    }
}

#[test]
fn card_photos_in_the_index_name_files_that_exist() {
    let site = basic();
    let index = index_of(&site, "id");
    let batik = index["products"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["s"] == "batik-tulis-surya")
        .unwrap();
    let image = &batik["i"];
    let widths: Vec<u64> = image
        .get("ws")
        .unwrap_or(&index["widths"])
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w.as_u64().unwrap())
        .collect();
    assert!(!widths.is_empty());
    let stem = format!("media/batik-tulis-surya-{}-", image["s"].as_str().unwrap());
    let extension = image.get("e").and_then(Value::as_str).unwrap_or("jpg");
    for width in &widths {
        for ext in [extension, "webp"] {
            let file = format!("{stem}{width}.{ext}");
            assert!(site.exists(&file), "{file} missing");
        }
    }
    // The card on the server-rendered page uses the same copies.
    let doc = site.html("id/products/index.html");
    let card_img = select(&doc, "#product-list .card img")
        .into_iter()
        .find(|img| attr(*img, "src").contains("batik-tulis-surya"))
        .unwrap();
    let src = resolve_link("id/products/index.html", attr(card_img, "src")).unwrap();
    let size = image["d"].as_array().unwrap();
    assert_eq!(src, format!("{stem}{}.{extension}", size[0]));
    assert_eq!(attr(card_img, "width"), size[1].to_string());
    assert_eq!(attr(card_img, "height"), size[2].to_string());
}

#[test]
fn each_tag_has_a_page_listing_exactly_its_products() {
    let site = basic();
    let loaded = etalase::load(&fixture_path("basic")).unwrap();
    let products = &loaded.catalogue.products;
    let tags: BTreeSet<&str> = products
        .iter()
        .flat_map(|p| p.tags.iter().map(String::as_str))
        .collect();
    assert!(!tags.is_empty());
    for lang in LANGUAGES {
        let list_page = format!("{lang}/tags/index.html");
        let list = site.html(&list_page);
        let linked: BTreeSet<String> = select(&list, ".tag-cloud a")
            .into_iter()
            .map(|a| resolve_link(&list_page, attr(a, "href")).unwrap())
            .collect();
        let expected: BTreeSet<String> = tags
            .iter()
            .map(|t| format!("{lang}/tags/{t}/index.html"))
            .collect();
        assert_eq!(linked, expected, "{list_page}");

        for tag in &tags {
            let page = format!("{lang}/tags/{tag}/index.html");
            let doc = site.html(&page);
            assert_eq!(text(one(&doc, "h1")), format!("#{}", tag.replace('-', " ")));
            let shown: BTreeSet<String> = select(&doc, ".card a.card-link")
                .into_iter()
                .map(|a| resolve_link(&page, attr(a, "href")).unwrap())
                .collect();
            let carrying: BTreeSet<String> = products
                .iter()
                .filter(|p| p.tags.iter().any(|t| t == tag))
                .map(|p| format!("{lang}/products/{}/index.html", p.slug))
                .collect();
            assert_eq!(shown, carrying, "{page}");
        }

        // Each product page links its tags to their pages.
        for product in products.iter().filter(|p| !p.tags.is_empty()) {
            let page = format!("{lang}/products/{}/index.html", product.slug);
            let doc = site.html(&page);
            let links: Vec<String> = select(&doc, ".tag-list a")
                .into_iter()
                .map(|a| resolve_link(&page, attr(a, "href")).unwrap())
                .collect();
            let expected: Vec<String> = product
                .tags
                .iter()
                .map(|t| format!("{lang}/tags/{t}/index.html"))
                .collect();
            assert_eq!(links, expected, "{page}");
        }
    }
}

#[test]
fn every_page_links_the_products_page_and_the_home_page_searches_it() {
    let site = basic();
    for lang in LANGUAGES {
        let products = format!("{lang}/products/index.html");
        for page in site
            .language_pages()
            .into_iter()
            .filter(|p| language_of(p) == Some(lang))
        {
            let doc = site.html(&page);
            let reaches = select(&doc, ".main-nav a")
                .into_iter()
                .any(|a| resolve_link(&page, attr(a, "href")).as_deref() == Ok(products.as_str()));
            assert!(reaches, "{page}: no link to the products page");
        }
        let home = format!("{lang}/index.html");
        let doc = site.html(&home);
        let search = one(&doc, "form.hero-search");
        assert_eq!(
            resolve_link(&home, attr(search, "action")).unwrap(),
            products
        );
        assert_eq!(attr(one(&doc, "form.hero-search input"), "name"), "q");
    }
}
