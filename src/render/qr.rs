//! QR codes of product pages: an SVG per product and language that a phone camera opens, shown
//! on the product page and meant to be reused by the printed brochure.

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

/// The QR code of `url` as a standalone SVG file (medium error correction: it still scans
/// from a slightly creased printout).
pub fn svg(url: &str) -> Option<String> {
    let code = QrCode::with_error_correction_level(url, EcLevel::M).ok()?;
    Some(
        code.render::<svg::Color>()
            .module_dimensions(4, 4)
            .dark_color(svg::Color("#231c18"))
            .light_color(svg::Color("#ffffff"))
            .quiet_zone(true)
            .build(),
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn makes_the_same_svg_every_time() {
        let a = super::svg("https://katalog.example.go.id/id/products/onde-onde/").unwrap();
        let b = super::svg("https://katalog.example.go.id/id/products/onde-onde/").unwrap();
        assert_eq!(a, b);
        assert!(a.contains("<svg") && a.contains("#231c18"));
    }
}
