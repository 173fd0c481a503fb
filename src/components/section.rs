//! One section of the walk: the profile (or one of its parts) or a dimension, with the questions
//! that apply (or may apply) to this firm, shown or hidden live as profile answers change.

use std::rc::Rc;

use assessment::{Answer, Asked, SectionId};
use yew::prelude::*;

use crate::components::steps::walk_steps;
use crate::components::{use_id_scope, Question, Steps};
use crate::i18n::Strings;
use crate::paint::use_painted;
use crate::route::Screen;
use crate::state::{Action, State};

/// How many of a section's questions the first frame of the section builds: more than fill a
/// phone's or a laptop's screen. The rest are built just after that frame is painted. Building
/// and laying out all 24 questions of the profile before the first paint put the first question
/// 0.3 s later on slow 4G at 4x CPU; a person sees the top of the section sooner, and
/// the rest are there before they can scroll to them.
pub(crate) const FIRST_FRAME: usize = 6;

/// How a step names a dimension; the report's parts name it so too.
pub use assessment::short_title;

#[derive(Properties, PartialEq)]
pub struct SectionProps {
    pub state: Rc<State>,
    pub section: SectionId,
    pub send: Callback<Action>,
}

#[component]
pub fn Section(props: &SectionProps) -> Html {
    let state = &props.state;
    let lang = state.lang;
    let tag = lang.lang_tag();
    let s = Strings::of(lang);
    let q = &state.questionnaire;
    // A part's or a dimension's title and introduction come from the questionnaire; those of a
    // profile without parts are the interface's words.
    let title = q
        .section_title(&props.section)
        .map_or(s.walk.profile_title, |t| t.get(&tag));
    let intro = q
        .section_intro(&props.section)
        .map_or(s.walk.profile_intro, |t| t.get(&tag));
    let shown = state.report.shown_in(q, &props.section);
    let here = state.report.progress_in(q, &props.section);
    let minutes_left = assessment::minutes_to_finish(q, &state.report, &tag) as usize;
    let last = q.next_section(&props.section).is_none();
    // Until the first frame is painted, its first questions and the one a review link asks to
    // focus (`App` keys this component by section, so each section starts with a first frame).
    let building = !use_painted();
    let title_id = use_id_scope().id("screen-title");
    let first_frame = match &state.focus {
        Some(focus) => shown
            .iter()
            .position(|a| a.id() == focus)
            .map_or(FIRST_FRAME, |at| FIRST_FRAME.max(at + 1)),
        None => FIRST_FRAME,
    };
    let built = if building { first_frame } else { shown.len() };

    html! {
        <>
            <Steps lang={lang} steps={walk_steps(state)} current={Screen::Section(props.section.clone())}
                answered={here.answered} total={here.total} here=true
                minutes_left={Some(minutes_left)}
                on_go={props.send.reform(Action::Go)} />
            <section class="section" aria-labelledby={title_id.clone()}
                aria-busy={(building && shown.len() > built).then_some("true")}>
                <h1 id={title_id} tabindex="-1">{ title }</h1>
                <p class="lead">{ intro }</p>
                if let Some(follow_up) = state.follow_up.as_ref().filter(|f| f.to_check.contains(&props.section)) {
                    <p class="notice follow-up">{ s.handoff.follow_up_banner(
                        &follow_up.from.map_or_else(|| s.handoff.undated.to_owned(), |d| d.to_string())) }</p>
                }
                // The keyed questions are the only children of their element: Yew re-creates a
                // list that mixes keyed and unkeyed children whenever its length changes, which
                // would lose focus and scroll position as questions appear and disappear.
                <div class="questions">
                    { for shown.iter()
                        .take(built)
                        .enumerate()
                        .map(|(n, q)| question(state, *q, n, &props.send)) }
                </div>
                <div class="actions walk-nav">
                    <button type="button" class="button" onclick={props.send.reform(|_| Action::Back)}>
                        { s.walk.back }
                    </button>
                    <button type="button" class="button primary" onclick={props.send.reform(|_| Action::Next)}>
                        { if last { s.walk.review_step } else { s.walk.next } }
                    </button>
                </div>
            </section>
        </>
    }
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
    let codes = q.takes_codes().then(|| state.sheet.codes(&id).to_vec());
    let on_add_code = {
        let (send, id) = (send.clone(), id.clone());
        Callback::from(move |c| send.emit(Action::AddCode(id.clone(), c)))
    };
    let on_remove_code = {
        let (send, id) = (send.clone(), id.clone());
        Callback::from(move |c| send.emit(Action::RemoveCode(id.clone(), c)))
    };
    html! {
        <Question key={id.to_string()} id={id.clone()} mark={mark}
            text={q.text().get(&tag).to_owned()}
            help={q.help().map(|h| AttrValue::from(h.get(&tag).to_owned()))}
            multiple={q.multiple()} options={options} chosen={chosen} lang={state.lang}
            on_choose={on_choose} on_clear={on_clear}
            codes={codes} on_add_code={on_add_code} on_remove_code={on_remove_code} />
    }
}
