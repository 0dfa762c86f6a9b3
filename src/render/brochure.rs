//! The print brochure: `/{lang}/brochure/` (every product) and `/{lang}/brochure/<slug>/` (a
//! selection from `catalogue.yaml`), laid out as A4 sheets.
//!
//! Browsers cannot yet number pages for a table of contents (`target-counter()`), so the
//! layout is decided here: a cover, the contents, then each category on sheets of a fixed
//! number of cards, each category starting on a new sheet. Every sheet is one A4 page, so the
//! page numbers in the contents and in each sheet's footer are known before printing.
//!
//! A brochure of more than `limits.max_brochure_products` products is split: its page becomes
//! an index, and each category gets brochures of its own, cut into parts of at most that many
//! products (`/{lang}/categories/<category>/brochure/`, `…/brochure/2/`; a selection's at
//! `/{lang}/brochure/<slug>/<category>/`, `…/<category>/2/`). Each part is a whole brochure
//! with its cover and contents, printed to its own PDF (docs/printing.md).

use serde::Serialize;

use super::labels::Labels;
use super::views::{Badge, LangContext, Text};
use crate::config::{BrochureSelection, Config};
use crate::model::{Catalogue, Product};

/// Product cards on one A4 sheet: two columns of three.
pub const CARDS_PER_SHEET: usize = 6;
/// Lines of the contents on one sheet.
const CONTENTS_PER_SHEET: usize = 24;
/// The fewest pixels across a printed photo needs: a card's photo is 90 mm wide, and 886 px
/// over 90 mm is 250 dpi, sharp on paper. The default copies give 960 px (271 dpi). The 1600-px
/// copies tripled the time Chromium takes to print 300 products (43 s against 15 s,
/// `bench/run-pdf.sh`) and the PDF's size (52 MB against 17 MB) without a visible difference.
pub const PRINT_PHOTO_PIXELS: u32 = 886;

/// One brochure in one language, sheet by sheet.
#[derive(Debug, Serialize)]
pub struct Brochure {
    /// The selection's title, or the catalogue's.
    pub title: String,
    /// Which part of a split brochure this is; `None` for a brochure on one page.
    pub part: Option<PartLabel>,
    pub sheets: Vec<Sheet>,
    pub product_count: usize,
    /// A few photos for the cover: featured products first.
    pub cover_photos: Vec<PrintPhoto>,
}

/// One A4 page.
#[derive(Debug, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Sheet {
    Cover {
        page: usize,
    },
    Contents {
        page: usize,
        entries: Vec<ContentsEntry>,
    },
    Products {
        page: usize,
        category: String,
        /// A later sheet of the same category.
        continued: bool,
        cards: Vec<PrintCard>,
    },
}

/// A category in the contents, with the page it starts on.
#[derive(Debug, Serialize)]
pub struct ContentsEntry {
    pub name: String,
    pub count: usize,
    pub page: usize,
}

/// A product as the brochure prints it.
#[derive(Debug, Serialize)]
pub struct PrintCard {
    pub name: Text,
    pub producer: String,
    pub price: Option<String>,
    pub unit: Option<Text>,
    pub min_order: Option<String>,
    pub badges: Vec<Badge>,
    /// Whom to ask and how: the producer's WhatsApp number, or else the publisher's.
    pub contact: Option<String>,
    /// Where to buy it: the product's own listings on marketplaces, or else its producer's
    /// shops (marketplaces, website, Facebook).
    pub shops: Vec<PrintShop>,
    /// The product page's QR code (site-relative).
    pub qr: String,
    pub photo: Option<PrintPhoto>,
}

/// A shop or a listing as paper shows it: the marketplace's name and the address to type.
#[derive(Debug, Serialize)]
pub struct PrintShop {
    /// The `shops:` key, also the line's class (`shop-tokopedia`).
    pub key: &'static str,
    pub name: &'static str,
    /// `tokopedia.com/batiksekarjagad` (see [`crate::fields::ShopLink::print_address`]).
    pub address: String,
}

/// The most shop lines a card has room for under its text; the rest are on the product and
/// producer pages its QR code leads to.
pub const SHOPS_PER_CARD: usize = 4;

