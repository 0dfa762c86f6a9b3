//! Photo pipeline: every photo and logo is checked (a decompression bomb is refused before
//! decoding), turned upright, stripped of all metadata, resized to the configured widths and
//! encoded as WebP with a JPEG fallback (PNG when it has transparency), plus a link-preview
//! crop for product covers. Work is queued while the catalogue is validated, done once per
//! distinct photo in parallel, and cached by content hash, so a rebuild decodes nothing that
//! did not change. One set of files serves every language.

pub mod cache;
pub mod encode;
mod probe;
mod process;
mod schedule;

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::config::ImageSettings;
use crate::content::CatalogueRoot;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::messages as msg;
use crate::model::{Asset, Catalogue};
use cache::{Cache, Manifest, VariantRecord};
use process::Plan;

pub use cache::CACHE_DIR;

/// Bumped whenever processing changes in a way the settings do not capture.
const PIPELINE_VERSION: u32 = 4;

/// The encodings the pipeline writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Webp,
    Jpeg,
    Png,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Webp => "webp",
            Format::Jpeg => "jpg",
            Format::Png => "png",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            Format::Webp => "image/webp",
            Format::Jpeg => "image/jpeg",
            Format::Png => "image/png",
        }
    }
}

/// One encoded size of a photo, at its place in the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variant {
    pub width: u32,
    pub height: u32,
    pub format: Format,
    /// Relative to the site root: `media/onde-onde-utama-3fa9c02b1d-960.webp`.
    pub url: String,
    /// The processed file in the cache, linked into the output.
    pub cached: PathBuf,
}

/// A photo ready for templates: its sizes and encodings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProcessedImage {
    pub width: u32,
    pub height: u32,
    pub alpha: bool,
    pub colour: String,
    /// Ascending by width.
    pub variants: Vec<Variant>,
    /// 1200×630 crop for link previews (product covers only).
    pub share: Option<Variant>,
}

impl ProcessedImage {
    /// Variants of one format, ascending by width.
    pub fn of_format(&self, format: Format) -> impl Iterator<Item = &Variant> {
        self.variants.iter().filter(move |v| v.format == format)
    }

    /// The format browsers without WebP get.
    pub fn fallback_format(&self) -> Format {
        if self.alpha {
            Format::Png
        } else {
            Format::Jpeg
        }
    }
}

/// How much work the pipeline did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct ImageStats {
    /// Photos decoded and encoded in this build.
    pub processed: usize,
    /// Photos taken from the cache untouched.
    pub cached: usize,
}

/// Every photo of the catalogue, by source path.
#[derive(Debug, Default)]
pub struct ImageSet {
    by_source: BTreeMap<PathBuf, ProcessedImage>,
    /// Source paths by [`asset_key`], for photos written inside Markdown.
    by_key: BTreeMap<String, PathBuf>,
    pub stats: ImageStats,
}

/// How a photo is named inside rendered Markdown: its path relative to the catalogue root.
pub fn asset_key(relative: &Path) -> String {
    slash_path(relative)
}

impl ImageSet {
    pub fn get(&self, asset: &Asset) -> Option<&ProcessedImage> {
        self.by_source.get(&asset.source)
    }

    /// A photo by its [`asset_key`].
    pub fn by_key(&self, key: &str) -> Option<&ProcessedImage> {
        self.by_source.get(self.by_key.get(key)?)
    }

    /// (cached file, output path relative to the site root) for every file, in a stable order.
    pub fn files(&self) -> impl Iterator<Item = (&Path, &str)> {
        self.by_source.values().flat_map(|image| {
            image
                .variants
                .iter()
                .chain(&image.share)
                .map(|v| (v.cached.as_path(), v.url.as_str()))
        })
    }
}

/// A photo ready for the site and whether it came from the cache, or why it cannot be used.
type Outcome = Result<(ProcessedImage, bool), Diagnostic>;

/// One distinct photo to process, with what it is used for.
struct Job<'a> {
    asset: &'a Asset,
    share: bool,
}

/// Processes (or takes from the cache) every photo and logo; problems become diagnostics.
pub fn prepare(
    catalogue: &Catalogue,
    root: &CatalogueRoot,
    diagnostics: &mut Diagnostics,
) -> ImageSet {
    let jobs = queue(catalogue);
    if jobs.is_empty() {
        return ImageSet::default();
    }
    let cache = match Cache::open(root.path()) {
        Ok(cache) => cache,
        Err(error) => {
            diagnostics.push(Diagnostic::error(
                CACHE_DIR,
                msg::CANNOT_BE_CREATED.nested("reason", msg::VERBATIM.arg("detail", error)),
            ));
            return ImageSet::default();
        }
    };
    let settings = &catalogue.config.images;
    let progress = Progress::new(jobs.len());
    let results: Vec<(PathBuf, Outcome)> = schedule::biggest_first(
        &jobs,
        |job| (!cached_already(job, settings, &cache)).then_some(job.asset.source.as_path()),
        |job| {
            let result = run(job, settings, &cache);
            progress.tick();
            (job.asset.source.clone(), result)
        },
    );
    progress.finish();
    let _ = cache.save_index();
    // Entries this build did not use age out; a failure here costs disk space, not the build.
    let _ = cache.prune(root.path());
    let mut set = collect(results, diagnostics);
    set.by_key = jobs
        .iter()
        .map(|job| (asset_key(&job.asset.relative), job.asset.source.clone()))
        .collect();
    set
}

