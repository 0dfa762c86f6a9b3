//! The line of the file a diagnostic points at, shown under it with a caret under the value
//! it is about, as `rustc` and `just` do:
//!
//! ```text
//! error: content/products/x/product.yaml:4: field `price`: ...
//!      |
//!    4 | price: murah
//!      |        ^^^^^
//!   hint: ...
//! ```
//!
//! Shown only when the file is readable text and the line exists; control characters are never
//! printed raw, and long lines are cut around the value.

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::content::CatalogueRoot;
use crate::diagnostic::Diagnostic;

/// A line of text as a diagnostic shows it: already cut and made printable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excerpt {
    /// Its number in the file, from 1.
    pub line: u64,
    /// The line, without its end, cut to [`MAX_SHOWN_CHARS`] around the value.
    pub text: String,
    /// Where the caret starts and how long it is, in characters of `text`.
    pub caret_from: usize,
    pub caret_len: usize,
}

/// How many characters of a line are shown: a terminal of 120 columns holds them beside the
/// gutter of a 5-digit line number.
const MAX_SHOWN_CHARS: usize = 100;
/// When a long line is cut, how many characters before the value are kept.
const SHOWN_BEFORE_VALUE: usize = 30;

impl Excerpt {
    /// The line `line` of `source`, with the caret at `column` (from 1) when it is known,
    /// else under the value of `field` when the line reads `field: value`, else under the
    /// line's text. `None` when the line does not exist or holds nothing to show.
    pub fn of(
        source: &str,
        line: u64,
        column: Option<u64>,
        field: Option<&str>,
    ) -> Option<Excerpt> {
        let index = usize::try_from(line.checked_sub(1)?).ok()?;
        let text: Vec<char> = source.lines().nth(index)?.chars().map(printable).collect();
        if text.iter().all(|c| c.is_whitespace()) {
            return None;
        }
        let from = column
            .and_then(|c| usize::try_from(c.checked_sub(1)?).ok())
            .filter(|from| *from < text.len())
            .or_else(|| field.and_then(|field| value_start(&text, field)))
            .unwrap_or_else(|| text.iter().take_while(|c| c.is_whitespace()).count());
        let len = value_len(&text, from).max(1);
        Some(cut(line, &text, from, len))
    }

    /// The lines shown under the diagnostic's first line, each indented by two spaces like the
    /// hint, so readers of the output see them as part of the diagnostic.
    pub fn lines(&self) -> [String; 3] {
        let number = self.line.to_string();
        let gutter = " ".repeat(number.len());
        let caret = format!(
            "{}{}",
            " ".repeat(self.caret_from),
            "^".repeat(self.caret_len)
        );
        [
            format!("  {gutter} |"),
            format!("  {number} | {}", self.text),
            format!("  {gutter} | {caret}"),
        ]
    }
}

/// A character as it can be shown in a terminal or a page: a tab as one space (so the caret
/// stays aligned), any other control character as `�`.
fn printable(c: char) -> char {
    match c {
        '\t' => ' ',
        c if c.is_control() => '\u{fffd}',
        c => c,
    }
}

/// Where the value starts on a line `key: value` or `- key: value` whose key is the last part
/// of `field` (`date` of `curation.date`, `file` of `photos[0].file`).
fn value_start(text: &[char], field: &str) -> Option<usize> {
    let key = field.rsplit('.').next()?;
    let key = key.split('[').next()?;
    let line: String = text.iter().collect();
    let rest = line.trim_start().trim_start_matches("- ");
    let after_key = rest.strip_prefix(key)?.strip_prefix(':')?;
    let value = after_key.trim_start();
    if value.is_empty() {
        return None;
    }
    // Counted in characters, from the end of the line back.
    Some(text.len() - value.chars().count())
}

/// How long the value starting at `from` in `text` is: up to a comment (` #`) or the end of
/// the line, without the spaces before either; a key (`catgory:`) up to its colon; a value
/// inside `{ … }` or `[ … ]` up to the `,` or bracket after it.
fn value_len(text: &[char], from: usize) -> usize {
    let rest = &text[from..];
    let opens_collection = matches!(rest.first(), Some('{' | '['));
    let mut depth = 0i32;
    for c in &text[..from] {
        match c {
            '{' | '[' => depth += 1,
            '}' | ']' => depth -= 1,
            _ => {}
        }
    }
    let mut end = rest.len();
    for (i, c) in rest.iter().enumerate() {
        let next = rest.get(i + 1);
        let comment = *c == '#' && i > 0 && rest[i - 1] == ' ';
        let key_end = !opens_collection && *c == ':' && next.is_none_or(|n| *n == ' ');
        let flow_end = !opens_collection && depth > 0 && matches!(c, ',' | '}' | ']');
        if comment || key_end || flow_end {
            end = i;
            break;
        }
    }
    rest[..end]
        .iter()
        .rposition(|c| !c.is_whitespace())
        .map_or(0, |last| last + 1)
}

