//! The measured indicators in the consolidated "Chỉ số" sheet: each
//! criterion's estimate and points at risk beside its row, and below the
//! criteria a table of the province's figure per indicator (the sum of the
//! agencies' numerators over the sum of their denominators), its target,
//! estimate, points at risk, and the agencies that reported it and did not.

use rust_xlsxwriter::{Format, Worksheet};

use super::summary::Consolidation;
use crate::report::fit_height;
use crate::score::CriterionScore;
use crate::xlsx::{self, Formats, Written};

/// The headers of the two columns added to each criterion row.
pub const CRITERION_SCORE_HEADERS: [(&str, f64); 2] =
    [("Ước tính điểm", 10.0), ("Điểm có nguy cơ mất", 11.0)];

/// The title of the indicator table under the criteria.
pub const INDICATOR_TABLE_TITLE: &str = "SỐ LIỆU CÁC CHỈ SỐ ĐO ĐƯỢC TOÀN TỈNH (ƯỚC TÍNH)";

/// The headers of the indicator table.
pub const INDICATOR_TABLE_HEADERS: [&str; 11] = [
    "Mã tiêu chí",
    "Chỉ số",
    "Đơn vị",
    "Tử số",
    "Mẫu số",
    "Số liệu toàn tỉnh",
    "Mục tiêu",
    "Ước tính điểm",
    "Điểm có nguy cơ mất",
    "Cơ quan đã báo cáo",
    "Cơ quan chưa báo cáo",
];

/// The standing of a criterion in the consolidation.
pub(super) fn score_of<'a>(c: &'a Consolidation, code: &str) -> Option<&'a CriterionScore> {
    c.scores.iter().find(|s| s.criterion == code)
}

/// Writes a criterion's estimate (empty without indicators) and points at risk
/// in columns `first` and `first + 1`.
pub(super) fn criterion_cells(
    ws: &mut Worksheet,
    row: u32,
    first: u16,
    score: Option<&CriterionScore>,
    score_format: &Format,
) -> Written {
    xlsx::put_number(ws, row, first, score.and_then(|s| s.estimate), score_format)?;
    xlsx::put_number(ws, row, first + 1, score.map(|s| s.at_risk), score_format)
}

/// Writes the indicator table from `row` (a title, the header, one row per
/// indicator); returns the row after it.
pub(super) fn indicator_table(
    ws: &mut Worksheet,
    mut row: u32,
    c: &Consolidation,
    f: &Formats,
    score_format: &Format,
) -> Result<u32, rust_xlsxwriter::XlsxError> {
    let last = INDICATOR_TABLE_HEADERS.len() as u16 - 1;
    ws.merge_range(row, 0, row, last, INDICATOR_TABLE_TITLE, &f.heading)?;
    row += 1;
    for (col, h) in INDICATOR_TABLE_HEADERS.iter().enumerate() {
        ws.write_string_with_format(row, col as u16, *h, &f.header)?;
    }
    fit_height(ws, row, INDICATOR_TABLE_HEADERS.iter().map(|h| (*h, 8.0)))?;
    row += 1;
    let decimal = f.number.clone().set_num_format("#,##0.##");
    for s in &c.scores {
        for i in &s.indicators {
            let at_risk = i.share_max - i.estimate.unwrap_or(0.0);
            let reported = i.reported.join(", ");
            let missing = i.missing.join(", ");
            xlsx::put_text(ws, row, 0, &s.criterion, &f.centred)?;
            xlsx::put_text(ws, row, 1, &i.name, &f.text)?;
            xlsx::put_text(ws, row, 2, &i.unit, &f.centred)?;
            xlsx::put_number(ws, row, 3, i.numerator, &decimal)?;
            xlsx::put_number(ws, row, 4, i.denominator, &decimal)?;
            let value = i.value.map(|v| (v * 100.0).round() / 100.0);
            xlsx::put_number(ws, row, 5, value, &decimal)?;
            xlsx::put_number(ws, row, 6, Some(i.target), &decimal)?;
            xlsx::put_number(ws, row, 7, i.estimate, score_format)?;
            let at_risk = (at_risk * 10_000.0).round() / 10_000.0;
            xlsx::put_number(ws, row, 8, Some(at_risk.max(0.0)), score_format)?;
            xlsx::put_text(ws, row, 9, &reported, &f.text)?;
            xlsx::put_text(ws, row, 10, &missing, &f.text)?;
            fit_height(
                ws,
                row,
                [
                    (i.name.as_str(), 50.0),
                    (reported.as_str(), 11.0),
                    (missing.as_str(), 30.0),
                ],
            )?;
            row += 1;
        }
    }
    Ok(row)
}
