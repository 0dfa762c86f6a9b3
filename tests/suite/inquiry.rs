//! The inquiry list (issue 17): the built page and its product file (HTML and JSON parsed
//! here), and the list in headless Chromium on the built sample (see `common/browser.rs`):
//! adding with quantities, the list page's groups and totals, the WhatsApp messages, the share
//! link, printing and the page without JavaScript. Expectations come from the model the library
//! loads; the message wording below is the specification the labels must keep.
//!
//! Browser tests each run in a fresh browser context, so their lists do not mix.

use std::collections::BTreeMap;

use percent_encoding::percent_decode_str;
use serde_json::{json, Value};

use crate::common::browser::{harness, js_string, Model, Page, ProductFacts};
use crate::common::*;
use etalase::fields::{format_rupiah, format_rupiah_range};

/// Where etalase.js keeps the list of a site served at the root of its host.
const STORAGE_KEY: &str = "etalase-list:/";

// ---------------------------------------------------------------- the wording

/// The list's sentences in one language, as buyers and producers read them.
struct Words {
    below_min: &'static str,
    price_on_request: &'static str,
    plus_on_request: &'static str,
    message_producer: &'static str,
    message_all: &'static str,
    message_link: &'static str,
    dropped: &'static str,
}

fn words(lang: &str) -> Words {
    if lang == "id" {
        Words {
            below_min: "Pesanan minimum {n} {unit}.",
            price_on_request: "Harga atas permintaan",
            plus_on_request: "+ {n} dengan harga atas permintaan",
            message_producer: "Halo {to}, saya ingin memesan produk {producer} berikut:",
            message_all: "Halo {to}, saya ingin memesan produk berikut dari beberapa produsen:",
            message_link: "Daftar lengkap: {link}",
            dropped: "Produk yang tidak ada lagi di katalog dilewati dari tautan ini: {n}.",
        }
    } else {
        Words {
            below_min: "The minimum order is {n} {unit}.",
            price_on_request: "Price on request",
            plus_on_request: "+ {n} with price on request",
            message_producer: "Hello {to}, I would like to order these products from {producer}:",
            message_all: "Hello {to}, I would like to order these products from several producers:",
            message_link: "Full list: {link}",
            dropped: "Products no longer in the catalogue were left out of this link: {n}.",
        }
    }
}

fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(template.to_owned(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), value)
        })
}

// ---------------------------------------------------------------- the model's expectations

/// A product of the list with its quantity.
type Line<'m> = (&'m ProductFacts, u32);

fn min_order(p: &ProductFacts) -> u32 {
    p.min_order.unwrap_or(1).max(1)
}

fn unit(p: &ProductFacts, lang: &str) -> String {
    p.unit.as_ref().map(|u| u[lang].clone()).unwrap_or_default()
}

/// The unit after a count of `n`: plural in English unless `n` is 1.
fn unit_after(p: &ProductFacts, lang: &str, n: u32) -> String {
    match (n, &p.units) {
        (1, _) | (_, None) => unit(p, lang),
        (_, Some(units)) => units[lang].clone(),
    }
}

/// The unit after other counts than one, where it differs from the unit (`pieces`).
fn units(p: &ProductFacts, lang: &str) -> Option<String> {
    Some(unit_after(p, lang, 2)).filter(|many| *many != unit(p, lang))
}

/// `10 pak`, `10 pieces`, or `10` for a product without a unit.
fn quantity(line: &Line, lang: &str) -> String {
    let unit = unit_after(line.0, lang, line.1);
    if unit.is_empty() {
        line.1.to_string()
    } else {
        format!("{} {unit}", line.1)
    }
}

/// The estimated total of `lines` as the list page prints it.
fn total_text(lines: &[Line], lang: &str) -> String {
    let w = words(lang);
    let priced: Vec<(u64, u64)> = lines
        .iter()
        .filter_map(|(p, q)| {
            p.price
                .map(|(lo, hi)| (lo * u64::from(*q), hi * u64::from(*q)))
        })
        .collect();
    let unpriced = lines.len() - priced.len();
    let low: u64 = priced.iter().map(|r| r.0).sum();
    let high: u64 = priced.iter().map(|r| r.1).sum();
    let sum = if low == high {
        format_rupiah(low, lang)
    } else {
        format_rupiah_range(low, high, lang)
    };
    match (priced.is_empty(), unpriced) {
        (false, 0) => sum,
        (false, n) => format!(
            "{sum} {}",
            fill(w.plus_on_request, &[("n", &n.to_string())])
        ),
        (true, _) => w.price_on_request.to_owned(),
    }
}

