//! Bad input, run through the real binary: every fault a catalogue written by many hands can
//! have. Each must end in exit status 1 (not a panic's 101), with an error naming the right file
//! (and the field and line where they are known), and leave the previously built `output/`
//! exactly as it was. Files with a byte-order mark or CRLF line endings must build like any
//! other, and a catalogue without products must build and say so.

use std::ffi::OsStr;
use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::*;
use rayon::prelude::*;

const BATIK: &str = "content/products/batik-tulis-surya/product.yaml";
const BATIK_DIR: &str = "content/products/batik-tulis-surya";
const BATIK_ID: &str = "content/products/batik-tulis-surya/id.md";
const PHOTO: &str = "content/products/batik-tulis-surya/utama.png";
const PRODUCER: &str = "content/producers/batik-sekar-jagad/producer.yaml";
const LOGO: &str = "content/producers/batik-sekar-jagad/logo.png";
const PAGE_ID: &str = "content/pages/tentang/id.md";
const CONFIG: &str = "catalogue.yaml";

// ---------------------------------------------------------------- what a case expects

/// The error a case must produce: its file, and its line and field when the tool knows them.
struct Expect {
    file: &'static str,
    /// The line is the only one of the file (after the fault) that contains this text.
    line_with: Option<&'static str>,
    field: Option<&'static str>,
    /// Text the message or its hint contains.
    says: &'static str,
}

const fn error_in(file: &'static str, says: &'static str) -> Expect {
    Expect {
        file,
        line_with: None,
        field: None,
        says,
    }
}

const fn error_at(file: &'static str, line_with: &'static str, says: &'static str) -> Expect {
    Expect {
        file,
        line_with: Some(line_with),
        field: None,
        says,
    }
}

const fn field_only(file: &'static str, field: &'static str, says: &'static str) -> Expect {
    Expect {
        file,
        line_with: None,
        field: Some(field),
        says,
    }
}

const fn field_error(
    file: &'static str,
    line_with: &'static str,
    field: &'static str,
    says: &'static str,
) -> Expect {
    Expect {
        file,
        line_with: Some(line_with),
        field: Some(field),
        says,
    }
}

/// One fault: a name to report, how to make it in a copy of the basic fixture, and the error.
struct Case {
    name: &'static str,
    fault: fn(&Catalogue),
    expect: Expect,
}

/// An error line of stderr, parsed: `error: FILE[:LINE][: field `F`]: MESSAGE`, with its hint.
#[derive(Debug)]
struct Reported {
    file: String,
    line: Option<usize>,
    field: Option<String>,
    text: String,
}

fn reported_errors(stderr: &str) -> Vec<Reported> {
    let lines: Vec<&str> = stderr.lines().collect();
    let mut errors = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        let Some(rest) = line.strip_prefix("error: ") else {
            continue;
        };
        let Some((location, message)) = rest.split_once(": ") else {
            continue;
        };
        let (file, number) = match location.rsplit_once(':') {
            Some((file, n)) if n.parse::<usize>().is_ok() => (file, n.parse().ok()),
            _ => (location, None),
        };
        let field = message
            .strip_prefix("field `")
            .and_then(|f| f.split_once('`'))
            .map(|(f, _)| f.to_owned());
        let mut text = message.to_owned();
        for next in lines[index + 1..]
            .iter()
            .take_while(|l| l.starts_with("  "))
        {
            text.push('\n');
            text.push_str(next);
        }
        errors.push(Reported {
            file: file.to_owned(),
            line: number,
            field,
            text,
        });
    }
    errors
}

// ---------------------------------------------------------------- running the binary

/// A copy of the basic fixture with a site already built into its `output/` by the binary.
fn built_basic() -> Catalogue {
    let catalogue = Catalogue::copy("basic");
    let run = build(&catalogue);
    assert_eq!(run.code, 0, "the basic fixture should build: {run:#?}");
    catalogue
}

fn build(catalogue: &Catalogue) -> Run {
    etalase([
        OsStr::new("build"),
        OsStr::new("--root"),
        catalogue.root().as_os_str(),
    ])
}

/// A copy of `built` (site included) with the case's fault.
fn faulty_copy(built: &Catalogue, case: &Case) -> Catalogue {
    let catalogue = Catalogue::empty();
    copy_tree(built.root(), catalogue.root());
    (case.fault)(&catalogue);
    catalogue
}

/// The 1-based number of the only line of `text` containing `needle`.
fn only_line(text: &str, needle: &str) -> Option<usize> {
    let mut lines = text
        .lines()
        .enumerate()
        .filter(|(_, line)| line.contains(needle));
    match (lines.next(), lines.next()) {
        (Some((index, _)), None) => Some(index + 1),
        _ => None,
    }
}

/// Runs one case; `Err` says what went wrong, for the report of all failures.
fn run_case(built: &Catalogue, case: &Case) -> Result<(), String> {
    let catalogue = faulty_copy(built, case);
    let before = snapshot(&catalogue.path("output"));
    let run = build(&catalogue);
    if run.stderr.contains("panicked") || run.code != 1 {
        return Err(format!("exit {}:\n{}", run.code, run.stderr));
    }
    let expect = &case.expect;
    let written =
        String::from_utf8_lossy(&fs::read(catalogue.path(expect.file)).unwrap_or_default())
            .into_owned();
    let line =
        match expect.line_with {
            Some(needle) => Some(only_line(&written, needle).ok_or_else(|| {
                format!("{needle:?} is not on exactly one line of {}", expect.file)
            })?),
            None => None,
        };
    let found = reported_errors(&run.stderr).into_iter().any(|error| {
        error.file == expect.file
            && (expect.line_with.is_none() || error.line == line)
            && (expect.field.is_none() || error.field.as_deref() == expect.field)
            && error.text.contains(expect.says)
    });
    if !found {
        return Err(format!(
            "no error names {}{}{} saying {:?}:\n{}",
            expect.file,
            line.map(|l| format!(":{l}")).unwrap_or_default(),
            expect
                .field
                .map(|f| format!(" (field `{f}`)"))
                .unwrap_or_default(),
            expect.says,
            run.stderr
        ));
    }
    if snapshot(&catalogue.path("output")) != before {
        return Err("the previous output/ was changed".into());
    }
    let stray = stray_files_beside(&catalogue.path("output"));
    if !stray.is_empty() {
        return Err(format!("the failed build left {stray:?} behind"));
    }
    Ok(())
}

// ---------------------------------------------------------------- making faults

/// Makes `relative` a file of `size` bytes that starts with `head`: sparse, so it costs no disk.
fn sparse_file(catalogue: &Catalogue, relative: &str, head: &[u8], size: u64) {
    catalogue.write(relative, head);
    let file = fs::OpenOptions::new()
        .write(true)
        .open(catalogue.path(relative))
        .expect("open the file");
    file.set_len(size).expect("grow the file");
}

