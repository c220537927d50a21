//! The collector's reports: agency workbooks accepted by `cchc collect`, one
//! per agency and month (schema 2, `collected_report` and `collected_task`).
//! Saving decides, inside its one transaction, whether the file is new, a newer
//! export that replaces the stored one, the same data again, or an older export.

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;

use super::assignment::Assignment;
use super::collected_obligation::{insert_obligation_lines, ObligationLine};
use super::Store;
use crate::error::{Error, Result};
use crate::status::Status;

/// What saving an accepted workbook did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum Saved {
    /// The first report of this agency and month.
    Added,
    /// A newer export (or a later copy of the same export) replaced the stored report.
    Replaced { previous_generated_at: String },
    /// The same export with the same data was already stored: nothing changed.
    Unchanged,
    /// An older export than the stored one: nothing changed.
    Older { stored_generated_at: String },
}

/// One task row of a collected report (the "Nhiệm vụ" sheet of an agency's
/// workbook, text cleaned to NFC), as the collector read it and the store keeps it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CollectedTask {
    /// Zero-based row index in the sheet, for messages (0 when read from the store).
    pub row: u32,
    pub stt: String,
    pub code: String,
    pub content: String,
    pub criteria: String,
    pub role: String,
    pub lead: String,
    pub partners: String,
    pub deadline: String,
    pub due_date: Option<NaiveDate>,
    pub output: String,
    pub status: Status,
    pub percent: Option<f64>,
    pub result: String,
    pub evidence: String,
    pub obstacles: String,
    pub proposals: String,
}

/// An accepted agency report to save: what the collector read from one workbook.
#[derive(Debug, Clone, Copy)]
pub struct IncomingReport<'a> {
    pub agency_code: &'a str,
    /// `YYYY-MM`.
    pub period: &'a str,
    pub generated_at: DateTime<FixedOffset>,
    pub app_version: &'a str,
    /// The hash the workbook declares.
    pub content_sha256: &'a str,
    /// The same hash recomputed from the cells as read.
    pub data_sha256: &'a str,
    pub file_name: &'a str,
    pub tasks: &'a [CollectedTask],
    /// The rows of "Việc phát sinh" (none in a version 1 workbook).
    pub obligations: &'a [ObligationLine],
    /// The rows of "Chỉ số đo được" (none in a version 1 workbook).
    pub indicators: &'a [super::IndicatorLine],
}

/// A stored report, with its rows in sheet order.
#[derive(Debug, Clone, PartialEq)]
pub struct CollectedReport {
    pub agency_code: String,
    pub generated_at: String,
    pub content_sha256: String,
    pub edited: bool,
    pub file_name: String,
    pub tasks: Vec<CollectedTask>,
    /// The "Việc phát sinh" rows (none from a version 1 file).
    pub obligations: Vec<ObligationLine>,
}

/// An overdue row of a collected report ([`Store::collected_overdue`]).
#[derive(Debug, Clone, PartialEq)]
pub struct OverdueRow {
    pub agency_code: String,
    pub task_code: String,
    pub due_date: Option<NaiveDate>,
}

/// An agency (never a group) that takes part in at least one task of the plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReportingAgency {
    pub code: String,
    pub name: String,
    pub tasks: usize,
}

/// The task rows a run has just saved, by agency, each with the hash of the
/// data they were read from ([`IncomingReport::data_sha256`]), for
/// [`Store::collected_reports_reusing`]: a month's thousands of rows are not
/// read back from the store right after they were written to it.
#[derive(Debug, Default)]
pub struct JustSaved(HashMap<String, (String, Vec<CollectedTask>)>);

impl JustSaved {
    /// Keeps the rows of `agency`'s report just saved, read from the data
    /// whose hash is `data_sha256`; they replace those kept for the same
    /// agency, as the report replaced them in the store.
    pub fn keep(&mut self, agency: String, data_sha256: String, mut tasks: Vec<CollectedTask>) {
        for task in &mut tasks {
            // As the store gives it back: the sheet row is only for messages.
            task.row = 0;
        }
        self.0.insert(agency, (data_sha256, tasks));
    }

    /// The rows kept for `agency`, when they were read from the data whose
    /// hash is `data_sha256`.
    fn take(&mut self, agency: &str, data_sha256: &str) -> Option<Vec<CollectedTask>> {
        match self.0.remove(agency) {
            Some((hash, tasks)) if hash == data_sha256 => Some(tasks),
            _ => None,
        }
    }
}

/// The stored report's identity, to compare with an incoming one.
struct Existing {
    id: i64,
    generated_at: String,
    data_sha256: String,
}

