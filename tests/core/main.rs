//! Integration tests of the core library and the `cchc` command line, on real
//! database files in temporary folders.

/// Shared set-up: a fresh database file, dates.
mod common;

/// What the desktop app needs of the core: profile, evidence edits, dashboard, forms.
mod app_support;
/// The command-line contract: JSON shapes, messages and exit statuses.
mod cli;
/// Deadline phrases of the plan text and their due dates.
mod deadline_plan_text;
/// Document references of the plan text.
mod docref_plan_text;
/// Evidence records and their stored files.
mod evidence;
/// The monthly status workbook, read back with calamine.
mod export;
/// The exported file: formulas, determinism, atomic writes, the CLI, openpyxl.
mod export_file;
/// Schema migrations from every earlier version, and refusal of newer ones.
mod migrations;
/// The built-in plan against the plan text, number by number.
mod plan_text;
/// The task-list workbook: writing, reading back, bad rows.
mod plan_workbook;
/// Monthly progress and the derived statuses.
mod progress;
/// Opening, reopening and querying the store.
mod store;
