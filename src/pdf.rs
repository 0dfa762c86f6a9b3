//! Brochure -> PDF (`etalase pdf`): prints the built brochure pages with headless Chromium (the
//! one place an outside engine is called), checks that each PDF is complete, gives it its title
//! and language, and only then renames it into `output/`, so a failed print never leaves half a
//! PDF and leaves the previous one as it was.

use std::ffi::OsString;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use anyhow::{bail, Context as _};
use lopdf::{Dictionary, Document, Object, ObjectId, StringFormat};

use crate::config::{BrochureSelection, Config, CONFIG_FILE};
use crate::content::CatalogueRoot;
use crate::diagnostic::Diagnostics;
use crate::messages::{self as msg, Message};

/// The environment variable naming the browser when `--chrome` is not given.
pub const CHROME_ENV: &str = "ETALASE_CHROME";
/// The names Chromium and Chrome go by on `PATH`, in order of preference.
pub const CHROME_NAMES: [&str; 4] = [
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
];
/// How to get a browser, shown whenever none is found.
/// How long one brochure may take to print before the browser is stopped.
pub const PRINT_TIMEOUT: Duration = Duration::from_secs(120);
/// Brochures printed at the same time (the browser uses more than one core for each).
pub const PARALLEL: usize = 2;
/// Page time the browser lets pass before printing, so every photo has loaded. Chromium
/// fast-forwards it while nothing is loading, so it costs far less than it says.
const VIRTUAL_TIME_BUDGET_MS: u32 = 10_000;
/// Lines of the browser's own messages shown when it fails.
const STDERR_TAIL: usize = 15;

// ---------------------------------------------------------------- what to print

/// One brochure to print: a language, and a selection or the whole catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Job {
    pub lang: String,
    /// The slug of a selection in `catalogue.yaml`'s `brochures`; `None` for the whole catalogue.
    pub selection: Option<String>,
    /// The PDF's title when the page has no `<title>`.
    pub title: String,
}

impl Job {
    /// The brochure page, relative to the output folder: `id/brochure/index.html`.
    pub fn page(&self) -> String {
        match &self.selection {
            None => format!("{}/brochure/index.html", self.lang),
            Some(slug) => format!("{}/brochure/{slug}/index.html", self.lang),
        }
    }

    /// The PDF's file name in the output folder: `brochure-id.pdf`, `brochure-id-<selection>.pdf`.
    pub fn file_name(&self) -> String {
        match &self.selection {
            None => format!("brochure-{}.pdf", self.lang),
            Some(slug) => format!("brochure-{}-{slug}.pdf", self.lang),
        }
    }
}

/// The brochures to print: every language (or `lang`) times the whole catalogue and every
/// selection (or only `selection`). `Err` is a usage error naming the valid values.
pub fn plan(
    config: &Config,
    lang: Option<&str>,
    selection: Option<&str>,
) -> Result<Vec<Job>, Message> {
    let languages: Vec<&String> = match lang {
        None => config.languages.iter().collect(),
        Some(lang) => match config.languages.iter().find(|l| *l == lang) {
            Some(found) => vec![found],
            None => {
                return Err(msg::PDF_NO_SUCH_LANGUAGE
                    .arg("lang", lang)
                    .arg("langs", config.languages.join(", ")))
            }
        },
    };
    let selections: Vec<Option<&BrochureSelection>> = match selection {
        None => std::iter::once(None)
            .chain(config.brochures.iter().map(Some))
            .collect(),
        Some(slug) => match config.brochures.iter().find(|b| b.slug == slug) {
            Some(found) => vec![Some(found)],
            None => return Err(unknown_selection(config, slug)),
        },
    };
    let default = config.default_language();
    Ok(languages
        .iter()
        .flat_map(|lang| {
            selections.iter().map(move |selection| Job {
                lang: (*lang).clone(),
                selection: selection.map(|s| s.slug.clone()),
                title: selection
                    .map_or(&config.title, |s| &s.title)
                    .get(lang, default)
                    .text
                    .to_string(),
            })
        })
        .collect())
}

