use std::path::Path;

use calamine::Reader;
use cchc::report::{layout, write_month_report, ExportOptions};
use cchc::status::State;
use cchc::Error;

use crate::cli::{cchc_in, stderr};
use crate::common::{entry, now, open_new, temp_db};
use crate::export::{export, open, options, record_month, sheet, task_row, text};

/// Every cell of every sheet, as text, sheet by sheet.
fn all_cells(path: &Path) -> Vec<(String, Vec<String>)> {
    let names = open(path).sheet_names();
    names
        .into_iter()
        .map(|name| {
            let cells = sheet(path, &name)
                .cells()
                .map(|(r, c, v)| format!("{r}:{c}={v:?}"))
                .collect();
            (name, cells)
        })
        .collect()
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("the folder lists")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn openpyxl_finds_the_decrees_print_profile_fonts_merges_panes_validations_and_dates() {
    let (db, mut store, plan) = open_new();
    record_month(&mut store, plan, db.dir.path());
    let path = db.dir.path().join("BC-CCHC-SNV-2024-09.xlsx");
    export(&store, plan, "SNV", "2024-09", &path);
    let script = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/xlsx_check/check_month_report.py"
    );
    // scripts/test.sh sets CCHC_PYTHON to a Python that has openpyxl.
    let python = std::env::var("CCHC_PYTHON").unwrap_or_else(|_| "python3".into());
    let signer = options().signer.expect("the tests' signer");
    let out = std::process::Command::new(&python)
        .arg(script)
        .arg(&path)
        .arg(signer)
        .output()
        .unwrap_or_else(|e| panic!("{python} runs the openpyxl checks: {e}"));
    assert!(
        out.status.success(),
        "openpyxl's checks pass:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn the_tables_are_annexes_numbered_in_order_naming_the_report_they_go_with() {
    let (db, store, plan) = open_new();
    let path = db.dir.path().join("BC-CCHC-SNV-2024-09.xlsx");
    export(&store, plan, "SNV", "2024-09", &path);
    let attached = "(Kèm theo Báo cáo số      /BC-SNV ngày 05 tháng 9 năm 2024 của Sở Nội vụ)";
    for (name, number, title) in [
        (
            layout::SHEET_TASKS,
            "I",
            "KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 09/2024",
        ),
        (
            layout::SHEET_EVIDENCE,
            "II",
            "DANH MỤC TÀI LIỆU KIỂM CHỨNG THÁNG 09/2024",
        ),
        (
            layout::SHEET_CRITERIA,
            "III",
            "CÁC TIÊU CHÍ CHỈ SỐ CCHC DO NHIỆM VỤ CỦA CƠ QUAN PHỤC VỤ",
        ),
    ] {
        let ws = sheet(&path, name);
        assert_eq!(text(&ws, 0, 0), format!("Phụ lục {number}"), "{name}");
        assert_eq!(text(&ws, 1, 0), title, "{name}");
        assert_eq!(text(&ws, 2, 0), attached, "{name}");
    }
    let tasks = sheet(&path, layout::SHEET_TASKS);
    assert_eq!(
        text(&tasks, layout::TASK_HEADER_ROW, 0),
        "STT",
        "the header stays where the collector reads it"
    );
}

#[test]
fn every_printed_sheet_leaves_the_page_number_off_its_first_page() {
    let (db, store, plan) = open_new();
    let path = db.dir.path().join("BC-CCHC-SNV-2024-09.xlsx");
    export(&store, plan, "SNV", "2024-09", &path);
    let file = std::fs::File::open(&path).expect("the workbook opens");
    let mut zip = zip::ZipArchive::new(file).expect("the workbook is a zip");
    let sheets = (1..)
        .take_while(|i| zip.by_name(&format!("xl/worksheets/sheet{i}.xml")).is_ok())
        .count();
    assert!(
        sheets >= 5,
        "the cover, the tables and _meta: {sheets} sheets"
    );
    // _meta is the last sheet.
    for i in 1..=sheets {
        let mut xml = String::new();
        std::io::Read::read_to_string(
            &mut zip
                .by_name(&format!("xl/worksheets/sheet{i}.xml"))
                .expect("the sheet is there"),
            &mut xml,
        )
        .expect("the sheet reads");
        let printed = i < sheets;
        let different_first = xml
            .split_once("<headerFooter ")
            .is_some_and(|(_, tag)| tag.starts_with("differentFirst=\"1\""));
        assert_eq!(
            different_first && xml.contains("<oddHeader>"),
            printed,
            "sheet {i}: a different first page for every printed sheet, none for _meta"
        );
        assert_eq!(
            xml.contains("useFirstPageNumber=\"1\""),
            printed,
            "sheet {i}"
        );
    }
}

#[test]
fn text_that_looks_like_a_formula_is_written_as_text() {
    let (db, mut store, plan) = open_new();
    let mut entry = entry("SNV", "II.5.2", "2024-09", State::InProgress);
    entry.result = Some("=SUM(A1:A3)".into());
    entry.obstacles = Some("+84 912 345 678".into());
    entry.proposals = Some("-giảm thủ tục; @Sở Tài chính".into());
    store.set_progress(plan, &entry, now()).expect("saved");
    let path = db.dir.path().join("formula.xlsx");
    export(&store, plan, "SNV", "2024-09", &path);
    let tasks = sheet(&path, layout::SHEET_TASKS);
    let row = task_row(&tasks, "II.5.2");
    assert_eq!(text(&tasks, row, 12), "=SUM(A1:A3)");
    assert_eq!(text(&tasks, row, 14), "+84 912 345 678");
    assert_eq!(text(&tasks, row, 15), "-giảm thủ tục; @Sở Tài chính");
    let formulas = open(&path)
        .worksheet_formula(layout::SHEET_TASKS)
        .expect("the formula layer reads");
    assert!(
        formulas.cells().all(|(_, _, f)| f.is_empty()),
        "no cell of the task sheet holds a formula"
    );
}

#[test]
fn the_same_data_and_export_time_give_the_same_cells() {
    let (db, mut store, plan) = open_new();
    record_month(&mut store, plan, db.dir.path());
    let first = db.dir.path().join("first.xlsx");
    let second = db.dir.path().join("second.xlsx");
    export(&store, plan, "SNV", "2024-09", &first);
    export(&store, plan, "SNV", "2024-09", &second);
    assert_eq!(all_cells(&first), all_cells(&second));
    // Exporting again over an existing file replaces it with the new data.
    let mut more = entry("SNV", "II.2.1", "2024-09", State::InProgress);
    more.percent = Some(80);
    store.set_progress(plan, &more, now()).expect("saved");
    export(&store, plan, "SNV", "2024-09", &first);
    let tasks = sheet(&first, layout::SHEET_TASKS);
    assert_eq!(text(&tasks, task_row(&tasks, "II.2.1"), 11), "80");
}

#[test]
fn a_failed_export_leaves_no_file_behind_and_says_why_in_vietnamese() {
    let (db, store, plan) = open_new();
    let report = cchc::report::MonthReport::gather(&store, plan, "SNV", "2024-09").expect("report");
    let folder = db.dir.path().join("out");
    std::fs::create_dir(&folder).expect("folder");
    std::fs::write(folder.join("old.xlsx"), b"an earlier export").expect("earlier file");

    // A name longer than the file system allows fails at the final rename.
    let too_long = folder.join(format!("{}.xlsx", "B".repeat(300)));
    let err = write_month_report(&report, &options(), &too_long).expect_err("refused");
    assert!(matches!(err, Error::File { .. }), "a file error: {err:?}");
    assert_eq!(
        files_in(&folder),
        vec!["old.xlsx"],
        "no temporary file is left and the earlier file is untouched"
    );
    assert_eq!(
        std::fs::read(folder.join("old.xlsx")).expect("read"),
        b"an earlier export"
    );

    let missing = db.dir.path().join("không-có").join("bc.xlsx");
    let err = write_month_report(&report, &options(), &missing).expect_err("refused");
    let message = err.to_string();
    assert!(
        message.contains("không-có") && message.contains("không có tệp hoặc thư mục"),
        "the message names the folder and the reason: {message}"
    );

    let err = write_month_report(&report, &options(), &folder).expect_err("refused");
    assert!(
        err.to_string().contains("thư mục"),
        "a folder is not a file name: {err}"
    );
    assert_eq!(files_in(&folder), vec!["old.xlsx"]);
}

#[test]
fn cli_export_writes_the_spec_file_name_in_the_current_folder_or_the_given_one() {
    let db = temp_db();
    std::fs::create_dir_all(db.dir.path().join("work")).expect("folder");
    let cwd = db.dir.path().join("work");
    let out = cchc_in(
        &db,
        &cwd,
        &[
            "export",
            "--agency",
            "SNV",
            "--period",
            "09/2024",
            "--signer",
            "Trần Thị B",
        ],
        "",
    );
    assert!(out.status.success(), "export succeeds: {}", stderr(&out));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "BC-CCHC-SNV-2024-09.xlsx",
        "prints the written path"
    );
    let written = cwd.join("BC-CCHC-SNV-2024-09.xlsx");
    let cover = sheet(&written, layout::SHEET_COVER);
    assert!(cover.cells().any(|(_, _, v)| *v == "Trần Thị B"));

    let out = cchc_in(
        &db,
        &cwd,
        &[
            "export", "--agency", "STC", "--period", "2024-10", "--out", "..",
        ],
        "",
    );
    assert!(
        out.status.success(),
        "export into a folder: {}",
        stderr(&out)
    );
    assert!(db.dir.path().join("BC-CCHC-STC-2024-10.xlsx").is_file());
}

