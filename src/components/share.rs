//! Handing the result to the association, only when the member says so: what is shared, an opt-in
//! for the answers where the association asks for them, and the button.

use assessment::{Outline, Questionnaire};
use yew::prelude::*;

use crate::i18n::{Lang, Strings};
use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct ShareProps {
    pub lang: Lang,
    /// Who receives it.
    pub name: AttrValue,
    /// Whether the association asks for the answers too (the member still chooses).
    pub answers_allowed: bool,
    /// The questionnaire, for the sentence on what is shared.
    pub questionnaire: Shared<Questionnaire>,
    pub shared: bool,
    /// Called with whether the answers are included.
    pub on_share: Callback<bool>,
}

#[component]
pub fn Share(props: &ShareProps) -> Html {
    let lang = props.lang;
    let include = use_state(|| false);
    let on_toggle = {
        let include = include.clone();
        Callback::from(move |_: Event| include.set(!*include))
    };
    let on_share = {
        let (include, on_share) = (include.clone(), props.on_share.clone());
        Callback::from(move |_: MouseEvent| on_share.emit(*include))
    };
    html! {
        <section class="share report-section no-print" aria-labelledby="share-title">
            <h2 id="share-title">{ Strings::of(lang).files.share_title(&props.name) }</h2>
            <p>{ Strings::of(lang).files.share_what(&props.name, &Outline::of(&props.questionnaire, &props.lang.lang_tag())) }</p>
            if props.answers_allowed {
                <label class="option">
                    <input type="checkbox" checked={*include} onchange={on_toggle} disabled={props.shared} />
                    <span>{ Strings::of(lang).files.include_answers }</span>
                </label>
            }
            if props.shared {
                <p class="shared" role="status">{ Strings::of(lang).files.shared(&props.name) }</p>
            } else {
                <div class="actions">
                    <button type="button" class="button primary" onclick={on_share}>
                        { Strings::of(lang).files.share_button(&props.name) }
                    </button>
                </div>
            }
        </section>
    }
}
