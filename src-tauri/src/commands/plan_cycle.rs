//! The yearly cycle: the office's plan editor (plans, a new plan, the whole
//! plan read and saved, checks, publishing) and the agencies' import of a new
//! plan or a newer version (a preview, then the switch in one step).

use cchc::plan::{PlanChanges, PlanData, ResolvedDeadline};
use cchc::plan_workbook::{ImportOutcome, ImportPreview, PlanWorkbook};
use cchc::store::{CarryOver, PlanSummary};
use cchc::{Error, Result};
use tauri::{AppHandle, Manager, State};

use super::{blocking, logged};
use crate::paths;
use crate::state::AppState;

/// The reporting month of today, where removed tasks with history stop.
fn this_month() -> String {
    chrono::Local::now().format("%Y-%m").to_string()
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn plans(state: State<'_, AppState>) -> Result<Vec<PlanSummary>> {
    logged(|| state.store()?.plans())
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn plan_data(state: State<'_, AppState>, id: i64) -> Result<PlanData> {
    logged(|| state.store()?.plan_data(id))
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn new_plan(
    state: State<'_, AppState>,
    name: String,
    year: String,
    from: Option<i64>,
) -> Result<i64> {
    logged(|| {
        let year: i32 = year.trim().parse().map_err(|_| {
            Error::Invalid(format!(
                "\"{}\" không phải là một năm (ví dụ 2026).",
                year.trim()
            ))
        })?;
        state
            .store()?
            .new_plan(&name, year, from, chrono::Utc::now())
    })
}

/// The checks of a plan as edited, before it is saved.
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn check_plan_data(plan: PlanData) -> Vec<String> {
    let mut plan = plan;
    plan.normalize();
    plan.check()
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn check_deadline(text: String) -> Result<ResolvedDeadline> {
    logged(|| cchc::plan::resolve_deadline(&text))
}

#[tauri::command]
#[tracing::instrument(skip_all)]
pub async fn save_plan(app: AppHandle, id: i64, plan: PlanData) -> Result<PlanChanges> {
    blocking(app, move |state| {
        state.store()?.save_plan(id, &plan, &this_month())
    })
    .await
}

/// Publishes plan `id` as a whole-plan workbook at `path` (a relative one
/// inside the default folder) and returns the version number recorded.
#[tauri::command]
#[tracing::instrument(skip_all)]
pub async fn publish_plan(app: AppHandle, id: i64, path: String) -> Result<u32> {
    let path = paths::full_path(
        &path,
        &paths::default_folder(&app, app.state::<AppState>().db_path()),
    );
    blocking(app, move |state| {
        PlanWorkbook::publish(&mut *state.store()?, id, &path)
    })
    .await
}

#[tauri::command]
#[tracing::instrument(skip_all)]
pub async fn preview_plan_import(app: AppHandle, path: String) -> Result<ImportPreview> {
    blocking(app, move |state| {
        let store = state.store()?;
        let plan = store.current_plan()?;
        let agency = store.profile(plan)?.agency;
        PlanWorkbook::preview(&store, plan, std::path::Path::new(&path), agency.as_deref())
    })
    .await
}

#[tauri::command]
#[tracing::instrument(skip_all)]
pub async fn switch_plan(app: AppHandle, path: String) -> Result<ImportOutcome> {
    blocking(app, move |state| {
        PlanWorkbook::switch_to(
            &mut *state.store()?,
            std::path::Path::new(&path),
            chrono::Utc::now(),
        )
    })
    .await
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn unfinished_tasks(state: State<'_, AppState>, id: i64) -> Result<Vec<CarryOver>> {
    logged(|| state.store()?.unfinished_tasks(id))
}
