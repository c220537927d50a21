//! The one error type of the core. Its messages are the Vietnamese text an
//! officer reads; `kind()` lets the faces tell the cases apart.

use std::path::Path;

use crate::{deadline::DeadlineError, docref::DocRefError};

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
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
    #[error("{0}")]
    Database(String),
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
            Error::File { .. } => ErrorKind::File,
            Error::Database(_) => ErrorKind::Database,
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
        Error::File {
            path: path.display().to_string(),
            reason,
        }
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
        Error::Database(message)
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
    fn a_file_refused_for_permission_names_both_likely_causes() {
        let err = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        let message = Error::file(Path::new("BC-CCHC-SNV-2024-09.xlsx"), &err).to_string();
        assert!(message.contains("BC-CCHC-SNV-2024-09.xlsx"), "{message}");
        assert!(message.contains("chỉ đọc") && message.contains("chương trình khác mở"));
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
