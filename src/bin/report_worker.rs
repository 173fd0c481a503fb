//! The report's worker: a wasm of its own, so that what only a report needs is not part of the
//! app's first load (`src/report_worker.rs` starts it): the market-obligations catalogue's code
//! (reading and checking it, deciding what applies) and drawing the hand-off QR code. What it is asked and answers is typed in `report_worker/message.rs`, shared with the
//! app. For the markets and goods it reads the questionnaire the request names (the association's
//! URL, customised by its sections and weights; absent, the shipped one, whole) and the catalogue
//! (the association's URL; absent, the shipped one beside the app), each file fetched once per URL
//! — the shipped ones precached by the service worker, an association's kept by it at first use,
//! so a kiosk has them offline — and answers with the report's section, with every problem of a
//! catalogue that does not read as the questionnaire's (worded in the request's language), or with
//! why it cannot.
//! It says it is ready once it listens, so that no request is sent before.

#[cfg(target_arch = "wasm32")]
mod worker {
    use std::cell::RefCell;
    use std::collections::HashMap;
    use std::rc::Rc;

    use assessment::limits::{capped, Document};
    use assessment::obligations::{obligations, page, Catalogue, Trade};
    use assessment::{AnswerSheet, Customisation, Place, Problem, ProblemKind, Questionnaire};
    use exporter_assessment::fetch::text_within;
    use exporter_assessment::report_worker::message::{
        self, Failure, ObligationsRequest, Qr, Reply, Request, Sources,
    };
    use exporter_assessment::state::Shared;
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

    /// Why no page can be made.
    enum Failed {
        /// A file could not be had, or the request is not one.
        Because(Failure),
        /// The catalogue does not read as the questionnaire's: every problem.
        Catalogue(Rc<Vec<Problem>>),
    }

    thread_local! {
        /// Each file's text, by URL: read once.
        static TEXTS: RefCell<HashMap<String, Rc<String>>> = RefCell::new(HashMap::new());
        /// Each combination of files read (by the request's sources), and what came of it (a
        /// refused catalogue stays refused).
        static LOADED: RefCell<HashMap<Sources, Known>> = RefCell::new(HashMap::new());
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
        if let Some(known) = LOADED.with(|l| l.borrow().get(sources).cloned()) {
            return known.map_err(Failed::Catalogue);
        }
        let customisation = match &sources.customisation {
            Some(text) => {
                Customisation::from_json(text).map_err(|_| Failed::Because(Failure::Request))?
            }
            None => Customisation::default(),
        };
        let questionnaire_url = sources.questionnaire.as_deref().unwrap_or(QUESTIONNAIRE);
        let q = text(questionnaire_url, Document::Questionnaire)
            .await
            .map_err(|_| Failed::Because(Failure::Unavailable))?;
        let catalogue_url = sources.catalogue.as_deref().unwrap_or(CATALOGUE);
        let c = match text(catalogue_url, Document::Catalogue).await {
            Ok(c) => c,
            // Refused by name with its limit, as a catalogue's other problems are.
            Err(Some(kind)) => {
                let problems = Rc::new(vec![Problem {
                    place: Place::Catalogue,
                    field: String::new(),
                    kind,
                }]);
                LOADED.with(|l| {
                    l.borrow_mut()
                        .insert(sources.clone(), Err(problems.clone()))
                });
                return Err(Failed::Catalogue(problems));
            }
            Err(None) => return Err(Failed::Because(Failure::Unavailable)),
        };
        // The app has read this questionnaire already: it cannot fail here but by a change of
        // the file in between.
        let questionnaire = Questionnaire::load(&q, &customisation)
            .map_err(|_| Failed::Because(Failure::Invalid))?;
        let known = match Catalogue::from_json(&c, &questionnaire) {
            Ok(catalogue) => Ok(Rc::new((questionnaire, catalogue))),
            Err(problems) => Err(Rc::new(problems.0)),
        };
        LOADED.with(|l| l.borrow_mut().insert(sources.clone(), known.clone()));
        known.map_err(Failed::Catalogue)
    }

    /// The QR code of a hand-off link: `base` (with `#`) in a byte segment, the code's digits in a
    /// numeric one (docs/handoff.md), error correction M, version 10 at most.
    fn qr(base: &str, code: &str) -> Result<Qr, Failure> {
        use qrcodegen::{QrCode, QrCodeEcc, QrSegment, Version};
        if !code.bytes().all(|b| b.is_ascii_digit()) {
            return Err(Failure::Request);
        }
        let segments = [
            QrSegment::make_bytes(format!("{base}#").as_bytes()),
            QrSegment::make_numeric(code),
        ];
        let qr = QrCode::encode_segments_advanced(
            &segments,
            QrCodeEcc::Medium,
            Version::new(1),
            Version::new(10),
            None,
            true,
        )
        .map_err(|_| Failure::TooLong)?;
        let size = qr.size();
        let modules = (0..size)
            .flat_map(|y| (0..size).map(move |x| (x, y)))
            .map(|(x, y)| qr.get_module(x, y))
            .collect();
        Ok(Qr {
            size: size as usize,
            modules,
        })
    }

    /// The report's section, or the catalogue's problems worded in the request's language.
    async fn obligations_page(request: ObligationsRequest) -> Result<Reply, Failure> {
        let loaded = match loaded(&request.sources).await {
            Ok(loaded) => loaded,
            Err(Failed::Because(why)) => return Err(why),
            Err(Failed::Catalogue(problems)) => {
                // The interface's words for every problem, in the page's language.
                let lang = request.lang;
                let words = capped(&problems, &lang.lang_tag(), |p| p.message(&lang.lang_tag()));
                return Ok(Reply::Refused(Shared::new(words)));
            }
        };
        let (questionnaire, catalogue) = (&loaded.0, &loaded.1);
        let sheet = AnswerSheet::from_json(&request.answers, questionnaire)
            .map_err(|_| Failure::Answers)?;
        let trade = Trade::from_answers(catalogue, questionnaire, &sheet);
        let date = request.date;
        let findings = obligations(catalogue, questionnaire, &trade, &sheet, date);
        let lang = request.lang.lang_tag();
        let page = page(catalogue, questionnaire, &findings, &lang, date);
        Ok(Reply::Page(Shared::new(page)))
    }

    async fn answer(request: &JsValue) -> Reply {
        let made = match Request::from_message(request) {
            Ok(Request::Qr { base, code }) => qr(&base, &code).map(Reply::Qr),
            Ok(Request::Obligations(request)) => obligations_page(request).await,
            Err(why) => Err(why),
        };
        made.unwrap_or_else(Reply::Failed)
    }

    pub fn start() {
        let on_message =
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(|event: web_sys::MessageEvent| {
                let request = event.data();
                wasm_bindgen_futures::spawn_local(async move {
                    // A message without a number has no asker to answer.
                    let Some(seq) = message::seq(&request) else {
                        return;
                    };
                    let reply = answer(&request).await;
                    let _ = scope().post_message(&reply.to_message(seq));
                });
            });
        scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        let _ = scope().post_message(&message::ready());
    }
}

fn main() {
    #[cfg(target_arch = "wasm32")]
    worker::start();
}
