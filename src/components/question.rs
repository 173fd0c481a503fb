//! One question: its text, optional help, and its options as radio buttons (one answer) or
//! checkboxes (several). Native inputs in a fieldset, so that keyboard use and screen readers work
//! without ARIA. A long list (the goods the obligations catalogue knows) has a filter above it: a
//! word of the labels, or an HS code matched by prefix against the codes the labels give.

use assessment::{OptionId, QuestionId};
use yew::prelude::*;

use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct QuestionProps {
    pub id: QuestionId,
    /// A short mark before the text: the item id, or the question's number in the profile.
    pub mark: AttrValue,
    pub text: AttrValue,
    #[prop_or_default]
    pub help: Option<AttrValue>,
    #[prop_or_default]
    pub multiple: bool,
    pub options: Vec<(OptionId, AttrValue)>,
    pub chosen: Vec<OptionId>,
    pub lang: Lang,
    pub on_choose: Callback<OptionId>,
    pub on_clear: Callback<()>,
}

/// Lists of at least this many options get a filter.
const FILTER_FROM: usize = 12;

/// The HS codes `label` names, each as the range it covers: `7318` is (`7318`, `7318`), and
/// `7301–7311` (an en dash or a hyphen) is (`7301`, `7311`).
fn codes(label: &str) -> Vec<(&str, &str)> {
    // The runs of two or more digits, with where each starts.
    let mut runs: Vec<(usize, &str)> = Vec::new();
    let mut start = None;
    for (at, c) in label
        .char_indices()
        .chain(std::iter::once((label.len(), ' ')))
    {
        match (c.is_ascii_digit(), start) {
            (true, None) => start = Some(at),
            (false, Some(from)) => {
                if at - from >= 2 {
                    runs.push((from, &label[from..at]));
                }
                start = None;
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < runs.len() {
        let (at, code) = runs[i];
        let between = runs
            .get(i + 1)
            .map(|(next, _)| label[at + code.len()..*next].trim());
        match (between, runs.get(i + 1)) {
            (Some("–" | "-"), Some((_, end))) if end.len() == code.len() => {
                out.push((code, *end));
                i += 2;
            }
            _ => {
                out.push((code, code));
                i += 1;
            }
        }
    }
    out
}

/// Whether an option's `label` matches what the person typed: any word of it (ignoring case), or,
/// for digits, an HS code of the label that starts with them or that they start with (a
/// six-digit code finds its heading's group), a range of headings included.
pub fn matches(label: &str, query: &str) -> bool {
    let query = query.trim();
    if query.is_empty() {
        return true;
    }
    let digits: String = query.chars().filter(|c| !matches!(c, '.' | ' ')).collect();
    if digits.len() >= 2 && digits.chars().all(|c| c.is_ascii_digit()) {
        return codes(label).into_iter().any(|(from, to)| {
            let n = from.len();
            if digits.len() >= n {
                // A code as long as the label's or finer: its first digits within the range.
                (from..=to).contains(&&digits[..n])
            } else {
                // A shorter one (a chapter): the start of either end.
                from.starts_with(&digits) || to.starts_with(&digits)
            }
        });
    }
    // ASCII case only: Chinese has none, and Unicode case tables would add to the first load.
    label
        .to_ascii_lowercase()
        .contains(&query.to_ascii_lowercase())
}

/// The element id of a question's fieldset; the review links and focus use it.
pub fn element_id(id: &QuestionId) -> String {
    format!("q-{id}")
}

#[cfg(test)]
mod tests {
    use super::matches;

    #[test]
    fn a_word_or_an_hs_code_finds_its_option() {
        let bolts = "Steel screws, bolts, tubes and other steel articles (7301–7311, 7318, 7326)";
        assert!(matches(bolts, ""));
        assert!(matches(bolts, "bolts"));
        assert!(matches(bolts, "BOLTS "));
        assert!(matches(bolts, "7318"));
        assert!(matches(bolts, "731815"), "a finer code finds its heading");
        assert!(matches(bolts, "7318.15"));
        assert!(matches(bolts, "73"), "a chapter finds its headings");
        assert!(!matches(bolts, "7601"));
        assert!(!matches(bolts, "coffee"));
        assert!(matches("咖啡（0901）", "0901"));
        assert!(matches("钢制螺钉、螺栓（7318）", "螺栓"));
        let articles = "Iron or steel articles (headings 7301–7311, e.g. tubes; 7318 screws)";
        assert!(matches(articles, "7305"), "within a range of headings");
        assert!(matches(articles, "730590"));
        assert!(!matches(articles, "7312"));
        assert!(matches(articles, "7318"));
    }
}

#[component]
pub fn Question(props: &QuestionProps) -> Html {
    let s = props.lang.strings();
    let fieldset_id = element_id(&props.id);
    let hint_id = format!("{fieldset_id}-hint");
    let kind = if props.multiple { "checkbox" } else { "radio" };
    let answered = !props.chosen.is_empty();
    let filter = use_state(String::new);
    let filtered = props.options.len() >= FILTER_FROM;
    let filter_id = format!("{fieldset_id}-filter");
    let on_filter = {
        let filter = filter.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            filter.set(input.value());
        })
    };
    // Chosen options stay in view whatever the filter says.
    let shown = |option: &OptionId, label: &str| {
        !filtered || props.chosen.contains(option) || matches(label, &filter)
    };
    let none_shown = filtered && !props.options.iter().any(|(o, l)| shown(o, l));
    html! {
        <fieldset class={classes!("question", answered.then_some("answered"))} id={fieldset_id.clone()}
            aria-describedby={props.multiple.then(|| hint_id.clone())}>
            <legend>
                <span class="mark">{ &props.mark }</span>
                <span class="text">{ &props.text }</span>
            </legend>
            if props.multiple {
                <p class="hint" id={hint_id}>{ s.choose_all }</p>
            }
            if let Some(help) = &props.help {
                <details class="help">
                    <summary>{ s.help }</summary>
                    <p>{ help }</p>
                </details>
            }
            if filtered {
                <p class="filter">
                    <label for={filter_id.clone()}>{ s.filter_options }</label>
                    <input id={filter_id} type="search" value={(*filter).clone()} oninput={on_filter}
                        autocomplete="off" />
                </p>
                if none_shown {
                    <p class="hint" role="status">{ s.filter_none }</p>
                }
            }
            <div class="options">
                { for props.options.iter().map(|(option, label)| {
                    let hidden = !shown(option, label);
                    let checked = props.chosen.contains(option);
                    let on_choose = props.on_choose.clone();
                    let value = option.clone();
                    html! {
                        <label class="option" hidden={hidden}>
                            <input type={kind} name={props.id.to_string()} value={option.to_string()}
                                checked={checked}
                                onchange={move |_| on_choose.emit(value.clone())} />
                            <span>{ label }</span>
                        </label>
                    }
                }) }
            </div>
            if answered && !props.multiple {
                <button type="button" class="link clear" onclick={props.on_clear.reform(|_| ())}>
                    { s.clear_answer }
                </button>
            }
        </fieldset>
    }
}
