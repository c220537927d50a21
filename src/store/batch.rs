//! Saves in a batch (a collection run saves its files a few at a time, each
//! all or nothing): several saves committed in one transaction, commits that
//! do not wait for the disk, then one sync of the write-ahead log before
//! anyone is told they are saved ([`crate::db::sync_log`]).

use super::Store;
use crate::db;
use crate::error::Result;

impl Store {
    /// Runs `f` with this store's commits not waiting for the disk (each is
    /// still all-or-nothing) and makes them wait again afterwards, whatever
    /// `f` returns; the caller calls [`Store::sync_log`] before telling
    /// anyone the saves were made.
    ///
    /// # Errors
    /// `f`'s error, or [`crate::Error::Database`] when the setting cannot be changed.
    pub fn unsynced<T>(&mut self, f: impl FnOnce(&mut Store) -> Result<T>) -> Result<T> {
        db::wait_for_disk(&self.conn, false)?;
        let out = f(self);
        let back = db::wait_for_disk(&self.conn, true);
        let out = out?;
        back?;
        Ok(out)
    }

    /// Runs `f` in one transaction, committed when `f` succeeds and rolled
    /// back when it fails. The saves made in it that are all-or-nothing on
    /// their own ([`Store::save_collected`]) stay so: one that fails leaves
    /// the others. Fewer commits write each changed page once for all of
    /// them instead of once per save.
    ///
    /// # Errors
    /// `f`'s error, or [`crate::Error::Database`] when the transaction cannot
    /// be begun or committed (nothing of `f` is then saved).
    pub fn in_one_transaction<T>(&mut self, f: impl FnOnce(&mut Store) -> Result<T>) -> Result<T> {
        self.conn.execute_batch("BEGIN")?;
        let out = f(self).and_then(|out| Ok(self.conn.execute_batch("COMMIT").map(|()| out)?));
        if out.is_err() && !self.conn.is_autocommit() {
            // Nothing of a failed batch stays; the connection is free again.
            let _ = self.conn.execute_batch("ROLLBACK");
        }
        out
    }

    /// Makes every commit made so far durable (the write-ahead log synced).
    ///
    /// # Errors
    /// [`crate::Error::File`] when the log cannot be synced.
    pub fn sync_log(&self) -> Result<()> {
        db::sync_log(&self.conn)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;

    fn synchronous(store: &Store) -> i64 {
        store
            .conn
            .query_row("PRAGMA synchronous", [], |r| r.get(0))
            .expect("the setting")
    }

    #[test]
    fn commits_wait_for_the_disk_again_after_the_call_even_when_it_failed() {
        let dir = tempfile::tempdir().expect("temp folder");
        let now = chrono::Utc::now();
        let mut store = Store::open(&dir.path().join("a.sqlite3"), now, |_| Ok(())).expect("open");
        assert_eq!(synchronous(&store), 2, "FULL");
        let inside = store.unsynced(|s| Ok(synchronous(s))).expect("ran");
        assert_eq!(inside, 1, "NORMAL inside");
        assert_eq!(synchronous(&store), 2, "FULL after");
        let failed: Result<()> = store.unsynced(|_| Err(Error::Invalid("hỏng".into())));
        assert!(failed.is_err());
        assert_eq!(synchronous(&store), 2, "FULL after a failure");
    }
}
