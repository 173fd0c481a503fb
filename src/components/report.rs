//! The report: overall score and stage, critical gaps first, the dimensions as chart and bars with
//! the bottleneck, the data-export path, each answer beside the paper's benchmark, ranked
//! recommendations and the action plan. Everything shown is read from the core's `Report`.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::render::request_animation_frame;
use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::components::score_bars::Bar;
use crate::components::section::short_title;
use crate::components::{
    AnswersFile, CriticalGaps, ExportPath, ItemResults, RadarChart, Recommendations, ScoreBars,
};
use crate::state::{Action, Screen, State};
use assessment::format_score;

#[derive(Properties, PartialEq)]
pub struct ReportPageProps {
    pub state: Rc<State>,
    pub send: Callback<Action>,
    /// Shown after the report, before its buttons: the embedding's share section.
    #[prop_or_default]
    pub children: Html,
}

/// Today's date as YYYY-MM-DD in the person's time zone.
pub fn today() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}

/// Puts the questionnaire version, the date and the page number in the margins of every printed
/// page. A constructable stylesheet, because a printed footer needs `@page` margin boxes, whose
/// content cannot come from the document, and because CSP allows it where a `<style>` would not be.
fn set_print_footer(text: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(sheet) = web_sys::CssStyleSheet::new() else {
        return;
    };
    // The text goes in only as a serialised CSS string token, never as raw text: it holds the
    // questionnaire's id and version, which come from outside.
    let rule = format!(
        "@page {{ @bottom-left {{ content: {}; font: 8pt sans-serif; color: #4a5560; }} \
         @bottom-right {{ content: counter(page) \" / \" counter(pages); font: 8pt sans-serif; color: #4a5560; }} }}",
        css_string(text)
    );
    if sheet.replace_sync(&rule).is_ok() {
        // `adoptedStyleSheets` is behind web-sys's unstable APIs; it is a plain property.
        let _ = js_sys::Reflect::set(
            &document,
            &"adoptedStyleSheets".into(),
            &js_sys::Array::of1(&sheet),
        );
    }
}

/// `text` as a CSS string token, quotes included. Every character but letters, digits, spaces and a
/// few harmless marks is written as a hex escape (`\22 `, `\a `, `\7d `), so no text can end the
/// string, the declaration or the rule, whatever it holds.
pub fn css_string(text: &str) -> String {
    use std::fmt::Write;
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        if c.is_alphanumeric() || matches!(c, ' ' | '.' | '-' | '_' | '·' | ':' | ',') {
            out.push(c);
        } else {
            // CSS turns an escaped NUL into U+FFFD anyway; say so rather than rely on it.
            let code = if c == '\0' { 0xFFFD } else { u32::from(c) };
            let _ = write!(out, "\\{code:x} ");
        }
    }
    out.push('"');
    out
}

/// False on a component's first render, true once that render has been painted. The report shows
/// its head and summary at once and adds everything below them a frame later: building all of it
/// before the first paint was what made opening the report slow.
#[hook]
fn use_painted() -> bool {
    let painted = use_state(|| false);
    {
        let painted = painted.clone();
        use_effect_with((), move |_| {
            // A frame callback runs just before its frame is painted; a timeout set there runs after.
            let timeout = Rc::new(RefCell::new(None));
            let pending = timeout.clone();
            let frame = request_animation_frame(move |_| {
                *pending.borrow_mut() = Some(Timeout::new(0, move || painted.set(true)));
            });
            move || {
                drop(frame);
                drop(timeout.take());
            }
        });
    }
    *painted
}

