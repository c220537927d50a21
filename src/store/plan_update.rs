//! Saving a plan over its stored self, in one transaction: the plan editor's
//! save and the import of a newer version both come here. Tasks are matched by
//! code, so a task that keeps its code keeps its progress and evidence; a task
//! removed but with history is retired from a month on, never deleted; an
//! agency removed is retired; new successions hand their tasks over.

use std::collections::{HashMap, HashSet};

use rusqlite::Transaction;

use super::plan_write::{
    insert_successions, insert_tasks, write_parties, write_scores, write_task_links,
};
use super::succession::{hand_over, record};
use super::Store;
use crate::error::{Error, Result};
use crate::plan::{
    self, resolve_deadline, PlanChanges, PlanData, ResolvedDeadline, Succession, TaskDef,
};

impl Store {
    /// Replaces the content of plan `plan_id` with `plan` (checked first):
    /// identity and version, fields, criteria, agencies and groups, tasks,
    /// successions. `month` (YYYY-MM) is the first month removed tasks with
    /// history no longer belong to. Returns what changed.
    ///
    /// # Errors
    /// [`Error::Invalid`] listing the plan's problems, or for a malformed
    /// month; [`Error::NotFound`] for an unknown plan; nothing
    /// changes then.
    pub fn save_plan(&mut self, plan_id: i64, plan: &PlanData, month: &str) -> Result<PlanChanges> {
        let (month, _) = super::period(month)?;
        let mut plan = plan.clone();
        plan.normalize();
        match plan.validate() {
            Err(Error::Rows(problems)) => {
                return Err(Error::Invalid(format!(
                    "Chưa lưu được kế hoạch vì có {} lỗi (chưa thay đổi gì):\n{}",
                    problems.len(),
                    problems.join("\n")
                )))
            }
            other => other?,
        }
        let old = self.plan_data(plan_id)?;
        let changes = self.plan_changes(plan_id, &old, &plan)?;
        let tx = self.begin()?;
        let m = &plan.meta;
        tx.execute(
            "UPDATE plan SET reference = ?2, name = ?3, year = ?4, province = ?5, issued_on = ?6,
                 version = ?7 WHERE id = ?1",
            (
                plan_id,
                &m.reference,
                &m.name,
                m.year,
                &m.province,
                m.issued_on,
                m.version,
            ),
        )?;
        write_scores(&tx, plan_id, &plan)?;
        write_parties(&tx, plan_id, &plan, &changes.agencies_retired)?;
        write_tasks(&tx, plan_id, &plan.tasks)?;
        for code in &changes.retired {
            tx.execute(
                "UPDATE task SET retired_from = ?3
                 WHERE plan_id = ?1 AND code = ?2 AND retired_from IS NULL",
                (plan_id, code, &month),
            )?;
        }
        for code in &changes.removed {
            tx.execute(
                "DELETE FROM task WHERE plan_id = ?1 AND code = ?2",
                (plan_id, code),
            )?;
        }
        // Criteria the new version drops go, unless something still refers to them.
        tx.execute(
            "DELETE FROM criterion WHERE plan_id = ?1 AND position < 0
                 AND id NOT IN (SELECT criterion_id FROM task_criterion)
                 AND id NOT IN (SELECT criterion_id FROM evidence_criterion)",
            [plan_id],
        )?;
        write_successions(&tx, plan_id, &old.successions, &plan.successions)?;
        tx.commit()?;
        Ok(changes)
    }

    /// What putting `new` in place of `old`, plan `plan_id` as stored,
    /// changes: of the tasks it drops, those with a history are retired (kept
    /// out of the plan with their records), the others removed.
    ///
    /// # Errors
    /// [`Error::Database`] when a task's history cannot be read.
    pub fn plan_changes(
        &self,
        plan_id: i64,
        old: &PlanData,
        new: &PlanData,
    ) -> Result<PlanChanges> {
        let mut changes = plan::diff(old, new);
        let mut retired = Vec::new();
        let mut removed = Vec::new();
        for code in std::mem::take(&mut changes.removed) {
            match self.task_has_history(plan_id, &code)? {
                true => retired.push(code),
                false => removed.push(code),
            }
        }
        changes.retired = retired;
        changes.removed = removed;
        Ok(changes)
    }

    /// Whether a task has progress, evidence or a collected report.
    fn task_has_history(&self, plan_id: i64, code: &str) -> Result<bool> {
        Ok(self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM progress WHERE task_id = t.id)
                 OR EXISTS (SELECT 1 FROM evidence_task WHERE task_id = t.id)
                 OR EXISTS (SELECT 1 FROM collected_task WHERE task_id = t.id)
             FROM task t WHERE t.plan_id = ?1 AND t.code = ?2",
            (plan_id, code),
            |r| r.get(0),
        )?)
    }
}

/// Tasks updated by code (a retired one that comes back is in the plan
/// again), new ones inserted, in the new order.
fn write_tasks(tx: &Transaction, plan_id: i64, tasks: &[TaskDef]) -> Result<()> {
    for (pos, t) in tasks.iter().enumerate() {
        let id: Option<i64> = tx
            .query_row(
                "SELECT id FROM task WHERE plan_id = ?1 AND code = ?2",
                (plan_id, &t.code),
                |r| r.get(0),
            )
            .ok();
        let Some(id) = id else {
            insert_tasks(tx, plan_id, std::slice::from_ref(t), pos)?;
            continue;
        };
        let ResolvedDeadline {
            due_date: due,
            recurring,
        } = resolve_deadline(&t.deadline)?;
        tx.execute(
            "UPDATE task SET section = ?2, content = ?3,
                 lead_id = (SELECT id FROM agency WHERE plan_id = ?10 AND code = ?4),
                 deadline = ?5, due_date = ?6, recurring = ?7, output = ?8, position = ?9,
                 retired_from = NULL
             WHERE id = ?1",
            (
                id,
                &t.section,
                &t.content,
                &t.lead,
                &t.deadline,
                due,
                recurring,
                &t.output,
                pos as i64,
                plan_id,
            ),
        )?;
        write_task_links(tx, plan_id, id, t)?;
    }
    Ok(())
}

/// The plan's successions become `new`: those it had are kept as they were;
/// the new ones hand their predecessors' tasks over.
fn write_successions(
    tx: &Transaction,
    plan_id: i64,
    old: &[Succession],
    new: &[Succession],
) -> Result<()> {
    tx.execute("DELETE FROM succession WHERE plan_id = ?1", [plan_id])?;
    let (kept, added): (Vec<Succession>, Vec<Succession>) =
        new.iter().cloned().partition(|s| old.contains(s));
    insert_successions(tx, plan_id, &kept)?;
    let mut by_predecessor: HashMap<&str, Vec<Succession>> = HashMap::new();
    let mut order = Vec::new();
    for s in &added {
        if !by_predecessor.contains_key(s.predecessor.as_str()) {
            order.push(s.predecessor.as_str());
        }
        by_predecessor
            .entry(s.predecessor.as_str())
            .or_default()
            .push(s.clone());
    }
    let mut done = HashSet::new();
    for code in order {
        if !done.insert(code) {
            continue;
        }
        let old_id: i64 = tx.query_row(
            "SELECT id FROM agency WHERE plan_id = ?1 AND code = ?2",
            (plan_id, code),
            |r| r.get(0),
        )?;
        let handed = record(tx, plan_id, old_id, &by_predecessor[code])?;
        hand_over(tx, old_id, &handed)?;
    }
    Ok(())
}
