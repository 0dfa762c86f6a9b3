//! Slugs: the folder names that become URLs.

use deunicode::deunicode_char;

/// The longest slug `slugify` makes: long enough for any product name, short enough that a URL
/// built from a producer's and a product's slug stays readable.
const MAX_SLUG_LEN: usize = 80;

/// Lowercase ASCII letters, digits and single hyphens, not starting or ending with a hyphen.
pub fn is_valid_slug(text: &str) -> bool {
    !text.is_empty()
        && !text.starts_with('-')
        && !text.ends_with('-')
        && !text.contains("--")
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// A slug made from a name: transliterated to ASCII (accents folded: "Kué Lapis Ibu Ani" ->
/// "kue-lapis-ibu-ani"; symbols such as "&" dropped, not turned into words), lowercase, runs of
/// anything else one hyphen, no hyphen at either end; empty when the name has no letters or
/// digits. At most 80 characters, cut between words when the name has more than one.
pub fn slugify(name: &str) -> String {
    cap_length(ascii_words(name).join("-"))
}

/// The name's words in lowercase ASCII: letters and digits transliterated (deunicode), anything
/// else a break between words. Symbols and emoji break words instead of being transliterated,
/// which deunicode would do into English words ("❤" -> "heart", "&" stays "&" anyway) that were
/// never part of the name. `fold` in the import shares this so names and slugs agree.
pub(crate) fn ascii_words(name: &str) -> Vec<String> {
    let mut ascii = String::with_capacity(name.len());
    for c in name.chars() {
        push_transliterated(c, &mut ascii);
    }
    ascii
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_ascii_lowercase)
        .collect()
}

/// One character of a name in ASCII; a space (a word break) for anything not part of a word.
fn push_transliterated(c: char, ascii: &mut String) {
    if c.is_ascii() {
        // Punctuation stays as it is here and breaks words in `ascii_words`' split.
        ascii.push(c);
        return;
    }
    match deunicode_char(c) {
        Some(letters) if c.is_alphanumeric() => ascii.push_str(letters),
        // Combining accents, joiners and the like transliterate to nothing: they belong to the
        // letter before them ("e" + U+0301 is "é") and must not split its word.
        Some("") => {}
        _ => ascii.push(' '),
    }
}

/// `slug` cut to `MAX_SLUG_LEN` characters, between words when a hyphen allows it; a single
/// word longer than that is cut inside. Never ends in a hyphen.
fn cap_length(slug: String) -> String {
    if slug.len() <= MAX_SLUG_LEN {
        return slug;
    }
    // ASCII only, so byte indices are character boundaries. A hyphen right after the limit means
    // the first MAX_SLUG_LEN characters end exactly at a word's end.
    let cut = if slug.as_bytes()[MAX_SLUG_LEN] == b'-' {
        MAX_SLUG_LEN
    } else {
        match slug[..MAX_SLUG_LEN].rfind('-') {
            Some(hyphen) => hyphen,
            None => MAX_SLUG_LEN,
        }
    };
    slug[..cut].to_string()
}

#[cfg(test)]
mod tests {
    use super::{is_valid_slug, slugify, MAX_SLUG_LEN};

    #[test]
    fn accepts_only_lowercase_single_hyphen_slugs() {
        for good in ["batik", "onde-onde", "produk-42", "a1"] {
            assert!(is_valid_slug(good), "{good}");
        }
        for bad in [
            "",
            "Batik",
            "onde--onde",
            "-a",
            "a-",
            "a_b",
            "a b",
            "ké",
            "../x",
        ] {
            assert!(!is_valid_slug(bad), "{bad}");
        }
    }

