//! Deadlines (thời hạn) as the province's plans word them, and the working-day
//! calendar that resolves the relative ones.
//!
//! [`parse`] reads wording such as "hoàn thành trong quý III/2024", "Thường xuyên
//! (hàng ngày)" or "trong thời hạn 05 ngày làm việc kể từ …" into a [`Deadline`].
//! [`Holidays`] holds the days off the Government announces each year
//! (`assets/holidays.toml`), and [`add_working_days`] counts working days over
//! them once the event a relative deadline starts from has a date.

mod calendar;
mod fold;
mod holidays;
mod notice;
mod wording;
mod workdays;

use std::fmt;

use chrono::NaiveDate;
use serde::Serialize;

pub use calendar::{check_date_in_range, parse_date, parse_period};
pub use holidays::{add_working_days, Holidays};
pub use notice::{notice_year, parse_notice, NoticeDay, NoticeDayKind};
pub use wording::parse;
pub use workdays::{working_days_between, DayNote, WorkdayCount};

/// How often recurring work comes back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Recurrence {
    /// "Hàng ngày".
    Daily,
    /// "Hàng tháng".
    Monthly,
    /// "Hàng quý".
    Quarterly,
    /// "Hàng năm".
    Yearly,
    /// "Thường xuyên": ongoing, with no fixed rhythm.
    Ongoing,
}

/// A task's deadline, as the plan words it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Deadline {
    /// An exact day: "31/12/2024", "ngày 15/10/2024".
    Date(NaiveDate),
    /// A month, due on its last calendar day: "tháng 8/2024".
    Month { year: i32, month: u32 },
    /// A quarter (1–4), due on its last calendar day: "quý III/2024".
    Quarter { year: i32, quarter: u32 },
    /// A year, due on 31 December: "trong năm 2024".
    Year(i32),
    /// Recurring work with no single due date, possibly with a working-day rule
    /// for each occurrence: "Thường xuyên (hàng ngày); trình công bố trong thời
    /// hạn 05 ngày làm việc kể từ …".
    Recurring {
        every: Recurrence,
        working_days: Option<WorkingDaysRule>,
    },
    /// N working days after an event the plan does not date.
    WorkingDays(WorkingDaysRule),
}

/// "N ngày làm việc kể từ `<event>`": resolved with [`add_working_days`] once the
/// event has a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WorkingDaysRule {
    /// Working days allowed after the event (the event's own day not counted).
    pub days: u32,
    /// The event the count starts from, as the text words it ("ngày có Quyết
    /// định công bố TTHC của Bộ trưởng…").
    pub after: String,
}

/// Why a deadline, date or reporting period could not be read. The messages are
/// what the officer reads.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DeadlineError {
    /// Nothing was typed; the caller decides whether a deadline is required.
    #[error("Chưa ghi thời hạn.")]
    Empty,
    /// The wording matches none of the known forms.
    #[error(
        "Không hiểu thời hạn \"{text}\": hãy ghi theo một trong các dạng \"tháng 8/2024\", \
         \"quý III/2024\", \"năm 2024\", \"31/12/2024\", \"Thường xuyên\" hoặc \
         \"05 ngày làm việc kể từ …\"."
    )]
    Unrecognised { text: String },
    /// A month outside 1–12 ("tháng 13/2024", "31/13/2024", "2024-13").
    #[error("\"{text}\" ghi tháng {month}, nhưng tháng chỉ từ 1 đến 12.")]
    InvalidMonth { text: String, month: u32 },
    /// A quarter outside I–IV ("quý V/2024", "quý 5/2024").
    #[error("\"{text}\" ghi quý {quarter}, nhưng một năm chỉ có quý I, II, III và IV.")]
    InvalidQuarter { text: String, quarter: String },
    /// A day the month does not have ("31/02/2024").
    #[error("\"{text}\" không phải là ngày có thật: tháng {month}/{year} không có ngày {day}.")]
    InvalidDay {
        text: String,
        day: u32,
        month: u32,
        year: i32,
    },
    /// A year outside 2000–2100, almost always a typing slip.
    #[error("\"{text}\" ghi năm {year}, nằm ngoài khoảng từ năm 2000 đến năm 2100.")]
    YearOutOfRange { text: String, year: i32 },
    /// "0 ngày làm việc": a relative deadline needs at least one day.
    #[error("\"{text}\" ghi 0 ngày làm việc: số ngày làm việc phải từ 1 trở lên.")]
    NoWorkingDays { text: String },
    /// A date argument in none of the accepted forms.
    #[error(
        "Không đọc được ngày \"{text}\": hãy ghi theo dạng ngày/tháng/năm \
         (31/12/2024 hoặc 5/9/2024) hoặc năm-tháng-ngày (2024-12-31)."
    )]
    BadDate { text: String },
    /// A reporting period in none of the accepted forms.
    #[error(
        "Không đọc được kỳ báo cáo \"{text}\": hãy ghi theo dạng tháng/năm (08/2024) \
         hoặc năm-tháng (2024-08)."
    )]
    BadPeriod { text: String },
    /// The holiday table is not valid TOML of the expected shape.
    #[error("Bảng ngày nghỉ lễ, Tết không đọc được: {0}")]
    HolidayFile(#[source] toml::de::Error),
    /// A line of a holiday notice typed by the office is wrong.
    #[error("Dòng {line} của thông báo ngày nghỉ: {reason}.")]
    NoticeLine { line: usize, reason: String },
    /// A holiday notice with no day in it.
    #[error("Thông báo ngày nghỉ chưa có ngày nào: mỗi dòng ghi một ngày hoặc một khoảng ngày và tên (ví dụ: \"05/02/2027 - 11/02/2027 Tết Nguyên đán\").")]
    NoticeEmpty,
    /// The holiday table reads but contradicts itself.
    #[error("Bảng ngày nghỉ lễ, Tết có chỗ sai: {0}.")]
    HolidayTable(String),
}

