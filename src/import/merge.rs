//! One entry's rows against its folder: a three-way comparison of each field, text and photo
//! between what the last import wrote, what the file says now and what the spreadsheet says.
//! The spreadsheet's value is taken where the file still holds what the import wrote; where an
//! editor changed it by hand, the hand edit stays (and a clash is reported) unless
//! `--overwrite`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use super::existing::{EntryKind, Existing, OnDisk};
use super::identity::Planned;
use super::report::{CellAt, Change, Conflict, Problem, Target};
use super::rows::{FieldValue, SourceFile, TextValue};
use super::state::{EntryState, STATE_FILE};
use super::yaml_write::{edit_document, markdown_body, new_document, replace_markdown_body};
use crate::diagnostic::Diagnostic;
use crate::fields::order;
use crate::images::asset_key;
use crate::images::cache::{Cache, FileStamp};
use crate::messages as msg;

/// A file the import writes: text, or a photo copied from beside the spreadsheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Write {
    Text { file: PathBuf, text: String },
    Copy { file: PathBuf, from: PathBuf },
}

/// What the import does to one entry folder.
#[derive(Debug, Default)]
pub struct Outcome {
    pub writes: Vec<Write>,
    pub change: Option<Change>,
    pub conflicts: Vec<Conflict>,
    /// Problems with the folder's files that made the import leave the entry alone.
    pub problems: Vec<Diagnostic>,
    /// Problems with the rows (a new entry lacking a required field).
    pub row_problems: Vec<Problem>,
}

impl Write {
    /// The file written, relative to the catalogue folder.
    pub fn file(&self) -> &Path {
        match self {
            Write::Text { file, .. } | Write::Copy { file, .. } => file,
        }
    }
}

/// How the three versions of one value compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verdict {
    /// The file already says what the spreadsheet says.
    Same,
    /// The file holds what the last import wrote (or nothing): take the spreadsheet's.
    Take,
    /// The file was changed by hand and the spreadsheet did not change: keep the file's.
    KeepHandEdit,
    /// Both changed.
    Clash,
}

/// Compares the file's value `current`, the spreadsheet's `incoming` and what the last import
/// wrote (`base`; `None` when no import recorded it).
fn verdict<T: PartialEq>(
    current: Option<&T>,
    incoming: Option<&T>,
    base: Option<Option<&T>>,
) -> Verdict {
    if current == incoming {
        return Verdict::Same;
    }
    match base {
        Some(base) if base == current => Verdict::Take,
        Some(base) if base == incoming => Verdict::KeepHandEdit,
        Some(_) => Verdict::Clash,
        // Nothing recorded: fill what is missing, never empty what is there.
        None if current.is_none() => Verdict::Take,
        None if incoming.is_none() => Verdict::KeepHandEdit,
        None => Verdict::Clash,
    }
}

/// What to do with one value once its verdict is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Decision {
    /// Write the spreadsheet's value.
    take: bool,
    /// Report the difference as a conflict.
    report: bool,
    /// Remember the spreadsheet's value as what the import wrote. Not after a conflict kept:
    /// the conflict is reported again at the next import, until the spreadsheet or the file
    /// gives way (or `--overwrite`).
    record: bool,
}

/// `overwrite` takes the spreadsheet's value over any hand edit, except that an empty cell
/// never empties a field no import wrote (`blank_over_unrecorded`).
fn decide(verdict: Verdict, overwrite: bool, blank_over_unrecorded: bool) -> Decision {
    let plain = |take| Decision {
        take,
        report: false,
        record: true,
    };
    match verdict {
        Verdict::Same => plain(false),
        Verdict::Take => plain(true),
        Verdict::KeepHandEdit if overwrite && !blank_over_unrecorded => Decision {
            take: true,
            report: true,
            record: true,
        },
        Verdict::KeepHandEdit => plain(false),
        Verdict::Clash => Decision {
            take: overwrite,
            report: true,
            record: overwrite,
        },
    }
}

/// Everything merging one entry needs to know.
pub struct Entry<'a> {
    pub kind: EntryKind,
    pub slug: &'a str,
    pub existing: Option<&'a Existing>,
    pub planned: &'a Planned,
    pub overwrite: bool,
    /// The spreadsheet's file name, for the header of new files and the state.
    pub spreadsheet: &'a str,
    /// The catalogue folder, where photos already copied are compared.
    pub root: &'a Path,
    /// The build's photo cache, if the catalogue has been built.
    pub cache: Option<&'a Cache>,
}

