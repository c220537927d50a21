//! What the collector cannot carry is refused by name, and every input gets
//! an outcome line: cells longer than an Excel cell, data past the 64th
//! column, folders, pipes and links named `*.xlsx`. The month's consolidated
//! workbook is always written from what was accepted. The task-list import
//! passes the same gate and the same capped reader.

use std::path::Path;
use std::time::{Duration, Instant};

use cchc::collect::{self, OutcomeKind};
use cchc::text::MAX_CELL_CHARS;
use cchc::Error;

use crate::collect_fixture::{
    assert_kind, edit, exported_at, hostile, AgencyDb, Collector, PERIOD,
};
use crate::common::{now, open_new};

/// Collects `file` (made from SNV's export by `ops`) and checks it is refused
/// with a message naming the file, the sheet, the cell and `why`.
fn assert_cell_refused(sheet: &str, cell: &str, value: &str, why: &str) {
    let agency = AgencyDb::new();
    let dir = tempfile::tempdir().expect("temp folder");
    let base = agency.export("SNV", PERIOD, exported_at(9), dir.path(), None);
    let file = dir.path().join("sua-tay.xlsx");
    edit(&base, &file, &["set", sheet, cell, value]);
    let mut collector = Collector::new();
    let outcome = collector.collect_one(&file);
    assert_kind(&outcome, OutcomeKind::Rejected);
    for part in [
        "\"sua-tay.xlsx\"".to_string(),
        format!("sheet \"{sheet}\""),
        format!("ô {cell}"),
        why.to_string(),
    ] {
        assert!(
            outcome.message.contains(&part),
            "names {part}: {}",
            outcome.message
        );
    }
    assert!(collector.snapshot().is_empty(), "nothing was stored");
}

#[test]
fn a_cell_longer_than_excel_holds_is_refused_by_file_sheet_and_cell_in_every_sheet_read() {
    let long = format!("long:{}", MAX_CELL_CHARS + 1);
    let limit = MAX_CELL_CHARS.to_string();
    assert_cell_refused("Nhiệm vụ", "M6", &long, &limit);
    assert_cell_refused("Nhiệm vụ", "O7", &long, &limit);
    assert_cell_refused("Tài liệu kiểm chứng", "E9", &long, &limit);
    assert_cell_refused("_meta", "C1", &long, &limit);
}

#[test]
fn data_past_the_sixty_fourth_column_is_refused_not_dropped() {
    assert_cell_refused("Nhiệm vụ", "BM6", "ghi chú ngoài bảng", "cột thứ 65");
    assert_cell_refused("_meta", "BZ2", "x", "cột thứ 78");
}

#[test]
fn a_due_date_outside_the_accepted_range_is_refused_with_the_range() {
    let range = "từ năm 2000 đến năm 2100";
    assert_cell_refused("Nhiệm vụ", "I6", "31/12/1999", range);
    assert_cell_refused("Nhiệm vụ", "I7", "d:2101-01-01", range);
}

#[test]
fn the_consolidated_workbook_is_written_from_what_was_accepted_whatever_is_refused() {
    let agency = AgencyDb::new();
    let dir = tempfile::tempdir().expect("temp folder");
    let snv = agency.export("SNV", PERIOD, exported_at(9), dir.path(), None);
    let hkc = agency.export("HKC", PERIOD, exported_at(9), dir.path(), None);
    let long = dir.path().join("dai.xlsx");
    edit(&hkc, &long, &["set", "Nhiệm vụ", "M6", "long:40000"]);
    let mut collector = Collector::new();
    let outcomes = collector.collect(&[long, snv]);
    assert_kind(&outcomes[0], OutcomeKind::Rejected);
    assert_kind(&outcomes[1], OutcomeKind::Accepted);
    let out = dir.path().join(collect::consolidated_file_name(PERIOD));
    let month = collector.month(&outcomes);
    collect::write_consolidated(&month, &out).expect("written from the accepted file");

    // A text stored by an earlier version, before the limit was checked, must
    // not block the month either: it is cut to fit, with a mark.
    let conn = rusqlite::Connection::open(&collector.db.path).expect("open");
    conn.execute(
        "UPDATE collected_task SET result = ?1",
        [&"c".repeat(80_000)],
    )
    .expect("an over-long text as an older version stored it");
    drop(conn);
    let month = collector.month(&[]);
    collect::write_consolidated(&month, &out).expect("still written");
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&out).expect("opens");
    use calamine::Reader;
    let tasks = book.worksheet_range("Nhiệm vụ").expect("sheet");
    let longest = tasks
        .cells()
        .filter_map(|(_, _, v)| match v {
            calamine::Data::String(s) => Some(s.chars().count()),
            _ => None,
        })
        .max()
        .expect("text cells");
    assert_eq!(longest, MAX_CELL_CHARS, "the long text is cut to the limit");
}

