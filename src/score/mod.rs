//! Points at risk (điểm có nguy cơ mất): per criterion, the maximum, last
//! year's score, the estimate from its indicators where it has them
//! ("ước tính": the ministry's formulas are not in the plan, so the plan's rule
//! is applied to the figures so far), the points at risk and what drives them.
//!
//! [`assess`] is the one rule, fed by [`agency`] (an officer's own figures,
//! tasks and obligations) and [`province`] (the collected workbooks: sums of
//! numerators over sums of denominators, never an average of rates).

pub mod agency;
pub mod province;

pub use agency::agency_scores;
pub use province::{province_scores, province_scores_with};

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::number::format_vi;
use crate::obligation::ObligationStatus;
use crate::plan::indicator::shares;
use crate::plan::{Criterion, IndicatorKind};
use crate::store::IndicatorRow;

/// One criterion's standing.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CriterionScore {
    pub criterion: String,
    pub name: String,
    pub max: f64,
    /// The previous year's score (2023 for the 2024 plan).
    pub last_score: f64,
    /// The figure of its indicator when it has exactly one (in its unit).
    pub value: Option<f64>,
    /// That indicator's target.
    pub target: Option<f64>,
    /// The estimated score from the indicators' figures; `None` without figures.
    pub estimate: Option<f64>,
    /// The points not yet supported by the figures or by tasks on time.
    pub at_risk: f64,
    /// What keeps points at risk, most telling first.
    pub drivers: Vec<Driver>,
    pub indicators: Vec<IndicatorScore>,
}

/// One indicator's figure and estimate.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct IndicatorScore {
    pub index: u32,
    pub name: String,
    pub unit: String,
    pub kind: IndicatorKind,
    pub target: f64,
    /// The points of the criterion's maximum it carries.
    pub share_max: f64,
    pub numerator: Option<f64>,
    pub denominator: Option<f64>,
    /// The rate in percent or the value; `None` when nothing was reported.
    pub value: Option<f64>,
    pub estimate: Option<f64>,
    /// The figure month by month in the plan year, oldest first.
    pub trend: Vec<TrendPoint>,
    /// Agencies whose figure is counted (province view).
    pub reported: Vec<String>,
    /// Agencies that report it but sent no figure (province view).
    pub missing: Vec<String>,
}

/// The figure of one month.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TrendPoint {
    /// `YYYY-MM`.
    pub period: String,
    pub value: f64,
}

/// One reason points are at risk.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Driver {
    pub kind: DriverKind,
    /// One Vietnamese sentence.
    pub text: String,
}

/// The kinds of [`Driver`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum DriverKind {
    /// An indicator's figure is below its target.
    BelowTarget,
    /// An indicator has no figure yet (or some reporters sent none).
    NoFigure,
    /// A task of the criterion is overdue.
    Overdue,
    /// An obligation ("việc phát sinh") of a task of the criterion was late:
    /// settled after its due date, or still open past it.
    LateObligation,
}

/// What the tasks of a criterion leave at risk, each named in a sentence.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Lapses {
    /// Its tasks overdue in the month ("Nhiệm vụ IV.3.1 quá hạn …").
    pub overdue_tasks: Vec<String>,
    /// The obligations of its tasks that were late in the plan year up to the
    /// month's end ([`late_obligation`]).
    pub late_obligations: Vec<String>,
}

impl Lapses {
    fn is_empty(&self) -> bool {
        self.overdue_tasks.is_empty() && self.late_obligations.is_empty()
    }
}

/// Names obligation `o` among the lapses of each of `criteria` (those its
/// task serves) when it was late in `year` ([`late_obligation`]).
fn note_late_obligation<'c>(
    lapses: &mut HashMap<String, Lapses>,
    o: &ObligationSeen,
    year: i32,
    criteria: impl IntoIterator<Item = &'c String>,
) {
    if let Some(text) = late_obligation(o, year) {
        for c in criteria {
            lapses
                .entry(c.clone())
                .or_default()
                .late_obligations
                .push(text.clone());
        }
    }
}