impl Deadline {
    /// The concrete due date, or None for recurring work and working-day rules
    /// without an event date.
    ///
    /// A month or quarter is due on its last calendar day and a year on 31
    /// December, even when that day is a weekend or a holiday.
    pub fn due_date(&self) -> Option<NaiveDate> {
        match self {
            Deadline::Date(date) => Some(*date),
            Deadline::Month { year, month } => calendar::last_day_of_month(*year, *month),
            Deadline::Quarter { year, quarter } if (1..=4).contains(quarter) => {
                calendar::last_day_of_month(*year, quarter * 3)
            }
            Deadline::Quarter { .. } => None,
            Deadline::Year(year) => NaiveDate::from_ymd_opt(*year, 12, 31),
            Deadline::Recurring { .. } | Deadline::WorkingDays(_) => None,
        }
    }

    /// True for recurring work ("Thường xuyên", "Hàng tháng"…), which is never
    /// overdue as a whole.
    pub fn is_recurring(&self) -> bool {
        matches!(self, Deadline::Recurring { .. })
    }
}

/// The canonical wording, which [`parse`] reads back to the same value.
impl fmt::Display for Deadline {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Deadline::Date(date) => write!(f, "{}", crate::text::date_text(*date)),
            Deadline::Month { year, month } => write!(f, "Tháng {month}/{year}"),
            Deadline::Quarter { year, quarter } => match roman_quarter(*quarter) {
                Some(roman) => write!(f, "Quý {roman}/{year}"),
                None => write!(f, "Quý {quarter}/{year}"),
            },
            Deadline::Year(year) => write!(f, "Năm {year}"),
            Deadline::Recurring {
                every,
                working_days: None,
            } => write!(f, "{every}"),
            Deadline::Recurring {
                every,
                working_days: Some(rule),
            } => write!(f, "{every}; {}", rule.wording(false)),
            Deadline::WorkingDays(rule) => write!(f, "{}", rule.wording(true)),
        }
    }
}

impl fmt::Display for Recurrence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Recurrence::Daily => "Hàng ngày",
            Recurrence::Monthly => "Hàng tháng",
            Recurrence::Quarterly => "Hàng quý",
            Recurrence::Yearly => "Hàng năm",
            Recurrence::Ongoing => "Thường xuyên",
        })
    }
}

impl WorkingDaysRule {
    fn wording(&self, capitalised: bool) -> String {
        let lead = if capitalised { "Trong" } else { "trong" };
        format!(
            "{lead} thời hạn {:02} ngày làm việc kể từ {}",
            self.days, self.after
        )
    }
}

