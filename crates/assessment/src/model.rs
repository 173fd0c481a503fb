//! The questionnaire file format, exactly as it is written in JSON.
//!
//! These types are the single source of the format: `assess schema` derives the JSON Schema from
//! them, and `docs/questionnaire-format.md` explains them field by field. A document of these types
//! is only *parsed*; it becomes a usable [`crate::Questionnaire`] after [`crate::validate`] has found
//! no problem in it. That is why levels are plain numbers here: an out-of-range level must be reported
//! with its item and field, together with every other problem, rather than abort the parse.

use serde::{Deserialize, Serialize};

use crate::condition::Condition;
use crate::ids::{
    CountermeasureId, DimensionId, EffortId, HelpSourceId, Horizon, OptionId, PartId, PathId,
    QuestionId, RoleId, RouteId, StageId,
};
use crate::text::{LangTag, Text};

/// A whole questionnaire: profile, scored dimensions, and the rules that turn answers into a report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct QuestionnaireDoc {
    /// Where an editor finds the schema; ignored by the tool.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Stable identifier of this questionnaire, e.g. `digital-trade`: 1–64 of `a-z 0-9 - _ .`,
    /// starting with a letter or digit.
    #[cfg_attr(feature = "schema", schemars(regex(pattern = crate::ids::ID_PATTERN)))]
    pub id: String,
    /// Version of the content, `MAJOR.MINOR.PATCH`. Saved answers name it, so change it whenever
    /// items or options change.
    #[cfg_attr(feature = "schema", schemars(regex(pattern = crate::ids::VERSION_PATTERN)))]
    pub version: String,
    /// Every language the texts must be given in; the first is the fallback.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub languages: Vec<LangTag>,
    pub title: Text,
    pub description: Text,
    /// The work the criteria come from, as it should be cited in the report.
    pub source: Text,
    /// Shown with every result: the tool gives guidance, not legal advice.
    pub disclaimer: Text,
    /// Questions about the firm. Not scored: they decide which items apply and which rules hold.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub profile: Vec<ProfileQuestion>,
    /// The profile's screens, in order, each from its first question up to the next part's first:
    /// a long profile asked in short screens. Without parts the profile is one screen. Parts only
    /// group the questions: the profile's order (which saved answers and hand-off codes follow)
    /// is unchanged.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub profile_parts: Vec<ProfilePart>,
    /// The scored dimensions, in the order they are asked and reported.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub dimensions: Vec<Dimension>,
    /// Stages by overall score, ascending; the first must start at 0.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub stages: Vec<Stage>,
    /// The countermeasures recommendations are tied to.
    pub countermeasures: Vec<Countermeasure>,
    /// Names of the action plan's three horizons.
    pub horizons: HorizonLabels,
    /// Who in a small firm does the work of a recommendation (its `who`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<Role>,
    /// Rough sizes of work and cost (a recommendation's `effort`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub efforts: Vec<Effort>,
    /// Where a firm can get help (a recommendation's `help_from`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub help_sources: Vec<HelpSource>,
    /// How the data-export path is decided from the profile.
    pub export_path: ExportPathRules,
    /// What changed since earlier versions, so that answers saved for them can be carried over:
    /// an answer whose question and option still exist is kept unless the question is listed here.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub migrations: Vec<Migration>,
}

/// The questions of this version whose meaning changed since version `from`: answers given to them
/// under `from` are not carried over, even though their ids still exist, and the person is told.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Migration {
    /// The earlier version, e.g. `1.0.0`.
    pub from: String,
    /// Questions (profile or items) to answer again.
    pub changed: Vec<QuestionId>,
    /// Answers of `from` that this version asks under another question, carried over to it so
    /// that what decides a verdict is not asked again (or left pending) for nothing.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub carried: Vec<Carry>,
}

/// One answer of an earlier version carried over to a question of this one: an earlier answer
/// `option` to `question` becomes `as` to `to`, when `only_if` (an earlier answer too) holds.
/// Only what means the same is carried (data never notified as important is not sent abroad as
/// important data); any other answer to `question` is dropped as before and `to` asked.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Carry {
    /// The earlier version's question (it may no longer exist).
    pub question: QuestionId,
    /// The earlier answer (an option of it) that is carried.
    pub option: OptionId,
    /// The question of this version that gets it.
    pub to: QuestionId,
    /// The option of `to` it becomes.
    #[serde(rename = "as")]
    pub as_option: OptionId,
    /// Carried only when the earlier answers also chose this option of this question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub only_if: Option<EarlierAnswer>,
}

