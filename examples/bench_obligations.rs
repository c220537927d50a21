//! The obligations benchmark (`bench/obligations/run.sh`, docs/performance.md):
//! fills an agency with obligations through the core's own API, and times the
//! desktop dashboard's two reads (the month's dashboard and the open
//! obligations) on a database.
//!
//! Usage:
//!   cargo run --release --example bench_obligations -- fill DB AGENCY TASK YEAR COUNT
//!   cargo run --release --example bench_obligations -- documents DB AGENCY TASK YEAR COUNT
//!   cargo run --release --example bench_obligations -- dashboard DB AGENCY PERIOD RUNS
//!   cargo run --release --example bench_obligations -- export DB AGENCY PERIOD RUNS
//!   cargo run --release --example bench_obligations -- phases DB AGENCY PERIOD RUNS
//!
//! `phases` splits the export: gathering the month (and, within it, reading
//! the month's obligations), then writing the workbook with and without its
//! obligation rows, so where the obligations' time goes can be seen.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use cchc::store::{ObligationInput, SettleInput};
use chrono::{Datelike, Duration, NaiveDate, Utc};

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
    match args.as_slice() {
        [cmd, db, agency, task, year, count] if cmd == "fill" => {
            fill(db, agency, task, year.parse()?, count.parse()?)
        }
        [cmd, db, agency, task, year, count] if cmd == "documents" => {
            documents(db, agency, task, year.parse()?, count.parse()?)
        }
        [cmd, db, agency, period, runs] if cmd == "dashboard" => {
            dashboard(db, agency, period, runs.parse()?)
        }
        [cmd, db, agency, period, runs] if cmd == "export" => {
            export(db, agency, period, runs.parse()?)
        }
        [cmd, db, agency, period, runs] if cmd == "phases" => {
            phases(db, agency, period, runs.parse()?)
        }
        _ => Err("cách dùng: bench_obligations fill|documents DB AGENCY TASK YEAR COUNT | dashboard|export|phases DB AGENCY PERIOD RUNS".into()),
    }
}

/// `count` events spread over the year, nine in ten settled (one in five of
/// those a working day late), the rest left open.
fn fill(
    db: &str,
    agency: &str,
    task: &str,
    year: i32,
    count: usize,
) -> Result<(), Box<dyn std::error::Error>> {
    let mut store = cchc::open::open_store(&PathBuf::from(db), Utc::now())?;
    let plan = store.current_plan()?;
    let first = NaiveDate::from_ymd_opt(year, 1, 2).ok_or("ngày")?;
    let now = Utc::now();
    for i in 0..count {
        let on = first + Duration::days((i * 360 / count.max(1)) as i64);
        let input = ObligationInput {
            agency: agency.into(),
            task: task.into(),
            number: format!("{}/QĐ-BTP", i + 1),
            date: Some(on),
            received: Some(on),
            issuer: "Bộ Tư pháp".into(),
            summary: "Công bố thủ tục hành chính mới ban hành".into(),
        };
        let row = store.add_obligation(plan, &input, on, now)?;
        if i % 10 != 9 {
            let late = i % 5 == 0;
            let settled = if late {
                row.due_date + Duration::days(1)
            } else {
                row.due_date
            };
            store.settle_obligation(
                plan,
                &SettleInput {
                    agency: agency.into(),
                    id: row.id,
                    number: format!("{}/TTr-SNV", i + 1),
                    date: Some(settled),
                },
                now,
            )?;
        }
    }
    Ok(())
}

/// The answering documents `fill` would record as evidence (nine in ten of
/// `count` events, each a week after its event, with the same wording), as
/// plain evidence records without obligations: the baseline that tells the
/// obligations' own cost from that of a longer evidence list.
fn documents(
    db: &str,
    agency: &str,
    task: &str,
    year: i32,
    count: usize,
) -> Result<(), Box<dyn std::error::Error>> {
    let mut store = cchc::open::open_store(&PathBuf::from(db), Utc::now())?;
    let plan = store.current_plan()?;
    let first = NaiveDate::from_ymd_opt(year, 1, 2).ok_or("ngày")?;
    let name = store
        .agencies(plan)?
        .into_iter()
        .find(|a| a.code == agency)
        .map(|a| a.name)
        .ok_or("cơ quan")?;
    let now = Utc::now();
    for i in (0..count).filter(|i| i % 10 != 9) {
        let on = first + Duration::days((i * 360 / count.max(1)) as i64);
        let input = cchc::store::EvidenceInput {
            agency: agency.into(),
            number: format!("{}/TTr-SNV", i + 1),
            date: Some(on + Duration::days(7)),
            issuer: name.clone(),
            summary: format!(
                "Xử lý việc phát sinh theo văn bản số {}/QĐ-BTP ngày {} (nhiệm vụ {task})",
                i + 1,
                on.format("%d/%m/%Y")
            ),
            location: String::new(),
            tasks: vec![task.into()],
            criteria: Vec::new(),
            file: None,
        };
        store.add_evidence(plan, &input, now)?;
    }
    Ok(())
}

