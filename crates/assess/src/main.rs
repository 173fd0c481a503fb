//! `assess`: the assessment core on the command line.
//!
//! `assess validate QUESTIONNAIRE` lists every problem of a questionnaire file;
//! `assess validate --config CONFIG [QUESTIONNAIRE]` lists every problem of an association's config,
//! by field, and of the questionnaire it customises (the shipped one if none is given); with
//! `--json`, each problem's file, place, field and kind for a program, and its words in `--lang`;
//! `assess score QUESTIONNAIRE ANSWERS [--json] [--lang TAG]` prints the report;
//! `assess compare QUESTIONNAIRE EARLIER LATER [--json] [--lang TAG]` prints the progress between
//! two assessments (an earlier version's answers carried over, what was not listed);
//! `assess obligations QUESTIONNAIRE ANSWERS [--json] [--lang TAG]` prints what each market asks
//! of the firm's goods, by when (`obligations.rs`);
//! `assess schema [answers|obligations|result|config]` prints the JSON Schema of the questionnaire
//! format (or of answers, a catalogue, a result record, an association's config);
//! `assess check-citations QUESTIONNAIRE PAPER` checks every benchmark's quotes against the paper;
//! `assess cohort` prints a cohort's figures under the core's privacy rules (`cohort.rs`) and
//! `assess flatten` writes one row per result to CSV or Parquet (`flatten.rs`);
//! `assess generate` writes random, realistic answers files, the same for the same seed
//! (`generate.rs`).
//! It holds no rule of its own: everything comes from the `assessment` crate, as in the web app.

mod cohort;
mod flatten;
mod generate;
mod inputs;
mod obligations;

use std::fmt::Write as _;
use std::process::ExitCode;

use assessment::association::questionnaire_with;
use assessment::citations::{self, Verdict};
use assessment::limits::{list_capped, Document};
use assessment::{
    compare, format_change, format_score, score, AnswerSheet, Applicability, AssociationConfig,
    Comparison, ComparisonView, Customisation, ItemRow, Lang, LangTag, LevelRow, PathView, Place,
    Problem, Questionnaire, ReportView, Standing, Which, BUILTIN_QUESTIONNAIRE,
};

const USAGE: &str = "\
usage:
  assess validate QUESTIONNAIRE.json [--json [--lang zh-CN|en]]
  assess validate --config ASSOCIATION.json [QUESTIONNAIRE.json] [--json [--lang zh-CN|en]]
  assess score QUESTIONNAIRE.json ANSWERS.json [--json] [--lang zh-CN|en]
  assess compare QUESTIONNAIRE.json EARLIER.json LATER.json [--json] [--lang zh-CN|en]
  assess link QUESTIONNAIRE.json ANSWERS.json APP_URL
  assess split QUESTIONNAIRE.json OUT_DIR
  assess obligations QUESTIONNAIRE.json ANSWERS.json [--json] [--lang zh-CN|en] (more: --help)
  assess schema [questionnaire|answers|obligations|result|config]
  assess check-citations QUESTIONNAIRE.json PAPER.txt
  assess cohort QUESTIONNAIRE.json RESULT.json… | --jsonl RESULTS.jsonl [--config ASSOCIATION.json] [--json|--csv]
  assess flatten QUESTIONNAIRE.json RESULT.json… | --jsonl RESULTS.jsonl [--config ASSOCIATION.json] --out results.csv|.parquet
  assess generate QUESTIONNAIRE.json --count N --seed S --out DIR | --jsonl FILE";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(out) => {
            print!("{out}");
            ExitCode::SUCCESS
        }
        Err(Failure::Said(message)) => {
            eprintln!("assess: {message}");
            ExitCode::FAILURE
        }
        Err(Failure::Listed(json)) => {
            print!("{json}");
            ExitCode::FAILURE
        }
    }
}

