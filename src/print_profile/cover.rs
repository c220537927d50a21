//! The cover of a report as Nghị định 30 lays out a báo cáo: the head block
//! (the issuing body on the left with a short rule under it, the national
//! name and motto on the right with a rule as long as the motto, the number
//! symbol and the place-and-date line), the document type and what it is
//! about, and the closing (recipients on the left, the signature on the
//! right). Every workbook's cover is written with these, in the sizes of
//! [`super::size`], on a grid of columns the caller chooses.

use rust_xlsxwriter::{Format, FormatAlign, Image, Worksheet};

use super::measure::{self, Font};
use super::size;
use crate::xlsx::{self, Written};

pub const QUOC_HIEU: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
pub const TIEU_NGU: &str = "Độc lập - Tự do - Hạnh phúc";

/// The column grid of a cover: the columns' widths (Excel units), the first
/// column of the right half (the national name, the date line) and the first
/// column of the signature block.
pub struct Grid<'a> {
    pub widths: &'a [f64],
    pub right: u16,
    pub signature: u16,
}

impl Grid<'_> {
    pub fn last(&self) -> u16 {
        self.widths.len().saturating_sub(1) as u16
    }

    /// The width in pixels of columns `from..=to`.
    fn px(&self, from: u16, to: u16) -> f64 {
        self.widths[usize::from(from)..=usize::from(to)]
            .iter()
            .map(|w| measure::column_px(*w))
            .sum()
    }

    /// The room in points for text merged across columns `from..=to`.
    fn room(&self, from: u16, to: u16) -> f64 {
        measure::text_room(self.px(from, to))
    }
}

/// The head block's own text.
pub struct Head<'a> {
    /// The parent body ("UBND TỈNH HƯNG YÊN"), or "ỦY BAN NHÂN DÂN" for a
    /// People's Committee whose name takes two lines; may be empty.
    pub parent: &'a str,
    /// True when `parent` is the first line of the body's own name (then bold).
    pub parent_is_name: bool,
    /// The issuing body in capitals ("SỞ NỘI VỤ").
    pub agency: &'a str,
    /// "Số:      /BC-SNV".
    pub number: &'a str,
    /// "Hưng Yên, ngày 05 tháng 10 năm 2024".
    pub date_line: &'a str,
}

fn centred(font: Font) -> Format {
    let f = xlsx::base()
        .set_font_size(font.size)
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::Top)
        .set_text_wrap();
    if font.bold {
        f.set_bold()
    } else {
        f
    }
}

/// Writes `text` merged across `from..=to` of `row`; returns its lines.
fn merged(
    ws: &mut Worksheet,
    grid: &Grid,
    row: u32,
    (from, to): (u16, u16),
    text: &str,
    format: &Format,
    font: Font,
) -> Result<Vec<String>, rust_xlsxwriter::XlsxError> {
    if from == to {
        ws.write_string_with_format(row, from, text, format)?;
    } else {
        ws.merge_range(row, from, row, to, text, format)?;
    }
    Ok(measure::wrap(text, grid.room(from, to), font))
}

fn height(lines: usize, font: Font) -> f64 {
    measure::row_height(lines, font)
}

/// One black pixel (a PNG, 1 × 1, 8-bit grey), stretched into a rule.
const BLACK_PIXEL: [u8; 67] = [
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x00, 0x00, 0x00, 0x00, 0x3a, 0x7e, 0x9b,
    0x55, 0x00, 0x00, 0x00, 0x0a, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x60, 0x00, 0x00, 0x00,
    0x02, 0x00, 0x01, 0x48, 0xaf, 0xa4, 0x71, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae,
    0x42, 0x60, 0x82,
];

/// A thin black rule (one pixel, 0.75 pt) `width` points long, centred in
/// columns `from..=to`, `below` points under the top of `row`.
fn rule(
    ws: &mut Worksheet,
    grid: &Grid,
    row: u32,
    (from, to): (u16, u16),
    width: f64,
    below: f64,
) -> Written {
    let px = (width / measure::PT_PER_PX).round().max(1.0);
    let x = ((grid.px(from, to) - px) / 2.0).max(0.0);
    let image = Image::new_from_buffer(&BLACK_PIXEL)?
        .set_scale_width(px)
        .set_alt_text("Đường kẻ");
    ws.insert_image_with_offset(
        row,
        from,
        &image,
        x as u32,
        (below / measure::PT_PER_PX) as u32,
    )?;
    Ok(())
}

fn widest(lines: &[String], font: Font) -> f64 {
    lines
        .iter()
        .map(|l| measure::text_width(l, font))
        .fold(0.0, f64::max)
}

/// The share of the agency's name the rule under it takes (1/3–1/2).
pub const AGENCY_RULE_SHARE: f64 = 0.4;

