//! What every workbook the app writes shares: Times New Roman cell formats,
//! dates as real Excel dates, and saving through a temporary file that is
//! renamed over the target, so a failed export never leaves a half-written
//! file behind. The page setup, the cover and the annexes are the print
//! profile's ([`crate::print_profile`]).

use std::path::Path;

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{
    Color, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

use crate::disk::Latch;
use crate::durable::NewFile;
use crate::error::{Error, Result};
use crate::print_profile::{self, size};

/// What rust_xlsxwriter calls return while a sheet is being written.
pub type Written = std::result::Result<(), XlsxError>;

/// The font of Vietnamese administrative documents.
pub const FONT: &str = "Times New Roman";
/// The size of table cells (the print profile's [`size::TABLE`]).
pub const FONT_SIZE: f64 = size::TABLE;

/// The table cell formats every sheet uses.
pub struct Formats {
    /// Bold, centred, shaded header cell.
    pub header: Format,
    /// Wrapped text cell with a thin border.
    pub text: Format,
    /// Centred text cell (codes, short labels).
    pub centred: Format,
    /// Number cell with a thin border.
    pub number: Format,
    /// Date cell shown `dd/mm/yyyy`.
    pub date: Format,
    /// A bold shaded row that heads a group of rows.
    pub heading: Format,
    /// A centred cell that must catch the eye: dark red on light red.
    pub alert: Format,
    /// Wrapped text in a small font, for long codes such as hashes.
    pub small: Format,
}

impl Formats {
    /// The formats of an annex's table, at [`FONT_SIZE`].
    pub fn new() -> Formats {
        Formats::sized(FONT_SIZE)
    }

    /// The same formats at another size (a table in a cover's body).
    pub fn sized(size: f64) -> Formats {
        let cell = base()
            .set_font_size(size)
            .set_border(FormatBorder::Thin)
            .set_align(FormatAlign::Top)
            .set_text_wrap();
        Formats {
            header: cell
                .clone()
                .set_bold()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_background_color(Color::RGB(0xD9E1F2)),
            centred: cell.clone().set_align(FormatAlign::Center),
            number: base()
                .set_font_size(size)
                .set_border(FormatBorder::Thin)
                .set_align(FormatAlign::Top)
                .set_align(FormatAlign::Center),
            date: cell
                .clone()
                .set_num_format("dd/mm/yyyy")
                .set_align(FormatAlign::Center),
            heading: cell
                .clone()
                .set_bold()
                .set_background_color(Color::RGB(0xF2F2F2)),
            alert: cell
                .clone()
                .set_align(FormatAlign::Center)
                .set_bold()
                .set_font_color(Color::RGB(0x9C0006))
                .set_background_color(Color::RGB(0xFFC7CE)),
            small: cell.clone().set_font_size(size * 0.75),
            text: cell,
        }
    }

    /// Whether an empty cell of `format` looks like an empty `text` cell: a
    /// thin border and no shading (its font and alignment show only on a
    /// value).
    pub fn is_plain(&self, format: &Format) -> bool {
        [
            &self.text,
            &self.centred,
            &self.number,
            &self.date,
            &self.small,
        ]
        .into_iter()
        .any(|plain| std::ptr::eq(plain, format))
    }

    /// Every format, to register with a workbook before threads write cells.
    pub fn all(&self) -> [&Format; 8] {
        [
            &self.header,
            &self.text,
            &self.centred,
            &self.number,
            &self.date,
            &self.heading,
            &self.alert,
            &self.small,
        ]
    }
}

impl Default for Formats {
    fn default() -> Formats {
        Formats::new()
    }
}

/// Times New Roman at body size, no borders: the start of every format.
pub fn base() -> Format {
    Format::new().set_font_name(FONT).set_font_size(FONT_SIZE)
}

/// The page setup of a table sheet: [`print_profile::table_page`].
pub fn print_setup(ws: &mut Worksheet) {
    print_profile::table_page(ws);
}

/// Names the sheet and writes a header row at `row` (widths in characters).
pub fn header_row(
    ws: &mut Worksheet,
    row: u32,
    columns: &[(&str, f64)],
    formats: &Formats,
) -> Written {
    for (col, (header, width)) in (0u16..).zip(columns) {
        ws.write_string_with_format(row, col, *header, &formats.header)?;
        print_profile::set_width(ws, col, *width)?;
    }
    Ok(())
}

/// Writes text as a string (never a formula, whatever it starts with), or a
/// bordered blank cell when it is empty; a text longer than a cell holds is
/// cut by [`fit_cell`].
pub fn put_text(ws: &mut Worksheet, row: u32, col: u16, s: &str, format: &Format) -> Written {
    if s.is_empty() {
        ws.write_blank(row, col, format)?;
    } else {
        ws.write_string_with_format(row, col, fit_cell(s), format)?;
    }
    Ok(())
}

/// What ends a text cut to fit a cell.
const CUT_MARK: &str = " […]";

/// The text, or for one longer than an Excel cell holds
/// ([`crate::text::MAX_CELL_CHARS`]) its beginning followed by " […]". Every
/// text the app stores is refused at entry when it is too long; this is the
/// last guard for texts joined at export (the numbers of a task's evidence),
/// so that nothing stored can make a workbook impossible to write.
pub fn fit_cell(s: &str) -> std::borrow::Cow<'_, str> {
    use crate::text::{cell_length, MAX_CELL_CHARS};
    if s.len() <= MAX_CELL_CHARS || cell_length(s) <= MAX_CELL_CHARS {
        return std::borrow::Cow::Borrowed(s);
    }
    let room = MAX_CELL_CHARS - cell_length(CUT_MARK);
    let mut units = 0;
    let mut end = 0;
    for (i, c) in s.char_indices() {
        units += c.len_utf16();
        if units > room {
            break;
        }
        end = i + c.len_utf8();
    }
    std::borrow::Cow::Owned(format!("{}{CUT_MARK}", &s[..end]))
}

