//! The photo pipeline as readers and editors see it: upright photos without metadata, never
//! enlarged, transparency kept, bombs and damaged files refused with a clear error, responsive
//! `<picture>` markup that matches the files, and rebuilds that take everything from the cache.

use std::collections::BTreeSet;
use std::time::{Duration, Instant, SystemTime};

use crate::common::*;
use image::{DynamicImage, GenericImageView, Rgb, RgbImage, Rgba, RgbaImage};

const BATIK: &str = "content/products/batik-tulis-surya/product.yaml";
const BATIK_DIR: &str = "content/products/batik-tulis-surya";
const SECRET: &str = "GPS-SECRET-RUMAH-PEMILIK";

/// The photo list of the basic fixture's batik product, replaced in each test.
const PHOTO_LIST: &str = "photos:\n  - file: utama.png\n    alt: { id: \"Kain batik motif surya\", en: \"Batik cloth with a sun motif\" }\n";

/// The basic fixture with the batik product's photos replaced by `files` (name, bytes).
fn with_photos(files: &[(String, Vec<u8>)]) -> Catalogue {
    let catalogue = Catalogue::copy("basic");
    let mut list = String::from("photos:\n");
    for (name, bytes) in files {
        catalogue.write(&format!("{BATIK_DIR}/{name}"), bytes);
        list.push_str(&format!(
            "  - file: {name}\n    alt: {{ id: \"Foto {name}\", en: \"Photo {name}\" }}\n"
        ));
    }
    catalogue.replace(BATIK, PHOTO_LIST, &list);
    catalogue
}

/// An upright test picture: four coloured quadrants, so any rotation or flip shows.
fn quadrants(width: u32, height: u32) -> RgbImage {
    RgbImage::from_fn(width, height, |x, y| {
        match (x < width / 2, y < height / 2) {
            (true, true) => Rgb([220, 20, 20]),
            (false, true) => Rgb([20, 200, 20]),
            (true, false) => Rgb([20, 20, 220]),
            (false, false) => Rgb([250, 250, 250]),
        }
    })
}

/// What a camera would store for a photo that must be shown as `upright` with EXIF `orientation`.
fn stored_for(upright: &RgbImage, orientation: u8) -> RgbImage {
    let image = DynamicImage::ImageRgb8(upright.clone());
    // The inverse of each EXIF transformation (6 and 8 undo each other; the rest undo themselves).
    let stored = match orientation {
        2 => image.fliph(),
        3 => image.rotate180(),
        4 => image.flipv(),
        5 => DynamicImage::ImageRgb8(image::imageops::rotate90(&image.to_rgb8())).fliph(),
        6 => image.rotate270(),
        7 => DynamicImage::ImageRgb8(image::imageops::rotate270(&image.to_rgb8())).fliph(),
        8 => image.rotate90(),
        _ => image,
    };
    stored.to_rgb8()
}

/// A JPEG with an EXIF block holding `orientation` and a camera text that must never reach the site.
fn jpeg_with_exif(image: &RgbImage, orientation: u8) -> Vec<u8> {
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 95)
        .encode_image(image)
        .unwrap();
    let mut tiff: Vec<u8> = b"MM\0\x2a\0\0\0\x08".to_vec();
    let text = format!("{SECRET}\0");
    tiff.extend_from_slice(&2u16.to_be_bytes());
    tiff.extend_from_slice(&[0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0]);
    tiff.extend_from_slice(&[0x01, 0x0f, 0, 2]);
    tiff.extend_from_slice(&(text.len() as u32).to_be_bytes());
    tiff.extend_from_slice(&38u32.to_be_bytes());
    tiff.extend_from_slice(&0u32.to_be_bytes());
    tiff.extend_from_slice(text.as_bytes());
    let mut segment = vec![0xff, 0xe1];
    segment.extend_from_slice(&((2 + 6 + tiff.len()) as u16).to_be_bytes());
    segment.extend_from_slice(b"Exif\0\0");
    segment.extend_from_slice(&tiff);
    let mut with_exif = jpeg[..2].to_vec();
    with_exif.extend_from_slice(&segment);
    with_exif.extend_from_slice(&jpeg[2..]);
    with_exif
}

