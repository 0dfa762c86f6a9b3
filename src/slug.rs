//! Slugs: the folder names that become URLs.

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

#[cfg(test)]
mod tests {
    use super::is_valid_slug;

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
}
