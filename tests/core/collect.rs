use std::path::Path;
use std::process::Command;

use calamine::{Data, Reader, SheetVisible, Xlsx};
use cchc::collect::{self, OutcomeKind};
use cchc::status::{State, Status};
use cchc::store::JustSaved;

use crate::collect_fixture::{
    assert_kind, check_consolidated, edit, exported_at, AgencyDb, Collector, PERIOD,
};
use crate::common::now;

#[test]
fn an_exported_workbook_is_accepted_with_its_rows_and_counts() {
    let agency = AgencyDb::new();
    let dir = tempfile::tempdir().expect("temp folder");
    let file = agency.export("SNV", PERIOD, exported_at(9), dir.path(), None);
    let mut collector = Collector::new();
    let outcome = collector.collect_one(&file);
    assert_kind(&outcome, OutcomeKind::Accepted);
    assert_eq!(outcome.agency.as_deref(), Some("SNV"));
    assert!(
        !outcome.edited,
        "an untouched export matches its content hash"
    );
    assert!(
        outcome.message.contains("BC-CCHC-SNV-2024-09.xlsx"),
        "{}",
        outcome.message
    );
    let status = agency
        .store
        .status(agency.plan, "SNV", PERIOD)
        .expect("status");
    assert_eq!(outcome.tasks, status.tasks.len(), "one row per task of SNV");
    assert_eq!(
        outcome.counts, status.counts.0,
        "the counts per status are the exporter's"
    );
    let reports = collector
        .store
        .collected_reports(collector.plan, PERIOD)
        .expect("reports");
    assert_eq!(reports.len(), 1);
    let done = reports[0]
        .tasks
        .iter()
        .find(|t| t.code == "IV.3.1")
        .expect("IV.3.1 stored");
    assert_eq!(done.status, Status::DoneOnTime);
    assert_eq!(done.percent, Some(100.0));
    assert_eq!(done.result, "Đã trình Tờ trình số 1494/TTr-SNV");
    let ongoing = reports[0]
        .tasks
        .iter()
        .find(|t| t.code == "II.1.1")
        .expect("II.1.1 stored");
    assert_eq!(
        ongoing.percent,
        Some(40.0),
        "the percent is read as a number"
    );
}

#[test]
fn collecting_the_same_file_twice_changes_nothing() {
    let agency = AgencyDb::new();
    let dir = tempfile::tempdir().expect("temp folder");
    let file = agency.export("SNV", PERIOD, exported_at(9), dir.path(), None);
    let mut collector = Collector::new();
    assert_kind(&collector.collect_one(&file), OutcomeKind::Accepted);
    let before = collector.snapshot();
    assert!(!before.is_empty(), "the first collect stored rows");
    let again = collector.collect_one(&file);
    assert_kind(&again, OutcomeKind::Unchanged);
    assert_eq!(
        collector.snapshot(),
        before,
        "not even the collection time is rewritten"
    );
}

#[test]
fn a_newer_export_replaces_the_older_one_and_an_older_one_is_ignored() {
    let mut agency = AgencyDb::new();
    let dir = tempfile::tempdir().expect("temp folder");
    let morning = agency.export("SNV", PERIOD, exported_at(9), dir.path(), Some("sang.xlsx"));
    agency.record(
        "SNV",
        "II.1.1",
        State::InProgress,
        Some(80),
        "Đã rà soát xong 80% quy trình",
    );
    let afternoon = agency.export(
        "SNV",
        PERIOD,
        exported_at(15),
        dir.path(),
        Some("chieu.xlsx"),
    );
    let mut collector = Collector::new();
    assert_kind(&collector.collect_one(&morning), OutcomeKind::Accepted);
    let replaced = collector.collect_one(&afternoon);
    assert_kind(&replaced, OutcomeKind::Replaced);
    assert!(
        replaced.message.contains("01/10/2024 15:00"),
        "{}",
        replaced.message
    );
    let after_newer = collector.snapshot();
    let older = collector.collect_one(&morning);
    assert_kind(&older, OutcomeKind::Older);
    assert_eq!(
        collector.snapshot(),
        after_newer,
        "the older export changes nothing"
    );
    let reports = collector
        .store
        .collected_reports(collector.plan, PERIOD)
        .expect("reports");
    assert_eq!(reports.len(), 1, "one report per agency and month");
    let row = reports[0]
        .tasks
        .iter()
        .find(|t| t.code == "II.1.1")
        .expect("II.1.1");
    assert_eq!(row.percent, Some(80.0), "the newer export's data is kept");
    assert_eq!(row.result, "Đã rà soát xong 80% quy trình");
}

