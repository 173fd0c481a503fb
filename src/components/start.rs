//! The start screen: what the assessment is, how long it takes, that answers stay on this device,
//! and the way in — fresh, or resuming answers saved on an earlier visit.

use assessment::{Outline, Questionnaire};
use yew::prelude::*;

use crate::i18n::Lang;
use crate::state::Shared;

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
    /// How many answers an earlier visit left on this device, if any.
    pub saved_answers: Option<usize>,
    pub on_begin: Callback<()>,
    pub on_resume: Callback<()>,
}

#[component]
pub fn Start(props: &StartProps) -> Html {
    let s = props.lang.strings();
    let begin = props.on_begin.reform(|_: MouseEvent| ());
    let resume = props.on_resume.reform(|_: MouseEvent| ());
    html! {
        <section class="start" aria-labelledby="start-title">
            <h1 id="start-title">{ &props.title }</h1>
            <p class="lead">{ &props.description }</p>
            <ul class="facts">
                <li>{ props.lang.duration(props.minutes, props.questions) }</li>
                <li>{ s.stays_on_device }</li>
            </ul>
            <p>{ props.lang.what_you_get(&Outline::of(&props.questionnaire, &props.lang.lang_tag())) }</p>
            if let Some(answered) = props.saved_answers {
                <div class="resume">
                    <p>{ s.saved_found }{ " " }{ props.lang.answered(answered, props.questions) }</p>
                    <div class="actions">
                        <button type="button" class="button primary" onclick={resume}>{ s.resume }</button>
                        <button type="button" class="button" onclick={begin}>{ s.start_over }</button>
                    </div>
                </div>
            } else {
                <div class="actions">
                    <button type="button" class="button primary" onclick={begin}>{ s.begin }</button>
                </div>
            }
            <p class="disclaimer">{ &props.disclaimer }</p>
        </section>
    }
}
