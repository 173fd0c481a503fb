//! What a crash screen would offer for download: the answers, remembered on every change.

use yew::prelude::*;

use crate::state::State;

#[hook]
pub fn use_crash_copy(state: &State) {
    use_effect_with((state.sheet.clone(), state.lang), |(sheet, lang)| {
        crate::crash::remember(sheet.to_json(), *lang)
    });
}
