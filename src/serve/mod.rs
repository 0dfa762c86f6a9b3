//! `etalase serve`: builds the catalogue into memory, serves it on 127.0.0.1, and on every
//! saved change rebuilds what the change touches and reloads the open pages. Broken content
//! keeps the server running: the terminal and an overlay on the page say what to fix.

mod http;
mod memory;
mod overlay;
mod session;
mod watch;

use std::path::PathBuf;
use std::sync::Arc;

pub use http::bind;
pub use memory::{Files, MemorySite, SiteFile};
pub use overlay::Problems;
pub use session::{Failure, Outcome, Rebuilt, Session};
pub use watch::{is_source, Changes, SourceWatcher};

use crate::diagnostic::Diagnostic;

/// The port tried first, as Zola does.
pub const DEFAULT_PORT: u16 = 1111;

/// What `etalase serve` was asked for.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub root: PathBuf,
    pub port: u16,
    /// Open the site in the default browser once it is served.
    pub open: bool,
}

/// Why `serve` stopped.
#[derive(Debug)]
pub enum ServeError {
    /// Not a catalogue folder, or no port to listen on: exit 2.
    Usage(String),
    /// The sources cannot be watched: exit 1.
    Watch(String),
}

/// Serves until the process is stopped (Ctrl+C).
pub fn run(options: &ServeOptions) -> Result<(), ServeError> {
    crate::check_is_catalogue(&options.root).map_err(ServeError::Usage)?;
    let (mut session, first) = Session::start(&options.root);
    let mut warned = Vec::new();
    report(&first, None, &mut warned);
    let live = Arc::new(http::Live::new(
        Arc::new(session.files().clone()),
        problems(&first),
    ));
    let (listener, port) = bind(options.port).map_err(|error| {
        ServeError::Usage(format!(
            "no free port from {} on: {error}; choose another with --port",
            options.port
        ))
    })?;
    if port != options.port {
        eprintln!("port {} is in use, so etalase took {port}", options.port);
    }
    http::start(listener, Arc::clone(&live)).map_err(|e| ServeError::Usage(e.to_string()))?;
    let url = format!("http://127.0.0.1:{port}/");
    let mut watcher = SourceWatcher::start(&options.root)
        .map_err(|e| ServeError::Watch(format!("cannot watch the catalogue folder: {e}")))?;
    eprintln!(
        "serving {} at {url}\nwatching for changes; press Ctrl+C to stop",
        options.root.display()
    );
    if options.open {
        open_in_browser(&url);
    }
    let mut shown = (Arc::new(session.files().clone()), problems(&first));
    while let Some(changes) = watcher.next_changes() {
        let outcome = session.rebuild(&changes);
        report(&outcome, Some(&changes), &mut warned);
        let now = problems(&outcome);
        let files_changed = outcome.result.is_ok() && *session.files() != *shown.0;
        if files_changed || now != shown.1 {
            let files = Arc::new(session.files().clone());
            live.publish(Arc::clone(&files), now.clone());
            shown = (files, now);
        }
    }
    Err(ServeError::Watch("the file watcher stopped".to_owned()))
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
fn report(outcome: &Outcome, changes: Option<&Changes>, warned: &mut Vec<Diagnostic>) {
    let took = outcome.took.as_millis();
    if let Some(changes) = changes {
        eprintln!("changed: {}", describe(&changes.paths));
    }
    match &outcome.result {
        Ok(rebuilt) => {
            if rebuilt.warnings != *warned {
                print_all(&rebuilt.warnings);
                warned.clone_from(&rebuilt.warnings);
            }
            match rebuilt.products {
                Some(0) => eprintln!("no page changed ({took} ms)"),
                Some(products) => eprintln!(
                    "rebuilt {} pages for {products} changed product(s) in {took} ms",
                    rebuilt.pages
                ),
                None => eprintln!("built {} pages in {took} ms", rebuilt.pages),
            }
        }
        Err(Failure::Content(diagnostics)) => {
            print_all(diagnostics);
            warned.clear();
            let errors = diagnostics.iter().filter(|d| d.is_error()).count();
            eprintln!(
                "{errors} error(s): still serving the last good build; \
                 the browser shows the errors until the files are fixed"
            );
        }
        Err(Failure::Usage(message)) => eprintln!("error: {message}"),
    }
}

fn print_all(diagnostics: &[Diagnostic]) {
    for diagnostic in diagnostics {
        eprintln!("{diagnostic}");
    }
}

fn describe(paths: &[PathBuf]) -> String {
    const SHOWN: usize = 3;
    let mut names: Vec<String> = paths
        .iter()
        .take(SHOWN)
        .map(|p| p.display().to_string())
        .collect();
    if paths.len() > SHOWN {
        names.push(format!("and {} more", paths.len() - SHOWN));
    }
    names.join(", ")
}

/// Asks the desktop to open `url`; failing that, the user still has the printed address.
fn open_in_browser(url: &str) {
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
        eprintln!("could not open a browser; open {url} yourself");
    }
}
