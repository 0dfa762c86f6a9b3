//! Field values -> YAML an editor can read: new files in the contract's field order, and
//! existing files changed key by key so their comments and untouched fields stay.

use serde_json::{Map, Value};

use crate::fields::order;
use crate::markdown::split_front_matter;
use crate::messages::{self as msg, Message};

/// Objects inside fields, whose keys come (after the language codes) in the contract's order:
/// `serde_json` sorts its maps alphabetically (no `preserve_order`), which would write
/// `{ max, min }`.
const NESTED_ORDERS: [&[&str]; 6] = [
    order::PRICE,
    order::PHOTO,
    order::CERTIFICATION,
    order::CURATION,
    order::SHOPS,
    order::AVAILABILITY,
];

const BOM: char = '\u{feff}';

// ---------------------------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------------------------

/// Whether a scalar sits inside `{ }`/`[ ]`, where commas and brackets end it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Context {
    Block,
    Flow,
}

/// A new YAML file: `fields` (given in any order) written in `order`, each as `render_field` does,
/// after `header` (comment lines, each written as "# line"), if any.
pub fn new_document(header: &[&str], fields: &[(&str, Value)], order: &[&str]) -> String {
    let mut text = String::new();
    for line in header.iter().flat_map(|h| h.split('\n')) {
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            text.push_str("#\n");
        } else {
            text.push_str(&format!("# {line}\n"));
        }
    }
    for (key, value) in fields_in_order(fields, order) {
        text.push_str(&render_field(key, value));
    }
    text
}

/// Each key once (a later pair overrides an earlier one), keys of `order` first in that order,
/// then the others as given.
fn fields_in_order<'a>(
    fields: &'a [(&'a str, Value)],
    order: &[&str],
) -> Vec<(&'a str, &'a Value)> {
    let latest = |key: &str| fields.iter().rev().find(|(k, _)| *k == key);
    let ordered = order.iter().copied().filter(|key| latest(key).is_some());
    let mut keys: Vec<&str> = Vec::new();
    for key in ordered.chain(fields.iter().map(|(k, _)| *k)) {
        if !keys.contains(&key) {
            keys.push(key);
        }
    }
    keys.into_iter()
        .filter_map(|key| latest(key).map(|(k, v)| (*k, v)))
        .collect()
}

/// One top-level field as YAML lines in the house style, ending in "\n".
pub fn render_field(key: &str, value: &Value) -> String {
    let key_text = render_key(key, Context::Block);
    match value {
        Value::Object(map) if !map.is_empty() && order::BLOCK_MAPPINGS.contains(&key) => {
            let mut text = format!("{key_text}:\n");
            for (k, v) in ordered_entries(map) {
                text.push_str(&format!("  {}\n", block_entry(k, v)));
            }
            text
        }
        Value::Array(items) if items.iter().any(is_collection) => {
            let mut text = format!("{key_text}:\n");
            for item in items {
                text.push_str(&block_list_item(item));
            }
            text
        }
        _ => format!("{key_text}: {}\n", inline_value(value, Context::Block)),
    }
}

/// One item of a block list, indented two spaces, ending in "\n": an object holding another
/// collection becomes an indented block mapping, anything else fits on the `- ` line.
fn block_list_item(item: &Value) -> String {
    match item {
        Value::Object(map) if map.values().any(is_collection) => {
            let mut text = String::new();
            for (index, (k, v)) in ordered_entries(map).into_iter().enumerate() {
                let lead = if index == 0 { "  - " } else { "    " };
                text.push_str(&format!("{lead}{}\n", block_entry(k, v)));
            }
            text
        }
        _ => format!("  - {}\n", inline_value(item, Context::Block)),
    }
}

/// `key: value` inside a block mapping; collections go on the same line in flow style.
fn block_entry(key: &str, value: &Value) -> String {
    format!(
        "{}: {}",
        render_key(key, Context::Block),
        inline_value(value, Context::Block)
    )
}

fn is_collection(value: &Value) -> bool {
    matches!(value, Value::Array(_) | Value::Object(_))
}

/// A value on one line: scalars as such, collections in flow style (`[a, b]`, `{ k: v }`).
fn inline_value(value: &Value, context: Context) -> String {
    match value {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => render_string(s, context),
        Value::Array(items) if items.is_empty() => "[]".to_owned(),
        Value::Array(items) => {
            let items: Vec<String> = items
                .iter()
                .map(|item| inline_value(item, Context::Flow))
                .collect();
            format!("[{}]", items.join(", "))
        }
        Value::Object(map) if map.is_empty() => "{}".to_owned(),
        Value::Object(map) => {
            let entries: Vec<String> = ordered_entries(map)
                .into_iter()
                .map(|(k, v)| {
                    format!(
                        "{}: {}",
                        render_key(k, Context::Flow),
                        inline_value(v, Context::Flow)
                    )
                })
                .collect();
            format!("{{ {} }}", entries.join(", "))
        }
    }
}

/// A map's entries in the order editors expect (`id` before `en`, `min` before `max`), whatever
/// order the map keeps.
fn ordered_entries(map: &Map<String, Value>) -> Vec<(&str, &Value)> {
    let mut entries: Vec<(&str, &Value)> = map.iter().map(|(k, v)| (k.as_str(), v)).collect();
    entries.sort_by(|(a, _), (b, _)| key_rank(a).cmp(&key_rank(b)));
    entries
}

fn key_rank(key: &str) -> (u8, usize, &str) {
    match key {
        "id" => (0, 0, key),
        "en" => (0, 1, key),
        _ if is_language_code(key) => (1, 0, key),
        _ => match nested_position(key) {
            Some(position) => (2, position, key),
            None => (3, 0, key),
        },
    }
}

/// Where `key` stands in the nested objects' orders, taken one after the other.
fn nested_position(key: &str) -> Option<usize> {
    NESTED_ORDERS
        .iter()
        .flat_map(|keys| keys.iter())
        .position(|k| *k == key)
}

/// `fr`, `zh-hant`: two lowercase letters, optionally a subtag.
fn is_language_code(key: &str) -> bool {
    let bytes = key.as_bytes();
    let primary_ok = bytes.len() >= 2 && bytes[..2].iter().all(u8::is_ascii_lowercase);
    let rest_ok = match bytes.get(2..) {
        None | Some([]) => true,
        Some([b'-', subtag @ ..]) => {
            !subtag.is_empty() && subtag.iter().all(u8::is_ascii_alphanumeric)
        }
        Some(_) => false,
    };
    primary_ok && rest_ok
}

fn render_key(key: &str, context: Context) -> String {
    // As a key, `<<` would merge another mapping in.
    if key == "<<" {
        return double_quoted(key);
    }
    render_string(key, context)
}

fn render_string(s: &str, context: Context) -> String {
    if needs_quotes(s, context) {
        double_quoted(s)
    } else {
        s.to_owned()
    }
}

/// Whether `s` written plain would fail to parse or read back as something else.
fn needs_quotes(s: &str, context: Context) -> bool {
    const INDICATORS: &str = "-?:,[]{}#&*!|>'\"%@`+";
    let (Some(first), Some(last)) = (s.chars().next(), s.chars().last()) else {
        return true;
    };
    first.is_whitespace()
        || last.is_whitespace()
        || INDICATORS.contains(first)
        || s.contains(": ")
        || s.contains(" #")
        || s.ends_with(':')
        || s.chars().any(needs_escape)
        || (context == Context::Flow && s.contains([',', '[', ']', '{', '}']))
        || reads_as_other_type(s)
}

