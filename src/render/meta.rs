//! What a page's `<head>` says about it: canonical URL, language twins, link-preview tags
//! and structured data. All URLs given to crawlers are absolute under `base_url`.

use serde::Serialize;

use super::views::{Link, ProducerView, ProductView, ShareImage};
use crate::config::{Config, DayRange, Returns, Shipping};
use crate::fields::{AvailabilityStatus, Price};
use crate::i18n::{language_name, og_locale};
use crate::model::Product;

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
    /// Asks search engines not to index the page (`<meta name="robots" content="noindex">`):
    /// the offline pages, which hosts serve with a 200. The 404 page does without: hosts serve
    /// it with the 404 status, which is never indexed, and Lighthouse's SEO audit would mark it
    /// down (58 instead of 100).
    pub noindex: bool,
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
            noindex: false,
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

/// schema.org `Product` with its offers and `BreadcrumbList` for a product page, as JSON safe
/// to embed in HTML. A product without a price gets the breadcrumb only: Google reports a
/// `Product` with no offer as an error, and an offer needs a price (`check` says so).
pub fn product_json_ld(
    view: &ProductView,
    product: &Product,
    config: &Config,
    meta: &PageMeta,
) -> String {
    let breadcrumbs = breadcrumb_list(meta, &config.base_url);
    let Some(price) = product.price else {
        return graph(vec![breadcrumbs]);
    };
    let mut data = serde_json::json!({
        "@type": "Product",
        "name": view.card.name.text,
        "description": view.card.summary.text,
        "category": view.category.name,
        "brand": { "@type": "Brand", "name": view.producer.name },
        "manufacturer": { "@type": "Organization", "name": view.producer.name },
        "url": meta.canonical,
    });
    if let Some(image) = &meta.image {
        data["image"] = serde_json::Value::from(image.url.clone());
    }
    // The producer makes the product, so its own code is also the manufacturer's part number,
    // as the feeds say too.
    if let Some(sku) = &product.sku {
        data["sku"] = sku.as_str().into();
        data["mpn"] = sku.as_str().into();
    }
    if let Some(gtin) = &product.gtin {
        data["gtin"] = gtin.as_str().into();
    }
    let terms = OfferTerms::new(view, product, config);
    data["offers"] = std::iter::once(meta.canonical.as_deref())
        .chain(
            view.listings
                .iter()
                .map(|listing| Some(listing.url.as_str())),
        )
        .map(|url| terms.offer(price, url))
        .collect();
    if !view.certifications.is_empty() {
        data["hasCertification"] = view
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
    graph(vec![data, breadcrumbs])
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

/// What every offer of one product says besides its price and URL: sold new by its producer,
/// with the availability the product states and the shipping and return terms the catalogue
/// states. The page's own offer comes first, then one per marketplace listing, all at the
/// price the catalogue gives.
struct OfferTerms {
    common: serde_json::Map<String, serde_json::Value>,
}

impl OfferTerms {
    fn new(view: &ProductView, product: &Product, config: &Config) -> OfferTerms {
        let mut common = serde_json::Map::new();
        if let Some(availability) = &product.availability {
            common.insert(
                "availability".into(),
                schema_availability(availability.status).into(),
            );
        }
        if let Some(sku) = &product.sku {
            common.insert("sku".into(), sku.as_str().into());
        }
        common.insert(
            "itemCondition".into(),
            "https://schema.org/NewCondition".into(),
        );
        common.insert(
            "seller".into(),
            serde_json::json!({
                "@type": "Organization",
                "name": view.producer.name,
                "url": format!("{}/{}", config.base_url, view.producer.url),
            }),
        );
        if let Some(shipping) = &config.shipping {
            common.insert("shippingDetails".into(), shipping_details(shipping));
        }
        if let Some(returns) = &config.returns {
            common.insert("hasMerchantReturnPolicy".into(), return_policy(returns));
        }
        OfferTerms { common }
    }

    fn offer(&self, price: Price, url: Option<&str>) -> serde_json::Value {
        let mut offer = match price {
            Price::Fixed(amount) => serde_json::json!({ "@type": "Offer", "price": amount }),
            Price::Range { min, max } => serde_json::json!({
                "@type": "AggregateOffer", "lowPrice": min, "highPrice": max, "offerCount": 1,
            }),
        };
        offer["priceCurrency"] = "IDR".into();
        if let Some(url) = url {
            offer["url"] = url.into();
        }
        for (key, value) in &self.common {
            offer[key] = value.clone();
        }
        offer
    }
}

/// schema.org's word for a status: made to order is `MadeToOrder`, which Google reads.
fn schema_availability(status: AvailabilityStatus) -> &'static str {
    match status {
        AvailabilityStatus::Siap => "https://schema.org/InStock",
        AvailabilityStatus::Pesan => "https://schema.org/MadeToOrder",
        AvailabilityStatus::Habis => "https://schema.org/OutOfStock",
    }
}

/// `OfferShippingDetails`: the rate to the stated country and, when stated, the days.
fn shipping_details(shipping: &Shipping) -> serde_json::Value {
    let mut details = serde_json::json!({
        "@type": "OfferShippingDetails",
        "shippingRate": { "@type": "MonetaryAmount", "value": shipping.rate, "currency": "IDR" },
        "shippingDestination": { "@type": "DefinedRegion", "addressCountry": shipping.country },
    });
    if let (Some(handling), Some(transit)) = (shipping.handling_days, shipping.transit_days) {
        details["deliveryTime"] = serde_json::json!({
            "@type": "ShippingDeliveryTime",
            "handlingTime": days(handling),
            "transitTime": days(transit),
        });
    }
    details
}

fn days(range: DayRange) -> serde_json::Value {
    serde_json::json!({
        "@type": "QuantitativeValue", "minValue": range.min, "maxValue": range.max, "unitCode": "DAY",
    })
}

/// `MerchantReturnPolicy`: a window of so many days, or no returns at all.
fn return_policy(returns: &Returns) -> serde_json::Value {
    let mut policy = serde_json::json!({
        "@type": "MerchantReturnPolicy",
        "applicableCountry": returns.country,
    });
    if returns.days == 0 {
        policy["returnPolicyCategory"] = "https://schema.org/MerchantReturnNotPermitted".into();
        return policy;
    }
    policy["returnPolicyCategory"] = "https://schema.org/MerchantReturnFiniteReturnWindow".into();
    policy["merchantReturnDays"] = returns.days.into();
    match returns.fee {
        Some(0) => policy["returnFees"] = "https://schema.org/FreeReturn".into(),
        Some(fee) => {
            policy["returnFees"] = "https://schema.org/ReturnShippingFees".into();
            policy["returnShippingFeesAmount"] =
                serde_json::json!({ "@type": "MonetaryAmount", "value": fee, "currency": "IDR" });
        }
        None => {}
    }
    policy
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
