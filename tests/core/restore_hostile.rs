//! Restore against small hostile archives, foreign databases, leftovers of a
//! crash and write-protected files; and backups that check what they copy.
//! Every refusal leaves every file of the data folder as it was.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use cchc::backup::{self, auto_backup, create_backup, restore_backup, KEEP_AUTO};
use cchc::open::open_store;
use cchc::Error;

use crate::common::{
    add_evidence_file, iv31_progress, now, open_new, snapshot_files, temp_db, TempDb,
};

/// A database with one progress entry and one evidence file, and its backup.
fn backed_up() -> (TempDb, PathBuf) {
    let (db, mut store, plan) = open_new();
    store
        .set_progress(plan, &iv31_progress("Đã trình Tờ trình 1494"), now())
        .expect("saved");
    add_evidence_file(&db, &mut store, plan, "tờ trình.pdf", b"%PDF original");
    drop(store);
    let out = db.dir.path().join("sao-luu.zip");
    create_backup(&db.path, &out, now()).expect("backup written");
    (db, out)
}

/// Runs tests/xlsx_check/hostile_backups.py.
fn hostile_backup(kind: &str, base: &Path, out: &Path) {
    let script = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/xlsx_check/hostile_backups.py"
    );
    let python = std::env::var_os("CCHC_PYTHON").unwrap_or_else(|| "python3".into());
    let made = Command::new(python)
        .arg(script)
        .arg(kind)
        .arg(base)
        .arg(out)
        .output()
        .expect("python runs");
    assert!(
        made.status.success(),
        "{kind} is made: {}",
        String::from_utf8_lossy(&made.stderr)
    );
}

/// Restoring `archive` with the command line fails in seconds as a bad
/// backup saying `why`, and changes no file of the data folder.
fn assert_refused_fast(db: &TempDb, archive: &Path, why: &str) {
    let folder = db.path.parent().expect("folder");
    let before = snapshot_files(folder);
    let started = Instant::now();
    let out = crate::cli::cchc(db, &["restore", archive.to_str().expect("utf-8")]);
    let took = started.elapsed();
    let stderr = crate::cli::stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{why}: {stderr}");
    assert!(
        stderr.contains("Không khôi phục được") && stderr.contains(why),
        "{why}: {stderr}"
    );
    assert!(took < Duration::from_secs(10), "{why}: refused in {took:?}");
    assert_eq!(snapshot_files(folder), before, "{why}: no file changed");
}

#[test]
fn small_hostile_archives_are_refused_in_seconds_before_anything_is_unpacked() {
    let (db, archive) = backed_up();
    // The first command of the day makes its automatic backup: do it now, so
    // the folder is compared as it will stay.
    assert!(crate::cli::cchc(&db, &["agencies"]).status.success());
    let work = tempfile::tempdir().expect("folder for the archives");
    for (kind, why) in [
        (
            "manifest-spaces",
            "phần mô tả (manifest.json) lớn bất thường",
        ),
        ("database-zeros", "tỷ lệ nén bất thường"),
        ("database-lying", "cơ sở dữ liệu trong tệp nén"),
        ("evidence-zeros", "tỷ lệ nén bất thường"),
        ("many-files", "100001 tệp tài liệu (tối đa 50000)"),
        ("missing-files", "thiếu tệp tài liệu"),
        ("duplicate-files", "hai lần"),
    ] {
        let hostile = work.path().join(format!("{kind}.zip"));
        hostile_backup(kind, &archive, &hostile);
        assert!(
            std::fs::metadata(&hostile).expect("made").len() < 8 * 1024 * 1024,
            "{kind} is a small file"
        );
        assert_refused_fast(&db, &hostile, why);
        std::fs::remove_file(&hostile).expect("cleaned");
    }
}

/// `archive` with its database replaced by the file at `replacement`, the
/// manifest's hash and size made to match it.
fn with_database(archive: &Path, replacement: &Path, out: &Path) {
    use std::io::{Read, Write};
    let bytes = std::fs::read(replacement).expect("read the replacement");
    let sha: String = {
        use sha2::Digest;
        sha2::Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    };
    let mut zip = zip::ZipArchive::new(std::fs::File::open(archive).expect("open")).expect("zip");
    let mut writer = zip::ZipWriter::new(std::fs::File::create(out).expect("create"));
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).expect("entry");
        let name = entry.name().expect("name").to_string();
        let mut data = Vec::new();
        entry.read_to_end(&mut data).expect("read");
        let data = match name.as_str() {
            "cchc.sqlite3" => bytes.clone(),
            "manifest.json" => {
                let mut m: serde_json::Value = serde_json::from_slice(&data).expect("json");
                m["database"] = serde_json::json!({"sha256": sha, "size": bytes.len()});
                serde_json::to_vec(&m).expect("json")
            }
            _ => data,
        };
        writer
            .start_file(name, zip::write::SimpleFileOptions::default())
            .expect("start");
        writer.write_all(&data).expect("write");
    }
    writer.finish().expect("finish");
}

