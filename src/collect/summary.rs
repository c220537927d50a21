//! The province's month as the collector sees it: every agency that has tasks
//! (sent or not), its counts per status and completion rate, every collected
//! task row, the overdue ones, and per criterion the rows, the finished ones
//! and the agencies lagging. This is what the consolidated workbook prints and
//! what the desktop "Tổng hợp" screen shows.

use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use super::{ObligationLine, Outcome};
use crate::error::Result;
use crate::obligation::ObligationStatus;
use crate::plan::PlanMeta;
use crate::status::Status;
use crate::store::{CollectedTask, JustSaved, OverdueRow, Store};

/// One consolidated month.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Consolidation {
    pub plan_id: i64,
    pub plan: PlanMeta,
    /// `YYYY-MM`.
    pub period: String,
    pub generated_at: DateTime<Utc>,
    /// One line per agency that has tasks in the plan (or sent a report), in the plan's order.
    pub agencies: Vec<AgencyLine>,
    /// The sums over [`Consolidation::agencies`].
    pub total: AgencyLine,
    /// Every task row of every collected report, agencies in the plan's order.
    pub tasks: Vec<AgencyTask>,
    pub criteria: Vec<CriterionLine>,
    /// The province's standing per criterion (figures, estimates, points at
    /// risk), in the plan's order.
    pub scores: Vec<crate::score::CriterionScore>,
    /// The collected files the month is built from.
    pub sources: Vec<Source>,
    /// Every obligation row of every collected report, agencies in the plan's order.
    pub obligations: Vec<AgencyObligation>,
}

/// An obligation row with the agency that reported it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AgencyObligation {
    pub agency_code: String,
    pub agency_name: String,
    pub obligation: ObligationLine,
}

/// An agency's line of the "Tổng hợp" table.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AgencyLine {
    pub code: String,
    pub name: String,
    pub sent: bool,
    /// The export time of the collected report (RFC 3339).
    pub generated_at: Option<String>,
    /// Its date, as the table shows it.
    pub exported_on: Option<NaiveDate>,
    /// Rows of the collected report; for an agency that sent nothing, its tasks in the plan.
    pub tasks: usize,
    /// Rows per status, in the order of [`Status::ALL`] (zeros when nothing was sent).
    pub counts: Vec<(Status, usize)>,
    /// Finished rows (on time or late) in percent of all rows; None when nothing was sent.
    pub completion: Option<f64>,
    /// "Sửa tay sau khi xuất", a refusal of this run, or nothing.
    pub note: String,
    /// Obligations settled on time, of [`AgencyLine::obligations_settled`]
    /// (the figure behind criterion 3.2.1).
    pub obligations_on_time: usize,
    /// Obligations settled (on time or late) as of the month's end.
    pub obligations_settled: usize,
}

/// A task row with the agency that reported it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AgencyTask {
    pub agency_code: String,
    pub agency_name: String,
    pub task: CollectedTask,
}

/// A criterion's line of the "Chỉ số" sheet.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CriterionLine {
    pub code: String,
    pub name: String,
    pub field: Option<u32>,
    pub max_score: f64,
    pub score_prev: f64,
    /// Collected rows of tasks serving the criterion.
    pub tasks: usize,
    /// Of them, finished (on time or late).
    pub done: usize,
    /// Codes of the agencies with an overdue row for it.
    pub lagging: Vec<String>,
}

/// A collected file behind the month.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Source {
    pub agency_code: String,
    pub file_name: String,
    pub content_sha256: String,
    pub generated_at: String,
    pub edited: bool,
}

/// The note of an agency whose data was changed after export.
pub const NOTE_EDITED: &str = "Sửa tay sau khi xuất";

fn is_done(s: Status) -> bool {
    matches!(s, Status::DoneOnTime | Status::DoneLate)
}

