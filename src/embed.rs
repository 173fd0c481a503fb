//! Embedding on an association's site: the configuration (from a JSON file the association hosts
//! and/or the embed snippet's attributes), its checks, and the messages sent to the host page.
//!
//! Plain data, tested natively. The browser side — fetching, posting, resizing — is in `host.rs`.

use assessment::{
    AssociationConfig, DimensionId, ExportDecision, LangTag, Name, Place, Problem, ProblemKind,
    Questionnaire, Report, SectionId,
};
use serde_json::{json, Value};

use crate::i18n::Lang;
use crate::query::Query;

/// Every message's `source`, so a host page can tell ours from others.
pub const MESSAGE_SOURCE: &str = "exporter-assessment";

/// An association's configuration: the core's, checked there (the CLI's `validate --config` checks
/// the same), with the snippet's attributes over it.
pub type EmbedConfig = AssociationConfig;

/// The settings: from the association's config file when there is one (`file`, already parsed by
/// the core), else from the snippet's attributes.
///
/// With a config file, the page that frames the app may set only how it looks (`lang` and the
/// theme). Who the assessment is offered by and sent to, and what it asks (`name`, `origin`,
/// `questionnaire`, `obligations`, `sections`, `share-answers`), come from the file alone, which must name its
/// origin (the core checks that): otherwise a page anywhere could frame the association's file
/// under its own origin, or another questionnaire under the association's name, and receive the
/// results. The loader always passes the framing page's origin, so a URL `origin` is ignored
/// there, and any other such attribute is reported.
pub fn resolve(
    file: Option<AssociationConfig>,
    query: &Query,
) -> Result<EmbedConfig, Vec<Problem>> {
    let from_file = file.is_some();
    let mut config = file.unwrap_or_default();
    let mut problems = Vec::new();
    if let Some(lang) = &query.lang {
        config.language = Some(lang.clone());
    }
    for (key, value) in &query.attributes {
        let value = Some(value.clone());
        let theme = &mut config.theme;
        match key.as_str() {
            "brand" => theme.brand = value,
            "brand-contrast" => theme.brand_contrast = value,
            "accent" => theme.accent = value,
            "text" => theme.text = value,
            "background" => theme.background = value,
            "font" => theme.font = value,
            "logo" => theme.logo = value,
            "origin" if from_file => {}
            "name" | "questionnaire" | "obligations" | "sections" | "share-answers"
                if from_file =>
            {
                problems.push(Problem {
                    place: Place::Attribute,
                    field: format!("data-{key}"),
                    kind: ProblemKind::SetInConfigFile,
                })
            }
            "name" => config.name = value.map(Name::One),
            "origin" => config.origin = value,
            "questionnaire" => config.questionnaire = value,
            "obligations" => config.obligations = value,
            "sections" => {
                config.customisation.sections = value.map(|v| {
                    v.split(',')
                        .filter(|s| !s.is_empty())
                        .map(DimensionId::from)
                        .collect()
                })
            }
            "share-answers" => {
                config.share_answers = value.is_some_and(|v| v != "0" && v != "false")
            }
            _ => {}
        }
    }
    let languages: Vec<LangTag> = Lang::ALL.iter().map(|l| l.lang_tag()).collect();
    problems.extend(config.problems(&languages));
    if problems.is_empty() {
        Ok(config)
    } else {
        Err(problems)
    }
}

/// The language an association's config starts members in, if it names one the app speaks.
pub fn lang(config: &EmbedConfig) -> Option<Lang> {
    config.language.as_deref().and_then(Lang::from_tag)
}

/// The association's name in `lang`.
pub fn name(config: &EmbedConfig, lang: Lang) -> Option<&str> {
    config.name.as_ref().map(|n| n.get(&lang.lang_tag()))
}

/// What the app tells the host page. Only `Result` carries scores, and only after the member
/// pressed share.
#[derive(Clone, Debug, PartialEq)]
pub enum HostMessage {
    Started,
    SectionCompleted {
        section: SectionId,
        answered: usize,
        total: usize,
    },
    Finished {
        complete: bool,
    },
    Result {
        include_answers: bool,
    },
}

impl HostMessage {
    /// The message as posted: a plain object with `source` and `type`.
    pub fn to_json(&self, q: &Questionnaire, report: &Report, answers: &Value) -> Value {
        let questionnaire = json!({"id": q.doc().id, "version": q.doc().version});
        match self {
            HostMessage::Started => {
                json!({"source": MESSAGE_SOURCE, "type": "started", "questionnaire": questionnaire})
            }
            HostMessage::SectionCompleted {
                section,
                answered,
                total,
            } => json!({
                "source": MESSAGE_SOURCE, "type": "section-completed",
                "section": section.key(), "answered": answered, "total": total,
            }),
            HostMessage::Finished { complete } => {
                json!({"source": MESSAGE_SOURCE, "type": "finished", "complete": complete})
            }
            HostMessage::Result { include_answers } => {
                let export_path = match &report.export_path {
                    ExportDecision::Decided { outcome, .. } => Some(outcome.to_string()),
                    _ => None,
                };
                let mut result = json!({
                    "source": MESSAGE_SOURCE, "type": "result",
                    "questionnaire": questionnaire,
                    "complete": report.complete,
                    "overall": report.overall,
                    "stage": report.stage,
                    "bottleneck": report.bottleneck,
                    "dimensions": report.dimensions.iter()
                        .map(|d| json!({"id": d.id, "score": d.score, "capped": d.capped}))
                        .collect::<Vec<_>>(),
                    "critical_gaps": report.critical_gaps.iter().map(|g| &g.item).collect::<Vec<_>>(),
                    "export_path": export_path,
                });
                if *include_answers {
                    result["answers"] = answers.clone();
                }
                result
            }
        }
    }
}

