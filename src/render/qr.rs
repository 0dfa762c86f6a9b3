//! QR codes of product pages: an SVG per product and language that a phone camera opens, shown
//! on the product page and reused by the printed brochure; and [`CodeCache`], which keeps the
//! drawn codes between builds.
//!
//! Codes come from `fast_qr`: with one code per product and language, a 10,000-product catalogue
//! needs 20,000 of them, and the `qrcode` crate spent more time choosing masks than the rest of
//! the build took (measured with `perf` on `bench/run-scale.sh`'s catalogue).

use std::fmt::Write;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use fast_qr::{QRBuilder, ECL};

use crate::images::cache::{age, unique, CACHE_DIR, DAY, UNUSED_DAYS};

/// Changes whenever [`svg`] draws differently, so codes drawn by an older etalase are not
/// taken for this one's.
const DRAWING_VERSION: u32 = 1;

/// Marks when the code cache was last pruned (pruning looks at every file: once a day).
const PRUNED_STAMP: &str = "pruned";

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

/// Drawn codes kept between builds under `.etalase-cache/qr/`, one file per address: a
/// rebuild links them into the site instead of drawing them again. Drawing the 20,000 codes of
/// a 10,000-product catalogue took 16 % of its build's CPU (`perf record` of `etalase build`
/// on `bench/peers.sh`'s catalogue), choosing the mask most of it.
///
/// A file is written whole under a temporary name and renamed into place, so an interrupted
/// build leaves no half code. A build touches the codes it uses (at most once a day each), and
/// once a day codes no build used for [`UNUSED_DAYS`] are removed, as photos are.
pub struct CodeCache {
    dir: PathBuf,
}

impl CodeCache {
    /// Opens (and creates) the code cache of the catalogue at `root`, pruning it once a day.
    pub fn open(root: &Path) -> io::Result<CodeCache> {
        let dir = root.join(CACHE_DIR).join("qr");
        fs::create_dir_all(&dir)?;
        let cache = CodeCache { dir };
        // A failed prune costs disk space, not the build.
        let _ = cache.prune(SystemTime::now());
        Ok(cache)
    }

    /// The file holding the code of `url`, drawn and stored first when it is not there yet.
    pub fn file(&self, url: &str) -> io::Result<PathBuf> {
        let path = self.dir.join(format!("{}.svg", key(url)));
        match fs::metadata(&path) {
            Ok(meta) if meta.is_file() => {
                mark_used(&path, &meta);
                Ok(path)
            }
            _ => {
                let code = svg(url).unwrap_or_default();
                let temporary =
                    path.with_extension(format!("tmp-{}-{}", std::process::id(), unique()));
                fs::write(&temporary, code)?;
                fs::rename(&temporary, &path)?;
                Ok(path)
            }
        }
    }

    /// Removes codes unused for [`UNUSED_DAYS`] and files interrupted builds left, at most once
    /// a day; the number of files removed.
    fn prune(&self, now: SystemTime) -> io::Result<usize> {
        let stamp = self.dir.join(PRUNED_STAMP);
        if age(&stamp, now).is_some_and(|age| age < DAY) {
            return Ok(0);
        }
        let mut removed = 0;
        for entry in fs::read_dir(&self.dir)? {
            let path = entry?.path();
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            let kept_for = if name.contains(".tmp-") {
                // An hour spares a build still running.
                Duration::from_secs(3600)
            } else if name.ends_with(".svg") {
                DAY * UNUSED_DAYS as u32
            } else {
                continue;
            };
            let stale = age(&path, now).is_none_or(|age| age > kept_for);
            if stale && fs::remove_file(&path).is_ok() {
                removed += 1;
            }
        }
        fs::write(&stamp, b"")?;
        Ok(removed)
    }
}

/// The file name of the code of `url`.
fn key(url: &str) -> String {
    let recipe = format!("qr{DRAWING_VERSION};{url}");
    blake3::hash(recipe.as_bytes()).to_hex()[..32].to_owned()
}

/// Gives a code file the time of its use, when it last had one more than a day ago.
fn mark_used(path: &Path, meta: &fs::Metadata) {
    let now = SystemTime::now();
    let recent = meta
        .modified()
        .is_ok_and(|modified| now.duration_since(modified).unwrap_or_default() < DAY);
    if !recent {
        let _ = fs::File::options()
            .write(true)
            .open(path)
            .and_then(|file| file.set_modified(now));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cached_code_is_the_drawn_code_and_is_drawn_once() {
        let root = tempfile::tempdir().unwrap();
        let cache = CodeCache::open(root.path()).unwrap();
        let url = "https://katalog.example.go.id/id/products/onde-onde/";
        let first = cache.file(url).unwrap();
        assert_eq!(fs::read_to_string(&first).unwrap(), svg(url).unwrap());
        // A second build finds the same file and does not draw it again.
        fs::write(&first, "kept").unwrap();
        let second = CodeCache::open(root.path()).unwrap().file(url).unwrap();
        assert_eq!(second, first);
        assert_eq!(fs::read_to_string(&second).unwrap(), "kept");
        // Another address, another file.
        let other = cache
            .file("https://katalog.example.go.id/en/products/onde-onde/")
            .unwrap();
        assert_ne!(other, first);
    }

    #[test]
    fn codes_unused_for_a_month_and_leftovers_are_pruned_once_a_day() {
        let root = tempfile::tempdir().unwrap();
        let cache = CodeCache::open(root.path()).unwrap();
        let used = cache.file("https://a.example/id/products/a/").unwrap();
        let unused = cache.file("https://a.example/id/products/b/").unwrap();
        let leftover = cache.dir.join("abc.tmp-1-2");
        fs::write(&leftover, "half").unwrap();
        let set_age = |path: &Path, days: u64| {
            let then = SystemTime::now() - DAY * days as u32;
            fs::File::options()
                .write(true)
                .open(path)
                .unwrap()
                .set_modified(then)
                .unwrap();
        };
        set_age(&unused, UNUSED_DAYS + 1);
        set_age(&leftover, 1);
        set_age(&used, UNUSED_DAYS + 1);
        // Used by this build: its time is renewed before the next day's prune.
        cache.file("https://a.example/id/products/a/").unwrap();
        // Pruned today already (open did): nothing goes.
        assert_eq!(cache.prune(SystemTime::now()).unwrap(), 0);
        let tomorrow = SystemTime::now() + DAY + Duration::from_secs(60);
        assert_eq!(cache.prune(tomorrow).unwrap(), 2);
        assert!(used.is_file(), "a code used this month stays");
        assert!(!unused.exists(), "a code unused for a month goes");
        assert!(!leftover.exists(), "a half-written file goes");
    }

    #[test]
    fn makes_the_same_svg_every_time() {
        let a = super::svg("https://katalog.example.go.id/id/products/onde-onde/").unwrap();
        let b = super::svg("https://katalog.example.go.id/id/products/onde-onde/").unwrap();
        assert_eq!(a, b);
        assert!(a.starts_with("<svg") && a.contains("#231c18"));
    }
}
