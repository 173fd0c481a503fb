//! The result record: one assessment's result as a small, versioned JSON document, for an
//! association to count its members by (`docs/cohort.md`).
//!
//! It holds what a cohort's figures need and nothing that names or describes the firm in its own
//! words: the questionnaire and version, the date, three coarse profile codes (region, sector,
//! size band), the scores, stage, bottleneck, critical gaps, data-export path and the top
//! recommendations' items and countermeasures; the answers only when the member consented. There
//! is no field for a name or free text, and unknown fields are refused, so none can ride along.
//!
//! A record read from outside is hostile input: [`import`] checks it field by field against the
//! questionnaire (every code one of its options, every id one of its ids, scores in 0–100 with one
//! decimal, the stage the one its overall score falls in) and, when it carries answers, that its
//! figures are what those answers score. An answers file is accepted in its place and scored.
//!
//! A record made under an association's customisation (its sections and weights) says what it
//! changed, and is counted only by a questionnaire loaded with the same: otherwise its figures
//! would be counted, or checked, against weights they were not scored with.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::answers::{AnswerSheet, AnswersError, ANSWERED_TWICE, ANSWERS_FORMAT};
use crate::customise::Customisation;
use crate::date::Date;
use crate::ids::{CountermeasureId, DimensionId, OptionId, PathId, QuestionId, StageId};
use crate::lang::Lang;
use crate::limits::list_capped;
use crate::questionnaire::{Questionnaire, QuestionnaireRef};
use crate::score::{score, ExportDecision, Report};
use crate::text::LangTag;

/// The `format` tag of a result record. A change that a reader of this version would misread
/// gets a new number.
pub const RECORD_FORMAT: &str = "exporter-assessment/result@1";

/// How many of the report's recommendations, in rank order, a record keeps.
pub const TOP_RECOMMENDATIONS: usize = 3;

/// The fixed groupings of a cohort, each read from one single-choice profile question. Fixed in
/// the core on purpose: a free filter could narrow a group down to one firm. A questionnaire
/// without the question (an association's own) puts every member in "not given".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Grouping {
    Region,
    Sector,
    /// The size band: the employee band, the coarsest size the profile asks.
    Size,
}

impl Grouping {
    pub const ALL: [Grouping; 3] = [Grouping::Region, Grouping::Sector, Grouping::Size];

    /// The profile question the grouping reads.
    pub fn question(self) -> QuestionId {
        QuestionId::from(match self {
            Grouping::Region => "P.region",
            Grouping::Sector => "P.sector",
            Grouping::Size => "P.employees",
        })
    }

    /// Its name in files (JSON, CSV).
    pub fn name(self) -> &'static str {
        match self {
            Grouping::Region => "region",
            Grouping::Sector => "sector",
            Grouping::Size => "size",
        }
    }

    /// Its name in a Chinese sentence.
    fn name_in_chinese(self) -> &'static str {
        match self {
            Grouping::Region => "地区",
            Grouping::Sector => "行业",
            Grouping::Size => "规模档次",
        }
    }

    /// The options of its question in `questionnaire`, in order; none if the questionnaire does
    /// not ask it as a single-choice question.
    pub fn codes(self, questionnaire: &Questionnaire) -> Vec<OptionId> {
        match questionnaire.question(&self.question()) {
            Some(q) if !q.multiple() => q.options().into_iter().map(|(id, _)| id.clone()).collect(),
            _ => Vec::new(),
        }
    }
}

/// The coarse profile: one option id per grouping, or nothing when it was not answered.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Profile {
    pub region: Option<OptionId>,
    pub sector: Option<OptionId>,
    pub size: Option<OptionId>,
}

impl Profile {
    pub fn get(&self, grouping: Grouping) -> Option<&OptionId> {
        match grouping {
            Grouping::Region => self.region.as_ref(),
            Grouping::Sector => self.sector.as_ref(),
            Grouping::Size => self.size.as_ref(),
        }
    }

    fn slot(&mut self, grouping: Grouping) -> &mut Option<OptionId> {
        match grouping {
            Grouping::Region => &mut self.region,
            Grouping::Sector => &mut self.sector,
            Grouping::Size => &mut self.size,
        }
    }
}

/// A score from 0 to 100 in tenths, as reports round them: only such a value can be held, so a
/// cohort counts exact values and a file cannot bring 1e308 or NaN into a mean.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Score(u16);

