//! Prices in whole rupiah: one amount or a range, and how readers see them in each language
//! ("Rp 450.000" / "IDR 450,000").

/// A product's price in whole rupiah.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Price {
    Fixed(u64),
    /// `min` is below `max`; a range whose ends are equal is a fixed price.
    Range {
        min: u64,
        max: u64,
    },
}

impl Price {
    /// The price `min` to `max`: fixed when they are equal, `None` when `min` is above `max`.
    pub fn between(min: u64, max: u64) -> Option<Price> {
        match min.cmp(&max) {
            std::cmp::Ordering::Less => Some(Price::Range { min, max }),
            std::cmp::Ordering::Equal => Some(Price::Fixed(min)),
            std::cmp::Ordering::Greater => None,
        }
    }

    /// The lowest and the highest amount (the same for a fixed price).
    pub fn bounds(self) -> (u64, u64) {
        match self {
            Price::Fixed(amount) => (amount, amount),
            Price::Range { min, max } => (min, max),
        }
    }

    /// The price as readers see it in `lang`.
    pub fn format(self, lang: &str) -> String {
        match self {
            Price::Fixed(amount) => format_rupiah(amount, lang),
            Price::Range { min, max } => format_rupiah_range(min, max, lang),
        }
    }
}

/// Whole rupiah with the language's thousands separator: "Rp 450.000" / "IDR 450,000".
pub fn format_rupiah(amount: u64, lang: &str) -> String {
    format!(
        "{} {}",
        currency_prefix(lang),
        group_thousands(amount, lang)
    )
}

/// A price range: "Rp 350.000 – 750.000".
pub fn format_rupiah_range(min: u64, max: u64, lang: &str) -> String {
    format!(
        "{} {} – {}",
        currency_prefix(lang),
        group_thousands(min, lang),
        group_thousands(max, lang)
    )
}

/// "Rp" or "IDR": what comes before an amount in `lang`.
pub fn currency_prefix(lang: &str) -> &'static str {
    if lang == "id" {
        "Rp"
    } else {
        "IDR"
    }
}

/// The thousands separator of `lang`: "." in Indonesian, "," in English.
pub fn thousands_separator(lang: &str) -> char {
    if lang == "id" {
        '.'
    } else {
        ','
    }
}

fn group_thousands(amount: u64, lang: &str) -> String {
    let separator = thousands_separator(lang);
    let digits = amount.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(separator);
        }
        grouped.push(digit);
    }
    grouped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prices_follow_the_language() {
        assert_eq!(format_rupiah(450_000, "id"), "Rp 450.000");
        assert_eq!(format_rupiah(450_000, "en"), "IDR 450,000");
        assert_eq!(format_rupiah(1_500_000, "id"), "Rp 1.500.000");
        assert_eq!(format_rupiah(950, "id"), "Rp 950");
        let range = Price::between(350_000, 750_000).unwrap();
        assert_eq!(range.format("id"), "Rp 350.000 – 750.000");
        assert_eq!(range.format("en"), "IDR 350,000 – 750,000");
    }

    #[test]
    fn a_range_is_ordered() {
        assert_eq!(Price::between(5, 5), Some(Price::Fixed(5)));
        assert_eq!(Price::between(6, 5), None);
        assert_eq!(Price::between(5, 6).map(Price::bounds), Some((5, 6)));
    }
}
