//! A holiday notice kept as a small workbook: the first sheet, one row per day
//! or run of days, its cells read left to right as one typed line ("Làm bù |
//! 09/01/2027", "05/02/2027 | 11/02/2027 | Tết Nguyên đán"), so the notice is
//! checked by the same rules as one typed in Settings. Read through the same
//! capped reader as the task-list workbook.

use std::path::Path;

use super::Book;
use crate::error::{Error, Result};

/// The rows of the workbook's first sheet as notice lines; a second date
/// right after the first makes a run ("05/02/2027 - 11/02/2027"). Rows whose
/// first cell is not a date or "Làm bù" (a header such as "Ngày") are dropped.
///
/// # Errors
/// [`Error::Invalid`] for a file that is not a readable .xlsx (or is over the
/// caps) or has no sheet; [`Error::File`] when it cannot be read.
pub fn notice_lines(path: &Path) -> Result<String> {
    let mut book = Book::open(path)?;
    let first =
        book.book.sheet_names().first().cloned().ok_or_else(|| {
            Error::Invalid(format!("Tệp \"{}\" không có sheet nào.", path.display()))
        })?;
    let sheet = book.sheet(&first)?;
    let mut lines = Vec::new();
    for row in &sheet.rows {
        let cells: Vec<String> = row.cells.iter().map(|(_, v)| v.text()).collect();
        let Some(head) = cells.first() else { continue };
        let folded = crate::text::fold(head);
        if !(folded.starts_with("lam bu") || head.starts_with(|c: char| c.is_ascii_digit())) {
            continue;
        }
        let mut line = String::new();
        for (i, cell) in cells.iter().enumerate() {
            let joiner = if i == 0 {
                ""
            } else if is_date(&cells[i - 1]) && is_date(cell) && i <= 2 {
                " - "
            } else {
                " "
            };
            line.push_str(joiner);
            line.push_str(cell);
        }
        lines.push(line);
    }
    Ok(lines.join("\n"))
}

fn is_date(text: &str) -> bool {
    crate::deadline::parse_date(text).is_ok()
}
