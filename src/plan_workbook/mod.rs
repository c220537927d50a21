//! The task-list workbook ("Phụ lục nhiệm vụ"): a list of tasks to add to the
//! current plan, or a whole new plan (sheets "Kế hoạch", "Cơ quan", "Tiêu chí",
//! optionally "Lĩnh vực" and "Chỉ số đo được", and the task sheet "Nhiệm vụ").
//!
//! Reading is all or nothing: every problem is reported as a Vietnamese line
//! naming the sheet and the row, and no partial data is ever returned. The file
//! is read through [`crate::sheet_reader`], the same gate and capped cell
//! reader as the collector's, so a hostile file is refused with a message
//! instead of exhausting memory. Writing produces the
//! "new plan" form, atomically, so that a plan read back equals the plan written.

mod agencies;
mod import;
mod indicators;
pub mod notice_lines;
mod plan_sheets;
mod read;
mod write;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

pub use import::{ImportKind, ImportOutcome, ImportPreview};

use crate::error::{Error, Result};
use crate::plan::{PlanData, TaskDef};
use crate::sheet_reader::{self, Workbook};
use crate::text;

/// What a task-list workbook holds.
#[derive(Debug, Clone, PartialEq)]
pub enum PlanWorkbook {
    /// A whole plan (the workbook has the sheets "Kế hoạch", "Cơ quan" and "Tiêu chí").
    NewPlan(Box<PlanData>),
    /// Tasks for the current plan, their agencies and criteria by code.
    Tasks(Vec<TaskDef>),
}

/// Reads a workbook. `current` is the plan that agency names/codes and criterion
/// codes are resolved against when the workbook only has a task sheet (for a new
/// plan, its own sheets are used).
///
/// # Errors
/// [`Error::File`] when the file cannot be opened, [`Error::Invalid`] when it is
/// not a readable .xlsx file (or is too large, or lacks a needed sheet), and
/// [`Error::Rows`] listing every wrong row; nothing is returned then.
pub fn read_plan_workbook(path: &Path, current: &PlanData) -> Result<PlanWorkbook> {
    read::read(path, current)
}

/// Writes a whole plan in the "new plan" form (sheets Kế hoạch, Cơ quan,
/// Lĩnh vực, Tiêu chí, Nhiệm vụ) atomically: a temporary file in the target
/// folder, renamed over `path` once complete.
///
/// # Errors
/// [`Error::File`] when the file cannot be written (folder missing, file open in
/// Excel, disk full); the previous file, if any, is left untouched.
pub fn write_plan_workbook(plan: &PlanData, path: &Path) -> Result<()> {
    write::write(plan, path, false)
}

/// Writes the whole-plan workbook as [`write_plan_workbook`] does, plus the
/// hidden sheet "_meta" naming the plan (`plan.meta.key`) and its version
/// (`plan.meta.version`), so that an agency's import can tell a newer version
/// of its plan from another plan.
///
/// # Errors
/// As [`write_plan_workbook`].
pub fn publish_plan_workbook(plan: &PlanData, path: &Path) -> Result<()> {
    write::write(plan, path, true)
}

const SHEET_PLAN: &str = "Kế hoạch";
const SHEET_AGENCIES: &str = "Cơ quan";
const SHEET_FIELDS: &str = "Lĩnh vực";
const SHEET_CRITERIA: &str = "Tiêu chí";
const SHEET_TASKS: &str = "Nhiệm vụ";
const SHEET_TASKS_ALT: &str = "Phụ lục nhiệm vụ";
/// The hidden sheet of a published plan: key/value rows.
const SHEET_META: &str = "_meta";
const META_FORMAT: &str = "format";
const META_FORMAT_NAME: &str = "cchc-ke-hoach";
const META_FORMAT_VERSION: &str = "format_version";
const META_PLAN_KEY: &str = "plan_key";
const META_VERSION: &str = "version";
const META_APP_VERSION: &str = "app_version";

const KEY_REFERENCE: &str = "Số, ký hiệu";
const KEY_ISSUED: &str = "Ngày ban hành";
const KEY_NAME: &str = "Tên kế hoạch";
const KEY_YEAR: &str = "Năm";
const KEY_PROVINCE: &str = "Tỉnh";

const COL_STT: &str = "STT";
const COL_TASK_CODE: &str = "Mã nhiệm vụ";
const COL_CONTENT: &str = "Nội dung nhiệm vụ";
const COL_CRITERIA: &str = "Tiêu chí";
const COL_LEAD: &str = "Cơ quan chủ trì";
const COL_PARTNERS: &str = "Cơ quan phối hợp";
const COL_DEADLINE: &str = "Thời hạn";
const COL_OUTPUT: &str = "Sản phẩm";