fn jpeg_bytes(image: &RgbImage) -> Vec<u8> {
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 90)
        .encode_image(image)
        .unwrap();
    jpeg
}

/// The product page's gallery images, in order, with the site file of each fallback `src`.
fn gallery(site: &Site) -> Vec<(String, String)> {
    let page = "id/products/batik-tulis-surya/index.html";
    let doc = site.html(page);
    select(&doc, ".product-gallery img")
        .into_iter()
        .map(|img| {
            (
                attr(img, "alt").to_owned(),
                resolve_link(page, attr(img, "src")).unwrap(),
            )
        })
        .collect()
}

fn assert_colour_near(actual: Rgb<u8>, expected: [u8; 3], what: &str) {
    let close = actual
        .0
        .iter()
        .zip(expected)
        .all(|(a, e)| a.abs_diff(e) < 40);
    assert!(close, "{what}: {actual:?} is not close to {expected:?}");
}

#[test]
fn all_eight_orientations_come_out_upright_and_without_metadata() {
    let upright = quadrants(64, 32);
    let files: Vec<(String, Vec<u8>)> = (1..=8)
        .map(|o| {
            (
                format!("o{o}.jpg"),
                jpeg_with_exif(&stored_for(&upright, o), o),
            )
        })
        .collect();
    let site = with_photos(&files).build();
    let gallery = gallery(&site);
    assert_eq!(gallery.len(), 8);
    for (alt, file) in gallery {
        let decoded = image::open(site.file(&file)).unwrap().to_rgb8();
        assert_eq!(decoded.dimensions(), (64, 32), "{alt}: {file}");
        assert_colour_near(
            *decoded.get_pixel(16, 8),
            [220, 20, 20],
            &format!("{alt} top left"),
        );
        assert_colour_near(
            *decoded.get_pixel(48, 8),
            [20, 200, 20],
            &format!("{alt} top right"),
        );
        assert_colour_near(
            *decoded.get_pixel(16, 24),
            [20, 20, 220],
            &format!("{alt} bottom left"),
        );
        assert_colour_near(
            *decoded.get_pixel(48, 24),
            [250, 250, 250],
            &format!("{alt} bottom right"),
        );
    }
    for file in site.files().iter().filter(|f| f.starts_with("media/")) {
        let bytes = site.bytes(file);
        let contains = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
        assert!(!contains(b"Exif"), "{file} carries an EXIF block");
        assert!(
            !contains(SECRET.as_bytes()),
            "{file} carries the camera's text"
        );
    }
}

#[test]
fn photos_are_never_enlarged() {
    let site = with_photos(&[
        ("kecil.jpg".into(), jpeg_bytes(&quadrants(300, 200))),
        ("sedang.jpg".into(), jpeg_bytes(&quadrants(1000, 750))),
    ])
    .build();
    let page = "id/products/batik-tulis-surya/index.html";
    let doc = site.html(page);
    let widths_of = |srcset: &str| -> Vec<u32> {
        srcset
            .split(", ")
            .map(|c| {
                c.rsplit_once(' ')
                    .unwrap()
                    .1
                    .trim_end_matches('w')
                    .parse()
                    .unwrap()
            })
            .collect()
    };
    let pictures = select(&doc, ".product-gallery picture");
    let webp: Vec<Vec<u32>> = pictures
        .iter()
        .map(|p| widths_of(attr(one_in(*p, "source"), "srcset")))
        .collect();
    assert_eq!(webp, [vec![300], vec![480, 960, 1000]]);
    let jpeg: Vec<Vec<u32>> = pictures
        .iter()
        .map(|p| widths_of(attr(one_in(*p, "img"), "srcset")))
        .collect();
    assert_eq!(jpeg, [vec![300], vec![480, 960, 1000]]);
}

