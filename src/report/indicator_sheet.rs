//! The "Chỉ số đo được" sheet of the monthly workbook (version 2): the
//! agency's latest figure of the plan year, up to the month's end, for each
//! indicator it reports. Its layout is shared with the collector, which reads it back.

use rust_xlsxwriter::{Format, Worksheet};

use super::content_hash::{Sheet, SheetDigest};
use super::month::MonthReport;
use super::table::{fit_height, write_row, Cell};
use crate::error::Result;
use crate::print_profile::{annex, Attachment};
pub use crate::store::MeasuredLine;
use crate::xlsx::{self, Formats};

pub const SHEET_INDICATORS: &str = "Chỉ số đo được";

/// The headers of "Chỉ số đo được".
pub const INDICATOR_HEADERS: [&str; 9] = [
    "Mã tiêu chí",
    "Chỉ số",
    "Đơn vị",
    "Tử số",
    "Mẫu số",
    "Giá trị",
    "Mục tiêu",
    "Nguồn số liệu",
    "Ngày số liệu",
];

/// Zero-based columns of "Chỉ số đo được".
pub mod indicator_col {
    pub const CRITERION: u32 = 0;
    pub const NAME: u32 = 1;
    pub const UNIT: u32 = 2;
    pub const NUMERATOR: u32 = 3;
    pub const DENOMINATOR: u32 = 4;
    pub const VALUE: u32 = 5;
    pub const TARGET: u32 = 6;
    pub const SOURCE: u32 = 7;
    pub const AS_OF: u32 = 8;
}

/// Zero-based row of the header; the rows follow it.
pub const INDICATOR_HEADER_ROW: u32 = 3;

/// The annex number of the sheet, after "Nhiệm vụ", "Tài liệu kiểm chứng" and "Chỉ số".
const ANNEX_INDICATORS: u32 = 4;

const WIDTHS: [f64; 9] = [9.0, 50.0, 8.0, 12.0, 12.0, 10.0, 10.0, 36.0, 12.0];

/// Writes the sheet: one row per indicator the agency reports, numbers as
/// numbers, the date as a date cell, empty cells where there is no figure.
/// Returns the digest of its rows, which `_meta.content_sha256` extends.
pub fn indicator_sheet(
    ws: &mut Worksheet,
    report: &MonthReport,
    attached: &Attachment,
    f: &Formats,
) -> Result<[u8; 32], rust_xlsxwriter::XlsxError> {
    ws.set_name(SHEET_INDICATORS)?;
    let last_col = INDICATOR_HEADERS.len() as u16 - 1;
    annex(
        ws,
        ANNEX_INDICATORS,
        "Các chỉ số đo được (cộng dồn từ đầu năm)",
        attached,
        &WIDTHS,
    )?;
    let header_row = INDICATOR_HEADER_ROW;
    let columns: Vec<(&str, f64)> = INDICATOR_HEADERS
        .iter()
        .copied()
        .zip(WIDTHS.iter().copied())
        .collect();
    xlsx::header_row(ws, header_row, &columns, f)?;
    fit_height(ws, header_row, columns.iter().map(|(h, w)| (*h, w * 0.8)))?;
    let decimal = f.number.clone().set_num_format("#,##0.##");
    let formats: [&Format; 9] = [
        &f.centred, &f.text, &f.centred, &decimal, &decimal, &decimal, &decimal, &f.text, &f.date,
    ];
    let mut row = header_row + 1;
    let mut digest = SheetDigest::new(Sheet::Indicators);
    for line in &report.measured {
        let i = &line.indicator;
        let fig = line.figure.as_ref();
        let cells: [Cell; 9] = [
            i.criterion.as_str().into(),
            i.name.as_str().into(),
            i.unit.as_str().into(),
            Cell::Number(fig.and_then(|f| f.numerator)),
            Cell::Number(fig.and_then(|f| f.denominator)),
            Cell::Number(fig.map(|f| (f.value * 100.0).round() / 100.0)),
            Cell::Number(Some(i.target)),
            fig.map_or("", |f| f.source.as_str()).into(),
            Cell::Date(fig.and_then(|f| f.as_of)),
        ];
        write_row(ws, row, &cells, &formats, &WIDTHS, Some(&mut digest))?;
        row += 1;
    }
    ws.set_freeze_panes(header_row + 1, 0)?;
    ws.set_repeat_rows(header_row, header_row)?;
    ws.autofilter(header_row, 0, (row - 1).max(header_row), last_col)?;
    Ok(digest.finish())
}
