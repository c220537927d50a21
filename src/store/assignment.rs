//! Who answers for which task in a given month: an agency's own tasks (it
//! leads or co-operates, itself or through a group), minus those handed to a
//! successor by then, plus those it inherited from predecessors (through any
//! chain of successions), minus tasks retired by a newer version of the plan.
//! Read once per plan and worked out in memory.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use rusqlite::Connection;

use super::plan_read::Role;
use super::{Store, MEMBERS_CTE};
use crate::error::Result;

/// A month: its `YYYY-MM` and its last day.
pub(crate) type Month<'a> = (&'a str, NaiveDate);

struct TaskParties {
    id: i64,
    lead: i64,
    partners: Vec<i64>,
    retired_from: Option<String>,
}

struct Handover {
    predecessor: i64,
    successor: i64,
    since: NaiveDate,
    task: Option<i64>,
}

/// The plan's tasks, parties and successions, read once.
pub(crate) struct Assignment {
    /// Each agency's parties: itself and every group that reaches it.
    reach: HashMap<i64, HashSet<i64>>,
    tasks: Vec<TaskParties>,
    handovers: Vec<Handover>,
    /// Agencies (not groups) in the plan's order.
    agencies: Vec<i64>,
}

impl Assignment {
    pub(crate) fn load(store: &Store, plan_id: i64) -> Result<Assignment> {
        Assignment::read(&store.conn, plan_id)
    }

    /// As [`Assignment::load`], on a connection or an open transaction.
    pub(crate) fn read(conn: &Connection, plan_id: i64) -> Result<Assignment> {
        let mut reach: HashMap<i64, HashSet<i64>> = HashMap::new();
        let mut stmt = conn.prepare_cached(&format!(
            "{MEMBERS_CTE} SELECT reach.agency, reach.party FROM reach
             JOIN agency a ON a.id = reach.agency WHERE a.plan_id = ?1"
        ))?;
        let mut rows = stmt.query([plan_id])?;
        while let Some(r) = rows.next()? {
            reach.entry(r.get(0)?).or_default().insert(r.get(1)?);
        }
        let mut partners: HashMap<i64, Vec<i64>> = HashMap::new();
        let mut stmt = conn.prepare_cached(
            "SELECT tp.task_id, tp.agency_id FROM task_partner tp
             JOIN task t ON t.id = tp.task_id WHERE t.plan_id = ?1",
        )?;
        let mut rows = stmt.query([plan_id])?;
        while let Some(r) = rows.next()? {
            partners.entry(r.get(0)?).or_default().push(r.get(1)?);
        }
        let mut stmt =
            conn.prepare_cached("SELECT id, lead_id, retired_from FROM task WHERE plan_id = ?1")?;
        let tasks = stmt
            .query_map([plan_id], |r| {
                let id: i64 = r.get(0)?;
                Ok(TaskParties {
                    id,
                    lead: r.get(1)?,
                    partners: partners.remove(&id).unwrap_or_default(),
                    retired_from: r.get(2)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut stmt = conn.prepare_cached(
            "SELECT predecessor_id, successor_id, since, task_id FROM succession
             WHERE plan_id = ?1 ORDER BY id",
        )?;
        let handovers = stmt
            .query_map([plan_id], |r| {
                Ok(Handover {
                    predecessor: r.get(0)?,
                    successor: r.get(1)?,
                    since: r.get(2)?,
                    task: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut stmt = conn.prepare_cached(
            "SELECT id FROM agency WHERE plan_id = ?1 AND kind <> 'nhom' ORDER BY position",
        )?;
        let agencies = stmt
            .query_map([plan_id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(Assignment {
            reach,
            tasks,
            handovers,
            agencies,
        })
    }

    /// The parties whose tasks are `agency`'s: itself and every group that
    /// reaches it.
    pub(crate) fn parties(&self, agency: i64) -> HashSet<i64> {
        self.reach
            .get(&agency)
            .cloned()
            .unwrap_or_else(|| HashSet::from([agency]))
    }

    /// The tasks agency `agency` answers for in `month` (`None`: the plan as it
    /// stands, every succession in force), with its role in each.
    pub(crate) fn roles(&self, agency: i64, month: Option<Month>) -> HashMap<i64, Role> {
        let active: Vec<&Handover> = self
            .handovers
            .iter()
            .filter(|h| month.is_none_or(|(_, end)| h.since <= end))
            .collect();
        let mut held = self.gross(agency, month, &active, &mut HashSet::from([agency]));
        held.retain(|task, _| !handed(&active, agency, *task));
        held
    }

    /// The agencies (not groups) that answer for at least one task in `month`,
    /// in the plan's order, with their task counts.
    pub(crate) fn reporting(&self, month: Option<Month>) -> Vec<(i64, usize)> {
        self.agencies
            .iter()
            .map(|&a| (a, self.roles(a, month).len()))
            .filter(|(_, n)| *n > 0)
            .collect()
    }

    /// An agency's own tasks and everything it inherited, before anything it
    /// handed over is taken out.
    fn gross(
        &self,
        agency: i64,
        month: Option<Month>,
        active: &[&Handover],
        seen: &mut HashSet<i64>,
    ) -> HashMap<i64, Role> {
        let empty = HashSet::new();
        let parties = self.reach.get(&agency).unwrap_or(&empty);
        let mut out = HashMap::new();
        for t in &self.tasks {
            if is_retired(t, month) {
                continue;
            }
            if parties.contains(&t.lead) {
                out.insert(t.id, Role::Lead);
            } else if t.partners.iter().any(|p| parties.contains(p)) {
                out.insert(t.id, Role::Partner);
            }
        }
        for h in active.iter().filter(|h| parties.contains(&h.successor)) {
            if !seen.insert(h.predecessor) {
                continue;
            }
            let from = self.gross(h.predecessor, month, active, seen);
            seen.remove(&h.predecessor);
            for (task, role) in from {
                if covers(active, h, task) {
                    let kept = out.entry(task).or_insert(role);
                    if role == Role::Lead {
                        *kept = Role::Lead;
                    }
                }
            }
        }
        out
    }
}

fn is_retired(t: &TaskParties, month: Option<Month>) -> bool {
    match (&t.retired_from, month) {
        (None, _) => false,
        (Some(_), None) => true,
        (Some(from), Some((period, _))) => from.as_str() <= period,
    }
}

/// Whether handover `h` passes `task` on: it names the task, or it hands over
/// every task of its predecessor not named by another handover.
fn covers(active: &[&Handover], h: &Handover, task: i64) -> bool {
    match h.task {
        Some(t) => t == task,
        None => !active
            .iter()
            .any(|o| o.predecessor == h.predecessor && o.task == Some(task)),
    }
}

/// Whether `agency` has handed `task` over by now.
fn handed(active: &[&Handover], agency: i64, task: i64) -> bool {
    active
        .iter()
        .any(|h| h.predecessor == agency && covers(active, h, task))
}
