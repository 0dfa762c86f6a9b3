//! The messages editors see when their catalogue is wrong: exact text for the common mistakes,
//! every error at once, paths relative to the catalogue, and no panics on nasty input.

use std::ffi::OsStr;

use crate::common::*;

const BATIK: &str = "content/products/batik-tulis-surya/product.yaml";
const BATIK_DIR: &str = "content/products/batik-tulis-surya";
const PRODUCER: &str = "content/producers/batik-sekar-jagad/producer.yaml";

/// A copy of the basic fixture with one replacement made in `file`.
fn basic_with(file: &str, from: &str, to: &str) -> Catalogue {
    let catalogue = Catalogue::copy("basic");
    catalogue.replace(file, from, to);
    catalogue
}

/// The only error of a build, as users see it.
fn only_error(catalogue: &Catalogue) -> String {
    let errors = catalogue.build_errors();
    assert_eq!(errors.len(), 1, "expected exactly one error: {errors:#?}");
    errors.into_iter().next().unwrap()
}

// ---------------------------------------------------------------- the common mistakes

#[test]
fn misspelt_field_names_the_line_and_suggests_the_field() {
    let catalogue = basic_with(BATIK, "\ncategory: batik", "\ncatgory: batik");
    let line = line_of(&catalogue.read(BATIK), "catgory:");
    assert_eq!(line, 3);
    assert_eq!(
        only_error(&catalogue),
        format!(
            "error: {BATIK}:{line}: field `catgory`: unknown field `catgory`\n  \
             hint: did you mean `category`?"
        )
    );
}

#[test]
fn misspelt_field_further_down_reports_its_own_line() {
    let catalogue = basic_with(BATIK, "\nmin_order: 10", "\nminimum_order: 10");
    let line = line_of(&catalogue.read(BATIK), "minimum_order:");
    assert_eq!(
        only_error(&catalogue),
        format!(
            "error: {BATIK}:{line}: field `minimum_order`: unknown field `minimum_order`\n  \
             hint: did you mean `min_order`?"
        )
    );
}

#[test]
fn unknown_producer_suggests_the_close_one() {
    let catalogue = basic_with(
        BATIK,
        "producer: batik-sekar-jagad",
        "producer: batik-sekar",
    );
    let line = line_of(&catalogue.read(BATIK), "producer:");
    assert_eq!(
        only_error(&catalogue),
        format!(
            "error: {BATIK}:{line}: field `producer`: producer `batik-sekar` does not exist\n  \
             hint: did you mean `batik-sekar-jagad`?"
        )
    );
}

#[test]
fn misspelt_producer_suggests_the_close_one() {
    let catalogue = basic_with(
        BATIK,
        "producer: batik-sekar-jagad",
        "producer: batik-sekar-jagat",
    );
    let line = line_of(&catalogue.read(BATIK), "producer:");
    assert_eq!(
        only_error(&catalogue),
        format!(
            "error: {BATIK}:{line}: field `producer`: producer `batik-sekar-jagat` does not exist\n  \
             hint: did you mean `batik-sekar-jagad`?"
        )
    );
}

#[test]
fn unknown_category_suggests_the_close_one() {
    let catalogue = basic_with(BATIK, "category: batik", "category: batk");
    let line = line_of(&catalogue.read(BATIK), "category:");
    assert_eq!(
        only_error(&catalogue),
        format!(
            "error: {BATIK}:{line}: field `category`: category `batk` is not defined in catalogue.yaml\n  \
             hint: did you mean `batik`?"
        )
    );
}

#[test]
fn missing_photo_file_names_the_folder() {
    let catalogue = basic_with(BATIK, "file: utama.png", "file: hilang.png");
    let line = line_of(&catalogue.read(BATIK), "hilang.png");
    assert_eq!(
        only_error(&catalogue),
        format!(
            "error: {BATIK}:{line}: field `photos[0].file`: file `hilang.png` does not exist\n  \
             hint: put the file in {BATIK_DIR}/ or correct the name (names are case-sensitive)"
        )
    );
}

