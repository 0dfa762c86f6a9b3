//! Encoders for the photo pipeline: lossy WebP through libwebp, progressive JPEG, PNG.
//!
//! Every encoder takes [`Pixels`] (packed 8-bit RGB or RGBA) and returns the encoded file in
//! memory. None of them writes metadata: no EXIF, XMP or ICC profile reaches the output, so a
//! producer's camera location or serial number never ends up on the published site.

use std::ffi::c_int;
use std::fmt;
use std::mem::MaybeUninit;

use image::codecs::png::{CompressionType, FilterType, PngEncoder};
use image::{ExtendedColorType, ImageEncoder};
use jpeg_encoder::{ChromaSubsamplingMethod, ColorType, SamplingFactor};
use libwebp_sys as sys;

/// libwebp's effort level, 0 (fast) to 6 (slowest, smallest). Measured on the benchmark's
/// 3000×2250 photos (whole pipeline, CPU time for 12 photos): method 4 2.29 s, method 2
/// 1.24 s, method 1 1.07 s; method 2's files are 6 % larger than method 4's and method 1's
/// 26 %. Method 2 halves the pipeline's cost, which the targets (900 photos in 90 s on two
/// cores, a tenth of Hugo's time) need; quality 70 instead of 72 wins the bytes back.
const WEBP_METHOD: c_int = 2;
/// Sharp RGB→YUV conversion keeps thin saturated lines (batik motifs: red on indigo) from
/// smearing into purple at 4:2:0, and per byte it is as good as or better than plain
/// conversion. It is off because it costs 30 % of the whole photo pipeline's CPU time
/// (measured on the 60-photo benchmark subset: 16.6 s → 11.7 s), which the 90-second target
/// for 900 photos on two cores cannot afford; the JPEG fallback smears the same way.
const WEBP_SHARP_YUV: bool = false;
/// WebP cannot store a side longer than this (a 14-bit field in the bitstream).
const WEBP_MAX_SIDE: u32 = 16_383;
/// JPEG stores each side in 16 bits.
const JPEG_MAX_SIDE: u32 = u16::MAX as u32;
/// PNG allows up to 2^31 - 1; this keeps the buffer size arithmetic far from overflow.
const PNG_MAX_SIDE: u32 = 1 << 20;

/// Packed 8-bit pixels, rows top to bottom, no padding.
#[derive(Debug, Clone, Copy)]
pub struct Pixels<'a> {
    pub data: &'a [u8],
    pub width: u32,
    pub height: u32,
    /// `true`: RGBA8, four bytes a pixel; `false`: RGB8, three bytes a pixel.
    pub alpha: bool,
}

impl Pixels<'_> {
    fn channels(&self) -> usize {
        if self.alpha {
            4
        } else {
            3
        }
    }

    /// Checks the dimensions against `max_side` and the buffer length against them, so no
    /// encoder (and no C code) ever reads past the end of `data`.
    fn check(&self, max_side: u32) -> Result<(), EncodeError> {
        let (w, h) = (self.width, self.height);
        if w == 0 || h == 0 || w > max_side || h > max_side {
            return Err(EncodeError(format!(
                "The image is {w}×{h} pixels; each side must be between 1 and {max_side}."
            )));
        }
        // Both sides fit in 20 bits, so the product cannot overflow a u64 (nor a 64-bit usize).
        let expected = u64::from(w) * u64::from(h) * self.channels() as u64;
        if self.data.len() as u64 != expected {
            let kind = if self.alpha { "RGBA" } else { "RGB" };
            return Err(EncodeError(format!(
                "A {w}×{h} {kind} image needs {expected} bytes of pixels, but {} were given.",
                self.data.len()
            )));
        }
        Ok(())
    }
}

/// Why an image could not be encoded, as a sentence for the build log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EncodeError(String);

impl fmt::Display for EncodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for EncodeError {}

