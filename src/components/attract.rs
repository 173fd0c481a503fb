//! A kiosk's screen between visitors: the title, what the tool gives, what a shared machine does
//! with answers, and one large way in (a tap anywhere on it), straight to the first question.

use assessment::{Outline, Questionnaire};
use yew::prelude::*;

use crate::i18n::Lang;
use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct AttractProps {
    pub lang: Lang,
    pub title: AttrValue,
    pub description: AttrValue,
    /// The questionnaire, for the sentence on what the report holds.
    pub questionnaire: Shared<Questionnaire>,
    pub on_start: Callback<()>,
}

#[component]
pub fn Attract(props: &AttractProps) -> Html {
    let s = props.lang.strings();
    html! {
        // A tap anywhere starts; the button's own click (or Enter on it) arrives here too.
        <section class="attract" aria-labelledby="screen-title" onclick={props.on_start.reform(|_| ())}>
            <h1 id="screen-title" tabindex="-1">{ &props.title }</h1>
            <p class="lead">{ &props.description }</p>
            <p>{ props.lang.what_you_get(&Outline::of(&props.questionnaire, &props.lang.lang_tag())) }</p>
            <p class="facts">{ s.kiosk_data }</p>
            <button type="button" class="button primary huge">
                { s.touch_to_start }
            </button>
        </section>
    }
}
