//! Column headers -> what each column means: the documented Indonesian and English names of
//! every column, and which of the three kinds of sheet (producers, products, curation) a sheet is.

use super::sheet::{Row, Sheet};
use super::values::fold;
use crate::fields::Marketplace;

/// The three kinds of sheet an import understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum SheetKind {
    Producers,
    Products,
    Curation,
}

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Column {
    Slug,
    // producers
    BusinessName,
    Kind,
    Owner,
    Sentra,
    Address,
    Whatsapp,
    Instagram,
    Email,
    /// A shop's link: on producers sheets every kind, on products sheets the marketplaces.
    Shop(Marketplace),
    Founded,
    Logo,
    StoryId,
    StoryEn,
    // products
    NameId,
    NameEn,
    Producer,
    Category,
    Sku,
    Gtin,
    Price,
    PriceMin,
    PriceMax,
    UnitId,
    UnitEn,
    MinOrder,
    Availability,
    LeadDays,
    Tags,
    Photos,
    Certifications,
    CurationStatus,
    Curator,
    CurationDate,
    Featured,
    DescriptionId,
    DescriptionEn,
    // curation
    Product,
}

/// A column and the header names that mean it; the first is the documented Indonesian name,
/// the second the English one (the same word where both languages use it), then other names
/// offices use.
type Names = (Column, &'static [&'static str]);

/// A shop's column, named as `fields::Marketplace` says.
const fn shop(marketplace: Marketplace) -> Names {
    (Column::Shop(marketplace), marketplace.columns())
}

/// The producers sheet's columns.
pub const PRODUCER_COLUMNS: &[Names] = &[
    (Column::Slug, &["slug", "slug"]),
    (
        Column::BusinessName,
        &[
            "nama_usaha",
            "business_name",
            "usaha",
            "business",
            "produsen",
        ],
    ),
    (Column::Kind, &["jenis", "kind", "jenis_usaha", "type"]),
    (Column::Owner, &["pemilik", "owner"]),
    (Column::Sentra, &["sentra", "cluster"]),
    (Column::Address, &["alamat", "address"]),
    (
        Column::Whatsapp,
        &[
            "whatsapp", "whatsapp", "wa", "no_wa", "nomor_wa", "no_hp", "hp", "telepon", "phone",
        ],
    ),
    (Column::Instagram, &["instagram", "instagram", "ig"]),
    (Column::Email, &["email", "email", "e_mail", "surel"]),
    shop(Marketplace::Tokopedia),
    shop(Marketplace::Shopee),
    shop(Marketplace::Tiktok),
    shop(Marketplace::Bukalapak),
    shop(Marketplace::Website),
    shop(Marketplace::Facebook),
    (
        Column::Founded,
        &["tahun_berdiri", "founded", "berdiri", "year_founded"],
    ),
    (Column::Logo, &["logo", "logo"]),
    (
        Column::StoryId,
        &[
            "cerita_id",
            "story_id",
            "profil_id",
            "deskripsi_id",
            "description_id",
        ],
    ),
    (
        Column::StoryEn,
        &[
            "cerita_en",
            "story_en",
            "profil_en",
            "deskripsi_en",
            "description_en",
        ],
    ),
];

/// The products sheet's columns.
pub const PRODUCT_COLUMNS: &[Names] = &[
    (Column::Slug, &["slug", "slug"]),
    (
        Column::NameId,
        &[
            "nama_id",
            "name_id",
            "nama_produk",
            "nama_produk_id",
            "product_name_id",
        ],
    ),
    (
        Column::NameEn,
        &[
            "nama_en",
            "name_en",
            "nama_produk_en",
            "product_name_en",
            "product_name",
        ],
    ),
    (
        Column::Producer,
        &[
            "nama_usaha",
            "business_name",
            "usaha",
            "produsen",
            "producer",
        ],
    ),
    (Column::Category, &["kategori", "category"]),
    (
        Column::Sku,
        &[
            "kode_produk",
            "product_code",
            "sku",
            "kode_barang",
            "kode_item",
            "mpn",
        ],
    ),
    (
        Column::Gtin,
        &[
            "barcode",
            "gtin",
            "kode_barcode",
            "nomor_barcode",
            "no_barcode",
            "ean",
        ],
    ),
    (Column::Price, &["harga", "price"]),
    (
        Column::PriceMin,
        &["harga_min", "price_min", "harga_minimum", "min_price"],
    ),
    (
        Column::PriceMax,
        &[
            "harga_maks",
            "price_max",
            "harga_max",
            "harga_maksimum",
            "max_price",
        ],
    ),
    (Column::UnitId, &["satuan_id", "unit_id", "satuan"]),
    (Column::UnitEn, &["satuan_en", "unit_en", "unit"]),
    (
        Column::MinOrder,
        &[
            "min_order",
            "minimum_order",
            "minimal_order",
            "min_pesan",
            "minimal_pemesanan",
            "moq",
        ],
    ),
    (
        Column::Availability,
        &[
            "ketersediaan",
            "availability",
            "stok",
            "status_stok",
            "stock",
        ],
    ),
    (
        Column::LeadDays,
        &[
            "lama_pesan_hari",
            "lead_days",
            "lama_pesan",
            "lama_pembuatan",
            "lead_time",
        ],
    ),
    (Column::Tags, &["tag", "tags", "label"]),
    (Column::Photos, &["foto", "photos", "photo", "gambar"]),
    (
        Column::Certifications,
        &[
            "sertifikasi",
            "certifications",
            "sertifikat",
            "certification",
        ],
    ),
    shop(Marketplace::Tokopedia),
    shop(Marketplace::Shopee),
    shop(Marketplace::Tiktok),
    shop(Marketplace::Bukalapak),
    (
        Column::CurationStatus,
        &["status_kurasi", "curation_status", "kurasi", "curation"],
    ),
    (Column::Curator, &["kurator", "curator"]),
    (Column::CurationDate, &["tanggal_kurasi", "curation_date"]),
    (Column::Featured, &["unggulan", "featured", "andalan"]),
    (Column::DescriptionId, &["deskripsi_id", "description_id"]),
    (Column::DescriptionEn, &["deskripsi_en", "description_en"]),
];

