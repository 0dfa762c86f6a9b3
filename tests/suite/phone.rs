//! The reader on a phone (issue 19), in headless Chromium at a phone's size (390 × 844 CSS
//! pixels, three device pixels each, touch): nothing shifts while the products page loads,
//! logos keep their shape, and the brochure is a readable list on the screen while paper keeps
//! its A4 sheets.

use serde_json::Value;

use crate::common::browser::{harness, Page};
use crate::common::repo_root;

/// The phone the issue was measured on.
const PHONE: (u32, u32) = (390, 844);
/// Google's threshold for a "good" cumulative layout shift is 0.1; the issue asks for 0.02.
const MOST_SHIFT: f64 = 0.02;
/// A4's width in CSS pixels (210 mm at 96 px to the inch).
const A4_WIDTH_PX: f64 = 210.0 / 25.4 * 96.0;

/// Opens `path` in a new tab the size of a phone on a slow mobile connection, and waits for
/// the load.
fn open_on_phone(path: &str) -> Option<Page> {
    // A browser context of its own: the site's offline worker is shared by the tabs of a
    // context, and a worker that took this tab's slow connection would slow the other tests.
    let page = harness()?.fresh_profile();
    page.emulate_device(PHONE.0, PHONE.1, true);
    page.emulate_slow_network();
    page.goto(path);
    Some(page)
}

/// The layout shift the page has had so far, as the Layout Instability API counts it for
/// Lighthouse's CLS (shifts right after the reader's own input left out): every entry is
/// buffered, so the observer sees the ones from before it was made.
fn layout_shift(page: &Page) -> f64 {
    let total = page.eval(
        "new Promise(done => {
           let seen = [];
           new PerformanceObserver(list => { seen.push(...list.getEntries()); })
             .observe({ type: 'layout-shift', buffered: true });
           // Buffered entries arrive in the observer's first callback, before this timer.
           setTimeout(() => done(seen.filter(e => !e.hadRecentInput)
             .reduce((sum, e) => sum + e.value, 0)), 300);
         })",
    );
    total.as_f64().expect("a number")
}

/// Waits until every image the page has started loading has loaded (or failed), and until the
/// fonts are ready: the moments where a page that reserves no room for them would shift.
fn wait_for_images(page: &Page) {
    page.wait_until(
        "document.fonts.status === 'loaded' && [...document.images]
           .filter(img => img.checkVisibility() && img.getBoundingClientRect().top < innerHeight)
           .every(img => img.complete)",
    );
}

#[test]
fn the_products_page_does_not_shift_while_it_loads_or_searches() {
    for path in [
        "/id/products/",
        "/en/products/?q=batik",
        "/en/products/?category=batik&availability=siap",
    ] {
        let Some(page) = open_on_phone(path) else {
            return;
        };
        // The filter form is shown by the script once it has read the URL, and a query's
        // results replace the list: the moments the page used to jump.
        page.wait_until("!document.getElementById('product-filter').hidden");
        if path.contains('?') {
            page.wait_until("!document.getElementById('search-results').hidden");
        }
        wait_for_images(&page);
        let shift = layout_shift(&page);
        assert!(
            shift < MOST_SHIFT,
            "{path}: layout shift {shift:.3} on a phone (at most {MOST_SHIFT})"
        );
        // The measure itself: a banner pushed in above the list is a shift it sees.
        page.eval(
            "new Promise(done => {
               const banner = document.createElement('div');
               banner.style.height = '200px';
               document.querySelector('main').prepend(banner);
               requestAnimationFrame(() => requestAnimationFrame(done));
             })",
        );
        let pushed = layout_shift(&page);
        assert!(pushed > shift + MOST_SHIFT, "{path}: {shift} then {pushed}");
    }
}

