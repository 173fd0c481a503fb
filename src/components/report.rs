//! The report, a short action document: what is still missing (a partial report says so first),
//! then the verdict on the first screen (score, stage in words, critical gaps, the first action;
//! a kiosk's hand-off code), the critical gaps and the first steps, open; then, each folded to a
//! line that says what it holds, the rest of the plan by horizon, the progress since an earlier
//! assessment, the dimensions with the ladder of stages and the bottleneck, the data-export path,
//! the rules of the firm's markets, and each answer beside the paper's benchmark; the hand-off;
//! and whom it describes, folded, at the end. Printed, every fold is open. Everything shown is
//! read from the core's `ReportView`, the report resolved in the page's language: no part of the
//! report looks an id up.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::market_obligations;
use crate::components::score_bars::Bar;
use crate::components::verdict::headline;
use crate::components::{
    AnswersFile, ComparisonSection, CriticalGaps, EarlierAssessments, ExportPath, Fold, HandoffQr,
    ItemResults, MarketObligations, MissingAnswers, RadarChart, Recommendations, SaveResult,
    ScoreBars, StageLadder, Verdict,
};
use crate::hooks::{use_obligations, Obligations};
use crate::i18n::Strings;
use crate::paint::use_painted;
use crate::report_worker::message::Sources;
use crate::route::Screen;
use crate::state::EarlierFrom;
use crate::state::{Action, Shared, State};
use assessment::plan::{missing_by_section, Missing};
use assessment::{format_score, obligations, plan_with, Completeness, PathView, ReportView};
use assessment::{LinkBase, NoLink};

