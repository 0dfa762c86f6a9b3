//! Theme files copied as-is: the default theme's static files built into the binary, then the
//! catalogue's `themes/<name>/static/`, then its own `static/`, each overriding the one before.
//! The styles and scripts pages link are also written under `assets/` with their content's
//! hash in the name ([`Assets`]), so hosts may cache them for a year (see `hosting`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::content::{io_reason, CatalogueRoot};
use crate::diagnostic::Diagnostic;
use crate::messages as msg;
use crate::output::SiteWriter;

/// The link-preview image of pages that have no photo of their own.
pub const SHARE_IMAGE: &str = "share.png";
/// Its size in pixels.
pub const SHARE_IMAGE_SIZE: (u32, u32) = (1200, 630);

/// The default theme's static files, compiled into the binary.
const DEFAULT_STATIC: &[(&str, &[u8])] = &[
    (
        "style.css",
        include_bytes!("../themes/default/static/style.css"),
    ),
    (
        "etalase.js",
        include_bytes!("../themes/default/static/etalase.js"),
    ),
    (
        "brochure.css",
        include_bytes!("../themes/default/static/brochure.css"),
    ),
    (
        "search.js",
        include_bytes!("../themes/default/static/search.js"),
    ),
    (
        "inquiry.js",
        include_bytes!("../themes/default/static/inquiry.js"),
    ),
    ("qr.js", include_bytes!("../themes/default/static/qr.js")),
    (
        "root.js",
        include_bytes!("../themes/default/static/root.js"),
    ),
    (
        "favicon.svg",
        include_bytes!("../themes/default/static/favicon.svg"),
    ),
    (
        SHARE_IMAGE,
        include_bytes!("../themes/default/static/share.png"),
    ),
    (
        "icon-192.png",
        include_bytes!("../themes/default/static/icon-192.png"),
    ),
    (
        "icon-512.png",
        include_bytes!("../themes/default/static/icon-512.png"),
    ),
    (
        "icon-maskable-512.png",
        include_bytes!("../themes/default/static/icon-maskable-512.png"),
    ),
    (
        "apple-touch-icon.png",
        include_bytes!("../themes/default/static/apple-touch-icon.png"),
    ),
];

/// A home-screen icon the web app manifests list (made by scripts/icons.sh from the favicon;
/// a catalogue replaces one with a file of the same name in its `static/`).
pub struct Icon {
    pub file: &'static str,
    /// Width and height in pixels.
    pub size: u32,
    /// `any`, or `maskable`: square to the edges, for phones that cut their own shape.
    pub purpose: &'static str,
}

/// The manifests' icons.
pub const ICONS: [Icon; 3] = [
    Icon {
        file: "icon-192.png",
        size: 192,
        purpose: "any",
    },
    Icon {
        file: "icon-512.png",
        size: 512,
        purpose: "any",
    },
    Icon {
        file: "icon-maskable-512.png",
        size: 512,
        purpose: "maskable",
    },
];

/// The folder of the versioned copies.
pub const ASSETS_DIR: &str = "assets";

/// The theme files the default templates link by their versioned name.
const VERSIONED: [&str; 7] = [
    "style.css",
    "etalase.js",
    "search.js",
    "inquiry.js",
    "qr.js",
    "brochure.css",
    "root.js",
];

/// The versioned name of each style and script pages link (`style.css` →
/// `assets/style.1a2b3c4d5e.css`) with the bytes it stands for: the catalogue's own file when
/// it has one, else its theme's, else the default theme's. Templates read the names as
/// `site.assets["style.css"]`; a changed file gets a new name, so a cached old one is never
/// used again.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(transparent)]
pub struct Assets {
    names: BTreeMap<&'static str, String>,
    #[serde(skip)]
    bytes: BTreeMap<&'static str, Vec<u8>>,
}

impl Assets {
    /// Reads the files that will end up at the site root under each versioned name.
    pub fn resolve(root: &CatalogueRoot, theme: &str) -> Result<Assets, Diagnostic> {
        let mut assets = Assets::default();
        for name in VERSIONED {
            let own = static_folders(theme)
                .into_iter()
                .rev()
                .map(|dir| root.path().join(dir).join(name))
                .find(|path| path.is_file());
            let bytes = match own {
                Some(path) => std::fs::read(&path).map_err(|error| {
                    Diagnostic::error(
                        &path,
                        msg::CANNOT_BE_READ.nested("reason", io_reason(&error)),
                    )
                })?,
                None => default_static(name).to_vec(),
            };
            assets.names.insert(name, versioned_name(name, &bytes));
            assets.bytes.insert(name, bytes);
        }
        Ok(assets)
    }

    /// The versioned site path of a theme file, if it is one of them.
    pub fn name(&self, file: &str) -> Option<&str> {
        self.names.get(file).map(String::as_str)
    }

    fn write(&self, out: &dyn SiteWriter) -> Result<usize, Diagnostic> {
        for (name, bytes) in &self.bytes {
            out.write_page(&self.names[name], bytes)?;
        }
        Ok(self.bytes.len())
    }
}

/// `assets/style.<first 10 hex digits of blake3>.css`: ten digits, like the photos' names.
fn versioned_name(name: &str, bytes: &[u8]) -> String {
    let hash = blake3::hash(bytes).to_hex();
    let (stem, extension) = name.rsplit_once('.').unwrap_or((name, ""));
    format!("{ASSETS_DIR}/{stem}.{}.{extension}", &hash.as_str()[..10])
}

fn default_static(name: &str) -> &'static [u8] {
    DEFAULT_STATIC
        .iter()
        .find(|(file, _)| *file == name)
        .map_or(&[], |(_, bytes)| bytes)
}

/// The catalogue's folders of static files, theme's first: copied to the site root as-is.
fn static_folders(theme: &str) -> [PathBuf; 2] {
    [
        Path::new("themes").join(theme).join("static"),
        PathBuf::from("static"),
    ]
}

/// Static folders that are links leaving the catalogue: copying them could publish any folder
/// of the computer.
pub fn static_folders_leaving(root: &CatalogueRoot, theme: &str) -> Vec<Diagnostic> {
    static_folders(theme)
        .iter()
        .filter_map(|dir| root.folder_leaving(dir))
        .collect()
}

/// Copies the layered static files to the site root, and the versioned styles and scripts to
/// `assets/`.
pub fn copy_static(
    root: &CatalogueRoot,
    theme: &str,
    assets: &Assets,
    out: &dyn SiteWriter,
) -> Result<usize, Diagnostic> {
    for (name, bytes) in DEFAULT_STATIC {
        out.write_page(name, bytes)?;
    }
    let mut copied = DEFAULT_STATIC.len() + assets.write(out)?;
    for dir in static_folders(theme) {
        if let Some(problem) = root.folder_leaving(&dir) {
            return Err(problem);
        }
        let full = root.path().join(&dir);
        if full.is_dir() {
            copied += out.copy_tree(&full)?;
        }
    }
    Ok(copied)
}
