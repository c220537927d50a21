//! The app's one state: the store opened at start (or why it could not be),
//! which a restore closes and opens again, the last collection run of each
//! month, and the folders the commands need. Registered once with `.manage()`.
//! A collection reaches the store through [`StoreAccess`], locking it for one
//! file at a time.

use std::collections::HashMap;
use std::ops::{Deref, DerefMut};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use cchc::collect::{Outcome, StoreAccess};
use cchc::store::{location, Store};
use cchc::{Error, Result};

/// The store, or why it could not be opened (every command then answers with
/// that error, of its own kind: a network-share folder is not a database error).
type Slot = std::result::Result<Store, Error>;

pub struct AppState {
    /// Behind one lock so that a restore can close the store and open it again
    /// while no command uses it.
    store: Mutex<Slot>,
    db_path: PathBuf,
    /// Where copies of evidence files are put for the system viewer.
    view_dir: PathBuf,
    /// The files of the last collection run per month (`YYYY-MM`), so that the
    /// consolidated workbook names this run's refusals as `cchc collect` does.
    runs: Mutex<HashMap<String, Vec<Outcome>>>,
}

/// The open store, locked for one command.
pub struct StoreGuard<'a>(MutexGuard<'a, Slot>);

impl Deref for StoreGuard<'_> {
    type Target = Store;
    fn deref(&self) -> &Store {
        match &*self.0 {
            Ok(store) => store,
            // A guard is only made over an open store (see `AppState::store`).
            Err(_) => unreachable!("a StoreGuard holds an open store"),
        }
    }
}

impl DerefMut for StoreGuard<'_> {
    fn deref_mut(&mut self) -> &mut Store {
        match &mut *self.0 {
            Ok(store) => store,
            Err(_) => unreachable!("a StoreGuard holds an open store"),
        }
    }
}

const STOPPED: &str = "Một thao tác trước đã dừng giữa chừng; hãy đóng và mở lại ứng dụng.";

impl AppState {
    /// Opens the database at `db_path`, refusing a folder on a network share.
    pub fn open(db_path: PathBuf, view_dir: PathBuf) -> AppState {
        AppState {
            store: Mutex::new(open_store(&db_path)),
            db_path,
            view_dir,
            runs: Mutex::default(),
        }
    }

    /// The state when not even the data folder is known.
    pub fn failed(error: Error) -> AppState {
        AppState {
            store: Mutex::new(Err(error)),
            db_path: PathBuf::new(),
            view_dir: PathBuf::new(),
            runs: Mutex::default(),
        }
    }

    pub fn db_path(&self) -> &Path {
        &self.db_path
    }

    pub fn view_dir(&self) -> &Path {
        &self.view_dir
    }

    /// The log folder beside the database; None when no data folder is known.
    pub fn logs_dir(&self) -> Option<PathBuf> {
        (!self.db_path.as_os_str().is_empty()).then(|| crate::log::logs_dir(&self.db_path))
    }

