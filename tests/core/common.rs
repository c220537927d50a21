use std::path::PathBuf;

use cchc::status::State;
use cchc::store::{ProgressInput, Store};
use chrono::{DateTime, NaiveDate, TimeZone, Utc};

/// A temporary folder with a database file path inside it.
pub struct TempDb {
    pub dir: tempfile::TempDir,
    pub path: PathBuf,
}

pub fn temp_db() -> TempDb {
    let dir = tempfile::tempdir().expect("a temporary folder can be made");
    let path = dir.path().join("data").join("cchc.sqlite3");
    TempDb { dir, path }
}

/// A new store on a real file, with the built-in plan, and its current plan id.
pub fn open_new() -> (TempDb, Store, i64) {
    let db = temp_db();
    let store = Store::open(&db.path).expect("a new database opens");
    let plan = store
        .current_plan()
        .expect("a new database has the built-in plan");
    (db, store, plan)
}

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
}

/// A fixed "now" for saves: tests never read the clock.
pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2024, 9, 5, 8, 30, 0)
        .single()
        .expect("valid test time")
}

/// Reads the plan text that CI also has beside the clone.
pub fn plan_text() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/seed/ke-hoach-chi-so-cchc-hung-yen-2024.txt"
    );
    std::fs::read_to_string(path).expect("the plan text is in ../shared/seed")
}

/// Counts rows of a table straight from the file, outside the store's API.
pub fn count_rows(path: &std::path::Path, table: &str) -> i64 {
    let conn = rusqlite::Connection::open(path).expect("the database file opens");
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .expect("the table exists")
}

/// A month's entry for a task with only its state set.
pub fn entry(agency: &str, task: &str, period: &str, state: State) -> ProgressInput {
    ProgressInput {
        agency: agency.into(),
        task: task.into(),
        period: period.into(),
        state: Some(state),
        ..Default::default()
    }
}
