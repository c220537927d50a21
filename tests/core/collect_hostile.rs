use std::path::Path;
use std::time::{Duration, Instant};

use cchc::collect::OutcomeKind;

use crate::collect_fixture::{assert_kind, exported_at, hostile, AgencyDb, Collector, PERIOD};

/// How long a refusal may take: seconds in an optimised build; an
/// unoptimised test build inflating 50 MB of XML on a loaded 2-core machine
/// needs more (docs/performance.md has the release figures).
const LIMIT: Duration = if cfg!(debug_assertions) {
    Duration::from_secs(30)
} else {
    Duration::from_secs(5)
};

/// Makes the hostile file `kind` from a real export, collects it into a
/// collector that already holds SNV's report, and checks that it is refused
/// within seconds with a reason holding `reason`, importing nothing.
fn assert_refused_quickly(kind: &str, reason: &str) {
    let agency = AgencyDb::new();
    let dir = tempfile::tempdir().expect("temp folder");
    let base = agency.export("SNV", PERIOD, exported_at(9), dir.path(), None);
    let mut collector = Collector::new();
    assert_kind(&collector.collect_one(&base), OutcomeKind::Accepted);
    let before = collector.snapshot();
    let file = dir.path().join(format!("{kind}.xlsx"));
    hostile(kind, &base, &file);
    let started = Instant::now();
    let outcome = collector.collect_one(&file);
    let took = started.elapsed();
    assert_kind(&outcome, OutcomeKind::Rejected);
    assert!(
        outcome.message.contains(&format!("\"{kind}.xlsx\"")),
        "names the file: {}",
        outcome.message
    );
    assert!(
        outcome.message.contains(reason),
        "{kind}: {:?} says {reason:?}",
        outcome.message
    );
    assert!(took < LIMIT, "{kind} refused in {took:?}");
    assert_eq!(collector.snapshot(), before, "{kind} imports nothing");
    assert_still_there(&file);
}

/// The collector only reads: the file is left as it was sent.
fn assert_still_there(file: &Path) {
    assert!(
        std::fs::metadata(file)
            .map(|m| m.len() > 0)
            .unwrap_or(false),
        "{} is still there",
        file.display()
    );
}

#[test]
fn random_bytes_are_refused() {
    assert_refused_quickly("random", "không phải là tệp Excel");
}

#[test]
fn a_truncated_workbook_is_refused() {
    assert_refused_quickly("truncated", "không phải là tệp Excel");
}

#[test]
fn a_zip_bomb_is_refused_from_the_central_directory_before_inflating() {
    assert_refused_quickly("zip-bomb", "bom nén");
}

#[test]
fn an_entry_that_inflates_beyond_its_declared_size_is_refused() {
    assert_refused_quickly("lying-size", "bị hỏng");
}

#[test]
fn an_entity_expansion_bomb_is_refused_unexpanded() {
    assert_refused_quickly("entity-bomb", "DOCTYPE");
}

#[test]
fn an_external_entity_is_refused_unread() {
    assert_refused_quickly("external-entity", "DOCTYPE");
}

#[test]
fn a_sheet_with_a_million_rows_is_refused_at_the_row_cap() {
    assert_refused_quickly("million-rows", "quá nhiều dòng");
}

#[test]
fn a_renamed_word_document_is_refused_as_such() {
    assert_refused_quickly("docx", "văn bản Word (.docx)");
}
