//! Measured indicators (chỉ số đo được): the rates and values a criterion is
//! scored on (7.3.6: files handled fully online, target 85%), who reports
//! them, and how a figure becomes an estimated score. They are plan data: the
//! built-in plan's come from `assets/plans/hung-yen-2024/indicators.toml`,
//! other plans' from the task-list workbook's "Chỉ số đo được" sheet.

use serde::{Deserialize, Serialize};

/// One indicator of a criterion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct IndicatorDef {
    /// The criterion it scores ("7.3.7").
    pub criterion: String,
    /// What is measured, in the plan's words.
    pub name: String,
    /// "%" for a rate; the counted thing for a value ("đơn vị").
    pub unit: String,
    pub kind: IndicatorKind,
    /// The figure aimed for, in `unit` (85 for 85%).
    pub target: f64,
    #[serde(default)]
    pub direction: Direction,
    /// Agency or group codes of those who report it; a group reaches its members.
    pub reporters: Vec<String>,
    /// Where the figure comes from (a hint for the officer).
    #[serde(default)]
    pub source: String,
    #[serde(default)]
    pub rule: ScoreRule,
    /// The share of the criterion's maximum it carries (0–1); `None` for an
    /// equal share with the criterion's other indicators.
    #[serde(default)]
    pub share: Option<f64>,
}

/// A rate from a numerator and a denominator, or a value typed as it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum IndicatorKind {
    Rate,
    Value,
}

impl IndicatorKind {
    pub fn code(self) -> &'static str {
        match self {
            IndicatorKind::Rate => "rate",
            IndicatorKind::Value => "value",
        }
    }

    /// Reads a code or the Vietnamese word ("tỷ lệ", "giá trị").
    pub fn parse(s: &str) -> Option<IndicatorKind> {
        match crate::text::fold(s).as_str() {
            "rate" | "ty le" => Some(IndicatorKind::Rate),
            "value" | "gia tri" | "so" => Some(IndicatorKind::Value),
            _ => None,
        }
    }
}

/// Whether a higher or a lower figure is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    #[default]
    Higher,
    Lower,
}

impl Direction {
    pub fn code(self) -> &'static str {
        match self {
            Direction::Higher => "higher",
            Direction::Lower => "lower",
        }
    }

    /// Reads a code or the Vietnamese words ("cao hơn là tốt", "thấp hơn là tốt").
    pub fn parse(s: &str) -> Option<Direction> {
        let f = crate::text::fold(s);
        if f == "higher" || f.starts_with("cao") || f.is_empty() {
            Some(Direction::Higher)
        } else if f == "lower" || f.starts_with("thap") {
            Some(Direction::Lower)
        } else {
            None
        }
    }
}

/// How a figure becomes a score. The ministry's exact formulas are not in the
/// plan, so every score made this way is an estimate ("ước tính").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum ScoreRule {
    /// share × min(1, value ÷ target) (target ÷ value when lower is better).
    #[default]
    Proportional,
    /// The whole share when the target is met, nothing otherwise.
    Threshold,
}

impl ScoreRule {
    pub fn code(self) -> &'static str {
        match self {
            ScoreRule::Proportional => "proportional",
            ScoreRule::Threshold => "threshold",
        }
    }

    /// Reads a code or the Vietnamese words ("tỷ lệ thuận", "đạt/không đạt").
    pub fn parse(s: &str) -> Option<ScoreRule> {
        let f = crate::text::fold(s);
        if f.is_empty() || f == "proportional" || f.starts_with("ty le") {
            Some(ScoreRule::Proportional)
        } else if f == "threshold" || f.starts_with("dat") {
            Some(ScoreRule::Threshold)
        } else {
            None
        }
    }

    /// The rule as the officer reads it.
    pub fn label(self) -> &'static str {
        match self {
            ScoreRule::Proportional => "Tỷ lệ thuận: điểm tối đa × min(1, giá trị ÷ mục tiêu)",
            ScoreRule::Threshold => "Đạt/không đạt: đủ điểm khi đạt mục tiêu",
        }
    }
}

impl IndicatorDef {
    /// Whether a figure meets the target.
    pub fn meets(&self, value: f64) -> bool {
        match self.direction {
            Direction::Higher => value >= self.target,
            Direction::Lower => value <= self.target,
        }
    }

    /// The estimated score of a figure, out of `share_max` points.
    pub fn score(&self, value: f64, share_max: f64) -> f64 {
        let fraction = match self.rule {
            ScoreRule::Threshold => f64::from(u8::from(self.meets(value))),
            ScoreRule::Proportional if self.meets(value) => 1.0,
            ScoreRule::Proportional => match self.direction {
                Direction::Higher if self.target > 0.0 => (value / self.target).max(0.0),
                Direction::Lower if value > 0.0 => self.target / value,
                _ => 1.0,
            },
        };
        share_max * fraction.clamp(0.0, 1.0)
    }
}

