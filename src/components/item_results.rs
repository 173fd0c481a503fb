//! Each item's answer and level beside the paper's benchmark, dimension by dimension.

use assessment::{Applicability, Questionnaire, Report, ReportView, Standing};
use yew::prelude::*;

use crate::i18n::{Lang, Strings};
use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct ItemResultsProps {
    pub lang: Lang,
    pub questionnaire: Shared<Questionnaire>,
    pub report: Shared<Report>,
}

#[component]
pub fn ItemResults(props: &ItemResultsProps) -> Html {
    let s = Strings::of(props.lang);
    let tag = props.lang.lang_tag();
    let view = ReportView::new(&props.questionnaire, &props.report, &tag);
    let lang = props.lang;
    // A questionnaire without benchmarks (an association's own) gets no empty column for them.
    let benchmarks = view.has_benchmarks();
    let tables = view.dimensions().map(|d| {
        let rows = d.items().map(|item| {
            let answer = match (item.applicability, item.answer) {
                (Applicability::NotApplicable, _) => s.report.not_applicable,
                (_, Some(label)) => label,
                (_, None) => s.report.not_answered,
            };
            let level = item.level.map(|l| Strings::of(lang).report.level_of(l)).unwrap_or_default();
            // The core decides whether the benchmark fits this firm and where the answer stands.
            let benchmark = item.benchmark.map(|b| {
                let standing = b.standing.map(|st| match st {
                    Standing::Ahead => s.report.standing_ahead,
                    Standing::Level => s.report.standing_level,
                    Standing::Behind => s.report.standing_behind,
                });
                html! {
                    <>
                        <span class="figure">{ b.text }{ " " }</span>
                        <span class="section">{ format!("({})", b.section) }</span>
                        if let Some(standing) = standing {
                            <strong class="standing">{ standing }</strong>
                        }
                    </>
                }
            });
            html! {
                <tr class={classes!(item.critical.then_some("critical"),
                    (item.applicability == Applicability::NotApplicable).then_some("na"))}>
                    <th scope="row"><span class="mark">{ item.id.to_string() }</span>{ item.text }</th>
                    <td data-label={s.report.your_answer}>{ answer }</td>
                    // An empty cell keeps the table's columns but has no label: a card (phone,
                    // narrow print) shows no "Level:" with nothing after it.
                    if level.is_empty() {
                        <td class="level empty"></td>
                    } else {
                        <td data-label={s.report.level} class="level">{ level }</td>
                    }
                    if benchmarks {
                        if benchmark.is_some() {
                            <td data-label={s.report.the_paper} class="benchmark">{ for benchmark }</td>
                        } else {
                            <td class="benchmark empty"></td>
                        }
                    }
                </tr>
            }
        });
        html! {
            <table class="items">
                <caption>{ d.title }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ s.report.item }</th>
                        <th scope="col">{ s.report.your_answer }</th>
                        <th scope="col">{ s.report.level }</th>
                        if benchmarks {
                            <th scope="col">{ s.report.the_paper }</th>
                        }
                    </tr>
                </thead>
                <tbody>{ for rows }</tbody>
            </table>
        }
    });
    html! {
        <section class="item-results report-section" aria-labelledby="items-title">
            <h2 id="items-title">{ Strings::of(lang).report.items_title(benchmarks) }</h2>
            <p class="source">{ view.source() }</p>
            if benchmarks {
                <p class="print-only source">{ s.report.benchmarks_on_screen }</p>
            }
            { for tables }
        </section>
    }
}
