//! Evidence records and their files.

use cchc::forms::EvidenceForm;
use cchc::store::EvidenceRow;
use cchc::Result;
use tauri::State;

use super::logged;
use crate::state::AppState;

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn evidence(state: State<'_, AppState>) -> Result<Vec<EvidenceRow>> {
    logged(|| state.with_agency(|store, plan, agency| store.evidence(plan, agency)))
}

#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn add_evidence(state: State<'_, AppState>, form: EvidenceForm) -> Result<i64> {
    logged(|| {
        state.with_agency(|store, plan, agency| {
            store.add_evidence(plan, &form.to_input(agency)?, chrono::Utc::now())
        })
    })
}

#[tauri::command(async)]
#[tracing::instrument(skip_all, fields(id = id))]
pub fn update_evidence(state: State<'_, AppState>, id: i64, form: EvidenceForm) -> Result<()> {
    logged(|| {
        state.with_agency(|store, plan, agency| {
            store.update_evidence(plan, id, &form.to_input(agency)?, chrono::Utc::now())
        })
    })
}

#[tauri::command(async)]
#[tracing::instrument(skip_all, fields(id = id))]
pub fn delete_evidence(state: State<'_, AppState>, id: i64) -> Result<()> {
    logged(|| state.with_agency(|store, plan, agency| store.delete_evidence(plan, agency, id)))
}

/// Opens the attached file with the system's viewer (a copy under its own name).
#[tauri::command(async)]
#[tracing::instrument(skip_all, fields(id = id))]
pub fn open_evidence(state: State<'_, AppState>, id: i64) -> Result<()> {
    logged(|| {
        let path = state.with_agency(|store, plan, agency| {
            store.evidence_file_copy(plan, agency, id, state.view_dir())
        })?;
        crate::system::open_path(&path)
    })
}

/// Shows a file in the system's file manager.
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn reveal_path(path: String) -> Result<()> {
    logged(|| crate::system::reveal(std::path::Path::new(&path)))
}
