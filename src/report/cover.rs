//! The "Báo cáo" sheet, the report itself on A4 portrait as Nghị định 30 lays
//! out a báo cáo ([`crate::print_profile::cover`]): the head block (the agency
//! on the left, the national name and motto and the place-and-date line on
//! the right), "BÁO CÁO" and what it is about, the summary tables (the body),
//! the recipients and the signature.

use chrono::NaiveDate;
use rust_xlsxwriter::Worksheet;

use super::layout;
use super::month::MonthReport;
use super::sheets::month_label;
use crate::plan::AgencyKind;
use crate::print_profile::cover::{self, Grid, Head, BODY};
use crate::print_profile::measure::Font;
use crate::print_profile::{self, date_words, fit_row, size, Attachment};
use crate::status::Status;
use crate::text;
use crate::xlsx::{Formats, Written};

/// Column widths of the cover on A4 portrait (165 mm between the margins):
/// STT, label, two figures, a gap, three columns under the signature. The
/// issuing body takes the first two, the national name the rest.
const WIDTHS: [f64; 8] = [6.0, 27.0, 12.0, 12.0, 4.0, 7.4, 7.4, 7.4];
pub(crate) const GRID: Grid = Grid {
    widths: &WIDTHS,
    right: 2,
    signature: 3,
};

/// "Hưng Yên, ngày 05 tháng 3 năm 2024" (Nghị định 30/2020/NĐ-CP).
pub fn date_line(place: &str, date: NaiveDate) -> String {
    format!("{place}, {}", date_words(date))
}

/// The two lines of the head block's left side and the issuer part of the
/// report's number symbol. A department is headed by the province's People's
/// Committee above its own name ("UBND TỈNH HƯNG YÊN" / "SỞ NỘI VỤ", "BC-SNV");
/// a district or commune People's Committee heads its own documents
/// ("ỦY BAN NHÂN DÂN" / "HUYỆN KHOÁI CHÂU", "BC-UBND"); a central body's
/// superior is not in the plan, so its line is left empty.
fn head_block(report: &MonthReport) -> (String, String, String) {
    let name = &report.agency.name;
    match report.agency.kind.agency_kind() {
        Some(AgencyKind::UbndHuyen | AgencyKind::UbndXa) => {
            let place = name.strip_prefix("UBND ").unwrap_or(name);
            ("ỦY BAN NHÂN DÂN".into(), upper(place), "UBND".into())
        }
        Some(AgencyKind::SoBanNganh | AgencyKind::Khac) => (
            upper(&format!("UBND tỉnh {}", report.plan.province)),
            upper(name),
            report.agency.code.clone(),
        ),
        _ => (String::new(), upper(name), report.agency.code.clone()),
    }
}

fn upper(s: &str) -> String {
    text::clean(&s.to_uppercase())
}

/// What the report's annexes name as the report they are attached to.
pub fn attachment(report: &MonthReport, today: NaiveDate) -> Attachment {
    let (_, _, issuer) = head_block(report);
    Attachment {
        symbol: format!("BC-{issuer}"),
        date: today,
        issuer: report.agency.name.clone(),
    }
}

/// Writes the cover sheet, a báo cáo on A4 portrait. `signer` is the head of
/// the agency, when known.
pub fn cover_sheet(
    ws: &mut Worksheet,
    report: &MonthReport,
    today: NaiveDate,
    signer: Option<&str>,
) -> Written {
    ws.set_name(layout::SHEET_COVER)?;
    for (col, width) in (0u16..).zip(WIDTHS) {
        print_profile::set_width(ws, col, width)?;
    }
    let (parent, agency, issuer) = head_block(report);
    let number = format!("Số:        /BC-{issuer}");
    let row = cover::head(
        ws,
        &GRID,
        &Head {
            parent: &parent,
            // "ỦY BAN NHÂN DÂN" is the first line of the agency's own name.
            parent_is_name: issuer == "UBND",
            agency: &agency,
            number: &number,
            date_line: &date_line(&report.plan.province, today),
        },
    )?;
    let trich_yeu = format!(
        "Kết quả thực hiện {} – {}",
        report.plan.name,
        month_label(&report.period)
    );
    let row = cover::title(ws, &GRID, row, &trich_yeu)?;
    let f = Formats::sized(size::BODY);
    let top = gap(ws, row)?;
    let row = status_table(
        ws,
        top,
        "1. Tình trạng thực hiện các nhiệm vụ của cơ quan",
        |status| report.status.counts.get(status),
        &f,
    )?;
    let top = gap(ws, row)?;
    let row = figures_table(ws, report, top, &f)?;
    let top = gap(ws, row)?;
    let row = super::obligation_sheet::cover_obligations(ws, report, top, &f)?;
    let closing = gap(ws, row)?;
    let name = signer.map(text::clean).unwrap_or_default();
    cover::closing(
        ws,
        &GRID,
        closing,
        &["- Văn phòng UBND tỉnh;", "- Sở Nội vụ;", "- Lưu: VT."],
        "THỦ TRƯỞNG CƠ QUAN",
        &name,
    )?;
    print_profile::cover_page(ws);
    Ok(())
}

/// Height of the empty row between two parts of the cover: a half line, so
/// that the report with its three tables and the signature keeps to one page.
const GAP: f64 = 9.0;

/// Leaves row `row` empty and half a line tall; returns the row after it.
pub(crate) fn gap(ws: &mut Worksheet, row: u32) -> Result<u32, rust_xlsxwriter::XlsxError> {
    ws.set_row_height(row, GAP)?;
    Ok(row + 1)
}

