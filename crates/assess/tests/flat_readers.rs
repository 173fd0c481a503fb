//! `assess flatten`'s files as an analyst reads them: the Parquet with three independent readers
//! (DuckDB, pyarrow, polars), the CSV with the read calls `docs/cohort.md` gives (DuckDB, polars),
//! every column's type, nulls and values checked against the rows the core's records give; the
//! row groups and key-value metadata as documented. The readers run in `target/duckdb-venv`
//! (`scripts/setup`), from `flat_readers.py`.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use assessment::result_record::PathStatus;
use assessment::{import, Grouping, Questionnaire, ResultRecord, BUILTIN_QUESTIONNAIRE};
use common::*;
use serde_json::{json, Value};

/// What a column holds, and the type each reader gives it: DuckDB, pyarrow, polars.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
    Text,
    Date,
    Bool,
    Number,
}

impl Kind {
    fn types(self) -> [&'static str; 3] {
        match self {
            Kind::Text => ["VARCHAR", "string", "String"],
            Kind::Date => ["DATE", "date32[day]", "Date"],
            Kind::Bool => ["BOOLEAN", "bool", "Boolean"],
            Kind::Number => ["DOUBLE", "double", "Float64"],
        }
    }
}

/// The columns of the shipped questionnaire and the row of a record, from the core's record
/// alone (not from `flatten.rs`): what every reader must find.
fn expected(q: &Questionnaire, records: &[ResultRecord]) -> (Vec<(String, Kind)>, Vec<Vec<Value>>) {
    let mut columns = vec![
        ("questionnaire".to_owned(), Kind::Text),
        ("version".to_owned(), Kind::Text),
        ("date".to_owned(), Kind::Date),
    ];
    for g in Grouping::ALL {
        columns.push((g.name().to_owned(), Kind::Text));
    }
    columns.push(("complete".to_owned(), Kind::Bool));
    columns.push(("overall".to_owned(), Kind::Number));
    for d in &q.doc().dimensions {
        columns.push((format!("score_{}", d.id), Kind::Number));
    }
    for name in ["stage", "bottleneck", "export_path"] {
        columns.push((name.to_owned(), Kind::Text));
    }
    for (_, item) in q.items().filter(|(_, i)| i.critical.is_some()) {
        columns.push((format!("gap_{}", item.id), Kind::Bool));
    }
    for i in 1..=3 {
        columns.push((format!("rec{i}_item"), Kind::Text));
        columns.push((format!("rec{i}_countermeasure"), Kind::Text));
    }
    let rows = records
        .iter()
        .map(|r| {
            let mut row = vec![
                json!(r.questionnaire.id),
                json!(r.questionnaire.version),
                json!(r.date.map(|d| d.to_string())),
            ];
            for g in Grouping::ALL {
                row.push(json!(r.profile.get(g)));
            }
            row.push(json!(r.complete));
            row.push(json!(r.overall.map(|s| s.points())));
            row.extend(
                r.dimensions
                    .iter()
                    .map(|d| json!(d.score.map(|s| s.points()))),
            );
            row.push(json!(r.stage));
            row.push(json!(r.bottleneck));
            row.push(json!(match &r.export_path {
                PathStatus::Decided { outcome } => outcome.to_string(),
                PathStatus::Pending => "(pending)".to_owned(),
                PathStatus::Uncovered => "(uncovered)".to_owned(),
            }));
            row.extend(r.gaps(q).into_iter().map(|(_, gap)| json!(gap)));
            for i in 0..3 {
                let rec = r.top_recommendations.get(i);
                row.push(json!(rec.map(|x| &x.item)));
                row.push(json!(rec.map(|x| &x.countermeasure)));
            }
            row
        })
        .collect();
    (columns, rows)
}

