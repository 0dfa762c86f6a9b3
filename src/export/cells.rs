//! An entry's files -> its row: each column's cell written from the YAML value (and the
//! Markdown texts) the way the import reads it back into the same value (`import::rows`).

use std::path::PathBuf;

use serde_json::Value;

use super::plain;
use crate::fields::Marketplace;
use crate::import::columns::{Column, SheetKind};
use crate::import::existing::{Existing, OnDisk};
use crate::import::yaml_write::markdown_body;

/// A photo (or logo) to copy beside the spreadsheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Photo {
    /// Where it is, relative to the catalogue folder.
    pub source: PathBuf,
    /// What the cell says, and where under `foto/` it goes: `produk/<slug>/<file>`.
    pub cell: String,
}

/// The producers sheet's rows, one per producer.
pub fn producer_rows(producers: &[&Existing], photos: &mut Vec<Photo>) -> Vec<Vec<String>> {
    producers
        .iter()
        .map(|entry| row(SheetKind::Producers, entry, "usaha", photos))
        .collect()
}

/// The products sheet's rows, one per product.
pub fn product_rows(products: &[&Existing], photos: &mut Vec<Photo>) -> Vec<Vec<String>> {
    products
        .iter()
        .map(|entry| row(SheetKind::Products, entry, "produk", photos))
        .collect()
}

fn row(
    kind: SheetKind,
    entry: &Existing,
    photo_folder: &str,
    photos: &mut Vec<Photo>,
) -> Vec<String> {
    let mut files = Files {
        entry,
        folder: photo_folder,
        photos,
    };
    kind.columns()
        .iter()
        .map(|(column, _)| cell(*column, entry, &mut files))
        .collect()
}

/// The value at a dotted path (`name.id`, `shops.tokopedia`) of the entry's YAML.
fn at<'e>(entry: &'e Existing, path: &str) -> Option<&'e Value> {
    let fields = entry.fields.as_ref()?;
    match path.split_once('.') {
        Some((top, inner)) => fields.get(top)?.get(inner),
        None => fields.get(path),
    }
}

fn text_at(entry: &Existing, path: &str) -> String {
    at(entry, path).map(plain).unwrap_or_default()
}

fn cell(column: Column, entry: &Existing, files: &mut Files) -> String {
    use Column as C;
    match column {
        C::Slug => entry.slug.clone(),
        C::BusinessName => text_at(entry, "name"),
        C::Kind => text_at(entry, "kind"),
        C::Owner => text_at(entry, "owner"),
        C::Sentra => text_at(entry, "sentra"),
        C::Address => text_at(entry, "address"),
        C::Whatsapp => text_at(entry, "whatsapp"),
        C::Instagram => text_at(entry, "instagram"),
        C::Email => text_at(entry, "email"),
        C::Shop(marketplace) => shop(entry, marketplace),
        C::Founded => text_at(entry, "founded"),
        C::Logo => files.cell(at(entry, "logo").and_then(Value::as_str).into_iter()),
        C::StoryId | C::DescriptionId => body(entry, "id"),
        C::StoryEn | C::DescriptionEn => body(entry, "en"),
        C::NameId => text_at(entry, "name.id"),
        C::NameEn => text_at(entry, "name.en"),
        C::Producer => text_at(entry, "producer"),
        C::Category => text_at(entry, "category"),
        C::Sku => text_at(entry, "sku"),
        C::Gtin => text_at(entry, "gtin"),
        C::Price => at(entry, "price").map(price).unwrap_or_default(),
        // The one `harga` column says a price or a range.
        C::PriceMin | C::PriceMax => String::new(),
        C::UnitId => text_at(entry, "unit.id"),
        C::UnitEn => text_at(entry, "unit.en"),
        C::MinOrder => text_at(entry, "min_order"),
        C::Availability => text_at(entry, "availability.status"),
        C::LeadDays => text_at(entry, "availability.lead_days"),
        C::Tags => list(at(entry, "tags"), ", ", plain),
        C::Photos => {
            let names = at(entry, "photos")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(|photo| photo.get("file")?.as_str());
            files.cell(names)
        }
        C::Certifications => list(at(entry, "certifications"), "; ", certification),
        C::CurationStatus => text_at(entry, "curation.status"),
        C::Curator => text_at(entry, "curation.curator"),
        C::CurationDate => text_at(entry, "curation.date"),
        C::Featured => text_at(entry, "featured"),
        // Only the curation sheet has it, and the export leaves that sheet empty: the
        // products sheet says each product's curation.
        C::Product => entry.slug.clone(),
    }
}

