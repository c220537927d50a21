//! Reading a deadline as officers word it, with or without diacritics.
//!
//! The text is tidied (NFC, single spaces), then matched in a folded view
//! (lowercase, no diacritics, đ as d), so "Quý III/2024", "quy iii/2024" and an
//! NFD "quý III/2024" read alike; the event of a working-day rule is cut from
//! the text as typed.

use std::sync::LazyLock;

use regex::{Captures, Regex};

use super::calendar::{check_month, check_year, checked_date, number, split_date};
use super::fold::{tidy, Folded};
use super::{Deadline, DeadlineError, Recurrence, WorkingDaysRule};

/// "trong thời hạn 05 ngày làm việc, kể từ <event>"; group 1 the count, group 2
/// the event.
static WORKING_DAYS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:\btrong (?:thoi han|vong) )?\b([0-9]{1,3}) ngay lam viec,? (?:ke tu|tinh tu|sau) (\S.*)$",
    )
    .expect("literal regex")
});

/// A recurrence, main word in group 1 and an optional bracketed detail in
/// group 2: "thường xuyên (hàng ngày)", "định kỳ hằng tháng".
const RECURRENCE: &str = r"(?:thuc hien )?(?:dinh ky )?(thuong xuyen|lien tuc|hang ngay|hang thang|hang quy|hang nam)(?: ?[(,] ?(hang ngay|hang thang|hang quy|hang nam) ?\)?)?";

static WHOLE_RECURRENCE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("^{RECURRENCE}$")).expect("literal regex"));
static LEADING_RECURRENCE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("^{RECURRENCE}")).expect("literal regex"));

/// Words before a dated deadline that change nothing: "bảo đảm hoàn thành trong".
static FILLER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:(?:bao dam|dam bao|phan dau) )?(?:hoan thanh )?(?:trong |vao |den het |cham nhat (?:la |vao )?)?",
    )
    .expect("literal regex")
});
/// "tháng 8/2024", "tháng 08 năm 2024".
static MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^thang ?([0-9]{1,2})(?: ?[/.-] ?| nam )([0-9]{4})$").expect("literal regex")
});
/// "quý III/2024", "quý 3/2024", "quý IV năm 2024".
static QUARTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^quy ?([ivxlc]+|[0-9]{1,2})(?: ?[/.-] ?| nam )([0-9]{4})$").expect("literal regex")
});
/// "năm 2024".
static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:ca )?nam ([0-9]{4})$").expect("literal regex"));
/// "ngày 15 tháng 10 năm 2024".
static LONG_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:ngay )?([0-9]{1,2}) thang ([0-9]{1,2}) nam ([0-9]{4})$")
        .expect("literal regex")
});

/// Reads a deadline as a plan words it.
///
/// Accepted forms (case, spacing, NFD and missing diacritics do not matter):
/// a month ("tháng 8/2024", "Hoàn thành trong tháng 08/2024"), a quarter ("quý
/// III/2024", "quý 3/2024"), a year ("Trong năm 2024"), a date ("31/12/2024",
/// "ngày 15/10/2024", "2024-12-31"), recurring work ("Thường xuyên", "Hàng
/// tháng", "Thường xuyên (hàng ngày)"), and working days after an event
/// ("Trong thời hạn 05 ngày làm việc kể từ ngày có Quyết định…"), alone or after
/// a recurrence ("Thường xuyên (hàng ngày); trình công bố trong thời hạn 05 ngày
/// làm việc kể từ …").
///
/// # Errors
/// [`DeadlineError::Empty`] for blank text; [`DeadlineError::InvalidMonth`],
/// [`DeadlineError::InvalidQuarter`], [`DeadlineError::InvalidDay`],
/// [`DeadlineError::YearOutOfRange`] or [`DeadlineError::NoWorkingDays`] for a
/// known form with an impossible value; [`DeadlineError::Unrecognised`], naming
/// the text and the accepted forms, for anything else.
///
/// # Example
/// ```
/// use cchc::deadline::{parse, Deadline};
/// assert_eq!(parse("quý III/2024"), Ok(Deadline::Quarter { year: 2024, quarter: 3 }));
/// ```
pub fn parse(text: &str) -> Result<Deadline, DeadlineError> {
    let typed = tidy(text);
    let body = strip_wrapping(&typed);
    if body.is_empty() {
        return Err(DeadlineError::Empty);
    }
    let folded = Folded::new(body);
    if let Some(found) = WORKING_DAYS.captures(folded.as_str()) {
        return working_days(&typed, &folded, &found);
    }
    if let Some(found) = WHOLE_RECURRENCE.captures(folded.as_str()) {
        return Ok(Deadline::Recurring {
            every: recurrence(&found),
            working_days: None,
        });
    }
    dated(&typed, &folded)
}

