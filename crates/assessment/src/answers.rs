//! Answers as a document: what is saved in the browser, exported to a file, and scored.

use crate::lang::Lang;
use crate::list_map::ListMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::ids::{HsCode, OptionId, QuestionId};
use crate::limits::{list_capped, MAX_ANSWERS};
use crate::questionnaire::{Questionnaire, QuestionnaireRef};
use crate::text::LangTag;

/// The `format` tag of an answers document, so that a file of another kind is recognised as such.
pub const ANSWERS_FORMAT: &str = "exporter-assessment/answers@1";

/// The most HS codes a firm may type into one question: enough for the goods lines a small
/// exporter names, and few enough that a hand-off code with all of them still fits a QR code of
/// version 10 after an address of ordinary length (`docs/handoff.md`).
pub const MAX_CODES: usize = 10;

/// The answer to one question: one option, for a multiple-choice question a list of options, or
/// for a question that takes HS codes (`hs_codes`) and has codes typed, the options and the codes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum Answer {
    One(OptionId),
    Many(#[cfg_attr(feature = "schema", schemars(length(min = 1)))] Vec<OptionId>),
    WithCodes(Coded),
}

/// Options chosen (maybe none) and HS codes typed: `{"options": ["iron_steel"], "codes":
/// ["731815"]}`. Codes are written normalised (digits only); at most 10 (`MAX_CODES`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schema",
    // An answer with neither is empty (`AnswerProblem::Empty`).
    schemars(extend("anyOf" = [
        { "required": ["options"], "properties": { "options": { "type": "array", "minItems": 1 } } },
        { "properties": { "codes": { "type": "array", "minItems": 1 } } }
    ]))
)]
#[serde(deny_unknown_fields)]
pub struct Coded {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<OptionId>,
    #[cfg_attr(feature = "schema", schemars(length(max = MAX_CODES)))]
    pub codes: Vec<HsCode>,
}

impl<'de> Deserialize<'de> for Answer {
    /// By hand, by the JSON's shape (a string, a list, an object), rather than as serde's
    /// untagged enum: that buffers the value and tries each form (more code in the app's wasm),
    /// and a code that is not one is named here with the core's reason, not as "no form matched".
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::{Error, MapAccess, SeqAccess, Visitor};
        struct Shape;
        impl<'de> Visitor<'de> for Shape {
            type Value = Answer;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(
                    "an option id, a list of option ids, or {\"options\": [...], \"codes\": [...]}",
                )
            }
            fn visit_str<E: Error>(self, v: &str) -> Result<Answer, E> {
                Ok(Answer::One(OptionId(v.to_owned())))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Answer, A::Error> {
                let mut options = Vec::new();
                while let Some(option) = seq.next_element::<String>()? {
                    options.push(OptionId(option));
                }
                Ok(Answer::Many(options))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Answer, A::Error> {
                const FIELDS: &[&str] = &["options", "codes"];
                let (mut options, mut codes) = (None, None);
                while let Some(key) = map.next_key::<String>()? {
                    let slot = match key.as_str() {
                        "options" => &mut options,
                        "codes" => &mut codes,
                        other => return Err(Error::unknown_field(other, FIELDS)),
                    };
                    if slot.is_some() {
                        return Err(Error::custom(format_args!("field `{key}` is given twice")));
                    }
                    *slot = Some(map.next_value::<Vec<String>>()?);
                }
                let codes =
                    crate::ids::codes_from(codes.ok_or_else(|| Error::missing_field("codes"))?)?;
                Ok(Answer::WithCodes(Coded {
                    options: options
                        .unwrap_or_default()
                        .into_iter()
                        .map(OptionId)
                        .collect(),
                    codes,
                }))
            }
        }
        deserializer.deserialize_any(Shape)
    }
}

impl Answer {
    /// The options chosen (none for an answer of codes only).
    pub fn chosen(&self) -> &[OptionId] {
        match self {
            Answer::One(o) => std::slice::from_ref(o),
            Answer::Many(os) => os,
            Answer::WithCodes(c) => &c.options,
        }
    }

