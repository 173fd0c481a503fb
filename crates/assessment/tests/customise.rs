//! An association's customisation: kept sections, changed weights, and every problem named by field.

use assessment::{score, Customisation, Questionnaire};
use serde_json::json;

use crate::common::{builtin, load, sheet, tiny};

fn customise(json: serde_json::Value) -> Customisation {
    serde_json::from_value(json).unwrap()
}

#[test]
fn kept_sections_are_the_only_dimensions_asked_and_scored() {
    let c = customise(json!({"sections": ["technology", "institutions"]}));
    let doc = c.apply(builtin().doc().clone()).unwrap();
    let q = Questionnaire::new(doc).unwrap();
    let ids: Vec<&str> = q.doc().dimensions.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["technology", "institutions"]);
    assert_eq!(q.item_count(), 12);
}

#[test]
fn weights_change_items_and_dimensions() {
    let base = load(&tiny());
    let answers = [("P.eu", "no"), ("A1", "l4"), ("A2", "l0"), ("B1", "l2")];
    let before = score(&base, &sheet(&base, &answers));
    assert_eq!(before.dimensions[0].score, Some(25.0)); // (1×4 + 3×0) / 4 / 4
    let c = customise(json!({"weights": {"A1": 3.0, "A2": 1.0, "b": 3.0}}));
    let q = Questionnaire::new(c.apply(base.doc().clone()).unwrap()).unwrap();
    let after = score(&q, &sheet(&q, &answers));
    assert_eq!(after.dimensions[0].score, Some(75.0));
    // Overall: (75 × 1 + 50 × 3) / 4.
    assert_eq!(after.overall, Some(56.3));
}

#[test]
fn every_problem_is_listed_with_its_field() {
    let c = customise(json!({
        "sections": ["technology", "marketing"],
        "weights": {"T1": 0.0, "X9": 2.0, "industry": 2.0}
    }));
    let problems: Vec<String> = c
        .apply(builtin().doc().clone())
        .unwrap_err()
        .iter()
        .map(|p| p.to_string())
        .collect();
    assert_eq!(
        problems,
        [
            "field sections[1]: the questionnaire has no dimension \"marketing\"",
            "field weights.T1: weight 0 must be greater than 0 and at most 1000",
            "field weights.X9: no item or dimension \"X9\" is asked",
            // Industry is not among the kept sections: its weight has nothing to change.
            "field weights.industry: no item or dimension \"industry\" is asked",
        ]
    );
}

#[test]
fn no_sections_is_a_problem() {
    let c = customise(json!({"sections": []}));
    let problems = c.apply(builtin().doc().clone()).unwrap_err();
    assert_eq!(problems[0].field, "sections");
}

#[test]
fn unknown_fields_are_refused() {
    assert!(serde_json::from_value::<Customisation>(json!({"section": ["technology"]})).is_err());
}
