//! The task-list workbook on real files: a whole plan written and read back,
//! task lists typed by hand, bad rows, and files that are not workbooks.

use cchc::open::open_store;
use std::path::Path;

use cchc::plan::{self, PlanData, TaskDef};
use cchc::plan_workbook::{read_plan_workbook, write_plan_workbook, PlanWorkbook};
use cchc::Error;
use rust_xlsxwriter::{Format, Workbook, Worksheet};

/// A cell of a sheet written by a test.
enum C {
    T(&'static str),
    N(f64),
}

fn fill(ws: &mut Worksheet, first_row: u32, rows: &[Vec<C>]) {
    for (r, row) in (first_row..).zip(rows) {
        for (c, cell) in (0u16..).zip(row) {
            match cell {
                C::T("") => {}
                C::T(s) => {
                    ws.write_string(r, c, *s).expect("a test cell is writable");
                }
                C::N(n) => {
                    ws.write_number(r, c, *n).expect("a test cell is writable");
                }
            }
        }
    }
}

/// Writes a workbook whose sheets hold `rows` from the top.
fn workbook(path: &Path, sheets: &[(&str, Vec<Vec<C>>)]) {
    let mut book = Workbook::new();
    for (name, rows) in sheets {
        let ws = book.add_worksheet();
        ws.set_name(*name).expect("a test sheet name is valid");
        fill(ws, 0, rows);
    }
    book.save(path).expect("the test workbook is saved");
}

fn built_in() -> PlanData {
    plan::built_in().expect("the built-in plan loads")
}

fn read_new_plan(path: &Path) -> PlanData {
    match read_plan_workbook(path, &built_in()) {
        Ok(PlanWorkbook::NewPlan(p)) => *p,
        other => panic!("a workbook with all plan sheets is a new plan, got {other:?}"),
    }
}

fn problems(result: cchc::Result<PlanWorkbook>) -> Vec<String> {
    match result {
        Err(Error::Rows(lines)) => lines,
        other => panic!("bad rows are reported as Error::Rows, got {other:?}"),
    }
}

/// (It also prints as every workbook the app writes: checked with openpyxl.)
#[test]
fn the_built_in_plan_reads_back_equal_to_itself() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("ke-hoach.xlsx");
    let mut original = built_in();
    write_plan_workbook(&original, &path).expect("the built-in plan is written");
    crate::collect_fixture::check_plan_workbook(&path);
    let mut read = read_new_plan(&path);
    original.normalize();
    read.normalize();
    assert_eq!(
        read, original,
        "fields without scores, groups with their member order, targets and sections all survive"
    );
}

#[test]
fn a_stored_plan_goes_through_the_workbook_into_an_equal_new_stored_plan() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store =
        open_store(&dir.path().join("db.sqlite3"), crate::common::now()).expect("store opens");
    let current = store
        .current_plan()
        .expect("a new store has a current plan");
    let first = store.plan_data(current).expect("the current plan reads");
    let path = dir.path().join("xuat.xlsx");
    write_plan_workbook(&first, &path).expect("the stored plan is written");
    let read = read_new_plan(&path);
    let id = store
        .insert_plan(&read, chrono::Utc::now())
        .expect("the read plan is stored");
    assert_ne!(
        id, current,
        "the workbook makes a new plan, not an overwrite"
    );
    let mut second = store.plan_data(id).expect("the new plan reads");
    second.meta = first.meta.clone();
    assert_eq!(
        second, first,
        "the stored copy equals the plan it was exported from"
    );
}

#[test]
fn text_that_looks_like_a_formula_stays_text() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("cong-thuc.xlsx");
    let mut plan = built_in();
    plan.tasks[0].content = "=SUM(A1:A3) không phải công thức".into();
    plan.tasks[0].output = Some("+1 báo cáo".into());
    plan.tasks[1].output = Some("-".into());
    plan.tasks[2].output = Some("@ mọi người".into());
    write_plan_workbook(&plan, &path).expect("the plan is written");
    let read = read_new_plan(&path);
    assert_eq!(
        read.tasks[..3],
        plan.tasks[..3],
        "cells starting with = + - @ are written as strings"
    );
}

