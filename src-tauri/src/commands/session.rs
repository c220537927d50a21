//! The session's edges: the page's word that the first data is on screen
//! (the start's duration, logged), what the page has not saved yet (kept for
//! an exit the system forces), the page's word that it has saved before an
//! exit, and the full default path of a file to save.

use cchc::Result;
use tauri::{AppHandle, State};

use super::logged;
use crate::paths;
use crate::pending::{Pending, PendingWork};
use crate::state::AppState;

/// The dashboard's data is drawn, `page_ms` after the page began: logs the
/// time since the process started, once a run (see `startup`).
#[tauri::command]
pub fn first_data_shown(page_ms: f64) -> Option<u64> {
    crate::startup::first_data_shown(page_ms)
}

/// The page's list of unsaved work as of its call number `seq`.
#[tauri::command]
pub fn stash_pending(pending: State<'_, Pending>, seq: u64, work: Vec<PendingWork>) {
    pending.stash(seq, work);
}

/// The page has saved what it could after `cchc://before-exit`.
#[tauri::command]
pub fn ready_to_exit(pending: State<'_, Pending>) {
    pending.page_finished();
}

/// `file_name` in the user's default folder for saving, as a full path.
#[tauri::command]
#[tracing::instrument(skip_all)]
pub fn default_save_path(
    app: AppHandle,
    state: State<'_, AppState>,
    file_name: String,
) -> Result<String> {
    logged(|| {
        let folder = paths::default_folder(&app, state.db_path());
        Ok(paths::full_path(&file_name, &folder).display().to_string())
    })
}
