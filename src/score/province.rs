//! The collector's view of the points at risk: the province's figure of each
//! indicator from the collected workbooks of the month (the sum of the
//! agencies' numerators over the sum of their denominators, never an average
//! of their rates; values are added), the agencies that sent none, the
//! overdue rows of the collected reports, and the obligations of the year the
//! collected reports show late.

use std::collections::{BTreeMap, HashMap};

use super::{
    assess, note_late_obligation, sort_by_risk, CriterionScore, Lapses, Measured, ObligationSeen,
    TrendPoint,
};
use crate::error::Result;
use crate::plan::IndicatorKind;
use crate::store::{CollectedFigure, CollectedObligation, IndicatorRow, OverdueRow, Store};

/// The province's figure from agencies' figures: (numerator, denominator) and
/// the rate in percent for a rate, the sum for a value; `None` when there are none.
pub fn province_figure(
    kind: IndicatorKind,
    figures: &[&CollectedFigure],
) -> Option<(Option<(f64, f64)>, f64)> {
    if figures.is_empty() {
        return None;
    }
    match kind {
        IndicatorKind::Rate => {
            let n: f64 = figures.iter().filter_map(|f| f.numerator).sum();
            let d: f64 = figures.iter().filter_map(|f| f.denominator).sum();
            (d > 0.0).then(|| (Some((n, d)), n * 100.0 / d))
        }
        IndicatorKind::Value => Some((None, figures.iter().map(|f| f.value).sum())),
    }
}

/// The province's standing in month `period` (`YYYY-MM`) from the reports
/// collected for it, every criterion of the plan, most points at risk first.
///
/// # Errors
/// [`crate::Error::Invalid`] for a malformed period; [`crate::Error::Database`]
/// when the store cannot be read.
pub fn province_scores(store: &Store, plan_id: i64, period: &str) -> Result<Vec<CriterionScore>> {
    let period = crate::collect::normalize_period(period)?;
    let overdue = store.collected_overdue(plan_id, &period)?;
    province_scores_with(store, plan_id, &period, &overdue)
}

/// [`province_scores`] for a caller that has already read the month's
/// overdue rows (`overdue`, as [`Store::collected_overdue`] gives them: the
/// consolidation reads every row of the month anyway).
///
/// # Errors
/// As [`province_scores`].
pub fn province_scores_with(
    store: &Store,
    plan_id: i64,
    period: &str,
    overdue: &[OverdueRow],
) -> Result<Vec<CriterionScore>> {
    let period = crate::collect::normalize_period(period)?;
    let year_start = format!("{}-01", &period[..4]);
    let figures = store.collected_figures(plan_id, &year_start, &period)?;
    let mut by_indicator: HashMap<i64, BTreeMap<&str, Vec<&CollectedFigure>>> = HashMap::new();
    for f in &figures {
        by_indicator
            .entry(f.indicator_id)
            .or_default()
            .entry(f.period.as_str())
            .or_default()
            .push(f);
    }
    let mut measured: HashMap<String, Vec<Measured>> = HashMap::new();
    let mut reporters = store.indicator_reporters(plan_id)?;
    for indicator in store.indicators(plan_id)? {
        let months = by_indicator.remove(&indicator.id).unwrap_or_default();
        let expected = reporters.remove(&indicator.id).unwrap_or_default();
        let m = measure(indicator, &months, &period, expected);
        measured
            .entry(m.indicator.criterion.clone())
            .or_default()
            .push(m);
    }
    let mut lapses = collected_lapses(store, plan_id, &year_start, &period, overdue)?;
    let mut scores: Vec<CriterionScore> = store
        .criteria(plan_id)?
        .iter()
        .map(|c| {
            let m = measured.remove(&c.code).unwrap_or_default();
            let late = lapses.remove(&c.code).unwrap_or_default();
            assess(c, &m, &late)
        })
        .collect();
    sort_by_risk(&mut scores);
    Ok(scores)
}

/// One indicator's province figure for `period`, its months, and who reported.
fn measure(
    indicator: IndicatorRow,
    months: &BTreeMap<&str, Vec<&CollectedFigure>>,
    period: &str,
    expected: Vec<String>,
) -> Measured {
    let trend = months
        .iter()
        .filter_map(|(p, fs)| {
            province_figure(indicator.kind, fs).map(|(_, value)| TrendPoint {
                period: (*p).to_string(),
                value,
            })
        })
        .collect();
    let now: &[&CollectedFigure] = months.get(period).map_or(&[], Vec::as_slice);
    let figure = province_figure(indicator.kind, now);
    let reported: Vec<String> = now.iter().map(|f| f.agency_code.clone()).collect();
    let missing = expected
        .into_iter()
        .filter(|a| !reported.contains(a))
        .collect();
    Measured {
        fraction: figure.and_then(|f| f.0),
        value: figure.map(|f| f.1),
        trend,
        reported,
        missing,
        indicator,
    }
}

/// By criterion: the overdue rows of the month's collected reports, and the
/// obligations due in the plan year that the reports of the year up to the
/// month show late (each obligation as the latest report that carries it
/// says), as sentences.
fn collected_lapses(
    store: &Store,
    plan_id: i64,
    year_start: &str,
    period: &str,
    overdue: &[OverdueRow],
) -> Result<HashMap<String, Lapses>> {
    let serves: HashMap<String, Vec<String>> = store
        .tasks(plan_id, None)?
        .into_iter()
        .map(|t| (t.code, t.criteria))
        .collect();
    let criteria = |task: &str| serves.get(task).into_iter().flatten();
    let mut out: HashMap<String, Lapses> = HashMap::new();
    for t in overdue {
        for c in criteria(&t.task_code) {
            let due = t
                .due_date
                .map(|d| format!(" (hạn {})", crate::text::date_text(d)))
                .unwrap_or_default();
            out.entry(c.clone())
                .or_default()
                .overdue_tasks
                .push(format!(
                    "Nhiệm vụ {} của {} quá hạn chưa hoàn thành{due}.",
                    t.task_code, t.agency_code
                ));
        }
    }
    let year: i32 = period[..4].parse().unwrap_or_default();
    let rows = store.collected_obligations(plan_id, year_start, period)?;
    // An obligation open across month ends is in several months' reports:
    // the latest one (rows come in month order) tells where it stands.
    let mut latest: BTreeMap<(&str, &str, &str, Option<chrono::NaiveDate>), &CollectedObligation> =
        BTreeMap::new();
    for row in &rows {
        let o = &row.line;
        latest.insert(
            (
                row.agency_code.as_str(),
                o.task.as_str(),
                o.number.as_str(),
                o.date,
            ),
            row,
        );
    }
    for row in latest.values() {
        let o = &row.line;
        let seen = ObligationSeen {
            task: &o.task,
            number: &o.number,
            due_date: o.due_date,
            settled_on: o.settled_on,
            status: o.status,
            agency: Some(&row.agency_code),
        };
        note_late_obligation(&mut out, &seen, year, criteria(&o.task));
    }
    Ok(out)
}
