//! Model -> views: plain, template-ready fields per language. Prices are formatted, fallbacks
//! chosen and URLs built here, so templates only place them.

use serde::Serialize;

use super::labels::Labels;
use crate::config::{Config, DayRange};
use crate::fields::{format_rupiah, CertificationKind, Marketplace, Phone, Price, ShopLink};
use crate::i18n::Translated;
use crate::images::{Format, ImageSet, ProcessedImage};
use crate::markdown;
use crate::model::{Catalogue, Photo, Producer, Product};

/// What every view needs to know: the catalogue, the page language and the images.
pub struct LangContext<'a> {
    pub catalogue: &'a Catalogue,
    pub images: &'a ImageSet,
    pub lang: &'a str,
    /// The page's way back to the site root (`../../../`), for photos inside Markdown.
    pub root: String,
}

/// Text in the page language, with `lang` set only when it fell back to another language.
#[derive(Debug, Clone, Serialize)]
pub struct Text {
    pub text: String,
    pub lang: Option<String>,
}

/// One candidate of a `srcset`.
#[derive(Debug, Clone, Serialize)]
pub struct Source {
    /// Relative to the site root.
    pub url: String,
    pub width: u32,
    pub height: u32,
}

/// A photo as a `<picture>`: WebP candidates, a JPEG (or PNG) fallback, its intrinsic size
/// (so the page does not jump while it loads) and a placeholder colour.
#[derive(Debug, Clone, Serialize)]
pub struct ImageView {
    /// The fallback `src`: a mid-sized JPEG or PNG.
    pub url: String,
    pub width: u32,
    pub height: u32,
    pub alt: Text,
    pub webp: Vec<Source>,
    pub fallback: Vec<Source>,
    pub fallback_type: &'static str,
    /// The `sizes` attribute: how wide the photo is shown in this place.
    pub sizes: &'static str,
    pub colour: String,
}

/// Where on a page a photo is shown, which decides its `sizes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// A product card in a grid: two columns on phones, 14rem-wide columns on larger screens.
    Card,
    /// A category tile on the home page.
    Tile,
    /// The main photo of a product page.
    Main,
    /// The smaller photos below it.
    Thumbnail,
    /// A producer's logo (at most 72 CSS pixels).
    Logo,
    /// A photo inside a Markdown text (at most 42rem wide).
    Inline,
}

impl Placement {
    /// How wide each photo really renders (measured in Chromium at 390 and 1280 px): cards and
    /// tiles are two columns of `(100vw - 2.75rem) / 2` on phones; the page's side padding is
    /// 2rem. A browser then picks the smallest width that covers its pixel density.
    pub fn sizes(self) -> &'static str {
        match self {
            Placement::Card => {
                "(min-width: 72rem) 17rem, (min-width: 56rem) 31vw, (min-width: 40rem) 46vw, calc(50vw - 1.4rem)"
            }
            Placement::Tile => {
                "(min-width: 72rem) 23rem, (min-width: 56rem) 31vw, (min-width: 40rem) 12rem, calc(50vw - 1.4rem)"
            }
            Placement::Main => {
                "(min-width: 72rem) 38rem, (min-width: 56rem) 52vw, calc(100vw - 2rem)"
            }
            Placement::Thumbnail => {
                "(min-width: 72rem) 12rem, (min-width: 56rem) 17vw, calc(33vw - 1rem)"
            }
            Placement::Logo => "72px",
            Placement::Inline => "(min-width: 44rem) 42rem, calc(100vw - 2rem)",
        }
    }
}

