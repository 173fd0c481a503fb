//! Embedded: the association's theme, the frame sized to the content, the events of the walk for
//! the host page, and on every new screen a request to bring the frame's top into view. Nothing
//! here carries a score; the result goes only through `use_share`.

use std::rc::Rc;

use yew::prelude::*;

use crate::embed::{EmbedConfig, HostMessage};
use crate::host;
use crate::route::Screen;
use crate::state::State;

#[hook]
pub fn use_host_messages(state: Rc<State>, embed: Option<EmbedConfig>) {
    let origin = embed.as_ref().and_then(|e| e.origin.clone());
    {
        let origin = origin.clone();
        use_effect_with((), move |_| {
            if let Some(embed) = embed {
                host::apply_theme(&embed.theme);
            }
            if let Some(origin) = origin {
                host::watch_size(origin);
            }
        });
    }
    let previous = use_mut_ref(|| state.screen.clone());
    use_effect_with(state.screen.clone(), move |screen| {
        let was = previous.replace(screen.clone());
        if let Some(origin) = origin {
            if was != *screen {
                host::post(&origin, &crate::embed::top_message());
            }
            if let Some(message) = walk_event(&state, &was, screen) {
                host::post(&origin, &message.to_json(&state.questionnaire));
            }
        }
    });
}

/// The host page's event for a move from screen `was` to `now`, if it is one: a section left
/// forward (to the next section, or from the last to the review) is completed.
pub fn walk_event(state: &State, was: &Screen, now: &Screen) -> Option<HostMessage> {
    let q = &state.questionnaire;
    let completed = |section: &assessment::SectionId| HostMessage::SectionCompleted {
        section: section.clone(),
        answered: state.report.progress.answered,
        total: state.report.progress.total,
    };
    match (was, now) {
        (Screen::Start | Screen::Attract, Screen::Section(_)) => Some(HostMessage::Started),
        (Screen::Section(s), Screen::Section(n)) if q.next_section(s).as_ref() == Some(n) => {
            Some(completed(s))
        }
        (Screen::Section(s), Screen::Review) if q.next_section(s).is_none() => Some(completed(s)),
        (Screen::Review, Screen::Report) => Some(HostMessage::Finished {
            complete: state.report.complete,
        }),
        _ => None,
    }
}