/// An obligation as a report carries it, enough to tell whether it was late.
#[derive(Debug, Clone, Copy)]
pub struct ObligationSeen<'a> {
    pub task: &'a str,
    /// "Số, ký hiệu" of the document that started the clock.
    pub number: &'a str,
    pub due_date: NaiveDate,
    pub settled_on: Option<NaiveDate>,
    /// Its status as of the month's last day (or the day it was settled).
    pub status: ObligationStatus,
    /// The agency, in the province's view.
    pub agency: Option<&'a str>,
}

/// The sentence naming a late obligation, when it counts against the
/// criteria of its task in `year`: its due date falls in that year and it was
/// settled after it ("Xử lý quá hạn") or is still open past it ("Quá hạn chưa
/// xử lý"). `None` for one on time, not yet due, or due in another year.
pub fn late_obligation(o: &ObligationSeen, year: i32) -> Option<String> {
    if o.due_date.year() != year {
        return None;
    }
    let of = o.agency.map(|a| format!(" của {a}")).unwrap_or_default();
    let due = crate::text::date_text(o.due_date);
    let head = format!("Việc phát sinh {} (nhiệm vụ {}){of}", o.number, o.task);
    match o.status {
        ObligationStatus::OverdueOpen => Some(format!("{head} quá hạn chưa xử lý (hạn {due}).")),
        ObligationStatus::Late => Some(match o.settled_on {
            Some(on) => format!(
                "{head} xử lý quá hạn (hạn {due}, xử lý {}).",
                crate::text::date_text(on)
            ),
            None => format!("{head} xử lý quá hạn (hạn {due})."),
        }),
        ObligationStatus::NotDue | ObligationStatus::OnTime => None,
    }
}

/// An indicator with what was measured of it.
#[derive(Debug, Clone)]
pub struct Measured {
    pub indicator: IndicatorRow,
    /// (numerator, denominator) of a rate, summed over the reporters counted.
    pub fraction: Option<(f64, f64)>,
    /// The rate in percent or the value.
    pub value: Option<f64>,
    pub trend: Vec<TrendPoint>,
    pub reported: Vec<String>,
    pub missing: Vec<String>,
}

