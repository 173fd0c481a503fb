//! `assess generate`: realistic, random answers files for a questionnaire, the same for the same
//! seed, for testing and measuring the cohort tools (docs/cohort.md) without any member's data.
//!
//! Each firm has a latent maturity (higher on average for larger firms and in the east) that its
//! item levels scatter around; it answers the questions that apply to it in the questionnaire's
//! order, about 8% stop part way (partial results) and about 3% leave the region unanswered.
//! Whether a question applies is the core's to say (`score`'s `not_applicable` and `pending`), so
//! the generator reads every condition the questionnaire can hold, as the app does.

use std::io::Write as _;
use std::path::Path;

use assessment::{score, AnswerSheet, Asked, OptionId, Questionnaire, Report};

const USAGE: &str = "\
usage:
  assess generate QUESTIONNAIRE.json --count N --seed S --out DIR       answers-00001.json …
  assess generate QUESTIONNAIRE.json --count N --seed S --jsonl FILE    one answers document a line";

/// Where the documents go.
enum Sink {
    /// One pretty-printed file each, numbered from 1.
    Dir(String),
    /// One compact document a line.
    Jsonl(String),
}

pub fn run(args: &[String]) -> Result<String, String> {
    let mut qpath = None;
    let mut count = None;
    let mut seed = None;
    let mut sink = None;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut value = |what: &str| {
            args.next()
                .map(String::as_str)
                .ok_or(format!("{arg} needs {what}\n{USAGE}"))
        };
        match arg.as_str() {
            "--count" => count = Some(whole::<usize>(value("a count")?, "--count")?),
            "--seed" => seed = Some(whole::<u32>(value("a seed")?, "--seed")?),
            "--out" => sink = Some(Sink::Dir(value("a folder")?.to_owned())),
            "--jsonl" => sink = Some(Sink::Jsonl(value("a file")?.to_owned())),
            "--help" | "-h" => return Ok(format!("{USAGE}\n")),
            a if a.starts_with('-') => return Err(format!("unknown option {a}\n{USAGE}")),
            a if qpath.is_none() => qpath = Some(a.to_owned()),
            a => return Err(format!("unexpected argument {a}\n{USAGE}")),
        }
    }
    let (Some(qpath), Some(count), Some(seed), Some(sink)) = (qpath, count, seed, sink) else {
        return Err(format!(
            "give a questionnaire, --count, --seed and --out DIR or --jsonl FILE\n{USAGE}"
        ));
    };
    let q = crate::load_questionnaire(&qpath)?;
    let mut firms = Firms::new(&q, seed);
    match sink {
        Sink::Dir(dir) => {
            std::fs::create_dir_all(&dir).map_err(|e| format!("cannot make {dir}: {e}"))?;
            let width = count.to_string().len().max(5);
            for i in 1..=count {
                let path = Path::new(&dir).join(format!("answers-{i:0width$}.json"));
                std::fs::write(&path, firms.next_sheet().to_json() + "\n")
                    .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            }
        }
        Sink::Jsonl(file) => {
            let cannot = |e: std::io::Error| format!("cannot write {file}: {e}");
            let mut out = std::io::BufWriter::new(std::fs::File::create(&file).map_err(cannot)?);
            for _ in 0..count {
                let line = serde_json::to_string(&firms.next_sheet()).expect("answers serialise");
                writeln!(out, "{line}").map_err(cannot)?;
            }
            out.flush().map_err(cannot)?;
        }
    }
    Ok(String::new())
}

fn whole<T: std::str::FromStr>(text: &str, option: &str) -> Result<T, String> {
    text.parse()
        .map_err(|_| format!("{option} takes a whole number, not {text}\n{USAGE}"))
}

/// mulberry32: small, fast and the same on every platform, so a seed names the same files
/// everywhere.
struct Random(u32);

impl Random {
    /// A number in [0, 1).
    fn next(&mut self) -> f64 {
        self.0 = self.0.wrapping_add(0x6d2b_79f5);
        let mut t = self.0;
        t = (t ^ (t >> 15)).wrapping_mul(t | 1);
        t ^= t.wrapping_add((t ^ (t >> 7)).wrapping_mul(t | 61));
        f64::from(t ^ (t >> 14)) / 4_294_967_296.0
    }

    /// An index of `weights` with a chance in proportion to its weight.
    fn pick(&mut self, weights: &[f64]) -> usize {
        let mut r = self.next() * weights.iter().sum::<f64>();
        for (i, w) in weights.iter().enumerate() {
            r -= w;
            if r < 0.0 {
                return i;
            }
        }
        weights.len() - 1
    }

    /// An index below `n`, each as likely.
    fn below(&mut self, n: usize) -> usize {
        (self.next() * n as f64).floor() as usize
    }
}

