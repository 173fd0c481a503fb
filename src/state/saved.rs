//! The answers kept: those an earlier visit saved (whole, of another version, or unreadable), those
//! another tab saves, a start over and its Undo, an answers file imported, and a kiosk, which keeps
//! nothing and wipes each visit.

use assessment::{score, AnswerSheet, Recovered};

use super::{Notice, State};
use crate::route::Screen;

impl State {
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

    /// Two tabs of the app each save their whole sheet on every answer, so without this the last
    /// to write would silently undo the other's answers. Instead a page adopts what another tab
    /// saved, which keeps every answer given in either tab, and says so, with an Undo. Before the
    /// walk has begun, only the offer to resume is brought up to date.
    pub(super) fn stored_elsewhere(mut self, text: Option<String>) -> Self {
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
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use assessment::{AnswerSheet, OptionId, QuestionId, Questionnaire, BUILTIN_QUESTIONNAIRE};
    use yew::Reducible;

    use crate::i18n::Lang;
    use crate::kiosk::Mode;
    use crate::route::Screen;
    use crate::state::testing::*;
    use crate::state::*;

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
}
