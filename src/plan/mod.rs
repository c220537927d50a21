//! The plan: fields, criteria, agencies and their groups, and tasks, as plain
//! data. The built-in plan is read from `assets/plans/` (TOML transcribed from the
//! plan text); other plans come from the task-list workbook. Both give a
//! [`PlanData`], which [`PlanData::validate`] checks before the store takes it.

mod builtin;
mod diff;
pub mod indicator;
mod validate;

pub use builtin::built_in;
pub use diff::{diff, PlanChanges};
pub use indicator::{Direction, IndicatorDef, IndicatorKind, ScoreRule};

use serde::{Deserialize, Serialize};

/// A whole plan as it is loaded, before it is stored.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanData {
    pub meta: PlanMeta,
    #[serde(default)]
    pub fields: Vec<Field>,
    #[serde(default)]
    pub criteria: Vec<Criterion>,
    #[serde(default)]
    pub agencies: Vec<Agency>,
    #[serde(default)]
    pub groups: Vec<Group>,
    #[serde(default)]
    pub tasks: Vec<TaskDef>,
    /// Agencies succeeded by others from a date (mergers, renamings).
    #[serde(default)]
    pub successions: Vec<Succession>,
    /// Measured indicators of the criteria, in plan order.
    #[serde(default)]
    pub indicators: Vec<IndicatorDef>,
}

/// What identifies a plan: its document number, name, year and province.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanMeta {
    /// "Số, ký hiệu" as printed; the 2024 plan's is blank before its number: "/KH-UBND".
    pub reference: String,
    /// Date of issue, when the text gives one.
    #[serde(default)]
    pub issued_on: Option<chrono::NaiveDate>,
    pub name: String,
    pub year: i32,
    pub province: String,
    /// What stays the same across the plan's published versions; set when the
    /// plan is stored (empty before).
    #[serde(default)]
    pub key: String,
    /// The number of the plan's latest published version (0: never published).
    #[serde(default)]
    pub version: u32,
}

/// A field (lĩnh vực) of the provincial PAR Index, numbered 1–8.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Field {
    pub code: u32,
    pub name: String,
    /// Maximum score, where the plan gives it.
    #[serde(default)]
    pub max_score: Option<f64>,
    /// Score of the previous year (2023 for the 2024 plan), where given.
    #[serde(default)]
    pub score_prev: Option<f64>,
    /// Points lost as the plan states them (it rounds the score, not the loss).
    #[serde(default)]
    pub points_lost: Option<f64>,
}

/// A criterion or sub-criterion (tiêu chí, tiêu chí thành phần) such as `3.2.1`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Criterion {
    pub code: String,
    pub name: String,
    pub max_score: f64,
    pub score_prev: f64,
    pub points_lost: f64,
    /// The score aimed for this year ("Đạt điểm tối đa" is the maximum).
    pub target: f64,
    /// Quantitative targets stated for the criterion (85% of dossiers…).
    #[serde(default)]
    pub targets: Vec<QuantTarget>,
}

impl Criterion {
    /// The field a criterion belongs to: the number before its first dot.
    pub fn field(&self) -> Option<u32> {
        self.code.split('.').next()?.parse().ok()
    }
}

/// A measurable target, e.g. 85 % of dossiers fully online.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct QuantTarget {
    pub value: f64,
    pub unit: String,
    /// What is measured, in the plan's words.
    pub text: String,
}

/// The kind of an agency, as the "Cơ quan" sheet names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum AgencyKind {
    SoBanNganh,
    UbndHuyen,
    UbndXa,
    TrungUong,
    Khac,
}

impl AgencyKind {
    pub const ALL: [AgencyKind; 5] = [
        AgencyKind::SoBanNganh,
        AgencyKind::UbndHuyen,
        AgencyKind::UbndXa,
        AgencyKind::TrungUong,
        AgencyKind::Khac,
    ];