/// Product photos with fewer pixels than this on their long side print blurred in the
/// brochure (about 10 cm at 300 dpi); `etalase check` warns about them.
pub const PRINT_MIN_LONG_SIDE: u32 = 1200;

/// Checks every photo and logo as a build would (decoding those not in the cache) without
/// writing anything, and warns about product photos too small for print; the returned set
/// has no files to place.
pub fn verify(
    catalogue: &Catalogue,
    root: &CatalogueRoot,
    diagnostics: &mut Diagnostics,
) -> ImageSet {
    let settings = &catalogue.config.images;
    let cache = Cache::open_existing(root.path());
    let product_photos: std::collections::HashSet<&Path> = catalogue
        .products
        .iter()
        .flat_map(|p| p.photos.iter().map(|photo| photo.asset.source.as_path()))
        .collect();
    let problems: Vec<Diagnostic> = queue(catalogue)
        .par_iter()
        .filter_map(|job| match verify_one(job, settings, cache.as_ref()) {
            Err(problem) => Some(problem),
            Ok(size) if product_photos.contains(job.asset.source.as_path()) => {
                too_small_for_print(job.asset, size)
            }
            Ok(_) => None,
        })
        .collect();
    problems.into_iter().for_each(|p| diagnostics.push(p));
    ImageSet::default()
}

/// The photo's width and height, from the cache or its header, once it proved decodable.
fn verify_one(
    job: &Job,
    settings: &ImageSettings,
    cache: Option<&Cache>,
) -> Result<(u32, u32), Diagnostic> {
    let asset = job.asset;
    let refuse =
        |r: probe::Refusal| Diagnostic::error(&asset.relative, r.message).with_hint(r.hint);
    // Before the file is read whole to find it in the cache.
    probe::check_file_size(&asset.source, settings).map_err(refuse)?;
    let cached = cache.and_then(|cache| {
        cache
            .source_hash(&asset.source, &slash_path(&asset.relative))
            .ok()
            .and_then(|hash| cache.load(&cache_key(&hash, asset, settings, job.share)))
    });
    if let Some(manifest) = cached {
        probe::check_pixels(manifest.width, manifest.height, settings).map_err(refuse)?;
        return Ok((manifest.width, manifest.height));
    }
    let header = probe::check(&asset.source, settings).map_err(refuse)?;
    process::decode_check(&asset.source, &header).map_err(refuse)?;
    Ok((header.width, header.height))
}

fn too_small_for_print(asset: &Asset, (width, height): (u32, u32)) -> Option<Diagnostic> {
    (width.max(height) < PRINT_MIN_LONG_SIDE).then(|| {
        Diagnostic::warning(
            &asset.relative,
            msg::PHOTO_TOO_SMALL_FOR_PRINT
                .arg("width", width)
                .arg("height", height)
                .arg("min", PRINT_MIN_LONG_SIDE),
        )
        .with_hint(&msg::PHOTO_ORIGINAL_HINT)
    })
}

fn collect(results: Vec<(PathBuf, Outcome)>, diagnostics: &mut Diagnostics) -> ImageSet {
    let mut set = ImageSet::default();
    for (source, result) in results {
        match result {
            Ok((image, from_cache)) => {
                if from_cache {
                    set.stats.cached += 1;
                } else {
                    set.stats.processed += 1;
                }
                set.by_source.insert(source, image);
            }
            Err(problem) => diagnostics.push(problem),
        }
    }
    set
}

/// Every distinct photo and logo, in a stable order; covers of products get a preview crop.
fn queue(catalogue: &Catalogue) -> Vec<Job<'_>> {
    let mut jobs: BTreeMap<&Path, Job> = BTreeMap::new();
    let logos = catalogue
        .producers
        .iter()
        .filter_map(|p| p.logo.as_ref())
        .map(|a| (a, false));
    let photos = catalogue.products.iter().flat_map(|product| {
        product
            .photos
            .iter()
            .enumerate()
            .map(|(i, photo)| (&photo.asset, i == 0))
    });
    let rejected = catalogue
        .rejected_photos
        .iter()
        .map(|photo| (&photo.asset, false));
    let inline = catalogue.inline_photos.iter().map(|asset| (asset, false));
    for (asset, share) in logos.chain(photos).chain(rejected).chain(inline) {
        let job = jobs.entry(asset.source.as_path()).or_insert(Job {
            asset,
            share: false,
        });
        job.share |= share;
    }
    jobs.into_values().collect()
}

