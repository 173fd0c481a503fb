//! What each market asks of a firm's goods: the market-obligations catalogue, its validation, and
//! which of its entries apply to the goods a firm exports and the markets it sells to, by when.
//!
//! The catalogue is data (`questionnaire/obligations.json`, documented in
//! `docs/obligations-format.md`), read with the questionnaire whose profile answers it uses: the
//! goods a firm exports are the options it chose for the catalogue's `goods_question` (each option
//! standing for HS codes) and any HS codes it gave itself, its markets the options chosen for the
//! `markets_question`, and the other facts a rule needs (tonnage, operator size, parcels) are
//! conditions on profile answers, in the questionnaire's one rule language.
//!
//! Two rules of the content brief are kept here: an entry or a date marked `M` (not confirmed)
//! never decides an outcome or a date (it is shown as "check this with …"), and every date is
//! compared with the assessment's date, never with a date in code.

use crate::lang::Lang;
use crate::list_map::ListSet;

use serde::{Deserialize, Serialize};

use crate::answers::AnswerSheet;
use crate::condition::{Condition, Known, Ref};
use crate::date::Date;
use crate::ids::{is_questionnaire_id, is_version};
use crate::ids::{HsCode, ObligationId, OptionId, QuestionId};
use crate::limits::{Document, MAX_CATALOGUE_ENTRIES};
use crate::problem::{Place, Problem, ProblemKind, Problems};
use crate::questionnaire::Questionnaire;
use crate::score::Answers;
use crate::text::{LangTag, Text};
use crate::validate::{is_bidi_control, text_problems};

/// The `format` of a catalogue file, so that a file of another kind is recognised as such.
pub const CATALOGUE_FORMAT: &str = "exporter-assessment/obligations@1";

/// The catalogue shipped with the tool, for the shipped questionnaire.
pub const BUILTIN_CATALOGUE: &str = include_str!("../../../questionnaire/obligations.json");

/// How sure a fact is: `C`, read in the legal text or an official source; `M`, consistent
/// secondary sources or not re-read. An `M` fact is shown as "check this with …" and never
/// decides an outcome or a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Confidence {
    C,
    M,
}

/// A catalogue file, as written.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CatalogueDoc {
    /// Where an editor finds the schema; ignored by the tool.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Always `exporter-assessment/obligations@1`.
    #[cfg_attr(feature = "schema", schemars(extend("const" = CATALOGUE_FORMAT)))]
    pub format: String,
    /// Version of the content, `MAJOR.MINOR.PATCH`.
    #[cfg_attr(feature = "schema", schemars(regex(pattern = crate::ids::VERSION_PATTERN)))]
    pub version: String,
    /// The id of the questionnaire whose profile answers the catalogue reads.
    #[cfg_attr(feature = "schema", schemars(regex(pattern = crate::ids::ID_PATTERN)))]
    pub questionnaire: String,
    /// The day the rules were last checked as a whole: shown with the report's section, and more
    /// than six months before the assessment's date, with a warning that rules may have changed.
    pub rules_as_of: Date,
    /// Where a person checks the rules when the catalogue may be out of date (an association
    /// names itself); without it, the core's general words (each entry's source, a customs broker
    /// or trade association).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub where_to_check: Option<Text>,
    /// Every language the texts are given in; the questionnaire's languages.
    pub languages: Vec<LangTag>,
    pub title: Text,
    /// Shown with the list: what it is and is not (guidance, not a legal opinion).
    pub disclaimer: Text,
    /// The profile question of the goods a firm exports (multiple choice; its options are
    /// product groups, each standing for the HS codes given in `goods`).
    pub goods_question: QuestionId,
    /// The profile question of the markets a firm sells to (multiple choice).
    pub markets_question: QuestionId,
    /// The HS codes each option of `goods_question` stands for. An option listed with no codes
    /// ("none of these") is goods the catalogue does not name.
    pub goods: Vec<GoodsGroup>,
    /// The obligations, in the order they are shown.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub obligations: Vec<ObligationDoc>,
}

/// The HS codes one goods option stands for.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct GoodsGroup {
    /// An option of the catalogue's `goods_question`.
    pub option: OptionId,
    pub codes: Vec<HsCode>,
}

/// One obligation: what triggers it, what the firm must do or supply, from when, on what basis.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schema",
    // An unconfirmed entry or date says with whom to check it (`ProblemKind::CheckWithMissing`).
    schemars(extend("allOf" = [
        {
            "if": { "required": ["confidence"], "properties": { "confidence": { "const": "M" } } },
            "then": { "required": ["check_with"], "properties": { "check_with": { "type": "object" } } }
        },
        {
            "if": {
                "required": ["from"],
                "properties": { "from": { "type": "object", "required": ["confidence"], "properties": { "confidence": { "const": "M" } } } }
            },
            "then": { "required": ["check_with"], "properties": { "check_with": { "type": "object" } } }
        },
        {
            "if": {
                "required": ["until"],
                "properties": { "until": { "type": "object", "required": ["confidence"], "properties": { "confidence": { "const": "M" } } } }
            },
            "then": { "required": ["check_with"], "properties": { "check_with": { "type": "object" } } }
        }
    ]))
)]
#[serde(deny_unknown_fields)]
pub struct ObligationDoc {
    pub id: ObligationId,
    /// The regime in a few words, e.g. "EU CBAM".
    pub regime: Text,
    /// The obligation in a sentence.
    pub title: Text,
    pub trigger: Trigger,
    /// What the firm must do or supply (also where the legal duty sits with its buyer).
    pub prepare: Text,
    /// From when it applies; absent when it has long applied.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Dated>,
    /// Until when it applies, if it ends.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<Dated>,
    /// Law and article.
    pub basis: Text,
    /// Where the rule can be read: an https URL.
    #[cfg_attr(feature = "schema", schemars(regex(pattern = r"^https://\S*$")))]
    pub source: String,
    /// How sure the entry's duty and trigger are.
    pub confidence: Confidence,
    /// What to check and with whom, shown as "check this with …": required when the entry or
    /// one of its dates is `M`; may also name a detail that is `M` in an otherwise confirmed entry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub check_with: Option<Text>,
    /// The day the entry was last checked against its source.
    pub checked: Date,
    /// The entry is the rule as it stood before an amending act that applies from this date: an
    /// assessment dated before it gets the rule as it stood then; one dated on or after it gets
    /// nothing (a `C` amendment) or "check this" (an `M` one, which decides nothing).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub superseded: Option<Amendment>,
    /// The entry is the rule as amended by an act that applies from this date: an assessment
    /// dated before it does not get it; one dated on or after it gets it, as "check this" while
    /// the amendment is `M`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amended: Option<Amendment>,
}

