//! The service worker: registered in release builds so that, after one visit, the app loads and
//! works with no network. `sw.js` is generated into the build by `scripts/post-build.mjs` (Workbox)
//! and precaches every file of the build by content hash.
//!
//! Nothing polls for a new build: the browser checks `sw.js` when the page is loaded (a
//! navigation). A kiosk, which may run for days without a navigation, asks once between visitors
//! (`check_for_update`), when nobody is using it.
//!
//! A new build installs beside the running one and waits: the page is told (`on_update`), and only
//! when the person accepts does the new worker take over and the page reload, so a page never runs
//! half old and half new files.
//!
//! Written against web-sys rather than with `workbox-window`: that library alone is 1.4 KB gzip
//! before the glue to call it, and would be one more file on the first load; this module's code
//! costs about 1.9 KB gzip of it.

use std::cell::RefCell;

use gloo::events::EventListener;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState,
};
use yew::Callback;

thread_local! {
    static REGISTRATION: RefCell<Option<ServiceWorkerRegistration>> = const { RefCell::new(None) };
}

fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    // Absent on plain http other than localhost, and in some private modes.
    js_sys::Reflect::has(&navigator, &"serviceWorker".into())
        .ok()?
        .then(|| navigator.service_worker())
}

/// The files a page of this setup reads that are not part of the build, which the service worker
/// is to keep for offline use (`register`): `read`, those the setup read (a kiosk's config, an
/// association's config and questionnaire), and the association's `catalogue`.
///
/// The worker keeps such a file when it sees it read (`scripts/post-build.mjs`, NetworkFirst),
/// but on a first visit `read` went past it, read before it controlled the page; and a catalogue
/// is read only when a report asks, which a kiosk that goes offline after its first load may
/// never have done online. So the worker reads them itself as the page starts: the catalogue, or,
/// when no worker controls the page yet, all of them.
pub fn to_keep(read: [Option<&String>; 3], catalogue: Option<&str>) -> js_sys::Array {
    let keep = js_sys::Array::new();
    if let Some(url) = catalogue {
        keep.push(&url.into());
    }
    if container_controller().is_none() {
        for url in read.into_iter().flatten() {
            keep.push(&url.into());
        }
    }
    keep
}

/// Registers `sw.js` and calls `on_update` once a new build is installed and waiting. Asks the
/// worker to read and keep the files of `keep` (`to_keep`), by Workbox's `CACHE_URLS` message:
/// each URL through its routes, as if the page had read it.
pub fn register(on_update: Callback<()>, keep: js_sys::Array) {
    let Some(container) = container() else {
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(registration) = JsFuture::from(container.register("sw.js")).await else {
            return;
        };
        let registration: ServiceWorkerRegistration = registration.unchecked_into();
        // The browser checks for a new build as the page loads, so by now an update may be
        // waiting, still installing, or yet to be found: watch for all three.
        if registration.waiting().is_some() && container_controller().is_some() {
            on_update.emit(());
        }
        if let Some(installing) = registration.installing() {
            watch(&installing, on_update.clone());
        }
        let watched = registration.clone();
        EventListener::new(&registration, "updatefound", move |_| {
            if let Some(installing) = watched.installing() {
                watch(&installing, on_update.clone());
            }
        })
        .forget();
        // The active worker, or on a first visit the one installing, which reads its messages
        // as it installs (if that install fails, the next load asks again).
        let worker = registration.active().or_else(|| registration.installing());
        if let Some(worker) = worker.filter(|_| keep.length() > 0) {
            let set = |object: &js_sys::Object, key: &str, value: &JsValue| {
                let _ = js_sys::Reflect::set(object, &key.into(), value);
            };
            let payload = js_sys::Object::new();
            set(&payload, "urlsToCache", &keep);
            let message = js_sys::Object::new();
            set(&message, "type", &"CACHE_URLS".into());
            set(&message, "payload", &payload);
            let _ = worker.post_message(&message);
        }
        REGISTRATION.with(|r| *r.borrow_mut() = Some(registration));
    });
}

/// Calls `on_update` when `worker` has installed beside a worker that controls the page: an update,
/// not a first install.
fn watch(worker: &ServiceWorker, on_update: Callback<()>) {
    let installed = worker.clone();
    EventListener::new(worker, "statechange", move |_| {
        if installed.state() == ServiceWorkerState::Installed && container_controller().is_some() {
            on_update.emit(());
        }
    })
    .forget();
}

fn container_controller() -> Option<ServiceWorker> {
    container()?.controller()
}

/// Asks the browser to look for a new build now (one request for `sw.js`, answered from the
/// network or not at all). Only a kiosk calls it, between visitors.
pub fn check_for_update() {
    REGISTRATION.with(|r| {
        if let Some(Ok(check)) = r.borrow().as_ref().map(|r| r.update()) {
            // Offline the browser refuses the check: the next visitor's turn asks again. Awaited
            // so that the refusal is handled, not left as an uncaught error in the console.
            wasm_bindgen_futures::spawn_local(async move {
                let _ = JsFuture::from(check).await;
            });
        }
    });
}

/// Lets the waiting build take over, then reloads the page on it.
pub fn apply_update() {
    let waiting = REGISTRATION.with(|r| r.borrow().as_ref().and_then(|r| r.waiting()));
    let (Some(container), Some(waiting)) = (container(), waiting) else {
        // Nothing waits any more: another tab has let the new build take over, and it now
        // controls this page too (clientsClaim), so a reload runs it.
        reload();
        return;
    };
    EventListener::once(&container, "controllerchange", |_| reload()).forget();
    // Workbox's generated worker calls skipWaiting() on this message.
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &JsValue::from_str("SKIP_WAITING"));
    let _ = waiting.post_message(&message);
}

fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}
