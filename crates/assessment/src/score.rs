//! Scoring: from a questionnaire and a set of answers to a report.
//!
//! The rules, in the brief's words: only applicable items count (not applicable is never scored as
//! 0, the weights renormalise); a dimension's score is the weighted mean of its answered items'
//! levels, 0–100; the overall score is the weighted mean of the dimensions; critical compliance gaps
//! are not averaged away but cap their dimension; recommendations are ranked by horizon, then
//! critical gaps first, then by weight × gap. Everything a rule needs (weights, levels,
//! thresholds, caps) comes from the questionnaire data.

use crate::list_map::ListMap;

use serde::{Deserialize, Serialize};

use crate::answers::AnswerSheet;
use crate::condition::{Condition, Facts, Known, QuestionState, Ref, Truth};
use crate::ids::{
    CountermeasureId, DimensionId, EffortId, HelpSourceId, Horizon, HsCode, Level, OptionId,
    PathId, QuestionId, RoleId, RouteId, StageId,
};
use crate::questionnaire::{Asked, Questionnaire, QuestionnaireRef};
use crate::text::Text;

/// A score as every front end writes it: one decimal, or an en dash while there is none.
pub fn format_score(score: Option<f64>) -> String {
    score.map_or_else(|| "–".to_owned(), |s| OneDecimal(s).to_string())
}

/// A change of score as every front end writes it: signed ("+6.7", "-2.0", "0.0"), so that the
/// direction reads without colour, or an en dash when one side has no score.
pub fn format_change(change: Option<f64>) -> String {
    match change {
        Some(c) if c > 0.0 => format!("+{}", OneDecimal(c)),
        Some(c) => OneDecimal(c).to_string(),
        None => "–".to_owned(),
    }
}

/// A number written with one decimal, halves rounded away from zero (as JavaScript's `toFixed`
/// does for exact halves). Written with integer arithmetic because `core`'s float formatting is
/// large code that the app would otherwise load (and compile, when the report first opens) for
/// this alone. Meant for scores and chart coordinates, far inside `i64`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct OneDecimal(pub f64);

impl std::fmt::Display for OneDecimal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // `as` saturates (and makes NaN 0): never a panic, whatever the input.
        let tenths = (self.0 * 10.0).round() as i64;
        let sign = if tenths < 0 { "-" } else { "" };
        let tenths = tenths.unsigned_abs();
        write!(f, "{sign}{}.{}", tenths / 10, tenths % 10)
    }
}

/// Whether an item counts for this firm.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Applicability {
    Applies,
    NotApplicable,
    /// It depends on a profile answer not given yet.
    Undetermined,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ItemResult {
    pub id: QuestionId,
    pub applicability: Applicability,
    pub answer: Option<OptionId>,
    pub level: Option<Level>,
    pub target: Level,
    pub weight: f64,
    /// weight × level / 4, when the item applies and is answered.
    pub contribution: Option<f64>,
    pub critical: bool,
    /// The paper's benchmark, when the item has one that fits this firm (its `applies_when`).
    pub benchmark: Option<BenchmarkResult>,
}

/// A benchmark shown to this firm.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BenchmarkResult {
    /// Where the answer stands against the figure: only for a benchmark that can be compared
    /// (`compare`) with an answered item.
    pub standing: Option<Standing>,
}

/// Where a firm stands against the group a benchmark describes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    Ahead,
    Level,
    Behind,
}

