//! The consolidated workbook `TH-CCHC-<YYYY>-<MM>.xlsx` (workbook-format.md,
//! "The consolidated workbook"): sheets "Tổng hợp" (one line per agency, sent
//! or not, and a total line), "Nhiệm vụ" (every collected row, agency first),
//! "Quá hạn" (overdue rows, oldest due date first), "Chỉ số" (per criterion)
//! and the hidden "_meta". Typography, print setup and the atomic save come
//! from [`crate::xlsx`], shared with the other workbooks.

use std::path::Path;

use chrono::FixedOffset;
use rust_xlsxwriter::{Color, Format, FormatAlign, Workbook, Worksheet, XlsxError};

use super::month_text;
use super::summary::{AgencyLine, AgencyTask, Consolidation};
use crate::error::{Error, Result};
use crate::report::layout::{task_col, SHEET_META, TASK_HEADERS};
use crate::report::{date_line, fit_height, numbering_row};
use crate::status::Status;
use crate::xlsx::{self, Formats, Written};

/// The `format` value in `_meta` of the consolidated workbook.
pub const CONSOLIDATED_FORMAT: &str = "cchc-tong-hop-thang";
/// Its `format_version`.
pub const CONSOLIDATED_VERSION: u32 = 1;

pub const SHEET_SUMMARY: &str = "Tổng hợp";
pub const SHEET_TASKS: &str = "Nhiệm vụ";
pub const SHEET_OVERDUE: &str = "Quá hạn";
pub const SHEET_CRITERIA: &str = "Chỉ số";

/// The collecting office named at the head of the "Tổng hợp" sheet.
pub const OFFICE: &str = "VĂN PHÒNG UBND TỈNH";

/// Vietnam's time zone (UTC+7, no daylight saving), for the date line.
const VIETNAM: i32 = 7 * 3600;

/// Zero-based rows of every table sheet: title, subtitle, header, numbering, data.
const HEADER_ROW: u32 = 6;
const FIRST_ROW: u32 = HEADER_ROW + 2;

/// Widths (in characters) of the wrapped columns whose text sets a row's height.
const NAME_WIDTH: f64 = 34.0;
const NOTE_WIDTH: f64 = 40.0;
const CRITERION_WIDTH: f64 = 50.0;
const LAGGING_WIDTH: f64 = 30.0;

/// `TH-CCHC-<YYYY>-<MM>.xlsx` for a period `YYYY-MM`.
pub fn consolidated_file_name(period: &str) -> String {
    format!("TH-CCHC-{period}.xlsx")
}

/// Writes the consolidated workbook to `path` (a temporary file beside it,
/// renamed over it once complete).
///
/// # Errors
/// [`Error::File`] when the file cannot be written (folder missing, file open
/// in Excel, disk full); an existing file is then left untouched.
pub fn write_consolidated(c: &Consolidation, path: &Path) -> Result<()> {
    let mut book = build(c).map_err(|e| Error::File {
        path: path.display().to_string(),
        reason: format!("không tạo được nội dung tệp Excel ({e})"),
    })?;
    xlsx::save_atomically(&mut book, path)
}

/// The formats of this workbook: the shared table formats and a few for the
/// head block and the marked cells.
struct Styles {
    table: Formats,
    centre: Format,
    bold_centre: Format,
    italic_centre: Format,
    title: Format,
    percent: Format,
    score: Format,
    overdue: Format,
    total_text: Format,
    total_number: Format,
}

impl Styles {
    fn new() -> Styles {
        let table = Formats::new();
        let centre = xlsx::base().set_align(FormatAlign::Center);
        Styles {
            bold_centre: centre.clone().set_bold(),
            italic_centre: centre.clone().set_italic(),
            title: centre.clone().set_bold().set_font_size(14),
            percent: table.number.clone().set_num_format("0.0"),
            score: table.number.clone().set_num_format("0.0000"),
            overdue: table
                .text
                .clone()
                .set_font_color(Color::RGB(0xC00000))
                .set_bold(),
            total_text: table.text.clone().set_bold(),
            total_number: table.number.clone().set_bold(),
            centre,
            table,
        }
    }
}

