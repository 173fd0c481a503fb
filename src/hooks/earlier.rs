//! The earlier assessments a follow-up keeps, written to storage as they change: a new entry is
//! saved under its own key, a removed one deleted. Never in a kiosk, and only where answers
//! persist; an entry storage refuses stays in the page and the status bar says answers are not
//! kept (with their export).

use yew::prelude::*;

use crate::state::{Action, Earlier, State};
use crate::storage;

#[hook]
pub fn use_earlier_store(state: &State, send: Callback<Action>) {
    // The keys this page knows are in storage: those read at the start, then those it wrote.
    // A list, not a set: a few keys, and a set's code would be the first load's only copy of it.
    let stored =
        use_mut_ref(|| -> Vec<String> { state.history.iter().map(|e| e.key.clone()).collect() });
    let persistent = state.persistent && !state.mode.is_kiosk();
    let questionnaire = state.questionnaire.doc().id.clone();
    use_effect_with(state.history.clone(), move |history: &Vec<Earlier>| {
        if !persistent {
            return;
        }
        let mut stored = stored.borrow_mut();
        let new: Vec<&Earlier> = history
            .iter()
            .filter(|e| !stored.contains(&e.key))
            .collect();
        for earlier in new {
            match storage::save_earlier(&questionnaire, &earlier.key, &earlier.sheet.to_json()) {
                Ok(()) => stored.push(earlier.key.clone()),
                Err(_) => send.emit(Action::StorageFailed),
            }
        }
        let gone: Vec<String> = stored
            .iter()
            .filter(|key| !history.iter().any(|e| &e.key == *key))
            .cloned()
            .collect();
        for key in gone {
            storage::forget_earlier(&questionnaire, &key);
            stored.retain(|k| *k != key);
        }
    });
}
