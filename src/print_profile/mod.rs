//! The print profile of every workbook the app writes, after Nghị định
//! 30/2020/NĐ-CP, Phụ lục I (thể thức văn bản hành chính): A4; the report
//! itself (the cover sheet) in portrait, its tables as numbered annexes
//! ("Phụ lục I", "Phụ lục II"…) in landscape; the decree's margins; the page
//! number in Arabic numerals centred in the top margin, none on the first
//! page, each sheet (each annex) numbered from 1 on its own; the font size of
//! each element of the cover ([`size`]); rows as tall as their text
//! ([`measure`]).
//!
//! A table sheet becomes an annex with one call, [`annex`]; a sheet that
//! only needs the page setup of a table takes [`table_page`].

pub mod cover;
mod first_page;
pub mod measure;

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{Format, FormatAlign, Workbook, Worksheet, XlsxError};

pub use first_page::number_from_second_page;
use measure::Font;

use crate::xlsx::{self, Written};

/// Font sizes in points, each within the range the decree gives.
pub mod size {
    /// Quốc hiệu "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM": 12–13, bold capitals.
    pub const QUOC_HIEU: f64 = 12.0;
    /// Tiêu ngữ "Độc lập - Tự do - Hạnh phúc": 13–14, bold.
    pub const TIEU_NGU: f64 = 13.0;
    /// The issuing body's parent ("UBND TỈNH HƯNG YÊN"): 12–13, capitals.
    pub const PARENT: f64 = 12.0;
    /// The issuing body ("SỞ NỘI VỤ"): 12–13, bold capitals.
    pub const AGENCY: f64 = 12.0;
    /// "Số: …/BC-…": 13.
    pub const NUMBER: f64 = 13.0;
    /// "Hưng Yên, ngày … tháng … năm …": 13–14, italic.
    pub const DATE_LINE: f64 = 13.0;
    /// The document type "BÁO CÁO": 13–14, bold capitals.
    pub const DOC_TYPE: f64 = 14.0;
    /// Trích yếu, what the report is about: 13–14, bold.
    pub const TRICH_YEU: f64 = 14.0;
    /// The body of the report, its small tables included: 13–14.
    pub const BODY: f64 = 13.0;
    /// The signer's title ("THỦ TRƯỞNG CƠ QUAN"): 13–14, bold capitals.
    pub const SIGNER_TITLE: f64 = 13.0;
    /// The signer's name: 13–14, bold.
    pub const SIGNER_NAME: f64 = 13.0;
    /// "Nơi nhận:": 12, bold italic.
    pub const RECIPIENTS_LABEL: f64 = 12.0;
    /// The list of recipients: 11.
    pub const RECIPIENTS: f64 = 11.0;
    /// The page number in the top margin: 13–14.
    pub const PAGE_NUMBER: f64 = 13.0;
    /// "Phụ lục I": 14, bold.
    pub const ANNEX_NUMBER: f64 = 14.0;
    /// An annex's title: 14, bold capitals.
    pub const ANNEX_TITLE: f64 = 14.0;
    /// "(Kèm theo Báo cáo số …)": 14, italic.
    pub const ANNEX_ATTACHED: f64 = 14.0;
    /// The cells of an annex's table.
    pub const TABLE: f64 = 12.0;
}

/// Margins in millimetres: top and bottom 20–25, left 30–35, right 15–20.
pub mod margin_mm {
    pub const TOP: f64 = 20.0;
    pub const BOTTOM: f64 = 20.0;
    pub const LEFT: f64 = 30.0;
    pub const RIGHT: f64 = 15.0;
    /// From the paper's top edge to the page number.
    pub const HEADER: f64 = 10.0;
    pub const FOOTER: f64 = 10.0;
}

/// Excel's paper code for A4.
const PAPER_A4: u8 = 9;

