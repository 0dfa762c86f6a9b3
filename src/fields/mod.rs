//! The catalogue's vocabulary, on the bottom floor of the crate: the closed lists editors choose
//! from (business kinds, certifications, curation statuses, availability) with their contract spelling and
//! their labels in both languages, and the value types every stage shares (phone numbers,
//! calendar dates, prices, links to shops on marketplaces, product codes and barcodes) with the order in which each YAML file lists its fields.
//!
//! The YAML path (`model`), the import, render and the search index all speak through these
//! types, so a spelling, a label or a date rule lives here once. This module depends on nothing
//! else in the crate.

mod date;
mod identifiers;
pub mod order;
mod phone;
mod price;
mod shops;
mod terms;

pub use date::{days_in_month, is_leap_year, Date, MONTHS_EN, MONTHS_ID};
pub use identifiers::{Gtin, GtinProblem, Sku, SkuProblem};
pub use phone::{Phone, PhoneProblem};
pub use price::{currency_prefix, format_rupiah, format_rupiah_range, thousands_separator, Price};
pub use shops::{Marketplace, ShopLink, ShopLinkProblem, TypedShopLink};
pub use terms::{AvailabilityStatus, BusinessKind, CertificationKind, CurationStatus};

/// A text in the site's two interface languages. Content in any other language shows the
/// English one, as the site's interface strings do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bilingual {
    pub id: &'static str,
    pub en: &'static str,
}

impl Bilingual {
    /// The text for a page in `lang`.
    pub fn pick(&self, lang: &str) -> &'static str {
        if lang == "id" {
            self.id
        } else {
            self.en
        }
    }
}
