//! The SQLite store: one file per officer (or per collecting office) holding
//! plans, agencies, tasks, monthly progress and evidence.
//!
//! Contract: every write runs in one transaction; foreign keys are enforced; the
//! schema changes only through [`crate::db::migrate`]. A new database gets the built-in plan
//! as its current plan. Evidence files live beside the database under
//! `evidence/`, named by their SHA-256.

mod assignment;
mod batch;
mod collected;
mod collected_indicators;
mod collected_obligation;
mod dashboard;
mod duties;
mod evidence;
mod evidence_edit;
mod holiday_notice;
mod indicators;
pub mod location;
mod obligation;
mod obligation_read;
mod plan_cycle;
mod plan_read;
mod plan_update;
mod plan_write;
mod progress;
mod settings;
mod succession;

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension};

pub use batch::LogCheckpoint;
pub use collected::{
    CollectedReport, CollectedTask, IncomingReport, JustSaved, OverdueRow, ReportingAgency, Saved,
};
pub use collected_indicators::{CollectedFigure, IndicatorLine};
pub use collected_obligation::{CollectedObligation, ObligationLine};
pub use dashboard::{CriterionProgress, Dashboard, FieldProgress, StatusCount, TaskBrief};
pub use duties::{Duties, Stamp};
pub use evidence::{EvidenceInput, EvidenceRow};
pub use holiday_notice::{built_in_holidays, HolidayNotice};
pub use indicators::{Figure, IndicatorForm, IndicatorRow, MeasuredLine};
pub use obligation::{ObligationInput, SettleInput};
pub use obligation_read::ObligationRow;
pub use plan_cycle::CarryOver;
pub use plan_read::{AgencyRow, PartyKind, PlanSummary, TaskRow};
pub use progress::{period, ProgressInput, ProgressRow, StatusCounts, StatusReport, TaskStatus};
pub use settings::Profile;
pub use succession::SuccessionInput;

use crate::db;
use crate::error::{Error, Result};
use crate::plan;

/// An open database file.
pub struct Store {
    conn: Connection,
    dir: PathBuf,
    /// Why every save fails, when the database was opened for reading only
    /// for a reason SQLite would not tell on the save itself (a full disk).
    read_only_reason: Option<&'static str>,
    /// Which opening of a store this is, for [`Stamp`].
    number: u64,
}

impl Store {
    /// Opens (or creates) the database at `path` and upgrades its schema
    /// ([`db::open`]; `before_upgrade(version)` runs first when a database with
    /// data needs an upgrade: the layer above backs it up there, see
    /// [`crate::open::open_store`]), and loads the built-in plan, dated `now`,
    /// into a new one. A database in a read-only folder opens for reading; saves
    /// then fail with [`Error::Database`].
    ///
    /// # Errors
    /// As [`db::open`]: [`Error::Database`] when the file is not a cchc database,
    /// was written by a newer version, or cannot be opened; [`Error::File`] when
    /// its folder cannot be made; whatever `before_upgrade` returns (then nothing
    /// is upgraded).
    pub fn open(
        path: &Path,
        now: DateTime<Utc>,
        before_upgrade: impl FnOnce(u32) -> Result<()>,
    ) -> Result<Store> {
        let (conn, read_only_reason) = db::open(path, before_upgrade)?;
        let mut store = Store {
            conn,
            dir: db::folder(path),
            read_only_reason,
            number: duties::next_store_number(),
        };
        if store.plans()?.is_empty() {
            let built_in = plan::built_in()?;
            let id = store.insert_plan(&built_in, now)?;
            store.use_plan(id)?;
        }
        if !store.is_read_only() {
            store.add_built_in_indicators()?;
        }
        Ok(store)
    }

    /// A second, read-only connection to the same database, so that two
    /// independent reads can run on two threads (a large month's report).
    ///
    /// # Errors
    /// [`Error::Database`] when the file cannot be opened again.
    pub fn reader(&self) -> Result<Store> {
        let path = self
            .conn
            .path()
            .filter(|p| !p.is_empty())
            .map(PathBuf::from)
            .ok_or_else(|| Error::Database("Cơ sở dữ liệu không nằm trong một tệp.".into()))?;
        Ok(Store {
            conn: db::open_for_reading(&path)?,
            dir: self.dir.clone(),
            read_only_reason: self.read_only_reason,
            number: duties::next_store_number(),
        })
    }

    /// The folder that holds the database and the evidence files.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Whether the database was opened for reading only (its folder cannot be
    /// written): the data can be read, every save fails with a message.
    pub fn is_read_only(&self) -> bool {
        self.conn.is_readonly(rusqlite::MAIN_DB).unwrap_or(true)
    }

    /// Refuses a save at once with the reason when the database was opened
    /// for reading only because the disk is full.
    fn writable(&self) -> Result<()> {
        match self.read_only_reason {
            Some(reason) => Err(Error::Database(reason.into())),
            None => Ok(()),
        }
    }

