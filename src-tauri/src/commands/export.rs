//! The monthly export: its preview and writing the workbook.

use cchc::report::{self, ExportOptions, ExportPreview};
use cchc::Result;
use tauri::{AppHandle, Manager, State};

use super::{blocking, logged};
use crate::paths;
use crate::state::AppState;

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn export_preview(state: State<'_, AppState>, period: String) -> Result<ExportPreview> {
    logged(|| {
        state.with_agency(|store, plan, agency| {
            Ok(ExportPreview::of(&report::MonthReport::gather(
                store, plan, agency, &period,
            )?))
        })
    })
}

/// Writes the month's workbook to `path` (a relative one inside the default
/// folder) and returns the full path written. The store is locked while the
/// month is read, not while the file is written.
#[tauri::command]
#[tracing::instrument(skip_all)]
pub async fn export_month(app: AppHandle, period: String, path: String) -> Result<String> {
    let path = paths::full_path(
        &path,
        &paths::default_folder(&app, app.state::<AppState>().db_path()),
    );
    blocking(app, move |state| {
        let (month, signer) = state.with_agency(|store, plan, agency| {
            let month = report::MonthReport::gather(store, plan, agency, &period)?;
            Ok((month, store.profile(plan)?.signer))
        })?;
        let signer = Some(signer).filter(|s| !s.is_empty());
        let now = chrono::Local::now().fixed_offset();
        let target = report::target_path(Some(path.as_path()), &month);
        report::write_month_report(&month, &ExportOptions { signer, now }, &target)?;
        Ok(target.display().to_string())
    })
    .await
}
