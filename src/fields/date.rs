//! Calendar dates: `YYYY-MM-DD` as the contract writes them, checked against the calendar
//! (no 31 February), and spelt out for readers ("28 April 2025").

use std::fmt;

/// A day that exists on the calendar, from year 1 to 9999.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u32,
    month: u32,
    day: u32,
}

impl Date {
    /// The date, when it exists on the calendar.
    pub fn new(year: u32, month: u32, day: u32) -> Option<Date> {
        let exists = (1..=9999).contains(&year)
            && (1..=12).contains(&month)
            && (1..=days_in_month(year, month)).contains(&day);
        exists.then_some(Date { year, month, day })
    }

    /// Reads the contract's `YYYY-MM-DD` (four, two and two digits); `None` for any other shape
    /// or a day the calendar does not have.
    pub fn parse(text: &str) -> Option<Date> {
        let mut parts = text.split('-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        let digits =
            |part: &str, len: usize| part.len() == len && part.bytes().all(|b| b.is_ascii_digit());
        if parts.next().is_some() || !(digits(y, 4) && digits(m, 2) && digits(d, 2)) {
            return None;
        }
        Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }

    pub fn year(self) -> u32 {
        self.year
    }

    pub fn month(self) -> u32 {
        self.month
    }

    pub fn day(self) -> u32 {
        self.day
    }

    /// The date as people read it: "28 April 2025" / "1 Agustus 2025".
    pub fn spelled(self, lang: &str) -> String {
        let months = if lang == "id" { &MONTHS_ID } else { &MONTHS_EN };
        format!(
            "{} {} {}",
            self.day,
            months[self.month as usize - 1],
            self.year
        )
    }
}

/// `YYYY-MM-DD`, as the contract and schema.org write dates.
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Whether February has 29 days in `year` (Gregorian rules).
pub fn is_leap_year(year: u32) -> bool {
    year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400))
}

/// The number of days in `month` (1 to 12) of `year`.
pub fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The months' names in Indonesian, January first.
pub const MONTHS_ID: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];

/// The months' names in English, January first.
pub const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_days_on_the_calendar_are_dates() {
        assert_eq!(Date::parse("2025-04-28"), Date::new(2025, 4, 28));
        assert!(Date::parse("2024-02-29").is_some());
        assert_eq!(Date::parse("2025-02-29"), None);
        assert_eq!(Date::parse("2025-02-31"), None);
        assert_eq!(Date::parse("2025-04-31"), None);
        assert_eq!(Date::parse("1900-02-29"), None);
        assert!(Date::parse("2000-02-29").is_some());
        assert_eq!(Date::parse("2025-13-01"), None);
        assert_eq!(Date::parse("2025-00-10"), None);
        assert_eq!(Date::parse("0000-01-01"), None);
    }

    #[test]
    fn only_the_contract_shape_is_read() {
        for text in [
            "28-04-2025",
            "2025-4-28",
            "2025-04-28-01",
            "+025-04-28",
            "2025-04-2x",
            "",
        ] {
            assert_eq!(Date::parse(text), None, "{text}");
        }
    }

    #[test]
    fn dates_are_written_back_as_read_and_spelt_out() {
        let date = Date::parse("2025-08-01").unwrap();
        assert_eq!(date.to_string(), "2025-08-01");
        assert_eq!(date.spelled("id"), "1 Agustus 2025");
        assert_eq!(date.spelled("en"), "1 August 2025");
        assert_eq!(date.spelled("jv"), "1 August 2025");
        assert_eq!(Date::new(987, 1, 2).unwrap().to_string(), "0987-01-02");
    }
}
