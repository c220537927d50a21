use calamine::{Data, Reader, Xlsx};
use cchc::collect::{self, OutcomeKind};
use cchc::score::{self, DriverKind};
use cchc::store::IndicatorForm;

use crate::collect_fixture::{
    assert_kind, check_consolidated, edit, exported_at, AgencyDb, Collector, PERIOD,
};
use crate::common::now;
use crate::indicators::form;

/// Three departments' 3.4.1 figures for September 2024 (cumulative):
/// SNV 90/100, STP 950/1.000, SYT 10/20.
fn three_departments(agency: &mut AgencyDb) {
    for (code, n, d) in [
        ("SNV", "90", "100"),
        ("STP", "950", "1.000"),
        ("SYT", "10", "20"),
    ] {
        agency
            .store
            .set_indicator(agency.plan, &form(code, "3.4.1", PERIOD, n, d), now())
            .unwrap_or_else(|e| panic!("{code}'s figure: {e}"));
    }
}

fn cell(range: &calamine::Range<Data>, row: u32, col: u32) -> String {
    match range.get_value((row, col)) {
        Some(Data::String(s)) => s.clone(),
        Some(Data::Float(f)) => f.to_string(),
        Some(Data::Int(i)) => i.to_string(),
        Some(other) => other.to_string(),
        None => String::new(),
    }
}

#[test]
fn the_monthly_workbook_carries_the_agency_figures_in_its_measured_indicators_sheet() {
    let mut agency = AgencyDb::new();
    three_departments(&mut agency);
    let dir = tempfile::tempdir().expect("temp folder");
    let file = agency.export("STP", PERIOD, exported_at(9), dir.path(), None);
    let mut book: Xlsx<_> = calamine::open_workbook(&file).expect("opens");
    let sheet = book.worksheet_range("Chỉ số đo được").expect("the sheet");
    let headers: Vec<String> = (0..9).map(|c| cell(&sheet, 3, c)).collect();
    assert_eq!(headers, cchc::report::indicator_sheet::INDICATOR_HEADERS);
    let row = (4..=sheet.end().map_or(4, |e| e.0))
        .find(|r| cell(&sheet, *r, 0) == "3.4.1")
        .expect("a row for 3.4.1");
    for (col, expected, what) in [
        (3, 950.0, "Tử số"),
        (4, 1000.0, "Mẫu số"),
        (5, 95.0, "Giá trị in percent"),
        (6, 100.0, "Mục tiêu"),
    ] {
        assert_eq!(
            sheet.get_value((row, col)),
            Some(&Data::Float(expected)),
            "{what}"
        );
    }
    assert!(
        matches!(sheet.get_value((row, 8)), Some(Data::DateTime(_))),
        "Ngày số liệu is a date cell"
    );
    let rows: Vec<String> = (4..=sheet.end().map_or(4, |e| e.0))
        .map(|r| cell(&sheet, r, 0))
        .collect();
    let reported = agency
        .store
        .agency_indicators(agency.plan, "STP")
        .expect("indicators");
    assert_eq!(
        rows.len(),
        reported.len(),
        "one row per indicator STP reports, with or without a figure"
    );
    crate::collect_fixture::check_month_report(&file, None);
}

#[test]
fn the_province_figure_is_the_sum_of_numerators_over_the_sum_of_denominators() {
    let mut agency = AgencyDb::new();
    three_departments(&mut agency);
    let dir = tempfile::tempdir().expect("temp folder");
    let files: Vec<_> = ["SNV", "STP", "SYT"]
        .iter()
        .map(|a| agency.export(a, PERIOD, exported_at(9), dir.path(), None))
        .collect();
    let mut collector = Collector::new();
    for o in collector.collect(&files) {
        assert_kind(&o, OutcomeKind::Accepted);
        assert!(!o.edited, "an untouched version 2 export matches its hash");
    }
    let scores =
        score::province_scores(&collector.store, collector.plan, PERIOD).expect("province scores");
    let s = scores
        .iter()
        .find(|s| s.criterion == "3.4.1")
        .expect("3.4.1");
    let i = &s.indicators[0];
    // (90 + 950 + 10) / (100 + 1.000 + 20) = 1.050 / 1.120 = 93,75%; the
    // average of the rates, (90 + 95 + 50) / 3 = 78,33%, is not the figure.
    assert_eq!(i.numerator, Some(1050.0));
    assert_eq!(i.denominator, Some(1120.0));
    assert_eq!(i.value, Some(93.75));
    assert_eq!(s.value, Some(93.75));
    // 1,5 × 93,75 / 100 = 1,40625, shown with four decimals.
    assert_eq!(s.estimate, Some(1.4063));
    assert_eq!(s.at_risk, 0.0938, "1,5 − 1,40625 = 0,09375");
    assert_eq!(i.reported, ["SNV", "STP", "SYT"]);
    assert_eq!(
        i.missing.len(),
        15,
        "the other fifteen departments sent nothing"
    );
    assert!(!i.missing.contains(&"STP".to_string()));
    assert!(s
        .drivers
        .iter()
        .any(|d| d.kind == DriverKind::NoFigure && d.text.contains("15 cơ quan")));
}

