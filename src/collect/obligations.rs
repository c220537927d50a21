//! Reading format version 2's sheet "Việc phát sinh" back: the header is
//! checked cell by cell, each row gives one obligation, and a row that is not
//! one (a missing task code, a date or count that is not one, an unknown
//! status) is refused naming the cell. The rows' digest extends the
//! workbook's data hash, so an obligation edited by hand after export is told.

use chrono::NaiveDate;

use super::read::Place;
use crate::deadline::{self, DeadlineError};
use crate::obligation::ObligationStatus;
use crate::report::content_hash::{Sheet, SheetDigest};
use crate::report::obligation_sheet::{
    obligation_col as col, OBLIGATION_HEADERS, OBLIGATION_HEADER_ROW, SHEET_OBLIGATIONS,
};
use crate::sheet_reader::{Grid, Val};

pub use crate::store::ObligationLine;

/// Reads the sheet's rows under its header, with the digest of their cells as
/// read; `Err` is the refusal naming the cell.
pub fn obligation_lines(
    grid: &Grid,
    at: &Place,
) -> Result<(Vec<ObligationLine>, [u8; 32]), String> {
    let header = OBLIGATION_HEADER_ROW;
    for (c, want) in (0u32..).zip(OBLIGATION_HEADERS) {
        let got = grid.get(header, c).text();
        if got != want {
            return Err(at.cell(
                SHEET_OBLIGATIONS,
                header,
                c,
                &format!(
                    "tiêu đề cột là \"{got}\", phải là \"{want}\". Không sửa, thêm hay xóa cột của bảng."
                ),
            ));
        }
    }
    let mut out = Vec::new();
    let mut digest = SheetDigest::new(Sheet::Obligations);
    for row in grid.row_indexes().filter(|r| *r > header) {
        let cells = grid.canonical_row(row, OBLIGATION_HEADERS.len() as u32);
        digest.row(cells.iter().map(AsRef::as_ref));
        let text = |c: u32| grid.get(row, c).text();
        let refuse = |c: u32, why: String| at.cell(SHEET_OBLIGATIONS, row, c, &why);
        let date = |c: u32, what: &str| -> Result<Option<NaiveDate>, String> {
            match grid.get(row, c) {
                Val::Empty => Ok(None),
                Val::Date(d) => deadline::check_date_in_range(*d)
                    .map(Some)
                    .map_err(|e| refuse(c, format!("{what}: {e}"))),
                other => deadline::parse_date(&other.text())
                    .map(Some)
                    .map_err(|e| match e {
                        DeadlineError::YearOutOfRange { .. } => refuse(c, format!("{what}: {e}")),
                        _ => refuse(
                            c,
                            format!("{what} \"{}\" không phải là một ngày.", other.text()),
                        ),
                    }),
            }
        };
        let number = |c: u32, what: &str| -> Result<Option<f64>, String> {
            match grid.get(row, c) {
                Val::Empty => Ok(None),
                Val::Number(n) if *n >= 0.0 => Ok(Some(*n)),
                other => Err(refuse(
                    c,
                    format!("{what} \"{}\" không phải là một số không âm.", other.text()),
                )),
            }
        };
        let task = text(col::TASK);
        if task.is_empty() {
            return Err(refuse(
                col::TASK,
                "dòng có dữ liệu nhưng thiếu mã nhiệm vụ.".to_string(),
            ));
        }
        let status_text = text(col::STATUS);
        let status = ObligationStatus::from_label(&status_text).ok_or_else(|| {
            let list: Vec<&str> = ObligationStatus::ALL.iter().map(|s| s.label()).collect();
            refuse(
                col::STATUS,
                format!(
                    "tình trạng \"{status_text}\" không thuộc danh sách ({}).",
                    list.join("; ")
                ),
            )
        })?;
        let due_date = date(col::DUE, "hạn xử lý")?
            .ok_or_else(|| refuse(col::DUE, "thiếu hạn xử lý.".to_string()))?;
        out.push(ObligationLine {
            task,
            number: text(col::NUMBER),
            date: date(col::DATE, "ngày văn bản")?,
            issuer: text(col::ISSUER),
            start: date(col::START, "ngày bắt đầu tính")?,
            working_days: number(col::WORKING_DAYS, "số ngày làm việc")?,
            due_date,
            settled_number: text(col::SETTLED_NUMBER),
            settled_on: date(col::SETTLED_ON, "ngày xử lý")?,
            used_working_days: number(col::USED, "số ngày làm việc đã dùng")?,
            status,
        });
    }
    Ok((out, digest.finish()))
}
