//! Changing and removing evidence records, and handing a stored file to the
//! system viewer under its original name (the store names copies by SHA-256).

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::OptionalExtension;

use super::evidence::{write_links, CheckedEvidence, EvidenceInput, StoredFile};
use super::Store;
use crate::durable;
use crate::error::{Error, Result};

impl Store {
    /// Replaces an evidence record's fields and links. With `input.file` set the
    /// new file is attached; without, the attached file (if any) stays.
    ///
    /// # Errors
    /// As [`Store::add_evidence`], and [`Error::NotFound`] when the agency has no
    /// evidence with this id.
    pub fn update_evidence(
        &mut self,
        plan_id: i64,
        id: i64,
        input: &EvidenceInput,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let checked = self.check_evidence(plan_id, input)?;
        self.own_evidence(checked.agency_id, id)?;
        let stored = input
            .file
            .as_deref()
            .map(|p| self.store_file(p))
            .transpose()?;
        let written = self.write_update(id, &checked, stored.as_ref(), now);
        if written.is_err() {
            self.discard_new_file(stored.as_ref());
        }
        written
    }

    /// Writes a checked record over evidence `id`, links included, in one transaction.
    fn write_update(
        &mut self,
        id: i64,
        checked: &CheckedEvidence,
        stored: Option<&StoredFile>,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let tx = self.begin()?;
        // Without a new file, the file columns keep what they hold.
        tx.execute(
            "UPDATE evidence SET reference = ?2, doc_type = ?3, issued_on = ?4, issuer = ?5,
                 summary = ?6, location = ?7, updated_at = ?8,
                 file_name = COALESCE(?9, file_name), file_sha256 = COALESCE(?10, file_sha256),
                 file_size = COALESCE(?11, file_size)
             WHERE id = ?1",
            (
                id,
                &checked.reference.reference,
                &checked.reference.doc_type,
                checked.date,
                &checked.issuer,
                &checked.summary,
                &checked.location,
                now.to_rfc3339(),
                stored.map(|s| &s.name),
                stored.map(|s| &s.sha256),
                stored.map(|s| s.size as i64),
            ),
        )?;
        tx.execute("DELETE FROM evidence_task WHERE evidence_id = ?1", [id])?;
        tx.execute(
            "DELETE FROM evidence_criterion WHERE evidence_id = ?1",
            [id],
        )?;
        write_links(&tx, id, checked)?;
        tx.commit()?;
        Ok(())
    }

    /// Deletes an agency's evidence record with its links. The stored file is
    /// kept when another record still refers to it, else removed.
    ///
    /// # Errors
    /// [`Error::NotFound`] when the agency has no evidence with this id.
    pub fn delete_evidence(&mut self, plan_id: i64, agency: &str, id: i64) -> Result<()> {
        let agency_id = self.reporting_agency(plan_id, agency)?;
        let sha = self.own_evidence(agency_id, id)?;
        let tx = self.begin()?;
        tx.execute("DELETE FROM evidence WHERE id = ?1", [id])?;
        let still_used: bool = match &sha {
            Some(sha) => tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM evidence WHERE file_sha256 = ?1)",
                [sha],
                |r| r.get(0),
            )?,
            None => true,
        };
        tx.commit()?;
        if let (Some(sha), false) = (sha, still_used) {
            let path = self.evidence_path(&sha);
            // The record is gone; a copy that cannot be removed only wastes space.
            let _ = std::fs::remove_file(path);
        }
        Ok(())
    }

    /// Copies the file attached to an evidence record into `folder` under its
    /// original name, for the system viewer (which needs the extension).
    ///
    /// # Errors
    /// [`Error::NotFound`] for an unknown record, [`Error::Invalid`] when no file
    /// is attached, [`Error::File`] when the copy fails.
    pub fn evidence_file_copy(
        &self,
        plan_id: i64,
        agency: &str,
        id: i64,
        folder: &Path,
    ) -> Result<PathBuf> {
        let agency_id = self.reporting_agency(plan_id, agency)?;
        self.own_evidence(agency_id, id)?;
        let (name, sha): (Option<String>, Option<String>) = self.conn.query_row(
            "SELECT file_name, file_sha256 FROM evidence WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let (Some(name), Some(sha)) = (name, sha) else {
            return Err(Error::Invalid(
                "Tài liệu này chưa đính kèm tệp: bấm Sửa để đính kèm tệp.".into(),
            ));
        };
        // Each record gets its own folder so two files of the same name never collide.
        let dir = folder.join(id.to_string());
        std::fs::create_dir_all(&dir).map_err(|e| Error::file(&dir, &e))?;
        let target = dir.join(safe_file_name(&name));
        let source = self.evidence_path(&sha);
        durable::copy(&source, &target)?;
        Ok(target)
    }

    /// The stored file hash of the agency's evidence `id`; NotFound when it is not theirs.
    fn own_evidence(&self, agency_id: i64, id: i64) -> Result<Option<String>> {
        self.conn
            .query_row(
                "SELECT file_sha256 FROM evidence WHERE id = ?1 AND agency_id = ?2",
                (id, agency_id),
                |r| r.get::<_, Option<String>>(0),
            )
            .optional()?
            .ok_or_else(|| Error::NotFound {
                what: "tài liệu kiểm chứng",
                code: id.to_string(),
            })
    }
}

/// A file name without path separators or characters Windows refuses.
fn safe_file_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .collect();
    match cleaned.trim_matches(['.', ' ']) {
        "" => "tai-lieu".to_string(),
        name => name.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::safe_file_name;

    #[test]
    fn file_names_lose_separators_and_reserved_characters() {
        assert_eq!(
            safe_file_name("../a/b.pdf"),
            "_a_b.pdf",
            "no way out of the folder"
        );
        assert_eq!(safe_file_name("Quyết định: 1.pdf"), "Quyết định_ 1.pdf");
        assert_eq!(
            safe_file_name(".."),
            "tai-lieu",
            "a name made of dots only is replaced"
        );
    }
}
