//! Browser harness: the sample catalogue (the repository root) built once per test binary,
//! served over HTTP on 127.0.0.1, and one headless Chromium driven through the DevTools
//! protocol (`headless_chrome`), shared by every test of the binary.
//!
//! Chromium is found through `ETALASE_CHROME`, else `chromium`, `chromium-browser` or
//! `google-chrome` on `PATH`. Without one, [`harness`] says so on stderr and returns `None`, and
//! the test returns early (CI installs Debian's `chromium`, so there it always runs).
//!
//! Chromium is started under a small `sh` watchdog that holds the read end of a pipe whose write
//! end only this process has: when the test binary exits (even when killed), the pipe closes and
//! the watchdog stops Chromium and removes the temporary folder (profile and built site).
//! Statics are never dropped, so nothing else would.
//!
//! Expectations are never written by hand: [`Model`] holds what the catalogue says (names per
//! language, categories, certifications, ...) as loaded by the library itself.

use std::collections::BTreeMap;
use std::fmt::Debug;
use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, LazyLock, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use etalase::model::Catalogue;
use headless_chrome::protocol::cdp::{Emulation, Network, Runtime};
use headless_chrome::{Browser, Tab};
use percent_encoding::percent_decode_str;
use serde_json::Value;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use super::{describe_error, repo_root};

/// How long [`Page::wait_for`] waits before it fails: a limit for a broken page, not a speed
/// target. Generous, because CI runs the whole suite on two cores, with many tabs at once.
pub const WAIT: Duration = Duration::from_secs(30);
/// How often [`Page::wait_for`] looks again.
const POLL: Duration = Duration::from_millis(50);
/// The names Chromium goes by on `PATH`, in order of preference.
const CHROME_NAMES: [&str; 3] = ["chromium", "chromium-browser", "google-chrome"];

/// The line a browser test prints when it cannot run.
pub const SKIP_MESSAGE: &str =
    "skipped: no Chromium found (install Debian's chromium package or set ETALASE_CHROME)";

// ---------------------------------------------------------------- the shared harness

/// The built sample site, its server and the browser, shared by the tests of one binary.
pub struct Harness {
    /// `http://127.0.0.1:<port>`, without a trailing slash.
    pub origin: String,
    /// What the sample catalogue says, to derive expectations from.
    pub model: Model,
    browser: Browser,
    /// The watchdog, whose stdin pipe keeps Chromium alive as long as this process lives.
    _watchdog: Mutex<Child>,
}

static HARNESS: LazyLock<Option<Harness>> = LazyLock::new(start);

/// The shared harness, started on first use; `None` (after saying so on stderr) when this
/// machine has no Chromium.
pub fn harness() -> Option<&'static Harness> {
    let harness = HARNESS.as_ref();
    if harness.is_none() {
        // Straight to stderr, past the test harness's output capture, so the skip shows.
        let _ = writeln!(std::io::stderr(), "{SKIP_MESSAGE}");
    }
    harness
}

fn start() -> Option<Harness> {
    let chrome = find_chrome()?;
    let dir = tempfile::Builder::new()
        .prefix("etalase-browser-")
        .tempdir()
        .expect("temporary folder")
        .keep(); // removed by the watchdog when this process ends
    let (watchdog, profile) = launch_chrome(&chrome, &dir);

    // Chromium starts up while the site builds.
    let site = dir.join("site");
    if let Err(error) = etalase::build(repo_root(), &site) {
        panic!(
            "building the sample catalogue failed:\n{}",
            describe_error(&error)
        );
    }
    let model = Model::load(repo_root());
    let origin = serve(site);

    let ws_url = devtools_url(&profile, &dir);
    // The connection is dropped after this long without any event from the browser.
    let browser = Browser::connect_with_timeout(ws_url, Duration::from_secs(24 * 3600))
        .unwrap_or_else(|e| panic!("cannot connect to Chromium: {e:#}"));
    Some(Harness {
        origin,
        model,
        browser,
        _watchdog: Mutex::new(watchdog),
    })
}

