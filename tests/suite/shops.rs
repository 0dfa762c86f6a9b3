//! Shops on marketplaces, websites and Facebook pages (`shops:` in producer.yaml and
//! product.yaml): the buttons producer and product pages show in both languages, a product
//! without listings pointing at its producer's marketplace shops, and the JSON-LD that carries
//! the links (`sameAs`, one offer per listing).

use crate::common::*;
use scraper::Html;

const PRODUCER: &str = "content/producers/batik-sekar-jagad/producer.yaml";
const PRODUCT: &str = "content/products/batik-tulis-surya/product.yaml";
const ONDE_PRODUCER: &str = "content/producers/onde-onde-bu-sri/producer.yaml";

const TOKOPEDIA_SHOP: &str = "https://www.tokopedia.com/batiksekarjagad";
const SHOPEE_SHOP: &str = "https://shopee.co.id/batiksekarjagad";
const TIKTOK_SHOP: &str = "https://www.tiktok.com/@batiksekarjagad";
const BUKALAPAK_SHOP: &str = "https://www.bukalapak.com/u/batiksekarjagad";
const WEBSITE: &str = "https://batiksekarjagad.example.id/";
const FACEBOOK: &str = "https://www.facebook.com/batiksekarjagad";
const TOKOPEDIA_LISTING: &str = "https://www.tokopedia.com/batiksekarjagad/batik-tulis-surya";
const SHOPEE_LISTING: &str = "https://shopee.co.id/batiksekarjagad/batik-tulis-surya-123";
const ONDE_SHOPEE: &str = "https://shopee.co.id/ondeondebusri";

/// The basic fixture with shops for both producers and two listings for the batik, written
/// out of the contract's order to show that pages put them in order.
fn with_shops() -> Catalogue {
    let catalogue = Catalogue::copy("basic");
    catalogue.replace(
        PRODUCER,
        "instagram: batiksekarjagad\n",
        &format!(
            "instagram: batiksekarjagad\nshops:\n  facebook: {FACEBOOK}\n  website: {WEBSITE}\n  \
             bukalapak: {BUKALAPAK_SHOP}\n  tiktok: {TIKTOK_SHOP}\n  shopee: {SHOPEE_SHOP}\n  \
             tokopedia: {TOKOPEDIA_SHOP}\n"
        ),
    );
    catalogue.replace(
        PRODUCT,
        "certifications:\n",
        &format!(
            "shops:\n  shopee: {SHOPEE_LISTING}\n  tokopedia: {TOKOPEDIA_LISTING}\ncertifications:\n"
        ),
    );
    catalogue.replace(
        ONDE_PRODUCER,
        "kind: ikm\n",
        &format!(
            "kind: ikm\nshops:\n  shopee: {ONDE_SHOPEE}\n  website: https://onde.example.id\n"
        ),
    );
    catalogue
}

/// The shop buttons of a page: (href, label, second line).
fn buttons(doc: &Html) -> Vec<(String, String, String)> {
    select(doc, "ul.shop-links a.button")
        .into_iter()
        .map(|link| {
            let detail = select_in(link, "small")
                .first()
                .map(|small| text(*small))
                .unwrap_or_default();
            (attr(link, "href").to_owned(), own_text(link), detail)
        })
        .collect()
}

fn owned(rows: &[(&str, &str, &str)]) -> Vec<(String, String, String)> {
    rows.iter()
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
        .collect()
}

#[test]
fn a_producer_page_shows_every_shop_as_a_button_in_both_languages() {
    let site = with_shops().build();
    let id = site.html("id/producers/batik-sekar-jagad/index.html");
    assert_eq!(
        buttons(&id),
        owned(&[
            (TOKOPEDIA_SHOP, "Beli di Tokopedia", ""),
            (SHOPEE_SHOP, "Beli di Shopee", ""),
            (TIKTOK_SHOP, "Beli di TikTok Shop", ""),
            (BUKALAPAK_SHOP, "Beli di Bukalapak", ""),
            (WEBSITE, "Kunjungi situs web", "batiksekarjagad.example.id"),
            (FACEBOOK, "Facebook", ""),
        ])
    );
    let en = site.html("en/producers/batik-sekar-jagad/index.html");
    let labels: Vec<String> = buttons(&en)
        .into_iter()
        .map(|(_, label, _)| label)
        .collect();
    assert_eq!(
        labels,
        [
            "Buy on Tokopedia",
            "Buy on Shopee",
            "Buy on TikTok Shop",
            "Buy on Bukalapak",
            "Visit the website",
            "Facebook"
        ]
    );
    // Plain links that open in the same tab: nothing to guard with rel="noopener".
    for link in select(&id, "ul.shop-links a") {
        assert_eq!(link.value().attr("target"), None);
    }
}

