//! Measured indicators: the month's figures of the officer's agency, saving
//! one, and the points at risk (the agency's, or the collected province's).

use cchc::report::indicator_sheet::MeasuredLine;
use cchc::score::CriterionScore;
use cchc::store::{Figure, IndicatorForm};
use cchc::Result;
use tauri::State;

use crate::state::AppState;

/// The indicators the agency reports, each with its latest figure of the year up to `period`.
#[tauri::command(async)]
pub fn measured(state: State<'_, AppState>, period: String) -> Result<Vec<MeasuredLine>> {
    state.with_agency(|store, plan, agency| store.measured_lines(plan, agency, &period))
}

/// Saves the agency's figure typed in the form (its `agency` is the profile's).
#[tauri::command(async)]
pub fn save_indicator(state: State<'_, AppState>, form: IndicatorForm) -> Result<Figure> {
    state.with_agency(|store, plan, agency| {
        let form = IndicatorForm {
            agency: agency.to_string(),
            ..form
        };
        store.set_indicator(plan, &form, chrono::Utc::now())
    })
}

/// The points at risk: the agency's own, or the province's from the collected workbooks.
#[tauri::command(async)]
pub fn scores(
    state: State<'_, AppState>,
    period: String,
    province: bool,
) -> Result<Vec<CriterionScore>> {
    state.with_agency(|store, plan, agency| match province {
        true => cchc::score::province::province_scores(store, plan, &period),
        false => cchc::score::agency::agency_scores(store, plan, agency, &period),
    })
}
