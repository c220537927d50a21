//! The figures of the collected reports' "Chỉ số đo được" sheets: saved with
//! their report (one transaction) and read back per month for the province.

use chrono::NaiveDate;
use rusqlite::Connection;

use super::Store;
use crate::error::{Error, Result};

/// One row of "Chỉ số đo được", text cleaned to NFC.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct IndicatorLine {
    /// Zero-based row index, for messages.
    pub row: u32,
    pub criterion: String,
    pub name: String,
    pub unit: String,
    pub numerator: Option<f64>,
    pub denominator: Option<f64>,
    /// The rate in percent (recomputed from the numerator and denominator
    /// when both are there) or the value; `None` for a row without a figure.
    pub value: Option<f64>,
    pub source: String,
    pub as_of: Option<NaiveDate>,
}

/// One agency's collected figure for one indicator in one month.
#[derive(Debug, Clone, PartialEq)]
pub struct CollectedFigure {
    /// `YYYY-MM`.
    pub period: String,
    pub agency_code: String,
    pub indicator_id: i64,
    pub numerator: Option<f64>,
    pub denominator: Option<f64>,
    pub value: f64,
}

/// Saves a report's figures, each matched to its indicator by criterion and name.
pub(super) fn insert_collected_indicators(
    tx: &Connection,
    plan_id: i64,
    report_id: i64,
    lines: &[IndicatorLine],
) -> Result<()> {
    let mut insert = tx.prepare(
        "INSERT INTO collected_indicator (report_id, indicator_id, numerator, denominator,
             value, source, as_of)
         SELECT ?1, i.id, ?4, ?5, ?6, ?7, ?8 FROM indicator i
         JOIN criterion c ON c.id = i.criterion_id
         WHERE i.plan_id = ?2 AND c.code = ?3 AND i.name = ?9",
    )?;
    for l in lines {
        let Some(value) = l.value else { continue };
        let n = insert.execute((
            report_id,
            plan_id,
            &l.criterion,
            l.numerator,
            l.denominator,
            value,
            &l.source,
            l.as_of,
            &l.name,
        ))?;
        if n != 1 {
            return Err(Error::NotFound {
                what: "chỉ số đo được",
                code: format!("{} – {}", l.criterion, l.name),
            });
        }
    }
    Ok(())
}

impl Store {
    /// The collected figures of the months `from..=to` (`YYYY-MM`), in month
    /// and plan order.
    pub fn collected_figures(
        &self,
        plan_id: i64,
        from: &str,
        to: &str,
    ) -> Result<Vec<CollectedFigure>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT r.period, a.code, ci.indicator_id, ci.numerator, ci.denominator, ci.value
             FROM collected_indicator ci
             JOIN collected_report r ON r.id = ci.report_id
             JOIN agency a ON a.id = r.agency_id
             WHERE r.plan_id = ?1 AND r.period BETWEEN ?2 AND ?3
             ORDER BY r.period, a.position",
        )?;
        let figures = stmt
            .query_map((plan_id, from, to), |r| {
                Ok(CollectedFigure {
                    period: r.get(0)?,
                    agency_code: r.get(1)?,
                    indicator_id: r.get(2)?,
                    numerator: r.get(3)?,
                    denominator: r.get(4)?,
                    value: r.get(5)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(figures)
    }
}
