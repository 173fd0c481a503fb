//! The interface's own words, in each language the app speaks ([`Lang`], the core's).
//!
//! Questionnaire text (questions, options, recommendations) never lives here: it comes from the
//! questionnaire data. These are the words around it — buttons, headings, notices, and the
//! sentences about a questionnaire's structure, worded here from the facts the core gives
//! ([`Outline`](assessment::Outline): how many dimensions, which are capped).
//!
//! One table per screen (`start.rs`, `walk.rs`, `report.rs`, …), each declared with the core's
//! [`assessment::words!`], as the core's and the CLI's words are: every entry gives its Chinese
//! and its English side by side, so a new sentence is written once per language in one place, and
//! a language missing from an entry does not compile. A sentence with a number or a name in it is
//! a function in each language, so each orders and inflects its own words; `en.rs` and `zh_cn.rs`
//! hold the grammar those functions share.

mod common;
mod device;
mod en;
mod files;
mod handoff;
mod obligations;
mod report;
mod start;
mod walk;
mod zh_cn;

pub use assessment::Lang;
use assessment::Problem;

pub use common::Common;
pub use device::Device;
pub use files::Files;
pub use handoff::Handoff;
pub use obligations::Obligations;
pub use report::Report;
pub use start::Start;
pub use walk::Walk;

assessment::words! {
    /// The interface's words in one language, screen by screen.
    #[derive(Clone, Copy)]
    pub struct Strings {
        common: &'static Common = Common::of(Lang::ZhCn), Common::of(Lang::En);
        start: &'static Start = Start::of(Lang::ZhCn), Start::of(Lang::En);
        walk: &'static Walk = Walk::of(Lang::ZhCn), Walk::of(Lang::En);
        report: &'static Report = Report::of(Lang::ZhCn), Report::of(Lang::En);
        files: &'static Files = Files::of(Lang::ZhCn), Files::of(Lang::En);
        handoff: &'static Handoff = Handoff::of(Lang::ZhCn), Handoff::of(Lang::En);
        obligations: &'static Obligations =
            Obligations::of(Lang::ZhCn),
            Obligations::of(Lang::En);
        device: &'static Device = Device::of(Lang::ZhCn), Device::of(Lang::En);
    }
}

/// A problem of a file named on its own (a kiosk's config): the file, then what is wrong (the
/// core's words).
pub fn problem_in(lang: Lang, file: &str, problem: &Problem) -> String {
    let place = match problem.field.as_str() {
        "" => file.to_owned(),
        field => format!("{file} {field}"),
    };
    format!(
        "{place}{}{}",
        Strings::of(lang).common.colon,
        problem.kind.message(&lang.lang_tag())
    )
}

#[cfg(test)]
mod tests {
    use super::{Lang, Strings};

    #[test]
    fn answer_problems_are_told_in_each_language() {
        use assessment::{AnswerProblem, OptionId, QuestionId};
        let p = AnswerProblem::UnknownOption(QuestionId::from("T1"), OptionId::from("x"));
        assert_eq!(p.message(&Lang::ZhCn.lang_tag()), "题目“T1”没有选项“x”");
        assert_eq!(
            p.message(&Lang::En.lang_tag()),
            "question \"T1\" has no option \"x\""
        );
    }

    /// The sentences about a questionnaire's structure, for the shipped one (three dimensions,
    /// institutions capped at 40) and an association's (one dimension, no cap, no critical rule).
    #[test]
    fn sentences_about_the_structure_follow_the_questionnaire() {
        use assessment::{Cap, Outline};
        let shipped = Outline {
            dimensions: vec!["Technology: x", "Industry: y", "Institutions: z"],
            caps: vec![Cap {
                dimension: "Institutions",
                cap: 40.0,
            }],
            critical_rules: true,
            benchmarks: true,
        };
        let association = Outline {
            dimensions: vec!["Digital"],
            caps: vec![],
            critical_rules: false,
            benchmarks: false,
        };
        for (lang, outline, sentences) in [
            (Lang::En, &shipped, [
                "At the end you get your overall score and stage, the three dimensions and your bottleneck, critical compliance gaps, your data-export path, and an action plan ranked by priority.",
                "These gaps are not averaged away: they come first and cap the Institutions score at 40.0.",
                "The three dimensions",
                "What is shared: your overall score, stage, dimension scores, critical compliance gaps, data-export path and top recommendations, with your region, sector and size where the questionnaire asks them, and never your name or any text of your own. Nothing is sent to A until you press the button below.",
            ]),
            (Lang::ZhCn, &shipped, [
                "完成后您将得到：总分和所处阶段、三个维度的得分与短板、关键合规缺口、数据出境路径，以及按优先级排列的行动计划。",
                "这些缺口不会被平均掉：它们列在最前面，并使“Institutions”维度的得分不超过 40.0。",
                "三个维度",
                "分享的内容：您的总分、阶段、各维度得分、关键合规缺口、数据出境路径和首要建议，以及问卷所问的地区、行业和规模，不含您的名称或您写的任何文字。只有在您点击下方按钮后，才会发送给A。",
            ]),
            (Lang::En, &association, [
                "At the end you get your score on Digital and your stage, your data-export path, and an action plan ranked by priority.",
                "These gaps are not averaged away: they come first.",
                "The dimension: Digital",
                "What is shared: your score, stage, data-export path and top recommendations, with your region, sector and size where the questionnaire asks them, and never your name or any text of your own. Nothing is sent to A until you press the button below.",
            ]),
            (Lang::ZhCn, &association, [
                "完成后您将得到：“Digital”得分和所处阶段、数据出境路径，以及按优先级排列的行动计划。",
                "这些缺口不会被平均掉：它们列在最前面。",
                "评估维度：Digital",
                "分享的内容：您的得分、阶段、数据出境路径和首要建议，以及问卷所问的地区、行业和规模，不含您的名称或您写的任何文字。只有在您点击下方按钮后，才会发送给A。",
            ]),
        ] {
            let s = Strings::of(lang);
            let said = [
                s.start.what_you_get(outline),
                s.report.critical_intro(&outline.caps),
                s.report.dimensions_title(outline),
                s.files.share_what("A", outline),
            ];
            assert_eq!(said, sentences, "{lang:?}");
        }
        assert_eq!(
            Strings::of(Lang::En).report.chart_title(&shipped),
            "Radar chart of the three dimension scores"
        );
        assert_eq!(
            Strings::of(Lang::ZhCn).report.chart_title(&shipped),
            "三个维度得分雷达图"
        );
        assert_eq!(
            Strings::of(Lang::En).report.items_title(false),
            "Your answers"
        );
        assert_eq!(
            Strings::of(Lang::ZhCn).report.items_title(true),
            "您的回答与论文基准"
        );
    }
}
