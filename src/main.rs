//! The `etalase` command: parses arguments, runs the library, prints diagnostics, sets the exit code.

use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use clap::Parser;
use etalase::cli::{Cli, Command};
use etalase::config::{Config, CONFIG_FILE};
use etalase::diagnostic::{Diagnostic, Diagnostics};
use etalase::import::{ImportError, ImportOptions};
use etalase::messages::{self as msg, Lang, Message, Template};
use etalase::serve::{ServeError, ServeOptions};
use etalase::summary::warning_table;
use etalase::{pdf, BuildError};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = Lang::choose(cli.command.message_lang());
    match cli.command {
        Command::Build { root, output, .. } => {
            let output = output.unwrap_or_else(|| root.join("output"));
            match build(&root, &output, lang) {
                Ok(()) => ExitCode::SUCCESS,
                Err(code) => code,
            }
        }
        Command::Check { root, strict, .. } => check(&root, strict, lang),
        Command::Serve {
            root, port, open, ..
        } => serve(&ServeOptions {
            root,
            port,
            open,
            lang,
        }),
        Command::New { name, .. } => new_catalogue(&name, lang),
        Command::Import {
            file,
            root,
            sheet,
            dry_run,
            overwrite,
            ..
        } => import(
            &ImportOptions {
                root,
                file,
                sheet,
                dry_run,
                overwrite,
            },
            lang,
        ),
        Command::Pdf {
            root,
            output,
            lang: brochure_lang,
            selection,
            chrome,
        } => {
            let output = output.unwrap_or_else(|| root.join("output"));
            let request = PdfRequest {
                lang: brochure_lang.as_deref(),
                selection: selection.as_deref(),
                chrome: chrome.as_deref(),
            };
            pdf(&root, &output, &request, lang)
        }
    }
}

/// `etalase serve`: runs until stopped; returns only when it cannot go on.
fn serve(options: &ServeOptions) -> ExitCode {
    match etalase::serve::run(options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(ServeError::Usage(message)) => usage_error(&message, options.lang),
        Err(ServeError::Watch(message)) => {
            print_error(&message, options.lang);
            ExitCode::from(1)
        }
    }
}

