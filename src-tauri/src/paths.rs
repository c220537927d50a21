//! Where files are saved when the officer names no folder: Documents, or,
//! when the system has none, the home folder, or else the data folder. Never a
//! bare file name, which would land in whatever folder the program was started
//! from; a relative path typed by the officer is taken inside that folder too.

use std::path::{Path, PathBuf};

use tauri::{AppHandle, Manager, Runtime};

/// The first of `candidates` that is an existing folder, else `data`.
pub fn save_folder(candidates: impl IntoIterator<Item = Option<PathBuf>>, data: &Path) -> PathBuf {
    candidates
        .into_iter()
        .flatten()
        .find(|dir| dir.is_absolute() && dir.is_dir())
        .unwrap_or_else(|| data.to_path_buf())
}

/// `typed` as a full path: an absolute path as it is, anything else inside `folder`.
pub fn full_path(typed: &str, folder: &Path) -> PathBuf {
    let typed = Path::new(typed.trim());
    if typed.is_absolute() {
        typed.to_path_buf()
    } else {
        folder.join(typed)
    }
}

/// The default folder of this user: Documents, home, or the folder of `db_path`
/// (the system's temporary folder when even that is unknown).
pub fn default_folder<R: Runtime>(app: &AppHandle<R>, db_path: &Path) -> PathBuf {
    let data = db_path
        .parent()
        .filter(|p| p.is_absolute())
        .map(Path::to_path_buf)
        .unwrap_or_else(std::env::temp_dir);
    let path = app.path();
    save_folder([path.document_dir().ok(), path.home_dir().ok()], &data)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_a_documents_folder_the_home_folder_is_used_then_the_data_folder() {
        let dir = tempfile::tempdir().expect("temp dir");
        let home = dir.path().join("home");
        let data = dir.path().join("data");
        std::fs::create_dir_all(&home).expect("home");
        let missing_documents = Some(home.join("Documents"));
        assert_eq!(
            save_folder([missing_documents.clone(), Some(home.clone())], &data),
            home
        );
        assert_eq!(save_folder([None, None], &data), data);
        assert_eq!(
            save_folder([Some(PathBuf::from("Documents")), None], &data),
            data,
            "a relative folder is no folder to save in"
        );
    }

    #[test]
    fn a_bare_file_name_is_saved_in_the_default_folder_and_a_full_path_as_typed() {
        let folder = Path::new("/home/can-bo/Documents");
        assert_eq!(
            full_path(" BC-CCHC-SNV-2024-08.xlsx ", folder),
            folder.join("BC-CCHC-SNV-2024-08.xlsx")
        );
        let typed = std::env::temp_dir().join("BC.xlsx");
        assert_eq!(full_path(&typed.display().to_string(), folder), typed);
    }
}
