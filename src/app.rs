//! The app component: owns the reducer, connects it to the browser through the hooks of `hooks/`,
//! and picks the screen to show.

use std::rc::Rc;

use assessment::questionnaire::{Source, Switch};
use assessment::CatalogueSource;

use yew::prelude::*;

use crate::components::attract::AttractProps;
use crate::components::{
    About, AnswersFile, Attract, DamagedNotice, Finish, Frame, FrameProps, HandoffOffer,
    KioskTimer, NoticeBar, ReportPage, Review, Section, Share, Start, StartProps, StatusBar,
};
use crate::hooks::{
    use_autosave, use_crash_copy, use_document, use_earlier_store, use_focus, use_history,
    use_host_messages, use_other_tabs, use_service_worker, use_share,
};
use crate::i18n::Lang;
use crate::kiosk::Mode;
use crate::report_worker::message::Sources;
use crate::route::Screen;
use crate::state::{Action, Shared, State};
use crate::{embed, offline, Setup};

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub setup: Setup,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let setup = &props.setup;
    let state = {
        let setup = setup.clone();
        use_reducer_eq(move || {
            let state = State::new(
                setup.questionnaire,
                setup.lang,
                setup.saved,
                setup.mode,
                setup.persistent,
            )
            .dated(setup.today)
            .with_history(setup.earlier)
            .arrive(&setup.fragment);
            let state = match crate::route::handoff_code(&setup.fragment) {
                Some(code) => state.with_handoff(code),
                None => state,
            };
            setup.before.apply(state)
        })
    };
    let doc = state.questionnaire.doc();
    let lang = state.lang;
    let tag = lang.lang_tag();
    let dispatch_to = {
        let state = state.clone();
        Callback::from(move |action| state.dispatch(action))
    };
    // The app's Back is the browser's where it can be (`use_history`): every page's Back goes
    // through it.
    let back = use_history(&state, dispatch_to.clone());
    let send = Callback::from(move |action| match action {
        Action::Back => back.emit(()),
        action => dispatch_to.emit(action),
    });
    // The reducer's current state as a plain `Rc`, for the hooks and the pages.
    let page = Rc::new((*state).clone());

    use_document(lang, doc.title.get(&tag).to_owned(), state.persistent);
    use_autosave(&state, send.clone());
    use_earlier_store(&state, send.clone());
    // The files the report's markets and goods are made from: the catalogue that reads this
    // questionnaire, as the core decides it for the config (`None`: no such section).
    let obligations = use_memo(setup.embed.clone(), |embed| {
        let Some(config) = embed else {
            return Some(Rc::new(Sources::default()));
        };
        let customisation =
            (!config.customisation.is_empty()).then(|| config.customisation.to_json());
        match config.catalogue() {
            CatalogueSource::Shipped => Some(Rc::new(Sources {
                customisation,
                ..Sources::default()
            })),
            CatalogueSource::Own(url) => Some(Rc::new(Sources {
                questionnaire: config.questionnaire.clone(),
                customisation,
                catalogue: Some(url.to_owned()),
            })),
            CatalogueSource::None => None,
        }
    });
    use_other_tabs(&state, send.clone());
    use_crash_copy(&state);
    use_service_worker(&state, send.clone(), &setup.keep);
    use_host_messages(page.clone(), setup.embed.clone());
    let (shared, on_share) = use_share(page.clone(), setup.embed.as_ref());
    use_focus(&state);

    // The first load carries the shipped questionnaire in one language: a switch to another
    // fetches it whole (precached by the service worker, so a kiosk switches offline). An
    // association's own questionnaire is never swapped for the shipped one (the core's rule).
    let on_lang = {
        let state = state.clone();
        let embed = setup.embed.clone();
        let source = match embed.as_ref().and_then(|e| e.questionnaire.as_ref()) {
            Some(_) => Source::Association,
            None => Source::Shipped,
        };
        Callback::from(
            move |lang: Lang| match state.questionnaire.switch_to(lang, source) {
                Switch::Ready => state.dispatch(Action::SetLang(lang)),
                Switch::NotOffered => state.dispatch(Action::LanguageNotOffered(lang)),
                Switch::FetchShipped => {
                    let (state, embed) = (state.clone(), embed.clone());
                    wasm_bindgen_futures::spawn_local(async move {
                        let text = crate::setup::fetch_text(
                            &crate::setup::shipped_whole_url(),
                            assessment::limits::Document::Questionnaire,
                        )
                        .await;
                        match text
                            .ok()
                            .and_then(|t| crate::setup::load(&t, embed.as_ref()).ok())
                        {
                            Some(q) => state.dispatch(Action::Speak(lang, Shared::new(q))),
                            None => state.dispatch(Action::LanguageUnavailable),
                        }
                    });
                }
            },
        )
    };
    let visiting = state.visiting();
    let dispatch = |action: Action| send.reform(move |()| action.clone());

    let screen = match &state.screen {
        Screen::Attract => html! {
            <Attract ..AttractProps::of(&state, dispatch(Action::Begin)) />
        },
        Screen::Start => html! {
            <>
                if let Some(handed) = &state.handoff {
                <HandoffOffer lang={lang} date={AttrValue::from(handed.date.to_string())}
                    answered_here={state.offer().map_or(0, |o| o.answered)}
                    on_open={dispatch(Action::OpenHandoff)} on_compare={dispatch(Action::CompareHandoff)}
                    on_decline={dispatch(Action::DeclineHandoff)} />
            }
            <Start ..StartProps::of(&state, dispatch(Action::Begin), dispatch(Action::Resume), html! {
                // Only where importing replaces nothing: answers on offer are continued or
                // started over (with an Undo) first.
                if state.files_allowed() && state.offer().is_none() {
                    <AnswersFile lang={lang} sheet={state.sheet.clone()} send={send.clone()}
                        import_only=true />
                }
            }) />
            </>
        },
        Screen::Section(section) => html! {
            // Keyed: a new section is a new component, which paints its first frame first.
            <Section key={section.key()} state={page.clone()} section={section.clone()} send={send.clone()} />
        },
        Screen::Review => html! { <Review state={page.clone()} send={send.clone()} /> },
        Screen::Report => {
            let share = setup.embed.as_ref().zip(on_share).map(|(embed, on_share)| {
                let name = embed::name(embed, lang).unwrap_or_default().to_owned();
                html! {
                    <Share lang={lang} name={name} answers_allowed={embed.share_answers}
                        questionnaire={state.questionnaire.clone()}
                        shared={shared} on_share={on_share} />
                }
            });
            html! { <ReportPage state={page.clone()} send={send.clone()} link={setup.link.clone()}
            obligations={(*obligations).clone()}>{ for share }</ReportPage> }
        }
        Screen::About => html! { <About lang={lang} on_back={dispatch(Action::Back)} /> },
    };
    let notice = state.notice.clone().map(|notice| {
        html! { <NoticeBar lang={lang} notice={notice} on_dismiss={dispatch(Action::DismissNotice)}
        on_undo={dispatch(Action::UndoChangeElsewhere)} on_undo_clear={dispatch(Action::UndoClear)} /> }
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
    let kiosk_problem = setup
        .kiosk_problem
        .as_ref()
        .map(|problem| AttrValue::from(crate::i18n::problem_in(lang, &problem.0, &problem.1)));

    let main = html! {
        <>
            <StatusBar lang={lang} update_ready={state.update_ready && !state.mode.is_kiosk()}
                not_persistent={!state.persistent && !state.mode.is_kiosk()}
                config_error={kiosk_problem}
                on_update={Callback::from(|()| offline::apply_update())}
                export_unsaved={export_unsaved} />
            if let Some(damaged) = state.damaged.clone() {
                <DamagedNotice lang={lang} damaged={damaged}
                    on_discard={dispatch(Action::DiscardSaved)} />
            }
            { for notice }
            { screen }
        </>
    };
    let frame = FrameProps {
        logo: setup
            .embed
            .as_ref()
            .and_then(|e| e.theme.logo.clone())
            .map(AttrValue::from),
        offered_by: setup
            .embed
            .as_ref()
            .and_then(|e| embed::name(e, lang))
            .map(|name| AttrValue::from(name.to_owned())),
        actions: html! {
            if let Some((_, true)) = &kiosk {
                <Finish lang={lang} on_finish={dispatch(Action::Wipe)} />
            }
        },
        on_lang: Some(on_lang),
        on_about: Some(send.reform(|()| Action::Go(Screen::About))),
        ..FrameProps::of(&state, main)
    };

    html! {
        <>
            <Frame ..frame />
            if let Some((config, visiting)) = kiosk {
                <KioskTimer lang={lang} config={config} active={visiting} on_expire={dispatch(Action::Wipe)} />
            }
        </>
    }
}