/// Each logo's rendered box and the image's own shape, as `[box width, box height, natural
/// width, natural height, object-fit]`.
fn logo_boxes(page: &Page, selector: &str) -> Vec<Value> {
    let boxes = page.eval(&format!(
        "[...document.querySelectorAll({selector:?})].map(img => {{
           const r = img.getBoundingClientRect();
           return [r.width, r.height, img.naturalWidth, img.naturalHeight,
                   getComputedStyle(img).objectFit];
         }})"
    ));
    boxes.as_array().cloned().unwrap_or_default()
}

#[test]
fn logos_keep_their_shape_on_a_phone() {
    let Some(harness) = harness() else {
        return;
    };
    // The first producer with a logo, and one of its products.
    let loaded =
        etalase::load_with(repo_root(), etalase::Purpose::Build).expect("the sample loads");
    let producer = loaded
        .catalogue
        .producers
        .iter()
        .find(|p| p.logo.is_some())
        .map(|p| p.slug.clone())
        .expect("the sample has a producer with a logo");
    let product = harness
        .model
        .products
        .iter()
        .find(|p| p.producer_slug == producer)
        .expect("that producer has a product");
    let pages = [
        (format!("/id/producers/{producer}/"), ".producer-header img"),
        (
            format!("/en/products/{}/", product.slug),
            ".producer-card img",
        ),
    ];
    for (path, selector) in pages {
        let page = open_on_phone(&path).expect("the harness runs");
        // The producer card is further down the product page: its logo loads when near.
        page.wait_until(&format!(
            "[...document.querySelectorAll({selector:?})].every(img => {{
               img.scrollIntoView();
               return img.complete && img.naturalWidth > 0;
             }})"
        ));
        let boxes = logo_boxes(&page, selector);
        assert!(!boxes.is_empty(), "{path}: no logo {selector}");
        for logo in boxes {
            let number = |i: usize| logo[i].as_f64().expect("a number");
            let (width, height) = (number(0), number(1));
            let (natural_width, natural_height) = (number(2), number(3));
            assert!(width >= 40.0, "{path}: the logo is {width} px wide");
            // Shown at its own shape, or cropped to the box (object-fit: cover), never
            // stretched or squeezed: Lighthouse's "image aspect ratio" audit.
            let stretched = ((width / height) - (natural_width / natural_height)).abs() > 0.02;
            assert!(
                !stretched || logo[4] == "cover",
                "{path}: a {natural_width}×{natural_height} logo shown {width}×{height}"
            );
            // The round frame stays round: the box is square.
            assert!(
                (width - height).abs() < 1.0,
                "{path}: the logo's box is {width}×{height}"
            );
        }
    }
}

#[test]
fn the_brochure_reads_on_a_phone_and_prints_on_a4() {
    let Some(page) = open_on_phone("/en/brochure/") else {
        return;
    };
    let fits = |page: &Page| {
        page.eval(
            "({ page: document.documentElement.scrollWidth,
                widest: Math.max(...[...document.querySelectorAll('.print-card')]
                  .map(c => c.getBoundingClientRect().right)),
                text: parseFloat(getComputedStyle(document.querySelector('.print-fact, .print-producer')).fontSize),
                sheet: document.querySelector('.sheet:not(.cover)').getBoundingClientRect().width })",
        )
    };
    let screen = fits(&page);
    let viewport = f64::from(PHONE.0);
    // Nothing wider than the phone, so nothing needs zooming out to be seen.
    assert!(screen["page"].as_f64().unwrap() <= viewport, "{screen}");
    assert!(screen["widest"].as_f64().unwrap() <= viewport, "{screen}");
    // Lighthouse counts text under 12 px as illegible.
    assert!(screen["text"].as_f64().unwrap() >= 12.0, "{screen}");

    // Paper keeps the A4 sheets.
    page.emulate_media(Some("print"));
    let paper = fits(&page);
    let sheet = paper["sheet"].as_f64().unwrap();
    assert!((sheet - A4_WIDTH_PX).abs() < 2.0, "{paper}");
}
