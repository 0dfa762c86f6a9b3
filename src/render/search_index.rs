//! The products page's search index: one compact JSON value per language, holding what a
//! result card shows and what the filters and the search box match. The filter script
//! (`search.js` in the theme) reads it from `{lang}/products/search/index.json`, where a small
//! catalogue's index is written whole; a large one's is split into files (`search_shards`).
//!
//! Descriptions are the bulk of a catalogue's text, so they are stored as numbered words: a
//! dictionary shared by all products, and per product the numbers of its words, sorted and
//! written as gaps in a base-64 variable-length code. A 300-product catalogue then needs about
//! a third of the bytes its descriptions take as text.

use std::collections::{BTreeSet, HashMap};

use serde::Serialize;

use super::views::{Badge, ImageView, LangContext, Source};
use crate::fields::{CurationStatus, Price};
use crate::model::Product;

/// The folder of the index's files, in each language's `products/` folder.
pub const SEARCH_DIR: &str = "search";
/// The entry file in that folder, at an address that never changes: the page names it, and
/// it names the other files (see `search_shards`).
pub const SEARCH_INDEX_FILE: &str = "index.json";

/// Bumped when the layout of the file changes, so a script can tell.
const FORMAT_VERSION: u32 = 1;

/// The digits of the word-number code: 5 bits of value each, plus a "more follows" bit.
pub(super) const DIGITS: &[u8; 64] =
    b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";

/// Words too common to help a search, left out of the description words.
const STOP_WORDS_ID: &[&str] = &[
    "ada", "adalah", "agar", "akan", "atau", "bagi", "dalam", "dan", "dari", "dengan", "di", "ini",
    "itu", "juga", "ke", "kami", "kita", "oleh", "pada", "para", "saat", "sebagai", "secara",
    "sejak", "serta", "setiap", "tidak", "untuk", "yang",
];
const STOP_WORDS_EN: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "by", "each", "every", "for", "from", "in", "into",
    "is", "it", "its", "of", "on", "or", "our", "that", "the", "their", "this", "to", "was", "we",
    "with",
];

/// The whole index of one language.
#[derive(Debug, Serialize)]
pub struct SearchIndex {
    pub(super) version: u32,
    /// `[slug, name]` of every category, in the catalogue's order.
    pub(super) categories: Vec<(String, String)>,
    /// `[slug, name]` of every producer, by slug.
    pub(super) producers: Vec<(String, String)>,
    /// `[kind, label, detail]` of every badge a card shows; products refer to them by
    /// position.
    pub(super) badges: Vec<BadgeRow>,
    /// The widths of most card photos.
    pub(super) widths: Vec<u32>,
    /// The description words; products refer to them by position.
    pub(super) words: Vec<String>,
    /// Words left out of descriptions; the script ignores them in queries too, so that
    /// "kopi untuk oleh-oleh" finds what "kopi oleh-oleh" finds.
    pub(super) stop_words: &'static [&'static str],
    pub(super) products: Vec<Entry>,
}

