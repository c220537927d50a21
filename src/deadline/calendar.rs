//! Dates and reporting periods as officers type them on the command line and in
//! workbooks: "31/12/2024", "5/9/2024", "2024-12-31"; "08/2024", "2024-08".

use std::ops::RangeInclusive;
use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use regex::Regex;

use super::fold::tidy;
use super::DeadlineError;
use crate::text::date_text;

/// Years a deadline or a reporting period may name; anything else is a slip.
pub(super) const YEARS: RangeInclusive<i32> = 2000..=2100;

/// Day, month, year: "31/12/2024", "5/9/2024" (also with "-" or ".").
static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([0-9]{1,2}) ?[/.-] ?([0-9]{1,2}) ?[/.-] ?([0-9]{4})$").expect("literal regex")
});
/// ISO 8601: "2024-12-31".
static ISO_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})$").expect("literal regex"));
/// Month, year: "08/2024".
static MONTH_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([0-9]{1,2}) ?/ ?([0-9]{4})$").expect("literal regex"));
/// Year, month: "2024-08".
static YEAR_MONTH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([0-9]{4})-([0-9]{1,2})$").expect("literal regex"));

/// Reads a date typed as `DD/MM/YYYY`, `D/M/YYYY` or `YYYY-MM-DD`.
///
/// The year must be within `YEARS`, the one range of every date the app
/// accepts (see [`check_date_in_range`]).
///
/// # Errors
/// [`DeadlineError::BadDate`] naming the text and the accepted forms when it is in
/// none of them; [`DeadlineError::InvalidMonth`] or [`DeadlineError::InvalidDay`]
/// for "31/13/2024" or "31/02/2024".
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// let date = cchc::deadline::parse_date("5/9/2024").expect("a date");
/// assert_eq!(NaiveDate::from_ymd_opt(2024, 9, 5), Some(date));
/// ```
pub fn parse_date(text: &str) -> Result<NaiveDate, DeadlineError> {
    let typed = tidy(text);
    match split_date(&typed) {
        Some((year, month, day)) => {
            check_year(&typed, year)?;
            checked_date(&typed, year, month, day)
        }
        None => Err(DeadlineError::BadDate { text: typed }),
    }
}

/// Reads a reporting period (kỳ báo cáo) typed as `MM/YYYY` or `YYYY-MM`, giving
/// `(year, month)`.
///
/// # Errors
/// [`DeadlineError::BadPeriod`] when the text is in neither form,
/// [`DeadlineError::InvalidMonth`] for month 0 or 13, and
/// [`DeadlineError::YearOutOfRange`] for years outside 2000–2100.
///
/// # Example
/// ```
/// assert_eq!(cchc::deadline::parse_period("08/2024"), Ok((2024, 8)));
/// assert_eq!(cchc::deadline::parse_period("2024-08"), Ok((2024, 8)));
/// ```
pub fn parse_period(text: &str) -> Result<(i32, u32), DeadlineError> {
    let typed = tidy(text);
    let parts = if let Some(found) = MONTH_YEAR.captures(&typed) {
        number::<i32>(&found, 2).zip(number::<u32>(&found, 1))
    } else if let Some(found) = YEAR_MONTH.captures(&typed) {
        number::<i32>(&found, 1).zip(number::<u32>(&found, 2))
    } else {
        None
    };
    let Some((year, month)) = parts else {
        return Err(DeadlineError::BadPeriod { text: typed });
    };
    check_month(&typed, month)?;
    check_year(&typed, year)?;
    Ok((year, month))
}

/// `(year, month, day)` from "31/12/2024" or "2024-12-31", unchecked.
pub(super) fn split_date(text: &str) -> Option<(i32, u32, u32)> {
    if let Some(found) = DAY_MONTH_YEAR.captures(text) {
        return Some((number(&found, 3)?, number(&found, 2)?, number(&found, 1)?));
    }
    let found = ISO_DATE.captures(text)?;
    Some((number(&found, 1)?, number(&found, 2)?, number(&found, 3)?))
}

/// The date, or the error that says what is wrong with it; `text` is quoted in
/// the error.
pub(super) fn checked_date(
    text: &str,
    year: i32,
    month: u32,
    day: u32,
) -> Result<NaiveDate, DeadlineError> {
    check_month(text, month)?;
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| DeadlineError::InvalidDay {
        text: text.to_string(),
        day,
        month,
        year,
    })
}

/// Refuses a date outside the one range the app accepts for every date it
/// stores or reads (years 2000–2100, as for reporting periods): earlier or
/// later dates are typing slips, and a date before 1900 cannot even be written
/// as an Excel date.
///
/// # Errors
/// [`DeadlineError::YearOutOfRange`] naming the date (dd/mm/yyyy) and the range.
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// let old = NaiveDate::from_ymd_opt(1899, 12, 31).expect("a date");
/// assert!(cchc::deadline::check_date_in_range(old).is_err());
/// ```
pub fn check_date_in_range(date: NaiveDate) -> Result<NaiveDate, DeadlineError> {
    // The text is only for the error: the collector checks every date it reads.
    if !YEARS.contains(&date.year()) {
        check_year(&date_text(date), date.year())?;
    }
    Ok(date)
}

pub(super) fn check_month(text: &str, month: u32) -> Result<(), DeadlineError> {
    if (1..=12).contains(&month) {
        Ok(())
    } else {
        Err(DeadlineError::InvalidMonth {
            text: text.to_string(),
            month,
        })
    }
}

