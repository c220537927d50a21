use cchc::open::open_store;
use cchc::store::Store;
use cchc::text;

use crate::common::{count_rows, open_new};

#[test]
fn a_new_database_file_gets_the_built_in_plan_once() {
    let (db, store, plan) = open_new();
    assert!(db.path.exists(), "the database is a real file on disk");
    let tasks = store.tasks(plan, None).expect("tasks load").len();
    drop(store);
    let reopened = open_store(&db.path, crate::common::now()).expect("the file opens again");
    assert_eq!(
        reopened.plans().expect("plans").len(),
        1,
        "reopening does not load the plan twice"
    );
    assert_eq!(
        reopened.tasks(plan, None).expect("tasks").len(),
        tasks,
        "the same tasks come back"
    );
    assert_eq!(count_rows(&db.path, "plan"), 1);
}

#[test]
fn tasks_their_partners_and_criteria_read_back_in_the_plans_order() {
    let (_db, store, plan) = open_new();
    let stored = store.plan_data(plan).expect("the plan reads");
    let built_in = cchc::plan::built_in().expect("the built-in plan loads");
    let listed = |tasks: &[cchc::plan::TaskDef]| -> Vec<(String, Vec<String>, Vec<String>)> {
        tasks
            .iter()
            .map(|t| (t.code.clone(), t.partners.clone(), t.criteria.clone()))
            .collect()
    };
    assert_eq!(listed(&stored.tasks), listed(&built_in.tasks));
}

#[test]
fn a_task_led_by_a_group_is_one_task_listed_for_every_member() {
    let (_db, store, plan) = open_new();
    let all = store.tasks(plan, None).expect("tasks");
    let by_group: Vec<_> = all
        .iter()
        .filter(|t| t.lead == "UBNDH")
        .map(|t| t.code.clone())
        .collect();
    assert!(
        !by_group.is_empty(),
        "some tasks are led by the districts as a group"
    );
    for district in ["TPHY", "HKC", "HPC"] {
        let own = store.tasks(plan, Some(district)).expect("district tasks");
        for code in &by_group {
            let t = own.iter().find(|t| &t.code == code);
            assert!(t.is_some(), "{district} sees group task {code}");
            assert_eq!(
                t.map(|t| t.role.map(|r| r.label())),
                Some(Some("Chủ trì")),
                "{district} leads {code} as a member"
            );
        }
    }
    assert_eq!(
        all.iter().filter(|t| t.lead == "UBNDH").count(),
        by_group.len(),
        "still one task each in the plan"
    );
}

#[test]
fn nested_groups_reach_their_members_and_partners_see_their_role() {
    let (_db, store, plan) = open_new();
    let snv = store.tasks(plan, Some("SNV")).expect("tasks of Sở Nội vụ");
    let role = |code: &str| {
        snv.iter()
            .find(|t| t.code == code)
            .and_then(|t| t.role.map(|r| r.label()))
    };
    assert_eq!(
        role("IV.3.1"),
        Some("Chủ trì"),
        "SNV leads the college merger"
    );
    assert_eq!(
        role("II.4.6"),
        Some("Chủ trì"),
        "CQDV contains SBN which contains SNV"
    );
    assert_eq!(
        role("II.3.1"),
        Some("Phối hợp"),
        "SNV co-operates on the districts' staffing plans"
    );
    assert!(
        role("IV.7.3").is_none(),
        "the tax office's task is not SNV's"
    );
    let agencies = store.agencies(plan).expect("agencies");
    let snv_row = agencies
        .iter()
        .find(|a| a.code == "SNV")
        .expect("SNV exists");
    assert!(
        snv_row.groups.contains(&"SBN".to_string()) && snv_row.groups.contains(&"CQDV".to_string()),
        "SNV belongs to SBN directly and to CQDV through it: {:?}",
        snv_row.groups
    );
}

#[test]
fn unknown_agency_code_is_refused_with_a_vietnamese_message() {
    let (_db, store, plan) = open_new();
    let err = store
        .tasks(plan, Some("SOXYZ"))
        .expect_err("an unknown code is an error");
    assert_eq!(
        err.to_string(),
        "Không có cơ quan mã \"SOXYZ\" trong kế hoạch đang dùng."
    );
}

