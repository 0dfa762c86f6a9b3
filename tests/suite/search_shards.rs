//! The split search index (issue 22) finds what the whole one finds: the same catalogue is
//! built twice, once with its index in one file and once split into shards (forced with
//! `ETALASE_SEARCH_SHARD_ABOVE=0`, which the real binary reads), and the products page of each
//! is asked the same queries and filters through its URL in headless Chromium. The result
//! lists (product addresses, in order, all pages of them) and counts must be equal. Run on the
//! sample catalogue and on a synthetic one of 300 products.
//!
//! Without Chromium on the machine these tests say `skipped: ...` on stderr and pass.

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;

use crate::common::browser::{harness, js_string, words, Harness, Host, Model};
use crate::common::{etalase_command, repo_root, Catalogue};

/// Builds `root` into `out` with the real binary, its search index split whatever its size,
/// and the words of a prefix split by one letter more above `shard_max` bytes (as above 16,000
/// at 100,000 products), so that the page reads score files, word shards of two letters and
/// of more.
fn build_split(root: &Path, out: &Path, shard_max: &str) {
    let output = etalase_command(root, "C.UTF-8")
        .args(["build", "--root"])
        .arg(root)
        .arg("--output")
        .arg(out)
        .env(etalase::render::search_shards::SHARD_ABOVE_VAR, "0")
        .env(
            etalase::render::search_shards::TERM_SHARD_MAX_VAR,
            shard_max,
        )
        .output()
        .expect("run etalase");
    assert!(
        output.status.success(),
        "the split build failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// The entry of a site's index in `lang`, parsed.
fn entry(site: &Path, lang: &str) -> Value {
    let text = std::fs::read_to_string(site.join(format!("{lang}/products/search/index.json")))
        .expect("the index's entry");
    serde_json::from_str(&text).expect("the entry is JSON")
}

/// What the products page shows for `query` (the URL's query string): the count it prints and
/// every result's address, after asking for more until all are shown.
const RESULTS: &str = r#"(async () => {
  const sleep = () => new Promise((done) => setTimeout(done, 20));
  const results = document.getElementById('search-results');
  const count = document.getElementById('result-count');
  const more = document.getElementById('show-more');
  for (let i = 0; i < 500 && !count.textContent; i++) await sleep();
  const total = parseInt(count.textContent, 10);
  for (let i = 0; i < 500 && results.children.length < total; i++) {
    if (!more.hidden) more.click();
    await sleep();
  }
  return { count: total, shown: [...results.querySelectorAll('a.card-link')].map((a) => a.getAttribute('href')) };
})()"#;

fn results_of(h: &Harness, origin: &str, lang: &str, query: &str) -> Value {
    let page = h.blank();
    page.goto(&format!("{origin}/{lang}/products/?{query}"));
    page.eval(RESULTS)
}