#[test]
fn a_workbook_edited_by_hand_in_excel_is_accepted_and_marked() {
    let agency = AgencyDb::new();
    let dir = tempfile::tempdir().expect("temp folder");
    let file = agency.export("SNV", PERIOD, exported_at(9), dir.path(), None);
    let edited = dir.path().join("BC-CCHC-SNV-2024-09-sua.xlsx");
    // Row 6 is the first task; M is "Kết quả thực hiện", O "Khó khăn, vướng mắc".
    edit(
        &file,
        &edited,
        &[
            "set",
            "Nhiệm vụ",
            "M6",
            "Đã họp triển khai ngày 10/9",
            "set",
            "Nhiệm vụ",
            "O6",
            "Thiếu biên chế",
        ],
    );
    let mut collector = Collector::new();
    let outcome = collector.collect_one(&edited);
    assert_kind(&outcome, OutcomeKind::Accepted);
    assert!(
        outcome.edited,
        "the data no longer matches _meta.content_sha256"
    );
    assert!(outcome.message.contains("sửa tay"), "{}", outcome.message);
    let reports = collector
        .store
        .collected_reports(collector.plan, PERIOD)
        .expect("reports");
    assert!(reports[0].edited);
    assert_eq!(
        reports[0].tasks[0].result, "Đã họp triển khai ngày 10/9",
        "the hand edit is kept, not lost"
    );
    assert_eq!(reports[0].tasks[0].obstacles, "Thiếu biên chế");
    let month = collector.month(&[]);
    let snv = month
        .agencies
        .iter()
        .find(|a| a.code == "SNV")
        .expect("SNV line");
    assert_eq!(snv.note, "Sửa tay sau khi xuất");
}

#[test]
fn an_evidence_row_edited_by_hand_marks_the_workbook_edited() {
    let agency = AgencyDb::new();
    let dir = tempfile::tempdir().expect("temp folder");
    let file = agency.export("SNV", PERIOD, exported_at(9), dir.path(), None);
    let mut book: Xlsx<_> = calamine::open_workbook(&file).expect("open the export");
    let sheet = sheet(&mut book, "Tài liệu kiểm chứng");
    assert_eq!(
        text(&sheet, 4, 4),
        "Tờ trình sáp nhập các trường cao đẳng",
        "the export lists the document at E5"
    );
    let edited = dir.path().join("sua-tai-lieu.xlsx");
    // Row 5 is the first document; E is "Trích yếu".
    edit(
        &file,
        &edited,
        &["set", "Tài liệu kiểm chứng", "E5", "Tờ trình (sửa)"],
    );
    let mut collector = Collector::new();
    let untouched = collector.collect_one(&file);
    assert!(!untouched.edited, "the evidence rows hash as exported");
    let outcome = collector.collect_one(&edited);
    assert_kind(&outcome, OutcomeKind::Replaced);
    assert!(
        outcome.edited,
        "the evidence sheet is part of the content hash"
    );
}

#[test]
fn a_workbook_only_opened_and_saved_again_is_not_marked_edited() {
    let agency = AgencyDb::new();
    let dir = tempfile::tempdir().expect("temp folder");
    let file = agency.export("SNV", PERIOD, exported_at(9), dir.path(), None);
    let resaved = dir.path().join("luu-lai.xlsx");
    edit(&file, &resaved, &[]);
    let outcome = Collector::new().collect_one(&resaved);
    assert_kind(&outcome, OutcomeKind::Accepted);
    assert!(
        !outcome.edited,
        "another writer's dates, numbers and strings hash the same: {}",
        outcome.message
    );
}

/// The cells of a sheet of the consolidated workbook.
fn sheet(book: &mut Xlsx<std::io::BufReader<std::fs::File>>, name: &str) -> calamine::Range<Data> {
    book.worksheet_range(name)
        .unwrap_or_else(|e| panic!("sheet {name}: {e}"))
}

fn text(range: &calamine::Range<Data>, row: u32, col: u32) -> String {
    range
        .get_value((row, col))
        .map(|d| d.to_string())
        .unwrap_or_default()
}

/// The absolute indexes of a sheet's rows (a range starts at its first used cell).
fn rows_of(range: &calamine::Range<Data>) -> std::ops::RangeInclusive<u32> {
    0..=range.end().map_or(0, |(row, _)| row)
}

/// The row of the consolidated table whose column B (or A for "Nhiệm vụ") reads `key`.
fn find_row(range: &calamine::Range<Data>, col: u32, key: &str) -> u32 {
    rows_of(range)
        .find(|r| text(range, *r, col) == key)
        .unwrap_or_else(|| panic!("a row with {key:?} in column {col}"))
}

