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

/// A question listed in `migrations` as changed since the answers' version is asked again, even
/// though its id and option still exist; the others are kept.
#[test]
fn a_question_changed_since_the_answers_version_is_asked_again() {
    let mut doc = tiny();
    doc["migrations"] = json!([{"from": "0.9", "changed": ["A1"]}]);
    let q = load(&doc);
    let r = Recovered::read(&saved("0.9", json!({"A1": "l2", "A2": "l3"})), &q);
    let Recovered::Migrated { sheet, dropped, .. } = r else {
        panic!("{r:?}")
    };
    assert_eq!(
        sheet.answers.keys().map(|k| k.as_str()).collect::<Vec<_>>(),
        ["A2"]
    );
    assert_eq!(
        dropped,
        [AnswerProblem::Changed {
            question: QuestionId::from("A1"),
            since: "0.9".into()
        }]
    );
    assert!(dropped[0].to_string().contains("answer it again"));
    // Answers to another version than the migration's are kept as before.
    let r = Recovered::read(&saved("0.8", json!({"A1": "l2"})), &q);
    assert!(matches!(r, Recovered::Migrated { dropped, .. } if dropped.is_empty()));
}

/// Answers saved for 1.0.0 of the shipped questionnaire move to the current version. The
/// questions that were replaced (P.consumers, P.data.important) and the one whose options changed
/// meaning (I4) are listed; the rest is kept.
#[test]
fn answers_to_digital_trade_1_0_0_migrate_to_the_current_version() {
    let q = crate::common::builtin();
    let old = json!({"format": "exporter-assessment/answers@1",
        "questionnaire": {"id": "digital-trade", "version": "1.0.0"},
        "answers": {"P.region": "east", "P.consumers": "yes", "P.data.important": "yes",
                    "P.data.ciio": "no", "I4": "digital_offer", "T1": "cloud"}})
    .to_string();
    let Recovered::Migrated {
        sheet,
        from,
        dropped,
    } = Recovered::read(&old, &q)
    else {
        panic!("not migrated")
    };
    assert_eq!(from.version, "1.0.0");
    assert_eq!(sheet.questionnaire.version, q.doc().version);
    assert_eq!(
        sheet.answers.keys().map(|k| k.as_str()).collect::<Vec<_>>(),
        ["P.data.ciio", "P.region", "T1"]
    );
    assert_eq!(
        dropped,
        [
            AnswerProblem::Changed {
                question: QuestionId::from("I4"),
                since: "1.0.0".into()
            },
            AnswerProblem::UnknownQuestion(QuestionId::from("P.consumers")),
            AnswerProblem::UnknownQuestion(QuestionId::from("P.data.important")),
        ]
    );
}

/// 1.2.0 reworded T2, T5 and I8 to ask one thing each, with the same options meaning the
/// same levels, and added "Not sure" to P.data.volume. Nothing a 1.1.0 answer said changed
/// meaning (but P.goods, below), so every answer is kept and nobody is asked again.
#[test]
fn answers_to_digital_trade_1_1_0_are_all_kept_in_the_current_version() {
    let q = crate::common::builtin();
    let old = json!({"format": "exporter-assessment/answers@1",
        "questionnaire": {"id": "digital-trade", "version": "1.1.0"},
        "answers": {"P.data.sends_pi": "yes", "P.data.volume": "from100k",
                    "T2": "erp", "T5": "cloud", "I8": "part_time"}})
    .to_string();
    let Recovered::Migrated { sheet, dropped, .. } = Recovered::read(&old, &q) else {
        panic!("not migrated")
    };
    assert_eq!(sheet.questionnaire.version, q.doc().version);
    assert_eq!(dropped, []);
    assert_eq!(sheet.answers.len(), 5);
}

/// 1.3.0 lists the goods every market rule of the obligations catalogue knows, not only
/// CBAM goods, so an earlier "none of these" no longer means the same: the goods are asked again,
/// from every earlier version, and the rest is kept.
#[test]
fn the_goods_are_asked_again_after_1_3_0() {
    let q = crate::common::builtin();
    for version in ["1.0.0", "1.1.0", "1.2.0"] {
        let old = json!({"format": "exporter-assessment/answers@1",
            "questionnaire": {"id": "digital-trade", "version": version},
            "answers": {"P.offer": "goods", "P.goods": ["none"], "P.markets": ["eu"]}})
        .to_string();
        let Recovered::Migrated { sheet, dropped, .. } = Recovered::read(&old, &q) else {
            panic!("not migrated")
        };
        assert_eq!(
            dropped,
            [AnswerProblem::Changed {
                question: QuestionId::from("P.goods"),
                since: version.into()
            }],
            "{version}"
        );
        assert_eq!(
            sheet.answers.keys().map(|k| k.as_str()).collect::<Vec<_>>(),
            ["P.markets", "P.offer"]
        );
    }
}

/// 1.5.0 asks the goods' follow-ups for typed HS codes too (`answer_in`'s `codes`); no question or
/// option changed, so a 1.4.0 answers file, typed codes and follow-ups included, is kept whole,
/// and so is a 1.4.0 hand-off code (the same questions: carried over, not refused).
#[test]
fn answers_to_digital_trade_1_4_0_are_all_kept_in_the_current_version() {
    let q = crate::common::builtin();
    let answers = json!({"P.offer": "goods", "P.markets": ["eu", "us"],
        "P.goods": {"options": ["coffee_cocoa"], "codes": ["731815", "5208"]},
        "P.cbam_tonnage": "all_under50", "P.eudr_operator": "micro_small",
        "P.xinjiang": "no", "R5": "estimates"});
    let old = json!({"format": "exporter-assessment/answers@1",
        "questionnaire": {"id": "digital-trade", "version": "1.4.0"},
        "answers": answers})
    .to_string();
    let Recovered::Migrated { sheet, dropped, .. } = Recovered::read(&old, &q) else {
        panic!("not migrated")
    };
    assert_eq!(sheet.questionnaire.version, q.doc().version);
    assert_eq!(dropped, []);
    assert_eq!(serde_json::to_value(&sheet.answers).unwrap(), answers);

    let mut doc: serde_json::Value =
        serde_json::from_str(assessment::BUILTIN_QUESTIONNAIRE).unwrap();
    doc["version"] = json!("1.4.0");
    let earlier = load(&doc);
    let mut then = assessment::AnswerSheet::new(&earlier);
    then.answers = sheet.answers.clone();
    let date = "2026-11-20".parse().unwrap();
    let code = assessment::handoff::encode(&earlier, &then, date).unwrap();
    let back = assessment::handoff::decode(code.as_str(), &q).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(back.sheet.answers, sheet.answers);
    let carried = back.carried.unwrap();
    assert_eq!(carried.from.version, "1.4.0");
    assert_eq!(carried.dropped, []);
}
