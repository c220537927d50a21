//! Collector mode: reading the agencies' monthly workbooks back into the
//! collecting office's database and consolidating the province for a month
//! (workbook-format.md, "Reading it back" and "The consolidated workbook").
//!
//! Flow: [`input_files`] expands the files and folders given; [`collect_files`]
//! checks each file (first the zip package against
//! [`crate::sheet_reader::gate`], then the sheets, then the agency and its
//! tasks against the plan) and saves the accepted ones, each all or nothing,
//! a batch of files ([`FILES_PER_SAVE`]) per transaction; [`consolidate`]
//! gathers the month from the store; [`write_consolidated`] writes
//! `TH-CCHC-<YYYY>-<MM>.xlsx`. A run that does the first two hands the rows
//! it saved ([`crate::store::JustSaved`]) to the consolidation rather than
//! have them read back. A refused file imports nothing. The desktop app calls
//! the same functions, with a progress callback, as the command line does.

mod agency_sheet;
mod cover_sheet;
mod obligations;
mod plan_check;
mod read;
mod read_ahead;
mod read_indicators;
mod summary;
mod write;
mod write_indicators;

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, Utc};
use serde::Serialize;

pub use obligations::ObligationLine;
pub use read::{read_agency_workbook, AgencyWorkbook, Place};
pub use read_indicators::IndicatorLine;
pub use summary::{
    consolidate, AgencyLine, AgencyObligation, Consolidation, CriterionLine, Source,
};
pub use write::{consolidated_file_name, write_consolidated, CONSOLIDATED_FORMAT};

use crate::error::{Error, Result};
use crate::status::Status;
use crate::store::{JustSaved, Saved, Store};
use plan_check::{check_against_plan, PlanCheck};

/// What happened to one input file.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Outcome {
    pub path: PathBuf,
    pub file_name: String,
    /// The agency the file is for, when its `_meta` could be read.
    pub agency: Option<String>,
    pub kind: OutcomeKind,
    /// The number of task rows of an accepted file.
    pub tasks: usize,
    /// Each status with its number of rows, for an accepted file.
    pub counts: Vec<(Status, usize)>,
    /// The data was changed after export (accepted files only).
    pub edited: bool,
    /// One Vietnamese line saying what happened, naming the file (and, for a
    /// refusal, the sheet and the cell).
    pub message: String,
}

/// The kinds of [`Outcome`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum OutcomeKind {
    /// The first report of the agency for the month.
    Accepted,
    /// A newer export replaced the stored report.
    Replaced,
    /// The same report was already stored.
    Unchanged,
    /// An older export than the stored report; the stored one is kept.
    Older,
    /// Refused; nothing was imported from the file.
    Rejected,
}

impl Outcome {
    pub fn is_rejected(&self) -> bool {
        self.kind == OutcomeKind::Rejected
    }
}

/// The files to read: each path as given, and every entry of each folder whose
/// name ends in `.xlsx` (in name order), leaving out only Excel's lock files
/// (`~$…`) and consolidated workbooks (`TH-CCHC-…`). Entries that are not
/// regular files (a folder, a pipe, a link named `*.xlsx`) and paths that do
/// not exist are kept, so that each gets its own outcome line.
///
/// # Errors
/// [`Error::File`] when a folder cannot be listed.
pub fn input_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for path in paths {
        if !path.is_dir() {
            out.push(path.clone());
            continue;
        }
        let mut found = Vec::new();
        for entry in std::fs::read_dir(path).map_err(|e| Error::file(path, &e))? {
            let entry = entry.map_err(|e| Error::file(path, &e))?;
            let name = entry.file_name().to_string_lossy().to_string();
            let xlsx = name.to_lowercase().ends_with(".xlsx");
            if xlsx && !name.starts_with("~$") && !name.starts_with("TH-CCHC-") {
                found.push(entry.path());
            }
        }
        found.sort();
        out.extend(found);
    }
    Ok(out)
}

/// How [`collect_files`] reaches the store: only while it checks and saves
/// a batch of files ([`FILES_PER_SAVE`]), so that a shell holding the store
/// behind a lock lets its other commands run between two batches. A
/// [`Store`] is its own access.
pub trait StoreAccess {
    /// Runs `f` on the store (locked meanwhile, for a shared one).
    ///
    /// # Errors
    /// `f`'s error, or why the store cannot be reached.
    fn with_store<T>(&mut self, f: impl FnOnce(&mut Store) -> Result<T>) -> Result<T>;
}

impl StoreAccess for Store {
    fn with_store<T>(&mut self, f: impl FnOnce(&mut Store) -> Result<T>) -> Result<T> {
        f(self)
    }
}

/// Why a path cannot be read as a workbook, when it is not a regular file
/// (links are not followed: a link could point anywhere on the computer).
fn not_a_regular_file(path: &Path) -> Option<&'static str> {
    let meta = match std::fs::symlink_metadata(path) {
        Ok(meta) => meta,
        Err(_) => return Some("không có tệp này."),
    };
    let kind = meta.file_type();
    if kind.is_file() {
        None
    } else if kind.is_dir() {
        Some("đây là một thư mục, không phải một tệp.")
    } else if kind.is_symlink() {
        Some(
            "đây là một liên kết (shortcut/symlink), không phải tệp thật; hãy chép chính tệp báo \
             cáo vào thư mục.",
        )
    } else {
        Some("đây không phải một tệp thông thường (có thể là thiết bị hoặc đường ống).")
    }
}