fn build(c: &Consolidation) -> std::result::Result<Workbook, XlsxError> {
    let mut book = Workbook::new();
    let st = Styles::new();
    summary_sheet(book.add_worksheet(), c, &st)?;
    let all: Vec<&AgencyTask> = c.tasks.iter().collect();
    tasks_sheet(
        book.add_worksheet(),
        SHEET_TASKS,
        "DANH SÁCH NHIỆM VỤ",
        c,
        &all,
        &st,
    )?;
    let mut overdue: Vec<&AgencyTask> = c
        .tasks
        .iter()
        .filter(|t| t.task.status == Status::Overdue)
        .collect();
    // Stable: equal due dates keep the agencies' plan order.
    overdue.sort_by_key(|t| (t.task.due_date.is_none(), t.task.due_date));
    tasks_sheet(
        book.add_worksheet(),
        SHEET_OVERDUE,
        "NHIỆM VỤ QUÁ HẠN CHƯA HOÀN THÀNH",
        c,
        &overdue,
        &st,
    )?;
    criteria_sheet(book.add_worksheet(), c, &st)?;
    meta_sheet(book.add_worksheet(), c)?;
    Ok(book)
}

/// Names a sheet, writes its title and subtitle over `width` columns, its
/// header and "(1) (2) …" numbering rows, and sets it up for reading and
/// printing (frozen and repeated header, A4 landscape, one page wide).
fn table_sheet(
    ws: &mut Worksheet,
    name: &str,
    title: &str,
    c: &Consolidation,
    columns: &[(&str, f64)],
    st: &Styles,
) -> Written {
    ws.set_name(name)?;
    let last = columns.len().saturating_sub(1) as u16;
    ws.merge_range(HEADER_ROW - 3, 0, HEADER_ROW - 3, last, title, &st.title)?;
    let subtitle = format!(
        "Kết quả thực hiện {} – Tháng {}",
        c.plan.name,
        month_text(&c.period)
    );
    ws.merge_range(
        HEADER_ROW - 2,
        0,
        HEADER_ROW - 2,
        last,
        &subtitle,
        &st.bold_centre,
    )?;
    xlsx::header_row(ws, HEADER_ROW, columns, &st.table)?;
    // Bold headers run wider than body text, hence the narrower measure.
    fit_height(ws, HEADER_ROW, columns.iter().map(|(h, w)| (*h, w * 0.8)))?;
    numbering_row(ws, HEADER_ROW + 1, last + 1, &st.table.header)?;
    ws.set_freeze_panes(FIRST_ROW, 0)?;
    ws.set_repeat_rows(HEADER_ROW, HEADER_ROW + 1)?;
    xlsx::print_setup(ws);
    Ok(())
}

/// The head block of the collecting office: the superior body and the office
/// on the left, the national motto and the place-and-date line on the right.
fn head_block(ws: &mut Worksheet, c: &Consolidation, last: u16, st: &Styles) -> Written {
    let split = 3u16;
    let superior = format!("UBND TỈNH {}", c.plan.province.to_uppercase());
    ws.merge_range(0, 0, 0, split - 1, &superior, &st.centre)?;
    ws.merge_range(1, 0, 1, split - 1, OFFICE, &st.bold_centre)?;
    let motto = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    ws.merge_range(0, split, 0, last, motto, &st.bold_centre)?;
    ws.merge_range(
        1,
        split,
        1,
        last,
        "Độc lập - Tự do - Hạnh phúc",
        &st.bold_centre,
    )?;
    let today = match FixedOffset::east_opt(VIETNAM) {
        Some(tz) => c.generated_at.with_timezone(&tz).date_naive(),
        None => c.generated_at.date_naive(),
    };
    let date_line = date_line(&c.plan.province, today);
    ws.merge_range(2, split, 2, last, &date_line, &st.italic_centre)?;
    Ok(())
}

