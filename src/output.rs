//! Writing the site. Everything goes into a staging folder beside `output/`, which is swapped
//! into place only when the whole build succeeded, so a failed build leaves the previous site
//! untouched. The site replaced by a swap is kept as the next build's staging folder: files
//! that did not change are left alone and changed ones are rewritten in place, which spares
//! the file system from deleting and re-creating tens of thousands of files on every build.
//! Static files of the theme and the catalogue are copied here too.

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

use walkdir::WalkDir;

use crate::diagnostic::Diagnostic;
use crate::messages::{self as msg, Message};

/// A site being written; dropped without `commit`, it is left as a spare for the next build.
pub struct Staging {
    dir: PathBuf,
    target: PathBuf,
    written: Mutex<HashSet<PathBuf>>,
    /// Hard links from the cache failed as crossing file systems: photos are copied.
    links_fail: AtomicBool,
    /// The staging folder was empty when the build began (no spare from an earlier build):
    /// nothing in it can be left as it is, so pages are written without looking first.
    fresh: bool,
}

/// Refuses output folders whose replacement would destroy something that is not a site.
pub fn check_target(root: &Path, target: &Path) -> Result<(), Message> {
    let root = root.canonicalize().unwrap_or_else(|_| root.to_owned());
    let resolved = absolute(target);
    let path = target.display();
    if root.starts_with(&resolved) {
        return Err(msg::OUTPUT_HOLDS_CATALOGUE.arg("path", path));
    }
    for protected in ["content", "static", "themes", "templates"] {
        if resolved.starts_with(root.join(protected)) {
            return Err(msg::OUTPUT_INSIDE_SOURCES
                .arg("path", path)
                .arg("folder", protected));
        }
    }
    if resolved.is_dir() && !looks_like_a_site(&resolved) {
        return Err(msg::OUTPUT_NOT_A_SITE.arg("path", path));
    }
    Ok(())
}

fn looks_like_a_site(dir: &Path) -> bool {
    let empty = fs::read_dir(dir)
        .map(|mut items| items.next().is_none())
        .unwrap_or(false);
    empty || dir.join("sitemap.xml").is_file()
}

fn absolute(path: &Path) -> PathBuf {
    if let Ok(real) = path.canonicalize() {
        return real;
    }
    let parent = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    match (parent.canonicalize(), path.file_name()) {
        (Ok(parent), Some(name)) => parent.join(name),
        _ => path.to_owned(),
    }
}

/// Where a site is written: the staging folder of `build`, or the memory of `serve`.
pub trait SiteWriter: Sync {
    /// Writes a generated file at a site-relative path.
    fn write_page(&self, relative: &str, bytes: &[u8]) -> Result<(), Diagnostic>;

    /// Places a file the catalogue or theme ships (it may change before the next build).
    fn copy_file(&self, source: &Path, relative: &str) -> Result<(), Diagnostic>;

    /// Places a processed photo from the cache (it never changes under that name).
    fn link_file(&self, source: &Path, relative: &str) -> Result<(), Diagnostic>;

    /// Copies a folder's files (dot files skipped) to the site root, replacing same-named files.
    fn copy_tree(&self, source: &Path) -> Result<usize, Diagnostic> {
        let mut copied = 0;
        for item in WalkDir::new(source)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'))
        {
            let item = item.map_err(|error| {
                let reason = msg::VERBATIM.arg("detail", error);
                Diagnostic::error(source, msg::CANNOT_BE_READ.nested("reason", reason))
            })?;
            if !item.file_type().is_file() {
                continue;
            }
            let Ok(inside) = item.path().strip_prefix(source) else {
                continue;
            };
            let relative = inside
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            self.copy_file(item.path(), &relative)?;
            copied += 1;
        }
        Ok(copied)
    }
}

/// A [`SiteWriter`] that keeps nothing: `etalase check` renders every page only to find
/// the errors that rendering reveals.
pub struct Discard;

impl SiteWriter for Discard {
    fn write_page(&self, _: &str, _: &[u8]) -> Result<(), Diagnostic> {
        Ok(())
    }

    fn copy_file(&self, _: &Path, _: &str) -> Result<(), Diagnostic> {
        Ok(())
    }

    fn link_file(&self, _: &Path, _: &str) -> Result<(), Diagnostic> {
        Ok(())
    }
}

