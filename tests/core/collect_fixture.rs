use std::path::{Path, PathBuf};
use std::process::Command;

use cchc::collect::{self, Outcome, OutcomeKind};
use cchc::report::{write_month_report, ExportOptions};
use cchc::status::State;
use cchc::store::{EvidenceInput, JustSaved, ProgressInput, Store};
use chrono::{DateTime, FixedOffset, TimeZone};

use crate::common::{date, now, open_new, TempDb};

/// The month every collect test reports on.
pub const PERIOD: &str = "2024-09";

/// An agency's own database with some progress recorded for September 2024:
/// one task done on time with a document as evidence, one in progress with a
/// percent and text, the rest as the plan leaves them.
pub struct AgencyDb {
    /// Kept so the database's folder lives as long as the store.
    _db: TempDb,
    pub store: Store,
    pub plan: i64,
}

impl AgencyDb {
    pub fn new() -> AgencyDb {
        let (db, store, plan) = open_new();
        let mut agency = AgencyDb {
            _db: db,
            store,
            plan,
        };
        agency.record(
            "SNV",
            "IV.3.1",
            State::Done,
            Some(100),
            "Đã trình Tờ trình số 1494/TTr-SNV",
        );
        agency.record(
            "SNV",
            "II.1.1",
            State::InProgress,
            Some(40),
            "Đang rà soát quy trình",
        );
        let evidence = EvidenceInput {
            agency: "SNV".into(),
            number: "1494/TTr-SNV".into(),
            date: Some(date(2024, 8, 28)),
            issuer: "Sở Nội vụ".into(),
            summary: "Tờ trình sáp nhập các trường cao đẳng".into(),
            location: String::new(),
            tasks: vec!["IV.3.1".into()],
            criteria: Vec::new(),
            file: None,
        };
        let plan = agency.plan;
        agency
            .store
            .add_evidence(plan, &evidence, now())
            .expect("the evidence is saved");
        agency
    }

    /// Saves an entry for `task` in September 2024 (done on 28/08/2024 when done).
    pub fn record(
        &mut self,
        agency: &str,
        task: &str,
        state: State,
        percent: Option<u32>,
        result: &str,
    ) {
        let input = ProgressInput {
            agency: agency.into(),
            task: task.into(),
            period: PERIOD.into(),
            state: Some(state),
            done_on: (state == State::Done).then(|| date(2024, 8, 28)),
            percent,
            result: Some(result.into()),
            obstacles: None,
            proposals: None,
        };
        self.store
            .set_progress(self.plan, &input, now())
            .unwrap_or_else(|e| panic!("progress of {agency} {task} is saved: {e}"));
    }

    /// Writes the agency's workbook for `period` with the real exporter, as
    /// exported at `at`, into `dir` under its spec name (or `name`).
    pub fn export(
        &self,
        agency: &str,
        period: &str,
        at: DateTime<FixedOffset>,
        dir: &Path,
        name: Option<&str>,
    ) -> PathBuf {
        let report = cchc::report::MonthReport::gather(&self.store, self.plan, agency, period)
            .unwrap_or_else(|e| panic!("the month report of {agency} is gathered: {e}"));
        let path = match name {
            Some(n) => dir.join(n),
            None => cchc::report::target_path(Some(dir), &report),
        };
        let opts = ExportOptions {
            signer: None,
            now: at,
        };
        write_month_report(&report, &opts, &path).expect("the real exporter writes the workbook");
        path
    }
}

/// An export time on 1 October 2024, Vietnam time, at `hour`.
pub fn exported_at(hour: u32) -> DateTime<FixedOffset> {
    FixedOffset::east_opt(7 * 3600)
        .expect("UTC+7")
        .with_ymd_and_hms(2024, 10, 1, hour, 0, 0)
        .single()
        .expect("valid export time")
}

/// The collecting office's database, on a real file, with the built-in plan.
pub struct Collector {
    pub db: TempDb,
    pub store: Store,
    pub plan: i64,
}

impl Collector {
    pub fn new() -> Collector {
        let (db, store, plan) = open_new();
        Collector { db, store, plan }
    }

    /// Collects the files for [`PERIOD`].
    pub fn collect(&mut self, paths: &[PathBuf]) -> Vec<Outcome> {
        self.collect_for(PERIOD, paths)
    }

    /// Collects the files for `period`.
    pub fn collect_for(&mut self, period: &str, paths: &[PathBuf]) -> Vec<Outcome> {
        self.run(period, paths, None)
            .expect("collecting never fails on a bad file, only on the database")
    }

