//! Document references in the real 2024 PAR Index improvement plan of Hưng Yên province.

use cchc::docref::extract_references;
use chrono::NaiveDate;

use crate::common::plan_text;

/// Every reference of the plan, in order: (ref, type, issuer, date as "D/M/YYYY"),
/// copied by hand from the text.
const EXPECTED: &[(&str, &str, &str, Option<&str>)] = &[
    ("187/KH-UBND", "KH", "UBND", Some("23/12/2023")),
    ("1030/UBND-PVHCC&KSTT", "CV", "UBND", Some("19/4/2024")),
    ("01/NQ-CP", "NQ", "CP", Some("05/01/2024")),
    ("24/CĐ-TTg", "CĐ", "TTg", Some("22/3/2024")),
    ("44-CT/TU", "CT", "TU", Some("15/3/2023")),
    ("741-KL/TU", "KL", "TU", Some("12/3/2024")),
    ("946/UBND-TH", "CV", "UBND", Some("11/4/2024")),
    ("72/KH-UBND", "KH", "UBND", Some("19/4/2023")),
    ("54/KH-UBND", "KH", "UBND", Some("22/3/2024")),
    ("571/QĐ-UBND", "QĐ", "UBND", Some("25/2/2022")),
    ("02/NQ-CP", "NQ", "CP", None),
    ("31/KH-UBND", "KH", "UBND", Some("21/02/2024")),
    ("154/QĐ-UBND", "QĐ", "UBND", Some("23/01/2018")),
    ("146/KH-UBND", "KH", "UBND", Some("05/10/2023")),
    ("123/KH-UBND", "KH", "UBND", Some("01/8/2024")),
    ("62/KH-UBND", "KH", "UBND", Some("06/4/2022")),
    ("60/2021/NĐ-CP", "NĐ", "CP", Some("21/6/2021")),
    ("54/KH-UBND", "KH", "UBND", Some("22/3/2024")),
];

fn date(dmy: &str) -> NaiveDate {
    match NaiveDate::parse_from_str(dmy, "%d/%m/%Y") {
        Ok(d) => d,
        Err(e) => panic!("expected date {dmy} is written as D/M/YYYY: {e}"),
    }
}

#[test]
fn every_reference_of_the_plan_is_found_in_order_with_its_type_issuer_and_date() {
    let found = extract_references(&plan_text());
    let got: Vec<_> = found
        .iter()
        .map(|d| {
            (
                d.reference.as_str(),
                d.doc_type.as_str(),
                d.issuer.as_str(),
                d.date,
            )
        })
        .collect();
    let want: Vec<_> = EXPECTED
        .iter()
        .map(|&(r, t, i, d)| (r, t, i, d.map(date)))
        .collect();
    for (n, (g, w)) in got.iter().zip(&want).enumerate() {
        assert_eq!(g, w, "reference #{} of the plan differs", n + 1);
    }
    assert_eq!(
        got.len(),
        want.len(),
        "the plan quotes {} references, found {got:?}",
        want.len()
    );
}

#[test]
fn the_unnumbered_header_symbol_of_the_draft_is_not_a_reference() {
    let found = extract_references(&plan_text());
    assert!(
        found.iter().all(|d| !d.number.is_empty()),
        "\"Số: /KH-UBND\" has no number yet and must not be reported"
    );
    assert_eq!(
        found.first().map(|d| d.reference.as_str()),
        Some("187/KH-UBND"),
        "the first reference is the one in the requirements, not the header"
    );
}

#[test]
fn the_only_legal_document_of_the_plan_carries_its_year() {
    let years: Vec<_> = extract_references(&plan_text())
        .into_iter()
        .filter_map(|d| d.year.map(|y| (d.reference, y)))
        .collect();
    assert_eq!(
        years,
        vec![("60/2021/NĐ-CP".to_string(), 2021)],
        "only Decree 60/2021/NĐ-CP has a year in its symbol"
    );
}

#[test]
fn party_documents_and_official_letters_are_told_apart() {
    let found = extract_references(&plan_text());
    let drafters: Vec<_> = found
        .iter()
        .filter_map(|d| d.drafter.as_deref().map(|u| (d.reference.as_str(), u)))
        .collect();
    assert_eq!(
        drafters,
        vec![
            ("1030/UBND-PVHCC&KSTT", "PVHCC&KSTT"),
            ("946/UBND-TH", "TH")
        ],
        "only the two Công văn name a drafting unit"
    );
    let party: Vec<_> = found
        .iter()
        .filter(|d| d.issuer == "TU")
        .map(|d| (d.number.as_str(), d.doc_type.as_str()))
        .collect();
    assert_eq!(
        party,
        vec![("44", "CT"), ("741", "KL")],
        "the Provincial Party Committee's directive and conclusion keep the number-type form"
    );
}
