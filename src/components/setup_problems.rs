//! What an association sees when its configuration or questionnaire cannot be used: every problem,
//! each naming its place and field, in the page's language — never a blank frame.

use assessment::limits::capped;
use assessment::Place;
use yew::prelude::*;

use crate::host;
use crate::i18n::Strings;
use crate::setup::Failure;
use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct SetupProblemsProps {
    pub failure: Shared<Failure>,
}

#[component]
pub fn SetupProblems(props: &SetupProblemsProps) -> Html {
    let failure = &props.failure;
    let lang = failure.lang;
    let s = Strings::of(lang);
    {
        let origin = failure.embed_origin.clone();
        let title = s.device.setup_title;
        use_effect_with((), move |_| {
            gloo::utils::document().set_title(title);
            if let Some(html) = gloo::utils::document().document_element() {
                let _ = html.set_attribute("lang", lang.tag());
                let _ = html.set_attribute("data-ready", "true");
            }
            if let Some(origin) = origin {
                host::watch_size(origin);
            }
        });
    }
    // Which files were read, so that "config" and "questionnaire" in a problem name a file.
    let config_named = failure
        .problems
        .iter()
        .any(|p| matches!(p.place, Place::Config | Place::Attribute));
    let questionnaire = failure
        .questionnaire
        .clone()
        .unwrap_or_else(|| s.device.setup_shipped_questionnaire.to_owned());
    let questionnaire_named = failure.problems.iter().any(|p| {
        !matches!(
            p.place,
            Place::Config | Place::Attribute | Place::KioskConfig
        )
    });
    html! {
        <main id="main" class="wrap setup-problems">
            <h1>{ s.device.setup_title }</h1>
            <p>{ s.device.setup_intro }</p>
            <dl class="sources">
                if let Some(config) = failure.config.clone().filter(|_| config_named) {
                    <dt>{ s.device.setup_config_file }</dt><dd>{ config }</dd>
                }
                if questionnaire_named {
                    <dt>{ s.device.setup_questionnaire_file }</dt><dd>{ questionnaire }</dd>
                }
            </dl>
            <ul class="problems">
                { for capped(&failure.problems, &lang.lang_tag(), |p| p.message(&lang.lang_tag()))
                    .into_iter()
                    .map(|line| html! { <li>{ line }</li> }) }
            </ul>
        </main>
    }
}
