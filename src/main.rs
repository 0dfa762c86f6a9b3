//! The `etalase` command: parses arguments, runs the library stage of the command, prints what
//! it reports and exits with its status.

use std::process::ExitCode;

use clap::Parser;
use etalase::cli::{lang_of_arguments, usage_error, BaseUrlArg, Cli, Command};
use etalase::export::ExportOptions;
use etalase::import::ImportOptions;
use etalase::messages::Lang;
use etalase::pdf::PdfOptions;
use etalase::serve::ServeOptions;
use etalase::{CommandReport, Error, Overrides};

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(mistake) => return command_line_mistake(mistake),
    };
    let lang = Lang::choose(cli.command.message_lang());
    etalase::messages::set_notice_lang(lang);
    match cli.command {
        Command::Build {
            root,
            output,
            base_url,
            ..
        } => {
            let output = output.unwrap_or_else(|| root.join("output"));
            let built = overrides(&base_url)
                .and_then(|overrides| etalase::build_with(&root, &output, &overrides));
            finish(built, lang)
        }
        Command::Check { root, strict, .. } => finish(etalase::check(&root, strict), lang),
        Command::Serve {
            root,
            interface,
            port,
            open,
            ..
        } => {
            let options = ServeOptions {
                root,
                interface,
                port,
                open,
                lang,
            };
            finish(etalase::serve::run(&options), lang)
        }
        Command::New { name, .. } => finish(etalase::scaffold::create(&name), lang),
        Command::Import {
            file,
            root,
            sheet,
            dry_run,
            overwrite,
            ..
        } => {
            let options = ImportOptions {
                root,
                file,
                sheet,
                dry_run,
                overwrite,
            };
            finish(etalase::import::run(&options), lang)
        }
        Command::Export {
            file,
            root,
            selection,
            ..
        } => {
            let options = ExportOptions {
                root,
                file,
                selection,
            };
            finish(etalase::export::run(&options), lang)
        }
        Command::Pdf {
            root,
            output,
            lang: brochure_lang,
            selection,
            chrome,
            base_url,
        } => {
            let overrides = match overrides(&base_url) {
                Ok(overrides) => overrides,
                Err(error) => return finish(Err::<(), _>(error), lang),
            };
            let options = PdfOptions {
                output: output.unwrap_or_else(|| root.join("output")),
                root,
                brochure_lang,
                selection,
                chrome,
                overrides,
                lang,
            };
            let say = |line: &str| eprintln!("{line}");
            finish(etalase::pdf::run(&options, &say), lang)
        }
        Command::Completions { shell } => {
            etalase::cli::write_completions(shell, &mut std::io::stdout());
            ExitCode::SUCCESS
        }
    }
}

/// What `--base-url`, else `ETALASE_BASE_URL`, replaces of catalogue.yaml for this build.
fn overrides(flag: &BaseUrlArg) -> Result<Overrides, Error> {
    let var = std::env::var(etalase::BASE_URL_VAR).ok();
    Overrides::choose(flag.base_url.as_deref(), var.as_deref())
}

/// A command line clap could not read: the mistake in the editor's language, or clap's own
/// output (help, the version, the list of commands).
fn command_line_mistake(mistake: clap::Error) -> ExitCode {
    // Lossy: a path that is not UTF-8 must not make the message panic.
    let args: Vec<String> = std::env::args_os()
        .skip(1)
        .map(|arg| arg.to_string_lossy().into_owned())
        .collect();
    match usage_error(&mistake, &args) {
        Some(message) => finish(
            Err::<(), _>(Error::Usage(message)),
            lang_of_arguments(&args),
        ),
        None => mistake.exit(),
    }
}

/// Prints what the command reports, or why it stopped, and exits with its status.
fn finish(result: Result<impl CommandReport, Error>, lang: Lang) -> ExitCode {
    let (lines, code) = match result {
        Ok(report) => (report.render(lang), report.exit_code()),
        Err(error) => (error.render(lang), error.exit_code()),
    };
    for line in lines {
        eprintln!("{line}");
    }
    ExitCode::from(code)
}

// Rendering tens of thousands of pages allocates many small strings; mimalloc handles that
// pattern markedly faster than the system allocator (see docs/benchmarks.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
