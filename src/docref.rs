//! Document numbers and symbols ("số, ký hiệu", Decree 30/2020/NĐ-CP): a strict parser
//! for what a person types and an extractor for the references quoted in free text.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;
use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

/// Document types of Decree 30 appendix III, plus types in common use (KL, NĐ, TT,
/// the joint legal types, consolidated texts and an explicit CV). Case as written.
const KNOWN_TYPES: &[&str] = &[
    "NQ", "QĐ", "CT", "QC", "QyĐ", "TC", "TB", "HD", "CTr", "KH", "PA", "ĐA", "DA", "BC", "BB",
    "TTr", "HĐ", "CĐ", "BGN", "BTT", "GUQ", "GM", "GGT", "GNP", "PG", "PC", "PB", "SY", "TrS",
    "SL", "KL", "NĐ", "TT", "CV", "TTLT", "NQLT", "VBHN",
];

/// A document number and symbol, with the date quoted after it in free text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DocRef {
    /// The number/symbol as written, NFC: "60/2021/NĐ-CP".
    #[serde(rename = "ref")]
    pub reference: String,
    /// The number part with any letter: "60", "30c", "01".
    pub number: String,
    /// Year carried by legal documents ("60/2021/NĐ-CP" → 2021), else None.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// Type as written ("QĐ", "KH", "TTr"), "CV" for a Công văn.
    #[serde(rename = "type")]
    pub doc_type: String,
    /// Issuing body abbreviation: "UBND", "TU", "CP", "TTg".
    pub issuer: String,
    /// For a Công văn, the drafting unit ("PVHCC&KSTT"); for typed documents with a third part, that part.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub drafter: Option<String>,
    /// ISO date from the "ngày D/M/YYYY" that follows it in free text; None when absent.
    pub date: Option<NaiveDate>,
}

/// Why a typed "số, ký hiệu" was rejected; every message but Empty quotes the input.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DocRefError {
    #[error("Số, ký hiệu văn bản đang để trống: hãy nhập số và ký hiệu (ví dụ: 187/KH-UBND).")]
    Empty,
    #[error("Số, ký hiệu \"{0}\" không hợp lệ: thiếu dấu \"/\" giữa số và ký hiệu (ví dụ: 187/KH-UBND).")]
    MissingSlash(String),
    #[error(
        "Số, ký hiệu \"{0}\" không hợp lệ: thiếu số văn bản trước dấu \"/\" (ví dụ: 187/KH-UBND)."
    )]
    MissingNumber(String),
    #[error("Số, ký hiệu \"{input}\" không hợp lệ: số \"{number}\" phải gồm các chữ số, có thể kèm một chữ cái (ví dụ: 187, 30c).")]
    BadNumber { input: String, number: String },
    #[error("Số, ký hiệu \"{0}\" không hợp lệ: thiếu ký hiệu sau dấu \"/\" (ví dụ: 187/KH-UBND).")]
    MissingSymbol(String),
    #[error("Số, ký hiệu \"{0}\" không hợp lệ: ký hiệu thiếu tên viết tắt của cơ quan ban hành (ví dụ: KH-UBND).")]
    MissingIssuer(String),
    #[error("Số, ký hiệu \"{0}\" không hợp lệ: có phần ký hiệu bị bỏ trống giữa các dấu \"-\".")]
    EmptySymbolPart(String),
    #[error(
        "Số, ký hiệu \"{input}\" không hợp lệ: phần ký hiệu \"{part}\" phải bắt đầu bằng chữ cái."
    )]
    BadSymbolPart { input: String, part: String },
    #[error("Số, ký hiệu \"{0}\" không hợp lệ: không được có khoảng trắng bên trong.")]
    InnerSpace(String),
    #[error("Số, ký hiệu \"{input}\" không hợp lệ: ký tự \"{ch}\" không được phép (chỉ dùng chữ, số, \"/\", \"-\" và \"&\").")]
    InvalidChar { input: String, ch: char },
    #[error("Số, ký hiệu \"{0}\" không hợp lệ: thừa dấu \"/\" (chỉ văn bản quy phạm pháp luật có năm ban hành, ví dụ: 60/2021/NĐ-CP).")]
    ExtraSlash(String),
    #[error("Số, ký hiệu \"{input}\" không hợp lệ: năm ban hành \"{year}\" phải nằm trong khoảng 1945–2100.")]
    YearOutOfRange { input: String, year: String },
}

