//! Each item's answer and level beside the paper's benchmark, dimension by dimension.

use assessment::{Applicability, Questionnaire, Report, Standing};
use yew::prelude::*;

use crate::i18n::Lang;
use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct ItemResultsProps {
    pub lang: Lang,
    pub questionnaire: Shared<Questionnaire>,
    pub report: Shared<Report>,
}

#[component]
pub fn ItemResults(props: &ItemResultsProps) -> Html {
    let s = props.lang.strings();
    let lang = props.lang;
    let tag = lang.lang_tag();
    let q = &props.questionnaire;
    let tables = q.doc().dimensions.iter().zip(&props.report.dimensions).map(|(d, result)| {
        let rows = d.items.iter().zip(&result.items).map(|(item, r)| {
            let answer = match (r.applicability, &r.answer) {
                (Applicability::NotApplicable, _) => s.not_applicable.to_owned(),
                (_, Some(option)) => item
                    .options
                    .iter()
                    .find(|o| &o.id == option)
                    .map(|o| o.label.get(&tag).to_owned())
                    .unwrap_or_default(),
                (_, None) => s.not_answered.to_owned(),
            };
            let level = r.level.map(|l| lang.level_of(l.value())).unwrap_or_default();
            // The core decides whether the benchmark fits this firm and where the answer stands.
            let benchmark = item.benchmark.as_ref().zip(r.benchmark.as_ref()).map(|(b, shown)| {
                let standing = shown.standing.map(|st| match st {
                    Standing::Ahead => s.standing_ahead,
                    Standing::Level => s.standing_level,
                    Standing::Behind => s.standing_behind,
                });
                html! {
                    <>
                        { format!("{} ({})", b.text.get(&tag), b.section) }
                        if let Some(standing) = standing {
                            <strong class="standing">{ standing }</strong>
                        }
                    </>
                }
            });
            html! {
                <tr class={classes!(r.critical.then_some("critical"),
                    (r.applicability == Applicability::NotApplicable).then_some("na"))}>
                    <th scope="row"><span class="mark">{ item.id.to_string() }</span>{ item.text.get(&tag) }</th>
                    <td data-label={s.your_answer}>{ answer }</td>
                    <td data-label={s.level} class="level">{ level }</td>
                    <td data-label={s.the_paper} class="benchmark">{ for benchmark }</td>
                </tr>
            }
        });
        html! {
            <table class="items">
                <caption>{ d.title.get(&tag) }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ s.item }</th>
                        <th scope="col">{ s.your_answer }</th>
                        <th scope="col">{ s.level }</th>
                        <th scope="col">{ s.the_paper }</th>
                    </tr>
                </thead>
                <tbody>{ for rows }</tbody>
            </table>
        }
    });
    html! {
        <section class="item-results report-section" aria-labelledby="items-title">
            <h2 id="items-title">{ s.items_title }</h2>
            <p class="source">{ q.doc().source.get(&tag) }</p>
            { for tables }
        </section>
    }
}