/// Plain text the parser would take for a boolean, null or number.
fn reads_as_other_type(s: &str) -> bool {
    // saphyr reads YAML 1.1 booleans, so `y`, `n`, `on` and `off` too.
    const WORDS: &[&str] = &[
        "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~",
    ];
    if WORDS.iter().any(|word| s.eq_ignore_ascii_case(word)) {
        return true;
    }
    let unsigned = s.strip_prefix(['+', '-']).unwrap_or(s);
    let lower = unsigned.to_ascii_lowercase();
    if matches!(lower.as_str(), ".inf" | ".nan")
        || ["0x", "0o", "0b"].iter().any(|p| lower.starts_with(p))
    {
        return true;
    }
    let numeric_start = unsigned.starts_with(|c: char| c.is_ascii_digit() || c == '.');
    numeric_start && unsigned.replace('_', "").parse::<f64>().is_ok()
}

/// Characters a double-quoted scalar writes as an escape: line breaks, tabs, control
/// characters and the invisible ones YAML does not allow raw.
fn needs_escape(c: char) -> bool {
    c.is_control() || matches!(c, BOM | '\u{2028}' | '\u{2029}' | '\u{fffe}' | '\u{ffff}')
}

fn double_quoted(s: &str) -> String {
    let mut text = String::with_capacity(s.len() + 2);
    text.push('"');
    for c in s.chars() {
        match c {
            '"' => text.push_str("\\\""),
            '\\' => text.push_str("\\\\"),
            '\n' => text.push_str("\\n"),
            '\t' => text.push_str("\\t"),
            '\r' => text.push_str("\\r"),
            c if needs_escape(c) => text.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => text.push(c),
        }
    }
    text.push('"');
    text
}

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

/// The top-level fields of a YAML file (a mapping), as JSON values, for comparing with what an
/// import would write. Dates such as 2025-04-28 come back as strings, numbers as numbers.
/// Err carries the parser's message.
pub fn read_fields(text: &str) -> Result<Map<String, Value>, Message> {
    let text = text.strip_prefix(BOM).unwrap_or(text);
    // The YAML reader's own words: they exist in English only.
    let value: Value = serde_saphyr::from_str(text)
        .map_err(|error| msg::VERBATIM.arg("detail", error.without_snippet()))?;
    match value {
        Value::Object(map) => Ok(map),
        // A file of comments only, or an empty one, has no fields yet.
        Value::Null => Ok(Map::new()),
        Value::Array(_) => Err(Message::from(&msg::YAML_EDIT_A_LIST)),
        _ => Err(Message::from(&msg::YAML_EDIT_A_SINGLE_VALUE)),
    }
}

// ---------------------------------------------------------------------------------------------
// Editing
// ---------------------------------------------------------------------------------------------

/// A file cut into top-level fields and the lines between them. Lines keep their terminators.
#[derive(Debug)]
struct Document {
    bom: bool,
    eol: &'static str,
    parts: Vec<Part>,
}

#[derive(Debug)]
enum Part {
    /// Lines that belong to no field: the header, blank lines, comments introducing a field.
    Loose(Vec<String>),
    Field(Field),
}

#[derive(Debug)]
struct Field {
    key: String,
    /// Byte offset in the key line just after the `:` that ends the key.
    colon_end: usize,
    lines: Vec<String>,
}

/// What a line is, seen from the top level.
#[derive(Debug, PartialEq, Eq)]
enum LineKind {
    Blank,
    /// A comment starting at column 0.
    Comment,
    /// Indented: part of the value of the field above it (indented comments too).
    Indented,
    /// `- item` at column 0: a list written without indentation under its key.
    Item,
    Key {
        name: String,
        colon_end: usize,
    },
    DocumentStart,
    DocumentEnd,
}

/// `original` with each change applied: `(key, Some(value))` sets a top-level field (replacing
/// its lines, or inserting it where `order` puts it), `(key, None)` removes it. Every other line
/// stays as it was: comments, blank lines, other fields, their formatting. Keeps a UTF-8 BOM and
/// CRLF line endings if the original has them. Err when the original is not a top-level mapping in
/// block style that can be edited line by line (the caller then reports it rather than guess).
pub fn edit_document(
    original: &str,
    changes: &[(&str, Option<Value>)],
    order: &[&str],
) -> Result<String, Message> {
    if changes.is_empty() {
        return Ok(original.to_owned());
    }
    let mut document = parse_document(original)?;
    // Before parsing, whose own complaint about a repeated key says less about what to do.
    for (key, _) in changes {
        document.field_index(key)?;
    }
    let before = read_fields(original)?;
    check_keys_match(&document, &before)?;
    let expected = apply_changes(&mut document, &before, changes, order)?;
    if expected == before {
        return Ok(original.to_owned());
    }
    let edited = document.to_text();
    verify(&edited, &expected)?;
    Ok(edited)
}

/// Applies the changes that change something (a value equal to the file's keeps the editor's
/// formatting) and returns the fields the edited file must read back as.
fn apply_changes(
    document: &mut Document,
    before: &Map<String, Value>,
    changes: &[(&str, Option<Value>)],
    order: &[&str],
) -> Result<Map<String, Value>, Message> {
    let mut expected = before.clone();
    for (key, value) in changes {
        let current = expected.get(*key);
        if current == value.as_ref() {
            continue;
        }
        apply_change(document, key, value.as_ref(), current, order)?;
        match value {
            Some(value) => expected.insert((*key).to_owned(), value.clone()),
            None => expected.remove(*key),
        };
    }
    Ok(expected)
}

fn apply_change(
    document: &mut Document,
    key: &str,
    value: Option<&Value>,
    current: Option<&Value>,
    order: &[&str],
) -> Result<(), Message> {
    let index = document.field_index(key)?;
    match (index, value) {
        (Some(index), Some(value)) => document.replace_field(index, key, value, current),
        (Some(index), None) => document.remove_part(index),
        (None, Some(value)) => document.insert_field(key, value, order),
        (None, None) => {}
    }
    Ok(())
}

/// The edit is trusted only if the parser reads back exactly the intended fields.
fn verify(edited: &str, expected: &Map<String, Value>) -> Result<(), Message> {
    let after = read_fields(edited)
        .map_err(|error| msg::YAML_EDIT_WOULD_NOT_PARSE.nested("error", error))?;
    let mut keys = expected.keys().chain(after.keys());
    if let Some(key) = keys.find(|key| expected.get(*key) != after.get(*key)) {
        return Err(msg::YAML_EDIT_WOULD_NOT_READ_BACK.arg("key", key));
    }
    Ok(())
}

/// The key lines found must be exactly the fields the parser sees, or the lines were misread
/// (a merge key, a multi-line value at column 0, …) and editing them would be a guess.
fn check_keys_match(document: &Document, fields: &Map<String, Value>) -> Result<(), Message> {
    let keys: Vec<&str> = document.fields().map(|field| field.key.as_str()).collect();
    let same = keys.len() == fields.len() && keys.iter().all(|key| fields.contains_key(*key));
    if same {
        Ok(())
    } else {
        Err(Message::from(&msg::YAML_EDIT_KEYS_MISMATCH))
    }
}

