//! An officer's view of the points at risk: the criteria the agency's tasks
//! serve or whose indicators it reports, from its own figures, tasks and
//! obligations.

use std::collections::{BTreeSet, HashMap};

use chrono::Datelike;

use super::{
    assess, note_late_obligation, sort_by_risk, CriterionScore, Lapses, Measured, ObligationSeen,
    TrendPoint,
};
use crate::error::Result;
use crate::status::Status;
use crate::store::Store;

/// The agency's part of each criterion in month `period`, most points at
/// risk first: its latest figure of the plan year for each indicator it
/// reports (with the months before it), its overdue tasks, and its
/// obligations of the year that were late by the month's end.
///
/// # Errors
/// [`crate::Error::NotFound`] for an unknown agency, [`crate::Error::Invalid`]
/// for a group or a malformed period.
pub fn agency_scores(
    store: &Store,
    plan_id: i64,
    agency: &str,
    period: &str,
) -> Result<Vec<CriterionScore>> {
    let status = store.status(plan_id, agency, period)?;
    let (_, month_end) = crate::store::period(&status.period)?;
    let mut lapses: HashMap<String, Lapses> = HashMap::new();
    let mut served = BTreeSet::new();
    let mut criteria_of: HashMap<&str, &[String]> = HashMap::new();
    for t in &status.tasks {
        criteria_of.insert(t.code.as_str(), &t.task.criteria);
        for c in &t.task.criteria {
            served.insert(c.as_str());
            if t.status == Status::Overdue {
                let due = t
                    .due_date
                    .map(|d| format!(" (hạn {})", crate::text::date_text(d)))
                    .unwrap_or_default();
                lapses
                    .entry(c.clone())
                    .or_default()
                    .overdue_tasks
                    .push(format!("Nhiệm vụ {} quá hạn chưa hoàn thành{due}.", t.code));
            }
        }
    }
    for o in &store.obligations(plan_id, agency, month_end)? {
        let seen = ObligationSeen {
            task: &o.task,
            number: &o.number,
            due_date: o.due_date,
            settled_on: o.settled_on,
            status: o.status,
            agency: None,
        };
        let criteria = criteria_of
            .get(o.task.as_str())
            .copied()
            .unwrap_or_default();
        note_late_obligation(&mut lapses, &seen, month_end.year(), criteria);
    }
    let mut measured: HashMap<String, Vec<Measured>> = HashMap::new();
    for indicator in store.agency_indicators(plan_id, agency)? {
        let figures = store.indicator_figures(indicator.id, agency, plan_id, &status.period)?;
        let latest = figures.last();
        measured
            .entry(indicator.criterion.clone())
            .or_default()
            .push(Measured {
                fraction: latest.and_then(|f| f.numerator.zip(f.denominator)),
                value: latest.map(|f| f.value),
                trend: figures
                    .iter()
                    .map(|f| TrendPoint {
                        period: f.period.clone(),
                        value: f.value,
                    })
                    .collect(),
                reported: Vec::new(),
                missing: Vec::new(),
                indicator,
            });
    }
    let mut scores = Vec::new();
    for c in store.criteria(plan_id)? {
        let m = measured.remove(&c.code);
        if m.is_none() && !served.contains(c.code.as_str()) {
            continue;
        }
        let late = lapses.remove(&c.code).unwrap_or_default();
        scores.push(assess(&c, &m.unwrap_or_default(), &late));
    }
    sort_by_risk(&mut scores);
    Ok(scores)
}