impl Store {
    /// Saves an accepted agency workbook for `plan_id`, all or nothing (its
    /// own transaction, or a part of [`Store::in_one_transaction`]'s): a
    /// newer export replaces the stored report of the same agency and month, the
    /// same or an older one changes nothing.
    ///
    /// # Errors
    /// [`Error::NotFound`] when the agency or a task code is not in the plan
    /// (the caller checks these first); [`Error::Database`] on a failed write,
    /// which leaves the stored report as it was.
    pub fn save_collected(
        &mut self,
        plan_id: i64,
        book: &IncomingReport,
        now: DateTime<Utc>,
    ) -> Result<Saved> {
        let agency_id = self.reporting_agency(plan_id, book.agency_code)?;
        let tx = self.begin_part()?;
        let existing = existing(&tx, agency_id, book.period)?;
        let saved = match &existing {
            None => Saved::Added,
            Some(e) => {
                let stored = DateTime::parse_from_rfc3339(&e.generated_at).map_err(|_| {
                    Error::Database(format!(
                        "Thời điểm xuất \"{}\" của báo cáo đã lưu bị hỏng.",
                        e.generated_at
                    ))
                })?;
                match stored.cmp(&book.generated_at) {
                    std::cmp::Ordering::Equal if e.data_sha256 == book.data_sha256 => {
                        return Ok(Saved::Unchanged)
                    }
                    std::cmp::Ordering::Greater => {
                        return Ok(Saved::Older {
                            stored_generated_at: e.generated_at.clone(),
                        })
                    }
                    _ => Saved::Replaced {
                        previous_generated_at: e.generated_at.clone(),
                    },
                }
            }
        };
        if let Some(e) = &existing {
            tx.execute("DELETE FROM collected_report WHERE id = ?1", [e.id])?;
        }
        tx.execute(
            "INSERT INTO collected_report (plan_id, agency_id, period, generated_at,
                 content_sha256, data_sha256, edited, app_version, file_name, collected_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            (
                plan_id,
                agency_id,
                book.period,
                book.generated_at.to_rfc3339(),
                book.content_sha256,
                book.data_sha256,
                book.content_sha256 != book.data_sha256,
                book.app_version,
                book.file_name,
                now.to_rfc3339(),
            ),
        )?;
        let report_id = tx.last_insert_rowid();
        insert_rows(&tx, plan_id, report_id, book.tasks)?;
        insert_obligation_lines(&tx, report_id, book.obligations)?;
        super::collected_indicators::insert_collected_indicators(
            &tx,
            plan_id,
            report_id,
            book.indicators,
        )?;
        tx.commit()?;
        Ok(saved)
    }

    /// The reports collected for a month, in the plan's agency order.
    pub fn collected_reports(&self, plan_id: i64, period: &str) -> Result<Vec<CollectedReport>> {
        self.collected_reports_reusing(plan_id, period, JustSaved::default())
    }

