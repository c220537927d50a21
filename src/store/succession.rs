//! Succession: an agency succeeded by another (an agency or a group) from a
//! date, for all its tasks or task by task. The successor takes the tasks
//! over with their progress history and evidence (copied to it, so its own
//! reports carry them); the predecessor keeps its months before the date.

use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, Transaction};

use super::assignment::Assignment;
use super::{Store, MEMBERS_CTE};
use crate::error::{Error, Result};
use crate::plan::Succession;
use crate::text;

/// A succession as typed: `--old`, `--new` or `--rest`, `--task CODE=SUCCESSOR`, `--from`.
#[derive(Debug, Clone, Default)]
pub struct SuccessionInput {
    pub old: String,
    /// The successor of every task not named in `tasks`.
    pub rest: Option<String>,
    /// `(task code, successor code)` for tasks that go to different successors.
    pub tasks: Vec<(String, String)>,
    pub since: Option<NaiveDate>,
}

impl SuccessionInput {
    /// Reads one `--task` value, "II.1.1=XA-TAN-PHONG".
    ///
    /// # Errors
    /// [`Error::Invalid`] when it has no "=" or an empty side.
    pub fn parse_task(s: &str) -> Result<(String, String)> {
        match s.split_once('=') {
            Some((t, a)) if !t.trim().is_empty() && !a.trim().is_empty() => {
                Ok((text::clean(t), text::clean(a)))
            }
            _ => Err(Error::Invalid(format!(
                "\"{s}\" không đúng dạng MÃ-NHIỆM-VỤ=MÃ-CƠ-QUAN-KẾ-THỪA, ví dụ II.1.1=SNV."
            ))),
        }
    }
}