/// The writes, changes and clashes of one entry.
pub fn merge(entry: &Entry) -> Outcome {
    let mut merging = Merging::new(entry);
    if let Some(problem) = merging.unreadable_data() {
        return Outcome {
            problems: vec![problem],
            ..Outcome::default()
        };
    }
    merging.fields();
    merging.texts();
    merging.files();
    merging.finish()
}

struct Merging<'a> {
    entry: &'a Entry<'a>,
    folder: PathBuf,
    base: EntryState,
    state: EntryState,
    current: Map<String, Value>,
    target: Map<String, Value>,
    outcome: Outcome,
    /// The fields, texts and photos that change, for the report.
    changed: Vec<String>,
}

impl<'a> Merging<'a> {
    fn new(entry: &'a Entry<'a>) -> Self {
        let base = entry
            .existing
            .and_then(|e| e.state.clone())
            .unwrap_or_default();
        let mut state = base.clone();
        // Only a producers or products row says which row and spreadsheet an entry comes
        // from; a curation sheet (often a file of its own) only adds to it.
        if !entry.planned.source.is_empty() {
            state.source = entry.planned.source.clone();
            state.spreadsheet = entry.spreadsheet.to_owned();
        }
        let current = entry
            .existing
            .and_then(|e| e.fields.clone())
            .unwrap_or_default();
        Merging {
            entry,
            folder: entry.kind.entry_folder(entry.slug),
            base,
            state,
            target: current.clone(),
            current,
            outcome: Outcome::default(),
            changed: Vec::new(),
        }
    }

    fn data_file(&self) -> PathBuf {
        self.folder.join(self.entry.kind.data_file())
    }

    fn on_disk(&self) -> &OnDisk {
        self.entry
            .existing
            .map_or(&OnDisk::Missing, |existing| &existing.data)
    }

    /// The YAML file exists but cannot be read or parsed: the import must not guess.
    fn unreadable_data(&self) -> Option<Diagnostic> {
        let file = self.data_file();
        match self.on_disk() {
            OnDisk::Missing => None,
            OnDisk::Unreadable(reason) => Some(Diagnostic::error(file, reason.clone())),
            OnDisk::Text(_) if self.entry.existing.is_some_and(|e| e.fields.is_none()) => Some(
                Diagnostic::error(file, &msg::IMPORT_YAML_UNREADABLE)
                    .with_hint(&msg::IMPORT_YAML_UNREADABLE_HINT),
            ),
            OnDisk::Text(_) => None,
        }
    }

    /// Every field the rows set, the last row's value winning.
    fn incoming_fields(&self) -> BTreeMap<&'static str, &'a FieldValue> {
        let mut fields = BTreeMap::new();
        for record in &self.entry.planned.records {
            for field in &record.fields {
                fields.insert(field.path, field);
            }
        }
        fields
    }

    fn fields(&mut self) {
        for (path, field) in self.incoming_fields() {
            let current = get_path(&self.current, path)
                .cloned()
                .map(|v| meaning(path, v));
            let base = self.base.field(path);
            let incoming = with_current_alts(path, current.as_ref(), field.value.clone());
            let verdict = verdict(current.as_ref(), incoming.as_ref(), base);
            let blank_over_unrecorded = incoming.is_none() && base.is_none();
            let decision = decide(verdict, self.entry.overwrite, blank_over_unrecorded);
            if decision.report {
                let shown = (show(current.as_ref()), show(incoming.as_ref()));
                self.clash(path, shown, &field.at, base.is_some());
            }
            if decision.take {
                set_path(&mut self.target, path, incoming.clone());
            }
            if decision.record {
                let recorded = incoming.unwrap_or(Value::Null);
                self.state.fields.insert(path.to_owned(), recorded);
            }
        }
    }

    fn clash(&mut self, field: &str, shown: (String, String), at: &CellAt, recorded: bool) {
        let (current, incoming) = shown;
        self.outcome.conflicts.push(Conflict {
            file: self.data_file(),
            target: Target::Field(field.to_owned()),
            current,
            incoming,
            at: at.clone(),
            overwritten: self.entry.overwrite,
            recorded,
        });
    }

    fn texts(&mut self) {
        let mut incoming: BTreeMap<&str, &TextValue> = BTreeMap::new();
        for record in &self.entry.planned.records {
            for text in &record.texts {
                incoming.insert(text.lang, text);
            }
        }
        for (lang, text) in incoming {
            // An empty cell leaves the text alone: a description is too costly to lose.
            if let Some(body) = &text.body {
                self.text(lang, body, &text.at);
            }
        }
    }

