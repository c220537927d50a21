//! Numbers as Vietnamese type and read them: "1.245" is one thousand two
//! hundred and forty-five, "85,5" is eighty-five and a half ("." groups
//! thousands, "," marks the decimals), and the same number written back.

/// Reads a number typed the Vietnamese way. A comma is the decimal mark and
/// dots (or spaces) group thousands: "1.245", "1 245", "1.245,5", "85,5".
/// Without a comma, a single dot followed by other than three digits is taken
/// as a decimal point ("85.5"), since nobody groups thousands that way.
///
/// Returns `None` for anything else (letters, two commas, misplaced groups).
pub fn parse_vi(text: &str) -> Option<f64> {
    let t: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    let (negative, t) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t.as_str()),
    };
    if t.is_empty() {
        return None;
    }
    let (int_part, frac) = match t.split_once(',') {
        Some((i, f)) => (i, Some(f)),
        None => (t, None),
    };
    if let Some(f) = frac {
        if f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
    }
    let groups: Vec<&str> = int_part.split('.').collect();
    let digits_only = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let int_digits = if groups.len() == 1 {
        digits_only(groups[0]).then(|| groups[0].to_string())?
    } else if frac.is_none() && groups.len() == 2 && groups[1].len() != 3 {
        // "85.5": a decimal point, not a thousands group.
        if !digits_only(groups[0]) || !digits_only(groups[1]) {
            return None;
        }
        let n: f64 = format!("{}.{}", groups[0], groups[1]).parse().ok()?;
        return Some(if negative { -n } else { n });
    } else {
        let first_ok = digits_only(groups[0]) && groups[0].len() <= 3;
        let rest_ok = groups[1..].iter().all(|g| g.len() == 3 && digits_only(g));
        (first_ok && rest_ok).then(|| groups.concat())?
    };
    let n: f64 = match frac {
        Some(f) => format!("{int_digits}.{f}").parse().ok()?,
        None => int_digits.parse().ok()?,
    };
    n.is_finite().then_some(if negative { -n } else { n })
}

/// A number as Vietnamese write it, with at most `decimals` decimals and no
/// trailing zeros: 1245 → "1.245", 85.5 → "85,5", 99.84 → "99,84".
pub fn format_vi(n: f64, decimals: usize) -> String {
    let fixed = format!("{:.*}", decimals, n.abs());
    let (int_part, frac) = match fixed.split_once('.') {
        Some((i, f)) => (i.to_string(), f.trim_end_matches('0').to_string()),
        None => (fixed.clone(), String::new()),
    };
    let mut grouped = String::new();
    for (i, c) in int_part.chars().enumerate() {
        if i > 0 && (int_part.len() - i) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(c);
    }
    let sign = if n < 0.0 && (grouped != "0" || !frac.is_empty()) {
        "-"
    } else {
        ""
    };
    if frac.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped},{frac}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_grouped_with_dots_and_decimals_follow_a_comma() {
        assert_eq!(parse_vi("1.245"), Some(1245.0));
        assert_eq!(parse_vi("1.250"), Some(1250.0));
        assert_eq!(parse_vi("85,5"), Some(85.5));
        assert_eq!(parse_vi("1.245,75"), Some(1245.75));
        assert_eq!(parse_vi("1 245"), Some(1245.0));
        assert_eq!(parse_vi("12.345.678"), Some(12_345_678.0));
        assert_eq!(parse_vi(" 0 "), Some(0.0));
    }

    #[test]
    fn a_lone_dot_before_other_than_three_digits_is_a_decimal_point() {
        assert_eq!(parse_vi("85.5"), Some(85.5));
        assert_eq!(parse_vi("0.25"), Some(0.25));
        assert_eq!(parse_vi("1.2345"), Some(1.2345));
    }

    #[test]
    fn malformed_numbers_are_not_read() {
        for bad in [
            "", "abc", "1,2,3", "12.34.5", "1.2345,5", "1,", ",5", "1.245.6", "--1", "1e5",
        ] {
            assert_eq!(parse_vi(bad), None, "\"{bad}\" is not a Vietnamese number");
        }
    }

    #[test]
    fn numbers_are_written_back_the_vietnamese_way() {
        assert_eq!(format_vi(1245.0, 2), "1.245");
        assert_eq!(format_vi(85.5, 2), "85,5");
        assert_eq!(format_vi(99.84, 2), "99,84");
        assert_eq!(format_vi(1_234_567.891, 1), "1.234.567,9");
        assert_eq!(format_vi(-0.5, 2), "-0,5");
        assert_eq!(parse_vi(&format_vi(12345.25, 2)), Some(12345.25));
    }
}
