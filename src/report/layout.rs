//! The fixed vocabulary of the monthly status workbook (workbook-format.md):
//! sheet names, column headers, `_meta` keys and the file name. The exporter
//! writes exactly these and the collector checks exactly these, so both sides
//! take them from here.

/// Sheet names, in the order they appear in the workbook.
pub const SHEET_COVER: &str = "Báo cáo";
pub const SHEET_TASKS: &str = "Nhiệm vụ";
pub const SHEET_EVIDENCE: &str = "Tài liệu kiểm chứng";
pub const SHEET_CRITERIA: &str = "Chỉ số";
pub const SHEET_META: &str = "_meta";

/// The `format` value in `_meta` of an agency's monthly workbook.
pub const FORMAT: &str = "cchc-bao-cao-thang";
/// The `format_version` this app writes.
pub const FORMAT_VERSION: u32 = 2;
/// The `format_version`s this app reads (version 1 has no measured indicators).
pub const READ_VERSIONS: [u32; 2] = [1, 2];

/// The headers of the "Nhiệm vụ" sheet, columns (1)…(16).
pub const TASK_HEADERS: [&str; 16] = [
    "STT",
    "Mã nhiệm vụ",
    "Nội dung nhiệm vụ",
    "Tiêu chí",
    "Vai trò",
    "Cơ quan chủ trì",
    "Cơ quan phối hợp",
    "Thời hạn",
    "Hạn hoàn thành",
    "Sản phẩm",
    "Tình trạng",
    "Tiến độ (%)",
    "Kết quả thực hiện",
    "Tài liệu kiểm chứng",
    "Khó khăn, vướng mắc",
    "Đề xuất, kiến nghị",
];

/// Zero-based column indexes of the "Nhiệm vụ" sheet.
pub mod task_col {
    pub const STT: u16 = 0;
    pub const CODE: u16 = 1;
    pub const CONTENT: u16 = 2;
    pub const CRITERIA: u16 = 3;
    pub const ROLE: u16 = 4;
    pub const LEAD: u16 = 5;
    pub const PARTNERS: u16 = 6;
    pub const DEADLINE: u16 = 7;
    pub const DUE_DATE: u16 = 8;
    pub const OUTPUT: u16 = 9;
    pub const STATUS: u16 = 10;
    pub const PERCENT: u16 = 11;
    pub const RESULT: u16 = 12;
    pub const EVIDENCE: u16 = 13;
    pub const OBSTACLES: u16 = 14;
    pub const PROPOSALS: u16 = 15;
}

/// Zero-based row of the "Nhiệm vụ" header; the numbering row "(1) (2) …" is
/// the next one and the task rows start after it.
pub const TASK_HEADER_ROW: u32 = 3;
/// Zero-based row of the first task.
pub const TASK_FIRST_ROW: u32 = TASK_HEADER_ROW + 2;

/// The headers of the "Tài liệu kiểm chứng" sheet.
pub const EVIDENCE_HEADERS: [&str; 9] = [
    "STT",
    "Số, ký hiệu",
    "Ngày ban hành",
    "Cơ quan ban hành",
    "Trích yếu",
    "Mã nhiệm vụ",
    "Tiêu chí",
    "Tên tệp",
    "SHA-256",
];

/// The headers of the "Chỉ số" sheet.
pub const CRITERIA_HEADERS: [&str; 9] = [
    "Mã tiêu chí",
    "Tiêu chí",
    "Lĩnh vực",
    "Điểm tối đa",
    "Điểm 2023",
    "Điểm bị trừ 2023",
    "Mục tiêu 2024",
    "Số nhiệm vụ",
    "Đã hoàn thành",
];

/// The keys of the hidden `_meta` sheet, in the order they are written.
pub mod meta_key {
    pub const FORMAT: &str = "format";
    pub const FORMAT_VERSION: &str = "format_version";
    pub const PLAN_ID: &str = "plan_id";
    pub const AGENCY_CODE: &str = "agency_code";
    pub const AGENCY_NAME: &str = "agency_name";
    pub const PERIOD: &str = "period";
    pub const GENERATED_AT: &str = "generated_at";
    pub const APP_VERSION: &str = "app_version";
    pub const CONTENT_SHA256: &str = "content_sha256";
}

/// The default file name of an agency's monthly workbook,
/// `BC-CCHC-<AGENCY>-<YYYY>-<MM>.xlsx`, with the agency code reduced to ASCII
/// letters, digits and hyphens (so a code never leaves the target folder).
pub fn file_name(agency_code: &str, period: &str) -> String {
    format!(
        "BC-CCHC-{}-{}.xlsx",
        ascii_code(agency_code),
        ascii_code(period)
    )
}

fn ascii_code(s: &str) -> String {
    crate::text::fold(s)
        .chars()
        .map(|c| match c {
            'a'..='z' => c.to_ascii_uppercase(),
            'A'..='Z' | '0'..='9' | '-' => c,
            _ => '-',
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_name_follows_the_spec() {
        assert_eq!(file_name("SNV", "2024-06"), "BC-CCHC-SNV-2024-06.xlsx");
    }

    #[test]
    fn file_name_cannot_escape_the_folder_or_carry_diacritics() {
        assert_eq!(
            file_name("../Sở/x", "2024-06"),
            "BC-CCHC----SO-X-2024-06.xlsx",
            "path separators and dots become hyphens, letters are folded to ASCII"
        );
    }
}
