//! Export the answers to a JSON file, and import them from one. An import goes through the reducer,
//! which refuses a file for another questionnaire or a broken one and changes nothing.

use assessment::AnswerSheet;
use gloo::file::callbacks::FileReader;
use gloo::file::{Blob, File, ObjectUrl};
use wasm_bindgen::JsCast;
use web_sys::{HtmlAnchorElement, HtmlInputElement};
use yew::prelude::*;

use crate::components::use_id_scope;
use crate::i18n::{Lang, Strings};
use crate::state::Action;

/// Files larger than this are refused unread: the core's bound on an answers file, the same
/// as the cohort tools'.
pub const MAX_IMPORT_BYTES: u64 = assessment::limits::MAX_RESULT_BYTES;

#[derive(Properties, PartialEq)]
pub struct AnswersFileProps {
    pub lang: Lang,
    pub sheet: AnswerSheet,
    pub send: Callback<Action>,
    /// Only the import (the start screen: no answers yet to export).
    #[prop_or_default]
    pub import_only: bool,
    /// Before the app has started: the file field is shown, disabled (nothing could read it).
    #[prop_or_default]
    pub waiting: bool,
}

#[component]
pub fn AnswersFile(props: &AnswersFileProps) -> Html {
    let s = Strings::of(props.lang);
    let title_id = use_id_scope().id("answers-file-title");
    // The reader must outlive the read, or the read is cancelled.
    let reader = use_mut_ref(|| None::<FileReader>);

    let export = {
        let sheet = props.sheet.clone();
        Callback::from(move |_: MouseEvent| export(&sheet))
    };
    let import = {
        let send = props.send.clone();
        Callback::from(move |e: Event| read_chosen(e, &reader, &send, Action::Import))
    };

    html! {
        <section class="answers-file no-print" aria-labelledby={title_id.clone()}>
            <h2 id={title_id}>{ s.files.your_answers }</h2>
            if props.import_only {
                <p>{ s.start.import_on_start }</p>
            }
            <div class="actions">
                if !props.import_only {
                    <button type="button" class="button" onclick={export}>{ s.files.export_answers }</button>
                }
                <label class="button file">
                    { s.files.import_answers }
                    <input type="file" accept=".json,application/json" onchange={import}
                        disabled={props.waiting} />
                </label>
            </div>
        </section>
    }
}

/// Reads the file chosen in a file input's `change` event `e` and sends its text as `action`;
/// a file too large to be an answers file is refused unread. `reader` keeps the read alive.
pub fn read_chosen(
    e: Event,
    reader: &std::rc::Rc<std::cell::RefCell<Option<FileReader>>>,
    send: &Callback<Action>,
    action: fn(String) -> Action,
) {
    let input: HtmlInputElement = e.target_unchecked_into();
    let Some(file) = input.files().and_then(|files| files.get(0)) else {
        return;
    };
    // Choosing the same file again must fire `change` again.
    input.set_value("");
    let file = File::from(file);
    if file.size() > MAX_IMPORT_BYTES {
        send.emit(Action::ImportTooLarge(file.size()));
        return;
    }
    let send = send.clone();
    *reader.borrow_mut() = Some(gloo::file::callbacks::read_as_text(&file, move |text| {
        // Unreadable bytes (not UTF-8) are refused like any broken file.
        send.emit(action(text.unwrap_or_default()));
    }));
}

/// Offers the answers as an answers file, named with today's date.
pub fn export(sheet: &AnswerSheet) {
    let name = format!("exporter-assessment-answers-{}.json", crate::clock::today());
    download(&sheet.to_json(), "application/json", &name);
}

/// Offers `text` as a file download named `name`, through a temporary link.
pub fn download(text: &str, mime: &str, name: &str) {
    let blob = Blob::new_with_options(text, Some(mime));
    let url = ObjectUrl::from(blob);
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(link) = document.create_element("a") else {
        return;
    };
    let link: HtmlAnchorElement = link.unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // Revoke the URL (by dropping it) only once the download has surely started.
    gloo::timers::callback::Timeout::new(10_000, move || drop(url)).forget();
}
