//! The cohort page's worker (`assets/cohort.js` starts it): a wasm of its own, so that reading and
//! counting members' results is no part of a member's first load, and off the page's thread, so
//! that the page does not freeze over thousands of files.
//!
//! Messages (the page sends one at a time and waits for the reply):
//! - `{kind: "check", config}`: an association's config file's text, read and checked by the core
//!   as the app and `assess cohort --config` check it (`association::questionnaire_with`) →
//!   `{kind: "checked", problems, described}`: the core's problems (a JSON text, `{count, lines:
//!   {lang: [text]}}`: how many, and the list of their words capped as every list of problems is,
//!   in both of the page's languages; a count of 0 when it can be used)
//!   and its sections and weights described in each of
//!   the questionnaire's languages (a JSON text: `{lang: text}`).
//! - `{kind: "start", config?}`: loads the whole shipped questionnaire beside the page (precached,
//!   so it works offline), with the config's sections and weights when one is given, and starts an
//!   empty count → `{kind: "started", labels}` (a JSON text: the questionnaire's names of
//!   dimensions, stages, profile options, outcomes and countermeasures in each of its languages,
//!   so the page looks up no questionnaire itself) or `{kind: "error", error}` (`config` for a
//!   config with problems: the page checks it first).
//! - `{kind: "add", entries: [[name, text | null, why | null], …]}`: each text imported by the core
//!   (`import`: a result record or an answers file, checked as hostile input) and counted, or
//!   refused with the core's reason; an entry without text was refused by the page (`why`:
//!   `too_large`, `not_utf8`, `unreadable`) → `{kind: "added", counted, refused}` (`refused`: how
//!   many in all so far; the worker keeps only the first of them, by name, as the core's
//!   `Refusals` does, so its memory is bounded whatever the number of bad files).
//! - `{kind: "finish"}` → `{kind: "done", cohort, csv, reasons, more}`: the core's `Cohort` as
//!   JSON (what `assess cohort --json` prints: the first refused files in `refused`, how many in
//!   all in `refused_total`), its CSV (`to_csv`, as `assess cohort --csv`), for each refused file
//!   listed, in the order of `cohort.refused`, its kind of reason (for the page's short words) and
//!   the core's message in each of the questionnaire's languages (a JSON text:
//!   `[{kind, messages: {lang: text}}]`), so that the page says why in the language it shows, and
//!   how many more were refused than listed, in the core's words in both of the page's languages
//!   (a JSON text, `{lang: text}`, empty when every one is listed).
//!
//! It posts `{kind: "ready", maxResultBytes, maxConfigBytes}` once it listens, so that no message
//! is sent before, and the page refuses a file over the core's limits without reading it.

mod page_words;

#[cfg(target_arch = "wasm32")]
mod worker {
    use std::cell::RefCell;

    use assessment::association::questionnaire_with;
    use assessment::limits::{capped, MAX_CONFIG_BYTES, MAX_RESULT_BYTES};
    use assessment::result_record::Grouping;
    use assessment::{
        import, short_title, to_csv, Lang, LangTag, Problem, Questionnaire, Refusal, Refusals,
        Refused, Tally, Unread,
    };
    use serde_json::{json, Map, Value};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    /// Beside the page, as index.html has Trunk copy it.
    const QUESTIONNAIRE: &str = "split/digital-trade.json";

    struct Count {
        questionnaire: Questionnaire,
        tally: Tally,
        refused: Refusals,
    }

    thread_local! {
        static COUNT: RefCell<Option<Count>> = const { RefCell::new(None) };
    }

    fn scope() -> web_sys::DedicatedWorkerGlobalScope {
        js_sys::global().unchecked_into()
    }

    fn get(value: &JsValue, name: &str) -> JsValue {
        js_sys::Reflect::get(value, &name.into()).unwrap_or(JsValue::UNDEFINED)
    }

