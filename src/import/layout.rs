//! The workbook layout `import` reads and `export` writes: the sheets' names, each sheet's
//! header row (every column's documented Indonesian name), and the *Petunjuk* sheet that says
//! what each column means in both languages. The template (`cargo run --example
//! import-template`) and `etalase export` both write through here, so they cannot drift apart.
//! Also how a text cell is kept from running as a formula when a csv file is opened in a
//! spreadsheet program, and how the import reads such a cell back.

use std::borrow::Cow;

use rust_xlsxwriter::{Format, Workbook, XlsxError};

use super::columns::{Column, SheetKind};
use crate::fields::Marketplace;

/// The data sheets, in order: each sheet's name and kind. As csv files they are named
/// `usaha.csv`, `produk.csv`, `kurasi.csv` (`csv_name`).
pub const SHEETS: [(&str, SheetKind); 3] = [
    ("Usaha", SheetKind::Producers),
    ("Produk", SheetKind::Products),
    ("Kurasi", SheetKind::Curation),
];

/// The name of the guide sheet, which the import skips.
pub const GUIDE_SHEET: &str = "Petunjuk";

/// A data sheet's file name when written as csv: `usaha.csv`.
pub fn csv_name(sheet: &str) -> String {
    format!("{}.csv", sheet.to_lowercase())
}

/// The header row of a sheet: each column's documented Indonesian name.
pub fn headers(kind: SheetKind) -> Vec<&'static str> {
    kind.columns()
        .iter()
        .map(|(column, _)| kind.documented_names(*column).0)
        .collect()
}

/// The guide's opening lines, before its table of columns.
const GUIDE_INTRO: [&str; 3] = [
    "Isi lembar Usaha, Produk dan Kurasi, lalu jalankan: etalase import templat.xlsx (uji dulu dengan --dry-run).",
    "Fill in the Usaha, Produk and Kurasi sheets, then run: etalase import template.xlsx (try --dry-run first).",
    "Foto: taruh file foto di folder foto/ di samping lembar kerja ini. / Photos: put them in a foto/ folder beside this spreadsheet.",
];

/// Adds the *Petunjuk* sheet: the intro, then every column of every sheet with its meaning.
pub fn add_guide(workbook: &mut Workbook) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    let guide = workbook.add_worksheet();
    guide.set_name(GUIDE_SHEET)?;
    for (column, width) in [18.0, 16.0, 70.0, 70.0].into_iter().enumerate() {
        guide.set_column_width(column as u16, width)?;
    }
    for (row, line) in GUIDE_INTRO.iter().enumerate() {
        guide.write_string(row as u32, 0, *line)?;
    }
    let mut row = GUIDE_INTRO.len() as u32 + 1;
    for (index, label) in ["lembar / sheet", "kolom / column", "arti", "meaning"]
        .iter()
        .enumerate()
    {
        guide.write_string_with_format(row, index as u16, *label, &bold)?;
    }
    for (sheet, kind) in SHEETS {
        for (column, _) in kind.columns() {
            row += 1;
            let (id_name, en_name) = kind.documented_names(*column);
            let (id, en) = meaning(kind, *column);
            guide.write_string(row, 0, sheet)?;
            guide.write_string(row, 1, format!("{id_name} / {en_name}"))?;
            guide.write_string(row, 2, id)?;
            guide.write_string(row, 3, en)?;
        }
    }
    Ok(())
}

/// Adds a data sheet: its bold, frozen header row, then `rows` (one cell per header, as text,
/// so a price or a phone number stays as typed).
pub fn add_sheet(
    workbook: &mut Workbook,
    name: &str,
    kind: SheetKind,
    rows: &[Vec<String>],
) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    let sheet = workbook.add_worksheet();
    sheet.set_name(name)?;
    sheet.set_freeze_panes(1, 0)?;
    for (col, header) in headers(kind).iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, *header, &bold)?;
        sheet.set_column_width(col as u16, 18)?;
    }
    for (r, cells) in rows.iter().enumerate() {
        for (col, value) in cells.iter().enumerate() {
            if !value.is_empty() {
                sheet.write_string(r as u32 + 1, col as u16, workbook_cell(value))?;
            }
        }
    }
    Ok(())
}

