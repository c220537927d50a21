//! Everything one agency's monthly workbook says, gathered from the store in
//! one place: the tasks with their derived statuses, the evidence behind them,
//! the criteria they serve, the cover's figures, and what is still missing
//! (the app shows the latter before the officer exports).

use std::collections::{HashMap, HashSet};

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::error::{Error, Result};
use crate::plan::PlanMeta;
use crate::status::{State, Status};
use crate::store::{self, AgencyRow, EvidenceRow, ObligationRow, StatusReport, Store, TaskStatus};

/// One agency's month, ready to be written or previewed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MonthReport {
    pub plan_id: i64,
    pub plan: PlanMeta,
    pub agency: AgencyRow,
    /// `YYYY-MM`.
    pub period: String,
    pub period_end: NaiveDate,
    /// The agency's tasks with their statuses and the count per status.
    pub status: StatusReport,
    /// Evidence linked to the agency's tasks or to the criteria they serve,
    /// issued no later than the month's last day, newest first.
    pub evidence: Vec<EvidenceRow>,
    pub criteria: Vec<CriterionLine>,
    /// Codes of the tasks due within the month.
    pub due_this_month: Vec<String>,
    /// Codes of the tasks overdue at the month's end.
    pub overdue: Vec<String>,
    /// The number of evidence documents issued within the month.
    pub evidence_this_month: usize,
    /// Codes of the tasks with no entry recorded for this month (their status
    /// is carried forward from an earlier month, or they were never recorded).
    pub missing_entries: Vec<String>,
    /// Codes of the tasks done with no evidence linked to them.
    pub done_without_evidence: Vec<String>,
    /// The obligations open at some time in the month or settled in it, as
    /// of the month's last day, oldest due date first.
    pub obligations: Vec<ObligationRow>,
    /// The indicators the agency reports with its latest figures ("Chỉ số đo được").
    pub measured: Vec<super::indicator_sheet::MeasuredLine>,
    /// Agency and group names by code, for the lead and partner columns.
    #[serde(skip)]
    pub names: HashMap<String, String>,
}

/// A criterion that the agency's tasks serve, with how far they have come.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CriterionLine {
    pub code: String,
    pub name: String,
    /// "3. Cải cách thủ tục hành chính", or the field number alone.
    pub field: String,
    pub max_score: f64,
    pub score_prev: f64,
    pub points_lost: f64,
    pub target: f64,
    pub tasks: usize,
    pub done: usize,
}

impl MonthReport {
    /// A name for an agency or group code (the code itself when unknown).
    pub fn name_of<'a>(&'a self, code: &'a str) -> &'a str {
        self.names.get(code).map_or(code, String::as_str)
    }

    /// The "số, ký hiệu" of the evidence linked to each task, in the
    /// report's order, by task code.
    pub fn evidence_numbers(&self) -> HashMap<&str, Vec<&str>> {
        let mut by_task: HashMap<&str, Vec<&str>> = HashMap::new();
        for e in &self.evidence {
            for task in &e.tasks {
                by_task.entry(task).or_default().push(&e.number);
            }
        }
        by_task
    }

    /// The task rows, in plan order.
    pub fn tasks(&self) -> &[TaskStatus] {
        &self.status.tasks
    }
}

