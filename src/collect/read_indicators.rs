//! Reading the "Chỉ số đo được" sheet of a version 2 agency workbook back:
//! its header, and each row's numbers checked as the officer's form checks
//! them (a numerator no larger than its denominator, a rate within 0–100%).
//! Which indicators the rows name is checked against the plan by the caller.

use super::read::Place;
use crate::number::{format_vi, parse_vi};
use crate::report::content_hash::{Sheet, SheetDigest};
use crate::report::indicator_sheet::{
    indicator_col as col, INDICATOR_HEADERS, INDICATOR_HEADER_ROW, SHEET_INDICATORS,
};
use crate::sheet_reader::{Grid, Val};
pub use crate::store::IndicatorLine;

/// Reads the sheet's rows under its header, with the digest of their cells as
/// read (which extends the workbook's data hash).
///
/// # Errors
/// The refusal, naming the file, the sheet and the cell.
pub(super) fn read_indicator_sheet(
    grid: &Grid,
    at: &Place,
) -> Result<(Vec<IndicatorLine>, [u8; 32]), String> {
    let row = INDICATOR_HEADER_ROW;
    for (c, want) in INDICATOR_HEADERS.iter().enumerate() {
        let got = grid.get(row, c as u32).text();
        if got != *want {
            return Err(at.cell(
                SHEET_INDICATORS,
                row,
                c as u32,
                &format!(
                    "tiêu đề cột là \"{got}\", phải là \"{want}\". Không sửa, thêm hay xóa cột của \
                     bảng."
                ),
            ));
        }
    }
    let mut out = Vec::new();
    let mut digest = SheetDigest::new(Sheet::Indicators);
    for r in grid.row_indexes().filter(|r| *r > row) {
        let cells = grid.canonical_row(r, INDICATOR_HEADERS.len() as u32);
        digest.row(cells.iter().map(AsRef::as_ref));
        let text = |c: u32| grid.get(r, c).text();
        let criterion = text(col::CRITERION);
        if criterion.is_empty() && text(col::NAME).is_empty() {
            continue;
        }
        let number = |c: u32, what: &str| -> Result<Option<f64>, String> {
            let n = match grid.get(r, c) {
                Val::Empty => return Ok(None),
                Val::Number(n) => Some(*n),
                other => parse_vi(other.text().trim_end_matches('%').trim()),
            };
            match n {
                Some(n) if n >= 0.0 && n.is_finite() => Ok(Some(n)),
                _ => Err(at.cell(
                    SHEET_INDICATORS,
                    r,
                    c,
                    &format!(
                        "{what} \"{}\" không phải là một số không âm.",
                        grid.get(r, c).text()
                    ),
                )),
            }
        };
        let numerator = number(col::NUMERATOR, "tử số")?;
        let denominator = number(col::DENOMINATOR, "mẫu số")?;
        let mut value = number(col::VALUE, "giá trị")?;
        let unit = text(col::UNIT);
        match (numerator, denominator) {
            (Some(n), Some(d)) => {
                if d <= 0.0 {
                    return Err(at.cell(
                        SHEET_INDICATORS,
                        r,
                        col::DENOMINATOR,
                        "mẫu số phải lớn hơn 0.",
                    ));
                }
                if n > d {
                    return Err(at.cell(
                        SHEET_INDICATORS,
                        r,
                        col::NUMERATOR,
                        &format!(
                            "tử số {} lớn hơn mẫu số {}: tỷ lệ không thể vượt 100%.",
                            format_vi(n, 4),
                            format_vi(d, 4)
                        ),
                    ));
                }
                value = Some(n * 100.0 / d);
            }
            (None, None) => {}
            (Some(_), None) | (None, Some(_)) => {
                let c = if numerator.is_none() {
                    col::NUMERATOR
                } else {
                    col::DENOMINATOR
                };
                return Err(at.cell(SHEET_INDICATORS, r, c, "tỷ lệ cần đủ cả tử số và mẫu số."));
            }
        }
        if unit == "%" && value.is_some_and(|v| v > 100.0) {
            return Err(at.cell(
                SHEET_INDICATORS,
                r,
                col::VALUE,
                "giá trị phần trăm nằm ngoài khoảng 0–100%.",
            ));
        }
        let as_of = match grid.get(r, col::AS_OF) {
            Val::Empty => None,
            Val::Date(d) => Some(*d),
            other => Some(crate::deadline::parse_date(&other.text()).map_err(|_| {
                at.cell(
                    SHEET_INDICATORS,
                    r,
                    col::AS_OF,
                    &format!(
                        "ngày số liệu \"{}\" không phải là một ngày (dd/mm/yyyy).",
                        other.text()
                    ),
                )
            })?),
        };
        out.push(IndicatorLine {
            row: r,
            criterion,
            name: text(col::NAME),
            unit,
            numerator,
            denominator,
            value,
            source: text(col::SOURCE),
            as_of,
        });
    }
    Ok((out, digest.finish()))
}

/// Every row must name an indicator of the plan (its criterion and name) that
/// the agency reports, each at most once; `Err` is the refusal.
pub(super) fn check_against_plan(
    duties: &crate::store::Duties,
    book: &super::AgencyWorkbook,
    at: &Place,
) -> Result<(), String> {
    if book.indicators.is_empty() {
        return Ok(());
    }
    let own = duties.indicators(&book.agency_code);
    let mut seen = std::collections::HashSet::new();
    for line in &book.indicators {
        let found = own
            .iter()
            .find(|i| i.criterion == line.criterion && i.name == line.name);
        let Some(found) = found else {
            return Err(at.cell(
                SHEET_INDICATORS,
                line.row,
                col::NAME,
                &format!(
                    "chỉ số \"{}\" của tiêu chí {} không phải một chỉ số đo được mà {} báo cáo \
                     trong kế hoạch.",
                    line.name, line.criterion, book.agency_code
                ),
            ));
        };
        if !seen.insert(found.id) {
            return Err(at.cell(
                SHEET_INDICATORS,
                line.row,
                col::NAME,
                &format!("chỉ số \"{}\" có hai dòng trong bảng.", line.name),
            ));
        }
        if found.kind == crate::plan::IndicatorKind::Rate
            && line.value.is_some()
            && line.denominator.is_none()
        {
            return Err(at.cell(
                SHEET_INDICATORS,
                line.row,
                col::NUMERATOR,
                "chỉ số này là một tỷ lệ: cần tử số và mẫu số.",
            ));
        }
    }
    Ok(())
}
