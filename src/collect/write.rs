//! The consolidated workbook `TH-CCHC-<YYYY>-<MM>.xlsx` (workbook-format.md,
//! "The consolidated workbook"): sheets "Báo cáo" (the report itself, on A4
//! portrait: [`super::cover_sheet`]), then its annexes "Tổng hợp" (one line
//! per agency, sent or not, and a total line: [`super::agency_sheet`]),
//! "Nhiệm vụ" (every collected row, agency first), "Quá hạn" (overdue rows,
//! oldest due date first), "Chỉ số" (per criterion), "Việc phát sinh" (every
//! agency's obligations), and the hidden "_meta". Typography, the print profile and the
//! atomic save are shared with the other workbooks ([`crate::print_profile`],
//! [`crate::xlsx`]).

mod obligations_sheet;

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::Path;
use std::sync::mpsc;

use chrono::{FixedOffset, NaiveDate};
use rust_xlsxwriter::{Color, Format, Workbook, Worksheet, XlsxError};

use super::agency_sheet;
use super::cover_sheet::cover_sheet;
use super::summary::{AgencyTask, Consolidation};
use super::write_indicators;
use crate::error::{Error, Result};
use crate::print_profile::measure::{self, Font};
use crate::print_profile::{annex, fit_row, height_for_lines, size, Attachment, ANNEX_HEADER_ROW};
use crate::report::layout::{task_col, SHEET_META, TASK_HEADERS};
use crate::report::{fit_height, numbering_row, plain_blanks, write_body, Cell, TABLE_FONT};
use crate::status::Status;
use crate::text::month_text;
use crate::xlsx::{self, Formats, Written};

/// The `format` value in `_meta` of the consolidated workbook.
pub const CONSOLIDATED_FORMAT: &str = "cchc-tong-hop-thang";
/// Its `format_version`: 2 since it carries version 2's content (the sheet
/// "Việc phát sinh", the obligations' column of "Tổng hợp", the estimates and
/// the province's figures in "Chỉ số"); workbook-format.md, "In the
/// consolidated workbook".
pub const CONSOLIDATED_VERSION: u32 = 2;

pub const SHEET_SUMMARY: &str = "Tổng hợp";
pub const SHEET_TASKS: &str = "Nhiệm vụ";
pub const SHEET_OVERDUE: &str = "Quá hạn";
pub const SHEET_CRITERIA: &str = "Chỉ số";

/// The collecting office, which issues the consolidated report.
pub const OFFICE: &str = "Văn phòng UBND tỉnh";
/// The office's part of the report's number symbol ("BC-VP").
pub const OFFICE_SYMBOL: &str = "VP";

/// Vietnam's time zone (UTC+7, no daylight saving), for the date line.
const VIETNAM: i32 = 7 * 3600;

/// Zero-based rows of the annexes: the annex head, the header, the numbering,
/// the data.
pub(super) const HEADER_ROW: u32 = ANNEX_HEADER_ROW;
pub(super) const FIRST_ROW: u32 = HEADER_ROW + 2;

/// Widths (in characters) of the wrapped columns whose text sets a row's height.
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

/// The formats of the annexes: the shared table formats and the marked cells.
struct Styles {
    table: Formats,
    score: Format,
    overdue: Format,
}

impl Styles {
    fn new() -> Styles {
        let table = Formats::new();
        Styles {
            score: table.number.clone().set_num_format("0.0000"),
            overdue: table
                .text
                .clone()
                .set_font_color(Color::RGB(0xC00000))
                .set_bold(),
            table,
        }
    }
}

/// The day the report is dated: its generation time in Vietnam.
pub(super) fn report_date(c: &Consolidation) -> NaiveDate {
    match FixedOffset::east_opt(VIETNAM) {
        Some(tz) => c.generated_at.with_timezone(&tz).date_naive(),
        None => c.generated_at.date_naive(),
    }
}

/// What the annexes name as the report they are attached to.
fn attachment(c: &Consolidation) -> Attachment {
    Attachment {
        symbol: format!("BC-{OFFICE_SYMBOL}"),
        date: report_date(c),
        issuer: OFFICE.to_string(),
    }
}

/// The annexes, in order, and what the cover calls them.
const ANNEX_AGENCIES: u32 = 1;
const ANNEX_TASKS: u32 = 2;
const ANNEX_OVERDUE: u32 = 3;
const ANNEX_CRITERIA: u32 = 4;
const ANNEX_OBLIGATIONS: u32 = 5;
const ANNEX_SUBJECTS: [&str; 5] = [
    "tình hình báo cáo của từng cơ quan",
    "danh sách nhiệm vụ",
    "nhiệm vụ quá hạn",
    "các chỉ số thành phần",
    "việc phát sinh",
];

