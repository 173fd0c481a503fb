//! Progress between two assessments: both sheets scored with the current
//! questionnaire, an earlier version's answers carried over by its `migrations` first, and what
//! changed between them, from the overall score down to the actions of the earlier plan now done.

use std::fmt;

use serde::Serialize;

use crate::answers::{AnswerSheet, AnswersError, CarriedOver, Recovered};
use crate::ids::{DimensionId, Level, QuestionId, StageId};
use crate::questionnaire::{Questionnaire, QuestionnaireRef};
use crate::score::{score, Applicability, CriticalGap, RecommendationResult, Report};

/// Which of the two assessments.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Which {
    Earlier,
    Later,
}

/// Why two assessments cannot be compared: one of them cannot be carried over to this
/// questionnaire (another questionnaire, another format).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompareError {
    pub which: Which,
    pub error: AnswersError,
}

impl fmt::Display for CompareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let which = match self.which {
            Which::Earlier => "the earlier answers",
            Which::Later => "the later answers",
        };
        write!(f, "{which}: {}", self.error)
    }
}

impl std::error::Error for CompareError {}

/// One assessment as compared: its report with the current questionnaire, and, if its answers
/// were carried over, what could not be.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Assessed {
    pub report: Report,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub carried: Option<CarriedOver>,
}

/// Up, level or down: a score's or a stage's movement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Trend {
    Up,
    Same,
    Down,
}

/// A score before and after, and the change (one decimal) when there are both.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct ScoreChange {
    pub before: Option<f64>,
    pub after: Option<f64>,
    pub change: Option<f64>,
}

impl ScoreChange {
    fn of(before: Option<f64>, after: Option<f64>) -> Self {
        let change = before
            .zip(after)
            .map(|(b, a)| ((a - b) * 10.0).round() / 10.0);
        Self {
            before,
            after,
            change,
        }
    }

    pub fn trend(&self) -> Option<Trend> {
        self.change.map(|c| {
            if c > 0.0 {
                Trend::Up
            } else if c < 0.0 {
                Trend::Down
            } else {
                Trend::Same
            }
        })
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StageChange {
    pub before: Option<StageId>,
    pub after: Option<StageId>,
    /// By the stages' order in the questionnaire, when there are both.
    pub trend: Option<Trend>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DimensionChange {
    pub id: DimensionId,
    pub score: ScoreChange,
}

/// An item answered in both, at another level.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LevelChange {
    pub item: QuestionId,
    pub dimension: DimensionId,
    pub before: Level,
    pub after: Level,
}

/// An item, with its dimension.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ItemRef {
    pub item: QuestionId,
    pub dimension: DimensionId,
}

/// What changed from the earlier assessment to the later one. Every list is in the
/// questionnaire's order (the earlier plan's actions in that plan's order).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Comparison {
    pub questionnaire: QuestionnaireRef,
    pub earlier: Assessed,
    pub later: Assessed,
    pub overall: ScoreChange,
    pub stage: StageChange,
    pub dimensions: Vec<DimensionChange>,
    /// Items that apply and are answered in both, at a higher level later.
    pub improved: Vec<LevelChange>,
    /// Items that apply and are answered in both, at a lower level later.
    pub fell_back: Vec<LevelChange>,
    /// Critical gaps of the earlier assessment that the later one, answering the item, no longer
    /// has. A gap whose item stopped applying is in `stopped_applying` instead, and one whose
    /// item is not answered later is in neither: nothing says it was closed.
    pub gaps_closed: Vec<CriticalGap>,
    /// Critical gaps the later assessment has and the earlier did not.
    pub gaps_new: Vec<CriticalGap>,
    /// Recommendations of the earlier plan no longer given because their item's level rose.
    pub done: Vec<RecommendationResult>,
    /// Items that applied to the firm earlier and do not any more (its profile changed).
    pub stopped_applying: Vec<ItemRef>,
    /// Items that did not apply earlier and do now.
    pub started_applying: Vec<ItemRef>,
}

/// One part of the comparison's one sentence ("+7.5 points, still Level 1, 1 critical gap
/// closed"): front ends word each in their language, in this order.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Clause<'a> {
    /// The overall score's change, one decimal.
    Points(f64),
    /// The stage now, and how it moved from the earlier one.
    Stage {
        trend: Trend,
        now: &'a StageId,
    },
    GapsClosed(usize),
    GapsNew(usize),
}