/// An amending act and the day from which it changes the rule.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Amendment {
    pub date: Date,
    /// Whether the amending act has been read in its official text.
    pub confidence: Confidence,
    /// The amending act, e.g. "Delegated Regulation (EU) 2026/2102".
    pub act: Text,
}

/// When an obligation applies: every part that is given must hold.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Trigger {
    /// Goods under any of these HS prefixes; empty for any goods.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub codes: Vec<HsCode>,
    /// Goods under these prefixes are out, even when `codes` covers them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub except: Vec<HsCode>,
    /// Sold to any of these markets (options of the catalogue's `markets_question`); empty for
    /// any market (a rule at home, such as China's export control).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub markets: Vec<OptionId>,
    /// Other facts about the firm (tonnage, buyers' size, parcels), on profile answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Condition>,
}

/// A date and how sure it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Dated {
    pub date: Date,
    pub confidence: Confidence,
}

/// A validated catalogue, for one questionnaire: every reference resolves, every text is in every
/// language, every unconfirmed fact says with whom to check it.
#[derive(Clone, Debug, PartialEq)]
pub struct Catalogue {
    doc: CatalogueDoc,
}

impl Catalogue {
    /// Parses and validates a catalogue for `questionnaire`; every problem found, each with its
    /// place and field.
    pub fn from_json(json: &str, questionnaire: &Questionnaire) -> Result<Self, Problems> {
        let format = |message: String| {
            Problems(vec![Problem {
                place: Place::Catalogue,
                field: String::new(),
                kind: ProblemKind::Format(message),
            }])
        };
        // Bounded before it is parsed or checked: an association's catalogue is hostile input,
        // and the app reads it on the page's thread.
        if let Some(problem) = Document::Catalogue.too_large_at(Place::Catalogue, json.len() as u64)
        {
            return Err(Problems(vec![problem]));
        }
        let doc: CatalogueDoc = serde_json::from_str(json).map_err(|e| format(e.to_string()))?;
        if doc.obligations.len() > MAX_CATALOGUE_ENTRIES {
            return Err(Problems(vec![Problem {
                place: Place::Catalogue,
                field: "obligations".to_owned(),
                kind: ProblemKind::TooMany {
                    max: MAX_CATALOGUE_ENTRIES,
                },
            }]));
        }
        Self::new(doc, questionnaire)
    }

    pub fn new(doc: CatalogueDoc, questionnaire: &Questionnaire) -> Result<Self, Problems> {
        let problems = problems(&doc, questionnaire);
        if problems.is_empty() {
            Ok(Self { doc })
        } else {
            Err(Problems(problems))
        }
    }

    pub fn doc(&self) -> &CatalogueDoc {
        &self.doc
    }

    pub fn obligation(&self, id: &ObligationId) -> Option<&ObligationDoc> {
        self.doc.obligations.iter().find(|o| &o.id == id)
    }

    /// The HS codes a goods option stands for, if the catalogue lists it.
    pub fn codes_of(&self, option: &OptionId) -> Option<&[HsCode]> {
        self.doc
            .goods
            .iter()
            .find(|g| &g.option == option)
            .map(|g| g.codes.as_slice())
    }
}

