//! etalase: a static catalogue site generator for curated small-business products.
//!
//! The build reads as its stages: config -> content -> validated model -> images -> pages -> output.

pub mod cli;
pub mod config;
pub mod content;
pub mod diagnostic;
pub mod error;
pub mod excerpt;
pub mod export;
pub mod fields;
pub mod hosting;
pub mod i18n;
pub mod images;
pub mod import;
pub mod lock;
pub mod markdown;
pub mod messages;
pub mod model;
pub mod output;
pub mod pdf;
pub mod render;
pub mod scaffold;
pub mod serve;
pub mod slug;
pub mod summary;
pub mod theme;
pub mod yaml;

use std::path::{Path, PathBuf};

use config::{BaseUrl, Config, CONFIG_FILE};
use content::CatalogueRoot;
use diagnostic::{Diagnostic, Diagnostics, Severity};
pub use error::{Error, Summary};
use images::ImageSet;
use lock::CatalogueLock;
use messages::{self as msg, Lang, Message};
use model::Catalogue;
use output::{SiteWriter, Staging};
use rayon::prelude::*;
use render::templates::{self, Templates};
use render::CodeCache;
use render::{Scope, Stage};

/// The environment variable that gives `build` and `pdf` the site's address when
/// `--base-url` does not: a deploy pipeline sets it for its previews.
pub const BASE_URL_VAR: &str = "ETALASE_BASE_URL";

/// What a command replaces of catalogue.yaml for one run, nothing by default.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overrides {
    /// Where the site lives this time (a preview deploy, say) instead of `base_url:`.
    pub base_url: Option<BaseUrl>,
}

impl Overrides {
    /// The site address of `--base-url` (`flag`), else of `ETALASE_BASE_URL` (`var`; empty
    /// counts as unset, as a pipeline leaves a variable it has no value for). A bad one is a
    /// usage error naming where it came from.
    pub fn choose(flag: Option<&str>, var: Option<&str>) -> Result<Overrides, Error> {
        let given = match (flag, var) {
            (Some(url), _) => Some(("--base-url", url)),
            (None, Some(url)) if !url.trim().is_empty() => Some((BASE_URL_VAR, url)),
            _ => None,
        };
        let Some((source, url)) = given else {
            return Ok(Overrides::default());
        };
        match BaseUrl::parse(url) {
            Ok(base) => Ok(Overrides {
                base_url: Some(base),
            }),
            Err(wrong) => {
                let (problem, hint) = wrong.explain(url);
                Err(Error::Usage(
                    msg::BAD_BASE_URL_OPTION
                        .arg("source", source)
                        .nested("problem", problem)
                        .nested("hint", hint),
                ))
            }
        }
    }

    /// `config` with what is overridden replaced.
    pub fn apply(&self, config: Config) -> Config {
        match &self.base_url {
            Some(base) => config.at(base),
            None => config,
        }
    }
}

/// What a command that finished tells the user, and the exit status it ends with.
pub trait CommandReport {
    /// The lines to print, in `lang`.
    fn render(&self, lang: Lang) -> Vec<String>;

    /// 0, or 1 when the command finished but part of its work failed.
    fn exit_code(&self) -> u8 {
        0
    }
}

/// `serve` reports as it goes; it only returns when it stops.
impl CommandReport for () {
    fn render(&self, _: Lang) -> Vec<String> {
        Vec::new()
    }
}

/// What a successful build did.
#[derive(Debug)]
pub struct BuildReport {
    pub warnings: Vec<Diagnostic>,
    pub pages: usize,
    pub products: usize,
    pub producers: usize,
    /// Files of processed photos placed in the site.
    pub images: usize,
    /// Photos decoded and encoded in this build, and those taken from the cache.
    pub image_stats: images::ImageStats,
    pub output: PathBuf,
    /// The parts of the brochures too big for one page, for `etalase pdf` to print.
    pub brochure_parts: render::brochure::Splits,
}

