//! Writing a plan into the store: a whole new plan, or tasks added to one.

use chrono::{DateTime, Utc};
use rusqlite::Transaction;

use super::plan_read::PartyKind;
use super::Store;
use crate::error::{Error, Result};
use crate::plan::{resolve_deadline, PlanData, PlanMeta, ResolvedDeadline, Succession, TaskDef};

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
        let key = unique_key(&tx, m)?;
        tx.execute(
            "INSERT INTO plan (reference, name, year, province, issued_on, created_at, plan_key,
                 version)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            (
                &m.reference,
                &m.name,
                m.year,
                &m.province,
                m.issued_on,
                now.to_rfc3339(),
                key,
                m.version,
            ),
        )?;
        let plan_id = tx.last_insert_rowid();
        write_scores(&tx, plan_id, &plan)?;
        write_parties(&tx, plan_id, &plan, &[])?;
        insert_tasks(&tx, plan_id, &plan.tasks, 0)?;
        insert_successions(&tx, plan_id, &plan.successions)?;
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

/// The plan's key: the one it carries (a published plan), else made from its
/// province, year and name; a key another plan has is made unique with a number.
fn unique_key(tx: &Transaction, m: &PlanMeta) -> Result<String> {
    if !m.key.is_empty() {
        return Ok(m.key.clone());
    }
    let base = format!("{}|{}|{}", m.province, m.year, m.name);
    let mut key = base.clone();
    let mut n = 2;
    while tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM plan WHERE plan_key = ?1)",
        [&key],
        |r| r.get::<_, bool>(0),
    )? {
        key = format!("{base}|{n}");
        n += 1;
    }
    Ok(key)
}

/// Inserts a plan's successions (a plan just stored has no progress to hand over).
pub(super) fn insert_successions(
    tx: &Transaction,
    plan_id: i64,
    successions: &[Succession],
) -> Result<()> {
    let mut insert = tx.prepare_cached(
        "INSERT INTO succession (plan_id, predecessor_id, successor_id, since, task_id)
         SELECT ?1, p.id, s.id, ?4, (SELECT id FROM task WHERE plan_id = ?1 AND code = ?5)
         FROM agency p, agency s
         WHERE p.plan_id = ?1 AND p.code = ?2 AND s.plan_id = ?1 AND s.code = ?3",
    )?;
    for s in successions {
        insert.execute((plan_id, &s.predecessor, &s.successor, s.since, &s.task))?;
    }
    Ok(())
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

pub(super) fn insert_tasks(
    tx: &Transaction,
    plan_id: i64,
    tasks: &[TaskDef],
    first_pos: usize,
) -> Result<()> {
    let mut insert_task = tx.prepare(
        "INSERT INTO task (plan_id, code, section, content, lead_id, deadline, due_date,
             recurring, output, position)
         VALUES (?1, ?2, ?3, ?4, (SELECT id FROM agency WHERE plan_id = ?1 AND code = ?5),
             ?6, ?7, ?8, ?9, ?10)",
    )?;
    for (i, t) in tasks.iter().enumerate() {
        let ResolvedDeadline {
            due_date: due,
            recurring,
        } = resolve_deadline(&t.deadline)?;
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
        write_task_links(tx, plan_id, tx.last_insert_rowid(), t)?;
    }
    Ok(())
}

/// Writes a task's partners and criteria (its old ones deleted first).
pub(super) fn write_task_links(
    tx: &Transaction,
    plan_id: i64,
    task_id: i64,
    t: &TaskDef,
) -> Result<()> {
    tx.execute("DELETE FROM task_partner WHERE task_id = ?1", [task_id])?;
    tx.execute("DELETE FROM task_criterion WHERE task_id = ?1", [task_id])?;
    let mut insert_partner = tx.prepare_cached(
        "INSERT OR IGNORE INTO task_partner (task_id, agency_id, position)
         SELECT ?1, id, ?4 FROM agency WHERE plan_id = ?2 AND code = ?3",
    )?;
    let mut insert_criterion = tx.prepare_cached(
        "INSERT OR IGNORE INTO task_criterion (task_id, criterion_id)
         SELECT ?1, id FROM criterion WHERE plan_id = ?2 AND code = ?3",
    )?;
    for (pos, p) in t.partners.iter().enumerate() {
        insert_partner.execute((task_id, plan_id, p, pos as i64))?;
    }
    for c in &t.criteria {
        insert_criterion.execute((task_id, plan_id, c))?;
    }
    Ok(())
}

/// Fields replaced; criteria updated by code, new ones added, dropped ones
/// marked with a negative position (deleted later when nothing refers to them).
pub(super) fn write_scores(tx: &Transaction, plan_id: i64, plan: &PlanData) -> Result<()> {
    tx.execute("DELETE FROM field WHERE plan_id = ?1", [plan_id])?;
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
    tx.execute(
        "UPDATE criterion SET position = -1 - position WHERE plan_id = ?1",
        [plan_id],
    )?;
    for (pos, c) in plan.criteria.iter().enumerate() {
        let targets = serde_json::to_string(&c.targets)
            .map_err(|e| Error::Invalid(format!("Tiêu chí {}: {e}", c.code)))?;
        tx.execute(
            "INSERT INTO criterion (plan_id, code, name, field, max_score, score_prev,
                 points_lost, target, targets, position)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
             ON CONFLICT (plan_id, code) DO UPDATE SET name = excluded.name,
                 field = excluded.field, max_score = excluded.max_score,
                 score_prev = excluded.score_prev, points_lost = excluded.points_lost,
                 target = excluded.target, targets = excluded.targets,
                 position = excluded.position",
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
    Ok(())
}

/// Agencies and groups updated by code (new ones added, dropped ones
/// retired), and every group's members written again.
pub(super) fn write_parties(
    tx: &Transaction,
    plan_id: i64,
    plan: &PlanData,
    dropped: &[String],
) -> Result<()> {
    let parties = plan
        .agencies
        .iter()
        .map(|a| (&a.code, &a.name, a.kind.code()))
        .chain(
            plan.groups
                .iter()
                .map(|g| (&g.code, &g.name, PartyKind::GROUP_CODE)),
        );
    for (pos, (code, name, kind)) in parties.enumerate() {
        let updated = tx.execute(
            "UPDATE agency SET name = ?3, kind = ?4, position = ?5, retired = 0
             WHERE plan_id = ?1 AND code = ?2",
            (plan_id, code, name, kind, pos as i64),
        )?;
        if updated == 0 {
            insert_agency(tx, plan_id, code, name, kind, pos)?;
        }
    }
    for code in dropped {
        tx.execute(
            "UPDATE agency SET retired = 1 WHERE plan_id = ?1 AND code = ?2",
            (plan_id, code),
        )?;
    }
    tx.execute(
        "DELETE FROM group_member WHERE group_id IN (SELECT id FROM agency WHERE plan_id = ?1)",
        [plan_id],
    )?;
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
    Ok(())
}
