//! A validated questionnaire, and lookups into it.

use crate::list_map::ListMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::condition::Condition;
use crate::customise::Customisation;
use crate::ids::{CountermeasureId, DimensionId, OptionId, PathId, QuestionId, RouteId, StageId};
use crate::lang::Lang;
use crate::limits::Document;
use crate::model::{
    Countermeasure, Dimension, Item, PathOutcome, PathRoute, ProfileQuestion, QuestionnaireDoc,
    Stage,
};
use crate::problem::{Place, Problem, ProblemKind, Problems};
use crate::text::Text;
use crate::validate::validate;

/// Which questionnaire, in which version, a set of answers or a report belongs to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct QuestionnaireRef {
    #[cfg_attr(feature = "schema", schemars(regex(pattern = crate::ids::ID_PATTERN)))]
    pub id: String,
    #[cfg_attr(feature = "schema", schemars(regex(pattern = crate::ids::VERSION_PATTERN)))]
    pub version: String,
}

impl QuestionnaireRef {
    /// As `Display` writes it, in Chinese: “digital-trade” 1.3.0 版.
    pub fn in_chinese(&self) -> String {
        format!("“{}” {} 版", self.id, self.version)
    }
}

impl fmt::Display for QuestionnaireRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "\"{}\" version {}", self.id, self.version)
    }
}

/// Why a questionnaire file could not be loaded.
#[derive(Debug)]
pub enum LoadError {
    /// Not JSON, or JSON not of the questionnaire format; the message has line and column.
    Format(String),
    /// Well-formed, but with problems in its content.
    Invalid(Problems),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Format(message) => {
                write!(
                    f,
                    "the questionnaire file is not in the questionnaire format: {message}"
                )
            }
            LoadError::Invalid(problems) => problems.fmt(f),
        }
    }
}

impl std::error::Error for LoadError {}

/// Where a question sits in the document.
#[derive(Clone, Copy, Debug)]
enum Slot {
    Profile(usize),
    Item { dimension: usize, item: usize },
}

/// A question as the person answering sees it: profile question or scored item.
#[derive(Clone, Copy, Debug)]
pub enum Asked<'a> {
    Profile(&'a ProfileQuestion),
    Item(&'a Item),
}

impl<'a> Asked<'a> {
    pub fn id(self) -> &'a QuestionId {
        match self {
            Asked::Profile(q) => &q.id,
            Asked::Item(i) => &i.id,
        }
    }

    pub fn text(self) -> &'a Text {
        match self {
            Asked::Profile(q) => &q.text,
            Asked::Item(i) => &i.text,
        }
    }

    pub fn help(self) -> Option<&'a Text> {
        match self {
            Asked::Profile(q) => q.help.as_ref(),
            Asked::Item(i) => i.help.as_ref(),
        }
    }

    /// Whether several options may be chosen. Scored items are always single choice.
    pub fn multiple(self) -> bool {
        match self {
            Asked::Profile(q) => q.multiple,
            Asked::Item(_) => false,
        }
    }

    /// Whether the firm may type HS codes beside the options (a profile question's `hs_codes`).
    pub fn takes_codes(self) -> bool {
        match self {
            Asked::Profile(q) => q.hs_codes,
            Asked::Item(_) => false,
        }
    }

    pub fn applies_when(self) -> Option<&'a Condition> {
        match self {
            Asked::Profile(q) => q.applies_when.as_ref(),
            Asked::Item(i) => i.applies_when.as_ref(),
        }
    }

    /// The options in order, as (id, label).
    pub fn options(self) -> Vec<(&'a OptionId, &'a Text)> {
        match self {
            Asked::Profile(q) => q.options.iter().map(|o| (&o.id, &o.label)).collect(),
            Asked::Item(i) => i.options.iter().map(|o| (&o.id, &o.label)).collect(),
        }
    }

    pub fn has_option(self, id: &OptionId) -> bool {
        match self {
            Asked::Profile(q) => q.options.iter().any(|o| &o.id == id),
            Asked::Item(i) => i.options.iter().any(|o| &o.id == id),
        }
    }

    /// Whether choosing `id` clears every other choice ("none of these").
    pub fn is_exclusive(self, id: &OptionId) -> bool {
        match self {
            Asked::Profile(q) => q.options.iter().any(|o| &o.id == id && o.exclusive),
            Asked::Item(_) => true,
        }
    }
}

/// A questionnaire that passed validation: every reference resolves, every text is translated,
/// every level is 0–4, and its rules have no cycle. Only [`Questionnaire::new`] makes one.
#[derive(Clone, Debug)]
pub struct Questionnaire {
    doc: QuestionnaireDoc,
    index: ListMap<QuestionId, Slot>,
    /// What an association's customisation changed of its file's scoring (none for a file as it
    /// is): a result record says it, so that it is counted only with the same.
    customisation: Customisation,
}

/// By the document: its customisation is what was changed to make it, so two equal documents
/// of one file were customised alike.
impl PartialEq for Questionnaire {
    fn eq(&self, other: &Self) -> bool {
        self.doc == other.doc
    }
}

impl Questionnaire {
    pub fn new(doc: QuestionnaireDoc) -> Result<Self, Problems> {
        validate(&doc)?;
        let mut index = ListMap::new();
        for (i, q) in doc.profile.iter().enumerate() {
            index.insert(q.id.clone(), Slot::Profile(i));
        }
        for (d, dimension) in doc.dimensions.iter().enumerate() {
            for (i, item) in dimension.items.iter().enumerate() {
                index.insert(
                    item.id.clone(),
                    Slot::Item {
                        dimension: d,
                        item: i,
                    },
                );
            }
        }
        Ok(Self {
            doc,
            index,
            customisation: Customisation::default(),
        })
    }

