use std::cell::Cell;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use cchc::collect::{self, OutcomeKind, StoreAccess};
use cchc::status::State;
use cchc::store::{JustSaved, Store};

use crate::collect_fixture::{assert_kind, edit, exported_at, AgencyDb, Collector, PERIOD};
use crate::common::{now, open_new};

/// Another command's change to the store.
type Edit = Box<dyn FnOnce(&mut Store)>;

/// The store as the desktop app lends it to a run: between two files another
/// command may use it; here, once `edit_now` is set, `edit` runs first.
struct SharedStore<'a> {
    store: &'a mut Store,
    edit_now: Rc<Cell<bool>>,
    edit: Option<Edit>,
}

impl StoreAccess for SharedStore<'_> {
    fn with_store<T>(&mut self, f: impl FnOnce(&mut Store) -> cchc::Result<T>) -> cchc::Result<T> {
        if self.edit_now.get() {
            if let Some(edit) = self.edit.take() {
                edit(self.store);
            }
        }
        f(self.store)
    }
}

/// `count` copies of `file` in `dir`, named `copy-N.xlsx`.
fn copies(file: &Path, dir: &Path, count: usize) -> Vec<PathBuf> {
    (1..=count)
        .map(|n| {
            let copy = dir.join(format!("copy-{n}.xlsx"));
            std::fs::copy(file, &copy).expect("a copy of the workbook");
            copy
        })
        .collect()
}

#[test]
fn a_plan_changed_by_another_command_between_two_batches_is_checked_as_it_stands() {
    let agency = AgencyDb::new();
    let dir = tempfile::tempdir().expect("temp folder");
    let sct = agency.export("SCT", PERIOD, exported_at(9), dir.path(), None);
    let snv = agency.export("SNV", PERIOD, exported_at(9), dir.path(), None);
    // A first batch of SCT's workbook (the same one again and again), then SNV's.
    let mut files = copies(&sct, dir.path(), collect::FILES_PER_SAVE);
    files.push(snv);
    let mut collector = Collector::new();
    let plan = collector.plan;
    let mut data = collector.store.plan_data(plan).expect("the plan");
    let task = data
        .tasks
        .iter_mut()
        .find(|t| t.lead == "SNV" && t.partners.is_empty())
        .expect("a task SNV leads alone");
    let code = task.code.clone();
    task.lead = "SCT".into();
    let after_first = Rc::new(Cell::new(false));
    let mut shared = SharedStore {
        store: &mut collector.store,
        edit_now: Rc::clone(&after_first),
        edit: Some(Box::new(move |store: &mut Store| {
            store
                .save_plan(plan, &data, PERIOD)
                .expect("the plan editor saves the task under SCT");
        })),
    };
    let outcomes = collect::collect_files(
        &mut shared,
        plan,
        PERIOD,
        &files,
        now(),
        |done, _| {
            after_first.set(done >= 1);
        },
        None,
    )
    .expect("a bad file is an outcome, not an error");
    assert!(shared.edit.is_none(), "the plan was edited during the run");
    assert_kind(&outcomes[0], OutcomeKind::Accepted);
    for copy in &outcomes[1..collect::FILES_PER_SAVE] {
        assert_kind(copy, OutcomeKind::Unchanged);
    }
    let last = &outcomes[collect::FILES_PER_SAVE];
    assert_kind(last, OutcomeKind::Rejected);
    assert!(
        last.message.contains(&format!(
            "mã nhiệm vụ \"{code}\" không phải một nhiệm vụ của SNV"
        )),
        "{}",
        last.message
    );
}

#[test]
fn a_save_failing_in_a_batch_keeps_the_earlier_batches_and_nothing_of_its_own() {
    let agency = AgencyDb::new();
    let dir = tempfile::tempdir().expect("temp folder");
    let sct = agency.export("SCT", PERIOD, exported_at(9), dir.path(), None);
    let snv = agency.export("SNV", PERIOD, exported_at(9), dir.path(), None);
    let stc = agency.export("STC", PERIOD, exported_at(9), dir.path(), None);
    // A first batch of SNV's workbook, then SCT's and STC's.
    let mut files = copies(&snv, dir.path(), collect::FILES_PER_SAVE);
    files.extend([sct, stc]);
    let mut collector = Collector::new();
    // Saving STC's report fails as a full disk would, inside the second batch.
    let other = rusqlite::Connection::open(&collector.db.path).expect("a second connection");
    other
        .execute_batch(
            "CREATE TRIGGER refuse_stc BEFORE INSERT ON collected_report
             WHEN NEW.agency_id = (SELECT id FROM agency WHERE code = 'STC')
             BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;",
        )
        .expect("the trigger");
    let plan = collector.plan;
    let failed = collector.run(PERIOD, &files, None);
    assert!(failed.is_err(), "the failed save stops the run: {failed:?}");
    let saved = |store: &Store| -> Vec<String> {
        let mut codes: Vec<String> = store
            .collected_reports(plan, PERIOD)
            .expect("the collected reports")
            .into_iter()
            .map(|r| r.agency_code)
            .collect();
        codes.sort();
        codes
    };
    assert_eq!(
        saved(&collector.store),
        ["SNV"],
        "the first batch is saved; nothing of the second, not even SCT's report saved before"
    );
    other
        .execute_batch("DROP TRIGGER refuse_stc")
        .expect("the trigger removed");
    let outcomes = collector.collect(&files);
    assert_kind(&outcomes[collect::FILES_PER_SAVE], OutcomeKind::Accepted);
    assert_kind(
        &outcomes[collect::FILES_PER_SAVE + 1],
        OutcomeKind::Accepted,
    );
    assert_eq!(
        saved(&collector.store),
        ["SCT", "SNV", "STC"],
        "the store saves again"
    );
}

