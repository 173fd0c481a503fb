//! A [`Comparison`] resolved in one language, as [`ReportView`] resolves a report: every name a
//! front end shows (a dimension's title, a stage's label, an item's question, a gap's rule, an
//! action's text) with the figures beside it, so that no front end looks an item up by id. The app's
//! comparison section and `assess compare` both render it.

use crate::compare::{Comparison, ScoreChange};
use crate::ids::{DimensionId, Level, QuestionId};
use crate::questionnaire::Questionnaire;
use crate::text::LangTag;
use crate::view::{ReportView, StageView};

#[derive(Clone, Copy, Debug)]
pub struct ComparisonView<'a> {
    questionnaire: &'a Questionnaire,
    comparison: &'a Comparison,
    lang: &'a LangTag,
    earlier: ReportView<'a>,
    later: ReportView<'a>,
}

/// A dimension's score before and after.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DimensionRow<'a> {
    pub id: &'a DimensionId,
    pub title: &'a str,
    pub short_title: &'a str,
    pub score: &'a ScoreChange,
}

/// An item answered in both, at another level.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LevelRow<'a> {
    pub item: &'a QuestionId,
    /// The question.
    pub text: &'a str,
    pub before: Level,
    pub after: Level,
}

/// An item, a critical gap or an earlier action, with its text: the question, the gap's rule, or
/// the action.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ItemRow<'a> {
    pub item: &'a QuestionId,
    pub text: &'a str,
}

impl<'a> ComparisonView<'a> {
    pub fn new(
        questionnaire: &'a Questionnaire,
        comparison: &'a Comparison,
        lang: &'a LangTag,
    ) -> Self {
        Self {
            questionnaire,
            comparison,
            lang,
            earlier: ReportView::new(questionnaire, &comparison.earlier.report, lang),
            later: ReportView::new(questionnaire, &comparison.later.report, lang),
        }
    }

    /// The comparison's figures and what was carried over.
    pub fn comparison(&self) -> &'a Comparison {
        self.comparison
    }

    /// The earlier assessment's report, resolved.
    pub fn earlier(&self) -> ReportView<'a> {
        self.earlier
    }

    /// The later assessment's report, resolved.
    pub fn later(&self) -> ReportView<'a> {
        self.later
    }

    pub fn overall(&self) -> &'a ScoreChange {
        &self.comparison.overall
    }

    /// Each dimension of the questionnaire, in its order, with its names.
    pub fn dimensions(&self) -> impl Iterator<Item = DimensionRow<'a>> + use<'a> {
        let later = self.later;
        let changes = &self.comparison.dimensions;
        changes.iter().filter_map(move |change| {
            let view = later.dimensions().find(|d| *d.id == change.id)?;
            Some(DimensionRow {
                id: &change.id,
                title: view.title,
                short_title: view.short_title,
                score: &change.score,
            })
        })
    }

    /// The stage before and after.
    pub fn stages(&self) -> (Option<StageView<'a>>, Option<StageView<'a>>) {
        (self.earlier.stage(), self.later.stage())
    }

    /// The question of an item, in this language ("" for an id the questionnaire lacks).
    fn question(&self, item: &QuestionId) -> &'a str {
        self.questionnaire
            .item(item)
            .map_or("", |(_, item)| item.text.get(self.lang))
    }

    fn levels(&self, list: &'a [crate::compare::LevelChange]) -> Vec<LevelRow<'a>> {
        list.iter()
            .map(|c| LevelRow {
                item: &c.item,
                text: self.question(&c.item),
                before: c.before,
                after: c.after,
            })
            .collect()
    }

    /// Items answered at a higher level later.
    pub fn improved(&self) -> Vec<LevelRow<'a>> {
        self.levels(&self.comparison.improved)
    }

    /// Items answered at a lower level later.
    pub fn fell_back(&self) -> Vec<LevelRow<'a>> {
        self.levels(&self.comparison.fell_back)
    }

    fn gaps(view: ReportView<'a>, ids: &[&QuestionId]) -> Vec<ItemRow<'a>> {
        view.critical_gaps()
            .filter(|g| ids.contains(&g.item))
            .map(|g| ItemRow {
                item: g.item,
                text: g.text,
            })
            .collect()
    }

    /// The critical gaps of the earlier assessment that are closed, with their rules.
    pub fn gaps_closed(&self) -> Vec<ItemRow<'a>> {
        let ids: Vec<&QuestionId> = self
            .comparison
            .gaps_closed
            .iter()
            .map(|g| &g.item)
            .collect();
        Self::gaps(self.earlier, &ids)
    }

    /// The critical gaps of the later assessment that are new, with their rules.
    pub fn gaps_new(&self) -> Vec<ItemRow<'a>> {
        let ids: Vec<&QuestionId> = self.comparison.gaps_new.iter().map(|g| &g.item).collect();
        Self::gaps(self.later, &ids)
    }

    /// The earlier plan's actions now done, with their texts.
    pub fn done(&self) -> Vec<ItemRow<'a>> {
        self.comparison
            .done
            .iter()
            .map(|r| ItemRow {
                item: &r.item,
                text: r.text.get(self.lang),
            })
            .collect()
    }

    fn items(&self, list: &'a [crate::compare::ItemRef]) -> Vec<ItemRow<'a>> {
        list.iter()
            .map(|i| ItemRow {
                item: &i.item,
                text: self.question(&i.item),
            })
            .collect()
    }

    /// Items that applied earlier and no longer do.
    pub fn stopped_applying(&self) -> Vec<ItemRow<'a>> {
        self.items(&self.comparison.stopped_applying)
    }

    /// Items that apply now and did not earlier.
    pub fn started_applying(&self) -> Vec<ItemRow<'a>> {
        self.items(&self.comparison.started_applying)
    }
}
