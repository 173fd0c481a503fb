//! The app's state: one reducer of plain types.
//!
//! Nothing here touches a web API: saving to storage happens outside the reducer, in an effect of the
//! app component, so the whole flow of the walk is tested natively. Every rule (what applies, what is
//! missing, every score) is asked of the assessment core; the reducer only keeps the answers and the
//! screen.
//!
//! This file holds what the state is (`State`, `Action`, the notices) and what every change keeps
//! true (the report and the comparison follow the answers). The reducer (`reduce.rs`) makes each
//! change with the rules of its concern, each in a file with its tests: the walk through the screens
//! and the answers given (`walk.rs`); the answers kept, in storage or another tab, and a kiosk's
//! visit (`saved.rs`); earlier assessments, a hand-off link's answers and the comparison
//! (`earlier.rs`).

use std::ops::Deref;
use std::rc::Rc;

use assessment::{
    compare, score, AnswerProblem, AnswerSheet, AnswersError, CompareError, Comparison, Date,
    HandedOff, HandoffError, HsCode, OptionId, QuestionId, Questionnaire, QuestionnaireRef,
    Recovered, Report, SectionId,
};

use crate::i18n::Lang;
use crate::kiosk::Mode;
use crate::route::Screen;

mod earlier;
mod reduce;
mod saved;
#[cfg(test)]
mod testing;
mod walk;

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

/// An earlier assessment kept on this device (personal use only), under its storage key.
#[derive(Clone, Debug, PartialEq)]
pub struct Earlier {
    /// Its name in storage (`storage::save_earlier`): the date and a number.
    pub key: String,
    /// Its answers, dated, as they were (another version's are carried over when compared).
    pub sheet: AnswerSheet,
}

/// Where the assessment compared with the current answers came from.
#[derive(Clone, Debug, PartialEq)]
pub enum EarlierFrom {
    /// The history on this device, by key.
    History(String),
    /// An answers file.
    File,
    /// A hand-off link.
    Link,
}

/// The current answers compared with an earlier assessment: the core's comparison, made again
/// whenever the answers change.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparing {
    pub earlier: AnswerSheet,
    pub from: EarlierFrom,
    pub comparison: Comparison,
}

/// A follow-up assessment: it started from the answers of an earlier one (of `from`), and the
/// person confirms or changes each section (`to_check`: those not yet confirmed with Next).
#[derive(Clone, Debug, PartialEq)]
pub struct FollowUp {
    pub from: Option<Date>,
    pub to_check: Vec<SectionId>,
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
    /// A hand-off link's answers (of `date`) were opened; `previous`, the answers this device
    /// had, is kept for Undo until the next change, like a start over's.
    Opened {
        date: Date,
        previous: Option<AnswerSheet>,
    },
    /// A hand-off link could not be read; nothing changed.
    LinkRefused(HandoffError),
    /// An assessment to compare with could not be read or compared; nothing changed.
    CompareRefused(CompareError),
    /// Earlier assessments kept on this device that could not be read (how many); they are left
    /// as they are.
    HistoryUnreadable(usize),
    /// The other language could not be loaded; nothing changed.
    LanguageUnavailable,
    /// The questionnaire is not in the language `asked` for, only in those it `has`; nothing
    /// changed.
    LanguageNotOffered {
        asked: Lang,
        has: Vec<Lang>,
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
    /// Today, in the person's time zone, as the front end read it (`dated`): an answer given
    /// dates the answers. `None` only where no clock was asked (native tests).
    pub today: Option<Date>,
    /// A hand-off link's answers, offered on the start screen until opened or declined.
    pub handoff: Option<HandedOff>,
    /// Earlier assessments kept on this device, oldest first (personal use only).
    pub history: Vec<Earlier>,
    /// The earlier assessment the report compares the answers with, if any.
    pub comparing: Option<Shared<Comparing>>,
    pub follow_up: Option<FollowUp>,
    /// The screen the about screen returns to.
    return_to: Screen,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Switch to a language the questionnaire already has.
    SetLang(Lang),
    /// Switch to a language with the questionnaire that has it (the shipped one, whole, fetched
    /// for the switch: the first load carries only the start language). Ignored unless it is
    /// the same questionnaire (id and version).
    Speak(Lang, Shared<Questionnaire>),
    /// The questionnaire in that language could not be loaded (offline before it was kept).
    LanguageUnavailable,
    /// A switch to a language the questionnaire does not have (`Switch::NotOffered`).
    LanguageNotOffered(Lang),
    /// Start the walk. Saved answers from an earlier visit, if any, are discarded.
    Begin,
    /// Continue with the answers saved by an earlier visit (for damaged ones: those that fit).
    Resume,
    /// Forget saved answers that could not be used as they were; saving resumes.
    DiscardSaved,
    Choose(QuestionId, OptionId),
    Clear(QuestionId),
    /// Add an HS code the person typed (already a code: the field parsed it with the core) to a
    /// question that takes codes; the core refuses an eleventh.
    AddCode(QuestionId, HsCode),
    RemoveCode(QuestionId, HsCode),
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
    /// Back to the answers a start over (or a fresh start over saved answers) cleared, or that
    /// opening a hand-off link replaced.
    UndoClear,
    /// Open the hand-off link's answers on offer (the answers of this device kept for Undo).
    OpenHandoff,
    /// Compare the hand-off link's answers with this device's: the newer ones are shown, the
    /// older compared with them.
    CompareHandoff,
    DeclineHandoff,
    /// Keep the current answers as an earlier assessment and start a follow-up from them.
    FollowUp,
    /// Compare with an earlier assessment of the history (by key).
    CompareWith(String),
    /// Compare with an answers file's text.
    CompareFile(String),
    StopComparing,
    /// Remove an earlier assessment from this device (by key).
    ForgetEarlier(String),
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
            today: None,
            handoff: None,
            history: Vec::new(),
            comparing: None,
            follow_up: None,
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

    /// The current answers compared with `earlier`, or why they cannot be.
    fn compared(&self, earlier: AnswerSheet, from: EarlierFrom) -> Result<Comparing, CompareError> {
        let comparison = compare(&self.questionnaire, &earlier, &self.sheet)?;
        Ok(Comparing {
            earlier,
            from,
            comparison,
        })
    }

    fn with_sheet(mut self, sheet: AnswerSheet) -> Self {
        self.report = Shared::new(score(&self.questionnaire, &sheet));
        self.sheet = sheet;
        // The comparison follows the answers: both are always sheets this questionnaire reads.
        if let Some(comparing) = self.comparing.take() {
            self.comparing = self
                .compared(comparing.earlier.clone(), comparing.from.clone())
                .ok()
                .map(Shared::new);
        }
        self
    }

    /// The answers changed today: they are dated so.
    fn changed(mut self, mut sheet: AnswerSheet) -> Self {
        sheet.date = self.today.or(sheet.date);
        self = self.with_sheet(sheet);
        self
    }
}
