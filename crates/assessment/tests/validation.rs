//! One test per kind of validation problem: each breaks the tiny questionnaire in one way and checks
//! that the message names the place (item, question, …), the field and what is wrong.

use assessment::{LoadError, Questionnaire};
use serde_json::{json, Value};

use crate::common::{item, t, tiny};

/// Applies `break_it` to the tiny questionnaire and expects a problem whose message contains every
/// one of `expected` (place, field, and what is wrong).
fn check(break_it: impl FnOnce(&mut Value), expected: &[&str]) {
    let mut doc = tiny();
    break_it(&mut doc);
    let problems = match Questionnaire::from_json(&doc.to_string()) {
        Err(LoadError::Invalid(problems)) => problems,
        Err(other) => panic!("expected validation problems, got: {other}"),
        Ok(_) => panic!("expected validation problems, but the questionnaire was accepted"),
    };
    let messages: Vec<String> = problems.0.iter().map(ToString::to_string).collect();
    assert!(
        messages
            .iter()
            .any(|m| expected.iter().all(|e| m.contains(e))),
        "no problem mentions all of {expected:?}; problems were:\n{}",
        messages.join("\n")
    );
}

fn a2(doc: &mut Value) -> &mut Value {
    &mut doc["dimensions"][0]["items"][1]
}

#[test]
fn the_tiny_questionnaire_is_valid() {
    Questionnaire::from_json(&tiny().to_string()).unwrap();
}

#[test]
fn duplicate_item_id() {
    check(
        |d| a2(d)["id"] = json!("A1"),
        &["item A1", "field id", "used more than once"],
    );
}

#[test]
fn item_id_clashing_with_profile_question() {
    check(
        |d| a2(d)["id"] = json!("P.eu"),
        &["item P.eu", "field id", "more than once"],
    );
}

#[test]
fn duplicate_option_id() {
    check(
        |d| a2(d)["options"][1]["id"] = json!("l0"),
        &[
            "item A2",
            "field options[1].id",
            "\"l0\" is used more than once",
        ],
    );
}

#[test]
fn missing_translation() {
    check(
        |d| {
            a2(d)["options"][2]["label"]
                .as_object_mut()
                .unwrap()
                .remove("en");
        },
        &[
            "item A2",
            "field options[2].label",
            "missing the \"en\" text",
        ],
    );
}

#[test]
fn blank_translation_counts_as_missing() {
    check(
        |d| d["dimensions"][1]["title"]["zh-CN"] = json!("  "),
        &["dimension b", "field title", "missing the \"zh-CN\" text"],
    );
}

#[test]
fn level_outside_0_to_4() {
    check(
        |d| a2(d)["options"][3]["level"] = json!(7),
        &[
            "item A2",
            "field options[3].level",
            "level 7 is outside 0–4",
        ],
    );
}

#[test]
fn target_outside_0_to_4() {
    check(
        |d| a2(d)["target"] = json!(5),
        &["item A2", "field target", "level 5 is outside 0–4"],
    );
}

#[test]
fn zero_weight() {
    check(
        |d| a2(d)["weight"] = json!(0.0),
        &[
            "item A2",
            "field weight",
            "weight 0 must be greater than 0 and at most 1000",
        ],
    );
}

#[test]
fn negative_dimension_weight() {
    check(
        |d| d["dimensions"][0]["weight"] = json!(-1.0),
        &[
            "dimension a",
            "field weight",
            "weight -1 must be greater than 0 and at most 1000",
        ],
    );
}

#[test]
fn applicability_rule_naming_a_missing_question() {
    check(
        |d| {
            a2(d)["applies_when"] = json!({"answer_in": {"question": "P.nope", "options": ["yes"]}})
        },
        &[
            "item A2",
            "field applies_when",
            "question \"P.nope\", which does not exist",
        ],
    );
}

#[test]
fn applicability_rule_naming_a_missing_option() {
    check(
        |d| {
            a2(d)["applies_when"] = json!({"answer_in": {"question": "P.eu", "options": ["maybe"]}})
        },
        &[
            "item A2",
            "field applies_when",
            "option \"maybe\" of question \"P.eu\"",
        ],
    );
}