/// The classic "billion laughs": nine levels of nine aliases, 9^9 strings when expanded.
fn billion_laughs() -> String {
    let mut text = String::from(
        "a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n",
    );
    let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"];
    for pair in names.windows(2) {
        let aliases = vec![format!("*{}", pair[0]); 9].join(", ");
        text.push_str(&format!("{}: &{} [{aliases}]\n", pair[1], pair[1]));
    }
    text
}

/// A product whose `name` opens `depth` lists inside each other.
fn deep_flow(depth: usize) -> String {
    format!(
        "name: {}x{}\nproducer: batik-sekar-jagad\ncategory: batik\n",
        "[".repeat(depth),
        "]".repeat(depth)
    )
}

/// A front matter block nesting `depth` mappings by indentation.
fn deep_block(depth: usize) -> String {
    let mut text = String::from("---\nname:\n");
    for level in 1..depth {
        text.push_str(&"  ".repeat(level));
        text.push_str(&format!("k{level}:\n"));
    }
    text.push_str("---\nTeks.\n");
    text
}

fn utf16(text: &str, bom: bool) -> Vec<u8> {
    let mut bytes = if bom { vec![0xff, 0xfe] } else { Vec::new() };
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    bytes
}

/// Adds `shops:` with the one `entry` to the end of a producer.yaml or product.yaml.
fn shops(catalogue: &Catalogue, file: &str, entry: &str) {
    let text = catalogue.read(file);
    catalogue.write(file, format!("{text}shops:\n  {entry}\n"));
}

/// Adds one line (`sku: …` or `gtin: …`) to the batik product, after its category.
fn identifier(catalogue: &Catalogue, line: &str) {
    catalogue.replace(
        BATIK,
        "category: batik\n",
        &format!("category: batik\n{line}\n"),
    );
}

/// Writes the batik product's availability as a block with `status` and `lead_days` as given.
fn lead_days(catalogue: &Catalogue, status: &str, days: &str) {
    catalogue.replace(
        BATIK,
        "availability: { status: pesan, lead_days: 21 }",
        &format!("availability:\n  status: {status}\n  lead_days: {days}"),
    );
}

/// Replaces the batik product's photo list by `count` references to its one photo.
fn photos(catalogue: &Catalogue, count: usize) {
    let list = "  - file: utama.png\n    alt: { id: \"Kain batik motif surya\", en: \"Batik cloth with a sun motif\" }\n";
    catalogue.replace(BATIK, list, &list.repeat(count));
}

/// Appends shipping and return terms to catalogue.yaml.
fn terms(catalogue: &Catalogue, block: &str) {
    let text = catalogue.read(CONFIG);
    catalogue.write(CONFIG, format!("{text}{block}"));
}

fn limits(catalogue: &Catalogue, block: &str) {
    let text = catalogue.read(CONFIG);
    catalogue.write(CONFIG, format!("{text}limits:\n{block}"));
}

#[cfg(unix)]
fn symlink(target: &Path, link: &Path) {
    std::os::unix::fs::symlink(target, link).expect("make a symbolic link");
}

/// Moves `relative` out of the catalogue and leaves a link to it in its place.
#[cfg(unix)]
fn move_out_and_link(catalogue: &Catalogue, relative: &str) {
    let outside = catalogue
        .parent()
        .join(format!("outside-{}", relative.replace('/', "-")));
    fs::rename(catalogue.path(relative), &outside).expect("move out");
    symlink(&outside, &catalogue.path(relative));
}

// ---------------------------------------------------------------- the faults

