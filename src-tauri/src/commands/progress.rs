//! The month's status, the dashboard and the monthly entry of a task.

use cchc::docref::{self, DocRef};
use cchc::forms::ProgressForm;
use cchc::store::{Dashboard, ProgressRow, StatusReport};
use cchc::Result;
use tauri::State;

use super::logged;
use crate::state::AppState;

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn status(state: State<'_, AppState>, period: String) -> Result<StatusReport> {
    logged(|| state.with_agency(|store, plan, agency| store.status(plan, agency, &period)))
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn dashboard(state: State<'_, AppState>, period: String) -> Result<Dashboard> {
    logged(|| state.with_agency(|store, plan, agency| store.dashboard(plan, agency, &period)))
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn save_progress(state: State<'_, AppState>, form: ProgressForm) -> Result<()> {
    logged(|| crate::pending::save_form(&state, &form))
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn progress_history(state: State<'_, AppState>, task: String) -> Result<Vec<ProgressRow>> {
    logged(|| state.with_agency(|store, plan, agency| store.progress_history(plan, agency, &task)))
}

/// Checks a number/symbol as it is typed (a refusal is an answer, not logged).
#[tauri::command(async)]
pub fn check_reference(text: String) -> Result<DocRef> {
    Ok(docref::parse_reference(&text)?)
}

/// The document references quoted in a text (the result of a task).
#[tauri::command(async)]
pub fn find_references(text: String) -> Vec<DocRef> {
    docref::extract_references(&text)
}