/// Encodes lossy WebP at `quality` (0–100). RGBA input keeps its alpha as a separate,
/// losslessly compressed plane next to the lossy colour.
pub fn webp(pixels: &Pixels, quality: f32) -> Result<Vec<u8>, EncodeError> {
    webp_tuned(
        pixels,
        &WebpSettings {
            quality,
            method: WEBP_METHOD,
            sharp_yuv: WEBP_SHARP_YUV,
        },
    )
}

/// The knobs measured when choosing the defaults; kept apart so the tests can compare them.
#[derive(Debug, Clone, Copy)]
struct WebpSettings {
    quality: f32,
    method: c_int,
    sharp_yuv: bool,
}

fn webp_tuned(pixels: &Pixels, settings: &WebpSettings) -> Result<Vec<u8>, EncodeError> {
    pixels.check(WEBP_MAX_SIDE)?;
    if !(0.0..=100.0).contains(&settings.quality) {
        return Err(EncodeError(format!(
            "WebP quality must be between 0 and 100, not {}.",
            settings.quality
        )));
    }
    let config = webp_config(settings)?;
    let mut picture = Picture::new()?;
    // check() bounds both sides by 16383, so these casts are lossless.
    picture.0.width = pixels.width as c_int;
    picture.0.height = pixels.height as c_int;
    // Import into ARGB rather than straight into YUV: libwebp applies `use_sharp_yuv` only
    // when it converts an ARGB picture inside WebPEncode; a YUV import ignores the setting.
    picture.0.use_argb = 1;
    let stride = (pixels.width as usize * pixels.channels()) as c_int;
    // SAFETY: check() proved `data` holds exactly height rows of `stride` bytes; libwebp
    // reads only those and copies them into memory owned by the picture.
    let imported = unsafe {
        if pixels.alpha {
            sys::WebPPictureImportRGBA(&mut picture.0, pixels.data.as_ptr(), stride)
        } else {
            sys::WebPPictureImportRGB(&mut picture.0, pixels.data.as_ptr(), stride)
        }
    };
    if imported == 0 {
        return Err(EncodeError(
            "libwebp could not take in the pixels (out of memory).".to_string(),
        ));
    }
    let mut writer = MemoryWriter::new();
    picture.0.writer = Some(sys::WebPMemoryWrite);
    // `writer` stays in place (it is never moved) until WebPEncode has returned.
    picture.0.custom_ptr = (&mut writer.0 as *mut sys::WebPMemoryWriter).cast();
    // SAFETY: config was validated, the picture holds imported pixels, and its writer
    // callback and custom_ptr point to a live WebPMemoryWriter.
    let encoded = unsafe { sys::WebPEncode(&config, &mut picture.0) };
    if encoded == 0 {
        return Err(webp_error(picture.0.error_code));
    }
    Ok(writer.bytes())
}

/// Builds a validated encoder configuration; the default preset plus our settings.
fn webp_config(settings: &WebpSettings) -> Result<sys::WebPConfig, EncodeError> {
    let mut config = MaybeUninit::<sys::WebPConfig>::zeroed();
    // Call the versioned entry point with the *encoder* ABI version ourselves: the crate's
    // `WebPConfig::new()` passes the decoder's, which only works while both happen to match.
    // SAFETY: the pointer is to writable memory of the right type; libwebp fills every field.
    let ok = unsafe {
        sys::WebPConfigInitInternal(
            config.as_mut_ptr(),
            sys::WebPPreset::WEBP_PRESET_DEFAULT,
            settings.quality,
            sys::WEBP_ENCODER_ABI_VERSION as c_int,
        )
    };
    if ok == 0 {
        return Err(EncodeError(
            "The bundled libwebp refused its own encoder version.".to_string(),
        ));
    }
    // SAFETY: initialised by WebPConfigInitInternal just above (and zeroed before that).
    let mut config = unsafe { config.assume_init() };
    config.method = settings.method;
    config.use_sharp_yuv = c_int::from(settings.sharp_yuv);
    // SAFETY: reads a fully initialised config.
    if unsafe { sys::WebPValidateConfig(&config) } == 0 {
        return Err(EncodeError(format!(
            "libwebp rejected the settings (quality {}, method {}).",
            settings.quality, settings.method
        )));
    }
    Ok(config)
}