impl Score {
    pub const MAX_TENTHS: u16 = 1000;

    /// The score of a report's value (already rounded to one decimal), if it is one.
    pub fn from_points(points: f64) -> Option<Self> {
        let tenths = (points * 10.0).round();
        (points.is_finite()
            && (0.0..=f64::from(Self::MAX_TENTHS)).contains(&tenths)
            && (points * 10.0 - tenths).abs() < 1e-6)
            .then_some(Score(tenths as u16))
    }

    pub fn tenths(self) -> u16 {
        self.0
    }

    pub fn points(self) -> f64 {
        f64::from(self.0) / 10.0
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Score {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Score".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        // "At most one decimal" is not written as `multipleOf: 0.1`: in binary floating point
        // validators refuse 0.3 by it, or not, each its own way.
        schemars::json_schema!({
            "description": "A score from 0 to 100 with at most one decimal.",
            "type": "number",
            "minimum": 0,
            "maximum": 100
        })
    }
}

impl Serialize for Score {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_f64(self.points())
    }
}

impl<'de> Deserialize<'de> for Score {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let points = f64::deserialize(deserializer)?;
        Score::from_points(points).ok_or_else(|| {
            serde::de::Error::custom(format_args!(
                "{points} is not a score: scores are 0–100 with at most one decimal"
            ))
        })
    }
}

/// One dimension's score (after any cap), or none while none of its items is answered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DimensionScore {
    pub id: DimensionId,
    pub score: Option<Score>,
}

/// The data-export path, as the record keeps it: the outcome's id, or why there is none.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", tag = "status", deny_unknown_fields)]
pub enum PathStatus {
    Decided { outcome: PathId },
    Pending,
    Uncovered,
}

impl From<&ExportDecision> for PathStatus {
    fn from(decision: &ExportDecision) -> Self {
        match decision {
            ExportDecision::Decided { outcome, .. } => PathStatus::Decided {
                outcome: outcome.clone(),
            },
            ExportDecision::Pending => PathStatus::Pending,
            ExportDecision::Uncovered => PathStatus::Uncovered,
        }
    }
}

/// A recommendation as a record names it: its item and countermeasure (it has no id; its text is
/// the questionnaire's and stays there).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RecommendationRef {
    pub item: QuestionId,
    pub countermeasure: CountermeasureId,
}

/// One assessment's result. See the module's documentation and `docs/cohort.md`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ResultRecord {
    /// Always [`RECORD_FORMAT`].
    #[cfg_attr(
        feature = "schema",
        schemars(description = "Always `exporter-assessment/result@1`.", extend("const" = RECORD_FORMAT))
    )]
    pub format: String,
    pub questionnaire: QuestionnaireRef,
    /// The sections and weights an association's config changed, when it changed any
    /// ([`Questionnaire::customisation`]): the figures were scored with them, so the record is
    /// counted only with the same config. Absent for the questionnaire as its file has it (and in
    /// every record made before the field existed, which were all made so or refused).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "schema",
        schemars(
            description = "The sections and weights an association's config changed, when it \
            changed any: the figures were scored with them, so the record is counted only with the \
            same config. Absent for the questionnaire as its file has it."
        )
    )]
    pub customisation: Option<Customisation>,
    /// The day of the assessment; none for a record made from an answers file, which has none.
    pub date: Option<Date>,
    pub profile: Profile,
    /// Every applicable question answered and the export path decided.
    pub complete: bool,
    pub overall: Option<Score>,
    pub stage: Option<StageId>,
    pub bottleneck: Option<DimensionId>,
    /// Every dimension of the questionnaire, in its order.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub dimensions: Vec<DimensionScore>,
    /// The items with a critical gap, in questionnaire order, each once.
    #[cfg_attr(feature = "schema", schemars(extend("uniqueItems" = true)))]
    pub critical_gaps: Vec<QuestionId>,
    pub export_path: PathStatus,
    /// The first [`TOP_RECOMMENDATIONS`] different recommendations in the report's rank order.
    #[cfg_attr(
        feature = "schema",
        schemars(
            description = "The first three different recommendations in the report's rank order.",
            length(max = TOP_RECOMMENDATIONS),
            extend("uniqueItems" = true)
        )
    )]
    pub top_recommendations: Vec<RecommendationRef>,
    /// The member's answers document, only when the member ticked that it may be shared.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answers: Option<AnswerSheet>,
}

