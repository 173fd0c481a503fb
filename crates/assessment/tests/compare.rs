//! Progress between two assessments, as a table of hand-checked cases on the tiny
//! questionnaire (tests/common.rs: A1 weight 1 and A2 weight 3 in `a`; B1 weight 1 and B2 weight 2
//! in `b`, B2 only when P.eu = yes and a critical gap at level ≤ 1, `b` capped at 40; target 3 and
//! one recommendation at levels 0–2 for every item), and on the shipped questionnaire with answers
//! of its version 1.1.0 and 1.0.0.

use assessment::{
    compare, AnswerProblem, AnswerSheet, AnswersError, Clause, CompareError, Comparison,
    QuestionId, Trend, Which,
};
use serde_json::json;

use crate::common::{builtin, load, sheet, tiny};

fn ids<T>(list: &[T], id: impl Fn(&T) -> &str) -> Vec<String> {
    list.iter().map(|x| id(x).to_owned()).collect()
}

struct Case {
    name: &'static str,
    earlier: &'static [(&'static str, &'static str)],
    later: &'static [(&'static str, &'static str)],
    overall: (Option<f64>, Option<f64>, Option<f64>),
    stage: (&'static str, &'static str, Trend),
    /// The change of dimensions a and b.
    dimensions: [Option<f64>; 2],
    /// "item before→after".
    improved: &'static [&'static str],
    fell_back: &'static [&'static str],
    gaps_closed: &'static [&'static str],
    gaps_new: &'static [&'static str],
    /// Items of the earlier plan's actions now done, in that plan's order.
    done: &'static [&'static str],
    stopped_applying: &'static [&'static str],
    started_applying: &'static [&'static str],
}

