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
    pub language: &'static str,
    pub begin: &'static str,
    pub resume: &'static str,
    pub start_over: &'static str,
    pub saved_found: &'static str,
    pub stays_on_device: &'static str,
    pub what_you_get: &'static str,
    pub loading: &'static str,
}

const ZH_CN: Strings = Strings {
    language: "语言",
    begin: "开始自评",
    resume: "继续上次的自评",
    start_over: "重新开始",
    saved_found: "本设备上保存有您上次未完成的回答。",
    stays_on_device: "您的回答只保存在本设备上，不会发送到任何地方，除非您自己导出。",
    what_you_get: "完成后您将得到：总分和所处阶段、三个维度的得分与短板、关键合规缺口、数据出境路径，以及按优先级排列的行动计划。",
    loading: "正在加载……",
};

const EN: Strings = Strings {
    language: "Language",
    begin: "Start the assessment",
    resume: "Continue where you left off",
    start_over: "Start over",
    saved_found: "This device holds answers from an assessment you have not finished.",
    stays_on_device: "Your answers stay on this device. Nothing is sent anywhere unless you export it yourself.",
    what_you_get: "At the end you get your overall score and stage, the three dimensions and your bottleneck, critical compliance gaps, your data-export path, and an action plan ranked by priority.",
    loading: "Loading…",
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
