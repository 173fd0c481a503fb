//! Components rendered in headless Chromium (wasm-bindgen-test): what they show, and what they send
//! back when a person uses them.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use assessment::{HsCode, OptionId, Progress, QuestionId, Questionnaire, BUILTIN_QUESTIONNAIRE};
use exporter_assessment::components::hs_codes::HsCodesProps;
use exporter_assessment::components::{
    Bar, HsCodes, LangSwitch, LangSwitchProps, Question, QuestionProps, RadarChart,
    RadarChartProps, ScoreBars, ScoreBarsProps, Start, StartProps,
};
use exporter_assessment::i18n::Lang;
use exporter_assessment::state::Shared;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};
use yew::{BaseComponent, Callback, Html};

wasm_bindgen_test_configure!(run_in_browser);

/// Renders a component with `props` into a fresh element of the page and waits for the render.
async fn render<C: BaseComponent>(props: C::Properties) -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<C>::with_root_and_props(root.clone(), props).render();
    settle().await;
    root
}

/// Lets Yew's scheduler run the pending renders.
async fn settle() {
    yew::platform::time::sleep(Duration::from_millis(10)).await;
}

fn click(root: &Element, selector: &str) {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .unchecked_into::<HtmlElement>()
        .click();
}

/// Records what a callback was called with.
fn recorder<T: 'static>() -> (Callback<T>, Rc<RefCell<Vec<T>>>) {
    let seen = Rc::new(RefCell::new(Vec::new()));
    let sink = seen.clone();
    (Callback::from(move |v| sink.borrow_mut().push(v)), seen)
}

fn start_props(
    lang: Lang,
    offer: Option<Progress>,
) -> (StartProps, Rc<RefCell<Vec<&'static str>>>) {
    let seen = Rc::new(RefCell::new(Vec::new()));
    let (begin, resume) = (seen.clone(), seen.clone());
    let props = StartProps {
        lang,
        title: "出口企业数字贸易成熟度自评".into(),
        description: "描述".into(),
        disclaimer: "不构成法律意见".into(),
        minutes: 13,
        questions: 38,
        questionnaire: Shared::new(Questionnaire::from_json(BUILTIN_QUESTIONNAIRE).unwrap()),
        offer,
        kiosk: false,
        persistent: true,
        children: Html::default(),
        on_begin: Callback::from(move |()| begin.borrow_mut().push("begin")),
        on_resume: Callback::from(move |()| resume.borrow_mut().push("resume")),
    };
    (props, seen)
}

#[wasm_bindgen_test]
async fn start_says_how_long_it_takes_and_where_answers_stay() {
    let (props, seen) = start_props(Lang::En, None);
    let root = render::<Start>(props).await;
    let text = root.text_content().unwrap();
    assert!(
        text.contains("About 13 minutes, 38 questions, and a few more to read your report"),
        "{text}"
    );
    assert!(text.contains("stay on this device"), "{text}");
    // Worded from the questionnaire: the shipped one has three dimensions and critical rules.
    assert!(
        text.contains("the three dimensions and your bottleneck, critical compliance gaps"),
        "{text}"
    );
    assert_eq!(root.query_selector_all("button").unwrap().length(), 1);
    click(&root, "button.primary");
    assert_eq!(*seen.borrow(), ["begin"]);
}

#[wasm_bindgen_test]
async fn start_says_answers_are_not_kept_where_the_page_cannot_keep_them() {
    // A frame whose browser blocks its storage: the start promises nothing it cannot keep.
    let (mut props, _) = start_props(Lang::En, None);
    props.persistent = false;
    let root = render::<Start>(props).await;
    let text = root.text_content().unwrap();
    assert!(
        text.contains("does not let this page keep your answers"),
        "{text}"
    );
    assert!(!text.contains("stay on this device"), "{text}");
}

#[wasm_bindgen_test]
async fn start_offers_to_resume_saved_answers() {
    let offer = Progress {
        answered: 12,
        total: 35,
    };
    let (props, seen) = start_props(Lang::ZhCn, Some(offer));
    let root = render::<Start>(props).await;
    let text = root.text_content().unwrap();
    // Counted over what applies to the saved answers, not the questionnaire's whole count.
    assert!(text.contains("已答 12 / 35 题"), "{text}");
    assert!(text.contains("未完成"), "{text}");
    click(&root, "button.primary");
    click(&root, "button:not(.primary)");
    assert_eq!(*seen.borrow(), ["resume", "begin"]);
}

