//! Backups: one ZIP archive holding a snapshot of the database (taken with
//! SQLite's online backup API, so the app may stay open) and every evidence file
//! the snapshot refers to, with a manifest of SHA-256 hashes. Restoring checks the
//! whole archive before it replaces anything (see `restore`).
//!
//! Automatic backups go to `backups/` beside the database, at most one a day,
//! and the newest [`KEEP_AUTO`] of them are kept. Backups made before a restore
//! or a schema upgrade go to the same folder and are never deleted by rotation.

mod archive;
mod limits;
mod restore;

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::error::{Error, Result};

pub use restore::{restore_backup, RestoreInfo};

/// How many automatic backups are kept.
pub const KEEP_AUTO: usize = 30;

/// What a finished backup holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct BackupInfo {
    /// The archive written.
    pub path: PathBuf,
    /// Its size in bytes (a JSON number: far below 2^53).
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub size: u64,
    /// The schema version of the database snapshot.
    pub schema_version: u32,
    /// Evidence files bundled.
    pub evidence_files: usize,
    /// Evidence files (by their stored name, the SHA-256) the database refers to
    /// but that were missing or no longer matched their hash, so were left out.
    pub missing_files: Vec<String>,
}

/// Writes a backup of the database at `db` (and its evidence files) to `out`,
/// through a temporary file renamed into place, so `out` is either the whole
/// archive or untouched.
///
/// # Errors
/// [`Error::File`] when the database does not exist or `out` cannot be written
/// (full disk, read-only folder), [`Error::Invalid`] when `out` is the database
/// itself, [`Error::Database`] when the database cannot be read.
///
/// # Example
/// ```no_run
/// # fn main() -> cchc::Result<()> {
/// let info = cchc::backup::create_backup(
///     std::path::Path::new("cchc.sqlite3"),
///     std::path::Path::new("sao-luu.zip"),
///     chrono::Utc::now(),
/// )?;
/// println!("{} bytes, {} files", info.size, info.evidence_files);
/// # Ok(()) }
/// ```
pub fn create_backup(db: &Path, out: &Path, now: DateTime<Utc>) -> Result<BackupInfo> {
    archive::write_archive(db, out, now)
}

/// The daily automatic backup: when no automatic backup was made on `now`'s
/// (UTC) day, writes one into `backups/` beside the database and deletes the
/// automatic backups beyond the newest [`KEEP_AUTO`]. Returns `None` when today's
/// backup already exists or there is no database yet.
///
/// # Errors
/// As [`create_backup`]; [`Error::File`] when `backups/` cannot be listed or an
/// old backup cannot be deleted.
pub fn auto_backup(db: &Path, now: DateTime<Utc>) -> Result<Option<BackupInfo>> {
    if !db.exists() {
        return Ok(None);
    }
    let folder = backups_dir(db);
    let today = format!("cchc-{}-", now.format("%Y%m%d"));
    let autos = list_backups(&folder, AUTO)?;
    if autos.iter().any(|name| name.starts_with(&today)) {
        return Ok(None);
    }
    let info = create_backup(db, &folder.join(backup_name(now, AUTO)), now)?;
    let mut autos = list_backups(&folder, AUTO)?;
    autos.sort_unstable_by(|a, b| b.cmp(a));
    for old in autos.iter().skip(KEEP_AUTO) {
        let path = folder.join(old);
        fs::remove_file(&path).map_err(|e| Error::file(&path, &e))?;
    }
    Ok(Some(info))
}

/// The `backups/` folder beside a database.
pub fn backups_dir(db: &Path) -> PathBuf {
    crate::db::folder(db).join("backups")
}

/// Kinds of backups, the last part of their file names: the daily one (rotated),
/// the one made before a restore, and one asked for without a file name.
const AUTO: &str = "auto";
pub(crate) const BEFORE_RESTORE: &str = "before-restore";
pub const MANUAL: &str = "manual";

/// `cchc-YYYYMMDD-HHMMSS-<kind>.zip`: names sort by time.
pub fn backup_name(now: DateTime<Utc>, kind: &str) -> String {
    format!("cchc-{}-{kind}.zip", now.format("%Y%m%d-%H%M%S"))
}

/// Backs up a database with data before its schema is upgraded from `version`
/// (called by [`crate::open::open_store`] before the store upgrades it).
///
/// # Errors
/// As [`create_backup`].
pub fn before_migration(db: &Path, version: u32, now: DateTime<Utc>) -> Result<BackupInfo> {
    let kind = format!("before-migration-v{version}");
    create_backup(db, &backups_dir(db).join(backup_name(now, &kind)), now)
}

/// The names of the backups of one kind in `folder` (none when it does not exist).
fn list_backups(folder: &Path, kind: &str) -> Result<Vec<String>> {
    let entries = match fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::file(folder, &e)),
    };
    let suffix = format!("-{kind}.zip");
    let mut names = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| Error::file(folder, &e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with("cchc-") && name.ends_with(&suffix) {
            names.push(name);
        }
    }
    Ok(names)
}

/// How old a leftover of a restore or a backup must be before a start removes
/// it: a restore run by another window at that moment keeps its own.
pub const LEFTOVER_AGE: std::time::Duration = std::time::Duration::from_secs(10 * 60);

/// Removes what a restore or backup killed midway left beside the database
/// `db` and in its `backups/` folder (the staging folders `.cchc-restore-*` and
/// `.cchc-backup-*`, and unfinished archives `.cchc-backup-*.part`), when last
/// changed at least `min_age` ago. Returns how many were removed; what cannot be
/// removed (a read-only folder) is left for a later start.
pub fn clean_leftovers(db: &Path, min_age: std::time::Duration) -> usize {
    let mut removed = 0;
    for folder in [crate::db::folder(db), backups_dir(db)] {
        let Ok(entries) = fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if !(name.starts_with(".cchc-restore-") || name.starts_with(".cchc-backup-")) {
                continue;
            }
            let Ok(meta) = entry.metadata() else {
                continue;
            };
            let old_enough = meta
                .modified()
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age >= min_age);
            if !old_enough {
                continue;
            }
            let path = entry.path();
            let gone = if meta.is_dir() {
                fs::remove_dir_all(&path)
            } else {
                fs::remove_file(&path)
            };
            removed += usize::from(gone.is_ok());
        }
    }
    removed
}