/// An option chosen, in the earlier version's answers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EarlierAnswer {
    pub question: QuestionId,
    pub option: OptionId,
}

/// A profile question: single or multiple choice, not scored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schema",
    // HS codes only on a multiple-choice question (`ProblemKind::CodesOnSingleChoice`).
    schemars(extend(
        "if" = { "required": ["hs_codes"], "properties": { "hs_codes": { "const": true } } },
        "then" = { "required": ["multiple"], "properties": { "multiple": { "const": true } } }
    ))
)]
#[serde(deny_unknown_fields)]
pub struct ProfileQuestion {
    pub id: QuestionId,
    pub text: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<Text>,
    /// Whether several options may be chosen.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub multiple: bool,
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub options: Vec<ProfileOption>,
    /// Whether the firm may also type HS codes of its own (a goods question: goods its options do
    /// not name), at most 10 of them (`MAX_CODES`), matched by prefix by the
    /// market-obligations catalogue. Only for a multiple-choice question.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub hs_codes: bool,
    /// Asked only when this holds; otherwise hidden and ignored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applies_when: Option<Condition>,
}

/// One screen of the profile: the questions from `from` up to the next part's `from`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ProfilePart {
    /// The screen's name in the page's address and in a host's events: lower-case ASCII letters,
    /// digits, `-` and `_`; not a dimension's id, nor `profile`, `review`, `report` or `about`.
    pub id: PartId,
    /// The screen's heading; the steps bar names it by the part before a colon.
    pub title: Text,
    /// A sentence under the heading: why these questions are asked.
    pub intro: Text,
    /// The part's first question. The first part starts at the profile's first question, and each
    /// part after the one before it.
    pub from: QuestionId,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ProfileOption {
    pub id: OptionId,
    pub label: Text,
    /// Choosing it clears every other option of a multiple-choice question ("none of these").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub exclusive: bool,
}

/// One of the paper's three axes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Dimension {
    pub id: DimensionId,
    pub title: Text,
    pub description: Text,
    /// Weight in the overall score: above 0, at most 1000.
    #[cfg_attr(feature = "schema", schemars(range(max = crate::bounds::MAX_WEIGHT), extend("exclusiveMinimum" = 0)))]
    pub weight: f64,
    /// If any critical gap is found in this dimension, its score is at most this (0–100).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(range(min = 0, max = 100)))]
    pub critical_cap: Option<f64>,
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub items: Vec<Item>,
}

/// A scored question. Its options map to maturity levels 0–4.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub id: QuestionId,
    /// Where in the paper the criterion comes from, e.g. `§1.1, §3.1`.
    pub trace: String,
    pub text: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<Text>,
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub options: Vec<ItemOption>,
    /// Weight within its dimension: above 0, at most 1000.
    #[cfg_attr(feature = "schema", schemars(range(max = crate::bounds::MAX_WEIGHT), extend("exclusiveMinimum" = 0)))]
    pub weight: f64,
    /// The level a firm should reach; answers below it yield recommendations.
    #[cfg_attr(feature = "schema", schemars(range(max = 4)))]
    pub target: u8,
    /// Scored only when this holds; otherwise not applicable (dropped, never scored as 0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applies_when: Option<Condition>,
    /// The paper's reference figure, shown beside the answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub benchmark: Option<Benchmark>,
    /// When the answer is a critical compliance gap: listed first, and it caps the dimension.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub critical: Option<CriticalRule>,
    /// What to do, by the level answered. Every level below `target` needs at least one.
    pub recommendations: Vec<Recommendation>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ItemOption {
    pub id: OptionId,
    pub label: Text,
    #[cfg_attr(feature = "schema", schemars(range(max = 4)))]
    pub level: u8,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Benchmark {
    /// The paper's sections, as shown, e.g. `§1.2` or `§1.1, §3.1`: each quote's section is one
    /// of them.
    pub section: String,
    pub text: Text,
    /// Each figure the text gives, quoted word for word from the paper with the section that holds
    /// it, so that a maintainer can check every citation against the paper (`assess
    /// check-citations`). Whitespace does not count.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub quotes: Vec<Quote>,
    /// Shown only when this holds (e.g. a Greater Bay Area figure to GBA firms); always if absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applies_when: Option<Condition>,
    /// How an answer compares with the figure, when the item's levels can be set against it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compare: Option<Compare>,
}

/// A figure from the paper, and the section whose text holds it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Quote {
    /// E.g. `§1.1`.
    pub section: String,
    /// The paper's own words, with its qualifiers ("以上", "到 2025 年"). Not blank.
    #[cfg_attr(feature = "schema", schemars(regex(pattern = r"\S")))]
    pub text: String,
}

