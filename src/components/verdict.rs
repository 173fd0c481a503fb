//! The report's first screen: the verdict and the next action. The overall score and the stage in
//! plain words, any critical gap, the one first action (what, who does it, what it takes, and why
//! it comes first, as the plan words it), and, in a follow-up, the change in one sentence. It fits a 360 px phone's
//! first screen; everything else of the report follows it, folded.

use assessment::{format_change, format_score, Clause, Plan, Questionnaire, Report, ReportView};
use yew::prelude::*;

use crate::components::fold::reveal;
use crate::i18n::{Lang, Strings};
use crate::state::{Comparing, Shared};

#[derive(Properties, PartialEq)]
pub struct VerdictProps {
    pub lang: Lang,
    pub questionnaire: Shared<Questionnaire>,
    pub report: Shared<Report>,
    /// The plan, once made (a frame after the first paint).
    pub plan: Option<Shared<Plan>>,
    pub comparing: Option<Shared<Comparing>>,
    /// Beside the score: a kiosk's hand-off code, which a visitor must see before leaving.
    #[prop_or_default]
    pub children: Html,
}

/// The comparison in one sentence, each clause on one line: a number is never split from its unit.
pub fn headline(lang: Lang, questionnaire: &Shared<Questionnaire>, comparing: &Comparing) -> Html {
    let s = Strings::of(lang);
    let tag = lang.lang_tag();
    let c = &comparing.comparison;
    let after = ReportView::new(questionnaire, &c.later.report, &tag);
    let clauses = c.headline();
    let last = clauses.len().saturating_sub(1);
    let words = clauses.iter().enumerate().map(|(i, clause)| {
        let text = match clause {
            Clause::Points(change) => s.handoff.points_change(&format_change(Some(*change))),
            Clause::Stage { trend, .. } => s
                .handoff
                .stage_moved(*trend, after.stage().map_or("–", |stage| stage.label)),
            Clause::GapsClosed(n) => s.handoff.gaps_closed_count(*n),
            Clause::GapsNew(n) => s.handoff.gaps_new_count(*n),
        };
        // The separator's mark stays with its clause; a line may break after it ("，" breaks
        // by itself, ", " at its space).
        let sep = s.handoff.clause_sep;
        let (mark, space) = sep.split_at(sep.trim_end().len());
        html! {
            <>
                <span class="nowrap">{ text }{ (i < last).then_some(mark) }</span>
                { (i < last).then_some(space) }
            </>
        }
    });
    html! { <>{ for words }</> }
}

#[component]
pub fn Verdict(props: &VerdictProps) -> Html {
    let lang = props.lang;
    let s = Strings::of(lang);
    let tag = lang.lang_tag();
    let view = ReportView::new(&props.questionnaire, &props.report, &tag);
    let gaps: Vec<_> = view.critical_gaps().collect();
    let first = props
        .plan
        .as_ref()
        .and_then(|p| p.first_steps.first().cloned());
    // Why it comes first, as the plan words it: a duty in force, a critical gap, the bottleneck.
    let why = first
        .as_ref()
        .map(|step| step.why_words.clone())
        .filter(|why| !why.is_empty());
    let next = view.next_stage().map(|(stage, points)| {
        s.report
            .to_next_stage(&format_score(Some(points)), stage.label)
    });
    html! {
        <section class="summary verdict report-section" aria-labelledby="summary-title">
            <h2 id="summary-title" class="visually-hidden">{ s.report.verdict_title }</h2>
            <div class="verdict-top">
                <div class="score-card">
                    <p class="overall"><span class="label">{ s.report.overall }</span>
                        <span class="value" data-score={format_score(view.overall())}>{ format_score(view.overall()) }</span>
                        <span class="unit">{ "/ 100" }</span></p>
                    if let Some(stage) = view.stage() {
                        <p class="stage"><span class="label">{ s.report.stage }</span>
                            <span class="value" data-stage={stage.id.to_string()}>{ stage.label }</span></p>
                        <p class="meaning">{ stage.meaning }</p>
                    }
                    if let Some(next) = next {
                        <p class="to-next">{ next }</p>
                    }
                    if let Some(comparing) = &props.comparing {
                        <p class="change-line">{ headline(lang, &props.questionnaire, comparing) }</p>
                    }
                </div>
                { props.children.clone() }
            </div>
            if !gaps.is_empty() {
                <div class="verdict-gaps" role="note">
                    <p class="count"><span aria-hidden="true">{ "⚠ " }</span>
                        <a href="#critical-title" onclick={reveal("critical-title")}>
                            { s.report.critical_count(gaps.len()) }</a></p>
                    <ul>
                        { for gaps.iter().map(|g| html! { <li>{ g.text }</li> }) }
                    </ul>
                </div>
            }
            if let Some(step) = first {
                <div class={classes!("first-action", step.critical().then_some("critical"))}>
                    <h3>{ s.report.first_action }</h3>
                    <p class="what">{ &step.text }</p>
                    <dl class="step-facts">
                        if let Some(who) = &step.who {
                            <div><dt>{ s.report.who }</dt><dd>{ who }</dd></div>
                        }
                        if let Some(effort) = &step.effort {
                            <div><dt>{ s.report.effort }</dt><dd>{ effort }</dd></div>
                        }
                        if let Some(why) = why {
                            <div class="why"><dt>{ s.report.why_first }</dt><dd>{ why }</dd></div>
                        }
                    </dl>
                </div>
            }
        </section>
    }
}
