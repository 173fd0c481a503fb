//! What a firm does on Monday: its first steps, the rest of its plan by horizon, and whether the
//! report may say anything about a sheet that is not finished.
//!
//! A small firm given 27 recommendations and a plan that repeats them does not know where to
//! start, and a half-filled sheet must never read as a clean bill. So the core picks three to five
//! steps for the next three months (a year-long item is never one) in the order to take them —
//! critical gaps, the weakest dimension's most useful action, duties already in force for the
//! firm's goods (when the obligations are known), the other gaps, paperwork last — gives each who
//! does it, how much it takes, where to get help and why it comes first, and lists the rest once,
//! by horizon. A step's text is plain words; the question it answers and the source it follows
//! are kept apart, as its `sources`. A report that is not complete says so, section by section.

use crate::ids::{DimensionId, Horizon, QuestionId};
use crate::obligations::{Group, Page, PageEntry};
use crate::questionnaire::Questionnaire;
use crate::score::{RecommendationResult, Report};
use crate::text::LangTag;
use crate::walk::{short_title, SectionId};

/// At most this many first steps: more is a list, not a start.
pub const MAX_FIRST_STEPS: usize = 5;
/// Fewer than this many different gaps in the first steps, and a second action on one gap may
/// fill a place.
pub const MIN_FIRST_STEPS: usize = 3;

/// How far the sheet behind a report is filled in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Completeness {
    /// No question answered: there is nothing to report yet.
    NotStarted,
    /// Some questions that apply (or may apply) are unanswered, or the data-export path is not
    /// decided: the report shows a part of the picture and must say so before anything else.
    Partial,
    /// Every question that applies is answered and the path is decided.
    Complete,
}

impl Completeness {
    pub fn of(report: &Report) -> Self {
        if report.complete {
            Completeness::Complete
        } else if report.progress.answered == 0 {
            Completeness::NotStarted
        } else {
            Completeness::Partial
        }
    }
}

/// The unanswered questions of one section, in the order they are asked.
#[derive(Clone, Debug, PartialEq)]
pub struct Missing {
    pub section: SectionId,
    pub questions: Vec<QuestionId>,
}

/// What a step asks of the firm: one of the questionnaire's recommendations, or a duty of the
/// market-obligations catalogue already in force for its goods.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Recommendation(RecommendationResult),
    /// The catalogue entry (its id), as the report's obligations section lists it.
    Duty {
        obligation: String,
    },
}

/// Why a step is where it is: the short reason a front end shows beside a first step
/// ([`Why::words`]).
#[derive(Clone, Debug, PartialEq)]
pub enum Why {
    /// A critical compliance gap: the law requires it and it is not done.
    CriticalGap,
    /// A duty already in force for the firm's goods in these markets (their names in the plan's
    /// language; none when it applies whatever the destination).
    DutyInForce { markets: Vec<String> },
    /// It works on the firm's weakest dimension (its short title).
    Bottleneck { dimension: String },
    /// It closes one of the larger gaps (weight × levels short) in this dimension.
    LargeGap { dimension: String },
    /// It puts on record what is already in order: less urgent than a gap.
    Paperwork,
}