/// Drops leading bullets, trailing full stops and semicolons, and brackets
/// around the whole text: "(hoàn thành trong năm 2024)." → "hoàn thành trong
/// năm 2024".
fn strip_wrapping(text: &str) -> &str {
    fn trim(text: &str) -> &str {
        text.trim_start_matches(|c: char| {
            c.is_whitespace() || matches!(c, '-' | '–' | '•' | '+' | '*')
        })
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ';' | ',' | ':'))
    }
    let mut body = trim(text);
    while let Some(inner) = body
        .strip_prefix('(')
        .and_then(|rest| rest.strip_suffix(')'))
    {
        if inner.contains(['(', ')']) {
            break;
        }
        body = trim(inner);
    }
    body
}

fn working_days(
    typed: &str,
    folded: &Folded<'_>,
    found: &Captures<'_>,
) -> Result<Deadline, DeadlineError> {
    let unrecognised = || DeadlineError::Unrecognised {
        text: typed.to_string(),
    };
    let days: u32 = number(found, 1).ok_or_else(unrecognised)?;
    if days == 0 {
        return Err(DeadlineError::NoWorkingDays {
            text: typed.to_string(),
        });
    }
    let event = found.get(2).ok_or_else(unrecognised)?;
    let rule = WorkingDaysRule {
        days,
        after: folded.source_of(event.range()).to_string(),
    };
    let start = found.get(0).map_or(0, |whole| whole.start());
    let before = folded.as_str().get(..start).unwrap_or("");
    let before = before
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ';' | ',' | ':' | '-' | '.'));
    if before.is_empty() {
        return Ok(Deadline::WorkingDays(rule));
    }
    if let Some(found) = LEADING_RECURRENCE.captures(before) {
        let ends_a_word = found.get(0).is_some_and(|whole| {
            !before
                .get(whole.end()..)
                .is_some_and(|rest| rest.starts_with(|c: char| c.is_alphanumeric()))
        });
        if ends_a_word {
            return Ok(Deadline::Recurring {
                every: recurrence(&found),
                working_days: Some(rule),
            });
        }
    }
    // Words naming the action ("trình công bố") may come first; a number there
    // would be a second deadline this form cannot hold.
    if before.contains(|c: char| c.is_ascii_digit()) {
        return Err(unrecognised());
    }
    Ok(Deadline::WorkingDays(rule))
}

fn recurrence(found: &Captures<'_>) -> Recurrence {
    let word = found
        .get(2)
        .or_else(|| found.get(1))
        .map_or("", |word| word.as_str());
    match word {
        "hang ngay" => Recurrence::Daily,
        "hang thang" => Recurrence::Monthly,
        "hang quy" => Recurrence::Quarterly,
        "hang nam" => Recurrence::Yearly,
        _ => Recurrence::Ongoing,
    }
}