    /// Parses and validates a questionnaire file.
    pub fn from_json(json: &str) -> Result<Self, LoadError> {
        if let Some(problem) =
            Document::Questionnaire.too_large_at(Place::Questionnaire, json.len() as u64)
        {
            return Err(LoadError::Invalid(Problems(vec![problem])));
        }
        let doc: QuestionnaireDoc =
            serde_json::from_str(json).map_err(|e| LoadError::Format(e.to_string()))?;
        Self::new(doc).map_err(LoadError::Invalid)
    }

    /// Reads a questionnaire file as a front end does: parse, apply an association's
    /// customisation, validate. Every problem comes back in one shape, naming its place and field:
    /// the file's format, the customisation's fields (`Place::Config`), or the content.
    pub fn load(text: &str, customisation: &Customisation) -> Result<Self, Problems> {
        let format = |message: String| {
            Problems(vec![Problem {
                place: Place::Questionnaire,
                field: String::new(),
                kind: ProblemKind::Format(message),
            }])
        };
        if let Some(problem) =
            Document::Questionnaire.too_large_at(Place::Questionnaire, text.len() as u64)
        {
            return Err(Problems(vec![problem]));
        }
        let doc: QuestionnaireDoc =
            serde_json::from_str(text).map_err(|e| format(e.to_string()))?;
        if customisation.is_empty() {
            return Self::new(doc);
        }
        let (customised, effective) = customisation.apply_effective(doc).map_err(Problems)?;
        let mut questionnaire = Self::new(customised)?;
        questionnaire.customisation = effective;
        Ok(questionnaire)
    }

    pub fn doc(&self) -> &QuestionnaireDoc {
        &self.doc
    }

    /// What an association's customisation changed of its file's sections and weights (empty for
    /// a file as it is, or a customisation that changes nothing): see `Customisation::apply_effective`.
    pub fn customisation(&self) -> &Customisation {
        &self.customisation
    }

    pub fn reference(&self) -> QuestionnaireRef {
        QuestionnaireRef {
            id: self.doc.id.clone(),
            version: self.doc.version.clone(),
        }
    }

    pub fn question(&self, id: &QuestionId) -> Option<Asked<'_>> {
        Some(match *self.index.get(id)? {
            Slot::Profile(i) => Asked::Profile(&self.doc.profile[i]),
            Slot::Item { dimension, item } => {
                Asked::Item(&self.doc.dimensions[dimension].items[item])
            }
        })
    }

    /// A scored item with its dimension.
    pub fn item(&self, id: &QuestionId) -> Option<(&Dimension, &Item)> {
        match *self.index.get(id)? {
            Slot::Profile(_) => None,
            Slot::Item { dimension, item } => {
                let d = &self.doc.dimensions[dimension];
                Some((d, &d.items[item]))
            }
        }
    }

    /// Every question in the order it is asked: profile, then each dimension's items.
    pub fn questions(&self) -> impl Iterator<Item = Asked<'_>> {
        self.doc.profile.iter().map(Asked::Profile).chain(
            self.doc
                .dimensions
                .iter()
                .flat_map(|d| d.items.iter().map(Asked::Item)),
        )
    }

    pub fn items(&self) -> impl Iterator<Item = (&Dimension, &Item)> {
        self.doc
            .dimensions
            .iter()
            .flat_map(|d| d.items.iter().map(move |i| (d, i)))
    }

    pub fn item_count(&self) -> usize {
        self.doc.dimensions.iter().map(|d| d.items.len()).sum()
    }

    pub fn dimension(&self, id: &DimensionId) -> Option<&Dimension> {
        self.doc.dimensions.iter().find(|d| &d.id == id)
    }

    pub fn stage(&self, id: &StageId) -> Option<&Stage> {
        self.doc.stages.iter().find(|s| &s.id == id)
    }

    pub fn countermeasure(&self, id: &CountermeasureId) -> Option<&Countermeasure> {
        self.doc.countermeasures.iter().find(|c| &c.id == id)
    }

    pub fn outcome(&self, id: &PathId) -> Option<&PathOutcome> {
        self.doc.export_path.outcomes.iter().find(|o| &o.id == id)
    }

    pub fn route(&self, id: &RouteId) -> Option<&PathRoute> {
        self.doc.export_path.routes.iter().find(|r| &r.id == id)
    }
}

/// Where a front end got its questionnaire, which decides what a switch of language can have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// The shipped questionnaire: published whole, in every language the tool speaks, beside the
    /// one-language files a first load carries.
    Shipped,
    /// An association's own questionnaire: only the languages it declares exist.
    Association,
}

/// What a switch to a language takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Switch {
    /// The questionnaire at hand speaks it: only the words change.
    Ready,
    /// The shipped questionnaire, whole, is to be fetched; the answers carry over (same id and
    /// version).
    FetchShipped,
    /// The questionnaire exists in no such language. Loading another one in its place would
    /// change the questions under the person's answers: the page stays as it is and says so.
    NotOffered,
}

impl Questionnaire {
    /// What a switch of this questionnaire, got from `source`, to `lang` takes.
    pub fn switch_to(&self, lang: Lang, source: Source) -> Switch {
        if self.speaks(&lang.lang_tag()) {
            return Switch::Ready;
        }
        match source {
            Source::Shipped => Switch::FetchShipped,
            Source::Association => Switch::NotOffered,
        }
    }

    /// The tool's languages this questionnaire has its texts in, in the tool's order.
    pub fn languages_spoken(&self) -> impl Iterator<Item = Lang> + '_ {
        Lang::ALL
            .into_iter()
            .filter(|lang| self.speaks(&lang.lang_tag()))
    }
}
