use cchc::store::EvidenceInput;

use crate::common::{count_rows, date, now, open_new, snv_evidence as input};

#[test]
fn evidence_with_a_file_is_stored_under_its_hash_and_listed() {
    let (db, mut store, plan) = open_new();
    let source = db.dir.path().join("Tờ trình 1494.pdf");
    std::fs::write(&source, b"%PDF-1.4 test content").expect("write source");
    let mut e = input("1494/TTr-SNV");
    e.file = Some(source.clone());
    store.add_evidence(plan, &e, now()).expect("evidence saved");
    std::fs::remove_file(&source).expect("the officer deletes the original");
    let list = store.evidence(plan, "SNV").expect("list");
    assert_eq!(list.len(), 1);
    let row = &list[0];
    assert_eq!(row.number, "1494/TTr-SNV");
    assert_eq!(
        row.doc_type, "TTr",
        "the type is read from the symbol, case kept"
    );
    assert_eq!(row.tasks, vec!["IV.3.1".to_string()]);
    assert_eq!(row.criteria, vec!["4.1.3".to_string()]);
    assert_eq!(
        row.file_name.as_deref(),
        Some("Tờ trình 1494.pdf"),
        "the original name is kept for people"
    );
    let sha = row.file_sha256.as_deref().expect("a hash is recorded");
    let expected: String = {
        use sha2::Digest;
        sha2::Sha256::digest(b"%PDF-1.4 test content")
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    };
    assert_eq!(
        sha, expected,
        "the file is named by the SHA-256 of its content"
    );
    let stored = store.evidence_path(sha);
    assert_eq!(
        std::fs::read(&stored).expect("the copy exists"),
        b"%PDF-1.4 test content",
        "the copy outlives the original"
    );
}

#[test]
fn newest_evidence_comes_first() {
    let (_db, mut store, plan) = open_new();
    store
        .add_evidence(plan, &input("01/KH-SNV"), now())
        .expect("first");
    let mut later = input("02/KH-SNV");
    later.date = Some(date(2024, 9, 3));
    store.add_evidence(plan, &later, now()).expect("second");
    store
        .add_evidence(plan, &input("03/KH-SNV"), now())
        .expect("third, dated as the first");
    let numbers: Vec<String> = store
        .evidence(plan, "SNV")
        .expect("list")
        .into_iter()
        .map(|e| e.number)
        .collect();
    assert_eq!(
        numbers,
        vec!["02/KH-SNV", "03/KH-SNV", "01/KH-SNV"],
        "by date, the one entered last first among those of one date"
    );
}

#[test]
fn bad_evidence_is_refused_and_nothing_is_saved() {
    let (db, mut store, plan) = open_new();
    let missing = db.dir.path().join("khong-co.pdf");
    let cases: Vec<(EvidenceInput, &str)> = vec![
        (input("1494TTr-SNV"), "1494TTr-SNV"),
        (
            EvidenceInput {
                tasks: vec!["IV.7.3".into()],
                ..input("1494/TTr-SNV")
            },
            "không giao cho cơ quan SNV",
        ),
        (
            EvidenceInput {
                criteria: vec!["9.9".into()],
                ..input("1494/TTr-SNV")
            },
            "tiêu chí mã \"9.9\"",
        ),
        (
            EvidenceInput {
                summary: " ".into(),
                ..input("1494/TTr-SNV")
            },
            "trích yếu",
        ),
        (
            EvidenceInput {
                file: Some(missing),
                ..input("1494/TTr-SNV")
            },
            "khong-co.pdf",
        ),
    ];
    for (e, expected) in cases {
        let err = store.add_evidence(plan, &e, now()).expect_err("refused");
        assert!(
            err.to_string().contains(expected),
            "message \"{err}\" names the problem ({expected})"
        );
    }
    assert_eq!(count_rows(&db.path, "evidence"), 0, "no record was saved");
    assert_eq!(
        count_rows(&db.path, "evidence_task"),
        0,
        "no link was saved"
    );
}
