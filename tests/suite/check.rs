//! What `etalase check` finds beyond a build, and the `@/` links between entries: links that
//! lead to the page in the same language, links to nothing, links from the server root,
//! photos without alt text or too small for print, products without a price, a photo or an
//! availability, the summary table, and `--strict`.

use std::ffi::OsStr;
use std::path::Path;

use crate::common::*;
use etalase::diagnostic::{Diagnostic, Severity};
use etalase::messages::Lang;

const BATIK: &str = "content/products/batik-tulis-surya/product.yaml";
const BATIK_DIR: &str = "content/products/batik-tulis-surya";

/// The diagnostics of `etalase check` on a catalogue without errors.
fn check_warnings(root: &Path) -> Vec<Diagnostic> {
    match etalase::check(root, false) {
        Ok(report) => report.warnings,
        Err(error) => panic!("check failed:\n{}", describe_error(&error)),
    }
}

/// The warnings of a successful library build.
fn build_warnings(root: &Path) -> Vec<Diagnostic> {
    let dir = tempfile::tempdir().unwrap();
    match etalase::build(root, &dir.path().join("site")) {
        Ok(report) => report.warnings,
        Err(error) => panic!("build failed:\n{}", describe_error(&error)),
    }
}

/// The diagnostics (as users read them in English) whose text contains `needle`.
fn containing(diagnostics: &[Diagnostic], needle: &str) -> Vec<String> {
    diagnostics
        .iter()
        .map(|d| d.render(Lang::En))
        .filter(|text| text.contains(needle))
        .collect()
}

fn run_check(root: &Path, more: &[&str]) -> Run {
    let mut args = vec![OsStr::new("check"), OsStr::new("--root"), root.as_os_str()];
    args.extend(more.iter().map(OsStr::new));
    etalase(args)
}

// ---------------------------------------------------------------- @/ links

/// The basic fixture with links to every kind of page in the product's two descriptions.
fn catalogue_with_links() -> Catalogue {
    let catalogue = Catalogue::copy("basic");
    catalogue.write(
        &format!("{BATIK_DIR}/id.md"),
        "Kain batik tulis.\n\n\
         Cocok dengan [onde-onde](@/products/onde-onde-isi-10), dari \
         [Bu Sri](@/producers/onde-onde-bu-sri). Lihat [semua batik](@/categories/batik), \
         [batik tulis](@/tags/tulis), [tentang kami](@/tentang#tujuan) dan [beranda](@/).\n",
    );
    catalogue.write(
        &format!("{BATIK_DIR}/en.md"),
        "Hand-drawn batik.\n\nGoes well with [onde-onde](@/products/onde-onde-isi-10/).\n",
    );
    catalogue
}

/// The `href` of the only link with text `label` on a page.
fn href_of(site: &Site, page: &str, label: &str) -> String {
    let doc = site.html(page);
    let links: Vec<String> = select(&doc, "a")
        .into_iter()
        .filter(|a| text(*a) == label)
        .map(|a| attr(a, "href").to_owned())
        .collect();
    assert_eq!(links.len(), 1, "links `{label}` on {page}: {links:?}");
    links.into_iter().next().unwrap()
}

#[test]
fn internal_links_lead_to_the_page_in_the_same_language() {
    let site = catalogue_with_links().build();
    let page = "id/products/batik-tulis-surya/index.html";
    for (label, target) in [
        ("onde-onde", "id/products/onde-onde-isi-10/index.html"),
        ("Bu Sri", "id/producers/onde-onde-bu-sri/index.html"),
        ("semua batik", "id/categories/batik/index.html"),
        ("batik tulis", "id/tags/tulis/index.html"),
        ("tentang kami", "id/tentang/index.html"),
        ("beranda", "id/index.html"),
    ] {
        let href = href_of(&site, page, label);
        assert!(
            !href.starts_with('/') && !href.contains("etalase-link"),
            "{label}: {href}"
        );
        assert_eq!(
            resolve_link(page, &href).unwrap(),
            target,
            "{label}: {href}"
        );
        assert!(site.exists(target), "{label}: {target} was not built");
    }
    assert!(href_of(&site, page, "tentang kami").ends_with("#tujuan"));
    let english = "en/products/batik-tulis-surya/index.html";
    let href = href_of(&site, english, "onde-onde");
    assert_eq!(
        resolve_link(english, &href).unwrap(),
        "en/products/onde-onde-isi-10/index.html"
    );
    // The feed has no page to be relative to: its links are absolute, in its language.
    let feed = site.text("en/atom.xml");
    assert!(
        feed.contains(&format!(
            "href=&quot;{BASE_URL}en/products/onde-onde-isi-10/&quot;"
        )),
        "{feed}"
    );
}

