//! What a problem is: its place (in a questionnaire, or in the setup around it), its field, and its
//! kind, with the English words for each (`Display`); `problem_words.rs` words them in Chinese.
//! Every checker reports these: the questionnaire's (`validate.rs`), a config's, a catalogue's.

use std::fmt;

use serde::Serialize;

use crate::bounds::{MAX_LINK_BASE, MAX_WEIGHT};
use crate::limits::{list_capped, Document};
use crate::text::LangTag;

/// A number as a problem quotes it: whole numbers without a fraction (`0`, `1000`), others as JSON
/// writes them (`0.25`, `1e+308`). Not through `core`'s float formatting, which is large code the
/// web app would otherwise carry for these messages alone (serde_json's is there already).
pub fn number(x: f64) -> String {
    if x.is_nan() {
        "NaN".to_owned()
    } else if x.fract() == 0.0 && x.abs() < 1e15 {
        (x as i64).to_string()
    } else {
        serde_json::to_string(&x).unwrap_or_default()
    }
}

/// Where a problem is: in a questionnaire, or in the setup around it (an association's config, the
/// embed snippet's attributes, a kiosk's config). One type for all, so that every front end lists
/// setup problems the same way, each naming its place and field.
/// In JSON (`assess validate --json`): `{"place": "item", "id": "D1"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "place", content = "id", rename_all = "snake_case")]
pub enum Place {
    Questionnaire,
    /// An association's config file (or, for its sections and weights, its customisation).
    Config,
    /// An attribute of the embed snippet on the association's page (`data-name`, …).
    Attribute,
    /// A kiosk's config file.
    KioskConfig,
    Question(String),
    /// A screen of the profile (`profile_parts`).
    ProfilePart(String),
    Item(String),
    Dimension(String),
    Stage(usize),
    Countermeasure(String),
    ExportOutcome(String),
    ExportRule(usize),
    ExportRoute(String),
    Role(String),
    Effort(String),
    HelpSource(String),
    /// A market-obligations catalogue as a whole.
    Catalogue,
    /// An entry of a market-obligations catalogue.
    Obligation(String),
    /// A catalogue's goods group: the HS codes one goods option stands for.
    Goods(String),
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Place::Questionnaire => write!(f, "questionnaire"),
            Place::Config => write!(f, "config"),
            Place::Attribute => write!(f, "embed attribute"),
            Place::KioskConfig => write!(f, "kiosk config"),
            Place::Question(id) => write!(f, "profile question {id}"),
            Place::ProfilePart(id) => write!(f, "profile part {id}"),
            Place::Item(id) => write!(f, "item {id}"),
            Place::Dimension(id) => write!(f, "dimension {id}"),
            Place::Stage(i) => write!(f, "stage #{}", i + 1),
            Place::Countermeasure(id) => write!(f, "countermeasure {id}"),
            Place::ExportOutcome(id) => write!(f, "export-path outcome {id}"),
            Place::ExportRule(i) => write!(f, "export-path rule #{}", i + 1),
            Place::ExportRoute(id) => write!(f, "export-path route {id}"),
            Place::Role(id) => write!(f, "role {id}"),
            Place::Effort(id) => write!(f, "effort {id}"),
            Place::HelpSource(id) => write!(f, "help source {id}"),
            Place::Catalogue => write!(f, "obligations catalogue"),
            Place::Obligation(id) => write!(f, "obligation {id}"),
            Place::Goods(id) => write!(f, "goods option {id}"),
        }
    }
}

