//! What a backup archive may declare before anything of it is unpacked: a
//! hostile or damaged archive (a manifest of a gigabyte of spaces, a database
//! of a gigabyte of zeros, a hundred thousand listed files) is refused from its
//! central directory and manifest, in seconds, without writing anything.

use std::io::Read;
use std::path::Path;

/// Largest `manifest.json`: about 150 bytes a file, so room for [`MAX_FILES`].
pub(super) const MAX_MANIFEST_BYTES: u64 = 16 * 1024 * 1024;
/// Most evidence files one archive may hold (an agency attaches a few hundred a year).
pub(super) const MAX_FILES: usize = 50_000;
/// Largest database accepted (the built-in plan with a year of records is a few MB).
pub(super) const MAX_DATABASE_BYTES: u64 = 4 * 1024 * 1024 * 1024;
/// Highest compression ratio accepted for an entry larger than [`RATIO_FLOOR`]:
/// a database compresses a few times, scans and office files hardly at all, a
/// gigabyte of zeros a thousand times.
pub(super) const MAX_RATIO: u64 = 100;
/// Entries smaller than this are not held to [`MAX_RATIO`].
const RATIO_FLOOR: u64 = 1024 * 1024;
/// Room left free on the disk after a restore, besides what it unpacks.
const SPARE_BYTES: u64 = 64 * 1024 * 1024;

/// Why an entry that declares `size` bytes, stored in `compressed` bytes, is
/// refused; `what` names it in the reason.
pub(super) fn check_ratio(what: &str, size: u64, compressed: u64) -> Result<(), String> {
    let ratio = size / compressed.max(1);
    if size > RATIO_FLOOR && ratio > MAX_RATIO {
        return Err(format!(
            "{what} trong tệp nén có tỷ lệ nén bất thường ({ratio}:1, tối đa {MAX_RATIO}:1); tệp \
             có thể là \"bom nén\", không giải nén"
        ));
    }
    Ok(())
}

/// Refuses when the disk holding `dir` has less free space than `needed`
/// bytes plus a margin (only where the platform tells; elsewhere the unpacking
/// itself fails with "ổ đĩa đã đầy" and the staging folder is removed).
pub(super) fn check_free_space(dir: &Path, needed: u64) -> Result<(), String> {
    let Some(free) = crate::disk::free_space(dir) else {
        return Ok(());
    };
    let wanted = needed.saturating_add(SPARE_BYTES);
    if free < wanted {
        return Err(format!(
            "ổ đĩa chứa dữ liệu chỉ còn {} MB trống, không đủ cho {} MB cần giải nén (và {} MB dự \
             phòng); hãy giải phóng dung lượng rồi thử lại",
            free / (1024 * 1024),
            needed.div_ceil(1024 * 1024),
            SPARE_BYTES / (1024 * 1024)
        ));
    }
    Ok(())
}

/// Reads at most `cap` bytes of `reader`; `None` when it holds more.
pub(super) fn read_capped(reader: impl Read, cap: u64) -> std::io::Result<Option<Vec<u8>>> {
    let mut bytes = Vec::new();
    reader.take(cap.saturating_add(1)).read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= cap).then_some(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_small_entry_may_compress_well_but_a_large_one_may_not_compress_absurdly() {
        assert!(check_ratio("x", 500_000, 10).is_ok());
        assert!(check_ratio("x", 10 * 1024 * 1024, 5 * 1024 * 1024).is_ok());
        let err = check_ratio("cơ sở dữ liệu", 1 << 30, 1 << 20).expect_err("1024:1");
        assert!(err.contains("1024:1") && err.contains("bom nén"), "{err}");
    }

    #[test]
    fn a_reader_longer_than_its_cap_is_refused_after_reading_one_byte_more() {
        let long = std::io::repeat(b' ');
        assert_eq!(read_capped(long, 10).expect("read"), None);
        assert_eq!(
            read_capped(&b"{}"[..], 10).expect("read"),
            Some(b"{}".to_vec())
        );
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn more_than_the_free_space_is_refused_with_both_figures() {
        let dir = tempfile::tempdir().expect("temp folder");
        let err = check_free_space(dir.path(), u64::MAX / 2).expect_err("no disk is that large");
        assert!(err.contains("MB trống"), "{err}");
    }
}
