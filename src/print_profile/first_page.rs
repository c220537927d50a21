//! No page number on the first page: Nghị định 30 numbers a document's pages
//! from the second. rust_xlsxwriter writes only the odd-page header, so the
//! saved package is copied once more and every worksheet that has a header
//! gets `differentFirst="1"` (its first page then has the empty first-page
//! header). The other parts are copied as they are, still compressed; the
//! worksheets are patched and compressed again, streamed (a sheet's XML is
//! never whole in memory, only its compressed copy), shared among the cores
//! largest first.

use std::io::{Cursor, Read, Seek, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

use crate::parallel;

/// The compression level of the patched worksheets (as the workbooks' own).
const LEVEL: i64 = 2;

/// Copies the xlsx package `xlsx` to `out`, every worksheet with a header
/// marked to leave the first page's header empty.
///
/// # Errors
/// A package that is not a readable zip, or a failed write to `out`.
pub fn number_from_second_page<W: Write + Seek>(xlsx: &[u8], out: W) -> zip::result::ZipResult<W> {
    let mut archive = ZipArchive::new(Cursor::new(xlsx))?;
    let mut patched: Vec<Option<Vec<u8>>> = vec![None; archive.len()];
    let mut sheets = Vec::new();
    for (i, slot) in patched.iter_mut().enumerate() {
        let entry = archive.by_index_raw(i)?;
        if is_worksheet(entry.name()?.as_ref()) {
            sheets.push((i, entry.size(), slot));
        }
    }
    let workers = parallel::workers(sheets.len());
    parallel::largest_first(
        sheets,
        |(_, size, _)| usize::try_from(*size).unwrap_or(usize::MAX),
        workers,
        |(i, _, slot)| {
            *slot = patch_entry(&mut archive.clone(), i)?;
            Ok(())
        },
        || zip::result::ZipError::InvalidArchive("a worksheet could not be patched".into()),
    )?;
    let mut source = archive;
    let mut writer = ZipWriter::new(out);
    for (i, slot) in patched.into_iter().enumerate() {
        match slot {
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
/// `None` when it has no header to patch. The XML is streamed from the entry
/// into the new one up to `<headerFooter`; what follows (the end of the
/// sheet, short) is patched in memory.
fn patch_entry<R: Read + Seek>(
    archive: &mut ZipArchive<R>,
    i: usize,
) -> zip::result::ZipResult<Option<Vec<u8>>> {
    let mut entry = archive.by_index(i)?;
    let name = entry.name()?.into_owned();
    let mut one = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(LEVEL))
        .large_file(entry.size() > u64::from(u32::MAX) / 2);
    one.start_file(name, options)?;
    if !copy_marked(&mut entry, &mut one)? {
        return Ok(None);
    }
    Ok(Some(one.finish()?.into_inner()))
}

/// Copies a worksheet's XML from `from` to `to`, streamed up to
/// `<headerFooter`; what follows (the end of the sheet, short) is patched in
/// memory. False when the sheet has no header to mark (`to` then holds the
/// XML up to the tag, to be thrown away).
fn copy_marked(from: &mut impl Read, to: &mut impl Write) -> std::io::Result<bool> {
    let mut chunk = vec![0u8; CHUNK];
    // Bytes read but not written yet: the last few, which may be the start
    // of the tag, or, once the tag is found, the rest of the sheet.
    let mut held: Vec<u8> = Vec::with_capacity(CHUNK + TAG.len());
    let mut found = false;
    loop {
        let n = from.read(&mut chunk)?;
        if n == 0 {
            break;
        }
        held.extend_from_slice(&chunk[..n]);
        if found {
            continue;
        }
        if let Some(at) = memchr::memmem::find(&held, TAG) {
            to.write_all(&held[..at])?;
            held.drain(..at);
            found = true;
        } else {
            let ready = held.len().saturating_sub(TAG.len() - 1);
            to.write_all(&held[..ready])?;
            held.drain(..ready);
        }
    }
    let marked = found.then(|| mark_different_first(held)).flatten();
    match marked {
        Some(end) => {
            to.write_all(&end)?;
            Ok(true)
        }
        None => Ok(false),
    }
}

/// The element the mark goes on.
const TAG: &[u8] = b"<headerFooter";
/// How much of a sheet's XML is read at a time.
const CHUNK: usize = 64 * 1024;

/// The worksheet XML with `differentFirst="1"` on its `<headerFooter>`, or
/// `None` when it has no odd-page header. The element comes after the cell
/// data, so it is looked for from the end.
fn mark_different_first(mut xml: Vec<u8>) -> Option<Vec<u8>> {
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

    /// A package of one worksheet, `xml`, and another part.
    fn package(xml: &[u8]) -> Vec<u8> {
        let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
        let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
        zip.start_file("xl/worksheets/sheet1.xml", options)
            .expect("entry");
        zip.write_all(xml).expect("write");
        zip.start_file("xl/styles.xml", options).expect("entry");
        zip.write_all(b"<styleSheet/>").expect("write");
        zip.finish().expect("zip").into_inner()
    }

    fn entry(package: &[u8], name: &str) -> Vec<u8> {
        let mut archive = ZipArchive::new(Cursor::new(package)).expect("zip");
        let mut out = Vec::new();
        archive
            .by_name(name)
            .expect(name)
            .read_to_end(&mut out)
            .expect("read");
        out
    }

    /// A reader that gives at most `step` bytes a read.
    struct Trickle<'a> {
        data: &'a [u8],
        step: usize,
    }

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = self.step.min(buf.len()).min(self.data.len());
            buf[..n].copy_from_slice(&self.data[..n]);
            self.data = &self.data[n..];
            Ok(n)
        }
    }

    #[test]
    fn the_tag_is_found_however_the_reads_cut_it() {
        let end = b"<headerFooter><oddHeader>&amp;P</oddHeader></headerFooter></worksheet>";
        let marked =
            b"<headerFooter differentFirst=\"1\"><oddHeader>&amp;P</oddHeader></headerFooter></worksheet>";
        for before in [0, 5, CHUNK - 5, CHUNK, 2 * CHUNK + 77] {
            for step in [1, 3, 7, 13, 4096, CHUNK] {
                let mut xml = vec![b'x'; before];
                xml.extend_from_slice(end);
                let mut out = Vec::new();
                let data = xml.as_slice();
                assert!(copy_marked(&mut Trickle { data, step }, &mut out).expect("copied"));
                assert!(
                    out.len() == before + marked.len()
                        && out[..before].iter().all(|b| *b == b'x')
                        && &out[before..] == marked,
                    "the tag after {before} bytes, read {step} at a time"
                );
            }
        }
    }

    #[test]
    fn a_long_sheet_is_marked_in_a_copied_package_whose_other_parts_stay() {
        let mut xml = vec![b'x'; 3 * CHUNK + 77];
        xml.extend_from_slice(
            b"<headerFooter><oddHeader>&amp;P</oddHeader></headerFooter></worksheet>",
        );
        let out = number_from_second_page(&package(&xml), Cursor::new(Vec::new()))
            .expect("copied")
            .into_inner();
        let sheet = entry(&out, "xl/worksheets/sheet1.xml");
        assert!(sheet == mark_different_first(xml).expect("marked"));
        assert_eq!(entry(&out, "xl/styles.xml"), b"<styleSheet/>");
    }

    #[test]
    fn a_long_sheet_without_a_header_is_copied_as_it_was() {
        let mut xml = vec![b'x'; 2 * CHUNK + 3];
        xml.extend_from_slice(b"<headerFooter/></worksheet>");
        let out = number_from_second_page(&package(&xml), Cursor::new(Vec::new()))
            .expect("copied")
            .into_inner();
        assert!(entry(&out, "xl/worksheets/sheet1.xml") == xml);
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
