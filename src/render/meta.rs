//! What a page's `<head>` says about it: canonical URL, language twins, link-preview tags
//! and structured data. All URLs given to crawlers are absolute under `base_url`.

use serde::Serialize;

use super::views::{Link, ProducerView, ProductView, ShareImage};
use crate::config::Config;
use crate::fields::Price;
use crate::i18n::{language_name, og_locale};

/// One language version of a page.
#[derive(Debug, Clone, Serialize)]
pub struct Alternate {
    pub lang: String,
    pub name: String,
    /// Relative to the site root: `en/products/x/`.
    pub url: String,
    /// Absolute: `https://host/katalog/en/products/x/`.
    pub href: String,
    pub current: bool,
}

/// Head and navigation data of one page, given to templates as `page`.
#[derive(Debug, Clone, Serialize)]
pub struct PageMeta {
    pub lang: String,
    /// Prefix that turns a site-relative URL into one that works from this page.
    pub root: String,
    /// This page's own site-relative URL.
    pub url: String,
    /// The Atom feed of the page's language (site-relative).
    pub feed: String,
    pub canonical: Option<String>,
    pub alternates: Vec<Alternate>,
    pub x_default: Option<String>,
    pub title: String,
    /// The text of the page's `<title>`: see [`document_title`].
    pub document_title: String,
    pub description: String,
    /// The link-preview image (absolute URL and size).
    pub image: Option<ShareImage>,
    pub og_type: &'static str,
    pub og_locale: String,
    pub og_locale_alternates: Vec<String>,
    pub breadcrumbs: Vec<Link>,
    /// Ready to place inside `<script type="application/ld+json">`: `<` is escaped.
    pub json_ld: Option<String>,
    pub is_home: bool,
    pub is_root: bool,
    pub is_not_found: bool,
}

impl PageMeta {
    /// Meta for `twin` (e.g. `products/x/`) in `lang`; `twin` "" with `lang` "" is the root chooser.
    pub fn new(config: &Config, lang: &str, twin: &str) -> PageMeta {
        let url = format!("{lang}/{twin}");
        let absolute = |site_relative: &str| format!("{}/{site_relative}", config.base_url);
        let alternates = config
            .languages
            .iter()
            .map(|other| {
                let url = format!("{other}/{twin}");
                Alternate {
                    lang: other.clone(),
                    name: language_name(other).to_owned(),
                    href: absolute(&url),
                    url,
                    current: other == lang,
                }
            })
            .collect();
        PageMeta {
            lang: lang.to_owned(),
            root: "../".repeat(url.matches('/').count()),
            feed: format!("{lang}/atom.xml"),
            canonical: Some(absolute(&url)),
            url,
            alternates,
            x_default: Some(absolute(&format!("{}/{twin}", config.default_language()))),
            title: String::new(),
            document_title: String::new(),
            description: String::new(),
            image: None,
            og_type: "website",
            og_locale: og_locale(lang),
            og_locale_alternates: config
                .languages
                .iter()
                .filter(|l| *l != lang)
                .map(|l| og_locale(l))
                .collect(),
            breadcrumbs: Vec::new(),
            json_ld: None,
            is_home: false,
            is_root: false,
            is_not_found: false,
        }
    }

    /// The root language chooser at `index.html`.
    pub fn root(config: &Config) -> PageMeta {
        let lang = config.default_language();
        let mut meta = PageMeta::new(config, lang, "");
        meta.root = String::new();
        meta.url = String::new();
        meta.canonical = Some(format!("{}/", config.base_url));
        meta.x_default = meta.canonical.clone();
        for alternate in &mut meta.alternates {
            alternate.current = false;
        }
        meta.is_root = true;
        meta
    }

    /// `404.html`: served at any path, so every link is root-relative.
    pub fn not_found(config: &Config, lang: &str) -> PageMeta {
        let mut meta = PageMeta::new(config, lang, "");
        meta.root = config.base_path.clone();
        meta.url = String::new();
        meta.canonical = None;
        meta.x_default = None;
        for alternate in &mut meta.alternates {
            alternate.current = false;
        }
        meta.is_not_found = true;
        meta
    }

    /// Makes the page's `<title>` from its title, once that is set, and the site's.
    pub fn set_document_title(&mut self, site_title: &str) {
        let own_site = self.is_home || self.is_root;
        self.document_title = document_title(&self.title, (!own_site).then_some(site_title));
    }
}

/// A page's `<title>`: its own title, then the site's (`Batik · Katalog`), which the home and
/// root pages leave out since their title is the site's.
pub fn document_title(title: &str, site_title: Option<&str>) -> String {
    match site_title {
        Some(site) => format!("{title} · {site}"),
        None => title.to_owned(),
    }
}

