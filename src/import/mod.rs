//! Spreadsheets -> content/: `etalase import` reads the trade office's producers, products and
//! curation sheets and creates or updates the entry folders, keeping editors' hand edits.
//!
//! The stages: read the sheets (`sheet`), learn what each column means (`columns`), read each
//! row into field values (`rows`, `values`), find each row's folder (`existing`, `identity`),
//! compare with what is there (`merge`, `state`), then write (`apply`) and say what happened
//! (`report`).

pub mod apply;
pub mod columns;
pub mod existing;
pub mod identity;
pub mod layout;
pub mod limits;
pub mod merge;
pub mod report;
pub mod rows;
pub mod sheet;
pub mod state;
pub mod values;
pub mod yaml_write;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::config::{Config, SpreadsheetLimits};
use crate::content::CatalogueRoot;
use crate::diagnostic::{did_you_mean, Diagnostic, Diagnostics};
use crate::error::Error;
use crate::images::cache::Cache;
use crate::messages::{self as msg, Lang, Message};
use columns::{all_names, kind_of, Layout, SheetKind};
use existing::{EntryKind, Existing};
use identity::Assignment;
use report::{Problem, Report};
use rows::Context;
use sheet::Sheet;

/// What `etalase import` was asked to do.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    pub root: PathBuf,
    pub file: PathBuf,
    /// Only this sheet of a workbook.
    pub sheet: Option<String>,
    /// Say what would change, write nothing.
    pub dry_run: bool,
    /// Take the spreadsheet's values over hand edits.
    pub overwrite: bool,
}

/// Every problem, clash and change, then the totals; exit 1 when a row or an entry could not
/// be imported.
impl crate::CommandReport for Report {
    fn render(&self, lang: Lang) -> Vec<String> {
        Report::render(self, lang)
    }

    fn exit_code(&self) -> u8 {
        u8::from(self.has_errors())
    }
}

/// Runs one import and reports what it did; row problems are in the report, not an error.
/// It cannot start with a wrong command (no such file, no such sheet, not a catalogue
/// folder: a usage error), nor when catalogue.yaml is broken or a content folder leaves the
/// catalogue (content errors).
pub fn run(options: &ImportOptions) -> Result<Report, Error> {
    let (root, config) = open_catalogue(&options.root)?;
    let sheets = match chosen_sheets(options, &config.limits.spreadsheet)? {
        Ok(sheets) => sheets,
        // Refused before anything was planned: nothing is written.
        Err(problems) => return Ok(refused(problems, options.dry_run)),
    };
    // From reading the entries to writing them, no other command may change them (a dry run
    // writes nothing and needs no lock).
    let _held = match options.dry_run {
        true => None,
        false => Some(crate::lock_catalogue(root.path(), "import")?),
    };
    let context = Context {
        config: &config,
        file: display_name(&options.file),
        folder: spreadsheet_folder(&options.file),
    };
    let mut report = Report {
        dry_run: options.dry_run,
        ..Report::default()
    };
    let records = read_sheets(&sheets, &context, &mut report);
    let existing = existing::scan(&root, &config);
    let mut assignment = Assignment::new(&existing);
    let before = report.problems.len();
    assignment.producers(records.producers, &mut report.problems);
    assignment.products(records.products, &mut report.problems);
    assignment.curation(records.curation, &mut report.problems);
    // Each problem finding a row's folder leaves that row out.
    report.rows_skipped += report.problems.len() - before;
    let cache = Cache::open_existing(root.path());
    let places = Places {
        root: root.path(),
        cache: cache.as_ref(),
    };
    let outcomes = merge_all(&assignment, &existing, options, &context, &places);
    note_missing_rows(
        &existing,
        &assignment,
        &records.kinds,
        &context,
        &mut report,
    );
    apply::apply(root.path(), outcomes, options.dry_run, &mut report);
    Ok(report)
}