/// `ETALASE_CHROME` (which must then exist), else the first of [`CHROME_NAMES`] on `PATH`.
fn find_chrome() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("ETALASE_CHROME").filter(|p| !p.is_empty()) {
        let path = PathBuf::from(path);
        assert!(
            path.is_file(),
            "ETALASE_CHROME is set to {}, which is not a file",
            path.display()
        );
        return Some(path);
    }
    let dirs: Vec<PathBuf> = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).collect())
        .unwrap_or_default();
    CHROME_NAMES
        .iter()
        .flat_map(|name| dirs.iter().map(move |dir| dir.join(name)))
        .find(|candidate| candidate.is_file())
}

/// Starts Chromium under the watchdog; returns the watchdog (holding the write end of its
/// stdin) and Chromium's profile folder.
fn launch_chrome(chrome: &Path, dir: &Path) -> (Child, PathBuf) {
    let profile = dir.join("profile");
    fs::create_dir_all(&profile).expect("create the profile folder");
    // `read` returns when the pipe closes, that is when this process has ended.
    const WATCHDOG: &str = r#"dir=$1; shift
"$@" >"$dir/chromium.log" 2>&1 &
pid=$!
read -r _
kill "$pid" 2>/dev/null
wait "$pid"
rm -rf "$dir""#;
    let child = Command::new("/bin/sh")
        .arg("-c")
        .arg(WATCHDOG)
        .arg("sh")
        .arg(dir)
        .arg(chrome)
        .args([
            "--headless",
            "--no-sandbox", // tests run as root
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-quic",
            "--disable-extensions",
            "--disable-dev-shm-usage",
            // Tests share the browser, each in its own tab: no tab may be slowed as hidden.
            "--disable-background-timer-throttling",
            "--disable-backgrounding-occluded-windows",
            "--disable-renderer-backgrounding",
            "--mute-audio",
            "--window-size=1280,900",
            "--remote-debugging-address=127.0.0.1",
            "--remote-debugging-port=0",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("about:blank")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {}: {e}", chrome.display()));
    (child, profile)
}

/// Waits for Chromium to write its DevTools port into the profile; the WebSocket URL.
fn devtools_url(profile: &Path, dir: &Path) -> String {
    let file = profile.join("DevToolsActivePort");
    let started = Instant::now();
    loop {
        if let Ok(text) = fs::read_to_string(&file) {
            let mut lines = text.lines();
            if let (Some(port), Some(path)) = (lines.next(), lines.next()) {
                return format!("ws://127.0.0.1:{port}{path}");
            }
        }
        if started.elapsed() > Duration::from_secs(60) {
            let log = fs::read_to_string(dir.join("chromium.log")).unwrap_or_default();
            panic!("Chromium did not open its DevTools port within 60 s; its output:\n{log}");
        }
        thread::sleep(POLL);
    }
}

// ---------------------------------------------------------------- the HTTP server

/// Serves `site` on 127.0.0.1 (a free port) for the whole test binary; the origin URL.
///
/// With [`Host`]: a thread per connection and one answer per connection. tiny_http, which
/// answered here before, now and then never took up a request the browser had sent on one of
/// its kept-alive connections (seen as a products page whose deferred script and third photo
/// were never asked for, so its load never finished: about one run in three of a browser test
/// alone on a busy machine).
fn serve(site: PathBuf) -> String {
    let host = Host::start(site);
    let origin = host.origin.clone();
    // Never cut off; the server thread outlives the harness, like the browser.
    std::mem::forget(host);
    origin
}

/// The file a request URL stands for, if it can be inside the site.
fn file_for(site: &Path, url: &str) -> Option<PathBuf> {
    let path = url.split(['?', '#']).next().unwrap_or_default();
    let path = percent_decode_str(path).decode_utf8().ok()?;
    let mut file = site.to_path_buf();
    for segment in path.split('/') {
        match segment {
            "" | "." => {}
            ".." => return None,
            s if s.contains('\\') || s.contains('\0') => return None,
            s => file.push(s),
        }
    }
    if path.ends_with('/') {
        file.push("index.html");
    }
    Some(file)
}

fn content_type(path: &Path) -> &'static str {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "webp" => "image/webp",
        "jpg" | "jpeg" => "image/jpeg",
        "png" => "image/png",
        "xml" => "application/xml",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

// ---------------------------------------------------------------- a host that can go away

/// A site served on a port of its own by a server that can be cut off like a lost signal:
/// while cut it closes every connection without an answer, so the browser (and a service
/// worker, which DevTools' offline emulation of a tab does not reach) sees a network error.
/// Every answer closes its connection, so no open connection outlives a cut.
pub struct Host {
    /// `http://127.0.0.1:<port>`, without a trailing slash.
    pub origin: String,
    cut: Arc<AtomicBool>,
}

impl Host {
    /// Serves `site` (which may be rebuilt in place meanwhile) from a background thread.
    pub fn start(site: PathBuf) -> Host {
        let listener = TcpListener::bind("127.0.0.1:0").expect("start the HTTP server");
        let port = listener.local_addr().expect("a local address").port();
        let cut = Arc::new(AtomicBool::new(false));
        let cut_seen = Arc::clone(&cut);
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let site = site.clone();
                let cut = Arc::clone(&cut_seen);
                thread::spawn(move || answer_plainly(&site, stream, &cut));
            }
        });
        Host {
            origin: format!("http://127.0.0.1:{port}"),
            cut,
        }
    }

    /// Cuts the connection (`true`) or brings it back.
    pub fn set_cut(&self, cut: bool) {
        self.cut.store(cut, Ordering::SeqCst);
    }
}

