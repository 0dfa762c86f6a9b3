//! Writes the spreadsheet template editors download for `etalase import`:
//! `docs/import-template.xlsx` (sheets Petunjuk, Usaha, Produk, Kurasi), the same three sheets
//! as csv files in `docs/import-template/`, and the column tables in `docs/import.md` between
//! its `<!-- columns -->` markers. The headers come from etalase's own column list, so the
//! template always matches what the import reads.
//!
//! Run from the repository root: `cargo run --example import-template`.

use std::fs;
use std::path::Path;

use etalase::import::columns::SheetKind;
use etalase::import::layout::{self, headers, meaning};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook, XlsxError};

/// Example rows: each a list of (documented column name, cell).
type Rows = Vec<Vec<(&'static str, &'static str)>>;

/// The sheets of the template: name, kind, and example rows.
fn sheets() -> Vec<(&'static str, SheetKind, Rows)> {
    vec![
        (
            "Usaha",
            SheetKind::Producers,
            vec![vec![
                ("nama_usaha", "Usaha Contoh Mawar"),
                ("jenis", "ukm"),
                ("pemilik", "Rina Wulandari"),
                ("alamat", "Jl. Contoh 1, Kota Mojokerto"),
                ("whatsapp", "0812-0000-0001"),
                ("instagram", "@usahacontohmawar"),
                ("tokopedia", "https://www.tokopedia.com/usahacontohmawar"),
                ("situs_web", "https://usahacontohmawar.id"),
                ("tahun_berdiri", "2018"),
                ("cerita_id", "Usaha batik dan camilan keluarga. Hapus baris contoh ini sebelum mengimpor."),
                ("cerita_en", "A family batik and snack business. Delete this example row before importing."),
            ]],
        ),
        (
            "Produk",
            SheetKind::Products,
            vec![
                vec![
                    ("nama_id", "Batik Cap Contoh Mawar"),
                    ("nama_en", "Example Rose Stamped Batik"),
                    ("nama_usaha", "Usaha Contoh Mawar"),
                    ("kategori", "batik"),
                    ("kode_produk", "UCM-BC-01"),
                    ("harga_min", "150.000"),
                    ("harga_maks", "275.000"),
                    ("satuan_id", "lembar"),
                    ("satuan_en", "piece"),
                    ("min_order", "5"),
                    ("ketersediaan", "Pre Order"),
                    ("lama_pesan_hari", "14"),
                    ("tag", "cap, pewarna alami"),
                    ("sertifikasi", "HKI EC00202500001"),
                    ("tokopedia", "https://www.tokopedia.com/usahacontohmawar/batik-cap-contoh-mawar"),
                    ("deskripsi_id", "Batik cap motif mawar. Hapus baris contoh ini sebelum mengimpor."),
                    ("deskripsi_en", "Stamped batik with a rose motif. Delete this example row before importing."),
                ],
                vec![
                    ("nama_id", "Keripik Contoh Pedas"),
                    ("nama_en", "Example Spicy Crisps"),
                    ("nama_usaha", "Usaha Contoh Mawar"),
                    ("kategori", "Makanan & Minuman"),
                    ("kode_produk", "UCM-KP-100"),
                    ("barcode", "8991234567891"),
                    ("harga", "Rp 15.000,-"),
                    ("satuan_id", "bungkus"),
                    ("satuan_en", "pack"),
                    ("ketersediaan", "siap"),
                    ("sertifikasi", "Halal: ID35110000000000001; PIRT: 2063576010000-29"),
                    ("unggulan", "tidak"),
                ],
            ],
        ),
        (
            "Kurasi",
            SheetKind::Curation,
            vec![vec![
                ("produk", "Batik Cap Contoh Mawar"),
                ("kurator", "The Keranjang Bali"),
                ("status", "lolos"),
                ("tanggal", "28/04/2025"),
            ]],
        ),
    ]
}

/// Each example row as one cell per header of its sheet.
fn cells(kind: SheetKind, rows: &Rows) -> Vec<Vec<String>> {
    let headers = headers(kind);
    rows.iter()
        .map(|cells| {
            headers
                .iter()
                .map(|h| cells.iter().find(|(c, _)| c == h).map_or("", |(_, v)| *v))
                .map(str::to_owned)
                .collect()
        })
        .collect()
}

fn write_workbook(path: &Path) -> Result<(), XlsxError> {
    let mut workbook = Workbook::new();
    let fixed = ExcelDateTime::from_ymd(2026, 11, 28)?;
    let properties = DocProperties::new()
        .set_title("etalase: templat impor / import template")
        .set_creation_datetime(&fixed);
    workbook.set_properties(&properties);
    layout::add_guide(&mut workbook)?;
    for (name, kind, rows) in sheets() {
        layout::add_sheet(&mut workbook, name, kind, &cells(kind, &rows))?;
    }
    workbook.save(path)
}

fn write_csv(folder: &Path) -> std::io::Result<()> {
    fs::create_dir_all(folder)?;
    for (name, kind, rows) in sheets() {
        let mut writer = csv::Writer::from_path(folder.join(layout::csv_name(name)))?;
        writer.write_record(headers(kind))?;
        for record in cells(kind, &rows) {
            writer.write_record(
                record
                    .iter()
                    .map(|cell| layout::csv_cell(cell).into_owned()),
            )?;
        }
        writer.flush()?;
    }
    Ok(())
}

/// The column tables of docs/import.md.
fn column_tables() -> String {
    let mut text = String::new();
    for (sheet, kind, _) in sheets() {
        text.push_str(&format!(
            "\n**{sheet}**\n\n| kolom | column | arti | meaning |\n| --- | --- | --- | --- |\n"
        ));
        for (column, names) in kind.columns() {
            let (id, en) = meaning(kind, *column);
            let (id_name, en_name) = kind.documented_names(*column);
            let others: Vec<String> = names.iter().skip(2).map(|n| format!("`{n}`")).collect();
            let also = if others.is_empty() {
                String::new()
            } else {
                format!(" (also {})", others.join(", "))
            };
            text.push_str(&format!(
                "| `{id_name}` | `{en_name}`{also} | {id} | {en} |\n"
            ));
        }
    }
    text
}

fn update_docs(path: &Path) -> std::io::Result<()> {
    let text = fs::read_to_string(path)?;
    let (start, end) = ("<!-- columns:start -->", "<!-- columns:end -->");
    let (before, rest) = text
        .split_once(start)
        .expect("docs/import.md has the start marker");
    let (_, after) = rest
        .split_once(end)
        .expect("docs/import.md has the end marker");
    fs::write(
        path,
        format!("{before}{start}\n{}\n{end}{after}", column_tables()),
    )
}

fn main() {
    let docs = Path::new("docs");
    write_workbook(&docs.join("import-template.xlsx")).expect("write the workbook");
    write_csv(&docs.join("import-template")).expect("write the csv files");
    update_docs(&docs.join("import.md")).expect("update docs/import.md");
    println!("wrote docs/import-template.xlsx, docs/import-template/*.csv and docs/import.md's column tables");
}
