//! "Take this result with you": a link that opens these answers on another device, the answers in
//! the link's fragment (never sent to a server), and its QR code. Its address is the app's own
//! when a phone can open it, else the config's `handoff_url` (`handoff::link_base`); with neither,
//! the reason is shown instead. The hand-off fits the device: on a kiosk, the code to scan (its
//! clipboard would hand the link to the next visitor); on a person's own device, the link shared
//! (Web Share where the browser has it) or copied, and the code beside it, which a phone's screen
//! leaves out (a phone cannot scan itself). Part of the printed report. The code is drawn by the
//! report's worker (`hooks::use_report_worker`), so that the QR encoder is not part of the first
//! load.

use assessment::{AnswerSheet, Date, LinkBase, NoLink, Questionnaire};
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use crate::hooks::{use_report_worker, Asked};
use crate::i18n::{Lang, Strings};
use crate::report_worker::message::{Failure, Qr, Reply, Request};
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

/// The dark modules of `qr` as one SVG path of unit squares: numbers only, no text from outside.
fn path(qr: &Qr) -> String {
    use std::fmt::Write;
    let mut d = String::new();
    for (i, _) in qr.modules.iter().enumerate().filter(|(_, dark)| **dark) {
        let _ = write!(
            d,
            "M{},{}h1v1h-1z",
            i % qr.size + QUIET,
            i / qr.size + QUIET
        );
    }
    d
}

/// What became of sending the link: copied, or not (the link is then shown to copy by hand).
#[derive(Clone, Copy, PartialEq)]
enum Sent {
    Not,
    Copied,
    Failed,
}

/// The browser's `navigator`, and its method `name` if it has one (Web Share and the clipboard
/// are not in every browser, nor in an insecure context).
fn navigator_method(name: &str) -> Option<(JsValue, js_sys::Function)> {
    let navigator: JsValue = web_sys::window()?.navigator().into();
    let (this, name) = match name.split_once('.') {
        Some((object, method)) => (
            js_sys::Reflect::get(&navigator, &object.into()).ok()?,
            method,
        ),
        None => (navigator, name),
    };
    let method = js_sys::Reflect::get(&this, &name.into()).ok()?;
    let method = method.dyn_into::<js_sys::Function>().ok()?;
    Some((this, method))
}

/// Hands `link` to the system's share sheet, or else copies it; `done` hears how it went. A share
/// the person cancels is no failure.
fn send(link: &str, title: &str, done: Callback<Sent>) {
    let link = JsValue::from_str(link);
    let promise = if let Some((navigator, share)) = navigator_method("share") {
        let data = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&data, &"url".into(), &link);
        let _ = js_sys::Reflect::set(&data, &"title".into(), &title.into());
        share.call1(&navigator, &data).map(|p| (p, false))
    } else if let Some((clipboard, write)) = navigator_method("clipboard.writeText") {
        write.call1(&clipboard, &link).map(|p| (p, true))
    } else {
        return done.emit(Sent::Failed);
    };
    let Ok((promise, copying)) = promise else {
        return done.emit(Sent::Failed);
    };
    let Ok(promise) = promise.dyn_into::<js_sys::Promise>() else {
        return done.emit(Sent::Failed);
    };
    wasm_bindgen_futures::spawn_local(async move {
        match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(_) if copying => done.emit(Sent::Copied),
            Ok(_) => done.emit(Sent::Not),
            Err(_) if copying => done.emit(Sent::Failed),
            Err(_) => {}
        }
    });
}

