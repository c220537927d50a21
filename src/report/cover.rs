//! The "Báo cáo" sheet: the head of a Vietnamese administrative report (the
//! agency on the left, the national motto and the place-and-date line on the
//! right), the title, the summary tables, the recipients and the signature.

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{Format, FormatAlign, Worksheet};

use super::layout;
use super::month::MonthReport;
use super::sheets::month_label;
use crate::plan::AgencyKind;
use crate::status::Status;
use crate::text;
use crate::xlsx::{self, Formats, Written};

/// Column widths of the cover: STT, label, two figures, a gap, three columns
/// under the signature.
const WIDTHS: [f64; 8] = [7.0, 52.0, 15.0, 15.0, 4.0, 16.0, 16.0, 16.0];
const LAST_COL: u16 = 7;

/// "Hưng Yên, ngày 05 tháng 3 năm 2024": days below 10 and the months
/// January and February take a leading zero (Nghị định 30/2020/NĐ-CP).
pub fn date_line(place: &str, date: NaiveDate) -> String {
    let month = if date.month() < 3 {
        format!("{:02}", date.month())
    } else {
        date.month().to_string()
    };
    format!(
        "{place}, ngày {:02} tháng {month} năm {}",
        date.day(),
        date.year()
    )
}

/// The two lines of the head block's left side and the issuer part of the
/// report's number symbol. A department is headed by the province's People's
/// Committee above its own name ("UBND TỈNH HƯNG YÊN" / "SỞ NỘI VỤ", "BC-SNV");
/// a district or commune People's Committee heads its own documents
/// ("ỦY BAN NHÂN DÂN" / "HUYỆN KHOÁI CHÂU", "BC-UBND"); a central body's
/// superior is not in the plan, so its line is left empty.
fn head_block(report: &MonthReport) -> (String, String, String) {
    let name = &report.agency.name;
    match AgencyKind::parse(&report.agency.kind) {
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

/// Writes the cover sheet. `signer` is the head of the agency, when known.
pub fn cover_sheet(
    ws: &mut Worksheet,
    report: &MonthReport,
    today: NaiveDate,
    signer: Option<&str>,
    f: &Formats,
) -> Written {
    ws.set_name(layout::SHEET_COVER)?;
    for (col, width) in (0u16..).zip(WIDTHS) {
        ws.set_column_width(col, width)?;
    }
    let centre = xlsx::base().set_align(FormatAlign::Center).set_text_wrap();
    let bold = centre.clone().set_bold();
    let italic = centre.clone().set_italic();
    // Head block: the agency on the left, the motto on the right.
    let (superior, agency, issuer) = head_block(report);
    // "ỦY BAN NHÂN DÂN" is the first line of the agency's own name: bold.
    let superior_format = if issuer == "UBND" { &bold } else { &centre };
    ws.merge_range(0, 0, 0, 1, &superior, superior_format)?;
    ws.merge_range(
        0,
        2,
        0,
        LAST_COL,
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        &bold,
    )?;
    ws.merge_range(1, 0, 1, 1, &agency, &bold)?;
    ws.merge_range(
        1,
        2,
        1,
        LAST_COL,
        "Độc lập - Tự do - Hạnh phúc",
        &bold
            .clone()
            .set_underline(rust_xlsxwriter::FormatUnderline::Single),
    )?;
    let number = format!("Số:        /BC-{issuer}");
    ws.merge_range(2, 0, 2, 1, &number, &centre)?;
    ws.merge_range(
        2,
        2,
        2,
        LAST_COL,
        &date_line(&report.plan.province, today),
        &italic,
    )?;
    // Title.
    ws.merge_range(
        4,
        0,
        4,
        LAST_COL,
        "BÁO CÁO",
        &bold.clone().set_font_size(14),
    )?;
    let subtitle = format!(
        "Kết quả thực hiện {} – {}",
        report.plan.name,
        month_label(&report.period)
    );
    ws.merge_range(5, 0, 5, LAST_COL, &subtitle, &bold)?;
    ws.set_row_height(5, 34)?;
    let row = status_table(ws, report, 7, f)?;
    let row = figures_table(ws, report, row + 1, f)?;
    let row = super::obligation_sheet::cover_obligations(ws, report, row + 1, f)?;
    closing(ws, row + 1, signer, &centre, &bold)?;
    xlsx::print_setup(ws);
    ws.set_print_fit_to_pages(1, 1);
    Ok(())
}

fn section(ws: &mut Worksheet, row: u32, title: &str) -> Written {
    let format = xlsx::base().set_bold();
    ws.merge_range(row, 0, row, 3, title, &format)?;
    Ok(())
}

/// The count and share of the agency's tasks in each status, and the total.
/// Returns the row after the table.
fn status_table(
    ws: &mut Worksheet,
    report: &MonthReport,
    top: u32,
    f: &Formats,
) -> Result<u32, rust_xlsxwriter::XlsxError> {
    section(ws, top, "1. Tình trạng thực hiện các nhiệm vụ của cơ quan")?;
    let header = top + 1;
    for (col, text) in (0u16..).zip(["STT", "Tình trạng", "Số nhiệm vụ", "Tỷ lệ (%)"])
    {
        ws.write_string_with_format(header, col, text, &f.header)?;
    }
    let total = report.tasks().len();
    let share = f.number.clone().set_num_format("0.0");
    let mut row = header + 1;
    for (n, status) in (1u32..).zip(Status::ALL) {
        let count = report.status.counts.get(status);
        ws.write_number_with_format(row, 0, n, &f.number)?;
        ws.write_string_with_format(row, 1, status.label(), &f.text)?;
        ws.write_number_with_format(row, 2, count as f64, &f.number)?;
        ws.write_number_with_format(row, 3, percent_of(count, total), &share)?;
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
    section(ws, top, "2. Một số chỉ tiêu trong tháng")?;
    let header = top + 1;
    for (col, text) in (0u16..).zip(["STT", "Nội dung", "Số lượng"]) {
        ws.write_string_with_format(header, col, text, &f.header)?;
    }
    let figures = [
        ("Nhiệm vụ đến hạn trong tháng", report.due_this_month.len()),
        ("Nhiệm vụ quá hạn chưa hoàn thành", report.overdue.len()),
        (
            "Tài liệu kiểm chứng ban hành trong tháng",
            report.evidence_this_month,
        ),
    ];
    let mut row = header + 1;
    for (n, (label, count)) in (1u32..).zip(figures) {
        ws.write_number_with_format(row, 0, n, &f.number)?;
        ws.write_string_with_format(row, 1, label, &f.text)?;
        ws.write_number_with_format(row, 2, count as f64, &f.number)?;
        row += 1;
    }
    Ok(row)
}

/// "Nơi nhận" at the bottom left, the signature block at the bottom right.
fn closing(
    ws: &mut Worksheet,
    top: u32,
    signer: Option<&str>,
    centre: &Format,
    bold: &Format,
) -> Written {
    let left = xlsx::base().set_font_size(11);
    ws.write_string_with_format(top, 0, "Nơi nhận:", &left.clone().set_bold().set_italic())?;
    for (i, line) in ["- Văn phòng UBND tỉnh;", "- Sở Nội vụ;", "- Lưu: VT."]
        .iter()
        .enumerate()
    {
        ws.write_string_with_format(top + 1 + i as u32, 0, *line, &left)?;
    }
    ws.merge_range(top, 5, top, LAST_COL, "THỦ TRƯỞNG CƠ QUAN", bold)?;
    ws.merge_range(
        top + 1,
        5,
        top + 1,
        LAST_COL,
        "(Ký, ghi rõ họ tên, đóng dấu)",
        &centre.clone().set_italic(),
    )?;
    let name = signer.map(text::clean).unwrap_or_default();
    ws.merge_range(top + 6, 5, top + 6, LAST_COL, &name, bold)?;
    Ok(())
}