    /// The HS codes typed, in the order they were added.
    pub fn codes(&self) -> &[HsCode] {
        match self {
            Answer::WithCodes(c) => &c.codes,
            _ => &[],
        }
    }
}

/// Why a code was not added to an answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeRefused {
    /// The question takes no codes (or does not exist).
    NotTaken,
    /// It has [`MAX_CODES`] already: one must go first.
    Full,
}

impl fmt::Display for CodeRefused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CodeRefused::NotTaken => f.write_str("this question takes no HS codes"),
            CodeRefused::Full => write!(
                f,
                "at most {MAX_CODES} HS codes can be given: remove one before adding another"
            ),
        }
    }
}

impl std::error::Error for CodeRefused {}

/// Whether `code` may join `codes`: one already there is taken again (and kept once); a new one
/// only while there are fewer than [`MAX_CODES`]. `AnswerSheet::add_code` applies it, and a front
/// end asks it to say why before it sends the code.
pub fn code_fits(codes: &[HsCode], code: &HsCode) -> Result<(), CodeRefused> {
    if codes.contains(code) || codes.len() < MAX_CODES {
        Ok(())
    } else {
        Err(CodeRefused::Full)
    }
}

/// A set of answers to one questionnaire version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AnswerSheet {
    #[cfg_attr(feature = "schema", schemars(extend("const" = ANSWERS_FORMAT)))]
    pub format: String,
    pub questionnaire: QuestionnaireRef,
    /// The day the answers were last changed (`YYYY-MM-DD`, in the person's time zone): an
    /// assessment's date, which a comparison and a hand-off code carry. Files written before it
    /// existed have none; a front end dates such answers when they are next changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// Answers by question id. Answers to questions that no longer apply are kept, not deleted: a
    /// person who changes a profile answer back finds them again.
    #[serde(deserialize_with = "answers_without_duplicates")]
    pub answers: ListMap<QuestionId, Answer>,
}

/// How the parser's error on a question answered twice goes on after the question's id: one
/// phrase, so that another language can find the question in it (`result_record.rs`).
pub(crate) const ANSWERED_TWICE: &str = " is answered twice";

/// An answers object as written, every key in order: JSON allows a key twice, and serde would keep
/// the last silently, so a file could show one answer to a person reading it and mean another.
struct Written(Vec<(QuestionId, Answer)>);

impl<'de> Deserialize<'de> for Written {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Pairs;
        impl<'de> serde::de::Visitor<'de> for Pairs {
            type Value = Written;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object of answers by question id")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Written, A::Error> {
                let mut pairs = Vec::new();
                while let Some(pair) = map.next_entry::<QuestionId, Answer>()? {
                    if pairs.len() == MAX_ANSWERS {
                        return Err(serde::de::Error::custom(format_args!(
                            "more than {MAX_ANSWERS} answers, more than any questionnaire asks"
                        )));
                    }
                    pairs.push(pair);
                }
                Ok(Written(pairs))
            }
        }
        deserializer.deserialize_map(Pairs)
    }
}

impl Written {
    /// The answers by question, or the first question answered twice.
    fn into_map(self) -> Result<ListMap<QuestionId, Answer>, QuestionId> {
        ListMap::from_unique(self.0)
    }
}

fn answers_without_duplicates<'de, D>(
    deserializer: D,
) -> Result<ListMap<QuestionId, Answer>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    Written::deserialize(deserializer)?
        .into_map()
        .map_err(|q| serde::de::Error::custom(format_args!("question \"{q}\"{ANSWERED_TWICE}")))
}

/// An answers document as written, before its answers are checked for repeats.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WrittenSheet {
    format: String,
    questionnaire: QuestionnaireRef,
    #[serde(default)]
    date: Option<Date>,
    answers: Written,
}

/// Parses an answers document, telling a question answered twice from any other defect.
fn parse(json: &str) -> Result<AnswerSheet, AnswersError> {
    let written: WrittenSheet =
        serde_json::from_str(json).map_err(|e| AnswersError::NotAnswers(e.to_string()))?;
    Ok(AnswerSheet {
        format: written.format,
        questionnaire: written.questionnaire,
        date: written.date,
        answers: written
            .answers
            .into_map()
            .map_err(AnswersError::AnsweredTwice)?,
    })
}

