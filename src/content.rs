//! The file system side of a catalogue: finds and reads `catalogue.yaml` and everything under
//! `content/` (raw text, no interpretation), and resolves the files entries refer to without
//! letting any path leave the catalogue folder.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::config::{CONFIG_FILE, MAX_CONFIG_BYTES};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::messages::{self as msg, Message};
use crate::slug::is_valid_slug;

/// A text file read from the catalogue: BOM removed, line endings normalised to LF.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Relative to the catalogue root.
    pub path: PathBuf,
    pub text: String,
}

/// The three kinds of entry folder under `content/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Section {
    Producers,
    Products,
    Pages,
}

impl Section {
    const ALL: [Section; 3] = [Section::Producers, Section::Products, Section::Pages];

    pub fn folder(self) -> &'static str {
        match self {
            Section::Producers => "producers",
            Section::Products => "products",
            Section::Pages => "pages",
        }
    }

    /// The YAML file every entry of this section has, if any.
    pub fn data_file(self) -> Option<&'static str> {
        match self {
            Section::Producers => Some("producer.yaml"),
            Section::Products => Some("product.yaml"),
            Section::Pages => None,
        }
    }
}

/// One folder `content/<section>/<slug>/` with its files read.
#[derive(Debug, Clone)]
pub struct EntryFolder {
    pub section: Section,
    pub slug: String,
    /// Relative to the catalogue root.
    pub dir: PathBuf,
    pub data: Option<SourceFile>,
    /// Markdown files by their stem (`id.md` -> `id`).
    pub texts: BTreeMap<String, SourceFile>,
}

/// A catalogue folder on disk.
#[derive(Debug, Clone)]
pub struct CatalogueRoot {
    root: PathBuf,
    /// YAML, Markdown and template files larger than this are refused before they are read.
    max_text_bytes: u64,
}

/// Everything read from `content/`, plus what was wrong with its layout.
#[derive(Debug, Default)]
pub struct RawContent {
    pub entries: Vec<EntryFolder>,
}

impl CatalogueRoot {
    /// Opens a catalogue folder; fails when it does not exist.
    pub fn open(root: &Path) -> io::Result<CatalogueRoot> {
        Ok(CatalogueRoot {
            root: root.canonicalize()?,
            max_text_bytes: crate::config::Limits::default().max_text_file_bytes,
        })
    }

    /// Refuses text files over `max_text_bytes` from now on (`limits.max_text_file_kb`).
    pub fn set_text_limit(&mut self, max_text_bytes: u64) {
        self.max_text_bytes = max_text_bytes;
    }

    pub fn path(&self) -> &Path {
        &self.root
    }

    pub fn has_config(&self) -> bool {
        self.root.join(CONFIG_FILE).is_file()
    }

    /// Reads a text file given relative to the root. A file that is a link leaving the
    /// catalogue, or larger than the limit, is refused before it is read.
    pub fn read_text(&self, relative: &Path) -> Result<SourceFile, Diagnostic> {
        let target = self
            .root
            .join(relative)
            .canonicalize()
            .map_err(|e| unreadable(relative, &e))?;
        if !target.starts_with(&self.root) {
            return Err(Diagnostic::error(relative, &msg::LINK_LEAVES_CATALOGUE)
                .with_hint(&msg::COPY_INSTEAD_HINT));
        }
        self.read_inside(relative, &target)
    }

    /// [`read_text`](Self::read_text) for a file `file_names` listed: its folder and the file
    /// itself were found not to leave the catalogue, so its real path is not looked up again
    /// (six system calls a file; without them and the folders' lookups, reading 100,000
    /// entries took 3.5 s instead of 5.9 s).
    fn read_listed_text(&self, relative: &Path) -> Result<SourceFile, Diagnostic> {
        self.read_inside(relative, &self.root.join(relative))
    }

    /// Reads `target`, known to be inside the catalogue, refusing it over the size limit.
    fn read_inside(&self, relative: &Path, target: &Path) -> Result<SourceFile, Diagnostic> {
        let unreadable = |error: &io::Error| unreadable(relative, error);
        let (limit, hint) = if relative == Path::new(CONFIG_FILE) {
            (MAX_CONFIG_BYTES, &msg::CONFIG_TOO_BIG_HINT)
        } else {
            (self.max_text_bytes, &msg::TEXT_FILE_TOO_BIG_HINT)
        };
        let mut file = fs::File::open(target).map_err(|e| unreadable(&e))?;
        let size = file.metadata().map_err(|e| unreadable(&e))?.len();
        if size > limit {
            return Err(Diagnostic::error(
                relative,
                msg::TEXT_FILE_TOO_BIG
                    .arg("size", size.div_ceil(1024))
                    .arg("limit", limit / 1024),
            )
            .with_hint(hint));
        }
        let bytes = read_at_most(&mut file, limit).map_err(|e| unreadable(&e))?;
        decode_text(relative, bytes)
    }

