//! The gate in front of the spreadsheet reader: a workbook the app did not
//! write (an agency's monthly report, a task list) is untrusted, so before
//! calamine sees it we check, with the `zip` crate, that it
//! is a zip package of an Excel workbook whose entries stay within fixed limits
//! (count, per-entry and total uncompressed size, compression ratio), that every
//! entry really decompresses to the size its central directory declares, and
//! that no XML part carries a DOCTYPE (the door to entity-expansion tricks).
//! A file that fails is refused with a Vietnamese reason and never parsed.
//! The file is read into memory once, within [`MAX_FILE_BYTES`]; the gate
//! inflates each entry once, checks it and keeps it, uncompressed, in a new
//! package in memory, which is what the parser reads: the very bytes that
//! were checked, without inflating them again. A package whose entries
//! inflate to more than `MAX_KEPT_BYTES` (no report the app writes comes
//! near) is handed on as it came, and the parser inflates it again.

use std::io::{Cursor, Read, Write};
use std::path::Path;

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

/// Largest file accepted on disk: an agency's monthly workbook is tens of
/// kilobytes, a plan's task list a few hundred.
pub const MAX_FILE_BYTES: u64 = 25 * 1024 * 1024;
/// Most entries in the zip package (a workbook has a few dozen).
pub const MAX_ENTRIES: usize = 500;
/// Largest uncompressed size of one entry (a sheet's XML or the shared strings).
pub const MAX_ENTRY_BYTES: u64 = 64 * 1024 * 1024;
/// Largest uncompressed size of all entries together.
pub const MAX_TOTAL_BYTES: u64 = 160 * 1024 * 1024;
/// Largest uncompressed size of all entries kept in memory for the parser
/// (see the module's note): a monthly report is about 150 kB, the export of
/// a 10,000-task plan (2.2 MB on disk) 26.5 MB.
const MAX_KEPT_BYTES: u64 = 32 * 1024 * 1024;
/// Highest compression ratio accepted for an entry larger than `RATIO_FLOOR`:
/// real sheet XML compresses 5–30×, a zip bomb thousands of times.
pub const MAX_RATIO: u64 = 200;
/// The signature of an OLE compound file: an old .xls, or an .xlsx that Excel
/// encrypted with a password (it wraps the package in one).
const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
/// Entries smaller than this are not held to [`MAX_RATIO`].
const RATIO_FLOOR: u64 = 1024 * 1024;

/// Reads the file at `path` and checks it as a package; returns the package
/// for the parser, its entries stored uncompressed (see the module's note). `Err`
/// carries the reason in Vietnamese (without the file name, which the caller
/// adds).
pub fn read_package(path: &Path) -> Result<Vec<u8>, String> {
    let too_big = |size: u64| {
        format!(
            "tệp quá lớn ({} MB) để là một báo cáo tháng hay một phụ lục nhiệm vụ (tối đa {} MB).",
            size / (1024 * 1024),
            MAX_FILE_BYTES / (1024 * 1024)
        )
    };
    let size = std::fs::metadata(path)
        .map_err(|e| format!("không đọc được tệp ({e})."))?
        .len();
    if size > MAX_FILE_BYTES {
        return Err(too_big(size));
    }
    let file = std::fs::File::open(path).map_err(|e| format!("không mở được tệp ({e})."))?;
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    // One byte past the limit tells a file that grew since it was measured.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("không đọc được tệp ({e})."))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_big(bytes.len() as u64));
    }
    Ok(check_package(&bytes, MAX_KEPT_BYTES)?.unwrap_or(bytes))
}