/// One product, with short keys: the file carries one of these per product.
#[derive(Debug, Serialize)]
pub(super) struct Entry {
    #[serde(rename = "s")]
    pub(super) slug: String,
    #[serde(rename = "n")]
    pub(super) name: String,
    /// The language of the name when it fell back to another one.
    #[serde(rename = "nl", skip_serializing_if = "Option::is_none")]
    pub(super) name_lang: Option<String>,
    #[serde(rename = "p")]
    pub(super) producer: usize,
    #[serde(rename = "c")]
    pub(super) category: usize,
    /// Lowest and highest price in rupiah.
    #[serde(rename = "r", skip_serializing_if = "Option::is_none")]
    pub(super) price_range: Option<(u64, u64)>,
    /// The price as the page prints it.
    #[serde(rename = "pt", skip_serializing_if = "Option::is_none")]
    pub(super) price_text: Option<String>,
    #[serde(rename = "u", skip_serializing_if = "Option::is_none")]
    pub(super) unit: Option<String>,
    /// The unit after a count other than one, when it differs (English plurals).
    #[serde(rename = "us", skip_serializing_if = "Option::is_none")]
    pub(super) units: Option<String>,
    /// The minimum order, which the card's "Add to list" starts at; left out when it is 1.
    #[serde(rename = "mo", skip_serializing_if = "is_one")]
    pub(super) min_order: u32,
    #[serde(rename = "t", skip_serializing_if = "Vec::is_empty")]
    pub(super) tags: Vec<String>,
    #[serde(rename = "ce", skip_serializing_if = "Vec::is_empty")]
    pub(super) certifications: Vec<&'static str>,
    /// `lolos`, `proses` or `belum` (also for a product nobody has curated yet).
    #[serde(rename = "cu")]
    pub(super) curation: &'static str,
    /// `siap`, `pesan` or `habis`; left out when the product does not say.
    #[serde(rename = "av", skip_serializing_if = "Option::is_none")]
    pub(super) availability: Option<&'static str>,
    #[serde(rename = "b", skip_serializing_if = "Vec::is_empty")]
    pub(super) badges: Vec<usize>,
    #[serde(rename = "i", skip_serializing_if = "Option::is_none")]
    pub(super) image: Option<CardImage>,
    /// The description's word numbers (see the module comment).
    #[serde(rename = "w")]
    pub(super) words: String,
    /// The same numbers, for splitting the index (`search_shards`).
    #[serde(skip)]
    pub(super) word_numbers: Vec<u32>,
}

/// A card photo. The image pipeline names every copy `media/{product}-{name}-{width}.{ext}`
/// (and `.webp`), so only `name` is stored, and the widths and formats when they are not the
/// usual ones.
#[derive(Debug, Serialize)]
pub(super) struct CardImage {
    #[serde(rename = "s")]
    name: String,
    /// `None`: the index's `widths` (see [`usual_widths`]).
    #[serde(rename = "ws", skip_serializing_if = "Option::is_none")]
    widths: Option<Vec<u32>>,
    /// The fallback format's extension when it is not `jpg` (`png` for transparent photos).
    #[serde(rename = "e", skip_serializing_if = "Option::is_none")]
    extension: Option<String>,
    /// Set when there are no WebP copies.
    #[serde(rename = "nw", skip_serializing_if = "std::ops::Not::not")]
    no_webp: bool,
    /// The width of the copy used as `src`, and the width and height the `<img>` reserves.
    #[serde(rename = "d")]
    size: (u32, u32, u32),
    #[serde(rename = "a")]
    alt: String,
    #[serde(rename = "bg")]
    colour: String,
}

fn is_one(n: &u32) -> bool {
    *n == 1
}

/// Builds the index of `view.lang` for `products` (in the order the page lists them).
pub fn build(view: &LangContext, products: &[Product]) -> SearchIndex {
    let catalogue = view.catalogue;
    let stop_words = stop_words(view.lang);
    let mut badges = BadgeTable::default();
    let own_words: Vec<Vec<&str>> = products
        .iter()
        .map(|p| description_words(view, p, stop_words))
        .collect();
    let dictionary = Dictionary::new(&own_words);
    let mut entries: Vec<Entry> = products
        .iter()
        .zip(&own_words)
        .map(|(product, words)| {
            let card = view.product_card(product);
            let word_numbers = dictionary.numbers(words);
            Entry {
                slug: product.slug.clone(),
                name: card.name.text,
                name_lang: card.name.lang,
                producer: product.producer,
                category: product.category,
                price_range: product.price.map(Price::bounds),
                price_text: card.price,
                unit: card.unit.map(|unit| unit.text),
                units: card.units,
                min_order: card.order_min,
                tags: product.tags.clone(),
                certifications: product
                    .certifications
                    .iter()
                    .map(|c| c.kind.as_str())
                    .collect::<BTreeSet<_>>()
                    .into_iter()
                    .collect(),
                // A product nobody has curated yet counts as not yet curated.
                curation: product
                    .curation
                    .as_ref()
                    .map_or(CurationStatus::Belum, |c| c.status)
                    .as_str(),
                availability: product.availability.map(|a| a.status.as_str()),
                badges: card.badges.iter().map(|b| badges.position(b)).collect(),
                image: card
                    .cover
                    .and_then(|cover| card_image(cover, &product.slug)),
                words: encode_numbers(&word_numbers),
                word_numbers,
            }
        })
        .collect();
    let widths = usual_widths(&mut entries);
    SearchIndex {
        version: FORMAT_VERSION,
        categories: catalogue
            .config
            .categories
            .iter()
            .map(|c| (c.slug.clone(), view.plain(&c.name)))
            .collect(),
        producers: catalogue
            .producers
            .iter()
            .map(|p| (p.slug.clone(), p.name.clone()))
            .collect(),
        badges: badges.rows,
        widths,
        words: dictionary.words.into_iter().map(str::to_owned).collect(),
        stop_words,
        products: entries,
    }
}

