//! The optional sheet "Chỉ số đo được" of a whole-plan workbook: a plan's
//! measured indicators, one per row (a criterion may have several), read with
//! the plan's other sheets and written back so that a plan round-trips.

use std::collections::{HashMap, HashSet};

use rust_xlsxwriter::Worksheet;

use super::plan_sheets::header;
use super::read::{at, split, Parties};
use super::*;
use crate::plan::{Direction, IndicatorDef, IndicatorKind, ScoreRule};
use crate::xlsx::{self, Formats, Written};

pub(super) const SHEET_INDICATORS: &str = "Chỉ số đo được";

const COL_NAME: &str = "Chỉ số";
const COL_UNIT: &str = "Đơn vị";
const COL_KIND: &str = "Loại";
const COL_DIRECTION: &str = "Chiều tốt";
const COL_REPORTERS: &str = "Cơ quan báo cáo";
const COL_SOURCE: &str = "Nguồn số liệu";
const COL_RULE: &str = "Cách tính điểm";
const COL_SHARE: &str = "Phần điểm";

/// Reads the indicators; each wrong row adds a line to `problems`.
pub(super) fn read_indicators(
    sheet: &Sheet,
    parties: &Parties,
    criteria: &HashSet<String>,
    problems: &mut Vec<String>,
) -> Vec<IndicatorDef> {
    let Some(h) = header(sheet, COL_CRITERION_CODE, problems) else {
        return Vec::new();
    };
    let Some([code_col, name_col, target_col, reporters_col]) = h.require(
        &sheet.name,
        [
            &[COL_CRITERION_CODE],
            &[COL_NAME],
            &[COL_TARGET],
            &[COL_REPORTERS],
        ],
        problems,
    ) else {
        return Vec::new();
    };
    let [unit, kind, direction, source, rule, share] = [
        COL_UNIT,
        COL_KIND,
        COL_DIRECTION,
        COL_SOURCE,
        COL_RULE,
        COL_SHARE,
    ]
    .map(|c| h.col(&[c]));
    let mut out = Vec::new();
    for row in &sheet.rows[h.at + 1..] {
        let at = at(sheet, row);
        let criterion = row.text(Some(code_col));
        if !criteria.contains(&criterion) {
            problems.push(format!("{at}: không có tiêu chí mã \"{criterion}\"."));
        }
        let unit = match row.text(unit) {
            u if u.is_empty() => "%".to_string(),
            u => u,
        };
        let kind_text = row.text(kind);
        let kind = if kind_text.is_empty() {
            Some(if unit == "%" {
                IndicatorKind::Rate
            } else {
                IndicatorKind::Value
            })
        } else {
            IndicatorKind::parse(&kind_text)
        };
        let kind = kind.unwrap_or_else(|| {
            problems.push(format!(
                "{at}: loại \"{kind_text}\" phải là \"Tỷ lệ\" hoặc \"Giá trị\"."
            ));
            IndicatorKind::Rate
        });
        let direction_text = row.text(direction);
        let direction = Direction::parse(&direction_text).unwrap_or_else(|| {
            problems.push(format!(
                "{at}: chiều tốt \"{direction_text}\" phải là \"Cao hơn là tốt\" hoặc \"Thấp \
                 hơn là tốt\"."
            ));
            Direction::Higher
        });
        let rule_text = row.text(rule);
        let rule = ScoreRule::parse(&rule_text).unwrap_or_else(|| {
            problems.push(format!(
                "{at}: cách tính điểm \"{rule_text}\" phải là \"Tỷ lệ thuận\" hoặc \"Đạt/không \
                 đạt\"."
            ));
            ScoreRule::Proportional
        });
        let target = row.get(Some(target_col)).and_then(Val::number);
        if target.is_none() {
            problems.push(format!(
                "{at}: mục tiêu \"{}\" không phải là số.",
                row.text(Some(target_col))
            ));
        }
        let share = match row.get(share) {
            None => None,
            Some(v) => {
                let n = v.number();
                if n.is_none() {
                    problems.push(format!(
                        "{at}: phần điểm \"{}\" không phải là số.",
                        v.text()
                    ));
                }
                n
            }
        };
        let mut reporters = Vec::new();
        for name in split(&row.text(Some(reporters_col)), &[';']) {
            match parties.resolve(&name) {
                Some(code) => reporters.push(code),
                None => problems.push(format!(
                    "{at}: không có cơ quan hoặc nhóm \"{name}\" trong kế hoạch."
                )),
            }
        }
        out.push(IndicatorDef {
            criterion,
            name: row.text(Some(name_col)),
            unit,
            kind,
            target: target.unwrap_or_default(),
            direction,
            reporters,
            source: row.text(source),
            rule,
            share,
        });
    }
    out
}

/// Writes the sheet (nothing when the plan has no indicators); reporters by
/// their names where the names are unambiguous (`labels`).
pub(super) fn indicators_sheet(
    ws: &mut Worksheet,
    plan: &PlanData,
    labels: &HashMap<&str, &str>,
    st: &Formats,
) -> Written {
    let columns = [
        (COL_CRITERION_CODE, 12.0),
        (COL_NAME, 60.0),
        (COL_UNIT, 8.0),
        (COL_KIND, 10.0),
        (COL_TARGET, 10.0),
        (COL_DIRECTION, 14.0),
        (COL_REPORTERS, 40.0),
        (COL_SOURCE, 50.0),
        (COL_RULE, 16.0),
        (COL_SHARE, 10.0),
    ];
    super::write::table(ws, SHEET_INDICATORS, &columns, st)?;
    for (row, i) in (1u32..).zip(&plan.indicators) {
        let reporters: Vec<&str> = i
            .reporters
            .iter()
            .map(|r| labels.get(r.as_str()).copied().unwrap_or(r))
            .collect();
        xlsx::put_text(ws, row, 0, &i.criterion, &st.text)?;
        xlsx::put_text(ws, row, 1, &i.name, &st.text)?;
        xlsx::put_text(ws, row, 2, &i.unit, &st.text)?;
        let kind = match i.kind {
            IndicatorKind::Rate => "Tỷ lệ",
            IndicatorKind::Value => "Giá trị",
        };
        xlsx::put_text(ws, row, 3, kind, &st.text)?;
        xlsx::put_number(ws, row, 4, Some(i.target), &st.number)?;
        let direction = match i.direction {
            Direction::Higher => "Cao hơn là tốt",
            Direction::Lower => "Thấp hơn là tốt",
        };
        xlsx::put_text(ws, row, 5, direction, &st.text)?;
        xlsx::put_text(ws, row, 6, &reporters.join("; "), &st.text)?;
        xlsx::put_text(ws, row, 7, &i.source, &st.text)?;
        let rule = match i.rule {
            ScoreRule::Proportional => "Tỷ lệ thuận",
            ScoreRule::Threshold => "Đạt/không đạt",
        };
        xlsx::put_text(ws, row, 8, rule, &st.text)?;
        xlsx::put_number(ws, row, 9, i.share, &st.number)?;
    }
    Ok(())
}
