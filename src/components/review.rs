//! The review: the questions that apply and are still unanswered, each a link to its place in the
//! walk, then the way to the report.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::section::step_titles;
use crate::components::{AnswersFile, Steps};
use crate::state::{Action, State};

#[derive(Properties, PartialEq)]
pub struct ReviewProps {
    pub state: Rc<State>,
    pub send: Callback<Action>,
}

#[component]
pub fn Review(props: &ReviewProps) -> Html {
    let state = &props.state;
    let lang = state.lang;
    let tag = lang.lang_tag();
    let s = lang.strings();
    let review = state.section_count();
    let steps = props.send.reform(Action::Step);
    let titles = step_titles(state);
    let missing = &state.report.missing;

    let groups = (0..state.section_count()).filter_map(|section| {
        let questions: Vec<_> = missing
            .iter()
            .filter(|id| state.section_of(id) == Some(section))
            .filter_map(|id| state.questionnaire.question(id))
            .collect();
        (!questions.is_empty()).then(|| {
            html! {
                <li>
                    <h2>{ titles[section].clone() }</h2>
                    <ul class="missing">
                        { for questions.into_iter().map(|q| {
                            let id = q.id().clone();
                            let mark = match q {
                                assessment::Asked::Item(item) => format!("{} ", item.id),
                                assessment::Asked::Profile(_) => String::new(),
                            };
                            html! {
                                <li>
                                    <button type="button" class="link"
                                        onclick={props.send.reform(move |_| Action::GoTo(id.clone()))}>
                                        { mark }{ q.text().get(&tag) }
                                    </button>
                                </li>
                            }
                        }) }
                    </ul>
                </li>
            }
        })
    });

    html! {
        <>
            <Steps lang={lang} titles={titles.clone()} current={review}
                answered={state.report.progress.answered} total={state.report.progress.total}
                on_go={steps} />
            <section class="review" aria-labelledby="screen-title">
                <h1 id="screen-title" tabindex="-1">{ s.review_title }</h1>
                if missing.is_empty() {
                    <p class="lead">{ s.review_done }</p>
                } else {
                    <p class="lead">{ s.review_missing }</p>
                    <ul class="groups">{ for groups }</ul>
                }
                <div class="actions walk-nav">
                    <button type="button" class="button" onclick={props.send.reform(|_| Action::Back)}>
                        { s.back }
                    </button>
                    <button type="button" class="button primary" onclick={props.send.reform(|_| Action::Next)}>
                        { s.see_report }
                    </button>
                </div>
                if state.files_allowed() {
                    <AnswersFile lang={lang} sheet={state.sheet.clone()} send={props.send.clone()} />
                }
            </section>
        </>
    }
}
