//! The disk: free space on the disk holding a folder (where the platform tells
//! it), and a writer that stops at its first error.

use std::io::{Seek, SeekFrom, Write};
use std::path::Path;

/// The bytes an unprivileged program may still write on the disk holding
/// `dir`; `None` where it cannot be told (another platform, an error).
#[cfg(target_os = "linux")]
pub fn free_space(dir: &Path) -> Option<u64> {
    let stat = rustix::fs::statvfs(dir).ok()?;
    Some(stat.f_bavail.saturating_mul(stat.f_frsize))
}

/// The bytes an unprivileged program may still write on the disk holding
/// `dir`; `None` where it cannot be told (another platform, an error).
#[cfg(not(target_os = "linux"))]
pub fn free_space(_dir: &Path) -> Option<u64> {
    None
}

/// Whether the disk holding `dir` is full (less than one 64 KiB write left).
pub fn is_full(dir: &Path) -> bool {
    free_space(dir).is_some_and(|free| free < 64 * 1024)
}

/// A writer that keeps its first error and then takes every later write and
/// seek without touching the file. A zip writer dropped after a failed write
/// (a full disk) tries to finish its archive, and prints its debug text to
/// stderr when that fails too; behind a latch it finishes into nothing, and
/// the caller, which discards the file, reports the error kept here.
pub struct Latch<W> {
    inner: W,
    failed: Option<std::io::Error>,
    /// The position and length the writer pretends to have after the failure.
    position: u64,
    length: u64,
}

impl<W> Latch<W> {
    pub fn new(inner: W) -> Latch<W> {
        Latch {
            inner,
            failed: None,
            position: 0,
            length: 0,
        }
    }

    /// The first error met, if any.
    pub fn into_error(self) -> Option<std::io::Error> {
        self.failed
    }

    /// The first error, when there was one.
    pub fn error(&self) -> Option<&std::io::Error> {
        self.failed.as_ref()
    }

    /// The writer, to finish it when nothing failed.
    pub fn into_inner(self) -> W {
        self.inner
    }

    /// Keeps the error and returns one of the same kind for the caller.
    fn keep(&mut self, e: std::io::Error) -> std::io::Error {
        let kind = e.kind();
        if self.failed.is_none() {
            self.failed = Some(e);
        }
        std::io::Error::from(kind)
    }
}

impl<W: Write> Write for Latch<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.failed.is_some() {
            self.position += buf.len() as u64;
            self.length = self.length.max(self.position);
            return Ok(buf.len());
        }
        self.inner.write(buf).map_err(|e| self.keep(e))
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if self.failed.is_some() {
            return Ok(());
        }
        self.inner.flush().map_err(|e| self.keep(e))
    }
}

impl<W: Seek> Seek for Latch<W> {
    fn seek(&mut self, to: SeekFrom) -> std::io::Result<u64> {
        if self.failed.is_none() {
            let before = self.inner.stream_position();
            match self.inner.seek(to) {
                Ok(at) => return Ok(at),
                Err(e) => {
                    let at = before.unwrap_or(0);
                    (self.position, self.length) = (at, at);
                    return Err(self.keep(e));
                }
            }
        }
        self.position = match to {
            SeekFrom::Start(at) => at,
            SeekFrom::Current(by) => self.position.saturating_add_signed(by),
            SeekFrom::End(by) => self.length.saturating_add_signed(by),
        };
        Ok(self.position)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A writer that fails every write, as a full disk does.
    struct Full;

    impl Write for Full {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::Error::from(std::io::ErrorKind::StorageFull))
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn the_first_error_is_kept_and_later_writes_are_taken_without_writing() {
        let mut latch = Latch::new(Full);
        let first = latch.write(b"abc").expect_err("the disk is full");
        assert_eq!(first.kind(), std::io::ErrorKind::StorageFull);
        assert_eq!(
            latch.write(b"more").ok(),
            Some(4),
            "taken after the failure"
        );
        assert_eq!(
            latch.into_error().map(|e| e.kind()),
            Some(std::io::ErrorKind::StorageFull)
        );
    }
}
