//! Raw entries -> the validated model. Entries are checked in parallel and every problem becomes
//! a diagnostic naming the file, the field and the line, so one build reports all of them.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Mutex;

use rayon::prelude::*;
use serde_saphyr::Spanned;

use super::links::{self, Folders, LinkUse};
use super::raw::{
    RawAvailability, RawCuration, RawPageFront, RawPhoto, RawPrice, RawPriceWritten, RawProducer,
    RawProduct, RawProductFront, RawShops, RawWholeNumber,
};
use super::{
    Asset, Availability, Catalogue, Certification, Curation, Page, Photo, Producer, Product,
    PLURAL_SUFFIX,
};
use crate::config::Config;
use crate::content::{AssetProblem, CatalogueRoot, EntryFolder, RawContent, Section, SourceFile};
use crate::diagnostic::{
    did_you_mean, gtin_problem_text, shop_link_problem_text, sku_problem_text, unknown_name_hint,
    Diagnostic, Diagnostics,
};
use crate::fields::{
    AvailabilityStatus, BusinessKind, Date, Gtin, Marketplace, Phone, Price, ShopLink, Sku,
};
use crate::i18n::{RawText, Translated};
use crate::markdown;
use crate::messages::{self as msg, Message};
use crate::slug::is_valid_slug;
use crate::yaml::{self, YamlLimits};

/// Folder names the site's own sections use at `/{lang}/<name>/`.
const RESERVED_PAGE_SLUGS: &[&str] = &[
    "products",
    "producers",
    "categories",
    "tags",
    "brochure",
    "search",
    "media",
];

/// An entry's Markdown texts per language: as HTML, as a summary, and as search words.
#[derive(Default)]
struct Bodies {
    html: Translated,
    summaries: Translated,
    words: Translated,
    plain: Translated,
}

/// How long card and meta-description summaries may be, in characters.
const SUMMARY_CHARS: usize = 160;

/// Turns raw content into a catalogue of every entry that validated; the caller fails the
/// build when `diagnostics` holds errors (kept going so later stages can report theirs too).
pub fn validate(
    config: Config,
    content: RawContent,
    root: &CatalogueRoot,
    diagnostics: &mut Diagnostics,
) -> Catalogue {
    let mut by_section: BTreeMap<Section, Vec<EntryFolder>> = BTreeMap::new();
    for entry in content.entries {
        by_section.entry(entry.section).or_default().push(entry);
    }
    let take =
        |map: &mut BTreeMap<Section, Vec<EntryFolder>>, s| map.remove(&s).unwrap_or_default();
    let folders = Folders::of(&by_section);
    let checker = Checker {
        config: &config,
        root,
        inline: Mutex::new(Vec::new()),
        links: Mutex::new(Vec::new()),
    };
    let producer_entries = take(&mut by_section, Section::Producers);
    let producer_slugs: Vec<String> = producer_entries.iter().map(|e| e.slug.clone()).collect();
    let all_producers: Vec<&str> = producer_slugs.iter().map(String::as_str).collect();
    let producers = collect(producer_entries, diagnostics, |e, d| checker.producer(e, d));
    let known = KnownProducers {
        all: &all_producers,
        valid: producers.iter().map(|p| p.slug.as_str()).collect(),
    };
    let (products, rejected): (Vec<_>, Vec<_>) = collect(
        take(&mut by_section, Section::Products),
        diagnostics,
        |e, d| checker.product(e, &known, d),
    )
    .into_iter()
    .partition(Result::is_ok);
    let products = products.into_iter().flatten().collect();
    let rejected_photos = rejected
        .into_iter()
        .filter_map(Result::err)
        .flatten()
        .collect();
    let pages = collect(
        take(&mut by_section, Section::Pages),
        diagnostics,
        |e, d| checker.page(e, d),
    );
    let inline_photos = checker.inline.into_inner().unwrap_or_default();
    let link_uses = checker.links.into_inner().unwrap_or_default();
    let mut catalogue = Catalogue {
        config,
        producers,
        products,
        pages,
        rejected_photos,
        inline_photos,
        tags: Vec::new(),
    };
    link_products_to_producers(&mut catalogue);
    catalogue.tags = tags_with_products(&catalogue.products);
    links::check(&catalogue, &folders, link_uses, diagnostics);
    catalogue
}

/// One product read again after an edit of its own files, checked against `catalogue` as it
/// stands (its producers and settings): the shortcut `serve` takes so that a save does not
/// validate every other product again. `None` when the product cannot be judged alone: it
/// has errors, or its texts show photos or link to other entries (`@/`), which only a whole
/// validation resolves. Otherwise the product and the warnings its files give.
pub fn product_again(
    catalogue: &Catalogue,
    root: &CatalogueRoot,
    entry: &EntryFolder,
) -> Option<(Product, Diagnostics)> {
    let checker = Checker {
        config: &catalogue.config,
        root,
        inline: Mutex::new(Vec::new()),
        links: Mutex::new(Vec::new()),
    };
    // A catalogue that built has no producer with errors: every folder is a valid producer.
    let slugs: Vec<&str> = catalogue
        .producers
        .iter()
        .map(|p| p.slug.as_str())
        .collect();
    let known = KnownProducers {
        all: &slugs,
        valid: slugs.clone(),
    };
    let mut found = Diagnostics::default();
    let product = checker.product(entry, &known, &mut found)?.ok()?;
    let inline = checker.inline.into_inner().unwrap_or_default();
    let links = checker.links.into_inner().unwrap_or_default();
    let alone = inline.is_empty() && links.is_empty() && !found.has_errors();
    alone.then_some((product, found))
}

/// Producer slugs: every folder found, and those that validated (in `Catalogue::producers` order).
struct KnownProducers<'a> {
    all: &'a [&'a str],
    valid: Vec<&'a str>,
}

