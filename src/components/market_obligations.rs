//! "Your markets and goods": each rule of the obligations catalogue that applies to the firm's
//! goods in its markets, grouped by market (the market and the goods named once for the group),
//! then by when — in force, within 12 months, later, from the assessment's date; the unconfirmed
//! ones as "to check" (an announced date already passed "said to apply since"), never as a duty;
//! and those that may apply with the answer that would tell.
//! Each entry says what to prepare and on what basis. It renders the core's `obligations::Page`
//! and its `by_market` grouping, which the obligations worker makes (the catalogue's code is not
//! in the app's first load); the core's "rules as of" line (and, six months on, its note that the
//! rules may have changed) and the catalogue's disclaimer go with it.
//! Printed with the report.

use assessment::obligations::{Group, MarketGroup, Page, PageEntry, PageNeeded};
use yew::prelude::*;

use crate::i18n::{Lang, Strings};
use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct MarketObligationsProps {
    pub lang: Lang,
    pub page: Shared<Page>,
    /// The obligations among the first steps, which print what to prepare there: here, on
    /// paper, the entry says so instead of printing it twice.
    #[prop_or_default]
    pub first_steps: Vec<String>,
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

/// The heading of an obligations group, as the section and the report's summary line name it.
pub(crate) fn heading(s: &Strings, group: Group) -> &'static str {
    match group {
        Group::InForce => s.obligations.obligations_in_force,
        Group::WithinYear => s.obligations.obligations_within_year,
        Group::Later => s.obligations.obligations_later,
        Group::ToCheck => s.obligations.obligations_to_check,
        Group::MayApply => s.obligations.obligations_may_apply,
    }
}

/// One entry: what it is and from when, the goods it concerns when not all of its market's,
/// what to answer or prepare, what is still to check, and its basis.
fn entry(lang: Lang, v: &PageEntry, goods: &[String], first_step: bool) -> Html {
    let s = Strings::of(lang);
    let needed: Vec<String> = v
        .needed
        .iter()
        .map(|n| match n {
            PageNeeded::Question(text) => text.clone(),
            PageNeeded::FinerCode(code) => s.obligations.finer_code(code),
            PageNeeded::CodeOf(label) => s.obligations.code_of(label),
        })
        .collect();
    html! {
        <li data-obligation={v.obligation.clone()} class={classes!(first_step.then_some("first-step"))}>
            <p class="obligation-title"><strong>{ &v.regime }</strong>{ s.common.colon }{ &v.title }</p>
            if !goods.is_empty() {
                <p class="goods-apart">{ s.obligations.obligations_only_for }{ s.common.colon }{ goods.join(" · ") }</p>
            }
            if let Some(from) = v.from {
                <p class="when">{
                    if v.since {
                        s.obligations.obligation_said_since(&from.to_string())
                    } else {
                        s.obligations.obligation_from(&from.to_string())
                    }
                }</p>
            }
            if v.group == Group::MayApply {
                <p class="needed">{ s.obligations.obligations_answer_to_know }{ s.common.colon }{ needed.join(" · ") }</p>
            } else {
                <p class="prepare">{ &v.prepare }</p>
                if first_step {
                    <p class="print-only in-first-steps">{ s.obligations.obligations_in_first_steps }</p>
                }
            }
            if let Some(check) = &v.check_with {
                <p class="check-with">{ s.obligations.obligations_check }{ s.common.colon }{ check }</p>
            }
            <p class="basis">{ s.report.basis }{ s.common.colon }{ &v.basis }</p>
        </li>
    }
}

/// One market: its name, the goods once, then its entries by when.
fn market(
    lang: Lang,
    page: &Page,
    market: &MarketGroup,
    at: usize,
    first_steps: &[String],
) -> Html {
    let s = Strings::of(lang);
    let title_id = format!("obligations-market-{at}");
    let name = if market.markets.is_empty() {
        s.obligations.obligations_any_market.to_owned()
    } else {
        market.markets.join(" · ")
    };
    let groups = Group::ALL.into_iter().filter_map(|group| {
        let entries: Vec<&PageEntry> = market
            .entries
            .iter()
            .map(|&i| &page.entries[i])
            .filter(|v| v.group == group)
            .collect();
        (!entries.is_empty()).then(|| {
            html! {
                <div class={classes!("obligation-group", group_class(group))}>
                    <h4>{ heading(s, group) }</h4>
                    <ul>
                        { for entries.into_iter().map(|v| entry(lang, v, market.goods_apart(v), first_steps.contains(&v.obligation))) }
                    </ul>
                </div>
            }
        })
    });
    html! {
        <section class="market" aria-labelledby={title_id.clone()}>
            <h3 id={title_id}>{ name }</h3>
            if !market.goods.is_empty() {
                <p class="goods">{ s.obligations.obligations_goods }{ s.common.colon }{ market.goods.join(" · ") }</p>
            }
            { for groups }
        </section>
    }
}

#[component]
pub fn MarketObligations(props: &MarketObligationsProps) -> Html {
    let lang = props.lang;
    let s = Strings::of(lang);
    let page = &props.page;
    let markets = page.by_market();
    html! {
        <section class="obligations report-section" aria-labelledby="obligations-title">
            <h2 id="obligations-title">{ s.obligations.obligations_title }</h2>
            <p class="rules-as-of">{ &page.currency }</p>
            if let Some(warning) = &page.stale {
                <p class="rules-may-have-changed notice warning" role="note">{ warning }</p>
            }
            if markets.is_empty() {
                <p>{ s.obligations.obligations_none }</p>
            }
            { for markets.iter().enumerate().map(|(at, m)| market(lang, page, m, at, &props.first_steps)) }
            <p class="disclaimer">{ &page.disclaimer }</p>
        </section>
    }
}
