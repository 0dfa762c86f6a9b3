//! Spreadsheet files -> sheets of text cells: xlsx and ods through calamine, csv through csv.
//! Rows keep the numbers the office sees in its spreadsheet program, and columns their letters,
//! so every problem can be pointed at. A text cell guarded against running as a formula
//! (`'+62…`, see `layout::csv_cell`) is read without its guard.

use std::fs;
use std::path::Path;

use calamine::{open_workbook_auto, Data, Reader, Sheets};

use super::columns;
use super::layout::read_cell;
use super::limits::{self, CellLimits, Next, Place};
use super::report::Problem;
use super::values::date_from_serial;
use crate::config::SpreadsheetLimits;
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
    /// The header row's number as the spreadsheet program shows it (0: the sheet is empty).
    pub header_row: u32,
    /// The first row of a title block above the header row, which was not read, if any.
    pub title_row: Option<u32>,
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

/// Why a spreadsheet was not read.
#[derive(Debug)]
pub enum NotRead {
    /// Not a spreadsheet, or not one that can be read: a usage error.
    Usage(Message),
    /// Beyond the limits of `limits:` (or a zip bomb): content errors, all of them.
    Refused(Vec<Problem>),
}

/// Every sheet of the spreadsheet at `path`, by its extension (xlsx, xlsm, ods or csv),
/// held to `limits` before and while it is read.
pub fn read(path: &Path, limits: &SpreadsheetLimits) -> Result<Vec<Sheet>, NotRead> {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let file = super::display_name(path);
    let place = Place {
        file: &file,
        sheet: None,
    };
    match extension.as_str() {
        "csv" | "txt" => read_csv(path, &place, limits).map(|sheet| vec![sheet]),
        // calamine reads an .xls file whole when it opens it, each sheet as a full grid: two
        // cells at A1 and IV65536 of a tiny file make 16.7 million cells (537 MB) per sheet,
        // and no limit can be checked first. Excel and LibreOffice save .xlsx instead.
        "xls" => Err(NotRead::Usage(
            msg::IMPORT_XLS_NOT_READ.arg("file", path.display()),
        )),
        "xlsx" | "xlsm" | "ods" => {
            limits::check_zip(path, &place, limits).map_err(NotRead::Refused)?;
            read_workbook(path, &place, limits)
        }
        _ => Err(NotRead::Usage(
            msg::IMPORT_UNKNOWN_FORMAT.arg("file", path.display()),
        )),
    }
}

fn unreadable(path: &Path, detail: impl std::fmt::Display) -> NotRead {
    NotRead::Usage(
        msg::IMPORT_UNREADABLE
            .arg("file", path.display())
            .arg("detail", detail),
    )
}

/// The sheets of a workbook. xlsx sheets are read cell by cell, so that a sheet reaching
/// far down or to the right is refused without building its whole grid; ods sheets come whole
/// from calamine, after `limits::check_zip` measured their reach.
fn read_workbook(
    path: &Path,
    place: &Place,
    limits: &SpreadsheetLimits,
) -> Result<Vec<Sheet>, NotRead> {
    let workbook = open_workbook_auto(path).map_err(|e| unreadable(path, e))?;
    let mut sheets = Vec::new();
    let mut problems = Vec::new();
    let names = workbook.sheet_names();
    match workbook {
        Sheets::Xlsx(mut xlsx) => {
            for name in names {
                let mut cells = CellLimits::new(place.in_sheet(&name), *limits);
                read_xlsx_cells(&mut xlsx, &name, &mut cells).map_err(|e| unreadable(path, e))?;
                keep_sheet(name.clone(), cells, &mut sheets, &mut problems);
            }
        }
        mut workbook => {
            for name in names {
                let range = workbook
                    .worksheet_range(&name)
                    .map_err(|e| unreadable(path, e))?;
                let mut cells = CellLimits::new(place.in_sheet(&name), *limits);
                read_range_cells(&range, &mut cells);
                keep_sheet(name.clone(), cells, &mut sheets, &mut problems);
            }
        }
    }
    if problems.is_empty() {
        Ok(sheets)
    } else {
        Err(NotRead::Refused(problems))
    }
}

/// An xlsx sheet's cells, one at a time from the file, into `cells`.
fn read_xlsx_cells<RS: std::io::Read + std::io::Seek>(
    xlsx: &mut calamine::Xlsx<RS>,
    name: &str,
    cells: &mut CellLimits,
) -> Result<(), calamine::XlsxError> {
    let date1904 = xlsx.has_1904_epoch();
    let mut reader = xlsx.worksheet_cells_reader(name)?;
    while let Some(cell) = reader.next_cell()? {
        let (row, column) = cell.get_position();
        let text = cell_text(&Data::from(cell.get_value().clone()), date1904);
        if cells.push(row, column, text) == Next::Stop {
            break;
        }
    }
    Ok(())
}

