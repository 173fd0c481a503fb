//! `assess cohort` and `assess flatten` as an association runs them, on generated answers files
//! (`assess generate`), and the DuckDB query of `docs/cohort.md` run as written
//! against `assess flatten`'s output and compared with `assess cohort`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
mod common;

use std::process::{Command, Output};

use common::*;

fn ok(o: Output) -> String {
    assert!(
        o.status.success(),
        "assess failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).unwrap()
}

/// `count` answers files from the generator, sorted paths.
fn generated(dir: &Path, count: usize, seed: u32) -> Vec<String> {
    generate(dir, count, seed)
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect()
}

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap()
}

/// One field (`name`, `reason`) of each file a cohort's JSON lists as not counted.
fn refused<'a>(cohort: &'a serde_json::Value, field: &str) -> Vec<&'a str> {
    cohort["refused"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r[field].as_str().unwrap())
        .collect()
}

#[test]
fn cohort_counts_generated_files_and_lists_the_broken_and_the_foreign() {
    let dir = scratch("cohort-files");
    let mut files = generated(&dir.join("answers"), 200, 18);
    let broken = dir.join("broken.json");
    std::fs::write(&broken, "{\"format\": \"exporter-assessment/answers@1\", ").unwrap();
    let foreign = dir.join("foreign.json");
    std::fs::write(
        &foreign,
        std::fs::read_to_string(&files[0])
            .unwrap()
            .replace("\"digital-trade\"", "\"another-questionnaire\""),
    )
    .unwrap();
    files.push(broken.to_string_lossy().into_owned());
    files.push(foreign.to_string_lossy().into_owned());

    let mut args = vec!["cohort", Q];
    args.extend(files.iter().map(String::as_str));
    let out = json(&ok(assess(&[&args[..], &["--json"]].concat())));
    assert_eq!(out["counted"], 200);
    assert_eq!(out["all"]["members"]["shown"], 200);
    let refused = out["refused"].as_array().unwrap();
    assert_eq!(refused.len(), 2, "{refused:?}");
    assert_eq!(refused[0]["name"], broken.to_string_lossy().as_ref());
    assert!(refused[0]["reason"].as_str().unwrap().contains("EOF"));
    assert_eq!(refused[1]["name"], foreign.to_string_lossy().as_ref());
    assert!(refused[1]["reason"]
        .as_str()
        .unwrap()
        .contains("made for questionnaire \"another-questionnaire\""));

    // One thread or every core: the same figures.
    let one = json(&ok(assess(
        &[&args[..], &["--json", "--threads", "1"]].concat(),
    )));
    assert_eq!(one, out);

    // The same results as one JSON Lines file, with a blank line: the same figures.
    let jsonl = dir.join("results.jsonl");
    let lines: Vec<String> = files[..200]
        .iter()
        .map(|f| json(&std::fs::read_to_string(f).unwrap()).to_string())
        .collect();
    std::fs::write(&jsonl, lines.join("\n") + "\n\n").unwrap();
    let from_jsonl = json(&ok(assess(&[
        "cohort",
        Q,
        "--jsonl",
        jsonl.to_str().unwrap(),
        "--json",
    ])));
    assert_eq!(from_jsonl["all"], out["all"]);
    assert_eq!(from_jsonl["groupings"], out["groupings"]);

    // The text names the groups and says what is withheld.
    let text = ok(assess(&args));
    assert!(
        text.contains("200 result(s) counted, 2 file(s) not counted"),
        "{text}"
    );
    assert!(
        text.contains("broken.json: this is neither a result record"),
        "{text}"
    );
    assert!(text.contains("BY REGION (P.region)"), "{text}");
    assert!(text.contains("fewer than"), "{text}");
    let zh = ok(assess(&[&args[..], &["--lang", "zh-CN"]].concat()));
    assert!(zh.contains("按地区（P.region）"), "{zh}");
    assert!(!zh.contains("members"), "{zh}");
    // The files not counted, in Chinese too (the core's words).
    assert!(
        zh.contains("broken.json: 这既不是结果记录，也不是回答文件：第 1 行"),
        "{zh}"
    );
    assert!(!zh.contains("neither"), "{zh}");

    // The CSV has the JSON's figures.
    let csv = ok(assess(&[&args[..], &["--csv"]].concat()));
    let overall = &out["all"]["figures"]["shown"]["overall"];
    let median = overall["quartiles"]["shown"]["median"].as_f64().unwrap();
    assert!(csv.contains(&format!(
        "all,(all),score_quartile,overall,median,{median},{}\n",
        overall["n"]
    )));
}

