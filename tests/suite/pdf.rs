//! `etalase pdf` as users run it: the options and the browser are checked before anything is
//! built, a failed print never leaves half a PDF nor removes the previous one, and (with a real
//! Chromium) the sample catalogue prints to A4 PDFs that hold every product of the model, its
//! photos, QR codes leading to the product pages, a title and a language.
//!
//! The printing tests need Chromium (CI installs Debian's `chromium` and `poppler-utils`); on a
//! machine without one they say `skipped: ...` and return. The other tests run everywhere: they
//! stand in for the browser with small shell scripts.

use std::collections::BTreeSet;
use std::ffi::OsStr;
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::LazyLock;

use crate::common::browser::SKIP_MESSAGE;
use crate::common::{etalase_command, repo_root, run, stray_files_beside, Run};
use etalase::config::BrochureSelection;
use etalase::fields::CurationStatus;
use etalase::model::{Catalogue, Product};
use lopdf::{Document, Object};
use tempfile::TempDir;

/// Runs the real binary in the repository root (English messages whatever the machine's
/// locale), with `ETALASE_CHROME` removed and the environment changes `env` made.
fn etalase_pdf<I, S>(args: I, env: &[(&str, &OsStr)]) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    run(etalase_command(repo_root(), "C")
        .arg("pdf")
        .args(args)
        .env_remove(etalase::pdf::CHROME_ENV)
        .envs(env.iter().copied()))
}

/// `--root <repo> --output <output>` followed by `more`.
fn args_for(output: &Path, more: &[&str]) -> Vec<std::ffi::OsString> {
    let mut args: Vec<std::ffi::OsString> = vec![
        "--root".into(),
        repo_root().into(),
        "--output".into(),
        output.into(),
    ];
    args.extend(more.iter().map(Into::into));
    args
}

/// The PDFs in a folder, by file name.
fn pdfs_in(folder: &Path) -> Vec<String> {
    let Ok(items) = fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut names: Vec<String> = items
        .map(|item| item.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains(".pdf"))
        .collect();
    names.sort();
    names
}

const INSTALL_HINT: &str = "  hint: install Chromium (Debian/Ubuntu: sudo apt install chromium), \
     or pass --chrome PATH, or set ETALASE_CHROME=PATH";

// ---------------------------------------------------------------- no browser, wrong options

#[test]
fn a_missing_chrome_option_is_a_clear_error_and_builds_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join("site");
    let run = etalase_pdf(
        args_for(&output, &["--chrome", "/nonexistent/chromium"]),
        &[],
    );
    assert_eq!(run.code, 1, "{run:#?}");
    assert_eq!(
        run.stderr,
        format!(
            "error: the browser given by --chrome, /nonexistent/chromium, does not exist or is \
             not a program\n{INSTALL_HINT}\nno PDF was written\n"
        )
    );
    assert!(!output.exists(), "the site was built without a browser");
    assert!(stray_files_beside(&output).is_empty());
}

#[test]
fn without_a_browser_on_path_the_error_says_how_to_install_one() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("bin");
    fs::create_dir(&empty).unwrap();
    let output = dir.path().join("site");
    let run = etalase_pdf(args_for(&output, &[]), &[("PATH", empty.as_os_str())]);
    assert_eq!(run.code, 1, "{run:#?}");
    assert_eq!(
        run.stderr,
        format!(
            "error: no browser found to print the brochure with (looked for chromium, \
             chromium-browser, google-chrome, google-chrome-stable, microsoft-edge, \
             microsoft-edge-stable on PATH, and where Chromium, Google Chrome and Microsoft Edge \
             are usually installed)\n{INSTALL_HINT}\n\
             no PDF was written\n"
        )
    );
    assert!(!output.exists(), "the site was built without a browser");
    // A variable naming a browser that is not there is an error too, not a silent fallback.
    let run = etalase_pdf(
        args_for(&output, &[]),
        &[("ETALASE_CHROME", OsStr::new("/nonexistent/chrome"))],
    );
    assert_eq!(run.code, 1, "{run:#?}");
    assert!(
        run.stderr.starts_with(
            "error: the browser given by ETALASE_CHROME, /nonexistent/chrome, does not exist"
        ),
        "{}",
        run.stderr
    );
    assert!(!output.exists());
}