/// The share link's fragment: `l=slug.qty~slug.qty`, in list order.
fn fragment(lines: &[Line]) -> String {
    let items: Vec<String> = lines
        .iter()
        .map(|(p, q)| format!("{}.{q}", p.slug))
        .collect();
    format!("l={}", items.join("~"))
}

fn share_link(model: &Model, lang: &str, lines: &[Line]) -> String {
    format!("{}/{lang}/inquiry/#{}", model.base_url, fragment(lines))
}

/// The lines grouped by producer, producers in the order the list first names them.
fn grouped<'m>(lines: &[Line<'m>]) -> Vec<(&'m ProductFacts, Vec<Line<'m>>)> {
    let mut groups: Vec<(&ProductFacts, Vec<Line>)> = Vec::new();
    for line in lines {
        match groups
            .iter_mut()
            .find(|(first, _)| first.producer_slug == line.0.producer_slug)
        {
            Some((_, members)) => members.push(*line),
            None => groups.push((line.0, vec![*line])),
        }
    }
    groups
}

fn item_lines(model: &Model, lang: &str, lines: &[Line]) -> Vec<String> {
    lines
        .iter()
        .flat_map(|line| {
            [
                format!("- {}: {}", line.0.name[lang], quantity(line, lang)),
                format!("  {}/{lang}/products/{}/", model.base_url, line.0.slug),
            ]
        })
        .collect()
}

/// The WhatsApp number and message of one producer's group.
fn producer_message(model: &Model, lang: &str, all: &[Line], group: &[Line]) -> (String, String) {
    let w = words(lang);
    let first = group[0].0;
    let (number, to) = match &first.producer_whatsapp {
        Some(number) => (number.clone(), first.producer_name.clone()),
        None => (
            model
                .publisher_whatsapp
                .clone()
                .expect("the sample's publisher has WhatsApp"),
            model.publisher_name.clone(),
        ),
    };
    let mut text = vec![fill(
        w.message_producer,
        &[("to", &to), ("producer", &first.producer_name)],
    )];
    text.extend(item_lines(model, lang, group));
    text.push(String::new());
    text.push(fill(
        w.message_link,
        &[("link", &share_link(model, lang, all))],
    ));
    (number, text.join("\n"))
}

fn publisher_message(model: &Model, lang: &str, all: &[Line]) -> (String, String) {
    let w = words(lang);
    let mut text = vec![fill(w.message_all, &[("to", &model.publisher_name)])];
    for (first, group) in grouped(all) {
        text.push(String::new());
        text.push(format!("*{}*", first.producer_name));
        text.extend(item_lines(model, lang, &group));
    }
    text.push(String::new());
    text.push(fill(
        w.message_link,
        &[("link", &share_link(model, lang, all))],
    ));
    (
        model
            .publisher_whatsapp
            .clone()
            .expect("publisher WhatsApp"),
        text.join("\n"),
    )
}

/// Three products with a minimum order above 1: two of one producer, one of another
/// (preferably one without WhatsApp, whose message goes to the publisher).
fn three_products(model: &Model) -> [&ProductFacts; 3] {
    let ordered: Vec<&ProductFacts> = model
        .products
        .iter()
        .filter(|p| min_order(p) > 1 && p.unit.is_some())
        .collect();
    let count = |slug: &str| ordered.iter().filter(|p| p.producer_slug == slug).count();
    let first = ordered
        .iter()
        .find(|p| count(&p.producer_slug) >= 2 && p.producer_whatsapp.is_some())
        .expect("a producer with two products that have a minimum order");
    let second = ordered
        .iter()
        .filter(|p| p.producer_slug == first.producer_slug)
        .nth(1)
        .expect("a second product");
    let others = ordered
        .iter()
        .filter(|p| p.producer_slug != first.producer_slug);
    let third = others
        .clone()
        .find(|p| p.producer_whatsapp.is_none())
        .or_else(|| others.clone().next())
        .expect("a product of another producer");
    [first, second, third]
}