/// What is wrong.
/// In JSON: `{"kind": "level_out_of_range", "detail": 7}`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", content = "detail", rename_all = "snake_case")]
pub enum ProblemKind {
    DuplicateId(String),
    MissingTranslation(LangTag),
    LevelOutOfRange(u8),
    /// Not greater than 0, or above `MAX_WEIGHT`.
    WeightOutOfRange(f64),
    ScoreOutOfRange(f64),
    UnknownQuestion(String),
    UnknownOption {
        question: String,
        option: String,
    },
    NotAnItem(String),
    UnknownCountermeasure(String),
    UnknownOutcome(String),
    /// Applicability rules that depend on each other in a circle: no order can evaluate them.
    Cycle(Vec<String>),
    Empty,
    NoRecommendationForLevel(u8),
    StagesNotAscending,
    FirstStageNotZero(f64),
    NoLanguages,
    ProfileReferencesItems(String),
    /// A profile part's id that cannot name a screen in the page's address: not a short
    /// lower-case name, or the name of a dimension or of another screen.
    BadPartId(String),
    /// A profile part that does not start after the one before it (the first: at the profile's
    /// first question), so that the parts would reorder or skip questions.
    PartOutOfOrder,
    /// The questionnaire's id is not a short lower-case name (`digital-trade`).
    BadQuestionnaireId(String),
    /// The version is not `MAJOR.MINOR.PATCH`.
    BadVersion(String),
    /// A text holds a character that reorders the text around it (a bidi override or isolate) or a
    /// control character: shown, it would make a text read other than it is.
    ForbiddenCharacter(char),
    /// A quote names a section that the benchmark's `section` does not list.
    QuoteSectionNotShown {
        quote: String,
        shown: String,
    },
    /// A comparison whose "level with" starts above its "ahead".
    CompareOutOfOrder {
        level_from: u8,
        ahead_from: u8,
    },
    /// A migration from the questionnaire's own version.
    MigrationFromItself(String),
    /// A file that is not JSON, or not of its format; serde's message, with line and column.
    Format(String),
    /// A file over the most this tool reads of its kind (`limits::Document`), in bytes: refused
    /// before it is parsed, or read no further than the limit.
    TooLarge {
        max_bytes: u64,
    },
    /// A list (the field) with more entries than this tool reads.
    TooMany {
        max: usize,
    },
    /// A file that could not be had: the server's status, or `None` when nothing answered (offline,
    /// or the server does not allow the app to read it).
    Unavailable(Option<u16>),
    /// A file whose server answered but did not let the app read it: no
    /// `Access-Control-Allow-Origin` header naming the app's origin (given here).
    NotShared(String),
    /// A customisation names a dimension the questionnaire does not have.
    UnknownDimension(String),
    /// A customisation's weight for an item or dimension that is not asked.
    NotAsked(String),
    /// A required field is absent.
    Missing,
    /// Not an origin such as `https://association.example`.
    NotAnOrigin(String),
    /// A language the front end or the questionnaire does not offer; the ones it does.
    UnsupportedLanguage {
        language: String,
        offered: Vec<String>,
    },
    /// A name that is blank or longer than `max` characters.
    BadLength {
        max: usize,
    },
    NotAColour(String),
    NotAFontList(String),
    /// Not an https URL or a path on the app's own site.
    NotAUrl(String),
    /// Not an address a phone can open for a hand-off link (`handoff_url`): an http(s) address
    /// of a public host, no fragment, at most `MAX_LINK_BASE` characters.
    NotAHandoffUrl(String),
    /// With a config file, the page may set only the language and the theme.
    SetInConfigFile,
    /// A recommendation names a role, effort or help source that the questionnaire's list
    /// (`roles`, `efforts`, `help_sources`) does not declare.
    UnknownEntry {
        list: &'static str,
        id: String,
    },
    /// The questionnaire declares a list (`roles`, …) but this recommendation names none of it:
    /// once a questionnaire gives first steps, every recommendation must say who, how much, and
    /// where to get help, or the plan would show holes.
    MissingEntry {
        list: &'static str,
    },
    /// A catalogue made for another questionnaire than the one it is used with.
    OtherQuestionnaire {
        expected: String,
        found: String,
    },
    /// A catalogue entry or date marked `M` (not confirmed) without `check_with`: an unconfirmed
    /// fact is shown only as "check this with …", so the text must say with whom.
    CheckWithMissing,
    /// An entry that ends (`until`) on or before the day it starts (`from`).
    UntilNotAfterFrom,

    /// A catalogue rule refers to a scored item: obligations follow from facts about the firm
    /// (its profile), never from how mature its practice is.
    NotAProfileQuestion(String),
    /// `hs_codes` on a single-choice question: codes are goods lines beside the options, so the
    /// question must take several answers.
    CodesOnSingleChoice,
    /// An `answer_in` rule's `codes` read the HS codes typed into a question that takes none
    /// (no `hs_codes`): they could never hold.
    TakesNoCodes(String),
}