/// Takes one photo from the cache, or processes and caches it. `true` when it came from the cache.
fn run(job: &Job, settings: &ImageSettings, cache: &Cache) -> Outcome {
    let asset = job.asset;
    let relative = slash_path(&asset.relative);
    let refuse = |refusal: probe::Refusal| {
        Diagnostic::error(&asset.relative, refusal.message).with_hint(refusal.hint)
    };
    // Before the file is read whole to find it in the cache.
    probe::check_file_size(&asset.source, settings).map_err(refuse)?;
    let source_hash = cache.source_hash(&asset.source, &relative).map_err(|e| {
        Diagnostic::error(
            &asset.relative,
            msg::CANNOT_BE_READ.nested("reason", crate::content::io_reason(&e)),
        )
    })?;
    let key = cache_key(&source_hash, asset, settings, job.share);
    if let Some(manifest) = cache.load(&key) {
        cache.mark_used(&key);
        probe::check_pixels(manifest.width, manifest.height, settings).map_err(refuse)?;
        return Ok((placed(&manifest, &key, asset, cache), true));
    }
    let header = probe::check(&asset.source, settings).map_err(refuse)?;
    let plan = Plan {
        widths: &settings.widths,
        share: job.share,
    };
    let processed = process::process(&asset.source, &header, &plan).map_err(refuse)?;
    cache
        .store(&key, &processed.manifest, &processed.files)
        .map_err(|e| {
            let reason = msg::VERBATIM.arg("detail", e);
            Diagnostic::error(CACHE_DIR, msg::CANNOT_BE_WRITTEN.nested("reason", reason))
        })?;
    Ok((placed(&processed.manifest, &key, asset, cache), false))
}

/// Whether `job` will come from the cache without its photo being read: the index knows the
/// file unchanged and the entry for these settings exists. Such photos are not read ahead: on
/// a warm build of 900 photos of 1 MB, reading them all ahead cost more than the rest of it.
fn cached_already(job: &Job, settings: &ImageSettings, cache: &Cache) -> bool {
    let relative = slash_path(&job.asset.relative);
    cache
        .known_hash(&job.asset.source, &relative)
        .is_some_and(|hash| {
            let key = cache_key(&hash, job.asset, settings, job.share);
            cache.entry_dir(&key).join("manifest.json").is_file()
        })
}

/// The cache key: what the photo is, what its name says it is (so a renamed file is checked
/// again), and how it is processed.
fn cache_key(source_hash: &str, asset: &Asset, settings: &ImageSettings, share: bool) -> String {
    let extension = asset
        .relative
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let recipe = format!(
        "v{PIPELINE_VERSION};{extension};widths={:?};webp={};jpeg={};share={share};{source_hash}",
        settings.widths,
        process::WEBP_QUALITY,
        process::JPEG_QUALITY,
    );
    blake3::hash(recipe.as_bytes()).to_hex()[..20].to_owned()
}

/// Turns a cache record into output URLs: `media/<entry>-<photo>-<hash>-<width>.<ext>`.
fn placed(manifest: &Manifest, key: &str, asset: &Asset, cache: &Cache) -> ProcessedImage {
    let stem = readable_stem(&asset.relative);
    let dir = cache.entry_dir(key);
    let place = |record: &VariantRecord, label: &str| Variant {
        width: record.width,
        height: record.height,
        format: record.format,
        url: format!(
            "media/{stem}-{}-{label}.{}",
            &key[..10],
            record.format.extension()
        ),
        cached: dir.join(&record.file),
    };
    ProcessedImage {
        width: manifest.width,
        height: manifest.height,
        alpha: manifest.alpha,
        colour: manifest.colour.clone(),
        variants: manifest
            .variants
            .iter()
            .map(|r| place(r, &r.width.to_string()))
            .collect(),
        share: manifest.share.as_ref().map(|r| place(r, "share")),
    }
}

/// `content/products/onde-onde/Foto Utama.JPG` -> `onde-onde-foto-utama`.
fn readable_stem(relative: &Path) -> String {
    let entry = relative
        .parent()
        .and_then(Path::file_name)
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let file = relative
        .file_stem()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut stem = String::new();
    for c in format!("{entry}-{file}").chars() {
        if c.is_ascii_alphanumeric() {
            stem.push(c.to_ascii_lowercase());
        } else if !stem.ends_with('-') {
            stem.push('-');
        }
    }
    stem.trim_matches('-').to_owned()
}

fn slash_path(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// A progress bar on a terminal; nothing when output goes elsewhere.
struct Progress {
    bar: Option<indicatif::ProgressBar>,
}

impl Progress {
    fn new(total: usize) -> Self {
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = indicatif::ProgressBar::new(total as u64);
            let label = msg::PROGRESS_PHOTOS.text(msg::notice_lang());
            bar.set_style(
                indicatif::ProgressStyle::with_template(&format!(
                    "{label} {{bar:30}} {{pos}}/{{len}} {{elapsed}}"
                ))
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            bar
        });
        Progress { bar }
    }

    fn tick(&self) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_names_are_readable_slugs() {
        assert_eq!(
            readable_stem(Path::new("content/products/onde-onde/Foto Utama.JPG")),
            "onde-onde-foto-utama"
        );
    }
}
