//! Reading a task-list workbook: which kind it is, and its task sheet, whose
//! agencies and criteria are resolved against the current plan or against the
//! workbook's own sheets. Every problem is collected, naming the sheet and the
//! row as Excel shows it; nothing is returned while one remains.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use super::*;
use crate::deadline;
use crate::plan::{Agency, Group};

/// Reads the workbook at `path`; see [`super::read_plan_workbook`].
pub(super) fn read(path: &Path, current: &PlanData) -> Result<PlanWorkbook> {
    let mut book = Book::open(path)?;
    let plan_sheets = [SHEET_PLAN, SHEET_AGENCIES, SHEET_CRITERIA].map(|s| (s, book.find(s)));
    let missing: Vec<String> = plan_sheets
        .iter()
        .filter(|(_, f)| f.is_none())
        .map(|(s, _)| format!("\"{s}\""))
        .collect();
    if !missing.is_empty() && missing.len() < plan_sheets.len() {
        return Err(Error::Invalid(format!(
            "Tệp \"{}\" có một phần của một kế hoạch mới nhưng thiếu sheet {}. Để nhập kế hoạch \
             mới cần đủ các sheet \"{SHEET_PLAN}\", \"{SHEET_AGENCIES}\" và \"{SHEET_CRITERIA}\"; \
             để chỉ thêm nhiệm vụ, hãy xóa các sheet đó.",
            path.display(),
            missing.join(", ")
        )));
    }
    let tasks_sheet = task_sheet(&mut book)?;
    let mut problems = Vec::new();
    if missing.is_empty() {
        let [plan, agencies, criteria] =
            plan_sheets.map(|(s, f)| f.unwrap_or_else(|| s.to_string()));
        let mut plan = super::plan_sheets::new_plan(
            &mut book,
            [&plan, &agencies, &criteria],
            &tasks_sheet,
            &mut problems,
        )?;
        if let Some(name) = book.find(SHEET_META) {
            let (key, version) = read_meta(&book.sheet(&name)?, &mut problems);
            plan.meta.key = key;
            plan.meta.version = version;
        }
        return match problems.is_empty() {
            true => Ok(PlanWorkbook::NewPlan(Box::new(plan))),
            false => Err(Error::Rows(problems)),
        };
    }
    let parties = Parties::of(&current.agencies, &current.groups);
    let criteria: HashSet<String> = current.criteria.iter().map(|c| c.code.clone()).collect();
    let tasks = read_tasks(&tasks_sheet, &parties, &criteria, &mut problems);
    if problems.is_empty() && tasks.is_empty() {
        problems.push(format!(
            "Sheet \"{}\": không có nhiệm vụ nào để nhập.",
            tasks_sheet.name
        ));
    }
    match problems.is_empty() {
        true => Ok(PlanWorkbook::Tasks(tasks)),
        false => Err(Error::Rows(problems)),
    }
}

/// The plan's key and version from the hidden sheet "_meta" of a published plan.
fn read_meta(sheet: &Sheet, problems: &mut Vec<String>) -> (String, u32) {
    let value = |key: &str| {
        sheet.rows.iter().find_map(|r| match r.cells.as_slice() {
            [(_, k), (_, v), ..] if k.text() == key => Some(v.text()),
            _ => None,
        })
    };
    let at = format!("Sheet \"{}\"", sheet.name);
    if value(META_FORMAT).as_deref() != Some(META_FORMAT_NAME) {
        problems.push(format!(
            "{at}: không phải thông tin của một kế hoạch do ứng dụng ban hành (thiếu dòng              \"{META_FORMAT}\" = \"{META_FORMAT_NAME}\")."
        ));
        return (String::new(), 0);
    }
    let key = value(META_PLAN_KEY).unwrap_or_default();
    if key.is_empty() {
        problems.push(format!("{at}: thiếu dòng \"{META_PLAN_KEY}\"."));
    }
    let version = value(META_VERSION).unwrap_or_default();
    let version = match version.trim().parse::<u32>() {
        Ok(v) if v > 0 => v,
        _ => {
            problems.push(format!(
                "{at}: số phiên bản \"{}\" không hợp lệ (phải là số nguyên từ 1).",
                shorten(&version)
            ));
            0
        }
    };
    (key, version)
}

