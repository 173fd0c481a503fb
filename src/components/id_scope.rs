//! The ids a screen gives its elements, scoped. The app shows one screen at a time and needs no
//! scope; the page painted before the app (`crates/prerender`) holds each first screen in each
//! language at once, and a document's ids must be unique (labels, `aria-labelledby` and the skip
//! link find their element by it). Each of those screens is rendered inside its own scope.

use yew::prelude::*;

/// A prefix for every id rendered inside it; none in the app.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct IdScope(pub AttrValue);

impl IdScope {
    /// The element id `base` within this scope.
    pub fn id(&self, base: &str) -> String {
        format!("{}{base}", self.0)
    }
}

/// The scope a component renders in: the nearest `ContextProvider<IdScope>`, else none.
#[hook]
pub fn use_id_scope() -> IdScope {
    use_context::<IdScope>().unwrap_or_default()
}
