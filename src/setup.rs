//! Everything the app needs to start, read once before it is mounted: the query string (parsed
//! once, `query.rs`), a kiosk's config, an association's config and questionnaire (checked and
//! customised by the core), the start language, and what an earlier visit left in storage.

use assessment::limits::Document;
use assessment::{
    AssociationConfig, CatalogueSource, Customisation, Date, LinkBase, NoLink, Place, Problem,
    ProblemKind, Questionnaire,
};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::embed::{self, EmbedConfig};
use crate::i18n::Lang;
use crate::kiosk::{KioskConfig, Mode};
use crate::query::Query;
use crate::state::Shared;
use crate::storage;

#[derive(Clone, Debug, PartialEq)]
pub struct Setup {
    pub mode: Mode,
    /// Why a kiosk's config file (named) was not used: the kiosk runs on defaults. Shared, so
    /// that comparing setups compares no problems (less code in the wasm).
    pub kiosk_problem: Option<Shared<(String, Problem)>>,
    /// The association's configuration, when embedded.
    pub embed: Option<EmbedConfig>,
    pub questionnaire: Shared<Questionnaire>,
    /// The language to start in: a kiosk's, else the one chosen on an earlier visit, else the
    /// association's, else the browser's.
    pub lang: Lang,
    /// The answers an earlier visit saved, as stored (never in a kiosk).
    pub saved: Option<String>,
    /// Whether answers survive a reload: storage works and this is not a kiosk.
    pub persistent: bool,
    /// The page's URL fragment, which names the screen a reload returns to (`route.rs`) or holds
    /// a hand-off code, as found; empty in a kiosk, which starts every visit afresh.
    pub fragment: String,
    /// Today, in the person's time zone.
    pub today: Date,
    /// The earlier assessments this device keeps (storage key, text); none in a kiosk.
    pub earlier: Vec<(String, String)>,
    /// Where hand-off links point, or why the app can offer none (`handoff::link_base`).
    pub link: Result<LinkBase, NoLink>,
    /// What was done on the page painted before the app (`first_paint`): read by `start` just
    /// before the app replaces it, not here, since a person may go on answering while the setup
    /// is read.
    pub before: crate::first_paint::Before,
    /// The files not of the build that the service worker is to keep for offline use, by URL
    /// (`offline::to_keep`).
    pub keep: js_sys::Array,
}

/// Why the app cannot start: every problem, and where they were read from.
#[derive(Debug)]
pub struct Failure {
    pub problems: Vec<Problem>,
    /// The association's config file, if one was named.
    pub config: Option<String>,
    /// The questionnaire's URL; `None` for the shipped one.
    pub questionnaire: Option<String>,
    /// The language to list them in: the page's `lang`, else the browser's.
    pub lang: Lang,
    /// Where to post the frame's size, from the snippet's `origin` only (a config file may be what
    /// failed).
    pub embed_origin: Option<String>,
}