/// Checks a package read into memory; returns it with its entries stored
/// uncompressed, or `None` when they inflate to more than `keep` bytes.
fn check_package(bytes: &[u8], keep: u64) -> Result<Option<Vec<u8>>, String> {
    if bytes.starts_with(&OLE_MAGIC) {
        return Err(
            "đây là tệp Excel cũ (.xls) hoặc tệp .xlsx đã đặt mật khẩu, ứng dụng không đọc được. \
             Hãy mở tệp bằng Excel, bỏ mật khẩu nếu có, rồi lưu lại với kiểu \"Excel Workbook \
             (*.xlsx)\"."
                .into(),
        );
    }
    let mut zip = ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
        super::logged(&e);
        not_xlsx()
    })?;
    if zip.len() > MAX_ENTRIES {
        return Err(format!(
            "gói tệp có {} thành phần, nhiều bất thường (tối đa {MAX_ENTRIES}); không đọc tệp này.",
            zip.len()
        ));
    }
    package_kind(&zip)?;
    let (entries, total) = declared_entries(&mut zip)?;
    // One read buffer for all the entries; room for all of them, uncompressed,
    // and their headers.
    let mut buf = vec![0u8; 64 * 1024];
    let mut kept = (total <= keep).then(|| {
        let room = usize::try_from(total).unwrap_or(0) + 128 * entries.len();
        ZipWriter::new(Cursor::new(Vec::with_capacity(room)))
    });
    let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    let mut sink = std::io::sink();
    for (i, (name, declared)) in entries.iter().enumerate() {
        let mut entry = zip.by_index(i).map_err(broken_by)?;
        let to: &mut dyn Write = match kept.as_mut() {
            Some(kept) => {
                kept.start_file(name.as_str(), stored).map_err(broken_by)?;
                kept
            }
            None => &mut sink,
        };
        let actual = scan_entry(&mut entry, name, &mut buf, to)?;
        if actual != *declared {
            return Err(format!(
                "thành phần \"{name}\" của gói tệp có kích thước thật khác với kích thước khai báo; \
                 tệp bị hỏng hoặc bị làm giả."
            ));
        }
    }
    kept.map(|kept| Ok(kept.finish().map_err(broken_by)?.into_inner()))
        .transpose()
}

/// Each entry's name and declared size, and their total: what the central
/// directory declares is checked before any entry is inflated.
fn declared_entries<R: Read + std::io::Seek>(
    zip: &mut ZipArchive<R>,
) -> Result<(Vec<(String, u64)>, u64), String> {
    let mut entries = Vec::with_capacity(zip.len());
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let entry = zip.by_index_raw(i).map_err(broken_by)?;
        let name = entry.name().map_err(broken_by)?.into_owned();
        if entry.encrypted() {
            return Err("tệp được đặt mật khẩu; hãy lưu lại tệp không mật khẩu rồi gửi.".into());
        }
        check_entry_size(&name, entry.size(), entry.compressed_size())?;
        total = total.saturating_add(entry.size());
        if total > MAX_TOTAL_BYTES {
            return Err(too_big_total());
        }
        entries.push((name, entry.size()));
    }
    Ok((entries, total))
}

/// Refuses anything that is not the zip package of an Excel workbook, naming
/// what it looks like when that is clear (a Word or PowerPoint file renamed).
fn package_kind<R: Read + std::io::Seek>(zip: &ZipArchive<R>) -> Result<(), String> {
    let has = |name: &str| zip.index_for_name(name).is_some();
    if has("xl/workbook.xml") && has("[Content_Types].xml") {
        return Ok(());
    }
    if has("word/document.xml") {
        return Err(
            "đây là một văn bản Word (.docx) được đổi tên thành .xlsx, không phải tệp Excel. \
             Hãy chọn đúng tệp Excel."
                .into(),
        );
    }
    if has("ppt/presentation.xml") {
        return Err("đây là một tệp PowerPoint (.pptx) được đổi tên, không phải tệp Excel.".into());
    }
    Err("tệp nén này không chứa một bảng tính Excel (.xlsx).".into())
}

fn check_entry_size(name: &str, declared: u64, compressed: u64) -> Result<(), String> {
    if declared > MAX_ENTRY_BYTES {
        return Err(format!(
            "thành phần \"{name}\" của gói tệp giải nén ra {} MB (tối đa {} MB); tệp có thể là \
             \"bom nén\", không đọc tệp này.",
            declared / (1024 * 1024),
            MAX_ENTRY_BYTES / (1024 * 1024)
        ));
    }
    if declared > RATIO_FLOOR && declared / compressed.max(1) > MAX_RATIO {
        return Err(format!(
            "thành phần \"{name}\" của gói tệp nén với tỷ lệ bất thường ({}:1); tệp có thể là \
             \"bom nén\", không đọc tệp này.",
            declared / compressed.max(1)
        ));
    }
    Ok(())
}

