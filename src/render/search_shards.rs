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
//! - word shards, `t-<hash>.json`, one per first letters of words (words folded as the script
//!   folds them; two letters, or more where two letters' words would exceed
//!   [`TERM_SHARD_MAX`] bytes): each word with the products that have it and the best field it
//!   is in (name, producer, tag, description);
//! - score files, `s-<hash>.json`, for one letter and for the prefixes split further: each
//!   product's score for a query of those letters alone, so that such a keystroke reads no
//!   words;
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

/// Above this many bytes, the words of a prefix are not one word shard: the prefix gets a score
/// file and its longer words are filed under one more letter. At 100,000 products a shard of
/// a common two-letter prefix (`me`, `pe`) was 0.7–0.9 MB, too much to parse and scan on a
/// keystroke of a slow phone; capped so, a keystroke reads at most a few tens of kilobytes of
/// words.
pub const TERM_SHARD_MAX: usize = 16_000;

/// Overrides [`TERM_SHARD_MAX`], for the tests that compare deeper splits with the whole
/// index, and for benchmarks. Not a setting for sites.
pub const TERM_SHARD_MAX_VAR: &str = "ETALASE_SEARCH_TERM_SHARD_MAX";

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

/// Where an index is cut: above how many bytes it is split, and how large a word shard may be.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    pub split_above: usize,
    pub term_shard_max: usize,
}

impl Limits {
    /// [`SHARD_ABOVE`] and [`TERM_SHARD_MAX`], unless [`SHARD_ABOVE_VAR`] or
    /// [`TERM_SHARD_MAX_VAR`] say otherwise.
    pub fn from_env() -> Limits {
        let var = |name: &str, default: usize| {
            std::env::var(name)
                .ok()
                .and_then(|v| v.parse().ok())
                .unwrap_or(default)
        };
        Limits {
            split_above: var(SHARD_ABOVE_VAR, SHARD_ABOVE),
            term_shard_max: var(TERM_SHARD_MAX_VAR, TERM_SHARD_MAX),
        }
    }
}

/// The files of one language's index: names in `products/search/`, and contents; the entry
/// first, the rest by name.
pub fn files(index: &SearchIndex, limits: Limits) -> Vec<(String, Vec<u8>)> {
    if let Some(whole) = whole_within(index, limits.split_above) {
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
        terms: term_shards(index, limits.term_shard_max, &mut out),
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
    /// The first letters of words → their file: a word shard (`t-…`, the words starting so)
    /// or a score file (`s-…`, each product's score for those letters typed alone; longer
    /// words are under longer keys).
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
        self.add_bytes(
            kind,
            hash_digits,
            serde_json::to_vec(value).unwrap_or_default(),
        )
    }

    /// Adds JSON `bytes` under `{kind}-{hash}.json`; returns the name.
    fn add_bytes(&mut self, kind: &str, hash_digits: usize, bytes: Vec<u8>) -> String {
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

/// Writes the term shards; returns their table: the first letters of words → the file.
///
/// Every word is first filed under its first letter. A prefix's words are written as one word
/// shard when they fit in `shard_max` bytes; else the prefix gets a score file instead (each
/// product's score for a query of that prefix alone, so typing it reads no word at all), and its
/// longer words are filed under one more letter, and so on. A one-letter prefix is always split
/// (a single letter matches too many words for one shard at any size).
fn term_shards(index: &SearchIndex, shard_max: usize, out: &mut Files) -> BTreeMap<String, String> {
    let count = index.products.len();
    // word → (product, best field), products ascending.
    let mut postings: HashMap<String, Postings> = HashMap::new();
    for (product, fields) in product_words(index).into_iter().enumerate() {
        for (field, words) in (0u8..).zip(fields) {
            for word in words {
                let list = postings.entry(word).or_default();
                match list.last_mut() {
                    Some(last) if last.0 == product => last.1 = last.1.max(field),
                    _ => list.push((product, field)),
                }
            }
        }
    }
    let mut by_letter: BTreeMap<String, Vec<(String, Postings)>> = BTreeMap::new();
    for (word, list) in postings {
        let key: String = word.chars().take(1).collect();
        by_letter.entry(key).or_default().push((word, list));
    }
    let mut table = BTreeMap::new();
    for (key, words) in by_letter {
        let mut prefix = Prefix {
            count,
            shard_max,
            out: &mut *out,
            table: &mut table,
        };
        prefix.place(key, words, true);
    }
    table
}

/// Files the words of prefixes into word shards and score files.
struct Prefix<'a> {
    count: usize,
    shard_max: usize,
    out: &'a mut Files,
    table: &'a mut BTreeMap<String, String>,
}

impl Prefix<'_> {
    /// Files `words`, all starting with `key`: one word shard, or, when `split`, too large or
    /// only the word `key`, a score file for `key` and the longer words under one more letter.
    fn place(&mut self, key: String, mut words: Vec<(String, Postings)>, split: bool) {
        words.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let length = key.chars().count();
        let longer = words.iter().any(|(w, _)| w.chars().count() > length);
        let shard = Shard {
            w: words.iter().map(|(w, _)| w.as_str()).collect(),
            p: words
                .iter()
                .map(|(_, list)| encode_postings(list))
                .collect(),
        };
        let bytes = serde_json::to_vec(&shard).unwrap_or_default();
        // A prefix that is one word and no more gets a score file too: the word's postings
        // are what a score file holds, and at 100,000 products a common word's are smaller as
        // a score file (`bahan`: 97 KB of postings, 50 KB of scores).
        if !split && longer && bytes.len() <= self.shard_max {
            let name = self.out.add_bytes("t", 10, bytes);
            self.table.insert(key, name);
            return;
        }
        let scored = words.iter().flat_map(|(word, list)| {
            let exact = word.chars().count() == length;
            list.iter()
                .map(move |&(product, field)| (product, score(field, exact)))
        });
        let scores = best_scores(self.count, scored.collect());
        let name = self.out.add("s", 10, &score_file(self.count, &scores));
        self.table.insert(key, name);
        let mut next: BTreeMap<String, Vec<(String, Postings)>> = BTreeMap::new();
        for (word, list) in words {
            if word.chars().count() > length {
                next.entry(word.chars().take(length + 1).collect())
                    .or_default()
                    .push((word, list));
            }
        }
        for (key, words) in next {
            self.place(key, words, false);
        }
    }
}