fn cases() -> Vec<Case> {
    vec![
        // ---------------------------------------------------- malformed YAML
        Case {
            name: "malformed YAML in product.yaml",
            fault: |c| c.replace(BATIK, "\nmin_order: 10\n", "\nmin_order: 10: 20\n"),
            expect: error_at(BATIK, "min_order:", "`key: value` cannot start here"),
        },
        Case {
            name: "unclosed quote in product.yaml",
            fault: |c| c.replace(BATIK, "unit: { id: lembar,", "unit: { id: \"lembar,"),
            expect: error_in(BATIK, "may not be closed"),
        },
        Case {
            name: "malformed YAML in catalogue.yaml",
            fault: |c| c.replace(CONFIG, "languages: [id, en]", "languages: [id, en"),
            expect: error_in(CONFIG, ""),
        },
        Case {
            name: "tab indentation in producer.yaml",
            fault: |c| c.replace(PRODUCER, "\nkind: ukm", "\n\tkind: ukm"),
            expect: error_in(PRODUCER, "a tab is used for indentation"),
        },
        Case {
            name: "malformed front matter in id.md",
            fault: |c| c.write(BATIK_ID, "---\nname: [unclosed\n---\nTeks.\n"),
            expect: error_in(BATIK_ID, ""),
        },
        // ---------------------------------------------------- wrong types
        Case {
            name: "price written as a word",
            fault: |c| c.replace(BATIK, "price: { min: 350000, max: 750000 }", "price: murah"),
            expect: field_error(
                BATIK,
                "price:",
                "price",
                "expected a whole number of rupiah such as `35000`, or a range `{ min: 30000, max: 45000 }`; found the text `murah`",
            ),
        },
        Case {
            name: "a unit's plural without its singular",
            fault: |c| c.replace(BATIK, "unit: { id: lembar, en: piece }", "unit: { id: lembar, en_plural: pieces }"),
            expect: field_only(BATIK, "unit", "en_plural"),
        },
        Case {
            name: "min_order written as a word",
            fault: |c| c.replace(BATIK, "min_order: 10", "min_order: sepuluh"),
            expect: field_error(
                BATIK,
                "min_order:",
                "min_order",
                "expected a whole number (digits only); found the text `sepuluh`",
            ),
        },
        Case {
            name: "negative price",
            fault: |c| {
                c.replace(
                    BATIK,
                    "price: { min: 350000, max: 750000 }",
                    "price: { amount: -5 }",
                )
            },
            expect: field_error(BATIK, "price:", "price.amount", "found the number `-5`"),
        },
        Case {
            name: "featured written as a word",
            fault: |c| c.replace(BATIK, "featured: true", "featured: ya"),
            expect: field_error(
                BATIK,
                "featured:",
                "featured",
                "expected `true` or `false`; found the text `ya`",
            ),
        },
        Case {
            name: "tags written as one text",
            fault: |c| c.replace(BATIK, "tags: [tulis, pewarna-alami]", "tags: tulis"),
            expect: field_error(BATIK, "tags:", "tags", "expected a list"),
        },
        Case {
            name: "a product.yaml that is a list",
            fault: |c| c.write(BATIK, "- name: Batik\n- producer: batik-sekar-jagad\n"),
            expect: error_in(BATIK, "the file must hold fields, one `key: value` per line; found a list"),
        },
        Case {
            name: "founded written as a word",
            fault: |c| c.replace(PRODUCER, "founded: 2012", "founded: lama"),
            expect: field_error(PRODUCER, "founded:", "founded", "found the text `lama`"),
        },
        Case {
            name: "languages written as one text in catalogue.yaml",
            fault: |c| c.replace(CONFIG, "languages: [id, en]", "languages: id"),
            expect: field_error(
                CONFIG,
                "languages:",
                "languages",
                "write it like this: `languages: [id, en]`",
            ),
        },
        Case {
            name: "unknown certification type",
            fault: |c| c.replace(BATIK, "type: hki", "type: iso"),
            expect: field_error(
                BATIK,
                "type: iso",
                "certifications[0].type",
                "`iso` is not one of the values this field takes",
            ),
        },
        Case {
            name: "price with thousands dots and Rp",
            fault: |c| c.replace(BATIK, "price: { min: 350000, max: 750000 }", "price: Rp 350.000"),
            expect: field_error(BATIK, "price:", "price", "`price: 350000`"),
        },
        Case {
            name: "price with thousands dots read as a decimal number",
            fault: |c| c.replace(BATIK, "price: { min: 350000, max: 750000 }", "price: 350.000"),
            expect: field_error(BATIK, "price:", "price", "found the number `350.000`"),
        },
        Case {
            name: "price as a list",
            fault: |c| c.replace(BATIK, "price: { min: 350000, max: 750000 }", "price: [1, 2]"),
            expect: field_error(BATIK, "price:", "price", "found a list"),
        },
        Case {
            name: "a photo's file as a list",
            fault: |c| c.replace(BATIK, "file: utama.png", "file: [utama.png]"),
            expect: field_error(BATIK, "file:", "photos[0].file", "expected a text; found a list"),
        },
        Case {
            name: "curation date as a list",
            fault: |c| c.replace(BATIK, "date: 2025-04-28", "date: [2025, 4, 28]"),
            expect: field_error(BATIK, "date:", "curation.date", "expected a date written YYYY-MM-DD"),
        },
        Case {
            name: "a misspelt field inside curation",
            fault: |c| c.replace(BATIK, "curator: The", "curatr: The"),
            expect: field_error(BATIK, "curatr:", "curation.curatr", "did you mean `curator`?"),
        },
        Case {
            name: "a field written twice",
            fault: |c| c.replace(BATIK, "\nfeatured: true", "\nfeatured: true\nfeatured: false"),
            expect: field_error(BATIK, "featured: false", "featured", "written twice"),
        },
        Case {
            name: "a pasted paragraph where a number belongs",
            fault: |c| {
                let long = "sangat murah ".repeat(20_000);
                c.replace(BATIK, "min_order: 10", &format!("min_order: {long}"))
            },
            expect: field_error(BATIK, "min_order:", "min_order", "found the text `sangat murah sangat"),
        },
        Case {
            name: "precompress written as a word in catalogue.yaml",
            fault: |c| c.replace(CONFIG, "languages: [id, en]", "languages: [id, en]\nprecompress: ya"),
            expect: field_error(CONFIG, "precompress:", "precompress", "expected `true` or `false`"),
        },
        Case {
            name: "a front matter name as a list",
            fault: |c| c.write(BATIK_ID, "---\nname: [Batik]\n---\nTeks.\n"),
            expect: field_error(BATIK_ID, "name:", "name", "expected a text; found a list"),
        },
        // ---------------------------------------------------- days not on the calendar
        Case {
            name: "curation date on 31 February",
            fault: |c| c.replace(BATIK, "date: 2025-04-28", "date: 2025-02-31"),
            expect: field_error(
                BATIK,
                "date:",
                "curation.date",
                "`2025-02-31` is not a date",
            ),
        },
        // ---------------------------------------------------- availability
        Case {
            name: "unknown availability status",
            fault: |c| {
                c.replace(
                    BATIK,
                    "availability: { status: pesan, lead_days: 21 }",
                    "availability: { status: ready, lead_days: 21 }",
                )
            },
            expect: field_error(
                BATIK,
                "availability:",
                "availability.status",
                "write `siap` (ready stock), `pesan` (made to order) or `habis` (sold out)",
            ),
        },
        Case {
            name: "shipping country written as a name",
            fault: |c| terms(c, "shipping:\n  country: Indonesia\n  rate: 20000\n"),
            expect: field_error(
                CONFIG,
                "country: Indonesia",
                "shipping.country",
                "`Indonesia` is not a country code",
            ),
        },
        Case {
            name: "handling time shorter at most than at least",
            fault: |c| {
                terms(
                    c,
                    "shipping:\n  country: ID\n  rate: 20000\n  handling_days: { min: 5, max: 2 }\n",
                )
            },
            expect: field_error(
                CONFIG,
                "handling_days:",
                "shipping.handling_days",
                "the shortest time, 5 days, is longer than the longest, 2 days",
            ),
        },
        Case {
            name: "negative shipping rate",
            fault: |c| terms(c, "shipping:\n  country: ID\n  rate: -20000\n"),
            expect: field_error(
                CONFIG,
                "rate: -20000",
                "shipping.rate",
                "expected a whole number of rupiah such as `35000`; found the number `-20000`",
            ),
        },
        Case {
            name: "return fee while returns are not accepted",
            fault: |c| terms(c, "returns:\n  country: ID\n  days: 0\n  fee: 5000\n"),
            expect: field_error(
                CONFIG,
                "fee: 5000",
                "returns.fee",
                "`days: 0` says returns are not accepted",
            ),
        },
        Case {
            name: "return window over a year",
            fault: |c| terms(c, "returns:\n  country: ID\n  days: 400\n"),
            expect: field_error(
                CONFIG,
                "days: 400",
                "returns.days",
                "`400` is outside the allowed range, 0 to 365",
            ),
        },
        Case {
            name: "lead time of 0 days",
            fault: |c| lead_days(c, "pesan", "0"),
            expect: field_error(
                BATIK,
                "lead_days:",
                "availability.lead_days",
                "`0` is not a number of days from 1 to 365",
            ),
        },
        Case {
            name: "negative lead time",
            fault: |c| lead_days(c, "pesan", "-3"),
            expect: field_error(
                BATIK,
                "lead_days:",
                "availability.lead_days",
                "`-3` is not a number of days from 1 to 365",
            ),
        },
        Case {
            name: "lead time written as a word",
            fault: |c| lead_days(c, "pesan", "tiga"),
            expect: field_error(
                BATIK,
                "lead_days:",
                "availability.lead_days",
                "`tiga` is not a number of days",
            ),
        },
        Case {
            name: "lead time of a product in stock",
            fault: |c| lead_days(c, "siap", "21"),
            expect: field_error(
                BATIK,
                "lead_days:",
                "availability.lead_days",
                "hint: remove `lead_days`, or write `status: pesan`",
            ),
        },
        // ---------------------------------------------------- product code and barcode
        Case {
            name: "barcode with a wrong check digit",
            fault: |c| identifier(c, "gtin: \"8991234567895\""),
            expect: field_error(
                BATIK,
                "gtin:",
                "gtin",
                "`8991234567895` is not a valid barcode number (GTIN): its last digit (the check digit) does not fit",
            ),
        },
        Case {
            name: "barcode with letters",
            fault: |c| identifier(c, "gtin: 899123456789O"),
            expect: field_error(
                BATIK,
                "gtin:",
                "gtin",
                "hint: copy all the digits printed under the product's barcode",
            ),
        },
        Case {
            name: "barcode of the wrong length",
            fault: |c| identifier(c, "gtin: \"89912345678\""),
            expect: field_error(
                BATIK,
                "gtin:",
                "gtin",
                "`89912345678` has 11 digits; a barcode number (GTIN) has 8, 12, 13 or 14",
            ),
        },
        Case {
            name: "barcode written as a list",
            fault: |c| identifier(c, "gtin: [8991234567891]"),
            expect: error_at(BATIK, "gtin:", ""),
        },
        Case {
            name: "product code longer than 50 characters",
            fault: |c| identifier(c, &format!("sku: {}", "BSJ-".repeat(13))),
            expect: field_error(
                BATIK,
                "sku:",
                "sku",
                "is 52 characters long; a product code has at most 50",
            ),
        },
        Case {
            name: "product code with a line break",
            fault: |c| identifier(c, "sku: \"BSJ\\n01\""),
            expect: field_error(BATIK, "sku:", "sku", "a line break"),
        },
        Case {
            name: "product code written as a mapping",
            fault: |c| identifier(c, "sku: { kode: BSJ-01 }"),
            expect: error_at(BATIK, "sku:", ""),
        },
        Case {
            name: "edition on 29 February of a common year",
            fault: |c| c.replace(CONFIG, "edition: \"2025-04-28\"", "edition: \"2025-02-29\""),
            expect: field_error(CONFIG, "edition:", "edition", "`2025-02-29` is not a date"),
        },
        // ---------------------------------------------------- unknown and misspelt fields
        Case {
            name: "unknown field in producer.yaml",
            fault: |c| {
                c.replace(
                    PRODUCER,
                    "\nkind: ukm",
                    "\nkind: ukm\nwebsite: https://example.id",
                )
            },
            expect: field_error(PRODUCER, "website:", "website", "allowed fields here"),
        },
        Case {
            name: "misspelt field in product.yaml",
            fault: |c| c.replace(BATIK, "\ncategory: batik", "\ncatgory: batik"),
            expect: field_error(BATIK, "catgory:", "catgory", "did you mean `category`?"),
        },
        Case {
            name: "misspelt field in catalogue.yaml",
            fault: |c| c.replace(CONFIG, "\ntheme: default", "\nthema: default"),
            expect: field_error(CONFIG, "thema:", "thema", "did you mean `theme`?"),
        },
        Case {
            name: "misspelt field in front matter",
            fault: |c| c.write(BATIK_ID, "---\nnama: Batik\n---\nTeks.\n"),
            expect: field_error(BATIK_ID, "nama:", "nama", "did you mean `name`?"),
        },
        Case {
            name: "misspelt limit in catalogue.yaml",
            fault: |c| limits(c, "  max_photos: 3\n"),
            expect: field_error(
                CONFIG,
                "max_photos:",
                "limits.max_photos",
                "max_photos_per_product",
            ),
        },
        // ---------------------------------------------------- shop links
        Case {
            name: "shop link over http",
            fault: |c| {
                shops(
                    c,
                    PRODUCER,
                    "tokopedia: http://www.tokopedia.com/batiksekarjagad",
                )
            },
            expect: field_error(PRODUCER, "tokopedia:", "shops.tokopedia", "https://"),
        },
        Case {
            name: "Shopee link filed under tokopedia",
            fault: |c| {
                shops(
                    c,
                    PRODUCER,
                    "tokopedia: https://shopee.co.id/batiksekarjagad",
                )
            },
            expect: field_error(
                PRODUCER,
                "tokopedia:",
                "shops.tokopedia",
                "is not a Tokopedia address: it leads to `shopee.co.id`",
            ),
        },
        Case {
            name: "lookalike site filed under shopee",
            fault: |c| shops(c, PRODUCER, "shopee: https://shopee.co.id.example.com/toko"),
            expect: field_error(
                PRODUCER,
                "shopee:",
                "shops.shopee",
                "shopee.co.id, shope.ee",
            ),
        },
        Case {
            name: "shop link that is no address",
            fault: |c| shops(c, BATIK, "shopee: Toko Batik Sekar Jagad"),
            expect: field_error(BATIK, "shopee:", "shops.shopee", "is not a web address"),
        },
        Case {
            name: "website in a product's shops",
            fault: |c| shops(c, BATIK, "website: https://batiksekarjagad.example.id"),
            expect: field_error(BATIK, "website:", "shops.website", "producer.yaml"),
        },
        Case {
            name: "misspelt marketplace",
            fault: |c| {
                shops(
                    c,
                    PRODUCER,
                    "tokopdia: https://www.tokopedia.com/batiksekarjagad",
                )
            },
            expect: field_error(
                PRODUCER,
                "tokopdia:",
                "shops.tokopdia",
                "did you mean `tokopedia`?",
            ),
        },
        Case {
            name: "unknown marketplace",
            fault: |c| shops(c, PRODUCER, "lazada: https://www.lazada.co.id/shop/batik"),
            expect: field_error(PRODUCER, "lazada:", "shops.lazada", "use one of: tokopedia"),
        },
        Case {
            name: "shops written as one link",
            fault: |c| {
                let text = c.read(PRODUCER);
                c.write(
                    PRODUCER,
                    format!("{text}shops: https://www.tokopedia.com/x\n"),
                );
            },
            expect: error_at(PRODUCER, "shops:", ""),
        },
        // ---------------------------------------------------- missing required fields
        Case {
            name: "product without category",
            fault: |c| c.replace(BATIK, "\ncategory: batik", ""),
            expect: error_in(BATIK, "required field `category` is missing"),
        },
        Case {
            name: "producer without address",
            fault: |c| {
                c.replace(
                    PRODUCER,
                    "\naddress: Jl. Empu Nala 12, Prajurit Kulon, Kota Mojokerto",
                    "",
                )
            },
            expect: error_in(PRODUCER, "required field `address` is missing"),
        },
        Case {
            name: "catalogue.yaml without base_url",
            fault: |c| {
                c.replace(
                    CONFIG,
                    "\nbase_url: https://katalog.example.go.id/katalog/",
                    "",
                )
            },
            expect: error_in(CONFIG, "required field `base_url` is missing"),
        },
        Case {
            name: "product folder without product.yaml",
            fault: |c| c.remove(BATIK),
            expect: error_in(BATIK_DIR, "has no product.yaml"),
        },
        Case {
            name: "free page without a title",
            fault: |c| c.write(PAGE_ID, "# Tentang\n\nTanpa judul.\n"),
            expect: error_in(PAGE_ID, "has no title"),
        },
        // ---------------------------------------------------- unknown references
        Case {
            name: "unknown producer",
            fault: |c| {
                c.replace(
                    BATIK,
                    "producer: batik-sekar-jagad",
                    "producer: batik-sekar-jagat",
                )
            },
            expect: field_error(
                BATIK,
                "producer:",
                "producer",
                "did you mean `batik-sekar-jagad`?",
            ),
        },
        Case {
            name: "unknown category",
            fault: |c| c.replace(BATIK, "category: batik", "category: batk"),
            expect: field_error(BATIK, "category:", "category", "did you mean `batik`?"),
        },
        Case {
            name: "link to an unknown tag",
            fault: |c| c.write(BATIK_ID, "Lihat juga [batik tulis](@/tags/tulis-tangan).\n"),
            expect: error_at(BATIK_ID, "@/tags/", "tulis-tangan"),
        },
        Case {
            name: "link to an unknown product",
            fault: |c| {
                c.write(
                    BATIK_ID,
                    "Lihat [onde-onde](@/products/onde-onde-isi-11).\n",
                )
            },
            expect: error_at(BATIK_ID, "@/products/", "did you mean"),
        },
        Case {
            name: "a tag that is not a slug",
            fault: |c| {
                c.replace(
                    BATIK,
                    "tags: [tulis, pewarna-alami]",
                    "tags: [Tulis Tangan]",
                )
            },
            expect: error_at(BATIK, "tags:", "Tulis Tangan"),
        },
        Case {
            name: "brochure of an unknown category",
            fault: |c| {
                let text = c.read(CONFIG);
                c.write(
                    CONFIG,
                    format!(
                        "{text}brochures:\n  - {{ slug: kain, title: Kain, category: kain }}\n"
                    ),
                );
            },
            expect: field_error(CONFIG, "brochures:", "brochures[0].category", "kain"),
        },
        // ---------------------------------------------------- invalid slugs
        Case {
            name: "folder name with capitals",
            fault: |c| c.write("content/products/Batik-Baru/product.yaml", "name: Batik\n"),
            expect: error_in("content/products/Batik-Baru", "is not a valid slug"),
        },
        Case {
            name: "folder name with a space",
            fault: |c| c.write("content/products/batik baru/product.yaml", "name: Batik\n"),
            expect: error_in("content/products/batik baru", "is not a valid slug"),
        },
        Case {
            name: "folder name with a dot",
            fault: |c| {
                c.write(
                    "content/producers/batik.sekar/producer.yaml",
                    "name: Batik\n",
                )
            },
            expect: error_in("content/producers/batik.sekar", "is not a valid slug"),
        },
        Case {
            name: "category slug with an underscore",
            fault: |c| c.replace(CONFIG, "slug: makanan-minuman", "slug: makanan_minuman"),
            expect: field_error(
                CONFIG,
                "categories:",
                "categories[1].slug",
                "makanan_minuman",
            ),
        },
        // ---------------------------------------------------- photos
        Case {
            name: "missing photo",
            fault: |c| c.replace(BATIK, "file: utama.png", "file: hilang.png"),
            expect: field_error(BATIK, "hilang.png", "photos[0].file", "does not exist"),
        },
        Case {
            name: "corrupt photo",
            fault: |c| c.write(PHOTO, b"\x89PNG\r\n\x1a\nbukan foto sama sekali"),
            expect: error_in(PHOTO, "is not a valid PNG image"),
        },
        Case {
            name: "truncated photo",
            fault: |c| {
                let png = fs::read(c.path(PHOTO)).unwrap();
                c.write(PHOTO, &png[..png.len() / 2]);
            },
            expect: error_in(PHOTO, "PNG"),
        },
        Case {
            name: "empty photo",
            fault: |c| c.write(PHOTO, b""),
            expect: error_in(PHOTO, "is not a valid PNG image"),
        },
        Case {
            name: "PNG saved as .jpg",
            fault: |c| {
                let png = fs::read(c.path(PHOTO)).unwrap();
                c.write(&format!("{BATIK_DIR}/utama.jpg"), png);
                c.replace(BATIK, "file: utama.png", "file: utama.jpg");
            },
            expect: error_in(
                "content/products/batik-tulis-surya/utama.jpg",
                "is not a valid JPEG image",
            ),
        },
        Case {
            name: "photo of an unsupported type",
            fault: |c| {
                c.write(&format!("{BATIK_DIR}/utama.bmp"), b"BM");
                c.replace(BATIK, "file: utama.png", "file: utama.bmp");
            },
            expect: error_in(
                "content/products/batik-tulis-surya/utama.bmp",
                "not a supported image type",
            ),
        },
        Case {
            name: "enormous photo file (over the default 50 MB)",
            fault: |c| sparse_file(c, PHOTO, &png_declaring(40, 30), 60 * 1024 * 1024),
            expect: error_in(PHOTO, "is 60 MB; photo files may be at most 50 MB"),
        },
        Case {
            name: "decompression bomb",
            fault: |c| c.write(PHOTO, png_declaring(100_000, 100_000)),
            expect: error_in(
                PHOTO,
                "is 100000×100000 pixels; photos may have at most 60 megapixels",
            ),
        },
        Case {
            name: "corrupt logo",
            fault: |c| c.write(LOGO, b"GIF89a"),
            expect: error_in(LOGO, "is not a valid PNG image"),
        },
        Case {
            name: "photo path with ..",
            fault: |c| {
                c.replace(
                    BATIK,
                    "file: utama.png",
                    "file: ../sambal-tanpa-foto/utama.png",
                )
            },
            expect: field_error(
                BATIK,
                "file: ../",
                "photos[0].file",
                "is not a file name inside this entry's folder",
            ),
        },
        Case {
            name: "absolute photo path",
            fault: |c| c.replace(BATIK, "file: utama.png", "file: /etc/hostname"),
            expect: field_error(
                BATIK,
                "/etc/hostname",
                "photos[0].file",
                "is not a file name inside this entry's folder",
            ),
        },
        Case {
            name: "photo in Markdown with a path leaving the folder",
            fault: |c| c.write(BATIK_ID, "Foto:\n\n![kain](../../../../rahasia.png)\n"),
            expect: error_at(
                BATIK_ID,
                "rahasia.png",
                "is not a file name inside this entry's folder",
            ),
        },
        Case {
            name: "too many photos (over the default 12)",
            fault: |c| photos(c, 13),
            expect: field_only(
                BATIK,
                "photos[12]",
                "lists 13 photos; a product may have at most 12",
            ),
        },
        // ---------------------------------------------------- links leaving the catalogue
        #[cfg(unix)]
        Case {
            name: "photo that is a link leaving the catalogue",
            fault: |c| move_out_and_link(c, PHOTO),
            expect: field_error(
                BATIK,
                "utama.png",
                "photos[0].file",
                "is a link to a file outside the catalogue folder",
            ),
        },
        #[cfg(unix)]
        Case {
            name: "product.yaml that is a link leaving the catalogue",
            fault: |c| move_out_and_link(c, BATIK),
            expect: error_in(BATIK, "is a link to a file outside the catalogue folder"),
        },
        #[cfg(unix)]
        Case {
            name: "id.md that is a link leaving the catalogue",
            fault: |c| move_out_and_link(c, BATIK_ID),
            expect: error_in(BATIK_ID, "is a link to a file outside the catalogue folder"),
        },
        #[cfg(unix)]
        Case {
            name: "template that is a link leaving the catalogue",
            fault: |c| {
                let outside = c.parent().join("price.html");
                fs::write(&outside, "{{ card.price }}").unwrap();
                fs::create_dir_all(c.path("templates/partials")).unwrap();
                symlink(&outside, &c.path("templates/partials/price.html"));
            },
            expect: error_in(
                "templates/partials/price.html",
                "is a link to a file outside the catalogue folder",
            ),
        },
        #[cfg(unix)]
        Case {
            name: "catalogue.yaml that is a link leaving the catalogue",
            fault: |c| move_out_and_link(c, CONFIG),
            expect: error_in(CONFIG, "is a link to a file outside the catalogue folder"),
        },
        #[cfg(unix)]
        Case {
            name: "product folder that is a link leaving the catalogue",
            fault: |c| move_out_and_link(c, BATIK_DIR),
            expect: error_in(
                BATIK_DIR,
                "is a link to a folder outside the catalogue folder",
            ),
        },
        #[cfg(unix)]
        Case {
            name: "content/products/ that is a link leaving the catalogue",
            fault: |c| move_out_and_link(c, "content/products"),
            expect: error_in(
                "content/products",
                "is a link to a folder outside the catalogue folder",
            ),
        },
        #[cfg(unix)]
        Case {
            name: "content/ that is a link leaving the catalogue",
            fault: |c| move_out_and_link(c, "content"),
            expect: error_in(
                "content",
                "is a link to a folder outside the catalogue folder",
            ),
        },
        #[cfg(unix)]
        Case {
            name: "static/ that is a link leaving the catalogue",
            fault: |c| {
                let outside = c.parent().join("rumah");
                fs::create_dir_all(&outside).unwrap();
                fs::write(outside.join("rahasia.txt"), "not to be published").unwrap();
                symlink(&outside, &c.path("static"));
            },
            expect: error_in(
                "static",
                "is a link to a folder outside the catalogue folder",
            ),
        },
        // ---------------------------------------------------- encodings
        Case {
            name: "Latin-1 product.yaml",
            fault: |c| {
                c.write(BATIK, b"name: { id: Batik, en: Batik }\nproducer: batik-sekar-jagad\ncategory: batik\nunit: { id: caf\xe9, en: cafe }\n")
            },
            expect: error_at(BATIK, "unit:", "is not UTF-8 text"),
        },
        Case {
            name: "Latin-1 catalogue.yaml",
            fault: |c| {
                let mut bytes = c.read(CONFIG).into_bytes();
                bytes.extend_from_slice(b"# caf\xe9\n");
                c.write(CONFIG, bytes);
            },
            expect: error_at(CONFIG, "# caf", "is not UTF-8 text"),
        },
        Case {
            name: "UTF-16 product.yaml with a byte-order mark",
            fault: |c| c.write(BATIK, utf16(&c.read(BATIK), true)),
            expect: error_in(BATIK, "is UTF-16 text, not UTF-8"),
        },
        Case {
            name: "UTF-16 id.md without a byte-order mark",
            fault: |c| c.write(BATIK_ID, utf16(&c.read(BATIK_ID), false)),
            expect: error_in(BATIK_ID, "is UTF-16 text, not UTF-8"),
        },
        Case {
            name: "binary garbage as id.md",
            fault: |c| c.write(BATIK_ID, (1..=255u8).collect::<Vec<u8>>()),
            expect: error_in(BATIK_ID, "is not UTF-8 text"),
        },
        // ---------------------------------------------------- bombs and nesting
        Case {
            name: "billion laughs in product.yaml",
            fault: |c| c.write(BATIK, billion_laughs()),
            expect: error_in(BATIK, ""),
        },
        Case {
            name: "billion laughs in front matter",
            fault: |c| c.write(BATIK_ID, format!("---\n{}---\nTeks.\n", billion_laughs())),
            expect: error_in(BATIK_ID, ""),
        },
        Case {
            name: "aliases copying more than the default 10000 values",
            fault: |c| {
                c.replace(
                    BATIK,
                    "tags: [tulis, pewarna-alami]",
                    &format!("tags: [&t tulis{}]", ", *t".repeat(10_001)),
                )
            },
            expect: error_at(BATIK, "tags:", "copy more than 10000 values"),
        },
        Case {
            name: "10,000 nested lists",
            fault: |c| c.write(BATIK, deep_flow(10_000)),
            expect: error_in(BATIK, ""),
        },
        Case {
            name: "10,000 nested mappings in front matter",
            fault: |c| c.write(BATIK_ID, deep_block(10_000)),
            expect: error_in(BATIK_ID, ""),
        },
        // ---------------------------------------------------- empty files
        Case {
            name: "empty product.yaml",
            fault: |c| c.write(BATIK, ""),
            expect: error_in(BATIK, "the file holds no fields"),
        },
        Case {
            name: "empty producer.yaml",
            fault: |c| c.write(PRODUCER, ""),
            expect: error_in(PRODUCER, "the file holds no fields"),
        },
        Case {
            name: "empty catalogue.yaml",
            fault: |c| c.write(CONFIG, ""),
            expect: error_in(CONFIG, "the file holds no fields"),
        },
        Case {
            name: "empty free page",
            fault: |c| c.write(PAGE_ID, ""),
            expect: error_in(PAGE_ID, "has no title"),
        },
        // ---------------------------------------------------- sizes and configured limits
        Case {
            name: "id.md over the default 1024 KB",
            fault: |c| c.write(BATIK_ID, "Kain batik. ".repeat(100_000)),
            expect: error_in(
                BATIK_ID,
                "is 1172 KB; YAML and Markdown files may be at most 1024 KB",
            ),
        },
        Case {
            name: "catalogue.yaml over its 1024 KB ceiling",
            fault: |c| {
                let text = c.read(CONFIG);
                c.write(
                    CONFIG,
                    format!("{text}{}", "# komentar panjang\n".repeat(60_000)),
                );
            },
            expect: error_in(CONFIG, "long texts belong in content/"),
        },
        Case {
            name: "id.md over a configured max_text_file_kb",
            fault: |c| {
                limits(c, "  max_text_file_kb: 1\n");
                c.write(BATIK_ID, "Kain batik. ".repeat(100));
            },
            expect: error_in(BATIK_ID, "raise `limits.max_text_file_kb`"),
        },
        Case {
            name: "photo over a configured max_photo_file_mb",
            fault: |c| {
                limits(c, "  max_photo_file_mb: 1\n");
                sparse_file(c, PHOTO, &png_declaring(40, 30), 2 * 1024 * 1024);
            },
            expect: error_in(PHOTO, "is 2 MB; photo files may be at most 1 MB"),
        },
        Case {
            name: "photo over a configured max_photo_megapixels",
            fault: |c| {
                limits(c, "  max_photo_megapixels: 1\n");
                c.write(PHOTO, png_declaring(2000, 1000));
            },
            expect: error_in(PHOTO, "raise `limits.max_photo_megapixels`"),
        },
        Case {
            name: "photos over a configured max_photos_per_product",
            fault: |c| {
                limits(c, "  max_photos_per_product: 2\n");
                photos(c, 3);
            },
            expect: field_only(BATIK, "photos[2]", "raise `limits.max_photos_per_product`"),
        },
        Case {
            name: "nesting over a configured max_yaml_depth",
            fault: |c| limits(c, "  max_yaml_depth: 3\n"),
            expect: error_at(BATIK, "alt:", "nests deeper than 3 levels"),
        },
        Case {
            name: "aliases over a configured max_yaml_alias_expansion",
            fault: |c| {
                limits(c, "  max_yaml_alias_expansion: 1\n");
                c.replace(
                    BATIK,
                    "tags: [tulis, pewarna-alami]",
                    "tags: [&t tulis, *t, *t]",
                );
            },
            expect: error_at(BATIK, "tags:", "raise `limits.max_yaml_alias_expansion`"),
        },
        Case {
            name: "a spreadsheet limit out of its range",
            fault: |c| limits(c, "  max_cell_chars: 5\n"),
            expect: field_error(
                CONFIG,
                "max_cell_chars:",
                "limits.max_cell_chars",
                "`5` is outside the allowed range, 100 to 1000000",
            ),
        },
        Case {
            name: "a brochure split below one sheet of cards",
            fault: |c| limits(c, "  max_brochure_products: 2\n"),
            expect: field_error(
                CONFIG,
                "max_brochure_products:",
                "limits.max_brochure_products",
                "`2` is outside the allowed range, 6 to 1000000",
            ),
        },
        Case {
            name: "a feed file limit above the sitemap protocol's",
            fault: |c| limits(c, "  max_feed_file_kb: 60000\n"),
            expect: field_error(
                CONFIG,
                "max_feed_file_kb:",
                "limits.max_feed_file_kb",
                "`60000` is outside the allowed range, 16 to 51200",
            ),
        },
        Case {
            name: "a limit out of its range",
            fault: |c| limits(c, "  max_yaml_depth: 100000\n"),
            expect: field_error(
                CONFIG,
                "max_yaml_depth:",
                "limits.max_yaml_depth",
                "outside the allowed range",
            ),
        },
        Case {
            name: "the pixel limit set twice",
            fault: |c| {
                let text = c.read(CONFIG);
                c.write(CONFIG, format!("{text}images: {{ max_megapixels: 30 }}\nlimits: {{ max_photo_megapixels: 40 }}\n"));
            },
            expect: field_error(
                CONFIG,
                "limits:",
                "limits.max_photo_megapixels",
                "remove `max_megapixels`",
            ),
        },
    ]
}

