//! Reading obligations back: an agency's obligations as of a day (all of them,
//! those of a month, those still open for the dashboard, those of a task), each
//! with its status and the working days used or left, counted on the calendar
//! it was recorded with; one obligation and a task's also with the reason for
//! their due dates.

use std::collections::hash_map::{Entry, HashMap};

use chrono::NaiveDate;
use rusqlite::types::Value;
use serde::Serialize;

use super::Store;
use crate::deadline::{Holidays, WorkdayCount};
use crate::error::{Error, Result};
use crate::obligation::{Clock, ObligationStatus};

/// One obligation as of a day.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ObligationRow {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: i64,
    /// The task's code.
    pub task: String,
    /// "Số, ký hiệu" of the event's document.
    pub number: String,
    /// The document's date.
    pub date: NaiveDate,
    pub issuer: String,
    pub summary: String,
    pub received: Option<NaiveDate>,
    /// The day the count starts after.
    pub start: NaiveDate,
    pub working_days: u32,
    pub due_date: NaiveDate,
    /// The answering document, when settled by the day asked about.
    pub settled_number: Option<String>,
    pub settled_on: Option<NaiveDate>,
    pub used_working_days: u32,
    /// Working days left while open (0 on the due date), negative when overdue.
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub days_left: Option<i64>,
    pub status: ObligationStatus,
    /// Why the due date is what it is ("05 ngày làm việc từ 23/01/2025: bỏ qua …"),
    /// in the rows of one obligation or of a task (what the task screen shows);
    /// absent from the lists that do not show it (all of an agency's
    /// obligations, a month's, the open ones of the dashboard), as it is the
    /// dearest part of a row to work out.
    pub why: Option<String>,
    /// The calendar version the due date was counted with (0: the built-in table).
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub calendar_version: i64,
}

/// Which of an agency's obligations to read.
enum Scope {
    All,
    One(i64),
    /// Open at some time in [first, last] or settled within it.
    Month(NaiveDate, NaiveDate),
    Open,
    Task(i64),
}

/// Whether the rows carry the explanation of their due dates ([`ObligationRow::why`]).
#[derive(Clone, Copy)]
enum Explain {
    Yes,
    No,
}

const SELECT: &str = "SELECT o.id, t.code, o.reference, o.issued_on, o.issuer, o.summary,
        o.received_on, o.start_on, o.working_days, o.due_on, o.settled_reference, o.settled_on,
        o.calendar_version
    FROM obligation o JOIN task t ON t.id = o.task_id
    WHERE t.plan_id = ?1 AND o.agency_id = ?2";

impl Store {
    /// All of the agency's obligations, as of `day`, oldest due date first.
    pub fn obligations(
        &self,
        plan_id: i64,
        agency: &str,
        day: NaiveDate,
    ) -> Result<Vec<ObligationRow>> {
        let agency_id = self.reporting_agency(plan_id, agency)?;
        self.read_obligations(plan_id, agency_id, Scope::All, day, Explain::No)
    }

    /// The obligations open at some time in the month ending `last` or settled
    /// in it, as of `last`, oldest due date first.
    pub fn month_obligations(
        &self,
        plan_id: i64,
        agency: &str,
        first: NaiveDate,
        last: NaiveDate,
    ) -> Result<Vec<ObligationRow>> {
        let agency_id = self.reporting_agency(plan_id, agency)?;
        self.read_obligations(
            plan_id,
            agency_id,
            Scope::Month(first, last),
            last,
            Explain::No,
        )
    }

    /// The agency's obligations still open on `today`: those due within 2
    /// working days first, then the overdue ones, then the rest, each by due date.
    pub fn open_obligations(
        &self,
        plan_id: i64,
        agency: &str,
        today: NaiveDate,
    ) -> Result<Vec<ObligationRow>> {
        let agency_id = self.reporting_agency(plan_id, agency)?;
        let mut rows =
            self.read_obligations(plan_id, agency_id, Scope::Open, today, Explain::No)?;
        rows.sort_by_key(|row| {
            let left = row.days_left.unwrap_or(i64::MAX);
            let band = if (0..=2).contains(&left) {
                0
            } else if left < 0 {
                1
            } else {
                2
            };
            (band, row.due_date, row.id)
        });
        Ok(rows)
    }

