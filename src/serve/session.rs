//! One editing session: the catalogue as last built, and rebuilding it after a change,
//! rendering again only what the change touches.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::diagnostic::Diagnostic;
use crate::lock::CatalogueLock;
use crate::messages::Message;
use crate::render::{after_change, after_edits, Edit, Scope, Stage};
use crate::{load_with, write_site, Error, Loaded, Purpose};

use super::memory::{Files, MemorySite, ServedFiles};
use super::quick;
use super::watch::Changes;

/// The catalogue being edited, and the site last built from it.
pub struct Session {
    root: PathBuf,
    /// The last load that built without errors: what the served site shows.
    built: Option<Loaded>,
    /// The served files.
    files: ServedFiles,
    /// Whether the last rebuild succeeded, so that `built` is what the sources say and a
    /// shortcut may start from it: after a failure every source is read again until the
    /// problems are gone, or an edit elsewhere would hide them.
    in_step: bool,
    /// The lists' files in `files`, replaced as a whole by each [`Session::write_lists`]
    /// (the search index's parts are named by their content).
    list_files: Vec<String>,
}

/// What a build or rebuild did.
#[derive(Debug)]
pub struct Outcome {
    pub result: Result<Rebuilt, Failure>,
    pub took: Duration,
}

/// A successful (re)build.
#[derive(Debug)]
pub struct Rebuilt {
    /// Pages rendered (in all languages).
    pub pages: usize,
    /// Products whose pages were re-rendered, or `None` when everything was.
    pub products: Option<usize>,
    /// Photos decoded and encoded (the others came from the cache).
    pub photos_processed: usize,
    /// Product entries read again from `content/`, or `None` when the whole catalogue was.
    pub entries_read: Option<usize>,
    /// Whether any served file differs from before.
    pub site_changed: bool,
    pub warnings: Vec<Diagnostic>,
}

/// Why the site could not be rebuilt; the previous one is still served.
#[derive(Debug)]
pub enum Failure {
    /// Content or template errors, warnings included, sorted.
    Content(Vec<Diagnostic>),
    /// Not a catalogue (any more): the folder or its catalogue.yaml is gone.
    Usage(Message),
}

impl Session {
    /// Builds the catalogue at `root` for the first time.
    pub fn start(root: &Path) -> (Session, Outcome) {
        let mut session = Session {
            root: root.to_owned(),
            built: None,
            files: ServedFiles::default(),
            in_step: false,
            list_files: Vec::new(),
        };
        let outcome = session.rebuild(&Changes::everything());
        (session, outcome)
    }

    /// The files of the last good build.
    pub fn served(&self) -> &ServedFiles {
        &self.files
    }

    /// The files of the last good build, by path.
    pub fn files(&self) -> Files {
        self.files.to_files()
    }

    /// Reads the catalogue again after `changes` and renders what they touch, the lists
    /// included. Photos come from the cache unless they changed.
    pub fn rebuild(&mut self, changes: &Changes) -> Outcome {
        let mut outcome = self.rebuild_pages(changes);
        if outcome.result.is_ok() {
            let started = Instant::now();
            match (self.write_lists(), &mut outcome.result) {
                (Ok(lists_changed), Ok(rebuilt)) => rebuilt.site_changed |= lists_changed,
                (Err(failure), _) => outcome.result = Err(failure),
                _ => {}
            }
            outcome.took += started.elapsed();
        }
        outcome
    }

    /// The first half of [`Session::rebuild`]: the pages `changes` touch, ready to be shown
    /// while [`Session::write_lists`] makes the lists.
    pub fn rebuild_pages(&mut self, changes: &Changes) -> Outcome {
        let started = Instant::now();
        let result = self.try_rebuild(changes);
        self.in_step = result.is_ok();
        Outcome {
            result,
            took: started.elapsed(),
        }
    }