#[test]
fn an_unknown_selection_or_language_is_a_usage_error_naming_the_valid_ones() {
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join("site");
    let run = etalase_pdf(args_for(&output, &["--selection", "keranjang-jawa"]), &[]);
    assert_eq!(run.code, 2, "{run:#?}");
    assert_eq!(
        run.stderr,
        "error: --selection keranjang-jawa: this catalogue has no brochure selection \
         `keranjang-jawa`; its selections are: keranjang-bali\n"
    );
    let run = etalase_pdf(args_for(&output, &["--lang", "fr"]), &[]);
    assert_eq!(run.code, 2, "{run:#?}");
    assert_eq!(
        run.stderr,
        "error: --lang fr: this catalogue has no language `fr`; its languages are: id, en\n"
    );
    assert!(!output.exists());
}

// ---------------------------------------------------------------- stand-in browsers

/// A shell script standing in for Chromium: it records its arguments (one a line) in
/// `<dir>/args`, then runs `body` with `$pdf` set to the `--print-to-pdf` path.
fn fake_browser(dir: &Path, body: &str) -> PathBuf {
    let path = dir.join("fake-chromium");
    let script = format!(
        "#!/bin/sh\nfor arg in \"$@\"; do printf '%s\\n' \"$arg\"; done > '{}/args'\n\
         pdf=''\nfor arg in \"$@\"; do case \"$arg\" in --print-to-pdf=*) pdf=\"${{arg#--print-to-pdf=}}\";; esac; done\n{body}\n",
        dir.display()
    );
    let mut file = fs::File::create(&path).unwrap();
    file.write_all(script.as_bytes()).unwrap();
    drop(file);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&path, fs::Permissions::from_mode(0o755)).unwrap();
    }
    path
}

/// Builds the sample site into `<dir>/site` and puts a previous PDF of the keranjang-bali
/// selection in it, as an earlier `etalase pdf` would have.
fn site_with_a_previous_pdf(dir: &Path) -> (PathBuf, &'static [u8]) {
    const PREVIOUS: &[u8] = b"%PDF-1.4 the previous brochure\n%%EOF\n";
    let output = dir.join("site");
    let built = etalase::build(repo_root(), &output);
    assert!(built.is_ok(), "the sample catalogue does not build");
    fs::write(output.join("brochure-id-keranjang-bali.pdf"), PREVIOUS).unwrap();
    (output, PREVIOUS)
}

#[test]
fn a_browser_that_fails_leaves_the_previous_pdf_and_shows_what_it_said() {
    let dir = tempfile::tempdir().unwrap();
    let (output, previous) = site_with_a_previous_pdf(dir.path());
    let browser = fake_browser(
        dir.path(),
        "echo 'ERROR:dbus/bus.cc Failed to connect to the bus' >&2\n\
         printf '%%PDF-1.4 half' > \"$pdf\"\necho 'cannot open the display' >&2\nexit 3",
    );
    let run = etalase_pdf(
        args_for(
            &output,
            &["--lang", "id", "--selection", "keranjang-bali", "--chrome"],
        )
        .into_iter()
        .chain([browser.clone().into_os_string()]),
        &[],
    );
    assert_eq!(run.code, 1, "{run:#?}");
    let target = output.join("brochure-id-keranjang-bali.pdf");
    assert!(
        run.stderr.contains(&format!(
            "error: cannot print {}: {} failed (exit status: 3); it said:\n    cannot open the display\n",
            target.display(),
            browser.display()
        )),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .ends_with("s); their previous PDFs, if any, were left as they were\n")
            && run
                .stderr
                .contains("1 of 1 brochure(s) could not be printed ("),
        "{}",
        run.stderr
    );
    assert_eq!(fs::read(&target).unwrap(), previous);
    assert_eq!(pdfs_in(&output), ["brochure-id-keranjang-bali.pdf"]);
}

