//! Measured indicators in the store: the plan's indicators with who reports
//! them, and each agency's monthly figure (numerator and denominator of a rate,
//! cumulative over the plan year, or a plain value), checked before it is saved.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};

use super::{Store, MEMBERS_CTE};
use crate::error::{Error, Result};
use crate::number::{format_vi, parse_vi};
use crate::plan::{self, Direction, IndicatorDef, IndicatorKind, ScoreRule};
use crate::{deadline, text};

/// A stored indicator: its definition, its number within its criterion and the
/// agencies and groups that report it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct IndicatorRow {
    #[serde(skip)]
    pub id: i64,
    pub criterion: String,
    /// 1, 2… within the criterion (7.3.7 has two).
    pub index: u32,
    pub name: String,
    pub unit: String,
    pub kind: IndicatorKind,
    pub target: f64,
    pub direction: Direction,
    /// Agency or group codes, as the plan names them.
    pub reporters: Vec<String>,
    pub source: String,
    pub rule: ScoreRule,
    pub share: Option<f64>,
}

impl IndicatorRow {
    /// The plan definition this row stores.
    pub fn def(&self) -> IndicatorDef {
        IndicatorDef {
            criterion: self.criterion.clone(),
            name: self.name.clone(),
            unit: self.unit.clone(),
            kind: self.kind,
            target: self.target,
            direction: self.direction,
            reporters: self.reporters.clone(),
            source: self.source.clone(),
            rule: self.rule,
            share: self.share,
        }
    }

    /// "Tiêu chí 7.3.7, chỉ số 2", for messages.
    pub fn label(&self) -> String {
        format!("tiêu chí {}, chỉ số {}", self.criterion, self.index)
    }
}

/// One figure: a rate's numerator and denominator with the rate in percent,
/// or a plain value; where it came from and the day it was taken.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Figure {
    /// The month it was recorded for, `YYYY-MM`.
    pub period: String,
    pub numerator: Option<f64>,
    pub denominator: Option<f64>,
    /// The rate in percent (numerator ÷ denominator × 100), or the value.
    pub value: f64,
    pub source: String,
    pub as_of: Option<NaiveDate>,
}

/// The monthly indicator form, as typed: numbers the Vietnamese way
/// ("1.245", "85,5"), the date as dd/mm/yyyy.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct IndicatorForm {
    pub agency: String,
    pub criterion: String,
    /// Which of the criterion's indicators (1, 2…); needed only when it has several.
    pub index: Option<u32>,
    /// `YYYY-MM` or `MM/YYYY`.
    pub period: String,
    pub numerator: String,
    pub denominator: String,
    pub value: String,
    pub source: String,
    /// Ngày số liệu, dd/mm/yyyy; empty when not given.
    pub as_of: String,
}

