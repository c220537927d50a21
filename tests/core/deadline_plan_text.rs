//! The deadlines of the province's 2024 plan, read straight from its text.
//!
//! Every deadline phrase the plan uses is listed below with the deadline and due
//! date it must give. Each phrase is first looked up in the text, so the test
//! fails if the text changes; a scan of the text fails if it gains a working-day
//! rule, a "hoàn thành trong …" or a recurrence this list does not know.

use std::sync::LazyLock;

use cchc::deadline::{add_working_days, parse, Deadline, Holidays, Recurrence, WorkingDaysRule};
use chrono::NaiveDate;
use regex::Regex;
use unicode_normalization::UnicodeNormalization;

/// The plan's text in NFC, as the app stores Vietnamese text.
static PLAN_TEXT: LazyLock<String> = LazyLock::new(|| crate::common::plan_text().nfc().collect());

struct Case {
    phrase: &'static str,
    deadline: Deadline,
    due: Option<NaiveDate>,
}

fn day(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("test dates are real")
}

fn after(days: u32, event: &str) -> Deadline {
    Deadline::WorkingDays(WorkingDaysRule {
        days,
        after: event.to_string(),
    })
}

fn recurring(every: Recurrence) -> Deadline {
    Deadline::Recurring {
        every,
        working_days: None,
    }
}

/// Every deadline phrase of the plan, in the order the text uses them.
fn cases() -> Vec<Case> {
    vec![
        Case {
            phrase: "trong thời hạn 05 ngày làm việc, kể từ ngày có Quyết định công bố TTHC \
                     của Bộ trưởng, Thủ trưởng cơ quan ngang Bộ",
            deadline: after(
                5,
                "ngày có Quyết định công bố TTHC của Bộ trưởng, Thủ trưởng cơ quan ngang Bộ",
            ),
            due: None,
        },
        Case {
            phrase:
                "trong thời hạn 05 ngày làm việc kể từ ngày nhận được hồ sơ trình của các cơ quan",
            deadline: after(5, "ngày nhận được hồ sơ trình của các cơ quan"),
            due: None,
        },
        Case {
            phrase: "trong thời hạn 05 ngày làm việc kể từ ngày có Quyết định công bố danh mục \
                     TTHC của Chủ tịch UBND tỉnh",
            deadline: after(
                5,
                "ngày có Quyết định công bố danh mục TTHC của Chủ tịch UBND tỉnh",
            ),
            due: None,
        },
        Case {
            phrase: "hoàn thành trong năm 2024",
            deadline: Deadline::Year(2024),
            due: Some(day(2024, 12, 31)),
        },
        Case {
            phrase: "hoàn thành trong tháng 8/2024",
            deadline: Deadline::Month {
                year: 2024,
                month: 8,
            },
            // A Saturday: a month still ends on its last calendar day.
            due: Some(day(2024, 8, 31)),
        },
        Case {
            phrase: "bảo đảm hoàn thành trong quý IV/2024",
            deadline: Deadline::Quarter {
                year: 2024,
                quarter: 4,
            },
            due: Some(day(2024, 12, 31)),
        },
        Case {
            phrase: "hoàn thành trong quý III/2024",
            deadline: Deadline::Quarter {
                year: 2024,
                quarter: 3,
            },
            due: Some(day(2024, 9, 30)),
        },
        Case {
            phrase: "thường xuyên (hàng ngày)",
            deadline: recurring(Recurrence::Daily),
            due: None,
        },
        Case {
            phrase: "hàng tháng",
            deadline: recurring(Recurrence::Monthly),
            due: None,
        },
        Case {
            phrase: "Năm 2024",
            deadline: Deadline::Year(2024),
            due: Some(day(2024, 12, 31)),
        },
        Case {
            phrase: "thường xuyên",
            deadline: recurring(Recurrence::Ongoing),
            due: None,
        },
    ]
}

