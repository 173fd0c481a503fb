//! `assess cohort QUESTIONNAIRE FILES… | --jsonl FILE [--json|--csv] [--lang TAG] [--threads N]`:
//! the figures of many members' results, with the core's privacy rules (`docs/cohort.md`). The
//! core counts and withholds; this module reads the inputs (every core) and writes the figures.

use std::fmt::Write as _;

use assessment::cohort::{Distribution, Figures, Group, GroupKey, PathKey};
use assessment::{
    short_title, to_csv, Cohort, Lang, LangTag, Questionnaire, Refusals, Refused, Shown, Tally,
};

use crate::inputs::Reading;

pub const USAGE: &str = "\
usage:
  assess cohort QUESTIONNAIRE.json RESULT.json… [--config ASSOCIATION.json] [--json|--csv] [--lang zh-CN|en] [--threads N]
  assess cohort QUESTIONNAIRE.json --jsonl RESULTS.jsonl [--config ASSOCIATION.json] [--json|--csv] [--lang zh-CN|en] [--threads N]
Results are result records or answers files of the questionnaire; files that cannot be counted
are listed with the reason, and the rest are counted. With --config, the association's sections
and weights (only those fields of its embed config matter here) are applied: answers files are
scored, and records checked, as its members' were.";

enum Format {
    Text,
    Json,
    Csv,
}

pub fn run(args: &[String]) -> Result<String, String> {
    let mut format = Format::Text;
    let mut lang = None;
    let (qpath, reading) = Reading::parse(args, USAGE, |arg, rest| {
        match arg {
            "--json" => format = Format::Json,
            "--csv" => format = Format::Csv,
            "--lang" => {
                let tag = rest
                    .next()
                    .ok_or(format!("--lang needs a language tag\n{USAGE}"))?;
                lang = Some(crate::parse_lang(tag)?);
            }
            _ => return Ok(false),
        }
        Ok(true)
    })?;
    let q = reading.questionnaire(&qpath)?;
    let lang = crate::language(&q, lang)?;
    let cohort = count(&q, &reading)?;
    Ok(match format {
        Format::Json => serde_json::to_string_pretty(&cohort).expect("a cohort serialises") + "\n",
        Format::Csv => {
            // The figures go to standard output; what was not counted is said on the side.
            for r in cohort.refused.listed() {
                eprintln!(
                    "assess: not counted: {}: {}",
                    r.name,
                    r.reason.message(&lang)
                );
            }
            if let Some(more) = cohort.refused.more(&lang) {
                eprintln!("assess: not counted: {more}");
            }
            to_csv(&cohort)
        }
        Format::Text => render(&q, &cohort, &lang),
    })
}

/// Every input counted on `reading.threads` threads, each tallying its part of a batch; the
/// tallies, and the files not counted (the first of them listed), are merged in input order.
pub fn count(q: &Questionnaire, reading: &Reading) -> Result<Cohort, String> {
    let mut tally = Tally::new(q);
    let mut refused = Refusals::default();
    reading.run(
        q,
        || (Tally::new(q), Refusals::default()),
        |(part, refused), name, outcome| match outcome {
            Ok(record) => part.add(&record),
            Err(reason) => refused.push(Refused { name, reason }),
        },
        |(part, part_refused)| {
            tally.merge(&part);
            refused.append(part_refused);
            Ok(())
        },
    )?;
    Ok(tally.finish(refused))
}