/// The characters that make a spreadsheet program read a csv cell as a formula (`=`, `+`, `-`,
/// `@`) or that Excel also treats so at the start of a cell (tab, carriage return).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Whether `text` reads as a formula, or as a guarded cell ([`csv_cell`]) that the import
/// would take its apostrophe off: apostrophes, then a formula's first character.
fn needs_guard(text: &str) -> bool {
    text.trim_start_matches('\'').starts_with(FORMULA_STARTS)
}

/// A text cell as written into a csv file: text that a spreadsheet program would run as a
/// formula (`=HYPERLINK(…)`, and a phone number `+62…`, which it would also turn into a
/// number) gets an apostrophe in front, the mark spreadsheet programs use for "this is text";
/// [`read_cell`] takes it off again, so an export imports back exactly. The numbers the export
/// writes (prices, years, counts) are whole and not negative: they never start with one of
/// these characters, and so are never guarded.
pub fn csv_cell(text: &str) -> Cow<'_, str> {
    if needs_guard(text) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// A text cell as the import reads it, from a csv file or a workbook made from one: one
/// apostrophe taken off the front of a cell guarded by [`csv_cell`], so `'+6281234567890`
/// is the number `+6281234567890`. Any other cell is read as it is.
pub fn read_cell(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if needs_guard(rest) => rest,
        _ => text,
    }
}

/// A text cell as written into a workbook, whose cells are never run as formulas: as it is,
/// except that text the import would take an apostrophe off (`'=1`, rare) gets one more, so
/// that it too imports back exactly.
fn workbook_cell(text: &str) -> Cow<'_, str> {
    if text.starts_with('\'') {
        csv_cell(text)
    } else {
        Cow::Borrowed(text)
    }
}

/// What each column means, in Indonesian and English.
pub fn meaning(kind: SheetKind, column: Column) -> (String, String) {
    match column {
        Column::Shop(marketplace) => shop_meaning(marketplace, kind == SheetKind::Products),
        _ => {
            let (id, en) = fixed_meaning(kind, column);
            (id.to_owned(), en.to_owned())
        }
    }
}