#[test]
fn every_bad_input_fails_cleanly_and_keeps_the_previous_site() {
    let built = built_basic();
    let cases = cases();
    let failures: Vec<String> = cases
        .par_iter()
        .filter_map(|case| {
            run_case(&built, case)
                .err()
                .map(|why| format!("{}: {why}", case.name))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} bad inputs were not handled:\n\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
}

// ---------------------------------------------------------------- bombs in little memory

/// Runs the binary limited to 512 MB of address space, stopped if it runs for two minutes.
fn build_in_little_memory(catalogue: &Catalogue) -> Run {
    let root = catalogue.root().as_os_str();
    in_little_memory(&[OsStr::new("build"), OsStr::new("--root"), root]).0
}

/// Runs the binary with `args` limited to 512 MB of address space, stopped if it runs for two
/// minutes; and how long it ran.
fn in_little_memory(args: &[&OsStr]) -> (Run, Duration) {
    let mut child = Command::new("prlimit")
        .arg(format!("--as={}", 512 * 1024 * 1024))
        .arg("--")
        .arg(env!("CARGO_BIN_EXE_etalase"))
        .args(args)
        .env_remove("RUST_BACKTRACE")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run etalase under prlimit");
    let started = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if started.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            panic!("etalase ran for two minutes");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let took = started.elapsed();
    let output = child.wait_with_output().expect("collect the output");
    let run = Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    };
    (run, took)
}

