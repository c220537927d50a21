//! Files read ahead on worker threads and handed over in the order given, so
//! that reading the next workbooks (the bulk of a run's work) goes on while
//! the current ones are checked and saved, and on every core. The workers
//! stay at most a batch and [`WINDOW`] files each ahead of the last one
//! handed over.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Condvar, Mutex, PoisonError};

/// Most worker threads.
const MAX_READERS: usize = 4;
/// How many files the workers may be ahead of the one handed over, per worker.
const WINDOW: usize = 2;

/// Calls `read(i)` for `i` in `0..count` on worker threads and `each(i, read(i))`
/// on the calling thread, in order; stops at `each`'s first error. `each`
/// keeps up to `batch` files before it saves them together: the workers may
/// read that many more ahead, so that they go on reading the next batch while
/// one is saved instead of waiting for it.
pub(super) fn in_order<T: Send, E>(
    count: usize,
    batch: usize,
    read: impl Fn(usize) -> T + Sync,
    mut each: impl FnMut(usize, T) -> Result<(), E>,
) -> Result<(), E> {
    let readers = crate::parallel::workers(count).min(MAX_READERS);
    if readers <= 1 {
        return (0..count).try_for_each(|i| each(i, read(i)));
    }
    let next = AtomicUsize::new(0);
    let gate = Gate {
        state: Mutex::new((0, false)),
        moved: Condvar::new(),
        ahead: batch + readers * WINDOW,
    };
    std::thread::scope(|scope| {
        let (tx, rx) = mpsc::channel();
        for _ in 0..readers {
            let (tx, next, gate, read) = (tx.clone(), &next, &gate, &read);
            scope.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= count || !gate.wait_for(i) || tx.send((i, read(i))).is_err() {
                    break;
                }
            });
        }
        drop(tx);
        let mut handed = || {
            let mut pending = BTreeMap::new();
            let mut want = 0;
            for (i, value) in &rx {
                pending.insert(i, value);
                while let Some(value) = pending.remove(&want) {
                    each(want, value)?;
                    want += 1;
                    gate.handed(want);
                }
            }
            Ok(())
        };
        let result = handed();
        gate.stop();
        result
    })
}

/// Holds the workers back: (files handed over, stopped).
struct Gate {
    state: Mutex<(usize, bool)>,
    moved: Condvar,
    ahead: usize,
}

impl Gate {
    /// Waits until file `i` may be read; false when the run stopped.
    fn wait_for(&self, i: usize) -> bool {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        while !state.1 && i >= state.0 + self.ahead {
            state = self
                .moved
                .wait(state)
                .unwrap_or_else(PoisonError::into_inner);
        }
        !state.1
    }

    fn handed(&self, done: usize) {
        self.state.lock().unwrap_or_else(PoisonError::into_inner).0 = done;
        self.moved.notify_all();
    }

    fn stop(&self) {
        self.state.lock().unwrap_or_else(PoisonError::into_inner).1 = true;
        self.moved.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_is_handed_over_once_in_order() {
        let mut seen = Vec::new();
        let result: Result<(), ()> = in_order(
            50,
            4,
            |i| {
                // Later files are quicker, so the workers finish out of order.
                std::thread::sleep(std::time::Duration::from_micros((50 - i as u64) * 20));
                i * 10
            },
            |i, v| {
                seen.push((i, v));
                Ok(())
            },
        );
        assert_eq!(result, Ok(()));
        assert_eq!(seen, (0..50).map(|i| (i, i * 10)).collect::<Vec<_>>());
    }

    /// The files a test's `each` keeps before saving them.
    const BATCH: usize = 16;

    #[test]
    fn the_workers_read_the_next_batch_while_one_is_saved() {
        // On one core the files are read in turn, as they are handed over.
        if crate::parallel::workers(2) < 2 {
            return;
        }
        let count = 8 * BATCH;
        let readers = crate::parallel::workers(count).min(MAX_READERS);
        // While the first batch is saved (its last file being handed over,
        // so BATCH - 1 handed), the next batch and each worker's window are
        // read, and no more: the files held in memory stay bounded.
        let window = (BATCH - 1) + BATCH + readers * WINDOW;
        let read = AtomicUsize::new(0);
        let mut reached = None;
        let result: Result<(), ()> = in_order(
            count,
            BATCH,
            |i| {
                read.fetch_add(1, Ordering::Relaxed);
                i
            },
            |i, _| {
                if i + 1 == BATCH {
                    let start = std::time::Instant::now();
                    while read.load(Ordering::Relaxed) < window
                        && start.elapsed() < std::time::Duration::from_secs(5)
                    {
                        std::thread::sleep(std::time::Duration::from_millis(1));
                    }
                    // Time for a worker to go too far, if it could.
                    std::thread::sleep(std::time::Duration::from_millis(20));
                    reached = Some(read.load(Ordering::Relaxed));
                }
                Ok(())
            },
        );
        assert_eq!(result, Ok(()));
        assert_eq!(
            reached,
            Some(window),
            "files read while the first batch was saved"
        );
    }

    #[test]
    fn the_first_error_stops_the_run_and_the_workers() {
        let read = AtomicUsize::new(0);
        let mut handed = 0;
        let result = in_order(
            1_000,
            BATCH,
            |i| {
                read.fetch_add(1, Ordering::Relaxed);
                i
            },
            |i, _| {
                handed += 1;
                if i == 3 {
                    Err("database")
                } else {
                    Ok(())
                }
            },
        );
        assert_eq!(result, Err("database"));
        assert_eq!(handed, 4);
        assert!(
            read.load(Ordering::Relaxed) <= 4 + BATCH + MAX_READERS * WINDOW + MAX_READERS,
            "the workers stopped near the error: {} read",
            read.load(Ordering::Relaxed)
        );
    }
}
