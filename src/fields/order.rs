//! The order in which each YAML file lists its fields: the contract's order, which new files
//! written by the import follow and the docs show. `model` holds these lists against its raw
//! structs in a test, so a field added to a struct and forgotten here fails the build's tests.

/// `product.yaml`.
pub const PRODUCT: &[&str] = &[
    "name",
    "producer",
    "category",
    "sku",
    "gtin",
    "price",
    "unit",
    "min_order",
    "availability",
    "tags",
    "photos",
    "certifications",
    "shops",
    "curation",
    "featured",
];

/// `producer.yaml`.
pub const PRODUCER: &[&str] = &[
    "name",
    "kind",
    "owner",
    "sentra",
    "address",
    "whatsapp",
    "instagram",
    "email",
    "shops",
    "founded",
    "logo",
];

/// `price:` of a product.
pub const PRICE: &[&str] = &["amount", "min", "max"];
/// Each of a product's `photos:`.
pub const PHOTO: &[&str] = &["file", "alt"];
/// Each of a product's `certifications:`.
pub const CERTIFICATION: &[&str] = &["type", "number"];
/// A product's `curation:`.
pub const CURATION: &[&str] = &["status", "curator", "date"];
/// `shops:` of a producer or a product: the marketplaces' keys.
pub const SHOPS: &[&str] = &super::Marketplace::KEYS;
/// A product's `availability:`.
pub const AVAILABILITY: &[&str] = &["status", "lead_days"];

/// Top-level fields whose value is text even when written as a bare number (`sku: 1001`,
/// `gtin: 8991234567891`), as the YAML path reads them: the import compares them so.
pub const TEXT_EVEN_IF_DIGITS: &[&str] = &["sku", "gtin"];

/// Top-level fields written as an indented block rather than `{ … }` on one line.
pub const BLOCK_MAPPINGS: &[&str] = &["curation", "shops"];

/// The names of a struct's fields as serde sees them (renames applied), read by asking the
/// struct to deserialise itself from a deserialiser that only listens. For tests that hold the
/// lists above against the raw structs.
#[cfg(test)]
pub(crate) fn struct_fields<'de, T: serde::Deserialize<'de>>() -> &'static [&'static str] {
    let mut fields = None;
    // The listener always refuses, so the result is an error by design.
    let _ = T::deserialize(Listener(&mut fields));
    fields.expect("a struct deserialises through deserialize_struct")
}

#[cfg(test)]
struct Listener<'a>(&'a mut Option<&'static [&'static str]>);

#[cfg(test)]
#[derive(Debug)]
struct Heard;

#[cfg(test)]
impl std::fmt::Display for Heard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("only the field names were wanted")
    }
}

#[cfg(test)]
impl std::error::Error for Heard {}

#[cfg(test)]
impl serde::de::Error for Heard {
    fn custom<M: std::fmt::Display>(_: M) -> Self {
        Heard
    }
}

#[cfg(test)]
impl<'de> serde::Deserializer<'de> for Listener<'_> {
    type Error = Heard;

    fn deserialize_any<V: serde::de::Visitor<'de>>(self, _: V) -> Result<V::Value, Heard> {
        Err(Heard)
    }

    fn deserialize_struct<V: serde::de::Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, Heard> {
        *self.0 = Some(fields);
        Err(Heard)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
        ignored_any
    }
}
