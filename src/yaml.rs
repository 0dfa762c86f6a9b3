//! YAML text -> raw structs, with parse errors turned into diagnostics that point at a line.

use std::path::Path;

use serde::de::DeserializeOwned;
use serde_path_to_error::{Path as FieldPath, Segment};

use crate::diagnostic::{did_you_mean, Diagnostic};
use crate::messages::{self as msg, Message};

mod every;
mod found;

#[cfg(test)]
pub(crate) use every::assert_walk_agrees;
mod syntax;
mod wrong_type;

/// The problems of one file shown in full; the rest are counted in one last line. Twenty fill
/// about a screen and a half with their excerpts, more than an editor fixes in one go; a
/// hostile file with 100,000 wrong values then prints 21 problems (see docs/benchmarks.md).
pub const MAX_PROBLEMS_PER_FILE: usize = 20;

/// How deep YAML may nest and how much its aliases (`*name`) may expand: a file of a few
/// lines must not make the build use gigabytes ("billion laughs") or overflow the stack.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YamlLimits {
    /// Nested mappings and lists, counted from the top of the file.
    pub max_depth: usize,
    /// Values aliases may copy in one file, in total.
    pub max_alias_expansion: usize,
}

impl Default for YamlLimits {
    fn default() -> Self {
        YamlLimits {
            max_depth: 32,
            max_alias_expansion: 10_000,
        }
    }
}

impl YamlLimits {
    fn options(&self) -> serde_saphyr::Options {
        let mut budget = serde_saphyr::Budget::default();
        budget.max_depth = self.max_depth;
        budget.max_aliases = self.max_alias_expansion;
        // Many aliases of one anchor are harmless within the expansion budget, which is the
        // limit editors can read about and raise.
        budget.enforce_alias_anchor_ratio = false;
        let mut options = serde_saphyr::Options::default();
        options.budget = Some(budget);
        options.alias_limits.max_total_replayed_events = self.max_alias_expansion;
        options
    }
}

/// Parses `text` (the contents of `file`, starting at line `first_line`) into `T`, within the
/// default [`YamlLimits`]. On failure, every problem of the file's fields (at least one).
pub fn parse<T: DeserializeOwned>(
    text: &str,
    file: &Path,
    first_line: u64,
) -> Result<T, Vec<Diagnostic>> {
    parse_within(text, file, first_line, &YamlLimits::default())
}

/// Like [`parse`], within `limits`. The deserialiser is wrapped by `serde_path_to_error`, so
/// an error knows the field it is in (`curation.date`, `photos[1].file`); the other problems
/// of the file come from [`every`].
pub fn parse_within<T: DeserializeOwned>(
    text: &str,
    file: &Path,
    first_line: u64,
    limits: &YamlLimits,
) -> Result<T, Vec<Diagnostic>> {
    let mut path: Option<Vec<Step>> = None;
    let parsed = serde_saphyr::with_deserializer_from_str_with_options(
        text,
        limits.options(),
        |deserializer| {
            serde_path_to_error::deserialize(deserializer).map_err(|error| {
                path = Some(steps_of(error.path()));
                error.into_inner()
            })
        },
    );
    parsed.map_err(|error| {
        let source = Source {
            text,
            file,
            first_line,
            limits,
        };
        let first = to_diagnostic(&error, path.as_deref(), &source);
        all_at_once(first, &error, &source)
    })
}

/// The reader's own first error with every other problem the walk of [`every`] finds, in
/// the order written, at most [`MAX_PROBLEMS_PER_FILE`] and a line counting the rest.
fn all_at_once(first: Diagnostic, error: &serde_saphyr::Error, source: &Source) -> Vec<Diagnostic> {
    let error = error.without_snippet();
    if over_limit(error, source.file, source.limits).is_some() {
        // The second read would meet the same limit.
        return vec![first];
    }
    let Some(found) = every::problems(source, MAX_PROBLEMS_PER_FILE + 1) else {
        return vec![first];
    };
    let first_kind = kind_of(error);
    let first_field = first.field.clone();
    let is_first = |problem: &every::Problem| {
        Some(problem.kind) == first_kind && first_field.as_deref() == Some(problem.field.as_str())
    };
    let mut found_again = 0;
    let mut problems = vec![first];
    for problem in found.shown {
        if found_again == 0 && is_first(&problem) {
            found_again = 1;
        } else if problems.len() < MAX_PROBLEMS_PER_FILE {
            problems.push(problem.diagnostic);
        }
    }
    // Stable: the reader's error stays first among problems of one line.
    problems.sort_by_key(|problem| problem.line.unwrap_or(0));
    let beyond = (1 + found.total - found_again).saturating_sub(problems.len());
    if beyond > 0 {
        problems.push(
            Diagnostic::error(source.file, msg::MORE_PROBLEMS_IN_FILE.arg("count", beyond))
                .with_hint(&msg::MORE_PROBLEMS_IN_FILE_HINT),
        );
    }
    problems
}

