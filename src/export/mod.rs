//! Catalogue -> spreadsheet: `etalase export` writes the producers and products into the
//! workbook layout `import` reads (`import::layout`: the same sheets, headers and *Petunjuk*),
//! each value written as the import reads it back (`cells`), so importing the export into the
//! same catalogue changes nothing. Photos and logos are copied into a `foto/` folder beside
//! the file, where the import looks for them. Files are written through a temporary file
//! renamed into place: an export that fails leaves the old file as it was.

mod cells;

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook};
use serde_json::Value;

use crate::config::{BrochureSelection, Config};
use crate::content::io_reason;
use crate::error::Error;
use crate::fields::CurationStatus;
use crate::import::existing::{self, EntryKind, Existing};
use crate::import::layout::{self, SHEETS};
use crate::messages::{self as msg, Lang, Message};
use crate::pdf::unknown_selection;

/// What `etalase export` was asked to do.
#[derive(Debug, Clone)]
pub struct ExportOptions {
    pub root: PathBuf,
    /// The workbook (`.xlsx`), or a `.csv` name: then one csv file per sheet beside it.
    pub file: PathBuf,
    /// Only the products of this brochure selection of catalogue.yaml, and their producers.
    pub selection: Option<String>,
}

/// What was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// The files written, as given (the workbook, or the three csv files).
    pub files: Vec<PathBuf>,
    pub producers: usize,
    pub products: usize,
    /// Photos and logos copied into the `foto/` folder beside the files.
    pub photos: usize,
}

impl crate::CommandReport for Report {
    fn render(&self, lang: Lang) -> Vec<String> {
        let files: Vec<String> = self.files.iter().map(|f| f.display().to_string()).collect();
        let summary = msg::EXPORT_SUMMARY
            .arg("producers", self.producers)
            .arg("products", self.products)
            .arg("file", files.join(", "))
            .arg("photos", self.photos);
        vec![summary.render(lang)]
    }
}

/// Writes the catalogue (or one selection of it) into `options.file`. A wrong command (not a
/// catalogue folder, an unknown selection) is a usage error; a file that cannot be written
/// is a failure, and leaves what was there.
pub fn run(options: &ExportOptions) -> Result<Report, Error> {
    let (root, config) = crate::import::open_catalogue(&options.root)?;
    let selection = match options.selection.as_deref() {
        Some(slug) => Some(
            config
                .brochures
                .iter()
                .find(|b| b.slug == slug)
                .ok_or_else(|| Error::Usage(unknown_selection(&config, slug)))?,
        ),
        None => None,
    };
    let found = existing::scan(&root, &config);
    let readable = |kind| {
        found
            .values()
            .filter(move |e| e.kind == kind && e.fields.is_some())
    };
    let products: Vec<&Existing> = readable(EntryKind::Product)
        .filter(|p| selection.is_none_or(|s| is_selected(p, s, &config)))
        .collect();
    let producers: Vec<&Existing> = readable(EntryKind::Producer)
        .filter(|p| selection.is_none() || products.iter().any(|q| q.producer() == Some(&p.slug)))
        .collect();
    let folder = beside(&options.file);
    let mut photos = Vec::new();
    let sheets = [
        cells::producer_rows(&producers, &mut photos),
        cells::product_rows(&products, &mut photos),
        Vec::new(),
    ];
    let files = if is_csv(&options.file) {
        write_csv(&folder, &sheets)?
    } else {
        write_workbook(&options.file, &sheets)?;
        vec![options.file.clone()]
    };
    for photo in &photos {
        copy_photo(root.path(), &folder, photo)?;
    }
    Ok(Report {
        files,
        producers: producers.len(),
        products: products.len(),
        photos: photos.len(),
    })
}

/// Whether a brochure selection shows `product`, read from its YAML as written.
fn is_selected(product: &Existing, selection: &BrochureSelection, config: &Config) -> bool {
    let fields = product.fields.as_ref();
    let field = |path: &str| -> Option<&str> {
        let (top, inner) = path.split_once('.').unwrap_or((path, ""));
        let value = fields?.get(top)?;
        let value = if inner.is_empty() {
            value
        } else {
            value.get(inner)?
        };
        value.as_str()
    };
    let category =
        field("category").and_then(|slug| config.categories.iter().position(|c| c.slug == slug));
    let status = field("curation.status").and_then(CurationStatus::parse);
    selection.shows(category, status, field("curation.curator"))
}

