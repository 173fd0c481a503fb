//! The interface's own words, in each language the app speaks.
//!
//! Questionnaire text (questions, options, recommendations) never lives here: it comes from the
//! questionnaire data. These are the words around it — buttons, headings, notices. Every language has
//! every string because `Strings` is a struct: a missing translation does not compile.

use assessment::LangTag;

/// A language of the interface.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    ZhCn,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::ZhCn, Lang::En];

    /// The BCP 47 tag, as used by `<html lang>` and the questionnaire's texts.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::ZhCn => "zh-CN",
            Lang::En => "en",
        }
    }

    pub fn lang_tag(self) -> LangTag {
        LangTag::from(self.tag())
    }

    /// The language's own name, which is how a person finds it in a switch.
    pub fn autonym(self) -> &'static str {
        match self {
            Lang::ZhCn => "简体中文",
            Lang::En => "English",
        }
    }

    /// The language for a BCP 47 tag, matched on its primary subtag (`zh-Hans-CN` is Chinese).
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "zh" => Some(Lang::ZhCn),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The first of the browser's preferred languages that the app speaks; Chinese otherwise,
    /// since most users are Chinese exporters.
    pub fn preferred<'a>(tags: impl IntoIterator<Item = &'a str>) -> Lang {
        tags.into_iter()
            .find_map(Lang::from_tag)
            .unwrap_or(Lang::ZhCn)
    }

    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::ZhCn => &ZH_CN,
            Lang::En => &EN,
        }
    }

    /// "About 13 minutes, 38 questions" for the start screen.
    pub fn duration(self, minutes: usize, questions: usize) -> String {
        match self {
            Lang::ZhCn => format!("约 {minutes} 分钟，共 {questions} 题"),
            Lang::En => format!("About {minutes} minutes, {questions} questions"),
        }
    }

    /// "12 of 38 answered".
    pub fn answered(self, answered: usize, total: usize) -> String {
        match self {
            Lang::ZhCn => format!("已答 {answered} / {total} 题"),
            Lang::En => format!("{answered} of {total} answered"),
        }
    }
}

/// Every fixed string of the interface.
pub struct Strings {
    /// After a label: "：" in Chinese, ": " in English.
    pub colon: &'static str,
    pub language: &'static str,
    pub begin: &'static str,
    pub resume: &'static str,
    pub start_over: &'static str,
    pub saved_found: &'static str,
    pub stays_on_device: &'static str,
    pub what_you_get: &'static str,
    pub loading: &'static str,
    // The walk
    pub sections: &'static str,
    pub profile_title: &'static str,
    pub profile_intro: &'static str,
    pub review_step: &'static str,
    pub next: &'static str,
    pub back: &'static str,
    pub help: &'static str,
    pub clear_answer: &'static str,
    pub choose_all: &'static str,
    // Review
    pub review_title: &'static str,
    pub review_done: &'static str,
    pub review_missing: &'static str,
    pub see_report: &'static str,
    // Answers files
    pub your_answers: &'static str,
    pub export_answers: &'static str,
    pub import_answers: &'static str,
    pub imported: &'static str,
    pub import_refused: &'static str,
    pub not_answers: &'static str,
    pub unknown_format: &'static str,
    pub dismiss: &'static str,
    // Report
    pub report_title: &'static str,
    pub date: &'static str,
    pub questionnaire: &'static str,
    pub overall: &'static str,
    pub stage: &'static str,
    pub answer_them: &'static str,
    pub critical_title: &'static str,
    pub critical_intro: &'static str,
    pub basis: &'static str,
    pub dimensions_title: &'static str,
    pub chart_title: &'static str,
    pub bottleneck: &'static str,
    pub export_title: &'static str,
    pub export_why: &'static str,
    pub export_duties: &'static str,
    pub export_pending: &'static str,
    pub export_uncovered: &'static str,
    pub export_options: &'static str,
    pub items_title: &'static str,
    pub item: &'static str,
    pub your_answer: &'static str,
    pub level: &'static str,
    pub the_paper: &'static str,
    pub not_applicable: &'static str,
    pub not_answered: &'static str,
    pub recommendations_title: &'static str,
    pub no_recommendations: &'static str,
    pub critical_mark: &'static str,
    pub plan_title: &'static str,
    pub plan_empty: &'static str,
    pub print: &'static str,
    pub change_answers: &'static str,
}

