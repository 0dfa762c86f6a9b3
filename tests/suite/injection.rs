//! Script injection: a hostile string in every text field an editor writes (catalogue.yaml,
//! producer.yaml, product.yaml, front matter, Markdown) reaches the site only as text. Every
//! output file is parsed (HTML with `scraper`, JSON-LD and the search index with `serde_json`,
//! the feeds and the sitemap with `roxmltree`, the Meta feed with `csv`) and searched for
//! anything that could run script.
//! Fields checked strictly (slugs, phone numbers, dates, kinds) refuse hostile values with a
//! content error naming the file and the field.

use std::collections::{BTreeMap, BTreeSet};

use crate::common::safety::{element_problem, has_unsafe_scheme};
use crate::common::{self, quoted, Catalogue, Site};
use scraper::{ElementRef, Html};

/// The ways a string can try to leave the place it is written into.
const PAYLOADS: &[&str] = &[
    "</script><script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "' onmouseover='alert(1)",
    "javascript:alert(1)",
    "]]>",
    "</title>",
    "\u{2028}\u{2029}",
    "{{ site }}",
    "{% raw %}",
    "<!--",
    "\"}</script>",
    "%0a%0d",
    "&lt;b&gt;&amp;",
    "<svg onload=alert(1)>",
    "<style>*{}</style>",
];

/// The hostile value of one field: its name (so each value is unique), then every payload.
fn hostile(field: &str) -> String {
    format!("{field} {} end", PAYLOADS.join(" "))
}

/// A hostile email address that the address check accepts (no space, one `@`, a dot after it).
fn hostile_email(field: &str) -> String {
    format!("{field}\"><svg/onload=alert(1)>'%0a&cc=a?b#c@example.id")
}

/// `{ id: "...", en: "..." }` with a hostile value per language.
fn translated(field: &str) -> String {
    format!(
        "{{ id: {}, en: {} }}",
        quoted(&hostile(&format!("{field}.id"))),
        quoted(&hostile(&format!("{field}.en")))
    )
}

/// A Markdown text trying every way into a page; `marker` is plain text that must survive.
fn hostile_markdown(marker: &str) -> String {
    format!(
        r#"# {marker} {{{{ site }}}} {{% raw %}}

Plain text {marker}-plain, with &lt;script&gt; entities and `<code>`.

<script>alert(1)</script>
<img src=x onerror=alert(1)> <img src="x" srcset="javascript:alert(1) 1x, data:image/png;base64,AA 2x">
[js](javascript:alert(1)) [JS](JaVaScRiPt:alert(1)) [entity](&#106;avascript:alert(1))
[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) [vb](vbscript:msgbox(1))
[tab](java	script:alert(1)) [nl](%0ajavascript:alert(1)) <https://example.id/a?b=%0a"onclick=alert(1)>
<a href="java&#x09;script:alert(1)">tab entity</a> <a href=" javascript:alert(1)">space</a>
<svg onload=alert(1)><circle r="1"/></svg> <math><mi xlink:href="javascript:alert(1)">m</mi></math>
<iframe src="https://evil.example/"></iframe> <object data="x.swf"></object> <embed src="x.swf">
<style>body {{ display: none }}</style> <link rel="stylesheet" href="https://evil.example/x.css">
<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">b</button><input autofocus onfocus=alert(1)></form>
<meta http-equiv="refresh" content="0;url=javascript:alert(1)"> <base href="https://evil.example/">
<p style="background:url(javascript:alert(1))" onclick="alert(1)">styled</p>
<div onmouseover='alert(1)'>hover</div> <details open ontoggle=alert(1)>d</details>
<!-- </script><script>alert(1)</script> --> <![CDATA[ ]]> ]]>
![img](javascript:alert(1)) ![data](data:image/svg+xml,<svg/onload=alert(1)>)
<a href="etalase-link:javascript:alert(1)">marker</a> [m](etalase-image:"onerror=alert(1))
"}}</script><script>alert(1)</script>

| a | b |
|---|---|
| <b onclick=alert(1)>1</b> | ~~2~~ |
"#
    )
}