/// The share of the maximum each of a criterion's indicators carries: the
/// stated shares, the rest split equally between those without one.
pub fn shares(indicators: &[&IndicatorDef]) -> Vec<f64> {
    let stated: f64 = indicators.iter().filter_map(|i| i.share).sum();
    let unstated = indicators.iter().filter(|i| i.share.is_none()).count();
    let each = if unstated > 0 {
        ((1.0 - stated).max(0.0)) / unstated as f64
    } else {
        0.0
    };
    indicators.iter().map(|i| i.share.unwrap_or(each)).collect()
}

/// Brings the indicators' texts to NFC, trimmed.
pub(super) fn normalize(indicators: &mut [IndicatorDef]) {
    for i in indicators {
        for s in [&mut i.criterion, &mut i.name, &mut i.unit, &mut i.source] {
            *s = crate::text::clean(s);
        }
        for r in &mut i.reporters {
            *r = crate::text::clean(r);
        }
    }
}

/// Adds a Vietnamese sentence to `problems` for each wrong indicator: an
/// unknown criterion or reporter, a missing name, a target or share out of range.
pub(super) fn check(
    indicators: &[IndicatorDef],
    criteria: &[super::Criterion],
    parties: &std::collections::HashSet<&str>,
    problems: &mut Vec<String>,
) {
    for (n, i) in indicators.iter().enumerate() {
        let at = format!("Chỉ số đo được thứ {} (tiêu chí {})", n + 1, i.criterion);
        if !criteria.iter().any(|c| c.code == i.criterion) {
            problems.push(format!("{at}: không có tiêu chí mã \"{}\".", i.criterion));
        }
        if i.name.is_empty() {
            problems.push(format!("{at}: thiếu tên chỉ số."));
        }
        if i.reporters.is_empty() {
            problems.push(format!("{at}: chưa có cơ quan báo cáo."));
        }
        for r in &i.reporters {
            if !parties.contains(r.as_str()) {
                problems.push(format!("{at}: không có cơ quan hoặc nhóm mã \"{r}\"."));
            }
        }
        let percent = i.kind == IndicatorKind::Rate || i.unit == "%";
        if !i.target.is_finite() || i.target < 0.0 || (percent && i.target > 100.0) {
            problems.push(format!(
                "{at}: mục tiêu {} không hợp lệ{}.",
                crate::number::format_vi(i.target, 4),
                if percent {
                    " (phải từ 0 đến 100%)"
                } else {
                    ""
                }
            ));
        }
        if let Some(share) = i.share {
            if !(0.0..=1.0).contains(&share) {
                problems.push(format!(
                    "{at}: phần điểm {} phải từ 0 đến 1.",
                    crate::number::format_vi(share, 4)
                ));
            }
        }
    }
    for c in criteria {
        let stated: f64 = indicators
            .iter()
            .filter(|i| i.criterion == c.code)
            .filter_map(|i| i.share)
            .sum();
        if stated > 1.0 + 1e-9 {
            problems.push(format!(
                "Tiêu chí {}: tổng phần điểm của các chỉ số đo được vượt quá 1.",
                c.code
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rate(target: f64) -> IndicatorDef {
        IndicatorDef {
            criterion: "7.3.6".into(),
            name: "Tỷ lệ hồ sơ trực tuyến toàn trình".into(),
            unit: "%".into(),
            kind: IndicatorKind::Rate,
            target,
            direction: Direction::Higher,
            reporters: vec!["CQDV".into()],
            source: String::new(),
            rule: ScoreRule::Proportional,
            share: None,
        }
    }

    #[test]
    fn a_proportional_score_is_the_maximum_times_the_share_of_the_target_reached() {
        let i = rate(85.0);
        assert!((i.score(68.0, 1.5) - 1.5 * 68.0 / 85.0).abs() < 1e-12);
        assert_eq!(
            i.score(90.0, 1.5),
            1.5,
            "above the target scores the maximum"
        );
        assert_eq!(i.score(0.0, 1.5), 0.0);
    }

    #[test]
    fn a_lower_is_better_indicator_scores_target_over_value() {
        let i = IndicatorDef {
            direction: Direction::Lower,
            ..rate(2.0)
        };
        assert_eq!(i.score(1.0, 1.0), 1.0);
        assert!((i.score(4.0, 1.0) - 0.5).abs() < 1e-12);
    }

    #[test]
    fn a_threshold_rule_gives_all_or_nothing() {
        let i = IndicatorDef {
            rule: ScoreRule::Threshold,
            ..rate(50.0)
        };
        assert_eq!(i.score(49.9, 0.75), 0.0);
        assert_eq!(i.score(50.0, 0.75), 0.75);
    }

    #[test]
    fn indicators_without_a_stated_share_split_the_rest_equally() {
        let a = rate(100.0);
        let b = rate(50.0);
        assert_eq!(shares(&[&a, &b]), vec![0.5, 0.5]);
        let c = IndicatorDef {
            share: Some(0.6),
            ..rate(100.0)
        };
        let s = shares(&[&c, &a, &b]);
        assert!(
            (s[1] - 0.2).abs() < 1e-12 && (s[2] - 0.2).abs() < 1e-12,
            "{s:?}"
        );
    }
}
