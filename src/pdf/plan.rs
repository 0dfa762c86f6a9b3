//! Which brochures `etalase pdf` prints: every language (or one) times the whole catalogue and
//! every selection of `catalogue.yaml` (or one), each with its page, its file and its title. A
//! brochure split into parts (`limits.max_brochure_products`) is printed part by part into a
//! folder of its own: `brochure-id/01-batik.pdf`, `brochure-id/02-kriya-1.pdf`, …

use crate::config::{BrochureSelection, Config, CONFIG_FILE};
use crate::messages::{self as msg, Message};
use crate::render::brochure::{self, Part, Splits};

/// One brochure to print: a language, and a selection or the whole catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Job {
    pub lang: String,
    /// The slug of a selection in `catalogue.yaml`'s `brochures`; `None` for the whole catalogue.
    pub selection: Option<String>,
    /// The PDF's title: the one render gives the brochure's page.
    pub title: String,
    /// The part of a split brochure this prints; `None` for a brochure on one page.
    pub part: Option<PartJob>,
}

/// Where a part's page is and where its PDF goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartJob {
    pub part: Part,
    /// Its page's folder below `/{lang}/`: `categories/batik/brochure/2/`.
    pub path: String,
    /// Its PDF, relative to the output folder: `brochure-id/02-batik-2.pdf`.
    pub file: String,
}

impl Job {
    /// The brochure page, relative to the output folder: `id/brochure/index.html`.
    pub fn page(&self) -> String {
        if let Some(part) = &self.part {
            return format!("{}/{}index.html", self.lang, part.path);
        }
        match &self.selection {
            None => format!("{}/brochure/index.html", self.lang),
            Some(slug) => format!("{}/brochure/{slug}/index.html", self.lang),
        }
    }

    /// The PDF's file name in the output folder: `brochure-id.pdf`, `brochure-id-<selection>.pdf`,
    /// or a part's in its brochure's folder.
    pub fn file_name(&self) -> String {
        if let Some(part) = &self.part {
            return part.file.clone();
        }
        match &self.selection {
            None => format!("brochure-{}.pdf", self.lang),
            Some(slug) => format!("brochure-{}-{slug}.pdf", self.lang),
        }
    }
}

/// The brochures to print: every language (or `lang`) times the whole catalogue and every
/// selection (or only `selection`), a brochure split into parts (`splits`) part by part.
/// `Err` is a usage error naming the valid values.
pub fn plan(
    config: &Config,
    splits: &Splits,
    lang: Option<&str>,
    selection: Option<&str>,
) -> Result<Vec<Job>, Message> {
    let languages = languages(config, lang)?;
    let every = std::iter::once(None).chain((0..config.brochures.len()).map(Some));
    let selections: Vec<Option<usize>> = match selection {
        None => every.collect(),
        Some(slug) => match config.brochures.iter().position(|b| b.slug == slug) {
            Some(found) => vec![Some(found)],
            None => return Err(unknown_selection(config, slug)),
        },
    };
    let mut jobs = Vec::new();
    for lang in languages {
        for &index in &selections {
            let chosen = index.map(|i| &config.brochures[i]);
            let parts = splits.parts(index);
            if parts.is_empty() {
                jobs.push(Job {
                    lang: lang.clone(),
                    selection: chosen.map(|s| s.slug.clone()),
                    title: brochure::document_title(config, lang, chosen),
                    part: None,
                });
            }
            jobs.extend(parts.iter().enumerate().map(|(order, &part)| Job {
                lang: lang.clone(),
                selection: chosen.map(|s| s.slug.clone()),
                title: brochure::part_document_title(config, lang, chosen, part),
                part: Some(part_job(config, lang, chosen, part, order, parts.len())),
            }));
        }
    }
    Ok(jobs)
}

/// A part's page and file. The files are numbered in the order of the brochure (the order of
/// the categories in catalogue.yaml), so a folder listing shows them as the index page does,
/// and the number keeps every name unique whatever the categories are called.
fn part_job(
    config: &Config,
    lang: &str,
    selection: Option<&BrochureSelection>,
    part: Part,
    order: usize,
    count: usize,
) -> PartJob {
    let category = &config.categories[part.category].slug;
    let folder = match selection {
        None => format!("brochure-{lang}"),
        Some(chosen) => format!("brochure-{lang}-{}", chosen.slug),
    };
    let width = count.to_string().len().max(2);
    let number = if part.of > 1 {
        format!("-{}", part.number)
    } else {
        String::new()
    };
    PartJob {
        part,
        path: brochure::part_path_in(config, selection, part),
        file: format!("{folder}/{:0width$}-{category}{number}.pdf", order + 1),
    }
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