#[test]
fn photo_paths_cannot_leave_the_entry_folder() {
    for reference in ["../../secret.jpg", "/etc/hostname"] {
        let catalogue = basic_with(BATIK, "file: utama.png", &format!("file: {reference}"));
        catalogue.write("content/secret.jpg", b"not to be published");
        let line = line_of(&catalogue.read(BATIK), reference);
        let errors = catalogue.build_errors();
        assert_eq!(
            errors,
            [format!(
                "error: {BATIK}:{line}: field `photos[0].file`: `{reference}` is not a file name inside this entry's folder\n  \
                 hint: put the file in {BATIK_DIR}/ and write just its name, e.g. `utama.jpg`"
            )],
        );
    }
}

#[cfg(unix)]
#[test]
fn photo_links_leaving_the_catalogue_are_refused() {
    let catalogue = basic_with(BATIK, "file: utama.png", "file: tautan.png");
    let outside = catalogue.parent().join("outside.png");
    std::fs::copy(catalogue.path(&format!("{BATIK_DIR}/utama.png")), &outside).unwrap();
    std::os::unix::fs::symlink(&outside, catalogue.path(&format!("{BATIK_DIR}/tautan.png")))
        .unwrap();
    let errors = catalogue.build_errors();
    let line = line_of(&catalogue.read(BATIK), "tautan.png");
    assert!(
        errors.contains(&format!(
            "error: {BATIK}:{line}: field `photos[0].file`: `tautan.png` is a link to a file outside the catalogue folder\n  \
             hint: copy the file itself into {BATIK_DIR}/"
        )),
        "{errors:#?}"
    );
}

#[test]
fn text_renamed_to_jpg_is_not_a_valid_jpeg() {
    let catalogue = basic_with(BATIK, "file: utama.png", "file: palsu.jpg");
    catalogue.write(
        &format!("{BATIK_DIR}/palsu.jpg"),
        "Ini bukan foto, hanya teks.\n",
    );
    assert_eq!(
        only_error(&catalogue),
        format!(
            "error: {BATIK_DIR}/palsu.jpg: is not a valid JPEG image\n  \
             hint: the file may be damaged or saved under the wrong extension; export it again"
        )
    );
}

#[test]
fn png_saved_as_jpg_is_not_a_valid_jpeg() {
    let catalogue = basic_with(BATIK, "file: utama.png", "file: utama.jpg");
    let png = std::fs::read(catalogue.path(&format!("{BATIK_DIR}/utama.png"))).unwrap();
    catalogue.write(&format!("{BATIK_DIR}/utama.jpg"), png);
    let error = only_error(&catalogue);
    assert!(
        error.starts_with(&format!(
            "error: {BATIK_DIR}/utama.jpg: is not a valid JPEG image\n"
        )),
        "{error}"
    );
}

#[test]
fn whatsapp_number_without_country_code_is_an_error() {
    let catalogue = basic_with(
        PRODUCER,
        "whatsapp: \"+6281234567890\"",
        "whatsapp: \"081234567890\"",
    );
    let line = line_of(&catalogue.read(PRODUCER), "whatsapp:");
    assert_eq!(
        only_error(&catalogue),
        format!(
            "error: {PRODUCER}:{line}: field `whatsapp`: `081234567890` is not a phone number in international form\n  \
             hint: write it in international form with quotes, e.g. \"+6281234567890\""
        )
    );
}

#[test]
fn whatsapp_number_with_spaces_is_an_error() {
    let catalogue = basic_with(
        PRODUCER,
        "whatsapp: \"+6281234567890\"",
        "whatsapp: \"+62 812 3456\"",
    );
    let line = line_of(&catalogue.read(PRODUCER), "whatsapp:");
    assert_eq!(
        only_error(&catalogue),
        format!(
            "error: {PRODUCER}:{line}: field `whatsapp`: `+62 812 3456` is not a phone number in international form\n  \
             hint: write it in international form with quotes, e.g. \"+6281234567890\""
        )
    );
}

// ---------------------------------------------------------------- values of the wrong kind

#[test]
fn a_price_written_as_a_word_says_what_price_takes() {
    let catalogue = basic_with(BATIK, "price: { min: 350000, max: 750000 }", "price: murah");
    let line = line_of(&catalogue.read(BATIK), "price:");
    assert_eq!(
        only_error(&catalogue).lines().take(2).collect::<Vec<_>>(),
        [
            format!(
                "error: {BATIK}:{line}: field `price`: expected a whole number of rupiah such \
                 as `35000`, or a range `{{ min: 30000, max: 45000 }}`; found the text `murah`"
            )
            .as_str(),
            "  hint: write it like this: `price: 35000`",
        ]
    );
}

