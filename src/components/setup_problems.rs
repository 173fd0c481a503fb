//! What an association sees when its configuration or questionnaire cannot be used: every problem,
//! each naming its item and field — never a blank frame.

use yew::prelude::*;

use crate::host;

#[derive(Properties, PartialEq)]
pub struct SetupProblemsProps {
    pub problems: Vec<String>,
    /// The host page to tell the frame's size, when embedded.
    pub embed_origin: Option<String>,
}

#[component]
pub fn SetupProblems(props: &SetupProblemsProps) -> Html {
    {
        let origin = props.embed_origin.clone();
        use_effect_with((), move |_| {
            gloo::utils::document().set_title("Configuration problems · 配置有误");
            if let Some(html) = gloo::utils::document().document_element() {
                let _ = html.set_attribute("data-ready", "true");
            }
            if let Some(origin) = origin {
                host::watch_size(origin);
            }
        });
    }
    // Bilingual: the page that failed may not have said which language to use.
    html! {
        <main id="main" class="wrap setup-problems">
            <h1>{ "本自评无法启动" }<span lang="en">{ "This assessment cannot start" }</span></h1>
            <p>{ "网站提供的配置或问卷有以下问题，请网站管理员修正：" }</p>
            <p lang="en">{ "The configuration or questionnaire this site supplies has these problems, for the site's administrator to fix:" }</p>
            <ul class="problems">
                { for props.problems.iter().map(|p| html! { <li lang="en">{ p }</li> }) }
            </ul>
        </main>
    }
}
