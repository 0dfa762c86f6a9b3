//! The `etalase` command: parses arguments, runs the library, prints diagnostics, sets the exit code.

use std::process::ExitCode;

use clap::Parser;
use etalase::cli::{Cli, Command};
use etalase::diagnostic::{Diagnostic, Diagnostics};
use etalase::BuildError;

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Build { root, output } => {
            let output = output.unwrap_or_else(|| root.join("output"));
            match etalase::build(&root, &output) {
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
                    ExitCode::SUCCESS
                }
                Err(error) => fail(
                    error,
                    "the build failed; the previous output/ was left as it was",
                ),
            }
        }
        Command::Check { root, strict } => check(&root, strict),
    }
}

fn check(root: &std::path::Path, strict: bool) -> ExitCode {
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
