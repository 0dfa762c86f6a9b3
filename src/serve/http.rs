//! The local web server of `etalase serve`: answers from the in-memory site on 127.0.0.1 (or
//! the interface `--interface` asks for), adds the live-reload script (and the error overlay
//! after a failed rebuild) to every HTML page it sends, and tells open pages when to reload
//! through server-sent events. The script finds the events at a path of whatever host served
//! the page, so a phone reloads too. The connections themselves are `server`'s.

use std::io::{self, Write};
use std::net::{IpAddr, TcpListener};
use std::sync::{Arc, Condvar, Mutex, RwLock};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, CONTROLS};

use super::memory::{ServedFiles, SiteFile};
use super::overlay::Problems;
use super::server::{self, Reply, Request, Response, Site};
use crate::messages::Lang;

/// Where the live-reload script is served; no catalogue file can have this name.
const SCRIPT_URL: &str = "/__etalase/live.js";
/// The stream of build ids.
const EVENTS_URL: &str = "/__etalase/events";
const LIVE_SCRIPT: &str = include_str!("live.js");
/// What a path in a Location header has encoded: the characters URL paths encode (the WHATWG
/// path percent-encode set) and `%` itself, since the key was decoded from the request.
const PATH_IN_LOCATION: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'`')
    .add(b'{')
    .add(b'}');
/// How many ports after the asked one are tried when it is taken.
const PORTS_TRIED: u16 = 20;
/// A comment sent this often keeps an idle event stream open and notices closed ones.
const KEEP_ALIVE: Duration = Duration::from_secs(15);
/// The longest a request for a list waits for it to be made: the 100,000-product lists take
/// seconds; after this the one there is sent.
const LISTS_WAIT: Duration = Duration::from_secs(60);

/// What the server shows, updated by the rebuild loop.
pub struct Live {
    files: RwLock<Arc<ServedFiles>>,
    problems: RwLock<Option<Problems>>,
    build: Mutex<u64>,
    rebuilt: Condvar,
    /// Whether the pages shown are newer than the lists, which are being made: a request
    /// for a list waits for them rather than get the old one.
    lists_pending: Mutex<bool>,
    lists_made: Condvar,
    /// Distinguishes this server's builds from an earlier server's, for pages left open.
    started: u128,
    /// The language of the error overlay.
    lang: Lang,
}

impl Live {
    pub fn new(files: ServedFiles, problems: Option<Problems>, lang: Lang) -> Live {
        Live {
            files: RwLock::new(Arc::new(files)),
            problems: RwLock::new(problems),
            build: Mutex::new(0),
            rebuilt: Condvar::new(),
            lists_pending: Mutex::new(false),
            lists_made: Condvar::new(),
            started: SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos()),
            lang,
        }
    }

    /// Shows a new build (or the last good one with the problems of a failed rebuild) and
    /// tells every open page to reload.
    pub fn publish(&self, files: ServedFiles, problems: Option<Problems>) {
        self.set_lists_pending(false);
        self.publish_pages(files, problems);
    }

    /// Shows rebuilt pages whose lists are still being made (see [`Live::publish_lists`]),
    /// and tells every open page to reload.
    pub fn publish_pages(&self, files: ServedFiles, problems: Option<Problems>) {
        *self.files.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(files);
        *self.problems.write().unwrap_or_else(|e| e.into_inner()) = problems;
        let mut build = self.build.lock().unwrap_or_else(|e| e.into_inner());
        *build += 1;
        self.rebuilt.notify_all();
    }

    /// Marks the lists of the pages about to be published as not made yet.
    pub fn lists_coming(&self) {
        self.set_lists_pending(true);
    }

    /// Shows the site with its lists made, and answers the requests waiting for them. The
    /// pages stay as they are, so nothing reloads.
    pub fn publish_lists(&self, files: ServedFiles) {
        *self.files.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(files);
        self.set_lists_pending(false);
    }

    fn set_lists_pending(&self, pending: bool) {
        *self.lists_pending.lock().unwrap_or_else(|e| e.into_inner()) = pending;
        if !pending {
            self.lists_made.notify_all();
        }
    }

    /// Waits, for at most [`LISTS_WAIT`], until the lists of the pages shown are made.
    fn wait_for_lists(&self) {
        let pending = self.lists_pending.lock().unwrap_or_else(|e| e.into_inner());
        let _made = self
            .lists_made
            .wait_timeout_while(pending, LISTS_WAIT, |pending| *pending)
            .unwrap_or_else(|e| e.into_inner());
    }

    fn build_id(&self, build: u64) -> String {
        format!("{:x}-{build}", self.started)
    }

    fn files(&self) -> Arc<ServedFiles> {
        self.files.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    fn problems(&self) -> Option<Problems> {
        self.problems
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }
}

