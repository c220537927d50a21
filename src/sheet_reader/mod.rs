//! The one way the app reads a workbook it did not write itself (an agency's
//! monthly report in collector mode, a task list to import): the package
//! passes the [`gate`] before the spreadsheet parser sees it, then each sheet
//! is read as a stream into a sparse [`Grid`] with caps on rows, columns,
//! cells and text length. A hostile file is refused with a Vietnamese reason
//! after a bounded amount of work, the same way for both readers.

pub mod gate;
mod grid;

use std::io::Cursor;
use std::path::Path;

use calamine::{Reader, Xlsx};

pub use grid::{cell_name, Grid, Val, MAX_CELLS, MAX_COL, MAX_ROW};

/// Logs a library's error (zip, calamine) with its sources before it is
/// turned into the Vietnamese reason, which keeps only its first line.
fn logged(err: &dyn std::error::Error) {
    tracing::warn!(error = %crate::error::chain(err), "a workbook could not be read");
}

/// A workbook that passed the gate, open for reading its sheets.
pub struct Workbook {
    xlsx: Xlsx<Cursor<Vec<u8>>>,
    names: Vec<String>,
}

impl Workbook {
    /// Reads the file at `path` and checks the package with
    /// [`gate::read_package`], then opens it; `Err` is the Vietnamese reason,
    /// without the file's name (the caller adds it).
    pub fn open(path: &Path) -> Result<Workbook, String> {
        let bytes = gate::read_package(path)?;
        let xlsx = Xlsx::new(Cursor::new(bytes)).map_err(|e| {
            logged(&e);
            format!("không phải là tệp Excel (.xlsx) đọc được (chi tiết kỹ thuật: {e}).")
        })?;
        let names = xlsx.sheet_names();
        Ok(Workbook { xlsx, names })
    }

    /// The names of the sheets, in the workbook's order.
    pub fn sheet_names(&self) -> &[String] {
        &self.names
    }

    /// Reads sheet `name` with the caps of [`Grid::read`].
    pub fn grid(&mut self, name: &str) -> Result<Grid, String> {
        Grid::read(&mut self.xlsx, name)
    }
}
