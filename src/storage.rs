//! Where answers persist between visits: the browser's localStorage, holding the answers document's
//! JSON and the chosen language.
//!
//! Kept outside the reducer (the reducer is plain data, tested natively): the setup reads what an
//! earlier visit left before the app is mounted (`setup.rs`), and the app's hooks write as answers
//! and the language change (`hooks/`). Storage can be missing or blocked (private modes, kiosks, sandboxed frames),
//! so every call tolerates its absence instead of panicking.

/// Answers are kept per questionnaire, so that an association's questionnaire and the shipped one
/// do not overwrite each other's answers on the same site. The first script of `index.html` looks
/// for this prefix (whether any answers are saved) before the app has loaded.
fn answers_key(questionnaire: &str) -> String {
    format!("exporter-assessment/answers/{questionnaire}")
}
const LANG_KEY: &str = "exporter-assessment/lang";

/// Earlier assessments are kept one per key, so that one damaged entry (or a write refused when
/// storage is full) never costs the others.
fn earlier_prefix(questionnaire: &str) -> String {
    format!("exporter-assessment/earlier/{questionnaire}/")
}

/// Why answers could not be saved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveError {
    /// The browser offers no storage to this page.
    Unavailable,
    /// Storage refused the write, most often because it is full.
    Refused,
}

fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn get(key: &str) -> Option<String> {
    local()?.get_item(key).ok().flatten()
}

fn set(key: &str, value: &str) -> Result<(), SaveError> {
    local()
        .ok_or(SaveError::Unavailable)?
        .set_item(key, value)
        .map_err(|_| SaveError::Refused)
}

/// Whether storage is there and takes a write (it may be missing, blocked, or full).
pub fn works() -> bool {
    const PROBE: &str = "exporter-assessment/probe";
    let Some(storage) = local() else {
        return false;
    };
    let works = storage.set_item(PROBE, "1").is_ok();
    let _ = storage.remove_item(PROBE);
    works
}

/// The saved answers document of a questionnaire (by id), as text, if there is one.
pub fn load_answers(questionnaire: &str) -> Option<String> {
    get(&answers_key(questionnaire))
}

pub fn save_answers(questionnaire: &str, json: &str) -> Result<(), SaveError> {
    set(&answers_key(questionnaire), json)
}

pub fn clear_answers(questionnaire: &str) {
    if let Some(storage) = local() {
        // Removing cannot meaningfully fail once storage exists.
        let _ = storage.remove_item(&answers_key(questionnaire));
    }
}

/// Calls `on_change` with the new text (or `None` if removed) whenever another tab or window of
/// this origin changes the saved answers of `questionnaire`. The browser sends the `storage`
/// event only to the other pages, never to the page that wrote. Dropping the listener stops it.
pub fn watch_answers(
    questionnaire: &str,
    on_change: yew::Callback<Option<String>>,
) -> gloo::events::EventListener {
    let key = answers_key(questionnaire);
    gloo::events::EventListener::new(&gloo::utils::window(), "storage", move |event| {
        let Some(event) = wasm_bindgen::JsCast::dyn_ref::<web_sys::StorageEvent>(event) else {
            return;
        };
        // `key` is null when another page cleared the whole storage.
        let cleared = event.key().is_none();
        if cleared || event.key().as_deref() == Some(key.as_str()) {
            on_change.emit(if cleared { None } else { event.new_value() });
        }
    })
}

/// The tag of the language chosen on an earlier visit.
pub fn load_lang() -> Option<String> {
    get(LANG_KEY)
}

pub fn save_lang(tag: &str) {
    // The language is a convenience: losing it costs one click, so a failure is not reported.
    let _ = set(LANG_KEY, tag);
}

/// The earlier assessments kept for a questionnaire (by id): each entry's key and text.
pub fn load_earlier(questionnaire: &str) -> Vec<(String, String)> {
    let Some(storage) = local() else {
        return Vec::new();
    };
    let prefix = earlier_prefix(questionnaire);
    let length = storage.length().unwrap_or(0);
    (0..length)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter_map(|key| {
            let name = key.strip_prefix(&prefix)?.to_owned();
            let text = storage.get_item(&key).ok().flatten()?;
            Some((name, text))
        })
        .collect()
}

pub fn save_earlier(questionnaire: &str, key: &str, json: &str) -> Result<(), SaveError> {
    set(&format!("{}{key}", earlier_prefix(questionnaire)), json)
}

pub fn forget_earlier(questionnaire: &str, key: &str) {
    if let Some(storage) = local() {
        let _ = storage.remove_item(&format!("{}{key}", earlier_prefix(questionnaire)));
    }
}