fn unknown_selection(config: &Config, slug: &str) -> Message {
    let known: Vec<&str> = config.brochures.iter().map(|b| b.slug.as_str()).collect();
    let valid = if known.is_empty() {
        msg::PDF_SELECTIONS_NONE.arg("file", CONFIG_FILE)
    } else {
        msg::PDF_SELECTIONS_ARE.arg("names", known.join(", "))
    };
    msg::PDF_NO_SUCH_SELECTION
        .arg("slug", slug)
        .nested("valid", valid)
}

/// Reads `catalogue.yaml` alone, to check the options before building. `None` when there is no
/// catalogue there or its settings have errors: the build that follows reports them.
pub fn read_config(root: &Path) -> Option<Config> {
    let root = CatalogueRoot::open(root).ok()?;
    let file = root.read_text(Path::new(CONFIG_FILE)).ok()?;
    let mut diagnostics = Diagnostics::default();
    Config::parse(&file.text, &mut diagnostics).filter(|_| !diagnostics.has_errors())
}

// ---------------------------------------------------------------- the browser

/// Finds the browser: `explicit` (`--chrome`), else `ETALASE_CHROME`, else the first of
/// [`CHROME_NAMES`] on `PATH`. `Err` says what was tried; show [`msg::PDF_INSTALL_HINT`]
/// with it.
pub fn find_browser(explicit: Option<&Path>) -> Result<PathBuf, Message> {
    find_browser_with(
        explicit,
        std::env::var_os(CHROME_ENV),
        std::env::var_os("PATH"),
    )
}

/// [`find_browser`] with the environment given, for tests.
pub fn find_browser_with(
    explicit: Option<&Path>,
    env_value: Option<OsString>,
    path_var: Option<OsString>,
) -> Result<PathBuf, Message> {
    let path_var = path_var.unwrap_or_default();
    if let Some(path) = explicit {
        return named_browser(path, "--chrome", &path_var);
    }
    if let Some(value) = env_value.filter(|v| !v.is_empty()) {
        return named_browser(Path::new(&value), CHROME_ENV, &path_var);
    }
    CHROME_NAMES
        .iter()
        .find_map(|name| on_path(name.as_ref(), &path_var))
        .ok_or_else(|| msg::PDF_NO_BROWSER.arg("names", CHROME_NAMES.join(", ")))
}

/// A browser named by an option or variable: a path, or a bare name looked up on `PATH`.
fn named_browser(path: &Path, source: &str, path_var: &OsString) -> Result<PathBuf, Message> {
    let found = if path.components().count() == 1 && !path.has_root() {
        on_path(path.as_os_str(), path_var)
    } else {
        Some(path.to_owned()).filter(|p| is_program(p))
    };
    found.ok_or_else(|| {
        msg::PDF_BROWSER_MISSING
            .arg("source", source)
            .arg("path", path.display())
    })
}

fn on_path(name: &std::ffi::OsStr, path_var: &OsString) -> Option<PathBuf> {
    std::env::split_paths(path_var)
        .filter(|dir| !dir.as_os_str().is_empty())
        .map(|dir| dir.join(name))
        .find(|candidate| is_program(candidate))
}

fn is_program(path: &Path) -> bool {
    let Ok(meta) = fs::metadata(path) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        meta.is_file() && meta.permissions().mode() & 0o111 != 0
    }
    #[cfg(not(unix))]
    {
        meta.is_file()
    }
}

/// Whether this process runs as root, where Chromium refuses to start with its sandbox.
fn running_as_root() -> bool {
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::fs::MetadataExt;
        fs::metadata("/proc/self").is_ok_and(|meta| meta.uid() == 0)
    }
    #[cfg(not(target_os = "linux"))]
    {
        false
    }
}

/// The browser's arguments to print `page` (a file) into `pdf`, with a fresh profile.
fn browser_args(page: &Path, pdf: &Path, profile: &Path, as_root: bool) -> Vec<OsString> {
    let mut args: Vec<OsString> = [
        "--headless",
        "--no-pdf-header-footer",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--no-default-browser-check",
    ]
    .iter()
    .map(OsString::from)
    .collect();
    args.push(format!("--virtual-time-budget={VIRTUAL_TIME_BUDGET_MS}").into());
    args.push(joined("--print-to-pdf=", pdf));
    args.push(joined("--user-data-dir=", profile));
    if as_root {
        args.push("--no-sandbox".into());
    }
    args.push(file_url(page).into());
    args
}

