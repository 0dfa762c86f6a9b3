//! Browser tests: the sample catalogue built and served on 127.0.0.1, driven in headless
//! Chromium (see `tests/common/browser.rs`). Expected products always come from the model the
//! library loads, never from names written here; which query or filter a test uses is chosen
//! from the model too, so the tests keep working when the sample catalogue changes.
//!
//! The products page follows the contract of issue 5 (DOM ids, URL query, search semantics).
//!
//! Without Chromium on the machine every test here says `skipped: ...` on stderr and passes.

use std::collections::{BTreeMap, BTreeSet};

use crate::common::browser::{harness, normalise, Field, Harness, Model, Page, ProductFacts};

/// Cards per list page (contract: 48).
const PAGE_SIZE: usize = 48;
/// The products page's search box.
const SEARCH: &str = "#product-filter input[type=search][name=q]";
const CATEGORY: &str = "#product-filter select[name=category]";
const CURATION: &str = "#product-filter select[name=curation]";
const AVAILABILITY: &str = "#product-filter select[name=availability]";
/// The producer's slug, as the URL carries it.
const PRODUCER: &str = "#product-filter input[name=producer][hidden]";
/// The field a visitor types or picks a producer's name in.
const PRODUCER_NAME: &str = "#filter-producer";
const MIN: &str = "#product-filter input[name=min]";
const MAX: &str = "#product-filter input[name=max]";

fn cert_box(kind: &str) -> String {
    format!("#product-filter input[type=checkbox][name=cert][value=\"{kind}\"]")
}

// ---------------------------------------------------------------- home page

/// The featured products of the model in `lang`, in catalogue order.
fn featured_names(h: &Harness, lang: &str) -> Vec<String> {
    let model = &h.model;
    let names = model.names(model.products.iter().filter(|p| p.featured), lang);
    assert!(
        !names.is_empty(),
        "the sample catalogue should feature some products"
    );
    names
}

#[test]
fn home_page_shows_the_featured_products() {
    let Some(h) = harness() else { return };
    for lang in &h.model.languages {
        let page = h.open(&format!("/{lang}/"));
        assert_eq!(
            page.eval("matchMedia('(scripting: enabled)').matches"),
            true
        );
        assert_eq!(
            page.visible_cards(),
            featured_names(h, lang),
            "featured cards of /{lang}/"
        );
    }
}

#[test]
fn home_page_shows_the_featured_products_without_javascript() {
    let Some(h) = harness() else { return };
    let lang = &h.model.default_language;
    let page = h.open_without_js(&format!("/{lang}/"));
    assert_eq!(
        page.eval("matchMedia('(scripting: none)').matches"),
        true,
        "the tab should run no scripts"
    );
    assert_eq!(page.visible_cards(), featured_names(h, lang));
}

// ---------------------------------------------------------------- products page: helpers

fn products_path(lang: &str) -> String {
    format!("/{lang}/products/")
}

/// A language other than the default one (the default when there is no other).
fn other_language(model: &Model) -> &str {
    model
        .languages
        .iter()
        .find(|l| **l != model.default_language)
        .unwrap_or(&model.default_language)
}

/// Opens a products page with JavaScript and waits until the filter script has shown the form.
fn open_products(h: &Harness, path: &str) -> Page {
    let page = h.open(path);
    page.wait_for(
        "search.js to show the filter form",
        |p| p.is_visible("#product-filter"),
        |shown| *shown,
    );
    page
}

/// Every product's name in `lang`, in catalogue order; they must tell the products apart.
fn all_names(model: &Model, lang: &str) -> Vec<String> {
    let names = model.names(&model.products, lang);
    let distinct: BTreeSet<&String> = names.iter().collect();
    assert_eq!(
        distinct.len(),
        names.len(),
        "product names in {lang} should be distinct for these tests"
    );
    names
}

fn names_of<'a>(products: impl IntoIterator<Item = &'a ProductFacts>, lang: &str) -> Vec<String> {
    products.into_iter().map(|p| p.name[lang].clone()).collect()
}

fn sorted(names: &[String]) -> Vec<String> {
    let mut names = names.to_vec();
    names.sort();
    names
}

/// Waits until the visible cards are the products `expected` finds, in any order; returns the
/// cards in page order.
fn wait_for_found(page: &Page, expected: &[(&ProductFacts, Field)], lang: &str) -> Vec<String> {
    let want = sorted(&names_of(expected.iter().map(|(p, _)| *p), lang));
    page.wait_for(
        &format!("the cards {want:?}"),
        Page::visible_cards,
        |cards| sorted(cards) == want,
    )
}

