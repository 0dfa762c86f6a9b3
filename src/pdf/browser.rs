//! Finding and running the browser: Chromium or Chrome from `--chrome`, `ETALASE_CHROME` or
//! `PATH`, run headless to print one page, stopped with every process it started when it
//! takes too long, and what it said on stderr when it fails.

use std::ffi::{OsStr, OsString};
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use super::cause_chain;
use crate::messages::{self as msg, Message};

/// The environment variable naming the browser when `--chrome` is not given.
pub const CHROME_ENV: &str = "ETALASE_CHROME";
/// The names Chromium and Chrome go by on `PATH`, in order of preference.
pub const CHROME_NAMES: [&str; 4] = [
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
];
/// How long one brochure may take to print before the browser is stopped.
pub const PRINT_TIMEOUT: Duration = Duration::from_secs(120);
/// Page time the browser lets pass before printing, so every photo has loaded. Chromium
/// fast-forwards it while nothing is loading, so it costs far less than it says.
const VIRTUAL_TIME_BUDGET_MS: u32 = 10_000;
/// Lines of the browser's own messages shown when it fails.
const STDERR_TAIL: usize = 15;

/// Finds the browser: `explicit` (`--chrome`), else `ETALASE_CHROME`, else the first of
/// [`CHROME_NAMES`] on `PATH`. `Err` says what was tried; show [`msg::PDF_INSTALL_HINT`]
/// with it.
pub fn find_browser(explicit: Option<&Path>) -> Result<PathBuf, Message> {
    find_browser_with(
        explicit,
        std::env::var_os(CHROME_ENV),
        std::env::var_os("PATH"),
    )
}

/// [`find_browser`] with the environment given, for tests.
pub fn find_browser_with(
    explicit: Option<&Path>,
    env_value: Option<OsString>,
    path_var: Option<OsString>,
) -> Result<PathBuf, Message> {
    let path_var = path_var.unwrap_or_default();
    if let Some(path) = explicit {
        return named_browser(path, "--chrome", &path_var);
    }
    if let Some(value) = env_value.filter(|v| !v.is_empty()) {
        return named_browser(Path::new(&value), CHROME_ENV, &path_var);
    }
    CHROME_NAMES
        .iter()
        .find_map(|name| on_path(name.as_ref(), &path_var))
        .ok_or_else(|| msg::PDF_NO_BROWSER.arg("names", CHROME_NAMES.join(", ")))
}

/// A browser named by an option or variable: a path, or a bare name looked up on `PATH`.
fn named_browser(path: &Path, source: &str, path_var: &OsString) -> Result<PathBuf, Message> {
    let found = if path.components().count() == 1 && !path.has_root() {
        on_path(path.as_os_str(), path_var)
    } else {
        Some(path.to_owned()).filter(|p| is_program(p))
    };
    found.ok_or_else(|| {
        msg::PDF_BROWSER_MISSING
            .arg("source", source)
            .arg("path", path.display())
    })
}

fn on_path(name: &OsStr, path_var: &OsString) -> Option<PathBuf> {
    std::env::split_paths(path_var)
        .filter(|dir| !dir.as_os_str().is_empty())
        .map(|dir| dir.join(name))
        .find(|candidate| is_program(candidate))
}

fn is_program(path: &Path) -> bool {
    let Ok(meta) = fs::metadata(path) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        meta.is_file() && meta.permissions().mode() & 0o111 != 0
    }
    #[cfg(not(unix))]
    {
        meta.is_file()
    }
}

/// Whether this process runs as root, where Chromium refuses to start with its sandbox.
pub(super) fn running_as_root() -> bool {
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::fs::MetadataExt;
        fs::metadata("/proc/self").is_ok_and(|meta| meta.uid() == 0)
    }
    #[cfg(not(target_os = "linux"))]
    {
        false
    }
}

