use serde_json::{json, Value};

use crate::cli::{cchc, cchc_in, stderr};
use crate::common::{count_rows, temp_db, TempDb};

fn ok_json(db: &TempDb, args: &[&str]) -> Value {
    let out = cchc(db, args);
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    serde_json::from_slice(&out.stdout).expect("stdout is JSON")
}

/// `cchc obligation add` for Sở Nội vụ on `task`: the document `number` of `date`.
pub(crate) fn add_args<'a>(task: &'a str, number: &'a str, date: &'a str) -> Vec<&'a str> {
    vec![
        "obligation",
        "add",
        "--agency",
        "SNV",
        "--task",
        task,
        "--number",
        number,
        "--date",
        date,
    ]
}

/// `cchc obligation settle` of Sở Nội vụ's obligation `id` by `number` of `date`.
fn settle_args<'a>(id: &'a str, number: &'a str, date: &'a str) -> Vec<&'a str> {
    vec![
        "obligation",
        "settle",
        "--agency",
        "SNV",
        "--id",
        id,
        "--number",
        number,
        "--date",
        date,
    ]
}

/// `cchc obligation list` of Sở Nội vụ for `period`.
fn list_args(period: &str) -> Vec<&str> {
    vec!["obligation", "list", "--agency", "SNV", "--period", period]
}

#[test]
fn workdays_prints_the_due_date_and_every_skipped_day_with_its_reason() {
    let db = temp_db();
    let out = ok_json(
        &db,
        &["workdays", "--from", "24/04/2025", "--days", "5", "--json"],
    );
    assert_eq!(out["from"], "2025-04-24");
    assert_eq!(out["days"], 5);
    assert_eq!(out["due_date"], "2025-05-05", "the domain brief's example");
    let skipped: Vec<(String, String)> = out["skipped"]
        .as_array()
        .expect("a list")
        .iter()
        .map(|d| {
            (
                d["date"].as_str().expect("date").to_string(),
                d["why"].as_str().expect("why").to_string(),
            )
        })
        .collect();
    assert_eq!(
        skipped.first(),
        Some(&("2025-04-27".to_string(), "Chủ nhật".to_string())),
        "Saturday 26/4 was worked, so Sunday is the first day skipped"
    );
    assert!(skipped.contains(&("2025-05-02".into(), "Nghỉ hoán đổi dịp 30/4 – 1/5".into())));
    assert_eq!(skipped.len(), 6, "27/4, 30/4, 1/5, 2/5, 3/5, 4/5");
    assert_eq!(
        out.as_object().expect("an object").len(),
        4,
        "from, days, due_date, skipped"
    );
    let text = cchc(&db, &["workdays", "--from", "23/01/2025", "--days", "5"]);
    assert!(
        String::from_utf8_lossy(&text.stdout).contains("bỏ qua 25/01–02/02/2025 (Tết Nguyên đán)"),
        "{}",
        String::from_utf8_lossy(&text.stdout)
    );
    for bad in [
        vec!["workdays", "--from", "31/02/2025", "--days", "5"],
        vec!["workdays", "--from", "23/01/2025", "--days", "năm"],
        vec!["workdays", "--from", "23/01/2025", "--days", "0"],
    ] {
        let out = cchc(&db, &bad);
        assert_eq!(out.status.code(), Some(1), "{bad:?}: {}", stderr(&out));
        assert!(stderr(&out).starts_with("Lỗi: "), "{}", stderr(&out));
    }
}

#[test]
fn obligation_add_settle_and_list_follow_the_issue_json_shapes() {
    let db = temp_db();
    let added = ok_json(
        &db,
        &[
            &add_args("II.1.1", "1234/QĐ-BTP", "23/01/2025")[..],
            &["--issuer", "Bộ Tư pháp", "--json"],
        ]
        .concat(),
    );
    let id = added["id"].as_i64().expect("an id");
    assert_eq!(
        added,
        json!({"id": id, "task": "II.1.1", "start": "2025-01-23", "working_days": 5,
               "due_date": "2025-02-06", "status": "Quá hạn chưa xử lý"}),
        "as of today (the clock, past 06/02/2025) it is overdue"
    );
    let listed = ok_json(&db, &[&list_args("2025-01")[..], &["--json"]].concat());
    assert_eq!(
        listed,
        json!([{"id": id, "task": "II.1.1", "number": "1234/QĐ-BTP", "date": "2025-01-23",
                "issuer": "Bộ Tư pháp", "received": null, "start": "2025-01-23", "working_days": 5,
                "due_date": "2025-02-06", "settled_number": null, "settled_on": null,
                "used_working_days": 1, "status": "Chưa đến hạn"}]),
        "as of 31/01/2025 only Friday 24/01 was worked: Tết runs 25/01–02/02"
    );
    let settled = ok_json(
        &db,
        &[
            &settle_args(&id.to_string(), "45/TTr-SNV", "07/02/2025")[..],
            &["--json"],
        ]
        .concat(),
    );
    assert_eq!(
        settled["status"], "Xử lý quá hạn",
        "07/02 is the day after the due date"
    );
    assert_eq!(settled["used_working_days"], 6);
    let february = ok_json(&db, &[&list_args("2025-02")[..], &["--json"]].concat());
    assert_eq!(february[0]["settled_number"], "45/TTr-SNV");
    assert_eq!(february[0]["settled_on"], "2025-02-07");
    assert_eq!(february[0]["status"], "Xử lý quá hạn");
}

