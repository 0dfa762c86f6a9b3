//! Cell text -> field values: prices, phone numbers, dates, statuses and lists as the office
//! types them, normalised to what the catalogue's YAML takes. The values are `crate::fields`'
//! types (a status's spellings, a phone number, a calendar date live there); what is here is
//! how spreadsheets hold them.

use crate::fields::{
    days_in_month, is_leap_year, AvailabilityStatus, BusinessKind, CertificationKind,
    CurationStatus, Date, Phone, PhoneProblem, MONTHS_EN, MONTHS_ID,
};
use crate::slug::ascii_words;

/// Why a cell could not be read; the caller turns it into a bilingual message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ValueError {
    /// Not a number of rupiah at all ("hubungi kami", "50,5", "-5000")
    NotAPrice,
    /// "50,000" or "1.5": thousands or decimals cannot be told apart
    AmbiguousSeparator,
    /// a range whose minimum is above its maximum
    PriceMinAboveMax {
        min: u64,
        max: u64,
    },
    /// a price with a fraction of a rupiah ("50.000,50" or numeric 50000.5)
    NotWholeRupiah,
    /// not a whole number (min_order, founded year)
    NotAWholeNumber,
    /// letters or other stray characters in a phone number
    PhoneNotDigits,
    /// too few or too many digits for a phone number (E.164 is at most 15 digits);
    /// `digits` counts the digits the cell holds, as typed
    PhoneLength {
        digits: usize,
    },
    NotADate,
    UnknownCurationStatus,
    UnknownAvailability,
    /// not a whole number of days within `AvailabilityStatus::LEAD_DAYS`
    NotALeadTime,
    UnknownKind,
    UnknownCertification {
        kind: String,
    },
    NotYesOrNo,
    NotAnInstagramName,
}

use ValueError::*;

/// A price as the cell gave it, in whole rupiah.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParsedPrice {
    pub min: u64,
    /// Set when the cell held a range ("50.000 - 75.000", "50rb-75rb").
    pub max: Option<u64>,
    /// True when a shorthand multiplier was read ("50rb" = 50 000, "1,5jt" = 1 500 000, "50k"):
    /// the caller warns, since that is a guess about what was meant.
    pub shorthand: bool,
}

/// Blank characters around cell values: ordinary and non-breaking spaces (Excel and text copied
/// from the web), the zero-width space, and the byte-order mark a CSV export may start with.
fn is_blank(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{FEFF}')
}

fn clean(text: &str) -> &str {
    text.trim_matches(is_blank)
}

fn all_digits(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())
}

/// Plain digits ("1250000") or Indonesian thousands groups ("1.250.000"); `None` for anything
/// else, including a number too large for u64.
fn grouped_integer(text: &str) -> Option<u64> {
    if all_digits(text) {
        return text.parse().ok();
    }
    let mut groups = text.split('.');
    let first = groups.next()?;
    // "0.500" is not how anyone writes five hundred: leave it to the decimal rules.
    let first_is_group = all_digits(first) && first.len() <= 3 && !first.starts_with('0');
    let mut digits = first.to_string();
    let mut group_count = 1;
    for group in groups {
        if !(all_digits(group) && group.len() == 3) {
            return None;
        }
        digits.push_str(group);
        group_count += 1;
    }
    if first_is_group && group_count > 1 {
        digits.parse().ok()
    } else {
        None
    }
}

// ---------------------------------------------------------------------------------------------
// Prices

/// Words that join the two ends of a price range, a longer word before any word it starts
/// with; dashes are found separately. "s/d", "s.d." and "sd" abbreviate "sampai dengan" (up to).
const RANGE_WORDS: [&str; 8] = [
    "s/d",
    "s.d.",
    "s.d",
    "sd",
    "sampai dengan",
    "sampai",
    "hingga",
    "to",
];

/// One end of a price, in whole rupiah.
struct Amount {
    rupiah: u64,
    shorthand: bool,
}

/// A price or price range in whole rupiah, as the office writes it: "Rp 50.000,-", "50rb",
/// "1,5jt", "50.000 - 75.000", "50rb s/d 1jt".
pub fn parse_price(text: &str) -> Result<ParsedPrice, ValueError> {
    let text = clean(text).to_lowercase();
    let Some((low, high)) = split_range(&text)? else {
        let amount = parse_amount(&text)?;
        return Ok(ParsedPrice {
            min: amount.rupiah,
            max: None,
            shorthand: amount.shorthand,
        });
    };
    let (low, high) = (parse_amount(low)?, parse_amount(high)?);
    if low.rupiah > high.rupiah {
        return Err(PriceMinAboveMax {
            min: low.rupiah,
            max: high.rupiah,
        });
    }
    Ok(ParsedPrice {
        min: low.rupiah,
        max: (high.rupiah != low.rupiah).then_some(high.rupiah),
        shorthand: low.shorthand || high.shorthand,
    })
}

/// The two ends of a range, or `None` when the text has no range separator. More than one
/// separator is no price: "50rb - 75rb - 100rb" has no single reading.
fn split_range(text: &str) -> Result<Option<(&str, &str)>, ValueError> {
    match range_separators(text)[..] {
        [] => Ok(None),
        [(start, end)] => Ok(Some((&text[..start], &text[end..]))),
        _ => Err(NotAPrice),
    }
}

/// Byte ranges of the range separators in `text` (lowercase): dashes, and the words of
/// `RANGE_WORDS` standing apart from other letters ("to" in "toko" is no separator).
fn range_separators(text: &str) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut previous = None;
    for (i, c) in text.char_indices() {
        match c {
            '–' | '—' | '‒' | '−' => found.push((i, i + c.len_utf8())),
            // "50.000,-" is a price written to the last rupiah, not the start of a range. A
            // leading "-" is taken as a separator too, leaving an empty end: no price.
            '-' if previous != Some(',') => found.push((i, i + 1)),
            _ if !previous.is_some_and(char::is_alphabetic) => {
                let rest = &text[i..];
                let word = RANGE_WORDS.iter().find(|word| {
                    rest.strip_prefix(**word)
                        .is_some_and(|after| !after.chars().next().is_some_and(char::is_alphabetic))
                });
                if let Some(word) = word {
                    found.push((i, i + word.len()));
                }
            }
            _ => {}
        }
        previous = Some(c);
    }
    found
}

/// One price without a range: "Rp 50.000,-", "IDR 50000", "1,5jt".
fn parse_amount(text: &str) -> Result<Amount, ValueError> {
    let number = without_currency(clean(text));
    match split_multiplier(number)? {
        (number, Some(multiplier)) => Ok(Amount {
            rupiah: parse_shorthand(number, multiplier)?,
            shorthand: true,
        }),
        (number, None) => Ok(Amount {
            rupiah: parse_written_rupiah(number)?,
            shorthand: false,
        }),
    }
}

/// `text` (lowercase) without a leading "Rp", "Rp." or "IDR".
fn without_currency(text: &str) -> &str {
    for prefix in ["rp.", "rp", "idr"] {
        if let Some(rest) = text.strip_prefix(prefix) {
            return rest.trim_start_matches(is_blank);
        }
    }
    text
}