#[test]
fn a_bare_number_is_a_single_price() {
    let catalogue = basic_with(BATIK, "price: { min: 350000, max: 750000 }", "price: 35000");
    let site = catalogue.build();
    let page = site.text("id/products/batik-tulis-surya/index.html");
    assert!(page.contains("Rp 35.000"), "the price is shown");
    assert!(!page.contains("750.000"), "the old range is gone");
}

/// `etalase check` of `catalogue` in English and in Indonesian: both standard errors.
fn check_in_both_languages(catalogue: &Catalogue) -> (String, String) {
    let root = catalogue.root().as_os_str();
    let args = [OsStr::new("check"), OsStr::new("--root"), root];
    let english = etalase_in(repo_root(), args);
    let indonesian = etalase_with_locale(repo_root(), args, "id_ID.UTF-8");
    assert_eq!(english.code, 1, "{}", english.stderr);
    assert_eq!(indonesian.code, 1, "{}", indonesian.stderr);
    for jargon in ["invalid type", "mapping start", "sequence start"] {
        assert!(!english.stderr.contains(jargon), "{}", english.stderr);
        assert!(!indonesian.stderr.contains(jargon), "{}", indonesian.stderr);
    }
    (
        without_source_lines(&english.stderr),
        without_source_lines(&indonesian.stderr),
    )
}

/// Output without the lines of the files shown under the errors (`   4 | price: murah`).
fn without_source_lines(output: &str) -> String {
    let is_source = |line: &str| {
        let line = line.trim_start();
        let number = line.trim_start_matches(|c: char| c.is_ascii_digit());
        line.starts_with('|') || (number.len() < line.len() && number.starts_with(" |"))
    };
    output
        .lines()
        .filter(|line| !is_source(line))
        .map(|line| format!("{line}\n"))
        .collect()
}

/// Under the error, the line of the file with a caret under the value, in both languages; the
/// first line and the hint stay as they are.
#[test]
fn errors_show_the_line_with_a_caret_under_the_value() {
    let catalogue = basic_with(
        BATIK,
        "price: { min: 350000, max: 750000 }",
        "price: murah  # harga",
    );
    let line = line_of(&catalogue.read(BATIK), "price:");
    let root = catalogue.root().as_os_str();
    for (locale, first, hint) in [
        ("C", "error", "  hint: write it like this: `price: 35000`"),
        (
            "id_ID.UTF-8",
            "kesalahan",
            "  petunjuk: tulis seperti ini: `price: 35000`",
        ),
    ] {
        for command in ["build", "check"] {
            let run = etalase_with_locale(
                repo_root(),
                [OsStr::new(command), OsStr::new("--root"), root],
                locale,
            );
            let lines: Vec<&str> = run.stderr.lines().collect();
            let at = lines
                .iter()
                .position(|l| l.starts_with(&format!("{first}: {BATIK}:{line}: ")))
                .unwrap_or_else(|| panic!("{}", run.stderr));
            assert_eq!(
                lines[at + 1..at + 5],
                [
                    "    |",
                    &format!("  {line} | price: murah  # harga"),
                    "    |        ^^^^^",
                    hint
                ],
                "{command} {locale}:\n{}",
                run.stderr
            );
        }
    }
}