/// The cells of a sheet calamine read whole (ods), into `cells`.
fn read_range_cells(range: &calamine::Range<Data>, cells: &mut CellLimits) {
    let (first_row, first_column) = range.start().unwrap_or((0, 0));
    for (row, column, value) in range.used_cells() {
        let row = first_row.saturating_add(row as u32);
        let column = first_column.saturating_add(column as u32);
        if cells.push(row, column, cell_text(value, false)) == Next::Stop {
            break;
        }
    }
}

/// The sheet read into `cells`, or the limits it broke.
fn keep_sheet(
    name: String,
    cells: CellLimits,
    sheets: &mut Vec<Sheet>,
    problems: &mut Vec<Problem>,
) {
    match cells.finish() {
        Ok((first_column, grid)) => {
            sheets.push(sheet_from_grid(name, true, first_column, grid.into_iter()));
        }
        Err(broken) => problems.extend(broken),
    }
}

/// A cell as the text an editor sees: whole numbers without `.0`, dates as `YYYY-MM-DD`
/// (counted from 1904-01-01 in a workbook saved with the 1904 date system, `date1904`).
fn cell_text(cell: &Data, date1904: bool) -> String {
    match cell {
        Data::Empty => String::new(),
        // A workbook saved from an exported csv file keeps the csv's formula guards as text.
        Data::String(text) => read_cell(text.trim()).to_owned(),
        Data::Int(number) => number.to_string(),
        Data::Float(number) => float_text(*number),
        Data::Bool(yes) => yes.to_string(),
        Data::DateTime(date) if date.is_datetime() => {
            let serial = date.as_f64();
            let since_1900 = if date1904 {
                serial + DAYS_FROM_1900_TO_1904
            } else {
                serial
            };
            date_from_serial(since_1900).map_or_else(|| float_text(serial), |date| date.to_string())
        }
        Data::DateTime(duration) => float_text(duration.as_f64()),
        Data::DateTimeIso(text) => text.get(..10).unwrap_or(text).to_owned(),
        Data::DurationIso(text) => text.clone(),
        Data::Error(error) => error.to_string(),
    }
}

/// Serial day 0 of the 1904 date system (1904-01-01) is day 1462 of the 1900 one.
const DAYS_FROM_1900_TO_1904: f64 = 1462.0;

/// Spreadsheets store every number as a float; a whole one is written without a fraction so
/// prices and phone numbers read as typed.
fn float_text(number: f64) -> String {
    if number.fract() == 0.0 && number.abs() < 1e15 {
        format!("{}", number as i64)
    } else {
        format!("{number}")
    }
}

/// How far down the header row is looked for, in rows that hold something: an office's
/// title block (the list's title, a date, the office's name) is two to five rows.
const MAX_TITLE_ROWS: usize = 10;

/// The header row is the first row that names known columns (two of them if any row of the
/// first [`MAX_TITLE_ROWS`] does, else one); without one, the first row that holds anything.
/// Rows above it (a title block) and empty rows are dropped. `grid` gives each row with its
/// number.
fn sheet_from_grid(
    name: String,
    has_sheets: bool,
    first_column: u32,
    grid: impl Iterator<Item = (u32, Vec<String>)>,
) -> Sheet {
    let filled: Vec<(u32, Vec<String>)> = grid
        .filter(|(_, cells)| cells.iter().any(|cell| !cell.is_empty()))
        .collect();
    let header_at = header_index(&filled);
    let title_row = (header_at > 0).then(|| filled[0].0);
    let mut below = filled.into_iter().skip(header_at);
    let (header_row, headers) = below.next().unwrap_or_default();
    let rows = below
        .map(|(number, cells)| Row {
            number,
            cells: fitted(cells, headers.len()),
        })
        .collect();
    Sheet {
        name,
        has_sheets,
        headers,
        header_row,
        title_row,
        first_column,
        rows,
    }
}

/// Which of the rows (all holding something) is the header row.
fn header_index(rows: &[(u32, Vec<String>)]) -> usize {
    let known = |cells: &[String]| cells.iter().filter(|c| columns::is_known_header(c)).count();
    let first_with = |at_least: usize| {
        rows.iter()
            .take(MAX_TITLE_ROWS)
            .position(|(_, cells)| known(cells) >= at_least)
    };
    first_with(2).or_else(|| first_with(1)).unwrap_or(0)
}

/// Exactly `width` cells: cells beyond the headers have no column to belong to.
fn fitted(mut cells: Vec<String>, width: usize) -> Vec<String> {
    cells.resize(width, String::new());
    cells
}

