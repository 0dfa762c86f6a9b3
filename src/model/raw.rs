//! Entries as editors write them: YAML deserialised into structs that refuse unknown fields.
//! Nothing here is checked beyond its shape; `validate` turns these into the model.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::fields::{CertificationKind, CurationStatus};
use crate::i18n::RawText;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawProducer {
    pub(super) name: String,
    pub(super) kind: Spanned<String>,
    pub(super) owner: Option<String>,
    pub(super) sentra: Option<String>,
    pub(super) address: String,
    pub(super) whatsapp: Option<Spanned<String>>,
    pub(super) instagram: Option<Spanned<String>>,
    pub(super) email: Option<Spanned<String>>,
    pub(super) shops: Option<RawShops>,
    pub(super) founded: Option<Spanned<u32>>,
    pub(super) logo: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawProduct {
    pub(super) name: RawText,
    pub(super) producer: Spanned<String>,
    pub(super) category: Spanned<String>,
    /// Read as text (an unquoted number keeps its digits as written) and checked by `validate`.
    pub(super) sku: Option<Spanned<String>>,
    pub(super) gtin: Option<Spanned<String>>,
    pub(super) price: Option<Spanned<RawPriceWritten>>,
    pub(super) unit: Option<RawText>,
    pub(super) min_order: Option<u32>,
    pub(super) availability: Option<RawAvailability>,
    #[serde(default)]
    pub(super) tags: Vec<Spanned<String>>,
    #[serde(default)]
    pub(super) photos: Vec<RawPhoto>,
    #[serde(default)]
    pub(super) certifications: Vec<RawCertification>,
    pub(super) shops: Option<RawShops>,
    pub(super) curation: Option<RawCuration>,
    #[serde(default)]
    pub(super) featured: bool,
}

/// `shops:` as written: each key (checked against `fields::Marketplace` by `validate`) with
/// its link and the link's line.
pub(super) type RawShops = BTreeMap<String, Spanned<String>>;

/// `price:` as written: a bare number of rupiah (`price: 35000`, the way editors first write
/// it) or the fields of [`RawPrice`]. Anything else is refused here, so the error names
/// `price` and what was found.
#[derive(Debug)]
pub(super) struct RawPriceWritten(pub(super) RawPrice);

impl<'de> Deserialize<'de> for RawPriceWritten {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(PriceVisitor)
    }
}

struct PriceVisitor;

impl<'de> serde::de::Visitor<'de> for PriceVisitor {
    type Value = RawPriceWritten;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a whole number of rupiah, or a range")
    }

    fn visit_u64<E: serde::de::Error>(self, amount: u64) -> Result<RawPriceWritten, E> {
        Ok(RawPriceWritten(RawPrice {
            amount: Some(amount),
            min: None,
            max: None,
        }))
    }

    fn visit_i64<E: serde::de::Error>(self, value: i64) -> Result<RawPriceWritten, E> {
        match u64::try_from(value) {
            Ok(amount) => self.visit_u64(amount),
            Err(_) => Err(E::invalid_value(
                serde::de::Unexpected::Signed(value),
                &self,
            )),
        }
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<RawPriceWritten, A::Error> {
        let fields = serde::de::value::MapAccessDeserializer::new(map);
        RawPrice::deserialize(fields).map(RawPriceWritten)
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPrice {
    pub(super) amount: Option<u64>,
    pub(super) min: Option<u64>,
    pub(super) max: Option<u64>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPhoto {
    pub(super) file: Spanned<String>,
    pub(super) alt: Option<RawText>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawCertification {
    #[serde(rename = "type")]
    pub(super) kind: CertificationKind,
    pub(super) number: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawCuration {
    pub(super) status: CurationStatus,
    pub(super) curator: Option<String>,
    pub(super) date: Option<Spanned<String>>,
}

/// `availability:`. The status is read as text and the lead time as whatever was typed, so
/// that validation can name the field and the line of a wrong value (serde's own errors name
/// neither).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawAvailability {
    pub(super) status: Spanned<String>,
    pub(super) lead_days: Option<Spanned<RawWholeNumber>>,
}

/// A value written where a whole number belongs: the number, or what was written instead.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum RawWholeNumber {
    Whole(i64),
    Other(String),
}

impl<'de> Deserialize<'de> for RawWholeNumber {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(WholeNumberVisitor)
    }
}

struct WholeNumberVisitor;

impl serde::de::Visitor<'_> for WholeNumberVisitor {
    type Value = RawWholeNumber;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a whole number")
    }

    fn visit_i64<E: serde::de::Error>(self, value: i64) -> Result<RawWholeNumber, E> {
        Ok(RawWholeNumber::Whole(value))
    }

    fn visit_u64<E: serde::de::Error>(self, value: u64) -> Result<RawWholeNumber, E> {
        Ok(i64::try_from(value).map_or_else(
            |_| RawWholeNumber::Other(value.to_string()),
            RawWholeNumber::Whole,
        ))
    }

    fn visit_f64<E: serde::de::Error>(self, value: f64) -> Result<RawWholeNumber, E> {
        Ok(RawWholeNumber::Other(value.to_string()))
    }

    fn visit_bool<E: serde::de::Error>(self, value: bool) -> Result<RawWholeNumber, E> {
        Ok(RawWholeNumber::Other(value.to_string()))
    }

    fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<RawWholeNumber, E> {
        Ok(RawWholeNumber::Other(value.to_owned()))
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<RawWholeNumber, E> {
        Ok(RawWholeNumber::Other(String::new()))
    }
}

/// Front matter allowed in a product's `id.md` / `en.md`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawProductFront {
    pub(super) name: Option<String>,
    pub(super) unit: Option<String>,
}

