//! The catalogue's lock: one command at a time writes to a catalogue (its site, its photo
//! cache, its entries). `build`, `pdf`, `import` and each of `serve`'s builds hold it while
//! they work; `check`, `export` and `import --dry-run` only read and never take it.
//!
//! The lock is the operating system's own lock on the file `.etalase-cache/lock`
//! ([`File::try_lock`]), so it ends with the process that holds it: a command killed half-way
//! leaves the file behind but not the lock, and the next command takes it over at once. The
//! file says who holds it (process, command, since when), so a command that has to wait names
//! them. A waiting command waits until the lock is free, as cargo does for its build folder:
//! giving up would only make the editor run it again by hand.

use std::fs::{self, File, TryLockError};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::Path;
use std::thread;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use crate::error::Error;
use crate::images::cache::CACHE_DIR;
use crate::messages::{self as msg, Message};

/// The lock file, relative to the catalogue root.
pub const LOCK_FILE: &str = ".etalase-cache/lock";

/// How long a command waits quietly before it says whom it is waiting for: longer than
/// `serve` takes to rebuild the sample after a save (well under a second), so an editor who
/// builds while previewing sees no notice for the usual short wait.
pub const QUIET_WAIT: Duration = Duration::from_secs(2);

/// How often a waiting command tries again.
const RETRY: Duration = Duration::from_millis(100);

/// The held lock; dropping it (or the process ending) releases it.
#[derive(Debug)]
pub struct CatalogueLock {
    // Holding the open file holds the lock.
    _file: File,
}

impl CatalogueLock {
    /// Takes the lock of the catalogue at `root` for `command` (`build`, `import`, ...),
    /// waiting while another command holds it; after [`QUIET_WAIT`], `notice` is told once
    /// whom it waits for.
    pub fn acquire(
        root: &Path,
        command: &str,
        notice: &dyn Fn(&Message),
    ) -> Result<CatalogueLock, Error> {
        let cannot = |detail: std::io::Error| {
            Error::failed(
                msg::CANNOT_LOCK_CATALOGUE
                    .arg("path", LOCK_FILE)
                    .arg("detail", detail),
            )
        };
        fs::create_dir_all(root.join(CACHE_DIR)).map_err(cannot)?;
        let mut file = File::options()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(root.join(LOCK_FILE))
            .map_err(cannot)?;
        let started = Instant::now();
        let mut told = false;
        loop {
            match file.try_lock() {
                Ok(()) => break,
                Err(TryLockError::WouldBlock) => {}
                Err(TryLockError::Error(error)) => return Err(cannot(error)),
            }
            if !told && started.elapsed() >= QUIET_WAIT {
                notice(&waiting_for(&mut file));
                told = true;
            }
            thread::sleep(RETRY);
        }
        // What a waiting command will read; a failure to write it costs only that detail.
        let _ = write_holder(&mut file, command);
        Ok(CatalogueLock { _file: file })
    }
}

/// Who holds a lock, as its file says.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Holder {
    process: u32,
    command: String,
    since_unix: u64,
}

impl Holder {
    fn parse(text: &str) -> Option<Holder> {
        let mut lines = text.lines();
        Some(Holder {
            process: lines.next()?.trim().parse().ok()?,
            command: lines.next()?.trim().to_owned(),
            since_unix: lines.next()?.trim().parse().ok()?,
        })
    }
}

/// Replaces the file's text with this process's lines of who holds it.
fn write_holder(file: &mut File, command: &str) -> std::io::Result<()> {
    let since = unix_now();
    file.set_len(0)?;
    file.seek(SeekFrom::Start(0))?;
    write!(file, "{}\n{command}\n{since}\n", std::process::id())?;
    file.flush()
}

