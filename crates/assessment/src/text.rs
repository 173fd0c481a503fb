//! Translatable text: every user-facing string of a questionnaire is an object keyed by language tag,
//! so that a third language is a data change, not a code change.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::list_map::ListMap;

/// A BCP 47 language tag as used in the questionnaire (`zh-CN`, `en`).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct LangTag(pub String);

impl LangTag {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<&str> for LangTag {
    fn from(s: &str) -> Self {
        Self(s.to_owned())
    }
}

impl fmt::Display for LangTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// One text in every language of the questionnaire: `{"zh-CN": "…", "en": "…"}`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Text(ListMap<LangTag, String>);

impl Text {
    /// The text in `lang`. A validated questionnaire has every language for every text, so the
    /// fallback to any language only matters for a language the questionnaire does not declare.
    pub fn get(&self, lang: &LangTag) -> &str {
        self.0
            .get(lang)
            .or_else(|| self.0.values().next())
            .map_or("", String::as_str)
    }

    /// The declared languages that have no non-blank text here.
    pub fn missing<'a>(&self, languages: &'a [LangTag]) -> Vec<&'a LangTag> {
        languages
            .iter()
            .filter(|lang| self.0.get(*lang).is_none_or(|s| s.trim().is_empty()))
            .collect()
    }

    /// Each language's text, in the order of the tags.
    pub fn iter(&self) -> impl Iterator<Item = (&LangTag, &str)> {
        self.0.iter().map(|(tag, text)| (tag, text.as_str()))
    }
}

/// A text's characters as a JSON Schema pattern: no control character but line breaks and tabs,
/// no bidi control (`validate::forbidden_in_text`).
#[cfg(feature = "schema")]
pub(crate) const TEXT_PATTERN: &str =
    "^[^\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F\\u202A-\\u202E\\u2066-\\u2069]*$";

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Text {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Text".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        // What it is written as: an object of strings by language tag. No control character
        // but line breaks and tabs, and no bidi control (`validate::forbidden_in_text`).
        schemars::json_schema!({
            "description": "One text in every language of the questionnaire: `{\"zh-CN\": \"…\", \"en\": \"…\"}`.",
            "type": "object",
            "minProperties": 1,
            "additionalProperties": {
                "type": "string",
                "pattern": TEXT_PATTERN
            }
        })
    }
}

/// Whether `lang` is Chinese: the core words what a person reads in English (its `Display`) and in
/// Chinese, the two languages the front ends speak; any other language gets the English.
pub(crate) fn in_chinese(lang: &LangTag) -> bool {
    lang.as_str().starts_with("zh")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_writes_as_an_object_by_language_tag() {
        let text: Text =
            serde_json::from_str(r#"{"zh-CN": "中", "en": "E", "en": "later"}"#).unwrap();
        // In the order of the tags, a later key replacing an earlier one, as a map would.
        assert_eq!(
            text.iter().collect::<Vec<_>>(),
            [(&"en".into(), "later"), (&"zh-CN".into(), "中")]
        );
        assert_eq!(text.get(&"zh-CN".into()), "中");
        assert_eq!(text.get(&"fr".into()), "later");
        assert_eq!(
            serde_json::to_string(&text).unwrap(),
            r#"{"en":"later","zh-CN":"中"}"#
        );
        assert!(serde_json::from_str::<Text>(r#"["en", "E"]"#).is_err());
        assert!(serde_json::from_str::<Text>(r#"{"en": 1}"#).is_err());
        assert_eq!(Text::default().get(&"en".into()), "");
    }
}