/// The frame's content height, so that the host sizes the frame to it (no scroll bars inside).
/// Asks the host page to bring the frame's top into view: a new screen starts at its top, which
/// the frame cannot scroll to itself (the host page scrolls, not the frame).
pub fn top_message() -> Value {
    json!({"source": MESSAGE_SOURCE, "type": "top"})
}

pub fn resize_message(height: u32) -> Value {
    json!({"source": MESSAGE_SOURCE, "type": "resize", "height": height})
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> Option<AssociationConfig> {
        Some(AssociationConfig::from_file(text).unwrap())
    }

    #[test]
    fn without_a_file_the_attributes_set_everything() {
        let c = resolve(
            None,
            &Query::parse(
                "?embed&name=Assoc&origin=https%3A%2F%2Fassoc.example&brand=%23abcdef&lang=en\
                 &sections=technology,industry&share-answers=1",
            ),
        )
        .unwrap();
        assert_eq!(c.theme.brand.as_deref(), Some("#abcdef"));
        assert_eq!(lang(&c), Some(Lang::En));
        assert_eq!(name(&c, Lang::ZhCn), Some("Assoc"));
        assert_eq!(
            c.customisation.sections,
            Some(vec![
                DimensionId::from("technology"),
                DimensionId::from("industry")
            ])
        );
        assert!(c.share_answers && c.can_share());
    }

    #[test]
    fn with_a_file_the_page_sets_only_the_language_and_the_theme() {
        let text = r##"{"name": {"zh-CN": "协会", "en": "The Association"}, "origin": "https://assoc.example",
            "theme": {"brand": "#123456"}, "weights": {"items": {"T1": 2}}}"##;
        // The loader always adds the framing page's origin: ignored, the file's is kept.
        let c = resolve(
            file(text),
            &Query::parse("?embed&origin=https%3A%2F%2Fother.example&brand=%23abcdef&lang=en"),
        )
        .unwrap();
        assert_eq!(c.origin.as_deref(), Some("https://assoc.example"));
        assert_eq!(c.theme.brand.as_deref(), Some("#abcdef"));
        assert_eq!(lang(&c), Some(Lang::En));
        assert_eq!(name(&c, Lang::En), Some("The Association"));
        assert_eq!(c.customisation.weights.items.get("T1"), Some(&2.0));
        // What the file decides cannot come from the page, and saying so beats ignoring it.
        for (param, field) in [
            ("name=Hostile", "data-name"),
            (
                "questionnaire=https%3A%2F%2Fevil.example%2Fq.json",
                "data-questionnaire",
            ),
            (
                "obligations=https%3A%2F%2Fevil.example%2Fo.json",
                "data-obligations",
            ),
            ("sections=technology", "data-sections"),
            ("share-answers=1", "data-share-answers"),
        ] {
            let problems =
                resolve(file(text), &Query::parse(&format!("?embed&{param}"))).unwrap_err();
            assert_eq!(problems.len(), 1, "{problems:?}");
            assert_eq!(
                (
                    &problems[0].place,
                    problems[0].field.as_str(),
                    &problems[0].kind
                ),
                (&Place::Attribute, field, &ProblemKind::SetInConfigFile)
            );
        }
    }

    #[test]
    fn the_attributes_are_checked_as_a_file_is() {
        let problems = resolve(
            None,
            &Query::parse("?embed&origin=https%3A%2F%2Fa.example%2Fpage&lang=fr&brand=red"),
        )
        .unwrap_err();
        let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(fields, ["origin", "language", "theme.brand"]);
        // Without a file, the questionnaire and its catalogue may come from the snippet: URLs
        // checked as a file's are.
        let c = resolve(
            None,
            &Query::parse(
                "?embed&origin=https%3A%2F%2Fa.example&questionnaire=https%3A%2F%2Fa.example%2Fq.json\
                 &obligations=https%3A%2F%2Fa.example%2Fo.json",
            ),
        )
        .unwrap();
        assert_eq!(c.obligations.as_deref(), Some("https://a.example/o.json"));
        let problems = resolve(
            None,
            &Query::parse("?embed&origin=https%3A%2F%2Fa.example&obligations=javascript%3Ax"),
        )
        .unwrap_err();
        assert_eq!(problems[0].field, "obligations");
    }

    #[test]
    fn only_the_result_carries_scores_and_answers_only_when_asked() {
        let q = Questionnaire::from_json(assessment::BUILTIN_QUESTIONNAIRE).unwrap();
        let sheet = assessment::AnswerSheet::new(&q);
        let report = assessment::score(&q, &sheet);
        let answers = json!({"P.region": "west"});
        for m in [
            HostMessage::Started,
            HostMessage::Finished { complete: false },
            HostMessage::SectionCompleted {
                section: SectionId::Profile,
                answered: 3,
                total: 38,
            },
        ] {
            let v = m.to_json(&q, &report, &answers);
            assert_eq!(v["source"], MESSAGE_SOURCE);
            assert!(
                v.get("overall").is_none() && v.get("answers").is_none(),
                "{v}"
            );
        }
        let without = HostMessage::Result {
            include_answers: false,
        }
        .to_json(&q, &report, &answers);
        assert!(without.get("answers").is_none());
        assert_eq!(without["dimensions"].as_array().unwrap().len(), 3);
        let with = HostMessage::Result {
            include_answers: true,
        }
        .to_json(&q, &report, &answers);
        assert_eq!(with["answers"], answers);
    }
}
