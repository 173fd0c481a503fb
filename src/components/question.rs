//! One question: its text, optional help, and its options as radio buttons (one answer) or
//! checkboxes (several). Native inputs in a fieldset, so that keyboard use and screen readers work
//! without ARIA.

use assessment::{OptionId, QuestionId};
use yew::prelude::*;

use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct QuestionProps {
    pub id: QuestionId,
    /// A short mark before the text: the item id, or the question's number in the profile.
    pub mark: AttrValue,
    pub text: AttrValue,
    #[prop_or_default]
    pub help: Option<AttrValue>,
    #[prop_or_default]
    pub multiple: bool,
    pub options: Vec<(OptionId, AttrValue)>,
    pub chosen: Vec<OptionId>,
    pub lang: Lang,
    pub on_choose: Callback<OptionId>,
    pub on_clear: Callback<()>,
}

/// The element id of a question's fieldset; the review links and focus use it.
pub fn element_id(id: &QuestionId) -> String {
    format!("q-{id}")
}

#[component]
pub fn Question(props: &QuestionProps) -> Html {
    let s = props.lang.strings();
    let fieldset_id = element_id(&props.id);
    let hint_id = format!("{fieldset_id}-hint");
    let kind = if props.multiple { "checkbox" } else { "radio" };
    let answered = !props.chosen.is_empty();
    html! {
        <fieldset class={classes!("question", answered.then_some("answered"))} id={fieldset_id.clone()}
            aria-describedby={props.multiple.then(|| hint_id.clone())}>
            <legend>
                <span class="mark">{ &props.mark }</span>
                <span class="text">{ &props.text }</span>
            </legend>
            if props.multiple {
                <p class="hint" id={hint_id}>{ s.choose_all }</p>
            }
            if let Some(help) = &props.help {
                <details class="help">
                    <summary>{ s.help }</summary>
                    <p>{ help }</p>
                </details>
            }
            <div class="options">
                { for props.options.iter().map(|(option, label)| {
                    let checked = props.chosen.contains(option);
                    let on_choose = props.on_choose.clone();
                    let value = option.clone();
                    html! {
                        <label class="option">
                            <input type={kind} name={props.id.to_string()} value={option.to_string()}
                                checked={checked}
                                onchange={move |_| on_choose.emit(value.clone())} />
                            <span>{ label }</span>
                        </label>
                    }
                }) }
            </div>
            if answered && !props.multiple {
                <button type="button" class="link clear" onclick={props.on_clear.reform(|_| ())}>
                    { s.clear_answer }
                </button>
            }
        </fieldset>
    }
}