/// The phrases as the text has them: line breaks and runs of spaces made one
/// space, so a phrase split over two lines is still found.
fn flat_text() -> String {
    PLAN_TEXT.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn every_listed_deadline_phrase_occurs_in_the_plan_text() {
    let text = flat_text();
    for case in cases() {
        assert!(
            text.contains(case.phrase),
            "the plan no longer says {:?}: update this list with the new wording",
            case.phrase
        );
    }
}

#[test]
fn every_deadline_phrase_of_the_plan_parses_to_its_deadline_and_due_date() {
    for case in cases() {
        let deadline = parse(case.phrase).unwrap_or_else(|error| {
            panic!(
                "{:?} comes from the plan and must parse: {error}",
                case.phrase
            )
        });
        assert_eq!(deadline, case.deadline, "what {:?} means", case.phrase);
        assert_eq!(
            deadline.due_date(),
            case.due,
            "when {:?} is due",
            case.phrase
        );
    }
}

#[test]
fn the_text_has_no_deadline_phrase_the_list_does_not_know() {
    let text = flat_text();
    let known: Vec<String> = cases()
        .iter()
        .map(|case| case.phrase.to_lowercase())
        .collect();
    // Each pattern with how many times the 2024 text uses it.
    let patterns = [
        (r"trong thời hạn [0-9]+ ngày làm việc,? kể từ [^.;]+", 3),
        (
            r"(?:bảo đảm )?hoàn thành trong (?:tháng|quý|năm) [^\s,.;)]+",
            5,
        ),
        (
            r"(?i)thường xuyên(?: \(hàng ngày\))?|hàng (?:ngày|tháng|quý|năm)",
            9,
        ),
    ];
    for (pattern, expected) in patterns {
        let regex = Regex::new(pattern).expect("literal regex");
        let phrases: Vec<&str> = regex.find_iter(&text).map(|found| found.as_str()).collect();
        assert_eq!(
            phrases.len(),
            expected,
            "{pattern:?} found {phrases:?}: the text changed, check its deadlines"
        );
        for phrase in phrases {
            assert!(
                known.contains(&phrase.to_lowercase()),
                "the plan has a deadline phrase this test does not list: {phrase:?}"
            );
            assert!(parse(phrase).is_ok(), "{phrase:?} must parse");
        }
    }
}

#[test]
fn the_first_tasks_whole_sentence_reads_as_daily_work_with_a_five_day_rule() {
    let text = flat_text();
    let start = text
        .find("thường xuyên (hàng ngày) truy cập")
        .expect("the plan asks focal officers to check the portal daily");
    let length = text[start..]
        .find("cơ quan ngang Bộ.")
        .expect("the sentence ends with the ministries")
        + "cơ quan ngang Bộ".len();
    let sentence = &text[start..start + length];
    assert_eq!(
        parse(sentence),
        Ok(Deadline::Recurring {
            every: Recurrence::Daily,
            working_days: Some(WorkingDaysRule {
                days: 5,
                after: "ngày có Quyết định công bố TTHC của Bộ trưởng, Thủ trưởng cơ quan ngang Bộ"
                    .to_string(),
            }),
        }),
        "daily checking of the portal, then 05 working days per ministerial decision"
    );
}

#[test]
fn the_plans_five_day_rules_resolve_once_the_decision_has_a_date() {
    let holidays = Holidays::built_in().expect("the built-in holiday table reads");
    let Deadline::WorkingDays(rule) =
        parse(cases()[0].phrase).expect("the first phrase of the plan parses")
    else {
        panic!("the first phrase is a working-day rule");
    };
    // Decision on Wed 07/02/2024: Tết 08–14/02, then Thu 15 (1), Fri 16 (2),
    // weekend, Mon 19 (3), Tue 20 (4), Wed 21 (5).
    assert_eq!(
        add_working_days(day(2024, 2, 7), rule.days, &holidays),
        day(2024, 2, 21),
        "a decision on the eve of Tết 2024 is due after Tết and a weekend"
    );
    // Decision on Fri 26/04/2024: 27/4–01/5 off, Thu 02/5 (1), Fri 03/5 (2),
    // Sat 04/5 worked in exchange (3), Mon 06/5 (4), Tue 07/5 (5).
    assert_eq!(
        add_working_days(day(2024, 4, 26), rule.days, &holidays),
        day(2024, 5, 7),
        "the 30/4–1/5 break is skipped and Saturday 4/5/2024 counts"
    );
}