impl Store {
    /// The indicators of a plan, in the order of their criteria.
    pub fn indicators(&self, plan_id: i64) -> Result<Vec<IndicatorRow>> {
        let mut reporters: HashMap<i64, Vec<String>> = HashMap::new();
        let mut stmt = self.conn.prepare_cached(
            "SELECT ir.indicator_id, a.code FROM indicator_reporter ir
             JOIN agency a ON a.id = ir.agency_id JOIN indicator i ON i.id = ir.indicator_id
             WHERE i.plan_id = ?1 ORDER BY a.position",
        )?;
        let mut rows = stmt.query([plan_id])?;
        while let Some(r) = rows.next()? {
            reporters.entry(r.get(0)?).or_default().push(r.get(1)?);
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT i.id, c.code, i.position, i.name, i.unit, i.kind, i.target, i.direction,
                    i.source, i.rule, i.share
             FROM indicator i JOIN criterion c ON c.id = i.criterion_id
             WHERE i.plan_id = ?1 ORDER BY c.position, i.position",
        )?;
        let mut rows = stmt.query([plan_id])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            let kind: String = r.get(5)?;
            let direction: String = r.get(7)?;
            let rule: String = r.get(9)?;
            out.push(IndicatorRow {
                id,
                criterion: r.get(1)?,
                index: r.get(2)?,
                name: r.get(3)?,
                unit: r.get(4)?,
                kind: IndicatorKind::parse(&kind).unwrap_or(IndicatorKind::Value),
                target: r.get(6)?,
                direction: Direction::parse(&direction).unwrap_or_default(),
                source: r.get(8)?,
                rule: ScoreRule::parse(&rule).unwrap_or_default(),
                share: r.get(10)?,
                reporters: reporters.remove(&id).unwrap_or_default(),
            });
        }
        Ok(out)
    }

    /// The plan definitions of a stored plan's indicators.
    pub(super) fn indicator_defs(&self, plan_id: i64) -> Result<Vec<IndicatorDef>> {
        Ok(self
            .indicators(plan_id)?
            .iter()
            .map(IndicatorRow::def)
            .collect())
    }

    /// The indicators an agency reports (itself or through a group).
    pub fn agency_indicators(&self, plan_id: i64, agency: &str) -> Result<Vec<IndicatorRow>> {
        let agency_id = self.reporting_agency(plan_id, agency)?;
        let mine = self.reported_by(agency_id)?;
        Ok(self
            .indicators(plan_id)?
            .into_iter()
            .filter(|i| mine.contains(&i.id))
            .collect())
    }

    /// The ids of the indicators an agency reports.
    fn reported_by(&self, agency_id: i64) -> Result<Vec<i64>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "{MEMBERS_CTE}
             SELECT DISTINCT ir.indicator_id FROM indicator_reporter ir
             JOIN reach ON reach.party = ir.agency_id WHERE reach.agency = ?1"
        ))?;
        let ids = stmt
            .query_map([agency_id], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<i64>>>()?;
        Ok(ids)
    }

    /// For each indicator of a plan (by id), the codes of the agencies (not
    /// groups) that report it, itself or through a group, in plan order; one
    /// query for the whole plan.
    pub fn indicator_reporters(&self, plan_id: i64) -> Result<HashMap<i64, Vec<String>>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "{MEMBERS_CTE}
             SELECT DISTINCT ir.indicator_id, a.code, a.position FROM indicator_reporter ir
             JOIN indicator i ON i.id = ir.indicator_id
             JOIN reach ON reach.party = ir.agency_id
             JOIN agency a ON a.id = reach.agency
             WHERE i.plan_id = ?1 AND a.kind <> 'nhom' ORDER BY a.position"
        ))?;
        let mut out: HashMap<i64, Vec<String>> = HashMap::new();
        let mut rows = stmt.query([plan_id])?;
        while let Some(r) = rows.next()? {
            out.entry(r.get(0)?).or_default().push(r.get(1)?);
        }
        Ok(out)
    }

    /// Saves an agency's figure for an indicator and month, in one transaction,
    /// after checking it: a rate needs a numerator no larger than its
    /// denominator, a value in percent stays within 0–100.
    ///
    /// # Errors
    /// [`Error::NotFound`] for an unknown agency or criterion; [`Error::Invalid`]
    /// naming the wrong field (a number that is not one, a numerator over the
    /// denominator, a rate outside 0–100%, an indicator the agency does not
    /// report, a figure dated after the month); nothing is saved then.
    pub fn set_indicator(
        &mut self,
        plan_id: i64,
        form: &IndicatorForm,
        now: DateTime<Utc>,
    ) -> Result<Figure> {
        let (period, end) = super::period(&form.period)?;
        let agency_id = self.reporting_agency(plan_id, &form.agency)?;
        let indicator = self.pick_indicator(plan_id, &form.criterion, form.index)?;
        if !self.reported_by(agency_id)?.contains(&indicator.id) {
            return Err(Error::Invalid(format!(
                "Cơ quan {} không báo cáo chỉ số \"{}\" ({}); cơ quan báo cáo: {}.",
                form.agency.trim(),
                indicator.name,
                indicator.label(),
                indicator.reporters.join(", ")
            )));
        }
        let mut figure = figure_from_form(&indicator, form)?;
        if let Some(d) = figure.as_of {
            if d > end {
                return Err(Error::Invalid(format!(
                    "Ngày số liệu {} nằm sau kỳ báo cáo tháng {}.",
                    crate::text::date_text(d),
                    crate::text::month_text(&period)
                )));
            }
        }
        figure.period = period;
        let tx = self.begin()?;
        tx.execute(
            "INSERT INTO indicator_value (indicator_id, agency_id, period, numerator,
                 denominator, value, source, as_of, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
             ON CONFLICT (indicator_id, agency_id, period) DO UPDATE SET
                 numerator = excluded.numerator, denominator = excluded.denominator,
                 value = excluded.value, source = excluded.source, as_of = excluded.as_of,
                 updated_at = excluded.updated_at",
            (
                indicator.id,
                agency_id,
                &figure.period,
                figure.numerator,
                figure.denominator,
                figure.value,
                &figure.source,
                figure.as_of,
                now.to_rfc3339(),
            ),
        )?;
        tx.commit()?;
        Ok(figure)
    }

    /// An agency's figures for an indicator in the plan year of `period`, up to
    /// and including it, oldest month first.
    pub fn indicator_figures(
        &self,
        indicator_id: i64,
        agency: &str,
        plan_id: i64,
        period: &str,
    ) -> Result<Vec<Figure>> {
        let (period, _) = super::period(period)?;
        let agency_id = self.reporting_agency(plan_id, agency)?;
        let year_start = format!("{}-01", &period[..4]);
        let mut stmt = self.conn.prepare_cached(
            "SELECT period, numerator, denominator, value, source, as_of FROM indicator_value
             WHERE indicator_id = ?1 AND agency_id = ?2 AND period BETWEEN ?3 AND ?4
             ORDER BY period",
        )?;
        let figures = stmt
            .query_map((indicator_id, agency_id, year_start, &period), |r| {
                Ok(Figure {
                    period: r.get(0)?,
                    numerator: r.get(1)?,
                    denominator: r.get(2)?,
                    value: r.get(3)?,
                    source: r.get(4)?,
                    as_of: r.get(5)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<Figure>>>()?;
        Ok(figures)
    }

    /// The indicator a form names: the criterion's only one, or its `index`-th.
    pub fn pick_indicator(
        &self,
        plan_id: i64,
        criterion: &str,
        index: Option<u32>,
    ) -> Result<IndicatorRow> {
        self.criterion_id(plan_id, criterion)?;
        let code = criterion.trim();
        let mut of_criterion: Vec<IndicatorRow> = self
            .indicators(plan_id)?
            .into_iter()
            .filter(|i| i.criterion == code)
            .collect();
        let chosen = match index {
            Some(n) => of_criterion.iter().position(|i| i.index == n),
            None if of_criterion.len() == 1 => Some(0),
            None => None,
        };
        if let Some(pos) = chosen {
            return Ok(of_criterion.swap_remove(pos));
        }
        let list = || {
            of_criterion
                .iter()
                .map(|i| format!("{}. {}", i.index, i.name))
                .collect::<Vec<_>>()
                .join("; ")
        };
        Err(Error::Invalid(match (index, of_criterion.len()) {
            (_, 0) => format!("Tiêu chí {code} không có chỉ số đo được trong kế hoạch."),
            (Some(n), _) => format!(
                "Tiêu chí {code} không có chỉ số số {n}; các chỉ số: {}.",
                list()
            ),
            (None, count) => format!(
                "Tiêu chí {code} có {count} chỉ số đo được; chọn một (--indicator): {}.",
                list()
            ),
        }))
    }

    /// Adds the built-in plan's indicators to a stored copy of the built-in
    /// plan that has none (a database made before indicators existed).
    pub(super) fn add_built_in_indicators(&mut self) -> Result<()> {
        // Parsing the built-in plan takes longer than opening the store: it
        // is parsed only when some plan has no indicators at all.
        let any_without: bool = self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM plan p
                 WHERE NOT EXISTS (SELECT 1 FROM indicator i WHERE i.plan_id = p.id))",
            [],
            |r| r.get(0),
        )?;
        if !any_without {
            return Ok(());
        }
        let built_in = plan::built_in()?;
        let m = &built_in.meta;
        let plans: Vec<i64> = self
            .conn
            .prepare(
                "SELECT id FROM plan p WHERE name = ?1 AND year = ?2 AND reference = ?3
                 AND NOT EXISTS (SELECT 1 FROM indicator i WHERE i.plan_id = p.id)",
            )?
            .query_map((&m.name, m.year, &m.reference), |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for plan_id in plans {
            let tx = self.conn.transaction()?;
            insert_indicators(&tx, plan_id, &built_in.indicators)?;
            tx.commit()?;
        }
        Ok(())
    }
}

/// Writes a plan's indicators (already validated) with their reporters.
pub(super) fn insert_indicators(
    tx: &Transaction,
    plan_id: i64,
    indicators: &[IndicatorDef],
) -> Result<()> {
    let mut count: HashMap<&str, u32> = HashMap::new();
    for i in indicators {
        let position = count.entry(i.criterion.as_str()).or_default();
        *position += 1;
        let criterion_id: Option<i64> = tx
            .query_row(
                "SELECT id FROM criterion WHERE plan_id = ?1 AND code = ?2",
                (plan_id, &i.criterion),
                |r| r.get(0),
            )
            .optional()?;
        let Some(criterion_id) = criterion_id else {
            return Err(Error::NotFound {
                what: "tiêu chí",
                code: i.criterion.clone(),
            });
        };
        tx.execute(
            "INSERT INTO indicator (plan_id, criterion_id, position, name, unit, kind, target,
                 direction, source, rule, share)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            (
                plan_id,
                criterion_id,
                *position,
                &i.name,
                &i.unit,
                i.kind.code(),
                i.target,
                i.direction.code(),
                &i.source,
                i.rule.code(),
                i.share,
            ),
        )?;
        let id = tx.last_insert_rowid();
        for r in &i.reporters {
            tx.execute(
                "INSERT OR IGNORE INTO indicator_reporter (indicator_id, agency_id)
                 SELECT ?1, id FROM agency WHERE plan_id = ?2 AND code = ?3",
                (id, plan_id, r),
            )?;
        }
    }
    Ok(())
}

/// Reads and checks the numbers of a form against its indicator.
fn figure_from_form(indicator: &IndicatorRow, form: &IndicatorForm) -> Result<Figure> {
    let number = |what: &str, typed: &str| -> Result<Option<f64>> {
        let t = typed.trim().trim_end_matches('%').trim();
        if t.is_empty() {
            return Ok(None);
        }
        match parse_vi(t) {
            Some(n) if n >= 0.0 => Ok(Some(n)),
            Some(_) => Err(Error::Invalid(format!(
                "{what} \"{}\" không được là số âm.",
                typed.trim()
            ))),
            None => Err(Error::Invalid(format!(
                "{what} \"{}\" không phải là một số (viết kiểu Việt Nam: 1.245 hoặc 85,5).",
                typed.trim()
            ))),
        }
    };
    let numerator = number("Tử số", &form.numerator)?;
    let denominator = number("Mẫu số", &form.denominator)?;
    let value = number("Giá trị", &form.value)?;
    let as_of = match form.as_of.trim() {
        "" => None,
        typed => Some(deadline::parse_date(typed)?),
    };
    let source = text::clean(&form.source);
    let what = format!("chỉ số \"{}\" ({})", indicator.name, indicator.label());
    let value = match indicator.kind {
        IndicatorKind::Rate => {
            if value.is_some() {
                return Err(Error::Invalid(format!(
                    "Chỉ số này là một tỷ lệ: nhập tử số và mẫu số (tỉnh cộng tử số, mẫu số của \
                     các cơ quan), không nhập giá trị; {what}."
                )));
            }
            let (Some(n), Some(d)) = (numerator, denominator) else {
                return Err(Error::Invalid(format!(
                    "Chưa nhập đủ tử số và mẫu số (cộng dồn từ đầu năm) của {what}."
                )));
            };
            if d <= 0.0 {
                return Err(Error::Invalid(format!(
                    "Mẫu số phải lớn hơn 0 (đang là {}) ở {what}.",
                    format_vi(d, 4)
                )));
            }
            if n > d {
                return Err(Error::Invalid(format!(
                    "Tử số {} lớn hơn mẫu số {}: tỷ lệ không thể vượt 100% ({what}).",
                    format_vi(n, 4),
                    format_vi(d, 4)
                )));
            }
            n * 100.0 / d
        }
        IndicatorKind::Value => {
            if numerator.is_some() || denominator.is_some() {
                return Err(Error::Invalid(format!(
                    "Chỉ số này là một giá trị: nhập giá trị, không nhập tử số, mẫu số; {what}."
                )));
            }
            let v =
                value.ok_or_else(|| Error::Invalid(format!("Chưa nhập giá trị của {what}.")))?;
            if indicator.unit == "%" && v > 100.0 {
                return Err(Error::Invalid(format!(
                    "Giá trị {}% nằm ngoài khoảng 0–100% ({what}).",
                    format_vi(v, 4)
                )));
            }
            v
        }
    };
    let (numerator, denominator) = match indicator.kind {
        IndicatorKind::Rate => (numerator, denominator),
        IndicatorKind::Value => (None, None),
    };
    Ok(Figure {
        period: String::new(),
        numerator,
        denominator,
        value,
        source,
        as_of,
    })
}

/// An indicator the agency reports, with its latest figure of the year.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct MeasuredLine {
    pub indicator: IndicatorRow,
    pub figure: Option<Figure>,
}

impl Store {
    /// The indicators an agency reports, each with its latest figure in the
    /// plan year of `period` up to it.
    pub fn measured_lines(
        &self,
        plan_id: i64,
        agency: &str,
        period: &str,
    ) -> Result<Vec<MeasuredLine>> {
        let mut out = Vec::new();
        for indicator in self.agency_indicators(plan_id, agency)? {
            let figure = self
                .indicator_figures(indicator.id, agency, plan_id, period)?
                .pop();
            out.push(MeasuredLine { indicator, figure });
        }
        Ok(out)
    }
}
