//! The service worker, in release builds only (in development it would serve stale files), and
//! the moment a kiosk takes a waiting update: between visitors, when nobody can lose an answer.

use yew::prelude::*;

use crate::offline;
use crate::state::{Action, State};

/// `keep`: the files not of the build for the worker to keep (`offline::to_keep`).
#[hook]
pub fn use_service_worker(state: &State, send: Callback<Action>, keep: &js_sys::Array) {
    let kiosk = state.mode.is_kiosk();
    let keep = keep.clone();
    use_effect_with((), move |_| {
        if cfg!(not(debug_assertions)) {
            offline::register(send.reform(|()| Action::UpdateReady), keep);
        }
    });
    let between_visitors = kiosk && !state.visiting();
    use_effect_with(
        (state.update_ready, between_visitors),
        move |(ready, between)| {
            if *between {
                // Between visitors a kiosk may ask whether a new build is out: nobody is using
                // it, and a long-running kiosk would otherwise never learn of one.
                offline::check_for_update();
            }
            if *ready && *between {
                offline::apply_update();
            }
        },
    );
}
