use cchc::status::State;
use cchc::store::{ProgressInput, Store};

use crate::common::{count_rows, date, entry, now, open_new};

fn status_of(store: &Store, plan: i64, agency: &str, task: &str, period: &str) -> String {
    let report = store.status(plan, agency, period).expect("status");
    report
        .tasks
        .into_iter()
        .find(|t| t.code == task)
        .map(|t| t.status.label().to_string())
        .expect("task in report")
}

#[test]
fn a_task_due_in_august_becomes_overdue_in_september_until_done() {
    let (_db, mut store, plan) = open_new();
    let mut e = entry("SNV", "IV.3.1", "2024-07", State::InProgress);
    e.percent = Some(40);
    store.set_progress(plan, &e, now()).expect("saved");
    assert_eq!(
        status_of(&store, plan, "SNV", "IV.3.1", "2024-08"),
        "Đang thực hiện trong hạn",
        "July's entry carries into August, the month of the deadline"
    );
    assert_eq!(
        status_of(&store, plan, "SNV", "IV.3.1", "2024-09"),
        "Quá hạn chưa hoàn thành",
        "not done after 31/08/2024"
    );
    let mut done = entry("SNV", "IV.3.1", "2024-09", State::Done);
    done.done_on = Some(date(2024, 9, 10));
    store.set_progress(plan, &done, now()).expect("saved");
    assert_eq!(
        status_of(&store, plan, "SNV", "IV.3.1", "2024-09"),
        "Hoàn thành quá hạn"
    );
    assert_eq!(
        status_of(&store, plan, "SNV", "IV.3.1", "2024-12"),
        "Hoàn thành quá hạn",
        "stays done late"
    );
    assert_eq!(
        status_of(&store, plan, "SNV", "IV.3.1", "2024-06"),
        "Chưa triển khai",
        "nothing recorded before July"
    );
}

#[test]
fn done_on_time_and_recurring_work_get_their_own_words() {
    let (_db, mut store, plan) = open_new();
    let mut done = entry("HKC", "IV.3.4", "2024-09", State::Done);
    done.done_on = Some(date(2024, 9, 30));
    store.set_progress(plan, &done, now()).expect("saved");
    assert_eq!(
        status_of(&store, plan, "HKC", "IV.3.4", "2024-09"),
        "Hoàn thành đúng hạn",
        "done on the quarter's last day"
    );
    store
        .set_progress(
            plan,
            &entry("CTHY", "IV.7.3", "2024-09", State::Ongoing),
            now(),
        )
        .expect("saved");
    assert_eq!(
        status_of(&store, plan, "CTHY", "IV.7.3", "2024-09"),
        "Thực hiện thường xuyên"
    );
    let report = store.status(plan, "HKC", "2024-09").expect("report");
    let total: usize = report.counts.iter().map(|(_, n)| n).sum();
    assert_eq!(total, report.tasks.len(), "every task is counted once");
    assert_eq!(
        report.counts.iter().count(),
        6,
        "all six status words are listed, zeros included"
    );
}

#[test]
fn each_member_of_a_group_records_its_own_progress() {
    let (_db, mut store, plan) = open_new();
    let mut done = entry("HKC", "IV.3.4", "2024-08", State::Done);
    done.done_on = Some(date(2024, 8, 20));
    store.set_progress(plan, &done, now()).expect("saved");
    assert_eq!(
        status_of(&store, plan, "HKC", "IV.3.4", "2024-10"),
        "Hoàn thành đúng hạn"
    );
    assert_eq!(
        status_of(&store, plan, "HVG", "IV.3.4", "2024-10"),
        "Quá hạn chưa hoàn thành",
        "Văn Giang has not reported the same group task"
    );
}

#[test]
fn saving_again_in_the_same_month_keeps_texts_not_given() {
    let (_db, mut store, plan) = open_new();
    let mut first = entry("SNV", "II.2.1", "2024-09", State::InProgress);
    first.result = Some("Đã rà soát 12 đơn vị".into());
    first.obstacles = Some("Thiếu hướng dẫn".into());
    store.set_progress(plan, &first, now()).expect("saved");
    let mut second = entry("SNV", "II.2.1", "2024-09", State::InProgress);
    second.percent = Some(60);
    store.set_progress(plan, &second, now()).expect("saved");
    let history = store
        .progress_history(plan, "SNV", "II.2.1")
        .expect("history");
    assert_eq!(history.len(), 1, "one entry per month");
    assert_eq!(
        history[0].result, "Đã rà soát 12 đơn vị",
        "the result typed earlier is kept"
    );
    assert_eq!(history[0].percent, Some(60));
}

#[test]
fn bad_progress_is_refused_and_changes_nothing() {
    let (db, mut store, plan) = open_new();
    let cases: Vec<(ProgressInput, &str)> = vec![
        (
            entry("SNV", "IV.7.3", "2024-09", State::InProgress),
            "không giao cho cơ quan SNV",
        ),
        (
            entry("SNV", "XX.1", "2024-09", State::InProgress),
            "Không có nhiệm vụ mã \"XX.1\"",
        ),
        (
            entry("ABC", "IV.3.1", "2024-09", State::InProgress),
            "Không có cơ quan mã \"ABC\"",
        ),
        (
            entry("SBN", "IV.3.1", "2024-09", State::InProgress),
            "là một nhóm cơ quan",
        ),
        (
            entry("SNV", "IV.3.1", "2024-13", State::InProgress),
            "2024-13",
        ),
        (
            entry("SNV", "IV.3.1", "2024-09", State::Done),
            "ngày hoàn thành",
        ),
        (
            ProgressInput {
                done_on: Some(date(2024, 10, 2)),
                ..entry("SNV", "IV.3.1", "2024-09", State::Done)
            },
            "nằm sau kỳ báo cáo",
        ),
        (
            ProgressInput {
                done_on: Some(date(2024, 9, 2)),
                ..entry("SNV", "IV.3.1", "2024-09", State::InProgress)
            },
            "Chỉ ghi ngày hoàn thành",
        ),
        (
            ProgressInput {
                percent: Some(101),
                ..entry("SNV", "IV.3.1", "2024-09", State::InProgress)
            },
            "101%",
        ),
    ];
    for (input, expected) in cases {
        let err = store
            .set_progress(plan, &input, now())
            .expect_err("bad input is refused");
        assert!(
            err.to_string().contains(expected),
            "message \"{err}\" names the problem ({expected})"
        );
    }
    assert_eq!(count_rows(&db.path, "progress"), 0, "nothing was saved");
}