    /// Collects the files for `period`, keeping the rows saved in `kept`.
    pub fn run(
        &mut self,
        period: &str,
        paths: &[PathBuf],
        kept: Option<&mut JustSaved>,
    ) -> cchc::Result<Vec<Outcome>> {
        let plan = self.plan;
        collect::collect_files(&mut self.store, plan, period, paths, now(), |_, _| {}, kept)
    }

    /// The month [`PERIOD`] as the store holds it, the refusals of
    /// `outcomes` in its notes.
    pub fn month(&self, outcomes: &[Outcome]) -> collect::Consolidation {
        collect::consolidate(
            &self.store,
            self.plan,
            PERIOD,
            outcomes,
            now(),
            JustSaved::default(),
        )
        .expect("the month is consolidated")
    }

    /// Collects one file and returns what happened to it.
    pub fn collect_one(&mut self, path: &Path) -> Outcome {
        let mut outcomes = self.collect(&[path.to_path_buf()]);
        assert_eq!(outcomes.len(), 1, "one outcome per input");
        outcomes.remove(0)
    }

    /// Every collected row, as text, straight from the database file: what a
    /// refused file must leave as it was.
    pub fn snapshot(&self) -> Vec<String> {
        let conn = rusqlite::Connection::open(&self.db.path).expect("the database file opens");
        let mut stmt = conn
            .prepare(
                "SELECT r.generated_at || '|' || r.data_sha256 || '|' || r.collected_at || '|' ||
                        ct.position || '|' || ct.status || '|' || coalesce(ct.percent, '') || '|' || ct.result
                 FROM collected_report r JOIN collected_task ct ON ct.report_id = r.id
                 ORDER BY r.id, ct.position",
            )
            .expect("schema 2 has the collected tables");
        let rows = stmt
            .query_map([], |r| r.get::<_, String>(0))
            .expect("query")
            .collect::<Result<Vec<_>, _>>()
            .expect("rows");
        rows
    }
}

/// Asserts the outcome's kind, showing its message when it differs.
pub fn assert_kind(outcome: &Outcome, kind: OutcomeKind) {
    assert_eq!(outcome.kind, kind, "{}", outcome.message);
}

/// Runs the openpyxl editor (tests/xlsx_check/edit_workbook.py) on `source`,
/// writing `target`: the way a person changes a workbook in Excel.
pub fn edit(source: &Path, target: &Path, ops: &[&str]) {
    let script = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/xlsx_check/edit_workbook.py"
    );
    run_python(
        Command::new(python())
            .arg(script)
            .arg(source)
            .arg(target)
            .args(ops),
    );
}

/// Makes a hostile file of `kind` (tests/xlsx_check/hostile_files.py) at
/// `target`, from the real workbook `base` where the kind needs one.
pub fn hostile(kind: &str, base: &Path, target: &Path) {
    let script = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/xlsx_check/hostile_files.py"
    );
    run_python(
        Command::new(python())
            .arg(script)
            .arg(kind)
            .arg(base)
            .arg(target),
    );
}

/// Checks the consolidated workbook at `path` with openpyxl
/// (tests/xlsx_check/check_consolidated.py): fonts, print setup, repeated
/// header rows, merged head block, real dates and numbers.
pub fn check_consolidated(path: &Path) {
    let script = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/xlsx_check/check_consolidated.py"
    );
    run_python(Command::new(python()).arg(script).arg(path));
}

/// Checks a task-list workbook the app wrote at `path` with openpyxl
/// (tests/xlsx_check/check_plan_workbook.py): the print profile of every
/// sheet, the repeated header row, the font.
pub fn check_plan_workbook(path: &Path) {
    let script = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/xlsx_check/check_plan_workbook.py"
    );
    run_python(Command::new(python()).arg(script).arg(path));
}

/// Checks an agency's monthly workbook at `path` with openpyxl
/// (tests/xlsx_check/check_month_report.py): fonts, merges, print setup,
/// panes, validations, real dates and numbers.
pub fn check_month_report(path: &Path, signer: Option<&str>) {
    let script = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/xlsx_check/check_month_report.py"
    );
    run_python(Command::new(python()).arg(script).arg(path).args(signer));
}

/// The Python with openpyxl: `CCHC_PYTHON` (scripts/test.sh sets it to its
/// virtual environment), else `python3`.
fn python() -> std::ffi::OsString {
    std::env::var_os("CCHC_PYTHON").unwrap_or_else(|| "python3".into())
}

fn run_python(cmd: &mut Command) {
    let out = cmd
        .output()
        .expect("Python runs (scripts/test.sh installs it with openpyxl; or set CCHC_PYTHON)");
    assert!(
        out.status.success(),
        "the Python helper succeeds:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