impl SiteWriter for Staging {
    fn write_page(&self, relative: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        Staging::write_page(self, relative, bytes)
    }

    fn copy_file(&self, source: &Path, relative: &str) -> Result<(), Diagnostic> {
        Staging::copy_file(self, source, relative)
    }

    fn link_file(&self, source: &Path, relative: &str) -> Result<(), Diagnostic> {
        Staging::link_file(self, source, relative)
    }
}

impl Staging {
    /// Opens the staging folder next to `target`: the spare left by the previous build, or a new
    /// one. The refusal says which folder could not be made, and why.
    pub fn create(target: &Path) -> Result<Staging, Message> {
        let target = absolute(target);
        let (Some(parent), Some(name)) = (target.parent(), target.file_name()) else {
            return Err(msg::OUTPUT_IS_NOT_A_FOLDER.arg("path", target.display()));
        };
        let name = name.to_string_lossy();
        create_folder(parent)?;
        remove_leftovers(parent, &name);
        let dir = spare_path(&target);
        create_folder(&dir)?;
        let fresh = fs::read_dir(&dir).is_ok_and(|mut items| items.next().is_none());
        Ok(Staging {
            dir,
            target,
            written: Mutex::new(HashSet::new()),
            links_fail: AtomicBool::new(false),
            fresh,
        })
    }

    pub fn path(&self) -> &Path {
        &self.dir
    }

    /// Writes a file at a site-relative path, creating its folders; an identical file is left as it is.
    pub fn write_page(&self, relative: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        let path = self.dir.join(relative);
        self.remember(&path);
        if !self.fresh && same_content(&path, bytes) {
            return Ok(());
        }
        // The folder is made only when writing finds it missing: most pages go into a folder
        // that exists already (a product page beside its QR code), and looking first cost two
        // `stat`s a page; a cold build writes 427,000 files at 100,000 products.
        let written = match fs::write(&path, bytes) {
            Err(error) if error.kind() == io::ErrorKind::NotFound => match path.parent() {
                Some(parent) => fs::create_dir_all(parent).and_then(|()| fs::write(&path, bytes)),
                None => Err(error),
            },
            done => done,
        };
        written.map_err(|error| write_failure(relative, &error))
    }

    /// Copies `source` to a site-relative path, unless an identical copy is already there.
    pub fn copy_file(&self, source: &Path, relative: &str) -> Result<(), Diagnostic> {
        let bytes = fs::read(source).map_err(|error| {
            Diagnostic::error(
                source,
                msg::CANNOT_BE_READ.nested("reason", crate::content::io_reason(&error)),
            )
        })?;
        self.write_page(relative, &bytes)
    }

    /// Puts `source` at a site-relative path as a hard link, or a copy where the output is on
    /// another file system than the cache (tmpfs, a USB disk). What an earlier build placed
    /// there is left alone: a link to the same file, or a copy with the source's size and
    /// modification time (cache files never change under their name).
    pub fn link_file(&self, source: &Path, relative: &str) -> Result<(), Diagnostic> {
        let path = self.dir.join(relative);
        self.remember(&path);
        let failure = |error: io::Error| write_failure(relative, &error);
        // The common case in one system call: a new link where nothing is yet (a warm build
        // of 300 products places 5,700 files; looking first cost four calls a file).
        if !self.links_fail.load(Ordering::Relaxed) {
            match link_creating_folder(source, &path) {
                Ok(()) => return Ok(()),
                // Every later file would fail the same way: copy them without trying.
                Err(error) if error.kind() == io::ErrorKind::CrossesDevices => {
                    self.links_fail.store(true, Ordering::Relaxed);
                }
                // Something is there already, or linking is refused: looked at below.
                Err(_) => {}
            }
        }
        let original = fs::metadata(source).map_err(failure)?;
        match fs::symlink_metadata(&path) {
            Ok(there) if already_placed(&there, &original) => return Ok(()),
            Ok(_) => {
                let _ = fs::remove_file(&path);
            }
            Err(_) => {
                if let Some(parent) = path.parent() {
                    fs::create_dir_all(parent).map_err(failure)?;
                }
            }
        }
        if !self.links_fail.load(Ordering::Relaxed) && fs::hard_link(source, &path).is_ok() {
            return Ok(());
        }
        copy_keeping_time(source, &path, &original).map_err(failure)
    }

