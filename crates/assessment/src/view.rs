//! The report resolved for reading, in one language: what every front end renders.
//!
//! A [`Report`] holds ids (an item, a dimension, an outcome), so that it stays small, is compared
//! cheaply and can be kept. Reading it means resolving each id against its questionnaire: the
//! dimension's title, the chosen option's label, the gap's rule and legal basis, the outcome's
//! duties. That is done here, so that the web app and the CLI render the same resolved texts and
//! neither looks anything up. A [`ReportView`] borrows the questionnaire and the report and
//! resolves as it is read: making one costs nothing, and no text is copied.
//!
//! [`Outline`] gives the facts about a questionnaire's structure (how many dimensions, which are
//! capped, whether it has critical rules or benchmarks) from which a front end words its own
//! sentences about it.

use crate::answers::AnswerSheet;
use crate::ids::{
    CountermeasureId, DimensionId, Horizon, HsCode, Level, PathId, QuestionId, RouteId, StageId,
};
use crate::model::{Dimension, Item};
use crate::questionnaire::{Questionnaire, QuestionnaireRef};
use crate::score::{
    Applicability, DimensionResult, ExportDecision, ItemResult, Progress, RecommendationResult,
    Report, Standing,
};
use crate::text::{LangTag, Text};
use crate::walk::short_title;

/// What a questionnaire is made of, as far as a sentence about it needs to know.
#[derive(Clone, Debug, PartialEq)]
pub struct Outline<'a> {
    /// Each dimension's title, in order.
    pub dimensions: Vec<&'a str>,
    /// The dimensions a critical gap caps, in order, with their cap.
    pub caps: Vec<Cap<'a>>,
    /// Whether any item can be a critical compliance gap.
    pub critical_rules: bool,
    /// Whether any item has a benchmark from the questionnaire's source.
    pub benchmarks: bool,
}

/// A dimension whose score a critical gap in it holds at or below `cap`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Cap<'a> {
    /// The dimension's [`short_title`], as a sentence names it.
    pub dimension: &'a str,
    pub cap: f64,
}

impl<'a> Outline<'a> {
    pub fn of(questionnaire: &'a Questionnaire, lang: &LangTag) -> Self {
        let mut outline = Outline {
            dimensions: Vec::new(),
            caps: Vec::new(),
            critical_rules: false,
            benchmarks: false,
        };
        for d in &questionnaire.doc().dimensions {
            let title = d.title.get(lang);
            if let Some(cap) = d.critical_cap {
                outline.caps.push(Cap {
                    dimension: short_title(title),
                    cap,
                });
            }
            outline.dimensions.push(title);
            for item in &d.items {
                outline.critical_rules |= item.critical.is_some();
                outline.benchmarks |= item.benchmark.is_some();
            }
        }
        outline
    }

    /// Whether a report names a bottleneck: only where there are dimensions to compare.
    pub fn has_bottleneck(&self) -> bool {
        self.dimensions.len() > 1
    }
}

/// A report with every id resolved, its texts in one language. Made by [`ReportView::new`] from a
/// report and the questionnaire [`crate::score`] made it from; an id the questionnaire does not
/// have (a report of another questionnaire) is left out, never a panic.
#[derive(Clone, Copy, Debug)]
pub struct ReportView<'a> {
    questionnaire: &'a Questionnaire,
    report: &'a Report,
    lang: &'a LangTag,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StageView<'a> {
    pub id: &'a StageId,
    pub label: &'a str,
    /// What reaching this stage means for the firm.
    pub meaning: &'a str,
}

/// One stage of the ladder a score is read against.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rung<'a> {
    pub id: &'a StageId,
    pub label: &'a str,
    /// The lowest overall score in this stage.
    pub min_score: f64,
    /// The firm's stage.
    pub current: bool,
}

/// One answered profile question: whom the report describes.
#[derive(Clone, Debug, PartialEq)]
pub struct ProfileLine<'a> {
    pub id: &'a QuestionId,
    pub question: &'a str,
    /// The chosen options' labels, in the questionnaire's order.
    pub answers: Vec<&'a str>,
    /// The HS codes typed (a question with `hs_codes`), in the order they were added.
    pub codes: Vec<&'a HsCode>,
}

impl ProfileLine<'_> {
    /// The answer as one line: the options' labels, then the codes (`HS 731815`).
    pub fn answer_text(&self) -> String {
        self.answers
            .iter()
            .map(|a| (*a).to_owned())
            .chain(self.codes.iter().map(|c| c.label()))
            .collect::<Vec<_>>()
            .join(" · ")
    }
}