/// The curation sheet's columns.
pub const CURATION_COLUMNS: &[Names] = &[
    (
        Column::Product,
        &[
            "produk",
            "product",
            "slug",
            "nama_produk",
            "nama_id",
            "product_name",
        ],
    ),
    (Column::Curator, &["kurator", "curator"]),
    (
        Column::CurationStatus,
        &["status", "status_kurasi", "curation_status", "hasil"],
    ),
    (
        Column::CurationDate,
        &["tanggal", "date", "tanggal_kurasi", "curation_date"],
    ),
];

impl SheetKind {
    /// The columns a sheet of this kind may have.
    pub fn columns(self) -> &'static [Names] {
        match self {
            SheetKind::Producers => PRODUCER_COLUMNS,
            SheetKind::Products => PRODUCT_COLUMNS,
            SheetKind::Curation => CURATION_COLUMNS,
        }
    }

    /// The column a sheet of this kind cannot do without.
    pub fn required(self) -> Column {
        match self {
            SheetKind::Producers => Column::BusinessName,
            SheetKind::Products => Column::NameId,
            SheetKind::Curation => Column::Product,
        }
    }

    /// The documented (Indonesian, English) names of `column` in this kind of sheet.
    pub fn documented_names(self, column: Column) -> (&'static str, &'static str) {
        let names = self
            .columns()
            .iter()
            .find(|(c, _)| *c == column)
            .map_or(&[][..], |(_, names)| names);
        let first = names.first().copied().unwrap_or_default();
        (first, names.get(1).copied().unwrap_or(first))
    }
}

/// A header as compared with the documented names: "Harga Min (Rp)*" -> `harga_min`.
pub fn header_key(header: &str) -> String {
    let mut kept = String::new();
    let mut depth = 0usize;
    for c in header.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => kept.push(c),
            _ => {}
        }
    }
    fold(&kept).replace(' ', "_")
}

/// The kind of `sheet`: from its name when that says it (`Produk`, `usaha.csv`, `Kurasi`),
/// else from its headers. `None` for a sheet that is none of the three (such as a sheet of
/// instructions).
pub fn kind_of(sheet: &Sheet) -> Option<SheetKind> {
    kind_from_name(&sheet.name).or_else(|| kind_from_headers(&sheet.headers))
}

fn kind_from_name(name: &str) -> Option<SheetKind> {
    let name = fold(name);
    let has = |words: &[&str]| words.iter().any(|w| name.contains(w));
    if has(&["kurasi", "curation"]) {
        Some(SheetKind::Curation)
    } else if has(&["produk", "product"]) {
        Some(SheetKind::Products)
    } else if has(&["usaha", "produsen", "producer", "pelaku", "ukm", "ikm"]) {
        Some(SheetKind::Producers)
    } else {
        None
    }
}

fn kind_from_headers(headers: &[String]) -> Option<SheetKind> {
    let keys: Vec<String> = headers.iter().map(|h| header_key(h)).collect();
    let has = |kind: SheetKind, column: Column| {
        kind.columns()
            .iter()
            .filter(|(c, _)| *c == column)
            .flat_map(|(_, names)| names.iter())
            .any(|name| keys.iter().any(|key| key == name))
    };
    if has(SheetKind::Products, Column::NameId) || has(SheetKind::Products, Column::NameEn) {
        Some(SheetKind::Products)
    } else if has(SheetKind::Producers, Column::BusinessName) {
        Some(SheetKind::Producers)
    } else if has(SheetKind::Curation, Column::Product)
        && has(SheetKind::Curation, Column::CurationStatus)
    {
        Some(SheetKind::Curation)
    } else {
        None
    }
}

/// Which column of a sheet holds what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    pub kind: SheetKind,
    /// Each known column with its index in the sheet.
    pub columns: Vec<(Column, usize)>,
    /// Headers that name no known column: index and header as typed.
    pub unknown: Vec<(usize, String)>,
    /// Columns named twice: the column and the index of the second header.
    pub repeated: Vec<(Column, usize)>,
}

