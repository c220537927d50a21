use cchc::open::open_store;
use std::io::{Read, Write};
use std::path::Path;

use cchc::backup::{self, auto_backup, create_backup, restore_backup, KEEP_AUTO};
use cchc::store::Store;
use cchc::Error;
use chrono::Duration;

use crate::common::{
    add_evidence_file, iv31_progress, iv31_result, now, open_new, snapshot_files, temp_db, TempDb,
};

/// A database with one progress entry and one evidence file, and a backup of it.
fn backed_up() -> (TempDb, String, std::path::PathBuf) {
    let (db, mut store, plan) = open_new();
    store
        .set_progress(plan, &iv31_progress("Đã trình Tờ trình 1494"), now())
        .expect("saved");
    let sha = add_evidence_file(&db, &mut store, plan, "tờ trình.pdf", b"%PDF original");
    drop(store);
    let out = db.dir.path().join("sao-luu.zip");
    let info = create_backup(&db.path, &out, now()).expect("backup written");
    assert_eq!(info.evidence_files, 1, "the attached file is bundled");
    assert!(info.missing_files.is_empty());
    (db, sha, out)
}

#[test]
fn a_restore_brings_back_the_records_and_evidence_files_of_the_backup() {
    let (db, sha, archive) = backed_up();
    let (mut store, plan) = reopen(&db.path);
    store
        .set_progress(plan, &iv31_progress("Ghi đè sau khi sao lưu"), now())
        .expect("saved");
    add_evidence_file(&db, &mut store, plan, "khác.pdf", b"%PDF later");
    let evidence_file = store.evidence_path(&sha);
    drop(store);
    std::fs::remove_file(&evidence_file).expect("the stored file is lost");

    let info = restore_backup(&db.path, &archive, now()).expect("restored");
    assert_eq!(info.evidence_files, 1);
    let (store, plan) = reopen(&db.path);
    assert_eq!(
        iv31_result(&store, plan),
        "Đã trình Tờ trình 1494",
        "the backup's entry is back"
    );
    assert_eq!(
        store.evidence(plan, "SNV").expect("list").len(),
        1,
        "the evidence added after the backup is not in it"
    );
    assert_eq!(
        std::fs::read(&evidence_file).expect("the lost file is back"),
        b"%PDF original"
    );
    drop(store);

    let replaced = info.replaced_backup.expect("the replaced data was kept");
    assert!(replaced.starts_with(backup::backups_dir(&db.path)));
    restore_backup(&db.path, &replaced, now()).expect("the replaced data restores too");
    let (store, plan) = reopen(&db.path);
    assert_eq!(
        iv31_result(&store, plan),
        "Ghi đè sau khi sao lưu",
        "the data replaced by the first restore comes back from its own backup"
    );
    assert_eq!(store.evidence(plan, "SNV").expect("list").len(), 2);
}

#[test]
fn a_backup_restores_into_an_empty_folder_on_another_machine() {
    let (_db, sha, archive) = backed_up();
    let other = temp_db();
    let info = restore_backup(&other.path, &archive, now()).expect("restored");
    assert_eq!(info.replaced_backup, None, "there was nothing to replace");
    let (store, plan) = reopen(&other.path);
    assert_eq!(iv31_result(&store, plan), "Đã trình Tờ trình 1494");
    assert_eq!(
        std::fs::read(store.evidence_path(&sha)).expect("file restored"),
        b"%PDF original"
    );
}

#[test]
fn a_backup_lists_a_lost_evidence_file_and_still_restores() {
    let (db, sha) = with_lost_file("mất.pdf");
    let out = db.dir.path().join("b.zip");
    let info = create_backup(&db.path, &out, now()).expect("backup written anyway");
    assert_eq!(info.missing_files, vec![sha], "the lost file is named");
    let other = temp_db();
    restore_backup(&other.path, &out, now()).expect("a known-missing file does not block");
}

/// Rewrites an archive entry by entry; `edit` may change or drop each.
fn rewrite(from: &Path, to: &Path, edit: impl Fn(&str, Vec<u8>) -> Option<Vec<u8>>) {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(from).expect("open")).expect("zip");
    let mut out = zip::ZipWriter::new(std::fs::File::create(to).expect("create"));
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).expect("entry");
        let name = entry.name().expect("entry name").to_string();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).expect("read entry");
        if let Some(bytes) = edit(&name, bytes) {
            out.start_file(name, zip::write::SimpleFileOptions::default())
                .expect("start");
            out.write_all(&bytes).expect("write");
        }
    }
    out.finish().expect("finish");
}

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Restoring `archive` fails as a bad backup and changes no file of the folder.
fn assert_refused_untouched(db: &TempDb, archive: &Path, why: &str) {
    let folder = db.path.parent().expect("folder");
    let before = snapshot_files(folder);
    let err = restore_backup(&db.path, archive, now()).expect_err(why);
    assert!(
        matches!(err, Error::BadBackup { .. }),
        "{why}: refused as a bad backup, got {err}"
    );
    assert!(
        err.to_string().contains("không bị thay đổi"),
        "the message says nothing changed: {err}"
    );
    assert_eq!(snapshot_files(folder), before, "{why}: no file changed");
}

