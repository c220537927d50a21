//! The yearly cycle's commands: `plan new`, `plan check`, `plan publish`,
//! `plan import` of a newer version, `agency succeed`, and `agencies --json`.

use serde_json::Value;

use crate::cli::{cchc, stderr};
use crate::common::{count_rows, temp_db, TempDb};

fn ok_json(db: &TempDb, args: &[&str]) -> Value {
    let out = cchc(db, args);
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    serde_json::from_slice(&out.stdout).expect("stdout is JSON")
}

/// One agency of `cchc agencies --json`.
fn agency<'a>(list: &'a Value, code: &str) -> &'a Value {
    list.as_array()
        .expect("a list")
        .iter()
        .find(|a| a["code"] == code)
        .unwrap_or_else(|| panic!("{code} is listed"))
}

/// `cchc agency succeed --old OLD --new NEW --from FROM`.
fn succeed(db: &TempDb, old: &str, new: &str, from: &str) -> std::process::Output {
    cchc(
        db,
        &[
            "agency", "succeed", "--old", old, "--new", new, "--from", from,
        ],
    )
}

#[test]
fn plan_new_prints_the_id_and_does_not_switch() {
    let db = temp_db();
    let new = ok_json(
        &db,
        &[
            "--json",
            "plan",
            "new",
            "--name",
            "Kế hoạch năm 2025",
            "--year",
            "2025",
            "--from",
            "1",
        ],
    );
    assert_eq!(new, serde_json::json!({"id": 2}));
    let plans = ok_json(&db, &["--json", "plan", "list"]);
    assert_eq!(plans[0]["current"], true, "the first plan stays current");
    assert_eq!(plans[1]["year"], 2025);

    let out = cchc(&db, &["plan", "new", "--name", "X", "--year", "hai nghìn"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("\"hai nghìn\" không phải là một năm"),
        "{}",
        stderr(&out)
    );
    let out = cchc(&db, &["plan", "new", "--year", "2025"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "a missing --name is a malformed command line"
    );
    assert_eq!(count_rows(&db.path, "plan"), 2, "nothing else stored");
}

#[test]
fn plan_check_lists_problems_and_exits_1_and_publish_refuses() {
    let db = temp_db();
    ok_json(
        &db,
        &[
            "--json",
            "plan",
            "new",
            "--name",
            "Kế hoạch năm 2025",
            "--year",
            "2025",
            "--from",
            "1",
        ],
    );
    let out = cchc(&db, &["--json", "plan", "check", "--id", "2"]);
    assert_eq!(out.status.code(), Some(1));
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let problems = v["problems"].as_array().expect("a list");
    assert!(
        problems
            .iter()
            .any(|p| p.as_str().is_some_and(|p| p.contains(", thời hạn:"))),
        "{problems:?}"
    );
    let file = db.dir.path().join("kh.xlsx");
    let out = cchc(
        &db,
        &[
            "plan",
            "publish",
            "--id",
            "2",
            "--out",
            file.to_str().expect("path"),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(!file.exists(), "nothing written");

    // The built-in 2024 plan has no problem and publishes as version 1.
    let out = cchc(&db, &["plan", "check"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let published = ok_json(
        &db,
        &[
            "--json",
            "plan",
            "publish",
            "--out",
            file.to_str().expect("path"),
        ],
    );
    assert_eq!(published["version"], 1);
    assert!(file.is_file());
}

#[test]
fn a_newer_version_imported_prints_what_changed() {
    let office = temp_db();
    let file = office.dir.path().join("kh.xlsx");
    let path = file.to_str().expect("path");
    ok_json(&office, &["--json", "plan", "publish", "--out", path]);
    let agency = temp_db();
    ok_json(&agency, &["--json", "tasks"]);
    // The same plan: a version 1 over the unpublished built-in (version 0).
    let v1 = ok_json(&agency, &["--json", "plan", "import", path]);
    assert_eq!(
        (v1["plan_id"].as_i64(), v1["version"].as_i64()),
        (Some(1), Some(1))
    );
    let again = cchc(&agency, &["plan", "import", path]);
    assert_eq!(again.status.code(), Some(1), "an equal version is refused");
    assert!(
        stderr(&again).contains("trùng với phiên bản 1"),
        "{}",
        stderr(&again)
    );

    ok_json(&office, &["--json", "plan", "publish", "--out", path]);
    let out = cchc(&agency, &["plan", "import", path]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("lên phiên bản 2"), "{text}");
    assert!(
        text.contains("Không có thay đổi nào"),
        "nothing changed between 1 and 2: {text}"
    );
}

#[test]
fn agency_succeed_hands_tasks_over_and_agencies_json_says_so() {
    let db = temp_db();
    let agencies = ok_json(&db, &["--json", "agencies"]);
    let snv = agency(&agencies, "SNV");
    assert_eq!(
        (&snv["succeeded_by"], &snv["since"]),
        (&Value::Null, &Value::Null)
    );

    let out = succeed(&db, "SKHDT", "KHONG-CO", "01/03/2025");
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("KHONG-CO"), "{}", stderr(&out));
    let out = succeed(&db, "SKHDT", "STC", "31/02/2025");
    assert_eq!(out.status.code(), Some(1), "a date that does not exist");
    assert_eq!(count_rows(&db.path, "succession"), 0, "nothing stored");

    let done = ok_json(
        &db,
        &[
            "--json",
            "agency",
            "succeed",
            "--old",
            "SKHDT",
            "--new",
            "STC",
            "--from",
            "01/03/2025",
        ],
    );
    assert_eq!(done["successions"][0]["successor"], "STC");
    let agencies = ok_json(&db, &["--json", "agencies"]);
    let skhdt = agency(&agencies, "SKHDT");
    assert_eq!(
        (skhdt["succeeded_by"].as_str(), skhdt["since"].as_str()),
        (Some("STC"), Some("2025-03-01"))
    );
    let cycle = succeed(&db, "STC", "SKHDT", "01/04/2025");
    assert_eq!(cycle.status.code(), Some(1));
    assert!(stderr(&cycle).contains("quay vòng"), "{}", stderr(&cycle));
}
