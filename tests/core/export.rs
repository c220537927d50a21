use std::path::{Path, PathBuf};

use calamine::{Data, Range, Reader, Xlsx};
use cchc::report::content_hash::{
    canonical_date, canonical_number, content_sha256, extend, Sheet, SheetDigest,
};
use cchc::report::indicator_sheet::{INDICATOR_HEADER_ROW, SHEET_INDICATORS};
use cchc::report::layout::{self, meta_key, task_col, TASK_FIRST_ROW, TASK_HEADER_ROW};
use cchc::report::obligation_sheet::{OBLIGATION_HEADER_ROW, SHEET_OBLIGATIONS};
use cchc::report::{write_month_report, ExportOptions};
use cchc::status::State;
use cchc::store::{EvidenceInput, Store};
use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};

use crate::common::{date, entry, now, open_new, TempDb};

/// The export time of every test: 5 September 2024, 15:30 in Hà Nội.
pub(crate) fn export_time() -> DateTime<FixedOffset> {
    FixedOffset::east_opt(7 * 3600)
        .and_then(|tz| tz.with_ymd_and_hms(2024, 9, 5, 15, 30, 0).single())
        .expect("valid export time")
}

pub(crate) fn options() -> ExportOptions {
    ExportOptions {
        signer: Some("Nguyễn Văn An".into()),
        now: export_time(),
    }
}

/// Records a month of SNV's work: one task done with evidence, one in
/// progress whose text arrives decomposed (NFD), one left from July.
pub(crate) fn record_month(store: &mut Store, plan: i64, dir: &Path) {
    let mut done = entry("SNV", "II.5.2", "2024-09", State::Done);
    done.done_on = Some(date(2024, 9, 3));
    done.result = Some("Đã kết nối theo Kế hoạch số 187/KH-UBND".into());
    store.set_progress(plan, &done, now()).expect("done saved");
    let mut doing = entry("SNV", "II.2.1", "2024-09", State::InProgress);
    doing.percent = Some(60);
    doing.result = Some("Đã rà soát 12 đơn vị sự nghiệp".into());
    doing.obstacles = Some("Thie\u{302}\u{301}u nha\u{302}n lu\u{31b}\u{323}c".into());
    store
        .set_progress(plan, &doing, now())
        .expect("in progress saved");
    let mut july = entry("SNV", "IV.3.1", "2024-07", State::InProgress);
    july.percent = Some(30);
    july.result = Some("Đang xây dựng dự thảo".into());
    store.set_progress(plan, &july, now()).expect("July saved");
    let file = dir.join("ke-hoach-187.pdf");
    std::fs::write(&file, b"%PDF-1.4 evidence").expect("write evidence file");
    let evidence = EvidenceInput {
        agency: "SNV".into(),
        number: "187/KH-UBND".into(),
        date: Some(date(2024, 9, 2)),
        issuer: "UBND tỉnh Hưng Yên".into(),
        summary: "Kế hoạch kết nối hệ thống quản lý CBCCVC với IOC".into(),
        tasks: vec!["II.5.2".into()],
        criteria: vec!["7.1.3".into()],
        file: Some(file),
        ..Default::default()
    };
    store
        .add_evidence(plan, &evidence, now())
        .expect("evidence saved");
}

/// SNV's September 2024 recorded by [`record_month`] and exported.
fn september_of_snv() -> (TempDb, Store, i64, PathBuf) {
    let (db, mut store, plan) = open_new();
    record_month(&mut store, plan, db.dir.path());
    let path = out(db.dir.path(), "report.xlsx");
    export(&store, plan, "SNV", "2024-09", &path);
    (db, store, plan, path)
}

pub(crate) fn export(store: &Store, plan: i64, agency: &str, period: &str, path: &Path) {
    let report = cchc::report::MonthReport::gather(store, plan, agency, period)
        .expect("the month's report is gathered");
    write_month_report(&report, &options(), path).expect("the workbook is written");
}

pub(crate) fn open(path: &Path) -> Xlsx<std::io::BufReader<std::fs::File>> {
    calamine::open_workbook(path).expect("calamine opens the exported workbook")
}

pub(crate) fn sheet(path: &Path, name: &str) -> Range<Data> {
    open(path)
        .worksheet_range(name)
        .expect("the sheet is in the workbook")
}

/// A cell's text as the content hash sees it.
pub(crate) fn canonical(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) => canonical_number(*f),
        Data::Int(i) => canonical_number(*i as f64),
        Data::DateTime(d) => canonical_date(excel_date(d.as_f64())),
        other => panic!("unexpected cell {other:?}"),
    }
}

