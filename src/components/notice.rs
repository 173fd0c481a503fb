//! A message about what just happened to the answers (imported, refused and why, changed in
//! another tab, or cleared, with an Undo), announced to screen readers and dismissable.

use assessment::limits::capped;
use assessment::{AnswersError, HandoffError};
use yew::prelude::*;

use crate::components::answers_file::MAX_IMPORT_BYTES;
use crate::i18n::{Lang, Strings};
use crate::state::Notice;

#[derive(Properties, PartialEq)]
pub struct NoticeBarProps {
    pub lang: Lang,
    pub notice: Notice,
    pub on_dismiss: Callback<()>,
    /// For answers changed in another tab: back to what this page had.
    pub on_undo: Callback<()>,
    /// For cleared answers: back to them.
    pub on_undo_clear: Callback<()>,
}

#[component]
pub fn NoticeBar(props: &NoticeBarProps) -> Html {
    let lang = props.lang;
    let s = Strings::of(lang);
    let opened;
    let mut said_in: Option<&'static str> = None;
    let (class, role, title, details): (&str, &str, &str, Vec<String>) = match &props.notice {
        Notice::Imported => ("notice good", "status", s.files.imported, vec![]),
        Notice::Opened { date, .. } => {
            opened = s.handoff.opened(&date.to_string());
            ("notice good", "status", opened.as_str(), vec![])
        }
        Notice::LinkRefused(error) => (
            "notice bad",
            "alert",
            s.handoff.link_refused,
            link_reasons(lang, error),
        ),
        Notice::CompareRefused(error) => (
            "notice bad",
            "alert",
            s.handoff.compare_refused,
            reasons(lang, &error.error),
        ),
        Notice::LanguageUnavailable => {
            ("notice bad", "alert", s.common.language_unavailable, vec![])
        }
        Notice::LanguageNotOffered { asked, has } => {
            // In the language pressed: the person may not read the page's.
            said_in = Some(asked.tag());
            opened = Strings::of(*asked).common.only_in(has);
            ("notice", "status", opened.as_str(), vec![])
        }
        Notice::HistoryUnreadable(entries) => {
            opened = s.handoff.history_unreadable(*entries);
            ("notice warning", "status", opened.as_str(), vec![])
        }
        Notice::ImportTooLarge(bytes) => (
            "notice bad",
            "alert",
            s.files.import_refused,
            vec![s
                .files
                .too_large(bytes.div_ceil(1024), MAX_IMPORT_BYTES / 1024)],
        ),
        Notice::ImportRefused(error) => (
            "notice bad",
            "alert",
            s.files.import_refused,
            reasons(lang, error),
        ),
        Notice::ChangedElsewhere { .. } => {
            ("notice warning", "alert", s.files.changed_elsewhere, vec![])
        }
        Notice::Cleared { .. } => ("notice", "status", s.start.answers_cleared, vec![]),
    };
    let undo_clear = matches!(
        props.notice,
        Notice::Cleared { .. }
            | Notice::Opened {
                previous: Some(_),
                ..
            }
    );
    let undo = matches!(props.notice, Notice::ChangedElsewhere { .. });
    html! {
        <div class={classes!(class, "no-print")} role={role}>
            <p lang={said_in}><strong>{ title }</strong></p>
            { for details.into_iter().map(|d| html! { <p>{ visible(&d) }</p> }) }
            if undo {
                <button type="button" class="link" onclick={props.on_undo.reform(|_| ())}>{ s.files.undo_change_elsewhere }</button>
            }
            if undo_clear {
                <button type="button" class="link" onclick={props.on_undo_clear.reform(|_| ())}>{ s.start.undo_clear }</button>
            }
            <button type="button" class="link" onclick={props.on_dismiss.reform(|_| ())}>{ s.common.dismiss }</button>
        </div>
    }
}

/// `text` with every control and bidi formatting character shown as U+FFFD: a reason quotes ids from
/// a file, which could otherwise reorder or hide what the sentence says.
pub fn visible(text: &str) -> String {
    text.chars()
        .map(|c| {
            // The left-to-right and right-to-left marks too: harmless in a text, but no id holds one.
            let hidden = c.is_control()
                || assessment::is_bidi_control(c)
                || matches!(c, '\u{200E}' | '\u{200F}');
            if hidden {
                '\u{FFFD}'
            } else {
                c
            }
        })
        .collect()
}

/// The reasons in the person's language. Ids and option ids are shown as they are in the file.
pub fn reasons(lang: Lang, error: &AnswersError) -> Vec<String> {
    let s = Strings::of(lang);
    match error {
        AnswersError::NotAnswers(_) => vec![s.files.not_answers.to_owned()],
        AnswersError::UnknownFormat(_) => vec![s.files.unknown_format.to_owned()],
        AnswersError::OtherQuestionnaire { expected, found } => {
            vec![s.files.other_questionnaire(
                &format!("{} {}", found.id, found.version),
                &format!("{} {}", expected.id, expected.version),
            )]
        }
        AnswersError::AnsweredTwice(question) => vec![s.files.answered_twice(question.as_str())],
        AnswersError::Invalid(problems) => std::iter::once(s.files.invalid_answers(problems.len()))
            .chain(capped(problems, &lang.lang_tag(), |p| {
                p.message(&lang.lang_tag())
            }))
            .collect(),
    }
}

/// Why a hand-off link was refused, in the person's language.
fn link_reasons(lang: Lang, error: &HandoffError) -> Vec<String> {
    let s = Strings::of(lang);
    let one = |text: &str| vec![text.to_owned()];
    match error {
        HandoffError::NotACode => one(s.handoff.link_not_code),
        HandoffError::Damaged => one(s.handoff.link_damaged),
        HandoffError::UnknownFormat(_) => one(s.handoff.link_unknown_format),
        HandoffError::Malformed(_) => one(s.handoff.link_malformed),
        HandoffError::OtherQuestions(_) => one(s.handoff.link_other_questions),
        HandoffError::Answers(error) => reasons(lang, error),
    }
}

#[cfg(test)]
mod tests {
    use super::visible;

    #[test]
    fn ids_from_a_file_cannot_reorder_or_hide_text() {
        assert_eq!(
            visible("question \u{202E}gnp.exe"),
            "question \u{FFFD}gnp.exe"
        );
        assert_eq!(
            visible("a\u{2066}b\u{0007}c\nd"),
            "a\u{FFFD}b\u{FFFD}c\u{FFFD}d"
        );
        assert_eq!(visible("问题“P.region”"), "问题“P.region”");
    }
}
