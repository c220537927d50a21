use std::path::Path;

use calamine::{Data, DataType, Reader, Xlsx};
use cchc::collect::{self, OutcomeKind};
use cchc::obligation::ObligationStatus;
use cchc::report::obligation_sheet::{
    OBLIGATION_HEADERS, OBLIGATION_HEADER_ROW, SHEET_OBLIGATIONS,
};
use cchc::store::{ObligationInput, SettleInput};
use chrono::NaiveDate;

use crate::collect_fixture::{
    assert_kind, check_consolidated, check_month_report, edit, exported_at, AgencyDb, Collector,
    PERIOD,
};
use crate::common::{date, now};
use crate::export::canonical;

/// SNV's obligations of September 2024 on II.1.1, one of each status as of 30/9:
/// settled on its due date, settled the day after it, open past it, open before it.
pub(crate) fn september_obligations(agency: &mut AgencyDb) {
    type Answer = Option<(&'static str, NaiveDate)>;
    let cases: [(&str, NaiveDate, Answer); 4] = [
        (
            "101/QĐ-BTP",
            date(2024, 8, 29),
            Some(("201/TTr-SNV", date(2024, 9, 9))),
        ),
        (
            "102/QĐ-BTP",
            date(2024, 9, 5),
            Some(("202/TTr-SNV", date(2024, 9, 13))),
        ),
        ("103/QĐ-BTP", date(2024, 9, 16), None),
        ("104/QĐ-BTP", date(2024, 9, 23), None),
    ];
    for (number, on, answer) in cases {
        snv_obligation(agency, number, on, answer);
    }
}

/// Records SNV's obligation on II.1.1 started by document `number` of `on`
/// (issued by Bộ Tư pháp) and, with `answer`, settles it; returns its due date.
pub(crate) fn snv_obligation(
    agency: &mut AgencyDb,
    number: &str,
    on: NaiveDate,
    answer: Option<(&str, NaiveDate)>,
) -> NaiveDate {
    let plan = agency.plan;
    let input = ObligationInput {
        agency: "SNV".into(),
        task: "II.1.1".into(),
        number: number.into(),
        date: Some(on),
        issuer: "Bộ Tư pháp".into(),
        ..Default::default()
    };
    let row = agency
        .store
        .add_obligation(plan, &input, on, now())
        .expect("recorded");
    if let Some((answer, settled)) = answer {
        let settle = SettleInput {
            agency: "SNV".into(),
            id: row.id,
            number: answer.into(),
            date: Some(settled),
        };
        agency
            .store
            .settle_obligation(plan, &settle, now())
            .expect("settled");
    }
    row.due_date
}

fn open(path: &Path) -> Xlsx<std::io::BufReader<std::fs::File>> {
    calamine::open_workbook(path).expect("calamine opens the workbook")
}

fn cell_text(v: Option<&Data>) -> String {
    v.map(canonical).unwrap_or_default()
}

#[test]
fn the_monthly_workbook_lists_the_obligations_and_counts_them_on_the_cover_and_openpyxl_reads_it() {
    let mut agency = AgencyDb::new();
    september_obligations(&mut agency);
    let dir = tempfile::tempdir().expect("temp folder");
    let path = agency.export("SNV", PERIOD, exported_at(9), dir.path(), None);
    let sheet = open(&path)
        .worksheet_range(SHEET_OBLIGATIONS)
        .expect("the sheet is there");
    let header: Vec<String> = (0..12)
        .map(|c| cell_text(sheet.get_value((OBLIGATION_HEADER_ROW, c))))
        .collect();
    assert_eq!(header, OBLIGATION_HEADERS);
    let rows: Vec<Vec<String>> = (OBLIGATION_HEADER_ROW + 1..OBLIGATION_HEADER_ROW + 5)
        .map(|r| {
            (0..12)
                .map(|c| cell_text(sheet.get_value((r, c))))
                .collect()
        })
        .collect();
    assert_eq!(
        rows[0],
        vec![
            "1",
            "II.1.1",
            "101/QĐ-BTP",
            "2024-08-29",
            "Bộ Tư pháp",
            "2024-08-29",
            "5",
            "2024-09-09",
            "201/TTr-SNV",
            "2024-09-09",
            "5",
            "Xử lý đúng hạn",
        ],
        "Quốc khánh 2024 skipped; oldest due date first"
    );
    let statuses: Vec<&str> = rows.iter().map(|r| r[11].as_str()).collect();
    assert_eq!(
        statuses,
        [
            "Xử lý đúng hạn",
            "Xử lý quá hạn",
            "Quá hạn chưa xử lý",
            "Chưa đến hạn"
        ]
    );
    assert_eq!(rows[1][7], "2024-09-12");
    assert_eq!(rows[1][10], "6", "settled on the sixth working day");
    assert_eq!(rows[2][8], "", "open: no answering document");
    let cover = open(&path).worksheet_range("Báo cáo").expect("cover");
    for status in ObligationStatus::ALL {
        let row = cover
            .rows()
            .find(|r| r.get(1).and_then(|c| c.get_string()) == Some(status.label()))
            .unwrap_or_else(|| panic!("the cover counts {}", status.label()));
        // The label runs across B:C, the count in D.
        assert_eq!(row[3], Data::Float(1.0), "one {}", status.label());
    }
    check_month_report(&path, None);
}

#[test]
fn an_obligation_row_edited_by_hand_after_export_is_told_as_edited_and_kept() {
    let mut agency = AgencyDb::new();
    september_obligations(&mut agency);
    let dir = tempfile::tempdir().expect("temp folder");
    let file = agency.export("SNV", PERIOD, exported_at(9), dir.path(), None);
    let resaved = dir.path().join("luu-lai.xlsx");
    edit(&file, &resaved, &[]);
    let edited = dir.path().join("sua-viec-phat-sinh.xlsx");
    // Row 5 is the first obligation; I is "Văn bản xử lý (số, ký hiệu)".
    edit(
        &file,
        &edited,
        &["set", SHEET_OBLIGATIONS, "I5", "201b/TTr-SNV"],
    );
    let mut collector = Collector::new();
    let untouched = collector.collect_one(&resaved);
    assert_kind(&untouched, OutcomeKind::Accepted);
    assert!(
        !untouched.edited,
        "the obligation rows hash as exported, also through another writer: {}",
        untouched.message
    );
    let outcome = collector.collect_one(&edited);
    assert_kind(&outcome, OutcomeKind::Replaced);
    assert!(
        outcome.edited,
        "\"Việc phát sinh\" is part of the content hash: {}",
        outcome.message
    );
    let reports = collector
        .store
        .collected_reports(collector.plan, PERIOD)
        .expect("reports");
    assert!(reports[0].edited);
    assert_eq!(
        reports[0].obligations[0].settled_number, "201b/TTr-SNV",
        "the hand edit is kept, not lost"
    );
}

#[test]
fn a_version_1_and_a_version_2_workbook_are_collected_together_and_consolidated() {
    let mut agency = AgencyDb::new();
    september_obligations(&mut agency);
    let dir = tempfile::tempdir().expect("temp folder");
    let snv = agency.export("SNV", PERIOD, exported_at(9), dir.path(), None);
    let hkc_v2 = agency.export(
        "HKC",
        PERIOD,
        exported_at(10),
        dir.path(),
        Some("hkc-v2.xlsx"),
    );
    let hkc = dir.path().join("BC-CCHC-HKC-2024-09.xlsx");
    edit(
        &hkc_v2,
        &hkc,
        &["set", "_meta", "B2", "1", "delete-sheet", SHEET_OBLIGATIONS],
    );
    std::fs::remove_file(&hkc_v2).expect("only the version 1 copy is collected");
    let mut collector = Collector::new();
    let outcomes = collector.collect(&[snv, hkc]);
    for outcome in &outcomes {
        assert_kind(outcome, OutcomeKind::Accepted);
    }
    let month = collector.month(&[]);
    let line = |code: &str| {
        month
            .agencies
            .iter()
            .find(|a| a.code == code)
            .unwrap_or_else(|| panic!("{code} is listed"))
    };
    assert_eq!(
        (
            line("SNV").obligations_on_time,
            line("SNV").obligations_settled
        ),
        (1, 2)
    );
    assert_eq!(
        (
            line("HKC").obligations_on_time,
            line("HKC").obligations_settled
        ),
        (0, 0),
        "a version 1 file has no obligations"
    );
    assert_eq!(month.obligations.len(), 4);
    assert!(month.obligations.iter().all(|o| o.agency_code == "SNV"));
    let out = dir.path().join(collect::consolidated_file_name(PERIOD));
    collect::write_consolidated(&month, &out).expect("written");
    check_consolidated(&out);
    let mut book = open(&out);
    let summary = book.worksheet_range("Tổng hợp").expect("summary");
    let snv_row = summary
        .rows()
        .position(|r| r.get(1).and_then(|c| c.get_string()) == Some("Sở Nội vụ"))
        .expect("SNV's row");
    // rows() and get() count from the range's first used cell.
    assert_eq!(cell_text(summary.get((snv_row, 12))), "1/2");
    let sheet = book.worksheet_range(SHEET_OBLIGATIONS).expect("the sheet");
    let first = sheet
        .rows()
        .position(|r| r.first().and_then(|c| c.get_string()) == Some("Sở Nội vụ"))
        .expect("an obligation row");
    assert_eq!(cell_text(sheet.get((first, 3))), "101/QĐ-BTP");
    assert_eq!(cell_text(sheet.get((first, 12))), "Xử lý đúng hạn");
}

#[test]
fn a_date_of_viec_phat_sinh_outside_the_accepted_range_is_refused_naming_the_cell() {
    let mut agency = AgencyDb::new();
    september_obligations(&mut agency);
    let dir = tempfile::tempdir().expect("temp folder");
    let snv = agency.export("SNV", PERIOD, exported_at(9), dir.path(), None);
    // The first obligation row is the one under the header (Excel counts from 1).
    let row = OBLIGATION_HEADER_ROW + 2;
    for (cell, value) in [
        (format!("D{row}"), "31/12/1999"),
        (format!("H{row}"), "d:2101-01-01"),
    ] {
        let file = dir.path().join("sua-tay.xlsx");
        edit(&snv, &file, &["set", SHEET_OBLIGATIONS, &cell, value]);
        let mut collector = Collector::new();
        let outcome = collector.collect_one(&file);
        assert_kind(&outcome, OutcomeKind::Rejected);
        for part in [
            format!("sheet \"{SHEET_OBLIGATIONS}\""),
            format!("ô {cell}"),
            "từ năm 2000 đến năm 2100".to_string(),
        ] {
            assert!(
                outcome.message.contains(&part),
                "{value} in {cell}: names {part}: {}",
                outcome.message
            );
        }
    }
}
