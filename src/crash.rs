//! When the app panics: instead of a frozen page, a screen that says so and offers the answers for
//! download, then a reload. The answers and language are remembered here on every change, because
//! after a panic the app's state can no longer be trusted.
//!
//! The screen is built with plain DOM calls and holds no callback into the wasm: after the panic
//! the module is not run again. The download is a link to a blob, the reload a link to the page's
//! address without its fragment: a link to the address with its fragment (`…/#profile`) would
//! only move to the fragment within the crashed page, where a link without one loads the page
//! anew, and the app then offers to resume the answers it keeps.
//!
//! In a kiosk the screen offers no download (a file in the kiosk's downloads would reach the next
//! visitor) and clears itself: a `<meta http-equiv="refresh">` reloads the page, which wipes the
//! visitor's answers from memory, after the kiosk's idle time and countdown. The browser runs that
//! timer itself, so it works although the app's own idle timer died with the app.

use std::cell::{Cell, RefCell};

use wasm_bindgen::prelude::*;

use crate::i18n::{Lang, Strings};

thread_local! {
    static LAST: RefCell<Option<(String, Lang)>> = const { RefCell::new(None) };
    /// In a kiosk: the seconds after which the crash screen clears itself.
    static KIOSK_CLEAR_SECONDS: Cell<Option<u32>> = const { Cell::new(None) };
}

/// Tells the crash screen that the app runs as a kiosk, which clears a visitor after `seconds`.
pub fn kiosk(seconds: u32) {
    KIOSK_CLEAR_SECONDS.with(|s| s.set(Some(seconds)));
}

/// Remembers the current answers (as the answers document) and language.
pub fn remember(answers_json: String, lang: Lang) {
    LAST.with(|last| *last.borrow_mut() = Some((answers_json, lang)));
}

/// Installs the panic hook that shows the recovery screen. Through Yew, which otherwise installs
/// its own hook (a console message only) when the app is mounted.
pub fn install() {
    yew::set_custom_panic_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("exporter-assessment: {info}").into());
        show();
    }));
}

fn show() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let (answers, lang) = LAST
        .with(|last| last.borrow().clone())
        .unwrap_or_else(|| (String::new(), Lang::ZhCn));
    let s = Strings::of(lang);
    let Some(app) = document.get_element_by_id("app") else {
        return;
    };
    let Ok(main) = document.create_element("main") else {
        return;
    };
    main.set_class_name("wrap crashed");
    let _ = main.set_attribute("role", "alert");
    let add = |tag: &str, text: &str, attrs: &[(&str, &str)]| {
        if let Ok(el) = document.create_element(tag) {
            el.set_text_content(Some(text));
            for (k, v) in attrs {
                let _ = el.set_attribute(k, v);
            }
            let _ = main.append_child(&el);
        }
    };
    add("h1", s.device.crashed_title, &[]);
    let kiosk_clear = KIOSK_CLEAR_SECONDS.with(Cell::get);
    if let Some(seconds) = kiosk_clear {
        add("p", s.device.crashed_kiosk_text, &[]);
        // No URL in it: the page reloads itself, as a fresh kiosk visit. The screen's fragment
        // goes first, or the refresh would only move to it within this page, not reload it.
        if let Ok(history) = gloo::utils::window().history() {
            let location = gloo::utils::window().location();
            let page = format!(
                "{}{}",
                location.pathname().unwrap_or_default(),
                location.search().unwrap_or_default()
            );
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&page));
        }
        if let (Ok(refresh), Some(head)) = (document.create_element("meta"), document.head()) {
            let _ = refresh.set_attribute("http-equiv", "refresh");
            let _ = refresh.set_attribute("content", &seconds.to_string());
            let _ = head.append_child(&refresh);
        }
    } else {
        add("p", s.device.crashed_text, &[]);
    }
    if !answers.is_empty() && kiosk_clear.is_none() {
        let blob = gloo::file::Blob::new_with_options(answers.as_str(), Some("application/json"));
        let url = gloo::file::ObjectUrl::from(blob);
        add(
            "a",
            s.device.crashed_download,
            &[
                ("class", "button primary"),
                ("href", &url),
                ("download", "exporter-assessment-answers.json"),
            ],
        );
        // The link must outlive this function: the page ends here.
        std::mem::forget(url);
    }
    let location = gloo::utils::window().location();
    let page = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    let page = if page.is_empty() {
        "./".to_owned()
    } else {
        page
    };
    add(
        "a",
        s.device.reload,
        &[("class", "button reload"), ("href", &page)],
    );
    app.set_inner_html("");
    let _ = app.append_child(&main);
    if let Some(html) = document.document_element() {
        let _ = html.set_attribute("data-crashed", "true");
    }
}

/// Panics on purpose, so that the end-to-end tests can check the recovery screen. Exported to
/// JavaScript (`window.wasmBindings.crash_for_testing()`); harmless otherwise: it does what any
/// defect would.
#[wasm_bindgen]
pub fn crash_for_testing() {
    panic!("crash_for_testing was called");
}