/// The scores a product can have for one term, in the order of their codes in a score file.
const SCORES: [u8; 8] = [0, 1, 3, 4, 6, 7, 12, 13];

/// A score file: each product's score for one prefix, written the shorter way: `d`, two
/// products a digit (the codes of their scores, 3 bits each, the first product's high), or
/// `a`, the products that score as numbers `gap × 16 + score`.
#[derive(Serialize)]
struct ScoreFile {
    #[serde(skip_serializing_if = "String::is_empty")]
    d: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    a: String,
}

/// Each product's best score of `scored`, ascending by product, the products without one left
/// out. A prefix split further gets a score file, and a larger catalogue splits more prefixes
/// (304 at 100,000 products, 58 at 10,000): a pass over every product for each made the
/// split grow faster than the catalogue, so a prefix with few matches sorts them instead.
fn best_scores(count: usize, mut scored: Vec<(usize, u8)>) -> Vec<(usize, u8)> {
    if scored.len() >= count / 8 {
        let mut best = vec![0; count];
        for (product, score) in scored {
            best[product] = best[product].max(score);
        }
        return best
            .into_iter()
            .enumerate()
            .filter(|&(_, score)| score > 0)
            .collect();
    }
    scored.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    scored.dedup_by_key(|(product, _)| *product);
    scored
}

/// The score file of `count` products, of which `scores` (ascending, each product once) score.
fn score_file(count: usize, scores: &[(usize, u8)]) -> ScoreFile {
    let code = |s: u8| SCORES.iter().position(|&c| c == s).unwrap_or(0);
    let mut sparse = String::new();
    let mut next = 0;
    for &(product, s) in scores {
        push_number(&mut sparse, ((product - next) as u64) * 16 + u64::from(s));
        next = product + 1;
    }
    if sparse.len() * 2 < count {
        return ScoreFile {
            d: String::new(),
            a: sparse,
        };
    }
    let mut all = vec![0; count];
    for &(product, s) in scores {
        all[product] = s;
    }
    let dense = all
        .chunks(2)
        .map(|pair| digit(code(pair[0]) * 8 + pair.get(1).map_or(0, |&s| code(s))))
        .collect();
    ScoreFile {
        d: dense,
        a: String::new(),
    }
}

/// What a match of a query term in `field` scores, `exact` when the word is the term.
fn score(field: u8, exact: bool) -> u8 {
    WEIGHTS[field as usize] + u8::from(exact && field != DESCRIPTION)
}

/// A word shard: words, sorted, and for each its postings.
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

/// The whole index as one file, unless it is larger than `limit` bytes: then `None`, found
/// once `limit` bytes are written (at 100,000 products the whole index is 25 MB).
fn whole_within(index: &SearchIndex, limit: usize) -> Option<Vec<u8>> {
    let mut file = Capped {
        bytes: Vec::new(),
        limit,
    };
    serde_json::to_writer(&mut file, index).ok()?;
    Some(file.bytes)
}

/// Bytes that refuse to grow beyond `limit`.
struct Capped {
    bytes: Vec<u8>,
    limit: usize,
}

impl std::io::Write for Capped {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.bytes.len() + buf.len() > self.limit {
            return Err(std::io::ErrorKind::FileTooLarge.into());
        }
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
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

