//! Obligations counted in working days and the holiday notices behind them.

use cchc::obligation_form::{read_event, EventFields, ObligationForm, SettleForm};
use cchc::store::{HolidayNotice, ObligationRow};
use cchc::Result;
use serde::Serialize;
use tauri::State;

use crate::state::AppState;

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// The agency's open obligations as the dashboard lists them: the first ones
/// (due within 2 working days, then overdue, then by due date) and how many
/// there are in all.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct OpenObligationList {
    pub rows: Vec<ObligationRow>,
    pub total: u32,
}

impl OpenObligationList {
    /// The first `first` of `rows` (all of them without `first`).
    fn first(mut rows: Vec<ObligationRow>, first: Option<u32>) -> OpenObligationList {
        let total = u32::try_from(rows.len()).unwrap_or(u32::MAX);
        if let Some(first) = first.and_then(|n| usize::try_from(n).ok()) {
            rows.truncate(first);
        }
        OpenObligationList { rows, total }
    }
}

/// The agency's open obligations, the first `first` of them: a year can leave
/// hundreds open, and the dashboard draws ten until asked for all.
#[tauri::command(async)]
pub fn open_obligations(
    state: State<'_, AppState>,
    first: Option<u32>,
) -> Result<OpenObligationList> {
    state.with_agency(|store, plan, agency| {
        let rows = store.open_obligations(plan, agency, today())?;
        Ok(OpenObligationList::first(rows, first))
    })
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

#[cfg(test)]
mod tests {
    use super::*;
    use cchc::obligation::ObligationStatus;
    use chrono::NaiveDate;

    fn row(id: i64) -> ObligationRow {
        let day = NaiveDate::from_ymd_opt(2026, 3, 2).expect("a day");
        ObligationRow {
            id,
            task: "II.1.1".into(),
            number: format!("{id}/QĐ-BTP"),
            date: day,
            issuer: "Bộ Tư pháp".into(),
            summary: String::new(),
            received: None,
            start: day,
            working_days: 5,
            due_date: day,
            settled_number: None,
            settled_on: None,
            used_working_days: 0,
            days_left: Some(0),
            status: ObligationStatus::NotDue,
            why: None,
            calendar_version: 0,
        }
    }

    #[test]
    fn the_first_rows_are_kept_in_order_with_the_count_of_all() {
        let rows: Vec<ObligationRow> = (1..=12).map(row).collect();
        let first = OpenObligationList::first(rows.clone(), Some(10));
        assert_eq!(first.total, 12);
        assert_eq!(first.rows, rows[..10]);
        let all = OpenObligationList::first(rows.clone(), None);
        assert_eq!((all.total, all.rows), (12, rows.clone()));
        let more = OpenObligationList::first(rows.clone(), Some(50));
        assert_eq!((more.total, more.rows), (12, rows));
    }
}
