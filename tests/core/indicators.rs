use cchc::open::open_store;
use cchc::plan::{self, AgencyKind, IndicatorKind};
use cchc::plan_workbook::PlanWorkbook;
use cchc::score::{self, DriverKind};
use cchc::status::State;
use cchc::store::{IndicatorForm, PartyKind};
use cchc::Error;
use regex::Regex;
use rusqlite::Connection;

use crate::common::{count_rows, entry, now, open_new, plan_text, temp_db};

/// A form for `agency`'s figure of `criterion` in `period`, as typed.
pub fn form(agency: &str, criterion: &str, period: &str, n: &str, d: &str) -> IndicatorForm {
    IndicatorForm {
        agency: agency.into(),
        criterion: criterion.into(),
        period: period.into(),
        numerator: n.into(),
        denominator: d.into(),
        source: "Hệ thống thông tin giải quyết TTHC tỉnh".into(),
        as_of: "31/08/2024".into(),
        ..IndicatorForm::default()
    }
}

/// The number the plan text writes just before `%` followed by `phrase`.
fn percent_before(text: &str, phrase: &str) -> f64 {
    let re = Regex::new(&format!(r"(\d+)% {}", regex::escape(phrase))).expect("valid regex");
    let cap = re
        .captures(text)
        .unwrap_or_else(|| panic!("the plan text has \"…% {phrase}\""));
    cap[1].parse().expect("a whole number")
}

