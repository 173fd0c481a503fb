//! Conditions: the one small rule language of a questionnaire. Item applicability, critical gaps,
//! the data-export decision and its extra routes are all written in it.
//!
//! Evaluation is three-valued (Kleene): `Some(true)`, `Some(false)`, or `None` when it cannot be told
//! yet because a question it depends on is unanswered. That is what lets a half-filled assessment
//! say precisely which answers are still missing, instead of guessing.

use serde::{Deserialize, Serialize};

use crate::ids::{HsCode, OptionId, PathId, QuestionId};

/// A condition on answers. In JSON, one key naming the kind: `{"answer_in": {…}}`, `{"all": […]}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Condition {
    /// Every condition holds.
    All(Vec<Condition>),
    /// At least one condition holds.
    Any(Vec<Condition>),
    /// The condition does not hold.
    Not(Box<Condition>),
    /// At least one of `options` is chosen for `question`, or, for a question with `hs_codes`, an
    /// HS code typed into it is under one of `codes` (prefixes such as `72` or `7318`): ticked
    /// and typed are two ways to give the same goods, so one rule reads both. A typed code
    /// within a prefix holds (`731815` under `7318`); one broader than a prefix and within none
    /// (`73` against `7318`: a finer code would tell) makes the rule not known unless an option
    /// or another code holds, as the obligations catalogue reads a code too coarse to tell.
    /// False if the question does not apply.
    AnswerIn {
        question: QuestionId,
        options: Vec<OptionId>,
        #[serde(
            default,
            skip_serializing_if = "Vec::is_empty",
            deserialize_with = "crate::ids::deserialize_codes"
        )]
        #[cfg_attr(feature = "schema", schemars(with = "Vec<HsCode>"))]
        codes: Vec<HsCode>,
    },
    /// Every option chosen for `question` is one of `options` (for multiple choice: "only these").
    /// False if the question does not apply.
    AnswerOnlyIn {
        question: QuestionId,
        options: Vec<OptionId>,
    },
    /// The scored item `item` was answered at `level` or below. False if the item does not apply.
    LevelAtMost {
        item: QuestionId,
        #[cfg_attr(feature = "schema", schemars(range(max = 4)))]
        level: u8,
    },
    /// The data-export decision came out as one of `outcomes`.
    ExportPathIn { outcomes: Vec<PathId> },
}

/// A three-valued truth: `None` is "not known yet".
pub type Truth = Option<bool>;

/// What a condition can ask about while it is evaluated.
pub(crate) trait Facts {
    /// The state of a question's answer.
    fn question(&mut self, id: &QuestionId) -> QuestionState;
    /// The HS codes typed into a question (none when none is typed or it takes none).
    fn codes(&self, id: &QuestionId) -> &[HsCode];
    /// The level answered for a scored item.
    fn level(&mut self, id: &QuestionId) -> Known<u8>;
    /// The data-export outcome.
    fn export_path(&mut self) -> Known<PathId>;
}

/// The answer to a question, as far as conditions are concerned.
pub(crate) enum QuestionState {
    /// The question does not apply to this firm: no answer will ever come.
    NotApplicable,
    /// It applies, or may apply, and has no answer yet.
    Pending,
    Answered(Vec<OptionId>),
}

/// A value that may not be known yet, or may not exist at all.
pub(crate) enum Known<T> {
    None,
    Pending,
    Value(T),
}

impl Condition {
    /// Known to be true: a rule whose facts are not all answered yet does not hold.
    pub(crate) fn holds(&self, facts: &mut dyn Facts) -> bool {
        self.eval(facts) == Some(true)
    }

    /// An optional rule (`applies_when` of a benchmark or a recommendation): absent, it holds.
    pub(crate) fn holds_if_any(condition: Option<&Condition>, facts: &mut dyn Facts) -> bool {
        condition.is_none_or(|c| c.holds(facts))
    }

    pub(crate) fn eval(&self, facts: &mut dyn Facts) -> Truth {
        match self {
            Condition::All(conditions) => {
                let mut result = Some(true);
                for condition in conditions {
                    match condition.eval(facts) {
                        Some(false) => return Some(false),
                        None => result = None,
                        Some(true) => {}
                    }
                }
                result
            }
            Condition::Any(conditions) => {
                let mut result = Some(false);
                for condition in conditions {
                    match condition.eval(facts) {
                        Some(true) => return Some(true),
                        None => result = None,
                        Some(false) => {}
                    }
                }
                result
            }
            Condition::Not(condition) => condition.eval(facts).map(|b| !b),
            Condition::AnswerIn {
                question,
                options,
                codes,
            } => match facts.question(question) {
                QuestionState::NotApplicable => Some(false),
                QuestionState::Pending => None,
                QuestionState::Answered(chosen) if chosen.iter().any(|o| options.contains(o)) => {
                    Some(true)
                }
                // Then the typed codes, as `any` over them: one under the list decides.
                QuestionState::Answered(_) => {
                    let mut result = Some(false);
                    for typed in facts.codes(question) {
                        match typed.under(codes) {
                            Some(true) => return Some(true),
                            None => result = None,
                            Some(false) => {}
                        }
                    }
                    result
                }
            },
            Condition::AnswerOnlyIn { question, options } => match facts.question(question) {
                QuestionState::NotApplicable => Some(false),
                QuestionState::Pending => None,
                QuestionState::Answered(chosen) => Some(chosen.iter().all(|o| options.contains(o))),
            },
            Condition::LevelAtMost { item, level } => match facts.level(item) {
                Known::None => Some(false),
                Known::Pending => None,
                Known::Value(answered) => Some(answered <= *level),
            },
            Condition::ExportPathIn { outcomes } => match facts.export_path() {
                Known::None => Some(false),
                Known::Pending => None,
                Known::Value(path) => Some(outcomes.contains(&path)),
            },
        }
    }

    /// Calls `visit` for every reference this condition makes, for validation and dependency order.
    pub fn visit_refs<'a>(&'a self, visit: &mut dyn FnMut(Ref<'a>)) {
        match self {
            Condition::All(conditions) | Condition::Any(conditions) => {
                for condition in conditions {
                    condition.visit_refs(visit);
                }
            }
            Condition::Not(condition) => condition.visit_refs(visit),
            Condition::AnswerIn {
                question,
                options,
                codes,
            } => {
                visit(Ref::Question(question));
                for option in options {
                    visit(Ref::Option(question, option));
                }
                if !codes.is_empty() {
                    visit(Ref::Codes(question));
                }
            }
            Condition::AnswerOnlyIn { question, options } => {
                visit(Ref::Question(question));
                for option in options {
                    visit(Ref::Option(question, option));
                }
            }
            Condition::LevelAtMost { item, level } => visit(Ref::Level(item, *level)),
            Condition::ExportPathIn { outcomes } => {
                visit(Ref::ExportPath);
                for outcome in outcomes {
                    visit(Ref::Outcome(outcome));
                }
            }
        }
    }
}

/// Something a condition refers to.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Ref<'a> {
    Question(&'a QuestionId),
    Option(&'a QuestionId, &'a OptionId),
    /// The HS codes typed into a question.
    Codes(&'a QuestionId),
    Level(&'a QuestionId, u8),
    /// The data-export decision as a whole.
    ExportPath,
    Outcome(&'a PathId),
}