#[derive(Properties, PartialEq)]
pub struct ReportPageProps {
    pub state: Rc<State>,
    pub send: Callback<Action>,
    /// Shown after the report, before its buttons: the embedding's share section.
    #[prop_or_default]
    pub children: Html,
    /// Where a hand-off link points, or why there is none.
    pub link: Result<LinkBase, NoLink>,
    /// The files the markets and goods are made from (`None`: no such section).
    pub obligations: Option<Rc<Sources>>,
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

/// The markets-and-goods section when there is no catalogue to show: why, and the catalogue's
/// problems when it was refused (on screen only).
fn no_obligations(title: &'static str, why: &'static str, problems: Option<&[String]>) -> Html {
    html! {
        <section class="obligations report-section no-print" aria-labelledby="obligations-title">
            <h2 id="obligations-title">{ title }</h2>
            <p>{ why }</p>
            if let Some(problems) = problems {
                <ul class="problems">
                    { for problems.iter().map(|p| html! { <li>{ p }</li> }) }
                </ul>
            }
        </section>
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

#[component]
pub fn ReportPage(props: &ReportPageProps) -> Html {
    let state = &props.state;
    let lang = state.lang;
    let s = Strings::of(lang);
    // The report with its ids resolved in this language: this page and its parts only render it.
    let tag = lang.lang_tag();
    let (q, report) = (&state.questionnaire, &state.report);
    let view = ReportView::new(q, report, &tag);
    let outline = view.outline();
    // The assessment's date: the day its answers last changed (today for a new one).
    let assessment_date = state.assessment_date();
    let date =
        Rc::new(assessment_date.map_or_else(|| s.handoff.undated.to_owned(), |d| d.to_string()));
    let version = format!("{} {}", view.reference().id, view.reference().version);
    let painted = use_painted();
    // The markets and goods, from the report's worker.
    let obligations = use_obligations(state, props.obligations.clone());
    let page = match &obligations {
        Obligations::Shown(page) => Some(page.clone()),
        _ => None,
    };
    // The plan (first steps, the rest by horizon, what is missing), made once per report and
    // language: the missing notice and the recommendations both read it.
    // Only once the first screen is painted: resolving every recommendation's texts is what
    // would delay it. What is missing, which leads a partial report, is cheap and comes at once.
    // The duties in force among the first steps come with the obligations worker's page, a
    // moment after the rest: the core places them.
    let plan = use_memo(
        (
            state.questionnaire.clone(),
            report.clone(),
            lang,
            painted,
            page.clone(),
        ),
        |(q, report, lang, painted, page)| {
            painted.then(|| Shared::new(plan_with(q, report, page.as_deref(), &lang.lang_tag())))
        },
    );
    // The duties among the first steps: the markets' section prints what they ask only once.
    let first_duties: Vec<String> = (*plan)
        .as_ref()
        .map(|plan| {
            plan.first_steps
                .iter()
                .filter_map(|st| match &st.action {
                    assessment::Action::Duty { obligation } => Some(obligation.clone()),
                    assessment::Action::Recommendation(_) => None,
                })
                .collect()
        })
        .unwrap_or_default();
    let missing = use_memo(
        (state.questionnaire.clone(), report.clone()),
        |(q, report)| Shared::new(missing_by_section(q, report)),
    );
    let missing: Shared<Vec<Missing>> = (*missing).clone();
    let profile = if painted {
        view.profile(&state.sheet)
    } else {
        Vec::new()
    };
    // With the rest of the report, not before the first paint: a new style sheet restyles the page.
    use_effect_with(
        (format!("{version} · {date}"), painted),
        |(footer, painted)| {
            if *painted {
                set_print_footer(footer);
            }
        },
    );

    let dimensions: Vec<_> = view.dimensions().collect();
    let axes = dimensions
        .iter()
        .map(|d| (AttrValue::from(d.short_title.to_owned()), d.score))
        .collect::<Vec<_>>();
    let bars = dimensions
        .iter()
        .map(|d| Bar {
            label: d.title.to_owned().into(),
            score: d.score,
            note: d.bottleneck.then(|| AttrValue::from(s.report.bottleneck)),
        })
        .collect::<Vec<_>>();
    // The cap written as every score is, by the core's `format_score`.
    let caps = dimensions.iter().filter(|d| d.capped).map(|d| {
        let capped = s
            .report
            .capped(&format_score(d.cap), &format_score(d.uncapped));
        html! { <p class="cap">{ d.short_title }{ s.common.colon }{ capped }</p> }
    });
    let dimensions_title = s.report.dimensions_title(&outline);
    let comparing = state.comparing.clone();
    let then = comparing.as_ref().map(|c| {
        AttrValue::from(
            c.earlier
                .date
                .map_or_else(|| s.handoff.undated.to_owned(), |d| d.to_string()),
        )
    });
    let earlier_axes = comparing.as_ref().zip(then.clone()).map(|(c, then)| {
        let scores = c
            .comparison
            .dimensions
            .iter()
            .map(|d| d.score.before)
            .collect::<Vec<_>>();
        (
            scores,
            AttrValue::from(format!("{} ({then})", s.handoff.legend_then)),
            AttrValue::from(format!("{} ({})", s.handoff.legend_now, date)),
        )
    });
    let comparing_key = comparing.as_ref().and_then(|c| match &c.from {
        EarlierFrom::History(key) => Some(key.clone()),
        _ => None,
    });
    let kiosk = state.mode.is_kiosk();
    let handoff = assessment_date.map(|d| {
        html! {
            <HandoffQr lang={lang} questionnaire={q.clone()} sheet={state.sheet.clone()} date={d}
                link={props.link.clone()} kiosk={kiosk} />
        }
    });
    // The answers file carries the assessment's date.
    let dated_sheet = state.dated_sheet();
    let save_result = {
        let state = state.clone();
        Callback::from(move |with_answers: bool| {
            let record = state.result_record(with_answers);
            let name = format!("assessment-result-{}.json", crate::clock::today());
            crate::components::answers_file::download(&record.to_json(), "application/json", &name);
        })
    };
    let print = Callback::from(|_: MouseEvent| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    });

    // Folded parts, each to a line that says what it holds.
    let bottleneck_line = dimensions
        .iter()
        .map(|d| {
            let score = format_score(d.score);
            html! {
                <span class={classes!("nowrap", d.bottleneck.then_some("weakest"))}>
                    { d.short_title }{ " " }{ score }
                </span>
            }
        })
        .collect::<Vec<_>>();
    let dimensions_line = html! {
        <>{ for bottleneck_line.into_iter().enumerate().map(|(i, part)| html! {
            <>{ (i > 0).then_some(" · ") }{ part }</>
        }) }</>
    };
    let export_line = match view.export_path() {
        PathView::Decided(o) => o.title.to_owned(),
        PathView::Pending => s.report.export_pending.to_owned(),
        PathView::Uncovered => s.report.export_uncovered.to_owned(),
    };
    let answered = dimensions
        .iter()
        .flat_map(|d| d.items())
        .filter(|i| i.level.is_some())
        .count();
    let items_line = s.report.items_line(answered, view.has_benchmarks());
    let obligations_line = page.as_ref().map(|page| {
        let counts = obligations::Group::ALL
            .into_iter()
            .map(|g| (g, page.entries.iter().filter(|e| e.group == g).count()))
            .filter(|(_, n)| *n > 0)
            .map(|(g, n)| format!("{}{}{n}", market_obligations::heading(s, g), s.common.colon))
            .collect::<Vec<_>>();
        let counts = if counts.is_empty() {
            s.obligations.obligations_none.to_owned()
        } else {
            counts.join(" · ")
        };
        // The currency warning comes first: folded, the section shows only this line.
        match page.stale_note(&lang.lang_tag()) {
            Some(note) => format!("⚠ {note} · {counts}"),
            None => counts,
        }
    });
    // The markets and goods: the section, or why there is none (for the screen only).
    let obligations_section = match obligations {
        Obligations::Shown(page) => html! {
            <Fold name="obligations" title={s.obligations.obligations_title}
                line={obligations_line.map(|line| html! { { line } })}>
                <MarketObligations lang={lang} page={page} first_steps={first_duties.clone()} />
            </Fold>
        },
        Obligations::Refused(problems) => no_obligations(
            s.obligations.obligations_title,
            s.obligations.obligations_refused,
            Some(problems.as_slice()),
        ),
        Obligations::Unavailable => no_obligations(
            s.obligations.obligations_title,
            s.obligations.obligations_unavailable,
            None,
        ),
        Obligations::Asking => html! {},
    };
    let profile_line = profile
        .iter()
        .map(|line| line.answer_text())
        .collect::<Vec<_>>()
        .join(" · ");
    // A kiosk's visitor leaves with the code or nothing: it is on the first screen.
    let kiosk_code = if painted && kiosk {
        handoff.clone()
    } else {
        None
    };

    html! {
        <article class="report" aria-labelledby="screen-title" aria-busy={(!painted).then_some("true")}>
            <header class="report-head">
                <h1 id="screen-title" tabindex="-1">{ s.report.report_title }
                    <span class="report-date">{ (*date).clone() }</span></h1>
            </header>

            if Completeness::of(report) != Completeness::Complete {
                <MissingAnswers lang={lang} questionnaire={q.clone()} missing={missing} send={props.send.clone()} />
            }

            <Verdict lang={lang} questionnaire={q.clone()} report={report.clone()}
                plan={(*plan).clone()} comparing={comparing.clone()}>
                { for kiosk_code }
            </Verdict>

            if painted {
                if view.critical_gaps().next().is_some() {
                    <CriticalGaps lang={lang} questionnaire={q.clone()} report={report.clone()} />
                }
                if let Some(plan) = (*plan).clone() {
                    <Recommendations lang={lang} questionnaire={q.clone()} report={report.clone()} plan={plan} />
                }

                if let (Some(c), Some(then)) = (comparing.clone(), then.clone()) {
                    <Fold name="comparison" title={s.handoff.progress_since(&then)}
                        line={html! { <>{ headline(lang, q, &c) }</> }}>
                        <ComparisonSection lang={lang} questionnaire={q.clone()} comparing={c}
                            dates={(then, AttrValue::from((*date).clone()))} />
                    </Fold>
                }

                <Fold name="dimensions" title={dimensions_title.clone()} line={dimensions_line}>
                    <section class="dimensions report-section" aria-labelledby="dimensions-title">
                        <h2 id="dimensions-title">{ dimensions_title.clone() }</h2>
                        <StageLadder lang={lang} questionnaire={q.clone()} report={report.clone()} />
                        <div class="charts">
                            // A radar needs three axes to be a shape: fewer dimensions are bars only.
                            if axes.len() >= 3 {
                                <RadarChart title={s.report.chart_title(&outline)} axes={axes} earlier={earlier_axes} />
                            }
                            <ScoreBars title={dimensions_title} bars={bars} />
                        </div>
                        if let Some(d) = dimensions.iter().find(|d| d.bottleneck) {
                            <p class="bottleneck"><strong>{ s.report.bottleneck }{ s.common.colon }</strong>
                                { d.title }{ " — " }{ d.description }</p>
                        }
                        { for caps }
                    </section>
                </Fold>

                <Fold name="export" title={s.report.export_title} line={html! { { export_line } }}>
                    <ExportPath lang={lang} questionnaire={q.clone()} report={report.clone()} />
                </Fold>
                { obligations_section }
                <Fold name="items" title={s.report.items_title(view.has_benchmarks())} line={html! { { items_line } }}>
                    <ItemResults lang={lang} questionnaire={q.clone()} report={report.clone()} />
                </Fold>

                if !kiosk {
                    { for handoff }
                }
                if !profile.is_empty() {
                    <Fold name="firm" title={s.report.firm} line={html! { { profile_line } }}>
                        <section class="firm report-section" aria-labelledby="firm-title">
                            <h2 id="firm-title">{ s.report.firm }</h2>
                            <dl>
                                { for profile.iter().map(|line| html! {
                                    <div><dt>{ line.question }</dt><dd>{ line.answer_text() }</dd></div>
                                }) }
                                <div><dt>{ s.report.questionnaire }</dt><dd>{ version.clone() }</dd></div>
                            </dl>
                        </section>
                    </Fold>
                }
                <p class="disclaimer">{ view.disclaimer() }</p>
                { props.children.clone() }

                <div class="actions no-print">
                    <button type="button" class="button primary" onclick={print}>{ s.common.print }</button>
                    <button type="button" class="button" onclick={props.send.reform(|_| Action::Go(Screen::Section(assessment::SectionId::Profile)))}>
                        { s.report.change_answers }
                    </button>
                    <button type="button" class="button" onclick={props.send.reform(|_| Action::StartOver)}>
                        { s.start.start_over }
                    </button>
                </div>
                if state.files_allowed() {
                    <EarlierAssessments lang={lang} history={state.history.clone()}
                        comparing={comparing_key} compared={comparing.is_some()} send={props.send.clone()} />
                    <AnswersFile lang={lang} sheet={dated_sheet} send={props.send.clone()} />
                    <SaveResult lang={lang} questionnaire={q.clone()} on_save={save_result} />
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
