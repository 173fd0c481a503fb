//! The page painted before the app has started, and the app's taking it over.
//!
//! `FirstPaint` is rendered natively at build time (`crates/prerender`, Yew's server-side
//! rendering) into the release build's index.html, once per language: the app's own `Frame`
//! around its first screens (the start screen, a kiosk's start and attract screens) and the first
//! section of the walk, so that the page a person meets is the app's markup, not a copy of it.
//! The first section is a form of native controls: answered before the wasm has arrived. The
//! small script of index.html shows the screen and language that the app would, keeps the
//! presses on Start and Next, and says that the app is loading when Next is pressed too early.
//!
//! `take_over` is the app's side: just before its first render it reads what was done on that
//! page (the options ticked, the presses, the focused control and the scroll position), and
//! `restore_place` puts the person back where they were once the app's screen is painted.

use std::rc::Rc;

use assessment::{OptionId, QuestionId};
use yew::prelude::*;

use crate::components::attract::AttractProps;
use crate::components::{
    AnswersFile, Attract, Frame, FrameProps, IdScope, Section, Start, StartProps,
};
use crate::i18n::Strings;
use crate::state::{Action, State};

#[derive(Properties, PartialEq)]
pub struct FirstPaintProps {
    /// A person's visit, in this language (on its start screen).
    pub personal: Rc<State>,
    /// A kiosk's visit, in this language.
    pub kiosk: Rc<State>,
    /// Whether this language's `main` is marked hidden (all languages but the first).
    #[prop_or_default]
    pub hidden: bool,
}

/// What the person's start screen holds below its text before the app: the import of an
/// answers file, disabled (nothing could read the file yet), where the app offers it.
pub fn start_extras(state: &State) -> Html {
    html! {
        <AnswersFile lang={state.lang} sheet={state.sheet.clone()} send={Callback::noop()}
            import_only=true waiting=true />
    }
}

/// The first screens in one language, each in its own id scope (`IdScope`), inside the frame.
/// All but the person's start screen are `hidden`: index.html's script shows the one the app
/// would show (`data-screen`).
#[component]
pub fn FirstPaint(props: &FirstPaintProps) -> Html {
    let state = &props.personal;
    let s = Strings::of(state.lang);
    let tag = state.lang.tag();
    let nothing = Callback::noop();
    let scope = |name: &str| IdScope(format!("{tag}-{name}-").into());
    let walk = Rc::new((**state).clone()).reduce(Action::Begin);
    let screens = html! {
        <>
            <div data-screen="start">
                <ContextProvider<IdScope> context={scope("start")}>
                    <Start ..StartProps::of(state, nothing.clone(), nothing.clone(), start_extras(state)) />
                </ContextProvider<IdScope>>
            </div>
            <div data-screen="kiosk" hidden=true>
                <ContextProvider<IdScope> context={scope("kiosk")}>
                    <Start ..StartProps::of(&props.kiosk, nothing.clone(), nothing.clone(), Html::default()) />
                </ContextProvider<IdScope>>
            </div>
            <div data-screen="attract" hidden=true>
                <ContextProvider<IdScope> context={scope("attract")}>
                    <Attract ..AttractProps::of(&props.kiosk, nothing.clone()) />
                </ContextProvider<IdScope>>
            </div>
            // A form of its own per language: each keeps its own radio groups.
            <form data-screen="walk" hidden=true>
                <ContextProvider<IdScope> context={scope("walk")}>
                    if let crate::route::Screen::Section(section) = &walk.screen {
                        <Section state={walk.clone()} section={section.clone()} send={Callback::noop()} />
                    }
                </ContextProvider<IdScope>>
            </form>
        </>
    };
    html! {
        <div class="shell" lang={tag} data-loading-start={s.start.loading_start}
            data-loading-next={s.walk.loading_next}>
            <ContextProvider<IdScope> context={scope("page")}>
                <Frame ..FrameProps { hidden: props.hidden, ..FrameProps::of(state, screens) } />
            </ContextProvider<IdScope>>
        </div>
    }
}

