//! How a score reads: every stage of the questionnaire with its threshold, the firm's marked, and
//! how many points the next one is away. The core gives the ladder and the gap; this renders them.

use assessment::{format_score, Questionnaire, Report, ReportView};
use yew::prelude::*;

use crate::i18n::{Lang, Strings};
use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct StageLadderProps {
    pub lang: Lang,
    pub questionnaire: Shared<Questionnaire>,
    pub report: Shared<Report>,
}

#[component]
pub fn StageLadder(props: &StageLadderProps) -> Html {
    let s = Strings::of(props.lang);
    let tag = props.lang.lang_tag();
    let view = ReportView::new(&props.questionnaire, &props.report, &tag);
    let rungs = view.ladder().into_iter().map(|rung| {
        html! {
            <li class={classes!(rung.current.then_some("current"))}
                aria-current={rung.current.then_some("step")}>
                <span class="label">{ rung.label }</span>
                <span class="from">{ s.report.from_score(&format_score(Some(rung.min_score))) }</span>
                if rung.current {
                    <strong class="here">{ s.report.you_are_here }</strong>
                }
            </li>
        }
    });
    let next = match view.next_stage() {
        Some((stage, points)) => Some(
            s.report
                .to_next_stage(&format_score(Some(points)), stage.label),
        ),
        None if view.overall().is_some() => Some(s.report.top_stage.to_owned()),
        None => None,
    };
    // The answers are folded: opened, then scrolled to.
    let to_items = crate::components::fold::reveal("items-title");
    html! {
        <div class="ladder">
            <ol aria-label={s.report.ladder}>{ for rungs }</ol>
            if let Some(next) = next {
                <p class="next">{ next }</p>
            }
            <p class="how">{ s.report.score_how }{ " " }<a href="#items-title" onclick={to_items}>{ s.report.score_detail }</a></p>
        </div>
    }
}
