//! `catalogue.yaml` -> `Config`: site settings, languages, publisher and categories.

use std::path::Path;

use serde::Deserialize;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::i18n::{split_date, RawText, Translated};
use crate::messages::{self as msg, Message};
use crate::slug::is_valid_slug;
use crate::yaml;

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
    #[serde(default)]
    brochures: Vec<RawBrochure>,
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
    pub edition: Option<String>,
    pub categories: Vec<Category>,
    pub images: ImageSettings,
    /// Brochures of a part of the catalogue, besides the one of everything.
    pub brochures: Vec<BrochureSelection>,
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

/// How photos are processed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageSettings {
    /// Widths of the resized copies, ascending.
    pub widths: Vec<u32>,
    /// Photos declaring more pixels are refused before decoding.
    pub max_pixels: u64,
}

impl Default for ImageSettings {
    fn default() -> Self {
        ImageSettings {
            widths: vec![480, 960, 1600],
            max_pixels: 60_000_000,
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Publisher {
    pub name: String,
    pub email: Option<String>,
    pub whatsapp: Option<String>,
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
            Err(error) => {
                diagnostics.push(error);
                None
            }
        }
    }
}

fn validate(raw: RawConfig, text: &str, diagnostics: &mut Diagnostics) -> Option<Config> {
    let mut problems = Vec::new();
    let languages = validate_languages(&raw.languages, &mut problems);
    let base_url = validate_base_url(&raw.base_url, &mut problems);
    if let Some(edition) = &raw.edition {
        if split_date(edition).is_none() {
            problems.push(
                field_error("edition", msg::NOT_A_DATE.arg("value", edition))
                    .with_hint(msg::DATE_HINT.arg("example", "\"2025-04-28\"")),
            );
        }
    }
    if let Some(phone) = &raw.publisher.whatsapp {
        if let Some(problem) = crate::model::check_phone(phone) {
            problems.push(field_error("publisher.whatsapp", problem).with_hint(&msg::PHONE_HINT));
        }
    }
    let categories = validate_categories(&raw.categories, &languages, &mut problems);
    let images = validate_images(raw.images.as_ref(), &mut problems);
    let brochures = validate_brochures(raw.brochures, &categories, &languages, &mut problems);
    let theme = raw.theme.unwrap_or_else(|| "default".to_owned());
    if !is_valid_slug(&theme) {
        problems.push(
            field_error("theme", msg::BAD_THEME_NAME.arg("value", &theme))
                .with_hint(&msg::THEME_NAME_HINT),
        );
    }
    let failed = !problems.is_empty();
    for problem in problems {
        let line = problem.field.as_deref().and_then(|f| line_of_key(text, f));
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
            whatsapp: raw.publisher.whatsapp,
        },
        edition: raw.edition,
        categories,
        images,
        brochures,
    })
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
    let trimmed = url.trim().trim_end_matches('/');
    let rest = trimmed
        .strip_prefix("https://")
        .or_else(|| trimmed.strip_prefix("http://"));
    let Some(rest) = rest.filter(|r| !r.is_empty() && !r.starts_with('/')) else {
        problems.push(
            field_error("base_url", msg::NOT_ABSOLUTE_URL.arg("value", url))
                .with_hint(&msg::BASE_URL_HINT),
        );
        return None;
    };
    if rest.contains(|c: char| c.is_whitespace() || matches!(c, '"' | '<' | '>' | '?' | '#' | '\\'))
    {
        problems.push(
            field_error("base_url", msg::URL_BAD_CHARACTERS.arg("value", url))
                .with_hint(&msg::URL_BAD_CHARACTERS_HINT),
        );
        return None;
    }
    let base_path = match rest.find('/') {
        Some(slash) => format!("{}/", &rest[slash..]),
        None => "/".to_owned(),
    };
    Some((trimmed.to_owned(), base_path))
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