/// How a run fails: with a message for a person (on stderr), or with the problems found as JSON
/// for a program (`validate --json`, on stdout, where a program reads it).
pub(crate) enum Failure {
    Said(String),
    Listed(String),
}

impl From<String> for Failure {
    fn from(message: String) -> Self {
        Failure::Said(message)
    }
}

fn run(args: &[String]) -> Result<String, Failure> {
    // Subcommands with options of their own parse their arguments in their own module.
    match args.first().map(String::as_str) {
        Some("obligations") => return obligations::run(&args[1..]),
        Some("cohort") => return Ok(cohort::run(&args[1..])?),
        Some("flatten") => return Ok(flatten::run(&args[1..])?),
        Some("generate") => return Ok(generate::run(&args[1..])?),
        _ => {}
    }
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
                lang = Some(parse_lang(tag)?);
            }
            a if a.starts_with("--lang=") => lang = Some(parse_lang(&a["--lang=".len()..])?),
            "--help" | "-h" => return Ok(format!("{USAGE}\n")),
            a if a.starts_with('-') => return Err(format!("unknown option {a}\n{USAGE}").into()),
            _ => positional.push(arg),
        }
    }
    if let Some(config) = config {
        let checked = match positional.as_slice() {
            [cmd] if cmd.as_str() == "validate" => check_config(config, None)?,
            [cmd, path] if cmd.as_str() == "validate" => check_config(config, Some(path))?,
            _ => return Err(format!("--config goes with validate only\n{USAGE}").into()),
        };
        return checked.reported(json.then(|| lang.unwrap_or(Lang::En).lang_tag()));
    }
    match positional.as_slice() {
        [cmd, path] if cmd.as_str() == "validate" && json => {
            let text = read(path, Document::Questionnaire)?;
            let problems = Questionnaire::load(&text, &Customisation::default())
                .err()
                .map_or_else(Vec::new, |problems| problems.0);
            Checked::of(problems, path, path).reported(Some(lang.unwrap_or(Lang::En).lang_tag()))
        }
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
            let text = read(apath, Document::Result)?;
            let sheet = AnswerSheet::from_json(&text, &q).map_err(|e| format!("{apath}: {e}"))?;
            let report = score(&q, &sheet);
            if json {
                Ok(serde_json::to_string_pretty(&report).expect("report serialises") + "\n")
            } else {
                let lang = language(&q, lang)?;
                // The duties in force for the firm's goods join its first steps, as in the app,
                // when the shipped catalogue reads with this questionnaire.
                let page = match sheet.date {
                    Some(date) => Some(date),
                    None => obligations::today().ok(),
                }
                .and_then(|date| obligations::page_for(&q, &sheet, date, &lang));
                Ok(render(
                    ReportView::new(&q, &report, &lang),
                    &assessment::plan_with(&q, &report, page.as_ref(), &lang),
                ))
            }
        }
        [cmd, qpath, earlier, later] if cmd.as_str() == "compare" => {
            let q = load_questionnaire(qpath)?;
            // Not checked here: `compare` carries each over to the questionnaire as saved answers
            // are, and refuses what cannot be.
            let parse = |path: &str| {
                AnswerSheet::parse(&read(path, Document::Result)?)
                    .map_err(|e| format!("{path}: {e}"))
            };
            let c = compare(&q, &parse(earlier)?, &parse(later)?).map_err(|e| {
                let path = match e.which {
                    Which::Earlier => earlier,
                    Which::Later => later,
                };
                format!("{path}: {}", e.error)
            })?;
            if json {
                Ok(serde_json::to_string_pretty(&c).expect("comparison serialises") + "\n")
            } else {
                let lang = language(&q, lang)?;
                Ok(render_comparison(&q, &c, &lang, [earlier, later]))
            }
        }
        [cmd, qpath, apath, base] if cmd.as_str() == "link" => {
            let q = load_questionnaire(qpath)?;
            let sheet = AnswerSheet::from_json(&read(apath, Document::Result)?, &q)
                .map_err(|e| format!("{apath}: {e}"))?;
            let base = assessment::link_base("", Some(base), false).map_err(|_| {
                format!(
                    "{base} is not an address a phone can open: give the app's public http(s) \
                     address, without #, of at most {} characters",
                    assessment::MAX_LINK_BASE
                )
            })?;
            // The answers' own date, else today (UTC): the day the code says they were given.
            let date = sheet.date.unwrap_or_else(|| {
                let days = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_secs() / 86_400);
                assessment::Date::from_days_since_1970(days as i64).expect("a day of this era")
            });
            let code = assessment::handoff::encode(&q, &sheet, date)
                .map_err(|e| format!("{apath}: {e}"))?;
            Ok(format!("{}\n", base.link(&code)))
        }
        [cmd, qpath, out] if cmd.as_str() == "split" => {
            // The files the web app loads: the questionnaire in each of its languages, for the
            // first load, and whole (both languages), for a switch of language; without indentation.
            let q = load_questionnaire(qpath)?;
            let id = &q.doc().id;
            let write = |name: String, text: String| {
                let path = std::path::Path::new(out).join(name);
                std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
                Ok::<_, String>(path.display().to_string())
            };
            let mut written = vec![write(format!("{id}.json"), q.to_json())?];
            for lang in &q.doc().languages {
                let one = q.in_language(lang).map_err(|e| format!("{qpath}: {e}"))?;
                written.push(write(format!("{id}.{lang}.json"), one.to_json())?);
            }
            Ok(written.iter().map(|w| format!("{w}\n")).collect())
        }
        [cmd, qpath, paper] if cmd.as_str() == "check-citations" => {
            let q = load_questionnaire(qpath)?;
            let checked = citations::check(q.doc(), &read(paper, Document::Paper)?);
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
                Err(out.into())
            }
        }
        [cmd] if cmd.as_str() == "schema" => Ok(pretty(assessment::questionnaire_schema())),
        [cmd, which] if cmd.as_str() == "schema" => match which.as_str() {
            "questionnaire" => Ok(pretty(assessment::questionnaire_schema())),
            "answers" => Ok(pretty(assessment::answers_schema())),
            "obligations" => Ok(pretty(assessment::obligations_schema())),
            "result" => Ok(pretty(assessment::result_schema())),
            "config" => Ok(pretty(assessment::config_schema())),
            other => Err(format!("no schema named \"{other}\"\n{USAGE}").into()),
        },
        _ => Err(USAGE.to_owned().into()),
    }
}