const CASES: &[Case] = &[
    // a: 50 (all level 2) → (1·2/4 + 3·4/4)/4 = 87.5. b: (1·4/4 + 2·1/4)/3 = 50, capped at 40 by
    // B2's gap → (1·3/4 + 2·3/4)/3 = 75. Overall (50 + 40)/2 = 45.0 → (87.5 + 75)/2 = 81.25 →
    // 81.3. Earlier plan: B2 (critical), A2 (3·1), A1 (1·1); A2 and B2 rose above level 2.
    Case {
        name: "better in most, B1 fell back, the gap closed",
        earlier: &[
            ("P.eu", "yes"),
            ("A1", "l2"),
            ("A2", "l2"),
            ("B1", "l4"),
            ("B2", "l1"),
        ],
        later: &[
            ("P.eu", "yes"),
            ("A1", "l2"),
            ("A2", "l4"),
            ("B1", "l3"),
            ("B2", "l3"),
        ],
        overall: (Some(45.0), Some(81.3), Some(36.3)),
        stage: ("level2", "level4", Trend::Up),
        dimensions: [Some(37.5), Some(35.0)],
        improved: &["A2 2→4", "B2 1→3"],
        fell_back: &["B1 4→3"],
        gaps_closed: &["B2"],
        gaps_new: &[],
        done: &["B2", "A2"],
        stopped_applying: &[],
        started_applying: &[],
    },
    // The reverse: B2 falls into the gap, nothing of the earlier plan is done.
    Case {
        name: "worse: a new gap",
        earlier: &[
            ("P.eu", "yes"),
            ("A1", "l2"),
            ("A2", "l4"),
            ("B1", "l3"),
            ("B2", "l3"),
        ],
        later: &[
            ("P.eu", "yes"),
            ("A1", "l2"),
            ("A2", "l2"),
            ("B1", "l4"),
            ("B2", "l1"),
        ],
        overall: (Some(81.3), Some(45.0), Some(-36.3)),
        stage: ("level4", "level2", Trend::Down),
        dimensions: [Some(-37.5), Some(-35.0)],
        improved: &["B1 3→4"],
        fell_back: &["A2 4→2", "B2 3→1"],
        gaps_closed: &[],
        gaps_new: &["B2"],
        done: &[],
        stopped_applying: &[],
        started_applying: &[],
    },
    // The firm stopped selling to the EU: B2 no longer applies (its answer kept, not scored), so
    // its gap is gone but not "closed", and its action is not "done". a: 50; b: (1·1/4 + 2·1/4)/3
    // = 25 → B1 alone, 25. Overall 37.5 both times.
    Case {
        name: "an item that stopped applying",
        earlier: &[
            ("P.eu", "yes"),
            ("A1", "l2"),
            ("A2", "l2"),
            ("B1", "l1"),
            ("B2", "l1"),
        ],
        later: &[
            ("P.eu", "no"),
            ("A1", "l2"),
            ("A2", "l2"),
            ("B1", "l1"),
            ("B2", "l1"),
        ],
        overall: (Some(37.5), Some(37.5), Some(0.0)),
        stage: ("level1", "level1", Trend::Same),
        dimensions: [Some(0.0), Some(0.0)],
        improved: &[],
        fell_back: &[],
        gaps_closed: &[],
        gaps_new: &[],
        done: &[],
        stopped_applying: &["B2"],
        started_applying: &[],
    },
    // And back: B2 applies again. b: B1 alone 100 → (1·4/4 + 2·4/4)/3 = 100.
    Case {
        name: "an item that started applying",
        earlier: &[("P.eu", "no"), ("A1", "l4"), ("A2", "l4"), ("B1", "l4")],
        later: &[
            ("P.eu", "yes"),
            ("A1", "l4"),
            ("A2", "l4"),
            ("B1", "l4"),
            ("B2", "l4"),
        ],
        overall: (Some(100.0), Some(100.0), Some(0.0)),
        stage: ("level4", "level4", Trend::Same),
        dimensions: [Some(0.0), Some(0.0)],
        improved: &[],
        fell_back: &[],
        gaps_closed: &[],
        gaps_new: &[],
        done: &[],
        stopped_applying: &[],
        started_applying: &["B2"],
    },
    // A first assessment that had only begun: no score before, so no change, and nothing of it
    // "improved" (an item answered only later is not an item that rose).
    Case {
        name: "from a partial assessment",
        earlier: &[("P.eu", "yes"), ("A1", "l1")],
        later: &[
            ("P.eu", "yes"),
            ("A1", "l3"),
            ("A2", "l3"),
            ("B1", "l3"),
            ("B2", "l3"),
        ],
        overall: (Some(25.0), Some(75.0), Some(50.0)),
        stage: ("level1", "level3", Trend::Up),
        dimensions: [Some(50.0), None],
        improved: &["A1 1→3"],
        fell_back: &[],
        gaps_closed: &[],
        gaps_new: &[],
        done: &["A1"],
        stopped_applying: &[],
        started_applying: &[],
    },
];

fn check(case: &Case, c: &Comparison) -> Vec<String> {
    let mut wrong = Vec::new();
    let mut expect = |what: &str, got: String, want: String| {
        if got != want {
            wrong.push(format!("{}: {what} is {got}, expected {want}", case.name));
        }
    };
    expect(
        "overall",
        format!(
            "{:?}",
            (c.overall.before, c.overall.after, c.overall.change)
        ),
        format!("{:?}", case.overall),
    );
    expect(
        "stage",
        format!(
            "{:?}",
            (
                c.stage.before.as_ref().map(|s| s.0.as_str()),
                c.stage.after.as_ref().map(|s| s.0.as_str()),
                c.stage.trend
            )
        ),
        format!(
            "{:?}",
            (Some(case.stage.0), Some(case.stage.1), Some(case.stage.2))
        ),
    );
    expect(
        "dimension changes",
        format!(
            "{:?}",
            c.dimensions
                .iter()
                .map(|d| d.score.change)
                .collect::<Vec<_>>()
        ),
        format!("{:?}", case.dimensions),
    );
    let levels = |l: &[assessment::LevelChange]| {
        l.iter()
            .map(|c| format!("{} {}→{}", c.item, c.before, c.after))
            .collect::<Vec<_>>()
    };
    expect(
        "improved",
        format!("{:?}", levels(&c.improved)),
        format!("{:?}", case.improved),
    );
    expect(
        "fell back",
        format!("{:?}", levels(&c.fell_back)),
        format!("{:?}", case.fell_back),
    );
    expect(
        "gaps closed",
        format!("{:?}", ids(&c.gaps_closed, |g| g.item.as_str())),
        format!("{:?}", case.gaps_closed),
    );
    expect(
        "new gaps",
        format!("{:?}", ids(&c.gaps_new, |g| g.item.as_str())),
        format!("{:?}", case.gaps_new),
    );
    expect(
        "done",
        format!("{:?}", ids(&c.done, |r| r.item.as_str())),
        format!("{:?}", case.done),
    );
    expect(
        "stopped applying",
        format!("{:?}", ids(&c.stopped_applying, |i| i.item.as_str())),
        format!("{:?}", case.stopped_applying),
    );
    expect(
        "started applying",
        format!("{:?}", ids(&c.started_applying, |i| i.item.as_str())),
        format!("{:?}", case.started_applying),
    );
    wrong
}

