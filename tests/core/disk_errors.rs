//! A full disk, a read-only folder and a locked database, on real filesystems:
//! small tmpfs mounts (as root, or through `sudo -n` for a user allowed to use
//! it without a password). Set `CCHC_SKIP_MOUNT_TESTS=1` to skip the mounted
//! ones on a machine that cannot mount.

use cchc::open::open_store;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use cchc::backup::create_backup;
use rusqlite::Connection;

use crate::common::{count_rows, iv31_progress, iv31_result, now, open_new, TempDb};

/// `mount`/`umount` with their arguments, through `sudo -n` when the tests do
/// not run as root (the mount itself needs root; the files written into the
/// tmpfs do not, as its top folder is open to every user).
fn privileged(program: &str) -> Command {
    let root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.trim_ascii() == b"0");
    if root {
        Command::new(program)
    } else {
        let mut sudo = Command::new("sudo");
        sudo.arg("-n").arg(program);
        sudo
    }
}

/// A tmpfs of `size` mounted on a temporary folder, unmounted when dropped.
struct Tmpfs {
    dir: tempfile::TempDir,
}

impl Tmpfs {
    /// `None` only when the machine cannot mount and the skip was asked for.
    fn mount(size: &str) -> Option<Tmpfs> {
        let dir = tempfile::tempdir().expect("mount point");
        let ok = privileged("mount")
            .args([
                "-t",
                "tmpfs",
                "-o",
                &format!("size={size},mode=1777"),
                "tmpfs",
            ])
            .arg(dir.path())
            .status()
            .is_ok_and(|s| s.success());
        if ok {
            return Some(Tmpfs { dir });
        }
        assert!(
            std::env::var_os("CCHC_SKIP_MOUNT_TESTS").is_some(),
            "mounting a tmpfs failed: run the tests as root or with password-less sudo (as CI does), or set CCHC_SKIP_MOUNT_TESTS=1 to skip this test knowingly"
        );
        eprintln!("skipped: cannot mount a tmpfs and CCHC_SKIP_MOUNT_TESTS is set");
        None
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn remount_read_only(&self) {
        let status = privileged("mount")
            .args(["-o", "remount,ro"])
            .arg(self.path())
            .status()
            .expect("mount runs");
        assert!(status.success(), "the tmpfs becomes read-only");
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = privileged("umount").arg("-l").arg(self.path()).status();
    }
}

/// Fills the filesystem of `dir` with one file until a write fails; returns it.
fn fill(dir: &Path) -> PathBuf {
    use std::io::Write;
    let filler = dir.join("filler");
    let mut f = std::fs::File::create(&filler).expect("create filler");
    let block = vec![0u8; 4096];
    while f.write_all(&block).and_then(|_| f.sync_all()).is_ok() {}
    filler
}

#[test]
fn a_save_on_a_full_disk_fails_with_a_message_and_leaves_the_data_readable() {
    let Some(fs) = Tmpfs::mount("3m") else { return };
    let db = fs.path().join("cchc.sqlite3");
    drop(open_store(&db, crate::common::now()).expect("the database fits"));
    let mut store = open_store(&db, crate::common::now()).expect("reopens");
    let plan = store.current_plan().expect("plan");
    store
        .set_progress(plan, &iv31_progress("trước khi đầy"), now())
        .expect("saved while there is room");
    let filler = fill(fs.path());

    let err = store
        .set_progress(plan, &iv31_progress(&"x".repeat(30_000)), now())
        .expect_err("no room for the save");
    assert!(
        err.to_string().contains("ổ đĩa đã đầy"),
        "the officer reads that the disk is full: {err}"
    );
    assert_eq!(
        iv31_result(&store, plan),
        "trước khi đầy",
        "the failed save left nothing half-written"
    );

    let outside = tempfile::tempdir().expect("a folder on another disk");
    let scan = outside.path().join("quyết định.pdf");
    std::fs::write(&scan, vec![1u8; 256 * 1024]).expect("write the scan");
    let evidence = cchc::store::EvidenceInput {
        agency: "SNV".into(),
        number: "1494/TTr-SNV".into(),
        date: Some(crate::common::date(2024, 8, 28)),
        issuer: "Sở Nội vụ".into(),
        summary: "Tờ trình".into(),
        file: Some(scan),
        ..Default::default()
    };
    let err = store
        .add_evidence(plan, &evidence, now())
        .expect_err("no room for the file");
    assert!(err.to_string().contains("ổ đĩa đã đầy"), "{err}");
    assert!(
        store.evidence(plan, "SNV").expect("list").is_empty(),
        "no record without its file"
    );
    let evidence_dir = fs.path().join("evidence");
    let stray = std::fs::read_dir(&evidence_dir).map_or(0, |d| d.count());
    assert_eq!(stray, 0, "no partial file is left in evidence/");

    let out = fs.path().join("sao-luu.zip");
    let err = create_backup(&db, &out, now()).expect_err("no room for a backup");
    assert!(err.to_string().contains("ổ đĩa đã đầy"), "{err}");
    assert!(!out.exists(), "no partial backup is left");
    let leftovers: Vec<_> = std::fs::read_dir(fs.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name())
        .filter(|n| n.to_string_lossy().starts_with(".cchc-"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "temporary files are removed: {leftovers:?}"
    );

    std::fs::remove_file(filler).expect("free the space");
    store
        .set_progress(plan, &iv31_progress("sau khi giải phóng"), now())
        .expect("saves work again once there is room");
    drop(store);
    let conn = Connection::open(&db).expect("open");
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("check");
    assert_eq!(integrity, "ok");
}

#[test]
fn a_database_in_a_read_only_folder_opens_for_reading_and_refuses_saves() {
    let Some(fs) = Tmpfs::mount("8m") else { return };
    // A folder name with characters that SQLite URIs reserve.
    let db = fs.path().join("dữ liệu 50%#?").join("cchc.sqlite3");
    let mut store = open_store(&db, crate::common::now()).expect("created");
    assert!(!store.is_read_only(), "a writable folder opens for writing");
    let plan = store.current_plan().expect("plan");
    store
        .set_progress(plan, &iv31_progress("đã lưu"), now())
        .expect("saved");
    drop(store);
    fs.remount_read_only();

    let mut store =
        open_store(&db, crate::common::now()).expect("a read-only database still opens");
    assert!(
        store.is_read_only(),
        "the app can tell the officer saves will fail"
    );
    assert_eq!(iv31_result(&store, plan), "đã lưu", "reading works");
    let err = store
        .set_progress(plan, &iv31_progress("không lưu được"), now())
        .expect_err("a save is refused");
    assert!(
        err.to_string().contains("chỉ cho phép đọc"),
        "the officer reads why: {err}"
    );
    let elsewhere = tempfile::tempdir().expect("a writable folder");
    let out = elsewhere.path().join("sao-luu.zip");
    create_backup(&db, &out, now()).expect("a read-only database can be backed up elsewhere");
    assert!(out.exists());
}

#[test]
fn a_save_while_another_copy_holds_the_lock_fails_with_a_message_and_reads_go_on() {
    let (db, mut store, plan) = open_new();
    store
        .set_progress(plan, &iv31_progress("bản đầu"), now())
        .expect("saved");
    let other = Connection::open(&db.path).expect("another copy of the app");
    let elsewhere = tempfile::tempdir().expect("folder");
    let archive = elsewhere.path().join("sao-luu.zip");
    create_backup(&db.path, &archive, now()).expect("backed up while open");
    let before = std::fs::read(&db.path).expect("read");
    let err = cchc::backup::restore_backup(&db.path, &archive, now())
        .expect_err("no restore under an open copy");
    assert!(err.to_string().contains("đang được mở"), "{err}");
    assert_eq!(
        std::fs::read(&db.path).expect("read"),
        before,
        "nothing replaced"
    );
    other.busy_timeout(Duration::ZERO).expect("timeout");
    other
        .execute_batch("BEGIN IMMEDIATE; DELETE FROM setting WHERE key = 'nothing';")
        .expect("the other copy starts writing");

    let err = store
        .set_progress(plan, &iv31_progress("bị chặn"), now())
        .expect_err("the lock is held past the busy timeout");
    assert!(
        err.to_string().contains("khóa"),
        "the message says the database is locked: {err}"
    );
    assert_eq!(
        iv31_result(&store, plan),
        "bản đầu",
        "reading works meanwhile"
    );

    other
        .execute_batch("ROLLBACK")
        .expect("the other copy stops");
    store
        .set_progress(plan, &iv31_progress("sau khi mở khóa"), now())
        .expect("saves work again");
    assert_eq!(count_rows(&db.path, "progress"), 1, "one entry, updated");
}

/// The command line's error output holds only the officer's Vietnamese lines:
/// no Rust debug text ("Os { code: 28, kind: StorageFull … }"), no English.
fn assert_only_vietnamese(what: &str, stderr: &str) {
    for needle in ["Os {", "kind:", "No space left", "disk I/O", "error:"] {
        assert!(!stderr.contains(needle), "{what}: {stderr}");
    }
    for line in stderr.lines() {
        assert!(
            line.starts_with("Lỗi: ") || line.starts_with("Cảnh báo: "),
            "{what}: every line is a message: {stderr}"
        );
    }
}

#[test]
fn on_a_full_data_disk_reading_exporting_and_backing_up_elsewhere_work_and_saves_say_so() {
    let Some(fs) = Tmpfs::mount("4m") else { return };
    let elsewhere = tempfile::tempdir().expect("another disk");
    let db = TempDb {
        path: fs.path().join("dữ liệu").join("cchc.sqlite3"),
        dir: tempfile::tempdir().expect("working folder"),
    };
    let mut store = open_store(&db.path, now()).expect("created");
    let plan = store.current_plan().expect("plan");
    store
        .set_progress(plan, &iv31_progress("đã lưu trước khi đầy"), now())
        .expect("saved");
    drop(store);
    let cchc = |args: &[&str]| crate::cli::cchc(&db, args);
    assert!(cchc(&["fields"]).status.success(), "today's backup is made");
    let filler = fill(fs.path());

    for args in [
        &["agencies"][..],
        &["status", "--agency", "SNV", "--period", "2024-08"],
        &["verify"],
        &["evidence", "list", "--agency", "SNV"],
    ] {
        let out = cchc(args);
        let stderr = crate::cli::stderr(&out);
        assert!(out.status.success(), "{args:?} reads a full disk: {stderr}");
        assert_only_vietnamese(&format!("{args:?}"), &stderr);
    }
    let status = cchc(&["status", "--agency", "SNV", "--period", "2024-08", "--json"]);
    assert!(
        String::from_utf8_lossy(&status.stdout).contains("đã lưu trước khi đầy"),
        "the data is read as saved"
    );

    let archive = elsewhere.path().join("sao-luu.zip");
    let out = cchc(&["backup", "--out", archive.to_str().expect("utf-8")]);
    assert!(out.status.success(), "{}", crate::cli::stderr(&out));
    let other = tempfile::tempdir().expect("a third folder");
    cchc::backup::restore_backup(&other.path().join("cchc.sqlite3"), &archive, now())
        .expect("the backup made on a full disk restores");

    let export = |to: &Path| {
        let to = to.to_str().expect("utf-8");
        cchc(&[
            "export", "--agency", "SNV", "--period", "2024-08", "--out", to,
        ])
    };
    let report = elsewhere.path().join("BC.xlsx");
    let out = export(&report);
    assert!(out.status.success(), "{}", crate::cli::stderr(&out));
    assert!(report.is_file(), "exported to another disk");

    let on_full = fs.path().join("BC.xlsx");
    let out = export(&on_full);
    let stderr = crate::cli::stderr(&out);
    assert_eq!(out.status.code(), Some(1), "no room for the workbook");
    assert!(stderr.contains("ổ đĩa đã đầy"), "{stderr}");
    assert_only_vietnamese("export onto the full disk", &stderr);
    assert!(!on_full.exists());
    let out = cchc(&["backup"]);
    let stderr = crate::cli::stderr(&out);
    assert_eq!(
        out.status.code(),
        Some(1),
        "no room for a backup beside the data"
    );
    assert!(stderr.contains("ổ đĩa đã đầy"), "{stderr}");
    assert_only_vietnamese("a backup onto the full disk", &stderr);

    for args in [
        &[
            "progress",
            "set",
            "--agency",
            "SNV",
            "--task",
            "IV.3.1",
            "--period",
            "2024-09",
            "--state",
            "in-progress",
        ][..],
        &[
            "evidence",
            "add",
            "--agency",
            "SNV",
            "--number",
            "1494/TTr-SNV",
            "--date",
            "28/08/2024",
            "--issuer",
            "Sở Nội vụ",
            "--summary",
            "Tờ trình",
        ],
        &[
            &crate::obligation_cli::add_args("II.1.1", "1234/QĐ-BTP", "05/03/2024")[..],
            &["--issuer", "Bộ Tư pháp"],
        ]
        .concat(),
        &[
            "plan",
            "new",
            "--name",
            "Kế hoạch CCHC năm 2025",
            "--year",
            "2025",
        ],
        &[
            "agency",
            "succeed",
            "--old",
            "STTTT",
            "--new",
            "SKHCN",
            "--from",
            "01/03/2025",
        ],
    ] {
        let out = cchc(args);
        let stderr = crate::cli::stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(stderr.contains("ổ đĩa đã đầy"), "{args:?}: {stderr}");
        assert_only_vietnamese(&format!("{args:?}"), &stderr);
    }

    let mut store = open_store(&db.path, now()).expect("the core opens it too");
    let err = store
        .set_progress(plan, &iv31_progress("không lưu được"), now())
        .expect_err("a save on a full disk");
    assert!(err.to_string().contains("ổ đĩa đã đầy"), "{err}");
    drop(store);
    std::fs::remove_file(filler).expect("free the space");
    let mut store = open_store(&db.path, now()).expect("reopens");
    store
        .set_progress(plan, &iv31_progress("sau khi giải phóng"), now())
        .expect("saves work once there is room");
    assert_eq!(iv31_result(&store, plan), "sau khi giải phóng");
}

#[test]
fn a_restore_that_would_not_fit_on_the_data_disk_is_refused_before_unpacking() {
    let Some(fs) = Tmpfs::mount("6m") else { return };
    let (big, mut store, plan) = open_new();
    let noise: Vec<u8> = (0..12 * 1024 * 1024u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    crate::common::add_evidence_file(&big, &mut store, plan, "bản quét.pdf", &noise);
    drop(store);
    let archive = big.dir.path().join("lon.zip");
    create_backup(&big.path, &archive, now()).expect("a 12 MB backup");

    let db = fs.path().join("cchc.sqlite3");
    drop(open_store(&db, now()).expect("a small database on the small disk"));
    let before = crate::common::snapshot_files(fs.path());
    let err = cchc::backup::restore_backup(&db, &archive, now()).expect_err("no room");
    let message = err.to_string();
    assert!(
        message.contains("MB trống") && message.contains("không bị thay đổi"),
        "{message}"
    );
    assert_eq!(
        crate::common::snapshot_files(fs.path()),
        before,
        "nothing unpacked"
    );
}
