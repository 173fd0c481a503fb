//! The app's connections to the browser, one named hook per file, each called once by `App`:
//! the document's language and title, saving answers, answers saved by another tab, the copy a
//! crash screen offers, the earlier assessments a follow-up keeps, the service worker, the host page's messages, focus on a new screen, and the screen in the
//! page's address (history). They read the state and send actions.
//! The report's parts ask the report's worker through `use_report_worker` (the QR code) and
//! `use_obligations` (the markets and goods), which return what the worker answered.
//! None holds a rule of the assessment.

pub mod autosave;
pub mod crash_copy;
pub mod document;
pub mod earlier;
pub mod focus;
pub mod history;
pub mod host_messages;
pub mod obligations;
pub mod other_tabs;
pub mod report_worker;
pub mod service_worker;
pub mod share;

pub use autosave::use_autosave;
pub use crash_copy::use_crash_copy;
pub use document::use_document;
pub use earlier::use_earlier_store;
pub use focus::use_focus;
pub use history::use_history;
pub use host_messages::use_host_messages;
pub use obligations::{use_obligations, Obligations};
pub use other_tabs::use_other_tabs;
pub use report_worker::{use_report_worker, Asked};
pub use service_worker::use_service_worker;
pub use share::use_share;