/// Median time of the dashboard's reads: `dashboard` and `open_obligations`.
fn dashboard(
    db: &str,
    agency: &str,
    period: &str,
    runs: usize,
) -> Result<(), Box<dyn std::error::Error>> {
    let store = cchc::open::open_store(&PathBuf::from(db), Utc::now())?;
    let plan = store.current_plan()?;
    let today = chrono::Local::now().date_naive();
    let mut times = Vec::with_capacity(runs);
    let mut open = 0;
    for _ in 0..runs {
        let start = Instant::now();
        let board = store.dashboard(plan, agency, period)?;
        open = store.open_obligations(plan, agency, today)?.len();
        times.push(start.elapsed().as_secs_f64() * 1000.0);
        std::hint::black_box(board);
    }
    report(
        &format!("dashboard + open obligations ({open} open)"),
        times,
    );
    Ok(())
}

/// What timing an export needs: the store, its plan, a scratch file to write
/// (in a folder removed with it) and the export's options.
struct Exporting {
    store: cchc::store::Store,
    plan: i64,
    _dir: tempfile::TempDir,
    path: PathBuf,
    opts: cchc::report::ExportOptions,
}

impl Exporting {
    fn open(db: &str) -> Result<Exporting, Box<dyn std::error::Error>> {
        let store = cchc::open::open_store(&PathBuf::from(db), Utc::now())?;
        let plan = store.current_plan()?;
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("month.xlsx");
        let opts = cchc::report::ExportOptions {
            signer: None,
            now: chrono::Local::now().fixed_offset(),
        };
        Ok(Exporting {
            store,
            plan,
            _dir: dir,
            path,
            opts,
        })
    }
}

/// Median time of the month's export in process: gather it, write the workbook.
fn export(
    db: &str,
    agency: &str,
    period: &str,
    runs: usize,
) -> Result<(), Box<dyn std::error::Error>> {
    let e = Exporting::open(db)?;
    let (store, plan, path, opts) = (&e.store, e.plan, &e.path, &e.opts);
    let mut times = Vec::with_capacity(runs);
    let mut rows = 0;
    for _ in 0..runs {
        let start = Instant::now();
        let month = cchc::report::MonthReport::gather(store, plan, agency, period)?;
        cchc::report::write_month_report(&month, opts, path)?;
        times.push(start.elapsed().as_secs_f64() * 1000.0);
        rows = month.obligations.len();
    }
    report(&format!("export ({rows} obligation rows)"), times);
    Ok(())
}

/// Median times of the export's parts: the whole gathering, the month's
/// obligations read alone, and the workbook written with and without them.
fn phases(
    db: &str,
    agency: &str,
    period: &str,
    runs: usize,
) -> Result<(), Box<dyn std::error::Error>> {
    let e = Exporting::open(db)?;
    let (store, plan, path, opts) = (&e.store, e.plan, &e.path, &e.opts);
    // Wall times, and the process's CPU time over all the runs (every
    // thread's; steadier than wall time on a loaded machine), per run.
    let timed = |f: &mut dyn FnMut() -> Result<(), Box<dyn std::error::Error>>| {
        let mut times = Vec::with_capacity(runs);
        let cpu = cpu_ms();
        for _ in 0..runs {
            let start = Instant::now();
            f()?;
            times.push(start.elapsed().as_secs_f64() * 1000.0);
        }
        if let (Some(before), Some(after)) = (cpu, cpu_ms()) {
            print!("[cpu {:.2} ms per run] ", (after - before) / runs as f64);
        }
        Ok::<_, Box<dyn std::error::Error>>(times)
    };
    let month = cchc::report::MonthReport::gather(store, plan, agency, period)?;
    let (first, last) = (
        month.period_end.with_day(1).ok_or("ngày")?,
        month.period_end,
    );
    report(
        "gather",
        timed(&mut || {
            cchc::report::MonthReport::gather(store, plan, agency, period).map(drop)?;
            Ok(())
        })?,
    );
    report(
        "status (gather's first side)",
        timed(&mut || {
            store.status(plan, agency, period).map(drop)?;
            Ok(())
        })?,
    );
    report(
        &format!(
            "evidence ({} rows; gather's second side)",
            month.evidence.len()
        ),
        timed(&mut || {
            store.evidence(plan, agency).map(drop)?;
            Ok(())
        })?,
    );
    report(
        &format!("month_obligations ({} rows)", month.obligations.len()),
        timed(&mut || {
            store
                .month_obligations(plan, agency, first, last)
                .map(drop)?;
            Ok(())
        })?,
    );
    report(
        "write",
        timed(&mut || Ok(cchc::report::write_month_report(&month, opts, path)?))?,
    );
    let mut bare = month.clone();
    bare.obligations.clear();
    report(
        "write without the obligation rows",
        timed(&mut || Ok(cchc::report::write_month_report(&bare, opts, path)?))?,
    );
    Ok(())
}

/// The process's user and system CPU time so far, in ms, from /proc (Linux;
/// `None` elsewhere). Counted in clock ticks of 10 ms: meaningful over many runs.
fn cpu_ms() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The fields after the command name, which is in parentheses.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks * 10.0)
}

fn report(what: &str, mut times: Vec<f64>) {
    times.sort_by(f64::total_cmp);
    println!(
        "{what}: median {:.2} ms, min {:.2}, max {:.2} ({} runs)",
        times[times.len() / 2],
        times[0],
        times[times.len() - 1],
        times.len()
    );
}