/// Whether the first part of a symbol names a document type. Besides the listed
/// types, report types compounded on "BC" count ("BCTĐ" = báo cáo thẩm định);
/// other prefixes are not compounded because issuers such as "TTg", "HĐND",
/// "CTUBND" or "SYT" start with a type, and "BCĐ…", "BCH…", "BCS…" are bodies
/// (ban chỉ đạo, ban chấp hành, ban cán sự).
fn is_document_type(part: &str) -> bool {
    if KNOWN_TYPES.contains(&part) {
        return true;
    }
    match part.strip_prefix("BC") {
        Some(rest) => rest.chars().count() >= 2 && !rest.starts_with(['Đ', 'H', 'S']),
        None => false,
    }
}

/// Strict parser for a "số, ký hiệu" typed by a person. date is None.
pub fn parse_reference(input: &str) -> Result<DocRef, DocRefError> {
    let nfc: String = input.nfc().collect();
    let s = nfc.trim();
    if s.is_empty() {
        return Err(DocRefError::Empty);
    }
    let owned = || s.to_string();
    if let Some(ch) = s
        .chars()
        .find(|c| !(c.is_alphanumeric() || matches!(c, '/' | '-' | '&')))
    {
        return Err(if ch.is_whitespace() {
            DocRefError::InnerSpace(owned())
        } else {
            DocRefError::InvalidChar { input: owned(), ch }
        });
    }
    let segments: Vec<&str> = s.split('/').collect();
    let (head, year, symbol) = match segments.as_slice() {
        [_] => return Err(DocRefError::MissingSlash(owned())),
        [head, symbol] => (*head, None, *symbol),
        [head, year, symbol] if !year.is_empty() && year.bytes().all(|b| b.is_ascii_digit()) => {
            (*head, Some(parse_year(s, year)?), *symbol)
        }
        _ => return Err(DocRefError::ExtraSlash(owned())),
    };
    // Party documents put the type with the number: "44-CT/TU".
    let (number, party_type) = match head.split_once('-') {
        Some((number, doc_type)) if year.is_none() => (number, Some(doc_type)),
        _ => (head, None),
    };
    check_number(s, number)?;
    if symbol.is_empty() {
        return Err(DocRefError::MissingSymbol(owned()));
    }
    let parts: Vec<&str> = symbol.split('-').collect();
    let last = parts.len() + usize::from(party_type.is_some()) - 1;
    for (i, part) in party_type.iter().chain(parts.iter()).enumerate() {
        match part.chars().next() {
            None if i > 0 && i == last => return Err(DocRefError::MissingIssuer(owned())),
            None => return Err(DocRefError::EmptySymbolPart(owned())),
            Some(c) if !c.is_alphabetic() => {
                return Err(DocRefError::BadSymbolPart {
                    input: owned(),
                    part: part.to_string(),
                })
            }
            Some(_) => {}
        }
    }
    let (doc_type, issuer, rest) = match party_type {
        Some(doc_type) => (doc_type, parts[0], &parts[1..]),
        None if parts.len() < 2 => return Err(DocRefError::MissingIssuer(owned())),
        None if is_document_type(parts[0]) => (parts[0], parts[1], &parts[2..]),
        None => ("CV", parts[0], &parts[1..]),
    };
    Ok(DocRef {
        reference: owned(),
        number: number.to_string(),
        year,
        doc_type: doc_type.to_string(),
        issuer: issuer.to_string(),
        drafter: (!rest.is_empty()).then(|| rest.join("-")),
        date: None,
    })
}

/// Digits with at most one trailing letter: "187", "01", "30c".
fn check_number(input: &str, number: &str) -> Result<(), DocRefError> {
    if number.is_empty() {
        return Err(DocRefError::MissingNumber(input.to_string()));
    }
    let digits = number.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let letters = number.len() - digits.len();
    if digits.is_empty() || letters > 1 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(DocRefError::BadNumber {
            input: input.to_string(),
            number: number.to_string(),
        });
    }
    Ok(())
}

/// The year segment of a legal document's symbol, 1945..=2100.
fn parse_year(input: &str, year: &str) -> Result<i32, DocRefError> {
    match year.parse::<i32>() {
        Ok(y) if year.len() == 4 && (1945..=2100).contains(&y) => Ok(y),
        _ => Err(DocRefError::YearOutOfRange {
            input: input.to_string(),
            year: year.to_string(),
        }),
    }
}

