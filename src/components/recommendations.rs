//! The ranked recommendations (critical first, then by weight × gap, as the core ranked them), and
//! the same recommendations as an action plan in three horizons.

use assessment::{Horizon, Questionnaire, RecommendationResult, Report};
use yew::prelude::*;

use crate::i18n::Lang;
use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct RecommendationsProps {
    pub lang: Lang,
    pub questionnaire: Shared<Questionnaire>,
    pub report: Shared<Report>,
}

/// The text of a recommendation in `lang`.
fn text(q: &Questionnaire, r: &RecommendationResult, lang: Lang) -> String {
    q.item(&r.item)
        .and_then(|(_, item)| item.recommendations.get(r.index))
        .map(|rec| rec.text.get(&lang.lang_tag()).to_owned())
        .unwrap_or_default()
}

#[component]
pub fn Recommendations(props: &RecommendationsProps) -> Html {
    let lang = props.lang;
    let s = lang.strings();
    let tag = lang.lang_tag();
    let q = &props.questionnaire;
    let doc = q.doc();
    let items = props.report.recommendations.iter().map(|r| {
        let countermeasure = q
            .countermeasure(&r.countermeasure)
            .map(|c| format!("{} {}", c.section, c.title.get(&tag)))
            .unwrap_or_default();
        html! {
            <li class={classes!(r.critical.then_some("critical"))}>
                <p>
                    if r.critical {
                        <strong class="badge">{ s.critical_mark }</strong>{ " " }
                    }
                    <span class="mark">{ r.item.to_string() }</span>{ text(q, r, lang) }
                </p>
                <p class="meta">{ countermeasure }{ " · " }{ doc.horizons.get(r.horizon).get(&tag) }</p>
            </li>
        }
    });
    let plan = [Horizon::Now, Horizon::ThisYear, Horizon::Later].map(|h| {
        let steps: Vec<_> = props.report.plan(h).collect();
        html! {
            <section class="horizon">
                <h3>{ doc.horizons.get(h).get(&tag) }</h3>
                if steps.is_empty() {
                    <p>{ s.plan_empty }</p>
                } else {
                    <ul>
                        { for steps.into_iter().map(|r| html! {
                            <li><span class="mark">{ r.item.to_string() }</span>{ text(q, r, lang) }</li>
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
                if props.report.recommendations.is_empty() {
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