/// Reads the setup that `query` (the page's query string) asks for.
pub async fn read(query: &str) -> Result<Setup, Failure> {
    let query = Query::parse(query);
    let fail = |problems: Vec<Problem>, config: Option<&EmbedConfig>| Failure {
        problems,
        config: query.config.clone(),
        questionnaire: config.and_then(|c| c.questionnaire.clone()),
        lang: query
            .lang
            .as_deref()
            .and_then(Lang::from_tag)
            .unwrap_or_else(browser_lang),
        embed_origin: query
            .embed
            .then(|| query.attribute("origin"))
            .flatten()
            .filter(|o| assessment::association::is_origin(o))
            .map(str::to_owned),
    };
    let (mode, kiosk_problem) = match &query.kiosk {
        Some(file) => {
            let fetched = fetch_text(file, Document::Config).await;
            let (config, problem) = KioskConfig::resolve(fetched.as_deref().ok(), &query);
            // A file over the limit is named with it; one that cannot be had leaves the defaults.
            let problem = match fetched {
                Err(kind @ ProblemKind::TooLarge { .. }) => Some(Problem {
                    place: Place::KioskConfig,
                    field: String::new(),
                    kind,
                }),
                _ => problem,
            };
            (
                Mode::Kiosk(config),
                problem.map(|p| Shared::new((file.clone(), p))),
            )
        }
        None => (Mode::Personal, None),
    };
    let embed = match query.embed {
        true => Some(embed_config(&query).await.map_err(|p| fail(p, None))?),
        false => None,
    };
    let configured = embed.as_ref().and_then(embed::lang);
    let lang = match &mode {
        // A kiosk reads nothing a previous user of this browser left, and writes nothing.
        Mode::Kiosk(config) => config.lang().or(configured).unwrap_or_else(browser_lang),
        Mode::Personal => storage::load_lang()
            .and_then(|tag| Lang::from_tag(&tag))
            .or(configured)
            .unwrap_or_else(browser_lang),
    };
    let questionnaire = questionnaire(embed.as_ref(), lang)
        .await
        .map_err(|p| fail(p, embed.as_ref()))?;
    let (saved, persistent) = match &mode {
        Mode::Kiosk(_) => (None, false),
        Mode::Personal => (
            storage::load_answers(&questionnaire.doc().id),
            storage::works(),
        ),
    };
    let location = gloo::utils::window().location();
    let fragment = match mode {
        Mode::Kiosk(_) => String::new(),
        Mode::Personal => location.hash().unwrap_or_default(),
    };
    let earlier = match mode {
        Mode::Kiosk(_) => Vec::new(),
        Mode::Personal => storage::load_earlier(&questionnaire.doc().id),
    };
    let configured = match &mode {
        Mode::Kiosk(config) => config.handoff_url.clone(),
        Mode::Personal => None,
    }
    .or_else(|| embed.as_ref().and_then(|e| e.handoff_url.clone()));
    let link = assessment::link_base(
        &location.href().unwrap_or_default(),
        configured.as_deref(),
        embed.is_some(),
    );
    let keep = crate::offline::to_keep(
        [
            query.kiosk.as_ref(),
            query.config.as_ref(),
            embed.as_ref().and_then(|e| e.questionnaire.as_ref()),
        ],
        match embed.as_ref().map(AssociationConfig::catalogue) {
            Some(CatalogueSource::Own(url)) => Some(url),
            _ => None,
        },
    );
    Ok(Setup {
        before: Default::default(),
        keep,
        today: crate::clock::today(),
        earlier,
        link,
        fragment,
        mode,
        kiosk_problem,
        embed,
        questionnaire: Shared::new(questionnaire),
        lang,
        saved,
        persistent,
    })
}

/// The association's config: its file (`config=URL`), with the snippet's attributes over it.
async fn embed_config(query: &Query) -> Result<EmbedConfig, Vec<Problem>> {
    let file = match &query.config {
        Some(url) => {
            let text = fetch_text(url, Document::Config).await.map_err(|kind| {
                vec![Problem {
                    place: Place::Config,
                    field: String::new(),
                    kind,
                }]
            })?;
            Some(AssociationConfig::from_file(&text)?)
        }
        None => None,
    };
    embed::resolve(file, query)
}

/// Where the shipped questionnaire is published beside the app (`questionnaire/split/`, copied by
/// Trunk): in one language, and whole.
const SHIPPED_IN: &str = "split/digital-trade";

/// The shipped questionnaire, whole (every language): for a switch of language.
pub fn shipped_whole_url() -> String {
    format!("{SHIPPED_IN}.json")
}