    /// Notes a file this build wrote, so that `remove_stale` keeps it. A fresh staging folder
    /// holds nothing stale: at 100,000 products, remembering its 427,000 paths and walking them
    /// again took 3.4 s of a 53 s build.
    fn remember(&self, path: &Path) {
        if self.fresh {
            return;
        }
        if let Ok(mut written) = self.written.lock() {
            written.insert(path.to_owned());
        }
    }

    /// Removes what an earlier build left in the staging folder and this build did not write.
    fn remove_stale(&self) -> io::Result<()> {
        if self.fresh {
            return Ok(());
        }
        let written = self
            .written
            .lock()
            .map_err(|_| io::Error::other("a writer thread failed"))?;
        for item in WalkDir::new(&self.dir).min_depth(1).contents_first(true) {
            let item = item.map_err(io::Error::other)?;
            let path = item.path();
            if item.file_type().is_dir() {
                if fs::read_dir(path)?.next().is_none() {
                    fs::remove_dir(path)?;
                }
            } else if !written.contains(path) {
                fs::remove_file(path)?;
            }
        }
        Ok(())
    }

    /// Swaps the finished site into place; the previous site becomes the next build's spare.
    pub fn commit(self) -> io::Result<()> {
        self.remove_stale()?;
        let previous = sibling(&self.target, "previous");
        let had_site = self.target.exists();
        if had_site {
            fs::rename(&self.target, &previous)?;
        }
        if let Err(error) = fs::rename(&self.dir, &self.target) {
            if had_site {
                let _ = fs::rename(&previous, &self.target);
            }
            return Err(error);
        }
        if had_site {
            let _ = fs::rename(&previous, spare_path(&self.target));
        }
        Ok(())
    }
}

/// Whether the file `there` already is `original`: the same file (a hard link of it), or a
/// copy with its size and modification time.
fn already_placed(there: &fs::Metadata, original: &fs::Metadata) -> bool {
    let same_time = matches!(
        (there.modified(), original.modified()),
        (Ok(a), Ok(b)) if a == b
    );
    there.is_file() && (same_file(there, original) || (there.len() == original.len() && same_time))
}

fn same_file(a: &fs::Metadata, b: &fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        a.dev() == b.dev() && a.ino() == b.ino()
    }
    #[cfg(not(unix))]
    {
        let _ = (a, b);
        false
    }
}

/// A hard link of `source` at `path`, making `path`'s folder first when it is missing.
fn link_creating_folder(source: &Path, path: &Path) -> io::Result<()> {
    match fs::hard_link(source, path) {
        Err(error) if error.kind() == io::ErrorKind::NotFound => {
            if let Some(parent) = path.parent() {
                fs::create_dir_all(parent)?;
            }
            fs::hard_link(source, path)
        }
        done => done,
    }
}

/// Copies `source` to `path` (on Linux `io::copy` between files is `copy_file_range`, done in
/// the kernel) and gives the copy the source's modification time, by which the next build
/// knows it.
fn copy_keeping_time(source: &Path, path: &Path, original: &fs::Metadata) -> io::Result<()> {
    let mut from = fs::File::open(source)?;
    let mut to = fs::File::create(path)?;
    io::copy(&mut from, &mut to)?;
    if let Ok(modified) = original.modified() {
        to.set_modified(modified)?;
    }
    Ok(())
}

/// Whether `path` already holds exactly `bytes` (checked by size first, to read little).
fn same_content(path: &Path, bytes: &[u8]) -> bool {
    match fs::metadata(path) {
        Ok(meta) if meta.is_file() && meta.len() == bytes.len() as u64 => {
            fs::read(path).map(|old| old == bytes).unwrap_or(false)
        }
        _ => false,
    }
}

/// `.output.<what>` beside `output`.
fn sibling(target: &Path, what: &str) -> PathBuf {
    let name = target.file_name().unwrap_or_default().to_string_lossy();
    target.with_file_name(format!(".{name}.{what}"))
}

/// Where the staging folder lives between builds.
pub fn spare_path(target: &Path) -> PathBuf {
    sibling(target, "spare")
}