fn problems(doc: &CatalogueDoc, questionnaire: &Questionnaire) -> Vec<Problem> {
    let mut problems = Vec::new();
    let top = Place::Catalogue;
    let push = |problems: &mut Vec<Problem>, place: &Place, field: &str, kind| {
        problems.push(Problem {
            place: place.clone(),
            field: field.to_owned(),
            kind,
        })
    };
    if doc.format != CATALOGUE_FORMAT {
        push(
            &mut problems,
            &top,
            "format",
            ProblemKind::Format(format!(
                "\"{}\" is not \"{CATALOGUE_FORMAT}\"",
                doc.format.escape_debug()
            )),
        );
    }
    if !is_version(&doc.version) {
        push(
            &mut problems,
            &top,
            "version",
            ProblemKind::BadVersion(doc.version.clone()),
        );
    }
    let expected = &questionnaire.doc().id;
    if !is_questionnaire_id(&doc.questionnaire) || &doc.questionnaire != expected {
        push(
            &mut problems,
            &top,
            "questionnaire",
            ProblemKind::OtherQuestionnaire {
                expected: expected.clone(),
                found: doc.questionnaire.clone(),
            },
        );
    }
    // The report shows the catalogue beside the questionnaire: the same languages, all of them.
    let languages = &questionnaire.doc().languages;
    for lang in languages {
        if !doc.languages.contains(lang) {
            push(
                &mut problems,
                &top,
                "languages",
                ProblemKind::MissingTranslation(lang.clone()),
            );
        }
    }
    for (field, text) in [("title", &doc.title), ("disclaimer", &doc.disclaimer)] {
        problems.extend(text_problems(languages, &top, field, text));
    }

    // The two questions: profile questions of several choices.
    for (field, id) in [
        ("goods_question", &doc.goods_question),
        ("markets_question", &doc.markets_question),
    ] {
        match questionnaire.question(id) {
            None => push(
                &mut problems,
                &top,
                field,
                ProblemKind::UnknownQuestion(id.0.clone()),
            ),
            Some(_) if questionnaire.item(id).is_some() => push(
                &mut problems,
                &top,
                field,
                ProblemKind::NotAProfileQuestion(id.0.clone()),
            ),
            Some(_) => {}
        }
    }
    let option_of = |question: &QuestionId, option: &OptionId| {
        questionnaire
            .question(question)
            .is_none_or(|q| q.has_option(option))
    };

    let mut seen = ListSet::new();
    for (i, group) in doc.goods.iter().enumerate() {
        let place = Place::Goods(group.option.0.clone());
        if !seen.insert(&group.option) {
            push(
                &mut problems,
                &place,
                "option",
                ProblemKind::DuplicateId(group.option.0.clone()),
            );
        }
        if !option_of(&doc.goods_question, &group.option) {
            push(
                &mut problems,
                &top,
                &format!("goods[{i}].option"),
                ProblemKind::UnknownOption {
                    question: doc.goods_question.0.clone(),
                    option: group.option.0.clone(),
                },
            );
        }
    }
    // Every goods option must say what it stands for, or its goods would silently count as none.
    if let Some(question) = questionnaire.question(&doc.goods_question) {
        for (option, _) in question.options() {
            if !doc.goods.iter().any(|g| &g.option == option) {
                push(
                    &mut problems,
                    &Place::Goods(option.0.clone()),
                    "codes",
                    ProblemKind::Missing,
                );
            }
        }
    }

    if doc.obligations.is_empty() {
        push(&mut problems, &top, "obligations", ProblemKind::Empty);
    }
    let mut ids = ListSet::new();
    // Control and bidi characters would reorder or hide the words of a message that quotes an id
    // or an address: refused, and the id escaped where a message names its place.
    let forbidden = |s: &str| s.chars().find(|c| c.is_control() || is_bidi_control(*c));
    for o in &doc.obligations {
        let bad_id = forbidden(&o.id.0);
        let place = Place::Obligation(match bad_id {
            Some(_) => o.id.0.escape_debug().to_string(),
            None => o.id.0.clone(),
        });
        if let Some(c) = bad_id {
            push(
                &mut problems,
                &place,
                "id",
                ProblemKind::ForbiddenCharacter(c),
            );
        } else if !ids.insert(&o.id) {
            push(
                &mut problems,
                &place,
                "id",
                ProblemKind::DuplicateId(o.id.0.clone()),
            );
        }
        for (field, text) in [
            ("regime", &o.regime),
            ("title", &o.title),
            ("prepare", &o.prepare),
            ("basis", &o.basis),
        ] {
            problems.extend(text_problems(languages, &place, field, text));
        }
        if let Some(check) = &o.check_with {
            problems.extend(text_problems(languages, &place, "check_with", check));
        }
        for (field, amendment) in [("superseded", &o.superseded), ("amended", &o.amended)] {
            if let Some(a) = amendment {
                problems.extend(text_problems(
                    languages,
                    &place,
                    &format!("{field}.act"),
                    &a.act,
                ));
            }
        }
        if let (Some(amended), Some(superseded)) = (&o.amended, &o.superseded) {
            if superseded.date <= amended.date {
                push(
                    &mut problems,
                    &place,
                    "superseded",
                    ProblemKind::UntilNotAfterFrom,
                );
            }
        }
        let unconfirmed = o.confidence == Confidence::M
            || [o.from, o.until]
                .iter()
                .flatten()
                .any(|d| d.confidence == Confidence::M)
            || [&o.superseded, &o.amended]
                .iter()
                .copied()
                .flatten()
                .any(|a| a.confidence == Confidence::M);
        if unconfirmed && o.check_with.is_none() {
            push(
                &mut problems,
                &place,
                "check_with",
                ProblemKind::CheckWithMissing,
            );
        }
        if let (Some(from), Some(until)) = (o.from, o.until) {
            if until.date <= from.date {
                push(
                    &mut problems,
                    &place,
                    "until",
                    ProblemKind::UntilNotAfterFrom,
                );
            }
        }
        if let Some(c) = forbidden(&o.source) {
            push(
                &mut problems,
                &place,
                "source",
                ProblemKind::ForbiddenCharacter(c),
            );
        } else if !o.source.starts_with("https://") || o.source.chars().any(char::is_whitespace) {
            push(
                &mut problems,
                &place,
                "source",
                ProblemKind::NotAUrl(o.source.clone()),
            );
        }
        for m in &o.trigger.markets {
            if !option_of(&doc.markets_question, m) {
                push(
                    &mut problems,
                    &place,
                    "trigger.markets",
                    ProblemKind::UnknownOption {
                        question: doc.markets_question.0.clone(),
                        option: m.0.clone(),
                    },
                );
            }
        }
        if let Some(when) = &o.trigger.when {
            when.visit_refs(&mut |r| match r {
                Ref::Question(q) => match questionnaire.question(q) {
                    None => push(
                        &mut problems,
                        &place,
                        "trigger.when",
                        ProblemKind::UnknownQuestion(q.0.clone()),
                    ),
                    Some(_) if questionnaire.item(q).is_some() => push(
                        &mut problems,
                        &place,
                        "trigger.when",
                        ProblemKind::NotAProfileQuestion(q.0.clone()),
                    ),
                    Some(_) => {}
                },
                Ref::Option(q, option) => {
                    if !option_of(q, option) {
                        push(
                            &mut problems,
                            &place,
                            "trigger.when",
                            ProblemKind::UnknownOption {
                                question: q.0.clone(),
                                option: option.0.clone(),
                            },
                        );
                    }
                }
                Ref::Codes(q) => {
                    if !questionnaire.question(q).is_none_or(|q| q.takes_codes()) {
                        push(
                            &mut problems,
                            &place,
                            "trigger.when",
                            ProblemKind::TakesNoCodes(q.0.clone()),
                        );
                    }
                }
                Ref::Level(q, _) => push(
                    &mut problems,
                    &place,
                    "trigger.when",
                    ProblemKind::NotAProfileQuestion(q.0.clone()),
                ),
                Ref::ExportPath | Ref::Outcome(_) => push(
                    &mut problems,
                    &place,
                    "trigger.when",
                    ProblemKind::NotAProfileQuestion("export_path_in".to_owned()),
                ),
            });
        }
    }
    problems
}

/// One line of what a firm exports: a goods option it chose (standing for the catalogue's codes
/// for it) or an HS code it gave itself.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Goods {
    /// An option of the catalogue's goods question.
    Option(OptionId),
    /// A code the firm gave.
    Code(HsCode),
}

/// What a firm trades, as far as it is known: `None` while the question is still to be answered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Trade {
    /// The goods it exports; empty when it exports none (services only).
    pub goods: Option<Vec<Goods>>,
    /// The markets it sells to (options of the catalogue's markets question).
    pub markets: Option<Vec<OptionId>>,
}

impl Trade {
    /// The goods and markets the answers give.
    pub fn from_answers(
        catalogue: &Catalogue,
        questionnaire: &Questionnaire,
        sheet: &AnswerSheet,
    ) -> Self {
        let mut answers = Answers::new(questionnaire, sheet);
        let doc = catalogue.doc();
        let goods = match answers.chosen(&doc.goods_question) {
            // Not asked (a firm that exports services only): no goods.
            Known::None => Some(Vec::new()),
            Known::Pending => None,
            // The options chosen, then the codes the firm typed (a goods question with
            // `hs_codes`): each code a goods line of its own, matched by prefix.
            Known::Value(chosen) => Some(
                chosen
                    .into_iter()
                    .map(Goods::Option)
                    .chain(
                        sheet
                            .codes(&doc.goods_question)
                            .iter()
                            .cloned()
                            .map(Goods::Code),
                    )
                    .collect(),
            ),
        };
        let markets = match answers.chosen(&doc.markets_question) {
            Known::None => Some(Vec::new()),
            Known::Pending => None,
            Known::Value(chosen) => Some(chosen),
        };
        Self { goods, markets }
    }