/// January 2025: the tasks due "trong năm 2024" are overdue by then, and
/// HKC's IV.3.4 (due 30/09/2024) is older than all of SNV's.
const JANUARY: &str = "2025-01";

/// SNV's and HKC's workbooks of January 2025 collected (the folder holds them)
/// and the month consolidated.
fn january_of_snv_and_hkc() -> (tempfile::TempDir, Collector, collect::Consolidation) {
    let agency = AgencyDb::new();
    let dir = tempfile::tempdir().expect("temp folder");
    let snv = agency.export("SNV", JANUARY, exported_at(9), dir.path(), None);
    let hkc = agency.export("HKC", JANUARY, exported_at(10), dir.path(), None);
    let mut collector = Collector::new();
    for outcome in collector.collect_for(JANUARY, &[snv, hkc]) {
        assert_kind(&outcome, OutcomeKind::Accepted);
    }
    let month = collect::consolidate(
        &collector.store,
        collector.plan,
        JANUARY,
        &[],
        now(),
        JustSaved::default(),
    )
    .expect("month");
    (dir, collector, month)
}

#[test]
fn the_consolidated_workbook_lists_every_agency_the_rows_and_the_overdue_ones() {
    let (dir, collector, month) = january_of_snv_and_hkc();
    let out = dir.path().join(collect::consolidated_file_name(JANUARY));
    collect::write_consolidated(&month, &out).expect("the consolidated workbook is written");
    assert_eq!(
        out.file_name().and_then(|n| n.to_str()),
        Some("TH-CCHC-2025-01.xlsx")
    );

    check_consolidated(&out);

    let mut book: Xlsx<_> = calamine::open_workbook(&out).expect("calamine opens it");
    let names = book.sheet_names();
    assert_eq!(
        names,
        [
            "Báo cáo",
            "Tổng hợp",
            "Nhiệm vụ",
            "Quá hạn",
            "Chỉ số",
            "Việc phát sinh",
            "_meta"
        ]
    );
    let hidden = book
        .sheets_metadata()
        .iter()
        .find(|s| s.name == "_meta")
        .map(|s| s.visible);
    assert_eq!(hidden, Some(SheetVisible::Hidden), "_meta is for machines");

    let summary = sheet(&mut book, "Tổng hợp");
    let reporting = collector
        .store
        .reporting_agencies(collector.plan, PERIOD)
        .expect("agencies");
    let snv_row = find_row(&summary, 1, "Sở Nội vụ");
    assert_eq!(text(&summary, snv_row, 2), "Đã gửi");
    assert!(
        matches!(summary.get_value((snv_row, 3)), Some(Data::DateTime(d)) if d.is_datetime()),
        "the export date is a real date"
    );
    let snv_tasks = month
        .tasks
        .iter()
        .filter(|t| t.agency_code == "SNV")
        .count();
    assert_eq!(
        summary.get_value((snv_row, 4)),
        Some(&Data::Float(snv_tasks as f64))
    );
    let silent = reporting
        .iter()
        .find(|a| a.code == "SKHDT")
        .expect("SKHDT has tasks");
    let silent_row = find_row(&summary, 1, &silent.name);
    assert_eq!(
        text(&summary, silent_row, 2),
        "Chưa gửi",
        "an agency that sent nothing is listed"
    );
    let total_row = find_row(&summary, 1, "Tổng cộng");
    assert_eq!(
        total_row - snv_row,
        reporting.len() as u32 - find_position(&reporting, "SNV"),
        "one row per agency with tasks, then the total"
    );
    let status_col =
        |s: Status| 5 + Status::ALL.iter().position(|x| *x == s).expect("status") as u32;
    let done_total = month
        .tasks
        .iter()
        .filter(|t| t.task.status == Status::DoneOnTime)
        .count();
    assert_eq!(
        summary.get_value((total_row, status_col(Status::DoneOnTime))),
        Some(&Data::Float(done_total as f64)),
        "the total row sums the agencies"
    );
    assert_eq!(
        text(&summary, total_row, 13),
        format!("2/{} cơ quan đã gửi báo cáo", reporting.len())
    );
    let status_sum: f64 = Status::ALL
        .iter()
        .map(|s| match summary.get_value((total_row, status_col(*s))) {
            Some(Data::Float(n)) => *n,
            _ => 0.0,
        })
        .sum();
    assert_eq!(
        summary.get_value((total_row, 4)),
        Some(&Data::Float(month.tasks.len() as f64)),
        "the total's task count is the rows sent, not the plan's tasks of agencies that sent nothing"
    );
    assert_eq!(
        status_sum,
        month.tasks.len() as f64,
        "the total's status columns add up to its task count"
    );
    assert_eq!(month.total.tasks, month.tasks.len());

    let tasks = sheet(&mut book, "Nhiệm vụ");
    let first = find_row(&tasks, 0, "Cơ quan") + 2;
    let rows: Vec<u32> = (first..=*rows_of(&tasks).end())
        .filter(|r| !text(&tasks, *r, 0).is_empty())
        .collect();
    assert_eq!(rows.len(), month.tasks.len(), "every collected row, once");
    assert_eq!(
        text(&tasks, first, 0),
        "Sở Nội vụ",
        "the agency comes first"
    );
    assert_eq!(text(&tasks, first, 2), month.tasks[0].task.code);

    let overdue = sheet(&mut book, "Quá hạn");
    let first = find_row(&overdue, 0, "Cơ quan") + 2;
    let due: Vec<f64> = (first..=*rows_of(&overdue).end())
        .filter(|r| !text(&overdue, *r, 0).is_empty())
        .map(|r| {
            assert_eq!(
                text(&overdue, r, 11),
                Status::Overdue.label(),
                "only overdue rows"
            );
            match overdue.get_value((r, 9)) {
                Some(Data::DateTime(d)) => d.as_f64(),
                other => panic!("an overdue row has a due date, got {other:?}"),
            }
        })
        .collect();
    let expected = month
        .tasks
        .iter()
        .filter(|t| t.task.status == Status::Overdue)
        .count();
    assert!(expected > 0, "the plan has tasks overdue by September 2024");
    assert_eq!(due.len(), expected);
    assert!(
        due.windows(2).all(|w| w[0] <= w[1]),
        "oldest due date first"
    );

    assert_eq!(
        text(&overdue, first, 0),
        "UBND huyện Khoái Châu",
        "HKC's older due date comes before SNV's rows, whatever the plan order"
    );

    let criteria = sheet(&mut book, "Chỉ số");
    let lagging = month
        .criteria
        .iter()
        .find(|c| c.lagging.iter().any(|a| a == "HKC"))
        .expect("a criterion served by HKC's overdue task");
    let row = find_row(&criteria, 0, &lagging.code);
    assert!(
        text(&criteria, row, 7).contains("HKC"),
        "the lagging agencies are named"
    );
    assert_eq!(
        criteria.get_value((row, 5)),
        Some(&Data::Float(lagging.tasks as f64))
    );

    let meta = sheet(&mut book, "_meta");
    assert_eq!(text(&meta, 0, 1), "cchc-tong-hop-thang");
    assert_eq!(text(&meta, 1, 0), "format_version");
    assert_eq!(
        text(&meta, 1, 1),
        "2",
        "it carries version 2's content: obligations, estimates"
    );
    let sources: Vec<String> = rows_of(&meta)
        .filter(|r| text(&meta, *r, 0) == "source")
        .map(|r| text(&meta, r, 3))
        .collect();
    assert_eq!(sources.len(), 2, "both source files are listed");
    assert!(
        sources.iter().all(|h| h.len() == 64),
        "with their content hashes"
    );
}

