use cchc::store::migrate::{self, LATEST, MIGRATIONS};
use cchc::store::Store;
use rusqlite::Connection;

use crate::common::{count_rows, temp_db};

#[test]
fn an_empty_file_is_migrated_to_the_latest_schema() {
    let db = temp_db();
    let store = Store::open(&db.path).expect("opens an empty file");
    drop(store);
    let conn = Connection::open(&db.path).expect("reopen");
    assert_eq!(migrate::version(&conn).expect("version"), LATEST);
    let fk: i64 = conn
        .query_row("PRAGMA foreign_key_check", [], |_| Ok(1))
        .unwrap_or(0);
    assert_eq!(
        fk, 0,
        "no foreign key violations after loading the built-in plan"
    );
}

#[test]
fn every_earlier_schema_version_upgrades_to_the_latest() {
    assert_eq!(LATEST as usize, MIGRATIONS.len());
    for start in 0..LATEST {
        let db = temp_db();
        std::fs::create_dir_all(db.path.parent().expect("parent")).expect("folder");
        let mut conn = Connection::open(&db.path).expect("create");
        migrate::migrate_to(&mut conn, start).expect("build the earlier version");
        assert_eq!(migrate::version(&conn).expect("version"), start);
        drop(conn);
        let store =
            Store::open(&db.path).unwrap_or_else(|e| panic!("version {start} upgrades: {e}"));
        assert!(
            !store.plans().expect("plans").is_empty(),
            "upgraded from {start}, the plan is there"
        );
        drop(store);
        let conn = Connection::open(&db.path).expect("reopen");
        assert_eq!(
            migrate::version(&conn).expect("version"),
            LATEST,
            "from version {start}"
        );
    }
}

#[test]
fn a_database_from_a_newer_version_is_refused_untouched() {
    let db = temp_db();
    let store = Store::open(&db.path).expect("create");
    drop(store);
    let conn = Connection::open(&db.path).expect("open");
    conn.pragma_update(None, "user_version", LATEST + 1)
        .expect("pretend a newer app wrote it");
    drop(conn);
    let tasks_before = count_rows(&db.path, "task");
    let err = Store::open(&db.path)
        .err()
        .expect("a newer schema is refused");
    assert!(
        err.to_string().contains("phiên bản mới hơn"),
        "the message says why: {err}"
    );
    let conn = Connection::open(&db.path).expect("open");
    assert_eq!(
        migrate::version(&conn).expect("version"),
        LATEST + 1,
        "the version is not changed"
    );
    assert_eq!(
        count_rows(&db.path, "task"),
        tasks_before,
        "no data is touched"
    );
}

#[test]
fn a_file_that_is_not_a_database_is_refused_with_a_message() {
    let db = temp_db();
    std::fs::create_dir_all(db.path.parent().expect("parent")).expect("folder");
    std::fs::write(&db.path, b"this is a text file, not SQLite, padded to more than one hundred bytes so SQLite reads its header............").expect("write");
    let err = Store::open(&db.path).err().expect("not a database");
    assert!(
        err.to_string().contains("không phải là cơ sở dữ liệu"),
        "Vietnamese message: {err}"
    );
}