/// A WebPPicture that is always released, whichever way the encoder returns.
struct Picture(sys::WebPPicture);

impl Picture {
    fn new() -> Result<Self, EncodeError> {
        // All-zero is a valid, empty picture (null buffers, no callbacks), so dropping it is
        // safe even if initialisation fails.
        // SAFETY: every field of WebPPicture is an integer, pointer, Option<fn> or an enum
        // whose zero value is a declared variant.
        let mut picture = Picture(unsafe { std::mem::zeroed() });
        // SAFETY: the pointer is to a live picture.
        let ok = unsafe {
            sys::WebPPictureInitInternal(&mut picture.0, sys::WEBP_ENCODER_ABI_VERSION as c_int)
        };
        if ok == 0 {
            return Err(EncodeError(
                "The bundled libwebp refused its own encoder version.".to_string(),
            ));
        }
        Ok(picture)
    }
}

impl Drop for Picture {
    fn drop(&mut self) {
        // SAFETY: frees only what libwebp allocated for this picture; null buffers are skipped.
        unsafe { sys::WebPPictureFree(&mut self.0) }
    }
}

/// libwebp's growable output buffer, cleared on drop.
struct MemoryWriter(sys::WebPMemoryWriter);

impl MemoryWriter {
    fn new() -> Self {
        // SAFETY: zero is a valid empty writer; WebPMemoryWriterInit then sets it up.
        let mut writer = MemoryWriter(unsafe { std::mem::zeroed() });
        // SAFETY: the pointer is to a live writer.
        unsafe { sys::WebPMemoryWriterInit(&mut writer.0) };
        writer
    }

    /// Copies the written bytes into a Vec owned by Rust (the C buffer is freed on drop).
    fn bytes(&self) -> Vec<u8> {
        if self.0.mem.is_null() || self.0.size == 0 {
            return Vec::new();
        }
        // SAFETY: libwebp wrote `size` bytes at `mem` and nothing else touches them now.
        unsafe { std::slice::from_raw_parts(self.0.mem, self.0.size) }.to_vec()
    }
}

impl Drop for MemoryWriter {
    fn drop(&mut self) {
        // SAFETY: frees the buffer libwebp allocated (or nothing when it is null).
        unsafe { sys::WebPMemoryWriterClear(&mut self.0) }
    }
}

/// Turns libwebp's error code into a sentence.
fn webp_error(code: sys::WebPEncodingError) -> EncodeError {
    use sys::WebPEncodingError as E;
    let why = match code {
        E::VP8_ENC_ERROR_OUT_OF_MEMORY | E::VP8_ENC_ERROR_BITSTREAM_OUT_OF_MEMORY => {
            "it ran out of memory"
        }
        E::VP8_ENC_ERROR_INVALID_CONFIGURATION => "the settings are invalid",
        E::VP8_ENC_ERROR_BAD_DIMENSION => "the image size is not allowed",
        E::VP8_ENC_ERROR_PARTITION0_OVERFLOW | E::VP8_ENC_ERROR_PARTITION_OVERFLOW => {
            "the image is too detailed for one partition at this size"
        }
        E::VP8_ENC_ERROR_FILE_TOO_BIG => "the file would be larger than 4 GiB",
        E::VP8_ENC_ERROR_BAD_WRITE => "it could not write its output",
        E::VP8_ENC_ERROR_USER_ABORT => "it was cancelled",
        E::VP8_ENC_ERROR_NULL_PARAMETER | E::VP8_ENC_OK | E::VP8_ENC_ERROR_LAST => {
            "of an internal error"
        }
    };
    EncodeError(format!("libwebp could not encode the image because {why}."))
}