/// A photo at print resolution.
#[derive(Debug, Serialize)]
pub struct PrintPhoto {
    pub url: String,
    pub width: u32,
    pub height: u32,
    pub alt: Text,
    pub colour: String,
    /// The WebP copies a phone's screen shows instead (the brochure read as a list there);
    /// paper and wider screens keep the print copy.
    pub webp: Vec<super::views::Source>,
}

/// The products a brochure shows, in catalogue order: all of them, or a selection's.
pub fn products<'c>(
    catalogue: &'c Catalogue,
    selection: Option<&BrochureSelection>,
) -> Vec<&'c Product> {
    catalogue
        .products
        .iter()
        .filter(|product| is_chosen(product, selection))
        .collect()
}

/// Whether `product` is in the brochure of `selection` (all are in the brochure of everything).
fn is_chosen(product: &Product, selection: Option<&BrochureSelection>) -> bool {
    selection.is_none_or(|s| is_selected(product, s))
}

fn is_selected(product: &Product, selection: &BrochureSelection) -> bool {
    let curation = product.curation.as_ref();
    selection.shows(
        Some(product.category),
        curation.map(|c| c.status),
        curation.and_then(|c| c.curator.as_deref()),
    )
}

/// How many A4 pages the brochure has: what its PDF must have too.
pub fn planned_pages(catalogue: &Catalogue, selection: Option<&BrochureSelection>) -> usize {
    pages_of(catalogue, &products(catalogue, selection))
}

/// How many A4 pages a part of a split brochure has.
pub fn planned_part_pages(
    catalogue: &Catalogue,
    selection: Option<&BrochureSelection>,
    part: Part,
) -> usize {
    pages_of(catalogue, &part_products(catalogue, selection, part))
}

fn pages_of(catalogue: &Catalogue, chosen: &[&Product]) -> usize {
    let groups = by_category(catalogue, chosen);
    1 + contents_sheets(groups.len())
        + groups
            .iter()
            .map(|(_, members)| members.len().div_ceil(CARDS_PER_SHEET))
            .sum::<usize>()
}

/// One part of a split brochure: a category's products, or one run of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Part {
    /// An index into `Config::categories`.
    pub category: usize,
    /// From 1.
    pub number: usize,
    /// How many parts the category has.
    pub of: usize,
}

/// The parts of every brochure of a catalogue: the brochure of everything's, then each
/// selection's in `catalogue.yaml` order; empty for a brochure on one page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Splits {
    pub whole: Vec<Part>,
    pub selections: Vec<Vec<Part>>,
}

impl Splits {
    pub fn of(catalogue: &Catalogue) -> Splits {
        Splits {
            whole: parts(catalogue, None),
            selections: catalogue
                .config
                .brochures
                .iter()
                .map(|selection| parts(catalogue, Some(selection)))
                .collect(),
        }
    }

    /// The parts of the brochure of everything (`None`) or of a selection (its index).
    pub fn parts(&self, selection: Option<usize>) -> &[Part] {
        match selection {
            None => &self.whole,
            Some(index) => self.selections.get(index).map_or(&[], Vec::as_slice),
        }
    }
}

/// What a part's cover and title say besides the brochure's title.
#[derive(Debug, Clone, Serialize)]
pub struct PartLabel {
    pub category: String,
    pub number: usize,
    pub of: usize,
}

/// Whether the brochure of `selection` (or of everything) has more products than one page
/// holds, and is printed in parts.
pub fn is_split(catalogue: &Catalogue, selection: Option<&BrochureSelection>) -> bool {
    products(catalogue, selection).len() > catalogue.config.limits.max_brochure_products
}

/// The parts of the brochure of `selection` (or of everything), in category order; none when
/// it fits one page. A category of more than the limit is cut into equal parts (1,001
/// products: 501 and 500), so no part is a stub of a few cards.
pub fn parts(catalogue: &Catalogue, selection: Option<&BrochureSelection>) -> Vec<Part> {
    if !is_split(catalogue, selection) {
        return Vec::new();
    }
    let groups = by_category(catalogue, &products(catalogue, selection));
    split(&groups, catalogue.config.limits.max_brochure_products)
}

