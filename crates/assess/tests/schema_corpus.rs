//! The published JSON Schemas against the app's core, on a committed corpus of valid and invalid
//! files (`tests/schema-corpus/`): the core reads every file as the app does, and two third-party
//! validators check it against the published schema — ajv in strict mode with ajv-formats
//! (`scripts/validate-json.mjs`) and Python's jsonschema with its format checker
//! (`scripts/validate-json.py`). Every validator must accept what the core accepts and refuse what
//! it refuses, except the cases listed in `tests/schema-corpus/inexpressible.json`, each with why
//! a schema cannot say it: those the core refuses and both validators accept.

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use assessment::{
    association, import, AnswerSheet, Catalogue, Questionnaire, QuestionnaireDoc,
    BUILTIN_QUESTIONNAIRE,
};
use common::{root, venv_python};

/// The questionnaire version the corpus's answers and records name. The corpus is checked against
/// the shipped questionnaire's content under this version, so that a release's version bump does
/// not have to rewrite it.
const CORPUS_VERSION: &str = "1.5.0";

/// The kinds of file: the directory of the corpus, the published schema, and the shipped files of
/// the kind that are valid too.
const KINDS: [(&str, &str, &[&str]); 5] = [
    ("answers", "questionnaire/answers.schema.json", &[]),
    (
        "questionnaire",
        "questionnaire/schema.json",
        &["questionnaire/digital-trade.json"],
    ),
    (
        "obligations",
        "questionnaire/obligations.schema.json",
        &["questionnaire/obligations.json"],
    ),
    ("result", "questionnaire/result.schema.json", &[]),
    (
        "config",
        "questionnaire/config.schema.json",
        &["examples/embed/config.json"],
    ),
];

fn shipped() -> Questionnaire {
    let mut doc: QuestionnaireDoc = serde_json::from_str(BUILTIN_QUESTIONNAIRE).unwrap();
    doc.version = CORPUS_VERSION.to_owned();
    Questionnaire::new(doc).unwrap()
}

/// The core's verdict on a file of `kind`, read as the app reads it: `Err` with its message.
fn core(kind: &str, text: &str, questionnaire: &Questionnaire) -> Result<(), String> {
    match kind {
        // The app's "open an answers file".
        "answers" => AnswerSheet::from_json(text, questionnaire)
            .map(drop)
            .map_err(|e| e.to_string()),
        "questionnaire" => Questionnaire::from_json(text)
            .map(drop)
            .map_err(|e| e.to_string()),
        "obligations" => Catalogue::from_json(text, questionnaire)
            .map(drop)
            .map_err(|e| e.to_string()),
        "result" => import(text, questionnaire)
            .map(drop)
            .map_err(|e| e.to_string()),
        "config" => association::questionnaire_with(text, BUILTIN_QUESTIONNAIRE)
            .map(drop)
            .map_err(|problems| {
                let words: Vec<String> = problems.iter().map(ToString::to_string).collect();
                words.join("; ")
            }),
        other => unreachable!("no kind {other}"),
    }
}

fn json_files(dir: &Path) -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| {
            p.strip_prefix(root())
                .unwrap_or(&p)
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    files.sort();
    files
}

/// A validator's verdict on each file: valid, or its errors.
fn validator(
    program: &Path,
    script: &str,
    schema: &str,
    files: &[String],
) -> BTreeMap<String, Result<(), String>> {
    let out = Command::new(program)
        .current_dir(root())
        .arg(script)
        .arg(schema)
        .args(files)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", program.display()));
    assert!(
        out.status.success(),
        "{script} {schema} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|line| {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            let verdict = if v["valid"] == true {
                Ok(())
            } else {
                Err(v["errors"].as_str().unwrap_or_default().to_owned())
            };
            (v["file"].as_str().unwrap().to_owned(), verdict)
        })
        .collect()
}

/// The listed cases a schema cannot express: file → why.
fn inexpressible() -> BTreeMap<String, String> {
    let text =
        std::fs::read_to_string(root().join("tests/schema-corpus/inexpressible.json")).unwrap();
    let list: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
    list.iter()
        .map(|case| {
            let why = case["why"].as_str().unwrap_or_default();
            assert!(
                !why.trim().is_empty(),
                "{case}: say why a schema cannot express it"
            );
            (case["file"].as_str().unwrap().to_owned(), why.to_owned())
        })
        .collect()
}

#[test]
fn ajv_and_jsonschema_agree_with_the_core_on_the_corpus() {
    let questionnaire = shipped();
    let listed = inexpressible();
    let mut disagreements = Vec::new();
    let mut seen_listed = 0;
    for (kind, schema, shipped_files) in KINDS {
        let corpus = root().join("tests/schema-corpus").join(kind);
        let valid = json_files(&corpus.join("valid"));
        let invalid = json_files(&corpus.join("invalid"));
        assert!(
            valid.len() >= 2 && invalid.len() >= 10,
            "{kind}: corpus too small"
        );
        let mut expected: BTreeMap<String, bool> = BTreeMap::new();
        for file in valid
            .iter()
            .cloned()
            .chain(shipped_files.iter().map(|f| f.to_string()))
        {
            expected.insert(file, true);
        }
        for file in &invalid {
            expected.insert(file.clone(), false);
        }
        let files: Vec<String> = expected.keys().cloned().collect();
        let ajv = validator(
            Path::new("node"),
            "scripts/validate-json.mjs",
            schema,
            &files,
        );
        let jsonschema = validator(&venv_python(), "scripts/validate-json.py", schema, &files);
        for (file, &is_valid) in &expected {
            let text = std::fs::read_to_string(root().join(file)).unwrap();
            let core = core(kind, &text, &questionnaire);
            if core.is_ok() != is_valid {
                disagreements.push(format!(
                    "{file}: the core {} it: {core:?}",
                    if core.is_ok() { "accepts" } else { "refuses" }
                ));
            }
            // `tests/schema-corpus/answers/invalid/x.json` is listed as `answers/invalid/x.json`.
            let key = file.trim_start_matches("tests/schema-corpus/");
            let schema_should_accept = is_valid || listed.contains_key(key);
            seen_listed += usize::from(listed.contains_key(key));
            for (name, verdicts) in [("ajv", &ajv), ("jsonschema", &jsonschema)] {
                let verdict = verdicts
                    .get(file)
                    .unwrap_or_else(|| panic!("{name} said nothing of {file}"));
                if verdict.is_ok() != schema_should_accept {
                    disagreements.push(format!(
                        "{file}: {name} {} it (core: {core:?}){}",
                        if verdict.is_ok() {
                            "accepts"
                        } else {
                            "refuses"
                        },
                        verdict
                            .as_ref()
                            .err()
                            .map_or(String::new(), |e| format!(": {e}"))
                    ));
                }
            }
        }
    }
    assert!(
        disagreements.is_empty(),
        "the published schemas and the core disagree:\n{}",
        disagreements.join("\n")
    );
    assert_eq!(
        seen_listed,
        listed.len(),
        "tests/schema-corpus/inexpressible.json lists a file the corpus does not have as invalid"
    );
}