/// One wrong value in each kind of file, through the real `check`, in both languages.
#[test]
fn type_errors_in_every_file_name_the_field_in_both_languages() {
    let catalogue = Catalogue::copy("basic");
    catalogue.replace(BATIK, "min_order: 10", "min_order: sepuluh");
    catalogue.replace(PRODUCER, "founded: 2012", "founded: [2012]");
    // The front matter of a product whose product.yaml is right (one with mistakes stops
    // before its texts are read).
    catalogue.write(
        "content/products/onde-onde-isi-10/id.md",
        "---\nunit: { satu: lembar }\n---\nTeks.\n",
    );
    let (english, indonesian) = check_in_both_languages(&catalogue);
    for expected in [
        "field `min_order`: expected a whole number (digits only); found the text `sepuluh`\n  hint: write it like this: `min_order: 10`",
        "field `founded`: expected a whole number (digits only); found a list\n  hint: write it like this: `founded: 2009`",
        "id.md:2: field `unit`: expected a text; found fields (`key: value`)\n  hint: write it like this: `unit: bungkus`",
    ] {
        assert!(english.contains(expected), "{expected}\n{english}");
    }
    for expected in [
        "kolom `min_order`: seharusnya bilangan bulat (angka saja), tetapi yang tertulis teks `sepuluh`\n  petunjuk: tulis seperti ini: `min_order: 10`",
        "kolom `founded`: seharusnya bilangan bulat (angka saja), tetapi yang tertulis sebuah daftar",
        "kolom `unit`: seharusnya teks, tetapi yang tertulis kumpulan kolom (`kunci: nilai`)",
    ] {
        assert!(indonesian.contains(expected), "{expected}\n{indonesian}");
    }

    // catalogue.yaml stops the build before the entries are read: a catalogue of its own.
    let catalogue = Catalogue::copy("basic");
    catalogue.replace("catalogue.yaml", "languages: [id, en]", "languages: id");
    let line = line_of(&catalogue.read("catalogue.yaml"), "languages:");
    let (english, indonesian) = check_in_both_languages(&catalogue);
    let expected = format!(
        "error: catalogue.yaml:{line}: field `languages`: expected a list (`[a, b]`, or one `- item` per line); found the text `id`\n  hint: write it like this: `languages: [id, en]`"
    );
    assert!(english.contains(&expected), "{english}");
    let expected = format!(
        "kesalahan: catalogue.yaml:{line}: kolom `languages`: seharusnya daftar (`[a, b]`, atau satu `- isi` per baris), tetapi yang tertulis teks `id`\n  petunjuk: tulis seperti ini: `languages: [id, en]`"
    );
    assert!(indonesian.contains(&expected), "{indonesian}");
}

// ---------------------------------------------------------------- every wrong value at once

/// The basic fixture with three values of the wrong kind in one product.yaml: a price in
/// words, a minimum order in words and a photo's file as a list.
fn three_wrong_values() -> Catalogue {
    let catalogue = Catalogue::copy("basic");
    catalogue.replace(BATIK, "price: { min: 350000, max: 750000 }", "price: murah");
    catalogue.replace(BATIK, "min_order: 10", "min_order: sepuluh");
    catalogue.replace(BATIK, "  - file: utama.png", "  - file: [utama.png]");
    catalogue
}

/// The lines of `output` that start an error of `file`.
fn errors_of<'a>(output: &'a str, first: &str, file: &str) -> Vec<&'a str> {
    let start = format!("{first}: {file}");
    output.lines().filter(|l| l.starts_with(&start)).collect()
}

#[test]
fn every_wrong_value_of_a_file_is_reported_in_one_check() {
    let catalogue = three_wrong_values();
    let text = catalogue.read(BATIK);
    let (price, min_order, file) = (
        line_of(&text, "price:"),
        line_of(&text, "min_order:"),
        line_of(&text, "- file:"),
    );
    let (english, indonesian) = check_in_both_languages(&catalogue);
    assert_eq!(
        errors_of(&english, "error", BATIK),
        [
            format!("error: {BATIK}:{price}: field `price`: expected a whole number of rupiah such as `35000`, or a range `{{ min: 30000, max: 45000 }}`; found the text `murah`"),
            format!("error: {BATIK}:{min_order}: field `min_order`: expected a whole number (digits only); found the text `sepuluh`"),
            format!("error: {BATIK}:{file}: field `photos[0].file`: expected a text; found a list"),
        ],
        "{english}"
    );
    assert_eq!(
        errors_of(&indonesian, "kesalahan", BATIK),
        [
            format!("kesalahan: {BATIK}:{price}: kolom `price`: seharusnya jumlah rupiah berupa bilangan bulat seperti `35000`, atau rentang `{{ min: 30000, max: 45000 }}`, tetapi yang tertulis teks `murah`"),
            format!("kesalahan: {BATIK}:{min_order}: kolom `min_order`: seharusnya bilangan bulat (angka saja), tetapi yang tertulis teks `sepuluh`"),
            format!("kesalahan: {BATIK}:{file}: kolom `photos[0].file`: seharusnya teks, tetapi yang tertulis sebuah daftar"),
        ],
        "{indonesian}"
    );
    // Each with its own hint.
    assert!(
        english.contains("  hint: write it like this: `min_order: 10`"),
        "{english}"
    );
    assert!(
        english.contains("  hint: write it like this: `file: utama.jpg`"),
        "{english}"
    );
}