    /// The second half of [`Session::rebuild`]: the lists (feeds, search index, inquiry
    /// items) of the catalogue last read, in place of the earlier ones. Returns whether any
    /// served file changed.
    pub fn write_lists(&mut self) -> Result<bool, Failure> {
        let Some(loaded) = &self.built else {
            return Err(Failure::Content(Vec::new()));
        };
        let site = MemorySite::default();
        if let Err(problems) = write_site(loaded, &site, &Scope::Everything, Stage::Lists) {
            let failure = content_failure(loaded, problems);
            self.built = None;
            self.in_step = false;
            return Err(failure);
        }
        let lists = site.into_files();
        let old = std::mem::replace(&mut self.list_files, lists.keys().cloned().collect());
        Ok(self.files.update(lists, &old))
    }

    fn try_rebuild(&mut self, changes: &Changes) -> Result<Rebuilt, Failure> {
        // Serving goes on from the last build while another command (an import, say) works;
        // this build reads the catalogue once it is done.
        let _held = CatalogueLock::acquire(&self.root, "serve", &crate::messages::notice)
            .map_err(failure)?;
        if let Some(rebuilt) = self.quick_rebuild(changes) {
            return rebuilt;
        }
        let loaded = load_with(&self.root, Purpose::Build).map_err(failure)?;
        let scope = match &self.built {
            Some(old) if !changes.needs_everything() => after_change(
                (&old.catalogue, &old.images),
                (&loaded.catalogue, &loaded.images),
                loaded.templates.all_built_in(),
            ),
            _ => Scope::Everything,
        };
        self.built = Some(loaded);
        self.render(&scope, None)
    }

    /// Rebuilds after an edit of some products' own files by reading only those again (see
    /// [`quick`]); `None` when the edit needs the whole catalogue read.
    fn quick_rebuild(&mut self, changes: &Changes) -> Option<Result<Rebuilt, Failure>> {
        let slugs = quick::edited_products(changes)?;
        let built = self.built.as_mut().filter(|_| self.in_step)?;
        let replaced = quick::apply(built, &slugs)?;
        let edits: Vec<Edit> = replaced
            .iter()
            .map(|r| Edit {
                index: r.index,
                before: &r.before,
                photos_same: true,
            })
            .collect();
        let scope = after_edits(&built.catalogue, &edits, built.templates.all_built_in());
        // The photos were not looked at: the set of the last full read still holds.
        built.images.stats = Default::default();
        Some(self.render(&scope, Some(slugs.len())))
    }

    /// Renders what `scope` asks for of the catalogue last read. A failure forgets it, so
    /// the next change reads and renders everything again.
    fn render(&mut self, scope: &Scope, entries_read: Option<usize>) -> Result<Rebuilt, Failure> {
        let Some(loaded) = &self.built else {
            return Err(Failure::Content(Vec::new()));
        };
        let site = MemorySite::default();
        let written = match write_site(loaded, &site, scope, Stage::Pages) {
            Ok(written) => written,
            Err(problems) => {
                let failure = content_failure(loaded, problems);
                self.built = None;
                return Err(failure);
            }
        };
        let products = scope.products().map(|touched| touched.len());
        let site_changed = match scope {
            Scope::Everything => {
                self.files = ServedFiles::new(site.into_files());
                self.list_files.clear();
                true
            }
            _ => self.files.update(site.into_files(), &[]),
        };
        Ok(Rebuilt {
            pages: written.pages,
            products,
            photos_processed: loaded.images.stats.processed,
            entries_read,
            site_changed,
            warnings: loaded.warnings.clone().sorted(),
        })
    }
}

/// A failed command's error as a failed rebuild.
fn failure(error: Error) -> Failure {
    match error {
        Error::Content { diagnostics, .. } => Failure::Content(diagnostics),
        Error::Usage(message) | Error::Failed { message, .. } => Failure::Usage(message),
    }
}

/// A failed render: its problems with the catalogue's warnings, sorted.
fn content_failure(loaded: &Loaded, problems: Vec<Diagnostic>) -> Failure {
    let mut all = loaded.warnings.clone();
    problems.into_iter().for_each(|p| all.push(p));
    Failure::Content(all.sorted())
}