/// What the section shows: the code drawn, still to come from the worker, or why there is none.
#[derive(Clone, PartialEq)]
enum Drawn {
    Waiting,
    Code { size: usize, d: String },
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
    let s = Strings::of(props.lang);
    // The link and the code's request, as soon as the answers are: the link is sent without
    // waiting for the code to be drawn.
    let made = use_memo(
        (
            props.questionnaire.clone(),
            props.sheet.clone(),
            props.date,
            props.link.clone(),
        ),
        |(q, sheet, date, link)| {
            let base = link.clone().map_err(NoCode::Link)?;
            let code = assessment::handoff::encode(q, sheet, *date).map_err(|_| NoCode::TooLong)?;
            let request = Request::Qr {
                base: base.as_str().to_owned(),
                code: code.as_str().to_owned(),
            };
            Ok((base.link(&code), request))
        },
    );
    let asked = use_report_worker((*made).as_ref().ok().map(|(_, request)| request.clone()));
    let drawn = match (&*made, asked) {
        (Err(reason), _) => Drawn::None(*reason),
        (Ok(_), Asked::Asking) => Drawn::Waiting,
        (Ok(_), Asked::Replied(reply)) => match &*reply {
            Reply::Qr(qr) => Drawn::Code {
                size: qr.size + 2 * QUIET,
                d: path(qr),
            },
            // The worker says when the address and code do not fit; anything else (no worker,
            // offline before it was kept) is not "too long".
            Reply::Failed(Failure::TooLong) => Drawn::None(NoCode::TooLong),
            _ => Drawn::None(NoCode::Unavailable),
        },
        (Ok(_), Asked::Unavailable) => Drawn::None(NoCode::Unavailable),
    };
    let link = (*made).as_ref().ok().map(|(link, _)| link.clone());
    // How the last sending went, with the link it sent: a new link is not sent yet.
    let sending = use_state_eq(|| (None::<String>, Sent::Not));
    let sent = if sending.0 == link {
        sending.1
    } else {
        Sent::Not
    };
    let reason = match &drawn {
        Drawn::Code { .. } | Drawn::Waiting => None,
        Drawn::None(NoCode::Link(NoLink::Embedded)) => Some(s.handoff.handoff_none_embedded),
        Drawn::None(NoCode::Link(NoLink::NotPublic)) if props.kiosk => {
            Some(s.handoff.handoff_none_kiosk)
        }
        Drawn::None(NoCode::Link(NoLink::NotPublic)) => Some(s.handoff.handoff_none_local),
        Drawn::None(NoCode::TooLong) => Some(s.handoff.handoff_none_too_long),
        Drawn::None(NoCode::Unavailable) => Some(s.handoff.handoff_none_unavailable),
    };
    // A kiosk's visitor scans; a person on their own device sends the link (or scans it from a
    // computer's screen).
    // On a kiosk, the link is shown (folded, for the screen) only beside its code.
    let shown_link = link
        .clone()
        .filter(|_| !props.kiosk || matches!(drawn, Drawn::Code { .. }));
    let link = link.filter(|_| !props.kiosk);
    let on_send = link.clone().map(|link| {
        let sending = sending.clone();
        let title = s.handoff.handoff_title;
        Callback::from(move |_: MouseEvent| {
            let (sending, sent_link) = (sending.clone(), Some(link.clone()));
            send(
                &link,
                title,
                Callback::from(move |result| sending.set((sent_link.clone(), result))),
            );
        })
    });
    let send_label = if navigator_method("share").is_some() {
        s.handoff.share_link
    } else {
        s.handoff.copy_link
    };
    html! {
        // Without a code the section is for the screen only: on paper it would say nothing useful.
        <section class={classes!("handoff", "report-section", props.kiosk.then_some("kiosk"),
            (!matches!(drawn, Drawn::Code { .. })).then_some("no-print"))}
            aria-labelledby="handoff-title">
            <h2 id="handoff-title">{ s.handoff.handoff_title }</h2>
            if let Some(on_send) = on_send {
                <div class="handoff-send no-print">
                    <p>{ s.handoff.handoff_send }</p>
                    <div class="actions">
                        <button type="button" class="button primary send-link" onclick={on_send}>
                            { send_label }
                        </button>
                    </div>
                    <p class="sent" role="status">
                        { match sent {
                            Sent::Copied => s.handoff.link_copied,
                            Sent::Failed => s.handoff.copy_failed,
                            Sent::Not => "",
                        } }
                    </p>
                </div>
            }
            if let Drawn::Code { size, d } = drawn.clone() {
                <div class="handoff-code">
                    <svg class="qr" viewBox={format!("0 0 {size} {size}")} role="img"
                        aria-label={s.handoff.handoff_qr_label} shape-rendering="crispEdges">
                        <rect width={size.to_string()} height={size.to_string()} fill="#fff" />
                        <path d={d} fill="#000" />
                    </svg>
                    <p>{ s.handoff.handoff_scan }</p>
                </div>
            }
            if let Some(link) = shown_link {
                <details class="no-print" open={sent == Sent::Failed}>
                    <summary>{ s.handoff.handoff_show_link }</summary>
                    <p class="handoff-link">{ link }</p>
                </details>
            }
            if let Some(reason) = reason {
                <p class="handoff-none">{ reason }</p>
            }
        </section>
    }
}