/// Front matter of a free page.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPageFront {
    pub(super) title: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fields::order::{self, struct_fields};

    /// The contract's order is the order of the raw structs' fields: a field added to a struct
    /// must also be placed in `fields::order`, where the import and the docs read it.
    #[test]
    fn the_field_order_is_the_raw_structs_order() {
        assert_eq!(order::PRODUCT, struct_fields::<RawProduct>());
        assert_eq!(order::PRODUCER, struct_fields::<RawProducer>());
        assert_eq!(order::PRICE, struct_fields::<RawPrice>());
        assert_eq!(order::PHOTO, struct_fields::<RawPhoto>());
        assert_eq!(order::CERTIFICATION, struct_fields::<RawCertification>());
        assert_eq!(order::CURATION, struct_fields::<RawCuration>());
        assert_eq!(order::AVAILABILITY, struct_fields::<RawAvailability>());
    }

    /// Front matter's fields say what they take when written wrong, like every other file's.
    #[test]
    fn front_matter_fields_have_their_words() {
        let front = [
            struct_fields::<RawProductFront>(),
            struct_fields::<RawPageFront>(),
        ];
        for field in front.concat() {
            let file = std::path::Path::new("content/pages/tentang/id.md");
            assert!(
                crate::yaml::knows_field(file, field),
                "front matter `{field}`"
            );
        }
    }

    /// The first diagnostic of a product.yaml with `line` added to its required fields, in
    /// both languages.
    fn product_error(line: &str) -> (String, String) {
        use crate::messages::Lang;
        let text = format!("name: A\nproducer: p\ncategory: c\n{line}\n");
        let file = std::path::Path::new("p/product.yaml");
        let problem = crate::yaml::only_problem(
            crate::yaml::parse::<RawProduct>(&text, file, 1).unwrap_err(),
        );
        (problem.render(Lang::En), problem.render(Lang::Id))
    }

    fn product_error_en(line: &str) -> String {
        product_error(line).0
    }

    #[test]
    fn a_bare_number_is_a_price() {
        let text = "name: A\nproducer: p\ncategory: c\nprice: 35000\n";
        let product: RawProduct =
            crate::yaml::parse(text, std::path::Path::new("product.yaml"), 1).unwrap();
        let price = product.price.expect("a price").value.0;
        assert_eq!(
            (price.amount, price.min, price.max),
            (Some(35000), None, None)
        );
        let text = "name: A\nproducer: p\ncategory: c\nprice: { min: 1, max: 2 }\n";
        let product: RawProduct =
            crate::yaml::parse(text, std::path::Path::new("product.yaml"), 1).unwrap();
        let price = product.price.expect("a range").value.0;
        assert_eq!(
            (price.amount, price.min, price.max),
            (None, Some(1), Some(2))
        );
    }

    #[test]
    fn a_price_of_the_wrong_kind_says_what_price_takes_and_what_was_found() {
        let (en, id) = product_error("price: \"murah\"");
        assert_eq!(
            en,
            "error: p/product.yaml:4: field `price`: expected a whole number of rupiah such as \
             `35000`, or a range `{ min: 30000, max: 45000 }`; found the text `murah`\n  \
             hint: write it like this: `price: 35000`"
        );
        assert_eq!(
            id,
            "kesalahan: p/product.yaml:4: kolom `price`: seharusnya jumlah rupiah berupa bilangan \
             bulat seperti `35000`, atau rentang `{ min: 30000, max: 45000 }`, tetapi yang \
             tertulis teks `murah`\n  petunjuk: tulis seperti ini: `price: 35000`"
        );
        assert!(product_error_en("price: [1, 2]").contains("; found a list\n"));
        assert!(product_error_en("price: -5").contains("; found the number `-5`\n"));
        assert!(product_error_en("price: { amount: x }").contains(
            "field `price.amount`: expected a whole number of rupiah such as `35000`; found the text `x`"
        ));
    }

    #[test]
    fn amounts_with_thousands_separators_get_the_digits_to_write() {
        let (en, id) = product_error("price: Rp 35.000");
        assert!(en.ends_with(
            "found the text `Rp 35.000`\n  hint: write digits only, without `Rp`, dots or commas: \
             `price: 35000`; in YAML a dot is a decimal point, so `Rp 35.000` is not read as the \
             amount you meant"
        ), "{en}");
        assert!(
            id.ends_with(
                "petunjuk: tulis angka saja, tanpa `Rp`, titik atau koma: `price: 35000`; di YAML \
             titik adalah tanda desimal, jadi `Rp 35.000` tidak terbaca sebagai jumlah yang Anda \
             maksud"
            ),
            "{id}"
        );
        // Read as the number 35 by YAML, shown as it was typed.
        let en = product_error_en("price: 35.000");
        assert!(en.contains("found the number `35.000`"), "{en}");
        assert!(en.contains("`price: 35000`"), "{en}");
        let en = product_error_en("price: { min: 30.000, max: 45000 }");
        assert!(
            en.contains("field `price.min`") && en.contains("`min: 30000`"),
            "{en}"
        );
    }

    #[test]
    fn every_kind_of_field_names_its_path_and_what_it_takes() {
        let cases = [
            ("min_order: sepuluh", "field `min_order`: expected a whole number (digits only); found the text `sepuluh`\n  hint: write it like this: `min_order: 10`"),
            ("featured: ya", "field `featured`: expected `true` or `false`; found the text `ya`\n  hint: write it like this: `featured: true`"),
            ("tags: oleh", "field `tags`: expected a list (`[a, b]`, or one `- item` per line); found the text `oleh`"),
            ("photos:\n  - file: a.jpg\n  - file: [x]", "field `photos[1].file`: expected a text; found a list\n  hint: write it like this: `file: utama.jpg`"),
            ("curation: { status: lolos, date: [1] }", "field `curation.date`: expected a date written YYYY-MM-DD; found a list\n  hint: write it like this: `date: 2025-04-28`"),
            ("curation: lolos", "field `curation`: expected fields of its own (`key: value` indented below it, or `{ key: value }`); found the text `lolos`"),
            ("shops: { tokopedia: [x] }", "field `shops.tokopedia`: expected a text; found a list"),
            ("unit: [a]", "field `unit`: expected a text, or one text per language such as `{ id: ..., en: ... }`; found a list"),
            ("availability: siap", "field `availability`: expected fields of its own"),
            ("sku: [1]", "field `sku`: expected a text; found a list"),
            ("featured:", "field `featured`: expected `true` or `false`; found nothing (the value is empty)"),
        ];
        for (line, expected) in cases {
            let en = product_error_en(line);
            assert!(en.contains(expected), "{line:?}:\n{en}");
            assert!(
                !en.contains("invalid type") && !en.contains("mapping start"),
                "{en}"
            );
        }
        let (_, id) = product_error("min_order: sepuluh");
        assert!(id.contains("kolom `min_order`: seharusnya bilangan bulat (angka saja), tetapi yang tertulis teks `sepuluh`\n  petunjuk: tulis seperti ini: `min_order: 10`"), "{id}");
    }

    /// Each kind of field and each kind of value found, as an Indonesian reader sees them.
    #[test]
    fn every_kind_is_said_in_indonesian_too() {
        let cases = [
            ("featured: ya", "kolom `featured`: seharusnya `true` (ya) atau `false` (tidak), tetapi yang tertulis teks `ya`\n  petunjuk: tulis seperti ini: `featured: true`"),
            ("curation: { status: lolos, date: [1] }", "kolom `curation.date`: seharusnya tanggal dalam bentuk TTTT-BB-HH (tahun-bulan-hari), tetapi yang tertulis sebuah daftar"),
            ("availability: siap", "kolom `availability`: seharusnya kolom-kolom di dalamnya (`kunci: nilai` menjorok di bawahnya, atau `{ kunci: nilai }`), tetapi yang tertulis teks `siap`"),
            ("unit: [a]", "kolom `unit`: seharusnya teks, atau satu teks per bahasa seperti `{ id: ..., en: ... }`, tetapi yang tertulis sebuah daftar\n  petunjuk: tulis seperti ini: `unit: { id: lembar, en: piece }`"),
            ("min_order: -3", "kolom `min_order`: seharusnya bilangan bulat (angka saja), tetapi yang tertulis angka `-3`"),
            ("unit: true", "tetapi yang tertulis nilai ya/tidak `true`"),
            ("featured:", "kolom `featured`: seharusnya `true` (ya) atau `false` (tidak), tetapi yang tertulis kosong (tidak ada nilainya)"),
            ("tags: [a, { b: c }]", "kolom `tags[1]`: seharusnya teks, tetapi yang tertulis kumpulan kolom (`kunci: nilai`)\n  petunjuk: tulis seperti ini: `- oleh-oleh`"),
            ("price: { amount: 35.000 }", "petunjuk: tulis angka saja, tanpa `Rp`, titik atau koma: `amount: 35000`"),
        ];
        for (line, expected) in cases {
            let (en, id) = product_error(line);
            assert!(id.contains(expected), "{line:?}:\n{id}");
            assert!(id.starts_with("kesalahan: p/product.yaml:"), "{id}");
            assert!(en.starts_with("error: p/product.yaml:"), "{en}");
        }
    }

    #[test]
    fn nested_mistakes_name_their_path() {
        assert!(product_error_en("photos:\n  - alt: x").contains(
            "p/product.yaml:5: field `photos[0].file`: required field `file` is missing"
        ));
        assert!(
            product_error_en("curation: { status: lolos, curatr: x }").contains(
                "field `curation.curatr`: unknown field `curatr`\n  hint: did you mean `curator`?"
            )
        );
        let (en, id) = product_error("curation: { status: lulus }");
        assert_eq!(
            en,
            "error: p/product.yaml:4: field `curation.status`: `lulus` is not one of the values \
             this field takes\n  hint: use one of: lolos, proses, belum"
        );
        assert_eq!(
            id,
            "kesalahan: p/product.yaml:4: kolom `curation.status`: `lulus` bukan salah satu nilai \
             yang boleh dipakai di kolom ini\n  petunjuk: pilih salah satu: lolos, proses, belum"
        );
        assert!(product_error_en("certifications: [{ type: halaal }]")
            .contains("field `certifications[0].type`: `halaal` is not one of the values this field takes\n  hint: did you mean `halal`?"));
    }

    #[test]
    fn a_field_written_twice_is_named_at_its_second_line() {
        let (en, id) = product_error("name: B");
        assert_eq!(
            en,
            "error: p/product.yaml:4: field `name`: this field is written twice\n  \
             hint: keep one of the two lines and delete the other"
        );
        assert_eq!(
            id,
            "kesalahan: p/product.yaml:4: kolom `name`: kolom ini ditulis dua kali\n  \
             petunjuk: pertahankan salah satu baris dan hapus yang lain"
        );
        let en = product_error_en("curation:\n  status: lolos\n  status: belum");
        assert!(
            en.contains(":6: field `curation.status`: this field is written twice"),
            "{en}"
        );
    }

    #[test]
    fn a_file_that_is_not_fields_says_so() {
        use crate::messages::Lang;
        let file = std::path::Path::new("p/product.yaml");
        let list = crate::yaml::parse::<RawProduct>("- name: A\n- producer: b\n", file, 1);
        let problem = crate::yaml::only_problem(list.unwrap_err());
        assert_eq!(
            problem.to_string(),
            "error: p/product.yaml:1: the file must hold fields, one `key: value` per line; \
             found a list\n  hint: write one `key: value` per line from the left edge, e.g. \
             `name: ...`; docs/content.md lists the fields"
        );
        let text = crate::yaml::only_problem(
            crate::yaml::parse::<RawProduct>("hanya teks\n", file, 1).unwrap_err(),
        );
        assert!(text.render(Lang::Id).starts_with(
            "kesalahan: p/product.yaml:1: file ini harus berisi kolom, satu `kunci: nilai` per baris; yang tertulis teks `hanya teks`"
        ));
        for empty in ["", "\n\n", "# belum diisi\n"] {
            let problem = crate::yaml::only_problem(
                crate::yaml::parse::<RawProduct>(empty, file, 1).unwrap_err(),
            );
            assert!(
                problem.message.is(&crate::messages::FILE_WITHOUT_FIELDS),
                "{problem}"
            );
        }
    }

    #[test]
    fn producer_fields_say_what_they_take() {
        let text = "name: A\nkind: ukm\naddress: x\nfounded: dua ribu\n";
        let file = std::path::Path::new("p/producer.yaml");
        let problem = crate::yaml::only_problem(
            crate::yaml::parse::<RawProducer>(text, file, 1).unwrap_err(),
        );
        assert_eq!(
            problem.to_string(),
            "error: p/producer.yaml:4: field `founded`: expected a whole number (digits only); \
             found the text `dua ribu`\n  hint: write it like this: `founded: 2009`"
        );
    }
}

