//! The yearly cycle in the core: the office writes the merged province's plan
//! and publishes it; an agency with 2024 history imports it, then a newer
//! version; nothing recorded is lost; bad input is refused by name with
//! nothing changed.

use std::path::{Path, PathBuf};

use cchc::plan_workbook::ImportKind;
use cchc::status::State;
use cchc::store::{EvidenceInput, Store};
use cchc::Error;

use crate::common::{count_rows, date, entry, now, open_new, temp_db, TempDb};
use crate::merged_province;

/// The office's database: the merged province's plan written through the
/// core (a new empty plan, then saved as the editor saves it), its id.
pub fn office(year: i32) -> (TempDb, Store, i64) {
    let (db, mut store, _) = open_new();
    let id = store
        .new_plan(
            &format!("Kế hoạch năm {year} (thử nghiệm)"),
            year,
            None,
            now(),
        )
        .expect("an empty plan is made");
    let mut data = merged_province::plan(year);
    data.meta.key = store.plan_meta(id).expect("meta").key;
    store
        .save_plan(id, &data, &format!("{year}-01"))
        .expect("the editor's save stores the whole plan");
    (db, store, id)
}

/// Publishes plan `id` into `dir` as `name`.
pub fn publish(store: &mut Store, id: i64, dir: &Path, name: &str) -> (PathBuf, u32) {
    let path = dir.join(name);
    let version =
        cchc::plan_workbook::PlanWorkbook::publish(store, id, &path).expect("the plan publishes");
    (path, version)
}

/// A fixed moment of a given day (tests never read the clock).
pub fn at(y: i32, m: u32, d: u32) -> chrono::DateTime<chrono::Utc> {
    date(y, m, d)
        .and_hms_opt(8, 0, 0)
        .expect("valid time")
        .and_utc()
}

fn evidence(agency: &str, task: &str, number: &str, day: chrono::NaiveDate) -> EvidenceInput {
    EvidenceInput {
        agency: agency.into(),
        number: number.into(),
        date: Some(day),
        issuer: "UBND tỉnh".into(),
        summary: "Báo cáo kết quả".into(),
        tasks: vec![task.into()],
        ..Default::default()
    }
}

/// Writes a month's workbook.
fn export(month: &cchc::report::MonthReport, path: &Path) {
    let opts = cchc::report::ExportOptions {
        signer: None,
        now: now().fixed_offset(),
    };
    cchc::report::write_month_report(month, &opts, path).expect("the month exports");
}

/// The codes of the tasks in an agency's month.
pub fn task_codes(store: &Store, plan: i64, agency: &str, period: &str) -> Vec<String> {
    store
        .status(plan, agency, period)
        .expect("status")
        .tasks
        .into_iter()
        .map(|t| t.code)
        .collect()
}

#[test]
fn a_new_plan_from_the_current_one_copies_everything_and_an_empty_one_nothing() {
    let (_db, mut store, current) = open_new();
    let before = store.plan_data(current).expect("plan");
    let copy = store
        .new_plan("Kế hoạch năm 2025", 2025, Some(current), now())
        .expect("copied");
    let data = store.plan_data(copy).expect("copy");
    assert_eq!(
        (data.meta.name.as_str(), data.meta.year, data.meta.version),
        ("Kế hoạch năm 2025", 2025, 0)
    );
    assert_eq!(data.tasks, before.tasks, "tasks copied");
    assert_eq!(data.agencies, before.agencies, "agencies copied");
    assert_eq!(data.groups, before.groups, "groups copied");
    assert_eq!(data.criteria, before.criteria, "criteria copied");
    assert_ne!(data.meta.key, before.meta.key, "another plan, another key");
    assert_eq!(store.current_plan().expect("current"), current, "no switch");
    let empty = store
        .new_plan("Kế hoạch trống", 2026, None, now())
        .expect("empty");
    let data = store.plan_data(empty).expect("empty plan");
    assert!(data.tasks.is_empty() && data.agencies.is_empty() && data.criteria.is_empty());
    assert_eq!(data.meta.province, before.meta.province);
}

