use std::process::{Command, Output};

use serde_json::Value;

use crate::common::{count_rows, temp_db, TempDb};

pub(crate) fn cchc(db: &TempDb, args: &[&str]) -> Output {
    cchc_with_input(db, args, "")
}

fn cchc_with_input(db: &TempDb, args: &[&str], input: &str) -> Output {
    cchc_in(db, db.dir.path(), args, input)
}

/// Runs the built binary on the test database, in folder `cwd`, with `input`
/// on its stdin.
pub(crate) fn cchc_in(db: &TempDb, cwd: &std::path::Path, args: &[&str], input: &str) -> Output {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_cchc"))
        .current_dir(cwd)
        .arg("--db")
        .arg(&db.path)
        .args(args)
        .env_remove("CCHC_DB")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the cchc binary runs");
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(input.as_bytes())
        .expect("stdin takes the input");
    child.wait_with_output().expect("the cchc binary ends")
}

fn json(db: &TempDb, args: &[&str]) -> Value {
    let out = cchc(db, args);
    assert!(
        out.status.success(),
        "{args:?} succeeds: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("stdout is JSON")
}

pub(crate) fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn fields_and_criteria_print_the_plan_numbers_as_json() {
    let db = temp_db();
    let fields = json(&db, &["fields", "--json"]);
    let f3 = fields
        .as_array()
        .expect("list")
        .iter()
        .find(|f| f["code"] == 3)
        .expect("field 3");
    assert_eq!(f3["max_score"], 13.0);
    assert_eq!(f3["score_2023"], 11.9888);
    let criteria = json(&db, &["criteria", "--json"]);
    let c = criteria
        .as_array()
        .expect("list")
        .iter()
        .find(|c| c["code"] == "3.2.3")
        .expect("3.2.3");
    assert_eq!(c["field"], 3, "a criterion's field is its field's code");
    assert_eq!(c["score_2023"], 0.9947, "0,9947/1 điểm is 0.9947 of 1");
    assert_eq!(c["max_score"], 1.0);
    assert_eq!(c["target"], 1.0);
}

#[test]
fn agencies_and_tasks_refer_to_each_other_by_code() {
    let db = temp_db();
    let agencies = json(&db, &["agencies", "--json"]);
    let by_code = |code: &str| {
        agencies
            .as_array()
            .expect("list")
            .iter()
            .find(|a| a["code"] == code)
            .unwrap_or_else(|| panic!("{code} is listed"))
            .clone()
    };
    let hkc = by_code("HKC");
    assert_eq!(hkc["name"], "UBND huyện Khoái Châu");
    assert_eq!(hkc["kind"], serde_json::json!({"agency": "ubnd-huyen"}));
    assert_eq!(by_code("UBNDH")["kind"], "group", "a group is told apart");
    assert!(hkc["groups"]
        .as_array()
        .expect("groups")
        .contains(&Value::from("UBNDH")));
    let tasks = json(&db, &["--json", "tasks", "--agency", "HKC"]);
    let t = tasks
        .as_array()
        .expect("list")
        .iter()
        .find(|t| t["code"] == "IV.3.4")
        .expect("IV.3.4");
    assert_eq!(t["lead"], "NHOM-HKC-HVG");
    assert_eq!(t["deadline"], "Quý III/2024");
    assert_eq!(t["due_date"], "2024-09-30");
    assert_eq!(t["criteria"], serde_json::json!(["4.1.3"]));
    let recurring = tasks
        .as_array()
        .expect("list")
        .iter()
        .find(|t| t["code"] == "II.1.4")
        .expect("II.1.4");
    assert_eq!(
        recurring["due_date"],
        Value::Null,
        "recurring work has no due date"
    );
}

#[test]
fn progress_then_status_reports_the_derived_words() {
    let db = temp_db();
    let out = cchc(
        &db,
        &[
            "progress",
            "set",
            "--agency",
            "SNV",
            "--task",
            "IV.3.1",
            "--period",
            "2024-09",
            "--state",
            "in-progress",
            "--percent",
            "70",
            "--result",
            "Đã xây dựng dự thảo Tờ trình",
        ],
    );
    assert!(out.status.success(), "saved: {}", stderr(&out));
    let status = json(
        &db,
        &["status", "--agency", "SNV", "--period", "2024-09", "--json"],
    );
    let t = status["tasks"]
        .as_array()
        .expect("tasks")
        .iter()
        .find(|t| t["code"] == "IV.3.1")
        .expect("IV.3.1");
    assert_eq!(
        t["status"], "Overdue",
        "due 31/08/2024, still in progress in September (the code of \"Quá hạn chưa hoàn thành\")"
    );
    assert_eq!(t["state"], "in-progress");
    assert_eq!(t["percent"], 70);
    assert_eq!(t["role"], "lead");
    assert_eq!(t["result"], "Đã xây dựng dự thảo Tờ trình");
    assert_eq!(t["due_date"], "2024-08-31");
    assert_eq!(status["counts"]["Overdue"], 1);
}

#[test]
fn evidence_add_and_list_round_trip_with_a_file() {
    let db = temp_db();
    let file = db.dir.path().join("to-trinh.pdf");
    std::fs::write(&file, b"%PDF-1.4").expect("write");
    let file_arg = file.to_string_lossy().into_owned();
    let out = cchc(&db, &evidence_add_args(&file_arg, false));
    assert!(out.status.success(), "added: {}", stderr(&out));
    let list = json(&db, &["evidence", "list", "--agency", "SNV", "--json"]);
    let e = &list.as_array().expect("list")[0];
    assert_eq!(e["number"], "1494/TTr-SNV");
    assert_eq!(
        e["date"], "2024-08-28",
        "DD/MM/YYYY input is stored as a date"
    );
    assert_eq!(e["tasks"], serde_json::json!(["IV.3.1"]));
    assert_eq!(e["file_name"], "to-trinh.pdf");
}

#[test]
fn refs_reads_stdin_and_finds_each_reference_with_its_date() {
    let db = temp_db();
    let out = cchc_with_input(
        &db,
        &["refs", "--json"],
        "Thực hiện Công văn số 1030/UBND-PVHCC&KSTT ngày 19/4/2024 và Kế hoạch số 187/KH-UBND ngày 23/12/2023.",
    );
    assert!(out.status.success(), "refs succeeds: {}", stderr(&out));
    let refs: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(refs[0]["ref"], "1030/UBND-PVHCC&KSTT");
    assert_eq!(refs[0]["type"], "CV", "a Công văn's symbol carries no type");
    assert_eq!(refs[0]["issuer"], "UBND");
    assert_eq!(refs[0]["date"], "2024-04-19");
    assert_eq!(refs[1]["ref"], "187/KH-UBND");
    assert_eq!(refs[1]["type"], "KH");
    assert_eq!(refs[1]["date"], "2023-12-23");
}

#[test]
fn plan_list_and_use_switch_the_current_plan() {
    let db = temp_db();
    let plans = json(&db, &["plan", "list", "--json"]);
    assert_eq!(plans.as_array().expect("list").len(), 1);
    assert_eq!(plans[0]["current"], true);
    assert_eq!(plans[0]["year"], 2024);
    let out = cchc(&db, &["plan", "use", "7"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "an unknown plan is a wrong value"
    );
    assert!(
        stderr(&out).contains("Không có kế hoạch"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn wrong_values_exit_1_with_a_message_and_change_nothing() {
    let db = temp_db();
    json(&db, &["fields", "--json"]);
    let base = [
        "progress",
        "set",
        "--agency",
        "SNV",
        "--task",
        "IV.3.1",
        "--period",
        "2024-09",
        "--state",
        "in-progress",
    ];
    let with =
        |extra: &[&'static str], replace: Option<(usize, &'static str)>| -> Vec<&'static str> {
            let mut v: Vec<&'static str> = base.to_vec();
            if let Some((i, val)) = replace {
                v[i] = val;
            }
            v.extend_from_slice(extra);
            v
        };
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (with(&[], Some((3, "SXYZ"))), "SXYZ"),
        (with(&[], Some((5, "IX.9.9"))), "IX.9.9"),
        (with(&[], Some((7, "2024-13"))), "2024-13"),
        (with(&[], Some((7, "tháng 9"))), "tháng 9"),
        (with(&[], Some((9, "finished"))), "finished"),
        (with(&["--percent", "150"], None), "150"),
        (with(&["--percent", "abc"], None), "abc"),
        (
            with(&["--done-on", "31/02/2024"], Some((9, "done"))),
            "31/02/2024",
        ),
        (
            vec![
                "evidence",
                "add",
                "--agency",
                "SNV",
                "--number",
                "1494-TTr",
                "--date",
                "28/08/2024",
                "--issuer",
                "SNV",
                "--summary",
                "x",
            ],
            "1494-TTr",
        ),
        (
            vec![
                "evidence",
                "add",
                "--agency",
                "SNV",
                "--number",
                "1494/TTr-SNV",
                "--date",
                "2024/08/28",
                "--issuer",
                "SNV",
                "--summary",
                "x",
            ],
            "2024/08/28",
        ),
        (
            vec![
                "evidence",
                "add",
                "--agency",
                "SNV",
                "--number",
                "1494/TTr-SNV",
                "--date",
                "28/08/2024",
                "--issuer",
                "SNV",
                "--summary",
                "x",
                "--criterion",
                "9.9",
            ],
            "9.9",
        ),
        (vec!["tasks", "--agency", "NOPE"], "NOPE"),
        (
            vec!["status", "--agency", "SNV", "--period", "09-2024"],
            "09-2024",
        ),
    ];
    for (args, named) in cases {
        let out = cchc(&db, &args);
        assert_eq!(
            out.status.code(),
            Some(1),
            "{args:?} is a wrong value: {}",
            stderr(&out)
        );
        let err = stderr(&out);
        assert!(err.contains(named), "the message names \"{named}\": {err}");
        assert!(
            !err.contains("panicked"),
            "no panic reaches the user: {err}"
        );
    }
    assert_eq!(count_rows(&db.path, "progress"), 0, "no progress was saved");
    assert_eq!(count_rows(&db.path, "evidence"), 0, "no evidence was saved");
}

#[test]
fn missing_or_non_excel_plan_files_exit_1() {
    let db = temp_db();
    let text = db.dir.path().join("ghi-chu.xlsx");
    std::fs::write(&text, "không phải Excel").expect("write");
    let text_arg = text.to_string_lossy().into_owned();
    for args in [
        vec!["plan", "import", "/khong/co/tep.xlsx"],
        vec!["plan", "import", text_arg.as_str()],
    ] {
        let out = cchc(&db, &args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr(&out));
        assert!(
            !stderr(&out).contains("panicked"),
            "no panic: {}",
            stderr(&out)
        );
    }
    assert_eq!(
        count_rows(&db.path, "task"),
        json(&db, &["tasks", "--json"])
            .as_array()
            .expect("list")
            .len() as i64,
        "no task was added"
    );
}

#[test]
fn a_malformed_command_line_exits_2() {
    let db = temp_db();
    for args in [
        vec!["bogus"],
        vec!["tasks", "--agencyy", "SNV"],
        vec!["progress"],
    ] {
        let out = cchc(&db, &args);
        assert_eq!(out.status.code(), Some(2), "{args:?} is malformed");
        assert!(
            stderr(&out).contains("Lệnh không hợp lệ"),
            "Vietnamese message: {}",
            stderr(&out)
        );
    }
}

/// `cchc evidence add` of Sở Nội vụ's 1494/TTr-SNV on IV.3.1 (criterion 4.1.3)
/// with `file`, after `--verbose` when asked.
fn evidence_add_args(file: &str, verbose: bool) -> Vec<&str> {
    let mut args = vec![
        "evidence",
        "add",
        "--agency",
        "SNV",
        "--number",
        "1494/TTr-SNV",
        "--date",
        "28/08/2024",
        "--issuer",
        "Sở Nội vụ",
        "--summary",
        "Tờ trình sáp nhập",
        "--task",
        "IV.3.1",
        "--criterion",
        "4.1.3",
        "--file",
        file,
    ];
    if verbose {
        args.insert(0, "--verbose");
    }
    args
}

/// A refused `evidence add` of a file that is not there.
fn add_missing_file(db: &TempDb, verbose: bool) -> Output {
    cchc(db, &evidence_add_args("/khong/co/to-trinh.pdf", verbose))
}

#[test]
fn verbose_prints_a_failures_source_chain_to_stderr_and_nothing_more_without_it() {
    let db = temp_db();
    let quiet = add_missing_file(&db, false);
    assert_eq!(quiet.status.code(), Some(1), "{}", stderr(&quiet));
    assert!(
        stderr(&quiet).starts_with("Lỗi: "),
        "the Vietnamese message: {}",
        stderr(&quiet)
    );
    assert!(
        !stderr(&quiet).contains("command failed"),
        "no trace without --verbose: {}",
        stderr(&quiet)
    );

    let loud = add_missing_file(&db, true);
    assert_eq!(loud.status.code(), Some(1), "{}", stderr(&loud));
    let text = stderr(&loud);
    let trace = text
        .lines()
        .find(|l| l.contains("command failed"))
        .unwrap_or_else(|| panic!("a trace line with --verbose: {text}"));
    assert!(
        trace.contains("file <- ") && trace.contains("os error 2"),
        "the kind and the system's error as its source: {trace}"
    );
    assert!(
        !trace.contains("to-trinh.pdf"),
        "the trace names no path: {trace}"
    );
    assert!(
        text.contains("Lỗi: "),
        "the message is still printed: {text}"
    );
    assert_eq!(
        json(&db, &["evidence", "list", "--agency", "SNV", "--json"]),
        serde_json::json!([]),
        "nothing was saved"
    );
}

#[test]
fn verbose_logs_the_zip_librarys_error_behind_a_refused_plan_workbook() {
    let db = temp_db();
    let bad = db.dir.path().join("ke-hoach.xlsx");
    std::fs::write(&bad, "không phải một gói zip").expect("write");
    let bad = bad.to_string_lossy().into_owned();
    let out = cchc(&db, &["--verbose", "plan", "import", &bad]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let text = stderr(&out);
    let trace = text
        .lines()
        .find(|l| l.contains("a workbook could not be read"))
        .unwrap_or_else(|| panic!("the library's error is logged: {text}"));
    assert!(
        trace.to_lowercase().contains("zip"),
        "the zip library's own words: {trace}"
    );
    let message = text
        .lines()
        .find(|l| l.starts_with("Lỗi: "))
        .unwrap_or_else(|| panic!("the Vietnamese message: {text}"));
    assert!(message.contains("ke-hoach.xlsx"), "{message}");
}
