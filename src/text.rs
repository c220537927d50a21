//! Vietnamese text: NFC on the way in, search that ignores case and diacritics
//! (đ included, which Unicode does not decompose), and alphabetical order
//! (a ă â b c d đ e ê … o ô ơ … u ư …, tones compared after the letters);
//! dates and months as Vietnamese write them.

use std::cmp::Ordering;

use chrono::{Datelike, NaiveDate};
use unicode_normalization::char::{decompose_canonical, is_combining_mark};
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// The text in Unicode NFC with surrounding white space trimmed.
pub fn clean(s: &str) -> String {
    let s = s.trim();
    // Nearly all text arrives composed already (every workbook the app writes
    // is NFC): a text of Vietnamese letters is seen to be so by their code
    // points alone; any other, by the quick check, which looks each of its
    // characters up in Unicode's tables. Neither builds a second string.
    if s.chars().all(always_composed) {
        return s.to_owned();
    }
    match is_nfc_quick(s.chars()) {
        IsNormalized::Yes => s.to_owned(),
        IsNormalized::No | IsNormalized::Maybe => s.nfc().collect(),
    }
}

/// Whether `c` leaves any text it is in composed, as far as `c` goes: the
/// code points below U+0300 (ASCII, and the Latin letters, among them ă â đ
/// ê ô ơ ư and the letters with the tones of Latin-1, à á è é …) and the
/// Vietnamese letters with tone marks (U+1EA0–U+1EF9). Each is a starter
/// that is in NFC whatever precedes it; a mark after it that would combine
/// with it is not one of these. So a text of only these is in NFC.
fn always_composed(c: char) -> bool {
    c < '\u{300}' || ('\u{1EA0}'..='\u{1EF9}').contains(&c)
}

/// The most characters an Excel cell holds (counted as Excel counts them, in
/// UTF-16 units): every text the app stores must fit the cell it is exported to.
pub const MAX_CELL_CHARS: usize = 32_767;

/// The length of a text as Excel counts it.
pub fn cell_length(s: &str) -> usize {
    s.encode_utf16().count()
}

/// Refuses a text longer than an Excel cell holds, naming the field (`what`,
/// e.g. "Kết quả thực hiện"), the length and the limit.
///
/// # Errors
/// The message (for an invalid-input error) when `s` is longer than
/// [`MAX_CELL_CHARS`].
pub fn check_cell_length(what: &str, s: &str) -> Result<(), String> {
    let length = cell_length(s);
    if length > MAX_CELL_CHARS {
        return Err(format!(
            "{what} dài {length} ký tự, quá giới hạn {MAX_CELL_CHARS} ký tự của một ô Excel \
             (báo cáo tháng sẽ không xuất được): hãy rút gọn, hoặc đưa phần dài vào một tài \
             liệu kiểm chứng."
        ));
    }
    Ok(())
}

/// Lower case, without diacritics, đ → d, white space runs folded to one space:
/// the form both sides of a search are compared in. This is the one folding
/// rule: the deadline reader folds through [`fold_each`] and the UI's
/// `ui/src/lib/text.ts` is checked against it on `ui/src/lib/fold-cases.json`.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_each(s, |_, c| out.push(c));
    out
}

/// The folding rule of [`fold`], one character of the folded text at a time
/// with the byte of `s` it came from: each character is lowercased and
/// canonically decomposed, combining marks (tones, vowel marks) are dropped,
/// đ is written d, and each run of white space becomes one space, none at
/// either end.
pub fn fold_each(s: &str, mut emit: impl FnMut(usize, char)) {
    // The start of a run of white space, written once a letter follows it.
    let mut space: Option<usize> = None;
    let mut started = false;
    for (at, character) in s.char_indices() {
        if character.is_whitespace() {
            if started && space.is_none() {
                space = Some(at);
            }
            continue;
        }
        for lower in character.to_lowercase() {
            decompose_canonical(lower, |part| {
                if is_combining_mark(part) {
                    return;
                }
                if let Some(start) = space.take() {
                    emit(start, ' ');
                }
                started = true;
                emit(at, if part == 'đ' { 'd' } else { part });
            });
        }
    }
}

/// Whether `haystack` contains `needle`, ignoring case and diacritics.
/// An empty needle matches everything.
pub fn matches(haystack: &str, needle: &str) -> bool {
    fold(haystack).contains(&fold(needle))
}

