//! The forms the desktop app sends, as typed: dates as dd/mm/yyyy text and the
//! percent as text, so the core checks them and answers in Vietnamese.

use std::path::PathBuf;

use serde::Deserialize;

use crate::deadline;
use crate::error::{Error, Result};
use crate::status::State;
use crate::store::{EvidenceInput, ProgressInput};

/// This month's entry for a task, as the officer typed it.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ProgressForm {
    pub task: String,
    /// `YYYY-MM` or `MM/YYYY`.
    pub period: String,
    pub state: Option<State>,
    /// dd/mm/yyyy, empty when not done.
    pub done_on: String,
    /// A whole number 0–100, "%" allowed; empty when not given.
    pub percent: String,
    pub result: String,
    pub obstacles: String,
    pub proposals: String,
}

/// An evidence record as typed in its form.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct EvidenceForm {
    /// Số, ký hiệu.
    pub number: String,
    /// Ngày ban hành, dd/mm/yyyy.
    pub date: String,
    pub issuer: String,
    pub summary: String,
    pub location: String,
    pub tasks: Vec<String>,
    pub criteria: Vec<String>,
    /// A file to attach (copied into the store); None keeps what is attached.
    pub file: Option<String>,
}

impl ProgressForm {
    /// The store's input for `agency`.
    ///
    /// # Errors
    /// [`Error::Deadline`] for a malformed completion date, [`Error::Invalid`] for
    /// a percent that is not a whole number from 0 to 100.
    pub fn to_input(&self, agency: &str) -> Result<ProgressInput> {
        Ok(ProgressInput {
            agency: agency.to_string(),
            task: self.task.clone(),
            period: self.period.clone(),
            state: self.state,
            done_on: optional_date(&self.done_on)?,
            percent: match self.percent.trim() {
                "" => None,
                typed => Some(parse_percent(typed)?),
            },
            result: Some(self.result.clone()),
            obstacles: Some(self.obstacles.clone()),
            proposals: Some(self.proposals.clone()),
        })
    }
}

impl EvidenceForm {
    /// The store's input for `agency`.
    ///
    /// # Errors
    /// [`Error::Invalid`] when the date is missing, [`Error::Deadline`] when it is malformed.
    pub fn to_input(&self, agency: &str) -> Result<EvidenceInput> {
        let date = optional_date(&self.date)?.ok_or_else(|| {
            Error::Invalid(
                "Chưa nhập ngày ban hành: nhập theo dạng ngày/tháng/năm, ví dụ 28/08/2024.".into(),
            )
        })?;
        Ok(EvidenceInput {
            agency: agency.to_string(),
            number: self.number.clone(),
            date: Some(date),
            issuer: self.issuer.clone(),
            summary: self.summary.clone(),
            location: self.location.clone(),
            tasks: self.tasks.clone(),
            criteria: self.criteria.clone(),
            file: self
                .file
                .as_deref()
                .map(str::trim)
                .filter(|f| !f.is_empty())
                .map(PathBuf::from),
        })
    }
}

/// A percent as typed: a whole number from 0 to 100, a trailing "%" allowed.
///
/// # Errors
/// [`Error::Invalid`] saying what is accepted.
pub fn parse_percent(s: &str) -> Result<u32> {
    match s.trim().trim_end_matches('%').trim().parse::<u32>() {
        Ok(p) if p <= 100 => Ok(p),
        _ => Err(Error::Invalid(format!(
            "Tiến độ \"{}\" không hợp lệ: phải là số nguyên từ 0 đến 100.",
            s.trim()
        ))),
    }
}

fn optional_date(text: &str) -> Result<Option<chrono::NaiveDate>> {
    match text.trim() {
        "" => Ok(None),
        typed => Ok(Some(deadline::parse_date(typed)?)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_percent_and_date_mean_not_given() {
        let input = ProgressForm {
            task: "IV.3.1".into(),
            period: "2024-08".into(),
            ..ProgressForm::default()
        }
        .to_input("SNV")
        .expect("empty fields are allowed");
        assert_eq!((input.percent, input.done_on), (None, None));
    }

    #[test]
    fn a_bad_percent_or_date_is_refused_in_vietnamese() {
        let form = ProgressForm {
            percent: "120".into(),
            ..ProgressForm::default()
        };
        let err = form.to_input("SNV").expect_err("over 100");
        assert!(err.to_string().contains("từ 0 đến 100"), "{err}");
        let form = ProgressForm {
            done_on: "31/02/2024".into(),
            ..ProgressForm::default()
        };
        assert!(form.to_input("SNV").is_err(), "31/02 is no date");
        assert_eq!(
            parse_percent("45 %").ok(),
            Some(45),
            "a trailing % is accepted"
        );
    }

    #[test]
    fn evidence_without_a_date_is_refused() {
        let err = EvidenceForm::default()
            .to_input("SNV")
            .expect_err("the date is required");
        assert!(err.to_string().contains("ngày ban hành"), "{err}");
    }
}