#[wasm_bindgen_test]
async fn start_says_when_saved_answers_are_complete_and_what_a_kiosk_keeps() {
    let offer = Progress {
        answered: 35,
        total: 35,
    };
    let (props, _) = start_props(Lang::En, Some(offer));
    let text = render::<Start>(props).await.text_content().unwrap();
    assert!(
        text.contains("every question that applies is answered"),
        "{text}"
    );
    assert!(!text.contains("not finished"), "{text}");
    let (mut props, _) = start_props(Lang::En, None);
    props.kiosk = true;
    let text = render::<Start>(props).await.text_content().unwrap();
    assert!(text.contains("shared machine"), "{text}");
    assert!(!text.contains("stay on this device"), "{text}");
}

#[wasm_bindgen_test]
async fn language_switch_marks_the_current_language_and_reports_a_change() {
    let (on_change, seen) = recorder::<Lang>();
    let root = render::<LangSwitch>(LangSwitchProps {
        lang: Lang::ZhCn,
        on_change,
        waiting: false,
    })
    .await;
    let pressed = root.query_selector("[aria-pressed=true]").unwrap().unwrap();
    assert_eq!(pressed.get_attribute("lang").as_deref(), Some("zh-CN"));
    assert_eq!(pressed.text_content().as_deref(), Some("简体中文"));
    click(&root, "button[lang=en]");
    assert_eq!(*seen.borrow(), [Lang::En]);
}

fn question_props(multiple: bool, chosen: &[&str]) -> (QuestionProps, Rc<RefCell<Vec<String>>>) {
    let seen = Rc::new(RefCell::new(Vec::new()));
    let (choose, clear) = (seen.clone(), seen.clone());
    let props = QuestionProps {
        id: QuestionId::from("T1"),
        mark: "T1".into(),
        text: "How good is your connection?".into(),
        help: Some("Latency is the wait before a page responds.".into()),
        multiple,
        options: ["slow", "fast", "edge"]
            .map(|o| (OptionId::from(o), format!("label {o}").into()))
            .to_vec(),
        chosen: chosen.iter().map(|o| OptionId::from(*o)).collect(),
        lang: Lang::En,
        on_choose: Callback::from(move |o: OptionId| choose.borrow_mut().push(o.to_string())),
        on_clear: Callback::from(move |()| clear.borrow_mut().push("clear".into())),
        codes: None,
        on_add_code: Callback::noop(),
        on_remove_code: Callback::noop(),
    };
    (props, seen)
}

#[wasm_bindgen_test]
async fn a_single_choice_question_is_a_radio_group_with_help_and_clear() {
    let (props, seen) = question_props(false, &["fast"]);
    let root = render::<Question>(props).await;
    let fieldset = root.query_selector("fieldset#q-T1").unwrap().unwrap();
    assert!(fieldset
        .query_selector("legend")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap()
        .contains("How good"));
    let radios = root
        .query_selector_all("input[type=radio][name=T1]")
        .unwrap();
    assert_eq!(radios.length(), 3);
    let checked = root.query_selector("input:checked").unwrap().unwrap();
    assert_eq!(checked.get_attribute("value").as_deref(), Some("fast"));
    // Help is a native disclosure: keyboard-operable without script.
    assert_eq!(
        root.query_selector_all("details.help summary")
            .unwrap()
            .length(),
        1
    );
    click(&root, "input[value=edge]");
    click(&root, "button.clear");
    assert_eq!(*seen.borrow(), ["edge", "clear"]);
}

#[wasm_bindgen_test]
async fn a_multiple_choice_question_is_checkboxes_with_a_hint_and_no_clear() {
    let (props, seen) = question_props(true, &["slow", "edge"]);
    let root = render::<Question>(props).await;
    assert_eq!(
        root.query_selector_all("input[type=checkbox]:checked")
            .unwrap()
            .length(),
        2
    );
    let fieldset = root.query_selector("fieldset").unwrap().unwrap();
    let hint = fieldset.get_attribute("aria-describedby").unwrap();
    assert_eq!(
        root.query_selector(&format!("#{hint}"))
            .unwrap()
            .unwrap()
            .text_content()
            .as_deref(),
        Some("Choose all that apply")
    );
    assert!(root.query_selector("button.clear").unwrap().is_none());
    click(&root, "input[value=fast]");
    assert_eq!(*seen.borrow(), ["fast"]);
}