#[test]
fn a_task_list_typed_by_hand_gives_tasks_under_their_headings() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("phu-luc.xlsx");
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("Phụ lục").expect("sheet name");
    fill(
        ws,
        0,
        &[
            vec![C::T("UBND TỈNH HƯNG YÊN")],
            vec![C::T(""), C::T("PHỤ LỤC NHIỆM VỤ")],
            vec![],
            vec![
                C::T("STT"),
                C::T("Nội dung nhiệm vụ"),
                C::T("Co quan chu tri"),
                C::T("Tiêu chí"),
                C::T("CƠ QUAN PHỐI HỢP"),
                C::T("Thời hạn"),
                C::T("Sản phẩm"),
            ],
        ],
    );
    ws.merge_range(4, 0, 4, 6, "I. CẢI CÁCH THỦ TỤC HÀNH CHÍNH", &Format::new())
        .expect("merged heading");
    fill(
        ws,
        5,
        &[
            vec![
                C::N(1.0),
                C::T("Rà soát, công bố danh mục TTHC"),
                C::T("Các sở, ban, ngành tỉnh"),
                C::T("3.2.1; 3.2.2"),
                C::T("UBND các huyện, thị xã, thành phố; Sở Tài chính"),
                C::T("Quý III/2024"),
                C::T("Quyết định công bố"),
            ],
            vec![],
            vec![C::T("II"), C::T("Cải cách chế độ công vụ")],
            vec![
                C::N(2.0),
                C::T("Chuẩn hóa cán bộ cấp xã"),
                C::T("snv"),
                C::N(5.6),
            ],
        ],
    );
    let date = rust_xlsxwriter::ExcelDateTime::from_ymd(2024, 12, 31).expect("date");
    ws.write_datetime_with_format(8, 5, date, &Format::new().set_num_format("dd/mm/yyyy"))
        .expect("date cell");
    book.save(&path).expect("saved");

    let tasks = match read_plan_workbook(&path, &built_in()) {
        Ok(PlanWorkbook::Tasks(t)) => t,
        other => panic!("a workbook with only a task sheet gives tasks, got {other:?}"),
    };
    let expected = vec![
        TaskDef {
            code: "PL-001".into(),
            section: "I. CẢI CÁCH THỦ TỤC HÀNH CHÍNH".into(),
            content: "Rà soát, công bố danh mục TTHC".into(),
            criteria: vec!["3.2.1".into(), "3.2.2".into()],
            lead: "SBN".into(),
            partners: vec!["UBNDH".into(), "STC".into()],
            deadline: "Quý III/2024".into(),
            output: Some("Quyết định công bố".into()),
        },
        TaskDef {
            code: "PL-002".into(),
            section: "II. Cải cách chế độ công vụ".into(),
            content: "Chuẩn hóa cán bộ cấp xã".into(),
            criteria: vec!["5.6".into()],
            lead: "SNV".into(),
            partners: vec![],
            deadline: "31/12/2024".into(),
            output: None,
        },
    ];
    assert_eq!(
        tasks, expected,
        "titles and empty rows are skipped, headings set sections, groups and codes resolve, \
         the number 5.6 reads as criterion \"5.6\" and the date cell as \"31/12/2024\""
    );
}

