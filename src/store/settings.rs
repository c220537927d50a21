//! Settings of this database (the `setting` table): the officer's agency and the
//! signer's name, kept beside the data they describe.

use rusqlite::OptionalExtension;
use serde::Serialize;

use super::Store;
use crate::error::{Error, Result};
use crate::text;

const AGENCY: &str = "agency";
const SIGNER: &str = "signer";

/// Who uses this database: the agency reporting and the person who signs.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Profile {
    /// The agency's code, None until the first run has chosen one.
    pub agency: Option<String>,
    pub signer: String,
}

impl Store {
    /// A setting's value, None when never set.
    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM setting WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    }

    /// Sets a setting, replacing any earlier value.
    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<()> {
        let tx = self.begin()?;
        upsert(&tx, key, value)?;
        tx.commit()?;
        Ok(())
    }

    /// The officer's agency (when it is still an agency of the current plan)
    /// and the signer.
    pub fn profile(&self, plan_id: i64) -> Result<Profile> {
        let agency = match self.setting(AGENCY)? {
            Some(code) if self.reporting_agency(plan_id, &code).is_ok() => Some(code),
            _ => None,
        };
        Ok(Profile {
            agency,
            signer: self.setting(SIGNER)?.unwrap_or_default(),
        })
    }

    /// Records the officer's agency and signer.
    ///
    /// # Errors
    /// [`Error::NotFound`] for an unknown agency, [`Error::Invalid`] for a group
    /// or an empty signer name.
    pub fn set_profile(&mut self, plan_id: i64, agency: &str, signer: &str) -> Result<Profile> {
        let agency = agency.trim();
        self.reporting_agency(plan_id, agency)?;
        let signer = text::clean(signer);
        if signer.is_empty() {
            return Err(Error::Invalid(
                "Chưa nhập họ tên người ký báo cáo: hãy nhập họ tên đầy đủ.".into(),
            ));
        }
        text::check_cell_length("Họ tên người ký", &signer).map_err(Error::Invalid)?;
        let tx = self.begin()?;
        upsert(&tx, AGENCY, agency)?;
        upsert(&tx, SIGNER, &signer)?;
        tx.commit()?;
        self.profile(plan_id)
    }
}

/// Writes one setting inside the caller's transaction.
fn upsert(conn: &rusqlite::Connection, key: &str, value: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO setting (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, value),
    )?;
    Ok(())
}
