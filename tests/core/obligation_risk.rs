//! Late obligations ("việc phát sinh" settled after their due date, or open
//! past it) among the drivers of points at risk: the officer's own view, the
//! province's from the collected reports of the year, and `cchc score`.

use cchc::collect::OutcomeKind;
use cchc::score::{self, CriterionScore, DriverKind};
use serde_json::Value;

use crate::cli::{cchc, stderr};
use crate::collect_fixture::{assert_kind, exported_at, AgencyDb, Collector, PERIOD};
use crate::common::{date, temp_db};
use crate::obligation_workbook::{september_obligations, snv_obligation};

/// The criterion `code` of `scores`.
fn criterion<'a>(scores: &'a [CriterionScore], code: &str) -> &'a CriterionScore {
    scores
        .iter()
        .find(|s| s.criterion == code)
        .unwrap_or_else(|| panic!("{code} is scored"))
}

/// The texts of the drivers of `kind`.
fn drivers(s: &CriterionScore, kind: DriverKind) -> Vec<&str> {
    s.drivers
        .iter()
        .filter(|d| d.kind == kind)
        .map(|d| d.text.as_str())
        .collect()
}

/// SNV's obligations of August 2024 on II.1.1: one settled late in August (in
/// August's report only), one open past its due date at the end of August and
/// settled late in September (in both months' reports).
fn august_late_obligations(agency: &mut AgencyDb) {
    let due = snv_obligation(
        agency,
        "90/QĐ-BTP",
        date(2024, 8, 1),
        Some(("190/TTr-SNV", date(2024, 8, 12))),
    );
    assert_eq!(due, date(2024, 8, 8), "5 working days from 01/8");
    let due = snv_obligation(
        agency,
        "91/QĐ-BTP",
        date(2024, 8, 15),
        Some(("191/TTr-SNV", date(2024, 9, 4))),
    );
    assert_eq!(due, date(2024, 8, 22), "5 working days from 15/8");
}

#[test]
fn the_officers_late_obligations_keep_their_criterion_at_risk_and_are_named() {
    let mut agency = AgencyDb::new();
    september_obligations(&mut agency);
    // 3.2.1 (max 0,5; 0 last year) is served by II.1.1, recurring work that is
    // never overdue itself: only its obligations can show it slipping.
    let august =
        score::agency_scores(&agency.store, agency.plan, "SNV", "2024-08").expect("August");
    let s = criterion(&august, "3.2.1");
    assert!(
        drivers(s, DriverKind::LateObligation).is_empty(),
        "on 31/8 no obligation was due yet: {:?}",
        s.drivers
    );
    assert_eq!(s.at_risk, 0.0);
    let september =
        score::agency_scores(&agency.store, agency.plan, "SNV", PERIOD).expect("September");
    let s = criterion(&september, "3.2.1");
    assert_eq!(
        drivers(s, DriverKind::LateObligation),
        [
            "Việc phát sinh 102/QĐ-BTP (nhiệm vụ II.1.1) xử lý quá hạn (hạn 12/09/2024, xử lý \
             13/09/2024).",
            "Việc phát sinh 103/QĐ-BTP (nhiệm vụ II.1.1) quá hạn chưa xử lý (hạn 23/09/2024).",
        ],
        "the one settled a day late and the one still open past its due date; not the one on \
         time nor the one not yet due"
    );
    assert_eq!(s.at_risk, 0.5, "the points the plan means to win back");
    assert_eq!(
        september.first().map(|s| s.at_risk),
        Some(september.iter().map(|s| s.at_risk).fold(0.0, f64::max)),
        "still most at risk first"
    );
}

#[test]
fn the_province_counts_the_late_obligations_of_the_years_collected_reports() {
    let mut agency = AgencyDb::new();
    august_late_obligations(&mut agency);
    september_obligations(&mut agency);
    let dir = tempfile::tempdir().expect("temp folder");
    let august = agency.export("SNV", "2024-08", exported_at(8), dir.path(), None);
    let september = agency.export("SNV", PERIOD, exported_at(9), dir.path(), None);
    let mut collector = Collector::new();
    for outcome in collector.collect_for("2024-08", &[august]) {
        assert_kind(&outcome, OutcomeKind::Accepted);
    }
    let s = score::province_scores(&collector.store, collector.plan, "2024-08").expect("August");
    assert_eq!(
        drivers(criterion(&s, "3.2.1"), DriverKind::LateObligation),
        [
            "Việc phát sinh 90/QĐ-BTP (nhiệm vụ II.1.1) của SNV xử lý quá hạn (hạn 08/08/2024, \
             xử lý 12/08/2024).",
            "Việc phát sinh 91/QĐ-BTP (nhiệm vụ II.1.1) của SNV quá hạn chưa xử lý (hạn \
             22/08/2024).",
        ]
    );
    for outcome in collector.collect_for(PERIOD, &[september]) {
        assert_kind(&outcome, OutcomeKind::Accepted);
    }
    let scores = score::province_scores(&collector.store, collector.plan, PERIOD).expect("scores");
    let s = criterion(&scores, "3.2.1");
    assert_eq!(
        drivers(s, DriverKind::LateObligation),
        [
            "Việc phát sinh 102/QĐ-BTP (nhiệm vụ II.1.1) của SNV xử lý quá hạn (hạn 12/09/2024, \
             xử lý 13/09/2024).",
            "Việc phát sinh 103/QĐ-BTP (nhiệm vụ II.1.1) của SNV quá hạn chưa xử lý (hạn \
             23/09/2024).",
            "Việc phát sinh 90/QĐ-BTP (nhiệm vụ II.1.1) của SNV xử lý quá hạn (hạn 08/08/2024, \
             xử lý 12/08/2024).",
            "Việc phát sinh 91/QĐ-BTP (nhiệm vụ II.1.1) của SNV xử lý quá hạn (hạn 22/08/2024, \
             xử lý 04/09/2024).",
        ],
        "August's late one though September's report no longer carries it; the one open at \
         the end of August once, as September's report tells it; September's two late ones"
    );
    assert_eq!(s.at_risk, 0.5);
}

#[test]
fn cchc_score_names_a_late_obligation_among_the_drivers() {
    let db = temp_db();
    let add = cchc(
        &db,
        &crate::obligation_cli::add_args("II.1.1", "103/QĐ-BTP", "16/09/2024"),
    );
    assert!(add.status.success(), "{}", stderr(&add));
    let out = cchc(
        &db,
        &["score", "--agency", "SNV", "--period", "2024-09", "--json"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let scores: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let s = scores
        .as_array()
        .expect("a list")
        .iter()
        .find(|s| s["criterion"] == "3.2.1")
        .expect("3.2.1");
    assert_eq!(s["at_risk"], 0.5);
    assert_eq!(
        s["drivers"][0],
        serde_json::json!({
            "kind": "late-obligation",
            "text": "Việc phát sinh 103/QĐ-BTP (nhiệm vụ II.1.1) quá hạn chưa xử lý (hạn 23/09/2024)."
        })
    );
    let text = cchc(&db, &["score", "--agency", "SNV", "--period", "2024-09"]);
    let shown = String::from_utf8_lossy(&text.stdout);
    assert!(
        shown
            .lines()
            .any(|l| l.starts_with("3.2.1") && l.contains("Việc phát sinh 103/QĐ-BTP")),
        "{shown}"
    );
}
