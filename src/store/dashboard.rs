//! The month at a glance for one agency: counts per status, what falls due this
//! month and what is overdue, and progress by field and criterion set against the
//! previous year's score and the points lost.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::progress::TaskStatus;
use super::Store;
use crate::error::Result;
use crate::status::Status;

/// One status with its number of tasks.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct StatusCount {
    pub status: Status,
    pub count: u32,
}

impl super::StatusCounts {
    /// Every status with its count, as a list (the order of the report).
    pub fn list(&self) -> Vec<StatusCount> {
        self.0
            .iter()
            .map(|&(status, count)| StatusCount {
                status,
                count: count as u32,
            })
            .collect()
    }
}

/// A task in one of the dashboard's short lists.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TaskBrief {
    pub code: String,
    pub content: String,
    pub status: Status,
    pub due_date: Option<NaiveDate>,
    pub percent: Option<u32>,
}

/// A criterion with the agency's tasks for it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CriterionProgress {
    pub code: String,
    pub name: String,
    pub max_score: f64,
    pub score_prev: f64,
    pub points_lost: f64,
    /// The agency's tasks that serve this criterion, and how many are done.
    pub tasks: u32,
    pub done: u32,
}

/// A field with its criteria that have tasks of the agency.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FieldProgress {
    pub code: u32,
    pub name: String,
    pub max_score: Option<f64>,
    pub score_prev: Option<f64>,
    pub points_lost: Option<f64>,
    pub tasks: u32,
    pub done: u32,
    pub criteria: Vec<CriterionProgress>,
}

/// The dashboard of an agency for a reporting month.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Dashboard {
    pub period: String,
    pub total: u32,
    /// Every status word in the report's order, zeros included.
    pub counts: Vec<StatusCount>,
    /// Overdue tasks first (earliest due date first), then those due this month.
    pub overdue: Vec<TaskBrief>,
    pub due_this_month: Vec<TaskBrief>,
    /// Fields in the plan's order, only those with tasks of the agency.
    pub fields: Vec<FieldProgress>,
}

impl Store {
    /// The agency's dashboard for a month (`YYYY-MM` or `MM/YYYY`).
    ///
    /// # Errors
    /// As [`Store::status`].
    pub fn dashboard(&self, plan_id: i64, agency: &str, period: &str) -> Result<Dashboard> {
        let report = self.status(plan_id, agency, period)?;
        let (year, month) = crate::deadline::parse_period(&report.period)?;
        let brief = |t: &TaskStatus| TaskBrief {
            code: t.code.clone(),
            content: t.task.content.clone(),
            status: t.status,
            due_date: t.due_date,
            percent: t.percent,
        };
        let mut overdue: Vec<&TaskStatus> = report
            .tasks
            .iter()
            .filter(|t| t.status == Status::Overdue)
            .collect();
        overdue.sort_by_key(|t| t.due_date);
        let mut due: Vec<&TaskStatus> = report
            .tasks
            .iter()
            .filter(|t| {
                t.status != Status::Overdue
                    && t.due_date
                        .is_some_and(|d| d.year() == year && d.month() == month)
            })
            .collect();
        due.sort_by_key(|t| t.due_date);
        let is_done = |t: &TaskStatus| matches!(t.status, Status::DoneOnTime | Status::DoneLate);
        let criteria = self.criteria(plan_id)?;
        let mut fields = Vec::new();
        for field in self.fields(plan_id)? {
            let mut progress = FieldProgress {
                code: field.code,
                name: field.name,
                max_score: field.max_score,
                score_prev: field.score_prev,
                points_lost: field.points_lost,
                tasks: 0,
                done: 0,
                criteria: Vec::new(),
            };
            for criterion in criteria.iter().filter(|c| c.field() == Some(field.code)) {
                let serving: Vec<&TaskStatus> = report
                    .tasks
                    .iter()
                    .filter(|t| t.task.criteria.contains(&criterion.code))
                    .collect();
                if serving.is_empty() {
                    continue;
                }
                progress.criteria.push(CriterionProgress {
                    code: criterion.code.clone(),
                    name: criterion.name.clone(),
                    max_score: criterion.max_score,
                    score_prev: criterion.score_prev,
                    points_lost: criterion.points_lost,
                    tasks: serving.len() as u32,
                    done: serving.iter().filter(|t| is_done(t)).count() as u32,
                });
            }
            // A task serving several criteria of a field counts once for the field.
            let in_field: Vec<&TaskStatus> = report
                .tasks
                .iter()
                .filter(|t| {
                    t.task
                        .criteria
                        .iter()
                        .any(|c| progress.criteria.iter().any(|p| &p.code == c))
                })
                .collect();
            progress.tasks = in_field.len() as u32;
            progress.done = in_field.iter().filter(|t| is_done(t)).count() as u32;
            if progress.tasks > 0 {
                fields.push(progress);
            }
        }
        Ok(Dashboard {
            period: report.period.clone(),
            total: report.tasks.len() as u32,
            counts: report.counts.list(),
            overdue: overdue.into_iter().map(brief).collect(),
            due_this_month: due.into_iter().map(brief).collect(),
            fields,
        })
    }
}