#[test]
fn a_small_cohort_shows_fewer_than_5() {
    let dir = scratch("cohort-small");
    let files = generated(&dir, 4, 3);
    let mut args = vec!["cohort", Q];
    args.extend(files.iter().map(String::as_str));
    let text = ok(assess(&args));
    assert!(text.contains("ALL MEMBERS\nfewer than 5\n"), "{text}");
    let out = json(&ok(assess(&[&args[..], &["--json"]].concat())));
    assert_eq!(
        out["all"]["members"],
        serde_json::json!({"hidden": {"fewer_than": 5}})
    );
    // Nothing in the output holds the count.
    assert!(!out["all"].to_string().contains('4'), "{}", out["all"]);
}

#[test]
fn unreadable_inputs_are_refused_one_by_one() {
    let dir = scratch("cohort-unreadable");
    let big = dir.join("big.json");
    std::fs::write(&big, " ".repeat(2 << 20)).unwrap();
    let binary = dir.join("binary.json");
    std::fs::write(&binary, [0xff, 0xfe, 0x00]).unwrap();
    let missing = dir.join("missing.json");
    let good = root().join("tests/fixtures/gba-electronics-brand.json");
    let out = json(&ok(assess(&[
        "cohort",
        Q,
        big.to_str().unwrap(),
        binary.to_str().unwrap(),
        missing.to_str().unwrap(),
        good.to_str().unwrap(),
        "--json",
    ])));
    assert_eq!(out["counted"], 1);
    let reasons = refused(&out, "reason");
    assert!(reasons[0].contains("over 1024 KB"), "{reasons:?}");
    assert!(reasons[1].contains("not UTF-8"), "{reasons:?}");
    assert!(reasons[2].contains("cannot be read"), "{reasons:?}");

    // A JSON Lines file names the line.
    let jsonl = dir.join("r.jsonl");
    std::fs::write(&jsonl, "{}\n").unwrap();
    let out = json(&ok(assess(&[
        "cohort",
        Q,
        "--jsonl",
        jsonl.to_str().unwrap(),
        "--json",
    ])));
    assert_eq!(
        out["refused"][0]["name"],
        format!("{}:1", jsonl.to_str().unwrap())
    );
}

