//! The offer of a hand-off link's answers, on the start screen: "Open the answers from <date>?".
//! Nothing is replaced until the person says so; answers already on this device are named, and
//! opening keeps them for Undo; or the two can be compared.

use yew::prelude::*;

use crate::i18n::{Lang, Strings};

#[derive(Properties, PartialEq)]
pub struct HandoffOfferProps {
    pub lang: Lang,
    /// The day the link's answers were given.
    pub date: AttrValue,
    /// How many questions the answers already on this device answer (0: none there).
    pub answered_here: usize,
    pub on_open: Callback<()>,
    pub on_compare: Callback<()>,
    pub on_decline: Callback<()>,
}

#[component]
pub fn HandoffOffer(props: &HandoffOfferProps) -> Html {
    let lang = props.lang;
    let s = Strings::of(lang);
    html! {
        <section class="handoff-offer card" aria-labelledby="handoff-offer-title">
            <h2 id="handoff-offer-title">{ s.handoff.handoff_offer(&props.date) }</h2>
            <p>{ s.handoff.handoff_offer_intro }</p>
            if props.answered_here > 0 {
                <p>{ s.handoff.handoff_replaces(props.answered_here) }</p>
            }
            <div class="actions">
                <button type="button" class="button primary" onclick={props.on_open.reform(|_| ())}>
                    { s.handoff.open_handoff }
                </button>
                if props.answered_here > 0 {
                    <button type="button" class="button" onclick={props.on_compare.reform(|_| ())}>
                        { s.handoff.compare_handoff }
                    </button>
                }
                <button type="button" class="button" onclick={props.on_decline.reform(|_| ())}>
                    { s.handoff.decline_handoff }
                </button>
            </div>
        </section>
    }
}