impl ResultRecord {
    /// The record of `report`, scored from `sheet` on `date`; the answers go in only when the
    /// member consented (`share_answers`).
    pub fn new(
        questionnaire: &Questionnaire,
        sheet: &AnswerSheet,
        report: &Report,
        date: Option<Date>,
        share_answers: bool,
    ) -> Self {
        let mut profile = Profile::default();
        for grouping in Grouping::ALL {
            let codes = grouping.codes(questionnaire);
            *profile.slot(grouping) =
                sheet
                    .get(&grouping.question())
                    .and_then(|a| match a.chosen() {
                        [one] if codes.contains(one) => Some(one.clone()),
                        _ => None,
                    });
        }
        let score_of = |s: Option<f64>| s.and_then(Score::from_points);
        ResultRecord {
            format: RECORD_FORMAT.to_owned(),
            questionnaire: report.questionnaire.clone(),
            customisation: Some(questionnaire.customisation())
                .filter(|c| !c.is_empty())
                .cloned(),
            date,
            profile,
            complete: report.complete,
            overall: score_of(report.overall),
            stage: report.stage.clone(),
            bottleneck: report.bottleneck.clone(),
            dimensions: report
                .dimensions
                .iter()
                .map(|d| DimensionScore {
                    id: d.id.clone(),
                    score: score_of(d.score),
                })
                .collect(),
            critical_gaps: report
                .critical_gaps
                .iter()
                .map(|g| g.item.clone())
                .collect(),
            export_path: PathStatus::from(&report.export_path),
            top_recommendations: top_recommendations(report),
            answers: share_answers.then(|| sheet.clone()),
        }
    }

    /// Scores an answers sheet (already checked against `questionnaire`) into the record of its
    /// answers, with its date and the answers themselves: what a cohort keeps of an answers file
    /// (the app's own record of the same assessment is dated; the answers tell which items were
    /// asked, [`ResultRecord::gaps`]).
    pub fn scored(questionnaire: &Questionnaire, sheet: &AnswerSheet) -> Self {
        Self::new(
            questionnaire,
            sheet,
            &score(questionnaire, sheet),
            sheet.date,
            true,
        )
    }

    /// For each item of `questionnaire` with a critical rule, in its order, whether this record
    /// has the gap: `Some(true)` when it lists it; `Some(false)` when the item applied and was
    /// answered without it; `None` when the item did not apply or was not answered, or when the
    /// record carries no answers to tell (a record lists its gaps, not the items it was asked).
    /// A rate of gaps among the firms asked counts only the known ones.
    #[cfg(feature = "cohort")]
    pub fn gaps(&self, questionnaire: &Questionnaire) -> Vec<(QuestionId, Option<bool>)> {
        let answered: Vec<QuestionId> = self.answers.as_ref().map_or_else(Vec::new, |sheet| {
            score(questionnaire, sheet)
                .dimensions
                .into_iter()
                .flat_map(|d| d.items)
                .filter(|i| i.level.is_some())
                .map(|i| i.id)
                .collect()
        });
        questionnaire
            .items()
            .filter(|(_, item)| item.critical.is_some())
            .map(|(_, item)| {
                let known = if self.critical_gaps.contains(&item.id) {
                    Some(true)
                } else {
                    answered.contains(&item.id).then_some(false)
                };
                (item.id.clone(), known)
            })
            .collect()
    }

    pub fn to_json(&self) -> String {
        crate::json::to_json(self)
    }

