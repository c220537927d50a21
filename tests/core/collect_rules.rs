use std::path::PathBuf;

use cchc::collect::OutcomeKind;

use crate::collect_fixture::{assert_kind, edit, exported_at, AgencyDb, Collector, PERIOD};

/// A collector that already holds SNV's September report, the real export it
/// came from, and a folder for edited copies.
struct Setup {
    collector: Collector,
    export: PathBuf,
    dir: tempfile::TempDir,
    agency: AgencyDb,
}

fn setup() -> Setup {
    let agency = AgencyDb::new();
    let dir = tempfile::tempdir().expect("temp folder");
    let export = agency.export("SNV", PERIOD, exported_at(9), dir.path(), None);
    let mut collector = Collector::new();
    assert_kind(&collector.collect_one(&export), OutcomeKind::Accepted);
    Setup {
        collector,
        export,
        dir,
        agency,
    }
}

impl Setup {
    /// Collects `file` and checks that it is refused with a message holding
    /// every one of `parts`, and that the stored report is exactly as before.
    fn assert_refused(&mut self, file: &std::path::Path, parts: &[&str]) -> String {
        let before = self.collector.snapshot();
        let outcome = self.collector.collect_one(file);
        assert_kind(&outcome, OutcomeKind::Rejected);
        assert!(
            outcome.message.starts_with("Từ chối: Tệp \""),
            "{}",
            outcome.message
        );
        for part in parts {
            assert!(
                outcome.message.contains(part),
                "{:?} names {part:?}",
                outcome.message
            );
        }
        assert_eq!(
            self.collector.snapshot(),
            before,
            "a refused file imports nothing"
        );
        outcome.message
    }

    /// An openpyxl copy of the export with `ops` applied.
    fn edited(&self, name: &str, ops: &[&str]) -> PathBuf {
        let target = self.dir.path().join(name);
        edit(&self.export, &target, ops);
        target
    }
}

#[test]
fn a_file_that_is_not_an_xlsx_is_refused() {
    let mut s = setup();
    let file = s.dir.path().join("bao-cao.xlsx");
    std::fs::write(&file, "STT;Mã nhiệm vụ\n1;II.1.1\n").expect("write");
    s.assert_refused(&file, &["\"bao-cao.xlsx\"", "không phải là tệp Excel"]);
}

#[test]
fn a_workbook_without_the_meta_sheet_is_refused() {
    let mut s = setup();
    let file = s.edited("khong-meta.xlsx", &["delete-sheet", "_meta"]);
    s.assert_refused(&file, &["\"khong-meta.xlsx\"", "sheet \"_meta\""]);
}

#[test]
fn an_unknown_format_or_format_version_is_refused_naming_the_cell() {
    let mut s = setup();
    let file = s.edited("dinh-dang.xlsx", &["set", "_meta", "B1", "cchc-ke-hoach"]);
    s.assert_refused(
        &file,
        &[
            "\"dinh-dang.xlsx\"",
            "sheet \"_meta\", ô B1",
            "cchc-ke-hoach",
        ],
    );
    // One past the newest version this build writes (versions 1 and 2 are read).
    let unknown = (cchc::report::layout::FORMAT_VERSION + 1).to_string();
    let file = s.edited("phien-ban.xlsx", &["set", "_meta", "B2", &unknown]);
    s.assert_refused(
        &file,
        &[
            "sheet \"_meta\", ô B2",
            &format!("phiên bản định dạng \"{unknown}\""),
        ],
    );
}

#[test]
fn a_report_of_another_month_is_refused() {
    let mut s = setup();
    let august = s
        .agency
        .export("SNV", "2024-08", exported_at(11), s.dir.path(), None);
    s.assert_refused(
        &august,
        &[
            "BC-CCHC-SNV-2024-08.xlsx",
            "sheet \"_meta\", ô B6",
            "08/2024",
            "09/2024",
        ],
    );
}

#[test]
fn an_agency_the_plan_lacks_or_a_group_is_refused() {
    let mut s = setup();
    let file = s.edited("co-quan-la.xlsx", &["set", "_meta", "B4", "SXYZ"]);
    s.assert_refused(
        &file,
        &["\"co-quan-la.xlsx\"", "\"SXYZ\"", "sheet \"_meta\", ô B4"],
    );
    let file = s.edited("nhom.xlsx", &["set", "_meta", "B4", "SBN"]);
    s.assert_refused(
        &file,
        &[
            "sheet \"_meta\", ô B4",
            "\"SBN\"",
            "không có trong kế hoạch",
        ],
    );
}