/// Validates entries in parallel, keeping their (slug) order and all their diagnostics.
/// Each entry's source texts are dropped as soon as it is checked, not after the last one:
/// at 100,000 products they are 300 MB that would otherwise sit beside the checked products.
fn collect<T: Send>(
    entries: Vec<EntryFolder>,
    diagnostics: &mut Diagnostics,
    check: impl Fn(&EntryFolder, &mut Diagnostics) -> Option<T> + Sync,
) -> Vec<T> {
    let results: Vec<(Option<T>, Diagnostics)> = entries
        .into_par_iter()
        .map(|entry| {
            let mut found = Diagnostics::default();
            let item = check(&entry, &mut found);
            (item, found)
        })
        .collect();
    let mut items = Vec::with_capacity(results.len());
    for (item, found) in results {
        diagnostics.extend(found);
        items.extend(item);
    }
    items
}

fn link_products_to_producers(catalogue: &mut Catalogue) {
    for (index, product) in catalogue.products.iter().enumerate() {
        catalogue.producers[product.producer].products.push(index);
    }
}

fn tags_with_products(products: &[Product]) -> Vec<(String, Vec<usize>)> {
    let mut tags: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (index, product) in products.iter().enumerate() {
        for tag in &product.tags {
            // `checked_tags` already dropped a tag written twice on one product.
            tags.entry(tag).or_default().push(index);
        }
    }
    tags.into_iter()
        .map(|(tag, products)| (tag.to_owned(), products))
        .collect()
}

/// Validation context shared by all entries.
struct Checker<'a> {
    config: &'a Config,
    root: &'a CatalogueRoot,
    /// Photos shown inside Markdown texts, queued for the photo pipeline.
    inline: Mutex<Vec<Asset>>,
    /// `@/` links written in Markdown texts, checked once every entry is known.
    links: Mutex<Vec<LinkUse>>,
}

/// Where a spanned value was written, if known.
fn line_of<T>(spanned: &Spanned<T>) -> Option<u64> {
    Some(spanned.referenced.line()).filter(|line| *line > 0)
}

