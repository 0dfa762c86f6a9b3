//! Links and photos written in Markdown texts: `@/products/<slug>` and the other internal
//! forms are collected while the texts are read and checked once the whole catalogue is known
//! (a link to nothing is an error); a link written from the web server's root (`/products/x`)
//! is a warning, since it breaks under a sub-path and from the disk, and so is a photo
//! without a description (alt text).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::Catalogue;
use crate::content::{EntryFolder, Section, SourceFile};
use crate::diagnostic::{did_you_mean, Diagnostic, Diagnostics};
use crate::markdown::{self, InternalLink, LinkKind, INTERNAL_PREFIX};
use crate::messages::{self as msg, Message};

/// An `@/` link as written, and where.
#[derive(Debug, Clone)]
pub(super) struct LinkUse {
    file: PathBuf,
    line: Option<u64>,
    link: String,
}

/// The slug of every entry folder found, valid or not: a link to an entry with errors of its
/// own is not reported again.
#[derive(Debug, Default)]
pub(super) struct Folders {
    products: Vec<String>,
    producers: Vec<String>,
    pages: Vec<String>,
}

impl Folders {
    pub(super) fn of(entries: &BTreeMap<Section, Vec<EntryFolder>>) -> Folders {
        let slugs = |section| {
            entries
                .get(&section)
                .map(|list: &Vec<EntryFolder>| list.iter().map(|e| e.slug.clone()).collect())
                .unwrap_or_default()
        };
        Folders {
            products: slugs(Section::Products),
            producers: slugs(Section::Producers),
            pages: slugs(Section::Pages),
        }
    }
}

/// Reads the links and photos of one Markdown body (the end of `file`'s text): `@/` links are
/// kept for [`check`]; links from the server's root and photos without alt text are reported
/// at once.
pub(super) fn read(
    file: &SourceFile,
    body: &str,
    parsed: &markdown::Parsed,
    languages: &[String],
    uses: &mut Vec<LinkUse>,
    found: &mut Diagnostics,
) {
    let body_start = file
        .text
        .len()
        .checked_sub(body.len())
        .filter(|start| file.text[*start..] == *body);
    for written in parsed.links() {
        let line = body_start.map(|start| line_at(&file.text, start + written.offset));
        let link = written.destination;
        if link.starts_with(INTERNAL_PREFIX) {
            uses.push(LinkUse {
                file: file.path.clone(),
                line,
                link,
            });
        } else if link.starts_with('/') && !link.starts_with("//") {
            let suggestion = internal_form(&link, languages);
            found.push(
                Diagnostic::warning(&file.path, msg::LINK_FROM_SERVER_ROOT.arg("link", &link))
                    .at_line(line)
                    .with_hint(msg::LINK_USE_INTERNAL_HINT.arg("suggestion", suggestion)),
            );
        }
    }
    for image in parsed.images_without_alt() {
        let line = body_start.map(|start| line_at(&file.text, start + image.offset));
        let name = image.destination;
        found.push(
            Diagnostic::warning(
                &file.path,
                msg::PHOTO_IN_TEXT_WITHOUT_ALT.arg("file", &name),
            )
            .at_line(line)
            .with_hint(msg::PHOTO_IN_TEXT_ALT_HINT.arg("file", &name)),
        );
    }
}

/// The 1-based line of byte `offset` in `text`.
fn line_at(text: &str, offset: usize) -> u64 {
    let offset = offset.min(text.len());
    text.as_bytes()[..offset]
        .iter()
        .filter(|b| **b == b'\n')
        .count() as u64
        + 1
}

/// `/id/products/x/index.html` -> `@/products/x`: the link as it should be written.
fn internal_form(link: &str, languages: &[String]) -> String {
    let (path, fragment) = match link.split_once('#') {
        Some((path, fragment)) => (path, format!("#{fragment}")),
        None => (link, String::new()),
    };
    let mut segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    if segments
        .first()
        .is_some_and(|first| languages.iter().any(|l| l == first))
    {
        segments.remove(0);
    }
    if segments.last() == Some(&"index.html") {
        segments.pop();
    }
    format!("{INTERNAL_PREFIX}{}{fragment}", segments.join("/"))
}

/// Reports every `@/` link that does not lead to a page of the catalogue.
pub(super) fn check(
    catalogue: &Catalogue,
    folders: &Folders,
    uses: Vec<LinkUse>,
    diagnostics: &mut Diagnostics,
) {
    for use_ in uses {
        if let Some(problem) = problem_of(catalogue, folders, &use_) {
            diagnostics.push(problem);
        }
    }
}

fn strings(list: &[String]) -> Vec<&str> {
    list.iter().map(String::as_str).collect()
}

fn problem_of(catalogue: &Catalogue, folders: &Folders, use_: &LinkUse) -> Option<Diagnostic> {
    let error =
        |message: Message| Diagnostic::error(Path::new(&use_.file), message).at_line(use_.line);
    let Some(link) = InternalLink::parse(&use_.link) else {
        return Some(
            error(msg::LINK_NOT_INTERNAL_FORM.arg("link", &use_.link))
                .with_hint(&msg::LINK_FORMS_HINT),
        );
    };
    let (known, kind, section): (Vec<&str>, _, _) = match link.kind {
        LinkKind::Home => return None,
        LinkKind::Product => (
            strings(&folders.products),
            &msg::KIND_A_PRODUCT,
            "products/",
        ),
        LinkKind::Producer => (
            strings(&folders.producers),
            &msg::KIND_A_PRODUCER,
            "producers/",
        ),
        LinkKind::Page => (strings(&folders.pages), &msg::KIND_A_PAGE, ""),
        LinkKind::Tag => (
            catalogue.tags.iter().map(|(t, _)| t.as_str()).collect(),
            &msg::KIND_A_TAG,
            "tags/",
        ),
        LinkKind::Category => (
            catalogue
                .config
                .categories
                .iter()
                .map(|c| c.slug.as_str())
                .collect(),
            &msg::KIND_A_CATEGORY,
            "categories/",
        ),
    };
    if known.contains(&link.slug.as_str()) {
        return None;
    }
    let hint = did_you_mean(&link.slug, known.iter().copied())
        .map(|close| msg::DID_YOU_MEAN.arg("name", format!("{INTERNAL_PREFIX}{section}{close}")));
    Some(
        error(
            msg::LINK_LEADS_NOWHERE
                .arg("link", &use_.link)
                .nested("kind", kind)
                .arg("slug", &link.slug),
        )
        .with_optional_hint(hint),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_links_are_turned_into_the_internal_form() {
        let languages = ["id".to_owned(), "en".to_owned()];
        for (link, expected) in [
            ("/products/x", "@/products/x"),
            ("/id/products/x/", "@/products/x"),
            ("/en/tentang/index.html#visi", "@/tentang#visi"),
            ("/", "@/"),
        ] {
            assert_eq!(internal_form(link, &languages), expected, "{link}");
        }
    }

    #[test]
    fn lines_count_from_one() {
        assert_eq!(line_at("a\nb\nc", 0), 1);
        assert_eq!(line_at("a\nb\nc", 2), 2);
        assert_eq!(line_at("a\nb\nc", 99), 3);
    }
}
