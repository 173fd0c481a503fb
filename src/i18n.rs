//! The interface's own words, in each language the app speaks.
//!
//! Questionnaire text (questions, options, recommendations) never lives here: it comes from the
//! questionnaire data. These are the words around it — buttons, headings, notices. Every language has
//! every string because `Strings` is a struct: a missing translation does not compile.

use assessment::validate::number;
use assessment::{AnswerProblem, LangTag, Place, Problem, ProblemKind};

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
    pub changed_elsewhere: &'static str,
    pub undo_change_elsewhere: &'static str,
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
    /// Where the answer stands against a comparable benchmark, shown after it.
    pub standing_ahead: &'static str,
    pub standing_level: &'static str,
    pub standing_behind: &'static str,
    pub not_applicable: &'static str,
    pub not_answered: &'static str,
    pub recommendations_title: &'static str,
    pub no_recommendations: &'static str,
    pub critical_mark: &'static str,
    pub plan_title: &'static str,
    pub plan_empty: &'static str,
    pub print: &'static str,
    pub change_answers: &'static str,
    // Offline, storage, updates, kiosk
    pub about_link: &'static str,
    pub about_title: &'static str,
    pub about_sections: &'static [(&'static str, &'static str)],
    pub update_ready: &'static str,
    pub update_now: &'static str,
    /// Before an update reloads the page, when that would lose answers kept only in the page.
    pub update_loses_answers: &'static str,
    pub update_anyway: &'static str,
    pub update_later: &'static str,
    pub not_persistent: &'static str,
    pub kiosk_config_ignored: &'static str,
    pub finish_and_clear: &'static str,
    pub idle_title: &'static str,
    pub still_here: &'static str,
    pub touch_to_start: &'static str,
    pub skip_to_content: &'static str,
    pub include_answers: &'static str,
    pub offered_by: &'static str,
    pub saved_needs_decision: &'static str,
    pub saved_unreadable: &'static str,
    pub saved_kept_until: &'static str,
    pub download_saved: &'static str,
    pub discard_saved: &'static str,
    pub crashed_title: &'static str,
    pub crashed_text: &'static str,
    pub crashed_download: &'static str,
    /// On a kiosk's crash screen: nothing of the visitor is offered, and the screen clears itself.
    pub crashed_kiosk_text: &'static str,
    pub reload: &'static str,
    // Setup problems: a config or questionnaire that cannot be used (`setup_problems.rs`; a
    // kiosk's config in the status bar). One block, with the functions that word a problem.
    pub setup_title: &'static str,
    pub setup_intro: &'static str,
    pub setup_config_file: &'static str,
    pub setup_questionnaire_file: &'static str,
    pub setup_shipped_questionnaire: &'static str,
    /// Where a problem is, with its field: "config, field origin".
    pub setup_place: fn(&Place, &str) -> String,
    /// What is wrong.
    pub setup_kind: fn(&ProblemKind) -> String,
}

impl Strings {
    /// A problem as one line: its place and field, then what is wrong.
    pub fn setup_problem(&self, problem: &Problem) -> String {
        format!(
            "{}{}{}",
            (self.setup_place)(&problem.place, &problem.field),
            self.colon,
            (self.setup_kind)(&problem.kind)
        )
    }

    /// A problem of a file named on its own (a kiosk's config): the file, then what is wrong.
    pub fn setup_problem_in(&self, file: &str, problem: &Problem) -> String {
        let place = match problem.field.as_str() {
            "" => file.to_owned(),
            field => format!("{file} {field}"),
        };
        format!("{place}{}{}", self.colon, (self.setup_kind)(&problem.kind))
    }
}

/// The core words its problems in English; so does the English interface.
fn en_place(place: &Place, field: &str) -> String {
    match field {
        "" => place.to_string(),
        field => format!("{place}, field {field}"),
    }
}

fn en_kind(kind: &ProblemKind) -> String {
    kind.to_string()
}

