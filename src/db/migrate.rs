//! Numbered schema migrations (`migrations/NNNN_*.sql`), tracked by SQLite's
//! `user_version` and applied together in one transaction. A released migration
//! is never edited; a change is a new file.

use rusqlite::Connection;

use crate::error::{Error, Result};

/// Every migration in order; `MIGRATIONS[i]` takes the schema from version `i` to `i + 1`.
pub const MIGRATIONS: &[&str] = &[
    include_str!("../../migrations/0001_init.sql"),
    include_str!("../../migrations/0002_collected_reports.sql"),
    include_str!("../../migrations/0005_indicators.sql"),
];

/// The schema version this build writes.
pub const LATEST: u32 = MIGRATIONS.len() as u32;

/// The schema version of an open database.
pub fn version(conn: &Connection) -> Result<u32> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// Brings the database to [`LATEST`] in one transaction; a database written by a
/// newer version of the app is refused untouched.
///
/// # Errors
/// [`Error::Database`] when the database is newer than this build or a migration fails
/// (then nothing of it is applied).
pub fn migrate(conn: &mut Connection) -> Result<()> {
    migrate_to(conn, LATEST)
}

/// Applies the migrations up to `target` (tests build every earlier version with it).
pub fn migrate_to(conn: &mut Connection, target: u32) -> Result<()> {
    let tx = conn.transaction()?;
    let current = version(&tx)?;
    if current > LATEST {
        return Err(Error::Database(format!(
            "Cơ sở dữ liệu này do phiên bản mới hơn của ứng dụng tạo ra (lược đồ {current}, phiên bản này chỉ biết đến {LATEST}). Hãy cập nhật ứng dụng; dữ liệu không bị thay đổi."
        )));
    }
    for (i, sql) in MIGRATIONS
        .iter()
        .enumerate()
        .take(target as usize)
        .skip(current as usize)
    {
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", i as u32 + 1)?;
    }
    tx.commit()?;
    Ok(())
}