#[test]
fn transparency_is_kept_in_webp_and_png() {
    let logo = RgbaImage::from_fn(80, 40, |x, _| {
        if x < 40 {
            Rgba([0, 0, 0, 0])
        } else {
            Rgba([200, 150, 46, 255])
        }
    });
    let site = with_photos(&[(
        "logo-transparan.png".into(),
        png_bytes(DynamicImage::ImageRgba8(logo)),
    )])
    .build();
    let page = "id/products/batik-tulis-surya/index.html";
    let doc = site.html(page);
    let picture = one(&doc, ".product-gallery picture");
    let fallback = resolve_link(page, attr(one_in(picture, "img"), "src")).unwrap();
    assert!(fallback.ends_with(".png"), "{fallback}");
    let webp_url = attr(one_in(picture, "source"), "srcset")
        .rsplit_once(' ')
        .unwrap()
        .0;
    let webp = resolve_link(page, webp_url).unwrap();
    assert!(webp.ends_with(".webp"), "{webp}");
    for file in [fallback, webp] {
        let decoded = image::open(site.file(&file)).unwrap();
        assert!(decoded.color().has_alpha(), "{file} lost its alpha channel");
        assert_eq!(
            decoded.get_pixel(10, 20).0[3],
            0,
            "{file}: transparent half"
        );
        assert_eq!(decoded.get_pixel(70, 20).0[3], 255, "{file}: opaque half");
    }
}

#[test]
fn a_decompression_bomb_is_refused_from_its_header() {
    let catalogue = with_photos(&[("bom.png".into(), png_declaring(100_000, 100_000))]);
    let started = Instant::now();
    let errors = catalogue.build_errors();
    assert_eq!(
        errors,
        [format!(
            "error: {BATIK_DIR}/bom.png: is 100000×100000 pixels; photos may have at most 60 megapixels\n  hint: resize the photo before adding it, or raise `limits.max_photo_megapixels` in catalogue.yaml"
        )]
    );
    // Not a timing assertion: decoding 10 gigapixels would take minutes and 30 GB, not seconds.
    assert!(started.elapsed().as_secs() < 60);
}

#[test]
fn a_truncated_jpeg_is_reported_with_the_other_errors() {
    let jpeg = jpeg_bytes(&quadrants(400, 300));
    let catalogue = with_photos(&[("rusak.jpg".into(), jpeg[..jpeg.len() / 2].to_vec())]);
    catalogue.replace(BATIK, "category: batik", "category: batk");
    let errors = catalogue.build_errors();
    assert_eq!(errors.len(), 2, "{errors:#?}");
    assert!(
        errors.iter().any(|e| e.starts_with(&format!(
            "error: {BATIK_DIR}/rusak.jpg: is not a valid JPEG image"
        ))),
        "{errors:#?}"
    );
    assert!(
        errors.iter().any(|e| e.contains("category `batk`")),
        "{errors:#?}"
    );
}

#[test]
fn a_rebuild_takes_every_photo_from_the_cache() {
    let catalogue = with_photos(&[
        ("satu.jpg".into(), jpeg_bytes(&quadrants(640, 480))),
        ("dua.jpg".into(), jpeg_with_exif(&quadrants(320, 240), 6)),
    ]);
    let output = catalogue.parent().join("site");
    let first = etalase::build(catalogue.root(), &output).unwrap();
    assert_eq!(
        (first.image_stats.processed, first.image_stats.cached),
        (3, 0),
        "two photos and the logo"
    );
    let before = snapshot(&output);
    let second = etalase::build(catalogue.root(), &output).unwrap();
    assert_eq!(
        (second.image_stats.processed, second.image_stats.cached),
        (0, 3)
    );
    assert!(before == snapshot(&output), "the rebuilt site differs");
    // Changing a photo reprocesses that photo only.
    catalogue.write(
        &format!("{BATIK_DIR}/satu.jpg"),
        jpeg_bytes(&quadrants(640, 400)),
    );
    let third = etalase::build(catalogue.root(), &output).unwrap();
    assert_eq!(
        (third.image_stats.processed, third.image_stats.cached),
        (1, 2)
    );
}