    /// The open store, locked for one command.
    pub fn store(&self) -> Result<StoreGuard<'_>> {
        let slot = self
            .store
            .lock()
            .map_err(|_| Error::Database(STOPPED.into()))?;
        if let Err(error) = &*slot {
            return Err(error.clone());
        }
        Ok(StoreGuard(slot))
    }

    /// Runs `f` on the database file with the store closed (a restore), then
    /// opens the store again, whatever `f` returned. No command can use the
    /// store meanwhile: they wait for the lock.
    pub fn with_store_closed<T>(&self, f: impl FnOnce(&Path) -> Result<T>) -> Result<T> {
        let mut slot = self
            .store
            .lock()
            .map_err(|_| Error::Database(STOPPED.into()))?;
        // Dropping the store closes its connection before `f` touches the file.
        *slot = Err(Error::Database(
            "Đang khôi phục dữ liệu, hãy chờ một chút.".into(),
        ));
        let result = f(&self.db_path);
        *slot = open_store(&self.db_path);
        result
    }

    /// The store with the current plan and the officer's agency.
    ///
    /// # Errors
    /// [`Error::Invalid`] when no agency has been chosen yet.
    pub fn with_agency<T>(&self, f: impl FnOnce(&mut Store, i64, &str) -> Result<T>) -> Result<T> {
        let mut store = self.store()?;
        let plan = store.current_plan()?;
        let agency = store.profile(plan)?.agency.ok_or_else(|| {
            Error::Invalid("Chưa chọn cơ quan: vào Cài đặt để chọn cơ quan của bạn.".into())
        })?;
        f(&mut store, plan, &agency)
    }

    /// Keeps the outcomes of a collection run of `period` (`YYYY-MM`).
    pub fn remember_run(&self, period: &str, outcomes: Vec<Outcome>) {
        if let Ok(mut runs) = self.runs.lock() {
            runs.insert(period.to_string(), outcomes);
        }
    }

    /// The outcomes of the last collection run of `period` in this session.
    pub fn last_run(&self, period: &str) -> Vec<Outcome> {
        self.runs
            .lock()
            .ok()
            .and_then(|runs| runs.get(period).cloned())
            .unwrap_or_default()
    }
}

/// A collection locks the store for one batch of files at a time, so the
/// other commands run between two batches.
impl StoreAccess for &AppState {
    fn with_store<T>(&mut self, f: impl FnOnce(&mut Store) -> Result<T>) -> Result<T> {
        let mut store = self.store()?;
        f(&mut store)
    }
}