/// Writes a hostile value into every free text field of the `basic` fixture.
fn hostile_catalogue() -> Catalogue {
    let catalogue = Catalogue::copy("basic");
    catalogue.write(
        "catalogue.yaml",
        format!(
            "title: {title}\ndescription: {description}\nbase_url: https://katalog.example.go.id/katalog/\n\
             languages: [id, en]\ntheme: default\n\
             publisher: {{ name: {publisher}, email: {email}, whatsapp: \"+6281200000000\" }}\n\
             edition: \"2025-04-28\"\ncategories:\n\
             \x20 - {{ slug: batik, name: {batik} }}\n\
             \x20 - {{ slug: makanan-minuman, name: {food} }}\n\
             brochures:\n\
             \x20 - {{ slug: pilihan, title: {brochure}, curator: {curator} }}\n",
            title = translated("catalogue.title"),
            description = translated("catalogue.description"),
            publisher = quoted(&hostile("publisher.name")),
            email = quoted(&hostile_email("publisher.email")),
            batik = translated("category.batik"),
            food = translated("category.food"),
            brochure = translated("brochure.title"),
            curator = quoted(&hostile("curator")),
        ),
    );
    let producer = |slug: &str, extra: &str| {
        format!(
            "name: {}\nkind: ukm\nowner: {}\nsentra: {}\naddress: {}\n{extra}",
            quoted(&hostile(&format!("{slug}.name"))),
            quoted(&hostile(&format!("{slug}.owner"))),
            quoted(&hostile(&format!("{slug}.sentra"))),
            quoted(&hostile(&format!("{slug}.address"))),
        )
    };
    catalogue.write(
        "content/producers/batik-sekar-jagad/producer.yaml",
        producer(
            "batik",
            &format!(
                "whatsapp: \"+6281234567890\"\ninstagram: batiksekarjagad\nemail: {}\nfounded: 2012\nlogo: logo.png\n",
                quoted(&hostile_email("batik.email"))
            ),
        ),
    );
    catalogue.write(
        "content/producers/onde-onde-bu-sri/producer.yaml",
        producer("onde", ""),
    );
    catalogue.write(
        "content/products/batik-tulis-surya/product.yaml",
        format!(
            "name: {name}\nproducer: batik-sekar-jagad\ncategory: batik\n\
             price: {{ min: 350000, max: 750000 }}\nunit: {unit}\nmin_order: 10\n\
             tags: [tulis, pewarna-alami]\nphotos:\n  - file: utama.png\n    alt: {alt}\n\
             certifications:\n  - {{ type: hki, number: {number} }}\n\
             curation: {{ status: lolos, curator: {curator}, date: 2025-04-28 }}\nfeatured: true\n",
            name = translated("product.name"),
            unit = translated("product.unit"),
            alt = translated("product.alt"),
            number = quoted(&hostile("product.certification")),
            curator = quoted(&hostile("curator")),
        ),
    );
    catalogue.write(
        "content/products/onde-onde-isi-10/product.yaml",
        format!(
            "name: {}\nunit: {}\nproducer: onde-onde-bu-sri\ncategory: makanan-minuman\nprice: {{ amount: 35000 }}\n",
            translated("onde-product.name"),
            translated("onde-product.unit"),
        ),
    );
    catalogue.write(
        "content/products/onde-onde-isi-10/id.md",
        format!(
            "---\nname: {}\nunit: {}\n---\n{}",
            quoted(&hostile("front.name.id")),
            quoted(&hostile("front.unit.id")),
            hostile_markdown("MD-onde-id")
        ),
    );
    for (folder, name) in [
        ("content/products/batik-tulis-surya", "product"),
        ("content/producers/batik-sekar-jagad", "story"),
        ("content/producers/onde-onde-bu-sri", "story-onde"),
    ] {
        for lang in ["id", "en"] {
            catalogue.write(
                &format!("{folder}/{lang}.md"),
                hostile_markdown(&format!("MD-{name}-{lang}")),
            );
        }
    }
    for lang in ["id", "en"] {
        catalogue.write(
            &format!("content/pages/tentang/{lang}.md"),
            format!(
                "---\ntitle: {}\n---\n{}",
                quoted(&hostile(&format!("page.title.{lang}"))),
                hostile_markdown(&format!("MD-page-{lang}"))
            ),
        );
    }
    catalogue
}

/// Every field written with a hostile value, and the value.
fn hostile_values() -> BTreeMap<String, String> {
    let mut values = BTreeMap::new();
    let mut add = |field: String, value: String| {
        values.insert(field, value);
    };
    for field in [
        "catalogue.title",
        "catalogue.description",
        "category.batik",
        "category.food",
        "brochure.title",
        "product.name",
        "product.unit",
        "product.alt",
        "onde-product.name",
        "onde-product.unit",
        "page.title",
    ] {
        for lang in ["id", "en"] {
            let field = format!("{field}.{lang}");
            add(field.clone(), hostile(&field));
        }
    }
    for field in [
        "publisher.name",
        "curator",
        "batik.name",
        "batik.owner",
        "batik.sentra",
        "batik.address",
        "onde.name",
        "onde.owner",
        "onde.sentra",
        "onde.address",
        "product.certification",
        "front.name.id",
        "front.unit.id",
    ] {
        add(field.to_owned(), hostile(field));
    }
    for field in ["publisher.email", "batik.email"] {
        add(field.to_owned(), hostile_email(field));
    }
    // Overridden by the front matter of id.md.
    values.remove("onde-product.name.id");
    values.remove("onde-product.unit.id");
    values
}

