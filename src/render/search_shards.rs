//! The products page's search index as files (issue 22, "search at any size"): what the build
//! writes in each language's `products/search/` folder from the index of `search_index`.
//!
//! A small catalogue gets one file, `index.json`, holding the whole index (the format of
//! `search_index`): at a few hundred products that is the fewest bytes and requests. Above
//! [`SHARD_ABOVE`] bytes the index is split, so that the first keystroke at 100,000 products
//! downloads a few tens of kilobytes instead of 25 MB:
//!
//! - `index.json`, the entry: categories, stop words, the product count, the values
//!   the filters compare, and the names of every other file. Its address never changes (the
//!   page names it and the script revalidates it), so an edit changes this file and the files
//!   whose content changed, and no page.
//! - term shards, `t-<hash>.json`, one per first two letters of a word (words folded as the
//!   script folds them): each word with the products that have it and the best field it is in
//!   (name, producer, tag, description). A one-letter query reads a dense shard of that
//!   letter instead: each product's score for it, one digit per product.
//! - filter columns, `c-<hash>.json`: one value per product (category, producer, curation,
//!   availability, certifications, price), fetched only when that filter is used;
//! - the producers, `p-<hash>.json`, fetched when the producer filter is used;
//! - record chunks, `r-<hash>.json`: the card data of [`CHUNK`] consecutive products, their
//!   badges written out, fetched for the cards shown.
//!
//! Every name but the entry's holds a hash of its content, so the files never change under
//! their names and caches keep them for good. The scores the script computes from the shards
//! equal the ones it computes from the whole index, so the results and their order are the
//! same (tests/suite/search_shards.rs compares them in a browser).

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

use super::search_index::{digit, push_number, CardImage, Entry, SearchIndex, SEARCH_INDEX_FILE};

/// Above this many bytes of the whole index, it is split. A 300-product catalogue's index is
/// about 135 KB: it stays one file, as before the split existed.
pub const SHARD_ABOVE: usize = 150_000;

/// Overrides [`SHARD_ABOVE`] (a number of bytes; 0 splits every index), for the tests that
/// compare the split index with the whole one, and for benchmarks. Not a setting for sites.
pub const SHARD_ABOVE_VAR: &str = "ETALASE_SEARCH_SHARD_ABOVE";

/// Products per record chunk: small enough that the 48 cards of a page of results, spread
/// over the catalogue, cost little; large enough that the chunk table in the entry stays
/// small (9 bytes a chunk).
pub const CHUNK: usize = 32;

/// The field codes of a posting, and what a match there scores (as in search.js: a term
/// equal to a word of the name, producer or tags scores one more than a prefix).
const DESCRIPTION: u8 = 0;
const TAG: u8 = 1;
const PRODUCER: u8 = 2;
const NAME: u8 = 3;
const WEIGHTS: [u8; 4] = [1, 3, 6, 12];

/// The products that have a word, ascending, each with the best field it is in.
type Postings = Vec<(usize, u8)>;

/// The size above which indexes are split: [`SHARD_ABOVE`] unless [`SHARD_ABOVE_VAR`] says.
pub fn shard_above() -> usize {
    std::env::var(SHARD_ABOVE_VAR)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(SHARD_ABOVE)
}

/// The files of one language's index: names in `products/search/`, and contents; the entry
/// first, the rest by name.
pub fn files(index: &SearchIndex, shard_above: usize) -> Vec<(String, Vec<u8>)> {
    let whole = serde_json::to_vec(index).unwrap_or_default();
    if whole.len() <= shard_above {
        return vec![(SEARCH_INDEX_FILE.to_owned(), whole)];
    }
    let mut out = Files::default();
    let entry = ShardedEntry {
        version: 2,
        count: index.products.len(),
        categories: &index.categories,
        widths: &index.widths,
        stop_words: index.stop_words,
        curations: distinct(index.products.iter().map(|p| Some(p.curation))),
        availabilities: distinct(index.products.iter().map(|p| p.availability)),
        certifications: distinct(
            index
                .products
                .iter()
                .flat_map(|p| p.certifications.iter().copied().map(Some)),
        ),
        chunk: CHUNK,
        records: String::new(),
        terms: BTreeMap::new(),
        columns: BTreeMap::new(),
        producers: out.add("p", 10, &index.producers),
    };
    let entry = ShardedEntry {
        records: record_chunks(index, &mut out),
        terms: term_shards(index, &mut out),
        columns: columns(index, &entry, &mut out),
        ..entry
    };
    let mut files = vec![(
        SEARCH_INDEX_FILE.to_owned(),
        serde_json::to_vec(&entry).unwrap_or_default(),
    )];
    files.extend(out.0);
    files
}