#[test]
fn five_thousand_bad_lines_list_the_first_hundred_and_count_the_rest() {
    let dir = scratch("cohort-many-refused");
    let good = json(
        &std::fs::read_to_string(root().join("tests/fixtures/gba-electronics-brand.json")).unwrap(),
    )
    .to_string();
    // 5000 lines that are no result, then two that are.
    let mut lines: Vec<String> = (1..=5000).map(|i| format!("{{\"line\": {i}}}")).collect();
    lines.extend([good.clone(), good]);
    let jsonl = dir.join("members.jsonl");
    std::fs::write(&jsonl, lines.join("\n") + "\n").unwrap();
    let path = jsonl.to_str().unwrap();
    let args = ["cohort", Q, "--jsonl", path];
    let first: Vec<String> = (1..=100).map(|i| format!("{path}:{i}")).collect();

    // The JSON: the first hundred in order, whatever the threads, and how many in all.
    for threads in ["1", "3"] {
        let text = ok(assess(
            &[&args[..], &["--json", "--threads", threads]].concat(),
        ));
        assert!(text.len() < 64 << 10, "{} bytes of JSON", text.len());
        let out = json(&text);
        assert_eq!(out["counted"], 2);
        assert_eq!(out["refused_total"], 5000);
        assert_eq!(refused(&out, "name"), first, "{threads} thread(s)");
    }

    // The text: a hundred listed, then how many more, in either language.
    let text = ok(assess(&args));
    assert!(text.len() < 64 << 10, "{} bytes of text", text.len());
    assert!(
        text.contains("2 result(s) counted, 5000 file(s) not counted"),
        "{text}"
    );
    let listed: Vec<&str> = text.lines().filter(|l| l.starts_with("- ")).collect();
    assert_eq!(listed.len(), 100, "{text}");
    assert!(listed[99].starts_with(&format!("- {path}:100: ")), "{text}");
    assert!(
        text.contains(&format!("{}\n… and 4900 more\n", listed[99])),
        "{text}"
    );
    let zh = ok(assess(&[&args[..], &["--lang", "zh-CN"]].concat()));
    assert!(zh.contains("已计入 2 份结果，5000 个文件未计入"), "{zh}");
    assert_eq!(zh.lines().filter(|l| l.starts_with("- ")).count(), 100);
    assert!(zh.contains("\n……另有 4900 个未列出\n"), "{zh}");

    // The CSV's note on the side: the same hundred, then how many more.
    let o = assess(&[&args[..], &["--csv"]].concat());
    let notes = stderr(&o);
    let notes: Vec<&str> = notes.lines().collect();
    assert_eq!(notes.len(), 101, "{notes:?}");
    assert!(notes[99].starts_with(&format!("assess: not counted: {path}:100: ")));
    assert_eq!(notes[100], "assess: not counted: … and 4900 more");

    // `assess flatten` notes the same hundred, then how many more, and counts them all.
    let out = dir.join("rows.csv");
    let o = assess(&[
        "flatten",
        Q,
        "--jsonl",
        path,
        "--out",
        out.to_str().unwrap(),
    ]);
    let notes = stderr(&o);
    let notes: Vec<&str> = notes.lines().collect();
    assert_eq!(notes.len(), 101, "{notes:?}");
    assert!(notes[0].starts_with(&format!("assess: not counted: {path}:1: this is neither")));
    assert_eq!(notes[100], "assess: not counted: … and 4900 more");
    assert!(
        stdout(&o).contains("2 row(s) written; 5000 input(s) not counted"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn wrong_arguments_say_what_to_give() {
    for (args, expected) in [
        (vec!["cohort", Q], "give result files or --jsonl FILE"),
        (
            vec!["cohort", Q, "a.json", "--jsonl", "b.jsonl"],
            "not both",
        ),
        (vec!["cohort", Q, "a.json", "--threads", "0"], "above 0"),
        (
            vec!["cohort", Q, "a.json", "--bogus"],
            "unknown option --bogus",
        ),
        (vec!["flatten", Q, "a.json"], "give --out"),
        (
            vec!["flatten", Q, "a.json", "--out", "x.xlsx"],
            "must end in .csv or .parquet",
        ),
        (
            vec!["cohort", "missing-questionnaire.json", "a.json"],
            "cannot read",
        ),
    ] {
        let o = assess(&args);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains(expected), "{args:?}: {err}");
    }
}

/// An association's config that changes weights only: its members answer every section, as the
/// generated answers files do.
const WEIGHTS_CONFIG: &str = r#"{
  "name": "Example Exporters' Association",
  "origin": "https://www.association.example",
  "weights": { "dimensions": { "institutions": 3 }, "items": { "R2": 2.5, "T1": 0.5 } }
}"#;

#[test]
fn cohort_with_config_scores_as_the_association_and_refuses_without_it() {
    let dir = scratch("cohort-config");
    let files = generated(&dir.join("answers"), 60, 7);
    let config = dir.join("config.json");
    std::fs::write(&config, WEIGHTS_CONFIG).unwrap();
    let config = config.to_str().unwrap();
    // The members' records, made as the app makes them under that config (answers included).
    let q = assessment::association::questionnaire_with(
        WEIGHTS_CONFIG,
        &std::fs::read_to_string(root().join(Q)).unwrap(),
    )
    .unwrap();
    let records = dir.join("records");
    std::fs::create_dir_all(&records).unwrap();
    let mut record_files = Vec::new();
    for (i, f) in files.iter().enumerate() {
        let sheet =
            assessment::AnswerSheet::from_json(&std::fs::read_to_string(f).unwrap(), &q).unwrap();
        let report = assessment::score(&q, &sheet);
        let record = assessment::ResultRecord::new(&q, &sheet, &report, None, i % 2 == 0);
        let path = records.join(format!("r{i:03}.json"));
        std::fs::write(&path, record.to_json()).unwrap();
        record_files.push(path.to_string_lossy().into_owned());
    }
    let run = |inputs: &[String], extra: &[&str]| {
        let mut args = vec!["cohort", Q];
        args.extend(inputs.iter().map(String::as_str));
        args.extend(extra);
        json(&ok(assess(&args)))
    };
    let shipped = run(&files, &["--json"]);
    let customised = run(&files, &["--json", "--config", config]);
    assert_eq!(customised["counted"], 60);
    assert_ne!(
        customised["all"], shipped["all"],
        "the association's weights give other figures"
    );
    // The answers files scored with the config give the figures of the members' own records.
    assert_eq!(
        run(&record_files, &["--config", config, "--json"]),
        customised
    );
    let csv = |inputs: &[String]| {
        let mut args = vec!["cohort", Q, "--csv", "--config", config];
        args.extend(inputs.iter().map(String::as_str));
        ok(assess(&args))
    };
    assert_eq!(csv(&files), csv(&record_files));

    // Without the config, every record is refused with the reason, in the language asked.
    let refused = run(&record_files, &["--json"]);
    assert_eq!(refused["counted"], 0);
    let reasons = refused["refused"].as_array().unwrap();
    assert_eq!(reasons.len(), 60);
    assert!(reasons.iter().all(|r| r["reason"]
        .as_str()
        .unwrap()
        .starts_with("this result was made with other sections or weights (weights dimension institutions 3, item R2 2.5, item T1 0.5): give the association's config")));
    let mut args = vec!["cohort", Q, "--lang", "zh-CN"];
    args.extend(record_files.iter().take(2).map(String::as_str));
    let text = ok(assess(&args));
    assert!(text.contains("此结果是用其他维度或权重评分的"), "{text}");

    // `flatten` takes it too: the rows of the records, one each.
    let out = dir.join("rows.csv");
    let mut args = vec![
        "flatten",
        Q,
        "--config",
        config,
        "--out",
        out.to_str().unwrap(),
    ];
    args.extend(record_files.iter().map(String::as_str));
    ok(assess(&args));
    assert_eq!(std::fs::read_to_string(&out).unwrap().lines().count(), 61);

    // A config with problems is refused with every problem, and nothing is counted.
    let bad = dir.join("bad.json");
    std::fs::write(
        &bad,
        r#"{"origin": "nowhere", "weights": {"items": {"T9": 2}}}"#,
    )
    .unwrap();
    let o = assess(&["cohort", Q, &files[0], "--config", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("the association's config cannot be used: 2 problems"),
        "{err}"
    );
    assert!(err.contains("field weights.items.T9"), "{err}");
}

#[test]
fn the_documented_example_record_is_accepted() {
    let doc = std::fs::read_to_string(root().join("docs/cohort.md")).unwrap();
    let example = fenced_after(&doc, "<!-- example-record -->", "json");
    let dir = scratch("cohort-example");
    let file = dir.join("record.json");
    std::fs::write(&file, example).unwrap();
    let out = json(&ok(assess(&[
        "cohort",
        Q,
        file.to_str().unwrap(),
        "--json",
    ])));
    assert_eq!(out["counted"], 1, "{out}");
}

/// A CSV text (RFC 4180) as rows of cells.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let (mut row, mut cell, mut quoted) = (Vec::new(), String::new(), false);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\n') => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => cell.push(c),
        }
    }
    rows
}

