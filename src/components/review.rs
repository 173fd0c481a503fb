//! The review: the questions that apply and are still unanswered, each a link to its place in the
//! walk, the HS codes the firm gave (they are in no list it could check), then the way to the
//! report.

use std::rc::Rc;

use assessment::Asked;
use yew::prelude::*;

use crate::components::steps::walk_steps;
use crate::components::{AnswersFile, Steps};
use crate::i18n::Strings;
use crate::route::Screen;
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
    let s = Strings::of(lang);
    let q = &state.questionnaire;
    let steps = walk_steps(state);
    let missing = &state.report.missing;
    // The codes typed into a question that takes them, as text: `HS 731815 · HS 9403`.
    let codes: Vec<String> = q
        .questions()
        .filter(|question| question.takes_codes())
        .flat_map(|question| state.sheet.codes(question.id()).iter().map(|c| c.label()))
        .collect();

    // The steps are the sections in the walk's order (then the review): each with what it misses.
    let groups = steps.iter().filter_map(|step| {
        let Screen::Section(section) = &step.screen else {
            return None;
        };
        let questions = state.report.missing_in(q, section);
        (!questions.is_empty()).then(|| {
            html! {
                <li>
                    <h2>{ step.title.clone() }</h2>
                    <ul class="missing">
                        { for questions.into_iter().map(|q| {
                            let id = q.id().clone();
                            let mark = match q {
                                Asked::Item(item) => format!("{} ", item.id),
                                Asked::Profile(_) => String::new(),
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
            <Steps lang={lang} steps={steps.clone()} current={Screen::Review}
                answered={state.report.progress.answered} total={state.report.progress.total}
                on_go={props.send.reform(Action::Go)} />
            <section class="review" aria-labelledby="screen-title">
                <h1 id="screen-title" tabindex="-1">{ s.walk.review_title }</h1>
                if missing.is_empty() {
                    <p class="lead">{ s.walk.review_done }</p>
                } else {
                    <p class="lead">{ s.walk.review_missing }</p>
                    <ul class="groups">{ for groups }</ul>
                }
                if !codes.is_empty() {
                    <p class="codes-given">{ s.walk.codes_typed }{ s.common.colon }{ codes.join(" · ") }</p>
                }
                <div class="actions walk-nav">
                    <button type="button" class="button" onclick={props.send.reform(|_| Action::Back)}>
                        { s.walk.back }
                    </button>
                    <button type="button" class="button primary" onclick={props.send.reform(|_| Action::Next)}>
                        { s.walk.see_report }
                    </button>
                </div>
                if state.files_allowed() {
                    <AnswersFile lang={lang} sheet={state.sheet.clone()} send={props.send.clone()} />
                }
            </section>
        </>
    }
}
