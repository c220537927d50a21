//! How wide a text prints and how many lines it wraps to in a column: the
//! advance widths of Times New Roman (the same as Liberation Serif, which
//! LibreOffice prints it with) and Excel's column width units, so that a row
//! is set exactly as tall as its text.

use unicode_normalization::char::decompose_canonical;

/// A font of the profile: Times New Roman at `size` points, bold or not
/// (italic runs as wide as upright within a few percent).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Font {
    pub size: f64,
    pub bold: bool,
}

impl Font {
    pub const fn regular(size: f64) -> Font {
        Font { size, bold: false }
    }
    pub const fn bold(size: f64) -> Font {
        Font { size, bold: true }
    }

    /// The height in points of one line of this font in a cell: Times New
    /// Roman's ascent and descent (1825 + 443 of 2048 units, 1.107 em), as
    /// both Excel and LibreOffice space wrapped lines.
    pub fn line_height(self) -> f64 {
        self.size * 1.11
    }
}

/// Advance widths in thousandths of an em of ASCII 32–126 (space to tilde):
/// Times Roman, then Times Bold.
const REGULAR: [u16; 95] = [
    250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250,
    278, // space–/
    500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444, // 0–?
    921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, // @–O
    556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500, // P–_
    333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, // `–o
    500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541, // p–~
];
const BOLD: [u16; 95] = [
    250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250,
    278, // space–/
    500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 333, 333, 570, 570, 570, 500, // 0–?
    930, 722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778, // @–O
    611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 333, 278, 333, 581, 500, // P–_
    333, 500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500, // `–o
    556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444, 394, 220, 394, 520, // p–~
];

/// The advance width of one character in thousandths of an em: ASCII from
/// the tables, the Latin letters Vietnamese uses from a table worked out once
/// by [`letter_advance`], anything else worked out each time.
fn advance(c: char, bold: bool) -> u16 {
    let table = if bold { &BOLD } else { &REGULAR };
    let i = c as usize;
    if (32..127).contains(&i) {
        return table[i - 32];
    }
    let letters = LETTERS.get_or_init(|| {
        let all = |bold: bool| {
            LETTER_RANGES
                .iter()
                .flat_map(|r| r.clone())
                .map(|i| char::from_u32(i).map_or(500, |c| letter_advance(c, bold)))
                .collect()
        };
        [all(false), all(true)]
    });
    let mut offset = 0;
    for r in &LETTER_RANGES {
        if r.contains(&(c as u32)) {
            return letters[usize::from(bold)][offset + (c as u32 - r.start) as usize];
        }
        offset += r.len();
    }
    letter_advance(c, bold)
}

/// Latin-1 Supplement to Latin Extended-B, the combining marks, and Latin
/// Extended Additional (where most Vietnamese letters are).
const LETTER_RANGES: [std::ops::Range<u32>; 3] = [0xA0..0x250, 0x300..0x370, 0x1E00..0x1F00];

/// [`letter_advance`] of every character of [`LETTER_RANGES`], regular then bold.
static LETTERS: std::sync::OnceLock<[Vec<u16>; 2]> = std::sync::OnceLock::new();

/// The advance width of a character outside ASCII. A Vietnamese letter is
/// as wide as its base letter (the marks sit above or below it); ơ and ư
/// carry their horn on the side, 0.03–0.045 em wider.
fn letter_advance(c: char, bold: bool) -> u16 {
    let table = if bold { &BOLD } else { &REGULAR };
    let ascii = |c: char| {
        let i = c as usize;
        (32..127).contains(&i).then(|| table[i - 32])
    };
    if let Some(w) = ascii(c) {
        return w;
    }
    let base = match c {
        'đ' => 'd',
        'Đ' => 'D',
        '–' => return 500,
        '—' => return 1000,
        '…' => return 1000,
        '\u{a0}' => ' ',
        _ => {
            let mut base = c;
            decompose_canonical(c, |d| {
                if base == c {
                    base = d;
                }
            });
            base
        }
    };
    match (base, ascii(base)) {
        (_, Some(w)) if matches!(c, 'ơ' | 'ư' | 'Ơ' | 'Ư') => w + 40,
        (_, Some(w)) => w,
        _ if is_mark(c) => 0,
        _ => 500,
    }
}