/// The sheet named "Nhiệm vụ" (or "Phụ lục nhiệm vụ"), else the first sheet
/// having a row that starts with "STT".
fn task_sheet(book: &mut Book) -> Result<Sheet> {
    if let Some(name) = book
        .find(SHEET_TASKS)
        .or_else(|| book.find(SHEET_TASKS_ALT))
    {
        return book.sheet(&name);
    }
    let plan_sheets = [SHEET_PLAN, SHEET_AGENCIES, SHEET_CRITERIA, SHEET_FIELDS].map(text::fold);
    for name in book.book.sheet_names().to_vec() {
        if plan_sheets.contains(&text::fold(&name)) {
            continue;
        }
        let sheet = book.sheet(&name)?;
        if Header::find(&sheet, COL_STT, true).is_some() {
            return Ok(sheet);
        }
    }
    Err(Error::Invalid(format!(
        "Tệp \"{}\" không có bảng nhiệm vụ: cần một sheet tên \"{SHEET_TASKS}\", hoặc một sheet có \
         dòng tiêu đề bắt đầu bằng ô \"{COL_STT}\".",
        book.path.display()
    )))
}

/// Agencies and groups that tasks may name, by code or by name.
pub(super) struct Parties {
    /// (code, folded name)
    list: Vec<(String, String)>,
}

impl Parties {
    pub(super) fn of(agencies: &[Agency], groups: &[Group]) -> Parties {
        let agencies = agencies.iter().map(|a| (&a.code, &a.name));
        Parties::new(agencies.chain(groups.iter().map(|g| (&g.code, &g.name))))
    }

    fn new<'a>(items: impl Iterator<Item = (&'a String, &'a String)>) -> Parties {
        Parties {
            list: items.map(|(c, n)| (c.clone(), text::fold(n))).collect(),
        }
    }

    /// The code of the agency or group written as `s` (its code, any case, or its name).
    pub(super) fn resolve(&self, s: &str) -> Option<String> {
        let find = |s: &str| {
            let folded = text::fold(s);
            self.list
                .iter()
                .find(|(c, _)| c.eq_ignore_ascii_case(s))
                .or_else(|| self.list.iter().find(|(_, n)| *n == folded))
                .map(|(c, _)| c.clone())
        };
        let s = s.trim();
        find(s).or_else(|| find(s.trim_end_matches('.').trim_end()))
    }
}

/// Splits a list cell at any of `seps` and at line breaks, dropping empty items.
pub(super) fn split(s: &str, seps: &[char]) -> Vec<String> {
    s.split(|c| seps.contains(&c) || c == '\n')
        .map(text::clean)
        .filter(|p| !p.is_empty())
        .collect()
}

/// "Sheet "X", dòng N" for messages.
pub(super) fn at(sheet: &Sheet, row: &Row) -> String {
    format!("Sheet \"{}\", dòng {}", sheet.name, row.num)
}

/// A message from elsewhere, its first letter lowered to follow "…, dòng N: ".
pub(super) fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A date cell: a real date, or text read as dd/mm/yyyy; else a problem
/// line after `at` ("Sheet "X", dòng N").
pub(super) fn date_cell(v: &Val, at: &str, problems: &mut Vec<String>) -> Option<NaiveDate> {
    match v {
        Val::Date(d) => Some(*d),
        v => match deadline::parse_date(&v.text()) {
            Ok(d) => Some(d),
            Err(e) => {
                problems.push(format!("{at}: {}", lower_first(&e.to_string())));
                None
            }
        },
    }
}

/// Whether a cell holds a plain row number ("3", 3).
fn is_ordinal(v: &Val) -> bool {
    match v {
        Val::Number(n) => n.fract() == 0.0 && *n >= 0.0,
        Val::Text(s) => !s.is_empty() && s.chars().all(|c| c.is_ascii_digit()),
        Val::Date(_) | Val::Bad(_) => false,
    }
}