#[test]
fn checking_names_every_problem_by_task_and_field_and_blocks_publishing() {
    let (db, mut store, current) = open_new();
    let id = store
        .new_plan("Kế hoạch năm 2025", 2025, Some(current), now())
        .expect("copied");
    let problems = store.check_plan(id).expect("check");
    assert!(
        problems.iter().any(|p| p.starts_with("Nhiệm vụ ")
            && p.contains(", thời hạn: \"")
            && p.contains("trước năm 2025")),
        "a deadline of last year is named with its task and field: {problems:?}"
    );
    let out = db.dir.path().join("ke-hoach.xlsx");
    let err = cchc::plan_workbook::PlanWorkbook::publish(&mut store, id, &out)
        .expect_err("problems block publishing");
    assert!(
        matches!(err, Error::Invalid(_)) && err.to_string().contains("chưa ban hành"),
        "{err}"
    );
    assert!(!out.exists(), "nothing is written");
    assert_eq!(
        store.plan_meta(id).expect("meta").version,
        0,
        "no version used"
    );

    let mut data = store.plan_data(id).expect("data");
    data.tasks[0].deadline = "Quý V/2025".into();
    data.tasks[1].lead = "KHONG-CO".into();
    data.groups[0].members.clear();
    let err = store.save_plan(id, &data, "2025-01").expect_err("refused");
    let text = err.to_string();
    assert!(
        text.contains(&format!("Nhiệm vụ {}, thời hạn:", data.tasks[0].code)),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "Nhiệm vụ {}, cơ quan chủ trì: không có cơ quan hoặc nhóm mã \"KHONG-CO\"",
            data.tasks[1].code
        )),
        "{text}"
    );
    assert!(
        text.contains("chưa có cơ quan nào"),
        "an empty group: {text}"
    );
}

#[test]
fn a_group_that_contains_itself_or_a_duplicate_code_is_refused() {
    let (_db, mut store, _) = open_new();
    let id = store.new_plan("Thử", 2026, None, now()).expect("empty");
    let mut data = merged_province::plan(2026);
    data.groups[2].members.push("NHOM-XA".into());
    data.groups[1].members.push("NHOM-PHUONG".into());
    data.agencies[1].code = "SNV".into();
    let text = store
        .save_plan(id, &data, "2026-01")
        .expect_err("refused")
        .to_string();
    assert!(
        text.contains("Nhóm \"UBND các phường\" chứa chính nó"),
        "{text}"
    );
    assert!(text.contains("Mã cơ quan \"SNV\" bị trùng"), "{text}");
    assert!(
        store.plan_data(id).expect("data").tasks.is_empty(),
        "nothing saved"
    );
}

