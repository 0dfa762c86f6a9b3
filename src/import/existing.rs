//! The entry folders already in `content/`, read as they are on disk (BOM, line endings and
//! comments kept, so they can be changed line by line), with what the last import wrote.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use super::state::{EntryState, STATE_FILE};
use super::values::fold;
use super::yaml_write::read_fields;
use crate::config::Config;
use crate::content::{io_reason, CatalogueRoot};
use crate::messages::{self as msg, Message};
use crate::slug::is_valid_slug;

/// Producers or products.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EntryKind {
    Producer,
    Product,
}

impl EntryKind {
    /// `content/producers` or `content/products`.
    pub fn folder(self) -> &'static Path {
        match self {
            EntryKind::Producer => Path::new("content/producers"),
            EntryKind::Product => Path::new("content/products"),
        }
    }

    /// `producer.yaml` or `product.yaml`.
    pub fn data_file(self) -> &'static str {
        match self {
            EntryKind::Producer => "producer.yaml",
            EntryKind::Product => "product.yaml",
        }
    }

    /// An entry's folder, relative to the catalogue root.
    pub fn entry_folder(self, slug: &str) -> PathBuf {
        self.folder().join(slug)
    }
}

/// A file as it is on disk, or why it could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum OnDisk {
    Missing,
    Text(String),
    Unreadable(Message),
}

impl OnDisk {
    pub fn text(&self) -> Option<&str> {
        match self {
            OnDisk::Text(text) => Some(text),
            _ => None,
        }
    }
}

/// One entry folder as it is now.
#[derive(Debug, Clone, PartialEq)]
pub struct Existing {
    pub kind: EntryKind,
    pub slug: String,
    /// The YAML file's text as it is (BOM and CRLF kept).
    pub data: OnDisk,
    /// Its top-level fields, when it could be read.
    pub fields: Option<Map<String, Value>>,
    /// `id.md`, `en.md`, … by language.
    pub texts: BTreeMap<String, OnDisk>,
    pub state: Option<EntryState>,
}

impl Existing {
    /// The entry's names, folded, for finding it by name: a business's name, a product's
    /// name in every language.
    pub fn folded_names(&self) -> Vec<String> {
        let Some(fields) = &self.fields else {
            return Vec::new();
        };
        match fields.get("name") {
            Some(Value::String(name)) => vec![fold(name)],
            Some(Value::Object(names)) => {
                names.values().filter_map(Value::as_str).map(fold).collect()
            }
            _ => Vec::new(),
        }
    }

    /// A product's producer slug, as its file says.
    pub fn producer(&self) -> Option<&str> {
        self.fields.as_ref()?.get("producer")?.as_str()
    }
}

/// Every producer and product folder under `content/`, by kind and slug, read as the
/// catalogue's `config` allows (its languages, its size limit for text files).
pub fn scan(root: &CatalogueRoot, config: &Config) -> BTreeMap<(EntryKind, String), Existing> {
    let mut found = BTreeMap::new();
    let reader = Reader {
        root,
        limit: config.limits.max_text_file_bytes,
    };
    for kind in [EntryKind::Producer, EntryKind::Product] {
        for slug in entry_slugs(&root.path().join(kind.folder())) {
            let existing = reader.entry(kind, &slug, &config.languages);
            found.insert((kind, slug), existing);
        }
    }
    found
}

/// The folder names under `folder` that are slugs (others are the build's to complain about).
fn entry_slugs(folder: &Path) -> Vec<String> {
    let Ok(entries) = fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut slugs: Vec<String> = entries
        .filter_map(Result::ok)
        .filter(|entry| entry.path().is_dir())
        .filter_map(|entry| entry.file_name().into_string().ok())
        .filter(|name| is_valid_slug(name))
        .collect();
    slugs.sort();
    slugs
}

/// Reads entry folders' files as they are.
struct Reader<'a> {
    root: &'a CatalogueRoot,
    /// Text files larger than this are not read (`limits.max_text_file_kb`).
    limit: u64,
}

/// `fields` with the text fields written as bare numbers (`sku: 1001`) as the text the YAML path
/// reads, so that a spreadsheet's `1001` is the same value and the round trip changes nothing.
fn digits_as_text(mut fields: Map<String, Value>) -> Map<String, Value> {
    for key in crate::fields::order::TEXT_EVEN_IF_DIGITS {
        if let Some(value) = fields.get_mut(*key) {
            if let Value::Number(number) = value {
                *value = Value::String(number.to_string());
            }
        }
    }
    fields
}

impl Reader<'_> {
    fn entry(&self, kind: EntryKind, slug: &str, languages: &[String]) -> Existing {
        let folder = kind.entry_folder(slug);
        let data = self.raw(&folder.join(kind.data_file()));
        let fields = data
            .text()
            .and_then(|text| read_fields(text).ok())
            .map(digits_as_text);
        let texts = languages
            .iter()
            .map(|lang| {
                let file = folder.join(format!("{lang}.md"));
                (lang.clone(), self.raw(&file))
            })
            .collect();
        let state = self
            .raw(&folder.join(STATE_FILE))
            .text()
            .and_then(EntryState::parse);
        Existing {
            kind,
            slug: slug.to_owned(),
            data,
            fields,
            texts,
            state,
        }
    }

    fn raw(&self, relative: &Path) -> OnDisk {
        read_raw(self.root, relative, self.limit)
    }
}

/// A text file inside the catalogue, exactly as it is. A file that is a link leaving the
/// catalogue, larger than `limit` bytes or not UTF-8 is unreadable: the import leaves such an
/// entry alone.
fn read_raw(root: &CatalogueRoot, relative: &Path, limit: u64) -> OnDisk {
    let path = root.path().join(relative);
    if !path.exists() {
        return OnDisk::Missing;
    }
    let inside = path
        .canonicalize()
        .is_ok_and(|real| real.starts_with(root.path()));
    if !inside {
        return OnDisk::Unreadable(Message::from(&msg::LINK_LEAVES_CATALOGUE));
    }
    let unreadable = |error: std::io::Error| {
        OnDisk::Unreadable(msg::CANNOT_BE_READ.nested("reason", io_reason(&error)))
    };
    match fs::metadata(&path) {
        Ok(meta) if meta.len() > limit => {
            let too_big = msg::TEXT_FILE_TOO_BIG
                .arg("size", meta.len().div_ceil(1024))
                .arg("limit", limit / 1024);
            return OnDisk::Unreadable(too_big);
        }
        Err(error) => return unreadable(error),
        Ok(_) => {}
    }
    match fs::read(&path).map(String::from_utf8) {
        Ok(Ok(text)) => OnDisk::Text(text),
        Ok(Err(_)) => OnDisk::Unreadable(Message::from(&msg::NOT_UTF8)),
        Err(error) => unreadable(error),
    }
}
