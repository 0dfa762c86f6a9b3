//! What an import found and did, as the office reads it: problems pointed at a sheet, row and
//! column; the folders created and the fields updated; hand edits kept.

use std::path::PathBuf;

use crate::diagnostic::{render_problem, Diagnostic, Severity};
use crate::messages::{self as msg, Lang, Message};

/// Where in the spreadsheet something came from: a sheet, a row, maybe a column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellAt {
    /// The spreadsheet's file name as given on the command line.
    pub file: String,
    /// The sheet's name, `None` for a csv file.
    pub sheet: Option<String>,
    /// The row number as the spreadsheet program shows it (0: the sheet as a whole).
    pub row: u32,
    /// The column's letter and its header as typed.
    pub column: Option<(String, String)>,
}

impl CellAt {
    /// The same row, at another column.
    pub fn at_column(&self, letter: String, header: String) -> CellAt {
        CellAt {
            column: Some((letter, header)),
            ..self.clone()
        }
    }

    /// `produk.xlsx, sheet `Produk`, row 7, column D (`harga_min`)`, in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let mut text = self.file.clone();
        if let Some(sheet) = &self.sheet {
            text.push_str(", ");
            text.push_str(&msg::IMPORT_AT_SHEET.arg("sheet", sheet).render(lang));
        }
        if self.row > 0 {
            text.push_str(", ");
            text.push_str(&msg::IMPORT_AT_ROW.arg("row", self.row).render(lang));
        }
        if let Some((letter, header)) = &self.column {
            let column = if header.is_empty() {
                msg::IMPORT_AT_COLUMN_LETTER.arg("column", letter)
            } else {
                msg::IMPORT_AT_COLUMN
                    .arg("column", letter)
                    .arg("header", header)
            };
            text.push_str(", ");
            text.push_str(&column.render(lang));
        }
        text
    }
}

/// A problem with a cell, a row or a sheet. A row with an error is not imported; a warning
/// only informs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    pub at: CellAt,
    pub message: Message,
    pub hint: Option<Message>,
}

impl Problem {
    pub fn error(at: CellAt, message: impl Into<Message>) -> Problem {
        Problem {
            severity: Severity::Error,
            at,
            message: message.into(),
            hint: None,
        }
    }

    pub fn warning(at: CellAt, message: impl Into<Message>) -> Problem {
        Problem {
            severity: Severity::Warning,
            ..Problem::error(at, message)
        }
    }

    pub fn with_hint(mut self, hint: impl Into<Message>) -> Problem {
        self.hint = Some(hint.into());
        self
    }

    pub fn with_optional_hint(mut self, hint: Option<Message>) -> Problem {
        self.hint = hint;
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `error: FILE, sheet `S`, row R, column C (`header`): MESSAGE` and the hint below it.
    pub fn render(&self, lang: Lang) -> String {
        let place = self.at.render(lang);
        render_problem(
            self.severity,
            &place,
            &self.message,
            self.hint.as_ref(),
            lang,
        )
    }
}

/// A field (or text, or photo) an editor changed by hand since the last import, which the
/// spreadsheet now wants to change too.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// The file, relative to the catalogue folder.
    pub file: PathBuf,
    pub target: Target,
    /// The value in the file now, and the spreadsheet's (the start of a text; for a photo,
    /// nothing and the photo's path).
    pub current: String,
    pub incoming: String,
    /// The row the spreadsheet's value came from.
    pub at: CellAt,
    /// Whether the spreadsheet's value was written anyway (`--overwrite`).
    pub overwritten: bool,
    /// Whether an earlier import recorded what it wrote here; if not, the file's value may be
    /// older data rather than a hand edit, and the message says so.
    pub recorded: bool,
}

