//! Integrity checks of a database and its evidence files: [`verify`] runs
//! SQLite's `integrity_check` and `foreign_key_check` and hashes every stored
//! file; [`quick_check`] is the fast form the app runs at start (SQLite's
//! `quick_check`, and the stored files' presence and size).

use std::path::{Path, PathBuf};

use rusqlite::Connection;
use serde::Serialize;

use crate::db;
use crate::error::{Error, Result};

/// What a check found; empty lists mean all is well.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct VerifyReport {
    /// Lines of `integrity_check` (or `quick_check`) other than "ok".
    pub database_problems: Vec<String>,
    /// Rows that point to a missing row, as "table row N → parent".
    pub foreign_key_problems: Vec<String>,
    /// Evidence whose stored file is gone.
    pub missing_files: Vec<FileProblem>,
    /// Evidence whose stored file no longer matches its hash (or, in the quick
    /// check, its size).
    pub changed_files: Vec<FileProblem>,
    /// How many stored files were checked.
    pub files_checked: usize,
}

/// One evidence document whose file is missing or changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FileProblem {
    /// Số, ký hiệu of the document.
    pub reference: String,
    /// The attached file's name as the officer had it.
    pub file_name: String,
    /// Where the stored copy should be.
    pub path: PathBuf,
}

impl VerifyReport {
    /// How many problems were found.
    pub fn problems(&self) -> usize {
        self.database_problems.len()
            + self.foreign_key_problems.len()
            + self.missing_files.len()
            + self.changed_files.len()
    }

    /// Whether nothing is wrong.
    pub fn is_ok(&self) -> bool {
        self.problems() == 0
    }

    /// What the officer should do, in Vietnamese, when something is wrong.
    pub fn advice(&self) -> Option<String> {
        if !self.database_problems.is_empty() || !self.foreign_key_problems.is_empty() {
            Some(DAMAGED_ADVICE.into())
        } else if !self.is_ok() {
            Some("Một số tệp tài liệu kiểm chứng bị mất hoặc bị thay đổi. Hãy đính kèm lại tệp gốc cho các tài liệu trên, hoặc khôi phục bản sao lưu có các tệp đó.".into())
        } else {
            None
        }
    }
}

pub use crate::error::DAMAGED_ADVICE;

/// The database's own findings: the lines of `integrity_check` (or
/// `quick_check`) other than "ok", and the rows whose foreign keys point
/// nowhere. A database too damaged for the check to run gets one line saying so.
///
/// # Errors
/// [`Error::Database`] when the check cannot run for another reason (locked).
pub(crate) fn database_problems(
    conn: &Connection,
    quick: bool,
) -> Result<(Vec<String>, Vec<String>)> {
    let pragma = if quick {
        "PRAGMA quick_check"
    } else {
        "PRAGMA integrity_check"
    };
    let lines = match lines_of(conn, pragma) {
        Ok(lines) => lines,
        // Too damaged for the check to run: that is its finding.
        Err(e) if is_damage(&e) => {
            return Ok((
                vec![
                    "không đọc được cơ sở dữ liệu: tệp bị hỏng hoặc không phải cơ sở dữ liệu"
                        .into(),
                ],
                Vec::new(),
            ))
        }
        Err(e) => return Err(e.into()),
    };
    let foreign_keys = match foreign_key_problems(conn) {
        Err(Error::Database(_)) if lines.iter().any(|l| l != "ok") => Vec::new(),
        other => other?,
    };
    Ok((
        lines.into_iter().filter(|l| l != "ok").collect(),
        foreign_keys,
    ))
}

/// The full check: `integrity_check`, `foreign_key_check`, and every evidence
/// file under `evidence/` hashed against its name. Opens the database read-only,
/// so it works while the app has it open and on a read-only folder.
///
/// # Errors
/// [`Error::File`] when there is no database at `db`; [`Error::Database`] when
/// it cannot be opened at all (not a database, locked).
pub fn verify(db: &Path) -> Result<VerifyReport> {
    check(db, false)
}

/// The fast check for every start: SQLite's `quick_check`, foreign keys, and
/// each evidence file's presence and size (no hashing).
///
/// # Errors
/// As [`verify`].
pub fn quick_check(db: &Path) -> Result<VerifyReport> {
    check(db, true)
}

fn check(db: &Path, quick: bool) -> Result<VerifyReport> {
    let conn = db::open_for_reading(db)?;
    let (database_problems, foreign_key_problems) = database_problems(&conn, quick)?;
    let damaged = !database_problems.is_empty();
    let mut report = VerifyReport {
        database_problems,
        foreign_key_problems,
        ..Default::default()
    };
    let files = match evidence_files(&conn) {
        // In a damaged database the evidence table itself may be unreadable.
        Err(_) if damaged => Vec::new(),
        other => other?,
    };
    check_files(db, files, quick, &mut report)?;
    Ok(report)
}

/// Each stored evidence file's presence, and its size (quick) or hash.
fn check_files(
    db: &Path,
    files: Vec<StoredFileRow>,
    quick: bool,
    report: &mut VerifyReport,
) -> Result<()> {
    let evidence_dir = db::folder(db).join("evidence");
    for (reference, file_name, sha256, size) in files {
        let path = evidence_dir.join(&sha256);
        let problem = FileProblem {
            reference,
            file_name,
            path: path.clone(),
        };
        report.files_checked += 1;
        let Ok(meta) = std::fs::metadata(&path) else {
            report.missing_files.push(problem);
            continue;
        };
        let changed = if quick {
            size.is_some_and(|s| s != meta.len())
        } else {
            crate::sha256::of_file(&path)? != sha256
        };
        if changed {
            report.changed_files.push(problem);
        }
    }
    Ok(())
}

fn lines_of(conn: &Connection, pragma: &str) -> rusqlite::Result<Vec<String>> {
    conn.prepare(pragma)?.query_map([], |r| r.get(0))?.collect()
}

fn is_damage(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase)
    )
}

fn foreign_key_problems(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt =
        conn.prepare(r#"SELECT "table", rowid, parent FROM pragma_foreign_key_check"#)?;
    let rows = stmt.query_map([], |r| {
        Ok(format!(
            "bảng {} dòng {} trỏ tới dòng không có trong bảng {}",
            r.get::<_, String>(0)?,
            r.get::<_, Option<i64>>(1)?.unwrap_or_default(),
            r.get::<_, String>(2)?
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// An evidence record with a stored file: reference, file name, hash, size.
type StoredFileRow = (String, String, String, Option<u64>);

fn evidence_files(conn: &Connection) -> Result<Vec<StoredFileRow>> {
    let mut stmt = conn.prepare(
        "SELECT reference, coalesce(file_name, ''), file_sha256, file_size FROM evidence
         WHERE file_sha256 IS NOT NULL ORDER BY id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get(0)?,
            r.get(1)?,
            r.get(2)?,
            r.get::<_, Option<i64>>(3)?.map(|s| s.max(0) as u64),
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
