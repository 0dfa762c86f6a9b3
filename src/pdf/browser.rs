//! Finding and running the browser: Chromium, Chrome or Edge from `--chrome`,
//! `ETALASE_CHROME`, `PATH` or where the system's installers put them (Linux, macOS and
//! Windows each have their list), run headless to print one page, stopped with every process it started when it
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
/// The names Chromium, Chrome and Edge go by on `PATH` on Linux and macOS, in order of
/// preference.
pub const CHROME_NAMES: [&str; 6] = [
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
    "microsoft-edge",
    "microsoft-edge-stable",
];
/// The names of their programs on Windows, when a folder of `PATH` holds one.
pub const WINDOWS_NAMES: [&str; 3] = ["chrome.exe", "msedge.exe", "chromium.exe"];
/// How long one brochure may take to print before the browser is stopped.
pub const PRINT_TIMEOUT: Duration = Duration::from_secs(120);
/// Page time the browser lets pass before printing, so every photo has loaded. Chromium
/// fast-forwards it while nothing is loading, so it costs far less than it says.
const VIRTUAL_TIME_BUDGET_MS: u32 = 10_000;
/// Lines of the browser's own messages shown when it fails.
const STDERR_TAIL: usize = 15;

/// The systems whose usual browser locations etalase knows. Other Unix systems count as
/// Linux: their browsers are on `PATH`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum System {
    Linux,
    MacOs,
    Windows,
}

impl System {
    /// The system etalase was built for.
    pub const CURRENT: System = if cfg!(target_os = "macos") {
        System::MacOs
    } else if cfg!(windows) {
        System::Windows
    } else {
        System::Linux
    };

    /// The names looked for in the folders of `PATH`, in order of preference.
    pub fn path_names(self) -> &'static [&'static str] {
        match self {
            System::Linux | System::MacOs => &CHROME_NAMES,
            System::Windows => &WINDOWS_NAMES,
        }
    }

    /// How to get a browser, or point etalase at one, on this system.
    pub fn install_hint(self) -> &'static msg::Template {
        match self {
            System::Linux => &msg::PDF_INSTALL_HINT,
            System::MacOs => &msg::PDF_INSTALL_HINT_MACOS,
            System::Windows => &msg::PDF_INSTALL_HINT_WINDOWS,
        }
    }

    /// Where the installers of Chrome, Chromium and Edge put the program, in order of
    /// preference (Chrome, Chromium, then Edge, which every Windows has), read from the
    /// environment through `var`. Only folders the system's installers use by default:
    /// a browser elsewhere is named with `--chrome` or `ETALASE_CHROME`.
    pub fn install_locations(self, var: &dyn Fn(&str) -> Option<OsString>) -> Vec<PathBuf> {
        match self {
            System::Linux => [
                "/snap/bin/chromium",
                "/opt/google/chrome/chrome",
                "/opt/microsoft/msedge/msedge",
            ]
            .iter()
            .map(PathBuf::from)
            .collect(),
            System::MacOs => macos_locations(var),
            System::Windows => windows_locations(var),
        }
    }
}

/// App bundles in /Applications, then in the user's own ~/Applications.
fn macos_locations(var: &dyn Fn(&str) -> Option<OsString>) -> Vec<PathBuf> {
    const PROGRAMS: [&str; 3] = [
        "Google Chrome.app/Contents/MacOS/Google Chrome",
        "Chromium.app/Contents/MacOS/Chromium",
        "Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
    ];
    let mut folders = vec![PathBuf::from("/Applications")];
    if let Some(home) = var("HOME").filter(|h| !h.is_empty()) {
        folders.push(Path::new(&home).join("Applications"));
    }
    PROGRAMS
        .iter()
        .flat_map(|program| folders.iter().map(move |folder| folder.join(program)))
        .collect()
}

