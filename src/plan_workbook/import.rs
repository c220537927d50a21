//! Importing a task-list workbook: new tasks for the current plan, a whole new
//! plan, or a newer version of a stored plan (matched by the key its `_meta`
//! carries), with a preview of what it would change.

use std::path::Path;

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::PlanWorkbook;
use crate::error::{Error, Result};
use crate::plan::{self, PlanChanges, PlanData};
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
    /// For a newer version of a stored plan: what it changed (else `None`).
    pub changes: Option<PlanChanges>,
    /// The plan's version after the import (0: not a published version).
    pub version: u32,
}

/// What a workbook would do, shown before anything is saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum ImportKind {
    /// A plan not in this database: stored beside the others.
    NewPlan,
    /// A newer version of a stored plan: updated in place.
    NewVersion,
    /// Tasks added to the current plan.
    Tasks,
}

/// The preview of an import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ImportPreview {
    pub kind: ImportKind,
    /// The plan's name and year as the workbook gives them (the current
    /// plan's for a list of tasks).
    pub name: String,
    pub year: i32,
    /// The workbook's version, and the stored one it replaces.
    pub version: u32,
    pub from_version: Option<u32>,
    /// The stored plan a new version updates.
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub plan_id: Option<i64>,
    pub changes: PlanChanges,
    /// The tasks the given agency leads or co-operates on after the import.
    pub own_tasks: Option<u32>,
}

/// What was read, and where it would go.
enum Target {
    New(PlanData),
    Version(i64, PlanData),
    Tasks(Vec<plan::TaskDef>),
}

impl PlanWorkbook {
    /// Reads a task-list workbook against plan `plan_id` and stores it: its
    /// tasks are added to that plan; a whole plan is inserted beside it; a
    /// newer version of a stored plan updates that plan in place (progress of
    /// tasks that keep their code is kept, removed tasks with history are
    /// retired from this month on). With `into`, the workbook must be a newer
    /// version of that plan.
    ///
    /// # Errors
    /// As [`plan_workbook::read_plan_workbook`], [`Store::insert_plan`],
    /// [`Store::add_tasks`] and [`Store::save_plan`]; [`Error::Invalid`] for a
    /// version older than or equal to the stored one, or a workbook of another
    /// plan than `into`. Nothing is stored on error.
    pub fn import(
        store: &mut Store,
        plan_id: i64,
        path: &Path,
        into: Option<i64>,
        now: DateTime<Utc>,
    ) -> Result<ImportOutcome> {
        Ok(match import_target(store, plan_id, path, into)? {
            Target::New(data) => ImportOutcome {
                plan_id: store.insert_plan(&data, now)?,
                new_plan: true,
                tasks: data.tasks.len() as u32,
                changes: None,
                version: data.meta.version,
            },
            Target::Version(id, data) => {
                let month = now.format("%Y-%m").to_string();
                let changes = store.save_plan(id, &data, &month)?;
                ImportOutcome {
                    plan_id: id,
                    new_plan: false,
                    tasks: data.tasks.len() as u32,
                    changes: Some(changes),
                    version: data.meta.version,
                }
            }
            Target::Tasks(tasks) => ImportOutcome {
                plan_id,
                new_plan: false,
                tasks: store.add_tasks(plan_id, &tasks)? as u32,
                changes: None,
                version: store.plan_meta(plan_id)?.version,
            },
        })
    }

    /// Writes the whole-plan workbook of `plan_id` to `path` as its next
    /// version (the hidden "_meta" names the plan and that version) and
    /// records the version in `store`. Returns the version written.
    ///
    /// # Errors
    /// [`Error::Invalid`] listing the plan's problems (nothing is written then),
    /// [`Error::File`] when the file cannot be written (the version stays).
    pub fn publish(store: &mut Store, plan_id: i64, path: &Path) -> Result<u32> {
        let mut data = store.plan_data(plan_id)?;
        let problems = data.check();
        if !problems.is_empty() {
            return Err(Error::Invalid(format!(
                "Kế hoạch có {} lỗi, chưa ban hành (chưa ghi tệp nào):\n{}",
                problems.len(),
                problems.join("\n")
            )));
        }
        data.meta.version += 1;
        plan_workbook::publish_plan_workbook(&data, path)?;
        store.set_plan_version(plan_id, data.meta.version)?;
        Ok(data.meta.version)
    }