/// The names of the photo cache's entries.
fn cache_entries(catalogue: &Catalogue) -> BTreeSet<String> {
    std::fs::read_dir(catalogue.path(".etalase-cache/images"))
        .expect("a photo cache")
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect()
}

/// Makes every cache entry look last used `days` ago, and the last pruning as long ago.
fn age_cache(catalogue: &Catalogue, days: u64) {
    let then = SystemTime::now() - Duration::from_secs(days * 24 * 60 * 60);
    let mut files = vec![catalogue.path(".etalase-cache/pruned")];
    for entry in cache_entries(catalogue) {
        files.push(catalogue.path(&format!(".etalase-cache/images/{entry}/manifest.json")));
    }
    for file in files {
        std::fs::File::open(&file)
            .and_then(|f| f.set_modified(then))
            .unwrap_or_else(|e| panic!("age {}: {e}", file.display()));
    }
}

#[test]
fn the_photo_cache_drops_copies_no_build_used_for_a_month() {
    let catalogue = with_photos(&[("satu.jpg".into(), jpeg_bytes(&quadrants(640, 480)))]);
    let output = catalogue.parent().join("site");
    etalase::build(catalogue.root(), &output).unwrap();
    let first = cache_entries(&catalogue);
    assert_eq!(first.len(), 2, "the photo and the logo: {first:?}");

    // The photo is replaced; a week later its old copies are still kept.
    catalogue.write(
        &format!("{BATIK_DIR}/satu.jpg"),
        jpeg_bytes(&quadrants(640, 400)),
    );
    age_cache(&catalogue, 7);
    etalase::build(catalogue.root(), &output).unwrap();
    let second = cache_entries(&catalogue);
    assert_eq!(second.len(), 3, "{second:?}");
    assert!(second.is_superset(&first));

    // Two months on, the copies of the old photo go; those the build used (the logo, unchanged
    // all along, and the new photo) stay, and the site is whole.
    age_cache(&catalogue, 60);
    let third = etalase::build(catalogue.root(), &output).unwrap();
    assert_eq!(third.image_stats.cached, 2);
    let kept = cache_entries(&catalogue);
    let new_photo: BTreeSet<String> = second.difference(&first).cloned().collect();
    let logo: BTreeSet<String> = first.intersection(&kept).cloned().collect();
    assert_eq!(logo.len(), 1, "the logo's entry: {kept:?}");
    assert_eq!(kept, &logo | &new_photo);
    let site = Site::at(&output);
    for (_, file) in gallery(&site) {
        assert!(site.exists(&file), "{file}");
    }
}