#[test]
fn a_link_to_nothing_fails_build_and_check_with_its_file_and_line() {
    let catalogue = Catalogue::copy("basic");
    let page = "content/pages/tentang/id.md";
    catalogue.write(
        page,
        "---\ntitle: Tentang Katalog\n---\n# Tentang\n\nLihat\n[onde-onde](@/products/onde-onde-isi-1).\n",
    );
    let expected = format!(
        "error: {page}:7: link `@/products/onde-onde-isi-1` leads nowhere: there is no product `onde-onde-isi-1`\n  \
         hint: did you mean `@/products/onde-onde-isi-10`?"
    );
    assert_eq!(catalogue.build_errors(), std::slice::from_ref(&expected));
    let run = run_check(catalogue.root(), &[]);
    assert_eq!(run.code, 1, "{run:#?}");
    // The command shows the line of the text between the error and its hint.
    let (first, hint) = expected.split_once('\n').unwrap();
    let shown = format!(
        "{first}\n    |\n  7 | [onde-onde](@/products/onde-onde-isi-1).\n    | {}\n{hint}",
        "^".repeat(40)
    );
    assert!(run.stderr.contains(&shown), "{}", run.stderr);

    // Every kind of target is checked against what exists.
    for (link, kind) in [
        ("@/producers/bu-sri", "producer"),
        ("@/categories/kriya", "category"),
        ("@/tags/cap", "tag"),
        ("@/kontak", "page"),
    ] {
        catalogue.write(page, format!("---\ntitle: T\n---\n[x]({link})\n"));
        let errors = catalogue.build_errors();
        assert_eq!(errors.len(), 1, "{link}: {errors:#?}");
        assert!(
            errors[0].starts_with(&format!(
                "error: {page}:4: link `{link}` leads nowhere: there is no {kind} "
            )),
            "{errors:#?}"
        );
    }
}

#[test]
fn nothing_can_be_smuggled_through_an_internal_link() {
    for link in [
        "@/javascript:alert(1)",
        "@/tentang#\"onclick=\"x",
        "@/a/b/c",
    ] {
        let catalogue = Catalogue::copy("basic");
        catalogue.write(
            &format!("{BATIK_DIR}/id.md"),
            format!("Teks.\n\n[klik]({link})\n"),
        );
        let errors = catalogue.build_errors();
        assert_eq!(
            errors,
            [format!(
                "error: {BATIK_DIR}/id.md:3: `{link}` is not a link etalase knows\n  \
                 hint: write `@/products/<slug>`, `@/producers/<slug>`, `@/categories/<slug>`, \
                 `@/tags/<tag>` or `@/<page>`, optionally followed by `#part`"
            )],
            "{link}"
        );
    }
}

#[test]
fn a_link_from_the_server_root_is_a_warning_suggesting_the_internal_form() {
    let catalogue = Catalogue::copy("basic");
    catalogue.write(
        &format!("{BATIK_DIR}/en.md"),
        "Batik.\n\nSee [onde-onde](/en/products/onde-onde-isi-10/) and [the web](https://example.id/x).\n",
    );
    let expected = format!(
        "warning: {BATIK_DIR}/en.md:3: link `/en/products/onde-onde-isi-10/` starts at the web server's root, \
         so it breaks when the site lives under a sub-path or is opened from the disk\n  \
         hint: write `@/products/onde-onde-isi-10` instead: it leads to the page in the same language"
    );
    for (command, diagnostics) in [
        ("build", build_warnings(catalogue.root())),
        ("check", check_warnings(catalogue.root())),
    ] {
        assert_eq!(
            containing(&diagnostics, "server's root"),
            std::slice::from_ref(&expected),
            "{command}"
        );
    }
}

// ---------------------------------------------------------------- what check adds