/// Encodes a progressive JPEG at `quality` (1–100) with 4:2:0 chroma and optimised Huffman
/// tables. RGBA input is composited onto white first, since JPEG has no transparency.
pub fn jpeg(pixels: &Pixels, quality: u8) -> Result<Vec<u8>, EncodeError> {
    pixels.check(JPEG_MAX_SIDE)?;
    if !(1..=100).contains(&quality) {
        return Err(EncodeError(format!(
            "JPEG quality must be between 1 and 100, not {quality}."
        )));
    }
    let flattened;
    let rgb = if pixels.alpha {
        flattened = flatten_on_white(pixels.data);
        &flattened[..]
    } else {
        pixels.data
    };
    let mut out = Vec::new();
    let mut encoder = jpeg_encoder::Encoder::new(&mut out, quality);
    encoder.set_progressive(true);
    encoder.set_sampling_factor(SamplingFactor::R_4_2_0);
    // The crate's default keeps only the top-left pixel of each 2×2 block, which turns fine
    // coloured lines jagged; averaging is what libjpeg does.
    encoder.set_chroma_subsampling_method(ChromaSubsamplingMethod::Average);
    encoder.set_optimized_huffman_tables(true);
    // check() bounds both sides by 65535, so these casts are lossless.
    encoder
        .encode(
            rgb,
            pixels.width as u16,
            pixels.height as u16,
            ColorType::Rgb,
        )
        .map_err(|e| EncodeError(format!("The JPEG encoder failed: {e}.")))?;
    Ok(out)
}

/// Composites RGBA pixels onto a white background and returns RGB. Trailing bytes that do not
/// make a whole pixel are dropped.
pub fn flatten_on_white(rgba: &[u8]) -> Vec<u8> {
    let mut rgb = Vec::with_capacity(rgba.len() / 4 * 3);
    for px in rgba.chunks_exact(4) {
        let alpha = u32::from(px[3]);
        for &channel in &px[..3] {
            // colour·α + white·(1−α), rounded to nearest, in 8-bit fixed point.
            let mixed = (u32::from(channel) * alpha + 255 * (255 - alpha) + 127) / 255;
            rgb.push(mixed as u8);
        }
    }
    rgb
}