/// A catalogue read, validated and ready to render.
pub struct Loaded {
    pub root: CatalogueRoot,
    pub catalogue: Catalogue,
    pub images: ImageSet,
    pub templates: Templates,
    /// The versioned names of the styles and scripts pages link.
    pub assets: theme::Assets,
    /// QR codes drawn by earlier builds; none when checking, which writes nothing.
    pub codes: Option<CodeCache>,
    pub warnings: Diagnostics,
}

impl CommandReport for BuildReport {
    /// The warnings, then what was built and where.
    fn render(&self, lang: Lang) -> Vec<String> {
        let built = msg::BUILT
            .arg("pages", self.pages)
            .arg("products", self.products)
            .arg("producers", self.producers)
            .arg("images", self.images)
            .arg("processed", self.image_stats.processed)
            .arg("cached", self.image_stats.cached)
            .arg("output", self.output.display());
        let warnings = self.warnings.iter().map(|w| w.render(lang));
        warnings.chain([built.render(lang)]).collect()
    }
}

/// Builds the catalogue at `root` into `output`, replacing it only when everything succeeded.
/// Every failure ends with the build's summary line.
pub fn build(root: &Path, output: &Path) -> Result<BuildReport, Error> {
    build_with(root, output, &Overrides::default())
}

/// [`build`], with some settings of catalogue.yaml replaced for this build.
pub fn build_with(root: &Path, output: &Path, overrides: &Overrides) -> Result<BuildReport, Error> {
    let built = lock_for_build(root, output, "build")
        .and_then(|lock| build_locked(&lock, root, output, overrides));
    built.map_err(|error| error.with_summary(Summary::Build))
}

/// [`build_with`] for a command that already holds the catalogue's lock from
/// [`lock_for_build`] (`pdf`, which prints from the site it built before another command may
/// replace it).
pub fn build_locked(
    _held: &CatalogueLock,
    root: &Path,
    output: &Path,
    overrides: &Overrides,
) -> Result<BuildReport, Error> {
    build_into(root, output, overrides).map_err(|error| error.with_summary(Summary::Build))
}

/// The catalogue's lock for `command`, which builds the catalogue at `root` into `output`:
/// first the usage errors (no catalogue there, an output folder that would overwrite its
/// sources), so nothing is written for a command that cannot run.
pub fn lock_for_build(root: &Path, output: &Path, command: &str) -> Result<CatalogueLock, Error> {
    let opened = open_root(root)?;
    output::check_target(opened.path(), output).map_err(Error::Usage)?;
    lock_catalogue(root, command)
}

/// The lock of the catalogue at `root` for `command`, once no other command holds it (the
/// wait is announced on stderr); a usage error first if `root` is no catalogue, so no lock
/// file is made there.
pub fn lock_catalogue(root: &Path, command: &str) -> Result<CatalogueLock, Error> {
    check_is_catalogue(root)?;
    CatalogueLock::acquire(root, command, &msg::notice)
}

fn build_into(root: &Path, output: &Path, overrides: &Overrides) -> Result<BuildReport, Error> {
    let loaded = load_overridden(root, Purpose::Build, overrides)?;
    let staging = Staging::create(output).map_err(Error::failed)?;
    let precompressed = output::Precompressed { inner: &staging };
    let out: &dyn SiteWriter = if loaded.catalogue.config.precompress {
        &precompressed
    } else {
        &staging
    };
    let written = write_site(&loaded, out, &Scope::Everything, Stage::All)
        .map_err(|problems| content_failure(problems, &loaded.warnings))?;
    staging.commit().map_err(|e| {
        Error::failed(
            msg::CANNOT_MOVE_SITE
                .arg("path", output.display())
                .arg("detail", e),
        )
    })?;
    Ok(BuildReport {
        warnings: loaded.warnings.sorted(),
        pages: written.pages,
        products: loaded.catalogue.products.len(),
        producers: loaded.catalogue.producers.len(),
        images: written.images,
        image_stats: loaded.images.stats,
        output: output.to_owned(),
        brochure_parts: render::brochure::Splits::of(&loaded.catalogue),
    })
}

