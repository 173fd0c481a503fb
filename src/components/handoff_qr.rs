//! "Take this result with you": a QR code of a link that opens these answers on a phone, the
//! answers in the link's fragment (never sent to a server). Its address is the app's own when a
//! phone can open it, else the config's `handoff_url` (`handoff::link_base`); with neither, the
//! reason is shown instead. Part of the printed report. The code is drawn by the report's worker
//! (`report_worker.rs`), so that the QR encoder is not part of the first load.

use assessment::{AnswerSheet, Date, LinkBase, NoLink, Questionnaire};
use yew::prelude::*;

use crate::i18n::Lang;
use crate::report_worker::{ask, field};
use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct HandoffQrProps {
    pub lang: Lang,
    pub questionnaire: Shared<Questionnaire>,
    pub sheet: AnswerSheet,
    /// The assessment's date, which the code carries.
    pub date: Date,
    pub link: Result<LinkBase, NoLink>,
    /// On a kiosk, which offers no file: the reason for no code says to print.
    pub kiosk: bool,
}

/// Modules of quiet zone around the code, as the standard asks.
const QUIET: usize = 4;

/// The dark modules (`modules`: `size` rows of `0` and `1`, as the report's worker draws them)
/// as one SVG path of unit squares: numbers only, no text from outside.
fn path(size: usize, modules: &str) -> Option<String> {
    use std::fmt::Write;
    if size == 0 || modules.len() != size * size {
        return None;
    }
    let mut d = String::new();
    for (i, module) in modules.bytes().enumerate() {
        match module {
            b'1' => {
                let _ = write!(d, "M{},{}h1v1h-1z", i % size + QUIET, i / size + QUIET);
            }
            b'0' => {}
            _ => return None,
        }
    }
    Some(d)
}

/// What the section shows: the code drawn, still to come from the worker, or why there is none.
#[derive(Clone, PartialEq)]
enum Drawn {
    Waiting,
    Code {
        link: String,
        size: usize,
        d: String,
    },
    None(NoCode),
}

#[derive(Clone, Copy, PartialEq)]
enum NoCode {
    Link(NoLink),
    TooLong,
    /// The report's worker, which draws the code, could not be had.
    Unavailable,
}

#[component]
pub fn HandoffQr(props: &HandoffQrProps) -> Html {
    let s = props.lang.strings();
    let drawn = use_state(|| Drawn::Waiting);
    {
        let drawn = drawn.clone();
        use_effect_with(
            (
                props.questionnaire.clone(),
                props.sheet.clone(),
                props.date,
                props.link.clone(),
            ),
            move |(q, sheet, date, link)| {
                let base = match link {
                    Ok(base) => base.clone(),
                    Err(reason) => return drawn.set(Drawn::None(NoCode::Link(*reason))),
                };
                let Ok(code) = assessment::handoff::encode(q, sheet, *date) else {
                    return drawn.set(Drawn::None(NoCode::TooLong));
                };
                let link = base.link(&code);
                ask(
                    &[
                        ("kind", "qr".into()),
                        ("base", base.as_str().into()),
                        ("code", code.as_str().into()),
                    ],
                    move |reply| {
                        let too_long = reply
                            .as_ref()
                            .and_then(|r| field(r, "error"))
                            .and_then(|e| e.as_string())
                            .as_deref()
                            == Some("too_long");
                        let qr = reply.as_ref().and_then(|r| field(r, "qr"));
                        let size = qr
                            .as_ref()
                            .and_then(|q| field(q, "size"))
                            .and_then(|s| s.as_f64());
                        let modules = qr
                            .as_ref()
                            .and_then(|q| field(q, "modules"))
                            .and_then(|m| m.as_string());
                        drawn.set(
                            match size.zip(modules).and_then(|(size, m)| {
                                let size = size as usize;
                                path(size, &m).map(|d| (size + 2 * QUIET, d))
                            }) {
                                Some((size, d)) => Drawn::Code { link, size, d },
                                // The worker says when the address and code do not fit; anything
                                // else (no worker, offline before it was kept) is not "too long".
                                None if too_long => Drawn::None(NoCode::TooLong),
                                None => Drawn::None(NoCode::Unavailable),
                            },
                        );
                    },
                );
            },
        );
    }
    let reason = match &*drawn {
        Drawn::Code { .. } | Drawn::Waiting => None,
        Drawn::None(NoCode::Link(NoLink::Embedded)) => Some(s.handoff_none_embedded),
        Drawn::None(NoCode::Link(NoLink::NotPublic)) if props.kiosk => Some(s.handoff_none_kiosk),
        Drawn::None(NoCode::Link(NoLink::NotPublic)) => Some(s.handoff_none_local),
        Drawn::None(NoCode::TooLong) => Some(s.handoff_none_too_long),
        Drawn::None(NoCode::Unavailable) => Some(s.handoff_none_unavailable),
    };
    html! {
        // Without a code the section is for the screen only: on paper it would say nothing useful.
        <section class={classes!("handoff", "report-section", reason.is_some().then_some("no-print"))}
            aria-labelledby="handoff-title">
            <h2 id="handoff-title">{ s.handoff_title }</h2>
            if let Drawn::Code { link, size, d } = (*drawn).clone() {
                <div class="handoff-code">
                    <svg class="qr" viewBox={format!("0 0 {size} {size}")} role="img"
                        aria-label={s.handoff_qr_label} shape-rendering="crispEdges">
                        <rect width={size.to_string()} height={size.to_string()} fill="#fff" />
                        <path d={d} fill="#000" />
                    </svg>
                    <div>
                        <p>{ s.handoff_scan }</p>
                        <details class="no-print">
                            <summary>{ s.handoff_show_link }</summary>
                            <p class="handoff-link">{ link }</p>
                        </details>
                    </div>
                </div>
            }
            if let Some(reason) = reason {
                <p class="handoff-none">{ reason }</p>
            }
        </section>
    }
}
