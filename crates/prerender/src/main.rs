//! Renders the app's first screens natively, with the app's own components (Yew's server-side
//! rendering), for the release build's index.html (scripts/post-build.mjs inserts the output):
//!
//! `prerender [SPLIT_DIR]` prints `FirstPaint` in every language the app speaks, the first
//! language's `main` shown and the others' marked hidden; SPLIT_DIR holds the shipped
//! questionnaire in each language (`questionnaire/split/`, the files the app itself loads).
//!
//! `prerender --screen start|walk LANG [SPLIT_DIR]` prints one component alone, in the id scope
//! it has on the page: a test finds it, as it is, in the built index.html.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::rc::Rc;

use exporter_assessment::components::{IdScope, Section, Start, StartProps};
use exporter_assessment::first_paint::{self, FirstPaint, FirstPaintProps};
use exporter_assessment::i18n::Lang;
use exporter_assessment::kiosk::{KioskConfig, Mode};
use exporter_assessment::route::Screen;
use exporter_assessment::state::{Action, Shared, State};
use yew::prelude::*;
use yew::{LocalServerRenderer, Reducible};

/// The first state of a visit in `lang`, the shipped questionnaire read from `dir`.
fn state(dir: &Path, lang: Lang, mode: Mode) -> Result<State, String> {
    let file = dir.join(format!("digital-trade.{}.json", lang.tag()));
    let text = std::fs::read_to_string(&file)
        .map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    let questionnaire = exporter_assessment::setup::load(&text, None).map_err(|problems| {
        format!(
            "{} is not a valid questionnaire: {problems:?}",
            file.display()
        )
    })?;
    let persistent = !mode.is_kiosk();
    Ok(State::new(
        Shared::new(questionnaire),
        lang,
        None,
        mode,
        persistent,
    ))
}

#[derive(Properties, PartialEq)]
struct AloneProps {
    screen: &'static str,
    state: Rc<State>,
}

/// One screen's component alone, in the scope `FirstPaint` gives it.
#[component]
fn Alone(props: &AloneProps) -> Html {
    let tag = props.state.lang.tag();
    let scope = IdScope(format!("{tag}-{}-", props.screen).into());
    let inner = match props.screen {
        "walk" => {
            let walk = Rc::new((*props.state).clone()).reduce(Action::Begin);
            match &walk.screen {
                Screen::Section(section) => html! {
                    <Section state={walk.clone()} section={section.clone()} send={Callback::noop()} />
                },
                _ => Html::default(),
            }
        }
        _ => html! {
            <Start ..StartProps::of(&props.state, Callback::noop(), Callback::noop(),
                first_paint::start_extras(&props.state)) />
        },
    };
    html! { <ContextProvider<IdScope> context={scope}>{ inner }</ContextProvider<IdScope>> }
}

async fn render<C>(props: C::Properties) -> String
where
    C: BaseComponent,
{
    LocalServerRenderer::<C>::with_props(props)
        .hydratable(false)
        .render()
        .await
}

async fn run(args: Vec<String>) -> Result<String, String> {
    let default_dir = || {
        PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../questionnaire/split"
        ))
    };
    match args.first().map(String::as_str) {
        Some("--screen") => {
            let screen = match args.get(1).map(String::as_str) {
                Some("start") => "start",
                Some("walk") => "walk",
                other => return Err(format!("--screen takes start or walk, not {other:?}")),
            };
            let lang = args
                .get(2)
                .ok_or("--screen SCREEN LANG: LANG is missing")?
                .parse::<Lang>()
                .map_err(|e| format!("--screen SCREEN LANG: {e}"))?;
            let dir = args.get(3).map_or_else(default_dir, PathBuf::from);
            let state = Rc::new(state(&dir, lang, Mode::Personal)?);
            Ok(render::<Alone>(AloneProps { screen, state }).await)
        }
        _ => {
            let dir = args.first().map_or_else(default_dir, PathBuf::from);
            let mut page = String::new();
            for (n, lang) in Lang::ALL.into_iter().enumerate() {
                let props = FirstPaintProps {
                    personal: Rc::new(state(&dir, lang, Mode::Personal)?),
                    kiosk: Rc::new(state(&dir, lang, Mode::Kiosk(KioskConfig::default()))?),
                    hidden: n > 0,
                };
                page.push_str(&render::<FirstPaint>(props).await);
            }
            Ok(page)
        }
    }
}

fn main() -> ExitCode {
    let args = std::env::args().skip(1).collect::<Vec<_>>();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a single-threaded runtime");
    let local = tokio::task::LocalSet::new();
    match local.block_on(&runtime, run(args)) {
        Ok(html) => {
            println!("{html}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("prerender: {message}");
            ExitCode::FAILURE
        }
    }
}
