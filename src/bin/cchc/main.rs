//! `cchc`: the command-line face of the core library. Each subcommand parses its
//! arguments, makes one call into `cchc`, and prints text or JSON.

// mimalloc makes a large export about 15% faster than the system allocator
// (docs/performance.md): it hands out and frees the many small strings of a
// report more cheaply.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod args;
mod collect;
mod plan_cycle;
mod safety;
mod table;

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use serde::Serialize;
use serde_json::json;

use args::{Cli, Command, EvidenceCommand, PlanCommand, ProgressCommand};
use cchc::store::{EvidenceInput, ProgressInput, Store};
use cchc::{deadline, docref, plan_workbook, report, status::State, Error, Result};

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
    let mut store = Store::open(&db)?;
    safety::daily_backup(&db, json, now);
    let plan = store.current_plan()?;
    match cli.command {
        // Run above, before the store is opened.
        Command::Safety(_) => Ok(()),
        Command::Fields => {
            let fields = store.fields(plan)?;
            let out: Vec<_> = fields
                .iter()
                .map(|f| {
                    json!({"code": f.code, "name": f.name, "max_score": f.max_score,
                           "score_2023": f.score_prev, "points_lost": f.points_lost})
                })
                .collect();
            emit(json, &out, || {
                let rows = fields
                    .iter()
                    .map(|f| {
                        vec![
                            f.code.to_string(),
                            f.name.clone(),
                            table::score(f.max_score),
                            table::score(f.score_prev),
                        ]
                    })
                    .collect::<Vec<_>>();
                table::render(&["Mã", "Lĩnh vực", "Điểm tối đa", "Điểm năm trước"], &rows)
            })
        }
        Command::Criteria => {
            let criteria = store.criteria(plan)?;
            let out: Vec<_> = criteria
                .iter()
                .map(|c| {
                    json!({"code": c.code, "name": c.name, "field": c.field(),
                           "max_score": c.max_score, "score_2023": c.score_prev,
                           "points_lost": c.points_lost, "target": c.target, "targets": c.targets})
                })
                .collect();
            emit(json, &out, || {
                let rows = criteria
                    .iter()
                    .map(|c| {
                        vec![
                            c.code.clone(),
                            table::score(Some(c.max_score)),
                            table::score(Some(c.score_prev)),
                            table::score(Some(c.points_lost)),
                            c.name.clone(),
                        ]
                    })
                    .collect::<Vec<_>>();
                table::render(&["Mã", "Tối đa", "Đạt", "Bị trừ", "Tiêu chí"], &rows)
            })
        }
        Command::Agencies => {
            let agencies = store.agencies(plan)?;
            emit(json, &agencies, || {
                let rows = agencies
                    .iter()
                    .map(|a| vec![a.code.clone(), a.name.clone(), a.groups.join(", ")])
                    .collect::<Vec<_>>();
                table::render(&["Mã", "Tên cơ quan", "Thuộc nhóm"], &rows)
            })
        }
        Command::Tasks { agency } => {
            let tasks = store.tasks(plan, agency.as_deref())?;
            emit(json, &tasks, || {
                let rows = tasks
                    .iter()
                    .map(|t| {
                        vec![
                            t.code.clone(),
                            t.role.map(|r| r.label()).unwrap_or_default().to_string(),
                            t.lead.clone(),
                            table::cut(&t.deadline, 40),
                            table::date(t.due_date),
                            t.criteria.join("; "),
                        ]
                    })
                    .collect::<Vec<_>>();
                table::render(
                    &["Mã", "Vai trò", "Chủ trì", "Thời hạn", "Hạn", "Tiêu chí"],
                    &rows,
                )
            })
        }
        Command::Progress(ProgressCommand::Set(a)) => {
            let input = ProgressInput {
                state: Some(State::parse(&a.state)?),
                done_on: a.done_on.as_deref().map(deadline::parse_date).transpose()?,
                percent: a
                    .percent
                    .as_deref()
                    .map(cchc::forms::parse_percent)
                    .transpose()?,
                agency: a.agency,
                task: a.task,
                period: a.period,
                result: a.result,
                obstacles: a.obstacles,
                proposals: a.proposals,
            };
            store.set_progress(plan, &input, now)?;
            emit(json, &json!({"saved": true}), || {
                format!("Đã lưu tiến độ nhiệm vụ {}.\n", input.task)
            })
        }
        Command::Status { agency, period } => {
            let report = store.status(plan, &agency, &period)?;
            emit(json, &report, || {
                let rows = report
                    .tasks
                    .iter()
                    .map(|t| {
                        vec![
                            t.code.clone(),
                            t.role.label().to_string(),
                            t.status.clone(),
                            t.percent.map(|p| format!("{p}%")).unwrap_or_default(),
                            table::date(t.due_date),
                        ]
                    })
                    .collect::<Vec<_>>();
                let mut text =
                    table::render(&["Mã", "Vai trò", "Tình trạng", "Tiến độ", "Hạn"], &rows);
                text.push('\n');
                for (status, n) in report.counts.iter() {
                    text.push_str(&format!("{status}: {n}\n"));
                }
                text
            })
        }
        Command::Export {
            agency,
            period,
            out,
            signer,
        } => {
            let report = store.month_report(plan, &agency, &period)?;
            let path = report::target_path(out.as_deref(), &report);
            let opts = report::ExportOptions {
                signer,
                now: chrono::Local::now().fixed_offset(),
            };
            report::write_month_report(&report, &opts, &path)?;
            let out = json!({"path": path, "tasks": report.tasks().len(),
                             "evidence": report.evidence.len(), "counts": report.status.counts});
            // The command ends here, and the system takes the memory back at
            // once: freeing a month of 30,000 rows piece by piece would add
            // 10 ms to the export (docs/performance.md).
            std::mem::forget(report);
            emit(json, &out, || format!("{}\n", path.display()))
        }
        Command::Evidence(EvidenceCommand::Add(a)) => {
            let input = EvidenceInput {
                date: Some(deadline::parse_date(&a.date)?),
                agency: a.agency,
                number: a.number,
                issuer: a.issuer,
                summary: a.summary,
                location: a.location,
                tasks: a.tasks,
                criteria: a.criteria,
                file: a.file,
            };
            let id = store.add_evidence(plan, &input, now)?;
            emit(json, &json!({"id": id}), || {
                format!("Đã thêm tài liệu kiểm chứng {} (số {id}).\n", input.number)
            })
        }
        Command::Evidence(EvidenceCommand::List { agency }) => {
            let rows = store.evidence(plan, &agency)?;
            emit(json, &rows, || {
                let table_rows = rows
                    .iter()
                    .map(|e| {
                        vec![
                            e.number.clone(),
                            table::date(Some(e.date)),
                            e.issuer.clone(),
                            e.tasks.join("; "),
                            e.summary.clone(),
                        ]
                    })
                    .collect::<Vec<_>>();
                table::render(
                    &[
                        "Số, ký hiệu",
                        "Ngày",
                        "Cơ quan ban hành",
                        "Nhiệm vụ",
                        "Trích yếu",
                    ],
                    &table_rows,
                )
            })
        }
        Command::Refs => {
            let mut input = String::new();
            std::io::stdin()
                .read_to_string(&mut input)
                .map_err(|e| Error::Invalid(format!("Không đọc được đầu vào chuẩn: {e}")))?;
            let refs = docref::extract_references(&input);
            emit(json, &refs, || {
                let rows = refs
                    .iter()
                    .map(|r| {
                        vec![
                            r.reference.clone(),
                            r.doc_type.clone(),
                            r.issuer.clone(),
                            table::date(r.date),
                        ]
                    })
                    .collect::<Vec<_>>();
                table::render(&["Số, ký hiệu", "Loại", "Cơ quan ban hành", "Ngày"], &rows)
            })
        }
        Command::Plan(PlanCommand::List) => {
            let plans = store.plans()?;
            emit(json, &plans, || {
                let rows = plans
                    .iter()
                    .map(|p| {
                        vec![
                            p.id.to_string(),
                            if p.current { "*".into() } else { String::new() },
                            p.year.to_string(),
                            p.name.clone(),
                        ]
                    })
                    .collect::<Vec<_>>();
                table::render(&["Id", "Đang dùng", "Năm", "Tên kế hoạch"], &rows)
            })
        }
        Command::Plan(PlanCommand::Use { id }) => {
            let id = plan_cycle::plan_id(&id)?;
            store.use_plan(id)?;
            emit(json, &json!({"current": id}), || {
                format!("Đang dùng kế hoạch {id}.\n")
            })
        }
        Command::Plan(PlanCommand::Export { file }) => {
            plan_workbook::write_plan_workbook(&store.plan_data(plan)?, &file)?;
            emit(json, &json!({"path": file}), || {
                format!("{}\n", file.display())
            })
        }
        Command::Collect(a) => collect::run(&mut store, plan, a, json, now),
        Command::Plan(PlanCommand::Import { file, into }) => {
            plan_cycle::import(&mut store, plan, &file, into.as_deref(), json, now)
        }
        Command::Plan(PlanCommand::New { name, year, from }) => {
            plan_cycle::new(&mut store, &name, &year, from.as_deref(), json, now)
        }
        Command::Plan(PlanCommand::Check { id }) => {
            let id = id.as_deref().map(plan_cycle::plan_id).transpose()?;
            plan_cycle::check(&store, id.unwrap_or(plan), json)
        }
        Command::Plan(PlanCommand::Publish { id, out }) => {
            let id = id.as_deref().map(plan_cycle::plan_id).transpose()?;
            plan_cycle::publish(&mut store, id.unwrap_or(plan), &out, json)
        }
        Command::Agency(plan_cycle::AgencyCommand::Succeed(a)) => {
            plan_cycle::succeed(&mut store, plan, a, json, now)
        }
    }
}

/// Prints `value` as JSON, or the text `text` makes for people. A reader that
/// stops early (`cchc tasks | head`) is not an error.
fn emit<T: Serialize + ?Sized>(json: bool, value: &T, text: impl FnOnce() -> String) -> Result<()> {
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
