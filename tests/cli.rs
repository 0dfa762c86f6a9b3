//! The `etalase` command as users run it: exit codes, the summary line, usage errors that
//! protect their folders, default folders, and `check`.

mod common;

use std::ffi::OsStr;
use std::fs;
use std::path::Path;

use common::*;

fn build(root: &Path, output: &Path) -> Run {
    etalase([
        OsStr::new("build"),
        OsStr::new("--root"),
        root.as_os_str(),
        OsStr::new("--output"),
        output.as_os_str(),
    ])
}

#[test]
fn build_succeeds_with_a_summary_line() {
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join("site");
    let run = build(&fixture_path("basic"), &output);
    assert_eq!(run.code, 0, "{run:#?}");
    let summary = run
        .stderr
        .lines()
        .chain(run.stdout.lines())
        .find(|l| l.starts_with("built "))
        .unwrap_or_else(|| panic!("no summary line: {run:#?}"));
    assert!(
        summary.contains(" pages (3 products, 2 producers) and "),
        "{summary}"
    );
    // The missing English description is a warning, printed but not fatal.
    assert!(
        run.stderr
            .contains("warning: content/products/onde-onde-isi-10/product.yaml: has no en.md"),
        "{}",
        run.stderr
    );
    assert!(output.join("id/index.html").is_file());
}

#[test]
fn build_defaults_to_the_current_folder_and_its_output() {
    let catalogue = Catalogue::copy("basic");
    let run = etalase_in(catalogue.root(), ["build"]);
    assert_eq!(run.code, 0, "{run:#?}");
    assert!(catalogue
        .path("output/en/products/batik-tulis-surya/index.html")
        .is_file());
    // Building again replaces the site it wrote before.
    let run = etalase_in(catalogue.root(), ["build"]);
    assert_eq!(run.code, 0, "{run:#?}");
}

#[test]
fn content_errors_exit_1() {
    let catalogue = Catalogue::copy("basic");
    catalogue.replace(
        "content/products/batik-tulis-surya/product.yaml",
        "category: batik",
        "category: batk",
    );
    let run = build(catalogue.root(), &catalogue.parent().join("site"));
    assert_eq!(run.code, 1, "{run:#?}");
    assert!(run.stderr.contains(
        "error: content/products/batik-tulis-surya/product.yaml:3: field `category`: category `batk` is not defined in catalogue.yaml"
    ), "{}", run.stderr);
    assert!(!run.stderr.contains("panicked"));
}

#[test]
fn unknown_subcommand_is_a_usage_error() {
    let run = etalase(["frobnicate"]);
    assert_eq!(run.code, 2, "{run:#?}");
    assert!(run.stderr.contains("frobnicate"), "{}", run.stderr);

    let run = etalase(["build", "--rooot", "."]);
    assert_eq!(run.code, 2, "{run:#?}");

    let run = etalase(Vec::<&str>::new());
    assert_eq!(run.code, 2, "no subcommand: {run:#?}");
}

#[test]
fn root_without_catalogue_yaml_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("content")).unwrap();
    let output = dir.path().join("site");
    let run = build(dir.path(), &output);
    assert_eq!(run.code, 2, "{run:#?}");
    assert!(run.stderr.contains("catalogue.yaml"), "{}", run.stderr);
    assert!(!output.exists());

    let run = build(&dir.path().join("no-such-folder"), &output);
    assert_eq!(run.code, 2, "missing root: {run:#?}");

    let run = etalase_in(dir.path(), ["check"]);
    assert_eq!(run.code, 2, "check without a catalogue: {run:#?}");
}

#[test]
fn output_that_is_not_a_site_is_never_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join("documents");
    fs::create_dir_all(output.join("photos")).unwrap();
    fs::write(output.join("notes.txt"), "precious").unwrap();
    fs::write(output.join("photos/family.jpg"), "also precious").unwrap();
    let before = snapshot(&output);

    let run = build(&fixture_path("basic"), &output);
    assert_eq!(run.code, 2, "{run:#?}");
    assert!(
        run.stderr.contains("does not look like an etalase site"),
        "{}",
        run.stderr
    );
    assert!(before == snapshot(&output), "the folder's files changed");
    let beside: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(beside, ["documents"], "something was written beside it");
}

