//! The app's state: one reducer of plain types.
//!
//! Nothing here touches a web API: saving to storage happens outside the reducer, in an effect of the
//! app component, so the whole flow of the walk is tested natively. Every rule (what applies, what is
//! missing, every score) is asked of the assessment core; the reducer only keeps the answers and the
//! screen.

use std::ops::Deref;
use std::rc::Rc;

use assessment::obligations::Page;
use assessment::{
    compare, score, AnswerProblem, AnswerSheet, AnswersError, CompareError, Comparison, Date,
    HandedOff, HandoffError, HsCode, OptionId, QuestionId, Questionnaire, QuestionnaireRef,
    Recovered, Report, ResultRecord, SectionId, Which,
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
    /// The report's "Your markets and goods" (issue 17) for the current answers, date and
    /// language, as the obligations worker made it (`hooks/obligations.rs`): the catalogue and its
    /// code are not part of the first load.
    pub obligations: Option<Shared<Page>>,
    /// The worker or its files could not be had (offline before they were kept).
    pub obligations_unavailable: bool,
    /// The association's catalogue does not read as its questionnaire's: every problem, worded
    /// by the worker in the page's language. The rest of the report is unaffected.
    pub obligations_refused: Option<Shared<Vec<String>>>,
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
    /// The obligations worker's page for the current answers, date and language.
    ObligationsShown(Shared<Page>),
    /// The obligations worker or its files could not be had.
    ObligationsUnavailable,
    /// The association's catalogue was refused: its problems, worded.
    ObligationsRefused(Shared<Vec<String>>),
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
            obligations: None,
            obligations_unavailable: false,
            obligations_refused: None,
            return_to: screen,
        }
    }

    /// Today's date, from the front end's clock.
    pub fn dated(mut self, today: Date) -> Self {
        self.today = Some(today);
        self
    }

    /// The earlier assessments this device keeps (`entries`: storage key and text), read; those
    /// that cannot be read are counted in a notice and left as they are. Never in a kiosk.
    pub fn with_history(mut self, entries: Vec<(String, String)>) -> Self {
        if self.mode.is_kiosk() {
            return self;
        }
        let mut unreadable = 0;
        for (key, text) in entries {
            match AnswerSheet::parse(&text) {
                // Oldest first, by date then key. Inserted in place: a few entries, and a sort
                // would add a generic sort's code to the wasm.
                Ok(sheet) => {
                    let at = self
                        .history
                        .iter()
                        .position(|e| (e.sheet.date, &e.key) > (sheet.date, &key))
                        .unwrap_or(self.history.len());
                    self.history.insert(at, Earlier { key, sheet });
                }
                Err(_) => unreadable += 1,
            }
        }
        if unreadable > 0 {
            self.notice = Some(Notice::HistoryUnreadable(unreadable));
        }
        self
    }

    /// A hand-off link's code (the fragment's digits), read by the core: offered on the start
    /// screen, or refused with a notice. Never in a kiosk.
    pub fn with_handoff(mut self, code: &str) -> Self {
        if self.mode.is_kiosk() {
            return self;
        }
        match assessment::handoff::decode(code, &self.questionnaire) {
            Ok(handed) => self.handoff = Some(handed),
            Err(error) => self.notice = Some(Notice::LinkRefused(error)),
        }
        self.screen = Self::first_screen(&self.mode);
        self
    }

    /// Start was pressed (or the attract screen tapped) on the page painted before the app was
    /// ready (`pressed`): the walk opens, as the press asked, where the start screen has nothing
    /// else to decide (no answers on offer, no link's answers, no damaged saved answers).
    pub fn pressed_start(self, pressed: bool) -> Self {
        let plain_start = matches!(self.screen, Screen::Start | Screen::Attract)
            && self.offer().is_none()
            && self.handoff.is_none()
            && self.damaged.is_none();
        if pressed && plain_start {
            (*Rc::new(self).reduce(Action::Begin)).clone()
        } else {
            self
        }
    }

    /// The assessment's date: the day its answers were last changed, else today.
    pub fn assessment_date(&self) -> Option<Date> {
        self.sheet.date.or(self.today)
    }

    /// The answers as a file or a record carries them: with the assessment's date.
    pub fn dated_sheet(&self) -> AnswerSheet {
        let mut sheet = self.sheet.clone();
        sheet.date = self.assessment_date();
        sheet
    }

    /// The result record of the report (`docs/cohort.md`), shared with an association or saved as
    /// a file; the answers go in only when the member consented (`with_answers`).
    pub fn result_record(&self, with_answers: bool) -> ResultRecord {
        ResultRecord::new(
            &self.questionnaire,
            &self.dated_sheet(),
            &self.report,
            self.assessment_date(),
            with_answers,
        )
    }

    /// The answers this device has, saved by an earlier visit or given on this page.
    fn answers_here(&self) -> Option<&AnswerSheet> {
        self.saved
            .as_ref()
            .or(Some(&self.sheet))
            .filter(|s| !s.answers.is_empty())
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

    fn compare_with(mut self, earlier: AnswerSheet, from: EarlierFrom) -> Self {
        match self.compared(earlier, from) {
            Ok(comparing) => {
                self.comparing = Some(Shared::new(comparing));
                self.screen = Screen::Report;
            }
            Err(error) => self.notice = Some(Notice::CompareRefused(error)),
        }
        self
    }

    /// A storage key for an earlier assessment of `date` that no other entry has.
    fn new_key(&self, date: Option<Date>) -> String {
        let n = self
            .history
            .iter()
            .filter_map(|e| e.key.rsplit('-').next()?.parse::<u32>().ok())
            .max()
            .unwrap_or(0)
            + 1;
        match date {
            Some(date) => format!("{date}-{n}"),
            None => format!("undated-{n}"),
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

    /// Where Back goes from the screen shown.
    pub fn back_target(&self) -> Screen {
        self.before(&self.screen)
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

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        let first = Screen::Section(self.questionnaire.first_section());
        next.focus = None;
        match action {
            Action::SetLang(lang) => next.lang = lang,
            Action::Speak(lang, questionnaire) => {
                if questionnaire.reference() == self.questionnaire.reference() {
                    next.questionnaire = questionnaire;
                    // The report carries texts of the questionnaire: made again with its languages.
                    let sheet = next.sheet.clone();
                    next = next.with_sheet(sheet);
                    next.lang = lang;
                }
            }
            Action::LanguageUnavailable => next.notice = Some(Notice::LanguageUnavailable),
            Action::LanguageNotOffered(asked) => {
                let has = self.questionnaire.languages_spoken().collect();
                next.notice = Some(Notice::LanguageNotOffered { asked, has });
            }
            Action::ObligationsShown(page) => {
                next.obligations = Some(page);
                next.obligations_unavailable = false;
                next.obligations_refused = None;
            }
            Action::ObligationsRefused(problems) => {
                next.obligations = None;
                next.obligations_refused = Some(problems);
            }
            Action::ObligationsUnavailable => next.obligations_unavailable = true,
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
                next.comparing = None;
                next.follow_up = None;
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
            // The next change ends the offer to undo a start over or an opened link.
            Action::Choose(..)
            | Action::Clear(_)
            | Action::AddCode(..)
            | Action::RemoveCode(..)
            | Action::Import(_)
                if matches!(
                    next.notice,
                    Some(Notice::Cleared { .. } | Notice::Opened { .. })
                ) =>
            {
                next.notice = None;
                return Rc::new(next).reduce(action);
            }
            Action::Choose(question, option) => {
                let mut sheet = next.sheet.clone();
                sheet.choose(&self.questionnaire, &question, &option);
                if sheet != next.sheet {
                    next = next.changed(sheet);
                }
            }
            Action::Clear(question) => {
                let mut sheet = next.sheet.clone();
                sheet.clear(&question);
                if sheet != next.sheet {
                    next = next.changed(sheet);
                }
            }
            Action::AddCode(question, code) => {
                let mut sheet = next.sheet.clone();
                // Refused (full, or a question that takes none): the field says so before
                // sending, so nothing is lost here.
                if sheet.add_code(&self.questionnaire, &question, code).is_ok()
                    && sheet != next.sheet
                {
                    next = next.changed(sheet);
                }
            }
            Action::RemoveCode(question, code) => {
                let mut sheet = next.sheet.clone();
                sheet.remove_code(&question, &code);
                if sheet != next.sheet {
                    next = next.changed(sheet);
                }
            }
            Action::Go(Screen::About) if next.screen != Screen::About => {
                next.return_to = next.screen.clone();
                next.screen = Screen::About;
            }
            // A section this questionnaire does not have is no screen; the profile as a whole is
            // its first screen.
            Action::Go(Screen::Section(s)) => {
                if let Some(section) = self.questionnaire.screen_for(s) {
                    next.screen = Screen::Section(section);
                }
            }
            Action::Go(screen) => next.screen = screen,
            Action::GoTo(question) => {
                if let Some(section) = self.questionnaire.section_of(&question) {
                    next.screen = Screen::Section(section);
                    next.focus = Some(question);
                }
            }
            Action::Next => {
                // In a follow-up, Next confirms the section's answers as they stand.
                if let (Some(follow_up), Screen::Section(section)) =
                    (next.follow_up.as_mut(), &self.screen)
                {
                    follow_up.to_check.retain(|s| s != section);
                }
                next.screen = next.after(&self.screen);
            }
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
                next.comparing = None;
                next.follow_up = None;
                next = next.with_sheet(AnswerSheet::new(&self.questionnaire));
                next.screen = Screen::Start;
            }
            Action::UndoClear => match next.notice.take() {
                Some(Notice::Cleared { previous, screen }) => {
                    next.saved = None;
                    next = next.with_sheet(previous);
                    next.screen = screen.unwrap_or_else(|| next.resume_screen());
                }
                Some(Notice::Opened {
                    previous: Some(previous),
                    ..
                }) => {
                    next.saved = None;
                    next.comparing = None;
                    next = next.with_sheet(previous);
                    next.screen = next.resume_screen();
                }
                other => next.notice = other,
            },
            Action::OpenHandoff => {
                if let Some(handed) = next.handoff.take() {
                    let previous = next.answers_here().cloned();
                    next.saved = None;
                    next.comparing = None;
                    next.follow_up = None;
                    next = next.with_sheet(handed.sheet);
                    next.notice = Some(Notice::Opened {
                        date: handed.date,
                        previous,
                    });
                    next.screen = next.resume_screen();
                }
            }
            Action::CompareHandoff => {
                if let (Some(handed), Some(here)) =
                    (next.handoff.take(), next.answers_here().cloned())
                {
                    // The newer answers are the assessment shown; the older, the earlier one.
                    next.saved = None;
                    if handed.sheet.date > here.date.or(self.today) {
                        next.comparing = None;
                        next = next.with_sheet(handed.sheet);
                        next = next.compare_with(here, EarlierFrom::Link);
                    } else {
                        next = next.with_sheet(here);
                        next = next.compare_with(handed.sheet, EarlierFrom::Link);
                    }
                    next.screen = Screen::Report;
                }
            }
            Action::DeclineHandoff => next.handoff = None,
            Action::FollowUp if self.mode.is_kiosk() || self.sheet.answers.is_empty() => {}
            Action::FollowUp => {
                let mut earlier = next.sheet.clone();
                earlier.date = next.assessment_date();
                let key = next.new_key(earlier.date);
                next.history.push(Earlier {
                    key: key.clone(),
                    sheet: earlier.clone(),
                });
                let mut sheet = earlier.clone();
                // Undated until an answer changes: unchanged answers are no new assessment yet.
                sheet.date = None;
                next = next.with_sheet(sheet);
                next.notice = None;
                next = next.compare_with(earlier.clone(), EarlierFrom::History(key));
                next.follow_up = Some(FollowUp {
                    from: earlier.date,
                    to_check: self.questionnaire.sections(),
                });
                next.screen = first;
            }
            Action::CompareWith(key) => {
                if let Some(earlier) = next.history.iter().find(|e| e.key == key).cloned() {
                    next = next.compare_with(earlier.sheet, EarlierFrom::History(key));
                }
            }
            Action::CompareFile(_) if !self.files_allowed() => {}
            Action::CompareFile(text) => match AnswerSheet::parse(&text) {
                Ok(sheet) => next = next.compare_with(sheet, EarlierFrom::File),
                Err(error) => {
                    next.notice = Some(Notice::CompareRefused(CompareError {
                        which: Which::Earlier,
                        error,
                    }))
                }
            },
            Action::StopComparing => next.comparing = None,
            Action::ForgetEarlier(key) => next.history.retain(|e| e.key != key),
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
                next.today = self.today;
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

    fn part(id: &str) -> Screen {
        Screen::Section(SectionId::Part(id.into()))
    }

    /// The shipped profile's first screen.
    fn profile() -> Screen {
        part("company")
    }

    #[test]
    fn the_walk_goes_profile_dimensions_review_report_and_back() {
        let s = apply(fresh(), [Action::Begin]);
        assert_eq!(s.screen, profile());
        let s = apply(s, [Action::Next]);
        assert_eq!(s.screen, part("size"));
        let s = apply(s, [Action::Next, Action::Next, Action::Next]);
        assert_eq!(s.screen, part("data"));
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
        assert_eq!(s.screen, part("data"));
        let s = apply(s, [Action::Back, Action::Back, Action::Back, Action::Back]);
        assert_eq!(s.screen, profile());
        assert_eq!(apply(s, [Action::Back]).screen, Screen::Start);
        // The profile as a whole ("change answers" on the report) is its first screen.
        let s = apply(fresh(), [Action::Begin, Action::Next, Action::Next]);
        let s = apply(s, [Action::Go(Screen::Section(SectionId::Profile))]);
        assert_eq!(s.screen, profile());
    }

    #[test]
    fn the_walk_follows_the_questionnaire_not_a_count() {
        // An association's questionnaire with one dimension and a profile without parts: the
        // profile, that dimension, review.
        let text = include_str!("../tests/fixtures/association-questionnaire.json");
        let q = Shared::new(Questionnaire::from_json(text).unwrap());
        let id = q.doc().dimensions[0].id.clone();
        let s = Rc::new(State::new(q, Lang::En, None, Mode::Personal, true));
        let s = apply(s, [Action::Begin]);
        assert_eq!(s.screen, Screen::Section(SectionId::Profile));
        let s = apply(s, [Action::Next]);
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
            assert_eq!(s.screen, if attract { Screen::Start } else { profile() });
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
        assert_eq!(apply(s, [Action::Resume]).screen, profile());
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
        assert_eq!(s.screen, profile(), "where the person stopped");
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
        assert_eq!(fresh_state().arrive("#profile").screen, profile());
        assert_eq!(fresh_state().arrive("#markets").screen, part("markets"));
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
        let s = apply(s, [Action::Arrive("#company".into())]);
        assert_eq!(s.screen, profile());
        assert!(s.damaged.is_some());
        // Back and Forward arrive through the reducer; the about screen returns where it was.
        let s = apply(fresh(), [Action::Begin, Action::Arrive("#about".into())]);
        assert_eq!(s.screen, Screen::About);
        assert_eq!(apply(s, [Action::Back]).screen, profile());
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
        assert_eq!(s.sheet.questionnaire.version, s.questionnaire.doc().version);
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

    fn day(d: u8) -> Date {
        Date::new(2026, 11, d).unwrap()
    }

    fn dated(state: Rc<State>, d: u8) -> Rc<State> {
        Rc::new((*state).clone().dated(day(d)))
    }

    #[test]
    fn an_answer_dates_the_assessment() {
        let s = apply(dated(fresh(), 20), [Action::Begin]);
        assert_eq!(s.sheet.date, None);
        assert_eq!(s.assessment_date(), Some(day(20)));
        let s = apply(s, [choose("P.region", "west")]);
        assert_eq!(s.sheet.date, Some(day(20)));
        // Choosing what is already chosen changes nothing, not even the date.
        let s = apply(dated(s, 21), [choose("P.region", "west")]);
        assert_eq!(s.sheet.date, Some(day(20)));
    }

    #[test]
    fn a_follow_up_keeps_the_earlier_assessment_and_compares_with_it() {
        let q = Shared::new(Questionnaire::from_json(BUILTIN_QUESTIONNAIRE).unwrap());
        let mut done = complete_sheet(&q);
        done.date = Some(day(1));
        let s = apply(dated(fresh(), 26), [Action::Import(done.to_json())]);
        let s = apply(s, [Action::FollowUp]);
        assert_eq!(s.history.len(), 1);
        assert_eq!(s.history[0].sheet, done);
        assert_eq!(s.history[0].key, "2026-11-01-1");
        assert_eq!(s.screen, profile());
        // The same answers, undated until one changes.
        assert_eq!(s.sheet.answers, done.answers);
        assert_eq!(s.sheet.date, None);
        let f = s.follow_up.clone().unwrap();
        assert_eq!(f.from, Some(day(1)));
        assert_eq!(f.to_check, s.questionnaire.sections());
        let c = s.comparing.clone().unwrap();
        assert_eq!(c.from, EarlierFrom::History("2026-11-01-1".into()));
        assert_eq!(c.comparison.overall.change, Some(0.0));
        // Next confirms a section; a changed answer is compared at once.
        let s = apply(s, [Action::Next, choose("T1", "edge")]);
        assert!(!s
            .follow_up
            .as_ref()
            .unwrap()
            .to_check
            .contains(&SectionId::Part("company".into())));
        assert_eq!(s.sheet.date, Some(day(26)));
        let c = s.comparing.clone().unwrap();
        assert_eq!(
            c.comparison,
            compare(&s.questionnaire, &done, &s.sheet).unwrap()
        );
        // A second follow-up gets a key of its own.
        let s = apply(s, [Action::FollowUp]);
        assert_eq!(s.history[1].key, "2026-11-26-2");
        let s = apply(s, [Action::ForgetEarlier("2026-11-01-1".into())]);
        assert_eq!(s.history.len(), 1);
        // Starting over ends the follow-up and the comparison, and keeps the history.
        let s = apply(s, [Action::StartOver]);
        assert!(s.follow_up.is_none() && s.comparing.is_none());
        assert_eq!(s.history.len(), 1);
    }

    #[test]
    fn the_history_is_read_oldest_first_and_a_damaged_entry_is_counted_not_lost() {
        let q = Shared::new(Questionnaire::from_json(BUILTIN_QUESTIONNAIRE).unwrap());
        let mut a = complete_sheet(&q);
        a.date = Some(day(2));
        let mut b = a.clone();
        b.date = Some(day(1));
        let s = fresh().as_ref().clone().with_history(vec![
            ("2026-11-02-2".into(), a.to_json()),
            ("broken-3".into(), "{".into()),
            ("2026-11-01-1".into(), b.to_json()),
        ]);
        let keys: Vec<&str> = s.history.iter().map(|e| e.key.as_str()).collect();
        assert_eq!(keys, ["2026-11-01-1", "2026-11-02-2"]);
        assert_eq!(s.notice, Some(Notice::HistoryUnreadable(1)));
    }

    #[test]
    fn a_kiosk_keeps_no_history_and_compares_with_no_file() {
        let q = Shared::new(Questionnaire::from_json(BUILTIN_QUESTIONNAIRE).unwrap());
        let done = complete_sheet(&q);
        let k = apply(kiosk(false), [Action::Begin, choose("P.region", "west")]);
        let k = apply(k, [Action::FollowUp, Action::CompareFile(done.to_json())]);
        assert!(k.history.is_empty() && k.comparing.is_none() && k.follow_up.is_none());
        let k = Rc::new(
            (*kiosk(false))
                .clone()
                .with_history(vec![("x-1".into(), done.to_json())]),
        );
        assert!(k.history.is_empty());
        let code = assessment::handoff::encode(&q, &done, day(1)).unwrap();
        let k = Rc::new((*kiosk(false)).clone().with_handoff(code.as_str()));
        assert!(k.handoff.is_none() && k.notice.is_none());
    }

    #[test]
    fn a_file_to_compare_is_checked_and_a_bad_one_changes_nothing() {
        let q = Shared::new(Questionnaire::from_json(BUILTIN_QUESTIONNAIRE).unwrap());
        let done = complete_sheet(&q);
        let s = apply(
            fresh(),
            [Action::Import(done.to_json()), Action::DismissNotice],
        );
        let refused = apply(s.clone(), [Action::CompareFile("{".into())]);
        assert!(refused.comparing.is_none());
        assert!(matches!(refused.notice, Some(Notice::CompareRefused(_))));
        let mut other = done.clone();
        other.questionnaire.id = "another".into();
        let refused = apply(s.clone(), [Action::CompareFile(other.to_json())]);
        assert!(matches!(
            &refused.notice,
            Some(Notice::CompareRefused(CompareError {
                error: AnswersError::OtherQuestionnaire { .. },
                ..
            }))
        ));
        assert_eq!(refused.sheet, s.sheet);
        let s = apply(s, [Action::CompareFile(done.to_json())]);
        assert_eq!(s.comparing.as_ref().unwrap().from, EarlierFrom::File);
        assert_eq!(s.screen, Screen::Report);
        assert!(apply(s, [Action::StopComparing]).comparing.is_none());
    }

    #[test]
    fn a_link_is_offered_never_opened_silently_and_its_opening_can_be_undone() {
        let q = Shared::new(Questionnaire::from_json(BUILTIN_QUESTIONNAIRE).unwrap());
        let done = complete_sheet(&q);
        let code = assessment::handoff::encode(&q, &done, day(20)).unwrap();
        let mut mine = AnswerSheet::new(&q);
        mine.choose(&q, &QuestionId::from("P.region"), &OptionId::from("west"));
        let s = State::new(
            q.clone(),
            Lang::En,
            Some(mine.to_json()),
            Mode::Personal,
            true,
        )
        .dated(day(26))
        .arrive(&format!("#{code}"))
        .with_handoff(code.as_str());
        let s = Rc::new(s);
        assert_eq!(s.screen, Screen::Start);
        assert_eq!(s.handoff.as_ref().unwrap().date, day(20));
        assert_eq!(s.saved.as_ref(), Some(&mine), "nothing replaced yet");
        // Declined: the offer goes, the saved answers stay on offer.
        let declined = apply(s.clone(), [Action::DeclineHandoff]);
        assert!(declined.handoff.is_none());
        assert_eq!(declined.saved.as_ref(), Some(&mine));
        // Opened: the link's answers, the device's kept for Undo.
        let opened = apply(s.clone(), [Action::OpenHandoff]);
        assert_eq!(opened.sheet.answers, done.answers);
        assert_eq!(opened.sheet.date, Some(day(20)));
        assert_eq!(opened.screen, Screen::Report);
        assert!(matches!(
            opened.notice,
            Some(Notice::Opened {
                previous: Some(_),
                ..
            })
        ));
        let undone = apply(opened, [Action::UndoClear]);
        assert_eq!(undone.sheet, mine);
        // Compared: the newer answers (the device's, dated today) shown, the link's compared.
        let compared = apply(s, [Action::CompareHandoff]);
        assert_eq!(compared.sheet, mine);
        assert_eq!(
            compared.comparing.as_ref().unwrap().earlier.answers,
            done.answers
        );
        assert_eq!(compared.screen, Screen::Report);
    }

    #[test]
    fn a_broken_or_foreign_link_is_refused_and_nothing_changes() {
        let q = Shared::new(Questionnaire::from_json(BUILTIN_QUESTIONNAIRE).unwrap());
        let code = assessment::handoff::encode(&q, &complete_sheet(&q), day(20))
            .unwrap()
            .to_string();
        let cut = &code[..code.len() - 3];
        let s = fresh().as_ref().clone().with_handoff(cut);
        assert!(s.handoff.is_none());
        assert!(matches!(
            s.notice,
            Some(Notice::LinkRefused(HandoffError::Damaged))
        ));
        assert!(s.sheet.answers.is_empty());
        let assoc = Shared::new(
            Questionnaire::from_json(include_str!(
                "../tests/fixtures/association-questionnaire.json"
            ))
            .unwrap(),
        );
        let s = State::new(assoc, Lang::En, None, Mode::Personal, true).with_handoff(&code);
        assert!(matches!(
            s.notice,
            Some(Notice::LinkRefused(HandoffError::Answers(
                AnswersError::OtherQuestionnaire { .. }
            )))
        ));
        assert!(s.handoff.is_none());
    }

    #[test]
    fn a_switch_of_language_takes_the_questionnaire_that_speaks_it() {
        let q = Questionnaire::from_json(BUILTIN_QUESTIONNAIRE).unwrap();
        let zh = Shared::new(q.in_language(&"zh-CN".into()).unwrap());
        let s = Rc::new(State::new(zh, Lang::ZhCn, None, Mode::Personal, true));
        let s = apply(
            s,
            [
                Action::Begin,
                choose("P.region", "west"),
                choose("R5", "estimates"),
            ],
        );
        assert!(!s.questionnaire.speaks(&"en".into()));
        // Refused (an association's questionnaire in one language): said, and nothing else changes.
        let t = apply(s.clone(), [Action::LanguageNotOffered(Lang::En)]);
        let has = vec![Lang::ZhCn];
        assert_eq!(
            t.notice,
            Some(Notice::LanguageNotOffered {
                asked: Lang::En,
                has
            })
        );
        assert!(t.lang == Lang::ZhCn && t.sheet == s.sheet);
        let whole = Shared::new(q.clone());
        let s = apply(s, [Action::Speak(Lang::En, whole.clone())]);
        assert_eq!(s.lang, Lang::En);
        assert!(s.questionnaire == whole);
        assert_eq!(s.report.progress.answered, 2);
        // Another questionnaire is not taken.
        let assoc = Shared::new(
            Questionnaire::from_json(include_str!(
                "../tests/fixtures/association-questionnaire.json"
            ))
            .unwrap(),
        );
        let t = apply(s.clone(), [Action::Speak(Lang::ZhCn, assoc)]);
        assert!(t.questionnaire == whole && t.lang == Lang::En);
        let t = apply(s, [Action::LanguageUnavailable]);
        assert_eq!(t.notice, Some(Notice::LanguageUnavailable));
    }

    #[test]
    fn a_start_pressed_before_the_app_was_ready_opens_the_walk_unless_there_is_a_choice() {
        let s = fresh().as_ref().clone().pressed_start(true);
        assert_eq!(s.screen, profile());
        assert_eq!(
            fresh().as_ref().clone().pressed_start(false).screen,
            Screen::Start
        );
        // Saved answers on offer: the start screen asks continue or start over.
        let q = Shared::new(Questionnaire::from_json(BUILTIN_QUESTIONNAIRE).unwrap());
        let mut saved = AnswerSheet::new(&q);
        saved.choose(&q, &QuestionId::from("P.region"), &OptionId::from("west"));
        let s = State::new(q, Lang::En, Some(saved.to_json()), Mode::Personal, true)
            .pressed_start(true);
        assert_eq!(s.screen, Screen::Start);
        assert!(s.saved.is_some());
        // A tap on a kiosk's attract screen is a press on its Start.
        assert_eq!(
            kiosk(true).as_ref().clone().pressed_start(true).screen,
            profile()
        );
    }
}