/// Reads one request and answers it like [`respond`], then closes; while cut, closes at once.
fn answer_plainly(site: &Path, stream: TcpStream, cut: &AtomicBool) {
    let mut reader = BufReader::new(&stream);
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() || cut.load(Ordering::SeqCst) {
        return;
    }
    let mut header = String::new();
    while reader.read_line(&mut header).is_ok_and(|n| n > 2) {
        header.clear();
    }
    let mut parts = request_line.split_whitespace();
    let (method, url) = (
        parts.next().unwrap_or_default(),
        parts.next().unwrap_or("/"),
    );
    let found = file_for(site, url)
        .filter(|_| matches!(method, "GET" | "HEAD"))
        .and_then(|file| {
            fs::read(&file)
                .ok()
                .map(|bytes| (content_type(&file), bytes))
        });
    let (status, kind, body) = match found {
        Some((kind, bytes)) => ("200 OK", kind, bytes),
        None => (
            "404 Not Found",
            "text/plain; charset=utf-8",
            b"not found".to_vec(),
        ),
    };
    let mut answer = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    )
    .into_bytes();
    if method != "HEAD" {
        answer.extend_from_slice(&body);
    }
    // In one write: Chromium failed fetches (net::ERR_FAILED) of small files whose body came
    // in a packet of its own just before the connection closed.
    let _ = (&stream).write_all(&answer);
}

// ---------------------------------------------------------------- pages

impl Harness {
    /// A new blank tab; closed when the [`Page`] is dropped.
    pub fn blank(&self) -> Page {
        let tab = self
            .browser
            .new_tab()
            .unwrap_or_else(|e| panic!("cannot open a tab: {e:#}"));
        self.page_in(tab)
    }

    /// The [`Page`] of a new tab. Tabs of parallel tests are all "focused", so focus and input
    /// events behave.
    fn page_in(&self, tab: Arc<Tab>) -> Page {
        tab.call_method(Emulation::SetFocusEmulationEnabled { enabled: true })
            .expect("Emulation.setFocusEmulationEnabled");
        Page {
            tab,
            origin: self.origin.clone(),
        }
    }

    /// Opens a site path in a new tab and waits for it to load.
    pub fn open(&self, path: &str) -> Page {
        let page = self.blank();
        page.goto(path);
        page
    }

    /// A new blank tab in a browser context of its own, like a fresh profile: it shares no
    /// storage (the inquiry list in localStorage) with any other tab.
    pub fn fresh_profile(&self) -> Page {
        let context = self
            .browser
            .new_context()
            .unwrap_or_else(|e| panic!("cannot create a browser context: {e:#}"));
        let tab = context
            .new_tab()
            .unwrap_or_else(|e| panic!("cannot open a tab: {e:#}"));
        self.page_in(tab)
    }

    /// Opens a site path in a new tab that runs no JavaScript.
    pub fn open_without_js(&self, path: &str) -> Page {
        let page = self.blank();
        page.disable_javascript();
        page.goto(path);
        page
    }
}

