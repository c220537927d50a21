//! Sheet "Tổng hợp" of the consolidated workbook, Phụ lục I of the
//! collecting office's report: the table of every agency with tasks, sent or
//! not, with a total line, on A4 landscape like every annex (its head and
//! header are written as every annex's, [`super::write`]).

use rust_xlsxwriter::{Format, Worksheet};

use super::summary::{AgencyLine, Consolidation};
use super::write::{FIRST_ROW, HEADER_ROW};
use crate::print_profile::measure::Font;
use crate::print_profile::{fit_row, size};
use crate::status::Status;
use crate::xlsx::{self, Formats, Written};

/// Widths in Excel's units: 123 in all, 931 pixels with the columns'
/// padding, within the 252 mm (952 pixels) between the margins of A4
/// landscape, so the table prints at its own size.
const NAME_WIDTH: f64 = 22.0;
const SENT_WIDTH: f64 = 9.0;
const NOTE_WIDTH: f64 = 10.0;
const COUNT_WIDTH: f64 = 7.0;

/// The columns.
pub(super) fn columns() -> Vec<(&'static str, f64)> {
    let mut columns = vec![
        ("STT", 4.5),
        ("Cơ quan", NAME_WIDTH),
        ("Đã gửi báo cáo", SENT_WIDTH),
        ("Ngày xuất báo cáo", 11.5),
        ("Số nhiệm vụ", COUNT_WIDTH),
    ];
    columns.extend(Status::ALL.iter().map(|s| (s.label(), COUNT_WIDTH)));
    columns.push(("Tỷ lệ hoàn thành (%)", 8.0));
    columns.push(("Việc phát sinh đúng hạn / đã xử lý", 9.0));
    columns.push(("Ghi chú", NOTE_WIDTH));
    columns
}

/// The formats of the table.
struct Styles {
    table: Formats,
    percent: Format,
    total_text: Format,
    total_number: Format,
}

/// The agencies' rows and the total line of "Tổng hợp", under the head,
/// header and numbering [`super::write`] gives every annex.
pub(super) fn agency_rows(ws: &mut Worksheet, c: &Consolidation) -> Written {
    let table = Formats::new();
    let st = Styles {
        percent: table.number.clone().set_num_format("0.0"),
        total_text: table.text.clone().set_bold(),
        total_number: table.number.clone().set_bold(),
        table,
    };
    let mut row = FIRST_ROW;
    for (i, a) in c.agencies.iter().enumerate() {
        ws.write_number_with_format(row, 0, (i + 1) as f64, &st.table.number)?;
        agency_line(ws, row, a, (&st.table.text, &st.table.number), &st)?;
        row += 1;
    }
    ws.write_blank(row, 0, &st.total_number)?;
    agency_line(ws, row, &c.total, (&st.total_text, &st.total_number), &st)?;
    let last = columns().len() as u16 - 1;
    ws.autofilter(HEADER_ROW, 0, row.saturating_sub(1).max(HEADER_ROW), last)?;
    Ok(())
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
    let obligations = if a.sent || is_total {
        format!("{}/{}", a.obligations_on_time, a.obligations_settled)
    } else {
        String::new()
    };
    xlsx::put_text(ws, row, after + 1, &obligations, &st.table.centred)?;
    xlsx::put_text(ws, row, after + 2, &a.note, text)?;
    fit_row(
        ws,
        row,
        [
            (a.name.as_str(), NAME_WIDTH),
            (sent, SENT_WIDTH),
            (a.note.as_str(), NOTE_WIDTH),
        ],
        if is_total {
            Font::bold(size::TABLE)
        } else {
            Font::regular(size::TABLE)
        },
    )
}
