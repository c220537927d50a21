//! Reading the sheets of a whole new plan: "Kế hoạch" (key/value rows), the
//! optional "Lĩnh vực", "Tiêu chí" (which also names fields), "Cơ quan" (in
//! `agencies.rs`), then the task sheet against them.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::read::{at, lower_first, read_tasks, Parties};
use super::*;
use crate::deadline;
use crate::plan::{Criterion, Field, PlanMeta, QuantTarget};

/// Reads a whole plan from the sheets named `[plan, agencies, criteria]` and the task sheet.
pub(super) fn new_plan(
    book: &mut Book,
    [plan, agencies, criteria]: [&str; 3],
    tasks: &Sheet,
    problems: &mut Vec<String>,
) -> Result<PlanData> {
    let meta = read_meta(&book.sheet(plan)?, problems);
    let mut fields = BTreeMap::new();
    let fields_sheet = book.find(SHEET_FIELDS);
    if let Some(name) = &fields_sheet {
        read_fields(&book.sheet(name)?, &mut fields, problems);
    }
    let criteria = read_criteria(
        &book.sheet(criteria)?,
        &mut fields,
        fields_sheet.as_deref(),
        problems,
    );
    let (agencies, groups) = super::agencies::read_agencies(&book.sheet(agencies)?, problems);
    let parties = Parties::of(&agencies, &groups);
    let codes: HashSet<String> = criteria.iter().map(|c| c.code.clone()).collect();
    let tasks = read_tasks(tasks, &parties, &codes, problems);
    let indicators = match book.find(super::indicators::SHEET_INDICATORS) {
        Some(name) => {
            super::indicators::read_indicators(&book.sheet(&name)?, &parties, &codes, problems)
        }
        None => Vec::new(),
    };
    let mut plan = PlanData {
        meta,
        fields: fields.into_values().collect(),
        criteria,
        agencies,
        groups,
        tasks,
        indicators,
    };
    if problems.is_empty() {
        plan.normalize();
        if let Err(e) = plan.validate() {
            match e {
                Error::Rows(lines) => problems.extend(lines),
                other => return Err(other),
            }
        }
    }
    Ok(plan)
}

/// The key/value rows of "Kế hoạch".
fn read_meta(sheet: &Sheet, problems: &mut Vec<String>) -> PlanMeta {
    let keys = [KEY_REFERENCE, KEY_ISSUED, KEY_NAME, KEY_YEAR, KEY_PROVINCE];
    let mut found: HashMap<&str, (&Row, Option<&Val>)> = HashMap::new();
    for row in &sheet.rows {
        let mut cells = row.cells.iter().map(|(_, v)| v);
        let Some(key) = cells.next().map(|k| text::fold(&k.text())) else {
            continue;
        };
        let Some(key) = keys.into_iter().find(|k| text::fold(k) == key) else {
            continue;
        };
        if let Some((first, _)) = found.insert(key, (row, cells.next())) {
            problems.push(format!(
                "{}: dòng \"{key}\" đã có ở dòng {}.",
                at(sheet, row),
                first.num
            ));
        }
    }
    let mut required = |key: &str| match found.get(key) {
        Some((row, Some(v))) => Some((*row, *v)),
        _ => {
            problems.push(format!(
                "Sheet \"{}\": thiếu dòng \"{key}\" (ô bên phải ghi giá trị).",
                sheet.name
            ));
            None
        }
    };
    let name = required(KEY_NAME)
        .map(|(_, v)| v.text())
        .unwrap_or_default();
    let province = required(KEY_PROVINCE)
        .map(|(_, v)| v.text())
        .unwrap_or_default();
    let year = required(KEY_YEAR).and_then(|(row, v)| match v.number() {
        Some(y) if y.fract() == 0.0 && (1.0..=9999.0).contains(&y) => Some(y as i32),
        _ => {
            problems.push(format!(
                "{}: năm \"{}\" không phải là một số năm.",
                at(sheet, row),
                shorten(&v.text())
            ));
            None
        }
    });
    let issued_on = match found.get(KEY_ISSUED) {
        Some((_, Some(Val::Date(d)))) => Some(*d),
        Some((row, Some(v))) => match deadline::parse_date(&v.text()) {
            Ok(d) => Some(d),
            Err(e) => {
                problems.push(format!(
                    "{}: {}",
                    at(sheet, row),
                    lower_first(&e.to_string())
                ));
                None
            }
        },
        _ => None,
    };
    let reference = found
        .get(KEY_REFERENCE)
        .and_then(|(_, v)| v.map(Val::text))
        .unwrap_or_default();
    PlanMeta {
        reference,
        issued_on,
        name,
        year: year.unwrap_or_default(),
        province,
    }
}