/// The parts of a brochure of `groups` (categories with their products), `limit` products a
/// part at most.
fn split(groups: &[(usize, Vec<&Product>)], limit: usize) -> Vec<Part> {
    groups
        .iter()
        .flat_map(|(category, members)| {
            let of = members.len().div_ceil(limit);
            (1..=of).map(move |number| Part {
                category: *category,
                number,
                of,
            })
        })
        .collect()
}

/// The products of one part, in catalogue order.
pub fn part_products<'c>(
    catalogue: &'c Catalogue,
    selection: Option<&BrochureSelection>,
    part: Part,
) -> Vec<&'c Product> {
    let members: Vec<&Product> = products(catalogue, selection)
        .into_iter()
        .filter(|p| p.category == part.category)
        .collect();
    part_of(&members, part)
}

/// The products of `part`, of `members`: the products of its category in its brochure.
fn part_of<'c>(members: &[&'c Product], part: Part) -> Vec<&'c Product> {
    let size = members.len().div_ceil(part.of.max(1));
    members
        .chunks(size.max(1))
        .nth(part.number - 1)
        .map(<[&Product]>::to_vec)
        .unwrap_or_default()
}

/// The language-independent path of a part's page: below the category's own pages for the
/// brochure of everything (`categories/batik/brochure/`, `…/brochure/2/`), below the
/// selection's page for a selection (`brochure/keranjang-bali/batik/2/`). A category's slug
/// may equal a selection's, so the brochure of everything does not put its parts beside the
/// selections in `brochure/`.
pub fn part_path(
    catalogue: &Catalogue,
    selection: Option<&BrochureSelection>,
    part: Part,
) -> String {
    part_path_in(&catalogue.config, selection, part)
}

/// [`part_path`] from the settings alone.
pub fn part_path_in(config: &Config, selection: Option<&BrochureSelection>, part: Part) -> String {
    let category = &config.categories[part.category].slug;
    let first = match selection {
        None => format!("categories/{category}/brochure/"),
        Some(chosen) => format!("brochure/{}/{category}/", chosen.slug),
    };
    if part.number <= 1 {
        first
    } else {
        format!("{first}{}/", part.number)
    }
}

/// The brochure page's own title in `lang`: `Brosur`, or `Brosur — <the selection's title>`.
pub fn page_title(config: &Config, lang: &str, selection: Option<&BrochureSelection>) -> String {
    let brochure = Labels::for_lang(lang).brochure;
    match selection {
        Some(chosen) => {
            let title = chosen.title.get(lang, config.default_language()).text;
            format!("{brochure} — {title}")
        }
        None => brochure.to_owned(),
    }
}

/// A part's page title: the brochure's, then the category and, for a category in several
/// parts, `Part 2 of 3`.
pub fn part_page_title(
    config: &Config,
    lang: &str,
    selection: Option<&BrochureSelection>,
    part: Part,
) -> String {
    let category = config.categories[part.category]
        .name
        .get(lang, config.default_language())
        .text;
    let whole = page_title(config, lang, selection);
    format!("{whole} — {category}{}", part_suffix(lang, part))
}

/// ` · Part 2 of 3`, or nothing for a category in one part.
fn part_suffix(lang: &str, part: Part) -> String {
    if part.of <= 1 {
        return String::new();
    }
    let labels = Labels::for_lang(lang);
    format!(
        " · {} {} {} {}",
        labels.brochure_part, part.number, labels.of, part.of
    )
}

/// The title of the brochure of `selection` (or of everything) in `lang`, or of one of its
/// parts: the `<title>` of its page, and so of its PDF.
pub fn document_title(
    config: &Config,
    lang: &str,
    selection: Option<&BrochureSelection>,
) -> String {
    let site = config.title.get(lang, config.default_language()).text;
    super::meta::document_title(&page_title(config, lang, selection), Some(site))
}

/// The title of a part's page, and so of its PDF.
pub fn part_document_title(
    config: &Config,
    lang: &str,
    selection: Option<&BrochureSelection>,
    part: Part,
) -> String {
    let site = config.title.get(lang, config.default_language()).text;
    super::meta::document_title(&part_page_title(config, lang, selection, part), Some(site))
}

