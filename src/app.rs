//! The app component: owns the reducer, connects it to storage, the service worker and the
//! document, and picks the screen to show.

use assessment::{score, AnswerSheet, Questionnaire, BUILTIN_QUESTIONNAIRE};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::components::question::element_id;
use crate::components::{
    About, Attract, KioskTimer, LangSwitch, NoticeBar, ReportPage, Review, Section, Start,
    StatusBar,
};
use crate::i18n::Lang;
use crate::kiosk::Mode;
use crate::offline;
use crate::state::{Action, Screen, Shared, State};
use crate::storage;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub mode: Mode,
    /// Why a kiosk's config file was not used, for the operator to see.
    #[prop_or_default]
    pub config_error: Option<String>,
}

fn initial_state(mode: &Mode) -> State {
    // The shipped questionnaire is validated by the core's tests; failing here is a build defect.
    let questionnaire = Shared::new(
        Questionnaire::from_json(BUILTIN_QUESTIONNAIRE)
            .unwrap_or_else(|e| panic!("the shipped questionnaire is invalid: {e}")),
    );
    match mode {
        // A kiosk reads nothing a previous user of this browser left, and writes nothing.
        Mode::Kiosk(config) => {
            let lang = config.lang().unwrap_or_else(browser_lang);
            State::new(questionnaire, lang, None, mode.clone(), false)
        }
        Mode::Personal => {
            let lang = storage::load_lang()
                .and_then(|tag| Lang::from_tag(&tag))
                .unwrap_or_else(browser_lang);
            let saved = storage::load_answers()
                .and_then(|text| AnswerSheet::from_json(&text, &questionnaire).ok());
            State::new(questionnaire, lang, saved, mode.clone(), storage::works())
        }
    }
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
pub fn App(props: &AppProps) -> Html {
    let state = {
        let mode = props.mode.clone();
        use_reducer_eq(move || initial_state(&mode))
    };
    let doc = state.questionnaire.doc();
    let lang = state.lang;
    let tag = lang.lang_tag();
    let s = lang.strings();
    let send = {
        let state = state.clone();
        Callback::from(move |action| state.dispatch(action))
    };

    // The document's language and title follow the interface language, for screen readers,
    // fonts and the browser's own features.
    {
        let title = doc.title.get(&tag).to_owned();
        let persistent = state.persistent;
        use_effect_with(lang, move |lang| {
            let document = gloo::utils::document();
            if let Some(html) = document.document_element() {
                let _ = html.set_attribute("lang", lang.tag());
                // End-to-end tests wait for this: the wasm has rendered.
                let _ = html.set_attribute("data-ready", "true");
            }
            document.set_title(&title);
            if persistent {
                storage::save_lang(lang.tag());
            }
        });
    }

    // Every answer is saved as it is given, where answers may persist. An empty sheet overwrites
    // nothing while answers from an earlier visit are still on offer.
    {
        let (has_saved, persistent, send) = (state.saved.is_some(), state.persistent, send.clone());
        use_effect_with(state.sheet.clone(), move |sheet| {
            if !persistent {
                return;
            }
            if sheet.answers.is_empty() {
                if !has_saved {
                    storage::clear_answers();
                }
            } else if storage::save_answers(&sheet.to_json()).is_err() {
                send.emit(Action::StorageFailed);
            }
        });
    }

    // The service worker, in release builds only: in development it would serve stale files.
    {
        let send = send.clone();
        use_effect_with((), move |_| {
            if cfg!(not(debug_assertions)) {
                offline::register(send.reform(|()| Action::UpdateReady));
            }
        });
    }

    // A kiosk applies a waiting update between visitors, when nobody can lose an answer.
    {
        let between_visitors = state.mode.is_kiosk()
            && matches!(state.screen, Screen::Start | Screen::Attract)
            && state.sheet.answers.is_empty();
        use_effect_with(
            (state.update_ready, between_visitors),
            |(ready, between)| {
                if *ready && *between {
                    offline::apply_update();
                }
            },
        );
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

    let on_lang = send.reform(Action::SetLang);
    let dispatch = |action: Action| send.reform(move |()| action.clone());
    let page = state_rc(&state);

    let screen = match state.screen {
        Screen::Attract => html! {
            <Attract lang={lang} title={doc.title.get(&tag).to_owned()}
                description={doc.description.get(&tag).to_owned()} on_start={dispatch(Action::Next)} />
        },
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
            <Section state={page.clone()} section={section} send={send.clone()} />
        },
        Screen::Review => html! { <Review state={page.clone()} send={send.clone()} /> },
        Screen::Report => html! { <ReportPage state={page.clone()} send={send.clone()} /> },
        Screen::About => html! { <About lang={lang} on_back={dispatch(Action::Back)} /> },
    };
    let notice = state.notice.clone().map(|notice| {
        html! { <NoticeBar lang={lang} notice={notice} on_dismiss={dispatch(Action::DismissNotice)} /> }
    });
    let kiosk = match &state.mode {
        Mode::Kiosk(config) => {
            let visiting = !matches!(state.screen, Screen::Start | Screen::Attract)
                || !state.sheet.answers.is_empty();
            Some((config.clone(), visiting))
        }
        Mode::Personal => None,
    };

    html! {
        <>
            <a class="skip-link" href="#main">{ s.skip_to_content }</a>
            <header class="masthead">
                <div class="wrap">
                    <p class="brand">{ doc.title.get(&tag) }</p>
                    <div class="masthead-actions">
                        if let Some((_, true)) = &kiosk {
                            <button type="button" class="button finish no-print"
                                onclick={send.reform(|_| Action::Wipe)}>{ s.finish_and_clear }</button>
                        }
                        <LangSwitch lang={lang} on_change={on_lang} />
                    </div>
                </div>
            </header>
            <main id="main" class="wrap" tabindex="-1">
                <StatusBar lang={lang} update_ready={state.update_ready && !state.mode.is_kiosk()}
                    not_persistent={!state.persistent && !state.mode.is_kiosk()}
                    config_error={props.config_error.clone().map(AttrValue::from)}
                    on_update={Callback::from(|()| offline::apply_update())} />
                { for notice }
                { screen }
            </main>
            <footer class="site-footer">
                <div class="wrap">
                    <p>{ doc.source.get(&tag) }</p>
                    <p>
                        { format!("{} {}", doc.id, doc.version) }{ " · " }
                        <button type="button" class="link" onclick={send.reform(|_| Action::Go(Screen::About))}>
                            { s.about_link }
                        </button>
                    </p>
                </div>
            </footer>
            if let Some((config, visiting)) = kiosk {
                <KioskTimer lang={lang} config={config} active={visiting} on_expire={dispatch(Action::Wipe)} />
            }
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
    let window = gloo::utils::window();
    let document = gloo::utils::document();
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
