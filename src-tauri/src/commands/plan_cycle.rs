//! The yearly cycle: the office's plan editor (plans, a new plan, the whole
//! plan read and saved, checks, publishing) and the agencies' import of a new
//! plan or a newer version (a preview, then the switch in one step).

use cchc::plan::{PlanChanges, PlanData, ResolvedDeadline};
use cchc::plan_workbook::{ImportOutcome, ImportPreview, PlanWorkbook};
use cchc::store::{CarryOver, PlanSummary};
use cchc::{Error, Result};
use tauri::State;

use crate::state::AppState;

/// The reporting month of today, where removed tasks with history stop.
fn this_month() -> String {
    chrono::Local::now().format("%Y-%m").to_string()
}

#[tauri::command(async)]
pub fn plans(state: State<'_, AppState>) -> Result<Vec<PlanSummary>> {
    state.store()?.plans()
}

#[tauri::command(async)]
pub fn plan_data(state: State<'_, AppState>, id: i64) -> Result<PlanData> {
    state.store()?.plan_data(id)
}

#[tauri::command(async)]
pub fn new_plan(
    state: State<'_, AppState>,
    name: String,
    year: String,
    from: Option<i64>,
) -> Result<i64> {
    let year: i32 = year.trim().parse().map_err(|_| {
        Error::Invalid(format!(
            "\"{}\" không phải là một năm (ví dụ 2026).",
            year.trim()
        ))
    })?;
    state
        .store()?
        .new_plan(&name, year, from, chrono::Utc::now())
}

/// The checks of a plan as edited, before it is saved.
#[tauri::command(async)]
pub fn check_plan_data(plan: PlanData) -> Vec<String> {
    let mut plan = plan;
    plan.normalize();
    plan.check()
}

#[tauri::command(async)]
pub fn check_deadline(text: String) -> Result<ResolvedDeadline> {
    cchc::plan::resolve_deadline(&text)
}

#[tauri::command(async)]
pub fn save_plan(state: State<'_, AppState>, id: i64, plan: PlanData) -> Result<PlanChanges> {
    state.store()?.save_plan(id, &plan, &this_month())
}

#[tauri::command(async)]
pub fn publish_plan(state: State<'_, AppState>, id: i64, path: String) -> Result<u32> {
    let mut store = state.store()?;
    PlanWorkbook::publish(&mut store, id, std::path::Path::new(&path))
}

#[tauri::command(async)]
pub fn preview_plan_import(state: State<'_, AppState>, path: String) -> Result<ImportPreview> {
    let store = state.store()?;
    let plan = store.current_plan()?;
    let agency = store.profile(plan)?.agency;
    PlanWorkbook::preview(&store, plan, std::path::Path::new(&path), agency.as_deref())
}

#[tauri::command(async)]
pub fn switch_plan(state: State<'_, AppState>, path: String) -> Result<ImportOutcome> {
    let mut store = state.store()?;
    PlanWorkbook::switch_to(&mut store, std::path::Path::new(&path), chrono::Utc::now())
}

#[tauri::command(async)]
pub fn unfinished_tasks(state: State<'_, AppState>, id: i64) -> Result<Vec<CarryOver>> {
    state.store()?.unfinished_tasks(id)
}
