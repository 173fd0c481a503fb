//! The report's "Your markets and goods", made by the report's worker
//! (`use_report_worker`): the catalogue and the code that reads it are not part of the first load.
//! The request names the files to read ([`Sources`]): the association's questionnaire and
//! catalogue by URL, with its customisation, or none for the shipped ones; an association's own
//! questionnaire without a catalogue gets no such section. A catalogue that does not read as the
//! questionnaire's comes back as its problems.

use std::rc::Rc;

use assessment::obligations::Page;
use yew::prelude::*;

use crate::hooks::report_worker::{use_report_worker, Asked};
use crate::report_worker::message::{ObligationsRequest, Reply, Request, Sources};
use crate::state::{Shared, State};

/// The section, as the report shows it.
#[derive(Clone, Debug, PartialEq)]
pub enum Obligations {
    /// The worker has not answered yet, or there is no section to ask for.
    Asking,
    /// The worker's page for the current answers, date and language.
    Shown(Shared<Page>),
    /// The worker or its files could not be had (offline before they were kept).
    Unavailable,
    /// The association's catalogue does not read as its questionnaire's: every problem, worded
    /// by the worker in the page's language. The rest of the report is unaffected.
    Refused(Shared<Vec<String>>),
}

/// The section for the state's answers, date and language, from `sources` (`None`: no section).
#[hook]
pub fn use_obligations(state: &State, sources: Option<Rc<Sources>>) -> Obligations {
    let request = use_memo(
        (
            state.sheet.clone(),
            state.assessment_date(),
            state.lang,
            sources,
        ),
        |(sheet, date, lang, sources)| {
            let (date, sources) = (*date).zip(sources.clone())?;
            Some(Request::Obligations(ObligationsRequest {
                answers: sheet.to_json(),
                date,
                lang: *lang,
                sources: (*sources).clone(),
            }))
        },
    );
    match use_report_worker((*request).clone()) {
        Asked::Asking => Obligations::Asking,
        Asked::Replied(reply) => match &*reply {
            Reply::Page(page) => Obligations::Shown(page.clone()),
            Reply::Refused(problems) => Obligations::Refused(problems.clone()),
            Reply::Qr(_) | Reply::Failed(_) => Obligations::Unavailable,
        },
        Asked::Unavailable => Obligations::Unavailable,
    }
}
