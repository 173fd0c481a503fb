//! The first steps, the plan by horizon, what a partial report may say, and how long the
//! rest of the walk and the report take.

use std::path::Path;

use assessment::plan::{missing_by_section, MAX_FIRST_STEPS};
use assessment::{
    minutes_to_finish, minutes_to_read_report, plan, score, AnswerSheet, Completeness, Horizon,
    LangTag, Questionnaire, Report, SectionId,
};
use serde_json::json;

use crate::common::{builtin, load, sheet, tiny};

const FIXTURES: [&str; 4] = [
    "textile-central-oem.json",
    "gba-electronics-brand.json",
    "west-steel-eu.json",
    "ict-services-yrd.json",
];

fn fixture(q: &Questionnaire, name: &str) -> Report {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap();
    score(q, &AnswerSheet::from_json(&text, q).unwrap())
}

fn en() -> LangTag {
    "en".into()
}

fn zh() -> LangTag {
    "zh-CN".into()
}

/// For every fixture: three to five first steps, all for the next three months, each a different
/// gap, each saying who, how much and where to get help; then every other recommendation once, by
/// horizon in order; and the report's own list in horizon order.
#[test]
fn first_steps_then_one_plan_by_horizon() {
    let q = builtin();
    let mut failures = Vec::new();
    for name in FIXTURES {
        let r = fixture(&q, name);
        let p = plan(&q, &r, &en());
        let n = p.first_steps.len();
        // Three to five, or every action for now when there are fewer than three.
        let now = r
            .recommendations
            .iter()
            .filter(|x| x.horizon == Horizon::Now)
            .count();
        if n > MAX_FIRST_STEPS || n < now.min(3) {
            failures.push(format!("{name}: {n} first steps of {now} for now"));
        }
        for s in &p.first_steps {
            let r = s.recommendation().expect("no duty without the obligations");
            if r.horizon != Horizon::Now {
                failures.push(format!("{name}: first step {} is {:?}", r.item, r.horizon));
            }
            if s.who.is_none()
                || s.effort.is_none()
                || s.help.is_empty()
                || s.text.is_empty()
                || s.sources.len() != 2
                || s.why_words.is_empty()
            {
                failures.push(format!(
                    "{name}: first step {} lacks who, effort, help, sources, why or text",
                    r.item
                ));
            }
        }
        let mut items: Vec<_> = p
            .first_steps
            .iter()
            .filter_map(|s| s.recommendation().map(|r| &r.item))
            .collect();
        items.sort();
        items.dedup();
        if items.len() != n {
            failures.push(format!(
                "{name}: two first steps on one gap while others wait"
            ));
        }
        // Every recommendation once: first steps plus the plan.
        let mut all: Vec<_> = p
            .first_steps
            .iter()
            .chain(p.by_horizon.iter().flat_map(|(_, s)| s))
            .map(|s| (s.recommendation().unwrap().item.clone(), s.text.clone()))
            .collect();
        let total = all.len();
        all.sort();
        all.dedup();
        if all.len() != total || total != r.recommendations.len() {
            failures.push(format!(
                "{name}: {total} steps ({} different) for {} recommendations",
                all.len(),
                r.recommendations.len()
            ));
        }
        let horizons: Vec<Horizon> = p.by_horizon.iter().map(|(h, _)| *h).collect();
        if !horizons.windows(2).all(|w| w[0] < w[1]) {
            failures.push(format!("{name}: horizons out of order {horizons:?}"));
        }
        if !r
            .recommendations
            .windows(2)
            .all(|w| w[0].horizon <= w[1].horizon)
        {
            failures.push(format!(
                "{name}: the report ranks a later item before a sooner one"
            ));
        }
        if p.completeness != Completeness::Complete || !p.missing.is_empty() {
            failures.push(format!(
                "{name}: complete sheet read as {:?}",
                p.completeness
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// The textile OEM of the fixtures (everything at level 1): its first steps, worked out from the
/// report's list (critical first, then weight × gap): the bottleneck's first action for now, then
/// the first other different items of the "now" list.
#[test]
fn the_textile_oems_first_steps() {
    let q = builtin();
    let r = fixture(&q, "textile-central-oem.json");
    let p = plan(&q, &r, &en());
    let got: Vec<&str> = p
        .first_steps
        .iter()
        .map(|s| s.recommendation().unwrap().item.as_str())
        .collect();
    let now: Vec<_> = r
        .recommendations
        .iter()
        .filter(|x| x.horizon == Horizon::Now && !x.critical)
        .collect();
    let weakest = now
        .iter()
        .find(|x| Some(&x.dimension) == r.bottleneck.as_ref())
        .map(|x| x.item.as_str());
    let mut expect: Vec<&str> = weakest.into_iter().collect();
    for x in now {
        let item = x.item.as_str();
        if !expect.contains(&item) && expect.len() < MAX_FIRST_STEPS {
            expect.push(item);
        }
    }
    assert_eq!(got, expect);
    assert_eq!(got.len(), 5);
    // In Chinese, the step's words are Chinese.
    let zh_plan = plan(&q, &r, &zh());
    let step = &zh_plan.first_steps[0];
    for text in [
        &step.text,
        step.who.as_ref().unwrap(),
        step.effort.as_ref().unwrap(),
        &step.help[0].0,
    ] {
        assert!(
            text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{text}"
        );
    }
}

/// A questionnaire (the tiny one) whose only gap has three actions for now fills three places with
/// them; one with only later actions has no first step, and says so by an empty list, not by
/// promoting a year-long item.
#[test]
fn first_steps_respect_the_horizon_and_fill_from_one_gap_only_when_needed() {
    let mut doc = tiny();
    let recs = json!([
        {"levels": [0, 1, 2], "countermeasure": "3.1", "horizon": "now", "text": {"zh-CN": "一", "en": "one"}},
        {"levels": [0, 1, 2], "countermeasure": "3.1", "horizon": "now", "text": {"zh-CN": "二", "en": "two"}},
        {"levels": [0, 1, 2], "countermeasure": "3.1", "horizon": "now", "text": {"zh-CN": "三", "en": "three"}},
        {"levels": [0, 1, 2], "countermeasure": "3.1", "horizon": "later", "text": {"zh-CN": "四", "en": "four"}}
    ]);
    doc["dimensions"][0]["items"][1]["recommendations"] = recs;
    let q = load(&doc);
    let all_met = [("P.eu", "no"), ("A1", "l4"), ("B1", "l4")];
    let r = score(
        &q,
        &sheet(&q, &[all_met.as_slice(), &[("A2", "l1")]].concat()),
    );
    let p = plan(&q, &r, &en());
    let texts: Vec<&str> = p.first_steps.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(texts, ["one", "two", "three"]);
    assert_eq!(p.by_horizon.len(), 1);
    assert_eq!(p.by_horizon[0].0, Horizon::Later);
    assert_eq!(p.by_horizon[0].1[0].text, "four");
    // No who, effort or help in this questionnaire: none is made up.
    assert!(p.first_steps[0].who.is_none() && p.first_steps[0].help.is_empty());

    for r in doc["dimensions"][0]["items"][1]["recommendations"]
        .as_array_mut()
        .unwrap()
    {
        r["horizon"] = json!("this_year");
    }
    let q = load(&doc);
    let r = score(
        &q,
        &sheet(&q, &[all_met.as_slice(), &[("A2", "l1")]].concat()),
    );
    let p = plan(&q, &r, &en());
    assert!(p.first_steps.is_empty());
    assert_eq!(p.by_horizon[0].1.len(), 4);
}

/// A partial sheet never reads as "meets every target"; it names what is missing by
/// section. A complete sheet at the top level does.
#[test]
fn a_partial_report_says_what_is_missing_and_never_praises() {
    let q = load(&tiny());
    // Nothing answered.
    let r = score(&q, &sheet(&q, &[]));
    let p = plan(&q, &r, &en());
    assert_eq!(p.completeness, Completeness::NotStarted);
    assert!(!p.all_targets_met(&r));
    // Two items answered at their top, the rest not: no recommendation, yet no clean bill.
    let r = score(&q, &sheet(&q, &[("P.eu", "no"), ("A1", "l4")]));
    let p = plan(&q, &r, &en());
    assert!(r.recommendations.is_empty());
    assert_eq!(p.completeness, Completeness::Partial);
    assert!(!p.all_targets_met(&r));
    assert_eq!(
        p.missing
            .iter()
            .map(|m| (
                m.section.clone(),
                m.questions.iter().map(|q| q.as_str()).collect::<Vec<_>>()
            ))
            .collect::<Vec<_>>(),
        [
            (SectionId::Dimension("a".into()), vec!["A2"]),
            (SectionId::Dimension("b".into()), vec!["B1"]),
        ]
    );
    assert_eq!(p.missing_count(), 2);
    // The profile unanswered: B2 may apply, so it is missing too, and the profile comes first.
    let r = score(&q, &sheet(&q, &[("A1", "l4")]));
    let missing = missing_by_section(&q, &r);
    assert_eq!(missing[0].section, SectionId::Profile);
    assert!(missing
        .iter()
        .any(|m| m.questions.iter().any(|q| q.as_str() == "B2")));
    // Complete, every item at its top: the one case that may say so.
    let r = score(
        &q,
        &sheet(
            &q,
            &[("P.eu", "no"), ("A1", "l4"), ("A2", "l3"), ("B1", "l4")],
        ),
    );
    let p = plan(&q, &r, &en());
    assert_eq!(p.completeness, Completeness::Complete);
    assert!(p.all_targets_met(&r));
}

/// The shipped questionnaire's profile-only fixture: partial, nothing missing in the profile, every
/// dimension listed.
#[test]
fn the_profile_only_fixture_is_partial_by_dimension() {
    let q = builtin();
    let r = fixture(&q, "partial-profile-only.json");
    let p = plan(&q, &r, &en());
    assert_eq!(p.completeness, Completeness::Partial);
    assert!(!p.all_targets_met(&r));
    let sections: Vec<SectionId> = p.missing.iter().map(|m| m.section.clone()).collect();
    assert_eq!(
        sections,
        ["technology", "industry", "institutions"].map(|d| SectionId::Dimension(d.into()))
    );
    assert_eq!(p.missing_count(), r.missing.len());
}

/// The time left comes from what still applies and the language; Chinese on a phone
/// takes longer than English; nothing left takes no time; the report takes a while too.
#[test]
fn time_to_finish_and_to_read_the_report() {
    let q = builtin();
    let empty = score(&q, &sheet(&q, &[]));
    let (zh_all, en_all) = (
        minutes_to_finish(&q, &empty, &zh()),
        minutes_to_finish(&q, &empty, &en()),
    );
    assert!(zh_all > en_all, "zh {zh_all}, en {en_all}");
    // A plausible walk: neither a promise of a few minutes nor an hour.
    assert!((8..=40).contains(&en_all), "en {en_all}");
    assert!((10..=50).contains(&zh_all), "zh {zh_all}");

    // A services firm: the goods items no longer apply, so less is left than for a goods firm
    // that has answered the same.
    let services = score(&q, &sheet(&q, &[("P.offer", "services")]));
    let goods = score(&q, &sheet(&q, &[("P.offer", "goods")]));
    assert!(minutes_to_finish(&q, &services, &en()) < minutes_to_finish(&q, &goods, &en()));

    let done = fixture(&q, "textile-central-oem.json");
    assert_eq!(minutes_to_finish(&q, &done, &zh()), 0);
    let read_zh = minutes_to_read_report(&q, &done, &zh());
    let read_en = minutes_to_read_report(&q, &done, &en());
    assert!(read_zh >= 3 && read_en >= 2, "zh {read_zh}, en {read_en}");
    assert!(read_zh > read_en, "zh {read_zh}, en {read_en}");
    // A report with fewer recommendations reads faster.
    let mut fewer = done.clone();
    fewer.recommendations.truncate(3);
    assert!(minutes_to_read_report(&q, &fewer, &en()) < read_en);
    // An empty report still takes a minute.
    assert_eq!(minutes_to_read_report(&q, &empty, &en()), 1);
}

/// A firm past the basics (the ICT services fixture, mostly at level 2) has one action for the next
/// three months, its critical data-export gap: that one is its first step, and nothing for later
/// in the year is pulled forward to make up a number.
#[test]
fn a_firm_with_one_action_for_now_gets_one_first_step() {
    let q = builtin();
    let r = fixture(&q, "ict-services-yrd.json");
    let p = plan(&q, &r, &en());
    let steps: Vec<(&str, bool)> = p
        .first_steps
        .iter()
        .map(|s| {
            let r = s.recommendation().unwrap();
            (r.item.as_str(), r.critical)
        })
        .collect();
    assert_eq!(steps, [("R2", true)]);
    assert!(p.first_steps[0].text.contains("standard contract"));
    assert!(p.by_horizon.iter().all(|(h, _)| *h != Horizon::Now));
}
