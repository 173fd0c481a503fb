//! The walk: the sections a person goes through, in order — the profile (in the screens its
//! `profile_parts` make, or as one), then each dimension — which comes next or before, which
//! questions each asks, which are still missing, and how far along a screen is.
//!
//! A form engine's model owns its pages; so does the core: a front end asks for the sections and
//! renders them, and never counts "section 0 is the profile" itself.

use std::fmt;

use crate::condition::Ref;
use crate::ids::{DimensionId, PartId, QuestionId};
use crate::model::ProfilePart;
use crate::questionnaire::{Asked, Questionnaire};
use crate::score::{Progress, Report};
use crate::text::Text;

/// One section of the walk. Addressed by what it is, not by its position, so that a screen (and,
/// later, its URL) names the same section in any questionnaire.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum SectionId {
    /// The questions about the firm, asked first, on one screen: a questionnaire without
    /// `profile_parts`.
    Profile,
    /// One screen of the profile, of a questionnaire with `profile_parts`.
    Part(PartId),
    /// A dimension's scored items.
    Dimension(DimensionId),
}

impl SectionId {
    /// The name a host page or a URL uses: `profile`, the part's id, or the dimension's id.
    pub fn key(&self) -> &str {
        match self {
            SectionId::Profile => "profile",
            SectionId::Part(id) => id.as_str(),
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
    /// Every section in the order it is asked: the profile (each of its parts), then the
    /// dimensions.
    pub fn sections(&self) -> Vec<SectionId> {
        let parts = &self.doc().profile_parts;
        let profile = match parts.is_empty() {
            true => vec![SectionId::Profile],
            false => parts
                .iter()
                .map(|p| SectionId::Part(p.id.clone()))
                .collect(),
        };
        profile
            .into_iter()
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
            SectionId::Profile => self.doc().profile_parts.is_empty(),
            SectionId::Part(id) => self.part(id).is_some(),
            SectionId::Dimension(id) => self.dimension(id).is_some(),
        }
    }

    /// The section a front end shows for `section`: itself if the questionnaire has it; for the
    /// profile as a whole (an old `#profile` link, "change answers"), its first part; `None` for
    /// a section it does not have.
    pub fn screen_for(&self, section: SectionId) -> Option<SectionId> {
        match section {
            SectionId::Profile if !self.has_section(&SectionId::Profile) => {
                Some(self.first_section())
            }
            section => self.has_section(&section).then_some(section),
        }
    }

    fn part(&self, id: &PartId) -> Option<&ProfilePart> {
        self.doc().profile_parts.iter().find(|p| &p.id == id)
    }

    /// Where each part's questions start and end in the profile: `(part, start, end)`. Validation
    /// saw to it that the parts start in the profile's order, the first at its first question.
    fn part_ranges(&self) -> impl Iterator<Item = (&ProfilePart, usize, usize)> {
        let profile = &self.doc().profile;
        let start = |p: &ProfilePart| {
            profile
                .iter()
                .position(|q| q.id == p.from)
                .unwrap_or(profile.len())
        };
        let parts = &self.doc().profile_parts;
        parts.iter().enumerate().map(move |(i, part)| {
            let end = parts.get(i + 1).map_or(profile.len(), start);
            (part, start(part), end)
        })
    }

    /// The first section of the walk.
    pub fn first_section(&self) -> SectionId {
        self.sections().swap_remove(0)
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
            SectionId::Part(id) => self
                .part_ranges()
                .find(|(part, ..)| &part.id == id)
                .map(|(_, start, end)| {
                    self.doc().profile[start..end]
                        .iter()
                        .map(Asked::Profile)
                        .collect()
                })
                .unwrap_or_default(),
            SectionId::Dimension(id) => self
                .dimension(id)
                .map(|d| d.items.iter().map(Asked::Item).collect())
                .unwrap_or_default(),
        }
    }

