//! The app component: owns the reducer, connects it to storage and the document, and picks the
//! screen to show.

use assessment::{score, AnswerSheet, Questionnaire, BUILTIN_QUESTIONNAIRE};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::components::question::element_id;
use crate::components::{LangSwitch, NoticeBar, ReportPage, Review, Section, Start};
use crate::i18n::Lang;
use crate::state::{Action, Screen, Shared, State};
use crate::storage;

fn initial_state() -> State {
    // The shipped questionnaire is validated by the core's tests; failing here is a build defect.
    let questionnaire = Shared::new(
        Questionnaire::from_json(BUILTIN_QUESTIONNAIRE)
            .unwrap_or_else(|e| panic!("the shipped questionnaire is invalid: {e}")),
    );
    let lang = storage::load_lang()
        .and_then(|tag| Lang::from_tag(&tag))
        .unwrap_or_else(browser_lang);
    let saved =
        storage::load_answers().and_then(|text| AnswerSheet::from_json(&text, &questionnaire).ok());
    State::new(questionnaire, lang, saved)
}

fn browser_lang() -> Lang {
    let languages = web_sys::window()
        .map(|w| w.navigator().languages())
        .map(|list| {
            list.iter()
                .filter_map(|v| v.as_string())
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    Lang::preferred(languages.iter().map(String::as_str))
}

#[component]
pub fn App() -> Html {
    let state = use_reducer_eq(initial_state);
    let doc = state.questionnaire.doc();
    let lang = state.lang;
    let tag = lang.lang_tag();

    // The document's language and title follow the interface language, for screen readers,
    // fonts and the browser's own features.
    {
        let title = doc.title.get(&tag).to_owned();
        use_effect_with(lang, move |lang| {
            if let Some(document) = web_sys::window().and_then(|w| w.document()) {
                if let Some(html) = document.document_element() {
                    let _ = html.set_attribute("lang", lang.tag());
                    // End-to-end tests wait for this: the wasm has rendered.
                    let _ = html.set_attribute("data-ready", "true");
                }
                document.set_title(&title);
            }
            storage::save_lang(lang.tag());
        });
    }

    // Every answer is saved as it is given. An empty sheet overwrites nothing while answers from an
    // earlier visit are still on offer.
    {
        let has_saved = state.saved.is_some();
        use_effect_with(state.sheet.clone(), move |sheet| {
            if sheet.answers.is_empty() {
                if !has_saved {
                    storage::clear_answers();
                }
            } else {
                // Storage failures are reported by the hardening work (issue 7) in the interface.
                let _ = storage::save_answers(&sheet.to_json());
            }
        });
    }

    // A new screen starts at its top, with focus on its heading, so that keyboard and screen-reader
    // users land where sighted users look. A review link focuses its question instead.
    {
        let focus = state.focus.clone();
        use_effect_with((state.screen, focus), |(screen, focus)| {
            if *screen != Screen::Start {
                focus_screen(focus.as_ref().map(element_id));
            }
        });
    }

    let send = {
        let state = state.clone();
        Callback::from(move |action| state.dispatch(action))
    };
    let on_lang = {
        let state = state.clone();
        Callback::from(move |lang| state.dispatch(Action::SetLang(lang)))
    };
    let dispatch = |action: Action| {
        let state = state.clone();
        Callback::from(move |()| state.dispatch(action.clone()))
    };

    let screen = match state.screen {
        Screen::Start => {
            let saved_answers = state
                .saved
                .as_ref()
                .map(|saved| score(&state.questionnaire, saved).progress.answered);
            html! {
                <Start
                    lang={lang}
                    title={doc.title.get(&tag).to_owned()}
                    description={doc.description.get(&tag).to_owned()}
                    disclaimer={doc.disclaimer.get(&tag).to_owned()}
                    minutes={state.questionnaire.estimated_minutes()}
                    questions={state.report.progress.total}
                    saved_answers={saved_answers}
                    on_begin={dispatch(Action::Begin)}
                    on_resume={dispatch(Action::Resume)}
                />
            }
        }
        Screen::Section(section) => html! {
            <Section state={state_rc(&state)} section={section} send={send.clone()} />
        },
        Screen::Review => html! { <Review state={state_rc(&state)} send={send.clone()} /> },
        Screen::Report => html! { <ReportPage state={state_rc(&state)} send={send.clone()} /> },
    };
    let notice = state.notice.clone().map(|notice| {
        html! { <NoticeBar lang={lang} notice={notice} on_dismiss={send.reform(|()| Action::DismissNotice)} /> }
    });

    html! {
        <>
            <header class="masthead">
                <div class="wrap">
                    <p class="brand">{ doc.title.get(&tag) }</p>
                    <LangSwitch lang={lang} on_change={on_lang} />
                </div>
            </header>
            <main id="main" class="wrap">{ for notice }{ screen }</main>
            <footer class="site-footer">
                <div class="wrap">
                    <p>{ doc.source.get(&tag) }</p>
                    <p>{ format!("{} {}", doc.id, doc.version) }</p>
                </div>
            </footer>
        </>
    }
}

/// The reducer's current state as a plain `Rc`, for page components.
fn state_rc(handle: &UseReducerHandle<State>) -> std::rc::Rc<State> {
    std::rc::Rc::new((**handle).clone())
}

/// Scrolls to the top and focuses the screen's heading, or the first input of the question with
/// element id `question`.
fn focus_screen(question: Option<String>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(document) = window.document() else {
        return;
    };
    let target = question
        .and_then(|id| document.get_element_by_id(&id))
        .and_then(|q| q.query_selector("input").ok().flatten())
        .or_else(|| document.get_element_by_id("screen-title"));
    match target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
        Some(element) => {
            let _ = element.focus();
            element.scroll_into_view();
        }
        None => window.scroll_to_with_x_and_y(0.0, 0.0),
    }
}
