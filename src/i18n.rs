//! Languages: translated text as editors write it, and each language's name and locale. The
//! site's interface labels are `render::labels`; prices and dates are spelt by `fields`.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;

/// Text as written in YAML: either one string for every language or `{ id: ..., en: ... }`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RawText {
    Same(String),
    PerLanguage(BTreeMap<String, String>),
}

impl<'de> Deserialize<'de> for RawText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(RawTextVisitor)
    }
}

struct RawTextVisitor;

impl<'de> Visitor<'de> for RawTextVisitor {
    type Value = RawText;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a text, or one text per language such as `{ id: ..., en: ... }`")
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<RawText, E> {
        Ok(RawText::Same(value.to_owned()))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<RawText, E> {
        Ok(RawText::Same(value.to_string()))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<RawText, E> {
        Ok(RawText::Same(value.to_string()))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawText, A::Error> {
        let mut texts = BTreeMap::new();
        while let Some((lang, text)) = map.next_entry::<String, String>()? {
            texts.insert(lang, text);
        }
        Ok(RawText::PerLanguage(texts))
    }
}

/// Validated text with a value for some of the catalogue's languages.
///
/// The texts sit in a short list sorted by language, each boxed to its exact length: a product
/// holds six of these (name, unit, description as HTML, words and plain text, summary), and as
/// `BTreeMap<String, String>` each took a 540-byte tree node plus the slack of strings grown
/// while they were made. The list took a 100,000-product build's peak memory from 2,665 to
/// 2,205 MB (`/usr/bin/time -v etalase build`, synthetic catalogue of `bench/synth_catalogue.rs`;
/// "Province scale: the build" in docs/benchmarks.md).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Translated {
    /// Sorted by language, each language at most once.
    by_lang: Vec<(Box<str>, Box<str>)>,
}

/// Text chosen for one language: `lang` differs from the page's when it fell back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Localized<'a> {
    pub text: &'a str,
    pub lang: &'a str,
}

impl Translated {
    /// The same text in every language (proper nouns, single-language input).
    pub fn same(text: &str, languages: &[String]) -> Self {
        let mut translated = Translated::default();
        for lang in languages {
            translated.set(lang, text.to_owned());
        }
        translated
    }

    pub fn from_raw(raw: &RawText, languages: &[String]) -> Self {
        match raw {
            RawText::Same(text) => Self::same(text, languages),
            RawText::PerLanguage(map) => Translated {
                // A `BTreeMap` iterates in key order: the list comes out sorted.
                by_lang: map
                    .iter()
                    .filter(|(_, text)| !text.trim().is_empty())
                    .map(|(lang, text)| (lang.as_str().into(), text.as_str().into()))
                    .collect(),
            },
        }
    }

    pub fn set(&mut self, lang: &str, text: String) {
        let text = text.into_boxed_str();
        match self.position(lang) {
            Ok(at) => self.by_lang[at].1 = text,
            Err(at) => self.by_lang.insert(at, (lang.into(), text)),
        }
    }

    /// Where `lang` is in the list, or where it would go.
    fn position(&self, lang: &str) -> Result<usize, usize> {
        self.by_lang
            .binary_search_by(|(have, _)| (**have).cmp(lang))
    }

    fn entry(&self, lang: &str) -> Option<&(Box<str>, Box<str>)> {
        self.position(lang).ok().map(|at| &self.by_lang[at])
    }

    pub fn has(&self, lang: &str) -> bool {
        self.position(lang).is_ok()
    }

    pub fn is_empty(&self) -> bool {
        self.by_lang.is_empty()
    }

    /// Text in `lang`, else in the default language, else in any language.
    pub fn get<'a>(&'a self, lang: &'a str, default_lang: &'a str) -> Localized<'a> {
        let found = self
            .entry(lang)
            .or_else(|| self.entry(default_lang))
            .or_else(|| self.by_lang.first());
        match found {
            Some((lang, text)) => Localized { text, lang },
            None => Localized { text: "", lang },
        }
    }

    /// Languages present here that the catalogue does not have.
    pub fn unknown_languages<'a>(
        &'a self,
        languages: &'a [String],
    ) -> impl Iterator<Item = &'a str> {
        self.by_lang
            .iter()
            .map(|(lang, _)| &**lang)
            .filter(move |lang| !languages.iter().any(|known| known == lang))
    }
}

/// The regular English plural of a unit (`piece` → `pieces`, `box` → `boxes`, `battery` →
/// `batteries`): what a unit without an `en_plural` gets after a count other than 1. It looks
/// at the end only, so a unit of several words (`pair of sandals`) needs its `en_plural`.
pub fn english_plural(word: &str) -> String {
    let lower = word.to_ascii_lowercase();
    let ends_consonant_y = lower.ends_with('y')
        && !matches!(
            lower.chars().rev().nth(1),
            Some('a' | 'e' | 'i' | 'o' | 'u') | None
        );
    if ends_consonant_y {
        format!("{}ies", &word[..word.len() - 1])
    } else if ["s", "x", "z", "ch", "sh"]
        .iter()
        .any(|end| lower.ends_with(end))
    {
        format!("{word}es")
    } else {
        format!("{word}s")
    }
}

/// The name of a language in that language, for the language switch.
pub fn language_name(lang: &str) -> &str {
    match lang {
        "id" => "Bahasa Indonesia",
        "en" => "English",
        "jv" => "Basa Jawa",
        "nl" => "Nederlands",
        "zh" => "中文",
        "ja" => "日本語",
        other => other,
    }
}

/// OpenGraph locale of a language.
pub fn og_locale(lang: &str) -> String {
    match lang {
        "id" => "id_ID".into(),
        "en" => "en_US".into(),
        "jv" => "jv_ID".into(),
        other => other.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn english_plural_follows_the_regular_rules() {
        for (one, many) in [
            ("piece", "pieces"),
            ("pair", "pairs"),
            ("box", "boxes"),
            ("pouch", "pouches"),
            ("dish", "dishes"),
            ("glass", "glasses"),
            ("battery", "batteries"),
            ("tray", "trays"),
            ("Jar", "Jars"),
        ] {
            assert_eq!(super::english_plural(one), many);
        }
    }

    use super::*;

    #[test]
    fn translated_text_falls_back_to_the_default_language() {
        let raw = RawText::PerLanguage([("id".to_owned(), "Batik".to_owned())].into());
        let text = Translated::from_raw(&raw, &["id".into(), "en".into()]);
        assert_eq!(
            text.get("en", "id"),
            Localized {
                text: "Batik",
                lang: "id"
            }
        );
        assert!(!text.has("en"));
    }
}