impl Standing {
    /// `level` against a comparison: ahead from `ahead_from`, level from `level_from`.
    pub fn of(level: Level, compare: &crate::model::Compare) -> Self {
        if level.value() >= compare.ahead_from {
            Standing::Ahead
        } else if level.value() >= compare.level_from {
            Standing::Level
        } else {
            Standing::Behind
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DimensionResult {
    pub id: DimensionId,
    /// 0–100 after any critical-gap cap; `None` while no applicable item is answered.
    pub score: Option<f64>,
    /// The score before the cap.
    pub uncapped: Option<f64>,
    pub capped: bool,
    pub applicable: usize,
    pub answered: usize,
    pub items: Vec<ItemResult>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CriticalGap {
    pub item: QuestionId,
    pub dimension: DimensionId,
}

/// The data-export decision.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "status")]
pub enum ExportDecision {
    /// A rule held and gives `outcome`; `reason` is that rule's own account of why (a rule has no
    /// id, and its place in the list is no reference a reader could follow).
    Decided { outcome: PathId, reason: Text },
    /// A profile answer the rules need is missing.
    Pending,
    /// No rule held: the questionnaire's rules do not cover this profile.
    Uncovered,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RecommendationResult {
    pub item: QuestionId,
    pub dimension: DimensionId,
    /// What to do, in every language of the questionnaire (a recommendation has no id of its own).
    pub text: Text,
    /// The level answered, below the item's target: why the recommendation is given.
    pub level: Level,
    pub target: Level,
    pub countermeasure: CountermeasureId,
    pub horizon: Horizon,
    /// weight × (target − level).
    pub priority: f64,
    pub critical: bool,
    /// Who in a small firm does it, how much it takes, where to get help: ids in the
    /// questionnaire's `roles`, `efforts` and `help_sources` (the plan resolves them).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub who: Option<RoleId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effort: Option<EffortId>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub help_from: Vec<HelpSourceId>,
    /// It puts on record what is already in order (the questionnaire's `paperwork`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub paperwork: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    pub answered: usize,
    pub total: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub questionnaire: QuestionnaireRef,
    /// Every applicable question is answered and the export path is decided.
    pub complete: bool,
    /// Questions still to answer (applicable, or possibly applicable), in the order they are asked.
    pub missing: Vec<QuestionId>,
    /// Questions that do not apply to this firm, in the order they are asked: a UI hides them.
    pub not_applicable: Vec<QuestionId>,
    /// Of the questions still to answer, those whose applicability waits on an answer not given
    /// yet (a follow-up before the question it follows), in the order they are asked.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pending: Vec<QuestionId>,
    /// How many questions apply (or may apply) and how many of those are answered.
    pub progress: Progress,
    /// 0–100, rounded to one decimal; `None` while no dimension has a score.
    pub overall: Option<f64>,
    pub stage: Option<StageId>,
    /// The weakest dimension, when there are dimensions to compare: a questionnaire of one
    /// dimension has none.
    pub bottleneck: Option<DimensionId>,
    pub dimensions: Vec<DimensionResult>,
    /// In questionnaire order.
    pub critical_gaps: Vec<CriticalGap>,
    pub export_path: ExportDecision,
    /// Further data-export routes open to this firm.
    pub routes: Vec<RouteId>,
    /// By horizon (now, this year, later); within one, critical first, then by priority, highest
    /// first.
    pub recommendations: Vec<RecommendationResult>,
}

impl Report {
    /// Whether a question is shown: everything but what does not apply.
    pub fn shows(&self, id: &QuestionId) -> bool {
        !self.not_applicable.contains(id)
    }

    pub fn dimension(&self, id: &DimensionId) -> Option<&DimensionResult> {
        self.dimensions.iter().find(|d| &d.id == id)
    }

    pub fn item(&self, id: &QuestionId) -> Option<&ItemResult> {
        self.dimensions
            .iter()
            .flat_map(|d| &d.items)
            .find(|i| &i.id == id)
    }
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// Evaluates conditions against one answer sheet, remembering what it has worked out.
struct Eval<'a> {
    questionnaire: &'a Questionnaire,
    sheet: &'a AnswerSheet,
    applies: ListMap<QuestionId, Truth>,
    path: Option<ExportDecision>,
    /// Whether a question whose applicability is still open counts with the answer given to it
    /// (the obligations catalogue, for goods that may be in an entry: see `Answers::eval_given`).
    open_answers_count: bool,
}

impl<'a> Eval<'a> {
    fn new(questionnaire: &'a Questionnaire, sheet: &'a AnswerSheet) -> Self {
        Self {
            questionnaire,
            sheet,
            applies: ListMap::new(),
            path: None,
            open_answers_count: false,
        }
    }

    fn applies(&mut self, question: Asked<'_>) -> Truth {
        if let Some(known) = self.applies.get(question.id()) {
            return *known;
        }
        // Validation has ruled out cycles, so this recursion ends.
        let truth = match question.applies_when() {
            None => Some(true),
            Some(condition) => condition.eval(self),
        };
        self.applies.insert(question.id().clone(), truth);
        truth
    }

    /// The options chosen for a question, keeping only those the question has.
    fn chosen(&self, question: Asked<'_>) -> Vec<OptionId> {
        self.sheet
            .get(question.id())
            .map(|a| {
                a.chosen()
                    .iter()
                    .filter(|o| question.has_option(o))
                    .cloned()
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Whether a question has an answer: an option of it, or, for a goods question that takes
    /// HS codes, a code typed (no option holds then, but the firm has said what it exports).
    fn answered(&self, question: Asked<'_>) -> bool {
        !self.chosen(question).is_empty()
            || (question.takes_codes() && !self.sheet.codes(question.id()).is_empty())
    }

    fn decide_export_path(&mut self) -> ExportDecision {
        if let Some(decision) = &self.path {
            return decision.clone();
        }
        let questionnaire = self.questionnaire;
        let mut decision = ExportDecision::Uncovered;
        for rule in &questionnaire.doc().export_path.rules {
            match rule.when.eval(self) {
                Some(true) => {
                    decision = ExportDecision::Decided {
                        outcome: rule.outcome.clone(),
                        reason: rule.reason.clone(),
                    };
                    break;
                }
                // An earlier rule that may yet hold must be settled before a later one can decide.
                None => {
                    decision = ExportDecision::Pending;
                    break;
                }
                Some(false) => {}
            }
        }
        self.path = Some(decision.clone());
        decision
    }
}

impl Facts for Eval<'_> {
    fn question(&mut self, id: &QuestionId) -> QuestionState {
        let Some(question) = self.questionnaire.question(id) else {
            return QuestionState::NotApplicable;
        };
        match self.applies(question) {
            Some(false) => QuestionState::NotApplicable,
            None if self.open_answers_count && self.answered(question) => {
                QuestionState::Answered(self.chosen(question))
            }
            None => QuestionState::Pending,
            Some(true) => {
                if !self.answered(question) {
                    QuestionState::Pending
                } else {
                    QuestionState::Answered(self.chosen(question))
                }
            }
        }
    }

    fn codes(&self, id: &QuestionId) -> &[HsCode] {
        self.sheet.codes(id)
    }

    fn level(&mut self, id: &QuestionId) -> Known<u8> {
        let Some((_, item)) = self.questionnaire.item(id) else {
            return Known::None;
        };
        match self.question(id) {
            QuestionState::NotApplicable => Known::None,
            QuestionState::Pending => Known::Pending,
            QuestionState::Answered(chosen) => item
                .options
                .iter()
                .find(|o| o.id == chosen[0])
                .map_or(Known::Pending, |o| Known::Value(o.level)),
        }
    }

    fn export_path(&mut self) -> Known<PathId> {
        match self.decide_export_path() {
            ExportDecision::Decided { outcome, .. } => Known::Value(outcome),
            ExportDecision::Pending => Known::Pending,
            ExportDecision::Uncovered => Known::None,
        }
    }
}

/// Scores `sheet` against `questionnaire`. Answers to unknown questions or options are ignored, so a
/// sheet should be checked with [`AnswerSheet::check`] when it comes from outside.
pub fn score(questionnaire: &Questionnaire, sheet: &AnswerSheet) -> Report {
    let mut eval = Eval::new(questionnaire, sheet);
    let doc = questionnaire.doc();

    let mut missing = Vec::new();
    let mut not_applicable = Vec::new();
    let mut pending = Vec::new();
    for question in questionnaire.questions() {
        let applies = eval.applies(question);
        if applies == Some(false) {
            not_applicable.push(question.id().clone());
        } else if !eval.answered(question) {
            missing.push(question.id().clone());
            if applies.is_none() {
                pending.push(question.id().clone());
            }
        }
    }
    let total = questionnaire.questions().count() - not_applicable.len();
    let progress = Progress {
        answered: total - missing.len(),
        total,
    };

    let export_path = eval.decide_export_path();
    let routes = doc
        .export_path
        .routes
        .iter()
        .filter(|r| r.when.holds(&mut eval))
        .map(|r| r.id.clone())
        .collect();

    let mut dimensions = Vec::new();
    let mut critical_gaps = Vec::new();
    let mut recommendations = Vec::new();
    for dimension in &doc.dimensions {
        let mut items = Vec::new();
        let (mut weights, mut sum) = (0.0, 0.0);
        let mut applicable = 0;
        for item in &dimension.items {
            let target = Level::try_from(item.target).expect("validated target");
            let applicability = match eval.applies(Asked::Item(item)) {
                Some(true) => Applicability::Applies,
                Some(false) => Applicability::NotApplicable,
                None => Applicability::Undetermined,
            };
            let option = (applicability == Applicability::Applies)
                .then(|| eval.chosen(Asked::Item(item)).into_iter().next())
                .flatten()
                .and_then(|chosen| item.options.iter().find(|o| o.id == chosen));
            let level = option.map(|o| Level::try_from(o.level).expect("validated level"));
            let contribution = level.map(|l| item.weight * l.fraction());
            let critical = level.is_some()
                && item
                    .critical
                    .as_ref()
                    .is_some_and(|rule| rule.when.holds(&mut eval));
            if applicability == Applicability::Applies {
                applicable += 1;
            }
            if let Some(c) = contribution {
                weights += item.weight;
                sum += c;
            }
            if critical {
                critical_gaps.push(CriticalGap {
                    item: item.id.clone(),
                    dimension: dimension.id.clone(),
                });
            }
            if let Some(level) = level.filter(|l| *l < target) {
                let gap = f64::from(target.value() - level.value());
                for r in &item.recommendations {
                    // A text that assumes something of the firm is given only when that holds.
                    let fits = Condition::holds_if_any(r.applies_when.as_ref(), &mut eval);
                    if r.levels.contains(&level.value()) && fits {
                        recommendations.push(RecommendationResult {
                            item: item.id.clone(),
                            dimension: dimension.id.clone(),
                            text: r.text.clone(),
                            level,
                            target,
                            countermeasure: r.countermeasure.clone(),
                            horizon: r.horizon,
                            priority: item.weight * gap,
                            critical,
                            who: r.who.clone(),
                            effort: r.effort.clone(),
                            help_from: r.help_from.clone(),
                            paperwork: r.paperwork,
                        });
                    }
                }
            }
            let benchmark = item
                .benchmark
                .as_ref()
                .filter(|b| {
                    applicability != Applicability::NotApplicable
                        && Condition::holds_if_any(b.applies_when.as_ref(), &mut eval)
                })
                .map(|b| BenchmarkResult {
                    standing: b
                        .compare
                        .as_ref()
                        .zip(level)
                        .map(|(c, l)| Standing::of(l, c)),
                });
            items.push(ItemResult {
                id: item.id.clone(),
                applicability,
                answer: option.map(|o| o.id.clone()),
                level,
                target,
                weight: item.weight,
                contribution,
                critical,
                benchmark,
            });
        }
        let uncapped = (weights > 0.0).then(|| round1(100.0 * sum / weights));
        let has_gap = items.iter().any(|i| i.critical);
        let cap = dimension.critical_cap.filter(|_| has_gap);
        let score = match (uncapped, cap) {
            (Some(s), Some(cap)) => Some(s.min(cap)),
            (s, _) => s,
        };
        dimensions.push(DimensionResult {
            id: dimension.id.clone(),
            score,
            uncapped,
            capped: score != uncapped,
            applicable,
            answered: items.iter().filter(|i| i.level.is_some()).count(),
            items,
        });
    }

    let (mut weights, mut sum) = (0.0, 0.0);
    for (d, result) in doc.dimensions.iter().zip(&dimensions) {
        if let Some(s) = result.score {
            weights += d.weight;
            sum += d.weight * s;
        }
    }
    let overall = (weights > 0.0).then(|| round1(sum / weights));
    let stage = overall.and_then(|score| {
        doc.stages
            .iter()
            .rev()
            .find(|s| score >= s.min_score)
            .map(|s| s.id.clone())
    });
    // One dimension is not weaker than anything: "bottleneck" would only repeat its name.
    let compared = if dimensions.len() > 1 {
        &dimensions[..]
    } else {
        &[]
    };
    let bottleneck = compared
        .iter()
        .filter_map(|d| d.score.map(|s| (s, &d.id)))
        // The first of equal scores wins, so the result does not depend on float ties' order.
        .fold(
            None,
            |best: Option<(f64, &DimensionId)>, (s, id)| match best {
                Some((b, _)) if b <= s => best,
                _ => Some((s, id)),
            },
        )
        .map(|(_, id)| id.clone());

    // The horizon first, so that the list reads in the order a firm acts (a year-long item
    // never ranks above one for the next three months); within it critical gaps, then
    // priority; equal priorities keep the questionnaire's order (the sort is stable).
    crate::order::sort_by(&mut recommendations, |a, b| {
        a.horizon
            .cmp(&b.horizon)
            .then(b.critical.cmp(&a.critical))
            .then(b.priority.total_cmp(&a.priority))
    });

    let complete = missing.is_empty() && matches!(export_path, ExportDecision::Decided { .. });
    Report {
        questionnaire: questionnaire.reference(),
        complete,
        missing,
        not_applicable,
        pending,
        progress,
        overall,
        stage,
        bottleneck,
        dimensions,
        critical_gaps,
        export_path,
        routes,
        recommendations,
    }
}

/// Answers as other parts of the core read them (the obligations catalogue): what a question
/// stands at, and a condition's truth with the questions it still waits for, by the same
/// evaluation as scoring, so that a question that does not apply counts the same everywhere.
pub(crate) struct Answers<'a>(Eval<'a>);

impl<'a> Answers<'a> {
    pub(crate) fn new(questionnaire: &'a Questionnaire, sheet: &'a AnswerSheet) -> Self {
        Self(Eval::new(questionnaire, sheet))
    }

    /// The options chosen for a question, `Known::None` when it does not apply, `Pending` when
    /// it is still to be answered.
    pub(crate) fn chosen(&mut self, id: &QuestionId) -> Known<Vec<OptionId>> {
        match self.0.question(id) {
            QuestionState::NotApplicable => Known::None,
            QuestionState::Pending => Known::Pending,
            QuestionState::Answered(chosen) => Known::Value(chosen),
        }
    }

    /// The condition's truth and, when it is not known yet, the questions to answer to know it:
    /// a question that applies and is unanswered, or, for one whose applicability is open, the
    /// questions that decide it.
    pub(crate) fn eval(&mut self, condition: &Condition) -> (Truth, Vec<QuestionId>) {
        let truth = condition.eval(&mut self.0);
        let mut needed = Vec::new();
        if truth.is_none() {
            self.pending(condition, &mut needed);
        }
        (truth, needed)
    }

    /// The condition's truth as [`Answers::eval`] gives it, except that a question whose
    /// applicability is still open counts with the answer given to it. For an obligation whose
    /// goods may be in its trigger (a chapter typed where the entry names headings): its
    /// follow-up is asked for exactly the entry's goods, so for those goods it applies, and the
    /// answer given decides the entry whichever way the code falls.
    pub(crate) fn eval_given(&mut self, condition: &Condition) -> Truth {
        self.0.open_answers_count = true;
        let truth = condition.eval(&mut self.0);
        self.0.open_answers_count = false;
        truth
    }

    /// The questions to answer before `id` has an answer that counts: `id` itself when it
    /// applies, or the questions that decide whether it does.
    pub(crate) fn needed_for(&mut self, id: &QuestionId) -> Vec<QuestionId> {
        let mut needed = Vec::new();
        let asked = Condition::AnswerIn {
            question: id.clone(),
            options: Vec::new(),
            codes: Vec::new(),
        };
        self.pending(&asked, &mut needed);
        needed
    }

    fn pending(&mut self, condition: &Condition, needed: &mut Vec<QuestionId>) {
        let mut questions = Vec::new();
        condition.visit_refs(&mut |r| {
            if let Ref::Question(q) = r {
                questions.push(q.clone());
            }
        });
        for id in questions {
            let Some(question) = self.0.questionnaire.question(&id) else {
                continue;
            };
            if !matches!(self.0.question(&id), QuestionState::Pending) {
                continue;
            }
            match (self.0.applies(question), question.applies_when()) {
                (None, Some(when)) => self.pending(when, needed),
                _ if !needed.contains(&id) => needed.push(id),
                _ => {}
            }
        }
    }
}