/// Writes a number, or a bordered blank cell when there is none.
pub fn put_number(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    n: Option<f64>,
    format: &Format,
) -> Written {
    match n {
        Some(n) => ws.write_number_with_format(row, col, n, format)?,
        None => ws.write_blank(row, col, format)?,
    };
    Ok(())
}

/// Writes a real Excel date, or a bordered blank cell when there is none.
pub fn put_date(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    d: Option<NaiveDate>,
    format: &Format,
) -> Written {
    match d.and_then(excel_date) {
        Some(d) => ws.write_datetime_with_format(row, col, d, format)?,
        None => ws.write_blank(row, col, format)?,
    };
    Ok(())
}

/// A date as Excel stores it (years 1900–9999).
pub fn excel_date(d: NaiveDate) -> Option<ExcelDateTime> {
    let year = u16::try_from(d.year()).ok()?;
    ExcelDateTime::from_ymd(year, d.month() as u8, d.day() as u8).ok()
}

/// Writes a hidden sheet `name` of key/value rows, for machines (`_meta`).
pub fn meta_sheet(ws: &mut Worksheet, name: &str, rows: &[(&str, String)]) -> Written {
    ws.set_name(name)?;
    for (row, (key, value)) in (0u32..).zip(rows) {
        ws.write_string(row, 0, *key)?;
        ws.write_string(row, 1, value)?;
    }
    ws.set_column_width(0, 18)?;
    ws.set_column_width(1, 70)?;
    ws.set_hidden(true);
    Ok(())
}

/// A new workbook compressed by rust_xlsxwriter at its quickest level, 1 (it
/// refuses 0, no compression): every worksheet, nearly all of a package, is
/// compressed again when saved, at level 2, by the first-page copy
/// ([`crate::print_profile::number_from_second_page`]); only the small parts
/// keep level 1. Level 2 rather than 3 makes the 10,000-task report 2.2 MB
/// instead of 2.0 MB, compressed faster (docs/performance.md).
pub fn new_workbook() -> Workbook {
    let mut book = Workbook::new();
    book.set_zip_compression_level(1);
    book
}

/// Why a workbook was not written when the library, not the disk, failed
/// (the library's error goes to the log as the source).
const NOT_WRITTEN: &str = "không tạo được nội dung tệp Excel";

/// Saves the workbook to `path` through a [`NewFile`] (a temporary file in the
/// same folder, synced, renamed over the target, the folder synced), its
/// sheets' first pages without a page number
/// ([`print_profile::number_from_second_page`]). On any error the target is
/// untouched and the temporary file is removed.
///
/// # Errors
/// [`Error::File`] naming the target: a folder that does not exist or cannot be
/// written, a full disk, or a target held open by another program (Excel on
/// Windows locks the files it has open).
pub fn save_atomically(book: &mut Workbook, path: &Path) -> Result<()> {
    let mut new = NewFile::beside(path, ".xlsx.tmp")?;
    let package = book.save_to_buffer().map_err(|e| match e {
        XlsxError::IoError(io) => Error::file(path, &io),
        other => Error::library(path, NOT_WRITTEN, other),
    })?;
    // Behind a latch, a zip writer dropped after a failed write (a full disk)
    // finishes into nothing instead of printing its debug text.
    let mut latch = Latch::new(new.file());
    let written = print_profile::number_from_second_page(&package, &mut latch).map(drop);
    if let Some(io) = latch.into_error() {
        // The disk's own error (a full disk, a removed stick), in Vietnamese.
        return Err(Error::file(path, &io));
    }
    written.map_err(|e| match e {
        zip::result::ZipError::Io(io) => Error::file(path, &io),
        other => Error::library(path, NOT_WRITTEN, other),
    })?;
    new.commit(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{cell_length, MAX_CELL_CHARS};

    #[test]
    fn a_text_longer_than_a_cell_is_cut_to_fit_and_marked() {
        let long = "ă".repeat(MAX_CELL_CHARS + 10);
        let cut = fit_cell(&long);
        assert_eq!(cell_length(&cut), MAX_CELL_CHARS);
        assert!(cut.ends_with(CUT_MARK), "the cut is marked");
        let exact = "a".repeat(MAX_CELL_CHARS);
        assert_eq!(fit_cell(&exact), exact.as_str(), "a text that fits is kept");
    }
}
