//! The child process saves in a loop and prints each acknowledged save; the
//! test kills it with SIGKILL at random moments, then checks the file.

use cchc::open::open_store;
use std::collections::HashSet;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use cchc::store::EvidenceInput;
use rusqlite::Connection;

use crate::common::{date, now, temp_db};

const KILLS: usize = 120;
/// The whole test must end within this, however slow the disk.
const TIME_LIMIT: Duration = Duration::from_secs(240);
const CHILD_DB: &str = "CCHC_CRASH_CHILD_DB";
const CHILD_FIRST: &str = "CCHC_CRASH_CHILD_FIRST";

/// The child's loop. It runs only when the crash test starts this binary
/// with the variables set; it never ends by itself.
#[test]
#[ignore = "the crash test's child process; it runs until killed"]
fn crash_child_saves_in_a_loop() {
    let (Some(path), Some(first)) = (std::env::var_os(CHILD_DB), std::env::var_os(CHILD_FIRST))
    else {
        return;
    };
    let first: u64 = first.to_string_lossy().parse().expect("a number");
    let mut store =
        open_store(Path::new(&path), crate::common::now()).expect("the child opens the database");
    let plan = store.current_plan().expect("plan");
    let stdout = std::io::stdout();
    for i in first.. {
        let input = EvidenceInput {
            agency: "SNV".into(),
            number: "187/KH-UBND".into(),
            date: Some(date(2024, 3, 1)),
            issuer: "UBND tỉnh".into(),
            summary: format!("save {i}"),
            ..Default::default()
        };
        store.add_evidence(plan, &input, now()).expect("saved");
        let mut out = stdout.lock();
        writeln!(out, "saved {i}").expect("stdout");
        out.flush().expect("flush");
    }
}

/// A small xorshift generator: the moments of the kills, reproducible from the seed.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

#[test]
fn every_acknowledged_save_survives_a_kill_at_a_random_moment() {
    let db = temp_db();
    drop(
        open_store(&db.path, crate::common::now()).expect("the database is made before the kills"),
    );
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64 | 1)
        .unwrap_or(0x9e37_79b9_7f4a_7c15);
    println!("crash test seed {seed}");
    let mut rng = Rng(seed);
    let exe = std::env::current_exe().expect("the test binary");
    let started = Instant::now();
    let mut acknowledged: Vec<u64> = Vec::new();
    let mut kills_mid_save = 0;
    for round in 0..KILLS {
        assert!(
            started.elapsed() < TIME_LIMIT,
            "{round} kills took longer than {TIME_LIMIT:?}"
        );
        let first = round as u64 * 1_000_000;
        let mut child = Command::new(&exe)
            .args([
                "crash::crash_child_saves_in_a_loop",
                "--exact",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD_DB, &db.path)
            .env(CHILD_FIRST, first.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("the child starts");
        let stdout = child.stdout.take().expect("piped");
        let reader = std::thread::spawn(move || {
            BufReader::new(stdout)
                .lines()
                .map_while(Result::ok)
                .filter_map(|l| l.strip_prefix("saved ").and_then(|n| n.parse::<u64>().ok()))
                .collect::<Vec<u64>>()
        });
        std::thread::sleep(Duration::from_millis(20 + rng.below(280)));
        child.kill().expect("SIGKILL");
        let status = child.wait().expect("the child is reaped");
        assert!(!status.success(), "the child was killed, it did not finish");
        let acked = reader.join().expect("the reader ends with the pipe");
        if !acked.is_empty() {
            kills_mid_save += 1;
        }
        acknowledged.extend(acked);
        check_after_kill(&db.path, &acknowledged, round);
    }
    println!(
        "{KILLS} kills, {} acknowledged saves, {kills_mid_save} kills during a save loop, {:?}",
        acknowledged.len(),
        started.elapsed()
    );
    assert!(
        kills_mid_save >= KILLS / 4,
        "many kills hit the child while it was saving ({kills_mid_save} of {KILLS})"
    );
}

/// Reopens the file as the app would, then checks it from outside the store.
fn check_after_kill(path: &Path, acknowledged: &[u64], round: usize) {
    drop(
        open_store(path, crate::common::now())
            .unwrap_or_else(|e| panic!("round {round}: the store reopens: {e}")),
    );
    let conn = Connection::open(path).expect("open");
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity_check runs");
    assert_eq!(integrity, "ok", "round {round}: the file is sound");
    let fk: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .expect("foreign_key_check runs");
    assert_eq!(fk, 0, "round {round}: no broken references");
    let saved: HashSet<String> = conn
        .prepare("SELECT summary FROM evidence")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .expect("read saves");
    for i in acknowledged {
        assert!(
            saved.contains(&format!("save {i}")),
            "round {round}: acknowledged save {i} is in the file"
        );
    }
}
