//! Where the person is in the walk: the sections as steps they can jump between, how many of the
//! questions shown are answered (on a section, of that screen's), and about how long is left.

use assessment::short_title;
use yew::prelude::*;

use crate::components::use_id_scope;
use crate::i18n::{Lang, Strings};
use crate::route::Screen;
use crate::state::State;

/// One step: the screen it goes to and its title.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    pub screen: Screen,
    pub title: AttrValue,
    /// A section of a follow-up whose answers the person has not confirmed yet.
    pub to_check: bool,
}

/// The steps of the walk, in the core's order: each section (the profile, then each dimension by
/// its short title), then the review.
pub fn walk_steps(state: &State) -> Vec<Step> {
    let s = Strings::of(state.lang);
    let tag = state.lang.lang_tag();
    let q = &state.questionnaire;
    q.sections()
        .into_iter()
        .map(|section| {
            let title = match q.section_title(&section) {
                Some(title) => AttrValue::from(short_title(title.get(&tag)).to_owned()),
                None => AttrValue::from(s.walk.profile_title),
            };
            let to_check = state
                .follow_up
                .as_ref()
                .is_some_and(|f| f.to_check.contains(&section));
            Step {
                screen: Screen::Section(section),
                title,
                to_check,
            }
        })
        .chain(std::iter::once(Step {
            screen: Screen::Review,
            title: AttrValue::from(s.walk.review_step),
            to_check: false,
        }))
        .collect()
}

#[derive(Properties, PartialEq)]
pub struct StepsProps {
    pub lang: Lang,
    /// Every step, in order: the sections, then the review.
    pub steps: Vec<Step>,
    /// The screen shown now.
    pub current: Screen,
    /// How many are answered, of the questions counted: on a section, of those it shows (the
    /// core's `progress_in`, which moves only with what is on screen); on the review, of all.
    pub answered: usize,
    pub total: usize,
    /// Whether the count is of this screen's questions.
    #[prop_or_default]
    pub here: bool,
    /// The core's estimate of the minutes the whole walk still takes, where it is shown.
    #[prop_or_default]
    pub minutes_left: Option<usize>,
    pub on_go: Callback<Screen>,
}

#[component]
pub fn Steps(props: &StepsProps) -> Html {
    let lang = props.lang;
    let answered_id = use_id_scope().id("answered");
    let s = Strings::of(lang);
    let count = props.steps.len();
    html! {
        <nav class="steps" aria-label={s.walk.sections}>
            <ol>
                { for props.steps.iter().enumerate().map(|(i, step)| {
                    let on_go = props.on_go.clone();
                    let screen = step.screen.clone();
                    let current = step.screen == props.current;
                    html! {
                        <li>
                            <button type="button" class={classes!(current.then_some("current"))}
                                aria-current={current.then_some("step")}
                                onclick={move |_| on_go.emit(screen.clone())}>
                                <span class="n" aria-hidden="true">{ i + 1 }</span>
                                <span class="title">{ step.title.clone() }</span>
                                if step.to_check {
                                    <span class="to-check">{ s.walk.to_check }</span>
                                }
                                <span class="visually-hidden">{ format!(" ({})", s.walk.step(i + 1, count)) }</span>
                            </button>
                        </li>
                    }
                }) }
            </ol>
            <p class="counter">
                // On a phone the pills show numbers only, and the current step is named here
                // (screen readers have it in its pill).
                if let Some(step) = props.steps.iter().find(|step| step.screen == props.current) {
                    <span class="now" aria-hidden="true">{ step.title.clone() }</span>
                }
                <label for={answered_id.clone()}>{ match props.here {
                    true => Strings::of(lang).walk.answered_here(props.answered, props.total),
                    false => Strings::of(lang).walk.answered(props.answered, props.total),
                } }</label>
                <progress id={answered_id} max={props.total.max(1).to_string()}
                    value={props.answered.to_string()}></progress>
                if let Some(minutes) = props.minutes_left {
                    <span class="left">{ s.walk.minutes_left(minutes) }</span>
                }
            </p>
        </nav>
    }
}