fn joined(flag: &str, path: &Path) -> OsString {
    let mut arg = OsString::from(flag);
    arg.push(path.as_os_str());
    arg
}

/// A `file://` URL of an absolute path, percent-encoding what a URL cannot hold.
fn file_url(path: &Path) -> String {
    const KEEP: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
        .remove(b'/')
        .remove(b'-')
        .remove(b'_')
        .remove(b'.')
        .remove(b'~');
    let text = path.to_string_lossy();
    format!(
        "file://{}",
        percent_encoding::utf8_percent_encode(&text, KEEP)
    )
}

/// Runs the browser to completion, stopping it after `timeout`; returns what it said on stderr.
/// `Err` carries the tail of that.
fn run_browser(browser: &Path, args: &[OsString], timeout: Duration) -> anyhow::Result<String> {
    let mut command = Command::new(browser);
    command
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    // It stays in etalase's process group, so that Ctrl+C stops it too.
    let mut child = command
        .spawn()
        .with_context(|| format!("cannot start {}", browser.display()))?;
    let stderr = collect_stderr(&mut child);
    let status = wait_or_stop(&mut child, timeout)?;
    let said = stderr.finish();
    match status {
        Some(status) if status.success() => Ok(said),
        Some(status) => bail!("{} failed ({status}){}", browser.display(), tail_of(&said)),
        None => bail!(
            "{} did not finish printing within {} and was stopped{}",
            browser.display(),
            seconds(timeout),
            tail_of(&said)
        ),
    }
}

/// `120 s`, `0.5 s`.
fn seconds(duration: Duration) -> String {
    if duration.subsec_millis() == 0 {
        format!("{} s", duration.as_secs())
    } else {
        format!("{:.1} s", duration.as_secs_f64())
    }
}

/// Waits for the child; after `timeout`, stops it with what it started and returns `None`.
fn wait_or_stop(child: &mut Child, timeout: Duration) -> anyhow::Result<Option<ExitStatus>> {
    let deadline = Instant::now() + timeout;
    loop {
        if let Some(status) = child.try_wait().context("cannot wait for the browser")? {
            return Ok(Some(status));
        }
        if Instant::now() >= deadline {
            stop(child);
            return Ok(None);
        }
        thread::sleep(Duration::from_millis(25));
    }
}

/// Kills a child that has not been waited for (so its id is still its own) and, on Linux, every
/// process it started (a browser's renderers and helpers), then waits for it.
fn stop(child: &mut Child) {
    let helpers = descendants(child.id());
    if !helpers.is_empty() {
        let _ = Command::new("kill")
            .arg("-KILL")
            .args(helpers.iter().map(u32::to_string))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }
    let _ = child.kill();
    let _ = child.wait();
}

/// The processes descending from `pid`, from `/proc` (none known elsewhere).
fn descendants(pid: u32) -> Vec<u32> {
    let Ok(items) = fs::read_dir("/proc") else {
        return Vec::new();
    };
    let parents: Vec<(u32, u32)> = items
        .flatten()
        .filter_map(|item| {
            let id: u32 = item.file_name().to_str()?.parse().ok()?;
            Some((
                id,
                parent_of(&fs::read_to_string(item.path().join("stat")).ok()?)?,
            ))
        })
        .collect();
    let mut found = vec![pid];
    let mut next = 0;
    while let Some(&parent) = found.get(next) {
        found.extend(
            parents
                .iter()
                .filter(|(_, p)| *p == parent)
                .map(|(id, _)| *id),
        );
        next += 1;
    }
    found.split_off(1)
}

/// The parent's id in a `/proc/<pid>/stat` line: `pid (name) state ppid ...`.
fn parent_of(stat: &str) -> Option<u32> {
    let (_, after_name) = stat.rsplit_once(')')?;
    after_name.split_whitespace().nth(1)?.parse().ok()
}

/// The browser's stderr, read on a thread so that it never blocks on a full pipe.
struct Stderr {
    text: Arc<Mutex<Vec<u8>>>,
    done: std::sync::mpsc::Receiver<()>,
}

