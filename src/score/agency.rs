//! An officer's view of the points at risk: the criteria the agency's tasks
//! serve or whose indicators it reports, from its own figures and tasks.

use std::collections::{BTreeSet, HashMap};

use super::{assess, sort_by_risk, CriterionScore, Measured, TrendPoint};
use crate::error::Result;
use crate::status::Status;
use crate::store::Store;

/// The agency's part of each criterion in month `period`, most points at
/// risk first: its latest figure of the plan year for each indicator it
/// reports (with the months before it), and its overdue tasks.
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
    let mut overdue: HashMap<&str, Vec<String>> = HashMap::new();
    let mut served = BTreeSet::new();
    for t in &status.tasks {
        for c in &t.task.criteria {
            served.insert(c.as_str());
            if t.status_kind == Status::Overdue {
                let due = t
                    .due_date
                    .map(|d| format!(" (hạn {})", d.format("%d/%m/%Y")))
                    .unwrap_or_default();
                overdue
                    .entry(c.as_str())
                    .or_default()
                    .push(format!("Nhiệm vụ {} quá hạn chưa hoàn thành{due}.", t.code));
            }
        }
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
        let late = overdue.remove(c.code.as_str()).unwrap_or_default();
        scores.push(assess(&c, &m.unwrap_or_default(), &late));
    }
    sort_by_risk(&mut scores);
    Ok(scores)
}
