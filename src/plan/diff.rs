//! What a newer version of a plan changes against the stored one: tasks
//! added, changed and removed (by code), agencies added and dropped, new
//! successions.

use serde::Serialize;

use super::PlanData;

/// The changes from one version of a plan to the next.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PlanChanges {
    /// Codes of the tasks the new version adds.
    pub added: Vec<String>,
    /// Codes of the tasks whose wording, agencies, criteria or deadline change.
    pub changed: Vec<String>,
    /// Removed tasks that have progress, evidence or collected reports: kept
    /// for the months before, out of the months from the switch on.
    pub retired: Vec<String>,
    /// Removed tasks without any history: deleted.
    pub removed: Vec<String>,
    /// Codes of the agencies and groups the new version adds.
    pub agencies_added: Vec<String>,
    /// Codes of the agencies and groups it no longer has (kept for their history).
    pub agencies_retired: Vec<String>,
    /// Successions the new version records, "CŨ → MỚI (từ dd/mm/yyyy)".
    pub successions_added: Vec<String>,
}

impl PlanChanges {
    /// Whether the new version changes no task, agency or succession.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.changed.is_empty()
            && self.retired.is_empty()
            && self.removed.is_empty()
            && self.agencies_added.is_empty()
            && self.agencies_retired.is_empty()
            && self.successions_added.is_empty()
    }
}

/// The changes from `old` to `new`; every removed task is listed in
/// `removed` (the store moves those with history to `retired`).
pub fn diff(old: &PlanData, new: &PlanData) -> PlanChanges {
    let mut out = PlanChanges::default();
    for t in &new.tasks {
        match old.tasks.iter().find(|o| o.code == t.code) {
            None => out.added.push(t.code.clone()),
            Some(o) if o != t => out.changed.push(t.code.clone()),
            Some(_) => {}
        }
    }
    out.removed = old
        .tasks
        .iter()
        .filter(|o| !new.tasks.iter().any(|t| t.code == o.code))
        .map(|o| o.code.clone())
        .collect();
    let codes = |p: &PlanData| -> Vec<String> {
        p.agencies
            .iter()
            .map(|a| a.code.clone())
            .chain(p.groups.iter().map(|g| g.code.clone()))
            .collect()
    };
    let (before, after) = (codes(old), codes(new));
    out.agencies_added = after
        .iter()
        .filter(|c| !before.contains(c))
        .cloned()
        .collect();
    out.agencies_retired = before
        .iter()
        .filter(|c| !after.contains(c))
        .cloned()
        .collect();
    out.successions_added = new
        .successions
        .iter()
        .filter(|s| !old.successions.contains(s))
        .map(|s| {
            let task = s
                .task
                .as_deref()
                .map(|t| format!(", nhiệm vụ {t}"))
                .unwrap_or_default();
            format!(
                "{} → {} (từ {}{task})",
                s.predecessor,
                s.successor,
                crate::text::date_text(s.since)
            )
        })
        .collect();
    out
}
