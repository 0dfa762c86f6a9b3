//! What a build writes: the URLs of the contract, links that resolve, language twins,
//! metadata for sharing, escaping and sanitising, fallbacks, formatting, the sitemap,
//! determinism, atomic replacement, pagination and template overrides.

use std::collections::{BTreeMap, BTreeSet};
use std::ffi::OsStr;

use crate::common::*;
use etalase::Error;
use scraper::{ElementRef, Html};

const PRODUCTS: [&str; 3] = ["batik-tulis-surya", "onde-onde-isi-10", "sambal-tanpa-foto"];
const PRODUCERS: [&str; 2] = ["batik-sekar-jagad", "onde-onde-bu-sri"];
const CATEGORIES: [&str; 2] = ["batik", "makanan-minuman"];
const FREE_PAGES: [&str; 1] = ["tentang"];

/// The producer name with every character that matters in HTML.
const TRICKY_PRODUCER: &str = r#"Onde-onde "Bu Sri" & Putri <Asli>"#;
/// The Indonesian product name with markup in it.
const TRICKY_PRODUCT: &str = r#"Onde-onde <b>Isi</b> 10 & "Spesial""#;

// ---------------------------------------------------------------- site-wide checks

/// Every `href`, `src` and `srcset` of every HTML file that stays inside the site names an
/// existing file; absolute URLs under `base_url` (canonical, hreflang, OpenGraph) too.
fn assert_links_resolve(site: &Site) {
    let mut broken = Vec::new();
    let mut checked = 0;
    for file in site.html_files() {
        let doc = site.html(&file);
        for element in select(&doc, "[href], [src], [srcset], meta[content]") {
            for link in links_of(element) {
                let target = if link.starts_with(BASE_URL) {
                    file_of_url(&link).ok_or_else(|| "not under base_url".to_owned())
                } else if is_external(&link) {
                    continue;
                } else {
                    resolve_link(&file, &link)
                };
                checked += 1;
                match target {
                    Ok(target) if site.exists(&target) => {}
                    Ok(target) => broken.push(format!("{file}: {link} -> missing {target}")),
                    Err(why) => broken.push(format!("{file}: {link}: {why}")),
                }
            }
        }
    }
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
    assert!(checked > 50, "only {checked} links were checked");
}

/// The URLs an element links to.
fn links_of(element: ElementRef) -> Vec<String> {
    let value = element.value();
    let mut links: Vec<String> = ["href", "src"]
        .iter()
        .filter_map(|name| value.attr(name))
        .map(str::to_owned)
        .collect();
    if let Some(srcset) = value.attr("srcset") {
        links.extend(
            srcset
                .split(',')
                .filter_map(|candidate| candidate.split_whitespace().next())
                .map(str::to_owned),
        );
    }
    if value.name() == "meta" {
        // Only URL-valued meta tags (og:image, og:url); other content is text.
        if let Some(content) = value.attr("content").filter(|c| c.starts_with("http")) {
            links.push(content.to_owned());
        }
    }
    links
}

/// Every page in a language folder has its `lang`, its canonical URL, its twins as absolute
/// hreflang alternates and a visible link to its twin.
fn assert_language_metadata(site: &Site) {
    let pages = site.language_pages();
    assert!(!pages.is_empty());
    for file in pages {
        let lang = language_of(&file).unwrap();
        let doc = site.html(&file);
        assert_eq!(attr(one(&doc, "html"), "lang"), lang, "{file}: <html lang>");
        assert_eq!(
            attr(one(&doc, "link[rel=canonical]"), "href"),
            url_of(&file),
            "{file}: canonical URL"
        );

        let mut alternates = BTreeMap::new();
        for link in select(&doc, "link[rel=alternate][hreflang]") {
            let previous = alternates.insert(attr(link, "hreflang"), attr(link, "href"));
            assert!(previous.is_none(), "{file}: hreflang listed twice");
        }
        assert_eq!(
            alternates.keys().copied().collect::<Vec<_>>(),
            ["en", "id", "x-default"],
            "{file}: hreflang alternates"
        );
        for other in LANGUAGES {
            let twin = twin_of(&file, other);
            assert!(site.exists(&twin), "{file}: twin {twin} does not exist");
            assert_eq!(alternates[other], url_of(&twin), "{file}: hreflang {other}");
        }
        let x_default = alternates["x-default"];
        let x_default_file = file_of_url(x_default)
            .unwrap_or_else(|| panic!("{file}: x-default {x_default} is not under base_url"));
        assert!(
            site.exists(&x_default_file),
            "{file}: x-default {x_default}"
        );

        for other in LANGUAGES.into_iter().filter(|l| *l != lang) {
            let switch = one(&doc, &format!("nav.lang-switch a[hreflang={other}]"));
            assert!(
                !text(switch).is_empty(),
                "{file}: the switch link has no text"
            );
            let target = resolve_link(&file, attr(switch, "href")).unwrap();
            assert_eq!(target, twin_of(&file, other), "{file}: language switch");
        }
    }
}

/// The sitemap files holding `<url>`s: `sitemap.xml`, or the files its index lists (parsed
/// with an XML parser, each checked to exist and to stay within the protocol's limits).
fn sitemap_files(site: &Site) -> Vec<String> {
    let xml = site.text("sitemap.xml");
    let doc = roxmltree::Document::parse(&xml).expect("sitemap.xml is well-formed XML");
    let root = doc.root_element();
    if root.has_tag_name("urlset") {
        return vec!["sitemap.xml".to_owned()];
    }
    assert!(
        root.has_tag_name("sitemapindex"),
        "{}",
        root.tag_name().name()
    );
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://www.sitemaps.org/schemas/sitemap/0.9")
    );
    let files: Vec<String> = root
        .descendants()
        .filter(|n| n.has_tag_name("loc"))
        .map(|loc| file_of_url(loc.text().unwrap()).expect("a part under base_url"))
        .collect();
    for file in &files {
        assert!(
            site.exists(file),
            "the index lists {file}, which is not there"
        );
        assert!(
            !file.contains('/'),
            "{file}: beside sitemap.xml, as the protocol asks"
        );
        let part = site.text(file);
        let doc = roxmltree::Document::parse(&part).expect("a well-formed part");
        let urls = doc.descendants().filter(|n| n.has_tag_name("url")).count();
        assert!(urls <= 50_000, "{file}: {urls} URLs");
        assert!(
            part.len() <= 50 * 1024 * 1024,
            "{file}: {} bytes",
            part.len()
        );
    }
    files
}

/// The `<loc>` of each `<url>` in the sitemap (every file of it), with its `xhtml:link`
/// alternates.
fn sitemap_entries(site: &Site) -> Vec<(String, BTreeMap<String, String>)> {
    sitemap_files(site)
        .iter()
        .flat_map(|file| sitemap_file_entries(site, file))
        .collect()
}

/// The entries of one sitemap file of `<url>`s.
fn sitemap_file_entries(site: &Site, file: &str) -> Vec<(String, BTreeMap<String, String>)> {
    let xml = site.text(file);
    assert!(xml.starts_with("<?xml"), "{file} has no XML declaration");
    let doc = Html::parse_document(&xml);
    let urlset = one(&doc, "urlset");
    assert_eq!(
        urlset.value().attr("xmlns"),
        Some("http://www.sitemaps.org/schemas/sitemap/0.9")
    );
    assert_eq!(
        urlset.value().attr("xmlns:xhtml"),
        Some("http://www.w3.org/1999/xhtml")
    );
    select(&doc, "url")
        .into_iter()
        .map(|url| {
            let locs = select_in(url, "loc");
            assert_eq!(locs.len(), 1, "a <url> without exactly one <loc>");
            let mut alternates = BTreeMap::new();
            for link in url
                .descendants()
                .filter_map(ElementRef::wrap)
                .filter(|e| e.value().name() == "xhtml:link")
            {
                assert_eq!(link.value().attr("rel"), Some("alternate"));
                alternates.insert(
                    attr(link, "hreflang").to_owned(),
                    attr(link, "href").to_owned(),
                );
            }
            (text(locs[0]), alternates)
        })
        .collect()
}

/// Every page of both languages is in the sitemap, once, with its alternates; nothing else is.
fn assert_sitemap(site: &Site) {
    let entries = sitemap_entries(site);
    let listed: Vec<&str> = entries.iter().map(|(loc, _)| loc.as_str()).collect();
    let unique: BTreeSet<&str> = listed.iter().copied().collect();
    assert_eq!(unique.len(), listed.len(), "a URL is listed twice");
    let expected: BTreeSet<String> = site
        .language_pages()
        .iter()
        .filter(|f| !is_inquiry_list(f))
        .map(|f| url_of(f))
        .collect();
    assert_eq!(
        unique,
        expected.iter().map(String::as_str).collect(),
        "sitemap <loc>s vs the pages of the site"
    );
    for (loc, alternates) in &entries {
        let file = file_of_url(loc).unwrap();
        assert_eq!(
            alternates.keys().map(String::as_str).collect::<Vec<_>>(),
            ["en", "id", "x-default"],
            "{loc}: alternates"
        );
        for lang in LANGUAGES {
            assert_eq!(
                alternates[lang],
                url_of(&twin_of(&file, lang)),
                "{loc}: {lang}"
            );
        }
        let x_default = file_of_url(&alternates["x-default"]).expect("x-default under base_url");
        assert!(site.exists(&x_default), "{loc}: x-default does not exist");
    }
}

/// Whether a page is the visitor's inquiry list, which the sitemap leaves out: it shows
/// nothing of its own to a search engine.
fn is_inquiry_list(file: &str) -> bool {
    file.ends_with("/inquiry/index.html")
}

/// Pages of products, in both languages.
fn product_pages() -> Vec<(&'static str, &'static str, String)> {
    LANGUAGES
        .into_iter()
        .flat_map(|lang| {
            PRODUCTS
                .into_iter()
                .map(move |slug| (lang, slug, format!("{lang}/products/{slug}/")))
        })
        .collect()
}

