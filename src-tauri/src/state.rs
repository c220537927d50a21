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
