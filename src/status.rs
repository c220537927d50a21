//! A task's state as the officer records it, and the status words derived from
//! the state, the dates and the reporting period (never typed by hand).

use chrono::NaiveDate;
use serde::Serialize;

use crate::error::{Error, Result};

/// What the officer records for a task in a month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum State {
    NotStarted,
    InProgress,
    Done,
    /// Recurring work carried out this month.
    Ongoing,
}

impl State {
    pub const ALL: [State; 4] = [
        State::NotStarted,
        State::InProgress,
        State::Done,
        State::Ongoing,
    ];

    pub fn code(self) -> &'static str {
        match self {
            State::NotStarted => "not-started",
            State::InProgress => "in-progress",
            State::Done => "done",
            State::Ongoing => "ongoing",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            State::NotStarted => "Chưa triển khai",
            State::InProgress => "Đang thực hiện",
            State::Done => "Đã hoàn thành",
            State::Ongoing => "Thực hiện thường xuyên",
        }
    }

    /// Reads a state code.
    ///
    /// # Errors
    /// [`Error::Invalid`] naming the accepted codes.
    pub fn parse(s: &str) -> Result<State> {
        State::ALL.into_iter().find(|st| st.code() == s.trim()).ok_or_else(|| {
            Error::Invalid(format!(
                "Trạng thái \"{s}\" không hợp lệ: dùng một trong not-started (chưa triển khai), in-progress (đang thực hiện), done (đã hoàn thành), ongoing (thực hiện thường xuyên)."
            ))
        })
    }
}

/// The status words of the monthly report (domain.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Status {
    NotStarted,
    InProgressOnTime,
    DoneOnTime,
    DoneLate,
    Overdue,
    Recurring,
}

impl Status {
    pub const ALL: [Status; 6] = [
        Status::NotStarted,
        Status::InProgressOnTime,
        Status::DoneOnTime,
        Status::DoneLate,
        Status::Overdue,
        Status::Recurring,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Status::NotStarted => "Chưa triển khai",
            Status::InProgressOnTime => "Đang thực hiện trong hạn",
            Status::DoneOnTime => "Hoàn thành đúng hạn",
            Status::DoneLate => "Hoàn thành quá hạn",
            Status::Overdue => "Quá hạn chưa hoàn thành",
            Status::Recurring => "Thực hiện thường xuyên",
        }
    }

    /// Reads a status word as the workbook carries it.
    pub fn from_label(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|st| st.label() == s.trim())
    }
}

/// The status of a task at the end of a reporting month.
///
/// `due` is the resolved due date (None for recurring work or a rule that waits
/// for an event); `period_end` the last day of the reporting month. Work not done
/// by a due date that falls before the period's last day is overdue.
pub fn derive(
    state: State,
    done_on: Option<NaiveDate>,
    due: Option<NaiveDate>,
    recurring: bool,
    period_end: NaiveDate,
) -> Status {
    match state {
        State::Done => match (done_on, due) {
            (Some(done), Some(due)) if done > due => Status::DoneLate,
            _ => Status::DoneOnTime,
        },
        _ if recurring && state != State::NotStarted => Status::Recurring,
        _ if due.is_some_and(|d| d < period_end) => Status::Overdue,
        State::NotStarted => Status::NotStarted,
        State::InProgress | State::Ongoing => Status::InProgressOnTime,
    }
}

/// The last day of a month.
pub fn month_end(year: i32, month: u32) -> Option<NaiveDate> {
    let (y, m) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)?.pred_opt()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
    }

    #[test]
    fn done_before_due_is_on_time_and_after_is_late() {
        let due = Some(d(2024, 8, 31));
        let end = d(2024, 9, 30);
        assert_eq!(
            derive(State::Done, Some(d(2024, 8, 31)), due, false, end),
            Status::DoneOnTime
        );
        assert_eq!(
            derive(State::Done, Some(d(2024, 9, 1)), due, false, end),
            Status::DoneLate
        );
    }

    #[test]
    fn unfinished_task_is_overdue_once_due_date_is_before_period_end() {
        let due = Some(d(2024, 8, 31));
        assert_eq!(
            derive(State::InProgress, None, due, false, d(2024, 8, 31)),
            Status::InProgressOnTime,
            "due on the period's last day is still within the deadline"
        );
        assert_eq!(
            derive(State::InProgress, None, due, false, d(2024, 9, 30)),
            Status::Overdue
        );
        assert_eq!(
            derive(State::NotStarted, None, due, false, d(2024, 9, 30)),
            Status::Overdue
        );
        assert_eq!(
            derive(State::NotStarted, None, due, false, d(2024, 7, 31)),
            Status::NotStarted
        );
    }

    #[test]
    fn recurring_work_carried_out_is_never_overdue() {
        assert_eq!(
            derive(State::Ongoing, None, None, true, d(2024, 9, 30)),
            Status::Recurring
        );
        assert_eq!(
            derive(State::InProgress, None, None, true, d(2024, 9, 30)),
            Status::Recurring
        );
        assert_eq!(
            derive(State::NotStarted, None, None, true, d(2024, 9, 30)),
            Status::NotStarted
        );
    }

    #[test]
    fn month_end_handles_december_and_february() {
        assert_eq!(month_end(2024, 12), Some(d(2024, 12, 31)));
        assert_eq!(month_end(2024, 2), Some(d(2024, 2, 29)));
        assert_eq!(month_end(2024, 13), None);
    }
}
