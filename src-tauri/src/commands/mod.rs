//! The commands the UI calls: each parses its arguments, makes one core call
//! and returns the core's error, which serializes as `{ kind, message }`.
//! Every command runs in a span of its name (`#[tracing::instrument]`) through
//! [`logged`], so its failure goes to the log with the error's source chain;
//! the long ones (collect, export, backup, restore, verify) run through
//! [`blocking`], on a thread of their own.

pub mod collect;
pub mod evidence;
pub mod export;
pub mod indicators;
pub mod logs;
pub mod obligation;
pub mod plan;
pub mod plan_cycle;
pub mod progress;
pub mod safety;
pub mod session;

use std::time::Instant;

use cchc::{Error, Result};
use tauri::{AppHandle, Manager};

use crate::state::AppState;

/// Runs a command's body and logs its failure: the error's kind, codes and
/// source chain, never its message (which can quote a path or a typed text).
pub fn logged<T>(body: impl FnOnce() -> Result<T>) -> Result<T> {
    let result = body();
    if let Err(e) = &result {
        tracing::warn!(error = %e.log_text(), "command failed");
    }
    result
}

/// Runs a long command's body on a blocking thread with the app's state, so
/// that the async runtime's workers stay free for the other commands; its
/// failure is logged as by [`logged`], its duration too.
pub async fn blocking<T: Send + 'static>(
    app: AppHandle,
    body: impl FnOnce(&AppState) -> Result<T> + Send + 'static,
) -> Result<T> {
    let span = tracing::Span::current();
    let run = move || {
        span.in_scope(|| {
            let started = Instant::now();
            let result = logged(|| body(&app.state::<AppState>()));
            tracing::info!(
                ms = started.elapsed().as_millis() as u64,
                ok = result.is_ok(),
                "done"
            );
            result
        })
    };
    tauri::async_runtime::spawn_blocking(run)
        .await
        .unwrap_or_else(|e| {
            tracing::error!(error = %e, "command stopped");
            Err(Error::Database(
                "Thao tác dừng giữa chừng vì một lỗi không mong đợi; hãy thử lại.".into(),
            ))
        })
}
