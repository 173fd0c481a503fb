//! The reducer: each action, with the rules of its concern (`walk.rs`, `saved.rs`, `earlier.rs`).

use std::rc::Rc;

use assessment::{AnswerSheet, CompareError, Which};
use yew::Reducible;

use super::{Action, Earlier, EarlierFrom, FollowUp, Notice, State};
use crate::route::Screen;

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