/// The shipped questionnaire in `lang`: the text the loader fetched beside the app when it is
/// for this language (`window.questionnaireText`, see Trunk.toml), else fetched now.
async fn shipped_in(lang: Lang) -> Result<String, ProblemKind> {
    let window = gloo::utils::window();
    let prefetched = js_sys::Reflect::get(&window, &"questionnaireText".into()).ok();
    let field = |name: &str| {
        prefetched
            .as_ref()
            .and_then(|p| js_sys::Reflect::get(p, &name.into()).ok())
    };
    if field("lang").and_then(|l| l.as_string()).as_deref() == Some(lang.tag()) {
        if let Some(promise) = field("text").and_then(|t| t.dyn_into::<js_sys::Promise>().ok()) {
            if let Some(text) = JsFuture::from(promise)
                .await
                .ok()
                .and_then(|t| t.as_string())
            {
                return Ok(text);
            }
        }
    }
    fetch_text(
        &format!("{SHIPPED_IN}.{}.json", lang.tag()),
        Document::Questionnaire,
    )
    .await
}

/// The shipped questionnaire (in the start language only: the first load carries one) or the
/// association's, customised and validated by the core.
async fn questionnaire(
    embed: Option<&EmbedConfig>,
    lang: Lang,
) -> Result<Questionnaire, Vec<Problem>> {
    let unavailable = |kind| {
        vec![Problem {
            place: Place::Questionnaire,
            field: String::new(),
            kind,
        }]
    };
    let text = match embed.and_then(|e| e.questionnaire.as_deref()) {
        Some(url) => fetch_text(url, Document::Questionnaire)
            .await
            .map_err(unavailable)?,
        None => shipped_in(lang).await.map_err(unavailable)?,
    };
    // Reading and checking the questionnaire in a task of its own (see `next_task`).
    next_task().await;
    load(&text, embed)
}

/// Lets the browser run what waits (input, paint) before the rest: resolves in a new task, not a
/// microtask, so that the start of the app is a few short tasks rather than one long one.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = gloo::utils::window().set_timeout_with_callback(&resolve);
    });
    let _ = JsFuture::from(promise).await;
}

/// A questionnaire's text read as the app reads it: with the association's customisation.
pub fn load(text: &str, embed: Option<&EmbedConfig>) -> Result<Questionnaire, Vec<Problem>> {
    let none = Customisation::default();
    let customisation = embed.map_or(&none, |e| &e.customisation);
    Questionnaire::load(text, customisation).map_err(|problems| problems.0)
}

/// The text of a file of kind `what`, or why it cannot be had (absent, refused, offline, over its
/// limit: `fetch::text_within`).
pub async fn fetch_text(url: &str, what: Document) -> Result<String, ProblemKind> {
    let window = gloo::utils::window();
    let response = match JsFuture::from(window.fetch_with_str(url)).await {
        Ok(response) => response,
        Err(_) => return Err(why_unreadable(url).await),
    };
    let response: web_sys::Response = response.unchecked_into();
    if !response.ok() {
        return Err(ProblemKind::Unavailable(Some(response.status())));
    }
    crate::fetch::text_within(&response, what).await
}

/// Why a fetch failed, as far as the page can tell: when a request that does not ask to read the
/// answer (`no-cors`) gets one, the server is there and only withholds the file from this app (no
/// `Access-Control-Allow-Origin` naming its origin); otherwise it is offline or unreachable.
async fn why_unreadable(url: &str) -> ProblemKind {
    let window = gloo::utils::window();
    let init = web_sys::RequestInit::new();
    // Set as a plain field: web-sys's `RequestMode` would be one more binding for this alone.
    let _ = js_sys::Reflect::set(&init, &"mode".into(), &"no-cors".into());
    match JsFuture::from(window.fetch_with_str_and_init(url, &init)).await {
        Ok(_) => ProblemKind::NotShared(window.location().origin().unwrap_or_default()),
        Err(_) => ProblemKind::Unavailable(None),
    }
}

/// The first of the browser's preferred languages that the app speaks.
pub fn browser_lang() -> Lang {
    let languages = web_sys::window()
        .map(|w| w.navigator().languages())
        .map(|list| {
            list.iter()
                .filter_map(|v| v.as_string())
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    Lang::preferred(languages.iter().map(String::as_str))
}
