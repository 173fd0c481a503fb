//! The app component: owns the reducer, connects it to storage and the document, and picks the
//! screen to show.

use std::rc::Rc;

use assessment::{score, AnswerSheet, Questionnaire, BUILTIN_QUESTIONNAIRE};
use yew::prelude::*;

use crate::components::{LangSwitch, Start};
use crate::i18n::Lang;
use crate::state::{Action, Screen, State};
use crate::storage;

fn initial_state() -> State {
    // The shipped questionnaire is validated by the core's tests; failing here is a build defect.
    let questionnaire = Rc::new(
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
        _ => html! {},
    };

    html! {
        <>
            <header class="masthead">
                <div class="wrap">
                    <p class="brand">{ doc.title.get(&tag) }</p>
                    <LangSwitch lang={lang} on_change={on_lang} />
                </div>
            </header>
            <main id="main" class="wrap">{ screen }</main>
            <footer class="site-footer">
                <div class="wrap">
                    <p>{ doc.source.get(&tag) }</p>
                    <p>{ format!("{} {}", doc.id, doc.version) }</p>
                </div>
            </footer>
        </>
    }
}