/// How firms spread over the shipped questionnaire's profile options (a plausible membership, not
/// a statistic); an option not listed weighs 1.
const WEIGHTS: &[(&str, &[(&str, f64)])] = &[
    (
        "P.region",
        &[
            ("east", 10.0),
            ("central", 5.0),
            ("west", 4.0),
            ("northeast", 1.5),
        ],
    ),
    (
        "P.sector",
        &[
            ("textiles", 4.0),
            ("machinery", 3.0),
            ("electronics", 3.0),
            ("other_manufacturing", 3.0),
            ("trading", 3.0),
            ("agrifood", 2.0),
        ],
    ),
    (
        "P.employees",
        &[
            ("lt20", 5.0),
            ("e20_99", 6.0),
            ("e100_299", 3.0),
            ("e300_999", 1.2),
            ("e1000_plus", 0.4),
        ],
    ),
    (
        "P.offer",
        &[("goods", 6.0), ("both", 2.0), ("services", 1.5)],
    ),
    (
        "P.data.sends_pi",
        &[("yes", 4.0), ("no", 4.0), ("unsure", 2.0)],
    ),
    ("P.data.important_abroad", &[("no", 9.0), ("yes", 1.0)]),
    ("P.data.ciio", &[("no", 19.0), ("yes", 1.0)]),
];

/// How a profile answer moves a firm's maturity.
const MATURITY: &[(&str, &[(&str, f64)])] = &[
    (
        "P.employees",
        &[
            ("lt20", -0.12),
            ("e20_99", -0.04),
            ("e100_299", 0.05),
            ("e300_999", 0.12),
            ("e1000_plus", 0.18),
        ],
    ),
    (
        "P.region",
        &[
            ("east", 0.06),
            ("central", -0.02),
            ("west", -0.06),
            ("northeast", -0.04),
        ],
    ),
];

fn lookup(table: &[(&str, &[(&str, f64)])], question: &str, option: &str) -> Option<f64> {
    let (_, options) = table.iter().find(|(q, _)| *q == question)?;
    options.iter().find(|(o, _)| *o == option).map(|(_, v)| *v)
}

/// One firm after another, from one seed.
struct Firms<'q> {
    q: &'q Questionnaire,
    random: Random,
}

impl<'q> Firms<'q> {
    fn new(q: &'q Questionnaire, seed: u32) -> Self {
        Self {
            q,
            random: Random(seed),
        }
    }

    fn next_sheet(&mut self) -> AnswerSheet {
        let q = self.q;
        let random = &mut self.random;
        let questions: Vec<Asked<'_>> = q.questions().collect();
        let stop_at = if random.next() < 0.08 {
            (3.0 + random.next() * (questions.len() as f64 - 3.0)).floor() as usize
        } else {
            usize::MAX
        };
        let skip_region = random.next() < 0.03;
        let mut maturity = (random.next() + random.next() + random.next()) / 3.0;
        let mut sheet = AnswerSheet::new(q);
        // Answers are only added, and a condition is three-valued (Kleene), so what a report
        // knows of a question (applies, does not) stays true as answers come: the sheet is scored
        // again only for a question the last report could not tell.
        let mut report = score(q, &sheet);
        let mut scored_all = true;
        for (index, question) in questions.into_iter().enumerate() {
            let id = question.id();
            if waits(&report, question) && !scored_all {
                report = score(q, &sheet);
                scored_all = true;
            }
            if report.not_applicable.contains(id)
                || waits(&report, question)
                || index >= stop_at
                || (skip_region && id.as_str() == "P.region")
            {
                continue;
            }
            let options = question.options();
            let chosen: Vec<&OptionId> = if question.multiple() {
                let (exclusive, others): (Vec<_>, Vec<_>) = options
                    .iter()
                    .map(|(o, _)| *o)
                    .partition(|o| question.is_exclusive(o));
                if (!exclusive.is_empty() && random.next() < 0.2) || others.is_empty() {
                    vec![exclusive[0]]
                } else {
                    let ticked: Vec<_> = others
                        .iter()
                        .copied()
                        .filter(|_| random.next() < 0.3)
                        .collect();
                    if ticked.is_empty() {
                        vec![others[random.below(others.len())]]
                    } else {
                        ticked
                    }
                }
            } else if let Asked::Item(item) = question {
                let level = (maturity * 4.0 + (random.next() - 0.5) * 2.2 + 0.5)
                    .floor()
                    .clamp(0.0, 4.0) as u8;
                let at: Vec<_> = item.options.iter().filter(|o| o.level == level).collect();
                let from: Vec<&OptionId> = if at.is_empty() {
                    item.options.iter().map(|o| &o.id).collect()
                } else {
                    at.iter().map(|o| &o.id).collect()
                };
                vec![from[random.below(from.len())]]
            } else {
                let weights: Vec<f64> = options
                    .iter()
                    .map(|(o, _)| lookup(WEIGHTS, id.as_str(), o.as_str()).unwrap_or(1.0))
                    .collect();
                vec![options[random.pick(&weights)].0]
            };
            maturity += lookup(MATURITY, id.as_str(), chosen[0].as_str()).unwrap_or(0.0);
            maturity = maturity.clamp(0.0, 1.0);
            for option in chosen {
                sheet.choose(q, id, option);
            }
            scored_all = false;
        }
        sheet
    }
}

/// Whether a question's applicability waits on an answer not given yet.
fn waits(report: &Report, question: Asked<'_>) -> bool {
    report.pending.contains(question.id())
}