#[test]
fn photos_without_alt_text_are_warned_about_in_build_and_check() {
    let catalogue = Catalogue::copy("basic");
    catalogue.replace(
        BATIK,
        "    alt: { id: \"Kain batik motif surya\", en: \"Batik cloth with a sun motif\" }\n",
        "    alt: { id: \"Kain batik motif surya\" }\n",
    );
    let line = line_of(&catalogue.read(BATIK), "file: utama.png");
    let expected = format!(
        "warning: {BATIK}:{line}: field `photos[0].alt.en`: photo `utama.png` has no description (alt text) in en\n  \
         hint: under `alt:`, add `en: ...` saying what the photo shows, for people who cannot see it"
    );
    assert_eq!(
        containing(&build_warnings(catalogue.root()), "alt"),
        std::slice::from_ref(&expected)
    );
    assert_eq!(
        containing(&check_warnings(catalogue.root()), "alt"),
        [expected]
    );

    // Without any `alt`, both languages are missing.
    catalogue.replace(BATIK, "    alt: { id: \"Kain batik motif surya\" }\n", "");
    let fields: Vec<Option<String>> = check_warnings(catalogue.root())
        .into_iter()
        .filter(|d| d.message.is(&etalase::messages::PHOTO_WITHOUT_ALT))
        .map(|d| d.field.map(String::from))
        .collect();
    assert_eq!(
        fields,
        [
            Some("photos[0].alt.en".to_owned()),
            Some("photos[0].alt.id".to_owned())
        ]
    );
}

#[test]
fn photos_in_texts_without_alt_text_are_warned_about() {
    let catalogue = Catalogue::copy("basic");
    catalogue.write(
        &format!("{BATIK_DIR}/id.md"),
        "Kain batik.\n\n![Motif surya](utama.png)\n\n![](utama.png)\n",
    );
    let expected = format!(
        "warning: {BATIK_DIR}/id.md:5: photo `utama.png` has no description (alt text)\n  \
         hint: write what the photo shows between the brackets: `![...](utama.png)`"
    );
    for diagnostics in [
        build_warnings(catalogue.root()),
        check_warnings(catalogue.root()),
    ] {
        assert_eq!(
            containing(&diagnostics, "alt text"),
            std::slice::from_ref(&expected)
        );
    }
}

#[test]
fn check_lists_small_photos_and_products_without_price_or_photo_and_build_does_not() {
    // The basic fixture's batik photo is 40×30 pixels; `sambal-tanpa-foto` has no price and
    // no photo, and `onde-onde-isi-10` has no photo.
    let root = fixture_path("basic");
    let texts: Vec<String> = check_warnings(&root)
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .map(|d| d.render(Lang::En))
        .collect();
    for expected in [
        format!(
            "warning: {BATIK_DIR}/utama.png: is 40×30 pixels, too small for print: the brochure needs at least 1200 pixels on the long side\n  \
             hint: use the original photo from the camera or phone; photos sent through WhatsApp have been made smaller"
        ),
        "warning: content/products/sambal-tanpa-foto/product.yaml: field `price`: has no price; its page says \"price on request\", and the shopping feeds (Google, Meta) and Google's product results leave it out: they list only products with a price\n  \
         hint: write `price: 450000`, or a range `price: { min: 350000, max: 750000 }`, in whole rupiah".to_owned(),
        "warning: content/products/sambal-tanpa-foto/product.yaml: field `photos`: has no photo; its card, page and brochure show a placeholder, and the shopping feeds (Google, Meta) leave it out: they list only products with a photo\n  \
         hint: put a photo in content/products/sambal-tanpa-foto/ and list it under `photos:`, e.g. `- file: utama.jpg`".to_owned(),
        "warning: content/products/sambal-tanpa-foto/product.yaml: field `availability`: does not say whether it is in stock, made to order or sold out; its pages say nothing about it\n  \
         hint: add `availability: { status: siap }`, or `{ status: pesan, lead_days: 21 }` for a product made to order, or `{ status: habis }`".to_owned(),
    ] {
        assert!(texts.contains(&expected), "{expected}\nnot in {texts:#?}");
    }
    let no_photo = containing(&check_warnings(&root), "has no photo");
    assert_eq!(no_photo.len(), 2, "{no_photo:#?}");

    let copy = Catalogue::copy("basic");
    let built = build_warnings(copy.root());
    let unsaid = containing(&check_warnings(&root), "does not say whether");
    assert_eq!(unsaid.len(), 1, "only sambal-tanpa-foto: {unsaid:#?}");
    for quiet in [
        "too small for print",
        "has no price",
        "has no photo",
        "does not say whether",
    ] {
        assert!(
            containing(&built, quiet).is_empty(),
            "build warned: {quiet}"
        );
    }
}