/// Gathers month `period` (`YYYY-MM`) of plan `plan_id` from the store;
/// `outcomes` of the run, when given, add refusals to the agencies' notes,
/// and the rows it `saved` are taken as they were saved
/// ([`Store::collected_reports_reusing`]).
///
/// # Errors
/// [`crate::Error::Database`] when the store cannot be read.
pub fn consolidate(
    store: &Store,
    plan_id: i64,
    period: &str,
    outcomes: &[Outcome],
    now: DateTime<Utc>,
    saved: JustSaved,
) -> Result<Consolidation> {
    let period = super::normalize_period(period)?;
    let plan = store.plan_meta(plan_id)?;
    let reporting: HashMap<String, usize> = store
        .reporting_agencies(plan_id, &period)?
        .into_iter()
        .map(|a| (a.code, a.tasks))
        .collect();
    let mut reports: HashMap<String, _> = store
        .collected_reports_reusing(plan_id, &period, saved)?
        .into_iter()
        .map(|r| (r.agency_code.clone(), r))
        .collect();
    let mut refusals: HashMap<&str, Vec<&str>> = HashMap::new();
    for o in outcomes.iter().filter(|o| o.is_rejected()) {
        if let Some(code) = &o.agency {
            refusals.entry(code).or_default().push(&o.message);
        }
    }
    let mut agencies = Vec::new();
    // Thousands of rows: room for them all at once rather than copies as it grows.
    let mut tasks = Vec::with_capacity(reports.values().map(|r| r.tasks.len()).sum());
    let mut sources = Vec::new();
    let mut obligations = Vec::new();
    for a in store
        .agencies(plan_id)?
        .into_iter()
        .filter(|a| !a.kind.is_group())
    {
        let report = reports.remove(&a.code);
        let Some(plan_tasks) = reporting
            .get(&a.code)
            .copied()
            .or(report.as_ref().map(|_| 0))
        else {
            continue;
        };
        let mut notes = Vec::new();
        let mut line = AgencyLine {
            code: a.code.clone(),
            name: a.name.clone(),
            sent: report.is_some(),
            generated_at: None,
            exported_on: None,
            tasks: plan_tasks,
            counts: Status::ALL.iter().map(|s| (*s, 0)).collect(),
            completion: None,
            note: String::new(),
            obligations_on_time: 0,
            obligations_settled: 0,
        };
        if let Some(r) = report {
            if r.edited {
                notes.push(NOTE_EDITED.to_string());
            }
            line.exported_on = DateTime::parse_from_rfc3339(&r.generated_at)
                .ok()
                .map(|t| t.date_naive());
            line.generated_at = Some(r.generated_at.clone());
            line.tasks = r.tasks.len();
            for (s, n) in &mut line.counts {
                *n = r.tasks.iter().filter(|t| t.status == *s).count();
            }
            line.completion = rate(&line.counts, line.tasks);
            sources.push(Source {
                agency_code: a.code.clone(),
                file_name: r.file_name,
                content_sha256: r.content_sha256,
                generated_at: r.generated_at,
                edited: r.edited,
            });
            let settled = r.obligations.iter().filter(|o| o.status.is_settled());
            line.obligations_settled = settled.clone().count();
            line.obligations_on_time = settled
                .filter(|o| o.status == ObligationStatus::OnTime)
                .count();
            obligations.extend(
                r.obligations
                    .into_iter()
                    .map(|obligation| AgencyObligation {
                        agency_code: a.code.clone(),
                        agency_name: a.name.clone(),
                        obligation,
                    }),
            );
            tasks.extend(r.tasks.into_iter().map(|task| AgencyTask {
                agency_code: a.code.clone(),
                agency_name: a.name.clone(),
                task,
            }));
        }
        for refusal in refusals.get(a.code.as_str()).into_iter().flatten() {
            notes.push(refusal.to_string());
        }
        line.note = notes.join("; ");
        agencies.push(line);
    }
    let total = total_line(&agencies);
    let criteria = criteria_lines(store, plan_id, &tasks)?;
    let overdue: Vec<OverdueRow> = tasks
        .iter()
        .filter(|t| t.task.status == Status::Overdue)
        .map(|t| OverdueRow {
            agency_code: t.agency_code.clone(),
            task_code: t.task.code.clone(),
            due_date: t.task.due_date,
        })
        .collect();
    let mut scores = crate::score::province_scores_with(store, plan_id, &period, &overdue)?;
    let order: HashMap<&str, usize> = criteria
        .iter()
        .enumerate()
        .map(|(i, c)| (c.code.as_str(), i))
        .collect();
    scores.sort_by_key(|s| order.get(s.criterion.as_str()).copied());
    Ok(Consolidation {
        plan_id,
        plan,
        period,
        generated_at: now,
        agencies,
        total,
        tasks,
        criteria,
        scores,
        sources,
        obligations,
    })
}

