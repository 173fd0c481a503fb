//! The `assess` binary as a user runs it: exit codes, and what it prints.

mod common;

use common::*;

#[test]
fn validate_accepts_the_shipped_questionnaire() {
    let o = assess(&["validate", Q]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("22 scored items"), "{}", stdout(&o));
}

#[test]
fn validate_lists_every_problem_and_fails() {
    let dir = scratch("cli");
    let bad = dir.join("bad.json");
    let mut doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root().join(Q)).unwrap()).unwrap();
    doc["dimensions"][0]["items"][0]["weight"] = serde_json::json!(0);
    doc["dimensions"][0]["items"][1]["options"][2]["level"] = serde_json::json!(7);
    std::fs::write(&bad, doc.to_string()).unwrap();
    let o = assess(&["validate", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("item T1, field weight"), "{err}");
    assert!(err.contains("item T2, field options[2].level"), "{err}");
}

#[test]
fn score_prints_a_readable_report() {
    let o = assess(&["score", Q, "tests/fixtures/gba-electronics-brand.json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    for expected in [
        "Overall: 60.5  Stage: Level 3",
        "(capped from 44.2)",
        "CRITICAL GAPS",
        "Standard contract filing or personal information export certification",
        "Greater Bay Area standard contract",
    ] {
        assert!(out.contains(expected), "missing {expected:?} in\n{out}");
    }
    let zh = stdout(&assess(&[
        "score",
        Q,
        "tests/fixtures/gba-electronics-brand.json",
        "--lang",
        "zh-CN",
    ]));
    assert!(zh.contains("总分: 60.5  阶段: 三级"), "{zh}");
}

/// The first steps read in plain words: each step's text and reason hold no question code and no
/// `§` (those are on its "Sources" line), in both languages; the textile OEM's first step after
/// its duty in force comes from its weakest dimension.
#[test]
fn score_prints_first_steps_without_codes_and_with_why() {
    for (lang, heading, why, sources, weakest) in [
        (
            "en",
            "Your first steps",
            "Why first: ",
            "Sources: ",
            "Industry is your weakest area",
        ),
        (
            "zh-CN",
            "首要步骤",
            "为什么先做：",
            "出处：",
            "产业是您最薄弱的方面",
        ),
    ] {
        let o = assess(&[
            "score",
            Q,
            "tests/fixtures/textile-central-oem.json",
            "--lang",
            lang,
        ]);
        assert!(o.status.success(), "{}", stderr(&o));
        let out = stdout(&o);
        let steps: Vec<&str> = out
            .split_once(heading)
            .and_then(|(_, rest)| rest.split_once("\n\n"))
            .map(|(steps, _)| steps.lines().skip(1).collect())
            .unwrap_or_else(|| panic!("no first steps in\n{out}"));
        assert!(steps.len() > 10, "{out}");
        let mut reasons = 0;
        for line in &steps {
            let line = line.trim();
            if line.starts_with(sources) {
                // A gap's sources cite the paper's section; a duty's, the law and its article.
                assert!(
                    line.contains('§') || line.contains("Art.") || line.contains('条'),
                    "{line}"
                );
                continue;
            }
            reasons += usize::from(line.starts_with(why));
            assert!(!line.contains('§'), "{lang}: {line}");
            let code = line.split(|c: char| !c.is_ascii_alphanumeric()).any(|w| {
                w.len() > 1
                    && w.starts_with(['T', 'R', 'I', 'P'])
                    && w[1..].chars().all(|c| c.is_ascii_digit())
            });
            assert!(!code, "{lang}: a question code in {line}");
        }
        assert_eq!(reasons, 5, "{out}");
        // The textile OEM's first step comes from its weakest dimension, the one the verdict
        // names; the duty in force for its EU goods (REACH) follows.
        let whys: Vec<&&str> = steps.iter().filter(|l| l.trim().starts_with(why)).collect();
        assert!(whys[0].contains(weakest), "{out}");
    }
}

/// `--lang zh-CN` prints no label in English ("Overall", "CRITICAL GAPS", "level"…): a person who
/// asked for Chinese may read no English.
#[test]
fn score_in_chinese_prints_every_label_in_chinese() {
    for fixture in [
        "tests/fixtures/gba-electronics-brand.json",
        "tests/fixtures/west-steel-eu.json",
        "tests/fixtures/partial-profile-only.json",
    ] {
        let o = assess(&["score", Q, fixture, "--lang", "zh-CN"]);
        assert!(o.status.success(), "{}", stderr(&o));
        let zh = stdout(&o);
        for english in [
            "Overall",
            "Stage",
            "CRITICAL GAPS",
            "Data export path",
            "Items:",
            "level ",
            "answered",
            "bottleneck",
            "capped from",
            "Action plan",
            "priority",
            "PARTIAL RESULT",
            "not applicable",
            "unanswered",
            "you are",
        ] {
            assert!(!zh.contains(english), "{fixture}: {english:?} in\n{zh}");
        }
    }
}

/// The citation check, run as a maintainer runs it, when the paper is beside the clone.
#[test]
fn check_citations_passes_on_the_shipped_questionnaire() {
    let paper = root().join("../shared/paper/regional-digital-trade.zh.txt");
    if !paper.exists() {
        println!("skipped: the paper is not at {}", paper.display());
        return;
    }
    let o = assess(&["check-citations", Q, paper.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("0 not found"), "{}", stdout(&o));
}

#[test]
fn score_json_is_the_core_report() {
    let o = assess(&["score", Q, "tests/fixtures/west-steel-eu.json", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(report["overall"], 41.1);
    assert_eq!(report["critical_gaps"][0]["item"], "R5");
}

#[test]
fn score_refuses_answers_of_another_questionnaire() {
    let dir = scratch("cli-other");
    let other = dir.join("foreign.json");
    std::fs::write(
        &other,
        r#"{"format":"exporter-assessment/answers@1","questionnaire":{"id":"other","version":"1"},"answers":{}}"#,
    )
    .unwrap();
    let o = assess(&["score", Q, other.to_str().unwrap()]);
    assert!(!o.status.success());
    let err = stderr(&o);
    assert!(
        err.contains(r#"made for questionnaire "other" version 1, not for "digital-trade""#),
        "{err}"
    );
}

#[test]
fn schema_prints_json_schema() {
    let o = assess(&["schema"]);
    assert!(o.status.success());
    let schema: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(schema["title"], "QuestionnaireDoc");
}

#[test]
fn validate_config_reports_an_associations_problems_by_field() {
    let dir = scratch("cli-config");
    let write = |name: &str, text: &str| {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        path.to_str().unwrap().to_owned()
    };
    let good = write(
        "good.json",
        r#"{"name": "Assoc", "origin": "https://assoc.example", "sections": ["technology"],
            "weights": {"items": {"T1": 2}, "dimensions": {"technology": 1.5}}}"#,
    );
    let o = assess(&["validate", "--config", &good]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("valid"), "{}", stdout(&o));
    assert!(stdout(&o).contains("1 dimension asked"), "{}", stdout(&o));

    let bad = write(
        "bad.json",
        r#"{"origin": "https://assoc.example/page", "language": "fr",
            "theme": {"brand": "red; x"}, "sections": ["technology", "marketing"],
            "weights": {"items": {"T1": 0, "R1": 2}}}"#,
    );
    let o = assess(&["validate", "--config", &bad]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    for expected in [
        "config, field origin:",
        "config, field language: \"fr\" is not one of the languages offered: zh-CN, en",
        "config, field theme.brand:",
        "config, field sections[1]: the questionnaire has no dimension \"marketing\"",
        "config, field weights.items.T1: weight 0",
        // R1 is an item of a dimension the config does not ask.
        "config, field weights.items.R1: \"R1\" is not asked",
    ] {
        assert!(err.contains(expected), "{expected}\n{err}");
    }
    assert!(err.contains(&format!("{bad}: config")), "{err}");

    // The association's own questionnaire, given beside its config.
    let own = write(
        "own.json",
        r#"{"origin": "https://assoc.example", "questionnaire": "https://assoc.example/q.json",
            "weights": {"dimensions": {"technology": 2}}}"#,
    );
    let o = assess(&["validate", "--config", &own]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("pass that file too"), "{}", stderr(&o));
    let o = assess(&[
        "validate",
        "--config",
        &own,
        "tests/fixtures/association-questionnaire.json",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("field weights.dimensions.technology: \"technology\" is not asked"),
        "{}",
        stderr(&o)
    );

    // Not a config at all, and a weight not said to be an item's or a dimension's.
    for text in [
        r#"{"colour": "red"}"#,
        r#"{"origin": "https://a.example", "weights": {"T1": 2}}"#,
    ] {
        let path = write("not.json", text);
        let o = assess(&["validate", "--config", &path]);
        assert_eq!(o.status.code(), Some(1));
        assert!(
            stderr(&o).contains("config: not in the expected format"),
            "{}",
            stderr(&o)
        );
    }
}

/// `assess compare` on west-steel-eu saved by version 1.1.0, then a follow-up with T2,
/// I4 and R5 better (figures worked out in crates/assessment/tests/compare.rs).
#[test]
fn compare_prints_the_progress_between_two_assessments() {
    let dir = scratch("cli-compare");
    let fixture: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/fixtures/west-steel-eu.json")).unwrap(),
    )
    .unwrap();
    let earlier = fixture.clone();
    // The same answers saved by version 1.1.0: carried over, but for the goods, asked again since
    // 1.3.0.
    let mut old = fixture.clone();
    old["questionnaire"]["version"] = serde_json::json!("1.1.0");
    let mut later = fixture;
    later["answers"]["T2"] = serde_json::json!("connected");
    later["answers"]["I4"] = serde_json::json!("data_marketing");
    later["answers"]["R5"] = serde_json::json!("partial");
    // Named so that no English word of the output is in a file name.
    let (e, l, o) = (
        dir.join("2025.json"),
        dir.join("2026.json"),
        dir.join("2024.json"),
    );
    std::fs::write(&e, earlier.to_string()).unwrap();
    std::fs::write(&l, later.to_string()).unwrap();
    std::fs::write(&o, old.to_string()).unwrap();
    let (e, l, old) = (
        e.to_str().unwrap(),
        l.to_str().unwrap(),
        o.to_str().unwrap(),
    );

    let out = stdout(&assess(&["compare", Q, old, l]));
    for expected in [
        "answers to version 1.1.0, carried over to this version",
        "not carried over: question \"P.goods\" has changed since version 1.1.0: answer it again",
    ] {
        assert!(out.contains(expected), "missing {expected:?} in\n{out}");
    }

    let o = assess(&["compare", Q, e, l]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    for expected in [
        "   41.1    47.8    +6.7  Overall",
        "   34.9    42.8    +7.9  Industry",
        "Stage: Level 2 → Level 2",
        "T2  level 2 → 3",
        "I4  level 0 → 2",
        "Critical gaps closed:\n  ! R5: ",
        "New critical gaps:\n  none",
        "Done from the earlier action plan:\n  ✓ [R5] ",
    ] {
        assert!(out.contains(expected), "missing {expected:?} in\n{out}");
    }

    let zh = stdout(&assess(&["compare", Q, old, l, "--lang", "zh-CN"]));
    assert!(zh.contains("按问卷 1.1.0 版作答"), "{zh}");
    let zh = stdout(&assess(&["compare", Q, e, l, "--lang", "zh-CN"]));
    assert!(zh.contains("+6.7  总分"), "{zh}");
    for english in [
        "Overall",
        "Stage",
        "earlier",
        "later",
        "change",
        "level ",
        "Improved",
        "Fell back",
        "Critical",
        "Done",
        "none",
        "carried",
    ] {
        assert!(!zh.contains(english), "{english:?} in\n{zh}");
    }

    // --json is the core's comparison, whole.
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&assess(&["compare", Q, e, l, "--json"]))).unwrap();
    assert_eq!(json["overall"]["change"], serde_json::json!(6.7));
    assert!(json["earlier"].get("carried").is_none());
    assert_eq!(json["gaps_closed"][0]["item"], "R5");
    assert_eq!(json["later"]["report"]["overall"], serde_json::json!(47.8));

    // Answers to another questionnaire: refused, naming the file.
    let other = dir.join("foreign.json");
    std::fs::write(
        &other,
        r#"{"format": "exporter-assessment/answers@1",
            "questionnaire": {"id": "other", "version": "1.0.0"}, "answers": {}}"#,
    )
    .unwrap();
    let o = assess(&["compare", Q, e, other.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("foreign.json: these answers were made for questionnaire \"other\""),
        "{err}"
    );
}

#[test]
fn link_prints_a_hand_off_link_that_reads_back_as_the_answers() {
    let dir = scratch("cli-link");
    let mut answers: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/fixtures/west-steel-eu.json")).unwrap(),
    )
    .unwrap();
    answers["date"] = serde_json::json!("2026-11-20");
    let file = dir.join("answers.json");
    std::fs::write(&file, answers.to_string()).unwrap();
    let file = file.to_str().unwrap();

    let o = assess(&["link", Q, file, "https://assess.example/app/"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let link = stdout(&o);
    let code = link
        .trim_end()
        .strip_prefix("https://assess.example/app/#")
        .unwrap_or_else(|| panic!("{link}"));
    assert!(code.bytes().all(|b| b.is_ascii_digit()), "{code}");
    let q = assessment::Questionnaire::from_json(&std::fs::read_to_string(root().join(Q)).unwrap())
        .unwrap();
    let back = assessment::handoff::decode(code, &q).unwrap();
    assert_eq!(back.date.to_string(), "2026-11-20");
    let sheet = assessment::AnswerSheet::from_json(&answers.to_string(), &q).unwrap();
    // The same answers (a code writes several options in the questionnaire's order), so the same report.
    assert_eq!(back.sheet.answers.len(), sheet.answers.len());
    assert_eq!(
        assessment::score(&q, &back.sheet),
        assessment::score(&q, &sheet)
    );

    let o = assess(&["link", Q, file, "http://localhost:8080/"]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("not an address a phone can open"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn generate_writes_the_same_answers_for_a_seed_answering_only_what_applies() {
    let dir = scratch("generate");
    let jsonl = |seed: &str, name: &str| {
        let file = dir.join(name);
        let o = assess(&[
            "generate",
            Q,
            "--count",
            "400",
            "--seed",
            seed,
            "--jsonl",
            file.to_str().unwrap(),
        ]);
        assert!(o.status.success(), "{}", stderr(&o));
        std::fs::read_to_string(file).unwrap()
    };
    let first = jsonl("7", "a.jsonl");
    assert_eq!(
        first,
        jsonl("7", "b.jsonl"),
        "the same seed, the same answers"
    );
    assert_ne!(first, jsonl("8", "c.jsonl"));

    let q = assessment::Questionnaire::from_json(&std::fs::read_to_string(root().join(Q)).unwrap())
        .unwrap();
    let (mut complete, mut follow_ups) = (0, 0);
    for line in first.lines() {
        let sheet = assessment::AnswerSheet::from_json(line, &q).unwrap();
        let report = assessment::score(&q, &sheet);
        for (id, _) in sheet.answers.iter() {
            assert!(
                !report.not_applicable.contains(id) && !report.pending.contains(id),
                "{id} answered, but it does not apply: {line}"
            );
            follow_ups += usize::from(q.question(id).unwrap().applies_when().is_some());
        }
        complete += usize::from(report.complete);
    }
    // Some stop part way or leave a question blank (about one in nine); the rest answer everything
    // that applies to them, follow-ups too, which only the core's conditions tell.
    assert!(
        (320..=390).contains(&complete),
        "{complete} of 400 complete"
    );
    assert!(follow_ups > 400, "{follow_ups} follow-ups answered");

    // One file each, numbered: the same documents.
    let files = generate(&dir.join("files"), 2, 7);
    assert!(files[1].ends_with("answers-00002.json"), "{files:?}");
    let parse = |text: &str| serde_json::from_str::<serde_json::Value>(text).unwrap();
    let written = std::fs::read_to_string(&files[1]).unwrap();
    assert_eq!(parse(&written), parse(first.lines().nth(1).unwrap()));

    let o = assess(&["generate", Q, "--count", "2", "--seed", "7"]);
    assert!(
        stderr(&o).contains("--out DIR or --jsonl FILE"),
        "{}",
        stderr(&o)
    );
}

/// Each problem of `assess … --json` as (file's name, place, id, field, kind).
fn kinds(out: &str) -> Vec<[String; 5]> {
    let v: serde_json::Value = serde_json::from_str(out).unwrap_or_else(|e| panic!("{e}: {out}"));
    assert_eq!(v["valid"], v["problems"].as_array().unwrap().is_empty());
    v["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let s = |key: &str| p[key].as_str().unwrap_or_default().to_owned();
            let file = std::path::Path::new(&s("file"))
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned();
            [file, s("place"), s("id"), s("field"), s("kind")]
        })
        .collect()
}

#[test]
fn validate_json_gives_each_problems_file_place_field_and_kind() {
    let o = assess(&[
        "validate",
        "tests/fixtures/invalid-questionnaire.json",
        "--json",
        "--lang",
        "zh-CN",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let file = "invalid-questionnaire.json";
    let row = |place: &str, id: &str, field: &str, kind: &str| {
        [file, place, id, field, kind].map(String::from)
    };
    assert_eq!(
        kinds(&stdout(&o)),
        [
            row("item", "D1", "options[2].level", "level_out_of_range"),
            row("item", "D2", "text", "missing_translation"),
            row("item", "D2", "applies_when", "unknown_question"),
        ]
    );
    // The words, in the language asked for, are the core's (`Problem::message`), as the app shows them.
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(
        v["problems"][0]["message"]
            .as_str()
            .unwrap()
            .contains("字段 options[2].level"),
        "{v}"
    );
    assert_eq!(v["problems"][0]["detail"], 7);

    let o = assess(&["validate", Q, "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(kinds(&stdout(&o)), Vec::<[String; 5]>::new());

    let dir = scratch("cli-json");
    let config = dir.join("config.json");
    std::fs::write(
        &config,
        r#"{"origin": "https://assoc.example", "weights": {"dimensions": {"marketing": 2}}}"#,
    )
    .unwrap();
    let o = assess(&["validate", "--config", config.to_str().unwrap(), "--json"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(
        kinds(&stdout(&o)),
        [[
            "config.json",
            "config",
            "",
            "weights.dimensions.marketing",
            "not_asked"
        ]
        .map(String::from)]
    );
}