    /// Everything in the record that does not fit `questionnaire` (which it names).
    fn problems(&self, questionnaire: &Questionnaire) -> Vec<RecordProblem> {
        let doc = questionnaire.doc();
        let mut problems = Vec::new();
        for grouping in Grouping::ALL {
            if let Some(code) = self.profile.get(grouping) {
                if !grouping.codes(questionnaire).contains(code) {
                    problems.push(RecordProblem::UnknownCode {
                        grouping,
                        code: code.clone(),
                    });
                }
            }
        }
        let expected: Vec<&DimensionId> = doc.dimensions.iter().map(|d| &d.id).collect();
        let found: Vec<&DimensionId> = self.dimensions.iter().map(|d| &d.id).collect();
        if expected != found {
            problems.push(RecordProblem::Dimensions {
                expected: expected.into_iter().cloned().collect(),
                found: found.into_iter().cloned().collect(),
            });
        }
        // The stage is the one the overall score falls in (none without a score).
        let stage_of_overall = self.overall.and_then(|o| {
            doc.stages
                .iter()
                .rev()
                .find(|s| o.points() >= s.min_score)
                .map(|s| s.id.clone())
        });
        if self.stage != stage_of_overall {
            problems.push(RecordProblem::Stage {
                stage: self.stage.clone(),
                expected: stage_of_overall,
            });
        }
        if let Some(b) = &self.bottleneck {
            if questionnaire.dimension(b).is_none() {
                problems.push(RecordProblem::UnknownDimension(b.clone()));
            }
        }
        let mut previous: Option<usize> = None;
        for gap in &self.critical_gaps {
            let position = questionnaire
                .items()
                .position(|(_, item)| &item.id == gap && item.critical.is_some());
            match position {
                None => problems.push(RecordProblem::NotCritical(gap.clone())),
                Some(p) if previous.is_some_and(|q| q >= p) => {
                    problems.push(RecordProblem::GapsOutOfOrder(gap.clone()))
                }
                Some(p) => previous = Some(p),
            }
        }
        if let PathStatus::Decided { outcome } = &self.export_path {
            if questionnaire.outcome(outcome).is_none() {
                problems.push(RecordProblem::UnknownOutcome(outcome.clone()));
            }
        }
        if self.top_recommendations.len() > TOP_RECOMMENDATIONS {
            problems.push(RecordProblem::TooManyRecommendations(
                self.top_recommendations.len(),
            ));
        }
        for (i, r) in self.top_recommendations.iter().enumerate() {
            if self.top_recommendations[..i].contains(r) {
                problems.push(RecordProblem::RepeatedRecommendation(r.clone()));
            }
            let exists = questionnaire.item(&r.item).is_some_and(|(_, item)| {
                item.recommendations
                    .iter()
                    .any(|rec| rec.countermeasure == r.countermeasure)
            });
            if !exists {
                problems.push(RecordProblem::UnknownRecommendation(r.clone()));
            }
        }
        problems
    }
}

/// The first [`TOP_RECOMMENDATIONS`] different recommendations in rank order: an item can give two
/// texts of one countermeasure, which a cohort counts once per member.
fn top_recommendations(report: &Report) -> Vec<RecommendationRef> {
    let mut top: Vec<RecommendationRef> = Vec::new();
    for r in &report.recommendations {
        let key = RecommendationRef {
            item: r.item.clone(),
            countermeasure: r.countermeasure.clone(),
        };
        if top.len() == TOP_RECOMMENDATIONS {
            break;
        }
        if !top.contains(&key) {
            top.push(key);
        }
    }
    top
}

/// One thing in a result record that does not fit its questionnaire.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecordProblem {
    UnknownCode {
        grouping: Grouping,
        code: OptionId,
    },
    Dimensions {
        expected: Vec<DimensionId>,
        found: Vec<DimensionId>,
    },
    Stage {
        stage: Option<StageId>,
        expected: Option<StageId>,
    },
    UnknownDimension(DimensionId),
    NotCritical(QuestionId),
    GapsOutOfOrder(QuestionId),
    UnknownOutcome(PathId),
    TooManyRecommendations(usize),
    UnknownRecommendation(RecommendationRef),
    RepeatedRecommendation(RecommendationRef),
    /// The record carries answers, and they do not score to its figures.
    DisagreesWithAnswers,
}

fn ids<T: fmt::Display>(ids: &[T]) -> String {
    let list: Vec<String> = ids.iter().map(|i| format!("\"{i}\"")).collect();
    if list.is_empty() {
        "none".to_owned()
    } else {
        list.join(", ")
    }
}

fn or_none<T: fmt::Display>(value: &Option<T>) -> String {
    value
        .as_ref()
        .map_or_else(|| "none".to_owned(), |v| format!("\"{v}\""))
}