#[test]
fn a_database_of_another_program_or_schema_is_refused_and_nothing_changes() {
    let (db, archive) = backed_up();
    let work = tempfile::tempdir().expect("folder");
    let latest = cchc::db::migrate::LATEST;
    let cases: [(&str, String); 3] = [
        (
            "another program's database",
            format!(
                "CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT);
                 INSERT INTO note (body) VALUES ('hello');
                 PRAGMA user_version = {latest};"
            ),
        ),
        ("an extra table", "CREATE TABLE extra (x);".into()),
        ("a missing table", "DROP TABLE collected_task;".into()),
    ];
    for (i, (what, sql)) in cases.iter().enumerate() {
        let file = work.path().join(format!("db-{i}.sqlite3"));
        if i == 0 {
            let conn = rusqlite::Connection::open(&file).expect("open");
            conn.execute_batch(sql).expect("a foreign schema");
        } else {
            let mut zip =
                zip::ZipArchive::new(std::fs::File::open(&archive).expect("open")).expect("zip");
            let mut entry = zip.by_name("cchc.sqlite3").expect("db");
            let mut out = std::fs::File::create(&file).expect("create");
            std::io::copy(&mut entry, &mut out).expect("copy");
            drop(out);
            let conn = rusqlite::Connection::open(&file).expect("open");
            conn.execute_batch(sql).expect("the schema changed");
        }
        let forged = work.path().join(format!("forged-{i}.zip"));
        with_database(&archive, &file, &forged);
        let folder = db.path.parent().expect("folder");
        let before = snapshot_files(folder);
        let err = restore_backup(&db.path, &forged, now()).expect_err(what);
        assert!(matches!(err, Error::BadBackup { .. }), "{what}: {err}");
        assert!(
            err.to_string().contains("không phải của ứng dụng cchc"),
            "{what}: {err}"
        );
        assert_eq!(snapshot_files(folder), before, "{what}: nothing changed");
    }
    let store = open_store(&db.path, now()).expect("the current data still opens");
    assert!(store.current_plan().is_ok());
}

/// Sets the modification time of a file or folder to an hour ago.
fn age(path: &Path) {
    let hour_ago = std::time::SystemTime::now() - Duration::from_secs(3600);
    std::fs::File::open(path)
        .and_then(|f| f.set_modified(hour_ago))
        .expect("the time is set");
}

#[test]
fn a_staging_folder_left_by_a_killed_restore_is_removed_at_the_next_start() {
    let (db, store, _) = open_new();
    drop(store);
    let folder = db.path.parent().expect("folder").to_path_buf();
    let stale = folder.join(".cchc-restore-AbC123");
    std::fs::create_dir(&stale).expect("staging");
    std::fs::write(stale.join("cchc.sqlite3"), vec![0u8; 1 << 20]).expect("half unpacked");
    age(&stale);
    let running = folder.join(".cchc-restore-XyZ789");
    std::fs::create_dir(&running).expect("a restore running now");
    let part = backup::backups_dir(&db.path).join(".cchc-backup-q1w2.part");
    std::fs::create_dir_all(part.parent().expect("backups")).expect("backups");
    std::fs::write(&part, b"half an archive").expect("write");
    age(&part);

    drop(open_store(&db.path, now()).expect("the next start"));
    assert!(!stale.exists(), "the old staging folder is removed");
    assert!(!part.exists(), "the unfinished archive is removed");
    assert!(
        running.exists(),
        "a fresh one may belong to a running restore"
    );

    let elsewhere = tempfile::tempdir().expect("folder");
    let archive = elsewhere.path().join("b.zip");
    create_backup(&db.path, &archive, now()).expect("backup");
    restore_backup(&db.path, &archive, now()).expect("restored");
    assert!(
        !running.exists(),
        "a restore has the folder to itself and removes every leftover"
    );
}