    #[test]
    fn slugify_folds_names_to_url_words() {
        for (name, slug) in [
            ("Kué Lapis Ibu Ani", "kue-lapis-ibu-ani"),
            ("Batik  Sekar-Jagad ", "batik-sekar-jagad"),
            ("Onde-Onde Bu Sri", "onde-onde-bu-sri"),
            ("Keripik Tempe & Tahu", "keripik-tempe-tahu"),
            ("Kopi (Robusta) 250 gr", "kopi-robusta-250-gr"),
            ("  --Sambal__Pecel--  ", "sambal-pecel"),
            ("CAFÉ", "cafe"),
            // "e" followed by a combining acute accent is one letter, not a break.
            ("Cafe\u{301}s", "cafes"),
            ("Straße", "strasse"),
            ("Æbleskiver", "aebleskiver"),
            ("Tas Anyaman\u{a0}Pandan", "tas-anyaman-pandan"),
            // Emoji and symbols are dropped, not spelled out in English.
            ("Batik ❤ Mojokerto ★", "batik-mojokerto"),
            ("Kue № 1", "kue-1"),
            ("100%", "100"),
            ("Jum'at Berkah", "jum-at-berkah"),
            ("&", ""),
            ("", ""),
            ("   ", ""),
            ("🍰🍰", ""),
        ] {
            assert_eq!(slugify(name), slug, "{name:?}");
        }
    }

    #[test]
    fn slugify_caps_long_names_between_words() {
        let words = "batik tulis motif sekar jagad warna alam ".repeat(4);
        let slug = slugify(&words);
        assert!(slug.len() <= MAX_SLUG_LEN, "{slug}");
        assert!(slug.starts_with("batik-tulis-motif-sekar-jagad"), "{slug}");
        // Cut after a whole word: the full slug continues with a hyphen right there.
        let full = words.split_whitespace().collect::<Vec<_>>().join("-");
        assert!(full[slug.len()..].starts_with('-'), "{slug}");
        assert!(
            slug.len() > MAX_SLUG_LEN - "tulis-".len(),
            "cut too early: {slug}"
        );

        // A word that ends exactly at the limit is kept whole.
        let exact = format!("{}-{}", "a".repeat(MAX_SLUG_LEN), "b");
        assert_eq!(slugify(&exact), "a".repeat(MAX_SLUG_LEN));
        let exact = format!("{}-{}", "a".repeat(MAX_SLUG_LEN - 2), "bc");
        assert_eq!(slugify(&exact), "a".repeat(MAX_SLUG_LEN - 2));

        // One word longer than the limit is cut inside.
        assert_eq!(slugify(&"x".repeat(200)), "x".repeat(MAX_SLUG_LEN));
        assert_eq!(slugify(&"x".repeat(MAX_SLUG_LEN)), "x".repeat(MAX_SLUG_LEN));
    }

    #[test]
    fn slugify_always_makes_a_valid_slug_or_nothing() {
        let long_accents = "é".repeat(300);
        let long_mixed = "ab-".repeat(100);
        let long_hyphen_at_limit = format!("{}---{}", "a".repeat(79), "b".repeat(50));
        let awkward = [
            "",
            " ",
            "-",
            "--",
            "a-",
            "-a",
            "a--b",
            "a - b",
            "_",
            "A_B",
            "..",
            "../../etc/passwd",
            "C:\\Windows",
            "İstanbul",
            "ǅemal",
            "ﬁne",
            "Ⅻ",
            "½ kg",
            "٣٤",
            "北京烤鸭",
            "Оладьи",
            "Ψωμί",
            "ไทย",
            "한국",
            "e\u{301}\u{301}\u{301}",
            "\u{301}",
            "\u{200b}",
            "\u{feff}Batik",
            "\u{0}\u{1}\t\n\r",
            "🇮🇩 Indonesia",
            "👩‍👩‍👧",
            "ｆｕｌｌｗｉｄｔｈ",
            "𝔅𝔞𝔱𝔦𝔨",
            "\u{10ffff}",
            "\u{e000}",
            &long_accents,
            &long_mixed,
            &long_hyphen_at_limit,
        ];
        for name in awkward {
            let slug = slugify(name);
            assert!(
                slug.is_empty() || is_valid_slug(&slug),
                "{name:?} -> {slug:?}"
            );
            assert!(slug.len() <= MAX_SLUG_LEN, "{name:?} -> {slug:?}");
        }
        // Not every awkward name is empty: transliteration keeps the letters.
        assert_eq!(slugify("Оладьи"), "olad-i");
        assert_eq!(slugify(&long_hyphen_at_limit), "a".repeat(79));
    }
}
