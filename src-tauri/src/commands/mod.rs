//! The commands the UI calls: each parses its arguments, makes one core call
//! and returns the core's error, which serializes as `{ kind, message }`.

pub mod collect;
pub mod evidence;
pub mod export;
pub mod indicators;
pub mod plan;
pub mod progress;
pub mod safety;
pub mod session;
