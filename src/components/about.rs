//! What the app does offline and with storage, and what it keeps: for the person who wonders,
//! and for an association deciding whether to embed it.

use yew::prelude::*;

use crate::i18n::{Lang, Strings};

#[derive(Properties, PartialEq)]
pub struct AboutProps {
    pub lang: Lang,
    pub on_back: Callback<()>,
}

#[component]
pub fn About(props: &AboutProps) -> Html {
    let s = Strings::of(props.lang);
    html! {
        <section class="about" aria-labelledby="screen-title">
            <h1 id="screen-title" tabindex="-1">{ s.device.about_title }</h1>
            { for s.device.about_sections.iter().map(|(title, text)| html! {
                <>
                    <h2>{ *title }</h2>
                    <p>{ *text }</p>
                </>
            }) }
            <div class="actions">
                <button type="button" class="button" onclick={props.on_back.reform(|_| ())}>{ s.walk.back }</button>
            </div>
        </section>
    }
}
