//! Opening the officer's database as the app and the command line do: the
//! store over the database file, with a backup of a database that holds data
//! into `backups/` before its schema is upgraded. The store knows no backups;
//! this is where the two meet.

use std::path::Path;

use chrono::{DateTime, Utc};

use crate::backup;
use crate::error::Result;
use crate::store::Store;

/// Opens (or creates) the database at `db` as [`Store::open`] does, first
/// backing up a database with data that needs a schema upgrade (the archive is
/// dated `now`); nothing is upgraded when that backup cannot be written. What
/// a restore or a backup killed midway left beside it (older than
/// [`backup::LEFTOVER_AGE`]) is removed first.
///
/// # Errors
/// As [`Store::open`]; [`crate::Error::File`] when the backup before an upgrade
/// cannot be written.
pub fn open_store(db: &Path, now: DateTime<Utc>) -> Result<Store> {
    // What a restore or backup killed midway left beside it is removed first.
    backup::clean_leftovers(db, backup::LEFTOVER_AGE);
    Store::open(db, now, |version| {
        backup::before_migration(db, version, now).map(drop)
    })
}
