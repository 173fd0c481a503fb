//! The dimensions as a radar chart, drawn as inline SVG. Every score is written beside its point
//! and in the chart's description, so that it reads without colour and without sight.

use assessment::{format_score, OneDecimal as D};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RadarChartProps {
    pub title: AttrValue,
    /// Each axis: its label and its score 0–100 (`None`: not scored yet, drawn at the centre).
    pub axes: Vec<(AttrValue, Option<f64>)>,
    /// An earlier assessment's scores on the same axes, drawn as a dashed shape, with the legend's
    /// two entries (earlier, now): told apart by line style and words, not only colour.
    #[prop_or_default]
    pub earlier: Option<(Vec<Option<f64>>, AttrValue, AttrValue)>,
}

const SIZE: f64 = 360.0;
const CENTRE: f64 = SIZE / 2.0;
const RADIUS: f64 = 110.0;
/// Room beside the square for the axis labels, which are wider than they are tall.
const MARGIN: f64 = 90.0;

/// The point at `fraction` of the radius on axis `i` of `n`, the first pointing up.
fn point(i: usize, n: usize, fraction: f64) -> (f64, f64) {
    let angle = -std::f64::consts::FRAC_PI_2 + std::f64::consts::TAU * i as f64 / n as f64;
    // The browser's sine and cosine: Rust's own would add their code to the wasm.
    (
        CENTRE + RADIUS * fraction * js_sys::Math::cos(angle),
        CENTRE + RADIUS * fraction * js_sys::Math::sin(angle),
    )
}

fn polygon(points: impl Iterator<Item = (f64, f64)>) -> String {
    points
        .map(|(x, y)| format!("{},{}", D(x), D(y)))
        .collect::<Vec<_>>()
        .join(" ")
}

#[component]
pub fn RadarChart(props: &RadarChartProps) -> Html {
    let n = props.axes.len().max(3);
    let mut description = props
        .axes
        .iter()
        .map(|(label, score)| format!("{label}: {}", format_score(*score)))
        .collect::<Vec<_>>()
        .join("; ");
    let earlier = props.earlier.as_ref().map(|(scores, then, now)| {
        let shape = polygon(
            scores
                .iter()
                .enumerate()
                .map(|(i, s)| point(i, n, s.unwrap_or(0.0) / 100.0)),
        );
        let then_scores = props
            .axes
            .iter()
            .zip(scores)
            .map(|((label, _), score)| format!("{label}: {}", format_score(*score)))
            .collect::<Vec<_>>()
            .join("; ");
        description = format!("{now} — {description}. {then} — {then_scores}.");
        (shape, then.clone(), now.clone())
    });
    let height = if earlier.is_some() { SIZE + 50.0 } else { SIZE };
    let rings = [0.2, 0.4, 0.6, 0.8, 1.0].map(|f| polygon((0..n).map(|i| point(i, n, f))));
    let shape = polygon(
        props
            .axes
            .iter()
            .enumerate()
            .map(|(i, (_, s))| point(i, n, s.unwrap_or(0.0) / 100.0)),
    );
    html! {
        <svg class="radar" viewBox={format!("{} 0 {} {}", D(-MARGIN), D(SIZE + 2.0 * MARGIN), D(height))} role="img"
            aria-labelledby="radar-title radar-desc">
            <title id="radar-title">{ &props.title }</title>
            <desc id="radar-desc">{ description }</desc>
            <g class="grid">
                { for rings.into_iter().map(|r| html! { <polygon points={r} /> }) }
                { for (0..n).map(|i| {
                    let (x, y) = point(i, n, 1.0);
                    html! { <line x1={D(CENTRE).to_string()} y1={D(CENTRE).to_string()}
                        x2={D(x).to_string()} y2={D(y).to_string()} /> }
                }) }
            </g>
            if let Some((shape, _, _)) = &earlier {
                <polygon class="shape earlier" points={shape.clone()} />
            }
            <polygon class="shape" points={shape} />
            if let Some((_, then, now)) = &earlier {
                <g class="legend" aria-hidden="true">
                    <line class="earlier" x1="0" y1={D(SIZE + 10.0).to_string()} x2="40" y2={D(SIZE + 10.0).to_string()} />
                    <text x="48" y={D(SIZE + 15.0).to_string()}>{ then.clone() }</text>
                    <line x1="0" y1={D(SIZE + 36.0).to_string()} x2="40" y2={D(SIZE + 36.0).to_string()} />
                    <text x="48" y={D(SIZE + 41.0).to_string()}>{ now.clone() }</text>
                </g>
            }
            { for props.axes.iter().enumerate().map(|(i, (label, score))| {
                let (px, py) = point(i, n, score.unwrap_or(0.0) / 100.0);
                let (lx, ly) = point(i, n, 1.28);
                let anchor = if (lx - CENTRE).abs() < 1.0 { "middle" }
                    else if lx > CENTRE { "start" } else { "end" };
                html! {
                    <g class="axis">
                        <circle cx={D(px).to_string()} cy={D(py).to_string()} r="5" />
                        <text class="label" x={D(lx).to_string()} y={D(ly).to_string()}
                            text-anchor={anchor}>{ label }</text>
                        <text class="value" x={D(lx).to_string()} y={D(ly + 20.0).to_string()}
                            text-anchor={anchor}>{ format_score(*score) }</text>
                    </g>
                }
            }) }
        </svg>
    }
}