/// A link-preview image, absolute.
#[derive(Debug, Clone, Serialize)]
pub struct ShareImage {
    pub url: String,
    pub width: u32,
    pub height: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct Badge {
    /// A stable class name: `halal`, `curation-lolos`, `availability-pesan`, …
    pub kind: String,
    pub label: String,
    pub detail: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ProductCard {
    pub url: String,
    pub slug: String,
    /// The quantity the card's "Add to list" starts at and cannot go below: the minimum order.
    pub order_min: u32,
    /// The unit after a count other than one, when it differs from `unit` (English plurals):
    /// the "Add to list" control names the unit as its quantity changes.
    pub units: Option<String>,
    pub name: Text,
    pub producer: String,
    pub category: String,
    pub price: Option<String>,
    pub unit: Option<Text>,
    pub cover: Option<ImageView>,
    pub badges: Vec<Badge>,
    pub summary: Text,
}

#[derive(Debug, Clone, Serialize)]
pub struct Link {
    pub name: String,
    pub url: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ProductView {
    pub card: ProductCard,
    pub slug: String,
    pub photos: Vec<ImageView>,
    /// Safe HTML.
    pub description: Option<Text>,
    pub min_order: Option<String>,
    /// The producer's own product code (`sku:`), for the page and its JSON-LD.
    pub sku: Option<String>,
    /// The barcode number (`gtin:`), for the page and its JSON-LD.
    pub gtin: Option<String>,
    pub certifications: Vec<Badge>,
    pub curation: Option<Badge>,
    /// Ready, made to order (in how many days) or sold out; `None` when the product does not say.
    pub availability: Option<Badge>,
    pub tags: Vec<Link>,
    pub producer: ProducerCard,
    pub category: Link,
    /// A WhatsApp link with a message about this product, to the producer or else the publisher.
    pub inquiry: Option<Inquiry>,
    /// The product's own listings on marketplaces.
    pub listings: Vec<ShopButton>,
    /// Its producer's shops on marketplaces, shown when the product has no listing of its own.
    pub producer_shops: Vec<ShopButton>,
    /// The page's QR code (site-relative).
    pub qr: String,
    /// The catalogue's shipping terms in words, when it states them.
    pub shipping: Option<String>,
    /// The catalogue's return terms in words, when it states them.
    pub returns: Option<String>,
}

/// "Beli di Tokopedia": a link to a shop or a listing, with its label in the page language.
#[derive(Debug, Clone, Serialize)]
pub struct ShopButton {
    /// The `shops:` key, also the button's class (`shop-tokopedia`).
    pub key: &'static str,
    pub url: String,
    pub label: &'static str,
    /// A second line: the website's address, or whose shop it is.
    pub detail: Option<String>,
}

/// "Ask on WhatsApp": the link and whom it reaches.
#[derive(Debug, Clone, Serialize)]
pub struct Inquiry {
    pub url: String,
    pub to: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ProducerCard {
    pub url: String,
    pub name: String,
    pub kind: String,
    pub address: String,
    pub logo: Option<ImageView>,
    pub contact: Contact,
}

#[derive(Debug, Clone, Serialize)]
pub struct Contact {
    pub whatsapp: Option<String>,
    pub whatsapp_url: Option<String>,
    pub instagram: Option<String>,
    pub instagram_url: Option<String>,
    pub email: Option<String>,
    pub email_url: Option<String>,
    /// A map search for the address.
    pub map_url: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ProducerView {
    pub card: ProducerCard,
    pub slug: String,
    pub owner: Option<String>,
    pub sentra: Option<String>,
    pub founded: Option<u32>,
    /// Safe HTML.
    pub story: Option<Text>,
    pub summary: Text,
    pub product_count: usize,
    /// Its shops on marketplaces, website and Facebook page.
    pub shops: Vec<ShopButton>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CategoryLink {
    pub slug: String,
    pub name: String,
    pub url: String,
    pub count: usize,
    pub cover: Option<ImageView>,
}

impl LangContext<'_> {
    fn config(&self) -> &Config {
        &self.catalogue.config
    }

    /// Chooses the text for this language and marks a fallback.
    pub fn text(&self, translated: &Translated) -> Text {
        let chosen = translated.get(self.lang, self.config().default_language());
        Text {
            text: chosen.text.to_owned(),
            lang: (chosen.lang != self.lang).then(|| chosen.lang.to_owned()),
        }
    }

    /// Like `text`, but `None` when there is no text in any language.
    pub fn optional_text(&self, translated: &Translated) -> Option<Text> {
        (!translated.is_empty()).then(|| self.text(translated))
    }

    /// Rendered Markdown for this language, its photos pointing at their processed copies.
    pub fn rich_text(&self, translated: &Translated) -> Option<Text> {
        let mut text = self.optional_text(translated)?;
        if text.text.contains(markdown::IMAGE_MARKER) {
            text.text = self.place_inline_photos(&text.text);
        }
        if text.text.contains(markdown::LINK_MARKER) {
            text.text = self.place_internal_links(&text.text);
        }
        Some(text)
    }

    /// Replaces each `href="etalase-link:PATH"` by a relative link to PATH in this language
    /// (PATH is a checked page path, see [`markdown::LINK_MARKER`]).
    fn place_internal_links(&self, html: &str) -> String {
        let needle = format!("href=\"{}", markdown::LINK_MARKER);
        let replacement = format!("href=\"{}{}/", self.root, self.lang);
        html.replace(&needle, &replacement)
    }

    /// Replaces each `src="etalase-image:KEY"` by the photo's copies: a JPEG (or PNG) `src`,
    /// a `srcset` of every width and its size, so the text's photos load like the others.
    fn place_inline_photos(&self, html: &str) -> String {
        let needle = format!("src=\"{}", markdown::IMAGE_MARKER);
        let mut placed = String::with_capacity(html.len() + 256);
        let mut rest = html;
        while let Some(start) = rest.find(&needle) {
            placed.push_str(&rest[..start]);
            let after = &rest[start + needle.len()..];
            let end = after.find('"').unwrap_or(after.len());
            let key = &after[..end];
            placed.push_str(&self.inline_photo_attributes(key));
            rest = after.get(end + 1..).unwrap_or("");
        }
        placed.push_str(rest);
        placed
    }

    fn inline_photo_attributes(&self, key: &str) -> String {
        let Some(image) = self.images.by_key(key) else {
            return "src=\"\"".to_owned();
        };
        let view = image_view(
            image,
            Text {
                text: String::new(),
                lang: None,
            },
            Placement::Inline,
        );
        let srcset: Vec<String> = view
            .fallback
            .iter()
            .map(|s| format!("{}{} {}w", self.root, s.url, s.width))
            .collect();
        format!(
            "src=\"{}{}\" srcset=\"{}\" sizes=\"{}\" width=\"{}\" height=\"{}\" loading=\"lazy\" decoding=\"async\"",
            self.root,
            view.url,
            srcset.join(", "),
            view.sizes,
            view.width,
            view.height
        )
    }

    pub fn plain(&self, translated: &Translated) -> String {
        self.text(translated).text
    }

    /// Site-relative URL of a page in this language: `id/products/x/`.
    pub fn url(&self, path: &str) -> String {
        format!("{}/{}", self.lang, path)
    }

    pub fn product_card(&self, product: &Product) -> ProductCard {
        let producer = &self.catalogue.producers[product.producer];
        ProductCard {
            url: self.url(&format!("products/{}/", product.slug)),
            slug: product.slug.clone(),
            order_min: super::inquiry::min_order(product),
            units: self.unit_many(product),
            name: self.text(&product.name),
            producer: producer.name.clone(),
            category: self.plain(&self.config().categories[product.category].name),
            price: product.price.map(|price| self.price(price)),
            unit: product.unit.as_ref().map(|unit| self.text(unit)),
            cover: product
                .photos
                .first()
                .and_then(|photo| self.photo(photo, Placement::Card)),
            badges: self.card_badges(product),
            summary: self.text(&product.summary),
        }
    }

    pub fn price(&self, price: Price) -> String {
        price.format(self.lang)
    }

    pub fn photo(&self, photo: &Photo, placement: Placement) -> Option<ImageView> {
        let image = self.images.get(&photo.asset)?;
        let alt = self.text(&photo.alt);
        Some(image_view(image, alt, placement))
    }

    /// The link-preview image of a product: its cover's 1200×630 crop.
    pub fn share_image(&self, product: &Product) -> Option<ShareImage> {
        let cover = self.images.get(&product.photos.first()?.asset)?;
        let share = cover.share.as_ref()?;
        Some(ShareImage {
            url: format!("{}/{}", self.config().base_url, share.url),
            width: share.width,
            height: share.height,
        })
    }
    fn card_badges(&self, product: &Product) -> Vec<Badge> {
        let mut badges: Vec<Badge> = product
            .certifications
            .iter()
            .filter(|c| c.kind == CertificationKind::Halal)
            .map(|c| self.certification(c.kind, None))
            .collect();
        badges.extend(self.curation(product));
        badges.extend(self.availability(product));
        badges
    }

    pub fn certification(&self, kind: CertificationKind, number: Option<&str>) -> Badge {
        Badge {
            kind: kind.as_str().to_owned(),
            label: kind.label().pick(self.lang).to_owned(),
            detail: number.map(str::to_owned),
        }
    }

    pub fn curation(&self, product: &Product) -> Option<Badge> {
        let curation = product.curation.as_ref()?;
        Some(Badge {
            kind: format!("curation-{}", curation.status.as_str()),
            label: curation
                .status
                .label_by(curation.curator.as_deref(), self.lang),
            detail: curation.date.map(|date| date.spelled(self.lang)),
        })
    }

    pub fn availability(&self, product: &Product) -> Option<Badge> {
        let availability = product.availability.as_ref()?;
        Some(Badge {
            kind: format!("availability-{}", availability.status.as_str()),
            label: availability.label(self.lang),
            detail: None,
        })
    }

    fn pick<'s>(&self, id: &'s str, en: &'s str) -> &'s str {
        if self.lang == "id" {
            id
        } else {
            en
        }
    }

    /// A prefilled WhatsApp message about `product` in this language, naming its page.
    pub fn inquiry(&self, product: &Product) -> Option<Inquiry> {
        let producer = &self.catalogue.producers[product.producer];
        let publisher = &self.config().publisher;
        let (number, to) = match (&producer.whatsapp, &publisher.whatsapp) {
            (Some(number), _) => (number, producer.name.clone()),
            (None, Some(number)) => (number, publisher.name.clone()),
            (None, None) => return None,
        };
        let page = format!(
            "{}/{}",
            self.config().base_url,
            self.url(&format!("products/{}/", product.slug))
        );
        let name = self.plain(&product.name);
        let message = if self.lang == "id" {
            format!("Halo {to}, saya tertarik dengan {name} ({page}). Apakah masih tersedia?")
        } else {
            format!("Hello {to}, I am interested in {name} ({page}). Is it available?")
        };
        let text =
            percent_encoding::utf8_percent_encode(&message, percent_encoding::NON_ALPHANUMERIC);
        Some(Inquiry {
            url: format!("{}?text={text}", whatsapp_link(number)),
            to,
        })
    }

    pub fn product(&self, product: &Product) -> ProductView {
        let producer = &self.catalogue.producers[product.producer];
        let category = &self.config().categories[product.category];
        ProductView {
            card: self.product_card(product),
            slug: product.slug.clone(),
            photos: product
                .photos
                .iter()
                .enumerate()
                .filter_map(|(i, p)| {
                    let placement = if i == 0 {
                        Placement::Main
                    } else {
                        Placement::Thumbnail
                    };
                    self.photo(p, placement)
                })
                .collect(),
            description: self.rich_text(&product.description),
            min_order: product.min_order.map(|n| self.min_order(n, product)),
            sku: product.sku.as_ref().map(|sku| sku.to_string()),
            gtin: product.gtin.as_ref().map(|gtin| gtin.to_string()),
            certifications: product
                .certifications
                .iter()
                .map(|c| self.certification(c.kind, c.number.as_deref()))
                .collect(),
            curation: self.curation(product),
            availability: self.availability(product),
            tags: product
                .tags
                .iter()
                .map(|tag| Link {
                    name: tag_name(tag),
                    url: self.url(&format!("tags/{tag}/")),
                })
                .collect(),
            producer: self.producer_card(producer),
            category: Link {
                name: self.plain(&category.name),
                url: self.url(&format!("categories/{}/", category.slug)),
            },
            inquiry: self.inquiry(product),
            listings: self.shop_buttons(&product.shops, |_| None),
            producer_shops: self.producer_shops_for(product, producer),
            qr: self.url(&format!("products/{}/{}", product.slug, super::QR_FILE)),
            shipping: self.shipping_terms(),
            returns: self.return_terms(),
        }
    }

    /// "ongkos kirim Rp 25.000 per pesanan ke Indonesia · dikirim dalam 1–3 hari · …", the
    /// same words the product's schema.org offer says in data.
    fn shipping_terms(&self) -> Option<String> {
        let shipping = self.config().shipping.as_ref()?;
        let labels = Labels::for_lang(self.lang);
        let country = country_name(&shipping.country);
        let rate = match shipping.rate {
            0 => labels.free_shipping.replace("{country}", country),
            rate => labels
                .shipping_rate
                .replace("{rate}", &format_rupiah(rate, self.lang))
                .replace("{country}", country),
        };
        let handling = (shipping
            .handling_days
            .map(|days| labels.ships_in.replace("{days}", &day_span(days))))
        .into_iter();
        let transit = (shipping
            .transit_days
            .map(|days| labels.arrives_in.replace("{days}", &day_span(days))))
        .into_iter();
        let parts: Vec<String> = std::iter::once(rate)
            .chain(handling)
            .chain(transit)
            .collect();
        Some(parts.join(" · "))
    }

    /// "dapat dikembalikan dalam 7 hari · gratis", or that goods cannot be returned.
    fn return_terms(&self) -> Option<String> {
        let returns = self.config().returns.as_ref()?;
        let labels = Labels::for_lang(self.lang);
        if returns.days == 0 {
            return Some(labels.no_returns.to_owned());
        }
        let window = labels
            .returns_within
            .replace("{days}", &returns.days.to_string());
        Some(match returns.fee {
            Some(0) => format!("{window} · {}", labels.free_returns),
            Some(fee) => format!(
                "{window} · {}",
                labels
                    .return_fee
                    .replace("{fee}", &format_rupiah(fee, self.lang))
            ),
            None => window,
        })
    }

    fn min_order(&self, count: u32, product: &Product) -> String {
        match self.unit_for(count, product) {
            Some(unit) => format!("{count} {unit}"),
            None => count.to_string(),
        }
    }

    /// The unit after a count other than one in this page's language, when it is not the unit
    /// as written (`pieces` for `piece`); `None` for Indonesian and for products without one.
    pub fn unit_many(&self, product: &Product) -> Option<String> {
        let one = self.unit_for(1, product)?;
        self.unit_for(2, product).filter(|many| *many != one)
    }

    /// The product's unit after `count` in this page's language, plural where English needs it.
    pub fn unit_for(&self, count: u32, product: &Product) -> Option<String> {
        product.unit_for(count, self.lang, self.config().default_language())
    }

    pub fn producer_card(&self, producer: &Producer) -> ProducerCard {
        ProducerCard {
            url: self.url(&format!("producers/{}/", producer.slug)),
            name: producer.name.clone(),
            kind: producer.kind.short_label().pick(self.lang).to_owned(),
            address: producer.address.clone(),
            logo: producer
                .logo
                .as_ref()
                .and_then(|logo| self.logo(logo, producer)),
            contact: contact(producer),
        }
    }

    fn logo(&self, logo: &crate::model::Asset, producer: &Producer) -> Option<ImageView> {
        let image = self.images.get(logo)?;
        let alt = Text {
            text: format!("{} {}", self.pick("Logo", "Logo of"), producer.name),
            lang: None,
        };
        Some(image_view(image, alt, Placement::Logo))
    }
    pub fn producer(&self, producer: &Producer) -> ProducerView {
        ProducerView {
            card: self.producer_card(producer),
            slug: producer.slug.clone(),
            owner: producer.owner.clone(),
            sentra: producer.sentra.clone(),
            founded: producer.founded,
            story: self.rich_text(&producer.story),
            summary: self.text(&producer.summary),
            product_count: producer.products.len(),
            shops: self.shop_buttons(&producer.shops, |link| {
                (link.marketplace == Marketplace::Website).then(|| link.site())
            }),
        }
    }

    /// Buttons for `links`, each with its label in this language and `detail` below it.
    fn shop_buttons(
        &self,
        links: &[ShopLink],
        detail: impl Fn(&ShopLink) -> Option<String>,
    ) -> Vec<ShopButton> {
        links
            .iter()
            .map(|link| ShopButton {
                key: link.marketplace.as_str(),
                url: link.url.clone(),
                label: link.marketplace.button_label().pick(self.lang),
                detail: detail(link),
            })
            .collect()
    }

    /// The producer's marketplace shops, named as theirs, for a product without listings.
    fn producer_shops_for(&self, product: &Product, producer: &Producer) -> Vec<ShopButton> {
        if !product.shops.is_empty() {
            return Vec::new();
        }
        let sold: Vec<ShopLink> = producer
            .shops
            .iter()
            .filter(|link| link.marketplace.sells())
            .cloned()
            .collect();
        let whose = match self.lang {
            "id" => format!("Toko {}", producer.name),
            _ => format!("{}'s shop", producer.name),
        };
        self.shop_buttons(&sold, |_| Some(whose.clone()))
    }

    /// Every category with its product count and the cover of its first product with a photo.
    pub fn category_links(&self, products_by_category: &[Vec<usize>]) -> Vec<CategoryLink> {
        self.config()
            .categories
            .iter()
            .zip(products_by_category)
            .map(|(category, products)| CategoryLink {
                slug: category.slug.clone(),
                name: self.plain(&category.name),
                url: self.url(&format!("categories/{}/", category.slug)),
                count: products.len(),
                cover: products
                    .iter()
                    .map(|&i| &self.catalogue.products[i])
                    .find_map(|p| {
                        p.photos
                            .first()
                            .and_then(|photo| self.photo(photo, Placement::Tile))
                    }),
            })
            .collect()
    }
}

/// Builds the `<picture>` data of a processed photo.
fn image_view(image: &ProcessedImage, alt: Text, placement: Placement) -> ImageView {
    let sources = |format| -> Vec<Source> {
        image
            .of_format(format)
            .map(|v| Source {
                url: v.url.clone(),
                width: v.width,
                height: v.height,
            })
            .collect()
    };
    let fallback = sources(image.fallback_format());
    // The `src` for browsers without srcset: the largest copy up to 960 px wide; its size
    // gives the <img> its aspect ratio before anything loads.
    let src = fallback
        .iter()
        .rev()
        .find(|s| s.width <= 960)
        .or(fallback.first());
    let (url, width, height) = src.map_or((String::new(), image.width, image.height), |s| {
        (s.url.clone(), s.width, s.height)
    });
    ImageView {
        url,
        width,
        height,
        alt,
        webp: sources(Format::Webp),
        fallback,
        fallback_type: image.fallback_format().mime(),
        sizes: placement.sizes(),
        colour: image.colour.clone(),
    }
}

/// How a tag reads: its slug with spaces (`pewarna-alami` → `pewarna alami`).
pub fn tag_name(slug: &str) -> String {
    slug.replace('-', " ")
}

/// A WhatsApp chat link for a phone number.
pub fn whatsapp_link(number: &Phone) -> String {
    format!("https://wa.me/{}", number.digits())
}

/// A `mailto:` link to exactly one address: every character that could start a query (`?cc=`),
/// a fragment or an escape is percent-encoded, so the address cannot add recipients or a body.
pub fn mailto_link(address: &str) -> String {
    const KEEP: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
        .remove(b'@')
        .remove(b'.')
        .remove(b'-')
        .remove(b'_')
        .remove(b'+');
    format!(
        "mailto:{}",
        percent_encoding::utf8_percent_encode(address, KEEP)
    )
}

fn contact(producer: &Producer) -> Contact {
    Contact {
        whatsapp: producer.whatsapp.as_ref().map(Phone::to_string),
        whatsapp_url: producer.whatsapp.as_ref().map(whatsapp_link),
        instagram: producer.instagram.as_ref().map(|h| format!("@{h}")),
        instagram_url: producer
            .instagram
            .as_ref()
            .map(|h| format!("https://www.instagram.com/{h}/")),
        email: producer.email.clone(),
        email_url: producer.email.as_ref().map(|e| mailto_link(e)),
        map_url: format!(
            "https://www.google.com/maps/search/?api=1&query={}",
            percent_encoding::utf8_percent_encode(
                &producer.address,
                percent_encoding::NON_ALPHANUMERIC
            )
        ),
    }
}

/// "1–3", or "2" when both ends are the same.
fn day_span(days: DayRange) -> String {
    if days.min == days.max {
        days.min.to_string()
    } else {
        format!("{}–{}", days.min, days.max)
    }
}

/// The country a shipping or return term names: the catalogue's own country by name, since
/// it is the one nearly every catalogue writes; any other by its code.
fn country_name(code: &str) -> &str {
    match code {
        "ID" => "Indonesia",
        other => other,
    }
}