assessment::words! {
    /// The CLI's own words in one language; names come from the questionnaire.
    struct Words {
        heading: fn(&str, &str, u64, u64) -> String =
            |id, version, counted, refused| {
                format!(
                    "问卷“{id}” {version} 版的会员汇总：已计入 {counted} 份结果，{refused} 个文件未计入"
                )
            },
            |id, version, counted, refused| {
                format!("Cohort of questionnaire \"{id}\" version {version}: {counted} result(s) counted, {refused} file(s) not counted")
            };
        rules: fn(u64, u64, u64) -> String =
            |g, x, p| {
                format!("隐私规则：不足 {g} 家的组不显示，可借以推算出它的组也一并隐去，所有隐去的组说明相同，不指明哪一组是小组；按地区、行业或规模细分需至少 {x} 家；百分位数需至少 {p} 家。")
            },
            |g, x, p| {
                format!("Privacy: a group of fewer than {g} is withheld, and so are the groups that would let it be worked out, all with the same words, which never say which one is small; a breakdown by region, sector or size needs {x}; percentiles need {p}.")
            };
        not_counted: &'static str = "未计入：", "Not counted:";
        all: &'static str = "全体会员", "ALL MEMBERS";
        by: fn(&str, &str) -> String =
            |name, question| {
                let name = match name {
                    "region" => "地区",
                    "sector" => "行业",
                    _ => "规模",
                };
                format!("按{name}（{question}）")
            },
            |name, question| format!("BY {} ({question})", name.to_uppercase());
        not_given: &'static str = "（未填写）", "(not given)";
        members: &'static str = "家", "members";
        complete: &'static str = "已完成", "complete";
        overall: &'static str = "总分", "Overall";
        no_score: &'static str = "无得分", "no score";
        quartiles: &'static str = "下四分位 · 中位数 · 上四分位", "p25 · median · p75";
        stages: &'static str = "阶段", "Stage";
        no_stage: &'static str = "无阶段", "no stage";
        gaps: &'static str = "严重合规缺口", "Critical gaps";
        bottlenecks: &'static str = "短板", "Bottleneck";
        none: &'static str = "无", "none";
        most_common: &'static str = "最常见", "most common";
        recommendations: &'static str = "最常见的首要建议", "Most frequent top recommendations";
        paths: &'static str = "数据出境路径", "Data-export path";
        pending: &'static str = "尚未确定", "not decided";
        uncovered: &'static str = "规则未覆盖", "not covered";
        fewer_than: fn(u64) -> String = |n| format!("不足 {n} 家"), |n| format!("fewer than {n}");
        withheld: fn(u64) -> String =
            |n| format!("已隐去（不足 {n} 家，或可借以推算出这样的组）"),
            |n| format!("withheld (fewer than {n} or would reveal such a group)");
    }
}

fn hidden(w: &Words, h: &assessment::Hidden) -> String {
    match h {
        assessment::Hidden::FewerThan(n) => (w.fewer_than)(*n),
        assessment::Hidden::Withheld(n) => (w.withheld)(*n),
    }
}

/// The figures as plain text: the whole set, then each grouping's groups.
fn render(q: &Questionnaire, c: &Cohort, lang: &LangTag) -> String {
    let w = Words::of(Lang::of(lang));
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        (w.heading)(
            &c.questionnaire.id,
            &c.questionnaire.version,
            c.counted,
            c.refused.total()
        )
    );
    let _ = writeln!(
        out,
        "{}",
        (w.rules)(
            c.rules.min_group,
            c.rules.min_cross_tab,
            c.rules.min_percentiles
        )
    );
    if !c.refused.is_empty() {
        let _ = writeln!(out, "\n{}", w.not_counted);
        for r in c.refused.listed() {
            let reason = r.reason.message(lang);
            let _ = writeln!(out, "- {}: {}", r.name, reason.replace('\n', "\n  "));
        }
        if let Some(more) = c.refused.more(lang) {
            let _ = writeln!(out, "{more}");
        }
    }
    let _ = writeln!(out, "\n{}", w.all);
    group(&mut out, q, w, lang, &c.all, "");
    for t in &c.groupings {
        let _ = writeln!(out, "\n{}", (w.by)(t.grouping.name(), t.question.as_str()));
        let question = q.question(&t.question);
        for g in &t.groups {
            let name = match &g.key {
                GroupKey::Code(code) => question
                    .and_then(|qq| qq.options().into_iter().find(|(id, _)| *id == code))
                    .map_or(code.to_string(), |(_, label)| label.get(lang).to_owned()),
                GroupKey::NotGiven => w.not_given.to_owned(),
                GroupKey::All => w.all.to_owned(),
            };
            let _ = write!(out, "  {name}: ");
            group(&mut out, q, w, lang, g, "    ");
        }
    }
    out
}

fn group(out: &mut String, q: &Questionnaire, w: &Words, lang: &LangTag, g: &Group, indent: &str) {
    match &g.members {
        // No member: nothing else to say.
        Shown::Shown(0) => {
            let _ = writeln!(out, "0 {}", w.members);
            return;
        }
        Shown::Shown(n) => {
            let _ = writeln!(out, "{n} {}", w.members);
        }
        Shown::Hidden(h) => {
            let _ = writeln!(out, "{}", hidden(w, h));
            return;
        }
    }
    match &g.figures {
        Shown::Shown(f) => figures(out, q, w, lang, f, indent),
        Shown::Hidden(h) => {
            let _ = writeln!(out, "{indent}({})", hidden(w, h));
        }
    }
}

