//! A run's check of each workbook against the plan: the agency must be one of
//! the plan's (not a group), every task row one of that agency's tasks in the
//! month, at most once, and every indicator row one it reports. What the plan
//! says ([`Duties`]) is read once per run and read again only when the
//! database was written between two batches of files by anything but the
//! run's own saves (the desktop app lets other commands use the store between
//! two batches).

use std::collections::HashSet;

use super::read::{AgencyWorkbook, Place};
use super::read_indicators;
use crate::error::Result;
use crate::report::layout::{task_col, SHEET_META, SHEET_TASKS};
use crate::store::{Duties, Stamp, Store};

/// The plan a run checks against, with the stamp of the database it was read from.
pub(super) struct PlanCheck {
    plan_id: i64,
    stamp: Stamp,
    duties: Duties,
}

impl PlanCheck {
    pub(super) fn load(store: &Store, plan_id: i64) -> Result<PlanCheck> {
        Ok(PlanCheck {
            plan_id,
            stamp: store.stamp()?,
            duties: store.duties(plan_id)?,
        })
    }

    /// The plan as the store has it now: read again when anything was written
    /// since it was read or since the run's last save.
    pub(super) fn current(&mut self, store: &Store) -> Result<&Duties> {
        if store.stamp()? != self.stamp {
            *self = PlanCheck::load(store, self.plan_id)?;
        }
        Ok(&self.duties)
    }

    /// After the run saved a workbook (which writes only collected reports,
    /// never the plan), the store's new stamp.
    pub(super) fn saved(&mut self, store: &Store) -> Result<()> {
        self.stamp = store.stamp()?;
        Ok(())
    }
}

/// Checks `book` against the plan; `Err` is the refusal.
pub(super) fn check_against_plan(
    duties: &Duties,
    book: &AgencyWorkbook,
    at: &Place,
) -> Result<std::result::Result<(), String>> {
    if duties.agency_name(&book.agency_code).is_none() {
        return Ok(Err(at.cell(
            SHEET_META,
            book.agency_code_row,
            1,
            &format!(
                "cơ quan mã \"{}\" ({}) không có trong kế hoạch đang dùng của đơn vị tổng hợp \
                 (hoặc là một nhóm cơ quan, không phải một cơ quan).",
                book.agency_code, book.agency_name
            ),
        )));
    }
    // The agency's tasks in the report's month (before or after a succession).
    let own = duties.task_codes(&book.agency_code, &book.period)?;
    let mut seen = HashSet::new();
    for t in &book.tasks {
        let col = u32::from(task_col::CODE);
        if !own.contains(t.code.as_str()) {
            return Ok(Err(at.cell(
                SHEET_TASKS,
                t.row,
                col,
                &format!(
                    "mã nhiệm vụ \"{}\" không phải một nhiệm vụ của {} trong kế hoạch.",
                    t.code, book.agency_code
                ),
            )));
        }
        if !seen.insert(t.code.as_str()) {
            return Ok(Err(at.cell(
                SHEET_TASKS,
                t.row,
                col,
                &format!("nhiệm vụ \"{}\" có hai dòng trong bảng.", t.code),
            )));
        }
    }
    Ok(read_indicators::check_against_plan(duties, book, at))
}
