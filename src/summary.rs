//! The table `etalase check` prints after its diagnostics: the warnings counted by kind, each
//! row naming the entries concerned, fitted to an 80-column terminal.

use std::path::{Component, Path};

use crate::diagnostic::{Diagnostic, Severity};
use crate::messages::{self as msg, Lang, Template};

/// How wide the table may be.
const WIDTH: usize = 80;

/// The row each kind of warning is counted in; any other warning counts as "other".
static ROWS: &[(&Template, &Template)] = &[
    (&msg::NO_TRANSLATION, &msg::ROW_TRANSLATION),
    (&msg::NO_LANGUAGE_FILE, &msg::ROW_TRANSLATION),
    (&msg::PHOTO_WITHOUT_ALT, &msg::ROW_ALT),
    (&msg::PHOTO_IN_TEXT_WITHOUT_ALT, &msg::ROW_ALT),
    (&msg::PHOTO_TOO_SMALL_FOR_PRINT, &msg::ROW_TOO_SMALL),
    (&msg::PRODUCT_WITHOUT_PRICE, &msg::ROW_NO_PRICE),
    (&msg::PRODUCT_WITHOUT_PHOTO, &msg::ROW_NO_PHOTO),
    (
        &msg::PRODUCT_WITHOUT_AVAILABILITY,
        &msg::ROW_NO_AVAILABILITY,
    ),
    (&msg::LINK_FROM_SERVER_ROOT, &msg::ROW_ROOT_LINK),
];

/// One row: what the problem is, how often it occurs and where.
struct Row {
    title: &'static Template,
    count: usize,
    places: Vec<String>,
}

/// The table of the warnings among `diagnostics`, in `lang`; `None` when there are none.
pub fn warning_table(diagnostics: &[Diagnostic], lang: Lang) -> Option<String> {
    let rows = rows(diagnostics);
    if rows.is_empty() {
        return None;
    }
    let total: usize = rows.iter().map(|r| r.count).sum();
    let count_heading = msg::SUMMARY_COUNT.text(lang);
    let problem_heading = msg::SUMMARY_PROBLEM.text(lang);
    let count_width = count_heading.chars().count().max(5);
    let title_width = rows
        .iter()
        .map(|r| r.title.text(lang).chars().count())
        .chain([problem_heading.chars().count()])
        .max()
        .unwrap_or(0);
    let where_width = WIDTH
        .saturating_sub(2 + count_width + 2 + title_width + 2)
        .max(20);
    let line = |count: &str, title: &str, places: &str| {
        let places = shorten(places, where_width);
        let text = format!("  {count:>count_width$}  {title:<title_width$}  {places}");
        text.trim_end().to_owned()
    };
    let mut table = vec![
        msg::SUMMARY_TITLE.arg("count", total).render(lang),
        line(
            count_heading,
            problem_heading,
            msg::SUMMARY_WHERE.text(lang),
        ),
    ];
    for row in &rows {
        let count = row.count.to_string();
        table.push(line(&count, row.title.text(lang), &row.places.join(", ")));
    }
    Some(table.join("\n"))
}

/// The warnings grouped by row, in the order of [`ROWS`], "other" last.
fn rows(diagnostics: &[Diagnostic]) -> Vec<Row> {
    let mut rows: Vec<Row> = Vec::new();
    for warning in diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Warning)
    {
        let title = ROWS
            .iter()
            .find(|(kind, _)| warning.message.is(kind))
            .map_or(&msg::ROW_OTHER, |(_, title)| *title);
        let place = place_of(&warning.file);
        match rows.iter_mut().find(|r| r.title.key() == title.key()) {
            Some(row) => {
                row.count += 1;
                if !row.places.contains(&place) {
                    row.places.push(place);
                }
            }
            None => rows.push(Row {
                title,
                count: 1,
                places: vec![place],
            }),
        }
    }
    let order = |row: &Row| {
        ROWS.iter()
            .position(|(_, title)| title.key() == row.title.key())
            .unwrap_or(ROWS.len())
    };
    rows.sort_by_key(order);
    rows
}

/// A short name for where a warning is: the entry's slug for its own files
/// (`content/products/x/product.yaml` -> `x`), `x/photo.jpg` for other files of an entry,
/// the path for anything else.
fn place_of(file: &Path) -> String {
    let parts: Vec<String> = file
        .components()
        .filter_map(|c| match c {
            Component::Normal(part) => Some(part.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect();
    match parts.as_slice() {
        [content, _section, slug, rest @ ..] if content == "content" => match rest {
            [] => slug.clone(),
            [name] if name.ends_with(".yaml") || name.ends_with(".md") => slug.clone(),
            _ => format!("{slug}/{}", rest.join("/")),
        },
        _ => parts.join("/"),
    }
}

/// `text` cut to `width` characters, ending in `…` when cut.
fn shorten(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_owned();
    }
    let kept: String = text.chars().take(width.saturating_sub(1)).collect();
    format!("{kept}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn warning(file: &str, message: crate::messages::Message) -> Diagnostic {
        Diagnostic::warning(file, message)
    }

    #[test]
    fn counts_warnings_by_kind_and_names_the_entries() {
        let diagnostics = [
            warning(
                "content/products/a/product.yaml",
                (&msg::PRODUCT_WITHOUT_PRICE).into(),
            ),
            warning(
                "content/products/b/product.yaml",
                (&msg::PRODUCT_WITHOUT_PRICE).into(),
            ),
            warning(
                "content/products/b/utama.jpg",
                msg::PHOTO_TOO_SMALL_FOR_PRINT
                    .arg("width", 800)
                    .arg("height", 600)
                    .arg("min", 1200),
            ),
            warning("content/zzz", (&msg::UNKNOWN_SECTION).into()),
            Diagnostic::error("content/products/c/product.yaml", &msg::NO_TITLE),
        ];
        let table = warning_table(&diagnostics, Lang::En).unwrap();
        assert_eq!(
            table,
            "warnings by kind (4):\n\
             \x20 count  problem                    where\n\
             \x20     1  photo too small for print  b/utama.jpg\n\
             \x20     2  product without a price    a, b\n\
             \x20     1  other                      content/zzz"
        );
        let tabel = warning_table(&diagnostics, Lang::Id).unwrap();
        assert!(
            tabel.contains("\n  jumlah  masalah                         di mana\n"),
            "{tabel}"
        );
        assert!(
            tabel.contains("     2  produk tanpa harga              a, b"),
            "{tabel}"
        );
        assert_eq!(warning_table(&diagnostics[4..], Lang::En), None);
    }

    #[test]
    fn long_lists_fit_in_80_columns() {
        let diagnostics: Vec<Diagnostic> = (0..40)
            .map(|i| {
                warning(
                    &format!("content/products/produk-nomor-{i}/product.yaml"),
                    (&msg::PRODUCT_WITHOUT_PHOTO).into(),
                )
            })
            .collect();
        let table = warning_table(&diagnostics, Lang::Id).unwrap();
        for line in table.lines() {
            assert!(line.chars().count() <= WIDTH, "{line}");
        }
        assert!(table.ends_with('…'), "{table}");
    }
}
