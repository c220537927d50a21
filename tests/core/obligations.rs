use cchc::deadline::{Holidays, WorkdayCount};
use cchc::docref::extract_references;
use cchc::obligation::ObligationStatus;
use cchc::store::{ObligationInput, SettleInput, Store};
use chrono::NaiveDate;

use crate::common::{count_rows, date, now, open_new};

/// A 5-working-day count from `(y, m, d)` and the due date worked out by hand
/// from the Government's notices (assets/holidays.toml names each source).
type Ymd = (i32, u32, u32);

const BY_HAND: [(Ymd, Ymd, &str); 15] = [
    (
        (2023, 12, 29),
        (2024, 1, 8),
        "Tết Dương lịch 2024 (Monday 1/1)",
    ),
    ((2024, 2, 7), (2024, 2, 21), "Tết 08–14/02/2024"),
    ((2024, 4, 16), (2024, 4, 24), "Giỗ Tổ Thursday 18/4/2024"),
    (
        (2024, 4, 25),
        (2024, 5, 6),
        "27/4–01/5/2024 off, Saturday 04/5/2024 worked",
    ),
    ((2024, 8, 29), (2024, 9, 9), "Quốc khánh 31/8–03/9/2024"),
    (
        (2024, 12, 30),
        (2025, 1, 7),
        "Tết Dương lịch 2025 (Wednesday 1/1)",
    ),
    (
        (2025, 1, 23),
        (2025, 2, 6),
        "the domain brief's Tết 2025 example",
    ),
    ((2025, 4, 3), (2025, 4, 11), "Giỗ Tổ Monday 7/4/2025"),
    (
        (2025, 4, 24),
        (2025, 5, 5),
        "the domain brief's example: Saturday 26/4 worked, 30/4–04/5 off",
    ),
    ((2025, 8, 28), (2025, 9, 8), "Quốc khánh 30/8–02/9/2025"),
    ((2025, 12, 31), (2026, 1, 9), "01–04/01/2026 off"),
    ((2026, 1, 6), (2026, 1, 12), "Saturday 10/01/2026 worked"),
    ((2026, 2, 12), (2026, 2, 26), "Tết 14–22/02/2026"),
    (
        (2026, 4, 24),
        (2026, 5, 6),
        "nghỉ bù Giỗ Tổ 27/4/2026, 30/4–01/5/2026",
    ),
    (
        (2026, 8, 27),
        (2026, 9, 8),
        "29/8–02/9/2026 off (31/8 swapped for Saturday 22/8)",
    ),
];

fn ymd((y, m, d): Ymd) -> NaiveDate {
    date(y, m, d)
}

#[test]
fn due_dates_over_every_holiday_of_2024_to_2026_match_the_dates_worked_out_by_hand() {
    let holidays = Holidays::built_in().expect("the built-in table");
    for (from, due, why) in BY_HAND {
        let count = WorkdayCount::new(ymd(from), 5, &holidays);
        assert_eq!(count.due_date, ymd(due), "{why}: {}", count.explanation());
    }
    let saturday = WorkdayCount::new(date(2026, 8, 20), 5, &holidays);
    assert_eq!(
        saturday.due_date,
        date(2026, 8, 26),
        "Saturday 22/8/2026 counts"
    );
    assert_eq!(saturday.worked_saturdays.len(), 1, "and is named as worked");
}

fn ii11(number: &str, on: NaiveDate) -> ObligationInput {
    ObligationInput {
        agency: "SNV".into(),
        task: "II.1.1".into(),
        number: number.into(),
        date: Some(on),
        issuer: "Bộ Tư pháp".into(),
        ..Default::default()
    }
}

fn settle(
    store: &mut Store,
    plan: i64,
    id: i64,
    number: &str,
    on: NaiveDate,
) -> cchc::Result<cchc::store::ObligationRow> {
    store.settle_obligation(
        plan,
        &SettleInput {
            agency: "SNV".into(),
            id,
            number: number.into(),
            date: Some(on),
        },
        now(),
    )
}