fn is_mark(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

/// The printed width of `text` in points.
pub fn text_width(text: &str, font: Font) -> f64 {
    f64::from(ems(text, font)) * font.size / 1000.0
}

/// The printed width of `text` in thousandths of an em.
fn ems(text: &str, font: Font) -> u32 {
    text.chars().map(|c| u32::from(advance(c, font.bold))).sum()
}

/// The width in pixels of a column `width` units wide, in Excel's classic
/// unit: a digit of 11 pt Calibri, 7 pixels, plus 5 pixels of padding. The
/// profile sets columns in pixels ([`super::set_width`]), so the widths in
/// the code keep this meaning whatever the workbook's default font.
pub fn column_px(width: f64) -> f64 {
    if width <= 0.0 {
        0.0
    } else if width < 1.0 {
        (width * 12.0).round()
    } else {
        (width * 7.0 + 5.0).trunc()
    }
}

/// Points per pixel at 96 dpi.
pub const PT_PER_PX: f64 = 0.75;

/// The width in points that text can take in a column (or merged columns)
/// `px` pixels wide, less the cell's inner margins (LibreOffice wraps about
/// 3 pixels short of the column's width).
pub fn text_room(px: f64) -> f64 {
    ((px - 4.0) * PT_PER_PX).max(1.0)
}

/// The lines `text` wraps to in `room` points: each paragraph broken at
/// spaces, a word longer than a line broken where it overflows.
pub fn wrap(text: &str, room: f64, font: Font) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    lay_out(text, room, font, |piece| match piece {
        Some(piece) => {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(piece);
        }
        None => lines.push(std::mem::take(&mut line)),
    });
    lines
}

/// How many lines `text` takes in a wrapped column `width` units wide.
pub fn lines_in_column(text: &str, width: f64, font: Font) -> usize {
    let mut lines = 0;
    lay_out(text, text_room(column_px(width)), font, |piece| {
        lines += usize::from(piece.is_none());
    });
    lines.max(1)
}

/// Lays `text` out in lines of `room` points, as [`wrap`] says, telling
/// `out` each piece put on the current line (a word, after a space unless
/// the line is empty, or the part of a long word that fits a line), and
/// `None` at the end of each line. Widths are added up in thousandths of an
/// em, exactly.
fn lay_out(text: &str, room: f64, font: Font, mut out: impl FnMut(Option<&str>)) {
    let room = room * 1000.0 / font.size;
    let fits = |ems: u32| f64::from(ems) <= room;
    let space = ems(" ", font);
    for paragraph in text.split('\n') {
        // The width of the current line; None while it is empty.
        let mut width: Option<u32> = None;
        for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
            let w = ems(word, font);
            if let Some(used) = width {
                if fits(used + space + w) {
                    out(Some(word));
                    width = Some(used + space + w);
                    continue;
                }
                out(None);
            }
            if fits(w) {
                out(Some(word));
                width = Some(w);
                continue;
            }
            // Too long for a line: broken where it overflows, at least a
            // character a line.
            let (mut start, mut used) = (0, 0);
            for (at, c) in word.char_indices() {
                let cw = u32::from(advance(c, font.bold));
                if at > start && !fits(used + cw) {
                    out(Some(&word[start..at]));
                    out(None);
                    (start, used) = (at, 0);
                }
                used += cw;
            }
            out(Some(&word[start..]));
            width = Some(used);
        }
        out(None);
    }
}

