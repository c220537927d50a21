//! The core points one way (ARCHITECTURE.md, "Layers"): the database module
//! below the store, the backups and the checks; the store below the workbooks,
//! the collector and the faces. These tests read the source and fail when a
//! module names a module of the crate that its layer may not use.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Each guarded module of `src/` and the modules of the crate it may use.
/// Everything not listed here (report, collect, plan_workbook, forms, xlsx,
/// open) is above the store and may use it.
const RULES: &[(&str, &[&str])] = &[
    ("text", &[]),
    ("number", &[]),
    ("docref", &[]),
    ("deadline", &["text"]),
    // The one error enum wraps the deadline and reference parsers' errors.
    ("error", &["deadline", "docref"]),
    ("status", &["error"]),
    ("sha256", &["error"]),
    ("durable", &["error"]),
    ("disk", &[]),
    ("plan", &["error", "text", "number", "deadline", "status"]),
    ("obligation", &["deadline", "text"]),
    ("db", &["disk", "error", "durable"]),
    (
        "store",
        &[
            "db",
            "error",
            "durable",
            "sha256",
            "text",
            "number",
            "docref",
            "deadline",
            "status",
            "plan",
            "obligation",
        ],
    ),
    ("verify", &["db", "error", "sha256"]),
    // The one capped cell reader of every workbook the app reads: below the
    // collector and the task-list import, never reaching the store.
    ("sheet_reader", &["error", "text", "report"]),
    (
        "backup",
        &["db", "disk", "error", "durable", "sha256", "verify"],
    ),
];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The `.rs` files of module `name`: `src/<name>.rs` or everything under `src/<name>/`.
fn module_files(name: &str) -> Vec<PathBuf> {
    let file = src().join(format!("{name}.rs"));
    if file.is_file() {
        return vec![file];
    }
    let mut out = Vec::new();
    let mut dirs = vec![src().join(name)];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    out
}

/// The source without comments (doc links are not uses), line by line.
fn code_of(source: &str) -> String {
    source
        .lines()
        .map(|line| match line.find("//") {
            Some(at) if !line[..at].contains('"') => &line[..at],
            _ => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The first segment of every `crate::…` path in `code`, grouped imports
/// (`use crate::{a, b::c}`) included.
fn crate_modules(code: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        let before = rest[..at].chars().next_back();
        rest = &rest[at + "crate::".len()..];
        if matches!(before, Some(c) if c == '$' || c.is_alphanumeric() || c == '_') {
            continue;
        }
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 0;
            let mut part = String::new();
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        found.insert(first_segment(&part));
                        part.clear();
                        continue;
                    }
                    _ => {}
                }
                part.push(c);
            }
            found.insert(first_segment(&part));
        } else {
            found.insert(first_segment(rest));
        }
    }
    found.remove("");
    found
}

fn first_segment(path: &str) -> String {
    path.trim()
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect()
}

#[test]
fn no_module_of_the_store_or_below_it_uses_a_layer_above() {
    let mut wrong = Vec::new();
    for (module, allowed) in RULES {
        let files = module_files(module);
        assert!(!files.is_empty(), "src/{module} has source files");
        for file in files {
            let code = code_of(&std::fs::read_to_string(&file).expect("source"));
            let shown = file
                .strip_prefix(src())
                .unwrap_or(&file)
                .display()
                .to_string();
            if code.contains("super::super") {
                wrong.push(format!(
                    "{shown}: climbs out with super::super (write crate::…)"
                ));
            }
            for used in crate_modules(&code) {
                if used != *module && !allowed.contains(&used.as_str()) {
                    wrong.push(format!("{shown}: uses crate::{used}, above {module}"));
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "modules that point up:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn only_the_store_itself_adds_methods_to_the_store() {
    let mut wrong = Vec::new();
    let mut dirs = vec![src()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("src is listed") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                if path != src().join("store") {
                    dirs.push(path);
                }
            } else if path.extension().is_some_and(|e| e == "rs") {
                let code = code_of(&std::fs::read_to_string(&path).expect("source"));
                let words: Vec<&str> = code.split_whitespace().collect();
                if words.windows(2).any(|w| {
                    w[0] == "impl" && matches!(w[1], "Store" | "Store{" | "crate::store::Store")
                }) {
                    wrong.push(path.display().to_string());
                }
            }
        }
    }
    assert!(wrong.is_empty(), "impl Store outside src/store: {wrong:?}");
}

#[test]
fn the_scanner_finds_plain_grouped_and_inline_uses_and_skips_comments() {
    let code = code_of(
        "use crate::collect::AgencyWorkbook;\n\
         use crate::{backup, report::layout::{self, SHEET}};\n\
         let x = crate::verify::quick_check(db); // crate::open::open_store\n\
         macro_rules! m { () => { $crate::error::Error } }",
    );
    assert_eq!(
        crate_modules(&code).into_iter().collect::<Vec<_>>(),
        vec!["backup", "collect", "report", "verify"],
        "each first segment once; comments and $crate are not uses"
    );
}
