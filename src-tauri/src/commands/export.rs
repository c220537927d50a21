//! The monthly export: its preview and writing the workbook.

use cchc::report::{self, ExportOptions, ExportPreview};
use cchc::Result;
use tauri::{AppHandle, State};

use crate::paths;
use crate::state::AppState;

#[tauri::command(async)]
pub fn export_preview(state: State<'_, AppState>, period: String) -> Result<ExportPreview> {
    state.with_agency(|store, plan, agency| {
        Ok(ExportPreview::of(&report::MonthReport::gather(
            store, plan, agency, &period,
        )?))
    })
}

/// Writes the month's workbook to `path` (a relative one inside the default
/// folder) and returns the full path written.
#[tauri::command(async)]
pub fn export_month(
    app: AppHandle,
    state: State<'_, AppState>,
    period: String,
    path: String,
) -> Result<String> {
    let path = paths::full_path(&path, &paths::default_folder(&app, state.db_path()));
    state.with_agency(|store, plan, agency| {
        let month = report::MonthReport::gather(store, plan, agency, &period)?;
        let signer = Some(store.profile(plan)?.signer).filter(|s| !s.is_empty());
        let now = chrono::Local::now().fixed_offset();
        let target = report::target_path(Some(path.as_path()), &month);
        report::write_month_report(&month, &ExportOptions { signer, now }, &target)?;
        Ok(target.display().to_string())
    })
}
