//! `assess`: the assessment core on the command line.
//!
//! `assess validate QUESTIONNAIRE` lists every problem of a questionnaire file;
//! `assess score QUESTIONNAIRE ANSWERS [--json] [--lang TAG]` prints the report;
//! `assess schema [answers]` prints the JSON Schema of the questionnaire (or answers) format.
//! It holds no rule of its own: everything comes from the `assessment` crate, as in the web app.

use std::fmt::Write as _;
use std::process::ExitCode;

use assessment::{
    format_score, score, AnswerSheet, ExportDecision, Horizon, LangTag, Questionnaire, Report, Text,
};

const USAGE: &str = "\
usage:
  assess validate QUESTIONNAIRE.json
  assess score QUESTIONNAIRE.json ANSWERS.json [--json] [--lang zh-CN|en]
  assess schema [questionnaire|answers]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(out) => {
            print!("{out}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("assess: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &[String]) -> Result<String, String> {
    let mut json = false;
    let mut lang = None;
    let mut positional = Vec::new();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--json" => json = true,
            "--lang" => {
                let tag = args
                    .next()
                    .ok_or(format!("--lang needs a language tag\n{USAGE}"))?;
                lang = Some(LangTag::from(tag.as_str()));
            }
            a if a.starts_with("--lang=") => lang = Some(LangTag::from(&a["--lang=".len()..])),
            "--help" | "-h" => return Ok(format!("{USAGE}\n")),
            a if a.starts_with('-') => return Err(format!("unknown option {a}\n{USAGE}")),
            _ => positional.push(arg),
        }
    }
    match positional.as_slice() {
        [cmd, path] if cmd.as_str() == "validate" => {
            let q = load_questionnaire(path)?;
            Ok(format!(
                "{path}: valid — questionnaire \"{}\" version {}, {}, {} in {}\n",
                q.doc().id,
                q.doc().version,
                count(q.doc().profile.len(), "profile question"),
                count(q.item_count(), "scored item"),
                count(q.doc().dimensions.len(), "dimension"),
            ))
        }
        [cmd, qpath, apath] if cmd.as_str() == "score" => {
            let q = load_questionnaire(qpath)?;
            let text = read(apath)?;
            let sheet = AnswerSheet::from_json(&text, &q).map_err(|e| format!("{apath}: {e}"))?;
            let report = score(&q, &sheet);
            if json {
                Ok(serde_json::to_string_pretty(&report).expect("report serialises") + "\n")
            } else {
                let lang = lang.unwrap_or_else(|| LangTag::from("en"));
                if !q.doc().languages.contains(&lang) {
                    return Err(format!(
                        "the questionnaire has no language \"{lang}\"; it has {}",
                        q.doc()
                            .languages
                            .iter()
                            .map(|l| l.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ));
                }
                Ok(render(&q, &report, &lang))
            }
        }
        [cmd] if cmd.as_str() == "schema" => Ok(pretty(assessment::questionnaire_schema())),
        [cmd, which] if cmd.as_str() == "schema" => match which.as_str() {
            "questionnaire" => Ok(pretty(assessment::questionnaire_schema())),
            "answers" => Ok(pretty(assessment::answers_schema())),
            other => Err(format!("no schema named \"{other}\"\n{USAGE}")),
        },
        _ => Err(USAGE.to_owned()),
    }
}

fn pretty(value: serde_json::Value) -> String {
    serde_json::to_string_pretty(&value).expect("schema serialises") + "\n"
}

fn read(path: &str) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))
}

fn load_questionnaire(path: &str) -> Result<Questionnaire, String> {
    Questionnaire::from_json(&read(path)?).map_err(|e| format!("{path}: {e}"))
}