/// The shortest room in points in which `text` wraps to at most `lines`
/// lines (the length a rotated header needs).
pub fn room_for_lines(text: &str, lines: usize, font: Font) -> f64 {
    let mut room = (text_width(text, font) / lines.max(1) as f64).ceil();
    while wrap(text, room, font).len() > lines.max(1) {
        room += 1.0;
    }
    room
}

/// The height in points of a row of `lines` lines of `font`, with the
/// cell's padding above and below.
pub fn row_height(lines: usize, font: Font) -> f64 {
    (lines.max(1) as f64 * font.line_height() + 3.0).ceil()
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: Font = Font::regular(12.0);

    #[test]
    fn vietnamese_letters_are_as_wide_as_their_base_letters() {
        let horn = text_width("Hưng Yên", BODY) - text_width("Hung Yen", BODY);
        assert!((horn - 40.0 * 12.0 / 1000.0).abs() < 1e-9, "{horn}");
        assert_eq!(text_width("đ", BODY), text_width("d", BODY));
        assert_eq!(text_width("Ộ", BODY), text_width("O", BODY));
        assert!(text_width("CỘNG", Font::bold(12.0)) > text_width("CỘNG", BODY));
    }

    #[test]
    fn a_text_wraps_at_spaces_and_a_long_word_where_it_overflows() {
        let room = text_width("hiện nhiệm vụ", BODY) + 0.5;
        assert!(text_width("Kết quả thực hiện", BODY) > room);
        assert_eq!(
            wrap("Kết quả thực hiện nhiệm vụ", room, BODY),
            ["Kết quả thực", "hiện nhiệm vụ"]
        );
        let hash = "0123456789".repeat(4);
        let lines = wrap(&hash, text_width("0123456789", BODY) + 0.1, BODY);
        assert_eq!(lines, vec!["0123456789"; 4]);
        assert_eq!(wrap("a\nb", 100.0, BODY), ["a", "b"]);
        assert_eq!(wrap("", 100.0, BODY), [""]);
    }

    #[test]
    fn the_letters_table_gives_each_letter_the_width_worked_out_for_it() {
        for bold in [false, true] {
            for c in LETTER_RANGES
                .iter()
                .flat_map(|r| r.clone())
                .filter_map(char::from_u32)
            {
                assert_eq!(
                    advance(c, bold),
                    letter_advance(c, bold),
                    "{c:?} bold {bold}"
                );
            }
        }
        assert_eq!(advance('ư', false), advance('u', false) + 40);
        assert_eq!(
            advance('\u{301}', false),
            0,
            "a combining mark takes no room"
        );
    }

    #[test]
    fn a_column_counts_the_lines_its_text_wraps_to() {
        let text =
            "Rà soát, chuẩn hóa quy trình nội bộ giải quyết thủ tục hành chính\n\nsố hóa hồ sơ";
        for width in [3.0, 9.0, 18.0, 40.0] {
            let room = text_room(column_px(width));
            let lines = wrap(text, room, BODY);
            assert_eq!(
                lines_in_column(text, width, BODY),
                lines.len(),
                "{width}: {lines:?}"
            );
            assert!(lines
                .iter()
                .all(|l| text_width(l, BODY) <= room || l.chars().count() == 1));
        }
        assert_eq!(lines_in_column("", 10.0, BODY), 1);
    }

    #[test]
    fn a_column_is_seven_pixels_a_unit_and_five_of_padding() {
        assert_eq!(column_px(10.0), 75.0);
        assert_eq!(column_px(8.43), 64.0, "Excel's default column");
    }

    #[test]
    fn a_row_is_as_tall_as_its_lines() {
        assert_eq!(row_height(1, BODY), 17.0);
        assert_eq!(row_height(3, BODY), 43.0);
        let text = "Triển khai có hiệu quả các nhiệm vụ cải cách hành chính".repeat(3);
        let n = lines_in_column(&text, 36.0, BODY);
        // 165 characters of about 5.5 pt in a 36-unit column (about 183 pt of room).
        assert!((4..=6).contains(&n), "{n} lines");
    }
}