/// A csv file as one sheet, held to the size limit before it is read and to the cell and row
/// limits while it is.
fn read_csv(path: &Path, place: &Place, limits: &SpreadsheetLimits) -> Result<Sheet, NotRead> {
    limits::check_file_size(path, place, limits).map_err(NotRead::Refused)?;
    let bytes = fs::read(path).map_err(|e| unreadable(path, e))?;
    let text = csv_text(&bytes);
    drop(bytes);
    let delimiter = guess_delimiter(&text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut cells = CellLimits::new(*place, *limits);
    let mut lines = Lines::default();
    'records: for record in reader.records() {
        let record = record.map_err(|e| unreadable(path, e))?;
        let start = record.position().map_or(0, |p| p.byte() as usize);
        let number = lines.number_at(&text, start);
        for (column, cell) in record.iter().enumerate() {
            let text = read_cell(cell.trim()).to_owned();
            let column = u32::try_from(column).unwrap_or(u32::MAX);
            if cells.push(number - 1, column, text) == Next::Stop {
                break 'records;
            }
        }
    }
    let (first_column, grid) = cells.finish().map_err(NotRead::Refused)?;
    Ok(sheet_from_grid(
        place.file.to_owned(),
        false,
        first_column,
        grid.into_iter(),
    ))
}

/// Line numbers of the records of a csv text, counted as the reader goes on, so a file is
/// scanned once however many records it has.
#[derive(Debug, Default)]
struct Lines {
    /// The byte up to which newlines were counted, and how many there were.
    counted_to: usize,
    newlines: usize,
}

impl Lines {
    /// The line a record starting at byte `start` is on: the row number a spreadsheet program
    /// shows, unless a cell above holds several lines. The reader may report the start of
    /// blank lines it skipped, so those are stepped over first. Starts never go backwards.
    fn number_at(&mut self, text: &str, start: usize) -> u32 {
        let start = start.clamp(self.counted_to, text.len());
        let between = text
            .as_bytes()
            .get(self.counted_to..start)
            .unwrap_or_default();
        self.newlines += between.iter().filter(|b| **b == b'\n').count();
        self.counted_to = start;
        let skipped = text.as_bytes()[start..]
            .iter()
            .take_while(|b| **b == b'\n' || **b == b'\r')
            .filter(|b| **b == b'\n')
            .count();
        u32::try_from(self.newlines + skipped + 1).unwrap_or(u32::MAX)
    }
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
        let place = Place {
            file: "produk.csv",
            sheet: None,
        };
        let sheet = read_csv(&path, &place, &SpreadsheetLimits::default()).unwrap();
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
    fn the_header_row_is_the_first_naming_known_columns() {
        let grid = |rows: &[(u32, &[&str])]| {
            rows.iter()
                .map(|(n, cells)| (*n, cells.iter().map(|c| c.to_string()).collect()))
                .collect::<Vec<(u32, Vec<String>)>>()
                .into_iter()
        };
        let titled = grid(&[
            (1, &["DAFTAR USAHA UKM KOTA MOJOKERTO 2025"]),
            (2, &["Usaha", "per 1 Juni 2025"]),
            (3, &["", ""]),
            (4, &["No", "Nama Usaha", "Jenis"]),
            (5, &[]),
            (6, &["1", "Batik Sekar", "UKM"]),
        ]);
        let sheet = sheet_from_grid("Usaha".into(), true, 0, titled);
        assert_eq!(sheet.headers, ["No", "Nama Usaha", "Jenis"]);
        assert_eq!((sheet.header_row, sheet.title_row), (4, Some(1)));
        let numbers: Vec<u32> = sheet.rows.iter().map(|r| r.number).collect();
        assert_eq!(numbers, [6]);

        // No row names a known column: the first row holding something is the header row.
        let unknown = grid(&[(2, &["Catatan", "Tanggal rapat"]), (3, &["a", "b"])]);
        let sheet = sheet_from_grid("Catatan".into(), true, 0, unknown);
        assert_eq!((sheet.header_row, sheet.title_row), (2, None));
        assert_eq!(sheet.rows.len(), 1);
    }

    #[test]
    fn old_excel_files_are_refused_with_a_way_out() {
        let Err(NotRead::Usage(message)) =
            read(Path::new("katalog.xls"), &SpreadsheetLimits::default())
        else {
            panic!("an .xls file was read");
        };
        assert!(message.is(&msg::IMPORT_XLS_NOT_READ));
        assert!(message
            .render(msg::Lang::Id)
            .contains("simpan sebagai .xlsx"));
    }

    #[test]
    fn csv_in_windows_1252_is_decoded() {
        assert_eq!(csv_text(b"Kue caf\xe9 \x80 5"), "Kue café € 5");
        assert_eq!(csv_text("Kué".as_bytes()), "Kué");
    }
}
