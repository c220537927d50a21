//! The app's trace in the field: one log file a day (`cchc.YYYY-MM-DD.log`)
//! in `logs/` beside the database, kept [`KEEP_DAYS`] days. It holds the
//! app's version, each command's failure with the error's kind, codes and
//! source chain (`Error::log_text`) and the long commands' durations; never a
//! path or a text the officer typed.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use tracing_appender::rolling::{RollingFileAppender, Rotation};

/// How many days of log files are kept.
pub const KEEP_DAYS: usize = 30;

const PREFIX: &str = "cchc";
const SUFFIX: &str = "log";

/// The log folder of the database at `db`: `logs/` beside it.
pub fn logs_dir(db: &Path) -> PathBuf {
    db.parent().unwrap_or(Path::new(".")).join("logs")
}

/// Deletes the log files of `dir` older than [`KEEP_DAYS`] days before
/// `today` (files of other names are left alone) and starts writing today's
/// file there for the rest of the run. Returns how many files were deleted.
///
/// # Errors
/// The folder cannot be made or the file cannot be opened; the app then runs
/// without a log.
pub fn start(dir: &Path, today: NaiveDate) -> std::io::Result<usize> {
    std::fs::create_dir_all(dir)?;
    let pruned = prune(dir, today);
    let appender = RollingFileAppender::builder()
        .rotation(Rotation::DAILY)
        .filename_prefix(PREFIX)
        .filename_suffix(SUFFIX)
        .max_log_files(KEEP_DAYS)
        .build(dir)
        .map_err(std::io::Error::other)?;
    let _ = tracing_subscriber::fmt()
        .with_writer(appender)
        .with_max_level(tracing::Level::INFO)
        .with_ansi(false)
        .try_init();
    Ok(pruned)
}

/// Deletes `cchc.YYYY-MM-DD.log` files dated more than [`KEEP_DAYS`] days
/// before `today`; returns how many.
pub fn prune(dir: &Path, today: NaiveDate) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let oldest_kept = today - chrono::Days::new(KEEP_DAYS as u64 - 1);
    let mut deleted = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(date) = name.to_str().and_then(file_date) else {
            continue;
        };
        if date < oldest_kept && std::fs::remove_file(entry.path()).is_ok() {
            deleted += 1;
        }
    }
    deleted
}

/// The day of a log file's name, `cchc.2026-11-29.log`.
fn file_date(name: &str) -> Option<NaiveDate> {
    let date = name
        .strip_prefix(PREFIX)?
        .strip_prefix('.')?
        .strip_suffix(SUFFIX)?
        .strip_suffix('.')?;
    NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().expect("a date")
    }

    #[test]
    fn files_older_than_thirty_days_are_deleted_and_others_are_kept() {
        let dir = tempfile::tempdir().expect("temp dir");
        let names = [
            "cchc.2026-10-30.log", // the 31st day back: deleted
            "cchc.2026-10-31.log", // the 30th day back: kept
            "cchc.2026-11-29.log", // today
            "cchc.2025-01-01.log",
            "ghi-chu.txt",
            "cchc.khong-phai-ngay.log",
        ];
        for name in names {
            std::fs::write(dir.path().join(name), "x").expect("write");
        }
        assert_eq!(prune(dir.path(), day("2026-11-29")), 2);
        let mut left: Vec<String> = std::fs::read_dir(dir.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(
            left,
            [
                "cchc.2026-10-31.log",
                "cchc.2026-11-29.log",
                "cchc.khong-phai-ngay.log",
                "ghi-chu.txt"
            ]
        );
    }

    #[test]
    fn the_log_folder_is_beside_the_database() {
        let db = Path::new("/du-lieu/cchc/cchc.sqlite3");
        assert_eq!(logs_dir(db), Path::new("/du-lieu/cchc/logs"));
    }
}
