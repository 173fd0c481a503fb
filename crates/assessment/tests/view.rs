//! The resolved report: every id of a report turned into its texts in one language, so that no
//! front end looks anything up. Checked by hand on the tiny questionnaire in both languages, against
//! the questionnaire for every fixture of the shipped one, and for an association's questionnaire
//! of one dimension and no cap.

use std::path::Path;

use assessment::{
    score, AnswerSheet, Applicability, Cap, ExportDecision, Horizon, LangTag, Level, OptionId,
    PathView, Questionnaire, ReportView, Standing,
};
use serde_json::json;

use crate::common::{builtin, load, sheet, tiny};

/// The tiny questionnaire's texts are "X" in English and "X（中）" in Chinese.
fn in_lang(text: &str, lang: &str) -> String {
    if lang == "en" {
        text.to_owned()
    } else {
        format!("{text}（中）")
    }
}

#[test]
fn the_tiny_report_resolves_in_each_language() {
    let mut doc = tiny();
    doc["dimensions"][1]["title"] = json!({"zh-CN": "乙：合规", "en": "B: compliance"});
    doc["dimensions"][1]["items"][1]["benchmark"] = json!({
        "section": "§1.2", "text": {"zh-CN": "基准", "en": "benchmark"},
        "quotes": [{"section": "§1.2", "text": "x"}],
        "compare": {"level_from": 2, "ahead_from": 4}
    });
    let q = load(&doc);
    let answers = [
        ("P.eu", "yes"),
        ("A1", "l2"),
        ("A2", "l2"),
        ("B1", "l4"),
        ("B2", "l1"),
    ];
    let report = score(&q, &sheet(&q, &answers));
    for lang in ["en", "zh-CN"] {
        let tr = |s: &str| in_lang(s, lang);
        let tag = LangTag::from(lang);
        let v = ReportView::new(&q, &report, &tag);
        assert_eq!(v.title(), tr("Tiny"), "{lang}");
        assert_eq!(v.disclaimer(), tr("Guidance only"));
        assert_eq!(v.stage().map(|s| s.label), Some(&*tr("2")));

        // a: 50; b: uncapped 50, capped at 40 by B2's gap, so b is the bottleneck; overall 45.
        let b = v.dimensions().nth(1).expect("b");
        let (b_title, b_short) = match lang {
            "en" => ("B: compliance", "B"),
            _ => ("乙：合规", "乙"),
        };
        assert_eq!((b.title, b.short_title), (b_title, b_short));
        assert_eq!(
            (b.score, b.uncapped, b.cap, b.capped),
            (Some(40.0), Some(50.0), Some(40.0), true)
        );
        assert_eq!(v.bottleneck().map(|d| d.id.as_str()), Some("b"));
        let cap = Cap {
            dimension: b_short,
            cap: 40.0,
        };
        assert_eq!(v.gap_caps(), [cap]);

        let b2 = b.items().nth(1).expect("B2");
        assert_eq!(b2.text, tr("question B2"));
        assert_eq!(b2.answer, Some(&*tr("level 1")));
        assert_eq!(
            (b2.level, b2.target, b2.critical),
            (Some(Level::L1), Level::L3, true)
        );
        let bench = b2.benchmark.expect("benchmark");
        let bench_text = if lang == "en" { "benchmark" } else { "基准" };
        assert_eq!(
            (bench.text, bench.section, bench.standing),
            (bench_text, "§1.2", Some(Standing::Behind))
        );
        assert!(v.has_benchmarks());

        let gaps: Vec<_> = v.critical_gaps().collect();
        assert_eq!(gaps.len(), 1);
        let gap = gaps[0];
        assert_eq!(
            (gap.item.as_str(), gap.text, gap.basis),
            ("B2", &*tr("gap"), &*tr("GDPR Art. 3(2)"))
        );

        let PathView::Decided(path) = v.export_path() else {
            panic!("the path is decided by P.eu");
        };
        assert_eq!(
            (
                path.id.as_str(),
                path.title,
                path.reason,
                path.basis,
                path.procedure_required
            ),
            (
                "contract",
                &*tr("Contract"),
                &*tr("r"),
                &*tr("Art. 8"),
                true
            )
        );
        assert_eq!(path.duties().collect::<Vec<_>>(), [tr("file it")]);

        // B2 (critical, 2 × 2), then A2 (3 × 1), then A1 (1 × 1); B1 is at level 4.
        let recs: Vec<_> = v
            .recommendations()
            .map(|r| {
                (
                    r.item.as_str(),
                    r.text.to_owned(),
                    r.level,
                    r.target,
                    r.critical,
                )
            })
            .collect();
        assert_eq!(
            recs,
            [
                ("B2", tr("do it"), Level::L1, Level::L3, true),
                ("A2", tr("do it"), Level::L2, Level::L3, false),
                ("A1", tr("do it"), Level::L2, Level::L3, false),
            ]
        );
        let cm = v
            .recommendations()
            .next()
            .and_then(|r| r.countermeasure)
            .expect("countermeasure");
        assert_eq!((cm.section, cm.title), ("§3.1", &*tr("Infra")));
        assert!(v.recommendations().all(|r| r.horizon == Horizon::Now));
        assert_eq!(v.horizon_label(Horizon::Later), tr("later"));
        assert_eq!(
            v.horizons()
                .map(|(h, l)| (h, l.to_owned()))
                .collect::<Vec<_>>(),
            [
                (Horizon::Now, tr("now")),
                (Horizon::ThisYear, tr("this year")),
                (Horizon::Later, tr("later"))
            ]
        );
        let outline = v.outline();
        assert_eq!(outline.dimensions, [tr("A"), b_title.to_owned()]);
        assert!(outline.critical_rules && outline.benchmarks && outline.has_bottleneck());
    }
}

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// For every fixture of the shipped questionnaire and both languages, the view says what the
/// questionnaire says about each id of the report, and leaves nothing out.
#[test]
fn every_fixture_resolves_to_the_questionnaires_own_texts() {
    let q = builtin();
    let mut failures = Vec::new();
    for name in [
        "gba-electronics-brand.json",
        "ict-services-yrd.json",
        "textile-central-oem.json",
        "west-steel-eu.json",
        "partial-profile-only.json",
    ] {
        let sheet = AnswerSheet::from_json(&fixture(name), &q).expect("fixture");
        let report = score(&q, &sheet);
        for lang in q.doc().languages.clone() {
            let v = ReportView::new(&q, &report, &lang);
            let mut check = |what: String, ok: bool| {
                if !ok {
                    failures.push(format!("{name} ({lang}): {what}"));
                }
            };
            let dimensions: Vec<_> = v.dimensions().collect();
            check(
                "dimensions".into(),
                dimensions.len() == report.dimensions.len(),
            );
            for (d, r) in dimensions.iter().zip(&report.dimensions) {
                let dimension = q.dimension(&r.id).unwrap();
                check(
                    format!("{} title", r.id),
                    d.title == dimension.title.get(&lang),
                );
                check(
                    format!("{} items", r.id),
                    d.items().count() == r.items.len(),
                );
                for (i, ir) in d.items().zip(&r.items) {
                    let (_, item) = q.item(&ir.id).unwrap();
                    let option = |a: &OptionId| item.options.iter().find(|o| &o.id == a);
                    let label = ir
                        .answer
                        .as_ref()
                        .map(|a| option(a).unwrap().label.get(&lang));
                    check(format!("{} answer", ir.id), i.answer == label);
                    check(format!("{} level", ir.id), i.level == ir.level);
                    check(
                        format!("{} applicability", ir.id),
                        i.applicability == ir.applicability
                            && (i.applicability != Applicability::NotApplicable
                                || i.answer.is_none()),
                    );
                    let benchmark = ir.benchmark.as_ref().and(item.benchmark.as_ref());
                    check(
                        format!("{} benchmark", ir.id),
                        i.benchmark.map(|b| b.text) == benchmark.map(|b| b.text.get(&lang)),
                    );
                }
            }
            check(
                "bottleneck".into(),
                v.bottleneck().map(|d| d.id) == report.bottleneck.as_ref(),
            );
            check(
                "gaps".into(),
                v.critical_gaps().count() == report.critical_gaps.len(),
            );
            for g in v.critical_gaps() {
                let rule = q.item(g.item).unwrap().1.critical.as_ref().unwrap();
                check(format!("gap {}", g.item), g.basis == rule.basis.get(&lang));
            }
            check(
                "recommendations".into(),
                v.recommendations().count() == report.recommendations.len(),
            );
            for (rv, r) in v.recommendations().zip(&report.recommendations) {
                let (_, item) = q.item(&r.item).unwrap();
                let given = item
                    .recommendations
                    .iter()
                    .any(|x| x.text.get(&lang) == rv.text && x.levels.contains(&rv.level.value()));
                check(
                    format!("recommendation for {}", r.item),
                    given && rv.countermeasure.is_some(),
                );
            }
            check("routes".into(), v.routes().count() == report.routes.len());
            let path = match (v.export_path(), &report.export_path) {
                (PathView::Decided(o), ExportDecision::Decided { outcome, .. }) => {
                    let expected = q.outcome(outcome).unwrap();
                    o.id == outcome
                        && o.basis == expected.basis.get(&lang)
                        && o.duties().len() == expected.duties.len()
                        && !o.reason.is_empty()
                }
                (PathView::Pending, ExportDecision::Pending) => true,
                (PathView::Uncovered, ExportDecision::Uncovered) => true,
                _ => false,
            };
            check("export path".into(), path);
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// An association's quick check: one dimension, no cap, no critical rule, no benchmark. The facts
/// a front end words its sentences from say so, and the report names no bottleneck.
#[test]
fn an_association_questionnaire_of_one_dimension_outlines_as_such() {
    let q = Questionnaire::from_json(&fixture("association-questionnaire.json")).expect("valid");
    let sheet = sheet(&q, &[("P.members", "yes"), ("D1", "some"), ("D2", "none")]);
    let report = score(&q, &sheet);
    assert_eq!(report.bottleneck, None, "one dimension is not a bottleneck");
    for (lang, digital) in [("en", "Digital"), ("zh-CN", "数字化")] {
        let tag = LangTag::from(lang);
        let v = ReportView::new(&q, &report, &tag);
        let outline = v.outline();
        assert_eq!(outline.dimensions, [digital]);
        assert!(outline.caps.is_empty());
        assert!(!outline.critical_rules && !outline.benchmarks && !outline.has_bottleneck());
        assert!(v.gap_caps().is_empty());
        assert!(!v.has_benchmarks());
        assert!(v.bottleneck().is_none());
        assert_eq!(v.dimensions().map(|d| d.cap).collect::<Vec<_>>(), [None]);
    }
}

/// The shipped questionnaire's outline: three dimensions, institutions capped at 40.
#[test]
fn the_shipped_questionnaire_outlines_three_dimensions_and_one_cap() {
    let q = builtin();
    let v = assessment::Outline::of(&q, &LangTag::from("en"));
    assert_eq!(v.dimensions.len(), 3);
    assert_eq!(
        v.caps,
        [Cap {
            dimension: "Institutions",
            cap: 40.0
        }]
    );
    assert!(v.critical_rules && v.benchmarks);
}

/// A report of another questionnaire resolves to what the two share, without a panic.
#[test]
fn a_report_of_another_questionnaire_leaves_out_what_does_not_resolve() {
    let tiny = load(&tiny());
    let report = score(&tiny, &sheet(&tiny, &[("P.eu", "yes"), ("B2", "l0")]));
    let (builtin, en) = (builtin(), LangTag::from("en"));
    let v = ReportView::new(&builtin, &report, &en);
    assert_eq!(v.dimensions().count() + v.critical_gaps().count(), 0);
    assert_eq!(v.export_path(), PathView::Uncovered);
}

/// A score is read against the ladder of every stage, with the firm's marked and the
/// points to the next; the printed report says whom it describes from the profile answers.
#[test]
fn the_ladder_the_next_stage_and_the_profile_come_from_the_core() {
    let q = builtin();
    let sheet =
        AnswerSheet::from_json(&fixture("gba-electronics-brand.json"), &q).expect("fixture");
    let report = score(&q, &sheet);
    let en = LangTag::from("en");
    let view = ReportView::new(&q, &report, &en);
    let ladder = view.ladder();
    assert_eq!(ladder.len(), q.doc().stages.len());
    assert!(ladder.windows(2).all(|w| w[0].min_score < w[1].min_score));
    let current: Vec<_> = ladder.iter().filter(|r| r.current).collect();
    assert_eq!(current.len(), 1);
    assert_eq!(Some(current[0].id), report.stage.as_ref());
    let overall = report.overall.expect("scored");
    match view.next_stage() {
        Some((next, points)) => {
            let rung = ladder
                .iter()
                .find(|r| r.id == next.id)
                .expect("on the ladder");
            assert!(rung.min_score > overall);
            assert!(
                (points - (rung.min_score - overall)).abs() < 0.051,
                "{points}"
            );
            assert!(points > 0.0);
        }
        None => assert!(ladder.iter().all(|r| r.min_score <= overall)),
    }
    let profile = view.profile(&sheet);
    let ids: Vec<_> = profile.iter().map(|p| p.id.as_str()).collect();
    for id in ["P.region", "P.sector", "P.employees", "P.markets"] {
        assert!(ids.contains(&id), "{id} in {ids:?}");
    }
    // Conditional profile questions are not part of the summary.
    assert!(profile.iter().all(|p| q
        .doc()
        .profile
        .iter()
        .any(|x| &x.id == p.id && x.applies_when.is_none())));
    assert!(profile.iter().all(|p| !p.answers.is_empty()));
    // Nothing answered: no profile, no next stage.
    let empty = AnswerSheet::new(&q);
    let report = score(&q, &empty);
    let view = ReportView::new(&q, &report, &en);
    assert!(view.profile(&empty).is_empty());
    assert!(view.next_stage().is_none());
}