/// The catalogue folder and its settings (the categories and languages rows are read against).
pub(crate) fn open_catalogue(root: &Path) -> Result<(CatalogueRoot, Config), Error> {
    let root = crate::open_root(root)?;
    let mut diagnostics = Diagnostics::default();
    let config = Config::load(&root, &mut diagnostics);
    for folder in ["content", "content/producers", "content/products"] {
        if root.folder_leaving(Path::new(folder)).is_some() {
            let leaves = msg::IMPORT_FOLDER_LEAVES.arg("folder", folder);
            diagnostics.push(Diagnostic::error(folder, leaves).with_hint(&msg::MOVE_FOLDER_HINT));
        }
    }
    match config {
        Some(config) if !diagnostics.has_errors() => Ok((root, config)),
        _ => Err(Error::content(diagnostics.sorted())),
    }
}

/// The report of a spreadsheet refused for breaking the limits of `limits:`.
fn refused(problems: Vec<Problem>, dry_run: bool) -> Report {
    Report {
        problems,
        dry_run,
        ..Report::default()
    }
}

/// The spreadsheet's sheets, or the one `--sheet` names; or the limits the file broke.
fn chosen_sheets(
    options: &ImportOptions,
    limits: &SpreadsheetLimits,
) -> Result<Result<Vec<Sheet>, Vec<Problem>>, Error> {
    let file = &options.file;
    if !file.is_file() {
        return Err(Error::Usage(
            msg::IMPORT_FILE_MISSING.arg("file", file.display()),
        ));
    }
    let sheets = match sheet::read(file, limits) {
        Ok(sheets) => sheets,
        Err(sheet::NotRead::Usage(message)) => return Err(Error::Usage(message)),
        Err(sheet::NotRead::Refused(problems)) => return Ok(Err(problems)),
    };
    let Some(wanted) = &options.sheet else {
        return Ok(Ok(sheets));
    };
    if sheets.iter().all(|s| !s.has_sheets) {
        return Err(Error::Usage(Message::from(&msg::IMPORT_CSV_HAS_NO_SHEETS)));
    }
    let names: Vec<&str> = sheets.iter().map(|s| s.name.as_str()).collect();
    let found = sheets
        .iter()
        .find(|s| s.name == *wanted)
        .or_else(|| sheets.iter().find(|s| s.name.eq_ignore_ascii_case(wanted)));
    match found {
        Some(sheet) => Ok(Ok(vec![sheet.clone()])),
        None => Err(Error::Usage(
            msg::IMPORT_SHEET_NOT_FOUND
                .arg("file", file.display())
                .arg("sheet", wanted)
                .arg("names", names.join(", ")),
        )),
    }
}

/// The spreadsheet as messages name it: its file name.
pub(crate) fn display_name(file: &Path) -> String {
    file.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| file.display().to_string())
}

fn spreadsheet_folder(file: &Path) -> PathBuf {
    match file.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
        _ => PathBuf::from("."),
    }
}

/// The records of every sheet, by kind, and which kinds of sheet were read.
struct Records {
    producers: Vec<rows::Record>,
    products: Vec<rows::Record>,
    curation: Vec<rows::Record>,
    kinds: Vec<SheetKind>,
}

fn read_sheets(sheets: &[Sheet], context: &Context, report: &mut Report) -> Records {
    let mut records = Records {
        producers: Vec::new(),
        products: Vec::new(),
        curation: Vec::new(),
        kinds: Vec::new(),
    };
    for sheet in sheets.iter().filter(|sheet| !is_instructions(sheet)) {
        let Some(kind) = kind_of(sheet) else {
            let at = rows::sheet_at(context, sheet);
            let skipped = Problem::warning(at, &msg::IMPORT_SHEET_SKIPPED)
                .with_hint(&msg::IMPORT_SHEET_SKIPPED_HINT);
            report.problems.push(skipped);
            continue;
        };
        if let Some(title_row) = sheet.title_row {
            let at = rows::sheet_at(context, sheet);
            let found = msg::IMPORT_HEADER_ROW_FOUND
                .arg("row", sheet.header_row)
                .arg("title", title_row);
            report.problems.push(Problem::warning(at, found));
        }
        let layout = Layout::of(sheet, kind);
        if !header_problems(sheet, &layout, context, &mut report.problems) {
            report.rows_skipped += sheet.rows.len();
            continue;
        }
        let (read, skipped) = rows::read(sheet, &layout, context, &mut report.problems);
        report.rows_skipped += skipped;
        records.kinds.push(kind);
        match kind {
            SheetKind::Producers => records.producers.extend(read),
            SheetKind::Products => records.products.extend(read),
            SheetKind::Curation => records.curation.extend(read),
        }
    }
    if records.kinds.is_empty() && !report.has_errors() {
        let nothing = msg::IMPORT_NOTHING_TO_IMPORT.arg("file", &context.file);
        let at = report::CellAt {
            file: context.file.clone(),
            sheet: None,
            row: 0,
            column: None,
        };
        report.problems.push(Problem::error(at, nothing));
    }
    records
}