/// What a search found, for messages: names and where they matched.
fn summary(found: &[(&ProductFacts, Field)], lang: &str) -> Vec<(String, Field)> {
    found
        .iter()
        .map(|(p, f)| (p.name[lang].clone(), *f))
        .collect()
}

/// Checks that the cards are ranked by where the (single) query term matched: name before
/// producer before tags before description.
fn assert_ranked(shown: &[String], expected: &[(&ProductFacts, Field)], lang: &str) {
    let field: BTreeMap<&str, Field> = expected
        .iter()
        .map(|(p, f)| (p.name[lang].as_str(), *f))
        .collect();
    let ranked: Vec<(&str, Field)> = shown
        .iter()
        .map(|name| (name.as_str(), field[name.as_str()]))
        .collect();
    assert!(
        ranked.windows(2).all(|pair| pair[0].1 <= pair[1].1),
        "results should rank name matches first, then producer, tags, description: {ranked:#?}"
    );
}

/// The (name, value) pair `name=value` is in the page's URL query.
fn assert_in_query(page: &Page, name: &str, value: &str) {
    let query = page.query();
    assert!(
        query.iter().any(|(n, v)| n == name && v == value),
        "the URL {} should hold {name}={value}",
        page.location()
    );
}

/// Waits until the page shows the server's list again: every product, in catalogue order, the
/// JavaScript results hidden.
fn wait_for_full_list(page: &Page, model: &Model, lang: &str) {
    let all = all_names(model, lang);
    assert!(all.len() <= PAGE_SIZE, "the sample fits on one page");
    page.wait_for_cards(&all);
    assert!(page.is_visible("#product-list"));
    assert!(!page.is_visible("#search-results"));
}

/// A search query for the tests: the start of a word of some product's name that finds at
/// least two products and at most half of them. It is a proper prefix, so prefix matching is
/// needed; preferably the ranking differs from catalogue order (a product found through a
/// weaker field comes first in the catalogue), so a broken ranking shows, and the results
/// span many fields.
fn pick_query(model: &Model, lang: &str) -> String {
    let total = model.products.len();
    let mut best: Option<((bool, usize, usize), String)> = None;
    for product in &model.products {
        for word in product.field_words(Field::Name, lang) {
            for len in [3, 4, 5] {
                if word.chars().count() <= len {
                    continue;
                }
                let prefix: String = word.chars().take(len).collect();
                let found = model.search(&prefix, lang);
                if found.len() < 2 || found.len() * 2 > total {
                    continue;
                }
                let slugs: Vec<&str> = found.iter().map(|(p, _)| p.slug.as_str()).collect();
                let reordered = !slugs.is_sorted();
                let fields: BTreeSet<Field> = found.iter().map(|(_, f)| *f).collect();
                let score = (reordered, fields.len(), found.len());
                if best.as_ref().is_none_or(|(b, _)| score > *b) {
                    best = Some((score, prefix));
                }
            }
        }
    }
    best.expect("some name word should start the names of a few products")
        .1
}

/// `query` in capitals with an accent on its first vowel (`bati` -> `BÁTI`).
fn shouted_with_accent(query: &str) -> String {
    let mut accented = false;
    let text: String = query
        .chars()
        .map(|c| {
            let with_accent = match c {
                'a' => Some('Á'),
                'e' => Some('É'),
                'i' => Some('Í'),
                'o' => Some('Ó'),
                'u' => Some('Ú'),
                _ => None,
            };
            match with_accent {
                Some(a) if !accented => {
                    accented = true;
                    a
                }
                _ => c.to_uppercase().next().unwrap_or(c),
            }
        })
        .collect();
    assert!(accented, "{query} has no vowel to put an accent on");
    text
}

/// A category and a certification kind whose products are fewer than the category has (so
/// ticking the box narrows the category), and where possible fewer than the certification
/// has too; halal when that works as well as any other kind.
fn pick_category_and_cert(model: &Model) -> (String, String) {
    let mut kinds: Vec<String> = model
        .products
        .iter()
        .flat_map(|p| p.certifications.clone())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    kinds.sort_by_key(|k| *k != "halal");
    let mut best: Option<(usize, (String, String))> = None;
    for kind in &kinds {
        for category in &model.categories {
            let with_cert = model
                .products
                .iter()
                .filter(|p| p.has_certifications(&[kind]))
                .count();
            let in_category = model
                .products
                .iter()
                .filter(|p| p.category == category.slug)
                .count();
            let both = model
                .products
                .iter()
                .filter(|p| p.category == category.slug && p.has_certifications(&[kind]))
                .count();
            if both == 0 {
                continue;
            }
            let score = 2 * usize::from(both < in_category) + usize::from(both < with_cert);
            if best.as_ref().is_none_or(|(b, _)| score > *b) {
                best = Some((score, (category.slug.clone(), kind.clone())));
            }
        }
    }
    match best {
        Some((score, pair)) if score >= 2 => pair,
        _ => panic!("no certification narrows a category of the sample catalogue"),
    }
}

