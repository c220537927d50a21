//! The table sheets of the monthly workbook: "Nhiệm vụ", "Tài liệu kiểm chứng"
//! and "Chỉ số". The first two return the digest of their data rows, which
//! `_meta.content_sha256` is computed from.

use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, DataValidationRule, Format, FormatAlign, Worksheet,
};

use super::content_hash::{Sheet, SheetDigest};
use super::layout::{
    self, task_col, EVIDENCE_HEADERS, TASK_FIRST_ROW, TASK_HEADERS, TASK_HEADER_ROW,
};
use super::month::MonthReport;
use super::table::{numbering_row, plain_blanks, write_body, write_row, Cell};
use crate::print_profile::measure::Font;
use crate::print_profile::{annex, fit_row, size, Attachment};
use crate::status::Status;
use crate::xlsx::{self, Formats, Written};

type Digest = Result<[u8; 32], rust_xlsxwriter::XlsxError>;

/// Column widths of "Nhiệm vụ", in characters, chosen so that the sheet
/// printed one page wide on A4 landscape stays readable.
const TASK_WIDTHS: [f64; 16] = [
    5.0, 9.0, 36.0, 9.0, 9.0, 15.0, 18.0, 12.0, 11.0, 15.0, 13.0, 8.0, 28.0, 14.0, 15.0, 15.0,
];
const EVIDENCE_WIDTHS: [f64; 9] = [5.0, 20.0, 12.0, 24.0, 50.0, 14.0, 12.0, 24.0, 20.0];
/// The same widths as the row heights are fitted to them: the SHA-256 column
/// is in a 9 pt font, so a line of it holds 12/9 as many characters.
const EVIDENCE_FIT_WIDTHS: [f64; 9] = [
    5.0,
    20.0,
    12.0,
    24.0,
    50.0,
    14.0,
    12.0,
    24.0,
    20.0 * 12.0 / 9.0,
];
const CRITERIA_WIDTHS: [f64; 9] = [9.0, 55.0, 30.0, 10.0, 10.0, 11.0, 10.0, 10.0, 11.0];

/// "Tháng 09/2024" from "2024-09".
pub fn month_label(period: &str) -> String {
    match period.split_once('-') {
        Some((y, m)) => format!("Tháng {m}/{y}"),
        None => period.to_string(),
    }
}

/// The annexes of the monthly workbook, in order.
const ANNEX_TASKS: u32 = 1;
const ANNEX_EVIDENCE: u32 = 2;
const ANNEX_CRITERIA: u32 = 3;

/// Writes a table's header row at `row`, tall enough for its wrapped bold
/// headers.
fn header(ws: &mut Worksheet, row: u32, headers: &[&str], widths: &[f64], f: &Formats) -> Written {
    let columns: Vec<(&str, f64)> = headers
        .iter()
        .copied()
        .zip(widths.iter().copied())
        .collect();
    xlsx::header_row(ws, row, &columns, f)?;
    fit_row(ws, row, columns, Font::bold(size::TABLE))
}

/// The annex head, header and numbering row of the "Nhiệm vụ" sheet: one
/// row per task follows ([`tasks_rows`]), with the status as a drop-down
/// list, the percent validated 0–100 and overdue tasks in red.
pub fn tasks_head(
    ws: &mut Worksheet,
    report: &MonthReport,
    attached: &Attachment,
    f: &Formats,
) -> Written {
    ws.set_name(layout::SHEET_TASKS)?;
    let last_col = TASK_HEADERS.len() as u16 - 1;
    let title = format!(
        "Kết quả thực hiện nhiệm vụ {}",
        month_label(&report.period).to_lowercase()
    );
    annex(ws, ANNEX_TASKS, &title, attached, &TASK_WIDTHS)?;
    header(ws, TASK_HEADER_ROW, &TASK_HEADERS, &TASK_WIDTHS, f)?;
    let numbering = f.header.clone().set_italic().unset_bold();
    numbering_row(ws, TASK_HEADER_ROW + 1, last_col + 1, &numbering)
}