/// What was done on the page painted before the app.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Before {
    /// Start was pressed (or the attract screen tapped) and the walk shown.
    pub started: bool,
    /// Next was pressed on the walk's first section.
    pub next: bool,
    /// Every option ticked, in the page's order.
    pub ticked: Vec<(QuestionId, OptionId)>,
}

impl Before {
    /// The app's first state from `state` (made from the setup): the walk opened as Start asked,
    /// every answer given adopted (the core checks each, as any choice), then Next as pressed.
    pub fn apply(&self, state: State) -> State {
        let state = state.pressed_start(self.started);
        let walking = matches!(state.screen, crate::route::Screen::Section(_));
        let mut state = Rc::new(state);
        for (question, option) in &self.ticked {
            state = state.reduce(Action::Choose(question.clone(), option.clone()));
        }
        if self.next && walking {
            state = state.reduce(Action::Next);
        }
        (*state).clone()
    }
}

/// Reads what was done on the page painted before the app, just before the app replaces it.
pub fn take_over() -> (Before, Place) {
    use wasm_bindgen::JsCast;
    let window = gloo::utils::window();
    let flag =
        |name: &str| js_sys::Reflect::get(&window, &name.into()).is_ok_and(|v| v.is_truthy());
    let document = gloo::utils::document();
    let mut ticked = Vec::new();
    if let Ok(inputs) = document.query_selector_all("form[data-screen=\"walk\"] input:checked") {
        for n in 0..inputs.length() {
            let Some(input) = inputs
                .get(n)
                .and_then(|i| i.dyn_into::<web_sys::HtmlInputElement>().ok())
            else {
                continue;
            };
            ticked.push((
                QuestionId::from(input.name().as_str()),
                OptionId::from(input.value().as_str()),
            ));
        }
    }
    let walk_shown = document
        .document_element()
        .and_then(|html| html.get_attribute("data-screen"))
        .as_deref()
        == Some("walk");
    // The control that has the focus, found again in the app's section by what it is.
    let focused = document.active_element().and_then(|active| {
        active
            .closest("form[data-screen=\"walk\"]")
            .ok()
            .flatten()?;
        match active.dyn_ref::<web_sys::HtmlInputElement>() {
            Some(input) => Some(Focused::Option(input.name(), input.value())),
            None if active.matches(".walk-nav .primary").unwrap_or(false) => Some(Focused::Next),
            None => None,
        }
    });
    let before = Before {
        started: flag("startPressed"),
        next: flag("nextPressed"),
        ticked,
    };
    let place = Place {
        walk_shown,
        focused,
        scroll: window.scroll_y().unwrap_or(0.0),
    };
    (before, place)
}

/// Where the person was on the page painted before the app.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Place {
    /// The walk's section was on screen.
    walk_shown: bool,
    focused: Option<Focused>,
    scroll: f64,
}

#[derive(Clone, Debug, PartialEq)]
enum Focused {
    /// An option, by its question and value.
    Option(String, String),
    Next,
}

/// Once the app's first screen is painted: the same control focused and the page scrolled as it
/// was, where the app shows the same section (the app's own focus, its heading, otherwise).
pub fn restore_place(place: Place) {
    use wasm_bindgen::JsCast;
    if !place.walk_shown {
        return;
    }
    crate::paint::after_paint(move || {
        let document = gloo::utils::document();
        let found = match &place.focused {
            Some(Focused::Option(name, value)) => document
                .query_selector_all("#app input")
                .ok()
                .and_then(|all| {
                    (0..all.length())
                        .filter_map(|n| all.get(n)?.dyn_into::<web_sys::HtmlInputElement>().ok())
                        .find(|i| i.name() == *name && i.value() == *value)
                })
                .map(|i| i.unchecked_into::<web_sys::HtmlElement>()),
            Some(Focused::Next) => document
                .query_selector("#app .walk-nav .primary")
                .ok()
                .flatten()
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()),
            None => None,
        };
        gloo::utils::window().scroll_to_with_x_and_y(0.0, place.scroll);
        if let Some(element) = found {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = element.focus_with_options(&options);
        }
    });
}