impl fmt::Display for RecordProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RecordProblem::UnknownCode { grouping, code } => write!(
                f,
                "its {} \"{code}\" is not an option of question \"{}\"",
                grouping.name(),
                grouping.question()
            ),
            RecordProblem::Dimensions { expected, found } => write!(
                f,
                "it scores the dimensions {} where the questionnaire has {}",
                ids(found),
                ids(expected)
            ),
            RecordProblem::Stage { stage, expected } => write!(
                f,
                "its stage is {} but its overall score is in stage {}",
                or_none(stage),
                or_none(expected)
            ),
            RecordProblem::UnknownDimension(d) => {
                write!(
                    f,
                    "its bottleneck \"{d}\" is not a dimension of the questionnaire"
                )
            }
            RecordProblem::NotCritical(q) => {
                write!(
                    f,
                    "its critical gap \"{q}\" is not an item with a critical rule"
                )
            }
            RecordProblem::GapsOutOfOrder(q) => write!(
                f,
                "its critical gap \"{q}\" is repeated or out of the questionnaire's order"
            ),
            RecordProblem::UnknownOutcome(p) => {
                write!(
                    f,
                    "its data-export path \"{p}\" is not an outcome of the questionnaire"
                )
            }
            RecordProblem::TooManyRecommendations(n) => write!(
                f,
                "it lists {n} top recommendations; a record keeps at most {TOP_RECOMMENDATIONS}"
            ),
            RecordProblem::UnknownRecommendation(r) => write!(
                f,
                "item \"{}\" has no recommendation of countermeasure \"{}\"",
                r.item, r.countermeasure
            ),
            RecordProblem::RepeatedRecommendation(r) => write!(
                f,
                "it lists the recommendation of item \"{}\" and countermeasure \"{}\" twice",
                r.item, r.countermeasure
            ),
            RecordProblem::DisagreesWithAnswers => f.write_str(
                "its figures are not what its answers score: the file was changed after it was \
                 made; ask the member for the file again",
            ),
        }
    }
}

/// `ids` as a Chinese list: “a”、“b”, or 无.
fn ids_in_chinese<T: fmt::Display>(ids: &[T]) -> String {
    let list: Vec<String> = ids.iter().map(|i| format!("“{i}”")).collect();
    if list.is_empty() {
        "无".to_owned()
    } else {
        list.join("、")
    }
}

fn or_none_in_chinese<T: fmt::Display>(value: &Option<T>) -> String {
    value
        .as_ref()
        .map_or_else(|| "无".to_owned(), |v| format!("“{v}”"))
}

impl RecordProblem {
    /// The problem in `lang` (`Display` is the English). Ids are shown as found.
    pub fn message(&self, lang: &LangTag) -> String {
        if Lang::of(lang) == Lang::En {
            return self.to_string();
        }
        match self {
            RecordProblem::UnknownCode { grouping, code } => format!(
                "其{}“{code}”不是题目“{}”的选项",
                grouping.name_in_chinese(),
                grouping.question()
            ),
            RecordProblem::Dimensions { expected, found } => format!(
                "其评分的维度为{}，而问卷的维度为{}",
                ids_in_chinese(found),
                ids_in_chinese(expected)
            ),
            RecordProblem::Stage { stage, expected } => format!(
                "其阶段为{}，但其总分属于阶段{}",
                or_none_in_chinese(stage),
                or_none_in_chinese(expected)
            ),
            RecordProblem::UnknownDimension(d) => format!("其短板“{d}”不是问卷中的维度"),
            RecordProblem::NotCritical(q) => {
                format!("其严重合规缺口“{q}”不是带有严重合规规则的题目")
            }
            RecordProblem::GapsOutOfOrder(q) => {
                format!("其严重合规缺口“{q}”重复出现，或不符合问卷中的顺序")
            }
            RecordProblem::UnknownOutcome(p) => {
                format!("其数据出境路径“{p}”不是问卷中的结论")
            }
            RecordProblem::TooManyRecommendations(n) => {
                format!("其列出了 {n} 条首要建议；一份结果记录最多保留 {TOP_RECOMMENDATIONS} 条")
            }
            RecordProblem::UnknownRecommendation(r) => {
                format!("题目“{}”没有对策“{}”的建议", r.item, r.countermeasure)
            }
            RecordProblem::RepeatedRecommendation(r) => format!(
                "题目“{}”、对策“{}”的建议列出了两次",
                r.item, r.countermeasure
            ),
            RecordProblem::DisagreesWithAnswers => {
                "其数字与其回答的评分结果不符：文件在生成后被改动过；请向会员重新索取该文件"
                    .to_owned()
            }
        }
    }
}