/// The browser's arguments to print `page` (a file) into `pdf`, with a fresh profile.
pub(super) fn browser_args(
    page: &Path,
    pdf: &Path,
    profile: &Path,
    as_root: bool,
) -> Vec<OsString> {
    let mut args: Vec<OsString> = [
        "--headless",
        "--no-pdf-header-footer",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--no-default-browser-check",
    ]
    .iter()
    .map(OsString::from)
    .collect();
    args.push(format!("--virtual-time-budget={VIRTUAL_TIME_BUDGET_MS}").into());
    args.push(joined("--print-to-pdf=", pdf));
    args.push(joined("--user-data-dir=", profile));
    if as_root {
        args.push("--no-sandbox".into());
    }
    args.push(file_url(page).into());
    args
}

fn joined(flag: &str, path: &Path) -> OsString {
    let mut arg = OsString::from(flag);
    arg.push(path.as_os_str());
    arg
}

/// A `file://` URL of an absolute path, percent-encoding what a URL cannot hold.
fn file_url(path: &Path) -> String {
    const KEEP: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
        .remove(b'/')
        .remove(b'-')
        .remove(b'_')
        .remove(b'.')
        .remove(b'~');
    let text = path.to_string_lossy();
    format!(
        "file://{}",
        percent_encoding::utf8_percent_encode(&text, KEEP)
    )
}

/// Runs the browser to completion, stopping it after `timeout`; returns what it said on stderr.
/// `Err` carries the tail of that.
pub(super) fn run_browser(
    browser: &Path,
    args: &[OsString],
    timeout: Duration,
) -> Result<String, Message> {
    let mut command = Command::new(browser);
    command
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    // It stays in etalase's process group, so that Ctrl+C stops it too.
    let mut child = command.spawn().map_err(|error| {
        msg::PDF_CANNOT_START
            .arg("browser", browser.display())
            .arg("detail", cause_chain(&error))
    })?;
    let stderr = collect_stderr(&mut child);
    let status = wait_or_stop(&mut child, timeout)?;
    let said = stderr.finish();
    match status {
        Some(status) if status.success() => Ok(said),
        Some(status) => Err(with_said(
            msg::PDF_BROWSER_FAILED
                .arg("browser", browser.display())
                .arg("status", status),
            &said,
        )),
        None => Err(with_said(
            msg::PDF_BROWSER_STOPPED
                .arg("browser", browser.display())
                .arg("seconds", seconds(timeout)),
            &said,
        )),
    }
}

/// `120 s`, `0.5 s`.
fn seconds(duration: Duration) -> String {
    if duration.subsec_millis() == 0 {
        format!("{} s", duration.as_secs())
    } else {
        format!("{:.1} s", duration.as_secs_f64())
    }
}

/// Waits for the child; after `timeout`, stops it with what it started and returns `None`.
fn wait_or_stop(child: &mut Child, timeout: Duration) -> Result<Option<ExitStatus>, Message> {
    let deadline = Instant::now() + timeout;
    loop {
        let exited = child
            .try_wait()
            .map_err(|error| msg::PDF_CANNOT_WAIT.arg("detail", cause_chain(&error)))?;
        if let Some(status) = exited {
            return Ok(Some(status));
        }
        if Instant::now() >= deadline {
            stop(child);
            return Ok(None);
        }
        thread::sleep(Duration::from_millis(25));
    }
}

/// Kills a child that has not been waited for (so its id is still its own) and, on Linux, every
/// process it started (a browser's renderers and helpers), then waits for it.
fn stop(child: &mut Child) {
    let helpers = descendants(child.id());
    if !helpers.is_empty() {
        let _ = Command::new("kill")
            .arg("-KILL")
            .args(helpers.iter().map(u32::to_string))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }
    let _ = child.kill();
    let _ = child.wait();
}

