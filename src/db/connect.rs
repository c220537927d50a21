//! Opening the database file with the pragmas every connection needs, and the
//! read-only fallback for a folder that cannot be written (a write-protected
//! USB stick, a network share without write rights), so the officer can still read.

use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OpenFlags};

use crate::error::{Error, Result};

/// Why every save of a database opened for reading only fails, when the
/// reason is not one SQLite itself reports on the first save.
pub(super) const DISK_FULL: &str =
    "Không lưu được vì ổ đĩa đã đầy. Giải phóng dung lượng trên ổ chứa dữ liệu rồi mở lại ứng \
     dụng (trong lúc này vẫn xem, xuất báo cáo và sao lưu sang ổ khác được).";

/// A read-write connection, or a read-only one when the file exists but cannot
/// be written: its folder is read-only (WAL needs a `-shm` file beside the
/// database), the file itself is write-protected, or the disk is full. The
/// second value is the reason saves will fail, when SQLite would not say it.
pub(super) fn connect(path: &Path) -> Result<(Connection, Option<&'static str>)> {
    let existing = std::fs::metadata(path).ok().filter(|m| m.is_file());
    if let Some(meta) = &existing {
        if meta.permissions().readonly() {
            // Opened read-write, SQLite would leave write-protected -wal and
            // -shm files that later block saves once the file is writable; so
            // nothing is created beside it: immutable, unless a log left by a
            // crash holds saves that only a read through the log sees.
            let log = std::fs::metadata(side_file(path, "-wal")).map_or(0, |m| m.len());
            return Ok(if log == 0 {
                (read_only(path)?, None)
            } else {
                (open_for_reading(path)?, None)
            });
        }
        make_side_files_writable(path, meta);
    }
    match read_write(path) {
        Err(e) if existing.is_some() && cannot_open(&e) => Ok((read_only(path)?, None)),
        Err(e) if existing.is_some() && no_space(&e, path) => {
            Ok((open_for_reading(path)?, Some(DISK_FULL)))
        }
        other => Ok((other?, None)),
    }
}

/// Gives `-wal` and `-shm` files left write-protected (by a run on a
/// write-protected database) the permissions of the database file again.
fn make_side_files_writable(path: &Path, meta: &std::fs::Metadata) {
    for suffix in ["-wal", "-shm"] {
        let side = side_file(path, suffix);
        if std::fs::metadata(&side).is_ok_and(|m| m.permissions().readonly()) {
            // Best effort: if it fails, opening reports the problem.
            let _ = std::fs::set_permissions(&side, meta.permissions());
        }
    }
}

/// `cchc.sqlite3-wal` and the like.
fn side_file(path: &Path, suffix: &str) -> std::path::PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push(suffix);
    std::path::PathBuf::from(name)
}

/// Whether opening failed for want of disk space (SQLite reports a full disk
/// while it sets up the `-shm` file as an I/O error).
fn no_space(e: &rusqlite::Error, path: &Path) -> bool {
    match e.sqlite_error_code() {
        Some(ErrorCode::DiskFull) => true,
        Some(ErrorCode::SystemIoFailure) => {
            crate::disk::is_full(path.parent().unwrap_or_else(|| Path::new(".")))
        }
        _ => false,
    }
}

/// A connection that never writes, to an existing database, for backups and
/// checks: read-only, or immutable when the folder cannot be written.
///
/// # Errors
/// [`Error::File`] when there is no file at `path`; [`Error::Database`] when it
/// cannot be opened at all.
pub(crate) fn open_for_reading(path: &Path) -> Result<Connection> {
    if !path.is_file() {
        let missing = std::io::Error::from(std::io::ErrorKind::NotFound);
        return Err(Error::file(path, &missing));
    }
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    // Wait for a writer to finish instead of failing at once.
    conn.busy_timeout(Duration::from_secs(5))?;
    match conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| {
        r.get::<_, i64>(0)
    }) {
        // No -shm can be made (read-only folder, full disk): read the file as it is.
        Err(e) if cannot_open(&e) || no_space(&e, path) => Ok(read_only(path)?),
        // Any other failure (a damaged file) shows at the caller's first query.
        _ => Ok(conn),
    }
}

fn cannot_open(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(ErrorCode::CannotOpen | ErrorCode::ReadOnly)
    )
}

pub(super) fn read_write(path: &Path) -> rusqlite::Result<Connection> {
    let conn = Connection::open(path)?;
    // Wait for another writer instead of failing at once.
    conn.busy_timeout(Duration::from_secs(5))?;
    // Enforce the references between tables declared in the schema.
    conn.pragma_update(None, "foreign_keys", true)?;
    // WAL lets readers work while a save is written and survives crashes.
    conn.pragma_update(None, "journal_mode", "WAL")?;
    // FULL: an acknowledged save survives a power cut, not only a crash.
    conn.pragma_update(None, "synchronous", "FULL")?;
    // SQLite's temporary files (the pages a savepoint may have to put back,
    // large sorts) in memory: they hold nothing that must outlive the
    // connection, and on disk each page was a system call of its own.
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    Ok(conn)
}

/// Opens the file as immutable: SQLite then needs no `-shm` file and takes no
/// locks. Only what was checkpointed into the main file is seen, which is all
/// of it after the app closed normally.
pub(crate) fn read_only(path: &Path) -> rusqlite::Result<Connection> {
    let conn = Connection::open_with_flags(
        uri(path),
        OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    // Keep the same rules as a read-write connection; nothing is written here.
    conn.pragma_update(None, "foreign_keys", true)?;
    // Fail here, not at the first query, when even reading is impossible.
    conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| {
        r.get::<_, i64>(0)
    })?;
    Ok(conn)
}

/// `file:<path>?immutable=1`, with the characters URIs reserve escaped.
fn uri(path: &Path) -> String {
    let mut text = String::from("file:");
    for c in path.to_string_lossy().chars() {
        match c {
            '%' => text.push_str("%25"),
            '?' => text.push_str("%3f"),
            '#' => text.push_str("%23"),
            '\\' if cfg!(windows) => text.push('/'),
            c => text.push(c),
        }
    }
    text.push_str("?immutable=1");
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_that_uris_reserve_are_escaped_in_the_read_only_uri() {
        assert_eq!(
            uri(Path::new("/dữ liệu/50%#1?.sqlite3")),
            "file:/dữ liệu/50%25%231%3f.sqlite3?immutable=1",
            "a percent, hash or question mark in a folder name must not cut the path"
        );
    }
}