pub(super) fn check_year(text: &str, year: i32) -> Result<(), DeadlineError> {
    if YEARS.contains(&year) {
        Ok(())
    } else {
        Err(DeadlineError::YearOutOfRange {
            text: text.to_string(),
            year,
        })
    }
}

/// The last calendar day of a month, or None for a month outside 1–12.
pub(super) fn last_day_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    if !(1..=12).contains(&month) {
        return None;
    }
    let (next_year, next_month) = if month == 12 {
        (year.checked_add(1)?, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(next_year, next_month, 1)?.pred_opt()
}

/// Capture group `group` as a number; the patterns only capture ASCII digits.
pub(super) fn number<T: std::str::FromStr>(found: &regex::Captures<'_>, group: usize) -> Option<T> {
    found.get(group)?.as_str().parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).expect("test dates are real")
    }

    #[test]
    fn a_date_out_of_range_is_refused_naming_it() {
        assert_eq!(
            check_date_in_range(day(2100, 12, 31)),
            Ok(day(2100, 12, 31))
        );
        assert_eq!(
            check_date_in_range(day(1899, 12, 31)),
            Err(DeadlineError::YearOutOfRange {
                text: "31/12/1899".to_string(),
                year: 1899
            })
        );
    }

    #[test]
    fn dates_are_read_in_vietnamese_and_iso_order() {
        let cases = [
            ("31/12/2024", day(2024, 12, 31)),
            ("05/09/2024", day(2024, 9, 5)),
            ("5/9/2024", day(2024, 9, 5)),
            ("2024-12-31", day(2024, 12, 31)),
            ("2024-9-5", day(2024, 9, 5)),
            (" 15 / 10 / 2024 ", day(2024, 10, 15)),
            ("23/01/2018", day(2018, 1, 23)),
        ];
        for (text, expected) in cases {
            assert_eq!(
                parse_date(text),
                Ok(expected),
                "{text:?} is a date form the CLI accepts"
            );
        }
    }

    #[test]
    fn a_date_in_no_known_form_names_the_text_and_the_forms() {
        let error = parse_date("15.10").expect_err("no year");
        assert_eq!(
            error,
            DeadlineError::BadDate {
                text: "15.10".to_string()
            },
            "a date needs a four-digit year"
        );
        let message = error.to_string();
        assert!(
            message.contains("\"15.10\""),
            "the message quotes the text: {message}"
        );
        assert!(
            message.contains("31/12/2024"),
            "and shows a form: {message}"
        );
        assert!(
            parse_date("12/31/24").is_err(),
            "two-digit years are not read"
        );
        assert!(parse_date("").is_err(), "an empty date is not a date");
    }

    #[test]
    fn a_day_the_month_does_not_have_is_reported_as_such() {
        let error = parse_date("31/02/2024").expect_err("February has no 31st");
        assert_eq!(
            error,
            DeadlineError::InvalidDay {
                text: "31/02/2024".to_string(),
                day: 31,
                month: 2,
                year: 2024
            },
            "31/02 is a real form with an impossible day"
        );
        assert_eq!(
            error.to_string(),
            "\"31/02/2024\" không phải là ngày có thật: tháng 2/2024 không có ngày 31.",
            "the message says which day is missing"
        );
        assert!(
            matches!(
                parse_date("29/02/2023"),
                Err(DeadlineError::InvalidDay { .. })
            ),
            "2023 is not a leap year"
        );
        assert_eq!(parse_date("29/02/2024"), Ok(day(2024, 2, 29)), "2024 is");
        assert!(
            matches!(
                parse_date("31/13/2024"),
                Err(DeadlineError::InvalidMonth { month: 13, .. })
            ),
            "month 13 is reported as a bad month, not a bad day"
        );
    }

    #[test]
    fn periods_are_read_as_month_and_year_in_either_order() {
        assert_eq!(parse_period("08/2024"), Ok((2024, 8)), "MM/YYYY");
        assert_eq!(parse_period("8/2024"), Ok((2024, 8)), "M/YYYY");
        assert_eq!(parse_period("2024-08"), Ok((2024, 8)), "YYYY-MM");
        assert_eq!(parse_period(" 12/2026 "), Ok((2026, 12)), "spaces around");
    }

    #[test]
    fn periods_with_month_zero_or_thirteen_or_a_far_year_are_refused() {
        assert_eq!(
            parse_period("13/2024"),
            Err(DeadlineError::InvalidMonth {
                text: "13/2024".to_string(),
                month: 13
            }),
            "there is no month 13"
        );
        assert!(
            matches!(
                parse_period("2024-00"),
                Err(DeadlineError::InvalidMonth { month: 0, .. })
            ),
            "there is no month 0"
        );
        let error = parse_period("08/1999").expect_err("1999 is before the app's range");
        assert_eq!(
            error.to_string(),
            "\"08/1999\" ghi năm 1999, nằm ngoài khoảng từ năm 2000 đến năm 2100.",
            "the message names the year and the range"
        );
        assert!(
            matches!(
                parse_period("2101-01"),
                Err(DeadlineError::YearOutOfRange { .. })
            ),
            "2101 is past the range"
        );
        assert!(
            matches!(
                parse_period("tháng 8"),
                Err(DeadlineError::BadPeriod { .. })
            ),
            "a period needs its year"
        );
        assert!(
            parse_period("2024-08-01").is_err(),
            "a date is not a reporting period"
        );
    }
}