#[test]
fn an_event_pasted_as_text_becomes_an_obligation_due_five_working_days_later() {
    let (_db, mut store, plan) = open_new();
    let pasted = "Quyết định số 1234/QĐ-BTP ngày 05/3/2026 của Bộ Tư pháp";
    let found = extract_references(pasted);
    assert_eq!(found.len(), 1, "the reader finds the decision");
    let input = ii11(&found[0].reference, found[0].date.expect("its date"));
    let row = store
        .add_obligation(plan, &input, date(2026, 3, 6), now())
        .expect("II.1.1 has a working-day rule");
    assert_eq!(row.number, "1234/QĐ-BTP");
    assert_eq!(
        row.start,
        date(2026, 3, 5),
        "counted from the decision's date"
    );
    assert_eq!(row.working_days, 5);
    assert_eq!(
        row.due_date,
        date(2026, 3, 12),
        "Fri 6, Mon 9, Tue 10, Wed 11, Thu 12"
    );
    assert_eq!(row.status, ObligationStatus::NotDue);
    assert_eq!(
        row.days_left,
        Some(4),
        "four working days left on Friday 6/3"
    );
    assert_eq!(row.used_working_days, 1);
    assert_eq!(
        row.why.as_deref(),
        Some("05 ngày làm việc từ 05/03/2026: bỏ qua 07/03–08/03/2026 (Thứ Bảy, Chủ nhật); hạn 12/03/2026.")
    );
}

#[test]
fn settled_on_the_due_date_is_on_time_and_on_the_next_working_day_late_and_becomes_evidence() {
    let (_db, mut store, plan) = open_new();
    let first = store
        .add_obligation(
            plan,
            &ii11("10/QĐ-BTP", date(2025, 1, 23)),
            date(2025, 1, 23),
            now(),
        )
        .expect("recorded");
    let second = store
        .add_obligation(
            plan,
            &ii11("11/QĐ-BTP", date(2025, 1, 23)),
            date(2025, 1, 23),
            now(),
        )
        .expect("recorded");
    assert_eq!(first.due_date, date(2025, 2, 6), "over Tết 2025");
    let evidence_before = count_rows(&_db.path, "evidence");
    let on_time =
        settle(&mut store, plan, first.id, "45/TTr-SNV", date(2025, 2, 6)).expect("settled");
    assert_eq!(on_time.status, ObligationStatus::OnTime);
    assert_eq!(on_time.used_working_days, 5);
    let late =
        settle(&mut store, plan, second.id, "46/TTr-SNV", date(2025, 2, 7)).expect("settled");
    assert_eq!(
        late.status,
        ObligationStatus::Late,
        "Friday 7/2 is the next working day"
    );
    assert_eq!(late.used_working_days, 6);
    assert_eq!(count_rows(&_db.path, "evidence"), evidence_before + 2);
    let evidence = store.evidence(plan, "SNV").expect("list");
    let answer = evidence
        .iter()
        .find(|e| e.number == "45/TTr-SNV")
        .expect("the answer is evidence");
    assert_eq!(answer.tasks, vec!["II.1.1".to_string()], "of the task");
    assert_eq!(answer.date, date(2025, 2, 6));
    assert_eq!(answer.issuer, "Sở Nội vụ");
    assert!(answer.summary.contains("10/QĐ-BTP"), "{}", answer.summary);
}

#[test]
fn a_rule_counting_from_receipt_needs_the_received_date_and_starts_from_it() {
    let (_db, mut store, plan) = open_new();
    let mut input = ObligationInput {
        agency: "VPUBND".into(),
        task: "II.1.2".into(),
        number: "15/TTr-STP".into(),
        date: Some(date(2024, 4, 22)),
        ..Default::default()
    };
    let error = store
        .add_obligation(plan, &input, date(2024, 4, 25), now())
        .expect_err("II.1.2 counts from receipt");
    assert!(error.to_string().contains("ngày nhận"), "{error}");
    assert_eq!(count_rows(&_db.path, "obligation"), 0, "nothing saved");
    input.received = Some(date(2024, 4, 25));
    let row = store
        .add_obligation(plan, &input, date(2024, 4, 25), now())
        .expect("recorded with its received date");
    assert_eq!(row.start, date(2024, 4, 25), "counted from receipt");
    assert_eq!(
        row.due_date,
        date(2024, 5, 6),
        "over 27/4–01/5/2024 and Saturday 04/5 worked"
    );
    input.received = Some(date(2024, 4, 20));
    input.number = "16/TTr-STP".into();
    let error = store
        .add_obligation(plan, &input, date(2024, 4, 25), now())
        .expect_err("received before it was issued");
    assert!(
        error.to_string().contains("trước ngày của văn bản"),
        "{error}"
    );
}

