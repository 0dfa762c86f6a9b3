//! Every problem of a file's fields at once. serde stops at the first, so a file with three
//! wrong values would take three runs of `check`. After a failed read the file is read again
//! without a shape (`found`), and each field is held against what the reader takes there
//! (the table of `wrong_type`): values of the wrong kind, unknown fields and fields written
//! twice are collected in the order they are written, the first few in full and the rest
//! only counted, so a hostile file cannot make a report of a hundred thousand lines.

use std::collections::HashSet;

use serde_saphyr::Spanned;

use super::found::{self, Node, Numeral, Position};
use super::wrong_type::{self, Expect, Rule};
use super::{path_text, twice, unknown_field, Source, Step};
use crate::diagnostic::Diagnostic;

/// What a problem is, so that the reader's own first error and the same problem found again
/// by the walk are told apart from two problems of one field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    WrongValue,
    Unknown,
    Twice,
}

/// One problem, with the field it is in as the diagnostic names it.
pub(super) struct Problem {
    pub(super) kind: Kind,
    pub(super) field: String,
    pub(super) diagnostic: Diagnostic,
}

/// The problems of a file: the first `keep` in full, and how many there are in all.
pub(super) struct Problems {
    pub(super) shown: Vec<Problem>,
    pub(super) total: usize,
}

/// Every problem the walk can see in `source`, keeping the first `keep` in full; `None` when
/// the text is not YAML the reader can take in at all (its first error then says why).
pub(super) fn problems(source: &Source, keep: usize) -> Option<Problems> {
    if !wrong_type::walks(source.file) {
        return None;
    }
    let root = found::read(source.text, source.limits.options())?;
    let mut walk = Walk {
        source,
        keep,
        problems: Problems {
            shown: Vec::new(),
            total: 0,
        },
    };
    // A file that is not a set of fields has one problem, which the reader's error names.
    if let Node::Fields(fields) = &root.value {
        walk.fields(fields, &mut Vec::new());
    }
    Some(walk.problems)
}

/// `diagnostic` pointed at `position` of `source`.
fn at(source: &Source, diagnostic: Diagnostic, position: Position) -> Diagnostic {
    diagnostic
        .at_line(Some(source.file_line(position.line)))
        .at_column(Some(position.column))
}

struct Walk<'a> {
    source: &'a Source<'a>,
    keep: usize,
    problems: Problems,
}

impl Walk<'_> {
    /// Counts a problem, and builds its diagnostic while fewer than `keep` are shown.
    fn report(&mut self, kind: Kind, path: &[Step], diagnostic: impl FnOnce(&str) -> Diagnostic) {
        self.problems.total += 1;
        if self.problems.shown.len() < self.keep {
            let field = path_text(path).unwrap_or_default();
            let diagnostic = diagnostic(&field);
            self.problems.shown.push(Problem {
                kind,
                field,
                diagnostic,
            });
        }
    }

    /// The keys of a set of fields at `path`: each written once, each known, each value of
    /// the kind its field takes.
    fn fields(&mut self, fields: &[(Spanned<String>, Spanned<Node>)], path: &mut Vec<Step>) {
        let source = self.source;
        let file = source.file;
        let known = wrong_type::fields_under(file, path);
        let mut seen = HashSet::new();
        for (key, value) in fields {
            path.push(Step::Key(key.value.clone()));
            let position = found::position_of(key);
            if !seen.insert(key.value.as_str()) {
                // Which of the two values is meant is the editor's choice: only say it twice.
                self.report(Kind::Twice, path, |field| {
                    at(source, twice(field, file), position)
                });
            } else if let Some(rule) = wrong_type::rule_for(file, path) {
                self.value(value, rule, path);
            } else if let Some(known) = &known {
                self.report(Kind::Unknown, path, |field| {
                    let name = key.value.as_str();
                    at(source, unknown_field(name, field, known, file), position)
                });
            }
            path.pop();
        }
    }

    /// A value at `path`, whose field takes what `rule` says; then what is inside it.
    fn value(&mut self, node: &Spanned<Node>, rule: &Rule, path: &mut Vec<Step>) {
        if takes(rule, &node.value) == Some(false) {
            let source = self.source;
            self.report(Kind::WrongValue, path, |field| {
                let found = found::describe(node, source.text);
                let (message, hint) =
                    wrong_type::explain_expected(path, rule.expect(), Some(rule), Some(&found));
                at(
                    source,
                    Diagnostic::error(source.file, message),
                    found::position_of(node),
                )
                .in_field(field)
                .with_hint(hint)
            });
            return;
        }
        match &node.value {
            Node::List(items) => {
                for (index, item) in items.iter().enumerate() {
                    path.push(Step::Index(index));
                    if let Some(rule) = wrong_type::rule_for(self.source.file, path) {
                        self.value(item, rule, path);
                    }
                    path.pop();
                }
            }
            Node::Fields(fields) => self.fields(fields, path),
            _ => {}
        }
    }
}

