//! The error overlay: after a failed rebuild, every page `serve` sends shows what to fix,
//! file and line first, over the last good build of the page.

use tera::escape_html;

use crate::diagnostic::Diagnostic;

/// Why the last rebuild failed, as the overlay shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problems {
    /// The catalogue's errors.
    Content(Vec<Diagnostic>),
    /// The folder is no catalogue any more (its `catalogue.yaml` is gone, say).
    Usage(String),
}

const STYLE: &str = "<style>\
#etalase-errors{position:fixed;inset:0 0 auto 0;max-height:85vh;overflow:auto;z-index:2147483647;\
background:#fff7f5;color:#1a1a1a;border-bottom:4px solid #b3261e;padding:1rem 1.25rem;\
font:15px/1.5 system-ui,sans-serif;box-shadow:0 6px 24px rgba(0,0,0,.3)}\
#etalase-errors h2{margin:0 0 .5rem;color:#b3261e;font-size:1.1rem}\
#etalase-errors ol{margin:0;padding-left:1.25rem}\
#etalase-errors li{margin:.4rem 0}\
#etalase-errors code{background:#f1e4e2;padding:0 .25em;border-radius:3px}\
#etalase-errors .hint{color:#4a4a4a}\
#etalase-errors button{float:right;font-size:1.25rem;border:0;background:none;cursor:pointer}\
</style>";

impl Problems {
    /// The overlay's markup, everything the user wrote escaped.
    pub fn overlay(&self) -> String {
        let items = match self {
            Problems::Content(diagnostics) => diagnostics
                .iter()
                .filter(|d| d.is_error())
                .map(item)
                .collect::<String>(),
            Problems::Usage(message) => format!("<li>{}</li>", escape_html(message)),
        };
        let count = match self {
            Problems::Content(diagnostics) => diagnostics.iter().filter(|d| d.is_error()).count(),
            Problems::Usage(_) => 1,
        };
        format!(
            "{STYLE}<div id=\"etalase-errors\" role=\"alert\">\
             <button id=\"etalase-errors-close\" type=\"button\" aria-label=\"close\">×</button>\
             <h2>The site could not be rebuilt: {count} error(s)</h2><ol>{items}</ol>\
             <p>Below is the last page that built. Fix the file and save: this page reloads \
             by itself.</p></div>"
        )
    }
}

/// One error: where, then what, then how to fix it.
fn item(diagnostic: &Diagnostic) -> String {
    let mut place = format!(
        "<code class=\"file\">{}</code>",
        escape_html(&diagnostic.file.to_string_lossy())
    );
    if let Some(line) = diagnostic.line {
        place.push_str(&format!(", line <span class=\"line\">{line}</span>"));
    }
    if let Some(field) = &diagnostic.field {
        place.push_str(&format!(
            ", field <code class=\"field\">{}</code>",
            escape_html(field)
        ));
    }
    let hint = diagnostic
        .hint
        .as_ref()
        .map(|h| format!("<br><span class=\"hint\">hint: {}</span>", escape_html(h)))
        .unwrap_or_default();
    format!(
        "<li>{place}: <span class=\"message\">{}</span>{hint}</li>",
        escape_html(&diagnostic.message)
    )
}

/// The page shown where no build has succeeded yet.
pub fn empty_page() -> String {
    "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
     <meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
     <title>etalase serve</title></head><body></body></html>"
        .to_owned()
}