    /// Says so when `relative` is a link to a folder outside the catalogue (or inside such a
    /// link).
    pub fn folder_leaving(&self, relative: &Path) -> Option<Diagnostic> {
        let leaves = self
            .root
            .join(relative)
            .canonicalize()
            .is_ok_and(|target| !target.starts_with(&self.root) && target.is_dir());
        leaves.then(|| {
            Diagnostic::error(relative, &msg::FOLDER_LINK_LEAVES_CATALOGUE)
                .with_hint(&msg::MOVE_FOLDER_HINT)
        })
    }

    /// Finds and reads every entry folder under `content/`.
    pub fn read_content(&self, diagnostics: &mut Diagnostics) -> RawContent {
        let mut folders = Vec::new();
        if let Some(problem) = self.folder_leaving(Path::new("content")) {
            diagnostics.push(problem);
            return RawContent::default();
        }
        for section in Section::ALL {
            folders.extend(self.entry_folders(section, diagnostics));
        }
        self.warn_about_unknown_sections(diagnostics);
        let read: Vec<(EntryFolder, Diagnostics)> = folders
            .into_par_iter()
            .map(|(section, slug)| self.read_entry(section, slug))
            .collect();
        let mut content = RawContent::default();
        for (entry, problems) in read {
            diagnostics.extend(problems);
            content.entries.push(entry);
        }
        content
    }

    fn entry_folders(
        &self,
        section: Section,
        diagnostics: &mut Diagnostics,
    ) -> Vec<(Section, String)> {
        let relative = Path::new("content").join(section.folder());
        let mut found = Vec::new();
        if let Some(problem) = self.folder_leaving(&relative) {
            diagnostics.push(problem);
            return found;
        }
        for item in WalkDir::new(self.root.join(&relative))
            .min_depth(1)
            .max_depth(1)
            .sort_by_file_name()
        {
            let item = match item {
                Ok(item) => item,
                Err(error) if is_not_found(&error) => break,
                Err(error) => {
                    diagnostics.push(walk_error(&self.root, &error));
                    continue;
                }
            };
            let name = item.file_name().to_string_lossy().into_owned();
            let item_path = relative.join(&name);
            if name.starts_with('.') {
                continue;
            }
            // Only a link can leave the catalogue (its folder was checked): looking up every
            // folder's real path cost six system calls an entry, one entry after another.
            let is_link = item.path_is_symlink();
            if let Some(problem) = is_link.then(|| self.folder_leaving(&item_path)).flatten() {
                diagnostics.push(problem);
                continue;
            }
            let is_dir = if is_link {
                item.path().is_dir()
            } else {
                item.file_type().is_dir()
            };
            if !is_dir {
                diagnostics.push(
                    Diagnostic::warning(&item_path, &msg::NOT_A_FOLDER_IGNORED)
                        .with_hint(msg::ENTRY_IS_A_FOLDER_HINT.arg("section", section.folder())),
                );
                continue;
            }
            if !is_valid_slug(&name) {
                diagnostics.push(
                    Diagnostic::error(&item_path, msg::BAD_FOLDER_NAME.arg("name", &name))
                        .with_hint(msg::RENAME_FOLDER_HINT.nested("how", &msg::SLUG_HINT)),
                );
                continue;
            }
            found.push((section, name));
        }
        found
    }

    fn warn_about_unknown_sections(&self, diagnostics: &mut Diagnostics) {
        let Ok(items) = fs::read_dir(self.root.join("content")) else {
            return;
        };
        let known: Vec<&str> = Section::ALL.iter().map(|s| s.folder()).collect();
        let mut unknown: Vec<String> = items
            .flatten()
            .map(|item| item.file_name().to_string_lossy().into_owned())
            .filter(|name| !name.starts_with('.') && !known.contains(&name.as_str()))
            .collect();
        unknown.sort();
        for name in unknown {
            let hint = crate::diagnostic::unknown_name_hint(&name, &msg::KIND_SECTIONS, &known);
            diagnostics.push(
                Diagnostic::warning(Path::new("content").join(&name), &msg::UNKNOWN_SECTION)
                    .with_hint(hint),
            );
        }
    }