#[component]
pub fn ReportPage(props: &ReportPageProps) -> Html {
    let state = &props.state;
    let lang = state.lang;
    let s = lang.strings();
    let tag = lang.lang_tag();
    let q = &state.questionnaire;
    let doc = q.doc();
    let report = &state.report;
    let date = use_memo((), |_| today());
    let version = format!("{} {}", doc.id, doc.version);
    let painted = use_painted();
    // With the rest of the report, not before the first paint: a new style sheet restyles the page.
    use_effect_with(
        (format!("{version} · {date}"), painted),
        |(footer, painted)| {
            if *painted {
                set_print_footer(footer);
            }
        },
    );

    let stage = report.stage.as_ref().and_then(|id| q.stage(id));
    let bottleneck = report.bottleneck.clone();
    let dimensions: Vec<_> = doc.dimensions.iter().zip(&report.dimensions).collect();
    let axes = dimensions
        .iter()
        .map(|(d, r)| {
            (
                AttrValue::from(short_title(d.title.get(&tag)).to_owned()),
                r.score,
            )
        })
        .collect::<Vec<_>>();
    let bars = dimensions
        .iter()
        .map(|(d, r)| Bar {
            label: d.title.get(&tag).to_owned().into(),
            score: r.score,
            note: (bottleneck.as_ref() == Some(&d.id)).then(|| AttrValue::from(s.bottleneck)),
        })
        .collect::<Vec<_>>();
    let caps = dimensions.iter().filter(|(_, r)| r.capped).map(|(d, r)| {
        let cap = d.critical_cap.map(|c| (c.round() as i64).to_string()).unwrap_or_default();
        html! { <p class="cap">{ short_title(d.title.get(&tag)) }{ s.colon }{ lang.capped(&cap, &format_score(r.uncapped)) }</p> }
    });
    let gaps: Vec<_> = report
        .critical_gaps
        .iter()
        .map(|g| g.item.clone())
        .collect();
    let print = Callback::from(|_: MouseEvent| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    });

    html! {
        <article class="report" aria-labelledby="screen-title" aria-busy={(!painted).then_some("true")}>
            <header class="report-head">
                <h1 id="screen-title" tabindex="-1">{ s.report_title }</h1>
                <p class="subtitle">{ doc.title.get(&tag) }</p>
                <dl class="meta">
                    <dt>{ s.date }</dt><dd>{ (*date).clone() }</dd>
                    <dt>{ s.questionnaire }</dt><dd>{ version.clone() }</dd>
                </dl>
            </header>

            if !report.complete {
                <div class="partial no-print-border" role="note">
                    <p>{ lang.partial(report.missing.len()) }</p>
                    <button type="button" class="link no-print"
                        onclick={props.send.reform(|_| Action::Go(Screen::Review))}>{ s.answer_them }</button>
                </div>
            }

            <section class="summary report-section" aria-labelledby="summary-title">
                <h2 id="summary-title" class="visually-hidden">{ s.overall }</h2>
                <div class="score-card">
                    <p class="overall"><span class="label">{ s.overall }</span>
                        <span class="value" data-score={format_score(report.overall)}>{ format_score(report.overall) }</span>
                        <span class="unit">{ "/ 100" }</span></p>
                    if let Some(stage) = stage {
                        <p class="stage"><span class="label">{ s.stage }</span>
                            <span class="value" data-stage={stage.id.to_string()}>{ stage.label.get(&tag) }</span></p>
                        <p class="meaning">{ stage.meaning.get(&tag) }</p>
                    }
                </div>
            </section>

            if painted {
                if !gaps.is_empty() {
                    <CriticalGaps lang={lang} questionnaire={q.clone()} items={gaps} />
                }

                <section class="dimensions report-section" aria-labelledby="dimensions-title">
                    <h2 id="dimensions-title">{ s.dimensions_title }</h2>
                    <div class="charts">
                        <RadarChart title={s.chart_title} axes={axes} />
                        <ScoreBars title={s.dimensions_title} bars={bars} />
                    </div>
                    if let Some((d, _)) = dimensions.iter().find(|(d, _)| Some(&d.id) == bottleneck.as_ref()) {
                        <p class="bottleneck"><strong>{ s.bottleneck }{ s.colon }</strong>
                            { d.title.get(&tag) }{ " — " }{ d.description.get(&tag) }</p>
                    }
                    { for caps }
                </section>

                <ExportPath lang={lang} questionnaire={q.clone()} decision={report.export_path.clone()}
                    routes={report.routes.clone()} />
                <Recommendations lang={lang} questionnaire={q.clone()} report={report.clone()} />
                <ItemResults lang={lang} questionnaire={q.clone()} report={report.clone()} />

                <p class="disclaimer">{ doc.disclaimer.get(&tag) }</p>
                { props.children.clone() }

                <div class="actions no-print">
                    <button type="button" class="button primary" onclick={print}>{ s.print }</button>
                    <button type="button" class="button" onclick={props.send.reform(|_| Action::Go(Screen::Section(assessment::SectionId::Profile)))}>
                        { s.change_answers }
                    </button>
                    <button type="button" class="button" onclick={props.send.reform(|_| Action::StartOver)}>
                        { s.start_over }
                    </button>
                </div>
                if state.files_allowed() {
                    <AnswersFile lang={lang} sheet={state.sheet.clone()} send={props.send.clone()} />
                }
            }
        </article>
    }
}

#[cfg(test)]
mod tests {
    use super::css_string;

    #[test]
    fn css_strings_cannot_be_ended_by_their_text() {
        for (text, css) in [
            ("digital-trade 1.0.0 · 2026-11-25", "\"digital-trade 1.0.0 · 2026-11-25\""),
            ("出口 1.0.0", "\"出口 1.0.0\""),
            ("a\"b", "\"a\\22 b\""),
            ("a\\b", "\"a\\5c b\""),
            (
                "1.0\n} @page { x: url(https://e.example/?s=1) }",
                "\"1.0\\a \\7d  \\40 page \\7b  x: url\\28 https:\\2f \\2f e.example\\2f \\3f s\\3d 1\\29  \\7d \"",
            ),
            ("\0", "\"\\fffd \""),
        ] {
            assert_eq!(css_string(text), css, "{text:?}");
        }
    }
}
