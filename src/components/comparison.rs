//! Progress since an earlier assessment: for both dates, the overall score and each dimension's
//! with the change, the stage before and after, the answers that improved and fell back, the
//! critical gaps closed and new, the earlier plan's actions now done, what stopped or started to
//! apply, and what of the earlier answers could not be carried over: the core's `ComparisonView`,
//! the comparison resolved in the page's language (as `assess compare` renders it).
//! The radar of the report draws both shapes; the report's first screen and this part's folded
//! line say it in one sentence (`verdict::headline`). No number, stage or heading of the table
//! wraps inside itself: on a phone the rows are the dimensions' short names.

use assessment::{format_change, format_score, ComparisonView, ItemRow, LevelRow, ScoreChange};
use yew::prelude::*;

use crate::i18n::{Lang, Strings};
use crate::state::{Comparing, Shared};
use assessment::Questionnaire;

#[derive(Properties, PartialEq)]
pub struct ComparisonSectionProps {
    pub lang: Lang,
    pub questionnaire: Shared<Questionnaire>,
    pub comparing: Shared<Comparing>,
    /// The two dates as shown: the earlier assessment's and this one's.
    pub dates: (AttrValue, AttrValue),
}

fn trend_class(change: &ScoreChange) -> Option<&'static str> {
    match change.change {
        Some(c) if c > 0.0 => Some("up"),
        Some(c) if c < 0.0 => Some("down"),
        _ => None,
    }
}

#[component]
pub fn ComparisonSection(props: &ComparisonSectionProps) -> Html {
    let lang = props.lang;
    let s = Strings::of(lang);
    let tag = lang.lang_tag();
    let view = ComparisonView::new(&props.questionnaire, &props.comparing.comparison, &tag);
    let c = view.comparison();
    let (before, after) = view.stages();
    let (then, now) = (&props.dates.0, &props.dates.1);

    let row = |name: &str, change: &ScoreChange, key: String| {
        html! {
            <tr data-row={key}>
                <th scope="row">{ name.to_owned() }</th>
                <td class="num" data-then={format_score(change.before)}>{ format_score(change.before) }</td>
                <td class="num" data-now={format_score(change.after)}>{ format_score(change.after) }</td>
                <td class={classes!("num", "change", trend_class(change))} data-change={format_change(change.change)}>
                    { format_change(change.change) }
                </td>
            </tr>
        }
    };
    let levels = |title: &str, class: &str, list: Vec<LevelRow<'_>>| {
        html! {
            <div class={classes!("compare-list", class.to_owned())}>
                <h3>{ title.to_owned() }</h3>
                if list.is_empty() {
                    <p class="none">{ s.handoff.none_of_these }</p>
                } else {
                    <ul>
                        { for list.iter().map(|change| html! {
                            <li data-item={change.item.to_string()}>
                                <span class="code">{ change.item.to_string() }</span>{ " " }
                                { change.text }{ " — " }
                                { s.report.level_of(change.before) }{ " → " }{ s.report.level_of(change.after) }
                            </li>
                        }) }
                    </ul>
                }
            </div>
        }
    };
    let items = |title: &str, class: &str, list: Vec<ItemRow<'_>>| {
        html! {
            <div class={classes!("compare-list", class.to_owned())}>
                <h3>{ title.to_owned() }</h3>
                <ul>
                    { for list.iter().map(|i| html! {
                        <li data-item={i.item.to_string()}>
                            <span class="code">{ i.item.to_string() }</span>{ " " }{ i.text }
                        </li>
                    }) }
                </ul>
            </div>
        }
    };
    let gaps = |title: &str, class: &str, list: Vec<ItemRow<'_>>| {
        html! {
            <div class={classes!("compare-list", class.to_owned())}>
                <h3>{ title.to_owned() }</h3>
                if list.is_empty() {
                    <p class="none">{ s.handoff.none_of_these }</p>
                } else {
                    <ul>
                        { for list.iter().map(|g| html! {
                            <li data-item={g.item.to_string()}>
                                <span class="code">{ g.item.to_string() }</span>{ " " }{ g.text }
                            </li>
                        }) }
                    </ul>
                }
            </div>
        }
    };
    let done = view.done();
    let (stopped, started) = (view.stopped_applying(), view.started_applying());
    let carried = [(&c.earlier, then), (&c.later, now)]
        .into_iter()
        .filter_map(|(side, date)| side.carried.as_ref().map(|carried| (carried, date)))
        .filter(|(carried, _)| !carried.dropped.is_empty())
        .map(|(carried, date)| {
            html! {
                <div class="compare-list carried">
                    <h3>{ s.handoff.not_carried }{ format!(" ({date}, {} {})", carried.from.id, carried.from.version) }</h3>
                    <ul>
                        { for carried.dropped.iter().map(|p| html! { <li>{ p.message(&lang.lang_tag()) }</li> }) }
                    </ul>
                </div>
            }
        })
        .collect::<Html>();

    html! {
        <section class="comparison report-section" aria-labelledby="comparison-title">
            <h2 id="comparison-title">{ s.handoff.progress_since(then) }</h2>
            <table class="compare-table">
                <thead>
                    <tr>
                        <td></td>
                        <th scope="col" class="num">{ s.handoff.then }<span class="date">{ then.clone() }</span></th>
                        <th scope="col" class="num">{ s.handoff.now }<span class="date">{ now.clone() }</span></th>
                        <th scope="col" class="num">{ s.handoff.change }</th>
                    </tr>
                </thead>
                <tbody>
                    { row(s.report.overall, view.overall(), "overall".into()) }
                    { for view.dimensions().map(|d| row(d.short_title, d.score, d.id.to_string())) }
                    <tr data-row="stage">
                        <th scope="row">{ s.report.stage }</th>
                        <td class="num" data-then={c.stage.before.as_ref().map(|s| s.to_string())}>{ before.map_or("–", |s| s.label) }</td>
                        <td class="num" data-now={c.stage.after.as_ref().map(|s| s.to_string())}>{ after.map_or("–", |s| s.label) }</td>
                        <td></td>
                    </tr>
                </tbody>
            </table>
            <div class="compare-lists">
                { levels(s.handoff.improved, "improved", view.improved()) }
                { levels(s.handoff.fell_back, "fell-back", view.fell_back()) }
                { gaps(s.handoff.gaps_closed, "gaps-closed", view.gaps_closed()) }
                { gaps(s.handoff.gaps_new, "gaps-new", view.gaps_new()) }
                <div class="compare-list done">
                    <h3>{ s.handoff.plan_done }</h3>
                    if done.is_empty() {
                        <p class="none">{ s.handoff.none_of_these }</p>
                    } else {
                        <ul>
                            { for done.iter().map(|r| html! {
                                <li data-item={r.item.to_string()}>{ r.text }</li>
                            }) }
                        </ul>
                    }
                </div>
                if !stopped.is_empty() {
                    { items(s.handoff.stopped_applying, "stopped", stopped) }
                }
                if !started.is_empty() {
                    { items(s.handoff.started_applying, "started", started) }
                }
                { carried }
            </div>
        </section>
    }
}