    /// Adds a code given beside the answers (the command line's `--hs`); codes typed into the
    /// goods question are read by [`Trade::from_answers`].
    pub fn add_code(&mut self, code: HsCode) {
        let goods = self.goods.get_or_insert_with(Vec::new);
        let line = Goods::Code(code);
        if !goods.contains(&line) {
            goods.push(line);
        }
    }
}

/// Whether an obligation applies to the firm.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "status")]
pub enum Status {
    /// Its trigger holds and the entry is confirmed.
    Applies,
    /// Its trigger holds but the entry is not confirmed (`M`): shown as "check this with …",
    /// never as a duty.
    Check,
    /// Its trigger may hold: these answers would tell.
    MayApply {
        answer_needed: Vec<Needed>,
    },
    DoesNotApply {
        reason: NotApplying,
    },
}

/// What would tell whether an obligation applies.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Needed {
    /// A profile question to answer.
    Question(QuestionId),
    /// A code more precise than the one given: part of it is in the trigger, part is not.
    FinerCode(HsCode),
    /// The HS code of the goods meant by a goods option that is broader than the trigger (the
    /// trigger names some of the option's goods only).
    CodeOf(OptionId),
}

/// Why an obligation does not apply: the first part of its trigger found not to hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NotApplying {
    /// None of the firm's goods is in its codes.
    Goods,
    /// None of the firm's markets is among its markets.
    Markets,
    /// The other facts (tonnage, buyers' size, parcels) rule it out.
    Answers,
    /// It ended (a confirmed `until`) on or before the assessment's date.
    Ended,
    /// A confirmed amendment replaced it on or before the assessment's date (its `superseded`).
    Superseded,
    /// It is the rule as amended, and the amendment applies only after the assessment's date.
    NotYetAmended,
}

/// When an obligation starts, relative to the assessment's date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "when", content = "date")]
pub enum Timeline {
    /// It applies on the assessment's date (a confirmed start on or before it, or none given).
    InForce,
    /// It starts within 12 months after the assessment's date.
    WithinYear(Date),
    /// It starts more than 12 months after the assessment's date.
    Later(Date),
    /// Its date is not confirmed (`M`) and after the assessment's date: shown as "check this",
    /// never placed on the timeline.
    CheckDate(Date),
    /// Its date is not confirmed (`M`) and on or before the assessment's date: "said to apply
    /// since …, check this" — still not placed on the timeline, but not shown as a future date.
    CheckSince(Date),
}

/// One catalogue entry for one firm.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    pub obligation: ObligationId,
    #[serde(flatten)]
    pub status: Status,
    /// The firm's goods in its trigger (for an entry on any goods: all of them).
    pub goods: Vec<Goods>,
    /// The firm's markets in its trigger (empty for a rule on any market).
    pub markets: Vec<OptionId>,
    pub timeline: Timeline,
}

/// How one goods line stands against a trigger's codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Fit {
    Out,
    /// Part of the goods may be in: a finer code would tell.
    Partly,
    In,
}

/// How a set of codes (one goods line) stands against a trigger. A code is in when a trigger code
/// is its prefix and no exclusion is; partly in when it is broader than a trigger code (a chapter
/// against a heading); out otherwise. Goods the catalogue does not name (no codes) are in only a
/// trigger on any goods with no exclusions, and may be in one with exclusions.
fn fit(codes: &[HsCode], trigger: &Trigger) -> Fit {
    if codes.is_empty() {
        return match (trigger.codes.is_empty(), trigger.except.is_empty()) {
            (true, true) => Fit::In,
            (true, false) => Fit::Partly,
            (false, _) => Fit::Out,
        };
    }
    codes
        .iter()
        .map(|code| {
            if trigger.except.iter().any(|e| code.within(e)) {
                Fit::Out
            } else if trigger.codes.is_empty() {
                Fit::In
            } else {
                match code.under(&trigger.codes) {
                    Some(true) => Fit::In,
                    None => Fit::Partly,
                    Some(false) => Fit::Out,
                }
            }
        })
        .max()
        .unwrap_or(Fit::Out)
}

/// The timeline of an entry that applies or may apply, on `date`.
fn timeline(from: Option<Dated>, date: Date) -> Timeline {
    match from {
        None => Timeline::InForce,
        Some(Dated {
            date: start,
            confidence: Confidence::M,
        }) if start <= date => Timeline::CheckSince(start),
        Some(Dated {
            date: start,
            confidence: Confidence::M,
        }) => Timeline::CheckDate(start),
        Some(Dated { date: start, .. }) if start <= date => Timeline::InForce,
        Some(Dated { date: start, .. }) => match date.a_year_later() {
            Some(year) if start <= year => Timeline::WithinYear(start),
            _ => Timeline::Later(start),
        },
    }
}

/// Every entry of the catalogue for a firm that trades `trade`, with these profile answers,
/// assessed on `date`: whether it applies, why (which goods, which markets) and when. In the
/// catalogue's order; a front end lists those that apply by their timeline.
pub fn obligations(
    catalogue: &Catalogue,
    questionnaire: &Questionnaire,
    trade: &Trade,
    sheet: &AnswerSheet,
    date: Date,
) -> Vec<Finding> {
    let mut answers = Answers::new(questionnaire, sheet);
    let doc = catalogue.doc();
    doc.obligations
        .iter()
        .map(|o| {
            let trigger = &o.trigger;
            let mut needed = Vec::new();
            let mut out = None;

            // Goods.
            let mut goods = Vec::new();
            match &trade.goods {
                // Not answered yet: the goods question, or what decides whether it is asked.
                None => needed.extend(
                    answers
                        .needed_for(&doc.goods_question)
                        .into_iter()
                        .map(Needed::Question),
                ),
                Some(lines) => {
                    let mut best = Fit::Out;
                    let mut partly = Vec::new();
                    for line in lines {
                        let codes = match line {
                            Goods::Option(option) => catalogue.codes_of(option).unwrap_or(&[]),
                            Goods::Code(code) => std::slice::from_ref(code),
                        };
                        let f = fit(codes, trigger);
                        if f == Fit::In {
                            goods.push(line.clone());
                        } else if f == Fit::Partly {
                            partly.push(line);
                        }
                        best = best.max(f);
                    }
                    match best {
                        Fit::In => {}
                        Fit::Partly => {
                            for line in partly {
                                needed.push(match line {
                                    Goods::Code(code) => Needed::FinerCode(code.clone()),
                                    Goods::Option(option) => Needed::CodeOf(option.clone()),
                                });
                            }
                        }
                        Fit::Out => out = out.or(Some(NotApplying::Goods)),
                    }
                }
            }

            // Markets.
            let mut markets = Vec::new();
            if !trigger.markets.is_empty() {
                match &trade.markets {
                    None => {
                        for q in answers.needed_for(&doc.markets_question) {
                            let q = Needed::Question(q);
                            if !needed.contains(&q) {
                                needed.push(q);
                            }
                        }
                    }
                    Some(chosen) => {
                        markets = chosen
                            .iter()
                            .filter(|m| trigger.markets.contains(m))
                            .cloned()
                            .collect();
                        if markets.is_empty() {
                            out = out.or(Some(NotApplying::Markets));
                        }
                    }
                }
            }

            // Other facts.
            if let Some(when) = &trigger.when {
                match answers.eval(when) {
                    (Some(true), _) => {}
                    (Some(false), _) => out = out.or(Some(NotApplying::Answers)),
                    // An answer given to a follow-up whose goods may be in the entry decides
                    // the entry as it would for goods that are: the firm said it.
                    (None, _) if answers.eval_given(when) == Some(false) => {
                        out = out.or(Some(NotApplying::Answers))
                    }
                    (None, questions) => {
                        for q in questions {
                            let q = Needed::Question(q);
                            if !needed.contains(&q) {
                                needed.push(q);
                            }
                        }
                    }
                }
            }

            let status = settle(o, out, needed, date);
            Finding {
                obligation: o.id.clone(),
                status,
                goods,
                markets,
                timeline: timeline(o.from, date),
            }
        })
        .collect()
}

