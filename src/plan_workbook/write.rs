//! Writing a whole plan as a task-list workbook in the "new plan" form, so that
//! reading it back gives the same plan: sheets "Kế hoạch", "Cơ quan" (groups as
//! rows of Loại "Nhóm"), "Lĩnh vực", "Tiêu chí" and "Nhiệm vụ".

use std::collections::HashMap;
use std::path::Path;

use rust_xlsxwriter::{Workbook, Worksheet, XlsxError};

use super::*;
use crate::plan::QuantTarget;
use crate::xlsx::{self, Formats, Written};

/// Writes `plan` to `path` through a temporary file in the same folder.
/// With `published`, the hidden sheet "_meta" names the plan and its version.
pub(super) fn write(plan: &PlanData, path: &Path, published: bool) -> Result<()> {
    let mut book = build(plan, published).map_err(|e| Error::File {
        path: path.display().to_string(),
        reason: format!("không tạo được nội dung tệp Excel ({e})"),
    })?;
    xlsx::save_atomically(&mut book, path)
}

fn build(plan: &PlanData, published: bool) -> std::result::Result<Workbook, XlsxError> {
    let mut book = crate::print_profile::workbook()?;
    let st = Formats::new();
    let labels = labels(plan);
    plan_sheet(book.add_worksheet(), plan, &st)?;
    agencies_sheet(book.add_worksheet(), plan, &labels, &st)?;
    fields_sheet(book.add_worksheet(), plan, &st)?;
    criteria_sheet(book.add_worksheet(), plan, &st)?;
    tasks_sheet(book.add_worksheet(), plan, &labels, &st)?;
    if !plan.indicators.is_empty() {
        super::indicators::indicators_sheet(book.add_worksheet(), plan, &labels, &st)?;
    }
    if published {
        meta_sheet(book.add_worksheet(), plan)?;
    }
    Ok(book)
}

/// The hidden key/value sheet that names the plan and its version.
fn meta_sheet(ws: &mut Worksheet, plan: &PlanData) -> Written {
    let m = &plan.meta;
    let rows = [
        (META_FORMAT, META_FORMAT_NAME.to_string()),
        (META_FORMAT_VERSION, "1".to_string()),
        (META_PLAN_KEY, m.key.clone()),
        (META_VERSION, m.version.to_string()),
        ("name", m.name.clone()),
        ("year", m.year.to_string()),
        ("province", m.province.clone()),
        ("reference", m.reference.clone()),
        (META_APP_VERSION, env!("CARGO_PKG_VERSION").to_string()),
    ];
    xlsx::meta_sheet(ws, SHEET_META, &rows)
}

/// Names the sheet, writes its header row (widths in characters) and sets it
/// up for reading and printing: frozen header, repeated on each page, A4
/// landscape, one page wide.
pub(super) fn table(
    ws: &mut Worksheet,
    name: &str,
    columns: &[(&str, f64)],
    st: &Formats,
) -> Written {
    ws.set_name(name)?;
    xlsx::header_row(ws, 0, columns, st)?;
    ws.set_freeze_panes(1, 0)?;
    ws.set_repeat_rows(0, 0)?;
    xlsx::print_setup(ws);
    Ok(())
}

/// Sets a row as tall as its wrapped texts, each `(column, text)` measured in
/// its column of `columns`.
fn fit(ws: &mut Worksheet, row: u32, columns: &[(&str, f64)], texts: &[(usize, &str)]) -> Written {
    crate::report::fit_height(ws, row, texts.iter().map(|(c, s)| (*s, columns[*c].1)))
}

fn put(ws: &mut Worksheet, row: u32, col: u16, s: &str, st: &Formats) -> Written {
    xlsx::put_text(ws, row, col, s, &st.text)
}

fn put_number(ws: &mut Worksheet, row: u32, col: u16, n: Option<f64>, st: &Formats) -> Written {
    xlsx::put_number(ws, row, col, n, &st.number)
}

fn plan_sheet(ws: &mut Worksheet, plan: &PlanData, st: &Formats) -> Written {
    let columns = [("Thông tin", 22.0), ("Giá trị", 100.0)];
    table(ws, SHEET_PLAN, &columns, st)?;
    let m = &plan.meta;
    for (row, key) in (1u32..).zip([KEY_REFERENCE, KEY_ISSUED, KEY_NAME, KEY_YEAR, KEY_PROVINCE]) {
        put(ws, row, 0, key, st)?;
    }
    put(ws, 1, 1, &m.reference, st)?;
    xlsx::put_date(ws, 2, 1, m.issued_on, &st.date)?;
    put(ws, 3, 1, &m.name, st)?;
    ws.write_number_with_format(4, 1, m.year, &st.number)?;
    put(ws, 5, 1, &m.province, st)?;
    fit(ws, 3, &columns, &[(1, &m.name)])
}

