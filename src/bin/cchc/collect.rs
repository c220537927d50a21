//! `cchc collect`: the collector's command. Reads the agencies' workbooks for a
//! month into the database, prints one line per input, and writes the
//! consolidated workbook; exits 1 when any input was refused.

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use clap::Args;
use serde_json::json;

use cchc::collect::{self, OutcomeKind};
use cchc::store::{JustSaved, Store};
use cchc::{Error, Result};

#[derive(Args)]
pub struct CollectArgs {
    /// Kỳ báo cáo đang tổng hợp.
    #[arg(long, value_name = "YYYY-MM")]
    pub period: String,
    /// Tệp bảng tổng hợp sẽ ghi, hoặc thư mục để ghi TH-CCHC-<YYYY>-<MM>.xlsx vào đó.
    #[arg(long, value_name = "PATH")]
    pub out: PathBuf,
    /// Các tệp báo cáo tháng, hoặc thư mục chứa chúng.
    #[arg(required = true, value_name = "FILE_OR_FOLDER")]
    pub inputs: Vec<PathBuf>,
}

pub fn run(
    store: &mut Store,
    plan: i64,
    a: CollectArgs,
    json: bool,
    now: DateTime<Utc>,
) -> Result<()> {
    let period = collect::normalize_period(&a.period)?;
    let files = collect::input_files(&a.inputs)?;
    // The rows saved are kept for the consolidation, not read back.
    let mut saved = JustSaved::default();
    let outcomes = collect::collect_files(
        store,
        plan,
        &period,
        &files,
        now,
        |_, _| {},
        Some(&mut saved),
    )?;
    tracing::debug!(files = outcomes.len(), "files collected");
    let out = match a.out.is_dir() {
        true => a.out.join(collect::consolidated_file_name(&period)),
        false => a.out,
    };
    // The log the run wrote is copied into the database meanwhile, and
    // emptied: the store is closed when the command ends.
    let month = store.log_checkpoint().before_closing().alongside(|| {
        let month = collect::consolidate(store, plan, &period, &outcomes, now, saved)?;
        tracing::debug!(agencies = month.agencies.len(), "month consolidated");
        collect::write_consolidated(&month, &out)?;
        Ok::<_, Error>(month)
    })?;
    tracing::debug!("consolidated workbook written");
    let sent = month.agencies.iter().filter(|l| l.sent).count();
    super::emit(
        json,
        &json!({"outcomes": outcomes, "out": out, "sent": sent, "agencies": month.agencies.len()}),
        || {
            let mut text: String = outcomes
                .iter()
                .map(|o| format!("{}\n", o.message))
                .collect();
            text.push_str(&format!(
                "Đã ghi bảng tổng hợp \"{}\": {sent}/{} cơ quan đã gửi báo cáo tháng {}.\n",
                out.display(),
                month.agencies.len(),
                cchc::text::month_text(&period)
            ));
            text
        },
    )?;
    let rejected = outcomes
        .iter()
        .filter(|o| o.kind == OutcomeKind::Rejected)
        .count();
    // The process ends with this command: the month's rows (a string each
    // cell, most of them made on the reading threads) are left to the
    // system instead of being freed one by one (about 5 ms a month).
    std::mem::forget(month);
    match rejected {
        0 => Ok(()),
        n => Err(Error::Invalid(format!(
            "{n}/{} tệp bị từ chối (xem lý do ở trên); bảng tổng hợp vẫn được ghi từ các tệp đã nhận.",
            outcomes.len()
        ))),
    }
}
