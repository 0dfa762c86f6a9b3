//! One photo, start to finish: decode it upright (EXIF orientation applied), drop everything
//! but the pixels, resize to each target width without ever enlarging, and encode every size
//! as WebP plus a JPEG (or, with transparency, a PNG) fallback. Also the link-preview crop
//! and the placeholder colour.

use std::path::Path;

use fast_image_resize::images::Image;
use fast_image_resize::{FilterType, PixelType, ResizeAlg, ResizeOptions, Resizer};
use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits, RgbImage};
use moxcms::{
    ColorProfile, DataColorSpace, Layout, RenderingIntent, Transform8BitExecutor, TransformOptions,
};
use zune_core::bytestream::ZCursor;
use zune_core::colorspace::ColorSpace;
use zune_core::options::DecoderOptions;
use zune_jpeg::JpegDecoder;

use super::cache::{Manifest, VariantRecord};
use super::encode::{self, Pixels};
use super::probe::{Header, Refusal};
use super::Format;
use crate::messages as msg;

/// Encoder settings; part of the cache key, so changing them reprocesses every photo.
/// Quality 70 with libwebp's method 2 keeps every 960-px copy of the sample catalogue's busiest
/// batik under 90 KB with no visible loss (compared side by side at 2× zoom).
pub const WEBP_QUALITY: f32 = 70.0;
pub const JPEG_QUALITY: u8 = 80;
/// Link previews (OpenGraph) are 1200×630, the size WhatsApp and Facebook show best.
pub const SHARE_SIZE: (u32, u32) = (1200, 630);

/// What to make of one photo.
#[derive(Debug, Clone)]
pub struct Plan<'a> {
    pub widths: &'a [u32],
    /// Whether a link-preview crop is wanted (product covers).
    pub share: bool,
}

/// A processed photo: its record for the cache and the encoded files by name.
pub struct Processed {
    pub manifest: Manifest,
    pub files: Vec<(String, Vec<u8>)>,
}

/// Decodes, resizes and encodes one photo.
pub fn process(path: &Path, header: &Header, plan: &Plan) -> Result<Processed, Refusal> {
    let upright = decode_upright(path, header)?;
    let (width, height) = (upright.width(), upright.height());
    let alpha = has_transparency(&upright);
    let mut previous = into_pixels(upright, alpha)?;
    let mut files = Vec::new();
    let mut variants = Vec::new();
    let mut share = None;
    for target in target_widths(width, plan.widths).into_iter().rev() {
        let resized = resize_to_width(&previous, target)?;
        encode_variant(&resized, alpha, &mut variants, &mut files)?;
        // The preview is cut from the largest copy rather than the full photo: the same
        // picture for a fraction of the resizing work.
        if plan.share && share.is_none() {
            share = Some(encode_share(&resized, alpha, &mut files)?);
        }
        previous = resized;
    }
    variants.sort_by_key(|v| (v.width, v.format));
    let manifest = Manifest {
        width,
        height,
        alpha,
        colour: average_colour(&previous, alpha),
        variants,
        share,
    };
    Ok(Processed { manifest, files })
}

/// Decodes the whole photo once, to find damage a header check cannot see.
pub fn decode_check(path: &Path, header: &Header) -> Result<(), Refusal> {
    decode_upright(path, header).map(drop)
}

/// Decodes with memory limits and turns the image upright; metadata is not carried over.
fn decode_upright(path: &Path, header: &Header) -> Result<DynamicImage, Refusal> {
    if header.format == ImageFormat::Jpeg {
        return decode_jpeg_upright(path, header);
    }
    let invalid = || Refusal::not_valid(header.format);
    let mut reader = ImageReader::open(path)
        .and_then(ImageReader::with_guessed_format)
        .map_err(|_| invalid())?;
    let mut limits = Limits::default();
    limits.max_image_width = Some(header.width);
    limits.max_image_height = Some(header.height);
    limits.max_alloc = Some(u64::from(header.width) * u64::from(header.height) * 16 + (64 << 20));
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(|_| invalid())?;
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let icc = decoder.icc_profile().ok().flatten();
    let mut image = DynamicImage::from_decoder(decoder).map_err(|_| invalid())?;
    to_srgb(&mut image, icc.as_deref());
    image.apply_orientation(orientation);
    Ok(image)
}

