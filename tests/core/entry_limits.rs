//! What the officer types is refused at entry when it could not be exported:
//! texts longer than an Excel cell, dates outside the one accepted range, and
//! evidence files that are not plain files. Nothing is saved then, and no
//! copied file is left behind.

use cchc::forms::{EvidenceForm, ProgressForm};
use cchc::status::State;
use cchc::store::Store;
use cchc::text::MAX_CELL_CHARS;

use crate::common::{count_rows, date, iv31_progress, now, open_new, snv_evidence};

/// Sets one text field of a form.
type Setter<T> = fn(&mut T, String);

/// A text one character longer than a cell holds.
fn too_long() -> String {
    "ư".repeat(MAX_CELL_CHARS + 1)
}

/// Asserts a refusal names the field and gives the limit.
fn assert_limit_message(err: &cchc::Error, field: &str) {
    let message = err.to_string();
    assert!(
        message.contains(field) && message.contains(&MAX_CELL_CHARS.to_string()),
        "the message names {field:?} and the limit: {message}"
    );
}

#[test]
fn every_progress_text_longer_than_a_cell_is_refused_with_the_limit_and_nothing_saved() {
    let (db, mut store, plan) = open_new();
    let cases: [(&str, Setter<ProgressForm>); 3] = [
        ("Kết quả thực hiện", |f, t| f.result = t),
        ("Khó khăn, vướng mắc", |f, t| f.obstacles = t),
        ("Đề xuất, kiến nghị", |f, t| f.proposals = t),
    ];
    for (field, set) in cases {
        let mut form = ProgressForm {
            task: "IV.3.1".into(),
            period: "2024-08".into(),
            state: Some(State::InProgress),
            ..ProgressForm::default()
        };
        set(&mut form, too_long());
        let input = form
            .to_input("SNV")
            .expect("the form itself is well formed");
        let err = store
            .set_progress(plan, &input, now())
            .expect_err("too long for a cell");
        assert_limit_message(&err, field);
    }
    assert_eq!(count_rows(&db.path, "progress"), 0, "nothing was saved");
    let fits = "ư".repeat(MAX_CELL_CHARS);
    store
        .set_progress(plan, &iv31_progress(&fits), now())
        .expect("a text of exactly the limit fits");
    let exported = tempfile::tempdir().expect("folder");
    let report = cchc::report::MonthReport::gather(&store, plan, "SNV", "2024-08").expect("report");
    let path = exported.path().join("bc.xlsx");
    cchc::report::write_month_report(
        &report,
        &cchc::report::ExportOptions {
            signer: None,
            now: chrono::DateTime::parse_from_rfc3339("2024-09-05T08:30:00+07:00").expect("time"),
        },
        &path,
    )
    .expect("the longest accepted text exports");
}

#[test]
fn every_evidence_text_and_the_signer_longer_than_a_cell_are_refused_with_the_limit() {
    let (db, mut store, plan) = open_new();
    let cases: [(&str, Setter<cchc::store::EvidenceInput>); 3] = [
        ("Cơ quan ban hành", |e, t| e.issuer = t),
        ("Trích yếu", |e, t| e.summary = t),
        ("Mục, trang", |e, t| e.location = t),
    ];
    for (field, set) in cases {
        let mut input = snv_evidence("1494/TTr-SNV");
        set(&mut input, too_long());
        let err = store
            .add_evidence(plan, &input, now())
            .expect_err("too long for a cell");
        assert_limit_message(&err, field);
    }
    let id = store
        .add_evidence(plan, &snv_evidence("1494/TTr-SNV"), now())
        .expect("a normal record");
    let mut edited = snv_evidence("1494/TTr-SNV");
    edited.summary = too_long();
    let err = store
        .update_evidence(plan, id, &edited, now())
        .expect_err("an edit is held to the same limit");
    assert_limit_message(&err, "Trích yếu");
    assert_eq!(
        count_rows(&db.path, "evidence"),
        1,
        "only the normal record"
    );

    let err = store
        .set_profile(plan, "SNV", &too_long())
        .expect_err("the signer is printed on the cover");
    assert_limit_message(&err, "người ký");
}

#[test]
fn a_task_list_with_a_text_longer_than_a_cell_is_refused_by_row() {
    let (_db, mut store, plan) = open_new();
    let mut task = store.plan_data(plan).expect("plan").tasks[0].clone();
    task.code = "IX.9.9".into();
    task.content = too_long();
    let err = store
        .add_tasks(plan, &[task])
        .expect_err("a task's content is exported in a cell");
    assert_limit_message(&err, "Nội dung nhiệm vụ IX.9.9");
}