#[test]
fn the_stamp_changes_with_a_write_here_or_elsewhere_and_not_with_a_read() {
    let (db, mut store, plan) = open_new();
    let first = store.stamp().expect("stamp");
    store.plans().expect("a read");
    store.duties(plan).expect("another read");
    assert_eq!(
        store.stamp().expect("stamp"),
        first,
        "reading changes nothing"
    );
    store
        .set_setting("signer", "Nguyễn Văn A")
        .expect("a write");
    let written = store.stamp().expect("stamp");
    assert_ne!(written, first, "a write through the store");
    let other = rusqlite::Connection::open(&db.path).expect("a second connection");
    other
        .execute(
            "UPDATE plan SET name = name || ' (sửa)' WHERE id = ?1",
            [plan],
        )
        .expect("a write elsewhere");
    assert_ne!(
        store.stamp().expect("stamp"),
        written,
        "a commit by another connection"
    );
    let again = cchc::open::open_store(&db.path, now()).expect("opened again");
    assert_ne!(
        again.stamp().expect("stamp"),
        store.stamp().expect("stamp"),
        "another opening of the same file"
    );
}

#[test]
fn a_month_collected_in_one_run_is_the_month_the_store_gives_back() {
    let mut agency = AgencyDb::new();
    let dir = tempfile::tempdir().expect("temp folder");
    let snv = agency.export("SNV", PERIOD, exported_at(9), dir.path(), None);
    let sct = agency.export("SCT", PERIOD, exported_at(9), dir.path(), None);
    let sct_older = agency.export("SCT", PERIOD, exported_at(8), dir.path(), Some("cu.xlsx"));
    // The same export of SNV's, changed by hand in Excel: its data differs
    // from the declared hash, and from the first file's.
    let snv_edited = dir.path().join("BC-CCHC-SNV-2024-09-sua.xlsx");
    edit(
        &snv,
        &snv_edited,
        &["set", "Nhiệm vụ", "M6", "Đã họp triển khai ngày 10/9"],
    );
    agency.record(
        "STC",
        "II.1.1",
        State::InProgress,
        Some(20),
        "Đang xây dựng dự thảo",
    );
    let stc = agency.export("STC", PERIOD, exported_at(10), dir.path(), None);
    let refused = dir.path().join("hong.xlsx");
    std::fs::write(&refused, b"not a workbook").expect("a broken file");
    let files = [snv, sct, snv_edited, sct_older, stc, refused];
    let mut collector = Collector::new();
    let plan = collector.plan;
    let mut saved = JustSaved::default();
    let outcomes = collector
        .run(PERIOD, &files, Some(&mut saved))
        .expect("the run");
    let kinds: Vec<OutcomeKind> = outcomes.iter().map(|o| o.kind).collect();
    assert_eq!(
        kinds,
        [
            OutcomeKind::Accepted,
            OutcomeKind::Accepted,
            OutcomeKind::Replaced,
            OutcomeKind::Older,
            OutcomeKind::Accepted,
            OutcomeKind::Rejected,
        ],
        "{outcomes:?}"
    );
    let store = &collector.store;
    let month = collect::consolidate(store, plan, PERIOD, &outcomes, now(), saved)
        .expect("the month from the rows kept");
    let from_store =
        collect::consolidate(store, plan, PERIOD, &outcomes, now(), JustSaved::default())
            .expect("the month from the store");
    assert_eq!(
        month, from_store,
        "the rows kept are those the store gives back"
    );
    let snv_rows: Vec<&str> = month
        .tasks
        .iter()
        .filter(|t| t.agency_code == "SNV")
        .map(|t| t.task.result.as_str())
        .collect();
    assert_eq!(
        snv_rows.first().copied(),
        Some("Đã họp triển khai ngày 10/9"),
        "the file saved last for an agency is its report"
    );
    assert!(month.tasks.iter().any(|t| t.agency_code == "STC"));
}

#[test]
fn rows_kept_from_a_run_stand_in_for_the_stored_ones_only_for_the_same_data() {
    let agency = AgencyDb::new();
    let dir = tempfile::tempdir().expect("temp folder");
    let snv = agency.export("SNV", PERIOD, exported_at(9), dir.path(), None);
    let mut collector = Collector::new();
    assert_kind(&collector.collect_one(&snv), OutcomeKind::Accepted);
    let plan = collector.plan;
    let conn = rusqlite::Connection::open(&collector.db.path).expect("open");
    let hash: String = conn
        .query_row("SELECT data_sha256 FROM collected_report", [], |r| r.get(0))
        .expect("the stored report's data hash");
    let reports = |saved: JustSaved| {
        collector
            .store
            .collected_reports_reusing(plan, PERIOD, saved)
            .expect("the collected reports")
    };
    let stored = reports(JustSaved::default()).remove(0).tasks;
    let mut marked = stored.clone();
    marked[0].result = "kept from the run".into();
    let kept = |hash: &str| {
        let mut saved = JustSaved::default();
        saved.keep("SNV".into(), hash.into(), marked.clone());
        saved
    };
    assert_eq!(
        reports(kept(&hash)).remove(0).tasks,
        marked,
        "the same data: taken as kept"
    );
    assert_eq!(
        reports(kept("another file's hash")).remove(0).tasks,
        stored,
        "other data: read from the store"
    );
    let mut other_agency = JustSaved::default();
    other_agency.keep("SCT".into(), hash, marked.clone());
    assert_eq!(
        reports(other_agency).remove(0).tasks,
        stored,
        "another agency's rows: not taken"
    );
}
