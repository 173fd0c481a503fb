//! A kiosk's screen between visitors: the title, what the tool gives, what a shared machine does
//! with answers, and one large way in (a tap anywhere on it), straight to the first question.

use assessment::{Outline, Questionnaire};
use yew::prelude::*;

use crate::components::use_id_scope;
use crate::i18n::{Lang, Strings};
use crate::state::{Shared, State};

#[derive(Properties, PartialEq)]
pub struct AttractProps {
    pub lang: Lang,
    pub title: AttrValue,
    pub description: AttrValue,
    /// The questionnaire, for the sentence on what the report holds.
    pub questionnaire: Shared<Questionnaire>,
    pub on_start: Callback<()>,
}

impl AttractProps {
    /// The attract screen of `state`: the questionnaire's title and description, as on the start
    /// screen.
    pub fn of(state: &State, on_start: Callback<()>) -> Self {
        let doc = state.questionnaire.doc();
        let tag = state.lang.lang_tag();
        Self {
            lang: state.lang,
            title: doc.title.get(&tag).to_owned().into(),
            description: doc.description.get(&tag).to_owned().into(),
            questionnaire: state.questionnaire.clone(),
            on_start,
        }
    }
}

#[component]
pub fn Attract(props: &AttractProps) -> Html {
    let s = Strings::of(props.lang);
    let title_id = use_id_scope().id("screen-title");
    html! {
        // A tap anywhere starts; the button's own click (or Enter on it) arrives here too.
        <section class="attract" aria-labelledby={title_id.clone()} onclick={props.on_start.reform(|_| ())}>
            <h1 id={title_id} tabindex="-1">{ &props.title }</h1>
            <p class="lead">{ &props.description }</p>
            <p>{ s.start.what_you_get(&Outline::of(&props.questionnaire, &props.lang.lang_tag())) }</p>
            <p class="facts">{ s.start.kiosk_data }</p>
            <button type="button" class="button primary huge">
                { s.device.touch_to_start }
            </button>
        </section>
    }
}