/// Which of the walk's kinds of problem the reader's error is, if any.
fn kind_of(error: &serde_saphyr::Error) -> Option<every::Kind> {
    match error {
        serde_saphyr::Error::SerdeUnknownField { .. } => Some(every::Kind::Unknown),
        serde_saphyr::Error::DuplicateMappingKey { .. } => Some(every::Kind::Twice),
        serde_saphyr::Error::Message { msg: text, .. } if text.starts_with("duplicate field `") => {
            Some(every::Kind::Twice)
        }
        error if wrong_type::is_wrong_kind(error) => Some(every::Kind::WrongValue),
        _ => None,
    }
}

/// The text an error was found in, and how to read it again.
struct Source<'a> {
    text: &'a str,
    file: &'a Path,
    first_line: u64,
    limits: &'a YamlLimits,
}

impl Source<'_> {
    /// A line of the text (1-based, as the reader counts) as a line of the file.
    fn file_line(&self, line: u64) -> u64 {
        line + self.first_line - 1
    }
}

/// Whether a type error in the field `path` of `file` says what the field takes in its own
/// words (for tests holding the raw structs against the table).
#[cfg(test)]
pub(crate) fn knows_field(file: &Path, path: &str) -> bool {
    wrong_type::knows(file, path)
}

/// The one problem of a file that has exactly one (for tests of a single message).
#[cfg(test)]
pub(crate) fn only_problem(mut problems: Vec<Diagnostic>) -> Diagnostic {
    assert_eq!(problems.len(), 1, "one problem expected: {problems:?}");
    problems.remove(0)
}

/// One step of the way to a field: a key of a mapping, or the position in a list (from 0).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    Key(String),
    Index(usize),
}

/// The path as editors read it. `Spanned` values add a step `value` of their own, and a key
/// not yet known shows as `?`; neither is a field of the file.
fn steps_of(path: &FieldPath) -> Vec<Step> {
    path.iter()
        .filter_map(|segment| match segment {
            Segment::Map { key } if key != "value" => Some(Step::Key(key.clone())),
            Segment::Seq { index } => Some(Step::Index(*index)),
            _ => None,
        })
        .collect()
}

/// `curation.date`, `photos[1].file`; `None` at the top of the file.
fn path_text(steps: &[Step]) -> Option<String> {
    let mut text = String::new();
    for step in steps {
        match step {
            Step::Key(key) => {
                if !text.is_empty() {
                    text.push('.');
                }
                text.push_str(key);
            }
            Step::Index(index) => text.push_str(&format!("[{index}]")),
        }
    }
    (!text.is_empty()).then_some(text)
}

fn to_diagnostic(
    error: &serde_saphyr::Error,
    path: Option<&[Step]>,
    source: &Source,
) -> Diagnostic {
    let file = source.file;
    let limits = source.limits;
    let error = error.without_snippet();
    let line = error.location().map(|l| source.file_line(l.line()));
    let column = error.location().map(|l| l.column());
    if let Some(problem) = over_limit(error, file, limits) {
        return problem.at_line(line);
    }
    // The field the error is in, as editors read it; empty at the top of the file.
    let field = path.and_then(path_text);
    if let (true, Some(path), Some(field)) = (wrong_type::is_wrong_kind(error), path, &field) {
        let seen = found::value_at(source.text, path, limits.options());
        let (found, at) = match seen {
            Some((found, at)) => (Some(found), Some(at)),
            None => (None, None),
        };
        if let Some((message, hint)) = wrong_type::explain(file, path, error, found.as_ref()) {
            let (line, column) = match at {
                Some(at) => (Some(source.file_line(at.line)), Some(at.column)),
                None => (line, column),
            };
            return Diagnostic::error(file, message)
                .at_line(line)
                .at_column(column)
                .in_field(field)
                .with_hint(hint);
        }
    }
    if let Some(problem) = whole_file(error, path, source) {
        return problem.at_line(line);
    }
    if let serde_saphyr::Error::InvalidScalar { ty, .. } = error {
        if let Some(problem) = wrong_scalar(ty, file) {
            return problem.at_line(line);
        }
    }
    // The path of a key named by the error: some errors stop at the key, others before it.
    let within = |name: &str| match (&field, path.and_then(<[Step]>::last)) {
        (Some(field), Some(Step::Key(last))) if last == name => field.clone(),
        (Some(parent), _) => format!("{parent}.{name}"),
        (None, _) => name.to_owned(),
    };
    match error {
        serde_saphyr::Error::SerdeUnknownField {
            field: name,
            expected,
            ..
        } => unknown_field(name, &within(name), expected, file)
            .at_line(line)
            .at_column(column),
        serde_saphyr::Error::SerdeMissingField { field: name, .. } => {
            let problem = Diagnostic::error(file, msg::MISSING_FIELD.arg("field", name))
                .at_line(line)
                .with_hint(msg::ADD_FIELD_LINE.arg("field", name));
            // At the top of the file the message already names the field.
            match &field {
                Some(_) => problem.in_field(within(name)),
                None => problem,
            }
        }
        serde_saphyr::Error::SerdeUnknownVariant {
            variant, expected, ..
        } => {
            let hint = match did_you_mean(variant, expected.iter().copied()) {
                Some(close) => msg::DID_YOU_MEAN.arg("name", close),
                None => msg::USE_ONE_OF.arg("names", expected.join(", ")),
            };
            let problem = Diagnostic::error(file, msg::NOT_AN_ALLOWED_VALUE.arg("value", variant))
                .at_line(line)
                .at_column(column)
                .with_hint(hint);
            match field {
                Some(field) => problem.in_field(field),
                None => problem,
            }
        }
        serde_saphyr::Error::DuplicateMappingKey { key: Some(key), .. } => {
            twice(&within(key), file).at_line(line).at_column(column)
        }
        serde_saphyr::Error::Message { msg: text, .. } if text.starts_with("duplicate field `") => {
            let name = text
                .trim_start_matches("duplicate field `")
                .trim_end_matches('`');
            twice(&within(name), file).at_line(line).at_column(column)
        }
        other => {
            let detail = message_without_position(other);
            let (message, hint) = syntax::in_plain_words(&detail).unwrap_or_else(|| {
                (
                    msg::YAML_INVALID.arg("detail", detail),
                    Message::from(&msg::YAML_INVALID_HINT),
                )
            });
            let problem = Diagnostic::error(file, message)
                .at_line(line)
                .at_column(column)
                .with_hint(hint);
            match field {
                Some(field) => problem.in_field(field),
                None => problem,
            }
        }
    }
}

