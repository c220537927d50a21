//! A holiday notice as the office types it: one line per day or run of days,
//! "05/02/2027 - 11/02/2027 Tết Nguyên đán", "Làm bù 09/01/2027 …" for a
//! Saturday worked in exchange.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate, Weekday};
use regex::Regex;
use serde::Serialize;

use super::calendar::parse_date;
use super::fold::tidy;
use super::DeadlineError;

/// Whether a notice's day is given off or worked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum NoticeDayKind {
    /// A day off: holiday, Tết, nghỉ bù, nghỉ hoán đổi.
    Off,
    /// A Saturday worked in exchange (làm bù).
    Worked,
}

/// One day of a holiday notice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct NoticeDay {
    pub date: NaiveDate,
    pub kind: NoticeDayKind,
    pub name: String,
}

/// The longest run one line may give (Tết is at most 9 or 10 days).
const LONGEST_RUN: i64 = 31;

const DATE: &str = r"[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}";

static LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(làm bù|lam bu)?\s*({DATE})(?:\s*(?:-|–|đến|den)\s*({DATE}))?\s*[:,–-]?\s*(.*)$"
    ))
    .expect("literal regex")
});

/// Reads a notice typed one line per entry; blank lines and lines starting with
/// `#` are skipped. Days off without a name are "Ngày nghỉ theo thông báo",
/// worked Saturdays "Thứ Bảy làm bù". The days come back in date order.
///
/// # Errors
/// [`DeadlineError::NoticeLine`] naming the line for a line that is not a date
/// (or run of dates) and a name, a date that does not exist, a run that ends
/// before it starts or is longer than 31 days, a worked day that is not a
/// Saturday or is given as a run, or a day listed twice;
/// [`DeadlineError::NoticeEmpty`] when no line gives a day.
pub fn parse_notice(text: &str) -> Result<Vec<NoticeDay>, DeadlineError> {
    let mut days: BTreeMap<NaiveDate, (usize, NoticeDay)> = BTreeMap::new();
    for (index, raw) in text.lines().enumerate() {
        let number = index + 1;
        let line = tidy(raw);
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let fault = |reason: String| DeadlineError::NoticeLine {
            line: number,
            reason,
        };
        let Some(found) = LINE.captures(&line) else {
            return Err(fault(format!(
                "\"{line}\" không bắt đầu bằng một ngày (ví dụ: \"05/02/2027 - 11/02/2027 Tết Nguyên đán\" hoặc \"Làm bù 09/01/2027\")"
            )));
        };
        let worked = found.get(1).is_some();
        let date = |group: usize| -> Result<Option<NaiveDate>, DeadlineError> {
            found
                .get(group)
                .map(|m| parse_date(m.as_str()).map_err(|e| fault(e.to_string())))
                .transpose()
        };
        let first = date(2)?.ok_or_else(|| fault(format!("\"{line}\" thiếu ngày")))?;
        let last = date(3)?.unwrap_or(first);
        if last < first {
            return Err(fault(format!(
                "ngày kết thúc {} trước ngày bắt đầu {}",
                crate::text::date_text(last),
                crate::text::date_text(first)
            )));
        }
        if (last - first).num_days() >= LONGEST_RUN {
            return Err(fault(format!(
                "từ {} đến {} dài hơn {LONGEST_RUN} ngày",
                crate::text::date_text(first),
                crate::text::date_text(last)
            )));
        }
        let typed = found.get(4).map_or("", |m| m.as_str()).trim();
        let (kind, name) = if worked {
            if last != first {
                return Err(fault(
                    "ngày làm bù ghi từng ngày một, không ghi một khoảng".to_string(),
                ));
            }
            if first.weekday() != Weekday::Sat {
                return Err(fault(format!(
                    "ngày làm bù {} không phải thứ Bảy",
                    crate::text::date_text(first)
                )));
            }
            (NoticeDayKind::Worked, or(typed, "Thứ Bảy làm bù"))
        } else {
            (NoticeDayKind::Off, or(typed, "Ngày nghỉ theo thông báo"))
        };
        for date in first.iter_days().take_while(|d| *d <= last) {
            let day = NoticeDay {
                date,
                kind,
                name: name.clone(),
            };
            if let Some((earlier, _)) = days.insert(date, (number, day)) {
                return Err(fault(format!(
                    "ngày {} đã ghi ở dòng {earlier}",
                    crate::text::date_text(date)
                )));
            }
        }
    }
    if days.is_empty() {
        return Err(DeadlineError::NoticeEmpty);
    }
    Ok(days.into_values().map(|(_, day)| day).collect())
}

fn or(typed: &str, default: &str) -> String {
    if typed.is_empty() {
        default.to_string()
    } else {
        typed.to_string()
    }
}

/// The year a notice is about: the year most of its days fall in (a Tết
/// notice may start in late December).
pub fn notice_year(days: &[NoticeDay]) -> Option<i32> {
    let mut counts: BTreeMap<i32, usize> = BTreeMap::new();
    for day in days {
        *counts.entry(day.date.year()).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by_key(|(year, n)| (*n, -year))
        .map(|(year, _)| year)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).expect("test dates are real")
    }

    #[test]
    fn a_typed_notice_gives_runs_single_days_and_worked_saturdays() {
        let days = parse_notice(
            "# Tết 2027\n05/02/2027 - 11/02/2027 Tết Nguyên đán\n\n\
             2027-01-01: Tết Dương lịch\nLàm bù 09/01/2027\nlam bu 16/01/2027 Làm bù ngày 04/01\n\
             04/01/2027",
        )
        .expect("a well-formed notice");
        assert_eq!(
            days.len(),
            7 + 1 + 2 + 1,
            "seven days of Tết, 1/1, 4/1, two Saturdays"
        );
        assert_eq!(
            days[0],
            NoticeDay {
                date: day(2027, 1, 1),
                kind: NoticeDayKind::Off,
                name: "Tết Dương lịch".into()
            }
        );
        assert_eq!(
            days[1].name, "Ngày nghỉ theo thông báo",
            "a day off without a name"
        );
        assert_eq!(days[2].kind, NoticeDayKind::Worked);
        assert_eq!(days[2].name, "Thứ Bảy làm bù");
        assert_eq!(days[3].name, "Làm bù ngày 04/01");
        assert_eq!(days[4].date, day(2027, 2, 5));
        assert_eq!(days[10].date, day(2027, 2, 11));
        assert_eq!(notice_year(&days), Some(2027));
    }

    #[test]
    fn a_wrong_line_is_named_with_what_is_wrong() {
        let cases = [
            ("Tết 05/02/2027", 1, "không bắt đầu bằng một ngày"),
            (
                "01/01/2027 a\n31/02/2027 b",
                2,
                "không phải là ngày có thật",
            ),
            ("11/02/2027 - 05/02/2027 Tết", 1, "trước ngày bắt đầu"),
            ("Làm bù 08/01/2027", 1, "không phải thứ Bảy"),
            ("01/01/2027 a\n\n2027-01-01 b", 3, "đã ghi ở dòng 1"),
            ("01/01/2027 - 01/03/2027 x", 1, "dài hơn 31 ngày"),
        ];
        for (text, line, words) in cases {
            let error = parse_notice(text).expect_err(text);
            let message = error.to_string();
            assert!(
                matches!(error, DeadlineError::NoticeLine { line: l, .. } if l == line),
                "{text:?} → {message}"
            );
            assert!(message.contains(words), "{text:?} → {message}");
        }
        assert_eq!(
            parse_notice("# only a comment\n"),
            Err(DeadlineError::NoticeEmpty)
        );
    }
}
