//! Collector mode in the app (the "Tổng hợp" screen): reading a folder of
//! agency workbooks with progress, the month's table of agencies, one agency's
//! rows, and the consolidated workbook.

use std::path::PathBuf;

use cchc::collect::{self, AgencyLine, Consolidation, Outcome};
use cchc::store::{CollectedTask, JustSaved};
use cchc::Result;
use chrono::Utc;
use serde::Serialize;
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, State};

use super::{blocking, logged};
use crate::state::AppState;

/// The setting that shows the "Tổng hợp" screen.
const COLLECTOR_MODE: &str = "collector_mode";

/// Files read so far while a collection runs.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct CollectProgress {
    pub done: usize,
    pub total: usize,
}

/// The month as the "Tổng hợp" screen shows it.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct CollectedMonth {
    /// `YYYY-MM`.
    pub period: String,
    /// Every agency with tasks in the plan, sent or not, in the plan's order.
    pub agencies: Vec<AgencyLine>,
    pub total: AgencyLine,
    /// The files of the last run for this month in this session (empty before one).
    pub outcomes: Vec<Outcome>,
    /// `TH-CCHC-<YYYY>-<MM>.xlsx`.
    pub file_name: String,
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn collector_mode(state: State<'_, AppState>) -> Result<bool> {
    logged(|| Ok(state.store()?.setting(COLLECTOR_MODE)?.as_deref() == Some("1")))
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn set_collector_mode(state: State<'_, AppState>, on: bool) -> Result<()> {
    logged(|| {
        state
            .store()?
            .set_setting(COLLECTOR_MODE, if on { "1" } else { "0" })
    })
}

/// Reads the workbooks among `paths` (files, or the .xlsx files of folders)
/// for `period`, sending progress on `on_progress`, and returns the month. It
/// runs on a thread of its own and locks the store for one batch of files at
/// a time (`impl StoreAccess for &AppState`), so the other screens keep
/// working.
#[tauri::command]
#[tracing::instrument(skip_all)]
pub async fn collect(
    app: AppHandle,
    period: String,
    paths: Vec<String>,
    on_progress: Channel<CollectProgress>,
) -> Result<CollectedMonth> {
    blocking(app, move |state| {
        let period = collect::normalize_period(&period)?;
        let files = collect::input_files(&paths.iter().map(PathBuf::from).collect::<Vec<_>>())?;
        let plan = state.store()?.current_plan()?;
        // The rows saved are kept for the month shown, not read back.
        let mut saved = JustSaved::default();
        let outcomes = collect::collect_files(
            &mut &*state,
            plan,
            &period,
            &files,
            Utc::now(),
            |done, total| {
                let _ = on_progress.send(CollectProgress { done, total });
            },
            Some(&mut saved),
        )?;
        tracing::info!(
            files = outcomes.len(),
            refused = outcomes.iter().filter(|o| o.is_rejected()).count(),
            "collected"
        );
        state.remember_run(&period, outcomes);
        // The log the run wrote is copied into the database meanwhile.
        let checkpoint = state.store()?.log_checkpoint();
        checkpoint.alongside(|| month_of(state, &period, saved))
    })
    .await
}

/// The month from what has been collected so far.
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn collected_month(state: State<'_, AppState>, period: String) -> Result<CollectedMonth> {
    logged(|| month_of(&state, &period, JustSaved::default()))
}

/// The task rows of one agency's collected report for `period` (none when it sent nothing).
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn collected_rows(
    state: State<'_, AppState>,
    period: String,
    agency: String,
) -> Result<Vec<CollectedTask>> {
    logged(|| {
        let period = collect::normalize_period(&period)?;
        let store = state.store()?;
        let reports = store.collected_reports(store.current_plan()?, &period)?;
        let report = reports.into_iter().find(|r| r.agency_code == agency);
        Ok(report.map(|r| r.tasks).unwrap_or_default())
    })
}

/// Writes the consolidated workbook of `period` to `path` (a relative one
/// inside the default folder) and returns the full path written.
#[tauri::command]
#[tracing::instrument(skip_all)]
pub async fn export_consolidated(app: AppHandle, period: String, path: String) -> Result<String> {
    let path = crate::paths::full_path(
        &path,
        &crate::paths::default_folder(&app, app.state::<AppState>().db_path()),
    );
    blocking(app, move |state| {
        let (month, _) = consolidated(state, &period, JustSaved::default())?;
        collect::write_consolidated(&month, &path)?;
        Ok(path.display().to_string())
    })
    .await
}

/// The month as the "Tổng hợp" screen shows it.
fn month_of(state: &AppState, period: &str, saved: JustSaved) -> Result<CollectedMonth> {
    let (month, outcomes) = consolidated(state, period, saved)?;
    Ok(CollectedMonth {
        file_name: collect::consolidated_file_name(&month.period),
        period: month.period,
        agencies: month.agencies,
        total: month.total,
        outcomes,
    })
}

/// The month consolidated from the store (the rows of a run just `saved`
/// taken as they were saved), its notes naming the refusals of this
/// session's last run (returned too), as `cchc collect` names them.
fn consolidated(
    state: &AppState,
    period: &str,
    saved: JustSaved,
) -> Result<(Consolidation, Vec<Outcome>)> {
    let period = collect::normalize_period(period)?;
    let outcomes = state.last_run(&period);
    let store = state.store()?;
    let plan = store.current_plan()?;
    let month = collect::consolidate(&store, plan, &period, &outcomes, Utc::now(), saved)?;
    Ok((month, outcomes))
}
