//! The walk: the sections a person goes through, in order — the profile, then each dimension —
//! which comes next or before, which questions each asks, and which are still missing.
//!
//! A form engine's model owns its pages; so does the core: a front end asks for the sections and
//! renders them, and never counts "section 0 is the profile" itself.

use std::fmt;

use crate::ids::{DimensionId, QuestionId};
use crate::questionnaire::{Asked, Questionnaire};
use crate::score::Report;
use crate::text::Text;

/// One section of the walk. Addressed by what it is, not by its position, so that a screen (and,
/// later, its URL) names the same section in any questionnaire.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum SectionId {
    /// The questions about the firm, asked first.
    Profile,
    /// A dimension's scored items.
    Dimension(DimensionId),
}

impl SectionId {
    /// The name a host page or a URL uses: `profile`, or the dimension's id.
    pub fn key(&self) -> &str {
        match self {
            SectionId::Profile => "profile",
            SectionId::Dimension(id) => id.as_str(),
        }
    }
}

impl fmt::Display for SectionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

impl Questionnaire {
    /// Every section in the order it is asked: the profile, then the dimensions.
    pub fn sections(&self) -> Vec<SectionId> {
        std::iter::once(SectionId::Profile)
            .chain(
                self.doc()
                    .dimensions
                    .iter()
                    .map(|d| SectionId::Dimension(d.id.clone())),
            )
            .collect()
    }

    /// Whether the questionnaire has this section.
    pub fn has_section(&self, section: &SectionId) -> bool {
        match section {
            SectionId::Profile => true,
            SectionId::Dimension(id) => self.dimension(id).is_some(),
        }
    }

    /// The first section of the walk.
    pub fn first_section(&self) -> SectionId {
        SectionId::Profile
    }

    /// The last section of the walk, after which comes the review.
    pub fn last_section(&self) -> SectionId {
        self.sections()
            .pop()
            .expect("the walk has at least the profile")
    }

    /// The section after `section`; `None` after the last (or for a section it does not have).
    pub fn next_section(&self, section: &SectionId) -> Option<SectionId> {
        let sections = self.sections();
        let at = sections.iter().position(|s| s == section)?;
        sections.into_iter().nth(at + 1)
    }

    /// The section before `section`; `None` before the profile.
    pub fn previous_section(&self, section: &SectionId) -> Option<SectionId> {
        let sections = self.sections();
        let at = sections.iter().position(|s| s == section)?;
        at.checked_sub(1).map(|i| sections[i].clone())
    }

    /// The questions of a section, in order, including those that do not apply.
    pub fn section_questions(&self, section: &SectionId) -> Vec<Asked<'_>> {
        match section {
            SectionId::Profile => self.doc().profile.iter().map(Asked::Profile).collect(),
            SectionId::Dimension(id) => self
                .dimension(id)
                .map(|d| d.items.iter().map(Asked::Item).collect())
                .unwrap_or_default(),
        }
    }

    /// The section a question is asked in.
    pub fn section_of(&self, question: &QuestionId) -> Option<SectionId> {
        match self.question(question)? {
            Asked::Profile(_) => Some(SectionId::Profile),
            Asked::Item(_) => self
                .item(question)
                .map(|(d, _)| SectionId::Dimension(d.id.clone())),
        }
    }

    /// A dimension's title in `lang`; the profile has no title in the questionnaire (a front end
    /// names it in its own words), so `None`.
    pub fn section_title(&self, section: &SectionId) -> Option<&Text> {
        match section {
            SectionId::Profile => None,
            SectionId::Dimension(id) => self.dimension(id).map(|d| &d.title),
        }
    }

    /// A dimension's description, as the section's introduction; `None` for the profile.
    pub fn section_intro(&self, section: &SectionId) -> Option<&Text> {
        match section {
            SectionId::Profile => None,
            SectionId::Dimension(id) => self.dimension(id).map(|d| &d.description),
        }
    }
}

/// "Technology: digital infrastructure" → "Technology": the part of a title before the first
/// colon (ASCII or full-width), for a step's short name.
pub fn short_title(title: &str) -> &str {
    title.split([':', '：']).next().unwrap_or(title).trim()
}

impl Report {
    /// The questions of `section` that apply (or may apply) and are not answered yet, in order.
    pub fn missing_in<'q>(&self, q: &'q Questionnaire, section: &SectionId) -> Vec<Asked<'q>> {
        q.section_questions(section)
            .into_iter()
            .filter(|asked| self.missing.contains(asked.id()))
            .collect()
    }

    /// The questions of `section` to show: those that apply or may yet apply, in order.
    pub fn shown_in<'q>(&self, q: &'q Questionnaire, section: &SectionId) -> Vec<Asked<'q>> {
        q.section_questions(section)
            .into_iter()
            .filter(|asked| self.shows(asked.id()))
            .collect()
    }

    /// Whether a section asks this firm anything: some of its questions apply or may yet apply.
    /// A section every question of which is known not to apply can be passed over.
    pub fn section_applies(&self, q: &Questionnaire, section: &SectionId) -> bool {
        !self.shown_in(q, section).is_empty()
    }
}
