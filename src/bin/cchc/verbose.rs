//! `--verbose`: the core's events and a failure's source chain, printed to
//! stderr (stdout keeps the command's output, text or JSON).

use tracing_subscriber::fmt;

/// Prints events at debug level and above to stderr for the rest of the run.
pub fn init() {
    let _ = fmt()
        .with_writer(std::io::stderr)
        .with_max_level(tracing::Level::DEBUG)
        .with_ansi(false)
        .with_target(false)
        .try_init();
}