/// One tab of the shared browser.
pub struct Page {
    tab: Arc<Tab>,
    /// The site's origin, for site paths.
    origin: String,
}

impl Drop for Page {
    fn drop(&mut self) {
        let _ = self.tab.close(false);
    }
}

impl Page {
    /// Navigates to a site path (or an absolute URL) and waits for the load.
    pub fn goto(&self, path: &str) {
        let url = if path.starts_with('/') {
            format!("{}{path}", self.origin)
        } else {
            path.to_owned()
        };
        // Page.navigate answers once the new document has committed; then the load is
        // awaited here (the library's own wait needs half a second of network silence).
        self.tab
            .navigate_to(&url)
            .unwrap_or_else(|e| panic!("cannot load {url}: {e:#}"));
        self.wait_until(&format!(
            "location.href === new URL({}).href && document.readyState === 'complete'",
            js_string(&url)
        ));
    }

    /// Waits until the document has loaded completely.
    pub fn wait_for_load(&self) {
        self.wait_for(
            "the document to load",
            |p| p.eval("document.readyState"),
            |state| state == "complete",
        );
    }

    /// Renders the page as for printing (`@media print`), or as on screen again with `None`.
    pub fn emulate_media(&self, media: Option<&str>) {
        self.tab
            .call_method(Emulation::SetEmulatedMedia {
                media: Some(media.unwrap_or_default().to_owned()),
                features: None,
            })
            .expect("Emulation.setEmulatedMedia");
    }

    /// Gives this tab a screen of `width` × `height` CSS pixels; `phone` makes it a touch
    /// screen of three device pixels per CSS pixel, as on the phones buyers read the
    /// catalogue on. Takes effect at once and for the next navigations.
    pub fn emulate_device(&self, width: u32, height: u32, phone: bool) {
        self.tab
            .call_method(Emulation::SetDeviceMetricsOverride {
                width,
                height,
                device_scale_factor: if phone { 3.0 } else { 1.0 },
                mobile: phone,
                scale: None,
                screen_width: None,
                screen_height: None,
                position_x: None,
                position_y: None,
                dont_set_visible_size: None,
                screen_orientation: None,
                viewport: None,
                display_feature: None,
                device_posture: None,
            })
            .expect("Emulation.setDeviceMetricsOverride");
        self.tab
            .call_method(Emulation::SetTouchEmulationEnabled {
                enabled: phone,
                max_touch_points: None,
            })
            .expect("Emulation.setTouchEmulationEnabled");
    }

    /// Emulates a lost connection in this tab (DevTools `Network.emulateNetworkConditions`
    /// offline), or ends it.
    pub fn set_offline(&self, offline: bool) {
        self.tab
            .call_method(Network::EmulateNetworkConditions {
                offline,
                latency: 0.0,
                download_throughput: -1.0,
                upload_throughput: -1.0,
                connection_Type: None,
                packet_loss: None,
                packet_queue_length: None,
                packet_reordering: None,
            })
            .expect("Network.emulateNetworkConditions");
    }

    /// Emulates a phone's slow mobile connection in this tab, as Lighthouse's mobile
    /// defaults assume one ("slow 4G": 150 ms round trips, 1.6 Mbit/s down, 750 kbit/s up), so
    /// the first paint comes before the scripts and photos, as on a real phone's first visit.
    pub fn emulate_slow_network(&self) {
        self.tab
            .call_method(Network::EmulateNetworkConditions {
                offline: false,
                latency: 150.0,
                download_throughput: 1.6e6 / 8.0,
                upload_throughput: 750e3 / 8.0,
                connection_Type: None,
                packet_loss: None,
                packet_queue_length: None,
                packet_reordering: None,
            })
            .expect("Network.emulateNetworkConditions");
        // A first visit: nothing from the earlier tests' cache.
        self.tab
            .call_method(Network::SetCacheDisabled {
                cache_disabled: true,
            })
            .expect("Network.setCacheDisabled");
    }

    /// Reloads the page and waits for the load.
    pub fn reload(&self) {
        self.eval("document.body.setAttribute('data-before-reload', '')");
        self.eval("location.reload()");
        self.wait_until(
            "document.readyState === 'complete' && !document.body.hasAttribute('data-before-reload')",
        );
    }

