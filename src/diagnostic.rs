//! The errors and warnings users see: which file, which line, which field, and how to fix it.
//! Their words come from the table in `messages`, shown in the language the user chose.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::excerpt::Excerpt;
use crate::fields::{GtinProblem, Marketplace, ShopLinkProblem, Sku, SkuProblem};
use crate::messages::{self as msg, Lang, Message};

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
    /// Boxed rather than a `String`, with [`Spot`] boxed too, so a diagnostic stays under
    /// the size clippy allows for an error passed by value.
    pub field: Option<Box<str>>,
    pub message: Message,
    pub hint: Option<Message>,
    /// Where on `line` and what the line says, when known; boxed, since most diagnostics
    /// have neither and errors are passed around by value.
    pub spot: Option<Box<Spot>>,
}

/// The column of a diagnostic's line and the line itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Spot {
    /// The column (from 1) of the value on the line, when the reader knows it.
    pub column: Option<u64>,
    /// The line of the file itself, once [`crate::excerpt::attach`] has read it.
    pub excerpt: Option<Excerpt>,
}

impl Diagnostic {
    /// An error in `file`.
    pub fn error(file: impl Into<PathBuf>, message: impl Into<Message>) -> Self {
        Self::new(Severity::Error, file.into(), message.into())
    }

    /// A warning in `file`.
    pub fn warning(file: impl Into<PathBuf>, message: impl Into<Message>) -> Self {
        Self::new(Severity::Warning, file.into(), message.into())
    }

    fn new(severity: Severity, file: PathBuf, message: Message) -> Self {
        Diagnostic {
            severity,
            file,
            line: None,
            field: None,
            message,
            hint: None,
            spot: None,
        }
    }

    /// Points the diagnostic at a line (1-based).
    pub fn at_line(mut self, line: Option<u64>) -> Self {
        self.line = line;
        self
    }

    /// Points the diagnostic at a column (from 1) of its line.
    pub fn at_column(mut self, column: Option<u64>) -> Self {
        self.spot.get_or_insert_with(Box::default).column = column;
        self
    }

    /// The column (from 1) of the value on the line, when known.
    pub fn column(&self) -> Option<u64> {
        self.spot.as_ref().and_then(|spot| spot.column)
    }

    /// The line of the file, when it has been read.
    pub fn excerpt(&self) -> Option<&Excerpt> {
        self.spot.as_ref().and_then(|spot| spot.excerpt.as_ref())
    }

    /// Shows `excerpt` (the line of the file) under the diagnostic.
    pub fn set_excerpt(&mut self, excerpt: Option<Excerpt>) {
        self.spot.get_or_insert_with(Box::default).excerpt = excerpt;
    }

    /// Names the field (a dotted path such as `photos[0].file`).
    pub fn in_field(mut self, field: impl Into<String>) -> Self {
        self.field = Some(field.into().into_boxed_str());
        self
    }

