//! Writing a plan into the store: a whole new plan, or tasks added to one.

use chrono::{DateTime, Utc};
use rusqlite::Transaction;

use super::plan_read::PartyKind;
use super::Store;
use crate::deadline;
use crate::error::{Error, Result};
use crate::plan::{PlanData, TaskDef};

impl Store {
    /// Stores a whole plan (validated first) and returns its id. The current plan
    /// does not change.
    ///
    /// # Errors
    /// [`Error::Rows`] listing what is wrong with the plan; nothing is stored then.
    pub fn insert_plan(&mut self, plan: &PlanData, now: DateTime<Utc>) -> Result<i64> {
        let mut plan = plan.clone();
        plan.normalize();
        plan.validate()?;
        let tx = self.begin()?;
        let m = &plan.meta;
        tx.execute(
            "INSERT INTO plan (reference, name, year, province, issued_on, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            (
                &m.reference,
                &m.name,
                m.year,
                &m.province,
                m.issued_on,
                now.to_rfc3339(),
            ),
        )?;
        let plan_id = tx.last_insert_rowid();
        for f in &plan.fields {
            tx.execute(
                "INSERT INTO field (plan_id, code, name, max_score, score_prev, points_lost)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                (
                    plan_id,
                    f.code,
                    &f.name,
                    f.max_score,
                    f.score_prev,
                    f.points_lost,
                ),
            )?;
        }
        for (pos, c) in plan.criteria.iter().enumerate() {
            let targets = serde_json::to_string(&c.targets)
                .map_err(|e| Error::Invalid(format!("Tiêu chí {}: {e}", c.code)))?;
            tx.execute(
                "INSERT INTO criterion (plan_id, code, name, field, max_score, score_prev,
                     points_lost, target, targets, position)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                (
                    plan_id,
                    &c.code,
                    &c.name,
                    c.field().unwrap_or(0),
                    c.max_score,
                    c.score_prev,
                    c.points_lost,
                    c.target,
                    targets,
                    pos as i64,
                ),
            )?;
        }
        let mut pos = 0;
        for a in &plan.agencies {
            insert_agency(&tx, plan_id, &a.code, &a.name, a.kind.code(), pos)?;
            pos += 1;
        }
        for g in &plan.groups {
            insert_agency(&tx, plan_id, &g.code, &g.name, PartyKind::GROUP_CODE, pos)?;
            pos += 1;
        }
        for g in &plan.groups {
            for (i, member) in g.members.iter().enumerate() {
                tx.execute(
                    "INSERT OR IGNORE INTO group_member (group_id, member_id, position)
                     SELECT g.id, m.id, ?4 FROM agency g, agency m
                     WHERE g.plan_id = ?1 AND g.code = ?2 AND m.plan_id = ?1 AND m.code = ?3",
                    (plan_id, &g.code, member, i as i64),
                )?;
            }
        }
        insert_tasks(&tx, plan_id, &plan.tasks, 0)?;
        super::indicators::insert_indicators(&tx, plan_id, &plan.indicators)?;
        tx.commit()?;
        Ok(plan_id)
    }

    /// Adds tasks to a stored plan, all or nothing.
    ///
    /// # Errors
    /// [`Error::Rows`] naming each task whose code is taken or whose agencies,
    /// criteria or deadline are unknown; nothing is added then.
    pub fn add_tasks(&mut self, plan_id: i64, tasks: &[TaskDef]) -> Result<usize> {
        let mut whole = self.plan_data(plan_id)?;
        let first_new = whole.tasks.len();
        whole.tasks.extend(tasks.iter().cloned());
        whole.normalize();
        whole.validate()?;
        let tx = self.begin()?;
        insert_tasks(&tx, plan_id, &whole.tasks[first_new..], first_new)?;
        tx.commit()?;
        Ok(tasks.len())
    }
}

fn insert_agency(
    tx: &Transaction,
    plan_id: i64,
    code: &str,
    name: &str,
    kind: &str,
    pos: usize,
) -> Result<()> {
    tx.execute(
        "INSERT INTO agency (plan_id, code, name, kind, position) VALUES (?1, ?2, ?3, ?4, ?5)",
        (plan_id, code, name, kind, pos as i64),
    )?;
    Ok(())
}

fn insert_tasks(tx: &Transaction, plan_id: i64, tasks: &[TaskDef], first_pos: usize) -> Result<()> {
    let mut insert_task = tx.prepare(
        "INSERT INTO task (plan_id, code, section, content, lead_id, deadline, due_date,
             recurring, output, position)
         VALUES (?1, ?2, ?3, ?4, (SELECT id FROM agency WHERE plan_id = ?1 AND code = ?5),
             ?6, ?7, ?8, ?9, ?10)",
    )?;
    let mut insert_partner = tx.prepare(
        "INSERT OR IGNORE INTO task_partner (task_id, agency_id, position)
         SELECT ?1, id, ?4 FROM agency WHERE plan_id = ?2 AND code = ?3",
    )?;
    let mut insert_criterion = tx.prepare(
        "INSERT OR IGNORE INTO task_criterion (task_id, criterion_id)
         SELECT ?1, id FROM criterion WHERE plan_id = ?2 AND code = ?3",
    )?;
    for (i, t) in tasks.iter().enumerate() {
        let (due, recurring) = if t.deadline.is_empty() {
            (None, false)
        } else {
            let d = deadline::parse(&t.deadline)?;
            (d.due_date(), d.is_recurring())
        };
        insert_task.execute((
            plan_id,
            &t.code,
            &t.section,
            &t.content,
            &t.lead,
            &t.deadline,
            due,
            recurring,
            &t.output,
            (first_pos + i) as i64,
        ))?;
        let task_id = tx.last_insert_rowid();
        for (pos, p) in t.partners.iter().enumerate() {
            insert_partner.execute((task_id, plan_id, p, pos as i64))?;
        }
        for c in &t.criteria {
            insert_criterion.execute((task_id, plan_id, c))?;
        }
    }
    Ok(())
}
