//! Answers saved earlier, read back: intact, migrated from another version keeping what fits, or
//! unreadable (and then left to the app to keep, not overwrite).

use assessment::{AnswerProblem, AnswersError, OptionId, QuestionId, Recovered};
use serde_json::json;

use crate::common::{load, tiny};

fn saved(version: &str, answers: serde_json::Value) -> String {
    json!({"format": "exporter-assessment/answers@1",
           "questionnaire": {"id": "tiny", "version": version},
           "answers": answers})
    .to_string()
}

#[test]
fn intact_answers_are_used_as_they_are() {
    let q = load(&tiny());
    let r = Recovered::read(&saved("1.0.0", json!({"A1": "l2", "P.eu": "yes"})), &q);
    assert!(matches!(r, Recovered::Intact(s) if s.answers.len() == 2));
}

#[test]
fn another_version_keeps_what_still_exists_and_lists_the_rest() {
    let q = load(&tiny());
    let r = Recovered::read(
        &saved(
            "0.9",
            json!({"A1": "l2", "A9": "l1", "B1": "gone", "P.eu": ["yes", "no"]}),
        ),
        &q,
    );
    let Recovered::Migrated {
        sheet,
        from,
        dropped,
    } = r
    else {
        panic!("{r:?}")
    };
    assert_eq!(from.version, "0.9");
    assert_eq!(sheet.questionnaire.version, "1.0.0");
    assert_eq!(
        sheet.answers.keys().map(|k| k.as_str()).collect::<Vec<_>>(),
        ["A1"]
    );
    assert_eq!(
        dropped,
        [
            AnswerProblem::UnknownQuestion(QuestionId::from("A9")),
            AnswerProblem::UnknownOption(QuestionId::from("B1"), OptionId::from("gone")),
            AnswerProblem::SeveralForSingleChoice(QuestionId::from("P.eu")),
        ]
    );
}

#[test]
fn the_same_version_with_answers_it_no_longer_has_is_migrated_too() {
    let q = load(&tiny());
    let r = Recovered::read(&saved("1.0.0", json!({"A1": "l2", "Z": "x"})), &q);
    assert!(
        matches!(r, Recovered::Migrated { ref dropped, .. } if dropped.len() == 1),
        "{r:?}"
    );
}

#[test]
fn unreadable_text_and_other_questionnaires_are_reported() {
    let q = load(&tiny());
    for text in [
        "",
        "\u{0}garbage",
        r#"{"format": "exporter-assessment/answers@1", "questio"#,
        "[1,2,3]",
    ] {
        assert!(
            matches!(
                Recovered::read(text, &q),
                Recovered::Unreadable(AnswersError::NotAnswers(_))
            ),
            "{text}"
        );
    }
    let other = json!({"format": "exporter-assessment/answers@1",
                       "questionnaire": {"id": "other", "version": "1"}, "answers": {}});
    assert!(matches!(
        Recovered::read(&other.to_string(), &q),
        Recovered::Unreadable(AnswersError::OtherQuestionnaire { .. })
    ));
    let future_format = json!({"format": "exporter-assessment/answers@2",
                               "questionnaire": {"id": "tiny", "version": "1.0.0"}, "answers": {}});
    assert!(matches!(
        Recovered::read(&future_format.to_string(), &q),
        Recovered::Unreadable(AnswersError::UnknownFormat(_))
    ));
}

/// JSON allows a key twice and serde keeps the last: a file that shows one answer to a person
/// reading it and means another is refused, naming the question, by import and by recovery alike.
#[test]
fn a_question_answered_twice_is_refused_with_its_id() {
    let q = load(&tiny());
    let text = r#"{"format": "exporter-assessment/answers@1",
        "questionnaire": {"id": "tiny", "version": "1.0.0"},
        "answers": {"A1": "l0", "P.eu": "yes", "A1": "l4"}}"#;
    let twice = AnswersError::AnsweredTwice(QuestionId::from("A1"));
    assert_eq!(
        assessment::AnswerSheet::from_json(text, &q),
        Err(twice.clone())
    );
    assert_eq!(
        Recovered::read(text, &q),
        Recovered::Unreadable(twice.clone())
    );
    assert!(twice
        .to_string()
        .contains("question \"A1\" is answered twice"));
    // Any other way of reading a sheet refuses it too.
    let e = serde_json::from_str::<assessment::AnswerSheet>(text).unwrap_err();
    assert!(
        e.to_string().contains("question \"A1\" is answered twice"),
        "{e}"
    );
}