/// Creates `folder` and its parents; the refusal names it.
fn create_folder(folder: &Path) -> Result<(), Message> {
    fs::create_dir_all(folder).map_err(|error| {
        msg::CANNOT_CREATE_FOLDER
            .arg("path", folder.display())
            .nested("reason", crate::content::io_reason(&error))
    })
}

/// Removes staging and old folders that an interrupted build left behind.
fn remove_leftovers(parent: &Path, name: &str) {
    let Ok(items) = fs::read_dir(parent) else {
        return;
    };
    let prefixes = [format!(".{name}.staging-"), format!(".{name}.old-")];
    for item in items.flatten() {
        let file_name = item.file_name().to_string_lossy().into_owned();
        if prefixes.iter().any(|p| file_name.starts_with(p.as_str())) {
            let _ = fs::remove_dir_all(item.path());
        }
    }
}

fn write_failure(relative: &str, error: &io::Error) -> Diagnostic {
    Diagnostic::error(
        format!("output/{relative}"),
        msg::CANNOT_BE_WRITTEN.nested("reason", crate::content::io_reason(error)),
    )
}

/// A [`SiteWriter`] that writes a `.gz` and a `.br` copy beside every text file, for hosts
/// that serve a precompressed copy when the browser accepts it (nginx's `gzip_static`,
/// Apache with rewrite rules, many CDNs). Photos are already compressed and pass through.
pub struct Precompressed<'a> {
    pub inner: &'a dyn SiteWriter,
}

/// The files worth compressing: text.
const COMPRESSIBLE: [&str; 9] = [
    "html",
    "css",
    "js",
    "json",
    "xml",
    "svg",
    "csv",
    "txt",
    "webmanifest",
];
/// Brotli's quality, 9 of 11: on 200 pages of the sample (2.0 MB of HTML) quality 11 made
/// them 437 KB against 9's 481 KB but took six times as long (14.3 s against 2.3 s with the
/// `brotli` command, one core; gzip -9: 533 KB), and a build may write tens of thousands of pages.
const BROTLI_QUALITY: u32 = 9;
/// Brotli's window: 2^22 bytes, its default.
const BROTLI_WINDOW: u32 = 22;

impl SiteWriter for Precompressed<'_> {
    fn write_page(&self, relative: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        self.inner.write_page(relative, bytes)?;
        let extension = relative.rsplit_once('.').map_or("", |(_, ext)| ext);
        if !COMPRESSIBLE.contains(&extension) {
            return Ok(());
        }
        self.inner
            .write_page(&format!("{relative}.gz"), &gzip(bytes))?;
        self.inner
            .write_page(&format!("{relative}.br"), &brotli(bytes))
    }

    fn copy_file(&self, source: &Path, relative: &str) -> Result<(), Diagnostic> {
        let bytes = fs::read(source).map_err(|error| {
            Diagnostic::error(
                source,
                msg::CANNOT_BE_READ.nested("reason", crate::content::io_reason(&error)),
            )
        })?;
        self.write_page(relative, &bytes)
    }

    /// A text file (a QR code) gets its compressed copies too; photos are linked as they are.
    fn link_file(&self, source: &Path, relative: &str) -> Result<(), Diagnostic> {
        let extension = relative.rsplit_once('.').map_or("", |(_, ext)| ext);
        if COMPRESSIBLE.contains(&extension) {
            return self.copy_file(source, relative);
        }
        self.inner.link_file(source, relative)
    }
}

/// gzip at its best level, with no file name and a zero time in the header, so the same page
/// always gives the same bytes.
fn gzip(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write as _;
    let mut encoder = flate2::GzBuilder::new().write(Vec::new(), flate2::Compression::best());
    // Writing into a Vec cannot fail.
    let _ = encoder.write_all(bytes);
    encoder.finish().unwrap_or_default()
}