/// Rows 0–2: the head block. Returns the row after it.
pub fn head(ws: &mut Worksheet, grid: &Grid, h: &Head) -> Result<u32, rust_xlsxwriter::XlsxError> {
    let left = (0, grid.right - 1);
    let right = (grid.right, grid.last());
    let parent_font = Font {
        size: size::PARENT,
        bold: h.parent_is_name,
    };
    let agency_font = Font::bold(size::AGENCY);
    let quoc_hieu_font = Font::bold(size::QUOC_HIEU);
    let tieu_ngu_font = Font::bold(size::TIEU_NGU);
    let parent = merged(
        ws,
        grid,
        0,
        left,
        h.parent,
        &centred(parent_font),
        parent_font,
    )?;
    let quoc_hieu = merged(
        ws,
        grid,
        0,
        right,
        QUOC_HIEU,
        &centred(quoc_hieu_font),
        quoc_hieu_font,
    )?;
    ws.set_row_height(
        0,
        height(parent.len(), parent_font).max(height(quoc_hieu.len(), quoc_hieu_font)),
    )?;
    let agency = merged(
        ws,
        grid,
        1,
        left,
        h.agency,
        &centred(agency_font),
        agency_font,
    )?;
    let tieu_ngu = merged(
        ws,
        grid,
        1,
        right,
        TIEU_NGU,
        &centred(tieu_ngu_font),
        tieu_ngu_font,
    )?;
    // The rules go 2 points under the text's last line.
    let agency_text = agency.len() as f64 * agency_font.line_height() + 2.0;
    let tieu_ngu_text = tieu_ngu.len() as f64 * tieu_ngu_font.line_height() + 2.0;
    let rule_at = agency_text.max(tieu_ngu_text);
    ws.set_row_height(1, (rule_at + 6.0).ceil())?;
    let agency_rule = widest(&agency, agency_font) * AGENCY_RULE_SHARE;
    rule(ws, grid, 1, left, agency_rule, rule_at)?;
    rule(
        ws,
        grid,
        1,
        right,
        widest(&tieu_ngu, tieu_ngu_font),
        rule_at,
    )?;
    let number_font = Font::regular(size::NUMBER);
    let date_font = Font::regular(size::DATE_LINE);
    let number = merged(
        ws,
        grid,
        2,
        left,
        h.number,
        &centred(number_font),
        number_font,
    )?;
    let date = merged(
        ws,
        grid,
        2,
        right,
        h.date_line,
        &centred(date_font).set_italic(),
        date_font,
    )?;
    ws.set_row_height(
        2,
        height(number.len(), number_font).max(height(date.len(), date_font)),
    )?;
    Ok(3)
}

/// "BÁO CÁO" at `row`, what it is about under it with a short rule below.
/// Returns the row after them.
pub fn title(
    ws: &mut Worksheet,
    grid: &Grid,
    row: u32,
    trich_yeu: &str,
) -> Result<u32, rust_xlsxwriter::XlsxError> {
    let all = (0, grid.last());
    let doc_font = Font::bold(size::DOC_TYPE);
    // Some space above the document type, the text at the row's foot.
    let format = centred(doc_font).set_align(FormatAlign::Bottom);
    merged(ws, grid, row, all, "BÁO CÁO", &format, doc_font)?;
    ws.set_row_height(row, height(1, doc_font) + 12.0)?;
    let font = Font::bold(size::TRICH_YEU);
    let lines = merged(ws, grid, row + 1, all, trich_yeu, &centred(font), font)?;
    let rule_at = lines.len() as f64 * font.line_height() + 3.0;
    ws.set_row_height(row + 1, (rule_at + 6.0).ceil())?;
    rule(
        ws,
        grid,
        row + 1,
        all,
        widest(&lines, font) * AGENCY_RULE_SHARE,
        rule_at,
    )?;
    Ok(row + 2)
}

/// The body's formats: plain text and headings without borders, and the
/// bordered cells of a small table, all at the body's size.
pub fn body_text(bold: bool) -> Format {
    let f = xlsx::base()
        .set_font_size(size::BODY)
        .set_align(FormatAlign::Top)
        .set_text_wrap();
    if bold {
        f.set_bold()
    } else {
        f
    }
}

/// The body's font, to fit rows to.
pub const BODY: Font = Font::regular(size::BODY);

/// The recipients and the signature from `row` down. Returns the row after.
pub fn closing(
    ws: &mut Worksheet,
    grid: &Grid,
    row: u32,
    recipients: &[&str],
    signer_title: &str,
    signer: &str,
) -> Result<u32, rust_xlsxwriter::XlsxError> {
    let sign = (grid.signature, grid.last());
    let label = xlsx::base()
        .set_font_size(size::RECIPIENTS_LABEL)
        .set_bold()
        .set_italic();
    ws.write_string_with_format(row, 0, "Nơi nhận:", &label)?;
    let list = xlsx::base().set_font_size(size::RECIPIENTS);
    for (i, line) in (1u32..).zip(recipients) {
        ws.write_string_with_format(row + i, 0, *line, &list)?;
        ws.set_row_height(row + i, height(1, Font::regular(size::RECIPIENTS)))?;
    }
    let title_font = Font::bold(size::SIGNER_TITLE);
    let title = merged(
        ws,
        grid,
        row,
        sign,
        signer_title,
        &centred(title_font),
        title_font,
    )?;
    ws.set_row_height(row, height(title.len(), title_font))?;
    let note_font = Font::regular(size::SIGNER_NAME);
    let note = merged(
        ws,
        grid,
        row + 1,
        sign,
        "(Ký, ghi rõ họ tên, đóng dấu)",
        &centred(note_font).set_italic(),
        note_font,
    )?;
    ws.set_row_height(row + 1, height(note.len(), note_font))?;
    let name_row = row + recipients.len().max(1) as u32 + 4;
    let name_font = Font::bold(size::SIGNER_NAME);
    merged(
        ws,
        grid,
        name_row,
        sign,
        signer,
        &centred(name_font),
        name_font,
    )?;
    ws.set_row_height(name_row, height(1, name_font))?;
    Ok(name_row + 1)
}