/// An entry's status on `date` once its trigger is read: `out`, the first part found not to
/// hold; `needed`, the answers that would tell. Its dates decide here, the unconfirmed ones never:
/// a confirmed end or amendment on or before the day ends it; an unconfirmed one makes it "check".
fn settle(
    o: &ObligationDoc,
    mut out: Option<NotApplying>,
    needed: Vec<Needed>,
    date: Date,
) -> Status {
    let mut changed_unconfirmed = false;
    if let Some(until) = o.until {
        if until.date <= date {
            match until.confidence {
                Confidence::C => out = out.or(Some(NotApplying::Ended)),
                Confidence::M => changed_unconfirmed = true,
            }
        }
    }
    if let Some(a) = &o.superseded {
        if a.date <= date {
            match a.confidence {
                Confidence::C => out = out.or(Some(NotApplying::Superseded)),
                Confidence::M => changed_unconfirmed = true,
            }
        }
    }
    if let Some(a) = &o.amended {
        if date < a.date {
            out = out.or(Some(NotApplying::NotYetAmended));
        } else if a.confidence == Confidence::M {
            changed_unconfirmed = true;
        }
    }
    match out {
        Some(reason) => Status::DoesNotApply { reason },
        None if !needed.is_empty() => Status::MayApply {
            answer_needed: needed,
        },
        None if o.confidence == Confidence::M || changed_unconfirmed => Status::Check,
        None => Status::Applies,
    }
}

/// The report's group of an entry that applies or may apply; `None` for one that does not.
pub fn group_of(status: &Status, timeline: Timeline) -> Option<Group> {
    Some(match (status, timeline) {
        (Status::DoesNotApply { .. }, _) => return None,
        (Status::MayApply { .. }, _) => Group::MayApply,
        (Status::Check, _) | (_, Timeline::CheckDate(_) | Timeline::CheckSince(_)) => {
            Group::ToCheck
        }
        (_, Timeline::InForce) => Group::InForce,
        (_, Timeline::WithinYear(_)) => Group::WithinYear,
        (_, Timeline::Later(_)) => Group::Later,
    })
}

/// Entries (with the day) that an unconfirmed fact would place in a dated group — in force,
/// within 12 months or later — if their trigger held: each of its dates, the day before and the
/// catalogue's "rules as of" are tried. Empty for a sound catalogue and evaluation: an `M` fact
/// is shown as "check this", never used to decide a group or a date.
pub fn unconfirmed_deciding(catalogue: &Catalogue) -> Vec<(ObligationId, Date)> {
    let doc = catalogue.doc();
    let mut found = Vec::new();
    for o in &doc.obligations {
        let mut days = vec![doc.rules_as_of];
        let dates = [o.from, o.until]
            .into_iter()
            .flatten()
            .map(|d| d.date)
            .chain(
                [&o.superseded, &o.amended]
                    .into_iter()
                    .flatten()
                    .map(|a| a.date),
            );
        for d in dates {
            days.push(d);
            days.extend(Date::from_days_since_1970(d.days_since_1970() - 1));
        }
        for day in days {
            // An unconfirmed fact that bears on this day.
            let m = |c: Confidence| c == Confidence::M;
            let live = m(o.confidence)
                || o.from.is_some_and(|f| m(f.confidence))
                || o.until.is_some_and(|u| m(u.confidence) && u.date <= day)
                || o.superseded
                    .as_ref()
                    .is_some_and(|a| m(a.confidence) && a.date <= day)
                || o.amended
                    .as_ref()
                    .is_some_and(|a| m(a.confidence) && a.date <= day);
            let status = settle(o, None, Vec::new(), day);
            let group = group_of(&status, timeline(o.from, day));
            if live
                && matches!(
                    group,
                    Some(Group::InForce | Group::WithinYear | Group::Later)
                )
            {
                found.push((o.id.clone(), day));
            }
        }
    }
    found
}

/// Where an entry stands in the report's "Your markets and goods" section.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Group {
    /// Applies on the assessment's date.
    InForce,
    /// Applies from a confirmed date within 12 months.
    WithinYear,
    /// Applies from a confirmed date more than 12 months ahead.
    Later,
    /// Not confirmed: the entry (`M`) or its date. Shown as "check this with …".
    ToCheck,
    /// Would apply or not by an answer still to give.
    MayApply,
}

impl Group {
    pub const ALL: [Group; 5] = [
        Group::InForce,
        Group::WithinYear,
        Group::Later,
        Group::ToCheck,
        Group::MayApply,
    ];
}

