//! A lowercased, diacritic-free view of typed text that remembers where each of
//! its bytes came from, so a phrase found in the view can be cut from the text
//! as the officer typed it.

use std::ops::Range;

use unicode_normalization::UnicodeNormalization;

use crate::text;

/// The text in NFC, with every run of whitespace (no-break spaces included) made
/// one space, and trimmed.
pub(super) fn tidy(text: &str) -> String {
    let nfc: String = text.nfc().collect();
    nfc.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "Quý III/2024" seen as "quy iii/2024".
pub(super) struct Folded<'a> {
    source: &'a str,
    folded: String,
    /// For each byte of `folded`, the byte in `source` of the character it came
    /// from; one more entry at the end holds `source.len()`.
    origin: Vec<usize>,
}

impl<'a> Folded<'a> {
    /// Folds `source` by the one rule of [`text::fold`] (lowercase, no combining
    /// marks, đ as d, white space runs as one space), remembering origins.
    pub(super) fn new(source: &'a str) -> Self {
        let mut folded = String::with_capacity(source.len());
        let mut origin = Vec::with_capacity(source.len() + 1);
        text::fold_each(source, |at, c| {
            folded.push(c);
            origin.extend(std::iter::repeat_n(at, c.len_utf8()));
        });
        origin.push(source.len());
        Self {
            source,
            folded,
            origin,
        }
    }

    pub(super) fn as_str(&self) -> &str {
        &self.folded
    }

    /// The typed text behind `range`, a byte range of [`Folded::as_str`].
    pub(super) fn source_of(&self, range: Range<usize>) -> &'a str {
        let start = self.origin.get(range.start).copied();
        let end = self.origin.get(range.end).copied();
        match (start, end) {
            (Some(start), Some(end)) => self.source.get(start..end).unwrap_or(""),
            _ => "",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tidy_composes_nfd_input_and_collapses_spaces() {
        let nfd = "Qu\u{79}\u{301}  III/2024\u{a0}";
        assert_eq!(tidy(nfd), "Quý III/2024", "NFD ý and a no-break space");
    }

    #[test]
    fn folding_drops_diacritics_lowercases_and_writes_d_for_dj() {
        let folded = Folded::new("Hoàn thành trong QUÝ III/2024, Đắk");
        assert_eq!(
            folded.as_str(),
            "hoan thanh trong quy iii/2024, dak",
            "the folded view is plain lowercase ASCII for Vietnamese text"
        );
    }

    #[test]
    fn the_folded_view_is_the_text_modules_fold() {
        for typed in [
            "Quý  III/2024",
            "  Đến hết\u{a0}tháng 6 ",
            "Hoàn thành Năm 2025",
        ] {
            assert_eq!(Folded::new(typed).as_str(), text::fold(typed), "{typed:?}");
        }
    }

    #[test]
    fn a_range_of_the_folded_view_maps_back_to_the_typed_text() {
        let typed = "kể từ ngày có Quyết định…";
        let folded = Folded::new(typed);
        let start = folded.as_str().find("ngay").expect("folded text has ngay");
        let end = folded.as_str().len();
        assert_eq!(
            folded.source_of(start..end),
            "ngày có Quyết định…",
            "the cut keeps the diacritics and case as typed"
        );
    }
}