// ---------------------------------------------------------------- URLs and links

#[test]
fn every_contract_url_exists_in_both_languages() {
    let site = basic();
    let mut expected = vec![
        "index.html".to_owned(),
        "404.html".to_owned(),
        "sitemap.xml".to_owned(),
        "robots.txt".to_owned(),
    ];
    for lang in LANGUAGES {
        expected.push(format!("{lang}/index.html"));
        expected.extend(PRODUCTS.map(|s| format!("{lang}/products/{s}/index.html")));
        expected.extend(PRODUCERS.map(|s| format!("{lang}/producers/{s}/index.html")));
        expected.extend(CATEGORIES.map(|s| format!("{lang}/categories/{s}/index.html")));
        expected.extend(FREE_PAGES.map(|s| format!("{lang}/{s}/index.html")));
    }
    let missing: Vec<&String> = expected.iter().filter(|f| !site.exists(f)).collect();
    assert!(
        missing.is_empty(),
        "missing: {missing:?}\nbuilt: {:?}",
        site.files()
    );

    let robots = site.text("robots.txt");
    assert!(
        robots
            .lines()
            .any(|line| line.trim() == format!("Sitemap: {BASE_URL}sitemap.xml")),
        "robots.txt does not name the sitemap:\n{robots}"
    );
}

#[test]
fn no_internal_link_is_broken() {
    assert_links_resolve(&basic());
}

#[test]
fn not_found_page_uses_only_root_relative_or_absolute_urls() {
    let site = basic();
    let doc = site.html("404.html");
    let links: Vec<String> = select(&doc, "[href], [src], [srcset]")
        .into_iter()
        .flat_map(links_of)
        .collect();
    assert!(
        links.len() > 5,
        "404.html links to almost nothing: {links:?}"
    );
    for link in links {
        if is_external(&link) {
            continue;
        }
        assert!(
            link.starts_with(BASE_PATH),
            "404.html: `{link}` is neither root-relative under {BASE_PATH} nor absolute"
        );
        let target = resolve_link("404.html", &link).unwrap();
        assert!(site.exists(&target), "404.html: {link} -> missing {target}");
    }
    // It offers the way home in every language.
    for lang in LANGUAGES {
        let home = format!("{BASE_PATH}{lang}/");
        assert!(
            select(&doc, "main a[href]")
                .iter()
                .any(|a| attr(*a, "href") == home),
            "404.html has no link to {home} in its main content"
        );
    }
}

