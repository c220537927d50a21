//! Many saves in a row (a collection run: a transaction per batch of files) without
//! waiting for the disk at each commit, then one sync that makes them all
//! durable, and one checkpoint. Every connection commits with
//! `synchronous=FULL`; [`wait_for_disk`] lowers it to NORMAL for a while: in
//! WAL mode each commit is still all-or-nothing, but the last ones could be
//! lost in a power cut until the write-ahead log reaches the disk, which
//! [`sync_log`] forces (SQLite itself syncs the log before each checkpoint
//! copies it into the database).

use std::fs::OpenOptions;
use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use crate::error::{Error, Result};

/// SQLite's own: a commit that leaves the log longer than this many pages
/// copies it into the database (a checkpoint).
const CHECKPOINT_PAGES: i64 = 1000;

/// Sets whether `conn`'s commits wait for the disk (FULL, as every
/// connection starts) or not (NORMAL). A checkpoint waits for the disk too
/// (it syncs the log, then the database), so while commits do not wait the
/// log is not copied as it grows either: [`checkpoint`] copies it once, after.
///
/// # Errors
/// [`Error::Database`] when the setting cannot be changed.
pub(crate) fn wait_for_disk(conn: &Connection, wait: bool) -> Result<()> {
    let (level, pages) = if wait {
        ("FULL", CHECKPOINT_PAGES)
    } else {
        ("NORMAL", 0)
    };
    conn.pragma_update(None, "synchronous", level)?;
    conn.pragma_update(None, "wal_autocheckpoint", pages)?;
    Ok(())
}

/// Copies the write-ahead log of the database at `path` into the database
/// and syncs both (FULL), on a connection of its own (PASSIVE: it waits for
/// no other connection, and leaves in the log what a reader still needs).
/// With `empty_log`, the log file is then cut to nothing, unless another
/// connection is reading or writing in it at that moment (it is not waited
/// for; the log then stays as it is, copied). A database that is not there
/// is not made.
///
/// # Errors
/// [`Error::Database`] when the database cannot be opened or the copy
/// fails; what the log holds stays there, durable, for the next checkpoint.
pub(crate) fn checkpoint(path: &Path, empty_log: bool) -> Result<()> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags)?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()))?;
    if empty_log {
        conn.busy_timeout(std::time::Duration::ZERO)?;
        let busy: i64 = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get(0))?;
        if busy != 0 {
            tracing::debug!("the log is in use: left as it is, copied");
        }
    }
    Ok(())
}

/// Makes every commit made so far on `conn`'s database durable: syncs its
/// write-ahead log, and the folder that holds it (a new log's name must
/// survive too). No log (an in-memory database, or the log removed by a
/// completed checkpoint, which SQLite synced) is nothing to do.
///
/// # Errors
/// [`Error::File`] naming the log when it cannot be synced (a disk removed).
pub(crate) fn sync_log(conn: &Connection) -> Result<()> {
    let Some(db) = conn.path().filter(|p| !p.is_empty()) else {
        return Ok(());
    };
    let log = format!("{db}-wal");
    let log = Path::new(&log);
    let file = match OpenOptions::new().write(true).open(log) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(Error::file(log, &e)),
    };
    file.sync_all().map_err(|e| Error::file(log, &e))?;
    match log.parent() {
        Some(dir) => crate::durable::sync_dir(dir),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_log_of_a_database_is_synced_and_no_log_is_nothing_to_do() {
        let dir = tempfile::tempdir().expect("temp folder");
        let path = dir.path().join("a.sqlite3");
        let conn = crate::db::connect::read_write(&path).expect("open");
        wait_for_disk(&conn, false).expect("NORMAL");
        conn.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
            .expect("saved");
        assert!(dir.path().join("a.sqlite3-wal").exists(), "a log to sync");
        sync_log(&conn).expect("synced");
        drop(conn);
        assert!(
            !dir.path().join("a.sqlite3-wal").exists(),
            "checkpointed at close"
        );
        sync_log(&Connection::open(&path).expect("reopen")).expect("no log, nothing to do");
        sync_log(&Connection::open_in_memory().expect("memory")).expect("nothing to do");
    }
}
