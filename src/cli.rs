//! Command-line arguments and subcommands.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// etalase: builds a bilingual static catalogue site from YAML, Markdown and photos.
#[derive(Debug, Parser)]
#[command(name = "etalase", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site into output/
    Build {
        /// The catalogue folder (the one with catalogue.yaml)
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Where to write the site (default: output/ inside the catalogue folder)
        #[arg(long)]
        output: Option<PathBuf>,
    },
    /// Validate the catalogue without writing a site
    Check {
        /// The catalogue folder (the one with catalogue.yaml)
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Treat warnings (such as missing translations) as errors
        #[arg(long)]
        strict: bool,
    },
    /// Build the site into memory and serve it on 127.0.0.1; rebuild and reload the browser
    /// when a file is saved
    Serve {
        /// The catalogue folder (the one with catalogue.yaml)
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// The port to listen on (the next free one is taken when it is in use)
        #[arg(long, default_value_t = crate::serve::DEFAULT_PORT)]
        port: u16,
        /// Open the site in the default browser
        #[arg(long)]
        open: bool,
    },
    /// Create a new catalogue folder that builds as it is, with explained sample entries
    New {
        /// The folder to create (it must not exist, or be empty)
        name: PathBuf,
    },
    /// Build the site, then print its brochures to PDF (output/brochure-<lang>.pdf) with
    /// headless Chromium
    Pdf {
        /// The catalogue folder (the one with catalogue.yaml)
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Where to write the site and the PDFs (default: output/ inside the catalogue folder)
        #[arg(long)]
        output: Option<PathBuf>,
        /// Print only the brochures in this language (e.g. id)
        #[arg(long)]
        lang: Option<String>,
        /// Print only this selection (a slug under `brochures:` in catalogue.yaml)
        #[arg(long)]
        selection: Option<String>,
        /// The browser to print with (default: $ETALASE_CHROME, else chromium,
        /// chromium-browser, google-chrome or google-chrome-stable on PATH)
        #[arg(long, value_name = "PATH")]
        chrome: Option<PathBuf>,
    },
}