#[test]
fn searching_agencies_ignores_case_and_diacritics() {
    let (_db, store, plan) = open_new();
    let agencies = store.agencies(plan).expect("agencies");
    let find = |q: &str| -> Vec<String> {
        agencies
            .iter()
            .filter(|a| text::matches(&a.name, q))
            .map(|a| a.code.clone())
            .collect()
    };
    assert_eq!(
        find("ke hoach va dau tu"),
        find("Kế hoạch và Đầu tư"),
        "with or without diacritics"
    );
    assert!(
        find("dau tu").contains(&"SKHDT".to_string()),
        "đ is found by d"
    );
    assert!(
        find("KHOAI CHAU").contains(&"HKC".to_string()),
        "capitals are ignored"
    );
    assert!(
        find("khoai chau huyen").is_empty(),
        "words must appear in order"
    );
}

#[test]
fn agencies_sort_in_vietnamese_order() {
    let (_db, store, plan) = open_new();
    let mut names: Vec<String> = store
        .agencies(plan)
        .expect("agencies")
        .into_iter()
        .map(|a| a.name)
        .collect();
    names.sort_by(|a, b| text::compare(a, b));
    let pos = |n: &str| names.iter().position(|x| x == n).expect("name present");
    assert!(
        pos("Ban Quản lý các khu công nghiệp tỉnh") < pos("Báo Hưng Yên"),
        "a before á in Vietnamese order"
    );
    assert!(
        pos("Cục Thuế tỉnh Hưng Yên") < pos("Đài Phát thanh và Truyền hình Hưng Yên"),
        "c before đ"
    );
    assert!(
        pos("Các trường đại học, cao đẳng trên địa bàn tỉnh")
            < pos("Đài Phát thanh và Truyền hình Hưng Yên")
    );
}

#[test]
fn several_plans_coexist_and_one_is_current() {
    let (_db, mut store, first) = open_new();
    let mut next = store.plan_data(first).expect("plan data");
    next.meta.year = 2025;
    next.meta.name = "Kế hoạch năm 2025".into();
    let second = store
        .insert_plan(&next, crate::common::now())
        .expect("a second plan is stored");
    assert_eq!(
        store.current_plan().expect("current"),
        first,
        "adding a plan does not switch to it"
    );
    store.use_plan(second).expect("switch");
    assert_eq!(store.current_plan().expect("current"), second);
    let plans = store.plans().expect("plans");
    assert_eq!(
        plans.iter().filter(|p| p.current).count(),
        1,
        "exactly one current plan"
    );
    assert!(
        store.use_plan(999).is_err(),
        "an unknown plan id is refused"
    );
    assert_eq!(
        store.current_plan().expect("current"),
        second,
        "a refused switch changes nothing"
    );
}

#[test]
fn store_open_dates_the_built_in_plan_with_the_given_now_and_writes_no_backup() {
    let db = crate::common::temp_db();
    let store = Store::open(&db.path, crate::common::now(), |_| {
        panic!("a new file needs no step before an upgrade")
    })
    .expect("a new database opens");
    drop(store);
    let conn = rusqlite::Connection::open(&db.path).expect("open");
    let created: String = conn
        .query_row("SELECT created_at FROM plan", [], |r| r.get(0))
        .expect("the built-in plan");
    assert_eq!(
        created,
        crate::common::now().to_rfc3339(),
        "the time comes from the caller, not the clock"
    );
    assert!(
        !db.path.with_file_name("backups").exists(),
        "opening writes no archive"
    );
}

#[test]
fn store_open_runs_the_callers_step_before_an_upgrade_and_stops_when_it_fails() {
    use cchc::db::migrate;
    let db = crate::common::temp_db();
    std::fs::create_dir_all(db.path.parent().expect("parent")).expect("folder");
    let mut conn = rusqlite::Connection::open(&db.path).expect("create");
    migrate::migrate_to(&mut conn, 1).expect("schema 1");
    drop(conn);

    let err = Store::open(&db.path, crate::common::now(), |version| {
        assert_eq!(version, 1, "the step hears the version being upgraded");
        Err(cchc::Error::Invalid("bản sao lưu không ghi được".into()))
    })
    .err()
    .expect("a failed step stops the upgrade");
    assert!(err.to_string().contains("bản sao lưu"), "{err}");
    let conn = rusqlite::Connection::open(&db.path).expect("reopen");
    assert_eq!(migrate::version(&conn).expect("version"), 1, "not upgraded");
    drop(conn);

    let mut asked = Vec::new();
    let store = Store::open(&db.path, crate::common::now(), |version| {
        asked.push(version);
        Ok(())
    })
    .expect("the upgrade runs after the step");
    drop(store);
    assert_eq!(asked, vec![1], "the step runs once, before the upgrade");
    assert!(
        !db.path.with_file_name("backups").exists(),
        "the store itself writes no backup: that is the caller's step"
    );
}
