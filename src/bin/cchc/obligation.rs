//! `cchc workdays`, `cchc obligation add|settle|list` and `cchc holiday
//! add|list`: working days counted in the open, the obligations they time, and
//! the holiday notices the office adds.

use std::io::Read;
use std::path::Path;

use chrono::{Datelike, NaiveDate};
use clap::{Args, Subcommand};
use serde_json::{json, Value};

use cchc::deadline::{self, WorkdayCount};
use cchc::store::{ObligationInput, ObligationRow, SettleInput};
use cchc::{Error, Result};

use crate::{emit, table, Session};

#[derive(Args)]
pub struct WorkdaysArgs {
    /// Ngày bắt đầu tính (không tính ngày này), DD/MM/YYYY hoặc YYYY-MM-DD.
    #[arg(long, value_name = "DATE")]
    pub from: String,
    /// Số ngày làm việc.
    #[arg(long, value_name = "N")]
    pub days: String,
}

#[derive(Subcommand)]
pub enum ObligationCommand {
    /// Ghi một việc phát sinh (văn bản bắt đầu tính thời hạn) cho một nhiệm vụ.
    Add(AddArgs),
    /// Ghi văn bản xử lý một việc phát sinh (thành tài liệu kiểm chứng của nhiệm vụ).
    Settle(SettleArgs),
    /// Danh sách việc phát sinh của một cơ quan.
    List {
        #[arg(long, value_name = "CODE")]
        agency: String,
        /// Kỳ báo cáo: tình trạng tính đến ngày cuối tháng.
        #[arg(long, value_name = "YYYY-MM")]
        period: Option<String>,
    },
}

#[derive(Args)]
pub struct AddArgs {
    #[arg(long, value_name = "CODE")]
    pub agency: String,
    #[arg(long, value_name = "CODE")]
    pub task: String,
    /// Số, ký hiệu của văn bản phát sinh, ví dụ 1234/QĐ-BTP.
    #[arg(long, value_name = "REF")]
    pub number: String,
    /// Ngày của văn bản.
    #[arg(long, value_name = "DATE")]
    pub date: String,
    /// Ngày nhận, khi thời hạn tính từ ngày nhận.
    #[arg(long, value_name = "DATE")]
    pub received: Option<String>,
    #[arg(long, value_name = "T", default_value = "", allow_hyphen_values = true)]
    pub issuer: String,
    #[arg(long, value_name = "T", default_value = "", allow_hyphen_values = true)]
    pub summary: String,
}

#[derive(Args)]
pub struct SettleArgs {
    #[arg(long, value_name = "CODE")]
    pub agency: String,
    #[arg(long, value_name = "N")]
    pub id: String,
    /// Số, ký hiệu của văn bản xử lý.
    #[arg(long, value_name = "REF")]
    pub number: String,
    #[arg(long, value_name = "DATE")]
    pub date: String,
}

#[derive(Subcommand)]
pub enum HolidayCommand {
    /// Thêm thông báo ngày nghỉ: mỗi dòng của đầu vào chuẩn (hoặc mỗi hàng của
    /// sheet đầu tiên trong tệp --file) là một ngày hoặc một khoảng ngày và tên
    /// ("05/02/2027 - 11/02/2027 Tết Nguyên đán"), "Làm bù DD/MM/YYYY" cho thứ Bảy làm bù.
    Add {
        /// Tên, số, ký hiệu của thông báo.
        #[arg(long, value_name = "T", allow_hyphen_values = true)]
        reference: String,
        /// Tệp Excel (.xlsx) ghi các ngày, thay cho đầu vào chuẩn.
        #[arg(long, value_name = "PATH")]
        file: Option<std::path::PathBuf>,
    },
    /// Các thông báo ngày nghỉ đã thêm.
    List,
}

/// The day the command runs, in the office's time zone.
fn today(s: &Session) -> NaiveDate {
    s.now.with_timezone(&chrono::Local).date_naive()
}

/// `cchc workdays`: the due date N working days after a day, and the days skipped.
pub fn workdays(s: &Session, a: &WorkdaysArgs) -> Result<()> {
    let from = deadline::parse_date(&a.from)?;
    let days: u32 = a
        .days
        .trim()
        .parse()
        .ok()
        .filter(|n| (1..=366).contains(n))
        .ok_or_else(|| {
            Error::Invalid(format!(
                "\"{}\" không phải là số ngày làm việc: hãy ghi một số từ 1 đến 366 (--days).",
                a.days
            ))
        })?;
    let (calendar, _) = s.store.calendar(None)?;
    let count = WorkdayCount::new(from, days, &calendar);
    let out = json!({
        "from": count.from,
        "days": count.days,
        "due_date": count.due_date,
        "skipped": count.skipped,
    });
    emit(s.json, &out, || format!("{}\n", count.explanation()))
}

