//! What the app shows before the officer exports a month: the summary that will
//! be sent and what is still missing, from the same [`MonthReport`] the
//! workbook is written from.

use serde::Serialize;

use super::{layout, MonthReport};

/// A task named in a list of the preview.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TaskLine {
    pub code: String,
    pub content: String,
    pub status: Option<crate::status::Status>,
}

/// The month's summary before export.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ExportPreview {
    pub agency: String,
    pub period: String,
    /// The spec's file name, `BC-CCHC-<AGENCY>-<YYYY>-<MM>.xlsx`.
    pub file_name: String,
    pub total: u32,
    /// Every status with its number of tasks, in the report's order.
    pub counts: Vec<crate::store::StatusCount>,
    pub evidence: u32,
    pub evidence_this_month: u32,
    pub overdue: u32,
    pub due_this_month: u32,
    /// Tasks with no entry recorded for this month.
    pub missing_entries: Vec<TaskLine>,
    /// Done tasks with no evidence linked.
    pub done_without_evidence: Vec<TaskLine>,
}

impl ExportPreview {
    /// The preview of a gathered month.
    pub fn of(report: &MonthReport) -> ExportPreview {
        let line = |code: &String| {
            let task = report.status.tasks.iter().find(|t| &t.code == code);
            TaskLine {
                code: code.clone(),
                content: task.map(|t| t.task.content.clone()).unwrap_or_default(),
                status: task.map(|t| t.status),
            }
        };
        ExportPreview {
            agency: report.agency.name.clone(),
            period: report.period.clone(),
            file_name: layout::file_name(&report.agency.code, &report.period),
            total: report.status.tasks.len() as u32,
            counts: report.status.counts.list(),
            evidence: report.evidence.len() as u32,
            evidence_this_month: report.evidence_this_month as u32,
            overdue: report.overdue.len() as u32,
            due_this_month: report.due_this_month.len() as u32,
            missing_entries: report.missing_entries.iter().map(line).collect(),
            done_without_evidence: report.done_without_evidence.iter().map(line).collect(),
        }
    }
}
