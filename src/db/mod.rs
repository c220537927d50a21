//! The database file, below everything that uses it: opening a connection with
//! the pragmas every connection needs (and the read-only fallback), the numbered
//! schema migrations, and consistent snapshots through SQLite's online backup
//! API. It knows no plan, no workbook and no backup archive: the store, the
//! backups and the checks are built on it, and what must happen before a schema
//! upgrade (a backup) is the caller's, passed in.

mod connect;
pub mod migrate;
mod snapshot;

use std::path::{Path, PathBuf};

use rusqlite::Connection;

pub(crate) use connect::open_for_reading;
pub(crate) use snapshot::snapshot;

use crate::error::{Error, Result};

/// Opens (or creates) the database at `path`, making its folder, and brings its
/// schema to [`migrate::LATEST`]. When a database that holds data needs an
/// upgrade, `before_upgrade(version)` runs first (the caller backs it up) and
/// nothing is upgraded if it fails. A database in a folder that cannot be
/// written opens for reading.
///
/// # Errors
/// [`Error::File`] when the folder cannot be made; [`Error::Database`] when the
/// file is not a cchc database, was written by a newer version, or cannot be
/// opened; whatever `before_upgrade` returns.
pub fn open(path: &Path, before_upgrade: impl FnOnce(u32) -> Result<()>) -> Result<Connection> {
    let dir = folder(path);
    std::fs::create_dir_all(&dir).map_err(|e| Error::file(&dir, &e))?;
    let mut conn = connect::connect(path)?;
    let version = migrate::version(&conn)?;
    if version < migrate::LATEST && has_tables(&conn)? {
        before_upgrade(version)?;
    }
    migrate::migrate(&mut conn)?;
    Ok(conn)
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
