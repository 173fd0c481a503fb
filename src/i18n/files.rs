//! Answers and results as files: exported, imported, saved for an association, shared with it.

use assessment::Outline;

use super::{en, zh_cn};

assessment::words! {
    /// Answers and results as files: exported, imported, saved for an association, shared with it.
    pub struct Files {
        your_answers: &'static str = "您的回答", "Your answers";
        export_answers: &'static str =
            "导出回答（JSON 文件：本工具可再读入的纯文本）",
            "Export answers (a JSON file: plain text this tool reads back)";
        /// The "Save result" section: the result record as a file.
        save_result_title: &'static str = "交给协会的结果", "Your result for your association";
        save_result_answers: &'static str = "同时保存我的逐题回答", "Include my answers to each question";
        save_result: &'static str = "保存结果", "Save result";
        import_answers: &'static str = "导入回答", "Import answers";
        imported: &'static str = "已导入回答。", "Answers imported.";
        import_refused: &'static str =
            "未导入该文件，当前回答没有任何改变。",
            "The file was not imported; your answers have not changed.";
        changed_elsewhere: &'static str =
            "您在另一个标签页或窗口中修改了回答，本页现在显示的是修改后的回答。",
            "Your answers were changed in another tab or window of this browser; this page now shows them.";
        undo_change_elsewhere: &'static str = "恢复本页之前的回答", "Go back to this page's answers";
        not_answers: &'static str =
            "该文件不是本工具导出的回答文件。",
            "This file is not an answers file of this tool.";
        unknown_format: &'static str =
            "该回答文件的格式版本本工具无法读取。",
            "This answers file is of a format version this tool cannot read.";
        include_answers: &'static str = "同时分享我的逐题回答", "Include my answers to each question";
    }
    sentences {
        /// Why an import was refused, for `OtherQuestionnaire`.
        fn other_questionnaire(found: &str, expected: &str) -> String =
            |found: &str, expected: &str| format!("该文件是问卷“{found}”的回答，而本工具使用的是“{expected}”。"),
            |found: &str, expected: &str| format!("This file holds answers to “{found}”; this tool asks “{expected}”.");
        /// Why a file was refused: a question appears twice in it.
        fn answered_twice(question: &str) -> String =
            |question: &str| format!("文件中问题“{question}”出现了两次，无法确定哪个回答有效。"),
            |question: &str| {
                format!(
                    "The file answers question “{question}” twice, so which answer is meant is unclear."
                )
            };
        /// Why an import was refused, for answers that do not fit the questionnaire.
        fn invalid_answers(problems: usize) -> String =
            |problems: usize| format!("文件中有 {problems} 处回答与本问卷不符："),
            |problems: usize| {
                match problems {
                    1 => "One answer in the file does not fit this questionnaire:".to_owned(),
                    n => format!("{n} answers in the file do not fit this questionnaire:"),
                }
            };
        /// Why a file was refused: it is larger than an answers file can be.
        fn too_large(kb: u64, max_kb: u64) -> String =
            |kb: u64, max: u64| format!("文件大小为 {kb} KB，超过了回答文件的上限 {max} KB。"),
            |kb: u64, max: u64| format!("The file is {kb} KB; an answers file is at most {max} KB.");
        fn share_title(name: &str) -> String =
            |name: &str| format!("与{name}分享结果"),
            |name: &str| format!("Share your result with {name}");
        fn share_what(name: &str, outline: &Outline) -> String =
            |name: &str, o: &Outline| {
                format!(
                    "分享的内容：{}。只有在您点击下方按钮后，才会发送给{name}。",
                    zh_cn::record_contents(o)
                )
            },
            |name: &str, o: &Outline| {
                format!(
                    "What is shared: {}. Nothing is sent to {name} until you press the button below.",
                    en::record_contents(o)
                )
            };
        /// What a saved result holds, true of the questionnaire.
        fn save_result_what(outline: &Outline) -> String =
            |o: &Outline| {
                format!(
                    "一个文件，含{}；协会可将其与其他会员的结果一起统计。",
                    zh_cn::record_contents(o)
                )
            },
            |o: &Outline| {
                format!(
                    "A file of {}, that an association can count with its other members’ results.",
                    en::record_contents(o)
                )
            };
        fn share_button(name: &str) -> String =
            |name: &str| format!("分享给{name}"),
            |name: &str| format!("Share with {name}");
        fn shared(name: &str) -> String =
            |name: &str| format!("已分享给{name}。"),
            |name: &str| format!("Shared with {name}.");
    }
}