#[test]
fn a_changed_task_header_is_refused_naming_the_cell() {
    let mut s = setup();
    let file = s.edited("tieu-de.xlsx", &["set", "Nhiệm vụ", "K4", "Trạng thái"]);
    s.assert_refused(
        &file,
        &[
            "sheet \"Nhiệm vụ\", ô K4",
            "\"Trạng thái\"",
            "\"Tình trạng\"",
        ],
    );
    let file = s.edited("them-cot.xlsx", &["set", "Nhiệm vụ", "Q4", "Ghi chú"]);
    s.assert_refused(&file, &["sheet \"Nhiệm vụ\", ô Q4", "\"Ghi chú\""]);
}

#[test]
fn a_row_whose_task_is_not_the_agencys_is_refused_naming_the_cell() {
    let mut s = setup();
    let file = s.edited("ma-la.xlsx", &["set", "Nhiệm vụ", "B6", "IX.9.9"]);
    s.assert_refused(&file, &["sheet \"Nhiệm vụ\", ô B6", "\"IX.9.9\""]);
    let snv: Vec<String> = s
        .agency
        .store
        .tasks(s.agency.plan, Some("SNV"))
        .expect("tasks")
        .into_iter()
        .map(|t| t.code)
        .collect();
    let other = s
        .agency
        .store
        .tasks(s.agency.plan, None)
        .expect("tasks")
        .into_iter()
        .find(|t| !snv.contains(&t.code))
        .expect("a task SNV has no part in");
    let file = s.edited(
        "cua-co-quan-khac.xlsx",
        &["set", "Nhiệm vụ", "B7", &other.code],
    );
    s.assert_refused(
        &file,
        &[
            "sheet \"Nhiệm vụ\", ô B7",
            &format!("\"{}\"", other.code),
            "SNV",
        ],
    );
    let file = s.edited(
        "them-dong.xlsx",
        &["append", "Nhiệm vụ", "n:99", "", "Việc thêm tay"],
    );
    s.assert_refused(&file, &["sheet \"Nhiệm vụ\", ô B", "thiếu mã nhiệm vụ"]);
}

#[test]
fn a_status_outside_the_list_is_refused_naming_the_cell() {
    let mut s = setup();
    let file = s.edited("tinh-trang.xlsx", &["set", "Nhiệm vụ", "K8", "Xong rồi"]);
    s.assert_refused(
        &file,
        &[
            "sheet \"Nhiệm vụ\", ô K8",
            "\"Xong rồi\"",
            "Hoàn thành đúng hạn",
        ],
    );
}

#[test]
fn a_percent_outside_0_to_100_is_refused_naming_the_cell() {
    let mut s = setup();
    let file = s.edited("tien-do.xlsx", &["set", "Nhiệm vụ", "L6", "n:150"]);
    s.assert_refused(&file, &["sheet \"Nhiệm vụ\", ô L6", "150", "0–100"]);
    let file = s.edited("tien-do-am.xlsx", &["set", "Nhiệm vụ", "L9", "n:-5"]);
    s.assert_refused(&file, &["sheet \"Nhiệm vụ\", ô L9", "-5"]);
    let file = s.edited("tien-do-chu.xlsx", &["set", "Nhiệm vụ", "L6", "một nửa"]);
    s.assert_refused(&file, &["sheet \"Nhiệm vụ\", ô L6", "\"một nửa\""]);
}

#[test]
fn a_percent_at_the_bounds_is_accepted_as_an_edit() {
    let mut s = setup();
    let file = s.edited(
        "tien-do-bien.xlsx",
        &[
            "set",
            "Nhiệm vụ",
            "L6",
            "n:0",
            "set",
            "Nhiệm vụ",
            "L7",
            "n:100",
        ],
    );
    let outcome = s.collector.collect_one(&file);
    assert_kind(&outcome, OutcomeKind::Replaced);
    assert!(
        outcome.edited,
        "0 and 100 are allowed, and the change is noticed"
    );
    assert!(
        outcome
            .message
            .contains("bản sửa lại của lần xuất lúc 01/10/2024 09:00"),
        "a hand-edited copy of the same export replaces it: {}",
        outcome.message
    );
}
