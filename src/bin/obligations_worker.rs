//! The report's worker: a wasm of its own, so that what only a report needs is not part of the
//! app's first load (`src/report_worker.rs` starts it): the market-obligations catalogue's code
//! (issue 17: reading and checking it, deciding what applies) and drawing the hand-off QR code
//! (issue 16: `{seq, kind: "qr", base, code}` → `{seq, size, modules}`, the modules a string of
//! `0` and `1` by rows). For `{seq, kind: "obligations", answers, date, lang, questionnaire?,
//! customisation?, catalogue?}` it reads the questionnaire the app asks (the association's URL,
//! customised by its sections and weights (`{sections?, dimensions, items}`); absent, the shipped
//! one, whole) and the
//! catalogue (the association's URL; absent, the shipped one beside the app), each file fetched
//! once per URL — the shipped ones precached by the service worker, an association's kept by it
//! at first use, so a kiosk has them offline — and answers with the report's section as a plain
//! `obligations::Page` in rows of strings (`{seq, page}`, see `Page::to_rows`); with every
//! problem of a catalogue that does not read as the questionnaire's, worded in the request's
//! language (`{seq, problems}`); or `{seq, error}`.
//! It posts `"ready"` once it listens, so that no request is sent before.

#[cfg(target_arch = "wasm32")]
mod worker {
    use std::cell::RefCell;
    use std::collections::HashMap;
    use std::rc::Rc;

    use assessment::limits::{capped, Document};
    use assessment::obligations::{obligations, page, Catalogue, Trade};
    use assessment::{
        AnswerSheet, Customisation, Date, LangTag, Place, Problem, ProblemKind, Questionnaire,
    };
    use exporter_assessment::fetch::text_within;
    use exporter_assessment::i18n::Lang;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    /// Beside the app, as index.html has Trunk copy them: the shipped questionnaire (whole) and
    /// its catalogue, used when a request names no other.
    const QUESTIONNAIRE: &str = "split/digital-trade.json";
    const CATALOGUE: &str = "obligations.json";

    type Loaded = Rc<(Questionnaire, Catalogue)>;
    /// What came of reading a combination: the pair, or the catalogue's problems.
    type Known = Result<Loaded, Rc<Vec<Problem>>>;

    /// What a request asks to be read with: the questionnaire's and the catalogue's URLs and
    /// the association's customisation (its sections and weights), as the app has them.
    #[derive(Clone)]
    struct Sources {
        questionnaire: String,
        customisation: Customisation,
        catalogue: String,
    }

    impl Sources {
        /// What a combination is known by in the cache (`Customisation` holds weights, which
        /// have no `Eq`: its debug text tells two apart).
        fn key(&self) -> String {
            format!(
                "{}\n{}\n{:?}",
                self.questionnaire, self.catalogue, self.customisation
            )
        }
    }

    /// The customisation in a request (`{sections?, dimensions, items}`, see
    /// `hooks/obligations.rs`); none when absent.
    fn customisation(request: &JsValue) -> Customisation {
        let get = |v: &JsValue, k: &str| js_sys::Reflect::get(v, &k.into()).ok();
        let Some(c) = get(request, "customisation").filter(|c| c.is_object()) else {
            return Customisation::default();
        };
        let weights = |name: &str| {
            get(&c, name)
                .filter(|o| o.is_object())
                .map(|o| {
                    js_sys::Object::entries(&o.unchecked_into())
                        .iter()
                        .filter_map(|pair| {
                            let pair = js_sys::Array::from(&pair);
                            Some((pair.get(0).as_string()?, pair.get(1).as_f64()?))
                        })
                        .collect()
                })
                .unwrap_or_default()
        };
        Customisation {
            sections: get(&c, "sections").filter(|s| s.is_array()).map(|s| {
                js_sys::Array::from(&s)
                    .iter()
                    .filter_map(|id| id.as_string())
                    .map(assessment::DimensionId)
                    .collect()
            }),
            weights: assessment::Weights {
                dimensions: weights("dimensions"),
                items: weights("items"),
            },
        }
    }

    /// Why no page can be made.
    enum Failed {
        /// A file could not be had, or the request is not one.
        Because(&'static str),
        /// The catalogue does not read as the questionnaire's: every problem.
        Catalogue(Rc<Vec<Problem>>),
    }

    thread_local! {
        /// Each file's text, by URL: read once.
        static TEXTS: RefCell<HashMap<String, Rc<String>>> = RefCell::new(HashMap::new());
        /// Each combination read, and what came of it (a refused catalogue stays refused).
        static LOADED: RefCell<HashMap<String, Known>> =
            RefCell::new(HashMap::new());
    }

    fn scope() -> web_sys::DedicatedWorkerGlobalScope {
        js_sys::global().unchecked_into()
    }

