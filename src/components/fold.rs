//! A part of the report folded to one line: its title and what it holds in a few words, opened in
//! place. Native `<details>`/`<summary>`, so it opens with the keyboard and says "collapsed" or
//! "expanded" to a screen reader without any script; printed open (`::details-content` in the
//! print stylesheet), so the paper is complete. The part inside keeps its own heading for a
//! screen reader's list of headings; on screen the summary shows it once.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FoldProps {
    /// The part's name, as its heading says it.
    pub title: AttrValue,
    /// What it holds, in a few words: the reason to open it, or not.
    #[prop_or_default]
    pub line: Option<Html>,
    /// Open from the start: only what the owner must act on.
    #[prop_or_default]
    pub open: bool,
    /// Names the fold for styles and tests (`fold-<name>`).
    pub name: &'static str,
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn Fold(props: &FoldProps) -> Html {
    html! {
        <details class={classes!("fold", format!("fold-{}", props.name))} open={props.open}>
            <summary>
                <span class="fold-title">{ props.title.clone() }</span>
                if let Some(line) = props.line.clone() {
                    <span class="fold-line">{ line }</span>
                }
            </summary>
            { props.children.clone() }
        </details>
    }
}

/// Shows the report's element `id` (a heading): opens the fold it is in, then scrolls to it.
/// Scrolled to rather than followed as a link: the URL's fragment belongs to the walk's history.
pub fn reveal(id: &'static str) -> Callback<MouseEvent> {
    Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        let Some(target) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(id))
        else {
            return;
        };
        if let Ok(Some(fold)) = target.closest("details") {
            let _ = fold.set_attribute("open", "");
        }
        target.scroll_into_view();
    })
}
