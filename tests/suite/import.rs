//! `etalase import`: spreadsheets written here with rust_xlsxwriter (and csv text) are imported
//! by the real binary into a copy of the `basic` fixture. The YAML it writes is parsed, the site
//! it gives is built and its pages parsed; problems are read back as sheet, row and column.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use crate::common::{etalase, etalase_with_locale, png_bytes, repo_root, snapshot, Catalogue, Run};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use scraper::Selector;
use serde_json::{json, Value};

// ---------------------------------------------------------------- spreadsheets

/// A cell of a test spreadsheet.
#[derive(Clone)]
enum Cell {
    Text(&'static str),
    Number(f64),
    /// A real date cell (a serial number with a date format), as Excel stores dates.
    Date(u16, u8, u8),
    Blank,
}

use Cell::{Blank, Number, Text};

type Grid = Vec<Vec<Cell>>;

/// Writes an xlsx workbook with one sheet per `(name, rows)`; the first row is the headers.
fn write_xlsx(path: &Path, sheets: &[(&str, Grid)]) {
    let mut workbook = Workbook::new();
    let date_format = Format::new().set_num_format("dd/mm/yyyy");
    for (name, rows) in sheets {
        let sheet = workbook.add_worksheet();
        sheet.set_name(*name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                match cell {
                    Text(text) => drop(sheet.write_string(r, c, *text).unwrap()),
                    Number(number) => drop(sheet.write_number(r, c, *number).unwrap()),
                    Cell::Date(y, m, d) => {
                        let date = ExcelDateTime::from_ymd(*y, *m, *d).unwrap();
                        sheet
                            .write_datetime_with_format(r, c, &date, &date_format)
                            .unwrap();
                    }
                    Blank => {}
                }
            }
        }
    }
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    workbook.save(path).unwrap();
}

fn producers_sheet() -> Grid {
    vec![
        vec![
            Text("Nama Usaha"),
            Text("Jenis"),
            Text("Pemilik"),
            Text("Alamat"),
            Text("WhatsApp"),
            Text("Instagram"),
            Text("Tahun Berdiri"),
            Text("Cerita ID"),
        ],
        vec![
            Text("Kué Lapis Bu Ani"),
            Text("UKM"),
            Text("Ani Lestari"),
            Text("Jl. Gajah Mada 5, Kota Mojokerto"),
            Text("0812-3456-7890"),
            Text("@kuelapisbuani"),
            Number(2015.0),
            Text("Kue lapis legit sejak 2015."),
        ],
    ]
}

fn products_header() -> Vec<Cell> {
    vec![
        Text("Nama ID"),
        Text("Nama EN"),
        Text("Nama Usaha"),
        Text("Kategori"),
        Text("Harga Min"),
        Text("Harga Maks"),
        Text("Satuan ID"),
        Text("Foto"),
        Text("Sertifikasi"),
        Text("Tag"),
        Text("Deskripsi ID"),
        Text("Deskripsi EN"),
    ]
}

/// Three good products: one of a new business (with a photo), one of a business already in
/// the catalogue, one priced as the office types prices.
fn products_sheet() -> Grid {
    vec![
        products_header(),
        vec![
            Text("Kue Lapis Legit"),
            Text("Layered Spice Cake"),
            Text("Kue Lapis Bu Ani"),
            Text("Makanan & Minuman"),
            Number(85000.0),
            Number(150000.0),
            Text("loyang"),
            Text("lapis.png"),
            Text("Halal: ID35110000999990001; PIRT 2063576010999-29"),
            Text("kue, Oleh-oleh"),
            Text("Kue lapis **legit** dengan rempah."),
            Text("Layered cake with spices."),
        ],
        vec![
            Text("Onde-onde Wijen Hitam"),
            Text("Black Sesame Onde-onde"),
            Text("onde-onde-bu-sri"),
            Text("makanan-minuman"),
            Text("Rp 50.000,-"),
            Blank,
            Text("kotak"),
            Blank,
            Blank,
            Blank,
            Text("Onde-onde isi kacang hijau."),
            Blank,
        ],
    ]
}

/// A catalogue (a copy of `basic`) with a spreadsheet folder beside it.
struct Setup {
    catalogue: Catalogue,
}

impl Setup {
    fn new() -> Setup {
        let setup = Setup {
            catalogue: Catalogue::copy("basic"),
        };
        fs::create_dir_all(setup.data("foto")).unwrap();
        fs::write(setup.data("foto/lapis.png"), small_png()).unwrap();
        setup
    }

    /// A path in the folder beside the catalogue that holds the spreadsheets.
    fn data(&self, name: &str) -> PathBuf {
        self.catalogue.parent().join("data").join(name)
    }

    fn xlsx(&self, sheets: &[(&str, Grid)]) -> PathBuf {
        let path = self.data("katalog.xlsx");
        write_xlsx(&path, sheets);
        path
    }

    fn import(&self, file: &Path, extra: &[&str]) -> Run {
        let mut args = vec!["import".to_owned(), file.display().to_string()];
        args.extend(["--root".to_owned(), self.root().display().to_string()]);
        args.extend(extra.iter().map(|a| a.to_string()));
        etalase(args)
    }

    fn root(&self) -> &Path {
        self.catalogue.root()
    }

    /// A YAML file of the catalogue, parsed.
    fn yaml(&self, relative: &str) -> Value {
        let text = self.catalogue.read(relative);
        serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("{relative}: {e}\n{text}"))
    }

    fn content(&self) -> BTreeMap<String, Vec<u8>> {
        snapshot(&self.root().join("content"))
    }
}

/// A real 64×48 PNG, so the built site can decode it.
fn small_png() -> Vec<u8> {
    png_bytes(image::RgbImage::from_fn(64, 48, |x, y| {
        image::Rgb([x as u8 * 4, y as u8 * 5, 90])
    }))
}

// ---------------------------------------------------------------- reading what etalase said

/// One problem line: severity, sheet, row, column letter, and the message after the place.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Reported {
    severity: String,
    sheet: Option<String>,
    row: Option<u32>,
    column: Option<String>,
    message: String,
}

/// Every `error:`/`warning:` line of stderr that points into the spreadsheet `file`.
fn reported(stderr: &str, file: &str) -> Vec<Reported> {
    stderr
        .lines()
        .filter_map(|line| {
            let (severity, rest) = line.split_once(": ")?;
            let rest = rest.strip_prefix(file)?;
            let mut place = rest;
            let sheet = take_between(&mut place, ", sheet `", "`");
            let row = take_between(&mut place, ", row ", "")
                .map(|digits| {
                    digits
                        .split(|c: char| !c.is_ascii_digit())
                        .next()
                        .unwrap_or("")
                        .to_owned()
                })
                .and_then(|digits| digits.parse().ok());
            let column = rest
                .split_once(", column ")
                .map(|(_, after)| after.split(' ').next().unwrap_or("").to_owned());
            let message = rest.split_once("`): ").map_or_else(
                || {
                    rest.split_once(": ")
                        .map(|(_, m)| m.to_owned())
                        .unwrap_or_default()
                },
                |(_, m)| m.to_owned(),
            );
            Some(Reported {
                severity: severity.to_owned(),
                sheet,
                row,
                column,
                message,
            })
        })
        .collect()
}