fn summary_sheet(ws: &mut Worksheet, c: &Consolidation, st: &Styles) -> Written {
    let mut columns: Vec<(&str, f64)> = vec![
        ("STT", 6.0),
        ("Cơ quan", NAME_WIDTH),
        ("Đã gửi báo cáo", 11.0),
        ("Ngày xuất báo cáo", 12.0),
        ("Số nhiệm vụ", 10.0),
    ];
    columns.extend(Status::ALL.iter().map(|s| (s.label(), 12.0)));
    columns.push(("Tỷ lệ hoàn thành (%)", 11.0));
    columns.push(("Ghi chú", NOTE_WIDTH));
    table_sheet(ws, SHEET_SUMMARY, "BÁO CÁO TỔNG HỢP", c, &columns, st)?;
    head_block(ws, c, columns.len() as u16 - 1, st)?;
    let mut row = FIRST_ROW;
    for (i, a) in c.agencies.iter().enumerate() {
        ws.write_number_with_format(row, 0, (i + 1) as f64, &st.table.number)?;
        agency_line(ws, row, a, &st.table.text, &st.table.number, st)?;
        row += 1;
    }
    ws.write_blank(row, 0, &st.total_number)?;
    agency_line(ws, row, &c.total, &st.total_text, &st.total_number, st)?;
    ws.autofilter(
        HEADER_ROW,
        0,
        row.saturating_sub(1).max(HEADER_ROW),
        columns.len() as u16 - 1,
    )?;
    Ok(())
}

/// Columns (2)… of an agency's line (or of the total line, which has no
/// "sent" cell and no export date).
fn agency_line(
    ws: &mut Worksheet,
    row: u32,
    a: &AgencyLine,
    text: &Format,
    number: &Format,
    st: &Styles,
) -> Written {
    let is_total = a.code.is_empty();
    xlsx::put_text(ws, row, 1, &a.name, text)?;
    let sent = match (is_total, a.sent) {
        (true, _) => "",
        (false, true) => "Đã gửi",
        (false, false) => "Chưa gửi",
    };
    xlsx::put_text(ws, row, 2, sent, &st.table.centred)?;
    xlsx::put_date(ws, row, 3, a.exported_on, &st.table.date)?;
    ws.write_number_with_format(row, 4, a.tasks as f64, number)?;
    for (i, (_, n)) in a.counts.iter().enumerate() {
        let n = (a.sent || is_total).then_some(*n as f64);
        xlsx::put_number(ws, row, 5 + i as u16, n, number)?;
    }
    let after = 5 + a.counts.len() as u16;
    xlsx::put_number(ws, row, after, a.completion, &st.percent)?;
    xlsx::put_text(ws, row, after + 1, &a.note, text)?;
    fit_height(
        ws,
        row,
        [(a.name.as_str(), NAME_WIDTH), (a.note.as_str(), NOTE_WIDTH)],
    )
}

/// The columns of the task sheets: the agency, then the agency workbook's 16.
fn task_columns() -> Vec<(&'static str, f64)> {
    const WIDTHS: [f64; 16] = [
        6.0, 11.0, 40.0, 10.0, 9.0, 18.0, 18.0, 14.0, 12.0, 18.0, 16.0, 9.0, 30.0, 18.0, 22.0, 22.0,
    ];
    let mut columns = vec![("Cơ quan", 22.0)];
    columns.extend(TASK_HEADERS.iter().copied().zip(WIDTHS));
    columns
}

fn tasks_sheet(
    ws: &mut Worksheet,
    name: &str,
    title: &str,
    c: &Consolidation,
    rows: &[&AgencyTask],
    st: &Styles,
) -> Written {
    let columns = task_columns();
    table_sheet(ws, name, title, c, &columns, st)?;
    let text = &st.table.text;
    let mut row = FIRST_ROW;
    for r in rows {
        let t = &r.task;
        let col = |c: u16| c + 1;
        xlsx::put_text(ws, row, 0, &r.agency_name, text)?;
        let stt = t.stt.parse::<f64>().ok();
        match stt {
            Some(n) => ws.write_number_with_format(row, col(task_col::STT), n, &st.table.number)?,
            None => ws.write_blank(row, col(task_col::STT), &st.table.number)?,
        };
        for (c, s) in [
            (task_col::CODE, &t.code),
            (task_col::CONTENT, &t.content),
            (task_col::CRITERIA, &t.criteria),
            (task_col::ROLE, &t.role),
            (task_col::LEAD, &t.lead),
            (task_col::PARTNERS, &t.partners),
            (task_col::DEADLINE, &t.deadline),
            (task_col::OUTPUT, &t.output),
            (task_col::RESULT, &t.result),
            (task_col::EVIDENCE, &t.evidence),
            (task_col::OBSTACLES, &t.obstacles),
            (task_col::PROPOSALS, &t.proposals),
        ] {
            xlsx::put_text(ws, row, col(c), s, text)?;
        }
        xlsx::put_date(ws, row, col(task_col::DUE_DATE), t.due_date, &st.table.date)?;
        let status_format = if t.status == Status::Overdue {
            &st.overdue
        } else {
            text
        };
        xlsx::put_text(
            ws,
            row,
            col(task_col::STATUS),
            t.status.label(),
            status_format,
        )?;
        xlsx::put_number(ws, row, col(task_col::PERCENT), t.percent, &st.table.number)?;
        let texts = [
            (r.agency_name.as_str(), 0),
            (&t.content, task_col::CONTENT + 1),
            (&t.partners, task_col::PARTNERS + 1),
            (&t.deadline, task_col::DEADLINE + 1),
            (&t.result, task_col::RESULT + 1),
            (&t.obstacles, task_col::OBSTACLES + 1),
            (&t.proposals, task_col::PROPOSALS + 1),
        ];
        fit_height(ws, row, texts.map(|(s, c)| (s, columns[usize::from(c)].1)))?;
        row += 1;
    }
    let last = columns.len() as u16 - 1;
    ws.autofilter(HEADER_ROW, 0, row.saturating_sub(1).max(HEADER_ROW), last)?;
    Ok(())
}

