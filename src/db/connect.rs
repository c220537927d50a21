//! Opening the database file with the pragmas every connection needs, and the
//! read-only fallback for a folder that cannot be written (a write-protected
//! USB stick, a network share without write rights), so the officer can still read.

use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OpenFlags};

use crate::error::{Error, Result};

/// A read-write connection, or a read-only one when the file exists but its
/// folder cannot be written (WAL needs a `-shm` file beside the database).
pub(super) fn connect(path: &Path) -> Result<Connection> {
    match read_write(path) {
        Err(e) if path.is_file() && cannot_open(&e) => Ok(read_only(path)?),
        other => Ok(other?),
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
        Err(e) if cannot_open(&e) => Ok(read_only(path)?),
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

fn read_write(path: &Path) -> rusqlite::Result<Connection> {
    let conn = Connection::open(path)?;
    // Wait for another writer instead of failing at once.
    conn.busy_timeout(Duration::from_secs(5))?;
    // Enforce the references between tables declared in the schema.
    conn.pragma_update(None, "foreign_keys", true)?;
    // WAL lets readers work while a save is written and survives crashes.
    conn.pragma_update(None, "journal_mode", "WAL")?;
    // FULL: an acknowledged save survives a power cut, not only a crash.
    conn.pragma_update(None, "synchronous", "FULL")?;
    Ok(conn)
}

/// Opens the file as immutable: SQLite then needs no `-shm` file and takes no
/// locks. Only what was checkpointed into the main file is seen, which is all
/// of it after the app closed normally.
fn read_only(path: &Path) -> rusqlite::Result<Connection> {
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
