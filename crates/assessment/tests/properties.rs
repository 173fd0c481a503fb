//! Property tests of the scorer, on the shipped questionnaire with random answer sheets and on
//! random variants of the tiny one.

use assessment::{score, Answer, AnswerSheet, Asked, OptionId, QuestionId, Questionnaire};
use proptest::prelude::*;
use proptest::sample::Index;

use crate::common::{builtin, load, tiny};

/// For each question in order: whether to answer it, and which options to pick.
pub fn choices(q: &Questionnaire) -> impl Strategy<Value = Vec<(bool, Vec<Index>)>> {
    let n = q.questions().count();
    proptest::collection::vec(
        (
            proptest::bool::weighted(0.85),
            proptest::collection::vec(any::<Index>(), 1..4),
        ),
        n,
    )
}

pub fn sheet_from(q: &Questionnaire, choices: &[(bool, Vec<Index>)]) -> AnswerSheet {
    let mut sheet = AnswerSheet::new(q);
    for (question, (answer, picks)) in q.questions().zip(choices) {
        if !answer {
            continue;
        }
        let options = question.options();
        let chosen: Vec<OptionId> = picks
            .iter()
            .map(|i| options[i.index(options.len())].0.clone())
            .collect();
        let value = if question.multiple() {
            let mut many: Vec<OptionId> = Vec::new();
            for o in chosen {
                if !many.contains(&o) {
                    many.push(o);
                }
            }
            Answer::Many(many)
        } else {
            Answer::One(chosen[0].clone())
        };
        sheet.answers.insert(question.id().clone(), value);
    }
    sheet
}

fn in_range(x: Option<f64>) -> bool {
    x.is_none_or(|x| (0.0..=100.0).contains(&x))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn scores_stay_within_0_to_100(choices in choices(&builtin())) {
        let q = builtin();
        let report = score(&q, &sheet_from(&q, &choices));
        prop_assert!(in_range(report.overall));
        for d in &report.dimensions {
            prop_assert!(in_range(d.score) && in_range(d.uncapped), "{d:?}");
        }
    }

    #[test]
    fn scoring_is_deterministic(choices in choices(&builtin())) {
        let q = builtin();
        let sheet = sheet_from(&q, &choices);
        let first = score(&q, &sheet);
        // A sheet that went through its JSON form scores the same, too.
        let reread = AnswerSheet::from_json(&sheet.to_json(), &q).unwrap();
        prop_assert_eq!(&first, &score(&q, &sheet));
        prop_assert_eq!(&first, &score(&q, &reread));
    }

    #[test]
    fn raising_one_answer_never_lowers_its_dimension(choices in choices(&builtin()), pick in any::<Index>()) {
        let q = builtin();
        let mut sheet = sheet_from(&q, &choices);
        let before = score(&q, &sheet);
        // Pick an answered, applicable item and raise it to each higher option in turn.
        let answered: Vec<_> = before.dimensions.iter().flat_map(|d| d.items.iter().map(move |i| (d, i)))
            .filter(|(_, i)| i.level.is_some()).collect();
        prop_assume!(!answered.is_empty());
        let (dimension, result) = answered[pick.index(answered.len())];
        let (_, item) = q.item(&result.id).unwrap();
        let level = result.level.unwrap().value();
        for option in item.options.iter().filter(|o| o.level > level) {
            sheet.answers.insert(item.id.clone(), Answer::One(option.id.clone()));
            let after = score(&q, &sheet);
            let d_after = after.dimension(&dimension.id).unwrap();
            prop_assert!(d_after.score >= dimension.score,
                "{}: {} → {} lowered {} from {:?} to {:?}", item.id, level, option.level, dimension.id, dimension.score, d_after.score);
        }
    }

    #[test]
    fn not_applicable_only_renormalises(
        levels in proptest::collection::vec(0u8..=4, 4),
        weights in proptest::collection::vec(0.25f64..4.0, 4),
    ) {
        // The tiny questionnaire with random weights; B2 applies only when P.eu = yes.
        let mut doc = tiny();
        for (i, (d, j)) in [(0, 0), (0, 1), (1, 0), (1, 1)].into_iter().enumerate() {
            doc["dimensions"][d]["items"][j]["weight"] = serde_json::json!(weights[i]);
        }
        // No critical gap, so that the cap does not hide the arithmetic.
        doc["dimensions"][1]["items"][1].as_object_mut().unwrap().remove("critical");
        let q = load(&doc);
        let ids = ["A1", "A2", "B1", "B2"];
        let report_for = |eu: &str| {
            let mut sheet = AnswerSheet::new(&q);
            sheet.answers.insert(QuestionId::from("P.eu"), Answer::One(OptionId::from(eu)));
            for (id, level) in ids.iter().zip(&levels) {
                sheet.answers.insert(QuestionId::from(*id), Answer::One(OptionId(format!("l{level}"))));
            }
            score(&q, &sheet)
        };
        let (with, without) = (report_for("yes"), report_for("no"));
        for id in ["A1", "A2", "B1"] {
            let id = QuestionId::from(id);
            prop_assert_eq!(with.item(&id).unwrap().contribution, without.item(&id).unwrap().contribution);
        }
        prop_assert_eq!(without.item(&QuestionId::from("B2")).unwrap().contribution, None);
        // Dimension b without B2 is B1's level alone: the weights renormalised around it.
        let b1 = f64::from(levels[2]) * 25.0;
        prop_assert!((without.dimensions[1].score.unwrap() - b1).abs() < 0.051);
        prop_assert_eq!(&with.dimensions[0], &without.dimensions[0]);
    }
}

#[test]
fn every_item_is_a_single_choice_question() {
    for question in builtin().questions() {
        if let Asked::Item(item) = question {
            assert!(!question.multiple(), "{}", item.id);
        }
    }
}
