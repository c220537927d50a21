use cchc::db::migrate::{self, LATEST, MIGRATIONS};
use cchc::open::open_store;
use rusqlite::Connection;

use crate::common::{count_rows, temp_db};

#[test]
fn an_empty_file_is_migrated_to_the_latest_schema() {
    let db = temp_db();
    let store = open_store(&db.path, crate::common::now()).expect("opens an empty file");
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
        // Version 0 is a database not made yet: an existing empty (0-byte)
        // file is refused instead (restore_hostile.rs).
        if start > 0 {
            std::fs::create_dir_all(db.path.parent().expect("parent")).expect("folder");
            let mut conn = Connection::open(&db.path).expect("create");
            migrate::migrate_to(&mut conn, start).expect("build the earlier version");
            assert_eq!(migrate::version(&conn).expect("version"), start);
            drop(conn);
        }
        let store = open_store(&db.path, crate::common::now())
            .unwrap_or_else(|e| panic!("version {start} upgrades: {e}"));
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
    let store = open_store(&db.path, crate::common::now()).expect("create");
    drop(store);
    let conn = Connection::open(&db.path).expect("open");
    conn.pragma_update(None, "user_version", LATEST + 1)
        .expect("pretend a newer app wrote it");
    drop(conn);
    let tasks_before = count_rows(&db.path, "task");
    let err = open_store(&db.path, crate::common::now())
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
    let err = open_store(&db.path, crate::common::now())
        .err()
        .expect("not a database");
    assert!(
        err.to_string().contains("không phải là cơ sở dữ liệu"),
        "Vietnamese message: {err}"
    );
}

/// The backups made before upgrades, in the folder beside the database.
fn migration_backups(db: &std::path::Path, version: u32) -> Vec<std::path::PathBuf> {
    let folder = cchc::backup::backups_dir(db);
    let suffix = format!("-before-migration-v{version}.zip");
    std::fs::read_dir(&folder)
        .map(|entries| {
            entries
                .map(|e| e.expect("entry").path())
                .filter(|p| p.to_string_lossy().ends_with(&suffix))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
// The range 1..LATEST is empty while 0001 is the only migration.
#[allow(clippy::reversed_empty_ranges)]
fn every_earlier_schema_version_with_data_is_backed_up_then_upgraded() {
    // Versions 1..LATEST have tables and so can hold data; with one migration
    // there are none yet, and each new migration adds its version here.
    for start in 1..LATEST {
        let db = temp_db();
        std::fs::create_dir_all(db.path.parent().expect("parent")).expect("folder");
        let mut conn = Connection::open(&db.path).expect("create");
        migrate::migrate_to(&mut conn, start).expect("build the earlier version");
        conn.execute(
            "INSERT INTO setting (key, value) VALUES ('officer-note', 'ghi chú của cán bộ')",
            [],
        )
        .expect("data written by the earlier version");
        drop(conn);
        let store = open_store(&db.path, crate::common::now())
            .unwrap_or_else(|e| panic!("version {start} upgrades: {e}"));
        drop(store);
        let conn = Connection::open(&db.path).expect("reopen");
        assert_eq!(migrate::version(&conn).expect("version"), LATEST);
        let note: String = conn
            .query_row(
                "SELECT value FROM setting WHERE key = 'officer-note'",
                [],
                |r| r.get(0),
            )
            .unwrap_or_else(|e| panic!("from version {start}, the data is kept: {e}"));
        assert_eq!(note, "ghi chú của cán bộ");
        let backups = migration_backups(&db.path, start);
        assert_eq!(backups.len(), 1, "from version {start}: one backup first");
        let restored = temp_db();
        let info = cchc::backup::restore_backup(&restored.path, &backups[0], crate::common::now())
            .expect("the backup restores");
        assert_eq!(info.schema_version, start, "it holds the data as it was");
    }
}

#[test]
fn a_failed_upgrade_leaves_the_database_as_it_was_with_a_backup_beside_it() {
    let (db, mut store, plan) = crate::common::open_new();
    let input = cchc::store::ProgressInput {
        agency: "SNV".into(),
        task: "IV.3.1".into(),
        period: "2024-08".into(),
        state: Some(cchc::status::State::Done),
        done_on: Some(crate::common::date(2024, 8, 28)),
        ..Default::default()
    };
    store
        .set_progress(plan, &input, crate::common::now())
        .expect("saved");
    drop(store);
    // An old version number over existing tables: migration 0001 fails midway.
    let conn = Connection::open(&db.path).expect("open");
    conn.pragma_update(None, "user_version", 0)
        .expect("pretend");
    drop(conn);

    let err = open_store(&db.path, crate::common::now())
        .err()
        .expect("the upgrade fails");
    assert!(
        err.to_string().contains("already exists"),
        "the failing statement is reported: {err}"
    );
    let conn = Connection::open(&db.path).expect("open");
    assert_eq!(migrate::version(&conn).expect("version"), 0, "not bumped");
    assert_eq!(count_rows(&db.path, "progress"), 1, "the data is intact");
    let backups = migration_backups(&db.path, 0);
    assert_eq!(backups.len(), 1, "the backup was made before trying");
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&backups[0]).expect("open"))
        .expect("the backup is a ZIP archive");
    let unpacked = db.dir.path().join("unpacked.sqlite3");
    std::io::copy(
        &mut zip.by_name("cchc.sqlite3").expect("it holds the database"),
        &mut std::fs::File::create(&unpacked).expect("create"),
    )
    .expect("unpack");
    assert_eq!(
        count_rows(&unpacked, "progress"),
        1,
        "the backup holds the data as it was before the upgrade"
    );
}