/// What writing a site put in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    pub pages: usize,
    /// Files of processed photos placed in the site.
    pub images: usize,
}

/// Writes the pages `scope` asks for into `out`, or the part of them `stage` names; rendering
/// every page also places the photos and the static files. Every problem is returned, not
/// just the first.
pub fn write_site(
    loaded: &Loaded,
    out: &dyn SiteWriter,
    scope: &Scope,
    stage: Stage,
) -> Result<Written, Vec<Diagnostic>> {
    let sources = render::Sources {
        catalogue: &loaded.catalogue,
        images: &loaded.images,
        templates: &loaded.templates,
        assets: &loaded.assets,
        codes: loaded.codes.as_ref(),
    };
    let stats = render::render_site(sources, out, scope, stage)?;
    let mut written = Written {
        pages: stats.pages,
        images: 0,
    };
    if stage != Stage::Lists && matches!(scope, Scope::Everything) {
        written.images = link_images(&loaded.images, out).map_err(|p| vec![p])?;
        hosting::write(&loaded.catalogue.config, out).map_err(|p| vec![p])?;
        theme::copy_static(
            &loaded.root,
            &loaded.catalogue.config.theme,
            &loaded.assets,
            out,
        )
        .map_err(|p| vec![p])?;
    }
    Ok(written)
}

/// What a catalogue is loaded for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Everything is prepared, and processed photos are cached.
    Build,
    /// Everything is checked, and more: products without a price or a photo, and product
    /// photos too small for print, are warned about. Nothing is written, not even the photo
    /// cache.
    Check,
}

/// Reads and validates everything, writing nothing.
pub fn load(root: &Path) -> Result<Loaded, Error> {
    load_with(root, Purpose::Check)
}

/// What `etalase check` found in a catalogue without errors.
#[derive(Debug)]
pub struct CheckReport {
    /// Every warning, sorted.
    pub warnings: Vec<Diagnostic>,
    /// `--strict`: the warnings count as errors.
    pub strict: bool,
}

impl CheckReport {
    /// Whether the check failed: `--strict` and warnings.
    pub fn failed(&self) -> bool {
        self.strict && !self.warnings.is_empty()
    }
}

impl CommandReport for CheckReport {
    /// The warnings (errors under `--strict`), their table, then the verdict.
    fn render(&self, lang: Lang) -> Vec<String> {
        let severity = if self.strict {
            Severity::Error
        } else {
            Severity::Warning
        };
        let shown = self.warnings.iter().map(|warning| {
            let shown = Diagnostic {
                severity,
                ..warning.clone()
            };
            shown.render(lang)
        });
        let verdict = if self.failed() {
            &msg::CHECK_FAILED_STRICT
        } else {
            &msg::NO_ERRORS
        };
        shown
            .chain(summary::warning_table(&self.warnings, lang))
            .chain([Message::from(verdict).render(lang)])
            .collect()
    }

    fn exit_code(&self) -> u8 {
        u8::from(self.failed())
    }
}

/// `etalase check`: reads and validates everything, then renders every page and throws it
/// away, so a template error that shows only while rendering is found too. Photos are only
/// verified, not processed, so pages are rendered without them. `strict` makes warnings
/// fail the check. Content errors end with the check's table of warnings and summary line.
pub fn check(root: &Path, strict: bool) -> Result<CheckReport, Error> {
    let checked = load(root).and_then(|loaded| {
        match write_site(&loaded, &output::Discard, &Scope::Everything, Stage::All) {
            Ok(_) => Ok(loaded),
            Err(problems) => Err(content_failure(problems, &loaded.warnings)),
        }
    });
    let loaded = checked.map_err(|error| error.with_summary(Summary::Check))?;
    Ok(CheckReport {
        warnings: loaded.warnings.sorted(),
        strict,
    })
}