/// Rounds points to the four decimals the plan writes scores with.
fn points(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// The standing of one criterion from its measured indicators, its overdue
/// tasks and its late obligations (each named in a sentence, e.g. "Nhiệm vụ
/// IV.3.1 quá hạn (hạn 31/08/2024)").
///
/// With indicators, the points at risk are the maximum minus the estimate (an
/// indicator without a figure supports nothing); overdue tasks and late
/// obligations are named among the drivers. Without, a criterion driven by
/// tasks keeps the points the plan means to win back (maximum minus last year's
/// score) at risk while any of its tasks is overdue or any of its obligations
/// was late.
pub fn assess(criterion: &Criterion, measured: &[Measured], lapses: &Lapses) -> CriterionScore {
    let defs: Vec<_> = measured.iter().map(|m| m.indicator.def()).collect();
    let share = shares(&defs.iter().collect::<Vec<_>>());
    let mut drivers = Vec::new();
    let mut indicators = Vec::new();
    let mut supported = 0.0;
    let mut any_figure = false;
    for ((m, def), share) in measured.iter().zip(&defs).zip(share) {
        let share_max = criterion.max_score * share;
        let estimate = m.value.map(|v| def.score(v, share_max));
        supported += estimate.unwrap_or(0.0);
        any_figure |= m.value.is_some();
        let name = format!("Chỉ số {} \"{}\"", m.indicator.index, m.indicator.name);
        match m.value {
            Some(v) if !def.meets(v) => drivers.push(Driver {
                kind: DriverKind::BelowTarget,
                text: format!(
                    "{name}: {} dưới mục tiêu {}{}.",
                    shown(v, &def.unit),
                    shown(def.target, &def.unit),
                    trend_text(&m.trend, &def.unit)
                ),
            }),
            Some(_) => {}
            None => drivers.push(Driver {
                kind: DriverKind::NoFigure,
                text: format!("{name}: chưa có số liệu."),
            }),
        }
        if m.value.is_some() && !m.missing.is_empty() {
            drivers.push(Driver {
                kind: DriverKind::NoFigure,
                text: format!(
                    "{name}: chưa có số liệu của {} cơ quan ({}).",
                    m.missing.len(),
                    m.missing.join(", ")
                ),
            });
        }
        indicators.push(IndicatorScore {
            index: m.indicator.index,
            name: m.indicator.name.clone(),
            unit: m.indicator.unit.clone(),
            kind: m.indicator.kind,
            target: m.indicator.target,
            share_max: points(share_max),
            numerator: m.fraction.map(|f| f.0),
            denominator: m.fraction.map(|f| f.1),
            value: m.value,
            estimate: estimate.map(points),
            trend: m.trend.clone(),
            reported: m.reported.clone(),
            missing: m.missing.clone(),
        });
    }
    for task in &lapses.overdue_tasks {
        drivers.push(Driver {
            kind: DriverKind::Overdue,
            text: task.clone(),
        });
    }
    for obligation in &lapses.late_obligations {
        drivers.push(Driver {
            kind: DriverKind::LateObligation,
            text: obligation.clone(),
        });
    }
    let (estimate, at_risk) = if measured.is_empty() {
        let at_risk = if lapses.is_empty() {
            0.0
        } else {
            criterion.max_score - criterion.score_prev
        };
        (None, at_risk)
    } else {
        (
            any_figure.then_some(points(supported)),
            criterion.max_score - supported,
        )
    };
    let single = (measured.len() == 1).then(|| &measured[0]);
    CriterionScore {
        criterion: criterion.code.clone(),
        name: criterion.name.clone(),
        max: criterion.max_score,
        last_score: criterion.score_prev,
        value: single.and_then(|m| m.value),
        target: single.map(|m| m.indicator.target),
        estimate,
        at_risk: points(at_risk.max(0.0)),
        drivers,
        indicators,
    }
}

/// Most points at risk first; equal ones keep the plan's order.
pub fn sort_by_risk(scores: &mut [CriterionScore]) {
    scores.sort_by(|a, b| b.at_risk.total_cmp(&a.at_risk));
}

/// "98,5%" or "12 đơn vị".
fn shown(v: f64, unit: &str) -> String {
    if unit == "%" {
        format!("{}%", format_vi(v, 2))
    } else if unit.is_empty() {
        format_vi(v, 2)
    } else {
        format!("{} {unit}", format_vi(v, 2))
    }
}

/// " (tháng 07: 97,9%; tháng 08: 98,5%)" for the last months, or "".
fn trend_text(trend: &[TrendPoint], unit: &str) -> String {
    if trend.len() < 2 {
        return String::new();
    }
    let parts: Vec<String> = trend
        .iter()
        .rev()
        .take(3)
        .rev()
        .map(|p| format!("tháng {}: {}", &p.period[5..], shown(p.value, unit)))
        .collect();
    format!(" ({})", parts.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Direction, ScoreRule};

    fn criterion(code: &str, max: f64, prev: f64) -> Criterion {
        Criterion {
            code: code.into(),
            name: format!("Tiêu chí {code}"),
            max_score: max,
            score_prev: prev,
            points_lost: max - prev,
            target: max,
            targets: Vec::new(),
        }
    }

    fn measured(index: u32, target: f64, value: Option<f64>) -> Measured {
        Measured {
            indicator: IndicatorRow {
                id: i64::from(index),
                criterion: "7.3.7".into(),
                index,
                name: format!("Chỉ số {index}"),
                unit: "%".into(),
                kind: IndicatorKind::Rate,
                target,
                direction: Direction::Higher,
                reporters: vec![],
                source: String::new(),
                rule: ScoreRule::Proportional,
                share: None,
            },
            fraction: None,
            value,
            trend: Vec::new(),
            reported: Vec::new(),
            missing: Vec::new(),
        }
    }

    #[test]
    fn two_indicators_share_the_maximum_and_the_gap_is_at_risk() {
        let c = criterion("7.3.7", 1.5, 0.82);
        let s = assess(
            &c,
            &[
                measured(1, 100.0, Some(80.0)),
                measured(2, 50.0, Some(25.0)),
            ],
            &Lapses::default(),
        );
        // 0.75 × 80/100 + 0.75 × 25/50 = 0.6 + 0.375
        assert_eq!(s.estimate, Some(0.975));
        assert_eq!(s.at_risk, 0.525);
        assert_eq!(s.value, None, "two indicators have no single value");
        assert_eq!(s.drivers.len(), 2, "both are below target: {:?}", s.drivers);
    }

    #[test]
    fn an_indicator_without_a_figure_supports_nothing() {
        let c = criterion("7.3.7", 1.5, 0.82);
        let s = assess(
            &c,
            &[measured(1, 100.0, Some(100.0)), measured(2, 50.0, None)],
            &Lapses::default(),
        );
        assert_eq!((s.estimate, s.at_risk), (Some(0.75), 0.75));
        assert_eq!(s.drivers[0].kind, DriverKind::NoFigure);
    }

    #[test]
    fn a_task_driven_criterion_is_at_risk_only_while_a_task_is_overdue() {
        let c = criterion("3.2.1", 0.5, 0.0);
        assert_eq!(assess(&c, &[], &Lapses::default()).at_risk, 0.0);
        let overdue = Lapses {
            overdue_tasks: vec!["Nhiệm vụ II.1.1 quá hạn.".into()],
            ..Lapses::default()
        };
        let s = assess(&c, &[], &overdue);
        assert_eq!((s.estimate, s.at_risk), (None, 0.5));
        assert_eq!(s.drivers[0].kind, DriverKind::Overdue);
    }

    #[test]
    fn a_late_obligation_alone_keeps_a_task_driven_criterion_at_risk() {
        let c = criterion("3.2.1", 0.5, 0.0);
        let late = Lapses {
            late_obligations: vec!["Việc phát sinh 102/QĐ-BTP xử lý quá hạn.".into()],
            ..Lapses::default()
        };
        let s = assess(&c, &[], &late);
        assert_eq!((s.estimate, s.at_risk), (None, 0.5));
        assert_eq!(s.drivers.len(), 1);
        assert_eq!(s.drivers[0].kind, DriverKind::LateObligation);
        assert_eq!(s.drivers[0].text, late.late_obligations[0]);
    }

    #[test]
    fn a_late_obligation_is_named_among_an_indicators_drivers_without_changing_its_estimate() {
        let c = criterion("7.3.7", 1.5, 0.82);
        let figures = [
            measured(1, 100.0, Some(80.0)),
            measured(2, 50.0, Some(25.0)),
        ];
        let plain = assess(&c, &figures, &Lapses::default());
        let late = Lapses {
            late_obligations: vec!["Việc phát sinh 9/QĐ-BTC quá hạn chưa xử lý.".into()],
            ..Lapses::default()
        };
        let s = assess(&c, &figures, &late);
        assert_eq!((s.estimate, s.at_risk), (plain.estimate, plain.at_risk));
        assert_eq!(
            s.drivers.last().map(|d| d.kind),
            Some(DriverKind::LateObligation)
        );
    }

    fn seen(status: ObligationStatus, due: NaiveDate, settled: Option<NaiveDate>) -> String {
        let o = ObligationSeen {
            task: "II.1.1",
            number: "102/QĐ-BTP",
            due_date: due,
            settled_on: settled,
            status,
            agency: Some("SNV"),
        };
        late_obligation(&o, 2024).unwrap_or_default()
    }

    #[test]
    fn only_an_obligation_of_the_year_settled_late_or_open_past_its_due_date_is_late() {
        let day = |m, d| NaiveDate::from_ymd_opt(2024, m, d).expect("a real day");
        assert_eq!(
            seen(ObligationStatus::Late, day(9, 12), Some(day(9, 13))),
            "Việc phát sinh 102/QĐ-BTP (nhiệm vụ II.1.1) của SNV xử lý quá hạn (hạn \
             12/09/2024, xử lý 13/09/2024)."
        );
        assert_eq!(
            seen(ObligationStatus::OverdueOpen, day(9, 20), None),
            "Việc phát sinh 102/QĐ-BTP (nhiệm vụ II.1.1) của SNV quá hạn chưa xử lý (hạn \
             20/09/2024)."
        );
        assert_eq!(
            seen(ObligationStatus::OnTime, day(9, 12), Some(day(9, 9))),
            ""
        );
        assert_eq!(seen(ObligationStatus::NotDue, day(9, 30), None), "");
        let last_year = NaiveDate::from_ymd_opt(2023, 12, 20).expect("a real day");
        assert_eq!(
            seen(ObligationStatus::Late, last_year, Some(day(1, 5))),
            "",
            "due in 2023: it counted against 2023"
        );
    }
}
