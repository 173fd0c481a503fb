//! The walk: sections in order, next and previous, what each asks and what is missing.

use assessment::{score, short_title, DimensionId, LangTag, QuestionId, SectionId};

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