    /// Stops this tab from running scripts, from the next navigation on.
    pub fn disable_javascript(&self) {
        self.tab
            .call_method(Emulation::SetScriptExecutionDisabled { value: true })
            .expect("Emulation.setScriptExecutionDisabled");
    }

    /// Evaluates a JavaScript expression (promises are awaited) and returns its value as JSON;
    /// panics when it throws. Works with the page's JavaScript disabled too.
    pub fn eval(&self, expression: &str) -> Value {
        let result = self
            .tab
            .call_method(Runtime::Evaluate {
                expression: expression.to_owned(),
                object_group: None,
                include_command_line_api: None,
                silent: Some(true),
                context_id: None,
                return_by_value: Some(true),
                generate_preview: None,
                user_gesture: Some(true),
                await_promise: Some(true),
                throw_on_side_effect: None,
                timeout: None,
                disable_breaks: None,
                repl_mode: None,
                allow_unsafe_eval_blocked_by_csp: None,
                unique_context_id: None,
                serialization_options: None,
            })
            .unwrap_or_else(|e| panic!("cannot evaluate {expression}: {e:#}"));
        if let Some(details) = result.exception_details {
            let message = details
                .exception
                .and_then(|e| e.description)
                .unwrap_or(details.text);
            panic!("{expression} threw: {message}");
        }
        result.result.value.unwrap_or(Value::Null)
    }

    /// Calls `probe` every 50 ms until `done` accepts what it returned, for up to [`WAIT`];
    /// returns that value, or panics naming `what` and the last value seen.
    pub fn wait_for<T: Debug>(
        &self,
        what: &str,
        mut probe: impl FnMut(&Page) -> T,
        done: impl Fn(&T) -> bool,
    ) -> T {
        let started = Instant::now();
        loop {
            let seen = probe(self);
            if done(&seen) {
                return seen;
            }
            if started.elapsed() > WAIT {
                panic!(
                    "waited {} s for {what} on {}; last seen: {seen:#?}",
                    WAIT.as_secs(),
                    self.location()
                );
            }
            thread::sleep(POLL);
        }
    }

    /// Waits until the JavaScript `condition` is true.
    pub fn wait_until(&self, condition: &str) {
        self.wait_for(
            condition,
            |p| p.eval(condition),
            |v| *v == Value::Bool(true),
        );
    }

