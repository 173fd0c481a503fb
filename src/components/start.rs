//! The start screen: what the assessment is, how long it takes, that answers stay on this device,
//! and the way in — fresh, or resuming answers saved on an earlier visit.

use assessment::{Outline, Progress, Questionnaire};
use yew::prelude::*;

use crate::components::use_id_scope;
use crate::i18n::{Lang, Strings};
use crate::state::{Shared, State};

#[derive(Properties, PartialEq)]
pub struct StartProps {
    pub lang: Lang,
    pub title: AttrValue,
    pub description: AttrValue,
    pub disclaimer: AttrValue,
    pub minutes: usize,
    pub questions: usize,
    /// The questionnaire, for the sentence on what the report holds.
    pub questionnaire: Shared<Questionnaire>,
    /// The answers on offer (an earlier visit's, or this page's) and how far they go, counted over
    /// the questions that apply to them.
    pub offer: Option<Progress>,
    /// On a shared machine: say what happens to the answers there.
    pub kiosk: bool,
    /// Whether this page can keep answers (storage works): in a frame whose browser blocks its
    /// storage it cannot, and the start says so rather than promise what it cannot keep.
    #[prop_or(true)]
    pub persistent: bool,
    pub on_begin: Callback<()>,
    pub on_resume: Callback<()>,
    /// The import of an answers file, where files are allowed.
    #[prop_or_default]
    pub children: Html,
}

impl StartProps {
    /// The start screen of `state`, with what the start screen offers below it (`children`).
    pub fn of(
        state: &State,
        on_begin: Callback<()>,
        on_resume: Callback<()>,
        children: Html,
    ) -> Self {
        let doc = state.questionnaire.doc();
        let tag = state.lang.lang_tag();
        Self {
            lang: state.lang,
            title: doc.title.get(&tag).to_owned().into(),
            description: doc.description.get(&tag).to_owned().into(),
            disclaimer: doc.disclaimer.get(&tag).to_owned().into(),
            minutes: assessment::minutes_to_finish(&state.questionnaire, &state.report, &tag)
                as usize,
            questions: state.report.progress.total,
            questionnaire: state.questionnaire.clone(),
            offer: state.offer(),
            kiosk: state.mode.is_kiosk(),
            persistent: state.persistent,
            on_begin,
            on_resume,
            children,
        }
    }
}

#[component]
pub fn Start(props: &StartProps) -> Html {
    let s = Strings::of(props.lang);
    let title_id = use_id_scope().id("start-title");
    let begin = props.on_begin.reform(|_: MouseEvent| ());
    let resume = props.on_resume.reform(|_: MouseEvent| ());
    html! {
        <section class="start" aria-labelledby={title_id.clone()}>
            <h1 id={title_id}>{ &props.title }</h1>
            <p class="lead">{ &props.description }</p>
            <ul class="facts">
                <li>{ s.start.duration(props.minutes, props.questions) }</li>
                <li>{ match (props.kiosk, props.persistent) {
                    (true, _) => s.start.kiosk_data,
                    (false, true) => s.start.stays_on_device,
                    (false, false) => s.start.not_kept_here,
                } }</li>
            </ul>
            <p>{ s.start.what_you_get(&Outline::of(&props.questionnaire, &props.lang.lang_tag())) }</p>
            if let Some(offer) = props.offer {
                <div class="resume">
                    <p>{ if offer.answered >= offer.total { s.start.saved_complete } else { s.start.saved_found } }{ " " }{ s.walk.answered(offer.answered, offer.total) }</p>
                    <div class="actions">
                        <button type="button" class="button primary" onclick={resume}>{ s.start.resume }</button>
                        <button type="button" class="button" onclick={begin}>{ s.start.start_over }</button>
                    </div>
                </div>
            } else {
                <div class="actions">
                    <button type="button" class="button primary" onclick={begin}>{ s.start.begin }</button>
                </div>
            }
            { props.children.clone() }
            <p class="disclaimer">{ &props.disclaimer }</p>
        </section>
    }
}