/// The filters of a shared link, and the products they keep.
#[derive(Debug, Default, Clone)]
struct Filters {
    category: Option<String>,
    cert: Vec<String>,
    curation: Option<String>,
    availability: Option<String>,
    producer: Option<String>,
    min: Option<u64>,
    max: Option<u64>,
}

impl Filters {
    /// The contract's filter semantics, computed on the model.
    fn keeps(&self, p: &ProductFacts) -> bool {
        let certs: Vec<&str> = self.cert.iter().map(String::as_str).collect();
        self.category.as_ref().is_none_or(|c| p.category == *c)
            && p.has_certifications(&certs)
            && self.curation.as_ref().is_none_or(|c| p.curation == *c)
            && self
                .availability
                .as_ref()
                .is_none_or(|a| p.availability.as_ref() == Some(a))
            && self.producer.as_ref().is_none_or(|s| p.producer_slug == *s)
            && (self.min.is_none() && self.max.is_none()
                || p.price_overlaps(self.min.unwrap_or(0), self.max.unwrap_or(u64::MAX)))
    }

    fn kept<'m>(&self, model: &'m Model) -> Vec<&'m ProductFacts> {
        model.products.iter().filter(|p| self.keeps(p)).collect()
    }

    /// The URL query, in the contract's names.
    fn query(&self) -> String {
        let mut pairs: Vec<(String, String)> = Vec::new();
        if let Some(c) = &self.category {
            pairs.push(("category".into(), c.clone()));
        }
        for kind in &self.cert {
            pairs.push(("cert".into(), kind.clone()));
        }
        if let Some(c) = &self.curation {
            pairs.push(("curation".into(), c.clone()));
        }
        if let Some(a) = &self.availability {
            pairs.push(("availability".into(), a.clone()));
        }
        if let Some(p) = &self.producer {
            pairs.push(("producer".into(), p.clone()));
        }
        if let Some(min) = self.min {
            pairs.push(("min".into(), min.to_string()));
        }
        if let Some(max) = self.max {
            pairs.push(("max".into(), max.to_string()));
        }
        pairs
            .iter()
            .map(|(n, v)| format!("{n}={v}"))
            .collect::<Vec<_>>()
            .join("&")
    }

    /// How many of its filters change the result when left out.
    fn binding(&self, model: &Model) -> usize {
        let kept = self.kept(model).len();
        let mut without = Vec::new();
        if self.category.is_some() {
            without.push(Filters {
                category: None,
                ..self.clone()
            });
        }
        if !self.cert.is_empty() {
            without.push(Filters {
                cert: Vec::new(),
                ..self.clone()
            });
        }
        if self.curation.is_some() {
            without.push(Filters {
                curation: None,
                ..self.clone()
            });
        }
        if self.max.is_some() {
            without.push(Filters {
                max: None,
                ..self.clone()
            });
        }
        without
            .iter()
            .filter(|f| f.kept(model).len() != kept)
            .count()
    }
}

/// Category, certification, curation and highest price for a shared link: some products but
/// not all, with as many of the four filters as possible each leaving a product out.
fn pick_shared_filters(model: &Model) -> Filters {
    let kinds: BTreeSet<&String> = model
        .products
        .iter()
        .flat_map(|p| &p.certifications)
        .collect();
    let curations: BTreeSet<&String> = model.products.iter().map(|p| &p.curation).collect();
    let prices: BTreeSet<u64> = model
        .products
        .iter()
        .filter_map(|p| p.price)
        .map(|(low, _)| low)
        .collect();
    let mut best: Option<(usize, Filters)> = None;
    for category in &model.categories {
        for kind in &kinds {
            for curation in &curations {
                for max in &prices {
                    let filters = Filters {
                        category: Some(category.slug.clone()),
                        cert: vec![(*kind).clone()],
                        curation: Some((*curation).clone()),
                        max: Some(*max),
                        ..Filters::default()
                    };
                    let kept = filters.kept(model).len();
                    if kept == 0 || kept == model.products.len() {
                        continue;
                    }
                    let binding = filters.binding(model);
                    if best.as_ref().is_none_or(|(b, _)| binding > *b) {
                        best = Some((binding, filters));
                    }
                }
            }
        }
    }
    best.expect("some filters should keep some products").1
}