/// `etalase build` lists the same three, each with the line of the file and a caret.
#[test]
fn build_shows_every_wrong_value_with_its_line() {
    let catalogue = three_wrong_values();
    let text = catalogue.read(BATIK);
    let root = catalogue.root().as_os_str();
    let run = etalase_in(
        repo_root(),
        [OsStr::new("build"), OsStr::new("--root"), root],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        errors_of(&run.stderr, "error", BATIK).len(),
        3,
        "{}",
        run.stderr
    );
    for (written, caret) in [
        ("price: murah", "^^^^^"),
        ("min_order: sepuluh", "^^^^^^^"),
        ("  - file: [utama.png]", "^^^^^^^^^^^"),
    ] {
        let line = line_of(&text, written.trim_start());
        let shown = format!("{line} | {written}\n");
        let at = run
            .stderr
            .find(&shown)
            .unwrap_or_else(|| panic!("{shown}\n{}", run.stderr));
        let under = run.stderr[at + shown.len()..].lines().next().unwrap();
        let under = under
            .trim_start()
            .strip_prefix('|')
            .expect("the caret line");
        assert_eq!(under.trim(), caret, "{}", run.stderr);
    }
    assert_eq!(catalogue.build_errors().len(), 3);
}

#[test]
fn a_wrong_value_and_a_misspelt_field_are_reported_together() {
    let catalogue = basic_with(BATIK, "\ncategory: batik", "\ncatgory: batik");
    catalogue.replace(BATIK, "featured: true", "featured: ya");
    let text = catalogue.read(BATIK);
    let (english, indonesian) = check_in_both_languages(&catalogue);
    let (misspelt, featured) = (line_of(&text, "catgory:"), line_of(&text, "featured:"));
    assert_eq!(
        errors_of(&english, "error", BATIK),
        [
            format!("error: {BATIK}:{misspelt}: field `catgory`: unknown field `catgory`"),
            format!("error: {BATIK}:{featured}: field `featured`: expected `true` or `false`; found the text `ya`"),
        ],
        "{english}"
    );
    assert!(
        english.contains("  hint: did you mean `category`?"),
        "{english}"
    );
    assert_eq!(
        errors_of(&indonesian, "kesalahan", BATIK).len(),
        2,
        "{indonesian}"
    );
    assert!(
        indonesian.contains("kolom `catgory`: kolom `catgory` tidak dikenal"),
        "{indonesian}"
    );
}

/// A file with a thousand wrong values shows the first twenty and counts the rest.
#[test]
fn a_file_with_very_many_wrong_values_shows_twenty_and_counts_the_rest() {
    let many = vec!["[x]"; 1000].join(", ");
    let catalogue = basic_with(
        BATIK,
        "tags: [tulis, pewarna-alami]",
        &format!("tags: [{many}]"),
    );
    let (english, indonesian) = check_in_both_languages(&catalogue);
    let errors = errors_of(&english, "error", BATIK);
    assert_eq!(errors.len(), 21, "{english}");
    assert!(
        errors[0].contains("field `tags[0]`: expected a text; found a list"),
        "{english}"
    );
    assert!(errors[19].contains("field `tags[19]`"), "{english}");
    assert_eq!(
        errors[20],
        format!("error: {BATIK}: and 980 more problems in this file, not shown")
    );
    assert!(english.contains(
        "  hint: fix the ones shown above, then run `etalase check` again to see the rest"
    ));
    let errors = errors_of(&indonesian, "kesalahan", BATIK);
    assert_eq!(
        errors.last().copied(),
        Some(
            format!("kesalahan: {BATIK}: dan 980 masalah lain di file ini, tidak ditampilkan")
                .as_str()
        )
    );
}