#[test]
fn half_a_pdf_is_never_put_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let (output, previous) = site_with_a_previous_pdf(dir.path());
    // Exits 0 but writes a PDF that stops half-way.
    let browser = fake_browser(
        dir.path(),
        "printf '%%PDF-1.4\\n1 0 obj\\n<< /Type /Catalog' > \"$pdf\"",
    );
    let mut args = args_for(
        &output,
        &["--lang", "id", "--selection", "keranjang-bali", "--chrome"],
    );
    args.push(browser.into());
    let run = etalase_pdf(args, &[]);
    assert_eq!(run.code, 1, "{run:#?}");
    assert!(
        run.stderr.contains(
            "brochure-id-keranjang-bali.pdf: the browser wrote an incomplete PDF (it does not \
             end with %%EOF)\n"
        ),
        "{}",
        run.stderr
    );
    let target = output.join("brochure-id-keranjang-bali.pdf");
    assert_eq!(fs::read(target).unwrap(), previous);
    assert_eq!(pdfs_in(&output), ["brochure-id-keranjang-bali.pdf"]);

    // What the browser was asked to do: print the page from disk with a fresh profile.
    let args = fs::read_to_string(dir.path().join("args")).unwrap();
    let args: Vec<&str> = args.lines().collect();
    for flag in [
        "--headless",
        "--no-pdf-header-footer",
        "--disable-gpu",
        "--no-first-run",
    ] {
        assert!(args.contains(&flag), "{flag} missing: {args:?}");
    }
    let page = output
        .canonicalize()
        .unwrap()
        .join("id/brochure/keranjang-bali/index.html");
    assert_eq!(
        args.last().copied(),
        Some(format!("file://{}", page.display()).as_str())
    );
    let profile = args
        .iter()
        .find_map(|a| a.strip_prefix("--user-data-dir="))
        .expect("a profile folder");
    assert!(!Path::new(profile).exists(), "the profile was not removed");
    assert_eq!(
        args.contains(&"--no-sandbox"),
        running_as_root(),
        "{args:?}"
    );
}

/// A one-page A4 PDF without a title or a language, as a browser might write it.
fn plain_pdf() -> Vec<u8> {
    use lopdf::dictionary;
    let mut doc = Document::with_version("1.4");
    let pages_id = doc.new_object_id();
    let page_id = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages_id,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
    });
    let pages = dictionary! { "Type" => "Pages", "Kids" => vec![page_id.into()], "Count" => 1 };
    doc.objects.insert(pages_id, Object::Dictionary(pages));
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    bytes
}

#[test]
fn a_complete_pdf_replaces_the_previous_one_with_its_title_and_language() {
    let dir = tempfile::tempdir().unwrap();
    let (output, _) = site_with_a_previous_pdf(dir.path());
    let pdf = dir.path().join("printed.pdf");
    fs::write(&pdf, plain_pdf()).unwrap();
    let browser = fake_browser(dir.path(), &format!("cp '{}' \"$pdf\"", pdf.display()));
    let mut args = args_for(
        &output,
        &["--lang", "en", "--selection", "keranjang-bali", "--chrome"],
    );
    args.push(browser.into());
    let run = etalase_pdf(args, &[]);
    assert_eq!(run.code, 0, "{run:#?}");
    let target = output.join("brochure-en-keranjang-bali.pdf");
    assert!(
        run.stderr
            .contains(&format!("printed {}: 1 page, 1 KB\n", target.display())),
        "{}",
        run.stderr
    );
    // The title render gives the brochure is the one its page shows and its PDF declares.
    let title = sample_brochure_title("en", "keranjang-bali");
    let page = fs::read_to_string(output.join("en/brochure/keranjang-bali/index.html")).unwrap();
    assert_eq!(html_title(&page), title);
    let doc = Document::load(&target).unwrap();
    assert_eq!(
        etalase::pdf::metadata(&doc),
        (Some(title), Some("en".to_owned()))
    );
    // The previous Indonesian PDF was not printed again and stays; nothing temporary is left.
    assert_eq!(
        pdfs_in(&output),
        [
            "brochure-en-keranjang-bali.pdf",
            "brochure-id-keranjang-bali.pdf"
        ]
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |path: &Path| fs::metadata(path).unwrap().permissions().mode();
        assert_eq!(
            mode(&target),
            mode(&output.join("index.html")),
            "the PDF is not as readable as the site's pages"
        );
    }
}