    /// Starts the one transaction of a save ([`Store::writable`] first).
    fn begin(&mut self) -> Result<rusqlite::Transaction<'_>> {
        self.writable()?;
        Ok(self.conn.transaction()?)
    }

    /// Starts a save that is all-or-nothing on its own and may be one of
    /// several in a transaction of [`Store::in_one_transaction`]: a savepoint
    /// (outside a transaction, it is one); refused as [`Store::begin`] is.
    fn begin_part(&mut self) -> Result<rusqlite::Savepoint<'_>> {
        self.writable()?;
        Ok(self.conn.savepoint()?)
    }

    /// The id of the plan the other calls answer for.
    ///
    /// # Errors
    /// [`Error::Database`] when the database has no plan.
    pub fn current_plan(&self) -> Result<i64> {
        let stored: Option<String> = self
            .conn
            .query_row(
                "SELECT value FROM setting WHERE key = 'current_plan'",
                [],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(id) = stored.and_then(|s| s.parse::<i64>().ok()) {
            if self.plan_exists(id)? {
                return Ok(id);
            }
        }
        self.conn
            .query_row("SELECT max(id) FROM plan", [], |r| {
                r.get::<_, Option<i64>>(0)
            })?
            .ok_or_else(|| Error::Database("Cơ sở dữ liệu chưa có kế hoạch nào.".into()))
    }

    /// Makes plan `id` the current one.
    ///
    /// # Errors
    /// [`Error::NotFound`] when there is no such plan.
    pub fn use_plan(&mut self, id: i64) -> Result<()> {
        if !self.plan_exists(id)? {
            return Err(Error::NotFound {
                what: "kế hoạch",
                code: id.to_string(),
            });
        }
        self.set_setting("current_plan", &id.to_string())
    }

    fn plan_exists(&self, id: i64) -> Result<bool> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM plan WHERE id = ?1", [id], |r| {
                r.get::<_, i64>(0)
            })?
            > 0)
    }

    /// The id of an agency or group of a plan by its code.
    fn agency_id(&self, plan_id: i64, code: &str) -> Result<i64> {
        self.id_by_code("agency", "cơ quan", plan_id, code)
    }

    /// The id of a task of a plan by its code.
    fn task_id(&self, plan_id: i64, code: &str) -> Result<i64> {
        self.id_by_code("task", "nhiệm vụ", plan_id, code)
    }

    /// Whether a task is an agency's in `month` (`None`: as the plan stands):
    /// it leads it or co-operates on it, itself, through a group it belongs
    /// to, or as the successor of an agency that did.
    fn is_agency_task(
        &self,
        plan_id: i64,
        task_id: i64,
        agency_id: i64,
        month: Option<assignment::Month>,
    ) -> Result<bool> {
        let successions: bool = self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM succession WHERE plan_id = ?1)",
            [plan_id],
            |r| r.get(0),
        )?;
        if successions {
            return Ok(assignment::Assignment::load(self, plan_id)?
                .roles(agency_id, month)
                .contains_key(&task_id));
        }
        // Without successions the task's own parties decide (one query, not
        // the whole plan: a save must stay quick on a plan of 10,000 tasks).
        let after = month.map_or("9999-99", |(period, _)| period);
        Ok(self
            .conn
            .prepare_cached(&format!(
                "{MEMBERS_CTE}
             SELECT (EXISTS (SELECT 1 FROM task t JOIN reach ON reach.party = t.lead_id
                     WHERE t.id = ?1 AND reach.agency = ?2)
                 OR EXISTS (SELECT 1 FROM task_partner tp JOIN reach ON reach.party = tp.agency_id
                     WHERE tp.task_id = ?1 AND reach.agency = ?2))
                 AND EXISTS (SELECT 1 FROM task WHERE id = ?1
                     AND (retired_from IS NULL OR retired_from > ?3))"
            ))?
            .query_row((task_id, agency_id, after), |r| r.get(0))?)
    }

    /// The id of a criterion of a plan by its code.
    fn criterion_id(&self, plan_id: i64, code: &str) -> Result<i64> {
        self.id_by_code("criterion", "tiêu chí", plan_id, code)
    }

    /// The id of the row of `table` (a fixed table name, never user input) with
    /// this code in the plan; `what` names it in the error.
    fn id_by_code(&self, table: &str, what: &'static str, plan_id: i64, code: &str) -> Result<i64> {
        let code = code.trim();
        self.conn
            .query_row(
                &format!("SELECT id FROM {table} WHERE plan_id = ?1 AND code = ?2"),
                (plan_id, code),
                |r| r.get(0),
            )
            .optional()?
            .ok_or_else(|| Error::NotFound {
                what,
                code: code.to_string(),
            })
    }
}

/// The ids of the agencies a party reaches: itself when it is an agency, its
/// members (through nested groups) when it is a group.
const MEMBERS_CTE: &str = "WITH RECURSIVE reach(party, agency) AS (
        SELECT id, id FROM agency
        UNION
        SELECT reach.party, gm.member_id FROM reach JOIN group_member gm ON gm.group_id = reach.agency
    )";