#[test]
fn bad_events_and_settlements_are_refused_and_change_nothing() {
    let (db, mut store, plan) = open_new();
    let open = store
        .add_obligation(
            plan,
            &ii11("20/QĐ-BTP", date(2026, 3, 5)),
            date(2026, 3, 5),
            now(),
        )
        .expect("recorded");
    let before = (
        count_rows(&db.path, "obligation"),
        count_rows(&db.path, "evidence"),
    );
    let no_rule = ObligationInput {
        task: "IV.3.1".into(),
        ..ii11("21/QĐ-BTP", date(2026, 3, 5))
    };
    let error = store
        .add_obligation(plan, &no_rule, date(2026, 3, 5), now())
        .expect_err("IV.3.1 has a dated deadline");
    assert!(
        error
            .to_string()
            .contains("không có thời hạn tính theo ngày làm việc"),
        "{error}"
    );
    let error = store
        .add_obligation(
            plan,
            &ii11("20/QĐ-BTP", date(2026, 3, 5)),
            date(2026, 3, 5),
            now(),
        )
        .expect_err("the same decision twice");
    assert!(error.to_string().contains("đã được ghi"), "{error}");
    let error = store
        .add_obligation(
            plan,
            &ii11("20 QĐ-BTP", date(2026, 3, 5)),
            date(2026, 3, 5),
            now(),
        )
        .expect_err("a malformed number");
    assert!(error.to_string().contains("20 QĐ-BTP"), "{error}");
    let error = settle(&mut store, plan, open.id, "30/TTr-SNV", date(2026, 3, 4))
        .expect_err("before the start");
    assert!(
        error.to_string().contains("trước ngày bắt đầu tính"),
        "{error}"
    );
    let error = settle(
        &mut store,
        plan,
        open.id + 100,
        "30/TTr-SNV",
        date(2026, 3, 6),
    )
    .expect_err("no such obligation");
    assert!(error.to_string().contains("việc phát sinh"), "{error}");
    assert_eq!(
        (
            count_rows(&db.path, "obligation"),
            count_rows(&db.path, "evidence")
        ),
        before,
        "nothing was saved"
    );
    settle(&mut store, plan, open.id, "30/TTr-SNV", date(2026, 3, 6)).expect("settled");
    let error = settle(&mut store, plan, open.id, "31/TTr-SNV", date(2026, 3, 9))
        .expect_err("settled already");
    assert!(error.to_string().contains("đã được xử lý"), "{error}");
}

#[test]
fn a_later_holiday_notice_moves_new_due_dates_but_not_old_ones() {
    let (_db, mut store, plan) = open_new();
    let old = store
        .add_obligation(
            plan,
            &ii11("40/QĐ-BTP", date(2026, 11, 23)),
            date(2026, 11, 23),
            now(),
        )
        .expect("recorded");
    assert_eq!(old.due_date, date(2026, 11, 30), "Tue 24 … Mon 30/11/2026");
    let notice = store
        .add_holiday_notice(
            "Thông báo nghỉ Ngày Văn hóa Việt Nam",
            "24/11/2026 Ngày Văn hóa Việt Nam",
            now(),
        )
        .expect("a notice of one day off");
    assert_eq!(notice.year, 2026);
    let new = store
        .add_obligation(
            plan,
            &ii11("41/QĐ-BTP", date(2026, 11, 23)),
            date(2026, 11, 23),
            now(),
        )
        .expect("recorded");
    assert_eq!(new.due_date, date(2026, 12, 1), "24/11 is now a day off");
    assert_eq!(new.calendar_version, notice.id);
    let new_why = new.why.expect("a new obligation is explained");
    assert!(
        new_why.contains("24/11/2026 (Ngày Văn hóa Việt Nam)"),
        "{new_why}"
    );
    let listed = store
        .task_obligations(plan, "SNV", "II.1.1", date(2026, 11, 25))
        .expect("list");
    let old_again = listed.iter().find(|o| o.id == old.id).expect("still there");
    assert_eq!(
        old_again.due_date,
        date(2026, 11, 30),
        "the old one keeps its due date"
    );
    assert_eq!(old_again.calendar_version, 0);
    let old_why = old_again
        .why
        .as_deref()
        .expect("a task's obligations are explained");
    assert!(!old_why.contains("Văn hóa"), "{old_why}");
    assert_eq!(store.holiday_notices().expect("notices").len(), 1);
}

#[test]
fn a_notice_that_contradicts_the_calendar_is_refused_whole() {
    let (db, mut store, _plan) = open_new();
    let error = store
        .add_holiday_notice(
            "Thông báo",
            "24/11/2026 Ngày Văn hóa Việt Nam\nLàm bù 14/02/2026",
            now(),
        )
        .expect_err("Saturday 14/02/2026 is a day of Tết");
    assert!(error.to_string().contains("đã là ngày nghỉ"), "{error}");
    let error = store
        .add_holiday_notice("Thông báo", "Làm bù 17/04/2026", now())
        .expect_err("17/04/2026 is a Friday");
    assert!(error.to_string().contains("không phải thứ Bảy"), "{error}");
    let error = store
        .add_holiday_notice("  ", "24/11/2026 Ngày Văn hóa Việt Nam", now())
        .expect_err("no reference");
    assert!(error.to_string().contains("Thiếu tên"), "{error}");
    assert_eq!(count_rows(&db.path, "holiday_notice"), 0);
    assert_eq!(count_rows(&db.path, "holiday_notice_day"), 0);
}