#[test]
fn invalid_yaml_syntax_names_the_line() {
    let catalogue = basic_with(BATIK, "\nmin_order: 10\n", "\nmin_order: 10: 20\n");
    let line = line_of(&catalogue.read(BATIK), "min_order:");
    let error = only_error(&catalogue);
    assert!(
        error.starts_with(&format!("error: {BATIK}:{line}: ")),
        "the line of the mistake ({line}) is not named: {error}"
    );
    assert!(
        error.contains(": a `key: value` cannot start here: the line is indented more than the field above it, or its value holds a second `: `\n"),
        "{error}"
    );
    assert!(
        error.ends_with(
            "\n  hint: start the line where the other fields start, or put the value in quotes, e.g. `note: \"buka: 08.00\"`"
        ),
        "{error}"
    );
    assert!(
        !error.contains(" at line ") && !error.contains("column"),
        "the position is repeated in parser jargon: {error}"
    );
}

#[test]
fn invalid_folder_name_is_not_a_slug() {
    let catalogue = Catalogue::copy("basic");
    catalogue.write(
        "content/products/Batik_Baru/product.yaml",
        "name: { id: Batik Baru, en: New Batik }\nproducer: batik-sekar-jagad\ncategory: batik\n",
    );
    assert_eq!(
        only_error(&catalogue),
        "error: content/products/Batik_Baru: folder name `Batik_Baru` is not a valid slug\n  \
         hint: rename the folder; use lowercase letters a-z, digits and single hyphens, e.g. `batik-sekar-jagad`"
    );
}

#[test]
fn free_page_without_title_front_matter() {
    let catalogue = Catalogue::copy("basic");
    catalogue.write("content/pages/tentang/id.md", "# Tentang\n\nTanpa judul.\n");
    assert_eq!(
        only_error(&catalogue),
        "error: content/pages/tentang/id.md:1: has no title\n  \
         hint: start the file with a front matter block:\n  ---\n  title: Tentang Kami\n  ---"
    );
}

#[test]
fn product_folder_without_product_yaml() {
    let catalogue = Catalogue::copy("basic");
    catalogue.write("content/products/kain-baru/id.md", "Kain baru.\n");
    assert_eq!(
        only_error(&catalogue),
        "error: content/products/kain-baru: has no product.yaml\n  \
         hint: every entry folder in content/products/ needs a product.yaml"
    );
}

#[test]
fn missing_required_field_is_named() {
    let catalogue = basic_with(BATIK, "\ncategory: batik", "");
    let error = only_error(&catalogue);
    assert!(error.starts_with(&format!("error: {BATIK}")), "{error}");
    assert!(
        error.contains("required field `category` is missing\n  hint: add a line `category: ...`"),
        "{error}"
    );
}

// ---------------------------------------------------------------- all at once, relative paths

/// Three mistakes of different kinds in three files of three sections.
fn three_mistakes() -> Catalogue {
    let catalogue = basic_with(BATIK, "\ncategory: batik", "\ncatgory: batik");
    catalogue.replace(PRODUCER, "founded: 2012", "founded: 12");
    catalogue.write("content/pages/tentang/en.md", "# About\n\nNo title here.\n");
    catalogue
}

#[test]
fn all_errors_are_reported_at_once() {
    let catalogue = three_mistakes();
    let output = catalogue.parent().join("site");
    let run = etalase([
        OsStr::new("build"),
        OsStr::new("--root"),
        catalogue.root().as_os_str(),
        OsStr::new("--output"),
        output.as_os_str(),
    ]);
    assert_eq!(run.code, 1, "{run:#?}");
    let error_lines: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("error: "))
        .collect();
    for expected in [
        "error: content/pages/tentang/en.md:1: has no title",
        "error: content/producers/batik-sekar-jagad/producer.yaml:8: field `founded`: `12` is not a plausible founding year",
        "error: content/products/batik-tulis-surya/product.yaml:3: field `catgory`: unknown field `catgory`",
    ] {
        assert!(error_lines.contains(&expected), "{expected:?} not in:\n{}", run.stderr);
    }
    assert_eq!(error_lines.len(), 3, "{}", run.stderr);
    assert!(run.stderr.contains("3 error(s)"), "{}", run.stderr);
    assert!(!output.exists(), "a failed build wrote a site");
}

