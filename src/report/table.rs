//! The table cells of the monthly workbook: each value written once, with its
//! format, and turned into the canonical text the content hash is made of.

use std::borrow::Cow;

use chrono::NaiveDate;
use rust_xlsxwriter::{ExcelDateTime, Format, Worksheet, XlsxError};

use super::content_hash::{canonical_date, canonical_number, SheetDigest};
use crate::print_profile::{self, measure::Font};
use crate::xlsx::{self, Formats, Written};

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

    /// What Excel is given for the cell: `None` for a blank one (no text, no
    /// number, no date Excel can hold); a text too long for a cell is cut.
    fn value(&self) -> Option<Value<'_>> {
        match self {
            Cell::Text(s) if !s.is_empty() => Some(Value::Text(xlsx::fit_cell(s))),
            Cell::Number(Some(n)) => Some(Value::Number(*n)),
            Cell::Date(Some(d)) => xlsx::excel_date(*d).map(Value::Date),
            _ => None,
        }
    }
}

/// A cell's value as it is written.
enum Value<'a> {
    Text(Cow<'a, str>),
    Number(f64),
    Date(ExcelDateTime),
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
    write_cells(ws, row, cells, formats, None)?;
    finish_row(ws, row, (cells, widths), None, digest)
}

/// Writes the data rows of a long table into a streamed sheet from
/// `first_row` down, each row its cells and their formats, and returns the
/// row below the last. `columns` is each column's usual format; the rows go
/// into `digest` when the sheet is one the content hash covers. Each row is
/// as tall as its texts need ([`fit_height`]), or as `height` gives it
/// (for the `i`th row), when the caller fits the rows ahead.
///
/// rust_xlsxwriter finds a formatted cell's style by hashing its whole
/// `Format`, which costs more than the rest of writing the cell. A cell
/// written without a format, or given the workbook's default (index 0; the
/// workbook is [`print_profile::workbook`]'s), takes its column's format when
/// its row is written out, so while the rows are written each column carries
/// its usual format and the cells that have it are written without one. A streamed
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
    mut height: Option<&mut dyn FnMut(usize) -> Option<f64>>,
    mut digest: Option<&mut SheetDigest>,
    rows: impl ExactSizeIterator<Item = ([Cell<'c>; N], [&'f Format; N])>,
) -> Result<u32, XlsxError> {
    for (col, format) in (0u16..).zip(columns) {
        ws.set_column_format(col, format)?;
    }
    let plain = print_profile::default_format();
    let carried = Carried {
        columns: &columns,
        default: &plain,
    };
    let last = rows.len().saturating_sub(1);
    let mut row = first_row;
    for (i, (cells, formats)) in rows.enumerate() {
        write_cells(ws, row, &cells, &formats, (i < last).then_some(&carried))?;
        let height = height.as_mut().and_then(|h| h(i));
        finish_row(ws, row, (&cells, widths), height, digest.as_deref_mut())?;
        row += 1;
    }
    for col in 0..N as u16 {
        ws.set_column_format(col, &plain)?;
    }
    Ok(row)
}

/// The row's formats with each blank cell's plain format
/// ([`Formats::is_plain`]) replaced by `f.text`: an empty cell shows only its
/// border, so this changes nothing on screen or on paper, and blank cells
/// side by side then share one format, which [`write_cells`] gives them in
/// one call.
pub fn plain_blanks<'f, const N: usize>(
    cells: &[Cell; N],
    mut formats: [&'f Format; N],
    f: &'f Formats,
) -> [&'f Format; N] {
    for (cell, format) in cells.iter().zip(formats.iter_mut()) {
        if cell.value().is_none() && f.is_plain(format) {
            *format = &f.text;
        }
    }
    formats
}

/// The formats a streamed table's columns carry while its rows are written
/// (see [`write_body`]), and the workbook's default format: a cell given the
/// default takes its column's format when its row is written out.
struct Carried<'a> {
    columns: &'a [&'a Format],
    default: &'a Format,
}

