//! The collector's copy of an agency's "Việc phát sinh" rows (schema 0004,
//! `collected_obligation`), written and read with its collected report.

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::error::Result;
use crate::obligation::ObligationStatus;

/// One obligation as an agency's workbook carries it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ObligationLine {
    pub task: String,
    pub number: String,
    pub date: Option<NaiveDate>,
    pub issuer: String,
    pub start: Option<NaiveDate>,
    pub working_days: Option<f64>,
    pub due_date: NaiveDate,
    pub settled_number: String,
    pub settled_on: Option<NaiveDate>,
    pub used_working_days: Option<f64>,
    pub status: ObligationStatus,
}

/// Writes the obligation rows of report `report_id` inside the caller's transaction.
pub(super) fn insert_obligation_lines(
    conn: &Connection,
    report_id: i64,
    lines: &[ObligationLine],
) -> Result<()> {
    let mut insert = conn.prepare_cached(
        "INSERT INTO collected_obligation (report_id, position, task_code, reference, issued_on,
             issuer, start_on, working_days, due_on, settled_reference, settled_on,
             used_working_days, status)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?;
    for (position, o) in lines.iter().enumerate() {
        insert.execute(rusqlite::params![
            report_id,
            position as i64,
            o.task,
            o.number,
            o.date,
            o.issuer,
            o.start,
            o.working_days,
            o.due_date,
            o.settled_number,
            o.settled_on,
            o.used_working_days,
            o.status.label(),
        ])?;
    }
    Ok(())
}

/// An obligation row of a collected report, with the report's agency and month.
#[derive(Debug, Clone, PartialEq)]
pub struct CollectedObligation {
    /// `YYYY-MM` of the report that carried it.
    pub period: String,
    pub agency_code: String,
    pub line: ObligationLine,
}

impl super::Store {
    /// The obligation rows of the reports collected for the months
    /// `from..=to` (`YYYY-MM`), in month order, then the plan's agency order
    /// and sheet order.
    pub fn collected_obligations(
        &self,
        plan_id: i64,
        from: &str,
        to: &str,
    ) -> Result<Vec<CollectedObligation>> {
        // One query for all the months' reports (not one per report).
        let mut stmt = self.conn.prepare_cached(
            "SELECT r.period, a.code, o.task_code, o.reference, o.issued_on, o.issuer,
                 o.start_on, o.working_days, o.due_on, o.settled_reference, o.settled_on,
                 o.used_working_days, o.status
             FROM collected_report r JOIN agency a ON a.id = r.agency_id
             JOIN collected_obligation o ON o.report_id = r.id
             WHERE r.plan_id = ?1 AND r.period BETWEEN ?2 AND ?3
             ORDER BY r.period, a.position, o.position",
        )?;
        let rows = stmt.query_map((plan_id, from, to), |r| {
            let label: String = r.get(12)?;
            let status = ObligationStatus::from_label(&label).ok_or_else(|| {
                rusqlite::Error::FromSqlConversionFailure(
                    12,
                    rusqlite::types::Type::Text,
                    format!("unknown obligation status {label:?}").into(),
                )
            })?;
            Ok(CollectedObligation {
                period: r.get(0)?,
                agency_code: r.get(1)?,
                line: ObligationLine {
                    task: r.get(2)?,
                    number: r.get(3)?,
                    date: r.get(4)?,
                    issuer: r.get(5)?,
                    start: r.get(6)?,
                    working_days: r.get(7)?,
                    due_date: r.get(8)?,
                    settled_number: r.get(9)?,
                    settled_on: r.get(10)?,
                    used_working_days: r.get(11)?,
                    status,
                },
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