/// A new workbook whose default font is Times New Roman 12, so that Excel
/// and LibreOffice measure columns alike (a digit of it is 8 pixels in both;
/// with the default Calibri, LibreOffice makes columns about 6% wider than
/// Excel does, and text wraps differently from the rows' heights).
///
/// # Errors
/// None in practice: the default is set before any worksheet is added.
pub fn workbook() -> Result<Workbook, XlsxError> {
    let mut book = xlsx::new_workbook();
    // Times New Roman 12 on Windows Excel: rows 21 px, columns 72 px.
    book.set_default_format(&default_format(), 21, 72)?;
    Ok(book)
}

/// The workbook's default cell format: Times New Roman 12, nothing else.
pub fn default_format() -> Format {
    Format::new().set_font_name(xlsx::FONT).set_font_size(12)
}

/// Sets column `col` `width` units wide, in Excel's classic unit (a digit of
/// 11 pt Calibri, 7 pixels, plus 5 pixels of padding) whatever the default
/// font: the widths are set in pixels ([`measure::column_px`]).
pub fn set_width(ws: &mut Worksheet, col: u16, width: f64) -> Written {
    ws.set_column_width_pixels(col, measure::column_px(width) as u32)?;
    Ok(())
}

/// The page number header: the number alone, centred, Times New Roman.
pub fn page_number_header() -> String {
    format!(
        "&C&\"{},Regular\"&{}&P",
        xlsx::FONT,
        size::PAGE_NUMBER as u32
    )
}

fn inches(mm: f64) -> f64 {
    mm / 25.4
}

/// A4, the decree's margins, the page number at the top from the second
/// page, pages numbered from 1 in this sheet alone.
fn page(ws: &mut Worksheet) {
    ws.set_paper_size(PAPER_A4)
        .set_margins(
            inches(margin_mm::LEFT),
            inches(margin_mm::RIGHT),
            inches(margin_mm::TOP),
            inches(margin_mm::BOTTOM),
            inches(margin_mm::HEADER),
            inches(margin_mm::FOOTER),
        )
        .set_header(page_number_header())
        // The number keeps its size when a wide table is shrunk to the page.
        .set_header_footer_scale_with_doc(false)
        .set_print_first_page_number(1)
        .set_print_fit_to_pages(1, 0);
}

/// The report itself: A4 portrait, one page wide.
pub fn cover_page(ws: &mut Worksheet) {
    page(ws);
    ws.set_portrait();
}

/// A table: A4 landscape, one page wide, centred across the page.
pub fn table_page(ws: &mut Worksheet) {
    page(ws);
    ws.set_landscape().set_print_center_horizontally(true);
}

/// What an annex is attached to: the report's number symbol without its
/// number ("BC-SNV"; the number is given when the report is issued), its
/// date and its issuer.
#[derive(Debug, Clone, PartialEq)]
pub struct Attachment {
    pub symbol: String,
    pub date: NaiveDate,
    pub issuer: String,
}

impl Attachment {
    /// "(Kèm theo Báo cáo số      /BC-SNV ngày 05 tháng 10 năm 2024 của Sở Nội vụ)".
    pub fn line(&self) -> String {
        format!(
            "(Kèm theo Báo cáo số      /{} {} của {})",
            self.symbol,
            date_words(self.date),
            self.issuer
        )
    }
}

