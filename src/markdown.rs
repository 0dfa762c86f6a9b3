//! Markdown -> safe HTML: front matter split off, headings moved below the page title,
//! and the result sanitised so no script, event handler or `javascript:` link survives.

use std::sync::OnceLock;

use pulldown_cmark::{html, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// A Markdown file split into its optional YAML front matter and its body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split<'a> {
    pub front_matter: Option<&'a str>,
    pub body: &'a str,
    /// The line of the file where the front matter's first line is (for diagnostics).
    pub front_matter_line: u64,
}

/// Splits `---\n<yaml>\n---\n<body>`; text without a leading `---` line is all body.
pub fn split_front_matter(text: &str) -> Split<'_> {
    let no_front = Split {
        front_matter: None,
        body: text,
        front_matter_line: 2,
    };
    let Some(rest) = text.strip_prefix("---\n") else {
        return no_front;
    };
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" {
            return Split {
                front_matter: Some(&rest[..offset]),
                body: &rest[offset + line.len()..],
                front_matter_line: 2,
            };
        }
        offset += line.len();
    }
    no_front
}

/// Renders Markdown to sanitised HTML; `#` headings become `<h2>` since the page owns `<h1>`.
pub fn to_html(markdown: &str) -> String {
    let events = Parser::new_ext(markdown, options()).map(demote_heading);
    let mut unsafe_html = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut unsafe_html, events);
    sanitiser().clean(&unsafe_html).to_string()
}

/// The first paragraph as plain text, cut at about `max_chars` on a word boundary.
pub fn summary(markdown: &str, max_chars: usize) -> String {
    let mut text = String::new();
    let mut in_paragraph = false;
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Start(Tag::Paragraph) => in_paragraph = true,
            Event::End(TagEnd::Paragraph) if !text.trim().is_empty() => break,
            Event::End(TagEnd::Paragraph) => in_paragraph = false,
            Event::Text(t) | Event::Code(t) if in_paragraph => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak if in_paragraph => text.push(' '),
            _ => {}
        }
    }
    shorten(text.trim(), max_chars)
}

fn shorten(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max_chars).collect();
    let at_word = cut.rfind(' ').map_or(cut.as_str(), |space| &cut[..space]);
    format!("{}…", at_word.trim_end_matches([',', '.', ';', ':', ' ']))
}

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_SMART_PUNCTUATION
}

fn demote_heading(event: Event<'_>) -> Event<'_> {
    match event {
        Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        }) => Event::Start(Tag::Heading {
            level: lower(level),
            id,
            classes,
            attrs,
        }),
        Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(lower(level))),
        other => other,
    }
}

fn lower(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H2,
        HeadingLevel::H2 => HeadingLevel::H3,
        HeadingLevel::H3 => HeadingLevel::H4,
        HeadingLevel::H4 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

fn sanitiser() -> &'static ammonia::Builder<'static> {
    static SANITISER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    SANITISER.get_or_init(|| {
        let mut builder = ammonia::Builder::default();
        builder
            .url_schemes(["http", "https", "mailto", "tel"].into())
            .link_rel(Some("noopener noreferrer"));
        builder
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter() {
        let split = split_front_matter("---\nname: Onde-onde\n---\nBody\n");
        assert_eq!(split.front_matter, Some("name: Onde-onde\n"));
        assert_eq!(split.body, "Body\n");
        assert_eq!(split_front_matter("No front\n---\n").front_matter, None);
        assert_eq!(split_front_matter("---\nunclosed\n").front_matter, None);
    }

    #[test]
    fn removes_scripts_handlers_and_javascript_links() {
        let html = to_html(
            "Hi <script>alert(1)</script> <img src=x onerror=alert(2)> [x](javascript:alert(3))",
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("onerror"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
    }

    #[test]
    fn keeps_tables_and_lists_and_demotes_headings() {
        let html = to_html("# Ukuran\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- satu\n- dua\n");
        assert!(html.contains("<h2>Ukuran</h2>"), "{html}");
        assert!(
            html.contains("<table>") && html.contains("<td>1</td>"),
            "{html}"
        );
        assert!(html.contains("<li>satu</li>"), "{html}");
    }

    #[test]
    fn summary_is_the_first_paragraph_shortened() {
        assert_eq!(
            summary("# Title\n\nFirst *part* here.\n\nSecond.", 100),
            "First part here."
        );
        assert_eq!(summary("one two three four", 10), "one two…");
    }
}
