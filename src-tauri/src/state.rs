//! The app's one state: the store opened once at start (or why it could not be),
//! and the folders the commands need. Registered once with `.manage()`.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use cchc::store::{location, Store};
use cchc::{Error, Result};

pub struct AppState {
    /// The open store, or the Vietnamese message of why it could not be opened
    /// (every command then answers with that message).
    store: std::result::Result<Mutex<Store>, String>,
    db_path: PathBuf,
    /// Where copies of evidence files are put for the system viewer.
    view_dir: PathBuf,
}

impl AppState {
    /// Opens the database at `db_path`, refusing a folder on a network share.
    pub fn open(db_path: PathBuf, view_dir: PathBuf) -> AppState {
        let folder = db_path.parent().unwrap_or(Path::new(".")).to_path_buf();
        let store = location::check_local_folder(&folder)
            .and_then(|()| Store::open(&db_path))
            .map(Mutex::new)
            .map_err(|e| e.to_string());
        AppState {
            store,
            db_path,
            view_dir,
        }
    }

    /// The state when not even the data folder is known.
    pub fn failed(message: String) -> AppState {
        AppState {
            store: Err(message),
            db_path: PathBuf::new(),
            view_dir: PathBuf::new(),
        }
    }

    pub fn db_path(&self) -> &Path {
        &self.db_path
    }

    pub fn view_dir(&self) -> &Path {
        &self.view_dir
    }

    /// The open store, locked for one command.
    pub fn store(&self) -> Result<MutexGuard<'_, Store>> {
        let store = self
            .store
            .as_ref()
            .map_err(|message| Error::Database(message.clone()))?;
        store.lock().map_err(|_| {
            Error::Database(
                "Một thao tác trước đã dừng giữa chừng; hãy đóng và mở lại ứng dụng.".into(),
            )
        })
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
}
