//! Checks a photo before any pixel is decoded: file size, that its content is the format its
//! name says, and that its declared dimensions are within the pixel limit. A decompression
//! bomb is refused here, having cost a header read.

use std::fs;
use std::path::Path;

use image::{ImageFormat, ImageReader};

use crate::messages::{self as msg, Message};

/// Files larger than this are refused before anything is decoded.
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;

/// Why a photo cannot be used: a message and a hint for the editor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub message: Message,
    pub hint: Message,
}

impl Refusal {
    pub fn new(message: impl Into<Message>, hint: impl Into<Message>) -> Self {
        Refusal {
            message: message.into(),
            hint: hint.into(),
        }
    }

    /// The file's content is not a valid image of its named format.
    pub fn not_valid(format: ImageFormat) -> Self {
        Refusal::new(
            msg::IMAGE_NOT_VALID.arg("format", format_name(format)),
            &msg::IMAGE_NOT_VALID_HINT,
        )
    }
}

/// What the header says about a photo that passed the checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Header {
    pub format: ImageFormat,
    pub width: u32,
    pub height: u32,
}

/// Reads only the header and refuses what must not be decoded.
pub fn check(path: &Path, max_pixels: u64) -> Result<Header, Refusal> {
    let size = fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    if size > MAX_FILE_BYTES {
        return Err(Refusal::new(
            msg::IMAGE_FILE_TOO_BIG.arg("size", size / (1024 * 1024)),
            &msg::IMAGE_FILE_TOO_BIG_HINT,
        ));
    }
    let Some(named) = ImageFormat::from_path(path).ok().filter(is_supported) else {
        return Err(Refusal::new(
            &msg::IMAGE_TYPE_UNSUPPORTED,
            &msg::IMAGE_TYPE_HINT,
        ));
    };
    let reader = ImageReader::open(path)
        .and_then(ImageReader::with_guessed_format)
        .map_err(|_| Refusal::not_valid(named))?;
    if reader.format() != Some(named) {
        return Err(Refusal::not_valid(named));
    }
    let (width, height) = reader
        .into_dimensions()
        .map_err(|_| Refusal::not_valid(named))?;
    if u64::from(width) * u64::from(height) > max_pixels {
        let limit = max_pixels / 1_000_000;
        return Err(Refusal::new(
            msg::IMAGE_TOO_MANY_PIXELS
                .arg("width", width)
                .arg("height", height)
                .arg("limit", limit),
            &msg::IMAGE_TOO_MANY_PIXELS_HINT,
        ));
    }
    Ok(Header {
        format: named,
        width,
        height,
    })
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
    fn refuses_text_named_as_jpeg() {
        let dir = tempfile::tempdir().unwrap();
        let fake = dir.path().join("fake.jpg");
        fs::write(&fake, "hello, not a photo").unwrap();
        assert_eq!(
            check(&fake, 60_000_000)
                .unwrap_err()
                .message
                .render(msg::Lang::En),
            "is not a valid JPEG image"
        );
    }

    #[test]
    fn reads_dimensions_of_a_real_png() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.png");
        image::RgbImage::new(7, 5).save(&path).unwrap();
        let header = check(&path, 60_000_000).unwrap();
        assert_eq!((header.width, header.height), (7, 5));
    }

    #[test]
    fn refuses_more_pixels_than_the_limit_from_the_header() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.png");
        image::RgbImage::new(100, 100).save(&path).unwrap();
        let refusal = check(&path, 9_999).unwrap_err();
        assert_eq!(
            refusal.message.render(msg::Lang::En),
            "is 100×100 pixels; photos may have at most 0 megapixels"
        );
    }
}
