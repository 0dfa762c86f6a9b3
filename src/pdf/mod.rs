//! Brochure -> PDF (`etalase pdf`): builds the site, then prints its brochure pages with
//! headless Chromium (the one place an outside engine is called), checks that each PDF is
//! complete, gives it its title and language, and only then renames it into `output/`, so a
//! failed print never leaves half a PDF and leaves the previous one as it was.
//!
//! The stages: which brochures to print (`plan`), finding and running the browser
//! (`browser`), printing each into place (`print`) and finishing the PDF file (`document`).

mod browser;
mod document;
mod plan;
mod print;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::render::brochure::Splits;
pub use browser::{
    candidates, find_browser, find_browser_on, System, CHROME_ENV, CHROME_NAMES, PRINT_TIMEOUT,
    WINDOWS_NAMES,
};
pub use document::{finish_pdf, metadata, text_of};
pub(crate) use plan::unknown_selection;
pub use plan::{plan, Job, PartJob};
pub use print::{print, print_all, print_page, Printed, PARALLEL};

use crate::config::{Config, CONFIG_FILE};
use crate::content::CatalogueRoot;
use crate::diagnostic::Diagnostics;
use crate::error::{Error, Summary};
use crate::messages::{self as msg, Lang, Message};
use crate::CommandReport;

/// What `etalase pdf` was asked to do.
#[derive(Debug, Clone)]
pub struct PdfOptions {
    pub root: PathBuf,
    pub output: PathBuf,
    /// Only the brochures in this language (`--lang`).
    pub brochure_lang: Option<String>,
    /// Only this selection's brochures (`--selection`).
    pub selection: Option<String>,
    /// The browser to print with (`--chrome`).
    pub chrome: Option<PathBuf>,
    /// What `--base-url` (or `ETALASE_BASE_URL`) replaces of catalogue.yaml: the brochures'
    /// QR codes and links follow it.
    pub overrides: crate::Overrides,
    /// The language of the terminal messages.
    pub lang: Lang,
}

/// The brochures printed, in the order planned, and how long printing them took.
#[derive(Debug)]
pub struct Report {
    pub printed: Vec<Result<Printed, Message>>,
    pub took: Duration,
}

impl Report {
    /// How many brochures could not be printed.
    pub fn failed(&self) -> usize {
        self.printed.iter().filter(|r| r.is_err()).count()
    }
}

impl CommandReport for Report {
    /// The total (each brochure had its line as it was printed).
    fn render(&self, lang: Lang) -> Vec<String> {
        let seconds = format!("{:.1}", self.took.as_secs_f64());
        let total = match self.failed() {
            0 => msg::PDF_PRINTED_ALL.arg("count", self.printed.len()),
            failed => msg::PDF_SOME_FAILED
                .arg("failed", failed)
                .arg("count", self.printed.len()),
        };
        vec![total.arg("seconds", seconds).render(lang)]
    }

    fn exit_code(&self) -> u8 {
        u8::from(self.failed() > 0)
    }
}

/// `etalase pdf`: checks the options and finds the browser before building anything, builds
/// the site, then prints its brochures. `say` is given each line of progress, in
/// `options.lang`, as it happens: the build's report, then a line for each brochure.
pub fn run(options: &PdfOptions, say: &(dyn Fn(&str) + Sync)) -> Result<Report, Error> {
    // Without readable settings the options cannot be checked yet; the build reports why.
    let early = settings(&options.root);
    if let Some(config) = &early {
        jobs(config, &Splits::default(), options)?;
    }
    let browser = find_browser(options.chrome.as_deref()).map_err(|problem| {
        Error::failed(problem)
            .with_hint(System::CURRENT.install_hint())
            .with_summary(Summary::NoPdf)
    })?;
    // Held until the PDFs are written: they are printed from the site just built.
    let lock = crate::lock_for_build(&options.root, &options.output, "pdf")
        .map_err(|e| e.with_summary(Summary::NoPdf))?;
    let built = crate::build_locked(&lock, &options.root, &options.output, &options.overrides)?;
    built.render(options.lang).iter().for_each(|line| say(line));
    let config = early.or_else(|| settings(&options.root)).ok_or_else(|| {
        let path = options.root.join(CONFIG_FILE);
        Error::failed(msg::PDF_CONFIG_UNREADABLE.arg("path", path.display()))
    })?;
    let jobs = jobs(&config, &built.brochure_parts, options)?;
    keep_previous(&options.output, &config, &built.brochure_parts);
    Ok(print_jobs(&browser, options, &jobs, say))
}

/// `catalogue.yaml` alone, to check the options before building. `None` when there is no
/// catalogue there or its settings have errors: the build that follows reports them.
fn settings(root: &Path) -> Option<Config> {
    let root = CatalogueRoot::open(root).ok()?;
    let mut diagnostics = Diagnostics::default();
    Config::load(&root, &mut diagnostics).filter(|_| !diagnostics.has_errors())
}

/// The brochures the options ask for; a usage error names the valid values.
fn jobs(config: &Config, splits: &Splits, options: &PdfOptions) -> Result<Vec<Job>, Error> {
    let lang = options.brochure_lang.as_deref();
    plan(config, splits, lang, options.selection.as_deref()).map_err(Error::Usage)
}

/// Prints the brochures, saying so first and then as each one is done.
fn print_jobs(
    browser: &Path,
    options: &PdfOptions,
    jobs: &[Job],
    say: &(dyn Fn(&str) + Sync),
) -> Report {
    let lang = options.lang;
    let started = Instant::now();
    let printing = msg::PDF_PRINTING
        .arg("count", jobs.len())
        .arg("browser", browser.display());
    say(&printing.render(lang));
    let printed = print_all(browser, &options.output, jobs, |_, result| {
        say(&match result {
            Ok(printed) => msg::PDF_PRINTED_ONE
                .nested("what", printed.describe())
                .render(lang),
            Err(problem) => format!("{}: {}", msg::LABEL_ERROR.text(lang), problem.render(lang)),
        });
    });
    Report {
        printed,
        took: started.elapsed(),
    }
}

/// Puts back into `output` the PDFs that the previous `etalase pdf` left in the site the build
/// just replaced (kept beside it as the next build's spare folder), so that a print that fails
/// now leaves the previous PDF where it was. Only names this catalogue can print are brought
/// back, and never over a file already there.
fn keep_previous(output: &Path, config: &Config, splits: &Splits) {
    let spare = crate::output::spare_path(output);
    let Ok(jobs) = plan(config, splits, None, None) else {
        return;
    };
    for job in jobs {
        let (old, new) = (spare.join(job.file_name()), output.join(job.file_name()));
        if old.is_file() && !new.exists() {
            // A part's PDF is in its brochure's folder, which the new site does not have yet.
            if let Some(folder) = new.parent() {
                let _ = std::fs::create_dir_all(folder);
            }
            let _ = std::fs::rename(&old, &new);
        }
    }
}

/// An error and its causes, `error: cause: cause`, as the system or a library words them.
fn cause_chain(error: &(dyn std::error::Error + 'static)) -> String {
    let mut text = error.to_string();
    let mut cause = error.source();
    while let Some(next) = cause {
        text.push_str(": ");
        text.push_str(&next.to_string());
        cause = next.source();
    }
    text
}
