//! Atom feeds: one per language at `/{lang}/atom.xml`, listing the newest products first (by
//! curation date), for feed readers and for retailers who follow the catalogue.

use std::fmt::Write;

use super::templates::escape_html as escape;

use super::views::LangContext;
use crate::fields::Date;
use crate::model::{Catalogue, Product};

/// Where each language's feed lives, below `/{lang}/`.
pub const FEED_FILE: &str = "atom.xml";
/// How many of the newest products a feed lists: readers show the latest, and a
/// 10,000-product catalogue would otherwise write a 22 MB feed per language.
pub const FEED_ENTRIES: usize = 50;

/// The feed of one language.
pub fn atom(catalogue: &Catalogue, view: &LangContext) -> String {
    let config = &catalogue.config;
    let home = format!("{}/{}", config.base_url, view.url(""));
    let mut products: Vec<&Product> = catalogue.products.iter().collect();
    // Newest first; undated products after the dated ones, in slug order, so the feed is stable.
    products.sort_by(|a, b| date_of(b).cmp(&date_of(a)).then(a.slug.cmp(&b.slug)));
    // Undated products, and a feed without dates, stand at the edition's date.
    let fallback = config
        .edition
        .map_or_else(|| "2000-01-01".to_owned(), |date| date.to_string());
    let updated = products
        .iter()
        .filter_map(|p| date_of(p))
        .max()
        .map_or_else(|| fallback.clone(), |date| date.to_string());
    let mut xml = String::with_capacity(products.len() * 600 + 600);
    let _ = write!(
        xml,
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{lang}\">\n  <title>{title}</title>\n  <id>{home}</id>\n  <link rel=\"alternate\" href=\"{home}\"/>\n  <link rel=\"self\" href=\"{home}{FEED_FILE}\"/>\n  <updated>{updated}T00:00:00Z</updated>\n  <author><name>{publisher}</name></author>\n",
        lang = view.lang,
        title = escape(&view.plain(&config.title)),
        home = escape(&home),
        updated = updated,
        publisher = escape(&config.publisher.name),
    );
    for product in products.into_iter().take(FEED_ENTRIES) {
        entry(&mut xml, catalogue, view, product, &fallback);
    }
    xml.push_str("</feed>\n");
    xml
}

fn entry(
    xml: &mut String,
    catalogue: &Catalogue,
    view: &LangContext,
    product: &Product,
    fallback: &str,
) {
    let url = format!(
        "{}/{}",
        catalogue.config.base_url,
        view.url(&format!("products/{}/", product.slug))
    );
    let card = view.product_card(product);
    let description = view
        .rich_text(&product.description)
        .map(|text| text.text)
        .unwrap_or_default();
    let _ = write!(
        xml,
        "  <entry>\n    <title>{title}</title>\n    <id>{url}</id>\n    <link rel=\"alternate\" href=\"{url}\"/>\n    <updated>{date}T00:00:00Z</updated>\n    <author><name>{producer}</name></author>\n    <summary>{summary}</summary>\n    <content type=\"html\">{content}</content>\n  </entry>\n",
        title = escape(&card.name.text),
        url = escape(&url),
        date = date_of(product).map_or_else(|| fallback.to_owned(), |date| date.to_string()),
        producer = escape(&card.producer),
        summary = escape(&card.summary.text),
        content = escape(&description),
    );
}

fn date_of(product: &Product) -> Option<Date> {
    product.curation.as_ref()?.date
}
