//! A message about what just happened to the answers (imported, or refused and why), announced to
//! screen readers and dismissable.

use assessment::AnswersError;
use yew::prelude::*;

use crate::components::answers_file::MAX_IMPORT_BYTES;
use crate::i18n::Lang;
use crate::state::Notice;

#[derive(Properties, PartialEq)]
pub struct NoticeBarProps {
    pub lang: Lang,
    pub notice: Notice,
    pub on_dismiss: Callback<()>,
}

#[component]
pub fn NoticeBar(props: &NoticeBarProps) -> Html {
    let lang = props.lang;
    let s = lang.strings();
    let (class, role, title, details): (&str, &str, &str, Vec<String>) = match &props.notice {
        Notice::Imported => ("notice good", "status", s.imported, vec![]),
        Notice::ImportTooLarge(bytes) => (
            "notice bad",
            "alert",
            s.import_refused,
            vec![too_large(lang, *bytes)],
        ),
        Notice::ImportRefused(error) => (
            "notice bad",
            "alert",
            s.import_refused,
            reasons(lang, error),
        ),
    };
    html! {
        <div class={classes!(class, "no-print")} role={role}>
            <p><strong>{ title }</strong></p>
            { for details.into_iter().map(|d| html! { <p>{ d }</p> }) }
            <button type="button" class="link" onclick={props.on_dismiss.reform(|_| ())}>{ s.dismiss }</button>
        </div>
    }
}

fn too_large(lang: Lang, bytes: u64) -> String {
    let (kb, max) = (bytes.div_ceil(1024), MAX_IMPORT_BYTES / 1024);
    match lang {
        Lang::ZhCn => format!("文件大小为 {kb} KB，超过了回答文件的上限 {max} KB。"),
        Lang::En => format!("The file is {kb} KB; an answers file is at most {max} KB."),
    }
}

/// The reasons in the person's language. Ids and option ids are shown as they are in the file.
pub fn reasons(lang: Lang, error: &AnswersError) -> Vec<String> {
    let s = lang.strings();
    match error {
        AnswersError::NotAnswers(_) => vec![s.not_answers.to_owned()],
        AnswersError::UnknownFormat(_) => vec![s.unknown_format.to_owned()],
        AnswersError::OtherQuestionnaire { expected, found } => vec![lang.other_questionnaire(
            &format!("{} {}", found.id, found.version),
            &format!("{} {}", expected.id, expected.version),
        )],
        AnswersError::AnsweredTwice(question) => vec![lang.answered_twice(question.as_str())],
        AnswersError::Invalid(problems) => std::iter::once(lang.invalid_answers(problems.len()))
            .chain(problems.iter().take(10).map(|p| lang.answer_problem(p)))
            .collect(),
    }
}
