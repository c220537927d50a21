//! Checks a [`PlanData`] before it is stored: unique codes, known agencies and
//! criteria, readable deadlines, scores that add up. Every problem is reported,
//! in Vietnamese, naming the item.

use std::collections::{HashMap, HashSet};

use chrono::Datelike;

use super::PlanData;
use crate::error::{Error, Result};
use crate::{deadline, text};

impl PlanData {
    /// Brings every text to NFC and trims it, and expands nothing: the store
    /// expands groups.
    pub fn normalize(&mut self) {
        let m = &mut self.meta;
        for s in [&mut m.reference, &mut m.name, &mut m.province] {
            *s = text::clean(s);
        }
        for f in &mut self.fields {
            f.name = text::clean(&f.name);
        }
        for c in &mut self.criteria {
            c.code = text::clean(&c.code);
            c.name = text::clean(&c.name);
            for t in &mut c.targets {
                t.text = text::clean(&t.text);
            }
        }
        for a in &mut self.agencies {
            a.code = text::clean(&a.code);
            a.name = text::clean(&a.name);
        }
        for g in &mut self.groups {
            g.code = text::clean(&g.code);
            g.name = text::clean(&g.name);
        }
        super::indicator::normalize(&mut self.indicators);
        for t in &mut self.tasks {
            for s in [
                &mut t.code,
                &mut t.section,
                &mut t.content,
                &mut t.lead,
                &mut t.deadline,
            ] {
                *s = text::clean(s);
            }
            t.output = t
                .output
                .as_deref()
                .map(text::clean)
                .filter(|o| !o.is_empty());
        }
    }

    /// Every problem of the plan, or `Ok` when there is none.
    ///
    /// # Errors
    /// [`Error::Rows`] listing each problem.
    pub fn validate(&self) -> Result<()> {
        let mut problems = Vec::new();
        let field_codes: HashSet<u32> = self.fields.iter().map(|f| f.code).collect();
        let criteria = unique(
            &mut problems,
            "tiêu chí",
            self.criteria.iter().map(|c| &c.code),
        );
        let mut parties = unique(
            &mut problems,
            "cơ quan",
            self.agencies.iter().map(|a| &a.code),
        );
        for g in &self.groups {
            if !parties.insert(g.code.as_str()) {
                problems.push(format!(
                    "Mã nhóm \"{}\" trùng với một cơ quan hoặc nhóm khác.",
                    g.code
                ));
            }
        }
        unique(
            &mut problems,
            "nhiệm vụ",
            self.tasks.iter().map(|t| &t.code),
        );

        if self.meta.name.is_empty() {
            problems.push("Kế hoạch chưa có tên.".into());
        }
        if !(2000..=2100).contains(&self.meta.year) {
            problems.push(format!(
                "Năm của kế hoạch ({}) không hợp lệ.",
                self.meta.year
            ));
        }
        if let Some(issued) = self.meta.issued_on {
            if let Err(e) = deadline::check_date_in_range(issued) {
                problems.push(format!("Ngày ban hành kế hoạch: {e}"));
            }
        }
        self.long_texts(&mut problems);
        for c in &self.criteria {
            match c.field() {
                Some(f) if field_codes.is_empty() || field_codes.contains(&f) => {}
                _ => problems.push(format!(
                    "Tiêu chí \"{}\": mã không bắt đầu bằng số của một lĩnh vực trong kế hoạch.",
                    c.code
                )),
            }
            if c.score_prev > c.max_score || c.target > c.max_score || c.score_prev < 0.0 {
                problems.push(format!(
                    "Tiêu chí \"{}\": điểm năm trước ({}) hoặc mục tiêu ({}) vượt điểm tối đa ({}).",
                    c.code, c.score_prev, c.target, c.max_score
                ));
            }
        }
        for a in &self.agencies {
            if !is_code(&a.code) {
                problems.push(format!(
                    "Cơ quan \"{}\": mã \"{}\" chỉ được gồm chữ không dấu, số, \"-\" và \"_\".",
                    a.name, a.code
                ));
            }
        }
        let group_of: HashMap<&str, &super::Group> =
            self.groups.iter().map(|g| (g.code.as_str(), g)).collect();
        for g in &self.groups {
            for m in &g.members {
                if !parties.contains(m.as_str()) {
                    problems.push(format!("Nhóm \"{}\": không có cơ quan mã \"{m}\".", g.name));
                }
            }
            if g.members.is_empty() {
                problems.push(format!("Nhóm \"{}\" chưa có cơ quan nào.", g.name));
            }
            if reaches(&group_of, &g.code, &g.code, &mut HashSet::new()) {
                problems.push(format!("Nhóm \"{}\" chứa chính nó.", g.name));
            }
        }
        for t in &self.tasks {
            let at = |field: &str| format!("Nhiệm vụ {}, {field}", t.code);
            if t.content.is_empty() {
                problems.push(format!("{}: chưa ghi.", at("nội dung")));
            }
            if t.lead.is_empty() {
                problems.push(format!("{}: chưa ghi.", at("cơ quan chủ trì")));
            } else if !parties.contains(t.lead.as_str()) {
                problems.push(format!(
                    "{}: không có cơ quan hoặc nhóm mã \"{}\".",
                    at("cơ quan chủ trì"),
                    t.lead
                ));
            }
            for code in &t.partners {
                if !parties.contains(code.as_str()) {
                    problems.push(format!(
                        "{}: không có cơ quan hoặc nhóm mã \"{code}\".",
                        at("cơ quan phối hợp")
                    ));
                }
            }
            for code in &t.criteria {
                if !criteria.contains(code.as_str()) {
                    problems.push(format!(
                        "{}: không có tiêu chí mã \"{code}\".",
                        at("tiêu chí")
                    ));
                }
            }
            if !t.deadline.is_empty() {
                if let Err(e) = deadline::parse(&t.deadline) {
                    problems.push(format!("{}: {e}", at("thời hạn")));
                }
            }
        }
        let tasks: HashSet<&str> = self.tasks.iter().map(|t| t.code.as_str()).collect();
        self.check_successions(&parties, &tasks, &mut problems);
        super::indicator::check(&self.indicators, &self.criteria, &parties, &mut problems);
        if problems.is_empty() {
            Ok(())
        } else {
            Err(Error::Rows(problems))
        }
    }
}

