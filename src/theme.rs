//! Theme files copied as-is: the default theme's static files built into the binary, then the
//! catalogue's `themes/<name>/static/`, then its own `static/`, each overriding the one before.

use std::path::{Path, PathBuf};

use crate::content::CatalogueRoot;
use crate::diagnostic::Diagnostic;
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
        "favicon.svg",
        include_bytes!("../themes/default/static/favicon.svg"),
    ),
    (
        SHARE_IMAGE,
        include_bytes!("../themes/default/static/share.png"),
    ),
];

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

/// Copies the layered static files to the site root.
pub fn copy_static(
    root: &CatalogueRoot,
    theme: &str,
    out: &dyn SiteWriter,
) -> Result<usize, Diagnostic> {
    for (name, bytes) in DEFAULT_STATIC {
        out.write_page(name, bytes)?;
    }
    let mut copied = DEFAULT_STATIC.len();
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
