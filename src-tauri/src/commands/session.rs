//! The session's edges: what the page has not saved yet (kept for an exit the
//! system forces), the page's word that it has saved before an exit, and the
//! full default path of a file to save.

use cchc::Result;
use tauri::{AppHandle, State};

use crate::paths;
use crate::pending::{Pending, PendingWork};
use crate::state::AppState;

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
pub fn default_save_path(
    app: AppHandle,
    state: State<'_, AppState>,
    file_name: String,
) -> Result<String> {
    let folder = paths::default_folder(&app, state.db_path());
    Ok(paths::full_path(&file_name, &folder).display().to_string())
}
