//! The office's side of the yearly cycle: a new plan (from a stored one, or
//! empty), the checks before publishing, and publishing the whole-plan
//! workbook with its identity and a new version number.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::Store;
use crate::error::{Error, Result};
use crate::plan::{PlanData, TaskDef};
use crate::status::Status;
use crate::text;

/// A task of last year's plan not finished, to carry into the new plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CarryOver {
    pub task: TaskDef,
    /// Its last status as the agencies reported it (the collected reports of
    /// the latest month that has it); `None` when no agency reported it.
    pub status: Option<Status>,
}

impl Store {
    /// Stores a new plan named `name` for `year` and returns its id: a copy of
    /// plan `from` (fields, criteria, agencies, groups, tasks, successions),
    /// or an empty plan in the current plan's province. It is not made current;
    /// its document number and date are left for the editor.
    ///
    /// # Errors
    /// [`Error::NotFound`] for an unknown `from`; [`Error::Rows`] when the name
    /// is empty or the year is not one; nothing is stored then.
    pub fn new_plan(
        &mut self,
        name: &str,
        year: i32,
        from: Option<i64>,
        now: DateTime<Utc>,
    ) -> Result<i64> {
        let mut data = match from {
            Some(id) => self.plan_data(id)?,
            None => PlanData::empty_like(&self.plan_data(self.current_plan()?)?),
        };
        data.meta.name = text::clean(name);
        data.meta.year = year;
        data.meta.reference = String::new();
        data.meta.issued_on = None;
        data.meta.key = String::new();
        data.meta.version = 0;
        self.insert_plan(&data, now)
    }

    /// Every problem that keeps plan `plan_id` from being published, each
    /// naming the task (or agency, group, criterion) and the field.
    ///
    /// # Errors
    /// [`Error::NotFound`] for an unknown plan.
    pub fn check_plan(&self, plan_id: i64) -> Result<Vec<String>> {
        Ok(self.plan_data(plan_id)?.check())
    }

    /// Records that plan `plan_id` was published as `version`.
    ///
    /// # Errors
    /// [`Error::Database`] when the store cannot be written.
    pub fn set_plan_version(&mut self, plan_id: i64, version: u32) -> Result<()> {
        self.conn.execute(
            "UPDATE plan SET version = ?2 WHERE id = ?1",
            (plan_id, version),
        )?;
        Ok(())
    }

    /// The tasks of plan `plan_id` that are not finished by the agencies'
    /// latest collected reports (a task is finished when every agency's row
    /// of the latest month that has it says "Hoàn thành…"), each with that
    /// last status, in the plan's order.
    ///
    /// # Errors
    /// [`Error::Database`] when the store cannot be read.
    pub fn unfinished_tasks(&self, plan_id: i64) -> Result<Vec<CarryOver>> {
        let mut latest: HashMap<i64, (String, Vec<Status>)> = HashMap::new();
        let mut stmt = self.conn.prepare_cached(
            "SELECT ct.task_id, cr.period, ct.status FROM collected_task ct
             JOIN collected_report cr ON cr.id = ct.report_id WHERE cr.plan_id = ?1",
        )?;
        let mut rows = stmt.query([plan_id])?;
        while let Some(r) = rows.next()? {
            let (task, period, label): (i64, String, String) = (r.get(0)?, r.get(1)?, r.get(2)?);
            let status = Status::from_label(&label).ok_or_else(|| {
                Error::Database(format!(
                    "Trạng thái \"{label}\" của một báo cáo đã thu bị hỏng."
                ))
            })?;
            let entry = latest
                .entry(task)
                .or_insert_with(|| (period.clone(), Vec::new()));
            if period > entry.0 {
                *entry = (period, vec![status]);
            } else if period == entry.0 {
                entry.1.push(status);
            }
        }
        let done = [Status::DoneOnTime, Status::DoneLate];
        let data = self.plan_data(plan_id)?;
        let ids: HashMap<String, i64> = self
            .tasks(plan_id, None)?
            .into_iter()
            .map(|t| (t.code, t.id))
            .collect();
        Ok(data
            .tasks
            .into_iter()
            .filter_map(|task| {
                let statuses = ids.get(&task.code).and_then(|id| latest.get(id));
                let status = match statuses {
                    None => None,
                    Some((_, list)) => Some(*list.iter().find(|s| !done.contains(s))?),
                };
                Some(CarryOver { task, status })
            })
            .collect())
    }
}
