//! The monthly status workbook of one agency ("Báo cáo tháng"): what goes in it
//! ([`MonthReport`], gathered from the store by [`MonthReport::gather`]),
//! how it is written ([`write_month_report`]), and its fixed layout, shared by
//! the exporter and the collector ([`layout`], [`content_hash`]).

pub mod content_hash;
mod cover;
mod export;
pub mod indicator_sheet;
pub mod layout;
mod month;
pub mod obligation_sheet;
mod preview;
mod sheets;
mod table;

pub use cover::date_line;
pub(crate) use cover::{count_table, gap, status_table, GRID};
pub use export::{target_path, write_month_report, ExportOptions};
pub use month::{CriterionLine, MonthReport};
pub use preview::{ExportPreview, TaskLine};
pub use sheets::month_label;
/// Row heights and numbering rows, shared with the consolidated workbook.
pub(crate) use table::{fit_height, numbering_row, plain_blanks, write_body, Cell, TABLE_FONT};