/// A list for the list page: the three products, plus one with a price range and one with
/// no price when the catalogue has them, so every kind of total shows.
fn richer_list(model: &Model) -> Vec<Line<'_>> {
    let [a, b, c] = three_products(model);
    let mut lines = vec![
        (a, min_order(a) + 3),
        (b, min_order(b)),
        (c, min_order(c) + 1),
    ];
    let taken = |p: &ProductFacts, lines: &[Line]| lines.iter().any(|(q, _)| q.slug == p.slug);
    if let Some(range) = model
        .products
        .iter()
        .find(|p| p.price.is_some_and(|(lo, hi)| lo < hi) && !taken(p, &lines))
    {
        lines.push((range, min_order(range) + 1));
    }
    if let Some(unpriced) = model
        .products
        .iter()
        .find(|p| p.price.is_none() && !taken(p, &lines))
    {
        lines.push((unpriced, min_order(unpriced)));
    }
    lines
}

// ---------------------------------------------------------------- the built files

fn sample_model() -> Model {
    Model::load(&fixture_path("basic"))
}

#[test]
fn the_inquiry_page_is_in_neither_the_sitemap_nor_the_feeds() {
    let site = basic();
    for lang in LANGUAGES {
        assert!(site.exists(&format!("{lang}/inquiry/index.html")));
        let feed = site.text(&format!("{lang}/atom.xml"));
        assert!(
            !feed.contains("/inquiry/"),
            "{lang}/atom.xml names the list"
        );
    }
    let sitemap = site.text("sitemap.xml");
    let document = roxmltree::Document::parse(&sitemap).expect("sitemap.xml parses");
    let addresses: Vec<&str> = document
        .descendants()
        .filter_map(|n| {
            n.attribute("href")
                .or_else(|| n.has_tag_name("loc").then(|| n.text().unwrap_or("")))
        })
        .collect();
    assert!(addresses.len() > 10, "the sitemap lists pages");
    assert!(
        addresses.iter().all(|a| !a.contains("/inquiry/")),
        "the sitemap names the inquiry list"
    );
}

#[test]
fn the_items_file_holds_every_product_as_the_model_says() {
    let site = basic();
    let model = sample_model();
    for lang in LANGUAGES {
        let page = site.html(&format!("{lang}/inquiry/index.html"));
        let settings: Value = serde_json::from_str(
            &page
                .select(&selector("script#list-settings"))
                .next()
                .expect("the list's settings")
                .inner_html(),
        )
        .expect("the settings are JSON");
        let url = settings["items"]
            .as_str()
            .expect("the items file's address");
        let path = url.split('?').next().unwrap();
        assert_eq!(path, format!("{lang}/inquiry/items.json"));
        let items: Value = serde_json::from_str(&site.text(path)).expect("items.json parses");
        let producers = items["producers"].as_array().expect("producers");
        let products = items["products"].as_array().expect("products");
        assert_eq!(products.len(), model.products.len());
        for (entry, facts) in products.iter().zip(&model.products) {
            assert_eq!(entry["s"], facts.slug.as_str());
            assert_eq!(
                entry["n"],
                facts.name[lang].as_str(),
                "{}: name in {lang}",
                facts.slug
            );
            assert_eq!(
                entry["u"].as_str().unwrap_or(""),
                unit(facts, lang),
                "{}: unit",
                facts.slug
            );
            assert_eq!(
                entry["us"].as_str().map(str::to_owned),
                units(facts, lang),
                "{}: the unit after other counts",
                facts.slug
            );
            assert_eq!(
                entry["m"].as_u64().unwrap_or(1),
                u64::from(min_order(facts))
            );
            let price = facts.price.map(|(lo, hi)| json!([lo, hi]));
            assert_eq!(entry.get("r").cloned(), price, "{}: price", facts.slug);
            let producer = &producers[entry["p"].as_u64().unwrap() as usize];
            let whatsapp = facts.producer_whatsapp.clone().unwrap_or_default();
            assert_eq!(
                producer,
                &json!([facts.producer_slug, facts.producer_name, whatsapp]),
                "{}: producer",
                facts.slug
            );
        }
        assert_eq!(settings["base"], model.base_url.as_str());
        assert_eq!(settings["publisher"], model.publisher_name.as_str());
    }
}