/// Encodes a lossless PNG (RGB or RGBA as given) with the strongest compression available.
pub fn png(pixels: &Pixels) -> Result<Vec<u8>, EncodeError> {
    // The image crate panics on a buffer of the wrong length, so check first.
    pixels.check(PNG_MAX_SIDE)?;
    let color = if pixels.alpha {
        ExtendedColorType::Rgba8
    } else {
        ExtendedColorType::Rgb8
    };
    let mut out = Vec::new();
    PngEncoder::new_with_quality(&mut out, CompressionType::Best, FilterType::Adaptive)
        .write_image(pixels.data, pixels.width, pixels.height, color)
        .map_err(|e| EncodeError(format!("The PNG encoder failed: {e}.")))?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{GenericImageView, ImageFormat};

    /// A smooth RGB gradient, the easy case every lossy encoder should reproduce closely.
    fn gradient(width: u32, height: u32) -> Vec<u8> {
        let mut data = Vec::with_capacity((width * height * 3) as usize);
        for y in 0..height {
            for x in 0..width {
                data.push((x * 255 / (width - 1).max(1)) as u8);
                data.push((y * 255 / (height - 1).max(1)) as u8);
                data.push(((x + y) * 255 / (width + height)) as u8);
            }
        }
        data
    }

    /// Left half opaque red, right half fully transparent.
    fn half_transparent(width: u32, height: u32) -> Vec<u8> {
        let mut data = Vec::with_capacity((width * height * 4) as usize);
        for _ in 0..height {
            for x in 0..width {
                let opaque = x < width / 2;
                data.extend_from_slice(&[200, 30, 40, if opaque { 255 } else { 0 }]);
            }
        }
        data
    }

    fn mean_abs_error(a: &[u8], b: &[u8]) -> f64 {
        assert_eq!(a.len(), b.len());
        let sum: u64 = a.iter().zip(b).map(|(x, y)| x.abs_diff(*y) as u64).sum();
        sum as f64 / a.len() as f64
    }

    /// RIFF chunk ids of a WebP file, checking the container's lengths on the way.
    fn riff_chunks(bytes: &[u8]) -> Vec<([u8; 4], Vec<u8>)> {
        assert_eq!(&bytes[0..4], b"RIFF");
        assert_eq!(&bytes[8..12], b"WEBP");
        let riff_len = u32::from_le_bytes(bytes[4..8].try_into().unwrap()) as usize;
        assert_eq!(
            riff_len + 8,
            bytes.len(),
            "RIFF length covers the whole file"
        );
        let mut chunks = Vec::new();
        let mut at = 12;
        while at < bytes.len() {
            let id: [u8; 4] = bytes[at..at + 4].try_into().unwrap();
            let len = u32::from_le_bytes(bytes[at + 4..at + 8].try_into().unwrap()) as usize;
            let body = bytes[at + 8..at + 8 + len].to_vec();
            chunks.push((id, body));
            at += 8 + len + (len & 1);
        }
        assert_eq!(at, bytes.len(), "chunks end exactly at the end of the file");
        chunks
    }

    /// JPEG marker bytes up to the first scan (where entropy-coded data starts).
    fn jpeg_markers(bytes: &[u8]) -> Vec<u8> {
        assert_eq!(&bytes[0..2], &[0xFF, 0xD8], "starts with SOI");
        let mut markers = Vec::new();
        let mut at = 2;
        loop {
            assert_eq!(bytes[at], 0xFF, "marker at {at}");
            let marker = bytes[at + 1];
            markers.push(marker);
            let len = u16::from_be_bytes([bytes[at + 2], bytes[at + 3]]) as usize;
            if marker == 0xDA {
                return markers;
            }
            at += 2 + len;
        }
    }

    #[test]
    fn webp_of_a_gradient_decodes_close_to_the_input() {
        let (w, h) = (96, 64);
        let data = gradient(w, h);
        let bytes = webp(
            &Pixels {
                data: &data,
                width: w,
                height: h,
                alpha: false,
            },
            80.0,
        )
        .unwrap();
        assert_eq!(&bytes[0..4], b"RIFF");
        assert_eq!(&bytes[8..12], b"WEBP");
        let decoded = image::load_from_memory_with_format(&bytes, ImageFormat::WebP).unwrap();
        assert_eq!(decoded.dimensions(), (w, h));
        let mae = mean_abs_error(&data, decoded.to_rgb8().as_raw());
        assert!(mae < 3.0, "mean absolute error {mae}");
    }

    #[test]
    fn webp_keeps_alpha() {
        let (w, h) = (64, 32);
        let data = half_transparent(w, h);
        let bytes = webp(
            &Pixels {
                data: &data,
                width: w,
                height: h,
                alpha: true,
            },
            75.0,
        )
        .unwrap();
        let ids: Vec<_> = riff_chunks(&bytes).into_iter().map(|(id, _)| id).collect();
        assert!(ids.contains(b"ALPH"), "chunks {ids:?}");
        let decoded = image::load_from_memory_with_format(&bytes, ImageFormat::WebP)
            .unwrap()
            .to_rgba8();
        assert_eq!(decoded.dimensions(), (w, h));
        assert_eq!(decoded.get_pixel(5, 10)[3], 255, "opaque side stays opaque");
        assert_eq!(
            decoded.get_pixel(w - 5, 10)[3],
            0,
            "transparent side stays transparent"
        );
        let red = decoded.get_pixel(5, 10);
        assert!(
            red[0].abs_diff(200) < 12 && red[1].abs_diff(30) < 12,
            "colour {red:?}"
        );
    }

    #[test]
    fn webp_writes_no_metadata_chunks() {
        let rgb = gradient(40, 30);
        let rgba = half_transparent(40, 30);
        for pixels in [
            Pixels {
                data: &rgb,
                width: 40,
                height: 30,
                alpha: false,
            },
            Pixels {
                data: &rgba,
                width: 40,
                height: 30,
                alpha: true,
            },
        ] {
            let bytes = webp(&pixels, 80.0).unwrap();
            for (id, body) in riff_chunks(&bytes) {
                assert!(
                    [*b"VP8 ", *b"VP8X", *b"ALPH"].contains(&id),
                    "unexpected chunk {:?}",
                    String::from_utf8_lossy(&id)
                );
                if &id == b"VP8X" {
                    // Flag bits: 0x20 ICC profile, 0x08 EXIF, 0x04 XMP.
                    assert_eq!(body[0] & 0x2C, 0, "VP8X flags {:#04x}", body[0]);
                }
            }
        }
    }

    #[test]
    fn webp_settings_all_produce_valid_files() {
        let data = gradient(33, 17);
        let pixels = Pixels {
            data: &data,
            width: 33,
            height: 17,
            alpha: false,
        };
        for method in [4, 6] {
            for sharp_yuv in [false, true] {
                let settings = WebpSettings {
                    quality: 75.0,
                    method,
                    sharp_yuv,
                };
                let bytes = webp_tuned(&pixels, &settings).unwrap();
                let decoded = image::load_from_memory_with_format(&bytes, ImageFormat::WebP);
                assert_eq!(decoded.unwrap().dimensions(), (33, 17));
            }
        }
    }

    #[test]
    fn bad_input_is_an_error_not_a_panic() {
        let data = gradient(10, 10);
        let ok = Pixels {
            data: &data,
            width: 10,
            height: 10,
            alpha: false,
        };
        let cases = [
            Pixels { width: 0, ..ok },
            Pixels { height: 0, ..ok },
            Pixels { width: 11, ..ok },
            Pixels {
                data: &data[..299],
                ..ok
            },
            Pixels { height: 9, ..ok },
            Pixels { alpha: true, ..ok },
            Pixels {
                data: &[],
                width: 16_384,
                height: 1,
                alpha: false,
            },
        ];
        for pixels in &cases {
            assert!(
                webp(pixels, 80.0).is_err(),
                "webp {}×{}",
                pixels.width,
                pixels.height
            );
            assert!(
                jpeg(pixels, 80).is_err(),
                "jpeg {}×{}",
                pixels.width,
                pixels.height
            );
            assert!(
                png(pixels).is_err(),
                "png {}×{}",
                pixels.width,
                pixels.height
            );
        }
        let wide = vec![0u8; 16_384 * 3];
        let wide = Pixels {
            data: &wide,
            width: 16_384,
            height: 1,
            alpha: false,
        };
        assert!(webp(&wide, 80.0).is_err(), "WebP's 16383 limit");
        assert!(jpeg(&wide, 80).is_ok(), "JPEG allows 16384");
        assert!(webp(&ok, -1.0).is_err());
        assert!(webp(&ok, 100.5).is_err());
        assert!(webp(&ok, f32::NAN).is_err());
        assert!(jpeg(&ok, 0).is_err());
        assert!(jpeg(&ok, 101).is_err());
        let message = webp(&cases[0], 80.0).unwrap_err().to_string();
        assert!(message.contains("between 1 and 16383"), "{message}");
    }

    #[test]
    fn jpeg_is_progressive_without_app1_and_decodes() {
        let (w, h) = (70, 50);
        let data = gradient(w, h);
        let bytes = jpeg(
            &Pixels {
                data: &data,
                width: w,
                height: h,
                alpha: false,
            },
            82,
        )
        .unwrap();
        let markers = jpeg_markers(&bytes);
        assert!(
            markers.contains(&0xC2),
            "SOF2 (progressive) in {markers:x?}"
        );
        assert!(
            !markers.contains(&0xC0),
            "no SOF0 (baseline) in {markers:x?}"
        );
        assert!(
            !markers.contains(&0xE1),
            "no APP1 (EXIF/XMP) in {markers:x?}"
        );
        assert!(!markers.contains(&0xE2), "no APP2 (ICC) in {markers:x?}");
        let decoded = image::load_from_memory_with_format(&bytes, ImageFormat::Jpeg).unwrap();
        assert_eq!(decoded.dimensions(), (w, h));
        let mae = mean_abs_error(&data, decoded.to_rgb8().as_raw());
        assert!(mae < 4.0, "mean absolute error {mae}");
    }

    #[test]
    fn jpeg_uses_420_subsampling() {
        let data = gradient(32, 32);
        let bytes = jpeg(
            &Pixels {
                data: &data,
                width: 32,
                height: 32,
                alpha: false,
            },
            78,
        )
        .unwrap();
        let sof = bytes.windows(2).position(|m| m == [0xFF, 0xC2]).unwrap();
        // SOF: length(2) precision(1) height(2) width(2) count(1), then per component
        // id(1) sampling(1) table(1). Luma 2×2, both chroma 1×1 = 4:2:0.
        let components = &bytes[sof + 10..sof + 19];
        assert_eq!(
            [components[1], components[4], components[7]],
            [0x22, 0x11, 0x11]
        );
    }

    #[test]
    fn jpeg_flattens_rgba_onto_white() {
        let (w, h) = (32, 16);
        let data = half_transparent(w, h);
        let bytes = jpeg(
            &Pixels {
                data: &data,
                width: w,
                height: h,
                alpha: true,
            },
            90,
        )
        .unwrap();
        let decoded = image::load_from_memory_with_format(&bytes, ImageFormat::Jpeg)
            .unwrap()
            .to_rgb8();
        assert_eq!(decoded.dimensions(), (w, h));
        let white = decoded.get_pixel(w - 3, 8);
        assert!(
            white.0.iter().all(|&c| c > 245),
            "transparent became {white:?}"
        );
        let red = decoded.get_pixel(3, 8);
        assert!(red[0] > 170 && red[1] < 70, "opaque red became {red:?}");
    }

    #[test]
    fn flatten_on_white_mixes_by_alpha() {
        let rgba = [10, 20, 30, 255, 10, 20, 30, 0, 0, 0, 0, 128, 7];
        assert_eq!(
            flatten_on_white(&rgba),
            vec![10, 20, 30, 255, 255, 255, 127, 127, 127]
        );
    }

    #[test]
    fn png_round_trips_losslessly_with_alpha() {
        let (w, h) = (20, 12);
        let mut data = half_transparent(w, h);
        data[7] = 99; // one half-transparent pixel
        let bytes = png(&Pixels {
            data: &data,
            width: w,
            height: h,
            alpha: true,
        })
        .unwrap();
        assert_eq!(&bytes[0..8], b"\x89PNG\r\n\x1a\n");
        let decoded = image::load_from_memory_with_format(&bytes, ImageFormat::Png).unwrap();
        assert!(decoded.color().has_alpha());
        assert_eq!(decoded.to_rgba8().as_raw(), &data);

        let rgb = gradient(w, h);
        let bytes = png(&Pixels {
            data: &rgb,
            width: w,
            height: h,
            alpha: false,
        })
        .unwrap();
        let decoded = image::load_from_memory_with_format(&bytes, ImageFormat::Png).unwrap();
        assert_eq!(decoded.to_rgb8().as_raw(), &rgb);
    }
}

