//! "Take this result with you": a QR code of a link that opens these answers on a phone, the
//! answers in the link's fragment (never sent to a server). Its address is the app's own when a
//! phone can open it, else the config's `handoff_url` (`handoff::link_base`); with neither, the
//! reason is shown instead. Part of the printed report.

use assessment::{AnswerSheet, Date, LinkBase, NoLink, Questionnaire};
use qrcodegen::{QrCode, QrCodeEcc, QrSegment, Version};
use yew::prelude::*;

use crate::i18n::Lang;
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
const QUIET: i32 = 4;

/// The code of `link` (`base` in a byte segment, `code`'s digits in a numeric one, as
/// docs/handoff.md explains) at error correction M, version 10 at most.
fn qr(base: &str, code: &str) -> Option<QrCode> {
    let segments = [
        QrSegment::make_bytes(format!("{base}#").as_bytes()),
        QrSegment::make_numeric(code),
    ];
    QrCode::encode_segments_advanced(
        &segments,
        QrCodeEcc::Medium,
        Version::new(1),
        Version::new(10),
        None,
        true,
    )
    .ok()
}

/// The dark modules as one SVG path of unit squares: numbers only, no text from outside.
fn path(qr: &QrCode) -> String {
    use std::fmt::Write;
    let mut d = String::new();
    for y in 0..qr.size() {
        for x in 0..qr.size() {
            if qr.get_module(x, y) {
                let _ = write!(d, "M{},{}h1v1h-1z", x + QUIET, y + QUIET);
            }
        }
    }
    d
}

#[component]
pub fn HandoffQr(props: &HandoffQrProps) -> Html {
    let s = props.lang.strings();
    let drawn = use_memo(
        (
            props.questionnaire.clone(),
            props.sheet.clone(),
            props.date,
            props.link.clone(),
        ),
        |(q, sheet, date, link)| {
            let base = link.as_ref().map_err(|reason| *reason).ok()?;
            let code = assessment::handoff::encode(q, sheet, *date).ok()?;
            let qr = qr(base.as_str(), code.as_str())?;
            Some((base.link(&code), qr.size() + 2 * QUIET, path(&qr)))
        },
    );
    let reason = match (&props.link, &*drawn) {
        (_, Some(_)) => None,
        (Err(NoLink::Embedded), None) => Some(s.handoff_none_embedded),
        (Err(NoLink::NotPublic), None) if props.kiosk => Some(s.handoff_none_kiosk),
        (Err(NoLink::NotPublic), None) => Some(s.handoff_none_local),
        (Ok(_), None) => Some(s.handoff_none_too_long),
    };
    html! {
        // Without a code the section is for the screen only: on paper it would say nothing useful.
        <section class={classes!("handoff", "report-section", reason.is_some().then_some("no-print"))}
            aria-labelledby="handoff-title">
            <h2 id="handoff-title">{ s.handoff_title }</h2>
            if let Some((link, size, d)) = (*drawn).clone() {
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
