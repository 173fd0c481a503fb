//! The dimensions as horizontal bars. The labels and scores are text; only the bar itself is a
//! small inline SVG (sized by attributes, not inline styles, so it works under a strict Content
//! Security Policy). The bottleneck is written out, not only coloured.

use yew::prelude::*;

use assessment::{format_score, OneDecimal};

#[derive(Clone, PartialEq)]
pub struct Bar {
    pub label: AttrValue,
    pub score: Option<f64>,
    /// A note after the label, e.g. "bottleneck".
    pub note: Option<AttrValue>,
}

#[derive(Properties, PartialEq)]
pub struct ScoreBarsProps {
    pub title: AttrValue,
    pub bars: Vec<Bar>,
}

#[component]
pub fn ScoreBars(props: &ScoreBarsProps) -> Html {
    html! {
        <ul class="bars" aria-label={&props.title}>
            { for props.bars.iter().map(|bar| html! {
                <li class={classes!("bar", bar.note.is_some().then_some("noted"))}>
                    <span class="label">
                        { &bar.label }
                        if let Some(note) = &bar.note {
                            <strong class="note">{ " — " }{ note }</strong>
                        }
                    </span>
                    <span class="meter">
                        <svg viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                            <rect class="track" width="100" height="10" />
                            <rect class="fill" width={OneDecimal(bar.score.unwrap_or(0.0)).to_string()} height="10" />
                        </svg>
                        <span class="value">{ format_score(bar.score) }</span>
                    </span>
                </li>
            }) }
        </ul>
    }
}