fn fixed_meaning(kind: SheetKind, column: Column) -> (&'static str, &'static str) {
    use Column as C;
    match (kind, column) {
        (_, C::Slug) => (
            "opsional: nama folder (huruf kecil, angka, tanda -); isi untuk mengganti nama tanpa membuat entri baru",
            "optional: the folder name (lowercase letters, digits, -); fill it in to rename without making a new entry",
        ),
        (SheetKind::Curation, C::Product) => (
            "wajib: nama produk (Indonesia atau Inggris) atau slug-nya",
            "required: the product's name (Indonesian or English) or its slug",
        ),
        (_, C::Producer) => (
            "wajib (kecuali baris punya slug): nama usaha seperti di lembar Usaha, atau slug-nya",
            "required (unless the row has a slug): the business name as in the Usaha sheet, or its slug",
        ),
        (_, C::BusinessName) => ("wajib: nama usaha (tidak diterjemahkan)", "required: the business name (not translated)"),
        (_, C::Kind) => ("wajib untuk usaha baru: ukm atau ikm", "required for a new business: ukm or ikm"),
        (_, C::Owner) => ("opsional: nama pemilik", "optional: the owner's name"),
        (_, C::Sentra) => ("opsional: sentra usaha", "optional: the business cluster"),
        (_, C::Address) => ("wajib untuk usaha baru: alamat lengkap", "required for a new business: full address"),
        (_, C::Whatsapp) => (
            "opsional: nomor WhatsApp, misalnya 0812-3456-7890 (ditulis ulang menjadi +6281234567890)",
            "optional: WhatsApp number, e.g. 0812-3456-7890 (rewritten as +6281234567890)",
        ),
        (_, C::Instagram) => ("opsional: akun Instagram, dengan atau tanpa @", "optional: Instagram account, with or without @"),
        (_, C::Email) => ("opsional: alamat email", "optional: email address"),
        // `shop_meaning` says what a shop column means.
        (_, C::Shop(_)) => ("", ""),
        (_, C::Founded) => ("opsional: tahun berdiri, misalnya 2012", "optional: year founded, e.g. 2012"),
        (_, C::Logo) => (
            "opsional: nama file logo di folder lembar kerja atau di folder foto/ di sampingnya",
            "optional: the logo's file name, in the spreadsheet's folder or its foto/ folder",
        ),
        (_, C::StoryId) => ("opsional: cerita usaha dalam bahasa Indonesia (Markdown)", "optional: the business story in Indonesian (Markdown)"),
        (_, C::StoryEn) => ("opsional: cerita usaha dalam bahasa Inggris (Markdown)", "optional: the business story in English (Markdown)"),
        (_, C::NameId) => ("wajib (ini atau nama_en): nama produk dalam bahasa Indonesia", "required (this or nama_en): the product name in Indonesian"),
        (_, C::NameEn) => ("nama produk dalam bahasa Inggris", "the product name in English"),
        (_, C::Category) => (
            "wajib untuk produk baru: kategori dari catalogue.yaml, slug atau namanya",
            "required for a new product: a category of catalogue.yaml, its slug or name",
        ),
        (_, C::Sku) => (
            "opsional: kode produk milik produsen, paling panjang 50 karakter, misalnya BSJ-TLS-01 (di umpan belanja menjadi MPN)",
            "optional: the producer's own product code, at most 50 characters, e.g. BSJ-TLS-01 (the MPN in the shopping feeds)",
        ),
        (_, C::Gtin) => (
            "opsional: nomor di bawah barcode (GTIN/EAN), 8, 12, 13 atau 14 angka, misalnya 8991234567891",
            "optional: the number under the barcode (GTIN/EAN), 8, 12, 13 or 14 digits, e.g. 8991234567891",
        ),
        (_, C::Price) => (
            "opsional: harga atau rentang harga, misalnya Rp 50.000 atau 50.000 - 75.000 (atau pakai harga_min dan harga_maks)",
            "optional: a price or a range, e.g. Rp 50.000 or 50.000 - 75.000 (or use harga_min and harga_maks)",
        ),
        (_, C::PriceMin) => ("opsional: harga terendah dalam rupiah (atau satu-satunya harga)", "optional: the lowest price in rupiah (or the only one)"),
        (_, C::PriceMax) => ("opsional: harga tertinggi dalam rupiah", "optional: the highest price in rupiah"),
        (_, C::UnitId) => ("opsional: satuan dalam bahasa Indonesia, misalnya lembar", "optional: the unit in Indonesian, e.g. lembar"),
        (_, C::UnitEn) => ("opsional: satuan dalam bahasa Inggris, misalnya piece", "optional: the unit in English, e.g. piece"),
        (_, C::MinOrder) => ("opsional: jumlah pesanan minimal", "optional: minimum order quantity"),
        (_, C::Availability) => (
            "opsional: siap (stok siap), pesan (dibuat sesuai pesanan, juga Pre Order atau PO) atau habis (stok habis)",
            "optional: siap (ready stock), pesan (made to order, also Pre Order or PO) or habis (sold out)",
        ),
        (_, C::LeadDays) => (
            "opsional, hanya untuk pesan: berapa hari produk dibuat setelah dipesan, 1 sampai 365",
            "optional, only with pesan: days to make the product after the order, 1 to 365",
        ),
        (_, C::Tags) => ("opsional: label dipisah koma, misalnya tulis, pewarna alami", "optional: tags separated by commas, e.g. tulis, pewarna alami"),
        (_, C::Photos) => (
            "opsional: nama file foto dipisah koma; foto pertama menjadi sampul; dicari di folder lembar kerja atau folder foto/",
            "optional: photo file names separated by commas; the first is the cover; looked for in the spreadsheet's folder or its foto/ folder",
        ),
        (_, C::Certifications) => (
            "opsional: dipisah titik koma, misalnya Halal ID351100...; PIRT 2063...; jenis: halal, sni, hki, merek, pirt, bpom",
            "optional: separated by semicolons, e.g. Halal ID351100...; PIRT 2063...; kinds: halal, sni, hki, merek, pirt, bpom",
        ),
        (_, C::CurationStatus) => ("status kurasi: lolos, proses atau belum", "curation status: lolos (passed), proses (in review) or belum (not yet)"),
        (_, C::Curator) => ("opsional: nama kurator", "optional: the curator's name"),
        (_, C::CurationDate) => ("opsional: tanggal kurasi, misalnya 28/04/2025", "optional: curation date, e.g. 28/04/2025"),
        (_, C::Featured) => ("opsional: ya atau tidak (produk unggulan di beranda)", "optional: ya or tidak (featured on the home page)"),
        (_, C::DescriptionId) => ("opsional: deskripsi dalam bahasa Indonesia (Markdown)", "optional: the description in Indonesian (Markdown)"),
        (_, C::DescriptionEn) => ("opsional: deskripsi dalam bahasa Inggris (Markdown)", "optional: the description in English (Markdown)"),
        // Only the curation sheet has a product column; its meaning is above.
        (_, C::Product) => ("produk", "product"),
    }
}

