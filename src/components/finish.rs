//! A kiosk's "Finish and clear", beside the language buttons: one tap asks, and only "Yes, clear"
//! clears. A visitor who brushes it, or aims at a language, loses nothing. The question takes the
//! button's place with its text first, so a second tap on the same spot lands on no button, and
//! the focus goes to "No, keep them", the safe answer.

use yew::prelude::*;

use crate::i18n::{Lang, Strings};

#[derive(Properties, PartialEq)]
pub struct FinishProps {
    pub lang: Lang,
    pub on_finish: Callback<()>,
}

#[component]
pub fn Finish(props: &FinishProps) -> Html {
    let s = Strings::of(props.lang);
    let asking = use_state_eq(|| false);
    let keep = use_node_ref();
    {
        let keep = keep.clone();
        use_effect_with(*asking, move |asking| {
            if *asking {
                if let Some(button) = keep.cast::<web_sys::HtmlElement>() {
                    let _ = button.focus();
                }
            }
        });
    }
    let set = |to: bool| {
        let asking = asking.clone();
        Callback::from(move |_: MouseEvent| asking.set(to))
    };
    if *asking {
        html! {
            <div class="finish-confirm no-print" role="group" aria-labelledby="finish-question">
                <span id="finish-question">{ s.device.finish_confirm }</span>
                <button type="button" class="button finish-keep" ref={keep} onclick={set(false)}>
                    { s.device.finish_keep }
                </button>
                <button type="button" class="button finish-yes" onclick={props.on_finish.reform(|_| ())}>
                    { s.device.finish_yes }
                </button>
            </div>
        }
    } else {
        html! {
            <button type="button" class="button finish no-print" onclick={set(true)}>
                { s.device.finish_and_clear }
            </button>
        }
    }
}
