//! How long the core takes natively: parsing and validating the shipped questionnaire, and scoring
//! a complete answer sheet. Run by `scripts/bench` (`cargo run --release --example bench`).

use std::time::Instant;

use assessment::{score, AnswerSheet, Questionnaire, BUILTIN_QUESTIONNAIRE};

/// Average microseconds of `f` over enough runs to take about half a second.
fn time<T>(mut f: impl FnMut() -> T) -> f64 {
    let start = Instant::now();
    let mut runs = 0u32;
    while start.elapsed().as_millis() < 500 {
        std::hint::black_box(f());
        runs += 1;
    }
    start.elapsed().as_secs_f64() * 1e6 / f64::from(runs)
}

fn main() {
    let sheet_json = include_str!("../../../tests/fixtures/gba-electronics-brand.json");
    let q = Questionnaire::from_json(BUILTIN_QUESTIONNAIRE).expect("valid");
    let sheet = AnswerSheet::from_json(sheet_json, &q).expect("valid");
    let validate = time(|| Questionnaire::from_json(BUILTIN_QUESTIONNAIRE).unwrap());
    let scoring = time(|| score(&q, &sheet));
    let both = time(|| {
        let q = Questionnaire::from_json(BUILTIN_QUESTIONNAIRE).unwrap();
        let sheet = AnswerSheet::from_json(sheet_json, &q).unwrap();
        score(&q, &sheet)
    });
    println!("native_parse_validate_us {validate:.0}");
    println!("native_score_us {scoring:.1}");
    println!("native_validate_and_score_us {both:.0}");
}
