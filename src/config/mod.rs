//! `catalogue.yaml` -> `Config`: site settings, languages, publisher and categories; the
//! shipping and return terms the office states live in `policies`.

mod policies;

use std::path::Path;

use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::fields::{CurationStatus, Date, Phone};
use crate::i18n::{RawText, Translated};
use crate::messages::{self as msg, Message};
use crate::slug::is_valid_slug;
use crate::yaml::{self, YamlLimits};

pub use policies::{DayRange, Returns, Shipping};
use policies::{RawReturns, RawShipping};

/// Where the settings live, relative to the catalogue root.
pub const CONFIG_FILE: &str = "catalogue.yaml";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    title: RawText,
    description: Option<RawText>,
    base_url: String,
    languages: Vec<String>,
    theme: Option<String>,
    publisher: RawPublisher,
    edition: Option<String>,
    categories: Vec<RawCategory>,
    images: Option<RawImages>,
    limits: Option<RawLimits>,
    #[serde(default)]
    brochures: Vec<RawBrochure>,
    shipping: Option<RawShipping>,
    returns: Option<RawReturns>,
    precompress: Option<bool>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLimits {
    max_text_file_kb: Option<Spanned<u64>>,
    max_photo_file_mb: Option<Spanned<u64>>,
    max_photo_megapixels: Option<Spanned<u64>>,
    max_photos_per_product: Option<Spanned<u64>>,
    max_yaml_depth: Option<Spanned<u64>>,
    max_yaml_alias_expansion: Option<Spanned<u64>>,
    max_spreadsheet_mb: Option<Spanned<u64>>,
    max_cell_chars: Option<Spanned<u64>>,
    max_sheet_rows: Option<Spanned<u64>>,
    max_brochure_products: Option<Spanned<u64>>,
    max_feed_file_kb: Option<Spanned<u64>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBrochure {
    slug: String,
    title: RawText,
    curator: Option<String>,
    category: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawImages {
    widths: Option<Vec<u32>>,
    max_megapixels: Option<u32>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPublisher {
    name: String,
    email: Option<String>,
    whatsapp: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCategory {
    slug: String,
    name: RawText,
}

/// Validated site settings.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub title: Translated,
    pub description: Translated,
    /// Absolute, without a trailing slash: `https://host/katalog`.
    pub base_url: String,
    /// The path part of `base_url` with a trailing slash: `/katalog/` or `/`.
    pub base_path: String,
    /// The first is the default.
    pub languages: Vec<String>,
    pub theme: String,
    pub publisher: Publisher,
    pub edition: Option<Date>,
    pub categories: Vec<Category>,
    pub images: ImageSettings,
    /// How big and how deep the catalogue's files may be.
    pub limits: Limits,
    /// Brochures of a part of the catalogue, besides the one of everything.
    pub brochures: Vec<BrochureSelection>,
    /// Shipping terms, when the office states them.
    pub shipping: Option<Shipping>,
    /// Return terms, when the office states them.
    pub returns: Option<Returns>,
    /// Whether text files get `.gz` and `.br` copies beside them, for hosts that serve those
    /// (nginx's `gzip_static`); off unless asked for.
    pub precompress: bool,
}

/// A brochure of some products only (`/{lang}/brochure/<slug>/`), e.g. what one curator passed.
#[derive(Debug, Clone, PartialEq)]
pub struct BrochureSelection {
    pub slug: String,
    pub title: Translated,
    /// Only products that passed this curator's curation.
    pub curator: Option<String>,
    /// Only products of this category (an index into `Config::categories`).
    pub category: Option<usize>,
}

impl BrochureSelection {
    /// Whether the selection shows a product of `category` (an index into
    /// `Config::categories`) with this curation status and curator: the one rule the brochure
    /// and `etalase export --selection` both follow.
    pub fn shows(
        &self,
        category: Option<usize>,
        status: Option<CurationStatus>,
        curator: Option<&str>,
    ) -> bool {
        let in_category = self.category.is_none_or(|wanted| category == Some(wanted));
        let passed = self.curator.as_deref().is_none_or(|wanted| {
            status == Some(CurationStatus::Lolos)
                && curator.is_some_and(|name| name.trim().eq_ignore_ascii_case(wanted.trim()))
        });
        in_category && passed
    }
}

/// How photos are processed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageSettings {
    /// Widths of the resized copies, ascending.
    pub widths: Vec<u32>,
    /// Photos declaring more pixels are refused before decoding.
    pub max_pixels: u64,
    /// Photo files larger than this are refused before they are read.
    pub max_file_bytes: u64,
}

impl Default for ImageSettings {
    fn default() -> Self {
        ImageSettings {
            widths: vec![480, 960, 1600],
            max_pixels: 60_000_000,
            max_file_bytes: 50 * 1024 * 1024,
        }
    }
}

/// The limits of `limits:` besides the photo ones (which live in [`ImageSettings`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// YAML and Markdown files larger than this are refused before they are read.
    pub max_text_file_bytes: u64,
    /// A product may list at most this many photos.
    pub max_photos_per_product: usize,
    /// How deep YAML may nest and how much its aliases may expand.
    pub yaml: YamlLimits,
    /// How big a spreadsheet `etalase import` reads may be, unpacked.
    pub spreadsheet: SpreadsheetLimits,
    /// The most products one brochure page holds: a larger brochure becomes an index of
    /// per-category brochures, each cut into parts of at most this many (docs/printing.md).
    pub max_brochure_products: usize,
    /// The largest shopping feed or sitemap file a build writes; a larger one is split into
    /// numbered files (docs/feeds.md).
    pub max_feed_file_bytes: u64,
}

/// The limits `etalase import` holds a spreadsheet to, before and while reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SpreadsheetLimits {
    /// A csv file, or all the parts of an xlsx/ods file unpacked, may be at most this big.
    pub max_bytes: u64,
    /// A cell may hold at most this many characters.
    pub max_cell_chars: usize,
    /// A sheet may reach at most this row (as the spreadsheet program numbers it).
    pub max_sheet_rows: u32,
}