/// The common words search leaves out in `lang`.
pub fn stop_words(lang: &str) -> &'static [&'static str] {
    match lang {
        "id" => STOP_WORDS_ID,
        "en" => STOP_WORDS_EN,
        _ => &[],
    }
}

/// The words of a product's description that search needs besides its name, producer and
/// tags (which are matched, and ranked, on their own).
fn description_words<'p>(
    view: &LangContext<'p>,
    product: &'p Product,
    stop_words: &[&str],
) -> Vec<&'p str> {
    let mut elsewhere: BTreeSet<String> = BTreeSet::new();
    let name = view.plain(&product.name);
    let producer = &view.catalogue.producers[product.producer].name;
    for text in [name.as_str(), producer.as_str()]
        .into_iter()
        .chain(product.tags.iter().map(String::as_str))
    {
        elsewhere.extend(
            text.split(|c: char| !c.is_alphanumeric())
                .map(str::to_lowercase),
        );
    }
    let words = product
        .description_words
        .get(view.lang, view.catalogue.config.default_language())
        .text;
    words
        .split(' ')
        .filter(|w| !w.is_empty() && !stop_words.contains(w) && !elsewhere.contains(*w))
        .collect()
}

/// Every description word of the language, the most used first so they get the shortest
/// numbers.
struct Dictionary<'p> {
    words: Vec<&'p str>,
    numbers: HashMap<&'p str, u32>,
}