fn build(c: &Consolidation) -> std::result::Result<Workbook, XlsxError> {
    let mut book = crate::print_profile::workbook()?;
    let st = Styles::new();
    cover_sheet(book.add_worksheet(), c, &ANNEX_SUBJECTS)?;
    let attached = attachment(c);
    let agencies = book.add_worksheet();
    table_sheet(
        agencies,
        (SHEET_SUMMARY, ANNEX_AGENCIES),
        "Tổng hợp tình hình báo cáo và kết quả thực hiện của các cơ quan",
        (c, &attached),
        &agency_sheet::columns(),
        &st,
    )?;
    agency_sheet::agency_rows(agencies, c)?;
    task_sheets(&mut book, c, &attached, &st)?;
    criteria_sheet(book.add_worksheet(), c, &attached, &st)?;
    obligations_sheet::obligations_sheet(book.add_worksheet(), c, &attached, &st)?;
    meta_sheet(book.add_worksheet(), c)?;
    Ok(book)
}

/// "Nhiệm vụ" (every row) and "Quá hạn" (the overdue rows, oldest due date
/// first): streamed to disk, without a table of cells in memory, on two
/// threads. "Nhiệm vụ" is in rust_xlsxwriter's low-memory mode, whose cells
/// point into the workbook's shared table of texts: the plan's texts, the
/// same for every agency, are written once instead of once per row (its XML
/// 2.4 times smaller). "Quá hạn" writes its texts in its cells (constant-memory
/// mode): beside it in the shared table they would be numbered in the order
/// the two threads happen to meet them, different from run to run.
///
/// The rows' heights are fitted ahead on the second thread, handed over to
/// "Nhiệm vụ" as they are ready, before that thread writes "Quá hạn" (its
/// rows are fewer): an overdue row, in both sheets, is fitted once.
fn task_sheets(
    book: &mut Workbook,
    c: &Consolidation,
    attached: &Attachment,
    st: &Styles,
) -> Written {
    let all: Vec<&AgencyTask> = c.tasks.iter().collect();
    let mut overdue: Vec<usize> = (0..c.tasks.len())
        .filter(|i| c.tasks[*i].task.status == Status::Overdue)
        .collect();
    // Stable: equal due dates keep the agencies' plan order.
    overdue.sort_by_key(|i| {
        let due = c.tasks[*i].task.due_date;
        (due.is_none(), due)
    });
    let overdue_rows: Vec<&AgencyTask> = overdue.iter().map(|i| &c.tasks[*i]).collect();
    let columns = task_columns();
    table_sheet(
        book.add_worksheet_with_low_memory()?,
        (SHEET_TASKS, ANNEX_TASKS),
        "Danh sách nhiệm vụ của các cơ quan",
        (c, attached),
        &columns,
        st,
    )?;
    table_sheet(
        book.add_worksheet_with_constant_memory()?,
        (SHEET_OVERDUE, ANNEX_OVERDUE),
        "Nhiệm vụ quá hạn chưa hoàn thành",
        (c, attached),
        &columns,
        st,
    )?;
    // The two sheets are written on two threads and share the workbook's
    // table of formats: every format their rows use is numbered here first.
    for format in st.table.all().into_iter().chain([&st.overdue]) {
        book.register_format(format);
    }
    let count = book.worksheets().len();
    let Some([tasks_ws, overdue_ws]) = book.worksheets_mut().get_mut(count - 2..) else {
        return Err(XlsxError::ParameterError("missing worksheets".into()));
    };
    std::thread::scope(|scope| {
        let (fitted, arriving) = mpsc::channel();
        let later = scope.spawn(move || {
            let heights = row_heights(&c.tasks, |chunk| {
                // "Nhiệm vụ" may have stopped on an error: nothing to hand over.
                let _ = fitted.send(chunk.to_vec());
            });
            drop(fitted);
            let overdue_heights: Vec<f64> = overdue.iter().map(|i| heights[*i]).collect();
            task_rows(
                overdue_ws,
                &overdue_rows,
                &mut |i| overdue_heights.get(i).copied(),
                st,
            )
        });
        let mut heights = Arriving::new(arriving);
        task_rows(tasks_ws, &all, &mut |i| heights.get(i), st)?;
        later
            .join()
            .map_err(|_| XlsxError::ParameterError("the overdue sheet's thread failed".into()))?
    })
}