/// Machine-wide installs under both Program Files folders, then per-user installs under
/// %LocalAppData%. Written with `\` whatever system runs this, so the list reads the same
/// in tests on Linux as on Windows.
fn windows_locations(var: &dyn Fn(&str) -> Option<OsString>) -> Vec<PathBuf> {
    const PROGRAMS: [&str; 3] = [
        r"Google\Chrome\Application\chrome.exe",
        r"Chromium\Application\chrome.exe",
        r"Microsoft\Edge\Application\msedge.exe",
    ];
    let folder = |name: &str, default: Option<&str>| {
        var(name)
            .filter(|v| !v.is_empty())
            .map(|v| v.to_string_lossy().trim_end_matches('\\').to_owned())
            .or(default.map(str::to_owned))
    };
    let mut folders: Vec<String> = [
        folder("ProgramFiles", Some(r"C:\Program Files")),
        folder("ProgramFiles(x86)", Some(r"C:\Program Files (x86)")),
        folder("LocalAppData", None),
    ]
    .into_iter()
    .flatten()
    .collect();
    // On 32-bit Windows both Program Files variables name the same folder.
    folders.dedup();
    PROGRAMS
        .iter()
        .flat_map(|program| {
            folders
                .iter()
                .map(move |folder| PathBuf::from(format!("{folder}\\{program}")))
        })
        .collect()
}

/// Finds the browser: `explicit` (`--chrome`), else `ETALASE_CHROME`, else the first of the
/// system's names on `PATH`, else the first of its usual install locations. `Err` says what
/// was tried; show [`System::install_hint`] with it.
pub fn find_browser(explicit: Option<&Path>) -> Result<PathBuf, Message> {
    find_browser_on(System::CURRENT, explicit, &|name| std::env::var_os(name))
}

/// [`find_browser`] on `system` with the environment read through `var`, for tests.
pub fn find_browser_on(
    system: System,
    explicit: Option<&Path>,
    var: &dyn Fn(&str) -> Option<OsString>,
) -> Result<PathBuf, Message> {
    let path_var = var("PATH").unwrap_or_default();
    if let Some(path) = explicit {
        return named_browser(path, "--chrome", &path_var);
    }
    if let Some(value) = var(CHROME_ENV).filter(|v| !v.is_empty()) {
        return named_browser(Path::new(&value), CHROME_ENV, &path_var);
    }
    candidates(system, var)
        .into_iter()
        .find(|candidate| is_program(candidate))
        .ok_or_else(|| msg::PDF_NO_BROWSER.arg("names", system.path_names().join(", ")))
}

