//! Importing a task-list workbook: new tasks for the current plan, or a whole new plan.

use std::path::Path;

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::PlanWorkbook;
use crate::error::Result;
use crate::plan_workbook;
use crate::store::Store;

/// What an import did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ImportOutcome {
    /// The plan the tasks went into.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub plan_id: i64,
    /// Whether the workbook held a whole new plan (not made current).
    pub new_plan: bool,
    pub tasks: u32,
}

impl PlanWorkbook {
    /// Reads a task-list workbook against plan `plan_id` and stores it in `store`:
    /// its tasks are added to that plan, or a whole plan is inserted beside it.
    ///
    /// # Errors
    /// As [`plan_workbook::read_plan_workbook`] and [`Store::insert_plan`] /
    /// [`Store::add_tasks`]; nothing is stored on error.
    pub fn import(
        store: &mut Store,
        plan_id: i64,
        path: &Path,
        now: DateTime<Utc>,
    ) -> Result<ImportOutcome> {
        let current = store.plan_data(plan_id)?;
        Ok(match plan_workbook::read_plan_workbook(path, &current)? {
            PlanWorkbook::NewPlan(data) => ImportOutcome {
                plan_id: store.insert_plan(&data, now)?,
                new_plan: true,
                tasks: data.tasks.len() as u32,
            },
            PlanWorkbook::Tasks(tasks) => ImportOutcome {
                plan_id,
                new_plan: false,
                tasks: store.add_tasks(plan_id, &tasks)? as u32,
            },
        })
    }
}
