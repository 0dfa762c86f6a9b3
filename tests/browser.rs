//! Browser tests: the sample catalogue built and served on 127.0.0.1, driven in headless
//! Chromium (see `tests/common/browser.rs`). Expected products always come from the model the
//! library loads, never from names written here.
//!
//! Without Chromium on the machine every test here says `skipped: ...` on stderr and passes.

mod common;

use common::browser::{harness, Harness};

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