/// The entry of a split index.
#[derive(Serialize)]
struct ShardedEntry<'a> {
    version: u32,
    count: usize,
    categories: &'a [(String, String)],
    widths: &'a [u32],
    stop_words: &'static [&'static str],
    /// The values of the `curation`, `availability` and `certifications` columns.
    curations: Vec<&'static str>,
    availabilities: Vec<&'static str>,
    certifications: Vec<&'static str>,
    chunk: usize,
    /// The hashes of the record chunks, 8 hex digits each, in order: chunk `i` is
    /// `r-{records[8i..8i+8]}.json`.
    records: String,
    /// The first letter, or two, of words → the file of their shard.
    terms: BTreeMap<String, String>,
    /// Filter name → the file of its column.
    columns: BTreeMap<&'static str, String>,
    producers: String,
}

/// The files written so far, by name (content-hashed, so equal contents share a file).
#[derive(Default)]
struct Files(BTreeMap<String, Vec<u8>>);

impl Files {
    /// Adds `value` as JSON under `{kind}-{hash}.json`; returns the name.
    fn add(&mut self, kind: &str, hash_digits: usize, value: &impl Serialize) -> String {
        let bytes = serde_json::to_vec(value).unwrap_or_default();
        let hash = blake3::hash(&bytes).to_hex();
        let name = format!("{kind}-{}.json", &hash[..hash_digits]);
        self.0.insert(name.clone(), bytes);
        name
    }
}

/// The distinct values, sorted.
fn distinct(values: impl Iterator<Item = Option<&'static str>>) -> Vec<&'static str> {
    let mut all: Vec<&'static str> = values.flatten().collect();
    all.sort_unstable();
    all.dedup();
    all
}

/// Lowercase words without accents, exactly as search.js's `words` makes them: NFD, the
/// combining accents U+0300–U+036F dropped, lowercased, split on what is no letter or digit.
pub fn fold(text: &str) -> Vec<String> {
    let plain: String = text
        .nfd()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .collect();
    plain
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// What a card shows, with the producer's name in it (the list of producers is not fetched
/// for cards).
#[derive(Serialize)]
struct Record<'a> {
    s: &'a str,
    n: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    nl: &'a Option<String>,
    c: usize,
    pn: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pt: &'a Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    u: &'a Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    us: &'a Option<String>,
    #[serde(skip_serializing_if = "is_one")]
    mo: u32,
    /// The badges themselves, not their positions in a table: a large catalogue has thousands
    /// of distinct ones (curators, dates, lead times), too many for the entry.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    b: Vec<&'a (String, String, Option<String>)>,
    #[serde(skip_serializing_if = "Option::is_none")]
    i: &'a Option<CardImage>,
}

fn is_one(n: &u32) -> bool {
    *n == 1
}

/// Writes the record chunks; returns their hashes, in order.
fn record_chunks(index: &SearchIndex, out: &mut Files) -> String {
    let mut table = String::new();
    for chunk in index.products.chunks(CHUNK) {
        let records: Vec<Record> = chunk
            .iter()
            .map(|p: &Entry| Record {
                s: &p.slug,
                n: &p.name,
                nl: &p.name_lang,
                c: p.category,
                pn: &index.producers[p.producer].1,
                pt: &p.price_text,
                u: &p.unit,
                us: &p.units,
                mo: p.min_order,
                b: p.badges.iter().map(|&b| &index.badges[b]).collect(),
                i: &p.image,
            })
            .collect();
        let name = out.add("r", 8, &records);
        table.push_str(&name[2..10]);
    }
    table
}

/// Each product's words per field, folded as the script folds them.
fn product_words(index: &SearchIndex) -> Vec<[Vec<String>; 4]> {
    let dictionary: Vec<String> = index.words.iter().map(|w| fold(w).concat()).collect();
    index
        .products
        .iter()
        .map(|p| {
            let mut fields: [Vec<String>; 4] = Default::default();
            fields[DESCRIPTION as usize] = p
                .word_numbers
                .iter()
                .map(|&n| dictionary[n as usize].clone())
                .filter(|w| !w.is_empty())
                .collect();
            fields[TAG as usize] = fold(&p.tags.join(" "));
            fields[PRODUCER as usize] = fold(&index.producers[p.producer].1);
            fields[NAME as usize] = fold(&p.name);
            fields
        })
        .collect()
}

/// Writes the term shards; returns their table.
fn term_shards(index: &SearchIndex, out: &mut Files) -> BTreeMap<String, String> {
    let count = index.products.len();
    // word → (product, best field), products ascending.
    let mut postings: HashMap<String, Postings> = HashMap::new();
    // first letter → each product's score for a query of that letter alone.
    let mut initials: HashMap<char, Vec<u8>> = HashMap::new();
    for (product, fields) in product_words(index).into_iter().enumerate() {
        for (field, words) in (0u8..).zip(fields) {
            for word in words {
                let mut letters = word.chars();
                let Some(first) = letters.next() else {
                    continue;
                };
                let exact = letters.next().is_none();
                let scores = initials.entry(first).or_insert_with(|| vec![0; count]);
                scores[product] = scores[product].max(score(field, exact));
                if exact {
                    // A one-letter word only answers one-letter queries: the dense shard.
                    continue;
                }
                let list = postings.entry(word).or_default();
                match list.last_mut() {
                    Some(last) if last.0 == product => last.1 = last.1.max(field),
                    _ => list.push((product, field)),
                }
            }
        }
    }
    let mut table = BTreeMap::new();
    for (letter, scores) in initials {
        let dense: String = scores.iter().map(|&s| digit(usize::from(s))).collect();
        table.insert(letter.to_string(), out.add("t", 10, &Dense { s: dense }));
    }
    let mut shards: BTreeMap<String, Vec<(String, Postings)>> = BTreeMap::new();
    for (word, list) in postings {
        let key: String = word.chars().take(2).collect();
        shards.entry(key).or_default().push((word, list));
    }
    for (key, mut words) in shards {
        words.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let shard = Shard {
            w: words.iter().map(|(w, _)| w.as_str()).collect(),
            p: words
                .iter()
                .map(|(_, list)| encode_postings(list))
                .collect(),
        };
        table.insert(key, out.add("t", 10, &shard));
    }
    table
}

/// What a match of a query term in `field` scores, `exact` when the word is the term.
fn score(field: u8, exact: bool) -> u8 {
    WEIGHTS[field as usize] + u8::from(exact && field != DESCRIPTION)
}

/// A one-letter shard: per product, the digit of its score (0: no word starts so).
#[derive(Serialize)]
struct Dense {
    s: String,
}

/// A two-letter shard: words, sorted, and for each its postings.
#[derive(Serialize)]
struct Shard<'a> {
    w: Vec<&'a str>,
    p: Vec<String>,
}