/// schema.org `Product` (with its offer in rupiah) and `BreadcrumbList` for a product page,
/// as JSON safe to embed in HTML.
pub fn product_json_ld(
    product: &ProductView,
    price: Option<Price>,
    meta: &PageMeta,
    base_url: &str,
) -> String {
    let mut data = serde_json::json!({
        "@type": "Product",
        "name": product.card.name.text,
        "description": product.card.summary.text,
        "category": product.category.name,
        "brand": { "@type": "Brand", "name": product.producer.name },
        "manufacturer": { "@type": "Organization", "name": product.producer.name },
        "url": meta.canonical,
    });
    if let Some(image) = &meta.image {
        data["image"] = serde_json::Value::from(image.url.clone());
    }
    if let Some(offer) = price.map(|p| offer(p, meta.canonical.as_deref())) {
        data["offers"] = offer;
    }
    if let (Some(price), false) = (price, product.listings.is_empty()) {
        let offers = with_listing_offers(&data["offers"], price, product);
        data["offers"] = offers;
    }
    if !product.certifications.is_empty() {
        data["hasCertification"] = product
            .certifications
            .iter()
            .map(|c| {
                let mut certification =
                    serde_json::json!({ "@type": "Certification", "name": c.label });
                if let Some(number) = &c.detail {
                    certification["certificationIdentification"] = number.clone().into();
                }
                certification
            })
            .collect();
    }
    graph(vec![data, breadcrumb_list(meta, base_url)])
}

/// schema.org `LocalBusiness` and `BreadcrumbList` for a producer page.
pub fn producer_json_ld(producer: &ProducerView, meta: &PageMeta, base_url: &str) -> String {
    let card = &producer.card;
    let mut data = serde_json::json!({
        "@type": "LocalBusiness",
        "name": card.name,
        "address": { "@type": "PostalAddress", "streetAddress": card.address, "addressCountry": "ID" },
        "url": meta.canonical,
    });
    if let Some(phone) = &card.contact.whatsapp {
        data["telephone"] = phone.clone().into();
    }
    if let Some(email) = &card.contact.email {
        data["email"] = email.clone().into();
    }
    let same_as: Vec<&str> = (card.contact.instagram_url.iter())
        .chain(producer.shops.iter().map(|shop| &shop.url))
        .map(String::as_str)
        .collect();
    if !same_as.is_empty() {
        data["sameAs"] = same_as.into();
    }
    if let Some(founded) = producer.founded {
        data["foundingDate"] = founded.to_string().into();
    }
    if let Some(image) = &meta.image {
        data["image"] = image.url.clone().into();
    }
    graph(vec![data, breadcrumb_list(meta, base_url)])
}

/// The page's own offer followed by one per marketplace listing: the same product at the price
/// the catalogue states, sold by its producer at the listing's URL. Google wants a price on
/// every offer, so a product without one lists no offers at all.
fn with_listing_offers(
    main: &serde_json::Value,
    price: Price,
    product: &ProductView,
) -> serde_json::Value {
    let seller = serde_json::json!({ "@type": "Organization", "name": product.producer.name });
    let listings = product.listings.iter().map(|listing| {
        let mut listed = offer(price, Some(listing.url.as_str()));
        listed["seller"] = seller.clone();
        listed
    });
    std::iter::once(main.clone()).chain(listings).collect()
}

fn offer(price: Price, url: Option<&str>) -> serde_json::Value {
    let mut offer = match price {
        Price::Fixed(amount) => serde_json::json!({ "@type": "Offer", "price": amount }),
        Price::Range { min, max } => {
            serde_json::json!({ "@type": "AggregateOffer", "lowPrice": min, "highPrice": max })
        }
    };
    offer["priceCurrency"] = "IDR".into();
    if let Some(url) = url {
        offer["url"] = url.into();
    }
    offer
}

/// The page's breadcrumb trail, ending with the page itself, with absolute URLs.
fn breadcrumb_list(meta: &PageMeta, base_url: &str) -> serde_json::Value {
    let mut items: Vec<serde_json::Value> = meta
        .breadcrumbs
        .iter()
        .map(|crumb| (crumb.name.clone(), format!("{base_url}/{}", crumb.url)))
        .chain(meta.canonical.clone().map(|url| (meta.title.clone(), url)))
        .enumerate()
        .map(|(i, (name, url))| {
            serde_json::json!({ "@type": "ListItem", "position": i + 1, "name": name, "item": url })
        })
        .collect();
    items.dedup();
    serde_json::json!({ "@type": "BreadcrumbList", "itemListElement": items })
}

fn graph(nodes: Vec<serde_json::Value>) -> String {
    embeddable_json(&serde_json::json!({ "@context": "https://schema.org", "@graph": nodes }))
}

/// JSON for a `<script>` element: `<`, `>` and `&` written as `\u003c`, `\u003e`, `\u0026`.
pub fn embeddable_json(value: &serde_json::Value) -> String {
    value
        .to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_end_tags_cannot_break_out_of_json() {
        let json = embeddable_json(&serde_json::json!({ "name": "</script><b>&" }));
        assert_eq!(json, r#"{"name":"\u003c/script\u003e\u003cb\u003e\u0026"}"#);
        let parsed: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(parsed["name"], "</script><b>&");
    }
}
