use cchc::error::ErrorKind;
use cchc::forms::{EvidenceForm, ProgressForm};
use cchc::open::open_store;
use cchc::status::State;
use cchc::store::ProgressInput;

use crate::common::{count_rows, date, now, open_new, snv_evidence};

#[test]
fn the_profile_is_kept_in_the_database_and_survives_reopening() {
    let (db, mut store, plan) = open_new();
    assert_eq!(
        store.profile(plan).expect("profile").agency,
        None,
        "a new database has no agency: the app shows its first-run screen"
    );
    store
        .set_profile(plan, "SNV", "  Nguyễn Văn An ")
        .expect("a real agency and a name are accepted");
    drop(store);
    let store = open_store(&db.path, crate::common::now()).expect("reopens");
    let profile = store.profile(plan).expect("profile");
    assert_eq!(profile.agency.as_deref(), Some("SNV"));
    assert_eq!(profile.signer, "Nguyễn Văn An", "the name is trimmed");
}

#[test]
fn a_group_unknown_agency_or_empty_signer_is_refused_and_nothing_changes() {
    let (_db, mut store, plan) = open_new();
    let group = store
        .agencies(plan)
        .expect("agencies")
        .into_iter()
        .find(|a| a.kind == "nhom")
        .expect("the built-in plan has groups");
    let err = store
        .set_profile(plan, &group.code, "An")
        .expect_err("a group does not report");
    assert_eq!(err.kind(), ErrorKind::Invalid);
    let err = store
        .set_profile(plan, "KHONG-CO", "An")
        .expect_err("unknown code");
    assert_eq!(err.kind(), ErrorKind::NotFound);
    let err = store
        .set_profile(plan, "SNV", "   ")
        .expect_err("empty signer");
    assert!(err.to_string().contains("người ký"), "{err}");
    assert_eq!(
        store.profile(plan).expect("profile").agency,
        None,
        "nothing was saved"
    );
}

#[test]
fn errors_serialize_as_kind_and_vietnamese_message() {
    let (_db, store, plan) = open_new();
    let err = store
        .tasks(plan, Some("KHONG-CO"))
        .expect_err("unknown agency");
    let json = serde_json::to_value(&err).expect("serializable");
    assert_eq!(json["kind"], "not-found");
    assert_eq!(
        json["message"],
        err.to_string(),
        "the message is the text the officer reads"
    );
}

#[test]
fn evidence_can_be_edited_relinked_and_its_file_replaced() {
    let (db, mut store, plan) = open_new();
    let first = db.dir.path().join("a.pdf");
    std::fs::write(&first, b"first").expect("write");
    let mut input = snv_evidence("1494/TTr-SNV");
    input.file = Some(first);
    let id = store.add_evidence(plan, &input, now()).expect("added");

    let mut edited = snv_evidence("1495/TTr-SNV");
    edited.summary = "Tờ trình đã sửa".into();
    edited.criteria = vec!["1.7".into()];
    store
        .update_evidence(plan, id, &edited, now())
        .expect("edited");
    let row = &store.evidence(plan, "SNV").expect("list")[0];
    assert_eq!(
        (row.number.as_str(), row.summary.as_str()),
        ("1495/TTr-SNV", "Tờ trình đã sửa")
    );
    assert_eq!(row.criteria, vec!["1.7".to_string()], "links are replaced");
    assert_eq!(
        row.file_name.as_deref(),
        Some("a.pdf"),
        "no new file keeps the old one"
    );

    let second = db.dir.path().join("b.pdf");
    std::fs::write(&second, b"second").expect("write");
    edited.file = Some(second);
    store
        .update_evidence(plan, id, &edited, now())
        .expect("file replaced");
    let row = &store.evidence(plan, "SNV").expect("list")[0];
    assert_eq!(row.file_name.as_deref(), Some("b.pdf"));
}

#[test]
fn a_bad_number_on_edit_changes_nothing() {
    let (_db, mut store, plan) = open_new();
    let id = store
        .add_evidence(plan, &snv_evidence("1494/TTr-SNV"), now())
        .expect("added");
    let err = store
        .update_evidence(plan, id, &snv_evidence("1494-TTr-SNV"), now())
        .expect_err("no slash");
    assert!(
        err.to_string().contains("thiếu dấu \"/\""),
        "the parser's own message: {err}"
    );
    assert_eq!(
        store.evidence(plan, "SNV").expect("list")[0].number,
        "1494/TTr-SNV"
    );
}

#[test]
fn deleting_evidence_removes_its_links_and_its_unshared_file() {
    let (db, mut store, plan) = open_new();
    let source = db.dir.path().join("a.pdf");
    std::fs::write(&source, b"only here").expect("write");
    let mut input = snv_evidence("1494/TTr-SNV");
    input.file = Some(source);
    let id = store.add_evidence(plan, &input, now()).expect("added");
    let sha = store.evidence(plan, "SNV").expect("list")[0]
        .file_sha256
        .clone()
        .expect("a file is attached");
    assert!(store.evidence_path(&sha).is_file());
    let err = store
        .delete_evidence(plan, "STP", id)
        .expect_err("another agency's record");
    assert_eq!(err.kind(), ErrorKind::NotFound);
    store.delete_evidence(plan, "SNV", id).expect("deleted");
    assert!(store.evidence(plan, "SNV").expect("list").is_empty());
    assert_eq!(count_rows(&db.path, "evidence_task"), 0, "links cascade");
    assert!(
        !store.evidence_path(&sha).exists(),
        "no record uses the copy any more"
    );
}

