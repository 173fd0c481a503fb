//! Work that the screen need not wait for: run once the next frame has been painted.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::render::request_animation_frame;
use gloo::timers::callback::Timeout;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Runs `f` after the next paint: a frame callback runs just before its frame is painted, and a
/// timeout set there runs after it. (A timeout set now could run before the frame, delaying it.)
/// Used for what a new screen sets going but does not show: a history entry, starting the
/// report's worker.
pub fn after_paint(f: impl FnOnce() + 'static) {
    let frame = Closure::once_into_js(move || Timeout::new(0, f).forget());
    if let Some(window) = web_sys::window() {
        let _ = window.request_animation_frame(frame.unchecked_ref());
    }
}

/// False on a component's first render, true once that render has been painted: for a page that
/// shows its first screen at once and builds the rest a frame later (the report below its summary,
/// a section of the walk below its first questions). Building all of it before the first paint
/// was what made opening them slow.
///
/// A browser paints no frame for a page it does not show (a tab in the background, a frame it
/// throttles): after a second without one, the rest is built anyway, so that a page never stays
/// half built, and marked busy, until someone looks at it.
#[hook]
pub fn use_painted() -> bool {
    let painted = use_state_eq(|| false);
    {
        let painted = painted.clone();
        use_effect_with((), move |_| {
            // A frame callback runs just before its frame is painted; a timeout set there runs after.
            let timeout = Rc::new(RefCell::new(None));
            let pending = timeout.clone();
            let after_frame = painted.clone();
            let frame = request_animation_frame(move |_| {
                *pending.borrow_mut() = Some(Timeout::new(0, move || after_frame.set(true)));
            });
            let unpainted = Timeout::new(UNPAINTED_MS, move || painted.set(true));
            move || {
                drop(frame);
                drop(unpainted);
                drop(timeout.take());
            }
        });
    }
    *painted
}

/// How long [`use_painted`] waits for a frame before it builds the rest unpainted.
const UNPAINTED_MS: u32 = 1_000;
