//! The report's "Your markets and goods" (issue 17), made by the report's worker
//! (`report_worker.rs`): the catalogue and the code that reads it are not part of the first load.
//! Each time the report's answers, date or language change, the worker is asked again; a reply to
//! an older request is dropped. The request names the files to read: the association's
//! questionnaire and catalogue by URL, with its customisation, or none for the shipped ones
//! ([`ObligationsFiles`]); an association's own questionnaire without a catalogue gets no such section.
//! A catalogue that does not read as the questionnaire's comes back as its problems.

use std::cell::Cell;
use std::rc::Rc;

use assessment::obligations::Page;
use assessment::Customisation;
use wasm_bindgen::JsValue;
use yew::prelude::*;

use crate::report_worker::{ask, field};
use crate::route::Screen;
use crate::state::{Action, Shared, State};

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

/// The files the worker reads for the section: URLs (`None`: the shipped file) and the
/// association's customisation (`None`: none).
#[derive(Clone, Debug, PartialEq)]
pub struct ObligationsFiles {
    pub questionnaire: Option<String>,
    pub customisation: Option<Customisation>,
    pub catalogue: Option<String>,
}

/// A customisation as the worker reads it: `{sections?: [id…], dimensions: {id: weight},
/// items: {id: weight}}`, numbers as JS numbers (no float formatting in this wasm).
fn customisation(c: &Customisation) -> JsValue {
    let set = |object: &js_sys::Object, key: &str, value: &JsValue| {
        let _ = js_sys::Reflect::set(object, &key.into(), value);
    };
    let weights = |map: &assessment::ListMap<String, f64>| {
        let object = js_sys::Object::new();
        for (id, weight) in map {
            set(&object, id, &JsValue::from_f64(*weight));
        }
        object
    };
    let object = js_sys::Object::new();
    if let Some(sections) = &c.sections {
        let list: js_sys::Array = sections.iter().map(|s| JsValue::from(s.as_str())).collect();
        set(&object, "sections", &list);
    }
    set(&object, "dimensions", &weights(&c.weights.dimensions));
    set(&object, "items", &weights(&c.weights.items));
    object.into()
}

/// The problems in a reply, as the worker worded them.
fn problems(reply: &JsValue) -> Option<Vec<String>> {
    let list = field(reply, "problems").filter(|p| p.is_array())?;
    Some(
        js_sys::Array::from(&list)
            .iter()
            .map(|p| p.as_string().unwrap_or_default())
            .collect(),
    )
}

#[hook]
pub fn use_obligations(state: &State, send: Callback<Action>, files: Option<Rc<ObligationsFiles>>) {
    // The last request's number: an older reply is dropped.
    let latest = use_mut_ref(|| Rc::new(Cell::new(0u32)));
    let on_report = state.screen == Screen::Report;
    let request = files.filter(|_| on_report).and_then(|files| {
        state
            .assessment_date()
            .map(|date| (state.sheet.clone(), date, state.lang, files))
    });
    use_effect_with(request, move |request| {
        let Some((sheet, date, lang, files)) = request else {
            return;
        };
        let mut fields = vec![
            ("kind", JsValue::from("obligations")),
            ("answers", sheet.to_json().into()),
            ("date", date.to_string().into()),
            ("lang", lang.tag().into()),
        ];
        for (name, value) in [
            ("questionnaire", &files.questionnaire),
            ("catalogue", &files.catalogue),
        ] {
            if let Some(value) = value {
                fields.push((name, value.as_str().into()));
            }
        }
        if let Some(c) = &files.customisation {
            fields.push(("customisation", customisation(c)));
        }
        let latest = latest.borrow().clone();
        latest.set(latest.get() + 1);
        let mine = latest.get();
        ask(&fields, move |reply| {
            if latest.get() != mine {
                return;
            }
            let reply = reply.as_ref();
            send.emit(match (reply.and_then(page), reply.and_then(problems)) {
                (Some(page), _) => Action::ObligationsShown(Shared::new(page)),
                (None, Some(problems)) => Action::ObligationsRefused(Shared::new(problems)),
                (None, None) => Action::ObligationsUnavailable,
            });
        });
    });
}
