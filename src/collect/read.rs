//! Reading one agency's monthly workbook back (workbook-format.md, "Reading it
//! back"): the `_meta` sheet, the "Nhiệm vụ" header and rows, and the data hash
//! recomputed from the cells. Checks that need only the file live here (format,
//! version, period, header, statuses, percents); checks against the plan (the
//! agency, its tasks) are made by the caller with the row numbers kept here.
//! Every refusal is one Vietnamese sentence naming the file, the sheet and the cell.

use std::borrow::Cow;
use std::path::Path;

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::obligations::{obligation_lines, ObligationLine};
use crate::error::{Error, Result};
use crate::report::content_hash::content_sha256;
use crate::report::layout::{
    self, meta_key, task_col, EVIDENCE_HEADERS, SHEET_EVIDENCE, SHEET_META, SHEET_TASKS,
    TASK_FIRST_ROW, TASK_HEADERS, TASK_HEADER_ROW,
};
use crate::report::obligation_sheet::SHEET_OBLIGATIONS;
use crate::sheet_reader::{cell_name, Grid, Val, Workbook};
use crate::status::Status;
use crate::store::{CollectedTask, IncomingReport};
use crate::text::month_text;

/// A step of reading that ends in a refusal, its Vietnamese sentence.
type Refused<T> = std::result::Result<T, String>;

/// An agency workbook that passed the checks that need only the file.
#[derive(Debug, Clone, PartialEq)]
pub struct AgencyWorkbook {
    pub agency_code: String,
    /// Zero-based row of `agency_code` in `_meta` (its value is in column B), for messages.
    pub agency_code_row: u32,
    pub agency_name: String,
    /// `YYYY-MM`.
    pub period: String,
    pub generated_at: DateTime<FixedOffset>,
    pub app_version: String,
    /// The hash `_meta` declares.
    pub content_sha256: String,
    /// The same hash recomputed from the cells as read.
    pub data_sha256: String,
    pub tasks: Vec<CollectedTask>,
    /// The "Việc phát sinh" rows of a version 2 file (none in version 1).
    pub obligations: Vec<ObligationLine>,
    /// The rows of "Chỉ số đo được" (none in a version 1 workbook).
    pub indicators: Vec<super::IndicatorLine>,
}

impl AgencyWorkbook {
    /// Whether the data was changed after export (by hand, in Excel).
    pub fn edited(&self) -> bool {
        self.content_sha256 != self.data_sha256
    }

    /// What the store saves of the workbook read from `file_name`.
    pub fn incoming<'a>(&'a self, file_name: &'a str) -> IncomingReport<'a> {
        IncomingReport {
            agency_code: &self.agency_code,
            period: &self.period,
            generated_at: self.generated_at,
            app_version: &self.app_version,
            content_sha256: &self.content_sha256,
            data_sha256: &self.data_sha256,
            file_name,
            tasks: &self.tasks,
            obligations: &self.obligations,
            indicators: &self.indicators,
        }
    }
}

/// Where a refusal points: the file's name, for messages.
pub struct Place<'a> {
    pub file: &'a str,
}

impl Place<'_> {
    /// "Tệp "x.xlsx", sheet "Nhiệm vụ", ô K7: why".
    pub fn cell(&self, sheet: &str, row: u32, col: u32, why: &str) -> String {
        format!(
            "Tệp \"{}\", sheet \"{sheet}\", ô {}: {why}",
            self.file,
            cell_name(row, col)
        )
    }

    /// "Tệp "x.xlsx": why".
    pub fn file(&self, why: &str) -> String {
        format!("Tệp \"{}\": {why}", self.file)
    }
}

/// Reads and checks the workbook at `path` for reporting month `period`
/// (`YYYY-MM`).
///
/// # Errors
/// [`Error::Invalid`] with the refusal: one Vietnamese sentence naming the
/// file and, where there is one, the sheet and the cell.
pub fn read_agency_workbook(path: &Path, period: &str) -> Result<AgencyWorkbook> {
    read(path, period).map_err(Error::Invalid)
}

