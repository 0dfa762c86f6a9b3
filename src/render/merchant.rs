//! Shopping feeds, one pair per language: the Google Merchant Center feed at
//! `/{lang}/feeds/google.xml` (RSS 2.0 with the `g:` namespace) and the Meta catalogue feed at
//! `/{lang}/feeds/meta.csv` (Meta's column names). Both list the same products, in slug order:
//! every product with a price and a photo; `check` names the others (see `model::review`).
//! A feed bigger than `limits.max_feed_file_kb` is written in numbered parts (`google-2.xml`,
//! `meta-2.csv`, …), the first keeping the file name a smaller catalogue registered.
//! docs/feeds.md explains the mapping to the platforms' fields.

use std::fmt::Write;

use super::split::{self, Budget};
use super::templates::escape_html;
use super::views::LangContext;
use crate::fields::{AvailabilityStatus, Price};
use crate::model::Product;

/// The folder of the feeds, below `/{lang}/`.
pub const FEEDS_DIR: &str = "feeds";
/// The Google Merchant Center feed's file name.
pub const GOOGLE_FILE: &str = "google.xml";
/// The Meta catalogue feed's file name.
pub const META_FILE: &str = "meta.csv";
/// Google's limit on `title` (Meta allows 200: the stricter one serves both).
const TITLE_CHARS: usize = 150;
/// Google's limit on `brand` (Meta allows 100).
const BRAND_CHARS: usize = 70;
/// Both platforms' limit on `description`.
const DESCRIPTION_CHARS: usize = 5000;
/// Google takes at most 10 `additional_image_link`s; Meta takes more, so 10 serves both.
const ADDITIONAL_IMAGES: usize = 10;
/// Meta's columns, in the order written.
pub const META_COLUMNS: [&str; 14] = [
    "id",
    "title",
    "description",
    "availability",
    "condition",
    "price",
    "link",
    "image_link",
    "additional_image_link",
    "brand",
    "product_type",
    "gtin",
    "mpn",
    "identifier_exists",
];

/// One product as both feeds list it, in one language.
struct Listing {
    id: String,
    title: String,
    description: String,
    link: String,
    image_link: String,
    additional_images: Vec<String>,
    availability: Option<(AvailabilityStatus, Option<u32>)>,
    /// In whole rupiah.
    price: u64,
    brand: String,
    product_type: String,
    /// The barcode number (`gtin:`).
    gtin: Option<String>,
    /// The producer's own code (`sku:`): the producer makes the product, so its code is the
    /// manufacturer's part number.
    mpn: Option<String>,
}

impl Listing {
    /// Whether the product has neither a GTIN nor an MPN: the feeds then say so
    /// (`identifier_exists` `no`), as Google asks of goods without a manufacturer's code.
    fn lacks_identifiers(&self) -> bool {
        self.gtin.is_none() && self.mpn.is_none()
    }
}

/// Whether a product can be listed: the platforms refuse an offer without a price or a photo.
pub fn is_listable(product: &Product) -> bool {
    product.price.is_some() && !product.photos.is_empty()
}

/// Every listable product of the catalogue, in slug order, as one language shows it.
fn listings(view: &LangContext) -> Vec<Listing> {
    let mut products: Vec<&Product> = view
        .catalogue
        .products
        .iter()
        .filter(|p| is_listable(p))
        .collect();
    products.sort_by(|a, b| a.slug.cmp(&b.slug));
    products
        .into_iter()
        .filter_map(|product| listing(view, product))
        .collect()
}

/// `None` when the product's price or processed cover photo is missing.
fn listing(view: &LangContext, product: &Product) -> Option<Listing> {
    let config = &view.catalogue.config;
    let image_link = view.share_image(product)?.url;
    let additional_images = product
        .photos
        .iter()
        .skip(1)
        .filter_map(|photo| {
            let image = view.images.get(&photo.asset)?;
            let largest = image.of_format(image.fallback_format()).last()?;
            Some(format!("{}/{}", config.base_url, largest.url))
        })
        .take(ADDITIONAL_IMAGES)
        .collect();
    let title = view.plain(&product.name);
    let text = view.plain(&product.description_text);
    // Both platforms require a description: a product without text is described by its name.
    let description = if text.is_empty() { title.clone() } else { text };
    Some(Listing {
        id: product.slug.clone(),
        title: shorten(&title, TITLE_CHARS),
        description: shorten(&description, DESCRIPTION_CHARS),
        link: format!(
            "{}/{}",
            config.base_url,
            view.url(&format!("products/{}/", product.slug))
        ),
        image_link,
        additional_images,
        availability: product
            .availability
            .as_ref()
            .map(|a| (a.status, a.lead_days)),
        price: lowest(product.price?),
        brand: shorten(
            &view.catalogue.producers[product.producer].name,
            BRAND_CHARS,
        ),
        product_type: view.plain(&config.categories[product.category].name),
        gtin: product.gtin.as_ref().map(|gtin| gtin.to_string()),
        mpn: product.sku.as_ref().map(|sku| sku.to_string()),
    })
}