impl Default for SpreadsheetLimits {
    fn default() -> Self {
        SpreadsheetLimits {
            max_bytes: SPREADSHEET_MB.default * 1024 * 1024,
            max_cell_chars: CELL_CHARS.default as usize,
            max_sheet_rows: SHEET_ROWS.default as u32,
        }
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_text_file_bytes: 1024 * 1024,
            max_photos_per_product: 12,
            yaml: YamlLimits::default(),
            spreadsheet: SpreadsheetLimits::default(),
            max_brochure_products: BROCHURE_PRODUCTS.default as usize,
            max_feed_file_bytes: FEED_FILE_KB.default * 1024,
        }
    }
}

/// The ceiling for `catalogue.yaml` itself, read before its limits are known.
pub const MAX_CONFIG_BYTES: u64 = 1024 * 1024;

#[derive(Debug, Clone, PartialEq)]
pub struct Publisher {
    pub name: String,
    pub email: Option<String>,
    pub whatsapp: Option<Phone>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Category {
    pub slug: String,
    pub name: Translated,
}

impl Config {
    pub fn default_language(&self) -> &str {
        &self.languages[0]
    }

    /// Reads and validates `catalogue.yaml` text; all problems go into `diagnostics`.
    pub fn parse(text: &str, diagnostics: &mut Diagnostics) -> Option<Config> {
        let file = Path::new(CONFIG_FILE);
        match yaml::parse::<RawConfig>(text, file, 1) {
            Ok(raw) => validate(raw, text, diagnostics),
            Err(problems) => {
                problems.into_iter().for_each(|p| diagnostics.push(p));
                None
            }
        }
    }
}

fn validate(raw: RawConfig, text: &str, diagnostics: &mut Diagnostics) -> Option<Config> {
    let mut problems = Vec::new();
    let languages = validate_languages(&raw.languages, &mut problems);
    let base_url = validate_base_url(&raw.base_url, &mut problems);
    let edition = raw
        .edition
        .as_deref()
        .and_then(|edition| checked_edition(edition, &mut problems));
    let whatsapp = raw
        .publisher
        .whatsapp
        .as_deref()
        .and_then(|phone| checked_publisher_phone(phone, &mut problems));
    let categories = validate_categories(&raw.categories, &languages, &mut problems);
    let mut images = validate_images(raw.images.as_ref(), &mut problems);
    let limits = validate_limits(
        raw.limits.unwrap_or_default(),
        raw.images.as_ref(),
        &mut images,
        &mut problems,
    );
    let brochures = validate_brochures(raw.brochures, &categories, &languages, &mut problems);
    let shipping = raw
        .shipping
        .and_then(|raw| policies::validate_shipping(raw, &mut problems));
    let returns = raw
        .returns
        .and_then(|raw| policies::validate_returns(raw, &mut problems));
    let theme = raw.theme.unwrap_or_else(|| "default".to_owned());
    if !is_valid_slug(&theme) {
        problems.push(
            field_error("theme", msg::BAD_THEME_NAME.arg("value", &theme))
                .with_hint(&msg::THEME_NAME_HINT),
        );
    }
    let failed = !problems.is_empty();
    for problem in problems {
        let line = problem
            .line
            .or_else(|| problem.field.as_deref().and_then(|f| line_of_key(text, f)));
        diagnostics.push(problem.at_line(line));
    }
    if failed {
        return None;
    }
    let (base_url, base_path) = base_url?;
    Some(Config {
        title: Translated::from_raw(&raw.title, &languages),
        description: raw
            .description
            .map(|d| Translated::from_raw(&d, &languages))
            .unwrap_or_default(),
        base_url,
        base_path,
        languages,
        theme,
        publisher: Publisher {
            name: raw.publisher.name,
            email: raw.publisher.email,
            whatsapp,
        },
        edition,
        categories,
        images,
        limits,
        brochures,
        shipping,
        returns,
        precompress: raw.precompress.unwrap_or(false),
    })
}

/// `edition:`, a day on the calendar written `YYYY-MM-DD`.
fn checked_edition(edition: &str, problems: &mut Vec<Diagnostic>) -> Option<Date> {
    let date = Date::parse(edition);
    if date.is_none() {
        problems.push(
            field_error("edition", msg::NOT_A_DATE.arg("value", edition))
                .with_hint(msg::DATE_HINT.arg("example", "\"2025-04-28\"")),
        );
    }
    date
}

/// `publisher.whatsapp`, which must already be in international form.
fn checked_publisher_phone(phone: &str, problems: &mut Vec<Diagnostic>) -> Option<Phone> {
    let parsed = Phone::parse(phone);
    if parsed.is_none() {
        problems.push(
            field_error("publisher.whatsapp", msg::NOT_A_PHONE.arg("value", phone))
                .with_hint(&msg::PHONE_HINT),
        );
    }
    parsed
}

fn validate_brochures(
    raw: Vec<RawBrochure>,
    categories: &[Category],
    languages: &[String],
    problems: &mut Vec<Diagnostic>,
) -> Vec<BrochureSelection> {
    let mut brochures: Vec<BrochureSelection> = Vec::new();
    for (index, brochure) in raw.into_iter().enumerate() {
        let field = format!("brochures[{index}]");
        if !is_valid_slug(&brochure.slug) {
            problems.push(
                field_error(
                    &format!("{field}.slug"),
                    msg::NOT_A_SLUG.arg("value", &brochure.slug),
                )
                .with_hint(&msg::BROCHURE_SLUG_HINT),
            );
            continue;
        }
        if brochures.iter().any(|b| b.slug == brochure.slug) {
            problems.push(field_error(
                &format!("{field}.slug"),
                msg::BROCHURE_TWICE.arg("slug", &brochure.slug),
            ));
            continue;
        }
        let category = match &brochure.category {
            None => None,
            Some(slug) => match categories.iter().position(|c| &c.slug == slug) {
                Some(position) => Some(position),
                None => {
                    let known: Vec<&str> = categories.iter().map(|c| c.slug.as_str()).collect();
                    problems.push(
                        field_error(
                            &format!("{field}.category"),
                            msg::NOT_A_CATEGORY.arg("value", slug),
                        )
                        .with_hint(msg::USE_ONE_OF.arg("names", known.join(", "))),
                    );
                    continue;
                }
            },
        };
        brochures.push(BrochureSelection {
            slug: brochure.slug,
            title: Translated::from_raw(&brochure.title, languages),
            curator: brochure.curator,
            category,
        });
    }
    brochures
}

fn validate_images(raw: Option<&RawImages>, problems: &mut Vec<Diagnostic>) -> ImageSettings {
    let mut settings = ImageSettings::default();
    let Some(raw) = raw else {
        return settings;
    };
    if let Some(widths) = &raw.widths {
        let mut widths = widths.clone();
        widths.sort_unstable();
        widths.dedup();
        if widths.is_empty() || widths.iter().any(|w| !(16..=4096).contains(w)) {
            problems.push(
                field_error("images.widths", &msg::IMAGE_WIDTHS).with_hint(&msg::IMAGE_WIDTHS_HINT),
            );
        } else {
            settings.widths = widths;
        }
    }
    if let Some(limit) = raw.max_megapixels {
        if !(1..=500).contains(&limit) {
            problems.push(
                field_error("images.max_megapixels", &msg::MEGAPIXELS)
                    .with_hint(&msg::MEGAPIXELS_HINT),
            );
        } else {
            settings.max_pixels = u64::from(limit) * 1_000_000;
        }
    }
    settings
}

/// One `limits:` value: its name, default, range, and the unit it is written in.
struct LimitSpec {
    name: &'static str,
    default: u64,
    min: u64,
    max: u64,
}

impl LimitSpec {
    /// The value written, when it is within the range; else a problem naming the range.
    fn read(&self, raw: Option<Spanned<u64>>, problems: &mut Vec<Diagnostic>) -> u64 {
        let Some(value) = raw else {
            return self.default;
        };
        if (self.min..=self.max).contains(&value.value) {
            return value.value;
        }
        let field = format!("limits.{}", self.name);
        let line = Some(value.referenced.line()).filter(|l| *l > 0);
        problems.push(
            field_error(
                &field,
                msg::LIMIT_OUT_OF_RANGE
                    .arg("value", value.value)
                    .arg("min", self.min)
                    .arg("max", self.max),
            )
            .at_line(line)
            .with_hint(msg::LIMIT_DEFAULT_HINT.arg("default", self.default)),
        );
        self.default
    }
}

const TEXT_FILE_KB: LimitSpec = LimitSpec {
    name: "max_text_file_kb",
    default: 1024,
    min: 1,
    max: 64 * 1024,
};
const PHOTO_FILE_MB: LimitSpec = LimitSpec {
    name: "max_photo_file_mb",
    default: 50,
    min: 1,
    max: 1024,
};
const PHOTO_MEGAPIXELS: LimitSpec = LimitSpec {
    name: "max_photo_megapixels",
    default: 60,
    min: 1,
    max: 500,
};
const PHOTOS_PER_PRODUCT: LimitSpec = LimitSpec {
    name: "max_photos_per_product",
    default: 12,
    min: 1,
    max: 200,
};
const YAML_DEPTH: LimitSpec = LimitSpec {
    name: "max_yaml_depth",
    default: 32,
    min: 2,
    max: 256,
};
const YAML_ALIAS_EXPANSION: LimitSpec = LimitSpec {
    name: "max_yaml_alias_expansion",
    default: 10_000,
    min: 0,
    max: 1_000_000,
};

// The spreadsheet limits, with the defaults issue 20 set: a catalogue's workbook is one row
// of a few hundred characters per product, so even 10,000 products stay far below them, while
// a file at the limits is still read in well under a gigabyte of memory.
const SPREADSHEET_MB: LimitSpec = LimitSpec {
    name: "max_spreadsheet_mb",
    default: 100,
    min: 1,
    max: 2048,
};
const CELL_CHARS: LimitSpec = LimitSpec {
    name: "max_cell_chars",
    default: 20_000,
    min: 100,
    max: 1_000_000,
};
const SHEET_ROWS: LimitSpec = LimitSpec {
    name: "max_sheet_rows",
    default: 50_000,
    min: 10,
    max: 1_048_576,
};

// A brochure of 1,000 products is 167 A4 sheets, about a 1 MB page, and prints in well under
// the two minutes `etalase pdf` gives Chromium for one brochure (300 products take 15 s);
// 100,000 products on one page were 90 MB, more than a browser or a printer takes.
const BROCHURE_PRODUCTS: LimitSpec = LimitSpec {
    name: "max_brochure_products",
    default: 1000,
    min: CARDS_PER_SHEET_LIMIT,
    max: 1_000_000,
};
/// The smallest brochure part: one sheet of cards.
const CARDS_PER_SHEET_LIMIT: u64 = 6;
// 20,000 KB stays below the smallest per-file limit of the hosts docs/publishing.md names
// (Cloudflare Pages serves no file over 25 MiB); the sitemap protocol's own 50 MB is the most.
const FEED_FILE_KB: LimitSpec = LimitSpec {
    name: "max_feed_file_kb",
    default: 20_000,
    min: 16,
    max: 51_200,
};

/// Reads `limits:`; the photo limits go into `images`. `images.max_megapixels`, the older
/// place of the pixel limit, still works, but not together with `limits.max_photo_megapixels`.
fn validate_limits(
    raw: RawLimits,
    raw_images: Option<&RawImages>,
    images: &mut ImageSettings,
    problems: &mut Vec<Diagnostic>,
) -> Limits {
    let older_pixels = raw_images.and_then(|i| i.max_megapixels);
    if let (Some(_), Some(newer)) = (older_pixels, &raw.max_photo_megapixels) {
        let line = Some(newer.referenced.line()).filter(|l| *l > 0);
        problems.push(
            field_error("limits.max_photo_megapixels", &msg::LIMIT_SET_TWICE)
                .at_line(line)
                .with_hint(&msg::LIMIT_SET_TWICE_HINT),
        );
    } else if raw.max_photo_megapixels.is_some() {
        images.max_pixels = PHOTO_MEGAPIXELS.read(raw.max_photo_megapixels, problems) * 1_000_000;
    }
    images.max_file_bytes = PHOTO_FILE_MB.read(raw.max_photo_file_mb, problems) * 1024 * 1024;
    let photos = PHOTOS_PER_PRODUCT.read(raw.max_photos_per_product, problems);
    Limits {
        max_text_file_bytes: TEXT_FILE_KB.read(raw.max_text_file_kb, problems) * 1024,
        max_photos_per_product: usize::try_from(photos).unwrap_or(usize::MAX),
        yaml: YamlLimits {
            max_depth: YAML_DEPTH.read(raw.max_yaml_depth, problems) as usize,
            max_alias_expansion: YAML_ALIAS_EXPANSION.read(raw.max_yaml_alias_expansion, problems)
                as usize,
        },
        spreadsheet: SpreadsheetLimits {
            max_bytes: SPREADSHEET_MB.read(raw.max_spreadsheet_mb, problems) * 1024 * 1024,
            max_cell_chars: CELL_CHARS.read(raw.max_cell_chars, problems) as usize,
            max_sheet_rows: SHEET_ROWS.read(raw.max_sheet_rows, problems) as u32,
        },
        max_brochure_products: BROCHURE_PRODUCTS.read(raw.max_brochure_products, problems) as usize,
        max_feed_file_bytes: FEED_FILE_KB.read(raw.max_feed_file_kb, problems) * 1024,
    }
}

fn field_error(field: &str, message: impl Into<Message>) -> Diagnostic {
    Diagnostic::error(CONFIG_FILE, message).in_field(field)
}

/// The line of a top-level key (the first segment of a dotted field), for errors found after parsing.
fn line_of_key(text: &str, field: &str) -> Option<u64> {
    let key = field.split(['.', '[']).next()?;
    text.lines()
        .position(|line| {
            line.trim_start_matches('\u{feff}')
                .starts_with(&format!("{key}:"))
        })
        .map(|index| index as u64 + 1)
}

fn validate_languages(languages: &[String], problems: &mut Vec<Diagnostic>) -> Vec<String> {
    if languages.is_empty() {
        problems
            .push(field_error("languages", &msg::NO_LANGUAGES).with_hint(&msg::NO_LANGUAGES_HINT));
    }
    let mut seen = Vec::new();
    for lang in languages {
        let valid = (2..=3).contains(&lang.len()) && lang.bytes().all(|b| b.is_ascii_lowercase());
        if !valid {
            problems.push(
                field_error("languages", msg::NOT_A_LANGUAGE.arg("value", lang))
                    .with_hint(&msg::LANGUAGE_CODE_HINT),
            );
        } else if seen.contains(lang) {
            problems.push(field_error(
                "languages",
                msg::LISTED_TWICE.arg("value", lang),
            ));
        } else {
            seen.push(lang.clone());
        }
    }
    seen
}

fn validate_base_url(url: &str, problems: &mut Vec<Diagnostic>) -> Option<(String, String)> {
    match BaseUrl::parse(url) {
        Ok(base) => Some((base.url, base.path)),
        Err(wrong) => {
            let (message, hint) = wrong.explain(url);
            problems.push(field_error("base_url", message).with_hint(hint));
            None
        }
    }
}

/// A checked site address: what `base_url:` holds, or what `--base-url` (or
/// `ETALASE_BASE_URL`) puts in its place for one build. Both follow [`BaseUrl::parse`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseUrl {
    /// Absolute, without a trailing slash: `https://host/katalog`.
    pub url: String,
    /// The path part with a trailing slash: `/katalog/` or `/`.
    pub path: String,
}