/// A producer and a lowest price that leave out the producer's cheapest product (and any
/// without a price, preferably one having such a product).
fn pick_producer_and_min(model: &Model) -> Filters {
    let mut candidates: Vec<(bool, Filters)> = Vec::new();
    let producers: BTreeSet<&String> = model.products.iter().map(|p| &p.producer_slug).collect();
    for producer in producers {
        let own: Vec<&ProductFacts> = model
            .products
            .iter()
            .filter(|p| p.producer_slug == *producer)
            .collect();
        let Some(cheapest_high) = own
            .iter()
            .filter_map(|p| p.price)
            .map(|(_, high)| high)
            .min()
        else {
            continue;
        };
        let filters = Filters {
            producer: Some(producer.clone()),
            min: Some(cheapest_high + 1),
            ..Filters::default()
        };
        if filters.kept(model).is_empty() {
            continue;
        }
        let has_unpriced = own.iter().any(|p| p.price.is_none());
        candidates.push((has_unpriced, filters));
    }
    candidates.sort_by_key(|(unpriced, _)| !unpriced);
    candidates
        .into_iter()
        .next()
        .expect("some producer should have products at two prices")
        .1
}

// ---------------------------------------------------------------- products page: tests

#[test]
fn products_page_lists_every_product_until_a_filter_is_used() {
    let Some(h) = harness() else { return };
    for lang in &h.model.languages {
        let page = open_products(h, &products_path(lang));
        wait_for_full_list(&page, &h.model, lang);
        assert!(page.query().is_empty());
        assert!(!page.is_visible("#search-empty"));
        assert!(!page.is_visible("#show-more"));
    }
}

#[test]
fn typing_a_query_shows_the_matching_products_best_first() {
    let Some(h) = harness() else { return };
    let model = &h.model;
    let lang = model.default_language.as_str();
    let query = pick_query(model, lang);
    let expected = model.search(&query, lang);
    eprintln!(
        "query {query:?} in {lang}: {expected:?}",
        expected = summary(&expected, lang)
    );

    let page = open_products(h, &products_path(lang));
    let history_before = page.eval("history.length").as_u64().expect("a number");
    page.type_into(SEARCH, &query);
    let shown = wait_for_found(&page, &expected, lang);
    assert_ranked(&shown, &expected, lang);
    assert_in_query(&page, "q", &query);
    let history_after = page.eval("history.length").as_u64().expect("a number");
    assert!(
        history_after <= history_before + 1,
        "typing {query:?} added {} history entries; typing should replace the entry",
        history_after - history_before
    );
    let count = page.eval("document.getElementById('result-count').textContent");
    assert_eq!(
        count.as_str().unwrap_or_default(),
        products_counted(expected.len(), lang),
        "#result-count"
    );
    assert!(!page.is_visible("#product-list"), "the server list hides");
    assert!(!page.is_visible("#search-empty"));

    // A word nothing starts with: no card, and the "nothing found" note.
    let nonsense = "qxz";
    assert!(model.search(nonsense, lang).is_empty());
    page.clear(SEARCH);
    page.type_into(SEARCH, nonsense);
    page.wait_for_cards(&[]);
    page.wait_until("document.getElementById('search-empty').checkVisibility()");
    assert_in_query(&page, "q", nonsense);

    // Emptying the box brings the server's list back.
    page.clear(SEARCH);
    wait_for_full_list(&page, model, lang);
    assert!(!page.is_visible("#search-empty"));
}

/// A second search term for `first`: the start of a word of a product `first` finds, such
/// that the two together find fewer products than either alone, but some.
fn pick_second_term(model: &Model, lang: &str, first: &str) -> String {
    let alone = model.search(first, lang).len();
    for (product, _) in model.search(first, lang) {
        for word in product.field_words(Field::Name, lang) {
            for len in [3, 4, 5] {
                if word.chars().count() <= len {
                    continue;
                }
                let second: String = word.chars().take(len).collect();
                let both = model.search(&format!("{first} {second}"), lang).len();
                if both > 0 && both < alone && both < model.search(&second, lang).len() {
                    return second;
                }
            }
        }
    }
    panic!("no second term narrows {first:?}");
}

#[test]
fn every_word_of_a_query_must_match() {
    let Some(h) = harness() else { return };
    let model = &h.model;
    let lang = model.default_language.as_str();
    let first = pick_query(model, lang);
    let second = pick_second_term(model, lang, &first);
    let query = format!("{first} {second}");
    let expected = model.search(&query, lang);
    eprintln!("query {query:?} in {lang}: {:?}", summary(&expected, lang));

    // A shared link with the query: the box shows it, the results follow it.
    let page = open_products(h, &format!("{}?q={first}+{second}", products_path(lang)));
    wait_for_found(&page, &expected, lang);
    assert_eq!(page.value(SEARCH), query);
}