/// Reads each file for reporting month `period` (`YYYY-MM` or `MM/YYYY`) and
/// saves the accepted ones into `store` for plan `plan_id`; `on_progress(done,
/// total)` is called before the first file and after each one (once its
/// batch is saved). A file is read and checked as a workbook before the
/// store is reached; the store is then used for the batch's checks against
/// the plan and their saves only. The rows of each report saved are kept in
/// `kept`, when given, for [`consolidate`] to take instead of reading them
/// back.
///
/// # Errors
/// [`Error::Invalid`] for a malformed period; [`Error::Database`] when the
/// store cannot be read or written (the batches saved before it stay saved;
/// nothing of the batch it happened in is). A bad file is never an error: it
/// is an [`OutcomeKind::Rejected`] outcome.
pub fn collect_files(
    store: &mut impl StoreAccess,
    plan_id: i64,
    period: &str,
    paths: &[PathBuf],
    now: DateTime<Utc>,
    mut on_progress: impl FnMut(usize, usize),
    mut kept: Option<&mut JustSaved>,
) -> Result<Vec<Outcome>> {
    let period = normalize_period(period)?;
    let mut plan = store.with_store(|s| PlanCheck::load(s, plan_id))?;
    let mut outcomes = Vec::with_capacity(paths.len());
    on_progress(0, paths.len());
    // Each file is read and checked as a workbook on a worker thread, without
    // the store; then, in the order given, checked against the plan and saved,
    // a few files in each transaction.
    let mut batch = Vec::with_capacity(FILES_PER_SAVE);
    let run = read_ahead::in_order(
        paths.len(),
        FILES_PER_SAVE,
        |i| read_one(&paths[i], &period),
        |i, read| {
            batch.push((i, read));
            if batch.len() < FILES_PER_SAVE && i + 1 < paths.len() {
                return Ok(());
            }
            let files = std::mem::take(&mut batch);
            let batch = save_batch(
                store,
                plan_id,
                &mut plan,
                paths,
                files,
                now,
                kept.as_deref_mut(),
            )?;
            for (i, outcome) in batch {
                tracing::debug!(file = i + 1, agency = ?outcome.agency, outcome = ?outcome.kind, "collect");
                outcomes.push(outcome);
                on_progress(i + 1, paths.len());
            }
            Ok::<(), Error>(())
        },
    );
    // Each file was committed without waiting for the disk: one sync makes
    // them all durable before an outcome says a file was received.
    let saved = outcomes
        .iter()
        .any(|o| matches!(o.kind, OutcomeKind::Accepted | OutcomeKind::Replaced));
    let synced = match saved {
        true => store.with_store(|s| s.sync_log()),
        false => Ok(()),
    };
    run?;
    synced?;
    Ok(outcomes)
}

/// `YYYY-MM` of a period typed as `YYYY-MM` or `MM/YYYY`.
///
/// # Errors
/// [`Error::Invalid`] when it is not a month.
pub fn normalize_period(period: &str) -> Result<String> {
    let (y, m) = crate::deadline::parse_period(period)?;
    if !(1..=12).contains(&m) {
        return Err(Error::Invalid(format!(
            "Kỳ báo cáo \"{period}\" không phải một tháng."
        )));
    }
    Ok(format!("{y:04}-{m:02}"))
}

/// The file's name as messages show it.
fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// Reads and checks the workbook at `path` as a workbook (everything that
/// needs only the file); `Err` is the refusal.
fn read_one(path: &Path, period: &str) -> FileRead {
    if let Some(why) = not_a_regular_file(path) {
        let name = file_name(path);
        return Err(Place { file: &name }.file(why));
    }
    read_agency_workbook(path, period).map_err(|why| why.to_string())
}

/// How many files are saved in one transaction, each still all or nothing
/// in it ([`Store::in_one_transaction`]): their rows share pages (the index
/// of the collected rows by task puts each task's rows together), which one
/// commit writes once for all of them instead of once per file. In the
/// desktop app, other commands wait for at most one batch.
pub const FILES_PER_SAVE: usize = 16;

/// A file read by [`read_one`]: the workbook, or why it is refused.
type FileRead = std::result::Result<AgencyWorkbook, String>;

/// Checks a batch of files read by [`read_one`] against the plan and saves
/// the accepted ones, in one transaction whose commit does not wait for the
/// disk (`collect_files` syncs the log once before the outcomes are told);
/// their rows are kept in `kept`, when given.
fn save_batch(
    store: &mut impl StoreAccess,
    plan_id: i64,
    plan: &mut PlanCheck,
    paths: &[PathBuf],
    files: Vec<(usize, FileRead)>,
    now: DateTime<Utc>,
    mut kept: Option<&mut JustSaved>,
) -> Result<Vec<(usize, Outcome)>> {
    store.with_store(|store| {
        store.unsynced(|store| {
            store.in_one_transaction(|store| {
                let mut outcomes = Vec::with_capacity(files.len());
                for (i, read) in files {
                    let file = (paths[i].as_path(), read);
                    let outcome =
                        collect_one(store, plan_id, plan, file, now, kept.as_deref_mut())?;
                    outcomes.push((i, outcome));
                }
                Ok(outcomes)
            })
        })
    })
}

