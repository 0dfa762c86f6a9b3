//! Test harness shared by the integration tests: builds fixture catalogues into temporary
//! folders through the library, reads the generated site back (HTML parsed with `scraper`),
//! resolves links the way a static host would, and runs the real `etalase` binary.
//!
//! Fixtures live in `tests/fixtures/<name>/`. Tests that change a fixture work on a copy in a
//! temporary folder ([`Catalogue::copy`]); files in the repository are never modified.

pub mod browser;
pub mod http;
pub mod safety;
pub mod workbook;

use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use etalase::diagnostic::Diagnostic;
use etalase::messages::Lang;
use etalase::Error;
use image::{DynamicImage, ImageFormat};
use scraper::{ElementRef, Html, Selector};
use tempfile::TempDir;
use walkdir::WalkDir;

/// The `base_url` of every fixture catalogue, with a trailing slash.
pub const BASE_URL: &str = "https://katalog.example.go.id/katalog/";
/// The path part of [`BASE_URL`]: what root-relative URLs start with.
pub const BASE_PATH: &str = "/katalog/";
/// The languages of every fixture catalogue, the default first.
pub const LANGUAGES: [&str; 2] = ["id", "en"];

// ---------------------------------------------------------------- fixtures

/// The repository root, which is also the sample catalogue.
pub fn repo_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The folder of a fixture catalogue, e.g. `basic` or `templates/override-partial`.
pub fn fixture_path(name: &str) -> PathBuf {
    let path = repo_root().join("tests/fixtures").join(name);
    assert!(
        path.join("catalogue.yaml").is_file(),
        "fixture {name} has no catalogue.yaml at {}",
        path.display()
    );
    path
}

/// Builds a fixture (read in place, never written) into a fresh temporary folder.
pub fn build_fixture(name: &str) -> Site {
    build_root(&fixture_path(name))
}

/// The `basic` fixture, built.
pub fn basic() -> Site {
    build_fixture("basic")
}

/// Builds the catalogue at `root` into a fresh temporary folder; panics on failure.
pub fn build_root(root: &Path) -> Site {
    let dir = tempfile::tempdir().expect("temporary folder");
    let output = dir.path().join("site");
    match etalase::build(root, &output) {
        Ok(_) => Site {
            root: output,
            _dir: Some(dir),
        },
        Err(error) => panic!(
            "building {} failed:\n{}",
            root.display(),
            describe_error(&error)
        ),
    }
}

/// A build error as the text a user would see.
pub fn describe_error(error: &Error) -> String {
    match error {
        Error::Usage(message) => format!("usage error: {}", message.render(Lang::En)),
        Error::Content { diagnostics, .. } => diagnostics
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n"),
        Error::Failed { message, .. } => format!("I/O error: {}", message.render(Lang::En)),
    }
}

/// A writable copy of a fixture catalogue in a temporary folder.
pub struct Catalogue {
    root: PathBuf,
    dir: TempDir,
}

impl Catalogue {
    /// Copies `tests/fixtures/<name>/` into a temporary folder.
    pub fn copy(name: &str) -> Catalogue {
        let dir = tempfile::tempdir().expect("temporary folder");
        let root = dir.path().join("catalogue");
        copy_tree(&fixture_path(name), &root);
        Catalogue { root, dir }
    }

    /// The basic fixture with `extra` more products, each with a price and a photo, two in
    /// three of them batik and the others food, and `limits` (a YAML mapping) in
    /// catalogue.yaml: a large catalogue in small, for the limits that split brochures, feeds
    /// and the sitemap.
    pub fn large(extra: usize, limits: &str) -> Catalogue {
        let catalogue = Catalogue::copy("basic");
        let config = catalogue.read("catalogue.yaml");
        catalogue.write("catalogue.yaml", format!("{config}limits: {limits}\n"));
        let photo = catalogue.path("content/products/batik-tulis-surya/utama.png");
        for n in 1..=extra {
            let folder = format!("content/products/produk-{n:03}");
            let category = if n % 3 == 0 {
                "makanan-minuman"
            } else {
                "batik"
            };
            catalogue.write(
                &format!("{folder}/product.yaml"),
                format!(
                    "name: {{ id: \"Produk {n:03} <Uji> & Co\", en: \"Product {n:03} <Test> & Co\" }}\n\
                     producer: batik-sekar-jagad\ncategory: {category}\nprice: {{ amount: {n}000 }}\n\
                     photos:\n  - file: utama.png\n    alt: {{ id: Foto, en: Photo }}\n"
                ),
            );
            fs::copy(&photo, catalogue.path(&format!("{folder}/utama.png"))).expect("copy photo");
        }
        catalogue
    }