#[test]
fn the_merged_province_plan_is_published_and_imported_over_2024_history() {
    let (office_db, mut office, id) = office(2026);
    assert_eq!(office.check_plan(id).expect("check"), Vec::<String>::new());
    let (file, version) = publish(&mut office, id, office_db.dir.path(), "ke-hoach-2026.xlsx");
    assert_eq!(version, 1, "the first published version");

    // An agency that recorded progress in 2024 on the built-in plan.
    let (_db, mut agency, old_plan) = open_new();
    agency
        .set_progress(
            old_plan,
            &entry("SNV", "IV.3.1", "2024-08", State::InProgress),
            now(),
        )
        .expect("2024 progress");
    let preview = cchc::plan_workbook::PlanWorkbook::preview(&agency, old_plan, &file, Some("SNV"))
        .expect("preview");
    assert_eq!(preview.kind, ImportKind::NewPlan);
    assert_eq!((preview.year, preview.version), (2026, 1));
    assert_eq!(preview.changes.added.len(), 150, "every task is new");
    let expected_own = merged_province::plan(2026).tasks_of("SNV") as u32;
    assert_eq!(preview.own_tasks, Some(expected_own));
    assert_eq!(
        count_rows(&_db.path, "plan"),
        1,
        "the preview saved nothing"
    );

    let outcome =
        cchc::plan_workbook::PlanWorkbook::switch_to(&mut agency, &file, now()).expect("switch");
    assert!(outcome.new_plan);
    assert_eq!(
        agency.current_plan().expect("current"),
        outcome.plan_id,
        "switched"
    );
    let imported = agency.plan_data(outcome.plan_id).expect("imported");
    let published = office.plan_data(id).expect("office plan");
    assert_eq!(
        imported.tasks, published.tasks,
        "every task as the office wrote it"
    );
    assert_eq!(imported.groups, published.groups);
    assert_eq!(
        imported.meta.key, published.meta.key,
        "the same plan on both sides"
    );
    assert_eq!(imported.meta.version, 1);
    assert_eq!(
        agency.agencies(outcome.plan_id).expect("agencies").len(),
        15 + 104 + 3
    );

    // The 2024 plan stays readable and its months can still be exported.
    let month =
        cchc::report::MonthReport::gather(&agency, old_plan, "SNV", "2024-08").expect("2024 month");
    assert!(month
        .tasks()
        .iter()
        .any(|t| t.code == "IV.3.1" && t.entry_period.is_some()));
    export(&month, &_db.dir.path().join("bc.xlsx"));

    // Year words come from the plan.
    let month = cchc::report::MonthReport::gather(&agency, outcome.plan_id, "SNV", "2026-03")
        .expect("2026 month");
    export(&month, &_db.dir.path().join("bc-2026.xlsx"));
    let headers = cchc::report::layout::criteria_headers(2026);
    assert_eq!(
        (headers[4].as_str(), headers[6].as_str()),
        ("Điểm năm 2025", "Mục tiêu năm 2026")
    );
}