impl fmt::Display for ProblemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProblemKind::DuplicateId(id) => write!(f, "id \"{id}\" is used more than once"),
            ProblemKind::CodesOnSingleChoice => f.write_str(
                "HS codes can be typed only into a question of several answers: set \"multiple\": true",
            ),
            ProblemKind::TakesNoCodes(id) => {
                write!(f, "question \"{id}\" takes no HS codes (set \"hs_codes\": true)")
            }
            ProblemKind::MissingTranslation(lang) => write!(f, "missing the \"{lang}\" text"),
            ProblemKind::LevelOutOfRange(level) => write!(f, "level {level} is outside 0–4"),
            ProblemKind::WeightOutOfRange(w) => write!(
                f,
                "weight {} must be greater than 0 and at most {}",
                number(*w),
                number(MAX_WEIGHT)
            ),
            ProblemKind::ScoreOutOfRange(s) => write!(f, "score {} is outside 0–100", number(*s)),
            ProblemKind::UnknownQuestion(id) => {
                write!(f, "refers to question \"{id}\", which does not exist")
            }
            ProblemKind::UnknownOption { question, option } => {
                write!(f, "refers to option \"{option}\" of question \"{question}\", which has no such option")
            }
            ProblemKind::NotAnItem(id) => write!(
                f,
                "asks for the level of \"{id}\", which is not a scored item"
            ),
            ProblemKind::UnknownCountermeasure(id) => {
                write!(f, "refers to countermeasure \"{id}\", which does not exist")
            }
            ProblemKind::UnknownOutcome(id) => {
                write!(
                    f,
                    "refers to export-path outcome \"{id}\", which does not exist"
                )
            }
            ProblemKind::Cycle(ids) => write!(
                f,
                "rules depend on each other in a cycle: {}",
                ids.join(" → ")
            ),
            ProblemKind::Empty => write!(f, "must not be empty"),
            ProblemKind::NoRecommendationForLevel(level) => write!(
                f,
                "level {level} is below the target but no recommendation covers it"
            ),
            ProblemKind::StagesNotAscending => {
                write!(f, "stages must be in ascending order of min_score")
            }
            ProblemKind::FirstStageNotZero(s) => {
                write!(f, "the first stage must start at 0, not {}", number(*s))
            }
            ProblemKind::NoLanguages => write!(f, "at least one language must be declared"),
            ProblemKind::ProfileReferencesItems(id) => write!(
                f,
                "a profile question may depend only on other profile questions, not on \"{id}\""
            ),
            ProblemKind::BadPartId(id) => write!(
                f,
                "\"{}\" cannot name a screen: use 1 to 32 lower-case letters, digits, \"-\" and \
                 \"_\", starting with a letter, and not a dimension's id nor profile, review, \
                 report or about",
                id.escape_debug()
            ),
            ProblemKind::PartOutOfOrder => write!(
                f,
                "must start after the part before it (the first part at the first profile \
                 question): parts keep the profile's order"
            ),
            ProblemKind::BadQuestionnaireId(id) => write!(
                f,
                "\"{}\" is not an id of 1 to 64 lower-case letters, digits, '-', '_' or '.', starting with a letter or digit",
                id.escape_debug()
            ),
            ProblemKind::BadVersion(v) => write!(
                f,
                "\"{}\" is not a version such as 1.2.0 (three numbers separated by dots)",
                v.escape_debug()
            ),
            ProblemKind::ForbiddenCharacter(c) => write!(
                f,
                "contains the invisible control character U+{:04X}, which is not allowed in a text",
                u32::from(*c)
            ),
            ProblemKind::QuoteSectionNotShown { quote, shown } => write!(
                f,
                "the quote's section {quote} is not among the benchmark's sections \"{shown}\": \
                 add it there or cite the section that holds the figure"
            ),
            ProblemKind::CompareOutOfOrder {
                level_from,
                ahead_from,
            } => write!(
                f,
                "level_from {level_from} is above ahead_from {ahead_from}: a firm cannot be ahead \
                 before it is level"
            ),
            ProblemKind::UnknownEntry { list, id } => write!(
                f,
                "refers to \"{id}\", which is not among the questionnaire's {list}"
            ),
            ProblemKind::MissingEntry { list } => write!(
                f,
                "is missing: the questionnaire declares {list}, so every recommendation names one"
            ),
            ProblemKind::MigrationFromItself(version) => write!(
                f,
                "a migration from {version}, the questionnaire's own version: answers to it need none"
            ),
            ProblemKind::Format(message) => write!(f, "not in the expected format: {message}"),
            ProblemKind::TooLarge { max_bytes } => write!(
                f,
                "the file is over {} KB, the most this tool reads of such a file: is it the right \
                 file?",
                max_bytes / 1024
            ),
            ProblemKind::TooMany { max } => write!(
                f,
                "more than {max} entries, the most this tool reads: is it the right file?"
            ),
            ProblemKind::Unavailable(Some(status)) => {
                write!(f, "could not be read: the server answered {status}")
            }
            ProblemKind::Unavailable(None) => write!(
                f,
                "could not be read: offline, or its server does not send the \
                 Access-Control-Allow-Origin header that lets this app read it"
            ),
            ProblemKind::NotShared(origin) => write!(
                f,
                "its server answered but does not let this app read it: serve it with the header \
                 \"Access-Control-Allow-Origin: {}\"",
                origin.escape_debug()
            ),
            ProblemKind::UnknownDimension(id) => {
                write!(f, "the questionnaire has no dimension \"{id}\"")
            }
            ProblemKind::NotAsked(id) => write!(f, "\"{id}\" is not asked"),
            ProblemKind::Missing => write!(f, "missing"),
            ProblemKind::NotAnOrigin(v) => write!(
                f,
                "\"{}\" is not an origin such as https://association.example",
                v.escape_debug()
            ),
            ProblemKind::UnsupportedLanguage { language, offered } => write!(
                f,
                "\"{}\" is not one of the languages offered: {}",
                language.escape_debug(),
                offered.join(", ")
            ),
            ProblemKind::BadLength { max } => write!(f, "must be 1 to {max} characters"),
            ProblemKind::NotAColour(v) => write!(
                f,
                "\"{}\" is not a colour such as #0b4f6c or rgb(11 79 108)",
                v.escape_debug()
            ),
            ProblemKind::NotAFontList(v) => write!(
                f,
                "\"{}\" is not a list of font names such as \"Noto Sans SC\", sans-serif",
                v.escape_debug()
            ),
            ProblemKind::NotAUrl(v) => write!(
                f,
                "\"{}\" is not an https URL or a path",
                v.escape_debug()
            ),
            ProblemKind::NotAHandoffUrl(v) => write!(
                f,
                "\"{}\" is not an address a phone can open: give the app's public https address \
                 (no #, at most {} characters)",
                v.escape_debug(),
                MAX_LINK_BASE
            ),
            ProblemKind::OtherQuestionnaire { expected, found } => write!(
                f,
                "the catalogue is for questionnaire \"{}\", not \"{}\"",
                found.escape_debug(),
                expected.escape_debug()
            ),
            ProblemKind::CheckWithMissing => write!(
                f,
                "is marked M (not confirmed) but has no check_with: an unconfirmed fact is shown \
                 only as \"check this with …\", so say with whom"
            ),
            ProblemKind::UntilNotAfterFrom => {
                write!(f, "the end date (until) must come after the start date (from)")
            }
            ProblemKind::NotAProfileQuestion(id) => write!(
                f,
                "refers to \"{id}\", a scored item: obligations may depend only on profile questions"
            ),
            ProblemKind::SetInConfigFile => write!(
                f,
                "set it in the config file; with a config file, the page may set only the \
                 language and the theme"
            ),
        }
    }
}