/// The 404 page is described like the home page and does not ask to be left out of search
/// engines: hosts serve it with the 404 status, which they never index (the offline pages,
/// served with a 200, do ask: `offline.rs`).
#[test]
fn not_found_page_has_the_site_description_and_no_noindex() {
    let site = basic();
    let doc = site.html("404.html");
    let home = site.html("id/");
    assert_eq!(
        attr(one(&doc, r#"meta[name="description"]"#), "content"),
        attr(one(&home, r#"meta[name="description"]"#), "content")
    );
    assert!(select(&doc, r#"meta[name="robots"]"#).is_empty());
}

// ---------------------------------------------------------------- languages and metadata

#[test]
fn every_page_declares_its_language_canonical_url_and_twins() {
    assert_language_metadata(&basic());
}

#[test]
fn root_index_links_both_languages_with_absolute_metadata() {
    let site = basic();
    let doc = site.html("index.html");
    assert_eq!(attr(one(&doc, "html"), "lang"), "id");
    assert_eq!(attr(one(&doc, "link[rel=canonical]"), "href"), BASE_URL);
    for lang in LANGUAGES {
        let alternate = one(&doc, &format!("link[rel=alternate][hreflang={lang}]"));
        assert_eq!(attr(alternate, "href"), format!("{BASE_URL}{lang}/"));
        let choice = one(&doc, &format!("main a[hreflang={lang}]"));
        assert_eq!(
            resolve_link("index.html", attr(choice, "href")).unwrap(),
            format!("{lang}/index.html")
        );
    }
    let x_default = attr(one(&doc, "link[rel=alternate][hreflang=x-default]"), "href");
    assert!(x_default.starts_with(BASE_URL), "x-default {x_default}");
}

#[test]
fn opengraph_images_are_absolute_and_exist() {
    let site = basic();
    let mut pages = site.language_pages();
    pages.push("index.html".to_owned());
    for file in pages {
        let doc = site.html(&file);
        let image = meta_property(&doc, "og:image");
        let image_file = file_of_url(image)
            .unwrap_or_else(|| panic!("{file}: og:image {image} is not under {BASE_URL}"));
        assert!(
            site.exists(&image_file),
            "{file}: og:image {image} is missing"
        );
        assert_eq!(
            meta_property(&doc, "og:url"),
            attr(one(&doc, "link[rel=canonical]"), "href"),
            "{file}: og:url"
        );
        assert!(
            !meta_property(&doc, "og:title").is_empty(),
            "{file}: og:title"
        );
        // X takes the title, description and image from og: (developer.x.com/cards/markup):
        // only the card type is its own, and the og: copies are not written twice.
        let twitter: Vec<(&str, &str)> = select(&doc, "meta[name^='twitter:']")
            .iter()
            .map(|m| (attr(*m, "name"), attr(*m, "content")))
            .collect();
        let expected = if file == "index.html" {
            vec![] // the root page only leads on to a language
        } else {
            vec![("twitter:card", "summary_large_image")]
        };
        assert_eq!(twitter, expected, "{file}: twitter: tags");
    }
    // A product with a photo shares a crop of that photo, with its real size declared.
    for lang in LANGUAGES {
        let doc = site.html(&format!("{lang}/products/batik-tulis-surya/"));
        let image = meta_property(&doc, "og:image");
        assert!(
            image.starts_with(&format!("{BASE_URL}media/batik-tulis-surya-utama-"))
                && image.ends_with("-share.jpg"),
            "{image}"
        );
        let (width, height) =
            image::image_dimensions(site.file(&file_of_url(image).unwrap())).unwrap();
        assert_eq!(meta_property(&doc, "og:image:width"), width.to_string());
        assert_eq!(meta_property(&doc, "og:image:height"), height.to_string());
    }
}

/// A category's and a tag's pages share the photo of their first product that has one, even
/// when products without a photo come before it; a list with no photo at all shares the
/// site's own preview (the featured product's), as the tag list does.
#[test]
fn lists_share_the_photo_of_their_first_product_that_has_one() {
    let catalogue = Catalogue::copy("basic");
    let onde = "content/products/onde-onde-isi-10";
    std::fs::copy(
        catalogue.path("content/products/batik-tulis-surya/utama.png"),
        catalogue.path(&format!("{onde}/kotak.png")),
    )
    .unwrap();
    let yaml = catalogue.read(&format!("{onde}/product.yaml"));
    catalogue.write(
        &format!("{onde}/product.yaml"),
        format!("{yaml}tags: [kue]\nphotos:\n  - {{ file: kotak.png, alt: {{ id: Kotak, en: Box }} }}\n"),
    );
    catalogue.write(
        "content/products/a-kue-polos/product.yaml",
        "name: { id: Kue Polos, en: Plain Cake }\nproducer: onde-onde-bu-sri\n\
         category: makanan-minuman\ntags: [kue, polos]\n",
    );
    let site = catalogue.build();
    for lang in LANGUAGES {
        let product = site.html(&format!("{lang}/products/onde-onde-isi-10/"));
        let photo = meta_property(&product, "og:image");
        assert!(photo.contains("onde-onde-isi-10-kotak-"), "{photo}");
        for list in ["categories/makanan-minuman/", "tags/kue/"] {
            let doc = site.html(&format!("{lang}/{list}"));
            assert_eq!(meta_property(&doc, "og:image"), photo, "{lang}/{list}");
        }
        let tags = site.html(&format!("{lang}/tags/"));
        let without = site.html(&format!("{lang}/tags/polos/"));
        let site_preview = meta_property(&tags, "og:image");
        assert!(
            site_preview.contains("batik-tulis-surya-utama-"),
            "{site_preview}"
        );
        assert_eq!(
            meta_property(&without, "og:image"),
            site_preview,
            "{lang}/tags/polos/"
        );
    }
}

#[test]
fn products_carry_json_ld_without_raw_angle_brackets() {
    let site = basic();
    let names = |lang: &str, slug: &str| match (lang, slug) {
        ("id", "batik-tulis-surya") => "Batik Tulis Surya Majapahit",
        ("en", "batik-tulis-surya") => "Surya Majapahit Hand-drawn Batik",
        ("id", "onde-onde-isi-10") => TRICKY_PRODUCT,
        ("en", "onde-onde-isi-10") => "Onde-onde Box of 10",
        ("id", "sambal-tanpa-foto") => "Sambal Wader Pedas",
        ("en", "sambal-tanpa-foto") => "Wader Fish Sambal",
        _ => unreachable!(),
    };
    for (lang, slug, page) in product_pages() {
        let doc = site.html(&page);
        let script = one(&doc, r#"script[type="application/ld+json"]"#);
        let raw: String = script.text().collect();
        assert!(
            !raw.contains('<'),
            "{page}: JSON-LD contains a raw `<`:\n{raw}"
        );
        let graph: serde_json::Value = serde_json::from_str(&raw)
            .unwrap_or_else(|e| panic!("{page}: JSON-LD does not parse: {e}\n{raw}"));
        assert_eq!(graph["@context"], "https://schema.org", "{page}");
        if slug == "sambal-tanpa-foto" {
            // No price, so no offer: Google reports a Product without one as an error.
            assert_eq!(types_in(&graph), ["BreadcrumbList"], "{page}");
            continue;
        }
        let json = node_of_type(&graph, "Product");
        assert_eq!(json["name"], names(lang, slug), "{page}");
        if let Some(image) = json["image"].as_str() {
            assert!(image.starts_with(BASE_URL), "{page}: JSON-LD image {image}");
        }
        if slug == "onde-onde-isi-10" {
            // The producer's `<Asli>` is in there, only escaped.
            assert!(
                json.to_string()
                    .contains(TRICKY_PRODUCER.replace('"', "\\\"").as_str()),
                "{page}: the producer's name is missing from the JSON-LD: {json}"
            );
            assert!(raw.contains(r"\u003cAsli\u003e"), "{page}: {raw}");
        }
    }
}

/// The `@type` of each node of a JSON-LD `@graph`.
fn types_in(graph: &serde_json::Value) -> Vec<&str> {
    let nodes = graph["@graph"].as_array().expect("a @graph list");
    nodes.iter().filter_map(|n| n["@type"].as_str()).collect()
}

/// The node of a JSON-LD `@graph` with the given `@type`.
fn node_of_type<'a>(graph: &'a serde_json::Value, kind: &str) -> &'a serde_json::Value {
    let nodes = graph["@graph"].as_array().expect("a @graph list");
    let found: Vec<_> = nodes.iter().filter(|n| n["@type"] == kind).collect();
    assert_eq!(found.len(), 1, "one {kind} in {graph}");
    found[0]
}

fn json_ld(site: &Site, page: &str) -> serde_json::Value {
    let doc = site.html(page);
    let raw: String = one(&doc, r#"script[type="application/ld+json"]"#)
        .text()
        .collect();
    serde_json::from_str(&raw).unwrap()
}

#[test]
fn product_json_ld_has_offers_in_rupiah_and_a_breadcrumb_trail() {
    let site = basic();
    let range = json_ld(&site, "en/products/batik-tulis-surya/");
    let offers = &node_of_type(&range, "Product")["offers"];
    assert_eq!(offers.as_array().map(Vec::len), Some(1), "{offers}");
    let offer = &offers[0];
    assert_eq!(offer["@type"], "AggregateOffer");
    assert_eq!(
        (offer["lowPrice"].as_u64(), offer["highPrice"].as_u64()),
        (Some(350_000), Some(750_000))
    );
    assert_eq!(offer["priceCurrency"], "IDR");
    assert_eq!(offer["itemCondition"], "https://schema.org/NewCondition");
    assert_eq!(offer["seller"]["name"], "Batik Sekar Jagad");
    assert_eq!(
        offer["seller"]["url"],
        format!("{BASE_URL}en/producers/batik-sekar-jagad/")
    );
    let fixed = json_ld(&site, "id/products/onde-onde-isi-10/");
    let offer = &node_of_type(&fixed, "Product")["offers"][0];
    assert_eq!(
        (offer["@type"].as_str(), offer["price"].as_u64()),
        (Some("Offer"), Some(35_000))
    );
    assert_eq!(
        offer["url"],
        format!("{BASE_URL}id/products/onde-onde-isi-10/")
    );
    // The fixture states no shipping or return terms, so the offers say none.
    for key in ["shippingDetails", "hasMerchantReturnPolicy"] {
        assert!(offer.get(key).is_none(), "{key} in {offer}");
    }

    let trail = node_of_type(&range, "BreadcrumbList")["itemListElement"]
        .as_array()
        .unwrap()
        .clone();
    let items: Vec<(u64, &str)> = trail
        .iter()
        .map(|i| (i["position"].as_u64().unwrap(), i["item"].as_str().unwrap()))
        .collect();
    assert_eq!(
        items,
        [
            (1, format!("{BASE_URL}en/").as_str()),
            (2, format!("{BASE_URL}en/categories/batik/").as_str()),
            (
                3,
                format!("{BASE_URL}en/products/batik-tulis-surya/").as_str()
            ),
        ]
    );
}

#[test]
fn offers_state_availability_and_the_shipping_and_return_terms_the_catalogue_states() {
    let catalogue = Catalogue::copy("basic");
    let settings = catalogue.read("catalogue.yaml");
    catalogue.write(
        "catalogue.yaml",
        format!(
            "{settings}shipping:\n  country: id\n  rate: 0\n  handling_days: {{ min: 2, max: 2 }}\n  transit_days: {{ min: 1, max: 4 }}\nreturns:\n  country: ID\n  days: 14\n  fee: 15000\n"
        ),
    );
    catalogue.replace(
        "content/products/batik-tulis-surya/product.yaml",
        "category: batik",
        "category: batik\nsku: BSJ-TLS-01\ngtin: \"8997002123450\"",
    );
    let site = catalogue.build();

    let made_to_order = json_ld(&site, "en/products/batik-tulis-surya/");
    let product = node_of_type(&made_to_order, "Product");
    assert_eq!(
        (&product["sku"], &product["mpn"], &product["gtin"]),
        (
            &"BSJ-TLS-01".into(),
            &"BSJ-TLS-01".into(),
            &"8997002123450".into()
        )
    );
    let offer = &product["offers"][0];
    assert_eq!(offer["sku"], "BSJ-TLS-01");
    assert_eq!(offer["availability"], "https://schema.org/MadeToOrder");
    let shipping = &offer["shippingDetails"];
    assert_eq!(shipping["shippingRate"]["value"], 0);
    assert_eq!(shipping["shippingRate"]["currency"], "IDR");
    assert_eq!(shipping["shippingDestination"]["addressCountry"], "ID");
    let handling = &shipping["deliveryTime"]["handlingTime"];
    let transit = &shipping["deliveryTime"]["transitTime"];
    assert_eq!(
        (
            &handling["minValue"],
            &handling["maxValue"],
            &handling["unitCode"]
        ),
        (&2.into(), &2.into(), &"DAY".into())
    );
    assert_eq!(
        (&transit["minValue"], &transit["maxValue"]),
        (&1.into(), &4.into())
    );
    let policy = &offer["hasMerchantReturnPolicy"];
    assert_eq!(
        policy["returnPolicyCategory"],
        "https://schema.org/MerchantReturnFiniteReturnWindow"
    );
    assert_eq!(policy["merchantReturnDays"], 14);
    assert_eq!(
        policy["returnFees"],
        "https://schema.org/ReturnShippingFees"
    );
    assert_eq!(policy["returnShippingFeesAmount"]["value"], 15000);

    let in_stock = json_ld(&site, "id/products/onde-onde-isi-10/");
    let offer = &node_of_type(&in_stock, "Product")["offers"][0];
    assert_eq!(offer["availability"], "https://schema.org/InStock");

    // The page says in words what the offer says in data.
    let facts = |page: &str| -> Vec<(String, String)> {
        let doc = site.html(page);
        select(&doc, ".facts > div")
            .into_iter()
            .map(|row| (text(one_in(row, "dt")), text(one_in(row, "dd"))))
            .collect()
    };
    let english = facts("en/products/batik-tulis-surya/");
    assert!(
        english.contains(&(
            "Shipping".into(),
            "Free shipping to Indonesia · ships in 2 days · arrives 1–4 days later".into()
        )),
        "{english:?}"
    );
    assert!(
        english.contains(&(
            "Returns".into(),
            "Returnable within 14 days · return fee IDR 15,000".into()
        )),
        "{english:?}"
    );
    let indonesian = facts("id/products/onde-onde-isi-10/");
    assert!(
        indonesian.contains(&(
            "Pengembalian".into(),
            "Dapat dikembalikan dalam 14 hari · biaya pengembalian Rp 15.000".into()
        )),
        "{indonesian:?}"
    );
}

#[test]
fn without_stated_terms_product_pages_say_nothing_of_shipping_or_returns() {
    let site = basic();
    let doc = site.html("en/products/batik-tulis-surya/");
    let terms: Vec<String> = select(&doc, ".facts dt").into_iter().map(text).collect();
    assert!(
        !terms.iter().any(|t| t == "Shipping" || t == "Returns"),
        "{terms:?}"
    );
}

#[test]
fn producer_pages_describe_a_local_business() {
    let site = basic();
    let graph = json_ld(&site, "id/producers/batik-sekar-jagad/");
    let business = node_of_type(&graph, "LocalBusiness");
    assert_eq!(business["name"], "Batik Sekar Jagad");
    assert_eq!(business["telephone"], "+6281234567890");
    assert_eq!(
        business["address"]["streetAddress"],
        "Jl. Empu Nala 12, Prajurit Kulon, Kota Mojokerto"
    );
    assert_eq!(
        business["sameAs"][0],
        "https://www.instagram.com/batiksekarjagad/"
    );
    assert_eq!(
        business["url"],
        format!("{BASE_URL}id/producers/batik-sekar-jagad/")
    );
}

#[test]
fn ask_on_whatsapp_names_the_product_and_its_page() {
    let site = basic();
    for (page, number, expected_to, expected_text) in [
        (
            "id/products/batik-tulis-surya/",
            "6281234567890",
            "Batik Sekar Jagad",
            format!("Halo Batik Sekar Jagad, saya tertarik dengan Batik Tulis Surya Majapahit ({BASE_URL}id/products/batik-tulis-surya/). Apakah masih tersedia?"),
        ),
        (
            // This producer has no WhatsApp number: the publisher answers.
            "en/products/sambal-tanpa-foto/",
            "6281200000000",
            "Dinas Uji",
            format!("Hello Dinas Uji, I am interested in Wader Fish Sambal ({BASE_URL}en/products/sambal-tanpa-foto/). Is it available?"),
        ),
    ] {
        let doc = site.html(page);
        let link = one(&doc, ".inquiry a");
        let href = attr(link, "href");
        let (base, query) = href.split_once("?text=").unwrap();
        assert_eq!(base, format!("https://wa.me/{number}"), "{page}");
        let text = percent_decode(query);
        assert_eq!(text, expected_text, "{page}");
        assert!(text.contains(expected_to));
    }
}

fn percent_decode(text: &str) -> String {
    percent_encoding::percent_decode_str(text)
        .decode_utf8()
        .unwrap()
        .into_owned()
}

// ---------------------------------------------------------------- escaping and sanitising

#[test]
fn names_with_markup_characters_are_escaped() {
    let site = basic();
    for lang in LANGUAGES {
        let page = format!("{lang}/producers/onde-onde-bu-sri/");
        let doc = site.html(&page);
        assert_eq!(text(one(&doc, "main h1")), TRICKY_PRODUCER, "{page}: h1");
        assert_eq!(meta_property(&doc, "og:title"), TRICKY_PRODUCER, "{page}");
        assert!(
            text(one(&doc, "title")).starts_with(TRICKY_PRODUCER),
            "{page}: <title>"
        );

        let page = format!("{lang}/products/onde-onde-isi-10/");
        let doc = site.html(&page);
        assert_eq!(
            text(one(&doc, ".by a")),
            TRICKY_PRODUCER,
            "{page}: producer link"
        );
    }

    let page = "id/products/onde-onde-isi-10/";
    let doc = site.html(page);
    let h1 = one(&doc, "main h1");
    assert_eq!(text(h1), TRICKY_PRODUCT, "{page}: h1");
    assert!(
        select_in(h1, "b").is_empty(),
        "{page}: the name's <b> became an element"
    );
    assert_eq!(meta_property(&doc, "og:title"), TRICKY_PRODUCT);

    let doc = site.html("id/categories/makanan-minuman/");
    let card_titles: Vec<String> = select(&doc, ".card .card-title")
        .into_iter()
        .map(text)
        .collect();
    assert!(
        card_titles.contains(&TRICKY_PRODUCT.to_owned()),
        "{card_titles:?}"
    );
    assert!(
        select(&doc, ".card b").is_empty(),
        "a card shows a <b> element"
    );

    for file in site.html_files() {
        let doc = site.html(&file);
        assert!(select(&doc, "asli").is_empty(), "{file}: an <asli> element");
    }
}

#[test]
fn markdown_is_sanitised_but_tables_survive() {
    let site = basic();
    let doc = site.html("id/products/batik-tulis-surya/");
    let prose = one(&doc, ".prose");
    assert!(
        select_in(prose, "script").is_empty(),
        "a <script> in the description"
    );
    assert!(
        select(&doc, "main script").is_empty(),
        "a <script> in the main content"
    );
    let headers: Vec<String> = select_in(prose, "table th").into_iter().map(text).collect();
    assert_eq!(headers, ["Ukuran", "Bahan"], "the Markdown table");
    assert!(
        select_in(prose, "p").iter().any(|p| text(*p) == "Klik"),
        "the paragraph with onclick lost its text"
    );
    assert!(
        select_in(prose, "strong")
            .iter()
            .any(|s| text(*s) == "Surya Majapahit"),
        "Markdown emphasis was lost"
    );

    for file in site.html_files() {
        assert_no_active_content(&site.html(&file), &file);
    }
}

/// No event-handler attributes and no `javascript:` URLs anywhere in the body.
fn assert_no_active_content(doc: &Html, file: &str) {
    for element in select(doc, "body, body *") {
        for (name, value) in element.value().attrs() {
            assert!(
                !name.to_ascii_lowercase().starts_with("on"),
                "{file}: <{} {name}=…>",
                element.value().name()
            );
            let value = value.trim().to_ascii_lowercase();
            assert!(
                !value.starts_with("javascript:"),
                "{file}: <{} {name}=\"{value}\">",
                element.value().name()
            );
        }
    }
}

#[test]
fn javascript_links_and_event_handlers_in_markdown_are_removed() {
    // In the basic fixture the `javascript:` link sits inside a raw HTML block, so it is never
    // parsed as a link; here each trick stands in a paragraph of its own.
    let catalogue = Catalogue::copy("basic");
    catalogue.write(
        "content/products/batik-tulis-surya/id.md",
        "Teks biasa.\n\n\
         [tautan jahat](javascript:alert(2))\n\n\
         [Tautan besar](JavaScript:alert(3))\n\n\
         <a href=\"javascript:alert(4)\" onclick=\"alert(5)\">tautan mentah</a>\n\n\
         <img src=\"utama.png\" alt=\"foto\" onerror=\"alert(6)\">\n\n\
         <iframe src=\"https://evil.example/\"></iframe>\n\n\
         [tautan baik](https://example.id/)\n",
    );
    let site = catalogue.build();
    let page = "id/products/batik-tulis-surya/";
    let doc = site.html(page);
    assert_no_active_content(&doc, page);
    let prose = one(&doc, ".prose");
    let link_texts: Vec<String> = select_in(prose, "a").into_iter().map(text).collect();
    for kept in [
        "tautan jahat",
        "Tautan besar",
        "tautan mentah",
        "tautan baik",
    ] {
        assert!(
            link_texts.contains(&kept.to_owned()),
            "{kept:?} lost: {link_texts:?}"
        );
    }
    let good = select_in(prose, "a[href]");
    assert_eq!(good.len(), 1, "only the https link keeps its href");
    assert_eq!(attr(good[0], "href"), "https://example.id/");
    assert!(
        select_in(prose, "iframe").is_empty(),
        "an <iframe> survived"
    );
}

// ---------------------------------------------------------------- languages of the text

#[test]
fn missing_translation_falls_back_with_lang_and_notice() {
    let site = basic();
    let en = site.html("en/products/onde-onde-isi-10/");
    assert_eq!(
        select(&en, ".fallback-notice").len(),
        1,
        "English page: notice"
    );
    let prose = one(&en, ".prose");
    assert_eq!(
        prose.value().attr("lang"),
        Some("id"),
        "English page: prose lang"
    );
    assert_eq!(text(prose), "Onde-onde isi kacang hijau, tahan 2 hari.");
    let h1 = one(&en, "main h1");
    assert_eq!(text(h1), "Onde-onde Box of 10");
    assert_eq!(h1.value().attr("lang"), None, "the English name is English");

    let id = site.html("id/products/onde-onde-isi-10/");
    assert!(
        select(&id, ".fallback-notice").is_empty(),
        "Indonesian page: notice"
    );
    assert_eq!(one(&id, ".prose").value().attr("lang"), None);

    // A fully translated product has neither notice nor lang attributes.
    let en = site.html("en/products/batik-tulis-surya/");
    assert!(select(&en, ".fallback-notice").is_empty());
    assert_eq!(one(&en, ".prose").value().attr("lang"), None);
    assert_eq!(one(&en, "main h1").value().attr("lang"), None);
}

#[test]
fn untranslated_name_is_marked_with_the_default_language() {
    let catalogue = Catalogue::copy("basic");
    catalogue.replace(
        "content/products/onde-onde-isi-10/product.yaml",
        ", en: Onde-onde Box of 10 }",
        " }",
    );
    let site = catalogue.build();
    let doc = site.html("en/products/onde-onde-isi-10/");
    let h1 = one(&doc, "main h1");
    assert_eq!(text(h1), TRICKY_PRODUCT);
    assert_eq!(h1.value().attr("lang"), Some("id"));

    let doc = site.html("en/categories/makanan-minuman/");
    let title = select(&doc, ".card-title")
        .into_iter()
        .find(|t| text(*t) == TRICKY_PRODUCT)
        .expect("the product's card");
    assert_eq!(title.value().attr("lang"), Some("id"));
}

#[test]
fn front_matter_overrides_the_name_for_its_language() {
    let site = basic();
    let id = site.html("id/products/sambal-tanpa-foto/");
    assert_eq!(text(one(&id, "main h1")), "Sambal Wader Pedas");
    assert_eq!(
        text(one(&id, ".prose")),
        "Sambal ikan wader.",
        "front matter shown as text"
    );
    let en = site.html("en/products/sambal-tanpa-foto/");
    assert_eq!(text(one(&en, "main h1")), "Wader Fish Sambal");

    let cards = site.html("id/categories/makanan-minuman/");
    let titles: Vec<String> = select(&cards, ".card-title")
        .into_iter()
        .map(text)
        .collect();
    assert!(
        titles.contains(&"Sambal Wader Pedas".to_owned()),
        "{titles:?}"
    );
}

// ---------------------------------------------------------------- formatting

#[test]
fn prices_and_badges_are_formatted_per_language() {
    let site = basic();
    let price = |page: &str| text(one(&site.html(page), ".product-info .price"));
    assert_eq!(
        price("id/products/batik-tulis-surya/"),
        "Rp 350.000 – 750.000"
    );
    assert_eq!(
        price("en/products/batik-tulis-surya/"),
        "IDR 350,000 – 750,000"
    );
    assert_eq!(price("id/products/onde-onde-isi-10/"), "Rp 35.000");
    assert_eq!(price("en/products/onde-onde-isi-10/"), "IDR 35,000");

    let badges = |page: &str| -> Vec<String> {
        select(&site.html(page), ".product-info .badge")
            .into_iter()
            .map(own_text)
            .collect()
    };
    let expected = [
        (
            "id/products/batik-tulis-surya/",
            ["Lolos kurasi The Keranjang Bali", "HKI terdaftar"],
        ),
        (
            "en/products/batik-tulis-surya/",
            [
                "Passed curation by The Keranjang Bali",
                "Registered intellectual property (HKI)",
            ],
        ),
        (
            "id/products/onde-onde-isi-10/",
            ["Dalam kurasi Dekranasda Kota Mojokerto", "Halal"],
        ),
        (
            "en/products/onde-onde-isi-10/",
            ["In curation by Dekranasda Kota Mojokerto", "Halal"],
        ),
    ];
    for (page, labels) in expected {
        let found = badges(page);
        for label in labels {
            assert!(
                found.contains(&label.to_owned()),
                "{page}: {label:?} not in {found:?}"
            );
        }
    }
    let details: Vec<String> = select(
        &site.html("en/products/batik-tulis-surya/"),
        ".badge-detail",
    )
    .into_iter()
    .map(text)
    .collect();
    assert!(details.contains(&"EC00202512345".to_owned()), "{details:?}");
    assert!(details.contains(&"28 April 2025".to_owned()), "{details:?}");
}

/// The product page's details list as (term, description) pairs.
fn facts(site: &Site, page: &str) -> Vec<(String, String)> {
    let doc = site.html(page);
    select(&doc, ".product-info dl.facts > div")
        .into_iter()
        .map(|row| (text(one_in(row, "dt")), text(one_in(row, "dd"))))
        .collect()
}

#[test]
fn availability_shows_on_cards_and_product_pages_and_nothing_when_unsaid() {
    let site = basic();
    // The batik is made to order in 21 days; the onde-onde are in stock.
    let expected = [
        (
            "id",
            "batik-tulis-surya",
            "Ketersediaan",
            "Dibuat sesuai pesanan, 21 hari",
            "pesan",
        ),
        (
            "en",
            "batik-tulis-surya",
            "Availability",
            "Made to order in 21 days",
            "pesan",
        ),
        (
            "id",
            "onde-onde-isi-10",
            "Ketersediaan",
            "Stok siap",
            "siap",
        ),
        ("en", "onde-onde-isi-10", "Availability", "In stock", "siap"),
    ];
    for (lang, slug, term, label, status) in expected {
        let page = format!("{lang}/products/{slug}/");
        assert!(
            facts(&site, &page).contains(&(term.to_owned(), label.to_owned())),
            "{page}: {:?}",
            facts(&site, &page)
        );
        let list = site.html(&format!("{lang}/products/"));
        let card = select(&list, "#product-list .card")
            .into_iter()
            .find(|card| attr(one_in(*card, "a.card-link"), "href").contains(slug))
            .expect("a card for the product");
        let badge = one_in(card, &format!(".badge-availability-{status}"));
        assert_eq!(text(badge), label, "{lang} card of {slug}");
    }
    // The sambal does not say: no row, no badge, no word about stock anywhere on its page.
    for lang in ["id", "en"] {
        let page = format!("{lang}/products/sambal-tanpa-foto/");
        let terms: Vec<String> = facts(&site, &page).into_iter().map(|(t, _)| t).collect();
        assert!(
            !terms
                .iter()
                .any(|t| t == "Ketersediaan" || t == "Availability"),
            "{page}: {terms:?}"
        );
        assert!(select(&site.html(&page), "[class*=badge-availability]").is_empty());
    }
    // The products page filters by every status, in each language's words.
    let options: Vec<(String, String)> = select(
        &site.html("en/products/"),
        "#product-filter select[name=availability] option",
    )
    .into_iter()
    .map(|o| (attr(o, "value").to_owned(), text(o)))
    .collect();
    let pairs = |list: &[(&str, &str)]| -> Vec<(String, String)> {
        list.iter()
            .map(|(v, l)| (v.to_string(), l.to_string()))
            .collect()
    };
    assert_eq!(
        options,
        pairs(&[
            ("", "Any"),
            ("siap", "In stock"),
            ("pesan", "Made to order"),
            ("habis", "Sold out")
        ])
    );
}

// ---------------------------------------------------------------- images

#[test]
fn products_without_photos_show_a_placeholder_and_every_img_has_alt() {
    let site = basic();
    for (_, slug, page) in product_pages() {
        let doc = site.html(&page);
        let placeholders = select(&doc, ".product-gallery .placeholder");
        let photos = select(&doc, ".product-gallery img");
        if slug == "batik-tulis-surya" {
            assert!(
                placeholders.is_empty(),
                "{page}: a placeholder beside the photo"
            );
            assert_eq!(photos.len(), 1, "{page}: the photo");
        } else {
            assert_eq!(placeholders.len(), 1, "{page}: no placeholder");
            assert!(photos.is_empty(), "{page}: an <img> without a photo");
        }
    }
    let doc = site.html("id/categories/makanan-minuman/");
    for card in select(&doc, ".card") {
        assert_eq!(select_in(card, ".placeholder").len(), 1, "{}", card.html());
    }
    let mut images = 0;
    for file in site.html_files() {
        for img in select(&site.html(&file), "img") {
            images += 1;
            assert!(img.value().attr("alt").is_some(), "{file}: {}", img.html());
        }
    }
    assert!(images > 10);
}

#[test]
fn photos_keep_their_dimensions_and_are_copied() {
    let site = basic();
    for (lang, alt) in [
        ("id", "Kain batik motif surya"),
        ("en", "Batik cloth with a sun motif"),
    ] {
        let page = format!("{lang}/products/batik-tulis-surya/index.html");
        let doc = site.html(&page);
        let img = one(&doc, ".product-gallery img");
        assert_eq!(attr(img, "alt"), alt);
        assert_eq!((attr(img, "width"), attr(img, "height")), ("40", "30"));
        let file = resolve_link(&page, attr(img, "src")).unwrap();
        assert!(site.exists(&file), "{page}: {file}");
        assert_eq!(image::image_dimensions(site.file(&file)).unwrap(), (40, 30));
        assert_eq!(
            image::ImageFormat::from_path(&file).unwrap(),
            image::ImageFormat::Jpeg,
            "an opaque PNG gets a JPEG fallback"
        );
    }
    // Every raster <img> on every page states the size of its file.
    for page in site.html_files() {
        for img in select(&site.html(&page), "img[src]") {
            let src = attr(img, "src");
            if is_external(src) || src.ends_with(".svg") {
                continue;
            }
            let file = site.file(&resolve_link(&page, src).unwrap());
            let (width, height) = image::image_dimensions(&file).unwrap();
            assert_eq!(
                (attr(img, "width"), attr(img, "height")),
                (width.to_string().as_str(), height.to_string().as_str()),
                "{page}: {src}"
            );
        }
    }
}

// ---------------------------------------------------------------- sitemap

#[test]
fn sitemap_lists_every_page_with_its_alternates() {
    let site = basic();
    assert_sitemap(&site);
    let locs: Vec<String> = sitemap_entries(&site)
        .into_iter()
        .map(|(loc, _)| loc)
        .collect();
    // Per language: home, all products, 3 products, 2 producers, 2 categories, 1 free page,
    // the tag list, 2 tags and the brochure.
    assert_eq!(locs.len(), 2 * 14, "{locs:?}");
    assert!(
        !locs.contains(&BASE_URL.to_owned()),
        "the root chooser is listed"
    );
    assert!(!locs.iter().any(|l| l.contains("404")), "404 is listed");
}

// ---------------------------------------------------------------- reliability

#[test]
fn building_twice_gives_identical_sites() {
    let first = basic().snapshot();
    let second = basic().snapshot();
    assert_eq!(
        first.keys().collect::<Vec<_>>(),
        second.keys().collect::<Vec<_>>(),
        "the two builds wrote different files"
    );
    for (path, bytes) in &first {
        assert!(bytes == &second[path], "{path} differs between two builds");
    }
}

#[test]
fn bom_and_crlf_files_build_the_same_site() {
    let plain = basic().snapshot();
    let catalogue = Catalogue::copy("basic");
    let mut converted = 0;
    for file in Site::at(catalogue.root()).files() {
        if file.ends_with(".yaml") || file.ends_with(".md") {
            let text = catalogue.read(&file);
            catalogue.write(&file, format!("\u{feff}{}", text.replace('\n', "\r\n")));
            converted += 1;
        }
    }
    assert!(converted > 10);
    let windows = catalogue.build().snapshot();
    assert_eq!(
        plain.keys().collect::<Vec<_>>(),
        windows.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &plain {
        assert!(
            bytes == &windows[path],
            "{path} differs when files have a BOM and CRLF"
        );
    }
}

#[test]
fn failed_build_leaves_the_previous_site_untouched() {
    let outside = tempfile::tempdir().unwrap();
    let output = outside.path().join("site");
    etalase::build(&fixture_path("basic"), &output).expect("first build");
    let before = snapshot(&output);
    assert!(before.contains_key("id/products/batik-tulis-surya/index.html"));

    let broken = Catalogue::copy("basic");
    broken.replace(
        "content/products/batik-tulis-surya/product.yaml",
        "category: batik",
        "category: [batik",
    );
    match etalase::build(broken.root(), &output) {
        Err(Error::Content { diagnostics, .. }) => assert!(
            diagnostics
                .iter()
                .any(|d| d.is_error() && d.file.ends_with("batik-tulis-surya/product.yaml")),
            "{diagnostics:?}"
        ),
        Err(other) => panic!("expected content errors: {}", describe_error(&other)),
        Ok(_) => panic!("the broken catalogue built"),
    }
    assert!(before == snapshot(&output), "the previous site was changed");
    assert_eq!(stray_files_beside(&output), Vec::<String>::new());
}

#[test]
fn failed_render_leaves_the_previous_site_untouched() {
    // A template error surfaces only while pages are written into the staging folder.
    let outside = tempfile::tempdir().unwrap();
    let output = outside.path().join("site");
    etalase::build(&fixture_path("basic"), &output).expect("first build");
    let before = snapshot(&output);

    let broken = Catalogue::copy("basic");
    broken.write(
        "templates/partials/price.html",
        "<span class=\"price\">{{ card.no_such_field.amount }}</span>\n",
    );
    match etalase::build(broken.root(), &output) {
        Err(Error::Content { diagnostics, .. }) => assert!(
            diagnostics
                .iter()
                .any(|d| d.is_error() && d.file.ends_with("templates/partials/price.html")),
            "{diagnostics:?}"
        ),
        Err(other) => panic!("expected content errors: {}", describe_error(&other)),
        Ok(_) => panic!("a template that cannot render built"),
    }
    assert!(before == snapshot(&output), "the previous site was changed");
    assert_eq!(stray_files_beside(&output), Vec::<String>::new());

    // Whatever the failed build left in its staging folder does not leak into the next site.
    etalase::build(&fixture_path("basic"), &output).expect("build after the failure");
    assert!(
        before == snapshot(&output),
        "the rebuilt site differs from a fresh build"
    );
}

#[test]
fn incremental_rebuilds_equal_fresh_builds() {
    let catalogue = Catalogue::copy("basic");
    let output = catalogue.parent().join("site");
    let assert_fresh = |step: &str| {
        etalase::build(catalogue.root(), &output)
            .unwrap_or_else(|e| panic!("{step}: {}", describe_error(&e)));
        let fresh = catalogue.build().snapshot();
        let rebuilt = snapshot(&output);
        assert_eq!(
            fresh.keys().collect::<Vec<_>>(),
            rebuilt.keys().collect::<Vec<_>>(),
            "{step}: files differ from a fresh build"
        );
        for (path, bytes) in &fresh {
            assert!(
                bytes == &rebuilt[path],
                "{step}: {path} differs from a fresh build"
            );
        }
        assert_eq!(stray_files_beside(&output), Vec::<String>::new(), "{step}");
    };
    assert_fresh("first build");
    let original = catalogue.read("content/products/batik-tulis-surya/product.yaml");
    catalogue.replace(
        "content/products/batik-tulis-surya/product.yaml",
        "Surya Majapahit Hand-drawn Batik",
        "Sun of Majapahit Batik",
    );
    catalogue.remove("content/products/sambal-tanpa-foto");
    catalogue.write(
        "content/pages/kontak/id.md",
        "---\ntitle: Kontak\n---\nHubungi kami.\n",
    );
    assert_fresh("after changes");
    catalogue.write("content/products/batik-tulis-surya/product.yaml", original);
    catalogue.remove("content/pages/kontak");
    assert_fresh("after undoing the changes");
}

#[test]
fn rebuild_removes_pages_of_deleted_products() {
    let catalogue = Catalogue::copy("basic");
    let output = catalogue.parent().join("site");
    etalase::build(catalogue.root(), &output).expect("first build");
    let site = Site::at(&output);
    assert!(site.exists("en/products/sambal-tanpa-foto/"));

    catalogue.remove("content/products/sambal-tanpa-foto");
    etalase::build(catalogue.root(), &output).expect("second build");
    for lang in LANGUAGES {
        assert!(!site.exists(&format!("{lang}/products/sambal-tanpa-foto/")));
    }
    assert_sitemap(&site);
    assert_links_resolve(&site);
    assert_eq!(stray_files_beside(&output), Vec::<String>::new());
}

// ---------------------------------------------------------------- pagination

#[test]
fn long_lists_are_paginated_at_48_cards() {
    let catalogue = Catalogue::copy("pagination/sixty-products");
    for n in 1..=60 {
        catalogue.write(
            &format!("content/products/produk-{n:02}/product.yaml"),
            format!(
                "name: {{ id: Produk {n:02}, en: Product {n:02} }}\n\
                 producer: sanggar-kriya\ncategory: kriya\ntags: [ukir]\n"
            ),
        );
    }
    let site = catalogue.build();
    for lang in LANGUAGES {
        for list in [
            "categories/kriya",
            "producers/sanggar-kriya",
            "products",
            "tags/ukir",
        ] {
            let first = format!("{lang}/{list}/index.html");
            let second = format!("{lang}/{list}/page/2/index.html");
            assert!(site.exists(&second), "{second} missing");
            assert!(
                !site.exists(&format!("{lang}/{list}/page/3/")),
                "a third page"
            );
            assert!(
                !site.exists(&format!("{lang}/{list}/page/1/")),
                "page/1/ duplicates page 1"
            );

            let page_one = site.html(&first);
            let page_two = site.html(&second);
            assert_eq!(select(&page_one, ".card").len(), 48, "{first}");
            assert_eq!(select(&page_two, ".card").len(), 12, "{second}");
            let mut products = BTreeSet::new();
            for (file, doc) in [(&first, &page_one), (&second, &page_two)] {
                for link in select(doc, ".card a[href]") {
                    products.insert(resolve_link(file, attr(link, "href")).unwrap());
                }
            }
            assert_eq!(products.len(), 60, "{lang}/{list}: every product once");

            let next = one(&page_one, ".pagination a[rel=next]");
            assert_eq!(resolve_link(&first, attr(next, "href")).unwrap(), second);
            let previous = one(&page_two, ".pagination a[rel=prev]");
            assert_eq!(
                resolve_link(&second, attr(previous, "href")).unwrap(),
                first
            );
            assert!(select(&page_one, ".pagination a[rel=prev]").is_empty());
            assert!(select(&page_two, ".pagination a[rel=next]").is_empty());
        }
    }
    assert_links_resolve(&site);
    assert_language_metadata(&site);
    assert_sitemap(&site);
}

// ---------------------------------------------------------------- templates

#[test]
fn catalogue_template_overrides_the_default_partial() {
    let site = build_fixture("templates/override-partial");
    for (lang, price) in [("id", "Rp 450.000"), ("en", "IDR 450,000")] {
        let doc = site.html(&format!("{lang}/products/vas-gerabah/"));
        let marker = one(&doc, ".product-info .test-price-override");
        assert_eq!(marker.value().name(), "strong");
        assert_eq!(marker.value().attr("data-template"), Some("catalogue"));
        assert_eq!(text(marker), price);
        assert!(
            select(&doc, ".product-info .unit").is_empty(),
            "the default partial's unit is still rendered"
        );
        let doc = site.html(&format!("{lang}/categories/kriya/"));
        assert_eq!(
            select(&doc, ".card .test-price-override").len(),
            1,
            "{lang}: card"
        );
    }
}

#[test]
fn theme_and_catalogue_layers_override_in_order() {
    let site = build_fixture("templates/theme-layers");
    let doc = site.html("id/products/vas-gerabah/");
    // templates/ beats themes/lokal/templates/, which beats the default theme.
    assert_eq!(
        one(&doc, ".product-info .price")
            .value()
            .attr("data-template"),
        Some("catalogue")
    );
    assert_eq!(
        one(&doc, ".product-info .badges")
            .value()
            .attr("data-template"),
        Some("theme")
    );
    // static/ beats themes/lokal/static/, which beats the default theme's files.
    assert_eq!(site.text("theme-only.txt"), "theme\n");
    assert_eq!(site.text("shared.txt"), "catalogue\n");
    assert!(site
        .text("favicon.svg")
        .contains("data-source=\"catalogue\""));
    assert!(
        site.exists("style.css"),
        "the default theme's other files are still there"
    );
}

/// Renders a QR code SVG etalase wrote at its natural size with resvg, as a greyscale bitmap
/// (the code is drawn on a white square, so every pixel is opaque).
fn rasterise_qr(svg: &str) -> (usize, usize, Vec<u8>) {
    let tree = resvg::usvg::Tree::from_str(svg, &resvg::usvg::Options::default())
        .unwrap_or_else(|e| panic!("the QR code is no valid SVG: {e}"));
    let size = tree.size().to_int_size();
    let mut pixmap = resvg::tiny_skia::Pixmap::new(size.width(), size.height()).unwrap();
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::default(),
        &mut pixmap.as_mut(),
    );
    let grey = pixmap.data().chunks_exact(4).map(|rgba| rgba[0]).collect();
    (size.width() as usize, size.height() as usize, grey)
}

#[test]
fn every_product_page_shows_a_qr_code_of_its_own_address() {
    let site = basic();
    for (_, _, page) in product_pages() {
        let doc = site.html(&page);
        let img = one(&doc, ".qr img");
        assert!(!attr(img, "alt").is_empty());
        let file = resolve_link(&page, attr(img, "src")).unwrap();
        let (width, height, pixels) = rasterise_qr(&site.text(&file));
        let mut prepared = rqrr::PreparedImage::prepare_from_greyscale(width, height, |x, y| {
            pixels[y * width + x]
        });
        let grids = prepared.detect_grids();
        assert_eq!(grids.len(), 1, "{file}: one QR code");
        let (_, content) = grids[0].decode().unwrap();
        assert_eq!(
            content,
            attr(one(&doc, "link[rel=canonical]"), "href"),
            "{file}"
        );
    }
}

/// The `.svg` files under `folder`, by their bytes.
fn svg_files(folder: &std::path::Path) -> BTreeMap<Vec<u8>, std::path::PathBuf> {
    walkdir::WalkDir::new(folder)
        .into_iter()
        .map(|item| item.unwrap().into_path())
        .filter(|path| path.extension() == Some(OsStr::new("svg")))
        .map(|path| (std::fs::read(&path).unwrap(), path))
        .collect()
}

/// The QR code files of a built site.
fn site_codes(site: &Site) -> Vec<std::path::PathBuf> {
    walkdir::WalkDir::new(site.path())
        .into_iter()
        .map(|item| item.unwrap().into_path())
        .filter(|path| path.ends_with("qr.svg"))
        .collect()
}

#[test]
fn a_rebuild_takes_the_qr_codes_from_the_cache_and_check_draws_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("catalogue");
    copy_tree(&fixture_path("basic"), &root);
    let codes = root.join(".etalase-cache/qr");
    etalase::check(&root, false).unwrap();
    assert!(!codes.exists(), "check writes no codes");

    let first = build_root(&root);
    let in_site = site_codes(&first);
    let cached = svg_files(&codes);
    assert!(
        in_site.len() > 2,
        "product pages and brochure covers have codes"
    );
    assert_eq!(
        cached.len(),
        in_site.len(),
        "one cached file per code in the site"
    );
    for file in &in_site {
        let bytes = std::fs::read(file).unwrap();
        assert!(
            cached.contains_key(&bytes),
            "{}: the cache holds this code",
            file.display()
        );
    }

    // A cached code is used as it is, not drawn again: mark one and build again.
    let (_, marked) = cached.iter().next().unwrap();
    let marker = b"<svg xmlns=\"http://www.w3.org/2000/svg\"><!-- from the cache --></svg>\n";
    std::fs::write(marked, marker).unwrap();
    let second = build_root(&root);
    let rebuilt = site_codes(&second)
        .iter()
        .filter(|path| std::fs::read(path).unwrap() == marker)
        .count();
    assert_eq!(rebuilt, 1, "the second build linked the cached file");
}

/// The text of the one QR code in a QR code SVG etalase wrote.
fn decode_qr_svg(svg: &str) -> String {
    let (width, height, pixels) = rasterise_qr(svg);
    let mut prepared =
        rqrr::PreparedImage::prepare_from_greyscale(width, height, |x, y| pixels[y * width + x]);
    let grids = prepared.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code");
    grids[0].decode().expect("a readable QR code").1
}

/// Every absolute address in `text` (an HTML, XML or text file of the site).
fn absolute_urls(text: &str) -> Vec<&str> {
    text.match_indices("http")
        .map(|(at, _)| &text[at..])
        .filter(|rest| rest.starts_with("http://") || rest.starts_with("https://"))
        .map(|rest| {
            rest.split(['"', '<', ' ', '\n', '\''])
                .next()
                .unwrap_or(rest)
        })
        .collect()
}

#[test]
fn base_url_flag_moves_every_absolute_address_of_one_build() {
    const PREVIEW: &str = "https://preview.example.org/x/";
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join("site");
    let run = etalase([
        OsStr::new("build"),
        OsStr::new("--root"),
        fixture_path("basic").as_os_str(),
        OsStr::new("--output"),
        output.as_os_str(),
        OsStr::new("--base-url"),
        OsStr::new(PREVIEW),
    ]);
    assert_eq!(run.code, 0, "{run:#?}");
    let site = Site::at(&output);
    let page = "en/products/batik-tulis-surya/index.html";
    let product = format!("{PREVIEW}en/products/batik-tulis-surya/");
    let doc = site.html(page);
    assert_eq!(attr(one(&doc, "link[rel=canonical]"), "href"), product);
    assert_eq!(meta_property(&doc, "og:url"), product);
    assert!(meta_property(&doc, "og:image").starts_with(PREVIEW));
    let raw: String = one(&doc, r#"script[type="application/ld+json"]"#)
        .text()
        .collect();
    let graph: serde_json::Value = serde_json::from_str(&raw).unwrap();
    let node = graph["@graph"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["@type"] == "Product")
        .expect("a Product");
    assert_eq!(node["url"], product.as_str());
    // The 404 page, served at any depth, links from the site's root: the preview's /x/.
    let missing = site.html("404.html");
    let style = attr(one(&missing, "link[rel=stylesheet]"), "href");
    assert!(
        style.starts_with("/x/assets/style.") && style.ends_with(".css"),
        "{style}"
    );

    let qr = resolve_link(page, attr(one(&doc, ".qr img"), "src")).unwrap();
    assert_eq!(decode_qr_svg(&site.text(&qr)), product);

    let sitemap = site.text("sitemap.xml");
    let sitemap = roxmltree::Document::parse(&sitemap).unwrap();
    let locs: Vec<&str> = sitemap
        .descendants()
        .filter(|n| n.has_tag_name("loc"))
        .filter_map(|n| n.text())
        .collect();
    assert!(locs.contains(&product.as_str()), "{locs:?}");
    assert!(locs.iter().all(|loc| loc.starts_with(PREVIEW)), "{locs:?}");

    let items = crate::feeds::google_items(&site.text("en/feeds/google.xml"));
    assert!(!items.is_empty());
    for item in &items {
        assert!(item["link"][0].starts_with(PREVIEW), "{item:?}");
    }
    let atom = site.text("en/atom.xml");
    let atom = roxmltree::Document::parse(&atom).unwrap();
    let self_link = atom
        .descendants()
        .find(|n| n.has_tag_name("link") && n.attribute("rel") == Some("self"))
        .and_then(|n| n.attribute("href"));
    assert_eq!(self_link, Some(format!("{PREVIEW}en/atom.xml").as_str()));
    assert!(site
        .text("robots.txt")
        .contains(&format!("Sitemap: {PREVIEW}sitemap.xml")));

    // catalogue.yaml's address (https://katalog.example.go.id/katalog/) is nowhere.
    for file in site.files() {
        if [".html", ".xml", ".txt", ".json"]
            .iter()
            .any(|e| file.ends_with(e))
        {
            let text = site.text(&file);
            for url in absolute_urls(&text) {
                assert!(!url.contains("katalog.example.go.id"), "{file}: {url}");
            }
        }
    }
}

#[test]
fn each_language_has_an_atom_feed_of_products_newest_first() {
    let site = basic();
    for lang in LANGUAGES {
        let page = format!("{lang}/index.html");
        let doc = site.html(&page);
        let link = one(&doc, r#"link[rel=alternate][type="application/atom+xml"]"#);
        let feed_file = resolve_link(&page, attr(link, "href")).unwrap();
        assert_eq!(feed_file, format!("{lang}/atom.xml"));
        let feed = Html::parse_document(&site.text(&feed_file));
        let entries: Vec<(String, String)> = select(&feed, "entry")
            .into_iter()
            .map(|entry| {
                let id = text(one_in_entry(entry, "id"));
                let updated = text(one_in_entry(entry, "updated"));
                (id, updated)
            })
            .collect();
        // Only the batik product has a curation date; the others follow in slug order.
        assert_eq!(
            entries,
            [
                (
                    format!("{BASE_URL}{lang}/products/batik-tulis-surya/"),
                    "2025-04-28T00:00:00Z".to_owned()
                ),
                (
                    format!("{BASE_URL}{lang}/products/onde-onde-isi-10/"),
                    "2025-04-28T00:00:00Z".to_owned()
                ),
                (
                    format!("{BASE_URL}{lang}/products/sambal-tanpa-foto/"),
                    "2025-04-28T00:00:00Z".to_owned()
                ),
            ]
        );
    }
}

fn one_in_entry<'a>(entry: scraper::ElementRef<'a>, css: &str) -> scraper::ElementRef<'a> {
    let found = select_in(entry, css);
    assert_eq!(found.len(), 1, "one {css} per entry");
    found[0]
}

#[test]
fn the_feed_puts_the_most_recently_curated_product_first() {
    let catalogue = Catalogue::copy("basic");
    let sambal = "content/products/sambal-tanpa-foto/product.yaml";
    let yaml = catalogue.read(sambal);
    catalogue.write(
        sambal,
        format!("{yaml}curation: {{ status: lolos, curator: Dekranasda, date: 2026-01-05 }}\n"),
    );
    let site = catalogue.build();
    let feed = Html::parse_document(&site.text("en/atom.xml"));
    let ids: Vec<String> = select(&feed, "entry > id").into_iter().map(text).collect();
    assert_eq!(
        ids,
        [
            format!("{BASE_URL}en/products/sambal-tanpa-foto/"),
            format!("{BASE_URL}en/products/batik-tulis-surya/"),
            format!("{BASE_URL}en/products/onde-onde-isi-10/"),
        ]
    );
    assert_eq!(text(one(&feed, "feed > updated")), "2026-01-05T00:00:00Z");
}

#[test]
fn share_links_work_without_javascript_and_producers_link_a_map() {
    let site = basic();
    let doc = site.html("id/products/batik-tulis-surya/");
    let share = one(&doc, "a[data-share]");
    assert_eq!(
        attr(share, "href"),
        attr(one(&doc, "link[rel=canonical]"), "href")
    );
    let doc = site.html("en/producers/batik-sekar-jagad/");
    let map = select(&doc, "a[href^=\"https://www.google.com/maps/search/\"]");
    assert_eq!(map.len(), 1);
    let query = attr(map[0], "href").split_once("query=").unwrap().1;
    assert_eq!(
        percent_decode(query),
        "Jl. Empu Nala 12, Prajurit Kulon, Kota Mojokerto"
    );
}

#[test]
fn json_ld_survives_quotes_and_script_end_tags_in_names() {
    let catalogue = Catalogue::copy("basic");
    let tricky = r#"Kue "Enak" </script><script>alert(1)</script>"#;
    catalogue.replace(
        "content/products/sambal-tanpa-foto/product.yaml",
        "name: { id: Sambal Wader, en: Wader Fish Sambal }",
        &format!("name: {{ id: Sambal Wader, en: '{tricky}' }}\nprice: {{ amount: 20000 }}"),
    );
    let site = catalogue.build();
    let doc = site.html("en/products/sambal-tanpa-foto/");
    assert_eq!(
        select(&doc, "script").len(),
        2,
        "only etalase.js and the JSON-LD"
    );
    let raw: String = one(&doc, r#"script[type="application/ld+json"]"#)
        .text()
        .collect();
    assert!(!raw.contains("</script"), "{raw}");
    let graph: serde_json::Value = serde_json::from_str(&raw).unwrap();
    assert_eq!(node_of_type(&graph, "Product")["name"], tricky);
    assert_eq!(text(one(&doc, "h1")), tricky);
}

#[test]
fn link_previews_name_the_price_and_certifications_reach_json_ld() {
    let site = basic();
    let doc = site.html("id/products/onde-onde-isi-10/");
    assert!(
        meta_property(&doc, "og:description").starts_with("Rp 35.000 / kotak. "),
        "{}",
        meta_property(&doc, "og:description")
    );
    let graph = json_ld(&site, "id/products/onde-onde-isi-10/");
    let certifications = node_of_type(&graph, "Product")["hasCertification"]
        .as_array()
        .unwrap()
        .clone();
    let numbers: Vec<&str> = certifications
        .iter()
        .map(|c| c["certificationIdentification"].as_str().unwrap())
        .collect();
    assert_eq!(numbers, ["ID35110000123450123", "2063576010123-29"]);
}

#[test]
fn no_whatsapp_button_when_neither_producer_nor_publisher_has_a_number() {
    let catalogue = Catalogue::copy("basic");
    catalogue.replace(
        "catalogue.yaml",
        r#"publisher: { name: "Dinas Uji", email: "uji@example.id", whatsapp: "+6281200000000" }"#,
        r#"publisher: { name: "Dinas Uji", email: "uji@example.id" }"#,
    );
    let site = catalogue.build();
    let without = site.html("id/products/sambal-tanpa-foto/");
    assert!(select(&without, ".inquiry").is_empty());
    assert!(select(&without, "a[href^=\"https://wa.me/\"]").is_empty());
    let with = site.html("id/products/batik-tulis-surya/");
    assert_eq!(
        select(
            &with,
            ".inquiry a[href^=\"https://wa.me/6281234567890?text=\"]"
        )
        .len(),
        1
    );
}

// ---------------------------------------------------------------- read on a phone

/// The text of the product page's fact whose label is `label`.
fn fact(doc: &Html, label: &str) -> String {
    select(doc, ".facts div")
        .into_iter()
        .find(|row| text(one_in(*row, "dt")) == label)
        .map(|row| text(one_in(row, "dd")))
        .unwrap_or_else(|| panic!("no fact {label}"))
}

#[test]
fn english_units_are_plural_after_a_count_other_than_one() {
    let catalogue = Catalogue::copy("basic");
    catalogue.replace(
        "content/products/onde-onde-isi-10/product.yaml",
        "unit: { id: kotak, en: box }",
        "unit: { id: kotak, en: box, en_plural: boxes of ten }\nmin_order: 2",
    );
    catalogue.replace(
        "content/products/sambal-tanpa-foto/product.yaml",
        "category: makanan-minuman",
        "category: makanan-minuman\nunit: { id: botol, en: jar }\nmin_order: 1",
    );
    let site = catalogue.build();
    let cases = [
        // No plural given: the regular English rule; Indonesian as written.
        (
            "en",
            "batik-tulis-surya",
            "Minimum order",
            "10 pieces",
            "piece",
            Some("pieces"),
        ),
        (
            "id",
            "batik-tulis-surya",
            "Pesanan minimum",
            "10 lembar",
            "lembar",
            None,
        ),
        // The editor's own plural.
        (
            "en",
            "onde-onde-isi-10",
            "Minimum order",
            "2 boxes of ten",
            "box",
            Some("boxes of ten"),
        ),
        (
            "id",
            "onde-onde-isi-10",
            "Pesanan minimum",
            "2 kotak",
            "kotak",
            None,
        ),
        // One stays singular.
        (
            "en",
            "sambal-tanpa-foto",
            "Minimum order",
            "1 jar",
            "jar",
            Some("jars"),
        ),
    ];
    for (lang, slug, label, shown, one_unit, many) in cases {
        let doc = site.html(&format!("{lang}/products/{slug}/"));
        assert_eq!(fact(&doc, label), shown, "{lang} {slug}");
        // The add control names both forms, to follow the quantity as it changes.
        let add = one(&doc, ".product-info .list-add");
        assert_eq!(attr(add, "data-unit"), one_unit, "{lang} {slug}");
        assert_eq!(add.value().attr("data-units"), many, "{lang} {slug}");
        // The price line names one unit: "/ piece".
        for per in select(&doc, ".price-line .unit") {
            assert_eq!(text(per), format!("/ {one_unit}"), "{lang} {slug}");
        }
    }
}

#[test]
fn a_plural_for_a_language_the_catalogue_lacks_is_a_warning() {
    let catalogue = Catalogue::copy("basic");
    catalogue.replace(
        "content/products/batik-tulis-surya/product.yaml",
        "unit: { id: lembar, en: piece }",
        "unit: { id: lembar, en: piece, fr_plural: pièces }",
    );
    let warnings = match etalase::check(catalogue.root(), false) {
        Ok(report) => report.warnings,
        Err(error) => panic!("check failed:\n{}", describe_error(&error)),
    };
    let said: Vec<String> = warnings.iter().map(|w| w.to_string()).collect();
    assert!(
        said.iter()
            .any(|w| w.contains("batik-tulis-surya") && w.contains("`fr`")),
        "{said:#?}"
    );
    let site = catalogue.build();
    let doc = site.html("en/products/batik-tulis-surya/");
    assert_eq!(fact(&doc, "Minimum order"), "10 pieces");
}

#[test]
fn the_first_row_of_a_product_list_loads_at_once() {
    let site = basic();
    for page in ["id/products/", "en/categories/batik/"] {
        let doc = site.html(page);
        let cards = select(&doc, ".card-grid .card");
        assert!(!cards.is_empty(), "{page}");
        let mut photos = 0;
        for (index, card) in cards.iter().enumerate() {
            let Some(img) = select_in(*card, "img").into_iter().next() else {
                continue;
            };
            photos += 1;
            let lazy = img.value().attr("loading") == Some("lazy");
            let high = img.value().attr("fetchpriority") == Some("high");
            // The first row is at most four cards wide; the first card's photo is the LCP.
            assert_eq!(lazy, index >= 4, "{page} card {index}");
            assert_eq!(high, index == 0, "{page} card {index}");
        }
        assert!(photos > 0, "{page}");
    }
}

#[test]
fn home_pages_have_a_meta_description() {
    let site = basic();
    for lang in ["id", "en"] {
        let doc = site.html(&format!("{lang}/"));
        let description = attr(one(&doc, r#"meta[name="description"]"#), "content");
        let expected = match lang {
            "id" => "Produk pilihan untuk pengujian.",
            _ => "Selected products for testing.",
        };
        assert_eq!(description, expected);
        assert_eq!(meta_property(&doc, "og:description"), description);
    }
}

#[test]
fn counts_of_one_are_singular_in_english() {
    let site = basic();
    let mut seen_one = false;
    for lang in LANGUAGES {
        for page in site.html_files() {
            if !page.starts_with(&format!("{lang}/tags/")) || page.ends_with("tags/index.html") {
                continue;
            }
            let doc = site.html(&page);
            let cards = select(&doc, ".card-grid .card").len();
            seen_one |= cards == 1;
            let noun = match (lang, cards) {
                ("id", _) => "produk",
                (_, 1) => "product",
                _ => "products",
            };
            assert_eq!(
                text(one(&doc, ".list-count")),
                format!("{cards} {noun}"),
                "{page}"
            );
        }
    }
    assert!(seen_one, "the fixture has a tag with one product");
}

// ---------------------------------------------------------------- output that does not grow

/// The products page's filter form names no producer: with 300 more producers in the
/// catalogue the page keeps its size to the byte (the producer filter's suggestions come
/// from the search index, which does list them all).
#[test]
fn products_page_does_not_grow_with_the_number_of_producers() {
    let catalogue = Catalogue::copy("basic");
    let before = catalogue.build();
    for n in 0..300 {
        let folder = format!("content/producers/extra-producer-{n:03}");
        catalogue.write(
            &format!("{folder}/producer.yaml"),
            format!(
                "name: Extra Producer {n:03}\nkind: ukm\naddress: Jl. Uji {n}, Kota Mojokerto\n"
            ),
        );
        catalogue.write(&format!("{folder}/id.md"), "Produsen uji.\n");
        catalogue.write(&format!("{folder}/en.md"), "A test producer.\n");
    }
    let after = catalogue.build();
    for lang in ["id", "en"] {
        let page = format!("{lang}/products/index.html");
        assert_eq!(
            after.bytes(&page).len(),
            before.bytes(&page).len(),
            "{page} should keep its size with 300 more producers"
        );
        let doc = after.html(&page);
        let form = *select(&doc, "#product-filter")
            .first()
            .expect("the filter form");
        let text = form.html();
        assert!(!text.contains("Extra Producer"), "{page}: {text}");
        assert_eq!(
            select_in(form, "select[name=producer]").len(),
            0,
            "{page}: no <select> of producers"
        );
        let field = *select_in(form, "input#filter-producer[list=filter-producers]")
            .first()
            .expect("the producer field with suggestions");
        assert!(
            field.value().attr("name").is_none(),
            "the slug goes in its own field"
        );
        assert_eq!(select_in(form, "label[for=filter-producer]").len(), 1);
        assert_eq!(select_in(form, "input[name=producer][hidden]").len(), 1);
        // The suggestions' source: every producer is in the search index.
        let index: serde_json::Value =
            serde_json::from_slice(&after.bytes(&format!("{lang}/products/search/index.json")))
                .expect("search index");
        let producers = index["producers"].as_array().expect("producers");
        assert!(producers
            .iter()
            .any(|p| p[0] == "extra-producer-299" && p[1] == "Extra Producer 299"));
    }
}

#[test]
fn a_sitemap_past_its_file_limit_is_an_index_of_numbered_files_listing_every_page_once() {
    // 16 KB a file: the pages of 40 products take several.
    let catalogue = Catalogue::large(40, "{ max_feed_file_kb: 16 }");
    let site = catalogue.build();
    let files = sitemap_files(&site);
    assert!(files.len() > 2, "{files:?}");
    let numbered: Vec<String> = (1..=files.len())
        .map(|n| format!("sitemap-{n}.xml"))
        .collect();
    assert_eq!(files, numbered);
    for file in &files {
        assert!(site.bytes(file).len() <= 16 * 1024, "{file}");
    }
    assert_sitemap(&site);
    let robots = site.text("robots.txt");
    assert!(
        robots.contains("Sitemap: https://katalog.example.go.id/katalog/sitemap.xml\n"),
        "{robots}"
    );
}
