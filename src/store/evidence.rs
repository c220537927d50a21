//! Evidence documents (tài liệu kiểm chứng): their records, links to tasks and
//! criteria, and the attached files, copied into `evidence/` under the folder of
//! the database and named by SHA-256 (a user's path is read once, never stored).

use std::fs::File;
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use super::plan_read::take_codes;
use super::Store;
use crate::docref;
use crate::durable::NewFile;
use crate::error::{Error, Result};
use crate::sha256::copy_hashing;
use crate::text;

/// A new evidence record as typed by the officer.
#[derive(Debug, Clone, Default)]
pub struct EvidenceInput {
    pub agency: String,
    /// "Số, ký hiệu", checked by [`docref::parse_reference`].
    pub number: String,
    pub date: Option<NaiveDate>,
    pub issuer: String,
    pub summary: String,
    /// Mục/trang, where only part of the document proves the point.
    pub location: String,
    pub tasks: Vec<String>,
    pub criteria: Vec<String>,
    /// A file to attach; it is copied into the store.
    pub file: Option<PathBuf>,
}

/// A stored evidence record.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct EvidenceRow {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: i64,
    pub number: String,
    #[serde(rename = "type")]
    pub doc_type: String,
    pub date: NaiveDate,
    pub issuer: String,
    pub summary: String,
    pub location: String,
    pub tasks: Vec<String>,
    pub criteria: Vec<String>,
    pub file_name: Option<String>,
    pub file_sha256: Option<String>,
    pub created_at: String,
}

/// Largest attachment accepted (scans of long decisions stay well below it).
const MAX_FILE_BYTES: u64 = 200 * 1024 * 1024;

impl Store {
    /// Adds an evidence record with its links and file, all or nothing.
    ///
    /// # Errors
    /// [`Error::DocRef`] for a malformed number/symbol, [`Error::Invalid`] for a
    /// missing field or a task that is not the agency's, [`Error::NotFound`] for
    /// unknown codes, [`Error::File`] when the file cannot be read or copied.
    pub fn add_evidence(
        &mut self,
        plan_id: i64,
        input: &EvidenceInput,
        now: DateTime<Utc>,
    ) -> Result<i64> {
        let checked = self.check_evidence(plan_id, input)?;
        let stored = input
            .file
            .as_deref()
            .map(|p| self.store_file(p))
            .transpose()?;
        let written = self.write_evidence(&checked, stored.as_ref(), now);
        if written.is_err() {
            self.discard_new_file(stored.as_ref());
        }
        written
    }

    /// Writes a checked evidence record and its links in one transaction.
    fn write_evidence(
        &mut self,
        checked: &CheckedEvidence,
        stored: Option<&StoredFile>,
        now: DateTime<Utc>,
    ) -> Result<i64> {
        let tx = self.begin()?;
        let id = insert_evidence(&tx, checked, stored, now)?;
        tx.commit()?;
        Ok(id)
    }

    /// Checks an evidence record as typed, resolving its agency, tasks and criteria.
    pub(super) fn check_evidence(
        &self,
        plan_id: i64,
        input: &EvidenceInput,
    ) -> Result<CheckedEvidence> {
        let agency_id = self.reporting_agency(plan_id, &input.agency)?;
        let reference = docref::parse_reference(&input.number)?;
        let date = input
            .date
            .ok_or_else(|| Error::Invalid("Thiếu ngày ban hành của tài liệu (--date).".into()))?;
        let issuer = text::clean(&input.issuer);
        let summary = text::clean(&input.summary);
        if issuer.is_empty() {
            return Err(Error::Invalid(
                "Thiếu cơ quan ban hành của tài liệu (--issuer).".into(),
            ));
        }
        if summary.is_empty() {
            return Err(Error::Invalid(
                "Thiếu trích yếu của tài liệu (--summary).".into(),
            ));
        }
        let location = text::clean(&input.location);
        for (what, value) in [
            ("Số, ký hiệu", input.number.trim()),
            ("Cơ quan ban hành", issuer.as_str()),
            ("Trích yếu", summary.as_str()),
            ("Mục, trang", location.as_str()),
        ] {
            text::check_cell_length(what, value).map_err(Error::Invalid)?;
        }
        crate::deadline::check_date_in_range(date)?;
        let mut task_ids = Vec::new();
        // A document serves the tasks the agency answered for in its month.
        let (month, end) = super::period(&date.format("%Y-%m").to_string())?;
        for code in &input.tasks {
            let id = self.task_id(plan_id, code)?;
            if !self.is_agency_task(plan_id, id, agency_id, Some((month.as_str(), end)))? {
                return Err(Error::Invalid(format!(
                    "Nhiệm vụ {} không giao cho cơ quan {}: không gắn tài liệu vào được.",
                    code.trim(),
                    input.agency.trim()
                )));
            }
            task_ids.push(id);
        }
        let criterion_ids = input
            .criteria
            .iter()
            .map(|c| self.criterion_id(plan_id, c))
            .collect::<Result<Vec<_>>>()?;
        Ok(CheckedEvidence {
            agency_id,
            reference,
            date,
            issuer,
            summary,
            location,
            task_ids,
            criterion_ids,
        })
    }

