//! `cchc indicators`, `cchc indicator set` and `cchc score`: the plan's
//! measured indicators, an agency's monthly figure, and the points at risk.

use clap::{Args, Subcommand};
use serde_json::json;

use cchc::number::format_vi;
use cchc::store::{IndicatorForm, Store};
use cchc::Result;

use crate::{emit, table};

#[derive(Subcommand)]
pub enum IndicatorCommand {
    /// Ghi số liệu một chỉ số đo được của cơ quan trong một tháng (cộng dồn từ đầu năm).
    Set(SetArgs),
}

#[derive(Args)]
pub struct SetArgs {
    #[arg(long, value_name = "CODE")]
    pub agency: String,
    /// Mã tiêu chí, ví dụ 7.3.6.
    #[arg(long, value_name = "CODE")]
    pub criterion: String,
    /// Số thứ tự của chỉ số khi tiêu chí có nhiều chỉ số (7.3.7 có 2).
    #[arg(long, value_name = "N")]
    pub indicator: Option<String>,
    #[arg(long, value_name = "YYYY-MM")]
    pub period: String,
    /// Tử số cộng dồn từ đầu năm, viết kiểu Việt Nam (1.245).
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    pub numerator: Option<String>,
    /// Mẫu số cộng dồn từ đầu năm (1.250).
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    pub denominator: Option<String>,
    /// Giá trị, với chỉ số không phải tỷ lệ (85,5).
    #[arg(long, value_name = "V", allow_hyphen_values = true)]
    pub value: Option<String>,
    /// Nguồn số liệu.
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub source: Option<String>,
    /// Ngày số liệu (DD/MM/YYYY hoặc YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
}

/// `cchc indicators`: every indicator of the current plan.
pub fn list(store: &Store, plan: i64, json: bool) -> Result<()> {
    let rows = store.indicators(plan)?;
    emit(json, &rows, || {
        let lines = rows
            .iter()
            .map(|i| {
                vec![
                    format!("{} ({})", i.criterion, i.index),
                    format!("{} {}", format_vi(i.target, 2), i.unit),
                    i.reporters.join(", "),
                    table::cut(&i.name, 70),
                ]
            })
            .collect::<Vec<_>>();
        table::render(
            &["Tiêu chí", "Mục tiêu", "Cơ quan báo cáo", "Chỉ số"],
            &lines,
        )
    })
}

/// `cchc indicator set`: one agency's figure for a month.
pub fn set(
    store: &mut Store,
    plan: i64,
    a: SetArgs,
    json: bool,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<()> {
    let index = match a.indicator.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(n) => Some(n.parse::<u32>().map_err(|_| {
            cchc::Error::Invalid(format!(
                "Số thứ tự chỉ số \"{n}\" không hợp lệ: phải là 1, 2…"
            ))
        })?),
    };
    let form = IndicatorForm {
        agency: a.agency,
        criterion: a.criterion,
        index,
        period: a.period,
        numerator: a.numerator.unwrap_or_default(),
        denominator: a.denominator.unwrap_or_default(),
        value: a.value.unwrap_or_default(),
        source: a.source.unwrap_or_default(),
        as_of: a.as_of.unwrap_or_default(),
    };
    let figure = store.set_indicator(plan, &form, now)?;
    emit(json, &json!({"saved": true, "figure": figure}), || {
        format!(
            "Đã lưu số liệu chỉ số của tiêu chí {} tháng {}: {}.\n",
            form.criterion.trim(),
            cchc::collect::month_text(&figure.period),
            format_vi(figure.value, 2)
        )
    })
}

/// `cchc score`: the points at risk of the agency, or of the collected province.
pub fn score(
    store: &Store,
    plan: i64,
    agency: Option<&str>,
    period: &str,
    json: bool,
) -> Result<()> {
    let scores = match agency {
        Some(a) => cchc::score::agency::agency_scores(store, plan, a, period)?,
        None => cchc::score::province::province_scores(store, plan, period)?,
    };
    emit(json, &scores, || {
        let shown = |x: Option<f64>| x.map(|v| format_vi(v, 4)).unwrap_or_default();
        let rows = scores
            .iter()
            .map(|s| {
                vec![
                    s.criterion.clone(),
                    format_vi(s.max, 4),
                    format_vi(s.last_score, 4),
                    shown(s.estimate),
                    format_vi(s.at_risk, 4),
                    s.drivers
                        .first()
                        .map(|d| table::cut(&d.text, 70))
                        .unwrap_or_default(),
                ]
            })
            .collect::<Vec<_>>();
        table::render(
            &[
                "Tiêu chí",
                "Tối đa",
                "Năm trước",
                "Ước tính",
                "Nguy cơ mất",
                "Lý do",
            ],
            &rows,
        )
    })
}
