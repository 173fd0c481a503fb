//! The critical compliance gaps, first in the report and in red, each with its legal basis.

use assessment::QuestionId;
use assessment::Questionnaire;
use yew::prelude::*;

use crate::i18n::Lang;
use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct CriticalGapsProps {
    pub lang: Lang,
    pub questionnaire: Shared<Questionnaire>,
    pub items: Vec<QuestionId>,
}

#[component]
pub fn CriticalGaps(props: &CriticalGapsProps) -> Html {
    let s = props.lang.strings();
    let tag = props.lang.lang_tag();
    let gaps = props.items.iter().filter_map(|id| {
        let (_, item) = props.questionnaire.item(id)?;
        let rule = item.critical.as_ref()?;
        Some(html! {
            <li>
                <p class="gap"><span class="mark">{ id.to_string() }</span>{ rule.text.get(&tag) }</p>
                <p class="basis"><strong>{ s.basis }{ s.colon }</strong>{ rule.basis.get(&tag) }</p>
            </li>
        })
    });
    html! {
        <section class="critical report-section" aria-labelledby="critical-title">
            <h2 id="critical-title"><span aria-hidden="true">{ "⚠ " }</span>{ s.critical_title }</h2>
            <p>{ s.critical_intro }</p>
            <ul>{ for gaps }</ul>
        </section>
    }
}
