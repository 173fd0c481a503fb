//! The walk: sections in order, next and previous, what each asks and what is missing.

use std::path::Path;

use assessment::{
    minutes_to_finish, score, short_title, AnswerSheet, Asked, DimensionId, LangTag, PartId,
    QuestionId, SectionId,
};

use crate::common::{builtin, load, sheet, tiny};

fn dim(id: &str) -> SectionId {
    SectionId::Dimension(DimensionId::from(id))
}

#[test]
fn the_profile_comes_first_then_the_dimensions_in_order() {
    let q = load(&tiny());
    assert_eq!(q.sections(), [SectionId::Profile, dim("a"), dim("b")]);
    assert_eq!(q.first_section(), SectionId::Profile);
    assert_eq!(q.last_section(), dim("b"));
    assert_eq!(q.next_section(&SectionId::Profile), Some(dim("a")));
    assert_eq!(q.next_section(&dim("b")), None);
    assert_eq!(q.previous_section(&dim("a")), Some(SectionId::Profile));
    assert_eq!(q.previous_section(&SectionId::Profile), None);
    assert_eq!(
        q.next_section(&dim("zz")),
        None,
        "a section it does not have"
    );
    assert!(!q.has_section(&dim("zz")) && q.has_section(&dim("a")));
    assert_eq!(dim("a").key(), "a");
    assert_eq!(SectionId::Profile.key(), "profile");
}

#[test]
fn every_question_has_its_section() {
    let q = builtin();
    for section in q.sections() {
        for asked in q.section_questions(&section) {
            assert_eq!(q.section_of(asked.id()), Some(section.clone()));
        }
    }
    assert_eq!(q.section_of(&QuestionId::from("nope")), None);
    let asked: usize = q
        .sections()
        .iter()
        .map(|s| q.section_questions(s).len())
        .sum();
    assert_eq!(asked, q.questions().count());
}

#[test]
fn missing_and_shown_questions_per_section() {
    let q = load(&tiny());
    let report = score(&q, &sheet(&q, &[("P.eu", "no"), ("A1", "l2")]));
    let ids = |v: Vec<assessment::Asked<'_>>| {
        v.iter()
            .map(|a| a.id().as_str().to_owned())
            .collect::<Vec<_>>()
    };
    assert!(ids(report.missing_in(&q, &SectionId::Profile)).is_empty());
    assert_eq!(ids(report.missing_in(&q, &dim("a"))), ["A2"]);
    // B2 applies only to firms that sell to the EU: not shown, not missing.
    assert_eq!(ids(report.missing_in(&q, &dim("b"))), ["B1"]);
    assert_eq!(ids(report.shown_in(&q, &dim("b"))), ["B1"]);
    assert!(report.section_applies(&q, &dim("b")));
}

#[test]
fn a_step_is_named_by_its_title_before_the_colon() {
    let q = builtin();
    let title = q.section_title(&dim("technology")).unwrap();
    assert!(!short_title(title.get(&LangTag::from("en"))).contains(':'));
    assert_eq!(
        short_title("Technology: digital infrastructure"),
        "Technology"
    );
    assert_eq!(short_title("技术：数字基础设施"), "技术");
    assert_eq!(q.section_title(&SectionId::Profile), None);
}

fn part(id: &str) -> SectionId {
    SectionId::Part(PartId::from(id))
}

#[test]
fn the_shipped_profile_is_asked_in_short_screens_in_its_own_order() {
    let q = builtin();
    let parts = ["company", "size", "markets", "goods", "data"].map(part);
    assert_eq!(q.sections()[..5], parts);
    assert_eq!(q.first_section(), part("company"));
    assert_eq!(q.next_section(&part("data")), Some(dim("technology")));
    assert_eq!(q.previous_section(&dim("technology")), Some(part("data")));
    // Together the parts ask the profile, question for question, in its order: saved answers
    // and hand-off codes (which follow that order) read as before.
    let asked: Vec<&QuestionId> = parts
        .iter()
        .flat_map(|p| q.section_questions(p))
        .map(|a| a.id())
        .collect();
    let profile: Vec<&QuestionId> = q.doc().profile.iter().map(|p| &p.id).collect();
    assert_eq!(asked, profile);
    for p in &parts {
        assert!(q.section_questions(p).len() <= 9, "{p}: a short screen");
        let title = q.section_title(p).unwrap().get(&LangTag::from("zh-CN"));
        assert!(!short_title(title).is_empty());
        assert!(q.section_intro(p).is_some());
    }
    // The profile as a whole, as an older address names it, is its first part; it is no screen
    // of its own.
    assert!(!q.has_section(&SectionId::Profile));
    assert_eq!(q.screen_for(SectionId::Profile), Some(part("company")));
    assert_eq!(q.screen_for(part("markets")), Some(part("markets")));
    assert_eq!(q.screen_for(part("nope")), None);
    assert_eq!(part("markets").key(), "markets");
    // Without parts the profile is one screen.
    let tiny = load(&tiny());
    assert_eq!(
        tiny.screen_for(SectionId::Profile),
        Some(SectionId::Profile)
    );
}