/// The notice of a command that has to wait: whom for, as the lock file says.
fn waiting_for(file: &mut File) -> Message {
    let mut text = String::new();
    let _ = file.seek(SeekFrom::Start(0));
    // The holder's lines are short; a longer file is not one etalase wrote.
    let _ = file.take(256).read_to_string(&mut text);
    match Holder::parse(&text) {
        Some(holder) => msg::WAITING_FOR_COMMAND
            .arg("command", format!("etalase {}", holder.command))
            .arg("process", holder.process)
            .arg("seconds", unix_now().saturating_sub(holder.since_unix)),
        None => Message::from(&msg::WAITING_FOR_OTHER_COMMAND),
    }
}

fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    use super::*;
    use crate::messages::Lang;

    fn quiet(_: &Message) {}

    /// Takes the lock of `root` on another thread, recording its notices.
    fn waiter(
        root: &Path,
        command: &'static str,
    ) -> (thread::JoinHandle<()>, Arc<Mutex<Vec<String>>>) {
        let notices = Arc::new(Mutex::new(Vec::new()));
        let seen = Arc::clone(&notices);
        let root = root.to_owned();
        let handle = thread::spawn(move || {
            let record = |m: &Message| seen.lock().unwrap().push(m.render(Lang::En));
            let lock = CatalogueLock::acquire(&root, command, &record).unwrap();
            drop(lock);
        });
        (handle, notices)
    }

    #[test]
    fn a_second_taker_waits_names_the_holder_and_gets_the_lock_once_it_is_free() {
        let dir = tempfile::tempdir().unwrap();
        let held = CatalogueLock::acquire(dir.path(), "import", &quiet).unwrap();
        let (handle, notices) = waiter(dir.path(), "build");
        thread::sleep(QUIET_WAIT + Duration::from_millis(500));
        assert!(!handle.is_finished(), "the waiter took a held lock");
        let said = notices.lock().unwrap().clone();
        assert_eq!(said.len(), 1, "{said:?}");
        assert!(said[0].contains("`etalase import`"), "{said:?}");
        assert!(
            said[0].contains(&format!("process {}", std::process::id())),
            "{said:?}"
        );
        drop(held);
        handle.join().unwrap();
        let text = fs::read_to_string(dir.path().join(LOCK_FILE)).unwrap();
        assert_eq!(Holder::parse(&text).unwrap().command, "build");
    }

    #[test]
    fn a_short_wait_says_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let held = CatalogueLock::acquire(dir.path(), "serve", &quiet).unwrap();
        let (handle, notices) = waiter(dir.path(), "build");
        thread::sleep(Duration::from_millis(300));
        drop(held);
        handle.join().unwrap();
        assert!(notices.lock().unwrap().is_empty());
    }

    #[test]
    fn a_lock_file_left_by_a_dead_process_is_taken_over_at_once() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join(CACHE_DIR)).unwrap();
        fs::write(dir.path().join(LOCK_FILE), "999999\nbuild\n1\n").unwrap();
        let started = Instant::now();
        let lock = CatalogueLock::acquire(dir.path(), "import", &quiet);
        assert!(lock.is_ok());
        assert!(started.elapsed() < QUIET_WAIT);
        let text = fs::read_to_string(dir.path().join(LOCK_FILE)).unwrap();
        let holder = Holder::parse(&text).unwrap();
        assert_eq!(
            (holder.process, holder.command.as_str()),
            (std::process::id(), "import")
        );
    }

    #[test]
    fn an_unreadable_holder_line_still_gives_a_plain_notice() {
        let dir = tempfile::tempdir().unwrap();
        let held = CatalogueLock::acquire(dir.path(), "build", &quiet).unwrap();
        fs::write(dir.path().join(LOCK_FILE), "garbage").unwrap();
        let (handle, notices) = waiter(dir.path(), "build");
        thread::sleep(QUIET_WAIT + Duration::from_millis(500));
        drop(held);
        handle.join().unwrap();
        let said = notices.lock().unwrap().clone();
        assert_eq!(said.len(), 1, "{said:?}");
        assert!(said[0].contains("another etalase command"), "{said:?}");
    }
}
