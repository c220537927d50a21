//! Data safety in the app: the daily backup and the quick check at start,
//! backups and restore from Settings, and the full check of the data.

use std::path::Path;

use cchc::backup::{self, BackupInfo, RestoreInfo};
use cchc::verify::{self, VerifyReport};
use cchc::Result;
use chrono::{DateTime, Utc};
use serde::Serialize;
use tauri::State;

use crate::paths;
use crate::pending::Pending;
use crate::state::AppState;

/// A check of the data with what the officer should do about it.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct CheckReport {
    pub report: VerifyReport,
    /// What to do, in Vietnamese; None when nothing is wrong.
    pub advice: Option<String>,
}

impl From<VerifyReport> for CheckReport {
    fn from(report: VerifyReport) -> CheckReport {
        CheckReport {
            advice: report.advice(),
            report,
        }
    }
}

/// What the app found when it started.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct StartReport {
    /// Today's automatic backup, when this start made it.
    pub backup: Option<BackupInfo>,
    /// Why the automatic backup could not be made (full disk…), in Vietnamese.
    pub backup_problem: Option<String>,
    /// The quick check of the database and the evidence files.
    pub check: CheckReport,
    /// The database opened for reading only (its folder cannot be written).
    pub read_only: bool,
    /// What the last session had typed but could not save before it ended
    /// (each named for the officer), read once: empty when all was saved.
    pub unsaved: Vec<String>,
}

/// The daily automatic backup (skipped on a read-only folder, where it cannot
/// be written) and the quick check.
///
/// # Errors
/// As [`verify::quick_check`]: the database cannot be opened at all.
pub fn at_start(
    db: &Path,
    read_only: bool,
    unsaved: Vec<String>,
    now: DateTime<Utc>,
) -> Result<StartReport> {
    let (backup, backup_problem) = match read_only {
        true => (None, None),
        false => match backup::auto_backup(db, now) {
            Ok(made) => (made, None),
            Err(e) => (None, Some(e.to_string())),
        },
    };
    Ok(StartReport {
        backup,
        backup_problem,
        check: verify::quick_check(db)?.into(),
        read_only,
        unsaved,
    })
}

#[tauri::command(async)]
pub fn start_check(state: State<'_, AppState>, pending: State<'_, Pending>) -> Result<StartReport> {
    let read_only = state.store()?.is_read_only();
    at_start(
        state.db_path(),
        read_only,
        pending.take_last_session(),
        Utc::now(),
    )
}

/// Writes a backup of the data to `path` (a .zip file; a relative path inside
/// the default folder).
#[tauri::command(async)]
pub fn create_backup(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    path: String,
) -> Result<BackupInfo> {
    let path = paths::full_path(&path, &paths::default_folder(&app, state.db_path()));
    backup::create_backup(state.db_path(), &path, Utc::now())
}

/// Replaces the data with the backup at `path`, the store closed meanwhile.
#[tauri::command(async)]
pub fn restore_backup(state: State<'_, AppState>, path: String) -> Result<RestoreInfo> {
    state.with_store_closed(|db| backup::restore_backup(db, Path::new(&path), Utc::now()))
}

/// The full check: the database's integrity and every evidence file's hash.
#[tauri::command(async)]
pub fn verify_data(state: State<'_, AppState>) -> Result<CheckReport> {
    Ok(verify::verify(state.db_path())?.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        "2024-09-30T08:00:00Z".parse().expect("a time")
    }

    #[test]
    fn the_first_start_of_a_day_backs_up_and_the_second_does_not() {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("cchc.sqlite3");
        let state = AppState::open(db.clone(), dir.path().join("view"));
        drop(state.store().expect("the store opened"));
        let first = at_start(&db, false, Vec::new(), now()).expect("checked");
        let made = first.backup.expect("the day's first start makes a backup");
        assert!(
            made.path.starts_with(backup::backups_dir(&db)),
            "into backups/"
        );
        assert!(
            first.check.report.is_ok() && first.check.advice.is_none(),
            "a new database is sound"
        );
        let second = at_start(&db, false, Vec::new(), now()).expect("checked");
        assert!(
            second.backup.is_none(),
            "at most one automatic backup a day"
        );
        let read_only =
            at_start(&db, true, Vec::new(), now() + chrono::Duration::days(1)).expect("checked");
        assert!(
            read_only.backup.is_none() && read_only.backup_problem.is_none(),
            "no backup is tried where none can be written"
        );
    }

    #[test]
    fn a_lost_evidence_file_is_named_at_start_with_what_to_do() {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("cchc.sqlite3");
        let state = AppState::open(db.clone(), dir.path().join("view"));
        let attached = dir.path().join("Tờ trình.pdf");
        std::fs::write(&attached, b"%PDF-1.4 test").expect("write");
        let form = cchc::forms::EvidenceForm {
            number: "1494/TTr-SNV".into(),
            date: "28/08/2024".into(),
            issuer: "Sở Nội vụ".into(),
            summary: "Tờ trình".into(),
            location: String::new(),
            tasks: vec!["IV.3.1".into()],
            criteria: vec![],
            file: Some(attached.display().to_string()),
        };
        {
            let mut store = state.store().expect("the store opened");
            let plan = store.current_plan().expect("plan");
            let input = form.to_input("SNV").expect("a valid form");
            store
                .add_evidence(plan, &input, now())
                .expect("evidence added");
        }
        for entry in std::fs::read_dir(dir.path().join("evidence")).expect("evidence folder") {
            std::fs::remove_file(entry.expect("entry").path()).expect("remove");
        }
        let report = at_start(&db, false, Vec::new(), now()).expect("checked");
        let missing = &report.check.report.missing_files;
        assert_eq!(missing.len(), 1, "{:?}", report.check.report);
        assert_eq!(
            missing[0].file_name, "Tờ trình.pdf",
            "named as the officer knows it"
        );
        assert!(
            report
                .check
                .advice
                .expect("advice")
                .contains("đính kèm lại"),
            "says what to do"
        );
    }
}
