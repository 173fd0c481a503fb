//! An association's configuration: who offers the assessment, the origin that receives results,
//! the theme, what is asked (a [`Customisation`]) and which questionnaire. Parsed and checked here,
//! without a browser, so that the web app and `assess validate --config` report the same problems,
//! each naming its field. Fetching the file and overlaying the embed snippet's attributes is the
//! web app's side.

use serde::Deserialize;

use crate::customise::{Customisation, Weights};
use crate::ids::DimensionId;
use crate::limits::Document;
use crate::problem::{Place, Problem, ProblemKind};
use crate::questionnaire::Questionnaire;
use crate::text::{LangTag, Text};
use crate::validate::is_bidi_control;

/// The longest association name: it is shown in the header and on the share button.
pub const MAX_NAME_CHARS: usize = 120;

/// JSON Schema patterns of the checks below, for the published schema of the config file
/// (`assess schema config`). Where a check reads Unicode classes (`is_alphanumeric`) or
/// another string's value, the pattern is looser, and `tests/schema-corpus/README.md` says where.
#[cfg(feature = "schema")]
mod patterns {
    /// [`super::is_origin`].
    pub const ORIGIN: &str = r"^[hH][tT][tT][pP][sS]?://[A-Za-z0-9.:\[\]-]+$";
    /// [`super::is_colour`].
    pub const COLOUR: &str =
        r"^(#([0-9A-Fa-f]{3,4}|[0-9A-Fa-f]{6}|[0-9A-Fa-f]{8})|(rgba?|hsla?)\([0-9 ,.%/deg]*\))$";
    /// [`super::is_font_list`], but letters and digits beyond ASCII are not told from other
    /// characters: any is let through.
    pub const FONT_LIST: &str =
        r#"^(?=[\s\S]*\S)[^\u0000-\u001F\u007F-\u009F!#$%&()*+./:;<=>?@\[\\\]^_`{|}~]*$"#;
    /// [`super::is_resource_url`]: no unsafe character; an https URL without credentials, an
    /// http URL of this machine, or a path on the app's own site.
    pub const RESOURCE_URL: &str = concat!(
        r#"^(?!$)(?![\s\S]*[\s\u0000-\u001F\u007F-\u009F"'<>\\`])(?!//)("#,
        r"[hH][tT][tT][pP][sS]://[^/?#@]+([/?#][\s\S]*)?",
        r"|[hH][tT][tT][pP]://(127\.0\.0\.1|[lL][oO][cC][aA][lL][hH][oO][sS][tT])(:[^/?#]*)?([/?#][\s\S]*)?",
        r"|[^:/?#]*([/?#][\s\S]*)?",
        r")$"
    );
    /// [`crate::handoff::is_handoff_url`], but whether the host is public.
    pub const HANDOFF_URL: &str =
        r#"^(?![\s\S]*[^!-~])[hH][tT][tT][pP][sS]?://[^/?@#"'<>\\`{}|^]+([/?][^#"'<>\\`{}|^]*)?$"#;
    /// A name: not blank, no control or bidi character.
    pub const NAME: &str =
        r"^(?=[\s\S]*\S)[^\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]*$";
}

/// An association's name: one text, or one per language.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum Name {
    One(String),
    PerLanguage(Text),
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Name {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Name".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let name = serde_json::json!({
            "type": "string",
            "minLength": 1,
            "maxLength": MAX_NAME_CHARS,
            "pattern": patterns::NAME
        });
        schemars::json_schema!({
            "description": "Who offers the assessment, named on the share button: one name, or one per language tag.",
            "anyOf": [name, { "type": "object", "additionalProperties": name }]
        })
    }
}

impl Name {
    pub fn get(&self, lang: &LangTag) -> &str {
        match self {
            Name::One(s) => s,
            Name::PerLanguage(t) => t.get(lang),
        }
    }

    fn texts(&self) -> Vec<&str> {
        match self {
            Name::One(n) => vec![n.as_str()],
            Name::PerLanguage(t) => t.iter().map(|(_, text)| text).collect(),
        }
    }
}

/// The association's look: colours and font of the design system, and a logo.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct Theme {
    /// Colours: `#rgb`, `#rrggbb` (with or without alpha), or `rgb()`, `rgba()`, `hsl()`,
    /// `hsla()` of numbers.
    #[cfg_attr(feature = "schema", schemars(regex(pattern = patterns::COLOUR)))]
    pub brand: Option<String>,
    #[cfg_attr(feature = "schema", schemars(regex(pattern = patterns::COLOUR)))]
    pub brand_contrast: Option<String>,
    #[cfg_attr(feature = "schema", schemars(regex(pattern = patterns::COLOUR)))]
    pub accent: Option<String>,
    #[cfg_attr(feature = "schema", schemars(regex(pattern = patterns::COLOUR)))]
    pub text: Option<String>,
    #[cfg_attr(feature = "schema", schemars(regex(pattern = patterns::COLOUR)))]
    pub background: Option<String>,
    /// Font family names and generic families, comma-separated.
    #[cfg_attr(feature = "schema", schemars(regex(pattern = patterns::FONT_LIST), length(max = 200)))]
    pub font: Option<String>,
    /// The association's logo: an https URL (or a path on the app's own site).
    #[cfg_attr(feature = "schema", schemars(regex(pattern = patterns::RESOURCE_URL)))]
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