/// For every card in `list` (a CSS selector): its link and what a visitor sees of it, with
/// every URL made absolute, so cards built by the script compare with the server's.
const CARD_SIGNATURES: &str = r#"(list) => {
  const text = (e) => (e ? e.textContent.replace(/\s+/g, " ").trim() : null);
  const urls = (srcset) => (srcset || "").split(",").map((c) => c.trim()).filter(Boolean)
    .map((c) => { const [u, w] = c.split(/\s+/); return new URL(u, location.href).href + " " + w; });
  return Array.from(document.querySelectorAll(list + " article.card")).map((card) => {
    const img = card.querySelector("img");
    const source = card.querySelector("source");
    return {
      href: card.querySelector("a.card-link").href,
      category: text(card.querySelector(".card-category")),
      title: text(card.querySelector(".card-title")),
      titleLang: card.querySelector(".card-title").lang,
      producer: text(card.querySelector(".card-producer")),
      price: text(card.querySelector(".card-price")),
      badges: Array.from(card.querySelectorAll(".badges li")).map(text),
      placeholder: !!card.querySelector(".placeholder"),
      img: img && { src: img.src, srcset: urls(img.getAttribute("srcset")), sizes: img.sizes,
                    width: img.getAttribute("width"), height: img.getAttribute("height"), alt: img.alt },
      webp: source && { type: source.type, srcset: urls(source.getAttribute("srcset")), sizes: source.sizes },
    };
  });
}"#;

#[test]
fn search_results_are_the_same_cards_as_the_server_list() {
    let Some(h) = harness() else { return };
    let model = &h.model;
    for lang in &model.languages {
        // Category by category, every product's card is built by the script once, so every
        // kind of card (with or without photo, price, badges) is compared.
        let (mut compared, mut photos) = (0, 0);
        for category in &model.categories {
            let filters = Filters {
                category: Some(category.slug.clone()),
                ..Filters::default()
            };
            let kept = filters.kept(model);
            let page = open_products(h, &format!("{}?{}", products_path(lang), filters.query()));
            page.wait_for_cards(&names_of(kept.iter().copied(), lang));
            let signatures = |list: &str| -> BTreeMap<String, serde_json::Value> {
                let cards = page.eval(&format!("({CARD_SIGNATURES})({list:?})"));
                cards
                    .as_array()
                    .expect("a list of cards")
                    .iter()
                    .map(|card| (card["href"].as_str().unwrap().to_owned(), card.clone()))
                    .collect()
            };
            let server = signatures("#product-list");
            let script = signatures("#search-results");
            assert_eq!(server.len(), model.products.len());
            assert_eq!(script.len(), kept.len());
            for (href, card) in &script {
                assert_eq!(
                    Some(card),
                    server.get(href),
                    "the card of {href} in /{lang}/"
                );
            }
            compared += script.len();
            photos += assert_photos_exist(&page, lang);
        }
        assert_eq!(compared, model.products.len());
        assert!(photos > 0, "no card photo was checked in /{lang}/");
    }
}

/// The photos the script's cards point at exist (every width, every format).
/// Returns how many files it checked.
fn assert_photos_exist(page: &Page, lang: &str) -> u64 {
    let missing = page.eval(
            r##"(async () => {
              const urls = new Set();
              document.querySelectorAll("#search-results img, #search-results source").forEach((e) => {
                if (e.src) urls.add(e.src);
                (e.getAttribute("srcset") || "").split(",").map((c) => c.trim().split(/\s+/)[0])
                  .filter(Boolean).forEach((u) => urls.add(new URL(u, location.href).href));
              });
              const missing = [];
              for (const url of urls) {
                const response = await fetch(url, { method: "HEAD" });
                if (!response.ok) missing.push(url + " " + response.status);
              }
              return { checked: urls.size, missing };
            })()"##,
        );
    assert_eq!(missing["missing"], serde_json::json!([]), "in /{lang}/");
    missing["checked"].as_u64().expect("a count")
}

#[test]
fn queries_ignore_case_and_accents() {
    let Some(h) = harness() else { return };
    let model = &h.model;
    let lang = model.default_language.as_str();
    let query = pick_query(model, lang);
    let page = open_products(h, &products_path(lang));
    page.type_into(SEARCH, &query);
    let plain = wait_for_found(&page, &model.search(&query, lang), lang);

    let shouted = shouted_with_accent(&query);
    eprintln!("{query:?} found {plain:?}; now typing {shouted:?}");
    page.clear(SEARCH);
    wait_for_full_list(&page, model, lang);
    page.type_into(SEARCH, &shouted);
    page.wait_for_cards(&plain);
    assert_in_query(&page, "q", &shouted);

    // Accents in the catalogue's text are ignored too: a word written with one is found
    // when typed without it.
    let (lang, product, folded) = accented_word(model);
    let found = model.search(&folded, lang);
    eprintln!(
        "{folded:?} (from {product}) in {lang}: {:?}",
        summary(&found, lang)
    );
    assert!(found.iter().any(|(p, _)| p.slug == product));
    let page = open_products(h, &products_path(lang));
    page.type_into(SEARCH, &folded.to_uppercase());
    wait_for_found(&page, &found, lang);
}

