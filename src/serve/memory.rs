//! The site `serve` shows, held in memory: generated pages as bytes, photos and static files
//! as the paths they are read from, in versions that share what did not change. Nothing is
//! written to `output/`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use crate::diagnostic::Diagnostic;
use crate::output::SiteWriter;

/// One file of the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SiteFile {
    /// Rendered by this build.
    Generated(Arc<[u8]>),
    /// A file on disk (a cached photo, a static file), read when asked for.
    OnDisk(PathBuf),
}

/// Files by site-relative path (`id/products/x/index.html`).
pub type Files = HashMap<String, SiteFile>;

/// A [`SiteWriter`] collecting what a render writes.
#[derive(Debug, Default)]
pub struct MemorySite {
    files: Mutex<Files>,
}

impl MemorySite {
    /// What was written.
    pub fn into_files(self) -> Files {
        self.files.into_inner().unwrap_or_else(|e| e.into_inner())
    }

    fn put(&self, relative: &str, file: SiteFile) {
        let mut files = self.files.lock().unwrap_or_else(|e| e.into_inner());
        files.insert(relative.to_owned(), file);
    }
}

impl SiteWriter for MemorySite {
    fn write_page(&self, relative: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        self.put(relative, SiteFile::Generated(bytes.into()));
        Ok(())
    }

    fn copy_file(&self, source: &Path, relative: &str) -> Result<(), Diagnostic> {
        self.put(relative, SiteFile::OnDisk(source.to_owned()));
        Ok(())
    }

    fn link_file(&self, source: &Path, relative: &str) -> Result<(), Diagnostic> {
        self.copy_file(source, relative)
    }
}

/// The site as served: a large base shared by every version shown since it was made, and
/// the files changed after it. Publishing a version after an edit copies only the changed
/// files, not the 400,000 paths of a 100,000-product site.
#[derive(Debug, Clone, Default)]
pub struct ServedFiles {
    base: Arc<Files>,
    /// Files written or removed (`None`) since `base`.
    recent: Arc<HashMap<String, Option<SiteFile>>>,
}

impl ServedFiles {
    /// More changed files than this, or than an eighth of the base, are folded into a new
    /// base: lookups stay one or two hash probes, and a version costs little to copy.
    const MOST_RECENT: usize = 4096;

    pub fn new(files: Files) -> ServedFiles {
        ServedFiles {
            base: Arc::new(files),
            recent: Arc::default(),
        }
    }

    pub fn get(&self, path: &str) -> Option<&SiteFile> {
        match self.recent.get(path) {
            Some(changed) => changed.as_ref(),
            None => self.base.get(path),
        }
    }

    pub fn contains_key(&self, path: &str) -> bool {
        self.get(path).is_some()
    }

    /// Every file, by path.
    pub fn to_files(&self) -> Files {
        let mut all = (*self.base).clone();
        for (path, file) in self.recent.iter() {
            match file {
                Some(file) => all.insert(path.clone(), file.clone()),
                None => all.remove(path),
            };
        }
        all
    }

    /// Puts `written` in place of the files at their paths and removes `removed`; returns
    /// whether anything served differs.
    pub fn update(&mut self, written: Files, removed: &[String]) -> bool {
        let mut changes: Vec<(String, Option<SiteFile>)> = Vec::new();
        for path in removed {
            if self.contains_key(path) && !written.contains_key(path) {
                changes.push((path.clone(), None));
            }
        }
        for (path, file) in written {
            if self.get(&path) != Some(&file) {
                changes.push((path, Some(file)));
            }
        }
        if changes.is_empty() {
            return false;
        }
        Arc::make_mut(&mut self.recent).extend(changes);
        if self.recent.len() > Self::MOST_RECENT.max(self.base.len() / 8) {
            *self = ServedFiles::new(self.to_files());
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(text: &str) -> SiteFile {
        SiteFile::Generated(Arc::from(text.as_bytes()))
    }

    fn files(pairs: &[(&str, &str)]) -> Files {
        pairs
            .iter()
            .map(|(path, text)| (path.to_string(), page(text)))
            .collect()
    }

    #[test]
    fn a_version_tells_what_changed_and_shows_the_files_as_they_are_now() {
        let mut served = ServedFiles::new(files(&[("a", "1"), ("b", "2"), ("old", "3")]));
        let shown = served.clone();
        assert!(!served.update(files(&[("a", "1")]), &[]), "nothing differs");
        assert!(served.update(files(&[("a", "9"), ("c", "4")]), &["old".into()]));
        assert_eq!(
            served.to_files(),
            files(&[("a", "9"), ("b", "2"), ("c", "4")])
        );
        assert_eq!(served.get("old"), None);
        assert_eq!(
            shown.get("a"),
            Some(&page("1")),
            "a version shown earlier changed"
        );
        assert_eq!(shown.get("old"), Some(&page("3")));
    }

    #[test]
    fn many_changes_fold_into_a_new_base_with_the_same_files() {
        let mut served = ServedFiles::default();
        let mut expected = Files::new();
        for round in 0..3 {
            let written: Files = (0..ServedFiles::MOST_RECENT)
                .map(|i| (format!("p{round}-{i}"), page(&format!("{i}"))))
                .collect();
            expected.extend(written.clone());
            assert!(served.update(written, &[]));
        }
        assert!(served.recent.len() <= ServedFiles::MOST_RECENT);
        assert!(
            served.base.len() >= 2 * ServedFiles::MOST_RECENT,
            "never folded"
        );
        assert_eq!(served.to_files(), expected);
    }
}