#[test]
fn a_damaged_or_foreign_archive_is_refused_and_nothing_changes() {
    let (db, sha, archive) = backed_up();
    let dir = db.dir.path();
    let bytes = std::fs::read(&archive).expect("read archive");

    let truncated = dir.join("truncated.zip");
    std::fs::write(&truncated, &bytes[..bytes.len() / 2]).expect("write");
    assert_refused_untouched(&db, &truncated, "a truncated archive");

    let workbook = dir.join("ke-hoach.xlsx");
    let (store, plan) = reopen(&db.path);
    cchc::plan_workbook::write_plan_workbook(&store.plan_data(plan).expect("plan"), &workbook)
        .expect("a workbook is a ZIP file too");
    drop(store);
    assert_refused_untouched(&db, &workbook, "a ZIP file that is not a backup");

    let changed_file = dir.join("changed-file.zip");
    rewrite(&archive, &changed_file, |name, bytes| {
        Some(if name.starts_with("evidence/") {
            b"%PDF tampered".to_vec()
        } else {
            bytes
        })
    });
    assert_refused_untouched(&db, &changed_file, "an evidence file that fails its hash");

    let no_file = dir.join("no-file.zip");
    rewrite(&archive, &no_file, |name, bytes| {
        if name.starts_with("evidence/") {
            None
        } else if name == "manifest.json" {
            let text = String::from_utf8(bytes).expect("utf-8");
            let mut m: serde_json::Value = serde_json::from_str(&text).expect("json");
            m["files"] = serde_json::json!([]);
            Some(serde_json::to_vec(&m).expect("json"))
        } else {
            Some(bytes)
        }
    });
    assert_refused_untouched(&db, &no_file, "an archive without a file its records need");

    let newer = dir.join("newer.zip");
    rewrite(&archive, &newer, |name, bytes| {
        if name != "manifest.json" {
            return Some(bytes);
        }
        let mut m: serde_json::Value = serde_json::from_slice(&bytes).expect("json");
        m["schema_version"] = serde_json::json!(cchc::db::migrate::LATEST + 1);
        Some(serde_json::to_vec(&m).expect("json"))
    });
    assert_refused_untouched(&db, &newer, "a backup from a newer version");

    let corrupt = dir.join("corrupt-db.zip");
    rewrite(&archive, &corrupt, |name, mut bytes| {
        if name == "cchc.sqlite3" {
            // Scribble over the middle of the b-tree pages.
            let mid = bytes.len() / 2;
            for b in &mut bytes[mid..mid + 8192] {
                *b = 0x5a;
            }
            return Some(bytes);
        }
        Some(bytes)
    });
    assert_refused_untouched(&db, &corrupt, "a database that fails its hash");

    let corrupt_rehashed = dir.join("corrupt-db-rehashed.zip");
    let damaged_db = {
        let mut zip =
            zip::ZipArchive::new(std::fs::File::open(&corrupt).expect("open")).expect("zip");
        let mut entry = zip.by_name("cchc.sqlite3").expect("db entry");
        let mut v = Vec::new();
        entry.read_to_end(&mut v).expect("read");
        v
    };
    rewrite(&corrupt, &corrupt_rehashed, |name, bytes| {
        if name != "manifest.json" {
            return Some(bytes);
        }
        let mut m: serde_json::Value = serde_json::from_slice(&bytes).expect("json");
        m["database"]["sha256"] = serde_json::json!(sha256_hex(&damaged_db));
        Some(serde_json::to_vec(&m).expect("json"))
    });
    assert_refused_untouched(
        &db,
        &corrupt_rehashed,
        "a damaged database with a matching manifest fails integrity_check",
    );

    let (store, _) = reopen(&db.path);
    assert!(
        store.evidence_path(&sha).exists(),
        "the current evidence file is still there"
    );
}

