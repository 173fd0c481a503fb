//! A new screen starts at its top, with focus on its heading, so that keyboard and screen-reader
//! users land where sighted users look. A review link focuses its question instead.
//!
//! Only a new screen or a new request to focus a question moves anything: a language change (or
//! an answer) on the same screen keeps the place and the focus where the person left them.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::components::question::element_id;
use crate::route::Screen;
use crate::state::State;

#[hook]
pub fn use_focus(state: &State) {
    let shown = use_mut_ref(|| None::<Screen>);
    use_effect_with(
        (state.screen.clone(), state.focus.clone()),
        move |(screen, focus)| {
            let was = shown.replace(Some(screen.clone()));
            let moved = was.as_ref() != Some(screen);
            // The attract screen is tapped anywhere: a focused heading would only draw a box.
            let shows_focus = !matches!(screen, Screen::Start | Screen::Attract);
            if shows_focus && (moved || focus.is_some()) {
                focus_screen(focus.as_ref().map(element_id));
            } else if moved {
                // The start screen starts at its top too: "Start over" at the foot of a long
                // report lands there, and its notice (with its Undo) is at the top.
                gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
            }
        },
    );
    // The new language's text is longer or shorter than the old: keep the focused control in view
    // (browsers without scroll anchoring would otherwise leave it off the screen).
    let first_lang = use_mut_ref(|| true);
    use_effect_with(state.lang, move |_| {
        if first_lang.replace(false) {
            return;
        }
        // The screen's heading holds the focus only because the screen began there: keeping it
        // in view would scroll a person who has read on back to the top (`LangSwitch` keeps the
        // place instead).
        let Some(active) = gloo::utils::document()
            .active_element()
            .filter(|a| a.id() != "screen-title")
        else {
            return;
        };
        let rect = active.get_bounding_client_rect();
        let height = gloo::utils::window()
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(0.0);
        if rect.bottom() < 0.0 || rect.top() > height {
            active.scroll_into_view();
        }
    });
}
/// Focuses the first input of the question with element id `question` and scrolls it into view,
/// or else scrolls to the top and focuses the screen's heading.
///
/// The heading is focused without scrolling to it, and the page scrolled to (0, 0): neither needs
/// the new screen laid out, which a plain `focus()` would force here, before the frame lays it
/// out again (measured: a third of the time to open the report).
fn focus_screen(question: Option<String>) {
    let document = gloo::utils::document();
    let input = question
        .and_then(|id| document.get_element_by_id(&id))
        .and_then(|q| q.query_selector("input").ok().flatten())
        .and_then(|i| i.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(input) = input {
        let _ = input.focus();
        input.scroll_into_view();
        return;
    }
    gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
    if let Some(heading) = document
        .get_element_by_id("screen-title")
        .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = heading.focus_with_options(&options);
    }
}
