//! `shipping:` and `returns:` in `catalogue.yaml`: what the office states about delivering an
//! order and taking goods back. Both are optional and nothing here has a default: product
//! pages and their schema.org offers say only what is written (see `render::meta`).
//!
//! A value that fails its check is left out of the result; the problem it pushes makes
//! `Config::parse` give up, so a half-checked block never reaches a page.

use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::diagnostic::Diagnostic;
use crate::messages as msg;

use super::field_error;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawShipping {
    country: Spanned<String>,
    rate: Spanned<u64>,
    handling_days: Option<RawDays>,
    transit_days: Option<RawDays>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawReturns {
    country: Spanned<String>,
    days: Spanned<u64>,
    fee: Option<Spanned<u64>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDays {
    min: Spanned<u64>,
    max: Spanned<u64>,
}

/// Shipping as the office states it: to one country, at one rate per order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shipping {
    /// ISO 3166-1 alpha-2, uppercase: `ID`.
    pub country: String,
    /// Whole rupiah per order; 0 is free shipping.
    pub rate: u64,
    /// Days from the order until the parcel leaves.
    pub handling_days: Option<DayRange>,
    /// Days the parcel is on its way.
    pub transit_days: Option<DayRange>,
}

/// Returns as the office states them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Returns {
    /// ISO 3166-1 alpha-2, uppercase: `ID`.
    pub country: String,
    /// Days the buyer has to send goods back; 0: returns are not accepted.
    pub days: u64,
    /// What sending goods back costs the buyer, in whole rupiah (0: free); `None` when the
    /// catalogue does not say.
    pub fee: Option<u64>,
}

/// `{ min: 1, max: 3 }` days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayRange {
    pub min: u64,
    pub max: u64,
}

/// The longest handling or transit time one may write: three months.
const MAX_SHIPPING_DAYS: u64 = 90;
/// The longest return window one may write: a year.
const MAX_RETURN_DAYS: u64 = 365;
/// A shipping rate or return fee above this is surely a typo (an extra zero or two).
const MAX_FEE: u64 = 100_000_000;

pub(super) fn validate_shipping(
    raw: RawShipping,
    problems: &mut Vec<Diagnostic>,
) -> Option<Shipping> {
    let country = checked_country("shipping.country", &raw.country, problems);
    let rate = checked_number("shipping.rate", &raw.rate, MAX_FEE, problems);
    let handling_days = raw
        .handling_days
        .map(|days| checked_days("shipping.handling_days", &days, problems));
    let transit_days = raw
        .transit_days
        .map(|days| checked_days("shipping.transit_days", &days, problems));
    Some(Shipping {
        country: country?,
        rate: rate?,
        handling_days: handling_days.flatten(),
        transit_days: transit_days.flatten(),
    })
}

pub(super) fn validate_returns(raw: RawReturns, problems: &mut Vec<Diagnostic>) -> Option<Returns> {
    let country = checked_country("returns.country", &raw.country, problems);
    let days = checked_number("returns.days", &raw.days, MAX_RETURN_DAYS, problems);
    let fee = raw
        .fee
        .as_ref()
        .map(|fee| checked_number("returns.fee", fee, MAX_FEE, problems));
    if let (Some(0), Some(fee)) = (days, &raw.fee) {
        problems.push(
            field_error("returns.fee", &msg::RETURN_FEE_WITHOUT_RETURNS)
                .at_line(line_of(fee))
                .with_hint(&msg::RETURN_FEE_WITHOUT_RETURNS_HINT),
        );
        return None;
    }
    Some(Returns {
        country: country?,
        days: days?,
        fee: fee.flatten(),
    })
}

/// Two letters, such as `ID`; written in lowercase it is read all the same.
fn checked_country(
    field: &str,
    raw: &Spanned<String>,
    problems: &mut Vec<Diagnostic>,
) -> Option<String> {
    let code = raw.value.trim();
    if code.len() == 2 && code.bytes().all(|b| b.is_ascii_alphabetic()) {
        return Some(code.to_ascii_uppercase());
    }
    problems.push(
        field_error(field, msg::NOT_A_COUNTRY_CODE.arg("value", &raw.value))
            .at_line(line_of(raw))
            .with_hint(&msg::COUNTRY_CODE_HINT),
    );
    None
}

