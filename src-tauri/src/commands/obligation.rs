//! Obligations counted in working days and the holiday notices behind them.

use cchc::obligation_form::{read_event, EventFields, ObligationForm, SettleForm};
use cchc::store::{HolidayNotice, ObligationRow};
use cchc::Result;
use tauri::State;

use crate::state::AppState;

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// The agency's open obligations, those due within 2 working days first.
#[tauri::command(async)]
pub fn open_obligations(state: State<'_, AppState>) -> Result<Vec<ObligationRow>> {
    state.with_agency(|store, plan, agency| store.open_obligations(plan, agency, today()))
}

/// A task's obligations, settled or not.
#[tauri::command(async)]
pub fn task_obligations(state: State<'_, AppState>, task: String) -> Result<Vec<ObligationRow>> {
    state.with_agency(|store, plan, agency| store.task_obligations(plan, agency, &task, today()))
}

/// The fields of an event pasted as text.
#[tauri::command(async)]
pub fn read_event_text(text: String) -> EventFields {
    read_event(&text)
}

#[tauri::command(async)]
pub fn add_obligation(state: State<'_, AppState>, form: ObligationForm) -> Result<ObligationRow> {
    state.with_agency(|store, plan, agency| {
        store.add_obligation(plan, &form.to_input(agency)?, today(), chrono::Utc::now())
    })
}

#[tauri::command(async)]
pub fn settle_obligation(
    state: State<'_, AppState>,
    id: i64,
    form: SettleForm,
) -> Result<ObligationRow> {
    state.with_agency(|store, plan, agency| {
        store.settle_obligation(plan, &form.to_input(agency, id)?, chrono::Utc::now())
    })
}

#[tauri::command(async)]
pub fn holiday_notices(state: State<'_, AppState>) -> Result<Vec<HolidayNotice>> {
    state.store()?.holiday_notices()
}

/// A notice kept as a workbook: its first sheet read as typed lines.
#[tauri::command(async)]
pub fn add_holiday_notice_file(
    state: State<'_, AppState>,
    reference: String,
    path: String,
) -> Result<HolidayNotice> {
    let lines = cchc::plan_workbook::notice_lines::notice_lines(std::path::Path::new(&path))?;
    state
        .store()?
        .add_holiday_notice(&reference, &lines, chrono::Utc::now())
}

#[tauri::command(async)]
pub fn add_holiday_notice(
    state: State<'_, AppState>,
    reference: String,
    lines: String,
) -> Result<HolidayNotice> {
    state
        .store()?
        .add_holiday_notice(&reference, &lines, chrono::Utc::now())
}
