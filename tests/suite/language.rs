//! No English inside Indonesian output: every command's error paths, run under an Indonesian
//! locale, print no English sentence outside the values they quote (names, paths, what the
//! editor typed).

use std::ffi::OsString;
use std::fs;

use crate::common::*;

/// Words that are English and never Indonesian; one of them outside a quoted value means a
/// sentence escaped `messages.rs`.
const ENGLISH: &[&str] = &[
    "the",
    "is",
    "are",
    "was",
    "not",
    "cannot",
    "can't",
    "with",
    "and",
    "of",
    "to",
    "for",
    "has",
    "have",
    "should",
    "must",
    "expected",
    "found",
    "invalid",
    "missing",
    "unknown",
    "error",
    "warning",
    "hint",
    "does",
    "this",
    "that",
    "which",
    "only",
    "there",
    "here",
    "field",
    "value",
    "line",
    "row",
    "column",
    "sheet",
    "built",
    "pages",
    "photos",
    "products",
    "producers",
    "waiting",
    "failed",
    "written",
    "read",
];

/// What a line says in its own words: quoted values (`...`, "...", <...>), paths and
/// addresses taken out.
fn own_words(line: &str) -> Vec<String> {
    let mut kept = String::new();
    let mut quote: Option<char> = None;
    for c in line.chars() {
        match (quote, c) {
            (None, '`' | '"') => quote = Some(c),
            (None, '<') => quote = Some('>'),
            (Some(end), _) if c == end => quote = None,
            (Some(_), _) => {}
            (None, _) => kept.push(c),
        }
    }
    kept.split_whitespace()
        .filter(|word| !word.contains(['/', '.', '@', ':', '_', '=']) || word.ends_with([':', '.']))
        .map(|word| {
            word.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'')
                .to_lowercase()
        })
        .filter(|word| !word.is_empty())
        .collect()
}

/// The English words a command's output has outside quoted values.
fn english_in(output: &str) -> Vec<(String, String)> {
    output
        .lines()
        .flat_map(|line| {
            own_words(line)
                .into_iter()
                .filter(|word| ENGLISH.contains(&word.as_str()))
                .map(|word| (word, line.to_owned()))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Runs etalase in `dir` under an Indonesian locale and returns what it printed.
fn in_indonesian(dir: &std::path::Path, args: &[OsString]) -> Run {
    etalase_with_locale(dir, args, "id_ID.UTF-8")
}

fn args(list: &[&str]) -> Vec<OsString> {
    list.iter().map(OsString::from).collect()
}

#[test]
fn the_english_word_test_finds_english_and_passes_quoted_values() {
    assert_eq!(
        english_in("kesalahan: content/products/x/product.yaml:4: the value is wrong"),
        [
            (
                "the".to_owned(),
                "kesalahan: content/products/x/product.yaml:4: the value is wrong".to_owned()
            ),
            (
                "value".to_owned(),
                "kesalahan: content/products/x/product.yaml:4: the value is wrong".to_owned()
            ),
            (
                "is".to_owned(),
                "kesalahan: content/products/x/product.yaml:4: the value is wrong".to_owned()
            ),
        ]
    );
    assert!(english_in("kesalahan: kolom `the field` tidak dikenal (\"is not\")").is_empty());
}

#[test]
fn every_commands_mistakes_are_told_in_indonesian() {
    let catalogue = Catalogue::copy("basic");
    let batik = "content/products/batik-tulis-surya/product.yaml";
    catalogue.replace(batik, "category: batik", "category: batk");
    catalogue.replace(batik, "min_order: 10", "min_order: sepuluh\nharga: 5");
    catalogue.replace(batik, "file: utama.png", "file: hilang.jpg");
    catalogue.replace(batik, "date: 2025-04-28", "date: 2025-02-31");
    catalogue.replace(
        "content/producers/onde-onde-bu-sri/producer.yaml",
        "kind: ikm",
        "kind: ikm\nwhatsapp: \"0812 3456\"",
    );
    let root = catalogue.root().to_owned();
    let data = catalogue.parent().join("data");
    fs::create_dir_all(&data).unwrap();
    fs::write(
        data.join("produk.csv"),
        "nama_id;nama_usaha;kategori;harga\nBolu;Toko Entah;kue;50rb-an\n",
    )
    .unwrap();
    fs::write(data.join("kosong.csv"), "a;b\n1;2\n").unwrap();
    let empty = tempfile::tempdir().unwrap();
    let syntax = Catalogue::copy("basic");
    syntax.replace(
        batik,
        "unit: { id: lembar, en: piece }",
        "unit: { id: \"lembar, en: piece }",
    );

    let runs: Vec<(&str, std::path::PathBuf, Vec<OsString>, i32)> = vec![
        ("build", root.clone(), args(&["build"]), 1),
        ("check", root.clone(), args(&["check", "--strict"]), 1),
        ("pdf", root.clone(), args(&["pdf", "--lang", "fr"]), 2),
        (
            "pdf without a browser",
            syntax.root().to_owned(),
            args(&["pdf", "--chrome", "/tidak/ada"]),
            1,
        ),
        (
            "export",
            root.clone(),
            args(&["export", "x.xlsx", "--selection", "entah"]),
            2,
        ),
        (
            "import rows",
            root.clone(),
            vec![
                "import".into(),
                data.join("produk.csv").into(),
                "--dry-run".into(),
            ],
            1,
        ),
        (
            "import unknown columns",
            root.clone(),
            vec![
                "import".into(),
                data.join("kosong.csv").into(),
                "--dry-run".into(),
            ],
            1,
        ),
        (
            "import missing",
            root.clone(),
            args(&["import", "tidak-ada.xlsx"]),
            2,
        ),
        (
            "not a catalogue",
            empty.path().to_owned(),
            args(&["build"]),
            2,
        ),
        (
            "new over a folder",
            root.clone(),
            args(&["new", "content"]),
            2,
        ),
        ("unknown command", root.clone(), args(&["bangun"]), 2),
        (
            "unknown option",
            root.clone(),
            args(&["build", "--rooot", "."]),
            2,
        ),
        (
            "bad value",
            root.clone(),
            args(&["serve", "--port", "delapan"]),
            2,
        ),
        ("missing argument", root.clone(), args(&["import"]), 2),
    ];
    let mut english = Vec::new();
    for (what, dir, list, code) in runs {
        let run = in_indonesian(&dir, &list);
        assert_eq!(run.code, code, "{what}: {run:#?}");
        assert!(!run.stderr.trim().is_empty(), "{what} said nothing");
        for (word, line) in english_in(&run.stderr)
            .into_iter()
            .chain(english_in(&run.stdout))
        {
            english.push(format!("{what}: `{word}` in: {line}"));
        }
    }
    assert!(
        english.is_empty(),
        "English in Indonesian output:\n{}",
        english.join("\n")
    );
}
