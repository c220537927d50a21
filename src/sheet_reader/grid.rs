//! The cells of one sheet of an untrusted workbook, read as a stream into a
//! sparse grid with caps on rows, columns, cells and text length, so a sheet
//! with a million rows is refused after a bounded amount of work. Values keep
//! their type (text, number, date) because the content hash is computed from
//! their canonical text.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::io::Cursor;

use calamine::{DataRef, Xlsx};
use chrono::NaiveDate;

use crate::report::content_hash::{canonical_date, canonical_number};
use crate::text::{cell_length, MAX_CELL_CHARS};

/// Highest row index (zero-based) a sheet may use: the task table of the
/// largest plan has a few hundred rows, a task list of 10,000 tasks with its
/// headings fits too.
pub const MAX_ROW: u32 = 20_000;
/// Highest column index (zero-based) that may hold data; a value to the right
/// of it refuses the sheet (the widest table the app reads has 16 columns).
pub const MAX_COL: u32 = 63;
/// Most cells (empty styled ones included) scanned in one sheet.
pub const MAX_CELLS: usize = 2_000_000;

/// A cell value as read back.
#[derive(Debug, Clone, PartialEq)]
pub enum Val {
    Empty,
    Text(String),
    Number(f64),
    Date(NaiveDate),
    /// A formula error ("#N/A") or a boolean, kept as its text.
    Other(String),
}

impl Val {
    /// The cell's canonical text for the content hash: numbers and dates in
    /// their canonical forms, text as it is, empty as "".
    pub fn canonical(&self) -> Cow<'_, str> {
        match self {
            Val::Empty => Cow::Borrowed(""),
            Val::Text(s) | Val::Other(s) => Cow::Borrowed(s),
            Val::Number(n) => Cow::Owned(canonical_number(*n)),
            Val::Date(d) => Cow::Owned(canonical_date(*d)),
        }
    }

    /// The cell as a person reads it, NFC and trimmed; dates as dd/mm/yyyy.
    pub fn text(&self) -> String {
        match self {
            Val::Date(d) => crate::text::date_text(*d),
            // Cleaned straight from the cell, without a copy first.
            Val::Text(s) | Val::Other(s) => crate::text::clean(s),
            other => crate::text::clean(&other.canonical()),
        }
    }

    pub fn is_empty(&self) -> bool {
        match self {
            Val::Empty => true,
            Val::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }
}

/// The non-empty cells of one sheet, by row then column (both zero-based).
#[derive(Debug, Default)]
pub struct Grid {
    rows: BTreeMap<u32, BTreeMap<u32, Val>>,
}

static EMPTY: Val = Val::Empty;

impl Grid {
    /// Reads sheet `name`; `Err` is a Vietnamese reason naming the sheet (and
    /// the cell, when one is at fault), without the file's name.
    pub fn read(xlsx: &mut Xlsx<Cursor<Vec<u8>>>, name: &str) -> Result<Grid, String> {
        let broken = |e: &dyn std::error::Error| {
            super::logged(e);
            format!("sheet \"{name}\" không đọc được (tệp bị hỏng; chi tiết kỹ thuật: {e}).")
        };
        let at = |row: u32, col: u32, why: String| {
            format!("sheet \"{name}\", ô {}: {why}", cell_name(row, col))
        };
        let mut reader = xlsx.worksheet_cells_reader(name).map_err(|e| broken(&e))?;
        let mut grid = Grid::default();
        let mut scanned = 0usize;
        while let Some(cell) = reader.next_cell().map_err(|e| broken(&e))? {
            scanned += 1;
            if scanned > MAX_CELLS {
                return Err(format!(
                    "sheet \"{name}\" có quá nhiều ô (hơn {MAX_CELLS} ô có dữ liệu hoặc định \
                     dạng); không đọc tệp này."
                ));
            }
            let (row, col) = cell.get_position();
            if row > MAX_ROW {
                return Err(format!(
                    "sheet \"{name}\" có quá nhiều dòng (có ô ở dòng {}, chỉ đọc đến dòng {}); \
                     không đọc tệp này.",
                    u64::from(row) + 1,
                    MAX_ROW + 1
                ));
            }
            let val = value(cell.get_value());
            if val.is_empty() {
                continue;
            }
            if col > MAX_COL {
                return Err(at(
                    row,
                    col,
                    format!(
                        "có dữ liệu ở cột thứ {} (chỉ đọc đến cột {}, cột thứ {}); xóa dữ liệu \
                         ngoài bảng rồi lưu lại.",
                        u64::from(col) + 1,
                        cell_name(0, MAX_COL).trim_end_matches('1'),
                        MAX_COL + 1
                    ),
                ));
            }
            // A text of at most MAX_CELL_CHARS bytes has at most as many
            // UTF-16 units: only a longer one needs counting.
            if let Val::Text(s) | Val::Other(s) = &val {
                let length = match s.len() > MAX_CELL_CHARS {
                    true => cell_length(s),
                    false => 0,
                };
                if length > MAX_CELL_CHARS {
                    return Err(at(
                        row,
                        col,
                        format!(
                            "văn bản dài {length} ký tự, quá giới hạn {MAX_CELL_CHARS} ký tự của \
                             một ô Excel; không nhận tệp này."
                        ),
                    ));
                }
            }
            grid.rows.entry(row).or_default().insert(col, val);
        }
        Ok(grid)
    }