impl Why {
    /// The reason in `lang`, a few words a person reads beside the step.
    pub fn words(&self, lang: &LangTag) -> String {
        let zh = crate::text::in_chinese(lang);
        match (self, zh) {
            (Why::CriticalGap, true) => "关键缺口：法律要求的事还没有做到".to_owned(),
            (Why::CriticalGap, false) => {
                "A critical gap: something the law requires is not done yet".to_owned()
            }
            (Why::DutyInForce { markets }, true) if markets.is_empty() => {
                "已经生效的规定，适用于您出口的货物".to_owned()
            }
            (Why::DutyInForce { markets }, true) => {
                format!("已经生效的规定，适用于您销往{}的货物", markets.join("、"))
            }
            (Why::DutyInForce { markets }, false) if markets.is_empty() => {
                "A rule already in force for the goods you export".to_owned()
            }
            (Why::DutyInForce { markets }, false) if markets.len() == 1 => {
                format!("A rule already in force in your market: {}", markets[0])
            }
            (Why::DutyInForce { markets }, false) => format!(
                "A rule already in force in your markets: {}",
                english_list(markets)
            ),
            (Why::Bottleneck { dimension }, true) => format!("{dimension}是您最薄弱的方面"),
            (Why::Bottleneck { dimension }, false) => format!("{dimension} is your weakest area"),
            (Why::LargeGap { dimension }, true) => format!("{dimension}方面差距较大的一项"),
            (Why::LargeGap { dimension }, false) => {
                format!("{dimension}: one of your larger gaps")
            }
            (Why::Paperwork, true) => "留档备查：不如补上差距紧迫".to_owned(),
            (Why::Paperwork, false) => "Record-keeping: less urgent than closing a gap".to_owned(),
        }
    }
}

/// "a", "a and b", "a, b and c".
fn english_list(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// One action, with everything a small firm needs to start it, in one language.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    pub action: Action,
    /// What to do, in plain words: no question code and no reference to the source (those are
    /// in `sources`).
    pub text: String,
    /// More on what to do, when there is more: a duty's "what to prepare".
    pub detail: Option<String>,
    /// Who in a small firm does it, when the questionnaire says.
    pub who: Option<String>,
    /// Roughly how much work and money it takes, when the questionnaire says.
    pub effort: Option<String>,
    /// Where to get help: a body's name and what it offers, most useful first.
    pub help: Vec<(String, String)>,
    /// Why it comes where it does.
    pub why: Why,
    /// `why` in the plan's language.
    pub why_words: String,
    /// Where it comes from, for a reader who looks it up, kept apart from the text: the question
    /// it answers and the source's section and title (`§3.1 …`), or the duty's law.
    pub sources: Vec<String>,
}

impl Step {
    /// The recommendation it is, unless it is a duty.
    pub fn recommendation(&self) -> Option<&RecommendationResult> {
        match &self.action {
            Action::Recommendation(r) => Some(r),
            Action::Duty { .. } => None,
        }
    }

    /// It answers a critical compliance gap.
    pub fn critical(&self) -> bool {
        self.recommendation().is_some_and(|r| r.critical)
    }
}

/// A firm's plan: first steps, then everything else once, by horizon.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    pub completeness: Completeness,
    /// What is still to answer, by section in the order of the walk; sections with nothing
    /// missing are left out.
    pub missing: Vec<Missing>,
    /// Three to five actions for the next three months (fewer only when fewer exist), in the
    /// order to take them: critical gaps, duties in force, the weakest dimension's most useful
    /// action, the other gaps by priority, paperwork last.
    pub first_steps: Vec<Step>,
    /// Every other recommendation, once, grouped by horizon in order (`Now`, `ThisYear`,
    /// `Later`); a horizon with nothing in it is left out. Duties not among the first steps
    /// stay in the obligations section only.
    pub by_horizon: Vec<(Horizon, Vec<Step>)>,
}

impl Plan {
    /// Whether the report may say that the firm meets every target and has nothing to do: only
    /// for a complete sheet with no recommendation and no critical gap. A partial sheet's silence
    /// means "not asked yet", never "fine".
    pub fn all_targets_met(&self, report: &Report) -> bool {
        self.completeness == Completeness::Complete
            && report.recommendations.is_empty()
            && report.critical_gaps.is_empty()
    }

    /// How many questions are still to answer, over all sections.
    pub fn missing_count(&self) -> usize {
        self.missing.iter().map(|m| m.questions.len()).sum()
    }
}

/// At most this many duties in force among the first steps: the rest are in the obligations
/// section, and the firm's own gaps keep their places.
pub const MAX_DUTIES_FIRST: usize = 2;