#[test]
fn add_controls_are_hidden_until_the_script_builds_them() {
    let site = basic();
    let model = sample_model();
    for lang in LANGUAGES {
        for file in [
            format!("{lang}/products/index.html"),
            format!("{lang}/index.html"),
        ] {
            let page = site.html(&file);
            let badge = page
                .select(&selector("[data-list-badge]"))
                .next()
                .expect("a list badge");
            assert!(
                badge.value().attr("hidden").is_some(),
                "{file}: the badge shows without JS"
            );
        }
        for facts in &model.products {
            let file = format!("{lang}/products/{}/index.html", facts.slug);
            let page = site.html(&file);
            let boxes: Vec<_> = page.select(&selector("[data-list-add]")).collect();
            assert_eq!(boxes.len(), 1, "{file}: one add control");
            let add = boxes[0].value();
            assert!(
                add.attr("hidden").is_some(),
                "{file}: the add control shows without JS"
            );
            assert_eq!(add.attr("data-list-add"), Some(facts.slug.as_str()));
            assert_eq!(
                add.attr("data-min"),
                Some(min_order(facts).to_string().as_str())
            );
            assert_eq!(add.attr("data-unit").unwrap_or(""), unit(facts, lang));
            assert_eq!(
                add.attr("data-units").map(str::to_owned),
                units(facts, lang)
            );
        }
    }
}

#[test]
fn a_share_link_of_sixty_products_fits_in_2000_characters() {
    let model = Model::load(repo_root());
    let link = sixty_product_link(&model);
    assert!(link.len() <= 2000, "{} characters: {link}", link.len());
}

/// The share link of 60 products whose slugs are as long as the sample's longest.
fn sixty_product_link(model: &Model) -> String {
    // The sample's slugs, longest first, each made unique and as long as the one it copies,
    // with three-digit quantities: 60 products.
    let mut slugs: Vec<&str> = model.products.iter().map(|p| p.slug.as_str()).collect();
    slugs.sort_by_key(|s| std::cmp::Reverse(s.len()));
    let synthetic: Vec<ProductFacts> = (0..60)
        .map(|i| {
            let model_slug = slugs[i % slugs.len()];
            let mut slug = format!("{}{i:02}", &model_slug[..model_slug.len() - 2]);
            slug.truncate(model_slug.len());
            let mut p = product_like(&model.products[0]);
            p.slug = slug;
            p
        })
        .collect();
    let lines: Vec<Line> = synthetic.iter().map(|p| (p, 999)).collect();
    share_link(model, "id", &lines)
}

fn product_like(p: &ProductFacts) -> ProductFacts {
    ProductFacts {
        slug: p.slug.clone(),
        name: p.name.clone(),
        producer_slug: p.producer_slug.clone(),
        producer_name: p.producer_name.clone(),
        category: p.category.clone(),
        tags: Vec::new(),
        certifications: Vec::new(),
        curation: p.curation.clone(),
        availability: None,
        price: p.price,
        featured: false,
        description: BTreeMap::new(),
        unit: p.unit.clone(),
        units: p.units.clone(),
        min_order: p.min_order,
        producer_whatsapp: p.producer_whatsapp.clone(),
    }
}

// ---------------------------------------------------------------- in the browser: helpers

fn stored(page: &Page) -> Value {
    let text = page.eval(&format!("localStorage.getItem({})", js_string(STORAGE_KEY)));
    text.as_str()
        .map(|t| serde_json::from_str(t).expect("the stored list is JSON"))
        .unwrap_or(Value::Null)
}

fn as_json(lines: &[Line]) -> Value {
    Value::Array(lines.iter().map(|(p, q)| json!([p.slug, q])).collect())
}

/// Puts `lines` in the browser's list, as etalase.js keeps it.
fn seed(page: &Page, lines: &[Line]) {
    page.goto("/id/");
    page.eval(&format!(
        "localStorage.setItem({}, {})",
        js_string(STORAGE_KEY),
        js_string(&as_json(lines).to_string())
    ));
}

fn badge_count(page: &Page) -> String {
    let count =
        page.eval("document.querySelector('[data-list-badge] .list-badge-count').textContent");
    count.as_str().unwrap_or_default().to_owned()
}

fn product_control(slug: &str) -> String {
    format!("[data-list-add=\"{slug}\"]")
}

/// Opens a product page and waits for its add control.
fn open_product(page: &Page, lang: &str, slug: &str) {
    page.goto(&format!("/{lang}/products/{slug}/"));
    let control = product_control(slug);
    page.wait_until(&format!(
        "!!document.querySelector({}) && document.querySelector({}).checkVisibility()",
        js_string(&format!("{control} .list-add-button")),
        js_string(&format!("{control} .list-add-button"))
    ));
}

