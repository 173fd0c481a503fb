//! The web app: a Yew front end on the assessment core.
//!
//! `state` holds the one reducer; `storage` is the only module that touches persistent storage;
//! `components` render the state and send actions. No rule lives here: scores, applicability and the
//! data-export path all come from the core's `Report`.

pub mod app;
pub mod components;
pub mod i18n;
pub mod state;
pub mod storage;

pub use app::App;

/// Mounts the app in `#app`, replacing the static first screen that index.html shows while the
/// wasm loads.
pub fn start() {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("a browser document");
    let root = document
        .get_element_by_id("app")
        .expect("index.html has an element with id \"app\"");
    root.set_inner_html("");
    yew::Renderer::<App>::with_root(root).render();
}
