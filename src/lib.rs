//! The web app: a Yew front end on the assessment core.
//!
//! `state` holds the one reducer; `storage` is the only module that touches persistent storage;
//! `offline` registers the service worker; `kiosk` and `embed` are those modes' configuration as
//! plain data, `host` the embedding's browser side; `components` render the state and send
//! actions. No assessment rule lives here: scores, applicability and the data-export path all come
//! from the core's `Report`.

pub mod app;
pub mod components;
pub mod crash;
pub mod embed;
pub mod host;
pub mod i18n;
pub mod kiosk;
pub mod offline;
pub mod query;
pub mod state;
pub mod storage;

use assessment::{Questionnaire, QuestionnaireDoc, BUILTIN_QUESTIONNAIRE};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

pub use app::{App, AppProps};
use components::{SetupProblems, SetupProblemsProps};
use embed::EmbedConfig;
use kiosk::{KioskConfig, Mode};
use state::Shared;

/// Everything the app needs to start, read before it is mounted.
#[derive(Clone, Debug, PartialEq)]
pub struct Setup {
    pub mode: Mode,
    /// Why a kiosk's config file was not used (the kiosk runs on defaults).
    pub config_error: Option<String>,
    /// The association's configuration, when embedded.
    pub embed: Option<EmbedConfig>,
    pub questionnaire: Shared<Questionnaire>,
}

/// Mounts the app in `#app`, replacing the static first screen that index.html shows while the
/// wasm loads. A kiosk's or an association's configuration, and an association's questionnaire,
/// are read first; if they cannot be used, their problems are shown instead of the app.
pub fn start() {
    crash::install();
    wasm_bindgen_futures::spawn_local(async {
        let query = gloo::utils::window()
            .location()
            .search()
            .unwrap_or_default();
        let setup = setup(&query).await;
        let root = gloo::utils::document()
            .get_element_by_id("app")
            .expect("index.html has an element with id \"app\"");
        root.set_inner_html("");
        match setup {
            Ok(setup) => {
                if let Mode::Kiosk(config) = &setup.mode {
                    crash::kiosk(config.clear_after_seconds());
                }
                yew::Renderer::<App>::with_root_and_props(root, AppProps { setup }).render();
            }
            Err(problems) => {
                let props = SetupProblemsProps {
                    problems,
                    embed_origin: embed_origin(&query),
                };
                yew::Renderer::<SetupProblems>::with_root_and_props(root, props).render();
            }
        }
    });
}

async fn setup(query: &str) -> Result<Setup, Vec<String>> {
    let (mode, config_error) = match kiosk::config_file(query) {
        Some(file) => {
            let text = fetch_text(&file).await.ok();
            let (config, error) = KioskConfig::resolve(text.as_deref(), query);
            (
                Mode::Kiosk(config),
                error.map(|e| format!("{file}: {}", e.0)),
            )
        }
        None => (Mode::Personal, None),
    };
    let embed = match is_embedded(query) {
        true => Some(embed_config(query).await?),
        false => None,
    };
    let questionnaire = questionnaire(embed.as_ref()).await?;
    Ok(Setup {
        mode,
        config_error,
        embed,
        questionnaire: Shared::new(questionnaire),
    })
}

fn is_embedded(query: &str) -> bool {
    query::get(query, embed::EMBED_PARAM).is_some()
}

/// Where to post the frame's size while showing problems, from the snippet's `origin` only (a
/// config file may be what failed).
fn embed_origin(query: &str) -> Option<String> {
    if !is_embedded(query) {
        return None;
    }
    let config = EmbedConfig::resolve(None, query).ok()?;
    config.origin
}

/// The association's config: its file (`config=URL`), with the snippet's attributes over it.
async fn embed_config(query: &str) -> Result<EmbedConfig, Vec<String>> {
    let text = match query::get(query, "config") {
        Some(url) => Some(
            fetch_text(&url)
                .await
                .map_err(|e| vec![format!("config file {url}: {e}")])?,
        ),
        None => None,
    };
    EmbedConfig::resolve(text.as_deref(), query)
}

/// The shipped questionnaire or the association's, with its customisation, validated.
async fn questionnaire(embed: Option<&EmbedConfig>) -> Result<Questionnaire, Vec<String>> {
    let (source, text) = match embed.and_then(|e| e.questionnaire.clone()) {
        Some(url) => {
            let text = fetch_text(&url)
                .await
                .map_err(|e| vec![format!("questionnaire {url}: {e}")])?;
            (url, text)
        }
        None => (
            "the shipped questionnaire".to_owned(),
            BUILTIN_QUESTIONNAIRE.to_owned(),
        ),
    };
    let doc: QuestionnaireDoc =
        serde_json::from_str(&text).map_err(|e| vec![format!("questionnaire {source}: {e}")])?;
    let customisation = embed.map(EmbedConfig::customisation).unwrap_or_default();
    let doc = if customisation.is_empty() {
        doc
    } else {
        customisation
            .apply(doc)
            .map_err(|ps| ps.iter().map(|p| format!("config {p}")).collect::<Vec<_>>())?
    };
    Questionnaire::new(doc).map_err(|problems| {
        problems
            .0
            .iter()
            .map(|p| format!("questionnaire {source}, {p}"))
            .collect()
    })
}

/// The text of a file, or why it cannot be had (absent, refused, offline).
async fn fetch_text(url: &str) -> Result<String, String> {
    let response = JsFuture::from(gloo::utils::window().fetch_with_str(url))
        .await
        .map_err(|_| {
            "could not be fetched (offline, or the server does not allow it)".to_owned()
        })?;
    let response: web_sys::Response = response.unchecked_into();
    if !response.ok() {
        return Err(format!("the server answered {}", response.status()));
    }
    let text = response.text().map_err(|_| "unreadable".to_owned())?;
    JsFuture::from(text)
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| "unreadable".to_owned())
}