impl Checker<'_> {
    fn languages(&self) -> &[String] {
        &self.config.languages
    }

    fn parse_or_report<T: serde::de::DeserializeOwned>(
        &self,
        file: &SourceFile,
        found: &mut Diagnostics,
    ) -> Option<T> {
        yaml::parse_within(&file.text, &file.path, 1, &self.config.limits.yaml)
            .map_err(|problems| problems.into_iter().for_each(|p| found.push(p)))
            .ok()
    }

    fn producer(&self, entry: &EntryFolder, found: &mut Diagnostics) -> Option<Producer> {
        let data = entry.data.as_ref()?;
        let raw: RawProducer = self.parse_or_report(data, found)?;
        let file = data.path.as_path();
        let kind = business_kind(&raw.kind, file, found);
        let whatsapp = raw
            .whatsapp
            .as_ref()
            .and_then(|phone| checked_phone(phone, file, found));
        let instagram = raw
            .instagram
            .as_ref()
            .map(|handle| instagram_handle(handle, file, found));
        let email = raw.email.as_ref().map(|e| checked_email(e, file, found));
        let shops = checked_shops(raw.shops.as_ref(), ShopsOf::Producer, file, found);
        let logo = raw
            .logo
            .as_ref()
            .and_then(|logo| self.asset(entry, logo, "logo", found));
        if let Some(year) = &raw.founded {
            if !(1800..=2100).contains(&year.value) {
                found.push(
                    Diagnostic::error(file, msg::NOT_A_FOUNDING_YEAR.arg("value", year.value))
                        .at_line(line_of(year))
                        .in_field("founded")
                        .with_hint(&msg::YEAR_HINT),
                );
            }
        }
        let Bodies {
            html: story,
            summaries: summary,
            ..
        } = self.bodies(entry, found, |text| Ok(text.body.to_owned()));
        Some(Producer {
            slug: entry.slug.clone(),
            name: raw.name,
            kind: kind?,
            owner: raw.owner,
            sentra: raw.sentra,
            address: raw.address,
            whatsapp,
            instagram,
            email,
            shops,
            founded: raw.founded.map(|y| y.value),
            logo,
            story,
            summary,
            products: Vec::new(),
        })
    }

    fn product(
        &self,
        entry: &EntryFolder,
        producers: &KnownProducers,
        found: &mut Diagnostics,
    ) -> Option<Result<Product, Vec<Photo>>> {
        let data = entry.data.as_ref()?;
        let raw: RawProduct = self.parse_or_report(data, found)?;
        let file = data.path.as_path();
        let producer = self.producer_index(&raw.producer, producers, file, found);
        let category = self.category_index(&raw.category, file, found);
        let (sku, gtin) = checked_identifiers(raw.sku.as_ref(), raw.gtin.as_ref(), file, found);
        let price = raw
            .price
            .as_ref()
            .and_then(|price| checked_price(price, file, found));
        let tags = checked_tags(&raw.tags, file, found);
        let photos = self.photos(entry, &raw.photos, found);
        let shops = checked_shops(raw.shops.as_ref(), ShopsOf::Product, file, found);
        let curation = raw.curation.map(|c| checked_curation(c, file, found));
        let availability = raw
            .availability
            .as_ref()
            .and_then(|a| checked_availability(a, file, found));
        let mut name = Translated::from_raw(&raw.name, self.languages());
        let (mut unit, unit_plural) = match raw.unit.as_ref() {
            Some(written) => {
                let (one, many) = self.checked_unit(written, file, found);
                (Some(one), many)
            }
            None => (None, Translated::default()),
        };
        let Bodies {
            html: description,
            summaries: summary,
            words: description_words,
            plain: description_text,
        } = self.bodies(entry, found, |text| {
            apply_product_front_matter(&self.config.limits.yaml, text, &mut name, unit.as_mut())
        });
        self.warn_missing_translation(file, "name", &name, found);
        let (Some(producer), Some(category)) = (producer, category) else {
            return Some(Err(photos));
        };
        Some(Ok(Product {
            slug: entry.slug.clone(),
            name,
            producer,
            category,
            sku,
            gtin,
            price,
            unit,
            unit_plural,
            min_order: raw.min_order,
            availability,
            tags,
            photos,
            certifications: raw
                .certifications
                .into_iter()
                .map(|c| Certification {
                    kind: c.kind,
                    number: c.number,
                })
                .collect(),
            shops,
            curation,
            featured: raw.featured,
            description,
            description_words,
            description_text,
            summary,
        }))
    }

    fn producer_index(
        &self,
        producer: &Spanned<String>,
        producers: &KnownProducers,
        file: &Path,
        found: &mut Diagnostics,
    ) -> Option<usize> {
        let slug = producer.value.as_str();
        let index = producers.valid.binary_search(&slug).ok();
        // A producer folder with errors of its own is reported there, not again here.
        if index.is_none() && !producers.all.contains(&slug) {
            found.push(
                Diagnostic::error(file, msg::PRODUCER_MISSING.arg("slug", &producer.value))
                    .at_line(line_of(producer))
                    .in_field("producer")
                    .with_hint(unknown_name_hint(
                        &producer.value,
                        &msg::KIND_PRODUCERS,
                        producers.all,
                    )),
            );
        }
        index
    }

    fn category_index(
        &self,
        category: &Spanned<String>,
        file: &Path,
        found: &mut Diagnostics,
    ) -> Option<usize> {
        let known: Vec<&str> = self
            .config
            .categories
            .iter()
            .map(|c| c.slug.as_str())
            .collect();
        let index = known.iter().position(|slug| *slug == category.value);
        if index.is_none() {
            let hint = unknown_name_hint(&category.value, &msg::KIND_CATEGORIES, &known);
            found.push(
                Diagnostic::error(file, msg::CATEGORY_UNDEFINED.arg("slug", &category.value))
                    .at_line(line_of(category))
                    .in_field("category")
                    .with_hint(hint),
            );
        }
        index
    }

    fn photos(&self, entry: &EntryFolder, raw: &[RawPhoto], found: &mut Diagnostics) -> Vec<Photo> {
        let mut photos = Vec::new();
        let limit = self.config.limits.max_photos_per_product;
        if let (Some(first_over), Some(data)) = (raw.get(limit), &entry.data) {
            found.push(
                Diagnostic::error(
                    &data.path,
                    msg::TOO_MANY_PHOTOS
                        .arg("count", raw.len())
                        .arg("limit", limit),
                )
                .at_line(line_of(&first_over.file))
                .in_field(format!("photos[{limit}]"))
                .with_hint(&msg::TOO_MANY_PHOTOS_HINT),
            );
            return photos;
        }
        for (index, photo) in raw.iter().enumerate() {
            let field = format!("photos[{index}].file");
            let Some(asset) = self.asset(entry, &photo.file, &field, found) else {
                continue;
            };
            let alt = photo
                .alt
                .as_ref()
                .map(|alt| Translated::from_raw(alt, self.languages()))
                .unwrap_or_default();
            let file = entry
                .data
                .as_ref()
                .map(|d| d.path.as_path())
                .unwrap_or(&entry.dir);
            self.warn_missing_alt(file, index, &photo.file, &alt, found);
            self.warn_unknown_languages(file, &format!("photos[{index}].alt"), &alt, found);
            photos.push(Photo { asset, alt });
        }
        photos
    }

    fn asset(
        &self,
        entry: &EntryFolder,
        reference: &Spanned<String>,
        field: &str,
        found: &mut Diagnostics,
    ) -> Option<Asset> {
        let file = entry
            .data
            .as_ref()
            .map(|d| d.path.as_path())
            .unwrap_or(&entry.dir);
        let name = reference.value.trim();
        match self.root.resolve_asset(&entry.dir, name) {
            Ok(source) => Some(Asset {
                source,
                relative: entry.dir.join(name),
            }),
            Err(problem) => {
                let (message, hint) = asset_problem_text(problem, name, &entry.dir);
                found.push(
                    Diagnostic::error(file, message)
                        .at_line(line_of(reference))
                        .in_field(field)
                        .with_hint(hint),
                );
                None
            }
        }
    }

    fn page(&self, entry: &EntryFolder, found: &mut Diagnostics) -> Option<Page> {
        if RESERVED_PAGE_SLUGS.contains(&entry.slug.as_str()) {
            found.push(
                Diagnostic::error(&entry.dir, msg::RESERVED_PAGE.arg("slug", &entry.slug))
                    .with_hint(
                        msg::RESERVED_PAGE_HINT.arg("names", RESERVED_PAGE_SLUGS.join(", ")),
                    ),
            );
            return None;
        }
        let mut title = Translated::default();
        let Bodies { html: body, .. } = self.bodies(entry, found, |text| {
            let Some(front) = text.front_matter else {
                return Err(vec![Diagnostic::error(&text.file.path, &msg::NO_TITLE)
                    .at_line(Some(1))
                    .with_hint(&msg::NO_TITLE_HINT)]);
            };
            let raw: RawPageFront = yaml::parse_within(
                front,
                &text.file.path,
                text.front_matter_line,
                &self.config.limits.yaml,
            )?;
            title.set(&text.lang, raw.title);
            Ok(text.body.to_owned())
        });
        if body.is_empty() {
            if !found.has_errors() {
                found.push(
                    Diagnostic::error(&entry.dir, &msg::NO_TEXT)
                        .with_hint(msg::ADD_FILES_HINT.arg("files", self.language_files())),
                );
            }
            return None;
        }
        Some(Page {
            slug: entry.slug.clone(),
            title,
            body,
        })
    }

    /// Reads every language's Markdown file of an entry into HTML and a summary.
    /// `prepare` checks the front matter and returns the Markdown body to render.
    fn bodies(
        &self,
        entry: &EntryFolder,
        found: &mut Diagnostics,
        mut prepare: impl FnMut(&MarkdownText) -> Result<String, Vec<Diagnostic>>,
    ) -> Bodies {
        let mut bodies = Bodies::default();
        for (stem, file) in &entry.texts {
            if !self.languages().contains(stem) {
                found.push(
                    Diagnostic::warning(&file.path, msg::LANGUAGE_FILE_IGNORED.arg("lang", stem))
                        .with_hint(msg::NAME_FILE_HINT.arg("files", self.language_files())),
                );
                continue;
            }
            let split = markdown::split_front_matter(&file.text);
            let text = MarkdownText {
                file,
                lang: stem.clone(),
                front_matter: split.front_matter,
                front_matter_line: split.front_matter_line,
                body: split.body,
            };
            match prepare(&text) {
                Ok(body) => {
                    let parsed = markdown::parse(&body);
                    let mut uses = Vec::new();
                    links::read(file, &body, &parsed, self.languages(), &mut uses, found);
                    if let Ok(mut queued) = self.links.lock() {
                        queued.extend(uses);
                    }
                    let photos = self.inline_photos(entry, file, &parsed, found);
                    let photo_key = |name: &str| photos.get(name).cloned();
                    bodies.html.set(stem, parsed.to_html(&photo_key));
                    bodies.summaries.set(stem, parsed.summary(SUMMARY_CHARS));
                    bodies.words.set(stem, parsed.words());
                    bodies.plain.set(stem, parsed.plain_text());
                }
                Err(problems) => problems.into_iter().for_each(|p| found.push(p)),
            }
        }
        let data_file = entry.data.as_ref().map(|d| d.path.clone());
        for lang in self.languages() {
            if !bodies.html.has(lang) && !bodies.html.is_empty() && !entry.texts.contains_key(lang)
            {
                let path = data_file.clone().unwrap_or_else(|| entry.dir.clone());
                found.push(
                    Diagnostic::warning(path, msg::NO_LANGUAGE_FILE.arg("lang", lang)).with_hint(
                        msg::ADD_LANGUAGE_FILE_HINT
                            .arg("dir", entry.dir.display())
                            .arg("lang", lang),
                    ),
                );
            }
        }
        bodies
    }

    /// Resolves the photos a text shows from its folder (`![alt](foto.jpg)`), queues them for
    /// the photo pipeline and returns their keys by the name written in the text.
    fn inline_photos(
        &self,
        entry: &EntryFolder,
        file: &SourceFile,
        parsed: &markdown::Parsed,
        found: &mut Diagnostics,
    ) -> BTreeMap<String, String> {
        let mut keys = BTreeMap::new();
        for name in parsed.local_images() {
            match self.root.resolve_asset(&entry.dir, &name) {
                Ok(source) => {
                    let relative = entry.dir.join(&name);
                    let key = crate::images::asset_key(&relative);
                    if let Ok(mut queued) = self.inline.lock() {
                        queued.push(Asset { source, relative });
                    }
                    keys.insert(name, key);
                }
                Err(problem) => {
                    let (message, hint) = asset_problem_text(problem, &name, &entry.dir);
                    let line = file
                        .text
                        .lines()
                        .position(|l| l.contains(&name))
                        .map(|i| i as u64 + 1);
                    found.push(
                        Diagnostic::error(&file.path, message)
                            .at_line(line)
                            .with_hint(hint),
                    );
                }
            }
        }
        keys
    }

    /// `id.md, en.md`: the Markdown files an entry may have.
    fn language_files(&self) -> String {
        self.languages()
            .iter()
            .map(|l| format!("{l}.md"))
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn warn_missing_translation(
        &self,
        file: &Path,
        field: &str,
        text: &Translated,
        found: &mut Diagnostics,
    ) {
        if text.is_empty() {
            return;
        }
        for lang in self.languages() {
            if !text.has(lang) {
                found.push(
                    Diagnostic::warning(file, msg::NO_TRANSLATION.arg("lang", lang))
                        .in_field(field)
                        .with_hint(
                            msg::ADD_TRANSLATION_HINT
                                .arg("lang", lang)
                                .arg("field", field),
                        ),
                );
            }
        }
        self.warn_unknown_languages(file, field, text, found);
    }

    /// Every photo needs a description (alt text) in every language, for people who cannot
    /// see it and for search engines.
    fn warn_missing_alt(
        &self,
        file: &Path,
        index: usize,
        photo: &Spanned<String>,
        alt: &Translated,
        found: &mut Diagnostics,
    ) {
        for lang in self.languages().iter().filter(|lang| !alt.has(lang)) {
            found.push(
                Diagnostic::warning(
                    file,
                    msg::PHOTO_WITHOUT_ALT
                        .arg("file", photo.value.trim())
                        .arg("lang", lang),
                )
                .at_line(line_of(photo))
                .in_field(format!("photos[{index}].alt.{lang}"))
                .with_hint(msg::PHOTO_ALT_HINT.arg("lang", lang)),
            );
        }
    }

    /// `unit` split into its singular and the plurals given as `{lang}_plural` keys.
    fn checked_unit(
        &self,
        written: &RawText,
        file: &Path,
        found: &mut Diagnostics,
    ) -> (Translated, Translated) {
        let RawText::PerLanguage(forms) = written else {
            return (
                Translated::from_raw(written, self.languages()),
                Translated::default(),
            );
        };
        let (mut one, mut many) = (BTreeMap::new(), BTreeMap::new());
        for (key, text) in forms {
            match key.strip_suffix(PLURAL_SUFFIX) {
                Some(lang) => many.insert(lang.to_owned(), text.clone()),
                None => one.insert(key.clone(), text.clone()),
            };
        }
        let one = Translated::from_raw(&RawText::PerLanguage(one), self.languages());
        let many = Translated::from_raw(&RawText::PerLanguage(many), self.languages());
        self.warn_unknown_languages(file, "unit", &many, found);
        for lang in self
            .languages()
            .iter()
            .filter(|l| many.has(l) && !one.has(l))
        {
            found.push(
                Diagnostic::error(file, msg::UNIT_PLURAL_WITHOUT_SINGULAR.arg("lang", lang))
                    .in_field("unit")
                    .with_hint(&msg::UNIT_PLURAL_HINT),
            );
        }
        (one, many)
    }

    fn warn_unknown_languages(
        &self,
        file: &Path,
        field: &str,
        text: &Translated,
        found: &mut Diagnostics,
    ) {
        for lang in text.unknown_languages(self.languages()) {
            found.push(
                Diagnostic::warning(file, msg::NOT_A_CATALOGUE_LANGUAGE.arg("lang", lang))
                    .in_field(field)
                    .with_hint(
                        msg::CATALOGUE_LANGUAGES_HINT.arg("langs", self.languages().join(", ")),
                    ),
            );
        }
    }
}

