//! `etalase new NAME`: a new catalogue folder that builds as it is, with comments in its YAML
//! explaining every field in Indonesian and English (the files live in `scaffold/`).

use std::fs;
use std::path::{Path, PathBuf};

use crate::content::io_reason;
use crate::error::Error;
use crate::images::encode::{self, Pixels};
use crate::messages::{self as msg, Lang, Message};

/// The files of a new catalogue, relative to its folder.
const FILES: &[(&str, &str)] = &[
    ("catalogue.yaml", include_str!("../scaffold/catalogue.yaml")),
    (".gitignore", include_str!("../scaffold/gitignore")),
    (
        ".github/workflows/publish.yml",
        include_str!("../scaffold/github/publish.yml"),
    ),
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

/// A new catalogue written.
#[derive(Debug)]
pub struct Created {
    pub folder: PathBuf,
}

impl crate::CommandReport for Created {
    /// Where the catalogue is, and what to do next.
    fn render(&self, lang: Lang) -> Vec<String> {
        let done = msg::NEW_CREATED.arg("folder", self.folder.display());
        vec![done.render(lang)]
    }
}

/// Writes a new catalogue into `folder`, which must not exist or be empty. Whatever stops it
/// is a usage error: the folder to choose is the user's.
pub fn create(folder: &Path) -> Result<Created, Error> {
    write_all(folder).map_err(Error::Usage)?;
    Ok(Created {
        folder: folder.to_owned(),
    })
}

fn write_all(folder: &Path) -> Result<(), Message> {
    if folder.exists() {
        let empty = fs::read_dir(folder)
            .map_err(|_| msg::NEW_NOT_A_FOLDER.arg("path", folder.display()))?
            .next()
            .is_none();
        if !empty {
            return Err(msg::NEW_NOT_EMPTY.arg("path", folder.display()));
        }
    }
    for (relative, text) in FILES {
        write(folder, relative, text.as_bytes())?;
    }
    write(folder, PHOTO, &striped_cloth()?)
}

fn write(folder: &Path, relative: &str, bytes: &[u8]) -> Result<(), Message> {
    let path = folder.join(relative);
    let failed = |error: std::io::Error| {
        msg::CANNOT_WRITE_PATH
            .arg("path", path.display())
            .nested("reason", io_reason(&error))
    };
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(failed)?;
    }
    fs::write(&path, bytes).map_err(failed)
}

/// A 1600×1200 JPEG of diagonal stripes in batik colours: big enough for print, so a new
/// catalogue's brochure looks as a real one will.
fn striped_cloth() -> Result<Vec<u8>, Message> {
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
    encode::jpeg(&pixels, 85).map_err(|e| msg::VERBATIM.arg("detail", e))
}
