//! The report's "next time" part, for one person's own device: start a follow-up from these
//! answers, and compare them with an earlier assessment kept on this device or an answers file.
//! Never in a kiosk, which keeps no history and offers no file.

use gloo::file::callbacks::FileReader;
use yew::prelude::*;

use crate::components::answers_file::read_chosen;
use crate::i18n::{Lang, Strings};
use crate::state::{Action, Earlier};

#[derive(Properties, PartialEq)]
pub struct EarlierAssessmentsProps {
    pub lang: Lang,
    /// The earlier assessments kept on this device, oldest first.
    pub history: Vec<Earlier>,
    /// The key of the one compared now, if it is from the history.
    pub comparing: Option<String>,
    /// Whether a comparison is shown (from anywhere).
    pub compared: bool,
    pub send: Callback<Action>,
}

#[component]
pub fn EarlierAssessments(props: &EarlierAssessmentsProps) -> Html {
    let lang = props.lang;
    let s = Strings::of(lang);
    let reader = use_mut_ref(|| None::<FileReader>);
    let compare_file = {
        let send = props.send.clone();
        Callback::from(move |e: Event| read_chosen(e, &reader, &send, Action::CompareFile))
    };
    html! {
        <section class="earlier report-section no-print" aria-labelledby="earlier-title">
            <h2 id="earlier-title">{ s.handoff.follow_up_title }</h2>
            <p>{ s.handoff.follow_up_explain }</p>
            <div class="actions">
                <button type="button" class="button" onclick={props.send.reform(|_| Action::FollowUp)}>
                    { s.handoff.start_follow_up }
                </button>
                <label class="button file">
                    { s.handoff.compare_file }
                    <input type="file" accept=".json,application/json" onchange={compare_file} />
                </label>
                if props.compared {
                    <button type="button" class="button" onclick={props.send.reform(|_| Action::StopComparing)}>
                        { s.handoff.stop_comparing }
                    </button>
                }
            </div>
            if !props.history.is_empty() {
                <h3>{ s.handoff.earlier_title }</h3>
                <ul class="earlier-list">
                    { for props.history.iter().rev().map(|earlier| {
                        let date = earlier.sheet.date.map_or_else(|| s.handoff.undated.to_owned(), |d| d.to_string());
                        let current = props.comparing.as_deref() == Some(earlier.key.as_str());
                        let (compare, forget) = (earlier.key.clone(), earlier.key.clone());
                        html! {
                            <li>
                                <span class="date">{ date }</span>
                                <button type="button" class="button" aria-pressed={current.to_string()}
                                    onclick={props.send.reform(move |_| Action::CompareWith(compare.clone()))}>
                                    { s.handoff.compare }
                                </button>
                                <button type="button" class="link"
                                    onclick={props.send.reform(move |_| Action::ForgetEarlier(forget.clone()))}>
                                    { s.handoff.forget }
                                </button>
                            </li>
                        }
                    }) }
                </ul>
            }
        </section>
    }
}
