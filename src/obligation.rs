//! Obligations (việc phát sinh): one occurrence of a task's working-day rule.
//! What the rule's wording says the count starts from, and the status of an
//! obligation as of a day ("Chưa đến hạn", "Quá hạn chưa xử lý", "Xử lý đúng
//! hạn", "Xử lý quá hạn"), decided here without the store.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;
use serde::Serialize;

use crate::deadline::{working_days_between, Holidays, WorkingDaysRule};

/// Where an obligation stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum ObligationStatus {
    /// Open, and the due date has not passed.
    #[serde(rename = "Chưa đến hạn")]
    NotDue,
    /// Open after its due date.
    #[serde(rename = "Quá hạn chưa xử lý")]
    OverdueOpen,
    /// Settled on or before the due date.
    #[serde(rename = "Xử lý đúng hạn")]
    OnTime,
    /// Settled after the due date.
    #[serde(rename = "Xử lý quá hạn")]
    Late,
}

impl ObligationStatus {
    /// Every status, in the order the reports list them.
    pub const ALL: [ObligationStatus; 4] = [
        ObligationStatus::NotDue,
        ObligationStatus::OverdueOpen,
        ObligationStatus::OnTime,
        ObligationStatus::Late,
    ];

    /// The words the officer reads.
    pub fn label(self) -> &'static str {
        match self {
            ObligationStatus::NotDue => "Chưa đến hạn",
            ObligationStatus::OverdueOpen => "Quá hạn chưa xử lý",
            ObligationStatus::OnTime => "Xử lý đúng hạn",
            ObligationStatus::Late => "Xử lý quá hạn",
        }
    }

    /// The status named by its words, as a workbook carries it.
    pub fn from_label(text: &str) -> Option<ObligationStatus> {
        let text = text.trim();
        Self::ALL.into_iter().find(|s| s.label() == text)
    }

    /// Whether the obligation has been settled.
    pub fn is_settled(self) -> bool {
        matches!(self, ObligationStatus::OnTime | ObligationStatus::Late)
    }
}

/// "nhận" (or "nhan" typed without marks, but not "nhân") as a word in the
/// rule's event: the count starts from receipt.
static RECEIPT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\bnh(?:ận|an)\b").expect("literal regex"));

/// Whether a rule counts from the day something is received ("kể từ ngày nhận
/// được hồ sơ") rather than from the document's own date.
pub fn counts_from_receipt(rule: &WorkingDaysRule) -> bool {
    RECEIPT.is_match(&crate::text::clean(&rule.after).to_lowercase())
}

/// An obligation's dates, enough to tell where it stands on any day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    pub start: NaiveDate,
    pub due: NaiveDate,
    pub settled_on: Option<NaiveDate>,
}

impl Clock {
    /// The settlement date if it happened by `day` (a later one is not known yet).
    pub fn settled_by(&self, day: NaiveDate) -> Option<NaiveDate> {
        self.settled_on.filter(|settled| *settled <= day)
    }

    /// The status on `day`: settled by then, on time when on or before the due
    /// date; otherwise overdue once the due date has passed.
    pub fn status_on(&self, day: NaiveDate) -> ObligationStatus {
        match self.settled_by(day) {
            Some(settled) if settled <= self.due => ObligationStatus::OnTime,
            Some(_) => ObligationStatus::Late,
            None if day > self.due => ObligationStatus::OverdueOpen,
            None => ObligationStatus::NotDue,
        }
    }

    /// Working days used by `day`: up to the settlement, or up to `day` while open.
    pub fn used_on(&self, day: NaiveDate, holidays: &Holidays) -> u32 {
        let end = self.settled_by(day).unwrap_or(day);
        working_days_between(self.start, end, holidays)
    }

    /// For an obligation open on `day`: working days left until the due date
    /// (0 on the due date itself), negative for working days past it.
    pub fn days_left_on(&self, day: NaiveDate, holidays: &Holidays) -> Option<i64> {
        if self.settled_by(day).is_some() {
            return None;
        }
        Some(if day <= self.due {
            i64::from(working_days_between(day, self.due, holidays))
        } else {
            -i64::from(working_days_between(self.due, day, holidays))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).expect("test dates are real")
    }

    fn rule(after: &str) -> WorkingDaysRule {
        WorkingDaysRule {
            days: 5,
            after: after.to_string(),
        }
    }

    #[test]
    fn the_rules_that_count_from_receipt_are_told_by_their_wording() {
        assert!(counts_from_receipt(&rule(
            "ngày nhận được hồ sơ trình của các cơ quan"
        )));
        assert!(counts_from_receipt(&rule("ngay nhan ho so")));
        assert!(!counts_from_receipt(&rule(
            "ngày có Quyết định công bố TTHC của Bộ trưởng, Thủ trưởng cơ quan ngang Bộ"
        )));
        assert!(
            !counts_from_receipt(&rule("ngày có Quyết định của Bộ Nhân lực")),
            "\"nhân\" is not \"nhận\""
        );
    }

    #[test]
    fn settled_on_the_due_date_is_on_time_and_the_next_working_day_late() {
        let holidays = Holidays::built_in().expect("built-in table");
        let due = day(2025, 2, 6);
        let clock = |settled| Clock {
            start: day(2025, 1, 23),
            due,
            settled_on: Some(settled),
        };
        assert_eq!(
            clock(due).status_on(day(2025, 2, 28)),
            ObligationStatus::OnTime
        );
        assert_eq!(
            clock(day(2025, 2, 7)).status_on(day(2025, 2, 28)),
            ObligationStatus::Late
        );
        assert_eq!(clock(due).used_on(day(2025, 2, 28), &holidays), 5);
        assert_eq!(
            clock(day(2025, 2, 7)).used_on(day(2025, 2, 28), &holidays),
            6
        );
        assert_eq!(
            clock(day(2025, 2, 7)).status_on(day(2025, 1, 31)),
            ObligationStatus::NotDue,
            "as of 31/01 the settlement has not happened yet"
        );
        assert_eq!(
            clock(day(2025, 2, 12)).status_on(day(2025, 2, 10)),
            ObligationStatus::OverdueOpen,
            "open after its due date"
        );
    }

    #[test]
    fn days_left_count_working_days_and_go_negative_when_overdue() {
        let holidays = Holidays::built_in().expect("built-in table");
        let open = Clock {
            start: day(2025, 1, 23),
            due: day(2025, 2, 6),
            settled_on: None,
        };
        assert_eq!(open.days_left_on(day(2025, 1, 24), &holidays), Some(4));
        assert_eq!(open.days_left_on(day(2025, 2, 6), &holidays), Some(0));
        assert_eq!(open.days_left_on(day(2025, 2, 10), &holidays), Some(-2));
        let settled = Clock {
            settled_on: Some(day(2025, 2, 3)),
            ..open
        };
        assert_eq!(settled.days_left_on(day(2025, 2, 4), &holidays), None);
    }
}