    /// An empty catalogue folder in a temporary folder, to be filled by the test.
    pub fn empty() -> Catalogue {
        let dir = tempfile::tempdir().expect("temporary folder");
        let root = dir.path().join("catalogue");
        fs::create_dir_all(&root).expect("create the catalogue folder");
        Catalogue { root, dir }
    }

    /// The catalogue folder (what `--root` points at).
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The folder holding the catalogue folder: a place for outputs beside it.
    pub fn parent(&self) -> &Path {
        self.dir.path()
    }

    pub fn path(&self, relative: &str) -> PathBuf {
        self.root.join(relative)
    }

    pub fn read(&self, relative: &str) -> String {
        fs::read_to_string(self.path(relative))
            .unwrap_or_else(|e| panic!("cannot read {relative}: {e}"))
    }

    /// Writes a file, creating its folders.
    pub fn write(&self, relative: &str, contents: impl AsRef<[u8]>) {
        let path = self.path(relative);
        fs::create_dir_all(path.parent().expect("a parent folder")).expect("create folders");
        fs::write(&path, contents).unwrap_or_else(|e| panic!("cannot write {relative}: {e}"));
    }

    /// Replaces `from` by `to` in a file; `from` must occur exactly once, so a fixture change
    /// can never turn a test into a silent no-op.
    pub fn replace(&self, relative: &str, from: &str, to: &str) {
        let text = self.read(relative);
        assert_eq!(
            text.matches(from).count(),
            1,
            "{relative} should contain {from:?} exactly once:\n{text}"
        );
        self.write(relative, text.replacen(from, to, 1));
    }

    /// Removes a file or a folder.
    pub fn remove(&self, relative: &str) {
        let path = self.path(relative);
        if path.is_dir() {
            fs::remove_dir_all(&path).expect("remove folder");
        } else {
            fs::remove_file(&path).expect("remove file");
        }
    }

    /// Builds the catalogue into a fresh temporary folder; panics on failure.
    pub fn build(&self) -> Site {
        build_root(&self.root)
    }

    /// Builds into a fresh folder that is expected to fail with content errors; returns the
    /// diagnostics (warnings included) and checks that no output was left behind.
    pub fn build_diagnostics(&self) -> Vec<Diagnostic> {
        let dir = tempfile::tempdir().expect("temporary folder");
        let output = dir.path().join("site");
        let result = etalase::build(&self.root, &output);
        assert!(!output.exists(), "a failed build created the output folder");
        let leftovers = stray_files_beside(&output);
        assert!(
            leftovers.is_empty(),
            "a failed build left {leftovers:?} behind"
        );
        match result {
            Err(Error::Content { diagnostics, .. }) => diagnostics,
            Err(other) => panic!("expected content errors, got {}", describe_error(&other)),
            Ok(_) => panic!("expected the build to fail with content errors, but it succeeded"),
        }
    }

    /// The errors (not warnings) of a failing build, as the text users see.
    pub fn build_errors(&self) -> Vec<String> {
        self.build_diagnostics()
            .iter()
            .filter(|d| d.is_error())
            .map(ToString::to_string)
            .collect()
    }
}