/// A numbered section title across the cover.
fn section(ws: &mut Worksheet, row: u32, title: &str) -> Written {
    ws.merge_range(row, 0, row, GRID.last(), title, &cover::body_text(true))?;
    fit_row(
        ws,
        row,
        [(title, WIDTHS.iter().sum::<f64>())],
        Font::bold(size::BODY),
    )
}

/// A row of a small table: sets its height for the label in column 1, and
/// the header's for the headers.
pub(super) fn fit_table_row(ws: &mut Worksheet, row: u32, texts: &[&str], header: bool) -> Written {
    let font = if header { Font::bold(size::BODY) } else { BODY };
    fit_row(ws, row, texts.iter().copied().zip(WIDTHS), font)
}

/// A numbered section `title`: the count of tasks in each status (`count`)
/// and its share of them all, and the total. Returns the row after the table.
pub(crate) fn status_table(
    ws: &mut Worksheet,
    top: u32,
    title: &str,
    count: impl Fn(Status) -> usize,
    f: &Formats,
) -> Result<u32, rust_xlsxwriter::XlsxError> {
    section(ws, top, title)?;
    let header = top + 1;
    let headers = ["STT", "Tình trạng", "Số nhiệm vụ", "Tỷ lệ (%)"];
    for (col, text) in (0u16..).zip(headers) {
        ws.write_string_with_format(header, col, text, &f.header)?;
    }
    fit_table_row(ws, header, &headers, true)?;
    let total: usize = Status::ALL.into_iter().map(&count).sum();
    let share = f.number.clone().set_num_format("0.0");
    let mut row = header + 1;
    for (n, status) in (1u32..).zip(Status::ALL) {
        let count = count(status);
        ws.write_number_with_format(row, 0, n, &f.number)?;
        ws.write_string_with_format(row, 1, status.label(), &f.text)?;
        ws.write_number_with_format(row, 2, count as f64, &f.number)?;
        ws.write_number_with_format(row, 3, percent_of(count, total), &share)?;
        fit_table_row(ws, row, &["", status.label()], false)?;
        row += 1;
    }
    let bold_text = f.text.clone().set_bold();
    ws.write_blank(row, 0, &f.number)?;
    ws.write_string_with_format(row, 1, "Tổng cộng", &bold_text)?;
    ws.write_number_with_format(row, 2, total as f64, &f.number.clone().set_bold())?;
    ws.write_number_with_format(
        row,
        3,
        if total > 0 { 100.0 } else { 0.0 },
        &share.set_bold(),
    )?;
    fit_table_row(ws, row, &[], false)?;
    Ok(row + 1)
}

/// A count as a percent of a total, to one decimal (0 when the total is 0).
fn percent_of(count: usize, total: usize) -> f64 {
    if total == 0 {
        return 0.0;
    }
    (count as f64 * 1000.0 / total as f64).round() / 10.0
}

/// Tasks due this month, overdue tasks, evidence of the month.
fn figures_table(
    ws: &mut Worksheet,
    report: &MonthReport,
    top: u32,
    f: &Formats,
) -> Result<u32, rust_xlsxwriter::XlsxError> {
    count_table(
        ws,
        top,
        "2. Một số chỉ tiêu trong tháng",
        ["STT", "Nội dung", "Số lượng"],
        &[
            ("Nhiệm vụ đến hạn trong tháng", report.due_this_month.len()),
            ("Nhiệm vụ quá hạn chưa hoàn thành", report.overdue.len()),
            (
                "Tài liệu kiểm chứng ban hành trong tháng",
                report.evidence_this_month,
            ),
        ],
        None,
        f,
    )
}

/// A numbered section of counts: STT, the label across the status table's
/// label and count columns (so that no label wraps and the cover keeps to
/// one page), the count under its share; with `total`, a bold "Tổng cộng"
/// row ends it. Returns the row after the table.
pub(crate) fn count_table(
    ws: &mut Worksheet,
    top: u32,
    title: &str,
    headers: [&str; 3],
    rows: &[(&str, usize)],
    total: Option<usize>,
    f: &Formats,
) -> Result<u32, rust_xlsxwriter::XlsxError> {
    section(ws, top, title)?;
    let label_width = WIDTHS[1] + WIDTHS[2];
    let header = top + 1;
    ws.write_string_with_format(header, 0, headers[0], &f.header)?;
    ws.merge_range(header, 1, header, 2, headers[1], &f.header)?;
    ws.write_string_with_format(header, 3, headers[2], &f.header)?;
    fit_row(
        ws,
        header,
        [(headers[1], label_width), (headers[2], WIDTHS[3])],
        Font::bold(size::BODY),
    )?;
    let bold = (f.text.clone().set_bold(), f.number.clone().set_bold());
    let lines = rows
        .iter()
        .enumerate()
        .map(|(i, (label, count))| (Some(i as u32 + 1), *label, *count, (&f.text, &f.number)));
    let total = total.map(|count| (None, "Tổng cộng", count, (&bold.0, &bold.1)));
    let mut row = header + 1;
    for (n, label, count, (text, number)) in lines.chain(total) {
        match n {
            Some(n) => ws.write_number_with_format(row, 0, n, &f.number)?,
            None => ws.write_blank(row, 0, &f.number)?,
        };
        ws.merge_range(row, 1, row, 2, label, text)?;
        ws.write_number_with_format(row, 3, count as f64, number)?;
        fit_row(ws, row, [(label, label_width)], BODY)?;
        row += 1;
    }
    Ok(row)
}