fn collapse(s: &str) -> String {
    s.replace('*', "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_2024_indicators_carry_the_targets_the_plan_text_sets() {
    let text = collapse(&plan_text());
    let (_db, store, plan) = open_new();
    let indicators = store.indicators(plan).expect("indicators");
    let target = |criterion: &str, index: u32| {
        indicators
            .iter()
            .find(|i| i.criterion == criterion && i.index == index)
            .unwrap_or_else(|| panic!("{criterion} has indicator {index}"))
            .target
    };
    assert_eq!(
        target("7.3.6", 1),
        percent_before(&text, "hồ sơ trực tuyến toàn trình được tiếp nhận")
    );
    assert_eq!(
        target("7.3.7", 1),
        percent_before(&text, "TTHC có yêu cầu phí, lệ phí được cung cấp")
    );
    assert_eq!(
        target("7.3.7", 2),
        percent_before(&text, "hồ sơ phát sinh có yêu cầu phí, lệ phí")
    );
    let reduction = Regex::new(r"giảm tối thiểu bình quân toàn tỉnh (\d+)% đơn vị sự nghiệp")
        .expect("valid regex")
        .captures(&text)
        .expect("the text sets the 4.1.3 reduction")[1]
        .parse::<f64>()
        .expect("a number");
    assert_eq!(target("4.1.3", 1), reduction);
    for code in ["3.4.1", "3.4.2", "3.4.3", "5.6", "7.1.3", "7.1.4", "8.3.3"] {
        assert_eq!(
            target(code, 1),
            100.0,
            "\"Đạt điểm tối đa\" reads as 100% for {code}"
        );
    }
    assert!(
        indicators
            .iter()
            .all(|i| i.kind == IndicatorKind::Rate && i.unit == "%"),
        "every 2024 indicator is a rate from a numerator and a denominator"
    );
    assert_eq!(
        indicators.iter().filter(|i| i.criterion == "7.3.7").count(),
        2,
        "7.3.7 has two indicators"
    );
}

#[test]
fn the_2024_reporters_are_the_departments_the_districts_and_the_leads_of_the_tasks() {
    let (_db, store, plan) = open_new();
    let agencies = store.agencies(plan).expect("agencies");
    let of_kind = |kind: AgencyKind| -> Vec<String> {
        agencies
            .iter()
            .filter(|a| a.kind == PartyKind::Agency(kind))
            .map(|a| a.code.clone())
            .collect()
    };
    let indicators = store.indicators(plan).expect("indicators");
    let all = store.indicator_reporters(plan).expect("reporters");
    let reporters = |code: &str| {
        let i = indicators
            .iter()
            .find(|i| i.criterion == code)
            .expect("indicator");
        all.get(&i.id).cloned().unwrap_or_default()
    };
    let departments = of_kind(AgencyKind::SoBanNganh);
    let districts = of_kind(AgencyKind::UbndHuyen);
    assert_eq!(departments.len(), 18, "the plan's 18 sở, ban, ngành");
    assert_eq!(districts.len(), 10, "Hưng Yên's ten district-level units");
    assert_eq!(
        reporters("3.4.1"),
        departments,
        "every department reports 3.4.1"
    );
    assert_eq!(
        reporters("3.4.2"),
        districts,
        "every district reports 3.4.2"
    );
    assert_eq!(
        reporters("3.4.3"),
        districts,
        "districts report for their communes"
    );
    let data = plan::built_in().expect("built-in plan");
    for code in ["4.1.3", "5.6", "7.1.3", "7.1.4", "8.3.3"] {
        let i = indicators
            .iter()
            .find(|i| i.criterion == code)
            .expect("indicator");
        for r in &i.reporters {
            assert!(
                data.tasks
                    .iter()
                    .any(|t| t.criteria.iter().any(|c| c == code) && &t.lead == r),
                "{r} reports {code} because it leads one of its tasks"
            );
        }
    }
}

#[test]
fn a_figure_typed_the_vietnamese_way_is_saved_as_a_rate() {
    let (db, mut store, plan) = open_new();
    let figure = store
        .set_indicator(
            plan,
            &form("SNV", "3.4.1", "2024-08", "1.245", "1.250"),
            now(),
        )
        .expect("1.245 / 1.250 is a rate");
    assert_eq!(figure.numerator, Some(1245.0), "the dot groups thousands");
    assert_eq!(figure.denominator, Some(1250.0));
    assert!((figure.value - 1245.0 / 1250.0 * 100.0).abs() < 1e-9);
    assert_eq!(count_rows(&db.path, "indicator_value"), 1);
    let decimal = store
        .set_indicator(plan, &form("SNV", "3.4.1", "2024-08", "85,5", "100"), now())
        .expect("a decimal comma is read");
    assert_eq!(decimal.numerator, Some(85.5));
    assert_eq!(
        count_rows(&db.path, "indicator_value"),
        1,
        "the month's figure is replaced, not added"
    );
}

#[test]
fn wrong_figures_are_refused_with_a_message_and_nothing_is_saved() {
    let (db, mut store, plan) = open_new();
    store
        .set_indicator(plan, &form("SNV", "3.4.1", "2024-08", "90", "100"), now())
        .expect("a first figure");
    let cases: [(IndicatorForm, &str); 6] = [
        (
            form("SNV", "3.4.1", "2024-08", "1.300", "1.250"),
            "Tử số 1.300 lớn hơn mẫu số 1.250",
        ),
        (
            form("SNV", "3.4.1", "2024-08", "12a", "100"),
            "Tử số \"12a\"",
        ),
        (
            form("SNV", "3.4.1", "2024-08", "5", "0"),
            "Mẫu số phải lớn hơn 0",
        ),
        (
            form("SNV", "3.4.1", "2024-08", "5", ""),
            "Chưa nhập đủ tử số và mẫu số",
        ),
        (
            form("HKC", "3.4.1", "2024-08", "5", "10"),
            "Cơ quan HKC không báo cáo chỉ số",
        ),
        (
            IndicatorForm {
                as_of: "15/09/2024".into(),
                ..form("SNV", "3.4.1", "2024-08", "5", "10")
            },
            "Ngày số liệu 15/09/2024 nằm sau kỳ báo cáo tháng 08/2024",
        ),
    ];
    for (f, message) in cases {
        let err = store
            .set_indicator(plan, &f, now())
            .expect_err("a wrong figure is refused");
        assert!(matches!(err, Error::Invalid(_)), "{err:?}");
        assert!(
            err.to_string().contains(message),
            "{err} should say {message}"
        );
    }
    let kept = store
        .indicator_figures(
            store.pick_indicator(plan, "3.4.1", None).expect("3.4.1").id,
            "SNV",
            plan,
            "2024-08",
        )
        .expect("figures");
    assert_eq!(kept.len(), 1);
    assert_eq!(
        (kept[0].numerator, kept[0].denominator),
        (Some(90.0), Some(100.0)),
        "the saved figure is untouched by the refusals"
    );
    assert_eq!(count_rows(&db.path, "indicator_value"), 1);
}

#[test]
fn a_criterion_with_two_indicators_asks_which_one() {
    let (_db, mut store, plan) = open_new();
    let err = store
        .set_indicator(plan, &form("SNV", "7.3.7", "2024-08", "5", "10"), now())
        .expect_err("7.3.7 has two indicators");
    assert!(err.to_string().contains("có 2 chỉ số đo được"), "{err}");
    let second = IndicatorForm {
        index: Some(2),
        ..form("SNV", "7.3.7", "2024-08", "30", "100")
    };
    store
        .set_indicator(plan, &second, now())
        .expect("the second one");
    let err = store
        .set_indicator(
            plan,
            &IndicatorForm {
                index: Some(3),
                ..second
            },
            now(),
        )
        .expect_err("there is no third");
    assert!(err.to_string().contains("không có chỉ số số 3"), "{err}");
}

#[test]
fn the_officer_view_estimates_from_the_latest_figure_and_puts_the_most_at_risk_first() {
    let (_db, mut store, plan) = open_new();
    for (period, n, d, as_of) in [
        ("2024-07", "560", "1.000", "31/07/2024"),
        ("2024-08", "1.200", "2.000", "31/08/2024"),
    ] {
        let f = IndicatorForm {
            as_of: as_of.into(),
            ..form("SNV", "7.3.6", period, n, d)
        };
        store.set_indicator(plan, &f, now()).expect("7.3.6");
    }
    store
        .set_indicator(
            plan,
            &form("SNV", "3.4.1", "2024-08", "1.245", "1.250"),
            now(),
        )
        .expect("3.4.1");
    let scores = score::agency_scores(&store, plan, "SNV", "2024-08").expect("the agency's scores");
    let s736 = scores
        .iter()
        .find(|s| s.criterion == "7.3.6")
        .expect("7.3.6");
    // 1.200 / 2.000 = 60%; 1,5 × 60 / 85 = 1,0588 (4 decimals); 1,5 − 1,0588… = 0,4412.
    assert_eq!(s736.value, Some(60.0));
    assert_eq!(s736.target, Some(85.0));
    assert_eq!(s736.estimate, Some(1.0588));
    assert_eq!(s736.at_risk, 0.4412);
    let trend: Vec<f64> = s736.indicators[0].trend.iter().map(|p| p.value).collect();
    assert_eq!(trend, vec![56.0, 60.0], "July then August");
    assert_eq!(s736.drivers[0].kind, DriverKind::BelowTarget);
    assert!(
        s736.drivers[0].text.contains("60%") && s736.drivers[0].text.contains("85%"),
        "{}",
        s736.drivers[0].text
    );
    let s341 = scores
        .iter()
        .find(|s| s.criterion == "3.4.1")
        .expect("3.4.1");
    // 1.245 / 1.250 = 99,6%; 1,5 × 0,996 = 1,494.
    assert_eq!(s341.estimate, Some(1.494));
    assert_eq!(s341.at_risk, 0.006);
    let s737 = scores
        .iter()
        .find(|s| s.criterion == "7.3.7")
        .expect("7.3.7");
    assert_eq!(
        (s737.estimate, s737.at_risk),
        (None, 1.5),
        "no figure of 7.3.7 yet: its whole maximum is at risk"
    );
    assert!(
        scores.windows(2).all(|w| w[0].at_risk >= w[1].at_risk),
        "sorted by points at risk"
    );
}

#[test]
fn a_task_driven_criterion_is_at_risk_while_its_task_is_overdue() {
    let (_db, mut store, plan) = open_new();
    let overdue_of = |scores: &[cchc::score::CriterionScore], code: &str| {
        scores.iter().find(|s| s.criterion == code).map(|s| {
            s.drivers
                .iter()
                .any(|d| d.kind == DriverKind::Overdue && d.text.contains("IV.3.1"))
        })
    };
    let august = score::agency_scores(&store, plan, "SNV", "2024-08").expect("scores");
    assert_eq!(
        overdue_of(&august, "4.1.3"),
        Some(false),
        "IV.3.1 is due in August: not overdue in August"
    );
    let september = score::agency_scores(&store, plan, "SNV", "2024-09").expect("scores");
    assert_eq!(
        overdue_of(&september, "4.1.3"),
        Some(true),
        "IV.3.1 not done by 31/08/2024 drives 4.1.3 in September"
    );
    // In January 2025 the tasks due "trong năm 2024" are overdue too.
    let january = score::agency_scores(&store, plan, "SNV", "2025-01").expect("scores");
    let task_driven: Vec<_> = january.iter().filter(|s| s.indicators.is_empty()).collect();
    assert!(
        task_driven
            .iter()
            .any(|s| s.drivers.iter().any(|d| d.kind == DriverKind::Overdue)),
        "some criterion without indicators has an overdue task of SNV"
    );
    for s in task_driven {
        let overdue = s.drivers.iter().any(|d| d.kind == DriverKind::Overdue);
        let expected = if overdue {
            ((s.max - s.last_score) * 10_000.0).round() / 10_000.0
        } else {
            0.0
        };
        assert_eq!(
            s.at_risk, expected,
            "{}: the points to win back stay at risk exactly while a task is overdue",
            s.criterion
        );
        assert_eq!(s.estimate, None, "no indicator, no estimate");
    }
    store
        .set_progress(
            plan,
            &cchc::store::ProgressInput {
                done_on: Some(crate::common::date(2024, 8, 20)),
                ..entry("SNV", "IV.3.1", "2024-09", State::Done)
            },
            now(),
        )
        .expect("IV.3.1 done");
    let done = score::agency_scores(&store, plan, "SNV", "2024-09").expect("scores");
    assert_eq!(
        overdue_of(&done, "4.1.3"),
        Some(false),
        "a task done on time drives nothing"
    );
}

/// The schema version just before the indicators' migration, found by its text.
fn version_before_indicators() -> u32 {
    cchc::db::migrate::MIGRATIONS
        .iter()
        .position(|sql| sql.contains("CREATE TABLE indicator ("))
        .expect("a migration creates the indicator table") as u32
}

#[test]
fn a_database_made_before_indicators_gets_the_built_in_ones_on_upgrade() {
    let db = temp_db();
    let mut store = open_store(&db.path, now()).expect("create");
    let plan = store.current_plan().expect("plan");
    store
        .set_progress(
            plan,
            &entry("SNV", "IV.3.1", "2024-08", State::InProgress),
            now(),
        )
        .expect("some data");
    drop(store);
    let before = version_before_indicators();
    let conn = Connection::open(&db.path).expect("open");
    // Take the database back to the schema before indicators, data kept.
    conn.execute_batch(
        "DROP TABLE collected_indicator; DROP TABLE indicator_value;
         DROP TABLE indicator_reporter; DROP TABLE indicator;",
    )
    .expect("drop the indicator tables");
    conn.pragma_update(None, "user_version", before)
        .expect("the older version");
    drop(conn);
    let store = open_store(&db.path, now()).expect("the upgrade runs");
    let indicators = store.indicators(plan).expect("indicators");
    let built_in = plan::built_in().expect("built-in");
    assert_eq!(
        indicators.len(),
        built_in.indicators.len(),
        "the built-in plan's indicators were added to the stored plan"
    );
    assert_eq!(count_rows(&db.path, "progress"), 1, "the data is kept");
    drop(store);
    let again = open_store(&db.path, now()).expect("reopen");
    assert_eq!(
        again.indicators(plan).expect("indicators").len(),
        built_in.indicators.len(),
        "opening again adds nothing twice"
    );
}

#[test]
fn the_plan_workbook_carries_the_indicators_of_a_new_plan() {
    let (db, store, plan) = open_new();
    let data = store.plan_data(plan).expect("plan data");
    let path = db.dir.path().join("ke-hoach.xlsx");
    cchc::plan_workbook::write_plan_workbook(&data, &path).expect("written");
    let read = match cchc::plan_workbook::read_plan_workbook(&path, &data).expect("read back") {
        cchc::plan_workbook::PlanWorkbook::NewPlan(p) => p,
        other => panic!("a whole plan, not {other:?}"),
    };
    assert_eq!(
        read.indicators, data.indicators,
        "the indicators round-trip"
    );
    assert!(!read.indicators.is_empty());
}

#[test]
fn a_plan_workbook_with_a_wrong_indicator_row_is_refused_naming_the_row() {
    let (db, mut store, plan) = open_new();
    let data = store.plan_data(plan).expect("plan data");
    let written = db.dir.path().join("ke-hoach.xlsx");
    cchc::plan_workbook::write_plan_workbook(&data, &written).expect("written");
    let bad = db.dir.path().join("ke-hoach-sai.xlsx");
    crate::collect_fixture::edit(
        &written,
        &bad,
        &[
            "set",
            "Chỉ số đo được",
            "A2",
            "9.9.9",
            "set",
            "Chỉ số đo được",
            "G3",
            "Sở Không Có",
            "set",
            "Chỉ số đo được",
            "E4",
            "nhiều",
        ],
    );
    let plans_before = store.plans().expect("plans").len();
    let err = PlanWorkbook::import(&mut store, plan, &bad, None, now())
        .expect_err("wrong rows are refused");
    let message = err.to_string();
    for part in [
        "Sheet \"Chỉ số đo được\", dòng 2: không có tiêu chí mã \"9.9.9\"",
        "Sheet \"Chỉ số đo được\", dòng 3: không có cơ quan hoặc nhóm \"Sở Không Có\"",
        "Sheet \"Chỉ số đo được\", dòng 4: mục tiêu \"nhiều\" không phải là số",
    ] {
        assert!(message.contains(part), "{message}\nshould say: {part}");
    }
    assert_eq!(
        store.plans().expect("plans").len(),
        plans_before,
        "nothing is imported"
    );
}
