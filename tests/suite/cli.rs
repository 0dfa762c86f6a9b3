//! The `etalase` command as users run it: exit codes, the summary line, usage errors that
//! protect their folders, default folders, and `check`.

use std::ffi::OsStr;
use std::fs;
use std::path::Path;

use crate::common::*;

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

    // The GitHub Pages workflow: on every push to main, build with the address Pages gives
    // and deploy the output folder.
    let workflow: serde_json::Value = serde_saphyr::from_str(
        &fs::read_to_string(folder.join(".github/workflows/publish.yml")).unwrap(),
    )
    .expect("the workflow is YAML");
    assert_eq!(workflow["on"]["push"]["branches"][0], "main");
    assert_eq!(workflow["permissions"]["pages"], "write");
    assert_eq!(workflow["permissions"]["id-token"], "write");
    let steps = workflow["jobs"]["build"]["steps"].as_array().unwrap();
    let runs: Vec<&str> = steps.iter().filter_map(|s| s["run"].as_str()).collect();
    assert!(
        runs.iter()
            .any(|r| r
                .starts_with("etalase build --base-url \"${{ steps.pages.outputs.base_url }}\"")),
        "{runs:?}"
    );
    let uses: Vec<&str> = steps.iter().filter_map(|s| s["uses"].as_str()).collect();
    assert!(
        uses.iter()
            .any(|u| u.starts_with("actions/upload-pages-artifact@")),
        "{uses:?}"
    );
    assert!(steps.iter().any(|s| s["with"]["path"] == "output"));
    assert_eq!(workflow["jobs"]["deploy"]["needs"], "build");
    assert!(workflow["jobs"]["deploy"]["steps"][0]["uses"]
        .as_str()
        .unwrap()
        .starts_with("actions/deploy-pages@"));

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

// ---------------------------------------------------------------- the language of messages

/// One diagnostic as printed: `LABEL: FILE:LINE: FIELD: MESSAGE` and `  HINT-LABEL: HINT`.
#[derive(Debug, PartialEq, Eq)]
struct Printed {
    label: String,
    file: String,
    line: Option<u64>,
    field: Option<String>,
    message: String,
    hint: Option<(String, String)>,
}

/// Parses the diagnostics out of a run's stderr (lines starting with `label`).
fn printed_diagnostics(stderr: &str, labels: &[&str]) -> Vec<Printed> {
    let lines: Vec<&str> = stderr.lines().collect();
    let mut found = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some((label, rest)) = line.split_once(": ") else {
            continue;
        };
        if !labels.contains(&label) {
            continue;
        }
        let mut parts = rest.splitn(2, ": ");
        let location = parts.next().unwrap();
        let mut rest = parts.next().unwrap_or_default();
        let (file, line_number) = match location.rsplit_once(':') {
            Some((file, n)) if n.parse::<u64>().is_ok() => (file, n.parse().ok()),
            _ => (location, None),
        };
        let mut field = None;
        if rest.starts_with("field `") || rest.starts_with("kolom `") {
            let (name, after) = rest.split_once("`: ").expect("a field name ends with `: ");
            field = Some(format!("{name}`"));
            rest = after;
        }
        // The hint follows the lines of the file shown under the diagnostic (`  7 | ...`).
        let is_source = |line: &str| {
            let line = line.trim_start();
            let number = line.trim_start_matches(|c: char| c.is_ascii_digit());
            line.starts_with('|') || (number.len() < line.len() && number.starts_with(" |"))
        };
        let hint = lines[i + 1..]
            .iter()
            .take_while(|next| next.starts_with("  "))
            .find(|next| !is_source(next))
            .and_then(|next| next.strip_prefix("  "))
            .and_then(|next| next.split_once(": "))
            .map(|(l, h)| (l.to_owned(), h.to_owned()));
        found.push(Printed {
            label: label.to_owned(),
            file: file.to_owned(),
            line: line_number,
            field,
            message: rest.to_owned(),
            hint,
        });
    }
    found
}

/// The basic fixture with an unknown category on line 3 of a product.
fn broken_category() -> Catalogue {
    let catalogue = Catalogue::copy("basic");
    catalogue.replace(
        "content/products/batik-tulis-surya/product.yaml",
        "category: batik",
        "category: batk",
    );
    catalogue
}

