//! Phone numbers in the one form the catalogue stores: E.164, a `+` and 8 to 15 digits
//! (`+6281234567890`), which WhatsApp links and `tel:` links need; and how the numbers
//! Indonesians type ("0812-3456-7890") become that form.

use std::fmt;

/// A phone number in E.164 form.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Phone(String);

/// Why typed text is no phone number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhoneProblem {
    /// Letters or other stray characters ("WA 0812...", "0812 ... ext 12").
    NotDigits,
    /// Too few or too many digits for a phone number (E.164 is at most 15 digits); `digits`
    /// counts the digits as typed.
    Length { digits: usize },
}

/// Indonesia's country calling code.
const INDONESIA: &str = "62";

impl Phone {
    /// Reads a number already in E.164 form, as catalogue.yaml and producer.yaml must hold it:
    /// `+`, then 8 to 15 digits, the first not 0 (no country code starts with 0).
    pub fn parse(text: &str) -> Option<Phone> {
        let digits = text.strip_prefix('+')?;
        let well_formed = (8..=15).contains(&digits.len())
            && digits.bytes().all(|b| b.is_ascii_digit())
            && !digits.starts_with('0');
        well_formed.then(|| Phone(text.to_owned()))
    }

    /// Reads a number as Indonesians type it: "0812-3456-7890", "(0321) 123456", "+62 (0)321
    /// 123456", "0062 812...", or "81234567890" from a numeric cell that lost its leading 0.
    /// A number without a country code is Indonesian.
    pub fn from_typed(text: &str) -> Result<Phone, PhoneProblem> {
        let compact: String = text.chars().filter(|&c| !is_separator(c)).collect();
        let (has_plus, digits) = match compact.strip_prefix('+') {
            Some(rest) => (true, rest),
            None => (false, compact.as_str()),
        };
        if !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(PhoneProblem::NotDigits);
        }
        let typed = digits.len();
        // "00 62 812...": the international call prefix of most countries, written for the "+".
        // No national number starts with "00", so this cannot be one.
        let (has_plus, digits) = match digits.strip_prefix("00") {
            Some(rest) => (true, rest),
            None => (has_plus, digits),
        };
        if let Some(national) = digits.strip_prefix(INDONESIA) {
            return indonesian(national, typed);
        }
        match (has_plus, digits.strip_prefix('0')) {
            // A national number, or "+0812...": no country code starts with 0.
            (_, Some(national)) => indonesian(national, typed),
            (true, None) => international(digits, typed),
            // Excel drops the leading 0 of a number typed into a numeric cell: "81234567890".
            (false, None) => indonesian(digits, typed),
        }
    }

    /// `+6281234567890`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The digits without the `+`, as `wa.me` links take them.
    pub fn digits(&self) -> &str {
        &self.0[1..]
    }
}

impl fmt::Display for Phone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What people put between a number's digits: spaces (also the non-breaking and invisible ones
/// text copied from the web and CSV exports carry), dashes, dots, brackets and slashes.
fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{FEFF}' | '-' | '.' | '(' | ')' | '/')
}

/// "+62" and the national number without its trunk 0, which has 7 to 12 digits. No national
/// number starts with 0, so zeros left at its start are typing habits to drop: "+62 (0)321 ..."
/// repeats the trunk 0 that the country code replaces.
fn indonesian(national: &str, typed: usize) -> Result<Phone, PhoneProblem> {
    let national = national.trim_start_matches('0');
    if (7..=12).contains(&national.len()) {
        Ok(Phone(format!("+{INDONESIA}{national}")))
    } else {
        Err(PhoneProblem::Length { digits: typed })
    }
}