/// `answer_in`'s `codes` read the codes typed into a question with `hs_codes`: a profile question
/// of the tiny questionnaire that takes codes.
fn with_codes(doc: &mut Value) {
    doc["profile"].as_array_mut().unwrap().push(json!({
        "id": "P.goods",
        "multiple": true,
        "hs_codes": true,
        "text": t("What do you export?"),
        "options": [{"id": "steel", "label": t("Steel")}, {"id": "none", "label": t("None")}]
    }));
}

#[test]
fn a_code_rule_on_the_goods_question_is_valid() {
    let mut doc = tiny();
    with_codes(&mut doc);
    a2(&mut doc)["applies_when"] = json!({"answer_in": {"question": "P.goods",
        "options": ["steel"], "codes": ["72", "7318", "28041000"]}});
    Questionnaire::from_json(&doc.to_string()).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn code_rule_naming_a_missing_question() {
    check(
        |d| {
            a2(d)["applies_when"] =
                json!({"answer_in": {"question": "P.nope", "options": [], "codes": ["7318"]}})
        },
        &[
            "item A2",
            "field applies_when",
            "question \"P.nope\", which does not exist",
        ],
    );
}

#[test]
fn code_rule_on_a_question_that_takes_no_codes() {
    check(
        |d| {
            a2(d)["applies_when"] =
                json!({"answer_in": {"question": "P.eu", "options": ["yes"], "codes": ["7318"]}})
        },
        &[
            "item A2",
            "field applies_when",
            "question \"P.eu\" takes no HS codes (set \"hs_codes\": true)",
        ],
    );
    // An item takes no codes either.
    check(
        |d| {
            a2(d)["applies_when"] =
                json!({"answer_in": {"question": "A1", "options": [], "codes": ["7318"]}})
        },
        &[
            "item A2",
            "field applies_when",
            "question \"A1\" takes no HS codes",
        ],
    );
}

/// A code that is not an HS code is refused as the file is read, saying which and why.
#[test]
fn code_rule_with_a_malformed_code() {
    for (code, why) in [
        ("731", "it has 3 digit(s)"),
        ("73a8", "\"a\" is not a digit"),
        ("7318.15", "\".\" is not a digit"),
    ] {
        let mut doc = tiny();
        with_codes(&mut doc);
        a2(&mut doc)["applies_when"] =
            json!({"answer_in": {"question": "P.goods", "options": [], "codes": [code]}});
        let err = Questionnaire::from_json(&doc.to_string()).unwrap_err();
        let message = err.to_string();
        assert!(matches!(err, LoadError::Format(_)), "{message}");
        assert!(
            message.contains(&format!("\"{code}\" is not an HS code")),
            "{message}"
        );
        assert!(message.contains(why), "{message}");
    }
}

#[test]
fn level_condition_on_a_profile_question() {
    check(
        |d| a2(d)["applies_when"] = json!({"level_at_most": {"item": "P.eu", "level": 1}}),
        &[
            "item A2",
            "field applies_when",
            "\"P.eu\", which is not a scored item",
        ],
    );
}

#[test]
fn unknown_countermeasure() {
    check(
        |d| a2(d)["recommendations"][0]["countermeasure"] = json!("9.9"),
        &[
            "item A2",
            "field recommendations[0].countermeasure",
            "countermeasure \"9.9\"",
        ],
    );
}

#[test]
fn level_below_target_without_recommendation() {
    check(
        |d| a2(d)["recommendations"][0]["levels"] = json!([0, 1]),
        &[
            "item A2",
            "field recommendations",
            "level 2 is below the target",
        ],
    );
}

#[test]
fn unknown_export_outcome() {
    check(
        |d| d["export_path"]["rules"][0]["outcome"] = json!("nowhere"),
        &[
            "export-path rule #1",
            "field outcome",
            "outcome \"nowhere\"",
        ],
    );
}

#[test]
fn export_path_condition_naming_an_unknown_outcome() {
    check(
        |d| {
            d["dimensions"][1]["items"][1]["critical"]["when"] =
                json!({"export_path_in": {"outcomes": ["nowhere"]}})
        },
        &["item B2", "field critical.when", "outcome \"nowhere\""],
    );
}

#[test]
fn cycle_between_items() {
    check(
        |d| {
            d["dimensions"][0]["items"][0]["applies_when"] =
                json!({"level_at_most": {"item": "A2", "level": 2}});
            a2(d)["applies_when"] = json!({"level_at_most": {"item": "A1", "level": 2}});
        },
        &["item A1", "field applies_when", "cycle: A1 → A2 → A1"],
    );
}

#[test]
fn item_depending_on_itself() {
    check(
        |d| a2(d)["applies_when"] = json!({"not": {"level_at_most": {"item": "A2", "level": 0}}}),
        &["item A2", "field applies_when", "cycle: A2 → A2"],
    );
}

#[test]
fn cycle_through_the_export_decision() {
    check(
        |d| {
            a2(d)["applies_when"] = json!({"export_path_in": {"outcomes": ["exempt"]}});
            d["export_path"]["rules"][0]["when"] =
                json!({"level_at_most": {"item": "A2", "level": 1}});
        },
        &["cycle", "(export path) → A2 → (export path)"],
    );
}

#[test]
fn profile_question_depending_on_an_item() {
    check(
        |d| d["profile"][0]["applies_when"] = json!({"level_at_most": {"item": "A1", "level": 1}}),
        &[
            "profile question P.eu",
            "field applies_when",
            "only on other profile questions",
        ],
    );
}

#[test]
fn stages_out_of_order() {
    check(
        |d| d["stages"][2]["min_score"] = json!(10.0),
        &["stage #3", "field min_score", "ascending order"],
    );
}

#[test]
fn first_stage_not_at_zero() {
    check(
        |d| d["stages"][0]["min_score"] = json!(5.0),
        &["stage #1", "field min_score", "start at 0"],
    );
}

#[test]
fn cap_outside_0_to_100() {
    check(
        |d| d["dimensions"][1]["critical_cap"] = json!(140.0),
        &["dimension b", "field critical_cap", "140 is outside 0–100"],
    );
}

#[test]
fn dimension_without_items() {
    check(
        |d| d["dimensions"][0]["items"] = json!([]),
        &["dimension a", "field items", "must not be empty"],
    );
}

#[test]
fn item_without_options() {
    check(
        |d| a2(d)["options"] = json!([]),
        &["item A2", "field options", "must not be empty"],
    );
}

#[test]
fn no_languages() {
    check(
        |d| d["languages"] = json!([]),
        &["questionnaire", "field languages", "at least one language"],
    );
}

#[test]
fn every_problem_is_listed_not_just_the_first() {
    let mut doc = tiny();
    a2(&mut doc)["weight"] = json!(0.0);
    a2(&mut doc)["options"][0]["level"] = json!(9);
    doc["dimensions"][1]["items"]
        .as_array_mut()
        .unwrap()
        .push(item("A1", 1.0));
    doc["title"] = t("x");
    doc["title"].as_object_mut().unwrap().remove("zh-CN");
    let Err(LoadError::Invalid(problems)) = Questionnaire::from_json(&doc.to_string()) else {
        panic!("expected problems");
    };
    assert_eq!(problems.0.len(), 4, "{problems}");
}

#[test]
fn a_file_that_is_not_a_questionnaire_says_where() {
    let err = Questionnaire::from_json("{\"id\": 3}").unwrap_err();
    let message = err.to_string();
    assert!(matches!(err, LoadError::Format(_)));
    assert!(message.contains("line 1 column"), "{message}");
}

#[test]
fn an_unknown_field_is_rejected_by_name() {
    let mut doc = tiny();
    a2(&mut doc)["wieght"] = json!(1.0);
    let message = Questionnaire::from_json(&doc.to_string())
        .unwrap_err()
        .to_string();
    assert!(message.contains("unknown field `wieght`"), "{message}");
}

/// The id and version are written into storage keys, file names and the printed page's margin (a
/// CSS string): a newline or quote in them once ended that string and smuggled in CSS rules.
#[test]
fn questionnaire_id_and_version_must_be_plain() {
    for bad in [
        "Digital trade",
        "x\";} @import url(https://evil.example/x.css); x{\"",
        "-x",
        "",
        "a\nb",
    ] {
        let id = bad.to_owned();
        check(
            move |d| d["id"] = json!(id),
            &["questionnaire", "field id", "is not an id"],
        );
    }
    for bad in [
        "1.0",
        "1.0.0\n} @page { @top-left { content: url(https://evil.example/leak) } }",
        "01.0.0",
        "1.0.0-beta",
        "v1.0.0",
        " 1.0.0",
    ] {
        let version = bad.to_owned();
        check(
            move |d| d["version"] = json!(version),
            &["questionnaire", "field version", "is not a version"],
        );
    }
    for good in ["1.0.0", "10.20.300", "0.0.1"] {
        assert!(assessment::is_version(good), "{good}");
    }
    for good in ["digital-trade", "assoc.2026_q1", "x"] {
        assert!(assessment::is_questionnaire_id(good), "{good}");
    }
}

/// Bidi overrides and isolates make a text display other than it reads (U+202E before "gnp.exe" shows it as
/// "exe.png"); control characters are invisible. Line breaks are fine.
#[test]
fn texts_must_not_hold_bidi_controls_or_control_characters() {
    for (c, code) in [
        ('\u{202E}', "U+202E"),
        ('\u{2066}', "U+2066"),
        ('\u{0007}', "U+0007"),
    ] {
        check(
            move |d| a2(d)["text"]["en"] = json!(format!("Orders {c}kcatta")),
            &["item A2", "field text", code, "not allowed"],
        );
    }
    let mut doc = tiny();
    a2(&mut doc)["text"]["en"] = json!("Two lines\nof text");
    Questionnaire::from_json(&doc.to_string()).unwrap();
}

/// A benchmark for the tiny questionnaire's item A2, with one quote from §1.1.
fn benchmark(doc: &mut Value) -> &mut Value {
    a2(doc)["benchmark"] = json!({"section": "§1.1", "text": t("figure"),
        "quotes": [{"section": "§1.1", "text": "25 个"}]});
    &mut a2(doc)["benchmark"]
}

#[test]
fn a_benchmark_is_valid_with_its_quotes() {
    let mut doc = tiny();
    benchmark(&mut doc);
    Questionnaire::from_json(&doc.to_string()).unwrap();
}

#[test]
fn benchmark_without_quotes() {
    check(
        |d| benchmark(d)["quotes"] = json!([]),
        &["item A2", "field benchmark.quotes", "must not be empty"],
    );
}

#[test]
fn quote_from_a_section_the_benchmark_does_not_show() {
    check(
        |d| benchmark(d)["quotes"][0]["section"] = json!("§2.2"),
        &[
            "item A2",
            "field benchmark.quotes[0].section",
            "§2.2 is not among the benchmark's sections",
        ],
    );
}

#[test]
fn comparison_out_of_order() {
    check(
        |d| benchmark(d)["compare"] = json!({"level_from": 3, "ahead_from": 2}),
        &[
            "item A2",
            "field benchmark.compare",
            "level_from 3 is above ahead_from 2",
        ],
    );
}

#[test]
fn benchmark_condition_on_an_unknown_question() {
    check(
        |d| {
            benchmark(d)["applies_when"] =
                json!({"answer_in": {"question": "P.nope", "options": ["x"]}})
        },
        &["item A2", "field benchmark.applies_when", "\"P.nope\""],
    );
}

#[test]
fn recommendation_condition_on_an_unknown_option() {
    check(
        |d| {
            a2(d)["recommendations"][0]["applies_when"] =
                json!({"answer_in": {"question": "P.eu", "options": ["maybe"]}})
        },
        &[
            "item A2",
            "field recommendations[0].applies_when",
            "option \"maybe\"",
        ],
    );
}

#[test]
fn migration_from_the_questionnaires_own_version() {
    check(
        |d| d["migrations"] = json!([{"from": "1.0.0", "changed": []}]),
        &["field migrations[0].from", "own version"],
    );
}

/// Who does a recommendation, how much it takes and where to get help name entries of the
/// questionnaire's lists.
fn with_first_step_lists(doc: &mut Value) {
    doc["roles"] = json!([{"id": "owner", "label": t("Owner")}]);
    doc["efforts"] = json!([{"id": "days", "label": t("A few days")}]);
    doc["help_sources"] =
        json!([{"id": "bureau", "name": t("Commerce bureau"), "offers": t("Advice")}]);
    for dimension in doc["dimensions"].as_array_mut().unwrap() {
        for item in dimension["items"].as_array_mut().unwrap() {
            for r in item["recommendations"].as_array_mut().unwrap() {
                r["who"] = json!("owner");
                r["effort"] = json!("days");
                r["help_from"] = json!(["bureau"]);
            }
        }
    }
}

#[test]
fn first_steps_with_their_lists_are_valid() {
    let mut doc = tiny();
    with_first_step_lists(&mut doc);
    Questionnaire::from_json(&doc.to_string()).unwrap();
}

#[test]
fn recommendation_naming_an_unknown_role_effort_or_help_source() {
    for (field, value, list) in [
        ("who", json!("lawyer"), "roles"),
        ("effort", json!("years"), "efforts"),
        ("help_from", json!(["bureau", "embassy"]), "help_sources"),
    ] {
        check(
            |d| {
                with_first_step_lists(d);
                a2(d)["recommendations"][0][field] = value.clone();
            },
            &[
                "item A2",
                &format!("field recommendations[0].{field}"),
                &format!("not among the questionnaire's {list}"),
            ],
        );
    }
}

#[test]
fn recommendation_without_who_when_the_questionnaire_declares_roles() {
    for (field, list) in [
        ("who", "roles"),
        ("effort", "efforts"),
        ("help_from", "help_sources"),
    ] {
        check(
            |d| {
                with_first_step_lists(d);
                a2(d)["recommendations"][0]
                    .as_object_mut()
                    .unwrap()
                    .remove(field);
            },
            &[
                "item A2",
                &format!("field recommendations[0].{field}"),
                &format!("is missing: the questionnaire declares {list}"),
            ],
        );
    }
}

#[test]
fn duplicate_role_and_blank_help_source_text() {
    check(
        |d| {
            with_first_step_lists(d);
            d["roles"]
                .as_array_mut()
                .unwrap()
                .push(json!({"id": "owner", "label": t("Boss")}));
        },
        &["role owner", "field id", "used more than once"],
    );
    check(
        |d| {
            with_first_step_lists(d);
            d["help_sources"][0]["offers"]["en"] = json!(" ");
        },
        &[
            "help source bureau",
            "field offers",
            "missing the \"en\" text",
        ],
    );
}

/// The tiny questionnaire with a second profile question and its profile in two parts.
fn with_parts(doc: &mut Value) {
    doc["profile"].as_array_mut().unwrap().push(json!({
        "id": "P.size",
        "text": t("How many people?"),
        "options": [{"id": "few", "label": t("Few")}, {"id": "many", "label": t("Many")}]
    }));
    doc["profile_parts"] = json!([
        {"id": "firm", "title": t("Firm"), "intro": t("About the firm"), "from": "P.eu"},
        {"id": "size", "title": t("Size"), "intro": t("How large"), "from": "P.size"}
    ]);
}

#[test]
fn profile_parts_are_valid() {
    let mut doc = tiny();
    with_parts(&mut doc);
    Questionnaire::from_json(&doc.to_string()).unwrap();
}

#[test]
fn a_profile_part_that_does_not_start_at_a_profile_question() {
    for from in ["P.nope", "A1"] {
        check(
            |d| {
                with_parts(d);
                d["profile_parts"][1]["from"] = json!(from);
            },
            &["profile part size", "field from", "does not exist"],
        );
    }
}

#[test]
fn profile_parts_that_would_reorder_or_skip_questions() {
    // The first part must start at the first question: else the profile's first would be asked
    // nowhere.
    check(
        |d| {
            with_parts(d);
            d["profile_parts"][0]["from"] = json!("P.size");
        },
        &[
            "profile part firm",
            "field from",
            "keep the profile's order",
        ],
    );
    // Parts in another order than their questions', or two starting at the same question.
    check(
        |d| {
            with_parts(d);
            d["profile_parts"][1]["from"] = json!("P.eu");
        },
        &[
            "profile part size",
            "field from",
            "keep the profile's order",
        ],
    );
}

#[test]
fn a_profile_part_id_that_cannot_name_a_screen() {
    // A dimension's id, another screen's name, not lower-case, digits (a hand-off code).
    for id in ["a", "review", "profile", "Firm", "123", "firm part", ""] {
        check(
            |d| {
                with_parts(d);
                d["profile_parts"][0]["id"] = json!(id);
            },
            &["field id", "cannot name a screen"],
        );
    }
    check(
        |d| {
            with_parts(d);
            d["profile_parts"][1]["id"] = json!("firm");
        },
        &["profile part firm", "field id", "used more than once"],
    );
}

#[test]
fn a_profile_part_missing_a_translation() {
    check(
        |d| {
            with_parts(d);
            d["profile_parts"][1]["intro"] = json!({"en": "How large"});
        },
        &["profile part size", "field intro", "zh-CN"],
    );
}