/// The processes descending from `pid`, from `/proc` (none known elsewhere).
fn descendants(pid: u32) -> Vec<u32> {
    let Ok(items) = fs::read_dir("/proc") else {
        return Vec::new();
    };
    let parents: Vec<(u32, u32)> = items
        .flatten()
        .filter_map(|item| {
            let id: u32 = item.file_name().to_str()?.parse().ok()?;
            Some((
                id,
                parent_of(&fs::read_to_string(item.path().join("stat")).ok()?)?,
            ))
        })
        .collect();
    let mut found = vec![pid];
    let mut next = 0;
    while let Some(&parent) = found.get(next) {
        found.extend(
            parents
                .iter()
                .filter(|(_, p)| *p == parent)
                .map(|(id, _)| *id),
        );
        next += 1;
    }
    found.split_off(1)
}

/// The parent's id in a `/proc/<pid>/stat` line: `pid (name) state ppid ...`.
fn parent_of(stat: &str) -> Option<u32> {
    let (_, after_name) = stat.rsplit_once(')')?;
    after_name.split_whitespace().nth(1)?.parse().ok()
}

/// The browser's stderr, read on a thread so that it never blocks on a full pipe.
struct Stderr {
    text: Arc<Mutex<Vec<u8>>>,
    done: std::sync::mpsc::Receiver<()>,
}

fn collect_stderr(child: &mut Child) -> Stderr {
    let text = Arc::new(Mutex::new(Vec::new()));
    let (sender, done) = std::sync::mpsc::channel();
    if let Some(mut pipe) = child.stderr.take() {
        let text = Arc::clone(&text);
        thread::spawn(move || {
            let mut chunk = [0u8; 8192];
            while let Ok(read @ 1..) = pipe.read(&mut chunk) {
                if let Ok(mut text) = text.lock() {
                    text.extend_from_slice(&chunk[..read]);
                }
            }
            let _ = sender.send(());
        });
    }
    Stderr { text, done }
}

impl Stderr {
    /// What the browser said, once its pipe closed (or a moment after it exited, should a
    /// helper process still hold the pipe open).
    fn finish(self) -> String {
        let _ = self.done.recv_timeout(Duration::from_secs(2));
        let bytes = self.text.lock().map(|t| t.clone()).unwrap_or_default();
        String::from_utf8_lossy(&bytes).into_owned()
    }
}

/// `message` with its `{said}` filled by the last lines the browser printed on `stderr`, or by
/// nothing when it printed none worth showing.
pub(super) fn with_said(message: Message, stderr: &str) -> Message {
    match tail_of(stderr) {
        Some(lines) => message.nested("said", msg::PDF_BROWSER_SAID.arg("lines", lines)),
        None => message.arg("said", ""),
    }
}

