//! Writing an agency's monthly workbook: the four visible sheets, the hidden
//! `_meta` sheet that lets the collector read it back, and the atomic save.

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook, Worksheet, XlsxError};

use super::content_hash;
use super::cover::{attachment, cover_sheet};
use super::indicator_sheet::{indicator_sheet, INDICATOR_HEADERS};
use super::layout::{self, meta_key, EVIDENCE_HEADERS, TASK_HEADERS};
use super::month::MonthReport;
use super::obligation_sheet::{obligation_head, obligation_rows, OBLIGATION_HEADERS};
use super::sheets::{criteria_sheet, evidence_head, evidence_rows, tasks_head, tasks_rows};
use crate::error::{Error, Result};
use crate::parallel;
use crate::print_profile::Attachment;
use crate::xlsx::{self, Formats, Written};

/// How a report is written, beyond its data.
#[derive(Debug, Clone)]
pub struct ExportOptions {
    /// The head of the agency, printed under the signature block.
    pub signer: Option<String>,
    /// The export time: the date line of the cover and `_meta.generated_at`.
    pub now: DateTime<FixedOffset>,
}

/// Where to write a report: `out` itself, or the file of the spec's name
/// (`BC-CCHC-<AGENCY>-<YYYY>-<MM>.xlsx`) inside `out` when it is a folder, or
/// in the current folder when there is no `out`.
pub fn target_path(out: Option<&Path>, report: &MonthReport) -> PathBuf {
    let name = layout::file_name(&report.agency.code, &report.period);
    match out {
        Some(dir) if dir.is_dir() => dir.join(name),
        Some(file) => file.to_path_buf(),
        None => PathBuf::from(name),
    }
}

/// Writes the report to `path` (a temporary file beside it, then renamed).
///
/// The same report and options give the same cell values.
///
/// # Errors
/// [`Error::File`] when the folder cannot be written, the disk is full or the
/// target is held open by another program (Excel locks the files it shows);
/// the target is then untouched and no temporary file is left.
pub fn write_month_report(report: &MonthReport, opts: &ExportOptions, path: &Path) -> Result<()> {
    let mut book = build(report, opts).map_err(|e| Error::File {
        path: path.display().to_string(),
        reason: format!("không tạo được nội dung tệp Excel ({e})"),
    })?;
    xlsx::save_atomically(&mut book, path)
}

fn build(report: &MonthReport, opts: &ExportOptions) -> std::result::Result<Workbook, XlsxError> {
    let mut book = crate::print_profile::workbook()?;
    let f = Formats::new();
    let created = ExcelDateTime::from_timestamp(opts.now.timestamp())?;
    book.set_properties(
        &DocProperties::new()
            .set_title(format!(
                "Báo cáo tháng {} – {}",
                report.period, report.agency.name
            ))
            .set_author(report.agency.name.as_str())
            .set_creation_datetime(&created),
    );
    let today = opts.now.date_naive();
    cover_sheet(book.add_worksheet(), report, today, opts.signer.as_deref())?;
    let attached = attachment(report, today);
    let digests = annexes(&mut book, report, &attached, &f)?;
    let hash = content_hash::extend(
        &content_hash::combine(digests.tasks, digests.evidence),
        &[digests.obligations, digests.indicators],
    );
    meta_sheet(book.add_worksheet(), report, opts, &hash)?;
    Ok(book)
}

/// The digests of the annexes' rows, which `_meta.content_sha256` combines.
#[derive(Default)]
struct Digests {
    tasks: [u8; 32],
    evidence: [u8; 32],
    obligations: [u8; 32],
    indicators: [u8; 32],
}