fn is_csv(file: &Path) -> bool {
    file.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"))
}

/// The folder the file goes in (where csv files and `foto/` go too).
fn beside(file: &Path) -> PathBuf {
    match file.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
        _ => PathBuf::from("."),
    }
}

/// The workbook: *Petunjuk*, then the three sheets.
fn write_workbook(file: &Path, sheets: &[Vec<Vec<String>>; 3]) -> Result<(), Error> {
    let built = (|| {
        let mut workbook = Workbook::new();
        // A fixed date: the same catalogue exports to the same bytes.
        let fixed = ExcelDateTime::from_ymd(2026, 1, 1)?;
        let properties = DocProperties::new()
            .set_title("etalase export")
            .set_creation_datetime(&fixed);
        workbook.set_properties(&properties);
        layout::add_guide(&mut workbook)?;
        for ((name, kind), rows) in SHEETS.iter().zip(sheets) {
            layout::add_sheet(&mut workbook, name, *kind, rows)?;
        }
        workbook.save_to_buffer()
    })();
    let bytes = built.map_err(|error| cannot_write_because(file, error))?;
    write_replacing(file, &bytes)
}

/// `usaha.csv`, `produk.csv`, `kurasi.csv` in `folder`, every cell that a spreadsheet program
/// would run as a formula guarded (`layout::csv_cell`): these files are opened in one.
fn write_csv(folder: &Path, sheets: &[Vec<Vec<String>>; 3]) -> Result<Vec<PathBuf>, Error> {
    let mut files = Vec::new();
    for ((name, kind), rows) in SHEETS.iter().zip(sheets) {
        let file = folder.join(layout::csv_name(name));
        let mut writer = csv::Writer::from_writer(Vec::new());
        let headers = layout::headers(*kind);
        let written = std::iter::once(headers.iter().map(|h| h.to_string()).collect())
            .chain(rows.iter().cloned())
            .try_for_each(|row: Vec<String>| {
                writer.write_record(row.iter().map(|cell| layout::csv_cell(cell).into_owned()))
            });
        let bytes = written
            .map_err(|error| error.to_string())
            .and_then(|()| writer.into_inner().map_err(|error| error.to_string()))
            .map_err(|error| cannot_write_because(&file, error))?;
        write_replacing(&file, &bytes)?;
        files.push(file);
    }
    Ok(files)
}

/// Writes `bytes` to a temporary file beside `file`, then renames it over `file`.
fn write_replacing(file: &Path, bytes: &[u8]) -> Result<(), Error> {
    let failed = |error: std::io::Error| cannot_write(file, io_reason(&error));
    let mut temporary = tempfile::Builder::new()
        .prefix(".etalase-export-")
        .tempfile_in(beside(file))
        .map_err(failed)?;
    temporary.write_all(bytes).map_err(failed)?;
    temporary
        .persist(file)
        .map_err(|error| failed(error.error))?;
    Ok(())
}

fn cannot_write_because(file: &Path, detail: impl std::fmt::Display) -> Error {
    Error::failed(
        msg::CANNOT_WRITE_PATH
            .arg("path", file.display())
            .arg("reason", detail),
    )
}

fn cannot_write(file: &Path, reason: Message) -> Error {
    Error::failed(
        msg::CANNOT_WRITE_PATH
            .arg("path", file.display())
            .nested("reason", reason),
    )
}

/// Copies one photo from its entry folder to `foto/` beside the spreadsheet, where the
/// spreadsheet's cell names it.
fn copy_photo(root: &Path, folder: &Path, photo: &cells::Photo) -> Result<(), Error> {
    let to = folder.join("foto").join(&photo.cell);
    let from = root.join(&photo.source);
    let failed = |error: std::io::Error| cannot_write(&to, io_reason(&error));
    if let Some(parent) = to.parent() {
        fs::create_dir_all(parent).map_err(failed)?;
    }
    fs::copy(&from, &to).map_err(failed)?;
    Ok(())
}

/// A value as a cell: text as it is, numbers in digits, yes/no as the office types them.
fn plain(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        Value::Number(number) => number.to_string(),
        Value::Bool(true) => "ya".to_owned(),
        Value::Bool(false) => "tidak".to_owned(),
        _ => String::new(),
    }
}