#[cfg(test)]
mod measure {
    //! Size and time of the encoder settings, for choosing the defaults. Run with
    //! `cargo test --release --lib images::encode::measure -- --ignored --nocapture`;
    //! ETALASE_MEASURE_PHOTOS=a.jpg:b.jpg adds photos of your own.
    use super::*;
    use image::imageops::FilterType as Resize;
    use std::time::Instant;

    /// 960×720 "photo": sky and ground gradients, shaded disc, saturated stripes, mild noise.
    fn synthetic() -> Vec<u8> {
        let (w, h) = (960u32, 720u32);
        let mut seed = 0x2545_F491_u32;
        let mut data = Vec::with_capacity((w * h * 3) as usize);
        for y in 0..h {
            for x in 0..w {
                let (fx, fy) = (x as f32 / w as f32, y as f32 / h as f32);
                let mut c = if fy < 0.55 {
                    [90.0 + 120.0 * fy, 140.0 + 90.0 * fy, 230.0 - 40.0 * fx]
                } else {
                    [120.0 + 60.0 * fx, 90.0 + 30.0 * fy, 50.0]
                };
                let (dx, dy) = (fx - 0.3, fy - 0.45);
                let r2 = dx * dx + dy * dy * 0.56;
                if r2 < 0.02 {
                    let shade = 1.0 - r2 / 0.02 * 0.6 + dx;
                    c = [200.0 * shade, 160.0 * shade, 60.0 * shade];
                }
                if (0.55..0.9).contains(&fx) && (0.6..0.9).contains(&fy) {
                    c = if (x / 6 + y / 6) % 2 == 0 {
                        [180.0, 20.0, 30.0]
                    } else {
                        [25.0, 30.0, 110.0]
                    };
                }
                seed ^= seed << 13;
                seed ^= seed >> 17;
                seed ^= seed << 5;
                let noise = (seed % 9) as f32 - 4.0;
                for v in c {
                    data.push((v + noise).clamp(0.0, 255.0) as u8);
                }
            }
        }
        data
    }