#[test]
fn every_date_outside_the_accepted_range_is_refused_with_the_range() {
    let (db, mut store, plan) = open_new();
    for typed in [
        "01/01/0000",
        "0000-01-01",
        "31/12/1899",
        "31/12/1999",
        "01/01/2101",
    ] {
        let form = EvidenceForm {
            number: "1494/TTr-SNV".into(),
            date: typed.into(),
            issuer: "Sở Nội vụ".into(),
            summary: "Tờ trình".into(),
            ..EvidenceForm::default()
        };
        let err = form.to_input("SNV").expect_err(typed);
        let message = err.to_string();
        assert!(
            message.contains("2000") && message.contains("2100"),
            "{typed}: the range is in the message: {message}"
        );
    }
    for stored in [date(1899, 12, 31), date(1, 1, 1), date(2101, 1, 1)] {
        let mut input = snv_evidence("1494/TTr-SNV");
        input.date = Some(stored);
        let err = store
            .add_evidence(plan, &input, now())
            .expect_err("the store holds the same range");
        assert!(err.to_string().contains("2000"), "{err}");
    }
    let mut done = iv31_progress("Xong");
    done.state = Some(State::Done);
    done.done_on = Some(date(1899, 12, 31));
    let err = store
        .set_progress(plan, &done, now())
        .expect_err("a completion date is held to the range");
    assert!(err.to_string().contains("2100"), "{err}");
    let form = ProgressForm {
        task: "IV.3.1".into(),
        period: "2024-08".into(),
        state: Some(State::Done),
        done_on: "15/08/1800".into(),
        ..ProgressForm::default()
    };
    assert!(form.to_input("SNV").is_err(), "typed in the app too");
    assert_eq!(count_rows(&db.path, "evidence"), 0);
    assert_eq!(count_rows(&db.path, "progress"), 0);
    let mut first = snv_evidence("1494/TTr-SNV");
    first.date = Some(date(2000, 1, 1));
    store
        .add_evidence(plan, &first, now())
        .expect("the first day of the range is accepted");
}

#[test]
fn an_obligation_is_held_to_the_same_cell_length_and_date_range_and_nothing_is_saved() {
    let (db, mut store, plan) = open_new();
    let event = || cchc::store::ObligationInput {
        agency: "SNV".into(),
        task: "II.1.1".into(),
        number: "1234/QĐ-BTP".into(),
        date: Some(date(2024, 3, 5)),
        issuer: "Bộ Tư pháp".into(),
        ..Default::default()
    };
    let cases: [(&str, Setter<cchc::store::ObligationInput>); 2] = [
        ("Cơ quan ban hành", |e, t| e.issuer = t),
        ("Trích yếu", |e, t| e.summary = t),
    ];
    for (field, set) in cases {
        let mut input = event();
        set(&mut input, too_long());
        let err = store
            .add_obligation(plan, &input, date(2024, 3, 6), now())
            .expect_err("too long for a cell of 'Việc phát sinh'");
        assert_limit_message(&err, field);
    }
    let old = cchc::store::ObligationInput {
        date: Some(date(1899, 12, 31)),
        ..event()
    };
    let err = store
        .add_obligation(plan, &old, date(2024, 3, 6), now())
        .expect_err("the document's date is held to the range");
    assert!(err.to_string().contains("2000"), "{err}");
    assert_eq!(count_rows(&db.path, "obligation"), 0, "nothing was saved");

    let row = store
        .add_obligation(plan, &event(), date(2024, 3, 6), now())
        .expect("the same event within the limits");
    let settle = cchc::store::SettleInput {
        agency: "SNV".into(),
        id: row.id,
        number: "45/TTr-SNV".into(),
        date: Some(date(2101, 1, 1)),
    };
    let err = store
        .settle_obligation(plan, &settle, now())
        .expect_err("the answering document's date is held to the range");
    assert!(err.to_string().contains("2100"), "{err}");
    assert_eq!(count_rows(&db.path, "evidence"), 0, "no evidence was added");
}

/// SNV's evidence with a file at `path`.
fn with_file(path: std::path::PathBuf) -> cchc::store::EvidenceInput {
    let mut input = snv_evidence("1494/TTr-SNV");
    input.file = Some(path);
    input
}

