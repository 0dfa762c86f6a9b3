//! Phone numbers in the one form the catalogue stores: E.164, a `+` and 8 to 15 digits
//! (`+6281234567890`), which WhatsApp links and `tel:` links need.

use std::fmt;

/// A phone number in E.164 form.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Phone(String);

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
}
