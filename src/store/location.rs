//! Where the database lives: the OS app-data folder by default, and never on a
//! network share, where SQLite's write-ahead log cannot work safely (its shared
//! memory file needs one machine's locks).

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// The database file: `CCHC_DB` when set, else `cchc.sqlite3` in the OS
/// app-data folder (`$XDG_DATA_HOME/cchc` on Linux, `%APPDATA%\HungYen\cchc\data` on Windows).
///
/// # Errors
/// [`Error::Invalid`] when the system has no app-data folder for this user.
pub fn default_db_path() -> Result<PathBuf> {
    if let Some(p) = std::env::var_os("CCHC_DB") {
        return Ok(PathBuf::from(p));
    }
    directories::ProjectDirs::from("vn", "HungYen", "cchc")
        .map(|d| d.data_dir().join("cchc.sqlite3"))
        .ok_or_else(|| {
            Error::Invalid("Không tìm được thư mục dữ liệu ứng dụng: hãy chỉ định --db.".into())
        })
}

/// Refuses a data folder on a network share.
///
/// # Errors
/// [`Error::NetworkFolder`] (which says what to do) when `folder` is a UNC path (`\\server\share`)
/// or, on Linux, lies on an NFS/SMB/SSHFS mount; on Windows, a mapped network drive.
pub fn check_local_folder(folder: &Path) -> Result<()> {
    let shown = folder.display().to_string();
    if is_unc(&shown) || on_network_mount(folder) {
        return Err(Error::NetworkFolder { folder: shown });
    }
    Ok(())
}

/// Whether a path names a share on another machine (`\\server\share`, `//server/share`).
pub fn is_unc(path: &str) -> bool {
    match path.strip_prefix(r"\\?\") {
        Some(verbatim) => verbatim.starts_with(r"UNC\"),
        None => path.starts_with(r"\\") || path.starts_with("//"),
    }
}

/// File-system types of network mounts as `/proc/mounts` names them.
pub fn is_network_fs(fs_type: &str) -> bool {
    matches!(
        fs_type,
        "nfs"
            | "nfs4"
            | "cifs"
            | "smbfs"
            | "smb3"
            | "ncpfs"
            | "afs"
            | "9p"
            | "fuse.sshfs"
            | "fuse.rclone"
            | "davfs"
            | "fuse.davfs2"
    )
}

/// The file-system type of the mount that holds `path`, from the text of
/// `/proc/mounts` (the longest mount point that is a prefix of the path).
pub fn mount_fs_type<'a>(mounts: &'a str, path: &Path) -> Option<&'a str> {
    mounts
        .lines()
        .filter_map(|line| {
            let mut parts = line.split_whitespace();
            let _device = parts.next()?;
            let point = parts.next()?.replace("\\040", " ");
            let fs = parts.next()?;
            path.starts_with(&point).then_some((point.len(), fs))
        })
        .max_by_key(|(len, _)| *len)
        .map(|(_, fs)| fs)
}

#[cfg(target_os = "linux")]
fn on_network_mount(folder: &Path) -> bool {
    // The folder may not exist yet: judge by its nearest existing ancestor.
    let existing = folder.ancestors().find(|p| p.exists()).unwrap_or(folder);
    let Ok(real) = existing.canonicalize() else {
        return false;
    };
    std::fs::read_to_string("/proc/mounts")
        .ok()
        .and_then(|m| mount_fs_type(&m, &real).map(is_network_fs))
        .unwrap_or(false)
}

#[cfg(windows)]
fn on_network_mount(folder: &Path) -> bool {
    use std::os::windows::ffi::OsStrExt;
    let Some(std::path::Component::Prefix(prefix)) = folder.components().next() else {
        return false;
    };
    let letter = match prefix.kind() {
        std::path::Prefix::Disk(l) | std::path::Prefix::VerbatimDisk(l) => l,
        std::path::Prefix::UNC(..) | std::path::Prefix::VerbatimUNC(..) => return true,
        _ => return false,
    };
    let root: Vec<u16> = std::ffi::OsString::from(format!("{}:\\", letter as char))
        .encode_wide()
        .chain(Some(0))
        .collect();
    const DRIVE_REMOTE: u32 = 4;
    // SAFETY: `root` is a NUL-terminated wide string that outlives the call.
    unsafe { GetDriveTypeW(root.as_ptr()) == DRIVE_REMOTE }
}

#[cfg(windows)]
#[link(name = "kernel32")]
extern "system" {
    fn GetDriveTypeW(root: *const u16) -> u32;
}

#[cfg(not(any(target_os = "linux", windows)))]
fn on_network_mount(_folder: &Path) -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unc_paths_are_network_shares_and_drive_paths_are_not() {
        assert!(is_unc(r"\\fileserver\cchc\data"));
        assert!(is_unc("//fileserver/cchc"));
        assert!(is_unc(r"\\?\UNC\fileserver\cchc"));
        assert!(!is_unc(r"C:\Users\canbo\AppData\Roaming"));
        assert!(
            !is_unc(r"\\?\C:\Users\canbo"),
            "a verbatim local path is local"
        );
        assert!(!is_unc("/home/canbo/.local/share"));
    }

    #[test]
    fn mount_type_comes_from_the_longest_matching_mount_point() {
        let mounts = "/dev/vda1 / ext4 rw 0 0\n\
                      //nas/share /mnt/nas cifs rw 0 0\n\
                      server:/export /mnt/nas/nfs nfs4 rw 0 0\n";
        assert_eq!(mount_fs_type(mounts, Path::new("/home/a")), Some("ext4"));
        assert_eq!(
            mount_fs_type(mounts, Path::new("/mnt/nas/cchc")),
            Some("cifs")
        );
        assert_eq!(
            mount_fs_type(mounts, Path::new("/mnt/nas/nfs/x")),
            Some("nfs4")
        );
        assert_eq!(
            mount_fs_type(mounts, Path::new("/mnt/nassy")),
            Some("ext4"),
            "a mount point matches whole path components only"
        );
        assert!(is_network_fs("cifs") && is_network_fs("nfs4") && !is_network_fs("ext4"));
    }

    #[test]
    fn a_local_folder_is_accepted_and_a_share_is_refused_with_advice() {
        let dir = tempfile::tempdir().expect("temp dir");
        assert!(
            check_local_folder(dir.path()).is_ok(),
            "the temp folder is local"
        );
        let err = check_local_folder(Path::new(r"\\server\share\cchc"))
            .expect_err("a UNC path is a share");
        assert!(err.to_string().contains("ổ mạng"), "{err}");
        assert_eq!(
            err.kind(),
            crate::error::ErrorKind::NetworkFolder,
            "the faces tell a share apart from a database error"
        );
    }
}