/// An association's configuration. Its sections and weights are the core's [`Customisation`],
/// applied to the questionnaire by [`crate::Questionnaire::load`].
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(from = "ConfigFile")]
pub struct AssociationConfig {
    /// Who offers the assessment; named on the share button.
    pub name: Option<Name>,
    /// The origin of the association's page, the only one that receives events and results.
    pub origin: Option<String>,
    /// The language members start in.
    pub language: Option<String>,
    pub theme: Theme,
    /// The dimensions to ask and new weights.
    pub customisation: Customisation,
    /// Another questionnaire, by URL.
    pub questionnaire: Option<String>,
    /// The association's own market-obligations catalogue, by URL, for the questionnaire asked
    /// (`docs/obligations-format.md`). Without it, an association's own questionnaire gets no
    /// "Your markets and goods" section; the shipped questionnaire keeps the shipped catalogue.
    pub obligations: Option<String>,
    /// Whether the member may choose to include their answers when sharing.
    pub share_answers: bool,
    /// The app's public address, for the links of hand-off QR codes: the frame's own address is
    /// not one a person can open (`handoff::link_base`).
    pub handoff_url: Option<String>,
}

/// The file as written: flat, every field known (serde cannot deny unknown fields of a flattened
/// struct, so the customisation's fields are gathered here and moved into it).
///
/// It is also the published schema of the config file (`assess schema config`).
#[derive(Deserialize)]
#[serde(default, deny_unknown_fields)]
#[derive(Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schema",
    schemars(
        title = "AssociationConfig",
        description = "An association's config file for the embedded assessment (docs/embedding.md).",
        extend("required" = ["origin"])
    )
)]
pub(crate) struct ConfigFile {
    name: Option<Name>,
    /// The origin of the association's page (`https://association.example`), the only one that
    /// receives events and results. Required in a file (and not null).
    #[cfg_attr(
        feature = "schema",
        schemars(with = "String", regex(pattern = patterns::ORIGIN))
    )]
    origin: Option<String>,
    /// The language members start in: one of the questionnaire's.
    language: Option<String>,
    theme: Theme,
    /// The dimensions to ask, by id; every dimension when absent.
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    sections: Option<Vec<DimensionId>>,
    weights: Weights,
    /// Another questionnaire, by URL: https, or a path on the app's own site.
    #[cfg_attr(feature = "schema", schemars(regex(pattern = patterns::RESOURCE_URL)))]
    questionnaire: Option<String>,
    /// The association's own market-obligations catalogue, by URL.
    #[cfg_attr(feature = "schema", schemars(regex(pattern = patterns::RESOURCE_URL)))]
    obligations: Option<String>,
    /// Whether the member may choose to include their answers when sharing.
    share_answers: bool,
    /// The app's public address, for the links of hand-off QR codes.
    #[cfg_attr(
        feature = "schema",
        schemars(regex(pattern = patterns::HANDOFF_URL), length(max = crate::bounds::MAX_LINK_BASE))
    )]
    handoff_url: Option<String>,
}

impl From<ConfigFile> for AssociationConfig {
    fn from(f: ConfigFile) -> Self {
        Self {
            name: f.name,
            origin: f.origin,
            language: f.language,
            theme: f.theme,
            customisation: Customisation {
                sections: f.sections,
                weights: f.weights,
            },
            questionnaire: f.questionnaire,
            obligations: f.obligations,
            share_answers: f.share_answers,
            handoff_url: f.handoff_url,
        }
    }
}

fn problem(field: &str, kind: ProblemKind) -> Problem {
    Problem {
        place: Place::Config,
        field: field.to_owned(),
        kind,
    }
}

impl AssociationConfig {
    /// An association's config file. A file must name its origin: otherwise a page anywhere could
    /// frame the association's file under its own origin and receive its members' results.
    pub fn from_file(text: &str) -> Result<Self, Vec<Problem>> {
        if let Some(problem) = Document::Config.too_large_at(Place::Config, text.len() as u64) {
            return Err(vec![problem]);
        }
        let config: Self = serde_json::from_str(text)
            .map_err(|e| vec![problem("", ProblemKind::Format(e.to_string()))])?;
        if config.origin.is_none() {
            return Err(vec![problem("origin", ProblemKind::Missing)]);
        }
        Ok(config)
    }