/// The title of the sample catalogue's brochure of `selection` in `lang`, as render makes it.
fn sample_brochure_title(lang: &str, selection: &str) -> String {
    let Ok(loaded) = etalase::load(repo_root()) else {
        panic!("the sample catalogue does not load");
    };
    let config = &loaded.catalogue.config;
    let chosen = config.brochures.iter().find(|b| b.slug == selection);
    assert!(
        chosen.is_some(),
        "catalogue.yaml has no selection {selection}"
    );
    etalase::render::brochure::document_title(config, lang, chosen)
}

/// The text of a page's `<title>`.
fn html_title(page: &str) -> String {
    let html = scraper::Html::parse_document(page);
    let title = scraper::Selector::parse("title").unwrap();
    let found = html.select(&title).next().expect("the page has a <title>");
    found.text().collect()
}

#[test]
fn a_browser_that_writes_nothing_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let (output, previous) = site_with_a_previous_pdf(dir.path());
    let browser = fake_browser(dir.path(), "echo 'Page failed to load' >&2");
    let mut args = args_for(
        &output,
        &["--lang", "id", "--selection", "keranjang-bali", "--chrome"],
    );
    args.push(browser.clone().into());
    let run = etalase_pdf(args, &[]);
    assert_eq!(run.code, 1, "{run:#?}");
    let target = output.join("brochure-id-keranjang-bali.pdf");
    assert!(
        run.stderr.contains(&format!(
            "error: cannot print {}: {} wrote no PDF; it said:\n    Page failed to load\n",
            target.display(),
            browser.display()
        )),
        "{}",
        run.stderr
    );
    assert_eq!(fs::read(target).unwrap(), previous);
    assert_eq!(pdfs_in(&output), ["brochure-id-keranjang-bali.pdf"]);
}

fn running_as_root() -> bool {
    use std::os::unix::fs::MetadataExt;
    fs::metadata("/proc/self").is_ok_and(|meta| meta.uid() == 0)
}

// ---------------------------------------------------------------- the real browser

/// The sample catalogue printed once for all the tests below: the folder, the model and what
/// `etalase pdf` said. `None` without a browser.
struct Printed {
    site: PathBuf,
    catalogue: Catalogue,
    run: Run,
    _dir: TempDir,
}

static PRINTED: LazyLock<Option<Printed>> = LazyLock::new(|| {
    let browser = etalase::pdf::find_browser(None).ok()?;
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    let mut args = args_for(&site, &["--chrome"]);
    args.push(browser.into());
    let run = etalase_pdf(args, &[]);
    assert_eq!(run.code, 0, "{run:#?}");
    let catalogue = match etalase::load(repo_root()) {
        Ok(loaded) => loaded.catalogue,
        Err(_) => panic!("the sample catalogue does not load"),
    };
    Some(Printed {
        site,
        catalogue,
        run,
        _dir: dir,
    })
});

/// The printed sample catalogue, or `None` after saying why the test does not run.
fn printed() -> Option<&'static Printed> {
    let printed = PRINTED.as_ref();
    if printed.is_none() {
        // Straight to stderr, past the test harness's output capture, so the skip shows.
        let _ = writeln!(std::io::stderr(), "{SKIP_MESSAGE}");
    }
    printed
}

impl Printed {
    fn pdf(&self, name: &str) -> Document {
        let path = self.site.join(name);
        Document::load(&path).unwrap_or_else(|e| panic!("{} cannot be read: {e}", path.display()))
    }