/// "I", "II", … "LXXXIX": the numbers of annexes.
pub fn roman(mut n: u32) -> String {
    const DIGITS: [(u32, &str); 7] = [
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, digits) in DIGITS {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

/// "ngày 05 tháng 3 năm 2024": days below 10 and the months January and
/// February take a leading zero (Nghị định 30/2020/NĐ-CP).
pub fn date_words(date: NaiveDate) -> String {
    let month = if date.month() < 3 {
        format!("{:02}", date.month())
    } else {
        date.month().to_string()
    };
    format!("ngày {:02} tháng {month} năm {}", date.day(), date.year())
}

/// The three head rows of annex `number` (rows 0–2, merged across columns
/// 0–`last_col`): "Phụ lục I" (bold), the title in capitals (bold) and the
/// line naming the report it is attached to (italic); and the page setup of
/// a table. The table's header row goes at [`ANNEX_HEADER_ROW`] or below.
///
/// `widths` are the table's column widths, from column 0: the title and the
/// attachment line get rows tall enough for them.
pub fn annex(
    ws: &mut Worksheet,
    number: u32,
    title: &str,
    attached: &Attachment,
    widths: &[f64],
) -> Written {
    let last_col = widths.len().saturating_sub(1) as u16;
    let room = measure::text_room(widths.iter().map(|w| measure::column_px(*w)).sum());
    let centred = xlsx::base()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_text_wrap();
    let lines: [(String, Format, Font); 3] = [
        (
            format!("Phụ lục {}", roman(number)),
            centred.clone().set_bold().set_font_size(size::ANNEX_NUMBER),
            Font::bold(size::ANNEX_NUMBER),
        ),
        (
            crate::text::clean(&title.to_uppercase()),
            centred.clone().set_bold().set_font_size(size::ANNEX_TITLE),
            Font::bold(size::ANNEX_TITLE),
        ),
        (
            attached.line(),
            centred.set_italic().set_font_size(size::ANNEX_ATTACHED),
            Font::regular(size::ANNEX_ATTACHED),
        ),
    ];
    for (row, (text, format, font)) in (0u32..).zip(lines) {
        ws.merge_range(row, 0, row, last_col, &text, &format)?;
        let n = measure::wrap(&text, room, font).len();
        ws.set_row_height(row, measure::row_height(n, font))?;
    }
    table_page(ws);
    Ok(())
}

/// The first row an annex's table header can take.
pub const ANNEX_HEADER_ROW: u32 = 3;

/// Sets a row just tall enough for the tallest of its wrapped texts, each
/// given with the width of its column (in Excel's units) and printed in
/// `font`.
pub fn fit_row<'a>(
    ws: &mut Worksheet,
    row: u32,
    texts: impl IntoIterator<Item = (&'a str, f64)>,
    font: Font,
) -> Written {
    ws.set_row_height(row, fitted_height(texts, font))?;
    Ok(())
}

/// The height [`fit_row`] sets for these texts.
pub fn fitted_height<'a>(texts: impl IntoIterator<Item = (&'a str, f64)>, font: Font) -> f64 {
    height_for_lines(
        texts
            .into_iter()
            .map(|(text, width)| measure::lines_in_column(text, width, font)),
        font,
    )
}

/// The height of a row whose cells' texts wrap to `lines` lines each (one
/// line when it has none), for a caller that counts the lines itself.
pub fn height_for_lines(lines: impl IntoIterator<Item = usize>, font: Font) -> f64 {
    measure::row_height(lines.into_iter().max().unwrap_or(1), font)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn annexes_are_numbered_in_roman_numerals() {
        let got: Vec<String> = [1, 2, 3, 4, 5, 9, 14, 40].map(roman).to_vec();
        assert_eq!(got, ["I", "II", "III", "IV", "V", "IX", "XIV", "XL"]);
    }

    #[test]
    fn the_attachment_line_names_the_report_its_date_and_issuer() {
        let a = Attachment {
            symbol: "BC-SNV".into(),
            date: NaiveDate::from_ymd_opt(2024, 10, 5).expect("date"),
            issuer: "Sở Nội vụ".into(),
        };
        assert_eq!(
            a.line(),
            "(Kèm theo Báo cáo số      /BC-SNV ngày 05 tháng 10 năm 2024 của Sở Nội vụ)"
        );
    }

    #[test]
    fn the_page_number_is_the_number_alone_in_13_point_times() {
        assert_eq!(page_number_header(), "&C&\"Times New Roman,Regular\"&13&P");
    }
}
