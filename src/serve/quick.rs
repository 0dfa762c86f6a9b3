//! The shortcut for the commonest save: an edit of some products' own files (`product.yaml`,
//! `id.md`, `en.md`). Only those products are read and checked again and put into the
//! catalogue as served, instead of reading all of `content/` once more; at 100,000 products
//! that is the difference between seconds and milliseconds. Whatever the shortcut cannot
//! judge alone (a new or removed folder, a photo, a product moving between lists, an error)
//! falls back to reading everything, as before.

use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};

use crate::content::Section;
use crate::diagnostic::Diagnostics;
use crate::model::{self, Product};
use crate::Loaded;

use super::watch::Changes;

/// The data file of a product folder.
const PRODUCT_FILE: &str = "product.yaml";

/// The product folders `changes` edit, when every change is a product's own text (its
/// `product.yaml` or a Markdown file) or the folder itself; `None` for anything else.
pub fn edited_products(changes: &Changes) -> Option<BTreeSet<String>> {
    if changes.unknown || changes.paths.is_empty() {
        return None;
    }
    changes.paths.iter().map(|p| product_of(p)).collect()
}

/// The product whose own text `path` is: `content/products/<slug>[/<file>]`.
fn product_of(path: &Path) -> Option<String> {
    let parts: Vec<&str> = path
        .components()
        .map(|c| match c {
            Component::Normal(part) => part.to_str(),
            _ => None,
        })
        .collect::<Option<_>>()?;
    match parts.as_slice() {
        ["content", section, slug] if *section == Section::Products.folder() => {
            Some((*slug).to_owned())
        }
        ["content", section, slug, file]
            if *section == Section::Products.folder()
                && (*file == PRODUCT_FILE || file.ends_with(".md")) =>
        {
            Some((*slug).to_owned())
        }
        _ => None,
    }
}

/// A product put in place of its earlier version.
pub struct Replaced {
    pub index: usize,
    pub before: Product,
}

/// Reads and checks the products `slugs` again and puts them into `loaded`, with their
/// warnings in place of the old ones; returns what each was before. `None`, with `loaded`
/// untouched, when one of them cannot be judged alone: then the whole catalogue must be read.
pub fn apply(loaded: &mut Loaded, slugs: &BTreeSet<String>) -> Option<Vec<Replaced>> {
    let mut fresh = Vec::new();
    for slug in slugs {
        fresh.push(read_again(loaded, slug)?);
    }
    let mut replaced = Vec::new();
    for (index, product, warnings, files) in fresh {
        let before = std::mem::replace(&mut loaded.catalogue.products[index], product);
        loaded.warnings.retain(|d| !files.contains(&d.file));
        let mut own = Diagnostics::default();
        warnings
            .iter()
            .filter(|d| files.contains(&d.file))
            .for_each(|d| own.push(d.clone()));
        loaded.warnings.extend(own);
        replaced.push(Replaced { index, before });
    }
    Some(replaced)
}

/// One product read and checked again, with its index, warnings and text files; `None` when
/// the edit reaches beyond the product's own pages and cards.
fn read_again(
    loaded: &Loaded,
    slug: &str,
) -> Option<(usize, Product, Diagnostics, BTreeSet<PathBuf>)> {
    let catalogue = &loaded.catalogue;
    let index = catalogue
        .products
        .binary_search_by(|p| p.slug.as_str().cmp(slug))
        .ok()?;
    let (entry, problems) = loaded.root.read_entry(Section::Products, slug.to_owned());
    if !problems.is_empty() {
        return None;
    }
    // Photos inside its texts were prepared with the whole catalogue's.
    if catalogue
        .inline_photos
        .iter()
        .any(|asset| asset.relative.starts_with(&entry.dir))
    {
        return None;
    }
    let (product, warnings) = model::product_again(catalogue, &loaded.root, &entry)?;
    let before = &catalogue.products[index];
    let same_photos = before.photos.len() == product.photos.len()
        && before
            .photos
            .iter()
            .zip(&product.photos)
            .all(|(a, b)| a.asset == b.asset);
    // The tags' pages, the producers' lists and the photo set were built from the old one.
    let same_lists = before.tags == product.tags
        && before.producer == product.producer
        && before.category == product.category
        && before.featured == product.featured;
    if !(same_photos && same_lists) {
        return None;
    }
    let files = entry
        .data
        .iter()
        .chain(entry.texts.values())
        .map(|file| file.path.clone())
        .collect();
    Some((index, product, warnings, files))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn changes(paths: &[&str]) -> Changes {
        Changes {
            paths: paths.iter().map(PathBuf::from).collect(),
            unknown: false,
        }
    }

    #[test]
    fn only_a_products_own_texts_take_the_shortcut() {
        let edited = edited_products(&changes(&[
            "content/products/keripik/id.md",
            "content/products/keripik/product.yaml",
            "content/products/batik",
        ]));
        let expected: BTreeSet<String> = ["batik", "keripik"].map(String::from).into();
        assert_eq!(edited, Some(expected));
        for other in [
            "content/products/keripik/foto.jpg",
            "content/producers/x/producer.yaml",
            "content/products",
            "catalogue.yaml",
            "templates/base.html",
            "content/products/keripik/sub/id.md",
        ] {
            let mixed = changes(&["content/products/keripik/id.md", other]);
            assert_eq!(edited_products(&mixed), None, "{other}");
        }
        assert_eq!(edited_products(&Changes::everything()), None);
    }
}