/// What a task or a "Thuộc nhóm" cell calls each agency or group: its name, or
/// its code where the name would not read back as that one party (a name
/// shared with another party or equal to another's code, or one holding ";").
fn labels(plan: &PlanData) -> HashMap<&str, &str> {
    let all: Vec<(&str, &str)> = plan
        .agencies
        .iter()
        .map(|a| (a.code.as_str(), a.name.as_str()))
        .chain(
            plan.groups
                .iter()
                .map(|g| (g.code.as_str(), g.name.as_str())),
        )
        .collect();
    all.iter()
        .map(|&(code, name)| {
            let folded = text::fold(name);
            let clash = all.iter().any(|&(c, n)| {
                c != code && (text::fold(n) == folded || c.eq_ignore_ascii_case(name.trim()))
            });
            let unsafe_text = folded.is_empty() || name.contains([';', '\n']);
            (code, if clash || unsafe_text { code } else { name })
        })
        .collect()
}

fn label<'a>(labels: &HashMap<&str, &'a str>, code: &'a str) -> &'a str {
    labels.get(code).copied().unwrap_or(code)
}

fn agencies_sheet(
    ws: &mut Worksheet,
    plan: &PlanData,
    labels: &HashMap<&str, &str>,
    st: &Formats,
) -> Written {
    let columns = [
        (COL_CODE, 16.0),
        (COL_AGENCY_NAME, 55.0),
        (COL_KIND, 30.0),
        (COL_IN_GROUPS, 60.0),
        (COL_MEMBERS, 40.0),
        (COL_SUCCEEDS, 30.0),
        (COL_SINCE, 14.0),
    ];
    table(ws, SHEET_AGENCIES, &columns, st)?;
    let rows: Vec<(&str, &str, &str)> = plan
        .agencies
        .iter()
        .map(|a| (a.code.as_str(), a.name.as_str(), a.kind.label()))
        .chain(
            plan.groups
                .iter()
                .map(|g| (g.code.as_str(), g.name.as_str(), KIND_GROUP)),
        )
        .collect();
    for (row, (code, name, kind)) in (1u32..).zip(&rows) {
        let in_groups: Vec<&str> = plan
            .groups
            .iter()
            .filter(|g| g.members.iter().any(|m| m == code))
            .map(|g| label(labels, &g.code))
            .collect();
        put(ws, row, 0, code, st)?;
        put(ws, row, 1, name, st)?;
        put(ws, row, 2, kind, st)?;
        put(ws, row, 3, &in_groups.join("; "), st)?;
        // Members in the order the rows give them need no list; another order does.
        let listed = plan.groups.iter().find(|g| g.code == *code).filter(|g| {
            let by_rows: Vec<&str> = rows
                .iter()
                .map(|r| r.0)
                .filter(|c| g.members.iter().any(|m| m == c))
                .collect();
            by_rows != g.members
        });
        let members = listed.map(|g| g.members.join("; ")).unwrap_or_default();
        put(ws, row, 4, &members, st)?;
        let succeeds: Vec<&crate::plan::Succession> = plan
            .successions
            .iter()
            .filter(|s| s.successor == *code)
            .collect();
        let items: Vec<String> = succeeds
            .iter()
            .map(|s| match &s.task {
                Some(t) => format!("{} ({t})", s.predecessor),
                None => s.predecessor.clone(),
            })
            .collect();
        put(ws, row, 5, &items.join("; "), st)?;
        xlsx::put_date(ws, row, 6, succeeds.iter().map(|s| s.since).min(), &st.date)?;
        let groups = in_groups.join("; ");
        let successors = items.join("; ");
        fit(
            ws,
            row,
            &columns,
            &[
                (1, name),
                (2, kind),
                (3, &groups),
                (4, &members),
                (5, &successors),
            ],
        )?;
    }
    Ok(())
}