    /// What the script reads from a score file: each product's score.
    fn read_scores(file: &ScoreFile, count: usize) -> Vec<u8> {
        let value = |c: char| {
            super::super::search_index::DIGITS
                .iter()
                .position(|&d| d as char == c)
                .expect("a digit")
        };
        let mut scores = vec![0; count];
        if !file.d.is_empty() {
            let digits: Vec<usize> = file.d.chars().map(value).collect();
            for (n, score) in scores.iter_mut().enumerate() {
                let code = digits[n / 2] >> if n % 2 == 1 { 0 } else { 3 } & 7;
                *score = SCORES[code];
            }
        }
        let (mut n, mut number, mut shift) = (0, 0, 0);
        for digit in file.a.chars().map(value) {
            number += (digit & 31) << shift;
            shift += 5;
            if digit < 32 {
                n += number >> 4;
                scores[n] = (number & 15) as u8;
                n += 1;
                (number, shift) = (0, 0);
            }
        }
        scores
    }

    #[test]
    fn score_files_are_dense_or_sparse_whichever_is_shorter() {
        let many: Vec<u8> = (0..101).map(|n| SCORES[n % 8]).collect();
        let file = score_file(many.len(), &scoring(&many));
        assert!(file.a.is_empty() && file.d.len() == 51);
        assert_eq!(read_scores(&file, many.len()), many);
        let mut few = vec![0; 1000];
        few[3] = 13;
        few[4] = 1;
        few[900] = 6;
        let file = score_file(few.len(), &scoring(&few));
        assert!(file.d.is_empty() && !file.a.is_empty());
        assert_eq!(read_scores(&file, few.len()), few);
    }

    /// The products of `scores` that score, with their scores.
    fn scoring(scores: &[u8]) -> Vec<(usize, u8)> {
        scores
            .iter()
            .copied()
            .enumerate()
            .filter(|&(_, s)| s > 0)
            .collect()
    }

    #[test]
    fn a_product_keeps_its_best_score_whether_few_or_many_score() {
        // Few matches among many products are sorted; many are counted in place: the same.
        let matches = vec![(7, 1), (2, 12), (7, 13), (2, 3), (0, 4), (7, 6)];
        let want = vec![(0, 4), (2, 12), (7, 13)];
        assert_eq!(best_scores(1_000, matches.clone()), want);
        assert_eq!(best_scores(8, matches), want);
    }

    /// A table of term files for `words` (each in the name of product `n`, its position).
    fn table_of(words: &[&str], shard_max: usize) -> (BTreeMap<String, String>, Files) {
        let mut out = Files::default();
        let mut table = BTreeMap::new();
        let mut by_letter: BTreeMap<String, Vec<(String, Postings)>> = BTreeMap::new();
        for (n, word) in words.iter().enumerate() {
            by_letter
                .entry(word.chars().take(1).collect())
                .or_default()
                .push((word.to_string(), vec![(n, NAME)]));
        }
        for (key, list) in by_letter {
            let mut prefix = Prefix {
                count: words.len(),
                shard_max,
                out: &mut out,
                table: &mut table,
            };
            prefix.place(key, list, true);
        }
        (table, out)
    }

    #[test]
    fn a_prefix_with_too_many_words_gets_scores_and_longer_keys() {
        let words = ["batik", "bambu", "ba", "bawang", "bantal", "kopi", "k"];
        let (table, out) = table_of(&words, 1_000);
        let keys: Vec<&str> = table.keys().map(String::as_str).collect();
        assert_eq!(keys, ["b", "ba", "k", "ko"]);
        assert!(table["b"].starts_with("s-") && table["k"].starts_with("s-"));
        assert!(table["ba"].starts_with("t-"));
        // One letter's score file: "k" is a word (exact, 13), "kopi" starts so (12).
        let scores: ScoreFileRead = serde_json::from_slice(&out.0[&table["k"]]).unwrap();
        let scores = read_scores(&scores.into(), words.len());
        assert_eq!(scores, [0, 0, 0, 0, 0, 12, 13]);

        // {"w":["batik"],"p":["3"]} is 25 bytes; "ba"'s words are more.
        let (table, out) = table_of(&words, 30);
        let keys: Vec<&str> = table.keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            ["b", "ba", "bam", "ban", "bat", "baw", "k", "ko"],
            "a prefix's words above 30 bytes are split by one letter more"
        );
        assert!(table["ba"].starts_with("s-") && table["bat"].starts_with("t-"));
        let scores: ScoreFileRead = serde_json::from_slice(&out.0[&table["ba"]]).unwrap();
        assert_eq!(
            read_scores(&scores.into(), words.len()),
            [12, 12, 13, 12, 12, 0, 0],
            "\"ba\" typed alone: the word itself 13, the words starting so 12"
        );
        let shard: serde_json::Value = serde_json::from_slice(&out.0[&table["bat"]]).unwrap();
        assert_eq!(shard["w"], serde_json::json!(["batik"]));
    }

    #[derive(serde::Deserialize)]
    struct ScoreFileRead {
        #[serde(default)]
        d: String,
        #[serde(default)]
        a: String,
    }

    impl From<ScoreFileRead> for ScoreFile {
        fn from(file: ScoreFileRead) -> ScoreFile {
            ScoreFile {
                d: file.d,
                a: file.a,
            }
        }
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
