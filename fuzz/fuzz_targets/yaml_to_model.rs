//! Any text as catalogue.yaml, producer.yaml, product.yaml and the Markdown beside them, through
//! the same validation a build runs: a model or diagnostics, never a panic.
//!
//! The input is split at NUL bytes into, in order: product.yaml, producer.yaml, the product's
//! id.md, a free page's id.md and catalogue.yaml. Parts left out are the test fixture's files.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use etalase::config::Config;
use etalase::content::{self, CatalogueRoot, EntryFolder, RawContent, Section, SourceFile};
use etalase::diagnostic::Diagnostics;
use libfuzzer_sys::fuzz_target;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/basic");

const DEFAULTS: [&str; 5] = [
    include_str!("../../tests/fixtures/basic/content/products/batik-tulis-surya/product.yaml"),
    include_str!("../../tests/fixtures/basic/content/producers/batik-sekar-jagad/producer.yaml"),
    include_str!("../../tests/fixtures/basic/content/products/batik-tulis-surya/id.md"),
    include_str!("../../tests/fixtures/basic/content/pages/tentang/id.md"),
    include_str!("../../tests/fixtures/basic/catalogue.yaml"),
];

fn root() -> &'static CatalogueRoot {
    static ROOT: OnceLock<CatalogueRoot> = OnceLock::new();
    ROOT.get_or_init(|| CatalogueRoot::open(FIXTURE.as_ref()).expect("the fixture catalogue"))
}

fn source(path: &str, text: &str) -> SourceFile {
    SourceFile {
        path: PathBuf::from(path),
        text: content::normalise_text(text.to_owned()),
    }
}

fn entry(section: Section, slug: &str, data: Option<SourceFile>, id_md: SourceFile) -> EntryFolder {
    EntryFolder {
        section,
        slug: slug.to_owned(),
        dir: PathBuf::from(format!("content/{}/{slug}", section.folder())),
        data,
        texts: [("id".to_owned(), id_md)].into(),
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut parts: Vec<&str> = text.splitn(5, '\0').collect();
    parts.extend(DEFAULTS[parts.len()..].iter().copied());
    let mut diagnostics = Diagnostics::default();
    let config = Config::parse(
        &content::normalise_text(parts[4].to_owned()),
        &mut diagnostics,
    )
    .or_else(|| Config::parse(DEFAULTS[4], &mut Diagnostics::default()))
    .expect("the fixture's catalogue.yaml is valid");
    let product = "content/products/batik-tulis-surya";
    let producer = "content/producers/batik-sekar-jagad";
    let raw = RawContent {
        entries: vec![
            entry(
                Section::Products,
                "batik-tulis-surya",
                Some(source(&format!("{product}/product.yaml"), parts[0])),
                source(&format!("{product}/id.md"), parts[2]),
            ),
            entry(
                Section::Producers,
                "batik-sekar-jagad",
                Some(source(&format!("{producer}/producer.yaml"), parts[1])),
                source(&format!("{producer}/id.md"), "Cerita."),
            ),
            entry(
                Section::Pages,
                "tentang",
                None,
                source("content/pages/tentang/id.md", parts[3]),
            ),
        ],
    };
    let catalogue = etalase::model::validate(config, raw, root(), &mut diagnostics);
    etalase::model::review(&catalogue, &mut diagnostics);
    for diagnostic in diagnostics.sorted() {
        let _ = diagnostic.to_string();
    }
});