#[test]
fn output_inside_the_catalogue_sources_is_a_usage_error() {
    let catalogue = Catalogue::copy("basic");
    let before = snapshot(catalogue.root());
    for inside in ["content/site", "."] {
        let run = build(catalogue.root(), &catalogue.path(inside));
        assert_eq!(run.code, 2, "--output {inside}: {run:#?}");
        assert!(
            before == snapshot(catalogue.root()),
            "--output {inside} changed the catalogue"
        );
    }
}

#[test]
fn check_passes_and_strict_check_fails_on_warnings() {
    let catalogue = Catalogue::copy("basic");
    let before = snapshot(catalogue.root());
    let root = catalogue.root().as_os_str();

    let run = etalase([OsStr::new("check"), OsStr::new("--root"), root]);
    assert_eq!(run.code, 0, "{run:#?}");
    assert!(
        run.stderr
            .contains("warning: content/products/onde-onde-isi-10/product.yaml: has no en.md"),
        "{}",
        run.stderr
    );

    let run = etalase([
        OsStr::new("check"),
        OsStr::new("--strict"),
        OsStr::new("--root"),
        root,
    ]);
    assert_eq!(run.code, 1, "{run:#?}");
    assert!(
        run.stderr
            .contains("error: content/products/onde-onde-isi-10/product.yaml: has no en.md"),
        "--strict should report the warning as an error:\n{}",
        run.stderr
    );

    assert!(
        before == snapshot(catalogue.root()),
        "check wrote into the catalogue"
    );
}

#[test]
fn check_reports_content_errors() {
    let catalogue = Catalogue::copy("basic");
    catalogue.write("content/pages/tentang/id.md", "Tanpa judul.\n");
    let run = etalase_in(catalogue.root(), ["check"]);
    assert_eq!(run.code, 1, "{run:#?}");
    assert!(
        run.stderr
            .contains("error: content/pages/tentang/id.md:1: has no title"),
        "{}",
        run.stderr
    );
    assert!(!catalogue.path("output").exists(), "check wrote a site");
}

// ---------------------------------------------------------------- new

#[test]
fn new_makes_a_catalogue_that_builds_cleanly_and_explains_its_fields() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("katalog-baru");
    let run = etalase([OsStr::new("new"), folder.as_os_str()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("etalase build --root"),
        "{}",
        run.stderr
    );

    // It builds without a warning, so `check --strict` passes too.
    let loaded = etalase::load(&folder).unwrap();
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    assert_eq!(loaded.catalogue.producers.len(), 1);
    assert_eq!(loaded.catalogue.products.len(), 1);
    assert_eq!(loaded.catalogue.pages.len(), 1);
    assert_eq!(loaded.catalogue.products[0].photos.len(), 1);
    let site = build_root(&folder);
    let page = "id/products/contoh-produk/index.html";
    let doc = site.html(page);
    assert!(
        !select(&doc, ".photo-main img").is_empty(),
        "the sample photo is shown"
    );

    // Every setting is explained by a comment just above it.
    for file in [
        "catalogue.yaml",
        "content/producers/contoh-usaha/producer.yaml",
        "content/products/contoh-produk/product.yaml",
    ] {
        let text = fs::read_to_string(folder.join(file)).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            let top_level = !line.is_empty() && !line.starts_with([' ', '#', '-']);
            if top_level {
                assert!(
                    i > 0 && lines[i - 1].starts_with('#'),
                    "{file}: `{line}` has no comment above it"
                );
            }
        }
    }

    // A second `new` into the same folder changes nothing.
    let before = snapshot(&folder);
    let again = etalase([OsStr::new("new"), folder.as_os_str()]);
    assert_eq!(again.code, 2);
    assert!(
        again.stderr.contains("already exists and is not empty"),
        "{}",
        again.stderr
    );
    assert_eq!(snapshot(&folder), before);
}
