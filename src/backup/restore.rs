//! Restoring a backup archive: every part is unpacked into a staging folder
//! beside the database and checked (manifest, hashes, `integrity_check`, foreign
//! keys, schema version, referenced files) before anything is replaced; the
//! current data is then backed up and the database file swapped by one rename.

use std::fs::{self, File};
use std::io::Read;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::Connection;
use serde::Serialize;
use zip::ZipArchive;

use super::archive::{referenced_files, Manifest, DATABASE, FORMAT, FORMAT_VERSION, MANIFEST};
use super::{backup_name, backups_dir, BEFORE_RESTORE};
use crate::db::{self, migrate};
use crate::durable::{self, NewFile};
use crate::error::{Error, Result};
use crate::sha256::{self, copy_hashing};

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RestoreInfo {
    /// The schema version of the restored database (upgraded when it is next opened).
    pub schema_version: u32,
    /// Evidence files restored or found already in place.
    pub evidence_files: usize,
    /// The backup of the data that was replaced, when there was any: an archive,
    /// or for a database too damaged to read, a folder with its raw files.
    pub replaced_backup: Option<PathBuf>,
}

/// Replaces the database at `db` and its evidence files with the contents of
/// the backup `archive`. The store must be closed (the desktop app drops its
/// `Store` first and opens it again after). The current data is first backed
/// up into `backups/` (a database too damaged to read is copied as it is).
/// Evidence files already present are kept, so files of the replaced data stay
/// on disk.
///
/// # Errors
/// [`Error::BadBackup`] when the archive is not a cchc backup, is damaged
/// (a hash, the database's integrity or its foreign keys do not check), lacks a
/// file the database refers to, or comes from a newer version of the app; then
/// nothing has been changed. [`Error::Database`] when another program holds the
/// database open; [`Error::File`] when the folder cannot be written (full disk,
/// read-only folder): then the current database is untouched.
pub fn restore_backup(db: &Path, archive: &Path, now: DateTime<Utc>) -> Result<RestoreInfo> {
    let dir = db::folder(db);
    fs::create_dir_all(&dir).map_err(|e| Error::file(&dir, &e))?;
    let staging = tempfile::Builder::new()
        .prefix(".cchc-restore-")
        .tempdir_in(&dir)
        .map_err(|e| Error::file(&dir, &e))?;
    let checked = unpack_and_check(archive, staging.path())?;

    let replaced_backup = if !db.exists() {
        None
    } else if is_damaged(db) {
        Some(keep_damaged(db, now)?)
    } else {
        release_wal(db)?;
        let out = backups_dir(db).join(backup_name(now, BEFORE_RESTORE));
        Some(super::create_backup(db, &out, now)?.path)
    };

    let evidence_dir = dir.join("evidence");
    fs::create_dir_all(&evidence_dir).map_err(|e| Error::file(&evidence_dir, &e))?;
    for name in &checked.files {
        let target = evidence_dir.join(name);
        if sha256::of_file(&target).ok().as_deref() == Some(name.as_str()) {
            continue;
        }
        durable::rename(&staging.path().join(name), &target)?;
    }

    for suffix in ["-wal", "-shm"] {
        let side = side_file(db, suffix);
        match fs::remove_file(&side) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                return Err(Error::file(&side, &e))
            }
            _ => {}
        }
    }
    durable::rename(&staging.path().join(DATABASE), db)?;
    Ok(RestoreInfo {
        schema_version: checked.schema_version,
        evidence_files: checked.files.len(),
        replaced_backup,
    })
}

/// What the checks found good in a staged archive.
struct Checked {
    schema_version: u32,
    files: Vec<String>,
}