/// `etalase import`: prints every problem, clash and change, then the totals; exit 1 when a
/// row or an entry could not be imported.
fn import(options: &ImportOptions, lang: Lang) -> ExitCode {
    match etalase::import::run(options) {
        Ok(report) => {
            for line in report.render(lang) {
                eprintln!("{line}");
            }
            if report.has_errors() {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(ImportError::Usage(message)) => usage_error(&message, lang),
        Err(ImportError::Content(diagnostics)) => {
            print_diagnostics(&diagnostics, lang);
            ExitCode::from(1)
        }
    }
}

/// `etalase new`: writes the sample catalogue and says what to do next.
fn new_catalogue(folder: &Path, lang: Lang) -> ExitCode {
    match etalase::scaffold::create(folder) {
        Ok(()) => {
            let done = msg::NEW_CREATED.arg("folder", folder.display());
            eprintln!("{}", done.render(lang));
            ExitCode::SUCCESS
        }
        Err(error) => usage_error(&error, lang),
    }
}

/// `etalase build`, also the first half of `etalase pdf`: builds and prints the summary line.
fn build(root: &Path, output: &Path, lang: Lang) -> Result<(), ExitCode> {
    match etalase::build(root, output) {
        Ok(report) => {
            print_diagnostics(&report.warnings, lang);
            let built = msg::BUILT
                .arg("pages", report.pages)
                .arg("products", report.products)
                .arg("producers", report.producers)
                .arg("images", report.images)
                .arg("processed", report.image_stats.processed)
                .arg("cached", report.image_stats.cached)
                .arg("output", report.output.display());
            eprintln!("{}", built.render(lang));
            Ok(())
        }
        Err(error) => Err(fail(error, &msg::BUILD_FAILED, lang)),
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
fn pdf(root: &Path, output: &Path, request: &PdfRequest, lang: Lang) -> ExitCode {
    let plan = |config: &Config| pdf::plan(config, request.lang, request.selection);
    // Without readable settings the options cannot be checked yet; the build reports why.
    let early = pdf::read_config(root);
    if let Some(Err(message)) = early.as_ref().map(plan) {
        return usage_error(&message, lang);
    }
    let browser = match pdf::find_browser(request.chrome) {
        Ok(browser) => browser,
        Err(message) => {
            let hint = msg::LABEL_HINT.text(lang);
            let error = msg::LABEL_ERROR.text(lang);
            let install = Message::from(&msg::PDF_INSTALL_HINT).render(lang);
            eprintln!("{error}: {}\n  {hint}: {install}", message.render(lang));
            eprintln!("{}", Message::from(&msg::PDF_NONE_WRITTEN).render(lang));
            return ExitCode::from(1);
        }
    };
    if let Err(code) = build(root, output, lang) {
        return code;
    }
    let Some(config) = early.or_else(|| pdf::read_config(root)) else {
        let unreadable = msg::PDF_CONFIG_UNREADABLE.arg("path", root.join(CONFIG_FILE).display());
        eprintln!(
            "{}: {}",
            msg::LABEL_ERROR.text(lang),
            unreadable.render(lang)
        );
        return ExitCode::from(1);
    };
    let jobs = match plan(&config) {
        Ok(jobs) => jobs,
        Err(message) => return usage_error(&message, lang),
    };
    pdf::keep_previous(output, &config);
    print_brochures(&browser, output, &jobs, lang)
}

/// Prints the brochures, a line for each as it is done, then the total.
fn print_brochures(browser: &Path, output: &Path, jobs: &[pdf::Job], lang: Lang) -> ExitCode {
    let started = Instant::now();
    let printing = msg::PDF_PRINTING
        .arg("count", jobs.len())
        .arg("browser", browser.display());
    eprintln!("{}", printing.render(lang));
    let results = pdf::print_all(browser, output, jobs, |_, result| match result {
        Ok(printed) => eprintln!("{}", msg::PDF_PRINTED_ONE.arg("what", printed).render(lang)),
        Err(error) => eprintln!("{}: {error:#}", msg::LABEL_ERROR.text(lang)),
    });
    let failed = results.iter().filter(|r| r.is_err()).count();
    let seconds = format!("{:.1}", started.elapsed().as_secs_f64());
    if failed == 0 {
        let printed = msg::PDF_PRINTED_ALL
            .arg("count", results.len())
            .arg("seconds", seconds);
        eprintln!("{}", printed.render(lang));
        ExitCode::SUCCESS
    } else {
        let summary = msg::PDF_SOME_FAILED
            .arg("failed", failed)
            .arg("count", results.len())
            .arg("seconds", seconds);
        eprintln!("{}", summary.render(lang));
        ExitCode::from(1)
    }
}

fn usage_error(message: &Message, lang: Lang) -> ExitCode {
    print_error(message, lang);
    ExitCode::from(2)
}

fn print_error(message: &Message, lang: Lang) {
    eprintln!("{}: {}", msg::LABEL_ERROR.text(lang), message.render(lang));
}

fn check(root: &Path, strict: bool, lang: Lang) -> ExitCode {
    match etalase::check(root) {
        Ok(loaded) => {
            let mut warnings: Diagnostics = loaded.warnings;
            let table = warning_table(&warnings.clone().sorted(), lang);
            if strict {
                warnings.make_warnings_errors();
            }
            let failed = warnings.has_errors();
            print_diagnostics(&warnings.sorted(), lang);
            if let Some(table) = table {
                eprintln!("{table}");
            }
            let summary = if failed {
                &msg::CHECK_FAILED_STRICT
            } else {
                &msg::NO_ERRORS
            };
            eprintln!("{}", Message::from(summary).render(lang));
            if failed {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(error) => fail(error, &msg::CHECK_FAILED, lang),
    }
}

fn fail(error: BuildError, summary: &'static Template, lang: Lang) -> ExitCode {
    match error {
        BuildError::Usage(message) => usage_error(&message, lang),
        BuildError::Content(diagnostics) => {
            print_diagnostics(&diagnostics, lang);
            if std::ptr::eq(summary, &msg::CHECK_FAILED) {
                // `check` sums up its warnings even when errors stopped it.
                if let Some(table) = warning_table(&diagnostics, lang) {
                    eprintln!("{table}");
                }
            }
            let errors = diagnostics.iter().filter(|d| d.is_error()).count();
            let line = msg::ERROR_COUNT
                .arg("count", errors)
                .nested("summary", summary);
            eprintln!("{}", line.render(lang));
            ExitCode::from(1)
        }
        BuildError::Io(error) => {
            eprintln!("{}: {}", msg::LABEL_ERROR.text(lang), error.render(lang));
            eprintln!("{}", Message::from(summary).render(lang));
            ExitCode::from(1)
        }
    }
}

fn print_diagnostics(diagnostics: &[Diagnostic], lang: Lang) {
    for diagnostic in diagnostics {
        eprintln!("{}", diagnostic.render(lang));
    }
}

// Rendering tens of thousands of pages allocates many small strings; mimalloc handles that
// pattern markedly faster than the system allocator (see docs/benchmarks.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