/// Copies a folder recursively (symbolic links are not expected in fixtures), without the
/// photo cache that in-place builds of the fixture keep writing to.
pub fn copy_tree(from: &Path, to: &Path) {
    for item in WalkDir::new(from)
        .into_iter()
        .filter_entry(|e| e.file_name() != ".etalase-cache")
    {
        let item = item.expect("walk fixture");
        let target = to.join(item.path().strip_prefix(from).expect("inside"));
        if item.file_type().is_dir() {
            fs::create_dir_all(&target).expect("create folder");
        } else {
            fs::copy(item.path(), &target).expect("copy file");
        }
    }
}

/// What lies beside an output folder other than the folder itself and the spare staging folder
/// that etalase keeps between builds (`.<name>.spare`): half-written staging folders, old sites.
pub fn stray_files_beside(output: &Path) -> Vec<String> {
    let name = output
        .file_name()
        .expect("a named output folder")
        .to_string_lossy();
    let spare = format!(".{name}.spare");
    let parent = output.parent().expect("a parent folder");
    let mut stray: Vec<String> = fs::read_dir(parent)
        .expect("list the output's parent folder")
        .map(|e| {
            e.expect("a folder entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|n| n.starts_with(&format!(".{name}.")) && *n != spare)
        .collect();
    stray.sort();
    stray
}

/// The 1-based number of the only line of `text` containing `needle`.
pub fn line_of(text: &str, needle: &str) -> usize {
    let lines: Vec<usize> = text
        .lines()
        .enumerate()
        .filter(|(_, line)| line.contains(needle))
        .map(|(i, _)| i + 1)
        .collect();
    assert_eq!(lines.len(), 1, "{needle:?} should be on exactly one line");
    lines[0]
}

// ---------------------------------------------------------------- the generated site

/// A generated site on disk.
pub struct Site {
    root: PathBuf,
    _dir: Option<TempDir>,
}

impl Site {
    /// A site at a given folder (not removed afterwards).
    pub fn at(root: &Path) -> Site {
        Site {
            root: root.to_owned(),
            _dir: None,
        }
    }

    pub fn path(&self) -> &Path {
        &self.root
    }

    /// The file a site path stands for: `id/` and `id/index.html` are the same file.
    pub fn file(&self, relative: &str) -> PathBuf {
        let relative = if relative.is_empty() || relative.ends_with('/') {
            format!("{relative}index.html")
        } else {
            relative.to_owned()
        };
        self.root.join(relative)
    }

    pub fn exists(&self, relative: &str) -> bool {
        self.file(relative).is_file()
    }

    pub fn bytes(&self, relative: &str) -> Vec<u8> {
        fs::read(self.file(relative)).unwrap_or_else(|e| panic!("cannot read {relative}: {e}"))
    }

    pub fn text(&self, relative: &str) -> String {
        String::from_utf8(self.bytes(relative))
            .unwrap_or_else(|_| panic!("{relative} is not UTF-8"))
    }

    /// Parses a page; `relative` may be a folder URL (`id/products/x/`).
    pub fn html(&self, relative: &str) -> Html {
        Html::parse_document(&self.text(relative))
    }

    /// Every file of the site, as sorted `/`-separated relative paths.
    pub fn files(&self) -> Vec<String> {
        let mut files: Vec<String> = WalkDir::new(&self.root)
            .into_iter()
            .map(|item| item.expect("walk site"))
            .filter(|item| item.file_type().is_file())
            .map(|item| {
                let inside = item.path().strip_prefix(&self.root).expect("inside");
                inside
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/")
            })
            .collect();
        files.sort();
        files
    }

    /// Every HTML file of the site.
    pub fn html_files(&self) -> Vec<String> {
        self.files()
            .into_iter()
            .filter(|f| f.ends_with(".html"))
            .collect()
    }

    /// The HTML files inside a language folder (every page except `index.html` and `404.html`).
    pub fn language_pages(&self) -> Vec<String> {
        self.html_files()
            .into_iter()
            .filter(|f| language_of(f).is_some())
            .collect()
    }

    /// Every file with its bytes, to compare whole sites.
    pub fn snapshot(&self) -> BTreeMap<String, Vec<u8>> {
        snapshot(&self.root)
    }
}

/// Every file under `root` with its bytes, keyed by relative path.
pub fn snapshot(root: &Path) -> BTreeMap<String, Vec<u8>> {
    let site = Site::at(root);
    site.files()
        .into_iter()
        .map(|f| {
            let bytes = site.bytes(&f);
            (f, bytes)
        })
        .collect()
}

/// The language folder a site file is in, if any.
pub fn language_of(file: &str) -> Option<&'static str> {
    LANGUAGES
        .into_iter()
        .find(|lang| file.starts_with(&format!("{lang}/")))
}

/// The same page in another language: `id/products/x/index.html` -> `en/products/x/index.html`.
pub fn twin_of(file: &str, lang: &str) -> String {
    let from = language_of(file).unwrap_or_else(|| panic!("{file} is not in a language folder"));
    format!("{lang}/{}", &file[from.len() + 1..])
}

/// The public URL of a site file: `id/products/x/index.html` -> `https://…/katalog/id/products/x/`.
pub fn url_of(file: &str) -> String {
    let folder = file.strip_suffix("index.html").unwrap_or(file);
    format!("{BASE_URL}{folder}")
}

/// The site file an absolute URL under [`BASE_URL`] serves, if it is under it.
pub fn file_of_url(url: &str) -> Option<String> {
    let inside = url.strip_prefix(BASE_URL)?;
    let path = inside.split(['#', '?']).next().unwrap_or_default();
    Some(if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.to_owned()
    })
}

/// Whether a link leaves the site or stays on the page (so there is no file to check).
pub fn is_external(link: &str) -> bool {
    let lower = link.trim().to_ascii_lowercase();
    ["http:", "https:", "mailto:", "tel:", "#", "data:"]
        .iter()
        .any(|prefix| lower.starts_with(prefix))
}

/// Resolves a relative or root-relative link found in site file `from` to the site file it
/// points at, like a static host would (`…/` means `…/index.html`). `Err` says why it cannot
/// point inside the site.
pub fn resolve_link(from: &str, link: &str) -> Result<String, String> {
    let path = link.split(['#', '?']).next().unwrap_or_default();
    let (mut parts, rest): (Vec<&str>, &str) = if path.starts_with('/') {
        let rest = path
            .strip_prefix(BASE_PATH)
            .or((path == BASE_PATH.trim_end_matches('/')).then_some(""))
            .ok_or_else(|| format!("root-relative link outside {BASE_PATH}"))?;
        (Vec::new(), rest)
    } else {
        let mut parts: Vec<&str> = from.split('/').collect();
        parts.pop(); // the file name of `from`
        (parts, path)
    };
    let segments: Vec<&str> = rest.split('/').collect();
    for segment in &segments {
        match *segment {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() {
                    return Err("climbs above the site root".into());
                }
            }
            other => parts.push(other),
        }
    }
    // A link to a folder (ending in `/`, empty, `.` or `..`) is served its index.html.
    if matches!(segments.last().copied(), Some("" | "." | "..")) {
        parts.push("index.html");
    }
    Ok(parts.join("/"))
}