/// A file that is not a set of fields at all: empty, or a list or a text where `key: value`
/// lines belong.
fn whole_file(
    error: &serde_saphyr::Error,
    path: Option<&[Step]>,
    source: &Source,
) -> Option<Diagnostic> {
    let at_top = path.is_none_or(<[Step]>::is_empty);
    let no_fields = source
        .text
        .lines()
        .all(|line| line.trim().is_empty() || line.trim_start().starts_with('#'));
    if at_top && no_fields && matches!(error, serde_saphyr::Error::Eof { .. }) {
        return Some(
            Diagnostic::error(source.file, &msg::FILE_WITHOUT_FIELDS)
                .with_hint(&msg::FILE_FIELDS_HINT),
        );
    }
    if !at_top || !wrong_type::is_wrong_kind(error) {
        return None;
    }
    let (found, _) = found::value_at(source.text, &[], source.limits.options())?;
    Some(
        Diagnostic::error(
            source.file,
            msg::FILE_NOT_FIELDS.nested("found", wrong_type::found_message(&found)),
        )
        .with_hint(&msg::FILE_FIELDS_HINT),
    )
}

/// A key written twice in one mapping: YAML readers would keep one silently.
fn twice(field: &str, file: &Path) -> Diagnostic {
    Diagnostic::error(file, &msg::FIELD_TWICE)
        .in_field(field)
        .with_hint(&msg::FIELD_TWICE_HINT)
}

/// A value that is not the number or yes/no its field takes, in words an editor knows.
fn wrong_scalar(ty: &str, file: &Path) -> Option<Diagnostic> {
    let whole_number = [
        "u8", "u16", "u32", "u64", "usize", "i8", "i16", "i32", "i64", "isize",
    ];
    if whole_number.contains(&ty) {
        Some(Diagnostic::error(file, &msg::NOT_A_WHOLE_NUMBER).with_hint(&msg::WHOLE_NUMBER_HINT))
    } else if matches!(ty, "bool" | "boolean") {
        Some(Diagnostic::error(file, &msg::NOT_TRUE_OR_FALSE).with_hint(&msg::TRUE_OR_FALSE_HINT))
    } else {
        None
    }
}

/// A limit of [`YamlLimits`] that `error` says was exceeded, as a diagnostic.
fn over_limit(error: &serde_saphyr::Error, file: &Path, limits: &YamlLimits) -> Option<Diagnostic> {
    use serde_saphyr::budget::BudgetBreach;
    use serde_saphyr::Error as E;
    let too_deep = || {
        Diagnostic::error(file, msg::YAML_TOO_DEEP.arg("limit", limits.max_depth))
            .with_hint(&msg::YAML_TOO_DEEP_HINT)
    };
    let aliases = || {
        Diagnostic::error(
            file,
            msg::YAML_ALIASES_TOO_MANY.arg("limit", limits.max_alias_expansion),
        )
        .with_hint(&msg::YAML_ALIASES_HINT)
    };
    match error {
        E::Budget { breach, .. } => match breach {
            BudgetBreach::Depth { .. } => Some(too_deep()),
            BudgetBreach::Aliases { .. } => Some(aliases()),
            _ => None,
        },
        E::AliasReplayLimitExceeded { .. }
        | E::AliasExpansionLimitExceeded { .. }
        | E::AliasReplayStackDepthExceeded { .. } => Some(aliases()),
        _ => None,
    }
}

