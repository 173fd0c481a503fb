//! Problems in the language a person reads. `Display` on `Place`, `ProblemKind` and `Problem` is
//! the English (the CLI's and the logs'); `message` words them in Chinese too, so that every front
//! end (the app's setup screen, the report's worker, the cohort page) lists them in its page's
//! language with the same words.

use crate::lang::Lang;
use crate::{LangTag, Place, Problem, ProblemKind};

impl Problem {
    /// The problem in `lang`: its place and field, then what is wrong.
    pub fn message(&self, lang: &LangTag) -> String {
        if Lang::of(lang) == Lang::En {
            return self.to_string();
        }
        let place = place_in_chinese(&self.place);
        let kind = kind_in_chinese(&self.kind);
        match self.field.as_str() {
            "" => format!("{place}：{kind}"),
            field => format!("{place}，字段 {field}：{kind}"),
        }
    }
}

impl ProblemKind {
    /// What is wrong, in `lang`.
    pub fn message(&self, lang: &LangTag) -> String {
        if Lang::of(lang) == Lang::ZhCn {
            kind_in_chinese(self)
        } else {
            self.to_string()
        }
    }
}

fn place_in_chinese(place: &Place) -> String {
    match place {
        Place::Questionnaire => "问卷".to_owned(),
        Place::Config => "配置".to_owned(),
        Place::Attribute => "嵌入属性".to_owned(),
        Place::KioskConfig => "自助终端配置".to_owned(),
        Place::Question(id) => format!("画像问题 {id}"),
        Place::ProfilePart(id) => format!("画像分页 {id}"),
        Place::Item(id) => format!("题目 {id}"),
        Place::Dimension(id) => format!("维度 {id}"),
        Place::Stage(i) => format!("第 {} 个阶段", i + 1),
        Place::Countermeasure(id) => format!("对策 {id}"),
        Place::ExportOutcome(id) => format!("数据出境结果 {id}"),
        Place::ExportRule(i) => format!("第 {} 条数据出境规则", i + 1),
        Place::ExportRoute(id) => format!("数据出境途径 {id}"),
        Place::Role(id) => format!("执行角色 {id}"),
        Place::Effort(id) => format!("工作量 {id}"),
        Place::HelpSource(id) => format!("求助渠道 {id}"),
        Place::Catalogue => "市场义务目录".to_owned(),
        Place::Obligation(id) => format!("义务条目 {id}"),
        Place::Goods(id) => format!("货物选项 {id}"),
    }
}

fn kind_in_chinese(kind: &ProblemKind) -> String {
    use ProblemKind as K;
    match kind {
        K::DuplicateId(id) => format!("标识“{id}”重复使用"),
        K::MissingTranslation(lang) => format!("缺少“{lang}”文本"),
        K::LevelOutOfRange(l) => format!("等级 {l} 超出 0–4"),
        K::WeightOutOfRange(w) => format!(
            "权重 {} 必须大于 0 且不超过 {}",
            crate::problem::number(*w),
            crate::problem::number(crate::bounds::MAX_WEIGHT)
        ),
        K::ScoreOutOfRange(v) => format!("分数 {} 超出 0–100", crate::problem::number(*v)),
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
        K::FirstStageNotZero(v) => format!(
            "第一个阶段必须从 0 开始，而不是 {}",
            crate::problem::number(*v)
        ),
        K::NoLanguages => "至少要声明一种语言".to_owned(),
        K::ProfileReferencesItems(id) => {
            format!("画像问题只能依赖其他画像问题，不能依赖“{id}”")
        }
        K::BadPartId(id) => format!(
            "“{}”不能作为页面名称：请用 1 至 32 个小写字母、数字、“-”“_”，以字母开头，且不与维度标识或 profile、review、report、about 相同",
            id.escape_debug()
        ),
        K::PartOutOfOrder => {
            "须从前一分页之后的问题开始（第一个分页从第一个画像问题开始）：分页不能改变画像问题的顺序".to_owned()
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
        K::TooLarge { max_bytes } => format!(
            "文件超过 {} KB，这是本工具读取此类文件的上限：请检查是否选错了文件",
            max_bytes / 1024
        ),
        K::TooMany { max } => {
            format!("条目超过 {max} 个，这是本工具读取的上限：请检查是否选错了文件")
        }
        K::Unavailable(Some(status)) => format!("无法读取：服务器返回 {status}"),
        K::Unavailable(None) => {
            "无法读取：处于离线状态，或其服务器未发送允许本应用读取的 Access-Control-Allow-Origin 响应头".to_owned()
        }
        K::NotShared(origin) => format!(
            "服务器有响应，但不允许本应用读取：请在响应中加上“Access-Control-Allow-Origin: {}”",
            origin.escape_debug()
        ),
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
        K::NotAHandoffUrl(v) => format!(
            "“{}”不是手机能打开的地址：请填写本工具的公开 https 地址（不含 #，最多 {} 个字符）",
            v.escape_debug(),
            crate::bounds::MAX_LINK_BASE
        ),
        K::UnknownEntry { list, id } => format!("引用了问卷 {list} 列表中没有的“{id}”"),
        K::MissingEntry { list } => {
            format!("缺少此项：问卷声明了 {list}，每条建议都须从中选一项")
        }
        K::OtherQuestionnaire { expected, found } => format!(
            "该目录适用于问卷“{}”，而不是“{}”",
            found.escape_debug(),
            expected.escape_debug()
        ),
        K::CheckWithMissing => {
            "标为 M（未确认），但没有 check_with：未确认的内容只能显示为“请向……核实”，须写明向谁核实"
                .to_owned()
        }
        K::UntilNotAfterFrom => "结束日期（until）必须晚于开始日期（from）".to_owned(),
        K::CodesOnSingleChoice => {
            "只有可多选的题目才能填写海关编码：请设置 \"multiple\": true".to_owned()
        }
        K::TakesNoCodes(id) => format!("题目“{id}”不接受海关编码（须设置 \"hs_codes\": true）"),
        K::NotAProfileQuestion(id) => {
            format!("引用了计分题目“{id}”：义务只能取决于画像问题")
        }
        K::SetInConfigFile => "请在配置文件中设置；有配置文件时，网页只能设置语言和主题".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use crate::{LangTag, Place, Problem, ProblemKind};

    #[test]
    fn a_problem_reads_in_each_language_with_its_place_and_field() {
        let problem = |place, field: &str, kind| Problem {
            place,
            field: field.to_owned(),
            kind,
        };
        for (problem, en, zh) in [
            (
                problem(
                    Place::Config,
                    "weights.items.T9",
                    ProblemKind::NotAsked("T9".into()),
                ),
                "config, field weights.items.T9: \"T9\" is not asked",
                "配置，字段 weights.items.T9：“T9”不在所问之列",
            ),
            (
                problem(Place::Stage(0), "", ProblemKind::FirstStageNotZero(5.0)),
                "stage #1: the first stage must start at 0, not 5",
                "第 1 个阶段：第一个阶段必须从 0 开始，而不是 5",
            ),
            (
                problem(Place::Questionnaire, "", ProblemKind::NoLanguages),
                "questionnaire: at least one language must be declared",
                "问卷：至少要声明一种语言",
            ),
        ] {
            assert_eq!(problem.message(&LangTag::from("en")), en);
            assert_eq!(problem.message(&LangTag::from("zh-CN")), zh);
            // Any other language reads the English, which is also its `Display`.
            assert_eq!(problem.message(&LangTag::from("fr")), en);
            assert_eq!(problem.to_string(), en);
        }
    }
}
