//! The platform's floor for the app's start and memory (docs/performance.md,
//! "Ứng dụng (desktop)"): one Tauri window with the app's size and CSP, no
//! plugins, a two-line page embedded (`bench/startup-floor/page`). Prints the
//! time from the process's start to the page's first paint by the app's own
//! clock (`startup`), then idles until ended. Run by `bench/startup-floor/run.sh`;
//! build with `cargo build --release -p cchc-app --example bare_window
//! --features custom-protocol` (the page embedded, as `tauri build` does).

use cchc_app::startup;

/// The page has painted, `page_ms` after it began.
#[tauri::command]
fn painted(page_ms: f64) {
    println!(
        "first paint since_start_ms={} before_main_ms={} page_ms={} {}",
        startup::elapsed_ms(),
        startup::before_main_ms(),
        page_ms.round() as u64,
        startup::steps()
    );
}

fn main() {
    startup::mark();
    let app = tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![painted])
        .on_page_load(|_, load| startup::page_load(load.event()))
        .setup(|_| {
            startup::note("setup");
            Ok(())
        })
        .build(tauri::generate_context!(
            "../bench/startup-floor/tauri.conf.json"
        ))
        .expect("the bare window is made");
    startup::note("built");
    app.run(|_, _| {});
}