    fn reply(fields: &[(&str, JsValue)]) -> JsValue {
        let reply = js_sys::Object::new();
        for (name, value) in fields {
            let _ = js_sys::Reflect::set(&reply, &(*name).into(), value);
        }
        reply.into()
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

    /// The names the page shows, by language: ids are what the core's figures carry.
    fn labels(q: &Questionnaire) -> Value {
        let doc = q.doc();
        let mut by_lang = Map::new();
        for lang in &doc.languages {
            let dimensions: Map<String, Value> = doc
                .dimensions
                .iter()
                .map(|d| (d.id.to_string(), short_title(d.title.get(lang)).into()))
                .collect();
            let stages: Map<String, Value> = doc
                .stages
                .iter()
                .map(|s| (s.id.to_string(), s.label.get(lang).into()))
                .collect();
            let outcomes: Map<String, Value> = doc
                .export_path
                .outcomes
                .iter()
                .map(|o| (o.id.to_string(), o.title.get(lang).into()))
                .collect();
            let countermeasures: Map<String, Value> = doc
                .countermeasures
                .iter()
                .map(|c| {
                    let name = format!("{} {}", c.section, c.title.get(lang));
                    (c.id.to_string(), name.into())
                })
                .collect();
            let groupings: Map<String, Value> = Grouping::ALL
                .iter()
                .map(|g| {
                    let options: Map<String, Value> = q
                        .question(&g.question())
                        .map(|question| {
                            question
                                .options()
                                .into_iter()
                                .map(|(id, label)| (id.to_string(), label.get(lang).into()))
                                .collect()
                        })
                        .unwrap_or_default();
                    (g.name().to_owned(), options.into())
                })
                .collect();
            by_lang.insert(
                lang.as_str().to_owned(),
                json!({
                    "dimensions": dimensions,
                    "stages": stages,
                    "outcomes": outcomes,
                    "countermeasures": countermeasures,
                    "groupings": groupings,
                }),
            );
        }
        Value::Object(by_lang)
    }

    /// The shipped questionnaire, with an association's sections and weights when its config is
    /// given; the config's problems, or `Err(None)` when the questionnaire itself cannot be had.
    async fn questionnaire(config: Option<&str>) -> Result<Questionnaire, Option<Vec<Problem>>> {
        let text = text(QUESTIONNAIRE).await.ok_or(None)?;
        match config {
            Some(config) => questionnaire_with(config, &text).map_err(Some),
            None => Questionnaire::from_json(&text).map_err(|_| None),
        }
    }

    async fn check(request: &JsValue) -> Result<JsValue, &'static str> {
        let config = get(request, "config").as_string().ok_or("request")?;
        let (problems, described) = match questionnaire(Some(&config)).await {
            Ok(q) => {
                let described: Map<String, Value> = q
                    .doc()
                    .languages
                    .iter()
                    .map(|lang: &LangTag| {
                        let chinese = Lang::of(lang) == Lang::ZhCn;
                        let text = q.customisation().describe(chinese);
                        (lang.as_str().to_owned(), text.into())
                    })
                    .collect();
                (json!({"count": 0, "lines": {}}), described)
            }
            // The problems, capped as every list of them is, in both languages the page speaks:
            // the page shows the one it is in.
            Err(Some(problems)) => {
                let lines: Map<String, Value> = Lang::ALL
                    .into_iter()
                    .map(|lang| {
                        let lang = lang.lang_tag();
                        let lines = capped(&problems, &lang, |p: &Problem| p.message(&lang));
                        (lang.as_str().to_owned(), lines.into())
                    })
                    .collect();
                (json!({"count": problems.len(), "lines": lines}), Map::new())
            }
            Err(None) => return Err("unavailable"),
        };
        Ok(reply(&[
            ("kind", "checked".into()),
            ("problems", problems.to_string().into()),
            ("described", Value::Object(described).to_string().into()),
        ]))
    }