#[test]
fn every_srcset_candidate_is_a_real_file_of_that_width() {
    let site = with_photos(&[
        ("besar.jpg".into(), jpeg_bytes(&quadrants(2000, 1500))),
        ("kedua.jpg".into(), jpeg_bytes(&quadrants(800, 600))),
    ])
    .build();
    let mut pictures = 0;
    for page in site.html_files() {
        let doc = site.html(&page);
        for picture in select(&doc, "picture") {
            pictures += 1;
            let img = one_in(picture, "img");
            // The brochure's <img> is the one copy that prints sharp, without a srcset; its
            // <source> gives a phone's screen the WebP copies.
            let chosen = img.value().attr("srcset").map(|_| img);
            for element in select_in(picture, "source").into_iter().chain(chosen) {
                assert!(!attr(element, "sizes").is_empty(), "{page}: no sizes");
                for candidate in attr(element, "srcset").split(", ") {
                    let (url, width) = candidate.rsplit_once(' ').unwrap();
                    let file = site.file(&resolve_link(&page, url).unwrap());
                    let (real_width, _) = image::image_dimensions(&file)
                        .unwrap_or_else(|e| panic!("{page}: {url}: {e}"));
                    assert_eq!(format!("{real_width}w"), width, "{page}: {url}");
                }
            }
            let src = site.file(&resolve_link(&page, attr(img, "src")).unwrap());
            let (w, h) = image::image_dimensions(&src).unwrap();
            assert_eq!(
                (attr(img, "width"), attr(img, "height")),
                (w.to_string().as_str(), h.to_string().as_str()),
                "{page}"
            );
            assert_eq!(attr(img, "decoding"), "async");
        }
    }
    assert!(pictures > 10, "only {pictures} pictures found");
    // The first photo of a product page loads at once; the others wait until they are near.
    let doc = site.html("id/products/batik-tulis-surya/index.html");
    let loading: Vec<Option<&str>> = select(&doc, ".product-gallery img")
        .iter()
        .map(|i| i.value().attr("loading"))
        .collect();
    assert_eq!(loading, [None, Some("lazy")]);
}

#[test]
fn product_covers_get_a_1200_by_630_link_preview() {
    let site = with_photos(&[("besar.jpg".into(), jpeg_bytes(&quadrants(2000, 1500)))]).build();
    let doc = site.html("en/products/batik-tulis-surya/index.html");
    let url = meta_property(&doc, "og:image");
    let file = file_of_url(url).unwrap();
    assert_eq!(
        image::image_dimensions(site.file(&file)).unwrap(),
        (1200, 630)
    );
    assert_eq!(meta_property(&doc, "og:image:width"), "1200");
    assert_eq!(meta_property(&doc, "og:image:height"), "630");
}

#[test]
fn photos_inside_markdown_go_through_the_pipeline() {
    let catalogue = Catalogue::copy("basic");
    catalogue.write(
        "content/pages/tentang/kantor.jpg",
        jpeg_with_exif(&quadrants(1200, 800), 1),
    );
    let page = "content/pages/tentang/id.md";
    let text = catalogue.read(page);
    catalogue.write(page, format!("{text}\n![Kantor dinas](kantor.jpg)\n"));
    let site = catalogue.build();
    let file = "id/tentang/index.html";
    let doc = site.html(file);
    let img = one(&doc, ".prose img");
    assert_eq!(attr(img, "alt"), "Kantor dinas");
    let src = resolve_link(file, attr(img, "src")).unwrap();
    assert!(
        src.starts_with("media/tentang-kantor-") && src.ends_with("-960.jpg"),
        "{src}"
    );
    let (width, height) = image::image_dimensions(site.file(&src)).unwrap();
    assert_eq!(
        (attr(img, "width"), attr(img, "height")),
        (width.to_string().as_str(), height.to_string().as_str())
    );
    for candidate in attr(img, "srcset").split(", ") {
        let (url, descriptor) = candidate.rsplit_once(' ').unwrap();
        let (real, _) =
            image::image_dimensions(site.file(&resolve_link(file, url).unwrap())).unwrap();
        assert_eq!(format!("{real}w"), descriptor);
    }
    assert!(
        !site.bytes(&src).windows(4).any(|w| w == b"Exif"),
        "metadata stripped"
    );
}

#[test]
fn a_missing_photo_inside_markdown_names_the_text_and_line() {
    let catalogue = Catalogue::copy("basic");
    let page = "content/pages/tentang/en.md";
    let text = catalogue.read(page);
    catalogue.write(page, format!("{text}\n![Office](office.jpg)\n"));
    let line = line_of(&catalogue.read(page), "office.jpg");
    assert_eq!(
        catalogue.build_errors(),
        [format!(
            "error: {page}:{line}: file `office.jpg` does not exist\n  hint: put the file in content/pages/tentang/ or correct the name (names are case-sensitive)"
        )]
    );
}