/// A good of the firm, as the report names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GoodsName<'a> {
    /// A goods option's label.
    Option(&'a str),
    /// A code the firm gave.
    Code(&'a HsCode),
}

/// What to answer to know whether an entry applies, as the report names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NeededName<'a> {
    /// A profile question's text.
    Question(&'a str),
    /// A code more precise than this one.
    FinerCode(&'a HsCode),
    /// The code of the goods meant by this goods option's label.
    CodeOf(&'a str),
}

/// One entry resolved for reading in one language: what every front end renders.
#[derive(Clone, Debug, PartialEq)]
pub struct FindingView<'a> {
    pub finding: &'a Finding,
    pub group: Group,
    pub regime: &'a str,
    pub title: &'a str,
    pub prepare: &'a str,
    pub basis: &'a str,
    pub source: &'a str,
    pub checked: Date,
    /// "Check this with …": what is not confirmed, and with whom to check it.
    pub check_with: Option<&'a str>,
    /// Why: the firm's goods in its trigger.
    pub goods: Vec<GoodsName<'a>>,
    /// Why: the firm's markets in its trigger; empty for a rule on any market.
    pub markets: Vec<&'a str>,
    /// The date it starts, when it is not in force yet or its date is not confirmed.
    pub from: Option<Date>,
    /// Whether `from` is an unconfirmed date on or before the assessment's date ("said to apply
    /// since …") rather than one to come.
    pub since: bool,
    /// What would tell, for an entry that may apply.
    pub needed: Vec<NeededName<'a>>,
}

/// The findings resolved against the catalogue and questionnaire, in one language, in the order
/// the report shows them: by group, and within one by date, then in the catalogue's order.
/// Entries that do not apply are left out.
pub fn view<'a>(
    catalogue: &'a Catalogue,
    questionnaire: &'a Questionnaire,
    findings: &'a [Finding],
    lang: &LangTag,
) -> Vec<FindingView<'a>> {
    let doc = catalogue.doc();
    let label = |question: &QuestionId, option: &OptionId| -> &'a str {
        questionnaire
            .question(question)
            .and_then(|q| {
                q.options()
                    .into_iter()
                    .find(|(id, _)| *id == option)
                    .map(|(_, t)| t.get(lang))
            })
            .unwrap_or("")
    };
    let mut views: Vec<FindingView<'a>> = findings
        .iter()
        .filter_map(|f| {
            let o = catalogue.obligation(&f.obligation)?;
            let group = group_of(&f.status, f.timeline)?;
            let from = match f.timeline {
                Timeline::InForce => None,
                Timeline::WithinYear(d)
                | Timeline::Later(d)
                | Timeline::CheckDate(d)
                | Timeline::CheckSince(d) => Some(d),
            };
            let since = matches!(f.timeline, Timeline::CheckSince(_));
            let needed = match &f.status {
                Status::MayApply { answer_needed } => answer_needed
                    .iter()
                    .map(|n| match n {
                        Needed::Question(q) => NeededName::Question(
                            questionnaire.question(q).map_or("", |q| q.text().get(lang)),
                        ),
                        Needed::FinerCode(code) => NeededName::FinerCode(code),
                        Needed::CodeOf(option) => {
                            NeededName::CodeOf(label(&doc.goods_question, option))
                        }
                    })
                    .collect(),
                _ => Vec::new(),
            };
            Some(FindingView {
                finding: f,
                group,
                regime: o.regime.get(lang),
                title: o.title.get(lang),
                prepare: o.prepare.get(lang),
                basis: o.basis.get(lang),
                source: &o.source,
                checked: o.checked,
                check_with: o.check_with.as_ref().map(|t| t.get(lang)),
                // "None of these" names no goods: the entry applies whatever the goods, and the
                // report says nothing rather than "for your goods: none of these".
                goods: f
                    .goods
                    .iter()
                    .filter(|g| match g {
                        Goods::Option(option) => !questionnaire
                            .question(&doc.goods_question)
                            .is_some_and(|q| q.is_exclusive(option)),
                        Goods::Code(_) => true,
                    })
                    .map(|g| match g {
                        Goods::Option(option) => {
                            GoodsName::Option(label(&doc.goods_question, option))
                        }
                        Goods::Code(code) => GoodsName::Code(code),
                    })
                    .collect(),
                markets: f
                    .markets
                    .iter()
                    .map(|m| label(&doc.markets_question, m))
                    .collect(),
                from,
                since,
                needed,
            })
        })
        .collect();
    // The catalogue's order within a group and date (the sort is stable).
    crate::order::sort_by_key(&mut views, |v| (v.group, v.from));
    views
}

/// How many months after its "rules as of" date a catalogue is said to be possibly out of date.
pub const STALE_AFTER_MONTHS: u8 = 6;

/// How current the catalogue is on an assessment's date: rules move (the EUDR's product list
/// changed in 2026), and a catalogue is only as good as its last check.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Currency {
    pub rules_as_of: Date,
    pub assessed: Date,
    /// The assessment's date is more than [`STALE_AFTER_MONTHS`] months after `rules_as_of`.
    pub stale: bool,
}

impl Currency {
    pub fn of(catalogue: &Catalogue, date: Date) -> Self {
        let rules_as_of = catalogue.doc().rules_as_of;
        let limit = rules_as_of.months_later(STALE_AFTER_MONTHS);
        Self {
            rules_as_of,
            assessed: date,
            // A date too far to count months to is far out of date.
            stale: limit.is_none_or(|limit| date > limit),
        }
    }

    /// The "rules as of" line shown with the section.
    pub fn line(&self, lang: &LangTag) -> String {
        let d = self.rules_as_of;
        if Lang::of(lang) == Lang::ZhCn {
            format!("规则截至 {d}（当天对照法规原文核对）。")
        } else {
            format!("Rules as of {d} (checked against the legal texts that day).")
        }
    }

    /// When stale, in plain words: the rules may have changed since, and where to check —
    /// the catalogue's own `where_to_check` (an association's), or the general sources.
    pub fn warning(&self, catalogue: &Catalogue, lang: &LangTag) -> Option<String> {
        if !self.stale {
            return None;
        }
        let (d, on) = (self.rules_as_of, self.assessed);
        let own = catalogue.doc().where_to_check.as_ref().map(|t| t.get(lang));
        Some(if Lang::of(lang) == Lang::ZhCn {
            let other = own.unwrap_or("也可以咨询报关行、货代或您所在的行业协会");
            format!(
                "请注意：本次评估日期是 {on}，距这些规则最后核对的日期（{d}）已超过六个月，\
                 期间规则可能已经改变。行动前请按每条规则所列的来源核对原文（欧盟规则查 \
                 EUR-Lex 网站，中国规则查主管部门网站）；{other}。"
            )
        } else {
            let other = own.unwrap_or(
                "or ask a customs broker, your freight forwarder or your trade association",
            );
            format!(
                "Please note: this assessment is dated {on}, more than six months after these \
                 rules were last checked ({d}), and the rules may have changed since. Before you \
                 act, check each rule at the source named with it (EUR-Lex for EU rules, the \
                 authority's own site for Chinese rules), {other}."
            )
        })
    }
}

