//! Photos and logos: checks every referenced image (format, size, pixel limit) and decides
//! where its copy lives in the output. Photos are language-neutral: one copy serves all languages.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use image::{ImageFormat, ImageReader};
use rayon::prelude::*;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::{Asset, Catalogue};

/// Files larger than this are refused before anything is decoded.
const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;
/// Images declaring more pixels than this are refused before decoding.
const MAX_PIXELS: u64 = 60_000_000;

/// A checked image and its place in the output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageFile {
    /// Output path relative to the site root, with `/` separators: `media/products/x/a.jpg`.
    pub url: String,
    pub width: u32,
    pub height: u32,
}

/// Every image of the catalogue, by source path.
#[derive(Debug, Default)]
pub struct ImageSet {
    by_source: BTreeMap<PathBuf, ImageFile>,
}

impl ImageSet {
    pub fn get(&self, asset: &Asset) -> Option<&ImageFile> {
        self.by_source.get(&asset.source)
    }

    /// (source, output path relative to the site root) for every image, in a stable order.
    pub fn copies(&self) -> impl Iterator<Item = (&Path, &str)> {
        self.by_source
            .iter()
            .map(|(source, file)| (source.as_path(), file.url.as_str()))
    }
}

/// Checks every photo and logo of the catalogue; unreadable ones become diagnostics.
pub fn prepare(catalogue: &Catalogue, diagnostics: &mut Diagnostics) -> ImageSet {
    let assets = all_assets(catalogue);
    let checked: Vec<(PathBuf, Result<ImageFile, Diagnostic>)> = assets
        .into_par_iter()
        .map(|asset| (asset.source.clone(), check(asset)))
        .collect();
    let mut set = ImageSet::default();
    for (source, result) in checked {
        match result {
            Ok(file) => {
                set.by_source.insert(source, file);
            }
            Err(problem) => diagnostics.push(problem),
        }
    }
    set
}

fn all_assets(catalogue: &Catalogue) -> Vec<&Asset> {
    let logos = catalogue.producers.iter().filter_map(|p| p.logo.as_ref());
    let photos = catalogue
        .products
        .iter()
        .flat_map(|p| p.photos.iter().map(|photo| &photo.asset));
    let mut assets: Vec<&Asset> = logos.chain(photos).collect();
    assets.sort_by(|a, b| a.source.cmp(&b.source));
    assets.dedup_by(|a, b| a.source == b.source);
    assets
}

fn check(asset: &Asset) -> Result<ImageFile, Diagnostic> {
    let (width, height) = probe(&asset.source)
        .map_err(|(message, hint)| Diagnostic::error(&asset.relative, message).with_hint(hint))?;
    Ok(ImageFile {
        url: output_url(&asset.relative),
        width,
        height,
    })
}

/// `content/products/x/a.jpg` -> `media/products/x/a.jpg`.
fn output_url(relative: &Path) -> String {
    let inside = relative.strip_prefix("content").unwrap_or(relative);
    let parts: Vec<String> = inside
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    format!("media/{}", parts.join("/"))
}

/// Reads only the header: the format must match the file name and the size must be sane.
fn probe(path: &Path) -> Result<(u32, u32), (String, String)> {
    let size = fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    if size > MAX_FILE_BYTES {
        return Err((
            format!(
                "is {} MB; photos may be at most 50 MB",
                size / (1024 * 1024)
            ),
            "export the photo again at a smaller size".into(),
        ));
    }
    let named = ImageFormat::from_path(path).ok().filter(is_supported);
    let Some(named) = named else {
        return Err((
            "is not a supported image type".into(),
            "use a JPEG (.jpg), PNG (.png), WebP (.webp) or GIF (.gif) file".into(),
        ));
    };
    let not_an_image = || {
        (
            format!("is not a valid {} image", format_name(named)),
            "the file may be damaged or saved under the wrong extension; export it again"
                .to_owned(),
        )
    };
    let reader = ImageReader::open(path)
        .and_then(ImageReader::with_guessed_format)
        .map_err(|_| not_an_image())?;
    if reader.format() != Some(named) {
        return Err(not_an_image());
    }
    let (width, height) = reader.into_dimensions().map_err(|_| not_an_image())?;
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err((
            format!("is {width}×{height} pixels; photos may have at most 60 megapixels"),
            "resize the photo before adding it".into(),
        ));
    }
    decodes_completely(path).map_err(|_| not_an_image())?;
    Ok((width, height))
}

/// A truncated or corrupt file often has a valid header; only decoding the pixels tells.
fn decodes_completely(path: &Path) -> image::ImageResult<()> {
    let mut reader = ImageReader::open(path)?.with_guessed_format()?;
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(20_000);
    limits.max_image_height = Some(20_000);
    reader.limits(limits);
    reader.decode().map(drop)
}

fn is_supported(format: &ImageFormat) -> bool {
    matches!(
        format,
        ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP | ImageFormat::Gif
    )
}

fn format_name(format: ImageFormat) -> &'static str {
    match format {
        ImageFormat::Jpeg => "JPEG",
        ImageFormat::Png => "PNG",
        ImageFormat::WebP => "WebP",
        _ => "GIF",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_url_drops_the_content_folder() {
        assert_eq!(
            output_url(Path::new("content/products/onde-onde/utama.jpg")),
            "media/products/onde-onde/utama.jpg"
        );
    }

    #[test]
    fn refuses_text_named_as_jpeg() {
        let dir = tempfile::tempdir().unwrap();
        let fake = dir.path().join("fake.jpg");
        fs::write(&fake, "hello, not a photo").unwrap();
        let (message, _) = probe(&fake).unwrap_err();
        assert_eq!(message, "is not a valid JPEG image");
    }

    #[test]
    fn refuses_a_truncated_png() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.png");
        image::RgbImage::from_fn(64, 64, |x, y| image::Rgb([x as u8 * 3, y as u8 * 3, 7]))
            .save(&path)
            .unwrap();
        let bytes = fs::read(&path).unwrap();
        fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
        assert_eq!(probe(&path).unwrap_err().0, "is not a valid PNG image");
    }

    #[test]
    fn reads_dimensions_of_a_real_png() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.png");
        image::RgbImage::new(7, 5).save(&path).unwrap();
        assert_eq!(probe(&path).unwrap(), (7, 5));
    }
}
