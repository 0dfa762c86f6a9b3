//! What `etalase check` looks at beyond what a build needs: products a buyer would find
//! incomplete: without a price, without a photo, or not saying whether it can be had (its
//! availability). `build` stays quiet about these. A product without a price or a photo is also
//! left out of the shopping feeds (`render::merchant`), and its warning says so.

use std::path::Path;

use super::Catalogue;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::messages as msg;

/// Warns about every product without a price, without a photo or without an availability.
pub fn review(catalogue: &Catalogue, diagnostics: &mut Diagnostics) {
    for product in &catalogue.products {
        let dir = Path::new("content/products").join(&product.slug);
        let file = dir.join("product.yaml");
        if product.price.is_none() {
            diagnostics.push(
                Diagnostic::warning(&file, &msg::PRODUCT_WITHOUT_PRICE)
                    .in_field("price")
                    .with_hint(&msg::PRICE_HINT),
            );
        }
        if product.photos.is_empty() {
            diagnostics.push(
                Diagnostic::warning(&file, &msg::PRODUCT_WITHOUT_PHOTO)
                    .in_field("photos")
                    .with_hint(msg::PHOTO_ADD_HINT.arg("dir", dir.display())),
            );
        }
        if product.availability.is_none() {
            diagnostics.push(
                Diagnostic::warning(&file, &msg::PRODUCT_WITHOUT_AVAILABILITY)
                    .in_field("availability")
                    .with_hint(&msg::AVAILABILITY_ADD_HINT),
            );
        }
    }
}