/// The report's "Your markets and goods" as plain text in one language: what a front end that
/// does not carry the catalogue's code renders (the web app's first load does not: a worker
/// makes this page, `src/bin/report_worker.rs`). Made from [`view`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Page {
    pub title: String,
    pub rules_as_of: Date,
    /// The "rules as of" line, in the page's language.
    pub currency: String,
    /// When the assessment's date is more than six months after `rules_as_of`: that the rules may
    /// have changed since, and where to check.
    pub stale: Option<String>,
    pub disclaimer: String,
    /// Entries in the report's order, each with its group.
    pub entries: Vec<PageEntry>,
}

/// One entry of a [`Page`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PageEntry {
    pub obligation: String,
    pub group: Group,
    pub regime: String,
    pub title: String,
    pub prepare: String,
    pub basis: String,
    pub check_with: Option<String>,
    /// The firm's goods that bring it in: a goods option's label, or `HS <code>`.
    pub goods: Vec<String>,
    pub markets: Vec<String>,
    pub from: Option<Date>,
    /// `from` is an unconfirmed date already passed on the assessment's date.
    pub since: bool,
    pub needed: Vec<PageNeeded>,
}

/// What to answer to know whether an entry applies (see [`NeededName`]), as text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "text")]
pub enum PageNeeded {
    Question(String),
    FinerCode(String),
    CodeOf(String),
}

/// The page of `findings` in `lang`, for an assessment dated `date`.
pub fn page(
    catalogue: &Catalogue,
    questionnaire: &Questionnaire,
    findings: &[Finding],
    lang: &LangTag,
    date: Date,
) -> Page {
    let doc = catalogue.doc();
    let currency = Currency::of(catalogue, date);
    Page {
        title: doc.title.get(lang).to_owned(),
        rules_as_of: doc.rules_as_of,
        currency: currency.line(lang),
        stale: currency.warning(catalogue, lang),
        disclaimer: doc.disclaimer.get(lang).to_owned(),
        entries: view(catalogue, questionnaire, findings, lang)
            .into_iter()
            .map(|v| PageEntry {
                obligation: v.finding.obligation.to_string(),
                group: v.group,
                regime: v.regime.to_owned(),
                title: v.title.to_owned(),
                prepare: v.prepare.to_owned(),
                basis: v.basis.to_owned(),
                check_with: v.check_with.map(str::to_owned),
                goods: v
                    .goods
                    .iter()
                    .map(|g| match g {
                        GoodsName::Option(label) => (*label).to_owned(),
                        GoodsName::Code(code) => code.label(),
                    })
                    .collect(),
                markets: v.markets.iter().map(|m| (*m).to_owned()).collect(),
                from: v.from,
                since: v.since,
                needed: v
                    .needed
                    .iter()
                    .map(|n| match n {
                        NeededName::Question(text) => PageNeeded::Question((*text).to_owned()),
                        NeededName::FinerCode(code) => PageNeeded::FinerCode(code.to_string()),
                        NeededName::CodeOf(label) => PageNeeded::CodeOf((*label).to_owned()),
                    })
                    .collect(),
            })
            .collect(),
    }
}

impl Group {
    /// The group's name in [`Page::to_rows`].
    pub fn key(self) -> &'static str {
        match self {
            Group::InForce => "in_force",
            Group::WithinYear => "within_year",
            Group::Later => "later",
            Group::ToCheck => "to_check",
            Group::MayApply => "may_apply",
        }
    }

    pub fn from_key(key: &str) -> Option<Group> {
        Group::ALL.into_iter().find(|g| g.key() == key)
    }
}

impl Page {
    /// The page as rows of strings: how the web app's obligations worker hands it over (a
    /// structured clone of arrays of strings), so that the app reads it without a JSON
    /// deserialiser of its own for it. The first row is `["page", title, rules as of,
    /// disclaimer, currency line, stale warning or ""]`; each entry is a row `["entry", id, group,
    /// regime, title, prepare, basis, check with or "", from or "", "since" or ""]` followed by its `["goods", text]`, `["market", text]` and
    /// `["needed", question | finer_code | code_of, text]` rows.
    pub fn to_rows(&self) -> Vec<Vec<String>> {
        let mut rows = vec![vec![
            "page".to_owned(),
            self.title.clone(),
            self.rules_as_of.to_string(),
            self.disclaimer.clone(),
            self.currency.clone(),
            self.stale.clone().unwrap_or_default(),
        ]];
        for e in &self.entries {
            rows.push(vec![
                "entry".to_owned(),
                e.obligation.clone(),
                e.group.key().to_owned(),
                e.regime.clone(),
                e.title.clone(),
                e.prepare.clone(),
                e.basis.clone(),
                e.check_with.clone().unwrap_or_default(),
                e.from.map(|d| d.to_string()).unwrap_or_default(),
                if e.since { "since" } else { "" }.to_owned(),
            ]);
            rows.extend(e.goods.iter().map(|g| vec!["goods".to_owned(), g.clone()]));
            rows.extend(
                e.markets
                    .iter()
                    .map(|m| vec!["market".to_owned(), m.clone()]),
            );
            rows.extend(e.needed.iter().map(|n| {
                let (kind, text) = match n {
                    PageNeeded::Question(t) => ("question", t),
                    PageNeeded::FinerCode(t) => ("finer_code", t),
                    PageNeeded::CodeOf(t) => ("code_of", t),
                };
                vec!["needed".to_owned(), kind.to_owned(), text.clone()]
            }));
        }
        rows
    }

    /// Reads [`Page::to_rows`]'s rows back; `None` for anything else.
    pub fn from_rows(rows: &[Vec<String>]) -> Option<Page> {
        let (first, rest) = rows.split_first()?;
        let mut page = match first.as_slice() {
            [kind, title, date, disclaimer, currency, stale] if kind == "page" => Page {
                title: title.clone(),
                rules_as_of: date.parse().ok()?,
                currency: currency.clone(),
                stale: (!stale.is_empty()).then(|| stale.clone()),
                disclaimer: disclaimer.clone(),
                entries: Vec::new(),
            },
            _ => return None,
        };
        let optional = |s: &String| (!s.is_empty()).then(|| s.clone());
        for row in rest {
            match row.as_slice() {
                [kind, id, group, regime, title, prepare, basis, check, from, since]
                    if kind == "entry" =>
                {
                    page.entries.push(PageEntry {
                        obligation: id.clone(),
                        group: Group::from_key(group)?,
                        regime: regime.clone(),
                        title: title.clone(),
                        prepare: prepare.clone(),
                        basis: basis.clone(),
                        check_with: optional(check),
                        goods: Vec::new(),
                        markets: Vec::new(),
                        from: match from.as_str() {
                            "" => None,
                            d => Some(d.parse().ok()?),
                        },
                        since: match since.as_str() {
                            "" => false,
                            "since" => true,
                            _ => return None,
                        },
                        needed: Vec::new(),
                    })
                }
                [kind, text] if kind == "goods" => {
                    page.entries.last_mut()?.goods.push(text.clone())
                }
                [kind, text] if kind == "market" => {
                    page.entries.last_mut()?.markets.push(text.clone())
                }
                [kind, which, text] if kind == "needed" => {
                    let needed = match which.as_str() {
                        "question" => PageNeeded::Question(text.clone()),
                        "finer_code" => PageNeeded::FinerCode(text.clone()),
                        "code_of" => PageNeeded::CodeOf(text.clone()),
                        _ => return None,
                    };
                    page.entries.last_mut()?.needed.push(needed);
                }
                _ => return None,
            }
        }
        Some(page)
    }
}