fn parse_document(original: &str) -> Result<Document, Message> {
    let bom = original.starts_with(BOM);
    let text = original.strip_prefix(BOM).unwrap_or(original);
    let eol = line_ending(text);
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let kinds = lines
        .iter()
        .enumerate()
        .map(|(index, line)| classify_line(content_of(line)).map_err(|why| at_line(index, why)))
        .collect::<Result<Vec<_>, _>>()?;
    check_document_markers(&kinds)?;
    let parts = group_parts(&lines, kinds)?;
    Ok(Document { bom, eol, parts })
}

/// `why`, said of the line at `index` (counted from 0).
fn at_line(index: usize, why: impl Into<Message>) -> Message {
    msg::YAML_EDIT_AT_LINE
        .arg("line", index + 1)
        .nested("why", why)
}

/// The file's line ending, as its first line has it.
fn line_ending(text: &str) -> &'static str {
    match text.find('\n') {
        Some(end) if text[..end].ends_with('\r') => "\r\n",
        _ => "\n",
    }
}

/// A line without its terminator.
fn content_of(line: &str) -> &str {
    let line = line.strip_suffix('\n').unwrap_or(line);
    line.strip_suffix('\r').unwrap_or(line)
}

fn classify_line(content: &str) -> Result<LineKind, Message> {
    let marker = |m: &str| {
        content
            .strip_prefix(m)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t']))
    };
    if is_blank(content) {
        return Ok(LineKind::Blank);
    }
    if content.starts_with('#') {
        return Ok(LineKind::Comment);
    }
    if content.starts_with([' ', '\t']) {
        return Ok(LineKind::Indented);
    }
    if marker("---") {
        let rest = content[3..].trim_start();
        if rest.is_empty() || rest.starts_with('#') {
            return Ok(LineKind::DocumentStart);
        }
        return Err(Message::from(&msg::YAML_EDIT_VALUE_AFTER_MARKER));
    }
    if marker("...") {
        return Ok(LineKind::DocumentEnd);
    }
    if marker("-") {
        return Ok(LineKind::Item);
    }
    if content.starts_with(['{', '[']) {
        return Err(Message::from(&msg::YAML_EDIT_FLOW_STYLE));
    }
    match parse_key_line(content) {
        Some((name, colon_end)) => Ok(LineKind::Key { name, colon_end }),
        None => Err(msg::YAML_EDIT_NOT_A_KEY_LINE.arg("text", shorten(content))),
    }
}

fn shorten(content: &str) -> String {
    let mut short: String = content.chars().take(40).collect();
    if short.len() < content.len() {
        short.push('…');
    }
    short
}

/// The key of a `key: value` line at column 0 and the offset just after its colon.
fn parse_key_line(content: &str) -> Option<(String, usize)> {
    let (name, after_key) = if content.starts_with(['"', '\'']) {
        let end = quoted_key_end(content)?;
        let name: String = serde_saphyr::from_str(&content[..end]).ok()?;
        (
            name,
            end + content[end..].len() - content[end..].trim_start_matches([' ', '\t']).len(),
        )
    } else {
        // Anchors, tags, aliases, directives and complex keys are beyond line-by-line editing.
        if content.starts_with(['&', '*', '!', '%', '?', '|', '>', '@', '`', ':']) {
            return None;
        }
        let colon = plain_key_colon(content)?;
        let name = content[..colon].trim_end();
        if name.contains(" #") || name.contains("\t#") {
            return None;
        }
        (name.to_owned(), colon)
    };
    let rest = content.get(after_key..)?;
    let after_colon = rest.strip_prefix(':')?;
    let separated = after_colon.is_empty() || after_colon.starts_with([' ', '\t']);
    separated.then_some((name, after_key + 1))
}

/// The first `:` followed by a space, a tab or the end of the line.
fn plain_key_colon(content: &str) -> Option<usize> {
    content.match_indices(':').map(|(i, _)| i).find(|&i| {
        let next = content[i + 1..].chars().next();
        matches!(next, None | Some(' ' | '\t'))
    })
}

/// The byte offset just after the closing quote of a quoted key at the start of `content`.
fn quoted_key_end(content: &str) -> Option<usize> {
    let quote = content.chars().next()?;
    let mut chars = content.char_indices().skip(1);
    while let Some((i, c)) = chars.next() {
        if quote == '"' && c == '\\' {
            chars.next();
        } else if c == quote {
            // In single quotes `''` is an escaped quote, not the end.
            if quote == '\'' && content[i + 1..].starts_with('\'') {
                chars.next();
                continue;
            }
            return Some(i + 1);
        }
    }
    None
}

/// One document only: `---` may open it and `...` close it, with nothing but comments around.
fn check_document_markers(kinds: &[LineKind]) -> Result<(), Message> {
    let is_content = |kind: &LineKind| {
        matches!(
            kind,
            LineKind::Key { .. } | LineKind::Indented | LineKind::Item
        )
    };
    for (index, kind) in kinds.iter().enumerate() {
        let content_before = kinds[..index]
            .iter()
            .any(|k| is_content(k) || *k == LineKind::DocumentStart);
        let content_after = kinds[index + 1..].iter().any(is_content);
        let misplaced = match kind {
            LineKind::DocumentStart => content_before,
            LineKind::DocumentEnd => content_after,
            _ => false,
        };
        if misplaced {
            return Err(at_line(index, &msg::YAML_EDIT_SEVERAL_DOCUMENTS));
        }
    }
    Ok(())
}

/// Cuts the lines into fields and loose lines: a field runs from its key line to the next key
/// line, less the blank lines and column-0 comments just before that key, which introduce it.
fn group_parts(lines: &[&str], kinds: Vec<LineKind>) -> Result<Vec<Part>, Message> {
    let mut parts = Vec::new();
    let mut loose: Vec<String> = Vec::new();
    let mut field: Option<Field> = None;
    for (index, (line, kind)) in lines.iter().zip(kinds).enumerate() {
        match (kind, field.as_mut()) {
            (LineKind::Key { name, colon_end }, _) => {
                close_field(&mut field, &mut parts, &mut loose);
                flush_loose(&mut parts, &mut loose);
                let lines = vec![(*line).to_owned()];
                field = Some(Field {
                    key: name,
                    colon_end,
                    lines,
                });
            }
            (
                LineKind::Indented | LineKind::Item | LineKind::Blank | LineKind::Comment,
                Some(open),
            ) => {
                open.lines.push((*line).to_owned());
            }
            (LineKind::Indented, None) if !content_of(line).trim_start().starts_with('#') => {
                return Err(at_line(index, &msg::YAML_EDIT_INDENTED_FIRST));
            }
            (LineKind::Item, None) => {
                return Err(at_line(index, &msg::YAML_EDIT_A_LIST));
            }
            (_, _) => {
                close_field(&mut field, &mut parts, &mut loose);
                loose.push((*line).to_owned());
            }
        }
    }
    close_field(&mut field, &mut parts, &mut loose);
    flush_loose(&mut parts, &mut loose);
    Ok(parts)
}

/// Ends the open field, handing its trailing blank lines and column-0 comments to `loose`.
fn close_field(field: &mut Option<Field>, parts: &mut Vec<Part>, loose: &mut Vec<String>) {
    let Some(mut open) = field.take() else {
        return;
    };
    let keep = open.lines.len()
        - open
            .lines
            .iter()
            .skip(1)
            .rev()
            .take_while(|line| is_blank_or_column0_comment(line))
            .count();
    let trailing = open.lines.split_off(keep);
    parts.push(Part::Field(open));
    loose.splice(0..0, trailing);
}

