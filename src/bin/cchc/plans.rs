//! `cchc plan …`: listing the plans, choosing the current one, and the
//! task-list workbook out and in.

use std::path::Path;

use serde_json::json;

use crate::{emit, table, Session};
use cchc::plan_workbook::{self, PlanWorkbook};
use cchc::{Error, Result};

/// `cchc plan list`: every plan, the current one marked.
pub fn list(s: &Session) -> Result<()> {
    let plans = s.store.plans()?;
    emit(s.json, &plans, || {
        let rows = plans
            .iter()
            .map(|p| {
                vec![
                    p.id.to_string(),
                    if p.current { "*".into() } else { String::new() },
                    p.year.to_string(),
                    p.name.clone(),
                ]
            })
            .collect::<Vec<_>>();
        table::render(&["Id", "Đang dùng", "Năm", "Tên kế hoạch"], &rows)
    })
}

/// `cchc plan use ID`: makes plan `id` (typed as text) the current one.
pub fn use_plan(s: &mut Session, id: &str) -> Result<()> {
    let id: i64 = id.trim().parse().map_err(|_| {
        Error::Invalid(format!(
            "\"{id}\" không phải là số hiệu kế hoạch (xem \"cchc plan list\")."
        ))
    })?;
    s.store.use_plan(id)?;
    emit(s.json, &json!({"current": id}), || {
        format!("Đang dùng kế hoạch {id}.\n")
    })
}

/// `cchc plan export FILE`: the current plan as a task-list workbook.
pub fn export(s: &Session, file: &Path) -> Result<()> {
    plan_workbook::write_plan_workbook(&s.store.plan_data(s.plan)?, file)?;
    emit(s.json, &json!({"path": file}), || {
        format!("{}\n", file.display())
    })
}

/// `cchc plan import FILE`: a task-list workbook's tasks, or a whole new plan.
pub fn import(s: &mut Session, file: &Path) -> Result<()> {
    let outcome = PlanWorkbook::import(&mut s.store, s.plan, file, s.now)?;
    emit(
        s.json,
        &json!({"plan_id": outcome.plan_id, "tasks": outcome.tasks}),
        || {
            if outcome.new_plan {
                format!(
                    "Đã tạo kế hoạch mới (id {}) với {} nhiệm vụ. Dùng \"cchc plan use {}\" để chuyển sang kế hoạch này.\n",
                    outcome.plan_id, outcome.tasks, outcome.plan_id
                )
            } else {
                format!(
                    "Đã thêm {} nhiệm vụ vào kế hoạch đang dùng.\n",
                    outcome.tasks
                )
            }
        },
    )
}