#[cfg(unix)]
#[test]
fn a_restore_onto_a_write_protected_database_says_so_in_vietnamese() {
    use std::os::unix::fs::PermissionsExt;
    let (db, archive) = backed_up();
    std::fs::set_permissions(&db.path, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    let before = snapshot_files(db.path.parent().expect("folder"));
    let err = restore_backup(&db.path, &archive, now()).expect_err("write-protected");
    let message = err.to_string();
    assert!(
        message.contains("chỉ cho phép đọc") && !message.contains("I/O"),
        "{message}"
    );
    assert_eq!(snapshot_files(db.path.parent().expect("folder")), before);
}

#[test]
fn an_empty_database_file_is_named_and_kept_not_silently_replaced() {
    let db = temp_db();
    std::fs::create_dir_all(db.path.parent().expect("folder")).expect("folder");
    std::fs::write(&db.path, b"").expect("a file emptied by a crash");
    let err = open_store(&db.path, now()).err().expect("refused");
    assert!(err.to_string().contains("rỗng (0 byte)"), "{err}");
    assert_eq!(std::fs::metadata(&db.path).expect("kept").len(), 0);
    let out = crate::cli::cchc(&db, &["agencies"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = crate::cli::stderr(&out);
    assert!(
        stderr.contains("rỗng") && stderr.contains("khôi phục"),
        "{stderr}"
    );
    assert_eq!(std::fs::metadata(&db.path).expect("kept").len(), 0);
}

#[cfg(unix)]
#[test]
fn a_write_protected_database_is_read_without_leaving_write_protected_side_files() {
    use std::os::unix::fs::PermissionsExt;
    let (db, store, plan) = open_new();
    drop(store);
    let side = |suffix: &str| {
        let mut name = db.path.as_os_str().to_os_string();
        name.push(suffix);
        PathBuf::from(name)
    };
    std::fs::set_permissions(&db.path, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    let store = open_store(&db.path, now()).expect("opens for reading");
    assert!(store.is_read_only());
    assert!(store.agencies(plan).is_ok(), "reading works");
    drop(store);
    for suffix in ["-wal", "-shm"] {
        assert!(!side(suffix).exists(), "no {suffix} is made beside it");
    }

    std::fs::set_permissions(&db.path, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    for suffix in ["-wal", "-shm"] {
        std::fs::write(side(suffix), b"").expect("a side file");
        std::fs::set_permissions(side(suffix), std::fs::Permissions::from_mode(0o444))
            .expect("left write-protected by an older version");
    }
    let mut store = open_store(&db.path, now()).expect("opens");
    assert!(!store.is_read_only());
    store
        .set_progress(plan, &iv31_progress("lưu được"), now())
        .expect("saves work");
    for suffix in ["-wal", "-shm"] {
        if let Ok(meta) = std::fs::metadata(side(suffix)) {
            assert!(!meta.permissions().readonly(), "{suffix} is writable again");
        }
    }
}

/// Overwrites 4 KB in the middle of the database file.
fn damage(db: &Path) {
    let mut bytes = std::fs::read(db).expect("read");
    let mid = bytes.len() / 2 / 4096 * 4096;
    for b in &mut bytes[mid..mid + 4096] {
        *b = 0x5a;
    }
    std::fs::write(db, &bytes).expect("the disk damages a page");
}

#[test]
fn a_damaged_database_is_never_backed_up_and_the_rotation_keeps_every_good_backup() {
    let (db, store, _) = open_new();
    drop(store);
    for day in 0..KEEP_AUTO as i64 {
        auto_backup(&db.path, now() + chrono::Duration::days(day))
            .expect("a good day")
            .expect("made");
    }
    damage(&db.path);
    let out = db.dir.path().join("hong.zip");
    let err = create_backup(&db.path, &out, now()).expect_err("a damaged database");
    let message = err.to_string();
    assert!(
        message.contains("hỏng") && message.contains("khôi phục bản sao lưu"),
        "the officer is told what to do: {message}"
    );
    assert!(!out.exists(), "no archive that restore would refuse");
    for day in KEEP_AUTO as i64..KEEP_AUTO as i64 + 10 {
        assert!(auto_backup(&db.path, now() + chrono::Duration::days(day)).is_err());
    }
    let autos = std::fs::read_dir(backup::backups_dir(&db.path))
        .expect("list")
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.file_name().to_string_lossy().ends_with("-auto.zip"))
        })
        .count();
    assert_eq!(autos, KEEP_AUTO, "every good backup is still there");
    let newest = backup::backups_dir(&db.path).join(backup::backup_name(
        now() + chrono::Duration::days(KEEP_AUTO as i64 - 1),
        "auto",
    ));
    let other = temp_db();
    restore_backup(&other.path, &newest, now()).expect("the last good backup restores");
}

#[test]
fn sqlite_errors_about_damage_reach_the_officer_in_vietnamese_with_what_to_do() {
    let (db, mut store, plan) = open_new();
    for month in 1..=9 {
        let mut entry = iv31_progress(&"Kết quả ".repeat(200));
        entry.period = format!("2024-{month:02}");
        store.set_progress(plan, &entry, now()).expect("saved");
    }
    drop(store);
    let mut bytes = std::fs::read(&db.path).expect("read");
    for b in bytes[8192..].iter_mut().step_by(7) {
        *b = 0xa5;
    }
    std::fs::write(&db.path, &bytes).expect("damaged");
    let out = crate::cli::cchc(
        &db,
        &[
            "export", "--agency", "SNV", "--period", "2024-09", "--signer", "An",
        ],
    );
    let stderr = crate::cli::stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(!stderr.contains("malformed"), "no English: {stderr}");
    assert!(stderr.contains("khôi phục"), "says what to do: {stderr}");
}