/// Row heights handed over in order, a chunk at a time, by the thread that
/// fits them ([`row_heights`]).
struct Arriving {
    chunks: mpsc::Receiver<Vec<f64>>,
    heights: Vec<f64>,
}

impl Arriving {
    fn new(chunks: mpsc::Receiver<Vec<f64>>) -> Arriving {
        Arriving {
            chunks,
            heights: Vec::new(),
        }
    }

    /// Row `i`'s height, waiting for its chunk; `None` when the fitting
    /// thread stopped before it (the row is then fitted where it is written).
    fn get(&mut self, i: usize) -> Option<f64> {
        while self.heights.len() <= i {
            self.heights.extend(self.chunks.recv().ok()?);
        }
        self.heights.get(i).copied()
    }
}

/// Names an annex sheet, writes its head ("Phụ lục …", the title with the
/// month, the report it is attached to), its header and "(1) (2) …"
/// numbering rows, and freezes and repeats the header.
fn table_sheet(
    ws: &mut Worksheet,
    (name, number): (&str, u32),
    title: &str,
    (c, attached): (&Consolidation, &Attachment),
    columns: &[(&str, f64)],
    st: &Styles,
) -> Written {
    ws.set_name(name)?;
    let last = columns.len().saturating_sub(1) as u16;
    let widths: Vec<f64> = columns.iter().map(|(_, w)| *w).collect();
    let title = format!("{title} tháng {}", month_text(&c.period));
    annex(ws, number, &title, attached, &widths)?;
    xlsx::header_row(ws, HEADER_ROW, columns, &st.table)?;
    fit_row(
        ws,
        HEADER_ROW,
        columns.iter().copied(),
        Font::bold(size::TABLE),
    )?;
    numbering_row(ws, HEADER_ROW + 1, last + 1, &st.table.header)?;
    ws.set_freeze_panes(FIRST_ROW, 0)?;
    ws.set_repeat_rows(HEADER_ROW, HEADER_ROW + 1)?;
    Ok(())
}

/// The number of columns of the task sheets.
const TASK_COLUMNS: usize = TASK_HEADERS.len() + 1;

/// The columns of the task sheets: the agency, then the agency workbook's 16.
fn task_columns() -> Vec<(&'static str, f64)> {
    const WIDTHS: [f64; 16] = [
        6.0, 11.0, 40.0, 10.0, 9.0, 18.0, 18.0, 14.0, 12.0, 18.0, 16.0, 9.0, 30.0, 18.0, 22.0, 22.0,
    ];
    let mut columns = vec![("Cơ quan", 22.0)];
    columns.extend(TASK_HEADERS.iter().copied().zip(WIDTHS));
    columns
}

/// The widths of the task sheets' columns.
fn task_widths() -> [f64; TASK_COLUMNS] {
    let columns = task_columns();
    std::array::from_fn(|c| columns[c].1)
}

/// A task row's cells: the agency, then the agency workbook's columns
/// (`task_col` + 1).
fn task_cells(r: &AgencyTask) -> [Cell<'_>; TASK_COLUMNS] {
    let t = &r.task;
    [
        r.agency_name.as_str().into(),
        Cell::Number(t.stt.parse::<f64>().ok()),
        t.code.as_str().into(),
        t.content.as_str().into(),
        t.criteria.as_str().into(),
        t.role.as_str().into(),
        t.lead.as_str().into(),
        t.partners.as_str().into(),
        t.deadline.as_str().into(),
        Cell::Date(t.due_date),
        t.output.as_str().into(),
        t.status.label().into(),
        Cell::Number(t.percent),
        t.result.as_str().into(),
        t.evidence.as_str().into(),
        t.obstacles.as_str().into(),
        t.proposals.as_str().into(),
    ]
}

/// The columns of the task sheets (as `task_col`) whose texts repeat from
/// row to row: the task's code, the agency's role in it and the status word,
/// and the plan's texts, the same in every agency's row of a task.
const REPEATED_TEXTS: [u16; 9] = [
    task_col::CODE,
    task_col::ROLE,
    task_col::STATUS,
    task_col::CONTENT,
    task_col::CRITERIA,
    task_col::LEAD,
    task_col::PARTNERS,
    task_col::DEADLINE,
    task_col::OUTPUT,
];

/// How many rows' heights are handed over at a time ([`row_heights`]).
const HEIGHTS_CHUNK: usize = 256;