impl Carried<'_> {
    /// Whether column `col` carries `format`.
    fn carries(&self, col: u16, format: &Format) -> bool {
        self.columns
            .get(usize::from(col))
            .is_some_and(|c| std::ptr::eq(*c, format))
    }
}

/// Writes the cells of a row from column 0; a cell with a value whose format
/// its column carries is written without one (see [`write_body`]).
///
/// A blank cell needs its format to keep its border, and rust_xlsxwriter
/// hashes the whole `Format` for every cell given one. So the blank cells are
/// written after the others, in as few `set_range_format` calls (one lookup
/// each) as the row allows:
/// - the blank cells whose format their column carries, together with the
///   cells written without a format between them, in one span given the
///   default format: each of them then takes its column's;
/// - the other blank cells, each run of them side by side with one format.
///
/// That call only formats cells of the row being written, which a streamed
/// sheet moves to when a cell is written in it: a row with no value starts
/// with `write_blank`.
fn write_cells(
    ws: &mut Worksheet,
    row: u32,
    cells: &[Cell],
    formats: &[&Format],
    carried: Option<&Carried>,
) -> Written {
    // (first column, last column, format) of each run of blank cells.
    let mut blanks: Vec<(u16, u16, &Format)> = Vec::new();
    // (first column, last column) of each span of carried blank cells; a
    // value written with a format of its own ends one.
    let mut spans: Vec<(u16, u16)> = Vec::new();
    let mut span: Option<(u16, u16)> = None;
    let mut started = false;
    for ((col, cell), format) in (0u16..).zip(cells).zip(formats) {
        let in_column = carried.is_some_and(|c| c.carries(col, format));
        let Some(value) = cell.value() else {
            if in_column {
                span = Some((span.map_or(col, |(first, _)| first), col));
                continue;
            }
            match blanks.last_mut() {
                Some((_, last, run)) if *last + 1 == col && std::ptr::eq(*run, *format) => {
                    *last = col;
                }
                _ => blanks.push((col, col, format)),
            }
            continue;
        };
        started = true;
        put(ws, (row, col), value, (!in_column).then_some(*format))?;
        if !in_column {
            spans.extend(span.take());
        }
    }
    spans.extend(span);
    let default = carried.map(|c| c.default);
    let runs = spans
        .into_iter()
        .filter_map(|(first, last)| Some((first, last, default?)))
        .chain(blanks);
    for (i, (first, last, format)) in runs.enumerate() {
        if i == 0 && !started {
            ws.write_blank(row, first, format)?;
        }
        ws.set_range_format(row, first, row, last, format)?;
    }
    Ok(())
}

