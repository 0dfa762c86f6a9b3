//! Which entry folder each row belongs to. A row keeps its folder across imports: by the
//! `slug` column when there is one, else by what the last import recorded about the row
//! (`.import.json`), else by an existing entry of the same name; only a new row gets a new
//! slug, made from its name and made unique.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::json;

use super::existing::{EntryKind, Existing};
use super::report::{CellAt, Problem};
use super::rows::{FieldValue, Record};
use super::values::fold;
use crate::diagnostic::did_you_mean;
use crate::messages::{self as msg, Message};
use crate::slug::{is_valid_slug, slugify};

/// Every row that goes to one entry folder.
#[derive(Debug, Clone, PartialEq)]
pub struct Planned {
    /// What identifies the entry's row in later imports (see `EntryState::source`).
    pub source: String,
    /// The rows, in the order their values apply (a curation sheet's after a products sheet's).
    pub records: Vec<Record>,
}

/// Entries by kind and slug: those on disk, and the rows going to each.
pub struct Assignment<'a> {
    existing: &'a BTreeMap<(EntryKind, String), Existing>,
    pub planned: BTreeMap<(EntryKind, String), Planned>,
    /// Folded names of producers and products (on disk and planned) -> their slugs.
    names: BTreeMap<(EntryKind, String), BTreeSet<String>>,
    /// Source keys recorded by earlier imports -> slugs.
    sources: BTreeMap<(EntryKind, String), String>,
}

impl<'a> Assignment<'a> {
    pub fn new(existing: &'a BTreeMap<(EntryKind, String), Existing>) -> Self {
        let mut assignment = Assignment {
            existing,
            planned: BTreeMap::new(),
            names: BTreeMap::new(),
            sources: BTreeMap::new(),
        };
        for ((kind, slug), entry) in existing {
            for name in entry.folded_names() {
                assignment.add_name(*kind, name, slug);
            }
            if let Some(state) = &entry.state {
                let key = (*kind, state.source.clone());
                assignment
                    .sources
                    .entry(key)
                    .or_insert_with(|| slug.clone());
            }
        }
        assignment
    }

    fn add_name(&mut self, kind: EntryKind, name: String, slug: &str) {
        let slugs = self.names.entry((kind, name)).or_default();
        slugs.insert(slug.to_owned());
    }

    fn exists(&self, kind: EntryKind, slug: &str) -> bool {
        let key = (kind, slug.to_owned());
        self.existing.contains_key(&key) || self.planned.contains_key(&key)
    }

    /// Assigns each producers-sheet record a folder.
    pub fn producers(&mut self, records: Vec<Record>, problems: &mut Vec<Problem>) {
        for record in records {
            let Some(name) = record.name.clone() else {
                continue;
            };
            let source = fold(&name);
            let found = record
                .slug
                .clone()
                .or_else(|| self.by_source(EntryKind::Producer, &source))
                .or_else(|| self.only_named(EntryKind::Producer, &source, |_| true));
            self.place(EntryKind::Producer, found, source, &name, record, problems);
        }
    }

    /// Assigns each products-sheet record a folder, once its business is known.
    pub fn products(&mut self, records: Vec<Record>, problems: &mut Vec<Problem>) {
        for mut record in records {
            let Some(name) = record.name.clone() else {
                continue;
            };
            let producer = match self.producer_of(&record) {
                Ok(producer) => producer,
                Err(problem) => {
                    problems.push(*problem);
                    continue;
                }
            };
            if let (Some(producer), Some((_, at))) = (&producer, &record.reference) {
                record.fields.insert(
                    0,
                    FieldValue {
                        path: "producer",
                        value: Some(json!(producer)),
                        at: at.clone(),
                    },
                );
            }
            // Without a business (a row found by its slug) the row's source stays as recorded.
            let source = match &producer {
                Some(producer) => format!("{producer}/{}", fold(&name)),
                None => String::new(),
            };
            let producer = producer.unwrap_or_default();
            let same_producer = |entry: &Existing| entry.producer() == Some(producer.as_str());
            let names = std::iter::once(&name).chain(&record.other_names);
            let found = record
                .slug
                .clone()
                .or_else(|| self.by_source(EntryKind::Product, &source))
                .or_else(|| {
                    names
                        .map(|n| fold(n))
                        .find_map(|n| self.only_named(EntryKind::Product, &n, same_producer))
                });
            self.place(EntryKind::Product, found, source, &name, record, problems);
        }
    }

    /// Adds each curation-sheet record to the product it names.
    pub fn curation(&mut self, records: Vec<Record>, problems: &mut Vec<Problem>) {
        for record in records {
            let Some((reference, at)) = record.reference.clone() else {
                continue;
            };
            match self.product_named(&reference, &at) {
                Ok(slug) => {
                    let key = (EntryKind::Product, slug.clone());
                    let planned = self.planned.entry(key).or_insert_with(|| Planned {
                        source: String::new(),
                        records: Vec::new(),
                    });
                    planned.records.push(record);
                }
                Err(problem) => problems.push(*problem),
            }
        }
    }

    fn by_source(&self, kind: EntryKind, source: &str) -> Option<String> {
        self.sources.get(&(kind, source.to_owned())).cloned()
    }

