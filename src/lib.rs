//! `cchc`: the core of the PAR Index plan tracker.
//!
//! Everything that can run without a window lives here: the plan model and its
//! built-in data, the SQLite store and its migrations, backups and integrity
//! checks, deadline resolution, document references, Vietnamese text handling,
//! and the workbooks the app reads and writes. The command-line tool (`src/bin/cchc.rs`) and the desktop shell
//! (`src-tauri/`) are thin faces over this crate.

pub mod backup;
pub mod collect;
pub mod db;
pub mod deadline;
pub mod disk;
pub mod docref;
pub mod durable;
pub mod error;
pub mod forms;
pub mod number;
pub mod obligation;
pub mod obligation_form;
pub mod open;
pub mod parallel;
pub mod plan;
pub mod plan_workbook;
pub mod print_profile;
pub mod report;
pub mod score;
mod sha256;
pub mod sheet_reader;
pub mod status;
pub mod store;
pub mod text;
pub mod verify;
pub mod xlsx;

pub use error::{Error, Result};
