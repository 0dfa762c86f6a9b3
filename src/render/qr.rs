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
/// The file's natural size in pixels per module; the drawing itself counts in modules.
const MODULE_PX: usize = 4;

/// The QR code of `url` as a standalone SVG file (medium error correction: it still scans
/// from a slightly creased printout).
///
/// Each row of dark modules is one stroke of width 1 through the row's middle, a relative
/// move over each light gap and a horizontal line over each dark run (`m3 0h5`), in units of
/// one module. On `bench/synth_catalogue.rs`'s 10,000 products that is 2,490 bytes a code on
/// average, against 5,848 for a filled rectangle per run in pixel units: the 20,000 codes (two
/// languages) went from 117.0 MB, a fifth of all the bytes the build wrote, to 49.8 MB.
pub fn svg(url: &str) -> Option<String> {
    let code = QRBuilder::new(url).ecl(ECL::M).build().ok()?;
    let size = code.size;
    let side = size + 2 * QUIET_ZONE;
    let pixels = side * MODULE_PX;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {side} {side}\" width=\"{pixels}\" height=\"{pixels}\" shape-rendering=\"crispEdges\"><rect width=\"{side}\" height=\"{side}\" fill=\"#ffffff\"/><path stroke=\"#231c18\" d=\""
    );
    for y in 0..size {
        let row = &code.data[y * size..(y + 1) * size];
        let mut pen: Option<usize> = None;
        let mut x = 0;
        while x < size {
            if !row[x].value() {
                x += 1;
                continue;
            }
            let run = row[x..].iter().take_while(|m| m.value()).count();
            let _ = match pen {
                None => write!(svg, "M{} {}.5h{run}", x + QUIET_ZONE, y + QUIET_ZONE),
                Some(end) => write!(svg, "m{} 0h{run}", x - end),
            };
            pen = Some(x + run);
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