/// Binds `interface` on `port`, or on the next free port after it; returns the port bound.
pub fn bind(interface: IpAddr, port: u16) -> io::Result<(TcpListener, u16)> {
    let mut last_error = None;
    for candidate in port..port.saturating_add(PORTS_TRIED) {
        match TcpListener::bind((interface, candidate)) {
            Ok(listener) => {
                let bound = listener.local_addr()?.port();
                return Ok((listener, bound));
            }
            Err(error) => last_error = Some(error),
        }
    }
    Err(last_error.unwrap_or_else(|| io::Error::other("no port to try")))
}

/// Answers requests on `listener` until the process ends.
pub fn start(listener: TcpListener, live: Arc<Live>) -> io::Result<()> {
    server::start(listener, Arc::new(Served(live)))
}

/// The site as `server` asks for it.
struct Served(Arc<Live>);

impl Site for Served {
    fn respond(&self, request: &Request) -> Reply {
        let path = request.target.split(['?', '#']).next().unwrap_or("/");
        match path {
            // A HEAD of the stream gets its head only, as a page would.
            EVENTS_URL if request.head_only => {
                Reply::Whole(bytes_response(200, "text/event-stream", Vec::new()))
            }
            EVENTS_URL => {
                let live = Arc::clone(&self.0);
                Reply::Stream(Box::new(move |out| stream_builds(out, &live)))
            }
            SCRIPT_URL => Reply::Whole(bytes_response(
                200,
                "text/javascript",
                LIVE_SCRIPT.as_bytes().to_vec(),
            )),
            _ => Reply::Whole(site_response(path, &self.0)),
        }
    }
}

/// Sends the current build's id, then each new one, as server-sent events, until the page
/// goes away (a write fails, at the latest at the next keep-alive comment).
fn stream_builds(mut out: &mut dyn Write, live: &Live) {
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\n\
                Connection: keep-alive\r\n\r\nretry: 500\n\n";
    let mut build = *live.build.lock().unwrap_or_else(|e| e.into_inner());
    let hello = format!("event: hello\ndata: {}\n\n", live.build_id(build));
    if send(&mut out, &format!("{head}{hello}")).is_err() {
        return;
    }
    loop {
        let guard = live.build.lock().unwrap_or_else(|e| e.into_inner());
        let (guard, _) = live
            .rebuilt
            .wait_timeout_while(guard, KEEP_ALIVE, |now| *now == build)
            .unwrap_or_else(|e| e.into_inner());
        let message = if *guard == build {
            ": still here\n\n".to_owned()
        } else {
            build = *guard;
            format!("event: reload\ndata: {}\n\n", live.build_id(build))
        };
        drop(guard);
        if send(&mut out, &message).is_err() {
            return;
        }
    }
}

fn send(out: &mut impl Write, text: &str) -> io::Result<()> {
    out.write_all(text.as_bytes())?;
    out.flush()
}

/// A page or file of the site, a redirect to a folder's page, or the site's 404 page.
fn site_response(path: &str, live: &Live) -> Response {
    let Ok(decoded) = percent_decode_str(path).decode_utf8() else {
        return not_found(&live.files(), &Additions::now(live));
    };
    let key = decoded.trim_start_matches('/');
    let key = if key.is_empty() || key.ends_with('/') {
        format!("{key}index.html")
    } else {
        key.to_owned()
    };
    if crate::render::is_list_file(&key) {
        live.wait_for_lists();
    }
    let files = live.files();
    let additions = Additions::now(live);
    if let Some(file) = files.get(&key) {
        return match read(file) {
            Ok(bytes) => file_response(200, &key, bytes, &additions),
            Err(_) => not_found(&files, &additions),
        };
    }
    if files.contains_key(&format!("{key}/index.html")) {
        // Encoded again as it came: a header is ASCII on one line.
        let location = format!("/{}/", utf8_percent_encode(&key, PATH_IN_LOCATION));
        return bytes_response(301, "text/plain; charset=utf-8", Vec::new())
            .with_header("Location", location);
    }
    not_found(&files, &additions)
}

fn not_found(files: &ServedFiles, additions: &Additions) -> Response {
    match files.get("404.html").map(read) {
        Some(Ok(page)) => file_response(404, "404.html", page, additions),
        _ => file_response(404, "404.html", Vec::new(), additions),
    }
}

/// What `serve` adds to every HTML page it sends.
struct Additions {
    /// The error overlay (when the last rebuild failed) and the live-reload script.
    html: String,
    lang: Lang,
}

