//! A product's identifiers: the producer's own product code (`sku`) and its barcode number
//! (`gtin`, checked by its GS1 check digit). The YAML path and the import read them through
//! here, so both accept and refuse the same values.

use std::fmt;

/// The producer's own code for a product ("BSJ-TLS-01"): free text, trimmed.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Sku(String);

/// Why typed text is no product code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkuProblem {
    Empty,
    /// Longer than [`Sku::MAX_CHARS`]; `chars` counts what was typed, trimmed.
    TooLong {
        chars: usize,
    },
    /// A tab, line break or other control character: a code is one line of visible text.
    Control,
}

impl Sku {
    /// The longest code taken: Google's `mpn` allows 70 characters, Meta's 100, and a code
    /// longer than 50 is a description typed into the wrong field.
    pub const MAX_CHARS: usize = 50;

    /// `text` trimmed, when it is 1 to [`Sku::MAX_CHARS`] characters without control characters.
    pub fn parse(text: &str) -> Result<Sku, SkuProblem> {
        let text = text.trim();
        let chars = text.chars().count();
        if chars == 0 {
            Err(SkuProblem::Empty)
        } else if chars > Sku::MAX_CHARS {
            Err(SkuProblem::TooLong { chars })
        } else if text.chars().any(char::is_control) {
            Err(SkuProblem::Control)
        } else {
            Ok(Sku(text.to_owned()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Sku {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A GS1 Global Trade Item Number, the number under a barcode: 8 (EAN-8), 12 (UPC-A),
/// 13 (EAN-13, Indonesian products start with 899) or 14 (GTIN-14) digits, the last a check
/// digit. Stored as its digits.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Gtin(String);

/// Why typed text is no GTIN.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GtinProblem {
    /// Letters or other characters besides digits, spaces and hyphens.
    NotDigits,
    /// Not 8, 12, 13 or 14 digits; `digits` counts the digits typed.
    Length { digits: usize },
    /// The last digit is not the check digit of the others: a digit was mistyped somewhere
    /// (which one cannot be told, so the right check digit is not suggested).
    CheckDigit,
}

impl Gtin {
    /// The lengths a GTIN has.
    pub const LENGTHS: [usize; 4] = [8, 12, 13, 14];

    /// Reads a GTIN as printed under a barcode: digits, in groups separated by spaces or
    /// hyphens ("8 991234 567891") or not.
    pub fn parse(text: &str) -> Result<Gtin, GtinProblem> {
        let digits: String = text
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .collect();
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(GtinProblem::NotDigits);
        }
        if !Gtin::LENGTHS.contains(&digits.len()) {
            return Err(GtinProblem::Length {
                digits: digits.len(),
            });
        }
        let (body, last) = digits.split_at(digits.len() - 1);
        if last.as_bytes()[0] - b'0' != check_digit(body) {
            return Err(GtinProblem::CheckDigit);
        }
        Ok(Gtin(digits))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Gtin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// GS1's check digit of `body` (the digits before it): from the right, the digits are weighted
/// 3, 1, 3, 1, …; the check digit brings the sum up to a multiple of 10.
fn check_digit(body: &str) -> u8 {
    let sum: u32 = body
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| u32::from(b - b'0') * if i % 2 == 0 { 3 } else { 1 })
        .sum();
    ((10 - sum % 10) % 10) as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gtins_of_every_length_pass_by_their_check_digit() {
        // Published examples: an EAN-8, a UPC-A, an EAN-13 and a GTIN-14.
        for valid in [
            "96385074",
            "036000291452",
            "4006381333931",
            "10614141000415",
        ] {
            assert_eq!(Gtin::parse(valid).map(|g| g.to_string()), Ok(valid.into()));
        }
        assert_eq!(
            Gtin::parse("8 991234 567891").map(|g| g.to_string()),
            Ok("8991234567891".into())
        );
        assert_eq!(Gtin::parse("4006381333932"), Err(GtinProblem::CheckDigit));
        assert_eq!(Gtin::parse("12345"), Err(GtinProblem::Length { digits: 5 }));
        assert_eq!(Gtin::parse("89912345X7891"), Err(GtinProblem::NotDigits));
        assert_eq!(Gtin::parse(" "), Err(GtinProblem::NotDigits));
    }

    #[test]
    fn skus_are_one_short_line_of_text() {
        assert_eq!(
            Sku::parse("  BSJ-01 ").map(|s| s.to_string()),
            Ok("BSJ-01".into())
        );
        assert_eq!(Sku::parse(" "), Err(SkuProblem::Empty));
        assert_eq!(Sku::parse("a\tb"), Err(SkuProblem::Control));
        let long = "x".repeat(51);
        assert_eq!(Sku::parse(&long), Err(SkuProblem::TooLong { chars: 51 }));
        assert!(Sku::parse(&"é".repeat(50)).is_ok());
    }
}