/// The walk that lists every problem of a file at once finds exactly the reader's.
#[cfg(test)]
mod every_problem {
    use super::*;
    use std::path::Path;

    /// Values editors write, of every kind the reader tells apart.
    const VALUES: &[&str] = &[
        "35000",
        "\"35000\"",
        "'10'",
        "murah",
        "true",
        "yes",
        "ya",
        "\"true\"",
        "'off'",
        "-5",
        "35.000",
        "1.5",
        "0x10",
        "+5",
        "1_000",
        "99999999999999999999999",
        "[1, 2]",
        "[]",
        "{ a: 1 }",
        "{}",
        "2025-04-28",
        "''",
        "~",
        "",
        "Rp 35.000",
        "halal",
    ];

    #[test]
    fn in_product_yaml() {
        let base = [
            ("name", "name: { id: A, en: B }"),
            ("producer", "producer: p"),
            ("category", "category: c"),
        ];
        let cases = [
            ("name", "name: {v}"),
            ("name", "name: { id: {v}, en: B }"),
            ("producer", "producer: {v}"),
            ("category", "category: {v}"),
            ("sku", "sku: {v}"),
            ("gtin", "gtin: {v}"),
            ("price", "price: {v}"),
            ("price", "price: { min: {v}, max: 5 }"),
            ("price", "price: { amount: {v} }"),
            ("price", "price: { amount: 1, cost: {v} }"),
            ("unit", "unit: {v}"),
            ("unit", "unit: { id: {v} }"),
            ("min_order", "min_order: {v}"),
            ("availability", "availability: {v}"),
            ("availability", "availability: { status: {v} }"),
            (
                "availability",
                "availability: { status: siap, lead_days: {v} }",
            ),
            ("tags", "tags: {v}"),
            ("tags", "tags: [a, {v}]"),
            ("photos", "photos: {v}"),
            ("photos", "photos: [{v}]"),
            ("photos", "photos: [{ file: {v} }]"),
            ("photos", "photos:\n  - file: a.jpg\n    alt: {v}"),
            ("photos", "photos: [{ file: a.jpg, alt: { id: {v} } }]"),
            ("photos", "photos: [{ file: a.jpg, fiel: {v} }]"),
            ("certifications", "certifications: {v}"),
            ("certifications", "certifications: [{v}]"),
            ("certifications", "certifications: [{ type: {v} }]"),
            (
                "certifications",
                "certifications: [{ type: halal, number: {v} }]",
            ),
            ("shops", "shops: {v}"),
            ("shops", "shops: { tokopedia: {v} }"),
            ("curation", "curation: {v}"),
            ("curation", "curation: { status: {v} }"),
            ("curation", "curation: { status: lolos, curator: {v} }"),
            ("curation", "curation: { status: lolos, date: {v} }"),
            ("featured", "featured: {v}"),
            ("catgory", "catgory: {v}"),
            ("sku", "sku: a\nsku: {v}"),
        ];
        let file = Path::new("content/products/a/product.yaml");
        crate::yaml::assert_walk_agrees::<RawProduct>(file, &base, &cases, VALUES);
    }

    #[test]
    fn in_producer_yaml() {
        let base = [
            ("name", "name: n"),
            ("kind", "kind: ukm"),
            ("address", "address: a"),
        ];
        let cases = [
            ("name", "name: {v}"),
            ("kind", "kind: {v}"),
            ("owner", "owner: {v}"),
            ("sentra", "sentra: {v}"),
            ("address", "address: {v}"),
            ("whatsapp", "whatsapp: {v}"),
            ("instagram", "instagram: {v}"),
            ("email", "email: {v}"),
            ("shops", "shops: {v}"),
            ("shops", "shops: { website: {v} }"),
            ("founded", "founded: {v}"),
            ("logo", "logo: {v}"),
            ("own", "ownr: {v}"),
        ];
        let file = Path::new("content/producers/a/producer.yaml");
        crate::yaml::assert_walk_agrees::<RawProducer>(file, &base, &cases, VALUES);
    }
}
