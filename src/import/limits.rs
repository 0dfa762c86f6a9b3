//! The limits a spreadsheet is held to, so that no file can take the office's computer down:
//! an xlsx or ods file is a zip archive, checked part by part before anything reads it (how
//! many parts, how big they unpack, how tightly they are packed, and for ods how far its
//! repeated rows and cells reach); then, while the sheets are read, every cell's length, the
//! last row and the last column (`CellLimits`). The limits come from `limits:` in
//! catalogue.yaml (`SpreadsheetLimits`), except the part and column counts, which no real
//! catalogue comes near.

use std::fs::File;
use std::io::{self, BufReader, Read};
use std::path::Path;

use quick_xml::events::{BytesStart, Event};

use super::report::{CellAt, Problem};
use super::sheet::column_letter;
use crate::config::SpreadsheetLimits;
use crate::messages::{self as msg, Message};

/// At most this many parts in a workbook. The import template has 13; pictures pasted into a
/// workbook are a part each, so this still allows thousands.
pub const MAX_PARTS: usize = 10_000;

/// At most this many columns are read. The products sheet, the widest of the layout, knows
/// about two dozen columns; the rest is room for the office's own notes.
pub const MAX_COLUMNS: u32 = 128;

/// A part that unpacks to over this many times its packed size is a zip bomb. Measured: the
/// template's parts pack 2 to 6 times smaller, 50,000 rows × 30 text cells 19 times
/// (`bench/spreadsheet_bomb.py --rows`), a cell of one letter repeated about 1,000 times.
const BOMB_RATIO: u64 = 200;

/// Parts smaller than this unpacked are never called bombs: tiny parts of repeated markup
/// can pack very tightly, and unpacking them costs nothing.
const BOMB_MIN_BYTES: u64 = 1024 * 1024;

/// Bytes counted for each cell of a sheet besides its text, when an ods sheet's repeated
/// cells are added up: what a cell takes in memory once read (calamine's `Data` is 32 bytes).
const CELL_OVERHEAD_BYTES: u64 = 32;

/// The spreadsheet being read, as problems name it.
#[derive(Debug, Clone, Copy)]
pub struct Place<'a> {
    pub file: &'a str,
    pub sheet: Option<&'a str>,
}

impl<'a> Place<'a> {
    fn at(&self, row: u32, column: Option<u32>) -> CellAt {
        CellAt {
            file: self.file.to_owned(),
            sheet: self.sheet.map(str::to_owned),
            row,
            column: column.map(|c| (column_letter(c as usize), String::new())),
        }
    }

    fn whole_file(&self) -> CellAt {
        Place {
            sheet: None,
            ..*self
        }
        .at(0, None)
    }

    /// The same file, at the sheet `sheet`.
    pub fn in_sheet<'b>(&self, sheet: &'b str) -> Place<'b>
    where
        'a: 'b,
    {
        Place {
            file: self.file,
            sheet: Some(sheet),
        }
    }
}

fn spreadsheet_too_big(place: &Place, message: Message) -> Problem {
    Problem::error(place.whole_file(), message).with_hint(&msg::IMPORT_SPREADSHEET_MB_HINT)
}

fn megabytes(limits: &SpreadsheetLimits) -> u64 {
    limits.max_bytes / (1024 * 1024)
}

/// A file read whole (csv) may be at most `max_spreadsheet_mb`, measured before reading.
pub fn check_file_size(
    path: &Path,
    place: &Place,
    limits: &SpreadsheetLimits,
) -> Result<(), Vec<Problem>> {
    let size = std::fs::metadata(path).map_or(0, |m| m.len());
    if size <= limits.max_bytes {
        return Ok(());
    }
    let message = msg::IMPORT_FILE_TOO_BIG.arg("limit", megabytes(limits));
    Err(vec![spreadsheet_too_big(place, message)])
}