fn pretty(value: serde_json::Value) -> String {
    serde_json::to_string_pretty(&value).expect("schema serialises") + "\n"
}

/// The text of `path`, a file of kind `what`: refused by name over its limit, read no further.
fn read(path: &str, what: Document) -> Result<String, String> {
    use std::io::Read as _;
    let file = std::fs::File::open(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let mut text = String::new();
    // One byte more than the limit tells a file at the limit from a larger one.
    file.take(what.max_bytes() + 1)
        .read_to_string(&mut text)
        .map_err(|e| format!("cannot read {path}: {e}"))?;
    if text.len() as u64 > what.max_bytes() {
        return Err(format!("{path}: {}", what.too_large(&"en".into())));
    }
    Ok(text)
}

/// What a check found: valid (with a line saying what was checked), or the problems, each with the
/// file it is in.
pub(crate) enum Checked {
    Valid(String),
    Invalid(Vec<(String, Problem)>),
}

impl Checked {
    /// `problems` found (there may be none, for `--json`), each with its file (`located`).
    pub(crate) fn of(problems: Vec<Problem>, config: &str, questionnaire: &str) -> Self {
        Checked::Invalid(Self::located(problems, config, questionnaire))
    }

    /// Each problem with the file it is in: the config's own (its fields, the embed attributes, a
    /// kiosk's) in `config`, the rest in `questionnaire`.
    fn located(
        problems: Vec<Problem>,
        config: &str,
        questionnaire: &str,
    ) -> Vec<(String, Problem)> {
        problems
            .into_iter()
            .map(|p| {
                let file = match p.place {
                    Place::Config | Place::Attribute | Place::KioskConfig => config,
                    _ => questionnaire,
                };
                (file.to_owned(), p)
            })
            .collect()
    }

    /// For a person, the valid line or the list of problems; as JSON when `json` gives the
    /// language of the problems' words: `{"valid", "problems": [{"file", "place", "id", "field",
    /// "kind", "detail", "message"}]}` (the place's `id` and the kind's `detail` where they have one).
    pub(crate) fn reported(self, json: Option<LangTag>) -> Result<String, Failure> {
        let problems = match self {
            Checked::Valid(line) if json.is_none() => return Ok(line),
            Checked::Valid(_) => Vec::new(),
            Checked::Invalid(problems) => problems,
        };
        let Some(lang) = json else {
            return Err(Failure::Said(listed(&problems)));
        };
        let list: Vec<serde_json::Value> = problems
            .iter()
            .map(|(file, p)| {
                let mut value = serde_json::to_value(p).expect("a problem serialises");
                value["file"] = file.as_str().into();
                value["message"] = p.message(&lang).into();
                value
            })
            .collect();
        let out = pretty(serde_json::json!({ "valid": list.is_empty(), "problems": list }));
        if list.is_empty() {
            Ok(out)
        } else {
            Err(Failure::Listed(out))
        }
    }
}

/// An association's config, checked as the web app checks it: its own fields, then its sections
/// and weights applied to the questionnaire it customises, which is validated too. Every problem
/// names its file and field.
fn check_config(path: &str, questionnaire: Option<&String>) -> Result<Checked, String> {
    let text = read(path, Document::Config)?;
    let config = match AssociationConfig::from_file(&text) {
        Ok(config) => config,
        Err(problems) => return Ok(Checked::of(problems, path, "")),
    };
    let (qsource, qtext) = match (questionnaire, &config.questionnaire) {
        (Some(q), _) => (q.as_str(), read(q, Document::Questionnaire)?),
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
    Ok(match questionnaire_with(&text, &qtext) {
        Ok(q) => Checked::Valid(format!(
            "{path}: valid — for questionnaire \"{}\" version {} ({qsource}), {} asked\n",
            q.doc().id,
            q.doc().version,
            count(q.doc().dimensions.len(), "dimension"),
        )),
        Err(problems) => Checked::of(problems, path, qsource),
    })
}

/// The questionnaire at `path` as an association's members answered it, when its config is
/// given (`--config` of `assess cohort` and `flatten`): the config checked as `assess validate
/// --config` checks it, its sections and weights applied.
pub(crate) fn load_with_config(path: &str, config: Option<&str>) -> Result<Questionnaire, String> {
    let Some(config) = config else {
        return load_questionnaire(path);
    };
    questionnaire_with(
        &read(config, Document::Config)?,
        &read(path, Document::Questionnaire)?,
    )
    .map_err(|problems| {
        format!(
            "the association's config cannot be used: {}",
            listed(&Checked::located(problems, config, path))
        )
    })
}

/// Problems one a line, each after the file it is in.
fn listed(problems: &[(String, Problem)]) -> String {
    let n = problems.len();
    let mut out = format!("{n} problem{}:", if n == 1 { "" } else { "s" });
    list_capped(&mut out, problems, &LangTag::from("en"), |(file, p)| {
        format!("{file}: {p}")
    });
    out
}

/// A `--lang` value: a language the CLI speaks, or why not.
pub(crate) fn parse_lang(tag: &str) -> Result<Lang, String> {
    tag.parse::<Lang>().map_err(|e| format!("--lang: {e}"))
}

/// The language to print in (English unless asked), as the questionnaire's texts are keyed: the
/// questionnaire must have it.
pub(crate) fn language(q: &Questionnaire, lang: Option<Lang>) -> Result<LangTag, String> {
    let lang = lang.unwrap_or(Lang::En).lang_tag();
    if q.doc().languages.contains(&lang) {
        Ok(lang)
    } else {
        Err(format!(
            "the questionnaire has no language \"{lang}\"; it has {}",
            q.doc()
                .languages
                .iter()
                .map(|l| l.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ))
    }
}

pub(crate) fn load_questionnaire(path: &str) -> Result<Questionnaire, String> {
    Questionnaire::from_json(&read(path, Document::Questionnaire)?)
        .map_err(|e| format!("{path}: {e}"))
}

assessment::words! {
    /// The CLI's own words in one language; the questionnaire's texts come from the questionnaire.
    struct Labels {
        partial: fn(usize, &str) -> String =
            |n, ids| format!("部分结果：还有 {n} 个问题未回答：{ids}"),
            |n, ids| format!("PARTIAL RESULT — {n} question(s) still to answer: {ids}");
        overall: &'static str = "总分", "Overall";
        stage: &'static str = "阶段", "Stage";
        bottleneck: &'static str = "← 短板", "← bottleneck";
        capped_from: &'static str = "封顶，原为", "capped from";
        answered: &'static str = "已回答", "answered";
        critical_gaps: &'static str = "严重合规缺口", "CRITICAL GAPS";
        export_path: &'static str = "数据出境路径：", "Data export path:";
        path_pending: &'static str =
            "尚未确定：请回答基本情况中尚未回答的问题",
            "not decided yet: answer the profile questions still open";
        path_uncovered: &'static str =
            "问卷的规则未覆盖这种情况",
            "the questionnaire's rules do not cover this profile";
        items: &'static str = "各项回答：", "Items:";
        not_applicable: &'static str = "不适用", "not applicable";
        unanswered: &'static str = "未回答", "unanswered";
        level: &'static str = "等级", "level";
        standing: fn(Standing) -> &'static str =
            |s| match s {
                Standing::Ahead => "贵企业领先于此",
                Standing::Level => "贵企业与此持平",
                Standing::Behind => "贵企业落后于此",
            },
            |s| match s {
                Standing::Ahead => "you are ahead of this",
                Standing::Level => "you are level with this",
                Standing::Behind => "you are behind this",
            };
        action_plan: &'static str = "行动计划：", "Action plan:";
        first_steps: &'static str = "首要步骤（未来三个月）：", "Your first steps (next three months):";
        /// Before a first step's reason for coming first.
        why_first: &'static str = "为什么先做", "Why first";
        who: &'static str = "由谁做", "Who";
        effort: &'static str = "工作量和费用", "Effort and cost";
        help: &'static str = "可求助", "Help";
        /// Before a step's question, source section and priority.
        sources: &'static str = "出处", "Sources";
        priority: &'static str = "优先级", "priority";
        /// A label and its text: ": ", "：".
        colon: &'static str = "：", ": ";
        /// Between items of a list: ", ", "、".
        list: &'static str = "；", "; ";
        /// A remark after a text: " (…)", "（…）".
        aside: fn(&str) -> String = |text| format!("（{text}）"), |text| format!(" ({text})");
        progress: &'static str = "进展", "Progress";
        earlier: &'static str = "上次", "earlier";
        later: &'static str = "本次", "later";
        change: &'static str = "变化", "change";
        carried: fn(&str, &str) -> String =
            |file, version| format!("{file}：按问卷 {version} 版作答，已转入当前版本"),
            |file, version| {
                format!("{file}: answers to version {version}, carried over to this version")
            };
        /// An answer not carried over, worded by the core (`AnswerProblem::message`).
        dropped: fn(&str) -> String =
            |p| format!("未转入：{p}"),
            |p| format!("not carried over: {p}");
        partial_side: fn(&str, usize) -> String =
            |file, n| format!("{file} 为部分结果：还有 {n} 个问题未回答"),
            |file, n| format!("{file} is a partial result: {n} question(s) still to answer");
        improved: &'static str = "有所提升：", "Improved:";
        fell_back: &'static str = "有所退步：", "Fell back:";
        gaps_closed: &'static str = "已消除的严重合规缺口：", "Critical gaps closed:";
        gaps_new: &'static str = "新出现的严重合规缺口：", "New critical gaps:";
        done: &'static str = "上次行动计划中已完成的：", "Done from the earlier action plan:";
        stopped_applying: &'static str = "已不再适用于贵企业：", "No longer applies to the firm:";
        started_applying: &'static str = "现已适用于贵企业：", "Now applies to the firm:";
        nothing: &'static str = "无", "none";
    }
}

/// The report as plain text, from its resolved view: the CLI looks nothing up itself.
fn render(v: ReportView<'_>, plan: &assessment::Plan) -> String {
    let l = Labels::of(Lang::of(v.lang()));
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
        let _ = writeln!(out, "  {:<3} {answer}", item.id.as_str());
        // The core decides whether the benchmark fits this firm and where the answer stands.
        if let (Some(b), Some(_)) = (item.benchmark, item.answer) {
            let _ = writeln!(out, "      {} ({})", b.text, b.section);
            if let Some(standing) = b.standing {
                let _ = writeln!(out, "      → {}", (l.standing)(standing));
            }
        }
    }
    // The same plan as the app's: first steps, each with why it comes first, who does it, what
    // it takes and where to get help; then everything else once, by horizon. A step's text is
    // the questionnaire's plain words; its sources (question, the paper's section, a duty's law)
    // follow it in brackets.
    let sources = |s: &assessment::Step| {
        let mut all = s.sources.clone();
        if let Some(r) = s.recommendation() {
            all.push(format!("{} {:.2}", l.priority, r.priority));
        }
        all.join(l.list)
    };
    if !plan.first_steps.is_empty() {
        let _ = writeln!(out, "\n{}", l.first_steps);
        for (n, s) in plan.first_steps.iter().enumerate() {
            let flag = if s.critical() { "!" } else { " " };
            let _ = writeln!(out, "  {flag}{}. {}", n + 1, s.text);
            if let Some(detail) = &s.detail {
                let _ = writeln!(out, "      {detail}");
            }
            let _ = writeln!(out, "      {}{}{}", l.why_first, l.colon, s.why_words);
            for (label, value) in [(l.who, &s.who), (l.effort, &s.effort)] {
                if let Some(value) = value {
                    let _ = writeln!(out, "      {label}{}{value}", l.colon);
                }
            }
            for (name, offers) in &s.help {
                let _ = writeln!(
                    out,
                    "      {}{}{name}{}",
                    l.help,
                    l.colon,
                    (l.aside)(offers)
                );
            }
            let _ = writeln!(out, "      {}{}{}", l.sources, l.colon, sources(s));
        }
    }
    let _ = writeln!(out, "\n{}", l.action_plan);
    for (horizon, label) in v.horizons() {
        // A horizon with nothing left after the first steps gets no heading.
        for (_, steps) in plan.by_horizon.iter().filter(|(h, _)| *h == horizon) {
            let _ = writeln!(out, "  {label}");
            for s in steps {
                let flag = if s.critical() { "!" } else { "-" };
                let _ = writeln!(out, "    {flag} {}{}", s.text, (l.aside)(&sources(s)));
            }
        }
    }
    let _ = writeln!(out, "\n{}", v.disclaimer());
    out
}

/// `label` right-aligned in the 7 columns of a score, a CJK character taking two.
fn right(label: &str) -> String {
    let width: usize = label
        .chars()
        .map(|c| if c >= '\u{2E80}' { 2 } else { 1 })
        .sum();
    format!("{}{label}", " ".repeat(7usize.saturating_sub(width)))
}

/// The comparison as plain text: names from the two reports' resolved views, figures from the
/// comparison. `files` names the two assessments.
fn render_comparison(
    q: &Questionnaire,
    c: &Comparison,
    lang: &LangTag,
    files: [&str; 2],
) -> String {
    let l = Labels::of(Lang::of(lang));
    let view = ComparisonView::new(q, c, lang);
    let (before, after) = (view.earlier(), view.later());
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} ({} {})",
        after.title(),
        c.questionnaire.id,
        c.questionnaire.version
    );
    let _ = writeln!(
        out,
        "{}: {} ({}) → {} ({})",
        l.progress, files[0], l.earlier, files[1], l.later
    );
    for (file, side, view) in [
        (files[0], &c.earlier, &before),
        (files[1], &c.later, &after),
    ] {
        if let Some(carried) = &side.carried {
            let _ = writeln!(out, "\n{}", (l.carried)(file, &carried.from.version));
            for p in &carried.dropped {
                let _ = writeln!(out, "  - {}", (l.dropped)(&p.message(lang)));
            }
        }
        if !view.complete() {
            let _ = writeln!(out, "\n{}", (l.partial_side)(file, view.missing().len()));
        }
    }
    let _ = writeln!(
        out,
        "\n{} {} {}",
        right(l.earlier),
        right(l.later),
        right(l.change)
    );
    let row = |out: &mut String, s: &assessment::ScoreChange, name: &str| {
        let _ = writeln!(
            out,
            "{:>7} {:>7} {:>7}  {name}",
            format_score(s.before),
            format_score(s.after),
            format_change(s.change)
        );
    };
    row(&mut out, view.overall(), l.overall);
    for d in view.dimensions() {
        row(&mut out, d.score, d.title);
    }
    let (stage_before, stage_after) = view.stages();
    let _ = writeln!(
        out,
        "\n{}: {} → {}",
        l.stage,
        stage_before.map_or("–", |s| s.label),
        stage_after.map_or("–", |s| s.label)
    );

    let levels = |out: &mut String, title: &str, list: Vec<LevelRow<'_>>| {
        let _ = writeln!(out, "\n{title}");
        if list.is_empty() {
            let _ = writeln!(out, "  {}", l.nothing);
        }
        for change in list {
            let _ = writeln!(
                out,
                "  {:<3} {} {} → {}  {}",
                change.item.as_str(),
                l.level,
                change.before,
                change.after,
                change.text
            );
        }
    };
    levels(&mut out, l.improved, view.improved());
    levels(&mut out, l.fell_back, view.fell_back());

    let gaps = |out: &mut String, title: &str, list: Vec<ItemRow<'_>>| {
        let _ = writeln!(out, "\n{title}");
        if list.is_empty() {
            let _ = writeln!(out, "  {}", l.nothing);
        }
        for gap in list {
            let _ = writeln!(out, "  ! {}: {}", gap.item, gap.text);
        }
    };
    gaps(&mut out, l.gaps_closed, view.gaps_closed());
    gaps(&mut out, l.gaps_new, view.gaps_new());

    let _ = writeln!(out, "\n{}", l.done);
    let done = view.done();
    if done.is_empty() {
        let _ = writeln!(out, "  {}", l.nothing);
    }
    for r in done {
        let _ = writeln!(out, "  ✓ [{}] {}", r.item, r.text);
    }
    for (title, list) in [
        (l.stopped_applying, view.stopped_applying()),
        (l.started_applying, view.started_applying()),
    ] {
        if !list.is_empty() {
            let _ = writeln!(out, "\n{title}");
            for i in list {
                let _ = writeln!(out, "  {:<3} {}", i.item.as_str(), i.text);
            }
        }
    }
    let _ = writeln!(out, "\n{}", after.disclaimer());
    out
}

/// "1 dimension", "3 dimensions".
fn count(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}