    fn default_lang(&self) -> &str {
        self.catalogue.config.default_language()
    }

    fn name(&self, product: &Product, lang: &str) -> String {
        normalised(product.name.get(lang, self.default_lang()).text)
    }

    fn selection(&self, slug: &str) -> &BrochureSelection {
        let found = self
            .catalogue
            .config
            .brochures
            .iter()
            .find(|b| b.slug == slug);
        found.unwrap_or_else(|| panic!("catalogue.yaml has no brochure selection {slug}"))
    }
}

/// Runs of white space as one space, trimmed, and none after a hyphen: a line may break
/// there ("Onde-" / "onde"), and the extracted text then has a line break the name has not.
fn normalised(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace("- ", "-")
}

/// The text of every page, extracted with lopdf and normalised.
fn page_texts(doc: &Document) -> Vec<String> {
    doc.get_pages()
        .keys()
        .map(|&number| normalised(&doc.extract_text(&[number]).unwrap_or_default()))
        .collect()
}

/// The number of image XObjects in the document (each photo is embedded once).
fn image_count(doc: &Document) -> usize {
    doc.objects
        .values()
        .filter(|object| match object {
            Object::Stream(stream) => stream
                .dict
                .get(b"Subtype")
                .and_then(Object::as_name)
                .is_ok_and(|name| name == b"Image"),
            _ => false,
        })
        .count()
}

/// Every page's MediaBox as (width, height) in points.
fn page_sizes(doc: &Document) -> Vec<(f32, f32)> {
    doc.page_iter()
        .map(|page| {
            let mut dict = doc.get_dictionary(page).unwrap();
            // MediaBox may be inherited from the page tree.
            let media_box = loop {
                if let Ok(found) = dict.get(b"MediaBox") {
                    break found.as_array().unwrap().clone();
                }
                let parent = dict.get(b"Parent").and_then(Object::as_reference).unwrap();
                dict = doc.get_dictionary(parent).unwrap();
            };
            let number = |i: usize| media_box[i].as_float().unwrap();
            (number(2) - number(0), number(3) - number(1))
        })
        .collect()
}

/// Whether a product passed the curation of the selection's curator (and is in its category).
fn is_selected(product: &Product, selection: &BrochureSelection) -> bool {
    let curator_ok = selection.curator.as_deref().is_none_or(|wanted| {
        product.curation.as_ref().is_some_and(|c| {
            c.status == CurationStatus::Lolos
                && c.curator
                    .as_deref()
                    .is_some_and(|name| name.trim().eq_ignore_ascii_case(wanted.trim()))
        })
    });
    curator_ok && selection.category.is_none_or(|c| c == product.category)
}

/// Checks one printed brochure against the products it should show; returns its page texts.
fn check_brochure(
    printed: &Printed,
    name: &str,
    lang: &str,
    selection: Option<&BrochureSelection>,
) -> Vec<String> {
    let doc = printed.pdf(name);
    let pages = page_texts(&doc);
    assert_eq!(
        pages.len(),
        etalase::render::brochure::planned_pages(&printed.catalogue, selection),
        "{name}: not the number of pages the layout plans"
    );
    for (width, height) in page_sizes(&doc) {
        assert!(
            (width - 595.3).abs() < 2.0 && (height - 841.9).abs() < 2.0,
            "{name}: a page of {width}×{height} pt is not A4"
        );
    }
    let shown: Vec<&Product> = printed
        .catalogue
        .products
        .iter()
        .filter(|p| selection.is_none_or(|s| is_selected(p, s)))
        .collect();
    assert!(!shown.is_empty(), "{name}: the model gives it no products");
    let text = pages.join(" ");
    for product in &shown {
        let product_name = printed.name(product, lang);
        assert!(
            text.contains(&product_name),
            "{name}: {product_name:?} is missing from the text:\n{text}"
        );
    }
    let with_photos = shown.iter().filter(|p| !p.photos.is_empty()).count();
    assert!(
        image_count(&doc) >= with_photos,
        "{name}: {} images for {with_photos} products with photos",
        image_count(&doc)
    );
    let title = match selection {
        None => &printed.catalogue.config.title,
        Some(selection) => &selection.title,
    };
    let (pdf_title, pdf_lang) = etalase::pdf::metadata(&doc);
    let pdf_title = pdf_title.unwrap_or_else(|| panic!("{name} has no title"));
    assert!(
        pdf_title.contains(title.get(lang, printed.default_lang()).text),
        "{name}: title {pdf_title:?}"
    );
    assert_eq!(pdf_lang.as_deref(), Some(lang), "{name}: /Lang");
    pages
}

