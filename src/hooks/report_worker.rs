//! Asking the report's worker (`report_worker.rs`): the one way a part of the report has what the
//! worker makes (the markets and goods section, the hand-off QR code). Each time the request
//! changes, the worker is asked again; until it answers, the last answer stays; a reply to an older
//! request is dropped.

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

use crate::report_worker::ask;
use crate::report_worker::message::{Reply, Request};

/// What became of the request.
#[derive(Clone, Debug, PartialEq)]
pub enum Asked {
    /// Not answered yet (or nothing asked).
    Asking,
    Replied(Rc<Reply>),
    /// The worker could not be started.
    Unavailable,
}

#[hook]
pub fn use_report_worker(request: Option<Request>) -> Asked {
    let asked = use_state(|| Asked::Asking);
    // The last request's number: an older reply is dropped.
    let latest = use_mut_ref(|| Rc::new(Cell::new(0u32)));
    {
        let asked = asked.clone();
        use_effect_with(request, move |request| {
            let Some(request) = request.clone() else {
                return;
            };
            let latest = latest.borrow().clone();
            latest.set(latest.get() + 1);
            let mine = latest.get();
            ask(request, move |reply| {
                if latest.get() == mine {
                    asked.set(reply.map_or(Asked::Unavailable, |r| Asked::Replied(Rc::new(r))));
                }
            });
        });
    }
    (*asked).clone()
}