fn checked_number(
    field: &str,
    raw: &Spanned<u64>,
    max: u64,
    problems: &mut Vec<Diagnostic>,
) -> Option<u64> {
    if raw.value <= max {
        return Some(raw.value);
    }
    problems.push(
        field_error(
            field,
            msg::LIMIT_OUT_OF_RANGE
                .arg("value", raw.value)
                .arg("min", 0)
                .arg("max", max),
        )
        .at_line(line_of(raw)),
    );
    None
}

fn checked_days(field: &str, raw: &RawDays, problems: &mut Vec<Diagnostic>) -> Option<DayRange> {
    let min = checked_number(
        &format!("{field}.min"),
        &raw.min,
        MAX_SHIPPING_DAYS,
        problems,
    );
    let max = checked_number(
        &format!("{field}.max"),
        &raw.max,
        MAX_SHIPPING_DAYS,
        problems,
    );
    let (min, max) = (min?, max?);
    if min > max {
        problems.push(
            field_error(
                field,
                msg::DAYS_MIN_OVER_MAX.arg("min", min).arg("max", max),
            )
            .at_line(line_of(&raw.min))
            .with_hint(&msg::DAYS_MIN_OVER_MAX_HINT),
        );
        return None;
    }
    Some(DayRange { min, max })
}

fn line_of<T>(spanned: &Spanned<T>) -> Option<u64> {
    Some(spanned.referenced.line()).filter(|line| *line > 0)
}

#[cfg(test)]
mod tests {
    use crate::config::{Config, DayRange, Returns, Shipping};
    use crate::diagnostic::Diagnostics;

    const MINIMAL: &str = "title: { id: K, en: C }\nbase_url: https://example.id\nlanguages: [id, en]\npublisher: { name: Dinas }\ncategories: []\n";

    fn parse(terms: &str) -> (Option<Config>, Vec<String>) {
        let mut diagnostics = Diagnostics::default();
        let config = Config::parse(&format!("{MINIMAL}{terms}"), &mut diagnostics);
        let errors = diagnostics
            .iter()
            .map(|d| d.render(crate::messages::Lang::En))
            .collect();
        (config, errors)
    }

    #[test]
    fn terms_are_read_as_written_and_absent_ones_stay_absent() {
        let (config, errors) = parse(
            "shipping:\n  country: id\n  rate: 25000\n  transit_days: { min: 2, max: 5 }\nreturns:\n  country: ID\n  days: 0\n",
        );
        assert!(errors.is_empty(), "{errors:?}");
        let config = config.unwrap();
        assert_eq!(
            config.shipping,
            Some(Shipping {
                country: "ID".into(),
                rate: 25_000,
                handling_days: None,
                transit_days: Some(DayRange { min: 2, max: 5 }),
            })
        );
        assert_eq!(
            config.returns,
            Some(Returns {
                country: "ID".into(),
                days: 0,
                fee: None,
            })
        );
        let (config, _) = parse("");
        let config = config.unwrap();
        assert_eq!((config.shipping, config.returns), (None, None));
    }

    #[test]
    fn every_wrong_term_is_reported_with_its_line() {
        let (config, errors) = parse(
            "shipping:\n  country: IDN\n  rate: 200000000\n  handling_days: { min: 3, max: 1 }\nreturns:\n  country: ID\n  days: 0\n  fee: 1\n",
        );
        assert!(config.is_none());
        assert_eq!(
            errors,
            [
                "error: catalogue.yaml:7: field `shipping.country`: `IDN` is not a country code\n  hint: write the country's two-letter code, e.g. `country: ID` for Indonesia",
                "error: catalogue.yaml:8: field `shipping.rate`: `200000000` is outside the allowed range, 0 to 100000000",
                "error: catalogue.yaml:9: field `shipping.handling_days`: the shortest time, 3 days, is longer than the longest, 1 days\n  hint: write the shortest time as `min` and the longest as `max`, e.g. `{ min: 2, max: 5 }`",
                "error: catalogue.yaml:13: field `returns.fee`: a return fee is given, but `days: 0` says returns are not accepted\n  hint: remove `fee`, or write in `days` how many days buyers have to send goods back",
            ]
        );
    }
}
