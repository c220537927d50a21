//! Succession in the middle of a year, on the merged province's test plan:
//! the predecessor's February, the successor's March with the history and
//! evidence it inherited, the collector's expected agencies before and after,
//! a district split task by task, and refusals that change nothing.

use cchc::status::State;
use cchc::store::{EvidenceInput, Store, SuccessionInput};

use crate::common::{count_rows, date, entry, TempDb};
use crate::plan_cycle::{at, office, task_codes};

/// A task `agency` leads in the test plan.
fn led_by(store: &Store, plan: i64, agency: &str) -> String {
    store
        .tasks(plan, Some(agency))
        .expect("tasks")
        .into_iter()
        .find(|t| t.lead == agency)
        .map(|t| t.code)
        .expect("the agency leads a task")
}

fn expected(store: &Store, plan: i64, period: &str) -> Vec<String> {
    store
        .reporting_agencies(plan, period)
        .expect("agencies")
        .into_iter()
        .map(|a| a.code)
        .collect()
}

fn whole(old: &str, new: &str) -> SuccessionInput {
    SuccessionInput {
        old: old.into(),
        rest: Some(new.into()),
        tasks: Vec::new(),
        since: Some(date(2026, 3, 1)),
    }
}

/// SCT (Sở Công Thương) with a February entry and a document, in the test plan.
fn february() -> (TempDb, Store, i64, String) {
    let (db, mut store, plan) = office(2026);
    let task = led_by(&store, plan, "SCT");
    let mut feb = entry("SCT", &task, "2026-02", State::InProgress);
    feb.percent = Some(40);
    feb.result = Some("Đã xây dựng dự thảo".into());
    store
        .set_progress(plan, &feb, at(2026, 2, 20))
        .expect("February");
    let doc = EvidenceInput {
        agency: "SCT".into(),
        number: "15/BC-SCT".into(),
        date: Some(date(2026, 2, 18)),
        issuer: "Sở Công Thương".into(),
        summary: "Báo cáo tiến độ".into(),
        tasks: vec![task.clone()],
        ..Default::default()
    };
    store
        .add_evidence(plan, &doc, at(2026, 2, 20))
        .expect("evidence");
    (db, store, plan, task)
}

#[test]
fn the_successor_reports_in_march_what_the_predecessor_recorded_in_february() {
    let (_db, mut store, plan, task) = february();
    assert!(expected(&store, plan, "2026-02").contains(&"SCT".to_string()));
    store
        .succeed(plan, &whole("SCT", "STC"), at(2026, 3, 2))
        .expect("SCT is succeeded by STC from 1/3");

    // Months before the date still belong to the predecessor.
    assert!(task_codes(&store, plan, "SCT", "2026-02").contains(&task));
    assert!(!task_codes(&store, plan, "STC", "2026-02").contains(&task));
    // From March the task is the successor's, with its history.
    assert!(!task_codes(&store, plan, "SCT", "2026-03").contains(&task));
    let march = cchc::report::MonthReport::gather(&store, plan, "STC", "2026-03").expect("March");
    let row = march
        .tasks()
        .iter()
        .find(|t| t.code == task)
        .expect("the successor's March report carries the task");
    assert_eq!(
        row.entry_period.as_deref(),
        Some("2026-02"),
        "carried from February"
    );
    assert_eq!(
        (row.percent, row.result.as_str()),
        (Some(40), "Đã xây dựng dự thảo")
    );
    assert!(
        march.evidence.iter().any(|e| e.number == "15/BC-SCT"),
        "the evidence comes with the task"
    );
    let history = store.progress_history(plan, "STC", &task).expect("history");
    assert_eq!(
        history.len(),
        1,
        "the February entry is the successor's history too"
    );

    // The collector expects SCT until February, STC (not SCT) from March.
    assert!(expected(&store, plan, "2026-02").contains(&"SCT".to_string()));
    let after = expected(&store, plan, "2026-03");
    assert!(!after.contains(&"SCT".to_string()) && after.contains(&"STC".to_string()));

    let sct = store
        .agencies(plan)
        .expect("agencies")
        .into_iter()
        .find(|a| a.code == "SCT")
        .expect("SCT");
    assert_eq!(sct.succeeded_by.as_deref(), Some("STC"));
    assert_eq!(sct.since, Some(date(2026, 3, 1)));
}

