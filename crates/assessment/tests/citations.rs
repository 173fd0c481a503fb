//! Every benchmark quotes its figures from the section that holds them. The
//! check runs on the paper when it is beside the clone (`../shared/paper/`, as in CI) and says so
//! plainly when it is not; the section parser is tested on a small text always.

use std::path::Path;

use crate::common::builtin;
use assessment::citations::{check, sections, Verdict};

const PAPER: &str = "../../../shared/paper/regional-digital-trade.zh.txt";

#[test]
fn every_quote_is_in_the_section_it_cites() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(PAPER);
    let Ok(paper) = std::fs::read_to_string(&path) else {
        println!(
            "SKIPPED: the paper is not at {}; run `assess check-citations` when it is at hand",
            path.display()
        );
        return;
    };
    let q = builtin();
    let checked = check(q.doc(), &paper);
    assert!(checked.len() >= 34, "{} quotes", checked.len());
    let failed: Vec<String> = checked
        .iter()
        .filter(|c| c.verdict != Verdict::Found)
        .map(ToString::to_string)
        .collect();
    assert!(failed.is_empty(), "\n{}", failed.join("\n"));
}

/// Every number a benchmark's Chinese text gives is in one of its quotes, so no figure goes
/// unchecked.
#[test]
fn every_figure_of_a_benchmark_is_quoted() {
    let q = builtin();
    let mut failures = Vec::new();
    for (_, item) in q.items() {
        let Some(b) = &item.benchmark else { continue };
        let quoted: String = b.quotes.iter().map(|q| q.text.replace(' ', "")).collect();
        for n in figures(b.text.get(&"zh-CN".into())) {
            if !quoted.contains(&n) {
                failures.push(format!("{}: {n} is not quoted", item.id));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// The numbers of a text (`25`, `6.8`), leaving out section marks (`§1.1`).
fn figures(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut in_mark = false;
    for c in text.chars().chain([' ']) {
        if c.is_ascii_digit() || (c == '.' && !current.is_empty()) {
            current.push(c);
        } else {
            let n = current.trim_end_matches('.').to_owned();
            if !n.is_empty() && !in_mark {
                out.push(n);
            }
            current.clear();
            in_mark = c == '§';
        }
    }
    out
}

const SMALL: &str =
    "题目\n 引言\n2023 年的数字\n1 第一章\n1.1 一节\n密度达每平方公里\n 25 个\n1.2 二节\n\
                     长 40%\n2 第二章\n2.1 三节\n仅为 29%\n";

#[test]
fn sections_follow_the_headings_in_sequence() {
    let s = sections(SMALL);
    assert_eq!(
        s.keys().map(String::as_str).collect::<Vec<_>>(),
        ["§1", "§1.1", "§1.2", "§2", "§2.1"]
    );
    // A line starting with a year is not a heading; line breaks and spaces do not count.
    assert!(s["§1.1"].contains("密度达每平方公里25个"));
    assert!(!s["§1.1"].contains("40%"));
    assert!(s["§1"].contains("长40%"));
}

#[test]
fn a_quote_from_another_section_fails() {
    let mut doc = builtin().doc().clone();
    let item = &mut doc.dimensions[0].items[0];
    let b = item.benchmark.as_mut().unwrap();
    b.quotes = vec![
        assessment::model::Quote {
            section: "§1.2".into(),
            text: "每平方公里 25 个".into(),
        },
        assessment::model::Quote {
            section: "§1.1".into(),
            text: "每平方公里 25 个".into(),
        },
        assessment::model::Quote {
            section: "§9".into(),
            text: "25".into(),
        },
    ];
    let verdicts: Vec<Verdict> = check(&doc, SMALL)
        .iter()
        .filter(|c| c.item == "T1")
        .map(|c| c.verdict)
        .collect();
    assert_eq!(
        verdicts,
        [
            Verdict::NotInSection,
            Verdict::Found,
            Verdict::NoSuchSection
        ]
    );
}