/// A word of some product's text that carries an accent: its language, the product and the
/// word without accents.
fn accented_word(model: &Model) -> (&str, String, String) {
    for lang in &model.languages {
        for product in &model.products {
            let texts = [&product.name[lang], &product.description[lang]];
            for text in texts {
                for word in text
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                {
                    let folded = normalise(word);
                    if folded != word.to_lowercase() && folded.chars().count() >= 3 {
                        return (lang, product.slug.clone(), folded);
                    }
                }
            }
        }
    }
    panic!("the sample catalogue should have a word with an accent (such as café)");
}

#[test]
fn ticking_a_certification_and_choosing_a_category_filters_the_products() {
    let Some(h) = harness() else { return };
    let model = &h.model;
    let lang = model.default_language.as_str();
    let (category, cert) = pick_category_and_cert(model);
    eprintln!("category {category}, certification {cert}");
    let page = open_products(h, &products_path(lang));

    let by_cert = Filters {
        cert: vec![cert.clone()],
        ..Filters::default()
    };
    page.reveal(&cert_box(&cert));
    page.click(&cert_box(&cert));
    page.wait_for_cards(&names_of(by_cert.kept(model), lang));
    assert_in_query(&page, "cert", &cert);

    let both = Filters {
        category: Some(category.clone()),
        ..by_cert
    };
    page.choose(CATEGORY, &category);
    page.wait_for_cards(&names_of(both.kept(model), lang));
    assert_in_query(&page, "cert", &cert);
    assert_in_query(&page, "category", &category);
    let count = page.eval("document.getElementById('result-count').textContent");
    assert!(
        count
            .as_str()
            .is_some_and(|c| c.contains(&both.kept(model).len().to_string())),
        "#result-count: {count}"
    );

    // The reset link clears every filter.
    page.click("#filter-reset");
    wait_for_full_list(&page, model, lang);
    assert!(page.query().is_empty(), "{}", page.location());
    assert!(!page.is_checked(&cert_box(&cert)));
    assert_eq!(page.value(CATEGORY), "");
}

/// Opens a shared link with `filters` in `lang` and checks the cards and the form.
fn check_shared_link(h: &Harness, lang: &str, filters: &Filters) {
    let model = &h.model;
    let kept = filters.kept(model);
    eprintln!(
        "{filters:?} keeps {:?}",
        names_of(kept.iter().copied(), lang)
    );
    assert!(
        !kept.is_empty() && kept.len() < model.products.len(),
        "{filters:?} should keep some products but not all"
    );
    let page = open_products(h, &format!("{}?{}", products_path(lang), filters.query()));
    page.wait_for_cards(&names_of(kept, lang));
    assert!(!page.is_visible("#product-list"));

    let text = |value: &Option<String>| value.clone().unwrap_or_default();
    let number = |value: Option<u64>| value.map(|v| v.to_string()).unwrap_or_default();
    assert_eq!(page.value(SEARCH), "");
    assert_eq!(page.value(CATEGORY), text(&filters.category));
    assert_eq!(page.value(CURATION), text(&filters.curation));
    assert_eq!(page.value(AVAILABILITY), text(&filters.availability));
    assert_eq!(page.value(PRODUCER), text(&filters.producer));
    // The visible field names the producer once the index (which has the names) is in.
    let name = filters.producer.as_ref().map(|slug| {
        let product = model.products.iter().find(|p| p.producer_slug == *slug);
        product
            .expect("a product of the producer")
            .producer_name
            .clone()
    });
    page.wait_until(&format!(
        "document.querySelector({}).value === {}",
        serde_json::to_string(PRODUCER_NAME).unwrap(),
        serde_json::to_string(&text(&name)).unwrap()
    ));
    assert_eq!(page.value(MIN), number(filters.min));
    assert_eq!(page.value(MAX), number(filters.max));
    // One box per certification kind of the catalogue, ticked as the link says.
    let boxes: BTreeMap<String, bool> = serde_json::from_value(page.eval(
        r##"Object.fromEntries(Array.from(document.querySelectorAll(
             "#product-filter input[type=checkbox][name=cert]")).map((b) => [b.value, b.checked]))"##,
    ))
    .expect("boxes");
    let kinds: BTreeSet<&String> = model
        .products
        .iter()
        .flat_map(|p| &p.certifications)
        .collect();
    let expected: BTreeMap<String, bool> = kinds
        .into_iter()
        .map(|k| (k.clone(), filters.cert.contains(k)))
        .collect();
    assert_eq!(boxes, expected, "the certification boxes");
}