impl PlanData {
    /// A problem line for each text longer than an Excel cell holds: every
    /// text of a plan is exported to a cell of some workbook.
    fn long_texts(&self, problems: &mut Vec<String>) {
        let m = &self.meta;
        let mut texts: Vec<(String, &str)> = vec![
            ("Số, ký hiệu của kế hoạch".into(), &m.reference),
            ("Tên kế hoạch".into(), &m.name),
            ("Tên tỉnh".into(), &m.province),
        ];
        for f in &self.fields {
            texts.push((format!("Tên lĩnh vực {}", f.code), &f.name));
        }
        for c in &self.criteria {
            texts.push((format!("Tên tiêu chí {}", c.code), &c.name));
            for t in &c.targets {
                texts.push((format!("Chỉ tiêu của tiêu chí {}", c.code), &t.text));
            }
        }
        for a in &self.agencies {
            texts.push((format!("Tên cơ quan {}", a.code), &a.name));
        }
        for g in &self.groups {
            texts.push((format!("Tên nhóm {}", g.code), &g.name));
        }
        for t in &self.tasks {
            texts.push((format!("Nội dung nhiệm vụ {}", t.code), &t.content));
            texts.push((format!("Thời hạn của nhiệm vụ {}", t.code), &t.deadline));
            texts.push((format!("Mục của nhiệm vụ {}", t.code), &t.section));
            if let Some(output) = &t.output {
                texts.push((format!("Sản phẩm của nhiệm vụ {}", t.code), output));
            }
        }
        for (what, value) in texts {
            if let Err(e) = text::check_cell_length(&what, value) {
                problems.push(e);
            }
        }
    }