#[wasm_bindgen_test]
async fn an_unanswered_question_checks_nothing_and_offers_no_clear() {
    let (props, _) = question_props(false, &[]);
    let root = render::<Question>(props).await;
    assert!(root.query_selector("input:checked").unwrap().is_none());
    assert!(root.query_selector("button.clear").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn the_radar_chart_writes_every_score_and_describes_itself() {
    let root = render::<RadarChart>(RadarChartProps {
        title: "Radar chart".into(),
        axes: vec![
            ("Technology".into(), Some(75.0)),
            ("Industry".into(), Some(66.4)),
            ("Institutions".into(), None),
        ],
        earlier: None,
    })
    .await;
    let svg = root.query_selector("svg[role=img]").unwrap().unwrap();
    let desc = svg
        .query_selector("desc")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert_eq!(desc, "Technology: 75.0; Industry: 66.4; Institutions: –");
    let values: Vec<String> = (0..3)
        .map(|i| {
            svg.query_selector_all("text.value")
                .unwrap()
                .get(i)
                .unwrap()
                .text_content()
                .unwrap()
        })
        .collect();
    assert_eq!(values, ["75.0", "66.4", "–"]);
    // The shape's first point is straight up from the centre (180,180) at 75% of the radius (110).
    let shape = svg.query_selector("polygon.shape").unwrap().unwrap();
    let points = shape.get_attribute("points").unwrap();
    assert!(points.starts_with("180.0,97.5 "), "{points}");
    assert_eq!(points.split(' ').count(), 3);
    assert!(svg.query_selector(".legend").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn an_earlier_shape_is_dashed_named_in_a_legend_and_described() {
    let root = render::<RadarChart>(RadarChartProps {
        title: "Radar chart".into(),
        axes: vec![
            ("Technology".into(), Some(75.0)),
            ("Industry".into(), Some(66.4)),
            ("Institutions".into(), Some(50.0)),
        ],
        earlier: Some((
            vec![Some(50.0), Some(66.4), None],
            "Then: dashed line (2025-11-20)".into(),
            "Now: solid line (2026-11-26)".into(),
        )),
    })
    .await;
    let svg = root.query_selector("svg[role=img]").unwrap().unwrap();
    let earlier = svg
        .query_selector("polygon.shape.earlier")
        .unwrap()
        .unwrap();
    let points = earlier.get_attribute("points").unwrap();
    // Half the radius up from the centre for the earlier 50.
    assert!(points.starts_with("180.0,125.0 "), "{points}");
    let legend = svg
        .query_selector(".legend")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(
        legend.contains("Then: dashed line (2025-11-20)") && legend.contains("Now: solid line")
    );
    let desc = svg
        .query_selector("desc")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert_eq!(
        desc,
        "Now: solid line (2026-11-26) — Technology: 75.0; Industry: 66.4; Institutions: 50.0. \
         Then: dashed line (2025-11-20) — Technology: 50.0; Industry: 66.4; Institutions: –."
    );
}

#[wasm_bindgen_test]
async fn score_bars_are_as_long_as_the_score_and_name_the_bottleneck_in_words() {
    let root = render::<ScoreBars>(ScoreBarsProps {
        title: "Dimensions".into(),
        bars: vec![
            Bar {
                label: "Technology".into(),
                score: Some(50.0),
                note: None,
            },
            Bar {
                label: "Institutions".into(),
                score: Some(25.0),
                note: Some("Bottleneck".into()),
            },
        ],
    })
    .await;
    let fills = root.query_selector_all("rect.fill").unwrap();
    let width = |i| {
        fills
            .get(i)
            .unwrap()
            .unchecked_into::<Element>()
            .get_attribute("width")
            .unwrap()
    };
    assert_eq!((width(0), width(1)), ("50.0".to_owned(), "25.0".to_owned()));
    let text = root.text_content().unwrap();
    assert!(text.contains("Institutions — Bottleneck"), "{text}");
    assert!(text.contains("25.0"), "{text}");
}

/// The goods question's code field: a labelled input with its hint, the codes given as chips
/// each removable by a named button; a refused code's reason is tied to the field.
#[wasm_bindgen_test]
async fn the_code_field_is_labelled_and_its_codes_removable() {
    let (on_add, added) = recorder::<HsCode>();
    let (on_remove, removed) = recorder::<HsCode>();
    let code = HsCode::from_input("7318.15").unwrap();
    let root = render::<HsCodes>(HsCodesProps {
        id: QuestionId::from("P.goods"),
        codes: vec![code.clone()],
        lang: Lang::En,
        on_add,
        on_remove,
    })
    .await;
    let input = root
        .query_selector("input#q-P\\.goods-code")
        .unwrap()
        .unwrap();
    let label = root
        .query_selector("label[for='q-P.goods-code']")
        .unwrap()
        .unwrap();
    assert_eq!(
        label.text_content().as_deref(),
        Some("Goods not in the list: their HS code")
    );
    assert_eq!(
        input.get_attribute("aria-describedby").as_deref(),
        Some("q-P.goods-code-hint")
    );
    let chip = root.query_selector(".codes li").unwrap().unwrap();
    assert!(chip.text_content().unwrap().contains("HS 731815"));
    let remove = chip.query_selector("button").unwrap().unwrap();
    assert_eq!(
        remove.get_attribute("aria-label").as_deref(),
        Some("Remove HS 731815")
    );
    remove.unchecked_into::<HtmlElement>().click();
    assert_eq!(*removed.borrow(), [code]);

    // A text that is not a code: its reason, tied to the field; nothing added.
    input
        .clone()
        .unchecked_into::<web_sys::HtmlInputElement>()
        .set_value("73a8");
    input
        .dispatch_event(&web_sys::InputEvent::new("input").unwrap())
        .unwrap();
    settle().await;
    click(&root, ".code-entry button");
    settle().await;
    let error = root.query_selector(".hs-codes .error").unwrap().unwrap();
    assert!(
        error
            .text_content()
            .unwrap()
            .contains("\"a\" is not a digit"),
        "{:?}",
        error.text_content()
    );
    assert_eq!(
        input.get_attribute("aria-describedby").as_deref(),
        Some("q-P.goods-code-hint q-P.goods-code-error")
    );
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(added.borrow().is_empty());
}

/// What the app and the report's worker say to each other reads back as it was written.
#[wasm_bindgen_test]
fn the_report_workers_messages_read_back_as_written() {
    use assessment::obligations::{obligations, page, Catalogue, Trade};
    use assessment::{AnswerSheet, Customisation, Date, BUILTIN_CATALOGUE};
    use exporter_assessment::report_worker::message::{
        seq, Failure, ObligationsRequest, Qr, Reply, Request, Sources,
    };

    let q = Questionnaire::from_json(BUILTIN_QUESTIONNAIRE).unwrap();
    let date = Date::new(2026, 12, 7).unwrap();
    let mut customisation = Customisation::default();
    customisation.weights.items.insert("T1".to_owned(), 2.5);
    let requests = [
        Request::Qr {
            base: "https://example.org/app/".into(),
            code: "0123".into(),
        },
        Request::Obligations(ObligationsRequest {
            answers: AnswerSheet::new(&q).to_json(),
            date,
            lang: Lang::ZhCn,
            sources: Sources::default(),
        }),
        Request::Obligations(ObligationsRequest {
            answers: "{}".into(),
            date,
            lang: Lang::En,
            sources: Sources {
                questionnaire: Some("https://a.example/q.json".into()),
                customisation: Some(customisation.to_json()),
                catalogue: Some("https://a.example/o.json".into()),
            },
        }),
    ];
    for (n, request) in requests.into_iter().enumerate() {
        let message = request.to_message(n as u32 + 1);
        assert_eq!(seq(&message), Some(n as u32 + 1));
        assert_eq!(Request::from_message(&message), Ok(request));
    }
    assert_eq!(
        Request::from_message(&"{}".into()),
        Err(Failure::Request),
        "a message that is no request"
    );

    let catalogue = Catalogue::from_json(BUILTIN_CATALOGUE, &q).unwrap();
    let sheet = AnswerSheet::new(&q);
    let trade = Trade::from_answers(&catalogue, &q, &sheet);
    let findings = obligations(&catalogue, &q, &trade, &sheet, date);
    let shown = page(&catalogue, &q, &findings, &"en".into(), date);
    // Pages and problems are shared (compared by identity): their contents are compared.
    match Reply::from_message(&Reply::Page(Shared::new(shown.clone())).to_message(7)) {
        Reply::Page(page) => assert_eq!(*page, shown),
        other => panic!("{other:?}"),
    }
    let problems = vec!["one".to_owned(), "two".to_owned()];
    match Reply::from_message(&Reply::Refused(Shared::new(problems.clone())).to_message(7)) {
        Reply::Refused(read) => assert_eq!(*read, problems),
        other => panic!("{other:?}"),
    }
    let replies = [
        Reply::Qr(Qr {
            size: 2,
            modules: vec![true, false, false, true],
        }),
        Reply::Failed(Failure::TooLong),
        Reply::Failed(Failure::Unavailable),
    ];
    for reply in replies {
        assert_eq!(Reply::from_message(&reply.to_message(7)), reply);
    }
}
