//! Saves in a batch (a collection run saves its files a few at a time, each
//! all or nothing): several saves committed in one transaction, commits that
//! do not wait for the disk, then one sync of the write-ahead log before
//! anyone is told they are saved ([`crate::db::sync_log`]), and one copy of
//! the log into the database ([`LogCheckpoint`]).

use std::path::PathBuf;

use super::Store;
use crate::db;
use crate::error::Result;

impl Store {
    /// Runs `f` with this store's commits not waiting for the disk (each is
    /// still all-or-nothing) nor copying the log into the database as it
    /// grows, and makes them do both again afterwards, whatever `f` returns;
    /// the caller calls [`Store::sync_log`] before telling anyone the saves
    /// were made, and checkpoints the log ([`Store::log_checkpoint`]).
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

    /// The copy of this store's log into its database that a run of
    /// [`Store::unsynced`] batches left to do, to run beside other work
    /// ([`LogCheckpoint::alongside`]).
    pub fn log_checkpoint(&self) -> LogCheckpoint {
        LogCheckpoint {
            path: self
                .conn
                .path()
                .filter(|p| !p.is_empty())
                .map(PathBuf::from),
            empty_log: false,
        }
    }
}

/// A checkpoint of a store's write-ahead log ([`Store::log_checkpoint`]).
#[derive(Debug)]
pub struct LogCheckpoint {
    /// The database file (none for a database in memory: nothing to copy).
    path: Option<PathBuf>,
    /// Whether the log file is cut to nothing once copied ([`Self::before_closing`]).
    empty_log: bool,
}

impl LogCheckpoint {
    /// The checkpoint of a store closed once the work beside it is done (a
    /// command's last step): once copied, the log file is also cut to
    /// nothing, so that closing the store does not have a large file to
    /// delete (about 4 ms for a month's 9 MB). Unless another connection is
    /// in the log at that moment: it is not waited for, and the log stays.
    /// Cutting the log holds the database's write lock for that moment,
    /// which a writer elsewhere may have to wait for: not for the app, whose
    /// store stays open.
    pub fn before_closing(self) -> LogCheckpoint {
        LogCheckpoint {
            empty_log: true,
            ..self
        }
    }

    /// Runs `f` while the log is copied into the database on a thread and a
    /// connection of its own, and returns once both are done. A failed copy
    /// is only logged: what the log holds stays there, durable, and the
    /// next checkpoint (at the latest when the store is closed) copies it.
    pub fn alongside<T>(self, f: impl FnOnce() -> T) -> T {
        std::thread::scope(|scope| {
            let copy = scope.spawn(|| {
                self.path
                    .as_deref()
                    .map_or(Ok(()), |path| db::checkpoint(path, self.empty_log))
            });
            let out = f();
            match copy.join() {
                Ok(Ok(())) => {}
                Ok(Err(e)) => tracing::warn!(error = %e.log_text(), "checkpoint failed"),
                Err(_) => tracing::warn!("the checkpoint's thread failed"),
            }
            out
        })
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::error::Error;

    /// A new store in a temporary folder (kept while the folder lives), and its path.
    fn store_on_disk() -> (tempfile::TempDir, std::path::PathBuf, Store) {
        let dir = tempfile::tempdir().expect("temp folder");
        let path = dir.path().join("a.sqlite3");
        let store = Store::open(&path, chrono::Utc::now(), |_| Ok(())).expect("open");
        (dir, path, store)
    }

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

    /// Saves `rows` rows of 2 KB in a new table `t`, in one commit inside
    /// [`Store::unsynced`].
    fn save_unsynced(store: &mut Store, rows: u32) {
        store
            .unsynced(|s| {
                s.conn.execute_batch(&format!(
                    "CREATE TABLE t (x);
                     WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {rows})
                     INSERT INTO t SELECT randomblob(2000) FROM n;"
                ))?;
                Ok(())
            })
            .expect("saved");
    }

    /// The rows of `t` in the database file itself, leaving out the log
    /// (none when the table is not there yet).
    fn rows_in_the_file(path: &Path) -> Option<i64> {
        let conn = db::open_immutable(path).expect("the file opens");
        conn.query_row("SELECT count(*) FROM t", [], |r| r.get(0))
            .ok()
    }

    #[test]
    fn a_run_of_unsynced_commits_leaves_its_log_to_one_checkpoint_beside_other_work() {
        let (_dir, path, mut store) = store_on_disk();
        // 3,000 rows of 2 KB: a commit of far more than the 1,000 pages that
        // make SQLite copy the log into the database on its own.
        save_unsynced(&mut store, 3000);
        assert_eq!(
            rows_in_the_file(&path),
            None,
            "nothing copied during the run"
        );
        let pages: i64 = store
            .conn
            .query_row("PRAGMA wal_autocheckpoint", [], |r| r.get(0))
            .expect("the setting");
        assert_eq!(
            pages, 1000,
            "the log is copied as it grows again after the run"
        );
        let beside = store.log_checkpoint().alongside(|| 7);
        assert_eq!(beside, 7, "the work beside it is done, its answer returned");
        assert_eq!(
            rows_in_the_file(&path),
            Some(3000),
            "the log copied into the file"
        );
        assert!(
            log_length(&path) > 0,
            "the copied log is left for the next commits"
        );
    }

    /// The length of the write-ahead log file of the database at `path`.
    fn log_length(path: &Path) -> u64 {
        let log = format!("{}-wal", path.display());
        std::fs::metadata(log).expect("the log").len()
    }

    #[test]
    fn the_checkpoint_before_closing_a_store_leaves_its_log_empty() {
        let (_dir, path, mut store) = store_on_disk();
        save_unsynced(&mut store, 500);
        assert!(log_length(&path) > 1_000_000, "the run's 1 MB in the log");
        let beside = store.log_checkpoint().before_closing().alongside(|| 7);
        assert_eq!(beside, 7);
        assert_eq!(rows_in_the_file(&path), Some(500), "copied into the file");
        assert_eq!(log_length(&path), 0, "the log cut to nothing");
        let rows: i64 = store
            .conn
            .query_row("SELECT count(*) FROM t", [], |r| r.get(0))
            .expect("the store reads on");
        assert_eq!(rows, 500);
    }

    #[test]
    fn a_checkpoint_that_fails_leaves_the_work_beside_it_done() {
        let dir = tempfile::tempdir().expect("temp folder");
        // A folder: no database opens there.
        let failing = LogCheckpoint {
            path: Some(dir.path().to_path_buf()),
            empty_log: true,
        };
        assert_eq!(failing.alongside(|| "done"), "done");
        let in_memory = LogCheckpoint {
            path: None,
            empty_log: false,
        };
        assert_eq!(in_memory.alongside(|| "done"), "done");
        let gone = dir.path().join("gone.sqlite3");
        let missing = LogCheckpoint {
            path: Some(gone.clone()),
            empty_log: true,
        };
        assert_eq!(missing.alongside(|| "done"), "done");
        assert!(!gone.exists(), "a checkpoint makes no database");
    }
}
