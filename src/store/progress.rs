//! Monthly progress: what an agency records for a task in a reporting month,
//! and the month's status report derived from it (carrying the latest earlier
//! entry forward when a month has none).

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use super::plan_read::{PartyKind, Role, TaskRow};
use super::Store;
use crate::deadline;
use crate::error::{Error, Result};
use crate::status::{self, State, Status};
use crate::text;

/// One save of the monthly form. Text left `None` keeps what the month already has.
#[derive(Debug, Clone, Default)]
pub struct ProgressInput {
    pub agency: String,
    pub task: String,
    /// The reporting month, `YYYY-MM` or `MM/YYYY`.
    pub period: String,
    pub state: Option<State>,
    pub done_on: Option<NaiveDate>,
    pub percent: Option<u32>,
    pub result: Option<String>,
    pub obstacles: Option<String>,
    pub proposals: Option<String>,
}

/// The recorded entry a month's status comes from.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ProgressRow {
    pub period: String,
    pub state: State,
    pub done_on: Option<NaiveDate>,
    pub percent: Option<u32>,
    pub result: String,
    pub obstacles: String,
    pub proposals: String,
    pub updated_at: String,
}

impl ProgressRow {
    /// What a task never recorded counts as: not started, nothing written.
    fn none() -> ProgressRow {
        ProgressRow {
            period: String::new(),
            state: State::NotStarted,
            done_on: None,
            percent: None,
            result: String::new(),
            obstacles: String::new(),
            proposals: String::new(),
            updated_at: String::new(),
        }
    }
}

/// One task of an agency's monthly report.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TaskStatus {
    pub code: String,
    pub role: Role,
    /// The derived status (its words, "Quá hạn chưa hoàn thành", from [`Status::label`]).
    pub status: Status,
    pub state: State,
    pub percent: Option<u32>,
    pub result: String,
    pub obstacles: String,
    pub proposals: String,
    pub done_on: Option<NaiveDate>,
    pub due_date: Option<NaiveDate>,
    /// The month whose entry this is (an earlier one when carried forward), None when never recorded.
    pub entry_period: Option<String>,
    #[serde(skip)]
    pub task: TaskRow,
}

/// An agency's report for a month.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct StatusReport {
    pub agency: String,
    pub period: String,
    /// Every status with its number of tasks (zeros included).
    #[cfg_attr(feature = "ts", ts(as = "std::collections::HashMap<Status, u32>"))]
    pub counts: StatusCounts,
    pub tasks: Vec<TaskStatus>,
}

/// The number of tasks in each status, in the order of [`Status::ALL`];
/// serialized as a JSON object keyed by the status codes (`"Overdue"`).
#[derive(Debug, Clone, PartialEq)]
pub struct StatusCounts(pub Vec<(Status, usize)>);

impl StatusCounts {
    fn add(&mut self, status: Status) {
        if let Some(entry) = self.0.iter_mut().find(|(s, _)| *s == status) {
            entry.1 += 1;
        }
    }

    /// The number of tasks in a status.
    pub fn get(&self, status: Status) -> usize {
        self.0
            .iter()
            .find(|(s, _)| *s == status)
            .map_or(0, |(_, n)| *n)
    }

    /// Each status word with its count.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, usize)> + '_ {
        self.0.iter().map(|(s, n)| (s.label(), *n))
    }
}

impl Serialize for StatusCounts {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(s, n)| (s, n)))
    }
}

/// Reads a reporting month into its `YYYY-MM` form and its last day.
///
/// # Errors
/// [`Error::Deadline`] for a malformed period.
pub fn period(text: &str) -> Result<(String, NaiveDate)> {
    let (y, m) = deadline::parse_period(text)?;
    let end = status::month_end(y, m)
        .ok_or_else(|| Error::Invalid(format!("Kỳ báo cáo \"{text}\" không hợp lệ.")))?;
    Ok((format!("{y:04}-{m:02}"), end))
}