    /// Adds a hint saying how to fix the problem.
    pub fn with_hint(mut self, hint: impl Into<Message>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Adds a hint only when there is one.
    pub fn with_optional_hint(mut self, hint: Option<Message>) -> Self {
        self.hint = hint;
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The diagnostic as users read it, in `lang`: `error: FILE:LINE: field `F`: MESSAGE`,
    /// then `  hint: HINT` on the next line. Paths, fields and values stay as written.
    pub fn render(&self, lang: Lang) -> String {
        let mut place = self.file.display().to_string();
        if let Some(line) = self.line {
            place.push_str(&format!(":{line}"));
        }
        if let Some(field) = &self.field {
            let field = msg::LABEL_FIELD.arg("field", field).render(lang);
            place.push_str(&format!(": {field}"));
        }
        render_problem(
            self.severity,
            &place,
            &self.message,
            self.hint.as_ref(),
            lang,
        )
    }

    /// Like [`Diagnostic::render`], with the line of the file under the first line when it
    /// is known: what the commands print and `serve` shows.
    pub fn render_with_source(&self, lang: Lang) -> String {
        let rendered = self.render(lang);
        let Some(excerpt) = self.excerpt() else {
            return rendered;
        };
        let (first, rest) = match rendered.split_once('\n') {
            Some((first, rest)) => (first, Some(rest)),
            None => (rendered.as_str(), None),
        };
        let mut text = first.to_owned();
        for line in excerpt.lines() {
            text.push('\n');
            text.push_str(&line);
        }
        if let Some(rest) = rest {
            text.push('\n');
            text.push_str(rest);
        }
        text
    }

    /// The diagnostic in `lang`, for `format!` and `println!`.
    pub fn display(&self, lang: Lang) -> impl fmt::Display + '_ {
        Rendered {
            diagnostic: self,
            lang,
        }
    }

    /// File, line, severity, column, message: problems of one line in the order they stand
    /// on it; the line counting a file's problems not shown ([`crate::yaml`]) after the file's
    /// others.
    fn sort_key(&self) -> (&Path, u64, Severity, Option<u64>, String) {
        let line = if self.message.is(&msg::MORE_PROBLEMS_IN_FILE) {
            u64::MAX
        } else {
            self.line.unwrap_or(0)
        };
        (
            &self.file,
            line,
            self.severity,
            self.column(),
            self.message.render(Lang::En),
        )
    }
}

struct Rendered<'a> {
    diagnostic: &'a Diagnostic,
    lang: Lang,
}

impl fmt::Display for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.diagnostic.render(self.lang))
    }
}

/// In English; use [`Diagnostic::render`] for the user's language.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

