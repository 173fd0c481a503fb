//! The assessment core: the questionnaire model, its validation, scoring, the data-export decision
//! and recommendations.
//!
//! This crate has no browser dependency and does no IO: it takes strings and values and returns
//! values. The web app and the `assess` command-line tool are both thin front ends on it, so a rule
//! lives here once and both show the same result.

pub mod answers;
pub mod association;
pub mod bounds;
pub mod citations;
// The association's cohort tools, for `assess` and the tests: the app does not compile them.
#[cfg(feature = "cohort")]
pub mod cohort;
pub mod compare;
pub mod compare_view;
pub mod condition;
pub mod customise;
pub mod date;
pub mod estimate;
pub mod handoff;
pub mod ids;
pub mod json;
pub mod lang;
pub mod limits;
pub mod list_map;
pub mod model;
pub mod obligations;
pub mod order;
pub mod plan;
pub mod problem;
pub mod problem_words;
pub mod questionnaire;
// The result record: the app writes it (shared, saved); `import` is used by the cohort tools only.
pub mod result_record;
pub mod score;
pub mod split;
pub mod text;
pub mod validate;
pub mod view;
pub mod walk;

pub use answers::{
    code_fits, Answer, AnswerProblem, AnswerSheet, AnswersError, CarriedOver, CodeRefused, Coded,
    Recovered, ANSWERS_FORMAT, MAX_CODES,
};
pub use association::{AssociationConfig, CatalogueSource, Name, Theme};
pub use bounds::{MAX_LINK_BASE, MAX_WEIGHT};
#[cfg(feature = "cohort")]
pub use cohort::{to_csv, Cohort, Hidden, Refusals, Refused, Shown, Tally};
pub use compare::{
    compare, Assessed, Clause, CompareError, Comparison, DimensionChange, ItemRef, LevelChange,
    ScoreChange, StageChange, Trend, Which,
};
pub use compare_view::{ComparisonView, DimensionRow, ItemRow, LevelRow};
pub use condition::Condition;
pub use customise::{Customisation, Weights};
pub use date::{Date, NotADate};
pub use estimate::{minutes_to_finish, minutes_to_read_report, ReadingRate};
pub use handoff::{
    is_handoff_url, link_base, EncodeError, HandedOff, HandoffError, LinkBase, NoLink,
    HANDOFF_FORMAT,
};
pub use ids::{is_questionnaire_id, is_version};
pub use ids::{
    CountermeasureId, DimensionId, EffortId, HelpSourceId, Horizon, HsCode, Level, NotAnHsCode,
    ObligationId, OptionId, PartId, PathId, QuestionId, RoleId, RouteId, StageId, WhyNotACode,
};
pub use json::to_json;
pub use lang::{Lang, NotSpoken};
pub use list_map::{ListMap, ListSet};
pub use model::QuestionnaireDoc;
pub use obligations::{
    obligations, Catalogue, CatalogueDoc, Confidence, Finding, FindingView, Goods, GoodsName,
    Group, MarketGroup, Needed, NeededName, NotApplying, Page, PageEntry, Status, Timeline, Trade,
    BUILTIN_CATALOGUE,
};
pub use plan::{plan, plan_with, Action, Completeness, Plan, Step, Why};
pub use problem::{Place, Problem, ProblemKind, Problems};
pub use questionnaire::{Asked, LoadError, Questionnaire, QuestionnaireRef};
pub use result_record::{
    import, Grouping, ImportError, RecordProblem, Refusal, ResultRecord, Score, Unread,
    MAX_RESULT_BYTES, RECORD_FORMAT,
};
pub use score::{
    format_change, format_score, score, Applicability, BenchmarkResult, CriticalGap,
    DimensionResult, ExportDecision, ItemResult, OneDecimal, Progress, RecommendationResult,
    Report, Standing,
};
pub use text::{LangTag, Text};
pub use validate::{is_bidi_control, validate};
pub use view::{
    BenchmarkView, Cap, CountermeasureView, DimensionView, GapView, ItemView, OutcomeView, Outline,
    PathView, ProfileLine, RecommendationView, ReportView, RouteView, Rung, StageView,
};
pub use walk::{short_title, SectionId};

/// The questionnaire shipped with the tool, as JSON: `questionnaire/digital-trade.json` without its
/// indentation (build.rs).
pub const BUILTIN_QUESTIONNAIRE: &str =
    include_str!(concat!(env!("OUT_DIR"), "/digital-trade.json"));

/// The JSON Schema of `T`, generated from the Rust types, with only the formats the JSON Schema
/// standard defines: schemars marks numbers with its own (`double`, `uint8`), which standard
/// validators refuse to compile in their strict mode (ajv) or ignore; an integer's range is
/// already given by `minimum` and `maximum`.
#[cfg(feature = "schema")]
fn schema_of<T: schemars::JsonSchema>() -> serde_json::Value {
    fn standard_formats_only(value: &mut serde_json::Value) {
        const STANDARD: &[&str] = &[
            "date",
            "date-time",
            "time",
            "duration",
            "email",
            "idn-email",
            "hostname",
            "idn-hostname",
            "ipv4",
            "ipv6",
            "uri",
            "uri-reference",
            "iri",
            "iri-reference",
            "uri-template",
            "uuid",
            "json-pointer",
            "relative-json-pointer",
            "regex",
        ];
        match value {
            serde_json::Value::Object(map) => {
                // `format` as a keyword holds a string; a property named "format" holds a schema.
                if map
                    .get("format")
                    .and_then(|f| f.as_str())
                    .is_some_and(|f| !STANDARD.contains(&f))
                {
                    map.remove("format");
                }
                map.values_mut().for_each(standard_formats_only);
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(standard_formats_only),
            _ => {}
        }
    }
    let mut schema = serde_json::to_value(schemars::schema_for!(T)).expect("schema serialises");
    standard_formats_only(&mut schema);
    schema
}

/// The JSON Schema of the questionnaire format, generated from the Rust types.
#[cfg(feature = "schema")]
pub fn questionnaire_schema() -> serde_json::Value {
    schema_of::<QuestionnaireDoc>()
}

/// The JSON Schema of the answers format.
#[cfg(feature = "schema")]
pub fn answers_schema() -> serde_json::Value {
    schema_of::<AnswerSheet>()
}

/// The JSON Schema of the market-obligations catalogue format.
#[cfg(feature = "schema")]
pub fn obligations_schema() -> serde_json::Value {
    schema_of::<CatalogueDoc>()
}

/// The JSON Schema of the result record (`exporter-assessment/result@1`, `docs/cohort.md`).
#[cfg(feature = "schema")]
pub fn result_schema() -> serde_json::Value {
    schema_of::<ResultRecord>()
}

/// The JSON Schema of an association's config file (`docs/embedding.md`).
#[cfg(feature = "schema")]
pub fn config_schema() -> serde_json::Value {
    schema_of::<association::ConfigFile>()
}