    /// Every problem of the settings, each naming its field. `languages` are those the front end
    /// can start in.
    pub fn problems(&self, languages: &[LangTag]) -> Vec<Problem> {
        let mut problems = Vec::new();
        if let Some(origin) = self.origin.as_deref().filter(|o| !is_origin(o)) {
            problems.push(problem(
                "origin",
                ProblemKind::NotAnOrigin(origin.to_owned()),
            ));
        }
        if let Some(lang) = &self.language {
            if !languages.iter().any(|l| l.as_str() == lang) {
                problems.push(problem(
                    "language",
                    ProblemKind::UnsupportedLanguage {
                        language: lang.clone(),
                        offered: languages.iter().map(|l| l.as_str().to_owned()).collect(),
                    },
                ));
            }
        }
        for n in self.name.iter().flat_map(Name::texts) {
            if n.trim().is_empty() || n.chars().count() > MAX_NAME_CHARS {
                problems.push(problem(
                    "name",
                    ProblemKind::BadLength {
                        max: MAX_NAME_CHARS,
                    },
                ));
            } else if let Some(c) = n.chars().find(|&c| c.is_control() || is_bidi_control(c)) {
                // It is shown on the share button: it must read as it is.
                problems.push(problem("name", ProblemKind::ForbiddenCharacter(c)));
            }
        }
        let t = &self.theme;
        for (field, value) in [
            ("theme.brand", &t.brand),
            ("theme.brand_contrast", &t.brand_contrast),
            ("theme.accent", &t.accent),
            ("theme.text", &t.text),
            ("theme.background", &t.background),
        ] {
            if let Some(v) = value.as_deref().filter(|v| !is_colour(v)) {
                problems.push(problem(field, ProblemKind::NotAColour(v.to_owned())));
            }
        }
        if let Some(font) = t.font.as_deref().filter(|f| !is_font_list(f)) {
            problems.push(problem(
                "theme.font",
                ProblemKind::NotAFontList(font.to_owned()),
            ));
        }
        if let Some(logo) = t.logo.as_deref().filter(|l| !is_resource_url(l)) {
            problems.push(problem("theme.logo", ProblemKind::NotAUrl(logo.to_owned())));
        }
        if let Some(url) = self
            .questionnaire
            .as_deref()
            .filter(|l| !is_resource_url(l))
        {
            problems.push(problem(
                "questionnaire",
                ProblemKind::NotAUrl(url.to_owned()),
            ));
        }
        if let Some(url) = self.obligations.as_deref().filter(|l| !is_resource_url(l)) {
            problems.push(problem("obligations", ProblemKind::NotAUrl(url.to_owned())));
        }
        if let Some(url) = self
            .handoff_url
            .as_deref()
            .filter(|u| !crate::handoff::is_handoff_url(u))
        {
            problems.push(problem(
                "handoff_url",
                ProblemKind::NotAHandoffUrl(url.to_owned()),
            ));
        }
        problems
    }

    /// Which market-obligations catalogue reads the questionnaire this config asks: the
    /// association's own when it names one; else the shipped one for the shipped questionnaire
    /// (customised or not: its profile is the same); else none, for the association's own
    /// questionnaire, whose profile the shipped catalogue does not know.
    pub fn catalogue(&self) -> CatalogueSource<'_> {
        match (&self.questionnaire, &self.obligations) {
            (_, Some(url)) => CatalogueSource::Own(url),
            (None, None) => CatalogueSource::Shipped,
            (Some(_), None) => CatalogueSource::None,
        }
    }

    /// Sharing needs someone to share with: a name for the button and an origin to address.
    pub fn can_share(&self) -> bool {
        self.name.is_some() && self.origin.is_some()
    }
}

/// The questionnaire `text` as the members of the association whose config file is `config`
/// answered it: the config read and checked as the app checks it (every field, though only its
/// sections and weights change the questionnaire), and its customisation applied. For the tools
/// that check or count what those members made (`assess validate --config`, `assess cohort
/// --config`, the cohort page). Every problem of the config and of the customised questionnaire.
pub fn questionnaire_with(config: &str, text: &str) -> Result<Questionnaire, Vec<Problem>> {
    let config = AssociationConfig::from_file(config)?;
    // The languages a config may start in are the questionnaire's; its format is checked below.
    let languages = Questionnaire::load(text, &Customisation::default())
        .map(|q| q.doc().languages.clone())
        .unwrap_or_default();
    let mut problems = config.problems(&languages);
    match Questionnaire::load(text, &config.customisation) {
        Ok(q) if problems.is_empty() => Ok(q),
        Ok(_) => Err(problems),
        Err(found) => {
            problems.extend(found.0);
            Err(problems)
        }
    }
}

/// Where the report's "Your markets and goods" comes from ([`AssociationConfig::catalogue`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CatalogueSource<'a> {
    /// The catalogue shipped beside the app.
    Shipped,
    /// The association's, by URL.
    Own(&'a str),
    /// No catalogue: the report has no such section.
    None,
}

/// `scheme://host[:port]` and nothing more.
pub fn is_origin(s: &str) -> bool {
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
pub fn is_colour(s: &str) -> bool {
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

/// Font family names and generic families, comma-separated: nothing that could end the
/// declaration.
pub fn is_font_list(s: &str) -> bool {
    !s.trim().is_empty()
        && s.len() <= 200
        && s.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | ',' | '-' | '"' | '\''))
}

/// An https URL, or a path on the app's own site. Plain http only to this machine (for trying a
/// configuration locally). Never `javascript:`, `data:` or the like, never a scheme-relative
/// `//host/…` (which leaves the site), never credentials (`https://user@host/`, which can make a
/// URL read as another host).
pub fn is_resource_url(s: &str) -> bool {
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