    async fn start(request: &JsValue) -> Result<JsValue, &'static str> {
        let config = get(request, "config").as_string();
        let questionnaire = questionnaire(config.as_deref()).await.map_err(|e| {
            if e.is_some() {
                "config"
            } else {
                "unavailable"
            }
        })?;
        let labels = labels(&questionnaire).to_string();
        let tally = Tally::new(&questionnaire);
        COUNT.with(|c| {
            *c.borrow_mut() = Some(Count {
                questionnaire,
                tally,
                refused: Refusals::default(),
            })
        });
        Ok(reply(&[
            ("kind", "started".into()),
            ("labels", labels.into()),
        ]))
    }

    /// What the page says of a file it could not hand over (`why`), in the core's words.
    fn page_reason(why: &str) -> Refusal {
        Refusal::Unread(match why {
            "too_large" => Unread::TooLarge,
            "not_utf8" => Unread::NotUtf8,
            _ => Unread::Unreadable(None),
        })
    }

    fn add(request: &JsValue) -> Result<JsValue, &'static str> {
        let entries: js_sys::Array = get(request, "entries").dyn_into().map_err(|_| "request")?;
        COUNT.with(|c| {
            let mut c = c.borrow_mut();
            let c = c.as_mut().ok_or("request")?;
            for entry in entries.iter() {
                let entry: js_sys::Array = entry.dyn_into().map_err(|_| "request")?;
                let name = entry.get(0).as_string().ok_or("request")?;
                let outcome = match entry.get(1).as_string() {
                    // The page refuses these unread; the worker holds to the same bound.
                    Some(text) if text.len() as u64 > MAX_RESULT_BYTES => {
                        Err(Refusal::Unread(Unread::TooLarge))
                    }
                    Some(text) => import(&text, &c.questionnaire).map_err(Refusal::from),
                    None => Err(page_reason(&entry.get(2).as_string().unwrap_or_default())),
                };
                match outcome {
                    Ok(record) => c.tally.add(&record),
                    Err(reason) => c.refused.push(Refused { name, reason }),
                }
            }
            Ok(reply(&[
                ("kind", "added".into()),
                ("counted", (c.tally.counted() as f64).into()),
                ("refused", (c.refused.total() as f64).into()),
            ]))
        })
    }

    fn finish() -> Result<JsValue, &'static str> {
        COUNT.with(|c| {
            let c = c.borrow();
            let c = c.as_ref().ok_or("request")?;
            let cohort = c.tally.finish(c.refused.clone());
            let json = serde_json::to_string(&cohort).map_err(|_| "request")?;
            let languages = &c.questionnaire.doc().languages;
            let reasons: Vec<Value> = cohort
                .refused
                .listed()
                .iter()
                .map(|r| {
                    let messages: Map<String, Value> = languages
                        .iter()
                        .map(|lang| (lang.as_str().to_owned(), r.reason.message(lang).into()))
                        .collect();
                    json!({"kind": r.reason.kind(), "messages": messages})
                })
                .collect();
            let more: Map<String, Value> = Lang::ALL
                .into_iter()
                .filter_map(|lang| {
                    let more = cohort.refused.more(&lang.lang_tag())?;
                    Some((lang.tag().to_owned(), more.into()))
                })
                .collect();
            Ok(reply(&[
                ("kind", "done".into()),
                ("cohort", json.into()),
                ("csv", to_csv(&cohort).into()),
                ("reasons", Value::from(reasons).to_string().into()),
                ("more", Value::Object(more).to_string().into()),
            ]))
        })
    }

    async fn answer(request: JsValue) -> Result<JsValue, &'static str> {
        match get(&request, "kind").as_string().as_deref() {
            Some("check") => check(&request).await,
            Some("start") => start(&request).await,
            Some("add") => add(&request),
            Some("finish") => finish(),
            _ => Err("request"),
        }
    }

    pub fn start_listening() {
        let on_message =
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(|event: web_sys::MessageEvent| {
                let request = event.data();
                wasm_bindgen_futures::spawn_local(async move {
                    let message = match answer(request).await {
                        Ok(reply) => reply,
                        Err(why) => reply(&[("kind", "error".into()), ("error", why.into())]),
                    };
                    let _ = scope().post_message(&message);
                });
            });
        scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        // The core's limits with it: the page refuses a file over them before reading it.
        let ready = reply(&[
            ("kind", "ready".into()),
            ("maxResultBytes", (MAX_RESULT_BYTES as f64).into()),
            ("maxConfigBytes", (MAX_CONFIG_BYTES as f64).into()),
        ]);
        let _ = scope().post_message(&ready);
    }
}

fn main() {
    #[cfg(target_arch = "wasm32")]
    worker::start_listening();
}
