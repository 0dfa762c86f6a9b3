//! Watching the catalogue's sources: `catalogue.yaml`, `content/`, `templates/`, `themes/` and
//! `static/`. A burst of file events (an editor saving writes, renames and touches) becomes
//! one set of changes once the folder has been quiet for a moment.

use std::path::{Component, Path, PathBuf};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher as _};

use crate::config::CONFIG_FILE;

/// How long the sources must be quiet before a rebuild starts.
const QUIET: Duration = Duration::from_millis(30);
/// The longest a rebuild waits for a steady stream of events to pause.
const LONGEST_WAIT: Duration = Duration::from_millis(500);
/// Folders whose files are sources of the site.
const WATCHED_FOLDERS: [&str; 4] = ["content", "templates", "themes", "static"];

/// What changed since the last rebuild.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    /// Changed sources, relative to the catalogue root.
    pub paths: Vec<PathBuf>,
    /// Set when the changes are not known one by one (the first build, lost events).
    pub unknown: bool,
}

impl Changes {
    /// Changes that call for rendering the whole site.
    pub fn everything() -> Changes {
        Changes {
            paths: Vec::new(),
            unknown: true,
        }
    }

    /// Whether a change reaches beyond what comparing the content can tell: templates,
    /// themes and static files are not part of the catalogue's model.
    pub fn needs_everything(&self) -> bool {
        self.unknown
            || self
                .paths
                .iter()
                .any(|p| !p.starts_with("content") && p != Path::new(CONFIG_FILE))
    }
}

/// Watches a catalogue folder.
pub struct SourceWatcher {
    root: PathBuf,
    watcher: RecommendedWatcher,
    events: Receiver<notify::Result<notify::Event>>,
}

impl SourceWatcher {
    /// Starts watching; folders that do not exist yet are picked up when they are created.
    pub fn start(root: &Path) -> notify::Result<SourceWatcher> {
        let root = root.canonicalize()?;
        let (sender, events) = channel();
        let mut watcher = notify::recommended_watcher(sender)?;
        watcher.watch(&root, RecursiveMode::NonRecursive)?;
        let mut this = SourceWatcher {
            root,
            watcher,
            events,
        };
        for folder in WATCHED_FOLDERS {
            this.watch_folder(folder);
        }
        Ok(this)
    }

    fn watch_folder(&mut self, folder: &str) {
        let path = self.root.join(folder);
        if path.is_dir() {
            // A folder that vanishes between the check and the call is simply not watched.
            let _ = self.watcher.watch(&path, RecursiveMode::Recursive);
        }
    }

    /// Waits for the next changes to the sources, then for the folder to be quiet. `None`
    /// when the watcher stopped.
    pub fn next_changes(&mut self) -> Option<Changes> {
        let mut changes = Changes::default();
        while changes.paths.is_empty() && !changes.unknown {
            let event = self.events.recv().ok()?;
            self.take(event, &mut changes);
        }
        let started = Instant::now();
        while started.elapsed() < LONGEST_WAIT {
            match self.events.recv_timeout(QUIET) {
                Ok(event) => self.take(event, &mut changes),
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return None,
            }
        }
        changes.paths.sort();
        changes.paths.dedup();
        Some(changes)
    }

    fn take(&mut self, event: notify::Result<notify::Event>, changes: &mut Changes) {
        let Ok(event) = event else {
            // The watcher lost events (its queue overflowed): rebuild everything.
            changes.unknown = true;
            return;
        };
        if matches!(event.kind, EventKind::Access(_)) {
            return;
        }
        for path in event.paths {
            let Some(relative) = self.source_path(&path) else {
                continue;
            };
            if let Some(folder) = WATCHED_FOLDERS
                .into_iter()
                .find(|f| relative == Path::new(f))
            {
                // A watched folder was created (or replaced) since the watch began.
                self.watch_folder(folder);
            }
            changes.paths.push(relative);
        }
    }

    /// The path relative to the catalogue root, if it is a source of the site and not an
    /// editor's temporary file.
    fn source_path(&self, path: &Path) -> Option<PathBuf> {
        let relative = path.strip_prefix(&self.root).ok()?.to_owned();
        is_source(&relative).then_some(relative)
    }
}

/// Whether a path relative to the catalogue root is one of the site's sources.
pub fn is_source(relative: &Path) -> bool {
    let mut parts = relative.components();
    let top = match parts.next() {
        Some(Component::Normal(top)) => top.to_string_lossy(),
        _ => return false,
    };
    let name = relative
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let in_watched = top == CONFIG_FILE || WATCHED_FOLDERS.contains(&top.as_ref());
    in_watched && !is_scratch_file(&name)
}

/// Files editors write beside the one being saved: swap files, backups, lock files.
fn is_scratch_file(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('~')
        || [".swp", ".swx", ".tmp", ".part"]
            .iter()
            .any(|end| name.ends_with(end))
        // Vim checks that it may write a folder by creating this file.
        || name == "4913"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_sources_count_and_editor_scratch_files_do_not() {
        for source in [
            "catalogue.yaml",
            "content/products/x/id.md",
            "templates/base.html",
            "themes/t/static/a.css",
            "static/logo.png",
            "content",
        ] {
            assert!(is_source(Path::new(source)), "{source}");
        }
        for other in [
            "output/index.html",
            ".etalase-cache/index.json",
            "content/products/x/.id.md.swp",
            "content/products/x/id.md~",
            "content/products/x/4913",
            "notes.txt",
        ] {
            assert!(!is_source(Path::new(other)), "{other}");
        }
    }

    #[test]
    fn content_changes_are_compared_and_the_rest_renders_everything() {
        let content = Changes {
            paths: vec!["content/products/x/id.md".into(), "catalogue.yaml".into()],
            unknown: false,
        };
        assert!(!content.needs_everything());
        let template = Changes {
            paths: vec!["content/a.md".into(), "templates/base.html".into()],
            unknown: false,
        };
        assert!(template.needs_everything());
        assert!(Changes::everything().needs_everything());
    }
}