/// Text nodes and attribute values of a page: where a user's text may appear.
fn texts_of(html: &Html, into: &mut BTreeSet<String>) {
    for node in html.tree.nodes() {
        match node.value() {
            scraper::Node::Text(text) => {
                into.insert(String::from(&**text));
            }
            scraper::Node::Element(element) => {
                into.extend(element.attrs().map(|(_, value)| value.to_owned()));
            }
            _ => {}
        }
    }
}

/// Every string inside a JSON value.
fn json_strings(value: &serde_json::Value, into: &mut BTreeSet<String>) {
    match value {
        serde_json::Value::String(s) => {
            into.insert(s.clone());
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| json_strings(v, into)),
        serde_json::Value::Object(map) => map.values().for_each(|v| json_strings(v, into)),
        _ => {}
    }
}

/// What a page of the site may not contain; `None` when the element is fine.
fn page_problem(element: ElementRef<'_>) -> Option<String> {
    let value = element.value();
    match value.name() {
        "script" => return script_problem(element),
        "meta" if value.attr("http-equiv").is_some() => {
            return Some(format!("<meta http-equiv={:?}>", value.attr("http-equiv")));
        }
        "link" => {
            let href = value.attr("href").unwrap_or_default();
            return has_unsafe_scheme(href).then(|| format!("<link href={href:?}>"));
        }
        _ => {}
    }
    // The theme's own forms, buttons and icons are fine; these never are, in any page.
    const FORBIDDEN: &[&str] = &[
        "iframe", "frame", "frameset", "object", "embed", "applet", "base", "style", "portal",
    ];
    if let Some(style) = value.attr("style") {
        let colour = style.strip_prefix("background-color:#").unwrap_or("x");
        if !colour.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Some(format!("style={style:?} on <{}>", value.name()));
        }
    }
    let problem = element_problem(element, FORBIDDEN)?;
    (!problem.starts_with("attribute style=")).then_some(problem)
}

/// The theme's scripts (`src` to its own files) and JSON-LD that parses are the only scripts.
fn script_problem(script: ElementRef<'_>) -> Option<String> {
    let value = script.value();
    let text: String = script.text().collect();
    if let Some(src) = value.attr("src") {
        let file = src.rsplit('/').next().unwrap_or_default();
        let theirs = ["etalase.", "search.", "inquiry.", "qr.", "root."]
            .iter()
            .any(|name| file.starts_with(name) && file.ends_with(".js"));
        let local = !src.contains(':') && !src.starts_with("//");
        return (!(theirs && local && text.is_empty())).then(|| format!("<script src={src:?}>"));
    }
    // JSON-LD, and the inquiry list's settings: data that must parse, never script.
    if matches!(
        value.attr("type"),
        Some("application/ld+json" | "application/json")
    ) {
        return serde_json::from_str::<serde_json::Value>(&text)
            .err()
            .map(|e| format!("JSON that does not parse ({e}): {text}"));
    }
    Some(format!("<script>{text}</script>"))
}

/// Scans one HTML page: returns its problems, and adds its texts and JSON-LD strings.
fn scan_page(
    file: &str,
    html: &Html,
    texts: &mut BTreeSet<String>,
    json: &mut BTreeSet<String>,
) -> Vec<String> {
    let mut problems = Vec::new();
    for element in html
        .root_element()
        .descendants()
        .filter_map(ElementRef::wrap)
    {
        if let Some(problem) = page_problem(element) {
            problems.push(format!("{file}: {problem}"));
        }
    }
    for script in html.select(&common::selector(
        r#"script[type="application/ld+json"], script[type="application/json"]"#,
    )) {
        if let Ok(value) = serde_json::from_str(&script.text().collect::<String>()) {
            json_strings(&value, json);
        }
    }
    texts_of(html, texts);
    problems
}

const GOOGLE_NAMESPACE: &str = "http://base.google.com/ns/1.0";

/// Parses a CSV file (the Meta feed) and returns its cells; every row has the header's width.
fn scan_csv(file: &str, text: &str, into: &mut BTreeSet<String>) {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let width = reader.headers().expect("a header row").len();
    for record in reader.records() {
        let record = record.unwrap_or_else(|e| panic!("{file} is not well-formed CSV: {e}"));
        assert_eq!(record.len(), width, "{file}: a row of another width");
        into.extend(record.iter().map(str::to_owned));
    }
}

/// Parses an XML file (a feed or the sitemap) and returns its text nodes and attribute values.
fn scan_xml(file: &str, text: &str, into: &mut BTreeSet<String>) {
    let document = roxmltree::Document::parse(text)
        .unwrap_or_else(|e| panic!("{file} is not well-formed XML: {e}"));
    for node in document.descendants() {
        if let Some(text) = node.text() {
            into.insert(text.to_owned());
        }
        into.extend(node.attributes().map(|a| a.value().to_owned()));
    }
    for link in document
        .descendants()
        .filter(|n| n.has_tag_name("loc") || n.has_tag_name("link") || n.has_tag_name("id"))
        // The Google feed's `g:id` is a product's slug, not a URL.
        .filter(|n| n.tag_name().namespace() != Some(GOOGLE_NAMESPACE))
    {
        let url = link.attribute("href").or(link.text()).unwrap_or_default();
        assert!(
            url.starts_with(common::BASE_URL),
            "{file}: a URL outside the site: {url:?}"
        );
    }
}