#[test]
fn every_language_prints_an_a4_brochure_of_every_product() {
    let Some(printed) = printed() else { return };
    for lang in &printed.catalogue.config.languages {
        let name = format!("brochure-{lang}.pdf");
        check_brochure(printed, &name, lang, None);
        let summary = format!("printed {}: ", printed.site.join(&name).display());
        assert!(
            printed.run.stderr.contains(&summary),
            "{}",
            printed.run.stderr
        );
    }
    assert!(
        printed.run.stderr.contains(" brochure(s) in "),
        "{}",
        printed.run.stderr
    );
    assert!(
        pdfs_in(&printed.site).iter().all(|n| n.ends_with(".pdf")),
        "temporary files left: {:?}",
        pdfs_in(&printed.site)
    );
}

#[test]
fn a_selection_brochure_holds_only_the_curators_products() {
    let Some(printed) = printed() else { return };
    let selection = printed.selection("keranjang-bali");
    for lang in &printed.catalogue.config.languages {
        let name = format!("brochure-{lang}-{}.pdf", selection.slug);
        let text = check_brochure(printed, &name, lang, Some(selection)).join(" ");
        let chosen: Vec<String> = printed
            .catalogue
            .products
            .iter()
            .filter(|p| is_selected(p, selection))
            .map(|p| printed.name(p, lang))
            .collect();
        let left_out: Vec<String> = printed
            .catalogue
            .products
            .iter()
            .filter(|p| !is_selected(p, selection))
            .map(|p| printed.name(p, lang))
            .collect();
        assert!(
            !left_out.is_empty(),
            "the selection should leave products out"
        );
        for other in left_out {
            // A name inside a chosen product's name would be found there; it proves nothing.
            if chosen.iter().any(|c| c.contains(&other)) {
                continue;
            }
            assert!(!text.contains(&other), "{name} shows {other:?}");
        }
    }
}

#[test]
fn qr_codes_of_the_first_product_page_lead_to_its_products() {
    let Some(printed) = printed() else { return };
    let base_url = &printed.catalogue.config.base_url;
    for lang in &printed.catalogue.config.languages {
        let name = format!("brochure-{lang}.pdf");
        let pages = page_texts(&printed.pdf(&name));
        let on_page = |text: &str| -> BTreeSet<String> {
            let products = printed.catalogue.products.iter();
            products
                .filter(|p| text.contains(&printed.name(p, lang)))
                .map(|p| p.slug.clone())
                .collect()
        };
        let (index, expected) = pages
            .iter()
            .map(|text| on_page(text))
            .enumerate()
            .find(|(_, products)| !products.is_empty())
            .expect("a page showing products");
        let urls = qr_codes(&printed.site.join(&name), index + 1);
        let prefix = format!("{base_url}/{lang}/products/");
        let slugs: BTreeSet<String> = urls
            .iter()
            .map(|url| {
                let slug = url.strip_prefix(&prefix).and_then(|s| s.strip_suffix('/'));
                slug.unwrap_or_else(|| panic!("{url} is not a product page under {prefix}"))
                    .to_owned()
            })
            .collect();
        assert_eq!(slugs, expected, "{name}, page {}", index + 1);
    }
}