#[test]
fn a_newer_version_over_a_plan_with_progress_loses_nothing() {
    let (office_db, mut office, id) = office(2026);
    let (v1, _) = publish(&mut office, id, office_db.dir.path(), "v1.xlsx");
    let (agency_db, mut agency, _) = open_new();
    let plan = cchc::plan_workbook::PlanWorkbook::switch_to(&mut agency, &v1, now())
        .expect("v1")
        .plan_id;
    // NV.002 (SNV... leads by turn) is kept, NV.007 removed with history,
    // NV.012 removed without any, NV.017 reworded.
    let lead_of = |code: &str| {
        agency
            .plan_data(plan)
            .expect("data")
            .tasks
            .iter()
            .find(|t| t.code == code)
            .expect("task")
            .lead
            .clone()
    };
    let (kept_lead, gone_lead) = (lead_of("NV.002"), lead_of("NV.007"));
    agency
        .set_progress(
            plan,
            &entry(&kept_lead, "NV.002", "2026-02", State::InProgress),
            now(),
        )
        .expect("progress on a kept task");
    agency
        .set_progress(
            plan,
            &entry(&gone_lead, "NV.007", "2026-02", State::InProgress),
            now(),
        )
        .expect("progress on a task the office removes");
    agency
        .add_evidence(
            plan,
            &evidence(&gone_lead, "NV.007", "12/BC-UBND", date(2026, 2, 10)),
            now(),
        )
        .expect("evidence");
    let progress_before = count_rows(&agency_db.path, "progress");

    let mut data = office.plan_data(id).expect("office plan");
    data.tasks
        .retain(|t| t.code != "NV.007" && t.code != "NV.012");
    let reworded = data
        .tasks
        .iter_mut()
        .find(|t| t.code == "NV.017")
        .expect("NV.017");
    reworded.content.push_str(" (sửa)");
    let mut added = data.tasks[0].clone();
    added.code = "NV.151".into();
    data.tasks.push(added);
    office
        .save_plan(id, &data, "2026-03")
        .expect("the office edits");
    let (v2, version) = publish(&mut office, id, office_db.dir.path(), "v2.xlsx");
    assert_eq!(version, 2);

    let preview =
        cchc::plan_workbook::PlanWorkbook::preview(&agency, plan, &v2, None).expect("preview");
    assert_eq!(preview.kind, ImportKind::NewVersion);
    assert_eq!((preview.from_version, preview.version), (Some(1), 2));
    assert_eq!(preview.changes.added, ["NV.151"]);
    assert_eq!(preview.changes.changed, ["NV.017"]);
    assert_eq!(preview.changes.retired, ["NV.007"]);
    assert_eq!(preview.changes.removed, ["NV.012"]);

    let outcome =
        cchc::plan_workbook::PlanWorkbook::import(&mut agency, plan, &v2, None, at(2026, 3, 5))
            .expect("v2 updates in place");
    assert_eq!(outcome.plan_id, plan, "the same plan, updated in place");
    assert_eq!(
        outcome.changes.as_ref().map(|c| c.retired.clone()),
        Some(vec!["NV.007".to_string()])
    );
    assert_eq!(
        count_rows(&agency_db.path, "progress"),
        progress_before,
        "no entry lost"
    );
    assert_eq!(
        count_rows(&agency_db.path, "evidence_task"),
        1,
        "the evidence link is kept"
    );
    assert_eq!(agency.plan_meta(plan).expect("meta").version, 2);
    let kept = agency.status(plan, &kept_lead, "2026-02").expect("status");
    assert!(kept
        .tasks
        .iter()
        .any(|t| t.code == "NV.002" && t.entry_period.as_deref() == Some("2026-02")));
    // The retired task stays in the months before the switch (March 2026), with its entry.
    assert!(!task_codes(&agency, plan, &gone_lead, "2026-03").contains(&"NV.007".to_string()));
    assert!(task_codes(&agency, plan, &gone_lead, "2026-02").contains(&"NV.007".to_string()));
    assert!(agency
        .plan_data(plan)
        .expect("data")
        .tasks
        .iter()
        .all(|t| t.code != "NV.012"));

    // The same file again, or the older one, is refused by name.
    for (file, word) in [(&v2, "trùng với"), (&v1, "cũ hơn")] {
        let err = cchc::plan_workbook::PlanWorkbook::import(&mut agency, plan, file, None, now())
            .expect_err("not newer");
        let text = err.to_string();
        assert!(
            text.contains(word) && text.contains(&data.meta.name),
            "{text}"
        );
    }
    assert_eq!(
        agency.plan_meta(plan).expect("meta").version,
        2,
        "nothing changed"
    );
}

#[test]
fn a_workbook_of_another_plan_is_refused_when_a_version_of_this_one_is_expected() {
    let (office_db, mut office, id) = office(2026);
    let (file, _) = publish(&mut office, id, office_db.dir.path(), "khac.xlsx");
    let (db, mut agency, current) = open_new();
    let plans_before = count_rows(&db.path, "plan");
    let err = cchc::plan_workbook::PlanWorkbook::import(
        &mut agency,
        current,
        &file,
        Some(current),
        now(),
    )
    .expect_err("another plan");
    let text = err.to_string();
    assert!(
        text.contains("không phải một phiên bản của kế hoạch") && text.contains("năm 2026"),
        "{text}"
    );
    assert_eq!(count_rows(&db.path, "plan"), plans_before, "nothing stored");
}