/// Checks the zip archive of an xlsx or ods file before any of it is parsed: the number of
/// parts, their sizes as declared and as really unpacked (never trusting the declaration),
/// how tightly each is packed, and for ods the reach of its repeated rows and cells. A file
/// that is no zip archive passes: the spreadsheet reader then says what is wrong with it.
pub fn check_zip(
    path: &Path,
    place: &Place,
    limits: &SpreadsheetLimits,
) -> Result<(), Vec<Problem>> {
    let Ok(file) = File::open(path) else {
        return Ok(());
    };
    let Ok(mut archive) = zip::ZipArchive::new(BufReader::new(file)) else {
        return Ok(());
    };
    check_part_count(&archive, place)?;
    check_unpacked(&mut archive, place, limits)?;
    if let Ok(content) = archive.by_name("content.xml") {
        let problems = ods_reach(BufReader::new(content), place, limits);
        if !problems.is_empty() {
            return Err(problems);
        }
    }
    Ok(())
}

type Archive = zip::ZipArchive<BufReader<File>>;

fn check_part_count(archive: &Archive, place: &Place) -> Result<(), Vec<Problem>> {
    if archive.len() <= MAX_PARTS {
        return Ok(());
    }
    let message = msg::IMPORT_TOO_MANY_PARTS
        .arg("count", archive.len())
        .arg("limit", MAX_PARTS);
    let problem =
        Problem::error(place.whole_file(), message).with_hint(&msg::IMPORT_PACKED_TOO_TIGHT_HINT);
    Err(vec![problem])
}

/// The parts' sizes as the archive declares them, then as they really unpack.
fn check_unpacked(
    archive: &mut Archive,
    place: &Place,
    limits: &SpreadsheetLimits,
) -> Result<(), Vec<Problem>> {
    let too_big = || {
        let message = msg::IMPORT_UNPACKS_TOO_BIG.arg("limit", megabytes(limits));
        vec![spreadsheet_too_big(place, message)]
    };
    let declared = (0..archive.len())
        .filter_map(|index| archive.by_index_raw(index).ok().map(|part| part.size()))
        .fold(0u64, u64::saturating_add);
    if declared > limits.max_bytes {
        return Err(too_big());
    }
    let mut unpacked = 0u64;
    for index in 0..archive.len() {
        let Ok(part) = archive.by_index(index) else {
            // A part that cannot be opened is the spreadsheet reader's to report.
            continue;
        };
        let name = part.name().map(|n| n.into_owned()).unwrap_or_default();
        let packed = part.compressed_size();
        match unpacked_size(part, limits.max_bytes - unpacked, packed) {
            Unpacked::Within(size) => unpacked += size,
            Unpacked::OverAllowance => return Err(too_big()),
            Unpacked::Bomb => {
                let message = msg::IMPORT_PACKED_TOO_TIGHT
                    .arg("part", name)
                    .arg("ratio", BOMB_RATIO);
                let problem = Problem::error(place.whole_file(), message)
                    .with_hint(&msg::IMPORT_PACKED_TOO_TIGHT_HINT);
                return Err(vec![problem]);
            }
        }
    }
    Ok(())
}

/// What unpacking one part found.
#[derive(Debug, PartialEq, Eq)]
enum Unpacked {
    Within(u64),
    OverAllowance,
    Bomb,
}

/// Unpacks `part` into nothing, counting, and stops as soon as it passes `allowance` or
/// proves to be packed more tightly than [`BOMB_RATIO`].
fn unpacked_size(mut part: impl Read, allowance: u64, packed: u64) -> Unpacked {
    let mut buffer = vec![0u8; 64 * 1024];
    let mut size = 0u64;
    loop {
        let read = match part.read(&mut buffer) {
            Ok(0) => return Unpacked::Within(size),
            Ok(read) => read as u64,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
            // A damaged part is the spreadsheet reader's to report.
            Err(_) => return Unpacked::Within(size),
        };
        size += read;
        if size > allowance {
            return Unpacked::OverAllowance;
        }
        if size > BOMB_MIN_BYTES && size > packed.saturating_mul(BOMB_RATIO) {
            return Unpacked::Bomb;
        }
    }
}

/// Where an ods sheet's rows and cells reach once their `number-rows-repeated` and
/// `number-columns-repeated` are applied, and how long its cells are, read as a stream so
/// that nothing is expanded: problems for every limit broken (one of each kind per sheet).
fn ods_reach(content: impl io::BufRead, place: &Place, limits: &SpreadsheetLimits) -> Vec<Problem> {
    let mut reader = quick_xml::Reader::from_reader(content);
    let mut scan = OdsScan::new(*place, *limits);
    let mut buffer = Vec::new();
    loop {
        let event = match reader.read_event_into(&mut buffer) {
            Ok(Event::Eof) | Err(_) => break,
            Ok(event) => event,
        };
        match event {
            Event::Start(element) => scan.open(&element, false),
            Event::Empty(element) => scan.open(&element, true),
            Event::End(element) => scan.close(element.name().into_inner()),
            Event::Text(text) => scan.text(&text),
            Event::CData(text) => scan.text(&text),
            _ => {}
        }
        if scan.stop {
            break;
        }
        buffer.clear();
    }
    scan.problems
}