#[test]
fn errors_in_a_producer_do_not_make_its_products_fail() {
    // The producer folder exists; its products must not be told it does not.
    for (case, from, to) in [
        ("bad kind", "kind: ikm", "kind: umkm"),
        (
            "unknown field",
            "kind: ikm",
            "kind: ikm\nwebsite: https://example.id",
        ),
    ] {
        let file = "content/producers/onde-onde-bu-sri/producer.yaml";
        let catalogue = basic_with(file, from, to);
        let errors = catalogue.build_errors();
        assert_eq!(errors.len(), 1, "{case}: {errors:#?}");
        assert!(
            errors[0].starts_with(&format!("error: {file}:")),
            "{case}: {errors:#?}"
        );
    }
}

#[test]
fn photo_errors_are_reported_together_with_yaml_errors() {
    // An editor who fixes the YAML should not discover the broken photo only on the next run.
    let catalogue = basic_with(
        "content/products/sambal-tanpa-foto/product.yaml",
        "category: makanan-minuman",
        "catgory: makanan-minuman",
    );
    catalogue.replace(BATIK, "file: utama.png", "file: palsu.jpg");
    catalogue.write(&format!("{BATIK_DIR}/palsu.jpg"), "not a photo");
    let errors = catalogue.build_errors();
    let files: Vec<&str> = errors
        .iter()
        .map(|e| e.split(':').nth(1).unwrap().trim())
        .collect();
    assert_eq!(
        files,
        [
            "content/products/batik-tulis-surya/palsu.jpg",
            "content/products/sambal-tanpa-foto/product.yaml"
        ],
        "{errors:#?}"
    );
}

#[test]
fn messages_name_files_relative_to_the_catalogue_root() {
    let catalogue = three_mistakes();
    catalogue.replace(
        "content/products/onde-onde-isi-10/product.yaml",
        "category: makanan-minuman",
        "category: makanan",
    );
    catalogue.write("content/products/kain-baru/id.md", "Kain baru.\n");
    let root = catalogue.root();
    let canonical = root.canonicalize().unwrap();
    for command in ["build", "check"] {
        let run = etalase([OsStr::new(command), OsStr::new("--root"), root.as_os_str()]);
        assert_eq!(run.code, 1, "{run:#?}");
        let errors = run
            .stderr
            .lines()
            .filter(|l| l.starts_with("error: "))
            .count();
        assert!(errors >= 5, "{}", run.stderr);
        for absolute in [root.to_string_lossy(), canonical.to_string_lossy()] {
            assert!(
                !run.stderr.contains(absolute.as_ref()),
                "an absolute path in a message:\n{}",
                run.stderr
            );
        }
        for line in run.stderr.lines().filter(|l| l.starts_with("error: ")) {
            let file = line["error: ".len()..].split(':').next().unwrap();
            assert!(
                catalogue.path(file).exists(),
                "`{file}` is not a path inside the catalogue: {line}"
            );
        }
    }
}

// ---------------------------------------------------------------- no panics

/// Builds a broken copy with the binary: a content error naming `file`, no panic.
fn assert_content_error(catalogue: &Catalogue, file: &str, case: &str) {
    let output = catalogue.parent().join("site");
    let run = etalase([
        OsStr::new("build"),
        OsStr::new("--root"),
        catalogue.root().as_os_str(),
        OsStr::new("--output"),
        output.as_os_str(),
    ]);
    assert!(
        !run.stderr.contains("panicked"),
        "{case}: panic:\n{}",
        run.stderr
    );
    assert_eq!(run.code, 1, "{case}: exit code\n{}", run.stderr);
    assert!(
        run.stderr
            .lines()
            .any(|l| l.starts_with(&format!("error: {file}"))),
        "{case}: no error names {file}:\n{}",
        run.stderr
    );
    assert!(!output.exists(), "{case}: a site was written");
}