fn set_quantity(page: &Page, slug: &str, value: u32) {
    let input = format!("{} input", product_control(slug));
    page.clear(&input);
    page.type_into(&input, &value.to_string());
}

fn note(page: &Page, slug: &str) -> String {
    let text = page.eval(&format!(
        "document.querySelector({}).textContent",
        js_string(&format!("{} .list-note", product_control(slug)))
    ));
    text.as_str().unwrap_or_default().to_owned()
}

/// Opens the list page and waits until the script has shown it.
fn open_list(page: &Page, path: &str) {
    page.goto(path);
    // Hidden, the list keeps its place (visibility: hidden), so wait for the attribute to go.
    page.wait_until("!document.querySelector('#inquiry').hidden");
}

/// What the list page shows: per producer its name, its items (slug, name, quantity, unit,
/// total), the subtotal and the send link.
fn shown_groups(page: &Page) -> Value {
    page.eval(
        r##"Array.from(document.querySelectorAll("#list-groups .list-group")).map((g) => ({
            producer: g.querySelector("h2").textContent.trim(),
            items: Array.from(g.querySelectorAll(".list-item")).map((i) => ({
                slug: i.getAttribute("data-slug"),
                name: i.querySelector(".list-item-name").textContent.trim(),
                quantity: i.querySelector("input").value,
                unit: (i.querySelector(".stepper .unit") || { textContent: "" }).textContent,
                total: i.querySelector(".list-item-total").textContent.trim(),
            })),
            subtotal: g.querySelector(".list-subtotal strong").textContent.trim(),
            send: (g.querySelector("a.list-send") || { href: null }).href,
        }))"##,
    )
}

fn expected_groups(model: &Model, lang: &str, lines: &[Line]) -> Value {
    let groups: Vec<Value> = grouped(lines)
        .into_iter()
        .map(|(first, group)| {
            let items: Vec<Value> = group
                .iter()
                .map(|line| {
                    json!({
                        "slug": line.0.slug,
                        "name": line.0.name[lang],
                        "quantity": line.1.to_string(),
                        "unit": unit_after(line.0, lang, line.1),
                        "total": total_text(&[*line], lang),
                    })
                })
                .collect();
            let (number, text) = producer_message(model, lang, lines, &group);
            json!({
                "producer": first.producer_name,
                "items": items,
                "subtotal": total_text(&group, lang),
                "send": wa_url(&number, &text),
            })
        })
        .collect();
    Value::Array(groups)
}

/// A wa.me link as the browser reports its `href`: the text percent-encoded as
/// `encodeURIComponent` does.
fn wa_url(number: &str, text: &str) -> String {
    const COMPONENT: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'_')
        .remove(b'.')
        .remove(b'!')
        .remove(b'~')
        .remove(b'*')
        .remove(b'\'')
        .remove(b'(')
        .remove(b')');
    format!(
        "https://wa.me/{number}?text={}",
        percent_encoding::utf8_percent_encode(text, COMPONENT)
    )
}

/// The number and the decoded message of a wa.me link.
fn decode_whatsapp(url: &str) -> (String, String) {
    let rest = url
        .strip_prefix("https://wa.me/")
        .unwrap_or_else(|| panic!("not wa.me: {url}"));
    let (number, query) = rest.split_once("?text=").expect("a text");
    let text = percent_decode_str(query)
        .decode_utf8()
        .expect("UTF-8")
        .into_owned();
    (number.to_owned(), text)
}

/// How many bytes a QR code of each version (1 to 40) holds at error correction level L, in
/// byte mode (ISO/IEC 18004, table 7).
const BYTE_CAPACITY_L: [usize; 40] = [
    17, 32, 53, 78, 106, 134, 154, 192, 230, 271, 321, 367, 425, 458, 520, 586, 644, 718, 792, 858,
    929, 1003, 1091, 1171, 1273, 1367, 1465, 1528, 1628, 1732, 1840, 1952, 2068, 2188, 2303, 2431,
    2563, 2699, 2809, 2953,
];

