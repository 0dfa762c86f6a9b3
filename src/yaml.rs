//! YAML text -> raw structs, with parse errors turned into diagnostics that point at a line.

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::diagnostic::{did_you_mean, Diagnostic};
use crate::messages as msg;

/// Parses `text` (the contents of `file`, starting at line `first_line`) into `T`.
pub fn parse<T: DeserializeOwned>(
    text: &str,
    file: &Path,
    first_line: u64,
) -> Result<T, Diagnostic> {
    serde_saphyr::from_str(text).map_err(|error| to_diagnostic(&error, file, first_line))
}

fn to_diagnostic(error: &serde_saphyr::Error, file: &Path, first_line: u64) -> Diagnostic {
    let error = error.without_snippet();
    let line = error.location().map(|l| l.line() + first_line - 1);
    match error {
        serde_saphyr::Error::SerdeUnknownField {
            field, expected, ..
        } => unknown_field(field, expected, file).at_line(line),
        serde_saphyr::Error::SerdeMissingField { field, .. } => {
            Diagnostic::error(file, msg::MISSING_FIELD.arg("field", field))
                .at_line(line)
                .with_hint(msg::ADD_FIELD_LINE.arg("field", field))
        }
        other => Diagnostic::error(
            file,
            msg::YAML_INVALID.arg("detail", message_without_position(other)),
        )
        .at_line(line)
        .with_hint(&msg::YAML_INVALID_HINT),
    }
}

fn unknown_field(field: &str, expected: &[&'static str], file: &Path) -> Diagnostic {
    let hint = match did_you_mean(field, expected.iter().copied()) {
        Some(close) => msg::DID_YOU_MEAN.arg("name", close),
        None => msg::ALLOWED_FIELDS.arg("fields", expected.join(", ")),
    };
    Diagnostic::error(file, msg::UNKNOWN_FIELD.arg("field", field))
        .in_field(field)
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
        parse::<Sample>(text, Path::new("x/product.yaml"), 1)
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn unknown_field_suggests_the_close_one() {
        assert_eq!(
            error_of("name: a\ncatgory: b\n"),
            "error: x/product.yaml:2: field `catgory`: unknown field `catgory`\n  hint: did you mean `category`?"
        );
    }

    #[test]
    fn missing_field_names_it() {
        assert!(error_of("count: 3\n").contains("required field `name` is missing"));
    }

    #[test]
    fn bad_value_points_at_its_line() {
        let text = error_of("name: a\ncount: many\n");
        assert!(
            text.starts_with("error: x/product.yaml:2: invalid u32"),
            "{text}"
        );
    }

    #[test]
    fn first_line_offsets_the_position() {
        let d = parse::<Sample>("name: a\nbogus: 1\n", Path::new("a.md"), 2).unwrap_err();
        assert_eq!(d.line, Some(3));
    }
}