fn is_blank_or_column0_comment(line: &str) -> bool {
    is_blank(line) || line.starts_with('#')
}

/// Nothing but YAML white space (spaces, tabs) and the line's terminator.
fn is_blank(line: &str) -> bool {
    line.trim_matches([' ', '\t', '\r', '\n']).is_empty()
}

fn flush_loose(parts: &mut Vec<Part>, loose: &mut Vec<String>) {
    if !loose.is_empty() {
        parts.push(Part::Loose(std::mem::take(loose)));
    }
}

impl Document {
    fn fields(&self) -> impl Iterator<Item = &Field> {
        self.parts.iter().filter_map(|part| match part {
            Part::Field(field) => Some(field),
            Part::Loose(_) => None,
        })
    }

    /// The part holding `key`'s field; Err when the file has it twice.
    fn field_index(&self, key: &str) -> Result<Option<usize>, Message> {
        let mut found = self
            .parts
            .iter()
            .enumerate()
            .filter(|(_, part)| matches!(part, Part::Field(f) if f.key == key))
            .map(|(index, _)| index);
        let first = found.next();
        if found.next().is_some() {
            return Err(msg::YAML_EDIT_FIELD_TWICE.arg("key", key));
        }
        Ok(first)
    }

    /// The field as `render_field` writes it, with the file's line ending.
    fn rendered_field(&self, key: &str, value: &Value) -> Field {
        let lines: Vec<String> = render_field(key, value)
            .split_inclusive('\n')
            .map(|line| format!("{}{}", content_of(line), self.eol))
            .collect();
        let colon_end = lines
            .first()
            .and_then(|line| parse_key_line(content_of(line)))
            .map_or(0, |(_, colon_end)| colon_end);
        Field {
            key: key.to_owned(),
            colon_end,
            lines,
        }
    }

    fn replace_field(&mut self, index: usize, key: &str, value: &Value, current: Option<&Value>) {
        let mut new = self.rendered_field(key, value);
        let Part::Field(old) = &mut self.parts[index] else {
            return;
        };
        if let (Some(comment), Some(first)) =
            (key_line_comment(old, current), new.lines.first_mut())
        {
            *first = format!("{}{comment}{}", content_of(first), self.eol);
        }
        *old = new;
    }

    fn remove_part(&mut self, index: usize) {
        self.parts.remove(index);
        self.merge_adjacent_loose();
    }

    fn merge_adjacent_loose(&mut self) {
        let mut merged: Vec<Part> = Vec::with_capacity(self.parts.len());
        for part in std::mem::take(&mut self.parts) {
            match (merged.last_mut(), part) {
                (Some(Part::Loose(before)), Part::Loose(lines)) => before.extend(lines),
                (_, part) => merged.push(part),
            }
        }
        self.parts = merged;
    }

    fn insert_field(&mut self, key: &str, value: &Value, order: &[&str]) {
        let field = self.rendered_field(key, value);
        let index = self.insertion_index(key, order);
        self.parts.insert(index, Part::Field(field));
    }

    /// After the nearest field `order` puts before `key`; else before the nearest one it puts
    /// after (and above the comments introducing that one); else at the end.
    fn insertion_index(&mut self, key: &str, order: &[&str]) -> usize {
        let Some(position) = order.iter().position(|k| *k == key) else {
            return self.parts.len();
        };
        let index_of = |doc: &Document, k: &str| {
            doc.parts
                .iter()
                .position(|part| matches!(part, Part::Field(f) if f.key == k))
        };
        if let Some(index) = order[..position]
            .iter()
            .rev()
            .find_map(|k| index_of(self, k))
        {
            return index + 1;
        }
        match order[position + 1..].iter().find_map(|k| index_of(self, k)) {
            Some(index) => self.detach_introducing_comments(index),
            None => self.parts.len(),
        }
    }

    /// Splits the comment lines directly above the field at `index` off the loose lines before
    /// it, so a new field can go above them; returns where the new field goes. Comments that
    /// start the file are its header and stay above.
    fn detach_introducing_comments(&mut self, index: usize) -> usize {
        let Some(Part::Loose(lines)) = index.checked_sub(1).map(|i| &mut self.parts[i]) else {
            return index;
        };
        let comments = lines
            .iter()
            .rev()
            .take_while(|line| line.starts_with('#'))
            .count();
        if comments == 0 || (comments == lines.len() && index == 1) {
            return index;
        }
        if comments == lines.len() {
            return index - 1;
        }
        let introducing = lines.split_off(lines.len() - comments);
        self.parts.insert(index, Part::Loose(introducing));
        index
    }

    fn to_text(&self) -> String {
        let mut text = String::new();
        if self.bom {
            text.push(BOM);
        }
        let lines = self.parts.iter().flat_map(|part| match part {
            Part::Loose(lines) => lines.iter(),
            Part::Field(field) => field.lines.iter(),
        });
        let mut unterminated = false;
        for line in lines {
            // Only the original last line can lack a terminator; anything after it needs one.
            if unterminated {
                text.push_str(self.eol);
            }
            text.push_str(line);
            unterminated = !line.ends_with('\n');
        }
        text
    }
}

/// The comment at the end of a field's key line, with the spaces before it, when it is certainly
/// a comment: nothing but spaces between the colon and `#`, or, for a value on one line, the
/// text before `#` reading back as the field's current value.
fn key_line_comment(field: &Field, current: Option<&Value>) -> Option<String> {
    let key_line = content_of(field.lines.first()?);
    let value_part = key_line.get(field.colon_end..)?;
    let single_line = field.lines[1..]
        .iter()
        .all(|line| is_blank(line) || line.trim_start().starts_with('#'));
    let candidates = value_part
        .match_indices('#')
        .map(|(i, _)| i)
        .filter(|&i| value_part[..i].ends_with([' ', '\t']));
    for hash in candidates {
        let before = &value_part[..hash];
        let value_text = before.trim_matches([' ', '\t']);
        let certain = value_text.is_empty()
            || (single_line
                && value_reads_as(&key_line[..field.colon_end + hash], &field.key, current));
        if certain {
            let spacing = &before[before.trim_end_matches([' ', '\t']).len()..];
            return Some(format!("{spacing}{}", &value_part[hash..]));
        }
    }
    None
}

fn value_reads_as(line: &str, key: &str, current: Option<&Value>) -> bool {
    read_fields(line).is_ok_and(|fields| fields.get(key) == current)
}

// ---------------------------------------------------------------------------------------------
// Markdown
// ---------------------------------------------------------------------------------------------

/// The Markdown body of `text` (after any front matter), with CRLF as LF, for comparing.
pub fn markdown_body(text: &str) -> String {
    let text = text.strip_prefix(BOM).unwrap_or(text);
    let normalised = text.replace("\r\n", "\n");
    split_front_matter(&normalised).body.to_owned()
}