#[test]
fn every_bad_row_is_reported_with_its_excel_row_number_and_nothing_is_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("sai.xlsx");
    let header = || {
        vec![
            C::T("STT"),
            C::T("Mã nhiệm vụ"),
            C::T("Nội dung nhiệm vụ"),
            C::T("Tiêu chí"),
            C::T("Cơ quan chủ trì"),
            C::T("Thời hạn"),
        ]
    };
    let row = |n, content, crit, lead, due| {
        vec![
            C::N(n),
            C::T(""),
            C::T(content),
            C::T(crit),
            C::T(lead),
            C::T(due),
        ]
    };
    workbook(
        &path,
        &[(
            "Nhiệm vụ",
            vec![
                vec![C::T("DANH MỤC NHIỆM VỤ")],
                header(),
                row(1.0, "Việc đúng", "3.2.1", "Sở Nội vụ", "Quý IV/2024"),
                row(2.0, "Việc của sở lạ", "", "Sở Du lịch", ""),
                row(3.0, "Việc có tiêu chí lạ", "9.9", "SNV", ""),
                row(4.0, "Việc có hạn lạ", "", "SNV", "cuối tháng"),
                row(5.0, "", "", "SNV", ""),
            ],
        )],
    );
    let lines = problems(read_plan_workbook(&path, &built_in()));
    assert_eq!(
        lines.len(),
        4,
        "one line per problem, the good row adds none: {lines:#?}"
    );
    let expect = [
        ("dòng 4", "Sở Du lịch"),
        ("dòng 5", "9.9"),
        ("dòng 6", "cuối tháng"),
        ("dòng 7", "thiếu nội dung"),
    ];
    for ((row, what), line) in expect.iter().zip(&lines) {
        assert!(
            line.starts_with(&format!("Sheet \"Nhiệm vụ\", {row}:")) && line.contains(what),
            "the problem with {what} names the sheet and {row} as Excel shows it: {line}"
        );
    }
}

#[test]
fn files_that_are_not_workbooks_are_refused_in_vietnamese() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fake = dir.path().join("ghi-chu.xlsx");
    std::fs::write(&fake, "đây chỉ là văn bản").expect("text file written");
    match read_plan_workbook(&fake, &built_in()) {
        Err(Error::Invalid(m)) => assert!(
            m.contains("không phải là tệp Excel (.xlsx) đọc được") && m.contains("ghi-chu.xlsx"),
            "a text file renamed .xlsx is named and explained: {m}"
        ),
        other => panic!("a text file is refused as invalid, got {other:?}"),
    }
    let csv = dir.path().join("nhiem-vu.csv");
    std::fs::write(&csv, "STT;Nội dung").expect("csv written");
    match read_plan_workbook(&csv, &built_in()) {
        Err(Error::Invalid(m)) => assert!(
            m.contains(".xlsx"),
            "the message says to save as .xlsx: {m}"
        ),
        other => panic!("a .csv file is refused as invalid, got {other:?}"),
    }
    let missing = dir.path().join("khong-co.xlsx");
    match read_plan_workbook(&missing, &built_in()) {
        Err(e) if e.kind() == cchc::error::ErrorKind::File => assert!(
            e.to_string().contains("không có tệp"),
            "a missing file is reported as missing: {e}"
        ),
        other => panic!("a missing file is a file error, got {other:?}"),
    }
}

#[test]
fn a_new_plan_without_its_criteria_sheet_is_refused_naming_that_sheet() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("thieu.xlsx");
    workbook(
        &path,
        &[
            ("Kế hoạch", vec![vec![C::T("Năm"), C::N(2025.0)]]),
            (
                "Cơ quan",
                vec![vec![C::T("Mã"), C::T("Tên cơ quan"), C::T("Loại")]],
            ),
            (
                "Nhiệm vụ",
                vec![vec![
                    C::T("STT"),
                    C::T("Nội dung nhiệm vụ"),
                    C::T("Cơ quan chủ trì"),
                ]],
            ),
        ],
    );
    match read_plan_workbook(&path, &built_in()) {
        Err(Error::Invalid(m)) => {
            assert!(
                m.contains("thiếu sheet \"Tiêu chí\""),
                "the missing sheet is named: {m}"
            )
        }
        other => panic!("a partial new plan is refused, got {other:?}"),
    }
}