/// The one element `selector` finds in a page, as text.
fn only_text(site: &Site, page: &str, selector: &str) -> String {
    let html = site.html(page);
    let found: Vec<String> = html
        .select(&common::selector(selector))
        .map(|e| e.text().collect())
        .collect();
    assert_eq!(found.len(), 1, "{page}: {selector} should match once");
    found.into_iter().next().unwrap_or_default()
}

/// The href of the elements `selector` finds (the same link each time), parsed as a URL that
/// was already in its canonical, percent-encoded form.
fn only_url(site: &Site, page: &str, selector: &str) -> url::Url {
    let html = site.html(page);
    let hrefs: Vec<String> = html
        .select(&common::selector(selector))
        .filter_map(|e| e.value().attr("href").map(str::to_owned))
        .collect();
    assert!(!hrefs.is_empty(), "{page}: nothing matches {selector}");
    assert!(
        hrefs.iter().all(|h| *h == hrefs[0]),
        "{page}: {selector}: different links {hrefs:?}"
    );
    let parsed = url::Url::parse(&hrefs[0]).unwrap_or_else(|e| panic!("{}: {e}", hrefs[0]));
    assert_eq!(
        parsed.as_str(),
        hrefs[0],
        "{page}: {selector} is not written percent-encoded"
    );
    parsed
}

fn query_value(url: &url::Url, key: &str) -> String {
    let values: Vec<String> = url
        .query_pairs()
        .filter(|(k, _)| k == key)
        .map(|(_, v)| v.into_owned())
        .collect();
    assert_eq!(values.len(), 1, "{url}: one `{key}` parameter expected");
    values.into_iter().next().unwrap_or_default()
}

#[test]
fn hostile_text_in_every_field_reaches_the_site_only_as_text() {
    let site = hostile_catalogue().build();
    let mut texts = BTreeSet::new();
    let mut json = BTreeSet::new();
    let mut problems = Vec::new();
    let files = site.files();
    for file in files.iter().filter(|f| f.ends_with(".html")) {
        problems.extend(scan_page(file, &site.html(file), &mut texts, &mut json));
    }
    let mut list_items = BTreeSet::new();
    for file in files.iter().filter(|f| f.ends_with("inquiry/items.json")) {
        let value: serde_json::Value = serde_json::from_str(&site.text(file))
            .unwrap_or_else(|e| panic!("{file} is not JSON: {e}"));
        json_strings(&value, &mut list_items);
    }
    for file in files
        .iter()
        .filter(|f| f.contains("/products/search/") && f.ends_with(".json"))
    {
        let value: serde_json::Value = serde_json::from_str(&site.text(file))
            .unwrap_or_else(|e| panic!("{file} is not JSON: {e}"));
        json_strings(&value, &mut json);
    }
    let mut xml = BTreeSet::new();
    for file in files.iter().filter(|f| f.ends_with(".xml")) {
        scan_xml(file, &site.text(file), &mut xml);
    }
    let mut cells = BTreeSet::new();
    for file in files.iter().filter(|f| f.ends_with(".csv")) {
        scan_csv(file, &site.text(file), &mut cells);
    }
    assert!(
        problems.is_empty(),
        "unsafe markup in the site:\n{}",
        problems.join("\n")
    );
    let contains = |set: &BTreeSet<String>, value: &str| set.iter().any(|t| t.contains(value));
    for (field, value) in hostile_values() {
        assert!(
            contains(&texts, &value),
            "{field}: the hostile text is nowhere in the pages as text"
        );
    }
    // What search, link previews and feeds carry is what the user typed.
    for field in [
        "product.name.id",
        "product.name.en",
        "batik.name",
        "batik.address",
        "publisher.name",
    ] {
        assert!(
            json.contains(&hostile(field)),
            "{field}: not in JSON as typed"
        );
    }
    for field in ["product.name.id", "product.name.en", "catalogue.title.id"] {
        assert!(contains(&xml, &hostile(field)), "{field}: not in the feeds");
    }
    // The inquiry list's product file and settings carry names as typed.
    for field in ["product.name.id", "product.name.en", "batik.name"] {
        assert!(
            list_items.contains(&hostile(field)),
            "{field}: not in inquiry/items.json as typed"
        );
    }
    // The shopping feeds' descriptions are the product's text as plain text.
    for lang in ["id", "en"] {
        let plain = format!("MD-product-{lang}-plain, with <script> entities and <code>.");
        assert!(
            contains(&xml, &plain),
            "{lang}: the description is not in google.xml"
        );
        assert!(
            contains(&cells, &plain),
            "{lang}: the description is not in meta.csv"
        );
    }
    // The shopping feeds cut titles at 150 characters and brands at 70.
    let cut = |field: &str, max: usize| hostile(field).chars().take(max).collect::<String>();
    for (field, max) in [
        ("product.name.id", 150),
        ("product.name.en", 150),
        ("batik.name", 70),
    ] {
        assert!(
            xml.contains(&cut(field, max)),
            "{field}: not in google.xml as typed"
        );
        assert!(
            cells.contains(&cut(field, max)),
            "{field}: not in meta.csv as typed"
        );
    }
    for marker in ["MD-product-id", "MD-story-en", "MD-page-en", "MD-onde-id"] {
        assert!(
            contains(&texts, &format!("{marker}-plain, with <script> entities")),
            "{marker}: the Markdown's plain text is missing"
        );
    }
}

