//! Standing messages about the app itself, not the answers: a new version waiting, answers that
//! will not survive a reload, a kiosk config that could not be used.

use yew::prelude::*;

use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct StatusBarProps {
    pub lang: Lang,
    pub update_ready: bool,
    pub not_persistent: bool,
    #[prop_or_default]
    pub config_error: Option<AttrValue>,
    pub on_update: Callback<()>,
}

#[component]
pub fn StatusBar(props: &StatusBarProps) -> Html {
    let s = props.lang.strings();
    html! {
        <>
            if props.update_ready {
                <div class="status update no-print" role="status">
                    <p>{ s.update_ready }</p>
                    <button type="button" class="button" onclick={props.on_update.reform(|_| ())}>{ s.update_now }</button>
                </div>
            }
            if props.not_persistent {
                <div class="status warning no-print" role="status"><p>{ s.not_persistent }</p></div>
            }
            if let Some(error) = &props.config_error {
                <div class="status warning no-print" role="status">
                    <p>{ s.kiosk_config_ignored }{ " " }{ error }</p>
                </div>
            }
        </>
    }
}