/// The side (in modules, with the quiet zone) and the path of qr.js's code for `text`.
fn qr_path(page: &Page, text: &str) -> (usize, String) {
    let svg = page.eval(&format!("window.etalaseQr({})", js_string(text)));
    let svg = svg.as_str().expect("SVG markup").to_owned();
    let after = |marker: &str| -> String {
        let rest = svg.split(marker).nth(1).expect("the marker");
        rest.split('"').next().unwrap().to_owned()
    };
    let view_box = after("viewBox=\"");
    let side = view_box.split(' ').nth(2).unwrap().parse().unwrap();
    (side, after(" d=\""))
}

/// Reads the QR code drawn by qr.js: its path is one `M{x} {y}h{run}v1h-{run}z` per run of
/// dark modules, in module units with a four-module quiet zone. Drawn at 4 px a module and
/// decoded with rqrr.
fn decode_qr(path: &str) -> String {
    let runs: Vec<(usize, usize, usize)> = path
        .split('M')
        .filter(|part| !part.is_empty())
        .map(|part| {
            let numbers: Vec<usize> = part
                .split(|c: char| !c.is_ascii_digit())
                .filter(|n| !n.is_empty())
                .map(|n| n.parse().unwrap())
                .collect();
            (numbers[0], numbers[1], numbers[2])
        })
        .collect();
    let side = runs
        .iter()
        .map(|(x, y, run)| (x + run).max(y + 1))
        .max()
        .unwrap()
        + 4;
    const SCALE: usize = 4;
    let mut dark = vec![false; side * side];
    for (x, y, run) in runs {
        for dx in 0..run {
            dark[y * side + x + dx] = true;
        }
    }
    let pixels = side * SCALE;
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(pixels, pixels, |x, y| {
        if dark[(y / SCALE) * side + x / SCALE] {
            0
        } else {
            255
        }
    });
    let grids = image.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code");
    grids[0].decode().expect("the QR code decodes").1
}

fn text_of(page: &Page, selector: &str) -> String {
    page.eval(&format!(
        "(document.querySelector({}) || {{ textContent: '' }}).textContent.trim()",
        js_string(selector)
    ))
    .as_str()
    .unwrap_or_default()
    .to_owned()
}

// ---------------------------------------------------------------- in the browser: tests

#[test]
fn adding_products_refuses_less_than_the_minimum_and_survives_a_reload() {
    let Some(h) = harness() else { return };
    let [a, b, c] = three_products(&h.model);
    let page = h.fresh_profile();
    let lang = "id";

    open_product(&page, lang, &a.slug);
    assert_eq!(
        page.value(&format!("{} input", product_control(&a.slug))),
        min_order(a).to_string(),
        "starts at the minimum order"
    );
    set_quantity(&page, &a.slug, min_order(a) + 3);
    page.click(&format!("{} .list-add-button", product_control(&a.slug)));
    page.wait_for("the badge to count 1", badge_count, |n| n == "1");

    open_product(&page, lang, &b.slug);
    set_quantity(&page, &b.slug, min_order(b) - 1);
    page.click(&format!("{} .list-add-button", product_control(&b.slug)));
    let refusal = fill(
        words(lang).below_min,
        &[
            ("n", &min_order(b).to_string()),
            ("unit", &unit_after(b, lang, min_order(b))),
        ],
    );
    page.wait_for(
        "the reason of the refusal",
        |p| note(p, &b.slug),
        |n| *n == refusal,
    );
    assert_eq!(
        badge_count(&page),
        "1",
        "a quantity below the minimum is not added"
    );
    // The stepper refuses to go below the minimum too.
    set_quantity(&page, &b.slug, min_order(b));
    page.click(&format!("{} .step:first-child", product_control(&b.slug)));
    assert_eq!(note(&page, &b.slug), refusal);
    assert_eq!(
        page.value(&format!("{} input", product_control(&b.slug))),
        min_order(b).to_string()
    );
    page.click(&format!("{} .list-add-button", product_control(&b.slug)));
    page.wait_for("the badge to count 2", badge_count, |n| n == "2");

    // The third product from a card of the products page, one step above its minimum.
    page.goto(&format!("/{lang}/products/"));
    let card = product_control(&c.slug);
    page.wait_until(&format!(
        "document.querySelector({}).checkVisibility()",
        js_string(&card)
    ));
    page.click(&format!("{card} .step:nth-child(3)"));
    page.click(&format!("{card} .list-add-button"));
    page.wait_for("the badge to count 3", badge_count, |n| n == "3");

    let expected = as_json(&[
        (a, min_order(a) + 3),
        (b, min_order(b)),
        (c, min_order(c) + 1),
    ]);
    assert_eq!(stored(&page), expected);
    page.reload();
    page.wait_for("the badge after a reload", badge_count, |n| n == "3");
    assert_eq!(stored(&page), expected, "the list survives a reload");
    assert_eq!(
        page.value(&format!("{card} input")),
        (min_order(c) + 1).to_string()
    );
}

