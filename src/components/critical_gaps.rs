//! The critical compliance gaps, first in the report and in red, each with its legal basis.

use assessment::{Questionnaire, Report, ReportView};
use yew::prelude::*;

use crate::i18n::{Lang, Strings};
use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct CriticalGapsProps {
    pub lang: Lang,
    pub questionnaire: Shared<Questionnaire>,
    pub report: Shared<Report>,
}

#[component]
pub fn CriticalGaps(props: &CriticalGapsProps) -> Html {
    let s = Strings::of(props.lang);
    let tag = props.lang.lang_tag();
    let view = ReportView::new(&props.questionnaire, &props.report, &tag);
    let caps = view.gap_caps();
    let gaps = view.critical_gaps().map(|gap| {
        html! {
            <li>
                <p class="gap"><span class="mark">{ gap.item.to_string() }</span>{ gap.text }</p>
                <p class="basis"><strong>{ s.report.basis }{ s.common.colon }</strong>{ gap.basis }</p>
            </li>
        }
    });
    html! {
        <section class="critical report-section" aria-labelledby="critical-title">
            <h2 id="critical-title"><span aria-hidden="true">{ "⚠ " }</span>{ s.report.critical_title }</h2>
            <p>{ s.report.critical_intro(&caps) }</p>
            <ul>{ for gaps }</ul>
        </section>
    }
}
