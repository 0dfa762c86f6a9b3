//! Tera templates in layers: the default theme built into the binary, overridden file by file
//! by the catalogue's `themes/<name>/templates/`, then by its own `templates/`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use tera::Tera;
use walkdir::WalkDir;

use crate::content::CatalogueRoot;
use crate::diagnostic::Diagnostic;
use crate::messages as msg;

macro_rules! embedded {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../../themes/default/templates/", $name)))),*]
    };
}

/// The default theme's templates, compiled into the binary.
const DEFAULT_TEMPLATES: &[(&str, &str)] = embedded!(
    "base.html",
    "index.html",
    "root.html",
    "product.html",
    "producer.html",
    "category.html",
    "products.html",
    "tags.html",
    "tag.html",
    "brochure.html",
    "brochure-index.html",
    "page.html",
    "404.html",
    "inquiry.html",
    "offline.html",
    "partials/list-add.html",
    "partials/product-card.html",
    "partials/card-list.html",
    "partials/print-card.html",
    "partials/price.html",
    "partials/lang-switch.html",
    "partials/badges.html",
    "partials/photo.html",
    "partials/breadcrumbs.html",
    "partials/pagination.html",
    "partials/fallback-notice.html",
    "partials/contact.html",
    "partials/shops.html",
);

/// A template source and where it came from (for error messages).
struct Source {
    origin: PathBuf,
    text: String,
}

/// The compiled templates and the file each one came from.
pub struct Templates {
    tera: Tera,
    origins: BTreeMap<String, PathBuf>,
}

impl Templates {
    /// Renders one template; a failure names the template's file.
    pub fn render(&self, name: &str, context: &tera::Context) -> Result<String, Diagnostic> {
        self.tera
            .render(name, context)
            .map_err(|error| template_diagnostic(&error, &self.origins))
    }

    /// Whether every template is the default theme's own (none is overridden).
    pub fn all_built_in(&self) -> bool {
        self.origins
            .values()
            .all(|origin| origin.starts_with("themes/default/templates"))
    }
}

/// Loads the layered templates into one Tera instance.
pub fn load(root: &CatalogueRoot, theme: &str) -> Result<Templates, Vec<Diagnostic>> {
    let mut sources: BTreeMap<String, Source> = DEFAULT_TEMPLATES
        .iter()
        .map(|(name, text)| {
            let origin = Path::new("themes/default/templates").join(name);
            (
                name.to_string(),
                Source {
                    origin,
                    text: text.to_string(),
                },
            )
        })
        .collect();
    let theme_dir = Path::new("themes").join(theme).join("templates");
    if theme != "default" && !root.path().join("themes").join(theme).is_dir() {
        return Err(vec![Diagnostic::error(
            "catalogue.yaml",
            msg::THEME_MISSING.arg("theme", theme),
        )
        .in_field("theme")
        .with_hint(msg::THEME_MISSING_HINT.arg("theme", theme))]);
    }
    let mut problems = Vec::new();
    overlay(root, &theme_dir, &mut sources, &mut problems);
    overlay(root, Path::new("templates"), &mut sources, &mut problems);
    if !problems.is_empty() {
        return Err(problems);
    }
    compile(sources)
}

/// Replaces templates by the `.html`/`.xml`/`.txt` files found under `dir` (relative to the root).
fn overlay(
    root: &CatalogueRoot,
    dir: &Path,
    sources: &mut BTreeMap<String, Source>,
    problems: &mut Vec<Diagnostic>,
) {
    let full = root.path().join(dir);
    if !full.is_dir() {
        return;
    }
    for item in WalkDir::new(&full)
        .sort_by_file_name()
        .into_iter()
        .flatten()
    {
        // A link is read like a file, so one leaving the catalogue is refused, not skipped.
        let is_template = (item.file_type().is_file() || item.path_is_symlink())
            && matches!(
                item.path().extension().and_then(|e| e.to_str()),
                Some("html" | "xml" | "txt")
            );
        let Ok(inside) = item.path().strip_prefix(&full) else {
            continue;
        };
        if !is_template
            || inside
                .components()
                .any(|c| c.as_os_str().to_string_lossy().starts_with('.'))
        {
            continue;
        }
        let name = inside
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        let origin = dir.join(inside);
        match root.read_text(&origin) {
            Ok(file) => {
                sources.insert(
                    name,
                    Source {
                        origin,
                        text: file.text,
                    },
                );
            }
            Err(problem) => problems.push(problem),
        }
    }
}

fn compile(sources: BTreeMap<String, Source>) -> Result<Templates, Vec<Diagnostic>> {
    let mut tera = Tera::default();
    tera.autoescape_on(vec![".html", ".xml"]);
    tera.set_escape_fn(escape_html);
    let origins: BTreeMap<String, PathBuf> = sources
        .iter()
        .map(|(n, s)| (n.clone(), s.origin.clone()))
        .collect();
    let all: Vec<(String, String)> = sources
        .into_iter()
        .map(|(name, s)| (name, s.text))
        .collect();
    tera.add_raw_templates(all)
        .map_err(|error| vec![template_diagnostic(&error, &origins)])?;
    Ok(Templates { tera, origins })
}

/// Escapes the five characters that matter in HTML text and attributes (Tera's default also
/// escapes `/`, which only makes every URL longer).
pub fn escape_html(text: &str) -> String {
    let needs_escaping = |b: u8| matches!(b, b'&' | b'<' | b'>' | b'"' | b'\'');
    let mut escaped = String::with_capacity(text.len() + 16);
    let mut clean_from = 0;
    for (at, byte) in text.bytes().enumerate() {
        if !needs_escaping(byte) {
            continue;
        }
        escaped.push_str(&text[clean_from..at]);
        escaped.push_str(match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            _ => "&#39;",
        });
        clean_from = at + 1;
    }
    escaped.push_str(&text[clean_from..]);
    escaped
}

/// A Tera error as a diagnostic naming the template file it came from.
fn template_diagnostic(error: &tera::Error, origins: &BTreeMap<String, PathBuf>) -> Diagnostic {
    let chain = error_chain(error);
    let file = origins
        .iter()
        .find(|(name, _)| chain.contains(&format!("'{name}'")))
        .map(|(_, origin)| origin.clone())
        .unwrap_or_else(|| PathBuf::from("templates"));
    Diagnostic::error(file, msg::TEMPLATE_ERROR.arg("detail", chain)).with_hint(&msg::TEMPLATE_HINT)
}

/// Tera nests the useful part of a message in its sources.
fn error_chain(error: &tera::Error) -> String {
    let mut parts = vec![error.to_string()];
    let mut source = std::error::Error::source(error);
    while let Some(inner) = source {
        parts.push(inner.to_string());
        source = inner.source();
    }
    parts.join(": ")
}

#[cfg(test)]
mod tests {
    use super::escape_html;

    #[test]
    fn escapes_markup_characters_only() {
        assert_eq!(
            escape_html(r#"Bu "Sri" & <Asli> 'x' / é"#),
            "Bu &quot;Sri&quot; &amp; &lt;Asli&gt; &#39;x&#39; / é"
        );
        assert_eq!(escape_html("plain"), "plain");
    }
}