/// Each task row's height, fitted to its texts in the table font as every
/// table row is, in order; each [`HEIGHTS_CHUNK`] rows' heights are also
/// handed to `ready` as soon as they are fitted. A text that repeats (the
/// agency's name in its rows, and [`REPEATED_TEXTS`]) is measured once, not
/// once per row.
fn row_heights(tasks: &[AgencyTask], mut ready: impl FnMut(&[f64])) -> Vec<f64> {
    let widths = task_widths();
    // The sheets' column 0 is the agency; the others are `task_col` + 1.
    let repeated =
        |col: usize| col == 0 || REPEATED_TEXTS.iter().any(|c| usize::from(*c) + 1 == col);
    let mut measured: HashMap<(usize, &str), usize> = HashMap::new();
    let lines = |col: usize, text: &str| -> usize {
        measure::lines_in_column(text, widths[col], TABLE_FONT)
    };
    let mut heights = Vec::with_capacity(tasks.len());
    for rows in tasks.chunks(HEIGHTS_CHUNK) {
        let done = heights.len();
        heights.extend(rows.iter().map(|r| {
            let cells = task_cells(r);
            let counts = cells
                .iter()
                .enumerate()
                .filter_map(|(col, cell)| match cell {
                    Cell::Text(Cow::Borrowed(text)) if repeated(col) => Some(
                        *measured
                            .entry((col, *text))
                            .or_insert_with(|| lines(col, text)),
                    ),
                    Cell::Text(text) => Some(lines(col, text)),
                    _ => None,
                });
            height_for_lines(counts, TABLE_FONT)
        }));
        ready(&heights[done..]);
    }
    heights
}

/// The rows of a task sheet under its head, row `i` as tall as `height`
/// gives (fitted where it is written when it gives none), and its filter.
fn task_rows(
    ws: &mut Worksheet,
    rows: &[&AgencyTask],
    height: &mut dyn FnMut(usize) -> Option<f64>,
    st: &Styles,
) -> Written {
    let t = &st.table;
    // The agency, then the agency workbook's columns (`task_col` + 1).
    let formats: [&Format; TASK_COLUMNS] = [
        &t.text, &t.number, &t.text, &t.text, &t.text, &t.text, &t.text, &t.text, &t.text, &t.date,
        &t.text, &t.text, &t.number, &t.text, &t.text, &t.text, &t.text,
    ];
    let status = usize::from(task_col::STATUS) + 1;
    let cells = rows.iter().map(|r| {
        let mut row_formats = formats;
        if r.task.status == Status::Overdue {
            row_formats[status] = &st.overdue;
        }
        let cells = task_cells(r);
        let row_formats = plain_blanks(&cells, row_formats, t);
        (cells, row_formats)
    });
    // Each column carries its usual format while the rows are written, so
    // the cells that have it are written without one (`write_body`); every
    // row of "Quá hạn" is overdue, so there it is the status column's too.
    let mut usual = formats;
    if rows.iter().all(|r| r.task.status == Status::Overdue) && !rows.is_empty() {
        usual[status] = &st.overdue;
    }
    let widths = task_widths();
    let row = write_body(ws, FIRST_ROW, usual, &widths, Some(height), None, cells)?;
    let last = TASK_COLUMNS as u16 - 1;
    ws.autofilter(HEADER_ROW, 0, row.saturating_sub(1).max(HEADER_ROW), last)?;
    Ok(())
}

fn criteria_sheet(
    ws: &mut Worksheet,
    c: &Consolidation,
    attached: &Attachment,
    st: &Styles,
) -> Written {
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
        write_indicators::CRITERION_SCORE_HEADERS[0],
        write_indicators::CRITERION_SCORE_HEADERS[1],
    ];
    table_sheet(
        ws,
        (SHEET_CRITERIA, ANNEX_CRITERIA),
        "Tiến độ theo tiêu chí Chỉ số CCHC",
        (c, attached),
        &columns,
        st,
    )?;
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
        let score = write_indicators::score_of(c, &k.code);
        write_indicators::criterion_cells(ws, row, 8, score, &st.score)?;
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
    let last = columns.len() as u16 - 1;
    ws.autofilter(HEADER_ROW, 0, row.saturating_sub(1).max(HEADER_ROW), last)?;
    ws.set_column_width(10, LAGGING_WIDTH)?;
    write_indicators::indicator_table(ws, row + 2, c, &st.table, &st.score)?;
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

#[cfg(test)]
mod tests {
    use super::*;