#[test]
fn version_1_and_version_2_workbooks_are_collected_together() {
    let mut agency = AgencyDb::new();
    three_departments(&mut agency);
    let dir = tempfile::tempdir().expect("temp folder");
    let v2 = agency.export("SNV", PERIOD, exported_at(9), dir.path(), None);
    let stp = agency.export(
        "STP",
        PERIOD,
        exported_at(9),
        dir.path(),
        Some("stp-v2.xlsx"),
    );
    // STP's copy of the app is older: its workbook is version 1, without the sheet.
    let v1 = dir.path().join("BC-CCHC-STP-2024-09.xlsx");
    edit(
        &stp,
        &v1,
        &["set", "_meta", "B2", "1", "delete-sheet", "Chỉ số đo được"],
    );
    std::fs::remove_file(&stp).expect("only the version 1 copy is collected");
    let mut collector = Collector::new();
    let outcomes = collector.collect(&[v1.clone(), v2.clone()]);
    for o in &outcomes {
        assert_kind(o, OutcomeKind::Accepted);
    }
    let scores = score::province_scores(&collector.store, collector.plan, PERIOD).expect("scores");
    let s = scores
        .iter()
        .find(|s| s.criterion == "3.4.1")
        .expect("3.4.1");
    assert_eq!(
        s.indicators[0].reported,
        ["SNV"],
        "the version 1 workbook has no figures"
    );
    assert_eq!(s.value, Some(90.0), "SNV's 90 / 100 alone");
    assert!(s.indicators[0].missing.contains(&"STP".to_string()));
    let month = collector.month(&outcomes);
    assert_eq!(month.sources.len(), 2, "both files make the month");
    let out = dir.path().join(collect::consolidated_file_name(PERIOD));
    collect::write_consolidated(&month, &out).expect("written");
    check_consolidated(&out);
    let mut book: Xlsx<_> = calamine::open_workbook(&out).expect("opens");
    let criteria = book.worksheet_range("Chỉ số").expect("Chỉ số");
    let end = criteria.end().map_or(0, |e| e.0);
    let title = (0..=end)
        .find(|r| cell(&criteria, *r, 0).starts_with("SỐ LIỆU CÁC CHỈ SỐ ĐO ĐƯỢC"))
        .expect("the indicators' table");
    let row = (title..=end)
        .find(|r| cell(&criteria, *r, 0) == "3.4.1")
        .expect("3.4.1's indicator row");
    assert_eq!(
        criteria.get_value((row, 5)),
        Some(&Data::Float(90.0)),
        "the province's figure"
    );
    assert_eq!(cell(&criteria, row, 9), "SNV", "who reported it");
    assert!(cell(&criteria, row, 10).contains("STP"), "who did not");
}

#[test]
fn a_figure_edited_over_its_denominator_is_refused_naming_the_cell() {
    let mut agency = AgencyDb::new();
    three_departments(&mut agency);
    let dir = tempfile::tempdir().expect("temp folder");
    let file = agency.export("SNV", PERIOD, exported_at(9), dir.path(), None);
    let mut book: Xlsx<_> = calamine::open_workbook(&file).expect("opens");
    let sheet = book.worksheet_range("Chỉ số đo được").expect("sheet");
    let row = (4..=sheet.end().map_or(4, |e| e.0))
        .find(|r| cell(&sheet, *r, 0) == "3.4.1")
        .expect("3.4.1");
    let bad = dir.path().join("sua-tay.xlsx");
    edit(
        &file,
        &bad,
        &["set", "Chỉ số đo được", &format!("D{}", row + 1), "n:120"],
    );
    let mut collector = Collector::new();
    let outcome = collector.collect_one(&bad);
    assert_kind(&outcome, OutcomeKind::Rejected);
    assert!(
        outcome
            .message
            .contains(&format!("sheet \"Chỉ số đo được\", ô D{}", row + 1))
            && outcome.message.contains("tử số 120 lớn hơn mẫu số 100"),
        "{}",
        outcome.message
    );
    assert_eq!(
        collector.snapshot(),
        Vec::<String>::new(),
        "nothing imported"
    );
}

#[test]
fn a_figure_changed_by_hand_after_export_is_told_and_kept() {
    let mut agency = AgencyDb::new();
    three_departments(&mut agency);
    let dir = tempfile::tempdir().expect("temp folder");
    let file = agency.export("SNV", PERIOD, exported_at(9), dir.path(), None);
    let mut book: Xlsx<_> = calamine::open_workbook(&file).expect("opens");
    let sheet = book.worksheet_range("Chỉ số đo được").expect("sheet");
    let row = (4..=sheet.end().map_or(4, |e| e.0))
        .find(|r| cell(&sheet, *r, 0) == "3.4.1")
        .expect("3.4.1")
        + 1;
    let edited = dir.path().join("sua-so-lieu.xlsx");
    edit(
        &file,
        &edited,
        &["set", "Chỉ số đo được", &format!("D{row}"), "n:95"],
    );
    let mut collector = Collector::new();
    let first = collector.collect_one(&file);
    assert!(!first.edited, "{}", first.message);
    let outcome = collector.collect_one(&edited);
    assert_kind(&outcome, OutcomeKind::Replaced);
    assert!(
        outcome.edited,
        "the changed figure is told: {}",
        outcome.message
    );
    let scores = score::province_scores(&collector.store, collector.plan, PERIOD).expect("scores");
    let s = scores
        .iter()
        .find(|s| s.criterion == "3.4.1")
        .expect("3.4.1");
    assert_eq!(
        s.value,
        Some(95.0),
        "the figure as the file now says, 95 / 100"
    );
}

#[test]
fn a_rate_typed_as_a_value_in_the_form_is_refused() {
    let (_db, mut store, plan) = crate::common::open_new();
    let err = store
        .set_indicator(
            plan,
            &IndicatorForm {
                value: "85,5".into(),
                ..form("SNV", "7.3.6", PERIOD, "", "")
            },
            now(),
        )
        .expect_err("7.3.6 is a rate");
    assert!(err.to_string().contains("nhập tử số và mẫu số"), "{err}");
}
