//! The one way the app writes a file: into a temporary file in the target's
//! folder, synced to disk, renamed over the target, then the folder synced. After
//! a crash or a power cut the target is the old file or the whole new one, never
//! a part, and a new file's name survives with its content (an evidence file is
//! not lost while the database row that names it survives). Workbooks, evidence
//! copies, backups and restored files all go through [`NewFile`].

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// A file being written: a temporary file beside its target, removed unless
/// [`NewFile::commit`] renames it into place.
pub struct NewFile {
    temp: tempfile::NamedTempFile,
    dir: PathBuf,
}

impl NewFile {
    /// A new temporary file in the folder of `target` (a folder that does not
    /// exist is an error, as for any file the user names), `.cchc-…<suffix>`.
    ///
    /// # Errors
    /// [`Error::File`] naming the target when it is a folder or its folder
    /// cannot be written.
    pub fn beside(target: &Path, suffix: &str) -> Result<NewFile> {
        if target.is_dir() {
            return Err(Error::File {
                path: target.display().to_string(),
                reason: "đây là một thư mục, không phải tên tệp".into(),
            });
        }
        match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => NewFile::in_folder(p, suffix),
            _ => NewFile::in_folder(Path::new("."), suffix),
        }
    }

    /// A new temporary file in the existing folder `dir`, for a target named
    /// only once the content is written (an evidence file, named by its hash).
    ///
    /// # Errors
    /// [`Error::File`] naming `dir` when it cannot be written.
    pub fn in_folder(dir: &Path, suffix: &str) -> Result<NewFile> {
        let mut builder = tempfile::Builder::new();
        builder.prefix(".cchc-").suffix(suffix);
        // What the app writes is an ordinary document: readable as any file the
        // user makes (the umask applies), not private like a temporary file.
        #[cfg(unix)]
        builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
        let temp = builder.tempfile_in(dir).map_err(|e| Error::file(dir, &e))?;
        Ok(NewFile {
            temp,
            dir: dir.to_path_buf(),
        })
    }

    /// The open temporary file, to write the content into.
    pub fn file(&mut self) -> &mut File {
        self.temp.as_file_mut()
    }

    /// Where the temporary file is (for messages).
    pub fn path(&self) -> &Path {
        self.temp.path()
    }

    /// Syncs the content to disk, renames the file over `target` (which must be
    /// in the same folder as the target given to [`NewFile::beside`]) and syncs
    /// the folder.
    ///
    /// # Errors
    /// [`Error::File`] naming `target` when a sync or the rename fails (a target
    /// held open by another program on Windows); the target is then untouched.
    pub fn commit(mut self, target: &Path) -> Result<()> {
        self.temp.flush().map_err(|e| Error::file(target, &e))?;
        self.temp
            .as_file()
            .sync_all()
            .map_err(|e| Error::file(target, &e))?;
        self.temp
            .persist(target)
            .map_err(|e| Error::file(target, &e.error))?;
        sync_dir(&self.dir)
    }
}

/// Writes `target` through a [`NewFile`]: `write` fills it, then it is committed.
///
/// # Errors
/// As [`NewFile::beside`] and [`NewFile::commit`], or what `write` returns;
/// the target is then untouched.
pub fn write_file(
    target: &Path,
    suffix: &str,
    write: impl FnOnce(&mut File) -> Result<()>,
) -> Result<()> {
    let mut new = NewFile::beside(target, suffix)?;
    write(new.file())?;
    new.commit(target)
}

/// Copies the file `from` to `to` through a [`NewFile`].
///
/// # Errors
/// [`Error::File`] naming `from` when it cannot be read, `to` when it cannot be written.
pub fn copy(from: &Path, to: &Path) -> Result<()> {
    let mut source = File::open(from).map_err(|e| Error::file(from, &e))?;
    write_file(to, ".tmp", |out| {
        std::io::copy(&mut source, out)
            .map(drop)
            .map_err(|e| Error::file(to, &e))
    })
}

/// Moves a file already synced to disk (a staged one) to `to`, in the same file
/// system, and syncs the folder of `to`.
///
/// # Errors
/// [`Error::File`] naming `to` when the rename or the sync fails.
pub fn rename(from: &Path, to: &Path) -> Result<()> {
    std::fs::rename(from, to).map_err(|e| Error::file(to, &e))?;
    let dir = match to.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    sync_dir(dir)
}

/// Makes a rename or a new file in `dir` durable (a no-op where folders cannot
/// be opened, as on Windows, whose renames are durable through the journal).
///
/// # Errors
/// [`Error::File`] naming `dir` when it cannot be opened or synced.
pub fn sync_dir(dir: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        File::open(dir)
            .and_then(|d| d.sync_all())
            .map_err(|e| Error::file(dir, &e))?;
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_committed_file_replaces_the_target_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let target = dir.path().join("báo cáo.xlsx");
        std::fs::write(&target, b"old").expect("old file");
        write_file(&target, ".tmp", |f| {
            f.write_all(b"new").map_err(|e| Error::file(&target, &e))
        })
        .expect("written");
        assert_eq!(std::fs::read(&target).expect("read"), b"new");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names.len(), 1, "only the target is left: {names:?}");
    }

    #[test]
    fn a_failed_write_leaves_the_old_target_and_no_temporary_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let target = dir.path().join("a.zip");
        std::fs::write(&target, b"old").expect("old file");
        let err = write_file(&target, ".tmp", |f| {
            f.write_all(b"half").map_err(|e| Error::file(&target, &e))?;
            Err(Error::Invalid("stopped".into()))
        })
        .expect_err("the writer failed");
        assert!(err.to_string().contains("stopped"), "{err}");
        assert_eq!(std::fs::read(&target).expect("read"), b"old");
        assert_eq!(std::fs::read_dir(dir.path()).expect("list").count(), 1);
    }

    #[test]
    fn a_folder_named_as_the_target_is_refused_in_vietnamese() {
        let dir = tempfile::tempdir().expect("temp dir");
        let err = NewFile::beside(dir.path(), ".tmp")
            .err()
            .expect("a folder is not a file name");
        assert!(err.to_string().contains("thư mục"), "{err}");
    }
}