#[test]
fn cli_export_refuses_a_group_an_unknown_agency_and_a_bad_month() {
    let db = temp_db();
    let cwd = db.dir.path();
    for (args, expected) in [
        (["--agency", "SBN", "--period", "2024-09"], "nhóm"),
        (["--agency", "XYZ", "--period", "2024-09"], "XYZ"),
        (["--agency", "SNV", "--period", "2024-13"], "2024-13"),
    ] {
        let mut all = vec!["export"];
        all.extend(args);
        let out = cchc_in(&db, cwd, &all, "");
        assert_eq!(out.status.code(), Some(1), "{args:?} is a wrong value");
        assert!(
            stderr(&out).contains(expected),
            "{args:?}: the message names {expected:?}: {}",
            stderr(&out)
        );
    }
    let left: Vec<String> = files_in(cwd)
        .into_iter()
        .filter(|n| n.ends_with(".xlsx") || n.contains(".tmp"))
        .collect();
    assert!(left.is_empty(), "nothing is written: {left:?}");
}

#[test]
fn an_agency_with_no_tasks_still_gets_a_valid_workbook() {
    let (db, store, plan) = open_new();
    assert!(
        store
            .tasks(plan, Some("TTPVHCC"))
            .expect("tasks")
            .is_empty(),
        "the public administration service centre has no task of its own in the plan"
    );
    let path = db.dir.path().join("idle.xlsx");
    let report =
        cchc::report::MonthReport::gather(&store, plan, "TTPVHCC", "2024-09").expect("report");
    let opts = ExportOptions {
        signer: None,
        ..options()
    };
    write_month_report(&report, &opts, &path).expect("written");
    let tasks = sheet(&path, layout::SHEET_TASKS);
    assert_eq!(text(&tasks, layout::TASK_HEADER_ROW, 1), "Mã nhiệm vụ");
    assert_eq!(text(&tasks, layout::TASK_FIRST_ROW, 1), "", "no task rows");
    let cover = sheet(&path, layout::SHEET_COVER);
    assert!(
        cover.cells().any(|(_, _, v)| *v == "Tổng cộng"),
        "the summary is there, with zeros"
    );
}

