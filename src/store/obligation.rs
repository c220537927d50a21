//! Recording obligations (việc phát sinh) and settling them: the event's
//! document starts a task's working-day clock, the due date is counted on the
//! calendar of the day and kept with its version, and the answering document
//! settles it and becomes evidence of the task.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::OptionalExtension;

use super::evidence::{insert_evidence, CheckedEvidence};
use super::obligation_read::ObligationRow;
use super::Store;
use crate::deadline::{self, add_working_days, Deadline, WorkingDaysRule};
use crate::docref;
use crate::error::{Error, Result};
use crate::obligation::counts_from_receipt;
use crate::text::{self, date_text};

/// An event as the officer records it.
#[derive(Debug, Clone, Default)]
pub struct ObligationInput {
    pub agency: String,
    pub task: String,
    /// "Số, ký hiệu" of the document that starts the clock.
    pub number: String,
    /// Its date.
    pub date: Option<NaiveDate>,
    /// The day it was received, needed when the rule counts from receipt.
    pub received: Option<NaiveDate>,
    pub issuer: String,
    pub summary: String,
}

/// The answer that settles an obligation.
#[derive(Debug, Clone, Default)]
pub struct SettleInput {
    pub agency: String,
    pub id: i64,
    /// "Số, ký hiệu" of the answering document.
    pub number: String,
    pub date: Option<NaiveDate>,
}

/// A task's working-day rule, or why it has none.
pub(super) fn task_rule(code: &str, wording: &str) -> Result<WorkingDaysRule> {
    match deadline::parse(wording) {
        Ok(Deadline::WorkingDays(rule))
        | Ok(Deadline::Recurring {
            working_days: Some(rule),
            ..
        }) => Ok(rule),
        _ => Err(Error::Invalid(format!(
            "Nhiệm vụ {code} không có thời hạn tính theo ngày làm việc (thời hạn: \"{wording}\"): không ghi việc phát sinh cho nhiệm vụ này được."
        ))),
    }
}

impl Store {
    /// Records an event on one of the agency's tasks whose deadline has a
    /// working-day rule, counts its due date on the current calendar and
    /// returns it as of `today`.
    ///
    /// # Errors
    /// [`Error::NotFound`] for an unknown agency or task; [`Error::Invalid`] for
    /// a task without a working-day rule or not the agency's, a missing date,
    /// a missing received date where the rule counts from receipt, a received
    /// date before the document's, or the same document recorded twice on the
    /// task; [`Error::DocRef`] for a malformed number/symbol. Nothing is saved then.
    pub fn add_obligation(
        &mut self,
        plan_id: i64,
        input: &ObligationInput,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<ObligationRow> {
        let agency_id = self.reporting_agency(plan_id, &input.agency)?;
        let task_id = self.task_id(plan_id, &input.task)?;
        let code = input.task.trim();
        if !self.is_agency_task(plan_id, task_id, agency_id, None)? {
            return Err(Error::Invalid(format!(
                "Nhiệm vụ {code} không giao cho cơ quan {}: không ghi việc phát sinh được.",
                input.agency.trim()
            )));
        }
        let wording: String =
            self.conn
                .query_row("SELECT deadline FROM task WHERE id = ?1", [task_id], |r| {
                    r.get(0)
                })?;
        let rule = task_rule(code, &wording)?;
        let reference = docref::parse_reference(&input.number)?;
        let date = input
            .date
            .ok_or_else(|| Error::Invalid("Thiếu ngày của văn bản phát sinh (--date).".into()))?;
        deadline::check_date_in_range(date)?;
        if let Some(received) = input.received {
            deadline::check_date_in_range(received)?;
        }
        let issuer = text::clean(&input.issuer);
        let summary = text::clean(&input.summary);
        for (what, value) in [("Cơ quan ban hành", &issuer), ("Trích yếu", &summary)] {
            text::check_cell_length(what, value).map_err(Error::Invalid)?;
        }
        if let Some(received) = input.received.filter(|r| *r < date) {
            return Err(Error::Invalid(format!(
                "Ngày nhận {} trước ngày của văn bản {}: hãy kiểm tra lại.",
                date_text(received),
                date_text(date)
            )));
        }
        let start = if counts_from_receipt(&rule) {
            input.received.ok_or_else(|| {
                Error::Invalid(format!(
                    "Thời hạn của nhiệm vụ {code} tính từ {}: hãy ghi ngày nhận (--received).",
                    rule.after
                ))
            })?
        } else {
            date
        };
        let duplicate: Option<i64> = self
            .conn
            .query_row(
                "SELECT id FROM obligation WHERE task_id = ?1 AND agency_id = ?2 AND reference = ?3",
                (task_id, agency_id, &reference.reference),
                |r| r.get(0),
            )
            .optional()?;
        if let Some(id) = duplicate {
            return Err(Error::Invalid(format!(
                "Văn bản {} đã được ghi là việc phát sinh số {id} của nhiệm vụ {code}.",
                reference.reference
            )));
        }
        let (calendar, version) = self.calendar(None)?;
        let due = add_working_days(start, rule.days, &calendar);
        let tx = self.begin()?;
        let stamp = now.to_rfc3339();
        tx.execute(
            "INSERT INTO obligation (task_id, agency_id, reference, issued_on, issuer, summary,
                 received_on, start_on, working_days, due_on, calendar_version, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)",
            (
                task_id,
                agency_id,
                &reference.reference,
                date,
                &issuer,
                &summary,
                input.received,
                start,
                rule.days,
                due,
                version,
                &stamp,
            ),
        )?;
        let id = tx.last_insert_rowid();
        tx.commit()?;
        self.obligation(plan_id, agency_id, id, today)
    }

