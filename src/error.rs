//! The one error type of the core. Its messages are the Vietnamese text an
//! officer reads; `kind()` lets the faces tell the cases apart. The error a
//! message was made from (an I/O or SQLite error) is kept as its `source()`,
//! so that the faces can log the whole chain (`Error::log_text`).

use std::path::Path;
use std::sync::Arc;

use crate::{deadline::DeadlineError, docref::DocRefError};

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, Clone, thiserror::Error)]
pub enum Error {
    /// A value typed by a person or read from a file is wrong; the message says where.
    #[error("{0}")]
    Invalid(String),
    /// A code that names nothing in the current plan.
    #[error("Không có {what} mã \"{code}\" trong kế hoạch đang dùng.")]
    NotFound { what: &'static str, code: String },
    /// Several rows of an imported file are wrong; nothing was imported.
    #[error("Không nhập được vì dữ liệu có {} lỗi (chưa nhập gì):\n{}", .0.len(), .0.join("\n"))]
    Rows(Vec<String>),
    #[error(transparent)]
    Deadline(#[from] DeadlineError),
    #[error(transparent)]
    DocRef(#[from] DocRefError),
    #[error("Không đọc hoặc ghi được tệp \"{path}\": {reason}")]
    File { path: String, reason: String },
    /// As [`Error::File`], made from the system's I/O error (see [`Error::file`]).
    #[error("Không đọc hoặc ghi được tệp \"{path}\": {reason}")]
    Io {
        path: String,
        reason: String,
        source: Arc<std::io::Error>,
    },
    /// As [`Error::File`], made from a zip or spreadsheet library's error,
    /// kept as the source for the log (see [`Error::library`]).
    #[error("Không đọc hoặc ghi được tệp \"{path}\": {reason}")]
    Library {
        path: String,
        reason: String,
        source: Arc<dyn std::error::Error + Send + Sync>,
    },
    #[error("{0}")]
    Database(String),
    /// As [`Error::Database`], made from SQLite's error (see the `From` impl).
    #[error("{message}")]
    Sqlite {
        message: String,
        source: Arc<rusqlite::Error>,
    },
    /// The data folder is on a network share, where SQLite cannot write safely.
    #[error(
        "Thư mục dữ liệu \"{folder}\" nằm trên ổ mạng: cơ sở dữ liệu SQLite không ghi an toàn \
         trên ổ mạng. Hãy dùng một thư mục trên ổ đĩa của máy này (ví dụ thư mục mặc định trong \
         AppData)."
    )]
    NetworkFolder { folder: String },
    /// A backup archive that cannot be restored; nothing was changed.
    #[error("Không khôi phục được từ \"{path}\": {reason}. Dữ liệu hiện tại không bị thay đổi.")]
    BadBackup { path: String, reason: String },
    /// `cchc verify` found problems, listed before this message.
    #[error("Kiểm tra phát hiện {0} vấn đề (xem danh sách ở trên).")]
    Damaged(usize),
}

/// The case of an [`Error`], as the desktop UI tells them apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum ErrorKind {
    /// A wrong value typed or read; the officer can fix it.
    Invalid,
    NotFound,
    Rows,
    File,
    Database,
    /// The data folder is on a network share (the store is not opened there).
    NetworkFolder,
    /// A file given as a backup is not one (or not a complete one).
    BadBackup,
    /// The database or an evidence file failed its integrity check.
    Damaged,
}

/// An [`Error`] as it crosses to the UI: `{ kind, message }`, the message being
/// the Vietnamese text shown to the officer.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ErrorPayload {
    pub kind: ErrorKind,
    pub message: String,
}

impl serde::Serialize for Error {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        ErrorPayload {
            kind: self.kind(),
            message: self.to_string(),
        }
        .serialize(serializer)
    }
}