    /// The page's current URL.
    pub fn location(&self) -> String {
        self.eval("location.href")
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    /// The query of the current URL as decoded (name, value) pairs, in order.
    pub fn query(&self) -> Vec<(String, String)> {
        let pairs = self.eval("Array.from(new URLSearchParams(location.search))");
        serde_json::from_value(pairs).expect("pairs of strings")
    }

    /// The names on the product cards a visitor can see, in page order.
    pub fn visible_cards(&self) -> Vec<String> {
        let names = self.eval(
            r#"Array.from(document.querySelectorAll("article.card .card-title"))
                .filter((e) => e.checkVisibility())
                .map((e) => e.textContent.replace(/\s+/g, " ").trim())"#,
        );
        serde_json::from_value(names).expect("a list of names")
    }

    /// Waits until the visible cards are exactly `expected` (in this order).
    pub fn wait_for_cards(&self, expected: &[String]) -> Vec<String> {
        self.wait_for(
            &format!("the cards {expected:?}"),
            Page::visible_cards,
            |cards| cards == expected,
        )
    }

    /// Whether an element matching `selector` exists and is rendered.
    pub fn is_visible(&self, selector: &str) -> bool {
        self.eval(&format!(
            "(() => {{ const e = document.querySelector({}); return !!e && e.checkVisibility(); }})()",
            js_string(selector)
        )) == Value::Bool(true)
    }

    /// Focuses a field, moves the caret to its end and types `text` one character at a time
    /// (key events or text insertion, as a keyboard would), so every keystroke fires `input`.
    pub fn type_into(&self, selector: &str, text: &str) {
        self.tab
            .wait_for_element(selector)
            .and_then(|element| element.click().map(|_| ()))
            .unwrap_or_else(|e| panic!("cannot click into {selector}: {e:#}"));
        self.eval(&format!(
            "(() => {{ const e = document.querySelector({0}); e.focus(); \
             const n = e.value.length; if (e.setSelectionRange) try {{ e.setSelectionRange(n, n); }} catch (_) {{}} }})()",
            js_string(selector)
        ));
        for c in text.chars() {
            self.tab
                .type_str(&c.to_string())
                .unwrap_or_else(|e| panic!("cannot type {c:?} into {selector}: {e:#}"));
        }
    }

    /// Empties a field the way a person would: select all, then Backspace.
    pub fn clear(&self, selector: &str) {
        self.eval(&format!(
            "(() => {{ const e = document.querySelector({}); e.focus(); e.select(); }})()",
            js_string(selector)
        ));
        self.tab.press_key("Backspace").expect("press Backspace");
    }

    /// Clicks the middle of an element with the mouse, after scrolling it into view.
    pub fn click(&self, selector: &str) {
        self.tab
            .wait_for_element(selector)
            .and_then(|element| element.click().map(|_| ()))
            .unwrap_or_else(|e| panic!("cannot click {selector}: {e:#}"));
    }

    /// The `value` of a form field.
    pub fn value(&self, selector: &str) -> String {
        let value = self.eval(&format!(
            "(() => {{ const e = document.querySelector({}); return e ? e.value : null; }})()",
            js_string(selector)
        ));
        value
            .as_str()
            .unwrap_or_else(|| panic!("no field {selector}"))
            .to_owned()
    }

    /// Whether a checkbox is ticked.
    pub fn is_checked(&self, selector: &str) -> bool {
        let checked = self.eval(&format!(
            "(() => {{ const e = document.querySelector({}); return e ? e.checked : null; }})()",
            js_string(selector)
        ));
        checked
            .as_bool()
            .unwrap_or_else(|| panic!("no checkbox {selector}"))
    }

    /// Opens the closed `<details>` an element is in, if any, by clicking its summary, as a
    /// person would before reaching the element.
    pub fn reveal(&self, selector: &str) {
        let closed = self.eval(&format!(
            "(() => {{ const e = document.querySelector({}); const d = e && e.closest('details');
               if (!d || d.open) return false;
               d.querySelector(':scope > summary').setAttribute('data-browser-test-reveal', '');
               return true; }})()",
            js_string(selector)
        ));
        if closed == Value::Bool(true) {
            self.click("[data-browser-test-reveal]");
            self.eval("document.querySelector('[data-browser-test-reveal]').removeAttribute('data-browser-test-reveal')");
            self.wait_until(&format!(
                "document.querySelector({}).checkVisibility()",
                js_string(selector)
            ));
        }
    }

    /// Picks an option of a `<select>` by value, firing `input` and `change` as a person's
    /// choice would (a headless browser has no drop-down to click in).
    pub fn choose(&self, selector: &str, value: &str) {
        self.reveal(selector);
        assert!(self.is_visible(selector), "{selector} is not shown");
        let found = self.eval(&format!(
            "(() => {{ const s = document.querySelector({0}); if (!s) return 'no element';
               if (!Array.from(s.options).some((o) => o.value === {1})) return 'no option';
               s.focus(); s.value = {1};
               s.dispatchEvent(new Event('input', {{ bubbles: true }}));
               s.dispatchEvent(new Event('change', {{ bubbles: true }}));
               return 'ok'; }})()",
            js_string(selector),
            js_string(value)
        ));
        assert_eq!(found, "ok", "cannot choose {value:?} in {selector}");
    }

    /// Goes back in history and waits until the URL has changed and the page has loaded.
    pub fn back(&self) {
        self.history("back");
    }

    /// Goes forward in history and waits until the URL has changed and the page has loaded.
    pub fn forward(&self) {
        self.history("forward");
    }

    fn history(&self, direction: &str) {
        let before = self.location();
        self.eval(&format!("history.{direction}()"));
        self.wait_for(
            &format!("history.{direction}() to change the URL from {before}"),
            Page::location,
            |now| *now != before,
        );
        self.wait_for_load();
    }
}

/// A Rust string as a JavaScript string literal.
pub fn js_string(text: &str) -> String {
    serde_json::to_string(text).expect("a string serialises")
}