/// Unpacks the archive into `staging` (the database as [`DATABASE`], each
/// evidence file under its hash) and checks every part.
fn unpack_and_check(archive: &Path, staging: &Path) -> Result<Checked> {
    let bad = |reason: &str| Error::BadBackup {
        path: archive.display().to_string(),
        reason: reason.to_string(),
    };
    let file = File::open(archive).map_err(|e| Error::file(archive, &e))?;
    let mut zip = ZipArchive::new(file).map_err(|_| bad("tệp không phải là tệp nén ZIP"))?;
    let manifest: Manifest = {
        let mut entry = zip
            .by_name(MANIFEST)
            .map_err(|_| bad("tệp nén không có phần mô tả của cchc (manifest.json)"))?;
        let mut text = Vec::new();
        entry
            .read_to_end(&mut text)
            .map_err(|_| bad("phần mô tả (manifest.json) bị hỏng"))?;
        serde_json::from_slice(&text)
            .map_err(|_| bad("phần mô tả (manifest.json) không đọc được"))?
    };
    if manifest.format != FORMAT || manifest.format_version != FORMAT_VERSION {
        return Err(bad("phần mô tả không phải của bản sao lưu cchc"));
    }
    if manifest.schema_version > migrate::LATEST {
        return Err(bad(&format!(
            "bản sao lưu do phiên bản mới hơn của ứng dụng tạo ra (lược đồ {}, phiên bản này chỉ biết đến {}); hãy cập nhật ứng dụng",
            manifest.schema_version,
            migrate::LATEST
        )));
    }

    let staged_db = staging.join(DATABASE);
    let (sha, _) = extract(&mut zip, DATABASE, &staged_db)
        .map_err(|_| bad("không đọc được cơ sở dữ liệu trong tệp nén"))?;
    if sha != manifest.database.sha256 {
        return Err(bad(
            "cơ sở dữ liệu trong tệp nén đã bị thay đổi hoặc hỏng (mã băm không khớp)",
        ));
    }
    let referenced = {
        let conn = Connection::open(&staged_db)
            .map_err(|_| bad("cơ sở dữ liệu trong tệp nén không mở được"))?;
        check_database(&conn, manifest.schema_version).map_err(|reason| bad(&reason))?;
        referenced_files(&conn)
            .map_err(|_| bad("cơ sở dữ liệu trong tệp nén không đúng cấu trúc"))?
    };

    let mut files = Vec::new();
    for entry in &manifest.files {
        if !sha256::is_name(&entry.sha256) {
            return Err(bad("phần mô tả có tên tệp tài liệu không hợp lệ"));
        }
        let (sha, size) = extract(
            &mut zip,
            &format!("evidence/{}", entry.sha256),
            &staging.join(&entry.sha256),
        )
        .map_err(|_| {
            bad(&format!(
                "thiếu hoặc không đọc được tệp tài liệu {}",
                entry.sha256
            ))
        })?;
        if sha != entry.sha256 || size != entry.size {
            return Err(bad(&format!(
                "tệp tài liệu {} đã bị thay đổi hoặc hỏng (mã băm không khớp)",
                entry.sha256
            )));
        }
        files.push(sha);
    }
    for name in referenced {
        if !files.contains(&name) && !manifest.missing.contains(&name) {
            return Err(bad(&format!(
                "thiếu tệp tài liệu {name} mà cơ sở dữ liệu cần"
            )));
        }
    }
    Ok(Checked {
        schema_version: manifest.schema_version,
        files,
    })
}

/// Integrity, foreign keys and schema version of an unpacked database; the
/// reason in Vietnamese when one fails.
fn check_database(conn: &Connection, schema_version: u32) -> std::result::Result<(), String> {
    let damaged = |_| "cơ sở dữ liệu trong tệp nén bị hỏng".to_string();
    let integrity: Vec<String> = conn
        .prepare("PRAGMA integrity_check")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .map_err(damaged)?;
    if integrity != ["ok"] {
        return Err("cơ sở dữ liệu trong tệp nén bị hỏng (kiểm tra toàn vẹn không đạt)".into());
    }
    let violations: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .map_err(damaged)?;
    if violations > 0 {
        return Err(format!(
            "cơ sở dữ liệu trong tệp nén có {violations} liên kết hỏng (khóa ngoại)"
        ));
    }
    let version =
        migrate::version(conn).map_err(|_| "không đọc được phiên bản lược đồ".to_string())?;
    if version != schema_version || version == 0 {
        return Err("phiên bản lược đồ của cơ sở dữ liệu không khớp phần mô tả".into());
    }
    Ok(())
}

/// Writes the archive entry `name` to `to`, synced, returning its hash and size.
fn extract(zip: &mut ZipArchive<File>, name: &str, to: &Path) -> Result<(String, u64)> {
    let mut entry = zip.by_name(name).map_err(|e| Error::File {
        path: name.to_string(),
        reason: e.to_string(),
    })?;
    let mut out = NewFile::beside(to, ".part")?;
    let result = copy_hashing(&mut entry, out.file(), Path::new(name), to)?;
    out.commit(to)?;
    Ok(result)
}

/// Whether the current database is too damaged to back up as an archive.
fn is_damaged(db: &Path) -> bool {
    crate::verify::quick_check(db).map_or(true, |r| !r.database_problems.is_empty())
}

/// Copies a damaged database and its write-ahead log, byte for byte, into
/// `backups/cchc-…-damaged/`, so restoring over it loses nothing.
fn keep_damaged(db: &Path, now: DateTime<Utc>) -> Result<PathBuf> {
    let name = backup_name(now, "damaged");
    let folder = backups_dir(db).join(name.trim_end_matches(".zip"));
    fs::create_dir_all(&folder).map_err(|e| Error::file(&folder, &e))?;
    for suffix in ["", "-wal"] {
        let from = side_file(db, suffix);
        if let Some(file_name) = from.file_name().filter(|_| from.exists()) {
            durable::copy(&from, &folder.join(file_name))?;
        }
    }
    Ok(folder)
}

/// Folds the write-ahead log into the database file and leaves WAL mode, which
/// SQLite allows only when no other connection has the database open.
fn release_wal(db: &Path) -> Result<()> {
    let conn = Connection::open(db)?;
    let mode: String = conn
        .query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))
        .map_err(|e| match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => busy(),
            _ => Error::from(e),
        })?;
    if mode != "delete" {
        return Err(busy());
    }
    Ok(())
}

fn busy() -> Error {
    Error::Database(
        "Cơ sở dữ liệu đang được mở ở một cửa sổ cchc khác (hoặc chương trình khác): đóng nó rồi khôi phục lại. Dữ liệu hiện tại không bị thay đổi.".into(),
    )
}

/// `cchc.sqlite3-wal` and the like.
fn side_file(db: &Path, suffix: &str) -> PathBuf {
    let mut name = db.as_os_str().to_os_string();
    name.push(suffix);
    PathBuf::from(name)
}