/// Decompresses an entry into `to`, returning its real size; stops at the
/// per-entry limit, and refuses XML that declares a DOCTYPE or entities.
fn scan_entry(
    entry: &mut impl Read,
    name: &str,
    buf: &mut [u8],
    to: &mut dyn Write,
) -> Result<u64, String> {
    const NEEDLE: &[u8] = b"<!DOCTYPE";
    let xml = name.ends_with(".xml") || name.ends_with(".rels");
    // The tail of the previous chunk, so a DOCTYPE split between chunks is seen.
    let mut carry: Vec<u8> = Vec::with_capacity(NEEDLE.len() * 2);
    let mut total: u64 = 0;
    loop {
        let n = match entry.read(buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(_) => return Err(broken()),
        };
        total = total.saturating_add(n as u64);
        if total > MAX_ENTRY_BYTES {
            return Err(format!(
                "thành phần \"{name}\" của gói tệp giải nén ra hơn {} MB; tệp có thể là \
                 \"bom nén\", không đọc tệp này.",
                MAX_ENTRY_BYTES / (1024 * 1024)
            ));
        }
        if xml {
            carry.extend_from_slice(&buf[..n.min(NEEDLE.len())]);
            if contains_doctype(&carry) || contains_doctype(&buf[..n]) {
                return Err(format!(
                    "thành phần \"{name}\" của gói tệp khai báo DOCTYPE/ENTITY, điều mà Excel \
                     không bao giờ ghi; tệp có thể là một thủ thuật tấn công, không đọc tệp này."
                ));
            }
            carry.clear();
            carry.extend_from_slice(&buf[n.saturating_sub(NEEDLE.len())..n]);
        }
        to.write_all(&buf[..n]).map_err(|e| {
            super::logged(&e);
            broken()
        })?;
    }
    Ok(total)
}

/// Whether the bytes contain `<!DOCTYPE` or `<!ENTITY`, in any case. Only
/// each `<!` is looked at (found with `memchr`'s vector search): a sheet's
/// XML has a `<` every few bytes but hardly ever a `<!`.
fn contains_doctype(bytes: &[u8]) -> bool {
    memchr::memmem::find_iter(bytes, b"<!").any(|i| {
        let tail = &bytes[i..];
        let starts =
            |word: &[u8]| tail.len() >= word.len() && tail[..word.len()].eq_ignore_ascii_case(word);
        starts(b"<!DOCTYPE") || starts(b"<!ENTITY")
    })
}

fn not_xlsx() -> String {
    "không phải là tệp Excel (.xlsx) đọc được: nội dung không phải một gói .xlsx (có thể tệp bị hỏng, \
     bị cắt cụt khi gửi, hoặc là loại tệp khác đổi đuôi)."
        .into()
}

/// [`broken`], the zip library's error logged first.
fn broken_by(err: zip::result::ZipError) -> String {
    super::logged(&err);
    broken()
}

fn broken() -> String {
    "tệp .xlsx bị hỏng (một thành phần của gói tệp không giải nén được); hãy xuất hoặc lưu lại \
     tệp rồi gửi lại."
        .into()
}

