//! Saved answers that could not be used as they were: what was found, the text kept as it was for
//! download, and the decision — resume what fits (on the start screen) or discard. Until then the
//! app saves nothing, so the text is never overwritten silently.

use yew::prelude::*;

use crate::components::answers_file::download;
use crate::components::notice::reasons;
use crate::i18n::{Lang, Strings};
use crate::state::{DamageKind, Damaged};

#[derive(Properties, PartialEq)]
pub struct DamagedNoticeProps {
    pub lang: Lang,
    pub damaged: Damaged,
    pub on_discard: Callback<()>,
}

#[component]
pub fn DamagedNotice(props: &DamagedNoticeProps) -> Html {
    let lang = props.lang;
    let s = Strings::of(lang);
    let (summary, details): (String, Vec<String>) = match &props.damaged.kind {
        DamageKind::Unreadable(error) => {
            (s.device.saved_unreadable.to_owned(), reasons(lang, error))
        }
        DamageKind::Migrated {
            from,
            kept,
            dropped,
        } => (
            s.start.saved_migrated(
                &format!("{} {}", from.id, from.version),
                *kept,
                dropped.len(),
            ),
            dropped
                .iter()
                .take(20)
                .map(|p| p.message(&lang.lang_tag()))
                .collect(),
        ),
    };
    let raw = props.damaged.raw.clone();
    let on_download = Callback::from(move |_: MouseEvent| {
        download(&raw, "text/plain", "exporter-assessment-saved-answers.txt")
    });
    html! {
        <section class="notice bad damaged no-print" role="alert" aria-labelledby="damaged-title">
            <h2 id="damaged-title">{ s.device.saved_needs_decision }</h2>
            <p>{ summary }</p>
            if !details.is_empty() {
                <ul>{ for details.into_iter().map(|d| html! { <li>{ d }</li> }) }</ul>
            }
            <p>{ s.device.saved_kept_until }</p>
            <div class="actions">
                <button type="button" class="button" onclick={on_download}>{ s.device.download_saved }</button>
                <button type="button" class="button" onclick={props.on_discard.reform(|_| ())}>{ s.device.discard_saved }</button>
            </div>
        </section>
    }
}
