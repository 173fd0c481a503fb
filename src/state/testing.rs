//! What the state's tests share: a fresh state of the shipped questionnaire, a kiosk's, actions.

use std::rc::Rc;

use assessment::{
    AnswerSheet, Date, OptionId, QuestionId, Questionnaire, SectionId, BUILTIN_QUESTIONNAIRE,
};
use yew::Reducible;

use super::{Action, Shared, State};
use crate::i18n::Lang;
use crate::kiosk::Mode;
use crate::route::Screen;

pub(super) fn fresh() -> Rc<State> {
    let q = Shared::new(Questionnaire::from_json(BUILTIN_QUESTIONNAIRE).unwrap());
    Rc::new(State::new(q, Lang::En, None, Mode::Personal, true))
}

pub(super) fn apply(state: Rc<State>, actions: impl IntoIterator<Item = Action>) -> Rc<State> {
    actions.into_iter().fold(state, |s, a| s.reduce(a))
}

pub(super) fn choose(q: &str, o: &str) -> Action {
    Action::Choose(QuestionId::from(q), OptionId::from(o))
}

pub(super) fn dimension(id: &str) -> Screen {
    Screen::Section(SectionId::Dimension(id.into()))
}

pub(super) fn part(id: &str) -> Screen {
    Screen::Section(SectionId::Part(id.into()))
}

/// The shipped profile's first screen.
pub(super) fn profile() -> Screen {
    part("company")
}

pub(super) fn kiosk(attract: bool) -> Rc<State> {
    let q = Shared::new(Questionnaire::from_json(BUILTIN_QUESTIONNAIRE).unwrap());
    let config = crate::kiosk::KioskConfig {
        attract,
        ..Default::default()
    };
    Rc::new(State::new(q, Lang::ZhCn, None, Mode::Kiosk(config), true))
}

/// A sheet with every question that applies answered, from a fixture the e2e tests walk.
pub(super) fn complete_sheet(q: &Questionnaire) -> AnswerSheet {
    let text = include_str!("../../tests/fixtures/textile-central-oem.json");
    AnswerSheet::from_json(text, q).unwrap()
}

pub(super) fn with_saved(text: &str) -> Rc<State> {
    let q = Shared::new(Questionnaire::from_json(BUILTIN_QUESTIONNAIRE).unwrap());
    Rc::new(State::new(
        q,
        Lang::En,
        Some(text.to_owned()),
        Mode::Personal,
        true,
    ))
}

pub(super) fn day(d: u8) -> Date {
    Date::new(2026, 11, d).unwrap()
}

pub(super) fn dated(state: Rc<State>, d: u8) -> Rc<State> {
    Rc::new((*state).clone().dated(day(d)))
}
