//! The photo cache under `.etalase-cache/`: processed variants stored by a key made of the
//! source's content hash and the processing settings, so a rebuild with unchanged photos
//! decodes nothing. Entries are written to a temporary folder and renamed into place, so an
//! interrupted build never leaves a broken entry. A small index remembers each source's size,
//! modification time and hash, so unchanged photos are not even read again.
//!
//! The cache stays bounded: a build marks the entries it uses (the modification time of their
//! manifest), and once a day a build removes entries no build has used for [`UNUSED_DAYS`],
//! leftovers of interrupted builds, and index lines of photos that are gone.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::Format;

/// Where the cache lives, relative to the catalogue root.
pub const CACHE_DIR: &str = ".etalase-cache";

/// How long an entry no build used stays: a product taken off the catalogue for a while (sold
/// out for the season, or a mistake in its file being fixed) comes back without its photos
/// being processed again; after a month, the space is given back. A photo replaced by another
/// leaves its old copies, about 0.3 MB with the default widths, for that long.
pub const UNUSED_DAYS: u64 = 30;

pub(crate) const DAY: Duration = Duration::from_secs(24 * 60 * 60);

/// Marks when the cache was last pruned; pruning looks at every entry, so it runs once a day.
const PRUNED_STAMP: &str = "pruned";

/// One encoded size of a photo.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VariantRecord {
    pub width: u32,
    pub height: u32,
    pub format: Format,
    /// File name inside the cache entry.
    pub file: String,
}

/// What a cache entry holds besides its files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// The upright photo's size.
    pub width: u32,
    pub height: u32,
    pub alpha: bool,
    /// `#rrggbb`, shown while the photo loads.
    pub colour: String,
    pub variants: Vec<VariantRecord>,
    pub share: Option<VariantRecord>,
}

/// Size and modification time of a file, and the hash of its bytes: while the first two stay
/// the same, the file is taken not to have changed and is not read again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileStamp {
    pub size: u64,
    pub modified_ns: u128,
    /// blake3 of the bytes, in hex.
    pub hash: String,
}

impl FileStamp {
    /// The stamp of the file at `path`, reusing `known`'s hash when its size and modification
    /// time still match; otherwise the file is read and hashed.
    pub fn of(path: &Path, known: Option<&FileStamp>) -> io::Result<FileStamp> {
        let mut stamp = FileStamp::of_unread(path)?;
        let unchanged =
            known.filter(|k| k.size == stamp.size && k.modified_ns == stamp.modified_ns);
        stamp.hash = match unchanged {
            Some(known) => known.hash.clone(),
            None => blake3::hash(&fs::read(path)?).to_hex().to_string(),
        };
        Ok(stamp)
    }

    /// Size and modification time, with no hash.
    fn of_unread(path: &Path) -> io::Result<FileStamp> {
        let meta = fs::metadata(path)?;
        let modified_ns = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos());
        Ok(FileStamp {
            size: meta.len(),
            modified_ns,
            hash: String::new(),
        })
    }
}

/// The cache of one catalogue.
pub struct Cache {
    images: PathBuf,
    index_file: PathBuf,
    index: Mutex<BTreeMap<String, FileStamp>>,
}

impl Cache {
    /// Opens (and creates) the cache of the catalogue at `root`.
    pub fn open(root: &Path) -> io::Result<Cache> {
        let base = root.join(CACHE_DIR);
        let images = base.join("images");
        fs::create_dir_all(&images)?;
        let index_file = base.join("sources.json");
        let index = fs::read(&index_file)
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default();
        Ok(Cache {
            images,
            index_file,
            index: Mutex::new(index),
        })
    }

    /// Opens the cache only if it exists (for `check`, which writes nothing).
    pub fn open_existing(root: &Path) -> Option<Cache> {
        let base = root.join(CACHE_DIR);
        if !base.join("images").is_dir() {
            return None;
        }
        Cache::open(root).ok()
    }

    /// The content hash of a source file; read and hashed only when it changed since last time.
    pub fn source_hash(&self, path: &Path, relative: &str) -> io::Result<String> {
        let known = self
            .index
            .lock()
            .ok()
            .and_then(|i| i.get(relative).cloned());
        let stamp = FileStamp::of(path, known.as_ref())?;
        let hash = stamp.hash.clone();
        if let Ok(mut index) = self.index.lock() {
            index.insert(relative.to_owned(), stamp);
        }
        Ok(hash)
    }

    /// The content hash the index remembers for a source file whose size and modification
    /// time have not changed since, found without reading the file; `None` otherwise.
    pub fn known_hash(&self, path: &Path, relative: &str) -> Option<String> {
        let known = self.index.lock().ok()?.get(relative).cloned()?;
        let stamp = FileStamp::of_unread(path).ok()?;
        (stamp.size == known.size && stamp.modified_ns == known.modified_ns).then_some(known.hash)
    }