/// The plan for `report` (scored against `questionnaire`), its texts in `lang`, without the
/// market-obligations catalogue: what a front end shows before the obligations are known.
pub fn plan(questionnaire: &Questionnaire, report: &Report, lang: &LangTag) -> Plan {
    plan_with(questionnaire, report, None, lang)
}

/// The plan for `report`, with the duties in force of the firm's obligations `page` (made for
/// the same answers, on the assessment's date, in `lang`) among its first steps.
pub fn plan_with(
    questionnaire: &Questionnaire,
    report: &Report,
    page: Option<&Page>,
    lang: &LangTag,
) -> Plan {
    let duties: Vec<&PageEntry> = page
        .map(|p| {
            p.entries
                .iter()
                .filter(|e| e.group == Group::InForce)
                .take(MAX_DUTIES_FIRST)
                .collect()
        })
        .unwrap_or_default();
    let chosen = first_steps(
        &report.recommendations,
        report.bottleneck.as_ref(),
        duties.len(),
    );
    let step = |r: &RecommendationResult| resolve(questionnaire, report, r, lang);
    let first_steps = chosen
        .iter()
        .map(|pick| match *pick {
            Pick::Recommendation(i) => step(&report.recommendations[i]),
            Pick::Duty(i) => duty(duties[i], lang),
        })
        .collect();
    let taken: Vec<usize> = chosen
        .iter()
        .filter_map(|pick| match *pick {
            Pick::Recommendation(i) => Some(i),
            Pick::Duty(_) => None,
        })
        .collect();
    let by_horizon = Horizon::ALL
        .into_iter()
        .map(|horizon| {
            let steps: Vec<Step> = report
                .recommendations
                .iter()
                .enumerate()
                .filter(|(i, r)| r.horizon == horizon && !taken.contains(i))
                .map(|(_, r)| step(r))
                .collect();
            (horizon, steps)
        })
        .filter(|(_, steps)| !steps.is_empty())
        .collect();
    Plan {
        completeness: Completeness::of(report),
        missing: missing_by_section(questionnaire, report),
        first_steps,
        by_horizon,
    }
}

/// A first step: a recommendation by its place in the report's list, or a duty by its place
/// among the duties in force.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Pick {
    Recommendation(usize),
    Duty(usize),
}

/// The first steps, in the order to take them, from `recommendations` (in the report's rank
/// order) and `duties` duties in force: horizon `Now` only, one per item while there are enough
/// different items, at most [`MAX_FIRST_STEPS`]. Critical gaps come first (the law, and a cap
/// on the score), then the bottleneck's most useful action (the weakest dimension is where the
/// firm starts), then the duties in force, then the other gaps by priority; paperwork on
/// what is already in order comes after every real gap.
fn first_steps(
    recommendations: &[RecommendationResult],
    bottleneck: Option<&DimensionId>,
    duties: usize,
) -> Vec<Pick> {
    let now: Vec<usize> = recommendations
        .iter()
        .enumerate()
        .filter(|(_, r)| r.horizon == Horizon::Now)
        .map(|(i, _)| i)
        .collect();
    let critical = now.iter().copied().filter(|&i| recommendations[i].critical);
    let gaps = || {
        now.iter().copied().filter(|&i| {
            let r = &recommendations[i];
            !r.critical && !r.paperwork
        })
    };
    let weakest = gaps()
        .find(|&i| Some(&recommendations[i].dimension) == bottleneck)
        .into_iter();
    let paperwork = now
        .iter()
        .copied()
        .filter(|&i| recommendations[i].paperwork && !recommendations[i].critical);
    // The bottleneck's action before the duties: the verdict names the weakest dimension, so the
    // first action follows from it unless the law already calls (a critical gap); and the duties
    // come from the report's worker, so a first action taken from them would change on screen
    // when its answer arrives.
    let mut order: Vec<Pick> = critical.chain(weakest).map(Pick::Recommendation).collect();
    order.extend((0..duties).map(Pick::Duty));
    order.extend(gaps().chain(paperwork).map(Pick::Recommendation));

    let mut chosen: Vec<Pick> = Vec::new();
    let mut items = Vec::new();
    // First pass: the most urgent action of each gap, so that five steps start five things.
    for &pick in &order {
        if chosen.len() == MAX_FIRST_STEPS {
            break;
        }
        match pick {
            Pick::Duty(_) => chosen.push(pick),
            Pick::Recommendation(i) => {
                let item = &recommendations[i].item;
                if !items.contains(&item) {
                    items.push(item);
                    chosen.push(pick);
                }
            }
        }
    }
    // Too few different gaps: a second action on one of them may fill a place, in the same
    // order.
    for &pick in &order {
        if chosen.len() >= MIN_FIRST_STEPS {
            break;
        }
        if !chosen.contains(&pick) {
            chosen.push(pick);
        }
    }
    chosen
}

