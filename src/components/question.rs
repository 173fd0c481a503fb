//! One question: its text, optional help, and its options as radio buttons (one answer) or
//! checkboxes (several). Native inputs in a fieldset, so that keyboard use and screen readers work
//! without ARIA. A long list (the goods the obligations catalogue knows) has a filter above it,
//! matched by the core (`obligations::label_matches`: a word, or an HS code by prefix); a question
//! that takes HS codes has the free code field under its list (`HsCodes`).

use assessment::{HsCode, OptionId, QuestionId};
use yew::prelude::*;

use crate::components::{use_id_scope, HsCodes};
use crate::i18n::{Lang, Strings};

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
    /// For a question that takes HS codes: the codes given, and how to add and remove one.
    #[prop_or_default]
    pub codes: Option<Vec<HsCode>>,
    #[prop_or_default]
    pub on_add_code: Callback<HsCode>,
    #[prop_or_default]
    pub on_remove_code: Callback<HsCode>,
}

/// Lists of at least this many options get a filter.
const FILTER_FROM: usize = 12;

/// The element id of a question's fieldset; the review links and focus use it.
pub fn element_id(id: &QuestionId) -> String {
    format!("q-{id}")
}

#[component]
pub fn Question(props: &QuestionProps) -> Html {
    let s = Strings::of(props.lang);
    let fieldset_id = use_id_scope().id(&element_id(&props.id));
    let hint_id = format!("{fieldset_id}-hint");
    let kind = if props.multiple { "checkbox" } else { "radio" };
    let answered = !props.chosen.is_empty() || props.codes.as_ref().is_some_and(|c| !c.is_empty());
    let filter = use_state(String::new);
    let filtered = props.options.len() >= FILTER_FROM;
    let filter_id = format!("{fieldset_id}-filter");
    let on_filter = {
        let filter = filter.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            filter.set(input.value());
        })
    };
    // Chosen options stay in view whatever the filter says.
    let shown = |option: &OptionId, label: &str| {
        !filtered
            || props.chosen.contains(option)
            || assessment::obligations::label_matches(label, &filter)
    };
    let none_shown = filtered && !props.options.iter().any(|(o, l)| shown(o, l));
    html! {
        <fieldset class={classes!("question", answered.then_some("answered"))} id={fieldset_id.clone()}
            aria-describedby={props.multiple.then(|| hint_id.clone())}>
            <legend>
                <span class="mark">{ &props.mark }</span>
                <span class="text">{ &props.text }</span>
            </legend>
            if props.multiple {
                <p class="hint" id={hint_id}>{ s.walk.choose_all }</p>
            }
            if let Some(help) = &props.help {
                <details class="help">
                    <summary>{ s.walk.help }</summary>
                    <p>{ help }</p>
                </details>
            }
            if filtered {
                <p class="filter">
                    <label for={filter_id.clone()}>{ s.walk.filter_options }</label>
                    <input id={filter_id} type="search" value={(*filter).clone()} oninput={on_filter}
                        autocomplete="off" />
                </p>
                if none_shown {
                    <p class="hint" role="status">{ s.walk.filter_none }</p>
                }
            }
            <div class="options">
                { for props.options.iter().map(|(option, label)| {
                    let hidden = !shown(option, label);
                    let checked = props.chosen.contains(option);
                    let on_choose = props.on_choose.clone();
                    let value = option.clone();
                    html! {
                        <label class="option" hidden={hidden}>
                            <input type={kind} name={props.id.to_string()} value={option.to_string()}
                                checked={checked}
                                onchange={move |_| on_choose.emit(value.clone())} />
                            <span>{ label }</span>
                        </label>
                    }
                }) }
            </div>
            if let Some(codes) = &props.codes {
                <HsCodes id={props.id.clone()} codes={codes.clone()} lang={props.lang}
                    on_add={props.on_add_code.clone()} on_remove={props.on_remove_code.clone()} />
            }
            if answered && !props.multiple {
                <button type="button" class="link clear" onclick={props.on_clear.reform(|_| ())}>
                    { s.walk.clear_answer }
                </button>
            }
        </fieldset>
    }
}