/// Every reader's types and rows of `dir`'s results.parquet and results.csv.
fn read_all(dir: &Path) -> Value {
    let doc = std::fs::read_to_string(root().join("docs/cohort.md")).unwrap();
    std::fs::write(
        dir.join("read_csv.sql"),
        fenced_after(&doc, "<!-- csv-read-duckdb -->", "sql"),
    )
    .unwrap();
    std::fs::write(
        dir.join("read_csv.py"),
        fenced_after(&doc, "<!-- csv-read-polars -->", "python"),
    )
    .unwrap();
    let o = Command::new(venv_python())
        .arg(root().join("crates/assess/tests/flat_readers.py"))
        .arg(dir)
        .output()
        .expect("python runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).unwrap()
}

/// A reader's rows as JSON values, numbers compared as numbers (DuckDB writes 53.0, the CSV 53).
fn same(found: &Value, expected: &[Vec<Value>]) -> Result<(), String> {
    let found = found.as_array().unwrap();
    if found.len() != expected.len() {
        return Err(format!("{} rows, expected {}", found.len(), expected.len()));
    }
    for (i, (f, e)) in found.iter().zip(expected).enumerate() {
        let f = f.as_array().unwrap();
        for (j, (a, b)) in f.iter().zip(e).enumerate() {
            let equal = match (a.as_f64(), b.as_f64()) {
                (Some(x), Some(y)) => (x - y).abs() < 1e-9,
                _ => a == b,
            };
            if !equal {
                return Err(format!("row {i} column {j}: {a} where the core has {b}"));
            }
        }
    }
    Ok(())
}

/// `lines` answers files and records as one JSON Lines file: the generator's answers (every other
/// one dated) and the corpus's valid records, repeated; the file and its distinct lines.
fn inputs(dir: &Path, lines: usize) -> (PathBuf, Vec<String>) {
    let answers = dir.join("answers");
    let mut sources = generate(&answers, 300, 11);
    let records = root().join("tests/schema-corpus/result/valid");
    let mut more: Vec<PathBuf> = std::fs::read_dir(records)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    more.sort();
    sources.extend(more);
    let docs: Vec<String> = sources
        .iter()
        .enumerate()
        .map(|(i, path)| {
            let mut doc: Value =
                serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
            // Made for the corpus's version: named as the shipped questionnaire's, whatever it is.
            let version = json!(shipped_version());
            doc["questionnaire"]["version"] = version.clone();
            if doc["answers"]["questionnaire"].is_object() {
                doc["answers"]["questionnaire"]["version"] = version;
            }
            if doc["format"] == "exporter-assessment/answers@1" && i % 2 == 0 {
                doc["date"] = json!(format!("2026-{:02}-{:02}", i % 12 + 1, i % 28 + 1));
            }
            doc.to_string()
        })
        .collect();
    let text: String = docs
        .iter()
        .cycle()
        .take(lines)
        .map(|d| format!("{d}\n"))
        .collect();
    let path = dir.join("results.jsonl");
    std::fs::write(&path, text).unwrap();
    (path, docs)
}

fn shipped_version() -> String {
    Questionnaire::from_json(BUILTIN_QUESTIONNAIRE)
        .unwrap()
        .reference()
        .version
}

fn flatten(jsonl: &Path, out: &Path) {
    let o = assess(&[
        "flatten",
        Q,
        "--jsonl",
        jsonl.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--threads",
        "3",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn parquet_and_csv_read_alike_in_duckdb_pyarrow_and_polars() {
    let dir = scratch("flat-readers");
    // More than one row group's worth, read on three threads.
    let lines = 16_384 + 1_000;
    let (jsonl, docs) = inputs(&dir, lines);
    flatten(&jsonl, &dir.join("results.parquet"));
    flatten(&jsonl, &dir.join("results.csv"));

    let q = Questionnaire::from_json(BUILTIN_QUESTIONNAIRE).unwrap();
    let records: Vec<ResultRecord> = docs.iter().map(|d| import(d, &q).unwrap()).collect();
    let (columns, distinct) = expected(&q, &records);
    let rows: Vec<Vec<Value>> = distinct.iter().cycle().take(lines).cloned().collect();
    // The data exercises every kind of value: dated and undated, known and unknown gaps.
    let column = |name: &str| columns.iter().position(|(c, _)| c == name).unwrap();
    for name in ["date", "gap_R2", "gap_R5", "overall"] {
        let values: Vec<&Value> = rows.iter().map(|r| &r[column(name)]).collect();
        assert!(values.iter().any(|v| v.is_null()), "{name} has no null");
        assert!(values.iter().any(|v| !v.is_null()), "{name} has no value");
    }
    assert!(rows.iter().any(|r| r[column("gap_R2")] == json!(false)));

    let read = read_all(&dir);
    assert_eq!(read["row_groups"], json!([16_384, 1_000]));
    assert_eq!(
        read["metadata"],
        json!({
            "exporter-assessment.questionnaire": "digital-trade",
            "exporter-assessment.questionnaire_version": q.reference().version,
            "exporter-assessment.tool": format!("assess {}", env!("CARGO_PKG_VERSION")),
        })
    );
    let readers = [
        ("parquet", "duckdb", 0),
        ("parquet", "pyarrow", 1),
        ("parquet", "polars", 2),
        ("csv", "duckdb", 0),
        ("csv", "polars", 2),
    ];
    for (file, reader, slot) in readers {
        let got = &read[file][reader];
        let types: Vec<(String, String)> = got["types"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| {
                (
                    t[0].as_str().unwrap().to_owned(),
                    t[1].as_str().unwrap().to_owned(),
                )
            })
            .collect();
        let wanted: Vec<(String, String)> = columns
            .iter()
            .map(|(name, kind)| (name.clone(), kind.types()[slot].to_owned()))
            .collect();
        assert_eq!(types, wanted, "{reader} reading the {file}: column types");
        if let Err(e) = same(&got["rows"], &rows) {
            panic!("{reader} reading the {file}: {e}");
        }
    }

    // A set with no date at all: the column is still a date, all null, in every reader.
    let undated = dir.join("undated");
    std::fs::create_dir_all(&undated).unwrap();
    let lines: String = docs
        .iter()
        .filter(|d| d.contains("answers@1") && !d.contains("\"date\""))
        .take(20)
        .map(|d| format!("{d}\n"))
        .collect();
    let jsonl = undated.join("results.jsonl");
    std::fs::write(&jsonl, lines).unwrap();
    flatten(&jsonl, &undated.join("results.parquet"));
    flatten(&jsonl, &undated.join("results.csv"));
    let found = read_all(&undated);
    let date = column("date");
    for (file, reader, slot) in readers {
        let got = &found[file][reader];
        assert_eq!(
            got["types"][date],
            json!(["date", Kind::Date.types()[slot]]),
            "{reader} reading the {file} without dates"
        );
        let rows = got["rows"].as_array().unwrap();
        assert_eq!(rows.len(), 20);
        assert!(rows.iter().all(|r| r[date].is_null()), "{reader}: {file}");
    }
}