impl Lang {
    /// "This report is partial: 3 questions are unanswered."
    pub fn partial(self, missing: usize) -> String {
        match self {
            Lang::ZhCn => format!("本报告尚不完整：还有 {missing} 题未作答。"),
            Lang::En if missing == 1 => "This report is partial: 1 question is unanswered.".into(),
            Lang::En => format!("This report is partial: {missing} questions are unanswered."),
        }
    }

    /// "Capped at 40 by a critical gap (44.2 without it)."
    pub fn capped(self, cap: &str, uncapped: &str) -> String {
        match self {
            Lang::ZhCn => format!("因存在关键合规缺口，得分上限为 {cap}（否则为 {uncapped}）。"),
            Lang::En => format!("Capped at {cap} by a critical gap ({uncapped} without it)."),
        }
    }

    /// "Level 2 of 4".
    pub fn level_of(self, level: u8) -> String {
        match self {
            Lang::ZhCn => format!("第 {level} 级（共 4 级）"),
            Lang::En => format!("Level {level} of 4"),
        }
    }

    /// Why an import was refused, for `OtherQuestionnaire`.
    pub fn other_questionnaire(self, found: &str, expected: &str) -> String {
        match self {
            Lang::ZhCn => format!("该文件是问卷“{found}”的回答，而本工具使用的是“{expected}”。"),
            Lang::En => {
                format!("This file holds answers to “{found}”; this tool asks “{expected}”.")
            }
        }
    }

    /// Why an import was refused, for answers that do not fit the questionnaire.
    pub fn invalid_answers(self, problems: usize) -> String {
        match self {
            Lang::ZhCn => format!("文件中有 {problems} 处回答与本问卷不符："),
            Lang::En if problems == 1 => {
                "One answer in the file does not fit this questionnaire:".into()
            }
            Lang::En => format!("{problems} answers in the file do not fit this questionnaire:"),
        }
    }

    /// The number of a section in the steps: "Step 2 of 5".
    pub fn step(self, n: usize, of: usize) -> String {
        match self {
            Lang::ZhCn => format!("第 {n} 步，共 {of} 步"),
            Lang::En => format!("Step {n} of {of}"),
        }
    }
}

const ZH_CN: Strings = Strings {
    colon: "：",
    language: "语言",
    begin: "开始自评",
    resume: "继续上次的自评",
    start_over: "重新开始",
    saved_found: "本设备上保存有您上次未完成的回答。",
    stays_on_device: "您的回答只保存在本设备上，不会发送到任何地方，除非您自己导出。",
    what_you_get: "完成后您将得到：总分和所处阶段、三个维度的得分与短板、关键合规缺口、数据出境路径，以及按优先级排列的行动计划。",
    loading: "正在加载……",
    sections: "各部分",
    profile_title: "企业基本情况",
    profile_intro: "这些问题不计分，用于确定哪些题目、规则和基准适用于贵企业。",
    review_step: "检查",
    next: "下一步",
    back: "上一步",
    help: "说明",
    clear_answer: "清除答案",
    choose_all: "可多选",
    review_title: "检查未答题目",
    review_done: "适用于贵企业的题目已全部作答。",
    review_missing: "以下题目尚未作答。不答也能生成报告，但报告会注明缺少哪些内容。",
    see_report: "查看报告",
    your_answers: "您的回答",
    export_answers: "导出回答（JSON 文件）",
    import_answers: "导入回答",
    imported: "已导入回答。",
    import_refused: "未导入该文件，当前回答没有任何改变。",
    not_answers: "该文件不是本工具导出的回答文件。",
    unknown_format: "该回答文件的格式版本本工具无法读取。",
    dismiss: "关闭",
    report_title: "评估报告",
    date: "日期",
    questionnaire: "问卷",
    overall: "总分",
    stage: "阶段",
    answer_them: "去作答",
    critical_title: "关键合规缺口",
    critical_intro: "这些缺口不会被平均掉：它们列在最前面，并限制“制度”维度的得分。",
    basis: "依据",
    dimensions_title: "三个维度",
    chart_title: "三个维度得分雷达图",
    bottleneck: "短板维度",
    export_title: "数据出境路径",
    export_why: "判断理由",
    export_duties: "仍需履行的义务",
    export_pending: "请在“企业基本情况”中回答数据相关问题，以确定数据出境路径。",
    export_uncovered: "问卷的规则无法覆盖您的回答，请咨询专业人士。",
    export_options: "另可考虑",
    items_title: "您的回答与论文基准",
    item: "题目",
    your_answer: "您的回答",
    level: "等级",
    the_paper: "论文基准",
    not_applicable: "不适用",
    not_answered: "未作答",
    recommendations_title: "建议（按优先级排序）",
    no_recommendations: "已作答的题目都达到了目标等级，暂无建议。",
    critical_mark: "关键",
    plan_title: "行动计划",
    plan_empty: "此阶段暂无行动。",
    print: "打印或保存为 PDF",
    change_answers: "修改回答",
};

