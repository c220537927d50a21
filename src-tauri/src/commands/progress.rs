//! The month's status, the dashboard and the monthly entry of a task.

use cchc::docref::{self, DocRef};
use cchc::forms::ProgressForm;
use cchc::store::{Dashboard, ProgressRow, StatusReport};
use cchc::Result;
use tauri::State;

use crate::state::AppState;

#[tauri::command(async)]
pub fn status(state: State<'_, AppState>, period: String) -> Result<StatusReport> {
    state.with_agency(|store, plan, agency| store.status(plan, agency, &period))
}

#[tauri::command(async)]
pub fn dashboard(state: State<'_, AppState>, period: String) -> Result<Dashboard> {
    state.with_agency(|store, plan, agency| store.dashboard(plan, agency, &period))
}

#[tauri::command(async)]
pub fn save_progress(state: State<'_, AppState>, form: ProgressForm) -> Result<()> {
    crate::pending::save_form(&state, &form)
}

#[tauri::command(async)]
pub fn progress_history(state: State<'_, AppState>, task: String) -> Result<Vec<ProgressRow>> {
    state.with_agency(|store, plan, agency| store.progress_history(plan, agency, &task))
}

/// Checks a number/symbol as it is typed.
#[tauri::command(async)]
pub fn check_reference(text: String) -> Result<DocRef> {
    Ok(docref::parse_reference(&text)?)
}

/// The document references quoted in a text (the result of a task).
#[tauri::command(async)]
pub fn find_references(text: String) -> Vec<DocRef> {
    docref::extract_references(&text)
}