/// A shop's link as written; a product's shops are only the marketplaces' (the sheet has no
/// other shop column).
fn shop(entry: &Existing, marketplace: Marketplace) -> String {
    text_at(entry, marketplace.field())
}

/// A Markdown text's body, without front matter.
fn body(entry: &Existing, lang: &str) -> String {
    match entry.texts.get(lang) {
        Some(OnDisk::Text(text)) => markdown_body(text).trim_end().to_owned(),
        _ => String::new(),
    }
}

/// `Rp 350.000`, or a range `350.000 - 750.000`, as offices type prices.
fn price(value: &Value) -> String {
    // `price: 35000`, the bare form editors may write.
    if let Some(amount) = value.as_u64() {
        return format!("Rp {}", grouped(amount));
    }
    let amount = |key: &str| value.get(key).and_then(Value::as_u64);
    match (amount("amount"), amount("min"), amount("max")) {
        (Some(amount), _, _) => format!("Rp {}", grouped(amount)),
        (None, Some(min), Some(max)) => format!("{} - {}", grouped(min), grouped(max)),
        (None, Some(min), None) => format!("Rp {}", grouped(min)),
        _ => String::new(),
    }
}

/// Digits grouped by thousands with dots: 1500000 -> `1.500.000`.
fn grouped(number: u64) -> String {
    let digits = number.to_string();
    let mut text = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            text.push('.');
        }
        text.push(digit);
    }
    text
}

/// A list's items, each written by `item`, joined.
fn list(value: Option<&Value>, joiner: &str, item: fn(&Value) -> String) -> String {
    let items: Vec<String> = value
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .map(item)
        .filter(|text| !text.is_empty())
        .collect();
    items.join(joiner)
}

/// `halal: ID351100…`, or the kind alone.
fn certification(value: &Value) -> String {
    let kind = value.get("type").map(plain).unwrap_or_default();
    match value.get("number").map(plain) {
        Some(number) if !number.is_empty() => format!("{kind}: {number}"),
        _ => kind,
    }
}

/// The files of one entry's row, gathered for copying beside the spreadsheet.
struct Files<'a> {
    entry: &'a Existing,
    folder: &'a str,
    photos: &'a mut Vec<Photo>,
}

impl Files<'_> {
    /// The cell naming `names`: `produk/<slug>/<file>, …`, each file noted for copying.
    fn cell<'n>(&mut self, names: impl Iterator<Item = &'n str>) -> String {
        let mut cells = Vec::new();
        for name in names {
            let cell = format!("{}/{}/{name}", self.folder, self.entry.slug);
            self.photos.push(Photo {
                source: self.entry.kind.entry_folder(&self.entry.slug).join(name),
                cell: cell.clone(),
            });
            cells.push(cell);
        }
        cells.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::values::parse_price;

    #[test]
    fn prices_are_written_as_the_import_reads_them() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1_500_000), "1.500.000");
        for (value, text) in [
            (serde_json::json!({ "amount": 350000 }), "Rp 350.000"),
            (
                serde_json::json!({ "min": 350000, "max": 750000 }),
                "350.000 - 750.000",
            ),
        ] {
            assert_eq!(price(&value), text);
            let read = parse_price(text).expect("the import reads it");
            let amount = value.get("amount").or(value.get("min"));
            assert_eq!(Some(read.min), amount.and_then(Value::as_u64));
            assert_eq!(read.max, value.get("max").and_then(Value::as_u64));
            assert!(!read.shorthand);
        }
        // The bare form, `price: 35000`, is the same price.
        assert_eq!(price(&serde_json::json!(35000)), "Rp 35.000");
    }
}