const EN: Strings = Strings {
    colon: ": ",
    language: "Language",
    begin: "Start the assessment",
    resume: "Continue where you left off",
    start_over: "Start over",
    saved_found: "This device holds answers from an assessment you have not finished.",
    stays_on_device: "Your answers stay on this device. Nothing is sent anywhere unless you export it yourself.",
    what_you_get: "At the end you get your overall score and stage, the three dimensions and your bottleneck, critical compliance gaps, your data-export path, and an action plan ranked by priority.",
    loading: "Loading…",
    sections: "Sections",
    profile_title: "About your firm",
    profile_intro: "These questions are not scored: they decide which questions, rules and benchmarks apply to you.",
    review_step: "Review",
    next: "Next",
    back: "Back",
    help: "What does this mean?",
    clear_answer: "Clear answer",
    choose_all: "Choose all that apply",
    review_title: "Check your answers",
    review_done: "Every question that applies to you is answered.",
    review_missing: "These questions are still unanswered. The report works without them, but it will say what is missing.",
    see_report: "See your report",
    your_answers: "Your answers",
    export_answers: "Export answers (JSON file)",
    import_answers: "Import answers",
    imported: "Answers imported.",
    import_refused: "The file was not imported; your answers have not changed.",
    not_answers: "This file is not an answers file of this tool.",
    unknown_format: "This answers file is of a format version this tool cannot read.",
    dismiss: "Close",
    report_title: "Your assessment report",
    date: "Date",
    questionnaire: "Questionnaire",
    overall: "Overall score",
    stage: "Stage",
    answer_them: "Answer them",
    critical_title: "Critical compliance gaps",
    critical_intro: "These gaps are not averaged away: they come first and cap the institutions score.",
    basis: "Basis",
    dimensions_title: "The three dimensions",
    chart_title: "Radar chart of the three dimension scores",
    bottleneck: "Bottleneck",
    export_title: "Your data-export path",
    export_why: "Why",
    export_duties: "What remains to do",
    export_pending: "Answer the data questions in “About your firm” to see your data-export path.",
    export_uncovered: "The questionnaire's rules do not cover your answers: seek professional advice.",
    export_options: "Also consider",
    items_title: "Your answers beside the paper's benchmarks",
    item: "Item",
    your_answer: "Your answer",
    level: "Level",
    the_paper: "The paper",
    not_applicable: "Not applicable",
    not_answered: "Not answered",
    recommendations_title: "Recommendations, by priority",
    no_recommendations: "Every answered item meets its target: no recommendations.",
    critical_mark: "Critical",
    plan_title: "Action plan",
    plan_empty: "Nothing for this horizon.",
    print: "Print or save as PDF",
    change_answers: "Change answers",
};

#[cfg(test)]
mod tests {
    use super::Lang;

    #[test]
    fn browser_tags_pick_the_first_language_spoken() {
        assert_eq!(Lang::preferred(["fr-FR", "en-GB", "zh-CN"]), Lang::En);
        assert_eq!(Lang::preferred(["zh-Hans-CN"]), Lang::ZhCn);
        assert_eq!(Lang::preferred(["zh_TW", "en"]), Lang::ZhCn);
        assert_eq!(Lang::preferred(["de", "fr"]), Lang::ZhCn);
        assert_eq!(Lang::preferred([]), Lang::ZhCn);
    }

    #[test]
    fn tags_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_tag(lang.tag()), Some(lang));
        }
    }
}