fn open_store(db_path: &Path) -> Slot {
    let folder = db_path.parent().unwrap_or(Path::new("."));
    let opened = location::check_local_folder(folder)
        .and_then(|()| cchc::open::open_store(db_path, chrono::Utc::now()));
    if let Err(e) = &opened {
        tracing::error!(error = %e.log_text(), "the store did not open");
    }
    opened
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_state() -> (tempfile::TempDir, AppState) {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("data").join("cchc.sqlite3");
        let state = AppState::open(db, dir.path().join("view"));
        (dir, state)
    }

    #[test]
    fn before_the_first_run_agency_commands_ask_for_an_agency_in_vietnamese() {
        let (_dir, state) = temp_state();
        let err = state
            .with_agency(|_, _, _| Ok(()))
            .expect_err("no agency chosen yet");
        assert_eq!(err.kind(), cchc::error::ErrorKind::Invalid);
        assert!(err.to_string().contains("Chưa chọn cơ quan"), "{err}");
    }

    #[test]
    fn after_choosing_an_agency_commands_get_it_with_the_current_plan() {
        let (_dir, state) = temp_state();
        {
            let mut store = state.store().expect("the store opened");
            let plan = store.current_plan().expect("built-in plan");
            store
                .set_profile(plan, "SNV", "Nguyễn Văn An")
                .expect("saved");
        }
        let agency = state
            .with_agency(|_, _, agency| Ok(agency.to_string()))
            .expect("an agency is chosen");
        assert_eq!(agency, "SNV");
    }

    #[test]
    fn a_store_that_cannot_open_answers_every_command_with_the_reason() {
        let dir = tempfile::tempdir().expect("temp dir");
        let not_a_db = dir.path().join("cchc.sqlite3");
        std::fs::write(&not_a_db, b"this is not SQLite").expect("write");
        let state = AppState::open(not_a_db, dir.path().join("view"));
        let err = state.store().err().expect("the file is not a database");
        assert_eq!(err.kind(), cchc::error::ErrorKind::Database);
        assert!(!err.to_string().is_empty(), "a message the window can show");
    }

    #[test]
    fn a_data_folder_on_a_network_share_reaches_every_command_as_its_own_kind() {
        let dir = tempfile::tempdir().expect("temp dir");
        let share = PathBuf::from("//may-chu/chia-se/cchc/cchc.sqlite3");
        let state = AppState::open(share, dir.path().join("view"));
        for _ in 0..2 {
            let err = state.store().err().expect("a share is refused");
            assert_eq!(err.kind(), cchc::error::ErrorKind::NetworkFolder);
            assert!(err.to_string().contains("ổ mạng"), "{err}");
        }
    }

    #[test]
    fn a_collection_leaves_the_store_unlocked_between_two_batches() {
        let (dir, state) = temp_state();
        let book = {
            let store = state.store().expect("open");
            let plan = store.current_plan().expect("plan");
            let month =
                cchc::report::MonthReport::gather(&store, plan, "SNV", "2024-09").expect("month");
            let path = dir.path().join("BC-CCHC-SNV-2024-09.xlsx");
            let opts = cchc::report::ExportOptions {
                signer: None,
                now: chrono::Utc::now().fixed_offset(),
            };
            cchc::report::write_month_report(&month, &opts, &path).expect("written");
            path
        };
        let plan = state.store().expect("open").current_plan().expect("plan");
        let files = vec![book.clone(), book.clone(), book];
        let mut free = Vec::new();
        let outcomes = cchc::collect::collect_files(
            &mut &state,
            plan,
            "2024-09",
            &files,
            chrono::Utc::now(),
            |_, _| free.push(state.store.try_lock().is_ok()),
            None,
        )
        .expect("collected");
        assert!(outcomes.iter().all(|o| !o.is_rejected()), "{outcomes:?}");
        assert_eq!(
            free, [true; 4],
            "another command could take the store at each step"
        );
    }

    #[test]
    fn a_restore_closes_the_store_swaps_the_data_and_opens_it_again() {
        let (dir, state) = temp_state();
        let signer = |state: &AppState| {
            let store = state.store().expect("the store is open");
            store
                .profile(store.current_plan().expect("plan"))
                .expect("profile")
                .signer
        };
        let set = |state: &AppState, name: &str| {
            let mut store = state.store().expect("the store is open");
            let plan = store.current_plan().expect("plan");
            store.set_profile(plan, "SNV", name).expect("saved");
        };
        set(&state, "Bản trước");
        let archive = dir.path().join("sao-luu.zip");
        cchc::backup::create_backup(state.db_path(), &archive, chrono::Utc::now())
            .expect("backed up while open");
        set(&state, "Bản sau");
        state
            .with_store_closed(|db| cchc::backup::restore_backup(db, &archive, chrono::Utc::now()))
            .expect("restored: the store's own connection did not block it");
        assert_eq!(
            signer(&state),
            "Bản trước",
            "the store reopened on the restored data"
        );
        let bad = dir.path().join("khong-phai.zip");
        std::fs::write(&bad, b"not a zip").expect("write");
        let err = state
            .with_store_closed(|db| cchc::backup::restore_backup(db, &bad, chrono::Utc::now()))
            .expect_err("a damaged archive is refused");
        assert_eq!(err.kind(), cchc::error::ErrorKind::BadBackup);
        assert_eq!(
            signer(&state),
            "Bản trước",
            "after a refusal the store is open again, unchanged"
        );
    }

    #[test]
    fn while_another_copy_holds_the_lock_a_save_fails_with_a_message_and_reading_goes_on() {
        let (_dir, state) = temp_state();
        let plan = state.store().expect("open").current_plan().expect("plan");
        let other = rusqlite::Connection::open(state.db_path()).expect("another copy of the app");
        other
            .execute_batch("BEGIN IMMEDIATE; DELETE FROM setting WHERE key = 'nothing';")
            .expect("the other copy starts writing");
        let err = state
            .store()
            .expect("open")
            .set_profile(plan, "SNV", "Nguyễn Văn An")
            .expect_err("the lock is held past the busy timeout");
        assert!(
            err.to_string().contains("khóa"),
            "the officer reads why: {err}"
        );
        let read = state.store().expect("open").profile(plan);
        assert!(read.is_ok(), "reading goes on: {read:?}");
    }
}
