//! The hand-off code: every fixture goes through a code and back unchanged and fits a
//! QR code of version 10 or less at error correction M with a link's address before it; random
//! sheets too; and a damaged, foreign or other-version code is refused with its reason.

use std::path::Path;

use assessment::handoff::{decode, encode};
use assessment::{
    score, Answer, AnswerProblem, AnswerSheet, AnswersError, Date, EncodeError, HandoffError,
    OptionId, QuestionId, Questionnaire, QuestionnaireRef,
};
use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::json;

use crate::common::{builtin, load, tiny};

/// Data codewords of QR versions 1–10 at error correction M (ISO/IEC 18004:2015, table 7).
const CODEWORDS_M: [usize; 10] = [16, 28, 44, 64, 86, 108, 124, 154, 182, 216];

/// A QR segment: its mode and length in characters (bytes for byte mode).
#[derive(Clone, Copy)]
enum Segment {
    Numeric(usize),
    Alphanumeric(usize),
    Byte(usize),
}

/// The bits of `segments` in a code of `version` (mode indicator, character count, data; the
/// count's width grows from version 10).
fn bits(segments: &[Segment], version: usize) -> usize {
    let large = version >= 10;
    segments
        .iter()
        .map(|s| match *s {
            Segment::Numeric(n) => {
                4 + if large { 12 } else { 10 } + 10 * (n / 3) + [0, 4, 7][n % 3]
            }
            Segment::Alphanumeric(n) => 4 + if large { 11 } else { 9 } + 11 * (n / 2) + 6 * (n % 2),
            Segment::Byte(n) => 4 + if large { 16 } else { 8 } + 8 * n,
        })
        .sum()
}

/// The smallest QR version (1–10) at M that holds `segments`, or `None` above 10.
fn qr_version(segments: &[Segment]) -> Option<usize> {
    (1..=10).find(|&v| bits(segments, v) <= 8 * CODEWORDS_M[v - 1])
}

/// A link's address before the fragment, longer than most: an association's page.
const BASE: &str = "https://members.example-exporters-association.org.cn/assess/#";

fn date() -> Date {
    "2026-11-26".parse().unwrap()
}

fn fixtures() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures");
    let mut found: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter_map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            // The questionnaires among the fixtures are not answers.
            text.contains("exporter-assessment/answers@1")
                .then(|| (p.file_name().unwrap().to_string_lossy().into_owned(), text))
        })
        .collect();
    found.sort();
    assert!(found.len() >= 5, "{found:?}");
    found
}

#[test]
fn every_fixture_goes_through_a_code_unchanged_and_fits_a_version_10_qr_code_at_m() {
    let q = builtin();
    println!("address before the fragment: {BASE} ({} bytes)", BASE.len());
    println!(
        "{:<28} {:>5} {:>6}   QR version at M (bits spare at v10): numeric | base45 | base64url",
        "fixture", "bytes", "digits"
    );
    for (name, text) in fixtures() {
        let sheet = AnswerSheet::from_json(&text, &q).unwrap();
        let code = encode(&q, &sheet, date()).unwrap();
        let back = decode(code.as_str(), &q).unwrap_or_else(|e| panic!("{name}: {e}"));
        // The same answers; a multiple choice in the questionnaire's order.
        assert_eq!(back.sheet, canonical(&q, &sheet, date()), "{name}");
        assert_eq!(score(&q, &back.sheet), score(&q, &sheet), "{name}");
        assert_eq!(back.date, date());
        assert_eq!(back.carried, None);
        assert!(code.as_str().bytes().all(|b| b.is_ascii_digit()));

        // The code as the link carries it: the address in byte mode, the digits in numeric mode.
        let digits = code.as_str().len();
        let bytes = digits_to_bytes(digits);
        let numeric_segments = [Segment::Byte(BASE.len()), Segment::Numeric(digits)];
        let numeric = qr_version(&numeric_segments);
        // The same bytes in base 45 (RFC 9285, alphanumeric mode, though its '%' and space would
        // need escaping in a URL) and in base64url (byte mode), for comparison.
        let b45 = 3 * (bytes / 2) + 2 * (bytes % 2);
        let base45_segments = [Segment::Byte(BASE.len()), Segment::Alphanumeric(b45)];
        let base45 = qr_version(&base45_segments);
        let base64_segments = [Segment::Byte(BASE.len() + (bytes * 4).div_ceil(3))];
        let base64 = qr_version(&base64_segments);
        let spare = |s: &[Segment]| 8 * CODEWORDS_M[9] as i64 - bits(s, 10) as i64;
        println!(
            "{name:<28} {bytes:>5} {digits:>6}   {} ({}) | {} ({}) | {} ({})",
            show(numeric),
            spare(&numeric_segments),
            show(base45),
            spare(&base45_segments),
            show(base64),
            spare(&base64_segments),
        );
        let version = numeric.unwrap_or_else(|| panic!("{name}: needs a QR code above version 10"));
        assert!(version <= 10);
        assert!(numeric <= base45 && numeric <= base64, "{name}");
        println!(
            "{:<28} the code alone: {}; after a 24-byte address (https://assess.example/#): {}",
            "",
            show(qr_version(&[Segment::Numeric(digits)])),
            show(qr_version(&[Segment::Byte(24), Segment::Numeric(digits)]))
        );
        // Even a long address leaves room: 120 bytes of address still fit version 10.
        assert!(qr_version(&[Segment::Byte(120), Segment::Numeric(digits)]).is_some());
    }
}