impl Store {
    /// Saves an agency's entry for a task and month, in one transaction.
    ///
    /// # Errors
    /// [`Error::NotFound`] for an unknown agency or task; [`Error::Invalid`] when
    /// the task is not the agency's, the period or the percent is wrong, or the
    /// completion date is missing, not for a done task, or after the period.
    pub fn set_progress(
        &mut self,
        plan_id: i64,
        input: &ProgressInput,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let (period, end) = period(&input.period)?;
        let agency_id = self.reporting_agency(plan_id, &input.agency)?;
        let task_id = self.task_id(plan_id, &input.task)?;
        if !self.is_agency_task(plan_id, task_id, agency_id, Some((period.as_str(), end)))? {
            return Err(Error::Invalid(format!(
                "Nhiệm vụ {} không giao cho cơ quan {} (không chủ trì, không phối hợp).",
                input.task.trim(),
                input.agency.trim()
            )));
        }
        let existing = self.progress_entry(task_id, agency_id, &period)?;
        let state = input
            .state
            .or(existing.as_ref().map(|e| e.state))
            .ok_or_else(|| Error::Invalid("Chưa chọn trạng thái của nhiệm vụ.".into()))?;
        if let Some(p) = input.percent {
            if p > 100 {
                return Err(Error::Invalid(format!(
                    "Tiến độ {p}% không hợp lệ: phải từ 0 đến 100."
                )));
            }
        }
        let mut percent = input.percent.or(existing.as_ref().and_then(|e| e.percent));
        let done_on = match state {
            State::Done => {
                let done = input
                    .done_on
                    .or(existing.as_ref().and_then(|e| e.done_on))
                    .ok_or_else(|| {
                        Error::Invalid(
                            "Nhiệm vụ đã hoàn thành cần có ngày hoàn thành (--done-on).".into(),
                        )
                    })?;
                deadline::check_date_in_range(done)?;
                if done > end {
                    return Err(Error::Invalid(format!(
                        "Ngày hoàn thành {} nằm sau kỳ báo cáo tháng {}.",
                        crate::text::date_text(done),
                        &period
                    )));
                }
                match input.percent {
                    Some(p) if p < 100 => {
                        return Err(Error::Invalid(format!(
                            "Nhiệm vụ đã hoàn thành thì tiến độ phải là 100%, không phải {p}%."
                        )))
                    }
                    _ => percent = Some(100),
                }
                Some(done)
            }
            _ if input.done_on.is_some() => {
                return Err(Error::Invalid(
                    "Chỉ ghi ngày hoàn thành khi trạng thái là đã hoàn thành (done).".into(),
                ))
            }
            _ => None,
        };
        let keep = |new: &Option<String>, old: Option<&String>| -> String {
            new.as_deref()
                .map(text::clean)
                .or(old.cloned())
                .unwrap_or_default()
        };
        let e = existing.as_ref();
        let result = keep(&input.result, e.map(|e| &e.result));
        let obstacles = keep(&input.obstacles, e.map(|e| &e.obstacles));
        let proposals = keep(&input.proposals, e.map(|e| &e.proposals));
        for (what, value) in [
            ("Kết quả thực hiện", &result),
            ("Khó khăn, vướng mắc", &obstacles),
            ("Đề xuất, kiến nghị", &proposals),
        ] {
            text::check_cell_length(what, value).map_err(Error::Invalid)?;
        }
        let tx = self.begin()?;
        tx.execute(
            "INSERT INTO progress (task_id, agency_id, period, state, done_on, percent, result,
                 obstacles, proposals, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
             ON CONFLICT (task_id, agency_id, period) DO UPDATE SET
                 state = excluded.state, done_on = excluded.done_on, percent = excluded.percent,
                 result = excluded.result, obstacles = excluded.obstacles,
                 proposals = excluded.proposals, updated_at = excluded.updated_at",
            (
                task_id,
                agency_id,
                &period,
                state.code(),
                done_on,
                percent,
                result,
                obstacles,
                proposals,
                now.to_rfc3339(),
            ),
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The entries an agency recorded for a task, newest month first.
    pub fn progress_history(
        &self,
        plan_id: i64,
        agency: &str,
        task: &str,
    ) -> Result<Vec<ProgressRow>> {
        let agency_id = self.reporting_agency(plan_id, agency)?;
        let task_id = self.task_id(plan_id, task)?;
        self.progress_rows(task_id, agency_id, "9999-12", usize::MAX)
    }

    /// The agency's report for a month: each of its tasks with its derived status.
    ///
    /// # Errors
    /// [`Error::NotFound`] for an unknown agency; [`Error::Invalid`] for a bad period.
    pub fn status(&self, plan_id: i64, agency: &str, period_text: &str) -> Result<StatusReport> {
        let (period, end) = period(period_text)?;
        let agency_id = self.reporting_agency(plan_id, agency)?;
        let mut counts = StatusCounts(Status::ALL.iter().map(|s| (*s, 0)).collect());
        let mut latest = self.latest_entries(agency_id, &period)?;
        let rows = self.tasks_in(plan_id, Some(agency), Some((period.as_str(), end)))?;
        let mut tasks = Vec::with_capacity(rows.len());
        for task in rows {
            let entry = latest.remove(&task.id);
            let entry_period = entry.as_ref().map(|e| e.period.clone());
            let entry = entry.unwrap_or_else(ProgressRow::none);
            let kind = status::derive(
                entry.state,
                entry.done_on,
                task.due_date,
                task.recurring,
                end,
            );
            counts.add(kind);
            tasks.push(TaskStatus {
                code: task.code.clone(),
                role: task.role.unwrap_or(Role::Partner),
                status: kind,
                state: entry.state,
                percent: entry.percent,
                result: entry.result,
                obstacles: entry.obstacles,
                proposals: entry.proposals,
                done_on: entry.done_on,
                due_date: task.due_date,
                entry_period,
                task,
            });
        }
        Ok(StatusReport {
            agency: agency.trim().to_string(),
            period,
            counts,
            tasks,
        })
    }

    /// An agency that records its own progress (not a group).
    pub(super) fn reporting_agency(&self, plan_id: i64, code: &str) -> Result<i64> {
        let id = self.agency_id(plan_id, code)?;
        let kind: PartyKind =
            self.conn
                .query_row("SELECT kind FROM agency WHERE id = ?1", [id], |r| r.get(0))?;
        if kind.is_group() {
            return Err(Error::Invalid(format!(
                "\"{}\" là một nhóm cơ quan; hãy chọn một cơ quan cụ thể thuộc nhóm.",
                code.trim()
            )));
        }
        Ok(id)
    }

    fn progress_entry(
        &self,
        task_id: i64,
        agency_id: i64,
        period: &str,
    ) -> Result<Option<ProgressRow>> {
        Ok(self
            .progress_rows(task_id, agency_id, period, 1)?
            .into_iter()
            .find(|r| r.period == period))
    }

    /// The latest entry of each task up to and including `period`, by task id,
    /// read in one query (one query per task costs seconds on a large plan).
    fn latest_entries(&self, agency_id: i64, period: &str) -> Result<HashMap<i64, ProgressRow>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT task_id, {PROGRESS_COLUMNS} FROM progress
             WHERE agency_id = ?1 AND period <= ?2"
        ))?;
        let mut rows = stmt.query((agency_id, period))?;
        let mut latest: HashMap<i64, ProgressRow> = HashMap::new();
        while let Some(r) = rows.next()? {
            // Each task's newest entry is kept (sorting in SQLite instead
            // would copy every entry's text once more).
            let task_id: i64 = r.get(0)?;
            let period = r.get_ref(1)?.as_str().map_err(rusqlite::Error::from)?;
            if latest
                .get(&task_id)
                .is_none_or(|kept| kept.period.as_str() < period)
            {
                latest.insert(task_id, progress_row(r, 1)?);
            }
        }
        Ok(latest)
    }

    /// Entries up to and including `period`, newest first.
    fn progress_rows(
        &self,
        task_id: i64,
        agency_id: i64,
        period: &str,
        limit: usize,
    ) -> Result<Vec<ProgressRow>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {PROGRESS_COLUMNS}
             FROM progress WHERE task_id = ?1 AND agency_id = ?2 AND period <= ?3
             ORDER BY period DESC LIMIT ?4"
        ))?;
        let limit = limit.min(i64::MAX as usize) as i64;
        let mut rows = stmt.query((task_id, agency_id, period, limit))?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            out.push(progress_row(r, 0)?);
        }
        Ok(out)
    }
}

/// The columns [`progress_row`] reads, in its order.
const PROGRESS_COLUMNS: &str =
    "period, state, done_on, percent, result, obstacles, proposals, updated_at";

/// Reads [`PROGRESS_COLUMNS`] starting at column `first` of a row.
fn progress_row(r: &rusqlite::Row, first: usize) -> Result<ProgressRow> {
    let state: String = r.get(first + 1)?;
    Ok(ProgressRow {
        period: r.get(first)?,
        state: State::parse(&state)?,
        done_on: r.get(first + 2)?,
        percent: r.get(first + 3)?,
        result: r.get(first + 4)?,
        obstacles: r.get(first + 5)?,
        proposals: r.get(first + 6)?,
        updated_at: r.get(first + 7)?,
    })
}
