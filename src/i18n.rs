//! Languages: translated text as editors write it, the theme's interface strings, and
//! language-specific formatting of prices and dates.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;

/// Text as written in YAML: either one string for every language or `{ id: ..., en: ... }`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RawText {
    Same(String),
    PerLanguage(BTreeMap<String, String>),
}

impl<'de> Deserialize<'de> for RawText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(RawTextVisitor)
    }
}

struct RawTextVisitor;

impl<'de> Visitor<'de> for RawTextVisitor {
    type Value = RawText;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a text, or one text per language such as `{ id: ..., en: ... }`")
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<RawText, E> {
        Ok(RawText::Same(value.to_owned()))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<RawText, E> {
        Ok(RawText::Same(value.to_string()))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<RawText, E> {
        Ok(RawText::Same(value.to_string()))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawText, A::Error> {
        let mut texts = BTreeMap::new();
        while let Some((lang, text)) = map.next_entry::<String, String>()? {
            texts.insert(lang, text);
        }
        Ok(RawText::PerLanguage(texts))
    }
}

/// Validated text with a value for some of the catalogue's languages.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Translated {
    by_lang: BTreeMap<String, String>,
}

/// Text chosen for one language: `lang` differs from the page's when it fell back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Localized<'a> {
    pub text: &'a str,
    pub lang: &'a str,
}

impl Translated {
    /// The same text in every language (proper nouns, single-language input).
    pub fn same(text: &str, languages: &[String]) -> Self {
        let by_lang = languages
            .iter()
            .map(|lang| (lang.clone(), text.to_owned()))
            .collect();
        Translated { by_lang }
    }

    pub fn from_raw(raw: &RawText, languages: &[String]) -> Self {
        match raw {
            RawText::Same(text) => Self::same(text, languages),
            RawText::PerLanguage(map) => Translated {
                by_lang: map
                    .iter()
                    .filter(|(_, text)| !text.trim().is_empty())
                    .map(|(lang, text)| (lang.clone(), text.clone()))
                    .collect(),
            },
        }
    }

    pub fn set(&mut self, lang: &str, text: String) {
        self.by_lang.insert(lang.to_owned(), text);
    }

    pub fn has(&self, lang: &str) -> bool {
        self.by_lang.contains_key(lang)
    }

    pub fn is_empty(&self) -> bool {
        self.by_lang.is_empty()
    }

    /// Text in `lang`, else in the default language, else in any language.
    pub fn get<'a>(&'a self, lang: &'a str, default_lang: &'a str) -> Localized<'a> {
        let found = self
            .by_lang
            .get_key_value(lang)
            .or_else(|| self.by_lang.get_key_value(default_lang))
            .or_else(|| self.by_lang.iter().next());
        match found {
            Some((lang, text)) => Localized { text, lang },
            None => Localized { text: "", lang },
        }
    }

    /// Languages present here that the catalogue does not have.
    pub fn unknown_languages<'a>(
        &'a self,
        languages: &'a [String],
    ) -> impl Iterator<Item = &'a str> {
        self.by_lang
            .keys()
            .filter(move |lang| !languages.contains(lang))
            .map(String::as_str)
    }
}

/// Whole rupiah with the language's thousands separator: "Rp 450.000" / "IDR 450,000".
pub fn format_rupiah(amount: u64, lang: &str) -> String {
    format!(
        "{} {}",
        currency_prefix(lang),
        group_thousands(amount, lang)
    )
}

/// A price range: "Rp 350.000 – 750.000".
pub fn format_rupiah_range(min: u64, max: u64, lang: &str) -> String {
    format!(
        "{} {} – {}",
        currency_prefix(lang),
        group_thousands(min, lang),
        group_thousands(max, lang)
    )
}

fn currency_prefix(lang: &str) -> &'static str {
    if lang == "id" {
        "Rp"
    } else {
        "IDR"
    }
}

fn group_thousands(amount: u64, lang: &str) -> String {
    let separator = if lang == "id" { '.' } else { ',' };
    let digits = amount.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(separator);
        }
        grouped.push(digit);
    }
    grouped
}

/// A `YYYY-MM-DD` date as people read it: "28 April 2025" / "28 April 2025".
pub fn format_date(date: &str, lang: &str) -> String {
    let Some((year, month, day)) = split_date(date) else {
        return date.to_owned();
    };
    let months = if lang == "id" { &MONTHS_ID } else { &MONTHS_EN };
    format!("{day} {} {year}", months[month as usize - 1])
}

/// Splits a valid `YYYY-MM-DD` date into its parts.
pub fn split_date(date: &str) -> Option<(u32, u32, u32)> {
    let mut parts = date.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (year, month, day) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some((year, month, day))
}

const MONTHS_ID: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The name of a language in that language, for the language switch.
pub fn language_name(lang: &str) -> &str {
    match lang {
        "id" => "Bahasa Indonesia",
        "en" => "English",
        "jv" => "Basa Jawa",
        "nl" => "Nederlands",
        "zh" => "中文",
        "ja" => "日本語",
        other => other,
    }
}