/// A foreign number as typed after its "+" (its first digit is not 0): E.164 allows at most
/// 15 digits.
fn international(digits: &str, typed: usize) -> Result<Phone, PhoneProblem> {
    if (8..=15).contains(&digits.len()) {
        Ok(Phone(format!("+{digits}")))
    } else {
        Err(PhoneProblem::Length { digits: typed })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_e164_is_a_phone() {
        assert_eq!(
            Phone::parse("+6281234567890").map(|p| p.digits().to_owned()),
            Some("6281234567890".to_owned())
        );
        for text in [
            "081234567890",
            "+62 812 3456",
            "+0812345678",
            "+1234567",
            "+1234567890123456",
            "+62812a4567890",
            "",
        ] {
            assert_eq!(Phone::parse(text), None, "{text}");
        }
    }

    #[test]
    fn typed_phones_become_e164() {
        for (text, expected) in [
            ("0812-3456-7890", "+6281234567890"),
            ("081234567890", "+6281234567890"),
            ("0812 3456 7890", "+6281234567890"),
            ("0812.3456.7890", "+6281234567890"),
            ("(0321) 123456", "+62321123456"),
            ("0321/123456", "+62321123456"),
            ("021 1234 567", "+62211234567"),
            ("+62 812-3456-7890", "+6281234567890"),
            ("+6281234567890", "+6281234567890"),
            ("6281234567890", "+6281234567890"),
            ("62 812 3456 7890", "+6281234567890"),
            ("+62 (0)321 123456", "+62321123456"),
            ("+62 0812 3456 7890", "+6281234567890"),
            // Excel dropped the leading 0 of a numeric cell.
            ("81234567890", "+6281234567890"),
            ("321123456", "+62321123456"),
            ("+0812 3456 7890", "+6281234567890"),
            ("+60 12-345 6789", "+60123456789"),
            ("+1 (415) 555-0123", "+14155550123"),
            ("+44 20 7946 0958", "+442079460958"),
            ("0062 812 3456 7890", "+6281234567890"),
            ("0060 12-345 6789", "+60123456789"),
            ("+0062 812 3456 7890", "+6281234567890"),
            ("\u{a0}0812\u{a0}3456\u{a0}7890\u{a0}", "+6281234567890"),
            ("\u{feff}0812\u{200b}3456 7890", "+6281234567890"),
            // Seven and twelve digits after +62 are the shortest and longest.
            ("0321 1234", "+623211234"),
            ("0812 3456 78901", "+62812345678901"),
        ] {
            let phone = Phone::from_typed(text);
            assert_eq!(phone.as_ref().map(Phone::as_str), Ok(expected), "{text:?}");
        }
    }

    #[test]
    fn refused_typed_phones() {
        use PhoneProblem::{Length, NotDigits};
        for (text, problem) in [
            ("0812 3456 7890 ext 12", NotDigits),
            ("WA 081234567890", NotDigits),
            ("0812-3456-789O", NotDigits),
            ("+62+81234567890", NotDigits),
            ("0812_3456_7890", NotDigits),
            ("٠٨١٢٣٤٥٦٧٨٩٠", NotDigits),
            ("0812,3456", NotDigits),
            ("", Length { digits: 0 }),
            ("+", Length { digits: 0 }),
            ("0", Length { digits: 1 }),
            ("0812345", Length { digits: 7 }),
            ("081234567890123", Length { digits: 15 }),
            ("+62 812", Length { digits: 5 }),
            ("62", Length { digits: 2 }),
            ("+1 555 01", Length { digits: 6 }),
            ("+1234567890123456", Length { digits: 16 }),
            ("0812 3456 7890 / 0813 1111 2222", Length { digits: 24 }),
            ("99999999999999999999999", Length { digits: 23 }),
        ] {
            assert_eq!(Phone::from_typed(text), Err(problem), "{text:?}");
        }
    }

    /// The import writes what `from_typed` makes into producer.yaml, where `parse` reads it: a
    /// number the import accepts must never be refused by the build.
    mod properties {
        use super::*;
        use proptest::prelude::*;

        /// How typed numbers start: national, country code, call prefix, repeated trunk 0.
        const STARTS: &[&str] = &[
            "", "0", "00", "000", "+", "+0", "62", "+62", "62 0", "+62 (0)", "0062", "+0062",
            "0060", "+1", "+60",
        ];
        /// Digits (zeros and the country code's digits often, as they matter most) and the
        /// separators people type between them.
        const POOL: &[char] = &[
            '0', '0', '1', '2', '3', '4', '5', '6', '6', '7', '8', '9', ' ', '-', '.', '(', ')',
            '/',
        ];

        fn typed_phone() -> impl Strategy<Value = String> {
            let rest = proptest::collection::vec(proptest::sample::select(POOL), 0..24);
            (proptest::sample::select(STARTS), rest)
                .prop_map(|(start, rest)| start.chars().chain(rest).collect())
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(2_000))]

            #[test]
            fn what_the_import_makes_the_yaml_path_reads(text in typed_phone()) {
                if let Ok(phone) = Phone::from_typed(&text) {
                    prop_assert_eq!(Phone::parse(phone.as_str()), Some(phone.clone()), "{:?}", text);
                }
            }
        }

        #[test]
        fn every_length_after_every_start_is_read_back() {
            for start in STARTS {
                for length in 0..=20 {
                    let digits: String = "81234567890123456789".chars().take(length).collect();
                    let text = format!("{start}{digits}");
                    if let Ok(phone) = Phone::from_typed(&text) {
                        assert_eq!(Phone::parse(phone.as_str()), Some(phone), "{text:?}");
                    }
                }
            }
        }
    }
}
