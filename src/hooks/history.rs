//! The screen in the page's address, so that the browser's Back and Forward move through the walk
//! and a reload returns to the same screen (`route.rs` names screens by fragment; the setup reads
//! it once, `State::arrive` decides what can be shown).
//!
//! The first screen replaces the page's entry; each move to another screen adds one. A move that
//! came from the address itself (Back, Forward, a fragment edited by hand) adds none, and one that
//! could not be shown as asked (the report with no answers) corrects the entry in place, so that
//! Forward still leads where it did.
//!
//! The app's own Back button is the browser's Back when the entry before this one is the screen
//! it goes to (each entry the app adds remembers the fragment it was added over): it steps back
//! through history rather than adding an entry, so the browser's Back and Forward then go where
//! they would have. Otherwise (a reload on a later screen, a jump through the steps) it replaces
//! this entry, and still adds none.
//!
//! Embedded, entries are added too: an iframe's entries join the host page's history, so the
//! browser's Back on the association's page steps back through the walk instead of leaving the
//! page and the walk with it.
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

/// Keeps the address and the screen together; returns what the app's Back button does.
#[hook]
pub fn use_history(state: &State, send: Callback<Action>) -> Callback<()> {
    // Whether the next screen change came from the address (a `popstate`).
    let from_address = use_mut_ref(|| Rc::new(Cell::new(false)));
    // Whether it came from the app's Back where history could not step back.
    let going_back = use_mut_ref(|| Rc::new(Cell::new(false)));
    let first = use_mut_ref(|| true);
    let back = {
        let going_back = going_back.borrow().clone();
        let target = route::fragment(&state.back_target());
        let send = send.clone();
        Callback::from(move |()| {
            let history = gloo::utils::window().history().ok();
            let before = history
                .as_ref()
                .and_then(|h| h.state().ok())
                .and_then(|s| s.as_string());
            match (history, before) {
                (Some(history), Some(before)) if before == target => {
                    let _ = history.back();
                }
                _ => {
                    going_back.set(true);
                    send.emit(Action::Back);
                }
            }
        })
    };
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
    let going_back = going_back.borrow().clone();
    use_effect_with(state.screen.clone(), move |screen| {
        let replace =
            first.replace(false) || from_address.replace(false) || going_back.replace(false);
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
            // An added entry remembers the fragment it was added over (for the app's Back); one
            // replaced keeps what it remembered.
            let _ = match replace {
                true => history.replace_state_with_url(
                    &history.state().unwrap_or(JsValue::NULL),
                    "",
                    Some(&url),
                ),
                false => history.push_state_with_url(&JsValue::from_str(&current), "", Some(&url)),
            };
        });
    });
    back
}
