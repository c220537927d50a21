//! How long the app took to show its first data: the clock starts when the
//! process starts (on Linux, the kernel's start time of the process, so the
//! loading of the libraries before `main` counts too) and stops when the page
//! says the dashboard's data is drawn. Logged once a run in the daily log
//! (`first data on screen`), where the measurement (`e2e/measure.mjs`) and
//! whoever helps an officer with a slow machine read it. Public so the bare
//! window of `examples/bare_window.rs` (the platform's floor) keeps the same clock.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

/// When `main` began, and how long the process had run before it.
struct Start {
    main: Instant,
    before_main: Duration,
}

static START: OnceLock<Start> = OnceLock::new();
static SHOWN: AtomicBool = AtomicBool::new(false);
/// The steps of the start noted so far, with their time since the process started.
static STEPS: Mutex<Vec<(&'static str, u64)>> = Mutex::new(Vec::new());

/// Notes the start; called first thing in `main`.
pub fn mark() {
    START.get_or_init(|| Start {
        main: Instant::now(),
        before_main: before_main().unwrap_or_default(),
    });
}

/// Time since the process started.
pub fn elapsed() -> Duration {
    let start = START.get_or_init(|| Start {
        main: Instant::now(),
        before_main: Duration::ZERO,
    });
    start.before_main + start.main.elapsed()
}

/// Milliseconds since the process started, for the log.
pub fn elapsed_ms() -> u64 {
    elapsed().as_millis() as u64
}

/// Notes that the start reached `step` (a name in `snake_case`), for the
/// `start steps` log line; nothing once the first data is shown.
pub fn note(step: &'static str) {
    if SHOWN.load(Ordering::SeqCst) {
        return;
    }
    let ms = elapsed_ms();
    STEPS
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .push((step, ms));
}

/// Notes the page's load starting and finishing (the web process started, the page asked for).
pub fn page_load(event: tauri::webview::PageLoadEvent) {
    note(match event {
        tauri::webview::PageLoadEvent::Started => "page_started",
        tauri::webview::PageLoadEvent::Finished => "page_finished",
    });
}

/// The steps noted so far as `step_ms=…` pairs, in order.
pub fn steps() -> String {
    format_steps(&STEPS.lock().unwrap_or_else(|e| e.into_inner()))
}

fn format_steps(steps: &[(&str, u64)]) -> String {
    steps
        .iter()
        .map(|(step, ms)| format!("{step}_ms={ms}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Milliseconds the process ran before `main` (0 before `mark` or off Linux).
pub fn before_main_ms() -> u64 {
    START.get().map_or(0, |s| s.before_main.as_millis() as u64)
}

/// The first call of a run: logs the time since the process started, and
/// when the page began (`page_ms` before, by the page's own clock). Later
/// calls (a reload, another month) log nothing. Returns the milliseconds
/// logged, None after the first call.
pub fn first_data_shown(page_ms: f64) -> Option<u64> {
    if SHOWN.swap(true, Ordering::SeqCst) {
        return None;
    }
    let ms = elapsed_ms();
    tracing::info!(
        since_start_ms = ms,
        before_main_ms = before_main_ms(),
        page_ms = page_ms.round() as u64,
        "first data on screen"
    );
    tracing::info!(steps = %steps(), "start steps");
    Some(ms)
}

/// How long the process ran before `main`: now since boot, less the
/// process's start time since boot (both to 10 ms). None off Linux.
fn before_main() -> Option<Duration> {
    #[cfg(target_os = "linux")]
    {
        let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
        let uptime = std::fs::read_to_string("/proc/uptime").ok()?;
        let since_boot = uptime.split_whitespace().next()?.parse::<f64>().ok()?;
        let started = start_ticks(&stat)? as f64 / USER_HZ;
        Some(Duration::from_secs_f64((since_boot - started).max(0.0)))
    }
    #[cfg(not(target_os = "linux"))]
    {
        None
    }
}

/// The clock ticks per second of `/proc` (`USER_HZ`, 100 on every Linux the
/// app runs on).
#[cfg(target_os = "linux")]
const USER_HZ: f64 = 100.0;

/// The process's start time in clock ticks since boot: field 22 of
/// `/proc/<pid>/stat`, counted after the command name, which is in
/// parentheses and may itself hold spaces and parentheses.
#[cfg(any(target_os = "linux", test))]
fn start_ticks(stat: &str) -> Option<u64> {
    let after_name = &stat[stat.rfind(')')? + 1..];
    // Fields 3 onwards; the start time is field 22.
    after_name.split_whitespace().nth(22 - 3)?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_start_time_is_read_after_a_command_name_with_spaces_and_parentheses() {
        let stat = "4242 (cchc (app) 2) S 1 4242 4242 0 -1 4194560 1500 0 0 0 \
                    12 3 0 0 20 0 9 0 987654 123456789 2000 18446744073709551615";
        assert_eq!(start_ticks(stat), Some(987_654));
    }

    #[test]
    fn a_truncated_stat_line_gives_no_start_time() {
        assert_eq!(start_ticks("4242 (cchc-app) S 1 4242"), None);
        assert_eq!(start_ticks("no parentheses"), None);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn this_process_started_before_its_own_main_and_within_a_day() {
        let before = before_main().expect("the start time of this process");
        assert!(before < Duration::from_secs(86_400), "{before:?}");
    }

    #[test]
    fn the_steps_are_written_in_order_as_figures_the_measurement_reads() {
        let line = format_steps(&[("built", 150), ("setup", 230), ("page_started", 410)]);
        assert_eq!(line, "built_ms=150 setup_ms=230 page_started_ms=410");
        assert_eq!(format_steps(&[]), "");
    }

    #[test]
    fn only_the_first_data_shown_of_a_run_is_logged() {
        mark();
        let first = first_data_shown(120.0);
        assert!(first.is_some());
        assert_eq!(first_data_shown(130.0), None);
    }
}