/// The last lines the browser printed, without the noise it makes on machines without a
/// desktop session (D-Bus), indented under one another.
fn tail_of(stderr: &str) -> Option<String> {
    let lines: Vec<&str> = stderr
        .lines()
        .filter(|line| !line.trim().is_empty() && !line.contains("dbus"))
        .collect();
    if lines.is_empty() {
        return None;
    }
    let tail = &lines[lines.len().saturating_sub(STDERR_TAIL)..];
    Some(tail.join("\n    "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::Lang;

    #[test]
    fn browsers_are_found_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let bin = dir.path().join("bin");
        fs::create_dir(&bin).unwrap();
        let program = |name: &str| {
            let path = bin.join(name);
            fs::write(&path, "#!/bin/sh\n").unwrap();
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                fs::set_permissions(&path, fs::Permissions::from_mode(0o755)).unwrap();
            }
            path
        };
        let path_var = Some(std::env::join_paths([dir.path(), &bin]).unwrap());
        let none = find_browser_with(None, None, path_var.clone())
            .unwrap_err()
            .render(Lang::En);
        assert!(
            none.contains("looked for chromium, chromium-browser"),
            "{none}"
        );
        // A file that is not executable does not count.
        fs::write(bin.join("chromium"), "").unwrap();
        let chrome = program("google-chrome-stable");
        assert_eq!(
            find_browser_with(None, None, path_var.clone()),
            Ok(chrome.clone())
        );
        let chromium_browser = program("chromium-browser");
        assert_eq!(
            find_browser_with(None, None, path_var.clone()),
            Ok(chromium_browser)
        );
        // The variable comes before PATH, the option before both; bare names are looked up.
        let env = Some(OsString::from("google-chrome-stable"));
        assert_eq!(
            find_browser_with(None, env.clone(), path_var.clone()),
            Ok(chrome.clone())
        );
        let explicit = program("my-chrome");
        assert_eq!(
            find_browser_with(Some(&explicit), env.clone(), path_var.clone()),
            Ok(explicit)
        );
        let missing = find_browser_with(Some(Path::new("/no/chrome")), env, path_var.clone());
        assert_eq!(
            missing.unwrap_err().render(Lang::En),
            "the browser given by --chrome, /no/chrome, does not exist or is not a program"
        );
        let missing = find_browser_with(None, Some("/no/chrome".into()), path_var);
        assert_eq!(
            missing.unwrap_err().render(Lang::En),
            "the browser given by ETALASE_CHROME, /no/chrome, does not exist or is not a program"
        );
    }

    #[test]
    fn the_sandbox_is_dropped_only_for_root() {
        let page = Path::new("/site/id/brochure/index.html");
        let args = |root| browser_args(page, Path::new("/o/x.pdf"), Path::new("/p"), root);
        let user = args(false);
        assert!(!user.contains(&OsString::from("--no-sandbox")));
        assert!(user.contains(&OsString::from("--print-to-pdf=/o/x.pdf")));
        assert!(user.contains(&OsString::from("--user-data-dir=/p")));
        assert_eq!(user.last().unwrap(), "file:///site/id/brochure/index.html");
        assert!(args(true).contains(&OsString::from("--no-sandbox")));
    }

    #[test]
    fn the_tail_of_what_the_browser_said_skips_dbus_noise() {
        let said = "[1:2:ERROR:dbus/bus.cc:405] Failed to connect to the bus\nreal problem\n\n";
        let failed = || {
            msg::PDF_BROWSER_FAILED
                .arg("browser", "b")
                .arg("status", "x")
        };
        assert_eq!(
            with_said(failed(), said).render(Lang::En),
            "b failed (x); it said:\n    real problem"
        );
        let noise = "[x:dbus/object_proxy.cc] noise\n";
        assert_eq!(with_said(failed(), noise).render(Lang::En), "b failed (x)");
    }

    #[cfg(unix)]
    #[test]
    fn a_browser_that_hangs_is_stopped_with_its_helpers() {
        let dir = tempfile::tempdir().unwrap();
        let helper = dir.path().join("helper.pid");
        let script = format!(
            "sleep 60 & echo $! > '{}'; echo 'still loading' >&2; sleep 60",
            helper.display()
        );
        let args: Vec<OsString> = vec!["-c".into(), script.into()];
        let started = Instant::now();
        let error = run_browser(Path::new("/bin/sh"), &args, Duration::from_millis(500))
            .unwrap_err()
            .render(Lang::En);
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "not stopped in time"
        );
        // (The shell may still report its killed `sleep` before it goes itself.)
        assert!(
            error.starts_with(
                "/bin/sh did not finish printing within 0.5 s and was stopped; it said:\n    \
                 still loading"
            ),
            "{error}"
        );
        // The helper it started went with it (killed, then reaped by init).
        let pid = fs::read_to_string(&helper).unwrap();
        let proc = PathBuf::from(format!("/proc/{}", pid.trim()));
        let deadline = Instant::now() + Duration::from_secs(5);
        while proc.exists() && Instant::now() < deadline {
            thread::sleep(Duration::from_millis(20));
        }
        let state = fs::read_to_string(proc.join("stat")).unwrap_or_default();
        assert!(
            !proc.exists() || state.contains(") Z "),
            "the helper survived: {state}"
        );
    }

    #[test]
    fn file_urls_are_encoded() {
        assert_eq!(
            file_url(Path::new("/tmp/my site/id/brochure/index.html")),
            "file:///tmp/my%20site/id/brochure/index.html"
        );
    }
}