/// JPEGs are decoded strictly: a lenient decoder paints the missing part of a truncated file
/// grey and carries on, and the damaged photo would be published.
fn decode_jpeg_upright(path: &Path, header: &Header) -> Result<DynamicImage, Refusal> {
    let invalid = || Refusal::not_valid(ImageFormat::Jpeg);
    let data = std::fs::read(path).map_err(|_| invalid())?;
    let options = DecoderOptions::default()
        .set_strict_mode(true)
        .set_max_width(header.width as usize)
        .set_max_height(header.height as usize)
        .jpeg_set_out_colorspace(ColorSpace::RGB);
    let mut decoder = JpegDecoder::new_with_options(ZCursor::new(&data), options);
    let pixels = decoder.decode().map_err(|_| invalid())?;
    let (width, height) = decoder.dimensions().ok_or_else(invalid)?;
    let icc = decoder.icc_profile();
    let orientation = decoder
        .exif()
        .and_then(|exif| Orientation::from_exif_chunk(exif))
        .unwrap_or(Orientation::NoTransforms);
    let rgb = RgbImage::from_raw(width as u32, height as u32, pixels).ok_or_else(invalid)?;
    let mut image = DynamicImage::ImageRgb8(rgb);
    to_srgb(&mut image, icc.as_deref());
    image.apply_orientation(orientation);
    Ok(image)
}

/// Converts pixels described by an embedded colour profile (Display P3 from phones, Adobe RGB
/// from cameras) to sRGB, which is what browsers assume for untagged images: the output drops
/// the profile with the rest of the metadata, so keeping the numbers would shift the colours.
/// Profiles that cannot be read or are not RGB leave the pixels as they are.
fn to_srgb(image: &mut DynamicImage, icc: Option<&[u8]>) {
    let Some(profile) = icc
        .and_then(|bytes| ColorProfile::new_from_slice(bytes).ok())
        .filter(|profile| profile.color_space == DataColorSpace::Rgb)
    else {
        return;
    };
    let (data, layout, channels) = match image {
        DynamicImage::ImageRgb8(rgb) => (&mut **rgb, Layout::Rgb, 3),
        DynamicImage::ImageRgba8(rgba) => (&mut **rgba, Layout::Rgba, 4),
        _ => {
            *image = DynamicImage::ImageRgba8(image.to_rgba8());
            return to_srgb(image, icc);
        }
    };
    let options = TransformOptions {
        rendering_intent: RenderingIntent::Perceptual,
        ..TransformOptions::default()
    };
    let srgb = ColorProfile::new_srgb();
    if let Ok(transform) = profile.create_transform_8bit(layout, &srgb, layout, options) {
        transform_in_place(&*transform, data, channels);
    }
}

/// Runs `transform` over `pixels` a slice at a time, through a small copy of each slice: the
/// transform reads and writes separate buffers, and a copy of a whole 60-megapixel photo
/// would double its memory.
fn transform_in_place(transform: &Transform8BitExecutor, pixels: &mut [u8], channels: usize) {
    let mut source = vec![0; channels * 4096];
    for chunk in pixels.chunks_mut(source.len()) {
        let source = &mut source[..chunk.len()];
        source.copy_from_slice(chunk);
        // Only a length that is not whole pixels fails, and every chunk is whole pixels.
        if transform.transform(source, chunk).is_err() {
            return;
        }
    }
}

/// Widths to produce, ascending: the configured ones the photo is wide enough for, plus the
/// photo's own width when it is narrower than the largest configured width.
pub fn target_widths(source_width: u32, widths: &[u32]) -> Vec<u32> {
    let mut targets: Vec<u32> = widths
        .iter()
        .copied()
        .filter(|w| *w <= source_width)
        .collect();
    if widths.iter().any(|w| *w > source_width) {
        targets.push(source_width);
    }
    targets.sort_unstable();
    targets.dedup();
    targets
}

fn has_transparency(image: &DynamicImage) -> bool {
    image.color().has_alpha() && image.to_rgba8().pixels().any(|p| p.0[3] < 255)
}

/// The decoded pixels as 8-bit RGB (or RGBA), without copying when they already are.
fn into_pixels(image: DynamicImage, alpha: bool) -> Result<Image<'static>, Refusal> {
    let (width, height) = (image.width(), image.height());
    let (bytes, kind) = match (image, alpha) {
        (DynamicImage::ImageRgb8(rgb), false) => (rgb.into_raw(), PixelType::U8x3),
        (DynamicImage::ImageRgba8(rgba), true) => (rgba.into_raw(), PixelType::U8x4),
        (other, true) => (other.to_rgba8().into_raw(), PixelType::U8x4),
        (other, false) => (other.to_rgb8().into_raw(), PixelType::U8x3),
    };
    pixel_image(width, height, bytes, kind)
}

