//! Who answers for what in a plan, read at once for checking many agencies
//! in a row (the collector checks every workbook of a month against it), and
//! the [`Stamp`] that tells whether the database changed since it was read.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicU64, Ordering};

use super::assignment::Assignment;
use super::{IndicatorRow, Store};
use crate::error::Result;

/// What the database looked like to one open store at one moment: two equal
/// stamps of the same store mean nothing was written in between, neither
/// through this store nor through any other connection to the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    /// Which opening of a store (a restored database is opened anew).
    store: u64,
    /// SQLite's `data_version`: changes when another connection commits.
    data_version: i64,
    /// Rows this connection has changed since it was opened.
    changes: u64,
}

/// The number of the next store opened in this process, for [`Stamp`].
static OPENED: AtomicU64 = AtomicU64::new(0);

/// A number no other store opened in this process has.
pub(super) fn next_store_number() -> u64 {
    OPENED.fetch_add(1, Ordering::Relaxed)
}

/// A plan's agencies, the tasks each answers for and the indicators each
/// reports, as `Store::tasks_in` and [`Store::agency_indicators`] give
/// them for one agency.
pub struct Duties {
    assignment: Assignment,
    /// The agencies (not groups) by code: id and name.
    agencies: HashMap<String, (i64, String)>,
    task_codes: HashMap<i64, String>,
    indicators: Vec<IndicatorRow>,
    /// Each indicator's reporters (agencies or groups, by id).
    reporters: HashMap<i64, Vec<i64>>,
}

impl Store {
    /// The store's [`Stamp`] now.
    ///
    /// # Errors
    /// [`crate::Error::Database`] when the database cannot be read.
    pub fn stamp(&self) -> Result<Stamp> {
        let data_version = self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?;
        Ok(Stamp {
            store: self.number,
            data_version,
            changes: self.conn.total_changes(),
        })
    }

    /// The [`Duties`] of plan `plan_id`.
    ///
    /// # Errors
    /// [`crate::Error::Database`] when the database cannot be read.
    pub fn duties(&self, plan_id: i64) -> Result<Duties> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, code, name, kind FROM agency WHERE plan_id = ?1")?;
        let mut agencies = HashMap::new();
        let mut rows = stmt.query([plan_id])?;
        while let Some(r) = rows.next()? {
            let kind: super::PartyKind = r.get(3)?;
            if !kind.is_group() {
                agencies.insert(r.get(1)?, (r.get(0)?, r.get(2)?));
            }
        }
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, code FROM task WHERE plan_id = ?1")?;
        let task_codes = stmt
            .query_map([plan_id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT ir.indicator_id, ir.agency_id FROM indicator_reporter ir
             JOIN indicator i ON i.id = ir.indicator_id WHERE i.plan_id = ?1",
        )?;
        let mut reporters: HashMap<i64, Vec<i64>> = HashMap::new();
        let mut rows = stmt.query([plan_id])?;
        while let Some(r) = rows.next()? {
            reporters.entry(r.get(0)?).or_default().push(r.get(1)?);
        }
        Ok(Duties {
            assignment: Assignment::load(self, plan_id)?,
            agencies,
            task_codes,
            indicators: self.indicators(plan_id)?,
            reporters,
        })
    }
}

impl Duties {
    /// The name of agency `code`; None when the plan has no such agency or
    /// it is a group.
    pub fn agency_name(&self, code: &str) -> Option<&str> {
        self.agencies.get(code).map(|(_, name)| name.as_str())
    }

    /// The codes of the tasks agency `code` answers for in month `period`
    /// (`YYYY-MM`): leading or co-operating, itself, through a group or as a
    /// successor; none for an agency the plan does not have.
    ///
    /// # Errors
    /// [`crate::Error::Invalid`] for a malformed period.
    pub fn task_codes(&self, code: &str, period: &str) -> Result<HashSet<&str>> {
        let Some((id, _)) = self.agencies.get(code) else {
            return Ok(HashSet::new());
        };
        let (month, end) = super::period(period)?;
        Ok(self
            .assignment
            .roles(*id, Some((month.as_str(), end)))
            .keys()
            .filter_map(|task| self.task_codes.get(task).map(String::as_str))
            .collect())
    }

    /// The indicators agency `code` reports (itself or through a group), in
    /// the plan's order; none for an agency the plan does not have.
    pub fn indicators(&self, code: &str) -> Vec<&IndicatorRow> {
        let Some((id, _)) = self.agencies.get(code) else {
            return Vec::new();
        };
        let parties = self.assignment.parties(*id);
        self.indicators
            .iter()
            .filter(|i| {
                self.reporters
                    .get(&i.id)
                    .is_some_and(|r| r.iter().any(|p| parties.contains(p)))
            })
            .collect()
    }
}
