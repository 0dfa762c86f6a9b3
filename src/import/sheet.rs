//! Spreadsheet files -> sheets of text cells: xlsx and ods through calamine, csv through csv.
//! Rows keep the numbers the office sees in its spreadsheet program, and columns their letters,
//! so every problem can be pointed at. A text cell guarded against running as a formula
//! (`'+62…`, see `layout::csv_cell`) is read without its guard.

use std::fs;
use std::path::Path;

use calamine::{open_workbook_auto, Data, Reader};

use super::layout::read_cell;
use super::values::date_from_serial;
use crate::messages::{self as msg, Message};

/// One sheet of a workbook (or a whole csv file), as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    /// The sheet's name; for a csv file, the file's name.
    pub name: String,
    /// Whether the file has sheets at all (csv has not), for pointing at a cell.
    pub has_sheets: bool,
    /// The header row's cells by column, as typed.
    pub headers: Vec<String>,
    /// The column letter of the first column (`A` unless the sheet starts further right).
    pub first_column: u32,
    pub rows: Vec<Row>,
}

/// A row below the headers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The row's number as the spreadsheet program shows it (the header row is usually 1).
    pub number: u32,
    /// The cells as text, trimmed; one per header.
    pub cells: Vec<String>,
}

impl Sheet {
    /// The column letter (`A`, `B`, … `AA`) of the column at `index`.
    pub fn column_letter(&self, index: usize) -> String {
        column_letter(self.first_column as usize + index)
    }
}

/// `A` for 0, `Z` for 25, `AA` for 26.
pub fn column_letter(mut index: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// Every sheet of the spreadsheet at `path`, by its extension (xlsx, xlsm, xls, ods or csv).
pub fn read(path: &Path) -> Result<Vec<Sheet>, Message> {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match extension.as_str() {
        "csv" | "txt" => read_csv(path).map(|sheet| vec![sheet]),
        "xlsx" | "xlsm" | "xls" | "ods" => read_workbook(path),
        _ => Err(msg::IMPORT_UNKNOWN_FORMAT.arg("file", path.display())),
    }
}

fn unreadable(path: &Path, detail: impl std::fmt::Display) -> Message {
    msg::IMPORT_UNREADABLE
        .arg("file", path.display())
        .arg("detail", detail)
}

fn read_workbook(path: &Path) -> Result<Vec<Sheet>, Message> {
    let mut workbook = open_workbook_auto(path).map_err(|e| unreadable(path, e))?;
    let names = workbook.sheet_names();
    let mut sheets = Vec::new();
    for name in names {
        let range = workbook
            .worksheet_range(&name)
            .map_err(|e| unreadable(path, e))?;
        let (first_row, first_column) = range.start().unwrap_or((0, 0));
        let grid = range.rows().enumerate().map(|(offset, row)| {
            let number = first_row + 1 + offset as u32;
            (number, row.iter().map(cell_text).collect())
        });
        sheets.push(sheet_from_grid(name, true, first_column, grid));
    }
    Ok(sheets)
}

/// A cell as the text an editor sees: whole numbers without `.0`, dates as `YYYY-MM-DD`.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        // A workbook saved from an exported csv file keeps the csv's formula guards as text.
        Data::String(text) => read_cell(text.trim()).to_owned(),
        Data::Int(number) => number.to_string(),
        Data::Float(number) => float_text(*number),
        Data::Bool(yes) => yes.to_string(),
        Data::DateTime(date) if date.is_datetime() => {
            let serial = date.as_f64();
            date_from_serial(serial).map_or_else(|| float_text(serial), |date| date.to_string())
        }
        Data::DateTime(duration) => float_text(duration.as_f64()),
        Data::DateTimeIso(text) => text.get(..10).unwrap_or(text).to_owned(),
        Data::DurationIso(text) => text.clone(),
        Data::Error(error) => error.to_string(),
    }
}

/// Spreadsheets store every number as a float; a whole one is written without a fraction so
/// prices and phone numbers read as typed.
fn float_text(number: f64) -> String {
    if number.fract() == 0.0 && number.abs() < 1e15 {
        format!("{}", number as i64)
    } else {
        format!("{number}")
    }
}

