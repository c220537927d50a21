use cchc::plan;
use regex::Regex;

use crate::common::plan_text;

/// Reads a Vietnamese decimal ("0,9947") as a number.
fn vn_number(s: &str) -> f64 {
    s.replace(',', ".")
        .parse()
        .expect("the text's numbers use a decimal comma")
}

fn collapse(s: &str) -> String {
    s.replace('*', "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn every_criterion_score_in_the_text_matches_the_built_in_data() {
    let text = collapse(&plan_text());
    let plan = plan::built_in().expect("built-in plan loads");
    let re = Regex::new(
        r"Tiêu chí(?: thành phần)? “(\d+(?:\.\d+)+)\. ([^”]+)” được ([\d,]+)/([\d,]+) điểm; chưa đạt ([\d,]+) điểm",
    )
    .expect("valid regex");
    let mut seen = Vec::new();
    for cap in re.captures_iter(&text) {
        let code = &cap[1];
        let c = plan
            .criteria
            .iter()
            .find(|c| c.code == code)
            .unwrap_or_else(|| panic!("criterion {code} of the text is in the data"));
        assert_eq!(
            c.name,
            cap[2].trim(),
            "name of {code} as the text writes it"
        );
        assert_eq!(c.score_prev, vn_number(&cap[3]), "2023 score of {code}");
        assert_eq!(c.max_score, vn_number(&cap[4]), "maximum of {code}");
        assert_eq!(c.points_lost, vn_number(&cap[5]), "points lost of {code}");
        assert_eq!(
            c.target, c.max_score,
            "the 2024 target of {code} is the maximum"
        );
        seen.push(code.to_string());
    }
    let all: Vec<String> = plan.criteria.iter().map(|c| c.code.clone()).collect();
    let mut sorted_seen = seen.clone();
    sorted_seen.sort();
    let mut sorted_all = all.clone();
    sorted_all.sort();
    assert_eq!(
        sorted_seen, sorted_all,
        "the data has exactly the criteria the text scores"
    );
    assert_eq!(
        seen.len(),
        22,
        "section II scores 22 criteria and sub-criteria"
    );
}

#[test]
fn every_field_result_in_the_text_matches_the_built_in_data() {
    let text = collapse(&plan_text());
    let plan = plan::built_in().expect("built-in plan loads");
    // "1.1. Kết quả năm 2023: đạt 11,9888/13 điểm" under a heading naming the field.
    let re =
        Regex::new(r"Kết quả năm 2023: đạt ([\d,]+)/([\d,]+) điểm(?:; chưa đạt ([\d,]+) điểm)?")
            .expect("valid regex");
    let results: Vec<_> = re.captures_iter(&text).collect();
    // Section II's items in order are fields 3, 4, 5, 6, 7, 8, 1.
    let order = [3, 4, 5, 6, 7, 8, 1];
    assert_eq!(
        results.len(),
        order.len(),
        "seven fields report a 2023 result"
    );
    for (cap, code) in results.iter().zip(order) {
        let f = plan
            .fields
            .iter()
            .find(|f| f.code == code)
            .expect("field exists");
        assert_eq!(
            f.score_prev,
            Some(vn_number(&cap[1])),
            "2023 score of field {code}"
        );
        assert_eq!(
            f.max_score,
            Some(vn_number(&cap[2])),
            "maximum of field {code}"
        );
        if let Some(lost) = cap.get(3) {
            assert_eq!(
                f.points_lost,
                Some(vn_number(lost.as_str())),
                "points lost of field {code}"
            );
        }
    }
}

#[test]
fn quantitative_targets_of_the_text_are_data_on_their_criteria() {
    let plan = plan::built_in().expect("built-in plan loads");
    let text = collapse(&plan_text());
    let target = |code: &str| -> Vec<f64> {
        plan.criteria
            .iter()
            .find(|c| c.code == code)
            .expect("criterion")
            .targets
            .iter()
            .map(|t| t.value)
            .collect()
    };
    assert_eq!(target("7.3.6"), vec![85.0], "85% of dossiers fully online");
    assert_eq!(
        target("7.3.7"),
        vec![100.0, 50.0],
        "100% of fee procedures, 50% of dossiers paid online"
    );
    assert_eq!(
        target("4.1.3"),
        vec![10.0],
        "at least 10% fewer public service units"
    );
    for c in &plan.criteria {
        for t in &c.targets {
            assert!(
                text.contains(&t.text),
                "target text of {} is the plan's wording: {}",
                c.code,
                t.text
            );
        }
    }
}

#[test]
fn every_task_is_worded_as_in_the_text() {
    let plan = plan::built_in().expect("built-in plan loads");
    let text = collapse(&plan_text());
    assert!(
        plan.tasks.len() >= 60,
        "sections II and IV hold at least 60 tasks, found {}",
        plan.tasks.len()
    );
    for t in &plan.tasks {
        assert!(
            text.contains(&collapse(&t.content)),
            "task {} is verbatim from the text",
            t.code
        );
    }
}

#[test]
fn every_section_four_assignment_names_its_lead_in_the_text() {
    let plan = plan::built_in().expect("built-in plan loads");
    for t in plan.tasks.iter().filter(|t| t.code.starts_with("IV.")) {
        let lead = plan
            .party_name(&t.lead)
            .expect("lead is a known agency or group");
        assert!(!lead.is_empty(), "task {} has a named lead", t.code);
    }
    let led_by = |code: &str| {
        plan.tasks
            .iter()
            .find(|t| t.code == code)
            .map(|t| t.lead.clone())
    };
    assert_eq!(
        led_by("IV.1.1").as_deref(),
        Some("STP"),
        "Sở Tư pháp leads institutional reform"
    );
    assert_eq!(
        led_by("IV.3.1").as_deref(),
        Some("SNV"),
        "Sở Nội vụ merges the vocational colleges"
    );
    assert_eq!(
        led_by("IV.7.3").as_deref(),
        Some("CTHY"),
        "Cục Thuế chases late tax"
    );
}

#[test]
fn every_agency_the_text_names_is_in_the_data() {
    let plan = plan::built_in().expect("built-in plan loads");
    let text = collapse(&plan_text());
    for name in [
        "Sở Tư pháp",
        "Sở Nội vụ",
        "Sở Kế hoạch và Đầu tư",
        "Sở Thông tin và Truyền thông",
        "Sở Giáo dục và Đào tạo",
        "Văn phòng UBND tỉnh",
        "Cục Thuế tỉnh Hưng Yên",
        "Đài Phát thanh và Truyền hình Hưng Yên",
        "Báo Hưng Yên",
        "Ban Quản lý các khu công nghiệp tỉnh",
        "Tổ công tác của Chủ tịch UBND tỉnh",
    ] {
        assert!(text.contains(name), "\"{name}\" is named in the text");
        assert!(
            plan.agencies.iter().any(|a| a.name == name),
            "\"{name}\" is an agency of the data"
        );
    }
    let districts = plan
        .agencies
        .iter()
        .filter(|a| a.kind == plan::AgencyKind::UbndHuyen)
        .count();
    assert_eq!(
        districts, 10,
        "Hưng Yên had ten district-level units in 2024"
    );
}
