//! `etalase new NAME`: a new catalogue folder that builds as it is, with comments in its YAML
//! explaining every field in Indonesian and English (the files live in `scaffold/`).

use std::fs;
use std::path::Path;

use anyhow::{bail, Context as _};

use crate::images::encode::{self, Pixels};

/// The files of a new catalogue, relative to its folder.
const FILES: &[(&str, &str)] = &[
    ("catalogue.yaml", include_str!("../scaffold/catalogue.yaml")),
    (".gitignore", include_str!("../scaffold/gitignore")),
    (
        "content/producers/contoh-usaha/producer.yaml",
        include_str!("../scaffold/content/producers/contoh-usaha/producer.yaml"),
    ),
    (
        "content/producers/contoh-usaha/id.md",
        include_str!("../scaffold/content/producers/contoh-usaha/id.md"),
    ),
    (
        "content/producers/contoh-usaha/en.md",
        include_str!("../scaffold/content/producers/contoh-usaha/en.md"),
    ),
    (
        "content/products/contoh-produk/product.yaml",
        include_str!("../scaffold/content/products/contoh-produk/product.yaml"),
    ),
    (
        "content/products/contoh-produk/id.md",
        include_str!("../scaffold/content/products/contoh-produk/id.md"),
    ),
    (
        "content/products/contoh-produk/en.md",
        include_str!("../scaffold/content/products/contoh-produk/en.md"),
    ),
    (
        "content/pages/tentang/id.md",
        include_str!("../scaffold/content/pages/tentang/id.md"),
    ),
    (
        "content/pages/tentang/en.md",
        include_str!("../scaffold/content/pages/tentang/en.md"),
    ),
];

/// The sample product's photo, drawn rather than shipped in the binary.
const PHOTO: &str = "content/products/contoh-produk/foto.jpg";

/// Writes a new catalogue into `folder`, which must not exist or be empty.
pub fn create(folder: &Path) -> anyhow::Result<()> {
    if folder.exists() {
        let empty = fs::read_dir(folder)
            .with_context(|| format!("{} is not a folder", folder.display()))?
            .next()
            .is_none();
        if !empty {
            bail!(
                "{} already exists and is not empty; choose a new folder name",
                folder.display()
            );
        }
    }
    for (relative, text) in FILES {
        write(folder, relative, text.as_bytes())?;
    }
    write(folder, PHOTO, &striped_cloth()?)
}

fn write(folder: &Path, relative: &str, bytes: &[u8]) -> anyhow::Result<()> {
    let path = folder.join(relative);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)
            .with_context(|| format!("cannot create {}", parent.display()))?;
    }
    fs::write(&path, bytes).with_context(|| format!("cannot write {}", path.display()))
}

/// A 1600×1200 JPEG of diagonal stripes in batik colours: big enough for print, so a new
/// catalogue's brochure looks as a real one will.
fn striped_cloth() -> anyhow::Result<Vec<u8>> {
    const COLOURS: [[u8; 3]; 3] = [[107, 29, 29], [200, 150, 46], [246, 234, 208]];
    let (width, height) = (1600u32, 1200u32);
    let mut data = Vec::with_capacity((width * height * 3) as usize);
    for y in 0..height {
        for x in 0..width {
            let band = ((x + y) / 60) as usize % COLOURS.len();
            data.extend_from_slice(&COLOURS[band]);
        }
    }
    let pixels = Pixels {
        data: &data,
        width,
        height,
        alpha: false,
    };
    encode::jpeg(&pixels, 85).map_err(|e| anyhow::anyhow!("cannot draw the sample photo: {e:?}"))
}
