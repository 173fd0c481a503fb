//! The committed JSON Schema is the one the Rust types generate: the two cannot drift apart.

use std::path::Path;

fn committed(name: &str) -> serde_json::Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../questionnaire")
        .join(name);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap()
}

/// Each published schema, its file and the `assess schema` argument that prints it.
fn published() -> [(serde_json::Value, &'static str, &'static str); 5] {
    [
        (
            assessment::questionnaire_schema(),
            "schema.json",
            "questionnaire",
        ),
        (
            assessment::answers_schema(),
            "answers.schema.json",
            "answers",
        ),
        (
            assessment::obligations_schema(),
            "obligations.schema.json",
            "obligations",
        ),
        (assessment::result_schema(), "result.schema.json", "result"),
        (assessment::config_schema(), "config.schema.json", "config"),
    ]
}

#[test]
fn committed_schemas_are_generated_from_the_types() {
    for (generated, file, which) in published() {
        assert!(
            committed(file) == generated,
            "questionnaire/{file} is stale: run `cargo run -p assess -- schema {which} > questionnaire/{file}`"
        );
    }
}

/// Only the formats the standard defines: a schemars-only one (`double`, `uint8`) makes ajv's
/// strict mode refuse to compile the schema.
#[test]
fn schemas_use_standard_formats_only() {
    fn formats(value: &serde_json::Value, found: &mut Vec<String>) {
        match value {
            serde_json::Value::Object(map) => {
                if let Some(f) = map.get("format").and_then(|f| f.as_str()) {
                    found.push(f.to_owned());
                }
                map.values().for_each(|v| formats(v, found));
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| formats(v, found)),
            _ => {}
        }
    }
    for (schema, _, _) in published() {
        let mut found = Vec::new();
        formats(&schema, &mut found);
        assert!(
            found.iter().all(|f| f == "date"),
            "{} uses {found:?}",
            schema["title"]
        );
    }
}

#[test]
fn the_embedded_questionnaire_is_the_committed_file_without_its_indentation() {
    let embedded = assessment::BUILTIN_QUESTIONNAIRE;
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(embedded).unwrap(),
        committed("digital-trade.json")
    );
    assert!(!embedded.contains('\n'), "build.rs left line breaks in");
    // Whitespace inside strings is text, and stays.
    assert!(embedded.contains("Digital trade readiness self-assessment for exporters"));
}