/// One language's Markdown file, split.
struct MarkdownText<'a> {
    file: &'a SourceFile,
    lang: String,
    front_matter: Option<&'a str>,
    front_matter_line: u64,
    body: &'a str,
}

fn apply_product_front_matter(
    limits: &YamlLimits,
    text: &MarkdownText,
    name: &mut Translated,
    unit: Option<&mut Translated>,
) -> Result<String, Vec<Diagnostic>> {
    if let Some(front) = text.front_matter {
        let raw: RawProductFront =
            yaml::parse_within(front, &text.file.path, text.front_matter_line, limits)?;
        if let Some(translated) = raw.name {
            name.set(&text.lang, translated);
        }
        if let (Some(translated), Some(unit)) = (raw.unit, unit) {
            unit.set(&text.lang, translated);
        }
    }
    Ok(text.body.to_owned())
}

fn business_kind(
    kind: &Spanned<String>,
    file: &Path,
    found: &mut Diagnostics,
) -> Option<BusinessKind> {
    let parsed = BusinessKind::parse(&kind.value);
    if parsed.is_none() {
        found.push(
            Diagnostic::error(file, msg::NOT_A_BUSINESS_KIND.arg("value", &kind.value))
                .at_line(line_of(kind))
                .in_field("kind")
                .with_hint(&msg::BUSINESS_KIND_HINT),
        );
    }
    parsed
}