/// The running count of an ods stream: the sheet, row and cell being read.
struct OdsScan<'a> {
    place: Place<'a>,
    limits: SpreadsheetLimits,
    sheet: String,
    /// Rows before the current one (repeats applied).
    row: u64,
    row_repeats: u64,
    /// Columns before the current cell in this row (repeats applied).
    column: u64,
    /// The column just after the last cell with content in this row.
    row_reach: u64,
    /// The bytes this row holds once its repeated cells are expanded.
    row_bytes: u64,
    in_cell: bool,
    cell_repeats: u64,
    cell_has_value: bool,
    cell_chars: u64,
    /// The bytes all sheets hold once expanded.
    expanded: u64,
    reported: Vec<&'static msg::Template>,
    problems: Vec<Problem>,
    /// Set once the whole file is refused: reading further only repeats it.
    stop: bool,
}

impl<'a> OdsScan<'a> {
    fn new(place: Place<'a>, limits: SpreadsheetLimits) -> Self {
        OdsScan {
            place,
            limits,
            sheet: String::new(),
            row: 0,
            row_repeats: 1,
            column: 0,
            row_reach: 0,
            row_bytes: 0,
            in_cell: false,
            cell_repeats: 1,
            cell_has_value: false,
            cell_chars: 0,
            expanded: 0,
            reported: Vec::new(),
            problems: Vec::new(),
            stop: false,
        }
    }

    fn open(&mut self, element: &BytesStart, empty: bool) {
        match element.name().into_inner() {
            "table:table" => {
                self.sheet = attribute(element, "table:name").unwrap_or_default();
                self.row = 0;
                self.reported.clear();
            }
            "table:table-row" => {
                self.row_repeats = repeats(element, "table:number-rows-repeated");
                self.column = 0;
                self.row_reach = 0;
                self.row_bytes = 0;
                if empty {
                    self.close("table:table-row");
                }
            }
            "table:table-cell" | "table:covered-table-cell" => {
                self.in_cell = true;
                self.cell_repeats = repeats(element, "table:number-columns-repeated");
                self.cell_has_value = attribute(element, "office:value-type").is_some();
                self.cell_chars = 0;
                if empty {
                    self.close("table:table-cell");
                }
            }
            _ => {}
        }
    }

    /// Text in a cell, as written in the file: an entity such as `&amp;` counts as its
    /// letters, which only errs on the side of the limit.
    fn text(&mut self, raw: &str) {
        if self.in_cell {
            self.cell_chars += raw.chars().count() as u64;
        }
    }

    fn close(&mut self, name: &str) {
        match name {
            "table:table-cell" | "table:covered-table-cell" => self.close_cell(),
            "table:table-row" => self.close_row(),
            _ => {}
        }
    }

    fn close_cell(&mut self) {
        self.in_cell = false;
        let has_content = self.cell_has_value || self.cell_chars > 0;
        if has_content {
            if self.cell_chars > self.limits.max_cell_chars as u64 {
                let at = self.at(self.row + 1, Some(self.column));
                let message = msg::IMPORT_CELL_TOO_LONG
                    .arg("chars", self.cell_chars)
                    .arg("limit", self.limits.max_cell_chars);
                self.problems
                    .push(Problem::error(at, message).with_hint(&msg::IMPORT_CELL_TOO_LONG_HINT));
            }
            self.row_reach = self.column.saturating_add(self.cell_repeats);
            let cell_bytes = self.cell_chars.saturating_add(CELL_OVERHEAD_BYTES);
            self.row_bytes = self
                .row_bytes
                .saturating_add(cell_bytes.saturating_mul(self.cell_repeats));
        }
        self.column = self.column.saturating_add(self.cell_repeats);
    }