/// Why a text is not a site address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BadBaseUrl {
    /// Not `http://` or `https://` followed by a host.
    NotAbsolute,
    /// Spaces, quotes, angle brackets, a query or a fragment.
    BadCharacters,
}

impl BadBaseUrl {
    /// What is wrong with `url`, and what to do.
    pub fn explain(self, url: &str) -> (Message, &'static msg::Template) {
        match self {
            BadBaseUrl::NotAbsolute => {
                (msg::NOT_ABSOLUTE_URL.arg("value", url), &msg::BASE_URL_HINT)
            }
            BadBaseUrl::BadCharacters => (
                msg::URL_BAD_CHARACTERS.arg("value", url),
                &msg::URL_BAD_CHARACTERS_HINT,
            ),
        }
    }
}

impl BaseUrl {
    /// The one rule for a site address: `http://` or `https://`, a host, an optional path,
    /// nothing a page could not quote safely. Surrounding space and trailing slashes go.
    pub fn parse(url: &str) -> Result<BaseUrl, BadBaseUrl> {
        let trimmed = url.trim().trim_end_matches('/');
        let rest = trimmed
            .strip_prefix("https://")
            .or_else(|| trimmed.strip_prefix("http://"));
        let rest = rest
            .filter(|r| !r.is_empty() && !r.starts_with('/'))
            .ok_or(BadBaseUrl::NotAbsolute)?;
        if rest.contains(|c: char| {
            c.is_whitespace() || matches!(c, '"' | '<' | '>' | '?' | '#' | '\\')
        }) {
            return Err(BadBaseUrl::BadCharacters);
        }
        let path = match rest.find('/') {
            Some(slash) => format!("{}/", &rest[slash..]),
            None => "/".to_owned(),
        };
        Ok(BaseUrl {
            url: trimmed.to_owned(),
            path,
        })
    }
}