/// The names in the store's `evidence/` folder.
fn stored_files(store: &Store) -> Vec<String> {
    std::fs::read_dir(store.dir().join("evidence"))
        .map(|d| {
            d.map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default()
}

#[cfg(unix)]
#[test]
fn only_a_regular_file_is_copied_as_evidence_never_a_link_a_pipe_or_a_folder() {
    let (db, mut store, plan) = open_new();
    let outside = tempfile::tempdir().expect("another folder");
    let secret = outside.path().join("mật khẩu.txt");
    std::fs::write(&secret, b"not for the evidence folder").expect("write");
    let link = db.dir.path().join("quyết định.pdf");
    std::os::unix::fs::symlink(&secret, &link).expect("symlink");
    let err = store
        .add_evidence(plan, &with_file(link), now())
        .expect_err("a link is not followed");
    assert!(err.to_string().contains("liên kết"), "{err}");

    let pipe = db.dir.path().join("đường ống.pdf");
    let made = std::process::Command::new("mkfifo")
        .arg(&pipe)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let err = store
        .add_evidence(plan, &with_file(pipe), now())
        .expect_err("a pipe is no document (and is not read, which would block)");
    assert!(err.to_string().contains("không phải là một tệp"), "{err}");

    let folder = db.dir.path().join("thư mục.pdf");
    std::fs::create_dir(&folder).expect("folder");
    assert!(store.add_evidence(plan, &with_file(folder), now()).is_err());
    let err = store
        .add_evidence(plan, &with_file("/dev/zero".into()), now())
        .expect_err("a device is refused, not copied without end");
    assert!(err.to_string().contains("không phải là một tệp"), "{err}");

    assert_eq!(count_rows(&db.path, "evidence"), 0);
    assert!(stored_files(&store).is_empty(), "nothing was copied in");
}

#[test]
fn a_save_that_fails_after_the_copy_leaves_no_orphan_file_in_evidence() {
    let (db, mut store, plan) = open_new();
    let scan = db.dir.path().join("quyết định.pdf");
    std::fs::write(&scan, b"%PDF a decision").expect("write");
    let mut input = with_file(scan.clone());
    input.criteria = vec!["KHONG-CO".into()];
    assert!(
        store.add_evidence(plan, &input, now()).is_err(),
        "an unknown criterion is refused before the copy"
    );
    assert!(stored_files(&store).is_empty());

    // A lock held by another copy makes the transaction fail after the copy.
    let other = rusqlite::Connection::open(&db.path).expect("another copy");
    other
        .execute_batch("BEGIN IMMEDIATE; DELETE FROM setting WHERE key = 'none';")
        .expect("the other copy writes");
    let started = std::time::Instant::now();
    let err = store
        .add_evidence(plan, &with_file(scan.clone()), now())
        .expect_err("the database is locked");
    assert!(err.to_string().contains("khóa"), "{err}");
    assert!(started.elapsed().as_secs() < 30);
    assert!(
        stored_files(&store).is_empty(),
        "the file copied for the failed save is removed: {:?}",
        stored_files(&store)
    );
    other.execute_batch("ROLLBACK").expect("released");

    let id = store
        .add_evidence(plan, &with_file(scan.clone()), now())
        .expect("saved once the lock is gone");
    assert_eq!(stored_files(&store).len(), 1);
    other
        .execute_batch("BEGIN IMMEDIATE; DELETE FROM setting WHERE key = 'none';")
        .expect("the other copy writes again");
    assert!(store
        .update_evidence(plan, id, &with_file(scan), now())
        .is_err());
    assert_eq!(
        stored_files(&store).len(),
        1,
        "a file stored before is kept when a later save of the same file fails"
    );
    other.execute_batch("ROLLBACK").expect("released");
}

#[test]
fn a_file_that_grows_while_it_is_copied_is_refused_and_not_kept() {
    let (db, mut store, plan) = open_new();
    let growing = db.dir.path().join("đang ghi.pdf");
    std::fs::write(&growing, vec![7u8; 8 * 1024 * 1024]).expect("write");
    let writer = {
        let growing = growing.clone();
        std::thread::spawn(move || {
            use std::io::Write;
            let mut f = std::fs::OpenOptions::new()
                .append(true)
                .open(&growing)
                .expect("open for appending");
            for _ in 0..4000 {
                if f.write_all(&[1u8; 16 * 1024]).is_err() {
                    break;
                }
            }
        })
    };
    let saved = store.add_evidence(plan, &with_file(growing.clone()), now());
    writer.join().expect("the writer ends");
    match saved {
        Err(e) => {
            assert!(e.to_string().contains("đang thay đổi"), "{e}");
            assert!(stored_files(&store).is_empty(), "no partial copy is kept");
        }
        // The copy may win the race and finish before the first append.
        Ok(_) => {
            let stored = &stored_files(&store)[0];
            let len = std::fs::metadata(store.evidence_path(stored))
                .expect("stored")
                .len();
            assert_eq!(
                len,
                8 * 1024 * 1024,
                "no more than the size read at the start"
            );
        }
    }
}