/// The number and its shorthand multiplier, if letters follow it: "50rb" is ("50", 1 000).
/// Letters that are no known multiplier ("50rb-an" has been split already; "50 pcs") are no
/// price.
fn split_multiplier(text: &str) -> Result<(&str, Option<u64>), ValueError> {
    let number = text.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let multiplier = match &text[number.len()..] {
        "" => return Ok((text, None)),
        "rb" | "ribu" | "k" => 1_000,
        "jt" | "juta" => 1_000_000,
        _ => return Err(NotAPrice),
    };
    Ok((number.trim_end_matches(is_blank), Some(multiplier)))
}

/// "50" or "1,5" / "1.5" before a multiplier. A separator followed by exactly three digits
/// ("1.500rb") is refused as ambiguous: in Indonesian it groups thousands (1 500 000), but
/// "1.5jt" uses the same dot as a decimal point.
fn parse_shorthand(number: &str, multiplier: u64) -> Result<u64, ValueError> {
    let (whole, fraction) = match number.split_once(['.', ',']) {
        Some((whole, fraction)) => (whole, fraction),
        None => (number, "0"),
    };
    if !all_digits(whole) || !all_digits(fraction) {
        return Err(NotAPrice);
    }
    if fraction.len() == 3 {
        return Err(AmbiguousSeparator);
    }
    let whole_rupiah = whole
        .parse::<u64>()
        .ok()
        .and_then(|whole| whole.checked_mul(multiplier))
        .ok_or(NotAPrice)?;
    whole_rupiah
        .checked_add(fraction_in_rupiah(fraction, multiplier)?)
        .ok_or(NotAPrice)
}

/// The rupiah that the decimal digits `fraction` stand for after `multiplier`: "5" of "1,5jt"
/// is 500 000. A fraction of a rupiah is refused.
fn fraction_in_rupiah(fraction: &str, multiplier: u64) -> Result<u64, ValueError> {
    let significant = fraction.trim_end_matches('0');
    if significant.is_empty() {
        return Ok(0);
    }
    // The largest multiplier is 10^6, so seven or more significant decimals always leave a
    // fraction of a rupiah; checking first also keeps 10^len within u64.
    if significant.len() > 6 {
        return Err(NotWholeRupiah);
    }
    let scale = 10_u64.pow(significant.len() as u32);
    let scaled = significant.parse::<u64>().map_err(|_| NotAPrice)? * multiplier;
    if scaled.is_multiple_of(scale) {
        Ok(scaled / scale)
    } else {
        Err(NotWholeRupiah)
    }
}

/// A price written out in full: "50000", "50.000", "50.000,-", "50.000,00", or a numeric
/// cell's "50000.5". Cents are always two digits ("50.000,50"), so a comma followed by one
/// digit ("50,5") is no price; a comma followed by three is English thousands ("50,000").
fn parse_written_rupiah(number: &str) -> Result<u64, ValueError> {
    let number = number.strip_suffix(",-").unwrap_or(number);
    if is_english_grouping(number) {
        return Err(AmbiguousSeparator);
    }
    let Some((whole, cents)) = number.split_once(',') else {
        return parse_rupiah_without_cents(number);
    };
    let rupiah = grouped_integer(whole).ok_or(NotAPrice)?;
    if cents.len() != 2 || !all_digits(cents) {
        return Err(NotAPrice);
    }
    if cents == "00" {
        Ok(rupiah)
    } else {
        Err(NotWholeRupiah)
    }
}

/// "50,000", "1,250,000" or "50,000.00": thousands grouped with commas, as in English.
fn is_english_grouping(number: &str) -> bool {
    let (whole, decimals) = number.split_once('.').unwrap_or((number, "0"));
    let mut groups = whole.split(',');
    let first = groups.next().unwrap_or_default();
    let mut group_count = 1;
    for group in groups {
        if !(all_digits(group) && group.len() == 3) {
            return false;
        }
        group_count += 1;
    }
    group_count > 1 && all_digits(first) && first.len() <= 3 && all_digits(decimals)
}

/// Digits, maybe grouped with dots, maybe with a decimal point from a numeric cell.
fn parse_rupiah_without_cents(number: &str) -> Result<u64, ValueError> {
    if let Some(rupiah) = grouped_integer(number) {
        return Ok(rupiah);
    }
    match number.split_once('.') {
        Some((whole, fraction)) if all_digits(whole) && all_digits(fraction) => {
            // "1.5" or "50.25" may be a decimal point or thousands typed short ("1.500").
            // Four digits or more before the dot cannot be a thousands group: a numeric cell's
            // decimal point.
            if whole.len() <= 3 {
                Err(AmbiguousSeparator)
            } else if fraction.bytes().all(|b| b == b'0') {
                whole.parse().map_err(|_| NotAPrice)
            } else {
                Err(NotWholeRupiah)
            }
        }
        _ => Err(NotAPrice),
    }
}

// ---------------------------------------------------------------------------------------------
// Phone numbers

/// E.164 ("+6281234567890") from what Indonesians type (see `Phone::from_typed`).
pub fn parse_phone(text: &str) -> Result<Phone, ValueError> {
    Phone::from_typed(text).map_err(|problem| match problem {
        PhoneProblem::NotDigits => PhoneNotDigits,
        PhoneProblem::Length { digits } => PhoneLength { digits },
    })
}

// ---------------------------------------------------------------------------------------------
// Whole numbers and dates

/// "10", or with Indonesian thousands dots "1.000".
pub fn parse_whole_number(text: &str) -> Result<u64, ValueError> {
    grouped_integer(clean(text)).ok_or(NotAWholeNumber)
}