/// A producer's `whatsapp:`, which must already be in international form.
fn checked_phone(phone: &Spanned<String>, file: &Path, found: &mut Diagnostics) -> Option<Phone> {
    let parsed = Phone::parse(&phone.value);
    if parsed.is_none() {
        found.push(
            Diagnostic::error(file, msg::NOT_A_PHONE.arg("value", &phone.value))
                .at_line(line_of(phone))
                .in_field("whatsapp")
                .with_hint(&msg::PHONE_HINT),
        );
    }
    parsed
}

fn instagram_handle(handle: &Spanned<String>, file: &Path, found: &mut Diagnostics) -> String {
    let cleaned = handle.value.trim().trim_start_matches('@').to_owned();
    let valid = !cleaned.is_empty()
        && cleaned.len() <= 30
        && cleaned
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'_');
    if !valid {
        found.push(
            Diagnostic::error(
                file,
                msg::NOT_AN_INSTAGRAM_HANDLE.arg("value", &handle.value),
            )
            .at_line(line_of(handle))
            .in_field("instagram")
            .with_hint(&msg::INSTAGRAM_HINT),
        );
    }
    cleaned
}

fn checked_email(email: &Spanned<String>, file: &Path, found: &mut Diagnostics) -> String {
    let value = email.value.trim();
    let valid = match value.split_once('@') {
        Some((user, host)) => {
            !user.is_empty()
                && host.contains('.')
                && !value.contains(char::is_whitespace)
                && !host.contains('@')
        }
        None => false,
    };
    if !valid {
        found.push(
            Diagnostic::error(file, msg::NOT_AN_EMAIL.arg("value", value))
                .at_line(line_of(email))
                .in_field("email")
                .with_hint(&msg::EMAIL_HINT),
        );
    }
    value.to_owned()
}

/// Whose `shops:` are checked: a producer's may name every kind of shop, a product's only the
/// marketplaces it has a listing of its own on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ShopsOf {
    Producer,
    Product,
}

/// `shops:`, each link an https URL on the site of the marketplace it is filed under.
fn checked_shops(
    raw: Option<&RawShops>,
    of: ShopsOf,
    file: &Path,
    found: &mut Diagnostics,
) -> Vec<ShopLink> {
    let allowed: Vec<Marketplace> = Marketplace::ALL
        .into_iter()
        .filter(|m| of == ShopsOf::Producer || m.sells())
        .collect();
    let mut links = Vec::new();
    // `shops:` alone (None): an editor kept the key and commented out every line under it.
    for (key, text) in raw.into_iter().flatten() {
        let field = format!("shops.{key}");
        let error = |message: Message, hint: Message| {
            Diagnostic::error(file, message)
                .at_line(line_of(text))
                .in_field(&field)
                .with_hint(hint)
        };
        let keys = || {
            let keys: Vec<&str> = allowed.iter().map(|m| m.as_str()).collect();
            keys.join(", ")
        };
        let Some(marketplace) = Marketplace::parse(key) else {
            let known = allowed.iter().map(|m| m.as_str());
            let hint = match did_you_mean(key, known) {
                Some(close) => msg::DID_YOU_MEAN.arg("name", close),
                None => msg::USE_ONE_OF.arg("names", keys()),
            };
            found.push(error(msg::SHOP_UNKNOWN.arg("key", key), hint));
            continue;
        };
        if !allowed.contains(&marketplace) {
            let hint = msg::SHOP_NOT_FOR_PRODUCTS_HINT.arg("keys", keys());
            found.push(error(msg::SHOP_NOT_FOR_PRODUCTS.arg("key", key), hint));
            continue;
        }
        match marketplace.link(&text.value) {
            Ok(link) => links.push(link),
            Err(problem) => {
                let (message, hint) = shop_link_problem_text(marketplace, &text.value, &problem);
                found.push(error(message, hint));
            }
        }
    }
    links.sort_by_key(|link| link.marketplace);
    links
}