    fn text(&mut self, lang: &str, body: &str, at: &CellAt) {
        let file = self.folder.join(format!("{lang}.md"));
        let on_disk = self
            .entry
            .existing
            .and_then(|e| e.texts.get(lang))
            .unwrap_or(&OnDisk::Missing);
        let original = match on_disk {
            OnDisk::Unreadable(reason) => {
                let problem = Diagnostic::error(&file, reason.clone());
                self.outcome.problems.push(problem);
                return;
            }
            OnDisk::Text(text) => Some(text.as_str()),
            OnDisk::Missing => None,
        };
        let incoming = normalised_body(body);
        let current = original.map(|text| normalised_body(&markdown_body(text)));
        let base = self.base.texts.get(lang).map(|b| Some(normalised_body(b)));
        let verdict = verdict(
            current.as_ref(),
            Some(&incoming),
            base.as_ref().map(Option::as_ref),
        );
        let decision = decide(verdict, self.entry.overwrite, false);
        if decision.report {
            let shown = current.as_deref().map(excerpt).unwrap_or_default();
            self.clash_text(&file, (shown, excerpt(&incoming)), at, base.is_some());
        }
        if decision.take {
            let text = match original {
                Some(original) => replace_markdown_body(original, &incoming),
                None => format!("{incoming}\n"),
            };
            self.outcome.writes.push(Write::Text { file, text });
            self.changed.push(format!("{lang}.md"));
        }
        if decision.record {
            self.state.texts.insert(lang.to_owned(), incoming);
        }
    }

    fn clash_text(&mut self, file: &Path, shown: (String, String), at: &CellAt, recorded: bool) {
        let (current, incoming) = shown;
        self.outcome.conflicts.push(Conflict {
            file: file.to_owned(),
            target: Target::Text,
            current,
            incoming,
            at: at.clone(),
            overwritten: self.entry.overwrite,
            recorded,
        });
    }

    fn files(&mut self) {
        let mut incoming: BTreeMap<&str, &SourceFile> = BTreeMap::new();
        for record in &self.entry.planned.records {
            for file in &record.files {
                incoming.insert(&file.name, file);
            }
        }
        for (name, file) in incoming {
            self.photo(name, file);
        }
    }

    fn photo(&mut self, name: &str, file: &SourceFile) {
        let known = self.base.files.get(name);
        let Ok(incoming) = FileStamp::of(&file.source, known) else {
            return;
        };
        let target = self.folder.join(name);
        let current = self.photo_hash(&target);
        let base = known.map(|stamp| Some(&stamp.hash));
        let verdict = verdict(current.as_ref(), Some(&incoming.hash), base);
        let decision = decide(verdict, self.entry.overwrite, false);
        if decision.report {
            self.outcome.conflicts.push(Conflict {
                file: target.clone(),
                target: Target::Photo,
                current: String::new(),
                incoming: file.source.display().to_string(),
                at: file.at.clone(),
                overwritten: self.entry.overwrite,
                recorded: base.is_some(),
            });
        }
        if decision.take {
            self.outcome.writes.push(Write::Copy {
                file: target,
                from: file.source.clone(),
            });
            self.changed.push(name.to_owned());
        }
        if decision.record {
            self.state.files.insert(name.to_owned(), incoming);
        }
    }

    /// The hash of a photo in the catalogue, from the build's photo cache when the build has
    /// seen it unchanged, so a re-import does not read every photo again.
    fn photo_hash(&self, relative: &Path) -> Option<String> {
        let path = self.entry.root.join(relative);
        if !path.is_file() {
            return None;
        }
        match self.entry.cache {
            Some(cache) => cache.source_hash(&path, &asset_key(relative)).ok(),
            None => FileStamp::of(&path, None).ok().map(|stamp| stamp.hash),
        }
    }

    /// The YAML file and the state file, then what changed, all or nothing: when the YAML
    /// file cannot be written, nothing of the entry is.
    fn finish(mut self) -> Outcome {
        let is_new = matches!(self.on_disk(), OnDisk::Missing);
        if is_new {
            if let Some(problem) = self.missing_required() {
                return Outcome {
                    row_problems: vec![problem],
                    ..Outcome::default()
                };
            }
        }
        match self.data_write(is_new) {
            Ok(Some(write)) => self.outcome.writes.insert(0, write),
            Ok(None) => {}
            Err(problem) => {
                return Outcome {
                    problems: vec![problem],
                    ..Outcome::default()
                }
            }
        }
        self.change(is_new);
        self.state_write();
        self.outcome
    }

