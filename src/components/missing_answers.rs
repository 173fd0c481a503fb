//! At the top of a report that is not finished: what is still unanswered, section by section, and
//! the way back to the first of them. A half-filled sheet must read as unfinished before anything
//! else, never as a clean bill.

use assessment::plan::Missing;
use assessment::Questionnaire;
use yew::prelude::*;

use crate::i18n::{Lang, Strings};
use crate::route::Screen;
use crate::state::{Action, Shared};

#[derive(Properties, PartialEq)]
pub struct MissingAnswersProps {
    pub lang: Lang,
    pub questionnaire: Shared<Questionnaire>,
    /// What is still to answer, by section (the core's `missing_by_section`).
    pub missing: Shared<Vec<Missing>>,
    pub send: Callback<Action>,
}

#[component]
pub fn MissingAnswers(props: &MissingAnswersProps) -> Html {
    let s = Strings::of(props.lang);
    let tag = props.lang.lang_tag();
    let q = &props.questionnaire;
    let sections = props.missing.iter().map(|m| {
        let title = q
            .section_title(&m.section)
            .map_or(s.walk.profile_title, |t| t.get(&tag));
        html! { <li>{ s.report.missing_in(title, m.questions.len()) }</li> }
    });
    let first = props.missing.first().map(|m| m.section.clone());
    html! {
        <section class="missing report-section" role="note" aria-labelledby="missing-title">
            <h2 id="missing-title">{ s.report.missing_title }</h2>
            <p>{ s.report.partial(props.missing.iter().map(|m| m.questions.len()).sum()) }{ " " }{ s.report.missing_intro }</p>
            <ul>{ for sections }</ul>
            if let Some(section) = first {
                <button type="button" class="button primary no-print"
                    onclick={props.send.reform(move |_| Action::Go(Screen::Section(section.clone())))}>
                    { s.report.finish_questions }
                </button>
            }
        </section>
    }
}