#[test]
fn the_consolidation_names_the_overdue_rows_at_risk_as_the_province_scores_do() {
    let (_dir, collector, month) = january_of_snv_and_hkc();
    let mut alone = cchc::score::province_scores(&collector.store, collector.plan, JANUARY)
        .expect("province scores");
    let mut theirs = month.scores.clone();
    // The consolidation lists them in the plan's order, the scores alone most at risk first.
    alone.sort_by(|a, b| a.criterion.cmp(&b.criterion));
    theirs.sort_by(|a, b| a.criterion.cmp(&b.criterion));
    assert_eq!(
        theirs, alone,
        "the rows the consolidation read give the same scores as the store's overdue rows"
    );
    let named: Vec<&str> = alone
        .iter()
        .flat_map(|s| &s.drivers)
        .filter(|d| d.kind == cchc::score::DriverKind::Overdue)
        .map(|d| d.text.as_str())
        .collect();
    let overdue = month
        .tasks
        .iter()
        .find(|t| t.agency_code == "HKC" && t.task.status == Status::Overdue)
        .expect("HKC has an overdue row in January 2025");
    let sentence = format!(
        "Nhiệm vụ {} của HKC quá hạn chưa hoàn thành (hạn {}).",
        overdue.task.code,
        overdue
            .task
            .due_date
            .expect("a due date")
            .format("%d/%m/%Y")
    );
    assert!(
        named.contains(&sentence.as_str()),
        "{sentence} in {named:?}"
    );
}

