//! The command line, as clap reads it. Values are taken as text and checked by
//! the core, so a wrong value exits with status 1 and a Vietnamese message, while
//! clap's own errors (unknown subcommand or flag) exit with 2.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "cchc",
    version,
    about = "Theo dõi Kế hoạch cải thiện Chỉ số cải cách hành chính: nhiệm vụ, tiến độ hằng tháng, tài liệu kiểm chứng.",
    disable_help_subcommand = true
)]
pub struct Cli {
    /// Tệp cơ sở dữ liệu (mặc định: thư mục dữ liệu ứng dụng, hoặc biến CCHC_DB).
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// In kết quả dạng JSON.
    #[arg(long, global = true)]
    pub json: bool,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Các lĩnh vực của Chỉ số CCHC.
    Fields,
    /// Các tiêu chí, tiêu chí thành phần bị trừ điểm.
    Criteria,
    /// Các cơ quan và nhóm cơ quan của kế hoạch.
    Agencies,
    /// Các nhiệm vụ (của một cơ quan, nếu có --agency).
    Tasks {
        #[arg(long, value_name = "CODE")]
        agency: Option<String>,
    },
    /// Ghi tiến độ hằng tháng.
    #[command(subcommand)]
    Progress(ProgressCommand),
    /// Tình trạng các nhiệm vụ của một cơ quan trong một kỳ báo cáo.
    Status {
        #[arg(long, value_name = "CODE")]
        agency: String,
        #[arg(long, value_name = "YYYY-MM")]
        period: String,
    },
    /// Tài liệu kiểm chứng.
    #[command(subcommand)]
    Evidence(EvidenceCommand),
    /// Xuất báo cáo tháng (.xlsx) của một cơ quan theo mẫu của tỉnh.
    Export {
        #[arg(long, value_name = "CODE")]
        agency: String,
        #[arg(long, value_name = "YYYY-MM")]
        period: String,
        /// Tệp hoặc thư mục đích (mặc định: BC-CCHC-<CƠ QUAN>-<NĂM>-<THÁNG>.xlsx trong thư mục hiện tại).
        #[arg(long, value_name = "PATH")]
        out: Option<PathBuf>,
        /// Họ tên thủ trưởng cơ quan, in dưới chỗ ký.
        #[arg(long, value_name = "NAME")]
        signer: Option<String>,
    },
    /// Tìm các số, ký hiệu văn bản trong văn bản đọc từ đầu vào chuẩn.
    Refs,
    /// Kế hoạch: nhập, xuất, liệt kê, chọn.
    #[command(subcommand)]
    Plan(PlanCommand),
    // backup, restore and verify: run without opening the store (safety.rs).
    #[command(flatten)]
    Safety(crate::safety::SafetyCommand),
    /// Tổng hợp báo cáo tháng của các cơ quan (đơn vị tổng hợp).
    Collect(crate::collect::CollectArgs),
    /// Các chỉ số đo được của kế hoạch.
    Indicators,
    /// Số liệu chỉ số đo được.
    #[command(subcommand)]
    Indicator(crate::indicators::IndicatorCommand),
    /// Điểm có nguy cơ mất theo tiêu chí (của cơ quan với --agency; của toàn tỉnh từ các báo cáo đã tổng hợp nếu không).
    Score {
        #[arg(long, value_name = "CODE")]
        agency: Option<String>,
        #[arg(long, value_name = "YYYY-MM")]
        period: String,
    },
}

#[derive(Subcommand)]
pub enum ProgressCommand {
    /// Ghi trạng thái, tiến độ và kết quả của một nhiệm vụ trong một tháng.
    Set(ProgressArgs),
}

#[derive(Args)]
pub struct ProgressArgs {
    #[arg(long, value_name = "CODE")]
    pub agency: String,
    #[arg(long, value_name = "CODE")]
    pub task: String,
    #[arg(long, value_name = "YYYY-MM")]
    pub period: String,
    /// not-started | in-progress | done | ongoing
    #[arg(long)]
    pub state: String,
    /// Ngày hoàn thành (DD/MM/YYYY hoặc YYYY-MM-DD), khi state là done.
    #[arg(long, value_name = "DATE")]
    pub done_on: Option<String>,
    /// Tiến độ, 0–100.
    #[arg(long, value_name = "N")]
    pub percent: Option<String>,
    #[arg(long, value_name = "T", allow_hyphen_values = true)]
    pub result: Option<String>,
    #[arg(long, value_name = "T", allow_hyphen_values = true)]
    pub obstacles: Option<String>,
    #[arg(long, value_name = "T", allow_hyphen_values = true)]
    pub proposals: Option<String>,
}

#[derive(Subcommand)]
pub enum EvidenceCommand {
    /// Thêm một tài liệu kiểm chứng.
    Add(EvidenceArgs),
    /// Danh sách tài liệu kiểm chứng của một cơ quan.
    List {
        #[arg(long, value_name = "CODE")]
        agency: String,
    },
}

#[derive(Args)]
pub struct EvidenceArgs {
    #[arg(long, value_name = "CODE")]
    pub agency: String,
    /// Số, ký hiệu, ví dụ 187/KH-UBND.
    #[arg(long, value_name = "REF")]
    pub number: String,
    /// Ngày ban hành (DD/MM/YYYY hoặc YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub date: String,
    #[arg(long, value_name = "T", allow_hyphen_values = true)]
    pub issuer: String,
    #[arg(long, value_name = "T", allow_hyphen_values = true)]
    pub summary: String,
    /// Mục/trang chứng minh, nếu chỉ một phần tài liệu.
    #[arg(long, value_name = "T", default_value = "", allow_hyphen_values = true)]
    pub location: String,
    #[arg(long = "task", value_name = "CODE")]
    pub tasks: Vec<String>,
    #[arg(long = "criterion", value_name = "CODE")]
    pub criteria: Vec<String>,
    #[arg(long, value_name = "PATH")]
    pub file: Option<PathBuf>,
}

#[derive(Subcommand)]
pub enum PlanCommand {
    /// Nhập tệp Excel danh mục nhiệm vụ (thêm nhiệm vụ, hoặc tạo kế hoạch mới).
    Import { file: PathBuf },
    /// Xuất kế hoạch đang dùng ra tệp Excel theo mẫu nhập.
    Export { file: PathBuf },
    /// Danh sách kế hoạch.
    List,
    /// Chọn kế hoạch đang dùng.
    Use { id: String },
}
