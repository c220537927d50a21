//! Reading the sheet "Cơ quan" of a new plan: Mã | Tên cơ quan | Loại | Thuộc
//! nhóm, plus the extension "Thành viên". A row of Loại "Nhóm" defines a group;
//! a group named only in "Thuộc nhóm" is created with a code made from its name.
//! A group's members are those listed in its own "Thành viên" cell, in that
//! order, then the rows that name it in "Thuộc nhóm", in row order.

use std::collections::{HashMap, HashSet};

use super::plan_sheets::header;
use super::read::{at, date_cell, resolve, split, Parties};
use super::*;
use crate::plan::{Agency, AgencyKind, Group, Succession};

/// The sheet "Cơ quan": agencies, and groups (rows of Loại "Nhóm", and names
/// used in "Thuộc nhóm" without such a row, which get a code made from the name).
pub(super) fn read_agencies(sheet: &Sheet, problems: &mut Vec<String>) -> Parties3 {
    let (mut agencies, mut groups) = (Vec::new(), Vec::<Group>::new());
    let Some(h) = header(sheet, COL_CODE, problems) else {
        return (agencies, groups, Vec::new());
    };
    let required = [&[COL_CODE][..], &[COL_AGENCY_NAME, "Tên"], &[COL_KIND]];
    let Some([code_col, name_col, kind_col]) = h.require(&sheet.name, required, problems) else {
        return (agencies, groups, Vec::new());
    };
    let (in_col, members_col) = (h.col(&[COL_IN_GROUPS]), h.col(&[COL_MEMBERS]));
    // The rows that define an agency or a group: (row, code, is a group).
    let mut lines: Vec<(&Row, String, bool)> = Vec::new();
    let mut taken: HashMap<String, u32> = HashMap::new();
    for row in &sheet.rows[h.at + 1..] {
        let at = at(sheet, row);
        let before = problems.len();
        let (code, name, kind) = (
            row.text(Some(code_col)),
            row.text(Some(name_col)),
            row.text(Some(kind_col)),
        );
        if code.is_empty() {
            problems.push(format!("{at}: thiếu mã cơ quan."));
        } else if !code
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
        {
            problems.push(format!(
                "{at}: mã \"{}\" chỉ được gồm chữ không dấu, số, \"-\" và \"_\".",
                shorten(&code)
            ));
        } else if let Some(first) = taken.insert(code.to_uppercase(), row.num) {
            problems.push(format!("{at}: mã \"{code}\" trùng với dòng {first}."));
        }
        if name.is_empty() {
            problems.push(format!("{at}: thiếu tên cơ quan."));
        }
        let group = text::fold(&kind) == text::fold(KIND_GROUP);
        let agency_kind = AgencyKind::parse(&kind);
        if !group && agency_kind.is_none() {
            let labels: Vec<String> = AgencyKind::ALL
                .iter()
                .map(|k| format!("\"{}\"", k.label()))
                .collect();
            problems.push(format!(
                "{at}: loại \"{}\" không hợp lệ; hãy ghi một trong các loại {} hoặc \"{KIND_GROUP}\".",
                shorten(&kind),
                labels.join(", ")
            ));
        }
        if !group && !row.text(members_col).is_empty() {
            problems.push(format!(
                "{at}: chỉ dòng loại \"{KIND_GROUP}\" mới ghi cột \"{COL_MEMBERS}\"."
            ));
        }
        match (problems.len() == before, group, agency_kind) {
            (true, true, _) => groups.push(Group {
                code: code.clone(),
                name,
                members: Vec::new(),
            }),
            (true, false, Some(kind)) => agencies.push(Agency {
                code: code.clone(),
                name,
                kind,
            }),
            _ => continue,
        }
        lines.push((row, code, group));
    }
    // Memberships named in "Thuộc nhóm", creating the groups that have no row.
    let mut named: Vec<(usize, String)> = Vec::new();
    for (row, code, _) in &lines {
        for group_name in split(&row.text(in_col), &[';']) {
            let folded = text::fold(&group_name);
            let is =
                |c: &str, n: &str| c.eq_ignore_ascii_case(&group_name) || text::fold(n) == folded;
            let index = match groups.iter().position(|g| is(&g.code, &g.name)) {
                Some(i) => i,
                None if agencies.iter().any(|a| is(&a.code, &a.name)) => {
                    problems.push(format!(
                        "{}: \"{}\" ở cột \"{COL_IN_GROUPS}\" là một cơ quan, không phải một nhóm.",
                        at(sheet, row),
                        shorten(&group_name)
                    ));
                    continue;
                }
                None => {
                    let code = group_code(&group_name, &mut taken);
                    groups.push(Group {
                        code,
                        name: group_name,
                        members: Vec::new(),
                    });
                    groups.len() - 1
                }
            };
            named.push((index, code.clone()));
        }
    }
    // Members listed on a group's own row come first, in their order.
    let parties = Parties::of(&agencies, &groups);
    let group_rows = lines.iter().filter(|(_, _, group)| *group);
    let mut members: Vec<Vec<String>> = vec![Vec::new(); groups.len()];
    for ((row, _, _), listed) in group_rows.zip(members.iter_mut()) {
        let at = at(sheet, row);
        listed.extend(
            split(&row.text(members_col), &[';'])
                .iter()
                .filter_map(|m| resolve(&parties, m, &at, problems)),
        );
    }
    for (index, member) in named {
        if let Some(list) = members.get_mut(index) {
            list.push(member);
        }
    }
    for (group, mut list) in groups.iter_mut().zip(members) {
        let mut seen = HashSet::new();
        list.retain(|m| seen.insert(m.clone()));
        group.members = list;
    }
    let successions = read_successions(sheet, &h, &lines, problems);
    (agencies, groups, successions)
}