    fn close_row(&mut self) {
        if self.row_reach > 0 {
            let last_row = self.row.saturating_add(self.row_repeats);
            if last_row > u64::from(self.limits.max_sheet_rows) {
                let limit = self.limits.max_sheet_rows;
                let problem = too_many_rows(&self.place.in_sheet(&self.sheet), limit);
                self.report_once(&msg::IMPORT_TOO_MANY_ROWS, problem);
            }
            if self.row_reach > u64::from(MAX_COLUMNS) {
                let problem = too_many_columns(&self.place.in_sheet(&self.sheet), self.row + 1);
                self.report_once(&msg::IMPORT_TOO_MANY_COLUMNS, problem);
            }
            let bytes = self.row_bytes.saturating_mul(self.row_repeats);
            self.expanded = self.expanded.saturating_add(bytes);
            if self.expanded > self.limits.max_bytes {
                let message = msg::IMPORT_UNPACKS_TOO_BIG.arg("limit", megabytes(&self.limits));
                self.problems
                    .push(spreadsheet_too_big(&self.place, message));
                self.stop = true;
            }
        }
        self.row = self.row.saturating_add(self.row_repeats);
    }

    fn at(&self, row: u64, column: Option<u64>) -> CellAt {
        let row = u32::try_from(row).unwrap_or(u32::MAX);
        let column = column.map(|c| u32::try_from(c).unwrap_or(u32::MAX));
        self.place.in_sheet(&self.sheet).at(row, column)
    }

    fn report_once(&mut self, kind: &'static msg::Template, problem: Problem) {
        if !self.reported.contains(&kind) {
            self.reported.push(kind);
            self.problems.push(problem);
        }
    }
}

/// An attribute's value as text, if the element has it.
fn attribute(element: &BytesStart, name: &str) -> Option<String> {
    let attribute = element.try_get_attribute(name).ok()??;
    Some(attribute.value.into_owned())
}

/// A `number-…-repeated` count; a missing or unreadable one counts as 1, as in calamine.
fn repeats(element: &BytesStart, name: &str) -> u64 {
    attribute(element, name)
        .and_then(|value| value.trim().parse::<u64>().ok())
        .unwrap_or(1)
        .max(1)
}

fn too_many_rows(place: &Place, limit: u32) -> Problem {
    let message = msg::IMPORT_TOO_MANY_ROWS.arg("limit", limit);
    Problem::error(place.at(0, None), message).with_hint(&msg::IMPORT_TOO_MANY_ROWS_HINT)
}

fn too_many_columns(place: &Place, row: u64) -> Problem {
    let message = msg::IMPORT_TOO_MANY_COLUMNS
        .arg("column", column_letter(MAX_COLUMNS as usize - 1))
        .arg("limit", MAX_COLUMNS);
    let row = u32::try_from(row).unwrap_or(u32::MAX);
    Problem::error(place.at(row, None), message).with_hint(&msg::IMPORT_TOO_MANY_COLUMNS_HINT)
}

/// A sheet's cells as they are read one by one, held to the cell, row and column limits.
/// Empty cells are not kept; a sheet that goes on past the row limit stops being read.
pub struct CellLimits<'a> {
    place: Place<'a>,
    limits: SpreadsheetLimits,
    /// The cells kept, by row and column (both counted from 0).
    /// Kept as they come (readers give them row by row, left to right); put in order at the
    /// end. A map per row cost three times the memory of the cells' text.
    rows: Vec<(u32, Vec<(u32, String)>)>,
    problems: Vec<Problem>,
    too_wide: bool,
}

/// A row's number as the spreadsheet program shows it, and its cells from the sheet's first
/// column.
pub type NumberedRow = (u32, Vec<String>);

/// Whether to go on reading the sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Next {
    Continue,
    Stop,
}

impl<'a> CellLimits<'a> {
    pub fn new(place: Place<'a>, limits: SpreadsheetLimits) -> Self {
        CellLimits {
            place,
            limits,
            rows: Vec::new(),
            problems: Vec::new(),
            too_wide: false,
        }
    }