    fn row(agency: &str, content: &str, lead: &str, result: &str) -> AgencyTask {
        AgencyTask {
            agency_code: agency.to_string(),
            agency_name: format!("Cơ quan {agency}"),
            task: crate::store::CollectedTask {
                row: 0,
                stt: "1".into(),
                code: "II.1.1".into(),
                content: content.into(),
                criteria: "3.2.1".into(),
                role: "Chủ trì".into(),
                lead: lead.into(),
                partners: String::new(),
                deadline: "Thường xuyên".into(),
                due_date: None,
                output: String::new(),
                status: Status::InProgressOnTime,
                percent: Some(50.0),
                result: result.into(),
                evidence: String::new(),
                obstacles: String::new(),
                proposals: String::new(),
            },
        }
    }

    #[test]
    fn a_repeated_text_measured_once_still_gives_each_row_the_height_of_its_own_texts() {
        const LONG_AGENCY: &str =
            "Ủy ban nhân dân xã Nghĩa Trụ, huyện Văn Giang, tỉnh Hưng Yên trước khi sáp nhập";
        let long =
            "Trình Chủ tịch UBND tỉnh công bố danh mục thủ tục hành chính mới ban hành, ".repeat(4);
        let rows = [
            row("A", &long, "Sở Tư pháp", ""),
            row(
                "B",
                &long,
                "Sở Tư pháp",
                &"Đã hoàn thành báo cáo. ".repeat(30),
            ),
            row("C", "Ngắn.", "Sở Tư pháp", ""),
            row("D", &long, "Sở Tư pháp", ""),
            row("E", "Ngắn.", &long, ""),
            row("F", &long, "Sở Tư pháp", ""),
            row("G", "Ngắn.", "Sở Tư pháp", &"Kết quả. ".repeat(60)),
            row("H", "Ngắn.", "Sở Tư pháp", ""),
            // An agency's long name, in its rows and as another's lead.
            row(LONG_AGENCY, "Ngắn.", "Sở Tư pháp", ""),
            row(LONG_AGENCY, &long, "Sở Tư pháp", ""),
            row("I", "Ngắn.", &format!("Cơ quan {LONG_AGENCY}"), ""),
        ];
        let widths = task_widths();
        let each_alone: Vec<f64> = rows
            .iter()
            .map(|r| {
                let cells = task_cells(r);
                let texts = cells
                    .iter()
                    .zip(widths)
                    .filter_map(|(cell, width)| match cell {
                        Cell::Text(text) => Some((text.as_ref(), width)),
                        _ => None,
                    });
                crate::print_profile::fitted_height(texts, TABLE_FONT)
            })
            .collect();
        assert_eq!(row_heights(&rows, |_| {}), each_alone);
        let mut distinct = each_alone.clone();
        distinct.sort_by(f64::total_cmp);
        distinct.dedup();
        assert!(
            distinct.len() >= 3,
            "the rows differ in height: {each_alone:?}"
        );
    }

    #[test]
    fn heights_are_handed_over_in_order_as_they_are_fitted_and_taken_by_row() {
        let long = "Kết quả thực hiện nhiệm vụ trong tháng. ".repeat(8);
        let rows: Vec<AgencyTask> = (0..HEIGHTS_CHUNK * 2 + 10)
            .map(|i| {
                let result: String = long.chars().take(i % 300).collect();
                row(&format!("A{}", i % 7), "Ngắn.", "Sở Tư pháp", &result)
            })
            .collect();
        let (fitted, arriving) = mpsc::channel();
        let mut sizes = Vec::new();
        let heights = row_heights(&rows, |chunk| {
            sizes.push(chunk.len());
            fitted.send(chunk.to_vec()).expect("sent");
        });
        assert_eq!(sizes, [HEIGHTS_CHUNK, HEIGHTS_CHUNK, 10]);
        assert!(
            heights.iter().any(|h| *h != heights[0]),
            "the rows differ in height"
        );
        drop(fitted);
        let mut taken = Arriving::new(arriving);
        // Asked out of order, as a sheet never does, each row still gets its own.
        assert_eq!(
            taken.get(HEIGHTS_CHUNK + 3),
            Some(heights[HEIGHTS_CHUNK + 3])
        );
        let all: Vec<Option<f64>> = (0..rows.len()).map(|i| taken.get(i)).collect();
        assert_eq!(all, heights.iter().copied().map(Some).collect::<Vec<_>>());
        assert_eq!(
            taken.get(rows.len()),
            None,
            "past the last row, once the fitting stopped"
        );
    }
}
