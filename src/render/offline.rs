//! Offline and installable: each language's web app manifest (`{lang}/manifest.webmanifest`),
//! its offline page (`offline/{lang}/`, rendered by the caller; outside the language folders,
//! as it is no page of the catalogue) and the service worker at the site root (`sw.js`), whose cache version is a hash of the build's content. Every address in
//! them is relative (to the manifest, or to the worker's scope), so a site works under any
//! `base_url` path and holds no origin. The theme's script registers the worker; see
//! docs/publishing.md, "Offline and installing on a phone".

use serde::Serialize;

use crate::diagnostic::Diagnostic;
use crate::output::SiteWriter;
use crate::theme::{Assets, ICONS};

/// The service worker's file at the site root.
pub const WORKER_FILE: &str = "sw.js";
/// Each language's manifest, beside its home page.
pub const MANIFEST_FILE: &str = "manifest.webmanifest";
/// The folder of the offline pages, one per language: `offline/id/`.
pub const OFFLINE_DIR: &str = "offline";
/// The theme's colour, as in base.html's `theme-color`: the installed app's title bar.
const THEME_COLOR: &str = "#6b1d1d";
/// The page background of style.css (`--paper`): the splash screen while the app starts.
const BACKGROUND_COLOR: &str = "#fffcf6";

/// The worker's source; its `var BUILD = "BUILD";` line is replaced by the build's facts.
const WORKER_SOURCE: &str = include_str!("sw.js");
const BUILD_PLACEHOLDER: &str = "var BUILD = \"BUILD\";";

/// What one language gives the offline files.
pub struct Language<'a> {
    pub lang: &'a str,
    /// The catalogue's title and description in this language, as plain text.
    pub title: String,
    pub description: String,
    /// The rendered offline page.
    pub offline_page: Vec<u8>,
    /// The site-relative addresses of the search index's entry (always the same; it names
    /// its content-named shards) and of the inquiry list's file (versioned).
    pub search_index: &'a str,
    pub list_items: &'a str,
}

/// Writes every language's manifest and offline page, then the worker.
pub fn write(
    languages: &[Language],
    assets: &Assets,
    out: &dyn SiteWriter,
) -> Result<(), Diagnostic> {
    let mut hasher = blake3::Hasher::new();
    hasher.update(WORKER_SOURCE.as_bytes());
    for language in languages {
        let manifest = manifest(language);
        let offline = format!("{OFFLINE_DIR}/{}/index.html", language.lang);
        out.write_page(&format!("{}/{MANIFEST_FILE}", language.lang), &manifest)?;
        out.write_page(&offline, &language.offline_page)?;
        for part in [&manifest, &language.offline_page] {
            hasher.update(&(part.len() as u64).to_le_bytes());
            hasher.update(part);
        }
    }
    let mut facts = facts(languages, assets);
    // The facts hold every versioned name (styles, scripts, list files), so a
    // change to any of them, to a manifest or an offline page changes the version.
    hasher.update(&serde_json::to_vec(&facts).unwrap_or_default());
    facts.version = hasher.finalize().to_hex()[..10].to_owned();
    out.write_page(WORKER_FILE, worker(&facts).as_bytes())
}

/// The manifest's JSON.
#[derive(Serialize)]
struct Manifest<'a> {
    /// The language home, which is also the app's identity.
    id: &'static str,
    name: &'a str,
    short_name: &'a str,
    description: &'a str,
    lang: &'a str,
    start_url: &'static str,
    scope: &'static str,
    display: &'static str,
    theme_color: &'static str,
    background_color: &'static str,
    icons: Vec<Icon>,
}

#[derive(Serialize)]
struct Icon {
    src: String,
    sizes: String,
    #[serde(rename = "type")]
    kind: &'static str,
    purpose: &'static str,
}

fn manifest(language: &Language) -> Vec<u8> {
    let manifest = Manifest {
        id: "./",
        name: &language.title,
        short_name: &language.title,
        description: &language.description,
        lang: language.lang,
        start_url: "./",
        scope: "./",
        display: "standalone",
        theme_color: THEME_COLOR,
        background_color: BACKGROUND_COLOR,
        icons: ICONS
            .iter()
            .map(|icon| Icon {
                // The icons are at the site root, one folder up from the manifest.
                src: format!("../{}", icon.file),
                sizes: format!("{0}x{0}", icon.size),
                kind: "image/png",
                purpose: icon.purpose,
            })
            .collect(),
    };
    serde_json::to_vec_pretty(&manifest).unwrap_or_default()
}

/// What the worker is told, as a JSON object; addresses relative to its scope.
#[derive(Serialize)]
struct Facts {
    /// A hash of the build's content.
    version: String,
    /// The first is the default, whose offline page serves addresses of no language.
    languages: Vec<String>,
    /// Stored when the worker installs: the offline pages and what they load.
    precache: Vec<String>,
    /// A page's data file, kept with the page: the products page's search index, the inquiry
    /// page's product file.
    data: std::collections::BTreeMap<String, String>,
}

fn facts(languages: &[Language], assets: &Assets) -> Facts {
    let mut precache: Vec<String> = languages
        .iter()
        .map(|l| format!("{OFFLINE_DIR}/{}/", l.lang))
        .collect();
    precache.extend(
        ["style.css", "etalase.js"]
            .into_iter()
            .filter_map(|file| assets.name(file).map(str::to_owned)),
    );
    precache.push("favicon.svg".to_owned());
    let mut data = std::collections::BTreeMap::new();
    for language in languages {
        let lang = language.lang;
        data.insert(
            format!("{lang}/products/"),
            language.search_index.to_owned(),
        );
        data.insert(format!("{lang}/inquiry/"), language.list_items.to_owned());
    }
    Facts {
        version: String::new(),
        languages: languages.iter().map(|l| l.lang.to_owned()).collect(),
        precache,
        data,
    }
}

fn worker(facts: &Facts) -> String {
    let json = serde_json::to_string(facts).unwrap_or_default();
    WORKER_SOURCE.replacen(BUILD_PLACEHOLDER, &format!("var BUILD = {json};"), 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_worker_source_has_its_placeholder() {
        assert_eq!(WORKER_SOURCE.matches(BUILD_PLACEHOLDER).count(), 1);
    }
}
