//! Holiday notices the office adds (days off, nghỉ bù, swapped days, Saturdays
//! worked) on top of the built-in table, and the calendar they make. Each
//! notice has an id; the calendar "as of version v" is the built-in table plus
//! the notices with id ≤ v, so an obligation keeps the calendar it was counted
//! with.

use std::collections::HashMap;
use std::sync::LazyLock;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use super::Store;
use crate::deadline::{notice_year, parse_notice, Holidays, NoticeDay, NoticeDayKind};
use crate::error::{Error, Result};
use crate::text;

/// The built-in table, read once.
static BUILT_IN: LazyLock<std::result::Result<Holidays, String>> =
    LazyLock::new(|| Holidays::built_in().map_err(|e| e.to_string()));

/// A stored holiday notice with its days.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct HolidayNotice {
    /// Also the calendar version it brings in.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: i64,
    pub reference: String,
    pub year: i32,
    pub added_at: String,
    pub days: Vec<NoticeDay>,
}

/// The built-in holiday table.
///
/// # Errors
/// [`Error::Invalid`] only if the embedded table is broken (a unit test rules it out).
pub fn built_in_holidays() -> Result<Holidays> {
    BUILT_IN.clone().map_err(Error::Invalid)
}

impl Store {
    /// Adds a notice typed one line per day or run of days (see
    /// [`parse_notice`]) and returns it; the calendar version becomes its id.
    ///
    /// # Errors
    /// [`Error::Invalid`] for a missing reference, [`Error::Deadline`] for a
    /// wrong line or a notice that contradicts the calendar (a worked day that
    /// is already off); nothing is saved then.
    pub fn add_holiday_notice(
        &mut self,
        reference: &str,
        lines: &str,
        now: DateTime<Utc>,
    ) -> Result<HolidayNotice> {
        let reference = text::clean(reference);
        if reference.is_empty() {
            return Err(Error::Invalid(
                "Thiếu tên hoặc số, ký hiệu của thông báo ngày nghỉ (ví dụ: \"Thông báo số 9441/TB-BNV ngày 16/10/2025\").".into(),
            ));
        }
        text::check_cell_length("Tên thông báo ngày nghỉ", &reference).map_err(Error::Invalid)?;
        let days = parse_notice(lines)?;
        // The notice must fit the calendar as it stands.
        let (mut calendar, _) = self.calendar(None)?;
        calendar.add_notice(&days)?;
        let year = notice_year(&days).unwrap_or_default();
        let tx = self.begin()?;
        let added_at = now.to_rfc3339();
        tx.execute(
            "INSERT INTO holiday_notice (reference, year, added_at) VALUES (?1, ?2, ?3)",
            (&reference, year, &added_at),
        )?;
        let id = tx.last_insert_rowid();
        {
            let mut insert = tx.prepare_cached(
                "INSERT INTO holiday_notice_day (notice_id, date, kind, name) VALUES (?1, ?2, ?3, ?4)",
            )?;
            for day in &days {
                insert.execute((id, day.date, kind_word(day.kind), &day.name))?;
            }
        }
        tx.commit()?;
        Ok(HolidayNotice {
            id,
            reference,
            year,
            added_at,
            days,
        })
    }

    /// Every notice the office added, oldest first.
    pub fn holiday_notices(&self) -> Result<Vec<HolidayNotice>> {
        let mut days: HashMap<i64, Vec<NoticeDay>> = HashMap::new();
        for (id, day) in self.notice_days(i64::MAX)? {
            days.entry(id).or_default().push(day);
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, reference, year, added_at FROM holiday_notice ORDER BY id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((r.get::<_, i64>(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, reference, year, added_at) = row?;
            out.push(HolidayNotice {
                id,
                reference,
                year,
                added_at,
                days: days.remove(&id).unwrap_or_default(),
            });
        }
        Ok(out)
    }

    /// The calendar as of `version` (every notice with id ≤ version on top of
    /// the built-in table), or the latest one for None, with the version it is.
    ///
    /// # Errors
    /// [`Error::Database`] when the notices cannot be read; [`Error::Deadline`]
    /// if stored notices contradict each other (they are checked when added).
    pub fn calendar(&self, version: Option<i64>) -> Result<(Holidays, i64)> {
        let mut calendar = built_in_holidays()?;
        let limit = version.unwrap_or(i64::MAX);
        let mut latest = 0;
        let mut days = Vec::new();
        for (id, day) in self.notice_days(limit)? {
            latest = latest.max(id);
            days.push(day);
        }
        calendar.add_notice(&days)?;
        Ok((calendar, version.unwrap_or(latest)))
    }

    /// The days of the notices with id ≤ `limit`, in the order they were added.
    fn notice_days(&self, limit: i64) -> Result<Vec<(i64, NoticeDay)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT notice_id, date, kind, name FROM holiday_notice_day
             WHERE notice_id <= ?1 ORDER BY notice_id, date",
        )?;
        let rows = stmt.query_map([limit], |r| {
            let kind: String = r.get(2)?;
            Ok((
                r.get::<_, i64>(0)?,
                NoticeDay {
                    date: r.get::<_, NaiveDate>(1)?,
                    kind: if kind == "worked" {
                        NoticeDayKind::Worked
                    } else {
                        NoticeDayKind::Off
                    },
                    name: r.get(3)?,
                },
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }
}

fn kind_word(kind: NoticeDayKind) -> &'static str {
    match kind {
        NoticeDayKind::Off => "off",
        NoticeDayKind::Worked => "worked",
    }
}