/// Whether the reader takes `node` where `rule`'s field is: what `serde-saphyr` does for the
/// raw structs' types (held against them by a test). `None` for an empty value, which some
/// fields take and others do not, and for fields set under a closed list's field; the
/// reader's own error says so when it is the first.
fn takes(rule: &Rule, node: &Node) -> Option<bool> {
    let single = !matches!(node, Node::List(_) | Node::Fields(_));
    if matches!(node, Node::Nothing) || (rule.is_closed_list() && matches!(node, Node::Fields(_))) {
        return None;
    }
    if rule.takes_any_single_value() {
        return Some(single);
    }
    let whole = |kind: Numeral| matches!(kind, Numeral::Natural | Numeral::Negative);
    Some(match (rule.expect(), node) {
        // A number or `true` is kept as the text it was written as.
        (Expect::Text | Expect::Date, _) => single,
        (Expect::TextPerLanguage, Node::Number(_, kind)) => whole(*kind),
        (Expect::TextPerLanguage, node) => matches!(node, Node::Text(_) | Node::Fields(_)),
        (Expect::Price, node) => {
            matches!(node, Node::Fields(_) | Node::Number(_, Numeral::Natural))
        }
        (Expect::WholeNumber | Expect::Rupiah, Node::Number(_, kind)) => *kind == Numeral::Natural,
        // A number in quotes (`"10"`) is still read as the number.
        (Expect::WholeNumber | Expect::Rupiah, Node::Text(text)) => reads_as::<u64>(text),
        (Expect::YesNo, Node::YesNo(_)) => true,
        (Expect::YesNo, Node::Text(text)) => reads_as::<bool>(text),
        (Expect::List, node) => matches!(node, Node::List(_)),
        (Expect::Fields, node) => matches!(node, Node::Fields(_)),
        (Expect::WholeNumber | Expect::Rupiah | Expect::YesNo, _) => false,
    })
}

/// Whether the reader takes `text`, written in quotes, as a `T`: its own rules for numbers
/// (`+5`, `0x10`, `1_000`) and yes/no (`yes`, `off`).
fn reads_as<T: serde::de::DeserializeOwned>(text: &str) -> bool {
    // Every number and yes/no starts with one of these (after blanks the reader trims), so
    // the many texts that do not are not read a second time.
    let first = text
        .trim_start_matches([' ', '\t', '\r', '\n'])
        .chars()
        .next();
    if !first.is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')) {
        return false;
    }
    let Ok(quoted) = serde_json::to_string(text) else {
        return false;
    };
    serde_saphyr::from_str::<T>(&quoted).is_ok()
}

