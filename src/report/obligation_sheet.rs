//! Format version 2's sheet "Việc phát sinh" (obligations counted in working
//! days) and the cover's count of obligations by status. Its vocabulary (sheet
//! name, headers, header row) is here too, shared with the collector.

use rust_xlsxwriter::{Format, Worksheet, XlsxError};

use super::content_hash::{Sheet, SheetDigest};
use super::cover::count_table;
use super::month::MonthReport;
use super::table::{plain_blanks, write_body, Cell};
use crate::obligation::ObligationStatus;
use crate::print_profile::{annex, Attachment};
use crate::xlsx::{self, Formats};

/// The sheet's name; it follows "Chỉ số".
pub const SHEET_OBLIGATIONS: &str = "Việc phát sinh";

/// The headers of "Việc phát sinh".
pub const OBLIGATION_HEADERS: [&str; 12] = [
    "STT",
    "Mã nhiệm vụ",
    "Văn bản phát sinh (số, ký hiệu)",
    "Ngày văn bản",
    "Cơ quan ban hành",
    "Ngày bắt đầu tính",
    "Số ngày làm việc",
    "Hạn xử lý",
    "Văn bản xử lý (số, ký hiệu)",
    "Ngày xử lý",
    "Số ngày làm việc đã dùng",
    "Tình trạng",
];

/// Zero-based row of the header; the obligations start on the next row.
pub const OBLIGATION_HEADER_ROW: u32 = 3;

/// Zero-based columns of "Việc phát sinh".
pub mod obligation_col {
    pub const STT: u32 = 0;
    pub const TASK: u32 = 1;
    pub const NUMBER: u32 = 2;
    pub const DATE: u32 = 3;
    pub const ISSUER: u32 = 4;
    pub const START: u32 = 5;
    pub const WORKING_DAYS: u32 = 6;
    pub const DUE: u32 = 7;
    pub const SETTLED_NUMBER: u32 = 8;
    pub const SETTLED_ON: u32 = 9;
    pub const USED: u32 = 10;
    pub const STATUS: u32 = 11;
}

/// The annex number of the sheet, after "Nhiệm vụ", "Tài liệu kiểm chứng" and "Chỉ số".
pub const ANNEX_OBLIGATIONS: u32 = 4;

const WIDTHS: [f64; 12] = [
    5.0, 10.0, 22.0, 12.0, 24.0, 12.0, 10.0, 12.0, 22.0, 12.0, 11.0, 16.0,
];

/// Writes the head of "Việc phát sinh" (its annex head and the header) into a
/// streamed sheet; [`obligation_rows`] writes the rows below it.
pub fn obligation_head(
    ws: &mut Worksheet,
    attached: &Attachment,
    f: &Formats,
) -> Result<(), XlsxError> {
    ws.set_name(SHEET_OBLIGATIONS)?;
    annex(
        ws,
        ANNEX_OBLIGATIONS,
        "Việc phát sinh tính thời hạn theo ngày làm việc",
        attached,
        &WIDTHS,
    )?;
    let columns: Vec<(&str, f64)> = OBLIGATION_HEADERS
        .iter()
        .copied()
        .zip(WIDTHS.iter().copied())
        .collect();
    xlsx::header_row(ws, OBLIGATION_HEADER_ROW, &columns, f)?;
    super::table::fit_height(
        ws,
        OBLIGATION_HEADER_ROW,
        columns.iter().map(|(h, w)| (*h, w * 0.8)),
    )?;
    Ok(())
}

/// Writes the rows of "Việc phát sinh" under [`obligation_head`]: every
/// obligation open at some time in the month or settled in it, oldest due
/// date first, overdue ones in red. Returns the digest of its rows, which
/// `_meta.content_sha256` extends.
pub fn obligation_rows(
    ws: &mut Worksheet,
    report: &MonthReport,
    f: &Formats,
) -> Result<[u8; 32], XlsxError> {
    let last_col = OBLIGATION_HEADERS.len() as u16 - 1;
    let mut digest = SheetDigest::new(Sheet::Obligations);
    let columns: [&Format; 12] = [
        &f.number, &f.centred, &f.text, &f.date, &f.text, &f.date, &f.number, &f.date, &f.text,
        &f.date, &f.number, &f.centred,
    ];
    let rows = report.obligations.iter().enumerate().map(|(i, o)| {
        let cells = [
            Cell::Number(Some((i + 1) as f64)),
            o.task.as_str().into(),
            o.number.as_str().into(),
            Cell::Date(Some(o.date)),
            o.issuer.as_str().into(),
            Cell::Date(Some(o.start)),
            Cell::Number(Some(f64::from(o.working_days))),
            Cell::Date(Some(o.due_date)),
            o.settled_number.as_deref().unwrap_or_default().into(),
            Cell::Date(o.settled_on),
            Cell::Number(Some(f64::from(o.used_working_days))),
            o.status.label().into(),
        ];
        let mut formats = columns;
        if matches!(
            o.status,
            ObligationStatus::OverdueOpen | ObligationStatus::Late
        ) {
            formats[obligation_col::STATUS as usize] = &f.alert;
        }
        let formats = plain_blanks(&cells, formats, f);
        (cells, formats)
    });
    let first = OBLIGATION_HEADER_ROW + 1;
    let row = write_body(ws, first, columns, &WIDTHS, None, Some(&mut digest), rows)?;
    ws.set_freeze_panes(first, 0)?;
    ws.set_repeat_rows(OBLIGATION_HEADER_ROW, OBLIGATION_HEADER_ROW)?;
    ws.autofilter(
        OBLIGATION_HEADER_ROW,
        0,
        (row - 1).max(OBLIGATION_HEADER_ROW),
        last_col,
    )?;
    Ok(digest.finish())
}

/// The cover's table of the month's obligations by status, from row `top`.
/// Returns the row after it.
pub fn cover_obligations(
    ws: &mut Worksheet,
    report: &MonthReport,
    top: u32,
    f: &Formats,
) -> Result<u32, XlsxError> {
    let counts: Vec<(&str, usize)> = ObligationStatus::ALL
        .into_iter()
        .map(|status| {
            let count = report
                .obligations
                .iter()
                .filter(|o| o.status == status)
                .count();
            (status.label(), count)
        })
        .collect();
    count_table(
        ws,
        top,
        "3. Việc phát sinh tính thời hạn theo ngày làm việc",
        ["STT", "Tình trạng", "Số việc"],
        &counts,
        Some(report.obligations.len()),
        f,
    )
}