/// `sku:` and `gtin:`, each `None` when absent or wrong (a wrong one is reported).
fn checked_identifiers(
    sku: Option<&Spanned<String>>,
    gtin: Option<&Spanned<String>>,
    file: &Path,
    found: &mut Diagnostics,
) -> (Option<Sku>, Option<Gtin>) {
    let mut report = |field: &str, typed: &Spanned<String>, (message, hint): (Message, Message)| {
        found.push(
            Diagnostic::error(file, message)
                .at_line(line_of(typed))
                .in_field(field)
                .with_hint(hint),
        );
    };
    let sku = sku.and_then(|typed| {
        Sku::parse(&typed.value)
            .map_err(|problem| report("sku", typed, sku_problem_text(&typed.value, problem)))
            .ok()
    });
    let gtin = gtin.and_then(|typed| {
        Gtin::parse(&typed.value)
            .map_err(|problem| report("gtin", typed, gtin_problem_text(&typed.value, problem)))
            .ok()
    });
    (sku, gtin)
}

fn checked_price(
    price: &Spanned<RawPriceWritten>,
    file: &Path,
    found: &mut Diagnostics,
) -> Option<Price> {
    let line = line_of(price);
    let RawPrice { amount, min, max } = &price.value.0;
    let result = match (*amount, *min, *max) {
        (Some(amount), None, None) => Ok(Price::Fixed(amount)),
        (None, Some(min), Some(max)) => Price::between(min, max)
            .ok_or_else(|| msg::PRICE_MIN_ABOVE_MAX.arg("min", min).arg("max", max)),
        _ => Err(Message::from(&msg::PRICE_SHAPE)),
    };
    result
        .map_err(|message| {
            found.push(
                Diagnostic::error(file, message)
                    .at_line(line)
                    .in_field("price")
                    .with_hint(&msg::PRICE_HINT),
            );
        })
        .ok()
}

fn checked_tags(tags: &[Spanned<String>], file: &Path, found: &mut Diagnostics) -> Vec<String> {
    let mut valid: Vec<String> = Vec::new();
    for tag in tags {
        if !is_valid_slug(&tag.value) {
            found.push(
                Diagnostic::error(file, msg::TAG_NOT_A_SLUG.arg("tag", &tag.value))
                    .at_line(line_of(tag))
                    .in_field("tags")
                    .with_hint(&msg::SLUG_HINT),
            );
        } else if !valid.contains(&tag.value) {
            valid.push(tag.value.clone());
        }
    }
    valid
}

fn checked_curation(raw: RawCuration, file: &Path, found: &mut Diagnostics) -> Curation {
    Curation {
        status: raw.status,
        curator: raw.curator.filter(|c| !c.trim().is_empty()),
        date: raw.date.and_then(|date| checked_date(&date, file, found)),
    }
}

/// `availability:`: a status of the contract and, only for a product made to order, its lead
/// time in whole days. `None` when the status is not one; a wrong lead time is left out.
fn checked_availability(
    raw: &RawAvailability,
    file: &Path,
    found: &mut Diagnostics,
) -> Option<Availability> {
    let status = AvailabilityStatus::parse(raw.status.value.trim());
    if status.is_none() {
        found.push(
            Diagnostic::error(
                file,
                msg::NOT_AN_AVAILABILITY.arg("value", &raw.status.value),
            )
            .at_line(line_of(&raw.status))
            .in_field("availability.status")
            .with_hint(&msg::AVAILABILITY_HINT),
        );
    }
    let lead_days = raw
        .lead_days
        .as_ref()
        .and_then(|days| checked_lead_days(days, status?, file, found));
    Some(Availability {
        status: status?,
        lead_days,
    })
}

/// `availability.lead_days`: whole days within [`AvailabilityStatus::LEAD_DAYS`], with
/// `status: pesan`.
fn checked_lead_days(
    days: &Spanned<RawWholeNumber>,
    status: AvailabilityStatus,
    file: &Path,
    found: &mut Diagnostics,
) -> Option<u32> {
    let problem = |message: Message, hint: &'static msg::Template| {
        Diagnostic::error(file, message)
            .at_line(line_of(days))
            .in_field("availability.lead_days")
            .with_hint(hint)
    };
    let whole = match &days.value {
        RawWholeNumber::Whole(n) => u32::try_from(*n)
            .ok()
            .filter(|n| AvailabilityStatus::LEAD_DAYS.contains(n)),
        RawWholeNumber::Other(_) => None,
    };
    let Some(whole) = whole else {
        let typed = match &days.value {
            RawWholeNumber::Whole(n) => n.to_string(),
            // `"21"`: quoted, a number is text; the quotes show why it is refused.
            RawWholeNumber::Other(text) if text.parse::<i64>().is_ok() => format!("\"{text}\""),
            RawWholeNumber::Other(text) => text.clone(),
        };
        found.push(problem(lead_time_problem(&typed), &msg::LEAD_DAYS_HINT));
        return None;
    };
    if status != AvailabilityStatus::Pesan {
        found.push(problem(
            msg::LEAD_DAYS_NOT_MADE_TO_ORDER.arg("status", status.as_str()),
            &msg::LEAD_DAYS_NOT_MADE_TO_ORDER_HINT,
        ));
        return None;
    }
    Some(whole)
}

