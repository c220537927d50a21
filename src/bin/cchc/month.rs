//! The commands of an agency's month: recording progress and evidence, the
//! derived statuses, and exporting the monthly workbook.

use std::path::Path;

use serde_json::json;

use crate::args::{EvidenceArgs, ProgressArgs};
use crate::{emit, table, Session};
use cchc::store::{EvidenceInput, ProgressInput};
use cchc::{deadline, report, status::State, Result};

/// `cchc progress set`: one task's entry for a month.
pub fn set_progress(s: &mut Session, a: ProgressArgs) -> Result<()> {
    let input = ProgressInput {
        state: Some(State::parse(&a.state)?),
        done_on: a.done_on.as_deref().map(deadline::parse_date).transpose()?,
        percent: a
            .percent
            .as_deref()
            .map(cchc::forms::parse_percent)
            .transpose()?,
        agency: a.agency,
        task: a.task,
        period: a.period,
        result: a.result,
        obstacles: a.obstacles,
        proposals: a.proposals,
    };
    s.store.set_progress(s.plan, &input, s.now)?;
    emit(s.json, &json!({"saved": true}), || {
        format!("Đã lưu tiến độ nhiệm vụ {}.\n", input.task)
    })
}

/// `cchc status`: the agency's tasks with their statuses at the month's end.
pub fn status(s: &Session, agency: &str, period: &str) -> Result<()> {
    let report = s.store.status(s.plan, agency, period)?;
    emit(s.json, &report, || {
        let rows = report
            .tasks
            .iter()
            .map(|t| {
                vec![
                    t.code.clone(),
                    t.role.label().to_string(),
                    t.status.clone(),
                    t.percent.map(|p| format!("{p}%")).unwrap_or_default(),
                    table::date(t.due_date),
                ]
            })
            .collect::<Vec<_>>();
        let mut text = table::render(&["Mã", "Vai trò", "Tình trạng", "Tiến độ", "Hạn"], &rows);
        text.push('\n');
        for (status, n) in report.counts.iter() {
            text.push_str(&format!("{status}: {n}\n"));
        }
        text
    })
}

/// `cchc evidence add`: one evidence document, with its file copied in.
pub fn add_evidence(s: &mut Session, a: EvidenceArgs) -> Result<()> {
    let input = EvidenceInput {
        date: Some(deadline::parse_date(&a.date)?),
        agency: a.agency,
        number: a.number,
        issuer: a.issuer,
        summary: a.summary,
        location: a.location,
        tasks: a.tasks,
        criteria: a.criteria,
        file: a.file,
    };
    let id = s.store.add_evidence(s.plan, &input, s.now)?;
    emit(s.json, &json!({"id": id}), || {
        format!("Đã thêm tài liệu kiểm chứng {} (số {id}).\n", input.number)
    })
}

/// `cchc export`: the agency's monthly workbook.
pub fn export(
    s: &Session,
    agency: &str,
    period: &str,
    out: Option<&Path>,
    signer: Option<String>,
) -> Result<()> {
    let report = report::MonthReport::gather(&s.store, s.plan, agency, period)?;
    let path = report::target_path(out, &report);
    let opts = report::ExportOptions {
        signer,
        now: chrono::Local::now().fixed_offset(),
    };
    report::write_month_report(&report, &opts, &path)?;
    let out = json!({"path": path, "tasks": report.tasks().len(),
                     "evidence": report.evidence.len(), "counts": report.status.counts});
    // The command ends here, and the system takes the memory back at
    // once: freeing a month of 30,000 rows piece by piece would add
    // 10 ms to the export (docs/performance.md).
    std::mem::forget(report);
    emit(s.json, &out, || format!("{}\n", path.display()))
}
