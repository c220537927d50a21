//! Free space on the disk holding a folder, where the platform tells it.

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
