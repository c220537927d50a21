//! The `content_sha256` of a monthly workbook: a hash of the data rows of the
//! "Nhiệm vụ" and "Tài liệu kiểm chứng" sheets (and, in version 2, of "Việc
//! phát sinh" and "Chỉ số đo được"), computed from the cells as text in one
//! canonical form, so the exporter (from the values it writes) and the
//! collector (from the values it reads back) get the same hash unless someone
//! changed the data after export.
//!
//! Each sheet is digested on its own ([`SheetDigest`], fed row by row, so the
//! two long sheets can be written on two threads); the version 1 hash is the
//! SHA-256 of the two digests ([`combine`]), the version 2 hash extends it with
//! the digests of the sheets version 2 adds ([`extend`]).

use chrono::NaiveDate;
use sha2::{Digest, Sha256};

/// The canonical text of a number cell: integers without a decimal point,
/// other numbers in Rust's shortest round-trip form.
pub fn canonical_number(n: f64) -> String {
    format!("{n}")
}

/// The canonical text of a date cell: `YYYY-MM-DD`. (chrono's `Display`
/// writes exactly `%Y-%m-%d`, for every year, without parsing a format
/// string for every cell.)
pub fn canonical_date(d: NaiveDate) -> String {
    d.to_string()
}

/// Which sheet a digest is of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sheet {
    Tasks,
    Evidence,
    /// "Chỉ số đo được" (version 2), added by [`extend`].
    Indicators,
    /// "Việc phát sinh" (version 2), added by [`extend`]. (Last in this list
    /// so the other sheets' digests stay what they were.)
    Obligations,
}

/// The running digest of one sheet's data rows.
pub struct SheetDigest {
    hasher: Sha256,
}

impl SheetDigest {
    pub fn new(sheet: Sheet) -> SheetDigest {
        let mut hasher = Sha256::new();
        hasher.update([0x1d, sheet as u8]);
        SheetDigest { hasher }
    }

    /// Adds a row, given as the canonical text of its cells (empty cells as "").
    pub fn row<'a>(&mut self, cells: impl IntoIterator<Item = &'a str>) {
        self.hasher.update([0x1e]);
        for cell in cells {
            self.hasher.update(cell.as_bytes());
            self.hasher.update([0x1f]);
        }
    }

    pub fn finish(self) -> [u8; 32] {
        self.hasher.finalize().into()
    }
}

/// The workbook's hash, in hex, from the digests of its two sheets.
pub fn combine(tasks: [u8; 32], evidence: [u8; 32]) -> String {
    let mut hasher = Sha256::new();
    hasher.update(tasks);
    hasher.update(evidence);
    hex(hasher)
}

/// A version 2 workbook's hash: the version 1 hash of its two sheets (in hex)
/// extended with the digests of the sheets version 2 adds, in sheet order
/// ("Việc phát sinh", then "Chỉ số đo được").
pub fn extend(hash: &str, sheets: &[[u8; 32]]) -> String {
    let mut hasher = Sha256::new();
    hasher.update(hash.as_bytes());
    for sheet in sheets {
        hasher.update(sheet);
    }
    hex(hasher)
}

fn hex(hasher: Sha256) -> String {
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The hash of the task rows and the evidence rows, each row given as the
/// canonical text of its cells (empty cells as ""), in sheet order.
pub fn content_sha256<S: AsRef<str>>(tasks: &[Vec<S>], evidence: &[Vec<S>]) -> String {
    let digest = |sheet: Sheet, rows: &[Vec<S>]| {
        let mut digest = SheetDigest::new(sheet);
        for row in rows {
            digest.row(row.iter().map(AsRef::as_ref));
        }
        digest.finish()
    };
    combine(
        digest(Sheet::Tasks, tasks),
        digest(Sheet::Evidence, evidence),
    )
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
    fn dates_are_written_as_year_month_day_in_every_year() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("test dates are real");
        assert_eq!(canonical_date(day(2024, 9, 5)), "2024-09-05");
        assert_eq!(canonical_date(day(999, 1, 2)), "0999-01-02");
        assert_eq!(canonical_date(day(10_000, 1, 2)), "+10000-01-02");
        assert_eq!(canonical_date(day(-1, 1, 2)), "-0001-01-02");
        // The form the hash was first made of, in any year a date can have.
        let dates: Vec<NaiveDate> = [-10_000, -1, 0, 7, 999, 1000, 2024, 9999, 10_000, 262_000]
            .map(|year| day(year, 12, 31))
            .into();
        let ours: Vec<String> = dates.iter().copied().map(canonical_date).collect();
        let strftime: Vec<String> = dates
            .iter()
            .map(|d| d.format("%Y-%m-%d").to_string())
            .collect();
        assert_eq!(ours, strftime);
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

    #[test]
    fn streaming_rows_gives_the_same_hash_as_the_whole_sheets() {
        let tasks = rows(&[&["1", "II.1.1"], &["2", "II.1.2"]]);
        let evidence = rows(&[&["1", "187/KH-UBND"]]);
        let mut t = SheetDigest::new(Sheet::Tasks);
        t.row(["1", "II.1.1"]);
        t.row(["2", "II.1.2"]);
        let mut e = SheetDigest::new(Sheet::Evidence);
        e.row(["1", "187/KH-UBND"]);
        assert_eq!(
            combine(t.finish(), e.finish()),
            content_sha256(&tasks, &evidence)
        );
    }

    #[test]
    fn each_sheet_version_2_adds_and_their_order_change_the_hash() {
        let v1 = content_sha256(&rows(&[&["1", "II.1.1"]]), &[]);
        let sheet = |kind: Sheet, cells: &[&str]| {
            let mut d = SheetDigest::new(kind);
            d.row(cells.iter().copied());
            d.finish()
        };
        let obligations = sheet(Sheet::Obligations, &["1", "II.1.1", "101/QĐ-BTP"]);
        let edited = sheet(Sheet::Obligations, &["1", "II.1.1", "101/QĐ-BTT"]);
        let indicators = sheet(Sheet::Indicators, &["3.4.1", "Tỷ lệ"]);
        let v2 = extend(&v1, &[obligations, indicators]);
        assert_ne!(v2, v1);
        assert_ne!(
            v2,
            extend(&v1, &[edited, indicators]),
            "an obligation cell counts"
        );
        assert_ne!(
            v2,
            extend(&v1, &[indicators, obligations]),
            "the order counts"
        );
        assert_ne!(
            v2,
            extend(&v1, &[indicators]),
            "the obligations sheet counts"
        );
    }
}