/// Why a file could not be counted.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportError {
    /// Not one JSON object (broken, cut short, or another kind of JSON value): where the reading
    /// stopped, and the parser's English words for why.
    NotJson {
        line: usize,
        column: usize,
        detail: String,
    },
    /// A JSON object without a `format` naming what it is.
    NoFormat,
    /// A result record whose fields are not the format's (a field unknown or missing, a value of
    /// the wrong type, a score that is not one): where, and the parser's English words for why.
    Malformed {
        line: usize,
        column: usize,
        detail: String,
    },
    /// A result record or answers file of a format version this tool does not read.
    UnknownFormat(String),
    /// Made with another questionnaire, or another version of it.
    OtherQuestionnaire {
        expected: QuestionnaireRef,
        found: QuestionnaireRef,
    },
    /// A result record scored with other sections or weights than the questionnaire was loaded
    /// with: an association's config not given, given but not the one it was made under, or given
    /// for a record made without one. `made` and `given` are empty for none.
    OtherCustomisation {
        made: Box<Customisation>,
        given: Box<Customisation>,
    },
    /// A result record that does not fit its questionnaire.
    Record(Vec<RecordProblem>),
    /// An answers file that could not be scored.
    Answers(AnswersError),
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::NotJson { detail, .. } => write!(
                f,
                "this is neither a result record nor an answers file: {detail} (a result is one \
                 JSON object)"
            ),
            ImportError::NoFormat => f.write_str(
                "this is neither a result record nor an answers file: it has no \"format\" \
                 naming what it is",
            ),
            ImportError::Malformed { detail, .. } => write!(
                f,
                "this is neither a result record nor an answers file: {detail}"
            ),
            ImportError::UnknownFormat(format) => write!(
                f,
                "this file is of format \"{format}\", which this tool does not read (it reads \
                 \"{RECORD_FORMAT}\" and \"{ANSWERS_FORMAT}\")"
            ),
            ImportError::OtherQuestionnaire { expected, found } => write!(
                f,
                "this result was made with questionnaire {found}, not {expected}: count it with \
                 that questionnaire"
            ),
            ImportError::OtherCustomisation { made, given } if given.is_empty() => write!(
                f,
                "this result was made with other sections or weights ({}): give the association's \
                 config it was made under to count it",
                made.describe(false)
            ),
            ImportError::OtherCustomisation { made, given } if made.is_empty() => write!(
                f,
                "this result was made with the questionnaire's own sections and weights, not with \
                 the association's config given ({}): count it without that config",
                given.describe(false)
            ),
            ImportError::OtherCustomisation { made, given } => write!(
                f,
                "this result was made with other sections or weights ({}) than the association's \
                 config given ({}): give the association's config it was made under",
                made.describe(false),
                given.describe(false)
            ),
            ImportError::Record(problems) => {
                let mut text = format!("this result record has {} problem(s):", problems.len());
                list_capped(&mut text, problems, &LangTag::from("en"), |p| p.to_string());
                f.write_str(&text)
            }
            ImportError::Answers(AnswersError::OtherQuestionnaire { expected, found }) => write!(
                f,
                "these answers were made for questionnaire {found}, not {expected}: count them \
                 with that questionnaire"
            ),
            ImportError::Answers(e) => e.fmt(f),
        }
    }
}

