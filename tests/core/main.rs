//! Integration tests of the core library and the `cchc` command line, on real
//! database files in temporary folders.

/// Shared set-up: a fresh database file, dates.
mod common;

/// What the desktop app needs of the core: profile, evidence edits, dashboard, forms.
mod app_support;
/// Which module may import which: the store and the database module point down.
mod architecture;
/// Backups: round trips with evidence files, refused archives, daily rotation.
mod backup;
/// The command-line contract: JSON shapes, messages and exit statuses.
mod cli;
/// `cchc indicators`, `cchc indicator set`, `cchc score`: shapes, refusals, exit statuses.
mod cli_indicators;
/// Collector mode: accepting real exports, idempotence, replacement, hand
/// edits, the consolidated workbook read back, and `cchc collect`.
mod collect;
/// Shared set-up of the collect tests: agency databases exported with the
/// real exporter, the collector's database, the Python editors.
mod collect_fixture;
/// Property-based fuzzing of the workbook reader over mutated real exports
/// (bounded by CCHC_FUZZ_CASES and CCHC_FUZZ_SECONDS): no input crashes it.
mod collect_fuzz;
/// Hostile and broken files refused within seconds, importing nothing.
mod collect_hostile;
/// Measured indicators collected: the province's figure (sums of numerators
/// and denominators), versions 1 and 2 together, the sheets read back.
mod collect_indicators;
/// Cells too long, data past the 64th column, folders, pipes and links among
/// the collector's inputs; the task-list import behind the same gate.
mod collect_inputs;
/// Each reading rule of workbook-format.md refused with file, sheet and cell.
mod collect_rules;
/// A run's plan check: read once, read again when the store was written to
/// between two files; the store's stamp.
mod collect_run;
/// Schema 2 (collected reports): upgrading a schema-1 database with data,
/// cascades, and all-or-nothing saves.
mod collect_store;
/// SIGKILL at random moments while saving; every acknowledged save survives.
mod crash;
/// Deadline phrases of the plan text and their due dates.
mod deadline_plan_text;
/// Full disk, read-only folder and locked database (tmpfs mounts).
mod disk_errors;
/// Document references of the plan text.
mod docref_plan_text;
/// Texts, dates and evidence files refused at entry when they could not be exported.
mod entry_limits;
/// Evidence records and their stored files.
mod evidence;
/// The monthly status workbook, read back with calamine.
mod export;
/// The exported file: formulas, determinism, atomic writes, the CLI, openpyxl.
mod export_file;
/// An indicator's figures read and checked alike by the core and the UI (figure-cases.json).
mod figure_cases;
/// Measured indicators: the 2024 plan's against its text, recording, refusals,
/// the officer's points at risk, the upgrade of older databases.
mod indicators;
/// TEST DATA: a fictitious merged province at the real one's size.
mod merged_province;
/// Schema migrations from every earlier version, and refusal of newer ones.
mod migrations;
/// The `cchc workdays`, `obligation` and `holiday` commands: JSON shapes, refusals.
mod obligation_cli;
/// Late obligations among the drivers of points at risk: the officer's view,
/// the province's from the year's collected reports, `cchc score`.
mod obligation_risk;
/// Workbook version 2: "Việc phát sinh" exported, read by openpyxl, collected
/// with version 1 files and consolidated.
mod obligation_workbook;
/// Obligations counted in working days: due dates over the holidays, settling,
/// holiday notices, months and the dashboard's order.
mod obligations;
/// The yearly cycle: new plan, checks, publishing, importing versions.
mod plan_cycle;
/// The command line of the yearly cycle.
mod plan_cycle_cli;
/// The built-in plan against the plan text, number by number.
mod plan_text;
/// The task-list workbook: writing, reading back, bad rows.
mod plan_workbook;
/// Monthly progress and the derived statuses.
mod progress;
/// Hostile archives, foreign databases, crash leftovers; backups that check what they copy.
mod restore_hostile;
/// Opening, reopening and querying the store.
mod store;
/// Succession in the middle of a year.
mod succession;
/// The one diacritic folding rule, shared with the UI through fold-cases.json.
mod text_fold;
/// Integrity checks of the database and the evidence files.
mod verify;