fn zh_place(place: &Place, field: &str) -> String {
    let place = match place {
        Place::Questionnaire => "问卷".to_owned(),
        Place::Config => "配置".to_owned(),
        Place::Attribute => "嵌入属性".to_owned(),
        Place::KioskConfig => "自助终端配置".to_owned(),
        Place::Question(id) => format!("画像问题 {id}"),
        Place::Item(id) => format!("题目 {id}"),
        Place::Dimension(id) => format!("维度 {id}"),
        Place::Stage(i) => format!("第 {} 个阶段", i + 1),
        Place::Countermeasure(id) => format!("对策 {id}"),
        Place::ExportOutcome(id) => format!("数据出境结果 {id}"),
        Place::ExportRule(i) => format!("第 {} 条数据出境规则", i + 1),
        Place::ExportRoute(id) => format!("数据出境途径 {id}"),
    };
    match field {
        "" => place,
        field => format!("{place}，字段 {field}"),
    }
}

fn zh_kind(kind: &ProblemKind) -> String {
    use ProblemKind as K;
    match kind {
        K::DuplicateId(id) => format!("标识“{id}”重复使用"),
        K::MissingTranslation(lang) => format!("缺少“{lang}”文本"),
        K::LevelOutOfRange(l) => format!("等级 {l} 超出 0–4"),
        K::WeightOutOfRange(w) => format!(
            "权重 {} 必须大于 0 且不超过 {}",
            number(*w),
            number(assessment::validate::MAX_WEIGHT)
        ),
        K::ScoreOutOfRange(v) => format!("分数 {} 超出 0–100", number(*v)),
        K::UnknownQuestion(id) => format!("引用了不存在的问题“{id}”"),
        K::UnknownOption { question, option } => {
            format!("引用了问题“{question}”中不存在的选项“{option}”")
        }
        K::NotAnItem(id) => format!("要求“{id}”的等级，但它不是计分题目"),
        K::UnknownCountermeasure(id) => format!("引用了不存在的对策“{id}”"),
        K::UnknownOutcome(id) => format!("引用了不存在的数据出境结果“{id}”"),
        K::Cycle(ids) => format!("规则相互依赖，形成循环：{}", ids.join(" → ")),
        K::Empty => "不能为空".to_owned(),
        K::NoRecommendationForLevel(l) => format!("等级 {l} 低于目标，但没有建议覆盖它"),
        K::StagesNotAscending => "阶段必须按 min_score 升序排列".to_owned(),
        K::FirstStageNotZero(v) => format!("第一个阶段必须从 0 开始，而不是 {}", number(*v)),
        K::NoLanguages => "至少要声明一种语言".to_owned(),
        K::ProfileReferencesItems(id) => {
            format!("画像问题只能依赖其他画像问题，不能依赖“{id}”")
        }
        K::BadQuestionnaireId(id) => format!(
            "“{}”不是有效标识（1 至 64 个小写字母、数字、“-”“_”“.”，以字母或数字开头）",
            id.escape_debug()
        ),
        K::BadVersion(v) => format!(
            "“{}”不是形如 1.2.0 的版本号（三个以点分隔的数字）",
            v.escape_debug()
        ),
        K::ForbiddenCharacter(c) => format!(
            "含有不可见的控制字符 U+{:04X}，文本中不允许出现",
            u32::from(*c)
        ),
        K::QuoteSectionNotShown { quote, shown } => format!(
            "引文所在章节 {quote} 不在基准的章节“{shown}”中：请在那里补上，或引用包含该数字的章节"
        ),
        K::CompareOutOfOrder {
            level_from,
            ahead_from,
        } => {
            format!("level_from {level_from} 高于 ahead_from {ahead_from}：企业不可能先领先再持平")
        }
        K::MigrationFromItself(v) => format!("从问卷自身版本 {v} 迁移：该版本的答案无需迁移"),
        K::Format(message) => format!("格式不符：{message}"),
        K::Unavailable(Some(status)) => format!("无法读取：服务器返回 {status}"),
        K::Unavailable(None) => "无法读取（处于离线状态，或服务器不允许本应用读取）".to_owned(),
        K::UnknownDimension(id) => format!("问卷中没有维度“{id}”"),
        K::NotAsked(id) => format!("“{id}”不在所问之列"),
        K::Missing => "缺少此项".to_owned(),
        K::NotAnOrigin(v) => format!(
            "“{}”不是形如 https://association.example 的来源",
            v.escape_debug()
        ),
        K::UnsupportedLanguage { language, offered } => format!(
            "“{}”不在可用语言之列：{}",
            language.escape_debug(),
            offered.join("、")
        ),
        K::BadLength { max } => format!("长度须为 1 至 {max} 个字符"),
        K::NotAColour(v) => format!(
            "“{}”不是形如 #0b4f6c 或 rgb(11 79 108) 的颜色",
            v.escape_debug()
        ),
        K::NotAFontList(v) => format!(
            "“{}”不是形如 \"Noto Sans SC\", sans-serif 的字体列表",
            v.escape_debug()
        ),
        K::NotAUrl(v) => format!("“{}”不是 https 网址或路径", v.escape_debug()),
        K::SetInConfigFile => "请在配置文件中设置；有配置文件时，网页只能设置语言和主题".to_owned(),
    }
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

    /// Why a file was refused: a question appears twice in it.
    pub fn answered_twice(self, question: &str) -> String {
        match self {
            Lang::ZhCn => format!("文件中问题“{question}”出现了两次，无法确定哪个回答有效。"),
            Lang::En => format!(
                "The file answers question “{question}” twice, so which answer is meant is unclear."
            ),
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

    /// The kiosk's countdown: "Clearing in 12 s".
    pub fn clearing_in(self, seconds: u32) -> String {
        match self {
            Lang::ZhCn => format!("{seconds} 秒后将清除本次所有回答，以便下一位访客使用。"),
            Lang::En => format!(
                "In {seconds} s everything you entered will be cleared for the next visitor."
            ),
        }
    }

    pub fn share_title(self, name: &str) -> String {
        match self {
            Lang::ZhCn => format!("与{name}分享结果"),
            Lang::En => format!("Share your result with {name}"),
        }
    }

    pub fn share_what(self, name: &str) -> String {
        match self {
            Lang::ZhCn => format!("分享的内容：总分、阶段、各维度得分、关键合规缺口和数据出境路径。只有在您点击下方按钮后，才会发送给{name}。"),
            Lang::En => format!("What is shared: your overall score, stage, dimension scores, critical compliance gaps and data-export path. Nothing is sent to {name} until you press the button below."),
        }
    }

    pub fn share_button(self, name: &str) -> String {
        match self {
            Lang::ZhCn => format!("分享给{name}"),
            Lang::En => format!("Share with {name}"),
        }
    }

    pub fn shared(self, name: &str) -> String {
        match self {
            Lang::ZhCn => format!("已分享给{name}。"),
            Lang::En => format!("Shared with {name}."),
        }
    }

    /// Saved answers of another version: "made for digital-trade 0.9.0; 12 still fit, 2 do not".
    pub fn saved_migrated(self, from: &str, kept: usize, dropped: usize) -> String {
        match self {
            Lang::ZhCn => format!("保存的回答来自问卷“{from}”：其中 {kept} 题仍适用于当前版本，可以继续；{dropped} 题不再适用："),
            Lang::En => format!("The saved answers were made for “{from}”: {kept} still fit this version and can be resumed; {dropped} no longer fit:"),
        }
    }

    /// One answer that does not fit the questionnaire, in this language. Ids are shown as found.
    pub fn answer_problem(self, problem: &AnswerProblem) -> String {
        match (self, problem) {
            (Lang::ZhCn, AnswerProblem::UnknownQuestion(q)) => format!("问卷中没有题目“{q}”"),
            (Lang::ZhCn, AnswerProblem::UnknownOption(q, o)) => format!("题目“{q}”没有选项“{o}”"),
            (Lang::ZhCn, AnswerProblem::SeveralForSingleChoice(q)) => {
                format!("题目“{q}”只能选一项，但给出了多项")
            }
            (Lang::ZhCn, AnswerProblem::Empty(q)) => format!("题目“{q}”的回答为空"),
            (Lang::ZhCn, AnswerProblem::Changed { question, since }) => {
                format!("题目“{question}”自 {since} 版以来已改变，请重新回答")
            }
            (Lang::En, problem) => problem.to_string(),
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
    changed_elsewhere: "您在另一个标签页或窗口中修改了回答，本页现在显示的是修改后的回答。",
    undo_change_elsewhere: "恢复本页之前的回答",
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
    standing_ahead: "贵企业领先于此",
    standing_level: "贵企业与此持平",
    standing_behind: "贵企业落后于此",
    not_applicable: "不适用",
    not_answered: "未作答",
    recommendations_title: "建议（按优先级排序）",
    no_recommendations: "已作答的题目都达到了目标等级，暂无建议。",
    critical_mark: "关键",
    plan_title: "行动计划",
    plan_empty: "此阶段暂无行动。",
    print: "打印或保存为 PDF",
    change_answers: "修改回答",
    about_link: "离线使用与数据说明",
    about_title: "离线使用与您的数据",
    about_sections: &[
        ("数据留在本设备", "本工具完全在浏览器中运行，没有服务器。您的回答只保存在本设备浏览器的本地存储中，除非您导出文件或（在协会网站上）明确点击分享，否则不会发送到任何地方。"),
        ("离线使用", "首次打开后，本工具的全部文件都会保存在浏览器中。此后即使没有网络，也可以打开本工具、完成自评并打印报告。发布新版本时，页面会提示您重新加载；在您确认之前，始终使用完整的旧版本，不会新旧混用。"),
        ("存储不可用时", "如果浏览器禁止或没有本地存储（例如某些隐私模式），或存储已满，本工具仍可正常使用，但回答只保存在当前页面中，关闭或刷新页面后将会丢失。页面顶部会提示这一点，此时请在结束前导出回答。"),
        ("公共设备（自助终端）", "在展会或服务中心的自助终端上，回答只保存在内存中，从不写入存储。一段时间无操作后会显示倒计时，然后清除本次访客的全部内容；也可以随时点击“完成并清除”。请在清除前打印报告。"),
        ("保存和转移回答", "您可以把回答导出为 JSON 文件，稍后在任何设备上导入继续或重新生成报告。文件中记录了问卷及其版本，用于其他问卷的文件不会被导入。"),
    ],
    update_ready: "新版本已就绪。",
    update_now: "重新加载以使用新版本",
    update_loses_answers: "您的回答没有保存在本浏览器中：更新会重新加载页面，回答将会丢失。如需保留，请先导出回答。",
    update_anyway: "仍然更新",
    update_later: "暂不更新",
    not_persistent: "本浏览器无法保存回答：关闭或刷新页面后回答将丢失。请在结束前导出回答。",
    kiosk_config_ignored: "自助终端配置文件无法使用，已采用默认设置：",
    finish_and_clear: "完成并清除",
    idle_title: "还在使用吗？",
    still_here: "继续使用",
    touch_to_start: "点击开始自评",
    skip_to_content: "跳到正文",
    include_answers: "同时分享我的逐题回答",
    offered_by: "提供方",
    saved_needs_decision: "本设备上保存的回答需要您处理",
    saved_unreadable: "保存的回答无法读取（可能已损坏或不完整）。",
    saved_kept_until: "保存的原始内容没有被改动。您可以下载保存，或将其丢弃；在您作出选择之前，新的回答不会被保存。",
    download_saved: "下载保存的原始内容",
    discard_saved: "丢弃保存的内容",
    crashed_title: "出现了意外错误",
    crashed_text: "本工具遇到内部错误，已停止运行。您的回答没有丢失：请先下载回答，然后重新加载页面并导入。",
    crashed_download: "下载我的回答",
    crashed_kiosk_text: "本工具遇到内部错误，已停止运行。为保护您的信息，本屏幕稍后将自动清除并重新开始；您也可以点击“重新加载”立即清除。",
    reload: "重新加载",
    setup_title: "本自评无法启动",
    setup_intro: "网站提供的配置或问卷有以下问题，请网站管理员修正：",
    setup_config_file: "配置文件",
    setup_questionnaire_file: "问卷",
    setup_shipped_questionnaire: "随工具提供的问卷",
    setup_place: zh_place,
    setup_kind: zh_kind,
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
    changed_elsewhere: "Your answers were changed in another tab or window of this browser; this page now shows them.",
    undo_change_elsewhere: "Go back to this page's answers",
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
    standing_ahead: "You are ahead of this",
    standing_level: "You are level with this",
    standing_behind: "You are behind this",
    not_applicable: "Not applicable",
    not_answered: "Not answered",
    recommendations_title: "Recommendations, by priority",
    no_recommendations: "Every answered item meets its target: no recommendations.",
    critical_mark: "Critical",
    plan_title: "Action plan",
    plan_empty: "Nothing for this horizon.",
    print: "Print or save as PDF",
    change_answers: "Change answers",
    about_link: "Offline use and your data",
    about_title: "Offline use and your data",
    about_sections: &[
        ("Your data stays on this device", "The tool runs entirely in your browser; there is no server. Your answers are kept in this browser's local storage on this device and are sent nowhere, unless you export them to a file or, on an association's site, press share yourself."),
        ("Working offline", "After the first visit every file of the tool is kept in the browser, so it opens, runs a whole assessment and prints the report with no network. When a new version is published the page tells you and reloads only when you accept; until then it runs the complete old version, never a mix of old and new."),
        ("When storage is unavailable", "If the browser blocks or lacks local storage (some private modes) or it is full, the tool still works, but your answers live only in this page and are lost when you close or reload it. A message at the top says so; export your answers before you leave."),
        ("On a shared kiosk", "At fairs and service centres the kiosk keeps answers in memory only and never writes them to storage. After a while without input it shows a countdown, then clears everything of the visitor; “Finish and clear” does it at once. Print your report before it is cleared."),
        ("Keeping and moving your answers", "Export your answers to a JSON file and import it later on any device to continue or to regenerate the report. The file names its questionnaire and version; a file for another questionnaire is refused."),
    ],
    update_ready: "A new version is ready.",
    update_now: "Reload to use it",
    update_loses_answers: "Your answers are not saved in this browser: updating reloads the page, and they would be lost. Export them first to keep them.",
    update_anyway: "Update anyway",
    update_later: "Not now",
    not_persistent: "This browser cannot keep your answers: they will be lost when you close or reload the page. Export them before you leave.",
    kiosk_config_ignored: "The kiosk configuration file could not be used; the defaults apply:",
    finish_and_clear: "Finish and clear",
    idle_title: "Are you still there?",
    still_here: "I'm still here",
    touch_to_start: "Tap to start the assessment",
    skip_to_content: "Skip to content",
    include_answers: "Include my answers to each question",
    offered_by: "Offered by",
    saved_needs_decision: "Saved answers on this device need your decision",
    saved_unreadable: "The saved answers cannot be read (they may be damaged or cut off).",
    saved_kept_until: "The saved text has not been changed. Download it to keep it, or discard it; until you choose, new answers are not saved.",
    download_saved: "Download the saved text",
    discard_saved: "Discard it",
    crashed_title: "Something went wrong",
    crashed_text: "The tool hit an internal error and stopped. Your answers are not lost: download them, then reload the page and import them.",
    crashed_download: "Download my answers",
    crashed_kiosk_text: "The tool hit an internal error and stopped. To protect your information this screen clears itself and starts again shortly; press Reload to clear it now.",
    reload: "Reload",
    setup_title: "This assessment cannot start",
    setup_intro: "The configuration or questionnaire this site supplies has these problems, for the site's administrator to fix:",
    setup_config_file: "Config file",
    setup_questionnaire_file: "Questionnaire",
    setup_shipped_questionnaire: "the shipped questionnaire",
    setup_place: en_place,
    setup_kind: en_kind,
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
    fn answer_problems_are_told_in_each_language() {
        use assessment::{AnswerProblem, OptionId, QuestionId};
        let p = AnswerProblem::UnknownOption(QuestionId::from("T1"), OptionId::from("x"));
        assert_eq!(Lang::ZhCn.answer_problem(&p), "题目“T1”没有选项“x”");
        assert_eq!(
            Lang::En.answer_problem(&p),
            "question \"T1\" has no option \"x\""
        );
    }

    #[test]
    fn tags_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_tag(lang.tag()), Some(lang));
        }
    }
}