fn criteria_sheet(ws: &mut Worksheet, c: &Consolidation, st: &Styles) -> Written {
    let prev = format!("Điểm năm {}", c.plan.year - 1);
    let columns = [
        ("Mã tiêu chí", 10.0),
        ("Tiêu chí", CRITERION_WIDTH),
        ("Lĩnh vực", 8.0),
        ("Điểm tối đa", 10.0),
        (prev.as_str(), 10.0),
        ("Số nhiệm vụ", 10.0),
        ("Đã hoàn thành", 10.0),
        ("Cơ quan chậm tiến độ", LAGGING_WIDTH),
    ];
    table_sheet(ws, SHEET_CRITERIA, "TIẾN ĐỘ THEO TIÊU CHÍ", c, &columns, st)?;
    let text = &st.table.text;
    let mut row = FIRST_ROW;
    for k in &c.criteria {
        xlsx::put_text(ws, row, 0, &k.code, &st.table.centred)?;
        xlsx::put_text(ws, row, 1, &k.name, text)?;
        xlsx::put_number(ws, row, 2, k.field.map(f64::from), &st.table.number)?;
        ws.write_number_with_format(row, 3, k.max_score, &st.score)?;
        ws.write_number_with_format(row, 4, k.score_prev, &st.score)?;
        ws.write_number_with_format(row, 5, k.tasks as f64, &st.table.number)?;
        ws.write_number_with_format(row, 6, k.done as f64, &st.table.number)?;
        let lagging = k.lagging.join("; ");
        xlsx::put_text(ws, row, 7, &lagging, text)?;
        fit_height(
            ws,
            row,
            [
                (k.name.as_str(), CRITERION_WIDTH),
                (lagging.as_str(), LAGGING_WIDTH),
            ],
        )?;
        row += 1;
    }
    ws.autofilter(HEADER_ROW, 0, row.saturating_sub(1).max(HEADER_ROW), 7)?;
    Ok(())
}

/// Key in column A, value in B (and, for each source file, its agency, hash
/// and whether it was edited in C–E), from row 1, no header.
fn meta_sheet(ws: &mut Worksheet, c: &Consolidation) -> Written {
    ws.set_name(SHEET_META)?;
    let pairs = [
        ("format", CONSOLIDATED_FORMAT.to_string()),
        ("format_version", CONSOLIDATED_VERSION.to_string()),
        ("plan_id", c.plan_id.to_string()),
        ("plan_name", c.plan.name.clone()),
        ("period", c.period.clone()),
        ("generated_at", c.generated_at.to_rfc3339()),
        ("app_version", env!("CARGO_PKG_VERSION").to_string()),
    ];
    let mut row = 0u32;
    for (k, v) in pairs {
        ws.write_string(row, 0, k)?;
        ws.write_string(row, 1, v)?;
        row += 1;
    }
    for s in &c.sources {
        ws.write_string(row, 0, "source")?;
        ws.write_string(row, 1, &s.file_name)?;
        ws.write_string(row, 2, &s.agency_code)?;
        ws.write_string(row, 3, &s.content_sha256)?;
        ws.write_string(row, 4, if s.edited { "edited" } else { "" })?;
        row += 1;
    }
    ws.set_hidden(true);
    Ok(())
}
