//! A consistent copy of a live database file, taken with SQLite's online backup
//! API so the app may keep it open (and keep writing) meanwhile.

use std::path::Path;
use std::time::Duration;

use rusqlite::{backup::StepResult, Connection};

use super::open_for_reading;
use crate::error::{Error, Result};

/// Takes a consistent snapshot of `db` into the new file `to` in one step
/// (retried while a writer holds the lock).
///
/// # Errors
/// [`Error::File`] when there is no database at `db`; [`Error::Database`] when
/// it cannot be read, `to` cannot be written, or a writer keeps it busy.
pub(crate) fn snapshot(db: &Path, to: &Path) -> Result<()> {
    let source = open_for_reading(db)?;
    let mut target = Connection::open(to)?;
    let backup = rusqlite::backup::Backup::new(&source, &mut target)?;
    for _ in 0..100 {
        match backup.step(-1)? {
            StepResult::Done => return Ok(()),
            // More, Busy or Locked: a writer is busy; try again shortly.
            _ => std::thread::sleep(Duration::from_millis(50)),
        }
    }
    Err(Error::Database(
        "Không sao lưu được vì cơ sở dữ liệu đang bận ghi liên tục. Hãy thử lại sau ít phút."
            .into(),
    ))
}