fn pixel_image(
    width: u32,
    height: u32,
    bytes: Vec<u8>,
    kind: PixelType,
) -> Result<Image<'static>, Refusal> {
    Image::from_vec_u8(width, height, bytes, kind).map_err(|e| {
        Refusal::new(
            msg::IMAGE_NOT_DECODED.arg("detail", e),
            &msg::EXPORT_AGAIN_HINT,
        )
    })
}

/// Crops and encodes the link preview (always opaque: previews have no transparency).
fn encode_share(
    source: &Image,
    alpha: bool,
    files: &mut Vec<(String, Vec<u8>)>,
) -> Result<VariantRecord, Refusal> {
    let opaque;
    let source = if alpha {
        let rgb = encode::flatten_on_white(source.buffer());
        opaque = pixel_image(source.width(), source.height(), rgb, PixelType::U8x3)?;
        &opaque
    } else {
        source
    };
    let crop = share_crop(source)?;
    let bytes = encode::jpeg(&pixels_of(&crop, false), JPEG_QUALITY).map_err(encode_refusal)?;
    files.push(("share.jpg".to_owned(), bytes));
    Ok(VariantRecord {
        width: crop.width(),
        height: crop.height(),
        format: Format::Jpeg,
        file: "share.jpg".into(),
    })
}

fn pixels_of<'a>(image: &'a Image, alpha: bool) -> Pixels<'a> {
    Pixels {
        data: image.buffer(),
        width: image.width(),
        height: image.height(),
        alpha,
    }
}

fn options() -> ResizeOptions {
    ResizeOptions::new().resize_alg(ResizeAlg::Convolution(FilterType::Lanczos3))
}

/// Resizes to `width`, keeping the aspect ratio; the same width returns a copy.
fn resize_to_width(source: &Image, width: u32) -> Result<Image<'static>, Refusal> {
    let height = ((u64::from(source.height()) * u64::from(width) + u64::from(source.width()) / 2)
        / u64::from(source.width()))
    .max(1) as u32;
    let mut target = Image::new(width, height, source.pixel_type());
    Resizer::new()
        .resize(source, &mut target, &options())
        .map_err(|e| {
            Refusal::new(
                msg::IMAGE_NOT_RESIZED.arg("detail", e),
                &msg::EXPORT_AGAIN_HINT,
            )
        })?;
    Ok(target)
}

fn encode_variant(
    image: &Image,
    alpha: bool,
    variants: &mut Vec<VariantRecord>,
    files: &mut Vec<(String, Vec<u8>)>,
) -> Result<(), Refusal> {
    let pixels = pixels_of(image, alpha);
    let width = image.width();
    let webp = encode::webp(&pixels, WEBP_QUALITY).map_err(encode_refusal)?;
    let (fallback_format, fallback) = if alpha {
        (Format::Png, encode::png(&pixels).map_err(encode_refusal)?)
    } else {
        (
            Format::Jpeg,
            encode::jpeg(&pixels, JPEG_QUALITY).map_err(encode_refusal)?,
        )
    };
    for (format, bytes) in [(Format::Webp, webp), (fallback_format, fallback)] {
        let file = format!("{width}.{}", format.extension());
        variants.push(VariantRecord {
            width,
            height: image.height(),
            format,
            file: file.clone(),
        });
        files.push((file, bytes));
    }
    Ok(())
}

/// The centre of the photo at the link-preview aspect ratio, at most 1200×630.
fn share_crop(full: &Image) -> Result<Image<'static>, Refusal> {
    let (target_w, target_h) = SHARE_SIZE;
    let scale = f64::min(
        1.0,
        f64::max(
            f64::from(target_w) / f64::from(full.width()),
            f64::from(target_h) / f64::from(full.height()),
        ),
    );
    // Never enlarge: a small photo gets a smaller crop of the same shape.
    let width = ((f64::from(full.width()) * scale).round() as u32).clamp(1, target_w);
    let height = ((f64::from(width) * f64::from(target_h) / f64::from(target_w)).round() as u32)
        .clamp(1, target_h.min(full.height().max(1)));
    let mut target = Image::new(width, height, full.pixel_type());
    Resizer::new()
        .resize(
            full,
            &mut target,
            &options().fit_into_destination(Some((0.5, 0.5))),
        )
        .map_err(|e| {
            Refusal::new(
                msg::IMAGE_NOT_CROPPED.arg("detail", e),
                &msg::EXPORT_AGAIN_HINT,
            )
        })?;
    Ok(target)
}

