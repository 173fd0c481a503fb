//! Components rendered in headless Chromium (wasm-bindgen-test): what they show, and what they send
//! back when a person uses them.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use exporter_assessment::components::{LangSwitch, LangSwitchProps, Start, StartProps};
use exporter_assessment::i18n::Lang;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};
use yew::{BaseComponent, Callback};

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
    saved_answers: Option<usize>,
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
        saved_answers,
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
    assert!(text.contains("About 13 minutes, 38 questions"), "{text}");
    assert!(text.contains("stay on this device"), "{text}");
    assert_eq!(root.query_selector_all("button").unwrap().length(), 1);
    click(&root, "button.primary");
    assert_eq!(*seen.borrow(), ["begin"]);
}

#[wasm_bindgen_test]
async fn start_offers_to_resume_saved_answers() {
    let (props, seen) = start_props(Lang::ZhCn, Some(12));
    let root = render::<Start>(props).await;
    let text = root.text_content().unwrap();
    assert!(text.contains("已答 12 / 38 题"), "{text}");
    click(&root, "button.primary");
    click(&root, "button:not(.primary)");
    assert_eq!(*seen.borrow(), ["resume", "begin"]);
}

#[wasm_bindgen_test]
async fn language_switch_marks_the_current_language_and_reports_a_change() {
    let (on_change, seen) = recorder::<Lang>();
    let root = render::<LangSwitch>(LangSwitchProps {
        lang: Lang::ZhCn,
        on_change,
    })
    .await;
    let pressed = root.query_selector("[aria-pressed=true]").unwrap().unwrap();
    assert_eq!(pressed.get_attribute("lang").as_deref(), Some("zh-CN"));
    assert_eq!(pressed.text_content().as_deref(), Some("简体中文"));
    click(&root, "button[lang=en]");
    assert_eq!(*seen.borrow(), [Lang::En]);
}
