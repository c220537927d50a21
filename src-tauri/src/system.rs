//! Handing files to the operating system: the default viewer and the file manager.

use std::path::Path;

use cchc::{Error, Result};

/// Opens a file with the program the system associates with its type.
pub fn open_path(path: &Path) -> Result<()> {
    tauri_plugin_opener::open_path(path.display().to_string(), None::<&str>).map_err(|e| {
        Error::File {
            path: path.display().to_string(),
            reason: format!("không mở được bằng chương trình mặc định của máy ({e})"),
        }
    })
}

/// Shows a file selected in its folder.
pub fn reveal(path: &Path) -> Result<()> {
    tauri_plugin_opener::reveal_item_in_dir(path).map_err(|e| Error::File {
        path: path.display().to_string(),
        reason: format!("không mở được thư mục chứa tệp ({e})"),
    })
}
