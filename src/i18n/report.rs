//! The report: the verdict, the scores, the first steps and the answers.

use assessment::{format_score, Cap, Level, Outline};

use super::{en, zh_cn};

assessment::words! {
    /// The report: the verdict, the scores, the first steps and the answers.
    pub struct Report {
        report_title: &'static str = "评估报告", "Your assessment report";
        date: &'static str = "日期", "Date";
        questionnaire: &'static str = "问卷", "Questionnaire";
        overall: &'static str = "总分", "Overall score";
        stage: &'static str = "阶段", "Stage";
        critical_title: &'static str = "关键合规缺口", "Critical compliance gaps";
        basis: &'static str = "依据", "Basis";
        bottleneck: &'static str = "最薄弱的方面", "Weakest area";
        export_title: &'static str = "数据出境路径", "Your data-export path";
        export_why: &'static str = "判断理由", "Why";
        export_duties: &'static str = "仍需履行的义务", "What remains to do";
        export_pending: &'static str =
            "请回答“企业基本情况”中尚未回答的问题，以确定数据出境路径。",
            "Answer the questions still open in “About your firm” to see your data-export path.";
        export_uncovered: &'static str =
            "问卷的规则无法覆盖您的回答，请咨询专业人士。",
            "The questionnaire's rules do not cover your answers: seek professional advice.";
        export_options: &'static str = "另可考虑", "Also consider";
        item: &'static str = "题目", "Item";
        your_answer: &'static str = "您的回答", "Your answer";
        level: &'static str = "等级", "Level";
        the_paper: &'static str = "论文基准", "The paper";
        /// Where the answer stands against a comparable benchmark, shown after it.
        standing_ahead: &'static str = "贵企业领先于此", "You are ahead of this";
        standing_level: &'static str = "贵企业与此持平", "You are level with this";
        standing_behind: &'static str = "贵企业落后于此", "You are behind this";
        not_applicable: &'static str = "不适用", "Not applicable";
        not_answered: &'static str = "未作答", "Not answered";
        critical_mark: &'static str = "关键", "Critical";
        change_answers: &'static str = "修改回答", "Change answers";
        firm: &'static str = "企业概况", "The firm";
        /// The report's first screen: its hidden heading and the first action's heading.
        verdict_title: &'static str = "评估结果", "Your result";
        first_action: &'static str = "先做这件事", "Do this first";
        missing_title: &'static str = "本报告尚未完成", "This report is not finished";
        missing_intro: &'static str =
            "以下各部分还有题目未作答。作答之前，报告只反映部分情况：未作答的题目不代表做得好，相应的建议也还没有列出。",
            "Questions still unanswered, by section. Until they are answered the report shows only part of the picture: an unanswered item is not a strength, and its advice is not here yet.";
        finish_questions: &'static str = "回答未答的题目", "Answer the missing questions";
        score_how: &'static str =
            "得分的算法：每个回答对应 0（未起步）到 4 的一个等级；维度得分（百分制）是其各题等级按重要程度加权的平均，总分是各维度得分的加权平均。不适用于贵企业或未作答的题目不计入。",
            "How a score is made: each answer is a level from 0 (not started) to 4; a dimension's score out of 100 is the mean of its items' levels, weighted by how much each item matters, and the overall score is the weighted mean of the dimensions. Items that do not apply to your firm, or are not answered, do not count.";
        score_detail: &'static str = "查看每题的回答和等级", "See each answer and its level";
        ladder: &'static str = "等级阶梯", "Stages";
        you_are_here: &'static str = "贵企业", "your firm";
        top_stage: &'static str = "贵企业已处于最高等级。", "Your firm is at the highest stage.";
        first_steps_title: &'static str = "您的第一步", "Your first steps";
        first_steps_intro: &'static str =
            "建议在今后 3 个月内先做这几件事。",
            "Start with these, within the next 3 months.";
        who: &'static str = "由谁做", "Who";
        effort: &'static str = "工作量和费用", "Effort and cost";
        help_from: &'static str = "可求助", "Help";
        /// Before a first step's reason for coming first (the core words the reason).
        why_first: &'static str = "为什么先做", "Why first";
        /// A step's question and source, folded away from its text.
        sources: &'static str = "出处", "Sources";
        rest_of_plan: &'static str = "其余计划（按时间）", "The rest of your plan, by when";
        /// A partial report without recommendations: not a clean bill.
        no_recommendations_yet: &'static str =
            "根据目前已答的题目暂无建议；请回答其余题目以获得完整计划。",
            "No recommendations from the questions answered so far: answer the rest to get your plan.";
        /// A complete report without recommendations or critical gaps.
        all_targets_met: &'static str =
            "所有适用的题目都达到了目标等级，暂无建议。",
            "Every item that applies meets its target: no recommendations.";
        /// A complete report whose only tasks are its critical gaps.
        only_gaps: &'static str =
            "除弥补上述关键合规缺口外，暂无其他建议。",
            "No recommendations beyond closing the critical gaps above.";
        /// On paper, below the heading of the answers: the paper's figures are on screen only.
        benchmarks_on_screen: &'static str =
            "打印版只列出各题与论文数据相比的位置及所在章节；论文中的具体数据请看屏幕上的报告。",
            "On paper each answer shows only where it stands against the paper's figure, with the section; the report on screen gives the figure itself.";
    }
    sentences {
        /// "This report is partial: 3 questions are unanswered."
        fn partial(missing: usize) -> String =
            |missing: usize| format!("本报告尚不完整：还有 {missing} 题未作答。"),
            |missing: usize| {
                match missing {
                    1 => "This report is partial: 1 question is unanswered.".to_owned(),
                    n => format!("This report is partial: {n} questions are unanswered."),
                }
            };
        /// The cap and the uncapped score, each written as every score is (`format_score`).
        fn capped(cap: &str, uncapped: &str) -> String =
            |cap: &str, uncapped: &str| format!("因存在关键合规缺口，得分上限为 {cap}（否则为 {uncapped}）。"),
            |cap: &str, uncapped: &str| format!("Capped at {cap} by a critical gap ({uncapped} without it).");
        /// "Level 2 of 4".
        fn level_of(level: Level) -> String =
            |level: Level| {
                // 0 级是“还没有做”，不是达到的一个等级：照此措辞。
                if level == Level::L0 {
                    format!("未起步（0/{}）", Level::MAX)
                } else {
                    format!("第 {level} 级（共 {} 级）", Level::MAX)
                }
            },
            |level: Level| {
                // Level 0 is "nothing yet", not a level reached: worded as such.
                if level == Level::L0 {
                    format!("Not started ({level} of {})", Level::MAX)
                } else {
                    format!("Level {level} of {}", Level::MAX)
                }
            };
        /// Above the critical gaps, with the dimensions they cap in this report (maybe none).
        fn critical_intro(caps: &[Cap]) -> String =
            |caps: &[Cap]| {
                let mut text = "这些缺口不会被平均掉：它们列在最前面".to_owned();
                for (i, c) in caps.iter().enumerate() {
                    let joint = if i == 0 { "，并使" } else { "、" };
                    text += &format!(
                        "{joint}“{}”维度的得分不超过 {}",
                        c.dimension,
                        format_score(Some(c.cap))
                    );
                }
                text + "。"
            },
            |caps: &[Cap]| {
                let mut text = "These gaps are not averaged away: they come first".to_owned();
                for (i, c) in caps.iter().enumerate() {
                    let joint = if i == 0 { " and cap" } else { " and" };
                    text += &format!(
                        "{joint} the {} score at {}",
                        c.dimension,
                        format_score(Some(c.cap))
                    );
                }
                text + "."
            };
        /// The heading of the dimensions' scores.
        fn dimensions_title(outline: &Outline) -> String =
            |o: &Outline| {
                match o.dimensions.as_slice() {
                    [one] => format!("评估维度：{one}"),
                    all => format!("{}个维度", zh_cn::number(all.len())),
                }
            },
            |o: &Outline| {
                match o.dimensions.as_slice() {
                    [one] => format!("The dimension: {one}"),
                    all => format!("The {} dimensions", en::number(all.len())),
                }
            };
        /// The radar chart's title.
        fn chart_title(outline: &Outline) -> String =
            |o: &Outline| format!("{}个维度得分雷达图", zh_cn::number(o.dimensions.len())),
            |o: &Outline| {
                format!(
                    "Radar chart of the {} dimension scores",
                    en::number(o.dimensions.len())
                )
            };
        /// The heading of the answers, beside benchmarks when the report shows any.
        fn items_title(benchmarks: bool) -> String =
            |benchmarks: bool| {
                if benchmarks {
                    "您的回答与论文基准"
                } else {
                    "您的回答"
                }
                .to_owned()
            },
            |benchmarks: bool| {
                if benchmarks {
                    "Your answers beside the paper's benchmarks"
                } else {
                    "Your answers"
                }
                .to_owned()
            };
        /// How many points the overall score lacks to reach the next stage.
        fn to_next_stage(points: &str, stage: &str) -> String =
            |points: &str, stage: &str| format!("距“{stage}”还差 {points} 分。"),
            |points: &str, stage: &str| format!("{points} points to {stage}.");
        /// A section with unanswered questions.
        fn missing_in(section: &str, questions: usize) -> String =
            |section: &str, questions: usize| format!("{section}：{questions} 题"),
            |section: &str, questions: usize| {
                match questions {
                    1 => format!("{section}: 1 question"),
                    n => format!("{section}: {n} questions"),
                }
            };
        /// A stage's threshold on the ladder.
        fn from_score(min: &str) -> String =
            |min: &str| format!("{min} 分起"),
            |min: &str| format!("from {min}");
        /// The report's first screen: how many critical gaps there are.
        fn critical_count(gaps: usize) -> String =
            |gaps: usize| format!("{gaps} 个关键合规缺口"),
            |gaps: usize| {
                match gaps {
                    1 => "1 critical compliance gap".to_owned(),
                    n => format!("{n} critical compliance gaps"),
                }
            };
        /// Folded parts of the report, each in a few words.
        fn plan_line(actions: usize) -> String =
            |actions: usize| format!("另有 {actions} 项行动，按时间排列"),
            |actions: usize| {
                match actions {
                    1 => "1 more action, with when to do it".to_owned(),
                    n => format!("{n} more actions, by when to do them"),
                }
            };
        fn items_line(answers: usize, benchmarks: bool) -> String =
            |answers: usize, benchmarks: bool| {
                if benchmarks {
                    format!("您的 {answers} 个回答：各自的等级与论文中的数据")
                } else {
                    format!("您的 {answers} 个回答及各自的等级")
                }
            },
            |answers: usize, benchmarks: bool| {
                match (answers, benchmarks) {
                    (1, true) => "Your 1 answer, its level and the paper's figure".to_owned(),
                    (1, false) => "Your 1 answer and its level".to_owned(),
                    (n, true) => format!("Your {n} answers, each with its level and the paper's figure"),
                    (n, false) => format!("Your {n} answers, each with its level"),
                }
            };
    }
}
