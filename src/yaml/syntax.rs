//! The YAML reader's own words for the syntax mistakes editors make most (a tab, a line
//! indented too far, an unclosed quote or bracket, a value starting with `@`), said plainly
//! in both languages. Anything else keeps the reader's English inside a translated sentence.

use crate::messages::{self as msg, Message};

/// A message and a hint for the reader's `detail`, when it is one of the common mistakes.
pub(super) fn in_plain_words(detail: &str) -> Option<(Message, Message)> {
    let pair = |message: &'static msg::Template, hint: &'static msg::Template| {
        Some((Message::from(message), Message::from(hint)))
    };
    if detail.contains("found a tab") || detail.contains("tab character") {
        pair(&msg::YAML_TAB, &msg::YAML_TAB_HINT)
    } else if detail.contains("mapping values are not allowed") {
        pair(&msg::YAML_COLON_HERE, &msg::YAML_COLON_HERE_HINT)
    } else if detail.contains("unclosed quote") {
        pair(&msg::YAML_UNCLOSED_QUOTE, &msg::YAML_UNCLOSED_QUOTE_HINT)
    } else if detail.contains("trailing content after") && detail.contains("quoted scalar") {
        pair(&msg::YAML_AFTER_QUOTE, &msg::YAML_UNCLOSED_QUOTE_HINT)
    } else if detail.contains("unclosed bracket") {
        pair(
            &msg::YAML_UNCLOSED_BRACKET,
            &msg::YAML_UNCLOSED_BRACKET_HINT,
        )
    } else if detail.contains("did not find expected key") {
        pair(&msg::YAML_EXPECTED_KEY, &msg::YAML_EXPECTED_KEY_HINT)
    } else if detail.contains("unknown anchor") {
        pair(&msg::YAML_UNKNOWN_ANCHOR, &msg::YAML_UNKNOWN_ANCHOR_HINT)
    } else if detail.contains("multiple YAML documents") {
        pair(
            &msg::YAML_SEVERAL_DOCUMENTS,
            &msg::YAML_SEVERAL_DOCUMENTS_HINT,
        )
    } else {
        reserved_character(detail).map(|character| {
            (
                msg::YAML_RESERVED_START.arg("character", character),
                msg::YAML_RESERVED_START_HINT.arg("character", character),
            )
        })
    }
}

/// `@` from "unexpected character: `@'" (the reader quotes it so).
fn reserved_character(detail: &str) -> Option<char> {
    let quoted = detail.split_once("unexpected character: `")?.1;
    let mut chars = quoted.chars();
    let character = chars.next()?;
    (chars.next() == Some('\'')).then_some(character)
}

#[cfg(test)]
mod tests {
    use crate::messages::Lang;
    use std::path::Path;

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Entry {
        name: Option<String>,
        kind: Option<String>,
        languages: Option<Vec<String>>,
        min_order: Option<u32>,
    }

    fn error_of(text: &str) -> (String, String) {
        let problem = super::super::only_problem(
            super::super::parse::<Entry>(text, Path::new("p.yaml"), 1).unwrap_err(),
        );
        (problem.render(Lang::En), problem.render(Lang::Id))
    }

    #[test]
    fn common_mistakes_are_said_plainly_in_both_languages() {
        let cases = [
            (
                "name: a\n\tkind: ukm\n",
                "a tab is used for indentation",
                "ada tab",
            ),
            (
                "name: a\n  kind: ukm\n",
                "`key: value` cannot start here",
                "`kunci: nilai` tidak boleh",
            ),
            (
                "min_order: 10: 20\n",
                "`key: value` cannot start here",
                "`kunci: nilai` tidak boleh",
            ),
            (
                "name: \"abc\n",
                "a quote (`\"` or `'`) is opened but not closed",
                "tanda kutip",
            ),
            (
                "languages: [id, en\n",
                "a bracket (`[` or `{`) is opened but not closed",
                "tanda kurung",
            ),
            (
                "name: a\n- b\n",
                "this line is neither `key: value`",
                "baris ini bukan",
            ),
            ("name: *nope\n", "`*` refers to an anchor", "`*` merujuk"),
            (
                "name: a\n---\nkind: b\n",
                "more than one YAML document",
                "lebih dari satu",
            ),
            (
                "name: @x\n",
                "the value starts with `@`",
                "nilainya diawali `@`",
            ),
        ];
        for (text, english, indonesian) in cases {
            let (en, id) = error_of(text);
            assert!(en.contains(english), "{text:?}: {en}");
            assert!(id.contains(indonesian), "{text:?}: {id}");
            for jargon in [
                "scanning",
                "mapping values",
                "unclosed",
                "from_str",
                "block mapping",
            ] {
                assert!(
                    !en.contains(jargon) && !id.contains(jargon),
                    "{text:?}: {en}"
                );
            }
        }
        // A quote left open runs on to the next quote, lines further down.
        let (en, id) = error_of("name: \"a\nkind: \"b\" c\n");
        assert!(
            en.contains("a quote opened on an earlier line may not be closed"),
            "{en}"
        );
        assert!(
            id.contains("tanda kutip di baris sebelumnya belum ditutup"),
            "{id}"
        );
        let (en, _) = error_of("name: @x\n");
        assert!(
            en.ends_with("hint: put the value in quotes: `\"@...\"`"),
            "{en}"
        );
    }
}