impl ImportError {
    /// Why the file was not counted, in `lang` (`Display` is the English), for a person to act
    /// on. The parser's own words are English only: in Chinese the place in the file stands for
    /// them (and an unknown field is named).
    pub fn message(&self, lang: &LangTag) -> String {
        if Lang::of(lang) == Lang::En {
            return self.to_string();
        }
        const NEITHER: &str = "这既不是结果记录，也不是回答文件";
        match self {
            ImportError::NotJson { line, column, .. } => format!(
                "{NEITHER}：第 {line} 行第 {column} 列处不是有效的 JSON（文件可能已损坏或不完整；\
                 一个结果是一个 JSON 对象）"
            ),
            ImportError::NoFormat => {
                format!("{NEITHER}：其中没有说明文件类型的“format”字段")
            }
            ImportError::Malformed {
                line,
                column,
                detail,
            } => match (unknown_field(detail), answered_twice(detail)) {
                (Some(field), _) => format!(
                    "{NEITHER}：第 {line} 行第 {column} 列处有结果记录中不能有的字段“{field}”"
                ),
                (None, Some(question)) => format!(
                    "此结果记录所带的回答中，题目“{question}”回答了两次（第 {line} 行第 {column} \
                     列），无法确定哪个回答有效"
                ),
                (None, None) => format!(
                    "{NEITHER}：第 {line} 行第 {column} 列处的内容不符合结果记录的格式（字段缺失、\
                     值的类型不对，或得分不在 0–100 之间或多于一位小数）"
                ),
            },
            ImportError::UnknownFormat(format) => format!(
                "此文件的格式为“{format}”，本工具无法读取（本工具读取“{RECORD_FORMAT}”和\
                 “{ANSWERS_FORMAT}”）"
            ),
            ImportError::OtherQuestionnaire { expected, found } => format!(
                "此结果由问卷{}生成，而不是问卷{}：请用那份问卷统计它",
                found.in_chinese(),
                expected.in_chinese()
            ),
            ImportError::OtherCustomisation { made, given } if given.is_empty() => format!(
                "此结果是用其他维度或权重评分的（{}）：请提供它所依据的协会配置后再统计",
                made.describe(true)
            ),
            ImportError::OtherCustomisation { made, given } if made.is_empty() => format!(
                "此结果是用问卷原有的维度和权重评分的，而不是所给的协会配置（{}）：请不用该配置统计它",
                given.describe(true)
            ),
            ImportError::OtherCustomisation { made, given } => format!(
                "此结果是用其他维度或权重评分的（{}），而不是所给的协会配置（{}）：请提供它所依据的协会配置",
                made.describe(true),
                given.describe(true)
            ),
            ImportError::Record(problems) => {
                let mut text = format!("此结果记录有 {} 处问题：", problems.len());
                list_capped(&mut text, problems, lang, |p| p.message(lang));
                text
            }
            ImportError::Answers(AnswersError::OtherQuestionnaire { expected, found }) => format!(
                "这些回答属于问卷{}，而不是问卷{}：请用那份问卷统计它们",
                found.in_chinese(),
                expected.in_chinese()
            ),
            ImportError::Answers(e) => e.message(lang),
        }
    }
}

/// The field serde names in its "unknown field `x`, expected …" message: a detail of the parser's
/// English worth repeating in another language (a field such as a name riding along).
fn unknown_field(detail: &str) -> Option<&str> {
    let rest = detail.strip_prefix("unknown field `")?;
    rest.split_once('`').map(|(field, _)| field)
}

/// The question in the answers' "question \"x\" is answered twice" (`answers.rs` writes it).
fn answered_twice(detail: &str) -> Option<&str> {
    let rest = detail.strip_prefix("question \"")?;
    let (question, after) = rest.split_once('"')?;
    after.starts_with(ANSWERED_TWICE).then_some(question)
}

impl std::error::Error for ImportError {}

/// A result file larger than this is refused unread: a record or an answers file is a few
/// kilobytes.
pub use crate::limits::MAX_RESULT_BYTES;

/// Why a result's text never reached [`import`]: what a front end that reads files says of one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unread {
    /// Over [`MAX_RESULT_BYTES`].
    TooLarge,
    /// Not UTF-8 text (a file, or a line of a JSON Lines file).
    NotUtf8,
    /// The system could not read it; its words, when it gave any (English only).
    Unreadable(Option<String>),
}

impl fmt::Display for Unread {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unread::TooLarge => write!(
                f,
                "this file is over {} KB; a result is a few KB: is it a result?",
                MAX_RESULT_BYTES / 1024
            ),
            Unread::NotUtf8 => f.write_str("this file is not UTF-8 text"),
            Unread::Unreadable(None) => f.write_str("cannot be read"),
            Unread::Unreadable(Some(why)) => write!(f, "cannot be read: {why}"),
        }
    }
}

/// Why a file was not counted: not read, or read and refused by [`import`].
#[derive(Clone, Debug, PartialEq)]
pub enum Refusal {
    Unread(Unread),
    Import(ImportError),
}