#[test]
fn bombs_are_refused_in_little_memory() {
    let bombs = [
        Case {
            name: "billion laughs",
            fault: |c| c.write(BATIK, billion_laughs()),
            expect: error_in(BATIK, ""),
        },
        Case {
            name: "10,000 nested lists",
            fault: |c| c.write(BATIK, deep_flow(10_000)),
            expect: error_in(BATIK, ""),
        },
        Case {
            name: "10,000 nested mappings",
            fault: |c| c.write(BATIK_ID, deep_block(10_000)),
            expect: error_in(BATIK_ID, ""),
        },
        // Read whole, these two would need 4 GB: they are refused from their size on disk.
        Case {
            name: "a 4 GB id.md",
            fault: |c| sparse_file(c, BATIK_ID, b"Teks.\n", 4 << 30),
            expect: error_in(BATIK_ID, "YAML and Markdown files may be at most 1024 KB"),
        },
        Case {
            name: "a 4 GB photo",
            fault: |c| sparse_file(c, PHOTO, &png_declaring(40, 30), 4 << 30),
            expect: error_in(PHOTO, "photo files may be at most 50 MB"),
        },
    ];
    for Case {
        name,
        fault,
        expect,
    } in bombs
    {
        let file = expect.file;
        let catalogue = Catalogue::copy("basic");
        fault(&catalogue);
        let run = build_in_little_memory(&catalogue);
        assert_eq!(run.code, 1, "{name}: {}", run.stderr);
        assert!(
            reported_errors(&run.stderr)
                .iter()
                .any(|e| e.file == file && e.text.contains(expect.says)),
            "{name}: no error names {file}:\n{}",
            run.stderr
        );
    }
}