/// `original` with its body replaced by `body` (front matter, if any, kept byte for byte); the
/// result ends with exactly one "\n".
pub fn replace_markdown_body(original: &str, body: &str) -> String {
    let bom = original.starts_with(BOM);
    let text = original.strip_prefix(BOM).unwrap_or(original);
    let eol = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let mut result = front_matter_text(text).to_owned();
    if !result.is_empty() && !result.ends_with('\n') {
        result.push_str(eol);
    }
    let body = body.replace("\r\n", "\n");
    let body = body.trim_end_matches(['\n', '\r']);
    result.push_str(&body.replace('\n', eol));
    if !result.ends_with('\n') {
        result.push_str(eol);
    }
    if bom {
        result.insert(0, BOM);
    }
    result
}

/// The front matter of `text` with its `---` lines, exactly as written (CRLF included); empty
/// when there is none.
fn front_matter_text(text: &str) -> &str {
    let normalised = text.replace("\r\n", "\n");
    let split = split_front_matter(&normalised);
    if split.front_matter.is_none() {
        return "";
    }
    let prefix = &normalised[..normalised.len() - split.body.len()];
    if !prefix.ends_with('\n') {
        // The closing `---` is the file's last line, without a terminator.
        return text;
    }
    // Normalising only drops the CR of each CRLF, so the front matter ends after as many LFs
    // in the original as in the normalised text.
    let line_feeds = prefix.matches('\n').count();
    line_feeds
        .checked_sub(1)
        .and_then(|nth| text.match_indices('\n').nth(nth))
        .map_or(text, |(end, _)| &text[..=end])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::Lang;
    use serde_json::json;

    fn product_fields() -> Vec<(&'static str, Value)> {
        vec![
            ("featured", json!(false)),
            ("tags", json!(["tulis", "pewarna-alami"])),
            (
                "name",
                json!({"en": "Surya Majapahit Hand-drawn Batik", "id": "Batik Tulis Surya Majapahit"}),
            ),
            ("producer", json!("batik-sekar-jagad")),
            ("category", json!("batik")),
            ("price", json!({"max": 750000, "min": 350000})),
            ("unit", json!({"en": "piece", "id": "lembar"})),
            ("min_order", json!(10)),
            ("availability", json!({"lead_days": 21, "status": "pesan"})),
            (
                "photos",
                json!([
                    {"file": "utama.jpg", "alt": {"en": "Surya Majapahit hand-drawn batik cloth", "id": "Kain batik tulis motif Surya Majapahit"}},
                    {"file": "detail.jpg"}
                ]),
            ),
            (
                "certifications",
                json!([{"type": "halal", "number": "ID35110000123450123"}, {"number": "0012345", "type": "pirt"}]),
            ),
            (
                "curation",
                json!({"date": "2025-04-28", "curator": "The Keranjang Bali", "status": "lolos"}),
            ),
        ]
    }

    const PRODUCT: &str = "\
# Imported from katalog-2025.xlsx
#
name: { id: Batik Tulis Surya Majapahit, en: Surya Majapahit Hand-drawn Batik }
producer: batik-sekar-jagad
category: batik
price: { min: 350000, max: 750000 }
unit: { id: lembar, en: piece }
min_order: 10
availability: { status: pesan, lead_days: 21 }
tags: [tulis, pewarna-alami]
photos:
  - file: utama.jpg
    alt: { id: Kain batik tulis motif Surya Majapahit, en: Surya Majapahit hand-drawn batik cloth }
  - { file: detail.jpg }
certifications:
  - { type: halal, number: ID35110000123450123 }
  - { type: pirt, number: \"0012345\" }
curation:
  status: lolos
  curator: The Keranjang Bali
  date: 2025-04-28
featured: false
";

    #[test]
    fn a_product_with_every_field_is_written_in_the_house_style() {
        let text = new_document(
            &["Imported from katalog-2025.xlsx", ""],
            &product_fields(),
            order::PRODUCT,
        );
        assert_eq!(text, PRODUCT);
        let fields = read_fields(&text).unwrap();
        for (key, value) in product_fields() {
            assert_eq!(fields[key], value, "{key}");
        }
    }

    #[test]
    fn a_producer_is_written_like_the_contract() {
        let fields = [
            ("logo", json!("logo.png")),
            ("founded", json!(2012)),
            ("whatsapp", json!("+6281234567890")),
            (
                "address",
                json!("Jl. Empu Nala 12, Prajurit Kulon, Kota Mojokerto"),
            ),
            ("kind", json!("ukm")),
            ("name", json!("Batik Sekar Jagad")),
            ("email", json!("halo@example.id")),
            ("instagram", json!("batiksekarjagad")),
        ];
        assert_eq!(
            new_document(&[], &fields, order::PRODUCER),
            "\
name: Batik Sekar Jagad
kind: ukm
address: Jl. Empu Nala 12, Prajurit Kulon, Kota Mojokerto
whatsapp: \"+6281234567890\"
instagram: batiksekarjagad
email: halo@example.id
founded: 2012
logo: logo.png
"
        );
    }

    #[test]
    fn fields_outside_the_order_follow_it_and_a_repeated_field_keeps_its_last_value() {
        let fields = [
            ("extra", json!(1)),
            ("name", json!("a")),
            ("name", json!("b")),
        ];
        assert_eq!(
            new_document(&[], &fields, order::PRODUCT),
            "name: b\nextra: 1\n"
        );
    }

    #[test]
    fn single_fields_render_in_the_house_style() {
        let cases = [
            ("tags", json!([]), "tags: []\n"),
            (
                "price",
                json!({"amount": 450000}),
                "price: { amount: 450000 }\n",
            ),
            ("curation", json!({}), "curation: {}\n"),
            ("featured", json!(true), "featured: true\n"),
            ("date", json!("2025-04-28"), "date: 2025-04-28\n"),
            ("whatsapp", json!("0812"), "whatsapp: \"0812\"\n"),
            ("ratio", json!(1.5), "ratio: 1.5\n"),
            ("owner", Value::Null, "owner: null\n"),
            (
                "name",
                json!({"fr": "b", "en": "a", "id": "c", "zh-hant": "d"}),
                "name: { id: c, en: a, fr: b, zh-hant: d }\n",
            ),
            (
                "tags",
                json!(["a, b", "[c]", "d: e"]),
                "tags: [\"a, b\", \"[c]\", \"d: e\"]\n",
            ),
            (
                "address",
                json!("Jl. Mawar, No. 5"),
                "address: Jl. Mawar, No. 5\n",
            ),
            ("yes", json!("x"), "\"yes\": x\n"),
            ("lists", json!([[1, 2], "x"]), "lists:\n  - [1, 2]\n  - x\n"),
            (
                "photos",
                json!([{"file": "a.jpg", "alt": {"id": "x"}, "zoom": 2}]),
                "photos:\n  - file: a.jpg\n    alt: { id: x }\n    zoom: 2\n",
            ),
        ];
        for (key, value, expected) in cases {
            assert_eq!(render_field(key, &value), expected);
        }
    }

    /// Strings an editor or a spreadsheet might produce that plain YAML would misread.
    const AWKWARD: &[&str] = &[
        "",
        " ",
        "  leading",
        "trailing ",
        "Ibu \"Siti\"",
        "\"quoted\"",
        "'single'",
        "it's",
        "# not a comment",
        "a #b",
        "a# b",
        "key: value",
        "a:b",
        "ends with:",
        "http://x.id/a?b=1#c",
        "C:\\batik\\",
        "back\\slash",
        "line\nbreak",
        "tab\there",
        "cr\rhere",
        "\u{0}\u{1}\u{7f}",
        "\u{85}next",
        "\u{feff}bom",
        "a\u{2028}b",
        "nbsp\u{a0}",
        "\u{a0}nbsp",
        "Café Kopi Lanang",
        "Mojokerto 🏺",
        "日本語",
        "yes",
        "No",
        "ON",
        "off",
        "y",
        "N",
        "true",
        "False",
        "null",
        "NULL",
        "Null",
        "nUlL",
        "~",
        "0812",
        "0",
        "-1",
        "+1",
        "+6281234567890",
        "6281234567890",
        "0x1F",
        "0o17",
        "0b101",
        "1e3",
        "1E3",
        "1_000",
        ".5",
        "5.",
        "1.5",
        ".inf",
        "-.inf",
        ".nan",
        "inf",
        "nan",
        "infinity",
        "-",
        "--",
        "---",
        "...",
        "- item",
        "?",
        "? x",
        ":",
        "[x]",
        "{x}",
        "a, b",
        "a,b",
        "a[b]",
        "a{b}",
        "*alias",
        "&anchor",
        "!tag",
        "|",
        ">",
        "%",
        "@x",
        "`x`",
        "<<",
        "=",
        "2025-04-28",
        "2025-04-28T10:00:00Z",
        "12:30",
        "1:2:3",
        "1.2.3",
        "ID35110000123450123",
        "Rp 350.000",
        "50%",
        "a  #b",
        "x\\ny",
        "\\\"",
        "a'b\"c",
    ];

    fn reads_back(key: &str, value: &Value) {
        let text = render_field(key, value);
        let fields =
            read_fields(&text).unwrap_or_else(|e| panic!("{text:?}: {}", e.render(Lang::En)));
        assert_eq!(fields.get(key), Some(value), "{text:?}");
        assert_eq!(fields.len(), 1, "{text:?}");
    }

    #[test]
    fn awkward_strings_read_back_as_written_everywhere_they_can_go() {
        for s in AWKWARD {
            reads_back("name", &json!(s));
            reads_back("name", &json!({"id": s, "en": "x"}));
            reads_back("tags", &json!([s, s]));
            reads_back("curation", &json!({"status": s, "date": "x"}));
            reads_back("photos", &json!([{"file": s, "alt": {"id": s}}]));
            reads_back("photos", &json!([{"file": s}, s]));
            reads_back(s, &json!(s));
            reads_back("name", &json!({ *s: s }));
        }
    }

    #[test]
    fn numbers_read_back_as_numbers() {
        for n in [
            json!(0),
            json!(-5),
            json!(u64::MAX),
            json!(i64::MIN),
            json!(1.25),
            json!(2.0),
            json!(1e300),
        ] {
            reads_back("min_order", &n);
            reads_back("price", &json!({"min": n}));
        }
    }

    #[test]
    fn quotes_only_where_needed() {
        assert_eq!(
            render_string("ID35110000123450123", Context::Block),
            "ID35110000123450123"
        );
        assert_eq!(render_string("a, b", Context::Block), "a, b");
        assert_eq!(render_string("a, b", Context::Flow), "\"a, b\"");
        assert_eq!(render_string("it's", Context::Block), "it's");
        assert_eq!(render_string("+62", Context::Block), "\"+62\"");
        assert_eq!(
            render_string("a\u{1}\"\\\n", Context::Block),
            "\"a\\u0001\\\"\\\\\\n\""
        );
    }

    #[test]
    fn reading_gives_json_values_and_explains_what_is_not_a_mapping() {
        let fields =
            read_fields("\u{feff}date: 2025-04-28\nphone: +62812\nzip: 0812\nok: yes\n").unwrap();
        assert_eq!(fields["date"], json!("2025-04-28"));
        // Plain `+62…` and `0812` are what the quoting rules guard against.
        assert_eq!(fields["phone"], json!(62812));
        // A leading zero is not an integer to saphyr, but Rust's float parser takes it.
        assert_eq!(fields["zip"], json!(812.0));
        assert_eq!(fields["ok"], json!(true));
        assert_eq!(read_fields("# only a comment\n").unwrap(), Map::new());
        assert_eq!(read_fields("").unwrap(), Map::new());
        let list = read_fields("- a\n").unwrap_err();
        assert_eq!(
            list.render(Lang::En),
            "the file is a list, not a mapping of fields"
        );
        assert_eq!(
            list.render(Lang::Id),
            "file ini berupa daftar, bukan kumpulan `kolom: nilai`"
        );
        assert!(read_fields("name: [a\n").is_err());
    }

    /// A product.yaml as an editor leaves it: a header, comments on lines, a comment
    /// introducing a field, a photo block written by hand.
    const EDITED: &str = "\
# Produk unggulan: diperbarui tiap kurasi.
# Jangan ubah nama folder ini.

name: { id: Batik Tulis Surya Majapahit, en: Surya Majapahit Hand-drawn Batik }
producer: batik-sekar-jagad        # a producer slug
category: batik
price: { min: 350000, max: 750000 }  # whole rupiah
unit: { id: lembar, en: piece }
min_order: 10
tags: [tulis, pewarna-alami]
photos:                            # first is the cover
  - file: utama.jpg
    alt:
      id: \"Kain batik tulis # motif Surya\"
      en: \"Hand-drawn batik cloth\"
  # detail photo added by Siti
  - file: detail.jpg

# Sertifikat dari Dinas
certifications:
  - { type: halal, number: \"ID35110000123450123\" }
curation:
  status: proses
  curator: The Keranjang Bali
  date: 2025-04-28
x_note: \"kept\"   # a field the import does not know
featured: false
";

    /// The edit, or why not in English.
    fn edit(original: &str, changes: &[(&str, Option<Value>)]) -> Result<String, String> {
        edit_document(original, changes, order::PRODUCT).map_err(|why| why.render(Lang::En))
    }

    fn replaced(original: &str, old: &str, new: &str) -> String {
        assert_eq!(original.matches(old).count(), 1, "{old}");
        original.replace(old, new)
    }

    #[test]
    fn changing_a_field_leaves_every_other_byte_and_keeps_its_comment() {
        let edited = edit(EDITED, &[("price", Some(json!({"amount": 400000})))]).unwrap();
        let expected = replaced(
            EDITED,
            "price: { min: 350000, max: 750000 }  # whole rupiah\n",
            "price: { amount: 400000 }  # whole rupiah\n",
        );
        assert_eq!(edited, expected);
    }

    #[test]
    fn a_comment_introducing_the_next_field_survives_replacing_this_one() {
        let photos = json!([{"file": "baru.jpg"}]);
        let edited = edit(
            EDITED,
            &[("photos", Some(photos)), ("featured", Some(json!(true)))],
        )
        .unwrap();
        let old_photos = "\
photos:                            # first is the cover
  - file: utama.jpg
    alt:
      id: \"Kain batik tulis # motif Surya\"
      en: \"Hand-drawn batik cloth\"
  # detail photo added by Siti
  - file: detail.jpg
";
        let new_photos =
            "photos:                            # first is the cover\n  - { file: baru.jpg }\n";
        let expected =
            replaced(EDITED, old_photos, new_photos).replace("featured: false", "featured: true");
        assert_eq!(edited, expected);
    }

    #[test]
    fn a_block_field_replaced_by_a_block_keeps_the_comment_on_its_key_line() {
        let curation = json!({"status": "lolos", "curator": "Dekranasda", "date": "2025-05-02"});
        let edited = edit(EDITED, &[("curation", Some(curation))]).unwrap();
        let expected = replaced(
            EDITED,
            "  status: proses\n  curator: The Keranjang Bali\n  date: 2025-04-28\n",
            "  status: lolos\n  curator: Dekranasda\n  date: 2025-05-02\n",
        );
        assert_eq!(edited, expected);
        let photos = json!([{"file": "a.jpg", "alt": {"id": "x"}}]);
        let edited = edit(EDITED, &[("photos", Some(photos))]).unwrap();
        assert!(edited.contains(
            "photos:                            # first is the cover\n  - file: a.jpg\n    alt: { id: x }\n\n# Sertifikat"
        ));
    }

    #[test]
    fn a_hash_inside_quotes_is_not_taken_for_a_comment() {
        let original = "name: \"Kopi #1\"  # the shop's own spelling\nproducer: p\n";
        let edited = edit(original, &[("name", Some(json!("Kopi #2")))]).unwrap();
        assert_eq!(
            edited,
            "name: \"Kopi #2\"  # the shop's own spelling\nproducer: p\n"
        );
        let plain = "name: Kebab Ibu's#1 # note\n";
        let edited = edit(plain, &[("name", Some(json!("x")))]).unwrap();
        assert_eq!(edited, "name: x # note\n");
    }

    #[test]
    fn crlf_and_a_bom_are_kept() {
        let crlf = EDITED.replace('\n', "\r\n");
        let edited = edit(&crlf, &[("min_order", Some(json!(12))), ("curation", None)]).unwrap();
        let expected = crlf
            .replace("min_order: 10\r\n", "min_order: 12\r\n")
            .replace("curation:\r\n  status: proses\r\n  curator: The Keranjang Bali\r\n  date: 2025-04-28\r\n", "");
        assert_eq!(edited, expected);
        let bom = format!("\u{feff}{crlf}");
        let edited = edit(&bom, &[("unit", None), ("category", Some(json!("kriya")))]).unwrap();
        let expected = bom
            .replace("unit: { id: lembar, en: piece }\r\n", "")
            .replace("category: batik\r\n", "category: kriya\r\n");
        assert_eq!(edited, expected);
        let inserted = edit(&bom, &[("unit", None)])
            .and_then(|t| edit(&t, &[("unit", Some(json!({"id": "helai"})))]))
            .unwrap();
        assert_eq!(
            inserted,
            bom.replace(
                "unit: { id: lembar, en: piece }\r\n",
                "unit: { id: helai }\r\n"
            )
        );
    }

    #[test]
    fn no_change_returns_the_original_byte_for_byte() {
        // The hand-written `alt` block reads as the same value, so it is not rewritten.
        let photos = json!([
            {"file": "utama.jpg", "alt": {"id": "Kain batik tulis # motif Surya", "en": "Hand-drawn batik cloth"}},
            {"file": "detail.jpg"}
        ]);
        let changes = [
            ("photos", Some(photos)),
            ("min_order", Some(json!(10))),
            ("logo", None),
        ];
        assert_eq!(edit(EDITED, &changes).unwrap(), EDITED);
        assert_eq!(edit(EDITED, &[]).unwrap(), EDITED);
        let odd = "not: [yaml\n";
        assert_eq!(edit(odd, &[]).unwrap(), odd);
    }

    #[test]
    fn a_new_field_goes_after_the_nearest_field_before_it() {
        let original = "name: a\n\n# Harga\nprice: { amount: 1 }\n";
        let edited = edit(original, &[("category", Some(json!("batik")))]).unwrap();
        assert_eq!(
            edited,
            "name: a\ncategory: batik\n\n# Harga\nprice: { amount: 1 }\n"
        );
        // Inserted fields count as present for the next insertion.
        let edited = edit(
            original,
            &[
                ("category", Some(json!("c"))),
                ("producer", Some(json!("p"))),
            ],
        )
        .unwrap();
        assert_eq!(
            edited,
            "name: a\nproducer: p\ncategory: c\n\n# Harga\nprice: { amount: 1 }\n"
        );
        let edited = edit(
            EDITED,
            &[("featured", None), ("featured", Some(json!(true)))],
        )
        .unwrap();
        assert_eq!(
            edited,
            replaced(
                EDITED,
                "x_note: \"kept\"   # a field the import does not know\nfeatured: false\n",
                "featured: true\nx_note: \"kept\"   # a field the import does not know\n"
            )
        );
    }

    #[test]
    fn a_new_first_field_goes_above_the_comment_introducing_the_next_but_below_the_header() {
        let original = "# header\n\n# Siapa pembuatnya\nproducer: x\n";
        let edited = edit(original, &[("name", Some(json!("nama")))]).unwrap();
        assert_eq!(
            edited,
            "# header\n\nname: nama\n# Siapa pembuatnya\nproducer: x\n"
        );
        let attached = "# header\nproducer: x\n";
        assert_eq!(
            edit(attached, &[("name", Some(json!("nama")))]).unwrap(),
            "# header\nname: nama\nproducer: x\n"
        );
        let between = "x_note: 1\n# Pembuat\nproducer: x\n";
        assert_eq!(
            edit(between, &[("name", Some(json!("nama")))]).unwrap(),
            "x_note: 1\nname: nama\n# Pembuat\nproducer: x\n"
        );
        let started = "---\n# Pembuat\nproducer: x\n";
        assert_eq!(
            edit(started, &[("name", Some(json!("nama")))]).unwrap(),
            "---\nname: nama\n# Pembuat\nproducer: x\n"
        );
    }

    #[test]
    fn a_field_with_no_neighbour_in_the_order_goes_at_the_end() {
        let original = "name: a  # no newline at the end";
        let edited = edit(original, &[("x_other", Some(json!(1)))]).unwrap();
        assert_eq!(edited, "name: a  # no newline at the end\nx_other: 1\n");
        let edited = edit("# only a header\n", &[("featured", Some(json!(true)))]).unwrap();
        assert_eq!(edited, "# only a header\nfeatured: true\n");
        assert_eq!(
            edit("", &[("name", Some(json!("a")))]).unwrap(),
            "name: a\n"
        );
        let trailing = "name: a\n\n# end of file\n";
        let edited = edit(trailing, &[("x_other", Some(json!(1)))]).unwrap();
        assert_eq!(edited, "name: a\n\n# end of file\nx_other: 1\n");
    }

    #[test]
    fn removing_a_field_removes_its_lines_only() {
        let edited = edit(EDITED, &[("certifications", None), ("producer", None)]).unwrap();
        let expected = replaced(
            EDITED,
            "  - { type: halal, number: \"ID35110000123450123\" }\n",
            "",
        )
        .replace("certifications:\n", "")
        .replace("producer: batik-sekar-jagad        # a producer slug\n", "");
        assert_eq!(edited, expected);
        assert!(edited.contains("# Sertifikat dari Dinas\ncuration:"));
    }

    #[test]
    fn a_list_written_at_column_zero_belongs_to_its_key() {
        let original = "tags:\n- a\n- b\n# Foto\nphotos: []\n";
        let edited = edit(original, &[("tags", Some(json!(["c"])))]).unwrap();
        assert_eq!(edited, "tags: [c]\n# Foto\nphotos: []\n");
        let original = "name: a\n'min order': 1\n\"x\\\"y\": 2\nfeatured: no\n";
        let edited = edit(original, &[("featured", Some(json!(true)))]).unwrap();
        assert_eq!(
            edited,
            "name: a\n'min order': 1\n\"x\\\"y\": 2\nfeatured: true\n"
        );
    }

    #[test]
    fn files_that_cannot_be_edited_line_by_line_are_refused() {
        let set = |original: &str| edit(original, &[("name", Some(json!("b")))]).unwrap_err();
        assert!(set("name: a\nname: c\n").contains("twice"));
        assert!(set("{ name: a }\n").contains("flow style"));
        assert!(set("name: a\n---\nname: c\n").contains("several YAML documents"));
        assert!(set("--- { name: a }\n").contains("`---`"));
        assert!(set("- a\n- b\n").contains("list"));
        assert!(set("address: Jl. Empu\nNala 12\n").contains("line 2"));
        assert!(set("  name: a\n").contains("indented"));
        assert!(set("name: [a\n").contains("line"));
        assert!(set("base: &b { x: 1 }\n<<: *b\n").contains("do not match"));
        assert!(set("&a name: a\n").contains("line 1"));
        assert!(set("\"yes\n").contains("line 1"));
        // The anchor lives in the replaced line, so the alias would dangle: caught by reading back.
        let dangling = edit("name: &n a\nowner: *n\n", &[("name", Some(json!("b")))]).unwrap_err();
        assert!(dangling.contains("left unchanged"), "{dangling}");
    }

    #[test]
    fn why_a_file_cannot_be_edited_is_said_in_both_languages() {
        let why = |original: &str| {
            edit_document(original, &[("name", Some(json!("b")))], order::PRODUCT).unwrap_err()
        };
        let twice = why("name: a\nname: c\n");
        assert_eq!(
            twice.render(Lang::Id),
            "kolom `name` muncul dua kali; tidak jelas mana yang harus diubah"
        );
        let documents = why("name: a\n---\nname: c\n");
        assert_eq!(
            documents.render(Lang::En),
            "line 2: the file holds several YAML documents (`---`/`...`); edit it by hand"
        );
        assert_eq!(
            documents.render(Lang::Id),
            "baris 2: file ini berisi beberapa dokumen YAML (`---`/`...`); ubah file dengan tangan"
        );
        let in_a_report = msg::IMPORT_CANNOT_EDIT.nested("why", why("  name: a\n"));
        assert_eq!(
            in_a_report.render(Lang::Id),
            "tidak dapat diperbarui baris demi baris (baris 1: teks menjorok sebelum kolom pertama), jadi impor tidak mengubah entri ini"
        );
    }

    #[test]
    fn odd_input_never_panics() {
        let samples = [
            "\u{feff}",
            "\r",
            "\r\n",
            "é: ü  # ö",
            "\"é",
            "'a''",
            ":",
            "a:",
            "#",
            "---",
            "...\n",
            "- ",
            "name: \"a #\" #",
            "\u{feff}\u{feff}x: 1",
        ];
        for original in samples {
            for value in [Some(json!("v")), None] {
                let _ = edit(original, &[("name", value.clone()), ("é", value)]);
            }
            let _ = markdown_body(original);
            let _ = replace_markdown_body(original, "body");
        }
    }

    #[test]
    fn markdown_body_is_replaced_and_front_matter_kept() {
        let with_front = "---\nname: Batik Tulis\n---\n\nOld text.\n\n";
        assert_eq!(markdown_body(with_front), "\nOld text.\n\n");
        assert_eq!(
            replace_markdown_body(with_front, "New *text*.\n\n\n"),
            "---\nname: Batik Tulis\n---\nNew *text*.\n"
        );
        assert_eq!(
            replace_markdown_body("Old.\n", "New.\nSecond."),
            "New.\nSecond.\n"
        );
        assert_eq!(replace_markdown_body("", ""), "\n");
        assert_eq!(
            replace_markdown_body("---\na: 1\n---", "Body"),
            "---\na: 1\n---\nBody\n"
        );
        assert_eq!(
            replace_markdown_body("---\na: 1\n---\n", ""),
            "---\na: 1\n---\n"
        );
        // An unclosed `---` is no front matter: all of it is body.
        assert_eq!(replace_markdown_body("---\na: 1\n", "B"), "B\n");
    }

    #[test]
    fn markdown_with_crlf_and_a_bom_keeps_them() {
        let original = "\u{feff}---\r\nname: Batik  \r\n---\r\nOld.\r\n";
        assert_eq!(markdown_body(original), "Old.\n");
        assert_eq!(
            replace_markdown_body(original, "One.\n\nTwo.\n"),
            "\u{feff}---\r\nname: Batik  \r\n---\r\nOne.\r\n\r\nTwo.\r\n"
        );
        assert_eq!(
            replace_markdown_body("Old.\r\n", "New.\r\nMore."),
            "New.\r\nMore.\r\n"
        );
        assert_eq!(markdown_body("a\r\nb\r\n"), "a\nb\n");
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        /// Characters that matter to YAML, and a few that do not.
        const POOL: &[char] = &[
            'a', 'Z', '0', '1', '9', 'e', 'x', 'o', 'b', 'y', 'n', '.', '+', '-', '_', ' ', ' ',
            ':', '#', ',', '[', ']', '{', '}', '"', '\'', '\\', '\n', '\t', '\r', '!', '&', '*',
            '?', '|', '>', '%', '@', '`', '~', '<', '=', '/', 'é', '🏺', '\u{0}', '\u{85}',
            '\u{a0}', '\u{feff}', '\u{2028}',
        ];

        fn awkward_string() -> impl Strategy<Value = String> {
            proptest::collection::vec(proptest::sample::select(POOL), 0..10)
                .prop_map(|chars| chars.into_iter().collect())
        }

        proptest! {
            #[test]
            fn any_string_reads_back(s in awkward_string(), t in awkward_string()) {
                for (key, value) in [
                    ("name", json!(s)),
                    ("name", json!({"id": s, "en": t})),
                    ("tags", json!([s, t])),
                    ("photos", json!([{"file": s, "alt": {"id": t}}])),
                    ("curation", json!({"status": s})),
                    (s.as_str(), json!(t)),
                ] {
                    let text = render_field(key, &value);
                    let fields = read_fields(&text).map_err(|e| TestCaseError::fail(format!("{text:?}: {}", e.render(Lang::En))))?;
                    prop_assert_eq!(fields.get(key), Some(&value), "{:?}", text);
                }
            }

            #[test]
            fn any_value_edits_a_hand_written_file(
                s in awkward_string(),
                key in proptest::sample::select(order::PRODUCT),
                remove in any::<bool>(),
                crlf in any::<bool>(),
            ) {
                let original = if crlf { EDITED.replace('\n', "\r\n") } else { EDITED.to_owned() };
                let value = (!remove).then(|| json!(s));
                let edited = edit(&original, &[(key, value.clone())]).map_err(TestCaseError::fail)?;
                let fields = read_fields(&edited).unwrap();
                prop_assert_eq!(fields.get(key), value.as_ref());
                let untouched = |text: &str| -> Vec<String> {
                    text.lines().filter(|line| !line.starts_with(key)).map(str::to_owned).collect()
                };
                // Lines of other fields stay (a replaced block's own lines aside).
                if !matches!(key, "photos" | "certifications" | "curation") {
                    prop_assert_eq!(untouched(&edited), untouched(&original));
                }
            }
        }
    }
}
