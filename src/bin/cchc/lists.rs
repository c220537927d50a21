//! The commands that list what the plan and the database hold: fields,
//! criteria, agencies, tasks, evidence, and the references found in a text.

use std::io::Read;

use serde_json::json;

use crate::{emit, table, Session};
use cchc::{docref, Error, Result};

/// `cchc fields`: the plan's fields with their scores.
pub fn fields(s: &Session) -> Result<()> {
    let fields = s.store.fields(s.plan)?;
    let out: Vec<_> = fields
        .iter()
        .map(|f| {
            json!({"code": f.code, "name": f.name, "max_score": f.max_score,
                   "score_2023": f.score_prev, "points_lost": f.points_lost})
        })
        .collect();
    emit(s.json, &out, || {
        let rows = fields
            .iter()
            .map(|f| {
                vec![
                    f.code.to_string(),
                    f.name.clone(),
                    table::score(f.max_score),
                    table::score(f.score_prev),
                ]
            })
            .collect::<Vec<_>>();
        table::render(&["Mã", "Lĩnh vực", "Điểm tối đa", "Điểm năm trước"], &rows)
    })
}

/// `cchc criteria`: the plan's criteria with their scores and targets.
pub fn criteria(s: &Session) -> Result<()> {
    let criteria = s.store.criteria(s.plan)?;
    let out: Vec<_> = criteria
        .iter()
        .map(|c| {
            json!({"code": c.code, "name": c.name, "field": c.field(),
                   "max_score": c.max_score, "score_2023": c.score_prev,
                   "points_lost": c.points_lost, "target": c.target, "targets": c.targets})
        })
        .collect();
    emit(s.json, &out, || {
        let rows = criteria
            .iter()
            .map(|c| {
                vec![
                    c.code.clone(),
                    table::score(Some(c.max_score)),
                    table::score(Some(c.score_prev)),
                    table::score(Some(c.points_lost)),
                    c.name.clone(),
                ]
            })
            .collect::<Vec<_>>();
        table::render(&["Mã", "Tối đa", "Đạt", "Bị trừ", "Tiêu chí"], &rows)
    })
}

/// `cchc agencies`: the plan's agencies and the groups they belong to.
pub fn agencies(s: &Session) -> Result<()> {
    let agencies = s.store.agencies(s.plan)?;
    emit(s.json, &agencies, || {
        let rows = agencies
            .iter()
            .map(|a| vec![a.code.clone(), a.name.clone(), a.groups.join(", ")])
            .collect::<Vec<_>>();
        table::render(&["Mã", "Tên cơ quan", "Thuộc nhóm"], &rows)
    })
}

/// `cchc tasks [--agency X]`: the plan's tasks, or one agency's.
pub fn tasks(s: &Session, agency: Option<&str>) -> Result<()> {
    let tasks = s.store.tasks(s.plan, agency)?;
    emit(s.json, &tasks, || {
        let rows = tasks
            .iter()
            .map(|t| {
                vec![
                    t.code.clone(),
                    t.role.map(|r| r.label()).unwrap_or_default().to_string(),
                    t.lead.clone(),
                    table::cut(&t.deadline, 40),
                    table::date(t.due_date),
                    t.criteria.join("; "),
                ]
            })
            .collect::<Vec<_>>();
        table::render(
            &["Mã", "Vai trò", "Chủ trì", "Thời hạn", "Hạn", "Tiêu chí"],
            &rows,
        )
    })
}

/// `cchc evidence list --agency X`: the agency's evidence, newest first.
pub fn evidence(s: &Session, agency: &str) -> Result<()> {
    let rows = s.store.evidence(s.plan, agency)?;
    emit(s.json, &rows, || {
        let table_rows = rows
            .iter()
            .map(|e| {
                vec![
                    e.number.clone(),
                    table::date(Some(e.date)),
                    e.issuer.clone(),
                    e.tasks.join("; "),
                    e.summary.clone(),
                ]
            })
            .collect::<Vec<_>>();
        table::render(
            &[
                "Số, ký hiệu",
                "Ngày",
                "Cơ quan ban hành",
                "Nhiệm vụ",
                "Trích yếu",
            ],
            &table_rows,
        )
    })
}

/// `cchc refs`: the document references in the text on standard input.
pub fn refs(s: &Session) -> Result<()> {
    let mut input = String::new();
    std::io::stdin()
        .read_to_string(&mut input)
        .map_err(|e| Error::Invalid(format!("Không đọc được đầu vào chuẩn: {e}")))?;
    let refs = docref::extract_references(&input);
    emit(s.json, &refs, || {
        let rows = refs
            .iter()
            .map(|r| {
                vec![
                    r.reference.clone(),
                    r.doc_type.clone(),
                    r.issuer.clone(),
                    table::date(r.date),
                ]
            })
            .collect::<Vec<_>>();
        table::render(&["Số, ký hiệu", "Loại", "Cơ quan ban hành", "Ngày"], &rows)
    })
}
