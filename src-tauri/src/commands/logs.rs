//! The log folder, opened from Settings ("Mở thư mục nhật ký") for whoever
//! helps the officer with a problem.

use cchc::{Error, Result};
use tauri::State;

use super::logged;
use crate::state::AppState;

/// Opens the log folder in the system's file manager.
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn open_logs(state: State<'_, AppState>) -> Result<()> {
    logged(|| {
        let dir = state.logs_dir().ok_or_else(|| {
            Error::Invalid("Chưa biết thư mục dữ liệu nên chưa có thư mục nhật ký.".into())
        })?;
        std::fs::create_dir_all(&dir).map_err(|e| Error::file(&dir, &e))?;
        crate::system::open_path(&dir)
    })
}