    /// The obligations of one of the agency's tasks as of `today`.
    pub fn task_obligations(
        &self,
        plan_id: i64,
        agency: &str,
        task: &str,
        today: NaiveDate,
    ) -> Result<Vec<ObligationRow>> {
        let agency_id = self.reporting_agency(plan_id, agency)?;
        let task_id = self.task_id(plan_id, task)?;
        self.read_obligations(
            plan_id,
            agency_id,
            Scope::Task(task_id),
            today,
            Explain::Yes,
        )
    }

    /// One obligation of the agency as of `day`.
    pub(super) fn obligation(
        &self,
        plan_id: i64,
        agency_id: i64,
        id: i64,
        day: NaiveDate,
    ) -> Result<ObligationRow> {
        self.read_obligations(plan_id, agency_id, Scope::One(id), day, Explain::Yes)?
            .pop()
            .ok_or_else(|| Error::NotFound {
                what: "việc phát sinh",
                code: id.to_string(),
            })
    }

    fn read_obligations(
        &self,
        plan_id: i64,
        agency_id: i64,
        scope: Scope,
        day: NaiveDate,
        explain: Explain,
    ) -> Result<Vec<ObligationRow>> {
        let date = |d: NaiveDate| Value::Text(d.to_string());
        let (filter, extra): (&str, Vec<Value>) = match scope {
            Scope::All => ("", vec![]),
            Scope::One(id) => (" AND o.id = ?3", vec![Value::Integer(id)]),
            Scope::Task(id) => (" AND o.task_id = ?3", vec![Value::Integer(id)]),
            Scope::Open => (
                " AND (o.settled_on IS NULL OR o.settled_on > ?3)",
                vec![date(day)],
            ),
            Scope::Month(first, last) => (
                " AND o.start_on <= ?4 AND (o.settled_on IS NULL OR o.settled_on >= ?3)",
                vec![date(first), date(last)],
            ),
        };
        let sql = format!("{SELECT}{filter} ORDER BY o.due_on, o.id");
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let params = [Value::Integer(plan_id), Value::Integer(agency_id)]
            .into_iter()
            .chain(extra);
        let mut rows = stmt.query(rusqlite::params_from_iter(params))?;
        let mut calendars: HashMap<i64, Holidays> = HashMap::new();
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            let version: i64 = r.get(12)?;
            let holidays = match calendars.entry(version) {
                Entry::Occupied(known) => known.into_mut(),
                Entry::Vacant(new) => new.insert(self.calendar(Some(version))?.0),
            };
            let clock = Clock {
                start: r.get(7)?,
                due: r.get(9)?,
                settled_on: r.get(11)?,
            };
            let working_days: u32 = r.get(8)?;
            let settled_by = clock.settled_by(day);
            out.push(ObligationRow {
                id: r.get(0)?,
                task: r.get(1)?,
                number: r.get(2)?,
                date: r.get(3)?,
                issuer: r.get(4)?,
                summary: r.get(5)?,
                received: r.get(6)?,
                start: clock.start,
                working_days,
                due_date: clock.due,
                settled_number: settled_by
                    .map(|_| r.get::<_, Option<String>>(10))
                    .transpose()?
                    .flatten(),
                settled_on: settled_by,
                used_working_days: clock.used_on(day, holidays),
                days_left: clock.days_left_on(day, holidays),
                status: clock.status_on(day),
                why: match explain {
                    Explain::Yes => {
                        Some(WorkdayCount::new(clock.start, working_days, holidays).explanation())
                    }
                    Explain::No => None,
                },
                calendar_version: version,
            });
        }
        Ok(out)
    }
}
