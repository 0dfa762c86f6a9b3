//! `etalase serve`: builds the catalogue into memory, serves it on 127.0.0.1 (or on the
//! network, for a phone, with `--interface`), and on every saved change rebuilds what the
//! change touches and reloads the open pages. Broken content keeps the server running: the
//! terminal and an overlay on the page say what to fix.

mod http;
mod memory;
mod network;
mod overlay;
mod quick;
mod server;
mod session;
mod watch;

use std::net::IpAddr;
use std::path::PathBuf;
use std::sync::Arc;

pub use http::bind;
pub use memory::{Files, MemorySite, ServedFiles, SiteFile};
pub use network::DEFAULT_INTERFACE;
pub use overlay::Problems;
pub use session::{Failure, Outcome, Rebuilt, Session};
pub use watch::{is_source, Changes, SourceWatcher};

use crate::diagnostic::Diagnostic;
use crate::error::Error;
use crate::messages::{self as msg, Lang, Message};

/// The port tried first, as Zola does.
pub const DEFAULT_PORT: u16 = 1111;

/// What `etalase serve` was asked for.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub root: PathBuf,
    /// The address to listen on (`--interface`): 127.0.0.1 unless the network should see it.
    pub interface: IpAddr,
    pub port: u16,
    /// Open the site in the default browser once it is served.
    pub open: bool,
    /// The language of the terminal messages and the error overlay.
    pub lang: Lang,
}

/// Serves until the process is stopped (Ctrl+C). It stops by itself only when it cannot go
/// on: not a catalogue folder or no port to listen on (usage errors), or the sources cannot
/// be watched (a failure).
pub fn run(options: &ServeOptions) -> Result<(), Error> {
    let lang = options.lang;
    crate::check_is_catalogue(&options.root)?;
    let (mut session, first) = Session::start(&options.root);
    let mut warned = Vec::new();
    report(&first, None, &mut warned, lang);
    let mut shown = problems(&first);
    let live = Arc::new(http::Live::new(
        session.served().clone(),
        shown.clone(),
        lang,
    ));
    let (listener, port) = bind(options.interface, options.port).map_err(|error| {
        Error::Usage(
            msg::SERVE_NO_PORT
                .arg("interface", options.interface)
                .arg("port", options.port)
                .arg("detail", error),
        )
    })?;
    if port != options.port {
        let taken = msg::SERVE_PORT_TAKEN
            .arg("asked", options.port)
            .arg("port", port);
        eprintln!("{}", taken.render(lang));
    }
    http::start(listener, Arc::clone(&live))
        .map_err(|e| Error::Usage(msg::VERBATIM.arg("detail", e)))?;
    let url = network::local_url(options.interface, port);
    let mut watcher = SourceWatcher::start(&options.root)
        .map_err(|e| Error::failed(msg::SERVE_CANNOT_WATCH.arg("detail", e)))?;
    let serving = msg::SERVE_SERVING
        .arg("path", options.root.display())
        .arg("url", &url);
    eprintln!("{}", serving.render(lang));
    announce_network(options.interface, port, lang);
    if options.open {
        open_in_browser(&url, lang);
    }
    while let Some(changes) = watcher.next_changes() {
        // The pages are shown as soon as they are made; the lists (feeds, search index),
        // made from the whole catalogue, follow, and a request for one waits for them.
        let outcome = session.rebuild_pages(&changes);
        report(&outcome, Some(&changes), &mut warned, lang);
        let now = problems(&outcome);
        let Ok(rebuilt) = &outcome.result else {
            if now != shown {
                live.publish(session.served().clone(), now.clone());
                shown = now;
            }
            continue;
        };
        live.lists_coming();
        if rebuilt.site_changed || now != shown {
            live.publish_pages(session.served().clone(), now.clone());
            shown = now;
        }
        match session.write_lists() {
            Ok(_) => live.publish_lists(session.served().clone()),
            Err(failure) => {
                let failed = Outcome {
                    result: Err(failure),
                    took: outcome.took,
                };
                report(&failed, None, &mut warned, lang);
                shown = problems(&failed);
                live.publish(session.served().clone(), shown.clone());
            }
        }
    }
    Err(Error::failed(Message::from(&msg::SERVE_WATCHER_STOPPED)))
}

