//! The web app: a Yew front end on the assessment core.
//!
//! `setup` reads everything the app starts with (the query string, parsed once by `query`; a
//! kiosk's or an association's config; the questionnaire; what storage kept); `state` holds the one
//! reducer; `hooks` connect it to the browser (storage, the document, the host page, the service
//! worker); `storage` is the only module that touches persistent storage; `offline` registers the
//! service worker; `kiosk` and `embed` are those modes' configuration as plain data, `host` the
//! embedding's browser side; `components` render the state and send actions; `report_worker` is the
//! report's worker (the obligations catalogue and the QR code, not in the first load). No assessment rule lives here: scores, applicability and the data-export path all come
//! from the core's `Report`.

pub mod app;
pub mod clock;
pub mod components;
pub mod crash;
pub mod embed;
pub mod fetch;
pub mod first_paint;
pub mod hooks;
pub mod host;
pub mod i18n;
pub mod kiosk;
pub mod offline;
pub mod paint;
pub mod query;
pub mod report_worker;
pub mod route;
pub mod setup;
pub mod state;
pub mod storage;

pub use app::{App, AppProps};
use components::{SetupProblems, SetupProblemsProps};
use kiosk::Mode;
pub use setup::Setup;

/// Mounts the app in `#app`, replacing the first screens that index.html shows while the wasm
/// loads (`first_paint`), and adopting what was done on them. The setup (a kiosk's or an association's configuration, an association's
/// questionnaire, what an earlier visit saved) is read first; if it cannot be used, its problems
/// are shown instead of the app.
pub fn start() {
    crash::install();
    wasm_bindgen_futures::spawn_local(async {
        let query = gloo::utils::window()
            .location()
            .search()
            .unwrap_or_default();
        let setup = setup::read(&query).await;
        // The first render in a task of its own: the page stays responsive between reading the
        // questionnaire and drawing it (Lighthouse counts each long task's excess over 50 ms).
        setup::next_task().await;
        let root = gloo::utils::document()
            .get_element_by_id("app")
            .expect("index.html has an element with id \"app\"");
        // What the person did on the page painted before the app, read as late as can be.
        let (before, place) = first_paint::take_over();
        root.set_inner_html("");
        match setup {
            Ok(mut setup) => {
                // Where Next took the person on, the app's own focus is right: a new section.
                let place = (!before.next).then_some(place);
                setup.before = before;
                if let Mode::Kiosk(config) = &setup.mode {
                    crash::kiosk(config.clear_after_seconds());
                }
                yew::Renderer::<App>::with_root_and_props(root, AppProps { setup }).render();
                if let Some(place) = place {
                    first_paint::restore_place(place);
                }
            }
            Err(failure) => {
                let props = SetupProblemsProps {
                    failure: state::Shared::new(failure),
                };
                yew::Renderer::<SetupProblems>::with_root_and_props(root, props).render();
            }
        }
    });
}