#[derive(Clone, Copy, Debug)]
pub struct DimensionView<'a> {
    pub id: &'a DimensionId,
    pub title: &'a str,
    /// [`short_title`] of the title.
    pub short_title: &'a str,
    pub description: &'a str,
    /// 0–100 after any cap; `None` while no applicable item is answered.
    pub score: Option<f64>,
    /// The score before the cap.
    pub uncapped: Option<f64>,
    /// The cap on this dimension, when a critical gap in it holds (whether or not it lowered the
    /// score).
    pub cap: Option<f64>,
    /// The cap lowered the score.
    pub capped: bool,
    /// The weakest of the dimensions.
    pub bottleneck: bool,
    pub applicable: usize,
    pub answered: usize,
    result: &'a DimensionResult,
    dimension: &'a Dimension,
    lang: &'a LangTag,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ItemView<'a> {
    /// The item's code, e.g. `T1`.
    pub id: &'a QuestionId,
    /// The question.
    pub text: &'a str,
    pub applicability: Applicability,
    /// The chosen option's label, when the item applies and is answered.
    pub answer: Option<&'a str>,
    pub level: Option<Level>,
    pub target: Level,
    pub critical: bool,
    /// The benchmark, when the item has one that fits this firm.
    pub benchmark: Option<BenchmarkView<'a>>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BenchmarkView<'a> {
    pub text: &'a str,
    /// Where in the source it is, e.g. `§1.2`.
    pub section: &'a str,
    /// Where the answer stands against it, when they can be compared.
    pub standing: Option<Standing>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GapView<'a> {
    /// The item whose answer is the gap.
    pub item: &'a QuestionId,
    /// The rule's text: what is missing and what it risks.
    pub text: &'a str,
    /// Law and article.
    pub basis: &'a str,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PathView<'a> {
    Decided(OutcomeView<'a>),
    /// A profile answer the rules need is missing.
    Pending,
    /// No rule held: the questionnaire's rules do not cover this profile.
    Uncovered,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct OutcomeView<'a> {
    pub id: &'a PathId,
    pub title: &'a str,
    pub summary: &'a str,
    /// Why the rule that held gives this outcome.
    pub reason: &'a str,
    /// Law and article.
    pub basis: &'a str,
    /// The firm must act (file, apply) before it sends data on this path.
    pub procedure_required: bool,
    duties: &'a [Text],
    lang: &'a LangTag,
}

impl<'a> OutcomeView<'a> {
    /// What the firm must still do on this path.
    pub fn duties(&self) -> impl ExactSizeIterator<Item = &'a str> + use<'a> {
        let lang = self.lang;
        self.duties.iter().map(move |d| d.get(lang))
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RouteView<'a> {
    pub id: &'a RouteId,
    pub title: &'a str,
    pub text: &'a str,
    pub basis: &'a str,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RecommendationView<'a> {
    /// The item whose answer calls for it.
    pub item: &'a QuestionId,
    /// Why it is given: the level answered, below the target.
    pub level: Level,
    pub target: Level,
    pub text: &'a str,
    pub countermeasure: Option<CountermeasureView<'a>>,
    pub horizon: Horizon,
    /// weight × (target − level).
    pub priority: f64,
    /// Its item is a critical gap.
    pub critical: bool,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CountermeasureView<'a> {
    pub id: &'a CountermeasureId,
    /// The source's section, e.g. `§3.1`.
    pub section: &'a str,
    pub title: &'a str,
}

impl<'a> ReportView<'a> {
    pub fn new(questionnaire: &'a Questionnaire, report: &'a Report, lang: &'a LangTag) -> Self {
        ReportView {
            questionnaire,
            report,
            lang,
        }
    }

    fn t(&self, text: &'a Text) -> &'a str {
        text.get(self.lang)
    }

    pub fn lang(&self) -> &'a LangTag {
        self.lang
    }

    /// Which questionnaire, in which version.
    pub fn reference(&self) -> &'a QuestionnaireRef {
        &self.report.questionnaire
    }

    pub fn title(&self) -> &'a str {
        self.t(&self.questionnaire.doc().title)
    }

    /// The work the criteria and benchmarks come from.
    pub fn source(&self) -> &'a str {
        self.t(&self.questionnaire.doc().source)
    }

    pub fn disclaimer(&self) -> &'a str {
        self.t(&self.questionnaire.doc().disclaimer)
    }

    pub fn outline(&self) -> Outline<'a> {
        Outline::of(self.questionnaire, self.lang)
    }

    /// Every applicable question is answered and the export path is decided.
    pub fn complete(&self) -> bool {
        self.report.complete
    }

    /// Questions still to answer, in the order they are asked.
    pub fn missing(&self) -> &'a [QuestionId] {
        &self.report.missing
    }

    pub fn progress(&self) -> Progress {
        self.report.progress
    }

    /// 0–100; `None` while no dimension has a score.
    pub fn overall(&self) -> Option<f64> {
        self.report.overall
    }

    pub fn stage(&self) -> Option<StageView<'a>> {
        let stage = self.questionnaire.stage(self.report.stage.as_ref()?)?;
        Some(StageView {
            id: &stage.id,
            label: self.t(&stage.label),
            meaning: self.t(&stage.meaning),
        })
    }

    /// Every stage of the questionnaire, lowest first, with its threshold and whether the firm
    /// stands on it: the ladder a score is read against.
    pub fn ladder(&self) -> Vec<Rung<'a>> {
        let current = self.report.stage.as_ref();
        self.questionnaire
            .doc()
            .stages
            .iter()
            .map(|stage| Rung {
                id: &stage.id,
                label: self.t(&stage.label),
                min_score: stage.min_score,
                current: current == Some(&stage.id),
            })
            .collect()
    }

    /// The stage above the firm's and how many points its overall score lacks to reach it;
    /// `None` at the top, or while there is no score.
    pub fn next_stage(&self) -> Option<(StageView<'a>, f64)> {
        let overall = self.report.overall?;
        let next = self
            .questionnaire
            .doc()
            .stages
            .iter()
            .filter(|s| s.min_score > overall)
            .min_by(|a, b| a.min_score.total_cmp(&b.min_score))?;
        // Rounded to the one decimal every score is shown with, so that the gap and the two
        // scores it is the difference of agree as read.
        let points = ((next.min_score - overall) * 10.0).round() / 10.0;
        Some((
            StageView {
                id: &next.id,
                label: self.t(&next.label),
                meaning: self.t(&next.meaning),
            },
            points,
        ))
    }

    /// Whom the report describes: each answered profile question asked of every firm (not those
    /// that follow from another answer), with the chosen options' labels; and a question that
    /// takes HS codes when the firm typed some (its options and the codes: the goods a printed
    /// report's reader cannot find in any list). An adviser reading a printed report finds the
    /// firm's sector, size, markets and region here.
    pub fn profile(&self, sheet: &'a AnswerSheet) -> Vec<ProfileLine<'a>> {
        self.questionnaire
            .doc()
            .profile
            .iter()
            .filter_map(|q| {
                let answer = sheet.get(&q.id)?;
                if q.applies_when.is_some() && answer.codes().is_empty() {
                    return None;
                }
                let chosen = answer.chosen();
                let answers: Vec<&'a str> = q
                    .options
                    .iter()
                    .filter(|o| chosen.contains(&o.id))
                    .map(|o| self.t(&o.label))
                    .collect();
                let codes: Vec<&'a HsCode> = answer.codes().iter().collect();
                (!answers.is_empty() || !codes.is_empty()).then(|| ProfileLine {
                    id: &q.id,
                    question: self.t(&q.text),
                    answers,
                    codes,
                })
            })
            .collect()
    }

    pub fn dimensions(self) -> impl Iterator<Item = DimensionView<'a>> {
        // `score` reports the dimensions and items in the questionnaire's order; the ids are
        // compared all the same, so that a report of another questionnaire shows nothing wrong.
        let doc = self.questionnaire.doc();
        doc.dimensions
            .iter()
            .zip(&self.report.dimensions)
            .filter(|(d, r)| d.id == r.id)
            .map(move |(d, r)| self.dimension(d, r))
    }

    fn dimension(self, dimension: &'a Dimension, result: &'a DimensionResult) -> DimensionView<'a> {
        let title = self.t(&dimension.title);
        let gap = result.items.iter().any(|i| i.critical);
        DimensionView {
            id: &result.id,
            title,
            short_title: short_title(title),
            description: self.t(&dimension.description),
            score: result.score,
            uncapped: result.uncapped,
            cap: dimension.critical_cap.filter(|_| gap),
            capped: result.capped,
            bottleneck: self.report.bottleneck.as_ref() == Some(&result.id),
            applicable: result.applicable,
            answered: result.answered,
            result,
            dimension,
            lang: self.lang,
        }
    }

    /// The weakest dimension, if the report names one.
    pub fn bottleneck(self) -> Option<DimensionView<'a>> {
        self.dimensions().find(|d| d.bottleneck)
    }

    /// The dimensions whose score a critical gap of this report caps, with the cap.
    pub fn gap_caps(self) -> Vec<Cap<'a>> {
        self.dimensions()
            .filter_map(|d| {
                d.cap.map(|cap| Cap {
                    dimension: d.short_title,
                    cap,
                })
            })
            .collect()
    }

    /// Whether the questionnaire has benchmarks to show beside answers.
    pub fn has_benchmarks(&self) -> bool {
        self.questionnaire
            .items()
            .any(|(_, i)| i.benchmark.is_some())
    }

    /// In questionnaire order.
    pub fn critical_gaps(self) -> impl Iterator<Item = GapView<'a>> {
        self.report.critical_gaps.iter().filter_map(move |gap| {
            let (_, item) = self.questionnaire.item(&gap.item)?;
            let rule = item.critical.as_ref()?;
            Some(GapView {
                item: &gap.item,
                text: self.t(&rule.text),
                basis: self.t(&rule.basis),
            })
        })
    }

    pub fn export_path(&self) -> PathView<'a> {
        match &self.report.export_path {
            ExportDecision::Decided { outcome, reason } => {
                match self.questionnaire.outcome(outcome) {
                    Some(o) => PathView::Decided(OutcomeView {
                        id: outcome,
                        title: self.t(&o.title),
                        summary: self.t(&o.summary),
                        reason: self.t(reason),
                        basis: self.t(&o.basis),
                        procedure_required: o.procedure_required,
                        duties: &o.duties,
                        lang: self.lang,
                    }),
                    None => PathView::Uncovered,
                }
            }
            ExportDecision::Pending => PathView::Pending,
            ExportDecision::Uncovered => PathView::Uncovered,
        }
    }

    /// Further data-export routes open to this firm.
    pub fn routes(self) -> impl Iterator<Item = RouteView<'a>> {
        self.report.routes.iter().filter_map(move |id| {
            let r = self.questionnaire.route(id)?;
            Some(RouteView {
                id: &r.id,
                title: self.t(&r.title),
                text: self.t(&r.text),
                basis: self.t(&r.basis),
            })
        })
    }

    /// Critical first, then by priority, highest first.
    pub fn recommendations(self) -> impl Iterator<Item = RecommendationView<'a>> {
        self.report
            .recommendations
            .iter()
            .map(move |r| self.recommendation(r))
    }

    fn recommendation(self, r: &'a RecommendationResult) -> RecommendationView<'a> {
        RecommendationView {
            item: &r.item,
            level: r.level,
            target: r.target,
            text: self.t(&r.text),
            countermeasure: self
                .questionnaire
                .countermeasure(&r.countermeasure)
                .map(|c| CountermeasureView {
                    id: &c.id,
                    section: &c.section,
                    title: self.t(&c.title),
                }),
            horizon: r.horizon,
            priority: r.priority,
            critical: r.critical,
        }
    }

    /// The action plan's horizons in order, with their names.
    pub fn horizons(self) -> impl Iterator<Item = (Horizon, &'a str)> {
        Horizon::ALL
            .into_iter()
            .map(move |h| (h, self.horizon_label(h)))
    }

    /// The name of a horizon of the action plan.
    pub fn horizon_label(&self, horizon: Horizon) -> &'a str {
        self.t(self.questionnaire.doc().horizons.get(horizon))
    }
}

impl<'a> DimensionView<'a> {
    /// The dimension's items in order, each with its answer resolved.
    pub fn items(&self) -> impl Iterator<Item = ItemView<'a>> + use<'a> {
        let lang = self.lang;
        self.dimension
            .items
            .iter()
            .zip(&self.result.items)
            .filter(|(item, r)| item.id == r.id)
            .map(move |(item, r)| item_view(item, r, lang))
    }
}

fn item_view<'a>(item: &'a Item, r: &'a ItemResult, lang: &'a LangTag) -> ItemView<'a> {
    let answer = r
        .answer
        .as_ref()
        .and_then(|chosen| item.options.iter().find(|o| &o.id == chosen));
    ItemView {
        id: &r.id,
        text: item.text.get(lang),
        applicability: r.applicability,
        answer: answer.map(|o| o.label.get(lang)),
        level: r.level,
        target: r.target,
        critical: r.critical,
        benchmark: match (&item.benchmark, &r.benchmark) {
            (Some(b), Some(shown)) => Some(BenchmarkView {
                text: b.text.get(lang),
                section: &b.section,
                standing: shown.standing,
            }),
            _ => None,
        },
    }
}
