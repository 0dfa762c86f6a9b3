//! Any bytes as a spreadsheet, read as `etalase import` reads it and every row of every sheet
//! turned into field values: sheets or refusals, problems or records, never a panic, and never
//! more than the limits let it read.
//!
//! The first byte chooses what the rest is written as: an .xlsx, an .ods or a .csv file.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use etalase::config::{Config, SpreadsheetLimits};
use etalase::diagnostic::Diagnostics;
use etalase::import::{columns, rows, sheet};
use libfuzzer_sys::fuzz_target;

const CATALOGUE: &str = include_str!("../../tests/fixtures/basic/catalogue.yaml");

/// Smaller than the defaults, so that one input stays well within libFuzzer's 2 GB.
const LIMITS: SpreadsheetLimits = SpreadsheetLimits {
    max_bytes: 16 * 1024 * 1024,
    max_cell_chars: 20_000,
    max_sheet_rows: 5_000,
};

fn config() -> &'static Config {
    static CONFIG: OnceLock<Config> = OnceLock::new();
    CONFIG.get_or_init(|| {
        Config::parse(CATALOGUE, &mut Diagnostics::default()).expect("the fixture's catalogue.yaml")
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&choice, bytes)) = data.split_first() else {
        return;
    };
    let extension = ["xlsx", "ods", "csv"][usize::from(choice % 3)];
    let path =
        std::env::temp_dir().join(format!("etalase-fuzz-{}.{extension}", std::process::id()));
    std::fs::write(&path, bytes).expect("a temporary file");
    let Ok(sheets) = sheet::read(&path, &LIMITS) else {
        return;
    };
    let context = rows::Context {
        config: config(),
        file: format!("katalog.{extension}"),
        folder: PathBuf::from("."),
    };
    for sheet in &sheets {
        if let Some(kind) = columns::kind_of(sheet) {
            let layout = columns::Layout::of(sheet, kind);
            let mut problems = Vec::new();
            let (records, skipped) = rows::read(sheet, &layout, &context, &mut problems);
            assert_eq!(records.len() + skipped, sheet.rows.len());
        }
    }
});