fn indonesian_category_error() -> Printed {
    Printed {
        label: "kesalahan".into(),
        file: "content/products/batik-tulis-surya/product.yaml".into(),
        line: Some(3),
        field: Some("kolom `category`".into()),
        message: "kategori `batk` tidak ada di catalogue.yaml".into(),
        hint: Some(("petunjuk".into(), "mungkin maksud Anda `batik`?".into())),
    }
}

fn english_category_error() -> Printed {
    Printed {
        label: "error".into(),
        file: "content/products/batik-tulis-surya/product.yaml".into(),
        line: Some(3),
        field: Some("field `category`".into()),
        message: "category `batk` is not defined in catalogue.yaml".into(),
        hint: Some(("hint".into(), "did you mean `batik`?".into())),
    }
}

#[test]
fn messages_are_indonesian_with_an_indonesian_locale_or_lang_id() {
    let catalogue = broken_category();
    let root = catalogue.root();
    for (command, locale, extra) in [
        ("build", "id_ID.UTF-8", None),
        ("build", "C", Some("id")),
        ("check", "id_ID.UTF-8", None),
        ("check", "en_US.UTF-8", Some("id")),
    ] {
        let mut args = vec![command];
        if let Some(lang) = extra {
            args.extend(["--lang", lang]);
        }
        let run = etalase_with_locale(root, &args, locale);
        let case = format!("{args:?} with LANG={locale}");
        assert_eq!(run.code, 1, "{case}: {run:#?}");
        let printed = printed_diagnostics(&run.stderr, &["kesalahan", "error"]);
        assert_eq!(
            printed,
            [indonesian_category_error()],
            "{case}:\n{}",
            run.stderr
        );
        let summary = run.stderr.lines().last().unwrap();
        let expected = match command {
            "build" => {
                "1 kesalahan: situs gagal dibuat; output/ yang lama dibiarkan seperti semula"
            }
            _ => "1 kesalahan: pemeriksaan gagal",
        };
        assert_eq!(summary, expected, "{case}");
        // The warning about the missing English text is Indonesian too.
        let warnings = printed_diagnostics(&run.stderr, &["peringatan"]);
        assert!(
            warnings.iter().any(
                |w| w.file == "content/products/onde-onde-isi-10/product.yaml"
                    && w.message
                        == "tidak memiliki en.md; halaman en menampilkan teks dalam bahasa lain"
            ),
            "{case}: {warnings:#?}"
        );
    }
}

#[test]
fn messages_are_english_otherwise_or_with_lang_en() {
    let catalogue = broken_category();
    let root = catalogue.root();
    for (locale, extra) in [("C", None), ("", None), ("id_ID.UTF-8", Some("en"))] {
        let mut args = vec!["check"];
        if let Some(lang) = extra {
            args.extend(["--lang", lang]);
        }
        let run = etalase_with_locale(root, &args, locale);
        let case = format!("{args:?} with LANG={locale}");
        assert_eq!(run.code, 1, "{case}: {run:#?}");
        let printed = printed_diagnostics(&run.stderr, &["kesalahan", "error"]);
        assert_eq!(
            printed,
            [english_category_error()],
            "{case}:\n{}",
            run.stderr
        );
        assert_eq!(
            run.stderr.lines().last().unwrap(),
            "1 error(s): check failed",
            "{case}"
        );
    }
}

#[test]
fn summary_and_usage_lines_follow_the_language() {
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join("site");
    let run = etalase_with_locale(
        repo_root(),
        [
            OsStr::new("build"),
            OsStr::new("--root"),
            fixture_path("basic").as_os_str(),
            OsStr::new("--output"),
            output.as_os_str(),
        ],
        "id_ID.UTF-8",
    );
    assert_eq!(run.code, 0, "{run:#?}");
    let summary = run.stderr.lines().last().unwrap();
    assert!(
        summary.starts_with("selesai: ") && summary.contains(" halaman (3 produk, 2 produsen)"),
        "{summary}"
    );

    let empty = tempfile::tempdir().unwrap();
    let run = etalase_with_locale(empty.path(), ["check", "--lang", "id"], "C");
    assert_eq!(run.code, 2, "{run:#?}");
    assert!(
        run.stderr
            .starts_with("kesalahan: . tidak memiliki catalogue.yaml, jadi bukan folder katalog"),
        "{}",
        run.stderr
    );

    let folder = dir.path().join("baru");
    let run = etalase_with_locale(
        dir.path(),
        [OsStr::new("new"), folder.as_os_str()],
        "id_ID.UTF-8",
    );
    assert_eq!(run.code, 0, "{run:#?}");
    assert!(
        run.stderr.starts_with("katalog baru dibuat di "),
        "{}",
        run.stderr
    );
}