/// Names as `a`, `b`, `c`.
fn quoted_list(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|name| format!("`{name}`")).collect();
    quoted.join(", ")
}

/// `field`, unknown, at `path` (the same at the top of the file, `curation.curatr` below).
fn unknown_field(field: &str, path: &str, expected: &[&'static str], file: &Path) -> Diagnostic {
    let hint = match did_you_mean(field, expected.iter().copied()) {
        Some(close) => msg::DID_YOU_MEAN.arg("name", close),
        // Field names are the file's own words, quoted like the field itself.
        None => msg::ALLOWED_FIELDS.arg("fields", quoted_list(expected)),
    };
    Diagnostic::error(file, msg::UNKNOWN_FIELD.arg("field", field))
        .in_field(path)
        .with_hint(hint)
}

/// saphyr appends " at line L, column C"; the diagnostic prints the line itself.
fn message_without_position(error: &serde_saphyr::Error) -> String {
    let message = error.to_string();
    match error.location() {
        Some(at) => {
            let suffix = format!(" at line {}, column {}", at.line(), at.column());
            message
                .strip_suffix(&suffix)
                .map(str::to_owned)
                .unwrap_or(message)
        }
        None => message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Sample {
        name: String,
        category: Option<String>,
        count: Option<u32>,
    }

    fn error_of(text: &str) -> String {
        only_problem(parse::<Sample>(text, Path::new("x/sample.yaml"), 1).unwrap_err()).to_string()
    }

    #[test]
    fn unknown_field_suggests_the_close_one() {
        assert_eq!(
            error_of("name: a\ncatgory: b\n"),
            "error: x/sample.yaml:2: field `catgory`: unknown field `catgory`\n  hint: did you mean `category`?"
        );
    }

    #[test]
    fn missing_field_names_it() {
        assert!(error_of("count: 3\n").contains("required field `name` is missing"));
    }

    #[test]
    fn bad_value_points_at_its_line() {
        let text = error_of("name: a\ncount: many\n");
        assert_eq!(
            text,
            "error: x/sample.yaml:2: field `count`: expected a whole number (digits only); found the text `many`\n  hint: write digits only, without dots, spaces or words, e.g. `10` or `350000`"
        );
    }

    #[test]
    fn nesting_beyond_the_limit_is_refused() {
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        struct Any {
            name: serde_saphyr::Spanned<std::collections::BTreeMap<String, Vec<Vec<String>>>>,
        }
        let text = "name:\n  a:\n    - [x]\n";
        let limits = YamlLimits {
            max_depth: 3,
            max_alias_expansion: 10,
        };
        let error =
            only_problem(parse_within::<Any>(text, Path::new("p.yaml"), 1, &limits).unwrap_err())
                .to_string();
        assert_eq!(
            error,
            "error: p.yaml:3: nests deeper than 3 levels\n  hint: entries need only a few levels of indentation; or raise `limits.max_yaml_depth` in catalogue.yaml"
        );
    }

    #[test]
    fn aliases_beyond_the_budget_are_refused() {
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        struct Tags {
            tags: Vec<String>,
        }
        let text = format!("tags: [&t a{}]\n", ", *t".repeat(11));
        let limits = YamlLimits {
            max_depth: 32,
            max_alias_expansion: 10,
        };
        let error =
            only_problem(parse_within::<Tags>(&text, Path::new("p.yaml"), 1, &limits).unwrap_err())
                .to_string();
        assert!(
            error.starts_with("error: p.yaml:1: its aliases (`*name`) copy more than 10 values\n"),
            "{error}"
        );
        // Many aliases of one anchor are fine within the budget.
        let many = format!("tags: [&t a{}]\n", ", *t".repeat(150));
        assert!(parse::<Tags>(&many, Path::new("p.yaml"), 1).is_ok());
        assert!(
            parse_within::<Tags>(&text.replace(", *t", ", b"), Path::new("p"), 1, &limits).is_ok()
        );
    }

    #[test]
    fn first_line_offsets_the_position() {
        let d =
            only_problem(parse::<Sample>("name: a\nbogus: 1\n", Path::new("a.md"), 2).unwrap_err());
        assert_eq!(d.line, Some(3));
    }
}