fn fields_sheet(ws: &mut Worksheet, plan: &PlanData, st: &Formats) -> Written {
    let columns = [
        (COL_CODE, 8.0),
        (COL_FIELD_NAME, 60.0),
        (COL_MAX, 14.0),
        (COL_PREV, 16.0),
        (COL_LOST, 14.0),
    ];
    table(ws, SHEET_FIELDS, &columns, st)?;
    for (row, f) in (1u32..).zip(&plan.fields) {
        ws.write_number_with_format(row, 0, f.code, &st.number)?;
        put(ws, row, 1, &f.name, st)?;
        put_number(ws, row, 2, f.max_score, st)?;
        put_number(ws, row, 3, f.score_prev, st)?;
        put_number(ws, row, 4, f.points_lost, st)?;
        fit(ws, row, &columns, &[(1, &f.name)])?;
    }
    Ok(())
}

fn criteria_sheet(ws: &mut Worksheet, plan: &PlanData, st: &Formats) -> Written {
    let columns = [
        (COL_CRITERION_CODE, 12.0),
        (COL_CRITERION_NAME, 60.0),
        (COL_FIELD, 40.0),
        (COL_MAX, 12.0),
        (COL_PREV, 16.0),
        (COL_TARGET, 12.0),
        (COL_QUANT, 60.0),
    ];
    table(ws, SHEET_CRITERIA, &columns, st)?;
    for (row, c) in (1u32..).zip(&plan.criteria) {
        put(ws, row, 0, &c.code, st)?;
        put(ws, row, 1, &c.name, st)?;
        let field = c
            .field()
            .map(|n| match plan.fields.iter().find(|f| f.code == n) {
                Some(f) if !f.name.is_empty() => format!("{n}. {}", f.name),
                _ => n.to_string(),
            });
        put(ws, row, 2, field.as_deref().unwrap_or_default(), st)?;
        put_number(ws, row, 3, Some(c.max_score), st)?;
        put_number(ws, row, 4, Some(c.score_prev), st)?;
        put_number(ws, row, 5, Some(c.target), st)?;
        let targets = format_targets(&c.targets);
        put(ws, row, 6, &targets, st)?;
        let field = field.as_deref().unwrap_or_default();
        fit(
            ws,
            row,
            &columns,
            &[(1, &c.name), (2, field), (6, &targets)],
        )?;
    }
    Ok(())
}

fn tasks_sheet(
    ws: &mut Worksheet,
    plan: &PlanData,
    labels: &HashMap<&str, &str>,
    st: &Formats,
) -> Written {
    let columns = [
        (COL_STT, 6.0),
        (COL_TASK_CODE, 12.0),
        (COL_CONTENT, 70.0),
        (COL_CRITERIA, 14.0),
        (COL_LEAD, 30.0),
        (COL_PARTNERS, 40.0),
        (COL_DEADLINE, 28.0),
        (COL_OUTPUT, 30.0),
    ];
    table(ws, SHEET_TASKS, &columns, st)?;
    let mut row = 1u32;
    let mut section = "";
    for (n, t) in (1u32..).zip(&plan.tasks) {
        if t.section != section && !t.section.is_empty() {
            ws.merge_range(row, 0, row, 7, &t.section, &st.heading)?;
            row += 1;
        }
        section = &t.section;
        ws.write_number_with_format(row, 0, n, &st.number)?;
        put(ws, row, 1, &t.code, st)?;
        put(ws, row, 2, &t.content, st)?;
        put(ws, row, 3, &t.criteria.join("; "), st)?;
        put(ws, row, 4, label(labels, &t.lead), st)?;
        let partners: Vec<&str> = t.partners.iter().map(|p| label(labels, p)).collect();
        put(ws, row, 5, &partners.join("; "), st)?;
        put(ws, row, 6, &t.deadline, st)?;
        let output = t.output.as_deref().unwrap_or_default();
        put(ws, row, 7, output, st)?;
        let partners = partners.join("; ");
        let texts = [
            (2, t.content.as_str()),
            (4, label(labels, &t.lead)),
            (5, partners.as_str()),
            (6, t.deadline.as_str()),
            (7, output),
        ];
        fit(ws, row, &columns, &texts)?;
        row += 1;
    }
    ws.autofilter(0, 0, row - 1, 7)?;
    Ok(())
}

/// Quantitative targets in their cell form: "85%: text;\n50%: text".
pub(super) fn format_targets(targets: &[QuantTarget]) -> String {
    targets
        .iter()
        .map(|t| {
            let sep = if t.unit.is_empty() || t.unit == "%" {
                ""
            } else {
                " "
            };
            format!("{}{sep}{}: {}", number_vi(t.value), t.unit, t.text)
        })
        .collect::<Vec<_>>()
        .join(";\n")
}