/// A candidate reference: "N/SYM", "N/YYYY/SYM" or the Party form "N-TYPE/ISSUER".
/// Symbol parts start with a capital letter; spaces are tolerated around "/" only.
static REF_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?P<num>[0-9]+[A-Za-z]?)(?:",
        r"(?:[ \t]*/[ \t]*(?P<year>[0-9]{4}))?[ \t]*/[ \t]*",
        r"(?P<sym>\p{Lu}[\p{L}\p{N}&]*(?:-\p{Lu}[\p{L}\p{N}&]*)+)",
        r"|-(?P<ptype>\p{Lu}[\p{L}\p{N}&]*)[ \t]*/[ \t]*",
        r"(?P<pissuer>\p{Lu}[\p{L}\p{N}&]*(?:-\p{Lu}[\p{L}\p{N}&]*)*))",
    ))
    .expect("literal regex")
});

/// "ngày D/M/YYYY" or "ngày D tháng M năm YYYY" right after a reference.
static DATE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^[\s,]{0,4}[Nn]gày[ \t]+(?:",
        r"(?P<d1>[0-9]{1,2})[/.-](?P<m1>[0-9]{1,2})[/.-](?P<y1>[0-9]{4})",
        r"|(?P<d2>[0-9]{1,2})[ \t]+tháng[ \t]+(?P<m2>[0-9]{1,2})[ \t]+năm[ \t]+(?P<y2>[0-9]{4}))",
        r"(?:[^0-9]|$)",
    ))
    .expect("literal regex")
});

/// Finds every document reference in free text, in order of appearance, with the
/// date of a following "ngày D/M/YYYY" (also "ngày DD tháng MM năm YYYY"), e.g. in
/// "Công văn số 1030/UBND-PVHCC&KSTT ngày 19/4/2024 về việc…" → ref 1030/UBND-PVHCC&KSTT,
/// type CV, issuer UBND, date 2024-04-19. Plain dates, ranges ("2021-2025"), fractions
/// ("26/63") and scores ("11,9888/13") are not references.
pub fn extract_references(text: &str) -> Vec<DocRef> {
    let text: String = text.nfc().collect();
    let mut found = Vec::new();
    for caps in REF_RE.captures_iter(&text) {
        let Some(whole) = caps.get(0) else { continue };
        let before = text[..whole.start()].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || matches!(c, '/' | '-' | '.' | '&' | '_')) {
            continue;
        }
        let mut after = text[whole.end()..].chars();
        if let (Some('/' | '-' | '&'), Some(c)) = (after.next(), after.next()) {
            if c.is_alphanumeric() {
                continue;
            }
        }
        let num = &caps["num"];
        let compact = match (caps.name("sym"), caps.name("ptype"), caps.name("pissuer")) {
            (Some(sym), _, _) => match caps.name("year") {
                Some(year) => format!("{num}/{}/{}", year.as_str(), sym.as_str()),
                None => format!("{num}/{}", sym.as_str()),
            },
            (None, Some(t), Some(issuer)) => format!("{num}-{}/{}", t.as_str(), issuer.as_str()),
            _ => continue,
        };
        if let Ok(mut doc) = parse_reference(&compact) {
            doc.date = following_date(&text[whole.end()..]);
            found.push(doc);
        }
    }
    found
}

