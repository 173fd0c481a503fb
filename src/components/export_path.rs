//! The data-export path the core decided from the profile: the outcome, why, its legal basis, the
//! duties that remain, and any extra route (the GBA contract, an FTZ list to check).

use assessment::{ExportDecision, RouteId};
use yew::prelude::*;

use crate::i18n::Lang;
use crate::state::Shared;
use assessment::Questionnaire;

#[derive(Properties, PartialEq)]
pub struct ExportPathProps {
    pub lang: Lang,
    pub questionnaire: Shared<Questionnaire>,
    pub decision: ExportDecision,
    pub routes: Vec<RouteId>,
}

#[component]
pub fn ExportPath(props: &ExportPathProps) -> Html {
    let s = props.lang.strings();
    let tag = props.lang.lang_tag();
    let q = &props.questionnaire;
    let body = match &props.decision {
        ExportDecision::Decided { outcome, rule } => {
            let Some(o) = q.outcome(outcome) else {
                return html! {};
            };
            let reason = q
                .doc()
                .export_path
                .rules
                .get(*rule)
                .map(|r| r.reason.get(&tag));
            html! {
                <div class={classes!("outcome", o.procedure_required.then_some("procedure"))}
                    data-outcome={outcome.to_string()}>
                    <h3>{ o.title.get(&tag) }</h3>
                    <p>{ o.summary.get(&tag) }</p>
                    if let Some(reason) = reason {
                        <p><strong>{ s.export_why }{ s.colon }</strong>{ reason }</p>
                    }
                    <p class="basis"><strong>{ s.basis }{ s.colon }</strong>{ o.basis.get(&tag) }</p>
                    if !o.duties.is_empty() {
                        <h4>{ s.export_duties }</h4>
                        <ul>{ for o.duties.iter().map(|d| html! { <li>{ d.get(&tag) }</li> }) }</ul>
                    }
                </div>
            }
        }
        ExportDecision::Pending => html! { <p>{ s.export_pending }</p> },
        ExportDecision::Uncovered => html! { <p>{ s.export_uncovered }</p> },
    };
    let routes = props.routes.iter().filter_map(|id| q.route(id)).map(|r| {
        html! {
            <div class="route">
                <h4>{ r.title.get(&tag) }</h4>
                <p>{ r.text.get(&tag) }</p>
                <p class="basis"><strong>{ s.basis }{ s.colon }</strong>{ r.basis.get(&tag) }</p>
            </div>
        }
    });
    html! {
        <section class="export-path report-section" aria-labelledby="export-title">
            <h2 id="export-title">{ s.export_title }</h2>
            { body }
            if !props.routes.is_empty() {
                <h3>{ s.export_options }</h3>
                { for routes }
            }
        </section>
    }
}