// ---------------------------------------------------------------- the model

/// What the sample catalogue says, per product, in plain values.
pub struct Model {
    pub default_language: String,
    pub languages: Vec<String>,
    /// In catalogue order.
    pub categories: Vec<CategoryFacts>,
    /// In catalogue order (by slug).
    pub products: Vec<ProductFacts>,
    /// `base_url`, without a trailing slash.
    pub base_url: String,
    pub publisher_name: String,
    /// The publisher's WhatsApp number as digits (`62812...`).
    pub publisher_whatsapp: Option<String>,
}

pub struct CategoryFacts {
    pub slug: String,
}

pub struct ProductFacts {
    pub slug: String,
    /// The name per language (after falling back to the default language).
    pub name: BTreeMap<String, String>,
    pub producer_slug: String,
    pub producer_name: String,
    pub category: String,
    pub tags: Vec<String>,
    /// Certification kinds as written in YAML: `halal`, `sni`, ...
    pub certifications: Vec<String>,
    /// `lolos`, `proses` or `belum` (also for products without curation).
    pub curation: String,
    /// `siap`, `pesan` or `habis`; `None` when the product does not say.
    pub availability: Option<String>,
    /// (min, max) in whole rupiah; a fixed price has min == max.
    pub price: Option<(u64, u64)>,
    pub featured: bool,
    /// The description per language as plain text (after falling back).
    pub description: BTreeMap<String, String>,
    /// The unit per language (after falling back); `None` when the product names none.
    pub unit: Option<BTreeMap<String, String>>,
    /// The unit after a count other than one, per language (English plurals), as the library
    /// forms it; `None` when the product names no unit.
    pub units: Option<BTreeMap<String, String>>,
    /// `min_order`, or `None` when the product does not say.
    pub min_order: Option<u32>,
    /// The producer's WhatsApp number as digits.
    pub producer_whatsapp: Option<String>,
}

/// Where a search term matched a product, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    Name,
    Producer,
    Tags,
    Description,
}

impl Model {
    /// Loads the catalogue at `root` with the library (photos come from the cache).
    pub fn load(root: &Path) -> Model {
        let loaded = etalase::load_with(root, etalase::Purpose::Build).unwrap_or_else(|e| {
            panic!("loading {} failed:\n{}", root.display(), describe_error(&e))
        });
        Model::from_catalogue(&loaded.catalogue)
    }

    pub fn from_catalogue(catalogue: &Catalogue) -> Model {
        let config = &catalogue.config;
        let default = config.default_language().to_owned();
        let per_language = |text: &etalase::i18n::Translated| -> BTreeMap<String, String> {
            config
                .languages
                .iter()
                .map(|lang| (lang.clone(), text.get(lang, &default).text.to_owned()))
                .collect()
        };
        let categories = config
            .categories
            .iter()
            .map(|c| CategoryFacts {
                slug: c.slug.clone(),
            })
            .collect();
        let products = catalogue
            .products
            .iter()
            .map(|p| {
                let producer = &catalogue.producers[p.producer];
                ProductFacts {
                    slug: p.slug.clone(),
                    name: per_language(&p.name),
                    producer_slug: producer.slug.clone(),
                    producer_name: producer.name.clone(),
                    category: config.categories[p.category].slug.clone(),
                    tags: p.tags.clone(),
                    certifications: p
                        .certifications
                        .iter()
                        .map(|c| format!("{:?}", c.kind).to_lowercase())
                        .collect(),
                    curation: p.curation.as_ref().map_or("belum".to_owned(), |c| {
                        format!("{:?}", c.status).to_lowercase()
                    }),
                    availability: p
                        .availability
                        .map(|a| format!("{:?}", a.status).to_lowercase()),
                    price: p.price.map(|price| match price {
                        etalase::fields::Price::Fixed(amount) => (amount, amount),
                        etalase::fields::Price::Range { min, max } => (min, max),
                    }),
                    featured: p.featured,
                    description: per_language(&p.description)
                        .into_iter()
                        .map(|(lang, html)| (lang, plain_text(&html)))
                        .collect(),
                    unit: p.unit.as_ref().map(per_language),
                    units: p.unit.as_ref().map(|_| {
                        config
                            .languages
                            .iter()
                            .filter_map(|lang| Some((lang.clone(), p.unit_for(2, lang, &default)?)))
                            .collect()
                    }),
                    min_order: p.min_order,
                    producer_whatsapp: producer.whatsapp.as_ref().map(|w| w.digits().to_owned()),
                }
            })
            .collect();
        Model {
            default_language: default,
            languages: config.languages.clone(),
            categories,
            products,
            base_url: config.base_url.clone(),
            publisher_name: config.publisher.name.clone(),
            publisher_whatsapp: config
                .publisher
                .whatsapp
                .as_ref()
                .map(|w| w.digits().to_owned()),
        }
    }