/// When other devices can connect: the addresses they open, a QR code of the first for a
/// phone's camera, and that the preview is now visible to the network.
fn announce_network(interface: IpAddr, port: u16, lang: Lang) {
    if interface.is_loopback() {
        return;
    }
    let urls = network::network_urls(interface, port);
    if urls.is_empty() {
        let none = msg::SERVE_NO_NETWORK_ADDRESS.arg("port", port);
        eprintln!("{}", none.render(lang));
    }
    for url in &urls {
        eprintln!("{}", msg::SERVE_NETWORK_URL.arg("url", url).render(lang));
    }
    if let Some(code) = urls.first().and_then(|url| network::terminal_qr(url)) {
        eprintln!("{code}");
    }
    let visible = msg::SERVE_VISIBLE_TO_NETWORK.arg("interface", interface);
    eprintln!("{}", visible.render(lang));
}

/// What the overlay shows after `outcome`: nothing when it succeeded.
fn problems(outcome: &Outcome) -> Option<Problems> {
    match &outcome.result {
        Ok(_) => None,
        Err(Failure::Content(diagnostics)) => Some(Problems::Content(diagnostics.clone())),
        Err(Failure::Usage(message)) => Some(Problems::Usage(message.clone())),
    }
}

/// One line per rebuild in the terminal, with the errors when it failed and the warnings
/// when they are not those printed last time.
fn report(outcome: &Outcome, changes: Option<&Changes>, warned: &mut Vec<Diagnostic>, lang: Lang) {
    let ms = outcome.took.as_millis();
    if let Some(changes) = changes {
        let changed = msg::SERVE_CHANGED.arg("paths", describe(&changes.paths, lang));
        eprintln!("{}", changed.render(lang));
    }
    let line = match &outcome.result {
        Ok(rebuilt) => {
            if rebuilt.warnings != *warned {
                print_all(&rebuilt.warnings, lang);
                warned.clone_from(&rebuilt.warnings);
            }
            match rebuilt.products {
                Some(0) => msg::SERVE_NOTHING_CHANGED.arg("ms", ms),
                Some(products) => msg::SERVE_REBUILT
                    .arg("pages", rebuilt.pages)
                    .arg("products", products)
                    .arg("ms", ms),
                None => msg::SERVE_BUILT.arg("pages", rebuilt.pages).arg("ms", ms),
            }
        }
        Err(Failure::Content(diagnostics)) => {
            print_all(diagnostics, lang);
            warned.clear();
            msg::ERROR_COUNT
                .arg("count", diagnostics.iter().filter(|d| d.is_error()).count())
                .nested("summary", &msg::SERVE_STILL_SERVING)
        }
        Err(Failure::Usage(message)) => {
            let label = msg::LABEL_ERROR.text(lang);
            eprintln!("{label}: {}", message.render(lang));
            Message::from(&msg::SERVE_STILL_SERVING)
        }
    };
    eprintln!("{}", line.render(lang));
}

fn print_all(diagnostics: &[Diagnostic], lang: Lang) {
    for diagnostic in diagnostics {
        eprintln!("{}", diagnostic.render_with_source(lang));
    }
}

fn describe(paths: &[PathBuf], lang: Lang) -> String {
    const SHOWN: usize = 3;
    let mut names: Vec<String> = paths
        .iter()
        .take(SHOWN)
        .map(|p| p.display().to_string())
        .collect();
    if paths.len() > SHOWN {
        let more = msg::SERVE_AND_MORE.arg("count", paths.len() - SHOWN);
        names.push(more.render(lang));
    }
    names.join(", ")
}

/// Asks the desktop to open `url`; failing that, the user still has the printed address.
fn open_in_browser(url: &str, lang: Lang) {
    let mut process = if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else if cfg!(windows) {
        let mut start = std::process::Command::new("cmd");
        start.args(["/C", "start", ""]);
        start
    } else {
        std::process::Command::new("xdg-open")
    };
    process.arg(url);
    if process.spawn().is_err() {
        eprintln!("{}", msg::SERVE_NO_BROWSER.arg("url", url).render(lang));
    }
}
