//! The app's state: one reducer of plain types.
//!
//! Nothing here touches a web API: saving to storage happens outside the reducer, in an effect of the
//! app component, so the whole flow of the walk is tested natively. Every rule (what applies, what is
//! missing, every score) is asked of the assessment core; the reducer only keeps the answers and the
//! screen.

use std::ops::Deref;
use std::rc::Rc;

use assessment::{
    score, AnswerProblem, AnswerSheet, AnswersError, OptionId, QuestionId, Questionnaire,
    QuestionnaireRef, Recovered, Report, SectionId,
};
use yew::Reducible;

use crate::i18n::Lang;
use crate::kiosk::Mode;

/// A shared, immutable value compared by identity: the questionnaire and the report are large, and
/// a new one is made exactly when it changes, so comparing pointers is both right and cheap.
#[derive(Debug)]
pub struct Shared<T>(Rc<T>);

impl<T> Shared<T> {
    pub fn new(value: T) -> Self {
        Self(Rc::new(value))
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Self(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// Which screen the person is on. Each is addressed by what it shows (a section by its id), so
/// that a screen can be named the same way in any questionnaire.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Screen {
    /// A kiosk's screen between visitors, if its config asks for one.
    Attract,
    Start,
    /// A section of the walk: the profile or a dimension (the core's walk orders them).
    Section(SectionId),
    /// Unanswered questions, before the report.
    Review,
    Report,
    /// What the app does offline and with storage, and what it keeps. Back returns to the screen
    /// it was opened from.
    About,
}

/// Saved answers that need the person's decision, with the text exactly as it was found.
#[derive(Clone, Debug, PartialEq)]
pub struct Damaged {
    pub raw: String,
    pub kind: DamageKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum DamageKind {
    /// Made for another version (or with answers this version lacks): some fit, some do not.
    Migrated {
        from: QuestionnaireRef,
        kept: usize,
        dropped: Vec<AnswerProblem>,
    },
    /// Nothing in it could be used.
    Unreadable(AnswersError),
}

/// A message for the person, shown until dismissed or replaced.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    Imported,
    /// The import was refused; nothing changed.
    ImportRefused(AnswersError),
    /// The file was too large to be an answers file (its size in bytes); it was not read.
    ImportTooLarge(u64),
    /// Another tab or window of this browser changed the saved answers; this page now shows
    /// them. `previous` is what this page had, for Undo.
    ChangedElsewhere {
        previous: AnswerSheet,
    },
    /// Every answer was cleared (start over): `previous` is kept for Undo until the next change,
    /// with the screen to return to (`None`: where the person stopped).
    Cleared {
        previous: AnswerSheet,
        screen: Option<Screen>,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub questionnaire: Shared<Questionnaire>,
    pub sheet: AnswerSheet,
    /// Scored from `sheet` by the reducer on every change, so that components only read it.
    pub report: Shared<Report>,
    pub lang: Lang,
    pub screen: Screen,
    /// Answers saved by an earlier visit, offered on the start screen until resumed or discarded.
    pub saved: Option<AnswerSheet>,
    /// Saved text that could not be used as it was. Until the person decides (resume what fits,
    /// or discard it), nothing is saved, so that it is never overwritten silently.
    pub damaged: Option<Damaged>,
    pub notice: Option<Notice>,
    /// The question to bring into view and focus after the screen changed (from the review's links).
    pub focus: Option<QuestionId>,
    /// Personal use or a kiosk.
    pub mode: Mode,
    /// The language a new visitor starts in.
    pub default_lang: Lang,
    /// Whether answers survive a reload: false in a kiosk, or where storage is missing or broken.
    pub persistent: bool,
    /// A new version of the app is installed and waits for a reload.
    pub update_ready: bool,
    /// The screen the about screen returns to.
    return_to: Screen,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SetLang(Lang),
    /// Start the walk. Saved answers from an earlier visit, if any, are discarded.
    Begin,
    /// Continue with the answers saved by an earlier visit (for damaged ones: those that fit).
    Resume,
    /// Forget saved answers that could not be used as they were; saving resumes.
    DiscardSaved,
    Choose(QuestionId, OptionId),
    Clear(QuestionId),
    /// Go to a screen: a step of the walk (a section, the review), the about screen, the start.
    Go(Screen),
    /// Go to the section that asks a question, and focus it.
    GoTo(QuestionId),
    Next,
    Back,
    /// An answers file's text, to replace the current answers if it is valid for this questionnaire.
    Import(String),
    /// A file chosen for import was too large to read (its size in bytes).
    ImportTooLarge(u64),
    /// Another tab or window wrote the saved answers (their text now, or `None` if removed).
    StoredElsewhere(Option<String>),
    /// Back to the answers this page had before another tab changed them.
    UndoChangeElsewhere,
    /// Forget every answer and return to the start screen, with an Undo until the next change.
    StartOver,
    /// Back to the answers a start over (or a fresh start over saved answers) cleared.
    UndoClear,
    /// The page's address names a screen (a reload, Back or Forward): its fragment, as found.
    Arrive(String),
    /// A kiosk's end of visit: forget everything of this visitor (answers, language, notices) and
    /// show the screen that waits for the next one.
    Wipe,
    /// Answers cannot be kept beyond this page (storage missing, blocked or full).
    StorageFailed,
    UpdateReady,
    DismissNotice,
}

impl State {
    /// A fresh state; `saved_text` is what storage held from an earlier visit (ignored in a
    /// kiosk), and `persistent` whether storage works.
    pub fn new(
        questionnaire: Shared<Questionnaire>,
        lang: Lang,
        saved_text: Option<String>,
        mode: Mode,
        persistent: bool,
    ) -> Self {
        let sheet = AnswerSheet::new(&questionnaire);
        let report = Shared::new(score(&questionnaire, &sheet));
        // A kiosk never resumes anyone.
        let saved_text = saved_text.filter(|_| !mode.is_kiosk());
        let (saved, damaged) =
            match saved_text.map(|raw| (Recovered::read(&raw, &questionnaire), raw)) {
                None => (None, None),
                Some((Recovered::Intact(sheet), _)) => (Some(sheet), None),
                Some((
                    Recovered::Migrated {
                        sheet,
                        from,
                        dropped,
                    },
                    raw,
                )) => {
                    let kind = DamageKind::Migrated {
                        from,
                        kept: sheet.answers.len(),
                        dropped,
                    };
                    (Some(sheet), Some(Damaged { raw, kind }))
                }
                Some((Recovered::Unreadable(error), raw)) => (
                    None,
                    Some(Damaged {
                        raw,
                        kind: DamageKind::Unreadable(error),
                    }),
                ),
            };
        // An empty saved sheet is nothing to resume.
        let saved = saved.filter(|s| !s.answers.is_empty());
        let screen = Self::first_screen(&mode);
        Self {
            questionnaire,
            sheet,
            report,
            lang,
            screen: screen.clone(),
            saved,
            damaged,
            notice: None,
            focus: None,
            persistent: persistent && !mode.is_kiosk(),
            mode,
            default_lang: lang,
            update_ready: false,
            return_to: screen,
        }
    }

    /// Where a visit begins: a kiosk's attract screen if it has one, else the start screen.
    fn first_screen(mode: &Mode) -> Screen {
        match mode {
            Mode::Kiosk(config) if config.attract => Screen::Attract,
            _ => Screen::Start,
        }
    }

    /// Whether someone is in the middle of a visit: past the start screen, with answers given, or
    /// with the language changed. A kiosk's idle timer runs only then, and wipes all of it: a
    /// visitor who only switched the language must not leave it to the next one.
    /// An Undo of cleared answers is a visit too: it holds the visitor's answers.
    pub fn visiting(&self) -> bool {
        !matches!(self.screen, Screen::Start | Screen::Attract)
            || !self.sheet.answers.is_empty()
            || self.lang != self.default_lang
            || matches!(self.notice, Some(Notice::Cleared { .. }))
    }

    /// Where "continue" goes: the first section with a question still to answer, else the report
    /// when everything is answered, else the review (an export path still open, say).
    pub fn resume_screen(&self) -> Screen {
        let q = &self.questionnaire;
        let open = q
            .sections()
            .into_iter()
            .find(|s| !self.report.missing_in(q, s).is_empty());
        match open {
            Some(section) => Screen::Section(section),
            None if self.report.complete => Screen::Report,
            None => Screen::Review,
        }
    }

    /// The answers on offer on the start screen and how far they go, counted by the core over the
    /// questions that apply to them: an earlier visit's, else this page's own (after Back to the
    /// start).
    pub fn offer(&self) -> Option<assessment::Progress> {
        match &self.saved {
            Some(saved) => Some(score(&self.questionnaire, saved).progress),
            None if !self.sheet.answers.is_empty() => Some(self.report.progress),
            None => None,
        }
    }

    /// The screen the page's address names (`fragment`, from a reload, Back or Forward), where it
    /// can be shown: a section resumes the answers on offer (unless answers of another version
    /// wait for the decision to keep what fits, which the start screen asks for); the review and
    /// the report need answers. Anything else is the first screen.
    pub fn arrive(mut self, fragment: &str) -> Self {
        let screen = crate::route::parse(fragment, &self.questionnaire);
        let screen = match screen {
            Some(Screen::About) => {
                if self.screen != Screen::About {
                    self.return_to = self.screen.clone();
                }
                Screen::About
            }
            // Saved answers that only partly fit wait for the person's decision, which the start
            // screen asks for; without that question the walk goes on (and the notice stays).
            Some(screen @ (Screen::Section(_) | Screen::Review | Screen::Report))
                if !(self.damaged.is_some() && self.saved.is_some()) =>
            {
                if let Some(saved) = self.saved.take() {
                    self = self.with_sheet(saved);
                }
                let needs_answers = matches!(screen, Screen::Review | Screen::Report);
                if needs_answers && self.sheet.answers.is_empty() {
                    Self::first_screen(&self.mode)
                } else {
                    screen
                }
            }
            _ => Self::first_screen(&self.mode),
        };
        self.screen = screen;
        self
    }

    /// Whether a reload would lose answers: storage does not take them (missing, blocked or full)
    /// or waits for the person's decision on damaged saved answers. Never in a kiosk, which keeps
    /// nothing by design and updates only between visitors.
    pub fn answers_at_risk(&self) -> bool {
        !self.sheet.answers.is_empty()
            && (!self.persistent || self.damaged.is_some())
            && !self.mode.is_kiosk()
    }

    /// Whether answers may be exported to a file or imported from one. Never in a kiosk: a file
    /// left in its downloads would hand one visitor's answers to the next.
    pub fn files_allowed(&self) -> bool {
        !self.mode.is_kiosk()
    }

    /// The screen after `screen` in the walk: the next section, the review after the last.
    fn after(&self, screen: &Screen) -> Screen {
        let q = &self.questionnaire;
        match screen {
            Screen::Attract => Screen::Start,
            Screen::Start => Screen::Section(q.first_section()),
            Screen::About => self.return_to.clone(),
            Screen::Section(s) => q.next_section(s).map_or(Screen::Review, Screen::Section),
            Screen::Review | Screen::Report => Screen::Report,
        }
    }

    /// The screen before `screen`: the previous section, the start before the profile.
    fn before(&self, screen: &Screen) -> Screen {
        let q = &self.questionnaire;
        match screen {
            Screen::Attract => Screen::Attract,
            Screen::About => self.return_to.clone(),
            Screen::Start => Screen::Start,
            Screen::Section(s) => q.previous_section(s).map_or(Screen::Start, Screen::Section),
            Screen::Review => Screen::Section(q.last_section()),
            Screen::Report => Screen::Review,
        }
    }

    /// Two tabs of the app each save their whole sheet on every answer, so without this the last
    /// to write would silently undo the other's answers. Instead a page adopts what another tab
    /// saved, which keeps every answer given in either tab, and says so, with an Undo. Before the
    /// walk has begun, only the offer to resume is brought up to date.
    fn stored_elsewhere(mut self, text: Option<String>) -> Self {
        if !self.persistent || self.damaged.is_some() {
            return self;
        }
        let stored = match &text {
            None => Some(AnswerSheet::new(&self.questionnaire)),
            // Text this page cannot use whole (another version's, say) is left to a reload,
            // which offers to migrate it; adopting part of it here would drop answers.
            Some(raw) => match Recovered::read(raw, &self.questionnaire) {
                Recovered::Intact(sheet) => Some(sheet),
                _ => None,
            },
        };
        let Some(stored) = stored else {
            return self;
        };
        let begun = self.saved.is_none()
            && !(matches!(self.screen, Screen::Start | Screen::Attract)
                && self.sheet.answers.is_empty());
        if !begun {
            self.saved = Some(stored).filter(|s| !s.answers.is_empty());
            return self;
        }
        if stored == self.sheet {
            return self;
        }
        let previous = self.sheet.clone();
        self.notice = Some(Notice::ChangedElsewhere { previous });
        self.with_sheet(stored)
    }

    fn with_sheet(mut self, sheet: AnswerSheet) -> Self {
        self.report = Shared::new(score(&self.questionnaire, &sheet));
        self.sheet = sheet;
        self
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        let first = Screen::Section(self.questionnaire.first_section());
        next.focus = None;
        match action {
            Action::SetLang(lang) => next.lang = lang,
            Action::Begin => {
                // Answers on offer (an earlier visit's, or this page's) can be had back.
                let previous = next
                    .saved
                    .take()
                    .or_else(|| Some(next.sheet.clone()).filter(|sheet| !sheet.answers.is_empty()));
                if let Some(previous) = previous {
                    next.notice = Some(Notice::Cleared {
                        previous,
                        screen: None,
                    });
                }
                next = next.with_sheet(AnswerSheet::new(&self.questionnaire));
                next.screen = first;
            }
            Action::Resume => {
                if let Some(saved) = next.saved.take() {
                    next = next.with_sheet(saved);
                }
                // Resuming what fits is the decision on damaged saved answers.
                next.damaged = None;
                next.screen = next.resume_screen();
            }
            Action::DiscardSaved => {
                next.saved = None;
                next.damaged = None;
            }
            // The next change ends the offer to undo a start over.
            Action::Choose(..) | Action::Clear(_) | Action::Import(_)
                if matches!(next.notice, Some(Notice::Cleared { .. })) =>
            {
                next.notice = None;
                return Rc::new(next).reduce(action);
            }
            Action::Choose(question, option) => {
                let mut sheet = next.sheet.clone();
                sheet.choose(&self.questionnaire, &question, &option);
                next = next.with_sheet(sheet);
            }
            Action::Clear(question) => {
                let mut sheet = next.sheet.clone();
                sheet.clear(&question);
                next = next.with_sheet(sheet);
            }
            Action::Go(Screen::About) if next.screen != Screen::About => {
                next.return_to = next.screen.clone();
                next.screen = Screen::About;
            }
            // A section this questionnaire does not have is no screen.
            Action::Go(Screen::Section(s)) if !self.questionnaire.has_section(&s) => {}
            Action::Go(screen) => next.screen = screen,
            Action::GoTo(question) => {
                if let Some(section) = self.questionnaire.section_of(&question) {
                    next.screen = Screen::Section(section);
                    next.focus = Some(question);
                }
            }
            Action::Next => next.screen = next.after(&self.screen),
            Action::Back => next.screen = next.before(&self.screen),
            Action::Import(_) | Action::ImportTooLarge(_) if !self.files_allowed() => {}
            Action::Import(text) => match AnswerSheet::from_json(&text, &self.questionnaire) {
                Ok(sheet) => {
                    next.saved = None;
                    next = next.with_sheet(sheet);
                    next.notice = Some(Notice::Imported);
                }
                Err(error) => next.notice = Some(Notice::ImportRefused(error)),
            },
            Action::ImportTooLarge(bytes) => next.notice = Some(Notice::ImportTooLarge(bytes)),
            Action::StoredElsewhere(text) => next = next.stored_elsewhere(text),
            Action::UndoChangeElsewhere => {
                if let Some(Notice::ChangedElsewhere { previous }) = next.notice.take() {
                    next = next.with_sheet(previous);
                }
            }
            Action::StartOver => {
                next.saved = None;
                if !next.sheet.answers.is_empty() {
                    next.notice = Some(Notice::Cleared {
                        previous: next.sheet.clone(),
                        screen: Some(next.screen.clone()),
                    });
                }
                next = next.with_sheet(AnswerSheet::new(&self.questionnaire));
                next.screen = Screen::Start;
            }
            Action::UndoClear => {
                if let Some(Notice::Cleared { previous, screen }) = next.notice.take() {
                    next.saved = None;
                    next = next.with_sheet(previous);
                    next.screen = screen.unwrap_or_else(|| next.resume_screen());
                }
            }
            Action::Arrive(fragment) => next = next.arrive(&fragment),
            Action::DismissNotice => next.notice = None,
            Action::Wipe => {
                next = State::new(
                    self.questionnaire.clone(),
                    self.default_lang,
                    None,
                    self.mode.clone(),
                    self.persistent,
                );
                // A waiting update survives the wipe: it is applied between visitors.
                next.update_ready = self.update_ready;
            }
            Action::StorageFailed => next.persistent = false,
            Action::UpdateReady => next.update_ready = true,
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use assessment::BUILTIN_QUESTIONNAIRE;

    use super::*;

    fn fresh() -> Rc<State> {
        let q = Shared::new(Questionnaire::from_json(BUILTIN_QUESTIONNAIRE).unwrap());
        Rc::new(State::new(q, Lang::En, None, Mode::Personal, true))
    }

    fn apply(state: Rc<State>, actions: impl IntoIterator<Item = Action>) -> Rc<State> {
        actions.into_iter().fold(state, |s, a| s.reduce(a))
    }

    fn choose(q: &str, o: &str) -> Action {
        Action::Choose(QuestionId::from(q), OptionId::from(o))
    }

    fn dimension(id: &str) -> Screen {
        Screen::Section(SectionId::Dimension(id.into()))
    }

    const PROFILE: Screen = Screen::Section(SectionId::Profile);

    #[test]
    fn the_walk_goes_profile_dimensions_review_report_and_back() {
        let s = apply(fresh(), [Action::Begin]);
        assert_eq!(s.screen, PROFILE);
        let s = apply(s, [Action::Next]);
        assert_eq!(s.screen, dimension("technology"));
        let s = apply(s, [Action::Next, Action::Next]);
        assert_eq!(s.screen, dimension("institutions"));
        let s = apply(s, [Action::Next]);
        assert_eq!(s.screen, Screen::Review);
        let s = apply(s, [Action::Next]);
        assert_eq!(s.screen, Screen::Report);
        let s = apply(s, [Action::Back, Action::Back]);
        assert_eq!(s.screen, dimension("institutions"));
        let s = apply(s, [Action::Back, Action::Back, Action::Back]);
        assert_eq!(s.screen, PROFILE);
        assert_eq!(apply(s, [Action::Back]).screen, Screen::Start);
    }

    #[test]
    fn the_walk_follows_the_questionnaire_not_a_count() {
        // An association's questionnaire with one dimension: profile, that dimension, review.
        let text = include_str!("../tests/fixtures/association-questionnaire.json");
        let q = Shared::new(Questionnaire::from_json(text).unwrap());
        let id = q.doc().dimensions[0].id.clone();
        let s = Rc::new(State::new(q, Lang::En, None, Mode::Personal, true));
        let s = apply(s, [Action::Begin, Action::Next]);
        assert_eq!(s.screen, Screen::Section(SectionId::Dimension(id)));
        assert_eq!(apply(s, [Action::Next]).screen, Screen::Review);
    }

    #[test]
    fn every_answer_rescores_the_report() {
        let s = apply(fresh(), [Action::Begin, choose("P.sector", "textiles")]);
        assert_eq!(s.report.progress.answered, 1);
        let s = apply(s, [choose("T1", "edge")]);
        assert_eq!(s.report.dimensions[0].score, Some(100.0));
        let s = apply(s, [Action::Clear(QuestionId::from("T1"))]);
        assert_eq!(s.report.dimensions[0].score, None);
    }

    fn kiosk(attract: bool) -> Rc<State> {
        let q = Shared::new(Questionnaire::from_json(BUILTIN_QUESTIONNAIRE).unwrap());
        let config = crate::kiosk::KioskConfig {
            attract,
            ..Default::default()
        };
        Rc::new(State::new(q, Lang::ZhCn, None, Mode::Kiosk(config), true))
    }

    #[test]
    fn a_kiosk_keeps_nothing_and_never_offers_to_resume() {
        let q = Shared::new(Questionnaire::from_json(BUILTIN_QUESTIONNAIRE).unwrap());
        let mut saved = AnswerSheet::new(&q);
        saved.choose(&q, &QuestionId::from("P.region"), &OptionId::from("west"));
        let config = crate::kiosk::KioskConfig::default();
        let s = State::new(
            q,
            Lang::En,
            Some(saved.to_json()),
            Mode::Kiosk(config),
            true,
        );
        assert!(s.saved.is_none());
        assert!(!s.persistent);
    }

    #[test]
    fn a_wipe_forgets_the_visitor_and_returns_to_the_first_screen() {
        for attract in [false, true] {
            let s = apply(
                kiosk(attract),
                [
                    Action::Begin,
                    choose("P.region", "west"),
                    Action::SetLang(Lang::En),
                    Action::Next,
                ],
            );
            let s = apply(
                s,
                [
                    Action::Import("{".into()),
                    Action::UpdateReady,
                    Action::Wipe,
                ],
            );
            assert!(s.sheet.answers.is_empty());
            assert_eq!(s.report.progress.answered, 0);
            assert_eq!(s.lang, Lang::ZhCn);
            assert_eq!(s.notice, None);
            assert!(s.update_ready);
            assert_eq!(
                s.screen,
                if attract {
                    Screen::Attract
                } else {
                    Screen::Start
                }
            );
            let s = apply(s, [Action::Next]);
            assert_eq!(s.screen, if attract { Screen::Start } else { PROFILE });
        }
    }

    #[test]
    fn the_about_screen_returns_where_it_was_opened() {
        let s = apply(
            fresh(),
            [
                Action::Begin,
                Action::Go(dimension("industry")),
                Action::Go(Screen::About),
            ],
        );
        assert_eq!(s.screen, Screen::About);
        assert_eq!(
            apply(s.clone(), [Action::Back]).screen,
            dimension("industry")
        );
        assert_eq!(apply(s, [Action::Next]).screen, dimension("industry"));
    }

    #[test]
    fn steps_go_to_sections_the_questionnaire_has() {
        let s = apply(fresh(), [Action::Begin, Action::Go(dimension("industry"))]);
        assert_eq!(s.screen, dimension("industry"));
        let s = apply(s, [Action::Go(dimension("marketing"))]);
        assert_eq!(s.screen, dimension("industry"), "no such section: no move");
        let s = apply(s, [Action::Go(Screen::Review)]);
        assert_eq!(s.screen, Screen::Review);
    }

    #[test]
    fn the_saved_answers_on_offer_are_counted_by_the_state() {
        let q = Shared::new(Questionnaire::from_json(BUILTIN_QUESTIONNAIRE).unwrap());
        let mut saved = AnswerSheet::new(&q);
        saved.choose(&q, &QuestionId::from("P.region"), &OptionId::from("west"));
        saved.choose(&q, &QuestionId::from("T1"), &OptionId::from("edge"));
        let s = State::new(q, Lang::En, Some(saved.to_json()), Mode::Personal, true);
        let offer = s.offer().unwrap();
        assert_eq!(offer.answered, 2);
        assert_eq!(offer.total, score(&s.questionnaire, &saved).progress.total);
        assert_eq!(fresh().offer(), None);
    }

    /// A sheet with every question that applies answered, from a fixture the e2e tests walk.
    fn complete_sheet(q: &Questionnaire) -> AnswerSheet {
        let text = include_str!("../tests/fixtures/textile-central-oem.json");
        AnswerSheet::from_json(text, q).unwrap()
    }

    #[test]
    fn continue_goes_where_the_person_stopped() {
        let q = Shared::new(Questionnaire::from_json(BUILTIN_QUESTIONNAIRE).unwrap());
        let done = complete_sheet(&q);
        let s = Rc::new(State::new(
            q.clone(),
            Lang::En,
            Some(done.to_json()),
            Mode::Personal,
            true,
        ));
        let offer = s.offer().unwrap();
        assert_eq!(offer.answered, offer.total, "only what applies is counted");
        let s = apply(s, [Action::Resume]);
        assert!(s.report.complete);
        assert_eq!(s.screen, Screen::Report);
        // With the profile answered and nothing else, continue lands on the first dimension.
        let mut part = done.clone();
        part.answers
            .retain(|question, _| question.as_str().starts_with("P."));
        let s = with_saved(&part.to_json());
        assert_eq!(apply(s, [Action::Resume]).screen, dimension("technology"));
        // Back at the start, this page's own answers are on offer and continue where they stop.
        let s = apply(
            fresh(),
            [Action::Begin, choose("P.region", "west"), Action::Back],
        );
        assert_eq!(s.screen, Screen::Start);
        assert_eq!(s.offer().map(|o| o.answered), Some(1));
        assert_eq!(apply(s, [Action::Resume]).screen, PROFILE);
    }

    #[test]
    fn start_over_can_be_undone_until_the_next_change() {
        let s = apply(
            fresh(),
            [
                Action::Begin,
                choose("P.region", "west"),
                Action::Go(Screen::Report),
            ],
        );
        let before = s.sheet.clone();
        let cleared = apply(s, [Action::StartOver]);
        assert!(cleared.sheet.answers.is_empty());
        assert_eq!(cleared.screen, Screen::Start);
        assert!(
            matches!(&cleared.notice, Some(Notice::Cleared { previous, .. }) if *previous == before)
        );
        let undone = apply(cleared.clone(), [Action::UndoClear]);
        assert_eq!(undone.sheet, before);
        assert_eq!(undone.screen, Screen::Report);
        assert_eq!(undone.notice, None);
        assert_eq!(undone.report.progress.answered, 1);
        // The next change ends the offer (and is made).
        let changed = apply(cleared, [Action::Begin, choose("P.region", "east")]);
        assert_eq!(changed.notice, None);
        assert_eq!(changed.sheet.answers.len(), 1);
        let after = apply(changed.clone(), [Action::UndoClear]);
        assert_eq!(after.sheet, changed.sheet);
    }

    #[test]
    fn starting_afresh_over_saved_answers_can_be_undone() {
        let q = Shared::new(Questionnaire::from_json(BUILTIN_QUESTIONNAIRE).unwrap());
        let mut saved = AnswerSheet::new(&q);
        saved.choose(&q, &QuestionId::from("P.region"), &OptionId::from("west"));
        let s = with_saved(&saved.to_json());
        let s = apply(s, [Action::Begin]);
        assert!(s.saved.is_none() && s.sheet.answers.is_empty());
        let s = apply(s, [Action::UndoClear]);
        assert_eq!(s.sheet, saved);
        assert_eq!(s.screen, PROFILE, "where the person stopped");
        // A first start has nothing to undo.
        assert_eq!(apply(fresh(), [Action::Begin]).notice, None);
    }

    #[test]
    fn a_kiosk_visitor_cannot_leave_an_undo_to_the_next_one() {
        let s = apply(
            kiosk(false),
            [Action::Begin, choose("P.region", "west"), Action::StartOver],
        );
        assert_eq!(s.screen, Screen::Start);
        assert!(
            s.visiting(),
            "the idle timer must run while the undo holds answers"
        );
        let s = apply(s, [Action::Wipe]);
        assert_eq!(s.notice, None);
        assert!(!s.visiting());
    }

    #[test]
    fn an_address_returns_to_its_screen_where_it_can_be_shown() {
        let q = Shared::new(Questionnaire::from_json(BUILTIN_QUESTIONNAIRE).unwrap());
        let mut saved = AnswerSheet::new(&q);
        saved.choose(&q, &QuestionId::from("P.region"), &OptionId::from("west"));
        // A reload on a section resumes the saved answers there.
        let s = (*with_saved(&saved.to_json())).clone().arrive("#industry");
        assert_eq!(s.screen, dimension("industry"));
        assert_eq!(s.sheet, saved);
        assert!(s.saved.is_none());
        let s = (*with_saved(&saved.to_json())).clone().arrive("#report");
        assert_eq!(s.screen, Screen::Report);
        // The report needs answers; an unknown or hostile fragment is the start.
        let fresh_state = || (*fresh()).clone();
        assert_eq!(fresh_state().arrive("#report").screen, Screen::Start);
        assert_eq!(fresh_state().arrive("#review").screen, Screen::Start);
        assert_eq!(fresh_state().arrive("#profile").screen, PROFILE);
        assert_eq!(fresh_state().arrive("#nope").screen, Screen::Start);
        assert_eq!(fresh_state().arrive("").screen, Screen::Start);
        assert_eq!(fresh_state().arrive("#<script>").screen, Screen::Start);
        // Answers of another version wait for the person's decision on the start screen.
        let migrated = r#"{"format": "exporter-assessment/answers@1",
            "questionnaire": {"id": "digital-trade", "version": "0.9.0"},
            "answers": {"P.region": "west"}}"#;
        let s = (*with_saved(migrated)).clone().arrive("#industry");
        assert_eq!(s.screen, Screen::Start);
        assert!(s.damaged.is_some() && s.saved.is_some());
        // Unreadable ones keep their notice while the walk goes on, Back and Forward included.
        let s = apply(with_saved("{}"), [Action::Begin, Action::Next]);
        let s = apply(s, [Action::Arrive("#profile".into())]);
        assert_eq!(s.screen, PROFILE);
        assert!(s.damaged.is_some());
        // Back and Forward arrive through the reducer; the about screen returns where it was.
        let s = apply(fresh(), [Action::Begin, Action::Arrive("#about".into())]);
        assert_eq!(s.screen, Screen::About);
        assert_eq!(apply(s, [Action::Back]).screen, PROFILE);
        // After a kiosk's wipe, Back into the last visitor's report shows nothing of theirs.
        let k = apply(
            kiosk(true),
            [
                Action::Next,
                Action::Begin,
                choose("P.region", "west"),
                Action::Wipe,
            ],
        );
        let k = apply(k, [Action::Arrive("#report".into())]);
        assert_eq!(k.screen, Screen::Attract);
        assert!(k.sheet.answers.is_empty());
    }

    #[test]
    fn review_links_go_to_the_section_of_the_question() {
        let s = apply(
            fresh(),
            [Action::Begin, Action::GoTo(QuestionId::from("R3"))],
        );
        assert_eq!(s.screen, dimension("institutions"));
        assert_eq!(s.focus, Some(QuestionId::from("R3")));
        let s = apply(s, [Action::Next]);
        assert_eq!(s.focus, None);
    }

    #[test]
    fn switching_language_keeps_every_answer() {
        let s = apply(
            fresh(),
            [
                Action::Begin,
                choose("P.region", "west"),
                choose("T2", "erp"),
            ],
        );
        let before = s.sheet.clone();
        let s = apply(s, [Action::SetLang(Lang::ZhCn)]);
        assert_eq!(s.sheet, before);
        assert_eq!(s.lang, Lang::ZhCn);
    }

    #[test]
    fn a_refused_import_changes_nothing_but_the_notice() {
        let s = apply(fresh(), [Action::Begin, choose("P.region", "west")]);
        let before = s.sheet.clone();
        let s = apply(s, [Action::Import("{not json".into())]);
        assert_eq!(s.sheet, before);
        assert!(matches!(s.notice, Some(Notice::ImportRefused(_))));
    }

    #[test]
    fn an_import_replaces_the_answers() {
        let source = apply(
            fresh(),
            [
                Action::Begin,
                choose("P.region", "east"),
                choose("T1", "cloud"),
            ],
        );
        let s = apply(
            fresh(),
            [Action::Begin, Action::Import(source.sheet.to_json())],
        );
        assert_eq!(s.sheet, source.sheet);
        assert_eq!(*s.report, *source.report);
        assert_eq!(s.notice, Some(Notice::Imported));
    }

    fn with_saved(text: &str) -> Rc<State> {
        let q = Shared::new(Questionnaire::from_json(BUILTIN_QUESTIONNAIRE).unwrap());
        Rc::new(State::new(
            q,
            Lang::En,
            Some(text.to_owned()),
            Mode::Personal,
            true,
        ))
    }

    #[test]
    fn unreadable_saved_text_is_kept_and_waits_for_a_decision() {
        for text in [
            "\u{fffd}\u{0}\u{7}",
            "{\"format\": \"exporter-assessment/answers@1\", \"ques",
            "{}",
        ] {
            let s = with_saved(text);
            let damaged = s.damaged.clone().expect(text);
            assert_eq!(damaged.raw, text);
            assert!(matches!(damaged.kind, DamageKind::Unreadable(_)));
            assert!(s.saved.is_none());
            // Starting afresh does not decide for the person: the text stays until discarded.
            let s = apply(s, [Action::Begin, choose("P.region", "west")]);
            assert!(s.damaged.is_some());
            let s = apply(s, [Action::DiscardSaved]);
            assert!(s.damaged.is_none());
            assert_eq!(
                s.sheet.answers.len(),
                1,
                "discarding the old text keeps the new answers"
            );
        }
    }

    #[test]
    fn answers_of_another_version_resume_what_still_fits() {
        let text = r#"{"format": "exporter-assessment/answers@1",
            "questionnaire": {"id": "digital-trade", "version": "0.9.0"},
            "answers": {"P.region": "west", "T1": "fibre", "X1": "yes"}}"#;
        let s = with_saved(text);
        let Some(Damaged {
            kind:
                DamageKind::Migrated {
                    from,
                    kept,
                    dropped,
                },
            raw,
        }) = s.damaged.clone()
        else {
            panic!("{:?}", s.damaged)
        };
        assert_eq!(
            (from.version.as_str(), kept, dropped.len(), raw.as_str()),
            ("0.9.0", 1, 2, text)
        );
        let s = apply(s, [Action::Resume]);
        assert!(s.damaged.is_none());
        assert_eq!(s.sheet.questionnaire.version, "1.3.0");
        assert_eq!(s.sheet.answers.len(), 1);
    }

    #[test]
    fn saved_answers_are_offered_until_resumed_or_discarded() {
        let q = Shared::new(Questionnaire::from_json(BUILTIN_QUESTIONNAIRE).unwrap());
        let mut saved = AnswerSheet::new(&q);
        saved.choose(&q, &QuestionId::from("P.region"), &OptionId::from("west"));
        let s = Rc::new(State::new(
            q.clone(),
            Lang::En,
            Some(saved.to_json()),
            Mode::Personal,
            true,
        ));
        assert!(s.saved.is_some());
        let resumed = apply(s.clone(), [Action::Resume]);
        assert_eq!(resumed.sheet, saved);
        assert!(resumed.saved.is_none());
        let discarded = apply(s, [Action::Begin]);
        assert!(discarded.sheet.answers.is_empty());
        assert!(discarded.saved.is_none());
    }

    #[test]
    fn a_kiosk_neither_imports_nor_offers_files() {
        let q = Shared::new(Questionnaire::from_json(BUILTIN_QUESTIONNAIRE).unwrap());
        let mut other = AnswerSheet::new(&q);
        other.choose(&q, &QuestionId::from("P.region"), &OptionId::from("west"));
        let s = apply(
            kiosk(false),
            [Action::Begin, Action::Import(other.to_json())],
        );
        assert!(!s.files_allowed());
        assert!(s.sheet.answers.is_empty() && s.notice.is_none());
        assert!(fresh().files_allowed());
    }

    #[test]
    fn a_language_change_alone_is_a_visit_and_the_wipe_undoes_it() {
        let s = kiosk(false);
        assert!(!s.visiting());
        let s = apply(s, [Action::SetLang(Lang::En)]);
        assert!(s.visiting(), "the idle timer must run");
        let s = apply(s, [Action::Wipe]);
        assert_eq!(s.lang, Lang::ZhCn);
        assert!(!s.visiting());
    }

    #[test]
    fn answers_saved_by_another_tab_are_adopted_with_an_undo() {
        let q = Shared::new(Questionnaire::from_json(BUILTIN_QUESTIONNAIRE).unwrap());
        let here = apply(fresh(), [Action::Begin, choose("P.region", "west")]);
        // The other tab answered T1 on top of what it had read.
        let mut there = here.sheet.clone();
        there.choose(&q, &QuestionId::from("T1"), &OptionId::from("edge"));
        let s = apply(
            here.clone(),
            [Action::StoredElsewhere(Some(there.to_json()))],
        );
        assert_eq!(s.sheet, there);
        assert_eq!(s.report.progress.answered, 2);
        assert!(
            matches!(&s.notice, Some(Notice::ChangedElsewhere { previous }) if *previous == here.sheet)
        );
        let undone = apply(s.clone(), [Action::UndoChangeElsewhere]);
        assert_eq!(undone.sheet, here.sheet);
        assert_eq!(undone.notice, None);
        // What this page already shows changes nothing; nor does text it cannot use whole.
        let same = apply(s.clone(), [Action::StoredElsewhere(Some(there.to_json()))]);
        assert!(
            Rc::ptr_eq(&same.report.0, &s.report.0),
            "not even re-scored"
        );
        let garbage = apply(here.clone(), [Action::StoredElsewhere(Some("{".into()))]);
        assert_eq!(garbage.sheet, here.sheet);
        assert_eq!(garbage.notice, None);
        // Started over in the other tab: this page follows, and can undo.
        let cleared = apply(here.clone(), [Action::StoredElsewhere(None)]);
        assert!(cleared.sheet.answers.is_empty());
        assert!(matches!(
            cleared.notice,
            Some(Notice::ChangedElsewhere { .. })
        ));
    }

    #[test]
    fn before_the_walk_another_tab_only_updates_the_offer_to_resume() {
        let q = Shared::new(Questionnaire::from_json(BUILTIN_QUESTIONNAIRE).unwrap());
        let mut there = AnswerSheet::new(&q);
        there.choose(&q, &QuestionId::from("P.region"), &OptionId::from("west"));
        let s = apply(fresh(), [Action::StoredElsewhere(Some(there.to_json()))]);
        assert_eq!(s.saved.as_ref(), Some(&there));
        assert!(s.sheet.answers.is_empty() && s.notice.is_none());
        let s = apply(s, [Action::StoredElsewhere(None)]);
        assert_eq!(s.saved, None);
        // A kiosk keeps nothing and listens to nothing.
        let k = apply(
            kiosk(false),
            [Action::StoredElsewhere(Some(there.to_json()))],
        );
        assert!(k.saved.is_none() && k.sheet.answers.is_empty());
    }

    #[test]
    fn answers_are_at_risk_only_where_a_reload_would_lose_them() {
        let answered = |s: Rc<State>| apply(s, [Action::Begin, choose("P.region", "west")]);
        assert!(!answered(fresh()).answers_at_risk(), "saved in storage");
        assert!(answered(fresh())
            .reduce(Action::StorageFailed)
            .answers_at_risk());
        assert!(
            !fresh().reduce(Action::StorageFailed).answers_at_risk(),
            "nothing to lose"
        );
        assert!(
            !answered(kiosk(false)).answers_at_risk(),
            "a kiosk keeps nothing by design"
        );
    }
}
