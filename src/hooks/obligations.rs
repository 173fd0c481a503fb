//! The report's "Your markets and goods" (issue 17), made by the report's worker
//! (`report_worker.rs`): the catalogue and the code that reads it are not part of the first load.
//! Each time the report's answers, date or language change, the worker is asked again; a reply to
//! an older request is dropped. Only for the shipped questionnaire, the one the catalogue reads
//! (an association's own questionnaire gets no such section).

use std::cell::Cell;
use std::rc::Rc;

use assessment::obligations::Page;
use wasm_bindgen::JsValue;
use yew::prelude::*;

use crate::report_worker::{ask, field};
use crate::state::{Action, Screen, Shared, State};

/// The page in a reply: rows of strings (`Page::to_rows`), read without a JSON deserialiser of
/// its own in this wasm.
fn page(reply: &JsValue) -> Option<Page> {
    let rows = field(reply, "page").filter(|p| p.is_array())?;
    let rows: Vec<Vec<String>> = js_sys::Array::from(&rows)
        .iter()
        .map(|row| {
            js_sys::Array::from(&row)
                .iter()
                .map(|cell| cell.as_string().unwrap_or_default())
                .collect()
        })
        .collect();
    Page::from_rows(&rows)
}

#[hook]
pub fn use_obligations(state: &State, send: Callback<Action>, shipped: bool) {
    // The last request's number: an older reply is dropped.
    let latest = use_mut_ref(|| Rc::new(Cell::new(0u32)));
    let on_report = state.screen == Screen::Report;
    let request = (on_report && shipped)
        .then(|| {
            state
                .assessment_date()
                .map(|date| (state.sheet.clone(), date, state.lang))
        })
        .flatten();
    use_effect_with(request, move |request| {
        let Some((sheet, date, lang)) = request else {
            return;
        };
        let latest = latest.borrow().clone();
        latest.set(latest.get() + 1);
        let mine = latest.get();
        ask(
            &[
                ("kind", "obligations".into()),
                ("answers", sheet.to_json().into()),
                ("date", date.to_string().into()),
                ("lang", lang.tag().into()),
            ],
            move |reply| {
                if latest.get() != mine {
                    return;
                }
                send.emit(match reply.as_ref().and_then(page) {
                    Some(page) => Action::ObligationsShown(Shared::new(page)),
                    None => Action::ObligationsUnavailable,
                });
            },
        );
    });
}