#[cfg(unix)]
#[test]
fn every_entry_of_the_input_folder_named_xlsx_gets_an_outcome_line() {
    let agency = AgencyDb::new();
    let folder = tempfile::tempdir().expect("input folder");
    let elsewhere = tempfile::tempdir().expect("another folder");
    let good = agency.export("SNV", PERIOD, exported_at(9), folder.path(), None);
    let real = agency.export("HKC", PERIOD, exported_at(9), elsewhere.path(), None);
    std::os::unix::fs::symlink(&real, folder.path().join("lien-ket.xlsx")).expect("symlink");
    std::fs::create_dir(folder.path().join("thu-muc.xlsx")).expect("folder");
    let pipe = folder.path().join("duong-ong.xlsx");
    let made = std::process::Command::new("mkfifo")
        .arg(&pipe)
        .status()
        .expect("mkfifo");
    assert!(made.success());
    std::fs::write(folder.path().join("ghi-chu.txt"), b"not a workbook name").expect("write");

    let inputs = collect::input_files(&[folder.path().to_path_buf()]).expect("listed");
    assert_eq!(
        inputs.len(),
        4,
        "every *.xlsx entry is an input: {inputs:?}"
    );
    let mut collector = Collector::new();
    let started = Instant::now();
    let outcomes = collector.collect(&inputs);
    assert!(
        started.elapsed() < Duration::from_secs(30),
        "a pipe is never opened"
    );
    let line = |name: &str| {
        outcomes
            .iter()
            .find(|o| o.file_name == name)
            .unwrap_or_else(|| panic!("{name} has an outcome: {outcomes:?}"))
    };
    assert_kind(
        line(good.file_name().and_then(|n| n.to_str()).expect("name")),
        OutcomeKind::Accepted,
    );
    for (name, why) in [
        ("lien-ket.xlsx", "liên kết"),
        ("thu-muc.xlsx", "thư mục"),
        ("duong-ong.xlsx", "không phải một tệp thông thường"),
    ] {
        let outcome = line(name);
        assert_kind(outcome, OutcomeKind::Rejected);
        assert!(
            outcome.message.contains(&format!("\"{name}\"")) && outcome.message.contains(why),
            "{name}: {}",
            outcome.message
        );
    }
}

/// How long a refusal may take (see collect_hostile.rs).
const LIMIT: Duration = if cfg!(debug_assertions) {
    Duration::from_secs(30)
} else {
    Duration::from_secs(5)
};

/// Makes the hostile file `kind` from a real task-list workbook and checks that
/// importing it is refused within seconds, naming the file and `reason`, and
/// adding nothing.
fn assert_plan_import_refused(kind: &str, reason: &str) {
    let (_db, mut store, plan) = open_new();
    let dir = tempfile::tempdir().expect("temp folder");
    let base = dir.path().join("ke-hoach.xlsx");
    cchc::plan_workbook::write_plan_workbook(&store.plan_data(plan).expect("plan"), &base)
        .expect("a real task-list workbook");
    let file = dir.path().join(format!("{kind}.xlsx"));
    hostile(kind, &base, &file);
    let before = store.plans().expect("plans").len();
    let started = Instant::now();
    let err = cchc::plan_workbook::PlanWorkbook::import(&mut store, plan, &file, None, now())
        .expect_err("refused");
    assert_refused(kind, reason, &err, started);
    assert_eq!(store.plans().expect("plans").len(), before, "nothing added");
    assert_still_there(&file);
}

/// The refusal of hostile file `kind` is an invalid-input error naming the
/// file and saying `reason`, given within [`LIMIT`] of `started`.
fn assert_refused(kind: &str, reason: &str, err: &Error, started: Instant) {
    let took = started.elapsed();
    let message = err.to_string();
    assert!(matches!(err, Error::Invalid(_)), "{kind}: {message}");
    assert!(
        message.contains(&format!("{kind}.xlsx")) && message.contains(reason),
        "{kind}: {message:?} names the file and says {reason:?}"
    );
    assert!(took < LIMIT, "{kind} refused in {took:?}");
}

fn assert_still_there(file: &Path) {
    assert!(file.is_file(), "{} is left as it was", file.display());
}

#[test]
fn a_hostile_task_list_is_refused_by_the_same_gate_as_the_collector() {
    assert_plan_import_refused("zip-bomb", "bom nén");
    assert_plan_import_refused("entity-bomb", "DOCTYPE");
    assert_plan_import_refused("external-entity", "DOCTYPE");
    assert_plan_import_refused("lying-size", "bị hỏng");
    assert_plan_import_refused("docx", "văn bản Word (.docx)");
    assert_plan_import_refused("random", "không phải là tệp Excel");
}

#[test]
fn a_hostile_holiday_notice_workbook_is_refused_by_the_same_gate_before_any_line_is_read() {
    let (_db, store, plan) = open_new();
    let dir = tempfile::tempdir().expect("temp folder");
    let base = dir.path().join("ke-hoach.xlsx");
    cchc::plan_workbook::write_plan_workbook(&store.plan_data(plan).expect("plan"), &base)
        .expect("a real workbook to spoil");
    for (kind, reason) in [
        ("zip-bomb", "bom nén"),
        ("entity-bomb", "DOCTYPE"),
        ("external-entity", "DOCTYPE"),
        ("docx", "văn bản Word (.docx)"),
        ("random", "không phải là tệp Excel"),
    ] {
        let file = dir.path().join(format!("{kind}.xlsx"));
        hostile(kind, &base, &file);
        let started = Instant::now();
        let err = cchc::plan_workbook::notice_lines::notice_lines(&file)
            .expect_err("a hostile notice workbook");
        assert_refused(kind, reason, &err, started);
    }
    cchc::plan_workbook::notice_lines::notice_lines(&base)
        .expect("the untouched workbook passes the gate and is read");
}

#[test]
fn a_task_list_with_a_million_rows_is_refused_at_the_row_cap() {
    assert_plan_import_refused("million-rows", "quá nhiều dòng");
}
