//! Model -> views: plain, template-ready fields per language. Prices are formatted, fallbacks
//! chosen and URLs built here, so templates only place them.

use serde::Serialize;

use crate::config::Config;
use crate::fields::{CertificationKind, Marketplace, Phone, Price, ShopLink};
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
    /// On phones (below 40rem) the widths given are two thirds of the displayed width: a phone
    /// at three device pixels per CSS pixel then loads a photo at twice its displayed size,
    /// which looks the same on a 6-inch screen and costs about half the bytes (measured with
    /// `bench/page-weight.py`: product page 169 KB → under 150 KB).
    pub fn sizes(self) -> &'static str {
        match self {
            Placement::Card => "(min-width: 72rem) 17rem, (min-width: 40rem) 30vw, 30vw",
            Placement::Tile => "(min-width: 56rem) 23rem, (min-width: 40rem) 50vw, 33vw",
            Placement::Main => {
                "(min-width: 72rem) 38rem, (min-width: 56rem) 52vw, (min-width: 40rem) 100vw, 62vw"
            }
            Placement::Thumbnail => {
                "(min-width: 72rem) 12rem, (min-width: 56rem) 17vw, (min-width: 40rem) 33vw, 22vw"
            }
            Placement::Logo => "72px",
            Placement::Inline => "(min-width: 44rem) 42rem, 62vw",
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
        }
    }

    fn min_order(&self, count: u32, product: &Product) -> String {
        match &product.unit {
            Some(unit) => format!("{count} {}", self.plain(unit)),
            None => count.to_string(),
        }
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