// ---------------------------------------------------------------- spreadsheet bombs

/// The spreadsheet bombs of issue 20: each tiny on disk, each would take gigabytes if read
/// naively. Each must be refused (exit 1, the file and the limit named, nothing written)
/// under 512 MB of address space, quickly.
#[test]
fn spreadsheet_bombs_are_refused_in_little_memory() {
    use crate::common::workbook::put_huge_cell;
    use rust_xlsxwriter::Workbook;

    let catalogue = Catalogue::copy("basic");
    let data = catalogue.parent().join("data");
    fs::create_dir_all(&data).unwrap();
    let products = |path: &Path, far_row: Option<u32>| {
        let mut workbook = Workbook::new();
        let sheet = workbook.add_worksheet();
        sheet.set_name("Produk").unwrap();
        sheet.write_string(0, 0, "nama_id").unwrap();
        sheet.write_string(0, 1, "harga").unwrap();
        sheet.write_string(1, 0, "Onde-onde").unwrap();
        if let Some(row) = far_row {
            // A dense grid to here would be 17 billion cells.
            sheet.write_string(row, 16_383, "x").unwrap();
        }
        workbook.save(path).unwrap();
    };

    // One cell of 600 MB: over the 512 MB the process may use, so only a refusal made
    // before the cell is read can pass.
    let huge_cell = data.join("sel-raksasa.xlsx");
    products(&huge_cell, None);
    put_huge_cell(&huge_cell, 600 * 1024 * 1024);
    let packed = fs::metadata(&huge_cell).unwrap().len();
    assert!(packed < 5 * 1024 * 1024, "{packed}");

    let far_cell = data.join("sel-jauh.xlsx");
    products(&far_cell, Some(1_048_575));

    // A row of 16,384 cells repeated a million times: calamine alone would expand it.
    let ods = data.join("baris-berulang.ods");
    let content = r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Produk"><table:table-row><table:table-cell office:value-type="string"><text:p>nama_id</text:p></table:table-cell></table:table-row><table:table-row table:number-rows-repeated="1000000"><table:table-cell office:value-type="string" table:number-columns-repeated="16384"><text:p>Onde-onde</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"#;
    write_zip(
        &ods,
        &[
            ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
            ("content.xml", content),
        ],
    );

    // 4 GB on disk as far as the file system says, holding nothing.
    let csv = data.join("produk.csv");
    fs::write(&csv, "nama_id,harga\nOnde-onde,5000\n").unwrap();
    fs::File::options()
        .write(true)
        .open(&csv)
        .unwrap()
        .set_len(4 << 30)
        .unwrap();

    let cases = [
        (
            &huge_cell,
            "sel-raksasa.xlsx: the file would unpack to more than 100 MB",
            "limits.max_spreadsheet_mb",
        ),
        (
            &far_cell,
            "sel-jauh.xlsx, sheet `Produk`: the sheet goes on past row 50000",
            "limits.max_sheet_rows",
        ),
        (
            &ods,
            "baris-berulang.ods, sheet `Produk`: the sheet goes on past row 50000",
            "limits.max_sheet_rows",
        ),
        (
            &csv,
            "produk.csv: the file is more than 100 MB",
            "limits.max_spreadsheet_mb",
        ),
    ];
    let before = snapshot(catalogue.root());
    for (file, says, hint) in cases {
        let args = [
            OsStr::new("import"),
            file.as_os_str(),
            OsStr::new("--root"),
            catalogue.root().as_os_str(),
        ];
        let (run, took) = in_little_memory(&args);
        assert_eq!(
            run.code,
            1,
            "{}: {}{}",
            file.display(),
            run.stdout,
            run.stderr
        );
        let printed = format!("{}{}", run.stdout, run.stderr);
        assert!(printed.contains(says), "{}: {printed}", file.display());
        assert!(printed.contains(hint), "{}: {printed}", file.display());
        // Issue 20: refused in under 2 s. Twice that here, for a busy test machine and an
        // unoptimised binary.
        assert!(
            took < Duration::from_secs(4),
            "{}: took {took:?}",
            file.display()
        );
    }
    assert_eq!(
        snapshot(catalogue.root()),
        before,
        "a refused import wrote something"
    );
}

