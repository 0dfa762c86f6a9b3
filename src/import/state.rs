//! What the last import wrote into an entry folder, kept beside the entry in `.import.json`
//! (a dot file, so the build ignores it): the next import compares it with the files to tell
//! an editor's hand edits from the spreadsheet's changes.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::images::cache::FileStamp;

/// The state file's name inside an entry folder.
pub const STATE_FILE: &str = ".import.json";

/// What the last import wrote into one entry folder.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntryState {
    /// A sentence for whoever opens the file.
    #[serde(default)]
    pub about: String,
    /// What identifies the entry's row when the sheet has no `slug` column: a business's
    /// folded name, or a product's producer slug and folded name.
    pub source: String,
    /// The spreadsheet's file name at the last import.
    #[serde(default)]
    pub spreadsheet: String,
    /// Each field path the import set, and the value it wrote (`null`: it left the field out).
    #[serde(default)]
    pub fields: BTreeMap<String, Value>,
    /// Each Markdown text it wrote, by language.
    #[serde(default)]
    pub texts: BTreeMap<String, String>,
    /// Each photo it copied: the hash of what it copied, with the source file's size and
    /// time, so an unchanged source is not read again.
    #[serde(default)]
    pub files: BTreeMap<String, FileStamp>,
}

const ABOUT: &str = "Written by `etalase import`: what the last import wrote here, so the next \
one can tell hand edits from spreadsheet changes. Deleting it makes the next import treat \
every difference as a hand edit.";

impl EntryState {
    /// Reads a state file; one that cannot be read counts as none (every difference then
    /// counts as a hand edit, the careful choice).
    pub fn parse(text: &str) -> Option<EntryState> {
        serde_json::from_str(text).ok()
    }

    /// The file's text: keys sorted, so the same import writes the same bytes.
    pub fn to_text(&self) -> String {
        let state = EntryState {
            about: ABOUT.to_owned(),
            ..self.clone()
        };
        let mut text = serde_json::to_string_pretty(&state).unwrap_or_default();
        text.push('\n');
        text
    }

    /// What was last written at `path`: `None` when this state does not know, `Some(None)`
    /// when it wrote nothing there.
    pub fn field(&self, path: &str) -> Option<Option<&Value>> {
        self.fields
            .get(path)
            .map(|value| (!value.is_null()).then_some(value))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn state_reads_back_what_it_wrote_and_tells_unknown_from_absent() {
        let mut state = EntryState {
            source: "batik-sekar-jagad/batik tulis".into(),
            ..EntryState::default()
        };
        state
            .fields
            .insert("price".into(), json!({ "amount": 5000 }));
        state.fields.insert("tags".into(), Value::Null);
        state.texts.insert("id".into(), "Teks".into());
        let stamp = FileStamp {
            size: 5,
            modified_ns: 1_700_000_000_000_000_000,
            hash: "abc".into(),
        };
        state.files.insert("utama.jpg".into(), stamp);
        let text = state.to_text();
        let back = EntryState::parse(&text).unwrap();
        assert_eq!(back.field("price"), Some(Some(&json!({ "amount": 5000 }))));
        assert_eq!(back.field("tags"), Some(None));
        assert_eq!(back.field("unit.id"), None);
        assert_eq!(back.texts, state.texts);
        assert_eq!(back.files, state.files);
        assert_eq!(back.to_text(), text);
        assert_eq!(EntryState::parse("{ not json"), None);
    }
}