/// The header row of a plan sheet: the first row with a cell reading `first`.
pub(super) fn header(sheet: &Sheet, first: &str, problems: &mut Vec<String>) -> Option<Header> {
    let h = Header::find(sheet, first, false);
    if h.is_none() {
        let name = &sheet.name;
        problems.push(format!(
            "Sheet \"{name}\": không tìm thấy dòng tiêu đề (có ô \"{first}\")."
        ));
    }
    h
}

/// A score cell: `None` when empty (an error line if `required`) or not a number.
fn score(
    row: &Row,
    col: Option<u32>,
    what: &str,
    at: &str,
    required: bool,
    problems: &mut Vec<String>,
) -> Option<f64> {
    let Some(v) = row.get(col) else {
        if required {
            problems.push(format!("{at}: thiếu {what}."));
        }
        return None;
    };
    let n = v.number().filter(|n| *n >= 0.0);
    if n.is_none() {
        problems.push(format!(
            "{at}: {what} \"{}\" không phải là số hợp lệ.",
            shorten(&v.text())
        ));
    }
    n
}

/// The optional sheet "Lĩnh vực": Mã | Tên lĩnh vực | Điểm tối đa | Điểm năm trước | Điểm bị trừ.
fn read_fields(sheet: &Sheet, fields: &mut BTreeMap<u32, Field>, problems: &mut Vec<String>) {
    let Some(h) = header(sheet, COL_CODE, problems) else {
        return;
    };
    let Some([code_col, name_col]) = h.require(
        &sheet.name,
        [&[COL_CODE], &[COL_FIELD_NAME, "Tên"]],
        problems,
    ) else {
        return;
    };
    let [max, prev, lost] = [COL_MAX, COL_PREV, COL_LOST].map(|c| h.col(&[c]));
    for row in &sheet.rows[h.at + 1..] {
        let at = at(sheet, row);
        let code = row
            .get(Some(code_col))
            .and_then(Val::number)
            .filter(|n| n.fract() == 0.0 && (1.0..=99.0).contains(n));
        let Some(code) = code.map(|n| n as u32) else {
            problems.push(format!(
                "{at}: mã lĩnh vực \"{}\" phải là một số từ 1 đến 99.",
                shorten(&row.text(Some(code_col)))
            ));
            continue;
        };
        let name = row.text(Some(name_col));
        if name.is_empty() {
            problems.push(format!("{at}: thiếu tên lĩnh vực."));
        }
        let field = Field {
            code,
            name,
            max_score: score(row, max, "điểm tối đa", &at, false, problems),
            score_prev: score(row, prev, "điểm năm trước", &at, false, problems),
            points_lost: score(row, lost, "điểm bị trừ", &at, false, problems),
        };
        if fields.insert(code, field).is_some() {
            problems.push(format!("{at}: lĩnh vực {code} bị ghi hai lần."));
        }
    }
}

