//! What every screen stands in: the skip link, the masthead (title, an association's logo and
//! name, the masthead's actions and the language switch), `main`, and the footer (the source,
//! the questionnaire's id and version, the link to "Offline use and your data"). The app renders
//! it around the screen it shows; the page painted before the app, around each first screen.

use yew::prelude::*;

use crate::components::{use_id_scope, LangSwitch};
use crate::i18n::{Lang, Strings};
use crate::state::State;

#[derive(Properties, PartialEq)]
pub struct FrameProps {
    pub lang: Lang,
    /// The questionnaire's title.
    pub title: AttrValue,
    /// An association's logo and name, when embedded.
    #[prop_or_default]
    pub logo: Option<AttrValue>,
    #[prop_or_default]
    pub offered_by: Option<AttrValue>,
    /// Before the language switch in the masthead (a kiosk's Finish).
    #[prop_or_default]
    pub actions: Html,
    /// `None` before the app has started: the language buttons and the footer's link are shown
    /// but disabled, since nothing could act on them yet.
    pub on_lang: Option<Callback<Lang>>,
    pub on_about: Option<Callback<()>>,
    /// The questionnaire's source, and its id and version.
    pub source: AttrValue,
    pub version: AttrValue,
    /// Marks `main` hidden: a page that holds one frame per language has one main landmark as
    /// written (its stylesheet shows the frame of the language chosen).
    #[prop_or_default]
    pub hidden: bool,
    /// The screen, inside `main`.
    pub children: Html,
}

impl FrameProps {
    /// The frame of `state`'s questionnaire in its language around `children`, before the app
    /// has started (no association, nothing to act on); the app sets the rest over it.
    pub fn of(state: &State, children: Html) -> Self {
        let doc = state.questionnaire.doc();
        let tag = state.lang.lang_tag();
        Self {
            lang: state.lang,
            title: doc.title.get(&tag).to_owned().into(),
            logo: None,
            offered_by: None,
            actions: Html::default(),
            on_lang: None,
            on_about: None,
            source: doc.source.get(&tag).to_owned().into(),
            version: format!("{} {}", doc.id, doc.version).into(),
            hidden: false,
            children,
        }
    }
}

#[component]
pub fn Frame(props: &FrameProps) -> Html {
    let s = Strings::of(props.lang);
    let main_id = use_id_scope().id("main");
    let waiting = props.on_lang.is_none();
    html! {
        <>
            <a class="skip-link" href={format!("#{main_id}")}>{ s.common.skip_to_content }</a>
            <header class="masthead">
                <div class="wrap">
                    <div class="brand">
                        if let Some(logo) = props.logo.clone() {
                            <img class="logo" src={logo} alt="" />
                        }
                        <p>
                            { &props.title }
                            if let Some(name) = &props.offered_by {
                                <span class="offered-by">{ s.start.offered_by }{ s.common.colon }{ name }</span>
                            }
                        </p>
                    </div>
                    <div class="masthead-actions">
                        { props.actions.clone() }
                        <LangSwitch lang={props.lang} waiting={waiting}
                            on_change={props.on_lang.clone().unwrap_or_default()} />
                    </div>
                </div>
            </header>
            <main id={main_id} class="wrap" tabindex="-1" hidden={props.hidden}>
                { props.children.clone() }
            </main>
            <footer class="site-footer">
                <div class="wrap">
                    <p>{ &props.source }</p>
                    <p>
                        { &props.version }{ " · " }
                        <button type="button" class="link" disabled={props.on_about.is_none()}
                            onclick={props.on_about.clone().unwrap_or_default().reform(|_| ())}>
                            { s.device.about_link }
                        </button>
                    </p>
                </div>
            </footer>
        </>
    }
}