// ---------------------------------------------------------------- HTML helpers

pub fn selector(css: &str) -> Selector {
    Selector::parse(css).unwrap_or_else(|e| panic!("bad selector {css}: {e:?}"))
}

/// Every element matching `css`.
pub fn select<'a>(doc: &'a Html, css: &str) -> Vec<ElementRef<'a>> {
    doc.select(&selector(css)).collect()
}

/// Every element matching `css` inside `element`.
pub fn select_in<'a>(element: ElementRef<'a>, css: &str) -> Vec<ElementRef<'a>> {
    element.select(&selector(css)).collect()
}

/// The only element matching `css`; panics when there is none or more than one.
pub fn one<'a>(doc: &'a Html, css: &str) -> ElementRef<'a> {
    let found = select(doc, css);
    assert_eq!(
        found.len(),
        1,
        "expected exactly one `{css}`, found {}",
        found.len()
    );
    found[0]
}

/// The only element matching `css` inside `element`.
pub fn one_in<'a>(element: ElementRef<'a>, css: &str) -> ElementRef<'a> {
    let found = select_in(element, css);
    assert_eq!(found.len(), 1, "{css}: expected one, found {}", found.len());
    found[0]
}

/// An attribute that must be present.
pub fn attr<'a>(element: ElementRef<'a>, name: &str) -> &'a str {
    element.value().attr(name).unwrap_or_else(|| {
        panic!(
            "<{}> has no {name}: {}",
            element.value().name(),
            element.html()
        )
    })
}