impl Error {
    /// The case of this error, for the desktop shell and scripts.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Invalid(_) | Error::Deadline(_) | Error::DocRef(_) => ErrorKind::Invalid,
            Error::NotFound { .. } => ErrorKind::NotFound,
            Error::Rows(_) => ErrorKind::Rows,
            Error::File { .. } | Error::Io { .. } | Error::Library { .. } => ErrorKind::File,
            Error::Database(_) | Error::Sqlite { .. } => ErrorKind::Database,
            Error::NetworkFolder { .. } => ErrorKind::NetworkFolder,
            Error::BadBackup { .. } => ErrorKind::BadBackup,
            Error::Damaged(_) => ErrorKind::Damaged,
        }
    }

    /// An I/O error on a named file, described in Vietnamese.
    pub fn file(path: &Path, err: &std::io::Error) -> Error {
        use std::io::ErrorKind;
        let reason = match err.kind() {
            _ if is_sharing_violation(err) => {
                "tệp đang được mở trong Excel hoặc một chương trình khác: hãy đóng tệp rồi thử lại"
                    .to_string()
            }
            ErrorKind::NotFound => "không có tệp hoặc thư mục này".to_string(),
            ErrorKind::PermissionDenied => {
                "không có quyền truy cập (tệp chỉ đọc, hoặc đang được chương trình khác mở)"
                    .to_string()
            }
            ErrorKind::StorageFull => "ổ đĩa đã đầy".to_string(),
            ErrorKind::AlreadyExists => "tệp đã tồn tại".to_string(),
            _ => format!("lỗi hệ thống ({err})"),
        };
        // The caller keeps its error; a copy with the same OS code (or kind
        // and text) is kept as the source.
        let source = match err.raw_os_error() {
            Some(code) => std::io::Error::from_raw_os_error(code),
            None => std::io::Error::new(err.kind(), err.to_string()),
        };
        Error::Io {
            path: path.display().to_string(),
            reason,
            source: Arc::new(source),
        }
    }

    /// A file the zip or spreadsheet library could not write or read: the
    /// officer reads `reason` in Vietnamese, the log gets the library's own
    /// error as the source.
    pub fn library(
        path: &Path,
        reason: &str,
        err: impl std::error::Error + Send + Sync + 'static,
    ) -> Error {
        Error::Library {
            path: path.display().to_string(),
            reason: reason.to_string(),
            source: Arc::new(err),
        }
    }

    /// A line for the log: the kind, the codes or counts the error names and
    /// the chain of its sources, but no path and no text a person typed (the
    /// Vietnamese message can quote both).
    pub fn log_text(&self) -> String {
        let kind = serde_json::to_value(self.kind())
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let mut text = match self {
            Error::NotFound { what, code } => format!("{kind}: {what} {code}"),
            Error::Rows(rows) => format!("{kind}: {} rows", rows.len()),
            Error::Damaged(n) => format!("{kind}: {n} problems"),
            Error::Database(message) => format!("{kind}: {message}"),
            _ => kind,
        };
        push_sources(&mut text, self);
        text
    }
}

/// `err` and the chain of its sources, "a <- b <- c", for the log.
pub fn chain(err: &dyn std::error::Error) -> String {
    let mut text = err.to_string();
    push_sources(&mut text, err);
    text
}

fn push_sources(text: &mut String, err: &dyn std::error::Error) {
    let mut source = err.source();
    while let Some(e) = source {
        text.push_str(&format!(" <- {e}"));
        source = e.source();
    }
}

impl From<rusqlite::Error> for Error {
    fn from(err: rusqlite::Error) -> Error {
        use rusqlite::ErrorCode;
        let message = match err.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
                "Cơ sở dữ liệu đang bị một chương trình khác (có thể là một cửa sổ cchc khác) khóa. Đóng chương trình đó rồi thử lại.".to_string()
            }
            Some(ErrorCode::DiskFull) => {
                "Không lưu được vì ổ đĩa đã đầy. Giải phóng dung lượng rồi thử lại.".to_string()
            }
            Some(ErrorCode::ReadOnly) => {
                "Không lưu được vì tệp cơ sở dữ liệu chỉ cho phép đọc.".to_string()
            }
            Some(ErrorCode::CannotOpen) => {
                "Không mở được tệp cơ sở dữ liệu: kiểm tra đường dẫn và quyền ghi của thư mục."
                    .to_string()
            }
            Some(ErrorCode::NotADatabase) => {
                "Tệp này không phải là cơ sở dữ liệu của cchc (hoặc đã bị hỏng). Nếu đây là tệp \
                 dữ liệu của bạn, hãy khôi phục bản sao lưu gần nhất (Cài đặt → Khôi phục, hoặc \
                 \"cchc restore TỆP\")."
                    .to_string()
            }
            Some(ErrorCode::DatabaseCorrupt) => format!(
                "Không đọc được vì tệp cơ sở dữ liệu bị hỏng. {}",
                DAMAGED_ADVICE
            ),
            Some(ErrorCode::SystemIoFailure) => {
                "Không đọc hoặc ghi được tệp cơ sở dữ liệu (lỗi ổ đĩa: ổ đã đầy, tệp chỉ cho phép \
                 đọc, hoặc ổ đã bị tháo ra). Kiểm tra ổ đĩa rồi thử lại; dữ liệu đã lưu không bị \
                 thay đổi."
                    .to_string()
            }
            _ => format!("Lỗi cơ sở dữ liệu: {err}"),
        };
        Error::Sqlite {
            message,
            source: Arc::new(err),
        }
    }
}