fn collect_stderr(child: &mut Child) -> Stderr {
    let text = Arc::new(Mutex::new(Vec::new()));
    let (sender, done) = std::sync::mpsc::channel();
    if let Some(mut pipe) = child.stderr.take() {
        let text = Arc::clone(&text);
        thread::spawn(move || {
            let mut chunk = [0u8; 8192];
            while let Ok(read @ 1..) = pipe.read(&mut chunk) {
                if let Ok(mut text) = text.lock() {
                    text.extend_from_slice(&chunk[..read]);
                }
            }
            let _ = sender.send(());
        });
    }
    Stderr { text, done }
}

impl Stderr {
    /// What the browser said, once its pipe closed (or a moment after it exited, should a
    /// helper process still hold the pipe open).
    fn finish(self) -> String {
        let _ = self.done.recv_timeout(Duration::from_secs(2));
        let bytes = self.text.lock().map(|t| t.clone()).unwrap_or_default();
        String::from_utf8_lossy(&bytes).into_owned()
    }
}

/// The last lines the browser printed, without the noise it makes on machines without a
/// desktop session (D-Bus), as text to append to an error message.
fn tail_of(stderr: &str) -> String {
    let lines: Vec<&str> = stderr
        .lines()
        .filter(|line| !line.trim().is_empty() && !line.contains("dbus"))
        .collect();
    if lines.is_empty() {
        return String::new();
    }
    let tail = &lines[lines.len().saturating_sub(STDERR_TAIL)..];
    format!("; it said:\n    {}", tail.join("\n    "))
}

// ---------------------------------------------------------------- printing

/// A brochure printed into place.
#[derive(Debug, Clone)]
pub struct Printed {
    pub path: PathBuf,
    pub pages: usize,
    pub bytes: u64,
}

impl std::fmt::Display for Printed {
    /// `output/brochure-id.pdf: 12 pages, 3.4 MB`
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let size = if self.bytes >= 1_000_000 {
            format!("{:.1} MB", self.bytes as f64 / 1e6)
        } else {
            format!("{} KB", self.bytes.div_ceil(1000))
        };
        let pages = if self.pages == 1 { "page" } else { "pages" };
        write!(f, "{}: {} {pages}, {size}", self.path.display(), self.pages)
    }
}

/// Puts back into `output` the PDFs that the previous `etalase pdf` left in the site the build
/// just replaced (kept beside it as the next build's spare folder), so that a print that fails
/// now leaves the previous PDF where it was. Only names this catalogue can print are brought
/// back, and never over a file already there.
pub fn keep_previous(output: &Path, config: &Config) {
    let spare = crate::output::spare_path(output);
    let Ok(jobs) = plan(config, None, None) else {
        return;
    };
    for job in jobs {
        let (old, new) = (spare.join(job.file_name()), output.join(job.file_name()));
        if old.is_file() && !new.exists() {
            let _ = fs::rename(&old, &new);
        }
    }
}

/// Prints every job, [`PARALLEL`] at a time, calling `done` as each one finishes; returns the
/// results in the order of `jobs`.
pub fn print_all(
    browser: &Path,
    output: &Path,
    jobs: &[Job],
    done: impl Fn(&Job, &anyhow::Result<Printed>) + Sync,
) -> Vec<anyhow::Result<Printed>> {
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<anyhow::Result<Printed>>>> =
        Mutex::new(jobs.iter().map(|_| None).collect());
    thread::scope(|scope| {
        for _ in 0..PARALLEL.min(jobs.len()) {
            scope.spawn(|| {
                let mut index = next.fetch_add(1, Ordering::SeqCst);
                while let Some(job) = jobs.get(index) {
                    let result = print(browser, output, job);
                    done(job, &result);
                    if let Ok(mut results) = results.lock() {
                        results[index] = Some(result);
                    }
                    index = next.fetch_add(1, Ordering::SeqCst);
                }
            });
        }
    });
    results
        .into_inner()
        .unwrap_or_default()
        .into_iter()
        .map(|r| r.unwrap_or_else(|| Err(anyhow::anyhow!("the brochure was not printed"))))
        .collect()
}

