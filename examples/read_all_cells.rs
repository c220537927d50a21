//! The reading floor of the province-year benchmark (`bench/province-year/run.sh`):
//! opens every .xlsx file under the given folders with calamine and reads every
//! cell of every sheet, nothing else. `cchc collect` is measured against it.
//!
//! Usage: cargo run --release --example read_all_cells -- FOLDER...

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use calamine::{open_workbook, Reader, Xlsx};

fn main() -> ExitCode {
    let mut files = Vec::new();
    for folder in std::env::args().skip(1) {
        if let Err(e) = list_workbooks(Path::new(&folder), &mut files) {
            eprintln!("{folder}: {e}");
            return ExitCode::FAILURE;
        }
    }
    files.sort();
    let (mut cells, mut text_bytes) = (0usize, 0usize);
    for file in &files {
        let mut book: Xlsx<_> = match open_workbook(file) {
            Ok(book) => book,
            Err(e) => {
                eprintln!("{}: {e}", file.display());
                return ExitCode::FAILURE;
            }
        };
        for name in book.sheet_names() {
            let Ok(range) = book.worksheet_range(&name) else {
                eprintln!("{}: sheet {name} unreadable", file.display());
                return ExitCode::FAILURE;
            };
            for cell in range.used_cells() {
                cells += 1;
                if let calamine::Data::String(s) = cell.2 {
                    text_bytes += s.len();
                }
            }
        }
    }
    println!(
        "{} files, {cells} cells, {text_bytes} bytes of text",
        files.len()
    );
    ExitCode::SUCCESS
}

/// Every `.xlsx` file directly inside `folder` and its subfolders.
fn list_workbooks(folder: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(folder)? {
        let path = entry?.path();
        if path.is_dir() {
            list_workbooks(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "xlsx") {
            out.push(path);
        }
    }
    Ok(())
}
