//! The one error type of the commands (`build`, `check`, `serve`, `pdf`, `import`, `new`): why
//! a command stopped, the exit status that says so, and the lines that tell the user.

use crate::diagnostic::Diagnostic;
use crate::messages::{self as msg, Lang, Message, Template};
use crate::summary::warning_table;

/// Why a command stopped without doing its work.
#[derive(Debug)]
pub enum Error {
    /// The command was used wrongly (no catalogue there, an unknown option value, a dangerous
    /// output folder): exit 2.
    Usage(Message),
    /// The catalogue has errors: all its diagnostics, warnings included, sorted: exit 1.
    Content {
        diagnostics: Vec<Diagnostic>,
        summary: Option<Summary>,
    },
    /// Something the command has to do could not be done (write the site, watch the folder,
    /// find a browser): exit 1.
    Failed {
        message: Message,
        hint: Option<Message>,
        summary: Option<Summary>,
    },
}

/// The line a failed command ends with, after its errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Summary {
    /// `build`, and the build `pdf` starts with: the previous site was left as it was.
    Build,
    /// `check`, which also sums up its warnings in a table, even when errors stopped it.
    Check,
    /// `pdf` before it printed anything.
    NoPdf,
}

impl Summary {
    fn template(self) -> &'static Template {
        match self {
            Summary::Build => &msg::BUILD_FAILED,
            Summary::Check => &msg::CHECK_FAILED,
            Summary::NoPdf => &msg::PDF_NONE_WRITTEN,
        }
    }
}

impl Error {
    /// The catalogue's diagnostics, with no summary line.
    pub fn content(diagnostics: Vec<Diagnostic>) -> Error {
        Error::Content {
            diagnostics,
            summary: None,
        }
    }

    /// Something that could not be done, with no hint and no summary line.
    pub fn failed(message: Message) -> Error {
        Error::Failed {
            message,
            hint: None,
            summary: None,
        }
    }

    /// This error with a hint on what to do (shown under a [`Error::Failed`] only).
    pub fn with_hint(mut self, hint: impl Into<Message>) -> Error {
        if let Error::Failed { hint: slot, .. } = &mut self {
            *slot = Some(hint.into());
        }
        self
    }

    /// This error ending with `summary`; a usage error has none.
    pub fn with_summary(mut self, summary: Summary) -> Error {
        match &mut self {
            Error::Usage(_) => {}
            Error::Content { summary: slot, .. } | Error::Failed { summary: slot, .. } => {
                *slot = Some(summary);
            }
        }
        self
    }

    /// The process's exit status: 2 for a usage error, 1 for anything else.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Usage(_) => 2,
            Error::Content { .. } | Error::Failed { .. } => 1,
        }
    }

    /// What the user reads, line by line, in `lang`.
    pub fn render(&self, lang: Lang) -> Vec<String> {
        match self {
            Error::Usage(message) => vec![error_line(message, lang)],
            Error::Content {
                diagnostics,
                summary,
            } => render_content(diagnostics, *summary, lang),
            Error::Failed {
                message,
                hint,
                summary,
            } => {
                let mut lines = vec![error_line(message, lang)];
                if let Some(hint) = hint {
                    let label = msg::LABEL_HINT.text(lang);
                    lines.push(format!("  {label}: {}", hint.render(lang)));
                }
                lines.extend(summary.map(|s| Message::from(s.template()).render(lang)));
                lines
            }
        }
    }
}

/// `error: <message>`.
fn error_line(message: &Message, lang: Lang) -> String {
    format!("{}: {}", msg::LABEL_ERROR.text(lang), message.render(lang))
}

/// Every diagnostic, `check`'s table of warnings, then `<n> error(s): <summary>`.
fn render_content(diagnostics: &[Diagnostic], summary: Option<Summary>, lang: Lang) -> Vec<String> {
    let mut lines: Vec<String> = diagnostics
        .iter()
        .map(|d| d.render_with_source(lang))
        .collect();
    if summary == Some(Summary::Check) {
        lines.extend(warning_table(diagnostics, lang));
    }
    if let Some(summary) = summary {
        let errors = diagnostics.iter().filter(|d| d.is_error()).count();
        let line = msg::ERROR_COUNT
            .arg("count", errors)
            .nested("summary", summary.template());
        lines.push(line.render(lang));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usage_errors_exit_2_and_have_no_summary() {
        let error = Error::Usage(msg::ROOT_MISSING.arg("path", "/x")).with_summary(Summary::Build);
        assert_eq!(error.exit_code(), 2);
        assert_eq!(
            error.render(Lang::En),
            ["error: the catalogue folder /x does not exist"]
        );
    }

    #[test]
    fn failures_show_their_hint_then_the_summary() {
        let error = Error::failed(msg::PDF_NO_BROWSER.arg("names", "chromium"))
            .with_hint(&msg::PDF_INSTALL_HINT)
            .with_summary(Summary::NoPdf);
        assert_eq!(error.exit_code(), 1);
        let lines = error.render(Lang::En);
        assert_eq!(lines.len(), 3, "{lines:?}");
        assert!(
            lines[1].starts_with("  hint: install Chromium"),
            "{lines:?}"
        );
        assert_eq!(lines[2], "no PDF was written");
    }

    #[test]
    fn content_errors_are_counted_and_check_tabulates_its_warnings() {
        let diagnostics = vec![
            Diagnostic::error("content/products/a/product.yaml", &msg::NO_TITLE),
            Diagnostic::warning(
                "content/products/b/product.yaml",
                &msg::PRODUCT_WITHOUT_PRICE,
            ),
        ];
        let build = Error::content(diagnostics.clone()).with_summary(Summary::Build);
        let lines = build.render(Lang::En);
        assert_eq!(lines.len(), 3, "{lines:?}");
        assert!(
            lines[2].starts_with("1 error(s): the build failed"),
            "{lines:?}"
        );
        let check = Error::content(diagnostics.clone()).with_summary(Summary::Check);
        let lines = check.render(Lang::En);
        assert!(lines[2].starts_with("warnings by kind (1):"), "{lines:?}");
        assert_eq!(lines[3], "1 error(s): check failed");
        // Without a summary (import), only the diagnostics.
        assert_eq!(Error::content(diagnostics).render(Lang::En).len(), 2);
    }
}
