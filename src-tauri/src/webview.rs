//! The web view's settings on Linux (WebKitGTK), for memory: the app is one
//! page loaded from itself, so WebKit keeps no cache of pages or resources
//! for browsing (`CacheModel::DocumentViewer`), and the features the page never
//! uses (WebGL, Web Audio, media, the HTML5 databases, the back-forward cache,
//! DNS prefetching) are off. Nothing here touches the CSP or the permissions.

/// Applies the settings to the web view of `window` (nothing off Linux).
pub fn lighten(window: &tauri::WebviewWindow) {
    if std::env::var_os("CCHC_AB_PLAIN_WEBVIEW").is_some() {
        return;
    }
    #[cfg(target_os = "linux")]
    {
        let result = window.with_webview(|view| {
            use webkit2gtk::{CacheModel, SettingsExt, WebContextExt, WebViewExt};
            let view = view.inner();
            if let Some(context) = view.context() {
                context.set_cache_model(CacheModel::DocumentViewer);
            }
            if let Some(settings) = WebViewExt::settings(&view) {
                settings.set_enable_page_cache(false);
                settings.set_enable_webgl(false);
                settings.set_enable_webaudio(false);
                settings.set_enable_media(false);
                settings.set_enable_html5_database(false);
                settings.set_enable_offline_web_application_cache(false);
                settings.set_enable_dns_prefetching(false);
            }
        });
        if let Err(e) = result {
            tracing::warn!(error = %e, "the web view's settings were not applied");
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = window;
}
