use cchc::collect::AgencyWorkbook;
use cchc::db::migrate::{self, LATEST};
use cchc::open::open_store;
use cchc::status::Status;
use cchc::store::{CollectedTask, Saved};
use chrono::DateTime;
use rusqlite::Connection;

use crate::common::{count_rows, now, temp_db};

/// A schema-1 database holding one plan, an agency, a task and a month of
/// progress, written with the SQL of migration 0001 only.
fn schema_1_with_data(path: &std::path::Path) {
    std::fs::create_dir_all(path.parent().expect("parent")).expect("folder");
    let mut conn = Connection::open(path).expect("create");
    migrate::migrate_to(&mut conn, 1).expect("schema 1");
    conn.execute_batch(
        "INSERT INTO plan (id, reference, name, year, province, created_at)
             VALUES (1, '/KH-UBND', 'Kế hoạch thử', 2024, 'Hưng Yên', '2024-01-01T00:00:00Z');
         INSERT INTO agency (id, plan_id, code, name, kind, position)
             VALUES (1, 1, 'SNV', 'Sở Nội vụ', 'so-ban-nganh', 0);
         INSERT INTO task (id, plan_id, code, content, lead_id, deadline, due_date, position)
             VALUES (1, 1, 'T.1', 'Rà soát thủ tục', 1, 'Quý III/2024', '2024-09-30', 0);
         INSERT INTO progress (task_id, agency_id, period, state, percent, result, updated_at)
             VALUES (1, 1, '2024-09', 'in-progress', 50, 'Đang làm', '2024-09-05T08:30:00Z');",
    )
    .expect("schema-1 data");
}

fn workbook() -> AgencyWorkbook {
    AgencyWorkbook {
        agency_code: "SNV".into(),
        agency_code_row: 3,
        agency_name: "Sở Nội vụ".into(),
        period: "2024-09".into(),
        generated_at: DateTime::parse_from_rfc3339("2024-10-01T09:00:00+07:00").expect("time"),
        app_version: "0.1.0".into(),
        content_sha256: "a".repeat(64),
        data_sha256: "a".repeat(64),
        tasks: vec![CollectedTask {
            row: 5,
            stt: "1".into(),
            code: "T.1".into(),
            content: "Rà soát thủ tục".into(),
            criteria: String::new(),
            role: "Chủ trì".into(),
            lead: "Sở Nội vụ".into(),
            partners: String::new(),
            deadline: "Quý III/2024".into(),
            due_date: None,
            output: String::new(),
            status: Status::InProgressOnTime,
            percent: Some(50.0),
            result: "Đang làm".into(),
            evidence: String::new(),
            obstacles: String::new(),
            proposals: String::new(),
        }],
        indicators: Vec::new(),
    }
}

#[test]
fn a_schema_1_database_with_data_upgrades_and_keeps_its_data() {
    let db = temp_db();
    schema_1_with_data(&db.path);
    let mut store = open_store(&db.path, crate::common::now()).expect("schema 1 upgrades");
    let history = store.progress_history(1, "SNV", "T.1").expect("history");
    assert_eq!(history.len(), 1, "the month of progress survives");
    assert_eq!(history[0].result, "Đang làm");
    assert_eq!(
        store.plans().expect("plans").len(),
        1,
        "no built-in plan is added beside it"
    );
    let conn = Connection::open(&db.path).expect("reopen");
    assert_eq!(migrate::version(&conn).expect("version"), LATEST);
    let violations: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .expect("check");
    assert_eq!(violations, 0);
    assert_eq!(
        count_rows(&db.path, "collected_report"),
        0,
        "schema 2 starts empty"
    );
    assert_eq!(
        store
            .save_collected(1, &workbook().incoming("bc.xlsx"), now())
            .expect("save"),
        Saved::Added
    );
    assert_eq!(
        count_rows(&db.path, "collected_task"),
        1,
        "the upgraded database takes reports"
    );
}

#[test]
fn deleting_a_plan_removes_its_collected_reports_and_their_rows() {
    let db = temp_db();
    schema_1_with_data(&db.path);
    let mut store = open_store(&db.path, crate::common::now()).expect("open");
    store
        .save_collected(1, &workbook().incoming("bc.xlsx"), now())
        .expect("save");
    drop(store);
    let conn = Connection::open(&db.path).expect("open");
    conn.pragma_update(None, "foreign_keys", true)
        .expect("pragma");
    conn.execute("DELETE FROM plan WHERE id = 1", [])
        .expect("the plan goes");
    assert_eq!(
        count_rows(&db.path, "collected_report"),
        0,
        "ON DELETE CASCADE from plan"
    );
    assert_eq!(
        count_rows(&db.path, "collected_task"),
        0,
        "and from the report to its rows"
    );
}

#[test]
fn a_row_naming_a_task_the_plan_lacks_saves_nothing() {
    let db = temp_db();
    schema_1_with_data(&db.path);
    let mut store = open_store(&db.path, crate::common::now()).expect("open");
    let mut book = workbook();
    book.tasks.push(CollectedTask {
        code: "T.9".into(),
        ..book.tasks[0].clone()
    });
    let err = store
        .save_collected(1, &book.incoming("bc.xlsx"), now())
        .expect_err("T.9 is not in the plan");
    assert!(err.to_string().contains("T.9"), "{err}");
    assert_eq!(
        count_rows(&db.path, "collected_report"),
        0,
        "one transaction: the report is not half saved"
    );
}
