//! Where the person is in the walk: the sections as steps they can jump between, and how many of
//! the questions that apply to them are answered.

use yew::prelude::*;

use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct StepsProps {
    pub lang: Lang,
    /// Every step's title, in order: the sections, then the review.
    pub titles: Vec<AttrValue>,
    pub current: usize,
    pub answered: usize,
    pub total: usize,
    pub on_go: Callback<usize>,
}

#[component]
pub fn Steps(props: &StepsProps) -> Html {
    let lang = props.lang;
    let s = lang.strings();
    let count = props.titles.len();
    html! {
        <nav class="steps" aria-label={s.sections}>
            <ol>
                { for props.titles.iter().enumerate().map(|(i, title)| {
                    let on_go = props.on_go.clone();
                    let current = i == props.current;
                    html! {
                        <li>
                            <button type="button" class={classes!(current.then_some("current"))}
                                aria-current={current.then_some("step")}
                                onclick={move |_| on_go.emit(i)}>
                                <span class="n" aria-hidden="true">{ i + 1 }</span>
                                <span class="title">{ title }</span>
                                <span class="visually-hidden">{ format!(" ({})", lang.step(i + 1, count)) }</span>
                            </button>
                        </li>
                    }
                }) }
            </ol>
            <p class="counter">
                <label for="answered">{ lang.answered(props.answered, props.total) }</label>
                <progress id="answered" max={props.total.max(1).to_string()}
                    value={props.answered.to_string()}></progress>
            </p>
        </nav>
    }
}