fn read(path: &Path, period: &str) -> Refused<AgencyWorkbook> {
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let at = Place { file: &file_name };
    let mut book = Workbook::open(path).map_err(|why| at.file(&why))?;
    let mut sheet = |name: &str| -> Refused<Grid> {
        if !book.sheet_names().iter().any(|n| n == name) {
            return Err(at.file(&format!(
                "không có sheet \"{name}\"; đây không phải báo cáo tháng do ứng dụng xuất ra, hoặc \
                 sheet đã bị đổi tên hay xóa."
            )));
        }
        book.grid(name).map_err(|why| at.file(&why))
    };
    let meta = sheet(SHEET_META)?;
    let meta = Meta::read(&meta, &at, period)?;
    let tasks_grid = sheet(SHEET_TASKS)?;
    let evidence_grid = sheet(SHEET_EVIDENCE)?;
    check_task_header(&tasks_grid, &at)?;
    let width = TASK_HEADERS.len() as u32;
    let rows: Vec<u32> = tasks_grid
        .row_indexes()
        .filter(|r| *r >= TASK_FIRST_ROW)
        .collect();
    let mut tasks = Vec::with_capacity(rows.len());
    let mut hashed = Vec::with_capacity(rows.len());
    for r in rows {
        hashed.push(tasks_grid.canonical_row(r, width));
        tasks.push(task_line(&tasks_grid, r, &at)?);
    }
    let evidence = evidence_rows(&evidence_grid);
    let mut data_sha256 = content_sha256(&hashed, &evidence);
    let (obligations, indicators) = if meta.version >= 2 {
        let (obligations, obligation_digest) = obligation_lines(&sheet(SHEET_OBLIGATIONS)?, &at)?;
        let grid = sheet(crate::report::indicator_sheet::SHEET_INDICATORS)?;
        let (indicators, indicator_digest) =
            super::read_indicators::read_indicator_sheet(&grid, &at)?;
        data_sha256 = crate::report::content_hash::extend(
            &data_sha256,
            &[obligation_digest, indicator_digest],
        );
        (obligations, indicators)
    } else {
        (Vec::new(), Vec::new())
    };
    Ok(AgencyWorkbook {
        agency_code: meta.agency_code,
        agency_code_row: meta.agency_code_row,
        agency_name: meta.agency_name,
        period: meta.period,
        generated_at: meta.generated_at,
        app_version: meta.app_version,
        content_sha256: meta.content_sha256,
        data_sha256,
        tasks,
        obligations,
        indicators,
    })
}

/// The `_meta` sheet's values that the collector needs.
struct Meta {
    version: u32,
    agency_code: String,
    agency_code_row: u32,
    agency_name: String,
    period: String,
    generated_at: DateTime<FixedOffset>,
    app_version: String,
    content_sha256: String,
}