fn fixture(name: &str) -> AnswerSheet {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap();
    AnswerSheet::from_json(&text, &builtin()).unwrap()
}

fn ids(asked: Vec<Asked<'_>>) -> Vec<QuestionId> {
    asked.into_iter().map(|a| a.id().clone()).collect()
}

/// Whether `question`'s applicability reads `trigger`'s answer.
fn follows(question: Asked<'_>, trigger: &QuestionId) -> bool {
    let condition = match question {
        Asked::Profile(p) => p.applies_when.as_ref(),
        Asked::Item(i) => i.applies_when.as_ref(),
    };
    condition.is_some_and(|c| {
        serde_json::to_string(c)
            .unwrap()
            .contains(&format!("\"{trigger}\""))
    })
}

#[test]
fn a_follow_up_waiting_on_its_own_screen_appears_once_it_applies() {
    let q = builtin();
    let (markets, goods) = (part("markets"), part("goods"));
    let shown = |answers: &[(&str, &str)]| {
        let r = score(&q, &sheet(&q, answers));
        let mut shown = ids(r.shown_in(&q, &markets));
        shown.extend(ids(r.shown_in(&q, &goods)));
        shown
    };
    let id = QuestionId::from;
    // Before the markets are given, their follow-ups wait out of sight; the goods, which follow
    // an answer of an earlier screen (what the firm exports), are shown while they wait.
    let before = shown(&[]);
    assert!(before.contains(&id("P.goods")));
    assert!(!before.contains(&id("P.eu_individuals")));
    let eu = shown(&[("P.offer", "goods"), ("P.markets", "eu")]);
    assert!(eu.contains(&id("P.eu_individuals")));
    assert!(
        !eu.contains(&id("P.cbam_tonnage")),
        "it waits on the goods too"
    );
    let steel = shown(&[
        ("P.offer", "goods"),
        ("P.markets", "eu"),
        ("P.goods", "iron_steel"),
    ]);
    assert!(steel.contains(&id("P.cbam_tonnage")));
    // What waits out of sight is not listed as missing on its screen either (the review's list).
    let r = score(&q, &sheet(&q, &[]));
    assert!(!ids(r.missing_in(&q, &markets)).contains(&id("P.eu_individuals")));
    assert!(
        r.missing.contains(&id("P.eu_individuals")),
        "though the report still waits on it"
    );
}

#[test]
fn a_screen_count_moves_only_with_what_the_screen_shows() {
    // Each fixture answered as a person does: screen by screen, each question as it is shown.
    let q = builtin();
    let lang = LangTag::from("zh-CN");
    for name in [
        "textile-central-oem.json",
        "gba-electronics-brand.json",
        "ict-services-yrd.json",
        "west-steel-eu.json",
    ] {
        let full = fixture(name);
        let mut sheet = AnswerSheet::new(&q);
        let mut minutes = minutes_to_finish(&q, &score(&q, &sheet), &lang);
        let sections = q.sections();
        for (at, section) in sections.iter().enumerate() {
            while let Some(asked) = score(&q, &sheet)
                .missing_in(&q, section)
                .into_iter()
                .find(|a| full.answers.get(a.id()).is_some())
            {
                let id = asked.id().clone();
                let before = score(&q, &sheet);
                sheet
                    .answers
                    .insert(id.clone(), full.answers.get(&id).unwrap().clone());
                let after = score(&q, &sheet);
                let (was, is) = (
                    before.progress_in(&q, section),
                    after.progress_in(&q, section),
                );
                assert_eq!(is.answered, was.answered + 1, "{name}, {id}");
                // The total moves only by the follow-ups of this answer that came or went.
                let (shown_before, shown_after) = (
                    ids(before.shown_in(&q, section)),
                    ids(after.shown_in(&q, section)),
                );
                let moved: Vec<_> = q
                    .section_questions(section)
                    .into_iter()
                    .filter(|a| shown_before.contains(a.id()) != shown_after.contains(a.id()))
                    .collect();
                assert!(
                    moved.iter().all(|a| follows(*a, &id)),
                    "{name}, {id}: {moved:?} moved"
                );
                assert_eq!(
                    is.total as isize - was.total as isize,
                    moved
                        .iter()
                        .map(|a| if after.shows(a.id()) { 1 } else { -1 })
                        .sum::<isize>(),
                    "{name}, {id}"
                );
                // The screens already done keep their count.
                for done in &sections[..at] {
                    assert_eq!(
                        before.progress_in(&q, done),
                        after.progress_in(&q, done),
                        "{name}, {id}: {done}"
                    );
                }
                // The estimate of what is left never grows as answers are given.
                let left = minutes_to_finish(&q, &after, &lang);
                assert!(
                    left <= minutes,
                    "{name}, {id}: {minutes} then {left} minutes"
                );
                minutes = left;
            }
        }
        assert_eq!(
            score(&q, &sheet).progress,
            score(&q, &full).progress,
            "{name}: every answer that counts was given on its screen"
        );
    }
}
