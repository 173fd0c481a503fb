//! Sharing the result with the association: only where the framing page is the association's
//! (elsewhere the share could not arrive), and only when the member presses the button.

use std::rc::Rc;

use yew::prelude::*;

use crate::embed::{EmbedConfig, HostMessage};
use crate::host;
use crate::state::State;

/// Whether the current report has been shared, and the callback that shares it (with the answers
/// if `true`); `None` where there is no one to share with.
#[hook]
pub fn use_share(state: Rc<State>, embed: Option<&EmbedConfig>) -> (bool, Option<Callback<bool>>) {
    let shared = use_state_eq(|| false);
    {
        // A changed report has not been shared.
        let shared = shared.clone();
        use_effect_with(state.report.clone(), move |_| shared.set(false));
    }
    let origin = embed
        .filter(|e| e.can_share())
        .and_then(|e| e.origin.clone())
        .filter(|origin| host::parent_is(origin));
    let on_share = origin.map(|origin| {
        let shared = shared.clone();
        Callback::from(move |include_answers: bool| {
            let answers = serde_json::to_value(&state.sheet).unwrap_or_default();
            let message = HostMessage::Result { include_answers };
            host::post(
                &origin,
                &message.to_json(&state.questionnaire, &state.report, &answers["answers"]),
            );
            shared.set(true);
        })
    });
    (*shared, on_share)
}