    /// Reads one entry folder: its data file and its Markdown texts, with what was wrong.
    pub fn read_entry(&self, section: Section, slug: String) -> (EntryFolder, Diagnostics) {
        let dir = Path::new("content").join(section.folder()).join(&slug);
        let mut problems = Diagnostics::default();
        let mut entry = EntryFolder {
            section,
            slug,
            dir: dir.clone(),
            data: None,
            texts: BTreeMap::new(),
        };
        // Its files are read without looking up their real paths (`read_listed_text`): a
        // folder that is a link leaving the catalogue (swapped in while `serve` runs) is
        // refused first.
        let is_link = fs::symlink_metadata(self.root.join(&dir)).is_ok_and(|m| m.is_symlink());
        if let Some(problem) = is_link.then(|| self.folder_leaving(&dir)).flatten() {
            problems.push(problem);
            return (entry, problems);
        }
        for name in self.file_names(&dir, &mut problems) {
            let relative = dir.join(&name);
            let is_data = section.data_file() == Some(name.as_str());
            let markdown_stem = name.strip_suffix(".md").filter(|_| !is_data);
            if !is_data && markdown_stem.is_none() {
                continue; // photos and other files are read only when referenced
            }
            match self.read_listed_text(&relative) {
                Ok(file) if is_data => entry.data = Some(file),
                Ok(file) => {
                    let stem = markdown_stem.unwrap_or_default().to_owned();
                    entry.texts.insert(stem, file);
                }
                Err(problem) => problems.push(problem),
            }
        }
        if let (Some(data_name), None) = (section.data_file(), &entry.data) {
            if !problems.has_errors() {
                problems.push(
                    Diagnostic::error(&dir, msg::NO_DATA_FILE.arg("file", data_name)).with_hint(
                        msg::DATA_FILE_HINT
                            .arg("section", section.folder())
                            .arg("file", data_name),
                    ),
                );
            }
        }
        (entry, problems)
    }

    /// The names of the regular files directly inside `dir`, sorted, dot files skipped.
    fn file_names(&self, dir: &Path, problems: &mut Diagnostics) -> Vec<String> {
        let mut names = Vec::new();
        for item in WalkDir::new(self.root.join(dir))
            .min_depth(1)
            .max_depth(1)
            .sort_by_file_name()
        {
            match item {
                Ok(item) => {
                    let name = item.file_name().to_string_lossy().into_owned();
                    if name.starts_with('.') {
                        continue;
                    }
                    if item.path_is_symlink() && self.escapes_root(item.path()) {
                        problems.push(
                            Diagnostic::error(dir.join(&name), &msg::LINK_LEAVES_CATALOGUE)
                                .with_hint(&msg::COPY_INSTEAD_HINT),
                        );
                        continue;
                    }
                    let is_file = if item.path_is_symlink() {
                        item.path().is_file()
                    } else {
                        item.file_type().is_file()
                    };
                    if is_file {
                        names.push(name);
                    }
                }
                Err(error) => problems.push(walk_error(&self.root, &error)),
            }
        }
        names
    }

    fn escapes_root(&self, path: &Path) -> bool {
        match path.canonicalize() {
            Ok(target) => !target.starts_with(&self.root),
            Err(_) => true,
        }
    }

    /// Resolves a file an entry refers to (a photo, a logo) to an absolute path inside `dir`.
    /// Absolute paths, `..`, missing files and links leaving the catalogue are refused.
    pub fn resolve_asset(&self, dir: &Path, reference: &str) -> Result<PathBuf, AssetProblem> {
        let relative = Path::new(reference);
        let plain = !reference.is_empty()
            && !reference.contains('\\')
            && relative
                .components()
                .all(|c| matches!(c, Component::Normal(_)));
        if !plain {
            return Err(AssetProblem::NotInFolder);
        }
        let full = self.root.join(dir).join(relative);
        let target = match full.canonicalize() {
            Ok(target) => target,
            Err(_) => return Err(AssetProblem::Missing),
        };
        if !target.starts_with(&self.root) {
            return Err(AssetProblem::LeavesCatalogue);
        }
        if !target.is_file() {
            return Err(AssetProblem::Missing);
        }
        Ok(target)
    }
}

/// Why a referenced file could not be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AssetProblem {
    NotInFolder,
    Missing,
    LeavesCatalogue,
}

fn unreadable(relative: &Path, error: &io::Error) -> Diagnostic {
    Diagnostic::error(
        relative,
        msg::CANNOT_BE_READ.nested("reason", io_reason(error)),
    )
}

