//! The plan, the officer's profile and the app's own facts.

use cchc::plan::Criterion;
use cchc::plan_workbook::{ImportOutcome, PlanWorkbook};
use cchc::store::{AgencyRow, PlanSummary, Profile, TaskRow};
use cchc::{Error, Result};
use serde::Serialize;
use tauri::{AppHandle, State};

use super::{blocking, logged};
use crate::state::AppState;

/// What the app shows in Settings and the top bar.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct AppInfo {
    pub version: String,
    /// The database file's folder.
    pub data_dir: String,
    /// The folder of the daily log files.
    pub logs_dir: String,
    pub plan: PlanSummary,
    pub profile: Profile,
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn app_info(state: State<'_, AppState>) -> Result<AppInfo> {
    logged(|| {
        let store = state.store()?;
        let plan_id = store.current_plan()?;
        let plan = store
            .plans()?
            .into_iter()
            .find(|p| p.id == plan_id)
            .ok_or_else(|| Error::Database("Không đọc được kế hoạch đang dùng.".into()))?;
        Ok(AppInfo {
            version: env!("CARGO_PKG_VERSION").to_string(),
            data_dir: store.dir().display().to_string(),
            logs_dir: state
                .logs_dir()
                .map(|d| d.display().to_string())
                .unwrap_or_default(),
            profile: store.profile(plan_id)?,
            plan,
        })
    })
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn agencies(state: State<'_, AppState>) -> Result<Vec<AgencyRow>> {
    logged(|| {
        let store = state.store()?;
        store.agencies(store.current_plan()?)
    })
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn criteria(state: State<'_, AppState>) -> Result<Vec<Criterion>> {
    logged(|| {
        let store = state.store()?;
        store.criteria(store.current_plan()?)
    })
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn set_profile(state: State<'_, AppState>, agency: String, signer: String) -> Result<Profile> {
    logged(|| {
        let mut store = state.store()?;
        let plan = store.current_plan()?;
        store.set_profile(plan, &agency, &signer)
    })
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn tasks(state: State<'_, AppState>) -> Result<Vec<TaskRow>> {
    logged(|| state.with_agency(|store, plan, agency| store.tasks(plan, Some(agency))))
}

/// Reads a task-list workbook into the store (on a thread of its own).
#[tauri::command]
#[tracing::instrument(skip_all)]
pub async fn import_plan(app: AppHandle, path: String) -> Result<ImportOutcome> {
    blocking(app, move |state| {
        let mut store = state.store()?;
        let plan = store.current_plan()?;
        PlanWorkbook::import(
            &mut store,
            plan,
            std::path::Path::new(&path),
            None,
            chrono::Utc::now(),
        )
    })
    .await
}