    /// The section a question is asked in.
    pub fn section_of(&self, question: &QuestionId) -> Option<SectionId> {
        match self.question(question)? {
            Asked::Profile(_) if self.doc().profile_parts.is_empty() => Some(SectionId::Profile),
            Asked::Profile(_) => {
                let at = self.doc().profile.iter().position(|q| &q.id == question)?;
                self.part_ranges()
                    .find(|(_, start, end)| (*start..*end).contains(&at))
                    .map(|(part, ..)| SectionId::Part(part.id.clone()))
            }
            Asked::Item(_) => self
                .item(question)
                .map(|(d, _)| SectionId::Dimension(d.id.clone())),
        }
    }

    /// A part's or a dimension's title; a profile without parts has no title in the
    /// questionnaire (a front end names it in its own words), so `None`.
    pub fn section_title(&self, section: &SectionId) -> Option<&Text> {
        match section {
            SectionId::Profile => None,
            SectionId::Part(id) => self.part(id).map(|p| &p.title),
            SectionId::Dimension(id) => self.dimension(id).map(|d| &d.title),
        }
    }

    /// A part's introduction, or a dimension's description; `None` for a profile without parts.
    pub fn section_intro(&self, section: &SectionId) -> Option<&Text> {
        match section {
            SectionId::Profile => None,
            SectionId::Part(id) => self.part(id).map(|p| &p.intro),
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
    /// The questions of `section` that apply (or may apply) and are not answered yet, in order:
    /// of those it shows (`shown_in`).
    pub fn missing_in<'q>(&self, q: &'q Questionnaire, section: &SectionId) -> Vec<Asked<'q>> {
        self.shown_in(q, section)
            .into_iter()
            .filter(|asked| self.missing.contains(asked.id()))
            .collect()
    }

    /// The questions of `section` to show: those that apply or may yet apply, in order, but for
    /// a follow-up that waits only on questions of its own screen not answered yet: it appears
    /// once they are answered so that it applies. One that waits on another screen's unanswered
    /// question is shown while it waits: the person may have passed that question by.
    pub fn shown_in<'q>(&self, q: &'q Questionnaire, section: &SectionId) -> Vec<Asked<'q>> {
        let questions = q.section_questions(section);
        let here = |id: &QuestionId| questions.iter().any(|a| a.id() == id);
        let waits_here = |asked: &Asked<'_>| {
            self.pending.contains(asked.id())
                && asked.applies_when().is_some_and(|condition| {
                    let mut only_here = true;
                    condition.visit_refs(&mut |r| match r {
                        Ref::Question(id)
                        | Ref::Option(id, _)
                        | Ref::Codes(id)
                        | Ref::Level(id, _) => only_here &= here(id) || !self.missing.contains(id),
                        Ref::ExportPath | Ref::Outcome(_) => only_here = false,
                    });
                    only_here
                })
        };
        questions
            .iter()
            .filter(|asked| self.shows(asked.id()) && !waits_here(asked))
            .copied()
            .collect()
    }

    /// How far along a screen is: of the questions `shown_in` it, how many are answered. Counted
    /// by screen, so that the count moves only with what the person sees: a follow-up that
    /// appears or goes adds or takes one, and an answer changes no earlier screen's count where,
    /// as in the shipped questionnaire, questions depend only on those asked before them. Counted
    /// over the whole walk,
    /// the questions that might yet apply fell away all at once as the profile was answered:
    /// 0 of 46, then 18 of 38.
    pub fn progress_in(&self, q: &Questionnaire, section: &SectionId) -> Progress {
        let shown = self.shown_in(q, section);
        let missing = shown
            .iter()
            .filter(|asked| self.missing.contains(asked.id()))
            .count();
        Progress {
            answered: shown.len() - missing,
            total: shown.len(),
        }
    }

    /// Whether a section asks this firm anything: some of its questions apply or may yet apply.
    /// A section every question of which is known not to apply can be passed over.
    pub fn section_applies(&self, q: &Questionnaire, section: &SectionId) -> bool {
        !self.shown_in(q, section).is_empty()
    }
}
