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
    pub(super) price: Option<Spanned<RawPrice>>,
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
}
