//! Which brochures `etalase pdf` prints: every language (or one) times the whole catalogue and
//! every selection of `catalogue.yaml` (or one), each with its page, its file and its title.

use crate::config::{BrochureSelection, Config, CONFIG_FILE};
use crate::messages::{self as msg, Message};
use crate::render::brochure;

/// One brochure to print: a language, and a selection or the whole catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Job {
    pub lang: String,
    /// The slug of a selection in `catalogue.yaml`'s `brochures`; `None` for the whole catalogue.
    pub selection: Option<String>,
    /// The PDF's title: the one render gives the brochure's page.
    pub title: String,
}

impl Job {
    /// The brochure page, relative to the output folder: `id/brochure/index.html`.
    pub fn page(&self) -> String {
        match &self.selection {
            None => format!("{}/brochure/index.html", self.lang),
            Some(slug) => format!("{}/brochure/{slug}/index.html", self.lang),
        }
    }

    /// The PDF's file name in the output folder: `brochure-id.pdf`, `brochure-id-<selection>.pdf`.
    pub fn file_name(&self) -> String {
        match &self.selection {
            None => format!("brochure-{}.pdf", self.lang),
            Some(slug) => format!("brochure-{}-{slug}.pdf", self.lang),
        }
    }
}

/// The brochures to print: every language (or `lang`) times the whole catalogue and every
/// selection (or only `selection`). `Err` is a usage error naming the valid values.
pub fn plan(
    config: &Config,
    lang: Option<&str>,
    selection: Option<&str>,
) -> Result<Vec<Job>, Message> {
    let languages = languages(config, lang)?;
    let selections: Vec<Option<&BrochureSelection>> = match selection {
        None => std::iter::once(None)
            .chain(config.brochures.iter().map(Some))
            .collect(),
        Some(slug) => match config.brochures.iter().find(|b| b.slug == slug) {
            Some(found) => vec![Some(found)],
            None => return Err(unknown_selection(config, slug)),
        },
    };
    Ok(languages
        .iter()
        .flat_map(|lang| {
            selections.iter().map(move |selection| Job {
                lang: (*lang).clone(),
                selection: selection.map(|s| s.slug.clone()),
                title: brochure::document_title(config, lang, *selection),
            })
        })
        .collect())
}

/// The catalogue's languages, or the one asked for if the catalogue has it.
fn languages<'c>(config: &'c Config, lang: Option<&str>) -> Result<Vec<&'c String>, Message> {
    let Some(lang) = lang else {
        return Ok(config.languages.iter().collect());
    };
    match config.languages.iter().find(|l| *l == lang) {
        Some(found) => Ok(vec![found]),
        None => Err(msg::PDF_NO_SUCH_LANGUAGE
            .arg("lang", lang)
            .arg("langs", config.languages.join(", "))),
    }
}

/// The usage error for `--selection <slug>` naming no selection: which ones there are.
pub(crate) fn unknown_selection(config: &Config, slug: &str) -> Message {
    let known: Vec<&str> = config.brochures.iter().map(|b| b.slug.as_str()).collect();
    let valid = if known.is_empty() {
        msg::PDF_SELECTIONS_NONE.arg("file", CONFIG_FILE)
    } else {
        msg::PDF_SELECTIONS_ARE.arg("names", known.join(", "))
    };
    msg::PDF_NO_SUCH_SELECTION
        .arg("slug", slug)
        .nested("valid", valid)
}