    /// The label people read and the workbook carries.
    pub fn label(self) -> &'static str {
        match self {
            AgencyKind::SoBanNganh => "Sở, ban, ngành",
            AgencyKind::UbndHuyen => "UBND cấp huyện",
            AgencyKind::UbndXa => "UBND cấp xã",
            AgencyKind::TrungUong => "Cơ quan Trung ương trên địa bàn",
            AgencyKind::Khac => "Khác",
        }
    }

    /// The stable code used in JSON and the database.
    pub fn code(self) -> &'static str {
        match self {
            AgencyKind::SoBanNganh => "so-ban-nganh",
            AgencyKind::UbndHuyen => "ubnd-huyen",
            AgencyKind::UbndXa => "ubnd-xa",
            AgencyKind::TrungUong => "trung-uong",
            AgencyKind::Khac => "khac",
        }
    }

    /// Reads a label or code, ignoring case and diacritics.
    pub fn parse(s: &str) -> Option<AgencyKind> {
        let folded = crate::text::fold(s);
        Self::ALL
            .into_iter()
            .find(|k| crate::text::fold(k.label()) == folded || k.code() == folded)
    }
}

/// An agency that records progress and can lead or co-operate on tasks.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Agency {
    /// Stable ASCII code: "SNV", "HKC".
    pub code: String,
    pub name: String,
    pub kind: AgencyKind,
}

/// A named set of agencies ("Các sở, ban, ngành tỉnh") that can lead or
/// co-operate on a task like an agency; it reaches each of its members.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Group {
    pub code: String,
    pub name: String,
    /// Codes of member agencies or of other groups (expanded when stored).
    pub members: Vec<String>,
}

/// An agency succeeded by another from a date: from then on its tasks (all of
/// them, or the one named) belong to the successor, an agency or a group.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Succession {
    pub predecessor: String,
    pub successor: String,
    pub since: chrono::NaiveDate,
    /// The one task handed over; `None` for every task not named in another succession.
    #[serde(default)]
    pub task: Option<String>,
}

/// A task of the plan, with its agencies named by code.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaskDef {
    pub code: String,
    /// Heading the task stands under ("II.1. Cải cách thủ tục hành chính").
    #[serde(default)]
    pub section: String,
    pub content: String,
    #[serde(default)]
    pub criteria: Vec<String>,
    /// Code of the lead agency or group.
    pub lead: String,
    #[serde(default)]
    pub partners: Vec<String>,
    /// The deadline as the text words it; empty where it gives none.
    #[serde(default)]
    pub deadline: String,
    #[serde(default)]
    pub output: Option<String>,
}

/// A deadline wording as the core's reader understands it: the due date it
/// resolves to, or that it is recurring work.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ResolvedDeadline {
    pub due_date: Option<chrono::NaiveDate>,
    pub recurring: bool,
}

/// Reads a deadline wording as the plan's tasks are stored ("Quý III/2026",
/// "Thường xuyên"); an empty wording has no due date.
///
/// # Errors
/// [`crate::Error::Deadline`] with the reader's Vietnamese message.
pub fn resolve_deadline(text: &str) -> crate::error::Result<ResolvedDeadline> {
    let text = crate::text::clean(text);
    if text.is_empty() {
        return Ok(ResolvedDeadline {
            due_date: None,
            recurring: false,
        });
    }
    let d = crate::deadline::parse(&text)?;
    Ok(ResolvedDeadline {
        due_date: d.due_date(),
        recurring: d.is_recurring(),
    })
}

impl PlanData {
    /// A plan with `other`'s identity and nothing else.
    pub fn empty_like(other: &PlanData) -> PlanData {
        PlanData {
            meta: other.meta.clone(),
            fields: Vec::new(),
            criteria: Vec::new(),
            agencies: Vec::new(),
            groups: Vec::new(),
            tasks: Vec::new(),
            successions: Vec::new(),
            indicators: Vec::new(),
        }
    }

    /// How many tasks agency `code` leads or co-operates on, itself or
    /// through a group it belongs to (successions aside).
    pub fn tasks_of(&self, code: &str) -> usize {
        let mut parties = std::collections::HashSet::from([code]);
        loop {
            let before = parties.len();
            for g in &self.groups {
                if g.members.iter().any(|m| parties.contains(m.as_str())) {
                    parties.insert(g.code.as_str());
                }
            }
            if parties.len() == before {
                break;
            }
        }
        self.tasks
            .iter()
            .filter(|t| {
                std::iter::once(&t.lead)
                    .chain(&t.partners)
                    .any(|p| parties.contains(p.as_str()))
            })
            .count()
    }

    /// The agency or group name for a code.
    pub fn party_name(&self, code: &str) -> Option<&str> {
        self.agencies
            .iter()
            .find(|a| a.code == code)
            .map(|a| a.name.as_str())
            .or_else(|| {
                self.groups
                    .iter()
                    .find(|g| g.code == code)
                    .map(|g| g.name.as_str())
            })
    }
}
