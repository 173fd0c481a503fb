//! "Save result": the member's result record (`docs/cohort.md`) as a file, for their association
//! to count with others' (the cohort page, `assess cohort`). It holds no name and no free text; the
//! answers only when the member ticks the box. The report offers it only where files are offered
//! (never in a kiosk).

use assessment::{Outline, Questionnaire};
use yew::prelude::*;

use crate::i18n::{Lang, Strings};
use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct SaveResultProps {
    pub lang: Lang,
    /// The questionnaire, for the sentence on what the file holds.
    pub questionnaire: Shared<Questionnaire>,
    /// Called with whether the answers go in the file.
    pub on_save: Callback<bool>,
}

#[component]
pub fn SaveResult(props: &SaveResultProps) -> Html {
    let s = Strings::of(props.lang);
    let include = use_state(|| false);
    let on_toggle = {
        let include = include.clone();
        Callback::from(move |_: Event| include.set(!*include))
    };
    let on_save = {
        let (include, on_save) = (include.clone(), props.on_save.clone());
        Callback::from(move |_: MouseEvent| on_save.emit(*include))
    };
    html! {
        <section class="save-result no-print" aria-labelledby="save-result-title">
            <h2 id="save-result-title">{ s.files.save_result_title }</h2>
            <p>{ s.files.save_result_what(&Outline::of(&props.questionnaire, &props.lang.lang_tag())) }</p>
            <label class="option">
                <input type="checkbox" checked={*include} onchange={on_toggle} />
                <span>{ s.files.save_result_answers }</span>
            </label>
            <div class="actions">
                <button type="button" class="button" onclick={on_save}>{ s.files.save_result }</button>
            </div>
        </section>
    }
}
