//! Helpers shared by the test modules: a tiny questionnaire to mutate, and answer builders.

use assessment::{Answer, AnswerSheet, OptionId, QuestionId, Questionnaire, BUILTIN_QUESTIONNAIRE};
use serde_json::{json, Value};

pub fn builtin() -> Questionnaire {
    Questionnaire::from_json(BUILTIN_QUESTIONNAIRE).unwrap_or_else(|e| panic!("{e}"))
}

/// Bilingual text.
pub fn t(s: &str) -> Value {
    json!({"zh-CN": format!("{s}（中）"), "en": s})
}

/// Five options for levels 0–4.
pub fn level_options() -> Value {
    Value::Array(
        (0..=4)
            .map(|l| json!({"id": format!("l{l}"), "label": t(&format!("level {l}")), "level": l}))
            .collect(),
    )
}

/// A scored item with weight `weight`, target 3, one recommendation for levels 0–2.
pub fn item(id: &str, weight: f64) -> Value {
    json!({
        "id": id,
        "trace": "§1.1",
        "text": t(&format!("question {id}")),
        "options": level_options(),
        "weight": weight,
        "target": 3,
        "recommendations": [
            {"levels": [0, 1, 2], "countermeasure": "3.1", "horizon": "now", "text": t("do it")}
        ]
    })
}

/// A small valid questionnaire: one profile question `P.eu` (yes/no), dimensions `a` (items A1, A2)
/// and `b` (items B1, B2, where B2 applies only when P.eu = yes and is critical at level ≤ 1; `b` is
/// capped at 40 by a critical gap), the MIIT stages, and an export path decided by P.eu.
pub fn tiny() -> Value {
    let mut b2 = item("B2", 2.0);
    b2["applies_when"] = json!({"answer_in": {"question": "P.eu", "options": ["yes"]}});
    b2["critical"] = json!({
        "when": {"level_at_most": {"item": "B2", "level": 1}},
        "text": t("gap"),
        "basis": t("GDPR Art. 3(2)")
    });
    json!({
        "id": "tiny",
        "version": "1.0.0",
        "languages": ["zh-CN", "en"],
        "title": t("Tiny"),
        "description": t("A tiny questionnaire"),
        "source": t("The paper"),
        "disclaimer": t("Guidance only"),
        "profile": [{
            "id": "P.eu",
            "text": t("Do you sell to the EU?"),
            "options": [{"id": "yes", "label": t("Yes")}, {"id": "no", "label": t("No")}]
        }],
        "dimensions": [
            {"id": "a", "title": t("A"), "description": t("A"), "weight": 1.0,
             "items": [item("A1", 1.0), item("A2", 3.0)]},
            {"id": "b", "title": t("B"), "description": t("B"), "weight": 1.0, "critical_cap": 40.0,
             "items": [item("B1", 1.0), b2]}
        ],
        "stages": [
            {"id": "unrated", "min_score": 0.0, "label": t("unrated"), "meaning": t("m")},
            {"id": "level1", "min_score": 20.0, "label": t("1"), "meaning": t("m")},
            {"id": "level2", "min_score": 40.0, "label": t("2"), "meaning": t("m")},
            {"id": "level3", "min_score": 60.0, "label": t("3"), "meaning": t("m")},
            {"id": "level4", "min_score": 80.0, "label": t("4"), "meaning": t("m")}
        ],
        "countermeasures": [{"id": "3.1", "section": "§3.1", "title": t("Infra"), "summary": t("s")}],
        "horizons": {"now": t("now"), "this_year": t("this year"), "later": t("later")},
        "export_path": {
            "outcomes": [
                {"id": "exempt", "title": t("Exempt"), "summary": t("s"), "basis": t("Art. 5"),
                 "procedure_required": false},
                {"id": "contract", "title": t("Contract"), "summary": t("s"), "basis": t("Art. 8"),
                 "duties": [t("file it")], "procedure_required": true}
            ],
            "rules": [
                {"when": {"answer_in": {"question": "P.eu", "options": ["yes"]}}, "outcome": "contract",
                 "reason": t("r")},
                {"when": {"answer_in": {"question": "P.eu", "options": ["no"]}}, "outcome": "exempt",
                 "reason": t("r")}
            ]
        }
    })
}

pub fn load(doc: &Value) -> Questionnaire {
    Questionnaire::from_json(&doc.to_string()).unwrap_or_else(|e| panic!("{e}"))
}

/// An answer sheet from (question, answer) pairs; an answer with commas is multiple choice.
pub fn sheet(q: &Questionnaire, answers: &[(&str, &str)]) -> AnswerSheet {
    let mut sheet = AnswerSheet::new(q);
    for (question, answer) in answers {
        let value = if answer.contains(',')
            || q.question(&QuestionId::from(*question))
                .is_some_and(|a| a.multiple())
        {
            Answer::Many(answer.split(',').map(OptionId::from).collect())
        } else {
            Answer::One(OptionId::from(*answer))
        };
        sheet.answers.insert(QuestionId::from(*question), value);
    }
    sheet.check(q).unwrap_or_else(|e| panic!("{e}"));
    sheet
}
