//! `cchc backup`, `cchc restore`, `cchc verify`, and the daily automatic backup:
//! each a call into `cchc::backup` or `cchc::verify` on the database path, run
//! without opening the store so they work on a damaged or newer database.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use clap::Subcommand;
use serde_json::json;

use cchc::{backup, verify, Error, Result};

use crate::emit;

#[derive(Subcommand)]
pub enum SafetyCommand {
    /// Sao lưu cơ sở dữ liệu và các tệp tài liệu kiểm chứng vào một tệp nén.
    Backup {
        /// Tệp sao lưu (mặc định: thư mục backups/ cạnh cơ sở dữ liệu).
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Khôi phục từ một tệp sao lưu (dữ liệu hiện tại được sao lưu trước).
    Restore { file: PathBuf },
    /// Kiểm tra cơ sở dữ liệu và các tệp tài liệu kiểm chứng.
    Verify {
        /// Kiểm tra nhanh (không tính lại mã băm của tệp).
        #[arg(long)]
        quick: bool,
    },
}

pub fn run(command: &SafetyCommand, db: &Path, json: bool, now: DateTime<Utc>) -> Result<()> {
    match command {
        SafetyCommand::Backup { out } => {
            let out = out.clone().unwrap_or_else(|| {
                backup::backups_dir(db).join(backup::backup_name(now, backup::MANUAL))
            });
            let info = backup::create_backup(db, &out, now)?;
            emit(json, &info, || {
                let mut text = format!(
                    "Đã sao lưu vào {} ({} KB, {} tệp tài liệu).\n",
                    info.path.display(),
                    info.size.div_ceil(1024),
                    info.evidence_files
                );
                if !info.missing_files.is_empty() {
                    text.push_str(&format!(
                        "Cảnh báo: {} tệp tài liệu bị mất hoặc bị thay đổi nên không có trong bản sao lưu (chạy \"cchc verify\" để xem).\n",
                        info.missing_files.len()
                    ));
                }
                text
            })
        }
        SafetyCommand::Restore { file } => {
            let info = backup::restore_backup(db, file, now)?;
            emit(json, &info, || {
                let kept = info
                    .replaced_backup
                    .as_ref()
                    .map(|p| format!(" Dữ liệu cũ được giữ ở {}.", p.display()))
                    .unwrap_or_default();
                format!(
                    "Đã khôi phục cơ sở dữ liệu và {} tệp tài liệu.{kept}\n",
                    info.evidence_files
                )
            })
        }
        SafetyCommand::Verify { quick } => {
            let report = if *quick {
                verify::quick_check(db)?
            } else {
                verify::verify(db)?
            };
            emit(json, &report, || verify_text(&report))?;
            match report.problems() {
                0 => Ok(()),
                n => Err(Error::Damaged(n)),
            }
        }
    }
}

fn verify_text(report: &verify::VerifyReport) -> String {
    let mut text = String::new();
    for line in &report.database_problems {
        text.push_str(&format!("Cơ sở dữ liệu: {line}\n"));
    }
    for line in &report.foreign_key_problems {
        text.push_str(&format!("Liên kết hỏng: {line}\n"));
    }
    for (what, files) in [
        ("Mất tệp", &report.missing_files),
        ("Tệp bị thay đổi", &report.changed_files),
    ] {
        for f in files {
            text.push_str(&format!(
                "{what}: \"{}\" của tài liệu {} ({})\n",
                f.file_name,
                f.reference,
                f.path.display()
            ));
        }
    }
    match report.advice() {
        Some(advice) => text.push_str(&format!("{advice}\n")),
        None => text.push_str(&format!(
            "Cơ sở dữ liệu và {} tệp tài liệu đều tốt.\n",
            report.files_checked
        )),
    }
    text
}

/// The automatic backup of the day; a failure is a warning, never a reason to
/// stop the command the officer asked for.
pub fn daily_backup(db: &Path, json: bool, now: DateTime<Utc>) {
    match backup::auto_backup(db, now) {
        Ok(_) => {}
        Err(e) if json => eprintln!("{}", json!({"warning": e.to_string(), "kind": e.kind()})),
        Err(e) => eprintln!("Cảnh báo: chưa sao lưu tự động được hôm nay. {e}"),
    }
}