impl Config {
    /// These settings with the site living at `base` instead: every absolute URL the pages,
    /// feeds, sitemap and QR codes carry follows, since they all start from these two fields.
    pub fn at(mut self, base: &BaseUrl) -> Config {
        self.base_url.clone_from(&base.url);
        self.base_path.clone_from(&base.path);
        self
    }
}

fn validate_categories(
    raw: &[RawCategory],
    languages: &[String],
    problems: &mut Vec<Diagnostic>,
) -> Vec<Category> {
    let mut categories: Vec<Category> = Vec::new();
    for (index, category) in raw.iter().enumerate() {
        let field = format!("categories[{index}].slug");
        if !is_valid_slug(&category.slug) {
            problems.push(
                field_error(&field, msg::NOT_A_SLUG.arg("value", &category.slug))
                    .with_hint(&msg::SLUG_HINT),
            );
        } else if categories.iter().any(|c| c.slug == category.slug) {
            problems.push(field_error(
                &field,
                msg::CATEGORY_TWICE.arg("slug", &category.slug),
            ));
        } else {
            categories.push(Category {
                slug: category.slug.clone(),
                name: Translated::from_raw(&category.name, languages),
            });
        }
    }
    categories
}

impl Config {
    /// Reads `catalogue.yaml` from the catalogue and parses it (see [`Config::parse`]); a file
    /// that cannot be read, or is over the catalogue's text limit, is a diagnostic too.
    pub fn load(
        root: &crate::content::CatalogueRoot,
        diagnostics: &mut Diagnostics,
    ) -> Option<Config> {
        match root.read_text(Path::new(CONFIG_FILE)) {
            Ok(file) => Config::parse(&file.text, diagnostics),
            Err(problem) => {
                diagnostics.push(problem);
                None
            }
        }
    }
}

