//! Standing messages about the app itself, not the answers: a new version waiting, answers that
//! will not survive a reload, a kiosk config that could not be used.

use yew::prelude::*;

use crate::i18n::{Lang, Strings};

#[derive(Properties, PartialEq)]
pub struct StatusBarProps {
    pub lang: Lang,
    pub update_ready: bool,
    pub not_persistent: bool,
    #[prop_or_default]
    pub config_error: Option<AttrValue>,
    pub on_update: Callback<()>,
    /// Set while there are answers that live only in this page (storage missing, blocked or full,
    /// or paused for damaged saved answers): exports them. An update reloads the page, so it then
    /// asks first and offers this.
    #[prop_or_default]
    pub export_unsaved: Option<Callback<()>>,
}

#[component]
pub fn StatusBar(props: &StatusBarProps) -> Html {
    let s = Strings::of(props.lang);
    // The person asked to update while answers would be lost: the question is on screen.
    let asking = use_state_eq(|| false);
    let toggle = |to: bool| {
        let asking = asking.clone();
        Callback::from(move |_: MouseEvent| asking.set(to))
    };
    // Both states render the same elements in the same places, so the first button is one element
    // throughout and keeps the focus: pressing "update" focuses "not now", the safe answer, and
    // "not now" gives the focus back to "update".
    let question = props.export_unsaved.as_ref().filter(|_| *asking);
    let (text, first, rest) = match question {
        Some(export) => (
            s.device.update_loses_answers,
            html! { <button type="button" class="button" onclick={toggle(false)}>{ s.device.update_later }</button> },
            html! {
                <>
                    <button type="button" class="button primary"
                        onclick={export.reform(|_| ())}>{ s.files.export_answers }</button>
                    <button type="button" class="button"
                        onclick={props.on_update.reform(|_| ())}>{ s.device.update_anyway }</button>
                </>
            },
        ),
        None => {
            let onclick = match props.export_unsaved {
                Some(_) => toggle(true),
                None => props.on_update.reform(|_| ()),
            };
            let first = html! { <button type="button" class="button" {onclick}>{ s.device.update_now }</button> };
            (s.device.update_ready, first, Html::default())
        }
    };
    html! {
        <>
            if props.update_ready {
                <div class={classes!("status", "update", "no-print", question.map(|_| "warning"))}
                    role="status">
                    <p>{ text }</p>
                    <div class="actions">{ first }{ rest }</div>
                </div>
            }
            if props.not_persistent {
                <div class="status warning no-print" role="status">
                    <p>{ s.device.not_persistent }</p>
                    if let Some(export) = &props.export_unsaved {
                        <div class="actions">
                            <button type="button" class="button"
                                onclick={export.reform(|_| ())}>{ s.files.export_answers }</button>
                        </div>
                    }
                </div>
            }
            if let Some(error) = &props.config_error {
                <div class="status warning no-print" role="status">
                    <p>{ s.device.kiosk_config_ignored }{ " " }{ error }</p>
                </div>
            }
        </>
    }
}