fn excel_date(serial: f64) -> NaiveDate {
    date(1899, 12, 30) + chrono::Duration::days(serial as i64)
}

pub(crate) fn text(range: &Range<Data>, row: u32, col: u16) -> String {
    range
        .get_value((row, u32::from(col)))
        .map(canonical)
        .unwrap_or_default()
}

/// The data row of a task in the "Nhiệm vụ" sheet.
pub(crate) fn task_row(range: &Range<Data>, code: &str) -> u32 {
    (TASK_FIRST_ROW..range.end().map_or(0, |e| e.0 + 1))
        .find(|&r| text(range, r, task_col::CODE) == code)
        .unwrap_or_else(|| panic!("task {code} has a row"))
}

pub(crate) fn meta(path: &Path) -> Vec<(String, String)> {
    let range = sheet(path, layout::SHEET_META);
    range
        .rows()
        .map(|r| (canonical(&r[0]), canonical(&r[1])))
        .collect()
}

pub(crate) fn meta_value(path: &Path, key: &str) -> String {
    meta(path)
        .into_iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v)
        .unwrap_or_else(|| panic!("_meta has {key}"))
}

pub(crate) fn out(dir: &Path, name: &str) -> PathBuf {
    dir.join(name)
}

#[test]
fn exported_workbook_has_the_sheets_headers_and_every_task_of_the_agency() {
    let (db, mut store, plan) = open_new();
    record_month(&mut store, plan, db.dir.path());
    let path = out(db.dir.path(), "BC-CCHC-SNV-2024-09.xlsx");
    export(&store, plan, "SNV", "2024-09", &path);
    assert_eq!(
        open(&path).sheet_names(),
        vec![
            "Báo cáo",
            "Nhiệm vụ",
            "Tài liệu kiểm chứng",
            "Chỉ số",
            "Việc phát sinh",
            "Chỉ số đo được",
            "_meta"
        ]
    );
    let tasks = sheet(&path, layout::SHEET_TASKS);
    let headers: Vec<String> = (0..16).map(|c| text(&tasks, TASK_HEADER_ROW, c)).collect();
    assert_eq!(headers, layout::TASK_HEADERS, "the header row of the spec");
    assert_eq!(text(&tasks, TASK_HEADER_ROW + 1, 0), "(1)");
    assert_eq!(text(&tasks, TASK_HEADER_ROW + 1, 15), "(16)");
    let expected = store.tasks(plan, Some("SNV")).expect("SNV's tasks");
    let last = tasks.end().expect("the sheet has cells").0;
    assert_eq!(
        (last + 1 - TASK_FIRST_ROW) as usize,
        expected.len(),
        "one row per task SNV leads or co-operates on"
    );
    for (i, t) in expected.iter().enumerate() {
        let row = TASK_FIRST_ROW + i as u32;
        assert_eq!(text(&tasks, row, task_col::STT), (i + 1).to_string());
        assert_eq!(text(&tasks, row, task_col::CODE), t.code, "plan order");
        assert_eq!(text(&tasks, row, task_col::CONTENT), t.content);
        assert_eq!(text(&tasks, row, task_col::DEADLINE), t.deadline);
    }
}

#[test]
fn task_rows_carry_status_numbers_dates_and_nfc_text_as_stored() {
    let (_db, store, plan, path) = september_of_snv();
    let tasks = sheet(&path, layout::SHEET_TASKS);

    let done = task_row(&tasks, "II.5.2");
    assert_eq!(text(&tasks, done, task_col::STATUS), "Hoàn thành đúng hạn");
    assert_eq!(
        tasks.get_value((done, u32::from(task_col::PERCENT))),
        Some(&Data::Float(100.0)),
        "the percent is a number, not text"
    );
    assert!(
        matches!(
            tasks.get_value((done, u32::from(task_col::DUE_DATE))),
            Some(Data::DateTime(_))
        ),
        "the due date is a real date cell"
    );
    assert_eq!(text(&tasks, done, task_col::DUE_DATE), "2024-12-31");
    assert_eq!(text(&tasks, done, task_col::ROLE), "Chủ trì");
    assert_eq!(text(&tasks, done, task_col::LEAD), "Sở Nội vụ");
    assert_eq!(
        text(&tasks, done, task_col::PARTNERS),
        "Văn phòng UBND tỉnh; Sở Thông tin và Truyền thông"
    );
    assert_eq!(text(&tasks, done, task_col::CRITERIA), "7.1.3");
    assert_eq!(text(&tasks, done, task_col::EVIDENCE), "187/KH-UBND");

    let doing = task_row(&tasks, "II.2.1");
    assert_eq!(
        text(&tasks, doing, task_col::STATUS),
        "Đang thực hiện trong hạn"
    );
    assert_eq!(text(&tasks, doing, task_col::PERCENT), "60");
    let obstacles = text(&tasks, doing, task_col::OBSTACLES);
    assert_eq!(obstacles, "Thiếu nhân lực", "NFD input comes out NFC");
    assert_eq!(obstacles.chars().count(), 14, "precomposed characters");

    let recurring = store
        .tasks(plan, Some("SNV"))
        .expect("tasks")
        .into_iter()
        .find(|t| t.recurring)
        .expect("SNV has recurring work");
    let row = task_row(&tasks, &recurring.code);
    assert_eq!(
        text(&tasks, row, task_col::DUE_DATE),
        "",
        "recurring work has no due date"
    );
}