    /// The folder of a cache entry.
    pub fn entry_dir(&self, key: &str) -> PathBuf {
        self.images.join(key)
    }

    /// A complete entry's manifest, if the entry exists.
    pub fn load(&self, key: &str) -> Option<Manifest> {
        let bytes = fs::read(self.entry_dir(key).join("manifest.json")).ok()?;
        serde_json::from_slice(&bytes).ok()
    }

    /// Writes an entry: files and manifest into a temporary folder, then renamed into place.
    pub fn store(
        &self,
        key: &str,
        manifest: &Manifest,
        files: &[(String, Vec<u8>)],
    ) -> io::Result<()> {
        let final_dir = self.entry_dir(key);
        let temporary = self
            .images
            .join(format!("{key}.tmp-{}-{}", std::process::id(), unique()));
        fs::create_dir_all(&temporary)?;
        let written = (|| {
            for (name, bytes) in files {
                fs::write(temporary.join(name), bytes)?;
            }
            fs::write(
                temporary.join("manifest.json"),
                serde_json::to_vec_pretty(manifest)?,
            )?;
            fs::rename(&temporary, &final_dir)
        })();
        match written {
            Ok(()) => Ok(()),
            // Another build stored the same entry first; keys name content, so it is identical.
            Err(_) if self.load(key).is_some() => {
                let _ = fs::remove_dir_all(&temporary);
                Ok(())
            }
            Err(error) => {
                let _ = fs::remove_dir_all(&temporary);
                Err(error)
            }
        }
    }

    /// Marks an entry as used by this build (its manifest's modification time), at most once a
    /// day, so pruning keeps it; a failure only makes the entry look older.
    pub fn mark_used(&self, key: &str) {
        let manifest = self.entry_dir(key).join("manifest.json");
        let now = SystemTime::now();
        let recent = fs::metadata(&manifest)
            .and_then(|meta| meta.modified())
            .is_ok_and(|modified| now.duration_since(modified).unwrap_or_default() < DAY);
        if !recent {
            let _ = fs::File::open(&manifest).and_then(|file| file.set_modified(now));
        }
    }

    /// Once a day: removes entries unused for [`UNUSED_DAYS`], folders interrupted builds left,
    /// and index lines of photos no longer under `root`. Run by a build holding the catalogue's
    /// lock, after it marked what it uses; the number of entries removed.
    pub fn prune(&self, root: &Path) -> io::Result<usize> {
        let stamp = self.images.with_file_name(PRUNED_STAMP);
        let now = SystemTime::now();
        if age(&stamp, now).is_some_and(|age| age < DAY) {
            return Ok(0);
        }
        let mut removed = 0;
        for entry in fs::read_dir(&self.images)? {
            let entry = entry?;
            let name = entry.file_name();
            let path = entry.path();
            let stale = match name.to_string_lossy().contains(".tmp-") {
                // Written by a build that did not finish; an hour spares one still running.
                true => age(&path, now).is_none_or(|age| age > Duration::from_secs(3600)),
                false => age(&path.join("manifest.json"), now)
                    .is_none_or(|age| age > DAY * UNUSED_DAYS as u32),
            };
            if stale && fs::remove_dir_all(&path).is_ok() {
                removed += 1;
            }
        }
        if let Ok(mut index) = self.index.lock() {
            index.retain(|relative, _| root.join(relative).is_file());
        }
        self.save_index()?;
        fs::write(&stamp, b"")?;
        Ok(removed)
    }

    /// Saves the source index (atomically, like the entries).
    pub fn save_index(&self) -> io::Result<()> {
        let index = self
            .index
            .lock()
            .map_err(|_| io::Error::other("index lock poisoned"))?;
        let temporary =
            self.index_file
                .with_extension(format!("tmp-{}-{}", std::process::id(), unique()));
        fs::write(&temporary, serde_json::to_vec(&*index)?)?;
        fs::rename(&temporary, &self.index_file)
    }
}

/// How long ago `path` was last modified; `None` when it cannot be told (it is missing).
pub(crate) fn age(path: &Path, now: SystemTime) -> Option<Duration> {
    let modified = fs::metadata(path).and_then(|meta| meta.modified()).ok()?;
    Some(now.duration_since(modified).unwrap_or_default())
}