    /// The product names in `lang` of `products`, in the given order.
    pub fn names<'a>(
        &self,
        products: impl IntoIterator<Item = &'a ProductFacts>,
        lang: &str,
    ) -> Vec<String> {
        products.into_iter().map(|p| p.name[lang].clone()).collect()
    }

    /// The products a search for `query` finds in `lang`, in the contract's order: every term
    /// but common words must prefix-match a word of the name, producer, tags or description
    /// (common words left out); products whose best field is better come first, ties in
    /// catalogue order. With each product, the best field its weakest term matched in.
    pub fn search(&self, query: &str, lang: &str) -> Vec<(&ProductFacts, Field)> {
        let common = etalase::render::search_index::stop_words(lang);
        let terms: Vec<String> = words(query)
            .into_iter()
            .filter(|t| !common.contains(&t.as_str()))
            .collect();
        let mut found: Vec<(&ProductFacts, Field)> = self
            .products
            .iter()
            .filter_map(|p| p.match_field(&terms, lang).map(|field| (p, field)))
            .collect();
        found.sort_by_key(|(_, field)| *field); // stable: ties keep catalogue order
        found
    }
}

impl ProductFacts {
    pub fn has_certifications(&self, kinds: &[&str]) -> bool {
        kinds
            .iter()
            .all(|kind| self.certifications.iter().any(|c| c == kind))
    }

    /// Whether the price range overlaps [min, max]; no price never does.
    pub fn price_overlaps(&self, min: u64, max: u64) -> bool {
        self.price
            .is_some_and(|(low, high)| low <= max && high >= min)
    }

    /// The words of each field, normalised as the contract says.
    pub fn field_words(&self, field: Field, lang: &str) -> Vec<String> {
        match field {
            Field::Name => words(&self.name[lang]),
            Field::Producer => words(&self.producer_name),
            Field::Tags => self.tags.iter().flat_map(|t| words(t)).collect(),
            Field::Description => {
                let common = etalase::render::search_index::stop_words(lang);
                words(&self.description[lang])
                    .into_iter()
                    .filter(|w| !common.contains(&w.as_str()))
                    .collect()
            }
        }
    }

    /// `None` when some term matches no field; else, for the term whose best field is the
    /// worst, that field.
    pub fn match_field(&self, terms: &[String], lang: &str) -> Option<Field> {
        if terms.is_empty() {
            return None;
        }
        let fields = [
            Field::Name,
            Field::Producer,
            Field::Tags,
            Field::Description,
        ];
        let per_field: Vec<(Field, Vec<String>)> = fields
            .iter()
            .map(|&f| (f, self.field_words(f, lang)))
            .collect();
        terms
            .iter()
            .map(|term| {
                per_field
                    .iter()
                    .find(|(_, words)| words.iter().any(|w| w.starts_with(term.as_str())))
                    .map(|(field, _)| *field)
            })
            .collect::<Option<Vec<Field>>>()
            .and_then(|best| best.into_iter().max())
    }
}

/// Lowercase, without diacritics (NFD, combining marks dropped).
pub fn normalise(text: &str) -> String {
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .collect::<String>()
        .to_lowercase()
}

/// The normalised words of a text: split on anything that is not a letter or a digit.
pub fn words(text: &str) -> Vec<String> {
    normalise(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The text of an HTML fragment, block by block.
pub fn plain_text(html: &str) -> String {
    let fragment = scraper::Html::parse_fragment(html);
    fragment.root_element().text().collect::<Vec<_>>().join(" ")
}
