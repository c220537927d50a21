use std::cell::Cell;
use std::rc::Rc;

use cchc::collect::{self, OutcomeKind, StoreAccess};
use cchc::store::Store;

use crate::collect_fixture::{assert_kind, exported_at, AgencyDb, Collector, PERIOD};
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

#[test]
fn a_plan_changed_by_another_command_between_two_files_is_checked_as_it_stands() {
    let agency = AgencyDb::new();
    let dir = tempfile::tempdir().expect("temp folder");
    let sct = agency.export("SCT", PERIOD, exported_at(9), dir.path(), None);
    let snv = agency.export("SNV", PERIOD, exported_at(9), dir.path(), None);
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
    let outcomes =
        collect::collect_files(&mut shared, plan, PERIOD, &[sct, snv], now(), |done, _| {
            after_first.set(done >= 1);
        })
        .expect("a bad file is an outcome, not an error");
    assert!(shared.edit.is_none(), "the plan was edited during the run");
    assert_kind(&outcomes[0], OutcomeKind::Accepted);
    assert_kind(&outcomes[1], OutcomeKind::Rejected);
    assert!(
        outcomes[1].message.contains(&format!(
            "mã nhiệm vụ \"{code}\" không phải một nhiệm vụ của SNV"
        )),
        "{}",
        outcomes[1].message
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