#[test]
fn comparisons_of_hand_checked_cases() {
    let q = load(&tiny());
    let wrong: Vec<String> = CASES
        .iter()
        .flat_map(|case| {
            let c = compare(&q, &sheet(&q, case.earlier), &sheet(&q, case.later))
                .unwrap_or_else(|e| panic!("{}: {e}", case.name));
            assert_eq!(c.earlier.carried, None);
            assert_eq!(c.later.carried, None);
            check(case, &c)
        })
        .collect();
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

/// The comparison's one sentence, clause by clause, for each hand-checked case in order: what moved,
/// and nothing said of what did not (no gap closed, none new).
#[test]
fn the_headline_gives_the_change_the_stage_and_the_gaps() {
    let q = load(&tiny());
    let expected = [
        "+36.3 | up to level4 | 1 closed",
        "-36.3 | down to level2 | 1 new",
        "+0.0 | still level1",
        "+0.0 | still level4",
        "+50.0 | up to level3",
    ];
    assert_eq!(CASES.len(), expected.len());
    for (case, expected) in CASES.iter().zip(expected) {
        let c = compare(&q, &sheet(&q, case.earlier), &sheet(&q, case.later)).unwrap();
        let said = c
            .headline()
            .iter()
            .map(|clause| match clause {
                Clause::Points(change) => format!("{change:+.1}"),
                Clause::Stage { trend, now } => match trend {
                    Trend::Up => format!("up to {now}"),
                    Trend::Same => format!("still {now}"),
                    Trend::Down => format!("down to {now}"),
                },
                Clause::GapsClosed(n) => format!("{n} closed"),
                Clause::GapsNew(n) => format!("{n} new"),
            })
            .collect::<Vec<_>>()
            .join(" | ");
        assert_eq!(said, expected, "{}", case.name);
    }
}

/// The earlier answers were given to version 0.9.0, since which A1 asks something else and A9 is
/// gone: both are listed, the rest is compared. a: A2 alone 50 → (1·4/4 + 3·2/4)/4 = 62.5; b: 50
/// both times; overall 50 → 56.25 → 56.3.
#[test]
fn an_earlier_version_is_carried_over_and_what_was_not_is_listed() {
    let mut doc = tiny();
    doc["migrations"] = json!([{"from": "0.9.0", "changed": ["A1"]}]);
    let q = load(&doc);
    let earlier: AnswerSheet = serde_json::from_value(json!({
        "format": "exporter-assessment/answers@1",
        "questionnaire": {"id": "tiny", "version": "0.9.0"},
        "answers": {"P.eu": "yes", "A1": "l0", "A2": "l2", "A9": "l1", "B1": "l2", "B2": "l2"}
    }))
    .unwrap();
    let later = sheet(
        &q,
        &[
            ("P.eu", "yes"),
            ("A1", "l4"),
            ("A2", "l2"),
            ("B1", "l2"),
            ("B2", "l2"),
        ],
    );
    let c = compare(&q, &earlier, &later).unwrap();
    let carried = c.earlier.carried.as_ref().unwrap();
    assert_eq!(carried.from.version, "0.9.0");
    assert_eq!(
        carried.dropped,
        [
            AnswerProblem::Changed {
                question: QuestionId::from("A1"),
                since: "0.9.0".into()
            },
            AnswerProblem::UnknownQuestion(QuestionId::from("A9")),
        ]
    );
    assert_eq!(c.later.carried, None);
    assert_eq!(c.earlier.report.questionnaire, q.reference());
    assert_eq!(
        (c.overall.before, c.overall.after, c.overall.change),
        (Some(50.0), Some(56.3), Some(6.3))
    );
    assert_eq!(c.dimensions[0].score.change, Some(12.5));
    // A1 was not answered earlier, as far as this version is concerned: it did not "improve".
    assert!(c.improved.is_empty(), "{:?}", c.improved);
    let json = serde_json::to_value(&c).unwrap();
    assert_eq!(
        json["earlier"]["carried"]["dropped"][0],
        json!({"changed": {"question": "A1", "since": "0.9.0"}})
    );
    assert!(json["later"].get("carried").is_none());
}

fn fixture(name: &str) -> serde_json::Value {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(name);
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The shipped questionnaire: west-steel-eu's answers saved by version 1.1.0 of it, then a
/// follow-up with three answers changed. T2 erp → connected (level 2 → 3), I4 offline →
/// data_marketing (0 → 2), R5 estimates → partial (1 → 2, closing the CBAM gap).
/// Version 1.3.0 asks the goods again (its goods list grew), so the earlier sheet has no goods: whether the
/// CBAM item R5 (weight 1.5) applies is open, and it drops out of the earlier score.
/// Technology: 50.0 → (5.75·½ + 1.5·¼)/5.75 = 56.5; industry: 3.3125/9.5 = 34.9 → 4.0625/9.5 =
/// 42.8; institutions: (2.5 − 1.5·¼)/(6.5 − 1.5) = 42.5 → 2.875/6.5 = 44.2; overall
/// (50 + 34.87 + 42.5)/3 = 42.5 → 143.5/3 = 47.8.
#[test]
fn a_follow_up_of_answers_to_version_1_1_0_of_the_shipped_questionnaire() {
    let q = builtin();
    let mut earlier = fixture("west-steel-eu.json");
    earlier["questionnaire"]["version"] = json!("1.1.0");
    let earlier: AnswerSheet = serde_json::from_value(earlier).unwrap();
    let mut later = fixture("west-steel-eu.json");
    later["answers"]["T2"] = json!("connected");
    later["answers"]["I4"] = json!("data_marketing");
    later["answers"]["R5"] = json!("partial");
    let later: AnswerSheet = serde_json::from_value(later).unwrap();

    let c = compare(&q, &earlier, &later).unwrap();
    let carried = c.earlier.carried.as_ref().unwrap();
    assert_eq!(carried.from.version, "1.1.0");
    assert_eq!(
        carried.dropped,
        [AnswerProblem::Changed {
            question: "P.goods".into(),
            since: "1.1.0".into()
        }]
    );
    assert_eq!(
        (c.overall.before, c.overall.after, c.overall.change),
        (Some(42.5), Some(47.8), Some(5.3))
    );
    assert_eq!(c.stage.trend, Some(Trend::Same));
    assert_eq!(
        c.dimensions
            .iter()
            .map(|d| (d.score.before, d.score.after, d.score.change))
            .collect::<Vec<_>>(),
        [
            (Some(50.0), Some(56.5), Some(6.5)),
            (Some(34.9), Some(42.8), Some(7.9)),
            (Some(42.5), Some(44.2), Some(1.7)),
        ]
    );
    let improved: Vec<String> = c
        .improved
        .iter()
        .map(|l| format!("{} {}→{}", l.item, l.before, l.after))
        .collect();
    // R5 was open earlier (no goods), so it neither improved nor had a gap to close.
    assert_eq!(improved, ["T2 2→3", "I4 0→2"]);
    assert!(c.fell_back.is_empty());
    assert!(c.gaps_closed.is_empty());
    assert!(c.gaps_new.is_empty());
    // The earlier plan: I4's "now" action (levels 0–1) is done; I4's "this year" action (0–2) is
    // still to do at level 2; T2's "this year" action (0–2) is done at level 3.
    assert_eq!(
        c.done
            .iter()
            .map(|r| format!("{} {:?}", r.item, r.horizon))
            .collect::<Vec<_>>(),
        ["I4 Now", "T2 ThisYear"]
    );

    // Saved by 1.0.0 instead: I4 (and P.goods) changed meaning since, so its earlier answer is
    // not compared.
    let mut old = fixture("west-steel-eu.json");
    old["questionnaire"]["version"] = json!("1.0.0");
    let old: AnswerSheet = serde_json::from_value(old).unwrap();
    let c = compare(&q, &old, &later).unwrap();
    assert_eq!(
        c.earlier.carried.as_ref().unwrap().dropped,
        [
            AnswerProblem::Changed {
                question: QuestionId::from("I4"),
                since: "1.0.0".into()
            },
            AnswerProblem::Changed {
                question: QuestionId::from("P.goods"),
                since: "1.0.0".into()
            }
        ]
    );
    assert!(!c.improved.iter().any(|l| l.item.as_str() == "I4"));
}

#[test]
fn answers_to_another_questionnaire_are_refused_saying_which() {
    let q = load(&tiny());
    let other: AnswerSheet = serde_json::from_value(json!({
        "format": "exporter-assessment/answers@1",
        "questionnaire": {"id": "digital-trade", "version": "1.2.0"},
        "answers": {}
    }))
    .unwrap();
    let ours = sheet(&q, &[("A1", "l2")]);
    let e = compare(&q, &ours, &other).unwrap_err();
    assert!(matches!(
        e,
        CompareError {
            which: Which::Later,
            error: AnswersError::OtherQuestionnaire { .. }
        }
    ));
    assert!(e.to_string().starts_with("the later answers: "), "{e}");
    assert_eq!(
        compare(&q, &other, &ours).unwrap_err().which,
        Which::Earlier
    );
}

/// The comparison resolved in one language: every name a front end shows, beside its figures.
#[test]
fn the_view_names_every_row_in_one_language() {
    use assessment::{ComparisonView, LangTag};
    let q = load(&tiny());
    let case = &CASES[0];
    let c = compare(&q, &sheet(&q, case.earlier), &sheet(&q, case.later)).unwrap();
    for (tag, question) in [("en", "question "), ("zh-CN", "question ")] {
        let lang = LangTag::from(tag);
        let view = ComparisonView::new(&q, &c, &lang);
        let suffix = if tag == "en" { "" } else { "（中）" };
        assert_eq!(view.overall(), &c.overall);
        let dimensions: Vec<_> = view
            .dimensions()
            .map(|d| (d.id.as_str(), d.score))
            .collect();
        assert_eq!(
            dimensions,
            [("a", &c.dimensions[0].score), ("b", &c.dimensions[1].score)]
        );
        let improved: Vec<_> = view
            .improved()
            .iter()
            .map(|r| (r.item.to_string(), r.text.to_owned(), r.before, r.after))
            .collect();
        let expected: Vec<_> = c
            .improved
            .iter()
            .map(|r| {
                let text = format!("{question}{}{suffix}", r.item);
                (r.item.to_string(), text, r.before, r.after)
            })
            .collect();
        assert_eq!(improved, expected, "{tag}");
        assert_eq!(view.fell_back()[0].text, format!("{question}B1{suffix}"));
        let closed: Vec<_> = view
            .gaps_closed()
            .iter()
            .map(|g| (g.item.to_string(), g.text))
            .collect();
        assert_eq!(closed, [("B2".to_owned(), &*format!("gap{suffix}"))]);
        assert!(view.gaps_new().is_empty());
        let done: Vec<_> = view.done().iter().map(|r| r.text.to_owned()).collect();
        assert_eq!(done, [format!("do it{suffix}"), format!("do it{suffix}")]);
        let (before, after) = view.stages();
        assert_eq!(
            (before.unwrap().id.as_str(), after.unwrap().id.as_str()),
            ("level2", "level4")
        );
    }
    // Items that stopped applying are named by their question too.
    let case = &CASES[2];
    let c = compare(&q, &sheet(&q, case.earlier), &sheet(&q, case.later)).unwrap();
    let lang = LangTag::from("en");
    let view = ComparisonView::new(&q, &c, &lang);
    let stopped: Vec<_> = view
        .stopped_applying()
        .iter()
        .map(|i| i.text.to_owned())
        .collect();
    assert_eq!(stopped, ["question B2"]);
}