    /// Settles an open obligation with the document that answered it; that
    /// document becomes evidence of the task, in the same transaction.
    ///
    /// # Errors
    /// [`Error::NotFound`] for an unknown agency or an id that is not one of its
    /// obligations; [`Error::Invalid`] for an obligation already settled, a
    /// missing date or one before the day the count starts; [`Error::DocRef`]
    /// for a malformed number/symbol. Nothing is saved then.
    pub fn settle_obligation(
        &mut self,
        plan_id: i64,
        input: &SettleInput,
        now: DateTime<Utc>,
    ) -> Result<ObligationRow> {
        let agency_id = self.reporting_agency(plan_id, &input.agency)?;
        let before = self.obligation(plan_id, agency_id, input.id, now.date_naive())?;
        let settled: Option<(String, NaiveDate)> = self.conn.query_row(
            "SELECT settled_reference, settled_on FROM obligation WHERE id = ?1",
            [input.id],
            |r| {
                Ok(r.get::<_, Option<String>>(0)?
                    .zip(r.get::<_, Option<NaiveDate>>(1)?))
            },
        )?;
        if let Some((number, on)) = settled {
            return Err(Error::Invalid(format!(
                "Việc phát sinh số {} đã được xử lý bằng văn bản {number} ngày {}.",
                input.id,
                date_text(on)
            )));
        }
        let reference = docref::parse_reference(&input.number)?;
        let date = input
            .date
            .ok_or_else(|| Error::Invalid("Thiếu ngày của văn bản xử lý (--date).".into()))?;
        deadline::check_date_in_range(date)?;
        if date < before.start {
            return Err(Error::Invalid(format!(
                "Ngày xử lý {} trước ngày bắt đầu tính thời hạn {} của việc phát sinh số {}.",
                date_text(date),
                date_text(before.start),
                input.id
            )));
        }
        let agency_name: String =
            self.conn
                .query_row("SELECT name FROM agency WHERE id = ?1", [agency_id], |r| {
                    r.get(0)
                })?;
        let task_id = self.task_id(plan_id, &before.task)?;
        let evidence = CheckedEvidence {
            agency_id,
            reference: reference.clone(),
            date,
            issuer: agency_name,
            summary: format!(
                "Xử lý việc phát sinh theo văn bản số {} ngày {} (nhiệm vụ {})",
                before.number,
                date_text(before.date),
                before.task
            ),
            location: String::new(),
            task_ids: vec![task_id],
            criterion_ids: Vec::new(),
        };
        let tx = self.begin()?;
        let evidence_id = insert_evidence(&tx, &evidence, None, now)?;
        tx.execute(
            "UPDATE obligation SET settled_reference = ?1, settled_on = ?2, evidence_id = ?3,
                 updated_at = ?4 WHERE id = ?5",
            (
                &reference.reference,
                date,
                evidence_id,
                now.to_rfc3339(),
                input.id,
            ),
        )?;
        tx.commit()?;
        self.obligation(plan_id, agency_id, input.id, date)
    }
}
