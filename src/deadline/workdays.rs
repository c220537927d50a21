//! Working days counted in the open: the due date of "N ngày làm việc" after a
//! day together with every day the count skipped and why, and the working days
//! between two dates.

use chrono::{Datelike, NaiveDate, Weekday};
use serde::Serialize;

use super::holidays::{add_working_days, Holidays};
use crate::text::date_text;

/// A day the count passed over, or a Saturday it counted, with the reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DayNote {
    pub date: NaiveDate,
    /// "Tết Nguyên đán", "Thứ Bảy", "Chủ nhật", "Làm bù ngày nghỉ hoán đổi 02/5/2025".
    pub why: String,
}

/// N working days after a day, shown with the days that were not counted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct WorkdayCount {
    /// The day the count starts after (not counted itself).
    pub from: NaiveDate,
    pub days: u32,
    pub due_date: NaiveDate,
    /// Weekends, holidays, Tết, nghỉ bù and swapped days between `from` and the
    /// due date, in order.
    pub skipped: Vec<DayNote>,
    /// Saturdays worked in exchange that the count took as working days.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub worked_saturdays: Vec<DayNote>,
}

impl WorkdayCount {
    /// Counts `days` working days after `from` over `holidays`.
    pub fn new(from: NaiveDate, days: u32, holidays: &Holidays) -> WorkdayCount {
        let due_date = add_working_days(from, days, holidays);
        let mut skipped = Vec::new();
        let mut worked_saturdays = Vec::new();
        for date in from.iter_days().skip(1).take_while(|d| *d <= due_date) {
            if !holidays.is_working_day(date) {
                skipped.push(DayNote {
                    date,
                    why: why_off(date, holidays),
                });
            } else if date.weekday() == Weekday::Sat {
                worked_saturdays.push(DayNote {
                    date,
                    why: holidays
                        .working_saturday_name(date)
                        .unwrap_or("Thứ Bảy làm bù")
                        .to_string(),
                });
            }
        }
        WorkdayCount {
            from,
            days,
            due_date,
            skipped,
            worked_saturdays,
        }
    }

    /// The count in words, e.g. "05 ngày làm việc từ 23/01/2025: bỏ qua
    /// 25/01–02/02/2025 (Tết Nguyên đán); hạn 06/02/2025."
    pub fn explanation(&self) -> String {
        let mut text = format!("{:02} ngày làm việc từ {}", self.days, date_text(self.from));
        let runs = runs(&self.skipped);
        if !runs.is_empty() {
            text.push_str(": bỏ qua ");
            text.push_str(&runs.join("; "));
        }
        for saturday in &self.worked_saturdays {
            text.push_str(&format!(
                "; tính thứ Bảy {} ({})",
                date_text(saturday.date),
                saturday.why
            ));
        }
        text.push_str(&format!("; hạn {}.", date_text(self.due_date)));
        text
    }
}

/// Working days after `from` up to and including `to` (0 when `to` is not
/// after `from`).
pub fn working_days_between(from: NaiveDate, to: NaiveDate, holidays: &Holidays) -> u32 {
    holidays.working_days_between(from, to)
}

fn why_off(date: NaiveDate, holidays: &Holidays) -> String {
    match (holidays.holiday_name(date), date.weekday()) {
        (Some(name), _) => name.to_string(),
        (None, Weekday::Sat) => "Thứ Bảy".to_string(),
        (None, _) => "Chủ nhật".to_string(),
    }
}

/// Consecutive skipped days as "25/01–02/02/2025 (Tết Nguyên đán)", each
/// reason named once in order of first appearance.
fn runs(skipped: &[DayNote]) -> Vec<String> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < skipped.len() {
        let mut end = at;
        while end + 1 < skipped.len() && skipped[end].date.succ_opt() == Some(skipped[end + 1].date)
        {
            end += 1;
        }
        let mut reasons: Vec<&str> = Vec::new();
        for day in &skipped[at..=end] {
            if !reasons.contains(&day.why.as_str()) {
                reasons.push(&day.why);
            }
        }
        let (first, last) = (skipped[at].date, skipped[end].date);
        let span = if first == last {
            date_text(first)
        } else if first.year() == last.year() {
            let (day, month) = (first.day(), first.month());
            format!("{day:02}/{month:02}–{}", date_text(last))
        } else {
            format!("{}–{}", date_text(first), date_text(last))
        };
        out.push(format!("{span} ({})", reasons.join(", ")));
        at = end + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).expect("test dates are real")
    }

    fn built_in() -> Holidays {
        Holidays::built_in().expect("the embedded holiday table must parse")
    }

    #[test]
    fn the_tet_2025_example_names_the_break_in_one_run() {
        let count = WorkdayCount::new(day(2025, 1, 23), 5, &built_in());
        assert_eq!(
            count.due_date,
            day(2025, 2, 6),
            "the domain brief's example"
        );
        assert_eq!(
            count.explanation(),
            "05 ngày làm việc từ 23/01/2025: bỏ qua 25/01–02/02/2025 (Tết Nguyên đán); hạn 06/02/2025.",
        );
        assert_eq!(
            count.skipped.len(),
            9,
            "nine days of Tết, weekends included"
        );
    }

    #[test]
    fn the_april_2025_example_counts_the_worked_saturday_and_says_so() {
        let count = WorkdayCount::new(day(2025, 4, 24), 5, &built_in());
        assert_eq!(
            count.due_date,
            day(2025, 5, 5),
            "the domain brief's example"
        );
        let text = count.explanation();
        assert!(
            text.contains("tính thứ Bảy 26/04/2025 (Làm bù ngày nghỉ hoán đổi 02/5/2025)"),
            "{text}"
        );
        assert!(
            text.contains("27/04/2025 (Chủ nhật)"),
            "Sunday 27/4 is skipped alone: {text}"
        );
        assert!(
            text.contains(
                "30/04–04/05/2025 (Ngày Chiến thắng, Ngày Quốc tế Lao động, Nghỉ hoán đổi dịp 30/4 – 1/5, Thứ Bảy, Chủ nhật)"
            ),
            "{text}"
        );
    }

    #[test]
    fn working_days_between_agrees_with_counting_day_by_day_over_2023_to_2027() {
        let holidays = built_in();
        let start = day(2023, 1, 1);
        for offset in (0..1600).step_by(13) {
            let from = start + chrono::Duration::days(offset);
            for length in [0, 1, 2, 6, 7, 8, 13, 30, 45, 200, 700] {
                let to = from + chrono::Duration::days(length);
                let walked = from
                    .iter_days()
                    .skip(1)
                    .take_while(|d| *d <= to)
                    .filter(|d| holidays.is_working_day(*d))
                    .count() as u32;
                assert_eq!(
                    working_days_between(from, to, &holidays),
                    walked,
                    "{from} to {to}"
                );
            }
        }
    }

    #[test]
    fn working_days_between_counts_after_the_first_day_up_to_the_last() {
        let holidays = built_in();
        assert_eq!(
            working_days_between(day(2025, 1, 23), day(2025, 2, 6), &holidays),
            5,
            "the due date of a five-day count is five working days on"
        );
        assert_eq!(
            working_days_between(day(2025, 1, 23), day(2025, 1, 23), &holidays),
            0,
            "the same day is no working day used"
        );
        assert_eq!(
            working_days_between(day(2025, 2, 6), day(2025, 1, 23), &holidays),
            0,
            "backwards is none"
        );
    }
}
