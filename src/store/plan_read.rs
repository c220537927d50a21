//! Reading a stored plan: the list of plans, fields, criteria, agencies with the
//! groups they belong to, and tasks (all, or those one agency takes part in).

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use serde::Serialize;

use super::{Store, MEMBERS_CTE};
use crate::error::{Error, Result};
use crate::plan::{Agency, AgencyKind, Criterion, Field, Group, PlanData, PlanMeta, TaskDef};

/// A plan in the list of plans.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PlanSummary {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: i64,
    pub name: String,
    pub year: i32,
    pub current: bool,
}

/// An agency or group of a plan, with the codes of the groups that reach it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AgencyRow {
    pub code: String,
    pub name: String,
    /// An [`AgencyKind`] code, or "nhom" for a group.
    pub kind: String,
    pub groups: Vec<String>,
}

/// The role an agency has in a task.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    Lead,
    Partner,
}

impl Role {
    pub fn label(self) -> &'static str {
        match self {
            Role::Lead => "Chủ trì",
            Role::Partner => "Phối hợp",
        }
    }
}

/// A stored task, its agencies and criteria by code.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TaskRow {
    /// The row id in the store (not stable across databases).
    #[serde(skip)]
    pub id: i64,
    pub code: String,
    #[serde(skip)]
    pub section: String,
    pub content: String,
    pub criteria: Vec<String>,
    pub lead: String,
    pub partners: Vec<String>,
    pub deadline: String,
    pub due_date: Option<NaiveDate>,
    pub output: Option<String>,
    #[serde(skip)]
    pub recurring: bool,
    /// The asking agency's role, when the list was asked for one agency.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
}

impl Store {
    /// Every plan, the current one marked.
    pub fn plans(&self) -> Result<Vec<PlanSummary>> {
        let current: Option<i64> = self
            .conn
            .query_row(
                "SELECT value FROM setting WHERE key = 'current_plan'",
                [],
                |r| r.get::<_, String>(0),
            )
            .ok()
            .and_then(|s| s.parse().ok());
        let mut stmt = self
            .conn
            .prepare("SELECT id, name, year FROM plan ORDER BY id")?;
        let rows = stmt.query_map([], |r| {
            Ok(PlanSummary {
                id: r.get(0)?,
                name: r.get(1)?,
                year: r.get(2)?,
                current: false,
            })
        })?;
        let mut plans = rows.collect::<rusqlite::Result<Vec<_>>>()?;
        let current = current.filter(|c| plans.iter().any(|p| p.id == *c));
        let current = current.or_else(|| plans.last().map(|p| p.id));
        for p in &mut plans {
            p.current = Some(p.id) == current;
        }
        Ok(plans)
    }

    /// The plan's identification.
    pub fn plan_meta(&self, plan_id: i64) -> Result<PlanMeta> {
        self.conn
            .query_row(
                "SELECT reference, issued_on, name, year, province FROM plan WHERE id = ?1",
                [plan_id],
                |r| {
                    Ok(PlanMeta {
                        reference: r.get(0)?,
                        issued_on: r.get(1)?,
                        name: r.get(2)?,
                        year: r.get(3)?,
                        province: r.get(4)?,
                    })
                },
            )
            .map_err(|_| Error::NotFound {
                what: "kế hoạch",
                code: plan_id.to_string(),
            })
    }

