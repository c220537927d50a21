//! The one folding rule: the core's `text::fold` gives the outputs that
//! `ui/tests/fold-cases.json` lists, so the UI's test of its own `fold` on the
//! same file checks the UI against the core.

use serde_json::Value;

const CASES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/ui/tests/fold-cases.json");

#[test]
fn the_shared_fold_cases_are_what_the_core_folds_them_to() {
    let text =
        std::fs::read_to_string(CASES).expect("ui/tests/fold-cases.json is in the repository");
    let mut doc: Value = serde_json::from_str(&text).expect("the cases are JSON");
    let cases = doc["cases"].as_array_mut().expect("a list of cases");
    assert!(
        cases.len() >= 20,
        "the list covers Vietnamese and the edges"
    );
    let mut wrong = Vec::new();
    for case in cases.iter_mut() {
        let input = case["input"].as_str().expect("input text").to_string();
        let folded = cchc::text::fold(&input);
        if case["folded"].as_str() != Some(folded.as_str()) {
            wrong.push(format!(
                "{input:?}: listed {}, the core gives {folded:?}",
                case["folded"]
            ));
            case["folded"] = Value::String(folded);
        }
    }
    if !wrong.is_empty() && std::env::var_os("CCHC_WRITE_FOLD_CASES").is_some() {
        let out = serde_json::to_string_pretty(&doc).expect("JSON") + "\n";
        std::fs::write(CASES, out).expect("rewrite the cases");
        return;
    }
    assert!(
        wrong.is_empty(),
        "the cases differ from the core (run with CCHC_WRITE_FOLD_CASES=1 to rewrite them, then npm test):\n{}",
        wrong.join("\n")
    );
}