#[test]
fn the_clean_sample_catalogues_have_none_of_these_warnings() {
    // The bundled Mojokerto sample: its photos are 1200 px wide, every one has alt text in
    // both languages and its links are `@/` links that lead somewhere.
    let sample = repo_root();
    let warnings = check_warnings(sample);
    for kind in [
        "too small for print",
        "alt text",
        "server's root",
        "leads nowhere",
    ] {
        assert!(
            containing(&warnings, kind).is_empty(),
            "{kind}: {warnings:#?}"
        );
    }
    // It leaves some prices and photos out on purpose (to show the placeholders); check
    // names exactly those products.
    let places = |needle: &str| -> Vec<String> {
        warnings
            .iter()
            .filter(|d| d.render(Lang::En).contains(needle))
            .map(|d| d.file.display().to_string())
            .collect()
    };
    assert_eq!(
        places("has no price"),
        [
            "content/products/genta-kuningan/product.yaml",
            "content/products/selendang-batik-pewarna-alami/product.yaml"
        ]
    );
    assert_eq!(
        places("has no photo"),
        [
            "content/products/batik-kombinasi-teratai/product.yaml",
            "content/products/tudung-saji-bambu/product.yaml"
        ]
    );
    // Two products do not say whether they can be had, so `check` shows that warning too.
    assert_eq!(
        places("does not say whether"),
        [
            "content/products/sandal-wanita-tali-batik/product.yaml",
            "content/products/tas-jinjing-batik/product.yaml"
        ]
    );

    // A new catalogue from `etalase new` passes `check --strict`.
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("baru");
    etalase::scaffold::create(&folder).unwrap();
    let run = run_check(&folder, &["--strict"]);
    assert_eq!(run.code, 0, "{run:#?}");
    assert_eq!(run.stderr.trim(), "no errors found");
}

// ---------------------------------------------------------------- the summary table, --strict

#[test]
fn check_ends_with_a_table_of_its_warnings_and_strict_makes_them_errors() {
    let root = fixture_path("basic");
    let run = run_check(&root, &[]);
    assert_eq!(run.code, 0, "{run:#?}");
    let table: Vec<&str> = run
        .stderr
        .lines()
        .skip_while(|l| !l.starts_with("warnings by kind"))
        .collect();
    assert_eq!(
        table,
        [
            "warnings by kind (6):",
            "  count  problem                       where",
            "      1  translation missing           onde-onde-isi-10",
            "      1  photo too small for print     batik-tulis-surya/utama.png",
            "      1  product without a price       sambal-tanpa-foto",
            "      2  product without a photo       onde-onde-isi-10, sambal-tanpa-foto",
            "      1  product without availability  sambal-tanpa-foto",
            "no errors found",
        ],
        "{}",
        run.stderr
    );

    let strict = run_check(&root, &["--strict"]);
    assert_eq!(strict.code, 1, "{strict:#?}");
    let errors = strict
        .stderr
        .lines()
        .filter(|l| l.starts_with("error: "))
        .count();
    assert_eq!(errors, 6, "{}", strict.stderr);
    assert!(
        !strict.stderr.lines().any(|l| l.starts_with("warning: ")),
        "{}",
        strict.stderr
    );
    assert!(
        strict
            .stderr
            .contains("      1  photo too small for print     "),
        "the table is printed with --strict too:\n{}",
        strict.stderr
    );
    assert_eq!(
        strict.stderr.lines().last(),
        Some("check failed (--strict treats warnings as errors)")
    );

    let indonesian = etalase_with_locale(
        repo_root(),
        [OsStr::new("check"), OsStr::new("--root"), root.as_os_str()],
        "id_ID.UTF-8",
    );
    assert!(
        indonesian.stderr.contains(
            "peringatan menurut jenisnya (6):\n  jumlah  masalah                         di mana\n"
        ),
        "{}",
        indonesian.stderr
    );
}

// ---------------------------------------------------------------- rendering

#[test]
fn a_template_that_fails_only_while_rendering_fails_check_naming_the_template() {
    let catalogue = Catalogue::copy("basic");
    catalogue.write(
        "templates/partials/price.html",
        "{{ card.price_in_dollars | round }}\n",
    );
    let run = run_check(catalogue.root(), &[]);
    assert_eq!(run.code, 1, "{run:#?}");
    let errors: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("error: "))
        .collect();
    assert!(
        errors
            .iter()
            .any(|l| l.starts_with("error: templates/partials/price.html")),
        "{errors:#?}"
    );
    let output = catalogue.root().join("output");
    assert!(!output.exists(), "check wrote a site");
}