/// Writes a zip archive of `parts`, packed.
fn write_zip(path: &Path, parts: &[(&str, &str)]) {
    use std::io::Write as _;
    let mut zip = zip::ZipWriter::new(fs::File::create(path).unwrap());
    for (name, text) in parts {
        zip.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
}

// ---------------------------------------------------------------- what must succeed

/// Every file of the site built from `catalogue` by the binary.
fn site_of(catalogue: &Catalogue) -> std::collections::BTreeMap<String, Vec<u8>> {
    let run = build(catalogue);
    assert_eq!(run.code, 0, "{run:#?}");
    assert!(!run.stderr.contains("panicked"));
    snapshot(&catalogue.path("output"))
}

#[test]
fn a_byte_order_mark_and_crlf_line_endings_build_the_same_site() {
    let plain = Catalogue::copy("basic");
    let expected = site_of(&plain);
    let files = [CONFIG, BATIK, PRODUCER, BATIK_ID, PAGE_ID];
    type Change = fn(&str) -> String;
    let variants: [(&str, Change); 3] = [
        ("BOM", |text| format!("\u{feff}{text}")),
        ("CRLF", |text| text.replace('\n', "\r\n")),
        ("BOM and CRLF", |text| {
            format!("\u{feff}{}", text.replace('\n', "\r\n"))
        }),
    ];
    for (name, change) in variants {
        let catalogue = Catalogue::copy("basic");
        for file in files {
            catalogue.write(file, change(&catalogue.read(file)));
        }
        let site = site_of(&catalogue);
        assert_eq!(
            site.keys().collect::<Vec<_>>(),
            expected.keys().collect::<Vec<_>>(),
            "{name}: other files"
        );
        for (file, bytes) in &expected {
            assert!(site[file] == *bytes, "{name}: {file} differs");
        }
    }
}

/// The empty-state note of a page, if it has one.
fn empty_note(catalogue: &Catalogue, page: &str) -> Option<String> {
    let html = fs::read_to_string(catalogue.path("output").join(page)).expect("the page");
    let doc = scraper::Html::parse_document(&html);
    select(&doc, "#catalogue-empty").first().map(|e| text(*e))
}

#[test]
fn a_catalogue_without_products_builds_and_says_so() {
    let without_products = Catalogue::copy("basic");
    without_products.remove("content/products");
    let without_anything = Catalogue::copy("basic");
    without_anything.remove("content");
    for catalogue in [&without_products, &without_anything] {
        let run = build(catalogue);
        assert_eq!(run.code, 0, "{run:#?}");
        for page in ["id/index.html", "id/products/index.html"] {
            assert_eq!(
                empty_note(catalogue, page).as_deref(),
                Some(
                    "Belum ada produk di katalog ini. Produk yang ditambahkan akan tampil di sini."
                ),
                "{page}"
            );
        }
        for page in ["en/index.html", "en/products/index.html"] {
            assert_eq!(
                empty_note(catalogue, page).as_deref(),
                Some("There are no products in this catalogue yet. Products will appear here once they are added."),
                "{page}"
            );
        }
    }
    let with_products = Catalogue::copy("basic");
    assert_eq!(build(&with_products).code, 0);
    assert_eq!(empty_note(&with_products, "en/index.html"), None);
}