#[test]
fn headings_titles_and_json_ld_hold_exactly_what_was_typed() {
    let site = hostile_catalogue().build();
    let product = "id/products/batik-tulis-surya/";
    assert_eq!(only_text(&site, product, "h1"), hostile("product.name.id"));
    assert_eq!(
        only_text(&site, "en/products/batik-tulis-surya/", "h1"),
        hostile("product.name.en")
    );
    assert_eq!(
        only_text(&site, "id/products/onde-onde-isi-10/", "h1"),
        hostile("front.name.id")
    );
    assert_eq!(
        only_text(&site, "id/producers/batik-sekar-jagad/", "h1"),
        hostile("batik.name")
    );
    assert_eq!(
        only_text(&site, "en/tentang/", "h1"),
        hostile("page.title.en")
    );
    assert!(only_text(&site, product, "title").starts_with(&hostile("product.name.id")));
    let html = site.html(product);
    let ld: Vec<serde_json::Value> = html
        .select(&common::selector(r#"script[type="application/ld+json"]"#))
        .map(|s| serde_json::from_str(&s.text().collect::<String>()).expect("JSON-LD"))
        .collect();
    assert_eq!(ld.len(), 1);
    let item = &ld[0]["@graph"][0];
    assert_eq!(item["name"], hostile("product.name.id"));
    assert_eq!(item["brand"]["name"], hostile("batik.name"));
    assert_eq!(item["category"], hostile("category.batik.id"));
    assert_eq!(
        item["hasCertification"][0]["certificationIdentification"],
        hostile("product.certification")
    );
    let og_title = html
        .select(&common::selector(r#"meta[property="og:title"]"#))
        .filter_map(|m| m.value().attr("content"))
        .collect::<Vec<_>>();
    assert_eq!(og_title, [hostile("product.name.id")]);
}

/// The web app manifests carry the catalogue's title and description as typed, in valid JSON.
#[test]
fn the_web_app_manifests_hold_the_title_and_description_as_typed() {
    let site = hostile_catalogue().build();
    for lang in ["id", "en"] {
        let file = format!("{lang}/manifest.webmanifest");
        let manifest: serde_json::Value = serde_json::from_str(&site.text(&file))
            .unwrap_or_else(|e| panic!("{file} is not JSON: {e}"));
        assert_eq!(
            manifest["name"],
            hostile(&format!("catalogue.title.{lang}"))
        );
        assert_eq!(
            manifest["description"],
            hostile(&format!("catalogue.description.{lang}"))
        );
    }
}

#[test]
fn urls_built_from_user_text_are_percent_encoded() {
    let site = hostile_catalogue().build();
    let product = "id/products/batik-tulis-surya/";
    let inquiry = only_url(&site, product, ".inquiry a");
    assert_eq!(inquiry.host_str(), Some("wa.me"));
    assert_eq!(inquiry.path(), "/6281234567890");
    let message = query_value(&inquiry, "text");
    assert!(
        message.contains(&format!("{} (", hostile("product.name.id"))),
        "{message}"
    );
    assert!(message.contains(&hostile("batik.name")), "{message}");
    // Without a WhatsApp number of its own, the producer's products ask the publisher.
    let publisher = only_url(&site, "en/products/onde-onde-isi-10/", ".inquiry a");
    assert_eq!(publisher.path(), "/6281200000000");
    assert!(query_value(&publisher, "text").contains(&hostile("onde-product.name.en")));

    let producer = "id/producers/batik-sekar-jagad/";
    let map = only_url(
        &site,
        producer,
        r#"a[href^="https://www.google.com/maps/"]"#,
    );
    assert_eq!(query_value(&map, "query"), hostile("batik.address"));
    assert_eq!(query_value(&map, "api"), "1");
    // The producer's address and, in the footer, the publisher's: one recipient each.
    let html = site.html(producer);
    let mut addresses = BTreeSet::new();
    for link in html.select(&common::selector(r#"a[href^="mailto:"]"#)) {
        let href = link.value().attr("href").unwrap_or_default();
        let mail = url::Url::parse(href).unwrap_or_else(|e| panic!("{href}: {e}"));
        assert_eq!(mail.as_str(), href, "not written percent-encoded");
        assert_eq!((mail.query(), mail.fragment()), (None, None), "{mail}");
        let address = percent_encoding::percent_decode_str(mail.path()).decode_utf8_lossy();
        addresses.insert(address.into_owned());
    }
    assert_eq!(
        addresses,
        [
            hostile_email("batik.email"),
            hostile_email("publisher.email")
        ]
        .into()
    );
}

/// The errors of a build, as (file, field) pairs, each also printed as a user sees it.
fn errors_by_field(catalogue: &Catalogue) -> BTreeSet<(String, String)> {
    let diagnostics = catalogue.build_diagnostics();
    diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| {
            let shown = d.to_string();
            assert!(
                !shown.contains("Spanned") && !shown.contains("Some("),
                "a debug dump in a message: {shown}"
            );
            (
                d.file.to_string_lossy().replace('\\', "/"),
                d.field.as_deref().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

#[test]
fn strictly_checked_settings_refuse_hostile_values_with_a_content_error() {
    let catalogue = Catalogue::copy("basic");
    let h = quoted(&hostile("strict"));
    catalogue.write(
        "catalogue.yaml",
        format!(
            "title: Katalog\nbase_url: {h}\nlanguages: [id, {h}]\ntheme: {h}\n\
             publisher: {{ name: Dinas, whatsapp: {h} }}\nedition: {h}\n\
             categories:\n  - {{ slug: {h}, name: Batik }}\n\
             brochures:\n  - {{ slug: {h}, title: Pilihan, category: {h} }}\n"
        ),
    );
    let found = errors_by_field(&catalogue);
    for field in [
        "base_url",
        "languages",
        "theme",
        "publisher.whatsapp",
        "edition",
    ] {
        assert!(
            found.contains(&("catalogue.yaml".to_owned(), field.to_owned())),
            "no error for `{field}`: {found:?}"
        );
    }
    assert!(
        found.iter().any(|(_, f)| f.starts_with("categories")),
        "{found:?}"
    );
    assert!(
        found.iter().any(|(_, f)| f.starts_with("brochures")),
        "{found:?}"
    );
}

#[test]
fn strictly_checked_fields_refuse_hostile_values_with_a_content_error() {
    let catalogue = Catalogue::copy("basic");
    let h = quoted(&hostile("strict"));
    let producer = "content/producers/batik-sekar-jagad/producer.yaml";
    let product = "content/products/batik-tulis-surya/product.yaml";
    let text = "content/products/onde-onde-isi-10/id.md";
    catalogue.write(
        producer,
        format!(
            "name: Batik\nkind: ukm\naddress: Jl. 1\nwhatsapp: {h}\ninstagram: {h}\nemail: {h}\nlogo: \"../../../../etc/passwd\"\n"
        ),
    );
    catalogue.write(
        product,
        format!(
            "name: Batik\nproducer: batik-sekar-jagad\ncategory: batik\ntags: [{h}]\n\
             photos:\n  - file: \"/etc/passwd\"\n  - file: {h}\n\
             curation: {{ status: lolos, date: {h} }}\n"
        ),
    );
    catalogue.write(
        text,
        "[a](@/products/../../etc/passwd)\n\n[b](@/javascript:alert(1))\n\n[c](@/tentang#\"><script>)\n",
    );
    let found = errors_by_field(&catalogue);
    for (file, field) in [
        (producer, "whatsapp"),
        (producer, "instagram"),
        (producer, "email"),
        (producer, "logo"),
        (product, "tags"),
        (product, "photos[0].file"),
        (product, "photos[1].file"),
        (product, "curation.date"),
    ] {
        assert!(
            found.contains(&(file.to_owned(), field.to_owned())),
            "no error for {file} `{field}`: {found:?}"
        );
    }
    let lines: BTreeSet<Option<u64>> = catalogue
        .build_diagnostics()
        .iter()
        .filter(|d| d.is_error() && d.file == std::path::Path::new(text))
        .map(|d| d.line)
        .collect();
    assert_eq!(
        lines,
        [Some(1), Some(3), Some(5)].into(),
        "one error per @/ link that leads nowhere"
    );
}

#[test]
fn strings_from_the_payload_list_are_escaped_in_diagnostics_too() {
    // A hostile unknown field name is quoted back in the message, never interpreted.
    let catalogue = Catalogue::copy("basic");
    catalogue.replace(
        "content/products/sambal-tanpa-foto/product.yaml",
        "category: makanan-minuman\n",
        &format!(
            "category: makanan-minuman\n{}: 1\n",
            quoted("<script>alert(1)</script>")
        ),
    );
    let errors = catalogue.build_errors();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].contains("`<script>alert(1)</script>`"),
        "{}",
        errors[0]
    );
}

#[test]
fn hostile_shop_links_stay_inside_their_attribute_and_json_string() {
    let catalogue = Catalogue::copy("basic");
    let website = "https://batik.example.id/a\"><script>alert(1)</script>?q='x' onmouseover='alert(1)'&r=</script>#\"><b>";
    let listing = "https://www.tokopedia.com/toko/\"><svg onload=alert(1)>?x=\"}</script><!--";
    catalogue.replace(
        "content/producers/batik-sekar-jagad/producer.yaml",
        "kind: ukm\n",
        &format!("kind: ukm\nshops:\n  website: {}\n", quoted(website)),
    );
    catalogue.replace(
        "content/products/batik-tulis-surya/product.yaml",
        "featured: true\n",
        &format!("featured: true\nshops:\n  tokopedia: {}\n", quoted(listing)),
    );
    let site = catalogue.build();
    for (page, typed, host) in [
        (
            "id/producers/batik-sekar-jagad/",
            website,
            "batik.example.id",
        ),
        (
            "en/products/batik-tulis-surya/",
            listing,
            "www.tokopedia.com",
        ),
    ] {
        let html = site.html(page);
        let (mut texts, mut json) = (BTreeSet::new(), BTreeSet::new());
        let problems = scan_page(page, &html, &mut texts, &mut json);
        assert!(problems.is_empty(), "{page}: {problems:?}");
        // The link is one attribute: the URL as typed, with what may not stand in a URL
        // percent-encoded, leading to the site it names.
        let link = only_url(&site, page, "ul.shop-links a");
        assert_eq!(link.host_str(), Some(host), "{page}");
        let expected = url::Url::parse(typed).expect("a URL");
        assert_eq!(link, expected, "{page}");
        assert!(
            !link.as_str().contains(['"', '<', '>', '\'', ' ']),
            "{link}"
        );
        assert!(json.contains(link.as_str()), "{page}: not in the JSON-LD");
    }
}

#[test]
fn hostile_text_stays_inside_its_element_and_cell_in_the_shopping_feeds() {
    let catalogue = Catalogue::copy("basic");
    let name = "Onde \"isi\" <b>10</b> & 'spesial', ]]> <![CDATA[x]]> <!-- a,b;\nbaris dua";
    let producer = "Bu \"Sri\", <Asli> & ]]> 'Putri'\nMojokerto, Jawa Timur";
    // Inside a code span: Markdown keeps the quotes straight and `<b>` as text.
    let description = "Isi kacang & gula, 1 < 2 ]]> selesai `\"aren\" 'asli', <b>, ]]>` selesai.";
    catalogue.write(
        "content/products/onde-onde-isi-10/product.yaml",
        format!(
            "name: {{ id: {n}, en: {n} }}\nproducer: onde-onde-bu-sri\ncategory: makanan-minuman\n\
             price: {{ amount: 35000 }}\navailability: {{ status: siap }}\nphotos:\n  - file: utama.png\n    alt: Onde-onde\n",
            n = quoted(name)
        ),
    );
    let photo = catalogue.path("content/products/batik-tulis-surya/utama.png");
    std::fs::copy(
        photo,
        catalogue.path("content/products/onde-onde-isi-10/utama.png"),
    )
    .expect("the photo copies");
    catalogue.write("content/products/onde-onde-isi-10/id.md", description);
    catalogue.replace(
        "content/producers/onde-onde-bu-sri/producer.yaml",
        "name: Onde-onde \"Bu Sri\" & Putri <Asli>",
        &format!("name: {}", quoted(producer)),
    );
    let typed_description =
        "Isi kacang & gula, 1 < 2 ]]> selesai \"aren\" 'asli', <b>, ]]> selesai.";
    let site = catalogue.build();
    for lang in ["id", "en"] {
        let google = site.text(&format!("{lang}/feeds/google.xml"));
        let items = crate::feeds::google_items(&google);
        let item = items
            .iter()
            .find(|i| crate::feeds::one(i, "g:id") == "onde-onde-isi-10")
            .unwrap_or_else(|| panic!("{lang}: onde-onde-isi-10 is not in the Google feed"));
        assert_eq!(crate::feeds::one(item, "title"), name, "{lang}");
        assert_eq!(crate::feeds::one(item, "g:brand"), producer, "{lang}");
        assert_eq!(
            crate::feeds::one(item, "description"),
            typed_description,
            "{lang}"
        );
        assert_eq!(
            crate::feeds::one(item, "g:product_type"),
            if lang == "id" {
                "Makanan & Minuman"
            } else {
                "Food & Beverages"
            }
        );
        let rows = crate::feeds::meta_rows(&site.text(&format!("{lang}/feeds/meta.csv")));
        assert_eq!(rows.len(), 2, "{lang}: one row per listable product");
        let row = rows
            .iter()
            .find(|r| r["id"] == "onde-onde-isi-10")
            .unwrap_or_else(|| panic!("{lang}: onde-onde-isi-10 is not in the Meta feed"));
        assert_eq!(row["title"], name);
        assert_eq!(row["brand"], producer);
        assert_eq!(row["description"], typed_description);
        assert_eq!(row["price"], "35000 IDR");
    }
}

/// A product code that is markup, a CSV formula and an XML section end all at once: within
/// the 50 characters a code may have.
const HOSTILE_SKU: &str = "=HYPERLINK(\"x\")</g:mpn><b>'&]]>,;\"<!--";

#[test]
fn a_hostile_product_code_stays_text_in_the_page_and_the_feeds() {
    let catalogue = Catalogue::copy("basic");
    catalogue.replace(
        "content/products/batik-tulis-surya/product.yaml",
        "category: batik\n",
        &format!(
            "category: batik\nsku: {}\ngtin: \"8991234567891\"\n",
            quoted(HOSTILE_SKU)
        ),
    );
    let site = catalogue.build();
    for lang in ["id", "en"] {
        let page = site.html(&format!("{lang}/products/batik-tulis-surya/index.html"));
        let facts: Vec<String> = page
            .select(&common::selector(".facts dd"))
            .map(common::text)
            .collect();
        assert!(
            facts.iter().any(|dd| dd == HOSTILE_SKU),
            "{lang}: the code is not one <dd> of the details: {facts:?}"
        );
        assert!(facts.iter().any(|dd| dd == "8991234567891"), "{lang}");
        assert!(
            page.select(&common::selector(".facts b")).next().is_none(),
            "{lang}: the code's <b> became an element"
        );

        let items = crate::feeds::google_items(&site.text(&format!("{lang}/feeds/google.xml")));
        let item = items
            .iter()
            .find(|i| crate::feeds::one(i, "g:id") == "batik-tulis-surya")
            .expect("the batik product is listed");
        assert_eq!(crate::feeds::one(item, "g:mpn"), HOSTILE_SKU, "{lang}");
        assert_eq!(crate::feeds::one(item, "g:gtin"), "8991234567891", "{lang}");
        assert!(!item.contains_key("g:identifier_exists"), "{lang}");

        // Meta's parser reads the cell as text: the code is written as typed, unguarded
        // (docs/feeds.md says why).
        let rows = crate::feeds::meta_rows(&site.text(&format!("{lang}/feeds/meta.csv")));
        let row = rows
            .iter()
            .find(|r| r["id"] == "batik-tulis-surya")
            .expect("the batik product is in the Meta feed");
        assert_eq!(row["mpn"], HOSTILE_SKU, "{lang}");
        assert_eq!(row["gtin"], "8991234567891", "{lang}");
        assert_eq!(row["identifier_exists"], "", "{lang}");
    }
}

#[test]
fn a_base_url_from_the_command_line_stays_inside_its_attributes_and_strings() {
    // What the address rule lets through: quotes of one kind, `&`, `;`, brackets, `%`, `{}`.
    const ODD: &str = "https://preview.example.org/a'b&c;d(e)%22{{site}}{%raw%}/";
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join("site");
    let run = common::etalase([
        "build".as_ref(),
        "--root".as_ref(),
        common::fixture_path("basic").as_os_str(),
        "--output".as_ref(),
        output.as_os_str(),
        "--base-url".as_ref(),
        std::ffi::OsStr::new(ODD),
    ]);
    assert_eq!(run.code, 0, "{run:#?}");
    let site = Site::at(&output);
    let page = "en/products/batik-tulis-surya/index.html";
    let product = format!("{ODD}en/products/batik-tulis-surya/");
    let doc = site.html(page);
    assert_eq!(
        common::attr(common::one(&doc, "link[rel=canonical]"), "href"),
        product
    );
    assert_eq!(common::meta_property(&doc, "og:url"), product);
    let raw: String = common::one(&doc, r#"script[type="application/ld+json"]"#)
        .text()
        .collect();
    let graph: serde_json::Value = serde_json::from_str(&raw).unwrap();
    let mut strings = BTreeSet::new();
    json_strings(&graph, &mut strings);
    assert!(strings.contains(&product), "{strings:?}");
    for file in site.html_files() {
        let problems = scan_page(
            &file,
            &site.html(&file),
            &mut BTreeSet::new(),
            &mut BTreeSet::new(),
        );
        assert!(problems.is_empty(), "{problems:?}");
    }
    let sitemap = site.text("sitemap.xml");
    let sitemap = roxmltree::Document::parse(&sitemap).expect("well-formed");
    assert!(sitemap
        .descendants()
        .any(|n| n.has_tag_name("loc") && n.text() == Some(product.as_str())));
    // What could leave an attribute or a string is refused before anything is built.
    for hostile in PAYLOADS.iter().filter(|p| p.contains(['"', '<', '>'])) {
        let url = format!("https://preview.example.org/{hostile}");
        let run = common::etalase([
            "build",
            "--root",
            "tests/fixtures/basic",
            "--output",
            &output.display().to_string(),
            "--base-url",
            &url,
        ]);
        assert_eq!(run.code, 2, "{url}: {run:#?}");
        assert!(run.stderr.contains("--base-url"), "{}", run.stderr);
    }
}