/// One problem in a questionnaire, with its place and field.
/// In JSON, the place's and the kind's keys beside `field`, so that a program (a test, an
/// association's script) tells problems apart without reading their words.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Problem {
    #[serde(flatten)]
    pub place: Place,
    /// The field, as a path inside the place: `options[2].level`, `text`, `applies_when`.
    pub field: String,
    #[serde(flatten)]
    pub kind: ProblemKind,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.field.is_empty() {
            write!(f, "{}: {}", self.place, self.kind)
        } else {
            write!(f, "{}, field {}: {}", self.place, self.field, self.kind)
        }
    }
}

/// Every problem found in a questionnaire document; never empty.
#[derive(Clone, Debug, PartialEq)]
pub struct Problems(pub Vec<Problem>);

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.0.len();
        writeln!(
            f,
            "the questionnaire has {n} problem{}:",
            if n == 1 { "" } else { "s" }
        )?;
        let mut text = String::new();
        list_capped(&mut text, &self.0, &LangTag::from("en"), |p| p.to_string());
        writeln!(f, "{}", text.trim_start_matches('\n'))
    }
}

impl std::error::Error for Problems {}

impl Document {
    /// The problem of a file of this kind, at `place`, that is `size` bytes when that is over its
    /// limit ([`ProblemKind::TooLarge`]): a front end that knows only the size (a
    /// `Content-Length`, the bytes read so far) asks this before it holds the whole file.
    pub fn too_large_at(self, place: Place, size: u64) -> Option<Problem> {
        (size > self.max_bytes()).then(|| Problem {
            place,
            field: String::new(),
            kind: ProblemKind::TooLarge {
                max_bytes: self.max_bytes(),
            },
        })
    }
}