/// Postings as numbers `gap × 4 + field`, the gap being the products skipped since the last.
fn encode_postings(list: &[(usize, u8)]) -> String {
    let mut code = String::new();
    let mut next = 0;
    for &(product, field) in list {
        push_number(&mut code, ((product - next) as u64) * 4 + u64::from(field));
        next = product + 1;
    }
    code
}

/// A filter column: numbers in the code of [`push_number`].
#[derive(Serialize)]
struct Column {
    d: String,
}

/// Writes one column per filter; returns their table.
fn columns(
    index: &SearchIndex,
    entry: &ShardedEntry,
    out: &mut Files,
) -> BTreeMap<&'static str, String> {
    let position = |list: &[&str], value: &str| list.iter().position(|v| *v == value);
    let column = |values: &mut dyn Iterator<Item = u64>| {
        let mut d = String::new();
        values.for_each(|v| push_number(&mut d, v));
        Column { d }
    };
    let products = &index.products;
    let mut table = BTreeMap::new();
    let mut add = |name: &'static str, values: &mut dyn Iterator<Item = u64>| {
        table.insert(name, out.add("c", 10, &column(values)));
    };
    add("category", &mut products.iter().map(|p| p.category as u64));
    add("producer", &mut products.iter().map(|p| p.producer as u64));
    add(
        "curation",
        &mut products
            .iter()
            .map(|p| position(&entry.curations, p.curation).unwrap_or(0) as u64),
    );
    // 0: the product does not say; else 1 + its position.
    add(
        "availability",
        &mut products.iter().map(|p| {
            p.availability
                .and_then(|a| position(&entry.availabilities, a))
                .map_or(0, |i| i as u64 + 1)
        }),
    );
    // One bit per kind held, in the entry's order.
    add(
        "certifications",
        &mut products.iter().map(|p| {
            p.certifications
                .iter()
                .filter_map(|c| position(&entry.certifications, c))
                .fold(0, |bits, i| bits | 1 << i)
        }),
    );
    // Two numbers per product: 0 and 0 without a price, else the lowest + 1 and the span.
    add(
        "price",
        &mut products.iter().flat_map(|p| match p.price_range {
            Some((low, high)) => [low + 1, high - low],
            None => [0, 0],
        }),
    );
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_fold_as_the_script_folds_them() {
        assert_eq!(
            fold("Kopi Gayo — Arabika, 250 g"),
            ["kopi", "gayo", "arabika", "250", "g"]
        );
        assert_eq!(fold("Crème BRÛLÉE"), ["creme", "brulee"]);
        assert_eq!(fold("oleh-oleh"), ["oleh", "oleh"]);
    }

    #[test]
    fn postings_are_gaps_and_fields() {
        // 0 → 0*4+3; 2 → gap 1 → 1*4+0; 40 → gap 37 → 37*4+1 = 149.
        let mut want = String::new();
        for n in [3, 4, 149] {
            push_number(&mut want, n);
        }
        assert_eq!(
            encode_postings(&[(0, NAME), (2, DESCRIPTION), (40, TAG)]),
            want
        );
    }

    #[test]
    fn an_exact_word_scores_one_more_except_in_descriptions() {
        assert_eq!(score(NAME, true), 13);
        assert_eq!(score(NAME, false), 12);
        assert_eq!(score(PRODUCER, true), 7);
        assert_eq!(score(TAG, false), 3);
        assert_eq!(score(DESCRIPTION, true), 1);
    }
}
