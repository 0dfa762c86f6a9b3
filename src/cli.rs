//! Command-line arguments and subcommands.

use std::path::PathBuf;

use clap::error::ContextValue;
use clap::{Args, Parser, Subcommand};

use crate::messages::{self as msg, Lang, Message};

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

/// A mistake on the command line as a usage error in the editor's language: clap's own words
/// are English. `None` for what clap prints as it is: help, the version, a missing command
/// (clap shows the list of commands), and the rare mistakes not worded here. `args` are the
/// command line's arguments after the program's name.
pub fn usage_error(mistake: &clap::Error, args: &[String]) -> Option<Message> {
    use clap::error::{ContextKind, ErrorKind};
    let text = |kind| match mistake.get(kind) {
        Some(ContextValue::String(value)) => Some(value.clone()),
        Some(ContextValue::Strings(values)) => Some(values.join(", ")),
        _ => None,
    };
    let names = |kind| match mistake.get(kind) {
        Some(ContextValue::Strings(values)) => values.clone(),
        Some(ContextValue::String(value)) => vec![value.clone()],
        _ => Vec::new(),
    };
    let help = || match given_command(args) {
        Some(command) => msg::CLI_SEE_HELP.arg("command", format!("etalase {command} --help")),
        None => msg::CLI_SEE_HELP.arg("command", "etalase --help"),
    };
    let did_you_mean = |kind| match names(kind).first() {
        Some(name) => msg::DID_YOU_MEAN.arg("name", name),
        None => help(),
    };
    let message = match mistake.kind() {
        ErrorKind::InvalidSubcommand => msg::CLI_UNKNOWN_COMMAND
            .arg("name", text(ContextKind::InvalidSubcommand)?)
            .arg("commands", command_names().join(", ")),
        ErrorKind::UnknownArgument => msg::CLI_UNKNOWN_OPTION
            .arg("arg", text(ContextKind::InvalidArg)?)
            .nested("hint", did_you_mean(ContextKind::SuggestedArg)),
        ErrorKind::InvalidValue => {
            let valid = names(ContextKind::ValidValue);
            let hint = match valid.is_empty() {
                true => help(),
                false => msg::USE_ONE_OF.arg("names", valid.join(", ")),
            };
            msg::CLI_INVALID_VALUE
                .arg("value", text(ContextKind::InvalidValue)?)
                .arg("arg", text(ContextKind::InvalidArg)?)
                .nested("hint", hint)
        }
        ErrorKind::ValueValidation => msg::CLI_INVALID_VALUE
            .arg("value", text(ContextKind::InvalidValue)?)
            .arg("arg", text(ContextKind::InvalidArg)?)
            .nested("hint", help()),
        ErrorKind::MissingRequiredArgument => msg::CLI_MISSING_ARGUMENT
            .arg("arg", text(ContextKind::InvalidArg)?)
            .nested("hint", help()),
        _ => return None,
    };
    Some(message)
}

/// The language of messages asked for with `--lang` on a command line clap could not read,
/// else the locale's. `pdf --lang` chooses brochures, not messages.
pub fn lang_of_arguments(args: &[String]) -> Lang {
    let asked = match given_command(args).as_deref() {
        Some("pdf") => None,
        _ => args.iter().enumerate().find_map(|(i, arg)| {
            let value = match arg.strip_prefix("--lang=") {
                Some(value) => Some(value),
                None if arg == "--lang" => args.get(i + 1).map(String::as_str),
                None => None,
            };
            match value {
                Some("id") => Some(Lang::Id),
                Some("en") => Some(Lang::En),
                _ => None,
            }
        }),
    };
    Lang::choose(asked)
}

/// The command named on the command line, when it is one of etalase's.
fn given_command(args: &[String]) -> Option<String> {
    let first = args.iter().find(|arg| !arg.starts_with('-'))?;
    command_names().contains(first).then(|| first.clone())
}

/// Every command's name, in the order `--help` lists them.
fn command_names() -> Vec<String> {
    use clap::CommandFactory;
    Cli::command()
        .get_subcommands()
        .map(|command| command.get_name().to_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The usage error of a command line, in `lang`.
    fn mistake(line: &[&str], lang: Lang) -> Option<String> {
        let args: Vec<String> = line.iter().map(|a| a.to_string()).collect();
        let error = Cli::try_parse_from(["etalase"].iter().chain(line)).unwrap_err();
        usage_error(&error, &args).map(|m| m.render(lang))
    }

    #[test]
    fn command_line_mistakes_are_worded_in_both_languages_with_clap_s_suggestion() {
        assert_eq!(
            mistake(&["build", "--rooot", "."], Lang::Id).as_deref(),
            Some("pilihan `--rooot` tidak dikenal; mungkin maksud Anda `--root`?")
        );
        assert_eq!(
            mistake(&["check", "--lang", "fr"], Lang::En).as_deref(),
            Some("`fr` is not a valid value for --lang <LANG>; use one of: en, id")
        );
        let unknown = mistake(&["bangun"], Lang::En).unwrap();
        assert!(
            unknown.starts_with(
                "`bangun` is not an etalase command; the commands are: build, check, serve"
            ),
            "{unknown}"
        );
        assert_eq!(
            mistake(&["import"], Lang::En).as_deref(),
            Some("this command needs <FILE>; `etalase import --help` shows what it takes")
        );
        // Help and the version are clap's own output.
        assert_eq!(mistake(&["--help"], Lang::En), None);
    }

    #[test]
    fn the_language_of_a_broken_command_line_follows_its_lang_option_but_not_pdf_s() {
        let args = |line: &[&str]| line.iter().map(|a| a.to_string()).collect::<Vec<_>>();
        assert_eq!(
            lang_of_arguments(&args(&["build", "--lang", "id", "--x"])),
            Lang::Id
        );
        assert_eq!(
            lang_of_arguments(&args(&["check", "--lang=en", "--x"])),
            Lang::En
        );
        let pdf = lang_of_arguments(&args(&["pdf", "--lang", "id", "--x"]));
        assert_eq!(pdf, Lang::from_env(), "pdf --lang chooses brochures");
    }
}