impl Refusal {
    /// Its kind, for a front end's short words on it (the cohort page's headings of reasons).
    pub fn kind(&self) -> &'static str {
        match self {
            Refusal::Unread(Unread::TooLarge) => "too_large",
            Refusal::Unread(Unread::NotUtf8) => "not_utf8",
            Refusal::Unread(Unread::Unreadable(_)) => "unreadable",
            Refusal::Import(
                ImportError::NotJson { .. } | ImportError::NoFormat | ImportError::Malformed { .. },
            ) => "not_a_result",
            Refusal::Import(ImportError::UnknownFormat(_)) => "unknown_format",
            Refusal::Import(
                ImportError::OtherQuestionnaire { .. }
                | ImportError::Answers(AnswersError::OtherQuestionnaire { .. }),
            ) => "other_questionnaire",
            Refusal::Import(ImportError::OtherCustomisation { .. }) => "other_customisation",
            Refusal::Import(ImportError::Record(_)) => "record",
            Refusal::Import(ImportError::Answers(_)) => "answers",
        }
    }

    /// Why, in `lang` (`Display` is the English).
    pub fn message(&self, lang: &LangTag) -> String {
        match self {
            Refusal::Import(e) => e.message(lang),
            Refusal::Unread(u) if Lang::of(lang) == Lang::ZhCn => match u {
                Unread::TooLarge => format!(
                    "此文件超过 {} KB；一个结果只有几 KB：它是结果文件吗？",
                    MAX_RESULT_BYTES / 1024
                ),
                Unread::NotUtf8 => "此文件不是 UTF-8 文本".to_owned(),
                Unread::Unreadable(_) => "无法读取此文件".to_owned(),
            },
            Refusal::Unread(u) => u.to_string(),
        }
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::Unread(u) => u.fmt(f),
            Refusal::Import(e) => e.fmt(f),
        }
    }
}

/// Written as its English words, as `assess cohort --json` has always listed a reason.
impl Serialize for Refusal {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl From<ImportError> for Refusal {
    fn from(e: ImportError) -> Self {
        Refusal::Import(e)
    }
}

impl From<Unread> for Refusal {
    fn from(u: Unread) -> Self {
        Refusal::Unread(u)
    }
}

/// Just the format tag, to tell a record from an answers file before reading either.
#[derive(Deserialize)]
struct Head {
    format: Option<serde_json::Value>,
}

/// Reads a result record or an answers file for `questionnaire` (hostile input), checked as the
/// module's documentation says; an answers file is scored.
pub fn import(json: &str, questionnaire: &Questionnaire) -> Result<ResultRecord, ImportError> {
    // A byte-order mark, as some editors on Windows write, is no part of the JSON.
    let json = json.strip_prefix('\u{feff}').unwrap_or(json);
    let head: Head = serde_json::from_str(json).map_err(|e| ImportError::NotJson {
        line: e.line(),
        column: e.column(),
        detail: e.to_string(),
    })?;
    let format = match head.format {
        Some(serde_json::Value::String(s)) => s,
        _ => return Err(ImportError::NoFormat),
    };
    if format == ANSWERS_FORMAT {
        let sheet = AnswerSheet::from_json(json, questionnaire).map_err(ImportError::Answers)?;
        return Ok(ResultRecord::scored(questionnaire, &sheet));
    }
    if format != RECORD_FORMAT {
        return Err(ImportError::UnknownFormat(format));
    }
    let record: ResultRecord = serde_json::from_str(json).map_err(|e| ImportError::Malformed {
        line: e.line(),
        column: e.column(),
        detail: e.to_string(),
    })?;
    let expected = questionnaire.reference();
    if record.questionnaire != expected {
        return Err(ImportError::OtherQuestionnaire {
            expected,
            found: record.questionnaire,
        });
    }
    // Before its figures are checked: scored with other sections, they would be listed as the
    // wrong dimensions, and with other weights they may not be what its answers score here.
    let made = record.customisation.clone().unwrap_or_default();
    if !made.scores_as(questionnaire.customisation()) {
        return Err(ImportError::OtherCustomisation {
            made: Box::new(made),
            given: Box::new(questionnaire.customisation().clone()),
        });
    }
    let mut problems = record.problems(questionnaire);
    if let Some(sheet) = &record.answers {
        // An answers document as an answers file is checked (its questionnaire too), then scored.
        if let Err(e) = sheet.check(questionnaire) {
            return Err(ImportError::Answers(e));
        }
        let again = ResultRecord::new(
            questionnaire,
            sheet,
            &score(questionnaire, sheet),
            record.date,
            true,
        );
        if again != record {
            problems.push(RecordProblem::DisagreesWithAnswers);
        }
    }
    if problems.is_empty() {
        Ok(record)
    } else {
        Err(ImportError::Record(problems))
    }
}
