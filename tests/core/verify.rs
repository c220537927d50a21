use cchc::verify::{quick_check, verify};
use rusqlite::Connection;

use crate::common::{add_evidence_file, open_new};

#[test]
fn a_sound_database_with_its_files_passes_both_checks() {
    let (db, mut store, plan) = open_new();
    add_evidence_file(&db, &mut store, plan, "a.pdf", b"%PDF a");
    for report in [verify(&db.path), quick_check(&db.path)] {
        let report = report.expect("checked");
        assert!(report.is_ok(), "nothing wrong: {report:?}");
        assert_eq!(report.files_checked, 1, "the stored file was looked at");
        assert_eq!(report.advice(), None);
    }
}

#[test]
fn missing_and_changed_evidence_files_are_reported_by_name() {
    let (db, mut store, plan) = open_new();
    let lost = add_evidence_file(&db, &mut store, plan, "Tờ trình.pdf", b"%PDF lost");
    let changed = add_evidence_file(&db, &mut store, plan, "Quyết định.pdf", b"%PDF kept");
    std::fs::remove_file(store.evidence_path(&lost)).expect("delete");
    std::fs::write(store.evidence_path(&changed), b"%PDF KEPT").expect("same size, new bytes");

    let report = verify(&db.path).expect("checked");
    let names = |files: &[cchc::verify::FileProblem]| {
        files
            .iter()
            .map(|f| (f.file_name.clone(), f.reference.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        names(&report.missing_files),
        vec![("Tờ trình.pdf".to_string(), "1494/TTr-SNV".to_string())],
        "the missing file is named as the officer knows it"
    );
    assert_eq!(
        names(&report.changed_files),
        vec![("Quyết định.pdf".to_string(), "1494/TTr-SNV".to_string())],
        "the changed file is found by its hash"
    );
    assert!(report.advice().is_some_and(|a| a.contains("đính kèm lại")));

    let quick = quick_check(&db.path).expect("checked");
    assert_eq!(
        names(&quick.missing_files).len(),
        1,
        "quick check sees the gap"
    );
    assert!(
        quick.changed_files.is_empty(),
        "quick check compares sizes only, and the size is the same"
    );
    std::fs::write(store.evidence_path(&changed), b"%PDF shorter?no, longer").expect("write");
    assert_eq!(
        quick_check(&db.path).expect("checked").changed_files.len(),
        1,
        "quick check sees a change of size"
    );
}

#[test]
fn a_broken_reference_between_tables_is_reported() {
    let (db, store, _) = open_new();
    drop(store);
    let conn = Connection::open(&db.path).expect("open");
    conn.execute_batch(
        "PRAGMA foreign_keys = OFF;
         INSERT INTO progress (task_id, agency_id, period, state, updated_at)
         VALUES (999999, 999999, '2024-08', 'done', 'x');",
    )
    .expect("insert behind the store's back");
    drop(conn);
    let report = verify(&db.path).expect("checked");
    assert!(
        report
            .foreign_key_problems
            .iter()
            .any(|p| p.contains("progress")),
        "the progress row is named: {report:?}"
    );
    assert!(report.advice().is_some_and(|a| a.contains("khôi phục")));
}

#[test]
fn a_damaged_database_file_is_reported_not_an_error() {
    let (db, store, _) = open_new();
    drop(store);
    let mut bytes = std::fs::read(&db.path).expect("read");
    let page = 4096;
    // Scribble over every page but the first (the header stays readable).
    for chunk in bytes[page..].chunks_mut(page) {
        for b in chunk.iter_mut().skip(8).step_by(3) {
            *b = 0xa5;
        }
    }
    std::fs::write(&db.path, &bytes).expect("write");
    let report = verify(&db.path).expect("the check itself runs");
    assert!(
        !report.database_problems.is_empty(),
        "integrity_check finds the damage"
    );
}

#[test]
fn checking_a_missing_database_names_the_file() {
    let db = crate::common::temp_db();
    let err = verify(&db.path).expect_err("no database");
    assert!(
        err.to_string().contains("cchc.sqlite3"),
        "the path is in the message: {err}"
    );
}