impl Store {
    /// The successions of a plan, in the order they were recorded.
    pub fn successions(&self, plan_id: i64) -> Result<Vec<Succession>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT p.code, s.code, h.since, t.code FROM succession h
             JOIN agency p ON p.id = h.predecessor_id JOIN agency s ON s.id = h.successor_id
             LEFT JOIN task t ON t.id = h.task_id
             WHERE h.plan_id = ?1 ORDER BY h.id",
        )?;
        let rows = stmt.query_map([plan_id], |r| {
            Ok(Succession {
                predecessor: r.get(0)?,
                successor: r.get(1)?,
                since: r.get(2)?,
                task: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Records that agency `input.old` is succeeded from `input.since`, in one
    /// transaction: its tasks from then on belong to the successors, who get a
    /// copy of its progress entries and evidence for those tasks. Returns the
    /// successions recorded.
    ///
    /// # Errors
    /// [`Error::NotFound`] for an unknown agency or task; [`Error::Invalid`]
    /// when no date or no successor is given, a task is left without one, a
    /// task is not the predecessor's, or the successions would go round in a
    /// circle (the message lists the problems). Nothing changes then.
    pub fn succeed(
        &mut self,
        plan_id: i64,
        input: &SuccessionInput,
        _now: DateTime<Utc>,
    ) -> Result<Vec<Succession>> {
        let old = text::clean(&input.old);
        let since = input.since.ok_or_else(|| {
            Error::Invalid("Chưa ghi ngày bắt đầu kế thừa (--from DD/MM/YYYY).".into())
        })?;
        let old_id = self.reporting_agency(plan_id, &old)?;
        let held: BTreeSet<String> = self
            .tasks(plan_id, Some(old.as_str()))?
            .into_iter()
            .map(|t| t.code)
            .collect();
        let mut added = Vec::new();
        for (task, successor) in &input.tasks {
            self.task_id(plan_id, task)?;
            self.agency_id(plan_id, successor)?;
            if !held.contains(task) {
                return Err(Error::Invalid(format!(
                    "Nhiệm vụ {task} không phải của cơ quan {old} (không chủ trì, không phối hợp): \
                     không giao cho cơ quan kế thừa được."
                )));
            }
            added.push(Succession {
                predecessor: old.clone(),
                successor: successor.clone(),
                since,
                task: Some(task.clone()),
            });
        }
        match &input.rest {
            Some(rest) => {
                self.agency_id(plan_id, rest)?;
                added.push(Succession {
                    predecessor: old.clone(),
                    successor: text::clean(rest),
                    since,
                    task: None,
                });
            }
            None => {
                let named: BTreeSet<&String> = input.tasks.iter().map(|(t, _)| t).collect();
                let left: Vec<&str> = held
                    .iter()
                    .filter(|t| !named.contains(t))
                    .map(String::as_str)
                    .collect();
                if input.tasks.is_empty() {
                    return Err(Error::Invalid(format!(
                        "Chưa ghi cơ quan kế thừa của {old} (--new MÃ, hoặc --task MÃ-NHIỆM-VỤ=MÃ \
                         cho từng nhiệm vụ)."
                    )));
                }
                if !left.is_empty() {
                    return Err(Error::Invalid(format!(
                        "Cơ quan {old} còn {} nhiệm vụ chưa có cơ quan kế thừa: {}. Hãy ghi \
                         --task MÃ-NHIỆM-VỤ=MÃ cho từng nhiệm vụ, hoặc --rest MÃ cho các nhiệm vụ còn lại.",
                        left.len(),
                        left.join(", ")
                    )));
                }
            }
        }
        let mut whole = self.plan_data(plan_id)?;
        whole.successions.extend(added.iter().cloned());
        whole.validate().map_err(|e| match e {
            Error::Rows(problems) => Error::Invalid(format!(
                "Chưa ghi việc kế thừa (chưa thay đổi gì):\n{}",
                problems.join("\n")
            )),
            other => other,
        })?;
        let tx = self.begin()?;
        let handed = record(&tx, plan_id, old_id, &added)?;
        hand_over(&tx, old_id, &handed)?;
        tx.commit()?;
        Ok(added)
    }
}

/// Inserts `added` (successions of one predecessor, `old_id`) and returns
/// each task handed over with the successor that takes it.
pub(super) fn record(
    tx: &Transaction,
    plan_id: i64,
    old_id: i64,
    added: &[Succession],
) -> Result<Vec<(i64, i64)>> {
    let held = Assignment::read(tx, plan_id)?.roles(old_id, None);
    let mut insert = tx.prepare_cached(
        "INSERT INTO succession (plan_id, predecessor_id, successor_id, since, task_id)
         SELECT ?1, ?2, s.id, ?4, (SELECT id FROM task WHERE plan_id = ?1 AND code = ?5)
         FROM agency s WHERE s.plan_id = ?1 AND s.code = ?3",
    )?;
    let mut successor_of: HashMap<Option<i64>, i64> = HashMap::new();
    for s in added {
        insert.execute((plan_id, old_id, &s.successor, s.since, &s.task))?;
        let (successor, task): (i64, Option<i64>) = tx.query_row(
            "SELECT successor_id, task_id FROM succession WHERE id = last_insert_rowid()",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        successor_of.insert(task, successor);
    }
    let rest = successor_of.get(&None).copied();
    Ok(held
        .into_keys()
        .filter_map(|task| {
            successor_of
                .get(&Some(task))
                .copied()
                .or(rest)
                .map(|s| (task, s))
        })
        .collect())
}

/// Copies the predecessor's progress entries and evidence of each handed-over
/// task to every agency its successor reaches (the successor itself, or the
/// members of a successor group).
pub(super) fn hand_over(tx: &Connection, old_id: i64, handed: &[(i64, i64)]) -> Result<()> {
    let mut members = tx.prepare_cached(&format!(
        "{MEMBERS_CTE} SELECT r.agency FROM reach r JOIN agency a ON a.id = r.agency
         WHERE r.party = ?1 AND a.kind <> 'nhom'"
    ))?;
    let mut copy_progress = tx.prepare_cached(
        "INSERT OR IGNORE INTO progress (task_id, agency_id, period, state, done_on, percent,
             result, obstacles, proposals, updated_at)
         SELECT task_id, ?3, period, state, done_on, percent, result, obstacles, proposals,
             updated_at
         FROM progress WHERE task_id = ?1 AND agency_id = ?2",
    )?;
    let mut evidence_of = tx.prepare_cached(
        "SELECT e.id FROM evidence e JOIN evidence_task et ON et.evidence_id = e.id
         WHERE e.agency_id = ?1 AND et.task_id = ?2",
    )?;
    let mut copy_evidence = tx.prepare_cached(
        "INSERT INTO evidence (agency_id, reference, doc_type, issued_on, issuer, summary,
             location, file_name, file_sha256, file_size, created_at, updated_at)
         SELECT ?2, reference, doc_type, issued_on, issuer, summary, location, file_name,
             file_sha256, file_size, created_at, updated_at
         FROM evidence WHERE id = ?1",
    )?;
    let mut link = tx.prepare_cached("INSERT OR IGNORE INTO evidence_task VALUES (?1, ?2)")?;
    let mut copies: HashMap<(i64, i64), i64> = HashMap::new();
    for &(task, successor) in handed {
        let heirs: Vec<i64> = members
            .query_map([successor], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let evidence: Vec<i64> = evidence_of
            .query_map((old_id, task), |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for heir in heirs {
            copy_progress.execute((task, old_id, heir))?;
            for &e in &evidence {
                let copy = match copies.get(&(e, heir)) {
                    Some(id) => *id,
                    None => {
                        copy_evidence.execute((e, heir))?;
                        let id = tx.last_insert_rowid();
                        tx.execute(
                            "INSERT OR IGNORE INTO evidence_criterion
                             SELECT ?2, criterion_id FROM evidence_criterion WHERE evidence_id = ?1",
                            (e, id),
                        )?;
                        copies.insert((e, heir), id);
                        id
                    }
                };
                link.execute((copy, task))?;
            }
        }
    }
    Ok(())
}