#[cfg(test)]
mod tests {
    use assessment::{Questionnaire, BUILTIN_QUESTIONNAIRE};

    use super::*;
    use crate::i18n::Lang;
    use crate::kiosk::{KioskConfig, Mode};
    use crate::route::Screen;
    use crate::state::Shared;

    fn state(mode: Mode, saved: Option<&str>) -> State {
        let q = Shared::new(Questionnaire::from_json(BUILTIN_QUESTIONNAIRE).unwrap());
        State::new(q, Lang::En, saved.map(str::to_owned), mode, true)
    }

    fn ticked(pairs: &[(&str, &str)]) -> Vec<(QuestionId, OptionId)> {
        pairs
            .iter()
            .map(|(q, o)| (QuestionId::from(*q), OptionId::from(*o)))
            .collect()
    }

    /// The answers as saved, written compactly.
    fn answers(state: &State) -> String {
        let saved: serde_json::Value = serde_json::from_str(&state.sheet.to_json()).unwrap();
        saved["answers"].to_string()
    }

    /// The build renders the first section without a painted frame, so with its first
    /// `FIRST_FRAME` questions only, and with no question that an answer there would bring up: a
    /// first section longer or conditional would show a person less than the app, and Next
    /// pressed early would pass what they never saw.
    #[test]
    fn the_prerendered_first_section_is_whole_and_asks_nothing_conditional() {
        let s = state(Mode::Personal, None);
        let first = s.questionnaire.first_section();
        let questions = s.questionnaire.section_questions(&first);
        assert!(
            questions.len() <= crate::components::section::FIRST_FRAME,
            "{} questions in the first section",
            questions.len()
        );
        let conditional: Vec<_> = questions
            .iter()
            .filter(|a| a.applies_when().is_some())
            .map(|a| a.id().to_string())
            .collect();
        assert!(conditional.is_empty(), "conditional: {conditional:?}");
    }

    #[test]
    fn every_answer_given_before_the_app_is_adopted_on_the_first_section() {
        let before = Before {
            started: true,
            next: false,
            ticked: ticked(&[
                ("P.region", "west"),
                ("P.zone", "gba"),
                ("P.zone", "ftz"),
                ("P.offer", "both"),
            ]),
        };
        let s = before.apply(state(Mode::Personal, None));
        let first = s.questionnaire.first_section();
        assert_eq!(s.screen, Screen::Section(first));
        let json = answers(&s);
        for expected in [
            r#""P.region":"west""#,
            r#""P.zone":["gba","ftz"]"#,
            r#""P.offer":"both""#,
        ] {
            assert!(json.contains(expected), "{expected} in {json}");
        }
    }

    #[test]
    fn next_pressed_early_goes_on_and_a_kiosk_attract_screen_opens_the_walk() {
        let before = Before {
            started: true,
            next: true,
            ticked: ticked(&[("P.region", "east")]),
        };
        let s = before.apply(state(Mode::Personal, None));
        let first = s.questionnaire.first_section();
        assert_eq!(
            s.screen,
            Screen::Section(s.questionnaire.next_section(&first).unwrap())
        );
        let attract = Mode::Kiosk(KioskConfig {
            attract: true,
            ..Default::default()
        });
        let s = Before {
            next: false,
            ..before
        }
        .apply(state(attract, None));
        assert_eq!(s.screen, Screen::Section(s.questionnaire.first_section()));
        assert!(answers(&s).contains(r#""P.region":"east""#));
    }

    #[test]
    fn answers_ticked_without_start_are_kept_and_offered_on_the_start_screen() {
        let before = Before {
            started: false,
            next: true,
            ticked: ticked(&[("P.region", "east"), ("P.nonsense", "x")]),
        };
        let s = before.apply(state(Mode::Personal, None));
        assert_eq!(s.screen, Screen::Start);
        // The core refuses what the questionnaire does not ask; the rest is kept.
        assert_eq!(s.sheet.answers.len(), 1);
        assert!(s.offer().is_some());
    }
}
