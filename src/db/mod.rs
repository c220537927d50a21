//! The database file, below everything that uses it: opening a connection with
//! the pragmas every connection needs (and the read-only fallback), the numbered
//! schema migrations, and consistent snapshots through SQLite's online backup
//! API. It knows no plan, no workbook and no backup archive: the store, the
//! backups and the checks are built on it, and what must happen before a schema
//! upgrade (a backup) is the caller's, passed in.

mod connect;
mod log_sync;
pub mod migrate;
mod snapshot;

use std::path::{Path, PathBuf};

use rusqlite::Connection;

pub(crate) use connect::open_for_reading;
#[cfg(test)]
pub(crate) use connect::read_only as open_immutable;
pub(crate) use log_sync::{checkpoint, sync_log, wait_for_disk};
pub(crate) use snapshot::snapshot;

use crate::error::{Error, Result};

/// Opens (or creates) the database at `path`, making its folder, and brings its
/// schema to [`migrate::LATEST`]. When a database that holds data needs an
/// upgrade, `before_upgrade(version)` runs first (the caller backs it up) and
/// nothing is upgraded if it fails. A database in a folder that cannot be
/// written, or on a full disk, opens for reading; the second value is then why
/// saves fail, when SQLite would not say it. A file of 0 bytes is refused.
///
/// # Errors
/// [`Error::File`] when the folder cannot be made; [`Error::Database`] when the
/// file is not a cchc database, was written by a newer version, or cannot be
/// opened; whatever `before_upgrade` returns.
pub fn open(
    path: &Path,
    before_upgrade: impl FnOnce(u32) -> Result<()>,
) -> Result<(Connection, Option<&'static str>)> {
    let dir = folder(path);
    std::fs::create_dir_all(&dir).map_err(|e| Error::file(&dir, &e))?;
    refuse_empty_file(path)?;
    let (mut conn, read_only_reason) = connect::connect(path)?;
    let version = migrate::version(&conn)?;
    if version < migrate::LATEST && has_tables(&conn)? {
        before_upgrade(version)?;
    }
    migrate::migrate(&mut conn)?;
    Ok((conn, read_only_reason))
}

/// Refuses a database file of 0 bytes, keeping it: a file that held the
/// officer's data and lost it (a crash, a copy cut short) must not silently
/// become a new, empty database.
fn refuse_empty_file(path: &Path) -> Result<()> {
    if std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.len() == 0) {
        return Err(Error::Database(format!(
            "Tệp cơ sở dữ liệu \"{}\" rỗng (0 byte): dữ liệu trong đó có thể đã mất khi máy tắt \
             đột ngột hoặc khi chép tệp. Tệp rỗng được giữ nguyên, không tạo dữ liệu mới đè lên. \
             Hãy khôi phục bản sao lưu gần nhất (trong thư mục backups/: Cài đặt → Khôi phục, \
             hoặc \"cchc restore TỆP\"); muốn bắt đầu lại từ đầu thì xóa tệp rỗng này.",
            path.display()
        )));
    }
    Ok(())
}

/// The folder of a database file: the evidence files and `backups/` live beside it.
pub fn folder(db: &Path) -> PathBuf {
    match db.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Whether a database file holds any table (a new file holds none).
fn has_tables(conn: &Connection) -> Result<bool> {
    Ok(
        conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| {
            r.get::<_, i64>(0)
        })? > 0,
    )
}
