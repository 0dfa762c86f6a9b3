//! The print brochure: `/{lang}/brochure/` (every product) and `/{lang}/brochure/<slug>/` (a
//! selection from `catalogue.yaml`), laid out as A4 sheets.
//!
//! Browsers cannot yet number pages for a table of contents (`target-counter()`), so the
//! layout is decided here: a cover, the contents, then each category on sheets of a fixed
//! number of cards, each category starting on a new sheet. Every sheet is one A4 page, so the
//! page numbers in the contents and in each sheet's footer are known before printing.

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
        .filter(|product| selection.is_none_or(|s| is_selected(product, s)))
        .collect()
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
    let groups = by_category(catalogue, &products(catalogue, selection));
    1 + contents_sheets(groups.len())
        + groups
            .iter()
            .map(|(_, members)| members.len().div_ceil(CARDS_PER_SHEET))
            .sum::<usize>()
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

/// The title of the brochure of `selection` (or of everything) in `lang`: the `<title>` of its
/// page, and so of its PDF.
pub fn document_title(
    config: &Config,
    lang: &str,
    selection: Option<&BrochureSelection>,
) -> String {
    let site = config.title.get(lang, config.default_language()).text;
    super::meta::document_title(&page_title(config, lang, selection), Some(site))
}

/// Lays out the brochure of `selection` (or of everything) in `view.lang`.
pub fn build(view: &LangContext, selection: Option<&BrochureSelection>) -> Brochure {
    let catalogue = view.catalogue;
    let chosen = products(catalogue, selection);
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
