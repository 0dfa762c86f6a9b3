//! Offline and installable (issue 19): each language's web app manifest and its icons, the
//! offline pages and the service worker at the site root, read from built sites; then, in
//! headless Chromium on a site served on a port of its own, what a visitor keeps when the
//! connection is cut, and that a rebuild reaches them once it is back.

use std::path::Path;
use std::thread;
use std::time::{Duration, Instant};

use image::GenericImageView;
use serde_json::Value;

use crate::common::browser::{harness, js_string, words, Host, Model, Page};
use crate::common::{attr, basic, meta_property, one, resolve_link, select, Catalogue, Site};

/// The languages of the `basic` fixture.
const LANGUAGES: [&str; 2] = ["id", "en"];
/// The worker's file, and how the line that carries the build's facts starts.
const WORKER: &str = "sw.js";
const FACTS_START: &str = "var BUILD = ";

/// The facts the build wrote into `sw.js`.
fn worker_facts(site: &Site) -> Value {
    let source = site.text(WORKER);
    let line = source
        .lines()
        .find_map(|line| line.strip_prefix(FACTS_START))
        .expect("sw.js carries the build's facts");
    serde_json::from_str(line.trim_end_matches(';')).expect("the facts are JSON")
}

fn version(site: &Site) -> String {
    worker_facts(site)["version"]
        .as_str()
        .expect("a version")
        .to_owned()
}

// ---------------------------------------------------------------- files

#[test]
fn every_language_has_a_manifest_whose_icons_exist_at_their_sizes() {
    let site = basic();
    for lang in LANGUAGES {
        let home = format!("{lang}/index.html");
        let doc = site.html(&home);
        let href = attr(one(&doc, "link[rel=manifest]"), "href");
        let file = resolve_link(&home, href).expect("the manifest link stays in the site");
        assert_eq!(file, format!("{lang}/manifest.webmanifest"));
        let manifest: Value = serde_json::from_slice(&site.bytes(&file)).expect("JSON");
        assert_eq!(manifest["name"], meta_property(&doc, "og:site_name"));
        assert_eq!(manifest["short_name"], manifest["name"]);
        assert_eq!(manifest["lang"], lang);
        // Relative to the manifest: the language's home page.
        assert_eq!(manifest["start_url"], "./");
        assert_eq!(manifest["scope"], "./");
        assert_eq!(manifest["display"], "standalone");
        let theme = attr(one(&doc, "meta[name=theme-color]"), "content");
        assert_eq!(manifest["theme_color"], theme);
        assert!(manifest["background_color"]
            .as_str()
            .is_some_and(|c| c.starts_with('#')));
        let mut seen = Vec::new();
        for icon in manifest["icons"].as_array().expect("icons") {
            let src = icon["src"].as_str().expect("src");
            let png = resolve_link(&file, src).expect("the icon stays in the site");
            let decoded = image::load_from_memory(&site.bytes(&png))
                .unwrap_or_else(|e| panic!("{png} is not an image: {e}"));
            let (w, h) = decoded.dimensions();
            assert_eq!(icon["sizes"], format!("{w}x{h}"), "{png}");
            assert_eq!(icon["type"], "image/png");
            seen.push((w, icon["purpose"].as_str().unwrap_or("any").to_owned()));
        }
        for wanted in [(192, "any"), (512, "any"), (512, "maskable")] {
            assert!(
                seen.iter().any(|(w, p)| (*w, p.as_str()) == wanted),
                "{file} lacks a {wanted:?} icon: {seen:?}"
            );
        }
        let touch = attr(one(&doc, "link[rel=apple-touch-icon]"), "href");
        let touch = resolve_link(&home, touch).expect("the touch icon stays in the site");
        let decoded = image::load_from_memory(&site.bytes(&touch)).expect("a PNG");
        assert_eq!(decoded.dimensions(), (180, 180));
    }
}

#[test]
fn every_language_has_an_offline_page_in_its_language_that_is_not_indexed() {
    let site = basic();
    let sitemap = site.text("sitemap.xml");
    for lang in LANGUAGES {
        let file = format!("offline/{lang}/index.html");
        let doc = site.html(&file);
        assert_eq!(attr(one(&doc, "html"), "lang"), lang);
        assert!(!one(&doc, "#offline h1")
            .text()
            .collect::<String>()
            .trim()
            .is_empty());
        assert_eq!(attr(one(&doc, "meta[name=robots]"), "content"), "noindex");
        // Shown at any address: its styles and links are root-relative.
        for link in select(&doc, "link[rel=stylesheet], #offline a") {
            let href = attr(link, "href");
            assert!(href.starts_with('/'), "{file}: {href} is not root-relative");
        }
        assert!(!sitemap.contains("/offline/"));
    }
}