/// A shop column's meaning: a producer's shop, or a product's own page on the marketplace.
fn shop_meaning(marketplace: Marketplace, product: bool) -> (String, String) {
    let (name_id, name_en) = (marketplace.name().id, marketplace.name().en);
    let sites = marketplace.hosts().join(", ");
    let (what_id, what_en) = match (product, marketplace) {
        (true, _) => (
            format!("halaman produk ini di {name_id}"),
            format!("this product's own page on {name_en}"),
        ),
        (false, Marketplace::Website) => (
            "situs web usaha".to_owned(),
            "the business's own website".to_owned(),
        ),
        (false, Marketplace::Facebook) => (
            "halaman Facebook usaha".to_owned(),
            "the business's Facebook page".to_owned(),
        ),
        (false, _) => (
            format!("toko di {name_id}"),
            format!("the shop on {name_en}"),
        ),
    };
    let (on_id, on_en) = if sites.is_empty() {
        (String::new(), String::new())
    } else {
        (format!(" di {sites}"), format!(" on {sites}"))
    };
    // A shop's address shows the form; a product page's address is whatever the marketplace made.
    let (example_id, example_en) = if product {
        (String::new(), String::new())
    } else {
        let example = marketplace.example();
        (format!(", misalnya {example}"), format!(", e.g. {example}"))
    };
    (
        format!("opsional: {what_id}, alamat https{on_id}{example_id}"),
        format!("optional: {what_en}, an https address{on_en}{example_en}"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_guarded_in_csv_and_read_back_exactly() {
        for (text, written) in [
            (
                "=HYPERLINK(\"https://evil.example\",\"klik\")",
                "'=HYPERLINK(\"https://evil.example\",\"klik\")",
            ),
            ("+6281234567890", "'+6281234567890"),
            ("-", "'-"),
            ("@import", "'@import"),
            ("\t=1", "'\t=1"),
            ("\r=1", "'\r=1"),
            ("'=1", "''=1"),
            ("''+62", "'''+62"),
            ("Batik =1+1", "Batik =1+1"),
            ("it's", "it's"),
            ("'quoted'", "'quoted'"),
            ("350000", "350000"),
            ("", ""),
        ] {
            assert_eq!(csv_cell(text), written, "{text:?}");
            assert_eq!(read_cell(&csv_cell(text)), text, "{text:?}");
        }
        // An office's own guard on a phone number is read as the number.
        assert_eq!(read_cell("'+62 812-3456-7890"), "+62 812-3456-7890");
    }

    #[test]
    fn workbook_cells_are_as_they_are_unless_the_import_would_change_them() {
        for text in ["+6281234567890", "=1", "it's", "'quoted'"] {
            assert_eq!(workbook_cell(text), text);
            assert_eq!(read_cell(&workbook_cell(text)), text);
        }
        assert_eq!(workbook_cell("'=1"), "''=1");
        assert_eq!(read_cell(&workbook_cell("'=1")), "'=1");
    }
}
