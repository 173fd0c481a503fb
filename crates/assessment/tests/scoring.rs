//! Scoring on the tiny questionnaire, where every figure can be worked out by hand.

use assessment::{score, Applicability, ExportDecision, Horizon, QuestionId, StageId};

use crate::common::{load, sheet, tiny};

#[test]
fn dimension_score_is_the_weighted_mean_of_levels() {
    let q = load(&tiny());
    // a: A1 level 4 (weight 1), A2 level 0 (weight 3) → 100 × (1×1 + 3×0) / 4 = 25.
    // b: P.eu = no, so B2 does not apply; B1 level 2 → 50.
    let report = score(
        &q,
        &sheet(
            &q,
            &[("P.eu", "no"), ("A1", "l4"), ("A2", "l0"), ("B1", "l2")],
        ),
    );
    assert_eq!(report.dimensions[0].score, Some(25.0));
    assert_eq!(report.dimensions[1].score, Some(50.0));
    assert_eq!(report.overall, Some(37.5));
    assert_eq!(report.stage, Some(StageId::from("level1")));
    assert_eq!(report.bottleneck.as_ref().map(|d| d.as_str()), Some("a"));
    assert!(report.complete, "missing: {:?}", report.missing);
}

#[test]
fn not_applicable_is_dropped_not_scored_as_zero() {
    let q = load(&tiny());
    let report = score(&q, &sheet(&q, &[("P.eu", "no"), ("B1", "l4")]));
    let b2 = report.item(&QuestionId::from("B2")).unwrap();
    assert_eq!(b2.applicability, Applicability::NotApplicable);
    assert_eq!(report.dimensions[1].score, Some(100.0));
}

#[test]
fn critical_gap_caps_its_dimension_and_comes_first() {
    let q = load(&tiny());
    let answers = [
        ("P.eu", "yes"),
        ("A1", "l2"),
        ("A2", "l2"),
        ("B1", "l4"),
        ("B2", "l1"),
    ];
    let report = score(&q, &sheet(&q, &answers));
    // b uncapped: (1×1 + 2×0.25) / 3 × 100 = 50, capped at 40.
    let b = &report.dimensions[1];
    assert_eq!(
        (b.uncapped, b.score, b.capped),
        (Some(50.0), Some(40.0), true)
    );
    assert_eq!(report.critical_gaps.len(), 1);
    assert_eq!(report.critical_gaps[0].item.as_str(), "B2");
    // B2's gap (weight 2 × 2 = 4, critical) outranks A2's (3 × 1 = 3) and A1's (1 × 1 = 1).
    let ranked: Vec<(&str, f64, bool)> = report
        .recommendations
        .iter()
        .map(|r| (r.item.as_str(), r.priority, r.critical))
        .collect();
    assert_eq!(
        ranked,
        [("B2", 4.0, true), ("A2", 3.0, false), ("A1", 1.0, false)]
    );
    // All three are for now: the plan's first steps, with nothing left for a later horizon.
    let plan = assessment::plan(&q, &report, &assessment::LangTag::from("en"));
    let firsts: Vec<&str> = plan
        .first_steps
        .iter()
        .map(|s| s.recommendation().unwrap().item.as_str())
        .collect();
    assert_eq!(firsts, ["B2", "A2", "A1"]);
    assert!(plan.by_horizon.is_empty());
    assert!(report
        .recommendations
        .iter()
        .all(|r| r.horizon == Horizon::Now));
}

#[test]
fn no_gap_no_cap_and_no_recommendation_at_target() {
    let q = load(&tiny());
    let answers = [
        ("P.eu", "yes"),
        ("A1", "l3"),
        ("A2", "l4"),
        ("B1", "l3"),
        ("B2", "l3"),
    ];
    let report = score(&q, &sheet(&q, &answers));
    assert!(report.critical_gaps.is_empty());
    assert!(!report.dimensions[1].capped);
    assert!(report.recommendations.is_empty());
}