fn brotli(bytes: &[u8]) -> Vec<u8> {
    let mut compressed = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: BROTLI_QUALITY as i32,
        lgwin: BROTLI_WINDOW as i32,
        ..Default::default()
    };
    // Reading from a slice and writing into a Vec cannot fail.
    let _ = brotli::BrotliCompress(&mut &bytes[..], &mut compressed, &params);
    compressed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dropped_staging_leaves_the_old_site() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("output");
        fs::create_dir(&target).unwrap();
        fs::write(target.join("sitemap.xml"), "old").unwrap();
        {
            let staging = Staging::create(&target).unwrap();
            staging.write_page("sitemap.xml", b"new").unwrap();
        }
        assert_eq!(
            fs::read_to_string(target.join("sitemap.xml")).unwrap(),
            "old"
        );
    }

    #[test]
    fn the_replaced_site_is_reused_without_stale_files() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("output");
        for (round, page) in ["a", "b", "c"].iter().enumerate() {
            let staging = Staging::create(&target).unwrap();
            staging
                .write_page(&format!("{page}/index.html"), b"page")
                .unwrap();
            staging
                .write_page("sitemap.xml", round.to_string().as_bytes())
                .unwrap();
            staging.commit().unwrap();
        }
        let mut files: Vec<String> = WalkDir::new(&target)
            .into_iter()
            .flatten()
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                e.path()
                    .strip_prefix(&target)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        files.sort();
        assert_eq!(files, ["c/index.html", "sitemap.xml"]);
        assert_eq!(fs::read_to_string(target.join("sitemap.xml")).unwrap(), "2");
        assert!(
            spare_path(&target).join("b/index.html").is_file(),
            "the previous site is the spare"
        );
    }

    #[test]
    fn a_copy_keeps_the_source_time_and_is_then_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let source = dir.path().join("960.webp");
        fs::write(&source, b"processed photo").unwrap();
        let original = fs::metadata(&source).unwrap();
        let copy = dir.path().join("copy.webp");
        copy_keeping_time(&source, &copy, &original).unwrap();
        assert_eq!(fs::read(&copy).unwrap(), b"processed photo");
        let placed = fs::metadata(&copy).unwrap();
        assert_eq!(placed.modified().unwrap(), original.modified().unwrap());
        assert!(
            already_placed(&placed, &original),
            "an earlier build's copy"
        );
        // The same size but another time: not known to be the same file.
        let older = original.modified().unwrap() - std::time::Duration::from_secs(60);
        fs::File::options()
            .write(true)
            .open(&copy)
            .unwrap()
            .set_modified(older)
            .unwrap();
        assert!(!already_placed(&fs::metadata(&copy).unwrap(), &original));
        // Another size (a copy cut short): not the same file.
        fs::write(&copy, b"processed").unwrap();
        assert!(!already_placed(&fs::metadata(&copy).unwrap(), &original));
    }

    #[test]
    fn linked_photos_are_the_cache_file_and_a_second_build_leaves_them() {
        let dir = tempfile::tempdir().unwrap();
        let source = dir.path().join("cache-960.webp");
        fs::write(&source, b"processed photo").unwrap();
        let target = dir.path().join("output");
        for _ in 0..2 {
            let staging = Staging::create(&target).unwrap();
            staging.link_file(&source, "media/a-960.webp").unwrap();
            let placed = staging.path().join("media/a-960.webp");
            assert_eq!(fs::read(&placed).unwrap(), b"processed photo");
            assert!(already_placed(
                &fs::metadata(&placed).unwrap(),
                &fs::metadata(&source).unwrap()
            ));
            staging.commit().unwrap();
        }
        assert!(target.join("media/a-960.webp").is_file());
        assert_eq!(
            fs::read(&source).unwrap(),
            b"processed photo",
            "the cache file is untouched"
        );
    }

    #[test]
    fn commit_replaces_the_old_site() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("output");
        fs::create_dir(&target).unwrap();
        fs::write(target.join("stale.html"), "old").unwrap();
        let staging = Staging::create(&target).unwrap();
        staging.write_page("a/index.html", b"new").unwrap();
        staging.commit().unwrap();
        assert_eq!(
            fs::read_to_string(target.join("a/index.html")).unwrap(),
            "new"
        );
        assert!(!target.join("stale.html").exists());
    }

    #[test]
    fn refuses_to_replace_a_folder_that_is_not_a_site() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("notes.txt"), "precious").unwrap();
        let error = check_target(Path::new("/nonexistent-root"), dir.path()).unwrap_err();
        assert!(error
            .render(crate::messages::Lang::En)
            .contains("does not look like an etalase site"));
        assert!(check_target(dir.path(), &dir.path().join("content/x")).is_err());
    }
}
