//! The `content_sha256` of a monthly workbook: a hash of the data rows of the
//! "Nhiệm vụ" and "Tài liệu kiểm chứng" sheets, computed from the cells as text
//! in one canonical form, so the exporter (from the values it writes) and the
//! collector (from the values it reads back) get the same hash unless someone
//! changed the data after export.

use chrono::NaiveDate;
use sha2::{Digest, Sha256};

/// The canonical text of a number cell: integers without a decimal point,
/// other numbers in Rust's shortest round-trip form.
pub fn canonical_number(n: f64) -> String {
    format!("{n}")
}

/// The canonical text of a date cell: `YYYY-MM-DD`.
pub fn canonical_date(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// The hash of the task rows and the evidence rows, each row given as the
/// canonical text of its cells (empty cells as ""), in sheet order.
pub fn content_sha256(tasks: &[Vec<String>], evidence: &[Vec<String>]) -> String {
    let mut hasher = Sha256::new();
    for (sheet, rows) in [(0u8, tasks), (1u8, evidence)] {
        hasher.update([0x1d, sheet]);
        for row in rows {
            hasher.update([0x1e]);
            for cell in row {
                hasher.update(cell.as_bytes());
                hasher.update([0x1f]);
            }
        }
    }
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(cells: &[&[&str]]) -> Vec<Vec<String>> {
        cells
            .iter()
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect()
    }

    #[test]
    fn numbers_are_written_without_a_trailing_decimal_point() {
        assert_eq!(canonical_number(50.0), "50");
        assert_eq!(canonical_number(12.5), "12.5");
    }

    #[test]
    fn any_changed_cell_changes_the_hash() {
        let tasks = rows(&[&["1", "II.1.1", "Nội dung"]]);
        let base = content_sha256(&tasks, &[]);
        assert_eq!(base.len(), 64, "a hex SHA-256");
        let edited = rows(&[&["1", "II.1.1", "Nội dung sửa"]]);
        assert_ne!(base, content_sha256(&edited, &[]));
    }

    #[test]
    fn cells_cannot_slide_between_columns_rows_or_sheets() {
        let a = content_sha256(&rows(&[&["ab", "c"]]), &[]);
        let b = content_sha256(&rows(&[&["a", "bc"]]), &[]);
        assert_ne!(a, b, "a cell boundary is part of the hash");
        let one_row = content_sha256(&rows(&[&["a", "b"]]), &[]);
        let two_rows = content_sha256(&rows(&[&["a"], &["b"]]), &[]);
        assert_ne!(one_row, two_rows, "a row boundary is part of the hash");
        let in_tasks = content_sha256(&rows(&[&["a"]]), &[]);
        let in_evidence = content_sha256(&[], &rows(&[&["a"]]));
        assert_ne!(in_tasks, in_evidence, "the sheet is part of the hash");
    }
}