    /// The fields a new entry cannot do without, named in the row when missing.
    fn missing_required(&self) -> Option<Problem> {
        let required: &[&str] = match self.entry.kind {
            EntryKind::Producer => &["name", "kind", "address"],
            EntryKind::Product => &["name", "producer", "category"],
        };
        let missing: Vec<&str> = required
            .iter()
            .copied()
            .filter(|key| !self.target.contains_key(*key))
            .collect();
        if missing.is_empty() {
            return None;
        }
        let at = self.entry.planned.records.first()?.at.clone();
        let message = msg::IMPORT_NEW_ENTRY_INCOMPLETE
            .arg("folder", self.folder.display())
            .arg("fields", missing.join(", "));
        Some(Problem::error(at, message).with_hint(&msg::IMPORT_NEW_ENTRY_HINT))
    }

    fn order(&self) -> &'static [&'static str] {
        match self.entry.kind {
            EntryKind::Producer => order::PRODUCER,
            EntryKind::Product => order::PRODUCT,
        }
    }

    /// The YAML file's new text, if it changes.
    fn data_write(&mut self, is_new: bool) -> Result<Option<Write>, Diagnostic> {
        let file = self.data_file();
        if is_new {
            let header = [
                format!("Dibuat oleh `etalase import` dari {}; boleh diubah: impor berikutnya tidak menimpa perubahan tangan.", self.entry.spreadsheet),
                format!("Made by `etalase import` from {}; edit freely: the next import keeps hand edits.", self.entry.spreadsheet),
            ];
            let header: Vec<&str> = header.iter().map(String::as_str).collect();
            let fields: Vec<(&str, Value)> = self
                .target
                .iter()
                .map(|(key, value)| (key.as_str(), value.clone()))
                .collect();
            let text = new_document(&header, &fields, self.order());
            return Ok(Some(Write::Text { file, text }));
        }
        let changes = self.changed_keys();
        if changes.is_empty() {
            return Ok(None);
        }
        let original = self.on_disk().text().unwrap_or_default();
        let edits: Vec<(&str, Option<Value>)> = changes
            .iter()
            .map(|key| (key.as_str(), self.target.get(key).cloned()))
            .collect();
        match edit_document(original, &edits, self.order()) {
            Ok(text) => {
                self.changed.splice(0..0, changes);
                Ok(Some(Write::Text { file, text }))
            }
            Err(why) => Err(
                Diagnostic::error(file, msg::IMPORT_CANNOT_EDIT.nested("why", why))
                    .with_hint(&msg::IMPORT_CANNOT_EDIT_HINT),
            ),
        }
    }

    /// The top-level keys whose value differs between the file and what it should say.
    fn changed_keys(&self) -> Vec<String> {
        let order = self.order();
        let mut keys: Vec<String> = self
            .current
            .keys()
            .chain(self.target.keys())
            .filter(|key| self.current.get(*key) != self.target.get(*key))
            .cloned()
            .collect();
        keys.sort_by_key(|key| order.iter().position(|k| k == key).unwrap_or(order.len()));
        keys.dedup();
        keys
    }

    fn change(&mut self, is_new: bool) {
        if self.outcome.writes.is_empty() {
            return;
        }
        let folder = self.folder.clone();
        self.outcome.change = Some(if is_new {
            let files = self
                .outcome
                .writes
                .iter()
                .filter_map(|write| write.file().file_name())
                .map(|name| name.to_string_lossy().into_owned())
                .collect();
            Change::Created { folder, files }
        } else {
            Change::Updated {
                folder,
                what: std::mem::take(&mut self.changed),
            }
        });
    }

    /// `.import.json`, when what it records changed.
    fn state_write(&mut self) {
        let text = self.state.to_text();
        let before = self.entry.existing.and_then(|e| e.state.as_ref());
        if before.map(EntryState::to_text).as_deref() != Some(text.as_str()) {
            let file = self.folder.join(STATE_FILE);
            self.outcome.writes.push(Write::Text { file, text });
        }
    }
}

/// A value as the catalogue reads it, so that two spellings of one value compare equal: a
/// hand-written `price: 35000` is the `price: { amount: 35000 }` the import writes.
fn meaning(path: &str, value: Value) -> Value {
    match (path, value) {
        ("price", Value::Number(amount)) => Value::Object(Map::from_iter([(
            "amount".to_owned(),
            Value::Number(amount),
        )])),
        (_, value) => value,
    }
}

/// The value at a dotted path (`price`, `name.en`).
fn get_path<'m>(fields: &'m Map<String, Value>, path: &str) -> Option<&'m Value> {
    match path.split_once('.') {
        Some((top, inner)) => fields.get(top)?.as_object()?.get(inner),
        None => fields.get(path),
    }
}