/// OpenGraph locale of a language.
pub fn og_locale(lang: &str) -> String {
    match lang {
        "id" => "id_ID".into(),
        "en" => "en_US".into(),
        "jv" => "jv_ID".into(),
        other => other.to_owned(),
    }
}

/// The theme's interface strings for `lang` (English for languages without a table).
pub fn ui_strings(lang: &str) -> BTreeMap<&'static str, &'static str> {
    let table = if lang == "id" { UI_ID } else { UI_EN };
    table.iter().copied().collect()
}

/// Interface strings; both tables have the same keys (a test checks it).
const UI_ID: &[(&str, &str)] = &[
    ("skip", "Langsung ke isi"),
    ("home", "Beranda"),
    ("categories", "Kategori"),
    ("featured", "Produk pilihan"),
    ("all_in_category", "Semua produk"),
    ("products_count", "produk"),
    ("producer", "Produsen"),
    ("producers", "Produsen"),
    ("products_of", "Produk dari"),
    ("price", "Harga"),
    ("price_on_request", "Harga atas permintaan"),
    ("per", "per"),
    ("min_order", "Pesanan minimum"),
    ("certifications", "Sertifikasi"),
    ("curation", "Kurasi"),
    ("contact", "Kontak"),
    ("address", "Alamat"),
    ("owner", "Pemilik"),
    ("founded", "Berdiri"),
    ("sentra", "Sentra"),
    ("kind_ukm", "Usaha Kecil dan Menengah (UKM)"),
    ("kind_ikm", "Industri Kecil dan Menengah (IKM)"),
    ("tags", "Label"),
    ("no_photo", "Foto belum tersedia"),
    (
        "fallback_notice",
        "Teks ini belum tersedia dalam Bahasa Indonesia; ditampilkan dalam bahasa aslinya.",
    ),
    ("language", "Bahasa"),
    ("breadcrumb", "Navigasi jejak"),
    ("main_nav", "Navigasi utama"),
    ("pages", "Halaman"),
    ("page", "Halaman"),
    ("of", "dari"),
    ("previous", "Sebelumnya"),
    ("next", "Berikutnya"),
    ("pagination", "Halaman daftar"),
    ("not_found_title", "Halaman tidak ditemukan"),
    (
        "not_found_text",
        "Halaman yang Anda cari tidak ada atau sudah dipindahkan.",
    ),
    ("back_home", "Kembali ke beranda"),
    ("published_by", "Diterbitkan oleh"),
    ("edition", "Edisi"),
    ("choose_language", "Pilih bahasa"),
    ("whatsapp", "WhatsApp"),
    ("ask_whatsapp", "Tanya lewat WhatsApp"),
    ("qr_alt", "Kode QR alamat halaman ini"),
    ("share", "Bagikan"),
    ("link_copied", "Tautan disalin"),
    ("see_map", "lihat peta"),
    ("qr_caption", "Pindai untuk membuka halaman ini di ponsel"),
    ("email", "Surel"),
    ("instagram", "Instagram"),
    ("photos", "Foto"),
    ("description", "Deskripsi"),
    ("details", "Rincian"),
    ("category", "Kategori"),
    ("all_products", "Semua produk"),
    ("products_tagged", "Produk berlabel"),
    ("search", "Cari"),
    ("search_label", "Cari produk"),
    ("search_placeholder", "Nama produk, produsen, atau kata"),
    ("filters", "Saring"),
    ("all_categories", "Semua kategori"),
    ("all_producers", "Semua produsen"),
    ("any", "Semua"),
    ("price_from", "Harga dari (Rp)"),
    ("price_to", "Harga sampai (Rp)"),
    ("clear_filters", "Hapus saringan"),
    (
        "no_results",
        "Tidak ada produk yang cocok. Coba kata lain atau hapus saringan.",
    ),
    ("show_more", "Tampilkan lebih banyak"),
    ("curation_lolos", "Lolos kurasi"),
    ("curation_proses", "Dalam proses kurasi"),
    ("curation_belum", "Belum dikurasi"),
    ("all_tags", "Semua label"),
    ("brochure", "Brosur cetak"),
    ("contents", "Daftar isi"),
    ("continued", "lanjutan"),
    ("print", "Cetak"),
    ("print_hint", "Siap dicetak di kertas A4. Di ponsel, buka menu peramban lalu pilih Cetak atau Bagikan → Cetak."),
    ("no_products_selected", "Belum ada produk dalam pilihan ini."),
    ("no_products_yet", "Belum ada produk di katalog ini. Produk yang ditambahkan akan tampil di sini."),
    ("scan_catalogue", "Pindai untuk membuka katalog lengkap"),
    ("published", "Diterbitkan"),
];