    /// The agency's evidence, newest document first.
    pub fn evidence(&self, plan_id: i64, agency: &str) -> Result<Vec<EvidenceRow>> {
        let agency_id = self.reporting_agency(plan_id, agency)?;
        let mut tasks = self.codes_by_owner(
            "SELECT et.evidence_id, t.id, t.code, t.position FROM evidence_task et
             JOIN evidence e ON e.id = et.evidence_id JOIN task t ON t.id = et.task_id
             WHERE e.agency_id = ?1",
            agency_id,
        )?;
        let mut criteria = self.codes_by_owner(
            "SELECT ec.evidence_id, c.id, c.code, c.position FROM evidence_criterion ec
             JOIN evidence e ON e.id = ec.evidence_id JOIN criterion c ON c.id = ec.criterion_id
             WHERE e.agency_id = ?1",
            agency_id,
        )?;
        // Sorted here, newest first, rather than by SQLite (see `tasks`).
        let mut stmt = self.conn.prepare_cached(
            "SELECT e.id, e.reference, e.doc_type, e.issued_on, e.issuer, e.summary, e.location,
                 e.file_name, e.file_sha256, e.created_at
             FROM evidence e WHERE e.agency_id = ?1",
        )?;
        let mut rows = stmt.query([agency_id])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            out.push(EvidenceRow {
                id,
                number: r.get(1)?,
                doc_type: r.get(2)?,
                date: r.get(3)?,
                issuer: r.get(4)?,
                summary: r.get(5)?,
                location: r.get(6)?,
                file_name: r.get(7)?,
                file_sha256: r.get(8)?,
                created_at: r.get(9)?,
                tasks: take_codes(&mut tasks, id),
                criteria: take_codes(&mut criteria, id),
            });
        }
        out.sort_unstable_by_key(|e| std::cmp::Reverse((e.date, e.id)));
        Ok(out)
    }

    /// Where the stored copy of a file with this hash lives.
    pub fn evidence_path(&self, sha256: &str) -> PathBuf {
        self.dir.join("evidence").join(sha256)
    }

    /// Copies a file into `evidence/<sha256>` through a [`NewFile`] (synced,
    /// renamed into place, the folder synced); an identical file already stored
    /// is kept as it is. Only a regular file is copied (a link is not followed,
    /// a device or pipe is refused), and no more than the size it had when it
    /// was opened: a file still being written is refused.
    pub(super) fn store_file(&self, source: &Path) -> Result<StoredFile> {
        let not_a_file = |why: &str| {
            Error::Invalid(format!(
                "\"{}\" {why}: hãy chọn chính tệp tài liệu (PDF, DOCX, ảnh quét).",
                source.display()
            ))
        };
        let link = std::fs::symlink_metadata(source).map_err(|e| Error::file(source, &e))?;
        if link.file_type().is_symlink() {
            return Err(not_a_file(
                "là một liên kết (shortcut/symlink) tới tệp khác, không phải tệp tài liệu",
            ));
        }
        if !link.is_file() {
            return Err(not_a_file("không phải là một tệp"));
        }
        let name = source
            .file_name()
            .map(|n| text::clean(&n.to_string_lossy()))
            .filter(|n| !n.is_empty())
            .ok_or_else(|| Error::Invalid(format!("\"{}\" không có tên tệp.", source.display())))?;
        text::check_cell_length("Tên tệp", &name).map_err(Error::Invalid)?;
        let input = File::open(source).map_err(|e| Error::file(source, &e))?;
        // What was opened, not what the path named a moment before.
        let meta = input.metadata().map_err(|e| Error::file(source, &e))?;
        if !meta.is_file() || !same_file(&link, &meta) {
            return Err(not_a_file("đã bị thay bằng một thứ khác trong lúc chép"));
        }
        let size = meta.len();
        if size > MAX_FILE_BYTES {
            return Err(Error::Invalid(format!(
                "Tệp \"{}\" lớn hơn {} MB: hãy nén hoặc quét lại với độ phân giải thấp hơn.",
                source.display(),
                MAX_FILE_BYTES / 1024 / 1024
            )));
        }
        let dir = self.dir.join("evidence");
        std::fs::create_dir_all(&dir).map_err(|e| Error::file(&dir, &e))?;
        // Named by its hash once copied.
        let mut temp = NewFile::in_folder(&dir, ".part")?;
        let temp_path = temp.path().to_path_buf();
        // One byte more than the size read tells a file that is still growing.
        let mut capped = std::io::Read::take(input, size.saturating_add(1));
        let (sha256, copied) = copy_hashing(&mut capped, temp.file(), source, &temp_path)?;
        if copied != size {
            return Err(Error::Invalid(format!(
                "Tệp \"{}\" đang thay đổi trong lúc chép (có thể chương trình khác đang ghi vào \
                 nó): hãy đợi ghi xong, đóng chương trình đó rồi đính kèm lại.",
                source.display()
            )));
        }
        let target = dir.join(&sha256);
        let created = !target.exists();
        if created {
            temp.commit(&target)?;
        }
        Ok(StoredFile {
            name,
            sha256,
            size,
            created,
        })
    }

    /// Removes a file copied in by a save that then failed, unless it was
    /// already stored before (another record may use it).
    pub(super) fn discard_new_file(&self, stored: Option<&StoredFile>) {
        if let Some(s) = stored.filter(|s| s.created) {
            // Best effort: a file left behind is only an unused copy.
            let _ = std::fs::remove_file(self.evidence_path(&s.sha256));
        }
    }
}

