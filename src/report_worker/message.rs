//! What the app and the report's worker say to each other: one request type and one reply type,
//! shared by both sides (`report_worker.rs` and `src/bin/report_worker.rs`, one package), each
//! written into a structured clone and read back here and nowhere else. Every message is numbered
//! (`seq`) so that each reply goes to its asker; the worker says it listens with [`ready`].
//!
//! The page comes back as rows of strings (`Page::to_rows`) and the customisation goes as the core
//! writes it (`Customisation::to_json`): neither side carries a codec of its own for them, and the
//! app's wasm no JSON deserialiser for a page.

use assessment::obligations::Page;
use assessment::Date;
use wasm_bindgen::JsValue;

use crate::i18n::Lang;
use crate::state::Shared;

/// What the app asks of the report's worker.
#[derive(Clone, Debug, PartialEq)]
pub enum Request {
    /// The report's "Your markets and goods" for these answers.
    Obligations(ObligationsRequest),
    /// The QR code of a hand-off link: `base` (the address, without the `#`) in a byte segment,
    /// `code` (digits) in a numeric one.
    Qr { base: String, code: String },
}

/// The answers, date and language of a report, with the files its section is made from.
#[derive(Clone, Debug, PartialEq)]
pub struct ObligationsRequest {
    /// The answers file's text, as the core writes it (`AnswerSheet::to_json`): the worker reads
    /// it with the questionnaire it loads.
    pub answers: String,
    pub date: Date,
    pub lang: Lang,
    pub sources: Sources,
}

/// The files the worker reads for the section. Also what it knows a combination by in its cache.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Sources {
    /// The association's questionnaire by URL; `None`: the shipped one, whole.
    pub questionnaire: Option<String>,
    /// The association's customisation as the core writes it (`Customisation::to_json`); `None`:
    /// none.
    pub customisation: Option<String>,
    /// The association's catalogue by URL; `None`: the shipped one.
    pub catalogue: Option<String>,
}

/// What the worker answers.
#[derive(Clone, Debug, PartialEq)]
pub enum Reply {
    /// The section for the request's answers, date and language.
    Page(Shared<Page>),
    /// The catalogue does not read as the questionnaire's: every problem, worded in the request's
    /// language.
    Refused(Shared<Vec<String>>),
    /// A hand-off link's QR code: `size` rows of `size` modules, `true` for dark.
    Qr(Qr),
    /// Nothing could be made, and why.
    Failed(Failure),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Qr {
    pub size: usize,
    /// By rows, `size` × `size`.
    pub modules: Vec<bool>,
}

/// Why the worker has no page or code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Failure {
    /// A file could not be had (offline before it was kept, say).
    Unavailable,
    /// The questionnaire changed since the app read it, or its customisation does not apply.
    Invalid,
    /// The message is no request of this version of the app.
    Request,
    /// The answers do not read with the questionnaire.
    Answers,
    /// The address and the code do not fit in a QR code of version 10.
    TooLong,
}

impl Failure {
    fn name(self) -> &'static str {
        match self {
            Failure::Unavailable => "unavailable",
            Failure::Invalid => "invalid",
            Failure::Request => "request",
            Failure::Answers => "answers",
            Failure::TooLong => "too_long",
        }
    }
}

// The fields of the messages.
const SEQ: &str = "seq";
const KIND: &str = "kind";
const READY: &str = "ready";

/// The worker's first message: it listens.
pub fn ready() -> JsValue {
    READY.into()
}

pub fn is_ready(message: &JsValue) -> bool {
    message.as_string().as_deref() == Some(READY)
}

/// A message's number, as its sender gave it.
pub fn seq(message: &JsValue) -> Option<u32> {
    field(message, SEQ)?.as_f64().map(|n| n as u32)
}

fn field(message: &JsValue, name: &str) -> Option<JsValue> {
    js_sys::Reflect::get(message, &name.into())
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

fn text(message: &JsValue, name: &str) -> Option<String> {
    field(message, name)?.as_string()
}

fn strings(list: &JsValue) -> Option<Vec<String>> {
    list.is_array().then(|| {
        js_sys::Array::from(list)
            .iter()
            .map(|s| s.as_string().unwrap_or_default())
            .collect()
    })
}

/// A message object with its number and `fields`.
fn message(seq: u32, fields: &[(&str, JsValue)]) -> JsValue {
    let object = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&object, &SEQ.into(), &seq.into());
    for (name, value) in fields {
        let _ = js_sys::Reflect::set(&object, &(*name).into(), value);
    }
    object.into()
}

