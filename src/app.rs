//! The app component: owns the reducer, connects it to storage, the service worker and the
//! document, and picks the screen to show.

use assessment::score;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::components::question::element_id;
use crate::components::{
    About, Attract, DamagedNotice, KioskTimer, LangSwitch, NoticeBar, ReportPage, Review, Section,
    Share, Start, StatusBar,
};
use crate::embed::HostMessage;
use crate::i18n::Lang;
use crate::kiosk::Mode;
use crate::state::{Action, Screen, State};
use crate::{host, offline, storage, Setup};

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub setup: Setup,
}

fn initial_state(setup: &Setup) -> State {
    let questionnaire = setup.questionnaire.clone();
    let mode = setup.mode.clone();
    let configured = setup.embed.as_ref().and_then(|e| e.lang());
    match &mode {
        // A kiosk reads nothing a previous user of this browser left, and writes nothing.
        Mode::Kiosk(config) => {
            let lang = config.lang().or(configured).unwrap_or_else(browser_lang);
            State::new(questionnaire, lang, None, mode, false)
        }
        Mode::Personal => {
            let lang = storage::load_lang()
                .and_then(|tag| Lang::from_tag(&tag))
                .or(configured)
                .unwrap_or_else(browser_lang);
            let saved = storage::load_answers(&questionnaire.doc().id);
            State::new(questionnaire, lang, saved, mode, storage::works())
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
    let setup = &props.setup;
    let state = {
        let setup = setup.clone();
        use_reducer_eq(move || initial_state(&setup))
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
    // nothing while answers from an earlier visit are still on offer, and nothing is written while
    // damaged saved answers wait for the person's decision.
    {
        let has_saved = state.saved.is_some() || state.damaged.is_some();
        let (persistent, send) = (state.persistent && state.damaged.is_none(), send.clone());
        use_effect_with(
            (state.sheet.clone(), persistent),
            move |(sheet, persistent)| {
                if !persistent {
                    return;
                }
                if sheet.answers.is_empty() {
                    if !has_saved {
                        storage::clear_answers(&sheet.questionnaire.id);
                    }
                } else if storage::save_answers(&sheet.questionnaire.id, &sheet.to_json()).is_err()
                {
                    send.emit(Action::StorageFailed);
                }
            },
        );
    }

    // Another tab of this app saving answers: this page takes them up rather than overwrite them.
    {
        let (persistent, send) = (state.persistent, send.clone());
        let id = doc.id.clone();
        use_effect_with(persistent, move |persistent| {
            let listener = persistent
                .then(|| storage::watch_answers(&id, send.reform(Action::StoredElsewhere)));
            move || drop(listener)
        });
    }

    // What a crash screen would offer for download.
    use_effect_with((state.sheet.clone(), lang), |(sheet, lang)| {
        crate::crash::remember(sheet.to_json(), *lang)
    });

    // The service worker, in release builds only: in development it would serve stale files.
    {
        let send = send.clone();
        use_effect_with((), move |_| {
            if cfg!(not(debug_assertions)) {
                offline::register(send.reform(|()| Action::UpdateReady));
            }
        });
    }

    let visiting = state.visiting();

    // A kiosk applies a waiting update between visitors, when nobody can lose an answer.
    {
        let between_visitors = state.mode.is_kiosk() && !visiting;
        use_effect_with(
            (state.update_ready, between_visitors),
            |(ready, between)| {
                if *ready && *between {
                    offline::apply_update();
                }
            },
        );
    }

    // Embedded: the association's theme, the frame sized to the content, and the events of the
    // walk for the host page. Nothing here carries a score; the result goes only through Share.
    let host_origin = setup.embed.as_ref().and_then(|e| e.origin.clone());
    {
        let (embed, origin) = (setup.embed.clone(), host_origin.clone());
        use_effect_with((), move |_| {
            if let Some(embed) = embed {
                host::apply_theme(&embed.theme);
            }
            if let Some(origin) = origin {
                host::watch_size(origin);
            }
        });
    }
    let previous = use_mut_ref(|| state.screen);
    {
        let (state, origin, previous) = (state.clone(), host_origin.clone(), previous.clone());
        use_effect_with(state.screen, move |screen| {
            let was = previous.replace(*screen);
            if let Some(origin) = origin {
                if let Some(message) = walk_event(&state, was, *screen) {
                    host::post(
                        &origin,
                        &message.to_json(
                            &state.questionnaire,
                            &state.report,
                            &serde_json::Value::Null,
                        ),
                    );
                }
            }
        });
    }
    let shared = use_state_eq(|| false);
    {
        let shared = shared.clone();
        use_effect_with(state.report.clone(), move |_| shared.set(false));
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
                questionnaire={state.questionnaire.clone()}
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
                    questionnaire={state.questionnaire.clone()}
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
        Screen::Report => {
            // Only where the framing page is the association's: elsewhere the share could not arrive.
            let share = setup
                .embed
                .as_ref()
                .filter(|e| e.can_share() && e.origin.as_deref().is_some_and(host::parent_is))
                .map(|embed| {
                    let name = embed
                        .name
                        .as_ref()
                        .map(|n| n.get(lang).to_owned())
                        .unwrap_or_default();
                    let on_share = {
                        let (state, origin, shared) = (
                            state.clone(),
                            host_origin.clone().unwrap_or_default(),
                            shared.clone(),
                        );
                        Callback::from(move |include_answers: bool| {
                            let answers = serde_json::to_value(&state.sheet).unwrap_or_default();
                            let message = HostMessage::Result { include_answers };
                            host::post(
                                &origin,
                                &message.to_json(
                                    &state.questionnaire,
                                    &state.report,
                                    &answers["answers"],
                                ),
                            );
                            shared.set(true);
                        })
                    };
                    html! {
                        <Share lang={lang} name={name} answers_allowed={embed.share_answers}
                            questionnaire={state.questionnaire.clone()}
                            shared={*shared} on_share={on_share} />
                    }
                });
            html! { <ReportPage state={page.clone()} send={send.clone()}>{ for share }</ReportPage> }
        }
        Screen::About => html! { <About lang={lang} on_back={dispatch(Action::Back)} /> },
    };
    let notice = state.notice.clone().map(|notice| {
        html! { <NoticeBar lang={lang} notice={notice} on_dismiss={dispatch(Action::DismissNotice)}
        on_undo={dispatch(Action::UndoChangeElsewhere)} /> }
    });
    // An update reloads the page: where that would lose answers, it asks first and offers them.
    let export_unsaved = state.answers_at_risk().then(|| {
        let sheet = state.sheet.clone();
        Callback::from(move |()| crate::components::answers_file::export(&sheet))
    });
    let kiosk = match &state.mode {
        Mode::Kiosk(config) => Some((config.clone(), visiting)),
        Mode::Personal => None,
    };

    html! {
        <>
            <a class="skip-link" href="#main">{ s.skip_to_content }</a>
            <header class="masthead">
                <div class="wrap">
                    <div class="brand">
                        if let Some(logo) = setup.embed.as_ref().and_then(|e| e.theme.logo.clone()) {
                            <img class="logo" src={logo} alt="" />
                        }
                        <p>
                            { doc.title.get(&tag) }
                            if let Some(name) = setup.embed.as_ref().and_then(|e| e.name.as_ref()) {
                                <span class="offered-by">{ s.offered_by }{ s.colon }{ name.get(lang) }</span>
                            }
                        </p>
                    </div>
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
                    config_error={setup.config_error.clone().map(AttrValue::from)}
                    on_update={Callback::from(|()| offline::apply_update())}
                    export_unsaved={export_unsaved} />
                if let Some(damaged) = state.damaged.clone() {
                    <DamagedNotice lang={lang} damaged={damaged}
                        on_discard={dispatch(Action::DiscardSaved)} />
                }
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

/// The host page's event for a move from screen `was` to `now`, if it is one.
fn walk_event(state: &State, was: Screen, now: Screen) -> Option<HostMessage> {
    let last = state.section_count() - 1;
    match (was, now) {
        (Screen::Start | Screen::Attract, Screen::Section(_)) => Some(HostMessage::Started),
        (Screen::Section(s), Screen::Section(n)) if n == s + 1 => Some(completed(state, s)),
        (Screen::Section(s), Screen::Review) if s == last => Some(completed(state, s)),
        (Screen::Review, Screen::Report) => Some(HostMessage::Finished {
            complete: state.report.complete,
        }),
        _ => None,
    }
}

/// Section `section` was left forward: "profile" or the dimension's id, with the progress so far.
fn completed(state: &State, section: usize) -> HostMessage {
    let id = match section {
        0 => "profile".to_owned(),
        n => state.questionnaire.doc().dimensions[n - 1].id.to_string(),
    };
    HostMessage::SectionCompleted {
        section: id,
        answered: state.report.progress.answered,
        total: state.report.progress.total,
    }
}

/// The reducer's current state as a plain `Rc`, for page components.
fn state_rc(handle: &UseReducerHandle<State>) -> std::rc::Rc<State> {
    std::rc::Rc::new((**handle).clone())
}

/// Focuses the first input of the question with element id `question` and scrolls it into view,
/// or else scrolls to the top and focuses the screen's heading.
///
/// The heading is focused without scrolling to it, and the page scrolled to (0, 0): neither needs
/// the new screen laid out, which a plain `focus()` would force here, before the frame lays it
/// out again (measured: a third of the time to open the report).
fn focus_screen(question: Option<String>) {
    let document = gloo::utils::document();
    let input = question
        .and_then(|id| document.get_element_by_id(&id))
        .and_then(|q| q.query_selector("input").ok().flatten())
        .and_then(|i| i.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(input) = input {
        let _ = input.focus();
        input.scroll_into_view();
        return;
    }
    gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
    if let Some(heading) = document
        .get_element_by_id("screen-title")
        .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = heading.focus_with_options(&options);
    }
}