/// The task rows of "Nhiệm vụ", below [`tasks_head`]; every format they use
/// is one of `f`'s. Returns the rows' digest.
pub fn tasks_rows(ws: &mut Worksheet, report: &MonthReport, f: &Formats) -> Digest {
    let last_col = TASK_HEADERS.len() as u16 - 1;
    let evidence = report.evidence_numbers();
    let mut digest = SheetDigest::new(Sheet::Tasks);
    let columns: [&Format; 16] = [
        &f.number, &f.centred, &f.text, &f.centred, &f.centred, &f.text, &f.text, &f.text, &f.date,
        &f.text, &f.centred, &f.number, &f.text, &f.text, &f.text, &f.text,
    ];
    let rows = report.tasks().iter().enumerate().map(|(i, t)| {
        let partners: Vec<&str> = t.task.partners.iter().map(|p| report.name_of(p)).collect();
        let cells = [
            Cell::Number(Some((i + 1) as f64)),
            t.code.as_str().into(),
            t.task.content.as_str().into(),
            t.task.criteria.join("; ").into(),
            t.role.label().into(),
            report.name_of(&t.task.lead).into(),
            partners.join("; ").into(),
            t.task.deadline.as_str().into(),
            Cell::Date(t.due_date),
            t.task.output.as_deref().unwrap_or_default().into(),
            t.status.label().into(),
            Cell::Number(t.percent.map(f64::from)),
            t.result.as_str().into(),
            evidence
                .get(t.code.as_str())
                .map(|numbers| numbers.join("; "))
                .unwrap_or_default()
                .into(),
            t.obstacles.as_str().into(),
            t.proposals.as_str().into(),
        ];
        let mut formats = columns;
        if t.status == Status::Overdue {
            formats[usize::from(task_col::STATUS)] = &f.alert;
        }
        let formats = plain_blanks(&cells, formats, f);
        (cells, formats)
    });
    let row = write_body(
        ws,
        TASK_FIRST_ROW,
        columns,
        &TASK_WIDTHS,
        None,
        Some(&mut digest),
        rows,
    )?;
    ws.set_freeze_panes(TASK_FIRST_ROW, task_col::CONTENT)?;
    ws.set_repeat_rows(TASK_HEADER_ROW, TASK_HEADER_ROW + 1)?;
    // The filter sits on the numbering row, just above the data, so sorting
    // and filtering never move the header or the numbering.
    ws.autofilter(
        TASK_HEADER_ROW + 1,
        0,
        (row - 1).max(TASK_HEADER_ROW + 1),
        last_col,
    )?;
    if row > TASK_FIRST_ROW {
        validate_status_and_percent(ws, row - 1)?;
    }
    Ok(digest.finish())
}

/// The status column accepts only the status words; the percent column only
/// whole numbers from 0 to 100.
fn validate_status_and_percent(ws: &mut Worksheet, last_row: u32) -> Written {
    let labels: Vec<&str> = Status::ALL.iter().map(|s| s.label()).collect();
    let status = DataValidation::new()
        .allow_list_strings(&labels)?
        .set_error_style(DataValidationErrorStyle::Stop)
        .set_error_title("Tình trạng không hợp lệ")?
        .set_error_message("Hãy chọn một tình trạng trong danh sách.")?;
    ws.add_data_validation(
        TASK_FIRST_ROW,
        task_col::STATUS,
        last_row,
        task_col::STATUS,
        &status,
    )?;
    let percent = DataValidation::new()
        .allow_whole_number(DataValidationRule::Between(0, 100))
        .set_error_style(DataValidationErrorStyle::Stop)
        .set_error_title("Tiến độ không hợp lệ")?
        .set_error_message("Tiến độ là một số nguyên từ 0 đến 100.")?;
    ws.add_data_validation(
        TASK_FIRST_ROW,
        task_col::PERCENT,
        last_row,
        task_col::PERCENT,
        &percent,
    )?;
    Ok(())
}

/// Zero-based row of the evidence sheet's header.
const EVIDENCE_HEADER_ROW: u32 = 3;