/// How offices write a month besides its full Indonesian or English name: abbreviations and
/// the older spellings "Pebruari" and "Nopember", lowercase.
const MONTH_ABBREVIATIONS: &[(&str, u32)] = &[
    ("jan", 1),
    ("feb", 2),
    ("peb", 2),
    ("pebruari", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("agt", 8),
    ("agu", 8),
    ("ags", 8),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("okt", 10),
    ("oct", 10),
    ("nov", 11),
    ("nop", 11),
    ("nopember", 11),
    ("des", 12),
    ("dec", 12),
];

/// The month (1 to 12) a word names, in Indonesian or English, in full or abbreviated, in any
/// case.
fn month_number(word: &str) -> Option<u32> {
    let word = word.to_lowercase();
    let in_full = |names: &[&str; 12]| {
        let index = names
            .iter()
            .position(|name| name.eq_ignore_ascii_case(&word));
        index.map(|index| index as u32 + 1)
    };
    in_full(&MONTHS_ID)
        .or_else(|| in_full(&MONTHS_EN))
        .or_else(|| look_up(MONTH_ABBREVIATIONS, &word))
}

/// A date as the office types it: "2025-04-28", "28/04/2025", "28 April 2025", "April 28,
/// 2025"; the day must exist on the calendar.
pub fn parse_date(text: &str) -> Result<Date, ValueError> {
    let text = clean(text);
    let (year, month, day) = numeric_date(text)
        .or_else(|| named_month_date(text))
        .ok_or(NotADate)?;
    Date::new(year, month, day).ok_or(NotADate)
}

/// (year, month, day) of "2025-04-28" (also with "/" or "."), or of Indonesian day-month-year
/// "28/04/2025", "28-04-2025", "28.04.2025". A time after an ISO date is ignored: ODS files
/// give dates as "2025-04-28T00:00:00". Two-digit years are refused: "25" may be 1925.
fn numeric_date(text: &str) -> Option<(u32, u32, u32)> {
    let text = without_time_of_day(text);
    let separator = text.chars().find(|c| matches!(c, '-' | '/' | '.'))?;
    let parts: Vec<&str> = text.split(separator).collect();
    let [first, middle, last] = parts[..] else {
        return None;
    };
    if !(all_digits(first) && all_digits(middle) && all_digits(last)) || middle.len() > 2 {
        return None;
    }
    let number = |digits: &str| digits.parse::<u32>().ok();
    match (first.len(), last.len()) {
        (4, 1..=2) => Some((number(first)?, number(middle)?, number(last)?)),
        (1..=2, 4) => Some((number(last)?, number(middle)?, number(first)?)),
        _ => None,
    }
}

/// `text` without a time of day after a "T" or a space ("2025-04-28 10:30:00").
fn without_time_of_day(text: &str) -> &str {
    let Some((date, time)) = text.split_once(['T', ' ']) else {
        return text;
    };
    let time = time.trim_start_matches(is_blank);
    let is_time = time.starts_with(|c: char| c.is_ascii_digit())
        && time.contains(':')
        && time
            .chars()
            .all(|c| c.is_ascii_digit() || c == ':' || c == '.');
    if is_time {
        date
    } else {
        text
    }
}

/// (year, month, day) of "28 April 2025", "28 Apr. 2025", "28-Mei-2025", or in English order
/// "April 28, 2025".
fn named_month_date(text: &str) -> Option<(u32, u32, u32)> {
    let words: Vec<&str> = text
        .split(|c: char| is_blank(c) || matches!(c, '-' | '/' | '.' | ','))
        .filter(|word| !word.is_empty())
        .collect();
    let (day, month, year) = match words[..] {
        [day, month, year] if all_digits(day) => (day, month, year),
        [month, day, year] => (day, month, year),
        _ => return None,
    };
    if !(all_digits(day) && day.len() <= 2 && all_digits(year) && year.len() == 4) {
        return None;
    }
    Some((year.parse().ok()?, month_number(month)?, day.parse().ok()?))
}

/// The serial number of 1900-03-01. Spreadsheets count a 1900-02-29 that never was (Lotus
/// 1-2-3's bug, kept by Excel for compatibility), so only from here on is a serial the number
/// of days since 1899-12-30. No catalogue date is older.
const FIRST_SERIAL: f64 = 61.0;
/// The serial number of 9999-12-31, the last date spreadsheets show.
const LAST_SERIAL: f64 = 2_958_465.0;

/// The date of a spreadsheet's date serial number (days since 1899-12-30, fraction = time of
/// day, ignored).
pub fn date_from_serial(serial: f64) -> Option<Date> {
    // Also refuses NaN, which no range contains.
    if !(FIRST_SERIAL..LAST_SERIAL + 1.0).contains(&serial) {
        return None;
    }
    // Days after 1900-03-01; at most about three million, exact in both f64 and u32.
    let mut days = (serial.floor() - FIRST_SERIAL) as u32;
    let (mut year, mut month) = (1900, 3);
    // Whole years from one 1 March to the next: the year that holds the coming February decides
    // whether it has 366 days.
    loop {
        let year_length = if is_leap_year(year + 1) { 366 } else { 365 };
        if days < year_length {
            break;
        }
        days -= year_length;
        year += 1;
    }
    while days >= days_in_month(year, month) {
        days -= days_in_month(year, month);
        (year, month) = if month == 12 {
            (year + 1, 1)
        } else {
            (year, month + 1)
        };
    }
    Date::new(year, month, days + 1)
}

// ---------------------------------------------------------------------------------------------
// Statuses, kinds, certifications, yes/no

/// Cell text (already lowercase) -> true or false.
const YES_NO: &[(&str, bool)] = &[
    ("ya", true),
    ("iya", true),
    ("y", true),
    ("yes", true),
    ("true", true),
    ("1", true),
    ("x", true),
    ("✓", true),
    ("✔", true),
    // The square root sign is how a check mark is typed in many Indonesian spreadsheets.
    ("√", true),
    ("benar", true),
    ("tidak", false),
    ("tdk", false),
    ("t", false),
    ("no", false),
    ("n", false),
    ("false", false),
    ("0", false),
    ("-", false),
    ("bukan", false),
];

fn look_up<T: Copy>(table: &[(&str, T)], key: &str) -> Option<T> {
    table
        .iter()
        .find(|(name, _)| *name == key)
        .map(|&(_, value)| value)
}

/// The term of `all` that offices spell `folded` (see `fold`), by the terms' `spellings`.
fn spelled<T: Copy>(
    all: &[T],
    spellings: fn(T) -> &'static [&'static str],
    folded: &str,
) -> Option<T> {
    all.iter()
        .copied()
        .find(|&term| spellings(term).contains(&folded))
}

/// A curation status, in the words offices type for it ("Lulus", "in review", "belum").
pub fn parse_curation_status(text: &str) -> Result<CurationStatus, ValueError> {
    spelled(&CurationStatus::ALL, CurationStatus::spellings, &fold(text))
        .ok_or(UnknownCurationStatus)
}

/// An availability status, in the words offices type for it ("Ready Stock", "Pre Order",
/// "habis").
pub fn parse_availability(text: &str) -> Result<AvailabilityStatus, ValueError> {
    spelled(
        &AvailabilityStatus::ALL,
        AvailabilityStatus::spellings,
        &fold(text),
    )
    .ok_or(UnknownAvailability)
}

/// A made-to-order product's lead time in whole days: "21", or "21 hari" / "21 days".
pub fn parse_lead_days(text: &str) -> Result<u32, ValueError> {
    let lower = clean(text).to_lowercase();
    let number = ["hari", "days", "day"]
        .iter()
        .find_map(|unit| lower.strip_suffix(unit))
        .unwrap_or(&lower);
    grouped_integer(clean(number))
        .and_then(|days| u32::try_from(days).ok())
        .filter(|days| AvailabilityStatus::LEAD_DAYS.contains(days))
        .ok_or(NotALeadTime)
}

/// A kind of business, in the words offices type for it ("UMKM", "Industri Kecil Menengah").
pub fn parse_kind(text: &str) -> Result<BusinessKind, ValueError> {
    spelled(&BusinessKind::ALL, BusinessKind::spellings, &fold(text)).ok_or(UnknownKind)
}

/// The certifications of a cell, each with its number if one is given. A cell with no items
/// has no certifications.
pub fn parse_certifications(
    text: &str,
) -> Result<Vec<(CertificationKind, Option<String>)>, ValueError> {
    let mut certifications = Vec::new();
    for item in certification_items(text) {
        let certification = parse_certification(item)?;
        if !certifications.contains(&certification) {
            certifications.push(certification);
        }
    }
    Ok(certifications)
}

/// Words that join certifications in one line ("Halal, SNI", "Halal & PIRT 123", "Halal dan
/// SNI"). They split the line only where a certification name follows or a bare name precedes,
/// since the text after a name is its number, which may hold anything ("Merek: Batik, Sekar").
const CERTIFICATION_JOINERS: [&str; 5] = [",", "&", "/", " dan ", " and "];

