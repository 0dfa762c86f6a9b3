//! QR codes of product pages: an SVG per product and language that a phone camera opens, shown
//! on the product page and reused by the printed brochure.
//!
//! Codes come from `fast_qr`: with one code per product and language, a 10,000-product catalogue
//! needs 20,000 of them, and the `qrcode` crate spent more time choosing masks than the rest of
//! the build took (measured with `perf` on `bench/run-scale.sh`'s catalogue).

use std::fmt::Write;

use fast_qr::{QRBuilder, ECL};

/// Light modules around the code, as the QR standard asks, so scanners find its edges.
const QUIET_ZONE: usize = 4;
/// Size of one module in SVG user units: the file's natural size is then about 4 px a module.
const MODULE: usize = 4;

/// The QR code of `url` as a standalone SVG file (medium error correction: it still scans
/// from a slightly creased printout).
pub fn svg(url: &str) -> Option<String> {
    let code = QRBuilder::new(url).ecl(ECL::M).build().ok()?;
    let size = code.size;
    let side = (size + 2 * QUIET_ZONE) * MODULE;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {side} {side}\" width=\"{side}\" height=\"{side}\" shape-rendering=\"crispEdges\"><rect width=\"{side}\" height=\"{side}\" fill=\"#ffffff\"/><path fill=\"#231c18\" d=\""
    );
    for y in 0..size {
        let row = &code.data[y * size..(y + 1) * size];
        let mut x = 0;
        while x < size {
            if !row[x].value() {
                x += 1;
                continue;
            }
            let run = row[x..].iter().take_while(|m| m.value()).count();
            // One rectangle per run of dark modules in a row: a third of the bytes of one per
            // module.
            let left = (x + QUIET_ZONE) * MODULE;
            let _ = write!(
                svg,
                "M{left} {}h{}v{MODULE}H{left}z",
                (y + QUIET_ZONE) * MODULE,
                run * MODULE
            );
            x += run;
        }
    }
    svg.push_str("\"/></svg>\n");
    Some(svg)
}

#[cfg(test)]
mod tests {
    #[test]
    fn makes_the_same_svg_every_time() {
        let a = super::svg("https://katalog.example.go.id/id/products/onde-onde/").unwrap();
        let b = super::svg("https://katalog.example.go.id/id/products/onde-onde/").unwrap();
        assert_eq!(a, b);
        assert!(a.starts_with("<svg") && a.contains("#231c18"));
    }
}