/// Prints one brochure of the site in `output` into `output/<job.file_name()>`.
pub fn print(browser: &Path, output: &Path, job: &Job) -> anyhow::Result<Printed> {
    let target = output.join(job.file_name());
    print_page(browser, &output.join(job.page()), &target, job)
        .with_context(|| format!("cannot print {}", target.display()))
}

/// Prints `page` into `target` through a temporary file beside it, renamed into place only
/// when the PDF is complete and has its title and language.
pub fn print_page(
    browser: &Path,
    page: &Path,
    target: &Path,
    job: &Job,
) -> anyhow::Result<Printed> {
    let html = fs::read_to_string(page).with_context(|| {
        format!(
            "{} cannot be read (does the theme have a brochure page?)",
            page.display()
        )
    })?;
    let title = page_title(&html).unwrap_or_else(|| job.title.clone());
    let page = std::path::absolute(page).context("cannot find the current folder")?;
    let temp = temp_beside(target)?;
    let profile = tempfile::Builder::new()
        .prefix("etalase-chromium-")
        .tempdir()
        .context("cannot create a temporary browser profile")?;
    let temp_path = std::path::absolute(temp.path()).context("cannot find the current folder")?;
    let args = browser_args(&page, &temp_path, profile.path(), running_as_root());
    let said = run_browser(browser, &args, PRINT_TIMEOUT)?;
    let printed = fs::read(&temp_path).context("cannot read the printed PDF")?;
    if printed.is_empty() {
        bail!("{} wrote no PDF{}", browser.display(), tail_of(&said));
    }
    let (pdf, pages) = finish_pdf(printed, &title, &job.lang)
        .map_err(|error| anyhow::anyhow!("{error:#}{}", tail_of(&said)))?;
    fs::write(&temp_path, &pdf).context("cannot write the PDF")?;
    temp.persist(target)
        .with_context(|| format!("cannot rename the PDF to {}", target.display()))?;
    Ok(Printed {
        path: target.to_owned(),
        pages,
        bytes: pdf.len() as u64,
    })
}

/// An empty temporary file beside `target` (`.brochure-id.pdf.XXXXXX.part`), removed when
/// dropped unless persisted.
fn temp_beside(target: &Path) -> anyhow::Result<tempfile::NamedTempFile> {
    let folder = target.parent().unwrap_or(Path::new("."));
    let name = target.file_name().unwrap_or_default().to_string_lossy();
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".part");
    // As readable as any file of the site (temporary files are the owner's alone otherwise).
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    builder
        .tempfile_in(folder)
        .with_context(|| format!("cannot write in {}", folder.display()))
}

/// The text of a page's `<title>`, with white space collapsed and character references decoded.
pub fn page_title(html: &str) -> Option<String> {
    let start = html.find("<title")?;
    let open_end = start + html[start..].find('>')? + 1;
    let close = open_end + html[open_end..].find("</title")?;
    let title = decode_entities(&html[open_end..close]);
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    Some(title).filter(|t| !t.is_empty())
}

/// Decodes the character references a title may hold (`&amp;`, `&#8212;`, `&#x2014;`, ...).
fn decode_entities(text: &str) -> String {
    let mut decoded = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        decoded.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest.find(';').filter(|&end| end <= 10);
        match end.and_then(|end| entity(&rest[1..end])) {
            Some(c) => {
                decoded.push(c);
                rest = &rest[end.unwrap_or(0) + 1..];
            }
            None => {
                decoded.push('&');
                rest = &rest[1..];
            }
        }
    }
    decoded.push_str(rest);
    decoded
}

fn entity(name: &str) -> Option<char> {
    let number = |digits: &str, radix| u32::from_str_radix(digits, radix).ok();
    let code = match name {
        "amp" => Some('&' as u32),
        "lt" => Some('<' as u32),
        "gt" => Some('>' as u32),
        "quot" => Some('"' as u32),
        "apos" => Some('\'' as u32),
        "nbsp" => Some(0xa0),
        _ => match name.strip_prefix('#') {
            Some(hex) if hex.starts_with(['x', 'X']) => number(&hex[1..], 16),
            Some(decimal) => number(decimal, 10),
            None => None,
        },
    };
    code.and_then(char::from_u32)
}

