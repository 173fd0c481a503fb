//! `assess`: the assessment core on the command line.
//!
//! `assess validate QUESTIONNAIRE` lists every problem of a questionnaire file;
//! `assess validate --config CONFIG [QUESTIONNAIRE]` lists every problem of an association's config,
//! by field, and of the questionnaire it customises (the shipped one if none is given);
//! `assess score QUESTIONNAIRE ANSWERS [--json] [--lang TAG]` prints the report;
//! `assess schema [answers]` prints the JSON Schema of the questionnaire (or answers) format;
//! `assess check-citations QUESTIONNAIRE PAPER` checks every benchmark's quotes against the paper.
//! It holds no rule of its own: everything comes from the `assessment` crate, as in the web app.

use std::fmt::Write as _;
use std::process::ExitCode;

use assessment::citations::{self, Verdict};
use assessment::{
    format_score, score, AnswerSheet, Applicability, AssociationConfig, Customisation, LangTag,
    PathView, Place, Problem, Questionnaire, ReportView, Standing, BUILTIN_QUESTIONNAIRE,
};

const USAGE: &str = "\
usage:
  assess validate QUESTIONNAIRE.json
  assess validate --config ASSOCIATION.json [QUESTIONNAIRE.json]
  assess score QUESTIONNAIRE.json ANSWERS.json [--json] [--lang zh-CN|en]
  assess schema [questionnaire|answers]
  assess check-citations QUESTIONNAIRE.json PAPER.txt";

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
    let mut config = None;
    let mut positional = Vec::new();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--json" => json = true,
            "--config" => {
                let path = args
                    .next()
                    .ok_or(format!("--config needs a config file\n{USAGE}"))?;
                config = Some(path.as_str());
            }
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
    if let Some(config) = config {
        return match positional.as_slice() {
            [cmd] if cmd.as_str() == "validate" => validate_config(config, None),
            [cmd, path] if cmd.as_str() == "validate" => validate_config(config, Some(path)),
            _ => Err(format!("--config goes with validate only\n{USAGE}")),
        };
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
                Ok(render(ReportView::new(&q, &report, &lang)))
            }
        }
        [cmd, qpath, paper] if cmd.as_str() == "check-citations" => {
            let q = load_questionnaire(qpath)?;
            let checked = citations::check(q.doc(), &read(paper)?);
            let failed = checked
                .iter()
                .filter(|c| c.verdict != Verdict::Found)
                .count();
            let mut out: String = checked.iter().map(|c| format!("{c}\n")).collect();
            let _ = writeln!(
                out,
                "{} quote(s) checked against {paper}: {} found, {failed} not found",
                checked.len(),
                checked.len() - failed
            );
            if failed == 0 {
                Ok(out)
            } else {
                Err(out)
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

/// An association's config, checked as the web app checks it: its own fields, then its sections
/// and weights applied to the questionnaire it customises, which is validated too. Every problem
/// names its file and field.
fn validate_config(path: &str, questionnaire: Option<&String>) -> Result<String, String> {
    let config = AssociationConfig::from_file(&read(path)?)
        .map_err(|problems| listed(&problems, path, ""))?;
    let (qsource, qtext) = match (questionnaire, &config.questionnaire) {
        (Some(q), _) => (q.as_str(), read(q)?),
        (None, Some(url)) => {
            return Err(format!(
                "{path}: names the questionnaire {url}; pass that file too to check the \
                 config against it:\n  assess validate --config {path} QUESTIONNAIRE.json"
            ))
        }
        (None, None) => (
            "the shipped questionnaire",
            BUILTIN_QUESTIONNAIRE.to_owned(),
        ),
    };
    // The languages the config may start in are the questionnaire's; the format is checked first.
    let languages = Questionnaire::load(&qtext, &Customisation::default())
        .map(|q| q.doc().languages.clone())
        .unwrap_or_default();
    let mut problems = config.problems(&languages);
    let loaded = Questionnaire::load(&qtext, &config.customisation);
    if let Err(found) = &loaded {
        problems.extend(found.0.iter().cloned());
    }
    match loaded {
        Ok(q) if problems.is_empty() => Ok(format!(
            "{path}: valid — for questionnaire \"{}\" version {} ({qsource}), {} asked\n",
            q.doc().id,
            q.doc().version,
            count(q.doc().dimensions.len(), "dimension"),
        )),
        _ => Err(listed(&problems, path, qsource)),
    }
}

/// Problems one a line, each after the file it is in: the config's in `config`, the
/// questionnaire's in `questionnaire`.
fn listed(problems: &[Problem], config: &str, questionnaire: &str) -> String {
    let n = problems.len();
    let mut out = format!("{n} problem{}:\n", if n == 1 { "" } else { "s" });
    for p in problems {
        let file = match p.place {
            Place::Config | Place::Attribute | Place::KioskConfig => config,
            _ => questionnaire,
        };
        let _ = writeln!(out, "- {file}: {p}");
    }
    out.pop();
    out
}

fn load_questionnaire(path: &str) -> Result<Questionnaire, String> {
    Questionnaire::from_json(&read(path)?).map_err(|e| format!("{path}: {e}"))
}

/// The CLI's own words in one language; the questionnaire's texts come from the questionnaire.
struct Labels {
    partial: fn(usize, &str) -> String,
    overall: &'static str,
    stage: &'static str,
    bottleneck: &'static str,
    capped_from: &'static str,
    answered: &'static str,
    critical_gaps: &'static str,
    export_path: &'static str,
    path_pending: &'static str,
    path_uncovered: &'static str,
    items: &'static str,
    not_applicable: &'static str,
    unanswered: &'static str,
    level: &'static str,
    standing: fn(Standing) -> &'static str,
    action_plan: &'static str,
    priority: &'static str,
}

const EN: Labels = Labels {
    partial: |n, ids| format!("PARTIAL RESULT — {n} question(s) still to answer: {ids}"),
    overall: "Overall",
    stage: "Stage",
    bottleneck: "← bottleneck",
    capped_from: "capped from",
    answered: "answered",
    critical_gaps: "CRITICAL GAPS",
    export_path: "Data export path:",
    path_pending: "not decided yet: answer the profile questions still open",
    path_uncovered: "the questionnaire's rules do not cover this profile",
    items: "Items:",
    not_applicable: "not applicable",
    unanswered: "unanswered",
    level: "level",
    standing: |s| match s {
        Standing::Ahead => "you are ahead of this",
        Standing::Level => "you are level with this",
        Standing::Behind => "you are behind this",
    },
    action_plan: "Action plan:",
    priority: "priority",
};

const ZH_CN: Labels = Labels {
    partial: |n, ids| format!("部分结果：还有 {n} 个问题未回答：{ids}"),
    overall: "总分",
    stage: "阶段",
    bottleneck: "← 短板",
    capped_from: "封顶，原为",
    answered: "已回答",
    critical_gaps: "严重合规缺口",
    export_path: "数据出境路径：",
    path_pending: "尚未确定：请回答基本情况中尚未回答的问题",
    path_uncovered: "问卷的规则未覆盖这种情况",
    items: "各项回答：",
    not_applicable: "不适用",
    unanswered: "未回答",
    level: "等级",
    standing: |s| match s {
        Standing::Ahead => "贵企业领先于此",
        Standing::Level => "贵企业与此持平",
        Standing::Behind => "贵企业落后于此",
    },
    action_plan: "行动计划：",
    priority: "优先级",
};

/// The CLI's words for `lang`: Chinese for any `zh` tag, English otherwise.
fn labels(lang: &LangTag) -> &'static Labels {
    if lang.as_str().starts_with("zh") {
        &ZH_CN
    } else {
        &EN
    }
}

/// The report as plain text, from its resolved view: the CLI looks nothing up itself.
fn render(v: ReportView<'_>) -> String {
    let l = labels(v.lang());
    let mut out = String::new();
    let q = v.reference();
    let _ = writeln!(out, "{} ({} {})", v.title(), q.id, q.version);
    if !v.complete() {
        let ids: Vec<&str> = v.missing().iter().map(|id| id.as_str()).collect();
        let _ = writeln!(out, "\n{}", (l.partial)(ids.len(), &ids.join(", ")));
    }
    let _ = writeln!(
        out,
        "\n{}: {}  {}: {}",
        l.overall,
        format_score(v.overall()),
        l.stage,
        v.stage().map_or("–", |s| s.label)
    );
    if let Some(s) = v.stage() {
        let _ = writeln!(out, "  {}", s.meaning);
    }
    for d in v.dimensions() {
        let mark = if d.bottleneck {
            format!("  {}", l.bottleneck)
        } else {
            String::new()
        };
        let capped = if d.capped {
            format!(" ({} {})", l.capped_from, format_score(d.uncapped))
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            // Score first: titles vary in length and script, so they cannot be padded to a column.
            "  {:>5}  {}{capped}  [{}/{} {}]{mark}",
            format_score(d.score),
            d.title,
            d.answered,
            d.applicable,
            l.answered
        );
    }
    if v.critical_gaps().next().is_some() {
        let _ = writeln!(out, "\n{}", l.critical_gaps);
        for gap in v.critical_gaps() {
            let _ = writeln!(out, "  ! {}: {}", gap.item, gap.text);
            let _ = writeln!(out, "    {}", gap.basis);
        }
    }
    let _ = writeln!(out, "\n{}", l.export_path);
    match v.export_path() {
        PathView::Decided(o) => {
            let _ = writeln!(out, "  {} — {}", o.title, o.reason);
            let _ = writeln!(out, "  {}", o.basis);
            for duty in o.duties() {
                let _ = writeln!(out, "  - {duty}");
            }
        }
        PathView::Pending => {
            let _ = writeln!(out, "  {}", l.path_pending);
        }
        PathView::Uncovered => {
            let _ = writeln!(out, "  {}", l.path_uncovered);
        }
    }
    for r in v.routes() {
        let _ = writeln!(out, "  + {}: {}", r.title, r.text);
    }
    let _ = writeln!(out, "\n{}", l.items);
    for item in v.dimensions().flat_map(|d| d.items()) {
        let answer = match (item.answer, item.level, item.applicability) {
            (_, _, Applicability::NotApplicable) => l.not_applicable.to_owned(),
            (Some(label), Some(level), _) => format!("{} {level} — {label}", l.level),
            _ => l.unanswered.to_owned(),
        };
        let _ = writeln!(out, "  {:<3} {answer}", item.id);
        // The core decides whether the benchmark fits this firm and where the answer stands.
        if let (Some(b), Some(_)) = (item.benchmark, item.answer) {
            let _ = writeln!(out, "      {} ({})", b.text, b.section);
            if let Some(standing) = b.standing {
                let _ = writeln!(out, "      → {}", (l.standing)(standing));
            }
        }
    }
    let _ = writeln!(out, "\n{}", l.action_plan);
    for (horizon, label) in v.horizons() {
        let _ = writeln!(out, "  {label}");
        for r in v.plan(horizon) {
            let cm = r.countermeasure.map_or("", |c| c.section);
            let flag = if r.critical { "!" } else { "-" };
            let _ = writeln!(
                out,
                "    {flag} [{} {cm}, {} {:.2}] {}",
                r.item, l.priority, r.priority, r.text
            );
        }
    }
    let _ = writeln!(out, "\n{}", v.disclaimer());
    out
}

/// "1 dimension", "3 dimensions".
fn count(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}