/// A sheet of instructions for people, such as the template's `Petunjuk`: skipped quietly.
fn is_instructions(sheet: &Sheet) -> bool {
    let name = values::fold(&sheet.name);
    ["petunjuk", "panduan", "instructions", "readme"]
        .iter()
        .any(|word| name.contains(word))
}

/// Reports unknown and repeated headers; false when the sheet lacks its one required column.
fn header_problems(
    sheet: &Sheet,
    layout: &Layout,
    context: &Context,
    problems: &mut Vec<Problem>,
) -> bool {
    let at = rows::sheet_at(context, sheet);
    let column_at = |index: usize| {
        let mut at = at.at_column(sheet.column_letter(index), sheet.headers[index].clone());
        at.row = sheet.header_row.max(1);
        at
    };
    for (index, header) in &layout.unknown {
        let key = columns::header_key(header);
        let hint = did_you_mean(&key, all_names(layout.kind))
            .map(|close| msg::DID_YOU_MEAN.arg("name", close))
            .unwrap_or_else(|| Message::from(&msg::IMPORT_COLUMN_LIST_HINT));
        problems
            .push(Problem::warning(column_at(*index), &msg::IMPORT_UNKNOWN_COLUMN).with_hint(hint));
    }
    for (_, index) in &layout.repeated {
        problems.push(Problem::warning(
            column_at(*index),
            &msg::IMPORT_REPEATED_COLUMN,
        ));
    }
    let required = layout.kind.required();
    let has_required = layout.has(required)
        || (layout.kind == SheetKind::Products && layout.has(columns::Column::NameEn));
    if !has_required {
        let (id, en) = layout.kind.documented_names(required);
        let message = msg::IMPORT_SHEET_LACKS_COLUMN
            .arg("column", id)
            .arg("english", en);
        problems.push(Problem::error(at, message).with_hint(&msg::IMPORT_COLUMN_LIST_HINT));
    }
    has_required
}

/// The catalogue folder and the build's photo cache in it, if any.
struct Places<'a> {
    root: &'a Path,
    cache: Option<&'a Cache>,
}

/// Each planned entry merged with its folder, in slug order (producers first).
fn merge_all(
    assignment: &Assignment,
    existing: &BTreeMap<(EntryKind, String), Existing>,
    options: &ImportOptions,
    context: &Context,
    places: &Places,
) -> Vec<merge::Outcome> {
    assignment
        .planned
        .iter()
        .map(|((kind, slug), planned)| {
            merge::merge(&merge::Entry {
                kind: *kind,
                slug,
                existing: existing.get(&(*kind, slug.clone())),
                planned,
                overwrite: options.overwrite,
                spreadsheet: &context.file,
                root: places.root,
                cache: places.cache,
            })
        })
        .collect()
}

/// Warns about entries an earlier import of this spreadsheet made that no row names now.
fn note_missing_rows(
    existing: &BTreeMap<(EntryKind, String), Existing>,
    assignment: &Assignment,
    kinds: &[SheetKind],
    context: &Context,
    report: &mut Report,
) {
    for ((kind, slug), entry) in existing {
        let sheet_kind = match kind {
            EntryKind::Producer => SheetKind::Producers,
            EntryKind::Product => SheetKind::Products,
        };
        let from_here = entry
            .state
            .as_ref()
            .is_some_and(|state| state.spreadsheet == context.file && !state.source.is_empty());
        let named = assignment.planned.contains_key(&(*kind, slug.clone()));
        if from_here && !named && kinds.contains(&sheet_kind) {
            let folder = kind.entry_folder(slug);
            let message = msg::IMPORT_NOT_IN_SPREADSHEET.arg("file", &context.file);
            let warning = Diagnostic::warning(folder, message)
                .with_hint(&msg::IMPORT_NOT_IN_SPREADSHEET_HINT);
            report.file_problems.push(warning);
        }
    }
}