#[test]
fn the_list_page_groups_by_producer_with_quantities_and_totals() {
    let Some(h) = harness() else { return };
    let lines = richer_list(&h.model);
    let page = h.fresh_profile();
    seed(&page, &lines);
    // Built on /id/, read on /en/ too: names and units follow the page.
    for lang in &h.model.languages {
        open_list(&page, &format!("/{lang}/inquiry/"));
        assert_eq!(
            shown_groups(&page),
            expected_groups(&h.model, lang, &lines),
            "/{lang}/inquiry/"
        );
        assert_eq!(text_of(&page, "#list-total"), total_text(&lines, lang));
        assert_eq!(badge_count(&page), lines.len().to_string());
    }

    // Changing a quantity (below the minimum is refused), removing, clearing and undoing.
    let (first, qty) = lines[0];
    let input = format!(".list-item[data-slug=\"{}\"] input", first.slug);
    page.clear(&input);
    page.type_into(&input, &(qty + 2).to_string());
    page.eval(&format!(
        "document.querySelector({}).dispatchEvent(new Event('change'))",
        js_string(&input)
    ));
    let mut changed = lines.clone();
    changed[0].1 = qty + 2;
    page.wait_for("the new quantity to be stored", stored, |s| {
        *s == as_json(&changed)
    });
    let lang = h.model.languages.last().unwrap();
    assert_eq!(text_of(&page, "#list-total"), total_text(&changed, lang));

    let removed = lines[1].0;
    page.click(&format!(
        ".list-item[data-slug=\"{}\"] .list-remove",
        removed.slug
    ));
    changed.remove(1);
    page.wait_for("the item to be removed", stored, |s| {
        *s == as_json(&changed)
    });

    page.click("#list-clear");
    page.wait_for("the list to be cleared", stored, |s| *s == json!([]));
    assert!(page.is_visible("#list-empty"));
    page.click("#list-status button");
    page.wait_for("undo to restore the list", stored, |s| {
        *s == as_json(&changed)
    });
    assert_eq!(
        shown_groups(&page),
        expected_groups(&h.model, lang, &changed)
    );
}

#[test]
fn whatsapp_messages_list_each_producers_items_and_the_whole_list() {
    let Some(h) = harness() else { return };
    let lines = richer_list(&h.model);
    let page = h.fresh_profile();
    seed(&page, &lines);
    for lang in &h.model.languages {
        open_list(&page, &format!("/{lang}/inquiry/"));
        let groups = shown_groups(&page);
        let expected = grouped(&lines);
        assert_eq!(groups.as_array().unwrap().len(), expected.len());
        for (shown, (_, group)) in groups.as_array().unwrap().iter().zip(&expected) {
            let url = shown["send"].as_str().expect("a send link");
            assert_eq!(
                decode_whatsapp(url),
                producer_message(&h.model, lang, &lines, group)
            );
        }
        let all = page.eval("document.querySelector('#list-send-all').href");
        assert_eq!(
            decode_whatsapp(all.as_str().unwrap()),
            publisher_message(&h.model, lang, &lines)
        );
    }
}

#[test]
fn a_share_link_shows_the_same_list_in_a_fresh_profile() {
    let Some(h) = harness() else { return };
    let lines = richer_list(&h.model);
    let lang = "id";
    let owner = h.fresh_profile();
    seed(&owner, &lines);
    open_list(&owner, &format!("/{lang}/inquiry/"));
    let link = owner.value("#list-link");
    assert_eq!(link, share_link(&h.model, lang, &lines));
    let groups = shown_groups(&owner);

    let colleague = h.fresh_profile();
    let fragment = link.split_once('#').unwrap().1;
    open_list(&colleague, &format!("/{lang}/inquiry/#{fragment}"));
    assert_eq!(shown_groups(&colleague), groups);
    assert!(
        colleague.is_visible("#list-shared"),
        "offers to adopt the list"
    );
    assert_eq!(stored(&colleague), Value::Null, "nothing adopted yet");
    colleague.click("#list-adopt");
    colleague.wait_for("the list to be adopted", stored, |s| *s == as_json(&lines));
    assert!(!colleague.is_visible("#list-shared"));
    assert_eq!(colleague.eval("location.hash"), "");
    assert_eq!(badge_count(&colleague), lines.len().to_string());
}