    /// A file of kind `what`, read no further than its limit; `Some(problem)` for one over it.
    async fn fetch(url: &str, what: Document) -> Result<String, Option<ProblemKind>> {
        let response = JsFuture::from(scope().fetch_with_str(url))
            .await
            .map_err(|_| None)?;
        let response: web_sys::Response = response.unchecked_into();
        if !response.ok() {
            return Err(None);
        }
        text_within(&response, what)
            .await
            .map_err(|kind| match kind {
                ProblemKind::TooLarge { .. } => Some(kind),
                _ => None,
            })
    }

    /// A file's text, fetched once per URL (a failure is not kept: the next request tries again).
    async fn text(url: &str, what: Document) -> Result<Rc<String>, Option<ProblemKind>> {
        if let Some(text) = TEXTS.with(|t| t.borrow().get(url).cloned()) {
            return Ok(text);
        }
        let text = Rc::new(fetch(url, what).await?);
        TEXTS.with(|t| t.borrow_mut().insert(url.to_owned(), text.clone()));
        Ok(text)
    }

    /// The questionnaire, customised as the app has it, and the catalogue checked against it by
    /// the core.
    async fn loaded(sources: &Sources) -> Result<Loaded, Failed> {
        let key = sources.key();
        if let Some(known) = LOADED.with(|l| l.borrow().get(&key).cloned()) {
            return known.map_err(Failed::Catalogue);
        }
        let q = text(&sources.questionnaire, Document::Questionnaire)
            .await
            .map_err(|_| Failed::Because("unavailable"))?;
        let c = match text(&sources.catalogue, Document::Catalogue).await {
            Ok(c) => c,
            // Refused by name with its limit, as a catalogue's other problems are.
            Err(Some(kind)) => {
                let problems = Rc::new(vec![Problem {
                    place: Place::Catalogue,
                    field: String::new(),
                    kind,
                }]);
                LOADED.with(|l| l.borrow_mut().insert(key, Err(problems.clone())));
                return Err(Failed::Catalogue(problems));
            }
            Err(None) => return Err(Failed::Because("unavailable")),
        };
        // The app has read this questionnaire already: it cannot fail here but by a change of
        // the file in between.
        let questionnaire = Questionnaire::load(&q, &sources.customisation)
            .map_err(|_| Failed::Because("invalid"))?;
        let known = match Catalogue::from_json(&c, &questionnaire) {
            Ok(catalogue) => Ok(Rc::new((questionnaire, catalogue))),
            Err(problems) => Err(Rc::new(problems.0)),
        };
        LOADED.with(|l| l.borrow_mut().insert(key, known.clone()));
        known.map_err(Failed::Catalogue)
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

    /// Rows of strings as a JS array of arrays (a structured clone the app reads as it is).
    fn rows(rows: Vec<Vec<String>>) -> JsValue {
        rows.into_iter()
            .map(|row| {
                row.into_iter()
                    .map(JsValue::from)
                    .collect::<js_sys::Array>()
            })
            .collect::<js_sys::Array>()
            .into()
    }

    /// The reply's field and value: the page, or the catalogue's problems worded in the
    /// request's language (`problems`: one string each).
    async fn answer(request: JsValue) -> Result<(&'static str, JsValue), &'static str> {
        if field(&request, "kind").as_deref() == Some("qr") {
            return qr(&request).map(|drawn| ("qr", drawn));
        }
        let lang_tag = field(&request, "lang").ok_or("request")?;
        let sources = Sources {
            questionnaire: field(&request, "questionnaire")
                .unwrap_or_else(|| QUESTIONNAIRE.to_owned()),
            customisation: customisation(&request),
            catalogue: field(&request, "catalogue").unwrap_or_else(|| CATALOGUE.to_owned()),
        };
        let loaded = match loaded(&sources).await {
            Ok(loaded) => loaded,
            Err(Failed::Because(why)) => return Err(why),
            Err(Failed::Catalogue(problems)) => {
                // The interface's words for every problem, in the page's language.
                let lang = Lang::from_tag(&lang_tag).unwrap_or(Lang::En);
                let words = capped(&problems, &lang.lang_tag(), |p| p.message(&lang.lang_tag()))
                    .into_iter()
                    .map(JsValue::from)
                    .collect::<js_sys::Array>();
                return Ok(("problems", words.into()));
            }
        };
        let (questionnaire, catalogue) = (&loaded.0, &loaded.1);
        let answers = field(&request, "answers").ok_or("request")?;
        let date: Date = field(&request, "date")
            .and_then(|d| d.parse().ok())
            .ok_or("request")?;
        let lang = LangTag::from(lang_tag.as_str());
        let sheet = AnswerSheet::from_json(&answers, questionnaire).map_err(|_| "answers")?;
        let trade = Trade::from_answers(catalogue, questionnaire, &sheet);
        let findings = obligations(catalogue, questionnaire, &trade, &sheet, date);
        Ok((
            "page",
            rows(page(catalogue, questionnaire, &findings, &lang, date).to_rows()),
        ))
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
                    let (key, value) = match answer(request).await {
                        Ok(reply) => reply,
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