impl Request {
    pub fn to_message(&self, seq: u32) -> JsValue {
        match self {
            Request::Qr { base, code } => message(
                seq,
                &[
                    (KIND, "qr".into()),
                    ("base", base.as_str().into()),
                    ("code", code.as_str().into()),
                ],
            ),
            Request::Obligations(r) => {
                let mut fields = vec![
                    (KIND, JsValue::from("obligations")),
                    ("answers", r.answers.as_str().into()),
                    ("date", r.date.to_string().into()),
                    ("lang", r.lang.tag().into()),
                ];
                let s = &r.sources;
                for (name, value) in [
                    ("questionnaire", &s.questionnaire),
                    ("customisation", &s.customisation),
                    ("catalogue", &s.catalogue),
                ] {
                    if let Some(value) = value {
                        fields.push((name, value.as_str().into()));
                    }
                }
                message(seq, &fields)
            }
        }
    }

    /// The request a message holds, or why it holds none.
    pub fn from_message(message: &JsValue) -> Result<Request, Failure> {
        let get = |name| text(message, name).ok_or(Failure::Request);
        match get(KIND)?.as_str() {
            "qr" => Ok(Request::Qr {
                base: get("base")?,
                code: get("code")?,
            }),
            "obligations" => Ok(Request::Obligations(ObligationsRequest {
                answers: get("answers")?,
                date: get("date")?.parse().map_err(|_| Failure::Request)?,
                lang: Lang::from_tag(&get("lang")?).ok_or(Failure::Request)?,
                sources: Sources {
                    questionnaire: text(message, "questionnaire"),
                    customisation: text(message, "customisation"),
                    catalogue: text(message, "catalogue"),
                },
            })),
            _ => Err(Failure::Request),
        }
    }
}

impl Reply {
    pub fn to_message(&self, seq: u32) -> JsValue {
        let list = |items: &mut dyn Iterator<Item = JsValue>| -> JsValue {
            items.collect::<js_sys::Array>().into()
        };
        let (name, value) = match self {
            Reply::Page(page) => (
                "page",
                list(
                    &mut page
                        .to_rows()
                        .into_iter()
                        .map(|row| list(&mut row.into_iter().map(JsValue::from))),
                ),
            ),
            Reply::Refused(problems) => (
                "problems",
                list(&mut problems.iter().map(|p| JsValue::from(p.as_str()))),
            ),
            Reply::Qr(qr) => {
                let modules: String = qr
                    .modules
                    .iter()
                    .map(|&m| if m { '1' } else { '0' })
                    .collect();
                return message(
                    seq,
                    &[("size", qr.size.into()), ("modules", modules.into())],
                );
            }
            Reply::Failed(failure) => ("error", failure.name().into()),
        };
        message(seq, &[(name, value)])
    }

    /// The reply a message holds; a message that is none is a failed request.
    pub fn from_message(message: &JsValue) -> Reply {
        if let Some(rows) = field(message, "page").filter(JsValue::is_array) {
            let rows: Vec<Vec<String>> = js_sys::Array::from(&rows)
                .iter()
                .map(|row| strings(&row).unwrap_or_default())
                .collect();
            return Page::from_rows(&rows).map_or(Reply::Failed(Failure::Request), |page| {
                Reply::Page(Shared::new(page))
            });
        }
        if let Some(problems) = field(message, "problems").and_then(|p| strings(&p)) {
            return Reply::Refused(Shared::new(problems));
        }
        if let (Some(size), Some(modules)) = (field(message, "size"), text(message, "modules")) {
            let size = size.as_f64().unwrap_or(0.0) as usize;
            let modules: Option<Vec<bool>> = modules
                .bytes()
                .map(|b| match b {
                    b'1' => Some(true),
                    b'0' => Some(false),
                    _ => None,
                })
                .collect();
            return match modules {
                Some(modules) if size > 0 && modules.len() == size * size => {
                    Reply::Qr(Qr { size, modules })
                }
                _ => Reply::Failed(Failure::Request),
            };
        }
        // Only "too long" changes what the app says; any other failure reads as the worker's
        // being unavailable, whatever its name.
        let too_long = text(message, "error").as_deref() == Some(Failure::TooLong.name());
        Reply::Failed(if too_long {
            Failure::TooLong
        } else {
            Failure::Unavailable
        })
    }
}
