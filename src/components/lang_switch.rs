//! The language switch: one button per language, named in that language.

use yew::prelude::*;

use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct LangSwitchProps {
    pub lang: Lang,
    pub on_change: Callback<Lang>,
}

#[component]
pub fn LangSwitch(props: &LangSwitchProps) -> Html {
    let label = props.lang.strings().language;
    html! {
        <nav class="lang-switch" aria-label={label}>
            { for Lang::ALL.into_iter().map(|lang| {
                let on_change = props.on_change.clone();
                let current = lang == props.lang;
                html! {
                    <button type="button" lang={lang.tag()}
                        aria-pressed={if current { "true" } else { "false" }}
                        onclick={move |_| on_change.emit(lang)}>
                        { lang.autonym() }
                    </button>
                }
            }) }
        </nav>
    }
}