#[test]
fn pdf_keeps_lang_for_the_brochure_language() {
    // `etalase pdf --lang xx` names a brochure language, not the language of messages.
    let dir = tempfile::tempdir().unwrap();
    let run = etalase([
        OsStr::new("pdf"),
        OsStr::new("--root"),
        fixture_path("basic").as_os_str(),
        OsStr::new("--output"),
        dir.path().join("site").as_os_str(),
        OsStr::new("--lang"),
        OsStr::new("fr"),
    ]);
    assert_eq!(run.code, 2, "{run:#?}");
    assert_eq!(
        run.stderr,
        "error: --lang fr: this catalogue has no language `fr`; its languages are: id, en\n"
    );
    // Its messages follow the locale.
    let run = etalase_with_locale(
        repo_root(),
        [
            OsStr::new("pdf"),
            OsStr::new("--root"),
            fixture_path("basic").as_os_str(),
            OsStr::new("--lang"),
            OsStr::new("fr"),
        ],
        "id_ID.UTF-8",
    );
    assert_eq!(run.code, 2, "{run:#?}");
    assert_eq!(
        run.stderr,
        "kesalahan: --lang fr: katalog ini tidak memiliki bahasa `fr`; bahasanya: id, en\n"
    );
}

// ---------------------------------------------------------------- --base-url

/// `etalase build` of the basic fixture with `args` added and `ETALASE_BASE_URL` set to `var`
/// (or removed), in `locale`; the run and the canonical link of the English home page.
fn build_with_base(args: &[&str], var: Option<&str>, locale: &str) -> (Run, Option<String>) {
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join("site");
    let mut command = etalase_command(repo_root(), locale);
    command
        .arg("build")
        .arg("--root")
        .arg(fixture_path("basic"))
        .arg("--output")
        .arg(&output)
        .args(args);
    match var {
        Some(value) => command.env("ETALASE_BASE_URL", value),
        None => command.env_remove("ETALASE_BASE_URL"),
    };
    let run = run(&mut command);
    let canonical = (run.code == 0).then(|| {
        let doc = Site::at(&output).html("en/index.html");
        attr(one(&doc, "link[rel=canonical]"), "href").to_owned()
    });
    (run, canonical)
}

#[test]
fn base_url_comes_from_the_flag_then_the_variable_then_catalogue_yaml() {
    let (run, canonical) = build_with_base(&[], None, "C");
    assert_eq!(run.code, 0, "{run:#?}");
    assert_eq!(
        canonical.as_deref(),
        Some("https://katalog.example.go.id/katalog/en/")
    );
    let (run, canonical) = build_with_base(&[], Some("https://staging.example.org"), "C");
    assert_eq!(run.code, 0, "{run:#?}");
    assert_eq!(
        canonical.as_deref(),
        Some("https://staging.example.org/en/")
    );
    let flag = ["--base-url", "http://preview.example.org/pr-7/"];
    let (run, canonical) = build_with_base(&flag, Some("https://staging.example.org"), "C");
    assert_eq!(run.code, 0, "{run:#?}");
    assert_eq!(
        canonical.as_deref(),
        Some("http://preview.example.org/pr-7/en/")
    );
    // An empty variable is one a pipeline had no value for: catalogue.yaml decides.
    let (run, canonical) = build_with_base(&[], Some(""), "C");
    assert_eq!(run.code, 0, "{run:#?}");
    assert_eq!(
        canonical.as_deref(),
        Some("https://katalog.example.go.id/katalog/en/")
    );
}

