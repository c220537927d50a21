//! Sheet "Báo cáo" of the consolidated workbook: the collecting office's
//! báo cáo on A4 portrait, laid out as the agencies' own reports are
//! ([`crate::report::GRID`]): the Nghị định 30 head block, "BÁO CÁO" and what
//! it is about, then the body at its size: who sent a report, the tasks of
//! the reports received by status, the obligations settled on time; where
//! the annexes give the details; the recipients and the signature.

use rust_xlsxwriter::Worksheet;

use super::summary::Consolidation;
use super::write::{report_date, OFFICE, OFFICE_SYMBOL};
use crate::print_profile::cover::{self, Head};
use crate::print_profile::{self, fit_row, roman, size};
use crate::report::layout::SHEET_COVER;
use crate::report::{count_table, date_line, gap, status_table, GRID};
use crate::text::month_text;
use crate::xlsx::{Formats, Written};

/// Writes the cover. `annexes` are the annexes' subjects, Phụ lục I first.
pub(super) fn cover_sheet(ws: &mut Worksheet, c: &Consolidation, annexes: &[&str]) -> Written {
    ws.set_name(SHEET_COVER)?;
    for (col, width) in (0u16..).zip(GRID.widths) {
        print_profile::set_width(ws, col, *width)?;
    }
    let number = format!("Số:        /BC-{OFFICE_SYMBOL}");
    let superior = format!("UBND TỈNH {}", c.plan.province.to_uppercase());
    let row = cover::head(
        ws,
        &GRID,
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
    let row = cover::title(ws, &GRID, row, &about)?;
    let f = Formats::sized(size::BODY);
    let sent = c.agencies.iter().filter(|a| a.sent).count();
    let top = gap(ws, row)?;
    let row = count_table(
        ws,
        top,
        "1. Tình hình gửi báo cáo của các cơ quan",
        ["STT", "Nội dung", "Số cơ quan"],
        &[
            ("Cơ quan có nhiệm vụ trong Kế hoạch", c.agencies.len()),
            ("Đã gửi báo cáo", sent),
            ("Chưa gửi báo cáo", c.agencies.len() - sent),
        ],
        None,
        &f,
    )?;
    let top = gap(ws, row)?;
    let row = status_table(
        ws,
        top,
        "2. Tình trạng thực hiện nhiệm vụ theo các báo cáo đã nhận",
        |status| {
            c.total
                .counts
                .iter()
                .find(|(s, _)| *s == status)
                .map_or(0, |(_, n)| *n)
        },
        &f,
    )?;
    let top = gap(ws, row)?;
    let row = count_table(
        ws,
        top,
        "3. Việc phát sinh tính thời hạn theo ngày làm việc",
        ["STT", "Nội dung", "Số việc"],
        &[
            ("Đã xử lý", c.total.obligations_settled),
            ("Trong đó: xử lý đúng hạn", c.total.obligations_on_time),
        ],
        None,
        &f,
    )?;
    let row = gap(ws, row)?;
    let row = annex_line(ws, row, annexes)?;
    let closing = gap(ws, row)?;
    cover::closing(
        ws,
        &GRID,
        closing,
        &["- UBND tỉnh (để báo cáo);", "- Sở Nội vụ;", "- Lưu: VT."],
        "CHÁNH VĂN PHÒNG",
        "",
    )?;
    print_profile::cover_page(ws);
    Ok(())
}

/// "Chi tiết tại các phụ lục kèm theo: Phụ lục I – …; Phụ lục II – …." across
/// the cover. Returns the row after it.
fn annex_line(
    ws: &mut Worksheet,
    row: u32,
    annexes: &[&str],
) -> Result<u32, rust_xlsxwriter::XlsxError> {
    let list: Vec<String> = (1u32..)
        .zip(annexes)
        .map(|(n, subject)| format!("Phụ lục {} – {subject}", roman(n)))
        .collect();
    let text = format!("Chi tiết tại các phụ lục kèm theo: {}.", list.join("; "));
    ws.merge_range(row, 0, row, GRID.last(), &text, &cover::body_text(false))?;
    fit_row(
        ws,
        row,
        [(text.as_str(), GRID.widths.iter().sum::<f64>())],
        cover::BODY,
    )?;
    Ok(row + 1)
}