/// Reads and validates everything a build needs. Every stage runs even after errors, so one
/// build reports all of them.
pub fn load_with(root: &Path, purpose: Purpose) -> Result<Loaded, Error> {
    load_overridden(root, purpose, &Overrides::default())
}

/// [`load_with`], with some settings of catalogue.yaml replaced before anything is rendered.
pub fn load_overridden(
    root: &Path,
    purpose: Purpose,
    overrides: &Overrides,
) -> Result<Loaded, Error> {
    let mut root = open_root(root)?;
    let mut diagnostics = Diagnostics::default();
    let config = Config::load(&root, &mut diagnostics).map(|config| overrides.apply(config));
    if let Some(config) = &config {
        root.set_text_limit(config.limits.max_text_file_bytes);
    }
    let content = root.read_content(&mut diagnostics);
    let catalogue = config.map(|config| model::validate(config, content, &root, &mut diagnostics));
    let images = catalogue.as_ref().map(|c| match purpose {
        Purpose::Build => images::prepare(c, &root, &mut diagnostics),
        Purpose::Check => {
            model::review(c, &mut diagnostics);
            images::verify(c, &root, &mut diagnostics)
        }
    });
    let theme = catalogue
        .as_ref()
        .map_or("default", |c| c.config.theme.as_str());
    for problem in theme::static_folders_leaving(&root, theme) {
        diagnostics.push(problem);
    }
    let templates = templates::load(&root, theme).map_err(|problems| {
        problems.into_iter().for_each(|p| diagnostics.push(p));
    });
    let assets = theme::Assets::resolve(&root, theme).map_err(|p| diagnostics.push(p));
    match (catalogue, images, templates, assets) {
        (Some(catalogue), Some(images), Ok(templates), Ok(assets)) if !diagnostics.has_errors() => {
            // Without the cache (a read-only folder) every code is drawn, as when checking.
            let codes = match purpose {
                Purpose::Build => CodeCache::open(root.path()).ok(),
                Purpose::Check => None,
            };
            Ok(Loaded {
                root,
                catalogue,
                images,
                templates,
                assets,
                codes,
                warnings: diagnostics,
            })
        }
        _ => {
            let mut diagnostics = diagnostics.sorted();
            excerpt::attach(&mut diagnostics, &root);
            Err(Error::content(diagnostics))
        }
    }
}

/// Says why `root` is not a catalogue folder, if it is not (a usage error).
pub fn check_is_catalogue(root: &Path) -> Result<(), Error> {
    open_root(root).map(|_| ())
}

/// The catalogue folder at `root`; a usage error when there is none, or no catalogue.yaml in it.
pub(crate) fn open_root(root: &Path) -> Result<CatalogueRoot, Error> {
    let opened = CatalogueRoot::open(root)
        .map_err(|_| Error::Usage(msg::ROOT_MISSING.arg("path", root.display())))?;
    if !opened.has_config() {
        return Err(Error::Usage(
            msg::NOT_A_CATALOGUE
                .arg("path", root.display())
                .arg("file", CONFIG_FILE),
        ));
    }
    Ok(opened)
}

/// Links every processed photo file from the cache into the site, on every core: a hard
/// link costs little, but where the output is on another file system each file is a copy.
/// The first failure in the files' order is the one reported.
fn link_images(images: &ImageSet, out: &dyn SiteWriter) -> Result<usize, Diagnostic> {
    let files: Vec<(&Path, &str)> = images.files().collect();
    let placed: Vec<Result<(), Diagnostic>> = files
        .par_iter()
        .map(|(cached, url)| out.link_file(cached, url))
        .collect();
    placed.into_iter().collect::<Result<(), Diagnostic>>()?;
    Ok(files.len())
}

fn content_failure(problems: Vec<Diagnostic>, warnings: &Diagnostics) -> Error {
    let mut all = warnings.clone();
    problems.into_iter().for_each(|p| all.push(p));
    Error::content(all.sorted())
}