#[test]
fn an_attached_file_is_copied_out_under_its_original_name_for_the_viewer() {
    let (db, mut store, plan) = open_new();
    let source = db.dir.path().join("Quyết định 12.pdf");
    std::fs::write(&source, b"%PDF").expect("write");
    let mut input = snv_evidence("12/QĐ-SNV");
    input.file = Some(source);
    let id = store.add_evidence(plan, &input, now()).expect("added");
    let out = db.dir.path().join("view");
    let copy = store
        .evidence_file_copy(plan, "SNV", id, &out)
        .expect("copied");
    assert!(
        copy.ends_with("Quyết định 12.pdf"),
        "the viewer needs the extension: {copy:?}"
    );
    assert_eq!(std::fs::read(&copy).expect("read"), b"%PDF");
    let bare = store
        .add_evidence(plan, &snv_evidence("13/QĐ-SNV"), now())
        .expect("added");
    let err = store
        .evidence_file_copy(plan, "SNV", bare, &out)
        .expect_err("no file");
    assert!(err.to_string().contains("chưa đính kèm tệp"), "{err}");
}

#[test]
fn the_dashboard_counts_every_task_and_lists_overdue_before_due_this_month() {
    let (_db, store, plan) = open_new();
    let board = store.dashboard(plan, "SNV", "2024-09").expect("dashboard");
    let tasks = store.tasks(plan, Some("SNV")).expect("tasks");
    assert_eq!(board.total as usize, tasks.len());
    assert_eq!(
        board.counts.iter().map(|c| c.count).sum::<u32>(),
        board.total,
        "every task is counted once"
    );
    assert_eq!(
        board.counts.len(),
        6,
        "all six status words, zeros included"
    );
    assert!(board
        .overdue
        .iter()
        .all(|t| t.status == "Quá hạn chưa hoàn thành"));
    assert!(
        board
            .overdue
            .windows(2)
            .all(|w| w[0].due_date <= w[1].due_date),
        "earliest overdue first"
    );
    assert!(board.due_this_month.iter().all(|t| t
        .due_date
        .is_some_and(|d| d.format("%Y-%m").to_string() == "2024-09")));
    assert!(!board.fields.is_empty(), "SNV has tasks serving criteria");
    for f in &board.fields {
        assert!(
            f.done <= f.tasks && !f.criteria.is_empty(),
            "field {}",
            f.code
        );
    }
}

#[test]
fn a_task_done_in_the_month_moves_out_of_overdue_and_counts_as_done_for_its_field() {
    let (_db, mut store, plan) = open_new();
    let before = store.dashboard(plan, "SNV", "2024-12").expect("dashboard");
    let task = before
        .overdue
        .first()
        .expect("SNV has overdue work by December")
        .clone();
    store
        .set_progress(
            plan,
            &ProgressInput {
                agency: "SNV".into(),
                task: task.code.clone(),
                period: "2024-12".into(),
                state: Some(State::Done),
                done_on: Some(date(2024, 12, 2)),
                ..Default::default()
            },
            now(),
        )
        .expect("saved");
    let after = store.dashboard(plan, "SNV", "2024-12").expect("dashboard");
    assert!(!after.overdue.iter().any(|t| t.code == task.code));
    let done = |b: &cchc::store::Dashboard| b.fields.iter().map(|f| f.done).sum::<u32>();
    assert!(
        done(&after) > done(&before),
        "the finished task counts in its field"
    );
}

#[test]
fn forms_typed_in_the_app_reach_the_store_with_dates_in_dd_mm_yyyy() {
    let (_db, mut store, plan) = open_new();
    let form = ProgressForm {
        task: "IV.3.1".into(),
        period: "2024-08".into(),
        state: Some(State::Done),
        done_on: "28/08/2024".into(),
        percent: "100".into(),
        result: "Đã trình Tờ trình số 1494/TTr-SNV ngày 28/8/2024".into(),
        ..Default::default()
    };
    store
        .set_progress(plan, &form.to_input("SNV").expect("valid form"), now())
        .expect("saved");
    let history = store
        .progress_history(plan, "SNV", "IV.3.1")
        .expect("history");
    assert_eq!(history[0].done_on, Some(date(2024, 8, 28)));

    let bad = EvidenceForm {
        number: "1494/TTr-SNV".into(),
        date: "32/08/2024".into(),
        ..Default::default()
    };
    assert!(
        bad.to_input("SNV").is_err(),
        "day 32 is refused before the store is touched"
    );
}

#[test]
fn the_export_preview_names_the_file_and_lists_what_is_missing() {
    let (_db, mut store, plan) = open_new();
    store
        .set_progress(
            plan,
            &ProgressInput {
                agency: "SNV".into(),
                task: "IV.3.1".into(),
                period: "2024-08".into(),
                state: Some(State::Done),
                done_on: Some(date(2024, 8, 28)),
                ..Default::default()
            },
            now(),
        )
        .expect("saved");
    let report = cchc::report::MonthReport::gather(&store, plan, "SNV", "2024-08").expect("month");
    let preview = cchc::report::ExportPreview::of(&report);
    assert_eq!(preview.file_name, "BC-CCHC-SNV-2024-08.xlsx");
    assert_eq!(
        preview.counts.iter().map(|c| c.count).sum::<u32>(),
        preview.total
    );
    assert!(
        preview
            .done_without_evidence
            .iter()
            .any(|t| t.code == "IV.3.1" && !t.content.is_empty()),
        "a done task without evidence is named with its wording"
    );
    assert!(
        !preview.missing_entries.iter().any(|t| t.code == "IV.3.1"),
        "the task has this month's entry"
    );
    assert_eq!(preview.missing_entries.len() + 1, preview.total as usize);
}