/// Where a problem was reported: severity, sheet, row, column letter.
type Place = (String, Option<String>, Option<u32>, Option<String>);

/// The text after `open` in `text` up to `close` (or the rest when `close` is empty).
fn take_between(text: &mut &str, open: &str, close: &str) -> Option<String> {
    let start = text.find(open)? + open.len();
    let rest = &text[start..];
    let end = if close.is_empty() {
        rest.len()
    } else {
        rest.find(close)?
    };
    let found = rest[..end].to_owned();
    *text = &rest[end..];
    Some(found)
}

/// The folders under `content/<section>/`.
fn folders(root: &Path, section: &str) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(root.join("content").join(section))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// The top-level keys of a YAML file, in the order they are written.
fn key_order(text: &str) -> Vec<String> {
    text.lines()
        .filter(|line| !line.starts_with([' ', '#', '-']) && !line.is_empty())
        .filter_map(|line| line.split_once(':').map(|(key, _)| key.to_owned()))
        .collect()
}

// ---------------------------------------------------------------- tests

#[test]
fn a_workbook_becomes_entries_that_build_into_pages() {
    let setup = Setup::new();
    let file = setup.xlsx(&[("Usaha", producers_sheet()), ("Produk", products_sheet())]);
    let run = setup.import(&file, &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);

    let producer = setup.yaml("content/producers/kue-lapis-bu-ani/producer.yaml");
    assert_eq!(
        producer,
        json!({
            "name": "Kué Lapis Bu Ani",
            "kind": "ukm",
            "owner": "Ani Lestari",
            "address": "Jl. Gajah Mada 5, Kota Mojokerto",
            "whatsapp": "+6281234567890",
            "instagram": "kuelapisbuani",
            "founded": 2015,
        })
    );
    let story = setup
        .catalogue
        .read("content/producers/kue-lapis-bu-ani/id.md");
    assert_eq!(story, "Kue lapis legit sejak 2015.\n");

    let lapis = setup.yaml("content/products/kue-lapis-legit/product.yaml");
    assert_eq!(
        lapis,
        json!({
            "name": { "id": "Kue Lapis Legit", "en": "Layered Spice Cake" },
            "producer": "kue-lapis-bu-ani",
            "category": "makanan-minuman",
            "price": { "min": 85000, "max": 150000 },
            "unit": { "id": "loyang" },
            "tags": ["kue", "oleh-oleh"],
            "photos": [{
                "file": "lapis.png",
                "alt": { "id": "Kue Lapis Legit", "en": "Layered Spice Cake" },
            }],
            "certifications": [
                { "type": "halal", "number": "ID35110000999990001" },
                { "type": "pirt", "number": "2063576010999-29" },
            ],
        })
    );
    let text = setup
        .catalogue
        .read("content/products/kue-lapis-legit/product.yaml");
    assert_eq!(
        key_order(&text),
        [
            "name",
            "producer",
            "category",
            "price",
            "unit",
            "tags",
            "photos",
            "certifications"
        ],
        "fields in the contract's order:\n{text}"
    );
    assert_eq!(
        fs::read(
            setup
                .catalogue
                .path("content/products/kue-lapis-legit/lapis.png")
        )
        .unwrap(),
        small_png(),
        "the photo is copied as it is"
    );
    let onde = setup.yaml("content/products/onde-onde-wijen-hitam/product.yaml");
    assert_eq!(onde["producer"], json!("onde-onde-bu-sri"));
    assert_eq!(onde["price"], json!({ "amount": 50000 }));

    let site = setup.catalogue.build();
    let page = site.html("id/products/kue-lapis-legit/index.html");
    let h1 = Selector::parse("h1").unwrap();
    let title: String = page.select(&h1).next().unwrap().text().collect();
    assert_eq!(title.trim(), "Kue Lapis Legit");
    let strong = Selector::parse("main strong").unwrap();
    let bold: Vec<String> = page.select(&strong).map(|e| e.text().collect()).collect();
    assert!(
        bold.contains(&"legit".to_owned()),
        "the description's Markdown: {bold:?}"
    );
    let english = site.html("en/producers/kue-lapis-bu-ani/index.html");
    let heading: String = english.select(&h1).next().unwrap().text().collect();
    assert_eq!(heading.trim(), "Kué Lapis Bu Ani");
}

