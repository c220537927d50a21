//! No page number on the first page: Nghị định 30 numbers a document's pages
//! from the second. rust_xlsxwriter writes only the odd-page header, so the
//! saved package is copied once more and every worksheet that has a header
//! gets `differentFirst="1"` (its first page then has the empty first-page
//! header). The other parts are copied as they are, still compressed; the
//! worksheets are patched and compressed again on one thread each.

use std::collections::HashMap;
use std::io::{Cursor, Read, Seek, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

/// The compression level of the patched worksheets (as the workbooks' own).
const LEVEL: i64 = 2;

/// Copies the xlsx package `xlsx` to `out`, every worksheet with a header
/// marked to leave the first page's header empty.
///
/// # Errors
/// A package that is not a readable zip, or a failed write to `out`.
pub fn number_from_second_page<W: Write + Seek>(xlsx: &[u8], out: W) -> zip::result::ZipResult<W> {
    let archive = ZipArchive::new(Cursor::new(xlsx))?;
    let sheets: Vec<usize> = (0..archive.len())
        .filter(|i| {
            archive
                .name_for_index(*i)
                .is_some_and(|n| n.is_ok_and(|n| is_worksheet(&n)))
        })
        .collect();
    let mut patched: HashMap<usize, Vec<u8>> = HashMap::new();
    std::thread::scope(|scope| {
        let handles: Vec<_> = sheets
            .iter()
            .map(|&i| {
                let mut archive = archive.clone();
                (i, scope.spawn(move || patch_entry(&mut archive, i)))
            })
            .collect();
        for (i, handle) in handles {
            let result = handle.join().unwrap_or_else(|_| {
                Err(zip::result::ZipError::InvalidArchive(
                    "a worksheet could not be patched".into(),
                ))
            });
            if let Some(bytes) = result? {
                patched.insert(i, bytes);
            }
        }
        Ok::<(), zip::result::ZipError>(())
    })?;
    let mut source = archive;
    let mut writer = ZipWriter::new(out);
    for i in 0..source.len() {
        match patched.remove(&i) {
            Some(bytes) => {
                let mut one = ZipArchive::new(Cursor::new(bytes))?;
                writer.raw_copy_file(one.by_index_raw(0)?)?;
            }
            None => writer.raw_copy_file(source.by_index_raw(i)?)?,
        }
    }
    writer.finish()
}

fn is_worksheet(name: &str) -> bool {
    name.starts_with("xl/worksheets/sheet") && name.ends_with(".xml")
}

/// The entry `i` patched and compressed as the only entry of a small zip, or
/// `None` when it has no header to patch.
fn patch_entry<R: Read + Seek>(
    archive: &mut ZipArchive<R>,
    i: usize,
) -> zip::result::ZipResult<Option<Vec<u8>>> {
    let mut entry = archive.by_index(i)?;
    let name = entry.name()?.into_owned();
    let mut xml = Vec::with_capacity(usize::try_from(entry.size()).unwrap_or(0));
    entry.read_to_end(&mut xml)?;
    let Some(xml) = mark_different_first(xml) else {
        return Ok(None);
    };
    let mut one = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(LEVEL))
        .large_file(xml.len() > u32::MAX as usize / 2);
    one.start_file(name, options)?;
    one.write_all(&xml)?;
    Ok(Some(one.finish()?.into_inner()))
}

/// The worksheet XML with `differentFirst="1"` on its `<headerFooter>`, or
/// `None` when it has no odd-page header. The element comes after the cell
/// data, so it is looked for from the end.
fn mark_different_first(mut xml: Vec<u8>) -> Option<Vec<u8>> {
    const TAG: &[u8] = b"<headerFooter";
    let at = xml.windows(TAG.len()).rposition(|w| w == TAG)?;
    let rest = &xml[at..];
    let has_header = rest.windows(11).any(|w| w == b"<oddHeader>");
    if !has_header || rest.windows(14).any(|w| w == b"differentFirst") {
        return None;
    }
    let insert = at + TAG.len();
    xml.splice(insert..insert, b" differentFirst=\"1\"".iter().copied());
    Some(xml)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_header_of_a_sheet_is_marked_different_on_its_first_page() {
        let xml =
            b"<sheetData/><headerFooter><oddHeader>&amp;P</oddHeader></headerFooter></worksheet>";
        let patched = mark_different_first(xml.to_vec()).expect("patched");
        assert_eq!(
            String::from_utf8(patched).expect("utf-8"),
            "<sheetData/><headerFooter differentFirst=\"1\"><oddHeader>&amp;P</oddHeader></headerFooter></worksheet>"
        );
    }

    #[test]
    fn a_sheet_without_a_header_is_left_alone() {
        assert_eq!(
            mark_different_first(b"<sheetData/><headerFooter/>".to_vec()),
            None
        );
        assert_eq!(mark_different_first(b"<sheetData/>".to_vec()), None);
    }
}
