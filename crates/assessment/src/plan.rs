//! What a firm does on Monday: its first steps, the rest of its plan by horizon, and whether the
//! report may say anything about a sheet that is not finished.
//!
//! Issue 15: a small firm given 27 recommendations and a plan that repeats them does not know
//! where to start, and a half-filled sheet must never read as a clean bill. So the core picks
//! three to five steps for the next three months (a year-long item is never one), gives each who
//! does it, how much it takes and where to get help, and lists the rest once, by horizon. A report
//! that is not complete says so, section by section.

use crate::ids::{Horizon, QuestionId};
use crate::questionnaire::Questionnaire;
use crate::score::{RecommendationResult, Report};
use crate::text::LangTag;
use crate::walk::SectionId;

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

/// One action, with everything a small firm needs to start it, in one language.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    pub recommendation: RecommendationResult,
    /// What to do.
    pub text: String,
    /// Who in a small firm does it, when the questionnaire says.
    pub who: Option<String>,
    /// Roughly how much work and money it takes, when the questionnaire says.
    pub effort: Option<String>,
    /// Where to get help: a body's name and what it offers, most useful first.
    pub help: Vec<(String, String)>,
    /// The source's countermeasure it follows, as its section and title (`§3.1 …`), when the
    /// questionnaire has it: the basis a reader can look up.
    pub basis: Option<String>,
}

/// A firm's plan: first steps, then everything else once, by horizon.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    pub completeness: Completeness,
    /// What is still to answer, by section in the order of the walk; sections with nothing
    /// missing are left out.
    pub missing: Vec<Missing>,
    /// Three to five actions for the next three months (fewer only when fewer exist), all of
    /// horizon `Now`, in the report's order.
    pub first_steps: Vec<Step>,
    /// Every other recommendation, once, grouped by horizon in order (`Now`, `ThisYear`,
    /// `Later`); a horizon with nothing in it is left out.
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

/// The plan for `report` (scored against `questionnaire`), its texts in `lang`.
pub fn plan(questionnaire: &Questionnaire, report: &Report, lang: &LangTag) -> Plan {
    let chosen = first_steps(&report.recommendations);
    let step = |r: &RecommendationResult| resolve(questionnaire, r, lang);
    let first_steps = chosen
        .iter()
        .map(|&i| step(&report.recommendations[i]))
        .collect();
    let by_horizon = Horizon::ALL
        .into_iter()
        .map(|horizon| {
            let steps: Vec<Step> = report
                .recommendations
                .iter()
                .enumerate()
                .filter(|(i, r)| r.horizon == horizon && !chosen.contains(i))
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

/// The positions in `recommendations` (already in rank order) of the first steps: horizon `Now`
/// only, one per item while there are enough different items, at most [`MAX_FIRST_STEPS`].
fn first_steps(recommendations: &[RecommendationResult]) -> Vec<usize> {
    let now: Vec<usize> = recommendations
        .iter()
        .enumerate()
        .filter(|(_, r)| r.horizon == Horizon::Now)
        .map(|(i, _)| i)
        .collect();
    let mut chosen = Vec::new();
    let mut items = Vec::new();
    // First pass: the most urgent action of each gap, so that five steps start five things.
    for &i in &now {
        if chosen.len() == MAX_FIRST_STEPS {
            break;
        }
        let item = &recommendations[i].item;
        if !items.contains(&item) {
            items.push(item);
            chosen.push(i);
        }
    }
    // Too few different gaps: a second action on one of them may fill a place.
    for &i in &now {
        if chosen.len() >= MIN_FIRST_STEPS {
            break;
        }
        if !chosen.contains(&i) {
            chosen.push(i);
        }
    }
    // Keep the report's order.
    crate::order::sort_by(&mut chosen, Ord::cmp);
    chosen
}

fn resolve(questionnaire: &Questionnaire, r: &RecommendationResult, lang: &LangTag) -> Step {
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
    let basis = questionnaire
        .countermeasure(&r.countermeasure)
        .map(|c| format!("{} {}", c.section, c.title.get(lang)));
    Step {
        recommendation: r.clone(),
        text: r.text.get(lang).to_owned(),
        who,
        effort,
        help,
        basis,
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
