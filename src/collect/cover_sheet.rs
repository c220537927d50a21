//! The "Tổng hợp" sheet of the consolidated workbook: the collecting office's
//! báo cáo on A4 portrait (Nghị định 30 head block, "BÁO CÁO" and what it is
//! about), the table of every agency with tasks, sent or not, with a total
//! line, and the closing. The table is the report's body, so its columns are
//! narrow enough for the portrait page: the counts' headers are turned on
//! their side.

use rust_xlsxwriter::{Format, Worksheet};

use super::month_text;
use super::summary::{AgencyLine, Consolidation};
use super::write::{report_date, OFFICE, OFFICE_SYMBOL, SHEET_SUMMARY};
use crate::print_profile::cover::{self, Grid, Head};
use crate::print_profile::measure::{self, Font};
use crate::print_profile::{self, fit_row};
use crate::report::{date_line, numbering_row};
use crate::status::Status;
use crate::xlsx::{self, Formats, Written};

/// The table's font: small enough for thirteen columns across A4 portrait.
const TABLE_SIZE: f64 = 10.0;
/// Zero-based rows: the head block (0–2), "BÁO CÁO" and what it is about
/// (3–4), the header, the numbering, the agencies.
const HEADER_ROW: u32 = 6;
const FIRST_ROW: u32 = HEADER_ROW + 2;

/// Widths in Excel's units, 623 pixels in all: the 165 mm between the
/// margins of A4 portrait.
const NAME_WIDTH: f64 = 12.6;
const NOTE_WIDTH: f64 = 10.1;
/// A count's column: two lines of its header turned on its side.
const COUNT_WIDTH: f64 = 4.6;

/// The columns and whether their header is turned on its side.
fn columns() -> Vec<(&'static str, f64, bool)> {
    let mut columns = vec![
        ("STT", 4.0, false),
        ("Cơ quan", NAME_WIDTH, false),
        ("Đã gửi báo cáo", 7.3, false),
        ("Ngày xuất báo cáo", 9.3, false),
        ("Số nhiệm vụ", COUNT_WIDTH, true),
    ];
    columns.extend(Status::ALL.iter().map(|s| (s.label(), COUNT_WIDTH, true)));
    columns.push(("Tỷ lệ hoàn thành (%)", COUNT_WIDTH, true));
    columns.push(("Ghi chú", NOTE_WIDTH, false));
    columns
}

/// The formats of the table.
struct Styles {
    table: Formats,
    turned: Format,
    percent: Format,
    total_text: Format,
    total_number: Format,
}

pub(super) fn summary_sheet(ws: &mut Worksheet, c: &Consolidation) -> Written {
    ws.set_name(SHEET_SUMMARY)?;
    let columns = columns();
    let widths: Vec<f64> = columns.iter().map(|(_, w, _)| *w).collect();
    for (col, w) in (0u16..).zip(&widths) {
        print_profile::set_width(ws, col, *w)?;
    }
    let grid = Grid {
        widths: &widths,
        right: 4,
        signature: 7,
    };
    let number = format!("Số:        /BC-{OFFICE_SYMBOL}");
    let superior = format!("UBND TỈNH {}", c.plan.province.to_uppercase());
    let row = cover::head(
        ws,
        &grid,
        &Head {
            parent: &superior,
            parent_is_name: false,
            agency: &OFFICE.to_uppercase(),
            number: &number,
            date_line: &date_line(&c.plan.province, report_date(c)),
        },
    )?;
    let about = format!(
        "Tổng hợp kết quả thực hiện {} – Tháng {}",
        c.plan.name,
        month_text(&c.period)
    );
    cover::title(ws, &grid, row, &about)?;
    let table = Formats::sized(TABLE_SIZE);
    let st = Styles {
        turned: table.header.clone().set_rotation(90),
        percent: table.number.clone().set_num_format("0.0"),
        total_text: table.text.clone().set_bold(),
        total_number: table.number.clone().set_bold(),
        table,
    };
    header(ws, &columns, &st)?;
    let mut row = FIRST_ROW;
    for (i, a) in c.agencies.iter().enumerate() {
        ws.write_number_with_format(row, 0, (i + 1) as f64, &st.table.number)?;
        agency_line(ws, row, a, (&st.table.text, &st.table.number), &st)?;
        row += 1;
    }
    ws.write_blank(row, 0, &st.total_number)?;
    agency_line(ws, row, &c.total, (&st.total_text, &st.total_number), &st)?;
    let last = columns.len() as u16 - 1;
    ws.autofilter(HEADER_ROW, 0, row.saturating_sub(1).max(HEADER_ROW), last)?;
    ws.set_freeze_panes(FIRST_ROW, 0)?;
    ws.set_repeat_rows(HEADER_ROW, HEADER_ROW + 1)?;
    cover::closing(
        ws,
        &grid,
        row + 2,
        &["- UBND tỉnh (để báo cáo);", "- Sở Nội vụ;", "- Lưu: VT."],
        "CHÁNH VĂN PHÒNG",
        "",
    )?;
    print_profile::cover_page(ws);
    Ok(())
}

/// The header row (the counts' headers on their side, in two lines) and
/// the "(1) (2) …" numbering under it.
fn header(ws: &mut Worksheet, columns: &[(&str, f64, bool)], st: &Styles) -> Written {
    let font = Font::bold(TABLE_SIZE);
    let mut height: f64 = 0.0;
    for (col, (text, width, turned)) in (0u16..).zip(columns) {
        let format = if *turned {
            &st.turned
        } else {
            &st.table.header
        };
        ws.write_string_with_format(HEADER_ROW, col, *text, format)?;
        let needed = if *turned {
            measure::room_for_lines(text, 2, font) + 6.0
        } else {
            measure::row_height(measure::lines_in_column(text, *width, font), font)
        };
        height = height.max(needed);
    }
    ws.set_row_height(HEADER_ROW, height.ceil())?;
    numbering_row(ws, HEADER_ROW + 1, columns.len() as u16, &st.table.header)
}

/// Columns (2)… of an agency's line (or of the total line, which has no
/// "sent" cell and no export date).
fn agency_line(
    ws: &mut Worksheet,
    row: u32,
    a: &AgencyLine,
    (text, number): (&Format, &Format),
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
    fit_row(
        ws,
        row,
        [(a.name.as_str(), NAME_WIDTH), (a.note.as_str(), NOTE_WIDTH)],
        Font::regular(TABLE_SIZE),
    )
}
