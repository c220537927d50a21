//! The desktop shell over the `cchc` core: opens the store once, registers the
//! commands and the plugins (single instance, remembered window, file dialogs).
//! The daily backup and the quick check run when the window first asks
//! (`commands::safety::start_check`). When the system ends the app (SIGTERM,
//! Windows sign-out or shut-down), what the page has not saved is saved first
//! (`pending`, `session_end`).

mod commands;
mod paths;
mod pending;
mod session_end;
mod state;
mod system;

#[cfg(test)]
mod bindings;

use tauri::{Manager, RunEvent};

pub use state::AppState;

/// Builds and runs the app until its window closes.
pub fn run() {
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
        .setup(|app| {
            let view_dir = app.path().app_cache_dir()?.join("xem-tai-lieu");
            let state = match cchc::store::location::default_db_path() {
                Ok(db) => AppState::open(db, view_dir),
                Err(e) => AppState::failed(e.to_string()),
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
            commands::collect::collector_mode,
            commands::collect::set_collector_mode,
            commands::collect::collect,
            commands::collect::collected_month,
            commands::collect::collected_rows,
            commands::collect::export_consolidated,
            commands::session::stash_pending,
            commands::session::ready_to_exit,
            commands::session::default_save_path,
        ])
        .build(tauri::generate_context!());
    match result {
        // On Windows, sign-out and shut-down end the loop here (WM_ENDSESSION),
        // the page no longer answering: the shell saves what it was told.
        Ok(app) => app.run(|app, event| {
            if let RunEvent::Exit = event {
                session_end::save_pending(app);
            }
        }),
        Err(e) => {
            eprintln!("Không chạy được ứng dụng: {e}");
            std::process::exit(1);
        }
    }
}
