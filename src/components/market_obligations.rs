//! "Your markets and goods" (issue 17): each rule of the obligations catalogue that applies to the
//! firm's goods in its markets, why (which goods, which market), what to prepare, and when — on a
//! timeline from the assessment's date: in force, within 12 months, later; the unconfirmed ones
//! as "check this with …", never as a duty; and those that may apply with the answer that would
//! tell. It renders the core's `obligations::Page`, which the obligations worker makes (the
//! catalogue's code is not in the app's first load); the catalogue's "rules as of" date and its
//! disclaimer go with it. Printed with the report.

use assessment::obligations::{Group, Page, PageNeeded};
use yew::prelude::*;

use crate::i18n::Lang;
use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct MarketObligationsProps {
    pub lang: Lang,
    pub page: Shared<Page>,
}

fn group_class(group: Group) -> &'static str {
    match group {
        Group::InForce => "in-force",
        Group::WithinYear => "within-year",
        Group::Later => "later",
        Group::ToCheck => "to-check",
        Group::MayApply => "may-apply",
    }
}

#[component]
pub fn MarketObligations(props: &MarketObligationsProps) -> Html {
    let lang = props.lang;
    let s = lang.strings();
    let page = &props.page;
    let views = &page.entries;
    let heading = |group: Group| match group {
        Group::InForce => s.obligations_in_force,
        Group::WithinYear => s.obligations_within_year,
        Group::Later => s.obligations_later,
        Group::ToCheck => s.obligations_to_check,
        Group::MayApply => s.obligations_may_apply,
    };
    let groups = Group::ALL.into_iter().filter_map(|group| {
        let entries: Vec<_> = views.iter().filter(|v| v.group == group).collect();
        (!entries.is_empty()).then(|| html! {
            <div class={classes!("obligation-group", group_class(group))}>
                <h3>{ heading(group) }</h3>
                <ul>
                    { for entries.into_iter().map(|v| {
                        let goods = &v.goods;
                        let needed: Vec<String> = v.needed.iter().map(|n| match n {
                            PageNeeded::Question(text) => text.clone(),
                            PageNeeded::FinerCode(code) => lang.finer_code(code),
                            PageNeeded::CodeOf(label) => lang.code_of(label),
                        }).collect();
                        html! {
                            <li data-obligation={v.obligation.clone()}>
                                <p class="obligation-title"><strong>{ &v.regime }</strong>{ s.colon }{ &v.title }</p>
                                if !goods.is_empty() || !v.markets.is_empty() {
                                    <p class="why">{ s.obligations_why }{ s.colon }
                                        { goods.join(" · ") }
                                        if !goods.is_empty() && !v.markets.is_empty() { { " → " } }
                                        { v.markets.join(" · ") }</p>
                                }
                                if let Some(from) = v.from {
                                    <p class="when">{ lang.obligation_from(&from.to_string()) }</p>
                                }
                                if group == Group::MayApply {
                                    <p class="needed">{ s.obligations_answer_to_know }{ s.colon }{ needed.join("; ") }</p>
                                } else {
                                    <p class="prepare">{ &v.prepare }</p>
                                }
                                if let Some(check) = &v.check_with {
                                    <p class="check-with">{ s.check_this_with }{ s.colon }{ check }</p>
                                }
                                <p class="basis">{ s.basis }{ s.colon }{ &v.basis }</p>
                            </li>
                        }
                    }) }
                </ul>
            </div>
        })
    }).collect::<Vec<_>>();
    let none = groups.is_empty();
    html! {
        <section class="obligations report-section" aria-labelledby="obligations-title">
            <h2 id="obligations-title">{ s.obligations_title }</h2>
            <p class="rules-as-of">{ lang.rules_as_of(&page.rules_as_of.to_string()) }</p>
            if none {
                <p>{ s.obligations_none }</p>
            }
            { for groups }
            <p class="disclaimer">{ &page.disclaimer }</p>
        </section>
    }
}
