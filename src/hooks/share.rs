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
    let target = embed
        .filter(|e| e.can_share())
        .and_then(|e| Some((e.origin.clone()?, e.share_answers)))
        .filter(|(origin, _)| host::parent_is(origin));
    let on_share = target.map(|(origin, answers_allowed)| {
        let shared = shared.clone();
        Callback::from(move |include_answers: bool| {
            // The answers go only where the association asks for them and the member ticked.
            let record = state.result_record(include_answers && answers_allowed);
            let message = HostMessage::Result(Box::new(record));
            host::post(&origin, &message.to_json(&state.questionnaire));
            shared.set(true);
        })
    });
    (*shared, on_share)
}