/// Whether the file opened is the one whose metadata was read by path.
#[cfg(unix)]
fn same_file(by_path: &std::fs::Metadata, opened: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    by_path.dev() == opened.dev() && by_path.ino() == opened.ino()
}

#[cfg(not(unix))]
fn same_file(_by_path: &std::fs::Metadata, _opened: &std::fs::Metadata) -> bool {
    true
}

/// An evidence record that passed the checks, ready to write.
pub(super) struct CheckedEvidence {
    pub agency_id: i64,
    pub reference: docref::DocRef,
    pub date: NaiveDate,
    pub issuer: String,
    pub summary: String,
    pub location: String,
    pub task_ids: Vec<i64>,
    pub criterion_ids: Vec<i64>,
}

/// Inserts a checked evidence record with its links inside the caller's
/// transaction and returns its id.
pub(super) fn insert_evidence(
    conn: &rusqlite::Connection,
    checked: &CheckedEvidence,
    stored: Option<&StoredFile>,
    now: DateTime<Utc>,
) -> Result<i64> {
    conn.execute(
        "INSERT INTO evidence (agency_id, reference, doc_type, issued_on, issuer, summary,
             location, file_name, file_sha256, file_size, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)",
        (
            checked.agency_id,
            &checked.reference.reference,
            &checked.reference.doc_type,
            checked.date,
            &checked.issuer,
            &checked.summary,
            &checked.location,
            stored.map(|s| &s.name),
            stored.map(|s| &s.sha256),
            stored.map(|s| s.size as i64),
            now.to_rfc3339(),
        ),
    )?;
    let id = conn.last_insert_rowid();
    write_links(conn, id, checked)?;
    Ok(id)
}

/// Writes the task and criterion links of evidence `id` inside the caller's transaction.
pub(super) fn write_links(
    conn: &rusqlite::Connection,
    id: i64,
    checked: &CheckedEvidence,
) -> Result<()> {
    for task_id in &checked.task_ids {
        conn.execute(
            "INSERT OR IGNORE INTO evidence_task VALUES (?1, ?2)",
            (id, task_id),
        )?;
    }
    for criterion_id in &checked.criterion_ids {
        conn.execute(
            "INSERT OR IGNORE INTO evidence_criterion VALUES (?1, ?2)",
            (id, criterion_id),
        )?;
    }
    Ok(())
}

pub(super) struct StoredFile {
    pub name: String,
    pub sha256: String,
    pub size: u64,
    /// This save put the file into `evidence/` (it was not stored before).
    pub created: bool,
}
