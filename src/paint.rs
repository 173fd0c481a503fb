//! Work that the screen need not wait for: run once the next frame has been painted.

use gloo::timers::callback::Timeout;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

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
