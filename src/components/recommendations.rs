//! The ranked recommendations (critical first, then by weight × gap, as the core ranked them), and
//! the same recommendations as an action plan in three horizons.

use assessment::{Questionnaire, Report, ReportView};
use yew::prelude::*;

use crate::i18n::Lang;
use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct RecommendationsProps {
    pub lang: Lang,
    pub questionnaire: Shared<Questionnaire>,
    pub report: Shared<Report>,
}

#[component]
pub fn Recommendations(props: &RecommendationsProps) -> Html {
    let s = props.lang.strings();
    let tag = props.lang.lang_tag();
    let view = ReportView::new(&props.questionnaire, &props.report, &tag);
    let items = view.recommendations().map(|r| {
        let countermeasure = r
            .countermeasure
            .map(|c| format!("{} {}", c.section, c.title))
            .unwrap_or_default();
        html! {
            <li class={classes!(r.critical.then_some("critical"))}>
                <p>
                    if r.critical {
                        <strong class="badge">{ s.critical_mark }</strong>{ " " }
                    }
                    <span class="mark">{ r.item.to_string() }</span>{ r.text }
                </p>
                <p class="meta">{ countermeasure }{ " · " }{ view.horizon_label(r.horizon) }</p>
            </li>
        }
    });
    let plan = view.horizons().map(|(h, label)| {
        let steps: Vec<_> = view.plan(h).collect();
        html! {
            <section class="horizon">
                <h3>{ label }</h3>
                if steps.is_empty() {
                    <p>{ s.plan_empty }</p>
                } else {
                    <ul>
                        { for steps.into_iter().map(|r| html! {
                            <li><span class="mark">{ r.item.to_string() }</span>{ r.text }</li>
                        }) }
                    </ul>
                }
            </section>
        }
    });
    html! {
        <>
            <section class="recommendations report-section" aria-labelledby="recommendations-title">
                <h2 id="recommendations-title">{ s.recommendations_title }</h2>
                if view.recommendation_count() == 0 {
                    <p>{ s.no_recommendations }</p>
                } else {
                    <ol>{ for items }</ol>
                }
            </section>
            <section class="plan report-section" aria-labelledby="plan-title">
                <h2 id="plan-title">{ s.plan_title }</h2>
                { for plan }
            </section>
        </>
    }
}