/// The items of a certifications cell: one per line or ";", and where a joiner stands between
/// two certifications (see `CERTIFICATION_JOINERS`).
fn certification_items(text: &str) -> Vec<&str> {
    let mut items = Vec::new();
    for line in text.split([';', '\n', '\r']) {
        let mut item_start = 0;
        for (i, _) in line.char_indices() {
            // Still inside the joiner just split at.
            if i < item_start {
                continue;
            }
            let rest = &line[i..];
            let Some(joiner) = CERTIFICATION_JOINERS
                .iter()
                .find(|joiner| rest.starts_with(**joiner))
            else {
                continue;
            };
            let next = &rest[joiner.len()..];
            let before = clean(&line[item_start..i]);
            // A "/" between two characters is part of a number ("LSPro-0421/SNI/2024")
            // unless it follows a bare name ("Halal/SNI").
            let glued = *joiner == "/"
                && line[..i].ends_with(|c: char| !is_blank(c))
                && next.starts_with(|c: char| !is_blank(c));
            let splits = is_bare_certification_name(before)
                || (!glued && leading_certification(clean(next)).is_some());
            if splits {
                items.push(&line[item_start..i]);
                item_start = i + joiner.len();
            }
        }
        items.push(&line[item_start..]);
    }
    items
        .into_iter()
        .map(clean)
        .filter(|item| !item.is_empty())
        .collect()
}

/// "Halal" or "SNI:" without a number: a joiner after it starts the next item even when what
/// follows is no known certification ("Halal, ISO 9001"), so that is refused rather than taken
/// as the number ", ISO 9001".
fn is_bare_certification_name(item: &str) -> bool {
    leading_certification(item).is_some_and(|(_, name_end)| {
        item[name_end..]
            .trim_matches(|c: char| is_blank(c) || c == ':')
            .is_empty()
    })
}

/// One item: "halal: ID351100...", "P-IRT 123", "BPOM MD 123456789012", "SNI".
fn parse_certification(item: &str) -> Result<(CertificationKind, Option<String>), ValueError> {
    let Some((kind, name_end)) = leading_certification(item) else {
        let word = item
            .split(|c: char| is_blank(c) || c == ':')
            .next()
            .unwrap_or(item);
        return Err(UnknownCertification {
            kind: word.to_string(),
        });
    };
    let number = item[name_end..].trim_start_matches(is_blank);
    let number = clean(number.strip_prefix([':', '-']).unwrap_or(number));
    Ok((kind, (!number.is_empty()).then(|| number.to_string())))
}

/// The certification kind `item` starts with and the byte offset where its name ends. Letters
/// are compared case-insensitively, and "-" and spaces inside the name ignored ("P-IRT",
/// "SPP-IRT", "BPOM RI"); a name must end where a word ends ("Halal ID35..." but not
/// "Halalan"). The longest known name wins.
fn leading_certification(item: &str) -> Option<(CertificationKind, usize)> {
    // No spelling of a certification is longer: no need to read further.
    let longest_name = certification_spellings().map(str::len).max().unwrap_or(0);
    let mut name = String::new();
    let mut found = None;
    for (i, c) in item.char_indices() {
        if c == '-' || is_blank(c) {
            continue;
        }
        if !c.is_ascii_alphabetic() || name.len() == longest_name {
            break;
        }
        name.push(c.to_ascii_lowercase());
        let end = i + 1;
        let at_word_end = !item[end..].starts_with(|next: char| next.is_alphabetic());
        let kind = spelled(&CertificationKind::ALL, CertificationKind::spellings, &name);
        if let (true, Some(kind)) = (at_word_end, kind) {
            found = Some((kind, end));
        }
    }
    found
}

/// Every name offices write for a certification, as `CertificationKind::spellings` gives them.
fn certification_spellings() -> impl Iterator<Item = &'static str> {
    CertificationKind::ALL
        .into_iter()
        .flat_map(CertificationKind::spellings)
        .copied()
}

/// Yes or no as typed in a column like "featured": "ya", "x", "✓" / "tidak", "-", "0".
pub fn parse_yes_no(text: &str) -> Result<bool, ValueError> {
    look_up(YES_NO, &clean(text).to_lowercase()).ok_or(NotYesOrNo)
}

// ---------------------------------------------------------------------------------------------
// Lists, Instagram, names

/// The items of a list cell, trimmed, empty items dropped, order kept.
pub fn split_list(text: &str) -> Vec<String> {
    text.split([',', ';', '\n', '\r'])
        .map(clean)
        .filter(|item| !item.is_empty())
        .map(str::to_string)
        .collect()
}

/// Paths on instagram.com that are pages of the site, not accounts: a link to a post
/// ("instagram.com/p/...") names no account.
const INSTAGRAM_PAGES: [&str; 8] = [
    "p", "reel", "reels", "stories", "explore", "tv", "accounts", "direct",
];

/// An Instagram account name without "@" or the URL around it, lowercase (Instagram names are
/// case-insensitive).
pub fn parse_instagram(text: &str) -> Result<String, ValueError> {
    let text = clean(text);
    let link_path = account_in_link(text);
    if link_path.is_some_and(|path| INSTAGRAM_PAGES.contains(&path.to_ascii_lowercase().as_str())) {
        return Err(NotAnInstagramName);
    }
    let name = link_path.unwrap_or(text);
    let name = name.strip_prefix('@').unwrap_or(name);
    // The site is no account, wherever it stands ("@instagram.com", "instagram.com/instagram.com").
    let valid = account_in_link(name).is_none()
        && (1..=30).contains(&name.len())
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'_');
    if valid {
        Ok(name.to_ascii_lowercase())
    } else {
        Err(NotAnInstagramName)
    }
}

/// The first path segment of an instagram.com link ("" for the bare site), or `None` when
/// `text` is no such link. The site name must stand at the start, after "//" or after a
/// subdomain's "." ("www.", "m."), so an account named "myinstagram.community" is no link.
fn account_in_link(text: &str) -> Option<&str> {
    const SITE: &str = "instagram.com";
    // ASCII lowercase keeps every byte where it was, so offsets carry over to `text`.
    let lowercase = text.to_ascii_lowercase();
    let site_start = lowercase
        .match_indices(SITE)
        .map(|(i, _)| i)
        .find(|&i| i == 0 || matches!(lowercase.as_bytes()[i - 1], b'/' | b'.'))?;
    let after_site = &text[site_start + SITE.len()..];
    let path = after_site.strip_prefix('/').unwrap_or("");
    Some(path.split(['/', '?', '#']).next().unwrap_or_default())
}

