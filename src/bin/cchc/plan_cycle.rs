//! The yearly cycle on the command line: `plan new`, `plan check`, `plan
//! publish`, `plan import` (a newer version prints what changed) and `agency
//! succeed`. One core call each.

use std::path::Path;

use chrono::{DateTime, Utc};
use clap::{Args, Subcommand};
use serde_json::json;

use cchc::plan::PlanChanges;
use cchc::plan_workbook::PlanWorkbook;
use cchc::store::{Store, SuccessionInput};
use cchc::{deadline, Error, Result};

use crate::emit;

#[derive(Subcommand)]
pub enum AgencyCommand {
    /// Cơ quan được thay bằng cơ quan khác (sáp nhập, đổi tên) từ một ngày.
    Succeed(SucceedArgs),
}

#[derive(Args)]
pub struct SucceedArgs {
    /// Mã cơ quan được thay.
    #[arg(long, value_name = "CODE")]
    pub old: String,
    /// Mã cơ quan (hoặc nhóm) kế thừa mọi nhiệm vụ.
    #[arg(long, value_name = "CODE")]
    pub new: Option<String>,
    /// Từ ngày (DD/MM/YYYY).
    #[arg(long, value_name = "DATE")]
    pub from: String,
    /// Một nhiệm vụ giao cho một cơ quan kế thừa: MÃ-NHIỆM-VỤ=MÃ-CƠ-QUAN (nhắc lại cho từng nhiệm vụ).
    #[arg(long = "task", value_name = "CODE=SUCCESSOR")]
    pub tasks: Vec<String>,
    /// Cơ quan kế thừa các nhiệm vụ còn lại.
    #[arg(long, value_name = "CODE")]
    pub rest: Option<String>,
}

/// `cchc plan new`.
pub fn new(
    store: &mut Store,
    name: &str,
    year: &str,
    from: Option<&str>,
    json: bool,
    now: DateTime<Utc>,
) -> Result<()> {
    let year: i32 = year
        .trim()
        .parse()
        .map_err(|_| Error::Invalid(format!("\"{year}\" không phải là một năm (ví dụ 2026).")))?;
    let from = from.map(plan_id).transpose()?;
    let id = store.new_plan(name, year, from, now)?;
    emit(json, &json!({"id": id}), || {
        format!("Đã tạo kế hoạch mới (id {id}). Dùng \"cchc plan use {id}\" để chuyển sang kế hoạch này.\n")
    })
}

/// `cchc plan check`: exit 1 when the plan has problems.
pub fn check(store: &Store, id: i64, json: bool) -> Result<()> {
    let problems = store.check_plan(id)?;
    emit(
        json,
        &json!({"id": id, "problems": problems}),
        || match problems.is_empty() {
            true => "Kế hoạch không có lỗi, có thể ban hành.\n".into(),
            false => problems.iter().map(|p| format!("{p}\n")).collect(),
        },
    )?;
    match problems.len() {
        0 => Ok(()),
        n => Err(Error::Invalid(format!(
            "Kế hoạch có {n} lỗi, chưa ban hành được."
        ))),
    }
}

/// `cchc plan publish`.
pub fn publish(store: &mut Store, id: i64, out: &Path, json: bool) -> Result<()> {
    let version = PlanWorkbook::publish(store, id, out)?;
    emit(json, &json!({"path": out, "version": version}), || {
        format!("Đã ban hành phiên bản {version}: {}\n", out.display())
    })
}

/// `cchc agency succeed`.
pub fn succeed(
    store: &mut Store,
    plan: i64,
    a: SucceedArgs,
    json: bool,
    now: DateTime<Utc>,
) -> Result<()> {
    if a.new.is_some() && a.rest.is_some() {
        return Err(Error::Invalid(
            "Chỉ ghi một trong hai: --new (một cơ quan kế thừa tất cả) hoặc --rest (kế thừa các \
             nhiệm vụ còn lại)."
                .into(),
        ));
    }
    let input = SuccessionInput {
        old: a.old,
        rest: a.new.or(a.rest),
        tasks: a
            .tasks
            .iter()
            .map(|t| SuccessionInput::parse_task(t))
            .collect::<Result<_>>()?,
        since: Some(deadline::parse_date(&a.from)?),
    };
    let added = store.succeed(plan, &input, now)?;
    emit(json, &json!({"successions": added}), || {
        added
            .iter()
            .map(|s| {
                let what = match &s.task {
                    Some(t) => format!("nhiệm vụ {t}"),
                    None => "các nhiệm vụ".to_string(),
                };
                format!(
                    "Từ {}, {what} của {} do {} thực hiện.\n",
                    cchc::text::date_text(s.since),
                    s.predecessor,
                    s.successor
                )
            })
            .collect()
    })
}

/// `cchc plan import`.
pub fn import(
    store: &mut Store,
    plan: i64,
    file: &Path,
    into: Option<&str>,
    json: bool,
    now: DateTime<Utc>,
) -> Result<()> {
    let into = into.map(plan_id).transpose()?;
    let outcome = PlanWorkbook::import(store, plan, file, into, now)?;
    emit(
        json,
        &json!({"plan_id": outcome.plan_id, "tasks": outcome.tasks, "version": outcome.version,
                "changes": outcome.changes}),
        || {
            match (&outcome.changes, outcome.new_plan) {
            (Some(c), _) => format!(
                "Đã cập nhật kế hoạch (id {}) lên phiên bản {}.\n{}",
                outcome.plan_id,
                outcome.version,
                changes_text(c)
            ),
            (None, true) => format!(
                "Đã tạo kế hoạch mới (id {}) với {} nhiệm vụ. Dùng \"cchc plan use {}\" để chuyển sang kế hoạch này.\n",
                outcome.plan_id, outcome.tasks, outcome.plan_id
            ),
            (None, false) => format!(
                "Đã thêm {} nhiệm vụ vào kế hoạch đang dùng.\n",
                outcome.tasks
            ),
        }
        },
    )
}

/// What a new version changed, one line per kind of change.
fn changes_text(c: &PlanChanges) -> String {
    if c.is_empty() {
        return "Không có thay đổi nào về nhiệm vụ, cơ quan.\n".into();
    }
    let lines = [
        ("Nhiệm vụ thêm", &c.added),
        ("Nhiệm vụ sửa", &c.changed),
        ("Nhiệm vụ thôi thực hiện (giữ lịch sử)", &c.retired),
        ("Nhiệm vụ bỏ", &c.removed),
        ("Cơ quan, nhóm thêm", &c.agencies_added),
        ("Cơ quan, nhóm thôi", &c.agencies_retired),
        ("Kế thừa mới", &c.successions_added),
    ];
    lines
        .iter()
        .filter(|(_, list)| !list.is_empty())
        .map(|(label, list)| format!("{label} ({}): {}\n", list.len(), list.join(", ")))
        .collect()
}

/// A plan id as typed.
pub fn plan_id(s: &str) -> Result<i64> {
    s.trim().parse().map_err(|_| {
        Error::Invalid(format!(
            "\"{s}\" không phải là số hiệu kế hoạch (xem \"cchc plan list\")."
        ))
    })
}