/// A price range is listed at its lowest amount: an offer has one price, and the lowest is what
/// the page's "from" price shows and what a buyer can actually pay.
fn lowest(price: Price) -> u64 {
    price.bounds().0
}

/// At most `max` characters, cut on a character boundary.
fn shorten(text: &str, max: usize) -> String {
    text.chars().take(max).collect()
}

/// The Google Merchant Center feed of one language: `google.xml`, and `google-2.xml`, … when
/// the products do not fit one file of `limits.max_feed_file_kb`. Each part is a whole feed.
pub fn google(view: &LangContext) -> Vec<(String, Vec<u8>)> {
    let config = &view.catalogue.config;
    let listings = listings(view);
    let head = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:g=\"http://base.google.com/ns/1.0\">\n<channel>\n  <title>{title}</title>\n  <link>{home}</link>\n  <description>{description}</description>\n",
        title = xml_text(&view.plain(&config.title)),
        home = xml_text(&format!("{}/{}", config.base_url, view.url(""))),
        description = xml_text(&view.plain(&config.description)),
    );
    let items: Vec<Vec<u8>> = listings
        .iter()
        .map(|listing| {
            let mut xml = String::with_capacity(1200);
            google_item(&mut xml, listing);
            xml.into_bytes()
        })
        .collect();
    in_parts(
        GOOGLE_FILE,
        head.as_bytes(),
        &items,
        b"</channel>\n</rss>\n",
        feed_budget(view),
    )
}

/// The catalogue's limit on one feed file. Neither platform limits the items in a file; both
/// take several feeds for one catalogue (docs/feeds.md).
fn feed_budget(view: &LangContext) -> Budget {
    Budget {
        max_bytes: view.catalogue.config.limits.max_feed_file_bytes,
        max_entries: usize::MAX,
    }
}

/// The files of a feed whose entries (`items`, in order) are framed by `head` and `tail` in
/// each file, named after `name` (the first part keeps it).
fn in_parts(
    name: &str,
    head: &[u8],
    items: &[Vec<u8>],
    tail: &[u8],
    budget: Budget,
) -> Vec<(String, Vec<u8>)> {
    let sizes: Vec<usize> = items.iter().map(Vec::len).collect();
    split::parts(&sizes, head.len() + tail.len(), budget)
        .into_iter()
        .enumerate()
        .map(|(index, range)| {
            let bytes = sizes[range.clone()].iter().sum::<usize>() + head.len() + tail.len();
            let mut file = Vec::with_capacity(bytes);
            file.extend_from_slice(head);
            items[range]
                .iter()
                .for_each(|item| file.extend_from_slice(item));
            file.extend_from_slice(tail);
            (split::part_name(name, index + 1), file)
        })
        .collect()
}

fn google_item(xml: &mut String, listing: &Listing) {
    let _ = write!(
        xml,
        "  <item>\n    <g:id>{id}</g:id>\n    <title>{title}</title>\n    <description>{description}</description>\n    <link>{link}</link>\n    <g:image_link>{image}</g:image_link>\n",
        id = xml_text(&listing.id),
        title = xml_text(&listing.title),
        description = xml_text(&listing.description),
        link = xml_text(&listing.link),
        image = xml_text(&listing.image_link),
    );
    for extra in &listing.additional_images {
        let _ = writeln!(
            xml,
            "    <g:additional_image_link>{}</g:additional_image_link>",
            xml_text(extra)
        );
    }
    let (availability, lead_days) = google_availability(listing.availability);
    let _ = write!(
        xml,
        "    <g:availability>{availability}</g:availability>\n    <g:price>{price}.00 IDR</g:price>\n    <g:brand>{brand}</g:brand>\n    <g:condition>new</g:condition>\n    <g:product_type>{product_type}</g:product_type>\n",
        price = listing.price,
        brand = xml_text(&listing.brand),
        product_type = xml_text(&listing.product_type),
    );
    google_identifiers(xml, listing);
    if let Some(days) = lead_days {
        let _ = writeln!(xml, "    <g:max_handling_time>{days}</g:max_handling_time>");
    }
    xml.push_str("  </item>\n");
}