/// Sets (or, with `None`, removes) the value at a dotted path; a mapping left empty goes.
fn set_path(fields: &mut Map<String, Value>, path: &str, value: Option<Value>) {
    let Some((top, inner)) = path.split_once('.') else {
        match value {
            Some(value) => fields.insert(path.to_owned(), value),
            None => fields.remove(path),
        };
        return;
    };
    let mut object = fields
        .get(top)
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    match value {
        Some(value) => object.insert(inner.to_owned(), value),
        None => object.remove(inner),
    };
    if object.is_empty() {
        fields.remove(top);
    } else {
        fields.insert(top.to_owned(), Value::Object(object));
    }
}

/// A value as a conflict shows it: text as typed, anything else as compact JSON.
fn show(value: Option<&Value>) -> String {
    match value {
        None => "—".to_owned(),
        Some(Value::String(text)) => format!("\"{text}\""),
        Some(other) => other.to_string(),
    }
}

/// A text compared as the editor sees it: LF line endings, no trailing blank space.
/// A photos cell names files only: each photo the entry already has keeps the alt text an
/// editor wrote (what `etalase export` relies on to round-trip).
fn with_current_alts(
    path: &str,
    current: Option<&Value>,
    incoming: Option<Value>,
) -> Option<Value> {
    let (Some(Value::Array(now)), Some(Value::Array(mut photos))) = (current, incoming.clone())
    else {
        return incoming;
    };
    if path != "photos" {
        return incoming;
    }
    for photo in &mut photos {
        let file = photo.get("file");
        if let Some(kept) = now.iter().find(|old| old.get("file") == file) {
            *photo = kept.clone();
        }
    }
    Some(Value::Array(photos))
}

fn normalised_body(body: &str) -> String {
    body.replace("\r\n", "\n").trim_end().to_owned()
}

/// The start of a text, for a conflict line.
fn excerpt(text: &str) -> String {
    let first_line = text.lines().next().unwrap_or_default();
    let short: String = first_line.chars().take(60).collect();
    if short.len() < text.len() {
        format!("\"{short}…\"")
    } else {
        format!("\"{short}\"")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_three_versions_decide_what_happens() {
        use Verdict::*;
        let (a, b, c) = (Some(&1), Some(&2), Some(&3));
        // (file now, spreadsheet, last import) -> verdict
        let cases = [
            ((a, a, Some(b)), Same),
            ((a, b, Some(a)), Take),
            // Removed by hand, changed in the spreadsheet: both changed.
            ((None, b, Some(a)), Clash),
            ((a, None, Some(a)), Take),
            ((c, a, Some(a)), KeepHandEdit),
            ((c, b, Some(a)), Clash),
            ((None, b, Some(None)), Take),
            ((a, None, Some(None)), KeepHandEdit),
            // Nothing recorded: fill in, never empty, differences are the file's.
            ((None, a, None), Take),
            ((a, None, None), KeepHandEdit),
            ((a, b, None), Clash),
        ];
        for ((current, incoming, base), expected) in cases {
            assert_eq!(
                verdict(current, incoming, base),
                expected,
                "{current:?} {incoming:?} {base:?}"
            );
        }
    }

    #[test]
    fn overwrite_takes_every_difference_but_never_empties_what_no_import_wrote() {
        let decision = |verdict, overwrite, blank| {
            let d = decide(verdict, overwrite, blank);
            (d.take, d.report, d.record)
        };
        assert_eq!(decision(Verdict::Clash, false, false), (false, true, false));
        assert_eq!(decision(Verdict::Clash, true, false), (true, true, true));
        assert_eq!(
            decision(Verdict::KeepHandEdit, false, false),
            (false, false, true)
        );
        assert_eq!(
            decision(Verdict::KeepHandEdit, true, false),
            (true, true, true)
        );
        assert_eq!(
            decision(Verdict::KeepHandEdit, true, true),
            (false, false, true)
        );
        assert_eq!(decision(Verdict::Take, false, false), (true, false, true));
        assert_eq!(decision(Verdict::Same, true, false), (false, false, true));
    }

    #[test]
    fn dotted_paths_set_and_remove_inside_mappings() {
        let mut fields = Map::new();
        set_path(&mut fields, "name.id", Some(Value::from("Onde")));
        set_path(&mut fields, "name.en", Some(Value::from("Onde EN")));
        set_path(
            &mut fields,
            "price",
            Some(serde_json::json!({ "amount": 5 })),
        );
        assert_eq!(get_path(&fields, "name.en"), Some(&Value::from("Onde EN")));
        set_path(&mut fields, "name.en", None);
        set_path(&mut fields, "name.id", None);
        assert!(!fields.contains_key("name"), "an emptied mapping goes");
        set_path(&mut fields, "price", None);
        assert!(fields.is_empty());
    }
}