/// Compares two strings in Vietnamese alphabetical order.
pub fn compare(a: &str, b: &str) -> Ordering {
    sort_key(a).cmp(&sort_key(b))
}

/// A key whose byte order is Vietnamese alphabetical order: letters first
/// (with ă, â, đ, ê, ô, ơ, ư as letters of their own), then tones
/// (ngang, huyền, hỏi, ngã, sắc, nặng), then case.
pub fn sort_key(s: &str) -> Vec<u32> {
    let mut letters = Vec::new();
    let mut tones = Vec::new();
    let mut cases = Vec::new();
    for c in s.nfc() {
        let (letter, tone) = letter_and_tone(c);
        letters.push(letter);
        tones.push(tone);
        cases.push(u32::from(c.is_uppercase()));
    }
    letters.push(0);
    letters.extend(tones);
    letters.push(0);
    letters.extend(cases);
    letters
}

const ALPHABET: &str = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz";

/// The primary weight of a character's letter and the weight of its tone.
fn letter_and_tone(c: char) -> (u32, u32) {
    let mut base = None;
    let mut modifier = None;
    let mut tone = 0;
    for part in c.to_lowercase().flat_map(|l| l.nfd()) {
        match part {
            '\u{0300}' => tone = 1,
            '\u{0309}' => tone = 2,
            '\u{0303}' => tone = 3,
            '\u{0301}' => tone = 4,
            '\u{0323}' => tone = 5,
            '\u{0306}' | '\u{0302}' | '\u{031B}' => modifier = Some(part),
            _ if base.is_none() => base = Some(part),
            _ => {}
        }
    }
    let Some(base) = base else {
        return (u32::from(c), tone);
    };
    let letter = match (base, modifier) {
        ('a', Some('\u{0306}')) => 'ă',
        ('a', Some('\u{0302}')) => 'â',
        ('e', Some('\u{0302}')) => 'ê',
        ('o', Some('\u{0302}')) => 'ô',
        ('o', Some('\u{031B}')) => 'ơ',
        ('u', Some('\u{031B}')) => 'ư',
        (b, _) => b,
    };
    match ALPHABET.chars().position(|l| l == letter) {
        // Letters sort after digits and punctuation, keeping room below them.
        Some(i) => (0x1_0000 + i as u32, tone),
        None => (u32::from(letter), tone),
    }
}

/// A date as Vietnamese write it, "05/09/2024" (what
/// [`crate::deadline::parse_date`] reads back): the same text as chrono's
/// `%d/%m/%Y` in every year, without parsing a format string for every date.
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// let date = NaiveDate::from_ymd_opt(2024, 9, 5).expect("a date");
/// assert_eq!(cchc::text::date_text(date), "05/09/2024");
/// ```
pub fn date_text(date: NaiveDate) -> String {
    let (day, month, year) = (date.day(), date.month(), date.year());
    if (0..=9999).contains(&year) {
        format!("{day:02}/{month:02}/{year:04}")
    } else {
        // As `%Y` writes a year outside 0–9999: signed, at least four digits.
        format!("{day:02}/{month:02}/{year:+05}")
    }
}