impl Additions {
    fn now(live: &Live) -> Additions {
        let mut html = live
            .problems()
            .map(|p| p.overlay(live.lang))
            .unwrap_or_default();
        html.push_str(&format!("<script src=\"{SCRIPT_URL}\"></script>"));
        Additions {
            html,
            lang: live.lang,
        }
    }
}

fn read(file: &SiteFile) -> io::Result<Vec<u8>> {
    match file {
        SiteFile::Generated(bytes) => Ok(bytes.to_vec()),
        SiteFile::OnDisk(path) => std::fs::read(path),
    }
}

/// A file of the site; HTML pages get the live-reload script, and the overlay when the last
/// rebuild failed.
fn file_response(status: u16, key: &str, bytes: Vec<u8>, additions: &Additions) -> Response {
    let kind = content_type(key);
    if !kind.starts_with("text/html") {
        return bytes_response(status, kind, bytes);
    }
    let mut page = String::from_utf8_lossy(&bytes).into_owned();
    if page.is_empty() {
        page = super::overlay::empty_page(additions.lang);
    }
    match page.rfind("</body>") {
        Some(at) => page.insert_str(at, &additions.html),
        None => page.push_str(&additions.html),
    }
    bytes_response(status, kind, page.into_bytes())
}

fn bytes_response(status: u16, kind: &str, bytes: Vec<u8>) -> Response {
    Response::new(status, kind, bytes).with_header("Cache-Control", "no-store")
}

/// The media type of a site file, by its extension.
fn content_type(key: &str) -> &'static str {
    let extension = key.rsplit_once('.').map_or("", |(_, e)| e);
    match extension.to_ascii_lowercase().as_str() {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml",
        "txt" => "text/plain; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "gif" => "image/gif",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::super::memory::Files;
    use super::*;
    use std::thread;

    #[test]
    fn the_next_port_is_taken_when_the_asked_one_is_busy() {
        let local = IpAddr::from(std::net::Ipv4Addr::LOCALHOST);
        let (busy, port) = bind(local, 0).expect("a free port");
        let (_next, bound) = bind(local, port).expect("a port after it");
        assert_ne!(bound, port);
        assert!(bound > port && bound < port + PORTS_TRIED);
        drop(busy);
    }

    fn generated(text: &str) -> SiteFile {
        SiteFile::Generated(Arc::from(text.as_bytes()))
    }

    #[test]
    fn a_list_asked_for_while_it_is_made_is_answered_once_made_and_pages_at_once() {
        let index = "id/products/search/index.json";
        let mut old = Files::new();
        old.insert(index.to_owned(), generated("lama"));
        old.insert("id/index.html".to_owned(), generated("<p>beranda</p>"));
        let live = Arc::new(Live::new(ServedFiles::new(old.clone()), None, Lang::Id));
        live.lists_coming();
        live.publish_pages(ServedFiles::new(old.clone()), None);
        let asking = Arc::clone(&live);
        let list = thread::spawn(move || site_response(&format!("/{index}"), &asking).body);
        let page = site_response("/id/", &live);
        assert_eq!(page.status, 200);
        thread::sleep(Duration::from_millis(200));
        assert!(
            !list.is_finished(),
            "the old list was sent while a new one was made"
        );
        let mut new = old;
        new.insert(index.to_owned(), generated("baru"));
        live.publish_lists(ServedFiles::new(new));
        assert_eq!(list.join().expect("an answer"), b"baru");
    }

    #[test]
    fn a_folder_asked_without_its_slash_is_redirected_to_it_encoded() {
        let mut files = Files::new();
        let page = SiteFile::Generated(Arc::from(&b"<html><body></body></html>"[..]));
        files.insert("id/kué batik/index.html".to_owned(), page);
        let live = Live::new(ServedFiles::new(files), None, Lang::Id);
        let redirect = site_response("/id/ku%C3%A9%20batik", &live);
        assert_eq!(redirect.status, 301);
        let location = redirect
            .headers
            .iter()
            .find(|(name, _)| *name == "Location");
        assert_eq!(
            location.map(|(_, value)| value.as_str()),
            Some("/id/ku%C3%A9%20batik/")
        );
    }

    #[test]
    fn pages_get_the_script_before_the_end_of_the_body_and_files_stay_as_they_are() {
        let live = Live::new(ServedFiles::default(), None, Lang::En);
        let additions = Additions::now(&live);
        let page = file_response(
            200,
            "id/index.html",
            b"<html><body><p>x</p></body></html>".to_vec(),
            &additions,
        );
        let text = String::from_utf8(page.body).unwrap();
        let script = format!("<script src=\"{SCRIPT_URL}\"></script></body>");
        assert!(text.ends_with(&format!("{script}</html>")), "{text}");
        let css = file_response(200, "style.css", b"body{}".to_vec(), &additions);
        assert_eq!(css.body, b"body{}");
    }
}