/// Holds the walk against the reader: for every case (a line of a file with `{v}` in it,
/// added to `base`, whose line of the same key it replaces) and every value, the walk finds a
/// problem exactly where the reader finds its first, in the same words, and none where the
/// reader takes the file. Failures are listed together.
#[cfg(test)]
pub(crate) fn assert_walk_agrees<T: serde::de::DeserializeOwned + std::fmt::Debug>(
    file: &std::path::Path,
    base: &[(&str, &str)],
    cases: &[(&str, &str)],
    values: &[&str],
) {
    use crate::messages::Lang;
    let limits = super::YamlLimits::default();
    let mut failures = Vec::new();
    for (key, line) in cases {
        for value in values {
            let mut text: String = base
                .iter()
                .filter(|(base_key, _)| base_key != key)
                .map(|(_, base_line)| format!("{base_line}\n"))
                .collect();
            text.push_str(&line.replace("{v}", value));
            text.push('\n');
            let reader = serde_saphyr::from_str_with_options::<T>(&text, limits.options());
            let source = Source {
                text: &text,
                file,
                first_line: 1,
                limits: &limits,
            };
            let walk = problems(&source, 100).expect("YAML the reader takes in");
            let walked: Vec<String> = walk
                .shown
                .iter()
                .map(|problem| problem.diagnostic.render(Lang::En))
                .collect();
            let kind = reader
                .as_ref()
                .err()
                .and_then(|error| super::kind_of(error.without_snippet()));
            let empty = ["", "~", "null"].contains(value);
            let all = super::parse::<T>(&text, file, 1).err().unwrap_or_default();
            let said: Vec<String> = all.iter().map(|p| p.render(Lang::En)).collect();
            match kind {
                // The walk may say nothing where the table allows any key (`limits.*`): the
                // reader's error is then the one shown.
                Some(Kind::Unknown) if walked.is_empty() => {}
                // An empty value is left to the reader.
                Some(Kind::WrongValue) if empty && walked.is_empty() => {}
                Some(_) if said != walked => {
                    failures.push(format!("{text}reader: {said:?}\nwalk: {walked:?}\n"));
                }
                None if !walked.is_empty() => {
                    failures.push(format!("{text}reader: {reader:?}\nwalk: {walked:?}\n"));
                }
                _ => {}
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::Lang;
    use std::path::Path;

    fn walk(text: &str, file: &str) -> (Vec<String>, usize) {
        let limits = super::super::YamlLimits::default();
        let source = Source {
            text,
            file: Path::new(file),
            first_line: 1,
            limits: &limits,
        };
        let found = problems(&source, 3).unwrap();
        let shown = found
            .shown
            .iter()
            .map(|problem| problem.diagnostic.render(Lang::En))
            .collect();
        (shown, found.total)
    }

    #[test]
    fn keys_written_twice_and_unknown_ones_are_found_with_their_lines() {
        let text = "name: a\nsku: x\nsku: y\ncatgory: batik\nfeatured: ya\n";
        let (shown, total) = walk(text, "p/product.yaml");
        assert_eq!(total, 3);
        assert!(
            shown[0]
                .starts_with("error: p/product.yaml:3: field `sku`: this field is written twice"),
            "{shown:?}"
        );
        assert!(shown[1].starts_with("error: p/product.yaml:4: field `catgory`: unknown field `catgory`\n  hint: did you mean `category`?"), "{shown:?}");
        assert!(shown[2].starts_with("error: p/product.yaml:5: field `featured`: expected `true` or `false`; found the text `ya`"), "{shown:?}");
    }

    #[test]
    fn only_the_first_are_built_and_all_are_counted() {
        let text = format!("tags: [{}]\n", vec!["[x]"; 1000].join(", "));
        let (shown, total) = walk(&text, "p/product.yaml");
        assert_eq!((shown.len(), total), (3, 1000));
        assert!(shown[2].contains("field `tags[2]`"), "{shown:?}");
    }

    #[test]
    fn front_matter_is_left_to_the_reader() {
        let limits = super::super::YamlLimits::default();
        let source = Source {
            text: "title: [a]\nname: [b]\n",
            file: Path::new("content/pages/a/id.md"),
            first_line: 1,
            limits: &limits,
        };
        assert!(problems(&source, 3).is_none());
    }
}
