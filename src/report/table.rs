//! The table cells of the monthly workbook: each value written once, with its
//! format, and turned into the canonical text the content hash is made of.

use std::borrow::Cow;

use chrono::NaiveDate;
use rust_xlsxwriter::{Format, Worksheet, XlsxError};

use super::content_hash::{canonical_date, canonical_number, SheetDigest};
use crate::print_profile::{self, measure::Font};
use crate::xlsx::{self, Written};

/// A data cell of a table row (text borrowed from the report where it can be).
#[derive(Debug, Clone, PartialEq)]
pub enum Cell<'a> {
    Text(Cow<'a, str>),
    Number(Option<f64>),
    Date(Option<NaiveDate>),
}

impl Cell<'_> {
    /// The cell's text as the content hash sees it ("" when empty).
    pub fn canonical(&self) -> Cow<'_, str> {
        match self {
            // As written: a text too long for a cell is cut the same way.
            Cell::Text(s) => xlsx::fit_cell(s),
            Cell::Number(n) => Cow::Owned(n.map(canonical_number).unwrap_or_default()),
            Cell::Date(d) => Cow::Owned(d.map(canonical_date).unwrap_or_default()),
        }
    }
}

impl<'a> From<&'a str> for Cell<'a> {
    fn from(s: &'a str) -> Cell<'a> {
        Cell::Text(Cow::Borrowed(s))
    }
}

impl From<String> for Cell<'_> {
    fn from(s: String) -> Cell<'static> {
        Cell::Text(Cow::Owned(s))
    }
}

/// Sets a row tall enough for its longest wrapped text, in the table font
/// ([`print_profile::fit_row`]). Viewers do not agree on growing rows by
/// themselves (LibreOffice keeps the default height of files it did not
/// write), so the height is written explicitly.
pub fn fit_height<'a>(
    ws: &mut Worksheet,
    row: u32,
    texts: impl IntoIterator<Item = (&'a str, f64)>,
) -> Written {
    print_profile::fit_row(ws, row, texts, TABLE_FONT)
}

/// The font table cells are fitted in ([`write_row`], [`write_body`]), for a
/// caller that fits rows ahead.
pub const TABLE_FONT: Font = Font::regular(print_profile::size::TABLE);

/// The texts of a row with their columns' widths, for its height.
fn texts<'a>(cells: &'a [Cell], widths: &'a [f64]) -> impl Iterator<Item = (&'a str, f64)> {
    cells
        .iter()
        .zip(widths)
        .filter_map(|(cell, width)| match cell {
            Cell::Text(s) => Some((s.as_ref(), *width)),
            _ => None,
        })
}

/// Writes a row of cells from column 0, each with its format, sets the row's
/// height to fit its widths, and adds the row to `digest` when the sheet is
/// one the content hash covers.
pub fn write_row(
    ws: &mut Worksheet,
    row: u32,
    cells: &[Cell],
    formats: &[&Format],
    widths: &[f64],
    digest: Option<&mut SheetDigest>,
) -> Written {
    write_cells(ws, row, cells, formats, &[])?;
    finish_row(ws, row, (cells, widths), None, digest)
}

