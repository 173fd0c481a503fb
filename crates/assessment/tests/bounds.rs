//! Maps built from a hostile file's keys take n·log n whatever their order, and a count limit is
//! refused while reading. Times are compared as a ratio (descending keys against ascending), never
//! against a clock, so that a loaded machine does not fail them.

use std::time::Instant;

use assessment::limits::MAX_ANSWERS;
use assessment::list_map::ListMap;
use assessment::AnswerSheet;

fn object(keys: impl Iterator<Item = usize>) -> String {
    let entries: Vec<String> = keys.map(|i| format!("\"k{i:07}\":{i}")).collect();
    format!("{{{}}}", entries.join(","))
}

/// The fastest of three runs of `f`, in seconds.
fn time(f: impl Fn()) -> f64 {
    (0..3)
        .map(|_| {
            let started = Instant::now();
            f();
            started.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

#[test]
fn a_map_of_descending_keys_is_built_as_fast_as_of_ascending_ones() {
    let n = 200_000;
    let ascending = object(0..n);
    let descending = object((0..n).rev());
    let read = |text: &str| {
        let map: ListMap<String, usize> = serde_json::from_str(text).unwrap();
        assert_eq!(map.len(), n);
    };
    let (up, down) = (time(|| read(&ascending)), time(|| read(&descending)));
    eprintln!(
        "{n} keys: ascending {up:.3} s, descending {down:.3} s, ratio {:.2}",
        down / up
    );
    // Inserting into a sorted list one by one made this ratio several hundred.
    assert!(down / up < 3.0, "ascending {up} s, descending {down} s");
}

#[test]
fn an_answers_file_with_more_answers_than_the_limit_is_refused_while_read() {
    let body = |n: usize| {
        let answers: Vec<String> = (0..n).rev().map(|i| format!("\"Q{i:07}\":\"a\"")).collect();
        format!(
            r#"{{"format": "exporter-assessment/answers@1", "questionnaire": {{"id": "x", "version": "1"}}, "answers": {{{}}}}}"#,
            answers.join(",")
        )
    };
    assert!(AnswerSheet::parse(&body(MAX_ANSWERS)).is_ok());
    let e = AnswerSheet::parse(&body(MAX_ANSWERS + 1)).unwrap_err();
    assert!(e.to_string().contains("more than 2000 answers"), "{e}");
}