/// One thing wrong with an answer in an answers document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AnswerProblem {
    UnknownQuestion(QuestionId),
    UnknownOption(QuestionId, OptionId),
    SeveralForSingleChoice(QuestionId),
    Empty(QuestionId),
    /// HS codes given to a question that takes none.
    CodesNotTaken(QuestionId),
    /// More than [`MAX_CODES`] HS codes.
    TooManyCodes(QuestionId),
    /// The question still exists but asks something else since the answers' version (the
    /// questionnaire's `migrations` say so): the old answer would be read with a new meaning.
    Changed {
        question: QuestionId,
        since: String,
    },
}

impl fmt::Display for AnswerProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnswerProblem::UnknownQuestion(q) => {
                write!(f, "question \"{q}\" is not in this questionnaire")
            }
            AnswerProblem::UnknownOption(q, o) => {
                write!(f, "question \"{q}\" has no option \"{o}\"")
            }
            AnswerProblem::SeveralForSingleChoice(q) => {
                write!(
                    f,
                    "question \"{q}\" takes one answer, but several are given"
                )
            }
            AnswerProblem::Empty(q) => write!(f, "question \"{q}\" has an empty answer"),
            AnswerProblem::CodesNotTaken(q) => {
                write!(f, "question \"{q}\" takes no HS codes, but codes are given")
            }
            AnswerProblem::TooManyCodes(q) => {
                write!(f, "question \"{q}\" has more than {MAX_CODES} HS codes")
            }
            AnswerProblem::Changed { question, since } => write!(
                f,
                "question \"{question}\" has changed since version {since}: answer it again"
            ),
        }
    }
}

impl AnswerProblem {
    /// The problem in `lang` (`Display` is the English). Ids are shown as found.
    pub fn message(&self, lang: &LangTag) -> String {
        if Lang::of(lang) == Lang::En {
            return self.to_string();
        }
        match self {
            AnswerProblem::UnknownQuestion(q) => format!("问卷中没有题目“{q}”"),
            AnswerProblem::UnknownOption(q, o) => format!("题目“{q}”没有选项“{o}”"),
            AnswerProblem::SeveralForSingleChoice(q) => {
                format!("题目“{q}”只能选一项，但给出了多项")
            }
            AnswerProblem::Empty(q) => format!("题目“{q}”的回答为空"),
            AnswerProblem::CodesNotTaken(q) => format!("题目“{q}”不接受海关编码，但给出了编码"),
            AnswerProblem::TooManyCodes(q) => {
                format!("题目“{q}”的海关编码超过 {MAX_CODES} 个")
            }
            AnswerProblem::Changed { question, since } => {
                format!("题目“{question}”自 {since} 版以来已改变，请重新回答")
            }
        }
    }
}

/// Why an answers document cannot be used with a questionnaire.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnswersError {
    /// Not JSON, or not an answers document; the message says where.
    NotAnswers(String),
    /// An answers document of another format version.
    UnknownFormat(String),
    /// Answers made for another questionnaire or another version of it.
    OtherQuestionnaire {
        expected: QuestionnaireRef,
        found: QuestionnaireRef,
    },
    Invalid(Vec<AnswerProblem>),
    /// The same question appears twice in the file.
    AnsweredTwice(QuestionId),
}

impl fmt::Display for AnswersError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnswersError::NotAnswers(message) => {
                write!(f, "this is not an answers file: {message}")
            }
            AnswersError::UnknownFormat(format) => write!(
                f,
                "this answers file is of format \"{format}\", which this tool does not read \
                 (it reads \"{ANSWERS_FORMAT}\")"
            ),
            AnswersError::OtherQuestionnaire { expected, found } => write!(
                f,
                "these answers were made for questionnaire {found}, not for {expected}"
            ),
            AnswersError::AnsweredTwice(q) => write!(
                f,
                "question \"{q}\" is answered twice in this file, so which answer is meant is unclear"
            ),
            AnswersError::Invalid(problems) => {
                let mut text = format!("the answers file has {} problem(s):", problems.len());
                list_capped(&mut text, problems, &LangTag::from("en"), |p| {
                    p.to_string()
                });
                f.write_str(&text)
            }
        }
    }
}