/// Queries and filters made from the model: words of names, producers, tags and
/// descriptions, whole and cut to one, two and three letters, pairs of them, a common word, a
/// word nothing has, and each filter alone and with a word.
fn queries(model: &Model, lang: &str) -> Vec<String> {
    let mut terms: BTreeSet<String> = BTreeSet::new();
    for (i, p) in model.products.iter().enumerate().step_by(7) {
        let mut take = |text: &str| {
            if let Some(word) = words(text).into_iter().nth(i % 3) {
                let letters: Vec<char> = word.chars().collect();
                for cut in [1, 2, 3] {
                    terms.insert(letters.iter().take(cut).collect());
                }
                terms.insert(word);
            }
        };
        take(&p.name[lang]);
        take(&p.producer_name);
        take(&p.description[lang]);
        if let Some(tag) = p.tags.first() {
            take(tag);
        }
    }
    // A query of common words alone is no search: the page shows its plain list.
    let common = etalase::render::search_index::stop_words(lang);
    let terms: Vec<String> = terms
        .into_iter()
        .filter(|t| !common.contains(&t.as_str()))
        .take(16)
        .collect();
    let mut queries: Vec<String> = terms.iter().map(|t| format!("q={t}")).collect();
    for pair in terms.chunks(2).take(5) {
        queries.push(format!("q={}", pair.join("+")));
    }
    queries.push(format!("q={}+{}", terms[0], common[0]));
    queries.push("q=zzqxw".to_owned());
    let first = &model.products[0];
    let mut filters: Vec<String> = model
        .categories
        .iter()
        .map(|c| format!("category={}", c.slug))
        .collect();
    filters.extend(["curation=lolos", "curation=belum", "availability=siap"].map(String::from));
    filters.push(format!("producer={}", first.producer_slug));
    filters.extend(["min=50000", "max=60000", "min=20000&max=300000"].map(String::from));
    filters.extend(["cert=halal", "cert=halal&cert=pirt", "cert=hki"].map(String::from));
    filters.push(format!(
        "category={}&curation=lolos&min=10000",
        model.categories[0].slug
    ));
    for filter in &filters {
        queries.push(filter.clone());
        queries.push(format!("q={}&{filter}", terms[1]));
    }
    queries
}

/// Asks both sites every query in both languages and compares.
fn assert_same_results(h: &Harness, model: &Model, whole: &Path, split: &Path) {
    for lang in ["id", "en"] {
        assert!(entry(whole, lang)["products"].is_array(), "{lang}: whole");
        let sharded = entry(split, lang);
        assert!(
            sharded.get("products").is_none() && sharded["terms"].is_object(),
            "{lang}: the forced build is split"
        );
        let terms = sharded["terms"].as_object().expect("the term files");
        let kind = |key: &str| terms[key].as_str().map(|name| &name[..2]);
        let longer = terms.keys().filter(|key| key.chars().count() > 2);
        assert!(
            longer.clone().count() > 0
                && longer.clone().all(|key| {
                    let two: String = key.chars().take(2).collect();
                    kind(&two) == Some("s-")
                }),
            "{lang}: some prefixes are split by a third letter, under a two-letter score file"
        );
        assert!(
            terms
                .keys()
                .any(|key| key.chars().count() == 2 && kind(key) == Some("t-")),
            "{lang}: some two-letter prefixes keep their words in one shard"
        );
    }
    let (whole_host, split_host) = (Host::start(whole.into()), Host::start(split.into()));
    let mut found_some = 0;
    for lang in ["id", "en"] {
        for query in queries(model, lang) {
            let want = results_of(h, &whole_host.origin, lang, &query);
            let got = results_of(h, &split_host.origin, lang, &query);
            let count = want["count"].as_u64().expect("a count");
            assert_eq!(
                want["shown"].as_array().map(Vec::len),
                Some(count as usize),
                "{lang} {query}: every result of the whole index is shown"
            );
            assert_eq!(got, want, "{lang} ?{query}: split vs whole");
            found_some += usize::from(count > 0);
        }
    }
    assert!(found_some > 15, "only {found_some} queries found anything");
}

#[test]
fn the_split_index_finds_what_the_whole_one_finds_on_the_sample() {
    let Some(h) = harness() else { return };
    let dir = tempfile::tempdir().expect("temporary folder");
    let (whole, split) = (dir.path().join("whole"), dir.path().join("split"));
    etalase::build(repo_root(), &whole).expect("the sample builds");
    build_split(repo_root(), &split, "400");
    assert_same_results(h, &h.model, &whole, &split);
}

/// Words for the synthetic products' names and descriptions.
const VOCABULARY: &[&str] = &[
    "kopi", "bubuk", "arabika", "robusta", "batik", "tulis", "cap", "anyaman", "bambu", "rotan",
    "keripik", "tempe", "sambal", "pedas", "manis", "gurih", "kain", "sutra", "tenun", "kayu",
    "jati", "ukir", "gerabah", "tanah", "liat", "madu", "hutan", "teh", "hijau", "ém", "ña", "k",
    "a", "oleh", "renyah", "wangi", "alami", "pewarna", "indigo", "sabun",
];