fn roman_quarter(quarter: u32) -> Option<&'static str> {
    match quarter {
        1 => Some("I"),
        2 => Some("II"),
        3 => Some("III"),
        4 => Some("IV"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).expect("test dates are real")
    }

    #[test]
    fn a_month_is_due_on_its_last_calendar_day_even_on_a_weekend() {
        let august = Deadline::Month {
            year: 2024,
            month: 8,
        };
        assert_eq!(
            august.due_date(),
            Some(day(2024, 8, 31)),
            "31/08/2024 is a Saturday, but a month ends on its last calendar day"
        );
        let february = Deadline::Month {
            year: 2024,
            month: 2,
        };
        assert_eq!(
            february.due_date(),
            Some(day(2024, 2, 29)),
            "2024 is a leap year"
        );
        let december = Deadline::Month {
            year: 2024,
            month: 12,
        };
        assert_eq!(
            december.due_date(),
            Some(day(2024, 12, 31)),
            "December ends the year"
        );
    }

    #[test]
    fn a_quarter_is_due_on_the_last_day_of_its_third_month() {
        let cases = [(1, day(2024, 3, 31)), (2, day(2024, 6, 30))];
        for (quarter, due) in cases {
            let deadline = Deadline::Quarter {
                year: 2024,
                quarter,
            };
            assert_eq!(deadline.due_date(), Some(due), "quarter {quarter}");
        }
        let third = Deadline::Quarter {
            year: 2024,
            quarter: 3,
        };
        assert_eq!(
            third.due_date(),
            Some(day(2024, 9, 30)),
            "quý III ends 30/9"
        );
        let fourth = Deadline::Quarter {
            year: 2024,
            quarter: 4,
        };
        assert_eq!(
            fourth.due_date(),
            Some(day(2024, 12, 31)),
            "quý IV ends 31/12"
        );
    }

    #[test]
    fn values_built_by_hand_outside_the_calendar_have_no_due_date() {
        let month = Deadline::Month {
            year: 2024,
            month: 13,
        };
        assert_eq!(month.due_date(), None, "there is no month 13");
        let quarter = Deadline::Quarter {
            year: 2024,
            quarter: 5,
        };
        assert_eq!(quarter.due_date(), None, "there is no fifth quarter");
    }

    #[test]
    fn a_year_is_due_on_the_thirty_first_of_december() {
        assert_eq!(
            Deadline::Year(2024).due_date(),
            Some(day(2024, 12, 31)),
            "trong năm 2024 ends on 31/12/2024"
        );
        assert_eq!(
            Deadline::Date(day(2024, 10, 15)).due_date(),
            Some(day(2024, 10, 15)),
            "an exact date is its own due date"
        );
    }

    #[test]
    fn recurring_work_and_undated_working_day_rules_have_no_due_date() {
        let rule = WorkingDaysRule {
            days: 5,
            after: "ngày nhận được hồ sơ".to_string(),
        };
        let recurring = Deadline::Recurring {
            every: Recurrence::Monthly,
            working_days: Some(rule.clone()),
        };
        assert_eq!(
            recurring.due_date(),
            None,
            "recurring work has no single date"
        );
        assert!(recurring.is_recurring(), "hàng tháng is recurring");
        let relative = Deadline::WorkingDays(rule);
        assert_eq!(relative.due_date(), None, "the event has no date yet");
        assert!(!relative.is_recurring(), "a one-off rule is not recurring");
        assert!(!Deadline::Year(2024).is_recurring(), "a year is one-off");
    }

    #[test]
    fn every_deadline_prints_in_a_form_that_parses_back_to_itself() {
        let rule = WorkingDaysRule {
            days: 5,
            after: "ngày có Quyết định công bố TTHC của Bộ trưởng…".to_string(),
        };
        let deadlines = [
            Deadline::Date(day(2024, 10, 15)),
            Deadline::Month {
                year: 2024,
                month: 8,
            },
            Deadline::Quarter {
                year: 2024,
                quarter: 3,
            },
            Deadline::Year(2024),
            Deadline::Recurring {
                every: Recurrence::Ongoing,
                working_days: None,
            },
            Deadline::Recurring {
                every: Recurrence::Daily,
                working_days: Some(rule.clone()),
            },
            Deadline::Recurring {
                every: Recurrence::Quarterly,
                working_days: None,
            },
            Deadline::Recurring {
                every: Recurrence::Yearly,
                working_days: None,
            },
            Deadline::WorkingDays(rule),
        ];
        for deadline in deadlines {
            let text = deadline.to_string();
            assert_eq!(
                parse(&text),
                Ok(deadline.clone()),
                "{text:?} is how the app writes this deadline, so it must read it back"
            );
        }
    }

    #[test]
    fn the_canonical_wording_is_the_one_officers_write() {
        let quarter = Deadline::Quarter {
            year: 2024,
            quarter: 4,
        };
        assert_eq!(
            quarter.to_string(),
            "Quý IV/2024",
            "quarters use Roman numerals"
        );
        let rule = Deadline::WorkingDays(WorkingDaysRule {
            days: 5,
            after: "ngày nhận được hồ sơ".to_string(),
        });
        assert_eq!(
            rule.to_string(),
            "Trong thời hạn 05 ngày làm việc kể từ ngày nhận được hồ sơ",
            "day counts below 10 carry a leading zero, as in the plan"
        );
    }
}