#[test]
fn the_worker_holds_no_origin_and_changes_with_the_content_only() {
    let catalogue = Catalogue::copy("basic");
    let first = catalogue.build();
    let again = catalogue.build();
    let source = first.text(WORKER);
    // Addresses are relative to the worker's scope: no scheme, host or protocol-relative `//`.
    for origin in ["http:", "https:", "127.0.0.1", "example."] {
        assert!(!source.contains(origin), "sw.js holds {origin:?}");
    }
    let facts = worker_facts(&first).to_string();
    assert!(
        !facts.contains("//"),
        "the facts hold an address with a host: {facts}"
    );
    assert_eq!(
        source,
        again.text(WORKER),
        "two builds of the same catalogue"
    );

    // What the worker stores at install and keeps with pages is in the site.
    let facts = worker_facts(&first);
    assert_eq!(facts["languages"], serde_json::json!(LANGUAGES));
    for path in facts["precache"].as_array().expect("precache") {
        let path = path.as_str().expect("a path");
        assert!(first.exists(path), "precached {path} is not in the site");
    }
    for (page, file) in facts["data"].as_object().expect("data") {
        assert!(first.exists(page), "{page} is not a page of the site");
        let file = file.as_str().expect("a path");
        // The search index's entry keeps its address (it names content-named shards, and is
        // taken from the network first); the inquiry list's file carries a version.
        let file = match file.split_once('?') {
            Some((file, query)) => {
                assert!(query.starts_with("v="), "{file}");
                file
            }
            None => {
                assert!(file.ends_with("/products/search/index.json"), "{file}");
                file
            }
        };
        assert!(first.exists(file), "{file} is not in the site");
    }

    catalogue.replace(
        "content/products/onde-onde-isi-10/product.yaml",
        "amount: 35000",
        "amount: 36500",
    );
    let changed = catalogue.build();
    assert_ne!(version(&first), version(&changed), "a changed price");
    assert_ne!(source, changed.text(WORKER));
}

// ---------------------------------------------------------------- in the browser

/// The product whose price the browser test changes (it has no photo).
const PRICED: &str = "onde-onde-isi-10";
/// A product with a photo.
const PICTURED: &str = "batik-tulis-surya";

/// Waits until `href` is in one of the worker's caches.
fn wait_until_kept(page: &Page, href: &str) {
    page.wait_until(&format!(
        "caches.match({}).then((r) => !!r)",
        js_string(href)
    ));
}

/// Opens `url` and checks that the page itself came, not the offline page.
fn open_kept(page: &Page, url: &str) {
    page.goto(url);
    assert_eq!(
        page.eval("!!document.getElementById('offline')"),
        false,
        "{url} showed the offline page"
    );
    assert_eq!(
        page.eval("document.querySelector('main').children.length > 0"),
        true,
        "{url} is empty"
    );
}

/// Builds `catalogue` into `site` (the folder the host serves), replacing what is there.
fn rebuild(catalogue: &Catalogue, site: &Path) {
    if let Err(error) = etalase::build(catalogue.root(), site) {
        panic!("{}", crate::common::describe_error(&error));
    }
}