impl AnswersError {
    /// The error in `lang` (`Display` is the English).
    pub fn message(&self, lang: &LangTag) -> String {
        if Lang::of(lang) == Lang::En {
            return self.to_string();
        }
        match self {
            AnswersError::NotAnswers(_) => {
                "这不是回答文件：其内容不是本工具回答文件的格式（文件可能已损坏或不完整）"
                    .to_owned()
            }
            AnswersError::UnknownFormat(format) => format!(
                "此回答文件的格式为“{format}”，本工具无法读取（本工具读取“{ANSWERS_FORMAT}”）"
            ),
            AnswersError::OtherQuestionnaire { expected, found } => format!(
                "这些回答属于问卷{}，而不是问卷{}",
                found.in_chinese(),
                expected.in_chinese()
            ),
            AnswersError::AnsweredTwice(q) => {
                format!("题目“{q}”在此文件中回答了两次，无法确定哪个回答有效")
            }
            AnswersError::Invalid(problems) => {
                let mut text = format!("此回答文件有 {} 处问题：", problems.len());
                list_capped(&mut text, problems, lang, |p| p.message(lang));
                text
            }
        }
    }
}

impl std::error::Error for AnswersError {}

/// What is wrong with one answer for `questionnaire`; empty if it fits.
fn answer_problems(
    questionnaire: &Questionnaire,
    id: &QuestionId,
    answer: &Answer,
) -> Vec<AnswerProblem> {
    let Some(question) = questionnaire.question(id) else {
        return vec![AnswerProblem::UnknownQuestion(id.clone())];
    };
    let chosen = answer.chosen();
    let codes = answer.codes();
    let mut problems = Vec::new();
    if chosen.is_empty() && codes.is_empty() {
        problems.push(AnswerProblem::Empty(id.clone()));
    }
    if matches!(answer, Answer::WithCodes(_)) && !question.takes_codes() {
        problems.push(AnswerProblem::CodesNotTaken(id.clone()));
    }
    if codes.len() > MAX_CODES {
        problems.push(AnswerProblem::TooManyCodes(id.clone()));
    }
    if chosen.len() > 1 && !question.multiple() {
        problems.push(AnswerProblem::SeveralForSingleChoice(id.clone()));
    }
    for option in chosen {
        if !question.has_option(option) {
            problems.push(AnswerProblem::UnknownOption(id.clone(), option.clone()));
        }
    }
    problems
}

/// What came of reading answers saved earlier (by this device, or an older version of the tool).
#[derive(Clone, Debug, PartialEq)]
pub enum Recovered {
    /// Answers to exactly this questionnaire version, all of them valid.
    Intact(AnswerSheet),
    /// Answers to this questionnaire that do not all fit this version (another version's, or with
    /// answers this version no longer has): those that fit, and those that do not.
    Migrated {
        sheet: AnswerSheet,
        from: QuestionnaireRef,
        dropped: Vec<AnswerProblem>,
    },
    /// Nothing could be used: not an answers document, another format, or another questionnaire.
    Unreadable(AnswersError),
}

/// What became of answers carried over to a questionnaire they were not made for as they are:
/// the version they were made for, and every answer that could not be kept.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CarriedOver {
    pub from: QuestionnaireRef,
    pub dropped: Vec<AnswerProblem>,
}

impl Recovered {
    /// Reads saved answers for `questionnaire`, keeping every answer that still fits.
    pub fn read(json: &str, questionnaire: &Questionnaire) -> Self {
        match parse(json) {
            Ok(sheet) => Self::of(sheet, questionnaire),
            Err(error) => Recovered::Unreadable(error),
        }
    }