type Key = (String, String, String, String, String);

/// The Python that has DuckDB: `DUCKDB_PYTHON`, or the venv `scripts/setup` makes.
fn duckdb_python() -> PathBuf {
    let python = std::env::var_os("DUCKDB_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target/duckdb-venv/bin/python"));
    assert!(
        python.exists(),
        "DuckDB is not installed: scripts/setup installs it into target/duckdb-venv \
         (or set DUCKDB_PYTHON to a Python that has the duckdb package)"
    );
    python
}

/// The documented query's rows, run in `dir` with `source` in place of 'results.parquet'.
fn run_query(dir: &Path, query: &str, source: &str) -> BTreeMap<Key, (f64, u64)> {
    std::fs::write(
        dir.join("query.sql"),
        query.replace("'results.parquet'", source),
    )
    .unwrap();
    let o = Command::new(duckdb_python())
        .current_dir(dir)
        .args([
            "-c",
            "import duckdb, json; \
             print(json.dumps(duckdb.sql(open('query.sql').read()).fetchall()))",
        ])
        .output()
        .expect("python runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).unwrap();
    rows.iter()
        .map(|r| {
            let s = |i: usize| r[i].as_str().unwrap().to_owned();
            (
                (s(0), s(1), s(2), s(3), s(4)),
                (r[5].as_f64().unwrap(), r[6].as_u64().unwrap()),
            )
        })
        .collect()
}

#[test]
fn the_documented_duckdb_query_gives_the_cohort_figures() {
    let dir = scratch("cohort-duckdb");
    let files = generated(&dir.join("answers"), 260, 7);
    let mut args = vec!["cohort", Q];
    args.extend(files.iter().map(String::as_str));
    let csv = parse_csv(&ok(assess(&[&args[..], &["--csv"]].concat())));
    assert_eq!(
        csv[0].join(","),
        "grouping,group,figure,subject,key,value,n"
    );
    for out in ["results.parquet", "results.csv"] {
        let target = dir.join(out);
        let mut flatten = vec!["flatten", Q];
        flatten.extend(files.iter().map(String::as_str));
        let printed = ok(assess(
            &[&flatten[..], &["--out", target.to_str().unwrap()]].concat(),
        ));
        assert!(
            printed.contains("260 row(s) written; 0 input(s) not counted"),
            "{printed}"
        );
    }
    let parquet = std::fs::read(dir.join("results.parquet")).unwrap();
    assert!(parquet.starts_with(b"PAR1") && parquet.ends_with(b"PAR1"));

    let doc = std::fs::read_to_string(root().join("docs/cohort.md")).unwrap();
    let query = fenced_after(&doc, "<!-- cohort-figures-query -->", "sql");
    for source in ["'results.parquet'", "'results.csv'"] {
        let duck = run_query(&dir, &query, source);
        // The cohort's shown figures, by key; and which groups show their figures.
        let mut shown: BTreeMap<Key, (f64, u64)> = BTreeMap::new();
        let mut groups_with_figures = Vec::new();
        let mut withheld = 0;
        for row in &csv[1..] {
            let key: Key = (
                row[0].clone(),
                row[1].clone(),
                row[2].clone(),
                row[3].clone(),
                row[4].clone(),
            );
            match row[5].parse::<f64>() {
                Ok(value) => {
                    if row[2] == "complete" {
                        groups_with_figures.push((row[0].clone(), row[1].clone()));
                    }
                    shown.insert(key, (value, row[6].parse().unwrap()));
                }
                Err(_) => withheld += 1,
            }
        }
        assert!(
            withheld > 0 && groups_with_figures.len() > 10,
            "the set exercises the rules"
        );
        for (key, (value, n)) in &shown {
            match duck.get(key) {
                Some((v, dn)) => assert!(
                    (v - value).abs() < 1e-6 && dn == n,
                    "{source} {key:?}: DuckDB {v} (n {dn}), cohort {value} (n {n})"
                ),
                // A category with no member has no row in a GROUP BY.
                None => assert_eq!(*value, 0.0, "{source} {key:?} missing from DuckDB's rows"),
            }
        }
        for (key, (value, _)) in &duck {
            let group = (key.0.clone(), key.1.clone());
            if !groups_with_figures.contains(&group) && key.2 != "members" {
                continue;
            }
            if key.2 == "members" && !shown.contains_key(key) {
                continue;
            }
            if key.2 == "top_recommendation" {
                // The cohort lists the five most frequent: any other is no more frequent.
                if !shown.contains_key(key) {
                    let least_listed = shown
                        .iter()
                        .filter(|(k, _)| k.0 == key.0 && k.1 == key.1 && k.2 == key.2)
                        .map(|(_, (v, _))| *v)
                        .fold(f64::INFINITY, f64::min);
                    assert!(*value <= least_listed, "{source} {key:?}");
                }
                continue;
            }
            assert!(
                shown.contains_key(key),
                "{source}: {key:?} not in the cohort's figures"
            );
        }
    }
}
