//! The plan, the officer's profile and the app's own facts.

use cchc::plan::Criterion;
use cchc::plan_workbook::{ImportOutcome, PlanWorkbook};
use cchc::store::{AgencyRow, PlanSummary, Profile, TaskRow};
use cchc::{Error, Result};
use serde::Serialize;
use tauri::State;

use crate::state::AppState;

/// What the app shows in Settings and the top bar.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct AppInfo {
    pub version: String,
    /// The database file's folder.
    pub data_dir: String,
    pub plan: PlanSummary,
    pub profile: Profile,
}

#[tauri::command(async)]
pub fn app_info(state: State<'_, AppState>) -> Result<AppInfo> {
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
        profile: store.profile(plan_id)?,
        plan,
    })
}

#[tauri::command(async)]
pub fn agencies(state: State<'_, AppState>) -> Result<Vec<AgencyRow>> {
    let store = state.store()?;
    store.agencies(store.current_plan()?)
}

#[tauri::command(async)]
pub fn criteria(state: State<'_, AppState>) -> Result<Vec<Criterion>> {
    let store = state.store()?;
    store.criteria(store.current_plan()?)
}

#[tauri::command(async)]
pub fn set_profile(state: State<'_, AppState>, agency: String, signer: String) -> Result<Profile> {
    let mut store = state.store()?;
    let plan = store.current_plan()?;
    store.set_profile(plan, &agency, &signer)
}

#[tauri::command(async)]
pub fn tasks(state: State<'_, AppState>) -> Result<Vec<TaskRow>> {
    state.with_agency(|store, plan, agency| store.tasks(plan, Some(agency)))
}

#[tauri::command(async)]
pub fn import_plan(state: State<'_, AppState>, path: String) -> Result<ImportOutcome> {
    let mut store = state.store()?;
    let plan = store.current_plan()?;
    PlanWorkbook::import(
        &mut store,
        plan,
        std::path::Path::new(&path),
        chrono::Utc::now(),
    )
}