    /// Takes the cell at `row`, `column` (counted from 0), unless it breaks a limit.
    pub fn push(&mut self, row: u32, column: u32, text: String) -> Next {
        if text.is_empty() {
            return Next::Continue;
        }
        if row >= self.limits.max_sheet_rows {
            let limit = self.limits.max_sheet_rows;
            self.problems.push(too_many_rows(&self.place, limit));
            return Next::Stop;
        }
        if column >= MAX_COLUMNS {
            if !self.too_wide {
                self.too_wide = true;
                let problem = too_many_columns(&self.place, u64::from(row) + 1);
                self.problems.push(problem);
            }
            return Next::Continue;
        }
        let chars = text.chars().count();
        if chars > self.limits.max_cell_chars {
            let message = msg::IMPORT_CELL_TOO_LONG
                .arg("chars", chars)
                .arg("limit", self.limits.max_cell_chars);
            let at = self.place.at(row + 1, Some(column));
            self.problems
                .push(Problem::error(at, message).with_hint(&msg::IMPORT_CELL_TOO_LONG_HINT));
            return Next::Continue;
        }
        match self.rows.last_mut() {
            Some((last, cells)) if *last == row => cells.push((column, text)),
            _ => self.rows.push((row, vec![(column, text)])),
        }
        Next::Continue
    }

    /// The rows kept, each with its number as the spreadsheet program shows it, from the
    /// first column holding a value; or the problems found.
    pub fn finish(self) -> Result<(u32, Vec<NumberedRow>), Vec<Problem>> {
        if !self.problems.is_empty() {
            return Err(self.problems);
        }
        let rows = in_order(self.rows);
        let first = rows
            .iter()
            .filter_map(|(_, cells)| cells.first().map(|(column, _)| *column))
            .min()
            .unwrap_or(0);
        let grid = rows
            .into_iter()
            .map(|(row, cells)| {
                let width = cells.last().map_or(0, |(last, _)| last + 1 - first);
                let mut texts = vec![String::new(); width as usize];
                for (column, text) in cells {
                    texts[(column - first) as usize] = text;
                }
                (row + 1, texts)
            })
            .collect();
        Ok((first, grid))
    }
}