/// The element's text with runs of white space collapsed to one space, trimmed.
pub fn text(element: ElementRef) -> String {
    collapse(&element.text().collect::<String>())
}

/// The element's own text (its text children, not its descendants'), collapsed.
pub fn own_text(element: ElementRef) -> String {
    collapse(
        &element
            .children()
            .filter_map(|node| node.value().as_text().map(|t| t.to_string()))
            .collect::<String>(),
    )
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The `content` of `<meta property=…>`.
pub fn meta_property<'a>(doc: &'a Html, property: &str) -> &'a str {
    attr(
        one(doc, &format!("meta[property=\"{property}\"]")),
        "content",
    )
}

// ---------------------------------------------------------------- the binary

/// What a run of the `etalase` binary did.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs the real binary with `args` in the repository root.
pub fn etalase<I, S>(args: I) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    etalase_in(repo_root(), args)
}

/// Runs the real binary with `args` in folder `dir`, in the C locale (English messages)
/// whatever the locale of the machine running the tests.
pub fn etalase_in<I, S>(dir: &Path, args: I) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    etalase_with_locale(dir, args, "C")
}

/// Runs the real binary with `args` in folder `dir` with `LANG` set to `locale` (and no
/// `LC_ALL` or `LC_MESSAGES` to override it).
pub fn etalase_with_locale<I, S>(dir: &Path, args: I, locale: &str) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    run(etalase_command(dir, locale).args(args))
}

/// The real binary, to run in folder `dir` with `LANG` set to `locale` (and no `LC_ALL` or
/// `LC_MESSAGES` to override it). The environment is set on the child only: the tests share
/// one process, and changing its own environment would reach the other tests.
pub fn etalase_command(dir: &Path, locale: &str) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_etalase"));
    command
        .current_dir(dir)
        .env_remove("RUST_BACKTRACE")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", locale);
    command
}

/// Runs `command` to its end and collects what it did.
pub fn run(command: &mut Command) -> Run {
    let output = command.output().expect("run etalase");
    Run {
        code: output.status.code().expect("etalase exited by a signal"),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

// ---------------------------------------------------------------- making inputs

/// An image as the bytes of a PNG file.
pub fn png_bytes(image: impl Into<DynamicImage>) -> Vec<u8> {
    let mut bytes = std::io::Cursor::new(Vec::new());
    image
        .into()
        .write_to(&mut bytes, ImageFormat::Png)
        .expect("encode a PNG");
    bytes.into_inner()
}

/// A PNG whose header declares `width`×`height` pixels and that holds no pixel data at all.
pub fn png_declaring(width: u32, height: u32) -> Vec<u8> {
    fn chunk(kind: &[u8], data: &[u8]) -> Vec<u8> {
        let mut crc_input = kind.to_vec();
        crc_input.extend_from_slice(data);
        let mut out = (data.len() as u32).to_be_bytes().to_vec();
        out.extend_from_slice(&crc_input);
        out.extend_from_slice(&crc32(&crc_input).to_be_bytes());
        out
    }
    let mut ihdr = width.to_be_bytes().to_vec();
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend(chunk(b"IHDR", &ihdr));
    png.extend(chunk(
        b"IDAT",
        &[0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01],
    ));
    png.extend(chunk(b"IEND", &[]));
    png
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xffff_ffffu32;
    for byte in bytes {
        crc ^= u32::from(*byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A YAML double-quoted scalar holding `text` exactly.
pub fn quoted(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}') => {
                out.push_str(&format!("\\u{:04x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