/// Lays out the brochure of `selection` (or of everything) in `view.lang`.
pub fn build(view: &LangContext, selection: Option<&BrochureSelection>) -> Brochure {
    lay_out(view, selection, products(view.catalogue, selection), None)
}

/// Lays out one part of a split brochure; `category` holds the indexes of every product of
/// the part's category (chosen or not), so that each of a hundred parts does not read the
/// whole catalogue.
pub fn build_part(
    view: &LangContext,
    selection: Option<&BrochureSelection>,
    part: Part,
    category: &[usize],
) -> Brochure {
    let catalogue = view.catalogue;
    let members: Vec<&Product> = category
        .iter()
        .map(|&index| &catalogue.products[index])
        .filter(|product| is_chosen(product, selection))
        .collect();
    let label = PartLabel {
        category: view.plain(&catalogue.config.categories[part.category].name),
        number: part.number,
        of: part.of,
    };
    lay_out(view, selection, part_of(&members, part), Some(label))
}

/// The index of a split brochure: its categories with their parts.
#[derive(Debug, Serialize)]
pub struct Index {
    pub title: String,
    pub product_count: usize,
    pub categories: Vec<IndexCategory>,
}

/// A category on the index, with a link to each of its parts.
#[derive(Debug, Serialize)]
pub struct IndexCategory {
    pub name: String,
    pub count: usize,
    pub parts: Vec<IndexPart>,
}

/// A link to one part, with what it holds.
#[derive(Debug, Serialize)]
pub struct IndexPart {
    pub number: usize,
    /// Site-relative, as `LangContext::url` gives it.
    pub url: String,
    pub count: usize,
    pub pages: usize,
}

/// The index page of the brochure of `selection` (or of everything), for one that [`is_split`].
pub fn index(view: &LangContext, selection: Option<&BrochureSelection>) -> Index {
    let catalogue = view.catalogue;
    let mut categories: Vec<IndexCategory> = Vec::new();
    let chosen = products(catalogue, selection);
    let groups = by_category(catalogue, &chosen);
    let limit = catalogue.config.limits.max_brochure_products;
    for part in split(&groups, limit) {
        let in_category = groups
            .iter()
            .find(|(category, _)| *category == part.category)
            .map_or(&[][..], |(_, members)| members.as_slice());
        let members = part_of(in_category, part);
        let link = IndexPart {
            number: part.number,
            url: view.url(&part_path(catalogue, selection, part)),
            count: members.len(),
            pages: pages_of(catalogue, &members),
        };
        if part.number == 1 {
            categories.push(IndexCategory {
                name: view.plain(&catalogue.config.categories[part.category].name),
                count: 0,
                parts: Vec::new(),
            });
        }
        if let Some(entry) = categories.last_mut() {
            entry.count += link.count;
            entry.parts.push(link);
        }
    }
    Index {
        title: selection.map_or_else(
            || view.plain(&catalogue.config.title),
            |s| view.plain(&s.title),
        ),
        product_count: chosen.len(),
        categories,
    }
}

/// Lays out `chosen` on sheets: a cover, the contents, then the cards category by category.
fn lay_out(
    view: &LangContext,
    selection: Option<&BrochureSelection>,
    chosen: Vec<&Product>,
    part: Option<PartLabel>,
) -> Brochure {
    let catalogue = view.catalogue;
    let groups = by_category(catalogue, &chosen);
    let mut page = 2 + contents_sheets(groups.len());
    let mut entries = Vec::new();
    let mut product_sheets = Vec::new();
    for (category, members) in &groups {
        let name = view.plain(&catalogue.config.categories[*category].name);
        entries.push(ContentsEntry {
            name: name.clone(),
            count: members.len(),
            page,
        });
        for (index, chunk) in members.chunks(CARDS_PER_SHEET).enumerate() {
            product_sheets.push(Sheet::Products {
                page,
                category: name.clone(),
                continued: index > 0,
                cards: chunk.iter().map(|p| print_card(view, p)).collect(),
            });
            page += 1;
        }
    }
    let mut sheets = vec![Sheet::Cover { page: 1 }];
    if entries.is_empty() {
        sheets.push(Sheet::Contents {
            page: 2,
            entries: Vec::new(),
        });
    }
    for (index, chunk) in entries.chunks(CONTENTS_PER_SHEET).enumerate() {
        sheets.push(Sheet::Contents {
            page: 2 + index,
            entries: chunk
                .iter()
                .map(|e| ContentsEntry {
                    name: e.name.clone(),
                    count: e.count,
                    page: e.page,
                })
                .collect(),
        });
    }
    sheets.extend(product_sheets);
    Brochure {
        title: selection.map_or_else(
            || view.plain(&catalogue.config.title),
            |s| view.plain(&s.title),
        ),
        part,
        sheets,
        product_count: chosen.len(),
        cover_photos: cover_photos(view, &chosen),
    }
}

