//! Printing brochures into place: each page is printed into a temporary file beside its PDF,
//! checked and given its title and language, and only then renamed over the previous PDF.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::thread;

use super::browser::{browser_args, run_browser, running_as_root, with_said, PRINT_TIMEOUT};
use super::{cause_chain, finish_pdf, Job};
use crate::messages::{self as msg, Message};

/// Brochures printed at the same time (the browser uses more than one core for each).
pub const PARALLEL: usize = 2;

/// A brochure printed into place.
#[derive(Debug, Clone)]
pub struct Printed {
    pub path: PathBuf,
    pub pages: usize,
    pub bytes: u64,
}

impl Printed {
    /// `output/brochure-id.pdf: 12 pages, 3.4 MB`
    pub fn describe(&self) -> Message {
        let size = if self.bytes >= 1_000_000 {
            format!("{:.1} MB", self.bytes as f64 / 1e6)
        } else {
            format!("{} KB", self.bytes.div_ceil(1000))
        };
        let template = if self.pages == 1 {
            &msg::PDF_ONE_PAGE
        } else {
            &msg::PDF_PAGES
        };
        template
            .arg("path", self.path.display())
            .arg("pages", self.pages)
            .arg("size", size)
    }
}

/// Prints every job, [`PARALLEL`] at a time, calling `done` as each one finishes; returns the
/// results in the order of `jobs`.
pub fn print_all(
    browser: &Path,
    output: &Path,
    jobs: &[Job],
    done: impl Fn(&Job, &Result<Printed, Message>) + Sync,
) -> Vec<Result<Printed, Message>> {
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<Result<Printed, Message>>>> =
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
        .map(|r| r.unwrap_or_else(|| Err(Message::from(&msg::PDF_NOT_PRINTED))))
        .collect()
}

/// Prints one brochure of the site in `output` into `output/<job.file_name()>`.
pub fn print(browser: &Path, output: &Path, job: &Job) -> Result<Printed, Message> {
    let target = output.join(job.file_name());
    // A part of a split brochure goes into its brochure's folder.
    if let Some(folder) = target.parent() {
        let _ = fs::create_dir_all(folder);
    }
    print_page(browser, &output.join(job.page()), &target, job).map_err(|reason| {
        msg::PDF_CANNOT_PRINT
            .arg("path", target.display())
            .nested("reason", reason)
    })
}

/// Prints `page` into `target` through a temporary file beside it, renamed into place only
/// when the PDF is complete and has its title and language.
pub fn print_page(
    browser: &Path,
    page: &Path,
    target: &Path,
    job: &Job,
) -> Result<Printed, Message> {
    // The browser would print its own error page for a page that is not there.
    fs::File::open(page).map_err(|error| {
        msg::PDF_PAGE_UNREADABLE
            .arg("path", page.display())
            .arg("detail", cause_chain(&error))
    })?;
    let page = absolute(page)?;
    let temp = temp_beside(target)?;
    let profile = tempfile::Builder::new()
        .prefix("etalase-chromium-")
        .tempdir()
        .map_err(|error| msg::PDF_NO_PROFILE.arg("detail", cause_chain(&error)))?;
    let temp_path = absolute(temp.path())?;
    let args = browser_args(&page, &temp_path, profile.path(), running_as_root());
    let said = run_browser(browser, &args, PRINT_TIMEOUT)?;
    let printed = fs::read(&temp_path)
        .map_err(|error| msg::PDF_CANNOT_READ_PRINTED.arg("detail", cause_chain(&error)))?;
    if printed.is_empty() {
        let nothing = msg::PDF_WROTE_NOTHING.arg("browser", browser.display());
        return Err(with_said(nothing, &said));
    }
    let (pdf, pages) = finish_pdf(printed, &job.title, &job.lang)
        .map_err(|problem| with_said(msg::PDF_BROWSER_PROBLEM.nested("problem", problem), &said))?;
    fs::write(&temp_path, &pdf)
        .map_err(|error| msg::PDF_CANNOT_WRITE.arg("detail", cause_chain(&error)))?;
    temp.persist(target).map_err(|error| {
        msg::PDF_CANNOT_RENAME
            .arg("path", target.display())
            .arg("detail", cause_chain(&error))
    })?;
    Ok(Printed {
        path: target.to_owned(),
        pages,
        bytes: pdf.len() as u64,
    })
}

/// `path` made absolute against the current folder, as the browser needs it.
fn absolute(path: &Path) -> Result<PathBuf, Message> {
    std::path::absolute(path)
        .map_err(|error| msg::PDF_NO_CURRENT_FOLDER.arg("detail", cause_chain(&error)))
}

/// An empty temporary file beside `target` (`.brochure-id.pdf.XXXXXX.part`), removed when
/// dropped unless persisted.
fn temp_beside(target: &Path) -> Result<tempfile::NamedTempFile, Message> {
    let folder = target.parent().unwrap_or(Path::new("."));
    let name = target.file_name().unwrap_or_default().to_string_lossy();
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".part");
    // As readable as any file of the site (temporary files are the owner's alone otherwise).
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    builder.tempfile_in(folder).map_err(|error| {
        msg::PDF_CANNOT_WRITE_IN
            .arg("folder", folder.display())
            .arg("detail", cause_chain(&error))
    })
}
