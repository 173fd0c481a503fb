//! Every answer is saved as it is given, where answers may persist.

use yew::prelude::*;

use crate::state::{Action, State};
use crate::storage;

/// Saves the sheet whenever it changes. An empty sheet overwrites nothing while answers from an
/// earlier visit are still on offer, and nothing is written while damaged saved answers wait for
/// the person's decision (they would be overwritten silently).
#[hook]
pub fn use_autosave(state: &State, send: Callback<Action>) {
    let has_saved = state.saved.is_some() || state.damaged.is_some();
    let persistent = state.persistent && state.damaged.is_none();
    use_effect_with(
        (state.sheet.clone(), persistent),
        move |(sheet, persistent)| {
            if !persistent {
                return;
            }
            if sheet.answers.is_empty() {
                if !has_saved {
                    storage::clear_answers(&sheet.questionnaire.id);
                }
            } else if storage::save_answers(&sheet.questionnaire.id, &sheet.to_json()).is_err() {
                send.emit(Action::StorageFailed);
            }
        },
    );
}
