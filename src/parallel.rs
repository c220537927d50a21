//! A handful of jobs of very unequal size (the sheets of a workbook) shared
//! among as many threads as the processor has cores, each job run whole by
//! one thread.

use std::cmp::Reverse;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Mutex;

/// How many threads to share `jobs` jobs among: one per core, at most one per job.
pub fn workers(jobs: usize) -> usize {
    std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(jobs)
        .max(1)
}

/// Runs every job once on `workers` threads, the calling thread one of them.
/// The largest jobs by `size` are
/// taken first, each by the next free thread: on two cores the longest sheet
/// has one core to itself while the shorter ones follow each other on the
/// second, rather than all of them taking turns on both. Returns the first
/// error once every thread has stopped (a thread that stops on an error
/// leaves the jobs left to the others); a job that panicked gives
/// `panicked()`.
pub fn largest_first<J: Send, E: Send>(
    mut jobs: Vec<J>,
    size: impl Fn(&J) -> usize,
    workers: usize,
    run: impl Fn(J) -> Result<(), E> + Sync,
    panicked: impl Fn() -> E,
) -> Result<(), E> {
    jobs.sort_by_key(|job| Reverse(size(job)));
    let queue = Mutex::new(jobs.into_iter());
    // The queue is locked only to take a job, never while one runs.
    let next = || queue.lock().ok().and_then(|mut jobs| jobs.next());
    let work = || -> Result<(), E> {
        while let Some(job) = next() {
            run(job)?;
        }
        Ok(())
    };
    std::thread::scope(|scope| {
        // The calling thread is one of the workers, so the largest job starts
        // at once rather than when a new thread first runs (up to a
        // millisecond later on a virtual machine whose other cores are idle).
        let threads: Vec<_> = (1..workers.max(1)).map(|_| scope.spawn(work)).collect();
        let own = catch_unwind(AssertUnwindSafe(work)).unwrap_or_else(|_| Err(panicked()));
        threads
            .into_iter()
            .map(|thread| thread.join().unwrap_or_else(|_| Err(panicked())))
            .fold(own, Result::and)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs jobs `sizes` on `workers` threads; returns the sizes in the order
    /// the jobs were taken.
    fn taken(sizes: &[usize], workers: usize) -> Vec<usize> {
        let order = Mutex::new(Vec::new());
        largest_first(
            sizes.to_vec(),
            |size| *size,
            workers,
            |size| {
                order.lock().expect("order").push(size);
                Ok::<(), String>(())
            },
            || "panicked".to_string(),
        )
        .expect("every job runs");
        order.into_inner().expect("order")
    }

    #[test]
    fn every_job_runs_once_whatever_the_number_of_threads() {
        let sizes = [3, 40, 7, 0, 12, 7];
        for workers in 1..=8 {
            let mut ran = taken(&sizes, workers);
            ran.sort_unstable();
            assert_eq!(ran, [0, 3, 7, 7, 12, 40], "{workers} threads");
        }
    }

    #[test]
    fn one_thread_takes_the_largest_job_first() {
        assert_eq!(taken(&[3, 40, 7, 12], 1), [40, 12, 7, 3]);
    }

    #[test]
    fn the_first_error_is_returned_and_stops_its_thread() {
        let ran = Mutex::new(0);
        let result = largest_first(
            vec![1, 2, 3],
            |n| *n,
            1,
            |n| {
                *ran.lock().expect("count") += 1;
                if n == 3 {
                    return Err(format!("job {n}"));
                }
                Ok(())
            },
            || "panicked".to_string(),
        );
        assert_eq!(result, Err("job 3".to_string()));
        assert_eq!(*ran.lock().expect("count"), 1, "the failing thread stops");

        let result = largest_first(
            vec![1, 2],
            |n| *n,
            2,
            |n| if n == 2 { Err(n) } else { Ok(()) },
            || 0,
        );
        assert_eq!(result, Err(2));
    }

    #[test]
    fn a_job_that_panics_is_an_error() {
        for workers in 1..=3 {
            let result = largest_first(
                vec![1, 2],
                |n| *n,
                workers,
                |n| {
                    assert!(n != 2, "job 2 fails");
                    Ok(())
                },
                || "a job panicked".to_string(),
            );
            assert_eq!(
                result,
                Err("a job panicked".to_string()),
                "{workers} threads"
            );
        }
    }

    #[test]
    fn the_calling_thread_is_one_of_the_workers() {
        let caller = std::thread::current().id();
        let threads = Mutex::new(Vec::new());
        largest_first(
            vec![5, 1, 3],
            |n| *n,
            1,
            |_| {
                threads
                    .lock()
                    .expect("threads")
                    .push(std::thread::current().id());
                Ok::<(), String>(())
            },
            || "panicked".to_string(),
        )
        .expect("every job runs");
        assert_eq!(threads.into_inner().expect("threads"), [caller; 3]);
    }
}
