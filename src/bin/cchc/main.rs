//! `cchc`: the command-line face of the core library. Each subcommand parses its
//! arguments, makes one call into `cchc`, and prints text or JSON.

// mimalloc makes a large export about 15% faster than the system allocator
// (docs/performance.md): it hands out and frees the many small strings of a
// report more cheaply.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod args;
mod collect;
mod indicators;
mod lists;
mod month;
mod plans;
mod safety;
mod table;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::{DateTime, Utc};
use clap::Parser;
use serde::Serialize;

use args::{Cli, Command, EvidenceCommand, PlanCommand, ProgressCommand};
use cchc::store::Store;
use cchc::{Error, Result};

fn main() -> ExitCode {
    // A command lives for a moment and touches its memory once: 2 MB huge
    // pages cost more to clear than they save (the 10,000-task export spent
    // a fifth to a third of its time clearing them on a machine that had
    // just freed that memory; docs/performance.md). Failing to turn them off changes
    // nothing else.
    #[cfg(target_os = "linux")]
    let _ = rustix::thread::disable_transparent_huge_pages(true);
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if !e.use_stderr() => {
            // --help and --version
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("Lệnh không hợp lệ. Gõ \"cchc --help\" để xem cách dùng.\n{e}");
            return ExitCode::from(2);
        }
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("Lỗi: {e}");
            ExitCode::from(1)
        }
    }
}

fn run(cli: Cli) -> Result<()> {
    let json = cli.json;
    let db = db_path(cli.db)?;
    let now = chrono::Utc::now();
    if let Command::Safety(command) = &cli.command {
        return safety::run(command, &db, json, now);
    }
    let store = cchc::open::open_store(&db, now)?;
    safety::daily_backup(&db, json, now);
    let plan = store.current_plan()?;
    let mut s = Session {
        store,
        plan,
        json,
        now,
    };
    match cli.command {
        // Run above, before the store is opened.
        Command::Safety(_) => Ok(()),
        Command::Fields => lists::fields(&s),
        Command::Criteria => lists::criteria(&s),
        Command::Agencies => lists::agencies(&s),
        Command::Tasks { agency } => lists::tasks(&s, agency.as_deref()),
        Command::Evidence(EvidenceCommand::List { agency }) => lists::evidence(&s, &agency),
        Command::Refs => lists::refs(&s),
        Command::Progress(ProgressCommand::Set(a)) => month::set_progress(&mut s, a),
        Command::Status { agency, period } => month::status(&s, &agency, &period),
        Command::Evidence(EvidenceCommand::Add(a)) => month::add_evidence(&mut s, a),
        Command::Export {
            agency,
            period,
            out,
            signer,
        } => month::export(&s, &agency, &period, out.as_deref(), signer),
        Command::Plan(PlanCommand::List) => plans::list(&s),
        Command::Plan(PlanCommand::Use { id }) => plans::use_plan(&mut s, &id),
        Command::Plan(PlanCommand::Export { file }) => plans::export(&s, &file),
        Command::Plan(PlanCommand::Import { file }) => plans::import(&mut s, &file),
        Command::Collect(a) => collect::run(&mut s.store, plan, a, json, now),
        Command::Indicators => indicators::list(&s.store, plan, json),
        Command::Indicator(indicators::IndicatorCommand::Set(a)) => {
            indicators::set(&mut s.store, plan, a, json, now)
        }
        Command::Score { agency, period } => {
            indicators::score(&s.store, plan, agency.as_deref(), &period, json)
        }
    }
}

/// What every command that works on the database gets: the open store, its
/// current plan, whether to print JSON, and the moment the command started.
pub struct Session {
    pub store: Store,
    pub plan: i64,
    pub json: bool,
    pub now: DateTime<Utc>,
}

/// Prints `value` as JSON, or the text `text` makes for people. A reader that
/// stops early (`cchc tasks | head`) is not an error.
pub fn emit<T: Serialize + ?Sized>(
    json: bool,
    value: &T,
    text: impl FnOnce() -> String,
) -> Result<()> {
    let out = if json {
        let mut s = serde_json::to_string_pretty(value)
            .map_err(|e| Error::Invalid(format!("Không tạo được JSON: {e}")))?;
        s.push('\n');
        s
    } else {
        text()
    };
    match std::io::stdout().lock().write_all(out.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::Invalid(format!(
            "Không ghi được ra đầu ra chuẩn: {e}"
        ))),
        _ => Ok(()),
    }
}

/// The database file: `--db`, else `CCHC_DB`, else the OS app-data folder.
fn db_path(flag: Option<PathBuf>) -> Result<PathBuf> {
    match flag {
        Some(p) => Ok(p),
        None => cchc::store::location::default_db_path(),
    }
}