    /// The cell at (row, col), [`Val::Empty`] when there is none.
    pub fn get(&self, row: u32, col: u32) -> &Val {
        self.rows
            .get(&row)
            .and_then(|r| r.get(&col))
            .unwrap_or(&EMPTY)
    }

    /// The indexes of the rows having a cell, in order.
    pub fn row_indexes(&self) -> impl Iterator<Item = u32> + '_ {
        self.rows.keys().copied()
    }

    /// The non-empty cells of a row, by column.
    pub fn row(&self, row: u32) -> impl Iterator<Item = (u32, &Val)> + '_ {
        self.rows
            .get(&row)
            .into_iter()
            .flat_map(|r| r.iter().map(|(c, v)| (*c, v)))
    }

    /// The canonical text of the first `width` cells of a row (the texts
    /// borrowed from the grid).
    pub fn canonical_row(&self, row: u32, width: u32) -> Vec<Cow<'_, str>> {
        (0..width).map(|c| self.get(row, c).canonical()).collect()
    }
}

/// The A1 name of a zero-based cell position, as Excel shows it ("K7").
pub fn cell_name(row: u32, col: u32) -> String {
    let mut letters = Vec::new();
    let mut n = col + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect::<String>() + &(row + 1).to_string()
}

fn value(data: &DataRef<'_>) -> Val {
    match data {
        DataRef::Empty => Val::Empty,
        DataRef::Int(i) => Val::Number(*i as f64),
        DataRef::Float(f) => Val::Number(*f),
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => {
            Val::Text(s.clone())
        }
        DataRef::SharedString(s) => Val::Text((*s).to_string()),
        DataRef::Bool(b) => Val::Other(if *b { "TRUE" } else { "FALSE" }.into()),
        DataRef::DateTime(dt) if dt.is_datetime() => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            NaiveDate::from_ymd_opt(i32::from(y), u32::from(m), u32::from(d))
                .map_or(Val::Number(dt.as_f64()), Val::Date)
        }
        DataRef::DateTime(dt) => Val::Number(dt.as_f64()),
        DataRef::Error(e) => Val::Other(e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_names_follow_excel_letters() {
        assert_eq!(cell_name(0, 0), "A1");
        assert_eq!(cell_name(6, 10), "K7");
        assert_eq!(cell_name(0, 25), "Z1");
        assert_eq!(cell_name(9, 26), "AA10");
    }

    #[test]
    fn canonical_text_matches_the_exporters_hash_forms() {
        assert_eq!(Val::Number(1.0).canonical(), "1");
        assert_eq!(Val::Number(12.5).canonical(), "12.5");
        let d = NaiveDate::from_ymd_opt(2024, 9, 30).expect("valid date");
        assert_eq!(Val::Date(d).canonical(), "2024-09-30");
        assert_eq!(Val::Date(d).text(), "30/09/2024");
        assert_eq!(Val::Text(" a ".into()).canonical(), " a ", "text as it is");
        assert_eq!(Val::Text(" a ".into()).text(), "a", "text as read: trimmed");
        assert_eq!(Val::Number(12.5).text(), "12.5");
        assert_eq!(Val::Empty.text(), "");
    }
}