/// `YYYY-MM` as Vietnamese write a month: "09/2024".
pub fn month_text(period: &str) -> String {
    match period.split_once('-') {
        Some((y, m)) => format!("{m}/{y}"),
        None => period.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).expect("test dates are real")
    }

    #[test]
    fn a_date_is_written_dd_mm_yyyy_as_strftime_writes_it_in_every_year() {
        assert_eq!(date_text(day(2024, 9, 5)), "05/09/2024");
        assert_eq!(date_text(day(2025, 12, 31)), "31/12/2025");
        assert_eq!(date_text(day(999, 1, 2)), "02/01/0999");
        assert_eq!(date_text(day(10_000, 1, 2)), "02/01/+10000");
        assert_eq!(date_text(day(-1, 1, 2)), "02/01/-0001");
        for year in [-10_000, -1, 0, 7, 999, 1000, 2024, 9999, 10_000, 262_000] {
            let date = day(year, 3, 9);
            assert_eq!(
                date_text(date),
                date.format("%d/%m/%Y").to_string(),
                "year {year}"
            );
        }
    }

    #[test]
    fn search_without_diacritics_finds_text_with_them() {
        assert!(
            matches("Cải cách hành chính", "cai cach"),
            "tones and case are ignored"
        );
        assert!(matches("Sở Kế hoạch và Đầu tư", "dau tu"), "đ folds to d");
        assert!(
            matches("Sở Kế hoạch và Đầu tư", "ĐẦU TƯ"),
            "capitals fold too"
        );
        assert!(
            !matches("Sở Tài chính", "tu phap"),
            "different words do not match"
        );
    }

    #[test]
    fn folding_drops_every_combining_mark_and_folds_white_space_runs() {
        assert_eq!(fold("  Quý\u{a0}\u{a0}III/2024 \n"), "quy iii/2024");
        let nfd: String = "Đắk Lắk".nfd().collect();
        assert_eq!(fold(&nfd), "dak lak", "decomposed input folds the same");
        assert_eq!(
            fold("a \u{301} b"),
            "a b",
            "a lone mark between spaces leaves one space"
        );
    }

    #[test]
    fn fold_each_names_the_byte_each_folded_character_came_from() {
        let mut origins = Vec::new();
        fold_each("Đi  ồ", |at, c| origins.push((at, c)));
        assert_eq!(
            origins,
            vec![(0, 'd'), (2, 'i'), (3, ' '), (5, 'o')],
            "đ is two bytes, the space run starts at byte 3, ồ at byte 5"
        );
    }

    #[test]
    fn nfd_input_is_stored_as_nfc() {
        let nfd: String = "Hưng Yên".nfd().collect();
        assert_ne!(nfd, "Hưng Yên", "the test input really is decomposed");
        assert_eq!(clean(&format!("  {nfd} ")), "Hưng Yên");
    }

    #[test]
    fn the_characters_taken_as_composed_are_starters_that_unicode_keeps_in_nfc() {
        use unicode_normalization::char::canonical_combining_class;
        let taken: Vec<char> = ('\0'..='\u{2FF}').chain('\u{1EA0}'..='\u{1EF9}').collect();
        for c in taken {
            assert!(always_composed(c), "{c:?}");
            assert_eq!(canonical_combining_class(c), 0, "{c:?} is a starter");
            assert_eq!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes, "{c:?}");
        }
        for c in [
            '\u{300}', '\u{301}', '\u{1E9F}', '\u{1EFA}', '\u{2000}', '\u{212B}',
        ] {
            assert!(!always_composed(c), "{c:?} goes through the quick check");
        }
    }

    #[test]
    fn texts_are_cleaned_as_unicode_composes_them() {
        // Vietnamese letters composed and decomposed, marks alone and in
        // the wrong order, a letter Unicode composes differently (Å, U+212B),
        // a space that NFC replaces (U+2000).
        let parts = [
            "Sở",
            "Nội vụ",
            "ư",
            "\u{1EF9}",
            "Ye\u{302}n",
            "\u{301}",
            "\u{323}\u{302}",
            "\u{302}\u{323}",
            "\u{212B}",
            "\u{2000}",
            "đ",
            " ",
            "\u{1EA0}\u{301}",
        ];
        for a in parts {
            for b in parts {
                for c in parts {
                    let text = format!("{a}{b}{c}");
                    let nfc: String = text.trim().nfc().collect();
                    assert_eq!(clean(&text), nfc, "{text:?}");
                }
            }
        }
    }

    #[test]
    fn composed_input_is_only_trimmed() {
        assert_eq!(clean("\t Sở Nội vụ \n"), "Sở Nội vụ");
        // A composed letter followed by a combining mark is not NFC yet.
        assert_eq!(clean("Hưng Ye\u{302}n"), "Hưng Yên");
    }

    #[test]
    fn vietnamese_letters_sort_in_alphabet_order() {
        let mut words = vec![
            "đào", "dân", "ăn", "an", "ân", "ơn", "ôn", "on", "ưa", "ua", "bé",
        ];
        words.sort_by(|a, b| compare(a, b));
        assert_eq!(
            words,
            vec!["an", "ăn", "ân", "bé", "dân", "đào", "on", "ôn", "ơn", "ua", "ưa"]
        );
    }

    #[test]
    fn tones_break_ties_after_letters() {
        let mut words = vec!["mạ", "má", "mã", "mả", "mà", "ma", "mb"];
        words.sort_by(|a, b| compare(a, b));
        assert_eq!(words, vec!["ma", "mà", "mả", "mã", "má", "mạ", "mb"]);
    }
}
