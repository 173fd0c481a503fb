//! The walk through the questions, and the review before the report.

use assessment::{NotAnHsCode, WhyNotACode};

assessment::words! {
    /// The walk through the questions, and the review before the report.
    pub struct Walk {
        sections: &'static str = "各部分", "Sections";
        profile_title: &'static str = "企业基本情况", "About your firm";
        profile_intro: &'static str =
            "这些问题不计分，用于确定哪些题目、规则和基准适用于贵企业。",
            "These questions are not scored: they decide which questions, rules and benchmarks apply to you.";
        review_step: &'static str = "检查", "Review";
        next: &'static str = "下一步", "Next";
        back: &'static str = "上一步", "Back";
        help: &'static str = "说明", "What does this mean?";
        clear_answer: &'static str = "清除答案", "Clear answer";
        choose_all: &'static str = "可多选", "Choose all that apply";
        review_title: &'static str = "检查未答题目", "Check your answers";
        review_done: &'static str =
            "适用于贵企业的题目已全部作答。",
            "Every question that applies to you is answered.";
        review_missing: &'static str =
            "以下题目尚未作答。不答也能生成报告，但报告会注明缺少哪些内容。",
            "These questions are still unanswered. The report works without them, but it will say what is missing.";
        see_report: &'static str = "查看报告", "See your report";
        /// Above a long list of options (the goods): a word or an HS code.
        filter_options: &'static str =
            "在列表中查找：输入关键词或货物的海关编码",
            "Find in the list: a word, or your goods' HS code";
        filter_none: &'static str =
            "列表中没有匹配项。如果您的货物不在其中，请在下方填写其海关编码。",
            "Nothing in the list matches. If your goods are not in it, type their HS code below.";
        /// The goods question's free HS code field (`hs_codes`).
        codes_label: &'static str =
            "列表中没有的货物：填写其海关编码（HS 编码）",
            "Goods not in the list: their HS code";
        codes_hint: &'static str =
            "2 至 10 位数字，例如 7318 或 7318.15；最多 10 个。每个编码按前几位与各项规则比对。",
            "2 to 10 digits, such as 7318 or 7318.15; up to 10 codes. Each is matched against the rules by its first digits.";
        add_code: &'static str = "添加编码", "Add code";
        /// Above the codes typed.
        codes_typed: &'static str = "您填写的海关编码", "HS codes you gave";
        /// Beside a step of the walk not yet confirmed in a follow-up.
        to_check: &'static str = "待核对", "to check";
        /// Next pressed on the page painted before the app has started: the press is kept.
        loading_next: &'static str = "正在加载，马上继续…", "Loading, continuing in a moment…";
    }
    sentences {
        /// "12 of 38 answered".
        fn answered(answered: usize, total: usize) -> String =
            |answered: usize, total: usize| format!("已答 {answered} / {total} 题"),
            |answered: usize, total: usize| format!("{answered} of {total} answered");
        /// A screen's own count: "3 of 5 answered on this screen".
        fn answered_here(answered: usize, total: usize) -> String =
            |answered: usize, total: usize| format!("本页已答 {answered} / {total} 题"),
            |answered: usize, total: usize| format!("{answered} of {total} answered on this screen");
        /// Beside a screen's count, the core's estimate for the whole walk: "About 9 minutes left".
        fn minutes_left(minutes: usize) -> String =
            |minutes: usize| {
                match minutes {
                    0 => "已无待答问题".to_owned(),
                    m => format!("全部约剩 {m} 分钟"),
                }
            },
            |minutes: usize| {
                match minutes {
                    0 => "Nothing left to answer".to_owned(),
                    1 => "About 1 minute left".to_owned(),
                    m => format!("About {m} minutes left"),
                }
            };
        /// The number of a section in the steps: "Step 2 of 5".
        fn step(n: usize, of: usize) -> String =
            |n: usize, of: usize| format!("第 {n} 步，共 {of} 步"),
            |n: usize, of: usize| format!("Step {n} of {of}");
        /// Why a typed text is not an HS code (the core's reason).
        fn not_a_code(e: &NotAnHsCode) -> String =
            |e: &NotAnHsCode| {
                match e.why {
                    WhyNotACode::Empty => "请填写海关编码：2 至 10 位数字，例如 7318 或 7318.15".to_owned(),
                    WhyNotACode::NotADigit(c) => format!(
                        "“{}”不是海关编码：“{c}”不是数字（海关编码由数字组成，例如 7318 或 7318.15）",
                        e.input
                    ),
                    WhyNotACode::Length(n) => format!(
                        "“{}”不是海关编码：它有 {n} 位数字；海关编码为 2、4、6、8 或 10 位（7318、7318.15、7318 15 90）",
                        e.input
                    ),
                }
            },
            |e: &NotAnHsCode| {
                // The core's `Display` says the same, but escapes what it quotes for a terminal, which
                // would bring Unicode's tables into the app: here the text is rendered as text.
                let input = &e.input;
                match e.why {
                    WhyNotACode::Empty => {
                        "Type an HS code: 2 to 10 digits, such as 7318 or 7318.15.".to_owned()
                    }
                    WhyNotACode::NotADigit(c) => format!(
                        "\"{input}\" is not an HS code: \"{c}\" is not a digit (an HS code is digits, such as 7318 or 7318.15)."
                    ),
                    WhyNotACode::Length(n) => format!(
                        "\"{input}\" is not an HS code: it has {n} digit(s); an HS code has 2, 4, 6, 8 or 10 (7318, 7318.15, 7318 15 90)."
                    ),
                }
            };
        /// The core refused a code: the question is full (at most `max`).
        fn codes_full(max: usize) -> String =
            |max: usize| format!("最多填写 {max} 个海关编码：请先删除一个再添加。"),
            |max: usize| format!("At most {max} HS codes: remove one before adding another.");
        /// A remove button's name: "Remove HS 731815".
        fn remove_code(code: &str) -> String =
            |code: &str| format!("删除 {code}"),
            |code: &str| format!("Remove {code}");
    }
}
