//! The goods question's free HS code field (a question with `hs_codes`): a text field under the
//! goods list, the codes given as a list with a remove button each. The core reads what was typed
//! (`HsCode::from_input`: `7318.15` and `7318 15 90` are taken, anything else refused with its
//! reason, worded here in the page's language) and keeps at most `MAX_CODES`. The field is a
//! native input with its label; its hint and, when a code is refused, the message are tied to it
//! by `aria-describedby`, and the message is announced.

use assessment::{code_fits, HsCode, QuestionId, MAX_CODES};
use web_sys::HtmlInputElement;

use crate::components::use_id_scope;
use yew::prelude::*;

use crate::i18n::{Lang, Strings};

#[derive(Properties, PartialEq)]
pub struct HsCodesProps {
    /// The question the codes belong to: the field's ids are made from it.
    pub id: QuestionId,
    pub codes: Vec<HsCode>,
    pub lang: Lang,
    pub on_add: Callback<HsCode>,
    pub on_remove: Callback<HsCode>,
}

/// Why the last text typed was not added.
#[derive(Clone, PartialEq)]
enum Refused {
    NotACode(assessment::NotAnHsCode),
    Full,
}

#[component]
pub fn HsCodes(props: &HsCodesProps) -> Html {
    let lang = props.lang;
    let s = Strings::of(lang);
    let input_id = use_id_scope().id(&format!("q-{}-code", props.id));
    let hint_id = format!("{input_id}-hint");
    let error_id = format!("{input_id}-error");
    let text = use_state(String::new);
    let refused = use_state(|| None::<Refused>);
    let input = use_node_ref();

    let add = {
        let (text, refused, on_add) = (text.clone(), refused.clone(), props.on_add.clone());
        let codes = props.codes.clone();
        Callback::from(move |()| match assessment::HsCode::from_input(&text) {
            Err(e) => refused.set(Some(Refused::NotACode(e))),
            Ok(code) if code_fits(&codes, &code).is_err() => refused.set(Some(Refused::Full)),
            Ok(code) => {
                on_add.emit(code);
                text.set(String::new());
                refused.set(None);
            }
        })
    };
    let on_input = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            let field: HtmlInputElement = e.target_unchecked_into();
            text.set(field.value());
        })
    };
    // Enter adds, as a form would (there is no form: the walk submits nothing).
    let on_key = {
        let add = add.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" {
                e.prevent_default();
                add.emit(());
            }
        })
    };
    let message = refused.as_ref().map(|r| match r {
        Refused::NotACode(e) => s.walk.not_a_code(e),
        Refused::Full => s.walk.codes_full(MAX_CODES),
    });
    let described = match message {
        Some(_) => format!("{hint_id} {error_id}"),
        None => hint_id.clone(),
    };

    html! {
        <div class="hs-codes">
            <label for={input_id.clone()}>{ s.walk.codes_label }</label>
            <p class="hint" id={hint_id}>{ s.walk.codes_hint }</p>
            <div class="code-entry">
                <input id={input_id} ref={input.clone()} type="text" inputmode="decimal"
                    autocomplete="off" spellcheck="false" maxlength="32"
                    value={(*text).clone()} oninput={on_input} onkeydown={on_key}
                    aria-describedby={described}
                    aria-invalid={message.is_some().then_some("true")} />
                <button type="button" class="button" onclick={add.reform(|_| ())}>{ s.walk.add_code }</button>
            </div>
            // Always in the page, so that a screen reader announces the message when it appears.
            <p class="error" id={error_id} role="alert">{ message.clone().unwrap_or_default() }</p>
            if !props.codes.is_empty() {
                <p class="codes-title">{ s.walk.codes_typed }</p>
                <ul class="codes">
                    { for props.codes.iter().map(|code| {
                        let label = code.label();
                        let remove = {
                            let (on_remove, code, input) =
                                (props.on_remove.clone(), code.clone(), input.clone());
                            Callback::from(move |_: MouseEvent| {
                                on_remove.emit(code.clone());
                                // The button goes with its code: the field keeps the focus.
                                if let Some(field) = input.cast::<HtmlInputElement>() {
                                    let _ = field.focus();
                                }
                            })
                        };
                        html! {
                            <li key={code.as_str().to_owned()}>
                                <span class="code">{ label.clone() }</span>
                                <button type="button" class="link remove"
                                    aria-label={s.walk.remove_code(&label)} onclick={remove}>
                                    { "×" }
                                </button>
                            </li>
                        }
                    }) }
                </ul>
            }
        </div>
    }
}