/// Checks a workbook read by [`read_one`] against the plan and saves it; its
/// rows are kept in `kept` (when given) if it was saved.
fn collect_one(
    store: &mut Store,
    plan_id: i64,
    plan: &mut PlanCheck,
    (path, read): (&Path, FileRead),
    now: DateTime<Utc>,
    kept: Option<&mut JustSaved>,
) -> Result<Outcome> {
    let file_name = file_name(path);
    let mut outcome = Outcome {
        path: path.to_path_buf(),
        file_name: file_name.clone(),
        agency: None,
        kind: OutcomeKind::Rejected,
        tasks: 0,
        counts: Vec::new(),
        edited: false,
        message: String::new(),
    };
    let at = Place { file: &file_name };
    let book = match read {
        Ok(book) => book,
        Err(why) => {
            outcome.message = format!("Từ chối: {why}");
            return Ok(outcome);
        }
    };
    outcome.agency = Some(book.agency_code.clone());
    let duties = plan.current(store)?;
    if let Err(why) = check_against_plan(duties, &book, &at)? {
        outcome.message = format!("Từ chối: {why}");
        return Ok(outcome);
    }
    let name = duties
        .agency_name(&book.agency_code)
        .unwrap_or_default()
        .to_string();
    let saved = store.save_collected(plan_id, &book.incoming(&file_name), now)?;
    plan.saved(store)?;
    let who = format!("{} – {name}", book.agency_code);
    let counts = count_statuses(&book);
    let summary = counts_text(book.tasks.len(), &counts, book.edited());
    let when = shown_time(&book.generated_at);
    (outcome.kind, outcome.message) = match saved {
        Saved::Added => (
            OutcomeKind::Accepted,
            format!("Đã nhận \"{file_name}\": {who}, xuất lúc {when}; {summary}."),
        ),
        Saved::Replaced {
            previous_generated_at,
        } => {
            let same_export = DateTime::parse_from_rfc3339(&previous_generated_at)
                .is_ok_and(|previous| previous == book.generated_at);
            let what = if same_export {
                format!("bản sửa lại của lần xuất lúc {when} thay cho bản đã nhận")
            } else {
                let previous = shown_rfc3339(&previous_generated_at);
                format!("bản xuất lúc {when} thay cho bản xuất lúc {previous}")
            };
            (
                OutcomeKind::Replaced,
                format!("Đã thay \"{file_name}\": {who}, {what}; {summary}."),
            )
        }
        Saved::Unchanged => (
            OutcomeKind::Unchanged,
            format!(
                "Không đổi \"{file_name}\": {who}, báo cáo này (xuất lúc {when}) đã được nhận \
                 trước đó."
            ),
        ),
        Saved::Older {
            stored_generated_at,
        } => (
            OutcomeKind::Older,
            format!(
                "Bỏ qua \"{file_name}\": {who}, bản xuất lúc {when} cũ hơn báo cáo đã nhận (xuất \
                 lúc {}); giữ báo cáo đã nhận.",
                shown_rfc3339(&stored_generated_at)
            ),
        ),
    };
    outcome.tasks = book.tasks.len();
    outcome.counts = counts;
    outcome.edited = book.edited();
    if let (Some(kept), OutcomeKind::Accepted | OutcomeKind::Replaced) = (kept, outcome.kind) {
        kept.keep(book.agency_code, book.data_sha256, book.tasks);
    }
    Ok(outcome)
}

fn count_statuses(book: &AgencyWorkbook) -> Vec<(Status, usize)> {
    Status::ALL
        .iter()
        .map(|s| (*s, book.tasks.iter().filter(|t| t.status == *s).count()))
        .collect()
}

/// "12 nhiệm vụ (Hoàn thành đúng hạn 3, …)", zero counts left out.
fn counts_text(total: usize, counts: &[(Status, usize)], edited: bool) -> String {
    let parts: Vec<String> = counts
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(s, n)| format!("{} {n}", s.label()))
        .collect();
    let mut text = format!("{total} nhiệm vụ");
    if !parts.is_empty() {
        text.push_str(&format!(" ({})", parts.join(", ")));
    }
    if edited {
        text.push_str("; dữ liệu đã được sửa tay sau khi xuất");
    }
    text
}

/// An export time as people read it: "05/09/2024 08:30".
fn shown_time(t: &DateTime<FixedOffset>) -> String {
    t.format("%d/%m/%Y %H:%M").to_string()
}

fn shown_rfc3339(text: &str) -> String {
    DateTime::parse_from_rfc3339(text)
        .map(|t| shown_time(&t))
        .unwrap_or_else(|_| text.to_string())
}