/// A problem as users read it: `error: PLACE: MESSAGE`, then `  hint: HINT` on the next line,
/// in `lang`. `PLACE` says where (a file and line, a spreadsheet's cell) as written.
pub fn render_problem(
    severity: Severity,
    place: &str,
    message: &Message,
    hint: Option<&Message>,
    lang: Lang,
) -> String {
    let label = match severity {
        Severity::Error => &msg::LABEL_ERROR,
        Severity::Warning => &msg::LABEL_WARNING,
    };
    let mut text = format!("{}: {place}: {}", label.text(lang), message.render(lang));
    if let Some(hint) = hint {
        let label = msg::LABEL_HINT.text(lang);
        text.push_str(&format!("\n  {label}: {}", hint.render(lang)));
    }
    text
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

    /// Keeps only the diagnostics `keep` says yes to.
    pub fn retain(&mut self, keep: impl FnMut(&Diagnostic) -> bool) {
        self.items.retain(keep);
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
        self.items.sort_by_cached_key(|d| {
            let (file, line, severity, column, message) = d.sort_key();
            (
                file.to_owned(),
                line,
                severity,
                column,
                message,
                d.field.clone(),
            )
        });
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

/// A hint for an unknown name: "did you mean `x`?" when one is close, else the list of known
/// names; `kind` names what they are (such as [`msg::KIND_PRODUCERS`]).
pub fn unknown_name_hint(word: &str, kind: &'static msg::Template, known: &[&str]) -> Message {
    match did_you_mean(word, known.iter().copied()) {
        Some(close) => msg::DID_YOU_MEAN.arg("name", close),
        None if known.is_empty() => msg::NONE_YET.nested("kind", kind),
        None => msg::KNOWN_NAMES
            .nested("kind", kind)
            .nested("names", list_for_hint(known)),
    }
}

/// What is wrong with a link filed under `marketplace`, and how to write it; the YAML path and the
/// import say the same.
pub fn shop_link_problem_text(
    marketplace: Marketplace,
    value: &str,
    problem: &ShopLinkProblem,
) -> (Message, Message) {
    let example = marketplace.example();
    match problem {
        ShopLinkProblem::NotAUrl => (
            msg::SHOP_NOT_A_URL.arg("value", value),
            msg::SHOP_URL_HINT.arg("example", example),
        ),
        ShopLinkProblem::NotHttps => (
            msg::SHOP_NOT_HTTPS.arg("value", value),
            msg::SHOP_URL_HINT.arg("example", example),
        ),
        ShopLinkProblem::WrongHost { host } => {
            let name = marketplace.name().en;
            (
                msg::SHOP_WRONG_SITE
                    .arg("value", value)
                    .arg("name", name)
                    .arg("host", host),
                msg::SHOP_WRONG_SITE_HINT
                    .arg("name", name)
                    .arg("sites", marketplace.hosts().join(", "))
                    .arg("example", example),
            )
        }
    }
}

/// What is wrong with a product code as typed, and how to write one; the YAML path and the
/// import say the same.
pub fn sku_problem_text(value: &str, problem: SkuProblem) -> (Message, Message) {
    let message = match problem {
        SkuProblem::Empty => Message::from(&msg::SKU_EMPTY),
        SkuProblem::TooLong { chars } => msg::SKU_TOO_LONG
            .arg("value", value.trim())
            .arg("chars", chars)
            .arg("max", Sku::MAX_CHARS),
        SkuProblem::Control => Message::from(&msg::SKU_CONTROL),
    };
    (message, msg::SKU_HINT.arg("max", Sku::MAX_CHARS))
}

/// What is wrong with a barcode number as typed, and how to write one; the YAML path and the
/// import say the same.
pub fn gtin_problem_text(value: &str, problem: GtinProblem) -> (Message, Message) {
    let message = match problem {
        GtinProblem::NotDigits => msg::GTIN_NOT_DIGITS.arg("value", value),
        GtinProblem::Length { digits } => {
            msg::GTIN_LENGTH.arg("value", value).arg("digits", digits)
        }
        GtinProblem::CheckDigit => msg::GTIN_CHECK_DIGIT.arg("value", value),
    };
    (message, Message::from(&msg::GTIN_HINT))
}

/// A comma-separated list, shortened after a dozen names so hints stay readable.
pub fn list_for_hint(names: &[&str]) -> Message {
    const SHOWN: usize = 12;
    let shown = names
        .iter()
        .take(SHOWN)
        .copied()
        .collect::<Vec<_>>()
        .join(", ");
    if names.len() > SHOWN {
        msg::NAMES_AND_MORE
            .arg("names", shown)
            .arg("count", names.len() - SHOWN)
    } else {
        msg::NAMES.arg("names", shown)
    }
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
        let d = Diagnostic::error(
            "content/products/a/product.yaml",
            msg::CATEGORY_UNDEFINED.arg("slug", "batk"),
        )
        .at_line(Some(3))
        .in_field("category")
        .with_hint(msg::DID_YOU_MEAN.arg("name", "batik"));
        assert_eq!(
            d.to_string(),
            "error: content/products/a/product.yaml:3: field `category`: category `batk` is not defined in catalogue.yaml\n  hint: did you mean `batik`?"
        );
        assert_eq!(
            d.render(Lang::Id),
            "kesalahan: content/products/a/product.yaml:3: kolom `category`: kategori `batk` tidak ada di catalogue.yaml\n  petunjuk: mungkin maksud Anda `batik`?"
        );
    }

    #[test]
    fn sorts_by_file_then_line() {
        let mut all = Diagnostics::default();
        let text = |t: &str| msg::VERBATIM.arg("detail", t);
        all.push(Diagnostic::error("b.yaml", text("x")).at_line(Some(1)));
        all.push(Diagnostic::error("a.yaml", text("y")).at_line(Some(9)));
        all.push(Diagnostic::error("a.yaml", text("z")).at_line(Some(2)));
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
        let list = list_for_hint(&refs);
        assert!(list.render(Lang::En).ends_with("p11, … (3 more)"));
        assert!(list.render(Lang::Id).ends_with("p11, … (3 lainnya)"));
    }
}