fn resolve(
    questionnaire: &Questionnaire,
    report: &Report,
    r: &RecommendationResult,
    lang: &LangTag,
) -> Step {
    let doc = questionnaire.doc();
    let who = r
        .who
        .as_ref()
        .and_then(|id| doc.roles.iter().find(|x| &x.id == id))
        .map(|x| x.label.get(lang).to_owned());
    let effort = r
        .effort
        .as_ref()
        .and_then(|id| doc.efforts.iter().find(|x| &x.id == id))
        .map(|x| x.label.get(lang).to_owned());
    let help = r
        .help_from
        .iter()
        .filter_map(|id| doc.help_sources.iter().find(|x| &x.id == id))
        .map(|x| (x.name.get(lang).to_owned(), x.offers.get(lang).to_owned()))
        .collect();
    let dimension = questionnaire
        .dimension(&r.dimension)
        .map(|d| short_title(d.title.get(lang)).to_owned())
        .unwrap_or_default();
    let why = if r.critical {
        Why::CriticalGap
    } else if r.paperwork {
        Why::Paperwork
    } else if report.bottleneck.as_ref() == Some(&r.dimension) {
        Why::Bottleneck { dimension }
    } else {
        Why::LargeGap { dimension }
    };
    let question = if crate::text::in_chinese(lang) {
        format!("问题 {}", r.item)
    } else {
        format!("Question {}", r.item)
    };
    let sources = std::iter::once(question)
        .chain(
            questionnaire
                .countermeasure(&r.countermeasure)
                .map(|c| format!("{} {}", c.section, c.title.get(lang))),
        )
        .collect();
    Step {
        action: Action::Recommendation(r.clone()),
        text: r.text.get(lang).to_owned(),
        detail: None,
        who,
        effort,
        help,
        why_words: why.words(lang),
        why,
        sources,
    }
}

/// A duty in force as a first step: its title to do, what to prepare, and its law as the source.
fn duty(entry: &PageEntry, lang: &LangTag) -> Step {
    let why = Why::DutyInForce {
        markets: entry.markets.clone(),
    };
    Step {
        action: Action::Duty {
            obligation: entry.obligation.clone(),
        },
        text: entry.title.clone(),
        detail: Some(entry.prepare.clone()),
        who: None,
        effort: None,
        help: Vec::new(),
        why_words: why.words(lang),
        why,
        sources: vec![format!("{} — {}", entry.regime, entry.basis)],
    }
}

/// The report's missing questions, grouped by the section that asks them.
pub fn missing_by_section(questionnaire: &Questionnaire, report: &Report) -> Vec<Missing> {
    questionnaire
        .sections()
        .into_iter()
        .map(|section| Missing {
            questions: report
                .missing_in(questionnaire, &section)
                .iter()
                .map(|asked| asked.id().clone())
                .collect(),
            section,
        })
        .filter(|m| !m.questions.is_empty())
        .collect()
}