/// Reads the task table of `sheet`, resolving names against `parties` and `criteria`.
pub(super) fn read_tasks(
    sheet: &Sheet,
    parties: &Parties,
    criteria: &HashSet<String>,
    problems: &mut Vec<String>,
) -> Vec<TaskDef> {
    let Some(h) = Header::find(sheet, COL_STT, true) else {
        problems.push(format!(
            "Sheet \"{}\": không tìm thấy dòng tiêu đề của bảng (dòng có ô đầu tiên là \"{COL_STT}\").",
            sheet.name
        ));
        return Vec::new();
    };
    let content_names: &[&str] = &[COL_CONTENT, "Nội dung", "Nhiệm vụ", "Tên nhiệm vụ"];
    let lead_names: &[&str] = &[
        COL_LEAD,
        "Chủ trì",
        "Đơn vị chủ trì",
        "Cơ quan chủ trì thực hiện",
    ];
    let Some([stt, content, lead]) = h.require(
        &sheet.name,
        [&[COL_STT], content_names, lead_names],
        problems,
    ) else {
        return Vec::new();
    };
    let code = h.col(&[COL_TASK_CODE, "Mã"]);
    let crit = h.col(&[COL_CRITERIA, "Tiêu chí liên quan", "Mã tiêu chí"]);
    let partners = h.col(&[COL_PARTNERS, "Phối hợp", "Đơn vị phối hợp"]);
    let due = h.col(&[
        COL_DEADLINE,
        "Thời gian hoàn thành",
        "Thời hạn hoàn thành",
        "Thời gian thực hiện",
    ]);
    let output = h.col(&[COL_OUTPUT, "Sản phẩm dự kiến", "Kết quả, sản phẩm"]);

    let mut tasks = Vec::new();
    let mut section = String::new();
    let mut codes: HashMap<String, u32> = HashMap::new();
    let mut task_rows = 0;
    for row in &sheet.rows[h.at + 1..] {
        let numbering = row.cells.len() > 1
            && row.cells.iter().all(|(_, v)| {
                let t = v.text();
                t.starts_with('(')
                    && t.ends_with(')')
                    && t[1..t.len() - 1].chars().all(|c| c.is_ascii_digit())
            });
        if numbering {
            continue;
        }
        if row.cells.iter().all(|(c, _)| *c <= stt + 1) {
            let numbered = row.get(Some(stt)).is_some_and(is_ordinal);
            if !numbered {
                let texts: Vec<String> = row.cells.iter().map(|(_, v)| v.text()).collect();
                section = match texts.as_slice() {
                    [a, b] if a.ends_with(['.', ')', ':']) => format!("{a} {b}"),
                    [a, b] => format!("{a}. {b}"),
                    _ => texts.join(" "),
                };
                continue;
            }
            if row.cells.len() == 1 {
                continue; // a numbered but empty row of a template
            }
        }
        let at = at(sheet, row);
        let before = problems.len();
        task_rows += 1;
        for (_, v) in &row.cells {
            if let Val::Bad(e) = v {
                problems.push(format!("{at}: có ô bị lỗi công thức ({e})."));
            }
        }
        let content = row.text(Some(content));
        if content.is_empty() {
            problems.push(format!("{at}: thiếu nội dung nhiệm vụ."));
        }
        let task_code = match row.text(code) {
            c if c.is_empty() => format!("PL-{task_rows:03}"),
            c => c,
        };
        if let Some(first) = codes.insert(text::fold(&task_code), row.num) {
            problems.push(format!(
                "{at}: mã nhiệm vụ \"{task_code}\" trùng với dòng {first}."
            ));
        }
        let mut task_criteria = Vec::new();
        for c in split(&row.text(crit), &[';', ',']) {
            if !criteria.contains(&c) {
                problems.push(format!("{at}: không có tiêu chí \"{}\".", shorten(&c)));
            } else if !task_criteria.contains(&c) {
                task_criteria.push(c);
            }
        }
        let lead_name = row.text(Some(lead));
        let lead_code = if lead_name.is_empty() {
            problems.push(format!("{at}: thiếu cơ quan chủ trì."));
            None
        } else {
            resolve(parties, &lead_name, &at, problems)
        };
        let mut partner_codes = Vec::new();
        for p in split(&row.text(partners), &[';']) {
            if let Some(c) = resolve(parties, &p, &at, problems) {
                if !partner_codes.contains(&c) {
                    partner_codes.push(c);
                }
            }
        }
        let deadline = row.text(due);
        if !deadline.is_empty() {
            if let Err(e) = deadline::parse(&deadline) {
                problems.push(format!("{at}: {}", lower_first(&e.to_string())));
            }
        }
        let output = Some(row.text(output)).filter(|o| !o.is_empty());
        if let (Some(lead), true) = (lead_code, problems.len() == before) {
            tasks.push(TaskDef {
                code: task_code,
                section: section.clone(),
                content,
                criteria: task_criteria,
                lead,
                partners: partner_codes,
                deadline,
                output,
            });
        }
    }
    tasks
}

pub(super) fn resolve(
    parties: &Parties,
    name: &str,
    at: &str,
    problems: &mut Vec<String>,
) -> Option<String> {
    let code = parties.resolve(name);
    if code.is_none() {
        problems.push(format!("{at}: không có cơ quan \"{}\".", shorten(name)));
    }
    code
}
