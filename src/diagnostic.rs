//! The errors and warnings users see: which file, which line, which field, and how to fix it.

use std::fmt;
use std::path::{Path, PathBuf};

/// How bad a diagnostic is: errors fail the build, warnings only inform.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// One problem found in the catalogue, pointing at a file relative to the catalogue root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub file: PathBuf,
    pub line: Option<u64>,
    pub field: Option<String>,
    pub message: String,
    pub hint: Option<String>,
}

impl Diagnostic {
    /// An error in `file`.
    pub fn error(file: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, file.into(), message.into())
    }

    /// A warning in `file`.
    pub fn warning(file: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, file.into(), message.into())
    }

    fn new(severity: Severity, file: PathBuf, message: String) -> Self {
        Diagnostic {
            severity,
            file,
            line: None,
            field: None,
            message,
            hint: None,
        }
    }

    /// Points the diagnostic at a line (1-based).
    pub fn at_line(mut self, line: Option<u64>) -> Self {
        self.line = line;
        self
    }

    /// Names the field (a dotted path such as `photos[0].file`).
    pub fn in_field(mut self, field: impl Into<String>) -> Self {
        self.field = Some(field.into());
        self
    }

    /// Adds a hint saying how to fix the problem.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Adds a hint only when there is one.
    pub fn with_optional_hint(mut self, hint: Option<String>) -> Self {
        self.hint = hint;
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    fn sort_key(&self) -> (&Path, u64, Severity, &str) {
        (
            &self.file,
            self.line.unwrap_or(0),
            self.severity,
            &self.message,
        )
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{label}: {}", self.file.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(field) = &self.field {
            write!(f, ": field `{field}`")?;
        }
        write!(f, ": {}", self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  hint: {hint}")?;
        }
        Ok(())
    }
}

/// Every diagnostic of one build, collected so they can all be reported at once.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    pub fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(Diagnostic::is_error)
    }

    pub fn error_count(&self) -> usize {
        self.items.iter().filter(|d| d.is_error()).count()
    }

    pub fn warning_count(&self) -> usize {
        self.items.len() - self.error_count()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Turns every warning into an error (`check --strict`).
    pub fn make_warnings_errors(&mut self) {
        for item in &mut self.items {
            item.severity = Severity::Error;
        }
    }

    /// The diagnostics ordered by file, then line, so output is stable.
    pub fn sorted(mut self) -> Vec<Diagnostic> {
        self.items
            .sort_by(|a, b| a.sort_key().cmp(&b.sort_key()).then(a.field.cmp(&b.field)));
        self.items.dedup();
        self.items
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }
}

/// The closest candidate to a misspelt or shortened `word`, if one is likely what was meant.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let max_distance = (word.chars().count() / 3).max(1);
    let candidates: Vec<&str> = candidates.into_iter().collect();
    let closest = candidates
        .iter()
        .map(|candidate| (strsim::levenshtein(word, candidate), *candidate))
        .filter(|(distance, _)| *distance <= max_distance)
        .min()
        .map(|(_, candidate)| candidate);
    closest.or_else(|| only_extension_of(word, &candidates))
}

/// The single candidate that starts with `word` (a slug typed short, such as `batik-sekar`).
fn only_extension_of<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    if word.chars().count() < 4 {
        return None;
    }
    let mut longer = candidates.iter().filter(|c| c.starts_with(word));
    match (longer.next(), longer.next()) {
        (Some(only), None) => Some(only),
        _ => None,
    }
}

/// A hint for an unknown name: "did you mean `x`?" when one is close, else the list of known names.
pub fn unknown_name_hint(word: &str, kind: &str, known: &[&str]) -> String {
    match did_you_mean(word, known.iter().copied()) {
        Some(close) => format!("did you mean `{close}`?"),
        None if known.is_empty() => format!("there are no {kind} yet"),
        None => format!("known {kind}: {}", list_for_hint(known)),
    }
}

/// A comma-separated list, shortened after a dozen names so hints stay readable.
pub fn list_for_hint(names: &[&str]) -> String {
    const SHOWN: usize = 12;
    let mut text = names
        .iter()
        .take(SHOWN)
        .copied()
        .collect::<Vec<_>>()
        .join(", ");
    if names.len() > SHOWN {
        text.push_str(&format!(", … ({} more)", names.len() - SHOWN));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_closest_field() {
        let fields = ["name", "producer", "category", "price"];
        assert_eq!(did_you_mean("catgory", fields), Some("category"));
        assert_eq!(did_you_mean("prodcer", fields), Some("producer"));
        assert_eq!(did_you_mean("colour", fields), None);
        let producers = ["batik-sekar-jagad", "batik-rengganis"];
        assert_eq!(
            did_you_mean("batik-sekar", producers),
            Some("batik-sekar-jagad")
        );
        assert_eq!(did_you_mean("batik", producers), None, "ambiguous prefix");
    }

    #[test]
    fn displays_file_line_field_and_hint() {
        let d = Diagnostic::error("content/products/a/product.yaml", "unknown category `batk`")
            .at_line(Some(3))
            .in_field("category")
            .with_hint("did you mean `batik`?");
        assert_eq!(
            d.to_string(),
            "error: content/products/a/product.yaml:3: field `category`: unknown category `batk`\n  hint: did you mean `batik`?"
        );
    }

    #[test]
    fn sorts_by_file_then_line() {
        let mut all = Diagnostics::default();
        all.push(Diagnostic::error("b.yaml", "x").at_line(Some(1)));
        all.push(Diagnostic::error("a.yaml", "y").at_line(Some(9)));
        all.push(Diagnostic::error("a.yaml", "z").at_line(Some(2)));
        let lines: Vec<_> = all.sorted().into_iter().map(|d| d.to_string()).collect();
        assert_eq!(
            lines,
            [
                "error: a.yaml:2: z",
                "error: a.yaml:9: y",
                "error: b.yaml:1: x"
            ]
        );
    }

    #[test]
    fn long_lists_are_shortened() {
        let names: Vec<String> = (0..15).map(|i| format!("p{i}")).collect();
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        assert!(list_for_hint(&refs).ends_with("p11, … (3 more)"));
    }
}
