//! Embedding on an association's site: the configuration (from a JSON file the association hosts
//! and/or the embed snippet's attributes), its checks, and the messages sent to the host page.
//!
//! Plain data, tested natively. The browser side — fetching, posting, resizing — is in `host.rs`.

use assessment::{
    AssociationConfig, DimensionId, LangTag, Name, Place, Problem, ProblemKind, Questionnaire,
    QuestionnaireRef, ResultRecord, SectionId,
};
use serde::Serialize;

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
    /// The member's result record (`docs/cohort.md`), the answers in it only if they consented.
    Result(Box<ResultRecord>),
}

/// A message as posted: a plain object with `type` and `source`. One serialisable type, written
/// by the serialiser that writes the record to a file (`ResultRecord::to_json`), so the app
/// carries one serialisation of the record and none of `serde_json::Value`.
#[derive(Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
enum Posted<'a> {
    Started {
        source: &'static str,
        questionnaire: QuestionnaireRef,
    },
    SectionCompleted {
        source: &'static str,
        section: &'a str,
        answered: usize,
        total: usize,
    },
    Finished {
        source: &'static str,
        complete: bool,
    },
    Result {
        source: &'static str,
        record: &'a ResultRecord,
    },
    Top {
        source: &'static str,
    },
    Resize {
        source: &'static str,
        height: u32,
    },
}

impl Posted<'_> {
    fn to_json(&self) -> String {
        assessment::to_json(self)
    }
}

impl HostMessage {
    /// The message as posted, as JSON text.
    pub fn to_json(&self, q: &Questionnaire) -> String {
        let source = MESSAGE_SOURCE;
        match self {
            HostMessage::Started => Posted::Started {
                source,
                questionnaire: q.reference(),
            },
            HostMessage::SectionCompleted {
                section,
                answered,
                total,
            } => Posted::SectionCompleted {
                source,
                section: section.key(),
                answered: *answered,
                total: *total,
            },
            HostMessage::Finished { complete } => Posted::Finished {
                source,
                complete: *complete,
            },
            HostMessage::Result(record) => Posted::Result { source, record },
        }
        .to_json()
    }
}

/// Asks the host page to bring the frame's top into view: a new screen starts at its top, which
/// the frame cannot scroll to itself (the host page scrolls, not the frame).
pub fn top_message() -> String {
    Posted::Top {
        source: MESSAGE_SOURCE,
    }
    .to_json()
}

/// The frame's content height, so that the host sizes the frame to it (no scroll bars inside).
pub fn resize_message(height: u32) -> String {
    Posted::Resize {
        source: MESSAGE_SOURCE,
        height,
    }
    .to_json()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

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
    fn only_the_result_carries_scores_and_it_is_the_members_record() {
        let q = Questionnaire::from_json(assessment::BUILTIN_QUESTIONNAIRE).unwrap();
        let version = q.doc().version.clone();
        // The shapes docs/embedding.md documents, to the field: hosts read them.
        let source = MESSAGE_SOURCE;
        for (m, expected) in [
            (
                HostMessage::Started.to_json(&q),
                json!({"type": "started", "source": source,
                       "questionnaire": {"id": "digital-trade", "version": version}}),
            ),
            (
                HostMessage::Finished { complete: false }.to_json(&q),
                json!({"type": "finished", "source": source, "complete": false}),
            ),
            (
                HostMessage::SectionCompleted {
                    section: SectionId::Profile,
                    answered: 3,
                    total: 38,
                }
                .to_json(&q),
                json!({"type": "section-completed", "source": source, "section": "profile",
                       "answered": 3, "total": 38}),
            ),
            (top_message(), json!({"type": "top", "source": source})),
            (
                resize_message(640),
                json!({"type": "resize", "source": source, "height": 640}),
            ),
        ] {
            assert_eq!(serde_json::from_str::<Value>(&m).unwrap(), expected);
        }
        let sheet = assessment::AnswerSheet::from_json(
            include_str!("../tests/fixtures/west-steel-eu.json"),
            &q,
        )
        .unwrap();
        let report = assessment::score(&q, &sheet);
        let day = "2026-11-25".parse::<assessment::Date>().ok();
        for consented in [false, true] {
            let record = ResultRecord::new(&q, &sheet, &report, day, consented);
            let v: Value =
                serde_json::from_str(&HostMessage::Result(Box::new(record.clone())).to_json(&q))
                    .unwrap();
            assert_eq!(
                (&v["source"], &v["type"]),
                (&json!(MESSAGE_SOURCE), &json!("result"))
            );
            assert_eq!(
                v.as_object().unwrap().len(),
                3,
                "nothing beside the record: {v}"
            );
            assert_eq!(v["record"].get("answers").is_some(), consented);
            // What the host receives is the record as the cohort tools read it, to the last field.
            assert_eq!(assessment::import(&v["record"].to_string(), &q), Ok(record));
        }
    }
}