#[test]
fn a_product_page_shows_its_own_listings_else_its_producers_marketplace_shops() {
    let site = with_shops().build();
    let batik = site.html("id/products/batik-tulis-surya/index.html");
    assert_eq!(
        buttons(&batik),
        owned(&[
            (TOKOPEDIA_LISTING, "Beli di Tokopedia", ""),
            (SHOPEE_LISTING, "Beli di Shopee", ""),
        ])
    );
    // No listing of its own: the producer's marketplace shops, named as theirs; never its
    // website.
    let onde = r#"Onde-onde "Bu Sri" & Putri <Asli>"#;
    let id = site.html("id/products/onde-onde-isi-10/index.html");
    let shop_of = format!("Toko {onde}");
    assert_eq!(
        buttons(&id),
        owned(&[(ONDE_SHOPEE, "Beli di Shopee", &shop_of)])
    );
    let en = site.html("en/products/sambal-tanpa-foto/index.html");
    let shop_of = format!("{onde}'s shop");
    assert_eq!(
        buttons(&en),
        owned(&[(ONDE_SHOPEE, "Buy on Shopee", &shop_of)])
    );
    // A catalogue without shops shows no shop buttons at all.
    let plain = basic();
    let page = plain.html("id/products/batik-tulis-surya/index.html");
    assert!(select(&page, "ul.shop-links").is_empty());
}

fn graph_node(site: &Site, page: &str, kind: &str) -> serde_json::Value {
    let doc = site.html(page);
    let raw: String = one(&doc, r#"script[type="application/ld+json"]"#)
        .text()
        .collect();
    let graph: serde_json::Value = serde_json::from_str(&raw).expect("JSON-LD parses");
    let nodes = graph["@graph"].as_array().expect("a @graph").clone();
    let mut found = nodes.into_iter().filter(|n| n["@type"] == kind);
    let node = found
        .next()
        .unwrap_or_else(|| panic!("no {kind} in {page}"));
    assert!(found.next().is_none(), "one {kind} in {page}");
    node
}

#[test]
fn json_ld_names_shops_as_same_as_and_each_listing_as_an_offer() {
    let site = with_shops().build();
    let business = graph_node(&site, "en/producers/batik-sekar-jagad/", "LocalBusiness");
    assert_eq!(
        business["sameAs"],
        serde_json::json!([
            "https://www.instagram.com/batiksekarjagad/",
            TOKOPEDIA_SHOP,
            SHOPEE_SHOP,
            TIKTOK_SHOP,
            BUKALAPAK_SHOP,
            WEBSITE,
            FACEBOOK,
        ])
    );
    let product = graph_node(&site, "en/products/batik-tulis-surya/", "Product");
    let offers = product["offers"].as_array().expect("several offers");
    assert_eq!(offers.len(), 3, "{offers:?}");
    // The page's own offer comes first, as without listings.
    assert_eq!(
        offers[0]["url"],
        format!("{BASE_URL}en/products/batik-tulis-surya/")
    );
    for (offer, url) in offers[1..].iter().zip([TOKOPEDIA_LISTING, SHOPEE_LISTING]) {
        assert_eq!(offer["url"], url);
        assert_eq!(offer["@type"], "AggregateOffer");
        assert_eq!(
            (offer["lowPrice"].as_u64(), offer["highPrice"].as_u64()),
            (Some(350_000), Some(750_000))
        );
        assert_eq!(offer["priceCurrency"], "IDR");
        assert_eq!(offer["seller"]["name"], "Batik Sekar Jagad");
    }
    // The producer's shops are not the product's listings: one offer, as before.
    let onde = graph_node(&site, "en/products/onde-onde-isi-10/", "Product");
    assert_eq!(onde["offers"].as_array().map(Vec::len), Some(1));
    assert_eq!(onde["offers"][0]["@type"], "Offer");
}
