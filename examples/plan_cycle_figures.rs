//! The yearly cycle's figures for docs/performance.md: on the fictitious
//! merged province (tests/core/merged_province.rs: 15 sở, 104 xã/phường,
//! 150 tasks), the plan editor's opening (the plan read whole and checked)
//! and publishing (checks, then the whole-plan workbook written).
//!
//! `cargo run --release --example plan_cycle_figures` (prints one line per run).

#[path = "../tests/core/merged_province.rs"]
#[allow(dead_code)]
mod merged_province;

use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let now = chrono::Utc::now();
    let mut store = cchc::open::open_store(&dir.path().join("cchc.sqlite3"), now)?;
    let id = store.new_plan("Kế hoạch năm 2026 (thử nghiệm)", 2026, None, now)?;
    let mut data = merged_province::plan(2026);
    data.meta.key = store.plan_meta(id)?.key;
    store.save_plan(id, &data, "2026-01")?;
    drop(store);
    for run in 1..=7 {
        let started = Instant::now();
        let store = cchc::open::open_store(&dir.path().join("cchc.sqlite3"), now)?;
        let plan = store.plan_data(id)?;
        let problems = plan.check();
        let opened = started.elapsed();
        let mut store = store;
        let started = Instant::now();
        let out = dir.path().join(format!("ke-hoach-{run}.xlsx"));
        let version = cchc::plan_workbook::PlanWorkbook::publish(&mut store, id, &out)?;
        let published = started.elapsed();
        println!(
            "run {run}: editor opens {:.1} ms ({} tasks, {} agencies and groups, {} problems); \
             publish v{version} {:.1} ms ({} bytes)",
            opened.as_secs_f64() * 1000.0,
            plan.tasks.len(),
            plan.agencies.len() + plan.groups.len(),
            problems.len(),
            published.as_secs_f64() * 1000.0,
            std::fs::metadata(&out)?.len()
        );
    }
    Ok(())
}