/// The entries of a [`Page`] that concern the same markets: the report names the markets and the
/// goods once for the group, then lists its entries by timeline, rather than repeating "goods →
/// market" under every entry.
#[derive(Clone, Debug, PartialEq)]
pub struct MarketGroup {
    /// The markets' names, as the entries give them; empty for entries that apply whatever the
    /// destination (export control).
    pub markets: Vec<String>,
    /// Every good its entries name, once, in the order first met.
    pub goods: Vec<String>,
    /// The entries' positions in the page, in its order (by timeline group, then date).
    pub entries: Vec<usize>,
}

impl MarketGroup {
    /// The goods to name beside `entry` of this group: none when they are the group's goods,
    /// else the entry's own (it concerns only some of them).
    pub fn goods_apart<'e>(&self, entry: &'e PageEntry) -> &'e [String] {
        let same = entry.goods.len() == self.goods.len()
            && entry.goods.iter().all(|g| self.goods.contains(g));
        if same {
            &[]
        } else {
            &entry.goods
        }
    }
}

impl Page {
    /// When the rules may have changed, the few words that say so on the folded section's summary
    /// line, so that a reader who never opens it still sees the warning.
    pub fn stale_note(&self, lang: &LangTag) -> Option<String> {
        self.stale.as_ref()?;
        let d = self.rules_as_of;
        Some(if Lang::of(lang) == Lang::ZhCn {
            format!("规则可能已经改变（最后核对于 {d}），行动前请核对")
        } else {
            format!(
                "the rules may have changed since they were checked on {d}: check before you act"
            )
        })
    }

    /// The entries grouped by the markets they concern, each group in the order its first entry
    /// comes in the page; the entries that apply whatever the destination come last.
    pub fn by_market(&self) -> Vec<MarketGroup> {
        let mut groups: Vec<MarketGroup> = Vec::new();
        for (at, entry) in self.entries.iter().enumerate() {
            let i = match groups.iter().position(|g| g.markets == entry.markets) {
                Some(i) => i,
                None => {
                    groups.push(MarketGroup {
                        markets: entry.markets.clone(),
                        goods: Vec::new(),
                        entries: Vec::new(),
                    });
                    groups.len() - 1
                }
            };
            let group = &mut groups[i];
            group.entries.push(at);
            for good in &entry.goods {
                if !group.goods.contains(good) {
                    group.goods.push(good.clone());
                }
            }
        }
        crate::order::sort_by_key(&mut groups, |g| g.markets.is_empty());
        groups
    }
}

/// The HS codes `label` names, each as the range it covers: `7318` is (`7318`, `7318`), and
/// `7301–7311` (an en dash or a hyphen) is (`7301`, `7311`).
fn label_codes(label: &str) -> Vec<(&str, &str)> {
    // The runs of two or more digits, with where each starts.
    let mut runs: Vec<(usize, &str)> = Vec::new();
    let mut start = None;
    for (at, c) in label
        .char_indices()
        .chain(std::iter::once((label.len(), ' ')))
    {
        match (c.is_ascii_digit(), start) {
            (true, None) => start = Some(at),
            (false, Some(from)) => {
                if at - from >= 2 {
                    runs.push((from, &label[from..at]));
                }
                start = None;
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < runs.len() {
        let (at, code) = runs[i];
        let between = runs
            .get(i + 1)
            .map(|(next, _)| label[at + code.len()..*next].trim());
        match (between, runs.get(i + 1)) {
            (Some("–" | "-"), Some((_, end))) if end.len() == code.len() => {
                out.push((code, *end));
                i += 2;
            }
            _ => {
                out.push((code, code));
                i += 1;
            }
        }
    }
    out
}

/// Whether a goods option's `label` matches what the person typed: any word of it (ignoring case), or,
/// for digits, an HS code of the label that starts with them or that they start with (a
/// six-digit code finds its heading's group), a range of headings included.
pub fn label_matches(label: &str, query: &str) -> bool {
    let query = query.trim();
    if query.is_empty() {
        return true;
    }
    let digits: String = query.chars().filter(|c| !matches!(c, '.' | ' ')).collect();
    if digits.len() >= 2 && digits.chars().all(|c| c.is_ascii_digit()) {
        return label_codes(label).into_iter().any(|(from, to)| {
            let n = from.len();
            if digits.len() >= n {
                // A code as long as the label's or finer: its first digits within the range.
                (from..=to).contains(&&digits[..n])
            } else {
                // A shorter one (a chapter): the start of either end.
                from.starts_with(&digits) || to.starts_with(&digits)
            }
        });
    }
    // ASCII case only: Chinese has none, and Unicode case tables would add to the first load.
    label
        .to_ascii_lowercase()
        .contains(&query.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::label_matches as matches;

    #[test]
    fn a_word_or_an_hs_code_finds_its_option() {
        let bolts = "Steel screws, bolts, tubes and other steel articles (7301–7311, 7318, 7326)";
        assert!(matches(bolts, ""));
        assert!(matches(bolts, "bolts"));
        assert!(matches(bolts, "BOLTS "));
        assert!(matches(bolts, "7318"));
        assert!(matches(bolts, "731815"), "a finer code finds its heading");
        assert!(matches(bolts, "7318.15"));
        assert!(matches(bolts, "73"), "a chapter finds its headings");
        assert!(!matches(bolts, "7601"));
        assert!(!matches(bolts, "coffee"));
        assert!(matches("咖啡（0901）", "0901"));
        assert!(matches("钢制螺钉、螺栓（7318）", "螺栓"));
        let articles = "Iron or steel articles (headings 7301–7311, e.g. tubes; 7318 screws)";
        assert!(matches(articles, "7305"), "within a range of headings");
        assert!(matches(articles, "730590"));
        assert!(!matches(articles, "7312"));
        assert!(matches(articles, "7318"));
    }
}
