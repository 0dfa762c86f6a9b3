//! What a change touches: compares two loads of a catalogue and says which pages must be
//! rendered again, so `serve` re-renders an edited product's pages and the lists that show it
//! rather than the whole site.

use std::collections::BTreeSet;

use crate::fields::CertificationKind;
use crate::images::ImageSet;
use crate::model::{Catalogue, Product};

use super::Job;

/// Which pages a render writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// Every page and file of the site.
    Everything,
    /// The pages that show these products (indexes into `Catalogue::products`), with the
    /// feeds and search indexes. Valid only when nothing else changed: see [`after_change`].
    Products(BTreeSet<usize>),
    /// Only these products' own pages, with the feeds and the search indexes: only their
    /// descriptions changed, and no card or brochure shows a description. The products pages
    /// name the search index's entry at a fixed address, so they stay as they are.
    Texts(BTreeSet<usize>),
}

impl Scope {
    /// Whether `job` is rendered in this scope.
    pub(super) fn includes(&self, catalogue: &Catalogue, job: Job) -> bool {
        let touched = match self {
            Scope::Everything => return true,
            Scope::Texts(touched) => return matches!(job, Job::Product(i) if touched.contains(&i)),
            Scope::Products(touched) => touched,
        };
        let any = |shows: &dyn Fn(&Product) -> bool| {
            touched.iter().any(|&i| shows(&catalogue.products[i]))
        };
        match job {
            Job::Home => any(&|p| p.featured),
            Job::Product(index) => touched.contains(&index),
            Job::Producer { index, .. } => any(&|p| p.producer == index),
            Job::Category { index, .. } => any(&|p| p.category == index),
            Job::Tag { index, .. } => {
                let (_, members) = &catalogue.tags[index];
                members.iter().any(|m| touched.contains(m))
            }
            // Lists of every product: each page names the first photo of the list in its
            // link preview, and a brochure's cover shows the first photos of its selection.
            // The inquiry page names its product file by its version.
            Job::Products { .. } | Job::Brochure { .. } | Job::Inquiry => !touched.is_empty(),
            Job::Tags | Job::FreePage(_) => false,
        }
    }

    /// The products rendered again, or `None` for everything.
    pub fn products(&self) -> Option<&BTreeSet<usize>> {
        match self {
            Scope::Everything => None,
            Scope::Products(touched) | Scope::Texts(touched) => Some(touched),
        }
    }
}

/// What must be rendered after `old` (as served) became `new`. Only changes to products that
/// leave every list as it was (same products, producers, categories, tags and featured ones)
/// are narrowed down; anything else renders everything. `built_in_cards` says the theme's
/// cards are the default ones, which show no description: then a change of descriptions
/// alone renders only the products' own pages.
pub fn after_change(
    old: (&Catalogue, &ImageSet),
    new: (&Catalogue, &ImageSet),
    built_in_cards: bool,
) -> Scope {
    let ((old, old_images), (new, new_images)) = (old, new);
    let same_frame = old.config == new.config
        && old.producers == new.producers
        && old.pages == new.pages
        && old.tags == new.tags
        && old.products.len() == new.products.len()
        && certification_kinds(old) == certification_kinds(new)
        && old.inline_photos == new.inline_photos
        && old
            .inline_photos
            .iter()
            .all(|asset| old_images.get(asset) == new_images.get(asset));
    if !same_frame {
        return Scope::Everything;
    }
    let mut edits = Vec::new();
    for (index, (before, after)) in old.products.iter().zip(&new.products).enumerate() {
        let photos_same = before.photos.len() == after.photos.len()
            && before
                .photos
                .iter()
                .zip(&after.photos)
                .all(|(a, b)| old_images.get(&a.asset) == new_images.get(&b.asset));
        if before != after || !photos_same {
            edits.push(Edit {
                index,
                before,
                photos_same,
            });
        }
    }
    narrowed(old, new, &edits, built_in_cards)
}

/// One product that changed: its index, how it was, and whether its photos look the same.
#[derive(Debug, Clone, Copy)]
pub struct Edit<'a> {
    pub index: usize,
    pub before: &'a Product,
    pub photos_same: bool,
}

/// What must be rendered after `edits`, the only products that changed between `old` and
/// `new` (which are the same catalogue in everything else): `serve`'s scope when it read
/// only the edited products again. `old` may be `new` itself when each edit carries the
/// product as it was.
pub fn after_edits(new: &Catalogue, edits: &[Edit], built_in_cards: bool) -> Scope {
    narrowed(new, new, edits, built_in_cards)
}

fn narrowed(old: &Catalogue, new: &Catalogue, edits: &[Edit], built_in_cards: bool) -> Scope {
    let covers = [cover_of_every_page(old), cover_of_every_page(new)];
    let mut touched = BTreeSet::new();
    let mut texts_only = built_in_cards;
    for edit in edits {
        let after = &new.products[edit.index];
        if !same_place(edit.before, after) {
            return Scope::Everything;
        }
        if covers.contains(&edit.index) {
            // Its photo is the link preview of every page without one of its own.
            return Scope::Everything;
        }
        texts_only &= edit.photos_same && same_but_descriptions(edit.before, after);
        touched.insert(edit.index);
    }
    if texts_only {
        Scope::Texts(touched)
    } else {
        Scope::Products(touched)
    }
}

/// Whether two products differ at most in their descriptions (what only their own pages,
/// the feeds and the search indexes show).
fn same_but_descriptions(before: &Product, after: &Product) -> bool {
    // Written out field by field, so a new field cannot be forgotten here.
    let Product {
        slug,
        name,
        producer,
        category,
        sku,
        gtin,
        price,
        unit,
        unit_plural,
        min_order,
        availability,
        tags,
        photos,
        certifications,
        shops,
        curation,
        featured,
        description: _,
        description_words: _,
        description_text: _,
        summary: _,
    } = before;
    *slug == after.slug
        && *name == after.name
        && *producer == after.producer
        && *category == after.category
        && *sku == after.sku
        && *gtin == after.gtin
        && *price == after.price
        && *unit == after.unit
        && *unit_plural == after.unit_plural
        && *min_order == after.min_order
        && *availability == after.availability
        && *tags == after.tags
        && *photos == after.photos
        && *certifications == after.certifications
        && *shops == after.shops
        && *curation == after.curation
        && *featured == after.featured
}

/// Whether a product sits in the same lists: same address, producer, category, tags, and
/// featured or not.
fn same_place(before: &Product, after: &Product) -> bool {
    before.slug == after.slug
        && before.producer == after.producer
        && before.category == after.category
        && before.tags == after.tags
        && before.featured == after.featured
}

/// The kinds of certification some product has: the products page offers them as filters.
fn certification_kinds(catalogue: &Catalogue) -> BTreeSet<CertificationKind> {
    catalogue
        .products
        .iter()
        .flat_map(|p| p.certifications.iter().map(|c| c.kind))
        .collect()
}

/// The product whose photo may stand as the site-wide link preview: the first featured one
/// with a photo, else the first with a photo (see `Shared::new`); `usize::MAX` for none.
fn cover_of_every_page(catalogue: &Catalogue) -> usize {
    let has_photo = |&(_, p): &(usize, &Product)| !p.photos.is_empty();
    let products = || catalogue.products.iter().enumerate();
    products()
        .filter(|(_, p)| p.featured)
        .find(has_photo)
        .or_else(|| products().find(has_photo))
        .map_or(usize::MAX, |(index, _)| index)
}