    /// The fields of a plan, by code.
    pub fn fields(&self, plan_id: i64) -> Result<Vec<Field>> {
        let mut stmt = self.conn.prepare(
            "SELECT code, name, max_score, score_prev, points_lost FROM field
             WHERE plan_id = ?1 ORDER BY code",
        )?;
        let rows = stmt.query_map([plan_id], |r| {
            Ok(Field {
                code: r.get(0)?,
                name: r.get(1)?,
                max_score: r.get(2)?,
                score_prev: r.get(3)?,
                points_lost: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The criteria of a plan, in the plan's order.
    pub fn criteria(&self, plan_id: i64) -> Result<Vec<Criterion>> {
        let mut stmt = self.conn.prepare(
            "SELECT code, name, max_score, score_prev, points_lost, target, targets
             FROM criterion WHERE plan_id = ?1 ORDER BY position",
        )?;
        let rows = stmt.query_map([plan_id], |r| {
            Ok((
                Criterion {
                    code: r.get(0)?,
                    name: r.get(1)?,
                    max_score: r.get(2)?,
                    score_prev: r.get(3)?,
                    points_lost: r.get(4)?,
                    target: r.get(5)?,
                    targets: Vec::new(),
                },
                r.get::<_, String>(6)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (mut c, targets) = row?;
            c.targets = serde_json::from_str(&targets).map_err(|e| {
                Error::Database(format!("Chỉ tiêu của tiêu chí {} bị hỏng: {e}", c.code))
            })?;
            out.push(c);
        }
        Ok(out)
    }

    /// The agencies and groups of a plan, in the plan's order.
    pub fn agencies(&self, plan_id: i64) -> Result<Vec<AgencyRow>> {
        let mut stmt = self.conn.prepare(&format!(
            "{MEMBERS_CTE}
             SELECT a.code, a.name, a.kind,
                 (SELECT group_concat(g.code, char(31)) FROM
                     (SELECT g.code FROM reach JOIN agency g ON g.id = reach.party
                      WHERE reach.agency = a.id AND reach.party <> a.id ORDER BY g.position) g)
             FROM agency a WHERE a.plan_id = ?1 ORDER BY a.position"
        ))?;
        let rows = stmt.query_map([plan_id], |r| {
            let groups: Option<String> = r.get(3)?;
            Ok(AgencyRow {
                code: r.get(0)?,
                name: r.get(1)?,
                kind: r.get(2)?,
                groups: split_list(groups),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The tasks of a plan in the plan's order; with `agency`, only those it
    /// leads or co-operates on (directly or through a group), with its role.
    ///
    /// # Errors
    /// [`Error::NotFound`] for an unknown agency code.
    pub fn tasks(&self, plan_id: i64, agency: Option<&str>) -> Result<Vec<TaskRow>> {
        // The agency itself and every group that reaches it: a task is the
        // agency's when one of them leads it or co-operates on it.
        let parties: Option<HashSet<i64>> = match agency {
            Some(code) => {
                let id = self.agency_id(plan_id, code)?;
                let mut stmt = self.conn.prepare_cached(&format!(
                    "{MEMBERS_CTE} SELECT party FROM reach WHERE agency = ?1"
                ))?;
                let ids = stmt.query_map([id], |r| r.get(0))?;
                Some(ids.collect::<rusqlite::Result<_>>()?)
            }
            None => None,
        };
        let mut partners = self.codes_by_owner(
            "SELECT tp.task_id, a.id, a.code, tp.position FROM task_partner tp
             JOIN task t ON t.id = tp.task_id JOIN agency a ON a.id = tp.agency_id
             WHERE t.plan_id = ?1",
            plan_id,
        )?;
        let mut criteria = self.codes_by_owner(
            "SELECT tc.task_id, c.id, c.code, c.position FROM task_criterion tc
             JOIN task t ON t.id = tc.task_id JOIN criterion c ON c.id = tc.criterion_id
             WHERE t.plan_id = ?1",
            plan_id,
        )?;
        // Sorted here rather than by SQLite, whose sort copies every row's
        // text once more (it doubled these queries' time on a plan of 10,000
        // tasks).
        let mut stmt = self.conn.prepare_cached(
            "SELECT t.id, t.code, t.section, t.content, lead.id, lead.code, t.deadline,
                 t.due_date, t.output, t.recurring, t.position
             FROM task t JOIN agency lead ON lead.id = t.lead_id
             WHERE t.plan_id = ?1",
        )?;
        let mut rows = stmt.query([plan_id])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            let lead_id: i64 = r.get(4)?;
            let task_partners = partners.remove(&id).unwrap_or_default();
            let role = match &parties {
                None => None,
                Some(p) if p.contains(&lead_id) => Some(Role::Lead),
                Some(p) if task_partners.iter().any(|(a, _)| p.contains(a)) => Some(Role::Partner),
                Some(_) => continue,
            };
            let position: i64 = r.get(10)?;
            out.push((
                position,
                TaskRow {
                    id,
                    code: r.get(1)?,
                    section: r.get(2)?,
                    content: r.get(3)?,
                    lead: r.get(5)?,
                    deadline: r.get(6)?,
                    due_date: r.get(7)?,
                    output: r.get(8)?,
                    recurring: r.get(9)?,
                    partners: task_partners.into_iter().map(|(_, code)| code).collect(),
                    criteria: take_codes(&mut criteria, id),
                    role,
                },
            ));
        }
        out.sort_unstable_by_key(|(position, _)| *position);
        Ok(out.into_iter().map(|(_, task)| task).collect())
    }

    /// Rows of `(owner id, id, code, position)` gathered by owner (a task, an
    /// evidence record), each owner's `(id, code)` in the order of position;
    /// `param` is the query's one parameter.
    pub(super) fn codes_by_owner(
        &self,
        sql: &str,
        param: i64,
    ) -> Result<HashMap<i64, Vec<Linked>>> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        let mut rows = stmt.query([param])?;
        let mut by_owner: HashMap<i64, Vec<(i64, Linked)>> = HashMap::new();
        while let Some(r) = rows.next()? {
            by_owner
                .entry(r.get(0)?)
                .or_default()
                .push((r.get(3)?, (r.get(1)?, r.get(2)?)));
        }
        Ok(by_owner
            .into_iter()
            .map(|(owner, mut list)| {
                list.sort_unstable_by_key(|(position, _)| *position);
                (owner, list.into_iter().map(|(_, item)| item).collect())
            })
            .collect())
    }

    /// A stored plan as [`PlanData`], as it would be imported again.
    pub fn plan_data(&self, plan_id: i64) -> Result<PlanData> {
        let meta = self.plan_meta(plan_id)?;
        let rows = self.agencies(plan_id)?;
        let mut members: HashMap<String, Vec<String>> = HashMap::new();
        {
            let mut stmt = self.conn.prepare(
                "SELECT g.code, m.code FROM group_member gm
                 JOIN agency g ON g.id = gm.group_id JOIN agency m ON m.id = gm.member_id
                 WHERE g.plan_id = ?1 ORDER BY g.position, gm.position",
            )?;
            let pairs = stmt.query_map([plan_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
            for pair in pairs {
                let (g, m): (String, String) = pair?;
                members.entry(g).or_default().push(m);
            }
        }
        let mut agencies = Vec::new();
        let mut groups = Vec::new();
        for row in rows {
            match AgencyKind::parse(&row.kind) {
                Some(kind) => agencies.push(Agency {
                    code: row.code,
                    name: row.name,
                    kind,
                }),
                None => groups.push(Group {
                    members: members.remove(&row.code).unwrap_or_default(),
                    code: row.code,
                    name: row.name,
                }),
            }
        }
        let tasks = self
            .tasks(plan_id, None)?
            .into_iter()
            .map(|t| TaskDef {
                code: t.code,
                section: t.section,
                content: t.content,
                criteria: t.criteria,
                lead: t.lead,
                partners: t.partners,
                deadline: t.deadline,
                output: t.output,
            })
            .collect();
        Ok(PlanData {
            meta,
            fields: self.fields(plan_id)?,
            criteria: self.criteria(plan_id)?,
            agencies,
            groups,
            tasks,
            indicators: self.indicator_defs(plan_id)?,
        })
    }
}

/// The `(id, code)` of a row linked to a task or an evidence record.
type Linked = (i64, String);

/// Takes the codes linked to one owner out of the map `codes_by_owner` made.
pub(super) fn take_codes(links: &mut HashMap<i64, Vec<Linked>>, owner: i64) -> Vec<String> {
    let list = links.remove(&owner).unwrap_or_default();
    list.into_iter().map(|(_, code)| code).collect()
}

/// Splits a list joined with the unit separator (never typed by a person).
fn split_list(joined: Option<String>) -> Vec<String> {
    joined
        .map(|s| s.split('\u{1f}').map(str::to_string).collect())
        .unwrap_or_default()
}