#[test]
fn a_bad_base_url_is_a_usage_error_naming_where_it_came_from() {
    for bad in [
        "/katalog/",
        "preview.example.org",
        "ftp://example.org",
        "https://",
    ] {
        let (run, _) = build_with_base(&["--base-url", bad], None, "C");
        assert_eq!(run.code, 2, "{bad}: {run:#?}");
        let expected = format!(
            "error: --base-url cannot be used: `{bad}` is not an absolute web address; write the full address"
        );
        assert!(run.stderr.contains(&expected), "{}", run.stderr);
    }
    let (run, _) = build_with_base(&["--base-url", "https://example.org/a b"], None, "C");
    assert_eq!(run.code, 2, "{run:#?}");
    assert!(
        run.stderr
            .contains("contains characters a web address cannot have"),
        "{}",
        run.stderr
    );
    // A good flag hides a bad variable; a bad variable alone is named.
    let (run, _) = build_with_base(&["--base-url", "https://ok.example.org"], Some("nope"), "C");
    assert_eq!(run.code, 0, "{run:#?}");
    let (run, _) = build_with_base(&[], Some("nope"), "id_ID.UTF-8");
    assert_eq!(run.code, 2, "{run:#?}");
    assert!(
        run.stderr.contains(
            "kesalahan: ETALASE_BASE_URL tidak dapat dipakai: `nope` bukan alamat web yang lengkap; tulis alamat lengkap"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn pdf_checks_its_base_url_before_looking_for_a_browser() {
    let dir = tempfile::tempdir().unwrap();
    let run = etalase([
        OsStr::new("pdf"),
        OsStr::new("--root"),
        fixture_path("basic").as_os_str(),
        OsStr::new("--output"),
        dir.path().join("site").as_os_str(),
        OsStr::new("--chrome"),
        OsStr::new("/nonexistent/chrome"),
        OsStr::new("--base-url"),
        OsStr::new("katalog"),
    ]);
    assert_eq!(run.code, 2, "{run:#?}");
    assert!(
        run.stderr
            .contains("error: --base-url cannot be used: `katalog`"),
        "{}",
        run.stderr
    );
}

// ---------------------------------------------------------------- completions

#[test]
fn completions_name_every_subcommand_in_each_shell() {
    let subcommands = [
        "build",
        "check",
        "serve",
        "new",
        "pdf",
        "import",
        "export",
        "completions",
    ];
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let run = etalase(["completions", shell]);
        assert_eq!(run.code, 0, "{shell}: {run:#?}");
        assert!(run.stderr.is_empty(), "{shell}: {}", run.stderr);
        for subcommand in subcommands {
            assert!(
                run.stdout.contains(subcommand),
                "{shell}: no {subcommand} in\n{}",
                run.stdout
            );
        }
        // Options too (fish writes them without their dashes).
        assert!(run.stdout.contains("base-url"), "{shell}");
        assert!(run.stdout.contains("interface"), "{shell}");
    }
    let run = etalase(["completions", "tcsh"]);
    assert_eq!(run.code, 2, "{run:#?}");
}

#[test]
fn the_bash_completion_script_is_valid_bash() {
    let Some(bash) = which_bash() else {
        eprintln!("skipped: no bash");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("etalase.bash");
    fs::write(&script, etalase(["completions", "bash"]).stdout).unwrap();
    let checked = std::process::Command::new(&bash)
        .arg("-n")
        .arg(&script)
        .output()
        .unwrap();
    assert!(
        checked.status.success(),
        "{}",
        String::from_utf8_lossy(&checked.stderr)
    );
    // Sourced, it registers the completion for `etalase`.
    let sourced = std::process::Command::new(&bash)
        .arg("-c")
        .arg(format!(
            "source {} && complete -p etalase",
            script.display()
        ))
        .output()
        .unwrap();
    assert!(sourced.status.success(), "{sourced:?}");
    assert!(String::from_utf8_lossy(&sourced.stdout).contains("etalase"));
}

fn which_bash() -> Option<std::path::PathBuf> {
    ["/bin/bash", "/usr/bin/bash"]
        .into_iter()
        .map(std::path::PathBuf::from)
        .find(|p| p.is_file())
}