/// A curation's `date:`, which must be a day on the calendar written `YYYY-MM-DD`.
fn checked_date(date: &Spanned<String>, file: &Path, found: &mut Diagnostics) -> Option<Date> {
    let parsed = Date::parse(&date.value);
    if parsed.is_none() {
        found.push(
            Diagnostic::error(file, msg::NOT_A_DATE.arg("value", &date.value))
                .at_line(line_of(date))
                .in_field("curation.date")
                .with_hint(msg::DATE_HINT.arg("example", "2025-04-28")),
        );
    }
    parsed
}

/// "`0` is not a number of days from 1 to 365", the bounds from the vocabulary.
fn lead_time_problem(typed: &str) -> Message {
    let days = AvailabilityStatus::LEAD_DAYS;
    msg::NOT_A_LEAD_TIME
        .arg("value", typed)
        .arg("min", days.start())
        .arg("max", days.end())
}

fn asset_problem_text(problem: AssetProblem, name: &str, dir: &Path) -> (Message, Message) {
    let (message, hint) = match problem {
        AssetProblem::NotInFolder => (&msg::ASSET_NOT_IN_FOLDER, &msg::ASSET_NOT_IN_FOLDER_HINT),
        AssetProblem::Missing => (&msg::ASSET_MISSING, &msg::ASSET_MISSING_HINT),
        AssetProblem::LeavesCatalogue => (
            &msg::ASSET_LEAVES_CATALOGUE,
            &msg::ASSET_LEAVES_CATALOGUE_HINT,
        ),
    };
    (message.arg("name", name), hint.arg("dir", dir.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads `text` as the YAML path reads a field of `file`, then `check`s it: what was kept,
    /// and every problem as users read it.
    fn checked<R: serde::de::DeserializeOwned, T>(
        text: &str,
        check: impl Fn(R, &Path, &mut Diagnostics) -> T,
    ) -> (T, Vec<String>) {
        let file = Path::new("entry.yaml");
        let raw = yaml::parse(text, file, 1).expect("well-formed YAML");
        let mut found = Diagnostics::default();
        let kept = check(raw, file, &mut found);
        let problems = found.sorted().iter().map(|d| d.to_string()).collect();
        (kept, problems)
    }

    /// `sku:` and `gtin:` of a product.yaml holding `text`.
    fn identifiers_of(text: &str) -> ((Option<Sku>, Option<Gtin>), Vec<String>) {
        #[derive(serde::Deserialize)]
        struct Both {
            sku: Option<Spanned<String>>,
            gtin: Option<Spanned<String>>,
        }
        checked(text, |raw: Both, file: &Path, found: &mut Diagnostics| {
            checked_identifiers(raw.sku.as_ref(), raw.gtin.as_ref(), file, found)
        })
    }

    #[test]
    fn product_codes_are_short_text_and_barcodes_pass_their_check_digit() {
        // Bare numbers are read as the digits written, leading zeros too.
        let ((sku, gtin), problems) = identifiers_of("sku: 007\ngtin: 0036000291452\n");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(sku.map(|s| s.to_string()), Some("007".to_owned()));
        assert_eq!(
            gtin.map(|g| g.to_string()),
            Some("0036000291452".to_owned())
        );

        let ((sku, gtin), problems) = identifiers_of(&format!(
            "sku: {}\ngtin: \"8991234567895\"\n",
            "x".repeat(51)
        ));
        assert_eq!((sku, gtin), (None, None));
        assert_eq!(
            problems,
            [
                format!("error: entry.yaml:1: field `sku`: the product code `{}` is 51 characters long; a product code has at most 50\n  hint: write the producer's own code for the product on one line, at most 50 characters, e.g. BSJ-TLS-01; a product without one leaves it out", "x".repeat(51)),
                "error: entry.yaml:2: field `gtin`: `8991234567895` is not a valid barcode number (GTIN): its last digit (the check digit) does not fit the others, so a digit is mistyped\n  hint: copy all the digits printed under the product's barcode, e.g. 8991234567891 (Indonesian barcodes start with 899); a product without a barcode leaves it out".to_owned(),
            ]
        );
        let (_, problems) = identifiers_of("gtin: 899-1234-5678\n");
        assert_eq!(
            problems,
            ["error: entry.yaml:1: field `gtin`: `899-1234-5678` has 11 digits; a barcode number (GTIN) has 8, 12, 13 or 14\n  hint: copy all the digits printed under the product's barcode, e.g. 8991234567891 (Indonesian barcodes start with 899); a product without a barcode leaves it out"]
        );
    }

    #[test]
    fn phone_numbers_must_be_international() {
        let check = |raw: Spanned<String>, file: &Path, found: &mut Diagnostics| {
            checked_phone(&raw, file, found)
        };
        let (phone, problems) = checked("\"+6281234567890\"", check);
        assert_eq!(phone.as_ref().map(Phone::as_str), Some("+6281234567890"));
        assert!(problems.is_empty(), "{problems:?}");
        for text in ["081234567890", "+62 812 3456", "+0812345678"] {
            let (phone, problems) = checked(&format!("\"{text}\""), check);
            assert_eq!(phone, None, "{text}");
            assert_eq!(
                problems,
                [format!(
                    "error: entry.yaml:1: field `whatsapp`: `{text}` is not a phone number in international form\n  hint: write it in international form with quotes, e.g. \"+6281234567890\""
                )]
            );
        }
    }

    #[test]
    fn curation_dates_must_be_on_the_calendar() {
        let (leap, problems) = checked("status: lolos\ndate: 2024-02-29\n", checked_curation);
        assert_eq!(leap.date, Date::new(2024, 2, 29));
        assert!(problems.is_empty(), "{problems:?}");
        for day in ["2025-02-29", "2025-02-31"] {
            let text = format!("status: lolos\ndate: {day}\n");
            let (curation, problems) = checked(&text, checked_curation);
            assert_eq!(curation.date, None, "{day}");
            assert_eq!(
                problems,
                [format!(
                    "error: entry.yaml:2: field `curation.date`: `{day}` is not a date\n  hint: write the date as YYYY-MM-DD, e.g. 2025-04-28"
                )]
            );
        }
    }

    fn availability_of(text: &str) -> (Option<Availability>, Vec<String>) {
        checked(
            text,
            |raw: RawAvailability, file: &Path, found: &mut Diagnostics| {
                checked_availability(&raw, file, found)
            },
        )
    }

    #[test]
    fn availability_takes_a_status_and_a_lead_time_only_when_made_to_order() {
        let (made, problems) = availability_of("status: pesan\nlead_days: 21\n");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(
            made.map(|a| a.label("en")).as_deref(),
            Some("Made to order in 21 days")
        );
        let (ready, problems) = availability_of("{ status: siap }");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(
            ready.map(|a| (a.status, a.lead_days)),
            Some((AvailabilityStatus::Siap, None))
        );
        let (year, _) = availability_of("{ status: pesan, lead_days: 365 }");
        assert_eq!(year.and_then(|a| a.lead_days), Some(365));

        let (unknown, problems) = availability_of("status: ready\n");
        assert_eq!(unknown, None);
        assert_eq!(
            problems,
            ["error: entry.yaml:1: field `availability.status`: `ready` is not an availability status\n  hint: write `siap` (ready stock), `pesan` (made to order) or `habis` (sold out)"]
        );
        for typed in ["0", "-3", "tiga", "\"21\"", "2.5", "366"] {
            let (kept, problems) = availability_of(&format!("status: pesan\nlead_days: {typed}\n"));
            assert_eq!(kept.map(|a| a.lead_days), Some(None), "{typed}");
            assert_eq!(
                problems,
                [format!("error: entry.yaml:2: field `availability.lead_days`: `{typed}` is not a number of days from 1 to 365\n  hint: write how many days making the product takes after the order, in digits without quotes, e.g. `lead_days: 21`")],
                "{typed}"
            );
        }
        let (sold, problems) = availability_of("status: habis\nlead_days: 7\n");
        assert_eq!(
            sold.map(|a| (a.status, a.lead_days)),
            Some((AvailabilityStatus::Habis, None))
        );
        assert_eq!(
            problems,
            ["error: entry.yaml:2: field `availability.lead_days`: a lead time is only for products made to order, but the status is `habis`\n  hint: remove `lead_days`, or write `status: pesan` if the product is made after it is ordered"]
        );
    }

    #[test]
    fn the_availability_hint_names_every_status() {
        let hint = Message::from(&msg::AVAILABILITY_HINT);
        for lang in [crate::messages::Lang::En, crate::messages::Lang::Id] {
            let text = hint.render(lang);
            for status in AvailabilityStatus::ALL {
                assert!(text.contains(&format!("`{}`", status.as_str())), "{text}");
            }
        }
    }

    #[test]
    fn shop_links_are_https_on_their_marketplace_and_named_by_field() {
        let producer = |raw: RawShops, file: &Path, found: &mut Diagnostics| {
            checked_shops(Some(&raw), ShopsOf::Producer, file, found)
        };
        let text = "website: https://toko.example.id\ntokopedia: https://www.tokopedia.com/toko\n";
        let (links, problems) = checked(text, producer);
        assert!(problems.is_empty(), "{problems:?}");
        let urls: Vec<&str> = links.iter().map(|l| l.url.as_str()).collect();
        assert_eq!(
            urls,
            ["https://www.tokopedia.com/toko", "https://toko.example.id/"],
            "in the contract's order"
        );
        let text = "tokopedia: http://www.tokopedia.com/toko\nshopee: https://www.tokopedia.com/toko\ntokped: https://www.tokopedia.com/toko\n";
        let (links, problems) = checked(text, producer);
        assert!(links.is_empty());
        assert_eq!(
            problems,
            [
                "error: entry.yaml:1: field `shops.tokopedia`: `http://www.tokopedia.com/toko` is not an https:// address\n  hint: copy the whole address from the browser's address bar, starting with https://, e.g. https://www.tokopedia.com/batiksekarjagad",
                "error: entry.yaml:2: field `shops.shopee`: `https://www.tokopedia.com/toko` is not a Shopee address: it leads to `www.tokopedia.com`\n  hint: a Shopee link leads to shopee.co.id, shope.ee, shp.ee, e.g. https://shopee.co.id/batiksekarjagad; a link to another site goes under that site's own key",
                "error: entry.yaml:3: field `shops.tokped`: unknown shop `tokped`\n  hint: use one of: tokopedia, shopee, tiktok, bukalapak, website, facebook",
            ]
        );
        let product = |raw: RawShops, file: &Path, found: &mut Diagnostics| {
            checked_shops(Some(&raw), ShopsOf::Product, file, found)
        };
        let (links, problems) = checked("facebook: https://www.facebook.com/toko\n", product);
        assert!(links.is_empty());
        assert_eq!(
            problems,
            ["error: entry.yaml:1: field `shops.facebook`: a product's `shops` lists its own pages on a marketplace; `facebook` is no marketplace\n  hint: put it under `shops:` in the producer's producer.yaml; a product may list tokopedia, shopee, tiktok, bukalapak"]
        );
    }

    #[test]
    fn business_kinds_are_the_contract_spellings() {
        let check = |raw: Spanned<String>, file: &Path, found: &mut Diagnostics| {
            business_kind(&raw, file, found)
        };
        assert_eq!(checked("ikm", check), (Some(BusinessKind::Ikm), Vec::new()));
        let (kind, problems) = checked("UMKM", check);
        assert_eq!(kind, None);
        assert_eq!(problems.len(), 1);
        assert!(problems[0].contains("`UMKM` is not a kind of business"));
    }
}