#[test]
fn what_was_browsed_stays_readable_offline_and_a_rebuild_arrives_when_back() {
    let Some(h) = harness() else { return };
    let catalogue = Catalogue::copy("basic");
    let site = catalogue.parent().join("site");
    rebuild(&catalogue, &site);
    let model = Model::load(catalogue.root());
    let host = Host::start(site.clone());
    let at = |path: &str| format!("{}{path}", host.origin);
    let page = h.fresh_profile();

    // Online: the home page installs the worker and hands itself over; then the products page
    // (with its search index) and two product pages come through the worker.
    page.goto(&at("/id/"));
    // Polled with a time limit: `ready` never settles when no worker registers.
    page.wait_until(
        "Promise.race([navigator.serviceWorker.ready.then(() => true), \
         new Promise((done) => setTimeout(() => done(false), 500))])",
    );
    wait_until_kept(&page, &at("/id/"));
    page.goto(&at("/id/products/"));
    page.wait_until("!!navigator.serviceWorker.controller");
    let index = worker_facts(&Site::at(&site))["data"]["id/products/"]
        .as_str()
        .expect("the search index's address")
        .to_owned();
    wait_until_kept(&page, &at(&format!("/{index}")));
    for slug in [PRICED, PICTURED] {
        page.goto(&at(&format!("/id/products/{slug}/")));
        wait_until_kept(&page, &at(&format!("/id/products/{slug}/")));
    }
    page.wait_until("Array.from(document.images).every((i) => i.complete && i.naturalWidth > 0)");
    let photos = page.eval(
        "Array.from(document.images).map((i) => i.currentSrc).filter((s) => s.includes('/media/'))",
    );
    let photos: Vec<String> = serde_json::from_value(photos).expect("photo addresses");
    assert!(!photos.is_empty(), "{PICTURED} shows a photo");
    for photo in &photos {
        wait_until_kept(&page, photo);
    }

    // The signal is lost: the server answers nothing, and DevTools takes the tab offline.
    host.set_cut(true);
    page.set_offline(true);
    assert_eq!(page.eval("navigator.onLine"), false);

    open_kept(&page, &at("/id/"));
    open_kept(&page, &at("/id/products/"));
    // The search runs on the kept index.
    let pictured = model
        .products
        .iter()
        .find(|p| p.slug == PICTURED)
        .expect("the pictured product");
    let query = words(&pictured.name["id"])
        .into_iter()
        .max_by_key(String::len)
        .expect("a word");
    let mut want: Vec<String> = model
        .search(&query, "id")
        .into_iter()
        .map(|(p, _)| p.name["id"].clone())
        .collect();
    want.sort();
    assert!(!want.is_empty());
    page.wait_for(
        "search.js to show the filter form",
        |p| p.is_visible("#product-filter"),
        |shown| *shown,
    );
    page.type_into("#product-filter input[type=search][name=q]", &query);
    page.wait_for(
        &format!("the results {want:?} for {query:?}"),
        |p| {
            let mut cards = p.visible_cards();
            cards.sort();
            cards
        },
        |cards| *cards == want,
    );
    open_kept(&page, &at(&format!("/id/products/{PICTURED}/")));
    page.wait_until("Array.from(document.images).every((i) => i.complete)");
    for photo in &photos {
        assert_eq!(
            page.eval(&format!(
                "Array.from(document.images).some((i) => i.currentSrc === {} && i.naturalWidth > 0)",
                js_string(photo)
            )),
            true,
            "{photo} is shown offline"
        );
    }

    // Pages never opened: the offline page, in the language of their address.
    for lang in LANGUAGES {
        let url = at(&format!("/{lang}/tags/"));
        page.goto(&url);
        assert_eq!(page.eval("!!document.getElementById('offline')"), true);
        assert_eq!(page.eval("document.documentElement.lang"), lang);
        assert_eq!(page.location(), url);
    }

    // A new build with a new price; then the signal comes back.
    let old_version = version(&Site::at(&site));
    catalogue.replace(
        &format!("content/products/{PRICED}/product.yaml"),
        "amount: 35000",
        "amount: 36500",
    );
    rebuild(&catalogue, &site);
    let new_version = version(&Site::at(&site));
    let built = Site::at(&site).text(&format!("id/products/{PRICED}/index.html"));
    assert!(built.contains("36.500") && !built.contains("35.000"));
    host.set_cut(false);
    page.set_offline(false);

    page.goto(&at(&format!("/id/products/{PRICED}/")));
    let main = page.eval("document.querySelector('main').innerText");
    let main = main.as_str().unwrap_or_default();
    assert!(main.contains("36.500"), "the new price is shown: {main}");
    assert!(!main.contains("35.000"), "the old price is gone: {main}");
    // The browser fetched the new worker, which dropped the old build's precache.
    wait_for_caches(&page, &new_version, &old_version);
}

/// Waits until the caches hold build `new`'s precache and no longer `old`'s.
fn wait_for_caches(page: &Page, new: &str, old: &str) {
    let started = Instant::now();
    loop {
        let names: Vec<String> =
            serde_json::from_value(page.eval("caches.keys()")).expect("cache names");
        let has = |v: &str| names.iter().any(|n| n.ends_with(&format!("static {v}")));
        if has(new) && !has(old) {
            return;
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "the worker of build {new} did not replace {old}'s: caches {names:?}"
        );
        thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn opened_from_disk_nothing_registers_and_the_page_works() {
    let Some(h) = harness() else { return };
    let site = basic();
    let url = format!("file://{}", site.file("id/").display());
    let page = h.fresh_profile();
    page.goto(&url);
    assert_eq!(
        page.eval(
            "navigator.serviceWorker ? navigator.serviceWorker.getRegistrations()\
             .then((r) => r.length, () => 0) : 0"
        ),
        0
    );
    assert!(!page.visible_cards().is_empty());
}

#[test]
fn a_worker_of_the_catalogues_own_replaces_the_generated_one() {
    let catalogue = Catalogue::copy("basic");
    let own = "self.addEventListener(\"activate\", () => self.registration.unregister());\n";
    catalogue.write("static/sw.js", own);
    assert_eq!(catalogue.build().text(WORKER), own);
}
