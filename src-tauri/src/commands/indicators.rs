//! Measured indicators: the month's figures of the officer's agency, saving
//! one, and the points at risk (the agency's, or the collected province's).

use cchc::report::indicator_sheet::MeasuredLine;
use cchc::score::{self, CriterionScore};
use cchc::store::{Figure, IndicatorForm};
use cchc::Result;
use tauri::State;

use super::logged;
use crate::state::AppState;

/// The indicators the agency reports, each with its latest figure of the year up to `period`.
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn measured(state: State<'_, AppState>, period: String) -> Result<Vec<MeasuredLine>> {
    logged(|| state.with_agency(|store, plan, agency| store.measured_lines(plan, agency, &period)))
}

/// Saves the agency's figure typed in the form (its `agency` is the profile's).
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn save_indicator(state: State<'_, AppState>, form: IndicatorForm) -> Result<Figure> {
    logged(|| {
        state.with_agency(|store, plan, agency| {
            let form = IndicatorForm {
                agency: agency.to_string(),
                ..form
            };
            store.set_indicator(plan, &form, chrono::Utc::now())
        })
    })
}

/// The points at risk: the agency's own, or the province's from the collected workbooks.
#[tauri::command(async)]
#[tracing::instrument(skip_all)]
pub fn scores(
    state: State<'_, AppState>,
    period: String,
    province: bool,
) -> Result<Vec<CriterionScore>> {
    logged(|| {
        state.with_agency(|store, plan, agency| match province {
            true => score::province_scores(store, plan, &period),
            false => score::agency_scores(store, plan, agency, &period),
        })
    })
}
