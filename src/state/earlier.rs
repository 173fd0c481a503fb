//! Earlier assessments: those this device keeps (a follow-up starts from one), a hand-off link's
//! answers on offer, and the comparison of the current answers with either or with a file.

use assessment::{AnswerSheet, Date};

use super::{Earlier, EarlierFrom, Notice, Shared, State};
use crate::route::Screen;

impl State {
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

    /// The answers this device has, saved by an earlier visit or given on this page.
    pub(super) fn answers_here(&self) -> Option<&AnswerSheet> {
        self.saved
            .as_ref()
            .or(Some(&self.sheet))
            .filter(|s| !s.answers.is_empty())
    }

    pub(super) fn compare_with(mut self, earlier: AnswerSheet, from: EarlierFrom) -> Self {
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
    pub(super) fn new_key(&self, date: Option<Date>) -> String {
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
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use assessment::{
        AnswerSheet, OptionId, QuestionId, Questionnaire, SectionId, BUILTIN_QUESTIONNAIRE,
    };

    use crate::i18n::Lang;
    use crate::kiosk::Mode;
    use crate::route::Screen;
    use crate::state::testing::*;
    use crate::state::*;

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
                "../../tests/fixtures/association-questionnaire.json"
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
}