#[test]
fn a_month_without_an_entry_carries_the_last_state_forward_and_turns_overdue() {
    let (db, mut store, plan) = open_new();
    record_month(&mut store, plan, db.dir.path());
    let august = out(db.dir.path(), "08.xlsx");
    export(&store, plan, "SNV", "2024-08", &august);
    let september = out(db.dir.path(), "09.xlsx");
    export(&store, plan, "SNV", "2024-09", &september);

    let aug = sheet(&august, layout::SHEET_TASKS);
    let row = task_row(&aug, "IV.3.1");
    assert_eq!(
        text(&aug, row, task_col::STATUS),
        "Đang thực hiện trong hạn",
        "due 31/08/2024: still within the deadline in August"
    );
    assert_eq!(text(&aug, row, task_col::PERCENT), "30", "July's entry");
    assert_eq!(text(&aug, row, task_col::RESULT), "Đang xây dựng dự thảo");

    let sep = sheet(&september, layout::SHEET_TASKS);
    let row = task_row(&sep, "IV.3.1");
    assert_eq!(text(&sep, row, task_col::STATUS), "Quá hạn chưa hoàn thành");
    assert_eq!(text(&sep, row, task_col::PERCENT), "30");
}

#[test]
fn evidence_and_criteria_sheets_list_what_the_tasks_rest_on() {
    let (_db, store, plan, path) = september_of_snv();

    let evidence = sheet(&path, layout::SHEET_EVIDENCE);
    let header: Vec<String> = (0..9).map(|c| text(&evidence, 3, c)).collect();
    assert_eq!(header, layout::EVIDENCE_HEADERS);
    let stored = &store.evidence(plan, "SNV").expect("evidence")[0];
    let row: Vec<String> = (0..9).map(|c| text(&evidence, 4, c)).collect();
    assert_eq!(
        row,
        vec![
            "1",
            "187/KH-UBND",
            "2024-09-02",
            "UBND tỉnh Hưng Yên",
            "Kế hoạch kết nối hệ thống quản lý CBCCVC với IOC",
            "II.5.2",
            "7.1.3",
            "ke-hoach-187.pdf",
            stored.file_sha256.as_deref().expect("a stored file"),
        ]
    );
    assert_eq!(text(&evidence, 5, 1), "", "one evidence record only");

    let criteria = sheet(&path, layout::SHEET_CRITERIA);
    let header: Vec<String> = (0..9).map(|c| text(&criteria, 3, c)).collect();
    assert_eq!(header, layout::criteria_headers(2024));
    assert_eq!(
        (header[4].as_str(), header[6].as_str()),
        ("Điểm năm 2023", "Mục tiêu năm 2024"),
        "the years come from the 2024 plan"
    );
    let row = (4..40)
        .find(|&r| text(&criteria, r, 0) == "7.1.3")
        .expect("7.1.3 is served by II.5.2");
    let c = store
        .criteria(plan)
        .expect("criteria")
        .into_iter()
        .find(|c| c.code == "7.1.3")
        .expect("7.1.3 in the plan");
    assert_eq!(
        criteria.get_value((row, 4)),
        Some(&Data::Float(c.score_prev)),
        "the 2023 score as a number"
    );
    assert_eq!(
        criteria.get_value((row, 3)),
        Some(&Data::Float(c.max_score))
    );
    assert_eq!(text(&criteria, row, 8), "1", "II.5.2 is done");
    let tasks = store.tasks(plan, Some("SNV")).expect("tasks");
    let serving = tasks
        .iter()
        .filter(|t| t.criteria.iter().any(|c| c == "7.1.3"))
        .count();
    assert_eq!(
        text(&criteria, row, 7),
        serving.to_string(),
        "tasks serving 7.1.3"
    );
    let served: std::collections::BTreeSet<String> =
        tasks.into_iter().flat_map(|t| t.criteria).collect();
    let listed: std::collections::BTreeSet<String> = (4..criteria.end().expect("cells").0 + 1)
        .map(|r| text(&criteria, r, 0))
        .collect();
    assert_eq!(listed, served, "exactly the criteria SNV's tasks serve");
}