#[test]
fn messy_rows_are_pointed_at_by_sheet_row_and_column_and_good_rows_still_import() {
    let setup = Setup::new();
    let mut products = products_sheet();
    let bad_rows: [[Cell; 6]; 6] = [
        // row 4: no name at all
        [
            Blank,
            Blank,
            Text("onde-onde-bu-sri"),
            Text("batik"),
            Number(10000.0),
            Blank,
        ],
        // row 5: a category the catalogue lacks
        [
            Text("Bolu Kukus"),
            Blank,
            Text("onde-onde-bu-sri"),
            Text("kue"),
            Number(10000.0),
            Blank,
        ],
        // row 6: a price that is no price
        [
            Text("Wingko"),
            Blank,
            Text("onde-onde-bu-sri"),
            Text("makanan-minuman"),
            Text("50rb-an"),
            Blank,
        ],
        // row 7: shorthand: imported, with a warning
        [
            Text("Jenang"),
            Blank,
            Text("onde-onde-bu-sri"),
            Text("makanan-minuman"),
            Text("50rb"),
            Blank,
        ],
        // row 8: a business nobody knows
        [
            Text("Tape"),
            Blank,
            Text("Toko Entah"),
            Text("makanan-minuman"),
            Number(5000.0),
            Blank,
        ],
        // row 9: a range upside down
        [
            Text("Rengginang"),
            Blank,
            Text("onde-onde-bu-sri"),
            Text("makanan-minuman"),
            Number(9000.0),
            Number(7000.0),
        ],
    ];
    for row in bad_rows {
        products.push(row.to_vec());
    }
    let mut producers = producers_sheet();
    producers.push(vec![
        Text("Batik Baru"),
        Text("ukm"),
        Blank,
        Text("Jl. Baru 1"),
        Text("0812-ABCD-7890"),
        Blank,
        Text("dua ribu"),
        Blank,
    ]);
    let file = setup.xlsx(&[("Usaha", producers), ("Produk", products)]);
    let run = setup.import(&file, &[]);
    assert_eq!(
        run.code, 1,
        "row errors make the import fail:\n{}",
        run.stderr
    );

    let places: Vec<Place> = reported(&run.stderr, "katalog.xlsx")
        .into_iter()
        .map(|r| (r.severity, r.sheet, r.row, r.column))
        .collect();
    let at = |severity: &str, sheet: &str, row: u32, column: &str| {
        (
            severity.to_owned(),
            Some(sheet.to_owned()),
            Some(row),
            Some(column.to_owned()),
        )
    };
    let expected = vec![
        at("error", "Usaha", 3, "E"),
        at("error", "Usaha", 3, "G"),
        at("error", "Produk", 4, "A"),
        at("error", "Produk", 5, "D"),
        at("error", "Produk", 6, "E"),
        at("warning", "Produk", 7, "E"),
        at("error", "Produk", 8, "C"),
        at("error", "Produk", 9, "F"),
    ];
    let mut sorted = places.clone();
    sorted.sort_by_key(|(s, sheet, row, col)| (sheet.clone(), *row, col.clone(), s.clone()));
    let mut expected_sorted = expected.clone();
    expected_sorted
        .sort_by_key(|(s, sheet, row, col)| (sheet.clone(), *row, col.clone(), s.clone()));
    assert_eq!(sorted, expected_sorted, "{}", run.stderr);
    assert!(
        run.stderr.contains("unknown category `kue`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("`50rb` was read as 50000 rupiah"),
        "{}",
        run.stderr
    );

    let products = folders(setup.root(), "products");
    for good in ["kue-lapis-legit", "onde-onde-wijen-hitam", "jenang"] {
        assert!(
            products.contains(&good.to_owned()),
            "{good} imported: {products:?}"
        );
    }
    for bad in ["bolu-kukus", "wingko", "tape", "rengginang"] {
        assert!(
            !products.contains(&bad.to_owned()),
            "{bad} not imported: {products:?}"
        );
    }
    assert_eq!(
        setup.yaml("content/products/jenang/product.yaml")["price"],
        json!({ "amount": 50000 })
    );
    assert!(!folders(setup.root(), "producers").contains(&"batik-baru".to_owned()));
    assert!(
        run.stderr.contains("rows not imported: 6"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_second_import_of_the_same_workbook_changes_nothing() {
    let setup = Setup::new();
    let file = setup.xlsx(&[("Usaha", producers_sheet()), ("Produk", products_sheet())]);
    let first = setup.import(&file, &[]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    let after_first = setup.content();
    let second = setup.import(&file, &[]);
    assert_eq!(second.code, 0, "{}", second.stderr);
    assert_eq!(setup.content(), after_first, "byte for byte the same");
    assert!(
        second.stderr.contains("0 created, 0 updated, 3 unchanged"),
        "{}",
        second.stderr
    );
}

#[test]
fn an_edited_workbook_updates_the_same_folders_and_keeps_comments() {
    let setup = Setup::new();
    let file = setup.xlsx(&[("Usaha", producers_sheet()), ("Produk", products_sheet())]);
    assert_eq!(setup.import(&file, &[]).code, 0);
    let yaml = "content/products/kue-lapis-legit/product.yaml";
    // An editor's comment, and a field the spreadsheet has no column for.
    setup
        .catalogue
        .replace(yaml, "category:", "# dicek Bu Rina, 3 Mei\ncategory:");
    let text = setup.catalogue.read(yaml);
    setup
        .catalogue
        .write(yaml, format!("{text}min_order: 12\n"));

    let mut products = products_sheet();
    products[1][1] = Text("Spiced Layer Cake");
    products[1][4] = Number(90000.0);
    let file = setup.xlsx(&[("Usaha", producers_sheet()), ("Produk", products)]);
    let run = setup.import(&file, &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        folders(setup.root(), "products").len(),
        5,
        "3 from the fixture, 2 imported, none duplicated"
    );
    let lapis = setup.yaml(yaml);
    assert_eq!(lapis["name"]["en"], json!("Spiced Layer Cake"));
    assert_eq!(lapis["price"], json!({ "min": 90000, "max": 150000 }));
    assert_eq!(
        lapis["min_order"],
        json!(12),
        "a field without a column stays"
    );
    let text = setup.catalogue.read(yaml);
    assert!(text.contains("# dicek Bu Rina, 3 Mei\ncategory:"), "{text}");
    assert!(
        run.stderr
            .contains("updated content/products/kue-lapis-legit/"),
        "{}",
        run.stderr
    );
}

#[test]
fn hand_edits_are_kept_and_reported_unless_overwrite() {
    let setup = Setup::new();
    let file = setup.xlsx(&[("Usaha", producers_sheet()), ("Produk", products_sheet())]);
    assert_eq!(setup.import(&file, &[]).code, 0);
    let yaml = "content/products/onde-onde-wijen-hitam/product.yaml";
    let text = "content/products/onde-onde-wijen-hitam/id.md";
    setup
        .catalogue
        .replace(yaml, "amount: 50000", "amount: 55000");
    setup
        .catalogue
        .write(text, "Onde-onde isi kacang hijau, digoreng tiap pagi.\n");
    // The unit changed by hand where the spreadsheet did not change it: no clash.
    setup.catalogue.replace(yaml, "id: kotak", "id: dus");

    let mut products = products_sheet();
    products[2][4] = Text("Rp 52.500");
    products[2][10] = Text("Onde-onde isi kacang hijau pilihan.");
    products[2][0] = Text("Onde-onde Wijen Hitam");
    let file = setup.xlsx(&[("Usaha", producers_sheet()), ("Produk", products.clone())]);
    let run = setup.import(&file, &[]);
    assert_eq!(run.code, 0, "clashes are not errors:\n{}", run.stderr);
    let clashes: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.contains("changed by hand"))
        .collect();
    assert_eq!(clashes.len(), 2, "{}", run.stderr);
    assert!(clashes
        .iter()
        .any(|l| l.contains("field `price`") && l.contains("row 3")));
    assert!(clashes
        .iter()
        .any(|l| l.starts_with(&format!("warning: {text}"))));
    assert_eq!(setup.yaml(yaml)["price"], json!({ "amount": 55000 }));
    assert_eq!(setup.yaml(yaml)["unit"]["id"], json!("dus"));
    assert_eq!(
        setup.catalogue.read(text),
        "Onde-onde isi kacang hijau, digoreng tiap pagi.\n"
    );

    let again = setup.import(&file, &[]);
    let reported_again = again
        .stderr
        .lines()
        .filter(|l| l.contains("changed by hand"))
        .count();
    assert_eq!(
        reported_again, 2,
        "reported until resolved: {}",
        again.stderr
    );
    assert_eq!(setup.yaml(yaml)["price"], json!({ "amount": 55000 }));

    products[2][4] = Text("Rp 53.000");
    let file = setup.xlsx(&[("Usaha", producers_sheet()), ("Produk", products)]);
    let overwrite = setup.import(&file, &["--overwrite"]);
    assert_eq!(overwrite.code, 0, "{}", overwrite.stderr);
    assert!(
        overwrite.stderr.contains("Overwritten"),
        "{}",
        overwrite.stderr
    );
    assert_eq!(setup.yaml(yaml)["price"], json!({ "amount": 53000 }));
    assert_eq!(
        setup.yaml(yaml)["unit"]["id"],
        json!("kotak"),
        "--overwrite takes every value of the spreadsheet"
    );
    assert_eq!(
        setup.catalogue.read(text),
        "Onde-onde isi kacang hijau pilihan.\n"
    );
    let overwritten = overwrite
        .stderr
        .lines()
        .filter(|l| l.contains("Overwritten"))
        .count();
    assert_eq!(
        overwritten, 3,
        "price, unit.id and id.md: {}",
        overwrite.stderr
    );
    let settled = setup.import(&file, &[]);
    assert!(!settled.stderr.contains("by hand"), "{}", settled.stderr);
    assert!(
        settled.stderr.contains("0 created, 0 updated, 3 unchanged"),
        "{}",
        settled.stderr
    );
}

#[test]
fn a_first_import_over_hand_written_entries_keeps_what_differs() {
    let setup = Setup::new();
    let mut products = vec![products_header()];
    products.push(vec![
        Text("Batik Tulis Surya Majapahit"),
        Text("Surya Majapahit Hand-drawn Batik"),
        Text("Batik Sekar Jagad"),
        Text("batik"),
        Number(400000.0),
        Number(750000.0),
        Text("lembar"),
        Blank,
        Blank,
        Blank,
        Blank,
        Blank,
    ]);
    let file = setup.xlsx(&[("Produk", products)]);
    let before = setup
        .catalogue
        .read("content/products/batik-tulis-surya/product.yaml");
    let run = setup.import(&file, &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        !folders(setup.root(), "products").contains(&"batik-tulis-surya-majapahit".to_owned()),
        "the hand-written entry of the same name and business is the row's folder"
    );
    assert!(run.stderr.contains("field `price`"), "{}", run.stderr);
    assert_eq!(
        setup
            .catalogue
            .read("content/products/batik-tulis-surya/product.yaml"),
        before,
        "nothing written over: the price differs, everything else is the same"
    );
}

/// `price: 400000` written by hand is the `{ amount: 400000 }` the spreadsheet's row gives:
/// the same price in another spelling, not a hand edit to keep or report.
#[test]
fn a_bare_price_written_by_hand_is_the_same_as_the_spreadsheets() {
    let yaml = "content/products/batik-tulis-surya/product.yaml";
    // (the price written by hand, whether the import reports it as differing)
    for (written, reported) in [("price: 400000", false), ("price: 450000", true)] {
        let setup = Setup::new();
        setup
            .catalogue
            .replace(yaml, "price: { min: 350000, max: 750000 }", written);
        let mut products = vec![products_header()];
        products.push(vec![
            Text("Batik Tulis Surya Majapahit"),
            Text("Surya Majapahit Hand-drawn Batik"),
            Text("Batik Sekar Jagad"),
            Text("batik"),
            Number(400000.0),
            Blank,
            Text("lembar"),
            Blank,
            Blank,
            Blank,
            Blank,
            Blank,
        ]);
        let file = setup.xlsx(&[("Produk", products)]);
        let run = setup.import(&file, &[]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert_eq!(
            run.stderr.contains("field `price`"),
            reported,
            "{written}: {}",
            run.stderr
        );
        assert!(
            setup
                .catalogue
                .read(yaml)
                .contains(&format!("\n{written}\n")),
            "the editor's line stays"
        );
    }
}

#[test]
fn a_curation_sheet_changes_only_the_curation_block() {
    let setup = Setup::new();
    let yaml = "content/products/onde-onde-isi-10/product.yaml";
    let before = setup.catalogue.read(yaml);
    let curation = vec![
        vec![
            Text("Produk"),
            Text("Kurator"),
            Text("Status"),
            Text("Tanggal"),
        ],
        vec![
            Text("Onde-onde Box of 10"),
            Text("The Keranjang Bali"),
            Text("Lolos"),
            Cell::Date(2025, 5, 2),
        ],
        vec![
            Text("batik-tulis-surya"),
            Text("Dekranasda"),
            Text("in review"),
            Text("3 Mei 2025"),
        ],
    ];
    let file = setup.xlsx(&[("Kurasi", curation)]);

    // The entries were written by hand: values that differ count as hand edits, and only
    // the missing date is filled in.
    let careful = setup.import(&file, &[]);
    assert_eq!(careful.code, 0, "{}", careful.stderr);
    let differs: Vec<&str> = careful
        .stderr
        .lines()
        .filter(|l| l.contains("no import wrote it before"))
        .collect();
    assert_eq!(
        differs.len(),
        5,
        "status and curator, then status, curator and date:\n{}",
        careful.stderr
    );
    let partly = setup.yaml(yaml);
    assert_eq!(
        partly["curation"],
        json!({ "status": "proses", "curator": "Dekranasda Kota Mojokerto", "date": "2025-05-02" })
    );

    let run = setup.import(&file, &["--overwrite"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let after = setup.catalogue.read(yaml);
    assert_eq!(
        setup_yaml(&after)["curation"],
        json!({ "status": "lolos", "curator": "The Keranjang Bali", "date": "2025-05-02" })
    );
    let without_curation = |text: &str| {
        let mut value = setup_yaml(text);
        value.as_object_mut().unwrap().remove("curation");
        value
    };
    assert_eq!(without_curation(&after), without_curation(&before));
    let changed: Vec<&str> = diff_lines(&before, &after);
    assert!(
        !changed.is_empty() && changed.iter().all(|line| line.starts_with("  ")),
        "only lines inside the curation block change: {changed:?}"
    );
    let surya = setup.yaml("content/products/batik-tulis-surya/product.yaml");
    assert_eq!(
        surya["curation"],
        json!({ "status": "proses", "curator": "Dekranasda", "date": "2025-05-03" })
    );
    assert_eq!(surya["price"], json!({ "min": 350000, "max": 750000 }));
}

fn setup_yaml(text: &str) -> Value {
    serde_saphyr::from_str(text).unwrap()
}

/// The lines of `after` that are not lines of `before`.
fn diff_lines<'a>(before: &str, after: &'a str) -> Vec<&'a str> {
    let old: Vec<&str> = before.lines().collect();
    after.lines().filter(|line| !old.contains(line)).collect()
}

#[test]
fn dry_run_writes_nothing_and_says_what_it_would_do() {
    let setup = Setup::new();
    let file = setup.xlsx(&[("Usaha", producers_sheet()), ("Produk", products_sheet())]);
    let before = snapshot(setup.root());
    let run = setup.import(&file, &["--dry-run"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(snapshot(setup.root()), before, "nothing written");
    assert!(
        run.stderr
            .contains("would create content/products/kue-lapis-legit/"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("dry run, nothing written: 3 would be created"),
        "{}",
        run.stderr
    );
}

#[test]
fn csv_files_with_semicolons_import_like_a_workbook() {
    let setup = Setup::new();
    let usaha = "nama_usaha;jenis;alamat;whatsapp\nKue Lapis Bu Ani;ikm;Jl. Gajah Mada 5;+62 812 3456 7890\n";
    let produk = "nama_id;nama_en;nama_usaha;kategori;harga;foto\n\
                  Kue Lapis Legit;Layered Cake;Kue Lapis Bu Ani;Makanan & Minuman;\"Rp 85.000 - Rp 150.000\";foto/lapis.png\n";
    fs::write(setup.data("usaha.csv"), usaha).unwrap();
    fs::write(setup.data("produk.csv"), produk).unwrap();
    let first = setup.import(&setup.data("usaha.csv"), &[]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    let second = setup.import(&setup.data("produk.csv"), &[]);
    assert_eq!(second.code, 0, "{}", second.stderr);
    let producer = setup.yaml("content/producers/kue-lapis-bu-ani/producer.yaml");
    assert_eq!(producer["whatsapp"], json!("+6281234567890"));
    assert_eq!(producer["kind"], json!("ikm"));
    let product = setup.yaml("content/products/kue-lapis-legit/product.yaml");
    assert_eq!(product["price"], json!({ "min": 85000, "max": 150000 }));
    assert_eq!(product["photos"][0]["file"], json!("lapis.png"));
    setup.catalogue.build();
}

#[test]
fn sheet_chooses_one_sheet_and_a_wrong_name_is_a_usage_error() {
    let setup = Setup::new();
    let file = setup.xlsx(&[("Usaha", producers_sheet()), ("Produk", products_sheet())]);
    let run = setup.import(&file, &["--sheet", "usaha"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(folders(setup.root(), "producers").contains(&"kue-lapis-bu-ani".to_owned()));
    assert!(!folders(setup.root(), "products").contains(&"kue-lapis-legit".to_owned()));

    let wrong = setup.import(&file, &["--sheet", "Harga"]);
    assert_eq!(wrong.code, 2, "{}", wrong.stderr);
    assert!(
        wrong.stderr.contains("its sheets: Usaha, Produk"),
        "{}",
        wrong.stderr
    );
}

#[test]
fn problems_are_reported_in_indonesian_under_an_indonesian_locale() {
    let setup = Setup::new();
    let mut products = products_sheet();
    products[1][3] = Text("kue");
    let file = setup.xlsx(&[("Usaha", producers_sheet()), ("Produk", products)]);
    let args = [
        "import".to_owned(),
        file.display().to_string(),
        "--root".to_owned(),
        setup.root().display().to_string(),
    ];
    let run = etalase_with_locale(setup.root(), args, "id_ID.UTF-8");
    assert_eq!(run.code, 1);
    let line = run
        .stderr
        .lines()
        .find(|l| l.starts_with("kesalahan: katalog.xlsx"))
        .unwrap_or_else(|| panic!("{}", run.stderr));
    assert_eq!(
        line,
        "kesalahan: katalog.xlsx, lembar `Produk`, baris 2, kolom D (`Kategori`): kategori `kue` tidak dikenal"
    );
}

#[test]
fn paths_from_the_spreadsheet_cannot_leave_their_folders() {
    let setup = Setup::new();
    fs::write(setup.catalogue.parent().join("rahasia.png"), small_png()).unwrap();
    let mut products = products_sheet();
    products[1][7] = Text("../rahasia.png");
    products[2][7] = Text("/etc/passwd.png");
    let mut header = products[0].clone();
    header.push(Text("slug"));
    products[0] = header;
    products[1].push(Text("../../keluar"));
    let file = setup.xlsx(&[("Usaha", producers_sheet()), ("Produk", products)]);
    let run = setup.import(&file, &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let errors: Vec<(Option<u32>, Option<String>)> = reported(&run.stderr, "katalog.xlsx")
        .into_iter()
        .filter(|r| r.severity == "error")
        .map(|r| (r.row, r.column))
        .collect();
    assert!(
        errors.contains(&(Some(2), Some("H".to_owned()))),
        "{errors:?}"
    );
    assert!(
        errors.contains(&(Some(3), Some("H".to_owned()))),
        "{errors:?}"
    );
    assert!(
        errors.contains(&(Some(2), Some("M".to_owned()))),
        "{errors:?}"
    );
    assert!(!setup.catalogue.parent().join("keluar").exists());
    let written: Vec<String> = snapshot(setup.root()).into_keys().collect();
    assert!(
        !written.iter().any(|f| f.ends_with("rahasia.png")),
        "{written:?}"
    );
}

#[test]
fn the_template_spreadsheet_imports_cleanly_and_builds() {
    let setup = Setup::new();
    let template = repo_root().join("docs/import-template.xlsx");
    let run = setup.import(&template, &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stderr.contains("warning"), "{}", run.stderr);
    assert!(folders(setup.root(), "products").len() > 3);
    setup.catalogue.build();
}

/// Writes a minimal OpenDocument spreadsheet (what LibreOffice saves) with one sheet.
fn write_ods(path: &Path, sheet: &str, rows: &[Vec<Cell>]) {
    use std::io::Write as _;
    use zip::write::SimpleFileOptions;
    let escape = |text: &str| {
        text.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('"', "&quot;")
    };
    let mut table = String::new();
    for row in rows {
        table.push_str("<table:table-row>");
        for cell in row {
            table.push_str(&match cell {
                Text(text) => format!(
                    "<table:table-cell office:value-type=\"string\"><text:p>{}</text:p></table:table-cell>",
                    escape(text)
                ),
                Number(n) => format!(
                    "<table:table-cell office:value-type=\"float\" office:value=\"{n}\"><text:p>{n}</text:p></table:table-cell>"
                ),
                Cell::Date(y, m, d) => format!(
                    "<table:table-cell office:value-type=\"date\" office:date-value=\"{y:04}-{m:02}-{d:02}\"><text:p>{d:02}/{m:02}/{y}</text:p></table:table-cell>"
                ),
                Blank => "<table:table-cell/>".to_owned(),
            });
        }
        table.push_str("</table:table-row>");
    }
    let content = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
         <office:document-content \
         xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" \
         xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" \
         xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">\
         <office:body><office:spreadsheet><table:table table:name=\"{}\">{table}</table:table>\
         </office:spreadsheet></office:body></office:document-content>",
        escape(sheet)
    );
    let manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
        <manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">\
        <manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/>\
        <manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>\
        </manifest:manifest>";
    let stored = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let mut zip = zip::ZipWriter::new(fs::File::create(path).unwrap());
    let files = [
        ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
        ("META-INF/manifest.xml", manifest),
        ("content.xml", content.as_str()),
    ];
    for (name, text) in files {
        zip.start_file(name, stored).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
}

#[test]
fn an_ods_sheet_from_libreoffice_imports_with_its_numbers_and_dates() {
    let setup = Setup::new();
    let rows = vec![
        vec![
            Text("nama_id"),
            Text("nama_usaha"),
            Text("kategori"),
            Text("harga"),
            Text("status_kurasi"),
            Text("tanggal_kurasi"),
        ],
        vec![
            Text("Sambal Bawang"),
            Text("Onde-onde \"Bu Sri\" & Putri <Asli>"),
            Text("makanan-minuman"),
            Number(27500.0),
            Text("lolos"),
            Cell::Date(2025, 6, 1),
        ],
    ];
    let path = setup.data("produk.ods");
    write_ods(&path, "Produk", &rows);
    let run = setup.import(&path, &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let product = setup.yaml("content/products/sambal-bawang/product.yaml");
    assert_eq!(product["producer"], json!("onde-onde-bu-sri"));
    assert_eq!(product["price"], json!({ "amount": 27500 }));
    assert_eq!(
        product["curation"],
        json!({ "status": "lolos", "date": "2025-06-01" })
    );
}

#[test]
fn docs_import_md_lists_every_column_the_import_reads() {
    use etalase::import::columns::SheetKind;
    let docs = fs::read_to_string(repo_root().join("docs/import.md")).unwrap();
    for kind in [
        SheetKind::Producers,
        SheetKind::Products,
        SheetKind::Curation,
    ] {
        for (_, names) in kind.columns() {
            for name in *names {
                assert!(
                    docs.contains(&format!("`{name}`")),
                    "docs/import.md does not name `{name}`; run `cargo run --example import-template`"
                );
            }
        }
    }
}

#[test]
fn a_separate_curation_file_does_not_hide_rows_gone_from_the_products_file() {
    let setup = Setup::new();
    let produk = "nama_id;nama_usaha;kategori\nWingko;onde-onde-bu-sri;makanan-minuman\nJenang;onde-onde-bu-sri;makanan-minuman\n";
    fs::write(setup.data("produk.csv"), produk).unwrap();
    assert_eq!(setup.import(&setup.data("produk.csv"), &[]).code, 0);
    let kurasi = "produk;status\nWingko;lolos\n";
    fs::write(setup.data("kurasi.csv"), kurasi).unwrap();
    let curated = setup.import(&setup.data("kurasi.csv"), &[]);
    assert_eq!(curated.code, 0, "{}", curated.stderr);
    assert_eq!(
        setup.yaml("content/products/wingko/product.yaml")["curation"],
        json!({ "status": "lolos" })
    );
    let without_wingko = "nama_id;nama_usaha;kategori\nJenang;onde-onde-bu-sri;makanan-minuman\n";
    fs::write(setup.data("produk.csv"), without_wingko).unwrap();
    let run = setup.import(&setup.data("produk.csv"), &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let gone: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.contains("no row names it now"))
        .collect();
    assert_eq!(gone.len(), 1, "{}", run.stderr);
    assert!(
        gone[0].starts_with("warning: content/products/wingko:"),
        "{}",
        gone[0]
    );
    assert!(
        setup
            .catalogue
            .path("content/products/wingko/product.yaml")
            .exists(),
        "left alone"
    );
}

#[test]
fn a_row_with_a_slug_updates_its_product_without_naming_the_business() {
    let setup = Setup::new();
    let rows = "slug;nama_id;nama_usaha;harga\nsambal-tanpa-foto;Sambal Bawang Pedas;;Rp 25.000\n";
    fs::write(setup.data("produk.csv"), rows).unwrap();
    let run = setup.import(&setup.data("produk.csv"), &["--overwrite"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let product = setup.yaml("content/products/sambal-tanpa-foto/product.yaml");
    assert_eq!(product["name"]["id"], json!("Sambal Bawang Pedas"));
    assert_eq!(product["price"], json!({ "amount": 25000 }));
    assert_eq!(
        product["producer"],
        json!("onde-onde-bu-sri"),
        "kept as it was"
    );

    let new = "slug;nama_id;nama_usaha;kategori\nsambal-baru;Sambal Baru;;makanan-minuman\n";
    fs::write(setup.data("produk.csv"), new).unwrap();
    let run = setup.import(&setup.data("produk.csv"), &[]);
    assert_eq!(
        run.code, 1,
        "a new product still needs its business:\n{}",
        run.stderr
    );
    assert!(run.stderr.contains("needs producer"), "{}", run.stderr);
}

/// A real PNG of another colour, for a photo replaced by hand or in the spreadsheet's folder.
fn other_png(red: u8) -> Vec<u8> {
    png_bytes(image::RgbImage::from_pixel(
        64,
        48,
        image::Rgb([red, 40, 40]),
    ))
}

#[test]
fn a_photo_replaced_by_hand_is_kept_until_overwrite() {
    let setup = Setup::new();
    let file = setup.xlsx(&[("Usaha", producers_sheet()), ("Produk", products_sheet())]);
    assert_eq!(setup.import(&file, &[]).code, 0);
    let photo = "content/products/kue-lapis-legit/lapis.png";
    setup.catalogue.write(photo, other_png(200));
    // Built in between: the build's photo cache now knows the hand-replaced photo.
    setup.catalogue.build();

    let unchanged = setup.import(&file, &[]);
    assert_eq!(unchanged.code, 0, "{}", unchanged.stderr);
    assert!(
        !unchanged.stderr.contains("by hand"),
        "{}",
        unchanged.stderr
    );
    assert_eq!(
        fs::read(setup.catalogue.path(photo)).unwrap(),
        other_png(200)
    );

    fs::write(setup.data("foto/lapis.png"), other_png(10)).unwrap();
    let clash = setup.import(&file, &[]);
    assert_eq!(clash.code, 0, "{}", clash.stderr);
    let line = clash
        .stderr
        .lines()
        .find(|l| l.contains("replaced by hand"))
        .unwrap_or_else(|| panic!("{}", clash.stderr));
    assert!(
        line.starts_with(&format!("warning: {photo} was replaced by hand")),
        "{line}"
    );
    assert_eq!(
        fs::read(setup.catalogue.path(photo)).unwrap(),
        other_png(200)
    );

    let overwrite = setup.import(&file, &["--overwrite"]);
    assert_eq!(overwrite.code, 0, "{}", overwrite.stderr);
    assert_eq!(
        fs::read(setup.catalogue.path(photo)).unwrap(),
        other_png(10)
    );
    let settled = setup.import(&file, &[]);
    assert!(
        settled.stderr.contains("0 updated, 3 unchanged"),
        "{}",
        settled.stderr
    );
}

#[test]
fn shop_links_are_read_from_their_columns_checked_and_shown() {
    let setup = Setup::new();
    let producers = vec![
        vec![
            Text("Nama Usaha"),
            Text("Jenis"),
            Text("Alamat"),
            Text("Tokopedia"),
            Text("TikTok Shop"),
            Text("Situs Web"),
            Text("Facebook"),
        ],
        vec![
            Text("Kue Lapis Bu Ani"),
            Text("ukm"),
            Text("Jl. Gajah Mada 5, Kota Mojokerto"),
            Text("https://www.tokopedia.com/kuelapisbuani"),
            // Typed without https://, as share links are copied from the app.
            Text("vt.tiktok.com/ZSkuelapis/"),
            Text("https://kuelapisbuani.example.id"),
            Blank,
        ],
        vec![
            Text("Keripik Bu Rina"),
            Text("ukm"),
            Text("Jl. Kranggan 2, Kota Mojokerto"),
            Text("https://shopee.co.id/keripikburina"),
            Blank,
            Text("http://keripikburina.example.id"),
            Text("Keripik Bu Rina"),
        ],
    ];
    let products = vec![
        vec![
            Text("Nama ID"),
            Text("Nama Usaha"),
            Text("Kategori"),
            Text("Harga"),
            Text("Shopee"),
        ],
        vec![
            Text("Kue Lapis Legit"),
            Text("Kue Lapis Bu Ani"),
            Text("Makanan & Minuman"),
            Number(85000.0),
            Text("https://shopee.co.id/kuelapisbuani/kue-lapis-legit"),
        ],
    ];
    let file = setup.xlsx(&[("Usaha", producers), ("Produk", products)]);
    let run = setup.import(&file, &[]);
    assert_eq!(
        run.code, 1,
        "the second business has bad links:\n{}",
        run.stderr
    );
    let places: Vec<(String, Option<u32>, Option<String>)> = reported(&run.stderr, "katalog.xlsx")
        .into_iter()
        .map(|r| (r.severity, r.row, r.column))
        .collect();
    let at = |severity: &str, row: u32, column: &str| {
        (severity.to_owned(), Some(row), Some(column.to_owned()))
    };
    assert_eq!(
        places,
        [
            at("warning", 2, "E"),
            at("error", 3, "D"),
            at("error", 3, "F"),
            at("error", 3, "G"),
        ],
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains(
        "`vt.tiktok.com/ZSkuelapis/` has no https://; read as https://vt.tiktok.com/ZSkuelapis/"
    ));
    assert!(run
        .stderr
        .contains("is not a Tokopedia address: it leads to `shopee.co.id`"));
    assert!(run
        .stderr
        .contains("`http://keripikburina.example.id` is not an https:// address"));

    let relative = "content/producers/kue-lapis-bu-ani/producer.yaml";
    assert_eq!(
        setup.yaml(relative)["shops"],
        json!({
            "tokopedia": "https://www.tokopedia.com/kuelapisbuani",
            "tiktok": "https://vt.tiktok.com/ZSkuelapis/",
            "website": "https://kuelapisbuani.example.id",
        })
    );
    let text = setup.catalogue.read(relative);
    assert!(
        text.contains("shops:\n  tokopedia: https://www.tokopedia.com/kuelapisbuani\n  tiktok: "),
        "a block in the contract's order:\n{text}"
    );
    assert_eq!(key_order(&text), ["name", "kind", "address", "shops"]);
    assert!(!setup
        .root()
        .join("content/producers/keripik-bu-rina")
        .exists());
    let lapis = setup.yaml("content/products/kue-lapis-legit/product.yaml");
    assert_eq!(
        lapis["shops"],
        json!({ "shopee": "https://shopee.co.id/kuelapisbuani/kue-lapis-legit" })
    );

    let after_first = setup.content();
    setup.import(&file, &[]);
    assert_eq!(
        setup.content(),
        after_first,
        "a second import changes nothing"
    );
    let site = setup.catalogue.build();
    let page = site.html("id/products/kue-lapis-legit/index.html");
    let link = Selector::parse("ul.shop-links a").unwrap();
    let hrefs: Vec<&str> = page
        .select(&link)
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert_eq!(
        hrefs,
        ["https://shopee.co.id/kuelapisbuani/kue-lapis-legit"]
    );
}

#[test]
fn availability_columns_become_the_availability_block_and_build() {
    let setup = Setup::new();
    let sheet: Grid = vec![
        vec![
            Text("Nama ID"),
            Text("Nama Usaha"),
            Text("Kategori"),
            Text("Ketersediaan"),
            Text("Lama Pesan (hari)"),
        ],
        vec![
            Text("Batik Tulis Pesanan"),
            Text("batik-sekar-jagad"),
            Text("batik"),
            Text("Pre Order"),
            Number(21.0),
        ],
        vec![
            Text("Kain Batik Cap Siap"),
            Text("batik-sekar-jagad"),
            Text("batik"),
            Text("Ready Stock"),
            Blank,
        ],
        // row 4: a lead time for a product in stock
        vec![
            Text("Kain Batik Salah"),
            Text("batik-sekar-jagad"),
            Text("batik"),
            Text("siap"),
            Number(5.0),
        ],
        // row 5: a lead time of no days
        vec![
            Text("Kain Batik Nol"),
            Text("batik-sekar-jagad"),
            Text("batik"),
            Text("pesan"),
            Number(0.0),
        ],
    ];
    let file = setup.xlsx(&[("Produk", sheet)]);
    let run = setup.import(&file, &[]);
    assert_eq!(run.code, 1, "two rows are refused: {}", run.stderr);
    let errors: Vec<(Option<u32>, Option<String>, String)> = reported(&run.stderr, "katalog.xlsx")
        .into_iter()
        .filter(|r| r.severity == "error")
        .map(|r| (r.row, r.column, r.message))
        .collect();
    assert_eq!(errors.len(), 2, "{}", run.stderr);
    assert_eq!((errors[0].0, errors[0].1.as_deref()), (Some(4), Some("E")));
    assert!(
        errors[0].0.is_some() && errors[0].2.contains("only for products made to order"),
        "{errors:?}"
    );
    assert_eq!((errors[1].0, errors[1].1.as_deref()), (Some(5), Some("E")));
    assert!(
        errors[1]
            .2
            .contains("`0` is not a number of days from 1 to 365"),
        "{errors:?}"
    );

    let made = "content/products/batik-tulis-pesanan/product.yaml";
    assert_eq!(
        setup.yaml(made)["availability"],
        json!({ "status": "pesan", "lead_days": 21 })
    );
    let text = setup.catalogue.read(made);
    assert!(
        text.lines()
            .any(|l| l == "availability: { status: pesan, lead_days: 21 }"),
        "{text}"
    );
    assert_eq!(
        setup.yaml("content/products/kain-batik-cap-siap/product.yaml")["availability"],
        json!({ "status": "siap" })
    );

    let site = setup.catalogue.build();
    let page = site.html("id/products/batik-tulis-pesanan/index.html");
    let badge = Selector::parse(".product-info .badge-availability-pesan").unwrap();
    let label: String = page
        .select(&badge)
        .next()
        .expect("the badge")
        .text()
        .collect();
    assert_eq!(label.trim(), "Dibuat sesuai pesanan, 21 hari");
}

// ---------------------------------------------------------------- limits (issue 20)

/// `limits:` written into the setup's catalogue.yaml.
fn set_limits(setup: &Setup, block: &str) {
    let config = setup.catalogue.read("catalogue.yaml");
    let config = match config.find("\nlimits:") {
        Some(at) => config[..at + 1].to_owned(),
        None => config,
    };
    setup
        .catalogue
        .write("catalogue.yaml", format!("{config}\nlimits:\n{block}"));
}

#[test]
fn a_cell_longer_than_the_limit_refuses_the_file_naming_the_cell() {
    let setup = Setup::new();
    set_limits(&setup, "  max_cell_chars: 100\n");
    let mut products = products_sheet();
    let long: &'static str = Box::leak("panjang ".repeat(20).into_boxed_str());
    products[2][10] = Text(long);
    let file = setup.xlsx(&[("Usaha", producers_sheet()), ("Produk", products)]);
    let before = setup.content();
    let run = setup.import(&file, &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "error: katalog.xlsx, sheet `Produk`, row 3, column K: the cell holds 159 characters; a cell may hold at most 100\n  hint: long descriptions belong in the entry's id.md and en.md; or raise `limits.max_cell_chars` in catalogue.yaml"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(setup.content(), before, "a refused file wrote something");

    let args = [
        "import".to_owned(),
        file.display().to_string(),
        "--root".to_owned(),
        setup.root().display().to_string(),
    ];
    let run = etalase_with_locale(setup.root(), args, "id_ID.UTF-8");
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains(
            "kesalahan: katalog.xlsx, lembar `Produk`, baris 3, kolom K: sel ini berisi 159 karakter; satu sel paling banyak 100 karakter"
        ),
        "{}",
        run.stderr
    );

    // Raised, the same file imports.
    set_limits(&setup, "  max_cell_chars: 200\n");
    let run = setup.import(&file, &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

#[test]
fn a_csv_file_past_the_row_limit_is_refused_and_below_it_keeps_its_line_numbers() {
    let setup = Setup::new();
    set_limits(&setup, "  max_sheet_rows: 20\n");
    let path = setup.data("produk.csv");
    let mut text = String::from("nama_id;produsen;kategori;harga\n");
    for n in 1..=25 {
        text.push_str(&format!(
            "Onde-onde {n};onde-onde-bu-sri;makanan-minuman;{n}000\n"
        ));
    }
    fs::write(&path, &text).unwrap();
    let run = setup.import(&path, &["--dry-run"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "error: produk.csv: the sheet goes on past row 20; a sheet may have at most 20 rows"
        ),
        "{}",
        run.stderr
    );

    // Within the limit, a row's problem names its line, counted over blank lines and a cell
    // holding two lines.
    let text = "nama_id;produsen;kategori;harga\n\nOnde-onde;onde-onde-bu-sri;makanan-minuman;\"5000\"\n\"Kue\nlapis\";onde-onde-bu-sri;makanan-minuman;5000\nKeripik;onde-onde-bu-sri;kue;5000\n";
    fs::write(&path, text).unwrap();
    let run = setup.import(&path, &["--dry-run"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("error: produk.csv, row 6, column C (`kategori`)"),
        "{}",
        run.stderr
    );
}

// ---------------------------------------------------------------- the 1904 date system

#[test]
fn a_workbook_with_the_1904_date_system_gives_the_right_dates() {
    let setup = Setup::new();
    let yaml = "content/products/onde-onde-isi-10/product.yaml";
    // 2025-05-02 is day 44317 counted from 1904-01-01 (day 45779 from 1899-12-30): a date
    // cell of older Excel for Mac.
    let path = setup.data("kurasi-mac.xlsx");
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Kurasi").unwrap();
    for (column, header) in ["Produk", "Kurator", "Status", "Tanggal"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, column as u16, *header).unwrap();
    }
    sheet.write_string(1, 0, "onde-onde-isi-10").unwrap();
    sheet.write_string(1, 1, "The Keranjang Bali").unwrap();
    sheet.write_string(1, 2, "Lolos").unwrap();
    let date_format = Format::new().set_num_format("dd/mm/yyyy");
    sheet
        .write_number_with_format(1, 3, 44317.0, &date_format)
        .unwrap();
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    workbook.save(&path).unwrap();
    crate::common::workbook::use_1904_dates(&path);

    let run = setup.import(&path, &["--overwrite"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(setup.yaml(yaml)["curation"]["date"], json!("2025-05-02"));
}

// ---------------------------------------------------------------- office spreadsheets as they are

#[test]
fn a_title_block_above_the_headers_is_skipped_and_rows_keep_their_own_numbers() {
    let setup = Setup::new();
    // The office's layout: a title, a date, an empty row, the headers (after a `No` column),
    // an empty row, then the products.
    let mut products = vec![
        vec![Text("DAFTAR PRODUK UKM KOTA MOJOKERTO 2025")],
        vec![Text("Per 1 Juni 2025")],
        vec![],
    ];
    for (index, row) in products_sheet().into_iter().enumerate() {
        let mut numbered = vec![if index == 0 {
            Text("No")
        } else {
            Number(index as f64)
        }];
        numbered.extend(row);
        products.push(numbered);
        if index == 0 {
            products.push(vec![]);
        }
    }
    // The second product (on row 7) names an unknown category.
    products[6][4] = Text("kue");
    let file = setup.xlsx(&[("Usaha", producers_sheet()), ("Produk", products)]);
    let run = setup.import(&file, &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let lines: Vec<&str> = run.stderr.lines().collect();
    for expected in [
        "warning: katalog.xlsx, sheet `Produk`: the column names were found in row 4; the title above them (from row 1) was not read",
        "warning: katalog.xlsx, sheet `Produk`, row 4, column A (`No`): column not used by the import; its cells are ignored",
        "error: katalog.xlsx, sheet `Produk`, row 7, column E (`Kategori`): unknown category `kue`",
    ] {
        assert!(lines.contains(&expected), "{expected}\n{}", run.stderr);
    }
    // The first product (row 6) was imported; the title was no product.
    let created: Vec<String> = folders(setup.root(), "products");
    assert!(
        created.iter().any(|f| f == "kue-lapis-legit"),
        "{created:?}"
    );
    assert!(!created.iter().any(|f| f.contains("daftar")), "{created:?}");
}