    /// Successions name known agencies and tasks, hand each task over at most
    /// once, and never lead back to the agency they start from.
    fn check_successions(
        &self,
        parties: &HashSet<&str>,
        tasks: &HashSet<&str>,
        problems: &mut Vec<String>,
    ) {
        let agencies: HashSet<&str> = self.agencies.iter().map(|a| a.code.as_str()).collect();
        let mut handed: HashSet<(&str, Option<&str>)> = HashSet::new();
        for s in &self.successions {
            let at = format!("Cơ quan {} (thay bằng {})", s.predecessor, s.successor);
            if !agencies.contains(s.predecessor.as_str()) {
                problems.push(format!("{at}: không có cơ quan mã \"{}\".", s.predecessor));
            }
            if !parties.contains(s.successor.as_str()) {
                problems.push(format!(
                    "{at}: không có cơ quan hoặc nhóm kế thừa mã \"{}\".",
                    s.successor
                ));
            }
            if let Some(task) = &s.task {
                if !tasks.contains(task.as_str()) {
                    problems.push(format!("{at}: không có nhiệm vụ mã \"{task}\"."));
                }
            }
            if !handed.insert((s.predecessor.as_str(), s.task.as_deref())) {
                problems.push(match &s.task {
                    Some(t) => {
                        format!("{at}: nhiệm vụ {t} đã được giao cho một cơ quan kế thừa khác.")
                    }
                    None => {
                        format!("{at}: cơ quan này đã có cơ quan kế thừa các nhiệm vụ còn lại.")
                    }
                });
            }
            if let Some(path) = self.succession_cycle(&s.predecessor) {
                problems.push(format!(
                    "{at}: chuỗi kế thừa quay vòng ({}); một cơ quan không thể kế thừa chính nó.",
                    path.join(" → ")
                ));
            }
        }
    }

    /// The chain of successors from `start` back to it, when there is one.
    pub fn succession_cycle(&self, start: &str) -> Option<Vec<String>> {
        let mut frontier = vec![(start.to_string(), vec![start.to_string()])];
        let mut seen = HashSet::new();
        while let Some((at, trail)) = frontier.pop() {
            for s in self.successions.iter().filter(|s| s.predecessor == at) {
                let mut next = trail.clone();
                next.push(s.successor.clone());
                if s.successor == start {
                    return Some(next);
                }
                if seen.insert(s.successor.clone()) {
                    frontier.push((s.successor.clone(), next));
                }
            }
        }
        None
    }
}

impl PlanData {
    /// Every problem that keeps the plan from being published: those of
    /// [`PlanData::validate`], and deadlines that fall before the plan's year
    /// (a task carried over from last year without a new deadline).
    pub fn check(&self) -> Vec<String> {
        let mut problems = match self.validate() {
            Err(Error::Rows(lines)) => lines,
            Err(other) => vec![other.to_string()],
            Ok(()) => Vec::new(),
        };
        // The sheet "Cơ quan" carries one "Từ ngày" per successor.
        for s in &self.successions {
            let first = self
                .successions
                .iter()
                .find(|o| o.successor == s.successor)
                .filter(|o| o.since != s.since);
            if let Some(o) = first {
                problems.push(format!(
                    "Cơ quan {}, từ ngày: thay cho {} từ {} nhưng thay cho {} từ {}; sheet \"Cơ quan\" \
                     chỉ ghi được một ngày cho mỗi cơ quan kế thừa.",
                    s.successor,
                    o.predecessor,
                    crate::text::date_text(o.since),
                    s.predecessor,
                    crate::text::date_text(s.since)
                ));
            }
        }
        for t in &self.tasks {
            let due = deadline::parse(&t.deadline).ok().and_then(|d| d.due_date());
            if let Some(due) = due.filter(|d| d.year() < self.meta.year) {
                problems.push(format!(
                    "Nhiệm vụ {}, thời hạn: \"{}\" là ngày {}, trước năm {} của kế hoạch.",
                    t.code,
                    t.deadline,
                    crate::text::date_text(due),
                    self.meta.year
                ));
            }
        }
        problems
    }
}

/// Whether the group `from` reaches `target` through its member groups.
fn reaches<'a>(
    groups: &HashMap<&'a str, &'a super::Group>,
    from: &str,
    target: &str,
    seen: &mut HashSet<&'a str>,
) -> bool {
    let Some(g) = groups.get(from) else {
        return false;
    };
    g.members
        .iter()
        .any(|m| m == target || (seen.insert(m.as_str()) && reaches(groups, m, target, seen)))
}

fn unique<'a>(
    problems: &mut Vec<String>,
    what: &str,
    codes: impl Iterator<Item = &'a String>,
) -> HashSet<&'a str> {
    let mut seen = HashSet::new();
    for code in codes {
        if code.is_empty() {
            problems.push(format!("Có {what} thiếu mã."));
        } else if !seen.insert(code.as_str()) {
            problems.push(format!("Mã {what} \"{code}\" bị trùng."));
        }
    }
    seen
}

/// A stable ASCII code: letters, digits, '.', '-' and '_'.
pub fn is_code(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
}
