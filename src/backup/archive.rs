//! Writing a backup archive: an online-backup snapshot of the database, the
//! evidence files it refers to, and `manifest.json` naming each with its hash.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use chrono::{DateTime, Utc};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use super::BackupInfo;
use crate::db::{self, migrate, snapshot};
use crate::disk::Latch;
use crate::durable::NewFile;
use crate::error::{Error, Result};
use crate::sha256::copy_hashing;

/// The manifest's name inside the archive.
pub(super) const MANIFEST: &str = "manifest.json";
/// The database snapshot's name inside the archive.
pub(super) const DATABASE: &str = "cchc.sqlite3";
/// What `manifest.json` says the archive is.
pub(super) const FORMAT: &str = "cchc-backup";
pub(super) const FORMAT_VERSION: u32 = 1;

/// The description of an archive, written last.
#[derive(Debug, Serialize, Deserialize)]
pub(super) struct Manifest {
    pub format: String,
    pub format_version: u32,
    pub created_at: String,
    pub schema_version: u32,
    pub database: Entry,
    /// Evidence files, stored as `evidence/<sha256>`.
    pub files: Vec<Entry>,
    /// Files the database refers to that were missing or damaged at backup time.
    pub missing: Vec<String>,
}

#[derive(Debug, Serialize, Deserialize)]
pub(super) struct Entry {
    pub sha256: String,
    pub size: u64,
}

/// The evidence files a database refers to, by stored name.
pub(super) fn referenced_files(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT DISTINCT file_sha256 FROM evidence WHERE file_sha256 IS NOT NULL ORDER BY 1",
    )?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Refuses to back up a snapshot that fails `integrity_check` or
/// `foreign_key_check`: restore would refuse it, and the daily rotation must
/// never push a good backup out for a damaged one.
fn check_snapshot(conn: &Connection) -> Result<()> {
    let (problems, foreign_keys) = crate::verify::database_problems(conn, false)?;
    let found = problems.len() + foreign_keys.len();
    if found > 0 {
        return Err(Error::Database(format!(
            "Không sao lưu được vì cơ sở dữ liệu không qua được kiểm tra toàn vẹn ({found} lỗi): \
             một bản sao lưu chứa dữ liệu hỏng sẽ không khôi phục được. Các bản sao lưu đã có \
             trong thư mục backups/ vẫn được giữ nguyên. {}",
            crate::verify::DAMAGED_ADVICE
        )));
    }
    Ok(())
}

/// See [`super::create_backup`].
pub(super) fn write_archive(db: &Path, out: &Path, now: DateTime<Utc>) -> Result<BackupInfo> {
    if same_file(db, out) {
        return Err(Error::Invalid(format!(
            "Không thể ghi bản sao lưu đè lên chính cơ sở dữ liệu \"{}\": hãy chọn tệp khác.",
            out.display()
        )));
    }
    let out_dir = db::folder(out);
    std::fs::create_dir_all(&out_dir).map_err(|e| Error::file(&out_dir, &e))?;
    let staging = tempfile::Builder::new()
        .prefix(".cchc-backup-")
        .tempdir_in(&out_dir)
        .map_err(|e| Error::file(&out_dir, &e))?;
    let snap = staging.path().join(DATABASE);
    snapshot(db, &snap)?;
    let (schema_version, referenced) = {
        let conn = Connection::open(&snap)?;
        check_snapshot(&conn)?;
        (migrate::version(&conn)?, referenced_files(&conn)?)
    };

    let mut new = NewFile::beside(out, ".zip.part")?;
    // Behind a latch, a zip writer dropped after a failed write (a full disk)
    // finishes into nothing instead of printing its debug text.
    let mut zip = ZipWriter::new(Latch::new(BufWriter::new(new.file())));
    let zip_err = |e: zip::result::ZipError| match e {
        zip::result::ZipError::Io(io) => Error::file(out, &io),
        other => Error::library(out, "lỗi khi ghi tệp nén", other),
    };
    let options = SimpleFileOptions::default()
        .large_file(true)
        .last_modified_time(zip_time(now));
    let deflated = options.compression_method(CompressionMethod::Deflated);
    // Scans and office files are compressed already.
    let stored = options.compression_method(CompressionMethod::Stored);

    zip.start_file(DATABASE, deflated).map_err(zip_err)?;
    let mut snap_file = File::open(&snap).map_err(|e| Error::file(&snap, &e))?;
    let (db_sha, db_size) = copy_hashing(&mut snap_file, &mut zip, &snap, out)?;

    let evidence_dir = db::folder(db).join("evidence");
    let mut files = Vec::new();
    let mut missing = Vec::new();
    for name in referenced {
        let path = evidence_dir.join(&name);
        let Ok(mut source) = File::open(&path) else {
            missing.push(name);
            continue;
        };
        zip.start_file(format!("evidence/{name}"), stored)
            .map_err(zip_err)?;
        let (sha256, size) = copy_hashing(&mut source, &mut zip, &path, out)?;
        if sha256 == name {
            files.push(Entry { sha256, size });
        } else {
            // The stored copy changed since it was saved: keep it out.
            zip.abort_file().map_err(zip_err)?;
            missing.push(name);
        }
    }

    let manifest = Manifest {
        format: FORMAT.into(),
        format_version: FORMAT_VERSION,
        created_at: now.to_rfc3339(),
        schema_version,
        database: Entry {
            sha256: db_sha,
            size: db_size,
        },
        files,
        missing,
    };
    let json = serde_json::to_vec_pretty(&manifest)
        .map_err(|e| Error::Invalid(format!("Không tạo được mô tả bản sao lưu: {e}")))?;
    zip.start_file(MANIFEST, deflated).map_err(zip_err)?;
    zip.write_all(&json).map_err(|e| Error::file(out, &e))?;
    let writer = zip.finish().map_err(zip_err)?;
    if let Some(io) = writer.error() {
        return Err(Error::file(out, io));
    }
    writer
        .into_inner()
        .into_inner()
        .map_err(|e| Error::file(out, e.error()))?;
    new.commit(out)?;
    let size = std::fs::metadata(out)
        .map_err(|e| Error::file(out, &e))?
        .len();
    Ok(BackupInfo {
        path: out.to_path_buf(),
        size,
        schema_version,
        evidence_files: manifest.files.len(),
        missing_files: manifest.missing,
    })
}

/// `now` as a ZIP entry time (UTC; the format has no zone), 1980 when out of range.
fn zip_time(now: DateTime<Utc>) -> zip::DateTime {
    use chrono::{Datelike, Timelike};
    let part = |v: u32| u8::try_from(v).unwrap_or(0);
    u16::try_from(now.year())
        .ok()
        .and_then(|year| {
            zip::DateTime::from_date_and_time(
                year,
                part(now.month()),
                part(now.day()),
                part(now.hour()),
                part(now.minute()),
                part(now.second()),
            )
            .ok()
        })
        .unwrap_or_default()
}

/// Whether two paths name the same existing file.
fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
