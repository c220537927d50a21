//! Measures the figures in docs/reliability.md on this machine:
//! the cost of one save with `synchronous=FULL` against `NORMAL`, and the time
//! and size of a backup, a restore and a full check of the built-in plan.
//!
//! `cargo run --release --example reliability_figures [SAVES] [FOLDER]`
//! (SAVES defaults to 300; the files go to a temporary folder made inside
//! FOLDER, by default the current one, so the figures are those of its disk).

use std::path::Path;
use std::time::{Duration, Instant};

use cchc::status::State;
use cchc::store::ProgressInput;
use rusqlite::Connection;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let saves: u32 = args.next().map(|s| s.parse()).transpose()?.unwrap_or(300);
    let temp = tempfile::tempdir_in(args.next().unwrap_or_else(|| ".".into()))?;
    let db = temp.path().join("cchc.sqlite3");
    let now = chrono::Utc::now();

    let mut store = cchc::open::open_store(&db, now)?;
    let plan = store.current_plan()?;
    let started = Instant::now();
    for i in 0..saves {
        let input = ProgressInput {
            agency: "SNV".into(),
            task: "IV.3.1".into(),
            period: "2024-08".into(),
            state: Some(State::InProgress),
            result: Some(format!("lần lưu {i}")),
            ..Default::default()
        };
        store.set_progress(plan, &input, now)?;
    }
    report("Store::set_progress (FULL)", started.elapsed(), saves);
    drop(store);

    for mode in ["FULL", "NORMAL"] {
        let elapsed = raw_saves(&db, mode, saves)?;
        report(&format!("one upsert transaction ({mode})"), elapsed, saves);
    }

    let evidence = temp.path().join("evidence.bin");
    std::fs::write(&evidence, vec![7u8; 1024 * 1024])?;
    let mut store = cchc::open::open_store(&db, now)?;
    let input = cchc::store::EvidenceInput {
        agency: "SNV".into(),
        number: "1494/TTr-SNV".into(),
        date: chrono::NaiveDate::from_ymd_opt(2024, 8, 28),
        issuer: "Sở Nội vụ".into(),
        summary: "Tệp 1 MB".into(),
        file: Some(evidence),
        ..Default::default()
    };
    store.add_evidence(plan, &input, now)?;
    drop(store);
    let db_size = std::fs::metadata(&db)?.len();

    let archive = temp.path().join("sao-luu.zip");
    let started = Instant::now();
    let info = cchc::backup::create_backup(&db, &archive, now)?;
    println!(
        "backup: {:?}, {} KB archive (database {} KB, one 1 MB evidence file)",
        started.elapsed(),
        info.size / 1024,
        db_size / 1024
    );
    let started = Instant::now();
    let report_ = cchc::verify::verify(&db)?;
    println!("verify: {:?}, ok = {}", started.elapsed(), report_.is_ok());
    let started = Instant::now();
    cchc::verify::quick_check(&db)?;
    println!("quick_check: {:?}", started.elapsed());
    let started = Instant::now();
    cchc::backup::restore_backup(&db, &archive, now)?;
    println!(
        "restore (with the backup of the replaced data): {:?}",
        started.elapsed()
    );
    Ok(())
}

/// `saves` transactions of the upsert `set_progress` runs, on a plain
/// connection with the given `synchronous` mode.
fn raw_saves(db: &Path, mode: &str, saves: u32) -> rusqlite::Result<Duration> {
    let conn = Connection::open(db)?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", mode)?;
    let (task, agency): (i64, i64) = conn.query_row(
        "SELECT t.id, a.id FROM task t, agency a WHERE t.code = 'IV.3.1' AND a.code = 'SNV'",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let started = Instant::now();
    for i in 0..saves {
        conn.execute_batch("BEGIN")?;
        conn.execute(
            "INSERT INTO progress (task_id, agency_id, period, state, result, updated_at)
             VALUES (?1, ?2, '2024-08', 'in-progress', ?3, 'now')
             ON CONFLICT (task_id, agency_id, period) DO UPDATE SET result = excluded.result",
            (task, agency, format!("lần lưu {i}")),
        )?;
        conn.execute_batch("COMMIT")?;
    }
    Ok(started.elapsed())
}

fn report(what: &str, elapsed: Duration, saves: u32) {
    println!(
        "{what}: {saves} saves in {elapsed:?}, {:.2} ms per save",
        elapsed.as_secs_f64() * 1000.0 / f64::from(saves)
    );
}
