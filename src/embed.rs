//! Embedding on an association's site: the configuration (from a JSON file the association hosts
//! and/or the embed snippet's attributes), its checks, and the messages sent to the host page.
//!
//! Plain data, tested natively. The browser side — fetching, posting, resizing — is in `host.rs`.

use std::collections::BTreeMap;

use assessment::{
    Customisation, DimensionId, ExportDecision, LangTag, Questionnaire, Report, Text,
};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::i18n::Lang;

/// The query parameter that switches embedding on (the loader, `embed.js`, sets it).
pub const EMBED_PARAM: &str = "embed";
/// Every message's `source`, so a host page can tell ours from others.
pub const MESSAGE_SOURCE: &str = "exporter-assessment";

/// An association's name: one text, or one per language.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum Name {
    One(String),
    PerLanguage(Text),
}

impl Name {
    pub fn get(&self, lang: Lang) -> &str {
        match self {
            Name::One(s) => s,
            Name::PerLanguage(t) => t.get(&LangTag::from(lang.tag())),
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Theme {
    pub brand: Option<String>,
    pub brand_contrast: Option<String>,
    pub accent: Option<String>,
    pub text: Option<String>,
    pub background: Option<String>,
    pub font: Option<String>,
    /// The association's logo: an https URL (or a path on the app's own site).
    pub logo: Option<String>,
}

impl Theme {
    /// The design system's custom properties this theme sets, with their values.
    pub fn properties(&self) -> Vec<(&'static str, &str)> {
        [
            ("--color-brand", &self.brand),
            ("--color-chart-1", &self.brand),
            ("--color-brand-contrast", &self.brand_contrast),
            ("--color-accent", &self.accent),
            ("--color-text", &self.text),
            ("--color-bg", &self.background),
            ("--font-body", &self.font),
        ]
        .into_iter()
        .filter_map(|(property, value)| value.as_deref().map(|v| (property, v)))
        .collect()
    }
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct EmbedConfig {
    /// Who offers the assessment; named on the share button.
    pub name: Option<Name>,
    /// The origin of the association's page, the only one that receives events and results.
    pub origin: Option<String>,
    pub language: Option<String>,
    pub theme: Theme,
    /// The dimensions to ask, by id (all if absent).
    pub sections: Option<Vec<DimensionId>>,
    /// New weights by item or dimension id.
    pub weights: BTreeMap<String, f64>,
    /// Another questionnaire, by URL.
    pub questionnaire: Option<String>,
    /// Whether the member may choose to include their answers when sharing.
    pub share_answers: bool,
}

/// A problem with an embed configuration, naming its field.
pub type ConfigProblem = String;

impl EmbedConfig {
    /// The settings: from the association's config file when there is one, else from the
    /// snippet's attributes (as URL parameters).
    ///
    /// With a config file, the page that frames the app may set only how it looks (`lang` and the
    /// theme). Who the assessment is offered by and sent to, and what it asks (`name`, `origin`,
    /// `questionnaire`, `sections`, `share-answers`), come from the file alone, which must name
    /// its origin: otherwise a page anywhere could frame the association's file under its own
    /// origin, or another questionnaire under the association's name, and receive the results.
    /// The loader always passes the framing page's origin, so a URL `origin` is ignored there, and
    /// any other such parameter is reported.
    pub fn resolve(file: Option<&str>, query: &str) -> Result<Self, Vec<ConfigProblem>> {
        let mut config = match file.map(serde_json::from_str::<EmbedConfig>) {
            None => Self::default(),
            Some(Ok(config)) => config,
            Some(Err(e)) => return Err(vec![format!("config file: {e}")]),
        };
        let from_file = file.is_some();
        let mut problems = Vec::new();
        if from_file && config.origin.is_none() {
            problems.push(
                "config file field origin: missing; name the origin of the page that embeds the \
                 assessment, such as https://www.association.example"
                    .to_owned(),
            );
        }
        for (key, value) in crate::query::params(query) {
            let value = Some(value);
            match key.as_str() {
                "lang" => config.language = value,
                "brand" => config.theme.brand = value,
                "brand-contrast" => config.theme.brand_contrast = value,
                "accent" => config.theme.accent = value,
                "text" => config.theme.text = value,
                "background" => config.theme.background = value,
                "font" => config.theme.font = value,
                "logo" => config.theme.logo = value,
                "origin" if from_file => {}
                "name" | "questionnaire" | "sections" | "share-answers" if from_file => problems
                    .push(format!(
                        "attribute data-{key}: set it in the config file; with a config file, \
                         the page may set only the language and the theme"
                    )),
                "name" => config.name = value.map(Name::One),
                "origin" => config.origin = value,
                "questionnaire" => config.questionnaire = value,
                "sections" => {
                    config.sections = value.map(|v| {
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
        problems.extend(config.problems());
        if problems.is_empty() {
            Ok(config)
        } else {
            Err(problems)
        }
    }

    /// Every problem, each naming its field.
    pub fn problems(&self) -> Vec<ConfigProblem> {
        let mut problems = Vec::new();
        if let Some(origin) = &self.origin {
            if !is_origin(origin) {
                problems.push(format!(
                    "field origin: \"{origin}\" is not an origin such as https://association.example"
                ));
            }
        }
        if let Some(lang) = &self.language {
            if Lang::from_tag(lang).is_none() {
                problems.push(format!("field language: \"{lang}\" is not zh-CN or en"));
            }
        }
        let names: Vec<&str> = match &self.name {
            Some(Name::One(n)) => vec![n.as_str()],
            Some(Name::PerLanguage(t)) => t.0.values().map(String::as_str).collect(),
            None => vec![],
        };
        for n in names {
            if n.trim().is_empty() || n.chars().count() > 120 {
                problems.push("field name: must be 1 to 120 characters".into());
            } else if n
                .chars()
                .any(|c| c.is_control() || assessment::is_bidi_control(c))
            {
                // It is shown on the share button: it must read as it is.
                problems
                    .push("field name: must not hold control or bidi formatting characters".into());
            }
        }
        let t = &self.theme;
        for (field, value) in [
            ("brand", &t.brand),
            ("brand_contrast", &t.brand_contrast),
            ("accent", &t.accent),
            ("text", &t.text),
            ("background", &t.background),
        ] {
            if let Some(v) = value.as_deref().filter(|v| !is_colour(v)) {
                problems.push(format!(
                    "field theme.{field}: \"{v}\" is not a colour such as #0b4f6c or rgb(11 79 108)"
                ));
            }
        }
        if let Some(font) = t.font.as_deref().filter(|f| !is_font_list(f)) {
            problems.push(format!(
                "field theme.font: \"{font}\" is not a list of font names such as \"Noto Sans SC\", sans-serif"
            ));
        }
        if let Some(logo) = t.logo.as_deref().filter(|l| !is_resource_url(l)) {
            problems.push(format!(
                "field theme.logo: \"{logo}\" is not an https URL or a path"
            ));
        }
        if let Some(url) = self
            .questionnaire
            .as_deref()
            .filter(|l| !is_resource_url(l))
        {
            problems.push(format!(
                "field questionnaire: \"{url}\" is not an https URL or a path"
            ));
        }
        problems
    }

    pub fn customisation(&self) -> Customisation {
        Customisation {
            sections: self.sections.clone(),
            weights: self.weights.clone(),
        }
    }

    pub fn lang(&self) -> Option<Lang> {
        self.language.as_deref().and_then(Lang::from_tag)
    }

    /// Sharing needs someone to share with: a name for the button and an origin to address.
    pub fn can_share(&self) -> bool {
        self.name.is_some() && self.origin.is_some()
    }
}

/// `scheme://host[:port]` and nothing more.
fn is_origin(s: &str) -> bool {
    let Some(rest) = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"))
    else {
        return false;
    };
    !rest.is_empty()
        && rest
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'))
}

/// A hex colour, or an rgb()/hsl() function of numbers: nothing that could end the declaration.
fn is_colour(s: &str) -> bool {
    if let Some(hex) = s.strip_prefix('#') {
        return matches!(hex.len(), 3 | 4 | 6 | 8) && hex.chars().all(|c| c.is_ascii_hexdigit());
    }
    let inner = ["rgb(", "rgba(", "hsl(", "hsla("]
        .iter()
        .find_map(|f| s.strip_prefix(f))
        .and_then(|r| r.strip_suffix(')'));
    inner.is_some_and(|i| {
        i.chars().all(|c| {
            c.is_ascii_digit() || matches!(c, ' ' | ',' | '.' | '%' | '/' | 'd' | 'e' | 'g')
        })
    })
}

fn is_font_list(s: &str) -> bool {
    !s.trim().is_empty()
        && s.len() <= 200
        && s.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | ',' | '-' | '"' | '\''))
}

/// An https URL, or a path on the app's own site. Plain http only to this machine (for trying a
/// configuration locally). Never `javascript:`, `data:` or the like, never a scheme-relative
/// `//host/…` (which leaves the site), never credentials (`https://user@host/`, which can make a
/// URL read as another host).
fn is_resource_url(s: &str) -> bool {
    let unsafe_char = |c: char| {
        c.is_whitespace() || c.is_control() || matches!(c, '"' | '\'' | '<' | '>' | '\\' | '`')
    };
    if s.is_empty() || s.chars().any(unsafe_char) {
        return false;
    }
    let lower = s.to_ascii_lowercase();
    let authority = |rest: &str| rest.split(['/', '?', '#']).next().unwrap_or("").to_owned();
    if let Some(rest) = lower.strip_prefix("https://") {
        let host = authority(rest);
        return !host.is_empty() && !host.contains('@');
    }
    if let Some(rest) = lower.strip_prefix("http://") {
        let host = authority(rest);
        let name = host
            .rsplit_once(':')
            .map_or(host.as_str(), |(name, _)| name);
        return name == "127.0.0.1" || name == "localhost";
    }
    // A path on this site: no scheme before the first slash, and not `//host`.
    !s.starts_with("//") && !authority(&lower).contains(':')
}

/// What the app tells the host page. Only `Result` carries scores, and only after the member
/// pressed share.
#[derive(Clone, Debug, PartialEq)]
pub enum HostMessage {
    Started,
    SectionCompleted {
        section: String,
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
                "section": section, "answered": answered, "total": total,
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
pub fn resize_message(height: u32) -> Value {
    json!({"source": MESSAGE_SOURCE, "type": "resize", "height": height})
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_a_file_the_attributes_set_everything() {
        let c = EmbedConfig::resolve(
            None,
            "?embed&name=Assoc&origin=https%3A%2F%2Fassoc.example&brand=%23abcdef&lang=en\
             &sections=technology,industry&share-answers=1",
        )
        .unwrap();
        assert_eq!(c.theme.brand.as_deref(), Some("#abcdef"));
        assert_eq!(c.lang(), Some(Lang::En));
        assert_eq!(c.name.as_ref().unwrap().get(Lang::ZhCn), "Assoc");
        assert_eq!(
            c.sections,
            Some(vec![
                DimensionId::from("technology"),
                DimensionId::from("industry")
            ])
        );
        assert!(c.share_answers && c.can_share());
    }

    #[test]
    fn with_a_file_the_page_sets_only_the_language_and_the_theme() {
        let file = r##"{"name": {"zh-CN": "协会", "en": "The Association"}, "origin": "https://assoc.example",
            "theme": {"brand": "#123456"}, "weights": {"T1": 2}}"##;
        // The loader always adds the framing page's origin: ignored, the file's is kept.
        let c = EmbedConfig::resolve(
            Some(file),
            "?embed&origin=https%3A%2F%2Fother.example&brand=%23abcdef&lang=en",
        )
        .unwrap();
        assert_eq!(c.origin.as_deref(), Some("https://assoc.example"));
        assert_eq!(c.theme.brand.as_deref(), Some("#abcdef"));
        assert_eq!(c.lang(), Some(Lang::En));
        assert_eq!(c.name.as_ref().unwrap().get(Lang::En), "The Association");
        assert_eq!(c.weights.get("T1"), Some(&2.0));
        // What the file decides cannot come from the page, and saying so beats ignoring it.
        for (param, field) in [
            ("name=Hostile", "data-name"),
            (
                "questionnaire=https%3A%2F%2Fevil.example%2Fq.json",
                "data-questionnaire",
            ),
            ("sections=technology", "data-sections"),
            ("share-answers=1", "data-share-answers"),
        ] {
            let problems =
                EmbedConfig::resolve(Some(file), &format!("?embed&{param}")).unwrap_err();
            assert_eq!(problems.len(), 1, "{problems:?}");
            assert!(
                problems[0].starts_with(&format!("attribute {field}: set it in the config file"))
            );
        }
    }

    #[test]
    fn a_name_must_read_as_it_is() {
        for name in [r#""Assoc \u202e""#, r#"{"zh-CN": "协会", "en": "A\u0007"}"#] {
            let file = format!(r#"{{"name": {name}, "origin": "https://a.example"}}"#);
            let problems = EmbedConfig::resolve(Some(&file), "").unwrap_err();
            assert_eq!(
                problems,
                ["field name: must not hold control or bidi formatting characters"]
            );
        }
    }

    #[test]
    fn a_config_file_must_name_its_origin() {
        // Else a hostile page passes its own origin and receives the association's results.
        let file = r#"{"name": "The Association"}"#;
        let problems =
            EmbedConfig::resolve(Some(file), "?embed&origin=https%3A%2F%2Fhostile.example")
                .unwrap_err();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].starts_with("config file field origin: missing"));
    }

    #[test]
    fn every_problem_names_its_field() {
        let file = r#"{"origin": "https://a.example/page", "language": "fr",
            "theme": {"brand": "red; background: url(x)", "font": "x}{", "logo": "javascript:alert(1)"},
            "questionnaire": "data:text/json,{}"}"#;
        let problems = EmbedConfig::resolve(Some(file), "").unwrap_err();
        let fields: Vec<&str> = problems
            .iter()
            .map(|p| p.split(':').next().unwrap())
            .collect();
        assert_eq!(
            fields,
            [
                "field origin",
                "field language",
                "field theme.brand",
                "field theme.font",
                "field theme.logo",
                "field questionnaire"
            ]
        );
    }

    #[test]
    fn a_file_that_is_not_a_config_is_reported() {
        let problems = EmbedConfig::resolve(Some(r#"{"colour": "red"}"#), "").unwrap_err();
        assert!(
            problems[0].starts_with("config file: unknown field `colour`"),
            "{problems:?}"
        );
    }

    #[test]
    fn colours_and_urls_are_checked_strictly() {
        for ok in [
            "#fff",
            "#0b4f6c",
            "#0b4f6cff",
            "rgb(11 79 108)",
            "rgba(11, 79, 108, 0.5)",
            "hsl(200deg 80% 20%)",
        ] {
            assert!(is_colour(ok), "{ok}");
        }
        for bad in ["red", "#ggg", "rgb(1,2,3);x", "url(x)", "#12345"] {
            assert!(!is_colour(bad), "{bad}");
        }
        for ok in [
            "https://a.example/logo.png",
            "logo.png",
            "/assets/q.json",
            "http://127.0.0.1:8081/q.json",
        ] {
            assert!(is_resource_url(ok), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "data:image/png;base64,AA",
            "http://a.example/x",
            "a b.png",
            "\"x",
            "//evil.example/q.json",
            "https://assoc.example@evil.example/q.json",
            "http://user@127.0.0.1/q.json",
            "JavaScript:alert(1)",
            "vbscript:x",
            "https:///x",
        ] {
            assert!(!is_resource_url(bad), "{bad}");
        }
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
                section: "profile".into(),
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
