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

#[test]
fn committed_questionnaire_schema_is_generated_from_the_types() {
    assert!(
        committed("schema.json") == assessment::questionnaire_schema(),
        "questionnaire/schema.json is stale: run `cargo run -p assess -- schema > questionnaire/schema.json`"
    );
}

#[test]
fn committed_answers_schema_is_generated_from_the_types() {
    assert!(
        committed("answers.schema.json") == assessment::answers_schema(),
        "questionnaire/answers.schema.json is stale: run `cargo run -p assess -- schema answers > questionnaire/answers.schema.json`"
    );
}

#[test]
fn committed_obligations_schema_is_generated_from_the_types() {
    assert!(
        committed("obligations.schema.json") == assessment::obligations_schema(),
        "questionnaire/obligations.schema.json is stale: run `cargo run -p assess -- schema obligations > questionnaire/obligations.schema.json`"
    );
}

#[test]
fn committed_result_schema_is_generated_from_the_types() {
    assert!(
        committed("result.schema.json") == assessment::result_schema(),
        "questionnaire/result.schema.json is stale: run `cargo run -p assess -- schema result > questionnaire/result.schema.json`"
    );
}

#[test]
fn committed_config_schema_is_generated_from_the_types() {
    assert!(
        committed("config.schema.json") == assessment::config_schema(),
        "questionnaire/config.schema.json is stale: run `cargo run -p assess -- schema config > questionnaire/config.schema.json`"
    );
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
    for schema in [
        assessment::questionnaire_schema(),
        assessment::answers_schema(),
        assessment::obligations_schema(),
        assessment::result_schema(),
        assessment::config_schema(),
    ] {
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
