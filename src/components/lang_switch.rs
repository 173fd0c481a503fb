//! The language switch: one button per language, named in that language. A switch keeps the
//! person's place: the question (or heading) at the top of the screen stays where it was, though
//! the texts above it grow or shrink in the other language.

use yew::prelude::*;

use crate::i18n::{Lang, Strings};

#[derive(Properties, PartialEq)]
pub struct LangSwitchProps {
    pub lang: Lang,
    pub on_change: Callback<Lang>,
    /// Before the app has started: the buttons are shown, disabled.
    #[prop_or_default]
    pub waiting: bool,
}

/// A place on the page: the innermost element at the top of the screen, as the element with an
/// id around it and the way down to it (the n-th child at each step), and how far it is from the
/// screen's top. Found again by that way after the texts changed language.
#[derive(Clone, Debug, PartialEq)]
struct Place {
    id: String,
    path: Vec<u32>,
    top: f64,
}

/// Where the person is: the first element in `main` still on the screen, leaving out the sticky
/// steps bar (a `nav`), which is on the screen wherever the person is.
fn place() -> Option<Place> {
    let main = gloo::utils::document().get_element_by_id("main")?;
    let mut found = None;
    first_on_screen(&main, "main", &mut Vec::new(), &mut found);
    found
}

fn first_on_screen(
    parent: &web_sys::Element,
    id: &str,
    path: &mut Vec<u32>,
    found: &mut Option<Place>,
) {
    let mut next = parent.first_element_child();
    let mut n = 0;
    while let Some(element) = next {
        let rect = element.get_bounding_client_rect();
        // Wholly above the screen (or not shown): so is everything in it.
        if rect.bottom() > 0.0 && rect.height() > 0.0 && element.tag_name() != "NAV" {
            let own = element.id();
            let (id, path) = match own.is_empty() {
                true => {
                    path.push(n);
                    (id, &mut *path)
                }
                false => (own.as_str(), &mut Vec::new()),
            };
            match element.first_element_child() {
                None => {
                    *found = Some(Place {
                        id: id.to_owned(),
                        path: path.clone(),
                        top: rect.top(),
                    })
                }
                Some(_) => first_on_screen(&element, id, path, found),
            }
            if found.is_some() {
                return;
            }
            if own.is_empty() {
                path.pop();
            }
        }
        next = element.next_element_sibling();
        n += 1;
    }
}

/// Scrolls so that the element of `place` is as far from the screen's top as it was.
fn keep(place: &Place) {
    let document = gloo::utils::document();
    let mut element = document.get_element_by_id(&place.id);
    for &n in &place.path {
        element = element.and_then(|e| {
            let mut child = e.first_element_child();
            for _ in 0..n {
                child = child.and_then(|c| c.next_element_sibling());
            }
            child
        });
    }
    if let Some(element) = element {
        let moved = element.get_bounding_client_rect().top() - place.top;
        if moved.abs() >= 1.0 {
            gloo::utils::window().scroll_by_with_x_and_y(0.0, moved);
        }
    }
}

#[component]
pub fn LangSwitch(props: &LangSwitchProps) -> Html {
    let label = Strings::of(props.lang).common.language;
    // Where the person was when they pressed a language, kept until the page is in it.
    let held = use_mut_ref(|| None::<Place>);
    {
        let held = held.clone();
        use_effect_with(props.lang, move |_| {
            // After the frame is laid out: a browser that anchors scrolling itself (Chrome,
            // Firefox) has moved the page by then, and this only mends what is left; one that
            // does not (Safari) is moved here.
            if let Some(place) = held.borrow_mut().take() {
                crate::paint::after_paint(move || keep(&place));
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
                    <button type="button" lang={lang.tag()} disabled={props.waiting}
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