/// The report as plain text, in `lang`.
fn render(q: &Questionnaire, report: &Report, lang: &LangTag) -> String {
    let t = |text: &Text| text.get(lang).to_owned();
    let mut out = String::new();
    let doc = q.doc();
    let _ = writeln!(out, "{} ({} {})", t(&doc.title), doc.id, doc.version);
    if !report.complete {
        let ids: Vec<&str> = report.missing.iter().map(|id| id.as_str()).collect();
        let _ = writeln!(
            out,
            "\nPARTIAL RESULT — {} question(s) still to answer: {}",
            ids.len(),
            ids.join(", ")
        );
    }
    let stage = report.stage.as_ref().and_then(|s| q.stage(s));
    let _ = writeln!(
        out,
        "\nOverall: {}  Stage: {}",
        format_score(report.overall),
        stage.map_or("–".to_owned(), |s| t(&s.label))
    );
    if let Some(s) = stage {
        let _ = writeln!(out, "  {}", t(&s.meaning));
    }
    for d in &report.dimensions {
        let dimension = q.dimension(&d.id).expect("report dimension exists");
        let mark = if report.bottleneck.as_ref() == Some(&d.id) {
            "  ← bottleneck"
        } else {
            ""
        };
        let capped = if d.capped {
            format!(" (capped from {})", format_score(d.uncapped))
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            // Score first: titles vary in length and script, so they cannot be padded to a column.
            "  {:>5}  {}{capped}  [{}/{} answered]{mark}",
            format_score(d.score),
            t(&dimension.title),
            d.answered,
            d.applicable
        );
    }
    if !report.critical_gaps.is_empty() {
        let _ = writeln!(out, "\nCRITICAL GAPS");
        for gap in &report.critical_gaps {
            let (_, item) = q.item(&gap.item).expect("gap item exists");
            if let Some(rule) = &item.critical {
                let _ = writeln!(out, "  ! {}: {}", item.id, t(&rule.text));
                let _ = writeln!(out, "    {}", t(&rule.basis));
            }
        }
    }
    let _ = writeln!(out, "\nData export path:");
    match &report.export_path {
        ExportDecision::Decided { outcome, rule } => {
            let o = q.outcome(outcome).expect("outcome exists");
            let r = &doc.export_path.rules[*rule];
            let _ = writeln!(out, "  {} — {}", t(&o.title), t(&r.reason));
            let _ = writeln!(out, "  {}", t(&o.basis));
            for duty in &o.duties {
                let _ = writeln!(out, "  - {}", t(duty));
            }
        }
        ExportDecision::Pending => {
            let _ = writeln!(
                out,
                "  not decided yet: answer the data questions of the profile"
            );
        }
        ExportDecision::Uncovered => {
            let _ = writeln!(out, "  the questionnaire's rules do not cover this profile");
        }
    }
    for route in &report.routes {
        let r = q.route(route).expect("route exists");
        let _ = writeln!(out, "  + {}: {}", t(&r.title), t(&r.text));
    }
    let _ = writeln!(out, "\nItems:");
    for (_, item) in q.items() {
        let Some(result) = report.item(&item.id) else {
            continue;
        };
        let answer = match (&result.answer, result.applicability) {
            (_, assessment::Applicability::NotApplicable) => "not applicable".to_owned(),
            (Some(a), _) => item
                .options
                .iter()
                .find(|o| &o.id == a)
                .map_or(a.to_string(), |o| {
                    format!("level {} — {}", o.level, t(&o.label))
                }),
            (None, _) => "unanswered".to_owned(),
        };
        let _ = writeln!(out, "  {:<3} {answer}", item.id);
        if let (Some(b), Some(_)) = (&item.benchmark, &result.answer) {
            let _ = writeln!(out, "      {} ({})", t(&b.text), b.section);
        }
    }
    let _ = writeln!(out, "\nAction plan:");
    for horizon in Horizon::ALL {
        let _ = writeln!(out, "  {}", t(doc.horizons.get(horizon)));
        for r in report.plan(horizon) {
            let (_, item) = q.item(&r.item).expect("recommendation item exists");
            let rec = &item.recommendations[r.index];
            let cm = q
                .countermeasure(&r.countermeasure)
                .map_or(String::new(), |c| c.section.clone());
            let flag = if r.critical { "!" } else { "-" };
            let _ = writeln!(
                out,
                "    {flag} [{} {cm}, priority {:.2}] {}",
                item.id,
                r.priority,
                t(&rec.text)
            );
        }
    }
    let _ = writeln!(out, "\n{}", t(&doc.disclaimer));
    out
}

/// "1 dimension", "3 dimensions".
fn count(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}