/// Renders page `number` of a PDF at 300 dpi with pdftoppm and decodes its QR codes.
///
/// rqrr pairs the finder patterns of different codes when a page holds several, and misses
/// modules of 3 pixels, as a 2 cm code has at 150 dpi; at 150 dpi scaled up twice, whether a
/// code was read depended on where on the page it fell (a card's photo cut shorter moved one
/// off). So the page is rendered at 300 dpi (modules of 6 to 7 pixels) and read in overlapping
/// tiles, each holding any code of up to [`QR_TILE`] / 2 pixels whole and never two codes
/// (the brochure's codes are farther apart); each URL is kept once.
fn qr_codes(pdf: &Path, number: usize) -> BTreeSet<String> {
    let dir = tempfile::tempdir().unwrap();
    let prefix = dir.path().join("page");
    let page = number.to_string();
    let status = Command::new("pdftoppm")
        .args(["-r", "300", "-png", "-singlefile", "-f", &page, "-l", &page])
        .arg(pdf)
        .arg(&prefix)
        .status()
        .expect("pdftoppm runs (install poppler-utils)");
    assert!(status.success(), "pdftoppm failed on {}", pdf.display());
    let image = image::open(prefix.with_extension("png"))
        .expect("pdftoppm wrote a PNG")
        .into_luma8();
    let step = QR_TILE / 2;
    let mut found = BTreeSet::new();
    for y in (0..image.height().saturating_sub(step)).step_by(step as usize) {
        for x in (0..image.width().saturating_sub(step)).step_by(step as usize) {
            let tile = image::imageops::crop_imm(&image, x, y, QR_TILE, QR_TILE).to_image();
            let mut prepared = rqrr::PreparedImage::prepare(tile);
            for grid in prepared.detect_grids() {
                if let Ok((_, url)) = grid.decode() {
                    found.insert(url);
                }
            }
        }
    }
    found
}

/// The side of the tiles [`qr_codes`] reads, in pixels at 300 dpi (5 cm).
const QR_TILE: u32 = 600;

#[test]
fn a_split_brochure_prints_each_part_to_its_own_numbered_pdf() {
    let Some(browser) = etalase::pdf::find_browser(None).ok() else {
        let _ = writeln!(std::io::stderr(), "{SKIP_MESSAGE}");
        return;
    };
    // 13 products, at most 6 a brochure: batik's 8 in two parts of 4, food's 5 in one.
    let catalogue = crate::common::Catalogue::large(10, "{ max_brochure_products: 6 }");
    let output = catalogue.parent().join("site");
    let args: Vec<std::ffi::OsString> = vec![
        "--root".into(),
        catalogue.root().into(),
        "--output".into(),
        output.clone().into(),
        "--lang".into(),
        "id".into(),
        "--chrome".into(),
        browser.into(),
    ];
    let run = etalase_pdf(args, &[]);
    assert_eq!(run.code, 0, "{run:#?}");
    assert!(
        pdfs_in(&output).is_empty(),
        "no brochure of everything at the top"
    );
    let folder = output.join("brochure-id");
    assert_eq!(
        pdfs_in(&folder),
        ["01-batik-1.pdf", "02-batik-2.pdf", "03-makanan-minuman.pdf"]
    );
    let loaded = etalase::load(catalogue.root()).unwrap();
    let c = &loaded.catalogue;
    let parts = etalase::render::brochure::parts(c, None);
    for (name, part) in pdfs_in(&folder).iter().zip(parts) {
        let doc = Document::load(folder.join(name)).unwrap();
        let pages = page_texts(&doc);
        assert_eq!(
            pages.len(),
            etalase::render::brochure::planned_part_pages(c, None, part),
            "{name}"
        );
        let text = pages.join(" ");
        for product in etalase::render::brochure::part_products(c, None, part) {
            let wanted = normalised(product.name.get("id", "id").text);
            assert!(
                text.contains(&wanted),
                "{name}: {wanted:?} missing:\n{text}"
            );
        }
        let (title, lang) = etalase::pdf::metadata(&doc);
        let category = c.config.categories[part.category].name.get("id", "id").text;
        assert!(title.unwrap_or_default().contains(category), "{name}");
        assert_eq!(lang.as_deref(), Some("id"));
    }
}