// ---------------------------------------------------------------- the PDF file

/// Checks that `bytes` is a whole PDF with pages, and sets its title (in the Info dictionary)
/// and language (`/Lang` in the catalog) where the browser did not. Returns the bytes to keep
/// (the browser's own when nothing was missing) and the number of pages.
pub fn finish_pdf(bytes: Vec<u8>, title: &str, lang: &str) -> anyhow::Result<(Vec<u8>, usize)> {
    let incomplete = "the browser wrote an incomplete PDF";
    if !bytes.trim_ascii_end().ends_with(b"%%EOF") {
        bail!("{incomplete} (it does not end with %%EOF)");
    }
    let mut doc = Document::load_mem(&bytes).with_context(|| incomplete.to_owned())?;
    if doc.xref_recovery.is_some() {
        bail!("{incomplete} (its cross-reference table is damaged)");
    }
    let pages = doc.get_pages().len();
    if pages == 0 {
        bail!("the browser wrote a PDF without pages");
    }
    let title_set = set_title(&mut doc, title)?;
    let lang_set = set_lang(&mut doc, lang)?;
    if !title_set && !lang_set {
        return Ok((bytes, pages));
    }
    let mut rewritten = Vec::with_capacity(bytes.len() + 256);
    doc.save_to(&mut rewritten)
        .context("cannot write the PDF's metadata")?;
    Ok((rewritten, pages))
}

/// Sets `/Title` in the Info dictionary (creating it if need be); `true` when it changed.
fn set_title(doc: &mut Document, title: &str) -> anyhow::Result<bool> {
    let info = info_dictionary(doc)?;
    if text_of(info.get(b"Title").ok()).as_deref() == Some(title) {
        return Ok(false);
    }
    info.set("Title", text_string(title));
    Ok(true)
}

/// Sets `/Lang` in the document catalog; `true` when it changed.
fn set_lang(doc: &mut Document, lang: &str) -> anyhow::Result<bool> {
    let catalog = doc.catalog_mut().context("the PDF has no catalog")?;
    if text_of(catalog.get(b"Lang").ok()).as_deref() == Some(lang) {
        return Ok(false);
    }
    catalog.set("Lang", text_string(lang));
    Ok(true)
}

/// The document's Info dictionary, added to the trailer when there is none.
fn info_dictionary(doc: &mut Document) -> anyhow::Result<&mut Dictionary> {
    let id: ObjectId = match doc.trailer.get(b"Info") {
        Ok(Object::Reference(id)) => *id,
        Ok(Object::Dictionary(_)) => {
            return match doc.trailer.get_mut(b"Info") {
                Ok(Object::Dictionary(info)) => Ok(info),
                _ => bail!("the PDF's Info dictionary cannot be changed"),
            }
        }
        _ => {
            let id = doc.add_object(Dictionary::new());
            doc.trailer.set("Info", id);
            id
        }
    };
    doc.get_dictionary_mut(id)
        .context("the PDF's Info dictionary cannot be read")
}

/// A PDF text string: ASCII as it is, anything else as UTF-16BE with a byte order mark.
fn text_string(text: &str) -> Object {
    let bytes = if text.is_ascii() {
        text.as_bytes().to_vec()
    } else {
        let mut bytes = vec![0xFE, 0xFF];
        bytes.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
        bytes
    };
    Object::String(bytes, StringFormat::Literal)
}

