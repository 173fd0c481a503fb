//! The data-export path the core decided from the profile: the outcome, why, its legal basis, the
//! duties that remain, and any extra route (the GBA contract, an FTZ list to check).

use assessment::{PathView, Questionnaire, Report, ReportView};
use yew::prelude::*;

use crate::i18n::{Lang, Strings};
use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct ExportPathProps {
    pub lang: Lang,
    pub questionnaire: Shared<Questionnaire>,
    pub report: Shared<Report>,
}

#[component]
pub fn ExportPath(props: &ExportPathProps) -> Html {
    let s = Strings::of(props.lang);
    let tag = props.lang.lang_tag();
    let view = ReportView::new(&props.questionnaire, &props.report, &tag);
    let body = match view.export_path() {
        PathView::Decided(o) => html! {
            <div class={classes!("outcome", o.procedure_required.then_some("procedure"))}
                data-outcome={o.id.to_string()}>
                <h3>{ o.title }</h3>
                <p>{ o.summary }</p>
                <p><strong>{ s.report.export_why }{ s.common.colon }</strong>{ o.reason }</p>
                <p class="basis"><strong>{ s.report.basis }{ s.common.colon }</strong>{ o.basis }</p>
                if o.duties().len() > 0 {
                    <h4>{ s.report.export_duties }</h4>
                    <ul>{ for o.duties().map(|d| html! { <li>{ d }</li> }) }</ul>
                }
            </div>
        },
        PathView::Pending => html! { <p>{ s.report.export_pending }</p> },
        PathView::Uncovered => html! { <p>{ s.report.export_uncovered }</p> },
    };
    let routes: Vec<_> = view.routes().collect();
    let shown = !routes.is_empty();
    let routes = routes.into_iter().map(|r| {
        html! {
            <div class="route">
                <h4>{ r.title }</h4>
                <p>{ r.text }</p>
                <p class="basis"><strong>{ s.report.basis }{ s.common.colon }</strong>{ r.basis }</p>
            </div>
        }
    });
    html! {
        <section class="export-path report-section" aria-labelledby="export-title">
            <h2 id="export-title">{ s.report.export_title }</h2>
            { body }
            if shown {
                <h3>{ s.report.export_options }</h3>
                { for routes }
            }
        </section>
    }
}
