use serde_json::Value;

use crate::cli::{cchc, stderr};
use crate::common::{count_rows, temp_db};

fn json_of(out: &std::process::Output) -> Value {
    assert!(out.status.success(), "succeeds: {}", stderr(out));
    serde_json::from_slice(&out.stdout).expect("stdout is JSON")
}

#[test]
fn indicators_json_lists_criterion_name_unit_kind_target_reporters_and_rule() {
    let db = temp_db();
    let list = json_of(&cchc(&db, &["indicators", "--json"]));
    let list = list.as_array().expect("a list");
    let i = list
        .iter()
        .find(|i| i["criterion"] == "7.3.6")
        .expect("7.3.6");
    assert_eq!(i["unit"], "%");
    assert_eq!(i["kind"], "rate");
    assert_eq!(i["target"], 85.0);
    assert_eq!(i["reporters"], serde_json::json!(["CQDV"]));
    assert_eq!(i["rule"], "proportional");
    assert!(i["name"].as_str().is_some_and(|n| n.contains("toàn trình")));
    let two: Vec<&Value> = list.iter().filter(|i| i["criterion"] == "7.3.7").collect();
    assert_eq!(two.len(), 2, "7.3.7 carries two indicators");
}

#[test]
fn indicator_set_saves_a_vietnamese_figure_and_score_shows_the_estimate() {
    let db = temp_db();
    let out = cchc(
        &db,
        &[
            "indicator",
            "set",
            "--agency",
            "SNV",
            "--criterion",
            "7.3.6",
            "--period",
            "2024-08",
            "--numerator",
            "1.200",
            "--denominator",
            "2.000",
            "--source",
            "Hệ thống một cửa",
            "--as-of",
            "31/08/2024",
            "--json",
        ],
    );
    let saved = json_of(&out);
    assert_eq!(saved["figure"]["value"], 60.0);
    let scores = json_of(&cchc(
        &db,
        &["score", "--agency", "SNV", "--period", "2024-08", "--json"],
    ));
    let scores = scores.as_array().expect("a list");
    let s = scores
        .iter()
        .find(|s| s["criterion"] == "7.3.6")
        .expect("7.3.6");
    for key in [
        "criterion",
        "max",
        "last_score",
        "value",
        "target",
        "estimate",
        "at_risk",
        "drivers",
    ] {
        assert!(s.get(key).is_some(), "the score has {key}");
    }
    assert_eq!(s["value"], 60.0);
    assert_eq!(s["target"], 85.0);
    // 1,5 × 60 / 85 = 1,0588.
    assert_eq!(s["estimate"], 1.0588);
    let risks: Vec<f64> = scores
        .iter()
        .map(|s| s["at_risk"].as_f64().expect("a number"))
        .collect();
    assert!(risks.windows(2).all(|w| w[0] >= w[1]), "most at risk first");
}

#[test]
fn a_numerator_over_its_denominator_exits_1_with_the_message_and_changes_nothing() {
    let db = temp_db();
    let out = cchc(
        &db,
        &[
            "indicator",
            "set",
            "--agency",
            "SNV",
            "--criterion",
            "3.4.1",
            "--period",
            "2024-08",
            "--numerator",
            "1.300",
            "--denominator",
            "1.250",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("Tử số 1.300 lớn hơn mẫu số 1.250"),
        "{}",
        stderr(&out)
    );
    assert_eq!(count_rows(&db.path, "indicator_value"), 0, "nothing saved");
    let out = cchc(
        &db,
        &[
            "indicator",
            "set",
            "--agency",
            "SNV",
            "--criterion",
            "7.3.7",
            "--period",
            "2024-08",
            "--numerator",
            "1",
            "--denominator",
            "2",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("--indicator"), "{}", stderr(&out));
}

#[test]
fn score_without_an_agency_is_the_collected_province() {
    let db = temp_db();
    let scores = json_of(&cchc(&db, &["score", "--period", "2024-09", "--json"]));
    let s = scores
        .as_array()
        .expect("a list")
        .iter()
        .find(|s| s["criterion"] == "3.4.1")
        .expect("every criterion of the plan");
    assert_eq!(s["estimate"], Value::Null, "nothing collected: no estimate");
    assert_eq!(
        s["at_risk"], 1.5,
        "the whole maximum is at risk without figures"
    );
    assert_eq!(
        s["indicators"][0]["missing"].as_array().map(Vec::len),
        Some(18),
        "every department is missing"
    );
}
