//! The desktop shell over the `cchc` core: starts the log, opens the store
//! once, registers the commands and the plugins (single instance, remembered
//! window, file dialogs). The daily backup and the quick check run when the
//! window first asks (`commands::safety::start_check`); how long the first
//! data took to show since the process started is logged (`startup`). When the system ends
//! the app (SIGTERM, Windows sign-out or shut-down), what the page has not
//! saved is saved first (`pending`, `session_end`).

mod commands;
mod log;
mod paths;
mod pending;
mod session_end;
pub mod startup;
mod state;
mod system;

#[cfg(test)]
mod bindings;
#[cfg(test)]
mod handlers;

use tauri::{Manager, RunEvent};

pub use state::AppState;

/// Builds and runs the app until its window closes.
pub fn run() {
    startup::mark();
    let result = tauri::Builder::default()
        // First, so a second launch only brings the running window forward.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.set_focus();
            }
        }))
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .plugin(tauri_plugin_dialog::init())
        .on_page_load(|_, load| startup::page_load(load.event()))
        .setup(|app| {
            let setup_began_ms = startup::elapsed_ms();
            startup::note("setup");
            let view_dir = app.path().app_cache_dir()?.join("xem-tai-lieu");
            let state = match cchc::store::location::default_db_path() {
                Ok(db) => {
                    start_log(&db);
                    let state = AppState::open(db, view_dir);
                    tracing::info!(
                        since_start_ms = startup::elapsed_ms(),
                        setup_began_ms,
                        "store opened"
                    );
                    state
                }
                Err(e) => AppState::failed(e),
            };
            app.manage(pending::Pending::new(state.db_path()));
            app.manage(state);
            session_end::on_termination_signals(app.handle().clone());
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::plan::app_info,
            commands::plan::agencies,
            commands::plan::criteria,
            commands::plan::set_profile,
            commands::plan::tasks,
            commands::plan::import_plan,
            commands::plan_cycle::plans,
            commands::plan_cycle::plan_data,
            commands::plan_cycle::new_plan,
            commands::plan_cycle::check_plan_data,
            commands::plan_cycle::check_deadline,
            commands::plan_cycle::save_plan,
            commands::plan_cycle::publish_plan,
            commands::plan_cycle::preview_plan_import,
            commands::plan_cycle::switch_plan,
            commands::plan_cycle::unfinished_tasks,
            commands::progress::status,
            commands::progress::dashboard,
            commands::progress::save_progress,
            commands::progress::progress_history,
            commands::progress::check_reference,
            commands::progress::find_references,
            commands::evidence::evidence,
            commands::evidence::add_evidence,
            commands::evidence::update_evidence,
            commands::evidence::delete_evidence,
            commands::evidence::open_evidence,
            commands::evidence::reveal_path,
            commands::export::export_preview,
            commands::export::export_month,
            commands::indicators::measured,
            commands::indicators::save_indicator,
            commands::indicators::scores,
            commands::safety::start_check,
            commands::safety::create_backup,
            commands::safety::restore_backup,
            commands::safety::verify_data,
            commands::obligation::open_obligations,
            commands::obligation::task_obligations,
            commands::obligation::read_event_text,
            commands::obligation::add_obligation,
            commands::obligation::settle_obligation,
            commands::obligation::holiday_notices,
            commands::obligation::add_holiday_notice,
            commands::obligation::add_holiday_notice_file,
            commands::collect::collector_mode,
            commands::collect::set_collector_mode,
            commands::collect::collect,
            commands::collect::collected_month,
            commands::collect::collected_rows,
            commands::collect::export_consolidated,
            commands::session::stash_pending,
            commands::session::ready_to_exit,
            commands::session::default_save_path,
            commands::session::first_data_shown,
            commands::logs::open_logs,
        ])
        .build(tauri::generate_context!());
    startup::note("built");
    match result {
        // On Windows, sign-out and shut-down end the loop here (WM_ENDSESSION),
        // the page no longer answering: the shell saves what it was told.
        Ok(app) => app.run(|app, event| {
            if let RunEvent::Exit = event {
                session_end::save_pending(app);
            }
        }),
        Err(e) => {
            tracing::error!(error = %e, "the app did not run");
            eprintln!("Không chạy được ứng dụng: {e}");
            std::process::exit(1);
        }
    }
}

/// Starts the daily log beside the database at `db` (the app runs on
/// without one when its folder cannot be written).
fn start_log(db: &std::path::Path) {
    match log::start(&log::logs_dir(db), chrono::Utc::now().date_naive()) {
        Ok(pruned) => tracing::info!(
            version = env!("CARGO_PKG_VERSION"),
            os = std::env::consts::OS,
            pruned,
            "the app started"
        ),
        Err(e) => eprintln!("Không ghi được nhật ký: {e}"),
    }
}