#[test]
fn a_shared_link_shows_its_products_and_fills_the_form() {
    let Some(h) = harness() else { return };
    let model = &h.model;
    let lang = other_language(model);

    // Category, certification, curation and highest price together.
    check_shared_link(h, lang, &pick_shared_filters(model));
    // Producer and lowest price: products without a price go, like the cheaper ones.
    check_shared_link(h, lang, &pick_producer_and_min(model));
    // Two certifications: products must have both.
    check_shared_link(h, lang, &pick_two_certifications(model));
    // Not yet curated: products without a curation count as such.
    let belum = Filters {
        curation: Some("belum".into()),
        ..Filters::default()
    };
    check_shared_link(h, lang, &belum);
}

/// The producer filter is a text field with suggestions from the search index: typing a
/// producer's name (in other letter case) filters by that producer and puts its slug in the
/// URL, every producer is suggested, and emptying the field shows every product again.
#[test]
fn typing_a_producers_name_filters_by_that_producer() {
    let Some(h) = harness() else { return };
    let model = &h.model;
    let lang = model.default_language.as_str();
    let filters = pick_producer_and_min(model);
    let slug = filters.producer.clone().expect("a producer");
    let by_producer = Filters {
        producer: Some(slug.clone()),
        ..Filters::default()
    };
    let name = by_producer.kept(model)[0].producer_name.clone();
    let page = open_products(h, &products_path(lang));
    page.reveal(PRODUCER_NAME);
    // The field is named by its label, for screen readers, and offers suggestions.
    assert_eq!(
        page.eval("document.getElementById('filter-producer').labels[0].textContent.trim() !== ''"),
        true
    );
    page.type_into(PRODUCER_NAME, &name.to_uppercase());
    page.wait_for_cards(&names_of(by_producer.kept(model), lang));
    assert_in_query(&page, "producer", &slug);
    let suggested: BTreeSet<String> = serde_json::from_value(page.eval(
        "Array.from(document.querySelectorAll('#filter-producers option')).map((o) => o.value)",
    ))
    .expect("suggestions");
    let producers: BTreeSet<String> = model
        .products
        .iter()
        .map(|p| p.producer_name.clone())
        .collect();
    assert!(
        producers.is_subset(&suggested),
        "every producer should be suggested: {producers:?} in {suggested:?}"
    );

    page.clear(PRODUCER_NAME);
    wait_for_full_list(&page, model, lang);
    assert!(page.query().is_empty(), "{}", page.location());
    assert_eq!(page.value(PRODUCER), "");
}

#[test]
fn choosing_an_availability_shows_exactly_the_products_with_that_status() {
    let Some(h) = harness() else { return };
    let model = &h.model;
    let lang = model.default_language.as_str();
    let statuses: BTreeSet<&String> = model
        .products
        .iter()
        .filter_map(|p| p.availability.as_ref())
        .collect();
    assert!(
        statuses.len() >= 2,
        "the sample catalogue should use several availability statuses: {statuses:?}"
    );
    let page = open_products(h, &products_path(lang));
    for status in &statuses {
        let filters = Filters {
            availability: Some((*status).clone()),
            ..Filters::default()
        };
        let kept = names_of(filters.kept(model), lang);
        eprintln!("availability {status} keeps {kept:?}");
        assert!(!kept.is_empty() && kept.len() < model.products.len());
        page.choose(AVAILABILITY, status);
        page.wait_for_cards(&kept);
        assert_in_query(&page, "availability", status);
    }
    // Products that do not say are in no status, but come back with "any".
    page.choose(AVAILABILITY, "");
    wait_for_full_list(&page, model, lang);

    // A shared link, in the other language, with a status and a category together.
    let (category, status) = model
        .categories
        .iter()
        .flat_map(|c| statuses.iter().map(move |s| (c.slug.clone(), (*s).clone())))
        .find(|(category, status)| {
            let both = Filters {
                category: Some(category.clone()),
                availability: Some(status.clone()),
                ..Filters::default()
            };
            let only_status = Filters {
                availability: Some(status.clone()),
                ..Filters::default()
            };
            !both.kept(model).is_empty() && both.kept(model).len() < only_status.kept(model).len()
        })
        .expect("some category narrows an availability status");
    let filters = Filters {
        category: Some(category),
        availability: Some(status),
        ..Filters::default()
    };
    check_shared_link(h, other_language(model), &filters);
}

