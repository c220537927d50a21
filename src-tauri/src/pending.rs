//! What the officer has typed that the page has not saved yet. The page tells
//! the shell at every change (`stash_pending`), so that when the system ends
//! the app (SIGTERM on Linux, sign-out or shut-down on Windows) the shell can
//! save it itself, without the page. The names of what is unsaved are also
//! kept in a small file beside the database, so that the next start can say
//! what may have been lost when even that was not possible (power cut, kill).

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use cchc::forms::ProgressForm;
use serde::Deserialize;

use crate::state::AppState;

/// The marker file's name, in the data folder.
const MARKER: &str = "chua-luu.json";

/// One thing typed and not saved yet: its name for the officer and its form.
#[derive(Debug, Clone, PartialEq, Deserialize, ts_rs::TS)]
pub struct PendingWork {
    /// "Tiến độ nhiệm vụ IV.3.1 tháng 08/2024".
    pub label: String,
    pub form: ProgressForm,
}

/// The page's latest list of unsaved work, and whether it has finished
/// saving before an exit.
pub struct Pending {
    /// `chua-luu.json` beside the database; None when the data folder is unknown.
    marker: Option<PathBuf>,
    /// The page's call number and its list: an older call arriving late is ignored.
    work: Mutex<(u64, Vec<PendingWork>)>,
    page_done: AtomicBool,
}

impl Pending {
    /// Pending work for the database at `db_path` (empty when it is unknown).
    pub fn new(db_path: &Path) -> Pending {
        Pending {
            marker: db_path
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .map(|d| d.join(MARKER)),
            work: Mutex::new((0, Vec::new())),
            page_done: AtomicBool::new(false),
        }
    }

    /// Keeps the page's list `work` as of its call number `seq`; the marker
    /// file follows the names in it.
    pub fn stash(&self, seq: u64, work: Vec<PendingWork>) {
        let Ok(mut kept) = self.work.lock() else {
            return;
        };
        if seq < kept.0 {
            return;
        }
        let names_changed = labels(&kept.1) != labels(&work);
        *kept = (seq, work);
        if names_changed {
            self.write_marker(&labels(&kept.1));
        }
    }

    /// What the previous session left unsaved (read once: the file is removed).
    pub fn take_last_session(&self) -> Vec<String> {
        let Some(marker) = &self.marker else {
            return Vec::new();
        };
        let found = std::fs::read(marker)
            .ok()
            .and_then(|bytes| serde_json::from_slice::<Vec<String>>(&bytes).ok())
            .unwrap_or_default();
        let _ = std::fs::remove_file(marker);
        found
    }

    /// Saves every stashed form through `save`; what could not be saved stays
    /// named in the marker file for the next start. Returns those names.
    pub fn save_all(&self, save: impl Fn(&ProgressForm) -> cchc::Result<()>) -> Vec<String> {
        let Ok(mut kept) = self.work.lock() else {
            return Vec::new();
        };
        let work = std::mem::take(&mut kept.1);
        kept.1 = work
            .into_iter()
            .filter(|w| save(&w.form).is_err())
            .collect();
        let left = labels(&kept.1);
        self.write_marker(&left);
        left
    }

    /// The page says it has saved what it could before an exit.
    pub fn page_finished(&self) {
        self.page_done.store(true, Ordering::SeqCst);
    }