impl Layout {
    /// Maps every header of `sheet` to a column of `kind`.
    pub fn of(sheet: &Sheet, kind: SheetKind) -> Layout {
        let mut layout = Layout {
            kind,
            columns: Vec::new(),
            unknown: Vec::new(),
            repeated: Vec::new(),
        };
        for (index, header) in sheet.headers.iter().enumerate() {
            let key = header_key(header);
            if key.is_empty() {
                continue;
            }
            match column_named(kind, &key) {
                Some(column) if layout.has(column) => layout.repeated.push((column, index)),
                Some(column) => layout.columns.push((column, index)),
                None => layout.unknown.push((index, header.clone())),
            }
        }
        layout
    }

    pub fn has(&self, column: Column) -> bool {
        self.index(column).is_some()
    }

    pub fn index(&self, column: Column) -> Option<usize> {
        self.columns
            .iter()
            .find(|(c, _)| *c == column)
            .map(|(_, index)| *index)
    }

    /// The text of `column` in `row`, if the sheet has the column and the cell is not empty.
    pub fn cell<'r>(&self, row: &'r Row, column: Column) -> Option<&'r str> {
        let index = self.index(column)?;
        row.cells
            .get(index)
            .map(String::as_str)
            .filter(|text| !text.is_empty())
    }
}

fn column_named(kind: SheetKind, key: &str) -> Option<Column> {
    kind.columns()
        .iter()
        .find(|(_, names)| names.contains(&key))
        .map(|(column, _)| *column)
}

/// Whether `header` names a column of any kind of sheet: how the header row is told from a
/// title above it.
pub fn is_known_header(header: &str) -> bool {
    let key = header_key(header);
    !key.is_empty()
        && [
            SheetKind::Producers,
            SheetKind::Products,
            SheetKind::Curation,
        ]
        .into_iter()
        .any(|kind| column_named(kind, &key).is_some())
}

/// Every header name a sheet of `kind` understands, for "did you mean".
pub fn all_names(kind: SheetKind) -> impl Iterator<Item = &'static str> {
    kind.columns()
        .iter()
        .flat_map(|(_, names)| names.iter().copied())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet(name: &str, headers: &[&str]) -> Sheet {
        Sheet {
            name: name.to_owned(),
            has_sheets: true,
            headers: headers.iter().map(|h| h.to_string()).collect(),
            header_row: 1,
            title_row: None,
            first_column: 0,
            rows: Vec::new(),
        }
    }

    #[test]
    fn headers_are_matched_whatever_their_case_spacing_and_notes() {
        assert_eq!(header_key("Harga Min (Rp)*"), "harga_min");
        assert_eq!(header_key(" Nama  Usaha "), "nama_usaha");
        assert_eq!(header_key("Deskripsi-ID"), "deskripsi_id");
    }

    #[test]
    fn a_sheet_is_known_by_its_name_or_else_its_headers() {
        let cases = [
            (sheet("Produk", &["x"]), Some(SheetKind::Products)),
            (sheet("Data Usaha", &["x"]), Some(SheetKind::Producers)),
            (sheet("kurasi.csv", &["x"]), Some(SheetKind::Curation)),
            (
                sheet("Sheet1", &["Nama ID", "Harga"]),
                Some(SheetKind::Products),
            ),
            (
                sheet("Sheet2", &["Business name"]),
                Some(SheetKind::Producers),
            ),
            (
                sheet("Sheet3", &["product", "status"]),
                Some(SheetKind::Curation),
            ),
            (sheet("Petunjuk", &["Kolom", "Arti"]), None),
        ];
        for (sheet, kind) in cases {
            assert_eq!(kind_of(&sheet), kind, "{}", sheet.name);
        }
    }

    #[test]
    fn layout_finds_known_unknown_and_repeated_columns() {
        let sheet = sheet(
            "Produk",
            &["Nama ID", "name_en", "Harga", "warna", "price", ""],
        );
        let layout = Layout::of(&sheet, SheetKind::Products);
        assert_eq!(
            layout.columns,
            [(Column::NameId, 0), (Column::NameEn, 1), (Column::Price, 2)]
        );
        assert_eq!(layout.unknown, [(3, "warna".to_owned())]);
        assert_eq!(layout.repeated, [(Column::Price, 4)]);
        let row = Row {
            number: 2,
            cells: vec!["Onde".into(), String::new(), "5000".into()],
        };
        assert_eq!(layout.cell(&row, Column::NameId), Some("Onde"));
        assert_eq!(layout.cell(&row, Column::NameEn), None);
        assert_eq!(layout.cell(&row, Column::Category), None);
    }

    #[test]
    fn every_column_has_an_indonesian_and_an_english_name() {
        for kind in [
            SheetKind::Producers,
            SheetKind::Products,
            SheetKind::Curation,
        ] {
            for (column, names) in kind.columns() {
                assert!(names.len() >= 2, "{column:?}");
                for name in *names {
                    assert_eq!(header_key(name), *name, "{name} is not its own key");
                }
            }
        }
    }
}