/// Writes a value with its format, or without one (it then takes its
/// column's, see [`write_body`]).
fn put(
    ws: &mut Worksheet,
    (row, col): (u32, u16),
    value: Value,
    format: Option<&Format>,
) -> Written {
    match (value, format) {
        (Value::Text(s), Some(f)) => ws.write_string_with_format(row, col, s, f)?,
        (Value::Text(s), None) => ws.write_string(row, col, s)?,
        (Value::Number(n), Some(f)) => ws.write_number_with_format(row, col, n, f)?,
        (Value::Number(n), None) => ws.write_number(row, col, n)?,
        (Value::Date(d), Some(f)) => ws.write_datetime_with_format(row, col, d, f)?,
        (Value::Date(d), None) => ws.write_datetime(row, col, d)?,
    };
    Ok(())
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

#[cfg(test)]
mod tests {
    use std::io::{Cursor, Read};

    use super::*;

    /// Each cell of a sheet's XML as (reference, style index), in order.
    fn cells_of(package: &[u8], sheet: &str) -> Vec<(String, String)> {
        let mut zip = zip::ZipArchive::new(Cursor::new(package)).expect("a zip");
        let mut xml = String::new();
        zip.by_name(&format!("xl/worksheets/{sheet}.xml"))
            .expect("the sheet")
            .read_to_string(&mut xml)
            .expect("read");
        let attribute = |tag: &str, name: &str| -> Option<String> {
            let at = tag.find(&format!(" {name}=\""))? + name.len() + 3;
            Some(tag[at..at + tag[at..].find('"')?].to_string())
        };
        xml.split("<c ")
            .skip(1)
            .map(|c| {
                let tag = format!(" {}", &c[..c.find('>').expect("a tag")]);
                let reference = attribute(&tag, "r").expect("a reference");
                (
                    reference,
                    attribute(&tag, "s").unwrap_or_else(|| "0".into()),
                )
            })
            .collect()
    }

    #[test]
    fn blank_cells_written_in_runs_get_the_formats_of_cells_written_one_by_one() {
        let f = Formats::new();
        let columns: [&Format; 5] = [&f.text, &f.centred, &f.text, &f.date, &f.text];
        let day = NaiveDate::from_ymd_opt(2024, 1, 31);
        let before_excel = NaiveDate::from_ymd_opt(1800, 1, 1);
        let text = |s: &'static str| Cell::Text(Cow::Borrowed(s));
        // Each row's cells, their formats, and the format each cell must end
        // up with: a plain blank becomes `text`, a shaded one keeps its own.
        let mut alert_in_c = columns;
        alert_in_c[2] = &f.alert;
        let rows: Vec<([Cell; 5], [&Format; 5], [&Format; 5])> = vec![
            (
                [
                    text("a"),
                    text(""),
                    Cell::Number(None),
                    Cell::Date(None),
                    text("b"),
                ],
                [&f.text, &f.centred, &f.number, &f.date, &f.small],
                [&f.text, &f.text, &f.text, &f.text, &f.small],
            ),
            (
                [
                    text(""),
                    text(""),
                    Cell::Number(None),
                    Cell::Date(None),
                    text(""),
                ],
                columns,
                [&f.text; 5],
            ),
            (
                [
                    text(""),
                    Cell::Number(Some(1.0)),
                    text(""),
                    Cell::Date(day),
                    text(""),
                ],
                alert_in_c,
                [&f.text, &f.centred, &f.alert, &f.date, &f.text],
            ),
            (
                // A value with a format of its own between blank cells that
                // carry their columns' format.
                [text(""), text("v"), text(""), Cell::Date(day), text("")],
                [&f.text, &f.alert, &f.text, &f.date, &f.text],
                [&f.text, &f.alert, &f.text, &f.date, &f.text],
            ),
            (
                [
                    Cell::Number(Some(2.0)),
                    text("z"),
                    text(""),
                    text(""),
                    Cell::Date(before_excel),
                ],
                columns,
                [&f.text, &f.centred, &f.text, &f.text, &f.text],
            ),
        ];
        // The workbook every table is written in (its default format is the
        // one the blank cells carried by their columns are given).
        let mut book = print_profile::workbook().expect("a workbook");
        book.add_worksheet_with_constant_memory()
            .expect("a streamed sheet");
        book.add_worksheet();
        for format in f.all() {
            book.register_format(format);
        }
        let widths = [10.0; 5];
        let written = write_body(
            book.worksheet_from_index(0).expect("the streamed sheet"),
            0,
            columns,
            &widths,
            None,
            None,
            rows.iter().map(|(cells, formats, _)| {
                let formats = plain_blanks(cells, *formats, &f);
                (cells.clone(), formats)
            }),
        )
        .expect("written");
        assert_eq!(written, 5);
        let one_by_one = book.worksheet_from_index(1).expect("the plain sheet");
        for ((cells, _, expected), row) in rows.iter().zip(0u32..) {
            for ((cell, format), col) in cells.iter().zip(expected).zip(0u16..) {
                match cell {
                    Cell::Text(s) => xlsx::put_text(one_by_one, row, col, s, format),
                    Cell::Number(n) => xlsx::put_number(one_by_one, row, col, *n, format),
                    Cell::Date(d) => xlsx::put_date(one_by_one, row, col, *d, format),
                }
                .expect("a cell");
            }
        }
        let package = book.save_to_buffer().expect("saved");
        let streamed = cells_of(&package, "sheet1");
        assert_eq!(
            streamed.len(),
            25,
            "every cell of the five rows: {streamed:?}"
        );
        assert_eq!(streamed, cells_of(&package, "sheet2"));
    }
}