/// Writes the data rows of a long table into a streamed sheet from
/// `first_row` down, each row its cells and their formats, and returns the
/// row below the last. `columns` is each column's usual format; the rows go
/// into `digest` when the sheet is one the content hash covers. Each row is
/// as tall as its texts need ([`fit_height`]), or as `heights` gives it
/// (row by row) when the caller fitted the rows ahead.
///
/// rust_xlsxwriter finds a formatted cell's style by hashing its whole
/// `Format`, which costs more than the rest of writing the cell. A cell
/// written without a format takes its column's format when its row is
/// written out, so while the rows are written each column carries its usual
/// format and the cells that have it are written without one. A streamed
/// sheet writes a row out when the next row starts, and its last row when
/// the workbook is saved: so the last row is written with its formats, and
/// the column formats are taken off after it, leaving nothing outside the
/// table formatted. The cells come out exactly as with a format each. Only
/// for a streamed sheet (`add_worksheet_with_constant_memory`): an ordinary
/// sheet writes all its rows at save time, when the bare cells would find
/// their columns plain.
pub fn write_body<'c, 'f, const N: usize>(
    ws: &mut Worksheet,
    first_row: u32,
    columns: [&Format; N],
    widths: &[f64; N],
    heights: Option<&[f64]>,
    mut digest: Option<&mut SheetDigest>,
    rows: impl ExactSizeIterator<Item = ([Cell<'c>; N], [&'f Format; N])>,
) -> Result<u32, XlsxError> {
    for (col, format) in (0u16..).zip(columns) {
        ws.set_column_format(col, format)?;
    }
    let last = rows.len().saturating_sub(1);
    let mut row = first_row;
    for (i, (cells, formats)) in rows.enumerate() {
        let carried: &[&Format] = if i < last { &columns } else { &[] };
        write_cells(ws, row, &cells, &formats, carried)?;
        let height = heights.and_then(|h| h.get(i).copied());
        finish_row(ws, row, (&cells, widths), height, digest.as_deref_mut())?;
        row += 1;
    }
    let plain = print_profile::default_format();
    for col in 0..N as u16 {
        ws.set_column_format(col, &plain)?;
    }
    Ok(row)
}

/// Writes the cells of a row from column 0; a cell with a value whose format
/// is its column's in `carried` is written without one (see [`write_body`]).
fn write_cells(
    ws: &mut Worksheet,
    row: u32,
    cells: &[Cell],
    formats: &[&Format],
    carried: &[&Format],
) -> Written {
    for ((col, cell), format) in (0u16..).zip(cells).zip(formats) {
        let in_column = carried
            .get(usize::from(col))
            .is_some_and(|c| std::ptr::eq(*c, *format));
        if in_column && put_bare(ws, row, col, cell)? {
            continue;
        }
        match cell {
            Cell::Text(s) => xlsx::put_text(ws, row, col, s, format)?,
            Cell::Number(n) => xlsx::put_number(ws, row, col, *n, format)?,
            Cell::Date(d) => xlsx::put_date(ws, row, col, *d, format)?,
        }
    }
    Ok(())
}

/// Writes a cell's value without a format; false, writing nothing, when it
/// has none (an empty cell needs its own format to keep its borders).
fn put_bare(ws: &mut Worksheet, row: u32, col: u16, cell: &Cell) -> Result<bool, XlsxError> {
    match cell {
        Cell::Text(s) if !s.is_empty() => ws.write_string(row, col, xlsx::fit_cell(s))?,
        Cell::Number(Some(n)) => ws.write_number(row, col, *n)?,
        Cell::Date(Some(d)) => match xlsx::excel_date(*d) {
            Some(d) => ws.write_datetime(row, col, d)?,
            None => return Ok(false),
        },
        _ => return Ok(false),
    };
    Ok(true)
}

/// Sets a written row's height (to fit its texts, unless given) and adds it
/// to `digest`.
fn finish_row(
    ws: &mut Worksheet,
    row: u32,
    (cells, widths): (&[Cell], &[f64]),
    height: Option<f64>,
    digest: Option<&mut SheetDigest>,
) -> Written {
    match height {
        Some(height) => {
            ws.set_row_height(row, height)?;
        }
        None => fit_height(ws, row, texts(cells, widths))?,
    }
    if let Some(digest) = digest {
        let canonical: Vec<Cow<str>> = cells.iter().map(Cell::canonical).collect();
        digest.row(canonical.iter().map(|c| c.as_ref()));
    }
    Ok(())
}

/// Row numbers "(1) (2) …" under a header, as Vietnamese forms have.
pub fn numbering_row(ws: &mut Worksheet, row: u32, columns: u16, format: &Format) -> Written {
    for col in 0..columns {
        ws.write_string_with_format(row, col, format!("({})", col + 1), format)?;
    }
    Ok(())
}