/// The mean colour as `#rrggbb`, shown while the photo loads.
fn average_colour(image: &Image, alpha: bool) -> String {
    let channels = if alpha { 4 } else { 3 };
    let mut sums = [0u64; 3];
    let mut count = 0u64;
    for pixel in image.buffer().chunks_exact(channels) {
        if alpha && pixel[3] < 128 {
            continue;
        }
        for (sum, value) in sums.iter_mut().zip(pixel) {
            *sum += u64::from(*value);
        }
        count += 1;
    }
    let [r, g, b] = sums.map(|sum| sum.checked_div(count).unwrap_or(255));
    format!("#{r:02x}{g:02x}{b:02x}")
}

fn encode_refusal(error: encode::EncodeError) -> Refusal {
    Refusal::new(
        msg::IMAGE_NOT_ENCODED.arg("detail", error),
        &msg::EXPORT_AGAIN_JPEG_PNG_HINT,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A minimal ICC v2 RGB profile with sRGB's red and green primaries swapped, so its "red"
    /// is sRGB's green: converting must move the colour.
    fn swapped_primaries_profile() -> Vec<u8> {
        let fixed = |v: f64| ((v * 65536.0).round() as i32).to_be_bytes();
        let xyz = |x: f64, y: f64, z: f64| {
            let mut tag = b"XYZ \0\0\0\0".to_vec();
            for v in [x, y, z] {
                tag.extend_from_slice(&fixed(v));
            }
            tag
        };
        let mut curve = b"curv\0\0\0\0\0\0\0\x01\x02\x33".to_vec();
        curve.extend_from_slice(&[0, 0]);
        let tags: Vec<(&[u8; 4], Vec<u8>)> = vec![
            (b"rXYZ", xyz(0.3851, 0.7169, 0.0971)),
            (b"gXYZ", xyz(0.4361, 0.2225, 0.0139)),
            (b"bXYZ", xyz(0.1431, 0.0606, 0.7141)),
            (b"wtpt", xyz(0.9642, 1.0, 0.8249)),
            (b"rTRC", curve.clone()),
            (b"gTRC", curve.clone()),
            (b"bTRC", curve),
        ];
        let mut table = (tags.len() as u32).to_be_bytes().to_vec();
        let mut data = Vec::new();
        let mut offset = 128 + 4 + 12 * tags.len();
        for (signature, tag) in &tags {
            table.extend_from_slice(*signature);
            table.extend_from_slice(&(offset as u32).to_be_bytes());
            table.extend_from_slice(&(tag.len() as u32).to_be_bytes());
            data.extend_from_slice(tag);
            offset += tag.len();
        }
        let size = 128 + table.len() + data.len();
        let mut header = vec![0u8; 128];
        header[0..4].copy_from_slice(&(size as u32).to_be_bytes());
        header[8..12].copy_from_slice(&[2, 0x10, 0, 0]);
        header[12..16].copy_from_slice(b"mntr");
        header[16..20].copy_from_slice(b"RGB ");
        header[20..24].copy_from_slice(b"XYZ ");
        header[36..40].copy_from_slice(b"acsp");
        header[68..72].copy_from_slice(&fixed(0.9642));
        header[72..76].copy_from_slice(&fixed(1.0));
        header[76..80].copy_from_slice(&fixed(0.8249));
        [header, table, data].concat()
    }

    #[test]
    fn colours_are_converted_from_the_embedded_profile_to_srgb() {
        let mut image =
            DynamicImage::ImageRgb8(RgbImage::from_pixel(4, 4, image::Rgb([255, 0, 0])));
        to_srgb(&mut image, Some(&swapped_primaries_profile()));
        let pixel = image.to_rgb8().get_pixel(1, 1).0;
        assert!(
            pixel[1] > 200 && pixel[0] < 60,
            "the profile's red is sRGB green, got {pixel:?}"
        );
        let mut untouched =
            DynamicImage::ImageRgb8(RgbImage::from_pixel(2, 2, image::Rgb([255, 0, 0])));
        to_srgb(&mut untouched, Some(b"not a profile"));
        assert_eq!(untouched.to_rgb8().get_pixel(0, 0).0, [255, 0, 0]);
    }

    #[test]
    fn never_targets_a_width_wider_than_the_photo() {
        assert_eq!(target_widths(3000, &[480, 960, 1600]), [480, 960, 1600]);
        assert_eq!(target_widths(1200, &[480, 960, 1600]), [480, 960, 1200]);
        assert_eq!(target_widths(300, &[480, 960, 1600]), [300]);
        assert_eq!(target_widths(960, &[480, 960, 1600]), [480, 960]);
    }
}