/// Rows by number and cells by column; of a row or a cell given twice (which a hand-made
/// file can do), the later one wins, as in a spreadsheet program.
fn in_order(mut rows: Vec<(u32, Vec<(u32, String)>)>) -> Vec<(u32, Vec<(u32, String)>)> {
    rows.sort_by_key(|(row, _)| *row);
    let mut merged: Vec<(u32, Vec<(u32, String)>)> = Vec::with_capacity(rows.len());
    for (row, cells) in rows {
        match merged.last_mut() {
            Some((last, kept)) if *last == row => kept.extend(cells),
            _ => merged.push((row, cells)),
        }
    }
    for (_, cells) in &mut merged {
        // Stable: of two cells in one column, the later stays last, and `dedup` keeps the
        // first of a run, so the run is reversed first.
        cells.reverse();
        cells.sort_by_key(|(column, _)| *column);
        cells.dedup_by_key(|(column, _)| *column);
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::Lang;

    fn small() -> SpreadsheetLimits {
        SpreadsheetLimits {
            max_bytes: 1024 * 1024 * 1024,
            max_cell_chars: 10,
            max_sheet_rows: 5,
        }
    }

    const PLACE: Place = Place {
        file: "katalog.ods",
        sheet: None,
    };

    fn rendered(problems: &[Problem]) -> Vec<String> {
        problems.iter().map(|p| p.render(Lang::En)).collect()
    }

    #[test]
    fn unpacking_stops_at_the_allowance_and_at_a_bomb() {
        let zeros = io::repeat(0).take(10 * 1024 * 1024);
        assert_eq!(
            unpacked_size(zeros, 1024, 1_000_000),
            Unpacked::OverAllowance
        );
        let zeros = io::repeat(0).take(10 * 1024 * 1024);
        assert_eq!(unpacked_size(zeros, u64::MAX, 10_000), Unpacked::Bomb);
        let zeros = io::repeat(0).take(2 * 1024 * 1024);
        assert_eq!(
            unpacked_size(zeros, u64::MAX, 1024 * 1024),
            Unpacked::Within(2 * 1024 * 1024)
        );
    }

    #[test]
    fn ods_repeats_are_counted_without_expanding() {
        let content = r#"<office:document-content><office:body><office:spreadsheet>
            <table:table table:name="Produk">
              <table:table-row><table:table-cell office:value-type="string"><text:p>nama</text:p></table:table-cell></table:table-row>
              <table:table-row table:number-rows-repeated="1000000"><table:table-cell table:number-columns-repeated="3"/><table:table-cell office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell></table:table-row>
              <table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>
            </table:table>
            <table:table table:name="Usaha">
              <table:table-row><table:table-cell table:number-columns-repeated="200"/><table:table-cell office:value-type="string"><text:p>jauh sekali di kanan</text:p></table:table-cell></table:table-row>
            </table:table></office:spreadsheet></office:body></office:document-content>"#;
        let problems = ods_reach(content.as_bytes(), &PLACE, &small());
        assert_eq!(
            rendered(&problems),
            [
                "error: katalog.ods, sheet `Produk`: the sheet goes on past row 5; a sheet may have at most 5 rows\n  hint: delete the empty or unused rows at the bottom, split the sheet into several files, or raise `limits.max_sheet_rows` in catalogue.yaml",
                "error: katalog.ods, sheet `Usaha`, row 1, column GS: the cell holds 20 characters; a cell may hold at most 10\n  hint: long descriptions belong in the entry's id.md and en.md; or raise `limits.max_cell_chars` in catalogue.yaml",
                "error: katalog.ods, sheet `Usaha`, row 1: the sheet has values past column DX; etalase reads at most 128 columns\n  hint: the import's columns are listed in docs/import.md; delete the columns far to the right",
            ]
        );
    }

    #[test]
    fn ods_repeated_text_counts_its_expanded_size() {
        let cell = format!(
            r#"<table:table-cell table:number-columns-repeated="100" office:value-type="string"><text:p>{}</text:p></table:table-cell>"#,
            "x".repeat(10)
        );
        let content = format!(
            r#"<table:table table:name="Produk"><table:table-row table:number-rows-repeated="5">{cell}</table:table-row><table:table-row table:number-rows-repeated="1000000000">{cell}</table:table-row></table:table>"#
        );
        let limits = SpreadsheetLimits {
            max_bytes: 4 * 1024 * 1024,
            max_sheet_rows: u32::MAX,
            ..small()
        };
        let problems = ods_reach(content.as_bytes(), &PLACE, &limits);
        let messages = rendered(&problems);
        assert_eq!(messages.len(), 1, "{messages:?}");
        assert!(
            messages[0].contains("would unpack to more than 4 MB"),
            "{messages:?}"
        );
    }

    #[test]
    fn cells_are_held_to_the_limits_and_kept_as_rows() {
        let place = PLACE.in_sheet("Produk");
        let mut cells = CellLimits::new(place, small());
        assert_eq!(cells.push(1, 2, "nama".into()), Next::Continue);
        assert_eq!(cells.push(1, 3, String::new()), Next::Continue);
        assert_eq!(cells.push(3, 4, "harga".into()), Next::Continue);
        assert_eq!(
            cells.finish().unwrap(),
            (
                2,
                vec![
                    (2, vec!["nama".into()]),
                    (4, vec![String::new(), String::new(), "harga".into()])
                ]
            )
        );

        let mut cells = CellLimits::new(place, small());
        cells.push(3, 1, "b".into());
        cells.push(1, 0, "lama".into());
        cells.push(3, 0, "a".into());
        cells.push(1, 0, "baru".into());
        let rows = vec![(2, vec!["baru".into()]), (4, vec!["a".into(), "b".into()])];
        assert_eq!(cells.finish().unwrap(), (0, rows));

        let mut cells = CellLimits::new(place, small());
        cells.push(0, 0, "sebelas huruf".into());
        cells.push(0, 200, "x".into());
        cells.push(0, 300, "x".into());
        assert_eq!(cells.push(5, 0, "x".into()), Next::Stop);
        let problems = cells.finish().unwrap_err();
        let messages = rendered(&problems);
        assert_eq!(messages.len(), 3, "{messages:?}");
        assert!(
            messages[0].starts_with(
                "error: katalog.ods, sheet `Produk`, row 1, column A: the cell holds 13 characters"
            ),
            "{messages:?}"
        );
        assert!(
            messages[1].contains("row 1: the sheet has values past column DX"),
            "{messages:?}"
        );
        assert!(messages[2].contains("goes on past row 5"), "{messages:?}");
    }
}