/// Two certification kinds that some products have together, fewer than have one of them
/// (so "all of them" and "any of them" differ).
fn pick_two_certifications(model: &Model) -> Filters {
    let kinds: BTreeSet<&String> = model
        .products
        .iter()
        .flat_map(|p| &p.certifications)
        .collect();
    let count = |wanted: &[&str]| {
        model
            .products
            .iter()
            .filter(|p| p.has_certifications(wanted))
            .count()
    };
    for a in &kinds {
        for b in &kinds {
            let both = count(&[a, b]);
            if a < b && both > 0 && (both < count(&[a]) || both < count(&[b])) {
                return Filters {
                    cert: vec![(*a).clone(), (*b).clone()],
                    ..Filters::default()
                };
            }
        }
    }
    panic!("no two certifications of the sample narrow each other");
}

#[test]
fn back_and_forward_restore_the_filters() {
    let Some(h) = harness() else { return };
    let model = &h.model;
    let lang = model.default_language.as_str();
    let (category, cert) = pick_category_and_cert(model);
    let a = Filters {
        category: Some(category.clone()),
        ..Filters::default()
    };
    let b = Filters {
        cert: vec![cert.clone()],
        ..a.clone()
    };
    let (names_a, names_b) = (names_of(a.kept(model), lang), names_of(b.kept(model), lang));
    eprintln!("A: {a:?} keeps {names_a:?}\nB: {b:?} keeps {names_b:?}");
    assert_ne!(names_a, names_b);

    let page = open_products(h, &products_path(lang));
    page.choose(CATEGORY, &category);
    page.wait_for_cards(&names_a);
    page.reveal(&cert_box(&cert));
    page.click(&cert_box(&cert));
    page.wait_for_cards(&names_b);

    page.back();
    page.wait_for_cards(&names_a);
    assert_eq!(page.query(), [("category".to_owned(), category.clone())]);
    assert!(!page.is_checked(&cert_box(&cert)));
    assert_eq!(page.value(CATEGORY), category);

    page.forward();
    page.wait_for_cards(&names_b);
    assert!(page.is_checked(&cert_box(&cert)));

    page.back();
    page.back();
    wait_for_full_list(&page, model, lang);
    assert_eq!(page.value(CATEGORY), "");
}

#[test]
fn without_javascript_the_products_page_lists_everything_and_hides_the_form() {
    let Some(h) = harness() else { return };
    let model = &h.model;
    let lang = model.default_language.as_str();
    let all = all_names(model, lang);
    assert!(all.len() < PAGE_SIZE, "the sample fits on the first page");
    let page = h.open_without_js(&products_path(lang));
    assert_eq!(page.visible_cards(), all);
    assert!(
        page.eval("!!document.getElementById('product-filter')") == true,
        "the page has the filter form"
    );
    assert!(!page.is_visible("#product-filter"), "but does not show it");

    // The tags page links every tag's page.
    let mut tags: BTreeMap<&String, Vec<&ProductFacts>> = BTreeMap::new();
    for product in &model.products {
        for tag in &product.tags {
            tags.entry(tag).or_default().push(product);
        }
    }
    assert!(!tags.is_empty());
    page.goto(&format!("/{lang}/tags/"));
    let links: BTreeSet<String> = serde_json::from_value(page.eval(
        r#"Array.from(document.querySelectorAll("main a[href]"))
            .filter((a) => a.checkVisibility())
            .map((a) => new URL(a.href).pathname)"#,
    ))
    .expect("a list of paths");
    for tag in tags.keys() {
        let path = format!("/{lang}/tags/{tag}/");
        assert!(links.contains(&path), "/{lang}/tags/ should link {path}");
    }

    // A tag's page lists the products with that tag: every tag of three products or more
    // and one of a single product (each page costs the browser a few round trips).
    let shared = tags.iter().filter(|(_, products)| products.len() >= 3);
    let single = tags.iter().find(|(_, products)| products.len() == 1);
    for (tag, tagged) in shared.chain(single) {
        page.goto(&format!("/{lang}/tags/{tag}/"));
        assert_eq!(
            page.visible_cards(),
            names_of(tagged.iter().copied(), lang),
            "/{lang}/tags/{tag}/"
        );
    }
}

/// "1 product", "12 products", "3 produk": the count the products page gives.
fn products_counted(n: usize, lang: &str) -> String {
    let noun = match (lang, n) {
        ("id", _) => "produk",
        (_, 1) => "product",
        _ => "products",
    };
    format!("{n} {noun}")
}