/// `cchc obligation add`: records the document that starts an obligation's clock.
pub fn add(s: &mut Session, a: AddArgs) -> Result<()> {
    let input = ObligationInput {
        date: Some(deadline::parse_date(&a.date)?),
        received: a
            .received
            .as_deref()
            .map(deadline::parse_date)
            .transpose()?,
        agency: a.agency,
        task: a.task,
        number: a.number,
        issuer: a.issuer,
        summary: a.summary,
    };
    let today = today(s);
    let row = s.store.add_obligation(s.plan, &input, today, s.now)?;
    let out = json!({"id": row.id, "task": row.task, "start": row.start,
        "working_days": row.working_days, "due_date": row.due_date, "status": row.status});
    emit(s.json, &out, || {
        let why = row.why.as_deref().map(|why| format!("{why}\n"));
        format!(
            "Đã ghi việc phát sinh số {} (nhiệm vụ {}): hạn xử lý {}.\n{}",
            row.id,
            row.task,
            table::date(Some(row.due_date)),
            why.unwrap_or_default()
        )
    })
}

/// `cchc obligation settle`: records the answering document (evidence of the task).
pub fn settle(s: &mut Session, a: SettleArgs) -> Result<()> {
    let id = a.id.trim().parse::<i64>().map_err(|_| {
        Error::Invalid(format!(
            "\"{}\" không phải là số của một việc phát sinh (xem \"cchc obligation list\").",
            a.id
        ))
    })?;
    let input = SettleInput {
        date: Some(deadline::parse_date(&a.date)?),
        agency: a.agency,
        id,
        number: a.number,
    };
    let row = s.store.settle_obligation(s.plan, &input, s.now)?;
    emit(s.json, &listed(&row), || {
        format!(
            "Đã ghi văn bản xử lý {} cho việc phát sinh số {}: {} ({} ngày làm việc).\n",
            input.number.trim(),
            row.id,
            row.status.label(),
            row.used_working_days
        )
    })
}

/// `cchc obligation list`: an agency's obligations, as of today or of a month's end.
pub fn list(s: &Session, agency: &str, period: Option<&str>) -> Result<()> {
    let rows = match period {
        Some(text) => {
            let (_, last) = cchc::store::period(text)?;
            let first = last.with_day0(0).unwrap_or(last);
            s.store.month_obligations(s.plan, agency, first, last)?
        }
        None => s.store.obligations(s.plan, agency, today(s))?,
    };
    let out: Vec<Value> = rows.iter().map(listed).collect();
    emit(s.json, &out, || {
        let lines = rows
            .iter()
            .map(|r| {
                vec![
                    r.id.to_string(),
                    r.task.clone(),
                    r.number.clone(),
                    table::date(Some(r.start)),
                    table::date(Some(r.due_date)),
                    r.settled_number.clone().unwrap_or_default(),
                    table::date(r.settled_on),
                    r.status.label().to_string(),
                ]
            })
            .collect::<Vec<_>>();
        table::render(
            &[
                "Số",
                "Nhiệm vụ",
                "Văn bản",
                "Từ ngày",
                "Hạn",
                "Xử lý",
                "Ngày xử lý",
                "Tình trạng",
            ],
            &lines,
        )
    })
}

/// An obligation as `obligation list --json` gives it.
fn listed(r: &ObligationRow) -> Value {
    json!({"id": r.id, "task": r.task, "number": r.number, "date": r.date, "issuer": r.issuer,
        "received": r.received, "start": r.start, "working_days": r.working_days,
        "due_date": r.due_date, "settled_number": r.settled_number, "settled_on": r.settled_on,
        "used_working_days": r.used_working_days, "status": r.status})
}

/// `cchc holiday add`: a notice of the year's days off and worked Saturdays.
pub fn add_holidays(s: &mut Session, reference: &str, file: Option<&Path>) -> Result<()> {
    let lines = match file {
        Some(path) => cchc::plan_workbook::notice_lines::notice_lines(path)?,
        None => {
            let mut lines = String::new();
            std::io::stdin()
                .read_to_string(&mut lines)
                .map_err(|e| Error::Invalid(format!("Không đọc được đầu vào chuẩn: {e}")))?;
            lines
        }
    };
    let notice = s.store.add_holiday_notice(reference, &lines, s.now)?;
    emit(s.json, &notice, || {
        format!(
            "Đã thêm thông báo \"{}\" ({} ngày, năm {}); lịch làm việc phiên bản {}.\n",
            notice.reference,
            notice.days.len(),
            notice.year,
            notice.id
        )
    })
}

/// `cchc holiday list`: the notices added, day by day.
pub fn holidays(s: &Session) -> Result<()> {
    let notices = s.store.holiday_notices()?;
    emit(s.json, &notices, || {
        let rows = notices
            .iter()
            .flat_map(|n| {
                n.days.iter().map(|d| {
                    vec![
                        n.id.to_string(),
                        n.reference.clone(),
                        table::date(Some(d.date)),
                        match d.kind {
                            deadline::NoticeDayKind::Off => "Nghỉ".to_string(),
                            deadline::NoticeDayKind::Worked => "Làm bù".to_string(),
                        },
                        d.name.clone(),
                    ]
                })
            })
            .collect::<Vec<_>>();
        table::render(&["Phiên bản", "Thông báo", "Ngày", "Loại", "Tên"], &rows)
    })
}