impl Meta {
    fn read(grid: &Grid, at: &Place, expected_period: &str) -> Refused<Meta> {
        let find = |key: &str| -> Option<(u32, String)> {
            grid.row_indexes()
                .find(|r| grid.get(*r, 0).text() == key)
                .map(|r| (r, grid.get(r, 1).text()))
        };
        let missing = |key: &str| {
            at.file(&format!(
                "sheet \"{SHEET_META}\" thiếu khóa \"{key}\"; tệp không phải báo cáo tháng do ứng \
                 dụng xuất ra, hoặc đã bị sửa."
            ))
        };
        let need = |key: &str| find(key).ok_or_else(|| missing(key));
        let bad = |row: u32, why: String| at.cell(SHEET_META, row, 1, &why);

        let (row, format) = need(meta_key::FORMAT)?;
        if format != layout::FORMAT {
            return Err(bad(
                row,
                format!(
                    "định dạng \"{format}\" không phải báo cáo tháng mà ứng dụng đọc được (cần \
                     \"{}\").",
                    layout::FORMAT
                ),
            ));
        }
        let (row, version_text) = need(meta_key::FORMAT_VERSION)?;
        let Some(version) = layout::READ_VERSIONS
            .into_iter()
            .find(|v| v.to_string() == version_text)
        else {
            let known: Vec<String> = layout::READ_VERSIONS.iter().map(u32::to_string).collect();
            return Err(bad(
                row,
                format!(
                    "phiên bản định dạng \"{version_text}\" không được hỗ trợ (phiên bản này của \
                     ứng dụng đọc các phiên bản {}). Hãy dùng cùng phiên bản ứng dụng với cơ quan gửi.",
                    known.join(", ")
                ),
            ));
        };
        let (row, period) = need(meta_key::PERIOD)?;
        let normalized = crate::deadline::parse_period(&period)
            .ok()
            .filter(|(_, m)| (1..=12).contains(m))
            .map(|(y, m)| format!("{y:04}-{m:02}"))
            .ok_or_else(|| {
                bad(
                    row,
                    format!("kỳ báo cáo \"{period}\" không phải một tháng."),
                )
            })?;
        if normalized != expected_period {
            return Err(bad(
                row,
                format!(
                    "báo cáo của kỳ {}, không phải kỳ đang tổng hợp {}.",
                    month_text(&normalized),
                    month_text(expected_period)
                ),
            ));
        }
        let (row, generated) = need(meta_key::GENERATED_AT)?;
        let generated_at = DateTime::parse_from_rfc3339(&generated).map_err(|_| {
            bad(
                row,
                format!("thời điểm xuất \"{generated}\" không đúng dạng RFC 3339."),
            )
        })?;
        let (agency_code_row, agency_code) = need(meta_key::AGENCY_CODE)?;
        if agency_code.is_empty() {
            return Err(bad(agency_code_row, "mã cơ quan để trống.".into()));
        }
        let (row, content_sha256) = need(meta_key::CONTENT_SHA256)?;
        if content_sha256.len() != 64 || !content_sha256.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(bad(row, "mã băm nội dung không hợp lệ.".into()));
        }
        Ok(Meta {
            version,
            agency_code,
            agency_code_row,
            agency_name: find(meta_key::AGENCY_NAME).map(|f| f.1).unwrap_or_default(),
            period: normalized,
            generated_at,
            app_version: find(meta_key::APP_VERSION).map(|f| f.1).unwrap_or_default(),
            content_sha256: content_sha256.to_ascii_lowercase(),
        })
    }
}

fn check_task_header(grid: &Grid, at: &Place) -> Refused<()> {
    let row = TASK_HEADER_ROW;
    for (col, want) in TASK_HEADERS.iter().enumerate() {
        let col = col as u32;
        let got = grid.get(row, col).text();
        if got != *want {
            let why = if got.is_empty() {
                format!("tiêu đề cột bị xóa, phải là \"{want}\". Không sửa dòng tiêu đề của bảng.")
            } else {
                format!(
                    "tiêu đề cột là \"{got}\", phải là \"{want}\". Không sửa, thêm hay xóa cột của \
                     bảng."
                )
            };
            return Err(at.cell(SHEET_TASKS, row, col, &why));
        }
    }
    if let Some((col, v)) = grid.row(row).find(|(c, _)| *c >= TASK_HEADERS.len() as u32) {
        return Err(at.cell(
            SHEET_TASKS,
            row,
            col,
            &format!(
                "có thêm cột \"{}\" ngoài mẫu. Không thêm cột vào bảng nhiệm vụ.",
                v.text()
            ),
        ));
    }
    Ok(())
}

