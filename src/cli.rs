//! Command-line arguments and subcommands.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::messages::Lang;

/// etalase: builds a bilingual static catalogue site from YAML, Markdown and photos.
#[derive(Debug, Parser)]
#[command(name = "etalase", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

/// The language of etalase's own messages (`--lang id|en`); without it, the locale decides.
#[derive(Debug, Clone, Copy, Args)]
pub struct MessageLang {
    /// The language of messages: id (Indonesian) or en (English); default: from LC_ALL,
    /// LC_MESSAGES or LANG (Indonesian when it starts with `id`)
    #[arg(long = "lang", value_enum, value_name = "LANG")]
    pub lang: Option<Lang>,
}

/// Where the site lives for this one build (`--base-url URL`), instead of `base_url:`.
#[derive(Debug, Clone, Args)]
pub struct BaseUrlArg {
    /// The site's address for this build only, e.g. a preview deploy's: canonical links,
    /// link previews, structured data, the sitemap, feeds and QR codes use it instead of
    /// `base_url:` in catalogue.yaml (default: $ETALASE_BASE_URL, else catalogue.yaml)
    #[arg(long = "base-url", value_name = "URL")]
    pub base_url: Option<String>,
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
        #[command(flatten)]
        base_url: BaseUrlArg,
        #[command(flatten)]
        messages: MessageLang,
    },
    /// Validate the catalogue without writing a site
    Check {
        /// The catalogue folder (the one with catalogue.yaml)
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Treat warnings (such as missing translations) as errors
        #[arg(long)]
        strict: bool,
        #[command(flatten)]
        messages: MessageLang,
    },
    /// Build the site into memory and serve it on 127.0.0.1; rebuild and reload the browser
    /// when a file is saved
    Serve {
        /// The catalogue folder (the one with catalogue.yaml)
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// The address to listen on: 0.0.0.0 lets a phone on the same network open the
        /// preview (the terminal shows the address and its QR code)
        #[arg(long, value_name = "ADDR", default_value_t = crate::serve::DEFAULT_INTERFACE)]
        interface: std::net::IpAddr,
        /// The port to listen on (the next free one is taken when it is in use)
        #[arg(long, default_value_t = crate::serve::DEFAULT_PORT)]
        port: u16,
        /// Open the site in the default browser
        #[arg(long)]
        open: bool,
        #[command(flatten)]
        messages: MessageLang,
    },
    /// Create a new catalogue folder that builds as it is, with explained sample entries
    New {
        /// The folder to create (it must not exist, or be empty)
        name: PathBuf,
        #[command(flatten)]
        messages: MessageLang,
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
        /// Print only the brochures in this language (e.g. id); etalase's messages follow
        /// the locale (LC_ALL, LC_MESSAGES, LANG)
        #[arg(long)]
        lang: Option<String>,
        /// Print only this selection (a slug under `brochures:` in catalogue.yaml)
        #[arg(long)]
        selection: Option<String>,
        /// The browser to print with (default: $ETALASE_CHROME, else Chromium, Chrome or
        /// Edge where they are usually installed: docs/printing.md)
        #[arg(long, value_name = "PATH")]
        chrome: Option<PathBuf>,
        #[command(flatten)]
        base_url: BaseUrlArg,
    },
    /// Create or update producers and products from a spreadsheet (.xlsx, .ods or .csv):
    /// a producers sheet, a products sheet and a curation sheet (columns: docs/import.md)
    Import {
        /// The spreadsheet; photos named in it are looked for beside it and in its `foto/` folder
        file: PathBuf,
        /// The catalogue folder (the one with catalogue.yaml)
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Import only this sheet of the workbook
        #[arg(long)]
        sheet: Option<String>,
        /// Show what would change without writing anything
        #[arg(long)]
        dry_run: bool,
        /// Take the spreadsheet's values even over fields an editor changed by hand since the
        /// last import
        #[arg(long)]
        overwrite: bool,
        #[command(flatten)]
        messages: MessageLang,
    },
    /// Write the catalogue into a spreadsheet `import` reads back (.xlsx, or .csv: one file
    /// per sheet beside it); photos are copied into a `foto/` folder beside it
    Export {
        /// The spreadsheet to write (replaced if it exists)
        file: PathBuf,
        /// The catalogue folder (the one with catalogue.yaml)
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Only the products of this brochure selection of catalogue.yaml, and their producers
        #[arg(long)]
        selection: Option<String>,
        #[command(flatten)]
        messages: MessageLang,
    },
    /// Print the shell completion script for bash, zsh, fish or powershell (README: how to
    /// install it)
    Completions {
        /// The shell to complete in
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

impl Command {
    /// The language chosen with `--lang` for etalase's messages, if any (`pdf --lang` chooses
    /// which brochures to print instead).
    pub fn message_lang(&self) -> Option<Lang> {
        match self {
            Command::Build { messages, .. }
            | Command::Check { messages, .. }
            | Command::Serve { messages, .. }
            | Command::New { messages, .. }
            | Command::Import { messages, .. }
            | Command::Export { messages, .. } => messages.lang,
            Command::Pdf { .. } | Command::Completions { .. } => None,
        }
    }
}

/// Writes the completion script of `shell` for every subcommand and option to `out`.
pub fn write_completions(shell: clap_complete::Shell, out: &mut dyn std::io::Write) {
    use clap::CommandFactory;
    clap_complete::generate(shell, &mut Cli::command(), "etalase", out);
}