/// Reads up to `limit` bytes of a file (it may have grown since its size was checked).
fn read_at_most(file: &mut fs::File, limit: u64) -> io::Result<Vec<u8>> {
    use std::io::Read;
    let mut bytes = Vec::new();
    file.take(limit).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Bytes read from `relative` as text: UTF-8, BOM removed, line endings normalised.
fn decode_text(relative: &Path, bytes: Vec<u8>) -> Result<SourceFile, Diagnostic> {
    if looks_like_utf16(&bytes) {
        return Err(Diagnostic::error(relative, &msg::NOT_UTF16)
            .at_line(Some(1))
            .with_hint(&msg::NOT_UTF8_HINT));
    }
    let text = String::from_utf8(bytes).map_err(|error| {
        Diagnostic::error(relative, &msg::NOT_UTF8)
            .at_line(Some(line_of_byte(
                error.as_bytes(),
                error.utf8_error().valid_up_to(),
            )))
            .with_hint(&msg::NOT_UTF8_HINT)
    })?;
    Ok(SourceFile {
        path: relative.to_owned(),
        text: normalise_text(text),
    })
}

/// A UTF-16 byte-order mark, or a zero byte among the first two (ASCII saved as UTF-16).
fn looks_like_utf16(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xff, 0xfe])
        || bytes.starts_with(&[0xfe, 0xff])
        || (bytes.len() >= 2 && (bytes[0] == 0 || bytes[1] == 0))
}

/// Removes a UTF-8 byte-order mark and turns CRLF (and lone CR) line endings into LF.
pub fn normalise_text(text: String) -> String {
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    };
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    }
}

fn line_of_byte(bytes: &[u8], offset: usize) -> u64 {
    bytes[..offset].iter().filter(|b| **b == b'\n').count() as u64 + 1
}

fn is_not_found(error: &walkdir::Error) -> bool {
    error.io_error().map(io::Error::kind) == Some(io::ErrorKind::NotFound)
}

fn walk_error(root: &Path, error: &walkdir::Error) -> Diagnostic {
    let path = error
        .path()
        .and_then(|p| p.strip_prefix(root).ok())
        .unwrap_or(Path::new("content"));
    let reason = error
        .io_error()
        .map(io_reason)
        .unwrap_or_else(|| Message::from(&msg::REASON_LOOP));
    Diagnostic::error(path, msg::CANNOT_BE_READ.nested("reason", reason))
}

/// An I/O error as a plain sentence, without Rust's `{:?}` noise.
pub fn io_reason(error: &io::Error) -> Message {
    match error.kind() {
        io::ErrorKind::NotFound => Message::from(&msg::REASON_NOT_FOUND),
        io::ErrorKind::PermissionDenied => Message::from(&msg::REASON_PERMISSION),
        _ => msg::VERBATIM.arg("detail", error),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_bom_and_crlf() {
        assert_eq!(
            normalise_text("\u{feff}a: 1\r\nb: 2\r\n".into()),
            "a: 1\nb: 2\n"
        );
        assert_eq!(normalise_text("a\rb".into()), "a\nb");
    }

    #[test]
    fn refuses_references_that_leave_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("content/products/a")).unwrap();
        fs::write(dir.path().join("content/products/a/ok.jpg"), b"x").unwrap();
        fs::write(dir.path().join("secret.txt"), b"x").unwrap();
        let root = CatalogueRoot::open(dir.path()).unwrap();
        let entry = Path::new("content/products/a");
        assert!(root.resolve_asset(entry, "ok.jpg").is_ok());
        assert_eq!(
            root.resolve_asset(entry, "../../../secret.txt"),
            Err(AssetProblem::NotInFolder)
        );
        assert_eq!(
            root.resolve_asset(entry, "/etc/passwd"),
            Err(AssetProblem::NotInFolder)
        );
        assert_eq!(
            root.resolve_asset(entry, "missing.jpg"),
            Err(AssetProblem::Missing)
        );
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(
                "/etc/hostname",
                dir.path().join("content/products/a/link.jpg"),
            )
            .unwrap();
            assert_eq!(
                root.resolve_asset(entry, "link.jpg"),
                Err(AssetProblem::LeavesCatalogue)
            );
        }
    }

    /// `serve` reads an edited entry by itself (`read_entry`), without the walk over its
    /// section that refuses links: an entry folder swapped for a link to a folder outside
    /// is refused there too, and none of its files is read.
    #[cfg(unix)]
    #[test]
    fn an_entry_folder_linked_outside_is_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let catalogue = dir.path().join("katalog");
        let outside = dir.path().join("rumah");
        fs::create_dir_all(catalogue.join("content/products")).unwrap();
        fs::create_dir_all(&outside).unwrap();
        fs::write(outside.join("product.yaml"), "name: rahasia\n").unwrap();
        std::os::unix::fs::symlink(&outside, catalogue.join("content/products/a")).unwrap();
        let root = CatalogueRoot::open(&catalogue).unwrap();
        let (entry, problems) = root.read_entry(Section::Products, "a".into());
        assert!(entry.data.is_none(), "the linked file was read");
        let problem = problems.iter().next().expect("a problem");
        assert!(problem.is_error());
        assert_eq!(problem.file, Path::new("content/products/a"));
        let mut found = Diagnostics::default();
        let content = root.read_content(&mut found);
        assert!(content.entries.is_empty());
        assert!(found.has_errors());
    }
}
