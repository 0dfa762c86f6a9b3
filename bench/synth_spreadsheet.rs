//! Deterministic synthetic spreadsheet for `bench/import-bench.py`: a workbook with a producers
//! sheet (Usaha) and a products sheet (Produk) in the office's own messy style (prices such as
//! `Rp 50.000,-` and ranges, phones such as `0812-3456-7890`, categories by name, several
//! certifications), for the sample catalogue's categories.
//!
//! ```text
//! cargo run --release --example synth-spreadsheet -- \
//!     --producers 65 --products 1000 --out /tmp/katalog.xlsx [--variant 1]
//! ```
//!
//! `--variant K` (K > 0) changes the price of every tenth product (a different tenth for each
//! K), as an office's edit between two imports would.

use std::error::Error;

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook, Worksheet};

type Result<T> = std::result::Result<T, Box<dyn Error>>;

struct Options {
    producers: usize,
    products: usize,
    out: String,
    variant: usize,
}

fn options() -> Result<Options> {
    let mut options = Options {
        producers: 65,
        products: 1000,
        out: "katalog.xlsx".into(),
        variant: 0,
    };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args.next().ok_or(format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--producers" => options.producers = value.parse()?,
            "--products" => options.products = value.parse()?,
            "--out" => options.out = value,
            "--variant" => options.variant = value.parse()?,
            other => return Err(format!("unknown option {other}").into()),
        }
    }
    Ok(options)
}

const WORDS: &[&str] = &[
    "Surya",
    "Majapahit",
    "Wilwatikta",
    "Sekar",
    "Jagad",
    "Teratai",
    "Mrico",
    "Bolong",
    "Koro",
    "Renteng",
    "Gringsing",
    "Sogan",
    "Tunas",
    "Rukun",
    "Cahaya",
    "Rasa",
    "Wira",
    "Langkah",
    "Sari",
    "Wijen",
    "Tribhuwana",
    "Wader",
    "Tatik",
    "Rengganis",
    "Brawijaya",
    "Kencana",
];
const CATEGORIES: &[&str] = &["Batik", "Kriya", "Makanan & Minuman"];
const KINDS: &[&str] = &[
    "Batik", "Anyaman", "Kuningan", "Keripik", "Sambal", "Kopi", "Sandal",
];

/// A name made of two words and a number, unique for each `index`.
fn name(prefix: &str, index: usize) -> String {
    let a = WORDS[index % WORDS.len()];
    let b = WORDS[(index / WORDS.len() + 7) % WORDS.len()];
    format!("{prefix} {a} {b} {}", index + 1)
}

fn producer_name(index: usize) -> String {
    name(KINDS[index % KINDS.len()], index)
}

fn write_producers(sheet: &mut Worksheet, count: usize) -> Result<()> {
    let headers = [
        "Nama Usaha",
        "Jenis",
        "Pemilik",
        "Alamat",
        "WhatsApp",
        "Instagram",
        "Tahun Berdiri",
        "Cerita ID",
        "Cerita EN",
    ];
    for (c, header) in headers.iter().enumerate() {
        sheet.write_string(0, c as u16, *header)?;
    }
    for i in 0..count {
        let row = i as u32 + 1;
        let business = producer_name(i);
        sheet.write_string(row, 0, &business)?;
        sheet.write_string(row, 1, if i % 3 == 0 { "IKM" } else { "ukm" })?;
        sheet.write_string(row, 2, name("Ibu", i + 3))?;
        sheet.write_string(
            row,
            3,
            format!("Jl. {} {}, Kota Mojokerto", WORDS[i % WORDS.len()], i + 1),
        )?;
        sheet.write_string(
            row,
            4,
            format!("0812-{:04}-{:04}", 1000 + i % 9000, 2000 + i % 8000),
        )?;
        sheet.write_string(row, 5, format!("@usaha{}", i + 1))?;
        sheet.write_number(row, 6, (1990 + i % 35) as f64)?;
        sheet.write_string(row, 7, format!("{business} adalah usaha keluarga di Kota Mojokerto.\n\nProduknya dibuat dengan tangan."))?;
        sheet.write_string(
            row,
            8,
            format!(
                "{business} is a family business in Mojokerto.\n\nIts products are made by hand."
            ),
        )?;
    }
    Ok(())
}

/// The price cell of product `i`, in one of the ways offices write prices.
fn price(i: usize, variant: usize) -> String {
    let changed = variant > 0 && i % 10 == variant % 10;
    let base = 15_000 + (i % 40) * 2_500 + if changed { 500 * variant } else { 0 };
    match i % 4 {
        0 => format!("Rp {}.{:03},-", base / 1000, base % 1000),
        1 => base.to_string(),
        2 => format!(
            "{}.{:03} - {}.{:03}",
            base / 1000,
            base % 1000,
            base * 2 / 1000,
            base * 2 % 1000
        ),
        _ => format!("Rp{}.{:03}", base / 1000, base % 1000),
    }
}

fn write_products(sheet: &mut Worksheet, options: &Options) -> Result<()> {
    let headers = [
        "Nama ID",
        "Nama EN",
        "Nama Usaha",
        "Kategori",
        "Harga",
        "Satuan ID",
        "Satuan EN",
        "Sertifikasi",
        "Tag",
        "Status Kurasi",
        "Deskripsi ID",
        "Deskripsi EN",
    ];
    for (c, header) in headers.iter().enumerate() {
        sheet.write_string(0, c as u16, *header)?;
    }
    for i in 0..options.products {
        let row = i as u32 + 1;
        let producer = producer_name(i % options.producers.max(1));
        let cells = [
            name("Produk", i),
            name("Product", i),
            producer,
            CATEGORIES[i % CATEGORIES.len()].to_owned(),
            price(i, options.variant),
            "buah".to_owned(),
            "piece".to_owned(),
            format!("Halal ID3511{:015}; PIRT 2063576{:06}-29", i, i),
            format!("{}, oleh-oleh", WORDS[i % WORDS.len()]),
            ["lolos", "proses", "belum"][i % 3].to_owned(),
            format!(
                "Produk unggulan nomor {} dari Kota Mojokerto, dibuat dengan **bahan pilihan**.",
                i + 1
            ),
            format!(
                "Featured product number {} from Mojokerto, made with **selected ingredients**.",
                i + 1
            ),
        ];
        for (c, cell) in cells.iter().enumerate() {
            sheet.write_string(row, c as u16, cell)?;
        }
    }
    Ok(())
}

fn main() -> Result<()> {
    let options = options()?;
    let mut workbook = Workbook::new();
    let fixed = ExcelDateTime::from_ymd(2026, 11, 28)?;
    workbook.set_properties(&DocProperties::new().set_creation_datetime(&fixed));
    let producers = workbook.add_worksheet();
    producers.set_name("Usaha")?;
    write_producers(producers, options.producers)?;
    let products = workbook.add_worksheet();
    products.set_name("Produk")?;
    write_products(products, &options)?;
    workbook.save(&options.out)?;
    eprintln!(
        "wrote {} ({} producers, {} products, variant {})",
        options.out, options.producers, options.products, options.variant
    );
    Ok(())
}