#[test]
fn bad_obligation_commands_exit_1_with_a_message_and_change_nothing() {
    let db = temp_db();
    let added = ok_json(
        &db,
        &[
            &add_args("II.1.1", "7/QĐ-BNV", "05/03/2026")[..],
            &["--json"],
        ]
        .concat(),
    );
    let id = added["id"].as_i64().expect("an id").to_string();
    let before = (
        count_rows(&db.path, "obligation"),
        count_rows(&db.path, "evidence"),
    );
    let cases: [(&[&str], &str); 6] = [
        (
            &add_args("IV.3.1", "8/QĐ-BNV", "05/03/2026"),
            "không có thời hạn tính theo ngày làm việc",
        ),
        (
            &add_args("II.1.1", "8/QĐ-BNV", "30/02/2026"),
            "không phải là ngày có thật",
        ),
        (
            &settle_args(&id, "9/TTr-SNV", "04/03/2026"),
            "trước ngày bắt đầu tính",
        ),
        (
            &settle_args("999", "9/TTr-SNV", "06/03/2026"),
            "Không có việc phát sinh mã \"999\"",
        ),
        (
            &settle_args("một", "9/TTr-SNV", "06/03/2026"),
            "không phải là số của một việc phát sinh",
        ),
        (&list_args("2026-13"), "tháng 13"),
    ];
    for (args, words) in cases {
        let out = cchc(&db, args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(words), "{args:?}: {}", stderr(&out));
        assert!(out.stdout.is_empty(), "{args:?} prints nothing on stdout");
    }
    assert_eq!(
        (
            count_rows(&db.path, "obligation"),
            count_rows(&db.path, "evidence")
        ),
        before,
        "nothing changed"
    );
}

#[test]
fn a_holiday_notice_typed_on_stdin_is_stored_and_counted() {
    let db = temp_db();
    let notice =
        "# Thông báo năm 2027\n01/01/2027 Tết Dương lịch\n05/02/2027 - 11/02/2027 Tết Nguyên đán\n";
    let out = cchc_in(
        &db,
        db.dir.path(),
        &[
            "holiday",
            "add",
            "--reference",
            "Thông báo số 1/TB-BNV",
            "--json",
        ],
        notice,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let saved: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(saved["year"], 2027);
    assert_eq!(saved["days"].as_array().map(Vec::len), Some(8));
    let due = ok_json(
        &db,
        &["workdays", "--from", "04/02/2027", "--days", "1", "--json"],
    );
    assert_eq!(
        due["due_date"], "2027-02-12",
        "Tết 05–11/02/2027 (Friday to Thursday) skipped"
    );
    let listed = ok_json(&db, &["holiday", "list", "--json"]);
    assert_eq!(listed.as_array().map(Vec::len), Some(1));
    let bad = cchc_in(
        &db,
        db.dir.path(),
        &["holiday", "add", "--reference", "Thông báo sai"],
        "Làm bù 08/01/2027\n",
    );
    assert_eq!(bad.status.code(), Some(1));
    assert!(stderr(&bad).contains("Dòng 1"), "{}", stderr(&bad));
    assert_eq!(
        count_rows(&db.path, "holiday_notice"),
        1,
        "the bad notice is not saved"
    );
}

#[test]
fn a_holiday_notice_kept_as_a_workbook_is_read_row_by_row_like_typed_lines() {
    let db = temp_db();
    let path = db.dir.path().join("thong-bao-2027.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    let date = rust_xlsxwriter::Format::new().set_num_format("dd/mm/yyyy");
    let day = |d: u8, m: u8| rust_xlsxwriter::ExcelDateTime::from_ymd(2027, m, d).expect("a date");
    for (col, head) in ["Ngày", "Đến ngày", "Tên"].iter().enumerate() {
        ws.write_string(0, col as u16, *head).expect("header");
    }
    ws.write_datetime_with_format(1, 0, day(5, 2), &date)
        .expect("cell");
    ws.write_datetime_with_format(1, 1, day(11, 2), &date)
        .expect("cell");
    ws.write_string(1, 2, "Tết Nguyên đán").expect("cell");
    ws.write_string(2, 0, "Làm bù").expect("cell");
    ws.write_string(2, 1, "09/01/2027").expect("cell");
    book.save(&path).expect("the workbook is written");
    let path_text = path.to_string_lossy().into_owned();
    let saved = ok_json(
        &db,
        &[
            "holiday",
            "add",
            "--reference",
            "Thông báo số 2/TB-BNV",
            "--file",
            &path_text,
            "--json",
        ],
    );
    let days = saved["days"].as_array().expect("days");
    assert_eq!(days.len(), 8, "seven days of Tết and one Saturday worked");
    assert_eq!(
        days[0],
        json!({"date": "2027-01-09", "kind": "worked", "name": "Thứ Bảy làm bù"})
    );
    assert_eq!(days[1]["name"], "Tết Nguyên đán");
    let broken = db.dir.path().join("khong-phai.xlsx");
    std::fs::write(&broken, "not a workbook").expect("write");
    let out = cchc(
        &db,
        &[
            "holiday",
            "add",
            "--reference",
            "x",
            "--file",
            &broken.to_string_lossy(),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("khong-phai.xlsx"), "{}", stderr(&out));
    assert_eq!(count_rows(&db.path, "holiday_notice"), 1);
}
