//! Checks a photo before any pixel is decoded: file size, that its content is the format its
//! name says, and that its declared dimensions are within the pixel limit. A decompression
//! bomb is refused here, having cost a header read.

use std::fs;
use std::path::Path;

use image::{ImageFormat, ImageReader};

use crate::config::ImageSettings;
use crate::messages::{self as msg, Message};

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

/// Refuses a file larger than the limit, from its size on disk, before anything reads it.
pub fn check_file_size(path: &Path, settings: &ImageSettings) -> Result<(), Refusal> {
    const MB: u64 = 1024 * 1024;
    let size = fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    if size > settings.max_file_bytes {
        return Err(Refusal::new(
            msg::IMAGE_FILE_TOO_BIG
                .arg("size", size.div_ceil(MB))
                .arg("limit", settings.max_file_bytes / MB),
            &msg::IMAGE_FILE_TOO_BIG_HINT,
        ));
    }
    Ok(())
}

/// Refuses a photo of more pixels than the limit.
pub fn check_pixels(width: u32, height: u32, settings: &ImageSettings) -> Result<(), Refusal> {
    if u64::from(width) * u64::from(height) > settings.max_pixels {
        return Err(Refusal::new(
            msg::IMAGE_TOO_MANY_PIXELS
                .arg("width", width)
                .arg("height", height)
                .arg("limit", settings.max_pixels / 1_000_000),
            &msg::IMAGE_TOO_MANY_PIXELS_HINT,
        ));
    }
    Ok(())
}

/// Reads only the header and refuses what must not be decoded.
pub fn check(path: &Path, settings: &ImageSettings) -> Result<Header, Refusal> {
    check_file_size(path, settings)?;
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
    check_pixels(width, height, settings)?;
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
            check(&fake, &ImageSettings::default())
                .unwrap_err()
                .message
                .render(msg::Lang::En),
            "is not a valid JPEG image"
        );
    }

    #[test]
    fn refuses_a_file_over_the_size_limit_from_its_size_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.jpg");
        let file = fs::File::create(&path).unwrap();
        file.set_len(3 * 1024 * 1024 + 1).unwrap();
        let settings = ImageSettings {
            max_file_bytes: 3 * 1024 * 1024,
            ..ImageSettings::default()
        };
        let refusal = check(&path, &settings).unwrap_err();
        assert_eq!(
            refusal.message.render(msg::Lang::En),
            "is 4 MB; photo files may be at most 3 MB"
        );
    }

    #[test]
    fn reads_dimensions_of_a_real_png() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.png");
        image::RgbImage::new(7, 5).save(&path).unwrap();
        let header = check(&path, &ImageSettings::default()).unwrap();
        assert_eq!((header.width, header.height), (7, 5));
    }

    #[test]
    fn refuses_more_pixels_than_the_limit_from_the_header() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.png");
        image::RgbImage::new(100, 100).save(&path).unwrap();
        let settings = ImageSettings {
            max_pixels: 9_999,
            ..ImageSettings::default()
        };
        let refusal = check(&path, &settings).unwrap_err();
        assert_eq!(
            refusal.message.render(msg::Lang::En),
            "is 100×100 pixels; photos may have at most 0 megapixels"
        );
    }
}