/// The line cut to [`MAX_SHOWN_CHARS`] around the value, with `…` where text was left out.
fn cut(line: u64, text: &[char], from: usize, len: usize) -> Excerpt {
    if text.len() <= MAX_SHOWN_CHARS {
        return Excerpt {
            line,
            text: text.iter().collect(),
            caret_from: from,
            caret_len: len,
        };
    }
    let start = from.saturating_sub(SHOWN_BEFORE_VALUE);
    let end = (start + MAX_SHOWN_CHARS).min(text.len());
    let mut shown = String::new();
    let mut caret_from = from - start;
    if start > 0 {
        shown.push('…');
        caret_from += 1;
    }
    shown.extend(&text[start..end]);
    if end < text.len() {
        shown.push('…');
    }
    Excerpt {
        line,
        text: shown,
        caret_from,
        caret_len: len.min(end - from).max(1),
    }
}

/// Gives every diagnostic that names a line of a text file of the catalogue its excerpt. Each
/// file is read once, through the root's own checks (no link out of the catalogue, no file
/// over the size limit).
pub fn attach(diagnostics: &mut [Diagnostic], root: &CatalogueRoot) {
    let mut texts: BTreeMap<PathBuf, Option<String>> = BTreeMap::new();
    for diagnostic in diagnostics.iter_mut() {
        let Some(line) = diagnostic.line else {
            continue;
        };
        let text = texts
            .entry(diagnostic.file.clone())
            .or_insert_with(|| root.read_text(&diagnostic.file).ok().map(|f| f.text));
        if let Some(text) = text {
            let excerpt = Excerpt::of(text, line, diagnostic.column(), diagnostic.field.as_deref());
            diagnostic.set_excerpt(excerpt);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(source: &str, line: u64, column: Option<u64>, field: Option<&str>) -> Vec<String> {
        Excerpt::of(source, line, column, field)
            .map(|e| e.lines().to_vec())
            .unwrap_or_default()
    }

    #[test]
    fn the_caret_is_under_the_value() {
        let source = "name: A\nprice: murah   # lihat\n";
        assert_eq!(
            shown(source, 2, Some(8), None),
            [
                "    |",
                "  2 | price: murah   # lihat",
                "    |        ^^^^^"
            ]
        );
        // Without a column, the field's value is found on its line.
        assert_eq!(
            shown(source, 2, None, Some("price")),
            shown(source, 2, Some(8), None)
        );
        let photos = "photos:\n  - file: [a.jpg]\n";
        assert_eq!(
            shown(photos, 2, None, Some("photos[0].file")),
            [
                "    |",
                "  2 |   - file: [a.jpg]",
                "    |           ^^^^^^^"
            ]
        );
    }

    #[test]
    fn the_caret_covers_a_key_or_one_value_of_a_flow_mapping() {
        assert_eq!(
            shown("catgory: batik\n", 1, Some(1), None)[2],
            "    | ^^^^^^^"
        );
        assert_eq!(
            shown("price: { amount: banyak }\n", 1, Some(18), None)[2],
            "    |                  ^^^^^^"
        );
        // A whole flow mapping, and a text with commas outside one, are underlined whole.
        assert_eq!(
            shown("price: { amount: 5 }\n", 1, Some(8), None)[2],
            "    |        ^^^^^^^^^^^^^"
        );
        assert_eq!(
            shown("address: Jl. Empu Nala 12, Kota\n", 1, Some(10), None)[2],
            "    |          ^^^^^^^^^^^^^^^^^^^^^^"
        );
        assert_eq!(
            shown("  url: https://x.id/a\n", 1, Some(8), None)[2],
            "    |        ^^^^^^^^^^^^^^"
        );
    }

    #[test]
    fn missing_lines_and_empty_lines_show_nothing() {
        assert!(shown("a: b\n", 3, None, None).is_empty());
        assert!(shown("a: b\n\n", 2, None, None).is_empty());
        assert!(shown("a: b\n", 0, None, None).is_empty());
    }

    #[test]
    fn control_characters_are_never_printed() {
        let lines = shown("price: \u{1b}[31mmerah\u{7}\tx\n", 1, Some(8), None);
        assert_eq!(lines[1], "  1 | price: \u{fffd}[31mmerah\u{fffd} x");
        assert!(lines.iter().all(|l| !l.chars().any(char::is_control)));
    }

    #[test]
    fn long_lines_are_cut_around_the_value() {
        let source = format!("name: {}X{}\n", "a".repeat(500), "b".repeat(500));
        let excerpt = Excerpt::of(&source, 1, Some(507), None).unwrap();
        assert!(excerpt.text.chars().count() <= MAX_SHOWN_CHARS + 2);
        assert!(excerpt.text.starts_with('…') && excerpt.text.ends_with('…'));
        let under: String = excerpt
            .text
            .chars()
            .skip(excerpt.caret_from)
            .take(1)
            .collect();
        assert_eq!(under, "X");
    }

    #[test]
    fn wide_line_numbers_widen_the_gutter() {
        let source = "x: 1\n".repeat(120);
        assert_eq!(
            shown(&source, 120, Some(4), None),
            ["      |", "  120 | x: 1", "      |    ^"]
        );
    }
}
