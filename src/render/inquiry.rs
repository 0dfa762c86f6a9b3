//! The inquiry list (`/{lang}/inquiry/`): the page's settings for its script, and the list's
//! product file, one compact JSON per language (`{lang}/inquiry/items.json`) fetched only by
//! that page. The list itself lives in the visitor's browser as slugs and quantities, so a list
//! put together on `/id/` shows with English names and units on `/en/inquiry/`.

use serde::Serialize;

use super::labels::{Labels, ListLabels};
use super::views::{LangContext, Placement};
use crate::fields::{currency_prefix, thousands_separator, Price};
use crate::model::Product;

/// The file name of the list's product file, in each language's `inquiry/` folder.
pub const ITEMS_FILE: &str = "items.json";

/// Bumped when the layout of the file changes, so a script can tell.
const FORMAT_VERSION: u32 = 1;

/// Every product the list can hold, in one language.
#[derive(Debug, Serialize)]
pub struct ItemsFile {
    version: u32,
    /// `[slug, name, WhatsApp digits or ""]` of every producer; products refer to them by
    /// position.
    producers: Vec<(String, String, String)>,
    products: Vec<Item>,
}

/// One product, with short keys: the file carries one of these per product.
#[derive(Debug, Serialize)]
struct Item {
    #[serde(rename = "s")]
    slug: String,
    #[serde(rename = "n")]
    name: String,
    /// The language of the name when it fell back to another one.
    #[serde(rename = "nl", skip_serializing_if = "Option::is_none")]
    name_lang: Option<String>,
    #[serde(rename = "u", skip_serializing_if = "Option::is_none")]
    unit: Option<String>,
    /// The unit after a count other than one, when it differs (English plurals).
    #[serde(rename = "us", skip_serializing_if = "Option::is_none")]
    units: Option<String>,
    /// The minimum order, left out when it is 1.
    #[serde(rename = "m", skip_serializing_if = "is_one")]
    min_order: u32,
    /// Lowest and highest price in rupiah; left out for "price on request".
    #[serde(rename = "r", skip_serializing_if = "Option::is_none")]
    price: Option<(u64, u64)>,
    #[serde(rename = "p")]
    producer: usize,
    /// The smallest copy of the cover photo: after `media/{slug}-` when it is named so (the
    /// image pipeline's naming), else its whole site-relative address after a `/`.
    #[serde(rename = "i", skip_serializing_if = "Option::is_none")]
    thumb: Option<String>,
}

fn is_one(n: &u32) -> bool {
    *n == 1
}

/// The quantity a product's add control starts at and cannot go below.
pub fn min_order(product: &Product) -> u32 {
    product.min_order.unwrap_or(1).max(1)
}

/// Builds the list's product file of `view.lang`.
pub fn items(view: &LangContext) -> ItemsFile {
    let catalogue = view.catalogue;
    ItemsFile {
        version: FORMAT_VERSION,
        producers: catalogue
            .producers
            .iter()
            .map(|p| {
                let whatsapp = p.whatsapp.as_ref().map(|w| w.digits().to_owned());
                (p.slug.clone(), p.name.clone(), whatsapp.unwrap_or_default())
            })
            .collect(),
        products: catalogue
            .products
            .iter()
            .map(|product| item(view, product))
            .collect(),
    }
}

fn item(view: &LangContext, product: &Product) -> Item {
    let name = view.text(&product.name);
    Item {
        slug: product.slug.clone(),
        name: name.text,
        name_lang: name.lang,
        unit: view.unit_for(1, product),
        units: view.unit_many(product),
        min_order: min_order(product),
        price: product.price.map(Price::bounds),
        producer: product.producer,
        thumb: thumb(view, product),
    }
}

/// The smallest WebP copy of the cover (else the smallest fallback copy), shortened.
fn thumb(view: &LangContext, product: &Product) -> Option<String> {
    let cover = view.photo(product.photos.first()?, Placement::Card)?;
    let smallest = cover.webp.first().or(cover.fallback.first())?;
    let stem = format!("media/{}-", product.slug);
    Some(match smallest.url.strip_prefix(&stem) {
        Some(rest) => rest.to_owned(),
        None => format!("/{}", smallest.url),
    })
}

/// What the list page's script needs, embedded in the page as JSON.
#[derive(Debug, Serialize)]
pub struct PageSettings<'a> {
    /// The product file, site-relative, with a version from its content.
    pub items: String,
    /// The catalogue's address, for the links in messages.
    pub base: &'a str,
    pub lang: &'a str,
    pub publisher: &'a str,
    /// The publisher's WhatsApp digits, or "".
    pub publisher_whatsapp: String,
    /// How prices read: "Rp" and "." in Indonesian.
    pub currency: &'static str,
    pub separator: char,
    pub price_on_request: &'static str,
    pub t: &'static ListLabels,
}

impl<'a> PageSettings<'a> {
    pub fn new(view: &LangContext<'a>, items: String) -> PageSettings<'a> {
        let config = &view.catalogue.config;
        let labels = Labels::for_lang(view.lang);
        PageSettings {
            items,
            base: &config.base_url,
            lang: view.lang,
            publisher: &config.publisher.name,
            publisher_whatsapp: config
                .publisher
                .whatsapp
                .as_ref()
                .map(|w| w.digits().to_owned())
                .unwrap_or_default(),
            currency: currency_prefix(view.lang),
            separator: thousands_separator(view.lang),
            price_on_request: labels.price_on_request,
            t: &labels.list,
        }
    }

    /// The settings as JSON safe inside `<script type="application/json">`.
    pub fn to_script_json(&self) -> String {
        script_json(self)
    }
}

/// `value` as JSON in which every `<` is escaped, so no text can close the element it is in.
fn script_json(value: &impl Serialize) -> String {
    serde_json::to_string(value)
        .unwrap_or_default()
        .replace('<', "\\u003c")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_json_cannot_close_its_element() {
        let json = script_json(&["</script><!--", "a < b"]);
        assert!(!json.contains('<'), "{json}");
        let back: Vec<String> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, ["</script><!--", "a < b"]);
    }
}
