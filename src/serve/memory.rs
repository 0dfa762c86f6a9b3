//! The site `serve` shows, held in memory: generated pages as bytes, photos and static files
//! as the paths they are read from. Nothing is written to `output/`.

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
