//! What each market asks of the firm's goods, on the report.

assessment::words! {
    /// What each market asks of the firm's goods, on the report.
    pub struct Obligations {
        obligations_title: &'static str = "您的市场与货物", "Your markets and goods";
        obligations_in_force: &'static str = "现已生效", "In force now";
        obligations_within_year: &'static str = "12 个月内生效", "Starting within 12 months";
        obligations_later: &'static str = "更晚生效", "Starting later";
        obligations_to_check: &'static str = "请核实（尚未确认）", "Check these (not confirmed)";
        obligations_may_apply: &'static str = "可能适用：回答后即可确定", "May apply: answer to know";
        /// Before the goods a market's entries concern, named once for the market.
        obligations_goods: &'static str = "涉及您的货物", "For your goods";
        /// Before the goods an entry concerns when they are only some of its market's.
        obligations_in_first_steps: &'static str =
            "要准备什么：已在“您的第一步”中完整列出。",
            "What to prepare: printed in full among your first steps.";
        obligations_only_for: &'static str = "仅涉及", "Only for";
        /// The heading of entries that apply whatever the destination.
        obligations_any_market: &'static str = "所有目的地", "Any destination";
        obligations_answer_to_know: &'static str = "请回答", "To know, answer";
        obligations_none: &'static str =
            "本工具收录的规则均不适用于您填写的货物和市场。",
            "None of the rules this tool knows applies to the goods and markets you gave.";
        obligations_unavailable: &'static str =
            "无法加载按市场和货物列出的规则。请联网一次后重新打开报告。",
            "The rules by market and goods could not be loaded. Connect to the internet once, then open the report again.";
        /// Above the problems of an association's catalogue.
        obligations_refused: &'static str =
            "贵协会提供的按市场和货物列出的规则与其问卷不符，无法使用，因此本部分暂缺。请告知协会；其文件中发现以下问题：",
            "The rules by market and goods that your association provides cannot be used with its questionnaire, so this section is missing. Please tell the association; these are the problems found in its file:";
        /// Before what is still to check about an entry (and, often, with whom).
        obligations_check: &'static str = "有待核实", "To check";
    }
    sentences {
        fn obligation_from(date: &str) -> String =
            |date: &str| format!("自 {date} 起"),
            |date: &str| format!("From {date}");
        /// An unconfirmed date already passed on the assessment's date: not a duty, still to check.
        fn obligation_said_since(date: &str) -> String =
            |date: &str| format!("据称自 {date} 起已适用"),
            |date: &str| format!("Said to apply since {date}");
        /// A code more precise than this one would tell.
        fn finer_code(code: &str) -> String =
            |code: &str| format!("比 {code} 更细的 HS 编码"),
            |code: &str| format!("a more precise HS code than {code}");
        /// The HS code of the goods this option's label names would tell.
        fn code_of(label: &str) -> String =
            |label: &str| format!("您在“{label}”中的货物的 HS 编码"),
            |label: &str| format!("the HS code of your goods in “{label}”");
    }
}