/// The agencies, groups and successions of the sheet "Cơ quan".
pub(super) type Parties3 = (Vec<Agency>, Vec<Group>, Vec<Succession>);

/// "Thay cho" (the codes of the agencies a row succeeds, ";"-separated; "HKC
/// (II.1.1)" for one task of HKC) and "Từ ngày" (the date it answers from).
fn read_successions(
    sheet: &Sheet,
    h: &Header,
    lines: &[(&Row, String, bool)],
    problems: &mut Vec<String>,
) -> Vec<Succession> {
    let (for_col, since_col) = (h.col(&[COL_SUCCEEDS]), h.col(&[COL_SINCE]));
    let mut out = Vec::new();
    for (row, code, _) in lines {
        let items = split(&row.text(for_col), &[';']);
        let since_cell = row.get(since_col);
        if items.is_empty() {
            if since_cell.is_some() {
                problems.push(format!(
                    "{}: có \"{COL_SINCE}\" nhưng chưa ghi \"{COL_SUCCEEDS}\".",
                    at(sheet, row)
                ));
            }
            continue;
        }
        let since = match since_cell {
            Some(v) => date_cell(v, &at(sheet, row), problems),
            None => {
                problems.push(format!(
                    "{}: ghi \"{COL_SUCCEEDS}\" thì phải ghi \"{COL_SINCE}\" (ngày cơ quan này bắt đầu thay).",
                    at(sheet, row)
                ));
                None
            }
        };
        let Some(since) = since else { continue };
        for item in items {
            let (predecessor, task) = match item.split_once('(') {
                Some((p, t)) => (
                    text::clean(p),
                    Some(text::clean(t.trim_end().trim_end_matches(')'))),
                ),
                None => (item.clone(), None),
            };
            out.push(Succession {
                predecessor,
                successor: code.clone(),
                since,
                task,
            });
        }
    }
    out
}

/// A code for a group named only in "Thuộc nhóm": "UBND các xã, phường" →
/// "NHOM-UBND-CAC-XA-PHUONG", at most 40 characters, unique among `taken`.
fn group_code(name: &str, taken: &mut HashMap<String, u32>) -> String {
    let folded = text::fold(name).to_uppercase();
    let mut base = String::from("NHOM");
    for word in folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if base.len() + 1 + word.len() > 40 {
            break;
        }
        base.push('-');
        base.push_str(word);
    }
    let mut code = base.clone();
    let mut n = 2;
    while taken.contains_key(&code) {
        code = format!("{base}-{n}");
        n += 1;
    }
    taken.insert(code.clone(), 0);
    code
}
