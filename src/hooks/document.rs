//! The document's language and title follow the interface language, for screen readers, fonts and
//! the browser's own features; the language is remembered where answers may persist.

use yew::prelude::*;

use crate::i18n::Lang;
use crate::storage;

#[hook]
pub fn use_document(lang: Lang, title: String, persistent: bool) {
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