/// Windows reports a file that another program holds open (Excel locks the
/// workbooks it shows) as a sharing or lock violation.
fn is_sharing_violation(err: &std::io::Error) -> bool {
    const ERROR_SHARING_VIOLATION: i32 = 32;
    const ERROR_LOCK_VIOLATION: i32 = 33;
    cfg!(windows)
        && matches!(
            err.raw_os_error(),
            Some(ERROR_SHARING_VIOLATION | ERROR_LOCK_VIOLATION)
        )
}

/// What to do about a damaged database, in Vietnamese.
pub const DAMAGED_ADVICE: &str = "Cơ sở dữ liệu bị hỏng. Đừng nhập thêm dữ liệu: hãy khôi phục bản sao lưu gần nhất (Cài đặt → Khôi phục, hoặc \"cchc restore TỆP\") rồi nhập lại những gì đã ghi sau ngày sao lưu.";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_library_error_shows_vietnamese_and_logs_the_librarys_own_words() {
        let err = Error::library(
            Path::new("/du-lieu/BC-CCHC-SNV-2024-09.xlsx"),
            "không tạo được nội dung tệp Excel",
            zip::result::ZipError::InvalidArchive("central directory not found".into()),
        );
        assert_eq!(err.kind(), ErrorKind::File);
        let shown = err.to_string();
        assert!(
            shown.contains("không tạo được nội dung tệp Excel"),
            "{shown}"
        );
        assert!(
            !shown.contains("central directory"),
            "no English shown: {shown}"
        );
        let logged = err.log_text();
        assert!(
            logged.starts_with("file <- ") && logged.contains("central directory not found"),
            "the library's error is the logged source: {logged}"
        );
        assert!(!logged.contains("BC-CCHC"), "no path in the log: {logged}");
    }

    #[test]
    fn a_file_refused_for_permission_names_both_likely_causes() {
        let err = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        let message = Error::file(Path::new("BC-CCHC-SNV-2024-09.xlsx"), &err).to_string();
        assert!(message.contains("BC-CCHC-SNV-2024-09.xlsx"), "{message}");
        assert!(message.contains("chỉ đọc") && message.contains("chương trình khác mở"));
    }

    #[test]
    fn the_log_line_of_a_file_error_keeps_the_system_reason_and_leaves_out_the_path() {
        let err = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        let err = Error::file(Path::new("/home/Nguyễn Văn An/BC.xlsx"), &err);
        let line = err.log_text();
        assert!(line.starts_with("file <- "), "{line}");
        assert!(line.contains("permission denied"), "{line}");
        assert!(!line.contains("Nguyễn"), "no personal text: {line}");
        assert!(
            std::error::Error::source(&err).is_some(),
            "the I/O error is kept"
        );
    }

    #[test]
    fn an_sqlite_error_keeps_its_source_and_its_chain_is_logged() {
        let conn = rusqlite::Connection::open_in_memory().expect("memory db");
        let sqlite = conn
            .execute("INSERT INTO nowhere VALUES (1)", [])
            .expect_err("no such table");
        let err = Error::from(sqlite);
        assert_eq!(err.kind(), ErrorKind::Database);
        assert!(err.to_string().starts_with("Lỗi cơ sở dữ liệu"), "{err}");
        let line = err.log_text();
        assert!(
            line.starts_with("database <- ") && line.contains("no such table: nowhere"),
            "{line}"
        );
    }

    #[test]
    fn a_not_found_code_is_logged_but_a_typed_value_is_not() {
        let missing = Error::NotFound {
            what: "nhiệm vụ",
            code: "IV.3.1".into(),
        };
        assert_eq!(missing.log_text(), "not-found: nhiệm vụ IV.3.1");
        let typed = Error::Invalid("Ngày \"31/02/2024\" không hợp lệ.".into());
        assert_eq!(typed.log_text(), "invalid");
    }

    #[test]
    fn a_sharing_violation_is_told_as_a_file_open_elsewhere_only_on_windows() {
        let err = std::io::Error::from_raw_os_error(32);
        let message = Error::file(Path::new("a.xlsx"), &err).to_string();
        assert_eq!(
            message.contains("đang được mở trong Excel"),
            cfg!(windows),
            "code 32 is a sharing violation on Windows, a broken pipe elsewhere: {message}"
        );
    }
}
