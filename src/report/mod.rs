//! The monthly status workbook of one agency ("Báo cáo tháng"): what goes in it
//! and its layout, shared by the exporter and the collector.

pub mod content_hash;
pub mod layout;