#[test]
fn the_consolidated_workbook_is_written_the_same_way_every_time() {
    let (dir, _collector, month) = january_of_snv_and_hkc();
    let sheets = |name: &str| -> Vec<(String, Vec<u8>)> {
        let path = dir.path().join(name);
        collect::write_consolidated(&month, &path).expect("written");
        let file = std::fs::File::open(&path).expect("the workbook");
        let mut zip = zip::ZipArchive::new(file).expect("a zip");
        let mut parts = Vec::new();
        for i in 0..zip.len() {
            let mut entry = zip.by_index(i).expect("an entry");
            let name = entry.name().expect("a name").into_owned();
            if name.starts_with("xl/worksheets/sheet") || name == "xl/sharedStrings.xml" {
                let mut bytes = Vec::new();
                std::io::Read::read_to_end(&mut entry, &mut bytes).expect("read");
                parts.push((name, bytes));
            }
        }
        parts
    };
    let first = sheets("a.xlsx");
    assert!(first.iter().any(|(n, _)| n == "xl/sharedStrings.xml"));
    assert_eq!(
        first,
        sheets("b.xlsx"),
        "the sheets and the shared texts, byte for byte"
    );
}

fn find_position(agencies: &[cchc::store::ReportingAgency], code: &str) -> u32 {
    agencies
        .iter()
        .position(|a| a.code == code)
        .expect("listed") as u32
}

#[test]
fn the_progress_callback_counts_every_file() {
    let agency = AgencyDb::new();
    let dir = tempfile::tempdir().expect("temp folder");
    agency.export("SNV", PERIOD, exported_at(9), dir.path(), None);
    let junk = dir.path().join("rac.xlsx");
    std::fs::write(&junk, b"not a workbook").expect("write");
    let mut collector = Collector::new();
    let mut calls = Vec::new();
    let files = collect::input_files(&[dir.path().to_path_buf()]).expect("the folder lists");
    assert_eq!(files.len(), 2, "the folder's two .xlsx files");
    collect::collect_files(
        &mut collector.store,
        collector.plan,
        PERIOD,
        &files,
        now(),
        |d, t| calls.push((d, t)),
        None,
    )
    .expect("collect");
    assert_eq!(calls, [(0, 2), (1, 2), (2, 2)]);
}

fn run_collect(db: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_cchc"))
        .arg("--db")
        .arg(db)
        .arg("collect")
        .args(args)
        .env_remove("CCHC_DB")
        .output()
        .expect("the cchc binary runs")
}

#[test]
fn cchc_collect_prints_a_line_per_input_and_exits_1_when_one_is_refused() {
    let agency = AgencyDb::new();
    let dir = tempfile::tempdir().expect("temp folder");
    let good = agency.export("SNV", PERIOD, exported_at(9), dir.path(), None);
    let bad = dir.path().join("hong.xlsx");
    std::fs::write(&bad, b"PK\x03\x04 truncated").expect("write");
    let collector = Collector::new();
    let db = collector.db.path.clone();
    drop(collector);
    let out_dir = dir.path().join("out");
    std::fs::create_dir(&out_dir).expect("out folder");
    let (g, b, o) = (
        good.to_string_lossy(),
        bad.to_string_lossy(),
        out_dir.to_string_lossy(),
    );
    let run = run_collect(&db, &["--period", PERIOD, "--out", &o, &g, &b]);
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert_eq!(
        run.status.code(),
        Some(1),
        "one input was refused: {stdout}"
    );
    assert!(
        stdout
            .lines()
            .any(|l| l.starts_with("Đã nhận \"BC-CCHC-SNV-2024-09.xlsx\": SNV")),
        "{stdout}"
    );
    assert!(
        stdout
            .lines()
            .any(|l| l.starts_with("Từ chối: Tệp \"hong.xlsx\"")),
        "{stdout}"
    );
    assert!(
        out_dir.join("TH-CCHC-2024-09.xlsx").is_file(),
        "the consolidated workbook is still written"
    );
    let again = run_collect(&db, &["--period", PERIOD, "--out", &o, &g]);
    let stdout = String::from_utf8_lossy(&again.stdout);
    assert_eq!(again.status.code(), Some(0), "all accepted: {stdout}");
    assert!(
        stdout.starts_with("Không đổi \"BC-CCHC-SNV-2024-09.xlsx\""),
        "{stdout}"
    );
}
