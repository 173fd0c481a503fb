//! One section of the walk: the profile or a dimension, with the questions that apply (or may
//! apply) to this firm, shown or hidden live as profile answers change.

use std::rc::Rc;

use assessment::{Answer, Asked};
use yew::prelude::*;

use crate::components::{Question, Steps};
use crate::state::{Action, State};

#[derive(Properties, PartialEq)]
pub struct SectionProps {
    pub state: Rc<State>,
    pub section: usize,
    pub send: Callback<Action>,
}

#[component]
pub fn Section(props: &SectionProps) -> Html {
    let state = &props.state;
    let lang = state.lang;
    let tag = lang.lang_tag();
    let s = lang.strings();
    let doc = state.questionnaire.doc();
    let (title, intro) = match props.section {
        0 => (s.profile_title.to_owned(), s.profile_intro.to_owned()),
        n => {
            let d = &doc.dimensions[n - 1];
            (
                d.title.get(&tag).to_owned(),
                d.description.get(&tag).to_owned(),
            )
        }
    };
    let questions = state.section_questions(props.section);
    let last = props.section + 1 == state.section_count();

    let steps = props.send.reform(Action::Step);

    html! {
        <>
            <Steps lang={lang} titles={step_titles(state)} current={props.section}
                answered={state.report.progress.answered} total={state.report.progress.total}
                on_go={steps} />
            <section class="section" aria-labelledby="screen-title">
                <h1 id="screen-title" tabindex="-1">{ title }</h1>
                <p class="lead">{ intro }</p>
                // The keyed questions are the only children of their element: Yew re-creates a
                // list that mixes keyed and unkeyed children whenever its length changes, which
                // would lose focus and scroll position as questions appear and disappear.
                <div class="questions">
                    { for questions.iter()
                        .filter(|q| state.report.shows(q.id()))
                        .enumerate()
                        .map(|(n, q)| question(state, *q, n, &props.send)) }
                </div>
                <div class="actions walk-nav">
                    <button type="button" class="button" onclick={props.send.reform(|_| Action::Back)}>
                        { s.back }
                    </button>
                    <button type="button" class="button primary" onclick={props.send.reform(|_| Action::Next)}>
                        { if last { s.review_step } else { s.next } }
                    </button>
                </div>
            </section>
        </>
    }
}

/// The steps' titles: the profile, each dimension, the review.
pub fn step_titles(state: &State) -> Vec<AttrValue> {
    let s = state.lang.strings();
    let tag = state.lang.lang_tag();
    std::iter::once(AttrValue::from(s.profile_title))
        .chain(
            state
                .questionnaire
                .doc()
                .dimensions
                .iter()
                .map(|d| AttrValue::from(short_title(d.title.get(&tag)).to_owned())),
        )
        .chain(std::iter::once(AttrValue::from(s.review_step)))
        .collect()
}

/// "Technology: digital infrastructure" → "Technology": the part before the first colon.
pub fn short_title(title: &str) -> &str {
    title.split([':', '：']).next().unwrap_or(title).trim()
}

fn question(state: &State, q: Asked<'_>, index: usize, send: &Callback<Action>) -> Html {
    let tag = state.lang.lang_tag();
    let id = q.id().clone();
    let mark = match q {
        Asked::Profile(_) => (index + 1).to_string(),
        Asked::Item(item) => item.id.to_string(),
    };
    let chosen = state
        .sheet
        .get(&id)
        .map(|a: &Answer| a.chosen().to_vec())
        .unwrap_or_default();
    let options = q
        .options()
        .into_iter()
        .map(|(o, label)| (o.clone(), AttrValue::from(label.get(&tag).to_owned())))
        .collect::<Vec<_>>();
    let on_choose = {
        let (send, id) = (send.clone(), id.clone());
        Callback::from(move |o| send.emit(Action::Choose(id.clone(), o)))
    };
    let on_clear = {
        let (send, id) = (send.clone(), id.clone());
        Callback::from(move |()| send.emit(Action::Clear(id.clone())))
    };
    html! {
        <Question key={id.to_string()} id={id.clone()} mark={mark}
            text={q.text().get(&tag).to_owned()}
            help={q.help().map(|h| AttrValue::from(h.get(&tag).to_owned()))}
            multiple={q.multiple()} options={options} chosen={chosen} lang={state.lang}
            on_choose={on_choose} on_clear={on_clear} />
    }
}
