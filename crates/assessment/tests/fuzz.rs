//! Fuzzing of the answers parser, the questionnaire parser, the hand-off code's reader and the
//! scorer: millions of generated and mutated inputs, none of which may panic, and every score of
//! which must stay in 0–100.
//!
//! Ignored by `cargo test` (too slow for every run); `scripts/fuzz` runs them with
//! `FUZZ_CASES` cases each (see README). Each case is generated from one seed, so a failure prints
//! the seed that reproduces it. Findings are kept as regression tests in `regressions()` below.

use std::cell::Cell;

use assessment::handoff::{decode, encode};
use assessment::{score, AnswerSheet, Date, Questionnaire, Recovered, BUILTIN_QUESTIONNAIRE};
use proptest::prelude::*;
use serde_json::{json, Value};

#[path = "common.rs"]
#[allow(dead_code)]
mod common;

fn cases() -> u32 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(2_000)
}

thread_local! {
    static BUILTIN: Questionnaire = Questionnaire::from_json(BUILTIN_QUESTIONNAIRE).unwrap();
}

/// A small deterministic generator (xorshift64*), seeded per case.
struct Rng(Cell<u64>);

impl Rng {
    fn new(seed: u64) -> Self {
        Rng(Cell::new(seed | 1))
    }
    fn next(&self) -> u64 {
        let mut x = self.0.get();
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0.set(x);
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// Awkward values a mutated document may hold.
fn odd_value(rng: &Rng, ids: &[String]) -> Value {
    match rng.below(12) {
        0 => json!(null),
        1 => json!(0),
        2 => json!(-1),
        3 => json!(1e308),
        4 => json!(-1e308),
        5 => json!(5e-324),
        6 => json!(255),
        7 => json!(""),
        8 => json!([]),
        9 => json!({}),
        10 => json!(ids[rng.below(ids.len())]),
        _ => json!("\u{0}<script>é😀"),
    }
}

/// Every string in a document, to reuse as plausible ids.
fn strings(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => out.push(s.clone()),
        Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
        Value::Object(o) => o.iter().for_each(|(k, x)| {
            out.push(k.clone());
            strings(x, out)
        }),
        _ => {}
    }
}

/// Changes a few places of a JSON tree: replaces, removes, duplicates or swaps values.
fn mutate(v: &mut Value, rng: &Rng, ids: &[String], depth: usize) {
    match v {
        Value::Object(o) if !o.is_empty() => {
            let keys: Vec<String> = o.keys().cloned().collect();
            let key = &keys[rng.below(keys.len())];
            match rng.below(6) {
                0 => {
                    o.remove(key);
                }
                1 => {
                    o.insert(key.clone(), odd_value(rng, ids));
                }
                2 => {
                    o.insert(ids[rng.below(ids.len())].clone(), odd_value(rng, ids));
                }
                _ => mutate(o.get_mut(key).unwrap(), rng, ids, depth + 1),
            }
        }
        Value::Array(a) if !a.is_empty() => {
            let i = rng.below(a.len());
            match rng.below(6) {
                0 => {
                    a.remove(i);
                }
                1 => {
                    let copy = a[i].clone();
                    a.push(copy);
                }
                2 => a[i] = odd_value(rng, ids),
                _ => mutate(&mut a[i], rng, ids, depth + 1),
            }
        }
        _ => *v = odd_value(rng, ids),
    }
    if depth == 0 && rng.chance(50) {
        mutate(v, rng, ids, 0);
    }
}

/// Damages a text: cuts it, flips bytes, nests it deeply, or replaces it with noise.
fn damage(text: &str, rng: &Rng) -> String {
    let bytes = text.as_bytes();
    match rng.below(5) {
        0 => String::from_utf8_lossy(&bytes[..rng.below(bytes.len() + 1)]).into_owned(),
        1 => {
            let mut b = bytes.to_vec();
            for _ in 0..1 + rng.below(8) {
                let i = rng.below(b.len());
                b[i] = (rng.next() & 0xff) as u8;
            }
            String::from_utf8_lossy(&b).into_owned()
        }
        2 => {
            let n = 1 + rng.below(5_000);
            format!("{}{text}{}", "[".repeat(n), "]".repeat(rng.below(n + 1)))
        }
        3 => (0..rng.below(200))
            .map(|_| char::from_u32((rng.next() % 0x3000) as u32).unwrap_or('?'))
            .collect(),
        _ => text.to_owned(),
    }
}

fn check_report(q: &Questionnaire, sheet: &AnswerSheet) {
    let a = score(q, sheet);
    let in_range = |x: Option<f64>| x.is_none_or(|x| (0.0..=100.0).contains(&x));
    assert!(in_range(a.overall), "overall {:?}", a.overall);
    for d in &a.dimensions {
        assert!(in_range(d.score) && in_range(d.uncapped), "{:?}", d);
    }
    assert_eq!(a, score(q, sheet), "scoring is deterministic");
}

/// A sheet of random answers (valid or not) to `q`.
fn random_sheet(q: &Questionnaire, rng: &Rng, ids: &[String]) -> String {
    let mut answers = serde_json::Map::new();
    for question in q.questions() {
        if rng.chance(80) {
            let options = question.options();
            let pick = || {
                if rng.chance(95) {
                    json!(options[rng.below(options.len())].0)
                } else {
                    json!(ids[rng.below(ids.len())])
                }
            };
            let value = if question.multiple() || rng.chance(3) {
                Value::Array((0..1 + rng.below(3)).map(|_| pick()).collect())
            } else {
                pick()
            };
            answers.insert(question.id().to_string(), value);
        }
    }
    json!({"format": "exporter-assessment/answers@1",
           "questionnaire": {"id": q.doc().id, "version": q.doc().version},
           "answers": answers})
    .to_string()
}

fn answers_case(seed: u64) {
    BUILTIN.with(|q| {
        let rng = Rng::new(seed);
        let mut ids = Vec::new();
        strings(&serde_json::to_value(q.doc()).unwrap(), &mut ids);
        let text = random_sheet(q, &rng, &ids);
        let text = if rng.chance(60) {
            damage(&text, &rng)
        } else {
            text
        };
        if let Ok(sheet) = AnswerSheet::from_json(&text, q) {
            check_report(q, &sheet);
        }
        match Recovered::read(&text, q) {
            Recovered::Intact(sheet) | Recovered::Migrated { sheet, .. } => {
                sheet
                    .check(q)
                    .expect("a recovered sheet fits its questionnaire");
                check_report(q, &sheet);
            }
            Recovered::Unreadable(_) => {}
        }
    });
}

/// CRC-32 (IEEE), to forge codes whose check is right and whose content is not.
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

const GROUP_DIGITS: [usize; 8] = [0, 3, 5, 8, 10, 13, 15, 17];

fn code_bytes(code: &str) -> Vec<u8> {
    let mut out = Vec::new();
    for chunk in code.as_bytes().chunks(17) {
        let n = GROUP_DIGITS.iter().position(|d| *d == chunk.len()).unwrap();
        let v: u64 = std::str::from_utf8(chunk).unwrap().parse().unwrap();
        out.extend_from_slice(&v.to_be_bytes()[8 - n..]);
    }
    out
}

fn bytes_code(bytes: &[u8]) -> String {
    bytes
        .chunks(7)
        .map(|g| {
            let v = g.iter().fold(0u64, |v, b| v << 8 | u64::from(*b));
            format!("{v:0w$}", w = GROUP_DIGITS[g.len()])
        })
        .collect()
}

/// A hand-off code of a random valid sheet, then damaged: digits changed, cut or added, random
/// digits, or its content changed under a right check. Reading never panics, and what it accepts
/// fits the questionnaire.
fn handoff_case(seed: u64) {
    BUILTIN.with(|q| {
        let rng = Rng::new(seed);
        let mut ids = Vec::new();
        strings(&serde_json::to_value(q.doc()).unwrap(), &mut ids);
        let Ok(sheet) = AnswerSheet::from_json(&random_sheet(q, &rng, &ids), q) else {
            return;
        };
        let date = Date::from_days_since_1970(10_957 + rng.below(65_536) as i64).unwrap();
        let code = encode(q, &sheet, date).unwrap().to_string();
        let text = match rng.below(5) {
            0 => {
                let mut b = code.clone().into_bytes();
                for _ in 0..1 + rng.below(4) {
                    let i = rng.below(b.len());
                    b[i] = b'0' + rng.below(10) as u8;
                }
                String::from_utf8(b).unwrap()
            }
            1 => code[..rng.below(code.len() + 1)].to_owned(),
            2 => (0..rng.below(300))
                .map(|_| char::from(b'0' + rng.below(10) as u8))
                .collect(),
            3 => {
                let mut bytes = code_bytes(&code);
                for _ in 0..1 + rng.below(4) {
                    match rng.below(3) {
                        0 => {
                            let i = 5 + rng.below(bytes.len() - 5);
                            bytes[i] = (rng.next() & 0xff) as u8;
                        }
                        1 if bytes.len() > 6 => {
                            bytes.remove(5 + rng.below(bytes.len() - 5));
                        }
                        _ => bytes.insert(5 + rng.below(bytes.len() - 4), rng.next() as u8),
                    }
                }
                let crc = crc32(&[&bytes[..1], &bytes[5..]].concat());
                bytes[1..5].copy_from_slice(&crc.to_be_bytes());
                bytes_code(&bytes)
            }
            _ => code.clone(),
        };
        match decode(&text, q) {
            Ok(handed) => {
                handed
                    .sheet
                    .check(q)
                    .expect("a decoded sheet fits its questionnaire");
                check_report(q, &handed.sheet);
                if text == code {
                    assert_eq!(handed.date, date);
                    assert_eq!(score(q, &handed.sheet), score(q, &sheet));
                }
            }
            Err(e) => assert!(text != code, "{e}: {code}"),
        }
    });
}

fn questionnaire_case(seed: u64) {
    let rng = Rng::new(seed);
    let mut doc = common::tiny();
    let mut ids = Vec::new();
    strings(&doc, &mut ids);
    for _ in 0..1 + rng.below(3) {
        mutate(&mut doc, &rng, &ids, 0);
    }
    let text = doc.to_string();
    let text = if rng.chance(20) {
        damage(&text, &rng)
    } else {
        text
    };
    if let Ok(q) = Questionnaire::from_json(&text) {
        for _ in 0..3 {
            let sheet = random_sheet(&q, &rng, &ids);
            if let Ok(sheet) = AnswerSheet::from_json(&sheet, &q) {
                check_report(&q, &sheet);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    #[ignore = "fuzzing: run by scripts/fuzz"]
    fn fuzz_answers_parser_and_scorer(seed in any::<u64>()) {
        answers_case(seed);
    }

    #[test]
    #[ignore = "fuzzing: run by scripts/fuzz"]
    fn fuzz_questionnaire_parser_and_scorer(seed in any::<u64>()) {
        questionnaire_case(seed);
    }

    #[test]
    #[ignore = "fuzzing: run by scripts/fuzz"]
    fn fuzz_handoff_reader(seed in any::<u64>()) {
        handoff_case(seed);
    }
}

/// Seeds that once failed, kept so that they never fail again.
#[test]
fn regressions() {
    for seed in REGRESSIONS {
        answers_case(*seed);
        questionnaire_case(*seed);
        handoff_case(*seed);
    }
}

const REGRESSIONS: &[u64] = &[
    // A weight of 1e308: the weighted sum overflowed and the overall score was infinite. Weights
    // are now bounded by MAX_WEIGHT.
    15300491990696001832,
];
