use cchc::open::open_store;
use std::path::PathBuf;

use cchc::status::State;
use cchc::store::{EvidenceInput, ProgressInput, Store};
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
    let store = open_store(&db.path, now()).expect("a new database opens");
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

/// Reads the plan's public text, the source the built-in plan is transcribed from.
pub fn plan_text() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/plans/hung-yen-2024/ke-hoach.txt"
    );
    std::fs::read_to_string(path).expect("the plan text is in assets/plans/hung-yen-2024")
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

/// SNV's Tờ trình on merging the colleges, linked to IV.3.1 and criterion 4.1.3.
pub fn snv_evidence(number: &str) -> EvidenceInput {
    EvidenceInput {
        agency: "SNV".into(),
        number: number.into(),
        date: Some(date(2024, 8, 28)),
        issuer: "Sở Nội vụ".into(),
        summary: "Tờ trình về việc sáp nhập các trường cao đẳng".into(),
        tasks: vec!["IV.3.1".into()],
        criteria: vec!["4.1.3".into()],
        ..Default::default()
    }
}

/// Attaches a file with `content` as evidence of SNV's task IV.3.1; returns the
/// stored file's hash.
pub fn add_evidence_file(
    db: &TempDb,
    store: &mut Store,
    plan: i64,
    name: &str,
    content: &[u8],
) -> String {
    let source = db.dir.path().join(name);
    std::fs::write(&source, content).expect("write the source file");
    let input = cchc::store::EvidenceInput {
        agency: "SNV".into(),
        number: "1494/TTr-SNV".into(),
        date: Some(date(2024, 8, 28)),
        issuer: "Sở Nội vụ".into(),
        summary: format!("Tài liệu {name}"),
        tasks: vec!["IV.3.1".into()],
        file: Some(source),
        ..Default::default()
    };
    let id = store
        .add_evidence(plan, &input, now())
        .expect("evidence saved");
    store
        .evidence(plan, "SNV")
        .expect("list")
        .into_iter()
        .find(|e| e.id == id)
        .and_then(|e| e.file_sha256)
        .expect("the file's hash is recorded")
}

/// Every file of a folder (recursively) with its bytes, to show nothing changed.
pub fn snapshot_files(dir: &std::path::Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("list folder") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let bytes = std::fs::read(&path).expect("read file");
                out.push((path, bytes));
            }
        }
    }
    out.sort();
    out
}

/// SNV's entry for task IV.3.1 in 08/2024 with this "kết quả thực hiện".
pub fn iv31_progress(result: &str) -> cchc::store::ProgressInput {
    cchc::store::ProgressInput {
        agency: "SNV".into(),
        task: "IV.3.1".into(),
        period: "2024-08".into(),
        state: Some(cchc::status::State::InProgress),
        result: Some(result.into()),
        ..Default::default()
    }
}

/// The "kết quả thực hiện" of IV.3.1 that SNV's 08/2024 status shows.
pub fn iv31_result(store: &Store, plan: i64) -> String {
    store
        .status(plan, "SNV", "2024-08")
        .expect("reading works")
        .tasks
        .into_iter()
        .find(|t| t.code == "IV.3.1")
        .map(|t| t.result)
        .expect("IV.3.1 is SNV's")
}