/// Distinguishes temporary folders of threads of the same process.
pub(crate) fn unique() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stamp_reads_a_file_again_only_when_its_size_or_time_changed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("foto.jpg");
        fs::write(&path, b"first").unwrap();
        let first = FileStamp::of(&path, None).unwrap();
        assert_eq!(first.hash, blake3::hash(b"first").to_hex().to_string());
        // Same size, same time: the known hash is trusted, the file not read.
        let time = fs::metadata(&path).unwrap().modified().unwrap();
        fs::write(&path, b"other").unwrap();
        fs::File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(time)
            .unwrap();
        assert_eq!(FileStamp::of(&path, Some(&first)).unwrap().hash, first.hash);
        // Another size: read again.
        fs::write(&path, b"longer text").unwrap();
        let again = FileStamp::of(&path, Some(&first)).unwrap();
        assert_eq!(
            again.hash,
            blake3::hash(b"longer text").to_hex().to_string()
        );
    }

    fn manifest() -> Manifest {
        Manifest {
            width: 10,
            height: 5,
            alpha: false,
            colour: "#102030".into(),
            variants: vec![VariantRecord {
                width: 10,
                height: 5,
                format: Format::Webp,
                file: "10.webp".into(),
            }],
            share: None,
        }
    }

    #[test]
    fn stored_entries_load_back_and_leave_no_temporary_folder() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::open(dir.path()).unwrap();
        cache
            .store("abc", &manifest(), &[("10.webp".into(), b"RIFF".to_vec())])
            .unwrap();
        assert_eq!(cache.load("abc"), Some(manifest()));
        assert_eq!(
            fs::read(cache.entry_dir("abc").join("10.webp")).unwrap(),
            b"RIFF"
        );
        let names: Vec<_> = fs::read_dir(dir.path().join(CACHE_DIR).join("images"))
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        assert_eq!(names, ["abc"]);
    }

    fn set_age(path: &Path, days: u64) {
        let then = SystemTime::now() - DAY * days as u32;
        // Times are set through a read-only handle: folders cannot be opened for writing.
        fs::File::open(path).unwrap().set_modified(then).unwrap();
    }

    fn entries(dir: &Path) -> Vec<String> {
        let mut names: Vec<_> = fs::read_dir(dir.join(CACHE_DIR).join("images"))
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn pruning_removes_what_no_build_used_for_a_month_and_runs_once_a_day() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::open(dir.path()).unwrap();
        for key in ["fresh", "used-again", "month-old", "week-old"] {
            cache.store(key, &manifest(), &[]).unwrap();
        }
        let manifest_of = |key: &str| cache.entry_dir(key).join("manifest.json");
        set_age(&manifest_of("used-again"), UNUSED_DAYS + 10);
        set_age(&manifest_of("month-old"), UNUSED_DAYS + 1);
        set_age(&manifest_of("week-old"), 7);
        cache.mark_used("used-again");
        // A build killed half-way left its temporary folder a day ago.
        let leftover = cache.images.join("x.tmp-1-0");
        fs::create_dir_all(&leftover).unwrap();
        set_age(&leftover, 1);
        // An index line for a photo that is gone, and one for a photo that is there.
        fs::write(dir.path().join("a.jpg"), b"one").unwrap();
        cache
            .source_hash(&dir.path().join("a.jpg"), "a.jpg")
            .unwrap();
        cache.index.lock().unwrap().insert(
            "gone.jpg".into(),
            FileStamp {
                size: 1,
                modified_ns: 1,
                hash: "h".into(),
            },
        );

        assert_eq!(cache.prune(dir.path()).unwrap(), 2);
        assert_eq!(entries(dir.path()), ["fresh", "used-again", "week-old"]);
        let index = Cache::open(dir.path()).unwrap().index.into_inner().unwrap();
        assert_eq!(index.keys().collect::<Vec<_>>(), ["a.jpg"]);

        // Within the day nothing is looked at again.
        set_age(&manifest_of("week-old"), UNUSED_DAYS + 1);
        assert_eq!(cache.prune(dir.path()).unwrap(), 0);
        assert_eq!(entries(dir.path()).len(), 3);
    }

    #[test]
    fn unchanged_sources_are_not_hashed_again() {
        let dir = tempfile::tempdir().unwrap();
        let photo = dir.path().join("a.jpg");
        fs::write(&photo, b"one").unwrap();
        let cache = Cache::open(dir.path()).unwrap();
        let first = cache.source_hash(&photo, "a.jpg").unwrap();
        cache.save_index().unwrap();
        let reopened = Cache::open(dir.path()).unwrap();
        assert_eq!(reopened.source_hash(&photo, "a.jpg").unwrap(), first);
        fs::write(&photo, b"changed").unwrap();
        assert_ne!(reopened.source_hash(&photo, "a.jpg").unwrap(), first);
    }
}
