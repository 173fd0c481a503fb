//! The report's worker: a wasm of its own, so that what only a report needs is not part of the
//! app's first load (`src/report_worker.rs` starts it): the market-obligations catalogue's code
//! (issue 17: reading and checking it, deciding what applies) and drawing the hand-off QR code
//! (issue 16: `{seq, kind: "qr", base, code}` → `{seq, size, modules}`, the modules a string of
//! `0` and `1` by rows). For `{seq, kind: "obligations", answers, date, lang}` it loads the shipped
//! questionnaire (whole) and the catalogue beside the app — both precached by the service worker,
//! so a kiosk has them offline — and answers each request `{seq, answers, date, lang}` with the
//! report's section as a plain `obligations::Page` in rows of strings (`{seq, page}`, see
//! `Page::to_rows`), or `{seq, error}`.
//! It posts `"ready"` once it listens, so that no request is sent before.

#[cfg(target_arch = "wasm32")]
mod worker {
    use std::cell::RefCell;
    use std::rc::Rc;

    use assessment::obligations::{obligations, page, Catalogue, Trade};
    use assessment::{AnswerSheet, Date, LangTag, Questionnaire};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    /// Beside the app, as index.html has Trunk copy them.
    const QUESTIONNAIRE: &str = "split/digital-trade.json";
    const CATALOGUE: &str = "obligations.json";

    type Loaded = Rc<(Questionnaire, Catalogue)>;

    thread_local! {
        static LOADED: RefCell<Option<Loaded>> = const { RefCell::new(None) };
    }

    fn scope() -> web_sys::DedicatedWorkerGlobalScope {
        js_sys::global().unchecked_into()
    }

    async fn text(url: &str) -> Option<String> {
        let response = JsFuture::from(scope().fetch_with_str(url)).await.ok()?;
        let response: web_sys::Response = response.unchecked_into();
        if !response.ok() {
            return None;
        }
        JsFuture::from(response.text().ok()?)
            .await
            .ok()?
            .as_string()
    }

    /// The questionnaire and catalogue, read once: `Err` names why not ("unavailable": not
    /// fetched; "invalid": they do not read as each other's).
    async fn loaded() -> Result<Loaded, &'static str> {
        if let Some(loaded) = LOADED.with(|l| l.borrow().clone()) {
            return Ok(loaded);
        }
        let (q, c) = (text(QUESTIONNAIRE).await, text(CATALOGUE).await);
        let (q, c) = q.zip(c).ok_or("unavailable")?;
        let questionnaire = Questionnaire::from_json(&q).map_err(|_| "invalid")?;
        let catalogue = Catalogue::from_json(&c, &questionnaire).map_err(|_| "invalid")?;
        let loaded = Rc::new((questionnaire, catalogue));
        LOADED.with(|l| *l.borrow_mut() = Some(loaded.clone()));
        Ok(loaded)
    }

    fn field(value: &JsValue, name: &str) -> Option<String> {
        js_sys::Reflect::get(value, &name.into()).ok()?.as_string()
    }

    /// The QR code of a hand-off link: `base` (with `#`) in a byte segment, the code's digits in a
    /// numeric one (docs/handoff.md), error correction M, version 10 at most.
    fn qr(request: &JsValue) -> Result<JsValue, &'static str> {
        use qrcodegen::{QrCode, QrCodeEcc, QrSegment, Version};
        let base = field(request, "base").ok_or("request")?;
        let code = field(request, "code").ok_or("request")?;
        if !code.bytes().all(|b| b.is_ascii_digit()) {
            return Err("request");
        }
        let segments = [
            QrSegment::make_bytes(format!("{base}#").as_bytes()),
            QrSegment::make_numeric(&code),
        ];
        let qr = QrCode::encode_segments_advanced(
            &segments,
            QrCodeEcc::Medium,
            Version::new(1),
            Version::new(10),
            None,
            true,
        )
        .map_err(|_| "too_long")?;
        let size = qr.size();
        let modules: String = (0..size)
            .flat_map(|y| (0..size).map(move |x| (x, y)))
            .map(|(x, y)| if qr.get_module(x, y) { '1' } else { '0' })
            .collect();
        let reply = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&reply, &"size".into(), &size.into());
        let _ = js_sys::Reflect::set(&reply, &"modules".into(), &modules.into());
        Ok(reply.into())
    }

    async fn answer(request: JsValue) -> Result<JsValue, &'static str> {
        if field(&request, "kind").as_deref() == Some("qr") {
            return qr(&request);
        }
        let loaded = loaded().await?;
        let (questionnaire, catalogue) = (&loaded.0, &loaded.1);
        let answers = field(&request, "answers").ok_or("request")?;
        let date: Date = field(&request, "date")
            .and_then(|d| d.parse().ok())
            .ok_or("request")?;
        let lang = LangTag::from(field(&request, "lang").ok_or("request")?.as_str());
        let sheet = AnswerSheet::from_json(&answers, questionnaire).map_err(|_| "answers")?;
        let trade = Trade::from_answers(catalogue, questionnaire, &sheet);
        let findings = obligations(catalogue, questionnaire, &trade, &sheet, date);
        let rows = page(catalogue, questionnaire, &findings, &lang).to_rows();
        Ok(rows
            .into_iter()
            .map(|row| {
                row.into_iter()
                    .map(JsValue::from)
                    .collect::<js_sys::Array>()
            })
            .collect::<js_sys::Array>()
            .into())
    }

    pub fn start() {
        let on_message =
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(|event: web_sys::MessageEvent| {
                let request = event.data();
                wasm_bindgen_futures::spawn_local(async move {
                    let reply = js_sys::Object::new();
                    let seq =
                        js_sys::Reflect::get(&request, &"seq".into()).unwrap_or(JsValue::NULL);
                    let _ = js_sys::Reflect::set(&reply, &"seq".into(), &seq);
                    let qr = field(&request, "kind").as_deref() == Some("qr");
                    let (key, value) = match answer(request).await {
                        Ok(drawn) if qr => ("qr", drawn),
                        Ok(page) => ("page", page),
                        Err(why) => ("error", JsValue::from(why)),
                    };
                    let _ = js_sys::Reflect::set(&reply, &key.into(), &value);
                    let _ = scope().post_message(&reply);
                });
            });
        scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        let _ = scope().post_message(&"ready".into());
    }
}

fn main() {
    #[cfg(target_arch = "wasm32")]
    worker::start();
}