/// How many photos the cover shows.
const COVER_PHOTOS: usize = 3;

fn cover_photos(view: &LangContext, products: &[&Product]) -> Vec<PrintPhoto> {
    let featured = products.iter().filter(|p| p.featured);
    let others = products.iter().filter(|p| !p.featured);
    featured
        .chain(others)
        .filter_map(|p| print_photo(view, p.photos.first()?))
        .take(COVER_PHOTOS)
        .collect()
}

/// The contents take one sheet even when there is nothing to list, so that an empty
/// selection still says so.
fn contents_sheets(categories: usize) -> usize {
    categories.div_ceil(CONTENTS_PER_SHEET).max(1)
}

/// The products grouped by category, in the catalogue's category order; empty ones left out.
fn by_category<'c>(
    catalogue: &Catalogue,
    products: &[&'c Product],
) -> Vec<(usize, Vec<&'c Product>)> {
    (0..catalogue.config.categories.len())
        .map(|category| {
            let members: Vec<&Product> = products
                .iter()
                .copied()
                .filter(|p| p.category == category)
                .collect();
            (category, members)
        })
        .filter(|(_, members)| !members.is_empty())
        .collect()
}

fn print_card(view: &LangContext, product: &Product) -> PrintCard {
    let data = view.product(product);
    let labels = Labels::for_lang(view.lang);
    // Availability first: the badge row is cut at two lines on paper, and whether a product
    // can be had matters most to a buyer holding the brochure.
    let mut badges: Vec<Badge> = data.availability.clone().into_iter().collect();
    badges.extend(data.certifications.clone());
    badges.extend(data.curation.clone());
    let producer = &view.catalogue.producers[product.producer];
    let publisher = &view.catalogue.config.publisher;
    let contact = match (&producer.whatsapp, &publisher.whatsapp) {
        (Some(number), _) | (None, Some(number)) => Some(format!("{} {number}", labels.whatsapp)),
        (None, None) => publisher.email.clone(),
    };
    PrintCard {
        name: data.card.name,
        producer: data.producer.name,
        price: data.card.price,
        unit: data.card.unit,
        min_order: data.min_order,
        badges,
        contact,
        shops: print_shops(view, product),
        qr: data.qr,
        photo: product
            .photos
            .first()
            .and_then(|photo| print_photo(view, photo)),
    }
}

/// The product's own listings, or else its producer's shops, in `Marketplace::ALL` order.
fn print_shops(view: &LangContext, product: &Product) -> Vec<PrintShop> {
    let links = if product.shops.is_empty() {
        &view.catalogue.producers[product.producer].shops
    } else {
        &product.shops
    };
    links
        .iter()
        .take(SHOPS_PER_CARD)
        .map(|link| PrintShop {
            key: link.marketplace.as_str(),
            name: link.marketplace.name().pick(view.lang),
            address: link.print_address(),
        })
        .collect()
}

/// The smallest JPEG (or PNG) copy of a photo that prints sharp, or the largest there is.
fn print_photo(view: &LangContext, photo: &crate::model::Photo) -> Option<PrintPhoto> {
    let image = view.photo(photo, super::views::Placement::Main)?;
    let best = image
        .fallback
        .iter()
        .find(|s| s.width >= PRINT_PHOTO_PIXELS)
        .or(image.fallback.last())?;
    Some(PrintPhoto {
        url: best.url.clone(),
        width: best.width,
        height: best.height,
        alt: image.alt,
        colour: image.colour,
        webp: image.webp,
    })
}