/// Writes the annexes: "Nhiệm vụ", "Tài liệu kiểm chứng", "Chỉ số", "Việc
/// phát sinh" and "Chỉ số đo được". The three tables that can be long stream
/// their rows to a temporary file as they are written (strictly top to
/// bottom), so a report of thousands of rows stays small and their XML is
/// made on the threads rather than when the workbook is saved. Which table is
/// long depends on the agency (its tasks, its evidence, its obligations), so
/// the tables are shared among the cores longest first
/// ([`parallel::largest_first`]).
fn annexes(
    book: &mut Workbook,
    report: &MonthReport,
    attached: &Attachment,
    f: &Formats,
) -> std::result::Result<Digests, XlsxError> {
    tasks_head(
        book.add_worksheet_with_constant_memory()?,
        report,
        attached,
        f,
    )?;
    evidence_head(
        book.add_worksheet_with_constant_memory()?,
        report,
        attached,
        f,
    )?;
    criteria_sheet(book.add_worksheet(), report, attached, f)?;
    obligation_head(book.add_worksheet_with_constant_memory()?, attached, f)?;
    book.add_worksheet();
    // Streamed sheets share the workbook's table of formats. A format seen
    // for the first time by two threads at once could be given two numbers,
    // so every format the rows use is numbered here, before the threads.
    for format in f.all() {
        book.register_format(format);
    }
    let count = book.worksheets().len();
    let Some([tasks_ws, evidence_ws, _, obligations_ws, indicators_ws]) =
        book.worksheets_mut().get_mut(count - 5..)
    else {
        return Err(XlsxError::ParameterError("missing worksheets".into()));
    };
    let mut digests = Digests::default();
    let tables = vec![
        (Table::Tasks, tasks_ws, &mut digests.tasks),
        (Table::Evidence, evidence_ws, &mut digests.evidence),
        (Table::Obligations, obligations_ws, &mut digests.obligations),
        (Table::Indicators, indicators_ws, &mut digests.indicators),
    ];
    let workers = parallel::workers(tables.len());
    parallel::largest_first(
        tables,
        |(table, ..)| table.cells(report),
        workers,
        |(table, ws, digest)| {
            *digest = match table {
                Table::Tasks => tasks_rows(ws, report, f)?,
                Table::Evidence => evidence_rows(ws, report, f)?,
                Table::Obligations => obligation_rows(ws, report, f)?,
                Table::Indicators => indicator_sheet(ws, report, attached, f)?,
            };
            Ok(())
        },
        || XlsxError::ParameterError("a sheet's thread failed".into()),
    )?;
    Ok(digests)
}

/// The annexes written on the threads.
#[derive(Clone, Copy)]
enum Table {
    Tasks,
    Evidence,
    Obligations,
    Indicators,
}

impl Table {
    /// The table's cells, which its writing time follows.
    fn cells(self, report: &MonthReport) -> usize {
        match self {
            Table::Tasks => report.tasks().len() * TASK_HEADERS.len(),
            Table::Evidence => report.evidence.len() * EVIDENCE_HEADERS.len(),
            Table::Obligations => report.obligations.len() * OBLIGATION_HEADERS.len(),
            Table::Indicators => report.measured.len() * INDICATOR_HEADERS.len(),
        }
    }
}

/// The hidden key/value sheet the collector reads first.
fn meta_sheet(
    ws: &mut Worksheet,
    report: &MonthReport,
    opts: &ExportOptions,
    hash: &str,
) -> Written {
    let rows = [
        (meta_key::FORMAT, layout::FORMAT.to_string()),
        (meta_key::FORMAT_VERSION, layout::FORMAT_VERSION.to_string()),
        (meta_key::PLAN_ID, report.plan_id.to_string()),
        (meta_key::AGENCY_CODE, report.agency.code.clone()),
        (meta_key::AGENCY_NAME, report.agency.name.clone()),
        (meta_key::PERIOD, report.period.clone()),
        (
            meta_key::GENERATED_AT,
            opts.now.to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
        ),
        (meta_key::APP_VERSION, env!("CARGO_PKG_VERSION").to_string()),
        (meta_key::CONTENT_SHA256, hash.to_string()),
    ];
    xlsx::meta_sheet(ws, layout::SHEET_META, &rows)
}