#[test]
fn a_share_link_with_a_removed_product_says_it_left_it_out() {
    let Some(h) = harness() else { return };
    let [a, ..] = three_products(&h.model);
    let lang = "en";
    let page = h.fresh_profile();
    let known = min_order(a) + 1;
    // An unknown product and a part no link of ours has, among percent-encoded separators
    // (as some apps write them): never an error page.
    open_list(
        &page,
        &format!(
            "/{lang}/inquiry/#l={}%2E{known}%7Ea-product-no-longer-sold.4~%E0%A4%A.x",
            a.slug
        ),
    );
    assert!(page.is_visible("#list-dropped"));
    assert_eq!(
        text_of(&page, "#list-dropped"),
        fill(words(lang).dropped, &[("n", "2")])
    );
    assert_eq!(
        shown_groups(&page),
        expected_groups(&h.model, lang, &[(a, known)])
    );
}

#[test]
fn printing_the_list_shows_the_order_sheet() {
    let Some(h) = harness() else { return };
    let lines = richer_list(&h.model);
    let page = h.fresh_profile();
    seed(&page, &lines);
    open_list(&page, "/id/inquiry/");
    assert!(
        !page.is_visible(".sheet-head"),
        "the sheet's head is for paper only"
    );
    page.emulate_media(Some("print"));
    assert!(page.is_visible(".sheet-head"));
    let head = text_of(&page, ".sheet-head");
    assert!(head.contains(&h.model.publisher_name), "{head}");
    assert!(
        !text_of(&page, "#list-date").is_empty(),
        "the sheet is dated"
    );
    assert!(page.is_visible("#list-qr svg"), "the list's QR code");
    let path = page.eval("document.querySelector('#list-qr svg path').getAttribute('d')");
    assert_eq!(
        decode_qr(path.as_str().expect("a path")),
        share_link(&h.model, "id", &lines),
        "the QR code holds the list's link"
    );
    // The longest links (60 products, about 2,000 characters) scan as well.
    let long = sixty_product_link(&h.model);
    assert_eq!(decode_qr(&qr_path(&page, &long).1), long);
    // Every version, filled to its capacity, and one byte more takes the next version.
    for (index, capacity) in BYTE_CAPACITY_L.iter().enumerate() {
        let version = index + 1;
        let full = "x".repeat(*capacity);
        let (side, path) = qr_path(&page, &full);
        assert_eq!(
            side,
            17 + 4 * version + 8,
            "{capacity} bytes: version {version}"
        );
        assert_eq!(decode_qr(&path), full, "version {version}");
        if version < 40 {
            let (side, _) = qr_path(&page, &format!("{full}x"));
            assert_eq!(side, 17 + 4 * (version + 1) + 8, "{} bytes", capacity + 1);
        }
    }
    assert_eq!(shown_groups(&page), expected_groups(&h.model, "id", &lines));
    assert!(page.is_visible("#list-total"));
    for hidden in [
        ".list-send",
        "#list-clear",
        ".list-remove",
        ".list-badge",
        ".site-footer",
    ] {
        assert!(!page.is_visible(hidden), "{hidden} is not printed");
    }
    page.emulate_media(None);
}

#[test]
fn without_javascript_there_are_no_add_buttons() {
    let Some(h) = harness() else { return };
    let [a, ..] = three_products(&h.model);
    let lang = "id";
    let page = h.open_without_js(&format!("/{lang}/products/{}/", a.slug));
    let visible = "Array.from(document.querySelectorAll('.list-add, .list-add-button, [data-list-badge]')).filter((e) => e.checkVisibility()).length";
    assert_eq!(page.eval(visible), 0);
    assert!(
        page.is_visible(".inquiry a.button-whatsapp"),
        "the product's WhatsApp button stays"
    );
    page.goto(&format!("/{lang}/products/"));
    assert_eq!(page.eval(visible), 0);
    page.goto(&format!("/{lang}/inquiry/"));
    assert!(
        page.is_visible("noscript p, p.notice"),
        "the list page says it needs JavaScript"
    );
    assert!(!page.is_visible("#inquiry"));
}
