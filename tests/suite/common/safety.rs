//! What sanitised HTML may never contain: script-capable elements, event-handler attributes
//! and URLs with a script-running scheme. Shared by the injection test, the property tests and
//! the fuzz targets (`fuzz/`), which include this file by path; it depends on `scraper` only.

use scraper::{ElementRef, Html};

/// Elements no Markdown text may bring into a page.
pub const FORBIDDEN_ELEMENTS: &[&str] = &[
    "script", "iframe", "frame", "frameset", "object", "embed", "applet", "style", "base", "meta",
    "link", "form", "input", "button", "textarea", "select", "svg", "math", "template", "noscript",
    "portal",
];

/// Attributes that hold a URL a browser may follow or load.
pub const URL_ATTRIBUTES: &[&str] = &[
    "href",
    "src",
    "action",
    "formaction",
    "srcset",
    "poster",
    "background",
    "xlink:href",
    "data",
    "cite",
    "ping",
];

/// The first problem of one element, if it has one; `forbidden` is the list of element names
/// not allowed where it stands.
pub fn element_problem(element: ElementRef<'_>, forbidden: &[&str]) -> Option<String> {
    let name = element.value().name();
    if forbidden.contains(&name) {
        return Some(format!("element <{name}>"));
    }
    for (attribute, value) in element.value().attrs() {
        let attribute = attribute.to_ascii_lowercase();
        if attribute.starts_with("on") {
            return Some(format!("attribute {attribute}={value:?} on <{name}>"));
        }
        if attribute == "style" {
            return Some(format!("attribute style={value:?} on <{name}>"));
        }
        let unsafe_url = match attribute.as_str() {
            "srcset" => srcset_has_unsafe_scheme(value),
            _ => URL_ATTRIBUTES.contains(&attribute.as_str()) && has_unsafe_scheme(value),
        };
        if unsafe_url {
            return Some(format!("URL {attribute}={value:?} on <{name}>"));
        }
    }
    None
}

/// Every problem of a fragment of sanitised HTML (a Markdown text as rendered).
pub fn fragment_problems(html: &str) -> Vec<String> {
    let fragment = Html::parse_fragment(html);
    fragment
        .root_element()
        .descendants()
        .filter_map(ElementRef::wrap)
        .skip(1) // the <html> wrapper parse_fragment adds
        .filter_map(|element| element_problem(element, FORBIDDEN_ELEMENTS))
        .collect()
}

/// Whether a URL would run script or smuggle a document, read as a browser reads it (the
/// WHATWG URL parser): leading and trailing spaces and control characters dropped, tabs and
/// line breaks removed everywhere, the scheme in any case.
pub fn has_unsafe_scheme(url: &str) -> bool {
    let trimmed = url.trim_matches(|c: char| c <= ' ' || c.is_whitespace());
    let squeezed: String = trimmed
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect::<String>()
        .to_ascii_lowercase();
    ["javascript:", "vbscript:", "data:", "livescript:"]
        .iter()
        .any(|scheme| squeezed.starts_with(scheme))
}

/// Whether any URL of a `srcset` list (`a.jpg 480w, b.jpg 960w`) would run script.
pub fn srcset_has_unsafe_scheme(srcset: &str) -> bool {
    srcset.split(',').any(has_unsafe_scheme)
}