#[test]
fn a_new_plan_typed_by_hand_derives_groups_fields_and_targets() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("ke-hoach-2025.xlsx");
    workbook(
        &path,
        &[
            (
                "Kế hoạch",
                vec![
                    vec![C::T("Số, ký hiệu"), C::T("12/KH-UBND")],
                    vec![C::T("Ngày ban hành"), C::T("15/01/2025")],
                    vec![C::T("Tên kế hoạch"), C::T("Kế hoạch CCHC năm 2025")],
                    vec![C::T("Năm"), C::N(2025.0)],
                    vec![C::T("Tỉnh"), C::T("Hưng Yên")],
                ],
            ),
            (
                "Cơ quan",
                vec![
                    vec![
                        C::T("Mã"),
                        C::T("Tên cơ quan"),
                        C::T("Loại"),
                        C::T("Thuộc nhóm"),
                    ],
                    vec![
                        C::T("SNV"),
                        C::T("Sở Nội vụ"),
                        C::T("Sở, ban, ngành"),
                        C::T(""),
                    ],
                    vec![
                        C::T("XA1"),
                        C::T("UBND xã A"),
                        C::T("UBND cấp xã"),
                        C::T("UBND các xã, phường"),
                    ],
                    vec![
                        C::T("XA2"),
                        C::T("UBND phường B"),
                        C::T("ubnd cap xa"),
                        C::T("UBND các xã, phường"),
                    ],
                ],
            ),
            (
                "Tiêu chí",
                vec![
                    vec![
                        C::T("Mã tiêu chí"),
                        C::T("Tên tiêu chí"),
                        C::T("Lĩnh vực"),
                        C::T("Điểm tối đa"),
                        C::T("Điểm năm trước"),
                        C::T("Mục tiêu"),
                        C::T("Chỉ tiêu"),
                    ],
                    vec![
                        C::T("3.2.1"),
                        C::T("Công bố TTHC"),
                        C::T("3. Cải cách thủ tục hành chính"),
                        C::N(1.5),
                        C::T("1,4976"),
                        C::T("Đạt điểm tối đa"),
                        C::T("85%: hồ sơ trực tuyến; 50%: thanh toán trực tuyến"),
                    ],
                ],
            ),
            (
                "Nhiệm vụ",
                vec![
                    vec![
                        C::T("STT"),
                        C::T("Nội dung nhiệm vụ"),
                        C::T("Cơ quan chủ trì"),
                        C::T("Tiêu chí"),
                    ],
                    vec![
                        C::N(1.0),
                        C::T("Công bố TTHC cấp xã"),
                        C::T("UBND các xã, phường"),
                        C::T("3.2.1"),
                    ],
                ],
            ),
        ],
    );
    let plan = read_new_plan(&path);
    assert_eq!(plan.meta.reference, "12/KH-UBND", "the reference is read");
    assert_eq!(
        plan.meta.issued_on,
        chrono::NaiveDate::from_ymd_opt(2025, 1, 15),
        "the date is read"
    );
    assert_eq!(plan.groups.len(), 1, "one group is named in Thuộc nhóm");
    assert_eq!(
        plan.groups[0].code, "NHOM-UBND-CAC-XA-PHUONG",
        "its code is made from its name"
    );
    assert_eq!(
        plan.groups[0].members,
        ["XA1", "XA2"],
        "its members are the rows that name it"
    );
    assert_eq!(
        plan.tasks[0].lead, "NHOM-UBND-CAC-XA-PHUONG",
        "a task may be led by the group"
    );
    assert_eq!(
        plan.fields.len(),
        1,
        "the field comes from the criterion's Lĩnh vực"
    );
    assert_eq!(
        plan.fields[0].name, "Cải cách thủ tục hành chính",
        "with the name after its number"
    );
    let c = &plan.criteria[0];
    assert_eq!(
        (c.target, c.points_lost),
        (1.5, 0.0024),
        "\"Đạt điểm tối đa\" is the maximum"
    );
    let targets: Vec<(f64, &str)> = c
        .targets
        .iter()
        .map(|t| (t.value, t.text.as_str()))
        .collect();
    assert_eq!(
        targets,
        [(85.0, "hồ sơ trực tuyến"), (50.0, "thanh toán trực tuyến")],
        "targets typed on one line are split"
    );
}

#[test]
fn a_sheet_with_too_many_rows_is_refused_without_reading_it_all() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("qua-lon.xlsx");
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("Nhiệm vụ").expect("sheet name");
    ws.write_string(0, 0, "STT").expect("header");
    for r in 1..=25_000u32 {
        ws.write_number(r, 0, r).expect("row");
    }
    book.save(&path).expect("saved");
    match read_plan_workbook(&path, &built_in()) {
        Err(Error::Invalid(m)) => {
            assert!(m.contains("quá nhiều dòng"), "the size is the reason: {m}")
        }
        other => panic!("an oversized sheet is refused, got {other:?}"),
    }
}