#[test]
fn cover_and_meta_say_who_reports_which_month_and_hash_the_data_as_read_back() {
    let (_db, store, plan, path) = september_of_snv();

    let keys: Vec<String> = meta(&path).into_iter().map(|(k, _)| k).collect();
    assert_eq!(
        keys,
        [
            meta_key::FORMAT,
            meta_key::FORMAT_VERSION,
            meta_key::PLAN_ID,
            meta_key::AGENCY_CODE,
            meta_key::AGENCY_NAME,
            meta_key::PERIOD,
            meta_key::GENERATED_AT,
            meta_key::APP_VERSION,
            meta_key::CONTENT_SHA256,
        ]
    );
    assert_eq!(meta_value(&path, meta_key::FORMAT), "cchc-bao-cao-thang");
    assert_eq!(meta_value(&path, meta_key::FORMAT_VERSION), "2");
    assert_eq!(
        meta_value(&path, meta_key::FORMAT_VERSION),
        "2",
        "version 2 carries the measured indicators"
    );
    assert_eq!(meta_value(&path, meta_key::AGENCY_CODE), "SNV");
    assert_eq!(meta_value(&path, meta_key::AGENCY_NAME), "Sở Nội vụ");
    assert_eq!(meta_value(&path, meta_key::PERIOD), "2024-09");
    assert_eq!(
        meta_value(&path, meta_key::GENERATED_AT),
        "2024-09-05T15:30:00+07:00"
    );

    // The collector recomputes the hash from the cells it reads.
    let rows = |name: &str, first: u32, cols: u32| -> Vec<Vec<String>> {
        let range = sheet(&path, name);
        (first..range.end().map_or(first, |e| e.0 + 1))
            .map(|r| {
                (0..cols)
                    .map(|c| range.get_value((r, c)).map(canonical).unwrap_or_default())
                    .collect()
            })
            .collect()
    };
    let tasks = rows(layout::SHEET_TASKS, TASK_FIRST_ROW, 16);
    let evidence = rows(layout::SHEET_EVIDENCE, 4, 9);
    // Version 2 extends the hash with the rows of "Việc phát sinh", then
    // those of "Chỉ số đo được".
    let digest = |kind: Sheet, name: &str, first: u32, cols: u32| {
        let mut digest = SheetDigest::new(kind);
        for row in rows(name, first, cols) {
            digest.row(row.iter().map(String::as_str));
        }
        digest.finish()
    };
    let obligations = digest(
        Sheet::Obligations,
        SHEET_OBLIGATIONS,
        OBLIGATION_HEADER_ROW + 1,
        12,
    );
    let indicators = digest(
        Sheet::Indicators,
        SHEET_INDICATORS,
        INDICATOR_HEADER_ROW + 1,
        9,
    );
    assert_eq!(
        meta_value(&path, meta_key::CONTENT_SHA256),
        extend(
            &content_sha256(&tasks, &evidence),
            &[obligations, indicators]
        ),
        "the hash matches the data as read back"
    );

    let cover = sheet(&path, layout::SHEET_COVER);
    let all: Vec<String> = cover.rows().flatten().map(canonical).collect();
    for expected in [
        "UBND TỈNH HƯNG YÊN",
        "SỞ NỘI VỤ",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Hưng Yên, ngày 05 tháng 9 năm 2024",
        "BÁO CÁO",
        "THỦ TRƯỞNG CƠ QUAN",
        "Nguyễn Văn An",
        "Nơi nhận:",
    ] {
        assert!(
            all.iter().any(|c| c == expected),
            "the cover shows {expected:?}"
        );
    }
    let report = cchc::report::MonthReport::gather(&store, plan, "SNV", "2024-09").expect("report");
    // The status table's count is in column C (its share in D); the other
    // tables' labels run across B:C, their count in D.
    let count_of = |label: &str, col: usize| -> String {
        let row = cover
            .rows()
            .find(|r| r.get(1).map(canonical).as_deref() == Some(label))
            .unwrap_or_else(|| panic!("the cover has a row {label}"));
        canonical(&row[col])
    };
    for (label, n) in report.status.counts.iter() {
        assert_eq!(count_of(label, 2), n.to_string(), "count of {label}");
    }
    assert_eq!(count_of("Tổng cộng", 2), report.tasks().len().to_string());
    assert_eq!(
        count_of("Nhiệm vụ quá hạn chưa hoàn thành", 3),
        "1",
        "IV.3.1"
    );
}