impl Conflict {
    pub fn render(&self, lang: Lang) -> String {
        let file = self.file.display();
        let line = match &self.target {
            Target::Field(field) if !self.recorded => msg::IMPORT_DIFFERS_FIELD
                .arg("file", file)
                .arg("field", field)
                .arg("current", &self.current)
                .arg("incoming", &self.incoming),
            Target::Text if !self.recorded => msg::IMPORT_DIFFERS_TEXT
                .arg("file", file)
                .arg("current", &self.current)
                .arg("incoming", &self.incoming),
            Target::Photo if !self.recorded => msg::IMPORT_DIFFERS_PHOTO
                .arg("file", file)
                .arg("incoming", &self.incoming),
            Target::Field(field) => msg::IMPORT_CONFLICT_FIELD
                .arg("file", file)
                .arg("field", field)
                .arg("current", &self.current)
                .arg("incoming", &self.incoming),
            Target::Text => msg::IMPORT_CONFLICT_TEXT
                .arg("file", file)
                .arg("current", &self.current)
                .arg("incoming", &self.incoming),
            Target::Photo => msg::IMPORT_CONFLICT_PHOTO
                .arg("file", file)
                .arg("incoming", &self.incoming),
        };
        let outcome = if self.overwritten {
            &msg::IMPORT_CONFLICT_OVERWRITTEN
        } else {
            &msg::IMPORT_CONFLICT_KEPT
        };
        let line = msg::IMPORT_CONFLICT
            .nested("what", line)
            .arg("at", self.at.render(lang))
            .nested("outcome", outcome);
        format!("{}: {}", msg::LABEL_WARNING.text(lang), line.render(lang))
    }
}

/// What a conflict is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A field of the YAML file, as a dotted path (`price`, `name.en`).
    Field(String),
    /// A Markdown text.
    Text,
    /// A photo replaced by hand.
    Photo,
}

/// What happened to one entry folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// A new folder with these files.
    Created { folder: PathBuf, files: Vec<String> },
    /// An existing folder: these fields, texts and photos changed.
    Updated { folder: PathBuf, what: Vec<String> },
}

impl Change {
    pub fn render(&self, lang: Lang, dry_run: bool) -> String {
        let (template, folder, list) = match (self, dry_run) {
            (Change::Created { folder, files }, false) => (&msg::IMPORT_CREATED, folder, files),
            (Change::Created { folder, files }, true) => (&msg::IMPORT_WOULD_CREATE, folder, files),
            (Change::Updated { folder, what }, false) => (&msg::IMPORT_UPDATED, folder, what),
            (Change::Updated { folder, what }, true) => (&msg::IMPORT_WOULD_UPDATE, folder, what),
        };
        template
            .arg("folder", format!("{}/", folder.display()))
            .arg("what", list.join(", "))
            .render(lang)
    }
}

/// Everything one import did (or, with `--dry-run`, would do).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    pub changes: Vec<Change>,
    pub unchanged: usize,
    pub conflicts: Vec<Conflict>,
    pub problems: Vec<Problem>,
    /// Problems with files in the catalogue (an entry the import had to leave alone).
    pub file_problems: Vec<Diagnostic>,
    /// Rows not imported because of an error.
    pub rows_skipped: usize,
    pub dry_run: bool,
}

impl Report {
    pub fn has_errors(&self) -> bool {
        self.error_count() > 0
    }

    pub fn error_count(&self) -> usize {
        let in_rows = self.problems.iter().filter(|p| p.is_error()).count();
        in_rows + self.file_problems.iter().filter(|d| d.is_error()).count()
    }

    pub fn created(&self) -> usize {
        self.changes
            .iter()
            .filter(|c| matches!(c, Change::Created { .. }))
            .count()
    }

    pub fn updated(&self) -> usize {
        self.changes.len() - self.created()
    }

    /// Every line to print, in order: problems, conflicts, changes, then the summary.
    pub fn render(&self, lang: Lang) -> Vec<String> {
        let mut lines: Vec<String> = self.problems.iter().map(|p| p.render(lang)).collect();
        lines.extend(self.file_problems.iter().map(|d| d.render(lang)));
        lines.extend(self.conflicts.iter().map(|c| c.render(lang)));
        lines.extend(self.changes.iter().map(|c| c.render(lang, self.dry_run)));
        lines.push(self.summary().render(lang));
        lines
    }

    fn summary(&self) -> Message {
        let errors = self.error_count();
        let template = if self.dry_run {
            &msg::IMPORT_SUMMARY_DRY_RUN
        } else {
            &msg::IMPORT_SUMMARY
        };
        template
            .arg("created", self.created())
            .arg("updated", self.updated())
            .arg("unchanged", self.unchanged)
            .arg("conflicts", self.conflicts.len())
            .arg("errors", errors)
            .arg("skipped", self.rows_skipped)
    }
}
