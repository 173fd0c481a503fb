//! The screen in the page's address, so that the browser's Back and Forward move through the walk
//! and a reload returns to the same screen (`route.rs` names screens by fragment; the setup reads
//! it once, `State::arrive` decides what can be shown).
//!
//! The first screen replaces the page's entry; each move to another screen adds one. A move that
//! came from the address itself (Back, Forward, a fragment edited by hand) adds none, and one that
//! could not be shown as asked (the report with no answers) corrects the entry in place, so that
//! Forward still leads where it did.
//!
//! Embedded, no entry is added: an iframe's entries join the host page's history, so its Back
//! button would step through the frame's screens before it leaves the association's page, which
//! no host expects. The frame's address still follows the screen (replaced in place).
//!
//! In a kiosk entries are added like anywhere, and the end of a visit leaves them behind (history
//! cannot be emptied): Back from the next visitor's screen arrives at a fragment alone, in a state
//! that was cleared, so it shows an empty section or the first screen, never anyone's answers.

use std::cell::Cell;
use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::JsValue;
use yew::prelude::*;

use crate::route;
use crate::state::{Action, State};

#[hook]
pub fn use_history(state: &State, send: Callback<Action>, embedded: bool) {
    // Whether the next screen change came from the address (a `popstate`).
    let from_address = use_mut_ref(|| Rc::new(Cell::new(false)));
    let first = use_mut_ref(|| true);
    {
        let from_address = from_address.borrow().clone();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&gloo::utils::window(), "popstate", move |_| {
                from_address.set(true);
                let hash = gloo::utils::window().location().hash().unwrap_or_default();
                send.emit(Action::Arrive(hash));
            });
            move || drop(listener)
        });
    }
    let from_address = from_address.borrow().clone();
    use_effect_with(state.screen.clone(), move |screen| {
        let replace = first.replace(false) || from_address.replace(false) || embedded;
        let wanted = route::fragment(screen);
        // After the new screen is painted: a history entry costs the browser a few milliseconds
        // (about 9 ms, 37 ms at 4x CPU slowdown, when the report opens), and the person sees the
        // screen, not the address. These run in the order they were asked, so entries keep the
        // order of the moves; the address is read when the entry is written.
        crate::paint::after_paint(move || {
            let window = gloo::utils::window();
            let location = window.location();
            let current = location.hash().unwrap_or_default();
            if current == wanted {
                return;
            }
            // "" would keep the old fragment: without one, the address is the path and query alone.
            let url = match wanted.is_empty() {
                true => format!(
                    "{}{}",
                    location.pathname().unwrap_or_default(),
                    location.search().unwrap_or_default()
                ),
                false => wanted,
            };
            let Ok(history) = window.history() else {
                return;
            };
            let _ = match replace {
                true => history.replace_state_with_url(&JsValue::NULL, "", Some(&url)),
                false => history.push_state_with_url(&JsValue::NULL, "", Some(&url)),
            };
        });
    });
}