    /// Carries a sheet read from elsewhere (a file, a hand-off code) over to `questionnaire` by
    /// the same rules as saved answers.
    pub fn of(sheet: AnswerSheet, questionnaire: &Questionnaire) -> Self {
        match sheet.check(questionnaire) {
            Ok(()) => return Recovered::Intact(sheet),
            Err(AnswersError::Invalid(_)) => {}
            Err(AnswersError::OtherQuestionnaire { expected, found })
                if found.id == expected.id => {}
            Err(other) => return Recovered::Unreadable(other),
        }
        let from = sheet.questionnaire.clone();
        let migration = questionnaire
            .doc()
            .migrations
            .iter()
            .find(|m| m.from == from.version);
        // Questions whose meaning changed since the answers' version: same ids, new question.
        let changed: &[QuestionId] = migration.map_or(&[], |m| &m.changed);
        // Earlier answers this version asks under another question, each carried when its
        // earlier answer (and its condition) was given and the new question has no answer yet.
        let chose = |question: &QuestionId, option: &OptionId| {
            sheet
                .get(question)
                .is_some_and(|a| a.chosen().contains(option))
        };
        let carried: Vec<(&QuestionId, QuestionId, OptionId)> = migration
            .map_or(&[][..], |m| &m.carried)
            .iter()
            .filter(|c| chose(&c.question, &c.option))
            .filter(|c| {
                c.only_if
                    .as_ref()
                    .is_none_or(|e| chose(&e.question, &e.option))
            })
            .filter(|c| sheet.get(&c.to).is_none())
            .map(|c| (&c.question, c.to.clone(), c.as_option.clone()))
            .collect();
        let mut kept = AnswerSheet::new(questionnaire);
        // Carried over, the answers keep the day they were given.
        kept.date = sheet.date;
        let mut dropped = Vec::new();
        for (id, answer) in sheet.answers {
            let problems = if changed.contains(&id) {
                vec![AnswerProblem::Changed {
                    question: id.clone(),
                    since: from.version.clone(),
                }]
            } else {
                answer_problems(questionnaire, &id, &answer)
            };
            if problems.is_empty() {
                kept.answers.insert(id, answer);
            } else if !carried.iter().any(|(from, _, _)| **from == id) {
                dropped.extend(problems);
            }
        }
        for (_, to, option) in carried {
            if !kept.answers.contains_key(&to) {
                kept.answers.insert(to, Answer::One(option));
            }
        }
        Recovered::Migrated {
            sheet: kept,
            from,
            dropped,
        }
    }

    /// The answers to use and, when they were carried over, what became of them; or why none can be.
    pub fn usable(self) -> Result<(AnswerSheet, Option<CarriedOver>), AnswersError> {
        match self {
            Recovered::Intact(sheet) => Ok((sheet, None)),
            Recovered::Migrated {
                sheet,
                from,
                dropped,
            } => Ok((sheet, Some(CarriedOver { from, dropped }))),
            Recovered::Unreadable(error) => Err(error),
        }
    }
}

impl AnswerSheet {
    /// No answers yet, for `questionnaire`.
    pub fn new(questionnaire: &Questionnaire) -> Self {
        Self {
            format: ANSWERS_FORMAT.to_owned(),
            questionnaire: questionnaire.reference(),
            date: None,
            answers: ListMap::new(),
        }
    }

    /// Parses an answers document without checking it against a questionnaire: for what carries
    /// it over ([`Recovered::of`], `compare`); anything else uses [`AnswerSheet::from_json`].
    pub fn parse(json: &str) -> Result<Self, AnswersError> {
        parse(json)
    }

    /// Parses an answers document and checks it against `questionnaire`.
    pub fn from_json(json: &str, questionnaire: &Questionnaire) -> Result<Self, AnswersError> {
        let sheet = parse(json)?;
        sheet.check(questionnaire)?;
        Ok(sheet)
    }

    pub fn to_json(&self) -> String {
        crate::json::to_json(self)
    }

    /// Checks that every answer names a question and options of `questionnaire`.
    pub fn check(&self, questionnaire: &Questionnaire) -> Result<(), AnswersError> {
        if self.format != ANSWERS_FORMAT {
            return Err(AnswersError::UnknownFormat(self.format.clone()));
        }
        let expected = questionnaire.reference();
        if self.questionnaire != expected {
            return Err(AnswersError::OtherQuestionnaire {
                expected,
                found: self.questionnaire.clone(),
            });
        }
        let problems: Vec<AnswerProblem> = self
            .answers
            .iter()
            .flat_map(|(id, answer)| answer_problems(questionnaire, id, answer))
            .collect();
        if problems.is_empty() {
            Ok(())
        } else {
            Err(AnswersError::Invalid(problems))
        }
    }