const COL_CODE: &str = "Mã";
const COL_AGENCY_NAME: &str = "Tên cơ quan";
const COL_KIND: &str = "Loại";
const COL_IN_GROUPS: &str = "Thuộc nhóm";
/// Extension: member codes of a group row, in order (written only where the
/// order differs from the rows that name the group in "Thuộc nhóm").
const COL_MEMBERS: &str = "Thành viên";
/// The codes of the agencies a row succeeds, ";"-separated ("HKC (II.1.1)": one task).
const COL_SUCCEEDS: &str = "Thay cho";
/// The date a successor answers from.
const COL_SINCE: &str = "Từ ngày";
/// The "Loại" of a row that defines a group.
const KIND_GROUP: &str = "Nhóm";

const COL_FIELD_NAME: &str = "Tên lĩnh vực";
const COL_CRITERION_CODE: &str = "Mã tiêu chí";
const COL_CRITERION_NAME: &str = "Tên tiêu chí";
const COL_FIELD: &str = "Lĩnh vực";
const COL_MAX: &str = "Điểm tối đa";
const COL_PREV: &str = "Điểm năm trước";
const COL_LOST: &str = "Điểm bị trừ";
const COL_TARGET: &str = "Mục tiêu";
const COL_QUANT: &str = "Chỉ tiêu";

/// Most non-empty rows read from one sheet: room for a task list of 10,000
/// tasks with its titles and group headings, far beyond any real plan.
const MAX_ROWS: usize = 12_000;

/// A cell value as the readers use it.
#[derive(Debug, Clone, PartialEq)]
enum Val {
    Text(String),
    Number(f64),
    Date(NaiveDate),
    /// A formula error such as "#N/A".
    Bad(String),
}

impl Val {
    /// The cell as text: numbers without a trailing ".0", dates as dd/mm/yyyy.
    fn text(&self) -> String {
        match self {
            Val::Text(s) | Val::Bad(s) => s.clone(),
            Val::Number(n) => number_text(*n),
            Val::Date(d) => crate::text::date_text(*d),
        }
    }

    /// The cell as a number: a number cell, or text such as "0,9947" or "1.5".
    fn number(&self) -> Option<f64> {
        match self {
            Val::Number(n) => Some(*n),
            Val::Text(s) => parse_number(s),
            Val::Date(_) | Val::Bad(_) => None,
        }
    }
}

/// One non-empty row of a sheet.
#[derive(Debug)]
struct Row {
    /// The row number Excel shows (1-based).
    num: u32,
    /// Non-empty cells by column, in column order.
    cells: Vec<(u32, Val)>,
}

impl Row {
    fn get(&self, col: Option<u32>) -> Option<&Val> {
        let col = col?;
        self.cells.iter().find(|(c, _)| *c == col).map(|(_, v)| v)
    }

    /// The cell's text, empty when the cell or the column is absent.
    fn text(&self, col: Option<u32>) -> String {
        self.get(col).map(Val::text).unwrap_or_default()
    }
}

/// The non-empty rows of one sheet.
#[derive(Debug)]
struct Sheet {
    name: String,
    rows: Vec<Row>,
}

/// The header row of a table: folded header text by column.
struct Header {
    /// Index in `Sheet::rows` of the header row.
    at: usize,
    cols: Vec<(String, u32)>,
}

impl Header {
    /// Finds the first row having a cell that reads `first` (folded).
    fn find(sheet: &Sheet, first: &str, first_cell_only: bool) -> Option<Header> {
        let want = text::fold(first);
        let at = sheet.rows.iter().position(|r| {
            let mut cells = r.cells.iter().map(|(_, v)| text::fold(&v.text()));
            if first_cell_only {
                cells.next().is_some_and(|c| c == want)
            } else {
                cells.any(|c| c == want)
            }
        })?;
        let cols = sheet.rows[at]
            .cells
            .iter()
            .map(|(c, v)| (text::fold(&v.text()), *c))
            .collect();
        Some(Header { at, cols })
    }

    /// The column whose header reads one of `names`.
    fn col(&self, names: &[&str]) -> Option<u32> {
        names.iter().find_map(|n| {
            let n = text::fold(n);
            self.cols.iter().find(|(h, _)| *h == n).map(|(_, c)| *c)
        })
    }