    /// A photo resized to 960 px wide, named by its folder and file.
    fn photo(path: &str) -> Option<(String, Vec<u8>, u32, u32)> {
        let Ok(img) = image::open(path) else {
            println!("skipped {path}: cannot open");
            return None;
        };
        let img = img.to_rgb8();
        let h = img.height() * 960 / img.width();
        let img = image::imageops::resize(&img, 960, h, Resize::Lanczos3);
        let file = std::path::Path::new(path);
        let name = |p: Option<&std::path::Path>| {
            p.and_then(|p| p.file_name())
                .map_or(String::new(), |n| n.to_string_lossy().into_owned())
        };
        let name = format!("{}/{}", name(file.parent()), name(Some(file)));
        Some((name, img.into_raw(), 960, h))
    }

    fn psnr(a: &[u8], b: &[u8]) -> f64 {
        let mse: f64 = a
            .iter()
            .zip(b)
            .map(|(x, y)| (*x as f64 - *y as f64).powi(2))
            .sum::<f64>()
            / a.len() as f64;
        10.0 * (255.0f64 * 255.0 / mse).log10()
    }

    /// Best of five runs, in milliseconds, and the output.
    fn timed(f: impl Fn() -> Vec<u8>) -> (f64, Vec<u8>) {
        let mut best = f64::MAX;
        let mut out = Vec::new();
        for _ in 0..5 {
            let start = Instant::now();
            out = f();
            best = best.min(start.elapsed().as_secs_f64() * 1000.0);
        }
        (best, out)
    }