/// Where an answered level stands against the benchmark: at `ahead_from` or above the firm is
/// ahead of the group the figure describes, at `level_from` or above level with it, below that
/// behind it. `level_from` ≤ `ahead_from`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Compare {
    #[cfg_attr(feature = "schema", schemars(range(max = 4)))]
    pub level_from: u8,
    #[cfg_attr(feature = "schema", schemars(range(max = 4)))]
    pub ahead_from: u8,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CriticalRule {
    /// The gap exists when this holds (and the item applies).
    pub when: Condition,
    pub text: Text,
    /// Law and article.
    pub basis: Text,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Recommendation {
    /// The answered levels this recommendation is for.
    #[cfg_attr(feature = "schema", schemars(length(min = 1), inner(range(max = 4))))]
    pub levels: Vec<u8>,
    /// Given only when this holds: a text that assumes something of the firm (an RCEP market, a
    /// data-export path, goods) says so here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applies_when: Option<Condition>,
    pub countermeasure: CountermeasureId,
    pub horizon: Horizon,
    pub text: Text,
    /// Who in a small firm does it: one of the questionnaire's `roles`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub who: Option<RoleId>,
    /// Roughly how much work and money it takes: one of the questionnaire's `efforts`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effort: Option<EffortId>,
    /// Where to get help, most useful first: the questionnaire's `help_sources`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub help_from: Vec<HelpSourceId>,
    /// Puts on record what is already in order rather than closing a gap (a firm found exempt
    /// writes down why): among the first steps it comes only after every real gap.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub paperwork: bool,
}

/// Someone in a small firm who does a recommendation's work.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Role {
    pub id: RoleId,
    /// As a small firm names the job, e.g. "Whoever looks after IT".
    pub label: Text,
}

/// A rough size of work and cost.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Effort {
    pub id: EffortId,
    /// Time and money in words, e.g. "A few days' work; low cost".
    pub label: Text,
}

/// A body or service a small firm can turn to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct HelpSource {
    pub id: HelpSourceId,
    pub name: Text,
    /// What the firm can get there, in a sentence.
    pub offers: Text,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Stage {
    pub id: StageId,
    /// The lowest overall score (0–100) in this stage.
    #[cfg_attr(feature = "schema", schemars(range(min = 0, max = 100)))]
    pub min_score: f64,
    pub label: Text,
    /// What reaching this stage means for the firm.
    pub meaning: Text,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Countermeasure {
    pub id: CountermeasureId,
    /// The paper's section, e.g. `§3.1`.
    pub section: String,
    pub title: Text,
    pub summary: Text,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct HorizonLabels {
    pub now: Text,
    pub this_year: Text,
    pub later: Text,
}

impl HorizonLabels {
    pub fn get(&self, horizon: Horizon) -> &Text {
        match horizon {
            Horizon::Now => &self.now,
            Horizon::ThisYear => &self.this_year,
            Horizon::Later => &self.later,
        }
    }
}

/// The data-export decision: ordered rules, the first that holds decides the outcome.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ExportPathRules {
    pub outcomes: Vec<PathOutcome>,
    /// Tried in order. If a rule cannot be decided yet (a question it needs is unanswered) before
    /// one holds, the outcome is undecided and the report names the missing questions.
    pub rules: Vec<PathRule>,
    /// Further routes open to the firm whatever the outcome (e.g. the GBA standard contract).
    #[serde(default)]
    pub routes: Vec<PathRoute>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PathOutcome {
    pub id: PathId,
    pub title: Text,
    pub summary: Text,
    /// Law and article.
    pub basis: Text,
    /// What the firm must still do on this path.
    #[serde(default)]
    pub duties: Vec<Text>,
    /// Whether the firm must act (file, apply) before it sends data on this path.
    pub procedure_required: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PathRule {
    pub when: Condition,
    pub outcome: PathId,
    /// Why this rule gives this outcome, shown with it.
    pub reason: Text,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PathRoute {
    pub id: RouteId,
    pub when: Condition,
    pub title: Text,
    pub text: Text,
    pub basis: Text,
}