/// "3", 3, "3. Cải cách thủ tục hành chính" → (3, the name if given).
fn field_ref(v: &Val) -> Option<(u32, Option<String>)> {
    let t = v.text();
    let digits = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let code = t[..digits].parse().ok()?;
    let name = text::clean(t[digits..].trim_start_matches(['.', ')', ':', '-', ' ']));
    Some((code, Some(name).filter(|n| !n.is_empty())))
}

/// The sheet "Tiêu chí"; fields named in its "Lĩnh vực" column are added to `fields`.
fn read_criteria(
    sheet: &Sheet,
    fields: &mut BTreeMap<u32, Field>,
    fields_sheet: Option<&str>,
    problems: &mut Vec<String>,
) -> Vec<Criterion> {
    let Some(h) = header(sheet, COL_CRITERION_CODE, problems) else {
        return Vec::new();
    };
    let required = [
        &[COL_CRITERION_CODE][..],
        &[COL_CRITERION_NAME, "Tên"],
        &[COL_MAX],
        &[COL_PREV],
        &[COL_TARGET],
    ];
    let Some([code_col, name_col, max_col, prev_col, target_col]) =
        h.require(&sheet.name, required, problems)
    else {
        return Vec::new();
    };
    let (field_col, quant_col) = (h.col(&[COL_FIELD]), h.col(&[COL_QUANT]));
    let mut out: Vec<Criterion> = Vec::new();
    let mut seen: HashMap<String, u32> = HashMap::new();
    for row in &sheet.rows[h.at + 1..] {
        let at = at(sheet, row);
        let before = problems.len();
        let code = row.text(Some(code_col));
        let prefix: Option<u32> = code.split('.').next().and_then(|p| p.parse().ok());
        if code.is_empty() {
            problems.push(format!("{at}: thiếu mã tiêu chí."));
        } else if let Some(first) = seen.insert(code.clone(), row.num) {
            problems.push(format!(
                "{at}: mã tiêu chí \"{code}\" trùng với dòng {first}."
            ));
        }
        let name = row.text(Some(name_col));
        if name.is_empty() {
            problems.push(format!("{at}: thiếu tên tiêu chí."));
        }
        // The field: from the "Lĩnh vực" column, else from the code.
        let field = match row.get(field_col).map(|v| (v, field_ref(v))) {
            Some((v, None)) => {
                problems.push(format!(
                    "{at}: lĩnh vực \"{}\" phải bắt đầu bằng số của lĩnh vực, ví dụ \"3. Cải cách thủ tục hành chính\".",
                    shorten(&v.text())
                ));
                None
            }
            Some((_, Some((n, _)))) if prefix.is_some_and(|p| p != n) => {
                problems.push(format!(
                    "{at}: mã tiêu chí \"{code}\" không thuộc lĩnh vực {n} ghi ở cột \"{COL_FIELD}\"."
                ));
                None
            }
            Some((_, found)) => found,
            None => prefix.map(|p| (p, None)),
        };
        if let Some((n, name)) = field {
            let field = fields.entry(n).or_insert_with(|| Field {
                code: n,
                name: String::new(),
                max_score: None,
                score_prev: None,
                points_lost: None,
            });
            match name {
                Some(name) if field.name.is_empty() => field.name = name,
                Some(name) if text::fold(&name) != text::fold(&field.name) => {
                    problems.push(format!(
                        "{at}: lĩnh vực {n} ghi tên \"{}\", khác với tên \"{}\" đã ghi{}.",
                        shorten(&name),
                        field.name,
                        fields_sheet
                            .map(|s| format!(" ở sheet \"{s}\""))
                            .unwrap_or_default()
                    ))
                }
                _ => {}
            }
        }
        let max = score(row, Some(max_col), "điểm tối đa", &at, true, problems);
        let prev = score(row, Some(prev_col), "điểm năm trước", &at, true, problems);
        let target = match row.get(Some(target_col)) {
            Some(Val::Text(t)) if text::fold(t).contains("toi da") => max,
            Some(v) => v.number().or_else(|| {
                problems.push(format!(
                    "{at}: mục tiêu \"{}\" phải là số điểm hoặc \"Đạt điểm tối đa\".",
                    shorten(&v.text())
                ));
                None
            }),
            None => {
                problems.push(format!(
                    "{at}: thiếu \"{COL_TARGET}\" (ghi số điểm hoặc \"Đạt điểm tối đa\")."
                ));
                None
            }
        };
        let targets = match parse_targets(&row.text(quant_col)) {
            Ok(t) => t,
            Err(part) => {
                problems.push(format!(
                    "{at}: chỉ tiêu \"{part}\" không đọc được; hãy ghi dạng \"85%: nội dung\", mỗi chỉ tiêu một dòng hoặc cách nhau bằng dấu \";\"."
                ));
                Vec::new()
            }
        };
        if let (Some(max_score), Some(score_prev), Some(target), true) =
            (max, prev, target, problems.len() == before)
        {
            let points_lost = ((max_score - score_prev) * 10_000.0).round() / 10_000.0;
            out.push(Criterion {
                code,
                name,
                max_score,
                score_prev,
                points_lost,
                target,
                targets,
            });
        }
    }
    out
}

