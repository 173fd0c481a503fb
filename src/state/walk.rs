//! The walk: the screens in the questionnaire's order, Back and the page's address, the answers
//! given and their date, and the language they are shown in.

use std::rc::Rc;

use assessment::{AnswerSheet, Date, ResultRecord};
use yew::Reducible;

use super::{Action, State};
use crate::route::Screen;

impl State {
    /// Today's date, from the front end's clock.
    pub fn dated(mut self, today: Date) -> Self {
        self.today = Some(today);
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

    /// The screen after `screen` in the walk: the next section, the review after the last.
    pub(super) fn after(&self, screen: &Screen) -> Screen {
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
    pub(super) fn before(&self, screen: &Screen) -> Screen {
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
        let text = include_str!("../../tests/fixtures/association-questionnaire.json");
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
                "../../tests/fixtures/association-questionnaire.json"
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
