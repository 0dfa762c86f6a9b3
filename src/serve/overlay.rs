//! The error overlay: after a failed rebuild, every page `serve` sends shows what to fix,
//! file and line first, over the last good build of the page.

use tera::escape_html;

use crate::diagnostic::Diagnostic;
use crate::messages::{self as msg, Lang, Message};

/// Why the last rebuild failed, as the overlay shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problems {
    /// The catalogue's errors.
    Content(Vec<Diagnostic>),
    /// The folder is no catalogue any more (its `catalogue.yaml` is gone, say).
    Usage(Message),
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
#etalase-errors pre.source{margin:.25rem 0;font:13px/1.35 ui-monospace,monospace;overflow-x:auto}\
#etalase-errors button{float:right;font-size:1.25rem;border:0;background:none;cursor:pointer}\
</style>";

impl Problems {
    /// The overlay's markup in `lang`, everything the user wrote escaped.
    pub fn overlay(&self, lang: Lang) -> String {
        let (count, items) = match self {
            Problems::Content(diagnostics) => {
                let errors: Vec<&Diagnostic> =
                    diagnostics.iter().filter(|d| d.is_error()).collect();
                let items = errors.iter().map(|d| item(d, lang)).collect::<String>();
                (errors.len(), items)
            }
            Problems::Usage(message) => (
                1,
                format!(
                    "<li><span class=\"message\">{}</span></li>",
                    escape_html(&message.render(lang))
                ),
            ),
        };
        format!(
            "{STYLE}<div id=\"etalase-errors\" role=\"alert\" lang=\"{lang_code}\">\
             <button id=\"etalase-errors-close\" type=\"button\" aria-label=\"{close}\">×</button>\
             <h2>{title}</h2><ol>{items}</ol><p>{footer}</p></div>",
            lang_code = code(lang),
            close = msg::OVERLAY_CLOSE.text(lang),
            title = escape_html(&msg::OVERLAY_TITLE.arg("count", count).render(lang)),
            footer = msg::OVERLAY_FOOTER.text(lang),
        )
    }
}

/// One error: where, then what, then how to fix it.
fn item(diagnostic: &Diagnostic, lang: Lang) -> String {
    let mut place = format!(
        "<code class=\"file\">{}</code>",
        escape_html(&diagnostic.file.to_string_lossy())
    );
    if let Some(line) = diagnostic.line {
        let word = msg::OVERLAY_LINE.text(lang);
        place.push_str(&format!(", {word} <span class=\"line\">{line}</span>"));
    }
    if let Some(field) = &diagnostic.field {
        let word = msg::OVERLAY_FIELD.text(lang);
        let field = escape_html(field);
        place.push_str(&format!(", {word} <code class=\"field\">{field}</code>"));
    }
    let hint = diagnostic
        .hint
        .as_ref()
        .map(|h| {
            let label = msg::LABEL_HINT.text(lang);
            let text = escape_html(&h.render(lang));
            format!("<br><span class=\"hint\">{label}: {text}</span>")
        })
        .unwrap_or_default();
    let message = escape_html(&diagnostic.message.render(lang));
    // The line of the file, as the terminal shows it; what the editor wrote is escaped.
    let source = diagnostic
        .excerpt()
        .map(|excerpt| {
            let lines = excerpt.lines().join("\n");
            format!("<pre class=\"source\">{}</pre>", escape_html(&lines))
        })
        .unwrap_or_default();
    format!("<li>{place}: <span class=\"message\">{message}</span>{source}{hint}</li>")
}

fn code(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en",
        Lang::Id => "id",
    }
}

/// The page shown where no build has succeeded yet.
pub fn empty_page(lang: Lang) -> String {
    format!(
        "<!doctype html><html lang=\"{}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
         <title>etalase serve</title></head><body></body></html>",
        code(lang)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::excerpt::Excerpt;

    #[test]
    fn the_source_line_is_shown_escaped_under_the_message() {
        let source = "name: <script>alert(1)</script>\n";
        let mut problem = Diagnostic::error("content/products/a/product.yaml", &msg::NO_TITLE)
            .at_line(Some(1))
            .at_column(Some(7));
        problem.set_excerpt(Excerpt::of(source, 1, problem.column(), None));
        let page = Problems::Content(vec![problem]).overlay(Lang::Id);
        assert!(
            page.contains(
                "<pre class=\"source\">    |\n  1 | name: &lt;script&gt;alert(1)&lt;&#x2F;script&gt;\n    |       ^^^^^^^^^^^^^^^^^^^^^^^^^</pre>"
            ),
            "{page}"
        );
        assert!(!page.contains("<script>"));
    }
}