#[test]
fn the_automatic_backup_runs_once_a_day_and_keeps_the_last_thirty() {
    let (db, store, _) = open_new();
    drop(store);
    let folder = backup::backups_dir(&db.path);
    std::fs::create_dir_all(&folder).expect("folder");
    let kept = folder.join(backup::backup_name(now(), "before-restore"));
    std::fs::write(&kept, b"a backup of replaced data").expect("write");
    let days = KEEP_AUTO as i64 + 5;
    for day in 0..days {
        let morning = now() + Duration::days(day);
        assert!(
            auto_backup(&db.path, morning).expect("auto").is_some(),
            "day {day}: the first start of the day backs up"
        );
        assert!(
            auto_backup(&db.path, morning + Duration::hours(8))
                .expect("auto")
                .is_none(),
            "day {day}: a second start the same day does not"
        );
    }
    let mut autos: Vec<String> = std::fs::read_dir(&folder)
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with("-auto.zip"))
        .collect();
    autos.sort();
    assert_eq!(autos.len(), KEEP_AUTO, "only the newest thirty are kept");
    assert_eq!(
        autos[0],
        backup::backup_name(now() + Duration::days(5), "auto"),
        "the five oldest were deleted"
    );
    assert!(kept.exists(), "rotation never deletes other backups");
}

#[test]
fn an_automatic_backup_without_a_database_does_nothing() {
    let db = temp_db();
    assert_eq!(auto_backup(&db.path, now()).expect("no error"), None);
    assert!(!backup::backups_dir(&db.path).exists());
}

/// A database with one evidence document whose stored file was then lost.
fn with_lost_file(name: &str) -> (TempDb, String) {
    let (db, mut store, plan) = open_new();
    let sha = add_evidence_file(&db, &mut store, plan, name, name.as_bytes());
    std::fs::remove_file(store.evidence_path(&sha)).expect("lost");
    (db, sha)
}

fn reopen(path: &Path) -> (Store, i64) {
    let store = open_store(path, crate::common::now()).expect("reopens");
    let plan = store.current_plan().expect("plan");
    (store, plan)
}

#[test]
fn the_command_line_backs_up_verifies_and_restores() {
    let db = temp_db();
    let cchc = |args: &[&str]| crate::cli::cchc(&db, args);
    let out = cchc(&["fields"]);
    assert!(out.status.success());
    let autos = std::fs::read_dir(backup::backups_dir(&db.path))
        .expect("the first command of the day made the backups folder")
        .count();
    assert_eq!(autos, 1, "one automatic backup for the day");

    let archive = db.dir.path().join("sao-luu.zip");
    let archive_arg = archive.to_str().expect("utf-8 path");
    let out = cchc(&["backup", "--out", archive_arg]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("Đã sao lưu"));

    let out = cchc(&["verify"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("đều tốt"));

    let out = cchc(&["restore", archive_arg]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("Dữ liệu cũ được giữ ở"));

    let bogus = db.dir.path().join("khong-phai.zip");
    std::fs::write(&bogus, b"not an archive").expect("write");
    let before = std::fs::read(&db.path).expect("read db");
    let out = cchc(&["restore", bogus.to_str().expect("utf-8 path")]);
    assert_eq!(out.status.code(), Some(1), "a wrong file is a wrong value");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("Không khôi phục được"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        std::fs::read(&db.path).expect("read db"),
        before,
        "nothing changed"
    );
}

#[test]
fn the_command_line_verify_names_a_lost_file_and_exits_with_one() {
    let (db, _) = with_lost_file("Kế hoạch 187.pdf");
    let out = crate::cli::cchc(&db, &["verify"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("Mất tệp: \"Kế hoạch 187.pdf\""),
        "the file is named: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("1 vấn đề"));
}

#[test]
fn a_damaged_database_is_replaced_by_its_backup_and_kept_as_it_was() {
    let (db, _, archive) = backed_up();
    let mut bytes = std::fs::read(&db.path).expect("read");
    for b in bytes[4096..].iter_mut().step_by(3) {
        *b = 0xa5;
    }
    std::fs::write(&db.path, &bytes).expect("the disk damages the file");
    assert!(
        open_store(&db.path, crate::common::now()).is_err(),
        "the damaged file does not open"
    );

    let info = restore_backup(&db.path, &archive, now()).expect("restored over the damage");
    let kept = info.replaced_backup.expect("the damaged file is kept");
    assert_eq!(
        std::fs::read(kept.join("cchc.sqlite3")).expect("the copy"),
        bytes,
        "byte for byte"
    );
    let (store, plan) = reopen(&db.path);
    assert_eq!(iv31_result(&store, plan), "Đã trình Tờ trình 1494");
}
