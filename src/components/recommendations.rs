//! What the firm does: its first steps (three to five actions for the next three months, each
//! with why it comes first, who does it, what it takes and where to get help), then every other
//! recommendation once, by horizon. The core's `plan` chooses, orders and words them; this only
//! renders it. A step's question code and source section are folded into its "Sources", never
//! in the text a person reads.

use assessment::{Action, Horizon, Plan, Questionnaire, Report, ReportView, Step};
use yew::prelude::*;

use crate::components::Fold;
use crate::i18n::{Lang, Strings};
use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct RecommendationsProps {
    pub lang: Lang,
    pub questionnaire: Shared<Questionnaire>,
    pub report: Shared<Report>,
    pub plan: Shared<Plan>,
}

/// One action as a list entry: what to do in plain words; for a first step (`details`) why it
/// comes first and who, what it takes and where to get help; and, folded away from the text, the
/// question it answers and the source it follows. A place to get help named by an earlier first
/// step (`helped`) says what it offers once: on paper the repeat is left out.
fn step(s: &Strings, step: &Step, details: bool, helped: &mut Vec<String>) -> Html {
    let critical = step.critical();
    let duty = match &step.action {
        Action::Duty { obligation } => Some(obligation.clone()),
        Action::Recommendation(_) => None,
    };
    let class = classes!(
        critical.then_some("critical"),
        duty.is_some().then_some("duty")
    );
    html! {
        <li class={class} data-duty={duty}>
            <p class="step-text">
                if critical {
                    <strong class="badge">{ s.report.critical_mark }</strong>{ " " }
                }
                { &step.text }
            </p>
            if let (true, Some(detail)) = (details, &step.detail) {
                <p class="step-detail">{ detail }</p>
            }
            if details {
                <p class="why-first"><span class="label">{ s.report.why_first }{ s.common.colon }</span>{ &step.why_words }</p>
                if step.who.is_some() || step.effort.is_some() || !step.help.is_empty() {
                    <dl class="step-facts">
                        if let Some(who) = &step.who {
                            <div><dt>{ s.report.who }</dt><dd>{ who }</dd></div>
                        }
                        if let Some(effort) = &step.effort {
                            <div><dt>{ s.report.effort }</dt><dd>{ effort }</dd></div>
                        }
                        if !step.help.is_empty() {
                            <div><dt>{ s.report.help_from }</dt><dd>
                                { for step.help.iter().map(|(name, offers)| {
                                    let again = helped.contains(name);
                                    if !again {
                                        helped.push(name.clone());
                                    }
                                    html! {
                                        <span class="help-source">{ name }<span class={classes!("offers", again.then_some("again"))}>{ s.common.colon }{ offers }</span></span>
                                    }
                                }) }
                            </dd></div>
                        }
                    </dl>
                }
            }
            if !step.sources.is_empty() {
                <details class="sources">
                    <summary>{ s.report.sources }</summary>
                    <p>{ step.sources.join(" · ") }</p>
                </details>
            }
        </li>
    }
}

#[component]
pub fn Recommendations(props: &RecommendationsProps) -> Html {
    let s = Strings::of(props.lang);
    let tag = props.lang.lang_tag();
    let view = ReportView::new(&props.questionnaire, &props.report, &tag);
    let plan = &*props.plan;
    let first = plan.first_steps.len();
    let mut helped = Vec::new();
    let first_steps = plan
        .first_steps
        .iter()
        .map(|st| step(s, st, true, &mut helped))
        .collect::<Html>();
    // One numbering through the first steps and the plan: "step 7" means one action.
    let mut start = first + 1;
    let horizons = plan
        .by_horizon
        .iter()
        .map(|(horizon, steps): &(Horizon, Vec<Step>)| {
            let at = start;
            start += steps.len();
            html! {
                <section class="horizon">
                    <h3>{ view.horizon_label(*horizon) }</h3>
                    <ol start={at.to_string()}>
                        { for steps.iter().map(|st| step(s, st, false, &mut Vec::new())) }
                    </ol>
                </section>
            }
        })
        .collect::<Html>();
    let none = if plan.all_targets_met(&props.report) {
        s.report.all_targets_met
    } else if plan.completeness == assessment::Completeness::Complete {
        s.report.only_gaps
    } else {
        s.report.no_recommendations_yet
    };
    html! {
        <>
            if first > 0 {
                <section class="first-steps recommendations report-section" aria-labelledby="first-steps-title">
                    <h2 id="first-steps-title">{ s.report.first_steps_title }</h2>
                    <p>{ s.report.first_steps_intro }</p>
                    <ol>{ first_steps }</ol>
                </section>
            } else if plan.by_horizon.is_empty() {
                <section class="first-steps recommendations report-section" aria-labelledby="first-steps-title">
                    <h2 id="first-steps-title">{ s.report.first_steps_title }</h2>
                    <p class="none">{ none }</p>
                </section>
            }
            // The rest is for later: folded to its count.
            if !plan.by_horizon.is_empty() {
                <Fold name="plan" title={s.report.rest_of_plan} line={html! { { s.report.plan_line(start - first - 1) } }}>
                    <section class="plan recommendations report-section" aria-labelledby="plan-title">
                        <h2 id="plan-title">{ s.report.rest_of_plan }</h2>
                        { horizons }
                    </section>
                </Fold>
            }
        </>
    }
}