    pub fn get(&self, id: &QuestionId) -> Option<&Answer> {
        self.answers.get(id)
    }

    /// Answers a single-choice question, or sets the whole choice of a multiple-choice one.
    /// Unknown questions and options are ignored: a UI can only offer what the questionnaire has.
    pub fn choose(&mut self, questionnaire: &Questionnaire, id: &QuestionId, option: &OptionId) {
        let Some(question) = questionnaire.question(id) else {
            return;
        };
        if !question.has_option(option) {
            return;
        }
        if question.multiple() {
            self.toggle(questionnaire, id, option);
        } else {
            self.answers.insert(id.clone(), Answer::One(option.clone()));
        }
    }

    /// Ticks or unticks one option of a multiple-choice question. An exclusive option ("none of
    /// these") clears the others, and ticking any other option clears the exclusive ones.
    fn toggle(&mut self, questionnaire: &Questionnaire, id: &QuestionId, option: &OptionId) {
        let Some(question) = questionnaire.question(id) else {
            return;
        };
        let mut chosen: Vec<OptionId> = self
            .answers
            .get(id)
            .map(|a| a.chosen().to_vec())
            .unwrap_or_default();
        if let Some(pos) = chosen.iter().position(|o| o == option) {
            chosen.remove(pos);
        } else if question.is_exclusive(option) {
            chosen = vec![option.clone()];
        } else {
            chosen.retain(|o| !question.is_exclusive(o));
            chosen.push(option.clone());
        }
        // Keep the questionnaire's order, so that equal choices give equal documents.
        let order = question.options();
        crate::order::sort_by_key(&mut chosen, |o| order.iter().position(|(id, _)| *id == o));
        let codes = self.codes(id).to_vec();
        self.set(id, chosen, codes);
    }

    /// The codes typed into a question (none if it has no answer or takes none).
    pub fn codes(&self, id: &QuestionId) -> &[HsCode] {
        self.answers.get(id).map_or(&[], Answer::codes)
    }

    /// Adds a code the firm typed to a question that takes codes; a code already there is not
    /// added twice. Codes are kept beside the options, whatever they are ("none of these" names
    /// none of the listed groups, not none of the firm's goods).
    pub fn add_code(
        &mut self,
        questionnaire: &Questionnaire,
        id: &QuestionId,
        code: HsCode,
    ) -> Result<(), CodeRefused> {
        if !questionnaire.question(id).is_some_and(|q| q.takes_codes()) {
            return Err(CodeRefused::NotTaken);
        }
        let mut codes = self.codes(id).to_vec();
        code_fits(&codes, &code)?;
        if codes.contains(&code) {
            return Ok(());
        }
        codes.push(code);
        let chosen = self
            .answers
            .get(id)
            .map(|a| a.chosen().to_vec())
            .unwrap_or_default();
        self.set(id, chosen, codes);
        Ok(())
    }

    /// Removes a code from a question's answer.
    pub fn remove_code(&mut self, id: &QuestionId, code: &HsCode) {
        let Some(answer) = self.answers.get(id) else {
            return;
        };
        let chosen = answer.chosen().to_vec();
        let codes = answer
            .codes()
            .iter()
            .filter(|c| *c != code)
            .cloned()
            .collect();
        self.set(id, chosen, codes);
    }

    /// A multiple-choice answer in its one form: none when nothing is chosen or typed, a list
    /// of options without codes, both with.
    fn set(&mut self, id: &QuestionId, chosen: Vec<OptionId>, codes: Vec<HsCode>) {
        if chosen.is_empty() && codes.is_empty() {
            self.answers.remove(id);
        } else if codes.is_empty() {
            self.answers.insert(id.clone(), Answer::Many(chosen));
        } else {
            self.answers.insert(
                id.clone(),
                Answer::WithCodes(Coded {
                    options: chosen,
                    codes,
                }),
            );
        }
    }

    pub fn clear(&mut self, id: &QuestionId) {
        self.answers.remove(id);
    }
}
