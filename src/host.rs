//! The browser side of embedding: posting to the host page, sizing the frame, applying the theme.
//!
//! Every message is addressed to the configured origin of the association's page, never to `*`:
//! if the frame's parent is any other origin, the browser drops the message.

use gloo::events::EventListener;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use assessment::Theme;

use crate::embed::resize_message;

/// The page that frames the app; `None` when the app is not framed (its parent is itself).
fn parent() -> Option<web_sys::Window> {
    let window = gloo::utils::window();
    let parent = window.parent().ok().flatten()?;
    (!js_sys::Object::is(&parent, &window)).then_some(parent)
}

/// Posts `message` (a JSON text, `embed.rs` writes them) to the parent page, as the object it
/// writes, if there is a parent page and it is of `origin`.
pub fn post(origin: &str, message: &str) {
    let Some(parent) = parent() else {
        return;
    };
    let Ok(value) = js_sys::JSON::parse(message) else {
        return;
    };
    let _ = parent.post_message(&value, origin);
}

/// Whether the app is framed by a page of `origin`. Not when it is not framed at all (an embed
/// address opened on its own: a share could not arrive anywhere). Where the browser lists the
/// ancestors' origins (Chromium, Safari), the parent's must be `origin`; elsewhere the browser's
/// own check on posting remains.
pub fn parent_is(origin: &str) -> bool {
    if parent().is_none() {
        return false;
    }
    let location = gloo::utils::window().location();
    let ancestors = js_sys::Reflect::get(&location, &"ancestorOrigins".into())
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::DomStringList>().ok());
    match ancestors {
        Some(list) if list.length() > 0 => list.item(0).as_deref() == Some(origin),
        _ => true,
    }
}

/// Sets the theme's custom properties on the document, where the design system reads them. Through
/// the CSSOM, which a Content Security Policy without 'unsafe-inline' allows; the values were
/// checked by the core (`AssociationConfig::problems`) to be colours and font names only.
pub fn apply_theme(theme: &Theme) {
    let Some(root) = gloo::utils::document()
        .document_element()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let _ = root.class_list().add_1("embedded");
    let style = root.style();
    for (property, value) in theme.properties() {
        let _ = style.set_property(property, value);
    }
}

/// Tells the host the height of the app whenever it changes, so the frame fits its content.
pub fn watch_size(origin: String) {
    let Some(app) = gloo::utils::document().get_element_by_id("app") else {
        return;
    };
    let last = std::rc::Rc::new(std::cell::Cell::new(0u32));
    let measured = app.clone();
    let report = move || {
        let height = measured.get_bounding_client_rect().height().ceil() as u32;
        if height != last.get() {
            last.set(height);
            post(&origin, &resize_message(height));
        }
    };
    report();
    let on_resize = Closure::<dyn FnMut()>::new(report.clone());
    if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        observer.observe(&app);
        // Both live as long as the page.
        on_resize.forget();
        std::mem::forget(observer);
    }
    // Fonts and images can change the height after layout without resizing #app's box first.
    EventListener::new(&gloo::utils::window(), "load", move |_| report()).forget();
}