impl<'p> Dictionary<'p> {
    fn new(per_product: &[Vec<&'p str>]) -> Self {
        let mut counts: HashMap<&str, u32> = HashMap::new();
        for word in per_product.iter().flatten() {
            *counts.entry(word).or_default() += 1;
        }
        let mut words: Vec<&str> = counts.keys().copied().collect();
        words.sort_by(|a, b| counts[b].cmp(&counts[a]).then(a.cmp(b)));
        let numbers = words
            .iter()
            .enumerate()
            .map(|(i, w)| (*w, i as u32))
            .collect();
        Dictionary { words, numbers }
    }

    fn numbers(&self, words: &[&str]) -> Vec<u32> {
        let mut numbers: Vec<u32> = words.iter().map(|w| self.numbers[w]).collect();
        numbers.sort_unstable();
        numbers.dedup();
        numbers
    }
}

/// Sorted, distinct numbers as the gaps between them, each gap in 5-bit groups, lowest
/// first, a digit of 32 or more meaning another group follows.
fn encode_numbers(sorted: &[u32]) -> String {
    let mut code = String::with_capacity(sorted.len() * 2);
    let mut previous = None;
    for &number in sorted {
        let gap = match previous {
            None => number,
            Some(previous) => number - previous - 1,
        };
        previous = Some(number);
        push_number(&mut code, u64::from(gap));
    }
    code
}

/// Appends `number` in 5-bit groups, lowest first, a digit of 32 or more meaning another
/// group follows.
pub(super) fn push_number(code: &mut String, mut number: u64) {
    while number >= 32 {
        code.push(DIGITS[(32 + (number & 31)) as usize] as char);
        number >>= 5;
    }
    code.push(DIGITS[number as usize] as char);
}

/// The digit of a value under 64.
pub(super) fn digit(value: usize) -> char {
    DIGITS[value] as char
}

type BadgeRow = (String, String, Option<String>);

/// Distinct badges in the order they are first met.
#[derive(Default)]
struct BadgeTable {
    rows: Vec<BadgeRow>,
    positions: HashMap<BadgeRow, usize>,
}

impl BadgeTable {
    fn position(&mut self, badge: &Badge) -> usize {
        let row = (
            badge.kind.clone(),
            badge.label.clone(),
            badge.detail.clone(),
        );
        let next = self.rows.len();
        *self.positions.entry(row).or_insert_with_key(|row| {
            self.rows.push(row.clone());
            next
        })
    }
}

/// The widths most card photos have, which are then left out of their entries.
fn usual_widths(entries: &mut [Entry]) -> Vec<u32> {
    let mut counts: HashMap<&[u32], usize> = HashMap::new();
    for widths in entries
        .iter()
        .filter_map(|e| e.image.as_ref()?.widths.as_deref())
    {
        *counts.entry(widths).or_default() += 1;
    }
    let usual: Vec<u32> = counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
        .map(|(widths, _)| widths.to_vec())
        .unwrap_or_default();
    for image in entries.iter_mut().filter_map(|e| e.image.as_mut()) {
        if image.widths.as_deref() == Some(usual.as_slice()) {
            image.widths = None;
        }
    }
    usual
}

/// A card photo in the index's short form; `None` when its copies are not named as expected.
fn card_image(view: ImageView, product: &str) -> Option<CardImage> {
    let first = view.fallback.first()?;
    let (url, extension) = first.url.rsplit_once('.')?;
    let stem = url.strip_suffix(&format!("-{}", first.width))?;
    let name = stem.strip_prefix(&format!("media/{product}-"))?.to_owned();
    let widths: Vec<u32> = view.fallback.iter().map(|s| s.width).collect();
    let named = |sources: &[Source], ext: &str| {
        sources
            .iter()
            .all(|s| s.url == format!("{stem}-{}.{ext}", s.width))
    };
    let webp_widths: Vec<u32> = view.webp.iter().map(|s| s.width).collect();
    let no_webp = view.webp.is_empty();
    if !named(&view.fallback, extension)
        || (!no_webp && (webp_widths != widths || !named(&view.webp, "webp")))
    {
        return None;
    }
    let src = view.url.strip_prefix(stem)?.strip_prefix('-')?;
    let src_width = src.split('.').next()?.parse().ok()?;
    Some(CardImage {
        name,
        widths: Some(widths),
        extension: (extension != "jpg").then(|| extension.to_owned()),
        no_webp,
        size: (src_width, view.width, view.height),
        alt: view.alt.text,
        colour: view.colour,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(code: &str) -> Vec<u32> {
        let mut numbers = Vec::new();
        let (mut value, mut shift, mut next) = (0u32, 0u32, 0u32);
        for byte in code.bytes() {
            let digit = DIGITS.iter().position(|d| *d == byte).unwrap() as u32;
            value |= (digit & 31) << shift;
            shift += 5;
            if digit < 32 {
                next += value;
                numbers.push(next);
                next += 1;
                value = 0;
                shift = 0;
            }
        }
        numbers
    }

    #[test]
    fn word_numbers_survive_the_round_trip() {
        let numbers = [0, 1, 2, 31, 33, 64, 1000, 1001, 40_000, 1_000_000];
        let code = encode_numbers(&numbers);
        assert_eq!(decode(&code), numbers);
        // Neighbouring numbers cost one digit each.
        assert_eq!(encode_numbers(&[0, 1, 2, 3]), "0000");
    }

    #[test]
    fn the_most_used_words_get_the_smallest_numbers() {
        let per_product = vec![
            vec!["wijen", "renyah"],
            vec!["renyah"],
            vec!["renyah", "manis"],
        ];
        let dictionary = Dictionary::new(&per_product);
        assert_eq!(dictionary.words, ["renyah", "manis", "wijen"]);
        assert_eq!(dictionary.numbers(&["wijen", "renyah"]), [0, 2]);
    }
}