#[test]
fn a_district_split_task_by_task_hands_each_task_to_its_successor() {
    let (_db, mut store, plan) = office(2026);
    let own: Vec<String> = store
        .tasks(plan, Some("X012"))
        .expect("tasks")
        .into_iter()
        .filter(|t| t.lead == "X012")
        .map(|t| t.code)
        .collect();
    assert!(!own.is_empty(), "X012 leads tasks of its own");
    let first = own[0].clone();
    let input = SuccessionInput {
        old: "X012".into(),
        rest: Some("NHOM-PHUONG".into()),
        tasks: vec![(first.clone(), "X013".into())],
        since: Some(date(2026, 7, 1)),
    };
    store.succeed(plan, &input, at(2026, 7, 1)).expect("split");
    assert!(task_codes(&store, plan, "X013", "2026-07").contains(&first));
    assert!(
        !task_codes(&store, plan, "P001", "2026-07").contains(&first),
        "named task goes only to X013"
    );
    assert!(
        !task_codes(&store, plan, "X012", "2026-06").is_empty(),
        "June is still X012's"
    );
    assert!(
        task_codes(&store, plan, "X012", "2026-07").is_empty(),
        "from July every task of X012 has a successor (the rest go to the group)"
    );
    assert!(!expected(&store, plan, "2026-07").contains(&"X012".to_string()));
    assert!(expected(&store, plan, "2026-06").contains(&"X012".to_string()));
}

#[test]
fn an_unknown_successor_or_a_cycle_is_refused_by_name_and_nothing_changes() {
    let (db, mut store, plan, task) = february();
    let before = (
        count_rows(&db.path, "succession"),
        count_rows(&db.path, "progress"),
    );
    let err = store
        .succeed(plan, &whole("SCT", "SO-MA"), at(2026, 3, 1))
        .expect_err("unknown successor");
    assert!(err.to_string().contains("SO-MA"), "{err}");
    let err = store
        .succeed(plan, &whole("SCT", "SCT"), at(2026, 3, 1))
        .expect_err("itself");
    assert!(err.to_string().contains("quay vòng"), "{err}");
    store
        .succeed(plan, &whole("SCT", "STC"), at(2026, 3, 1))
        .expect("a real succession");
    let after_one = count_rows(&db.path, "succession");
    let err = store
        .succeed(plan, &whole("STC", "SCT"), at(2026, 4, 1))
        .expect_err("a cycle");
    let text = err.to_string();
    assert!(
        text.contains("quay vòng") && text.contains("STC → SCT → STC"),
        "{text}"
    );
    let err = store
        .succeed(plan, &whole("SCT", "SNV"), at(2026, 4, 1))
        .expect_err("succeeded twice");
    assert!(err.to_string().contains("đã có cơ quan kế thừa"), "{err}");
    let partial = SuccessionInput {
        old: "X013".into(),
        rest: None,
        tasks: vec![(task, "STP".into())],
        since: Some(date(2026, 4, 1)),
    };
    let err = store
        .succeed(plan, &partial, at(2026, 4, 1))
        .expect_err("not SNV's task");
    assert!(
        err.to_string().contains("không phải của cơ quan X013"),
        "{err}"
    );
    assert_eq!(
        count_rows(&db.path, "succession"),
        after_one,
        "no refused succession stored"
    );
    assert_eq!(before.0 + 1, after_one);
}

#[test]
fn a_successor_taking_over_from_two_dates_cannot_be_published_without_losing_one() {
    let (db, mut store, plan) = office(2026);
    store
        .succeed(plan, &whole("SCT", "STC"), at(2026, 3, 1))
        .expect("from 1/3");
    let mut later = whole("SXD", "STC");
    later.since = Some(date(2026, 7, 1));
    store
        .succeed(plan, &later, at(2026, 7, 1))
        .expect("from 1/7");
    let problems = store.check_plan(plan).expect("check");
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("Cơ quan STC, từ ngày:") && p.contains("01/07/2026")),
        "{problems:?}"
    );
    let out = db.dir.path().join("kh.xlsx");
    assert!(
        cchc::plan_workbook::PlanWorkbook::publish(&mut store, plan, &out).is_err()
            && !out.exists()
    );
}

#[test]
fn a_succession_travels_in_the_published_workbook() {
    let (db, mut store, plan, _) = february();
    store
        .succeed(plan, &whole("SCT", "STC"), at(2026, 3, 1))
        .expect("succession");
    let path = db.dir.path().join("ke-hoach.xlsx");
    cchc::plan_workbook::PlanWorkbook::publish(&mut store, plan, &path).expect("publish");
    let other = crate::common::temp_db();
    let mut agency = cchc::open::open_store(&other.path, crate::common::now()).expect("open");
    let id = cchc::plan_workbook::PlanWorkbook::switch_to(&mut agency, &path, at(2026, 3, 5))
        .expect("import")
        .plan_id;
    assert_eq!(
        agency.successions(id).expect("successions"),
        store.successions(plan).expect("office's"),
        "\"Thay cho\" and \"Từ ngày\" carry it"
    );
}
