//! The `etalase` command: parses arguments, runs the library, prints diagnostics, sets the exit code.

use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use clap::Parser;
use etalase::cli::{Cli, Command};
use etalase::config::{Config, CONFIG_FILE};
use etalase::diagnostic::{Diagnostic, Diagnostics};
use etalase::serve::{ServeError, ServeOptions};
use etalase::{pdf, BuildError};

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Build { root, output } => {
            let output = output.unwrap_or_else(|| root.join("output"));
            match build(&root, &output) {
                Ok(()) => ExitCode::SUCCESS,
                Err(code) => code,
            }
        }
        Command::Check { root, strict } => check(&root, strict),
        Command::Serve { root, port, open } => serve(&ServeOptions { root, port, open }),
        Command::New { name } => new_catalogue(&name),
        Command::Pdf {
            root,
            output,
            lang,
            selection,
            chrome,
        } => {
            let output = output.unwrap_or_else(|| root.join("output"));
            let request = PdfRequest {
                lang: lang.as_deref(),
                selection: selection.as_deref(),
                chrome: chrome.as_deref(),
            };
            pdf(&root, &output, &request)
        }
    }
}

/// `etalase serve`: runs until stopped; returns only when it cannot go on.
fn serve(options: &ServeOptions) -> ExitCode {
    match etalase::serve::run(options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(ServeError::Usage(message)) => usage_error(&message),
        Err(ServeError::Watch(message)) => {
            eprintln!("error: {message}");
            ExitCode::from(1)
        }
    }
}

/// `etalase new`: writes the sample catalogue and says what to do next.
fn new_catalogue(folder: &Path) -> ExitCode {
    match etalase::scaffold::create(folder) {
        Ok(()) => {
            eprintln!(
                "created a new catalogue in {0}\nnext: edit the files in {0}/content, then run \
                 `etalase build --root {0}` and open {0}/output/index.html",
                folder.display()
            );
            ExitCode::SUCCESS
        }
        Err(error) => usage_error(&format!("{error:#}")),
    }
}

/// `etalase build`, also the first half of `etalase pdf`: builds and prints the summary line.
fn build(root: &Path, output: &Path) -> Result<(), ExitCode> {
    match etalase::build(root, output) {
        Ok(report) => {
            print_diagnostics(&report.warnings);
            eprintln!(
                "built {} pages ({} products, {} producers) and {} photo files \
                 ({} photos processed, {} from the cache) into {}",
                report.pages,
                report.products,
                report.producers,
                report.images,
                report.image_stats.processed,
                report.image_stats.cached,
                report.output.display()
            );
            Ok(())
        }
        Err(error) => Err(fail(
            error,
            "the build failed; the previous output/ was left as it was",
        )),
    }
}

/// What `etalase pdf` was asked to print, and with which browser.
struct PdfRequest<'a> {
    lang: Option<&'a str>,
    selection: Option<&'a str>,
    chrome: Option<&'a Path>,
}

/// `etalase pdf`: checks the options and finds the browser before building anything, builds
/// the site, then prints its brochures.
fn pdf(root: &Path, output: &Path, request: &PdfRequest) -> ExitCode {
    let plan = |config: &Config| pdf::plan(config, request.lang, request.selection);
    // Without readable settings the options cannot be checked yet; the build reports why.
    let early = pdf::read_config(root);
    if let Some(Err(message)) = early.as_ref().map(plan) {
        return usage_error(&message);
    }
    let browser = match pdf::find_browser(request.chrome) {
        Ok(browser) => browser,
        Err(message) => {
            eprintln!("error: {message}\n  hint: {}", pdf::INSTALL_HINT);
            eprintln!("no PDF was written");
            return ExitCode::from(1);
        }
    };
    if let Err(code) = build(root, output) {
        return code;
    }
    let Some(config) = early.or_else(|| pdf::read_config(root)) else {
        eprintln!("error: {} cannot be read", root.join(CONFIG_FILE).display());
        return ExitCode::from(1);
    };
    let jobs = match plan(&config) {
        Ok(jobs) => jobs,
        Err(message) => return usage_error(&message),
    };
    pdf::keep_previous(output, &config);
    print_brochures(&browser, output, &jobs)
}

/// Prints the brochures, a line for each as it is done, then the total.
fn print_brochures(browser: &Path, output: &Path, jobs: &[pdf::Job]) -> ExitCode {
    let started = Instant::now();
    eprintln!(
        "printing {} brochure(s) with {}",
        jobs.len(),
        browser.display()
    );
    let results = pdf::print_all(browser, output, jobs, |_, result| match result {
        Ok(printed) => eprintln!("printed {printed}"),
        Err(error) => eprintln!("error: {error:#}"),
    });
    let failed = results.iter().filter(|r| r.is_err()).count();
    let seconds = started.elapsed().as_secs_f64();
    if failed == 0 {
        eprintln!("printed {} brochure(s) in {seconds:.1} s", results.len());
        ExitCode::SUCCESS
    } else {
        eprintln!(
            "{failed} of {} brochure(s) could not be printed ({seconds:.1} s); \
             their previous PDFs, if any, were left as they were",
            results.len()
        );
        ExitCode::from(1)
    }
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(2)
}

fn check(root: &Path, strict: bool) -> ExitCode {
    match etalase::load(root) {
        Ok(loaded) => {
            let mut warnings: Diagnostics = loaded.warnings;
            if strict {
                warnings.make_warnings_errors();
            }
            let failed = warnings.has_errors();
            print_diagnostics(&warnings.sorted());
            if failed {
                eprintln!("check failed (--strict treats warnings as errors)");
                ExitCode::from(1)
            } else {
                eprintln!("no errors found");
                ExitCode::SUCCESS
            }
        }
        Err(error) => fail(error, "check failed"),
    }
}

fn fail(error: BuildError, summary: &str) -> ExitCode {
    match error {
        BuildError::Usage(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
        BuildError::Content(diagnostics) => {
            print_diagnostics(&diagnostics);
            let errors = diagnostics.iter().filter(|d| d.is_error()).count();
            eprintln!("{errors} error(s): {summary}");
            ExitCode::from(1)
        }
        BuildError::Io(error) => {
            eprintln!("error: {error:#}");
            eprintln!("{summary}");
            ExitCode::from(1)
        }
    }
}

fn print_diagnostics(diagnostics: &[Diagnostic]) {
    for diagnostic in diagnostics {
        eprintln!("{diagnostic}");
    }
}

// Rendering tens of thousands of pages allocates many small strings; mimalloc handles that
// pattern markedly faster than the system allocator (see docs/benchmarks.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