/// The valid calendar date of a "ngày …" that starts `rest`.
fn following_date(rest: &str) -> Option<NaiveDate> {
    let caps = DATE_RE.captures(rest)?;
    let field = |a: &str, b: &str| -> Option<u32> {
        caps.name(a).or_else(|| caps.name(b))?.as_str().parse().ok()
    };
    let year = i32::try_from(field("y1", "y2")?).ok()?;
    NaiveDate::from_ymd_opt(year, field("m1", "m2")?, field("d1", "d2")?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(input: &str) -> DocRef {
        match parse_reference(input) {
            Ok(doc) => doc,
            Err(e) => panic!("{input} should parse: {e}"),
        }
    }

    /// (number, year, type, issuer, drafter)
    type Parts<'a> = (&'a str, Option<i32>, &'a str, &'a str, Option<&'a str>);
    type IsExpected = fn(&DocRefError) -> bool;

    fn parts(doc: &DocRef) -> Parts<'_> {
        let drafter = doc.drafter.as_deref();
        (&doc.number, doc.year, &doc.doc_type, &doc.issuer, drafter)
    }

    #[test]
    fn every_form_of_the_domain_brief_parses_into_its_parts() {
        let cases: &[(&str, Parts)] = &[
            (
                "1030/UBND-PVHCC&KSTT",
                ("1030", None, "CV", "UBND", Some("PVHCC&KSTT")),
            ),
            ("187/KH-UBND", ("187", None, "KH", "UBND", None)),
            ("01/NQ-CP", ("01", None, "NQ", "CP", None)),
            ("24/CĐ-TTg", ("24", None, "CĐ", "TTg", None)),
            ("60/2021/NĐ-CP", ("60", Some(2021), "NĐ", "CP", None)),
            ("44-CT/TU", ("44", None, "CT", "TU", None)),
            ("741-KL/TU", ("741", None, "KL", "TU", None)),
            ("1494/TTr-SNV", ("1494", None, "TTr", "SNV", None)),
            (
                "2231/SNV-CCHC&PC",
                ("2231", None, "CV", "SNV", Some("CCHC&PC")),
            ),
            ("18/BCTĐ-STP", ("18", None, "BCTĐ", "STP", None)),
            ("30/2018/QĐ-UBND", ("30", Some(2018), "QĐ", "UBND", None)),
            ("42/2014/QĐ-TTg", ("42", Some(2014), "QĐ", "TTg", None)),
            ("6905/TB-KBNN", ("6905", None, "TB", "KBNN", None)),
            ("30c/NQ-CP", ("30c", None, "NQ", "CP", None)),
            ("571/QĐ-UBND", ("571", None, "QĐ", "UBND", None)),
            ("154/QĐ-UBND", ("154", None, "QĐ", "UBND", None)),
            ("02/NQ-CP", ("02", None, "NQ", "CP", None)),
            ("946/UBND-TH", ("946", None, "CV", "UBND", Some("TH"))),
            ("12/QyĐ-UBND", ("12", None, "QyĐ", "UBND", None)),
            ("05/CTr-UBND", ("05", None, "CTr", "UBND", None)),
            ("123/QĐ-UBND-VP", ("123", None, "QĐ", "UBND", Some("VP"))),
            ("1234/TTg-KTTH", ("1234", None, "CV", "TTg", Some("KTTH"))),
            ("56/HĐND-VP", ("56", None, "CV", "HĐND", Some("VP"))),
            ("7/BCĐ-VP", ("7", None, "CV", "BCĐ", Some("VP"))),
        ];
        for (input, want) in cases {
            let doc = parsed(input);
            assert_eq!(parts(&doc), *want, "parts of {input}");
            assert_eq!(doc.reference, *input, "the reference is kept as written");
            assert_eq!(doc.date, None, "a typed reference has no date");
        }
    }

    #[test]
    fn nfd_input_and_surrounding_spaces_are_normalised() {
        let nfd: String = "  60/2021/NĐ-CP ".nfd().collect();
        assert_eq!(parsed(&nfd).reference, "60/2021/NĐ-CP");
        let doc = parsed(&"08/TrS-Sở".nfd().collect::<String>());
        assert_eq!(doc.issuer, "Sở", "the issuer is recomposed to NFC");
    }

    #[test]
    fn bad_inputs_are_rejected_with_a_vietnamese_message_naming_them() {
        let cases: &[(&str, IsExpected)] = &[
            ("", |e| *e == DocRefError::Empty),
            ("187", |e| matches!(e, DocRefError::MissingSlash(_))),
            ("187/", |e| matches!(e, DocRefError::MissingSymbol(_))),
            ("/KH-UBND", |e| matches!(e, DocRefError::MissingNumber(_))),
            ("187/KH", |e| matches!(e, DocRefError::MissingIssuer(_))),
            ("187/KH-", |e| matches!(e, DocRefError::MissingIssuer(_))),
            ("18 7/KH-UBND", |e| matches!(e, DocRefError::InnerSpace(_))),
            ("abc/KH-UBND", |e| {
                matches!(e, DocRefError::BadNumber { .. })
            }),
            ("30cd/NQ-CP", |e| matches!(e, DocRefError::BadNumber { .. })),
            ("187/KH--UBND", |e| {
                matches!(e, DocRefError::EmptySymbolPart(_))
            }),
            ("187/KH-2024", |e| {
                matches!(e, DocRefError::BadSymbolPart { .. })
            }),
            ("187/KH_UBND", |e| {
                matches!(e, DocRefError::InvalidChar { ch: '_', .. })
            }),
            ("187/KH/UBND", |e| matches!(e, DocRefError::ExtraSlash(_))),
            ("60/1900/NĐ-CP", |e| {
                matches!(e, DocRefError::YearOutOfRange { .. })
            }),
            ("60/21/NĐ-CP", |e| {
                matches!(e, DocRefError::YearOutOfRange { .. })
            }),
        ];
        for (input, is_expected) in cases {
            let err = match parse_reference(input) {
                Ok(doc) => panic!("{input:?} should be rejected, got {doc:?}"),
                Err(e) => e,
            };
            assert!(is_expected(&err), "{input:?} gave the wrong error {err:?}");
            let msg = err.to_string();
            assert!(
                input.is_empty() || msg.contains(&format!("\"{input}\"")),
                "{msg} should quote {input:?}"
            );
            assert!(msg.contains("Số, ký hiệu"), "{msg} should be in Vietnamese");
        }
    }

    #[test]
    fn references_in_a_sentence_carry_the_date_that_follows_them() {
        let text = "Công văn số 1030/UBND-PVHCC&KSTT ngày 19/4/2024 về việc…; Kế hoạch 123/KH-UBND \
                    ngày 01/8/2024; Nghị quyết số 02/NQ-CP của Chính phủ; 24/CĐ-TTg, ngày 22 tháng 3 năm 2024.";
        let got: Vec<(String, String, String, Option<NaiveDate>)> = extract_references(text)
            .into_iter()
            .map(|d| (d.reference, d.doc_type, d.issuer, d.date))
            .collect();
        let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        let want = vec![
            (
                "1030/UBND-PVHCC&KSTT".into(),
                "CV".into(),
                "UBND".into(),
                date(2024, 4, 19),
            ),
            (
                "123/KH-UBND".into(),
                "KH".into(),
                "UBND".into(),
                date(2024, 8, 1),
            ),
            ("02/NQ-CP".into(), "NQ".into(), "CP".into(), None),
            (
                "24/CĐ-TTg".into(),
                "CĐ".into(),
                "TTg".into(),
                date(2024, 3, 22),
            ),
        ];
        assert_eq!(got, want);
    }

    #[test]
    fn dates_fractions_ranges_and_words_with_slashes_are_not_references() {
        let text = "ngày 19/4/2024, giai đoạn 2021-2025, xếp hạng 26/63, đạt 11,9888/13 điểm, \
                    các TTHC/nhóm TTHC, CCHC/TTHC, quý IV/2024, tháng 8/2024, KT-XH, Số: /KH-UBND";
        assert_eq!(
            extract_references(text),
            vec![],
            "nothing here is a reference"
        );
    }

    #[test]
    fn a_date_belongs_to_a_reference_only_when_it_follows_directly_and_is_valid() {
        let first = |t: &str| extract_references(t).first().and_then(|d| d.date);
        assert_eq!(first("số 5/KH-UBND của UBND tỉnh ngày 01/8/2024"), None);
        assert_eq!(first("số 5/KH-UBND ngày 31/2/2024"), None, "31 February");
        assert_eq!(
            first("số 5/KH-UBND ngày 10/12/20245"),
            None,
            "five-digit year"
        );
        let nfd: String = "Quyết định 30/2018/QĐ-UBND ngày 3/7/2018".nfd().collect();
        let doc = extract_references(&nfd);
        assert_eq!(doc.len(), 1, "NFD text is normalised before matching");
        assert_eq!(doc[0].year, Some(2018));
        assert_eq!(doc[0].date, NaiveDate::from_ymd_opt(2018, 7, 3));
        let spaced = extract_references("Kế hoạch số 187 / KH-UBND ngày 23/12/2023");
        assert_eq!(
            spaced[0].reference, "187/KH-UBND",
            "spaces around / are dropped"
        );
    }

    #[test]
    fn serialises_with_the_field_names_other_modules_expect() {
        let mut doc = parsed("44-CT/TU");
        doc.date = NaiveDate::from_ymd_opt(2023, 3, 15);
        let json = serde_json::to_string(&doc).unwrap_or_default();
        assert_eq!(
            json,
            r#"{"ref":"44-CT/TU","number":"44","type":"CT","issuer":"TU","date":"2023-03-15"}"#
        );
    }
}