/// `g:gtin` and `g:mpn` when given, else `g:identifier_exists` `no`.
fn google_identifiers(xml: &mut String, listing: &Listing) {
    if let Some(gtin) = &listing.gtin {
        let _ = writeln!(xml, "    <g:gtin>{}</g:gtin>", xml_text(gtin));
    }
    if let Some(mpn) = &listing.mpn {
        let _ = writeln!(xml, "    <g:mpn>{}</g:mpn>", xml_text(mpn));
    }
    if listing.lacks_identifiers() {
        xml.push_str("    <g:identifier_exists>no</g:identifier_exists>\n");
    }
}

/// Google's value, and the handling time of a product made to order. Made to order is
/// `in_stock`: the offer can be ordered now; `backorder` would need an availability date, which
/// depends on the day of the build.
fn google_availability(
    availability: Option<(AvailabilityStatus, Option<u32>)>,
) -> (&'static str, Option<u32>) {
    match availability {
        Some((AvailabilityStatus::Habis, _)) => ("out_of_stock", None),
        Some((AvailabilityStatus::Pesan, days)) => ("in_stock", days),
        Some((AvailabilityStatus::Siap, _)) | None => ("in_stock", None),
    }
}

/// Meta's value: it has its own word for an offer made to order.
fn meta_availability(availability: Option<(AvailabilityStatus, Option<u32>)>) -> &'static str {
    match availability {
        Some((AvailabilityStatus::Habis, _)) => "out of stock",
        Some((AvailabilityStatus::Pesan, _)) => "available for order",
        Some((AvailabilityStatus::Siap, _)) | None => "in stock",
    }
}

/// The Meta catalogue feed of one language: a header row of Meta's column names, then one row
/// per listable product. The `csv` writer quotes every field that needs it. Text that looks
/// like a spreadsheet formula (`=…`, `+…`) is written as typed, without the apostrophe
/// `etalase export` puts before it: Meta's parser reads every cell as text and would show the
/// apostrophe in the product's title (docs/feeds.md).
pub fn meta(view: &LangContext) -> Vec<(String, Vec<u8>)> {
    let listings = listings(view);
    let mut header = csv::Writer::from_writer(Vec::new());
    // Writing to a Vec cannot fail.
    let _ = header.write_record(META_COLUMNS);
    let head = header.into_inner().unwrap_or_default();
    let rows: Vec<Vec<u8>> = listings.iter().map(meta_row).collect();
    in_parts(META_FILE, &head, &rows, b"", feed_budget(view))
}

/// One product's row of the Meta feed, with its line end.
fn meta_row(listing: &Listing) -> Vec<u8> {
    let mut writer = csv::Writer::from_writer(Vec::with_capacity(900));
    let price = format!("{} IDR", listing.price);
    let additional = listing.additional_images.join(",");
    let _ = writer.write_record([
        listing.id.as_str(),
        &listing.title,
        &listing.description,
        meta_availability(listing.availability),
        "new",
        &price,
        &listing.link,
        &listing.image_link,
        &additional,
        &listing.brand,
        &listing.product_type,
        listing.gtin.as_deref().unwrap_or_default(),
        listing.mpn.as_deref().unwrap_or_default(),
        if listing.lacks_identifiers() {
            "no"
        } else {
            ""
        },
    ]);
    writer.into_inner().unwrap_or_default()
}

/// Text for an XML element: escaped, and without the control characters XML 1.0 cannot carry
/// even as references.
fn xml_text(text: &str) -> String {
    let allowed = |c: &char| !c.is_control() || matches!(c, '\t' | '\n' | '\r');
    if text.chars().all(|c| allowed(&c)) {
        escape_html(text)
    } else {
        escape_html(&text.chars().filter(allowed).collect::<String>())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_range_is_listed_at_its_lowest_price() {
        assert_eq!(lowest(Price::Range { min: 350, max: 750 }), 350);
        assert_eq!(lowest(Price::Fixed(35_000)), 35_000);
    }

    #[test]
    fn made_to_order_is_in_stock_with_a_handling_time() {
        let pesan = Some((AvailabilityStatus::Pesan, Some(21)));
        assert_eq!(google_availability(pesan), ("in_stock", Some(21)));
        assert_eq!(meta_availability(pesan), "available for order");
        let habis = Some((AvailabilityStatus::Habis, None));
        assert_eq!(google_availability(habis), ("out_of_stock", None));
        assert_eq!(meta_availability(None), "in stock");
    }

    #[test]
    fn text_is_cut_on_a_character_boundary_and_controls_are_dropped() {
        assert_eq!(shorten("héllo", 2), "hé");
        assert_eq!(xml_text("a\u{1}<b>\n"), "a&lt;b&gt;\n");
    }
}
