//! The end of a session the system forces: on SIGTERM, SIGINT or SIGHUP (Linux,
//! macOS) the page is asked to save what is pending (`cchc://before-exit`) and
//! given a moment; then the shell saves whatever the page still reported as
//! unsaved, and the app exits. On Windows the loop's last event does the
//! shell's part (see `lib.rs`).

use std::time::Duration;

use tauri::{AppHandle, Emitter, Manager, Runtime};

use crate::pending::{save_form, Pending};
use crate::state::AppState;

/// How long the page may take to save before the shell saves without it.
const PAGE_LIMIT: Duration = Duration::from_secs(3);

/// Saves what the page last reported as unsaved; what fails is named at the next start.
pub fn save_pending<R: Runtime>(app: &AppHandle<R>) {
    let (Some(pending), Some(state)) = (app.try_state::<Pending>(), app.try_state::<AppState>())
    else {
        return;
    };
    pending.save_all(|form| save_form(&state, form));
}

/// Listens for the termination signals on a thread of its own.
#[cfg(unix)]
pub fn on_termination_signals<R: Runtime>(app: AppHandle<R>) {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGTERM, SIGINT, SIGHUP]) else {
        return;
    };
    std::thread::spawn(move || {
        let mut ending = false;
        for _ in signals.forever() {
            // A second signal while saving: the system insists, end at once.
            if ending {
                std::process::exit(1);
            }
            ending = true;
            let app = app.clone();
            std::thread::spawn(move || end_session(&app));
        }
    });
}

/// Asks the page to save, gives it a moment, saves what it still reported, exits.
#[cfg(unix)]
fn end_session<R: Runtime>(app: &AppHandle<R>) {
    if let Some(pending) = app.try_state::<Pending>() {
        if app.emit("cchc://before-exit", ()).is_ok() {
            pending.wait_for_page(PAGE_LIMIT);
        }
    }
    save_pending(app);
    app.exit(0);
}

#[cfg(not(unix))]
pub fn on_termination_signals<R: Runtime>(_app: AppHandle<R>) {}