/// The first non-empty row is the header row; empty rows below it are dropped. `grid` gives
/// each row with its number.
fn sheet_from_grid(
    name: String,
    has_sheets: bool,
    first_column: u32,
    grid: impl Iterator<Item = (u32, Vec<String>)>,
) -> Sheet {
    let mut headers: Option<Vec<String>> = None;
    let mut rows = Vec::new();
    for (number, cells) in grid {
        if cells.iter().all(|cell| cell.is_empty()) {
            continue;
        }
        match &headers {
            None => headers = Some(cells),
            Some(headers) => rows.push(Row {
                number,
                cells: fitted(cells, headers.len()),
            }),
        }
    }
    Sheet {
        name,
        has_sheets,
        headers: headers.unwrap_or_default(),
        first_column,
        rows,
    }
}

/// Exactly `width` cells: cells beyond the headers have no column to belong to.
fn fitted(mut cells: Vec<String>, width: usize) -> Vec<String> {
    cells.resize(width, String::new());
    cells
}

fn read_csv(path: &Path) -> Result<Sheet, Message> {
    let bytes = fs::read(path).map_err(|e| unreadable(path, e))?;
    let text = csv_text(&bytes);
    let delimiter = guess_delimiter(&text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut grid = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| unreadable(path, e))?;
        let start = record.position().map_or(0, |p| p.byte() as usize);
        let number = line_number(&text, start);
        grid.push((
            number,
            record
                .iter()
                .map(|cell| read_cell(cell.trim()).to_owned())
                .collect(),
        ));
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(sheet_from_grid(name, false, 0, grid.into_iter()))
}

/// The line a record starting at byte `start` is on: the row number a spreadsheet program
/// shows, unless a cell above holds several lines. The reader may report the start of blank
/// lines it skipped, so those are stepped over first.
fn line_number(text: &str, start: usize) -> u32 {
    let before = text.get(..start).unwrap_or(text);
    let skipped = text
        .get(start..)
        .unwrap_or_default()
        .bytes()
        .take_while(|b| *b == b'\n' || *b == b'\r')
        .filter(|b| *b == b'\n')
        .count();
    (before.matches('\n').count() + skipped + 1) as u32
}

/// UTF-8 (a BOM dropped), else Windows-1252, which Excel on Windows writes for "CSV".
fn csv_text(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => bytes.iter().map(|&b| windows_1252(b)).collect(),
    }
}

/// The character a Windows-1252 byte stands for (the bytes 0x80–0x9F differ from Latin-1).
fn windows_1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9f => HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

/// Spreadsheet programs set to Indonesian write `;` between cells, since `,` is their decimal
/// comma; the header line tells which one this file uses.
fn guess_delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or_default();
    let count = |c: char| header.matches(c).count();
    if count(';') > count(',') {
        b';'
    } else if count('\t') > count(',') {
        b'\t'
    } else {
        b','
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_run_past_z() {
        let letters: Vec<String> = [0, 1, 25, 26, 27, 51, 52, 701, 702]
            .into_iter()
            .map(column_letter)
            .collect();
        assert_eq!(
            letters,
            ["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]
        );
    }

    #[test]
    fn whole_floats_lose_their_fraction() {
        assert_eq!(float_text(50000.0), "50000");
        assert_eq!(float_text(81234567890.0), "81234567890");
        assert_eq!(float_text(50000.5), "50000.5");
    }

    #[test]
    fn csv_with_semicolons_and_a_bom_reads_as_cells() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("produk.csv");
        let text =
            "\u{feff}nama_id;harga\n\n Onde-onde ;\"Rp 50.000,-\"\n;;\nKeripik;12000;extra\n";
        fs::write(&path, text).unwrap();
        let sheet = read_csv(&path).unwrap();
        assert_eq!(sheet.name, "produk.csv");
        assert_eq!(sheet.headers, ["nama_id", "harga"]);
        let rows: Vec<(u32, Vec<&str>)> = sheet
            .rows
            .iter()
            .map(|r| (r.number, r.cells.iter().map(String::as_str).collect()))
            .collect();
        assert_eq!(
            rows,
            [
                (3, vec!["Onde-onde", "Rp 50.000,-"]),
                (5, vec!["Keripik", "12000"])
            ]
        );
    }

    #[test]
    fn csv_in_windows_1252_is_decoded() {
        assert_eq!(csv_text(b"Kue caf\xe9 \x80 5"), "Kue café € 5");
        assert_eq!(csv_text("Kué".as_bytes()), "Kué");
    }
}
