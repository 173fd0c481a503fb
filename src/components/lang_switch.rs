//! The language switch: one button per language, named in that language. A switch keeps the
//! person's place: the question (or heading) at the top of the screen stays where it was, though
//! the texts above it grow or shrink in the other language.

use yew::prelude::*;

use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct LangSwitchProps {
    pub lang: Lang,
    pub on_change: Callback<Lang>,
}

/// What a place on the page is held by: elements with an id that a screen is read by (a
/// question, a heading, a report's section).
const ANCHORS: [&str; 4] = ["FIELDSET", "H1", "H2", "SECTION"];

/// The first of the `ANCHORS` (in the page's order) still on the screen, and how far from the
/// screen's top it is.
fn place() -> Option<(String, f64)> {
    let main = gloo::utils::document().get_element_by_id("main")?;
    first_on_screen(main.first_element_child())
}

fn first_on_screen(mut next: Option<web_sys::Element>) -> Option<(String, f64)> {
    while let Some(element) = next {
        let rect = element.get_bounding_client_rect();
        // Wholly above the screen: so is everything in it.
        if rect.bottom() > 0.0 {
            if !element.id().is_empty() && ANCHORS.contains(&element.tag_name().as_str()) {
                return Some((element.id(), rect.top()));
            }
            if let Some(found) = first_on_screen(element.first_element_child()) {
                return Some(found);
            }
        }
        next = element.next_element_sibling();
    }
    None
}

/// Scrolls so that the element of `place` is as far from the screen's top as it was.
fn keep(place: &(String, f64)) {
    let (id, top) = place;
    if let Some(element) = gloo::utils::document().get_element_by_id(id) {
        let moved = element.get_bounding_client_rect().top() - top;
        if moved.abs() >= 1.0 {
            gloo::utils::window().scroll_by_with_x_and_y(0.0, moved);
        }
    }
}

#[component]
pub fn LangSwitch(props: &LangSwitchProps) -> Html {
    let label = props.lang.strings().language;
    // Where the person was when they pressed a language, kept until the page is in it.
    let held = use_mut_ref(|| None::<(String, f64)>);
    {
        let held = held.clone();
        use_effect_with(props.lang, move |_| {
            if let Some(place) = held.borrow_mut().take() {
                keep(&place);
            }
        });
    }
    html! {
        <nav class="lang-switch" aria-label={label}>
            { for Lang::ALL.into_iter().map(|lang| {
                let on_change = props.on_change.clone();
                let current = lang == props.lang;
                let held = held.clone();
                html! {
                    <button type="button" lang={lang.tag()}
                        aria-pressed={if current { "true" } else { "false" }}
                        onclick={move |_| {
                            if !current {
                                *held.borrow_mut() = place();
                            }
                            on_change.emit(lang)
                        }}>
                        { lang.autonym() }
                    </button>
                }
            }) }
        </nav>
    }
}