fn show(version: Option<usize>) -> String {
    version.map_or("> 10".into(), |v| format!("v{v}"))
}

/// The bytes a code of `digits` digits holds (7 bytes in 17 digits).
fn digits_to_bytes(digits: usize) -> usize {
    let last = [0, 0, 0, 1, 0, 2, 0, 0, 3, 0, 4, 0, 0, 5, 0, 6, 0, 7][digits % 17];
    7 * (digits / 17) + last
}

/// Every answer in the questionnaire's order, dated as the code was, as a decoded code writes it.
fn canonical(q: &Questionnaire, sheet: &AnswerSheet, date: Date) -> AnswerSheet {
    let mut out = AnswerSheet::new(q);
    out.date = Some(date);
    for question in q.questions() {
        if let Some(answer) = sheet.get(question.id()) {
            let order = question.options();
            let value = if question.multiple() {
                Answer::Many(
                    order
                        .iter()
                        .filter(|(id, _)| answer.chosen().contains(id))
                        .map(|(id, _)| (*id).clone())
                        .collect(),
                )
            } else {
                answer.clone()
            };
            out.answers.insert(question.id().clone(), value);
        }
    }
    out
}

fn sheet_from(q: &Questionnaire, choices: &[(bool, Vec<Index>)]) -> AnswerSheet {
    let mut sheet = AnswerSheet::new(q);
    for (question, (answer, picks)) in q.questions().zip(choices) {
        if !answer {
            continue;
        }
        let options = question.options();
        let mut chosen: Vec<OptionId> = Vec::new();
        for i in picks {
            let o = options[i.index(options.len())].0.clone();
            if !chosen.contains(&o) {
                chosen.push(o);
            }
        }
        let value = if question.multiple() {
            Answer::Many(chosen)
        } else {
            Answer::One(chosen[0].clone())
        };
        sheet.answers.insert(question.id().clone(), value);
    }
    sheet
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Any valid sheet, any date the code holds: the same answers (in the questionnaire's order)
    /// and the same report come back; every altered digit is refused.
    #[test]
    fn random_sheets_go_through_a_code_and_back(
        choices in proptest::collection::vec(
            (proptest::bool::weighted(0.8), proptest::collection::vec(any::<Index>(), 1..5)),
            builtin().questions().count(),
        ),
        days in 0i64..=65_535,
        at in any::<Index>(),
        by in 1u8..=9,
    ) {
        let q = builtin();
        let sheet = sheet_from(&q, &choices);
        let date = Date::from_days_since_1970(10_957 + days).unwrap();
        let code = encode(&q, &sheet, date).unwrap();
        let back = decode(code.as_str(), &q).unwrap();
        prop_assert_eq!(&back.sheet, &canonical(&q, &sheet, date));
        prop_assert_eq!(back.date, date);
        prop_assert_eq!(score(&q, &back.sheet), score(&q, &sheet));

        let mut altered = code.as_str().as_bytes().to_vec();
        let i = at.index(altered.len());
        altered[i] = b'0' + (altered[i] - b'0' + by) % 10;
        let altered = String::from_utf8(altered).unwrap();
        prop_assert!(matches!(
            decode(&altered, &q),
            Err(HandoffError::Damaged | HandoffError::Malformed(_))
        ), "{}", altered);
    }
}

fn fixture_code(q: &Questionnaire) -> String {
    let (_, text) = &fixtures()[0];
    let sheet = AnswerSheet::from_json(text, q).unwrap();
    encode(q, &sheet, date()).unwrap().to_string()
}

#[test]
fn a_cut_or_altered_code_is_refused_as_damaged() {
    let q = builtin();
    let code = fixture_code(&q);
    for cut in [1, 2, 3, 17, code.len() - 17, code.len() - 1] {
        let e = decode(&code[..code.len() - cut], &q).unwrap_err();
        assert_eq!(e, HandoffError::Damaged, "cut by {cut}");
    }
    let mut longer = code.clone();
    longer.push('0');
    assert_eq!(decode(&longer, &q), Err(HandoffError::Damaged));
    // Two digits swapped.
    let mut swapped = code.clone().into_bytes();
    let i = (0..swapped.len() - 1)
        .find(|&i| swapped[i] != swapped[i + 1])
        .unwrap();
    swapped.swap(i, i + 1);
    assert_eq!(
        decode(&String::from_utf8(swapped).unwrap(), &q),
        Err(HandoffError::Damaged)
    );
    assert!(HandoffError::Damaged.to_string().contains("damaged"));
}

#[test]
fn garbage_is_not_a_code() {
    let q = builtin();
    for text in [
        "",
        "hello",
        "12 34",
        "１２３",
        "answers=123",
        "-1",
        "12345678901234567x",
    ] {
        assert_eq!(decode(text, &q), Err(HandoffError::NotACode), "{text:?}");
    }
    // Digits that are no code: wrong lengths, groups too large for their bytes, a bad check.
    for text in ["0", "1234", "999", "99999999999999999", &"0".repeat(60)] {
        assert_eq!(decode(text, &q), Err(HandoffError::Damaged), "{text:?}");
    }
}

#[test]
fn a_code_for_another_questionnaire_is_refused_naming_both() {
    let q = builtin();
    let tiny = load(&tiny());
    let code = encode(&tiny, &crate::common::sheet(&tiny, &[("A1", "l2")]), date()).unwrap();
    let e = decode(code.as_str(), &q).unwrap_err();
    assert_eq!(
        e,
        HandoffError::Answers(AnswersError::OtherQuestionnaire {
            expected: q.reference(),
            found: tiny.reference(),
        })
    );
    assert!(e.to_string().contains("\"tiny\" version 1.0.0"), "{e}");
}

/// Another version asking other questions cannot be read (its options' order is that version's);
/// another version asking the same ones is carried over by the questionnaire's `migrations`, as a
/// saved file would be.
#[test]
fn another_version_is_read_only_when_it_asks_the_same_questions() {
    let old = load(&{
        let mut doc = tiny();
        doc["version"] = json!("0.9.0");
        doc
    });
    let sheet = crate::common::sheet(&old, &[("P.eu", "yes"), ("A1", "l1"), ("B2", "l3")]);
    let code = encode(&old, &sheet, date()).unwrap();

    // 1.0.0 with an option more on A2: other questions.
    let mut doc = tiny();
    doc["dimensions"][0]["items"][1]["options"][4]["id"] = json!("l4b");
    let other = load(&doc);
    assert_eq!(
        decode(code.as_str(), &other),
        Err(HandoffError::Answers(AnswersError::OtherQuestionnaire {
            expected: other.reference(),
            found: old.reference(),
        }))
    );

    // 1.0.0 with the same questions, A1 reworded since 0.9.0: A1 is asked again.
    let mut doc = tiny();
    doc["migrations"] = json!([{"from": "0.9.0", "changed": ["A1"]}]);
    let new = load(&doc);
    let back = decode(code.as_str(), &new).unwrap();
    assert_eq!(back.sheet.questionnaire, new.reference());
    assert_eq!(
        back.sheet
            .answers
            .keys()
            .map(|k| k.as_str())
            .collect::<Vec<_>>(),
        ["B2", "P.eu"]
    );
    let carried = back.carried.unwrap();
    assert_eq!(
        carried.from,
        QuestionnaireRef {
            id: "tiny".into(),
            version: "0.9.0".into()
        }
    );
    assert_eq!(
        carried.dropped,
        [AnswerProblem::Changed {
            question: QuestionId::from("A1"),
            since: "0.9.0".into()
        }]
    );
}

/// The same id and version with other questions: an association's selection of sections.
#[test]
fn the_same_version_customised_otherwise_is_refused() {
    let q = load(&tiny());
    let code = encode(&q, &crate::common::sheet(&q, &[("A1", "l2")]), date()).unwrap();
    let mut doc = tiny();
    doc["dimensions"].as_array_mut().unwrap().remove(1);
    doc["export_path"]["rules"] =
        json!([{"when": {"all": []}, "outcome": "exempt", "reason": crate::common::t("r")}]);
    let fewer = load(&doc);
    let e = decode(code.as_str(), &fewer).unwrap_err();
    assert_eq!(e, HandoffError::OtherQuestions(q.reference()));
    assert!(e.to_string().contains("customised"), "{e}");
}

#[test]
fn a_future_format_is_refused_as_such() {
    let q = load(&tiny());
    let code = encode(&q, &AnswerSheet::new(&q), date()).unwrap();
    // Rewrite the format byte and its check, as a later version of the tool would write them.
    let mut bytes = digits_bytes(code.as_str());
    assert_eq!(bytes[0], assessment::HANDOFF_FORMAT);
    bytes[0] = 3;
    let crc = crc32(&[&bytes[..1], &bytes[5..]].concat());
    bytes[1..5].copy_from_slice(&crc.to_be_bytes());
    let refused = decode(&bytes_digits(&bytes), &q);
    assert_eq!(refused, Err(HandoffError::UnknownFormat(3)));
    assert!(refused.unwrap_err().to_string().contains("formats 1 to 2"));
    // A right check over content no code has: refused, not guessed at.
    let mut bytes = digits_bytes(code.as_str());
    bytes.push(0xFF);
    let crc = crc32(&[&bytes[..1], &bytes[5..]].concat());
    bytes[1..5].copy_from_slice(&crc.to_be_bytes());
    assert!(matches!(
        decode(&bytes_digits(&bytes), &q),
        Err(HandoffError::Malformed(_))
    ));
}

#[test]
fn only_checked_answers_and_dates_the_code_holds_are_written() {
    let q = load(&tiny());
    let mut sheet = AnswerSheet::new(&q);
    sheet
        .answers
        .insert(QuestionId::from("A1"), Answer::One(OptionId::from("l9")));
    assert!(matches!(
        encode(&q, &sheet, date()),
        Err(EncodeError::Answers(AnswersError::Invalid(_)))
    ));
    let early = "1999-12-31".parse().unwrap();
    assert_eq!(
        encode(&q, &AnswerSheet::new(&q), early),
        Err(EncodeError::DateOutOfRange(early))
    );
    let last = "2179-06-06".parse().unwrap();
    let code = encode(&q, &AnswerSheet::new(&q), last).unwrap();
    assert_eq!(decode(code.as_str(), &q).unwrap().date, last);
}

#[test]
fn dates_are_real_days_written_yyyy_mm_dd() {
    for text in [
        "2024-02-29",
        "2000-01-01",
        "1970-01-01",
        "9999-12-31",
        "0001-01-01",
    ] {
        let d: Date = text.parse().unwrap();
        assert_eq!(d.to_string(), text);
        assert_eq!(Date::from_days_since_1970(d.days_since_1970()), Some(d));
    }
    assert_eq!(
        "2000-01-01".parse::<Date>().unwrap().days_since_1970(),
        10_957
    );
    for text in [
        "2023-02-29",
        "2026-04-31",
        "2026-13-01",
        "2026-1-01",
        "26-01-01",
        "2026/01/01",
        "0000-01-01",
        "+026-01-01",
    ] {
        assert!(text.parse::<Date>().is_err(), "{text}");
    }
    assert_eq!(
        serde_json::to_string(&"2026-11-26".parse::<Date>().unwrap()).unwrap(),
        "\"2026-11-26\""
    );
}

// The test's own reading of the digits, to forge codes a later tool might write.
fn digits_bytes(code: &str) -> Vec<u8> {
    let mut out = Vec::new();
    for chunk in code.as_bytes().chunks(17) {
        let n = [0, 0, 0, 1, 0, 2, 0, 0, 3, 0, 4, 0, 0, 5, 0, 6, 0, 7][chunk.len()];
        let v: u64 = std::str::from_utf8(chunk).unwrap().parse().unwrap();
        out.extend_from_slice(&v.to_be_bytes()[8 - n..]);
    }
    out
}

fn bytes_digits(bytes: &[u8]) -> String {
    bytes
        .chunks(7)
        .map(|g| {
            let v = g.iter().fold(0u64, |v, b| v << 8 | u64::from(*b));
            let w = [0, 3, 5, 8, 10, 13, 15, 17][g.len()];
            format!("{v:0w$}")
        })
        .collect()
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for b in bytes {
        crc ^= u32::from(*b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A multiple choice of more options than a machine word has bits, and a single choice of as many.
#[test]
fn long_lists_of_options_go_through_a_code() {
    let mut doc = tiny();
    let options: Vec<serde_json::Value> = (0..70)
        .map(|i| json!({"id": format!("o{i}"), "label": crate::common::t(&format!("option {i}"))}))
        .collect();
    doc["profile"].as_array_mut().unwrap().push(json!({
        "id": "P.many", "text": crate::common::t("Which?"), "multiple": true, "options": options
    }));
    doc["profile"].as_array_mut().unwrap().push(json!({
        "id": "P.one", "text": crate::common::t("Which one?"), "options": options
    }));
    let q = load(&doc);
    let mut sheet = crate::common::sheet(&q, &[("P.many", "o0,o63,o64,o69"), ("P.one", "o69")]);
    let code = encode(&q, &sheet, date()).unwrap();
    sheet.date = Some(date());
    assert_eq!(decode(code.as_str(), &q).unwrap().sheet, sheet);
}

/// Where a link points: the app's own address when a phone can open it, else the config's, else
/// none, with the reason.
#[test]
fn a_link_starts_with_an_address_a_phone_can_open() {
    use assessment::{is_handoff_url, link_base, NoLink, MAX_LINK_BASE};
    let configured = Some("https://assoc.example/assess/");
    // (page, configured, embedded) -> the base, or why there is none
    type Case<'a> = (&'a str, Option<&'a str>, bool, Result<&'a str, NoLink>);
    let cases: &[Case] = &[
        (
            "https://assess.example/",
            None,
            false,
            Ok("https://assess.example/"),
        ),
        (
            "https://assess.example/app/index.html?lang=en#report",
            None,
            false,
            Ok("https://assess.example/app/index.html"),
        ),
        (
            "http://203.0.113.9:8080/app/",
            None,
            false,
            Ok("http://203.0.113.9:8080/app/"),
        ),
        (
            "https://assess.example/",
            configured,
            false,
            Ok("https://assess.example/"),
        ),
        (
            "http://localhost:8080/?kiosk",
            configured,
            false,
            Ok("https://assoc.example/assess/"),
        ),
        (
            "http://127.0.0.1:8080/?kiosk",
            None,
            false,
            Err(NoLink::NotPublic),
        ),
        ("http://192.168.1.20/", None, false, Err(NoLink::NotPublic)),
        ("http://10.0.0.2/", None, false, Err(NoLink::NotPublic)),
        ("http://172.20.0.2/", None, false, Err(NoLink::NotPublic)),
        ("http://[::1]:8080/", None, false, Err(NoLink::NotPublic)),
        ("http://kiosk.local/", None, false, Err(NoLink::NotPublic)),
        ("http://kiosk/", None, false, Err(NoLink::NotPublic)),
        (
            "file:///home/kiosk/dist/index.html",
            None,
            false,
            Err(NoLink::NotPublic),
        ),
        (
            "https://user:pw@assess.example/",
            None,
            false,
            Err(NoLink::NotPublic),
        ),
        // A frame's own address is not for people: only the association's.
        (
            "https://assess.example/?embed&origin=https://assoc.example",
            None,
            true,
            Err(NoLink::Embedded),
        ),
        (
            "https://assess.example/?embed",
            configured,
            true,
            Ok("https://assoc.example/assess/"),
        ),
        // A config's address that is not one is not used.
        (
            "http://localhost/",
            Some("http://localhost/app/"),
            false,
            Err(NoLink::NotPublic),
        ),
        (
            "http://localhost/",
            Some("javascript:alert(1)"),
            false,
            Err(NoLink::NotPublic),
        ),
    ];
    for (page, configured, embedded, expected) in cases {
        let got = link_base(page, *configured, *embedded);
        assert_eq!(
            got.as_ref().map(|b| b.as_str()),
            expected.as_ref().map(|s| *s),
            "{page} {configured:?}"
        );
    }
    for bad in [
        "https://assoc.example/#x",
        "https://assoc.example/a b",
        "https://assoc.example/\"<",
        "https://例子.example/",
        "//assoc.example/",
        "/assess/",
        "ftp://assoc.example/",
        "http://localhost/",
        "",
    ] {
        assert!(!is_handoff_url(bad), "{bad}");
    }
    let longest = format!("https://assoc.example/{}", "a".repeat(MAX_LINK_BASE - 22));
    assert_eq!(longest.len(), MAX_LINK_BASE);
    assert!(is_handoff_url(&longest));
    assert!(!is_handoff_url(&format!("{longest}a")));
    // The longest base and the shipped questionnaire's code fit a QR code of version 10 at M.
    let q = builtin();
    let digits = fixture_code(&q).len();
    assert!(qr_version(&[Segment::Byte(MAX_LINK_BASE + 1), Segment::Numeric(digits)]).is_some());
}

#[test]
fn a_handoff_address_is_public_however_its_host_is_spelt() {
    use assessment::is_handoff_url;
    // (address, a phone elsewhere can open it): hosts as a browser parses them (WHATWG URL).
    let cases: &[(&str, bool)] = &[
        ("https://assoc.example/assess/", true),
        ("https://assoc.example:8443/", true),
        ("https://assoc.example:/", true),
        ("https://93.184.216.34/", true),
        ("https://[2606:4700::1111]/", true),
        ("https://[::ffff:93.184.216.34]/", true),
        // This machine, in every spelling a browser reads as 127.0.0.1.
        ("http://127.0.0.1/", false),
        ("http://127.1/", false),
        ("http://0x7f.0.0.1/", false),
        ("http://0x7f000001/", false),
        ("http://0177.0.0.1/", false),
        ("http://2130706433/", false),
        ("http://127.0.0.1./", false),
        ("http://0/", false),
        ("http://localhost/", false),
        ("http://app.localhost/", false),
        // IPv6: loopback, unspecified, IPv4-mapped private addresses in both notations.
        ("http://[::1]/", false),
        ("http://[::]/", false),
        ("http://[0:0:0:0:0:0:0:1]/", false),
        ("http://[::ffff:127.0.0.1]/", false),
        ("http://[::ffff:7f00:1]/", false),
        ("http://[::ffff:c0a8:101]/", false),
        ("http://[64:ff9b::a00:1]/", false),
        ("http://[fe80::1]/", false),
        ("http://[fd12:3456::1]/", false),
        // Private, shared (carrier-grade NAT) and link-local networks.
        ("http://10.1.2.3/", false),
        ("http://172.16.0.1/", false),
        ("http://172.31.255.255/", false),
        ("http://192.168.1.1/", false),
        ("http://0xc0.0xa8.1.1/", false),
        ("http://100.64.0.1/", false),
        ("http://100.127.255.254/", false),
        ("http://169.254.169.254/", false),
        ("http://224.0.0.1/", false),
        ("https://100.128.0.1/", true),
        ("https://172.32.0.1/", true),
        // What a browser refuses: an invalid port or address, an escape in the host.
        ("https://assoc.example:99999/", false),
        ("https://assoc.example:8x/", false),
        ("https://256.0.0.1/", false),
        ("https://1.2.3.4.5/", false),
        ("https://0x100.0.0.1/", false),
        ("https://09.0.0.1/", false),
        ("https://[::ffff:127.0.0.1/", false),
        ("https://[1::2::3]/", false),
        ("https://127.0.0.%31/", false),
        ("https://user@assoc.example/", false),
    ];
    for (url, public) in cases {
        assert_eq!(is_handoff_url(url), *public, "{url}");
    }
}

#[test]
fn a_code_far_too_long_is_refused_unread() {
    let q = builtin();
    let long = "7".repeat(100_000);
    let started = std::time::Instant::now();
    assert_eq!(
        assessment::handoff::decode(&long, &q).err(),
        Some(assessment::HandoffError::Damaged)
    );
    assert!(started.elapsed() < std::time::Duration::from_secs(1));
}

/// A code of format 1 (each answer in whole bits), made before format 2, still opens: the format
/// byte says how its answers are written.
#[test]
fn a_code_of_format_1_still_opens() {
    let tiny = load(&tiny());
    let made_by_format_1 = "004352871724493962967633854149431027795491496613908";
    let back = decode(made_by_format_1, &tiny).unwrap();
    let sheet = crate::common::sheet(&tiny, &[("P.eu", "yes"), ("A1", "l2"), ("B2", "l4")]);
    assert_eq!(back.sheet, canonical(&tiny, &sheet, date()));
    assert_eq!(back.date, date());
    // The same answers now take format 2, and no more digits.
    let now = encode(&tiny, &sheet, date()).unwrap();
    assert_eq!(
        digits_bytes(now.as_str())[0],
        2,
        "format 2 is written first"
    );
    assert_eq!(digits_bytes(made_by_format_1)[0], 1);
    assert!(now.as_str().len() <= made_by_format_1.len());
    assert_eq!(decode(now.as_str(), &tiny).unwrap().sheet, back.sheet);
}