/// Every place a browser is looked for when none is named, in order: each name in each
/// folder of `PATH`, then the usual install locations.
pub fn candidates(system: System, var: &dyn Fn(&str) -> Option<OsString>) -> Vec<PathBuf> {
    let path_var = var("PATH").unwrap_or_default();
    let folders: Vec<PathBuf> = std::env::split_paths(&path_var)
        .filter(|dir| !dir.as_os_str().is_empty())
        .collect();
    let on_path = system
        .path_names()
        .iter()
        .flat_map(|name| folders.iter().map(move |dir| dir.join(name)));
    on_path.chain(system.install_locations(var)).collect()
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

    /// An environment of only these variables.
    fn env(vars: &[(&str, &OsStr)]) -> impl Fn(&str) -> Option<OsString> {
        let vars: Vec<(String, OsString)> = vars
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        move |name| vars.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone())
    }

    fn strings(paths: Vec<PathBuf>) -> Vec<String> {
        paths.iter().map(|p| p.display().to_string()).collect()
    }

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
        let path_var = std::env::join_paths([dir.path(), &bin]).unwrap();
        let with = |chrome: Option<&str>| {
            let mut vars = vec![("PATH", path_var.as_os_str())];
            vars.extend(chrome.map(|c| (CHROME_ENV, OsStr::new(c))));
            env(&vars)
        };
        let linux = |explicit: Option<&Path>, chrome: Option<&str>| {
            find_browser_on(System::Linux, explicit, &with(chrome))
        };
        // (Unless this machine has a browser where installers put one.)
        let installed = System::Linux.install_locations(&with(None));
        if !installed.iter().any(|p| is_program(p)) {
            let none = linux(None, None).unwrap_err().render(Lang::En);
            assert!(
                none.contains("looked for chromium, chromium-browser"),
                "{none}"
            );
        }
        // A file that is not executable does not count.
        fs::write(bin.join("chromium"), "").unwrap();
        let edge = program("microsoft-edge");
        assert_eq!(linux(None, None), Ok(edge));
        let chrome = program("google-chrome-stable");
        assert_eq!(linux(None, None), Ok(chrome.clone()));
        let chromium_browser = program("chromium-browser");
        assert_eq!(linux(None, None), Ok(chromium_browser));
        // The variable comes before PATH, the option before both; bare names are looked up.
        let named = Some("google-chrome-stable");
        assert_eq!(linux(None, named), Ok(chrome.clone()));
        let explicit = program("my-chrome");
        assert_eq!(linux(Some(&explicit), named), Ok(explicit));
        let missing = linux(Some(Path::new("/no/chrome")), named);
        assert_eq!(
            missing.unwrap_err().render(Lang::En),
            "the browser given by --chrome, /no/chrome, does not exist or is not a program"
        );
        let missing = linux(None, Some("/no/chrome"));
        assert_eq!(
            missing.unwrap_err().render(Lang::En),
            "the browser given by ETALASE_CHROME, /no/chrome, does not exist or is not a program"
        );
    }

    #[test]
    fn path_comes_before_the_install_locations() {
        let vars = env(&[("PATH", OsStr::new("/usr/local/bin:/usr/bin"))]);
        let all = strings(candidates(System::Linux, &vars));
        assert_eq!(all[..2], ["/usr/local/bin/chromium", "/usr/bin/chromium"]);
        assert_eq!(
            all[all.len() - 3..],
            [
                "/snap/bin/chromium",
                "/opt/google/chrome/chrome",
                "/opt/microsoft/msedge/msedge"
            ]
        );
        assert_eq!(all.len(), 2 * CHROME_NAMES.len() + 3);
    }

    #[test]
    fn windows_looks_in_both_program_files_folders_and_the_users_own() {
        let vars = env(&[
            ("ProgramFiles", OsStr::new(r"C:\Program Files")),
            ("ProgramFiles(x86)", OsStr::new(r"C:\Program Files (x86)\")),
            ("LocalAppData", OsStr::new(r"C:\Users\Sri\AppData\Local")),
        ]);
        assert_eq!(
            strings(System::Windows.install_locations(&vars)),
            [
                r"C:\Program Files\Google\Chrome\Application\chrome.exe",
                r"C:\Program Files (x86)\Google\Chrome\Application\chrome.exe",
                r"C:\Users\Sri\AppData\Local\Google\Chrome\Application\chrome.exe",
                r"C:\Program Files\Chromium\Application\chrome.exe",
                r"C:\Program Files (x86)\Chromium\Application\chrome.exe",
                r"C:\Users\Sri\AppData\Local\Chromium\Application\chrome.exe",
                r"C:\Program Files\Microsoft\Edge\Application\msedge.exe",
                r"C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe",
                r"C:\Users\Sri\AppData\Local\Microsoft\Edge\Application\msedge.exe",
            ]
        );
        // Without the variables, the default folders; 32-bit Windows names one folder twice.
        let bare = strings(System::Windows.install_locations(&env(&[])));
        assert_eq!(bare.len(), 6);
        assert_eq!(
            bare[0],
            r"C:\Program Files\Google\Chrome\Application\chrome.exe"
        );
        let same = env(&[
            ("ProgramFiles", OsStr::new(r"C:\Program Files")),
            ("ProgramFiles(x86)", OsStr::new(r"C:\Program Files")),
        ]);
        assert_eq!(System::Windows.install_locations(&same).len(), 3);
        assert_eq!(
            System::Windows.path_names(),
            ["chrome.exe", "msedge.exe", "chromium.exe"]
        );
    }

    #[test]
    fn macos_looks_in_applications_then_the_users_own() {
        let vars = env(&[("HOME", OsStr::new("/Users/sri"))]);
        assert_eq!(
            strings(System::MacOs.install_locations(&vars)),
            [
                "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
                "/Users/sri/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
                "/Applications/Chromium.app/Contents/MacOS/Chromium",
                "/Users/sri/Applications/Chromium.app/Contents/MacOS/Chromium",
                "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
                "/Users/sri/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
            ]
        );
        assert_eq!(System::MacOs.install_locations(&env(&[])).len(), 3);
    }

    #[test]
    fn each_system_says_how_to_point_etalase_at_a_browser() {
        for system in [System::Linux, System::MacOs, System::Windows] {
            for lang in [Lang::En, Lang::Id] {
                let hint = Message::from(system.install_hint()).render(lang);
                assert!(hint.contains("--chrome PATH"), "{system:?}: {hint}");
                assert!(hint.contains("ETALASE_CHROME"), "{system:?}: {hint}");
            }
        }
        let windows = Message::from(System::Windows.install_hint()).render(Lang::En);
        assert!(windows.contains(r"C:\Program Files\Google\Chrome\Application\chrome.exe"));
        let macos = Message::from(System::MacOs.install_hint()).render(Lang::En);
        assert!(macos.contains("/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"));
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
