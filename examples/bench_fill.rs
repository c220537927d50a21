//! Fills a database for the export benchmark (`bench/export/run.sh`): an entry
//! for every task of an agency in a month, and evidence records linked to
//! those tasks in turn, all through the core's own API.
//!
//! Usage: cargo run --release --example bench_fill -- DB AGENCY PERIOD EVIDENCE_COUNT

use std::path::PathBuf;
use std::process::ExitCode;

use cchc::status::State;
use cchc::store::{EvidenceInput, ProgressInput};
use chrono::{Duration, NaiveDate, Utc};

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("Lỗi: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [db, agency, period, evidence] = args.as_slice() else {
        return Err("cách dùng: bench_fill DB AGENCY PERIOD EVIDENCE_COUNT".into());
    };
    let evidence: usize = evidence.parse()?;
    let now = Utc::now();
    let mut store = cchc::open::open_store(&PathBuf::from(db), now)?;
    let plan = store.current_plan()?;
    let tasks = store.tasks(plan, Some(agency))?;
    let first_day = NaiveDate::from_ymd_opt(2024, 1, 1).ok_or("ngày")?;
    for (i, task) in tasks.iter().enumerate() {
        let (state, percent, done_on) = match i % 4 {
            0 => (
                State::Done,
                None,
                Some(first_day + Duration::days((i % 200) as i64)),
            ),
            1 => (State::InProgress, Some((i % 100) as u32), None),
            2 if task.recurring => (State::Ongoing, None, None),
            _ => (State::NotStarted, None, None),
        };
        let input = ProgressInput {
            agency: agency.clone(),
            task: task.code.clone(),
            period: period.clone(),
            state: Some(state),
            done_on,
            percent,
            result: Some(format!(
                "Đã triển khai nhiệm vụ {}: ban hành văn bản chỉ đạo, tổ chức kiểm tra, \
                 tổng hợp kết quả và báo cáo theo yêu cầu.",
                task.code
            )),
            obstacles: Some("Khối lượng công việc lớn, nhân lực còn thiếu.".into()),
            proposals: Some("Đề nghị bổ sung kinh phí thực hiện.".into()),
        };
        store.set_progress(plan, &input, now)?;
    }
    for i in 0..evidence {
        let task = &tasks[i % tasks.len()];
        let input = EvidenceInput {
            agency: agency.clone(),
            number: format!("{}/KH-{}", i + 1, agency),
            date: Some(first_day + Duration::days((i % 240) as i64)),
            issuer: "Sở Nội vụ tỉnh Hưng Yên".into(),
            summary: format!("Kế hoạch triển khai nhiệm vụ {} năm 2024", task.code),
            tasks: vec![task.code.clone()],
            criteria: task.criteria.iter().take(1).cloned().collect(),
            ..Default::default()
        };
        store.add_evidence(plan, &input, now)?;
    }
    println!("{} tasks, {evidence} evidence records", tasks.len());
    Ok(())
}
