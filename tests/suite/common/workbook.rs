//! Workbooks no spreadsheet program would save, made for the tests by rewriting one part of
//! an xlsx file that rust_xlsxwriter wrote: a sheet holding one enormous cell (a zip bomb),
//! or a workbook switched to the 1904 date system.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::Path;

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

/// Rewrites the xlsx file at `path`: every part is copied as it is except `part`, whose
/// text `write` is given (with the old text, and the writer for the new one).
pub fn rewrite_part(path: &Path, part: &str, write: impl FnOnce(&str, &mut dyn Write)) {
    let old = fs::read(path).unwrap();
    let mut archive = ZipArchive::new(io::Cursor::new(old)).unwrap();
    let mut zip = ZipWriter::new(File::create(path).unwrap());
    let mut old_text = String::new();
    for index in 0..archive.len() {
        let mut file = archive.by_index(index).unwrap();
        if file.name().is_ok_and(|name| name == part) {
            io::Read::read_to_string(&mut file, &mut old_text).unwrap();
        } else {
            zip.raw_copy_file(file).unwrap();
        }
    }
    // The best level of plain deflate: a run of one letter packs about a thousand times
    // smaller (the fastest level: only a hundred times).
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(9));
    zip.start_file(part, options).unwrap();
    write(&old_text, &mut zip);
    zip.finish().unwrap();
}

/// Replaces the first sheet of the workbook at `path` by a products sheet with a header row
/// (`nama_id`, `harga`) and one product whose price cell B2 holds `size` letters: a few
/// hundred KB packed per 100 MB unpacked.
pub fn put_huge_cell(path: &Path, size: u64) {
    rewrite_part(path, "xl/worksheets/sheet1.xml", |_, out| {
        out.write_all(
            b"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
              <worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>\
              <row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>nama_id</t></is></c>\
              <c r=\"B1\" t=\"inlineStr\"><is><t>harga</t></is></c></row>\
              <row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>Onde-onde</t></is></c>\
              <c r=\"B2\" t=\"inlineStr\"><is><t>",
        )
        .unwrap();
        let chunk = vec![b'a'; 1024 * 1024];
        let mut left = size;
        while left > 0 {
            let now = left.min(chunk.len() as u64);
            out.write_all(&chunk[..now as usize]).unwrap();
            left -= now;
        }
        out.write_all(b"</t></is></c></row></sheetData></worksheet>")
            .unwrap();
    });
}

/// Switches the workbook at `path` to the 1904 date system, as older Excel for Mac saved
/// workbooks: its date cells then count days from 1904-01-01.
pub fn use_1904_dates(path: &Path) {
    rewrite_part(path, "xl/workbook.xml", |old, out| {
        assert!(old.contains("<workbookPr"), "{old}");
        let new = old.replacen("<workbookPr", "<workbookPr date1904=\"1\"", 1);
        out.write_all(new.as_bytes()).unwrap();
    });
}
