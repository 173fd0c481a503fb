//! An association's customisation: kept sections, changed weights, and every problem named by field.

use assessment::{score, Customisation, Place, ProblemKind, Questionnaire};
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
    let c =
        customise(json!({"weights": {"items": {"A1": 3.0, "A2": 1.0}, "dimensions": {"b": 3.0}}}));
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
        "weights": {"items": {"T1": 0.0, "X9": 2.0}, "dimensions": {"industry": 2.0}}
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
            "config, field sections[1]: the questionnaire has no dimension \"marketing\"",
            // Industry is not among the kept sections: its weight has nothing to change.
            "config, field weights.dimensions.industry: \"industry\" is not asked",
            "config, field weights.items.T1: weight 0 must be greater than 0 and at most 1000",
            "config, field weights.items.X9: \"X9\" is not asked",
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

#[test]
fn an_item_and_a_dimension_with_one_id_are_weighted_apart() {
    // A dimension "A1" beside the item A1: each weight says which it changes.
    let mut doc = tiny();
    doc["dimensions"][1]["id"] = json!("A1");
    let base = load(&doc);
    let c = customise(json!({"weights": {"items": {"A1": 5.0}}}));
    let q = Questionnaire::new(c.apply(base.doc().clone()).unwrap()).unwrap();
    assert_eq!(q.doc().dimensions[0].items[0].weight, 5.0);
    assert_eq!(q.doc().dimensions[1].weight, 1.0);
    let c = customise(json!({"weights": {"dimensions": {"A1": 5.0}}}));
    let q = Questionnaire::new(c.apply(base.doc().clone()).unwrap()).unwrap();
    assert_eq!(q.doc().dimensions[0].items[0].weight, 1.0);
    assert_eq!(q.doc().dimensions[1].weight, 5.0);
}

#[test]
fn a_weight_not_keyed_as_item_or_dimension_is_refused() {
    let e = serde_json::from_value::<Customisation>(json!({"weights": {"T1": 2.0}})).unwrap_err();
    assert!(
        e.to_string()
            .contains("unknown field `T1`, expected `dimensions` or `items`"),
        "{e}"
    );
}

#[test]
fn load_parses_customises_and_validates_with_one_problem_type() {
    let text = tiny().to_string();
    let c = customise(json!({"sections": ["b"]}));
    let q = Questionnaire::load(&text, &c).unwrap();
    assert_eq!(q.doc().dimensions.len(), 1);
    let problems = Questionnaire::load("{", &Customisation::default()).unwrap_err();
    assert_eq!(problems.0[0].place, Place::Questionnaire);
    assert!(matches!(problems.0[0].kind, ProblemKind::Format(_)));
    let c = customise(json!({"sections": ["z"]}));
    let problems = Questionnaire::load(&text, &c).unwrap_err();
    assert_eq!(
        (&problems.0[0].place, problems.0[0].field.as_str()),
        (&Place::Config, "sections[0]")
    );
}

#[test]
fn problems_quote_numbers_as_they_were_written() {
    use assessment::problem::number;
    assert_eq!(number(0.0), "0");
    assert_eq!(number(1000.0), "1000");
    assert_eq!(number(-2.0), "-2");
    assert_eq!(number(0.25), "0.25");
    assert_eq!(number(1e308), "1e+308");
    assert_eq!(number(f64::NAN), "NaN");
    assert_eq!(
        ProblemKind::WeightOutOfRange(1.5e3).to_string(),
        "weight 1500 must be greater than 0 and at most 1000"
    );
}

#[test]
fn a_customisation_reads_back_as_the_core_writes_it() {
    for c in [
        Customisation::default(),
        customise(json!({"sections": ["technology"]})),
        customise(
            json!({"weights": {"dimensions": {"technology": 2.5}, "items": {"T1": 0.1, "T2": 1000}}}),
        ),
    ] {
        let text = c.to_json();
        assert_eq!(Customisation::from_json(&text).unwrap(), c, "{text}");
    }
    assert!(Customisation::from_json("{\"weight\": {}}").is_err());
}