/// One target "85%: text" or "10 đơn vị: text".
fn parse_target(item: &str) -> Option<QuantTarget> {
    let item = item.trim();
    let end = item
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(item.len());
    let value = parse_number(&item[..end])?;
    let (unit, rest) = item[end..].split_once(':')?;
    let (unit, rest) = (text::clean(unit), text::clean(rest));
    (!rest.is_empty() && unit.chars().count() <= 30).then_some(QuantTarget {
        value,
        unit,
        text: rest,
    })
}

/// Reads the cell form that `write::format_targets` gives: a new target starts wherever a
/// line or a ";"-separated part reads like one ("50%: …"); anything else
/// continues the previous target's text. The error names the part that cannot
/// be read.
fn parse_targets(cell: &str) -> std::result::Result<Vec<QuantTarget>, String> {
    let mut items: Vec<String> = Vec::new();
    for line in cell.lines() {
        for (i, part) in line.split(';').enumerate() {
            if part.trim().is_empty() {
                continue;
            }
            match items.last_mut() {
                Some(last) if parse_target(part).is_none() => {
                    last.push(if i == 0 { '\n' } else { ';' });
                    last.push_str(part);
                }
                _ => items.push(part.to_string()),
            }
        }
    }
    items
        .iter()
        .map(|i| parse_target(i).ok_or_else(|| shorten(i)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target(value: f64, unit: &str, text: &str) -> QuantTarget {
        QuantTarget {
            value,
            unit: unit.into(),
            text: text.into(),
        }
    }

    #[test]
    fn targets_read_back_as_written() {
        let targets = vec![
            target(100.0, "%", "TTHC có yêu cầu phí, lệ phí"),
            target(0.5, "điểm", "tăng thêm; so với năm trước"),
            target(12.0, "", "đơn vị"),
        ];
        let cell = super::super::write::format_targets(&targets);
        assert_eq!(
            parse_targets(&cell),
            Ok(targets),
            "units, decimal commas and a \";\" inside a text survive the cell form"
        );
    }

    #[test]
    fn a_target_without_a_number_and_colon_is_refused() {
        assert!(
            parse_targets("khoảng tám mươi phần trăm").is_err(),
            "a target needs a number and a colon"
        );
    }

    #[test]
    fn numbers_read_as_text_have_no_trailing_zero() {
        assert_eq!(
            Val::Number(5.6).text(),
            "5.6",
            "a criterion typed as a number keeps its digits"
        );
        assert_eq!(Val::Number(3.0).text(), "3", "a whole number has no \".0\"");
        assert_eq!(
            parse_number("0,9947"),
            Some(0.9947),
            "the Vietnamese decimal comma is read"
        );
        assert_eq!(parse_number("1.2.3"), None, "a code is not a number");
    }
}