#[test]
fn nasty_inputs_are_content_errors_not_panics() {
    let product_yaml: &[(&str, &[u8])] = &[
        ("empty product.yaml", b""),
        ("only a comment", b"# nothing yet\n"),
        ("null document", b"~\n"),
        ("a list", b"- name: Batik\n- producer: batik-sekar-jagad\n"),
        ("a plain string", b"Batik Tulis\n"),
        ("binary garbage", b"\x00\x01\xff\xfe\x89PNG\r\n\x1a\n\x00"),
        ("a name that is a list", b"name: [1, 2]\nproducer: batik-sekar-jagad\ncategory: batik\n"),
        ("price min above max", b"name: { id: A, en: A }\nproducer: batik-sekar-jagad\ncategory: batik\nprice: { min: 5, max: 1 }\n"),
        ("price with both forms", b"name: { id: A, en: A }\nproducer: batik-sekar-jagad\ncategory: batik\nprice: { amount: 5, min: 1, max: 9 }\n"),
        ("negative price", b"name: { id: A, en: A }\nproducer: batik-sekar-jagad\ncategory: batik\nprice: { amount: -5 }\n"),
        ("huge number", b"name: { id: A, en: A }\nproducer: batik-sekar-jagad\ncategory: batik\nmin_order: 99999999999999999999999\n"),
        ("unknown certification", b"name: { id: A, en: A }\nproducer: batik-sekar-jagad\ncategory: batik\ncertifications: [{ type: iso }]\n"),
        ("unclosed quote", b"name: { id: \"A, en: A }\nproducer: batik-sekar-jagad\ncategory: batik\n"),
        ("tab indentation", b"name:\n\tid: A\nproducer: batik-sekar-jagad\ncategory: batik\n"),
        ("duplicate key", b"name: { id: A, en: A }\nname: { id: B, en: B }\nproducer: batik-sekar-jagad\ncategory: batik\n"),
        ("Latin-1 text", b"name: { id: Caf\xe9, en: Cafe }\nproducer: batik-sekar-jagad\ncategory: batik\n"),
    ];
    for (case, bytes) in product_yaml {
        let catalogue = Catalogue::copy("basic");
        catalogue.write(BATIK, bytes);
        assert_content_error(&catalogue, BATIK, case);
    }

    let catalogue = Catalogue::copy("basic");
    let mut garbage = vec![0xff, 0xfe, 0x00, 0x80];
    garbage.extend((0..=255u8).rev());
    catalogue.write(&format!("{BATIK_DIR}/id.md"), &garbage);
    assert_content_error(
        &catalogue,
        &format!("{BATIK_DIR}/id.md"),
        "binary garbage in id.md",
    );

    let catalogue = Catalogue::copy("basic");
    catalogue.write(
        &format!("{BATIK_DIR}/id.md"),
        "---\nname: [unclosed\n---\nTeks.\n",
    );
    assert_content_error(
        &catalogue,
        &format!("{BATIK_DIR}/id.md"),
        "broken front matter",
    );

    let catalogue = Catalogue::copy("basic");
    catalogue.write(
        &format!("{BATIK_DIR}/id.md"),
        "---\nwarna: merah\n---\nTeks.\n",
    );
    assert_content_error(
        &catalogue,
        &format!("{BATIK_DIR}/id.md"),
        "unknown front matter field",
    );

    for (case, bytes) in [("1-byte .png", &b"x"[..]), ("empty .png", &b""[..])] {
        let catalogue = Catalogue::copy("basic");
        catalogue.write(&format!("{BATIK_DIR}/utama.png"), bytes);
        assert_content_error(&catalogue, &format!("{BATIK_DIR}/utama.png"), case);
    }

    let catalogue = Catalogue::copy("basic");
    catalogue.write("catalogue.yaml", "");
    assert_content_error(&catalogue, "catalogue.yaml", "empty catalogue.yaml");

    let catalogue = Catalogue::copy("basic");
    catalogue.replace("catalogue.yaml", "languages: [id, en]", "languages: []");
    assert_content_error(&catalogue, "catalogue.yaml", "no languages");
}

#[test]
fn truncated_photo_cannot_be_decoded() {
    // A photo cut off half-way (an interrupted copy from a phone) has a valid header but
    // cannot be decoded; the contract makes undecodable images content errors.
    let catalogue = Catalogue::copy("basic");
    let photo = format!("{BATIK_DIR}/utama.png");
    let png = std::fs::read(catalogue.path(&photo)).unwrap();
    catalogue.write(&photo, &png[..png.len() / 2]);
    assert_content_error(&catalogue, &photo, "truncated .png");
}