    #[test]
    #[ignore]
    fn encoder_settings() {
        let mut images = vec![("synthetic".to_string(), synthetic(), 960, 720)];
        let extra = std::env::var("ETALASE_MEASURE_PHOTOS").unwrap_or_default();
        let paths = [
            "content/products/batik-tulis-surya-majapahit/utama.jpg",
            "content/products/batik-tulis-gringsing-sogan/utama.jpg",
        ];
        for path in paths
            .into_iter()
            .chain(extra.split(':').filter(|p| !p.is_empty()))
        {
            images.extend(photo(path));
        }
        for (name, data, width, height) in &images {
            let pixels = Pixels {
                data,
                width: *width,
                height: *height,
                alpha: false,
            };
            println!("{name} {width}×{height}");
            for quality in [72.0, 75.0, 80.0] {
                for method in [4, 5, 6] {
                    for sharp_yuv in [false, true] {
                        let s = WebpSettings {
                            quality,
                            method,
                            sharp_yuv,
                        };
                        let (ms, out) = timed(|| webp_tuned(&pixels, &s).unwrap());
                        let back = image::load_from_memory(&out).unwrap().to_rgb8();
                        println!(
                            "  webp q{quality} m{method} sharp={sharp_yuv:<5} {:>7} B {ms:>6.1} ms PSNR {:.2}",
                            out.len(),
                            psnr(data, back.as_raw())
                        );
                    }
                }
            }
            for quality in [78, 82] {
                let (ms, out) = timed(|| jpeg(&pixels, quality).unwrap());
                let back = image::load_from_memory(&out).unwrap().to_rgb8();
                println!(
                    "  jpeg q{quality} progressive     {:>7} B {ms:>6.1} ms PSNR {:.2}",
                    out.len(),
                    psnr(data, back.as_raw())
                );
            }
        }
    }
}
