//! What the desktop app sends and reads for obligations: the fields read from
//! an event pasted as text ("Quyết định số 1234/QĐ-BTP ngày 05/3/2026 của Bộ
//! Tư pháp về việc …"), and the forms as typed (dates as dd/mm/yyyy text), so
//! the core checks them and answers in Vietnamese.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;
use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

use crate::deadline;
use crate::docref::extract_references;
use crate::error::{Error, Result};
use crate::store::{ObligationInput, SettleInput};

/// The event's fields found in pasted text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct EventFields {
    /// Số, ký hiệu of the first document named ("1234/QĐ-BTP"), empty if none.
    pub number: String,
    /// The date written after it, as dd/mm/yyyy, empty if none.
    pub date: String,
    /// The body after "của" ("Bộ Tư pháp"), empty if none.
    pub issuer: String,
    /// What follows "về" / "V/v" ("về việc công bố thủ tục hành chính …"), empty if none.
    pub summary: String,
}

/// "của <issuer>" up to a comma, a full stop, a line end, "về" or "V/v".
static ISSUER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bcủa\s+(.+?)\s*(?:[,;.\n(]|\bvề\b|\bv/v\b|$)").expect("literal regex")
});
/// "về …" or "V/v …" to the end of the line.
static SUMMARY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:\bvề\b|\bv/v\b)\s*(.+?)\s*(?:\n|$)").expect("literal regex")
});

/// Reads the first document named in `text` with its date, issuer and subject.
pub fn read_event(text: &str) -> EventFields {
    let text: String = text.nfc().collect();
    let Some(first) = extract_references(&text).into_iter().next() else {
        return EventFields::default();
    };
    let rest = text
        .find(&first.reference)
        .map_or(text.as_str(), |at| &text[at + first.reference.len()..]);
    let capture = |re: &Regex| {
        re.captures(rest)
            .and_then(|c| c.get(1))
            .map(|m| m.as_str().trim().to_string())
            .unwrap_or_default()
    };
    EventFields {
        date: first.date.map(crate::text::date_text).unwrap_or_default(),
        issuer: capture(&ISSUER),
        summary: capture(&SUMMARY),
        number: first.reference,
    }
}

/// An event as typed in its form.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ObligationForm {
    pub task: String,
    pub number: String,
    /// dd/mm/yyyy.
    pub date: String,
    /// dd/mm/yyyy, empty unless the rule counts from receipt.
    pub received: String,
    pub issuer: String,
    pub summary: String,
}

/// The answering document as typed.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SettleForm {
    pub number: String,
    /// dd/mm/yyyy.
    pub date: String,
}

impl ObligationForm {
    /// The store's input for `agency`.
    ///
    /// # Errors
    /// [`Error::Invalid`] for a missing date, [`Error::Deadline`] for a malformed one.
    pub fn to_input(&self, agency: &str) -> Result<ObligationInput> {
        Ok(ObligationInput {
            agency: agency.to_string(),
            task: self.task.clone(),
            number: self.number.clone(),
            date: Some(required(&self.date, "ngày của văn bản phát sinh")?),
            received: optional(&self.received)?,
            issuer: self.issuer.clone(),
            summary: self.summary.clone(),
        })
    }
}

impl SettleForm {
    /// The store's input for obligation `id` of `agency`.
    ///
    /// # Errors
    /// [`Error::Invalid`] for a missing date, [`Error::Deadline`] for a malformed one.
    pub fn to_input(&self, agency: &str, id: i64) -> Result<SettleInput> {
        Ok(SettleInput {
            agency: agency.to_string(),
            id,
            number: self.number.clone(),
            date: Some(required(&self.date, "ngày của văn bản xử lý")?),
        })
    }
}

fn optional(text: &str) -> Result<Option<NaiveDate>> {
    match text.trim() {
        "" => Ok(None),
        typed => Ok(Some(deadline::parse_date(typed)?)),
    }
}

fn required(text: &str, what: &str) -> Result<NaiveDate> {
    optional(text)?.ok_or_else(|| {
        Error::Invalid(format!(
            "Chưa nhập {what}: nhập theo dạng ngày/tháng/năm, ví dụ 05/03/2026."
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pasted_decision_gives_its_number_date_issuer_and_subject() {
        let fields = read_event(
            "Quyết định số 1234/QĐ-BTP ngày 05/3/2026 của Bộ Tư pháp về việc công bố thủ tục hành chính mới ban hành",
        );
        assert_eq!(
            fields,
            EventFields {
                number: "1234/QĐ-BTP".into(),
                date: "05/03/2026".into(),
                issuer: "Bộ Tư pháp".into(),
                summary: "việc công bố thủ tục hành chính mới ban hành".into(),
            }
        );
        let short = read_event("Quyết định số 1234/QĐ-BTP ngày 05/3/2026 của Bộ Tư pháp");
        assert_eq!(short.issuer, "Bộ Tư pháp");
        assert_eq!(short.summary, "");
        assert_eq!(read_event("không có số văn bản"), EventFields::default());
    }

    #[test]
    fn a_form_without_a_date_is_refused_naming_the_field() {
        let form = ObligationForm {
            task: "II.1.1".into(),
            number: "1/QĐ-BTP".into(),
            ..Default::default()
        };
        let error = form.to_input("SNV").expect_err("no date");
        assert!(
            error.to_string().contains("ngày của văn bản phát sinh"),
            "{error}"
        );
        let settle = SettleForm {
            number: "2/TTr-SNV".into(),
            date: "31/02/2026".into(),
        };
        assert!(
            settle.to_input("SNV", 1).is_err(),
            "a day February does not have"
        );
    }
}