fn task_line(grid: &Grid, row: u32, at: &Place) -> Refused<CollectedTask> {
    let text = |col: u16| grid.get(row, u32::from(col)).text();
    let code = text(task_col::CODE);
    if code.is_empty() {
        return Err(at.cell(
            SHEET_TASKS,
            row,
            u32::from(task_col::CODE),
            "dòng có dữ liệu nhưng thiếu mã nhiệm vụ. Không thêm dòng vào bảng nhiệm vụ.",
        ));
    }
    let status_text = text(task_col::STATUS);
    let status = Status::from_label(&status_text).ok_or_else(|| {
        let list: Vec<&str> = Status::ALL.iter().map(|s| s.label()).collect();
        at.cell(
            SHEET_TASKS,
            row,
            u32::from(task_col::STATUS),
            &format!(
                "tình trạng \"{status_text}\" không thuộc danh sách ({}).",
                list.join("; ")
            ),
        )
    })?;
    let percent = percent(grid.get(row, u32::from(task_col::PERCENT)))
        .map_err(|why| at.cell(SHEET_TASKS, row, u32::from(task_col::PERCENT), &why))?;
    let due_date = due_date(grid.get(row, u32::from(task_col::DUE_DATE)))
        .map_err(|why| at.cell(SHEET_TASKS, row, u32::from(task_col::DUE_DATE), &why))?;
    Ok(CollectedTask {
        row,
        stt: text(task_col::STT),
        code,
        content: text(task_col::CONTENT),
        criteria: text(task_col::CRITERIA),
        role: text(task_col::ROLE),
        lead: text(task_col::LEAD),
        partners: text(task_col::PARTNERS),
        deadline: text(task_col::DEADLINE),
        due_date,
        output: text(task_col::OUTPUT),
        status,
        percent,
        result: text(task_col::RESULT),
        evidence: text(task_col::EVIDENCE),
        obstacles: text(task_col::OBSTACLES),
        proposals: text(task_col::PROPOSALS),
    })
}

/// A percent cell: empty, or a number from 0 to 100 (a number typed as text is read too).
fn percent(v: &Val) -> Refused<Option<f64>> {
    let n = match v {
        Val::Empty => return Ok(None),
        Val::Number(n) => *n,
        other => {
            let t = other.text();
            t.trim_end_matches('%')
                .trim()
                .replace(',', ".")
                .parse::<f64>()
                .map_err(|_| format!("tiến độ \"{t}\" không phải là một số từ 0 đến 100."))?
        }
    };
    if !(0.0..=100.0).contains(&n) {
        return Err(format!(
            "tiến độ {} nằm ngoài khoảng 0–100.",
            canonical_vi(n)
        ));
    }
    Ok(Some(n))
}

/// A due-date cell: empty, a date, or a date typed as text ("30/09/2024").
fn due_date(v: &Val) -> Refused<Option<NaiveDate>> {
    match v {
        Val::Empty => Ok(None),
        Val::Date(d) => crate::deadline::check_date_in_range(*d)
            .map(Some)
            .map_err(|e| format!("hạn hoàn thành: {e}")),
        other => {
            let t = other.text();
            crate::deadline::parse_date(&t)
                .map(Some)
                .map_err(|e| match e {
                    crate::deadline::DeadlineError::YearOutOfRange { .. } => {
                        format!("hạn hoàn thành: {e}")
                    }
                    _ => format!("hạn hoàn thành \"{t}\" không phải là một ngày (dd/mm/yyyy)."),
                })
        }
    }
}

/// A number with a decimal comma, as Vietnamese write it.
fn canonical_vi(n: f64) -> String {
    crate::report::content_hash::canonical_number(n).replace('.', ",")
}

/// The canonical text of the evidence rows: the rows under the header whose
/// first cell is not the "(1) (2) …" numbering.
fn evidence_rows(grid: &Grid) -> Vec<Vec<Cow<'_, str>>> {
    let width = EVIDENCE_HEADERS.len() as u32;
    let header = grid
        .row_indexes()
        .find(|r| (0..width).all(|c| grid.get(*r, c).text() == EVIDENCE_HEADERS[c as usize]));
    let Some(header) = header else {
        return Vec::new();
    };
    grid.row_indexes()
        .filter(|r| *r > header)
        .filter(|r| !grid.get(*r, 0).text().starts_with('('))
        .map(|r| grid.canonical_row(r, width))
        .collect()
}