/// A name folded for matching: transliterated to ASCII (deunicode), lowercase, every run of
/// non-alphanumerics one space, trimmed. "Batik  Sekar-Jagad " and "batik sekar jagad" fold
/// equal. Symbols and emoji count as non-alphanumerics (see `crate::slug::ascii_words`).
pub fn fold(text: &str) -> String {
    ascii_words(text).join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn price(min: u64, max: Option<u64>, shorthand: bool) -> Result<ParsedPrice, ValueError> {
        Ok(ParsedPrice {
            min,
            max,
            shorthand,
        })
    }

    #[test]
    fn prices_written_out_in_rupiah() {
        for (text, expected) in [
            ("50000", price(50_000, None, false)),
            ("0", price(0, None, false)),
            ("Rp 0", price(0, None, false)),
            ("50.000", price(50_000, None, false)),
            ("1.250.000", price(1_250_000, None, false)),
            ("500.000", price(500_000, None, false)),
            ("Rp 50.000", price(50_000, None, false)),
            ("Rp50.000", price(50_000, None, false)),
            ("rp.50.000", price(50_000, None, false)),
            ("Rp. 50.000", price(50_000, None, false)),
            ("RP 50.000", price(50_000, None, false)),
            ("IDR 50000", price(50_000, None, false)),
            ("idr50.000", price(50_000, None, false)),
            ("Rp 50.000,-", price(50_000, None, false)),
            ("Rp50.000,00", price(50_000, None, false)),
            ("50000,00", price(50_000, None, false)),
            ("\u{a0}Rp\u{a0}50.000\u{a0}", price(50_000, None, false)),
            ("  \t50000\n", price(50_000, None, false)),
            // A numeric cell the caller formatted; ".0" means nothing after the point.
            ("50000.0", price(50_000, None, false)),
            ("18446744073709551615", price(u64::MAX, None, false)),
        ] {
            assert_eq!(parse_price(text), expected, "{text:?}");
        }
    }

    #[test]
    fn prices_in_shorthand() {
        for (text, expected) in [
            ("50rb", 50_000),
            ("50 rb", 50_000),
            ("50RB", 50_000),
            ("50 ribu", 50_000),
            ("50k", 50_000),
            ("50K", 50_000),
            ("Rp 50rb", 50_000),
            ("Rp50k", 50_000),
            ("1jt", 1_000_000),
            ("2 juta", 2_000_000),
            ("1,5jt", 1_500_000),
            ("1.5jt", 1_500_000),
            ("2,25 jt", 2_250_000),
            ("12,5rb", 12_500),
            ("0,5rb", 500),
            ("0,5k", 500),
            ("1,50jt", 1_500_000),
            ("1,123456jt", 1_123_456),
            ("1,0000jt", 1_000_000),
            ("0rb", 0),
        ] {
            assert_eq!(parse_price(text), price(expected, None, true), "{text:?}");
        }
    }

    #[test]
    fn price_ranges() {
        for (text, expected) in [
            ("50.000 - 75.000", price(50_000, Some(75_000), false)),
            ("50.000-75.000", price(50_000, Some(75_000), false)),
            ("Rp 50.000 – Rp 75.000", price(50_000, Some(75_000), false)),
            ("50000—75000", price(50_000, Some(75_000), false)),
            ("Rp 50rb–75rb", price(50_000, Some(75_000), true)),
            ("50rb-75rb", price(50_000, Some(75_000), true)),
            ("50rb s/d 1jt", price(50_000, Some(1_000_000), true)),
            ("50.000 sd 75.000", price(50_000, Some(75_000), false)),
            ("50.000 SAMPAI 75.000", price(50_000, Some(75_000), false)),
            ("50k to 75k", price(50_000, Some(75_000), true)),
            ("25rb s.d. 30rb", price(25_000, Some(30_000), true)),
            ("25rb s.d 30rb", price(25_000, Some(30_000), true)),
            ("25rb S/D 30rb", price(25_000, Some(30_000), true)),
            ("25rb sampai dengan 30rb", price(25_000, Some(30_000), true)),
            ("25rb hingga 30rb", price(25_000, Some(30_000), true)),
            // Each end is read on its own: "50" is fifty rupiah, a range the caller's
            // shorthand warning shows for what it is.
            ("50-75rb", price(50, Some(75_000), true)),
            ("50.000to75.000", price(50_000, Some(75_000), false)),
            // Only one end in shorthand still makes the whole a guess.
            ("50.000 - 1jt", price(50_000, Some(1_000_000), true)),
            // ",-" ends a price; the dash between them is the range.
            (
                "Rp 50.000,- - Rp 75.000,-",
                price(50_000, Some(75_000), false),
            ),
            (
                "Rp 50.000,--Rp 75.000,-",
                price(50_000, Some(75_000), false),
            ),
            // Equal ends are one price.
            ("50.000 - 50.000", price(50_000, None, false)),
            ("50rb - 50.000", price(50_000, None, true)),
            ("0 - 10rb", price(0, Some(10_000), true)),
        ] {
            assert_eq!(parse_price(text), expected, "{text:?}");
        }
    }

    #[test]
    fn refused_prices() {
        for (text, error) in [
            ("hubungi kami", NotAPrice),
            ("gratis", NotAPrice),
            ("mulai 50rb", NotAPrice),
            ("50rb-an", NotAPrice),
            ("50 pcs", NotAPrice),
            ("50,5", NotAPrice),
            ("50.000,5", NotAPrice),
            ("50,500,5", NotAPrice),
            ("-5000", NotAPrice),
            ("Rp -5000", NotAPrice),
            ("−5000", NotAPrice),
            ("-", NotAPrice),
            ("Rp", NotAPrice),
            ("rb", NotAPrice),
            ("", NotAPrice),
            ("   ", NotAPrice),
            ("50.000 -", NotAPrice),
            ("- 50.000", NotAPrice),
            ("50rb - 75rb - 100rb", NotAPrice),
            ("50.00.000", NotAPrice),
            ("1.000.5", NotAPrice),
            ("50.", NotAPrice),
            (".5", NotAPrice),
            ("50,", NotAPrice),
            ("50 000", NotAPrice),
            ("1e9", NotAPrice),
            ("50.000 IDR", NotAPrice),
            ("٣٤", NotAPrice),
            ("99999999999999999999999", NotAPrice),
            ("18446744073709551616", NotAPrice),
            ("99999999999999999jt", NotAPrice),
            ("18446744073709551,6jt", NotAPrice),
            ("toko", NotAPrice),
            ("50rb sdm", NotAPrice),
            ("50.000 s/d", NotAPrice),
            ("50.000 to 60.000 to 70.000", NotAPrice),
            ("50,000", AmbiguousSeparator),
            ("1,250,000", AmbiguousSeparator),
            ("Rp 50,000.00", AmbiguousSeparator),
            ("50,000,-", AmbiguousSeparator),
            ("50.5", AmbiguousSeparator),
            ("1.5", AmbiguousSeparator),
            ("50.25", AmbiguousSeparator),
            ("0.500", AmbiguousSeparator),
            ("1.500rb", AmbiguousSeparator),
            ("1,500jt", AmbiguousSeparator),
            ("50.000,50", NotWholeRupiah),
            ("50,50", NotWholeRupiah),
            ("50000.5", NotWholeRupiah),
            ("1250000.25", NotWholeRupiah),
            ("1,5rb,", NotAPrice),
            ("1,0005rb", NotWholeRupiah),
            ("1,1234567jt", NotWholeRupiah),
            ("0,0001rb", NotWholeRupiah),
            (
                "75.000 - 50.000",
                PriceMinAboveMax {
                    min: 75_000,
                    max: 50_000,
                },
            ),
            (
                "1jt - 50rb",
                PriceMinAboveMax {
                    min: 1_000_000,
                    max: 50_000,
                },
            ),
            ("50rb - 50,000", AmbiguousSeparator),
        ] {
            assert_eq!(parse_price(text), Err(error), "{text:?}");
        }
    }

    /// The phone rules themselves are `fields::Phone::from_typed`'s, tested there.
    #[test]
    fn phones_become_e164_or_say_why_not() {
        let phone = parse_phone("0812-3456-7890").map(|phone| phone.to_string());
        assert_eq!(phone, Ok("+6281234567890".to_string()));
        for (text, error) in [
            ("WA 081234567890", PhoneNotDigits),
            ("0812345", PhoneLength { digits: 7 }),
            ("+1234567890123456", PhoneLength { digits: 16 }),
        ] {
            assert_eq!(parse_phone(text), Err(error), "{text:?}");
        }
    }

    #[test]
    fn whole_numbers() {
        for (text, expected) in [
            ("10", Ok(10)),
            ("0", Ok(0)),
            (" 10 ", Ok(10)),
            ("1.000", Ok(1_000)),
            ("1.000.000", Ok(1_000_000)),
            ("2015", Ok(2015)),
            ("007", Ok(7)),
            ("10 pcs", Err(NotAWholeNumber)),
            ("10.5", Err(NotAWholeNumber)),
            ("10.0", Err(NotAWholeNumber)),
            ("1,000", Err(NotAWholeNumber)),
            ("1.00", Err(NotAWholeNumber)),
            ("-1", Err(NotAWholeNumber)),
            ("+1", Err(NotAWholeNumber)),
            ("", Err(NotAWholeNumber)),
            ("sepuluh", Err(NotAWholeNumber)),
            ("99999999999999999999999", Err(NotAWholeNumber)),
        ] {
            assert_eq!(parse_whole_number(text), expected, "{text:?}");
        }
    }

    #[test]
    fn dates_as_typed() {
        for (text, expected) in [
            ("2025-04-28", "2025-04-28"),
            ("2025-4-8", "2025-04-08"),
            ("2025/04/28", "2025-04-28"),
            ("2025-04-28T00:00:00", "2025-04-28"),
            ("2025-04-28 10:30", "2025-04-28"),
            ("2025-04-28 10:30:15.250", "2025-04-28"),
            ("28/04/2025", "2025-04-28"),
            ("28-04-2025", "2025-04-28"),
            ("28.04.2025", "2025-04-28"),
            ("1/2/2025", "2025-02-01"),
            ("28/04/2025 08:00", "2025-04-28"),
            ("28 April 2025", "2025-04-28"),
            ("28 Apr 2025", "2025-04-28"),
            ("28 apr. 2025", "2025-04-28"),
            ("28-Apr-2025", "2025-04-28"),
            ("28 Mei 2025", "2025-05-28"),
            ("28 May 2025", "2025-05-28"),
            ("1 Januari 2025", "2025-01-01"),
            ("1 January 2025", "2025-01-01"),
            ("29 Februari 2024", "2024-02-29"),
            ("29 Pebruari 2024", "2024-02-29"),
            ("1 Maret 2025", "2025-03-01"),
            ("1 March 2025", "2025-03-01"),
            ("1 Juni 2025", "2025-06-01"),
            ("1 Juli 2025", "2025-07-01"),
            ("17 Agustus 1945", "1945-08-17"),
            ("17 Agt 1945", "1945-08-17"),
            ("17 Aug 1945", "1945-08-17"),
            ("1 September 2025", "2025-09-01"),
            ("1 Oktober 2025", "2025-10-01"),
            ("1 Okt 2025", "2025-10-01"),
            ("1 Oct 2025", "2025-10-01"),
            ("10 November 2025", "2025-11-10"),
            ("10 Nopember 2025", "2025-11-10"),
            ("25 Desember 2025", "2025-12-25"),
            ("25 Des 2025", "2025-12-25"),
            ("25 December 2025", "2025-12-25"),
            ("APRIL 28, 2025", "2025-04-28"),
            ("\u{a0}28 April 2025\u{a0}", "2025-04-28"),
            ("29/02/2000", "2000-02-29"),
            ("31/12/9999", "9999-12-31"),
        ] {
            let date = parse_date(text).map(|date| date.to_string());
            assert_eq!(date, Ok(expected.to_string()), "{text:?}");
        }
    }

    #[test]
    fn refused_dates() {
        for text in [
            "",
            "kemarin",
            "28/04/25",
            "28 Apr 25",
            "25-04-28",
            "31/02/2025",
            "29/02/2025",
            "29/02/1900",
            "30 Februari 2024",
            "31/04/2025",
            "32/01/2025",
            "00/01/2025",
            "01/00/2025",
            "28/13/2025",
            // Month-first (American) order does not fit day-month-year.
            "04/28/2025",
            "2025-13-01",
            "2025-02-30",
            "0000-01-01",
            "28/04-2025",
            "28 Bulan 2025",
            "28 April",
            "April 2025",
            "28.04.2025.",
            "2025-04-28T",
            "2025-04-28 pagi",
            "20250428",
            "28 April 2025 2026",
            "١٢/٠٤/٢٠٢٥",
        ] {
            assert_eq!(parse_date(text), Err(NotADate), "{text:?}");
        }
    }

    #[test]
    fn dates_from_serial_numbers() {
        for (serial, expected) in [
            (45775.0, Some("2025-04-28")),
            (45775.75, Some("2025-04-28")),
            (61.0, Some("1900-03-01")),
            (62.0, Some("1900-03-02")),
            (366.0, Some("1900-12-31")),
            (367.0, Some("1901-01-01")),
            (25569.0, Some("1970-01-01")),
            (36526.0, Some("2000-01-01")),
            (36585.0, Some("2000-02-29")),
            (36586.0, Some("2000-03-01")),
            (45351.0, Some("2024-02-29")),
            (45352.0, Some("2024-03-01")),
            (45658.0, Some("2025-01-01")),
            (2_958_465.0, Some("9999-12-31")),
            (2_958_465.99, Some("9999-12-31")),
            (60.0, None),
            (60.99, None),
            (0.0, None),
            (-1.0, None),
            (2_958_466.0, None),
            (f64::NAN, None),
            (f64::INFINITY, None),
            (f64::NEG_INFINITY, None),
        ] {
            assert_eq!(
                date_from_serial(serial).map(|date| date.to_string()),
                expected.map(str::to_string),
                "{serial}"
            );
        }
    }

    #[test]
    fn serial_dates_agree_with_the_calendar_every_day() {
        // Day by day from 1900-03-01: every date valid and later than the one before, and the
        // last one (from Python's datetime: 1899-12-30 + 50 000 days) right, so no day was
        // skipped or repeated.
        let mut previous = date_from_serial(61.0).unwrap();
        for serial in 62..=50_000 {
            let date = date_from_serial(f64::from(serial)).unwrap();
            assert_eq!(
                parse_date(&date.to_string()),
                Ok(date),
                "{serial} -> {date}"
            );
            assert!(date > previous, "{serial}: {date} after {previous}");
            previous = date;
        }
        assert_eq!(previous.to_string(), "2036-11-21");
    }

    #[test]
    fn curation_statuses() {
        for (text, expected) in [
            ("lolos", "lolos"),
            ("Lolos", "lolos"),
            ("LULUS", "lolos"),
            ("passed", "lolos"),
            ("Pass", "lolos"),
            ("approved", "lolos"),
            ("Lolos Kurasi", "lolos"),
            ("lolos-kurasi", "lolos"),
            ("proses", "proses"),
            ("Diproses", "proses"),
            ("dalam  proses", "proses"),
            ("In Review", "proses"),
            ("in-review", "proses"),
            ("review", "proses"),
            ("in progress", "proses"),
            ("Pending", "proses"),
            ("belum", "belum"),
            ("Belum Dikurasi", "belum"),
            ("not yet", "belum"),
            ("Not curated", "belum"),
            (" belum\u{a0}", "belum"),
        ] {
            let status = parse_curation_status(text).map(CurationStatus::as_str);
            assert_eq!(status, Ok(expected), "{text:?}");
        }
        for text in [
            "",
            "tidak lolos",
            "gagal",
            "sudah",
            "lol",
            "ok",
            "lolos lolos",
        ] {
            assert_eq!(
                parse_curation_status(text),
                Err(UnknownCurationStatus),
                "{text:?}"
            );
        }
    }

    #[test]
    fn availability_statuses_and_lead_days() {
        for (text, expected) in [
            ("siap", "siap"),
            ("Ready Stock", "siap"),
            ("ready-stok", "siap"),
            ("Tersedia", "siap"),
            ("Pre Order", "pesan"),
            ("pre-order", "pesan"),
            ("PO", "pesan"),
            ("Dibuat sesuai pesanan", "pesan"),
            ("Sold out", "habis"),
            ("Stok Habis", "habis"),
        ] {
            let status = parse_availability(text).map(AvailabilityStatus::as_str);
            assert_eq!(status, Ok(expected), "{text:?}");
        }
        for text in ["", "lolos", "segera", "pre"] {
            assert_eq!(
                parse_availability(text),
                Err(UnknownAvailability),
                "{text:?}"
            );
        }
        for (text, days) in [("21", 21), ("21 hari", 21), ("1 day", 1), (" 365 ", 365)] {
            assert_eq!(parse_lead_days(text), Ok(days), "{text:?}");
        }
        for text in ["0", "-3", "tiga", "366", "2,5", "21 minggu"] {
            assert_eq!(parse_lead_days(text), Err(NotALeadTime), "{text:?}");
        }
    }

    #[test]
    fn kinds() {
        for (text, expected) in [
            ("ukm", "ukm"),
            ("UKM", "ukm"),
            ("UMKM", "ukm"),
            ("Usaha Kecil Menengah", "ukm"),
            ("usaha kecil & menengah", "ukm"),
            ("Usaha Mikro, Kecil dan Menengah", "ukm"),
            ("ikm", "ikm"),
            ("IKM", "ikm"),
            ("Industri Kecil Menengah", "ikm"),
            ("industri kecil dan menengah", "ikm"),
        ] {
            let kind = parse_kind(text).map(BusinessKind::as_str);
            assert_eq!(kind, Ok(expected), "{text:?}");
        }
        for text in ["", "usaha", "koperasi", "uk m", "pt", "industri besar"] {
            assert_eq!(parse_kind(text), Err(UnknownKind), "{text:?}");
        }
    }

    fn certs(list: &[(&'static str, Option<&str>)]) -> Vec<(&'static str, Option<String>)> {
        list.iter()
            .map(|&(kind, number)| (kind, number.map(str::to_string)))
            .collect()
    }

    #[test]
    fn certifications() {
        for (text, expected) in [
            (
                "halal: ID35110000123450824",
                certs(&[("halal", Some("ID35110000123450824"))]),
            ),
            ("Halal ID351100", certs(&[("halal", Some("ID351100"))])),
            ("HALAL", certs(&[("halal", None)])),
            ("Halal:", certs(&[("halal", None)])),
            ("Halal - ID351", certs(&[("halal", Some("ID351"))])),
            (
                "PIRT 1234567890123",
                certs(&[("pirt", Some("1234567890123"))]),
            ),
            ("P-IRT: 123", certs(&[("pirt", Some("123"))])),
            (
                "P-IRT No. 206352501007125",
                certs(&[("pirt", Some("No. 206352501007125"))]),
            ),
            ("SPP-IRT 123", certs(&[("pirt", Some("123"))])),
            ("spp irt 123", certs(&[("pirt", Some("123"))])),
            ("SNI", certs(&[("sni", None)])),
            ("SNI 8220:2016", certs(&[("sni", Some("8220:2016"))])),
            ("HKI", certs(&[("hki", None)])),
            ("Merek", certs(&[("merek", None)])),
            (
                "Merk: IDM000123456",
                certs(&[("merek", Some("IDM000123456"))]),
            ),
            (
                "BPOM MD 123456789012",
                certs(&[("bpom", Some("MD 123456789012"))]),
            ),
            ("bpom: MD123", certs(&[("bpom", Some("MD123"))])),
            (
                "BPOM RI MD 123456789012",
                certs(&[("bpom", Some("MD 123456789012"))]),
            ),
            (
                "Halal ID351; PIRT 123",
                certs(&[("halal", Some("ID351")), ("pirt", Some("123"))]),
            ),
            (
                "Halal ID351\nPIRT 123\r\nSNI",
                certs(&[
                    ("halal", Some("ID351")),
                    ("pirt", Some("123")),
                    ("sni", None),
                ]),
            ),
            (
                "Halal, SNI, HKI",
                certs(&[("halal", None), ("sni", None), ("hki", None)]),
            ),
            ("Halal,SNI", certs(&[("halal", None), ("sni", None)])),
            (
                "Halal & P-IRT 123",
                certs(&[("halal", None), ("pirt", Some("123"))]),
            ),
            ("Halal dan SNI", certs(&[("halal", None), ("sni", None)])),
            ("Halal and SNI", certs(&[("halal", None), ("sni", None)])),
            ("Halal/SNI", certs(&[("halal", None), ("sni", None)])),
            // A comma not followed by a certification belongs to the number.
            (
                "Merek: Batik, Sekar",
                certs(&[("merek", Some("Batik, Sekar"))]),
            ),
            ("PIRT 123/456", certs(&[("pirt", Some("123/456"))])),
            // "dan" inside a word or not followed by a certification joins nothing.
            (
                "Merek Sedan dan Truk",
                certs(&[("merek", Some("Sedan dan Truk"))]),
            ),
            // Duplicates dropped, first kept; the same type with another number stays.
            (
                "Halal ID1; halal: ID1; Halal ID2; SNI; sni",
                certs(&[
                    ("halal", Some("ID1")),
                    ("halal", Some("ID2")),
                    ("sni", None),
                ]),
            ),
            ("Halal;;\n ;", certs(&[("halal", None)])),
            ("Halal, , SNI", certs(&[("halal", None), ("sni", None)])),
            ("Halal,", certs(&[("halal", None)])),
            // A "/" inside a number is no joiner; after a bare name it is.
            (
                "sni: LSPro-0421/SNI/2024",
                certs(&[("sni", Some("LSPro-0421/SNI/2024"))]),
            ),
            ("Halal/SNI", certs(&[("halal", None), ("sni", None)])),
            ("", certs(&[])),
            ("; \n", certs(&[])),
        ] {
            let spelled = |found: Vec<(CertificationKind, Option<String>)>| {
                let spell = |(kind, number): (CertificationKind, _)| (kind.as_str(), number);
                found.into_iter().map(spell).collect::<Vec<_>>()
            };
            assert_eq!(
                parse_certifications(text).map(spelled),
                Ok(expected),
                "{text:?}"
            );
        }
    }

    #[test]
    fn unknown_certifications_name_the_word_typed() {
        for (text, kind) in [
            ("ISO 9001", "ISO"),
            ("Halal; ISO 9001", "ISO"),
            ("Organik", "Organik"),
            ("Halalan Toyyiban", "Halalan"),
            ("Sertifikat Halal", "Sertifikat"),
            ("P-IRX: 123", "P-IRX"),
            ("MD 123456789012", "MD"),
            ("123", "123"),
            ("-", "-"),
            // A comma right after a bare certification name starts the next item, known or not.
            ("Halal, ISO 9001", "ISO"),
            ("Merek, Batik Sekar", "Batik"),
        ] {
            assert_eq!(
                parse_certifications(text),
                Err(UnknownCertification {
                    kind: kind.to_string()
                }),
                "{text:?}"
            );
        }
    }

    #[test]
    fn yes_or_no() {
        for text in [
            "ya", "Ya", "YA", "iya", "y", "Y", "yes", "TRUE", "1", "x", "X", "✓", "✔", "√",
            "benar", " ya ",
        ] {
            assert_eq!(parse_yes_no(text), Ok(true), "{text:?}");
        }
        for text in [
            "tidak", "Tidak", "tdk", "t", "no", "N", "false", "0", "-", "bukan",
        ] {
            assert_eq!(parse_yes_no(text), Ok(false), "{text:?}");
        }
        for text in ["", "mungkin", "yaa", "2", "ok", "ya tidak", "✗", "--"] {
            assert_eq!(parse_yes_no(text), Err(NotYesOrNo), "{text:?}");
        }
    }

    #[test]
    fn lists() {
        for (text, expected) in [
            ("batik, tulis, cap", vec!["batik", "tulis", "cap"]),
            ("batik;tulis ; cap", vec!["batik", "tulis", "cap"]),
            ("batik\ntulis\r\ncap", vec!["batik", "tulis", "cap"]),
            ("batik tulis, , ;\n cap ", vec!["batik tulis", "cap"]),
            ("\u{a0}batik\u{a0},\u{a0}cap", vec!["batik", "cap"]),
            ("cap, batik, cap", vec!["cap", "batik", "cap"]),
            ("satu", vec!["satu"]),
            ("", vec![]),
            (" ,;\n", vec![]),
        ] {
            assert_eq!(split_list(text), expected, "{text:?}");
        }
    }

    #[test]
    fn instagram_names() {
        for text in [
            "@batiksekarjagad",
            "batiksekarjagad",
            "BatikSekarJagad",
            " @batiksekarjagad ",
            "https://www.instagram.com/batiksekarjagad/",
            "https://instagram.com/batiksekarjagad",
            "http://m.instagram.com/batiksekarjagad",
            "www.instagram.com/BatikSekarJagad",
            "instagram.com/batiksekarjagad?igsh=xyz",
            "instagram.com/batiksekarjagad#top",
            "instagram.com/@batiksekarjagad",
        ] {
            assert_eq!(
                parse_instagram(text),
                Ok("batiksekarjagad".to_string()),
                "{text:?}"
            );
        }
        for (text, expected) in [
            ("batik.sekar_jagad", "batik.sekar_jagad"),
            ("a", "a"),
            ("_", "_"),
            (
                "abcdefghijklmnopqrstuvwxyz1234",
                "abcdefghijklmnopqrstuvwxyz1234",
            ),
            ("myinstagram.community", "myinstagram.community"),
        ] {
            assert_eq!(parse_instagram(text), Ok(expected.to_string()), "{text:?}");
        }
        for text in [
            "",
            "@",
            "batik sekar",
            "@batik-sekar",
            "batiksekar!",
            "kué",
            "abcdefghijklmnopqrstuvwxyz12345",
            "https://www.instagram.com/",
            "instagram.com",
            "https://www.instagram.com/p/C1a2b3c4d5e/",
            "instagram.com/reel/xyz",
            "instagram.com/instagram.com",
            "@instagram.com",
            "instagram.com/@Instagram.com/",
            "https://facebook.com/batiksekarjagad",
            "@@batik",
        ] {
            assert_eq!(parse_instagram(text), Err(NotAnInstagramName), "{text:?}");
        }
    }

    #[test]
    fn folded_names() {
        for (text, expected) in [
            ("Batik  Sekar-Jagad ", "batik sekar jagad"),
            ("batik sekar jagad", "batik sekar jagad"),
            ("Kué Lapis Ibu Ani", "kue lapis ibu ani"),
            ("Keripik Tempe & Tahu", "keripik tempe tahu"),
            ("\u{a0}UD. Sumber Rejeki\u{a0}", "ud sumber rejeki"),
            ("Kopi ☕ Mojokerto", "kopi mojokerto"),
            ("CV Maju_Jaya (2)", "cv maju jaya 2"),
            ("", ""),
            ("&", ""),
        ] {
            assert_eq!(fold(text), expected, "{text:?}");
        }
        assert_eq!(fold("Batik  Sekar-Jagad "), fold("BATIK sekar jagad"));
        assert_ne!(fold("Batik Sekar"), fold("Batik Sekar Jagad"));
    }

    /// Every function over inputs an office spreadsheet might hold by accident: the point is
    /// that each returns (an error is fine) instead of panicking or overflowing.
    #[test]
    fn awkward_cells_never_panic() {
        let long_digits = "9".repeat(10_000);
        let long_dots = "1.000".repeat(1_000);
        let long_text = "ab, ".repeat(5_000);
        let awkward = [
            "",
            " ",
            "\u{a0}",
            "\u{feff}",
            "\u{200b}",
            "\u{0}",
            "-",
            "--",
            "–",
            "..",
            ".",
            ",",
            ",-",
            ":",
            ";",
            "/",
            "+",
            "@",
            "Rp",
            "rp.",
            "IDR",
            "s/d",
            "sd",
            "to",
            "1e9",
            "1E+09",
            "NaN",
            "inf",
            "0x1F",
            "٣٤",
            "١٢/٠٤/٢٠٢٥",
            "🍰",
            "👩‍👩‍👧",
            "İ",
            "ß",
            "e\u{301}",
            "\u{301}",
            "北京",
            "99999999999999999999999",
            "18446744073709551616",
            "-18446744073709551616",
            "99999999999999999999999rb",
            "9,99999999999999999999jt",
            "99999999999999999999999 - 1",
            "99999999/99/99999999",
            "99 Desember 99999",
            "+999999999999999999999999",
            "instagram.com/",
            "Halal, , SNI",
            "Halal: ;: ,",
            "&&& dan dan /",
            "Halal dan dan SNI",
            "Halal dan  and / , SNI",
            &long_digits,
            &long_dots,
            &long_text,
        ];
        for text in awkward {
            let _ = parse_price(text);
            let _ = parse_phone(text);
            let _ = parse_whole_number(text);
            let _ = parse_date(text);
            let _ = parse_curation_status(text);
            let _ = parse_availability(text);
            let _ = parse_lead_days(text);
            let _ = parse_kind(text);
            let _ = parse_certifications(text);
            let _ = parse_yes_no(text);
            let _ = split_list(text);
            let _ = parse_instagram(text);
            let _ = fold(text);
            let _ = crate::slug::slugify(text);
        }
        for serial in [
            f64::MIN,
            f64::MAX,
            f64::MIN_POSITIVE,
            -0.0,
            1e300,
            -1e300,
            f64::EPSILON,
            2_958_465.999_999_999,
        ] {
            let _ = date_from_serial(serial);
        }
    }
}
