//! Another tab of this app saving answers: this page takes them up rather than overwrite them
//! (`Action::StoredElsewhere`).

use yew::prelude::*;

use crate::state::{Action, State};
use crate::storage;

#[hook]
pub fn use_other_tabs(state: &State, send: Callback<Action>) {
    let id = state.questionnaire.doc().id.clone();
    use_effect_with(state.persistent, move |persistent| {
        let listener =
            persistent.then(|| storage::watch_answers(&id, send.reform(Action::StoredElsewhere)));
        move || drop(listener)
    });
}