#[test]
fn an_obligation_open_across_a_month_end_is_in_both_months() {
    let (_db, mut store, plan) = open_new();
    let row = store
        .add_obligation(
            plan,
            &ii11("50/QĐ-BTP", date(2026, 3, 26)),
            date(2026, 3, 26),
            now(),
        )
        .expect("recorded");
    assert_eq!(row.due_date, date(2026, 4, 2));
    settle(&mut store, plan, row.id, "51/TTr-SNV", date(2026, 4, 2)).expect("settled");
    let march = cchc::report::MonthReport::gather(&store, plan, "SNV", "2026-03").expect("March");
    assert_eq!(march.obligations.len(), 1);
    assert_eq!(
        march.obligations[0].status,
        ObligationStatus::NotDue,
        "as of 31/3"
    );
    assert_eq!(
        march.obligations[0].settled_number, None,
        "not settled yet on 31/3"
    );
    let april = cchc::report::MonthReport::gather(&store, plan, "SNV", "2026-04").expect("April");
    assert_eq!(april.obligations.len(), 1);
    assert_eq!(april.obligations[0].status, ObligationStatus::OnTime);
    assert_eq!(
        april.obligations[0].settled_number.as_deref(),
        Some("51/TTr-SNV")
    );
    let may = cchc::report::MonthReport::gather(&store, plan, "SNV", "2026-05").expect("May");
    assert!(may.obligations.is_empty(), "settled in April, gone in May");
    let february =
        cchc::report::MonthReport::gather(&store, plan, "SNV", "2026-02").expect("February");
    assert!(february.obligations.is_empty(), "not started in February");
}

#[test]
fn the_dashboard_list_puts_obligations_due_within_two_working_days_first() {
    let (_db, mut store, plan) = open_new();
    let today = date(2026, 3, 16);
    for (number, on) in [
        ("60/QĐ-BTP", date(2026, 3, 2)),  // due 09/03: overdue
        ("61/QĐ-BTP", date(2026, 3, 13)), // due 20/03: 4 left
        ("62/QĐ-BTP", date(2026, 3, 10)), // due 17/03: 1 left
    ] {
        store
            .add_obligation(plan, &ii11(number, on), today, now())
            .expect("recorded");
    }
    let open = store.open_obligations(plan, "SNV", today).expect("open");
    let order: Vec<(&str, Option<i64>)> = open
        .iter()
        .map(|o| (o.number.as_str(), o.days_left))
        .collect();
    assert_eq!(
        order,
        vec![
            ("62/QĐ-BTP", Some(1)),
            ("60/QĐ-BTP", Some(-5)),
            ("61/QĐ-BTP", Some(4)),
        ]
    );
    assert_eq!(open[1].status, ObligationStatus::OverdueOpen);
}

#[test]
fn only_one_obligation_and_a_task_s_carry_the_explanation_the_lists_without_it_are_otherwise_the_same(
) {
    let (_db, mut store, plan) = open_new();
    let added = store
        .add_obligation(
            plan,
            &ii11("70/QĐ-BTP", date(2026, 3, 26)),
            date(2026, 3, 26),
            now(),
        )
        .expect("recorded");
    let why = added.why.clone().expect("the new obligation is explained");
    assert!(why.starts_with("05 ngày làm việc từ 26/03/2026"), "{why}");
    let day = date(2026, 3, 31);
    let task = store
        .task_obligations(plan, "SNV", "II.1.1", day)
        .expect("the task's");
    assert_eq!(task.len(), 1);
    assert_eq!(task[0].why.as_deref(), Some(why.as_str()));
    let unexplained = cchc::store::ObligationRow {
        why: None,
        ..task[0].clone()
    };
    let lists = [
        ("all", store.obligations(plan, "SNV", day).expect("all")),
        (
            "month",
            store
                .month_obligations(plan, "SNV", date(2026, 3, 1), day)
                .expect("the month's"),
        ),
        (
            "open",
            store.open_obligations(plan, "SNV", day).expect("open"),
        ),
    ];
    for (name, rows) in lists {
        assert_eq!(rows, vec![unexplained.clone()], "{name}");
    }
}
