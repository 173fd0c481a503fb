//! The start screen: what the assessment is, and answers an earlier visit left.

use assessment::Outline;

use super::{en, zh_cn};

assessment::words! {
    /// The start screen: what the assessment is, and answers an earlier visit left.
    pub struct Start {
        begin: &'static str = "开始自评", "Start the assessment";
        resume: &'static str = "继续上次的自评", "Continue where you left off";
        start_over: &'static str = "重新开始", "Start over";
        saved_found: &'static str =
            "本设备上保存有您上次未完成的回答。",
            "This device holds answers from an assessment you have not finished.";
        stays_on_device: &'static str =
            "您的回答只保存在本设备上，不会发送到任何地方，除非您自己导出。",
            "Your answers stay on this device. Nothing is sent anywhere unless you export it yourself.";
        /// Instead, where the page cannot keep answers (storage blocked, say in a frame).
        not_kept_here: &'static str =
            "本浏览器不允许此页面保存您的回答：离开或刷新页面后回答将丢失；回答也不会发送到任何地方。如需下次继续，请在离开前把回答保存为文件（作答后上方提示和“检查”页都提供此功能），下次在这里打开该文件。",
            "This browser does not let this page keep your answers: they are lost when you leave or reload it. Nothing is sent anywhere. To continue another time, save your answers to a file before you leave (the warning above offers it once you have answered, and so does the review screen), then open that file here.";
        /// On a kiosk's start screen: what happens to answers on a shared machine.
        kiosk_data: &'static str =
            "这是一台公用设备：您完成或离开一段时间后，回答会被清除，不会保留。如需带走结果，请打印报告；如报告上有二维码，也可用手机扫描。",
            "This is a shared machine: your answers are cleared when you finish or leave it idle, and nothing is kept. To take your result with you, print the report or, where it shows a code, scan it with your phone.";
        /// Beside the import on the start screen.
        import_on_start: &'static str =
            "在其他设备上答过？请导入您在那里导出的回答文件。",
            "Answered on another device? Import the answers file you exported there.";
        /// Answers on offer where every question that applies is answered.
        saved_complete: &'static str =
            "本设备上保存有您上次的回答：所有适用的问题都已回答。",
            "This device holds your answers from an earlier visit: every question that applies is answered.";
        /// After a start over, with its Undo.
        answers_cleared: &'static str = "您的回答已清除。", "Your answers were cleared.";
        undo_clear: &'static str = "撤销", "Undo";
        offered_by: &'static str = "提供方", "Offered by";
        /// Start and Next pressed on the page painted before the app has started (`crates/prerender`):
        /// the press is kept, and the button says so.
        loading_start: &'static str = "正在加载，马上开始…", "Loading, starting in a moment…";
    }
    sentences {
        /// "About 23 minutes, 42 questions, and a few more to read your report": the core's estimate
        /// (`minutes_to_finish`) for the questions that apply, read in this language.
        fn duration(minutes: usize, questions: usize) -> String =
            |minutes: usize, questions: usize| format!("约 {minutes} 分钟，共 {questions} 题；阅读报告另需几分钟"),
            |minutes: usize, questions: usize| {
                match (minutes, questions) {
                    (1, 1) => "About 1 minute, 1 question, and a few more to read your report".to_owned(),
                    (1, q) => format!("About 1 minute, {q} questions, and a few more to read your report"),
                    (m, q) => {
                        format!("About {m} minutes, {q} questions, and a few more to read your report")
                    }
                }
            };
        /// On the start screen: what the report will hold.
        fn what_you_get(outline: &Outline) -> String =
            |o: &Outline| {
                let gaps = if o.critical_rules {
                    "关键合规缺口、"
                } else {
                    ""
                };
                match o.dimensions.as_slice() {
                    [one] => format!("完成后您将得到：“{one}”得分和所处阶段、{gaps}数据出境路径，以及按优先级排列的行动计划。"),
                    all => format!("完成后您将得到：总分和所处阶段、{}个维度的得分与短板、{gaps}数据出境路径，以及按优先级排列的行动计划。", zh_cn::number(all.len())),
                }
            },
            |o: &Outline| {
                let gaps = if o.critical_rules {
                    "critical compliance gaps, "
                } else {
                    ""
                };
                match o.dimensions.as_slice() {
                    [one] => format!("At the end you get your score on {one} and your stage, {gaps}your data-export path, and an action plan ranked by priority."),
                    all => format!("At the end you get your overall score and stage, the {} dimensions and your bottleneck, {gaps}your data-export path, and an action plan ranked by priority.", en::number(all.len())),
                }
            };
        /// Saved answers of another version: "made for digital-trade 0.9.0; 12 still fit, 2 do not".
        fn saved_migrated(from: &str, kept: usize, dropped: usize) -> String =
            |from: &str, kept: usize, dropped: usize| format!("保存的回答来自问卷“{from}”：其中 {kept} 题仍适用于当前版本，可以继续；{dropped} 题不再适用："),
            |from: &str, kept: usize, dropped: usize| {
                format!("The saved answers were made for “{from}”: {kept} still fit this version and can be resumed; {dropped} no longer fit:")
            };
    }
}