#[test]
fn stage_boundaries_follow_the_data() {
    let q = load(&tiny());
    // With A2 alone answered, dimension a scores its level × 25; B alone likewise.
    let check = |a: &str, b: &str, overall: f64, stage: &str| {
        let report = score(&q, &sheet(&q, &[("P.eu", "no"), ("A2", a), ("B1", b)]));
        assert_eq!(report.overall, Some(overall), "{a} {b}");
        assert_eq!(
            report.stage.as_ref().map(|s| s.as_str()),
            Some(stage),
            "{a} {b}"
        );
    };
    check("l0", "l0", 0.0, "unrated");
    check("l0", "l1", 12.5, "unrated");
    check("l1", "l1", 25.0, "level1");
    check("l0", "l2", 25.0, "level1");
    check("l2", "l1", 37.5, "level1");
    check("l2", "l2", 50.0, "level2");
    check("l3", "l2", 62.5, "level3");
    check("l4", "l2", 75.0, "level3");
    check("l3", "l3", 75.0, "level3");
    check("l4", "l3", 87.5, "level4");
    check("l4", "l4", 100.0, "level4");
}

#[test]
fn partial_answers_give_a_partial_result_naming_what_is_missing() {
    let q = load(&tiny());
    let report = score(&q, &sheet(&q, &[("A1", "l4")]));
    assert!(!report.complete);
    // P.eu is unanswered, so B2 may or may not apply: it is listed too.
    let missing: Vec<&str> = report.missing.iter().map(|m| m.as_str()).collect();
    assert_eq!(missing, ["P.eu", "A2", "B1", "B2"]);
    assert_eq!(report.dimensions[0].score, Some(100.0));
    assert_eq!(report.dimensions[1].score, None);
    assert_eq!(report.overall, Some(100.0));
    assert_eq!(report.export_path, ExportDecision::Pending);
    let b2 = report.item(&QuestionId::from("B2")).unwrap();
    assert_eq!(b2.applicability, Applicability::Undetermined);
}

#[test]
fn an_empty_sheet_scores_nothing() {
    let q = load(&tiny());
    let report = score(&q, &sheet(&q, &[]));
    assert_eq!(report.overall, None);
    assert_eq!(report.stage, None);
    assert_eq!(report.bottleneck, None);
    assert_eq!(report.missing.len(), 5);
    assert_eq!((report.progress.answered, report.progress.total), (0, 5));
}

#[test]
fn progress_counts_only_questions_that_apply() {
    let q = load(&tiny());
    let report = score(&q, &sheet(&q, &[("P.eu", "no"), ("A1", "l1")]));
    assert_eq!((report.progress.answered, report.progress.total), (2, 4));
    assert!(!report.shows(&QuestionId::from("B2")));
    assert!(report.shows(&QuestionId::from("B1")));
    let report = score(&q, &sheet(&q, &[("P.eu", "yes")]));
    assert_eq!((report.progress.answered, report.progress.total), (1, 5));
}

#[test]
fn answers_to_hidden_questions_are_kept_but_not_scored() {
    let q = load(&tiny());
    let answers = sheet(&q, &[("P.eu", "no"), ("B1", "l4"), ("B2", "l0")]);
    let report = score(&q, &answers);
    assert_eq!(report.dimensions[1].score, Some(100.0));
    assert!(report.critical_gaps.is_empty());
    assert!(answers.get(&QuestionId::from("B2")).is_some());
}

#[test]
fn scores_are_written_with_one_decimal_halves_away_from_zero() {
    use assessment::{format_score, OneDecimal};
    for (score, written) in [
        (Some(0.0), "0.0"),
        (Some(100.0), "100.0"),
        (Some(67.04), "67.0"),
        (Some(62.25), "62.3"),
        (Some(99.96), "100.0"),
        (Some(-0.04), "0.0"),
        (Some(-12.35), "-12.4"),
        (None, "–"),
    ] {
        assert_eq!(format_score(score), written, "{score:?}");
    }
    // Chart coordinates go through the same writer.
    assert_eq!(OneDecimal(180.0).to_string(), "180.0");
    assert_eq!(OneDecimal(-90.0).to_string(), "-90.0");
    assert_eq!(OneDecimal(f64::NAN).to_string(), "0.0");
}