fn figures(
    out: &mut String,
    q: &Questionnaire,
    w: &Words,
    lang: &LangTag,
    f: &Figures,
    indent: &str,
) {
    let n = f.n;
    let _ = writeln!(out, "{indent}{}: {} / {n}", w.complete, f.complete);
    let dim_title = |id: &assessment::DimensionId| {
        q.dimension(id).map_or(id.to_string(), |d| {
            short_title(d.title.get(lang)).to_owned()
        })
    };
    distribution(out, w, w.overall, &f.overall, indent);
    for d in &f.dimensions {
        distribution(out, w, &dim_title(&d.id), &d.distribution, indent);
    }
    let stages: Vec<String> = f
        .stages
        .counts
        .iter()
        .map(|s| {
            let label = s.key.as_ref().map_or(w.no_stage.to_owned(), |id| {
                q.stage(id)
                    .map_or(id.to_string(), |st| st.label.get(lang).to_owned())
            });
            format!("{label} {}", s.count)
        })
        .collect();
    let _ = writeln!(
        out,
        "{indent}{} (n={}): {}",
        w.stages,
        f.stages.n,
        stages.join(" · ")
    );
    let gaps: Vec<String> = f
        .critical_gaps
        .gaps
        .iter()
        .map(|g| {
            format!(
                "{} [{}] {} ({}%)",
                g.item,
                dim_title(&g.dimension),
                g.count,
                g.percent
            )
        })
        .collect();
    if !gaps.is_empty() {
        let _ = writeln!(
            out,
            "{indent}{} (n={}): {}",
            w.gaps,
            f.critical_gaps.n,
            gaps.join(" · ")
        );
    }
    let bottlenecks: Vec<String> = f
        .bottlenecks
        .counts
        .iter()
        .map(|b| {
            let name = b.key.as_ref().map_or(w.none.to_owned(), &dim_title);
            format!("{name} {}", b.count)
        })
        .collect();
    let common: Vec<String> = f.most_common_bottleneck.iter().map(dim_title).collect();
    let common = if common.is_empty() {
        w.none.to_owned()
    } else {
        common.join(", ")
    };
    let _ = writeln!(
        out,
        "{indent}{} (n={}): {} — {}: {common}",
        w.bottlenecks,
        f.bottlenecks.n,
        bottlenecks.join(" · "),
        w.most_common
    );
    let _ = writeln!(
        out,
        "{indent}{} (n={}):",
        w.recommendations, f.top_recommendations.n
    );
    for r in &f.top_recommendations.counts {
        let cm = q
            .countermeasure(&r.key.countermeasure)
            .map_or(r.key.countermeasure.to_string(), |c| {
                format!("{} {}", c.section, c.title.get(lang))
            });
        let _ = writeln!(out, "{indent}  {:>6}  {} — {cm}", r.count, r.key.item);
    }
    let paths: Vec<String> = f
        .export_paths
        .counts
        .iter()
        .map(|p| {
            let name = match &p.key {
                PathKey::Outcome(id) => q
                    .outcome(id)
                    .map_or(id.to_string(), |o| o.title.get(lang).to_owned()),
                PathKey::Pending => w.pending.to_owned(),
                PathKey::Uncovered => w.uncovered.to_owned(),
            };
            format!("{name} {}", p.count)
        })
        .collect();
    let _ = writeln!(
        out,
        "{indent}{} (n={}): {}",
        w.paths,
        f.export_paths.n,
        paths.join(" · ")
    );
}

/// One score's distribution on two lines: n, quartiles; then the ten bins.
fn distribution(out: &mut String, w: &Words, title: &str, d: &Distribution, indent: &str) {
    let quartiles = match &d.quartiles {
        Shown::Shown(q) => format!("{} {} · {} · {}", w.quartiles, q.p25, q.median, q.p75),
        Shown::Hidden(h) => format!("{}: {}", w.quartiles, hidden(w, h)),
    };
    let _ = writeln!(
        out,
        "{indent}{title} (n={}; {} {}): {quartiles}",
        d.n, w.no_score, d.unscored
    );
    let bins: Vec<String> = d
        .bins
        .iter()
        .enumerate()
        .map(|(i, c)| format!("{}–{}: {c}", i * 10, i * 10 + 10))
        .collect();
    let _ = writeln!(out, "{indent}  {}", bins.join("  "));
}