fn dated(typed: &str, folded: &Folded<'_>) -> Result<Deadline, DeadlineError> {
    let unrecognised = || DeadlineError::Unrecognised {
        text: typed.to_string(),
    };
    let all = folded.as_str();
    let offset = FILLER.find(all).map_or(0, |filler| filler.end());
    let rest = all.get(offset..).unwrap_or("");

    if let Some(found) = MONTH.captures(rest) {
        let month: u32 = number(&found, 1).ok_or_else(unrecognised)?;
        let year: i32 = number(&found, 2).ok_or_else(unrecognised)?;
        check_month(typed, month)?;
        check_year(typed, year)?;
        return Ok(Deadline::Month { year, month });
    }
    if let Some(found) = QUARTER.captures(rest) {
        let year: i32 = number(&found, 2).ok_or_else(unrecognised)?;
        let numeral = found.get(1).ok_or_else(unrecognised)?;
        let quarter = match numeral.as_str() {
            "i" | "1" => 1,
            "ii" | "2" => 2,
            "iii" | "3" => 3,
            "iv" | "4" => 4,
            _ => {
                let range = numeral.start() + offset..numeral.end() + offset;
                return Err(DeadlineError::InvalidQuarter {
                    text: typed.to_string(),
                    quarter: folded.source_of(range).to_string(),
                });
            }
        };
        check_year(typed, year)?;
        return Ok(Deadline::Quarter { year, quarter });
    }
    if let Some(found) = YEAR.captures(rest) {
        let year: i32 = number(&found, 1).ok_or_else(unrecognised)?;
        check_year(typed, year)?;
        return Ok(Deadline::Year(year));
    }
    let parts = match LONG_DATE.captures(rest) {
        Some(found) => number(&found, 3)
            .zip(number(&found, 2))
            .zip(number(&found, 1))
            .map(|((year, month), day)| (year, month, day)),
        None => split_date(rest.strip_prefix("ngay ").unwrap_or(rest)),
    };
    let (year, month, day) = parts.ok_or_else(unrecognised)?;
    check_year(typed, year)?;
    checked_date(typed, year, month, day).map(Deadline::Date)
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    fn day(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).expect("test dates are real")
    }

    fn rule(days: u32, after: &str) -> WorkingDaysRule {
        WorkingDaysRule {
            days,
            after: after.to_string(),
        }
    }

    fn recurring(every: Recurrence) -> Deadline {
        Deadline::Recurring {
            every,
            working_days: None,
        }
    }

    #[test]
    fn months_are_read_in_every_way_the_plans_write_them() {
        let august = Deadline::Month {
            year: 2024,
            month: 8,
        };
        for text in [
            "tháng 8/2024",
            "Hoàn thành trong tháng 8/2024",
            "Tháng 08/2024",
            "hoàn thành trong tháng 8/2024.",
            "thang 8/2024",
            "THÁNG 8 / 2024",
            "tháng 8 năm 2024",
            "Trong tháng 08-2024",
        ] {
            assert_eq!(parse(text), Ok(august.clone()), "{text:?} is August 2024");
        }
    }

    #[test]
    fn quarters_are_read_in_roman_or_arabic_numerals() {
        let cases = [
            ("quý III/2024", 3),
            ("Quý IV/2024", 4),
            ("hoàn thành trong quý III/2024", 3),
            ("bảo đảm hoàn thành trong quý IV/2024", 4),
            ("quý 3/2024", 3),
            ("Quý I/2025", 1),
            ("quý ii năm 2024", 2),
            ("quy III/2024", 3),
            ("QUY IV/2024", 4),
        ];
        for (text, quarter) in cases {
            let year = if text.contains("2025") { 2025 } else { 2024 };
            assert_eq!(
                parse(text),
                Ok(Deadline::Quarter { year, quarter }),
                "{text:?} is quarter {quarter}"
            );
        }
    }

    #[test]
    fn years_are_read_with_or_without_the_words_around_them() {
        for text in [
            "Trong năm 2024",
            "Năm 2024",
            "hoàn thành trong năm 2024",
            "(hoàn thành trong năm 2024)",
            "nam 2024",
            "trong nam 2024",
        ] {
            assert_eq!(
                parse(text),
                Ok(Deadline::Year(2024)),
                "{text:?} is the year 2024"
            );
        }
    }

    #[test]
    fn exact_dates_are_read_in_every_accepted_form() {
        let cases = [
            ("31/12/2024", day(2024, 12, 31)),
            ("ngày 15/10/2024", day(2024, 10, 15)),
            ("2024-12-31", day(2024, 12, 31)),
            ("Ngày 5/9/2024", day(2024, 9, 5)),
            ("ngày 15 tháng 10 năm 2024", day(2024, 10, 15)),
            ("hoàn thành vào ngày 15/10/2024", day(2024, 10, 15)),
            ("chậm nhất ngày 15/10/2024", day(2024, 10, 15)),
        ];
        for (text, date) in cases {
            assert_eq!(parse(text), Ok(Deadline::Date(date)), "{text:?} is {date}");
        }
    }

    #[test]
    fn recurring_work_is_read_with_its_rhythm() {
        let cases = [
            ("Thường xuyên", Recurrence::Ongoing),
            ("thường xuyên", Recurrence::Ongoing),
            ("thuong xuyen", Recurrence::Ongoing),
            ("Hàng tháng", Recurrence::Monthly),
            ("hàng tháng", Recurrence::Monthly),
            ("Hằng tháng", Recurrence::Monthly),
            ("Hàng ngày", Recurrence::Daily),
            ("Thường xuyên (hàng ngày)", Recurrence::Daily),
            ("thường xuyên(hàng ngày)", Recurrence::Daily),
            ("Hàng quý", Recurrence::Quarterly),
            ("Hàng năm", Recurrence::Yearly),
            ("Định kỳ hằng quý", Recurrence::Quarterly),
            ("Thực hiện thường xuyên", Recurrence::Ongoing),
        ];
        for (text, every) in cases {
            assert_eq!(
                parse(text),
                Ok(recurring(every.clone())),
                "{text:?} is {every:?}"
            );
        }
    }

    #[test]
    fn working_days_after_an_event_keep_the_event_as_typed() {
        assert_eq!(
            parse(
                "Trong thời hạn 05 ngày làm việc kể từ ngày có Quyết định công bố TTHC của Bộ trưởng…"
            ),
            Ok(Deadline::WorkingDays(rule(
                5,
                "ngày có Quyết định công bố TTHC của Bộ trưởng…"
            ))),
            "the event is cut from the text with its case and diacritics"
        );
        assert_eq!(
            parse("10 ngay lam viec ke tu ngay nhan du ho so."),
            Ok(Deadline::WorkingDays(rule(10, "ngay nhan du ho so"))),
            "no diacritics, no 'trong thời hạn', a trailing full stop"
        );
        assert_eq!(
            parse("trong thời hạn 05 ngày làm việc, kể từ ngày nhận được hồ sơ"),
            Ok(Deadline::WorkingDays(rule(5, "ngày nhận được hồ sơ"))),
            "a comma before 'kể từ', as in the plan"
        );
        assert_eq!(
            parse("trình Chủ tịch UBND tỉnh trong thời hạn 05 ngày làm việc kể từ ngày nhận hồ sơ"),
            Ok(Deadline::WorkingDays(rule(5, "ngày nhận hồ sơ"))),
            "words naming the action may come first"
        );
    }

    #[test]
    fn a_recurrence_followed_by_a_working_day_rule_keeps_both() {
        let text = "Thường xuyên (hàng ngày); trình công bố trong thời hạn 05 ngày làm việc \
                    kể từ ngày có Quyết định công bố TTHC";
        assert_eq!(
            parse(text),
            Ok(Deadline::Recurring {
                every: Recurrence::Daily,
                working_days: Some(rule(5, "ngày có Quyết định công bố TTHC")),
            }),
            "daily checking, then five working days per decision"
        );
        assert!(
            parse(text).is_ok_and(|deadline| deadline.is_recurring()),
            "it is recurring work"
        );
    }

    #[test]
    fn nfd_input_extra_spaces_and_capitals_read_the_same() {
        let nfd: String =
            unicode_normalization::UnicodeNormalization::nfd("Hoàn thành trong quý III/2024")
                .collect();
        assert_ne!(
            nfd, "Hoàn thành trong quý III/2024",
            "the input really is decomposed"
        );
        assert_eq!(
            parse(&nfd),
            Ok(Deadline::Quarter {
                year: 2024,
                quarter: 3
            }),
            "NFD input as macOS sends it"
        );
        assert_eq!(
            parse("  THƯỜNG   XUYÊN  "),
            Ok(recurring(Recurrence::Ongoing)),
            "capitals and runs of spaces"
        );
    }

    #[test]
    fn an_empty_deadline_is_its_own_error() {
        assert_eq!(parse(""), Err(DeadlineError::Empty), "nothing typed");
        assert_eq!(parse("   \n "), Err(DeadlineError::Empty), "only spaces");
        assert_eq!(parse(" . "), Err(DeadlineError::Empty), "only punctuation");
    }

    #[test]
    fn unreadable_text_gets_the_message_that_lists_the_forms() {
        let error = parse("sớm nhất có thể").expect_err("not a deadline form");
        assert_eq!(
            error.to_string(),
            "Không hiểu thời hạn \"sớm nhất có thể\": hãy ghi theo một trong các dạng \
             \"tháng 8/2024\", \"quý III/2024\", \"năm 2024\", \"31/12/2024\", \
             \"Thường xuyên\" hoặc \"05 ngày làm việc kể từ …\".",
            "the officer sees the text and the accepted forms"
        );
        for text in [
            "tháng 8",
            "05 ngày làm việc",
            "Hàng tuần",
            "thường xuyên rà soát",
            "6 tháng đầu năm 2024",
            "Công văn 1030/UBND trong thời hạn 05 ngày làm việc kể từ ngày nhận",
        ] {
            assert!(
                matches!(parse(text), Err(DeadlineError::Unrecognised { .. })),
                "{text:?} is not a form the app can date"
            );
        }
    }

    #[test]
    fn impossible_months_quarters_days_and_years_get_specific_errors() {
        assert_eq!(
            parse("tháng 13/2024"),
            Err(DeadlineError::InvalidMonth {
                text: "tháng 13/2024".to_string(),
                month: 13
            }),
            "there is no month 13"
        );
        let quarter = parse("quý V/2024").expect_err("there is no quarter V");
        assert_eq!(
            quarter,
            DeadlineError::InvalidQuarter {
                text: "quý V/2024".to_string(),
                quarter: "V".to_string()
            },
            "the quarter is quoted as typed"
        );
        assert_eq!(
            quarter.to_string(),
            "\"quý V/2024\" ghi quý V, nhưng một năm chỉ có quý I, II, III và IV.",
            "the message names the typed quarter"
        );
        assert!(
            matches!(
                parse("quý 5/2024"),
                Err(DeadlineError::InvalidQuarter { .. })
            ),
            "Arabic 5 is no quarter either"
        );
        assert!(
            matches!(
                parse("31/02/2024"),
                Err(DeadlineError::InvalidDay {
                    day: 31,
                    month: 2,
                    ..
                })
            ),
            "February has no 31st"
        );
        assert!(
            matches!(
                parse("năm 2204"),
                Err(DeadlineError::YearOutOfRange { year: 2204, .. })
            ),
            "2204 is a slip for 2024"
        );
        assert!(
            matches!(
                parse("00 ngày làm việc kể từ ngày nhận"),
                Err(DeadlineError::NoWorkingDays { .. })
            ),
            "a rule needs at least one day"
        );
    }
}
