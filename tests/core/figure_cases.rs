//! An indicator's figures judged alike by the core and the UI: the core reads
//! the numbers of `ui/tests/figure-cases.json` and refuses its rates as the
//! file lists, so the UI's test of its own reading and checks on the same
//! file (`ui/tests/figures.test.ts`) checks the UI against the core.

use cchc::Error;
use serde_json::Value;

use crate::common::{now, open_new};
use crate::indicators::form;

const CASES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/ui/tests/figure-cases.json");

fn cases(list: &str) -> Vec<Value> {
    let text =
        std::fs::read_to_string(CASES).expect("ui/tests/figure-cases.json is in the repository");
    let doc: Value = serde_json::from_str(&text).expect("the cases are JSON");
    doc[list].as_array().expect("a list of cases").clone()
}

#[test]
fn the_shared_numbers_are_read_by_the_core_as_listed() {
    let cases = cases("numbers");
    assert!(cases.len() >= 20, "the list covers the forms and the edges");
    let wrong: Vec<String> = cases
        .iter()
        .filter_map(|case| {
            let input = case["input"].as_str().expect("input text");
            let read = cchc::number::parse_vi(input);
            (read != case["number"].as_f64()).then(|| {
                format!(
                    "{input:?}: listed {}, the core reads {read:?}",
                    case["number"]
                )
            })
        })
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_shared_rates_are_taken_or_refused_by_the_core_as_listed() {
    let (_db, mut store, plan) = open_new();
    let cases = cases("rates");
    assert!(
        cases.iter().any(|c| c["refused"].is_null())
            && cases.iter().any(|c| c["refused"] == "numerator")
            && cases.iter().any(|c| c["refused"] == "denominator"),
        "the list has rates taken and refused on each field"
    );
    for case in &cases {
        let (n, d) = (
            case["numerator"].as_str().expect("numerator"),
            case["denominator"].as_str().expect("denominator"),
        );
        let result = store.set_indicator(plan, &form("SNV", "3.4.1", "2024-08", n, d), now());
        match case["refused"].as_str() {
            None => assert!(result.is_ok(), "{n} / {d} is taken: {result:?}"),
            Some(_) => {
                let message = case["message"].as_str().expect("message");
                match result {
                    Err(Error::Invalid(text)) => assert!(
                        text.starts_with(message),
                        "{n} / {d}: the core says {text:?}, the file {message:?}"
                    ),
                    other => panic!("{n} / {d} is refused, not {other:?}"),
                }
            }
        }
    }
}