/// The paths of every field `catalogue.yaml` may hold, as `yaml`'s table of what each field
/// takes writes them (`publisher.name`, `categories[].slug`, `limits.*`), read from the raw
/// structs so a field added to them and forgotten there fails its test.
#[cfg(test)]
pub(crate) fn raw_field_names() -> Vec<String> {
    use crate::fields::order::struct_fields;
    let mut names: Vec<String> = struct_fields::<RawConfig>()
        .iter()
        .map(|name| name.to_string())
        .collect();
    let nested: [(&str, &[&str]); 6] = [
        ("publisher", struct_fields::<RawPublisher>()),
        ("images", struct_fields::<RawImages>()),
        ("categories[]", struct_fields::<RawCategory>()),
        ("brochures[]", struct_fields::<RawBrochure>()),
        ("shipping", struct_fields::<RawShipping>()),
        ("returns", struct_fields::<RawReturns>()),
    ];
    for (parent, fields) in nested {
        names.extend(fields.iter().map(|name| format!("{parent}.{name}")));
    }
    if !struct_fields::<RawLimits>().is_empty() {
        names.push("limits.*".to_owned());
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = "title: { id: Katalog, en: Catalogue }\nbase_url: https://example.id/katalog/\nlanguages: [id, en]\npublisher: { name: Dinas }\ncategories:\n  - { slug: batik, name: Batik }\n";

    #[test]
    fn parses_a_minimal_catalogue() {
        let mut diagnostics = Diagnostics::default();
        let config = Config::parse(MINIMAL, &mut diagnostics).expect("valid");
        assert!(diagnostics.is_empty());
        assert_eq!(config.base_url, "https://example.id/katalog");
        assert_eq!(config.base_path, "/katalog/");
        assert_eq!(config.default_language(), "id");
        assert_eq!(config.theme, "default");
        assert_eq!(config.categories[0].name.get("en", "id").text, "Batik");
    }

    #[test]
    fn reports_every_problem_with_its_line() {
        let text = MINIMAL
            .replace("https://example.id/katalog/", "example.id")
            .replace("[id, en]", "[id, EN]");
        let mut diagnostics = Diagnostics::default();
        assert!(Config::parse(&text, &mut diagnostics).is_none());
        let messages: Vec<String> = diagnostics.sorted().iter().map(|d| d.to_string()).collect();
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert!(
            messages[0].starts_with("error: catalogue.yaml:2: field `base_url`"),
            "{messages:?}"
        );
        assert!(
            messages[1].starts_with("error: catalogue.yaml:3: field `languages`"),
            "{messages:?}"
        );
    }

    #[test]
    fn image_settings_default_and_are_checked() {
        let mut diagnostics = Diagnostics::default();
        let config = Config::parse(MINIMAL, &mut diagnostics).unwrap();
        assert_eq!(config.images, ImageSettings::default());
        let custom = format!("{MINIMAL}images: {{ widths: [960, 320], max_megapixels: 24 }}\n");
        let config = Config::parse(&custom, &mut diagnostics).unwrap();
        assert_eq!(config.images.widths, [320, 960]);
        assert_eq!(config.images.max_pixels, 24_000_000);
        let bad = format!("{MINIMAL}images: {{ widths: [8] }}\n");
        assert!(Config::parse(&bad, &mut diagnostics).is_none());
        let messages: Vec<String> = diagnostics.sorted().iter().map(|d| d.to_string()).collect();
        assert_eq!(
            messages,
            ["error: catalogue.yaml:7: field `images.widths`: widths must be between 16 and 4096 pixels\n  hint: for example `widths: [480, 960, 1600]`"]
        );
    }

    #[test]
    fn limits_default_and_are_checked() {
        let mut diagnostics = Diagnostics::default();
        let config = Config::parse(MINIMAL, &mut diagnostics).unwrap();
        assert_eq!(config.limits, Limits::default());
        assert_eq!(config.images.max_file_bytes, 50 * 1024 * 1024);
        let custom = format!(
            "{MINIMAL}limits:\n  max_text_file_kb: 64\n  max_photo_file_mb: 8\n  max_photo_megapixels: 20\n  max_photos_per_product: 3\n  max_yaml_depth: 8\n  max_yaml_alias_expansion: 0\n"
        );
        let config = Config::parse(&custom, &mut diagnostics).unwrap();
        assert_eq!(config.limits.max_text_file_bytes, 64 * 1024);
        assert_eq!(config.limits.max_photos_per_product, 3);
        assert_eq!(config.limits.yaml.max_depth, 8);
        assert_eq!(config.limits.yaml.max_alias_expansion, 0);
        assert_eq!(config.limits.spreadsheet, SpreadsheetLimits::default());
        assert_eq!(config.images.max_file_bytes, 8 * 1024 * 1024);
        assert_eq!(config.images.max_pixels, 20_000_000);
        let spreadsheet = format!(
            "{MINIMAL}limits:\n  max_spreadsheet_mb: 5\n  max_cell_chars: 300\n  max_sheet_rows: 40\n"
        );
        let config = Config::parse(&spreadsheet, &mut diagnostics).expect("valid");
        let expected = SpreadsheetLimits {
            max_bytes: 5 * 1024 * 1024,
            max_cell_chars: 300,
            max_sheet_rows: 40,
        };
        assert_eq!(config.limits.spreadsheet, expected);
        assert!(diagnostics.is_empty());
        let bad = format!("{MINIMAL}limits:\n  max_photos_per_product: 0\n");
        assert!(Config::parse(&bad, &mut diagnostics).is_none());
        let twice = format!(
            "{MINIMAL}images: {{ max_megapixels: 30 }}\nlimits: {{ max_photo_megapixels: 40 }}\n"
        );
        assert!(Config::parse(&twice, &mut diagnostics).is_none());
        let messages: Vec<String> = diagnostics.sorted().iter().map(|d| d.to_string()).collect();
        assert_eq!(
            messages,
            [
                "error: catalogue.yaml:8: field `limits.max_photos_per_product`: `0` is outside the allowed range, 1 to 200\n  hint: leave the line out to use the default, 12",
                "error: catalogue.yaml:8: field `limits.max_photo_megapixels`: the pixel limit is also set by `images.max_megapixels`\n  hint: keep one: remove `max_megapixels` from `images:`",
            ]
        );
    }

    #[test]
    fn edition_and_publisher_phone_are_checked() {
        let with = |edition: &str, phone: &str| {
            MINIMAL.replace(
                "publisher: { name: Dinas }",
                &format!("publisher: {{ name: Dinas, whatsapp: \"{phone}\" }}\nedition: {edition}"),
            )
        };
        let mut diagnostics = Diagnostics::default();
        let config =
            Config::parse(&with("2024-02-29", "+6281234567890"), &mut diagnostics).expect("valid");
        assert_eq!(config.edition, Date::new(2024, 2, 29));
        assert_eq!(
            config.publisher.whatsapp.as_ref().map(Phone::as_str),
            Some("+6281234567890")
        );
        assert!(Config::parse(&with("2025-02-31", "081234567890"), &mut diagnostics).is_none());
        let fields: Vec<String> = diagnostics
            .sorted()
            .iter()
            .map(|d| d.to_string().lines().next().unwrap_or_default().to_owned())
            .collect();
        assert_eq!(
            fields,
            [
                "error: catalogue.yaml:4: field `publisher.whatsapp`: `081234567890` is not a phone number in international form",
                "error: catalogue.yaml:5: field `edition`: `2025-02-31` is not a date",
            ]
        );
    }

    #[test]
    fn root_base_url_has_root_path() {
        let mut problems = Vec::new();
        let (url, path) =
            validate_base_url("https://katalog.example.go.id", &mut problems).unwrap();
        assert_eq!(
            (url.as_str(), path.as_str()),
            ("https://katalog.example.go.id", "/")
        );
    }
}

/// The walk that lists every problem of a file at once finds exactly the reader's.
#[cfg(test)]
mod every_problem {
    use super::*;

    #[test]
    fn in_catalogue_yaml() {
        let base = [
            ("title", "title: T"),
            ("base_url", "base_url: https://x.id"),
            ("languages", "languages: [id]"),
            ("publisher", "publisher: { name: P }"),
            ("categories", "categories: [{ slug: a, name: A }]"),
        ];
        let cases = [
            ("title", "title: {v}"),
            ("title", "title: { id: {v} }"),
            ("description", "description: {v}"),
            ("base_url", "base_url: {v}"),
            ("languages", "languages: {v}"),
            ("languages", "languages: [id, {v}]"),
            ("theme", "theme: {v}"),
            ("publisher", "publisher: {v}"),
            ("publisher", "publisher: { name: {v} }"),
            (
                "publisher",
                "publisher: { name: P, email: {v}, whatsapp: {v} }",
            ),
            ("edition", "edition: {v}"),
            ("categories", "categories: {v}"),
            ("categories", "categories: [{v}]"),
            ("categories", "categories: [{ slug: {v}, name: A }]"),
            ("categories", "categories: [{ slug: a, name: {v} }]"),
            ("categories", "categories: [{ slug: a, name: { en: {v} } }]"),
            ("images", "images: {v}"),
            ("images", "images: { widths: {v} }"),
            ("images", "images: { widths: [480, {v}] }"),
            ("images", "images: { max_megapixels: {v} }"),
            ("limits", "limits: {v}"),
            ("limits", "limits: { max_text_file_kb: {v} }"),
            ("brochures", "brochures: {v}"),
            ("brochures", "brochures: [{ slug: {v}, title: T }]"),
            (
                "brochures",
                "brochures: [{ slug: b, title: {v}, curator: {v}, category: {v} }]",
            ),
            ("shipping", "shipping: {v}"),
            ("shipping", "shipping: { country: {v}, rate: {v} }"),
            (
                "shipping",
                "shipping: { country: ID, rate: 1, handling_days: {v} }",
            ),
            (
                "shipping",
                "shipping: { country: ID, rate: 1, transit_days: { min: {v}, max: 2 } }",
            ),
            ("returns", "returns: {v}"),
            ("returns", "returns: { country: ID, days: {v}, fee: 1 }"),
            ("returns", "returns: { country: ID, days: 1, fee: {v} }"),
            ("precompress", "precompress: {v}"),
            ("titel", "titel: {v}"),
        ];
        let values = [
            "35000",
            "murah",
            "true",
            "yes",
            "ya",
            "\"true\"",
            "-5",
            "35.000",
            "[1, 2]",
            "{ a: 1 }",
            "2025-04-28",
            "''",
            "~",
            "\"960\"",
        ];
        let file = Path::new(CONFIG_FILE);
        crate::yaml::assert_walk_agrees::<RawConfig>(file, &base, &cases, &values);
    }
}