const UI_EN: &[(&str, &str)] = &[
    ("skip", "Skip to content"),
    ("home", "Home"),
    ("categories", "Categories"),
    ("featured", "Featured products"),
    ("all_in_category", "All products"),
    ("products_count", "products"),
    ("producer", "Producer"),
    ("producers", "Producers"),
    ("products_of", "Products by"),
    ("price", "Price"),
    ("price_on_request", "Price on request"),
    ("per", "per"),
    ("min_order", "Minimum order"),
    ("certifications", "Certifications"),
    ("curation", "Curation"),
    ("contact", "Contact"),
    ("address", "Address"),
    ("owner", "Owner"),
    ("founded", "Founded"),
    ("sentra", "Industry cluster"),
    ("kind_ukm", "Small and medium enterprise (UKM)"),
    ("kind_ikm", "Small and medium industry (IKM)"),
    ("tags", "Tags"),
    ("no_photo", "Photo not yet available"),
    (
        "fallback_notice",
        "This text is not yet available in English; it is shown in its original language.",
    ),
    ("language", "Language"),
    ("breadcrumb", "Breadcrumb"),
    ("main_nav", "Main navigation"),
    ("pages", "Pages"),
    ("page", "Page"),
    ("of", "of"),
    ("previous", "Previous"),
    ("next", "Next"),
    ("pagination", "List pages"),
    ("not_found_title", "Page not found"),
    (
        "not_found_text",
        "The page you are looking for does not exist or has moved.",
    ),
    ("back_home", "Back to the home page"),
    ("published_by", "Published by"),
    ("edition", "Edition"),
    ("choose_language", "Choose a language"),
    ("whatsapp", "WhatsApp"),
    ("ask_whatsapp", "Ask on WhatsApp"),
    ("qr_alt", "QR code of this page's address"),
    ("share", "Share"),
    ("link_copied", "Link copied"),
    ("see_map", "see the map"),
    ("qr_caption", "Scan to open this page on a phone"),
    ("email", "Email"),
    ("instagram", "Instagram"),
    ("photos", "Photos"),
    ("description", "Description"),
    ("details", "Details"),
    ("category", "Category"),
    ("all_products", "All products"),
    ("products_tagged", "Products tagged"),
    ("search", "Search"),
    ("search_label", "Search products"),
    ("search_placeholder", "Product, producer or keyword"),
    ("filters", "Filter"),
    ("all_categories", "All categories"),
    ("all_producers", "All producers"),
    ("any", "Any"),
    ("price_from", "Price from (IDR)"),
    ("price_to", "Price up to (IDR)"),
    ("clear_filters", "Clear filters"),
    (
        "no_results",
        "No products match. Try another word or clear the filters.",
    ),
    ("show_more", "Show more"),
    ("curation_lolos", "Passed curation"),
    ("curation_proses", "In curation"),
    ("curation_belum", "Not yet curated"),
    ("all_tags", "All tags"),
    ("brochure", "Print brochure"),
    ("contents", "Contents"),
    ("continued", "continued"),
    ("print", "Print"),
    ("print_hint", "Ready to print on A4 paper. On a phone, open the browser menu and choose Print, or Share → Print."),
    ("no_products_selected", "There are no products in this selection yet."),
    ("no_products_yet", "There are no products in this catalogue yet. Products will appear here once they are added."),
    ("scan_catalogue", "Scan to open the full catalogue"),
    ("published", "Published"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prices_follow_the_language() {
        assert_eq!(format_rupiah(450_000, "id"), "Rp 450.000");
        assert_eq!(format_rupiah(450_000, "en"), "IDR 450,000");
        assert_eq!(format_rupiah(1_500_000, "id"), "Rp 1.500.000");
        assert_eq!(format_rupiah(950, "id"), "Rp 950");
        assert_eq!(
            format_rupiah_range(350_000, 750_000, "id"),
            "Rp 350.000 – 750.000"
        );
        assert_eq!(
            format_rupiah_range(350_000, 750_000, "en"),
            "IDR 350,000 – 750,000"
        );
    }

    #[test]
    fn dates_are_spelt_out() {
        assert_eq!(format_date("2025-04-28", "id"), "28 April 2025");
        assert_eq!(format_date("2025-08-01", "id"), "1 Agustus 2025");
        assert_eq!(format_date("2025-08-01", "en"), "1 August 2025");
        assert_eq!(split_date("2025-13-01"), None);
        assert_eq!(split_date("28-04-2025"), None);
    }

    #[test]
    fn both_interface_tables_have_the_same_keys() {
        let id: Vec<_> = UI_ID.iter().map(|(k, _)| *k).collect();
        let en: Vec<_> = UI_EN.iter().map(|(k, _)| *k).collect();
        assert_eq!(id, en);
    }

    #[test]
    fn translated_text_falls_back_to_the_default_language() {
        let raw = RawText::PerLanguage([("id".to_owned(), "Batik".to_owned())].into());
        let text = Translated::from_raw(&raw, &["id".into(), "en".into()]);
        assert_eq!(
            text.get("en", "id"),
            Localized {
                text: "Batik",
                lang: "id"
            }
        );
        assert!(!text.has("en"));
    }
}
