//! The web app: a Yew front end on the assessment core.
//!
//! `state` holds the one reducer; `storage` is the only module that touches persistent storage;
//! `offline` registers the service worker; `kiosk` is kiosk mode's configuration and timing rule;
//! `components` render the state and send actions. No assessment rule lives here: scores,
//! applicability and the data-export path all come from the core's `Report`.

pub mod app;
pub mod components;
pub mod i18n;
pub mod kiosk;
pub mod offline;
pub mod state;
pub mod storage;

pub use app::{App, AppProps};

use kiosk::{KioskConfig, Mode};

/// Mounts the app in `#app`, replacing the static first screen that index.html shows while the
/// wasm loads. In kiosk mode (`?kiosk`) the kiosk's config file is read first.
pub fn start() {
    wasm_bindgen_futures::spawn_local(async {
        let (mode, config_error) = mode().await;
        let document = gloo::utils::document();
        let root = document
            .get_element_by_id("app")
            .expect("index.html has an element with id \"app\"");
        root.set_inner_html("");
        yew::Renderer::<App>::with_root_and_props(root, AppProps { mode, config_error }).render();
    });
}

/// Personal use, or a kiosk with its settings, and why a kiosk config file was not used.
async fn mode() -> (Mode, Option<String>) {
    let query = gloo::utils::window()
        .location()
        .search()
        .unwrap_or_default();
    let Some(file) = kiosk::config_file(&query) else {
        return (Mode::Personal, None);
    };
    let text = fetch_text(&file).await;
    let (config, error) = KioskConfig::resolve(text.as_deref(), &query);
    (
        Mode::Kiosk(config),
        error.map(|e| format!("{file}: {}", e.0)),
    )
}

/// The text of a file beside the app, or `None` if it cannot be had (absent, offline).
async fn fetch_text(file: &str) -> Option<String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let response = JsFuture::from(gloo::utils::window().fetch_with_str(file))
        .await
        .ok()?;
    let response: web_sys::Response = response.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()
}