/// A copy of the basic fixture with 300 more products, their words, prices, certifications,
/// curation and availability drawn from a fixed sequence, and 20 more producers.
fn synthetic() -> Catalogue {
    let catalogue = Catalogue::copy("basic");
    let mut seed: u64 = 22;
    let mut next = |n: usize| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((seed >> 33) as usize) % n
    };
    for p in 0..20 {
        catalogue.write(
            &format!("content/producers/usaha-{p:02}/producer.yaml"),
            format!(
                "name: Usaha {} {p:02}\nkind: ukm\naddress: Jl. Uji {p}, Kota Mojokerto\n",
                VOCABULARY[p * 2]
            ),
        );
    }
    for n in 0..300 {
        let mut pick = |count: usize| -> Vec<&str> {
            (0..count)
                .map(|_| VOCABULARY[next(VOCABULARY.len())])
                .collect()
        };
        let name = pick(3).join(" ");
        let description = pick(12).join(" ");
        let tag = ["kopi", "batik", "bambu", "tenun", "sambal-pedas", "a"][next(6)];
        let producer = format!("usaha-{:02}", next(20));
        let category = ["batik", "makanan-minuman"][next(2)];
        let low = 5000 * (1 + next(80)) as u64;
        let high = low + 5000 * next(4) as u64;
        let certs = ["", "\ncertifications:\n  - { type: halal, number: \"ID1\" }",
            "\ncertifications:\n  - { type: halal, number: \"ID1\" }\n  - { type: pirt, number: \"2063\" }"]
            [next(3)];
        let curation = [
            "",
            "\ncuration: { status: lolos, curator: Dinas Uji, date: 2025-04-01 }",
            "\ncuration: { status: proses, curator: Dinas Uji, date: 2025-04-01 }",
        ][next(3)];
        let availability = [
            "",
            "\navailability: { status: siap }",
            "\navailability: { status: habis }",
        ][next(3)];
        let price = if next(10) == 0 {
            String::new()
        } else {
            format!("\nprice: {{ min: {low}, max: {high} }}")
        };
        let folder = format!("content/products/sintetis-{n:03}");
        catalogue.write(
            &format!("{folder}/product.yaml"),
            format!(
                "name: {{ id: \"{name} {n}\", en: \"{name} {n} en\" }}\nproducer: {producer}\n\
                 category: {category}\ntags: [{tag}]{price}{certs}{curation}{availability}\n"
            ),
        );
        catalogue.write(&format!("{folder}/id.md"), format!("{description}.\n"));
    }
    catalogue
}

#[test]
fn the_split_index_finds_what_the_whole_one_finds_on_a_synthetic_catalogue() {
    let Some(h) = harness() else { return };
    let catalogue = synthetic();
    let model = Model::load(catalogue.root());
    assert!(model.products.len() > 300);
    let (whole, split) = (
        catalogue.parent().join("whole"),
        catalogue.parent().join("split"),
    );
    etalase::build(catalogue.root(), &whole).expect("the synthetic catalogue builds");
    // Its 40 words are each in about 90 products: split where a word's postings pass 100 bytes.
    build_split(catalogue.root(), &split, "100");
    assert_same_results(h, &model, &whole, &split);

    // The producer field: its suggestions come from the producers' shard when focused, and a
    // producer's slug in the URL shows that producer's name.
    let host = Host::start(split.clone());
    let producer = &model.products[0];
    let page = h.blank();
    page.goto(&format!(
        "{}/id/products/?producer={}",
        host.origin, producer.producer_slug
    ));
    page.wait_until(&format!(
        "document.getElementById('filter-producer').value === {}",
        js_string(&producer.producer_name)
    ));
    page.eval("document.getElementById('filter-producer').focus()");
    page.wait_until("document.querySelectorAll('#filter-producers option').length === 22");
}