fn too_big_total() -> String {
    format!(
        "các thành phần của gói tệp giải nén ra hơn {} MB; tệp có thể là \"bom nén\", không đọc tệp này.",
        MAX_TOTAL_BYTES / (1024 * 1024)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_doctype_is_found_in_any_case_and_an_entity_alone_too() {
        assert!(contains_doctype(b"<?xml?><!doctype x [<!ENTITY a 'b'>]>"));
        assert!(contains_doctype(b"  <!ENTITY lol \"lol\">"));
        assert!(!contains_doctype(b"<worksheet><sheetData/></worksheet>"));
        assert!(
            contains_doctype(b"<a><!-- x --><![CDATA[y]]><!DocType z>"),
            "after other <! constructs"
        );
        assert!(
            !contains_doctype(b"<a><!-- <!DOCTYP --><!ENTIT"),
            "cut short"
        );
    }

    #[test]
    fn a_doctype_split_between_two_chunks_is_still_found() {
        let mut xml = vec![b' '; 64 * 1024 - 4];
        xml.extend_from_slice(b"<!DOCTYPE x>");
        let err = scan_entry(
            &mut xml.as_slice(),
            "xl/sharedStrings.xml",
            &mut [0; 64 * 1024],
            &mut std::io::sink(),
        )
        .expect_err("the DOCTYPE straddles the 64 KiB read boundary");
        assert!(err.contains("DOCTYPE"), "{err}");
    }

    #[test]
    fn a_file_over_the_size_limit_is_refused_before_it_is_read() {
        let dir = tempfile::tempdir().expect("temp folder");
        let path = dir.path().join("bao-cao.xlsx");
        let file = std::fs::File::create(&path).expect("create");
        // Sparse: nothing is written, the file only claims the size.
        file.set_len(MAX_FILE_BYTES + 1).expect("size");
        let err = read_package(&path).expect_err("too big");
        assert!(err.starts_with("tệp quá lớn (25 MB)"), "{err}");
    }

    #[test]
    fn an_old_xls_or_a_password_protected_xlsx_is_named_as_such() {
        let dir = tempfile::tempdir().expect("temp folder");
        let path = dir.path().join("bao-cao.xlsx");
        let mut bytes = OLE_MAGIC.to_vec();
        bytes.resize(4096, 0);
        std::fs::write(&path, bytes).expect("write");
        let err = read_package(&path).expect_err("not a zip package");
        assert!(
            err.contains("Excel cũ (.xls)") && err.contains("mật khẩu"),
            "{err}"
        );
    }

    /// A package of `parts` (name, XML), compressed as Excel writes them.
    fn package(parts: &[(&str, String)]) -> Vec<u8> {
        let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
        let deflated = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
        for (name, text) in parts {
            zip.start_file(*name, deflated).expect("entry");
            zip.write_all(text.as_bytes()).expect("write");
        }
        zip.finish().expect("finish").into_inner()
    }

    fn workbook_parts(sheet_xml: &str) -> [(&'static str, String); 3] {
        [
            ("[Content_Types].xml", "<Types/>".to_string()),
            ("xl/workbook.xml", "<workbook/>".to_string()),
            ("xl/worksheets/sheet1.xml", sheet_xml.to_string()),
        ]
    }

    #[test]
    fn the_parser_gets_every_entry_as_inflated_and_checked_stored_in_the_same_order() {
        let rows = "<row/>".repeat(5000);
        let parts = workbook_parts(&format!(
            "<worksheet><sheetData>{rows}</sheetData></worksheet>"
        ));
        let dir = tempfile::tempdir().expect("temp folder");
        let path = dir.path().join("bao-cao.xlsx");
        std::fs::write(&path, package(&parts)).expect("write");

        let checked = read_package(&path).expect("a sound package passes");
        let mut zip = ZipArchive::new(Cursor::new(checked)).expect("a zip package");
        assert_eq!(zip.len(), parts.len());
        for (i, (name, text)) in parts.iter().enumerate() {
            let mut entry = zip.by_index(i).expect("entry");
            assert_eq!(entry.name().expect("name"), *name);
            assert_eq!(entry.compression(), CompressionMethod::Stored, "{name}");
            let mut read = String::new();
            entry.read_to_string(&mut read).expect("read");
            assert_eq!(read, *text, "{name}");
        }
    }

    #[test]
    fn a_package_inflating_past_what_is_kept_is_still_checked_then_handed_on_as_it_came() {
        let rows = "<row/>".repeat(5000);
        let sound = package(&workbook_parts(&format!("<worksheet>{rows}</worksheet>")));
        let kept = check_package(&sound, 1024 * 1024).expect("a sound package passes");
        assert!(kept.is_some(), "30 kB inflated: kept");
        let passed = check_package(&sound, 1024).expect("a sound package passes");
        assert!(
            passed.is_none(),
            "30 kB inflated, 1 kB kept: handed on as it came"
        );

        let hostile = package(&workbook_parts(&format!("<!DOCTYPE x>{rows}")));
        let err = check_package(&hostile, 1024).expect_err("checked even when not kept");
        assert!(err.contains("DOCTYPE"), "{err}");
    }

    #[test]
    fn a_small_entry_may_compress_well_but_a_large_one_may_not_compress_absurdly() {
        assert!(check_entry_size("a.xml", 500_000, 10).is_ok());
        assert!(check_entry_size("a.xml", 20 * 1024 * 1024, 20 * 1024).is_err());
        assert!(check_entry_size("a.xml", MAX_ENTRY_BYTES + 1, MAX_ENTRY_BYTES).is_err());
    }
}