#[test]
fn a_damaged_meta_sheet_is_refused_with_its_sheet_named() {
    let (office_db, mut office, id) = office(2026);
    let (file, _) = publish(&mut office, id, office_db.dir.path(), "v1.xlsx");
    let edited = office_db.dir.path().join("v1-sua.xlsx");
    crate::collect_fixture::edit(&file, &edited, &["set", "_meta", "B4", "mot"]);
    let (db, mut agency, current) = open_new();
    let err = cchc::plan_workbook::PlanWorkbook::import(&mut agency, current, &edited, None, now())
        .expect_err("a version that is not a number");
    assert!(
        err.to_string()
            .contains("Sheet \"_meta\": số phiên bản \"mot\""),
        "{err}"
    );
    assert_eq!(count_rows(&db.path, "plan"), 1);
}

#[test]
fn a_plan_exported_without_meta_still_imports_as_a_new_plan() {
    let (db, store, current) = open_new();
    let path = db.dir.path().join("ke-hoach.xlsx");
    cchc::plan_workbook::write_plan_workbook(&store.plan_data(current).expect("plan"), &path)
        .expect("export");
    let other = temp_db();
    let mut agency = cchc::open::open_store(&other.path, crate::common::now()).expect("open");
    let outcome = {
        let plan = agency.current_plan().expect("plan");
        cchc::plan_workbook::PlanWorkbook::import(&mut agency, plan, &path, None, now())
    }
    .expect("a whole plan without _meta");
    assert!(outcome.new_plan);
    assert_eq!(outcome.version, 0, "not a published version");
}

#[test]
fn a_schema_2_database_with_progress_upgrades_with_its_plan_key_and_no_version() {
    use cchc::db::migrate;
    let db = temp_db();
    // The migration this change adds; the data is written at the one before it.
    let before = migrate::MIGRATIONS
        .iter()
        .position(|sql| sql.contains("Schema 3: the plan's yearly cycle"))
        .expect("the plan-cycle migration is listed") as u32;
    crate::collect_store::schema_with_data(&db.path, before);
    let store = cchc::open::open_store(&db.path, crate::common::now()).expect("upgrades");
    let meta = store.plan_meta(1).expect("the plan");
    assert_eq!(
        meta.key, "Hưng Yên|2024|Kế hoạch thử",
        "the key the code makes too"
    );
    assert_eq!(meta.version, 0, "never published");
    let status = store.status(1, "SNV", "2024-09").expect("status");
    assert_eq!(status.tasks[0].percent, Some(50), "the progress is there");
    assert!(store.successions(1).expect("none").is_empty());
}

#[test]
fn carry_over_lists_the_tasks_not_finished_in_the_latest_reports_with_their_status() {
    use crate::collect_fixture::{exported_at, AgencyDb, Collector, PERIOD};
    let agency = AgencyDb::new();
    let dir = tempfile::tempdir().expect("temp folder");
    let file = agency.export("SNV", PERIOD, exported_at(9), dir.path(), None);
    let mut collector = Collector::new();
    collector.collect_one(&file);
    let open = collector
        .store
        .unfinished_tasks(collector.plan)
        .expect("carry-over list");
    let status_of = |code: &str| open.iter().find(|c| c.task.code == code).map(|c| c.status);
    assert_eq!(
        status_of("IV.3.1"),
        None,
        "done in SNV's report: not carried"
    );
    let reported = agency
        .store
        .status(agency.plan, "SNV", PERIOD)
        .expect("status")
        .tasks
        .into_iter()
        .find(|t| t.code == "II.1.1")
        .expect("II.1.1")
        .status;
    assert_eq!(
        status_of("II.1.1"),
        Some(Some(reported)),
        "its last reported status"
    );
    let never = collector
        .store
        .tasks(collector.plan, None)
        .expect("tasks")
        .into_iter()
        .find(|t| {
            !agency
                .store
                .tasks(agency.plan, Some("SNV"))
                .expect("own")
                .iter()
                .any(|o| o.code == t.code)
        })
        .expect("a task SNV does not take part in");
    assert_eq!(
        status_of(&never.code),
        Some(None),
        "never reported: carried without a status"
    );
}