/// Finished rows in percent of `total`, one decimal.
fn rate(counts: &[(Status, usize)], total: usize) -> Option<f64> {
    let done: usize = counts
        .iter()
        .filter(|(s, _)| is_done(*s))
        .map(|(_, n)| n)
        .sum();
    (total > 0).then(|| (done as f64 * 1000.0 / total as f64).round() / 10.0)
}

fn total_line(agencies: &[AgencyLine]) -> AgencyLine {
    let sent: Vec<&AgencyLine> = agencies.iter().filter(|a| a.sent).collect();
    let counts: Vec<(Status, usize)> = Status::ALL
        .iter()
        .enumerate()
        .map(|(i, s)| (*s, sent.iter().map(|a| a.counts[i].1).sum()))
        .collect();
    let rows: usize = sent.iter().map(|a| a.tasks).sum();
    AgencyLine {
        code: String::new(),
        name: "Tổng cộng".into(),
        sent: false,
        generated_at: None,
        exported_on: None,
        // The rows of the reports sent, as its status columns count them; the
        // plan's tasks of the agencies that sent nothing are not rows.
        tasks: rows,
        completion: rate(&counts, rows),
        counts,
        note: format!("{}/{} cơ quan đã gửi báo cáo", sent.len(), agencies.len()),
        obligations_on_time: sent.iter().map(|a| a.obligations_on_time).sum(),
        obligations_settled: sent.iter().map(|a| a.obligations_settled).sum(),
    }
}

fn criteria_lines(store: &Store, plan_id: i64, tasks: &[AgencyTask]) -> Result<Vec<CriterionLine>> {
    let serves: HashMap<String, Vec<String>> = store
        .tasks(plan_id, None)?
        .into_iter()
        .map(|t| (t.code, t.criteria))
        .collect();
    let mut lines: Vec<CriterionLine> = store
        .criteria(plan_id)?
        .into_iter()
        .map(|c| CriterionLine {
            field: c.field(),
            code: c.code,
            name: c.name,
            max_score: c.max_score,
            score_prev: c.score_prev,
            tasks: 0,
            done: 0,
            lagging: Vec::new(),
        })
        .collect();
    let index: HashMap<String, usize> = lines
        .iter()
        .enumerate()
        .map(|(i, c)| (c.code.clone(), i))
        .collect();
    let mut lagging: Vec<BTreeSet<&str>> = vec![BTreeSet::new(); lines.len()];
    for row in tasks {
        for code in serves.get(&row.task.code).into_iter().flatten() {
            let Some(&i) = index.get(code) else { continue };
            lines[i].tasks += 1;
            if is_done(row.task.status) {
                lines[i].done += 1;
            }
            if row.task.status == Status::Overdue {
                lagging[i].insert(&row.agency_code);
            }
        }
    }
    for (line, codes) in lines.iter_mut().zip(lagging) {
        line.lagging = codes.into_iter().map(str::to_string).collect();
    }
    Ok(lines)
}
