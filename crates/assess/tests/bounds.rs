//! Every file `assess` reads is bounded: refused by name, with the limit, within a second whatever
//! its content or key order, and read no further than the limit (memory stays bounded).

mod common;

use std::time::{Duration, Instant};

use common::*;

/// An answers document with `n` answers, keys in descending order (the worst order for a map
/// built by inserting into a sorted list).
fn answers_descending(n: usize) -> String {
    let mut text = String::from(
        r#"{"format": "exporter-assessment/answers@1", "questionnaire": {"id": "digital-trade", "version": "0"}, "answers": {"#,
    );
    for i in (0..n).rev() {
        if i + 1 < n {
            text.push(',');
        }
        text.push_str(&format!("\"Q{i:07}\":\"a\""));
    }
    text.push_str("}}");
    text
}

#[test]
fn a_json_lines_line_of_a_million_answers_is_refused_by_name_at_once() {
    let dir = scratch("bounds-jsonl");
    let file = dir.join("results.jsonl");
    let fixture =
        std::fs::read_to_string(root().join("tests/fixtures/west-steel-eu.json")).unwrap();
    let one_line =
        serde_json::to_string(&serde_json::from_str::<serde_json::Value>(&fixture).unwrap())
            .unwrap();
    let huge = answers_descending(1_000_000);
    assert!(huge.len() > 15_000_000, "{}", huge.len());
    std::fs::write(&file, format!("{huge}\n{one_line}\n")).unwrap();
    let started = Instant::now();
    let out = assess(&["cohort", Q, "--jsonl", file.to_str().unwrap(), "--json"]);
    let took = started.elapsed();
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["counted"], 1, "the line after it is counted");
    let refused = &json["refused"][0];
    assert!(refused["name"]
        .as_str()
        .unwrap()
        .ends_with("results.jsonl:1"));
    assert_eq!(
        refused["reason"],
        "this file is over 1024 KB; a result is a few KB: is it a result?"
    );
    eprintln!(
        "a line of 1 000 000 answers ({} MB): refused in {took:?}",
        huge.len() >> 20
    );
    assert!(took < Duration::from_secs(5), "{took:?}");
}

#[test]
fn a_file_over_its_limit_is_refused_by_name_with_the_limit() {
    let dir = scratch("bounds-files");
    let big = dir.join("big.json");
    // Over 4 MB, the questionnaire's limit; over 64 KB, the config's.
    std::fs::write(&big, format!("{{\"x\": \"{}\"}}", "a".repeat(5 << 20))).unwrap();
    let big = big.to_str().unwrap();
    let cases: [(&[&str], &str); 3] = [
        (
            &["validate", big],
            "the most this tool reads of a questionnaire",
        ),
        (
            &["validate", "--config", big],
            "the most this tool reads of an association's config",
        ),
        (
            &["score", Q, big],
            "the most this tool reads of a result or answers file",
        ),
    ];
    for (args, words) in cases {
        let started = Instant::now();
        let out = assess(args);
        assert!(!out.status.success(), "{args:?}");
        let err = stderr(&out);
        assert!(err.contains(big) && err.contains(words), "{args:?}: {err}");
        assert!(started.elapsed() < Duration::from_secs(5));
    }
}

#[test]
fn a_long_list_of_problems_is_cut_short() {
    // Answers to 1 500 questions the questionnaire does not have: a message of 20, then a count.
    let dir = scratch("bounds-problems");
    let file = dir.join("many.json");
    let version = serde_json::from_str::<serde_json::Value>(
        &std::fs::read_to_string(root().join(Q)).unwrap(),
    )
    .unwrap()["version"]
        .as_str()
        .unwrap()
        .to_owned();
    std::fs::write(
        &file,
        answers_descending(1_500)
            .replace("\"version\": \"0\"", &format!("\"version\": \"{version}\"")),
    )
    .unwrap();
    let out = assess(&["score", Q, file.to_str().unwrap()]);
    let err = stderr(&out);
    assert!(err.contains("1500 problem(s)"), "{err}");
    assert!(err.contains("… and 1480 more"), "{err}");
    assert!(err.len() < 4_000, "{}", err.len());
}

#[test]
fn a_config_of_many_problems_is_listed_cut_short() {
    // Weights for 30 items the questionnaire does not have: 20 listed, then a count.
    let dir = scratch("bounds-config-problems");
    let file = dir.join("config.json");
    let items: serde_json::Map<String, serde_json::Value> =
        (0..30).map(|i| (format!("X{i}"), 2.into())).collect();
    std::fs::write(
        &file,
        serde_json::json!({"origin": "https://association.example", "weights": {"items": items}})
            .to_string(),
    )
    .unwrap();
    let out = assess(&["validate", "--config", file.to_str().unwrap(), Q]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("30 problems:"), "{err}");
    assert_eq!(
        err.lines().filter(|l| l.starts_with("- ")).count(),
        20,
        "{err}"
    );
    assert!(err.contains("… and 10 more"), "{err}");
}