/// The text of a PDF text string (UTF-16BE or UTF-8 with a byte order mark, else
/// PDFDocEncoding, read as Latin-1, which it equals for printable ASCII).
pub fn text_of(object: Option<&Object>) -> Option<String> {
    let Some(Object::String(bytes, _)) = object else {
        return None;
    };
    Some(if let Some(utf16) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = utf16
            .chunks_exact(2)
            .map(|pair| u16::from_be_bytes([pair[0], pair[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    } else if let Some(utf8) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        String::from_utf8_lossy(utf8).into_owned()
    } else {
        bytes.iter().map(|&b| char::from(b)).collect()
    })
}

/// The title and language a PDF declares, for reports and tests.
pub fn metadata(doc: &Document) -> (Option<String>, Option<String>) {
    let info = match doc.trailer.get(b"Info") {
        Ok(Object::Reference(id)) => doc.get_dictionary(*id).ok(),
        Ok(Object::Dictionary(info)) => Some(info),
        _ => None,
    };
    let title = info.and_then(|info| text_of(info.get(b"Title").ok()));
    let lang = doc
        .catalog()
        .ok()
        .and_then(|catalog| text_of(catalog.get(b"Lang").ok()));
    (title, lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::Lang;

    #[test]
    fn titles_are_read_from_the_page() {
        let html = "<html><head><title>\n  Brosur &amp; Katalog &#8212; Mojokerto&#x21;  </title>";
        assert_eq!(
            page_title(html).as_deref(),
            Some("Brosur & Katalog — Mojokerto!")
        );
        assert_eq!(
            page_title("<title>A &unknown; B&</title>").as_deref(),
            Some("A &unknown; B&")
        );
        assert_eq!(page_title("<title> </title>"), None);
        assert_eq!(page_title("<p>no title</p>"), None);
    }

    #[test]
    fn text_strings_round_trip() {
        for text in ["Katalog (2025)", "Pilihan kurasi — “Keranjang Bali”"] {
            assert_eq!(text_of(Some(&text_string(text))).as_deref(), Some(text));
        }
    }

    /// A one-page PDF as `lopdf` writes it: no Info dictionary, no `/Lang`.
    fn bare_pdf() -> Vec<u8> {
        use lopdf::dictionary;
        let mut doc = Document::with_version("1.4");
        let pages_id = doc.new_object_id();
        let page_id = doc.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        });
        doc.objects.insert(
            pages_id,
            Object::Dictionary(dictionary! {
                "Type" => "Pages",
                "Kids" => vec![page_id.into()],
                "Count" => 1,
            }),
        );
        let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
        doc.trailer.set("Root", catalog_id);
        let mut bytes = Vec::new();
        doc.save_to(&mut bytes).unwrap();
        bytes
    }

    #[test]
    fn missing_title_and_language_are_added() {
        let title = "Pilihan kurasi The Keranjang Bali — Katalog";
        let (bytes, pages) = finish_pdf(bare_pdf(), title, "id").unwrap();
        assert_eq!(pages, 1);
        let doc = Document::load_mem(&bytes).unwrap();
        assert_eq!(
            metadata(&doc),
            (Some(title.to_owned()), Some("id".to_owned()))
        );
        // Nothing missing: the bytes are kept as they are.
        let (again, _) = finish_pdf(bytes.clone(), title, "id").unwrap();
        assert_eq!(again, bytes);
        // A different language is corrected.
        let (en, _) = finish_pdf(bytes, title, "en").unwrap();
        let doc = Document::load_mem(&en).unwrap();
        assert_eq!(metadata(&doc).1.as_deref(), Some("en"));
    }

    #[test]
    fn incomplete_pdfs_are_refused() {
        let whole = bare_pdf();
        for cut in [whole.len() / 2, whole.len() - 10, 0] {
            let error = finish_pdf(whole[..cut].to_vec(), "T", "id").unwrap_err();
            assert!(
                error.to_string().contains("incomplete PDF"),
                "{cut}: {error:#}"
            );
        }
        let error = finish_pdf(b"<html>not a PDF</html>\n%%EOF".to_vec(), "T", "id").unwrap_err();
        assert!(error.to_string().contains("incomplete PDF"), "{error:#}");
    }

    #[test]
    fn browsers_are_found_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let bin = dir.path().join("bin");
        fs::create_dir(&bin).unwrap();
        let program = |name: &str| {
            let path = bin.join(name);
            fs::write(&path, "#!/bin/sh\n").unwrap();
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                fs::set_permissions(&path, fs::Permissions::from_mode(0o755)).unwrap();
            }
            path
        };
        let path_var = Some(std::env::join_paths([dir.path(), &bin]).unwrap());
        let none = find_browser_with(None, None, path_var.clone())
            .unwrap_err()
            .render(Lang::En);
        assert!(
            none.contains("looked for chromium, chromium-browser"),
            "{none}"
        );
        // A file that is not executable does not count.
        fs::write(bin.join("chromium"), "").unwrap();
        let chrome = program("google-chrome-stable");
        assert_eq!(
            find_browser_with(None, None, path_var.clone()),
            Ok(chrome.clone())
        );
        let chromium_browser = program("chromium-browser");
        assert_eq!(
            find_browser_with(None, None, path_var.clone()),
            Ok(chromium_browser)
        );
        // The variable comes before PATH, the option before both; bare names are looked up.
        let env = Some(OsString::from("google-chrome-stable"));
        assert_eq!(
            find_browser_with(None, env.clone(), path_var.clone()),
            Ok(chrome.clone())
        );
        let explicit = program("my-chrome");
        assert_eq!(
            find_browser_with(Some(&explicit), env.clone(), path_var.clone()),
            Ok(explicit)
        );
        let missing = find_browser_with(Some(Path::new("/no/chrome")), env, path_var.clone());
        assert_eq!(
            missing.unwrap_err().render(Lang::En),
            "the browser given by --chrome, /no/chrome, does not exist or is not a program"
        );
        let missing = find_browser_with(None, Some("/no/chrome".into()), path_var);
        assert_eq!(
            missing.unwrap_err().render(Lang::En),
            "the browser given by ETALASE_CHROME, /no/chrome, does not exist or is not a program"
        );
    }

    #[test]
    fn the_sandbox_is_dropped_only_for_root() {
        let page = Path::new("/site/id/brochure/index.html");
        let args = |root| browser_args(page, Path::new("/o/x.pdf"), Path::new("/p"), root);
        let user = args(false);
        assert!(!user.contains(&OsString::from("--no-sandbox")));
        assert!(user.contains(&OsString::from("--print-to-pdf=/o/x.pdf")));
        assert!(user.contains(&OsString::from("--user-data-dir=/p")));
        assert_eq!(user.last().unwrap(), "file:///site/id/brochure/index.html");
        assert!(args(true).contains(&OsString::from("--no-sandbox")));
    }

    #[test]
    fn the_tail_of_what_the_browser_said_skips_dbus_noise() {
        let said = "[1:2:ERROR:dbus/bus.cc:405] Failed to connect to the bus\nreal problem\n\n";
        assert_eq!(tail_of(said), "; it said:\n    real problem");
        assert_eq!(tail_of("[x:dbus/object_proxy.cc] noise\n"), "");
    }

    #[cfg(unix)]
    #[test]
    fn a_browser_that_hangs_is_stopped_with_its_helpers() {
        let dir = tempfile::tempdir().unwrap();
        let helper = dir.path().join("helper.pid");
        let script = format!(
            "sleep 60 & echo $! > '{}'; echo 'still loading' >&2; sleep 60",
            helper.display()
        );
        let args: Vec<OsString> = vec!["-c".into(), script.into()];
        let started = Instant::now();
        let error = run_browser(Path::new("/bin/sh"), &args, Duration::from_millis(500))
            .unwrap_err()
            .to_string();
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "not stopped in time"
        );
        // (The shell may still report its killed `sleep` before it goes itself.)
        assert!(
            error.starts_with(
                "/bin/sh did not finish printing within 0.5 s and was stopped; it said:\n    \
                 still loading"
            ),
            "{error}"
        );
        // The helper it started went with it (killed, then reaped by init).
        let pid = fs::read_to_string(&helper).unwrap();
        let proc = PathBuf::from(format!("/proc/{}", pid.trim()));
        let deadline = Instant::now() + Duration::from_secs(5);
        while proc.exists() && Instant::now() < deadline {
            thread::sleep(Duration::from_millis(20));
        }
        let state = fs::read_to_string(proc.join("stat")).unwrap_or_default();
        assert!(
            !proc.exists() || state.contains(") Z "),
            "the helper survived: {state}"
        );
    }

    #[test]
    fn file_urls_are_encoded() {
        assert_eq!(
            file_url(Path::new("/tmp/my site/id/brochure/index.html")),
            "file:///tmp/my%20site/id/brochure/index.html"
        );
    }
}