    /// [`Store::collected_reports`], taking a report's rows from `saved`
    /// instead of reading them back when the stored report is the one they
    /// were saved from (the same agency, the same data hash).
    pub fn collected_reports_reusing(
        &self,
        plan_id: i64,
        period: &str,
        mut saved: JustSaved,
    ) -> Result<Vec<CollectedReport>> {
        let mut stmt = self.conn.prepare(
            "SELECT r.id, a.code, r.generated_at, r.content_sha256, r.edited, r.file_name,
                 r.data_sha256
             FROM collected_report r JOIN agency a ON a.id = r.agency_id
             WHERE r.plan_id = ?1 AND r.period = ?2 ORDER BY a.position",
        )?;
        let heads = stmt
            .query_map((plan_id, period), |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(6)?,
                    CollectedReport {
                        agency_code: r.get(1)?,
                        generated_at: r.get(2)?,
                        content_sha256: r.get(3)?,
                        edited: r.get(4)?,
                        file_name: r.get(5)?,
                        tasks: Vec::new(),
                        obligations: Vec::new(),
                    },
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut rows = self.conn.prepare(
            "SELECT ct.stt, t.code, ct.content, ct.criteria, ct.role, ct.lead, ct.partners,
                 ct.deadline, ct.due_date, ct.output, ct.status, ct.percent, ct.result,
                 ct.evidence, ct.obstacles, ct.proposals
             FROM collected_task ct JOIN task t ON t.id = ct.task_id
             WHERE ct.report_id = ?1 ORDER BY ct.position",
        )?;
        let mut obligations: HashMap<String, Vec<ObligationLine>> = HashMap::new();
        for o in self.collected_obligations(plan_id, period, period)? {
            obligations.entry(o.agency_code).or_default().push(o.line);
        }
        let mut out = Vec::with_capacity(heads.len());
        for (id, data_sha256, mut report) in heads {
            report.tasks = match saved.take(&report.agency_code, &data_sha256) {
                Some(tasks) => tasks,
                None => rows
                    .query_map([id], task_line)?
                    .collect::<rusqlite::Result<_>>()?,
            };
            report.obligations = obligations.remove(&report.agency_code).unwrap_or_default();
            out.push(report);
        }
        Ok(out)
    }

    /// The overdue rows ("Quá hạn chưa hoàn thành") of the reports collected
    /// for a month, in the plan's agency order and sheet order: what the
    /// points at risk name, without reading the rows' texts.
    pub fn collected_overdue(&self, plan_id: i64, period: &str) -> Result<Vec<OverdueRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.code, t.code, ct.due_date
             FROM collected_report r JOIN agency a ON a.id = r.agency_id
             JOIN collected_task ct ON ct.report_id = r.id JOIN task t ON t.id = ct.task_id
             WHERE r.plan_id = ?1 AND r.period = ?2 AND ct.status = ?3
             ORDER BY a.position, ct.position",
        )?;
        let rows = stmt
            .query_map((plan_id, period, Status::Overdue.label()), |r| {
                Ok(OverdueRow {
                    agency_code: r.get(0)?,
                    task_code: r.get(1)?,
                    due_date: r.get(2)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// The agencies of a plan that answer for at least one task in `period`
    /// (leading or co-operating, directly, through a group, or as a
    /// successor; a predecessor stops from the month of its succession), in
    /// the plan's order.
    ///
    /// # Errors
    /// [`Error::Invalid`] for a malformed period.
    pub fn reporting_agencies(&self, plan_id: i64, period: &str) -> Result<Vec<ReportingAgency>> {
        let (period, end) = super::period(period)?;
        let counts = Assignment::load(self, plan_id)?.reporting(Some((period.as_str(), end)));
        let mut stmt = self
            .conn
            .prepare_cached("SELECT code, name FROM agency WHERE id = ?1")?;
        let mut out = Vec::with_capacity(counts.len());
        for (id, tasks) in counts {
            let (code, name) = stmt.query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
            out.push(ReportingAgency { code, name, tasks });
        }
        Ok(out)
    }
}

fn existing(tx: &Connection, agency_id: i64, period: &str) -> Result<Option<Existing>> {
    Ok(tx
        .query_row(
            "SELECT id, generated_at, data_sha256 FROM collected_report
             WHERE agency_id = ?1 AND period = ?2",
            (agency_id, period),
            |r| {
                Ok(Existing {
                    id: r.get(0)?,
                    generated_at: r.get(1)?,
                    data_sha256: r.get(2)?,
                })
            },
        )
        .optional()?)
}

fn insert_rows(
    tx: &Connection,
    plan_id: i64,
    report_id: i64,
    tasks: &[CollectedTask],
) -> Result<()> {
    let mut task_id = tx.prepare_cached("SELECT id FROM task WHERE plan_id = ?1 AND code = ?2")?;
    let mut insert = tx.prepare_cached(
        "INSERT INTO collected_task (report_id, position, task_id, stt, content, criteria, role,
             lead, partners, deadline, due_date, output, status, percent, result, evidence,
             obstacles, proposals)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
    )?;
    for (position, t) in tasks.iter().enumerate() {
        let id: i64 = task_id
            .query_row((plan_id, &t.code), |r| r.get(0))
            .optional()?
            .ok_or_else(|| Error::NotFound {
                what: "nhiệm vụ",
                code: t.code.clone(),
            })?;
        insert.execute(rusqlite::params![
            report_id,
            position as i64,
            id,
            t.stt,
            t.content,
            t.criteria,
            t.role,
            t.lead,
            t.partners,
            t.deadline,
            t.due_date,
            t.output,
            t.status.label(),
            t.percent,
            t.result,
            t.evidence,
            t.obstacles,
            t.proposals,
        ])?;
    }
    Ok(())
}

fn task_line(r: &rusqlite::Row) -> rusqlite::Result<CollectedTask> {
    let label: String = r.get(10)?;
    let status = Status::from_label(&label).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            10,
            rusqlite::types::Type::Text,
            format!("unknown status word {label:?}").into(),
        )
    })?;
    Ok(CollectedTask {
        row: 0,
        stt: r.get(0)?,
        code: r.get(1)?,
        content: r.get(2)?,
        criteria: r.get(3)?,
        role: r.get(4)?,
        lead: r.get(5)?,
        partners: r.get(6)?,
        deadline: r.get(7)?,
        due_date: r.get::<_, Option<NaiveDate>>(8)?,
        output: r.get(9)?,
        status,
        percent: r.get(11)?,
        result: r.get(12)?,
        evidence: r.get(13)?,
        obstacles: r.get(14)?,
        proposals: r.get(15)?,
    })
}
