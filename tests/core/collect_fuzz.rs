use std::io::{Cursor, Read, Write};
use std::path::Path;
use std::time::{Duration, Instant};

use cchc::collect::read_agency_workbook;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

use crate::collect_fixture::{exported_at, AgencyDb, PERIOD};

/// How many cases each strategy runs (`CCHC_FUZZ_CASES`, default 200) and
/// for how long at most (`CCHC_FUZZ_SECONDS`, default 30): CI stays bounded,
/// and a longer run is one variable away.
fn budget() -> (u32, Duration) {
    let var = |name: &str, default: u64| {
        std::env::var(name)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    (
        var("CCHC_FUZZ_CASES", 200) as u32,
        Duration::from_secs(var("CCHC_FUZZ_SECONDS", 30)),
    )
}

/// The entries of a zip package, in order.
fn entries(zip_bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut zip = zip::ZipArchive::new(Cursor::new(zip_bytes)).expect("a real export is a zip");
    (0..zip.len())
        .map(|i| {
            let mut entry = zip.by_index(i).expect("entry");
            let mut data = Vec::new();
            entry.read_to_end(&mut data).expect("inflate");
            (entry.name().expect("entry name").into_owned(), data)
        })
        .collect()
}

fn package(entries: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in entries {
        zip.start_file(name.as_str(), options).expect("start entry");
        zip.write_all(data).expect("write entry");
    }
    zip.finish().expect("finish zip").into_inner()
}

/// Reads the mutated bytes as an agency workbook: any answer is fine, a
/// panic is not; an accepted workbook must still obey the rules it passed.
fn read_is_safe(path: &Path, bytes: &[u8]) -> Result<(), TestCaseError> {
    std::fs::write(path, bytes).map_err(|e| TestCaseError::fail(e.to_string()))?;
    if let Ok(book) = read_agency_workbook(path, PERIOD) {
        prop_assert_eq!(book.data_sha256.len(), 64);
        prop_assert_eq!(&book.period, PERIOD);
        for t in &book.tasks {
            prop_assert!(t.percent.is_none_or(|p| (0.0..=100.0).contains(&p)));
            prop_assert!(!t.code.is_empty());
        }
    }
    Ok(())
}

fn runner(cases: u32) -> TestRunner {
    TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    })
}

#[test]
fn mutated_real_workbooks_never_crash_the_reader() {
    let (cases, limit) = budget();
    let agency = AgencyDb::new();
    let dir = tempfile::tempdir().expect("temp folder");
    let base = agency.export("SNV", PERIOD, exported_at(9), dir.path(), None);
    let original = std::fs::read(&base).expect("read the export");
    let parts = entries(&original);
    let target = dir.path().join("fuzz.xlsx");
    let started = Instant::now();
    let in_time = || started.elapsed() < limit;

    // 1. Bytes of the package flipped, and the package cut short.
    let len = original.len();
    let flips = prop::collection::vec((0..len, any::<u8>()), 1..24);
    runner(cases)
        .run(&(flips, prop::option::of(0..len)), |(flips, cut)| {
            if !in_time() {
                return Ok(());
            }
            let mut bytes = original.clone();
            for (at, b) in flips {
                bytes[at] = b;
            }
            bytes.truncate(cut.unwrap_or(len));
            read_is_safe(&target, &bytes)
        })
        .unwrap_or_else(|e| panic!("package mutation: {e}"));

    // 2. Bytes inside one XML part changed, then packaged again, so the
    // mutation reaches the XML parser and the sheet rules, not only the zip.
    let strategy = (
        0..parts.len(),
        prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..12),
    );
    runner(cases)
        .run(&strategy, |(which, edits)| {
            if !in_time() {
                return Ok(());
            }
            let mut mutated = parts.clone();
            let data = &mut mutated[which].1;
            if !data.is_empty() {
                for (at, b) in edits {
                    let i = at.index(data.len());
                    data[i] = b;
                }
            }
            read_is_safe(&target, &package(&mutated))
        })
        .unwrap_or_else(|e| panic!("XML mutation: {e}"));

    // 3. Cells of the task sheet replaced by short random text, digits and
    // markup, keeping the XML mostly well formed.
    let sheet = parts
        .iter()
        .position(|(n, _)| n == "xl/sharedStrings.xml")
        .expect("the export has shared strings");
    let words = prop::collection::vec(
        ("[0-9a-zA-Z<>&;\" %.,-]{0,12}", any::<prop::sample::Index>()),
        1..8,
    );
    runner(cases)
        .run(&words, |words| {
            if !in_time() {
                return Ok(());
            }
            let mut mutated = parts.clone();
            let text = String::from_utf8_lossy(&mutated[sheet].1).into_owned();
            let starts: Vec<usize> = text.match_indices("<t>").map(|(i, _)| i + 3).collect();
            let mut text = text;
            for (word, at) in words {
                if starts.is_empty() {
                    break;
                }
                let i = starts[at.index(starts.len())];
                if i <= text.len() && text.is_char_boundary(i) {
                    text.insert_str(i, &word);
                }
            }
            mutated[sheet].1 = text.into_bytes();
            read_is_safe(&target, &package(&mutated))
        })
        .unwrap_or_else(|e| panic!("shared-string mutation: {e}"));
}
