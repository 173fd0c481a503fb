//! Words every screen uses: the frame around the screens and the notices.

use assessment::Lang;

assessment::words! {
    /// Words every screen uses: the frame around the screens and the notices.
    pub struct Common {
        /// After a label: "：" in Chinese, ": " in English.
        colon: &'static str = "：", ": ";
        language: &'static str = "语言", "Language";
        language_unavailable: &'static str =
            "无法加载另一种语言。请联网一次后再试。",
            "The other language could not be loaded. Connect to the internet once, then try again.";
        dismiss: &'static str = "关闭", "Close";
        skip_to_content: &'static str = "跳到正文", "Skip to content";
        /// A folded part of the report's summary line opens with this (a screen reader hears it).
        print: &'static str = "打印或保存为 PDF", "Print or save as PDF";
    }    sentences {
        /// Said in the language asked for, which the questionnaire is not in: the languages it
        /// has, each by its own name.
        fn only_in(has: &[Lang]) -> String =
            |has: &[Lang]| format!("本问卷只有以下语言的版本：{}。您的回答都已保留。", names(has, "、")),
            |has: &[Lang]| format!("This questionnaire is only in {}. Your answers are kept.", names(has, " and "));
    }
}

/// The languages, each by its own name, one `sep` between two.
fn names(langs: &[Lang], sep: &str) -> String {
    let mut names = String::new();
    for lang in langs {
        if !names.is_empty() {
            names += sep;
        }
        names += lang.autonym();
    }
    names
}
