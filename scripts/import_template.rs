//! Writes the spreadsheet template editors download for `etalase import`:
//! `docs/import-template.xlsx` (sheets Petunjuk, Usaha, Produk, Kurasi), the same three sheets
//! as csv files in `docs/import-template/`, and the column tables in `docs/import.md` between
//! its `<!-- columns -->` markers. The headers come from etalase's own column list, so the
//! template always matches what the import reads.
//!
//! Run from the repository root: `cargo run --example import-template`.

use std::fs;
use std::path::Path;

use etalase::fields::Marketplace;
use etalase::import::columns::{Column, SheetKind};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, XlsxError};

/// What each column means, in Indonesian and English.
fn meaning(kind: SheetKind, column: Column) -> (&'static str, &'static str) {
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
        (SheetKind::Products, C::Shop(marketplace)) => shop_meaning(marketplace, true),
        (_, C::Shop(marketplace)) => shop_meaning(marketplace, false),
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
fn shop_meaning(marketplace: Marketplace, product: bool) -> (&'static str, &'static str) {
    // Run once per template: leaking a few strings keeps `meaning` a table of `&str`s.
    let leaked = |text: String| -> &'static str { Box::leak(text.into_boxed_str()) };
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
        leaked(format!(
            "opsional: {what_id}, alamat https{on_id}{example_id}"
        )),
        leaked(format!(
            "optional: {what_en}, an https address{on_en}{example_en}"
        )),
    )
}

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

/// The header row of a sheet: each column's documented Indonesian name.
fn headers(kind: SheetKind) -> Vec<&'static str> {
    kind.columns()
        .iter()
        .map(|(column, _)| kind.documented_names(*column).0)
        .collect()
}

fn write_workbook(path: &Path) -> Result<(), XlsxError> {
    let mut workbook = Workbook::new();
    let fixed = ExcelDateTime::from_ymd(2026, 11, 28)?;
    let properties = DocProperties::new()
        .set_title("etalase: templat impor / import template")
        .set_creation_datetime(&fixed);
    workbook.set_properties(&properties);
    let bold = Format::new().set_bold();
    let guide = workbook.add_worksheet();
    guide.set_name("Petunjuk")?;
    guide.set_column_width(0, 18)?;
    guide.set_column_width(1, 16)?;
    guide.set_column_width(2, 70)?;
    guide.set_column_width(3, 70)?;
    let intro = [
        "Isi lembar Usaha, Produk dan Kurasi, lalu jalankan: etalase import templat.xlsx (uji dulu dengan --dry-run).",
        "Fill in the Usaha, Produk and Kurasi sheets, then run: etalase import template.xlsx (try --dry-run first).",
        "Foto: taruh file foto di folder foto/ di samping lembar kerja ini. / Photos: put them in a foto/ folder beside this spreadsheet.",
    ];
    for (row, line) in intro.iter().enumerate() {
        guide.write_string(row as u32, 0, *line)?;
    }
    let mut row = intro.len() as u32 + 1;
    for label in ["lembar / sheet", "kolom / column", "arti", "meaning"]
        .iter()
        .enumerate()
    {
        guide.write_string_with_format(row, label.0 as u16, *label.1, &bold)?;
    }
    for (sheet, kind, _) in sheets() {
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
    for (name, kind, rows) in sheets() {
        let sheet = workbook.add_worksheet();
        sheet.set_name(name)?;
        sheet.set_freeze_panes(1, 0)?;
        let headers = headers(kind);
        for (col, header) in headers.iter().enumerate() {
            sheet.write_string_with_format(0, col as u16, *header, &bold)?;
            sheet.set_column_width(col as u16, 18)?;
        }
        for (r, cells) in rows.iter().enumerate() {
            for (header, value) in cells {
                let col = headers
                    .iter()
                    .position(|h| h == header)
                    .expect("a known column");
                sheet.write_string(r as u32 + 1, col as u16, *value)?;
            }
        }
    }
    workbook.save(path)
}

fn write_csv(folder: &Path) -> std::io::Result<()> {
    fs::create_dir_all(folder)?;
    for (name, kind, rows) in sheets() {
        let headers = headers(kind);
        let mut writer =
            csv::Writer::from_path(folder.join(format!("{}.csv", name.to_lowercase())))?;
        writer.write_record(&headers)?;
        for cells in rows {
            let record: Vec<&str> = headers
                .iter()
                .map(|h| cells.iter().find(|(c, _)| c == h).map_or("", |(_, v)| *v))
                .collect();
            writer.write_record(&record)?;
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