/// The annex head and header of the "Tài liệu kiểm chứng" sheet (rows,
/// newest document first, come from [`evidence_rows`]).
pub fn evidence_head(
    ws: &mut Worksheet,
    report: &MonthReport,
    attached: &Attachment,
    f: &Formats,
) -> Written {
    ws.set_name(layout::SHEET_EVIDENCE)?;
    let title = format!(
        "Danh mục tài liệu kiểm chứng {}",
        month_label(&report.period).to_lowercase()
    );
    annex(ws, ANNEX_EVIDENCE, &title, attached, &EVIDENCE_WIDTHS)?;
    header(
        ws,
        EVIDENCE_HEADER_ROW,
        &EVIDENCE_HEADERS,
        &EVIDENCE_WIDTHS,
        f,
    )
}

/// The rows of "Tài liệu kiểm chứng", below [`evidence_head`]; every format
/// they use is one of `f`'s. Returns the rows' digest.
pub fn evidence_rows(ws: &mut Worksheet, report: &MonthReport, f: &Formats) -> Digest {
    let last_col = EVIDENCE_HEADERS.len() as u16 - 1;
    let header_row = EVIDENCE_HEADER_ROW;
    let formats: [&Format; 9] = [
        &f.number, &f.text, &f.date, &f.text, &f.text, &f.text, &f.centred, &f.text, &f.small,
    ];
    let mut digest = SheetDigest::new(Sheet::Evidence);
    let rows = report.evidence.iter().enumerate().map(|(i, e)| {
        let cells = [
            Cell::Number(Some((i + 1) as f64)),
            e.number.as_str().into(),
            Cell::Date(Some(e.date)),
            e.issuer.as_str().into(),
            e.summary.as_str().into(),
            e.tasks.join("; ").into(),
            e.criteria.join("; ").into(),
            e.file_name.as_deref().unwrap_or_default().into(),
            e.file_sha256.as_deref().unwrap_or_default().into(),
        ];
        let formats = plain_blanks(&cells, formats, f);
        (cells, formats)
    });
    let row = write_body(
        ws,
        header_row + 1,
        formats,
        &EVIDENCE_FIT_WIDTHS,
        None,
        Some(&mut digest),
        rows,
    )?;
    table_finish(ws, header_row, row, last_col)?;
    Ok(digest.finish())
}

/// The "Chỉ số" sheet: the criteria the agency's tasks serve, scores with
/// four decimals.
pub fn criteria_sheet(
    ws: &mut Worksheet,
    report: &MonthReport,
    attached: &Attachment,
    f: &Formats,
) -> Written {
    ws.set_name(layout::SHEET_CRITERIA)?;
    let headers = layout::criteria_headers(report.plan.year);
    let last_col = headers.len() as u16 - 1;
    annex(
        ws,
        ANNEX_CRITERIA,
        "Các tiêu chí Chỉ số CCHC do nhiệm vụ của cơ quan phục vụ",
        attached,
        &CRITERIA_WIDTHS,
    )?;
    let header_row = 3;
    let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
    header(ws, header_row, &headers, &CRITERIA_WIDTHS, f)?;
    let score = f
        .number
        .clone()
        .set_num_format("0.0000")
        .set_align(FormatAlign::Right);
    let formats: [&Format; 9] = [
        &f.centred, &f.text, &f.text, &score, &score, &score, &score, &f.number, &f.number,
    ];
    let mut row = header_row + 1;
    for c in &report.criteria {
        let cells = [
            c.code.as_str().into(),
            c.name.as_str().into(),
            c.field.as_str().into(),
            Cell::Number(Some(c.max_score)),
            Cell::Number(Some(c.score_prev)),
            Cell::Number(Some(c.points_lost)),
            Cell::Number(Some(c.target)),
            Cell::Number(Some(c.tasks as f64)),
            Cell::Number(Some(c.done as f64)),
        ];
        write_row(ws, row, &cells, &formats, &CRITERIA_WIDTHS, None)?;
        row += 1;
    }
    table_finish(ws, header_row, row, last_col)
}

/// Freezes and repeats the header and filters the table.
fn table_finish(ws: &mut Worksheet, header_row: u32, end_row: u32, last_col: u16) -> Written {
    ws.set_freeze_panes(header_row + 1, 0)?;
    ws.set_repeat_rows(header_row, header_row)?;
    ws.autofilter(header_row, 0, (end_row - 1).max(header_row), last_col)?;
    Ok(())
}