impl MonthReport {
    /// Gathers an agency's report for a month from the store.
    ///
    /// # Errors
    /// [`Error::NotFound`] for an unknown agency, [`Error::Invalid`] for a
    /// group (a report belongs to one agency) or a malformed period.
    pub fn gather(store: &Store, plan_id: i64, agency: &str, period: &str) -> Result<MonthReport> {
        // The statuses are derived and the month's obligations read on a
        // second connection, on a thread of its own, while this one reads the
        // agency's evidence: on a plan of thousands of tasks, or an agency of
        // thousands of obligations, the two sides take about as long as each
        // other. The evidence, usually the longer side, stays on this thread,
        // which need not wait for the new one to start.
        let (period, period_end) = store::period(period)?;
        let month_start = period_end.with_day(1).unwrap_or(period_end);
        let reader = store.reader()?;
        let month = &period;
        let (status_and_obligations, all_evidence) = std::thread::scope(|scope| {
            let side = scope.spawn(move || {
                let status = reader.status(plan_id, agency, month)?;
                let obligations =
                    reader.month_obligations(plan_id, agency, month_start, period_end)?;
                Ok::<_, Error>((status, obligations))
            });
            let evidence = store.evidence(plan_id, agency);
            (side.join(), evidence)
        });
        let (status, obligations) = status_and_obligations
            .map_err(|_| Error::Database("Không tính được tình trạng các nhiệm vụ.".into()))??;
        let all_evidence = all_evidence?;
        let agencies = store.agencies(plan_id)?;
        let names: HashMap<String, String> = agencies
            .iter()
            .map(|a| (a.code.clone(), a.name.clone()))
            .collect();
        let agency_row = agencies
            .into_iter()
            .find(|a| a.code == status.agency)
            .ok_or_else(|| Error::NotFound {
                what: "cơ quan",
                code: status.agency.clone(),
            })?;
        let task_codes: HashSet<&str> = status.tasks.iter().map(|t| t.code.as_str()).collect();
        let served: HashSet<&str> = status
            .tasks
            .iter()
            .flat_map(|t| t.task.criteria.iter().map(String::as_str))
            .collect();
        let evidence: Vec<EvidenceRow> = all_evidence
            .into_iter()
            .filter(|e| e.date <= period_end)
            .filter(|e| {
                e.tasks.iter().any(|t| task_codes.contains(t.as_str()))
                    || e.criteria.iter().any(|c| served.contains(c.as_str()))
            })
            .collect();
        let in_month = |d: NaiveDate| d >= month_start && d <= period_end;
        let with_evidence: HashSet<&str> = evidence
            .iter()
            .flat_map(|e| e.tasks.iter().map(String::as_str))
            .collect();
        let codes = |keep: &dyn Fn(&TaskStatus) -> bool| -> Vec<String> {
            status
                .tasks
                .iter()
                .filter(|t| keep(t))
                .map(|t| t.code.clone())
                .collect()
        };
        let report = MonthReport {
            plan_id,
            plan: store.plan_meta(plan_id)?,
            criteria: Self::criterion_lines(store, plan_id, &status)?,
            due_this_month: codes(&|t| t.due_date.is_some_and(in_month)),
            overdue: codes(&|t| t.status == Status::Overdue),
            evidence_this_month: evidence.iter().filter(|e| in_month(e.date)).count(),
            missing_entries: codes(&|t| t.entry_period.as_deref() != Some(period.as_str())),
            done_without_evidence: codes(&|t| {
                t.state == State::Done && !with_evidence.contains(t.code.as_str())
            }),
            obligations,
            measured: store.measured_lines(plan_id, &status.agency, &period)?,
            agency: agency_row,
            period,
            period_end,
            evidence,
            names,
            status,
        };
        Ok(report)
    }

    /// The criteria the agency's tasks serve, in plan order, with their tasks counted.
    fn criterion_lines(
        store: &Store,
        plan_id: i64,
        status: &StatusReport,
    ) -> Result<Vec<CriterionLine>> {
        let fields = store.fields(plan_id)?;
        // (tasks, done) of each criterion served, counted in one pass.
        let mut counts: HashMap<&str, (usize, usize)> = HashMap::new();
        for t in &status.tasks {
            let done = matches!(t.status, Status::DoneOnTime | Status::DoneLate);
            for code in &t.task.criteria {
                let count = counts.entry(code.as_str()).or_default();
                count.0 += 1;
                count.1 += usize::from(done);
            }
        }
        let mut lines = Vec::new();
        for c in store.criteria(plan_id)? {
            let Some(&(tasks, done)) = counts.get(c.code.as_str()) else {
                continue;
            };
            let field = c
                .field()
                .map(|n| match fields.iter().find(|f| f.code == n) {
                    Some(f) if !f.name.is_empty() => format!("{n}. {}", f.name),
                    _ => n.to_string(),
                });
            lines.push(CriterionLine {
                field: field.unwrap_or_default(),
                max_score: c.max_score,
                score_prev: c.score_prev,
                points_lost: c.points_lost,
                target: c.target,
                tasks,
                done,
                code: c.code,
                name: c.name,
            });
        }
        Ok(lines)
    }
}