    /// The one existing entry of `kind` named `folded` that `fits` and no row has claimed yet,
    /// if exactly one is. A product renamed in one language is still found by the other.
    fn only_named(
        &self,
        kind: EntryKind,
        folded: &str,
        fits: impl Fn(&Existing) -> bool,
    ) -> Option<String> {
        let slugs = self.names.get(&(kind, folded.to_owned()))?;
        let fitting: Vec<&String> = slugs
            .iter()
            .filter(|slug| {
                let key = (kind, (*slug).clone());
                !self.planned.contains_key(&key) && self.existing.get(&key).is_some_and(&fits)
            })
            .collect();
        match fitting.as_slice() {
            [one] => Some((*one).clone()),
            _ => None,
        }
    }

    /// Puts `record` in folder `found` (or a new one made from `name`), unless another row of
    /// the same sheet kind already went there.
    fn place(
        &mut self,
        kind: EntryKind,
        found: Option<String>,
        source: String,
        name: &str,
        record: Record,
        problems: &mut Vec<Problem>,
    ) {
        let slug = match found {
            Some(slug) => slug,
            None => match self.new_slug(kind, name) {
                Some(slug) => slug,
                None => {
                    let message = msg::IMPORT_NAME_WITHOUT_SLUG.arg("value", name);
                    problems.push(Problem::error(record.at.clone(), message));
                    return;
                }
            },
        };
        let key = (kind, slug.clone());
        if let Some(earlier) = self.planned.get(&key) {
            if let Some(first) = earlier.records.iter().find(|r| r.kind == record.kind) {
                let message = msg::IMPORT_DUPLICATE_ROW
                    .arg("row", first.at.row)
                    .arg("slug", &slug);
                problems.push(Problem::error(record.at.clone(), message));
                return;
            }
        }
        for folded in std::iter::once(name).chain(record.other_names.iter().map(String::as_str)) {
            self.add_name(kind, fold(folded), &slug);
        }
        let planned = self.planned.entry(key).or_insert_with(|| Planned {
            source: String::new(),
            records: Vec::new(),
        });
        planned.source = source;
        planned.records.push(record);
    }

    /// A slug made from `name` that no folder has yet: `keripik-tempe`, else `keripik-tempe-2`…
    fn new_slug(&self, kind: EntryKind, name: &str) -> Option<String> {
        let base = slugify(name);
        if base.is_empty() {
            return None;
        }
        (1..)
            .map(|n| match n {
                1 => base.clone(),
                n => format!("{base}-{n}"),
            })
            .find(|slug| !self.exists(kind, slug))
    }

    /// The producer slug a products row names (by slug or business name); `None` when the row
    /// has no producer cell (it then updates a product by its slug).
    fn producer_of(&self, record: &Record) -> Result<Option<String>, Box<Problem>> {
        let Some((reference, at)) = &record.reference else {
            return Ok(None);
        };
        if is_valid_slug(reference) && self.exists(EntryKind::Producer, reference) {
            return Ok(Some(reference.clone()));
        }
        let slugs = self.names.get(&(EntryKind::Producer, fold(reference)));
        match slugs.map(|s| s.iter().collect::<Vec<_>>()).as_deref() {
            Some([one]) => Ok(Some((*one).clone())),
            Some([_, _, ..]) => Err(self.ambiguous(EntryKind::Producer, reference, at)),
            _ => Err(self.unknown(EntryKind::Producer, reference, at)),
        }
    }

    /// The product slug a curation row names (by slug or name in any language).
    fn product_named(&self, reference: &str, at: &CellAt) -> Result<String, Box<Problem>> {
        if is_valid_slug(reference) && self.exists(EntryKind::Product, reference) {
            return Ok(reference.to_owned());
        }
        let slugs = self.names.get(&(EntryKind::Product, fold(reference)));
        match slugs.map(|s| s.iter().collect::<Vec<_>>()).as_deref() {
            Some([one]) => Ok((*one).clone()),
            Some([_, _, ..]) => Err(self.ambiguous(EntryKind::Product, reference, at)),
            _ => Err(self.unknown(EntryKind::Product, reference, at)),
        }
    }

    fn ambiguous(&self, kind: EntryKind, reference: &str, at: &CellAt) -> Box<Problem> {
        let slugs = self
            .names
            .get(&(kind, fold(reference)))
            .map(|s| s.iter().cloned().collect::<Vec<_>>().join(", "))
            .unwrap_or_default();
        let message = msg::IMPORT_AMBIGUOUS_NAME
            .arg("value", reference)
            .arg("slugs", slugs);
        Box::new(Problem::error(at.clone(), message).with_hint(&msg::IMPORT_USE_SLUG_HINT))
    }

    fn unknown(&self, kind: EntryKind, reference: &str, at: &CellAt) -> Box<Problem> {
        let known: Vec<&str> = self
            .names
            .keys()
            .filter(|(k, _)| *k == kind)
            .map(|(_, name)| name.as_str())
            .collect();
        let hint = did_you_mean(&fold(reference), known.iter().copied())
            .map(|close| msg::DID_YOU_MEAN.arg("name", close));
        let template = match kind {
            EntryKind::Producer => &msg::IMPORT_UNKNOWN_PRODUCER,
            EntryKind::Product => &msg::IMPORT_UNKNOWN_PRODUCT,
        };
        let hint = hint.unwrap_or_else(|| Message::from(&msg::IMPORT_USE_SLUG_HINT));
        Box::new(Problem::error(at.clone(), template.arg("value", reference)).with_hint(hint))
    }
}