    /// The columns of `names` (each with its aliases), or a problem line per missing one.
    fn require<const N: usize>(
        &self,
        sheet: &str,
        names: [&[&str]; N],
        problems: &mut Vec<String>,
    ) -> Option<[u32; N]> {
        let mut out = [0; N];
        let mut ok = true;
        for (slot, aliases) in out.iter_mut().zip(names) {
            match self.col(aliases) {
                Some(c) => *slot = c,
                None => {
                    ok = false;
                    let name = aliases.first().copied().unwrap_or_default();
                    problems.push(format!("Sheet \"{sheet}\": thiếu cột \"{name}\"."));
                }
            }
        }
        ok.then_some(out)
    }
}

/// An open workbook with its file name for messages.
struct Book {
    path: PathBuf,
    book: Workbook,
}

impl Book {
    fn open(path: &Path) -> Result<Book> {
        let meta = std::fs::metadata(path).map_err(|e| Error::file(path, &e))?;
        let shown = path.display();
        let not_excel = |why: String| {
            Error::Invalid(format!(
                "Tệp \"{shown}\" không phải là tệp Excel (.xlsx) đọc được: {why}"
            ))
        };
        if !meta.is_file() {
            return Err(not_excel("đây là một thư mục, không phải một tệp.".into()));
        }
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default()
            .to_lowercase();
        if ext != "xlsx" {
            return Err(not_excel(format!(
                "tên tệp không có đuôi .xlsx. Hãy mở tệp bằng Excel rồi lưu lại với kiểu \
                 \"Excel Workbook (*.xlsx)\"{}.",
                if ext.is_empty() {
                    String::new()
                } else {
                    format!(" (tệp đang có đuôi .{ext})")
                }
            )));
        }
        let book = Workbook::open(path)
            .map_err(|why| Error::Invalid(format!("Tệp \"{shown}\": {why}")))?;
        Ok(Book {
            path: path.to_path_buf(),
            book,
        })
    }

    /// The real name of the sheet called `name` (case and diacritics ignored).
    fn find(&self, name: &str) -> Option<String> {
        let want = text::fold(name);
        self.book
            .sheet_names()
            .iter()
            .find(|n| text::fold(n) == want)
            .cloned()
    }

    /// Reads a sheet's non-empty cells through the shared capped reader,
    /// refusing a sheet of more than [`MAX_ROWS`] non-empty rows.
    fn sheet(&mut self, name: &str) -> Result<Sheet> {
        let shown = self.path.display().to_string();
        let grid = self
            .book
            .grid(name)
            .map_err(|why| Error::Invalid(format!("Tệp \"{shown}\": {why}")))?;
        let mut rows = Vec::new();
        for r in grid.row_indexes() {
            let cells: Vec<(u32, Val)> = grid
                .row(r)
                .filter_map(|(c, v)| value(v).map(|v| (c, v)))
                .collect();
            if cells.is_empty() {
                continue;
            }
            if rows.len() >= MAX_ROWS {
                return Err(Error::Invalid(format!(
                    "Tệp \"{shown}\": sheet \"{name}\" có quá nhiều dòng (hơn {MAX_ROWS} dòng có \
                     dữ liệu); không nhập tệp này."
                )));
            }
            rows.push(Row {
                num: r.saturating_add(1),
                cells,
            });
        }
        Ok(Sheet {
            name: name.to_string(),
            rows,
        })
    }
}

/// A cell as the plan readers use it, `None` when it is empty or blank text.
fn value(v: &sheet_reader::Val) -> Option<Val> {
    use sheet_reader::Val as Cell;
    let text = |s: &str| {
        let s = text::clean(s);
        (!s.is_empty()).then_some(Val::Text(s))
    };
    match v {
        Cell::Empty => None,
        Cell::Text(s) => text(s),
        Cell::Number(n) => Some(Val::Number(*n)),
        Cell::Date(d) => Some(Val::Date(*d)),
        // A formula error ("#N/A"), or a boolean read as its word.
        Cell::Other(s) if s.starts_with('#') => Some(Val::Bad(s.clone())),
        Cell::Other(s) => text(s),
    }
}

/// A number as text: "5.6", "3" (never "3.0").
fn number_text(n: f64) -> String {
    format!("{n}")
}

/// A number as Vietnamese text, decimal comma: "0,5", "85".
fn number_vi(n: f64) -> String {
    number_text(n).replace('.', ",")
}

/// Reads "0,9947", "1.5", "85" (one decimal mark, comma or dot).
fn parse_number(s: &str) -> Option<f64> {
    let s = s.trim().replace(',', ".");
    if s.is_empty()
        || !s
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == '-')
    {
        return None;
    }
    s.parse().ok().filter(|n: &f64| n.is_finite())
}

/// A text cut for a message: at most 80 characters.
fn shorten(s: &str) -> String {
    let s = s.trim();
    match s.char_indices().nth(80) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}