#[test]
fn a_district_report_is_headed_by_its_own_peoples_committee() {
    let (db, store, plan) = open_new();
    let path = db.dir.path().join("BC-CCHC-HKC-2024-09.xlsx");
    export(&store, plan, "HKC", "2024-09", &path);
    let cover = sheet(&path, layout::SHEET_COVER);
    let cell = |r: u32, c: u32| cover.get_value((r, c)).map(|v| v.to_string());
    assert_eq!(cell(0, 0).as_deref(), Some("ỦY BAN NHÂN DÂN"));
    assert_eq!(cell(1, 0).as_deref(), Some("HUYỆN KHOÁI CHÂU"));
    assert_eq!(
        cell(2, 0).as_deref(),
        Some("Số:        /BC-UBND"),
        "a People's Committee's reports carry its own symbol"
    );

    let path = db.dir.path().join("BC-CCHC-SNV-2024-09.xlsx");
    export(&store, plan, "SNV", "2024-09", &path);
    let cover = sheet(&path, layout::SHEET_COVER);
    let cell = |r: u32, c: u32| cover.get_value((r, c)).map(|v| v.to_string());
    assert_eq!(cell(0, 0).as_deref(), Some("UBND TỈNH HƯNG YÊN"));
    assert_eq!(cell(1, 0).as_deref(), Some("SỞ NỘI VỤ"));
    assert_eq!(cell(2, 0).as_deref(), Some("Số:        /BC-SNV"));
}