    /// Imports a plan workbook (as [`PlanWorkbook::import`]) and makes
    /// the plan it went into the current one: the agencies' "switch in one step".
    ///
    /// # Errors
    /// As [`PlanWorkbook::import`] and [`Store::use_plan`].
    pub fn switch_to(store: &mut Store, path: &Path, now: DateTime<Utc>) -> Result<ImportOutcome> {
        let current = store.current_plan()?;
        let outcome = Self::import(store, current, path, None, now)?;
        store.use_plan(outcome.plan_id)?;
        Ok(outcome)
    }

    /// What importing the workbook would do, without saving anything; with
    /// `agency`, how many tasks that agency would have.
    ///
    /// # Errors
    /// As [`PlanWorkbook::import`].
    pub fn preview(
        store: &Store,
        plan_id: i64,
        path: &Path,
        agency: Option<&str>,
    ) -> Result<ImportPreview> {
        let own = |data: &PlanData| agency.map(|a| data.tasks_of(a.trim()) as u32);
        Ok(match import_target(store, plan_id, path, None)? {
            Target::New(data) => ImportPreview {
                kind: ImportKind::NewPlan,
                name: data.meta.name.clone(),
                year: data.meta.year,
                version: data.meta.version,
                from_version: None,
                plan_id: None,
                changes: plan::diff(&PlanData::empty_like(&data), &data),
                own_tasks: own(&data),
            },
            Target::Version(id, data) => {
                let old = store.plan_data(id)?;
                let changes = store.plan_changes(id, &old, &data)?;
                ImportPreview {
                    kind: ImportKind::NewVersion,
                    name: data.meta.name.clone(),
                    year: data.meta.year,
                    version: data.meta.version,
                    from_version: Some(old.meta.version),
                    plan_id: Some(id),
                    changes,
                    own_tasks: own(&data),
                }
            }
            Target::Tasks(tasks) => {
                let mut data = store.plan_data(plan_id)?;
                let before = data.clone();
                data.tasks.extend(tasks);
                ImportPreview {
                    kind: ImportKind::Tasks,
                    name: data.meta.name.clone(),
                    year: data.meta.year,
                    version: data.meta.version,
                    from_version: None,
                    plan_id: Some(plan_id),
                    changes: plan::diff(&before, &data),
                    own_tasks: own(&data),
                }
            }
        })
    }
}

/// Reads the workbook and decides where it goes.
fn import_target(store: &Store, plan_id: i64, path: &Path, into: Option<i64>) -> Result<Target> {
    let current = store.plan_data(plan_id)?;
    let data = match plan_workbook::read_plan_workbook(path, &current)? {
        PlanWorkbook::Tasks(tasks) if into.is_none() => return Ok(Target::Tasks(tasks)),
        PlanWorkbook::Tasks(_) => {
            return Err(Error::Invalid(format!(
                "Tệp \"{}\" chỉ có danh sách nhiệm vụ, không phải một kế hoạch đã ban hành \
                 (thiếu các sheet \"Kế hoạch\", \"Cơ quan\", \"Tiêu chí\" và \"_meta\").",
                path.display()
            )))
        }
        PlanWorkbook::NewPlan(data) => *data,
    };
    let stored = match data.meta.key.is_empty() {
        true => None,
        false => store.plan_by_key(&data.meta.key)?,
    };
    if let Some(into) = into {
        if stored != Some(into) {
            let target = store.plan_meta(into)?;
            return Err(Error::Invalid(format!(
                "Tệp \"{}\" là kế hoạch \"{}\" (năm {}), không phải một phiên bản của kế hoạch \
                 \"{}\" (năm {}): không nhập.",
                path.display(),
                data.meta.name,
                data.meta.year,
                target.name,
                target.year
            )));
        }
    }
    let Some(id) = stored else {
        return Ok(Target::New(data));
    };
    let have = store.plan_meta(id)?;
    if data.meta.version <= have.version {
        return Err(Error::Invalid(format!(
            "Tệp \"{}\" là phiên bản {} của kế hoạch \"{}\", {} phiên bản {} đang có: không nhập.",
            path.display(),
            data.meta.version,
            data.meta.name,
            if data.meta.version == have.version {
                "trùng với"
            } else {
                "cũ hơn"
            },
            have.version
        )));
    }
    Ok(Target::Version(id, data))
}
