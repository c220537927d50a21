//! The plan: fields, criteria, agencies and their groups, and tasks, as plain
//! data. The built-in plan is read from `assets/plans/` (TOML transcribed from the
//! plan text); other plans come from the task-list workbook. Both give a
//! [`PlanData`], which [`PlanData::validate`] checks before the store takes it.

mod builtin;
pub mod indicator;
mod validate;

pub use builtin::built_in;
pub use indicator::{Direction, IndicatorDef, IndicatorKind, ScoreRule};

use serde::{Deserialize, Serialize};

/// A whole plan as it is loaded, before it is stored.
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
    /// Measured indicators of the criteria, in plan order.
    #[serde(default)]
    pub indicators: Vec<IndicatorDef>,
}

/// What identifies a plan: its document number, name, year and province.
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Agency {
    /// Stable ASCII code: "SNV", "HKC".
    pub code: String,
    pub name: String,
    pub kind: AgencyKind,
}

/// A named set of agencies ("Các sở, ban, ngành tỉnh") that can lead or
/// co-operate on a task like an agency; it reaches each of its members.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Group {
    pub code: String,
    pub name: String,
    /// Codes of member agencies or of other groups (expanded when stored).
    pub members: Vec<String>,
}

/// A task of the plan, with its agencies named by code.
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

impl PlanData {
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
