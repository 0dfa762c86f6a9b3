//! The validated catalogue: producers, products, categories and free pages with their text per
//! language. Built from raw entries by `validate`, which collects every problem it finds. The
//! values its fields take (kinds, statuses, phone numbers, dates, prices) are `crate::fields`'.

mod links;
mod raw;
mod review;
mod validate;

use std::path::PathBuf;

use crate::config::Config;
use crate::fields::{
    AvailabilityStatus, BusinessKind, CertificationKind, CurationStatus, Date, Gtin, Phone, Price,
    ShopLink, Sku,
};
use crate::i18n::Translated;

pub use review::review;
pub use validate::{product_again, validate};

/// The whole validated catalogue.
#[derive(Debug)]
pub struct Catalogue {
    pub config: Config,
    /// Sorted by slug.
    pub producers: Vec<Producer>,
    /// Sorted by slug.
    pub products: Vec<Product>,
    /// Sorted by slug.
    pub pages: Vec<Page>,
    /// Photos of products that failed validation: still checked, so one build reports every
    /// problem, but never shown.
    pub rejected_photos: Vec<Photo>,
    /// Photos shown inside Markdown texts (`![alt](foto.jpg)`).
    pub inline_photos: Vec<Asset>,
    /// Every tag used, sorted, with the products carrying it (indexes, by slug).
    pub tags: Vec<(String, Vec<usize>)>,
}

/// A file an entry refers to, checked to exist inside its folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asset {
    /// Absolute path of the source file.
    pub source: PathBuf,
    /// Relative to the catalogue root, for messages.
    pub relative: PathBuf,
}

#[derive(Debug, PartialEq)]
pub struct Producer {
    pub slug: String,
    pub name: String,
    pub kind: BusinessKind,
    pub owner: Option<String>,
    pub sentra: Option<String>,
    pub address: String,
    pub whatsapp: Option<Phone>,
    pub instagram: Option<String>,
    pub email: Option<String>,
    /// Its shops on marketplaces, website and Facebook page, in `Marketplace::ALL` order.
    pub shops: Vec<ShopLink>,
    pub founded: Option<u32>,
    pub logo: Option<Asset>,
    /// The business story as safe HTML.
    pub story: Translated,
    pub summary: Translated,
    /// Indexes into `Catalogue::products`, sorted by slug.
    pub products: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Certification {
    pub kind: CertificationKind,
    pub number: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Curation {
    pub status: CurationStatus,
    pub curator: Option<String>,
    pub date: Option<Date>,
}

/// Whether a product can be had now, and how long a made-to-order one takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Availability {
    pub status: AvailabilityStatus,
    /// Days to make it after the order; only with [`AvailabilityStatus::Pesan`].
    pub lead_days: Option<u32>,
}

impl Availability {
    /// What badges and the product page say: "Dibuat sesuai pesanan, 21 hari".
    pub fn label(&self, lang: &str) -> String {
        self.status.label_with(self.lead_days, lang)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Photo {
    pub asset: Asset,
    pub alt: Translated,
}

#[derive(Debug, PartialEq)]
pub struct Product {
    pub slug: String,
    pub name: Translated,
    /// Index into `Catalogue::producers`.
    pub producer: usize,
    /// Index into `Config::categories`.
    pub category: usize,
    /// The producer's own product code.
    pub sku: Option<Sku>,
    /// The barcode number.
    pub gtin: Option<Gtin>,
    pub price: Option<Price>,
    pub unit: Option<Translated>,
    /// The unit's plural where an editor gave one (`en_plural`); see `Product::unit_for`.
    pub unit_plural: Translated,
    pub min_order: Option<u32>,
    pub availability: Option<Availability>,
    pub tags: Vec<String>,
    pub photos: Vec<Photo>,
    pub certifications: Vec<Certification>,
    /// Its own listings on marketplaces, in `Marketplace::ALL` order.
    pub shops: Vec<ShopLink>,
    pub curation: Option<Curation>,
    pub featured: bool,
    /// The description as safe HTML.
    pub description: Translated,
    /// The distinct words of the description, for search (see [`crate::markdown::words`]).
    pub description_words: Translated,
    /// The description as plain text, a line per block (see [`crate::markdown::plain_text`]).
    pub description_text: Translated,
    pub summary: Translated,
}

/// The key ending that gives a unit's plural in one language: `unit: { en: piece, en_plural: pieces }`.
pub const PLURAL_SUFFIX: &str = "_plural";

impl Product {
    /// The unit to write after `count` in `lang`: the plural an editor gave, else (in English)
    /// the regular English plural, else the unit as written; `None` when the product has none.
    pub fn unit_for(&self, count: u32, lang: &str, default_lang: &str) -> Option<String> {
        let one = self.unit.as_ref()?.get(lang, default_lang);
        if count == 1 {
            return Some(one.text.to_owned());
        }
        let given = self.unit_plural.get(lang, default_lang);
        Some(
            match (given.lang == one.lang && !given.text.is_empty(), one.lang) {
                (true, _) => given.text.to_owned(),
                (false, "en") => crate::i18n::english_plural(one.text),
                (false, _) => one.text.to_owned(),
            },
        )
    }
}

#[derive(Debug, PartialEq)]
pub struct Page {
    pub slug: String,
    pub title: Translated,
    pub body: Translated,
}