    /// Waits at most `limit` for the page to finish saving (see [`Pending::page_finished`]).
    pub fn wait_for_page(&self, limit: Duration) -> bool {
        let end = Instant::now() + limit;
        while Instant::now() < end {
            if self.page_done.load(Ordering::SeqCst) {
                return true;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        false
    }

    /// Writes the names (through `cchc::durable`: a whole file or none, synced), or
    /// removes the file when there are none.
    fn write_marker(&self, names: &[String]) {
        let Some(marker) = &self.marker else { return };
        if names.is_empty() {
            let _ = std::fs::remove_file(marker);
            return;
        }
        let Ok(json) = serde_json::to_vec(names) else {
            return;
        };
        // Best effort, as the shell is ending: a failure leaves no marker.
        let _ = cchc::durable::write_file(marker, ".json.tmp", |file| {
            std::io::Write::write_all(file, &json).map_err(|e| cchc::Error::file(marker, &e))
        });
    }
}

fn labels(work: &[PendingWork]) -> Vec<String> {
    work.iter().map(|w| w.label.clone()).collect()
}

/// Saves one form of this month's progress: the one way the page's saves and
/// the shell's own saves at exit go to the store.
pub fn save_form(state: &AppState, form: &ProgressForm) -> cchc::Result<()> {
    state.with_agency(|store, plan, agency| {
        store.set_progress(plan, &form.to_input(agency)?, chrono::Utc::now())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn work(label: &str, obstacles: &str) -> PendingWork {
        PendingWork {
            label: label.into(),
            form: ProgressForm {
                task: "IV.3.1".into(),
                period: "2024-08".into(),
                state: Some(cchc::status::State::InProgress),
                obstacles: obstacles.into(),
                ..ProgressForm::default()
            },
        }
    }

    #[test]
    fn unsaved_work_is_named_in_a_file_until_saved_and_read_once_at_the_next_start() {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("cchc.sqlite3");
        let pending = Pending::new(&db);
        pending.stash(
            1,
            vec![work("Tiến độ nhiệm vụ IV.3.1 tháng 08/2024", "Chờ")],
        );
        assert!(dir.path().join(MARKER).is_file(), "named on disk at once");
        let next_start = Pending::new(&db);
        assert_eq!(
            next_start.take_last_session(),
            vec!["Tiến độ nhiệm vụ IV.3.1 tháng 08/2024".to_string()]
        );
        assert!(next_start.take_last_session().is_empty(), "said once");
        pending.stash(
            2,
            vec![work("Tiến độ nhiệm vụ IV.3.1 tháng 08/2024", "Chờ ý kiến")],
        );
        pending.stash(3, Vec::new());
        assert!(!dir.path().join(MARKER).exists(), "all saved: no file");
    }

    #[test]
    fn a_late_older_list_does_not_replace_a_newer_one() {
        let dir = tempfile::tempdir().expect("temp dir");
        let pending = Pending::new(&dir.path().join("cchc.sqlite3"));
        pending.stash(5, Vec::new());
        pending.stash(4, vec![work("Tiến độ nhiệm vụ IV.3.1 tháng 08/2024", "cũ")]);
        let saved = Mutex::new(Vec::new());
        let left = pending.save_all(|f| {
            saved.lock().expect("lock").push(f.obstacles.clone());
            Ok(())
        });
        assert!(left.is_empty() && saved.lock().expect("lock").is_empty());
    }

    #[test]
    fn at_exit_the_stashed_forms_are_saved_and_what_fails_stays_named_for_the_next_start() {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("data").join("cchc.sqlite3");
        let state = AppState::open(db.clone(), dir.path().join("view"));
        {
            let mut store = state.store().expect("the store opened");
            let plan = store.current_plan().expect("plan");
            store
                .set_profile(plan, "SNV", "Nguyễn Văn An")
                .expect("saved");
        }
        let pending = Pending::new(&db);
        let mut refused = work("Tiến độ nhiệm vụ IV.3.1 tháng 09/2024", "x");
        refused.form.period = "2024-09".into();
        refused.form.percent = "120".into();
        pending.stash(
            1,
            vec![
                work(
                    "Tiến độ nhiệm vụ IV.3.1 tháng 08/2024",
                    "Chờ ý kiến của UBND tỉnh",
                ),
                refused,
            ],
        );
        let left = pending.save_all(|form| save_form(&state, form));
        assert_eq!(
            left,
            vec!["Tiến độ nhiệm vụ IV.3.1 tháng 09/2024".to_string()]
        );
        let history = {
            let store = state.store().expect("open");
            let plan = store.current_plan().expect("plan");
            store
                .progress_history(plan, "SNV", "IV.3.1")
                .expect("history")
        };
        assert_eq!(history.len(), 1, "{history:?}");
        assert_eq!(history[0].obstacles, "Chờ ý kiến của UBND tỉnh");
        assert_eq!(
            Pending::new(&db).take_last_session(),
            vec!["Tiến độ nhiệm vụ IV.3.1 tháng 09/2024".to_string()],
            "the refused one is named at the next start"
        );
    }
}