impl Comparison {
    /// What a person reads first of the comparison: the overall change, where the stage went, and
    /// the critical gaps closed and new. A clause with nothing to say is left out (no score on
    /// either side, a stage unknown on either, no gap closed or none new).
    pub fn headline(&self) -> Vec<Clause<'_>> {
        let mut clauses = Vec::new();
        if let Some(change) = self.overall.change {
            clauses.push(Clause::Points(change));
        }
        if let (Some(trend), Some(now)) = (self.stage.trend, &self.stage.after) {
            clauses.push(Clause::Stage { trend, now });
        }
        if !self.gaps_closed.is_empty() {
            clauses.push(Clause::GapsClosed(self.gaps_closed.len()));
        }
        if !self.gaps_new.is_empty() {
            clauses.push(Clause::GapsNew(self.gaps_new.len()));
        }
        clauses
    }
}

fn carry(
    sheet: &AnswerSheet,
    questionnaire: &Questionnaire,
    which: Which,
) -> Result<Assessed, CompareError> {
    let (sheet, carried) = Recovered::of(sheet.clone(), questionnaire)
        .usable()
        .map_err(|error| CompareError { which, error })?;
    Ok(Assessed {
        report: score(questionnaire, &sheet),
        carried,
    })
}

/// The same recommendation in two reports of one questionnaire (it has no id: its item, its
/// countermeasure and its text tell it apart).
fn same(a: &RecommendationResult, b: &RecommendationResult) -> bool {
    a.item == b.item && a.countermeasure == b.countermeasure && a.text == b.text
}

/// Compares two answer sheets of `questionnaire` (or of another version of it, carried over as
/// saved answers are; what could not be is listed in each side's `carried`).
pub fn compare(
    questionnaire: &Questionnaire,
    earlier: &AnswerSheet,
    later: &AnswerSheet,
) -> Result<Comparison, CompareError> {
    let earlier = carry(earlier, questionnaire, Which::Earlier)?;
    let later = carry(later, questionnaire, Which::Later)?;
    let (before, after) = (&earlier.report, &later.report);

    let rank = |stage: &Option<StageId>| {
        stage
            .as_ref()
            .and_then(|id| questionnaire.doc().stages.iter().position(|s| &s.id == id))
    };
    let stage_trend = rank(&before.stage)
        .zip(rank(&after.stage))
        .map(|(b, a)| match a.cmp(&b) {
            std::cmp::Ordering::Greater => Trend::Up,
            std::cmp::Ordering::Equal => Trend::Same,
            std::cmp::Ordering::Less => Trend::Down,
        });

    let dimensions = before
        .dimensions
        .iter()
        .zip(&after.dimensions)
        .map(|(b, a)| DimensionChange {
            id: a.id.clone(),
            score: ScoreChange::of(b.score, a.score),
        })
        .collect();

    let mut improved = Vec::new();
    let mut fell_back = Vec::new();
    let mut stopped_applying = Vec::new();
    let mut started_applying = Vec::new();
    let items = before
        .dimensions
        .iter()
        .zip(&after.dimensions)
        .flat_map(|(bd, ad)| bd.items.iter().zip(&ad.items).map(|(b, a)| (&ad.id, b, a)));
    for (dimension, b, a) in items {
        let item = || ItemRef {
            item: a.id.clone(),
            dimension: dimension.clone(),
        };
        match (b.applicability, a.applicability) {
            (Applicability::Applies, Applicability::NotApplicable) => stopped_applying.push(item()),
            (Applicability::NotApplicable, Applicability::Applies) => started_applying.push(item()),
            _ => {}
        }
        if let (Some(lb), Some(la)) = (b.level, a.level) {
            let change = || LevelChange {
                item: a.id.clone(),
                dimension: dimension.clone(),
                before: lb,
                after: la,
            };
            if la > lb {
                improved.push(change());
            } else if la < lb {
                fell_back.push(change());
            }
        }
    }

    let answered_later = |item: &QuestionId| after.item(item).is_some_and(|i| i.level.is_some());
    let gaps_closed = before
        .critical_gaps
        .iter()
        .filter(|g| !after.critical_gaps.contains(g) && answered_later(&g.item))
        .cloned()
        .collect();
    let gaps_new = after
        .critical_gaps
        .iter()
        .filter(|g| !before.critical_gaps.contains(g))
        .cloned()
        .collect();
    let done = before
        .recommendations
        .iter()
        .filter(|r| {
            !after.recommendations.iter().any(|l| same(r, l))
                && after
                    .item(&r.item)
                    .and_then(|i| i.level)
                    .is_some_and(|level| level > r.level)
        })
        .cloned()
        .collect();

    Ok(Comparison {
        questionnaire: questionnaire.reference(),
        overall: ScoreChange::of(before.overall, after.overall),
        stage: StageChange {
            before: before.stage.clone(),
            after: after.stage.clone(),
            trend: stage_trend,
        },
        dimensions,
        improved,
        fell_back,
        gaps_closed,
        gaps_new,
        done,
        stopped_applying,
        started_applying,
        earlier,
        later,
    })
}
